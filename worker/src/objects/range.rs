//! `range`: its constructor and its methods. Each method is one row of [`METHODS`] and one
//! function below.

use crate::value::num::{num_of, to_big, Num};
use crate::value::object::{Iter, Object};
use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use permafrost_semantics::hash;

/// The methods of `range`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("range.index", index, Arity::One, None),
    NativeFn::method("range.count", count, Arity::One, None),
    NativeFn::method("range.__reduce__", reduce, Arity::NoArgs, None),
];

/// `(range, (start, stop, step))`, for copy and pickle.
fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos[0].body() {
        Some(Object::Range { start, stop, step }) => {
            let args = Vm::new_tuple(vec![start.clone(), stop.clone(), step.clone()]);
            Ok(Vm::new_tuple(vec![Value::Obj(vm.type_of(&a.pos[0])), args]))
        }
        _ => Err(vm.type_error("descriptor '__reduce__' requires a 'range' object")),
    }
}

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
        // Bounds go through `__index__`: bools and user integers are accepted, floats not.
        match crate::value::num::index_big(vm, v)? {
            Some(i) => ints.push(Vm::int_from_big(i)),
            None => {
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
    // Exact ints are located arithmetically; anything else is compared item by item.
    if matches!(num_of(&x), Some(Num::I(_) | Num::B(_))) && !matches!(x, Value::Bool(_)) {
        if vm.contains(&r, &x)? {
            let (start, _, step) = big_fields(&r);
            let i = big(&x);
            return Ok(Vm::int_from_big((i - start) / step));
        }
    } else {
        let it = vm.get_iter(&r)?;
        let mut k: i64 = 0;
        while let Some(y) = vm.next(&it)? {
            if vm.eq(&y, &x)? {
                return Ok(Value::Int(k));
            }
            k += 1;
        }
    }
    let s = vm.repr(&x)?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = super::receiver(vm, a, "range", "count", is_range)?;
    let x = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(num_of(&x), Some(Num::I(_) | Num::B(_))) && !matches!(x, Value::Bool(_)) {
        return Ok(Value::Int(vm.contains(&r, &x)? as i64));
    }
    let it = vm.get_iter(&r)?;
    let mut k: i64 = 0;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, &x)? {
            k += 1;
        }
    }
    Ok(Value::Int(k))
}

/// A range field (always an int) as a big integer.
fn big(v: &Value) -> BigInt {
    match num_of(v) {
        Some(n) => to_big(&n),
        None => BigInt::zero(),
    }
}

/// The fields of range `r` as big integers.
fn big_fields(r: &Value) -> (BigInt, BigInt, BigInt) {
    match r.body() {
        Some(Object::Range { start, stop, step }) => (big(start), big(stop), big(step)),
        _ => (BigInt::zero(), BigInt::zero(), BigInt::one()),
    }
}

/// The length of `range(start, stop, step)`, any size.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start + step - 1) / step
    } else if step.is_negative() && start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        BigInt::zero()
    }
}

/// The length of a range of machine-int fields, exact (it can exceed `i64::MAX`).
pub(crate) fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, c) = (start as i128, stop as i128, step as i128);
    if c > 0 && a < b {
        (b - a + c - 1) / c
    } else if c < 0 && a > b {
        (a - b - c - 1) / (-c)
    } else {
        0
    }
}

/// `len(r)`: CPython's `OverflowError` when the length does not fit a `Py_ssize_t`.
pub(crate) fn len(vm: &Vm, r: &Value) -> PyResult<usize> {
    let n = match r.body() {
        Some(Object::Range {
            start: Value::Int(a),
            stop: Value::Int(b),
            step: Value::Int(c),
        }) => small_len(*a, *b, *c).to_i64(),
        _ => {
            let (a, b, c) = big_fields(r);
            big_len(&a, &b, &c).to_i64()
        }
    };
    match n {
        Some(n) => Ok(n as usize),
        None => Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `bool(r)`: never overflows, whatever the length.
pub(crate) fn nonempty(r: &Value) -> bool {
    let (a, b, c) = big_fields(r);
    !big_len(&a, &b, &c).is_zero()
}

/// `r[key]` for any range and key (the subscript protocol handles the machine-int case).
pub(crate) fn item(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    let (a, b, c) = big_fields(r);
    let n = big_len(&a, &b, &c);
    if let Some(Object::Slice { .. }) = key.body() {
        let (i, j, st) = super::slice::long_indices(vm, key, &n)?;
        return Ok(Value::obj(Object::Range {
            start: Vm::int_from_big(&a + &i * &c),
            stop: Vm::int_from_big(&a + &j * &c),
            step: Vm::int_from_big(&c * &st),
        }));
    }
    let Some(i) = crate::value::num::index_big(vm, key)? else {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let j = if i.is_negative() { &i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(vm.err(ExcKind::IndexError, "range object index out of range"));
    }
    Ok(Vm::int_from_big(a + c * j))
}

/// `x == y` for two ranges: equal as sequences (CPython's `range_equals`).
pub(crate) fn equal(x: &Value, y: &Value) -> bool {
    let (a1, b1, c1) = big_fields(x);
    let (a2, b2, c2) = big_fields(y);
    let n1 = big_len(&a1, &b1, &c1);
    if n1 != big_len(&a2, &b2, &c2) {
        return false;
    }
    if n1.is_zero() {
        return true;
    }
    if a1 != a2 {
        return false;
    }
    n1.is_one() || c1 == c2
}

/// `hash(r)`: the hash of `(len, start, step)`, with `start` and `step` replaced by `None`
/// where they do not determine the sequence (CPython's `range_hash`).
pub(crate) fn hash(vm: &mut Vm, r: &Value) -> PyResult<i64> {
    let (a, b, c) = big_fields(r);
    let n = big_len(&a, &b, &c);
    let none = vm.hash(&Value::None)?;
    let hs = [
        hash::hash_bigint(&n),
        if n.is_zero() {
            none
        } else {
            hash::hash_bigint(&a)
        },
        if n.is_zero() || n.is_one() {
            none
        } else {
            hash::hash_bigint(&c)
        },
    ];
    Ok(hash::hash_tuple(hs.into_iter()))
}

/// The iterator over range `r`: machine ints when no value it steps through overflows.
pub(crate) fn iter(r: &Value) -> Iter {
    if let Some(Object::Range {
        start: Value::Int(a),
        stop: Value::Int(b),
        step: Value::Int(c),
    }) = r.body()
    {
        // The iterator steps one past the last item: that value must fit too.
        let end = *a as i128 + small_len(*a, *b, *c) * *c as i128;
        if i64::try_from(end).is_ok() {
            return Iter::Range {
                next: *a,
                stop: *b,
                step: *c,
            };
        }
    }
    let (next, stop, step) = big_fields(r);
    Iter::BigRange { next, stop, step }
}

/// `reversed(r)`: a range iterator from the last item down, without materialising the items.
/// As CPython's `range_reverse`, the machine-int iterator (`range_iterator`) is used when
/// start, stop and step, `-step`, `start - step` and the length all fit a machine int, and
/// the long one (`longrange_iterator`) otherwise, even where the reversed bounds would fit.
pub(crate) fn reversed(r: &Value) -> Value {
    // Machine-int fields are computed without big ints (the `for i in reversed(range(n))` of a
    // hot loop made four big-int temporaries per call).
    if let Some(Object::Range {
        start: Value::Int(a),
        stop: Value::Int(b),
        step: Value::Int(c),
    }) = r.body()
    {
        let n = small_len(*a, *b, *c);
        if let (Some(stop), Some(step), Ok(n)) =
            (a.checked_sub(*c), c.checked_neg(), i64::try_from(n))
        {
            // The last item lies between start and stop (or is `start - step` when the range
            // is empty), so it fits.
            let last = (stop as i128 + n as i128 * *c as i128) as i64;
            return Value::obj(Object::Iter(Iter::Range {
                next: last,
                stop,
                step,
            }));
        }
    }
    let (a, b, c) = big_fields(r);
    let n = big_len(&a, &b, &c);
    let last = &a + (&n - 1) * &c;
    Value::obj(Object::Iter(Iter::BigRange {
        next: last,
        stop: &a - &c,
        step: -c,
    }))
}
