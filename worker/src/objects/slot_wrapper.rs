//! `wrapper_descriptor` (`int.__add__` read from the class): a generic dunder of a built-in
//! type that, called unbound, first checks its receiver is an instance of that type, as
//! CPython's slot wrappers do (`int.__add__(1.0, 2)` is a TypeError).

use crate::stdlib::{native_type, new_native, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The dunder and the type it belongs to.
struct Wrapper {
    /// The owning type (a `Value` so the collector sees the reference).
    owner: Value,
    f: &'static NativeFn,
}

impl NativeState for Wrapper {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.owner);
    }
}

static METHODS: &[NativeFn] = &[
    NativeFn::new("wrapper_descriptor.__call__", call),
    NativeFn::method("wrapper_descriptor.__get__", get, Arity::Range(1, 2), None),
    NativeFn::method("wrapper_descriptor.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("wrapper_descriptor.__eq__", eq, Arity::One, None),
    NativeFn::method("wrapper_descriptor.__ne__", ne, Arity::One, None),
    NativeFn::method("wrapper_descriptor.__hash__", hash, Arity::NoArgs, None),
];

static NAME: NativeFn = NativeFn::method("wrapper_descriptor.__name__", name, Arity::NoArgs, None);
static QUALNAME: NativeFn = NativeFn::method(
    "wrapper_descriptor.__qualname__",
    qualname,
    Arity::NoArgs,
    None,
);
static OBJCLASS: NativeFn = NativeFn::method(
    "wrapper_descriptor.__objclass__",
    objclass,
    Arity::NoArgs,
    None,
);

/// `owner.<f>` read from the class.
pub(crate) fn wrap(vm: &mut Vm, owner: &ObjRef, f: &'static NativeFn) -> Value {
    let t = match vm.native_types.get("wrapper_descriptor") {
        Some(t) => t.clone(),
        None => {
            let t = native_type(vm, "wrapper_descriptor", None, METHODS, false);
            let ro = Some(&crate::stdlib::READONLY);
            crate::stdlib::add_property(&t, "__name__", &NAME, ro);
            crate::stdlib::add_property(&t, "__qualname__", &QUALNAME, ro);
            crate::stdlib::add_property(&t, "__objclass__", &OBJCLASS, ro);
            crate::stdlib::set_slots(&t, &[]);
            t
        }
    };
    new_native(
        t.clone(),
        t,
        None,
        Wrapper {
            owner: Value::Obj(owner.clone()),
            f,
        },
    )
}

fn parts(v: &Value) -> Option<(ObjRef, &'static NativeFn)> {
    let w = state_of::<Wrapper>(v)?;
    Some((w.owner.as_obj()?.clone(), w.f))
}

fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((owner, f)) = parts(&a.pos[0]) else {
        return Ok(Value::None);
    };
    let owner_name = Vm::class_name(&owner);
    match a.pos.get(1) {
        None => Err(vm.type_error(format!(
            "descriptor '{}' of '{owner_name}' object needs an argument",
            f.name()
        ))),
        Some(r) if !Vm::is_subclass(&vm.type_of(r), &owner) => Err(vm.type_error(format!(
            "descriptor '{}' requires a '{owner_name}' object but received a '{}'",
            f.name(),
            vm.type_name(r)
        ))),
        Some(_) => vm.call_native(f, &a.raw[1..], a.kwnames),
    }
}

fn get(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(1).cloned().unwrap_or(Value::None);
    match (parts(&a.pos[0]), obj) {
        (Some((_, f)), o) if !matches!(o, Value::None) => Ok(Value::obj(Object::BoundMethod {
            func: Value::Native(f),
            receiver: o,
        })),
        _ => Ok(a.pos[0].clone()),
    }
}

/// Two reads of `int.__add__` are two wrapper objects here (CPython keeps one in the
/// class's namespace), so wrappers of one slot of one type compare and hash equal:
/// `pprint`'s dispatch table is keyed by `dict.__repr__`.
fn same_slot(a: &Args) -> Option<bool> {
    let (o1, f1) = parts(&a.pos[0])?;
    let (o2, f2) = parts(a.pos.get(1)?)?;
    Some(o1.ptr_eq(&o2) && std::ptr::eq(f1, f2))
}

fn eq(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(same_slot(a).map_or(Value::NotImplemented, Value::Bool))
}

fn ne(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(same_slot(a).map_or(Value::NotImplemented, |s| Value::Bool(!s)))
}

fn hash(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = parts(&a.pos[0]).map_or(0, |(o, f)| {
        (o.addr() >> 4) ^ (f as *const NativeFn as usize).rotate_left(17)
    });
    Ok(Value::Int((h >> 1) as i64))
}

fn repr(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (owner, f) = match parts(&a.pos[0]) {
        Some(p) => p,
        None => return Ok(Vm::str_val("<slot wrapper>")),
    };
    Ok(Vm::str_val(format!(
        "<slot wrapper '{}' of '{}' objects>",
        f.name(),
        Vm::class_name(&owner)
    )))
}

fn name(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(parts(&a.pos[0]).map_or(Value::None, |(_, f)| Vm::str_val(f.name())))
}

fn qualname(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(parts(&a.pos[0]).map_or(Value::None, |(o, f)| {
        Vm::str_val(format!("{}.{}", Vm::class_name(&o), f.name()))
    }))
}

fn objclass(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(parts(&a.pos[0]).map_or(Value::None, |(o, _)| Value::Obj(o)))
}
