//! `int` (and `bool`, which shares its methods): the constructors and the methods, including
//! the class method `int.from_bytes`. Each method is one row of [`METHODS`] and one function
//! below.

use crate::value::num::{num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_bigint::BigInt;
use permafrost_semantics::number;

/// The methods of `int` and `bool`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("int.bit_length", bit_length, Arity::NoArgs, None),
    NativeFn::method("int.bit_count", bit_count, Arity::NoArgs, None),
    NativeFn::new("int.to_bytes", to_bytes),
    NativeFn::method("int.conjugate", conjugate, Arity::NoArgs, None),
    NativeFn::method(
        "int.as_integer_ratio",
        as_integer_ratio,
        Arity::NoArgs,
        None,
    ),
    NativeFn::new("int.from_bytes", from_bytes),
];

/// `int.from_bytes` as the class's attribute; the table's row serves instances.
pub(crate) static FROM_BYTES: NativeFn = NativeFn::new("int.from_bytes", from_bytes);

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.body(), Some(Object::BigInt(_)))
}

fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    super::receiver(vm, a, "int", method, is_int)
}

/// Refuses keywords other than `allowed`, with CPython's message for `fname`.
fn check_keywords(vm: &Vm, a: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    match a.kw.iter().find(|(k, _)| !allowed.contains(k)) {
        Some((k, _)) => Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(()),
    }
}

/// `int(x=0)`, `int(s, base=10)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_keywords(vm, a, "int", &["base"])?;
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let base = a.arg(1, "base").cloned();
    let Some(v) = a.arg(0, "x") else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if a.kw("x").is_some() {
        return Err(vm.type_error("'x' is an invalid keyword argument for int()"));
    }
    // A str subclass converts as its text.
    let text_of = |v: &Value| match v.as_str() {
        Some(s) => Some(s.to_string()),
        None => crate::value::num::inst_base(v).and_then(|b| b.as_str().map(str::to_string)),
    };
    if let Some(s) = text_of(v) {
        let base = match &base {
            Some(b) => int_base(vm, b)?,
            None => 10,
        };
        let r = number::parse_int(&s, base).map_err(|e| vm.lib_err(e))?;
        return Ok(Vm::int_from_big(r));
    }
    // Bytes-like digits (`int(b"ff", 16)`, a bytearray, a memoryview); the error shows
    // the bytes' repr.
    let converts = |vm: &Vm| match v.body() {
        Some(Object::Instance(i)) => ["__int__", "__index__", "__trunc__"]
            .iter()
            .any(|d| vm.lookup_user_attr(&i.class, d).is_some()),
        _ => false,
    };
    let digits = if base.is_some() || !converts(vm) {
        crate::objects::bytearray::bytes_like(v)
    } else {
        None
    };
    if let Some(bytes) = digits {
        let base = match &base {
            Some(b) => int_base(vm, b)?,
            None => 10,
        };
        let parsed = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|t| number::parse_int(t, base).ok());
        return match parsed {
            Some(r) => Ok(Vm::int_from_big(r)),
            None => {
                let shown = vm.repr(&Value::obj(Object::Bytes(
                    crate::value::object::BytesData::Owned(bytes.into()),
                )))?;
                Err(vm.value_error(format!(
                    "invalid literal for int() with base {base}: {shown}"
                )))
            }
        };
    }
    if base.is_some() {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    match num_of(v) {
        Some(Num::I(i)) => Ok(Value::Int(i)),
        Some(Num::B(_)) => Ok(v.clone()),
        Some(Num::F(f)) => Ok(Vm::int_from_big(
            number::float_to_int(f).map_err(|e| vm.lib_err(e))?,
        )),
        None => {
            // `__int__` and `__index__` must give an int (a subclass is narrowed to int);
            // `__trunc__`'s result is converted through `__index__`.
            for d in ["__int__", "__index__"] {
                if let Some(r) = vm.call_dunder(v, d, &[])? {
                    return exact_int(vm, r, d);
                }
            }
            if let Some(r) = vm.call_dunder(v, "__trunc__", &[])? {
                if matches!(num_of(&r), Some(Num::I(_) | Num::B(_))) {
                    return exact_int(vm, r, "__trunc__");
                }
                return match vm.call_dunder(&r, "__index__", &[])? {
                    Some(i) => exact_int(vm, i, "__index__"),
                    None => Err(vm.type_error(format!(
                        "__trunc__ returned non-Integral (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
            // A subclass of int, float, str or bytes without its own conversion: the value
            // it wraps (`int(IntEnum member)`).
            if let Some(b) = crate::value::num::inst_base(v) {
                let args = [b];
                return construct(vm, &Args::new(&args, &[]));
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// `int()`'s base argument: an index in 2..=36 or 0.
fn int_base(vm: &mut Vm, b: &Value) -> PyResult<u32> {
    let n = match crate::value::num::index_big(vm, b)? {
        Some(n) => n,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(b)
            )))
        }
    };
    match u32::try_from(&n) {
        Ok(n) if n == 0 || (2..=36).contains(&n) => Ok(n),
        _ => Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
    }
}

/// The result of a conversion dunder as an exact int: an int subclass's value, anything
/// else a TypeError in CPython's words.
fn exact_int(vm: &mut Vm, r: Value, dunder: &str) -> PyResult<Value> {
    match num_of(&r) {
        Some(Num::I(i)) if !matches!(r, Value::Bool(_)) => Ok(Value::Int(i)),
        Some(Num::B(_)) => Ok(r),
        _ => match crate::value::num::inst_base(&r) {
            Some(b) if matches!(num_of(&b), Some(Num::I(_) | Num::B(_))) => Ok(match b {
                Value::Bool(x) => Value::Int(x as i64),
                b => b,
            }),
            _ if matches!(r, Value::Bool(_)) => {
                Ok(Value::Int(matches!(r, Value::Bool(true)) as i64))
            }
            _ => Err(vm.type_error(format!(
                "{dunder} returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
    }
}

/// `bool(x=False)`.
pub(crate) fn construct_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "bool expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    match a.get(0) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match receiver(vm, a, "bit_length")? {
        Value::Int(i) => Value::Int(64 - i.unsigned_abs().leading_zeros() as i64),
        Value::Bool(b) => Value::Int(b as i64),
        v => match v.body() {
            Some(Object::BigInt(b)) => Value::Int(b.bits() as i64),
            _ => unreachable!("receiver() checked the type"),
        },
    })
}

fn bit_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match receiver(vm, a, "bit_count")? {
        Value::Int(i) => Value::Int(i.unsigned_abs().count_ones() as i64),
        Value::Bool(b) => Value::Int(b as i64),
        v => match v.body() {
            Some(Object::BigInt(b)) => Value::Int(b.magnitude().count_ones() as i64),
            _ => unreachable!("receiver() checked the type"),
        },
    })
}

/// The receiver as a plain `int` (`True.conjugate()` is `1`).
fn as_int(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    }
}

fn conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(as_int(receiver(vm, a, "conjugate")?))
}

fn as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = as_int(receiver(vm, a, "as_integer_ratio")?);
    Ok(Vm::new_tuple(vec![n, Value::Int(1)]))
}

/// The `byteorder` argument: true for `"big"` (the default).
fn big_endian(vm: &Vm, v: Option<&Value>) -> PyResult<bool> {
    match v.and_then(|v| v.as_str()).unwrap_or("big") {
        "big" => Ok(true),
        "little" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = receiver(vm, a, "to_bytes")?;
    check_keywords(vm, a, "to_bytes", &["length", "byteorder", "signed"])?;
    let n: BigInt = match num_of(&recv) {
        Some(Num::I(i)) => BigInt::from(i),
        Some(Num::B(b)) => b.clone(),
        _ => unreachable!("receiver() checked the type"),
    };
    let length = match a.arg(1, "length") {
        Some(v) => vm.ssize_of(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big = big_endian(vm, a.arg(2, "byteorder"))?;
    let signed = match a.kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    // CPython: past the largest bytes object an OverflowError; a length the heap cannot
    // hold fails its allocation with MemoryError (never an abort here).
    if length as u64 > isize::MAX as u64 - 64 {
        return Err(vm.err(ExcKind::OverflowError, "byte string is too large"));
    }
    if !crate::budget::fits(length as usize)
        || length as u128 > permafrost_semantics::text::MAX_RESULT_BYTES
    {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    let bytes =
        number::int_to_bytes(&n, length as usize, big, signed).map_err(|e| vm.lib_err(e))?;
    Ok(Value::obj(Object::Bytes(bytes.into_boxed_slice().into())))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`: bound to the class or to an
/// instance, which it ignores.
fn from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_keywords(vm, a, "from_bytes", &["bytes", "byteorder", "signed"])?;
    let Some(arg) = a.arg(1, "bytes").cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let data: Vec<u8> = match arg.body() {
        Some(Object::Bytes(b)) => b.to_vec(),
        _ => {
            let items = vm.collect(&arg)?;
            let mut v = Vec::with_capacity(items.len());
            for it in items {
                v.push(vm.index_of(&it)? as u8);
            }
            v
        }
    };
    let big = big_endian(vm, a.arg(2, "byteorder"))?;
    let signed = match a.kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let r = Vm::int_from_big(number::int_from_bytes(&data, big, signed));
    // `cls.from_bytes` of a subclass (bool included) is `cls(int)`, as in CPython.
    match a.get(0) {
        Some(Value::Obj(c))
            if matches!(c.get(), Object::Class(_)) && !c.ptr_eq(&vm.type_of(&Value::Int(0))) =>
        {
            let c = Value::Obj(c.clone());
            vm.call(&c, &[r], &[])
        }
        _ => Ok(r),
    }
}
