//! Attributes and classes: lookup through the MRO (instance dict, then class attributes with
//! functions binding to methods, properties, static and class methods), `LOAD_METHOD`
//! without bound-method allocation, `__build_class__` with C3 linearisation, `super()`, and the
//! read-only attributes of functions and code objects.

use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{Class, Object, TypeKind};
use crate::value::Value;
use crate::vm::ops::{key_eq, str_hash_of};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

pub(crate) fn dict_get_str<'a>(d: &'a Dict, name: &str) -> Option<&'a Value> {
    d.get(str_hash_of(name), &mut |k| k.as_str() == Some(name))
}

#[inline]
pub fn dict_get_h<'a>(d: &'a Dict, hash: i64, name: &str) -> Option<&'a Value> {
    d.get_with(hash, |k| match k {
        // Names from the image compare by record address first (the common case: the same
        // attribute name constant stored and loaded).
        Value::Str(s) if std::ptr::eq(s.as_str().as_ptr(), name.as_ptr()) => {
            s.as_str().len() == name.len()
        }
        _ => k.as_str() == Some(name),
    })
}

pub fn dict_set_str(d: &mut Dict, name: &str, v: Value) {
    d.insert(str_hash_of(name), Vm::str_val(name), v, &mut |k| {
        k.as_str() == Some(name)
    });
}

impl Vm {
    /// Looks `name` up along `cls`'s MRO.
    pub fn lookup_class_attr(&self, cls: &ObjRef, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                if let Some(v) = dict_get_str(&kc.dict, name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    /// `lookup_class_attr` with the name's hash already known.
    pub fn lookup_class_attr_h(&self, cls: &ObjRef, hash: i64, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                if let Some(v) = dict_get_h(&kc.dict, hash, name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    /// As `lookup_class_attr`, but only attributes defined by program classes.
    pub fn lookup_user_attr(&self, cls: &ObjRef, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                if kc.module == "builtins" {
                    continue;
                }
                if let Some(v) = dict_get_str(&kc.dict, name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    fn attr_error(&self, v: &Value, name: &str) -> ObjRef {
        let msg = match v.body() {
            Some(Object::Class(c)) => {
                format!("type object '{}' has no attribute '{}'", c.name, name)
            }
            Some(Object::Module(m)) => {
                let shown = m
                    .get("__name__")
                    .and_then(|n| n.as_str())
                    .unwrap_or(&m.name);
                let sub = self.module_index(&format!("{shown}.{name}"));
                match v.as_obj() {
                    Some(o) if self.module_initializing(o) => format!(
                        "partially initialized module '{shown}' has no attribute '{name}' \
                         (most likely due to a circular import)"
                    ),
                    // A submodule whose top level is running is bound on its package only
                    // when it finishes.
                    _ if sub.is_some_and(|i| self.initializing[i as usize]) => format!(
                        "cannot access submodule '{name}' of module '{shown}' (most likely due \
                         to a circular import)"
                    ),
                    _ => format!("module '{shown}' has no attribute '{name}'"),
                }
            }
            _ => format!("'{}' object has no attribute '{}'", self.type_name(v), name),
        };
        self.err(ExcKind::AttributeError, msg)
    }

    /// Binds a class attribute found for an instance access.
    /// Whether a class attribute takes precedence over the instance dict (a property, or a
    /// user descriptor defining `__set__` or `__delete__`).
    fn is_data_descriptor(&self, a: &Value) -> bool {
        match a.body() {
            Some(Object::Property { .. }) => true,
            Some(Object::Instance(i)) => {
                self.lookup_user_attr(&i.class, "__set__").is_some()
                    || self.lookup_user_attr(&i.class, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Whether a value is a user descriptor (its class defines `__get__`).
    fn is_user_descriptor(&self, a: &Value) -> bool {
        match a.body() {
            Some(Object::Instance(i)) => {
                self.lookup_user_attr(&i.class, "__get__").is_some()
                    || self.lookup_user_attr(&i.class, "__set__").is_some()
            }
            _ => false,
        }
    }

    fn bind_attr(&mut self, attr: Value, receiver: &Value, cls: &ObjRef) -> PyResult<Value> {
        if let Some(Object::Instance(i)) = attr.body() {
            if let Some(get) = self.lookup_user_attr(&i.class, "__get__") {
                return self.call(
                    &get,
                    &[attr.clone(), receiver.clone(), Value::Obj(cls.clone())],
                    &[],
                );
            }
            return Ok(attr);
        }
        match attr.body() {
            Some(Object::Function(_)) => Ok(Value::obj(Object::BoundMethod {
                func: attr.clone(),
                receiver: receiver.clone(),
            })),
            Some(Object::Property { fget, .. }) => {
                let fget = fget.clone();
                if fget.is_null() || matches!(fget, Value::None) {
                    return Err(self.err(ExcKind::AttributeError, "property has no getter"));
                }
                self.call(&fget, std::slice::from_ref(receiver), &[])
            }
            Some(Object::StaticMethod(f)) => Ok(f.clone()),
            Some(Object::ClassMethod(f)) => Ok(Value::obj(Object::BoundMethod {
                func: f.clone(),
                receiver: Value::Obj(cls.clone()),
            })),
            _ => match &attr {
                Value::Native(_) => Ok(Value::obj(Object::BoundMethod {
                    func: attr.clone(),
                    receiver: receiver.clone(),
                })),
                _ => Ok(attr),
            },
        }
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr(obj, &Vm::str_val(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `obj.name`.
    pub fn getattr(&mut self, obj: &Value, name_v: &Value) -> PyResult<Value> {
        let name = name_v.as_str().unwrap_or("");
        if let Value::Obj(o) = obj {
            match o.get() {
                Object::Instance(inst) => {
                    let hash = crate::vm::ops::str_hash_value(name_v);
                    if let Some(v) = dict_get_h(&inst.dict, hash, name) {
                        let v = v.clone();
                        let has_props =
                            matches!(inst.class.get(), Object::Class(c) if c.has_properties);
                        if !has_props {
                            return Ok(v);
                        }
                        // A data descriptor on the class wins over the instance dict.
                        let cls = inst.class.clone();
                        match self.lookup_class_attr_h(&cls, hash, name) {
                            Some(a) if self.is_data_descriptor(&a) => {
                                return self.bind_attr(a, obj, &cls)
                            }
                            _ => return Ok(v),
                        }
                    }
                    let cls = inst.class.clone();
                    let class_attr = self.lookup_class_attr_h(&cls, hash, name);
                    if let Some(a) = class_attr {
                        return self.bind_attr(a, obj, &cls);
                    }
                    if let Some(v) = self.special_instance_attr(o, name) {
                        return Ok(v);
                    }
                    let is_exc = matches!(o.get(), Object::Instance(i) if i.exc.is_some());
                    if is_exc {
                        if let Some(m) = crate::objects::method(TypeKind::Exception, name) {
                            return Ok(Value::obj(Object::BoundMethod {
                                func: Value::Native(m),
                                receiver: obj.clone(),
                            }));
                        }
                    }
                    if let Some(b) = crate::vm::ops::inst_base(obj) {
                        let kind = self.kind_of(&b);
                        if let Some(m) = crate::objects::method(kind, name) {
                            return Ok(Value::obj(Object::BoundMethod {
                                func: Value::Native(m),
                                receiver: b,
                            }));
                        }
                    }
                    if let Some(ga) = self.lookup_user_attr(&cls, "__getattr__") {
                        return self.call(&ga, &[obj.clone(), name_v.clone()], &[]);
                    }
                    return Err(self.attr_error(obj, name));
                }
                Object::Class(c) => {
                    match name {
                        "__name__" => return Ok(Vm::str_val(c.name.as_str())),
                        "__qualname__" => return Ok(Vm::str_val(c.qualname.as_str())),
                        "__module__" => return Ok(Vm::str_val(c.module.as_str())),
                        "__mro__" => {
                            return Ok(Vm::new_tuple(
                                c.mro.iter().map(|k| Value::Obj(k.clone())).collect(),
                            ))
                        }
                        "__bases__" => {
                            return Ok(Vm::new_tuple(
                                c.bases.iter().map(|k| Value::Obj(k.clone())).collect(),
                            ))
                        }
                        "__base__" => {
                            return Ok(c
                                .bases
                                .first()
                                .map(|b| Value::Obj(b.clone()))
                                .unwrap_or(Value::None))
                        }
                        "__doc__" => {
                            if let Some(v) = dict_get_str(&c.dict, "__doc__") {
                                return Ok(v.clone());
                            }
                            return Ok(Value::None);
                        }
                        "__dict__" => {
                            return Ok(Vm::new_dict(c.dict.clone()));
                        }
                        _ => {}
                    }
                    let kind = c.kind;
                    if let Some(a) = self.lookup_class_attr(o, name) {
                        if let Some(Object::Instance(i)) = a.body() {
                            if let Some(get) = self.lookup_user_attr(&i.class, "__get__") {
                                return self.call(
                                    &get,
                                    &[a.clone(), Value::None, obj.clone()],
                                    &[],
                                );
                            }
                        }
                        return Ok(match a.body() {
                            Some(Object::StaticMethod(f)) => f.clone(),
                            Some(Object::ClassMethod(f)) => Value::obj(Object::BoundMethod {
                                func: f.clone(),
                                receiver: obj.clone(),
                            }),
                            _ => a,
                        });
                    }
                    let class_method = match (kind, name) {
                        (TypeKind::Dict, "fromkeys") => Some(&crate::objects::dict::FROMKEYS),
                        (TypeKind::Bytes, "fromhex") => crate::objects::method(kind, name),
                        (TypeKind::Int, "from_bytes") => Some(&crate::objects::int::FROM_BYTES),
                        (TypeKind::Float, "fromhex") => Some(&crate::objects::float::FROMHEX),
                        (TypeKind::Str, "maketrans") => crate::objects::method(kind, name),
                        _ => None,
                    };
                    if let Some(m) = class_method {
                        return Ok(Value::obj(Object::BoundMethod {
                            func: Value::Native(m),
                            receiver: obj.clone(),
                        }));
                    }
                    if let Some(m) = crate::objects::method(kind, name)
                        .or_else(|| crate::objects::dunders::dunder(name))
                    {
                        return Ok(Value::Native(m));
                    }
                    return Err(self.attr_error(obj, name));
                }
                Object::Module(m) => {
                    if let Some(v) = m.get(name) {
                        return Ok(v.clone());
                    }
                    if name == "__name__" {
                        return Ok(Vm::str_val(m.name.as_str()));
                    }
                    // PEP 562: a module-level `__getattr__` answers for missing names.
                    if let Some(hook) = m.get("__getattr__").cloned() {
                        return self.call(&hook, std::slice::from_ref(name_v), &[]);
                    }
                    return Err(self.attr_error(obj, name));
                }
                Object::Function(f) => {
                    return match name {
                        "__name__" => Ok(f.name.clone()),
                        "__qualname__" => Ok(f.qualname.clone()),
                        "__module__" => {
                            let m = self.module_obj(f.module);
                            Ok(match m.get() {
                                Object::Module(m) => {
                                    m.get("__name__").cloned().unwrap_or(Value::None)
                                }
                                _ => Value::None,
                            })
                        }
                        "__defaults__" => Ok(if f.defaults.is_empty() {
                            Value::None
                        } else {
                            Vm::new_tuple(f.defaults.clone())
                        }),
                        "__kwdefaults__" => Ok(match &f.kwdefaults {
                            Some(d) => Value::Obj(d.clone()),
                            None => Value::None,
                        }),
                        "__code__" => Ok(Value::obj(Object::CodeRef(f.code))),
                        "__doc__" => Ok(self.func_doc(f.code)),
                        "__closure__" => Ok(if f.closure.is_empty() {
                            Value::None
                        } else {
                            Vm::new_tuple(f.closure.iter().map(|c| Value::Obj(c.clone())).collect())
                        }),
                        "__dict__" => Ok(Vm::new_dict(f.dict.clone().unwrap_or_default())),
                        _ => match f.dict.as_ref().and_then(|d| dict_get_str(d, name)) {
                            Some(v) => Ok(v.clone()),
                            None => Err(self.attr_error(obj, name)),
                        },
                    };
                }
                Object::CodeRef(c)
                | Object::Code(crate::value::object::HeapCode { index: c, .. }) => {
                    let c = *c;
                    return self
                        .code_attr(c, name)
                        .ok_or_else(|| self.attr_error(obj, name));
                }
                Object::BoundMethod { func, receiver } => {
                    return match name {
                        "__self__" => Ok(receiver.clone()),
                        "__func__" => Ok(func.clone()),
                        _ => {
                            let func = func.clone();
                            self.getattr(&func, name_v)
                        }
                    };
                }
                Object::Super { class, receiver } => {
                    let (class, receiver) = (class.clone(), receiver.clone());
                    return self.super_getattr(&class, &receiver, name);
                }
                Object::Generator(g) => {
                    if name == "__name__" {
                        return Ok(g.name.clone());
                    }
                    if name == "__qualname__" {
                        return Ok(g.qualname.clone());
                    }
                }
                Object::Property { fget, .. } => {
                    if name == "fget" {
                        return Ok(fget.clone());
                    }
                    if name == "setter" || name == "getter" || name == "deleter" {
                        return Ok(Value::obj(Object::BoundMethod {
                            func: Value::Native(match name {
                                "setter" => &crate::objects::property::SETTER,
                                "getter" => &crate::objects::property::GETTER,
                                _ => &crate::objects::property::DELETER,
                            }),
                            receiver: obj.clone(),
                        }));
                    }
                }
                Object::Cell(v) if name == "cell_contents" => return Ok(v.clone()),
                Object::Slice { start, stop, step } => match name {
                    "start" => return Ok(start.clone()),
                    "stop" => return Ok(stop.clone()),
                    "step" => return Ok(step.clone()),
                    _ => {}
                },
                Object::Range { start, stop, step } => match name {
                    "start" => return Ok(start.clone()),
                    "stop" => return Ok(stop.clone()),
                    "step" => return Ok(step.clone()),
                    _ => {}
                },
                _ => {}
            }
        }
        match (obj, name) {
            (_, "__class__") => return Ok(Value::Obj(self.type_of(obj))),
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => {
                return Ok(Value::Int(
                    crate::vm::ops::num_of(obj)
                        .map(|n| match n {
                            crate::vm::ops::Num::I(i) => i,
                            _ => 0,
                        })
                        .unwrap_or(0),
                ))
            }
            (Value::Int(_) | Value::Bool(_), "imag") => return Ok(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => return Ok(Value::Int(1)),
            (Value::Float(f), "real") => return Ok(Value::Float(*f)),
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Native(n), "__name__") => return Ok(Vm::str_val(n.name())),
            (Value::Native(n), "__qualname__") => return Ok(Vm::str_val(n.qualname)),
            _ => {}
        }
        if let Some(Object::BigInt(_)) = obj.body() {
            if name == "real" || name == "numerator" {
                return Ok(obj.clone());
            }
        }
        let kind = self.kind_of(obj);
        if let Some(m) =
            crate::objects::method(kind, name).or_else(|| crate::objects::dunders::dunder(name))
        {
            return Ok(Value::obj(Object::BoundMethod {
                func: Value::Native(m),
                receiver: obj.clone(),
            }));
        }
        Err(self.attr_error(obj, name))
    }

    fn func_doc(&self, code: u32) -> Value {
        // The compiler puts a function's docstring (or None) first in co_consts; lambdas
        // have no docstring.
        let view = self.codes[code as usize].view;
        if view.name().as_str() == "<lambda>" {
            return Value::None;
        }
        match view.consts().iter().next() {
            Some(permafrost_image::ConstView::Str(s)) => Value::Str(s),
            _ => Value::None,
        }
    }

    fn special_instance_attr(&self, o: &ObjRef, name: &str) -> Option<Value> {
        let Object::Instance(inst) = o.get() else {
            return None;
        };
        match name {
            "__class__" => return Some(Value::Obj(inst.class.clone())),
            "__dict__" => {
                if matches!(inst.class.get(), Object::Class(c) if c.slots.is_some()) {
                    return None;
                }
                return Some(Vm::new_dict(inst.dict.clone()));
            }
            _ => {}
        }
        let e = inst.exc.as_ref()?;
        Some(match name {
            "args" => Vm::new_tuple(e.args.clone()),
            "__cause__" => {
                if e.cause.is_null() {
                    Value::None
                } else {
                    e.cause.clone()
                }
            }
            "__context__" => {
                if e.context.is_null() {
                    Value::None
                } else {
                    e.context.clone()
                }
            }
            "__suppress_context__" => Value::Bool(e.suppress_context),
            "__traceback__" => Value::None,
            "value" if self.exc_matches(o, ExcKind::StopIteration) => {
                e.args.first().cloned().unwrap_or(Value::None)
            }
            _ => return None,
        })
    }

    /// `fn.__code__.co_*`: read from the image in place.
    fn code_attr(&self, c: u32, name: &str) -> Option<Value> {
        let view = self.codes[c as usize].view;
        let strs = |l: permafrost_image::StrList<'static>| {
            Vm::new_tuple(l.iter().map(Value::Str).collect())
        };
        Some(match name {
            "co_name" => Value::Str(view.name()),
            "co_qualname" => Value::Str(view.qualname()),
            "co_filename" => Value::Str(view.filename()),
            "co_firstlineno" => Value::Int(view.firstlineno() as i64),
            "co_argcount" => Value::Int(view.argcount() as i64),
            "co_posonlyargcount" => Value::Int(view.posonlyargcount() as i64),
            "co_kwonlyargcount" => Value::Int(view.kwonlyargcount() as i64),
            "co_flags" => Value::Int(view.flags() as i64),
            "co_stacksize" => Value::Int(view.stacksize() as i64),
            "co_nlocals" => Value::Int(view.varnames().len() as i64),
            "co_varnames" => strs(view.varnames()),
            "co_freevars" => strs(view.freevars()),
            "co_cellvars" => strs(view.cellvars()),
            "co_names" => strs(view.names()),
            "co_consts" => Vm::new_tuple(
                view.consts()
                    .iter()
                    .map(|k| crate::vm::layout::const_value(k, false))
                    .collect(),
            ),
            "co_code" => Value::obj(Object::Bytes(crate::value::object::BytesData::Image(
                view.code_bytes(),
            ))),
            _ => return None,
        })
    }

    /// `LOAD_METHOD`: `(callable, receiver)` with a null receiver for plain attributes.
    pub fn load_method(&mut self, obj: Value, name_v: &Value) -> PyResult<(Value, Value)> {
        let name = name_v.as_str().unwrap_or("");
        match &obj {
            Value::Obj(o) => match o.get() {
                Object::Instance(inst) => {
                    let cls = inst.class.clone();
                    let hash = crate::vm::ops::str_hash_value(name_v);
                    if dict_get_h(&inst.dict, hash, name).is_none() {
                        if let Some(a) = self.lookup_class_attr_h(&cls, hash, name) {
                            if matches!(a.body(), Some(Object::Function(_)))
                                || matches!(a, Value::Native(_))
                            {
                                return Ok((a, obj));
                            }
                        }
                    }
                }
                Object::Str(_)
                | Object::List(_)
                | Object::Dict(_)
                | Object::Tuple(_)
                | Object::Set(_)
                | Object::FrozenSet(_)
                | Object::Bytes(_)
                | Object::Generator(_) => {
                    let kind = self.kind_of(&obj);
                    if let Some(m) = crate::objects::method(kind, name) {
                        return Ok((Value::Native(m), obj));
                    }
                }
                _ => {}
            },
            Value::Str(_) => {
                if let Some(m) = crate::objects::method(TypeKind::Str, name) {
                    return Ok((Value::Native(m), obj));
                }
            }
            _ => {}
        }
        let v = self.getattr(&obj, name_v)?;
        Ok((v, Value::Null))
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: &Value, name_v: &Value, v: Value) -> PyResult<()> {
        let name = name_v.as_str().unwrap_or("");
        let Some(o) = obj.as_obj() else {
            return Err(self.err(
                ExcKind::AttributeError,
                format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    name
                ),
            ));
        };
        match o.get() {
            Object::Instance(inst) => {
                let cls = inst.class.clone();
                let hash = crate::vm::ops::str_hash_value(name_v);
                let (has_props, has_setattr) = match cls.get() {
                    Object::Class(c) => (c.has_properties, c.has_setattr),
                    _ => (true, true),
                };
                let class_attr = if has_props {
                    self.lookup_class_attr_h(&cls, hash, name)
                } else {
                    None
                };
                if let Some(a) = class_attr {
                    if let Some(Object::Instance(di)) = a.body() {
                        if let Some(set) = self.lookup_user_attr(&di.class, "__set__") {
                            self.call(&set, &[a.clone(), obj.clone(), v], &[])?;
                            return Ok(());
                        }
                    }
                    if let Some(Object::Property { fset, .. }) = a.body() {
                        let fset = fset.clone();
                        if fset.is_null() || matches!(fset, Value::None) {
                            return Err(self.err(
                                ExcKind::AttributeError,
                                format!("can't set attribute '{name}'"),
                            ));
                        }
                        self.call(&fset, &[obj.clone(), v], &[])?;
                        return Ok(());
                    }
                }
                if has_setattr {
                    if let Some(sa) = self.lookup_user_attr(&cls, "__setattr__") {
                        self.call(&sa, &[obj.clone(), name_v.clone(), v], &[])?;
                        return Ok(());
                    }
                }
                if let Object::Instance(inst) = o.get_mut() {
                    if let Some(e) = inst.exc.as_mut() {
                        match name {
                            "__cause__" => {
                                e.cause = v;
                                e.suppress_context = true;
                                return Ok(());
                            }
                            "__context__" => {
                                e.context = v;
                                return Ok(());
                            }
                            "__suppress_context__" => {
                                e.suppress_context = matches!(v, Value::Bool(true));
                                return Ok(());
                            }
                            "args" => {
                                let items = match v.body() {
                                    Some(Object::Tuple(t)) => t.to_vec(),
                                    _ => vec![v.clone()],
                                };
                                e.args = items;
                                return Ok(());
                            }
                            _ => {}
                        }
                    }
                }
                if let Object::Class(c) = cls.get() {
                    if let Some(slots) = &c.slots {
                        if !slots.iter().any(|s| &**s == name) {
                            return Err(self.attr_error(obj, name));
                        }
                    }
                }
                let key = name_v.clone();
                if let Object::Instance(inst) = o.get_mut() {
                    inst.dict.insert(hash, key, v, &mut |k| match k {
                        Value::Str(s) if std::ptr::eq(s.as_str().as_ptr(), name.as_ptr()) => {
                            s.as_str().len() == name.len()
                        }
                        _ => k.as_str() == Some(name),
                    });
                }
                Ok(())
            }
            Object::Class(_) => {
                let hash = str_hash_of(name);
                let key = name_v.clone();
                let is_prop = matches!(v.body(), Some(Object::Property { .. }));
                let is_setattr = name == "__setattr__";
                if let Object::Class(c) = o.get_mut() {
                    c.has_properties |= is_prop;
                    c.has_setattr |= is_setattr;
                    c.dict
                        .insert(hash, key, v, &mut |k| k.as_str() == Some(name));
                }
                Ok(())
            }
            Object::Module(_) => {
                if let Object::Module(m) = o.get_mut() {
                    let s = m.slot_for(name, name_v.clone());
                    m.slots[s as usize] = v;
                }
                Ok(())
            }
            Object::Function(_) => {
                if matches!(name, "__code__" | "__closure__" | "__globals__") {
                    return Err(self.err(ExcKind::AttributeError, "readonly attribute"));
                }
                if let Object::Function(f) = o.get_mut() {
                    match name {
                        "__name__" => {
                            f.name = v;
                            return Ok(());
                        }
                        "__qualname__" => {
                            f.qualname = v;
                            return Ok(());
                        }
                        "__defaults__" => {
                            f.defaults = match v.body() {
                                Some(Object::Tuple(t)) => t.to_vec(),
                                _ => Vec::new(),
                            };
                            return Ok(());
                        }
                        "__kwdefaults__" => {
                            f.kwdefaults = v.as_obj().cloned();
                            return Ok(());
                        }
                        _ => {}
                    }
                    let d = f.dict.get_or_insert_with(Dict::new);
                    d.insert(str_hash_of(name), name_v.clone(), v, &mut |k| {
                        k.as_str() == Some(name)
                    });
                }
                Ok(())
            }
            _ => Err(self.err(
                ExcKind::AttributeError,
                format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    name
                ),
            )),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name_v: &Value) -> PyResult<()> {
        let name = name_v.as_str().unwrap_or("");
        if let Some(Object::Instance(inst)) = obj.body() {
            let cls = inst.class.clone();
            if let Some(da) = self.lookup_user_attr(&cls, "__delattr__") {
                self.call(&da, &[obj.clone(), name_v.clone()], &[])?;
                return Ok(());
            }
            if let Some(a) = self.lookup_class_attr(&cls, name) {
                if let Some(Object::Property { fdel, .. }) = a.body() {
                    let fdel = fdel.clone();
                    if matches!(fdel, Value::None | Value::Null) {
                        return Err(self.err(
                            ExcKind::AttributeError,
                            format!("can't delete attribute '{name}'"),
                        ));
                    }
                    self.call(&fdel, std::slice::from_ref(obj), &[])?;
                    return Ok(());
                }
            }
        }
        let removed = match obj.as_obj().map(|o| o.get_mut()) {
            Some(Object::Instance(inst)) => inst
                .dict
                .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                .is_some(),
            Some(Object::Class(c)) => c
                .dict
                .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                .is_some(),
            Some(Object::Module(m)) => match m.slot_of(name) {
                Some(s) => !std::mem::replace(&mut m.slots[s as usize], Value::Null).is_null(),
                None => false,
            },
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attr_error(obj, name))
        }
    }

    /// `super().name`.
    fn super_getattr(&mut self, class: &ObjRef, receiver: &Value, name: &str) -> PyResult<Value> {
        let start_cls = match receiver.body() {
            Some(Object::Class(_)) => receiver.as_obj().cloned().unwrap_or_else(|| class.clone()),
            _ => self.type_of(receiver),
        };
        let mro = match start_cls.get() {
            Object::Class(c) => c.mro.clone(),
            _ => Vec::new(),
        };
        let pos = mro
            .iter()
            .position(|k| k.ptr_eq(class))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for k in &mro[pos..] {
            let found = match k.get() {
                Object::Class(kc) => dict_get_str(&kc.dict, name).cloned(),
                _ => None,
            };
            if let Some(a) = found {
                return match a.body() {
                    Some(Object::ClassMethod(f)) => Ok(Value::obj(Object::BoundMethod {
                        func: f.clone(),
                        receiver: Value::Obj(start_cls.clone()),
                    })),
                    _ => {
                        if matches!(receiver.body(), Some(Object::Class(_)))
                            && !matches!(a, Value::Native(_))
                        {
                            return Ok(a);
                        }
                        let k = k.clone();
                        self.bind_attr(a, receiver, &k)
                    }
                };
            }
        }
        if let Some(b) = crate::vm::ops::inst_base(receiver) {
            let kind = self.kind_of(&b);
            if let Some(m) =
                crate::objects::method(kind, name).or_else(|| crate::objects::dunders::dunder(name))
            {
                return Ok(Value::obj(Object::BoundMethod {
                    func: Value::Native(m),
                    receiver: b,
                }));
            }
        }
        Err(self.err(
            ExcKind::AttributeError,
            format!("'super' object has no attribute '{name}'"),
        ))
    }

    /// `__build_class__(func, name, *bases)`.
    pub fn build_class(&mut self, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let npos = args.len() - kwnames.len();
        if npos < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = args[0].clone();
        let name = args[1].as_str().unwrap_or("?").to_string();
        let mut bases: Vec<ObjRef> = Vec::new();
        for b in &args[2..npos] {
            match b.as_obj() {
                Some(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if bases.is_empty() {
            bases.push(self.type_obj(TypeKind::Object).clone());
        }
        let Some(fobj) = func.as_obj().cloned() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let (code, module_index, closure, qualname) = match fobj.get() {
            Object::Function(f) => (
                f.code,
                f.module,
                f.closure.clone(),
                f.qualname.as_str().unwrap_or(&name).to_string(),
            ),
            _ => return Err(self.type_error("__build_class__: func must be a function")),
        };
        let module_name = match self.module_obj(module_index).get() {
            Object::Module(m) => m
                .get("__name__")
                .and_then(|v| v.as_str().map(|s| s.to_string()))
                .unwrap_or_else(|| m.name.clone()),
            _ => "__main__".into(),
        };
        let ns = ObjRef::new(Object::Dict(Dict::new()));
        if let Object::Dict(d) = ns.get_mut() {
            dict_set_str(d, "__module__", Vm::str_val(module_name.as_str()));
            dict_set_str(d, "__qualname__", Vm::str_val(qualname.as_str()));
        }
        let info = &self.codes[code as usize];
        let mut cells = Vec::new();
        for _ in 0..info.ncells {
            cells.push(ObjRef::new(Object::Cell(Value::Null)));
        }
        cells.extend(closure);
        let ret = self.run_code(code, Some(ns.clone()), cells)?;
        let mro = self.c3_mro(&bases)?;
        let kind = if bases
            .iter()
            .any(|b| matches!(b.get(), Object::Class(c) if c.kind == TypeKind::Exception))
        {
            TypeKind::Exception
        } else {
            TypeKind::User
        };
        let mut dict = match ns.get() {
            Object::Dict(d) => d.clone(),
            _ => Dict::new(),
        };
        let qual = dict_get_str(&dict, "__qualname__")
            .and_then(|v| v.as_str().map(|s| s.to_string()))
            .unwrap_or(qualname);
        if dict_get_str(&dict, "__eq__").is_some() && dict_get_str(&dict, "__hash__").is_none() {
            dict_set_str(&mut dict, "__hash__", Value::None);
        }
        let has_properties = dict.iter().any(|(_, v)| {
            matches!(v.body(), Some(Object::Property { .. })) || self.is_user_descriptor(v)
        }) || bases
            .iter()
            .any(|b| matches!(b.get(), Object::Class(c) if c.has_properties));
        let has_setattr = dict_get_str(&dict, "__setattr__").is_some()
            || bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.has_setattr));
        let slots = match dict_get_str(&dict, "__slots__") {
            None => None,
            Some(sv) => {
                let names: Vec<Value> = match sv.body() {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    Some(Object::List(l)) => l.clone(),
                    _ => vec![sv.clone()],
                };
                let mut all: Option<Vec<Box<str>>> = Some(
                    names
                        .iter()
                        .filter_map(|n| n.as_str().map(Box::from))
                        .collect(),
                );
                for b in &bases {
                    match b.get() {
                        Object::Class(bc) if bc.module == "builtins" => {}
                        Object::Class(bc) => match (&mut all, &bc.slots) {
                            (Some(a), Some(bs)) => a.extend(bs.iter().cloned()),
                            _ => all = None,
                        },
                        _ => {}
                    }
                }
                all
            }
        };
        let cls = ObjRef::new(Object::Class(Class {
            name: name.clone(),
            qualname: qual,
            module: module_name,
            bases,
            mro: Vec::new(),
            dict,
            kind,
            has_properties,
            has_setattr,
            slots,
        }));
        let mut full = vec![cls.clone()];
        full.extend(mro);
        if let Object::Class(c) = cls.get_mut() {
            c.mro = full;
        }
        // `__set_name__` on descriptors, in definition order.
        let attrs: Vec<(Value, Value)> = match cls.get() {
            Object::Class(c) => c.dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        for (k, v) in attrs {
            if let Some(Object::Instance(i)) = v.body() {
                if let Some(sn) = self.lookup_user_attr(&i.class, "__set_name__") {
                    self.call(&sn, &[v.clone(), Value::Obj(cls.clone()), k], &[])?;
                }
            }
        }
        if let Some(Object::Cell(_)) = ret.body() {
            if let Some(Object::Cell(c)) = ret.as_obj().map(|o| o.get_mut()) {
                *c = Value::Obj(cls.clone());
            }
        }
        // `__init_subclass__` and `__set_name__` are not supported.
        let _ = key_eq;
        Ok(Value::Obj(cls))
    }

    /// C3 linearisation of the bases (excluding the new class itself).
    fn c3_mro(&self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases
            .iter()
            .map(|b| match b.get() {
                Object::Class(c) => c.mro.clone(),
                _ => vec![],
            })
            .collect();
        seqs.push(bases.to_vec());
        let mut out: Vec<ObjRef> = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut chosen = None;
            for s in &seqs {
                let cand = &s[0];
                let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.ptr_eq(cand)));
                if !in_tail {
                    chosen = Some(cand.clone());
                    break;
                }
            }
            let Some(c) = chosen else {
                let names: Vec<String> = bases.iter().map(Vm::class_name).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if s[0].ptr_eq(&c) {
                    s.remove(0);
                }
            }
            out.push(c);
        }
    }

    /// Zero-argument `super()` inside a method: the `__class__` cell and the first argument.
    pub fn super_from_frame(&mut self, f: &crate::value::frame::Frame) -> PyResult<Value> {
        let view = self.codes[f.code as usize].view;
        let ncells = view.cellvars().len();
        let mut class = None;
        for (i, n) in view.freevars().iter().enumerate() {
            if n.as_str() == "__class__" {
                if let Some(Object::Cell(Value::Obj(c))) = f.cells.get(ncells + i).map(|c| c.get())
                {
                    class = Some(c.clone());
                }
            }
        }
        if view.argcount() == 0 && view.flags() & permafrost_image::opcode::flags::CO_VARARGS == 0 {
            return Err(self.err(ExcKind::RuntimeError, "super(): no arguments"));
        }
        let Some(class) = class else {
            return Err(self.err(ExcKind::RuntimeError, "super(): __class__ cell not found"));
        };
        let receiver = if view.argcount() > 0 {
            let first = f.locals.first().cloned().unwrap_or(Value::Null);
            let first = if first.is_null() {
                // The first argument may live in a cell.
                match f.cells.first().map(|c| c.get()) {
                    Some(Object::Cell(v)) => v.clone(),
                    _ => Value::Null,
                }
            } else {
                first
            };
            first
        } else {
            Value::Null
        };
        if receiver.is_null() {
            return Err(self.err(ExcKind::RuntimeError, "super(): no arguments"));
        }
        Ok(Value::obj(Object::Super { class, receiver }))
    }
}
