//! `object`: the defaults every class inherits (`__init__`, `__new__`, `__repr__`, `__str__`,
//! `__setattr__`, `__eq__`, `__ne__`, `__hash__`), one `static` record each.

use crate::value::dict_table::Dict;
use crate::value::object::{ExcData, Instance, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// `object.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("object.__init__", init);
/// `object.__new__`.
pub(crate) static NEW: NativeFn = NativeFn::new("object.__new__", new);
/// `object.__repr__`.
pub(crate) static REPR: NativeFn = NativeFn::new("object.__repr__", repr);
/// `object.__str__`.
pub(crate) static STR: NativeFn = NativeFn::new("object.__str__", str);
/// `object.__setattr__`.
pub(crate) static SETATTR: NativeFn = NativeFn::new("object.__setattr__", setattr);
/// `object.__eq__`.
pub(crate) static EQ: NativeFn = NativeFn::new("object.__eq__", eq);
/// `object.__ne__`.
pub(crate) static NE: NativeFn = NativeFn::new("object.__ne__", ne);
/// `object.__hash__`.
pub(crate) static HASH: NativeFn = NativeFn::new("object.__hash__", hash);

fn init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `object.__new__(cls, *args)`: an instance of `cls`, wrapping a value of its built-in base
/// when it has one.
fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.get(0).and_then(|c| c.as_obj()).cloned() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    let is_exc = matches!(cls.get(), Object::Class(c) if c.kind == TypeKind::Exception);
    let base = match vm.builtin_base_kind(&cls) {
        // Arguments the base's constructor refuses are left to the subclass's `__init__`.
        Some(k) => match vm.construct_builtin(k, &a.pos[1..], &[]) {
            Ok(v) => v,
            Err(_) => vm.construct_builtin(k, &[], &[])?,
        },
        None => Value::Null,
    };
    Ok(Value::obj(Object::Instance(Instance {
        class: cls,
        dict: Dict::new(),
        exc: if is_exc {
            Some(Box::new(ExcData {
                args: a.pos[1..].to_vec(),
                ..Default::default()
            }))
        } else {
            None
        },
        base,
    })))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    Ok(Vm::str_val(vm.default_repr(&v)?))
}

fn str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    if let Some(Object::Instance(i)) = v.body() {
        if i.exc.is_some() {
            return Ok(Vm::str_val(vm.exc_str(&v)?));
        }
    }
    Ok(Vm::str_val(vm.repr(&v)?))
}

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(o), Some(name), Some(v)) = (a.get(0), a.get(1), a.get(2)) else {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    };
    let n = name.as_str().unwrap_or("");
    if matches!(o.body(), Some(Object::Instance(i)) if matches!(i.class.get(), Object::Class(c) if c.kind == TypeKind::Object))
    {
        return Err(vm.attr_error(o, n));
    }
    if let Some(Object::Instance(i)) = o.as_obj().map(|o| o.get_mut()) {
        crate::vm::attrs::dict_set_str(&mut i.dict, n, v.clone());
    }
    Ok(Value::None)
}

/// `__eq__` and `__ne__`: identity decides, anything else is `NotImplemented`.
fn identity(a: &Args, same: bool) -> Value {
    match (a.get(0), a.get(1)) {
        (Some(x), Some(y)) if x.is(y) => Value::Bool(same),
        _ => Value::NotImplemented,
    }
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.get(0).and_then(crate::vm::ops::inst_base).is_some() {
        return super::dunders::builtin_base_eq(vm, a, true);
    }
    Ok(identity(a, true))
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.get(0).and_then(crate::vm::ops::inst_base).is_some() {
        return super::dunders::builtin_base_eq(vm, a, false);
    }
    Ok(identity(a, false))
}

fn hash(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(
        (a.get(0).map(|v| v.id()).unwrap_or(0) >> 4) as i64,
    ))
}
