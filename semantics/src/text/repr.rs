//! `repr()` and `ascii()` of str and bytes, as CPython writes them.

use super::is_printable_char;

pub(crate) fn push_hex_escape(out: &mut String, prefix: char, value: u32, width: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push(prefix);
    for i in (0..width).rev() {
        out.push(HEX[((value >> (4 * i)) & 0xf) as usize] as char);
    }
}

pub(crate) fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr(s)` for a str, exactly as CPython.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    str_repr_into(s, &mut out);
    out
}

/// [`str_repr`] appending to `out`.
pub fn str_repr_into(s: &str, out: &mut String) {
    repr_impl(s, out, false);
}

/// `ascii(s)` for a str: like repr with every non-ASCII character escaped.
pub fn ascii_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    repr_impl(s, &mut out, true);
    out
}

fn repr_impl(s: &str, out: &mut String, ascii_only: bool) {
    let bytes = s.as_bytes();
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.reserve(s.len() + 2);
    out.push(quote);
    repr_body(s, out, ascii_only, quote);
    out.push(quote);
}

/// The escaped characters of `s` between the quotes of a repr quoted with `quote`.
pub(crate) fn repr_body(s: &str, out: &mut String, ascii_only: bool, quote: char) {
    let bytes = s.as_bytes();
    // Copy runs of printable ASCII in one go; escape or examine everything else.
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) && b != b'\\' && b != quote as u8 {
            i += 1;
            continue;
        }
        out.push_str(&s[run_start..i]);
        if b < 0x80 {
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                _ if b == quote as u8 => {
                    out.push('\\');
                    out.push(quote);
                }
                _ => push_hex_escape(out, 'x', b as u32, 2),
            }
            i += 1;
        } else {
            // `i` is at the start of a multi-byte character.
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            if !ascii_only && is_printable_char(c) {
                out.push(c);
            } else {
                let v = c as u32;
                if v <= 0xff {
                    push_hex_escape(out, 'x', v, 2);
                } else if v <= 0xffff {
                    push_hex_escape(out, 'u', v, 4);
                } else {
                    push_hex_escape(out, 'U', v, 8);
                }
            }
            i += c.len_utf8();
        }
        run_start = i;
    }
    out.push_str(&s[run_start..]);
}

/// `repr(b)` for bytes: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            c if !(0x20..0x7f).contains(&c) => push_hex_escape(&mut out, 'x', c as u32, 2),
            c => out.push(c as char),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_cpython() {
        for &(kind, text, want) in REPR_CASES {
            let got = if kind == "repr" {
                str_repr(text)
            } else {
                ascii_repr(text)
            };
            assert_eq!(got, want, "{kind}({text:?})");
        }
        for &(bytes, want) in BYTES_REPR_CASES {
            assert_eq!(bytes_repr(bytes), want);
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(bytes_repr(&all), ALL_BYTES_REPR);
    }

    const ALL_BYTES_REPR: &str = concat!(
        "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f",
        "\\x10\\x11\\x12\\x13\\x14\\x15\\x16\\x17\\x18\\x19\\x1a\\x1b\\x1c\\x1d\\x1e\\x1f",
        " !\"#$%&\\'()*+,-./",
        "0123456789:;<=>?",
        "@ABCDEFGHIJKLMNO",
        "PQRSTUVWXYZ[\\\\]^_",
        "`abcdefghijklmno",
        "pqrstuvwxyz{|}~\\x7f",
        "\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\\x88\\x89\\x8a\\x8b\\x8c\\x8d\\x8e\\x8f",
        "\\x90\\x91\\x92\\x93\\x94\\x95\\x96\\x97\\x98\\x99\\x9a\\x9b\\x9c\\x9d\\x9e\\x9f",
        "\\xa0\\xa1\\xa2\\xa3\\xa4\\xa5\\xa6\\xa7\\xa8\\xa9\\xaa\\xab\\xac\\xad\\xae\\xaf",
        "\\xb0\\xb1\\xb2\\xb3\\xb4\\xb5\\xb6\\xb7\\xb8\\xb9\\xba\\xbb\\xbc\\xbd\\xbe\\xbf",
        "\\xc0\\xc1\\xc2\\xc3\\xc4\\xc5\\xc6\\xc7\\xc8\\xc9\\xca\\xcb\\xcc\\xcd\\xce\\xcf",
        "\\xd0\\xd1\\xd2\\xd3\\xd4\\xd5\\xd6\\xd7\\xd8\\xd9\\xda\\xdb\\xdc\\xdd\\xde\\xdf",
        "\\xe0\\xe1\\xe2\\xe3\\xe4\\xe5\\xe6\\xe7\\xe8\\xe9\\xea\\xeb\\xec\\xed\\xee\\xef",
        "\\xf0\\xf1\\xf2\\xf3\\xf4\\xf5\\xf6\\xf7\\xf8\\xf9\\xfa\\xfb\\xfc\\xfd\\xfe\\xff'",
    );

    const REPR_CASES: &[(&str, &str, &str)] = &[
        ("repr", "", "''"),
        ("ascii", "", "''"),
        ("repr", "a", "'a'"),
        ("ascii", "a", "'a'"),
        ("repr", "abc", "'abc'"),
        ("ascii", "abc", "'abc'"),
        ("repr", "hello world", "'hello world'"),
        ("ascii", "hello world", "'hello world'"),
        ("repr", "  a b  c  ", "'  a b  c  '"),
        ("ascii", "  a b  c  ", "'  a b  c  '"),
        ("repr", "a,b,,c,", "'a,b,,c,'"),
        ("ascii", "a,b,,c,", "'a,b,,c,'"),
        ("repr", "h\u{e9}llo w\u{f6}rld", "'h\u{e9}llo w\u{f6}rld'"),
        ("ascii", "h\u{e9}llo w\u{f6}rld", "'h\\xe9llo w\\xf6rld'"),
        (
            "repr",
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "ascii",
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            "'\\u65e5\\u672c\\u8a9e\\u30c6\\u30ad\\u30b9\\u30c8'",
        ),
        ("repr", "\u{3a3}\u{391}\u{3a3}", "'\u{3a3}\u{391}\u{3a3}'"),
        ("ascii", "\u{3a3}\u{391}\u{3a3}", "'\\u03a3\\u0391\\u03a3'"),
        (
            "repr",
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            "'\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}'",
        ),
        (
            "ascii",
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            "'\\u1f48\\u0394\\u03a5\\u03a3\\u03a3\\u0395\\u038e\\u03a3'",
        ),
        ("repr", "a\u{3a3} b", "'a\u{3a3} b'"),
        ("ascii", "a\u{3a3} b", "'a\\u03a3 b'"),
        ("repr", "\u{df}", "'\u{df}'"),
        ("ascii", "\u{df}", "'\\xdf'"),
        ("repr", "\u{1c6}emal \u{1c5}", "'\u{1c6}emal \u{1c5}'"),
        ("ascii", "\u{1c6}emal \u{1c5}", "'\\u01c6emal \\u01c5'"),
        ("repr", "\u{fb01}nance", "'\u{fb01}nance'"),
        ("ascii", "\u{fb01}nance", "'\\ufb01nance'"),
        ("repr", "\u{130}stanbul", "'\u{130}stanbul'"),
        ("ascii", "\u{130}stanbul", "'\\u0130stanbul'"),
        ("repr", "a\tb\n\tc", "'a\\tb\\n\\tc'"),
        ("ascii", "a\tb\n\tc", "'a\\tb\\n\\tc'"),
        (
            "repr",
            "x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}",
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "ascii",
            "x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}",
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        ("repr", "hello_World 3rd-party", "'hello_World 3rd-party'"),
        ("ascii", "hello_World 3rd-party", "'hello_World 3rd-party'"),
        ("repr", "it's", "\"it's\""),
        ("ascii", "it's", "\"it's\""),
        ("repr", "say \"hi\"", "'say \"hi\"'"),
        ("ascii", "say \"hi\"", "'say \"hi\"'"),
        ("repr", "both ' and \"", "'both \\' and \"'"),
        ("ascii", "both ' and \"", "'both \\' and \"'"),
        (
            "repr",
            "\u{0}\u{7f}\u{80}\u{a0}\u{ad}",
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "ascii",
            "\u{0}\u{7f}\u{80}\u{a0}\u{ad}",
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "repr",
            "\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}",
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "ascii",
            "\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}",
            "'\\u200b\\u2028\\ue000\\U0001f600\\U000e0001'",
        ),
        ("repr", "\u{1c8}", "'\u{1c8}'"),
        ("ascii", "\u{1c8}", "'\\u01c8'"),
        ("repr", "\u{3a3}\u{3a3}", "'\u{3a3}\u{3a3}'"),
        ("ascii", "\u{3a3}\u{3a3}", "'\\u03a3\\u03a3'"),
        ("repr", "123", "'123'"),
        ("ascii", "123", "'123'"),
        ("repr", "\u{661}\u{662}\u{663}", "'\u{661}\u{662}\u{663}'"),
        ("ascii", "\u{661}\u{662}\u{663}", "'\\u0661\\u0662\\u0663'"),
        ("repr", "\u{bd}", "'\u{bd}'"),
        ("ascii", "\u{bd}", "'\\xbd'"),
        ("repr", "\u{b2}", "'\u{b2}'"),
        ("ascii", "\u{b2}", "'\\xb2'"),
        ("repr", "\u{4e00}\u{4e8c}", "'\u{4e00}\u{4e8c}'"),
        ("ascii", "\u{4e00}\u{4e8c}", "'\\u4e00\\u4e8c'"),
        ("repr", "\u{216b}", "'\u{216b}'"),
        ("ascii", "\u{216b}", "'\\u216b'"),
        ("repr", "\u{1c}\u{1d} \t", "'\\x1c\\x1d \\t'"),
        ("ascii", "\u{1c}\u{1d} \t", "'\\x1c\\x1d \\t'"),
        ("repr", "abc123", "'abc123'"),
        ("ascii", "abc123", "'abc123'"),
        ("repr", "_id9", "'_id9'"),
        ("ascii", "_id9", "'_id9'"),
        ("repr", "9x", "'9x'"),
        ("ascii", "9x", "'9x'"),
        ("repr", "Ab Cd", "'Ab Cd'"),
        ("ascii", "Ab Cd", "'Ab Cd'"),
        ("repr", "AB CD", "'AB CD'"),
        ("ascii", "AB CD", "'AB CD'"),
        ("repr", "ab cd", "'ab cd'"),
        ("ascii", "ab cd", "'ab cd'"),
        ("repr", "Ab cD", "'Ab cD'"),
        ("ascii", "Ab cD", "'Ab cD'"),
        ("repr", "   ", "'   '"),
        ("ascii", "   ", "'   '"),
        ("repr", "aaa", "'aaa'"),
        ("ascii", "aaa", "'aaa'"),
        ("repr", "ababab", "'ababab'"),
        ("ascii", "ababab", "'ababab'"),
        ("repr", "\u{3c3}\u{3c2}", "'\u{3c3}\u{3c2}'"),
        ("ascii", "\u{3c3}\u{3c2}", "'\\u03c3\\u03c2'"),
        ("repr", "MIXED case \u{3a3}.", "'MIXED case \u{3a3}.'"),
        ("ascii", "MIXED case \u{3a3}.", "'MIXED case \\u03a3.'"),
    ];
    const BYTES_REPR_CASES: &[(&[u8], &str)] = &[
        (b"", "b''"),
        (b"abc", "b'abc'"),
        (b"it's", "b\"it's\""),
        (b"say \"hi\"", "b'say \"hi\"'"),
        (b"both ' and \"", "b'both \\' and \"'"),
    ];
}
