//! The `cmath` module: complex versions of the elementary functions, `phase`/`polar`/`rect`,
//! the predicates and `isclose`, and the constants. The arithmetic (formulas, special
//! values, errors) is `permafrost_semantics::number::cmath`; this file converts arguments
//! as CPython's `Py_complex` and `double` converters do.

use super::parse_args;
use crate::objects::complex;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use permafrost_semantics::complex::C;
use permafrost_semantics::error::LibResult;
use permafrost_semantics::number::cmath;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("acos", acos),
    NativeFn::new("acosh", acosh),
    NativeFn::new("asin", asin),
    NativeFn::new("asinh", asinh),
    NativeFn::new("atan", atan),
    NativeFn::new("atanh", atanh),
    NativeFn::new("cos", cos),
    NativeFn::new("cosh", cosh),
    NativeFn::new("exp", exp),
    NativeFn::new("isclose", isclose),
    NativeFn::new("isfinite", isfinite),
    NativeFn::new("isinf", isinf),
    NativeFn::new("isnan", isnan),
    NativeFn::new("log", log),
    NativeFn::new("log10", log10),
    NativeFn::new("phase", phase),
    NativeFn::new("polar", polar),
    NativeFn::new("rect", rect),
    NativeFn::new("sin", sin),
    NativeFn::new("sinh", sinh),
    NativeFn::new("sqrt", sqrt),
    NativeFn::new("tan", tan),
    NativeFn::new("tanh", tanh),
];

/// Builds the `cmath` module.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    use std::f64::consts::{E, PI, TAU};
    super::new_module(
        "cmath",
        FUNCTIONS,
        &[
            ("pi", Value::Float(PI)),
            ("e", Value::Float(E)),
            ("tau", Value::Float(TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("infj", complex::new((0.0, f64::INFINITY))),
            ("nan", Value::Float(f64::NAN)),
            ("nanj", complex::new((0.0, f64::NAN))),
        ],
    )
}

/// A complex argument: a complex, an object with `__complex__`, or a real number.
fn complex_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<C> {
    if let Some(z) = complex::parts(v) {
        return Ok(z);
    }
    if let Some(Object::Instance(i)) = v.body() {
        if let Some(z) = complex::parts(&i.base) {
            return Ok(z);
        }
        if let Some(r) = vm.call_dunder(v, "__complex__", &[])? {
            return match complex::parts(&r) {
                Some(z) => Ok(z),
                None => Err(vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    Ok((vm.f64_arg(Some(v), fname)?, 0.0))
}

/// Exactly `n` positional arguments, no keywords (the clinic's positional-only form).
fn positional<'a>(
    vm: &Vm,
    a: &Args<'a>,
    fname: &str,
    lo: usize,
    hi: usize,
) -> PyResult<&'a [Value]> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("cmath.{fname}() takes no keyword arguments")));
    }
    let n = a.pos.len();
    if (lo..=hi).contains(&n) {
        return Ok(a.pos);
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(vm.type_error(if lo == hi && lo == 1 {
        format!("cmath.{fname}() takes exactly one argument ({n} given)")
    } else if lo == hi {
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

fn one_complex(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<C> {
    let p = positional(vm, a, fname, 1, 1)?;
    complex_arg(vm, &p[0], fname)
}

fn result(vm: &Vm, r: LibResult<C>) -> PyResult<Value> {
    r.map(complex::new).map_err(|e| vm.lib_err(e))
}

/// The one-argument functions, each over its `cmath::` namesake.
macro_rules! unary_fns {
    ($($name:ident)*) => {$(
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let z = one_complex(vm, a, stringify!($name))?;
            result(vm, cmath::$name(z))
        }
    )*};
}

unary_fns! {
    acos acosh asin asinh atan atanh cos cosh exp log10 sin sinh sqrt tan tanh
}

fn log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "log", 1, 2)?;
    let z = complex_arg(vm, &p[0], "log")?;
    let base = match p.get(1) {
        Some(b) => Some(complex_arg(vm, b, "log")?),
        None => None,
    };
    result(vm, cmath::log(z, base))
}

fn phase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = one_complex(vm, a, "phase")?;
    Ok(Value::Float(cmath::phase(z)))
}

fn polar(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = one_complex(vm, a, "polar")?;
    let (r, phi) = cmath::polar(z).map_err(|e| vm.lib_err(e))?;
    Ok(Vm::new_tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn rect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = positional(vm, a, "rect", 2, 2)?;
    let r = vm.f64_arg(Some(&p[0]), "rect")?;
    let phi = vm.f64_arg(Some(&p[1]), "rect")?;
    result(vm, cmath::rect(r, phi))
}

fn isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = one_complex(vm, a, "isfinite")?;
    Ok(Value::Bool(z.0.is_finite() && z.1.is_finite()))
}

fn isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = one_complex(vm, a, "isinf")?;
    Ok(Value::Bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = one_complex(vm, a, "isnan")?;
    Ok(Value::Bool(z.0.is_nan() || z.1.is_nan()))
}

fn isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let names = ["a", "b", "rel_tol", "abs_tol"];
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let p = parse_args(vm, a, 0, "isclose", &names, 2, 2)?;
    let x = complex_arg(vm, p[0].unwrap_or(&Value::None), "isclose")?;
    let y = complex_arg(vm, p[1].unwrap_or(&Value::None), "isclose")?;
    let rel_tol = match p[2] {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 1e-9,
    };
    let abs_tol = match p[3] {
        Some(v) => vm.f64_arg(Some(v), "isclose")?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    Ok(Value::Bool(cmath::isclose(x, y, rel_tol, abs_tol)))
}
