//! The `math` module: its functions (one row each in [`FUNCTIONS`] and one function below),
//! its constants, and [`init`], which builds the module on first import.

use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_semantics::{error, number};

/// The functions of `math`, bound in the module by name.
/// The functions of `math`, bound in the module by name.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("floor", floor),
    NativeFn::new("ceil", ceil),
    NativeFn::new("trunc", trunc),
    NativeFn::new("sqrt", sqrt),
    NativeFn::new("fabs", fabs),
    NativeFn::new("sin", sin),
    NativeFn::new("cos", cos),
    NativeFn::new("tan", tan),
    NativeFn::new("asin", asin),
    NativeFn::new("acos", acos),
    NativeFn::new("atan", atan),
    NativeFn::new("exp", exp),
    NativeFn::new("exp2", exp2),
    NativeFn::new("expm1", expm1),
    NativeFn::new("log1p", log1p),
    NativeFn::new("sinh", sinh),
    NativeFn::new("cosh", cosh),
    NativeFn::new("tanh", tanh),
    NativeFn::new("asinh", asinh),
    NativeFn::new("acosh", acosh),
    NativeFn::new("atanh", atanh),
    NativeFn::new("cbrt", cbrt),
    NativeFn::new("degrees", degrees),
    NativeFn::new("radians", radians),
    NativeFn::new("gamma", gamma),
    NativeFn::new("lgamma", lgamma),
    NativeFn::new("erf", erf),
    NativeFn::new("erfc", erfc),
    NativeFn::new("atan2", atan2),
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
    NativeFn::new("copysign", copysign),
    NativeFn::new("fsum", fsum),
    NativeFn::new("prod", prod),
    NativeFn::new("comb", comb),
    NativeFn::new("perm", perm),
    NativeFn::new("isclose", isclose),
    NativeFn::new("modf", modf),
    NativeFn::new("fmod", fmod),
    NativeFn::new("remainder", remainder),
    NativeFn::new("frexp", frexp),
    NativeFn::new("ldexp", ldexp),
    NativeFn::new("ulp", ulp),
    NativeFn::new("nextafter", nextafter),
    NativeFn::new("dist", dist),
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

/// Refuses keyword arguments, with CPython's wording for `math.<fname>`.
fn no_keywords(vm: &Vm, a: &Args, fname: &str) -> PyResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("math.{fname}() takes no keyword arguments")))
    }
}

/// The one argument of a one-argument function (`METH_O`).
fn one<'a>(vm: &Vm, a: &Args<'a>, fname: &str) -> PyResult<&'a Value> {
    no_keywords(vm, a, fname)?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!(
            "math.{fname}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// The arguments of a function of `lo..=hi` positional arguments.
fn between<'a>(vm: &Vm, a: &Args<'a>, fname: &str, lo: usize, hi: usize) -> PyResult<&'a [Value]> {
    no_keywords(vm, a, fname)?;
    let n = a.pos.len();
    if (lo..=hi).contains(&n) {
        return Ok(a.pos);
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(vm.type_error(if lo == hi {
        format!("{fname} expected {lo} argument{}, got {n}", plural(lo))
    } else if n < lo {
        format!(
            "{fname} expected at least {lo} argument{}, got {n}",
            plural(lo)
        )
    } else {
        format!(
            "{fname} expected at most {hi} argument{}, got {n}",
            plural(hi)
        )
    }))
}

/// The two float arguments of a two-argument function.
fn two_floats(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(f64, f64)> {
    let p = between(vm, a, fname, 2, 2)?;
    let x = vm.f64_arg(Some(&p[0]), fname)?;
    let y = vm.f64_arg(Some(&p[1]), fname)?;
    Ok((x, y))
}

/// A one-argument float function with CPython's domain and range errors.
fn unary(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    let v = one(vm, a, fname)?;
    let x = vm.f64_arg(Some(v), fname)?;
    match number::math_unary(fname, x) {
        Some(r) => r.map(Value::Float).map_err(|e| vm.lib_err(e)),
        None => Err(domain_error(vm)),
    }
}

/// The one-argument float functions, each [`unary`] under its name.
macro_rules! unary_fns {
    ($($name:ident)*) => {$(
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            unary(vm, a, stringify!($name))
        }
    )*};
}

unary_fns! {
    sqrt fabs sin cos tan asin acos atan exp exp2 expm1 log1p sinh cosh tanh asinh acosh
    atanh cbrt degrees radians gamma lgamma erf erfc
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
    let fname = &dunder[2..dunder.len() - 2];
    let v = one(vm, a, fname)?.clone();
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
            // `trunc` has no float fallback; `floor` and `ceil` go through `__float__`.
            None if fname == "trunc" => Err(vm.type_error(format!(
                "type {} doesn't define __trunc__ method",
                vm.type_name(&v)
            ))),
            None => {
                let f = vm.f64_arg(Some(&v), fname)?;
                let r = round(f).map_err(|e| vm.lib_err(e))?;
                Ok(Vm::int_from_big(r))
            }
        },
    }
}

fn atan2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (y, x) = two_floats(vm, a, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

/// The natural logarithm of a `log` argument: ints too large for a float still have one.
fn ln_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(Object::BigInt(b)) = v.body() {
        let b = b.clone();
        return number::int_log(&b, None).map_err(|e| vm.lib_err(e));
    }
    let x = vm.f64_arg(Some(v), "log")?;
    number::math_log(x, None).map_err(|e| vm.lib_err(e))
}

fn log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&a.pos.len()) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = ln_arg(vm, &a.pos[0])?;
    match a.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln_arg(vm, b)?;
            if den == 0.0 {
                return Err(vm.err(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    log_base(vm, a, "log2")
}

fn log10(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    log_base(vm, a, "log10")
}

/// `log2` and `log10`: ints too large for a float still have a logarithm.
fn log_base(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    let v = one(vm, a, fname)?;
    if let Some(Object::BigInt(b)) = v.body() {
        let b = b.clone();
        return number::int_log2_or_10(&b, fname == "log10")
            .map(Value::Float)
            .map_err(|e| vm.lib_err(e));
    }
    unary(vm, a, fname)
}

/// `math.pow(x, y)`: always a float, positional arguments only (unlike the builtin `pow`).
fn pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "pow")?;
    number::math_pow(x, y)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn gcd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_keywords(vm, a, "gcd")?;
    fold_ints(vm, a, 0, number::gcd)
}

fn lcm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_keywords(vm, a, "lcm")?;
    fold_ints(vm, a, 1, number::lcm)
}

/// An integer argument (`__index__`; floats are refused).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match crate::value::num::index_big(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
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
        let b = int_arg(vm, v)?;
        acc = f(&acc, &b);
    }
    Ok(Vm::int_from_big(acc))
}

fn isqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "isqrt")?;
    let b = int_arg(vm, v)?;
    Ok(Vm::int_from_big(
        number::isqrt(&b).map_err(|e| vm.lib_err(e))?,
    ))
}

fn factorial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "factorial")?;
    let b = int_arg(vm, v)?;
    Ok(Vm::int_from_big(
        number::factorial(&b).map_err(|e| vm.lib_err(e))?,
    ))
}

/// A one-argument float predicate.
fn predicate(vm: &mut Vm, a: &Args, fname: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let v = one(vm, a, fname)?;
    Ok(Value::Bool(f(vm.f64_arg(Some(v), fname)?)))
}

fn isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    predicate(vm, a, "isinf", f64::is_infinite)
}

fn isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    predicate(vm, a, "isnan", f64::is_nan)
}

fn isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    predicate(vm, a, "isfinite", f64::is_finite)
}

/// The float coordinates of a `hypot` call or a `dist` point.
fn floats(vm: &mut Vm, items: &[Value], fname: &str) -> PyResult<Vec<f64>> {
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(vm.f64_arg(Some(v), fname)?);
    }
    Ok(out)
}

fn hypot(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_keywords(vm, a, "hypot")?;
    let xs = floats(vm, a.pos, "hypot")?;
    Ok(Value::Float(number::math_hypot(&xs)))
}

fn dist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = between(vm, a, "dist", 2, 2)?;
    // Both points become sequences before any coordinate is converted, as in CPython.
    let ps = vm.collect(&p[0])?;
    let qs = vm.collect(&p[1])?;
    let mut points = [Vec::new(), Vec::new()];
    if ps.len() == qs.len() {
        for (x, y) in ps.iter().zip(&qs) {
            points[0].push(vm.f64_arg(Some(x), "dist")?);
            points[1].push(vm.f64_arg(Some(y), "dist")?);
        }
    } else {
        points = [vec![0.0; ps.len()], vec![0.0; qs.len()]];
    }
    number::math_dist(&points[0], &points[1])
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn copysign(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fsum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "fsum")?;
    let items = vm.collect(v)?;
    let vals = floats(vm, &items, "fsum")?;
    number::math_fsum(&vals)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn prod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let total = a.pos.len() + a.kw.len();
    if total > 2 {
        return Err(vm.type_error(format!("prod() takes at most 2 arguments ({total} given)")));
    }
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k != "start") {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for prod()")));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let items = vm.collect(&a.pos[0])?;
    let mut acc = a.kw("start").cloned().unwrap_or(Value::Int(1));
    for v in items {
        acc = vm.binary_op(2, &acc, &v)?;
    }
    Ok(acc)
}

fn comb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = between(vm, a, "comb", 2, 2)?;
    let n = int_arg(vm, &p[0])?;
    let k = int_arg(vm, &p[1])?;
    number::math_comb(&n, &k)
        .map(Vm::int_from_big)
        .map_err(|e| vm.lib_err(e))
}

fn perm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = between(vm, a, "perm", 1, 2)?;
    let n = int_arg(vm, &p[0])?;
    let k = match p.get(1) {
        None | Some(Value::None) => None,
        Some(k) => Some(int_arg(vm, k)?),
    };
    number::math_perm(&n, k.as_ref())
        .map(Vm::int_from_big)
        .map_err(|e| vm.lib_err(e))
}

fn isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some((k, _)) =
        a.kw.iter()
            .find(|(k, _)| !["a", "b", "rel_tol", "abs_tol"].contains(k))
    {
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for isclose()"
        )));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let mut get = |i: usize, name: &str| -> PyResult<f64> {
        match a.arg(i, name) {
            Some(v) => vm.f64_arg(Some(v), "isclose"),
            None => Err(vm.type_error(format!(
                "isclose() missing required argument '{name}' (pos {})",
                i + 1
            ))),
        }
    };
    let x = get(0, "a")?;
    let y = get(1, "b")?;
    let rel = match a.kw("rel_tol") {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 1e-9,
    };
    let abs_tol = match a.kw("abs_tol") {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 0.0,
    };
    number::math_isclose(x, y, rel, abs_tol)
        .map(Value::Bool)
        .map_err(|e| vm.lib_err(e))
}

fn modf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "modf")?;
    let (f, i) = number::math_modf(vm.f64_arg(Some(v), "modf")?);
    Ok(Vm::new_tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn fmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "fmod")?;
    number::math_fmod(x, y)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn remainder(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "remainder")?;
    number::math_remainder(x, y)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn frexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "frexp")?;
    let (m, e) = number::math_frexp(vm.f64_arg(Some(v), "frexp")?);
    Ok(Vm::new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = between(vm, a, "ldexp", 2, 2)?;
    let x = vm.f64_arg(Some(&p[0]), "ldexp")?;
    if matches!(p[1], Value::Float(_)) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = int_arg(vm, &p[1])?;
    number::math_ldexp(x, &e)
        .map(Value::Float)
        .map_err(|e| vm.lib_err(e))
}

fn ulp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "ulp")?;
    Ok(Value::Float(number::math_ulp(vm.f64_arg(Some(v), "ulp")?)))
}

fn nextafter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, "nextafter")?;
    Ok(Value::Float(number::math_nextafter(x, y)))
}
