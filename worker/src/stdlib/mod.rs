//! The registry of native modules: each module CPython writes in C is one file here and one
//! row in [`REGISTRY`].
//!
//! Adding a native module is exactly: a new file `stdlib/NAME.rs` holding its `FUNCTIONS`
//! table (one `NativeFn` row per function, one free function each) and an
//! `init(&mut Vm) -> ObjRef` that builds the module (usually [`new_module`] with its
//! constants), plus one row `("NAME", NAME::init)` in [`REGISTRY`]. `import NAME` looks in
//! this registry before the image's modules (see `Vm::import_module`); each module is built
//! once, on first import.

use crate::value::dict_table::dict_set_str;
use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{
    Class, Instance, Module, NativeNext, NativeObj, NativeState, Object, TypeKind,
};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::any::Any;

pub(crate) mod abc;
pub(crate) mod accelerator;
pub(crate) mod array;
pub(crate) mod ast;
pub(crate) mod ast_nodes;
pub(crate) mod atexit;
pub(crate) mod binascii;
pub(crate) mod bisect;
pub(crate) mod buffered;
pub(crate) mod builtins;
pub(crate) mod cmath;
pub(crate) mod codec_text;
pub(crate) mod codecs;
pub(crate) mod collections;
pub(crate) mod contextvars;
pub(crate) mod csv;
pub(crate) mod errno;
pub(crate) mod fileio;
pub(crate) mod fs;
pub(crate) mod functools;
pub(crate) mod gc;
pub(crate) mod hashes;
pub(crate) mod hashlib;
pub(crate) mod heapq;
pub(crate) mod importlib;
pub(crate) mod io;
pub(crate) mod iobase;
pub(crate) mod itertools;
pub(crate) mod json;
pub(crate) mod math;
pub(crate) mod nosubprocess;
pub(crate) mod opcode;
pub(crate) mod operator;
pub(crate) mod posix;
pub(crate) mod queue;
pub(crate) mod random;
pub(crate) mod select;
pub(crate) mod signal;
pub(crate) mod socket;
pub(crate) mod sre;
pub(crate) mod stat;
pub(crate) mod string;
pub(crate) mod struct_;
pub(crate) mod structseq;
pub(crate) mod sys;
pub(crate) mod textio;
pub(crate) mod thread;
pub(crate) mod time;
pub(crate) mod unicodedata;
pub(crate) mod weakref;
pub(crate) mod zlib;

/// Builds a native module; called once, on its first import.
pub(crate) type ModuleInit = fn(&mut Vm) -> ObjRef;

/// The native modules by import name.
pub(crate) static REGISTRY: &[(&str, ModuleInit)] = &[
    ("builtins", builtins::init),
    ("math", math::init),
    ("itertools", itertools::init),
    ("_operator", operator::init),
    ("_functools", functools::init),
    ("_collections", collections::init),
    ("_codecs", codecs::init),
    ("errno", errno::init),
    ("_stat", stat::init),
    ("_string", string::init),
    ("_weakref", weakref::init),
    ("_thread", thread::init),
    ("_queue", queue::init),
    ("posix", posix::init),
    ("time", time::init),
    ("_bisect", bisect::init),
    ("_heapq", heapq::init),
    ("atexit", atexit::init),
    ("_abc", abc::init),
    ("sys", sys::init),
    ("_io", io::init),
    ("_imp", importlib::init_imp),
    ("_frozen_importlib", importlib::init_bootstrap),
    ("_frozen_importlib_external", importlib::init_external),
    ("_sre", sre::init),
    ("_random", random::init),
    ("gc", gc::init),
    ("_struct", struct_::init),
    ("binascii", binascii::init),
    ("array", array::init),
    ("_md5", hashes::init_md5),
    ("_sha1", hashes::init_sha1),
    ("_sha256", hashes::init_sha256),
    ("_sha512", hashes::init_sha512),
    ("_sha3", hashes::init_sha3),
    ("_blake2", hashes::init_blake2),
    ("_ast", ast::init),
    ("_opcode", opcode::init),
    ("_contextvars", contextvars::init),
    ("_signal", signal::init),
    ("_posixsubprocess", nosubprocess::init_posixsubprocess),
    ("select", select::init),
    ("_socket", socket::init),
    ("_hashlib", hashlib::init),
    ("zlib", zlib::init),
    ("cmath", cmath::init),
    ("_json", json::init),
    ("_csv", csv::init),
    ("unicodedata", unicodedata::init),
];

/// Reports an exception nothing can catch (raised by a weak reference callback or an exit
/// function) on stderr, as CPython's "Exception ignored" message does.
pub(crate) fn report_unraisable(vm: &mut Vm, context: &str, obj: &Value, exc: &ObjRef) {
    let what = vm
        .repr(obj)
        .unwrap_or_else(|_| "<object repr() failed>".to_string());
    let report = vm.error_report(exc);
    io::write_stderr(vm, &format!("{context}: {what}\n{}", report.traceback));
}

/// The initialiser of native module `name`.
pub(crate) fn find(name: &str) -> Option<ModuleInit> {
    REGISTRY
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, init)| *init)
}

/// A module object named `name` binding each of `functions` by its name, then `constants`.
pub(crate) fn new_module(
    name: &str,
    functions: &'static [NativeFn],
    constants: &[(&str, Value)],
) -> ObjRef {
    let mut module = Module {
        name: name.into(),
        // Not an image module: no code, no slot in `Vm::modules`.
        slots: Vec::new(),
        names: Vec::new(),
        lookup: std::collections::HashMap::new(),
        dict: None,
    };
    let mut set = |name: &str, v: Value| {
        let s = module.slot_for(name, Vm::str_val(name));
        module.slots[s as usize] = v;
    };
    set("__name__", Vm::str_val(name));
    for f in functions {
        set(f.name(), Value::Native(f));
    }
    for (n, v) in constants {
        set(n, v.clone());
    }
    ObjRef::new(Object::Module(module))
}

/// A type of a native module, `key` being its qualified name (`itertools.count`): a class of
/// that module deriving from `base` (`object` when `None`) whose dict binds each of `methods`
/// by name (the one whose qualname is undotted as `__new__`, a static method), plus `__iter__` and `__next__` for an iterator
/// type. It is registered in `Vm::native_types` under `key`.
pub(crate) fn native_type(
    vm: &mut Vm,
    key: &'static str,
    base: Option<ObjRef>,
    methods: &'static [NativeFn],
    iterator: bool,
) -> ObjRef {
    let (module, name) = key.rsplit_once('.').unwrap_or(("builtins", key));
    let object_t = vm.type_obj(TypeKind::Object).clone();
    let base = base.unwrap_or_else(|| object_t.clone());
    let mut mro = vec![];
    if let Object::Class(b) = base.get() {
        mro.extend(b.mro.iter().cloned());
    }
    let mut dict = Dict::new();
    for f in methods {
        // The constructor is the entry named as the type (its argument errors name the type,
        // as CPython's do): the class's `__new__`.
        if !f.qualname.contains('.') {
            let v = Value::obj(Object::StaticMethod(Value::Native(f)));
            dict_set_str(&mut dict, "__new__", v);
        } else {
            dict_set_str(&mut dict, f.name(), Value::Native(f));
        }
    }
    if iterator {
        dict_set_str(&mut dict, "__iter__", Value::Native(&ITER_SELF));
        dict_set_str(&mut dict, "__next__", Value::Native(&NEXT));
    }
    // Every CPython type has a `__doc__`, which its instances read through the type.
    dict_set_str(&mut dict, "__doc__", Value::None);
    dict_set_str(&mut dict, "__module__", Vm::str_val(module));
    let cls = ObjRef::new(Object::Class(Class {
        name: name.to_string(),
        qualname: name.to_string(),
        module: module.to_string(),
        bases: vec![base],
        mro: Vec::new(),
        dict: crate::value::object::ClassDict::new(dict),
        kind: TypeKind::User,
        has_properties: false,
        has_setattr: false,
        has_del: false,
        slots: None,
        metaclass: None,
        has_getattribute: false,
        subclasses: Vec::new(),
        abstract_: false,
        builtin: false,
    }));
    let mut full = vec![cls.clone()];
    full.extend(mro);
    if let Object::Class(c) = cls.get_mut() {
        c.mro = full;
    }
    vm.native_types.insert(key, cls.clone());
    cls
}

/// An exception class of a native module (`struct.error`, `binascii.Error`), made as
/// `type(name, bases, {"__module__": module})` makes it (CPython's MRO for several bases), and
/// registered in `Vm::native_types` under `key`, `"module.name"`, for `native_class`.
pub(crate) fn exception_class(vm: &mut Vm, key: &'static str, bases: Vec<ObjRef>) -> ObjRef {
    let (module, name) = key.rsplit_once('.').unwrap_or(("builtins", key));
    let type_t = vm.type_obj(TypeKind::Type).clone();
    let mut d = Dict::new();
    dict_set_str(&mut d, "__module__", Vm::str_val(module));
    let fallback = bases[0].clone();
    let made = vm.call(
        &Value::Obj(type_t),
        &[
            Vm::str_val(name),
            Vm::new_tuple(bases.into_iter().map(Value::Obj).collect()),
            Vm::new_dict(d),
        ],
        &[],
    );
    let cls = match made {
        Ok(Value::Obj(c)) => c,
        _ => fallback,
    };
    vm.native_types.insert(key, cls.clone());
    cls
}

/// Binds `name` in class `cls` to `v`.
pub(crate) fn set_class_attr(cls: &ObjRef, name: &str, v: Value) {
    if let Object::Class(c) = cls.get_mut() {
        if matches!(v.body(), Some(Object::Property(_))) {
            c.has_properties = true;
        }
        dict_set_str(&mut c.dict, name, v);
    }
}

/// Binds a read-only attribute `name` computed by `get` in class `cls`; `set`, if given,
/// raises the error CPython's read-only member or getset gives.
pub(crate) fn add_property(
    cls: &ObjRef,
    name: &str,
    get: &'static NativeFn,
    set: Option<&'static NativeFn>,
) {
    let set = set.map_or(Value::None, Value::Native);
    set_class_attr(
        cls,
        name,
        Value::obj(Object::Property(Box::new(crate::value::object::Prop {
            fget: Value::Native(get),
            fset: set.clone(),
            fdel: set,
            ..crate::value::object::Prop::empty()
        }))),
    );
}

/// `__class_getitem__` of a generic native type: `deque[int]` is a `types.GenericAlias`.
pub(crate) static CLASS_GETITEM: NativeFn = NativeFn::new("__class_getitem__", class_getitem);

fn class_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let origin = a.get(0).cloned().unwrap_or(Value::None);
    let key = a.get(1).cloned().unwrap_or(Value::None);
    Ok(crate::objects::alias::make_alias(vm, origin, &key))
}

/// Makes native type `cls` subscriptable (`deque[int]`).
pub(crate) fn add_class_getitem(cls: &ObjRef) {
    set_class_attr(
        cls,
        "__class_getitem__",
        Value::obj(Object::ClassMethod(Value::Native(&CLASS_GETITEM))),
    );
}

/// The setter of a read-only member (`partial.func`).
pub(crate) static READONLY: NativeFn = NativeFn::new("__set__", readonly);

fn readonly(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(ExcKind::AttributeError, "readonly attribute"))
}

/// Instances of native type `cls` have no `__dict__`: only attributes `names` can be set.
pub(crate) fn set_slots(cls: &ObjRef, names: &[&str]) {
    if let Object::Class(c) = cls.get_mut() {
        c.slots = Some(names.iter().map(|n| Box::from(*n)).collect());
    }
}

/// The registered native type `key`.
pub(crate) fn native_class(vm: &Vm, key: &str) -> ObjRef {
    match vm.native_types.get(key) {
        Some(c) => c.clone(),
        None => vm.type_obj(TypeKind::Object).clone(),
    }
}

/// A new object of class `cls` (the native type `native` or a subclass of it) holding `state`.
pub(crate) fn new_native(
    cls: ObjRef,
    native: ObjRef,
    next: Option<NativeNext>,
    state: impl NativeState,
) -> Value {
    Value::obj(Object::Instance(Instance {
        class: cls,
        own: Dict::new(),
        dict_obj: None,
        exc: None,
        base: Value::obj(Object::Native(NativeObj {
            class: native,
            next,
            state: Box::new(state),
        })),
    }))
}

/// The class argument of a `__new__` (`a.pos[0]`).
pub(crate) fn new_cls(vm: &Vm, a: &Args) -> ObjRef {
    match a.get(0) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => o.clone(),
        _ => vm.type_obj(TypeKind::Object).clone(),
    }
}

/// The native state of type `T` held by object `v` (an instance of a native type or of a
/// subclass), if it has one. Callers use it for one non-reentrant step: nothing that may run
/// Python code happens while the reference is live.
pub(crate) fn state_of<T: NativeState>(v: &Value) -> Option<&mut T> {
    let base = match v.body()? {
        Object::Instance(i) => i.base.as_obj()?,
        Object::Native(_) => v.as_obj()?,
        _ => return None,
    };
    match base.get_mut() {
        Object::Native(n) => (n.state.as_mut() as &mut dyn Any).downcast_mut::<T>(),
        _ => None,
    }
}

/// The receiver of method `method` of native type `type_name`, with its state `T`; otherwise
/// CPython's descriptor error.
pub(crate) fn receiver<'a, T: NativeState>(
    vm: &Vm,
    a: &Args<'a>,
    type_name: &str,
    method: &str,
) -> PyResult<&'a mut T> {
    let v = a.get(0);
    match v.and_then(|v| state_of::<T>(v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(match v {
            // Slot wrappers (`__len__`) and method descriptors word it differently.
            Some(v) if method.starts_with("__") => format!(
                "descriptor '{method}' requires a '{type_name}' object but received a '{}'",
                vm.type_name(v)
            ),
            Some(v) => format!(
                "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ),
            None => format!("descriptor '{method}' of '{type_name}' object needs an argument"),
        })),
    }
}

/// `__iter__` of a native iterator type: the iterator itself.
pub(crate) static ITER_SELF: NativeFn =
    NativeFn::method("__iter__", iter_self, Arity::NoArgs, None);
/// `__next__` of a native iterator type: its `NativeObj::next`, `StopIteration` at the end.
pub(crate) static NEXT: NativeFn = NativeFn::method("__next__", next_method, Arity::NoArgs, None);

fn iter_self(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.get(0).cloned().unwrap_or(Value::None))
}

fn next_method(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = a.get(0).cloned().unwrap_or(Value::None);
    let next = match recv.body() {
        Some(Object::Instance(i)) => match i.base.body() {
            Some(Object::Native(n)) => n.next,
            _ => None,
        },
        _ => None,
    };
    let Some(next) = next else {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(&recv)
        )));
    };
    match next(vm, &recv)? {
        Some(v) => Ok(v),
        None => Err(vm.err_empty(ExcKind::StopIteration)),
    }
}

/// Binds a native call's arguments to `names` as CPython's keyword-argument parser does:
/// `a.pos[skip..]` by position (at most `max_pos` of them), the rest by keyword; the first
/// `required` names are required. `fname` names the function in the messages.
pub(crate) fn parse_args<'a>(
    vm: &Vm,
    a: &Args<'a>,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = &a.pos[skip.min(a.pos.len())..];
    let total = pos.len() + a.kw.len();
    if pos.len() > max_pos {
        let what = if max_pos < names.len() {
            " positional"
        } else {
            ""
        };
        let how = if required == names.len() {
            "exactly"
        } else {
            "at most"
        };
        let plural = if max_pos == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{fname}() takes {how} {max_pos}{what} argument{plural} ({} given)",
            pos.len()
        )));
    }
    if total > names.len() {
        let plural = if names.len() == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{plural} ({total} given)",
            names.len()
        )));
    }
    let mut out: Vec<Option<&'a Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in &a.kw {
        match names.iter().position(|n| n == k) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(*v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}
