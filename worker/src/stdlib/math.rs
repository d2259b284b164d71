//! The `math` module: its functions (one row each in [`FUNCTIONS`] and one function below),
//! its constants, and [`init`], which builds the module on first import.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ops::{num_of, Num};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use permafrost_semantics::{error, number};

/// The functions of `math`, bound in the module by name.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("sqrt", sqrt),
    NativeFn::new("floor", floor),
    NativeFn::new("ceil", ceil),
    NativeFn::new("fabs", fabs),
    NativeFn::new("sin", sin),
    NativeFn::new("cos", cos),
    NativeFn::new("tan", tan),
    NativeFn::new("asin", asin),
    NativeFn::new("acos", acos),
    NativeFn::new("atan", atan),
    NativeFn::new("atan2", atan2),
    NativeFn::new("exp", exp),
    NativeFn::new("log", log),
    NativeFn::new("log2", log2),
    NativeFn::new("log10", log10),
    NativeFn::new("pow", pow),
    NativeFn::new("gcd", gcd),
    NativeFn::new("lcm", lcm),
    NativeFn::new("isqrt", isqrt),
    NativeFn::new("factorial", factorial),
    NativeFn::new("isinf", isinf),
    NativeFn::new("isnan", isnan),
    NativeFn::new("isfinite", isfinite),
    NativeFn::new("hypot", hypot),
    NativeFn::new("trunc", trunc),
    NativeFn::new("copysign", copysign),
    NativeFn::new("fsum", fsum),
    NativeFn::new("prod", prod),
    NativeFn::new("comb", comb),
    NativeFn::new("perm", perm),
    NativeFn::new("degrees", degrees),
    NativeFn::new("radians", radians),
    NativeFn::new("isclose", isclose),
    NativeFn::new("modf", modf),
    NativeFn::new("fmod", fmod),
];

/// Builds the `math` module: [`FUNCTIONS`] and the constants.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module(
        "math",
        FUNCTIONS,
        &[
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}

fn domain_error(vm: &Vm) -> ObjRef {
    vm.value_error("math domain error")
}

/// Argument `i` as a float (`fname` names the function in the missing-argument message).
fn float(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<f64> {
    vm.f64_arg(a.get(i), fname)
}

/// A function of one float argument returning a float.
fn unary(vm: &mut Vm, a: &Args, fname: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    Ok(Value::Float(f(float(vm, a, 0, fname)?)))
}

fn sqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float(vm, a, 0, "sqrt")?;
    if x < 0.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(x.sqrt()))
}

fn floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    to_int(vm, a, number::float_floor_to_int, "__floor__")
}

fn ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    to_int(vm, a, number::float_ceil_to_int, "__ceil__")
}

fn trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    to_int(vm, a, number::float_to_int, "__trunc__")
}

/// `floor`, `ceil` and `trunc`: ints unchanged (bools as ints), floats rounded by `round`,
/// anything else through its `dunder`.
fn to_int(
    vm: &mut Vm,
    a: &Args,
    round: fn(f64) -> error::LibResult<BigInt>,
    dunder: &str,
) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    match num_of(&v) {
        Some(Num::I(_)) | Some(Num::B(_)) => Ok(match v {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        Some(Num::F(f)) => {
            let r = round(f).map_err(|e| vm.lib_err(e))?;
            Ok(Vm::int_from_big(r))
        }
        None => match vm.call_dunder(&v, dunder, &[])? {
            Some(r) => Ok(r),
            None => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(&v)))),
        },
    }
}

fn fabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "fabs", f64::abs)
}

fn sin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "sin", f64::sin)
}

fn cos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "cos", f64::cos)
}

fn tan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "tan", f64::tan)
}

fn asin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unit_interval(vm, a, "asin", f64::asin)
}

fn acos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unit_interval(vm, a, "acos", f64::acos)
}

/// `asin` and `acos`: defined on [-1, 1] only.
fn unit_interval(vm: &mut Vm, a: &Args, fname: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = float(vm, a, 0, fname)?;
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(f(x)))
}

fn atan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "atan", f64::atan)
}

fn atan2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let y = float(vm, a, 0, "atan2")?;
    let x = float(vm, a, 1, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn exp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = float(vm, a, 0, "exp")?.exp();
    if r.is_infinite() {
        return Err(vm.err(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::Float(r))
}

fn log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let base = match a.get(1) {
        Some(b) => Some(vm.f64_arg(Some(b), "log")?),
        None => None,
    };
    // An int too large for a float still has a logarithm.
    if let Some(Object::BigInt(b)) = a.get(0).and_then(|v| v.body()) {
        let b = b.clone();
        return number::int_log(&b, base)
            .map(Value::Float)
            .map_err(|e| vm.lib_err(e));
    }
    let x = float(vm, a, 0, "log")?;
    number::math_log(x, base)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn log2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positive(vm, a, "log2", f64::log2)
}

fn log10(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positive(vm, a, "log10", f64::log10)
}

/// `log2` and `log10`: defined for positive arguments only.
fn positive(vm: &mut Vm, a: &Args, fname: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = float(vm, a, 0, fname)?;
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(f(x)))
}

/// `math.pow(x, y)`: always a float, positional arguments only (unlike the builtin `pow`).
fn pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("math.pow() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("pow expected 2 arguments, got {}", a.pos.len())));
    }
    let x = float(vm, a, 0, "pow")?;
    let y = float(vm, a, 1, "pow")?;
    number::math_pow(x, y)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn gcd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fold_ints(vm, a, 0, number::gcd)
}

fn lcm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    fold_ints(vm, a, 1, number::lcm)
}

/// `gcd` and `lcm`: `f` folded over the integer arguments from `start`.
fn fold_ints(
    vm: &mut Vm,
    a: &Args,
    start: i64,
    f: fn(&BigInt, &BigInt) -> BigInt,
) -> PyResult<Value> {
    let mut acc = BigInt::from(start);
    for v in a.pos {
        let b = vm.big_arg(Some(v))?;
        acc = f(&acc, &b);
    }
    Ok(Vm::int_from_big(acc))
}

fn isqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = vm.big_arg(a.get(0))?;
    Ok(Vm::int_from_big(
        number::isqrt(&b).map_err(|e| vm.lib_err(e))?,
    ))
}

fn factorial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    if let Value::Float(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = vm.big_arg(Some(&v))?;
    Ok(Vm::int_from_big(
        number::factorial(&b).map_err(|e| vm.lib_err(e))?,
    ))
}

fn isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(float(vm, a, 0, "isinf")?.is_infinite()))
}

fn isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(float(vm, a, 0, "isnan")?.is_nan()))
}

fn isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(float(vm, a, 0, "isfinite")?.is_finite()))
}

fn hypot(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for v in a.pos {
        let x = vm.f64_arg(Some(v), "hypot")?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn copysign(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float(vm, a, 0, "copysign")?;
    let y = float(vm, a, 1, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fsum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = vm.collect(a.get(0).unwrap_or(&Value::None))?;
    let mut vals = Vec::with_capacity(items.len());
    for v in &items {
        vals.push(vm.f64_arg(Some(v), "fsum")?);
    }
    number::math_fsum(&vals)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn prod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = vm.collect(a.get(0).unwrap_or(&Value::None))?;
    let mut acc = a.kw("start").cloned().unwrap_or(Value::Int(1));
    for v in items {
        acc = vm.binary_op(2, &acc, &v)?;
    }
    Ok(acc)
}

fn comb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    choose(vm, a, true)
}

fn perm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    choose(vm, a, false)
}

/// `comb(n, k)` and `perm(n, k)` (`k` defaults to `n`): the falling factorial of `n` of
/// length `k`, divided by `k!` for `comb`.
fn choose(vm: &mut Vm, a: &Args, is_comb: bool) -> PyResult<Value> {
    let n = vm.big_arg(a.get(0))?;
    let k = match a.get(1) {
        Some(k) => vm.big_arg(Some(k))?,
        None => n.clone(),
    };
    if n.is_negative() || k.is_negative() {
        return Err(vm.value_error(format!(
            "{} must be a non-negative integer",
            if n.is_negative() { "n" } else { "k" }
        )));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let kk = k.to_u64().unwrap_or(0);
    let mut r = BigInt::from(1);
    for i in 0..kk {
        r *= &n - BigInt::from(i);
    }
    if is_comb {
        let mut f = BigInt::from(1);
        for i in 1..=kk {
            f *= BigInt::from(i);
        }
        r /= f;
    }
    Ok(Vm::int_from_big(r))
}

fn degrees(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "degrees", f64::to_degrees)
}

fn radians(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unary(vm, a, "radians", f64::to_radians)
}

fn isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float(vm, a, 0, "isclose")?;
    let y = float(vm, a, 1, "isclose")?;
    let rel = match a.kw("rel_tol") {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 1e-9,
    };
    let abs_tol = match a.kw("abs_tol") {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 0.0,
    };
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (x - y).abs();
    Ok(Value::Bool(
        d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs_tol,
    ))
}

fn modf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float(vm, a, 0, "modf")?;
    let i = x.trunc();
    Ok(Vm::new_tuple(vec![Value::Float(x - i), Value::Float(i)]))
}

fn fmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float(vm, a, 0, "fmod")?;
    let y = float(vm, a, 1, "fmod")?;
    if y == 0.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(x % y))
}
