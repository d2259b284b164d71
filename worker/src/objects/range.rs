//! `range`: its constructor and its methods. Each method is one row of [`METHODS`] and one
//! function below.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ops::{num_of, Num};
use crate::vm::{PyResult, Vm};

/// The methods of `range`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("range.index", index, Arity::One, None),
    NativeFn::method("range.count", count, Arity::One, None),
];

fn is_range(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Range { .. }))
}

/// `range(stop)`, `range(start, stop[, step])`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let mut ints = Vec::new();
    for v in a.pos {
        match num_of(v) {
            Some(Num::I(i)) => ints.push(Value::Int(i)),
            Some(Num::B(_)) => ints.push(v.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        }
    }
    let (start, stop, step) = match ints.len() {
        1 => (Value::Int(0), ints[0].clone(), Value::Int(1)),
        2 => (ints[0].clone(), ints[1].clone(), Value::Int(1)),
        3 => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        k => return Err(vm.type_error(format!("range expected at most 3 arguments, got {k}"))),
    };
    if matches!(step, Value::Int(0)) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(Object::Range { start, stop, step }))
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = super::receiver(vm, a, "range", "index", is_range)?;
    let x = a.get(1).cloned().unwrap_or(Value::None);
    if !vm.contains(&r, &x)? {
        let s = vm.repr(&x)?;
        return Err(vm.value_error(format!("{s} is not in range")));
    }
    if let (Some(Object::Range { start, step, .. }), Value::Int(i)) = (r.body(), &x) {
        if let (Value::Int(s), Value::Int(st)) = (start, step) {
            return Ok(Value::Int((i - s) / st));
        }
    }
    Ok(Value::Int(0))
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = super::receiver(vm, a, "range", "count", is_range)?;
    let x = a.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Int(vm.contains(&r, &x)? as i64))
}
