//! The dunder methods every built-in value answers (`(1).__add__(2)`, `[].__len__()`): each
//! forwards to the operator it implements, so one record serves every built-in type.

use crate::value::object::{Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ops::inst_base;
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

/// The dunder method `name` of a built-in value of type `kind`, when that type has it:
/// `hasattr(1, "__iter__")` must be false.
pub(crate) fn dunder(kind: TypeKind, name: &str) -> Option<&'static NativeFn> {
    use TypeKind as K;
    let container = matches!(
        kind,
        K::Str | K::Bytes | K::List | K::Tuple | K::Dict | K::Set | K::FrozenSet | K::Range
    );
    let number = matches!(kind, K::Int | K::Bool | K::Float);
    let has = match name {
        "__len__" | "__contains__" => container || kind == K::DictView,
        "__iter__" => container || matches!(kind, K::DictView | K::Generator | K::Iterator),
        "__next__" => matches!(kind, K::Generator | K::Iterator),
        "__getitem__" => matches!(
            kind,
            K::Str | K::Bytes | K::List | K::Tuple | K::Dict | K::Range
        ),
        "__setitem__" | "__delitem__" => matches!(kind, K::List | K::Dict),
        "__add__" | "__mul__" => number || matches!(kind, K::Str | K::Bytes | K::List | K::Tuple),
        "__sub__" => number || matches!(kind, K::Set | K::FrozenSet | K::DictView),
        "__bool__" => number || matches!(kind, K::NoneType | K::Range),
        _ => true,
    };
    if has {
        NativeFn::find(DUNDERS, name)
    } else {
        None
    }
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

/// The comparison family of a built-in value (the built-in inside an instance of a subclass),
/// for the rich-comparison dunders: each type's slot compares only with its own family.
#[derive(PartialEq, Clone, Copy)]
enum Family {
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Other,
}

fn family(v: &Value) -> Family {
    match v {
        Value::Int(_) | Value::Bool(_) => Family::Int,
        Value::Float(_) => Family::Float,
        _ if v.as_str().is_some() => Family::Str,
        _ => match v.body() {
            Some(Object::BigInt(_)) => Family::Int,
            Some(Object::Bytes(_)) => Family::Bytes,
            Some(Object::List(_)) => Family::List,
            Some(Object::Tuple(_)) => Family::Tuple,
            Some(Object::Dict(_)) => Family::Dict,
            Some(Object::Set(_) | Object::FrozenSet(_)) => Family::Set,
            Some(Object::Range { .. }) => Family::Range,
            Some(Object::Slice { .. }) => Family::Slice,
            _ => Family::Other,
        },
    }
}

/// `r.__eq__(x)` and friends called directly: the operator on the built-in values when `x`
/// is of `r`'s family (ints also for floats), otherwise `NotImplemented`; values of no
/// built-in family compare by identity (`object.__eq__`) and are not ordered.
fn rich(vm: &mut Vm, a: &Args, name: &str, op: CompareOp) -> PyResult<Value> {
    let (r, x) = operands(vm, a, name)?;
    let r = inst_base(&r).unwrap_or(r);
    let x = inst_base(&x).unwrap_or(x);
    let (fr, fx) = (family(&r), family(&x));
    let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
    if fr == Family::Other {
        // Built-in functions compare by identity with each other, both ways.
        if matches!((&r, &x), (Value::Native(_), Value::Native(_))) && equality {
            return Ok(Value::Bool(r.is(&x) == (op == CompareOp::Eq)));
        }
        return Ok(match op {
            CompareOp::Eq if r.is(&x) => Value::Bool(true),
            CompareOp::Ne if r.is(&x) => Value::Bool(false),
            _ => Value::NotImplemented,
        });
    }
    let compatible = fr == fx || (fr == Family::Float && fx == Family::Int);
    let ordered = !matches!(fr, Family::Dict | Family::Range);
    if !compatible || (!equality && !ordered) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, &r, &x)
}

/// `object.__eq__` and `object.__ne__` reached through an instance of a built-in type's
/// subclass: the built-in type's own comparison answers.
pub(crate) fn builtin_base_eq(vm: &mut Vm, a: &Args, eq: bool) -> PyResult<Value> {
    if eq {
        rich(vm, a, "__eq__", CompareOp::Eq)
    } else {
        rich(vm, a, "__ne__", CompareOp::Ne)
    }
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__eq__", CompareOp::Eq)
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__ne__", CompareOp::Ne)
}

fn lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__lt__", CompareOp::Lt)
}

fn le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__le__", CompareOp::Le)
}

fn gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__gt__", CompareOp::Gt)
}

fn ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rich(vm, a, "__ge__", CompareOp::Ge)
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__hash__")?;
    Ok(Value::Int(vm.hash(&r)?))
}

/// `+`, `-` and `*` by their `BINARY_OP` argument. Called directly on a number, the slot
/// takes only numbers it knows (`(1).__add__(1.0)` is `NotImplemented`: the reflected float
/// slot handles it); sequences raise their own errors, as their concat and repeat slots do.
fn arith(vm: &mut Vm, a: &Args, name: &str, op: u32) -> PyResult<Value> {
    let (r, x) = operands(vm, a, name)?;
    let (br, bx) = (
        inst_base(&r).unwrap_or_else(|| r.clone()),
        inst_base(&x).unwrap_or_else(|| x.clone()),
    );
    let accepted = match (family(&br), family(&bx)) {
        (Family::Int, fx) => fx == Family::Int,
        (Family::Float, fx) => matches!(fx, Family::Int | Family::Float),
        _ => true,
    };
    if !accepted {
        return Ok(Value::NotImplemented);
    }
    // On the built-in values: a subclass's `super().__add__(x)` must not re-enter its own
    // `__add__`.
    vm.binary_op(op, &br, &bx)
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
    let spec = spec.as_str().unwrap_or("").to_string();
    Ok(Vm::str_val(vm.format(&r, &spec)?))
}
