//! `float`: its constructor and its methods, including the class method `float.fromhex`.
//! Each method is one row of [`METHODS`] and one function below.

use crate::value::num::{num_of, Num};
use crate::value::object::{Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::number;

/// The methods of `float`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("float.is_integer", is_integer, Arity::NoArgs, None),
    NativeFn::method(
        "float.as_integer_ratio",
        as_integer_ratio,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method("float.hex", hex, Arity::NoArgs, None),
    NativeFn::method("float.conjugate", conjugate, Arity::NoArgs, None),
    NativeFn::method("float.fromhex", fromhex, Arity::One, None),
    NativeFn::method("float.__getformat__", getformat, Arity::One, None),
];

/// `float.fromhex` as the class's attribute; the table's row serves instances.
pub(crate) static FROMHEX: NativeFn = NativeFn::method("float.fromhex", fromhex, Arity::One, None);

fn is_float(v: &Value) -> bool {
    matches!(v, Value::Float(_))
}

/// The float receiver of method `method`.
fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<f64> {
    match super::receiver(vm, a, "float", method, is_float)? {
        Value::Float(f) => Ok(f),
        _ => unreachable!("is_float accepted it"),
    }
}

/// `float(x=0.0)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::constructor_args(vm, a, "float", 1, false)?;
    let Some(v) = a.get(0) else {
        return Ok(Value::Float(0.0));
    };
    if let Some(Object::Bytes(_)) = v.body() {
        return float_of_bytes(vm, v);
    }
    // Text with lone surrogates is no number.
    if matches!(v.body(), Some(Object::Str(s)) if s.wide.is_some()) {
        let shown = vm.repr(v)?;
        return Err(vm.value_error(format!("could not convert string to float: {shown}")));
    }
    if let Some(s) = v.as_str() {
        let s = s.to_string();
        // Each NaN parsed is a new object, as in CPython (see `fresh_nan`).
        return number::parse_float(&s)
            .map(|f| {
                Value::Float(if f.is_nan() {
                    crate::value::num::fresh_nan(f.is_sign_negative())
                } else {
                    f
                })
            })
            .map_err(|e| vm.lib_err(e));
    }
    match num_of(v) {
        Some(Num::I(i)) => Ok(Value::Float(i as f64)),
        Some(Num::F(f)) => Ok(Value::Float(f)),
        Some(Num::B(b)) => number::int_to_f64(b)
            .map(Value::Float)
            .map_err(|e| vm.lib_err(e)),
        None => match vm.call_dunder(v, "__float__", &[])? {
            Some(r @ Value::Float(_)) => Ok(r),
            // A float subclass is narrowed to its value.
            Some(r) if matches!(crate::value::num::inst_base(&r), Some(Value::Float(_))) => {
                Ok(crate::value::num::inst_base(&r).unwrap_or(r))
            }
            Some(r) => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
            // Without `__float__`, an integer through `__index__`.
            None => match crate::value::num::index_big(vm, v)? {
                Some(i) => number::int_to_f64(&i)
                    .map(Value::Float)
                    .map_err(|e| vm.lib_err(e)),
                None => match crate::value::num::inst_base(v) {
                    // A subclass of float, int, str or bytes: the value it wraps.
                    Some(b) => {
                        let args = [b];
                        construct(vm, &Args::new(&args, &[]))
                    }
                    None if crate::objects::bytearray::bytes_like(v).is_some() => {
                        float_of_bytes(vm, v)
                    }
                    None => Err(vm.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        vm.type_name(v)
                    ))),
                },
            },
        },
    }
}

/// `float()` of bytes-like text; the error shows the bytes' repr, as CPython's does.
fn float_of_bytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let bytes = crate::objects::bytearray::bytes_like(v).unwrap_or_default();
    if let Some(f) = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| number::parse_float(t).ok())
    {
        return Ok(Value::Float(f));
    }
    let shown = vm.repr(&Value::obj(Object::Bytes(
        crate::value::object::BytesData::Owned(bytes.into()),
    )))?;
    Err(vm.value_error(format!("could not convert string to float: {shown}")))
}

fn is_integer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = receiver(vm, a, "is_integer")?;
    Ok(Value::Bool(number::float_is_integer(f)))
}

fn as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = receiver(vm, a, "as_integer_ratio")?;
    let (p, q) = number::float_as_integer_ratio(f).map_err(|e| vm.lib_err(e))?;
    Ok(Vm::new_tuple(vec![
        Vm::int_from_big(p),
        Vm::int_from_big(q),
    ]))
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = receiver(vm, a, "hex")?;
    Ok(Vm::str_val(number::float_hex(f)))
}

fn conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Float(receiver(vm, a, "conjugate")?))
}

/// `float.__getformat__` as the class's attribute.
pub(crate) static GETFORMAT: NativeFn =
    NativeFn::method("float.__getformat__", getformat, Arity::One, None);

/// `float.__getformat__(typestr)`: how this machine stores `double` and `float` (IEEE 754
/// in the machine's byte order; CPython's test suite asks before testing float formats).
fn getformat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let arg = a.get(1).cloned().unwrap_or(Value::None);
    let Some(kind) = arg.as_str() else {
        let msg = format!(
            "__getformat__() argument must be str, not {}",
            vm.type_name(&arg)
        );
        return Err(vm.err(ExcKind::TypeError, msg));
    };
    if kind != "double" && kind != "float" {
        return Err(vm.err(
            ExcKind::ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'",
        ));
    }
    let order = if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    };
    Ok(Vm::str_val(order))
}

/// `float.fromhex(s)`: bound to the class or to an instance, which it ignores.
fn fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = a.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let f = number::float_fromhex(&text).map_err(|e| vm.lib_err(e))?;
    // A subclass gets an instance of itself, made from the float (`cls(f)`).
    match a.get(0) {
        Some(Value::Obj(cls)) if !cls.ptr_eq(vm.type_obj(TypeKind::Float)) => {
            let cls = Value::Obj(cls.clone());
            vm.call(&cls, &[Value::Float(f)], &[])
        }
        _ => Ok(Value::Float(f)),
    }
}
