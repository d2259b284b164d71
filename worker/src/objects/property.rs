//! `property`: `setter`, `getter` and `deleter`, each a copy of the property with one
//! accessor replaced.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// `property.setter`.
pub(crate) static SETTER: NativeFn = NativeFn::method("property.setter", setter, Arity::One, None);
/// `property.getter`.
pub(crate) static GETTER: NativeFn = NativeFn::method("property.getter", getter, Arity::One, None);
/// `property.deleter`.
pub(crate) static DELETER: NativeFn =
    NativeFn::method("property.deleter", deleter, Arity::One, None);

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
