//! `mappingproxy` (`types.MappingProxyType`): the read-only, live view a class's `__dict__`
//! gives, also made over any mapping by calling the type. Each operation reads the class's
//! namespace (or the mapping) as it is at that moment.

use crate::stdlib::{native_type, new_native, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// What a proxy shows: a class's namespace or another mapping.
struct Proxy {
    target: Value,
}

impl NativeState for Proxy {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.target);
    }
}

static METHODS: &[NativeFn] = &[
    NativeFn::method("mappingproxy", construct, Arity::One, Some(&["mapping"])),
    NativeFn::method("mappingproxy.__getitem__", getitem, Arity::One, None),
    NativeFn::method("mappingproxy.__contains__", contains, Arity::One, None),
    NativeFn::method("mappingproxy.__iter__", iter, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.__reversed__", reversed, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.__len__", len, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.__str__", str_, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.__eq__", eq, Arity::One, None),
    NativeFn::method("mappingproxy.__or__", or, Arity::One, None),
    NativeFn::method("mappingproxy.__ror__", ror, Arity::One, None),
    NativeFn::method("mappingproxy.get", get, Arity::Range(1, 2), None),
    NativeFn::method("mappingproxy.keys", keys, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.values", values, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.items", items, Arity::NoArgs, None),
    NativeFn::method("mappingproxy.copy", copy, Arity::NoArgs, None),
];

const KEY: &str = "mappingproxy";

/// The `mappingproxy` type, made on first use.
pub(crate) fn proxy_type(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.native_types.get(KEY) {
        return c.clone();
    }
    let c = native_type(vm, KEY, None, METHODS, false);
    crate::stdlib::set_class_attr(&c, "__hash__", Value::None);
    crate::stdlib::set_slots(&c, &[]);
    c
}

/// A live view of class `cls`'s namespace.
pub(crate) fn of_class(vm: &mut Vm, cls: &ObjRef) -> Value {
    let t = proxy_type(vm);
    new_native(
        t.clone(),
        t,
        None,
        Proxy {
            target: Value::Obj(cls.clone()),
        },
    )
}

/// A read-only view of a dict (`dict.keys().mapping`).
pub(crate) fn of_dict(vm: &mut Vm, dict: &ObjRef) -> Value {
    let t = proxy_type(vm);
    new_native(
        t.clone(),
        t,
        None,
        Proxy {
            target: Value::Obj(dict.clone()),
        },
    )
}

fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = a
        .get(1)
        .or_else(|| a.kw("mapping"))
        .cloned()
        .unwrap_or(Value::None);
    let is_mapping = match m.body() {
        Some(Object::Dict(_)) => true,
        Some(Object::List(_) | Object::Tuple(_)) => false,
        _ => {
            state_of::<Proxy>(&m).is_some()
                || (matches!(m.body(), Some(Object::Instance(_)))
                    && vm.getattr_opt(&m, "__getitem__")?.is_some()
                    && vm.getattr_opt(&m, "keys")?.is_some())
        }
    };
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(&m)
        )));
    }
    let t = proxy_type(vm);
    Ok(new_native(t.clone(), t, None, Proxy { target: m }))
}

/// The mapping the proxy reads now: a copy of a class's namespace, or the mapping itself.
fn current(a: &Args) -> Value {
    let Some(p) = state_of::<Proxy>(&a.pos[0]) else {
        return Vm::new_dict(Default::default());
    };
    match p.target.body() {
        Some(Object::Class(c)) if c.builtin => {
            // A built-in type's methods live in tables outside its dict.
            let mut d = crate::value::dict_table::Dict::new();
            for f in super::builtin_namespace(c.kind) {
                crate::value::dict_table::dict_set_str(&mut d, f.name(), Value::Native(f));
            }
            for (k, v) in c.dict.iter() {
                if let Some(name) = k.as_str() {
                    crate::value::dict_table::dict_set_str(&mut d, name, v.clone());
                }
            }
            Vm::new_dict(d)
        }
        Some(Object::Class(c)) => Vm::new_dict(c.dict.clone()),
        _ => p.target.clone(),
    }
}

fn method(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let m = current(a);
    let f = vm.getattr(&m, &Vm::str_val(name))?;
    vm.call(&f, &a.pos[1..], &[])
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    vm.getitem(&m, &a.pos[1])
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    Ok(Value::Bool(vm.contains(&m, &a.pos[1])?))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    vm.get_iter(&m)
}

fn reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "__reversed__")
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    Ok(Value::Int(vm.len_of(&m)? as i64))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    let inner = vm.repr(&m)?;
    Ok(Vm::str_val(format!("mappingproxy({inner})")))
}

fn str_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    let s = vm.str_of(&m)?;
    Ok(Vm::str_val(s))
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    Ok(Value::Bool(vm.eq(&m, &a.pos[1])?))
}

/// A plain dict with the proxy's current items.
fn as_dict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = current(a);
    let f = vm.getattr(&m, &Vm::str_val("copy"))?;
    vm.call(&f, &[], &[])
}

fn or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = as_dict(vm, a)?;
    vm.binary_op(permafrost_image::opcode::BinaryOp::Or as u32, &m, &a.pos[1])
}

fn ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = as_dict(vm, a)?;
    vm.binary_op(permafrost_image::opcode::BinaryOp::Or as u32, &a.pos[1], &m)
}

fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "get")
}

fn keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "keys")
}

fn values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "values")
}

fn items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "items")
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    method(vm, a, "copy")
}
