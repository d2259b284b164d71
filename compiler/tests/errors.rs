//! Every construct outside the subset, and source errors, give the exact
//! `file:line:col: message` (1-based line and column).

use permafrost_compiler::{compile_modules, SourceModule};

fn error_of(source: &str) -> String {
    match compile_modules(&[SourceModule {
        name: "bad",
        filename: "bad.py",
        source,
    }]) {
        Ok(_) => panic!("compiled, but an error was expected for:\n{source}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unsupported_constructs_are_reported_at_their_position() {
    let cases: &[(&str, &str)] = &[
        ("type X = int\n", "bad.py:1:1: unsupported: type aliases"),
        (
            "def f[T](x): pass\n",
            "bad.py:1:1: unsupported: type parameters",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(&error_of(source), expected, "for source:\n{source}");
    }
}

#[test]
fn syntax_errors_carry_the_parser_message_and_position() {
    let cases: &[(&str, &str)] = &[
        (
            "def f(:\n",
            "bad.py:1:7: SyntaxError: Expected a parameter or the end of the parameter list",
        ),
        (
            "x = 1 +\n",
            "bad.py:1:8: SyntaxError: Expected an expression",
        ),
        (
            "x = (1,\n",
            "bad.py:2:1: SyntaxError: unexpected EOF while parsing",
        ),
        // Columns count characters, not bytes.
        (
            "s = 'é' + )\n",
            "bad.py:1:11: SyntaxError: Expected an expression",
        ),
        (
            "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
            "bad.py:5:9: SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(&error_of(source), expected, "for source:\n{source}");
    }
}

#[test]
fn errors_cpython_raises_after_parsing_match_its_messages() {
    let cases: &[(&str, &str)] = &[
        (
            "return 1\n",
            "bad.py:1:1: SyntaxError: 'return' outside function",
        ),
        (
            "def f():\n    from m import *\n",
            "bad.py:2:5: SyntaxError: import * only allowed at module level",
        ),
        (
            "class C:\n    from m import *\n",
            "bad.py:2:5: SyntaxError: import * only allowed at module level",
        ),
        (
            "class C:\n    return 1\n",
            "bad.py:2:5: SyntaxError: 'return' outside function",
        ),
        ("break\n", "bad.py:1:1: SyntaxError: 'break' outside loop"),
        (
            "while x:\n    def f():\n        continue\n",
            "bad.py:3:9: SyntaxError: 'continue' not properly in loop",
        ),
        (
            "yield 1\n",
            "bad.py:1:1: SyntaxError: 'yield' outside function",
        ),
        (
            "x = [(yield) for y in z]\n",
            "bad.py:1:7: SyntaxError: 'yield' inside list comprehension",
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "bad.py:3:5: SyntaxError: name 'x' is assigned to before global declaration",
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "bad.py:3:5: SyntaxError: name 'x' is used prior to global declaration",
        ),
        (
            "def f(x):\n    global x\n",
            "bad.py:2:5: SyntaxError: name 'x' is parameter and global",
        ),
        (
            "nonlocal x\n",
            "bad.py:1:1: SyntaxError: nonlocal declaration not allowed at module level",
        ),
        (
            "def f():\n    nonlocal y\n",
            "bad.py:2:5: SyntaxError: no binding for nonlocal 'y' found",
        ),
        (
            "a, *b, *c = d\n",
            "bad.py:1:1: SyntaxError: multiple starred expressions in assignment",
        ),
        (
            "def f(a, a): pass\n",
            "bad.py:1:10: SyntaxError: duplicate argument 'a' in function definition",
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "bad.py:3:1: SyntaxError: default 'except:' must be last",
        ),
        (
            "f(a=1, b=2, a=3)\n",
            "bad.py:1:13: SyntaxError: keyword argument repeated: a",
        ),
        (
            "[x for x in y if (x := 1)]\n",
            "bad.py:1:19: SyntaxError: assignment expression cannot rebind comprehension iteration variable 'x'",
        ),
        (
            "class C:\n    z = [(q := 1) for a in b]\n",
            "bad.py:2:11: SyntaxError: assignment expression within a comprehension cannot be used in a class body",
        ),
        (
            "\"\"\"doc\"\"\"\nfrom __future__ import annotations, teleportation\n",
            "bad.py:2:1: SyntaxError: future feature teleportation is not defined",
        ),
        (
            "from __future__ import braces\n",
            "bad.py:1:1: SyntaxError: not a chance",
        ),
        (
            "import os\nfrom __future__ import annotations\n",
            "bad.py:2:1: SyntaxError: from __future__ imports must occur at the beginning of the file",
        ),
        (
            "def f():\n    from __future__ import annotations\n",
            "bad.py:2:5: SyntaxError: from __future__ imports must occur at the beginning of the file",
        ),
        (
            "def f():\n    await x\n",
            "bad.py:2:5: SyntaxError: 'await' outside async function",
        ),
        (
            "await x\n",
            "bad.py:1:1: SyntaxError: 'await' outside function",
        ),
        (
            "class C:\n    await x\n",
            "bad.py:2:5: SyntaxError: 'await' outside function",
        ),
        (
            "f = lambda: await x\n",
            "bad.py:1:13: SyntaxError: 'await' outside async function",
        ),
        (
            "async def f():\n    yield from x\n",
            "bad.py:2:5: SyntaxError: 'yield from' inside async function",
        ),
        (
            "async def f():\n    yield 1\n    return 2\n",
            "bad.py:3:5: SyntaxError: 'return' with value in async generator",
        ),
        (
            "def f():\n    async for x in y: pass\n",
            "bad.py:2:5: SyntaxError: 'async for' outside async function",
        ),
        (
            "for x in y:\n    async with z:\n        pass\n",
            "bad.py:2:5: SyntaxError: 'async with' outside async function",
        ),
        (
            "def f():\n    return [x async for x in y]\n",
            "bad.py:2:12: SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "def f():\n    return [await x for x in y]\n",
            "bad.py:2:12: SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "async def f():\n    class C:\n        x = [y async for y in z]\n",
            "bad.py:3:13: SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "x = [y async for y in z]\n",
            "bad.py:1:5: SyntaxError: asynchronous comprehension outside of an asynchronous function",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(&error_of(source), expected, "for source:\n{source}");
    }
}

#[test]
fn match_statement_errors_follow_cpython() {
    let cases: &[(&str, &str)] = &[
        (
            "match v:\n    case y:\n        pass\n    case 1:\n        pass\n",
            "bad.py:2:10: SyntaxError: name capture 'y' makes remaining patterns unreachable",
        ),
        (
            "match v:\n    case _:\n        pass\n    case 1:\n        pass\n",
            "bad.py:2:10: SyntaxError: wildcard makes remaining patterns unreachable",
        ),
        (
            "match v:\n    case x | 1:\n        pass\n",
            "bad.py:2:10: SyntaxError: name capture 'x' makes remaining patterns unreachable",
        ),
        (
            "match v:\n    case [a, a]:\n        pass\n",
            "bad.py:2:14: SyntaxError: multiple assignments to name 'a' in pattern",
        ),
        (
            "match v:\n    case {'k': a, **a}:\n        pass\n",
            "bad.py:2:16: SyntaxError: multiple assignments to name 'a' in pattern",
        ),
        (
            "match v:\n    case {1: a, True: b}:\n        pass\n",
            "bad.py:2:10: SyntaxError: mapping pattern checks duplicate key (True)",
        ),
        (
            "match v:\n    case {'a': 1, 'a': 2}:\n        pass\n",
            "bad.py:2:10: SyntaxError: mapping pattern checks duplicate key ('a')",
        ),
        (
            "match v:\n    case [a] | [b]:\n        pass\n",
            "bad.py:2:17: SyntaxError: alternative patterns bind different names",
        ),
        (
            "match v:\n    case C(x=1, x=2):\n        pass\n",
            "bad.py:2:19: SyntaxError: attribute name repeated in class pattern: x",
        ),
        (
            "match v:\n    case [a, *b, *c]:\n        pass\n",
            "bad.py:2:10: SyntaxError: multiple starred names in sequence pattern",
        ),
        (
            "match v:\n    case f'x':\n        pass\n",
            "bad.py:2:10: SyntaxError: patterns may only match literals and attribute lookups",
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(&error_of(source), expected, "for {source:?}");
    }
}

#[test]
fn the_first_file_with_an_error_names_itself() {
    let err = compile_modules(&[
        SourceModule {
            name: "main",
            filename: "app/main.py",
            source: "import helper\nprint(helper.x)\n",
        },
        SourceModule {
            name: "helper",
            filename: "app/helper.py",
            source: "x = 1\ntype X = int\n",
        },
    ])
    .expect_err("the helper module is invalid");
    assert_eq!(
        err.to_string(),
        "app/helper.py:2:1: unsupported: type aliases"
    );
}

#[test]
fn freeze_reports_unreadable_files() {
    let missing = std::path::Path::new("/nonexistent/permafrost/nothing.py");
    let out = std::env::temp_dir().join("permafrost-compiler-never-written.pfi");
    let err = permafrost_compiler::freeze(&[missing], &out).expect_err("missing input");
    assert!(
        err.starts_with("/nonexistent/permafrost/nothing.py: cannot read:"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn deep_nesting_compiles_up_to_a_limit_and_then_errors() {
    // 190 nested parentheses and a 900-term sum compile (on the compiler's own stack).
    let deep = format!("x = {}1{}\n", "(".repeat(190), ")".repeat(190));
    let long_sum = format!("x = {}\n", vec!["1"; 900].join(" + "));
    for source in [&deep, &long_sum] {
        compile_modules(&[SourceModule {
            name: "deep",
            filename: "deep.py",
            source,
        }])
        .expect("legal nesting compiles");
    }
    let too_deep = format!("x = {}\n", vec!["y"; 3000].join(" + "));
    let err = error_of(&too_deep);
    assert!(
        err.starts_with("bad.py:1:")
            && err.ends_with(": maximum recursion depth exceeded during compilation"),
        "{err}"
    );
    // CPython's tokenizer limits: 200 open brackets, 99 indentation levels.
    let brackets = |n: usize| format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    let indents = |n: usize| {
        let mut s: String = (0..n)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        s.push_str(&format!("{}pass\n", " ".repeat(n)));
        s
    };
    for ok in [brackets(200), indents(99)] {
        compile_modules(&[SourceModule {
            name: "deep",
            filename: "deep.py",
            source: &ok,
        }])
        .expect("within CPython's limits");
    }
    let err = error_of(&brackets(201));
    assert!(err.ends_with("too many nested parentheses"), "{err}");
    assert!(err.starts_with("bad.py:1:205:"), "{err}");
    let err = error_of(&indents(100));
    assert!(err.ends_with("too many levels of indentation"), "{err}");
    assert!(err.starts_with("bad.py:101:"), "{err}");
}

#[test]
fn lone_surrogates_in_f_string_text_are_rejected_not_replaced() {
    // Plain literals keep them (a wide str constant, `surrogates.rs`); an f-string's literal
    // text is not rebuilt from the source, so it is refused rather than silently replaced.
    assert_eq!(
        error_of("y = f'{x}\\U0000DFFF'\n"),
        "bad.py:1:10: unsupported: lone surrogate in a string literal"
    );
    // An escaped backslash before `ud800`, a raw string and a paired astral escape are fine.
    for source in [
        "x = 'ok'\ny = 'a\\ud800'\n",
        "y = '\\\\ud800'\n",
        "y = r'\\ud800'\n",
        "y = '\\U0001F600'\n",
    ] {
        compile_modules(&[SourceModule {
            name: "ok",
            filename: "ok.py",
            source,
        }])
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    }
}
