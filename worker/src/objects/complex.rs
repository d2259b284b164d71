//! `complex`: its constructor, its one method, and the operators mixing it with int and
//! float (the numeric rules live in `permafrost_semantics::complex`).

use crate::value::num::num_to_f64;
use crate::value::num::{num_cmp, num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::BinaryOp;
use permafrost_semantics::complex::{self, C};
use std::cmp::Ordering;

/// The methods of `complex`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("complex.conjugate", conjugate, Arity::NoArgs, None),
    NativeFn::method("complex.__complex__", dunder_complex, Arity::NoArgs, None),
];

/// `complex.__complex__()`: the value as an exact complex.
fn dunder_complex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = super::receiver(vm, a, "complex", "__complex__", |v| parts(v).is_some())?;
    Ok(new(parts(&v).unwrap_or_default()))
}

/// The parts of a complex value.
pub(crate) fn parts(v: &Value) -> Option<C> {
    match v.body() {
        Some(Object::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

pub(crate) fn new(z: C) -> Value {
    Value::obj(Object::Complex(z.0, z.1))
}

fn conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = super::receiver(vm, a, "complex", "conjugate", |v| parts(v).is_some())?;
    let (re, im) = parts(&v).unwrap_or((0.0, 0.0));
    Ok(new((re, -im)))
}

/// An int, float or complex operand as a complex number (`None` for other types).
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(z) = parts(v) {
        return Ok(Some(z));
    }
    match num_of(v) {
        Some(n) => Ok(Some((num_to_f64(vm, &n)?, 0.0))),
        None => Ok(None),
    }
}

/// `a op b` when one side is complex and the other a number; `None` otherwise (the
/// operator then falls back to the other operand's dunders and the TypeError).
pub(crate) fn binop(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if parts(a).is_none() && parts(b).is_none() {
        return Ok(None);
    }
    if !matches!(
        op,
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::TrueDiv | BinaryOp::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinaryOp::Add => complex::add(x, y),
        BinaryOp::Sub => complex::sub(x, y),
        BinaryOp::Mul => complex::mul(x, y),
        BinaryOp::TrueDiv => complex::div(x, y).map_err(|e| vm.lib_err(e))?,
        _ => complex::pow(x, y).map_err(|e| vm.lib_err(e))?,
    };
    Ok(Some(new(r)))
}

/// `a == b` when one side is complex: equal parts, or a zero imaginary part and a real part
/// equal to the int or float (exactly, as CPython compares ints with floats).
pub(crate) fn eq(a: &Value, b: &Value) -> Option<bool> {
    match (parts(a), parts(b)) {
        (Some(x), Some(y)) => Some(x.0 == y.0 && x.1 == y.1),
        (Some(z), None) => num_of(b).map(|n| z.1 == 0.0 && real_eq(z.0, &n)),
        (None, Some(z)) => num_of(a).map(|n| z.1 == 0.0 && real_eq(z.0, &n)),
        (None, None) => None,
    }
}

fn real_eq(re: f64, n: &Num) -> bool {
    num_cmp(&Num::F(re), n) == Some(Ordering::Equal)
}

/// `abs(z)`.
pub(crate) fn abs(vm: &Vm, z: C) -> PyResult<Value> {
    complex::abs(z).map(Value::Float).map_err(|e| vm.lib_err(e))
}

/// `complex(real=0, imag=0)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let mut real = a.get(0).cloned();
    let mut imag = a.get(1).cloned();
    for &(name, value) in a.kw.iter() {
        let slot = match name {
            "real" => &mut real,
            "imag" => &mut imag,
            other => {
                return Err(vm.type_error(format!(
                    "complex() got an unexpected keyword argument '{other}'"
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                if name == "real" { 1 } else { 2 }
            )));
        }
        *slot = Some(value.clone());
    }
    let Some(r) = real else {
        return match imag {
            None => Ok(new((0.0, 0.0))),
            Some(i) => {
                let (ci, ci_complex) = part(vm, &i, "second")?;
                let re = if ci_complex { -ci.1 } else { 0.0 };
                Ok(new((re, ci.0)))
            }
        };
    };
    if let Some(s) = r.as_str_arg() {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = s.to_string();
        return complex::parse(&s).map(new).map_err(|e| vm.lib_err(e));
    }
    if let Some(i) = &imag {
        if i.as_str_arg().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    // An exact complex with no imaginary argument is returned as is.
    if imag.is_none() && parts(&r).is_some() {
        return Ok(r);
    }
    let (mut cr, cr_complex) = part(vm, &r, "first")?;
    let (mut ci, ci_complex) = match &imag {
        Some(i) => part(vm, i, "second")?,
        None => ((0.0, 0.0), false),
    };
    if ci_complex {
        cr.0 -= ci.1;
    }
    if cr_complex && imag.is_some() {
        ci.0 += cr.1;
    }
    let im = if imag.is_some() || cr_complex {
        if imag.is_some() {
            ci.0
        } else {
            cr.1
        }
    } else {
        0.0
    };
    Ok(new((cr.0, im)))
}

/// One argument of `complex()`: its value and whether it was complex (through `__complex__`
/// or being one).
fn part(vm: &mut Vm, v: &Value, which: &str) -> PyResult<(C, bool)> {
    if let Some(z) = parts(v) {
        return Ok((z, true));
    }
    if matches!(v.body(), Some(Object::Instance(_))) {
        if let Some(r) = vm.call_dunder(v, "__complex__", &[])? {
            // A complex subclass is narrowed to its value.
            let r = match crate::value::num::inst_base(&r) {
                Some(b) if parts(&b).is_some() => b,
                _ => r,
            };
            return match parts(&r) {
                Some(z) => Ok((z, true)),
                None => Err(vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
        if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
            if let Value::Float(f) = r {
                return Ok(((f, 0.0), false));
            }
            return Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            )));
        }
    }
    if let Some(b) = crate::value::num::inst_base(v) {
        if b.as_str().is_none() {
            return part(vm, &b, which);
        }
    }
    match num_of(v) {
        Some(n) => Ok(((num_to_f64(vm, &n)?, 0.0), false)),
        None => {
            let what = if which == "first" {
                "a string or a number"
            } else {
                "a number"
            };
            Err(vm.type_error(format!(
                "complex() {which} argument must be {what}, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}
