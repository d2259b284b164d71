//! The `_abc` module: the machinery of `abc.ABCMeta` (`_abc_init`, `_abc_register`,
//! `_abc_instancecheck`, `_abc_subclasscheck`, the cache resets, `get_cache_token`). Each
//! abstract class holds an `_abc_data` object whose registry and positive and negative
//! caches are weak references to classes (`value/heap.rs`), as CPython's are.

use super::{native_class, native_type, new_native};
use crate::value::dict_table::dict_get_h;
use crate::value::dict_table::str_hash_of;
use crate::value::heap::{ObjRef, WeakHandle};
use crate::value::object::{NativeState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::sync::atomic::{AtomicI64, Ordering};

const DATA: &str = "_abc._abc_data";

/// The functions of `_abc`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("get_cache_token", get_cache_token, Arity::NoArgs, None),
    NativeFn::function("_abc_init", abc_init, Arity::One, None),
    NativeFn::function("_abc_register", abc_register, Arity::Range(2, 2), None),
    NativeFn::function(
        "_abc_instancecheck",
        abc_instancecheck,
        Arity::Range(2, 2),
        None,
    ),
    NativeFn::function(
        "_abc_subclasscheck",
        abc_subclasscheck,
        Arity::Range(2, 2),
        None,
    ),
    NativeFn::function("_get_dump", get_dump, Arity::One, None),
    NativeFn::function("_reset_registry", reset_registry, Arity::One, None),
    NativeFn::function("_reset_caches", reset_caches, Arity::One, None),
];

static DATA_METHODS: &[NativeFn] = &[];

/// Bumped by every registration: negative caches older than it are stale.
static INVALIDATION: AtomicI64 = AtomicI64::new(0);

/// A set of classes held weakly (dead ones are skipped and pruned).
#[derive(Default)]
struct WeakClasses(Vec<WeakHandle>);

impl WeakClasses {
    fn contains(&mut self, cls: &ObjRef) -> bool {
        self.0.retain(|h| h.get().is_some());
        self.0
            .iter()
            .any(|h| h.get().is_some_and(|c| c.ptr_eq(cls)))
    }

    fn add(&mut self, cls: &ObjRef) {
        if !self.contains(cls) {
            self.0.push(cls.downgrade(usize::MAX));
        }
    }

    fn live(&self) -> Vec<ObjRef> {
        self.0.iter().filter_map(WeakHandle::get).collect()
    }
}

/// The `_abc_impl` of an abstract class.
#[derive(Default)]
struct AbcData {
    registry: WeakClasses,
    cache: WeakClasses,
    negative: WeakClasses,
    negative_version: i64,
    /// The abstract classes deriving directly from this one, in creation order: every
    /// subclass of an abstract class is made by its metaclass, which calls `_abc_init`.
    subclasses: WeakClasses,
}

impl NativeState for AbcData {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn get_cache_token(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(INVALIDATION.load(Ordering::Relaxed)))
}

/// `cls._abc_impl`, checked.
fn data_of(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let impl_ = vm.getattr(cls, &Vm::str_val("_abc_impl"))?;
    if super::state_of::<AbcData>(&impl_).is_none() {
        return Err(vm.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(impl_)
}

/// Runs `f` on the state of `_abc_data` object `d` (one step, no Python code).
fn with<R>(d: &Value, f: impl FnOnce(&mut AbcData) -> R) -> Option<R> {
    super::state_of::<AbcData>(d).map(f)
}

fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match vm.getattr_opt(v, "__isabstractmethod__")? {
        Some(flag) => vm.truthy(&flag),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: computes `__abstractmethods__` and gives the class its `_abc_impl`.
fn abc_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos[0].clone();
    let (own, bases): (Vec<(Value, Value)>, Vec<ObjRef>) = match cls.body() {
        Some(Object::Class(c)) => (
            c.dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            c.bases.clone(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    let mut abstracts: Vec<Value> = Vec::new();
    for (name, value) in &own {
        if is_abstract(vm, value)? {
            abstracts.push(name.clone());
        }
    }
    for base in bases.clone() {
        let Some(names) = vm.getattr_opt(&Value::Obj(base), "__abstractmethods__")? else {
            continue;
        };
        for name in vm.collect(&names)? {
            let value = match name.as_str() {
                Some(n) => vm.getattr_opt(&cls, n)?,
                None => None,
            };
            if let Some(value) = value {
                if is_abstract(vm, &value)? {
                    abstracts.push(name);
                }
            }
        }
    }
    let frozenset = Value::Obj(vm.type_obj(TypeKind::FrozenSet).clone());
    let abstracts = vm.call(&frozenset, &[Vm::new_list(abstracts)], &[])?;
    vm.setattr(&cls, &Vm::str_val("__abstractmethods__"), abstracts)?;
    // `collections.abc` marks sequences and mappings this way; CPython consumes the entry.
    let flags_name = "__abc_tpflags__";
    let has_flags = matches!(cls.body(), Some(Object::Class(c))
        if dict_get_h(&c.dict, str_hash_of(flags_name), flags_name).is_some());
    if has_flags {
        vm.delattr(&cls, &Vm::str_val(flags_name))?;
    }
    if let Some(me) = class_ref(&cls) {
        for base in &bases {
            let base_data = match base.get() {
                Object::Class(c) => {
                    dict_get_h(&c.dict, str_hash_of("_abc_impl"), "_abc_impl").cloned()
                }
                _ => None,
            };
            if let Some(d) = base_data {
                with(&d, |d| d.subclasses.0.push(me.downgrade(usize::MAX)));
            }
        }
    }
    let native = native_class(vm, DATA);
    let data = new_native(native.clone(), native, None, AbcData::default());
    with(&data, |d| {
        d.negative_version = INVALIDATION.load(Ordering::Relaxed);
    });
    vm.setattr(&cls, &Vm::str_val("_abc_impl"), data)?;
    Ok(Value::None)
}

fn class_ref(v: &Value) -> Option<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.get(), Object::Class(_)) => Some(o.clone()),
        _ => None,
    }
}

fn builtin(name: &str) -> Value {
    match NativeFn::find(crate::builtins::functions::FUNCTIONS, name) {
        Some(f) => Value::Native(f),
        None => Value::None,
    }
}

fn issubclass(vm: &mut Vm, sub: &Value, sup: &Value) -> PyResult<bool> {
    let r = vm.call(&builtin("issubclass"), &[sub.clone(), sup.clone()], &[])?;
    vm.truthy(&r)
}

/// `_abc_register(cls, subclass)`: a virtual subclass, unless that would make a cycle.
fn abc_register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, sub) = (a.pos[0].clone(), a.pos[1].clone());
    let Some(sub_ref) = class_ref(&sub) else {
        return Err(vm.type_error("Can only register classes"));
    };
    if issubclass(vm, &sub, &cls)? {
        return Ok(sub);
    }
    if issubclass(vm, &cls, &sub)? {
        return Err(vm.err(
            ExcKind::RuntimeError,
            "Refusing to create an inheritance cycle",
        ));
    }
    let data = data_of(vm, &cls)?;
    with(&data, |d| d.registry.add(&sub_ref));
    INVALIDATION.fetch_add(1, Ordering::Relaxed);
    Ok(sub)
}

fn call_subclasscheck(vm: &mut Vm, cls: &Value, sub: &Value) -> PyResult<bool> {
    let check = vm.getattr(cls, &Vm::str_val("__subclasscheck__"))?;
    let r = vm.call(&check, std::slice::from_ref(sub), &[])?;
    vm.truthy(&r)
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, inst) = (a.pos[0].clone(), a.pos[1].clone());
    let data = data_of(vm, &cls)?;
    let subclass = vm.getattr(&inst, &Vm::str_val("__class__"))?;
    if let Some(s) = class_ref(&subclass) {
        if with(&data, |d| d.cache.contains(&s)) == Some(true) {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = Value::Obj(vm.type_of(&inst));
    if subtype.is(&subclass) {
        if let Some(s) = class_ref(&subclass) {
            let known_no = with(&data, |d| {
                d.negative_version == INVALIDATION.load(Ordering::Relaxed)
                    && d.negative.contains(&s)
            });
            if known_no == Some(true) {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(call_subclasscheck(vm, &cls, &subclass)?));
    }
    for c in [subclass, subtype] {
        if call_subclasscheck(vm, &cls, &c)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `_abc_subclasscheck(cls, subclass)`: the caches, `__subclasshook__`, the MRO, the
/// registry, then the subclasses, caching the answer.
fn abc_subclasscheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, sub) = (a.pos[0].clone(), a.pos[1].clone());
    let Some(sub_ref) = class_ref(&sub) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let data = data_of(vm, &cls)?;
    if with(&data, |d| d.cache.contains(&sub_ref)) == Some(true) {
        return Ok(Value::Bool(true));
    }
    let counter = INVALIDATION.load(Ordering::Relaxed);
    let known_no = with(&data, |d| {
        if d.negative_version < counter {
            d.negative = WeakClasses::default();
            d.negative_version = counter;
            false
        } else {
            d.negative.contains(&sub_ref)
        }
    });
    if known_no == Some(true) {
        return Ok(Value::Bool(false));
    }
    let remember = |yes: bool| {
        with(&data, |d| {
            if yes {
                d.cache.add(&sub_ref);
            } else {
                d.negative.add(&sub_ref);
            }
        });
        Ok(Value::Bool(yes))
    };
    // `object.__subclasshook__` answers NotImplemented: a class without one inherits that.
    let ok = match vm.getattr_opt(&cls, "__subclasshook__")? {
        Some(hook) => vm.call(&hook, std::slice::from_ref(&sub), &[])?,
        None => Value::NotImplemented,
    };
    match ok {
        Value::NotImplemented => {}
        Value::Bool(b) => return remember(b),
        _ => {
            return Err(vm.err(
                ExcKind::AssertionError,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ))
        }
    }
    let in_mro = match sub_ref.get() {
        Object::Class(c) => cls
            .as_obj()
            .is_some_and(|k| c.mro.iter().any(|m| m.ptr_eq(k))),
        _ => false,
    };
    if in_mro {
        return remember(true);
    }
    // A class registered itself answers yes without being cached, as in CPython.
    if with(&data, |d| d.registry.contains(&sub_ref)) == Some(true) {
        return Ok(Value::Bool(true));
    }
    let registry = with(&data, |d| d.registry.live()).unwrap_or_default();
    for r in registry {
        if issubclass(vm, &sub, &Value::Obj(r))? {
            return remember(true);
        }
    }
    let subclasses = with(&data, |d| d.subclasses.live()).unwrap_or_default();
    for s in subclasses {
        if issubclass(vm, &sub, &Value::Obj(s))? {
            return remember(true);
        }
    }
    remember(false)
}

/// `_get_dump(cls)`: weak references to the registry's and caches' classes, and the
/// negative cache's version.
fn get_dump(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_of(vm, &a.pos[0])?;
    let (reg, cache, neg, version) = with(&data, |d| {
        (
            d.registry.live(),
            d.cache.live(),
            d.negative.live(),
            d.negative_version,
        )
    })
    .unwrap_or_default();
    let weakref = vm.import_module("_weakref")?;
    let ref_t = vm.getattr(&weakref, &Vm::str_val("ref"))?;
    let set_t = Value::Obj(vm.type_obj(TypeKind::Set).clone());
    let mut out = Vec::new();
    for group in [reg, cache, neg] {
        let mut refs = Vec::new();
        for c in group {
            refs.push(vm.call(&ref_t, &[Value::Obj(c)], &[])?);
        }
        out.push(vm.call(&set_t, &[Vm::new_list(refs)], &[])?);
    }
    out.push(Value::Int(version));
    Ok(Vm::new_tuple(out))
}

fn reset_registry(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_of(vm, &a.pos[0])?;
    with(&data, |d| d.registry = WeakClasses::default());
    Ok(Value::None)
}

fn reset_caches(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_of(vm, &a.pos[0])?;
    with(&data, |d| {
        d.cache = WeakClasses::default();
        d.negative = WeakClasses::default();
    });
    Ok(Value::None)
}

/// Builds `_abc` and its `_abc_data` type.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let data = native_type(vm, DATA, None, DATA_METHODS, false);
    super::set_slots(&data, &[]);
    super::new_module("_abc", FUNCTIONS, &[("_abc_data", Value::Obj(data))])
}
