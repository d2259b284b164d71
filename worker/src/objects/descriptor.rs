//! `member_descriptor` and `getset_descriptor`: the descriptors a class's namespace holds for
//! each `__slots__` name (`<member 'x' of 'C' objects>`, reading and writing the instance's
//! slot) and for the built-in attributes of functions (`function.__code__`), which read the
//! attribute the interpreter computes.

use crate::stdlib::{add_property, native_type, new_native, state_of};
use crate::value::dict_table::{dict_get_h, dict_set_str, str_hash_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// A descriptor's name and the class it belongs to.
struct Descr {
    name: String,
    /// The owning class (a `Value` so the collector sees the reference).
    owner: Value,
    /// A `__slots__` member (reads the instance's slot) rather than a computed attribute.
    member: bool,
}

impl NativeState for Descr {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.owner);
    }
}

static MEMBER_METHODS: &[NativeFn] = &[
    NativeFn::method("member_descriptor.__get__", get, Arity::Range(1, 2), None),
    NativeFn::method("member_descriptor.__set__", set, Arity::Range(2, 2), None),
    NativeFn::method("member_descriptor.__delete__", delete, Arity::One, None),
    NativeFn::method("member_descriptor.__repr__", repr, Arity::NoArgs, None),
];

static GETSET_METHODS: &[NativeFn] = &[
    NativeFn::method("getset_descriptor.__get__", get, Arity::Range(1, 2), None),
    NativeFn::method("getset_descriptor.__set__", set, Arity::Range(2, 2), None),
    NativeFn::method("getset_descriptor.__delete__", delete, Arity::One, None),
    NativeFn::method("getset_descriptor.__repr__", repr, Arity::NoArgs, None),
];

static NAME: NativeFn = NativeFn::method("descriptor.__name__", name, Arity::NoArgs, None);
static OBJCLASS: NativeFn =
    NativeFn::method("descriptor.__objclass__", objclass, Arity::NoArgs, None);

fn descr_type(vm: &mut Vm, member: bool) -> ObjRef {
    let key = if member {
        "member_descriptor"
    } else {
        "getset_descriptor"
    };
    if let Some(t) = vm.native_types.get(key) {
        return t.clone();
    }
    let methods = if member {
        MEMBER_METHODS
    } else {
        GETSET_METHODS
    };
    let t = native_type(vm, key, None, methods, false);
    let ro = Some(&crate::stdlib::READONLY);
    add_property(&t, "__name__", &NAME, ro);
    add_property(&t, "__objclass__", &OBJCLASS, ro);
    crate::stdlib::set_slots(&t, &[]);
    t
}

/// A new descriptor for attribute `name` of class `owner`: a `member_descriptor` when
/// `member_type`, reading the instance's slot when `slot` (else the computed attribute).
pub(crate) fn new(vm: &mut Vm, owner: &ObjRef, name: &str, member_type: bool, slot: bool) -> Value {
    let t = descr_type(vm, member_type);
    new_native(
        t.clone(),
        t,
        None,
        Descr {
            name: name.to_string(),
            owner: Value::Obj(owner.clone()),
            member: slot,
        },
    )
}

/// Binds the computed attributes of functions in the `function` type's namespace, with the
/// descriptor types CPython uses for each.
pub(crate) fn install_function_attrs(vm: &mut Vm) {
    let func_t = vm.type_obj(TypeKind::Function).clone();
    let getsets = [
        "__code__",
        "__defaults__",
        "__kwdefaults__",
        "__annotations__",
        "__dict__",
        "__name__",
        "__qualname__",
    ];
    let members = ["__closure__", "__doc__", "__globals__", "__module__"];
    let all = getsets
        .iter()
        .map(|n| (*n, false))
        .chain(members.iter().map(|n| (*n, true)));
    for (n, member_type) in all {
        let d = new(vm, &func_t, n, member_type, false);
        if let Object::Class(c) = func_t.get_mut() {
            dict_set_str(&mut c.dict, n, d);
        }
    }
}

/// Binds the descriptors of `type`'s computed attributes in its namespace
/// (`type.__dict__['__mro__'].__get__(cls)`, as `inspect.getattr_static` reads them).
pub(crate) fn install_type_attrs(vm: &mut Vm) {
    let type_t = vm.type_obj(TypeKind::Type).clone();
    let all = [
        ("__mro__", true),
        ("__base__", true),
        ("__flags__", true),
        ("__dict__", false),
        ("__bases__", false),
        ("__name__", false),
        ("__qualname__", false),
    ];
    for (n, member_type) in all {
        let d = new(vm, &type_t, n, member_type, false);
        if let Object::Class(c) = type_t.get_mut() {
            dict_set_str(&mut c.dict, n, d);
        }
    }
}

fn this<'a>(a: &'a Args<'a>) -> Option<&'a mut Descr> {
    state_of::<Descr>(&a.pos[0])
}

fn parts(a: &Args) -> (String, Option<ObjRef>, bool) {
    match this(a) {
        Some(d) => (d.name.clone(), d.owner.as_obj().cloned(), d.member),
        None => (String::new(), None, false),
    }
}

/// The instance attribute table a slot lives in: `own`, which keeps the slots once a
/// `__dict__` object holds the other attributes.
fn slot_table(obj: &Value) -> Option<&mut crate::value::dict_table::Dict> {
    match obj.as_obj()?.get_mut() {
        Object::Instance(i) => Some(&mut i.own),
        _ => None,
    }
}

/// The (mangled) names of the `__slots__` members that `cls` and its bases define.
pub(crate) fn slot_names(cls: &ObjRef) -> Vec<String> {
    let mut names = Vec::new();
    if let Object::Class(c) = cls.get() {
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                for (name, v) in kc.dict.iter() {
                    if is_slot_member(v) {
                        if let Some(n) = name.as_str() {
                            names.push(n.to_string());
                        }
                    }
                }
            }
        }
    }
    names
}

/// Whether `v` is the member descriptor of a `__slots__` name.
pub(crate) fn is_slot_member(v: &Value) -> bool {
    matches!(v, Value::Obj(_)) && state_of::<Descr>(v).is_some_and(|d| d.member)
}

fn check_owner(vm: &Vm, owner: &Option<ObjRef>, name: &str, obj: &Value) -> PyResult<()> {
    if let Some(o) = owner {
        if !Vm::is_subclass(&vm.type_of(obj), o) {
            return Err(vm.type_error(format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                Vm::class_name(o),
                vm.type_name(obj)
            )));
        }
    }
    Ok(())
}

fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(obj, Value::None) {
        return Ok(a.pos[0].clone());
    }
    let (name, owner, member) = parts(a);
    check_owner(vm, &owner, &name, &obj)?;
    if !member {
        // A class's own `__dict__`/`__weakref__` descriptors answer directly: the instance
        // lookup they would defer to may find them again first.
        match (name.as_str(), obj.as_obj()) {
            ("__weakref__", _) => return Ok(Value::None),
            ("__dict__", Some(o)) if matches!(o.get(), Object::Instance(_)) => {
                let o = o.clone();
                return vm
                    .special_instance_attr(&o, "__dict__")
                    .ok_or_else(|| vm.attr_error(&obj, &name));
            }
            _ => {}
        }
        return vm.getattr(&obj, &Vm::str_val(name.as_str()));
    }
    let found = slot_table(&obj)
        .and_then(|t| dict_get_h(t, str_hash_of(&name), &name))
        .cloned();
    found.ok_or_else(|| vm.attr_error(&obj, &name))
}

fn set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (name, owner, member) = parts(a);
    let obj = a.pos[1].clone();
    check_owner(vm, &owner, &name, &obj)?;
    if !member {
        if let Some(r) = own_getset_store(vm, &name, &owner, &obj, Some(a.pos[2].clone())) {
            return r;
        }
        vm.setattr(&obj, &Vm::str_val(name.as_str()), a.pos[2].clone())?;
        return Ok(Value::None);
    }
    if let Some(t) = slot_table(&obj) {
        dict_set_str(t, &name, a.pos[2].clone());
    }
    Ok(Value::None)
}

/// Setting (`Some`) or deleting (`None`) through a class's own `__dict__`/`__weakref__`
/// descriptor, answered here: the instance's attribute store would find the descriptor
/// again. Deleting `__dict__` leaves an empty one; `__weakref__` is read-only.
fn own_getset_store(
    vm: &mut Vm,
    name: &str,
    owner: &Option<ObjRef>,
    obj: &Value,
    value: Option<Value>,
) -> Option<PyResult<Value>> {
    let o = obj
        .as_obj()
        .filter(|o| matches!(o.get(), Object::Instance(_)))?;
    match name {
        "__dict__" => {
            let v = value.unwrap_or_else(|| Vm::new_dict(Default::default()));
            Some(vm.set_instance_dict(&o.clone(), v).map(|_| Value::None))
        }
        "__weakref__" => {
            let owner = owner.as_ref().map(Vm::class_name).unwrap_or_default();
            Some(Err(vm.err(
                ExcKind::AttributeError,
                format!("attribute '__weakref__' of '{owner}' objects is not writable"),
            )))
        }
        _ => None,
    }
}

fn delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (name, owner, member) = parts(a);
    let obj = a.pos[1].clone();
    check_owner(vm, &owner, &name, &obj)?;
    if !member {
        if let Some(r) = own_getset_store(vm, &name, &owner, &obj, None) {
            return r;
        }
        vm.delattr(&obj, &Vm::str_val(name.as_str()))?;
        return Ok(Value::None);
    }
    let removed = slot_table(&obj)
        .and_then(|t| {
            t.remove(str_hash_of(&name), &mut |k| {
                k.as_str() == Some(name.as_str())
            })
        })
        .is_some();
    if !removed {
        return Err(vm.err(ExcKind::AttributeError, name));
    }
    Ok(Value::None)
}

fn repr(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (name, owner, _) = parts(a);
    let owner = owner.map(|o| Vm::class_name(&o)).unwrap_or_default();
    let is_member = matches!(a.pos[0].body(), Some(Object::Instance(i))
        if matches!(i.class.get(), Object::Class(c) if c.name == "member_descriptor"));
    Ok(Vm::str_val(if is_member {
        format!("<member '{name}' of '{owner}' objects>")
    } else {
        format!("<attribute '{name}' of '{owner}' objects>")
    }))
}

fn name(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(parts(a).0))
}

fn objclass(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(parts(a).1.map_or(Value::None, Value::Obj))
}
