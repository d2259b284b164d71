//! `dict`: its constructor and its methods, including the class method `dict.fromkeys`. Each
//! method is one row of [`METHODS`] and one function below.

use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{Object, ViewKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of the keys and items views, looked up by name.
pub(crate) static VIEW_METHODS: &[NativeFn] = &[NativeFn::method(
    "dict_keys.isdisjoint",
    isdisjoint,
    Arity::One,
    None,
)];

/// `view.isdisjoint(iterable)`: no item of `iterable` is in the view.
fn isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let view = a.get(0).cloned().unwrap_or(Value::None);
    if matches!(
        view.body(),
        Some(Object::DictView {
            kind: ViewKind::Values,
            ..
        })
    ) {
        return Err(vm.attr_error(&view, "isdisjoint"));
    }
    let it = vm.get_iter(a.get(1).unwrap_or(&Value::None))?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&view, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The methods of `dict`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("dict.get", get, Arity::Range(1, 2), None),
    NativeFn::method("dict.keys", keys, Arity::NoArgs, None),
    NativeFn::method("dict.values", values, Arity::NoArgs, None),
    NativeFn::method("dict.items", items, Arity::NoArgs, None),
    NativeFn::method("dict.pop", pop, Arity::Range(1, 2), None),
    NativeFn::method("dict.popitem", popitem, Arity::NoArgs, None),
    NativeFn::method("dict.setdefault", setdefault, Arity::Range(1, 2), None),
    NativeFn::new("dict.update", update),
    NativeFn::method("dict.copy", copy, Arity::NoArgs, None),
    NativeFn::method("dict.clear", clear, Arity::NoArgs, None),
    NativeFn::method("dict.fromkeys", fromkeys, Arity::Range(1, 2), None),
];

/// `dict.fromkeys` as the class's attribute (`dict.fromkeys(keys)`); the table's row serves
/// instances.
pub(crate) static FROMKEYS: NativeFn =
    NativeFn::method("dict.fromkeys", fromkeys, Arity::Range(1, 2), None);

fn is_dict(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Dict(_)))
}

/// The dict receiver of method `method`.
fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<ObjRef> {
    let d = super::receiver(vm, a, "dict", method, is_dict)?;
    Ok(d.as_obj().cloned().expect("is_dict accepted a heap object"))
}

/// The table of a dict receiver, borrowed for one statement (see `value::heap`'s rule).
fn table(o: &ObjRef) -> &mut Dict {
    match o.get_mut() {
        Object::Dict(d) => d,
        _ => unreachable!("receiver() checked the type"),
    }
}

/// `dict(mapping_or_iterable=(), **kwargs)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::constructor_args(vm, a, "dict", 1, true)?;
    let d = Vm::new_dict(Dict::new());
    if let Some(src) = a.get(0) {
        vm.dict_update(&d, src, false)?;
    }
    for (k, v) in a.kw_items() {
        vm.setitem(&d, k.clone(), v.clone())?;
    }
    Ok(d)
}

fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "get")?;
    let k = a.get(1).cloned().unwrap_or(Value::None);
    Ok(vm
        .dict_get(&o, &k)?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, a: &Args, method: &str, kind: ViewKind) -> PyResult<Value> {
    let dict = receiver(vm, a, method)?;
    Ok(Value::obj(Object::DictView {
        dict,
        kind,
        ordered: false,
    }))
}

fn keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "keys", ViewKind::Keys)
}

fn values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "values", ViewKind::Values)
}

fn items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "items", ViewKind::Items)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "pop")?;
    let k = a.get(1).cloned().unwrap_or(Value::None);
    match vm.dict_del(&o, &k)? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(&k)),
        },
    }
}

fn popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "popitem")?;
    match table(&o).pop_last() {
        Some((k, v)) => Ok(Vm::new_tuple(vec![k, v])),
        None => Err(vm.err(ExcKind::KeyError, "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "setdefault")?;
    let k = a.get(1).cloned().unwrap_or(Value::None);
    if let Some(v) = vm.dict_get(&o, &k)? {
        return Ok(v);
    }
    let d = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&o, k, d.clone())?;
    Ok(d)
}

fn update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "update")?;
    // Any keyword is a key, so only the positional count is checked.
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    if let Some(src) = a.get(1) {
        vm.dict_update(&Value::Obj(o.clone()), src, false)?;
    }
    for (k, v) in a.kw_items() {
        vm.dict_set(&o, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "copy")?;
    Ok(Vm::new_dict(table(&o).clone()))
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "clear")?;
    // Dropped after the borrow of the dict ends: dropping values may run Python code.
    let old = std::mem::take(table(&o));
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(keys, value=None)`: bound to the class or to an instance; a new `dict`, or
/// `cls()` filled item by item for a subclass.
fn fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let keys = a.get(1).cloned().unwrap_or(Value::None);
    let v = a.get(2).cloned().unwrap_or(Value::None);
    // `cls()` for a subclass (reached through the class or an instance), as CPython.
    let cls = match a.get(0) {
        Some(c @ Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => Some(c.clone()),
        Some(inst) => Some(Value::Obj(vm.type_of(inst))),
        None => None,
    };
    let dict_t = Value::Obj(vm.type_obj(crate::value::object::TypeKind::Dict).clone());
    let d = match cls {
        Some(c) if !c.is(&dict_t) => vm.call(&c, &[], &[])?,
        _ => Vm::new_dict(Dict::new()),
    };
    for k in vm.collect(&keys)? {
        vm.setitem(&d, k, v.clone())?;
    }
    Ok(d)
}

/// `dict.__init__(self, mapping=(), **kwargs)`: adds the items, as `update`.
/// Bound in the class dict, ahead of `object.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("dict.__init__", init);

fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.init_container(crate::value::object::TypeKind::Dict, a)
}
