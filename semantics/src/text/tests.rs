//! Tests of `text` against outputs recorded from CPython 3.11.

use super::*;
use crate::error::LibError;

/// An argument in a test case.
#[derive(Debug)]
enum A {
    S(&'static str),
    I(i64),
    B(bool),
    N,
}
use A::{B, I, N, S};

fn s(a: &A) -> &'static str {
    match a {
        S(text) => text,
        other => panic!("expected a str argument, got {other:?}"),
    }
}
fn os(a: &A) -> Option<&'static str> {
    match a {
        N => None,
        other => Some(s(other)),
    }
}
fn i(a: &A) -> i64 {
    match a {
        I(v) => *v,
        other => panic!("expected an int argument, got {other:?}"),
    }
}
fn oi(a: &A) -> Option<i64> {
    match a {
        N => None,
        other => Some(i(other)),
    }
}
fn c(a: &A) -> char {
    s(a).chars().next().expect("fill character")
}
fn b(a: &A) -> bool {
    match a {
        B(v) => *v,
        other => panic!("expected a bool argument, got {other:?}"),
    }
}

fn py_bool(v: bool) -> String {
    if v { "True" } else { "False" }.to_string()
}
fn py_list(items: &[&str]) -> String {
    let shown: Vec<String> = items.iter().map(|t| str_repr(t)).collect();
    format!("[{}]", shown.join(", "))
}
fn py_err(e: LibError) -> String {
    format!("!{}: {}", e.kind, e.message)
}

/// Runs `op` and renders the result as CPython's `repr` of it.
fn run(op: &str, a: &[A]) -> String {
    match op {
        "upper" => str_repr(&upper(s(&a[0]))),
        "lower" => str_repr(&lower(s(&a[0]))),
        "casefold" => str_repr(&casefold(s(&a[0]))),
        "swapcase" => str_repr(&swapcase(s(&a[0]))),
        "title" => str_repr(&title(s(&a[0]))),
        "capitalize" => str_repr(&capitalize(s(&a[0]))),
        "isdigit" => py_bool(isdigit(s(&a[0]))),
        "isdecimal" => py_bool(isdecimal(s(&a[0]))),
        "isnumeric" => py_bool(isnumeric(s(&a[0]))),
        "isalpha" => py_bool(isalpha(s(&a[0]))),
        "isalnum" => py_bool(isalnum(s(&a[0]))),
        "isspace" => py_bool(isspace(s(&a[0]))),
        "isupper" => py_bool(isupper(s(&a[0]))),
        "islower" => py_bool(islower(s(&a[0]))),
        "istitle" => py_bool(istitle(s(&a[0]))),
        "isidentifier" => py_bool(isidentifier(s(&a[0]))),
        "isprintable" => py_bool(isprintable(s(&a[0]))),
        "isascii" => py_bool(isascii(s(&a[0]))),
        "len" => char_len(s(&a[0])).to_string(),
        "splitlines" => py_list(&splitlines(s(&a[0]), b(&a[1]))),
        "split" => split(s(&a[0]), os(&a[1]), i(&a[2])).map_or_else(py_err, |v| py_list(&v)),
        "rsplit" => rsplit(s(&a[0]), os(&a[1]), i(&a[2])).map_or_else(py_err, |v| py_list(&v)),
        "strip" => str_repr(strip(s(&a[0]), os(&a[1]))),
        "lstrip" => str_repr(lstrip(s(&a[0]), os(&a[1]))),
        "rstrip" => str_repr(rstrip(s(&a[0]), os(&a[1]))),
        "find" => find(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
        "rfind" => rfind(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
        "count" => count(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
        "startswith" => py_bool(startswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "endswith" => py_bool(endswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
        "index" => index(s(&a[0]), s(&a[1]), None, None).map_or_else(py_err, |v| v.to_string()),
        "rindex" => rindex(s(&a[0]), s(&a[1]), None, None).map_or_else(py_err, |v| v.to_string()),
        "partition" => {
            partition(s(&a[0]), s(&a[1])).map_or_else(py_err, |(x, y, z)| py_list(&[x, y, z]))
        }
        "rpartition" => {
            rpartition(s(&a[0]), s(&a[1])).map_or_else(py_err, |(x, y, z)| py_list(&[x, y, z]))
        }
        "replace" => str_repr(&replace(s(&a[0]), s(&a[1]), s(&a[2]), i(&a[3]))),
        "center" => str_repr(&center(s(&a[0]), i(&a[1]), c(&a[2]))),
        "ljust" => str_repr(&ljust(s(&a[0]), i(&a[1]), c(&a[2]))),
        "rjust" => str_repr(&rjust(s(&a[0]), i(&a[1]), c(&a[2]))),
        "zfill" => str_repr(&zfill(s(&a[0]), i(&a[1]))),
        "expandtabs" => str_repr(&expandtabs(s(&a[0]), i(&a[1]))),
        "mul" => str_mul(s(&a[0]), i(&a[1])).map_or_else(py_err, |v| str_repr(&v)),
        "slice" => {
            let text = s(&a[0]);
            match normalize_slice(char_len(text), oi(&a[1]), oi(&a[2]), oi(&a[3])) {
                Ok((start, _stop, step, n)) => str_repr(&slice(text, start, step, n)),
                Err(e) => py_err(e),
            }
        }
        other => panic!("unknown operation {other}"),
    }
}

#[test]
fn str_methods_match_cpython() {
    let mut failures = Vec::new();
    for (op, args, want) in CASES {
        let got = run(op, args);
        if got != *want {
            failures.push(format!("{op}{args:?}: got {got}, CPython says {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Renders a parsed template with positional args A..D and keyword `a='x'`, the way the

#[test]
fn utf8_decoding_errors_match_cpython() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"\xff",
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        ),
        (
            b"a\x80",
            "'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte",
        ),
        (
            b"\xe2\x82",
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data",
        ),
        (
            b"\xe2\x82a",
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
        ),
        (
            b"\xe2(\xa1",
            "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte",
        ),
        (
            b"\xf0\x9f\x98",
            "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data",
        ),
        (
            b"\xed\xa0\x80",
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
        ),
        (
            b"\xc0\xaf",
            "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte",
        ),
        (
            b"\xf4\x90\x80\x80",
            "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte",
        ),
        (
            b"ab\xf0\x9f",
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data",
        ),
        (
            b"\xc3",
            "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data",
        ),
        (
            b"\xf8\x88\x80\x80\x80",
            "'utf-8' codec can't decode byte 0xf8 in position 0: invalid start byte",
        ),
    ];
    for &(bytes, want) in cases {
        let err = decode_utf8(bytes).unwrap_err();
        assert_eq!(
            (err.kind.name(), err.message.as_str()),
            ("UnicodeDecodeError", want),
            "{bytes:?}"
        );
    }
    assert_eq!(decode_utf8("héllo".as_bytes()), Ok("héllo"));
}

#[test]
fn absurd_sizes_raise_memory_error() {
    assert_eq!(
        try_center("ab", i64::MAX, '*').unwrap_err().kind.name(),
        "MemoryError"
    );
    assert_eq!(try_ljust("ab", 5, '*'), Ok("ab***".to_string()));
    assert_eq!(
        try_rjust("ab", 1 << 40, 'é').unwrap_err().kind.name(),
        "MemoryError"
    );
    assert_eq!(try_zfill("-1", 4), Ok("-001".to_string()));
    assert_eq!(
        try_expandtabs("a\tb", 1 << 40).unwrap_err().kind.name(),
        "MemoryError"
    );
    assert_eq!(
        try_replace("aaaa", "a", &"x".repeat(1 << 20), -1).map(|s| s.len()),
        Ok(4 << 20)
    );
    let big = "x".repeat(1 << 12);
    assert_eq!(
        try_replace(&big, "", &big, -1).map(|s| s.len()).ok(),
        Some((1 << 12) * ((1 << 12) + 2))
    );
    assert_eq!(
        str_mul("ab", i64::MAX).unwrap_err().kind.name(),
        "OverflowError"
    );
    assert_eq!(
        str_mul("ab", 1 << 40).unwrap_err().kind.name(),
        "MemoryError"
    );
}

#[test]
fn unicode_data_is_cpython_311s() {
    // Characters whose case data changed after Unicode 14.0 behave as in CPython 3.11.
    assert_eq!(upper("\u{19b}"), "\u{19b}");
    assert_eq!(lower("\u{a7cb}"), "\u{a7cb}");
    assert_eq!(swapcase("\u{1c89}"), "\u{1c89}");
    assert!(islower("\u{295}"));
    assert!(!islower("\u{10fc}"));
    assert!(!isupper("\u{a7cb}"));
    assert_eq!(upper("\u{295}"), "\u{295}");
}

#[test]
fn slices_and_indices() {
    assert_eq!(normalize_slice(5, None, None, Some(-1)), Ok((4, -1, -1, 5)));
    assert_eq!(
        normalize_slice(5, Some(-100), Some(100), Some(2)),
        Ok((0, 5, 2, 3))
    );
    assert_eq!(
        normalize_slice(5, None, None, Some(i64::MIN)),
        Ok((4, -1, -i64::MAX, 1))
    );
    assert_eq!(normalize_slice(0, None, None, None), Ok((0, 0, 1, 0)));
    assert_eq!(
        normalize_slice(3, None, None, Some(0)).unwrap_err().message,
        "slice step cannot be zero"
    );
    assert_eq!(normalize_index(3, -1), Some(2));
    assert_eq!(normalize_index(3, 3), None);
    assert_eq!(normalize_index(3, -4), None);
    assert_eq!(normalize_index(3, i64::MIN), None);
    assert_eq!(char_at("héllo", 1), Some('é'));
    assert_eq!(char_at("abc", 3), None);
    assert_eq!(substring("日本語テキスト", 2, 4), "語テ");
    assert_eq!(byte_offset("日本語", 1), 3);
    assert_eq!(join(", ", &["a", "b"]), "a, b");
    assert!(contains("hello", "ell"));
    assert_eq!(decimal_value('\u{667}'), Some(7));
    assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
    assert_eq!(decimal_value('x'), None);
    assert!(is_printable_char('é') && !is_printable_char('\u{200b}'));
}

const CASES: &[(&str, &[A], &str)] = &[
    ("upper", &[S("")], "''"),
    ("lower", &[S("")], "''"),
    ("casefold", &[S("")], "''"),
    ("swapcase", &[S("")], "''"),
    ("title", &[S("")], "''"),
    ("capitalize", &[S("")], "''"),
    ("upper", &[S("a")], "'A'"),
    ("lower", &[S("a")], "'a'"),
    ("casefold", &[S("a")], "'a'"),
    ("swapcase", &[S("a")], "'A'"),
    ("title", &[S("a")], "'A'"),
    ("capitalize", &[S("a")], "'A'"),
    ("upper", &[S("abc")], "'ABC'"),
    ("lower", &[S("abc")], "'abc'"),
    ("casefold", &[S("abc")], "'abc'"),
    ("swapcase", &[S("abc")], "'ABC'"),
    ("title", &[S("abc")], "'Abc'"),
    ("capitalize", &[S("abc")], "'Abc'"),
    ("upper", &[S("hello world")], "'HELLO WORLD'"),
    ("lower", &[S("hello world")], "'hello world'"),
    ("casefold", &[S("hello world")], "'hello world'"),
    ("swapcase", &[S("hello world")], "'HELLO WORLD'"),
    ("title", &[S("hello world")], "'Hello World'"),
    ("capitalize", &[S("hello world")], "'Hello world'"),
    ("upper", &[S("  a b  c  ")], "'  A B  C  '"),
    ("lower", &[S("  a b  c  ")], "'  a b  c  '"),
    ("casefold", &[S("  a b  c  ")], "'  a b  c  '"),
    ("swapcase", &[S("  a b  c  ")], "'  A B  C  '"),
    ("title", &[S("  a b  c  ")], "'  A B  C  '"),
    ("capitalize", &[S("  a b  c  ")], "'  a b  c  '"),
    ("upper", &[S("a,b,,c,")], "'A,B,,C,'"),
    ("lower", &[S("a,b,,c,")], "'a,b,,c,'"),
    ("casefold", &[S("a,b,,c,")], "'a,b,,c,'"),
    ("swapcase", &[S("a,b,,c,")], "'A,B,,C,'"),
    ("title", &[S("a,b,,c,")], "'A,B,,C,'"),
    ("capitalize", &[S("a,b,,c,")], "'A,b,,c,'"),
    (
        "upper",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'H\u{c9}LLO W\u{d6}RLD'",
    ),
    (
        "lower",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    (
        "casefold",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    (
        "swapcase",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'H\u{c9}LLO W\u{d6}RLD'",
    ),
    (
        "title",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'H\u{e9}llo W\u{f6}rld'",
    ),
    (
        "capitalize",
        &[S("h\u{e9}llo w\u{f6}rld")],
        "'H\u{e9}llo w\u{f6}rld'",
    ),
    (
        "upper",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "lower",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "casefold",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "swapcase",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "title",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "capitalize",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    (
        "upper",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3a3}\u{391}\u{3a3}'",
    ),
    (
        "lower",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3c3}\u{3b1}\u{3c2}'",
    ),
    (
        "casefold",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3c3}\u{3b1}\u{3c3}'",
    ),
    (
        "swapcase",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3c3}\u{3b1}\u{3c2}'",
    ),
    (
        "title",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3a3}\u{3b1}\u{3c2}'",
    ),
    (
        "capitalize",
        &[S("\u{3a3}\u{391}\u{3a3}")],
        "'\u{3a3}\u{3b1}\u{3c2}'",
    ),
    (
        "upper",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}'",
    ),
    (
        "lower",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
    ),
    (
        "casefold",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c3}'",
    ),
    (
        "swapcase",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
    ),
    (
        "title",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
    ),
    (
        "capitalize",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "'\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
    ),
    ("upper", &[S("a\u{3a3} b")], "'A\u{3a3} B'"),
    ("lower", &[S("a\u{3a3} b")], "'a\u{3c2} b'"),
    ("casefold", &[S("a\u{3a3} b")], "'a\u{3c3} b'"),
    ("swapcase", &[S("a\u{3a3} b")], "'A\u{3c2} B'"),
    ("title", &[S("a\u{3a3} b")], "'A\u{3c2} B'"),
    ("capitalize", &[S("a\u{3a3} b")], "'A\u{3c2} b'"),
    ("upper", &[S("\u{df}")], "'SS'"),
    ("lower", &[S("\u{df}")], "'\u{df}'"),
    ("casefold", &[S("\u{df}")], "'ss'"),
    ("swapcase", &[S("\u{df}")], "'SS'"),
    ("title", &[S("\u{df}")], "'Ss'"),
    ("capitalize", &[S("\u{df}")], "'Ss'"),
    (
        "upper",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c4}EMAL \u{1c4}'",
    ),
    (
        "lower",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c6}emal \u{1c6}'",
    ),
    (
        "casefold",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c6}emal \u{1c6}'",
    ),
    (
        "swapcase",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c4}EMAL \u{1c5}'",
    ),
    (
        "title",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c5}emal \u{1c5}'",
    ),
    (
        "capitalize",
        &[S("\u{1c6}emal \u{1c5}")],
        "'\u{1c5}emal \u{1c6}'",
    ),
    ("upper", &[S("\u{fb01}nance")], "'FINANCE'"),
    ("lower", &[S("\u{fb01}nance")], "'\u{fb01}nance'"),
    ("casefold", &[S("\u{fb01}nance")], "'finance'"),
    ("swapcase", &[S("\u{fb01}nance")], "'FINANCE'"),
    ("title", &[S("\u{fb01}nance")], "'Finance'"),
    ("capitalize", &[S("\u{fb01}nance")], "'Finance'"),
    ("upper", &[S("\u{130}stanbul")], "'\u{130}STANBUL'"),
    ("lower", &[S("\u{130}stanbul")], "'i\u{307}stanbul'"),
    ("casefold", &[S("\u{130}stanbul")], "'i\u{307}stanbul'"),
    ("swapcase", &[S("\u{130}stanbul")], "'i\u{307}STANBUL'"),
    ("title", &[S("\u{130}stanbul")], "'\u{130}stanbul'"),
    ("capitalize", &[S("\u{130}stanbul")], "'\u{130}stanbul'"),
    ("upper", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
    ("lower", &[S("a\tb\n\tc")], "'a\\tb\\n\\tc'"),
    ("casefold", &[S("a\tb\n\tc")], "'a\\tb\\n\\tc'"),
    ("swapcase", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
    ("title", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
    ("capitalize", &[S("a\tb\n\tc")], "'A\\tb\\n\\tc'"),
    (
        "upper",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
    ),
    (
        "lower",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
    ),
    (
        "casefold",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
    ),
    (
        "swapcase",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
    ),
    (
        "title",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
    ),
    (
        "capitalize",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "'X\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
    ),
    (
        "upper",
        &[S("hello_World 3rd-party")],
        "'HELLO_WORLD 3RD-PARTY'",
    ),
    (
        "lower",
        &[S("hello_World 3rd-party")],
        "'hello_world 3rd-party'",
    ),
    (
        "casefold",
        &[S("hello_World 3rd-party")],
        "'hello_world 3rd-party'",
    ),
    (
        "swapcase",
        &[S("hello_World 3rd-party")],
        "'HELLO_wORLD 3RD-PARTY'",
    ),
    (
        "title",
        &[S("hello_World 3rd-party")],
        "'Hello_World 3Rd-Party'",
    ),
    (
        "capitalize",
        &[S("hello_World 3rd-party")],
        "'Hello_world 3rd-party'",
    ),
    ("upper", &[S("it's")], "\"IT'S\""),
    ("lower", &[S("it's")], "\"it's\""),
    ("casefold", &[S("it's")], "\"it's\""),
    ("swapcase", &[S("it's")], "\"IT'S\""),
    ("title", &[S("it's")], "\"It'S\""),
    ("capitalize", &[S("it's")], "\"It's\""),
    ("upper", &[S("say \"hi\"")], "'SAY \"HI\"'"),
    ("lower", &[S("say \"hi\"")], "'say \"hi\"'"),
    ("casefold", &[S("say \"hi\"")], "'say \"hi\"'"),
    ("swapcase", &[S("say \"hi\"")], "'SAY \"HI\"'"),
    ("title", &[S("say \"hi\"")], "'Say \"Hi\"'"),
    ("capitalize", &[S("say \"hi\"")], "'Say \"hi\"'"),
    ("upper", &[S("both ' and \"")], "'BOTH \\' AND \"'"),
    ("lower", &[S("both ' and \"")], "'both \\' and \"'"),
    ("casefold", &[S("both ' and \"")], "'both \\' and \"'"),
    ("swapcase", &[S("both ' and \"")], "'BOTH \\' AND \"'"),
    ("title", &[S("both ' and \"")], "'Both \\' And \"'"),
    ("capitalize", &[S("both ' and \"")], "'Both \\' and \"'"),
    (
        "upper",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "lower",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "casefold",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "swapcase",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "title",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "capitalize",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "upper",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "lower",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "casefold",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "swapcase",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "title",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "capitalize",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    ("upper", &[S("\u{1c8}")], "'\u{1c7}'"),
    ("lower", &[S("\u{1c8}")], "'\u{1c9}'"),
    ("casefold", &[S("\u{1c8}")], "'\u{1c9}'"),
    ("swapcase", &[S("\u{1c8}")], "'\u{1c8}'"),
    ("title", &[S("\u{1c8}")], "'\u{1c8}'"),
    ("capitalize", &[S("\u{1c8}")], "'\u{1c8}'"),
    ("upper", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3a3}'"),
    ("lower", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c2}'"),
    ("casefold", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c3}'"),
    ("swapcase", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c2}'"),
    ("title", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3c2}'"),
    ("capitalize", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3c2}'"),
    ("upper", &[S("123")], "'123'"),
    ("lower", &[S("123")], "'123'"),
    ("casefold", &[S("123")], "'123'"),
    ("swapcase", &[S("123")], "'123'"),
    ("title", &[S("123")], "'123'"),
    ("capitalize", &[S("123")], "'123'"),
    (
        "upper",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "lower",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "casefold",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "swapcase",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "title",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "capitalize",
        &[S("\u{661}\u{662}\u{663}")],
        "'\u{661}\u{662}\u{663}'",
    ),
    ("upper", &[S("\u{bd}")], "'\u{bd}'"),
    ("lower", &[S("\u{bd}")], "'\u{bd}'"),
    ("casefold", &[S("\u{bd}")], "'\u{bd}'"),
    ("swapcase", &[S("\u{bd}")], "'\u{bd}'"),
    ("title", &[S("\u{bd}")], "'\u{bd}'"),
    ("capitalize", &[S("\u{bd}")], "'\u{bd}'"),
    ("upper", &[S("\u{b2}")], "'\u{b2}'"),
    ("lower", &[S("\u{b2}")], "'\u{b2}'"),
    ("casefold", &[S("\u{b2}")], "'\u{b2}'"),
    ("swapcase", &[S("\u{b2}")], "'\u{b2}'"),
    ("title", &[S("\u{b2}")], "'\u{b2}'"),
    ("capitalize", &[S("\u{b2}")], "'\u{b2}'"),
    ("upper", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("lower", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("casefold", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("swapcase", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("title", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("capitalize", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
    ("upper", &[S("\u{216b}")], "'\u{216b}'"),
    ("lower", &[S("\u{216b}")], "'\u{217b}'"),
    ("casefold", &[S("\u{216b}")], "'\u{217b}'"),
    ("swapcase", &[S("\u{216b}")], "'\u{217b}'"),
    ("title", &[S("\u{216b}")], "'\u{216b}'"),
    ("capitalize", &[S("\u{216b}")], "'\u{216b}'"),
    ("upper", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("lower", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("casefold", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("swapcase", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("title", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("capitalize", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
    ("upper", &[S("abc123")], "'ABC123'"),
    ("lower", &[S("abc123")], "'abc123'"),
    ("casefold", &[S("abc123")], "'abc123'"),
    ("swapcase", &[S("abc123")], "'ABC123'"),
    ("title", &[S("abc123")], "'Abc123'"),
    ("capitalize", &[S("abc123")], "'Abc123'"),
    ("upper", &[S("_id9")], "'_ID9'"),
    ("lower", &[S("_id9")], "'_id9'"),
    ("casefold", &[S("_id9")], "'_id9'"),
    ("swapcase", &[S("_id9")], "'_ID9'"),
    ("title", &[S("_id9")], "'_Id9'"),
    ("capitalize", &[S("_id9")], "'_id9'"),
    ("upper", &[S("9x")], "'9X'"),
    ("lower", &[S("9x")], "'9x'"),
    ("casefold", &[S("9x")], "'9x'"),
    ("swapcase", &[S("9x")], "'9X'"),
    ("title", &[S("9x")], "'9X'"),
    ("capitalize", &[S("9x")], "'9x'"),
    ("upper", &[S("Ab Cd")], "'AB CD'"),
    ("lower", &[S("Ab Cd")], "'ab cd'"),
    ("casefold", &[S("Ab Cd")], "'ab cd'"),
    ("swapcase", &[S("Ab Cd")], "'aB cD'"),
    ("title", &[S("Ab Cd")], "'Ab Cd'"),
    ("capitalize", &[S("Ab Cd")], "'Ab cd'"),
    ("upper", &[S("AB CD")], "'AB CD'"),
    ("lower", &[S("AB CD")], "'ab cd'"),
    ("casefold", &[S("AB CD")], "'ab cd'"),
    ("swapcase", &[S("AB CD")], "'ab cd'"),
    ("title", &[S("AB CD")], "'Ab Cd'"),
    ("capitalize", &[S("AB CD")], "'Ab cd'"),
    ("upper", &[S("ab cd")], "'AB CD'"),
    ("lower", &[S("ab cd")], "'ab cd'"),
    ("casefold", &[S("ab cd")], "'ab cd'"),
    ("swapcase", &[S("ab cd")], "'AB CD'"),
    ("title", &[S("ab cd")], "'Ab Cd'"),
    ("capitalize", &[S("ab cd")], "'Ab cd'"),
    ("upper", &[S("Ab cD")], "'AB CD'"),
    ("lower", &[S("Ab cD")], "'ab cd'"),
    ("casefold", &[S("Ab cD")], "'ab cd'"),
    ("swapcase", &[S("Ab cD")], "'aB Cd'"),
    ("title", &[S("Ab cD")], "'Ab Cd'"),
    ("capitalize", &[S("Ab cD")], "'Ab cd'"),
    ("upper", &[S("   ")], "'   '"),
    ("lower", &[S("   ")], "'   '"),
    ("casefold", &[S("   ")], "'   '"),
    ("swapcase", &[S("   ")], "'   '"),
    ("title", &[S("   ")], "'   '"),
    ("capitalize", &[S("   ")], "'   '"),
    ("upper", &[S("aaa")], "'AAA'"),
    ("lower", &[S("aaa")], "'aaa'"),
    ("casefold", &[S("aaa")], "'aaa'"),
    ("swapcase", &[S("aaa")], "'AAA'"),
    ("title", &[S("aaa")], "'Aaa'"),
    ("capitalize", &[S("aaa")], "'Aaa'"),
    ("upper", &[S("ababab")], "'ABABAB'"),
    ("lower", &[S("ababab")], "'ababab'"),
    ("casefold", &[S("ababab")], "'ababab'"),
    ("swapcase", &[S("ababab")], "'ABABAB'"),
    ("title", &[S("ababab")], "'Ababab'"),
    ("capitalize", &[S("ababab")], "'Ababab'"),
    ("upper", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3a3}'"),
    ("lower", &[S("\u{3c3}\u{3c2}")], "'\u{3c3}\u{3c2}'"),
    ("casefold", &[S("\u{3c3}\u{3c2}")], "'\u{3c3}\u{3c3}'"),
    ("swapcase", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3a3}'"),
    ("title", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3c2}'"),
    ("capitalize", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3c2}'"),
    (
        "upper",
        &[S("MIXED case \u{3a3}.")],
        "'MIXED CASE \u{3a3}.'",
    ),
    (
        "lower",
        &[S("MIXED case \u{3a3}.")],
        "'mixed case \u{3c3}.'",
    ),
    (
        "casefold",
        &[S("MIXED case \u{3a3}.")],
        "'mixed case \u{3c3}.'",
    ),
    (
        "swapcase",
        &[S("MIXED case \u{3a3}.")],
        "'mixed CASE \u{3c3}.'",
    ),
    (
        "title",
        &[S("MIXED case \u{3a3}.")],
        "'Mixed Case \u{3a3}.'",
    ),
    (
        "capitalize",
        &[S("MIXED case \u{3a3}.")],
        "'Mixed case \u{3c3}.'",
    ),
    ("isdecimal", &[S("a")], "False"),
    ("isdigit", &[S("ababab")], "False"),
    ("isalpha", &[S("a\u{3a3} b")], "False"),
    ("islower", &[S("\u{130}stanbul")], "False"),
    ("isascii", &[S("\u{3c3}\u{3c2}")], "False"),
    ("islower", &[S("123")], "False"),
    ("isalnum", &[S("both ' and \"")], "False"),
    ("istitle", &[S("a")], "False"),
    ("isalpha", &[S("Ab Cd")], "False"),
    ("isupper", &[S("  a b  c  ")], "False"),
    (
        "istitle",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "False",
    ),
    ("isdecimal", &[S("\u{4e00}\u{4e8c}")], "False"),
    ("istitle", &[S("a\u{3a3} b")], "False"),
    ("isupper", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
    ("istitle", &[S("aaa")], "False"),
    ("isnumeric", &[S("a,b,,c,")], "False"),
    ("isdigit", &[S("\u{216b}")], "False"),
    (
        "isspace",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "False",
    ),
    ("isspace", &[S("\u{3a3}\u{391}\u{3a3}")], "False"),
    ("istitle", &[S("\u{3c3}\u{3c2}")], "False"),
    (
        "isidentifier",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "False",
    ),
    ("isprintable", &[S("ab cd")], "True"),
    ("isprintable", &[S("9x")], "True"),
    ("isdecimal", &[S("a,b,,c,")], "False"),
    (
        "isalpha",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "True",
    ),
    ("isnumeric", &[S("a\u{3a3} b")], "False"),
    ("isidentifier", &[S("_id9")], "True"),
    ("istitle", &[S("\u{df}")], "False"),
    ("isalpha", &[S("   ")], "False"),
    ("isascii", &[S("ab cd")], "True"),
    ("isalnum", &[S("9x")], "True"),
    ("isspace", &[S("a,b,,c,")], "False"),
    ("isdecimal", &[S("Ab Cd")], "False"),
    ("islower", &[S("ababab")], "True"),
    ("isalpha", &[S("")], "False"),
    ("isidentifier", &[S("both ' and \"")], "False"),
    ("isidentifier", &[S("\u{661}\u{662}\u{663}")], "False"),
    ("isalnum", &[S("\u{3a3}\u{3a3}")], "True"),
    ("isidentifier", &[S("AB CD")], "False"),
    ("isdigit", &[S("hello_World 3rd-party")], "False"),
    ("isdecimal", &[S("abc")], "False"),
    ("isalpha", &[S("abc123")], "False"),
    ("isupper", &[S("\u{df}")], "False"),
    ("islower", &[S("a\u{3a3} b")], "False"),
    ("isspace", &[S("\u{df}")], "False"),
    ("isalnum", &[S("\u{661}\u{662}\u{663}")], "True"),
    (
        "isspace",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "False",
    ),
    (
        "isnumeric",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "False",
    ),
    ("isdigit", &[S("it's")], "False"),
    ("isnumeric", &[S("abc")], "False"),
    ("isnumeric", &[S("both ' and \"")], "False"),
    ("isidentifier", &[S("\u{fb01}nance")], "True"),
    ("isdecimal", &[S("_id9")], "False"),
    ("isascii", &[S("9x")], "True"),
    ("isdigit", &[S("")], "False"),
    ("isupper", &[S("AB CD")], "True"),
    ("isalnum", &[S("abc")], "True"),
    ("isdigit", &[S("_id9")], "False"),
    ("isalnum", &[S("a,b,,c,")], "False"),
    ("isascii", &[S("a")], "True"),
    ("isalpha", &[S("a,b,,c,")], "False"),
    ("islower", &[S("aaa")], "True"),
    ("isascii", &[S("abc")], "True"),
    ("islower", &[S("both ' and \"")], "True"),
    ("isalnum", &[S("a")], "True"),
    ("isspace", &[S("AB CD")], "False"),
    ("isalnum", &[S("\u{216b}")], "True"),
    ("istitle", &[S("hello world")], "False"),
    ("isascii", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
    ("isspace", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
    ("isprintable", &[S("both ' and \"")], "True"),
    ("isspace", &[S("\u{fb01}nance")], "False"),
    ("istitle", &[S("h\u{e9}llo w\u{f6}rld")], "False"),
    ("isdigit", &[S("Ab cD")], "False"),
    ("isdigit", &[S("hello world")], "False"),
    ("isascii", &[S("\u{130}stanbul")], "False"),
    (
        "isspace",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "False",
    ),
    ("islower", &[S("\u{bd}")], "False"),
    (
        "islower",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "True",
    ),
    ("isdigit", &[S("123")], "True"),
    ("isascii", &[S("\u{1c6}emal \u{1c5}")], "False"),
    ("isalnum", &[S("a\tb\n\tc")], "False"),
    ("isalpha", &[S("\u{df}")], "True"),
    ("isdecimal", &[S("\u{3a3}\u{391}\u{3a3}")], "False"),
    ("isdigit", &[S("\u{130}stanbul")], "False"),
    ("isalpha", &[S("it's")], "False"),
    ("isascii", &[S("Ab cD")], "True"),
    ("isalnum", &[S("ababab")], "True"),
    ("istitle", &[S("\u{1c8}")], "True"),
    ("isdecimal", &[S("")], "False"),
    ("isupper", &[S("\u{216b}")], "True"),
    ("isprintable", &[S("\u{216b}")], "True"),
    (
        "isnumeric",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "False",
    ),
    ("isascii", &[S("_id9")], "True"),
    ("isalnum", &[S("hello world")], "False"),
    ("isnumeric", &[S("\u{3a3}\u{3a3}")], "False"),
    (
        "islower",
        &[S(
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
        )],
        "False",
    ),
    ("isidentifier", &[S("a")], "True"),
    ("isascii", &[S("a\tb\n\tc")], "True"),
    ("islower", &[S("say \"hi\"")], "True"),
    ("isidentifier", &[S("123")], "False"),
    ("istitle", &[S("\u{bd}")], "False"),
    ("isalnum", &[S("_id9")], "False"),
    ("isdecimal", &[S("\u{1c8}")], "False"),
    ("isalpha", &[S("AB CD")], "False"),
    ("isdecimal", &[S("\u{bd}")], "False"),
    ("isnumeric", &[S("9x")], "False"),
    ("isprintable", &[S("a")], "True"),
    ("isupper", &[S("\u{661}\u{662}\u{663}")], "False"),
    ("isalnum", &[S("it's")], "False"),
    ("isalpha", &[S("abc")], "True"),
    ("isprintable", &[S("a\tb\n\tc")], "False"),
    ("isascii", &[S("aaa")], "True"),
    ("isnumeric", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
    ("isspace", &[S("abc123")], "False"),
    ("isascii", &[S("\u{4e00}\u{4e8c}")], "False"),
    ("isnumeric", &[S("\u{3c3}\u{3c2}")], "False"),
    ("isascii", &[S("hello_World 3rd-party")], "True"),
    ("islower", &[S("\u{4e00}\u{4e8c}")], "False"),
    ("isprintable", &[S("hello_World 3rd-party")], "True"),
    ("istitle", &[S("Ab Cd")], "True"),
    ("isidentifier", &[S("")], "False"),
    ("isspace", &[S("a\u{3a3} b")], "False"),
    (
        "isalpha",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "True",
    ),
    (
        "isprintable",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "False",
    ),
    ("isspace", &[S("aaa")], "False"),
    ("isdecimal", &[S("9x")], "False"),
    ("isnumeric", &[S("123")], "True"),
    ("isidentifier", &[S("ab cd")], "False"),
    ("isdecimal", &[S("it's")], "False"),
    (
        "isupper",
        &[S(
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
        )],
        "True",
    ),
    ("isnumeric", &[S("it's")], "False"),
    ("isupper", &[S("a,b,,c,")], "False"),
    ("isnumeric", &[S("a")], "False"),
    ("isprintable", &[S("\u{fb01}nance")], "True"),
    ("isidentifier", &[S("Ab Cd")], "False"),
    ("isprintable", &[S("\u{1c8}")], "True"),
    ("isnumeric", &[S("\u{df}")], "False"),
    ("isalnum", &[S("\u{3c3}\u{3c2}")], "True"),
    ("isidentifier", &[S("say \"hi\"")], "False"),
    ("isspace", &[S("\u{4e00}\u{4e8c}")], "False"),
    ("isidentifier", &[S("aaa")], "True"),
    ("isnumeric", &[S("\u{1c}\u{1d} \t")], "False"),
    ("isalpha", &[S("\u{b2}")], "False"),
    (
        "islower",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
        "False",
    ),
    (
        "isdigit",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
        "False",
    ),
    ("isspace", &[S("\u{b2}")], "False"),
    ("islower", &[S("  a b  c  ")], "True"),
    ("isalpha", &[S("\u{1c}\u{1d} \t")], "False"),
    ("islower", &[S("\u{fb01}nance")], "True"),
    ("len", &[S("a\tb\n\tc")], "6"),
    ("len", &[S("ab cd")], "5"),
    ("len", &[S("9x")], "2"),
    ("len", &[S("\u{3a3}\u{391}\u{3a3}")], "3"),
    ("len", &[S("\u{1c8}")], "1"),
    ("len", &[S("Ab cD")], "5"),
    ("len", &[S("\u{216b}")], "1"),
    ("len", &[S("  a b  c  ")], "10"),
    ("len", &[S("")], "0"),
    ("len", &[S("\u{3c3}\u{3c2}")], "2"),
    ("len", &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")], "14"),
    ("len", &[S("\u{130}stanbul")], "8"),
    (
        "splitlines",
        &[S("\u{1c6}emal \u{1c5}"), B(false)],
        "['\u{1c6}emal \u{1c5}']",
    ),
    ("splitlines", &[S("\u{216b}"), B(false)], "['\u{216b}']"),
    ("splitlines", &[S("9x"), B(true)], "['9x']"),
    ("splitlines", &[S("Ab Cd"), B(false)], "['Ab Cd']"),
    ("splitlines", &[S("123"), B(false)], "['123']"),
    ("splitlines", &[S("aaa"), B(true)], "['aaa']"),
    (
        "splitlines",
        &[
            S("\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}"),
            B(true),
        ],
        "['\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}']",
    ),
    (
        "splitlines",
        &[S("\u{130}stanbul"), B(true)],
        "['\u{130}stanbul']",
    ),
    ("splitlines", &[S("_id9"), B(false)], "['_id9']"),
    (
        "splitlines",
        &[S("\u{3a3}\u{3a3}"), B(true)],
        "['\u{3a3}\u{3a3}']",
    ),
    ("splitlines", &[S(""), B(true)], "[]"),
    (
        "splitlines",
        &[S("\u{3c3}\u{3c2}"), B(true)],
        "['\u{3c3}\u{3c2}']",
    ),
    ("split", &[S("   "), S("ab"), I(2)], "['   ']"),
    (
        "split",
        &[S("hello world"), S(" "), I(0)],
        "['hello world']",
    ),
    (
        "split",
        &[S("\u{3a3}\u{391}\u{3a3}"), N, I(2)],
        "['\u{3a3}\u{391}\u{3a3}']",
    ),
    (
        "split",
        &[S("Ab cD"), S(""), I(-1)],
        "!ValueError: empty separator",
    ),
    ("split", &[S("\u{216b}"), S(" "), I(0)], "['\u{216b}']"),
    ("split", &[S("abc"), N, I(2)], "['abc']"),
    (
        "split",
        &[S("a\tb\n\tc"), S(","), I(-1)],
        "['a\\tb\\n\\tc']",
    ),
    (
        "split",
        &[S("   "), S(""), I(1)],
        "!ValueError: empty separator",
    ),
    ("split", &[S("a"), S(","), I(2)], "['a']"),
    (
        "split",
        &[S("\u{3c3}\u{3c2}"), N, I(2)],
        "['\u{3c3}\u{3c2}']",
    ),
    (
        "split",
        &[S("\u{fb01}nance"), S("ab"), I(2)],
        "['\u{fb01}nance']",
    ),
    (
        "split",
        &[S("\u{3a3}\u{3a3}"), S(" "), I(-1)],
        "['\u{3a3}\u{3a3}']",
    ),
    (
        "split",
        &[S(""), S(""), I(-1)],
        "!ValueError: empty separator",
    ),
    (
        "split",
        &[S(""), S(""), I(0)],
        "!ValueError: empty separator",
    ),
    ("rsplit", &[S("\u{216b}"), S(","), I(0)], "['\u{216b}']"),
    (
        "rsplit",
        &[S("AB CD"), S(""), I(-1)],
        "!ValueError: empty separator",
    ),
    (
        "rsplit",
        &[S("say \"hi\""), S(""), I(-1)],
        "!ValueError: empty separator",
    ),
    ("rsplit", &[S("AB CD"), S(","), I(2)], "['AB CD']"),
    ("rsplit", &[S("aaa"), S(" "), I(2)], "['aaa']"),
    (
        "rsplit",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S(""), I(0)],
        "!ValueError: empty separator",
    ),
    (
        "rsplit",
        &[S("both ' and \""), S(" "), I(-1)],
        "['both', \"'\", 'and', '\"']",
    ),
    ("rsplit", &[S("ab cd"), S(" "), I(0)], "['ab cd']"),
    ("rsplit", &[S("ababab"), N, I(-1)], "['ababab']"),
    (
        "rsplit",
        &[S("\u{4e00}\u{4e8c}"), S(","), I(1)],
        "['\u{4e00}\u{4e8c}']",
    ),
    (
        "rsplit",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            S("ab"),
            I(2),
        ],
        "['\\u200b\\u2028\\ue000\u{1f600}\\U000e0001']",
    ),
    (
        "rsplit",
        &[S("h\u{e9}llo w\u{f6}rld"), S(""), I(0)],
        "!ValueError: empty separator",
    ),
    (
        "rsplit",
        &[S(""), S(""), I(-1)],
        "!ValueError: empty separator",
    ),
    (
        "rsplit",
        &[S(""), S(""), I(0)],
        "!ValueError: empty separator",
    ),
    ("strip", &[S("\u{1c8}"), S(" ")], "'\u{1c8}'"),
    (
        "strip",
        &[S("h\u{e9}llo w\u{f6}rld"), N],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    ("strip", &[S("abc"), S(" ")], "'abc'"),
    (
        "strip",
        &[S("\u{3a3}\u{391}\u{3a3}"), S("ab")],
        "'\u{3a3}\u{391}\u{3a3}'",
    ),
    (
        "strip",
        &[S("\u{1c}\u{1d} \t"), S("ab")],
        "'\\x1c\\x1d \\t'",
    ),
    ("strip", &[S("\u{fb01}nance"), S(" a")], "'\u{fb01}nance'"),
    (
        "strip",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), S("ab")],
        "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
    ),
    (
        "strip",
        &[S("MIXED case \u{3a3}."), N],
        "'MIXED case \u{3a3}.'",
    ),
    ("strip", &[S("\u{bd}"), S(" a")], "'\u{bd}'"),
    ("strip", &[S("aaa"), N], "'aaa'"),
    ("strip", &[S("say \"hi\""), S(" ")], "'say \"hi\"'"),
    (
        "strip",
        &[S("\u{661}\u{662}\u{663}"), S(" a")],
        "'\u{661}\u{662}\u{663}'",
    ),
    ("lstrip", &[S("abc123"), S(" ")], "'abc123'"),
    (
        "lstrip",
        &[S("\u{3a3}\u{3a3}"), S("ab")],
        "'\u{3a3}\u{3a3}'",
    ),
    ("lstrip", &[S("AB CD"), S("ab")], "'AB CD'"),
    (
        "lstrip",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S(" ")],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    ("lstrip", &[S("9x"), N], "'9x'"),
    ("lstrip", &[S("ab cd"), S(" ")], "'ab cd'"),
    (
        "lstrip",
        &[S("\u{661}\u{662}\u{663}"), N],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "lstrip",
        &[S("\u{130}stanbul"), S(" a")],
        "'\u{130}stanbul'",
    ),
    (
        "lstrip",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("ab")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "lstrip",
        &[S("MIXED case \u{3a3}."), S("ab")],
        "'MIXED case \u{3a3}.'",
    ),
    ("lstrip", &[S("a"), S(" a")], "''"),
    (
        "lstrip",
        &[S("hello_World 3rd-party"), S(" a")],
        "'hello_World 3rd-party'",
    ),
    ("rstrip", &[S("Ab cD"), S(" a")], "'Ab cD'"),
    (
        "rstrip",
        &[S("\u{3c3}\u{3c2}"), S(" a")],
        "'\u{3c3}\u{3c2}'",
    ),
    ("rstrip", &[S("a\u{3a3} b"), S(" ")], "'a\u{3a3} b'"),
    (
        "rstrip",
        &[S("both ' and \""), S(" a")],
        "'both \\' and \"'",
    ),
    ("rstrip", &[S("9x"), S("ab")], "'9x'"),
    ("rstrip", &[S("AB CD"), S("ab")], "'AB CD'"),
    ("rstrip", &[S("AB CD"), S(" ")], "'AB CD'"),
    (
        "rstrip",
        &[S("h\u{e9}llo w\u{f6}rld"), S("ab")],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    ("rstrip", &[S("ababab"), S(" a")], "'ababab'"),
    ("rstrip", &[S("\u{fb01}nance"), S("ab")], "'\u{fb01}nance'"),
    ("rstrip", &[S("aaa"), S("ab")], "''"),
    (
        "rstrip",
        &[S("hello_World 3rd-party"), N],
        "'hello_World 3rd-party'",
    ),
    ("find", &[S("a\tb\n\tc"), S("a"), I(1), N], "-1"),
    (
        "find",
        &[S("h\u{e9}llo w\u{f6}rld"), S("\u{3a3}"), I(0), I(-1)],
        "-1",
    ),
    ("find", &[S("hello world"), S("b"), I(100), N], "-1"),
    ("find", &[S("123"), S("\u{3a3}"), I(5), I(2)], "-1"),
    ("find", &[S("_id9"), S("xyz"), I(4), N], "-1"),
    ("find", &[S("123"), S("\u{8a9e}"), N, N], "-1"),
    ("find", &[S("  a b  c  "), S("\u{3a3}"), I(11), N], "-1"),
    ("find", &[S("it's"), S("b"), I(1), N], "-1"),
    ("find", &[S("\u{3c3}\u{3c2}"), S("\u{3a3}"), I(1), N], "-1"),
    ("find", &[S("hello world"), S("ab"), I(3), I(3)], "-1"),
    (
        "find",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{8a9e}"), I(5), N],
        "-1",
    ),
    ("find", &[S("\u{3a3}\u{391}\u{3a3}"), S(""), I(1), N], "1"),
    ("rfind", &[S("a"), S(""), I(5), I(2)], "-1"),
    ("rfind", &[S("a\tb\n\tc"), S("\u{3a3}"), I(2), I(100)], "-1"),
    (
        "rfind",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            S("\u{8a9e}"),
            N,
            N,
        ],
        "-1",
    ),
    ("rfind", &[S("aaa"), S("xyz"), I(-3), N], "-1"),
    (
        "rfind",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            S(""),
            I(100),
            N,
        ],
        "-1",
    ),
    (
        "rfind",
        &[S("h\u{e9}llo w\u{f6}rld"), S("b"), I(0), I(-1)],
        "-1",
    ),
    ("rfind", &[S("abc"), S("b"), I(5), I(2)], "-1"),
    ("rfind", &[S("abc123"), S("a"), I(0), I(-1)], "0"),
    ("rfind", &[S("abc123"), S("\u{3a3}"), I(6), N], "-1"),
    ("rfind", &[S("aaa"), S("ab"), I(100), N], "-1"),
    ("rfind", &[S("abc"), S("b"), I(3), I(3)], "-1"),
    ("rfind", &[S("both ' and \""), S(""), I(-100), I(2)], "2"),
    ("count", &[S("Ab cD"), S("a"), I(5), I(2)], "0"),
    ("count", &[S("\u{1c}\u{1d} \t"), S("a"), I(0), I(-1)], "0"),
    (
        "count",
        &[S("hello_World 3rd-party"), S("\u{3a3}"), I(-3), N],
        "0",
    ),
    ("count", &[S("\u{4e00}\u{4e8c}"), S("b"), I(1), N], "0"),
    ("count", &[S("\u{130}stanbul"), S("\u{8a9e}"), I(9), N], "0"),
    (
        "count",
        &[S("\u{661}\u{662}\u{663}"), S("xyz"), I(-3), N],
        "0",
    ),
    ("count", &[S("\u{1c6}emal \u{1c5}"), S("ab"), I(7), N], "0"),
    ("count", &[S("a"), S("xyz"), I(2), I(100)], "0"),
    (
        "count",
        &[
            S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"),
            S("ab"),
            I(0),
            I(-1),
        ],
        "0",
    ),
    ("count", &[S(""), S("b"), I(-100), I(2)], "0"),
    ("count", &[S("  a b  c  "), S(""), I(-100), I(2)], "3"),
    ("count", &[S("a,b,,c,"), S("\u{8a9e}"), I(-3), N], "0"),
    (
        "startswith",
        &[S("\u{1c}\u{1d} \t"), S("xyz"), I(0), I(-1)],
        "False",
    ),
    ("startswith", &[S("\u{b2}"), S("ab"), I(2), I(100)], "False"),
    (
        "startswith",
        &[S("a"), S("\u{3a3}"), I(-100), I(2)],
        "False",
    ),
    (
        "startswith",
        &[S("a\u{3a3} b"), S("ab"), I(5), I(2)],
        "False",
    ),
    (
        "startswith",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{3a3}"), I(5), N],
        "False",
    ),
    ("startswith", &[S("a\tb\n\tc"), S("ab"), I(100), N], "False"),
    ("startswith", &[S("abc123"), S("ab"), I(0), I(-1)], "True"),
    ("startswith", &[S("\u{130}stanbul"), S(""), N, N], "True"),
    (
        "startswith",
        &[S("\u{3a3}\u{391}\u{3a3}"), S("b"), I(1), N],
        "False",
    ),
    ("startswith", &[S("AB CD"), S("\u{3a3}"), I(5), N], "False"),
    ("startswith", &[S("abc"), S("a"), I(3), I(3)], "False"),
    ("startswith", &[S("it's"), S(""), I(5), I(2)], "False"),
    (
        "endswith",
        &[
            S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"),
            S("\u{3a3}"),
            I(14),
            N,
        ],
        "False",
    ),
    ("endswith", &[S("say \"hi\""), S("a"), I(1), N], "False"),
    (
        "endswith",
        &[
            S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
            S("b"),
            I(5),
            I(2),
        ],
        "False",
    ),
    (
        "endswith",
        &[S("both ' and \""), S(""), I(-100), I(2)],
        "True",
    ),
    (
        "endswith",
        &[S("both ' and \""), S(""), I(0), I(-1)],
        "True",
    ),
    (
        "endswith",
        &[S("\u{3a3}\u{3a3}"), S("ab"), I(2), I(100)],
        "False",
    ),
    (
        "endswith",
        &[S("\u{bd}"), S("\u{3a3}"), I(-100), I(2)],
        "False",
    ),
    (
        "endswith",
        &[S("both ' and \""), S("ab"), I(3), I(3)],
        "False",
    ),
    ("endswith", &[S("9x"), S("a"), I(3), I(3)], "False"),
    (
        "endswith",
        &[S("\u{1c}\u{1d} \t"), S("\u{3a3}"), I(3), I(3)],
        "False",
    ),
    ("endswith", &[S("AB CD"), S("a"), I(100), N], "False"),
    (
        "endswith",
        &[S("\u{4e00}\u{4e8c}"), S("\u{8a9e}"), I(-3), N],
        "False",
    ),
    (
        "index",
        &[
            S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
            S("ab"),
        ],
        "!ValueError: substring not found",
    ),
    ("index", &[S("ab cd"), S("")], "0"),
    (
        "index",
        &[S("say \"hi\""), S("\u{8a9e}")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S("\u{1c}\u{1d} \t"), S("ab")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S("hello_World 3rd-party"), S("b")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("")],
        "0",
    ),
    (
        "index",
        &[S("\u{1c}\u{1d} \t"), S("xyz")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S("it's"), S("xyz")],
        "!ValueError: substring not found",
    ),
    ("index", &[S("Ab cD"), S("")], "0"),
    (
        "index",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("a")],
        "!ValueError: substring not found",
    ),
    ("index", &[S("aaa"), S("")], "0"),
    (
        "index",
        &[S("\u{3a3}\u{3a3}"), S("\u{8a9e}")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S(""), S("a")],
        "!ValueError: substring not found",
    ),
    (
        "index",
        &[S(""), S("b")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S(""), S("\u{8a9e}")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S("\u{216b}"), S("b")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S("\u{3c3}\u{3c2}"), S("b")],
        "!ValueError: substring not found",
    ),
    ("rindex", &[S("\u{1c8}"), S("")], "1"),
    (
        "rindex",
        &[S("a"), S("ab")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S("\u{bd}"), S("ab")],
        "!ValueError: substring not found",
    ),
    ("rindex", &[S("MIXED case \u{3a3}."), S("")], "13"),
    (
        "rindex",
        &[
            S("\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}"),
            S("\u{8a9e}"),
        ],
        "!ValueError: substring not found",
    ),
    ("rindex", &[S("  a b  c  "), S("b")], "4"),
    (
        "rindex",
        &[S("\u{3a3}\u{3a3}"), S("b")],
        "!ValueError: substring not found",
    ),
    ("rindex", &[S("9x"), S("")], "2"),
    (
        "rindex",
        &[S("123"), S("\u{8a9e}")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S(""), S("a")],
        "!ValueError: substring not found",
    ),
    (
        "rindex",
        &[S(""), S("b")],
        "!ValueError: substring not found",
    ),
    ("partition", &[S("123"), S("\u{8a9e}")], "['123', '', '']"),
    (
        "partition",
        &[S("both ' and \""), S("b")],
        "['', 'b', 'oth \\' and \"']",
    ),
    (
        "partition",
        &[S("Ab Cd"), S("\u{8a9e}")],
        "['Ab Cd', '', '']",
    ),
    ("partition", &[S("a"), S("\u{3a3}")], "['a', '', '']"),
    (
        "partition",
        &[S("MIXED case \u{3a3}."), S("")],
        "!ValueError: empty separator",
    ),
    (
        "partition",
        &[S("  a b  c  "), S("ab")],
        "['  a b  c  ', '', '']",
    ),
    ("partition", &[S("a"), S("ab")], "['a', '', '']"),
    (
        "partition",
        &[S("\u{bd}"), S("")],
        "!ValueError: empty separator",
    ),
    ("partition", &[S("it's"), S("b")], "[\"it's\", '', '']"),
    ("partition", &[S("_id9"), S("b")], "['_id9', '', '']"),
    (
        "partition",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{8a9e}")],
        "['\\x00\\x7f\\x80\\xa0\\xad', '', '']",
    ),
    (
        "partition",
        &[S("MIXED case \u{3a3}."), S("b")],
        "['MIXED case \u{3a3}.', '', '']",
    ),
    ("partition", &[S(""), S("")], "!ValueError: empty separator"),
    (
        "partition",
        &[S("a"), S("")],
        "!ValueError: empty separator",
    ),
    (
        "rpartition",
        &[S("MIXED case \u{3a3}."), S("xyz")],
        "['', '', 'MIXED case \u{3a3}.']",
    ),
    ("rpartition", &[S("\u{1c8}"), S("b")], "['', '', '\u{1c8}']"),
    (
        "rpartition",
        &[S("\u{1c6}emal \u{1c5}"), S("xyz")],
        "['', '', '\u{1c6}emal \u{1c5}']",
    ),
    (
        "rpartition",
        &[S("\u{661}\u{662}\u{663}"), S("\u{3a3}")],
        "['', '', '\u{661}\u{662}\u{663}']",
    ),
    (
        "rpartition",
        &[S("\u{fb01}nance"), S("ab")],
        "['', '', '\u{fb01}nance']",
    ),
    (
        "rpartition",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("xyz")],
        "['', '', '\\u200b\\u2028\\ue000\u{1f600}\\U000e0001']",
    ),
    (
        "rpartition",
        &[S("\u{bd}"), S("")],
        "!ValueError: empty separator",
    ),
    (
        "rpartition",
        &[S("MIXED case \u{3a3}."), S("ab")],
        "['', '', 'MIXED case \u{3a3}.']",
    ),
    (
        "rpartition",
        &[S("say \"hi\""), S("b")],
        "['', '', 'say \"hi\"']",
    ),
    (
        "rpartition",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("xyz")],
        "['', '', '\\x00\\x7f\\x80\\xa0\\xad']",
    ),
    (
        "rpartition",
        &[S("\u{bd}"), S("\u{3a3}")],
        "['', '', '\u{bd}']",
    ),
    (
        "rpartition",
        &[
            S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
            S("\u{3a3}"),
        ],
        "['', '', '\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}']",
    ),
    (
        "rpartition",
        &[S(""), S("")],
        "!ValueError: empty separator",
    ),
    (
        "rpartition",
        &[S("a"), S("")],
        "!ValueError: empty separator",
    ),
    (
        "replace",
        &[S("ab cd"), S("\u{3a3}"), S("-"), I(2)],
        "'ab cd'",
    ),
    ("replace", &[S("   "), S("\u{3a3}"), S("-"), I(1)], "'   '"),
    ("replace", &[S("a"), S("b"), S(""), I(1)], "'a'"),
    (
        "replace",
        &[S("\u{bd}"), S("\u{8a9e}"), S(""), I(2)],
        "'\u{bd}'",
    ),
    ("replace", &[S("_id9"), S("b"), S("-"), I(-1)], "'_id9'"),
    (
        "replace",
        &[S("Ab Cd"), S("\u{8a9e}"), S("XY"), I(2)],
        "'Ab Cd'",
    ),
    (
        "replace",
        &[S("h\u{e9}llo w\u{f6}rld"), S("b"), S("XY"), I(1)],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    (
        "replace",
        &[S("a\tb\n\tc"), S(""), S("XY"), I(0)],
        "'a\\tb\\n\\tc'",
    ),
    (
        "replace",
        &[S("\u{3a3}\u{3a3}"), S("b"), S("XY"), I(-1)],
        "'\u{3a3}\u{3a3}'",
    ),
    (
        "replace",
        &[S("a\u{3a3} b"), S("\u{8a9e}"), S("XY"), I(2)],
        "'a\u{3a3} b'",
    ),
    (
        "replace",
        &[S("\u{1c}\u{1d} \t"), S("xyz"), S(""), I(0)],
        "'\\x1c\\x1d \\t'",
    ),
    ("replace", &[S("   "), S("a"), S("-"), I(-1)], "'   '"),
    ("center", &[S("it's"), I(0), S("\u{e9}")], "\"it's\""),
    (
        "center",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), I(0), S("*")],
        "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
    ),
    (
        "center",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            I(0),
            S("\u{e9}"),
        ],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    (
        "center",
        &[S("\u{1c6}emal \u{1c5}"), I(10), S("\u{e9}")],
        "'\u{e9}\u{1c6}emal \u{1c5}\u{e9}\u{e9}'",
    ),
    (
        "center",
        &[S("\u{4e00}\u{4e8c}"), I(10), S("*")],
        "'****\u{4e00}\u{4e8c}****'",
    ),
    (
        "center",
        &[S("h\u{e9}llo w\u{f6}rld"), I(10), S(" ")],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    (
        "center",
        &[S("h\u{e9}llo w\u{f6}rld"), I(11), S("\u{e9}")],
        "'h\u{e9}llo w\u{f6}rld'",
    ),
    ("center", &[S("ababab"), I(-1), S(" ")], "'ababab'"),
    (
        "center",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(11), S("\u{e9}")],
        "'\u{e9}\u{e9}\u{e9}\\x00\\x7f\\x80\\xa0\\xad\u{e9}\u{e9}\u{e9}'",
    ),
    (
        "center",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            I(10),
            S("\u{e9}"),
        ],
        "'\u{e9}\u{e9}\\u200b\\u2028\\ue000\u{1f600}\\U000e0001\u{e9}\u{e9}\u{e9}'",
    ),
    ("center", &[S("a\tb\n\tc"), I(0), S("*")], "'a\\tb\\n\\tc'"),
    (
        "center",
        &[S("\u{4e00}\u{4e8c}"), I(11), S("*")],
        "'*****\u{4e00}\u{4e8c}****'",
    ),
    (
        "ljust",
        &[S("\u{df}"), I(5), S("\u{e9}")],
        "'\u{df}\u{e9}\u{e9}\u{e9}\u{e9}'",
    ),
    ("ljust", &[S("a,b,,c,"), I(5), S(" ")], "'a,b,,c,'"),
    (
        "ljust",
        &[
            S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
            I(11),
            S("\u{e9}"),
        ],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}'",
    ),
    (
        "ljust",
        &[S("\u{130}stanbul"), I(11), S("*")],
        "'\u{130}stanbul***'",
    ),
    ("ljust", &[S("Ab cD"), I(11), S(" ")], "'Ab cD      '"),
    (
        "ljust",
        &[S("\u{216b}"), I(10), S("\u{e9}")],
        "'\u{216b}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}'",
    ),
    ("ljust", &[S("it's"), I(5), S("*")], "\"it's*\""),
    (
        "ljust",
        &[S("a\tb\n\tc"), I(0), S("\u{e9}")],
        "'a\\tb\\n\\tc'",
    ),
    (
        "ljust",
        &[S("\u{3a3}\u{391}\u{3a3}"), I(0), S(" ")],
        "'\u{3a3}\u{391}\u{3a3}'",
    ),
    ("ljust", &[S("abc"), I(0), S("*")], "'abc'"),
    ("ljust", &[S("AB CD"), I(-1), S("\u{e9}")], "'AB CD'"),
    (
        "ljust",
        &[S("\u{fb01}nance"), I(-1), S(" ")],
        "'\u{fb01}nance'",
    ),
    (
        "rjust",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(5), S("*")],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    ("rjust", &[S("   "), I(0), S(" ")], "'   '"),
    (
        "rjust",
        &[S("\u{1c6}emal \u{1c5}"), I(5), S("*")],
        "'\u{1c6}emal \u{1c5}'",
    ),
    ("rjust", &[S("say \"hi\""), I(-1), S(" ")], "'say \"hi\"'"),
    ("rjust", &[S("\u{1c8}"), I(0), S(" ")], "'\u{1c8}'"),
    (
        "rjust",
        &[S("MIXED case \u{3a3}."), I(11), S(" ")],
        "'MIXED case \u{3a3}.'",
    ),
    ("rjust", &[S("a,b,,c,"), I(11), S(" ")], "'    a,b,,c,'"),
    (
        "rjust",
        &[S("\u{3c3}\u{3c2}"), I(0), S("*")],
        "'\u{3c3}\u{3c2}'",
    ),
    (
        "rjust",
        &[S("\u{1c8}"), I(5), S("\u{e9}")],
        "'\u{e9}\u{e9}\u{e9}\u{e9}\u{1c8}'",
    ),
    ("rjust", &[S("aaa"), I(0), S(" ")], "'aaa'"),
    (
        "rjust",
        &[S("\u{3a3}\u{391}\u{3a3}"), I(11), S(" ")],
        "'        \u{3a3}\u{391}\u{3a3}'",
    ),
    (
        "rjust",
        &[S("\u{b2}"), I(10), S("\u{e9}")],
        "'\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{b2}'",
    ),
    (
        "zfill",
        &[S("\u{130}stanbul"), I(11)],
        "'000\u{130}stanbul'",
    ),
    (
        "zfill",
        &[S("\u{661}\u{662}\u{663}"), I(5)],
        "'00\u{661}\u{662}\u{663}'",
    ),
    ("zfill", &[S("aaa"), I(10)], "'0000000aaa'"),
    (
        "zfill",
        &[S("MIXED case \u{3a3}."), I(5)],
        "'MIXED case \u{3a3}.'",
    ),
    (
        "zfill",
        &[S("\u{fb01}nance"), I(11)],
        "'00000\u{fb01}nance'",
    ),
    ("zfill", &[S("\u{1c8}"), I(10)], "'000000000\u{1c8}'"),
    (
        "zfill",
        &[S("hello_World 3rd-party"), I(10)],
        "'hello_World 3rd-party'",
    ),
    ("zfill", &[S("abc123"), I(5)], "'abc123'"),
    (
        "zfill",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(0)],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "zfill",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(5)],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "zfill",
        &[S("\u{4e00}\u{4e8c}"), I(-1)],
        "'\u{4e00}\u{4e8c}'",
    ),
    ("zfill", &[S("both ' and \""), I(11)], "'both \\' and \"'"),
    ("expandtabs", &[S("a"), I(8)], "'a'"),
    (
        "expandtabs",
        &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(-1)],
        "'\\x00\\x7f\\x80\\xa0\\xad'",
    ),
    (
        "expandtabs",
        &[
            S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
            I(8),
        ],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    ("expandtabs", &[S("a\u{3a3} b"), I(0)], "'a\u{3a3} b'"),
    ("expandtabs", &[S(""), I(0)], "''"),
    (
        "expandtabs",
        &[S("\u{3a3}\u{3a3}"), I(1)],
        "'\u{3a3}\u{3a3}'",
    ),
    (
        "expandtabs",
        &[S("\u{3c3}\u{3c2}"), I(4)],
        "'\u{3c3}\u{3c2}'",
    ),
    (
        "expandtabs",
        &[S("\u{1c}\u{1d} \t"), I(8)],
        "'\\x1c\\x1d      '",
    ),
    (
        "expandtabs",
        &[S("\u{661}\u{662}\u{663}"), I(-1)],
        "'\u{661}\u{662}\u{663}'",
    ),
    (
        "expandtabs",
        &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), I(0)],
        "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
    ),
    ("expandtabs", &[S("\u{b2}"), I(4)], "'\u{b2}'"),
    ("expandtabs", &[S("AB CD"), I(4)], "'AB CD'"),
    (
        "slice",
        &[S("\u{1c6}emal \u{1c5}"), I(-2), I(0), I(3)],
        "''",
    ),
    ("slice", &[S("a"), I(3), I(0), I(-2)], "''"),
    (
        "slice",
        &[S("ababab"), I(0), I(2), I(0)],
        "!ValueError: slice step cannot be zero",
    ),
    (
        "slice",
        &[S("123"), I(0), N, I(0)],
        "!ValueError: slice step cannot be zero",
    ),
    ("slice", &[S("ababab"), I(100), I(100), I(2)], "''"),
    ("slice", &[S("AB CD"), I(100), I(0), I(3)], "''"),
    ("slice", &[S("ababab"), I(1), I(2), I(3)], "'b'"),
    ("slice", &[S("\u{b2}"), I(100), I(-1), I(3)], "''"),
    (
        "slice",
        &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), N, I(2), I(-1)],
        "'\\x85u\\u2028v\\x1cw\\x0b\\nz\\ry'",
    ),
    (
        "slice",
        &[S("\u{216b}"), I(-2), N, I(0)],
        "!ValueError: slice step cannot be zero",
    ),
    ("slice", &[S("say \"hi\""), N, N, I(2)], "'sy\"i'"),
    (
        "slice",
        &[S("\u{1c6}emal \u{1c5}"), I(1), I(2), I(2)],
        "'e'",
    ),
    (
        "slice",
        &[S(""), N, N, I(0)],
        "!ValueError: slice step cannot be zero",
    ),
    (
        "slice",
        &[S(""), N, I(-100), I(0)],
        "!ValueError: slice step cannot be zero",
    ),
    ("mul", &[S("  a b  c  "), I(0)], "''"),
    ("mul", &[S("ab cd"), I(1)], "'ab cd'"),
    ("mul", &[S("it's"), I(0)], "''"),
    (
        "mul",
        &[
            S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
            I(1),
        ],
        "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
    ),
    ("mul", &[S("a\tb\n\tc"), I(1)], "'a\\tb\\n\\tc'"),
    ("mul", &[S("abc"), I(3)], "'abcabcabc'"),
    ("mul", &[S("abc"), I(-1)], "''"),
    ("mul", &[S("abc123"), I(3)], "'abc123abc123abc123'"),
    (
        "mul",
        &[S("\u{1c6}emal \u{1c5}"), I(1)],
        "'\u{1c6}emal \u{1c5}'",
    ),
    ("mul", &[S("\u{bd}"), I(1)], "'\u{bd}'"),
    ("mul", &[S("AB CD"), I(3)], "'AB CDAB CDAB CD'"),
    ("mul", &[S("hello world"), I(-1)], "''"),
];
