//! `int` (and `bool`, which shares its methods): the constructors and the methods, including
//! the class method `int.from_bytes`. Each method is one row of [`METHODS`] and one function
//! below.

use crate::value::num::{num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};
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
    let Some(v) = a.get(0) else {
        return Ok(Value::Int(0));
    };
    let base = a.arg(1, "base").cloned();
    if let Some(s) = v.as_str() {
        let base = match base {
            Some(b) => vm.index_of(&b)? as u32,
            None => 10,
        };
        let s = s.to_string();
        let r = number::parse_int(&s, base).map_err(|e| vm.lib_err(e))?;
        return Ok(Vm::int_from_big(r));
    }
    if let Some(b) = &base {
        // Bytes-like digits with an explicit base (`int(b"ff", 16)`, a bytearray slice).
        if let Some(bytes) = crate::objects::bytearray::bytes_like(v) {
            let base = vm.index_of(b)? as u32;
            let s = String::from_utf8_lossy(&bytes).to_string();
            let r = number::parse_int(&s, base).map_err(|e| vm.lib_err(e))?;
            return Ok(Vm::int_from_big(r));
        }
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    }
    match num_of(v) {
        Some(Num::I(i)) => Ok(Value::Int(i)),
        Some(Num::B(_)) => Ok(v.clone()),
        Some(Num::F(f)) => Ok(Vm::int_from_big(
            number::float_to_int(f).map_err(|e| vm.lib_err(e))?,
        )),
        None => {
            if let Some(Object::Bytes(b)) = v.body() {
                let s = String::from_utf8_lossy(b).to_string();
                let r = number::parse_int(&s, 10).map_err(|e| vm.lib_err(e))?;
                return Ok(Vm::int_from_big(r));
            }
            for d in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(v, d, &[])? {
                    return Ok(r);
                }
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
