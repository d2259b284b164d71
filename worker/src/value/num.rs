//! Numbers as operands: a view of an int, big int or float value ([`Num`]), comparisons across
//! the three, and the built-in value inside an instance of a subclass of a built-in type.
//! Pure value helpers: no interpreter state.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_semantics::number;
use std::cmp::Ordering;

/// The built-in value wrapped by an instance of a class deriving from a built-in type.
pub fn inst_base(v: &Value) -> Option<Value> {
    match v.body() {
        Some(Object::Instance(i)) => inst_base_of(i),
        _ => None,
    }
}

/// `inst_base` of an instance body.
pub fn inst_base_of(i: &crate::value::object::Instance) -> Option<Value> {
    // A native type's state is no value to fall back on.
    if !i.base.is_null() && !matches!(i.base.body(), Some(Object::Native(_))) {
        Some(i.base.clone())
    } else {
        None
    }
}

/// `v`, or the built-in value an instance of a subclass of str, bytes, int, float or the
/// like holds: what a native function reads such an argument as.
pub fn plain_value(v: &Value) -> Value {
    match v.body() {
        Some(Object::Instance(_)) => inst_base(v).unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    }
}

/// `v`, or the str an instance of a str subclass holds: how native code reads a str argument
/// it needs as a value (a join item, an attribute name, the left operand of `in`).
pub fn plain_str(v: &Value) -> Value {
    match v.body() {
        Some(Object::Instance(_)) => inst_base(v)
            .filter(|b| b.str_bytes().is_some())
            .unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    }
}

/// A number operand.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => Some(Num::B(b)),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => (*b).clone(),
        Num::F(f) => BigInt::from(*f as i64),
    }
}

pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => int_f_cmp(*x, *y),
        (Num::F(x), Num::I(y)) => int_f_cmp(*y, *x).map(|o| o.reverse()),
        (Num::B(x), Num::F(y)) => number::int_float_cmp(x, *y),
        (Num::F(x), Num::B(y)) => number::int_float_cmp(y, *x).map(|o| o.reverse()),
        (x, y) => Some(to_big(x).cmp(&to_big(y))),
    }
}

pub(crate) fn int_f_cmp(i: i64, f: f64) -> Option<Ordering> {
    if i.unsigned_abs() <= 1 << 53 {
        (i as f64).partial_cmp(&f)
    } else {
        number::int_float_cmp(&BigInt::from(i), f)
    }
}

/// A number operand as a float (`OverflowError` for a big int beyond the float range).
pub(crate) fn num_to_f64(vm: &Vm, n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => number::int_to_f64(b).map_err(|e| vm.lib_err(e)),
    }
}

/// An integer through `__index__`, any size; `None` when `v` has no `__index__`.
pub(crate) fn index_big(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    match v {
        Value::Int(_) | Value::Bool(_) => return Ok(num_of(v).map(|n| to_big(&n))),
        Value::Float(_) => return Ok(None),
        _ => {}
    }
    if let Some(Object::BigInt(b)) = v.body() {
        return Ok(Some(b.clone()));
    }
    // An int subclass's value, without asking its `__index__` (CPython's `PyNumber_Index`).
    if let Some(b) = inst_base(v) {
        if let Some(n @ (Num::I(_) | Num::B(_))) = num_of(&b) {
            return Ok(Some(to_big(&n)));
        }
    }
    match vm.call_dunder(v, "__index__", &[])? {
        Some(r) if !matches!(r, Value::Bool(_)) => match num_of(&r) {
            Some(Num::I(i)) => Ok(Some(BigInt::from(i))),
            Some(Num::B(b)) => Ok(Some(b.clone())),
            _ => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
        Some(r) => Err(vm.type_error(format!(
            "__index__ returned non-int (type {})",
            vm.type_name(&r)
        ))),
        None => Ok(None),
    }
}

/// The bits (19 to 32 above the low word) that mark a NaN made by [`fresh_nan`].
const FRESH_NAN_MARK: u64 = 0x0007_A5A5_0000_0000;
/// What [`FRESH_NAN_MARK`] is tested against: the quiet bit, the exponent and the mark.
const FRESH_NAN_MASK: u64 = 0x7fff_ffff_0000_0000;

/// A quiet NaN no other NaN value shares. Floats are unboxed, so `is` compares their bits;
/// CPython's `float('nan')` makes a new object each time (`float('nan') in [float('nan')]`
/// is False, and `{float('nan'), float('nan')}` has two members) while `x = float('nan');
/// x in [x]` is True. A counter in the payload gives each parsed NaN its own identity.
pub fn fresh_nan(negative: bool) -> f64 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) as u64;
    let sign = if negative { 1u64 << 63 } else { 0 };
    f64::from_bits(sign | 0x7ff8_0000_0000_0000 | FRESH_NAN_MARK | n)
}

/// `x` with a [`fresh_nan`] payload cleared, for where a float's bits are written out
/// (`struct`, `array`, `memoryview`): CPython's NaN there is the plain quiet NaN.
pub fn canonical_nan(x: f64) -> f64 {
    let bits = x.to_bits();
    if bits & FRESH_NAN_MASK == 0x7ff8_0000_0000_0000 | FRESH_NAN_MARK {
        f64::from_bits(bits & (1u64 << 63 | 0x7ff8_0000_0000_0000))
    } else {
        x
    }
}
