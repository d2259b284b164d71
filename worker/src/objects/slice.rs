//! `slice`: its constructor, `indices()`, and the index arithmetic shared with `range`.

use crate::value::num::index_big;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

/// The methods of `slice`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("slice.indices", indices, Arity::One, None),
    NativeFn::method("slice.__reduce__", reduce, Arity::NoArgs, None),
];

/// `(slice, (start, stop, step))`, for copy and pickle.
fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos[0].body() {
        Some(Object::Slice { start, stop, step }) => {
            let args = Vm::new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
            Ok(Vm::new_tuple(vec![Value::Obj(vm.type_of(&a.pos[0])), args]))
        }
        _ => Err(vm.type_error("descriptor '__reduce__' requires a 'slice' object")),
    }
}

fn is_slice(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Slice { .. }))
}

/// `slice(stop)`, `slice(start, stop[, step])`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let (start, stop, step) = match a.pos {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        [] => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        more => {
            return Err(vm.type_error(format!(
                "slice expected at most 3 arguments, got {}",
                more.len()
            )))
        }
    };
    Ok(Value::obj(Object::Slice { start, stop, step }))
}

/// A slice field through `__index__`, with the slice wording when it is not an integer.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match index_big(vm, v)? {
        Some(i) => Ok(i),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// `(start, stop, step)` of slice `s` over a sequence of length `len`, any size, clamped as
/// CPython's `_PySlice_GetLongIndices` does.
pub(crate) fn long_indices(
    vm: &mut Vm,
    s: &Value,
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (start, stop, step) = match s.body() {
        Some(Object::Slice { start, stop, step }) => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(vm.type_error("expected a slice")),
    };
    let step = match step {
        Value::None => BigInt::one(),
        v => slice_index(vm, &v)?,
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (-BigInt::one(), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let mut bound = |v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if matches!(v, Value::None) {
            return Ok(default.clone());
        }
        let i = slice_index(vm, v)?;
        Ok(if i.is_negative() {
            (i + len).max(lower.clone())
        } else {
            i.min(upper.clone())
        })
    };
    let (d_start, d_stop) = if step.is_negative() {
        (&upper, &lower)
    } else {
        (&lower, &upper)
    };
    let i = bound(&start, d_start)?;
    let j = bound(&stop, d_stop)?;
    Ok((i, j, step))
}

fn indices(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = super::receiver(vm, a, "slice", "indices", is_slice)?;
    let n = a.get(1).cloned().unwrap_or(Value::None);
    let Some(len) = index_big(vm, &n)? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&n)
        )));
    };
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (i, j, k) = long_indices(vm, &s, &len)?;
    Ok(Vm::new_tuple(vec![
        Vm::int_from_big(i),
        Vm::int_from_big(j),
        Vm::int_from_big(k),
    ]))
}
