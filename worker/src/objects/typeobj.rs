//! `type`: the metaclass of every class. `type.__new__` creates classes (also for program
//! metaclasses through `super().__new__`), `type.__call__` instantiates, `type.__init__`
//! accepts the class-creation arguments.

use crate::value::heap::ObjRef;
use crate::value::object::{Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// `type.__new__`.
pub(crate) static NEW: NativeFn = NativeFn::new("type.__new__", new);
/// `type.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("type.__init__", init);
/// `type.__call__`.
pub(crate) static CALL: NativeFn = NativeFn::new("type.__call__", call);
/// `type.mro`.
pub(crate) static MRO: NativeFn = NativeFn::new("type.mro", mro);
/// `type.__subclasses__`: the live direct subclasses, oldest first.
pub(crate) static SUBCLASSES: NativeFn =
    NativeFn::method("type.__subclasses__", subclasses, Arity::NoArgs, None);

/// `type.__setattr__`: what a metaclass's `__setattr__` reaches through `super()`.
pub(crate) static SETATTR: NativeFn =
    NativeFn::method("type.__setattr__", setattr, Arity::Range(2, 2), None);
/// `type.__delattr__`.
pub(crate) static DELATTR: NativeFn =
    NativeFn::method("type.__delattr__", delattr, Arity::Range(1, 1), None);

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = class_arg(vm, a.get(0), "__setattr__")?;
    let name = a.get(1).cloned().unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&name)
        )));
    }
    let v = a.get(2).cloned().unwrap_or(Value::None);
    vm.set_class_attr(&cls, &Value::Obj(cls.clone()), &name, v)?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = class_arg(vm, a.get(0), "__delattr__")?;
    let name = a.get(1).cloned().unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&name)
        )));
    }
    vm.delattr_raw(&Value::Obj(cls), &name)?;
    Ok(Value::None)
}

fn subclasses(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0).and_then(|c| c.body()) {
        Some(Object::Class(c)) => Ok(Vm::new_list(
            c.subclasses
                .iter()
                .filter_map(|w| w.get())
                .map(Value::Obj)
                .collect(),
        )),
        _ => Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object")),
    }
}

/// The class receiver of `type.<method>`, with CPython's messages otherwise.
fn class_arg(vm: &Vm, v: Option<&Value>, method: &str) -> PyResult<ObjRef> {
    match v {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => Ok(o.clone()),
        None => Err(vm.type_error(format!("unbound method type.{method}() needs an argument"))),
        Some(v) if method == "__new__" => Err(vm.type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            vm.type_name(v)
        ))),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{method}' for 'type' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

/// `type.__new__(meta, name, bases, dict, **kw)`.
fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    }
    let meta = class_arg(vm, a.get(0), "__new__")?;
    let args = &a.pos[1..];
    if args.len() == 1 && a.kw.is_empty() && meta.ptr_eq(vm.type_obj(TypeKind::Type)) {
        return Ok(Value::Obj(vm.type_of(&args[0])));
    }
    if args.len() != 3 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments (0 given)"));
    }
    let Some(name) = args[0].as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let bases_v = match args[1].body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                vm.type_name(&args[1])
            )))
        }
    };
    let dict = match args[2].body() {
        Some(Object::Dict(d)) => d.clone(),
        Some(Object::Instance(i)) => match i.base.body() {
            Some(Object::Dict(d)) => d.clone(),
            _ => return Err(not_dict(vm, &args[2])),
        },
        _ => return Err(not_dict(vm, &args[2])),
    };
    let winner = vm.most_derived_meta(meta.clone(), &bases_v)?;
    if !winner.ptr_eq(&meta) {
        // A more derived metaclass with its own `__new__` creates the class instead.
        if let Some(wnew) = vm.lookup_user_attr(&winner, "__new__") {
            let wnew = match wnew.body() {
                Some(Object::StaticMethod(f)) => f.clone(),
                _ => wnew,
            };
            let mut all = vec![Value::Obj(winner)];
            all.extend_from_slice(&a.raw[1..]);
            return vm.call(&wnew, &all, a.kwnames);
        }
    }
    let mut bases = Vec::with_capacity(bases_v.len().max(1));
    for b in &bases_v {
        match b.as_obj() {
            Some(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
            _ => return Err(vm.type_error("bases must be types")),
        }
    }
    if bases.is_empty() {
        bases.push(vm.type_obj(TypeKind::Object).clone());
    }
    let kw: Vec<(Value, Value)> =
        a.kw.iter()
            .map(|(k, v)| (Vm::str_val(*k), (*v).clone()))
            .collect();
    Ok(Value::Obj(vm.type_new(&winner, &name, bases, dict, &kw)?))
}

fn not_dict(vm: &Vm, v: &Value) -> crate::value::heap::ObjRef {
    vm.type_error(format!(
        "type.__new__() argument 3 must be dict, not {}",
        vm.type_name(v)
    ))
}

/// `type.__init__(cls, ...)`: the work is done by `__new__`; only the count is checked.
fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.pos.len().saturating_sub(1);
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    if n == 1 && !a.kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: `cls.__new__` then `__init__`, without consulting a
/// metaclass `__call__` again.
fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = class_arg(vm, a.get(0), "__call__")?;
    vm.call_class_default(&cls, &a.raw[1..], a.kwnames)
}

/// `C.mro()`: the linearisation as a list.
fn mro(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = class_arg(vm, a.get(0), "mro")?;
    let items = match cls.get() {
        Object::Class(c) => c.mro.iter().map(|k| Value::Obj(k.clone())).collect(),
        _ => Vec::new(),
    };
    Ok(Vm::new_list(items))
}

/// Creates a class from `type(name, bases, dict)`-style arguments with `meta`'s `__new__`
/// and `__init__` (the default `type.__call__` for metaclasses).
pub(crate) fn call_meta(
    vm: &mut Vm,
    meta: &ObjRef,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if meta.ptr_eq(vm.type_obj(TypeKind::Type)) {
        if npos == 1 && kwnames.is_empty() {
            return Ok(Value::Obj(vm.type_of(&args[0])));
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let new = vm
        .lookup_class_attr(meta, "__new__")
        .unwrap_or(Value::Native(&NEW));
    let new = match new.body() {
        Some(Object::StaticMethod(f)) => f.clone(),
        _ => new,
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(Value::Obj(meta.clone()));
    all.extend_from_slice(args);
    let made = vm.call(&new, &all, kwnames)?;
    if Vm::is_subclass(&vm.type_of(&made), meta) {
        if let Some(init) = vm.lookup_class_attr(meta, "__init__") {
            all[0] = made.clone();
            vm.call(&init, &all, kwnames)?;
        }
    }
    Ok(made)
}

/// `cls.__flags__`: CPython 3.11's type flags as far as they are observable here: the
/// built-in types' own values, and for a class statement's class the heap-type bits, the
/// built-in base's subclass bits, a managed `__dict__` and `Py_TPFLAGS_IS_ABSTRACT`
/// (what `inspect.isabstract` reads).
pub(crate) fn flags(cls: &ObjRef) -> i64 {
    const MANAGED_DICT: i64 = 1 << 4;
    const HEAP: i64 = 0x5600; // HEAPTYPE | BASETYPE | READY | HAVE_GC
    const ABSTRACT: i64 = 1 << 20;
    // What a subclass inherits: SEQUENCE, MAPPING, MATCH_SELF and the *_SUBCLASS bits.
    const INHERITED: i64 = 0x20 | 0x40 | (1 << 22) | (0xff << 24);
    let builtin = |kind: TypeKind| -> i64 {
        match kind {
            TypeKind::Int => 0x1481500,
            TypeKind::Bool => 0x1481100,
            TypeKind::Float => 0x401500,
            TypeKind::Complex => 0x1500,
            TypeKind::Str => 0x10481500,
            TypeKind::Bytes => 0x8481500,
            TypeKind::List => 0x2485520,
            TypeKind::Tuple => 0x4485520,
            TypeKind::Dict => 0x20485540,
            TypeKind::Set | TypeKind::FrozenSet => 0x485500,
            TypeKind::Range => 0x81120,
            TypeKind::Type => 0x80085d00_u32 as i64,
            TypeKind::Exception => 0x40085500,
            TypeKind::Property | TypeKind::ClassMethod | TypeKind::StaticMethod => 0x85500,
            _ => 0x81500,
        }
    };
    let Object::Class(c) = cls.get() else {
        return 0;
    };
    let abstract_bit = if c.abstract_ { ABSTRACT } else { 0 };
    if c.builtin {
        return builtin(c.kind) | abstract_bit;
    }
    let base = c
        .mro
        .iter()
        .find_map(|k| match k.get() {
            Object::Class(kc) if kc.builtin => Some(builtin(kc.kind)),
            _ => None,
        })
        .unwrap_or(0);
    let is_exc = base & (1 << 30) != 0;
    // Exceptions keep their own dict; `__slots__` classes have none.
    let dict = if is_exc || c.slots.is_some() {
        0
    } else {
        MANAGED_DICT
    };
    HEAP | dict | (base & INHERITED) | abstract_bit
}
