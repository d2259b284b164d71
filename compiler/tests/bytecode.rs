//! The shape of the emitted bytecode for the conventions the interpreter relies on
//! (`docs/architecture.md`, `image-format/src/opcode.rs`): exact instruction sequences for
//! small sources, constants, exception tables and line tables.

use permafrost_compiler::{compile_modules, SourceModule};
use permafrost_image::opcode::{decode, Opcode};
use permafrost_image::{CodeObject, Constant, ImageBuilder};

fn compile(source: &str) -> ImageBuilder {
    compile_modules(&[SourceModule {
        name: "t",
        filename: "t.py",
        source,
    }])
    .unwrap_or_else(|e| panic!("{e}"))
}

fn code<'a>(image: &'a ImageBuilder, qualname: &str) -> &'a CodeObject {
    image
        .codes
        .iter()
        .find(|c| c.qualname == qualname)
        .unwrap_or_else(|| panic!("no code object {qualname}"))
}

/// `OPNAME arg` per instruction (arg omitted when zero for argument-less opcodes).
fn ops(code: &CodeObject) -> Vec<String> {
    code.code
        .iter()
        .map(|&w| {
            let (byte, arg) = decode(w);
            let op = Opcode::from_u8(byte).expect("valid opcode");
            match op.arg_kind() {
                permafrost_image::opcode::ArgKind::None => op.name().to_string(),
                _ => format!("{} {arg}", op.name()),
            }
        })
        .collect()
}

#[test]
fn module_level_names_are_globals_and_code_ends_with_return_none() {
    let image = compile("x = 1\ndel x\n");
    let main = code(&image, "<module>");
    assert_eq!(
        ops(main),
        [
            "LOAD_CONST 0",
            "STORE_GLOBAL 0",
            "DELETE_GLOBAL 0",
            "LOAD_CONST 1",
            "RETURN_VALUE"
        ]
    );
    assert_eq!(main.consts, [Constant::Int(1), Constant::None]);
    assert_eq!(main.names, ["x"]);
}

#[test]
fn arguments_that_are_cells_are_copied_in_a_prologue() {
    let image = compile("def f(a, b):\n    def g():\n        return b\n    return g\n");
    let f = code(&image, "f");
    assert_eq!(f.cellvars, ["b"]);
    assert_eq!(&ops(f)[..2], ["LOAD_FAST 1", "STORE_DEREF 0"]);
    let g = code(&image, "f.<locals>.g");
    assert_eq!(ops(g), ["LOAD_DEREF 0", "RETURN_VALUE"]);
    // f builds the closure from its cell before MAKE_FUNCTION with flag 0x8.
    let body = ops(f);
    let make = body
        .iter()
        .position(|o| o == "MAKE_FUNCTION 8")
        .expect("closure");
    assert_eq!(
        body[make - 3..make - 1],
        ["LOAD_CLOSURE 0", "BUILD_TUPLE 1"]
    );
}

#[test]
fn negative_literals_and_constant_tuples_are_folded() {
    let image = compile("x = -5\ny = (1, -2.5, 'a', (None,))\nz = -9223372036854775808\nw = 2**64\nv = 18446744073709551616\n");
    let main = code(&image, "<module>");
    assert!(main.consts.contains(&Constant::Int(-5)));
    assert!(main.consts.contains(&Constant::Tuple(vec![
        Constant::Int(1),
        Constant::Float(-2.5),
        Constant::Str("a".into()),
        Constant::Tuple(vec![Constant::None]),
    ])));
    assert!(main.consts.contains(&Constant::Int(i64::MIN)));
    assert!(main.consts.contains(&Constant::BigInt {
        negative: false,
        magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0, 1],
    }));
    // `2**64` is an operation, not a literal: it stays a BINARY_OP.
    assert!(ops(main).contains(&"BINARY_OP 6".to_string()));
    assert!(!ops(main).iter().any(|o| o.starts_with("UNARY_NEGATIVE")));
}

#[test]
fn calls_use_the_form_their_arguments_need() {
    let image = compile("o.m(1, 2)\nf(1, k=2)\nf(*a, **k)\no.m(x=1)\n");
    let main = ops(code(&image, "<module>"));
    let expected = [
        "LOAD_GLOBAL 0",
        "LOAD_METHOD 1",
        "LOAD_CONST 0",
        "LOAD_CONST 1",
        "CALL_METHOD 2",
        "POP_TOP",
        "LOAD_GLOBAL 2",
        "LOAD_CONST 0",
        "LOAD_CONST 1",
        "LOAD_CONST 2",
        "CALL_KW 2",
        "POP_TOP",
        "LOAD_GLOBAL 2",
        // A lone `*a` goes to CALL_EX as it is (CPython's form), so a non-iterable is
        // reported naming the callee.
        "LOAD_GLOBAL 3",
        "BUILD_MAP 0",
        "LOAD_GLOBAL 4",
        "DICT_MERGE 1",
        "CALL_EX 1",
        "POP_TOP",
        "LOAD_GLOBAL 0",
        "LOAD_ATTR 1",
        "LOAD_CONST 0",
        "LOAD_CONST 3",
        "CALL_KW 1",
        "POP_TOP",
        "LOAD_CONST 4",
        "RETURN_VALUE",
    ];
    assert_eq!(main, expected);
    let consts = &code(&image, "<module>").consts;
    assert_eq!(consts[2], Constant::Tuple(vec![Constant::Str("k".into())]));
    assert_eq!(consts[3], Constant::Tuple(vec![Constant::Str("x".into())]));
}

#[test]
fn comprehensions_are_functions_of_the_first_iterator() {
    let image = compile("def f(xs):\n    return [x * 2 for x in xs if x]\n");
    let comp = code(&image, "f.<locals>.<listcomp>");
    assert_eq!(comp.argcount, 1);
    assert_eq!(comp.varnames, [".0", "x"]);
    assert_eq!(
        ops(comp),
        [
            "BUILD_LIST 0",
            "LOAD_FAST 0",
            "FOR_ITER 11",
            "STORE_FAST 1",
            "LOAD_FAST 1",
            "POP_JUMP_IF_FALSE 2",
            "LOAD_FAST 1",
            "LOAD_CONST 0",
            "BINARY_OP 2",
            "LIST_APPEND 2",
            "JUMP 2",
            "RETURN_VALUE",
        ]
    );
    let f = ops(code(&image, "f"));
    assert_eq!(
        f,
        [
            "LOAD_CONST 1",
            "MAKE_FUNCTION 0",
            "LOAD_FAST 0",
            "GET_ITER",
            "CALL 1",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn try_except_has_a_flat_table_and_a_cleanup_handler() {
    let source = "try:\n    f()\nexcept ValueError as e:\n    g(e)\n";
    let image = compile(source);
    let main = code(&image, "<module>");
    let table = &main.exceptiontable;
    for pair in table.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "sorted and non-overlapping: {table:?}"
        );
    }
    let body = ops(main);
    // The try body (f()) is covered by the handler, which begins with PUSH_EXC_INFO.
    let first = table[0];
    assert_eq!((first.start, first.depth), (0, 0));
    assert_eq!(body[first.handler as usize], "PUSH_EXC_INFO");
    // The handler region is itself covered by a cleanup entry: POP_EXCEPT; RERAISE.
    let cleanup = table
        .iter()
        .find(|e| e.start == first.handler)
        .expect("handler covered by cleanup");
    assert_eq!(
        body[cleanup.handler as usize..cleanup.handler as usize + 2],
        ["POP_EXCEPT", "RERAISE"]
    );
    // `as e` is cleared on the way out: e = None; del e.
    let text = body.join(";");
    assert!(
        text.contains("POP_EXCEPT;LOAD_CONST 0;STORE_GLOBAL 2;DELETE_GLOBAL 2"),
        "{text}"
    );
    assert!(
        text.contains("LOAD_GLOBAL 1;CHECK_EXC_MATCH;POP_JUMP_IF_FALSE"),
        "{text}"
    );
}

#[test]
fn return_through_finally_runs_the_finally_body_on_every_path() {
    let source = "def f():\n    try:\n        return a()\n    finally:\n        done()\n";
    let image = compile(source);
    let f = code(&image, "f");
    let body = ops(f);
    let calls_to_done = body.iter().filter(|o| *o == "LOAD_GLOBAL 1").count();
    // Inlined before the return, on the normal path (dead here, omitted) and in the handler.
    assert_eq!(calls_to_done, 2, "{body:?}");
    let ret = body
        .iter()
        .position(|o| o == "RETURN_VALUE")
        .expect("return");
    // The value of a() stays on the stack while the finally body runs, then is returned.
    assert_eq!(
        body[ret - 4..ret],
        ["CALL 0", "LOAD_GLOBAL 1", "CALL 0", "POP_TOP"]
    );
}

#[test]
fn with_calls_exit_on_every_exit() {
    let source = "def f(m):\n    for i in m:\n        with m as x:\n            if x:\n                break\n            return x\n";
    let image = compile(source);
    let body = ops(code(&image, "f"));
    let exits = body.windows(5).filter(|w| {
        w == &[
            "LOAD_CONST 0",
            "LOAD_CONST 0",
            "LOAD_CONST 0",
            "CALL 3",
            "POP_TOP",
        ]
    });
    // break, return and the normal end of the body each call exit(None, None, None).
    assert_eq!(exits.count(), 3, "{body:?}");
    assert!(body.contains(&"BEFORE_WITH".to_string()));
    assert!(body.contains(&"WITH_EXCEPT_START".to_string()));
}

#[test]
fn classes_build_through_build_class_and_publish_the_class_cell() {
    let source = "class A(B):\n    def m(self):\n        return super().m()\n";
    let image = compile(source);
    let body = ops(code(&image, "A"));
    assert_eq!(
        body,
        [
            "LOAD_NAME 0",
            "STORE_NAME 1",
            "LOAD_CONST 0",
            "STORE_NAME 2",
            "LOAD_CLOSURE 0",
            "BUILD_TUPLE 1",
            "LOAD_CONST 1",
            "MAKE_FUNCTION 8",
            "STORE_NAME 3",
            "LOAD_CLOSURE 0",
            "COPY 1",
            "STORE_NAME 4",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(
        code(&image, "A").names,
        [
            "__name__",
            "__module__",
            "__qualname__",
            "m",
            "__classcell__"
        ]
    );
    assert_eq!(code(&image, "A.m").freevars, ["__class__"]);
    let main = ops(code(&image, "<module>"));
    assert_eq!(
        main[..6],
        [
            "LOAD_BUILD_CLASS",
            "LOAD_CONST 0",
            "MAKE_FUNCTION 0",
            "LOAD_CONST 1",
            "LOAD_GLOBAL 0",
            "CALL 3"
        ]
    );
}

#[test]
fn the_line_table_follows_statements_and_sub_expressions() {
    let source = "a = 1\n\nb = f(\n    a,\n    g(a),\n)\n";
    let image = compile(source);
    let main = code(&image, "<module>");
    let lines: Vec<(u32, u32)> = main.linetable.iter().map(|e| (e.start, e.line)).collect();
    // a = 1 (line 1), f and its call on line 3, `a` on line 4, g(a) on line 5.
    assert_eq!(lines, [(0, 1), (2, 3), (3, 4), (4, 5), (7, 3)]);
}

#[test]
fn f_strings_format_values_with_conversions_and_nested_specs() {
    let image = compile("s = f'a{x!r:>{w}}b{y = }c{z=:>4}' 'd'\n");
    let main = code(&image, "<module>");
    assert_eq!(
        ops(main),
        [
            "LOAD_CONST 0",
            "LOAD_GLOBAL 0",
            "LOAD_CONST 1",
            "LOAD_GLOBAL 1",
            "FORMAT_VALUE 0",
            "BUILD_STRING 2",
            "FORMAT_VALUE 6",
            "LOAD_CONST 2",
            "LOAD_GLOBAL 2",
            "FORMAT_VALUE 2",
            "LOAD_CONST 3",
            "LOAD_GLOBAL 3",
            "LOAD_CONST 4",
            "FORMAT_VALUE 4",
            "LOAD_CONST 5",
            "BUILD_STRING 7",
            "STORE_GLOBAL 4",
            "LOAD_CONST 6",
            "RETURN_VALUE",
        ]
    );
    let strs: Vec<&Constant> = main.consts.iter().take(6).collect();
    let s = |v: &str| Constant::Str(v.to_string());
    // `{y = }` prints its source text and then the repr; `{z=:>4}` formats with the spec.
    assert_eq!(
        strs,
        [&s("a"), &s(">"), &s("by = "), &s("cz="), &s(">4"), &s("d")]
    );
}

#[test]
fn chained_comparisons_evaluate_each_operand_once() {
    let image = compile("r = a < b <= c\n");
    assert_eq!(
        ops(code(&image, "<module>")),
        [
            "LOAD_GLOBAL 0",
            "LOAD_GLOBAL 1",
            "SWAP 2",
            "COPY 2",
            "COMPARE_OP 0",
            "JUMP_IF_FALSE_OR_POP 9",
            "LOAD_GLOBAL 2",
            "COMPARE_OP 1",
            "JUMP 11",
            "SWAP 2",
            "POP_TOP",
            "STORE_GLOBAL 3",
            "LOAD_CONST 0",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn loops_pop_their_iterator_on_break_and_skip_else() {
    let source = "for x in xs:\n    if x:\n        break\n    continue\nelse:\n    done()\n";
    let image = compile(source);
    // break pops the iterator and jumps past the else clause (to 13); continue jumps back
    // to FOR_ITER (2), whose exhaustion runs the else clause (10).
    assert_eq!(
        ops(code(&image, "<module>")),
        [
            "LOAD_GLOBAL 0",
            "GET_ITER",
            "FOR_ITER 10",
            "STORE_GLOBAL 1",
            "LOAD_GLOBAL 1",
            "POP_JUMP_IF_FALSE 8",
            "POP_TOP",
            "JUMP 13",
            "JUMP 2",
            "JUMP 2",
            "LOAD_GLOBAL 2",
            "CALL 0",
            "POP_TOP",
            "LOAD_CONST 0",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn unpacking_uses_unpack_sequence_and_unpack_ex() {
    let image = compile("a, (b, c) = t\nd, *e, f, g = t\n");
    let body = ops(code(&image, "<module>"));
    assert_eq!(body[1], "UNPACK_SEQUENCE 2");
    assert_eq!(body[3], "UNPACK_SEQUENCE 2");
    // one target before the star and two after: 1 | 2 << 8
    assert!(body.contains(&"UNPACK_EX 513".to_string()), "{body:?}");
}

#[test]
fn constant_lists_that_are_only_searched_or_iterated_become_tuples() {
    let image = compile("for v in [1, 2]:\n    pass\nr = x in ['a', 'b']\nl = [1, 2]\n");
    let main = code(&image, "<module>");
    let body = ops(main);
    assert_eq!(&body[..2], ["LOAD_CONST 0", "GET_ITER"]);
    assert_eq!(
        main.consts[0],
        Constant::Tuple(vec![Constant::Int(1), Constant::Int(2)])
    );
    assert!(body.contains(&"CONTAINS_OP 0".to_string()));
    // A list that is stored stays a fresh list.
    assert!(body.contains(&"BUILD_LIST 2".to_string()), "{body:?}");
}
