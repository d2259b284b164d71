//! Methods of code objects: `co_positions()` and `co_lines()`, decoded from the image's
//! position and line tables when asked (never on the dispatch path), `replace()` (in
//! `vm/dynamic.rs`), and equality and hashing by content.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The methods of `code`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("code.co_positions", co_positions, Arity::NoArgs, None),
    NativeFn::method("code.co_lines", co_lines, Arity::NoArgs, None),
    NativeFn::method(
        "code.replace",
        crate::vm::dynamic::code_replace,
        Arity::NoArgs,
        Some(&[
            "co_argcount",
            "co_posonlyargcount",
            "co_kwonlyargcount",
            "co_nlocals",
            "co_stacksize",
            "co_flags",
            "co_firstlineno",
            "co_code",
            "co_consts",
            "co_names",
            "co_varnames",
            "co_freevars",
            "co_cellvars",
            "co_filename",
            "co_name",
            "co_qualname",
            "co_linetable",
            "co_exceptiontable",
        ]),
    ),
];

/// The code index a code object value stands for.
pub(crate) fn code_index(v: &Value) -> Option<u32> {
    match v {
        Value::Code(c) => Some(*c),
        _ => match v.body()? {
            Object::CodeRef(c) | Object::DynCode { index: c, .. } => Some(*c),
            Object::Code(h) => Some(h.index),
            _ => None,
        },
    }
}

fn receiver(vm: &Vm, a: &Args, name: &str) -> PyResult<u32> {
    a.pos.first().and_then(code_index).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'code' objects doesn't apply to a '{}' object",
            a.pos.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))
    })
}

fn opt(v: Option<u32>) -> Value {
    v.map_or(Value::None, |c| Value::Int(c as i64))
}

/// One `(line, end_line, col, end_col)` per two bytes of `co_code`, as CPython yields one per
/// 16-bit code unit: `tb_lasti // 2` indexes it, as `traceback` does.
fn co_positions(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = receiver(vm, a, "co_positions")?;
    let view = vm.codes[c as usize].view;
    let n = view.code().len();
    let positions = view.positions();
    let mut items = Vec::with_capacity(n * 2);
    for i in 0..n {
        let t = match positions.as_ref().and_then(|p| p.get(i)) {
            Some(p) => Vm::new_tuple(vec![
                Value::Int(p.line as i64),
                Value::Int(p.end_line as i64),
                opt(p.col),
                opt(p.end_col),
            ]),
            None => {
                let line = Value::Int(view.line_of(i as u32) as i64);
                Vm::new_tuple(vec![line.clone(), line, Value::None, Value::None])
            }
        };
        items.push(t.clone());
        items.push(t);
    }
    vm.get_iter(&Vm::new_list(items))
}

/// `(start, end, line)` byte ranges of `co_code`, as CPython's `co_lines()`.
fn co_lines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = receiver(vm, a, "co_lines")?;
    let view = vm.codes[c as usize].view;
    let n = view.code().len() as u32;
    let table = view.linetable();
    let mut items = Vec::new();
    let mut push = |start: u32, end: u32, line: u32| {
        if start < end {
            items.push(Vm::new_tuple(vec![
                Value::Int(start as i64 * 4),
                Value::Int(end as i64 * 4),
                Value::Int(line as i64),
            ]));
        }
    };
    let first = table.first().map_or(n, |e| e.start);
    push(0, first, view.firstlineno());
    for (k, e) in table.iter().enumerate() {
        let end = table.get(k + 1).map_or(n, |next| next.start);
        push(e.start, end, e.line);
    }
    vm.get_iter(&Vm::new_list(items))
}

/// The strings of a name list, for comparing two code objects.
fn names_of(l: permafrost_image::StrList<'_>) -> Vec<&str> {
    l.iter().map(|s| s.as_str()).collect()
}

/// `code == code`: CPython compares what the code does and where it starts, not the file:
/// name, argument counts, flags, first line, instructions, line and exception tables, names
/// and constants (each of the same type and equal; nested code compared the same way).
pub(crate) fn equal(vm: &mut Vm, x: u32, y: u32) -> PyResult<bool> {
    if x == y {
        return Ok(true);
    }
    let (a, b) = (vm.codes[x as usize].view, vm.codes[y as usize].view);
    let same = a.name().as_str() == b.name().as_str()
        && a.argcount() == b.argcount()
        && a.posonlyargcount() == b.posonlyargcount()
        && a.kwonlyargcount() == b.kwonlyargcount()
        && a.flags() == b.flags()
        && a.firstlineno() == b.firstlineno()
        && a.code_bytes() == b.code_bytes()
        && a.linetable() == b.linetable()
        && a.exceptiontable() == b.exceptiontable()
        && names_of(a.names()) == names_of(b.names())
        && names_of(a.varnames()) == names_of(b.varnames())
        && names_of(a.freevars()) == names_of(b.freevars())
        && names_of(a.cellvars()) == names_of(b.cellvars());
    if !same {
        return Ok(false);
    }
    let ca = vm.getattr(&Value::obj(Object::CodeRef(x)), &Vm::str_val("co_consts"))?;
    let cb = vm.getattr(&Value::obj(Object::CodeRef(y)), &Vm::str_val("co_consts"))?;
    let (ca, cb) = (vm.collect(&ca)?, vm.collect(&cb)?);
    if ca.len() != cb.len() {
        return Ok(false);
    }
    for (p, q) in ca.iter().zip(&cb) {
        match (code_index(p), code_index(q)) {
            (Some(i), Some(j)) => {
                if !vm.nested(crate::vm::nest::COMPARE, |vm| equal(vm, i, j))? {
                    return Ok(false);
                }
            }
            (None, None) => {
                // `1 == 1.0 == True`, but constants of different types differ.
                if !vm.type_of(p).ptr_eq(&vm.type_of(q)) || !vm.eq(p, q)? {
                    return Ok(false);
                }
            }
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// `hash(code)`, consistent with [`equal`]: from the name, counts, flags, first line and
/// instructions.
pub(crate) fn hash(vm: &Vm, c: u32) -> i64 {
    use std::hash::{Hash, Hasher};
    let v = vm.codes[c as usize].view;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.name().as_str().hash(&mut h);
    (v.argcount(), v.posonlyargcount(), v.kwonlyargcount()).hash(&mut h);
    (v.flags(), v.firstlineno()).hash(&mut h);
    v.code_bytes().hash(&mut h);
    let n = h.finish() as i64;
    if n == -1 {
        -2
    } else {
        n
    }
}
