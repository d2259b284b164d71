//! Code-object fields (`co_varnames`, `co_argcount`, `co_flags`, `co_cellvars`,
//! `co_freevars`, `co_qualname`, `co_firstlineno`, ...) equal what CPython 3.11 reports for
//! the same source. The expected values were produced by compiling `SOURCE` with CPython
//! 3.11.7 (`compile(SOURCE, "fields.py", "exec")`, walking `co_consts` recursively).

use permafrost_compiler::{compile_modules, SourceModule};

const SOURCE: &str = r#"import sys
def simple(a, b=1, *args, c, d=2, **kw):
    x = a + b
    return x

def posonly(a, b, /, c, *, d):
    return a

def outer(p, q):
    r = 1
    def inner(s):
        nonlocal r
        r += s
        return p + r
    return inner

def gen(n):
    for i in range(n):
        yield i

@staticmethod
def decorated():
    pass

class C:
    def m(self):
        return super().m()
    def n(self):
        return [x for x in self]
    def __private(self):
        return __class__

def uses_lambda(k):
    f = lambda y: y + k
    g = (z for z in range(k))
    return f, g

def shadow():
    global gv
    gv = 1
    del_me = 2
    del del_me
    try:
        pass
    except Exception as e:
        pass

def cellarg(a, b):
    def h():
        return b
    return h
"#;

struct Expected {
    qualname: &'static str,
    name: &'static str,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    varnames: &'static [&'static str],
    cellvars: &'static [&'static str],
    freevars: &'static [&'static str],
}

#[rustfmt::skip]
fn expected() -> Vec<Expected> {
    vec![
        Expected { qualname: "<module>", name: "<module>", firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "simple", name: "simple", firstlineno: 2, argcount: 2, posonlyargcount: 0, kwonlyargcount: 2, flags: 0xf, varnames: &["a", "b", "c", "d", "args", "kw", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "posonly", name: "posonly", firstlineno: 6, argcount: 3, posonlyargcount: 2, kwonlyargcount: 1, flags: 0x3, varnames: &["a", "b", "c", "d"], cellvars: &[], freevars: &[] },
        Expected { qualname: "outer", name: "outer", firstlineno: 9, argcount: 2, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["p", "q", "inner"], cellvars: &["p", "r"], freevars: &[] },
        Expected { qualname: "outer.<locals>.inner", name: "inner", firstlineno: 11, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &["s"], cellvars: &[], freevars: &["p", "r"] },
        Expected { qualname: "gen", name: "gen", firstlineno: 17, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x23, varnames: &["n", "i"], cellvars: &[], freevars: &[] },
        Expected { qualname: "decorated", name: "decorated", firstlineno: 21, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "C", name: "C", firstlineno: 25, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &["__class__"], freevars: &[] },
        Expected { qualname: "C.m", name: "m", firstlineno: 26, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["self"], cellvars: &[], freevars: &["__class__"] },
        Expected { qualname: "C.n", name: "n", firstlineno: 28, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["self"], cellvars: &[], freevars: &[] },
        Expected { qualname: "C.n.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 29, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "C.__private", name: "__private", firstlineno: 30, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["self"], cellvars: &[], freevars: &["__class__"] },
        Expected { qualname: "uses_lambda", name: "uses_lambda", firstlineno: 33, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["k", "f", "g"], cellvars: &["k"], freevars: &[] },
        Expected { qualname: "uses_lambda.<locals>.<lambda>", name: "<lambda>", firstlineno: 34, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &["y"], cellvars: &[], freevars: &["k"] },
        Expected { qualname: "uses_lambda.<locals>.<genexpr>", name: "<genexpr>", firstlineno: 35, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x33, varnames: &[".0", "z"], cellvars: &[], freevars: &[] },
        Expected { qualname: "shadow", name: "shadow", firstlineno: 38, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["del_me", "e"], cellvars: &[], freevars: &[] },
        Expected { qualname: "cellarg", name: "cellarg", firstlineno: 48, argcount: 2, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["a", "b", "h"], cellvars: &["b"], freevars: &[] },
        Expected { qualname: "cellarg.<locals>.h", name: "h", firstlineno: 49, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[], cellvars: &[], freevars: &["b"] },
    ]
}

#[test]
fn code_fields_match_cpython() {
    let image = compile_modules(&[SourceModule {
        name: "fields",
        filename: "fields.py",
        source: SOURCE,
    }])
    .expect("compiles");
    let expected = expected();
    assert_eq!(image.codes.len(), expected.len(), "number of code objects");
    for e in &expected {
        let code = image
            .codes
            .iter()
            .find(|c| c.qualname == e.qualname)
            .unwrap_or_else(|| panic!("no code object {}", e.qualname));
        let q = e.qualname;
        assert_eq!(code.name, e.name, "{q}: co_name");
        assert_eq!(code.filename, "fields.py", "{q}: co_filename");
        assert_eq!(code.firstlineno, e.firstlineno, "{q}: co_firstlineno");
        assert_eq!(code.argcount, e.argcount, "{q}: co_argcount");
        assert_eq!(code.posonlyargcount, e.posonlyargcount, "{q}: co_posonlyargcount");
        assert_eq!(code.kwonlyargcount, e.kwonlyargcount, "{q}: co_kwonlyargcount");
        assert_eq!(code.flags, e.flags, "{q}: co_flags");
        assert_eq!(code.varnames, e.varnames, "{q}: co_varnames");
        assert_eq!(code.cellvars, e.cellvars, "{q}: co_cellvars");
        assert_eq!(code.freevars, e.freevars, "{q}: co_freevars");
    }
    let main = &image.codes[image.modules[0].code as usize];
    assert_eq!(main.qualname, "<module>");
}
