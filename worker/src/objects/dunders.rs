//! The dunder methods every built-in value answers (`(1).__add__(2)`, `[].__len__()`): each
//! forwards to the operator it implements, so one record serves every built-in type.

use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::CompareOp;

/// The generic dunders, looked up by name.
static DUNDERS: &[NativeFn] = &[
    NativeFn::new("__len__", len),
    NativeFn::new("__getitem__", getitem),
    NativeFn::new("__setitem__", setitem),
    NativeFn::new("__delitem__", delitem),
    NativeFn::new("__contains__", contains),
    NativeFn::new("__iter__", iter),
    NativeFn::new("__next__", next),
    NativeFn::new("__repr__", repr),
    NativeFn::new("__str__", str),
    NativeFn::new("__eq__", eq),
    NativeFn::new("__ne__", ne),
    NativeFn::new("__lt__", lt),
    NativeFn::new("__le__", le),
    NativeFn::new("__gt__", gt),
    NativeFn::new("__ge__", ge),
    NativeFn::new("__hash__", hash),
    NativeFn::new("__add__", add),
    NativeFn::new("__sub__", sub),
    NativeFn::new("__mul__", mul),
    NativeFn::new("__bool__", bool),
    NativeFn::new("__format__", format),
];

/// The dunder method `name` of any built-in value.
pub(crate) fn dunder(name: &str) -> Option<&'static NativeFn> {
    NativeFn::find(DUNDERS, name)
}

/// The receiver and the first argument (`None` when absent).
fn operands(vm: &Vm, a: &Args, name: &str) -> PyResult<(Value, Value)> {
    match a.get(0) {
        Some(recv) => Ok((recv.clone(), a.get(1).cloned().unwrap_or(Value::None))),
        None => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__len__")?;
    Ok(Value::Int(vm.len_of(&r)? as i64))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands(vm, a, "__getitem__")?;
    vm.getitem(&r, &k)
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands(vm, a, "__setitem__")?;
    let v = a.get(2).cloned().unwrap_or(Value::None);
    vm.setitem(&r, k, v)?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands(vm, a, "__delitem__")?;
    vm.delitem(&r, &k)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, x) = operands(vm, a, "__contains__")?;
    Ok(Value::Bool(vm.contains(&r, &x)?))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__iter__")?;
    vm.get_iter(&r)
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__next__")?;
    match vm.next(&r)? {
        Some(v) => Ok(v),
        None => Err(vm.err_empty(ExcKind::StopIteration)),
    }
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__repr__")?;
    Ok(Vm::str_val(vm.repr(&r)?))
}

fn str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__str__")?;
    Ok(Vm::str_val(vm.str_of(&r)?))
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, x) = operands(vm, a, "__eq__")?;
    vm.compare(CompareOp::Eq, &r, &x)
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, x) = operands(vm, a, "__ne__")?;
    vm.compare(CompareOp::Ne, &r, &x)
}

/// An ordering: a `TypeError` from the operator becomes `NotImplemented`, as the slot
/// wrappers answer for operands they do not support.
fn order(vm: &mut Vm, a: &Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (r, x) = operands(vm, a, name)?;
    match vm.compare(op, &r, &x) {
        Ok(v) => Ok(v),
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => Ok(Value::NotImplemented),
        Err(e) => Err(e),
    }
}

fn lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    order(vm, a, "__lt__", CompareOp::Lt)
}

fn le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    order(vm, a, "__le__", CompareOp::Le)
}

fn gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    order(vm, a, "__gt__", CompareOp::Gt)
}

fn ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    order(vm, a, "__ge__", CompareOp::Ge)
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__hash__")?;
    Ok(Value::Int(vm.hash(&r)?))
}

/// `+`, `-` and `*` by their `BINARY_OP` argument.
fn arith(vm: &mut Vm, a: &Args, name: &str, op: u32) -> PyResult<Value> {
    let (r, x) = operands(vm, a, name)?;
    vm.binary_op(op, &r, &x)
}

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arith(vm, a, "__add__", 0)
}

fn sub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arith(vm, a, "__sub__", 1)
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arith(vm, a, "__mul__", 2)
}

fn bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__bool__")?;
    Ok(Value::Bool(vm.truthy(&r)?))
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, spec) = operands(vm, a, "__format__")?;
    if a.pos.len() != 2 || !a.kw.is_empty() {
        // Named after the class defining it: int, float and str have their own.
        let owner = match &r {
            Value::Int(_) | Value::Bool(_) => "int",
            Value::Float(_) => "float",
            _ if r.as_str().is_some() => "str",
            _ if matches!(r.body(), Some(crate::value::object::Object::BigInt(_))) => "int",
            _ => "object",
        };
        return Err(vm.type_error(format!(
            "{owner}.__format__() takes exactly one argument ({} given)",
            a.pos.len() + a.kw.len() - 1
        )));
    }
    let Some(spec) = spec.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&spec)
        )));
    };
    Ok(Vm::str_val(vm.format(&r, &spec)?))
}
