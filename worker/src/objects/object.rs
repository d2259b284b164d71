//! `object`: the defaults every class inherits (`__init__`, `__new__`, `__repr__`, `__str__`,
//! `__setattr__`, `__eq__`, `__ne__`, `__hash__`), one `static` record each.

use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{ExcData, Instance, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::CompareOp;

/// `object.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("object.__init__", init);
/// `object.__new__`.
pub(crate) static NEW: NativeFn = NativeFn::new("object.__new__", new);
/// `object.__repr__`.
pub(crate) static REPR: NativeFn = NativeFn::new("object.__repr__", repr);
/// `object.__str__`.
pub(crate) static STR: NativeFn = NativeFn::new("object.__str__", str);
/// `object.__format__`.
pub(crate) static FORMAT: NativeFn = NativeFn::new("object.__format__", format);
/// `object.__delattr__`.
pub(crate) static DELATTR: NativeFn = NativeFn::new("object.__delattr__", delattr);
/// `object.__setattr__`.
pub(crate) static SETATTR: NativeFn = NativeFn::new("object.__setattr__", setattr);
/// `object.__eq__`.
pub(crate) static EQ: NativeFn = NativeFn::new("object.__eq__", eq);
/// `object.__ne__`.
pub(crate) static NE: NativeFn = NativeFn::new("object.__ne__", ne);
/// `object.__hash__`.
pub(crate) static HASH: NativeFn = NativeFn::new("object.__hash__", hash);
/// `object.__lt__`, `__le__`, `__gt__`, `__ge__`: `NotImplemented` (one object each, so
/// `functools.total_ordering` can tell them from a class's own).
pub(crate) static ORDERING: [NativeFn; 4] = [
    NativeFn::new("object.__lt__", |vm, a| order(vm, a, CompareOp::Lt)),
    NativeFn::new("object.__le__", |vm, a| order(vm, a, CompareOp::Le)),
    NativeFn::new("object.__gt__", |vm, a| order(vm, a, CompareOp::Gt)),
    NativeFn::new("object.__ge__", |vm, a| order(vm, a, CompareOp::Ge)),
];

/// `object.__init_subclass__` (a class method): accepts no keywords.
pub(crate) static INIT_SUBCLASS: NativeFn =
    NativeFn::new("object.__init_subclass__", init_subclass);
/// `object.__subclasshook__` (a class method): no opinion, `NotImplemented`.
pub(crate) static SUBCLASSHOOK: NativeFn = NativeFn::new("object.__subclasshook__", |_vm, _a| {
    Ok(Value::NotImplemented)
});
/// `object.__reduce_ex__(protocol)`: copyreg's protocol, as `copy` and `pickle` use it.
pub(crate) static REDUCE_EX: NativeFn = NativeFn::new("object.__reduce_ex__", reduce_ex);
/// `object.__reduce__()`: `copyreg._reduce_ex(self, 0)`.
pub(crate) static REDUCE: NativeFn = NativeFn::new("object.__reduce__", reduce);
/// `object.__sizeof__()`: an estimate of the object's size in bytes, laid out as CPython's
/// objects are (exact values are CPython's implementation detail).
pub(crate) static SIZEOF: NativeFn = NativeFn::method(
    "object.__sizeof__",
    sizeof,
    crate::vm::native::Arity::NoArgs,
    None,
);
/// `object.__getstate__()`: the instance's attributes, or None when it has none.
pub(crate) static GETSTATE: NativeFn = NativeFn::new("object.__getstate__", getstate);

/// The `__new__` of each built-in value type: distinct objects (`int.__new__ is not
/// object.__new__`, which `enum` relies on), each making its type or a subclass of it.
pub(crate) static VALUE_NEWS: &[(TypeKind, NativeFn)] = &[
    (
        TypeKind::NoneType,
        NativeFn::new("NoneType.__new__", |vm, a| {
            value_new(vm, a, TypeKind::NoneType, "NoneType")
        }),
    ),
    (
        TypeKind::Bool,
        NativeFn::new("bool.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Bool, "bool")
        }),
    ),
    (
        TypeKind::Int,
        NativeFn::new("int.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Int, "int")
        }),
    ),
    (
        TypeKind::Float,
        NativeFn::new("float.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Float, "float")
        }),
    ),
    (
        TypeKind::Complex,
        NativeFn::new("complex.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Complex, "complex")
        }),
    ),
    (
        TypeKind::Str,
        NativeFn::new("str.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Str, "str")
        }),
    ),
    (
        TypeKind::Bytes,
        NativeFn::new("bytes.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Bytes, "bytes")
        }),
    ),
    (
        TypeKind::Tuple,
        NativeFn::new("tuple.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Tuple, "tuple")
        }),
    ),
    (
        TypeKind::FrozenSet,
        NativeFn::new("frozenset.__new__", |vm, a| {
            value_new(vm, a, TypeKind::FrozenSet, "frozenset")
        }),
    ),
    (
        TypeKind::List,
        NativeFn::new("list.__new__", |vm, a| {
            value_new(vm, a, TypeKind::List, "list")
        }),
    ),
    (
        TypeKind::Dict,
        NativeFn::new("dict.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Dict, "dict")
        }),
    ),
    (
        TypeKind::Set,
        NativeFn::new("set.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Set, "set")
        }),
    ),
    (
        TypeKind::Range,
        NativeFn::new("range.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Range, "range")
        }),
    ),
    (
        TypeKind::Slice,
        NativeFn::new("slice.__new__", |vm, a| {
            value_new(vm, a, TypeKind::Slice, "slice")
        }),
    ),
];

/// `T.__new__(cls, *args)` for a built-in value type `T`: `cls` must be `T` or a subclass;
/// `T` itself gets the constructed value, a subclass an instance wrapping one.
fn value_new(vm: &mut Vm, a: &Args, kind: TypeKind, tname: &str) -> PyResult<Value> {
    let cls = match a.get(0) {
        Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => c.clone(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "{tname}.__new__(X): X is not a type object ({})",
                vm.type_name(v)
            )))
        }
        None => return Err(vm.type_error(format!("{tname}.__new__(): not enough arguments"))),
    };
    let own = vm.type_obj(kind).clone();
    if !Vm::is_subclass(&cls, &own) {
        return Err(vm.type_error(format!(
            "{tname}.__new__({}): {} is not a subtype of {tname}",
            Vm::class_name(&cls),
            Vm::class_name(&cls)
        )));
    }
    if cls.ptr_eq(&own) {
        if kind == TypeKind::NoneType {
            if a.pos.len() > 1 || !a.kw.is_empty() {
                return Err(vm.type_error("NoneType takes no arguments"));
            }
            return Ok(Value::None);
        }
        return vm.construct_builtin(kind, &a.raw[1..], a.kwnames);
    }
    // Another built-in type (`int.__new__(bool)`) lays its values out its own way.
    if matches!(cls.get(), Object::Class(c) if c.builtin) {
        let other = Vm::class_name(&cls);
        return Err(vm.type_error(format!(
            "{tname}.__new__({other}) is not safe, use {other}.__new__()"
        )));
    }
    new(vm, a)
}

fn sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let _ = vm;
    let v = &a.pos[0];
    let words = |n: usize| 8 * n as i64;
    let size = match v {
        Value::Int(_) | Value::Bool(_) => 28,
        Value::Float(_) => 24,
        Value::Str(s) => 49 + s.as_str().len() as i64,
        _ => match v.body() {
            Some(Object::Str(_)) => 49 + v.as_str().map_or(0, str::len) as i64,
            Some(Object::BigInt(b)) => 24 + 4 * (b.bits().div_ceil(30) as i64),
            Some(Object::Complex(..)) => 32,
            Some(Object::Bytes(b)) => 33 + b.len() as i64,
            Some(Object::Tuple(t)) => 24 + words(t.len()),
            Some(Object::List(l)) => 40 + words(l.capacity()),
            Some(Object::Dict(d)) => 48 + 24 * d.len() as i64,
            Some(Object::Set(s)) | Some(Object::FrozenSet(s)) => 200 + 16 * s.len() as i64,
            Some(Object::Range { .. }) => 48,
            Some(Object::Instance(i)) => 16 + words(i.own.len()),
            _ => 16,
        },
    };
    Ok(Value::Int(size))
}

fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(0).cloned().unwrap_or(Value::None);
    let dict = match vm.getattr(&obj, &Vm::str_val("__dict__")) {
        Ok(d) if matches!(d.body(), Some(Object::Dict(m)) if !m.is_empty()) => d,
        _ => Value::None,
    };
    // With `__slots__`, the state is `(dict or None, {slot: value})` for the slots that are
    // set, the names as `copyreg._slotnames` lists them.
    let cls = vm.type_of(&obj);
    if crate::objects::descriptor::slot_names(&cls).is_empty() {
        return Ok(dict);
    }
    let copyreg = vm.import_module("copyreg")?;
    let slotnames = vm.getattr(&copyreg, &Vm::str_val("_slotnames"))?;
    let names = vm.call(&slotnames, &[Value::Obj(cls)], &[])?;
    let names = vm.collect(&names)?;
    let mut slots = crate::value::dict_table::Dict::new();
    for n in names {
        match vm.getattr(&obj, &n) {
            Ok(v) => {
                if let Some(s) = n.as_str() {
                    crate::value::dict_table::dict_set_str(&mut slots, s, v);
                }
            }
            Err(e) if vm.exc_matches(&e, crate::vm::ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    if slots.is_empty() {
        return Ok(dict);
    }
    Ok(Vm::new_tuple(vec![dict, Vm::new_dict(slots)]))
}

fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(0).cloned().unwrap_or(Value::None);
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.getattr(&copyreg, &Vm::str_val("_reduce_ex"))?;
    vm.call(&f, &[obj, Value::Int(0)], &[])
}

/// Protocol 2 and above as CPython's `reduce_newobj`: `copyreg.__newobj__` (or
/// `__newobj_ex__` with keyword arguments) over `__getnewargs(_ex)__`, the state from
/// `__getstate__`, and the items of a list or dict; below 2, `copyreg._reduce_ex`.
fn reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(0).cloned().unwrap_or(Value::None);
    if let Value::Native(n) = &obj {
        // A built-in function pickles by reference: a module's function by its name, a
        // type's method as `getattr(type, name)`.
        return Ok(match n.qualname.rsplit_once('.') {
            Some((owner, name)) => match vm.builtins.get(owner).cloned() {
                Some(t) if matches!(t.body(), Some(Object::Class(_))) => {
                    let getattr = vm.builtins.get("getattr").cloned().unwrap_or(Value::None);
                    Vm::new_tuple(vec![getattr, Vm::new_tuple(vec![t, Vm::str_val(name)])])
                }
                _ => Vm::str_val(name),
            },
            None => Vm::str_val(n.qualname),
        });
    }
    let protocol = match a.get(1) {
        Some(Value::Int(p)) => *p,
        Some(v) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
        None => 0,
    };
    // A built-in type's own `__reduce__` (range, slice).
    if let Some(m) = crate::objects::method(vm.kind_of(&obj), "__reduce__") {
        return vm.call_native(m, std::slice::from_ref(&obj), &[]);
    }
    // A class's own `__reduce__` wins, as in CPython's `object.__reduce_ex__`.
    let cls = vm.type_of(&obj);
    if let Some(r) = vm.lookup_class_attr(&cls, "__reduce__") {
        if !matches!(r, Value::Native(f) if std::ptr::eq(f, &REDUCE)) {
            let bound = vm.getattr(&obj, &Vm::str_val("__reduce__"))?;
            return vm.call(&bound, &[], &[]);
        }
    }
    // The built-in value inside (an instance of a subclass of) a built-in type.
    let value = crate::value::num::inst_base(&obj).unwrap_or_else(|| obj.clone());
    let kind = vm.kind_of(&value);
    let cls_v = Value::Obj(cls.clone());
    if matches!(kind, TypeKind::Set | TypeKind::FrozenSet) {
        // As CPython's `set.__reduce__`: the class, the items as a list, the instance dict.
        let items = vm.collect(&value)?;
        let state = getstate(vm, a)?;
        return Ok(Vm::new_tuple(vec![
            cls_v,
            Vm::new_tuple(vec![Vm::new_list(items)]),
            state,
        ]));
    }
    let copyreg = vm.import_module("copyreg")?;
    if protocol < 2 {
        let f = vm.getattr(&copyreg, &Vm::str_val("_reduce_ex"))?;
        return vm.call(&f, &[obj, Value::Int(protocol)], &[]);
    }
    // Immutable built-in values are rebuilt from themselves (their `__getnewargs__`).
    let immutable = matches!(
        kind,
        TypeKind::Int
            | TypeKind::Bool
            | TypeKind::Float
            | TypeKind::Complex
            | TypeKind::Str
            | TypeKind::Bytes
            | TypeKind::Tuple
    );
    let (args, kwargs) = if let Some(f) = vm.getattr_opt(&obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[], &[])?;
        let parts = vm.collect(&r)?;
        match parts.as_slice() {
            [args, kwargs] => (vm.collect(args)?, Some(kwargs.clone())),
            _ => return Err(vm.type_error("__getnewargs_ex__ should return a tuple of length 2")),
        }
    } else if let Some(f) = vm.getattr_opt(&obj, "__getnewargs__")? {
        let r = vm.call(&f, &[], &[])?;
        (vm.collect(&r)?, None)
    } else if immutable {
        (vec![value.clone()], None)
    } else {
        (Vec::new(), None)
    };
    let has_kwargs = match &kwargs {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let (func, newargs) = if has_kwargs {
        let f = vm.getattr(&copyreg, &Vm::str_val("__newobj_ex__"))?;
        let kw = kwargs.unwrap_or(Value::None);
        (f, Vm::new_tuple(vec![cls_v, Vm::new_tuple(args), kw]))
    } else {
        let f = vm.getattr(&copyreg, &Vm::str_val("__newobj__"))?;
        let mut all = vec![cls_v];
        all.extend(args);
        (f, Vm::new_tuple(all))
    };
    let getstate = vm.getattr(&obj, &Vm::str_val("__getstate__"))?;
    let state = vm.call(&getstate, &[], &[])?;
    let list_t = vm.type_obj(TypeKind::List).clone();
    let dict_t = vm.type_obj(TypeKind::Dict).clone();
    let listitems = if Vm::is_subclass(&cls, &list_t) {
        vm.get_iter(&obj)?
    } else {
        Value::None
    };
    let dictitems = if Vm::is_subclass(&cls, &dict_t) {
        let items = vm.getattr(&obj, &Vm::str_val("items"))?;
        let view = vm.call(&items, &[], &[])?;
        vm.get_iter(&view)?
    } else {
        Value::None
    };
    Ok(Vm::new_tuple(vec![
        func, newargs, state, listitems, dictitems,
    ]))
}

/// `object.__getattribute__`: attribute lookup without the class's own `__getattribute__`.
pub(crate) static GETATTRIBUTE: NativeFn = NativeFn::new("object.__getattribute__", getattribute);

fn init_subclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() || a.pos.len() > 1 {
        let name = match a.get(0).and_then(|c| c.as_obj()) {
            Some(c) => Vm::class_name(c),
            None => "object".into(),
        };
        return Err(if a.kw.is_empty() {
            vm.type_error(format!(
                "{name}.__init_subclass__() takes no arguments ({} given)",
                a.pos.len() - 1
            ))
        } else {
            vm.type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            ))
        });
    }
    Ok(Value::None)
}

fn getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(o), Some(name)) = (a.get(0), a.get(1)) else {
        return Err(vm.type_error(format!(
            "expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        )));
    }
    vm.generic_getattr(o, name)
        .map_err(|e| vm.attr_error_context(e, o, name))
}

fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // Extra arguments are an error unless the class overrides `__new__` but not `__init__`
    // (CPython's `object_init`); built-in bases and exceptions check their own.
    if a.pos.len() > 1 || !a.kw.is_empty() {
        if let Some(Value::Obj(o)) = a.get(0) {
            let cls = vm.type_of(&Value::Obj(o.clone()));
            if plain_class(vm, &cls) {
                if vm.lookup_user_attr(&cls, "__init__").is_some() {
                    return Err(vm.type_error(
                        "object.__init__() takes exactly one argument (the instance to initialize)",
                    ));
                }
                if vm.lookup_user_attr(&cls, "__new__").is_none() {
                    return Err(vm.type_error(format!(
                        "{}.__init__() takes exactly one argument (the instance to initialize)",
                        Vm::class_name(&cls)
                    )));
                }
            }
        }
    }
    Ok(Value::None)
}

/// A class of program objects with no built-in base (nor an exception): the classes
/// `object.__new__`/`__init__` check extra arguments for.
fn plain_class(vm: &Vm, cls: &ObjRef) -> bool {
    matches!(cls.get(), Object::Class(c) if c.kind != TypeKind::Exception)
        && vm.builtin_base_kind(cls).is_none()
}

/// `object.__new__(cls, *args)`: an instance of `cls`, wrapping a value of its built-in base
/// when it has one.
fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.get(0).and_then(|c| c.as_obj()).cloned() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if matches!(cls.get(), Object::Class(c) if c.abstract_) {
        return Err(abstract_instantiation(vm, &cls));
    }
    // A built-in value type lays its values out its own way (`object.__new__(int)`). Only
    // the types with a `__new__` of their own: the others' (`types.ModuleType.__new__`)
    // comes here.
    if let Object::Class(c) = cls.get() {
        if c.builtin
            && matches!(
                c.kind,
                TypeKind::Int
                    | TypeKind::Bool
                    | TypeKind::Float
                    | TypeKind::Complex
                    | TypeKind::Str
                    | TypeKind::Bytes
                    | TypeKind::Tuple
                    | TypeKind::List
                    | TypeKind::Dict
                    | TypeKind::Set
                    | TypeKind::FrozenSet
            )
        {
            let other = Vm::class_name(&cls);
            return Err(vm.type_error(format!(
                "object.__new__({other}) is not safe, use {other}.__new__()"
            )));
        }
    }
    // Extra arguments are an error unless the class overrides `__init__` but not `__new__`
    // (CPython's `object_new`).
    if (a.pos.len() > 1 || !a.kw.is_empty()) && plain_class(vm, &cls) {
        if vm.lookup_user_attr(&cls, "__new__").is_some() {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if vm.lookup_user_attr(&cls, "__init__").is_none() {
            return Err(vm.type_error(format!("{}() takes no arguments", Vm::class_name(&cls))));
        }
    }
    let is_exc = matches!(cls.get(), Object::Class(c) if c.kind == TypeKind::Exception);
    let base = match vm.builtin_base_kind(&cls) {
        // Lists, dicts and sets are filled by `__init__`.
        Some(k @ (TypeKind::List | TypeKind::Dict | TypeKind::Set)) => {
            vm.construct_builtin(k, &[], &[])?
        }
        Some(TypeKind::Module) => super::module::empty(),
        Some(TypeKind::Iterator) => {
            crate::builtins::functions::construct_iter_type(vm, &cls, &a.pos[1..], &[])?
        }
        // Arguments the base's constructor refuses are left to the subclass's `__init__`.
        Some(k) => match vm.construct_builtin(k, &a.pos[1..], &[]) {
            Ok(v) => v,
            Err(_) => vm.construct_builtin(k, &[], &[])?,
        },
        None => Value::Null,
    };
    let mut group_items = None;
    let cls = if is_exc && super::exception_group::is_group_class(vm, &cls) {
        let (class, items) = super::exception_group::new_group(vm, &cls, &a.pos[1..])?;
        group_items = Some(items);
        class
    } else {
        cls
    };
    let inst = Value::obj(Object::Instance(Instance {
        class: cls,
        own: Dict::new(),
        dict_obj: None,
        exc: if is_exc {
            Some(Box::new(ExcData {
                args: a.pos[1..].to_vec(),
                ..Default::default()
            }))
        } else {
            None
        },
        base,
    }));
    crate::vm::call::mark_has_del(&inst);

    if matches!(inst.body(), Some(Object::Instance(i)) if matches!(i.base.body(), Some(Object::Module(_))))
    {
        super::module::attach(vm, &inst);
    }
    if let (Some(items), Value::Obj(e)) = (group_items, &inst) {
        super::exception_group::init_group(e, items);
    }
    Ok(inst)
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

/// `object.__format__(self, spec)`: `str(self)` for an empty spec, else a `TypeError`.
fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(v), Some(spec)) = (a.get(0), a.get(1)) else {
        return Err(vm.type_error(format!(
            "object.__format__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    let Some(spec) = spec.as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(v)
        )));
    }
    let text = vm.str_of(v)?;
    Ok(Vm::str_val(text))
}

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(o), Some(name), Some(v)) = (a.get(0), a.get(1), a.get(2)) else {
        return Err(vm.type_error("__setattr__ expected 2 arguments"));
    };
    // A class's attributes are set by `type.__setattr__` only.
    if let Some(Object::Class(_)) = o.body() {
        return Err(vm.type_error(format!(
            "can't apply this __setattr__ to {} object",
            vm.type_name(o)
        )));
    }
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        )));
    }
    vm.setattr_generic(o, name, v.clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(o), Some(name)) = (a.get(0), a.get(1)) else {
        return Err(vm.type_error(format!("expected 2 arguments, got {}", a.pos.len())));
    };
    if let Some(Object::Class(_)) = o.body() {
        return Err(vm.type_error(format!(
            "can't apply this __delattr__ to {} object",
            vm.type_name(o)
        )));
    }
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        )));
    }
    vm.delattr_generic(o, name)?;
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
    if a.get(0).and_then(crate::value::num::inst_base).is_some() {
        return super::dunders::builtin_base_eq(vm, a, true);
    }
    Ok(identity(a, true))
}

/// `object.__ne__`: the inverse of the class's `__eq__`, unless that is `NotImplemented`.
fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.get(0).and_then(crate::value::num::inst_base).is_some() {
        return super::dunders::builtin_base_eq(vm, a, false);
    }
    let (Some(x), Some(y)) = (a.get(0), a.get(1)) else {
        return Ok(identity(a, false));
    };
    if !matches!(x.body(), Some(Object::Instance(_))) {
        return match vm.compare(CompareOp::Eq, x, y)? {
            Value::NotImplemented => Ok(Value::NotImplemented),
            r => Ok(Value::Bool(!vm.truthy(&r)?)),
        };
    }
    let cls = vm.type_of(x);
    let Some(eq) = vm.lookup_class_attr(&cls, "__eq__") else {
        return Ok(identity(a, false));
    };
    match vm.call(&eq, &[x.clone(), y.clone()], &[])? {
        Value::NotImplemented => Ok(Value::NotImplemented),
        r => Ok(Value::Bool(!vm.truthy(&r)?)),
    }
}

/// An ordering reached through `object`: a built-in subclass's value orders as its built-in
/// type does; anything else is unordered.
fn order(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult<Value> {
    if a.get(0).and_then(crate::value::num::inst_base).is_some() {
        return super::dunders::builtin_base_order(vm, a, op);
    }
    Ok(Value::NotImplemented)
}

fn hash(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(
        (a.get(0).map(|v| v.id()).unwrap_or(0) >> 4) as i64,
    ))
}

/// The error of instantiating a class whose `__abstractmethods__` is non-empty, naming the
/// methods in sorted order as CPython does.
pub(crate) fn abstract_instantiation(vm: &mut Vm, cls: &ObjRef) -> ObjRef {
    let name = match cls.get() {
        Object::Class(c) => c.name.clone(),
        _ => String::new(),
    };
    let methods = vm
        .getattr(
            &Value::Obj(cls.clone()),
            &Vm::str_val("__abstractmethods__"),
        )
        .and_then(|m| vm.collect(&m));
    let mut names: Vec<String> = match methods {
        Ok(items) => items
            .iter()
            .map(|v| v.as_str().map_or_else(String::new, str::to_string))
            .collect(),
        Err(e) => return e,
    };
    names.sort();
    let plural = if names.len() == 1 { "" } else { "s" };
    vm.type_error(format!(
        "Can't instantiate abstract class {name} with abstract method{plural} {}",
        names.join(", ")
    ))
}
