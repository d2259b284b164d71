//! Methods of code objects: `co_positions()` and `co_lines()`, decoded from the image's
//! position and line tables when asked (never on the dispatch path), and `replace()` of the
//! flags (what `types.coroutine` does to a generator function's code).

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The methods of `code`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("code.co_positions", co_positions, Arity::NoArgs, None),
    NativeFn::method("code.co_lines", co_lines, Arity::NoArgs, None),
    NativeFn::new("code.replace", replace),
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

/// `code.replace(co_flags=...)`: a code object that differs only in its flags, in a new code
/// slot sharing the original's instructions and constants (the image stays untouched). Other
/// fields are accepted only unchanged: the instructions are permafrost's, not CPython's.
fn replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "replace() takes no positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let c = receiver(vm, a, "replace")?;
    let mut flags = vm.codes[c as usize].flags;
    for (k, v) in &a.kw {
        if *k == "co_flags" {
            let n = vm.ssize_of(v)?;
            flags = u32::try_from(n).map_err(|_| {
                vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                )
            })?;
            continue;
        }
        let code = a.pos[0].clone();
        let current = vm.getattr_opt(&code, k)?;
        let same = match current {
            Some(cur) => vm.eq(&cur, v)?,
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for replace()"
                )))
            }
        };
        if !same {
            return Err(vm.err(
                ExcKind::NotImplementedError,
                format!("code.replace: only co_flags can be changed here, not {k}"),
            ));
        }
    }
    if flags == vm.codes[c as usize].flags {
        return Ok(a.pos[0].clone());
    }
    let old = &vm.codes[c as usize];
    if old.transient {
        return Err(vm.err(
            ExcKind::NotImplementedError,
            "code.replace: code compiled at run time cannot be replaced",
        ));
    }
    let mut info = crate::vm::layout::empty_info(old.view);
    info.words = old.words;
    info.module = old.module;
    info.consts = old.consts;
    info.heap = old.heap.clone();
    info.global_slots = old.global_slots.clone();
    info.builtin_fallback = old.builtin_fallback.clone();
    info.nlocals = old.nlocals;
    info.ncells = old.ncells;
    info.nfree = old.nfree;
    info.argcount = old.argcount;
    info.stacksize = old.stacksize;
    info.simple_args = old.simple_args;
    info.heap_names = old.heap_names.clone();
    info.flags = flags;
    vm.codes.push(info);
    Ok(Value::obj(Object::CodeRef((vm.codes.len() - 1) as u32)))
}
