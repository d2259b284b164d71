//! The built-in descriptor types `property`, `classmethod` and `staticmethod`: their
//! constructors, `__init__` (which also fills the built-in state of a subclass instance, held
//! as that instance's `base`), `__get__`/`__set__`/`__delete__`, `getter`/`setter`/`deleter`
//! (a copy made by calling the receiver's own type), `__set_name__`, and their data
//! attributes (`fget`, `__func__`, `__isabstractmethod__` ...).

use crate::value::object::{Object, Prop};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of `property`.
pub(crate) static PROPERTY_METHODS: &[NativeFn] = &[
    NativeFn::new("property.__init__", prop_init),
    NativeFn::method("property.__get__", prop_get, Arity::Range(1, 2), None),
    NativeFn::method("property.__set__", prop_set, Arity::Range(2, 2), None),
    NativeFn::method("property.__delete__", prop_delete, Arity::One, None),
    NativeFn::method("property.getter", getter, Arity::One, None),
    NativeFn::method("property.setter", setter, Arity::One, None),
    NativeFn::method("property.deleter", deleter, Arity::One, None),
    NativeFn::method(
        "property.__set_name__",
        set_name,
        Arity::Range(0, usize::MAX),
        None,
    ),
];

/// The methods of `classmethod`.
pub(crate) static CLASSMETHOD_METHODS: &[NativeFn] = &[
    NativeFn::new("classmethod.__init__", cm_init),
    NativeFn::method("classmethod.__get__", cm_get, Arity::Range(1, 2), None),
];

/// The methods of `staticmethod`.
pub(crate) static STATICMETHOD_METHODS: &[NativeFn] = &[
    NativeFn::new("staticmethod.__init__", sm_init),
    NativeFn::method("staticmethod.__get__", sm_get, Arity::Range(1, 2), None),
];

fn is_property(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Property(_)))
}

fn is_classmethod(v: &Value) -> bool {
    matches!(v.body(), Some(Object::ClassMethod(_)))
}

fn is_staticmethod(v: &Value) -> bool {
    matches!(v.body(), Some(Object::StaticMethod(_)))
}

/// The built-in descriptor a subclass instance carries (`class P(property)`), if any.
pub(crate) fn descr_base(v: &Value) -> Option<Value> {
    match v.body() {
        Some(Object::Instance(i))
            if matches!(
                i.base.body(),
                Some(Object::Property(_) | Object::ClassMethod(_) | Object::StaticMethod(_))
            ) =>
        {
            Some(i.base.clone())
        }
        _ => None,
    }
}

/// The receiver of a descriptor method: the descriptor itself, or a subclass instance's.
fn recv(vm: &Vm, a: &Args, ty: &str, method: &str, is: fn(&Value) -> bool) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if is(v) => Ok(v.clone()),
        Some(v) => match descr_base(v) {
            Some(b) if is(&b) => Ok(b),
            _ => Err(vm.type_error(format!(
                "descriptor '{method}' requires a '{ty}' object but received a '{}'",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!(
            "descriptor '{method}' of '{ty}' object needs an argument"
        ))),
    }
}

/// A new empty descriptor of `kind`, the state a subclass instance starts from.
pub(crate) fn empty(kind: crate::value::object::TypeKind) -> Value {
    use crate::value::object::TypeKind;
    match kind {
        TypeKind::ClassMethod => Value::obj(Object::ClassMethod(Value::None)),
        TypeKind::StaticMethod => Value::obj(Object::StaticMethod(Value::None)),
        _ => Value::obj(Object::Property(Box::new(Prop::empty()))),
    }
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub(crate) fn construct_property(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = Value::obj(Object::Property(Box::new(Prop::empty())));
    let mut raw = Vec::with_capacity(a.raw.len() + 1);
    raw.push(p.clone());
    raw.extend_from_slice(a.raw);
    prop_init(vm, &Args::new(&raw, a.kwnames))?;
    Ok(p)
}

/// `classmethod(f)` / `staticmethod(f)`.
pub(crate) fn construct_wrapper(vm: &mut Vm, a: &Args, class: bool) -> PyResult<Value> {
    let f = wrapper_arg(vm, a, 0, class)?;
    Ok(Value::obj(if class {
        Object::ClassMethod(f)
    } else {
        Object::StaticMethod(f)
    }))
}

/// The one argument of `classmethod`/`staticmethod`, from position `first` on.
fn wrapper_arg(vm: &Vm, a: &Args, first: usize, class: bool) -> PyResult<Value> {
    let name = if class { "classmethod" } else { "staticmethod" };
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(first);
    if n != 1 {
        return Err(vm.type_error(format!("{name} expected 1 argument, got {n}")));
    }
    Ok(a.pos[first].clone())
}

fn prop_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let target = recv(vm, a, "property", "__init__", is_property)?;
    let npos = a.pos.len().saturating_sub(1);
    if npos > 4 {
        return Err(vm.type_error(format!(
            "property() takes at most 4 arguments ({npos} given)"
        )));
    }
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    for (k, _) in &a.kw {
        match NAMES.iter().position(|n| n == k) {
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for property()"
                )))
            }
            Some(i) if i < npos => {
                return Err(vm.type_error(format!(
                    "argument for property() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            _ => {}
        }
    }
    let arg = |i: usize| {
        a.get(i + 1)
            .or_else(|| a.kw(NAMES[i]))
            .cloned()
            .unwrap_or(Value::None)
    };
    let (fget, fset, fdel, doc) = (arg(0), arg(1), arg(2), arg(3));
    let subclass = !a.get(0).is_some_and(is_property);
    let mut getter_doc = false;
    let mut doc = doc;
    if matches!(doc, Value::None) && !matches!(fget, Value::None) {
        if let Some(d) = vm.getattr_opt(&fget, "__doc__")? {
            // A subclass surfaces a getter's None docstring as no docstring.
            if !(subclass && matches!(d, Value::None)) {
                doc = d;
                getter_doc = true;
            }
        }
    }
    if let Some(Object::Property(p)) = target.as_obj().map(|o| o.get_mut()) {
        p.fget = fget;
        p.fset = fset;
        p.fdel = fdel;
        p.getter_doc = getter_doc;
        p.doc = if subclass { Value::None } else { doc.clone() };
    }
    if subclass {
        // A subclass's class dict has its own `__doc__`, which would shadow the property's:
        // the docstring goes in the instance dict.
        if let Some(Object::Instance(i)) = a.get(0).and_then(|v| v.as_obj()).map(|o| o.get_mut()) {
            crate::value::dict_table::dict_set_str(i.table_mut(), "__doc__", doc);
        }
    }
    Ok(Value::None)
}

/// The attribute name CPython's messages use: "property 'x' of" or "property of".
fn prop_label(p: &Prop) -> String {
    match p.name.as_str() {
        Some(n) => format!("property '{n}'"),
        None => "property".to_string(),
    }
}

/// The qualified name of `obj`'s type, as the property messages give it.
fn type_qualname(vm: &Vm, obj: &Value) -> String {
    match vm.type_of(obj).get() {
        Object::Class(c) => c.qualname.to_string(),
        _ => vm.type_name(obj),
    }
}

/// `prop.__get__(obj)` for an instance `obj`.
pub(crate) fn get_value(vm: &mut Vm, prop: &Value, obj: &Value) -> PyResult<Value> {
    let Some(Object::Property(p)) = prop.body() else {
        return Ok(prop.clone());
    };
    if matches!(p.fget, Value::None | Value::Null) {
        return Err(vm.err(
            ExcKind::AttributeError,
            format!(
                "{} of '{}' object has no getter",
                prop_label(p),
                type_qualname(vm, obj)
            ),
        ));
    }
    let fget = p.fget.clone();
    vm.call(&fget, std::slice::from_ref(obj), &[])
}

/// `prop.__set__(obj, v)`, or `prop.__delete__(obj)` when `v` is `None`.
pub(crate) fn set_value(vm: &mut Vm, prop: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(Object::Property(p)) = prop.body() else {
        return Ok(());
    };
    let (f, what) = match v {
        Some(_) => (p.fset.clone(), "setter"),
        None => (p.fdel.clone(), "deleter"),
    };
    if matches!(f, Value::None | Value::Null) {
        return Err(vm.err(
            ExcKind::AttributeError,
            format!(
                "{} of '{}' object has no {what}",
                prop_label(p),
                type_qualname(vm, obj)
            ),
        ));
    }
    match v {
        Some(v) => vm.call(&f, &[obj.clone(), v], &[])?,
        None => vm.call(&f, std::slice::from_ref(obj), &[])?,
    };
    Ok(())
}

fn prop_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = recv(vm, a, "property", "__get__", is_property)?;
    let obj = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(obj, Value::None) {
        return Ok(a.pos[0].clone());
    }
    get_value(vm, &p, &obj)
}

fn prop_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = recv(vm, a, "property", "__set__", is_property)?;
    set_value(vm, &p, &a.pos[1], Some(a.pos[2].clone()))?;
    Ok(Value::None)
}

fn prop_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = recv(vm, a, "property", "__delete__", is_property)?;
    set_value(vm, &p, &a.pos[1], None)?;
    Ok(Value::None)
}

fn set_name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = recv(vm, a, "property", "__set_name__", is_property)?;
    if a.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            a.pos.len() - 1
        )));
    }
    if let Some(Object::Property(p)) = p.as_obj().map(|o| o.get_mut()) {
        p.name = a.pos[2].clone();
    }
    Ok(Value::None)
}

/// Which accessor a copy replaces.
#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
    Del,
}

/// A copy of the property with one accessor replaced, made by calling the receiver's type.
fn replace(vm: &mut Vm, a: &Args, method: &str, which: Accessor) -> PyResult<Value> {
    let p = recv(vm, a, "property", method, is_property)?;
    let f = a.get(1).cloned().unwrap_or(Value::None);
    let Some(Object::Property(old)) = p.body() else {
        return Err(vm.type_error("property expected"));
    };
    let (mut fget, mut fset, mut fdel) = (old.fget.clone(), old.fset.clone(), old.fdel.clone());
    match which {
        Accessor::Get => fget = f,
        Accessor::Set => fset = f,
        Accessor::Del => fdel = f,
    }
    let doc = if old.getter_doc && !matches!(fget, Value::None) {
        Value::None
    } else {
        old.doc.clone()
    };
    let name = old.name.clone();
    let ty = vm.type_of(&a.pos[0]);
    let new = vm.call(&Value::Obj(ty), &[fget, fset, fdel, doc], &[])?;
    let target = if is_property(&new) {
        Some(new.clone())
    } else {
        descr_base(&new).filter(is_property)
    };
    if let Some(Object::Property(np)) = target
        .as_ref()
        .and_then(|t| t.as_obj())
        .map(|o| o.get_mut())
    {
        np.name = name;
    }
    Ok(new)
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

fn cm_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let target = recv(vm, a, "classmethod", "__init__", is_classmethod)?;
    let f = wrapper_arg(vm, a, 1, true)?;
    if let Some(Object::ClassMethod(slot)) = target.as_obj().map(|o| o.get_mut()) {
        *slot = f;
    }
    Ok(Value::None)
}

fn sm_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let target = recv(vm, a, "staticmethod", "__init__", is_staticmethod)?;
    let f = wrapper_arg(vm, a, 1, false)?;
    if let Some(Object::StaticMethod(slot)) = target.as_obj().map(|o| o.get_mut()) {
        *slot = f;
    }
    Ok(Value::None)
}

fn cm_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cm = recv(vm, a, "classmethod", "__get__", is_classmethod)?;
    let obj = a.get(1).cloned().unwrap_or(Value::None);
    let ty = a.get(2).cloned().unwrap_or(Value::None);
    let ty = match (&obj, ty) {
        (Value::None, Value::None) => {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        (o, Value::None) => Value::Obj(vm.type_of(o)),
        (_, t) => t,
    };
    let Some(Object::ClassMethod(f)) = cm.body() else {
        return Ok(Value::None);
    };
    Ok(Value::obj(Object::BoundMethod {
        func: f.clone(),
        receiver: ty,
    }))
}

fn sm_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sm = recv(vm, a, "staticmethod", "__get__", is_staticmethod)?;
    match sm.body() {
        Some(Object::StaticMethod(f)) => Ok(f.clone()),
        _ => Ok(Value::None),
    }
}

/// Whether any of `fs` has a true `__isabstractmethod__`.
fn any_abstract(vm: &mut Vm, fs: &[Value]) -> PyResult<bool> {
    for f in fs {
        if matches!(f, Value::None | Value::Null) {
            continue;
        }
        if let Some(v) = vm.getattr_opt(f, "__isabstractmethod__")? {
            if vm.truthy(&v)? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// A data attribute of a built-in descriptor `d` (not a subclass instance): `fget`, `fset`,
/// `fdel`, `__doc__`, `__isabstractmethod__` of a property; `__func__`, `__wrapped__`,
/// `__isabstractmethod__` and the wrapped function's `__name__`, `__qualname__`, `__doc__`,
/// `__module__` of a class or static method.
pub(crate) fn descr_attr(vm: &mut Vm, d: &Value, name: &str) -> PyResult<Option<Value>> {
    match d.body() {
        Some(Object::Property(p)) => {
            let v = match name {
                "fget" => p.fget.clone(),
                "fset" => p.fset.clone(),
                "fdel" => p.fdel.clone(),
                "__doc__" => p.doc.clone(),
                "__isabstractmethod__" => {
                    let fs = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
                    return Ok(Some(Value::Bool(any_abstract(vm, &fs)?)));
                }
                _ => return Ok(None),
            };
            Ok(Some(if v.is_null() { Value::None } else { v }))
        }
        Some(Object::ClassMethod(f) | Object::StaticMethod(f)) => {
            let f = f.clone();
            match name {
                "__func__" | "__wrapped__" => Ok(Some(f)),
                "__isabstractmethod__" => Ok(Some(Value::Bool(any_abstract(vm, &[f])?))),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => vm.getattr_opt(&f, name),
                _ => Ok(None),
            }
        }
        _ => Ok(None),
    }
}
