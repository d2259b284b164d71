//! The dunder methods every built-in value answers (`(1).__add__(2)`, `[].__len__()`): each
//! forwards to the operator it implements, so one record serves every built-in type.

use crate::value::num::inst_base;
use crate::value::object::{Object, TypeKind, ViewKind};
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
    NativeFn::new("__truediv__", truediv),
    NativeFn::new("__floordiv__", floordiv),
    NativeFn::new("__mod__", mod_),
    NativeFn::new("__pow__", pow),
    NativeFn::new("__lshift__", lshift),
    NativeFn::new("__rshift__", rshift),
    NativeFn::new("__and__", and),
    NativeFn::new("__or__", or),
    NativeFn::new("__xor__", xor),
    NativeFn::new("__radd__", radd),
    NativeFn::new("__rsub__", rsub),
    NativeFn::new("__rmul__", rmul),
    NativeFn::new("__rtruediv__", rtruediv),
    NativeFn::new("__rfloordiv__", rfloordiv),
    NativeFn::new("__rmod__", rmod),
    NativeFn::new("__rpow__", rpow),
    NativeFn::new("__rlshift__", rlshift),
    NativeFn::new("__rrshift__", rrshift),
    NativeFn::new("__rand__", rand),
    NativeFn::new("__ror__", ror),
    NativeFn::new("__rxor__", rxor),
    NativeFn::new("__ior__", ior),
    NativeFn::new("__iand__", iand),
    NativeFn::new("__isub__", isub),
    NativeFn::new("__ixor__", ixor),
    NativeFn::new("__neg__", neg),
    NativeFn::new("__pos__", pos),
    NativeFn::new("__invert__", invert),
    NativeFn::new("__abs__", abs),
    NativeFn::new("__index__", index),
    NativeFn::new("__int__", int),
    NativeFn::new("__float__", float),
    NativeFn::new("__round__", round),
    NativeFn::new("__trunc__", trunc),
    NativeFn::new("__floor__", floor),
    NativeFn::new("__ceil__", ceil),
    NativeFn::new("__divmod__", divmod),
    NativeFn::new("__rdivmod__", rdivmod),
    NativeFn::new("__bool__", bool),
    NativeFn::new("__format__", format),
];

/// Every generic dunder, for listing a type's namespace.
pub(crate) fn all() -> &'static [NativeFn] {
    DUNDERS
}

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
        "__rsub__" | "__radd__" | "__truediv__" | "__rtruediv__" | "__floordiv__"
        | "__rfloordiv__" | "__pow__" | "__rpow__" | "__rmod__" | "__neg__" | "__pos__"
        | "__abs__" => number,
        "__rmul__" => number || matches!(kind, K::Str | K::Bytes | K::List | K::Tuple),
        "__mod__" => number || matches!(kind, K::Str | K::Bytes),
        "__int__" | "__float__" | "__round__" | "__trunc__" | "__floor__" | "__ceil__"
        | "__divmod__" | "__rdivmod__" => number,
        "__index__" => matches!(kind, K::Int | K::Bool),
        "__lshift__" | "__rshift__" | "__rlshift__" | "__rrshift__" | "__invert__" => {
            matches!(kind, K::Int | K::Bool)
        }
        "__and__" | "__xor__" | "__rand__" | "__rxor__" => {
            matches!(kind, K::Int | K::Bool | K::Set | K::FrozenSet | K::DictView)
        }
        "__or__" | "__ror__" => matches!(
            kind,
            K::Int | K::Bool | K::Set | K::FrozenSet | K::DictView | K::Dict
        ),
        "__ior__" => matches!(kind, K::Set | K::Dict),
        "__iand__" | "__isub__" | "__ixor__" => kind == K::Set,
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

/// `operands` of a slot taking exactly `n` arguments besides the receiver, with the slot
/// wrapper's messages (`[].__contains__()` is no `None in []`).
fn operands_n(vm: &Vm, a: &Args, name: &str, n: usize) -> PyResult<(Value, Value)> {
    let got = operands(vm, a, name)?;
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let given = a.pos.len() - 1;
    if given != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {n} argument{plural}, got {given}")));
    }
    Ok(got)
}

// The container dunders run on the built-in value inside a subclass instance, so that
// `list.__setitem__(self, i, v)` in a subclass's own `__setitem__` does not re-enter it.

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__len__", 0)?;
    Ok(Value::Int(vm.len_of(&builtin_value(r))? as i64))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands_n(vm, a, "__getitem__", 1)?;
    let base = builtin_value(r.clone());
    match vm.getitem(&base, &k) {
        // `dict.__getitem__` of a dict subclass still asks its `__missing__`.
        Err(e)
            if !base.is(&r)
                && matches!(base.body(), Some(Object::Dict(_)))
                && vm.exc_matches(&e, ExcKind::KeyError) =>
        {
            match vm.call_dunder(&r, "__missing__", std::slice::from_ref(&k))? {
                Some(v) => Ok(v),
                None => Err(e),
            }
        }
        res => res,
    }
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands_n(vm, a, "__setitem__", 2)?;
    let v = a.get(2).cloned().unwrap_or(Value::None);
    vm.setitem(&builtin_value(r), k, v)?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, k) = operands_n(vm, a, "__delitem__", 1)?;
    vm.delitem(&builtin_value(r), &k)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, x) = operands_n(vm, a, "__contains__", 1)?;
    Ok(Value::Bool(vm.contains(&builtin_value(r), &x)?))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__iter__", 0)?;
    vm.get_iter(&builtin_value(r))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__next__", 0)?;
    match vm.next(&r)? {
        Some(v) => Ok(v),
        None => Err(vm.err_empty(ExcKind::StopIteration)),
    }
}

/// A built-in type's `__repr__`/`__str__` formats the built-in value itself, also for an
/// instance of a subclass (`int.__repr__(member)` of an `IntEnum`), never re-dispatching to
/// the subclass's own method.
fn builtin_value(r: Value) -> Value {
    crate::value::num::inst_base(&r).unwrap_or(r)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__repr__")?;
    Ok(Vm::str_val(vm.repr(&builtin_value(r))?))
}

fn str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands(vm, a, "__str__")?;
    Ok(Vm::str_val(vm.str_of(&builtin_value(r))?))
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
            // Keys and items views are set-like.
            Some(Object::DictView { kind, .. }) if *kind != ViewKind::Values => Family::Set,
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
    let (r, x) = operands_n(vm, a, name, 1)?;
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

/// `object.__lt__` and friends reached through an instance of a built-in type's subclass.
pub(crate) fn builtin_base_order(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult<Value> {
    let name = match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Gt => "__gt__",
        _ => "__ge__",
    };
    rich(vm, a, name, op)
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
    let (r, _) = operands_n(vm, a, "__hash__", 0)?;
    Ok(Value::Int(vm.hash(&builtin_value(r))?))
}

/// `+`, `-` and `*` by their `BINARY_OP` argument. Called directly on a number, the slot
/// takes only numbers it knows (`(1).__add__(1.0)` is `NotImplemented`: the reflected float
/// slot handles it); sequences raise their own errors, as their concat and repeat slots do.
fn arith(vm: &mut Vm, a: &Args, name: &str, op: u32) -> PyResult<Value> {
    // `__pow__`/`__rpow__` take an optional modulus, as three-argument `pow` does.
    let modulus = match a.get(2) {
        Some(m) if (name == "__pow__" || name == "__rpow__") && a.pos.len() == 3 => {
            Some(m.clone()).filter(|m| !matches!(m, Value::None))
        }
        _ => None,
    };
    let n = if name.ends_with("pow__") && a.pos.len() == 3 {
        2
    } else {
        1
    };
    let (r, x) = operands_n(vm, a, name, n)?;
    if let Some(m) = modulus {
        let pow = vm.builtins.get("pow").cloned().unwrap_or(Value::None);
        let (base, exp) = if name == "__rpow__" { (x, r) } else { (r, x) };
        return vm.call(&pow, &[base, exp, m], &[]);
    }
    let (br, bx) = (
        inst_base(&r).unwrap_or_else(|| r.clone()),
        inst_base(&x).unwrap_or_else(|| x.clone()),
    );
    let reflected = name.starts_with("__r") && name != "__rshift__";
    let accepted = match (family(&br), family(&bx)) {
        (Family::Int, fx) => fx == Family::Int,
        (Family::Float, fx) => matches!(fx, Family::Int | Family::Float),
        (Family::Set, fx) => fx == Family::Set,
        (Family::Dict, fx) => fx == Family::Dict,
        _ => true,
    };
    if !accepted {
        return Ok(Value::NotImplemented);
    }
    if reflected {
        return vm.binary_op(op, &bx, &br);
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

/// The other binary operators and their reflections, each [`arith`] under its name.
macro_rules! binary_dunders {
    ($($fname:ident $name:literal $op:literal;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            arith(vm, a, $name, $op)
        }
    )*};
}

binary_dunders! {
    truediv "__truediv__" 3;
    floordiv "__floordiv__" 4;
    mod_ "__mod__" 5;
    pow "__pow__" 6;
    lshift "__lshift__" 7;
    rshift "__rshift__" 8;
    and "__and__" 9;
    or "__or__" 10;
    xor "__xor__" 11;
    radd "__radd__" 0;
    rsub "__rsub__" 1;
    rmul "__rmul__" 2;
    rtruediv "__rtruediv__" 3;
    rfloordiv "__rfloordiv__" 4;
    rmod "__rmod__" 5;
    rpow "__rpow__" 6;
    rlshift "__rlshift__" 7;
    rrshift "__rrshift__" 8;
    rand "__rand__" 9;
    ror "__ror__" 10;
    rxor "__rxor__" 11;
}

/// `s |= x` as a method (`set.__ior__`, `dict.__ior__`): updates the receiver in place and
/// returns it; a set takes only sets (else `NotImplemented`), a dict what `update` takes.
fn inplace(vm: &mut Vm, a: &Args, name: &str, op: u32) -> PyResult<Value> {
    let (r, x) = operands_n(vm, a, name, 1)?;
    let br = inst_base(&r).unwrap_or_else(|| r.clone());
    let bx = inst_base(&x).unwrap_or_else(|| x.clone());
    if family(&br) == Family::Set && family(&bx) != Family::Set {
        return Ok(Value::NotImplemented);
    }
    let other = if family(&br) == Family::Dict { x } else { bx };
    vm.binary_op(
        op | permafrost_image::opcode::BinaryOp::INPLACE,
        &br,
        &other,
    )?;
    Ok(r)
}

fn ior(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    inplace(vm, a, "__ior__", 10)
}

fn iand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    inplace(vm, a, "__iand__", 9)
}

fn isub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    inplace(vm, a, "__isub__", 1)
}

fn ixor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    inplace(vm, a, "__ixor__", 11)
}

fn neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__neg__", 0)?;
    vm.unary_neg(&inst_base(&r).unwrap_or(r))
}

fn pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__pos__", 0)?;
    vm.unary_pos(&inst_base(&r).unwrap_or(r))
}

fn invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__invert__", 0)?;
    vm.unary_invert(&inst_base(&r).unwrap_or(r))
}

fn abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__abs__", 0)?;
    let r = inst_base(&r).unwrap_or(r);
    match r {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ => {
            if vm.less_than(&r, &Value::Int(0))? {
                vm.unary_neg(&r)
            } else {
                vm.unary_pos(&r)
            }
        }
    }
}

/// Calls the built-in `table` function `fname` with the receiver (the built-in value inside a
/// subclass instance) and the other arguments.
fn forward(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    table: &'static [NativeFn],
    fname: &str,
) -> PyResult<Value> {
    let (r, _) = operands(vm, a, name)?;
    let mut args = vec![inst_base(&r).unwrap_or(r)];
    args.extend(a.pos[1..].iter().cloned());
    match NativeFn::find(table, fname) {
        Some(f) => vm.call_native(f, &args, &[]),
        None => Err(vm.type_error(format!("{name} is not available"))),
    }
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int(vm, a)
}

fn int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__int__", 0)?;
    let r = inst_base(&r).unwrap_or(r);
    vm.construct_builtin(TypeKind::Int, &[r], &[])
}

fn float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__float__", 0)?;
    let r = inst_base(&r).unwrap_or(r);
    vm.construct_builtin(TypeKind::Float, &[r], &[])
}

fn round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(
        vm,
        a,
        "__round__",
        crate::builtins::functions::FUNCTIONS,
        "round",
    )
}

/// `f.__call__`: a function's, built-in's or bound method's, bound to it (`vm/attrs.rs`).
pub(crate) static CALL: NativeFn = NativeFn::new("__call__", call);

/// `f.__call__(*args, **kwargs)` of a function, built-in or bound method: calls it.
fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(f) = a.raw.first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    vm.call(f, &a.raw[1..], a.kwnames)
}

fn divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    divmod_of(vm, a, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    divmod_of(vm, a, "__rdivmod__", true)
}

/// `divmod` on the built-in numbers inside the operands (`NotImplemented` for a pair the
/// receiver's type does not take: an int takes only ints).
fn divmod_of(vm: &mut Vm, a: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let (r, x) = operands_n(vm, a, name, 1)?;
    let (br, bx) = (inst_base(&r).unwrap_or(r), inst_base(&x).unwrap_or(x));
    let accepted = match (family(&br), family(&bx)) {
        (Family::Int, fx) => fx == Family::Int,
        (Family::Float, fx) => matches!(fx, Family::Int | Family::Float),
        _ => false,
    };
    if !accepted {
        return Ok(Value::NotImplemented);
    }
    let (p, q) = if reflected { (bx, br) } else { (br, bx) };
    crate::builtins::functions::divmod_numbers(vm, &p, &q)
}

fn trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "__trunc__", crate::stdlib::math::FUNCTIONS, "trunc")
}

fn floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "__floor__", crate::stdlib::math::FUNCTIONS, "floor")
}

fn ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    forward(vm, a, "__ceil__", crate::stdlib::math::FUNCTIONS, "ceil")
}

fn bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (r, _) = operands_n(vm, a, "__bool__", 0)?;
    Ok(Value::Bool(vm.truthy(&builtin_value(r))?))
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
    Ok(Vm::str_val(vm.format(&builtin_value(r), &spec)?))
}
