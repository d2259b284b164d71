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

/// Binding order, unpacking, `with`/`except`/`import` targets, walrus, closures through
/// nested classes, generator lambdas and defaults (same procedure, file `scopes.py`).
const SCOPES_SOURCE: &str = r#"def tricky(a, *, k=1, **rest):
    for i, (j, *m) in enumerate(a):
        total = i + j
    with open(a) as (fh):
        data = fh.read()
    try:
        import json as js
    except ImportError as err:
        js = None
    del data
    count += 1
    w = [q for q in a if q]
    def later():
        return total
    zz: int
    if (walrus := len(a)) > 2:
        pass
    return later, w, walrus

class Outer:
    def meth(self):
        class Inner:
            def deep(inner_self):
                return self, __class__
        return Inner

def gen_lambda():
    return lambda: (yield)

def deflt(x=[1], *args, y, z=(1, 2)):
    pass
"#;

/// Argument cells (listed before other cells, in argument order), qualified names of code
/// nested in comprehensions and classes, and a `global` function (same procedure,
/// file `nesting.py`).
const NESTING_SOURCE: &str = r#"def dumps(value, indent, sort_keys, level):
    zeta = 1
    alpha = 2
    def walk():
        return value, indent, sort_keys, level, zeta, alpha
    return walk

fns = [lambda: i for i in range(3)]
grid = [[c for c in row] for row in fns]
table = {k: [v for v in k] for k in grid}

class K:
    items = [x for x in range(3)]
    def m(self):
        global gfunc
        def gfunc():
            pass
        return gfunc
"#;

/// Assignment expressions inside comprehensions bind in the enclosing function (through a
/// cell) or module (same procedure, file `walrus.py`).
const WALRUS_SOURCE: &str = r#"data = [1, 5, 2, 8]
big = [y for x in data if (y := x * 2) > 4]
print(big, y)
def f(items):
    total = 0
    sums = [total := total + v for v in items]
    return sums, total
print(f([1, 2, 3]))
def g():
    return [[(last := j) for j in range(i)] for i in range(3)], last
print(g())
if any((hit := v) > 4 for v in data):
    print("hit", hit)
"#;

/// Coroutines, async generators and async comprehensions: `CO_COROUTINE` (0x80) and
/// `CO_ASYNC_GENERATOR` (0x200) as CPython sets them (file `async.py`).
const ASYNC_SOURCE: &str = r#"async def coro(a):
    x = await a
    return x

async def agen(n):
    for i in range(n):
        yield i

async def comps(it):
    lst = [x async for x in it]
    st = {await y for y in lst}
    ge = (z async for z in it)
    plain = [w for w in lst]
    nested = [[v async for v in it] for _ in lst]
    return lst, st, ge, plain, nested

def sync_genexp(it):
    return (await q for q in it)

async def uses_with(m):
    async with m as v:
        async for k in v:
            pass
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

#[rustfmt::skip]
fn expected_scopes() -> Vec<Expected> {
    vec![
        Expected { qualname: "<module>", name: "<module>", firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "tricky", name: "tricky", firstlineno: 1, argcount: 1, posonlyargcount: 0, kwonlyargcount: 1, flags: 0xb, varnames: &["a", "k", "rest", "i", "j", "m", "fh", "data", "js", "err", "count", "w", "later", "walrus"], cellvars: &["total"], freevars: &[] },
        Expected { qualname: "tricky.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 12, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "q"], cellvars: &[], freevars: &[] },
        Expected { qualname: "tricky.<locals>.later", name: "later", firstlineno: 13, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[], cellvars: &[], freevars: &["total"] },
        Expected { qualname: "Outer", name: "Outer", firstlineno: 20, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "Outer.meth", name: "meth", firstlineno: 21, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["self", "Inner"], cellvars: &["self"], freevars: &[] },
        Expected { qualname: "Outer.meth.<locals>.Inner", name: "Inner", firstlineno: 22, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &["__class__"], freevars: &["self"] },
        Expected { qualname: "Outer.meth.<locals>.Inner.deep", name: "deep", firstlineno: 23, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &["inner_self"], cellvars: &[], freevars: &["__class__", "self"] },
        Expected { qualname: "gen_lambda", name: "gen_lambda", firstlineno: 27, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "gen_lambda.<locals>.<lambda>", name: "<lambda>", firstlineno: 28, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x33, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "deflt", name: "deflt", firstlineno: 30, argcount: 1, posonlyargcount: 0, kwonlyargcount: 2, flags: 0x7, varnames: &["x", "y", "z", "args"], cellvars: &[], freevars: &[] },
    ]
}

#[rustfmt::skip]
fn expected_nesting() -> Vec<Expected> {
    vec![
        Expected { qualname: "<module>", name: "<module>", firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "dumps", name: "dumps", firstlineno: 1, argcount: 4, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["value", "indent", "sort_keys", "level", "walk"], cellvars: &["value", "indent", "sort_keys", "level", "alpha", "zeta"], freevars: &[] },
        Expected { qualname: "dumps.<locals>.walk", name: "walk", firstlineno: 4, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[], cellvars: &[], freevars: &["alpha", "indent", "level", "sort_keys", "value", "zeta"] },
        Expected { qualname: "<listcomp>", name: "<listcomp>", firstlineno: 8, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[".0"], cellvars: &["i"], freevars: &[] },
        Expected { qualname: "<listcomp>.<lambda>", name: "<lambda>", firstlineno: 8, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[], cellvars: &[], freevars: &["i"] },
        Expected { qualname: "<listcomp>", name: "<listcomp>", firstlineno: 9, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[".0", "row"], cellvars: &[], freevars: &[] },
        Expected { qualname: "<listcomp>.<listcomp>", name: "<listcomp>", firstlineno: 9, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "c"], cellvars: &[], freevars: &[] },
        Expected { qualname: "<dictcomp>", name: "<dictcomp>", firstlineno: 10, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[".0", "k"], cellvars: &[], freevars: &[] },
        Expected { qualname: "<dictcomp>.<listcomp>", name: "<listcomp>", firstlineno: 10, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "v"], cellvars: &[], freevars: &[] },
        Expected { qualname: "K", name: "K", firstlineno: 12, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "K.<listcomp>", name: "<listcomp>", firstlineno: 13, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[".0", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "K.m", name: "m", firstlineno: 14, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["self"], cellvars: &[], freevars: &[] },
        Expected { qualname: "gfunc", name: "gfunc", firstlineno: 16, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[], cellvars: &[], freevars: &[] },
    ]
}

#[test]
fn nested_qualnames_and_cell_order_match_cpython() {
    check("nesting.py", NESTING_SOURCE, &expected_nesting());
}

#[rustfmt::skip]
fn expected_walrus() -> Vec<Expected> {
    vec![
        Expected { qualname: "<module>", name: "<module>", firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "<listcomp>", name: "<listcomp>", firstlineno: 2, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[".0", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "f", name: "f", firstlineno: 4, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["items", "sums"], cellvars: &["total"], freevars: &[] },
        Expected { qualname: "f.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 6, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "v"], cellvars: &[], freevars: &["total"] },
        Expected { qualname: "g", name: "g", firstlineno: 9, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &[], cellvars: &["last"], freevars: &[] },
        Expected { qualname: "g.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 10, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "i"], cellvars: &[], freevars: &["last"] },
        Expected { qualname: "g.<locals>.<listcomp>.<listcomp>", name: "<listcomp>", firstlineno: 10, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "j"], cellvars: &[], freevars: &["last"] },
        Expected { qualname: "<genexpr>", name: "<genexpr>", firstlineno: 12, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x23, varnames: &[".0", "v"], cellvars: &[], freevars: &[] },
    ]
}

#[test]
fn assignment_expressions_in_comprehensions_bind_outside_as_in_cpython() {
    check("walrus.py", WALRUS_SOURCE, &expected_walrus());
}

#[test]
fn code_fields_match_cpython() {
    check("fields.py", SOURCE, &expected());
}

#[test]
fn scope_resolution_matches_cpython() {
    check("fields.py", SCOPES_SOURCE, &expected_scopes());
}

#[rustfmt::skip]
fn expected_async() -> Vec<Expected> {
    vec![
        Expected { qualname: "<module>", name: "<module>", firstlineno: 1, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x0, varnames: &[], cellvars: &[], freevars: &[] },
        Expected { qualname: "coro", name: "coro", firstlineno: 1, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x83, varnames: &["a", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "agen", name: "agen", firstlineno: 5, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x203, varnames: &["n", "i"], cellvars: &[], freevars: &[] },
        Expected { qualname: "comps", name: "comps", firstlineno: 9, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x83, varnames: &["it", "lst", "st", "ge", "plain", "nested"], cellvars: &["it"], freevars: &[] },
        Expected { qualname: "comps.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 10, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x93, varnames: &[".0", "x"], cellvars: &[], freevars: &[] },
        Expected { qualname: "comps.<locals>.<setcomp>", name: "<setcomp>", firstlineno: 11, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x93, varnames: &[".0", "y"], cellvars: &[], freevars: &[] },
        Expected { qualname: "comps.<locals>.<genexpr>", name: "<genexpr>", firstlineno: 12, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x213, varnames: &[".0", "z"], cellvars: &[], freevars: &[] },
        Expected { qualname: "comps.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 13, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x13, varnames: &[".0", "w"], cellvars: &[], freevars: &[] },
        Expected { qualname: "comps.<locals>.<listcomp>", name: "<listcomp>", firstlineno: 14, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x93, varnames: &[".0", "_"], cellvars: &[], freevars: &["it"] },
        Expected { qualname: "comps.<locals>.<listcomp>.<listcomp>", name: "<listcomp>", firstlineno: 14, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x93, varnames: &[".0", "v"], cellvars: &[], freevars: &[] },
        Expected { qualname: "sync_genexp", name: "sync_genexp", firstlineno: 17, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x3, varnames: &["it"], cellvars: &[], freevars: &[] },
        Expected { qualname: "sync_genexp.<locals>.<genexpr>", name: "<genexpr>", firstlineno: 18, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x213, varnames: &[".0", "q"], cellvars: &[], freevars: &[] },
        Expected { qualname: "uses_with", name: "uses_with", firstlineno: 20, argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, flags: 0x83, varnames: &["m", "v", "k"], cellvars: &[], freevars: &[] },
    ]
}

#[test]
fn coroutine_flags_match_cpython() {
    check("async.py", ASYNC_SOURCE, &expected_async());
}

fn check(filename: &str, source: &str, expected: &[Expected]) {
    let image = compile_modules(&[SourceModule {
        name: "fields",
        filename,
        source,
    }])
    .expect("compiles");
    assert_eq!(image.codes.len(), expected.len(), "number of code objects");
    for e in expected {
        let code = image
            .codes
            .iter()
            .find(|c| c.qualname == e.qualname && c.firstlineno == e.firstlineno)
            .unwrap_or_else(|| panic!("no code object {} at line {}", e.qualname, e.firstlineno));
        let q = e.qualname;
        assert_eq!(code.name, e.name, "{q}: co_name");
        assert_eq!(code.filename, filename, "{q}: co_filename");
        assert_eq!(code.firstlineno, e.firstlineno, "{q}: co_firstlineno");
        assert_eq!(code.argcount, e.argcount, "{q}: co_argcount");
        assert_eq!(
            code.posonlyargcount, e.posonlyargcount,
            "{q}: co_posonlyargcount"
        );
        assert_eq!(
            code.kwonlyargcount, e.kwonlyargcount,
            "{q}: co_kwonlyargcount"
        );
        assert_eq!(code.flags, e.flags, "{q}: co_flags");
        assert_eq!(code.varnames, e.varnames, "{q}: co_varnames");
        assert_eq!(code.cellvars, e.cellvars, "{q}: co_cellvars");
        assert_eq!(code.freevars, e.freevars, "{q}: co_freevars");
    }
    let main = &image.codes[image.modules[0].code as usize];
    assert_eq!(main.qualname, "<module>");
}
