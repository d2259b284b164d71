//! `property`: `setter`, `getter` and `deleter`, each a copy of the property with one
//! accessor replaced.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// `property.setter`.
pub(crate) static SETTER: NativeFn = NativeFn::method("property.setter", setter, Arity::One, None);
/// `property.getter`.
pub(crate) static GETTER: NativeFn = NativeFn::method("property.getter", getter, Arity::One, None);
/// `property.deleter`.
pub(crate) static DELETER: NativeFn =
    NativeFn::method("property.deleter", deleter, Arity::One, None);

/// `property.__get__(obj, type=None)`: the property itself for `None`, else `fget(obj)`.
pub(crate) static GET: NativeFn =
    NativeFn::method("property.__get__", get, Arity::Range(1, 2), None);

fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = super::receiver(vm, a, "property", "__get__", is_property)?;
    let obj = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(obj, Value::None) {
        return Ok(p);
    }
    let Some(Object::Property { fget, .. }) = p.body() else {
        unreachable!("is_property accepted it");
    };
    let fget = fget.clone();
    if fget.is_null() || matches!(fget, Value::None) {
        return Err(vm.err(
            ExcKind::AttributeError,
            format!("property of '{}' object has no getter", vm.type_name(&obj)),
        ));
    }
    vm.call(&fget, &[obj], &[])
}

/// Which accessor a copy replaces.
#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
    Del,
}

fn is_property(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Property { .. }))
}

fn replace(vm: &mut Vm, a: &Args, method: &str, which: Accessor) -> PyResult<Value> {
    let p = super::receiver(vm, a, "property", method, is_property)?;
    let f = a.get(1).cloned().unwrap_or(Value::None);
    let Some(Object::Property { fget, fset, fdel }) = p.body() else {
        unreachable!("is_property accepted it");
    };
    let (mut fget, mut fset, mut fdel) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        Accessor::Get => fget = f,
        Accessor::Set => fset = f,
        Accessor::Del => fdel = f,
    }
    Ok(Value::obj(Object::Property { fget, fset, fdel }))
}

fn setter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace(vm, a, "setter", Accessor::Set)
}

fn getter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace(vm, a, "getter", Accessor::Get)
}

fn deleter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace(vm, a, "deleter", Accessor::Del)
}
