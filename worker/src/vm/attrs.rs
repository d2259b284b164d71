//! Attributes and classes: lookup through the MRO (instance dict, then class attributes with
//! functions binding to methods, properties, static and class methods), `LOAD_METHOD`
//! without bound-method allocation, `__build_class__` with C3 linearisation, `super()`, and the
//! read-only attributes of functions and code objects.

use crate::value::dict_table::Dict;
use crate::value::dict_table::{dict_get_h, dict_set_str, str_hash_of};
use crate::value::heap::ObjRef;
use crate::value::object::{Class, Object, TypeKind};
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The property behind a class attribute: a `property`, or a subclass instance's.
fn prop_of(v: &Value) -> Option<Value> {
    match v.body() {
        Some(Object::Property(_)) => Some(v.clone()),
        Some(Object::Instance(_)) => crate::objects::property::descr_base(v)
            .filter(|b| matches!(b.body(), Some(Object::Property(_)))),
        _ => None,
    }
}

pub(crate) fn dict_get_str<'a>(d: &'a Dict, name: &str) -> Option<&'a Value> {
    d.get(str_hash_of(name), &mut |k| k.as_str() == Some(name))
}

impl Vm {
    /// Assigns `v` to attribute `name` of `obj` through `descr`, the attribute its type
    /// defines, when that is a data descriptor (a user `__set__` or a property); otherwise
    /// gives `v` back for the ordinary store.
    fn set_through_descriptor(
        &mut self,
        descr: &Value,
        obj: &Value,
        v: Value,
    ) -> PyResult<Option<Value>> {
        if let Some(Object::Instance(di)) = descr.body() {
            if let Some(set) = self.lookup_user_attr(&di.class, "__set__") {
                self.call(&set, &[descr.clone(), obj.clone(), v], &[])?;
                return Ok(None);
            }
        }
        if let Some(p) = prop_of(descr) {
            crate::objects::property::set_value(self, &p, obj, Some(v))?;
            return Ok(None);
        }
        Ok(Some(v))
    }

    /// Looks `name` up along `cls`'s MRO.
    pub fn lookup_class_attr(&self, cls: &ObjRef, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        let hash = crate::value::dict_table::str_hash_of(name);
        self.lookup_cache.lookup(cls, c, hash, name).cloned()
    }

    /// `lookup_class_attr` with the name's hash already known.
    pub fn lookup_class_attr_h(&self, cls: &ObjRef, hash: i64, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        self.lookup_cache.lookup(cls, c, hash, name).cloned()
    }

    /// As `lookup_class_attr`, but only attributes defined by program classes.
    pub fn lookup_user_attr(&self, cls: &ObjRef, name: &str) -> Option<Value> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        let hash = crate::value::dict_table::str_hash_of(name);
        self.lookup_cache.lookup_user(cls, c, hash, name).cloned()
    }

    pub(crate) fn attr_error(&self, v: &Value, name: &str) -> ObjRef {
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
            Some(Object::Property(_)) => true,
            Some(Object::Instance(i)) => {
                prop_of(a).is_some()
                    || self.lookup_user_attr(&i.class, "__set__").is_some()
                    || self.lookup_user_attr(&i.class, "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Whether a class attribute has a getter (a property, or a user descriptor whose class
    /// defines `__get__`); a data descriptor without one leaves the instance dict visible.
    fn has_getter(&self, a: &Value) -> bool {
        match a.body() {
            Some(Object::Instance(i)) => {
                self.lookup_user_attr(&i.class, "__get__").is_some() || prop_of(a).is_some()
            }
            _ => true,
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

    pub(crate) fn bind_attr(
        &mut self,
        attr: Value,
        receiver: &Value,
        cls: &ObjRef,
    ) -> PyResult<Value> {
        let mut attr = attr;
        if let Some(Object::Instance(i)) = attr.body() {
            if let Some(get) = self.lookup_user_attr(&i.class, "__get__") {
                return self.call(
                    &get,
                    &[attr.clone(), receiver.clone(), Value::Obj(cls.clone())],
                    &[],
                );
            }
            match crate::objects::property::descr_base(&attr) {
                Some(b) => attr = b,
                None => return Ok(attr),
            }
        }
        match attr.body() {
            Some(Object::Function(_)) => Ok(Value::obj(Object::BoundMethod {
                func: attr.clone(),
                receiver: receiver.clone(),
            })),
            Some(Object::Property(_)) => crate::objects::property::get_value(self, &attr, receiver),
            Some(Object::StaticMethod(f)) => Ok(f.clone()),
            Some(Object::ClassMethod(f)) => {
                let f = f.clone();
                self.classmethod_bind(&f, &Value::Obj(cls.clone()))
            }
            _ => match &attr {
                Value::Native(n) if n.binds() => Ok(Value::obj(Object::BoundMethod {
                    func: attr.clone(),
                    receiver: receiver.clone(),
                })),
                _ => Ok(attr),
            },
        }
    }

    /// `classmethod(f).__get__(_, cls)`: `f` bound to the class; a wrapped descriptor (a
    /// property, say) is asked for its `__get__(cls, cls)` instead, as CPython 3.11 does.
    pub(crate) fn classmethod_bind(&mut self, f: &Value, cls: &Value) -> PyResult<Value> {
        match f.body() {
            Some(Object::Property(_)) => crate::objects::property::get_value(self, f, cls),
            Some(Object::ClassMethod(_) | Object::StaticMethod(_)) => {
                let cls_ref = cls.as_obj().cloned();
                match cls_ref {
                    Some(c) => self.bind_attr(f.clone(), cls, &c),
                    None => Ok(f.clone()),
                }
            }
            Some(Object::Instance(i)) => {
                let dcls = i.class.clone();
                match self.lookup_user_attr(&dcls, "__get__") {
                    Some(get) => self.call(&get, &[f.clone(), cls.clone(), cls.clone()], &[]),
                    None => Ok(Value::obj(Object::BoundMethod {
                        func: f.clone(),
                        receiver: cls.clone(),
                    })),
                }
            }
            _ => Ok(Value::obj(Object::BoundMethod {
                func: f.clone(),
                receiver: cls.clone(),
            })),
        }
    }

    /// `obj.__getattribute__(name)` of a class overriding it, with `__getattr__` as the
    /// fallback for an AttributeError.
    fn getattribute_hook(&mut self, obj: &Value, name_v: &Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        let ga = self
            .lookup_user_attr(&cls, "__getattribute__")
            .unwrap_or(Value::Native(&crate::objects::object::GETATTRIBUTE));
        match self.call(&ga, &[obj.clone(), name_v.clone()], &[]) {
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => {
                match self.lookup_user_attr(&cls, "__getattr__") {
                    Some(f) => self.call_special(&f, obj, std::slice::from_ref(name_v)),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__(obj, name)`: the standard lookup, without `__getattr__`.
    pub fn generic_getattr(&mut self, obj: &Value, name_v: &Value) -> PyResult<Value> {
        match obj {
            Value::Obj(o) if matches!(o.get(), Object::Instance(_)) => {
                let has_props = match o.get() {
                    Object::Instance(i) => {
                        matches!(i.class.get(), Object::Class(c) if c.has_properties)
                    }
                    _ => true,
                };
                let o = o.clone();
                self.instance_getattr(&o, obj, name_v, has_props, false)
            }
            _ => self.getattr(obj, name_v),
        }
    }

    /// A descriptor's value for an instance read; with `fallback`, an AttributeError from it
    /// goes to the class's `__getattr__` as CPython's slot does.
    fn bind_attr_fallback(
        &mut self,
        attr: Value,
        obj: &Value,
        cls: &ObjRef,
        name_v: &Value,
        fallback: bool,
    ) -> PyResult<Value> {
        match self.bind_attr(attr, obj, cls) {
            Err(e) if fallback && self.exc_matches(&e, ExcKind::AttributeError) => {
                match self.lookup_user_attr(cls, "__getattr__") {
                    Some(ga) => self.call_special(&ga, obj, std::slice::from_ref(name_v)),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// Attribute read on an instance: data descriptors, the instance dict, class attributes,
    /// then (with `fallback`) `__getattr__`.
    fn instance_getattr(
        &mut self,
        o: &ObjRef,
        obj: &Value,
        name_v: &Value,
        has_props: bool,
        fallback: bool,
    ) -> PyResult<Value> {
        let name = name_v.as_str().unwrap_or("");
        let Object::Instance(inst) = o.get() else {
            return Err(self.attr_error(obj, name));
        };
        let hash = crate::value::dict_table::str_hash_value(name_v);
        if let Some(v) = dict_get_h(inst.table(), hash, name) {
            let v = v.clone();
            if !has_props {
                return Ok(v);
            }
            // A data descriptor with a getter on the class wins over the instance dict.
            let cls = inst.class.clone();
            match self.lookup_class_attr_h(&cls, hash, name) {
                Some(a) if self.is_data_descriptor(&a) && self.has_getter(&a) => {
                    return self.bind_attr_fallback(a, obj, &cls, name_v, fallback)
                }
                _ => return Ok(v),
            }
        }
        let cls = inst.class.clone();
        let class_attr = self.lookup_class_attr_h(&cls, hash, name);
        if let Some(a) = class_attr {
            return self.bind_attr_fallback(a, obj, &cls, name_v, fallback);
        }
        if name == "__traceback__" {
            let o = o.clone();
            if matches!(o.get(), Object::Instance(i) if i.exc.is_some()) {
                return Ok(crate::objects::traceback::traceback_of(self, &o));
            }
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
        if let Some(b) = crate::value::num::inst_base(obj) {
            let kind = self.kind_of(&b);
            // The built-in type's class methods bind to the instance's class.
            if let Some(m) = builtin_class_method(kind, name) {
                return Ok(Value::obj(Object::BoundMethod {
                    func: Value::Native(m),
                    receiver: Value::Obj(cls.clone()),
                }));
            }
            if let Some(m) = crate::objects::method(kind, name) {
                return Ok(Value::obj(Object::BoundMethod {
                    func: Value::Native(m),
                    receiver: b,
                }));
            }
            if let Some(v) = crate::objects::property::descr_attr(self, &b, name)? {
                return Ok(v);
            }
            // A number's data attributes read from the value (`IntSubclass(3).numerator` is
            // the plain int 3, as in CPython).
            if matches!(name, "real" | "imag" | "numerator" | "denominator")
                && matches!(
                    kind,
                    TypeKind::Int | TypeKind::Bool | TypeKind::Float | TypeKind::Complex
                )
                && !(kind == TypeKind::Float && matches!(name, "numerator" | "denominator"))
                && !(kind == TypeKind::Complex && matches!(name, "numerator" | "denominator"))
            {
                return self.getattr(&b, &Vm::str_val(name));
            }
            // The built-in's generic dunders (`__getitem__`, `__len__` ...); `__getitem__`
            // keeps the instance so that a dict subclass's `__missing__` still answers.
            if let Some(d) = crate::objects::dunders::dunder(kind, name) {
                let receiver = if name == "__getitem__" {
                    obj.clone()
                } else {
                    b
                };
                return Ok(Value::obj(Object::BoundMethod {
                    func: Value::Native(d),
                    receiver,
                }));
            }
            // The numbers' data attributes read from the value wrapped.
            if matches!(name, "real" | "imag" | "numerator" | "denominator") {
                return self.getattr(&b, name_v);
            }
        }
        if fallback {
            if let Some(ga) = self.lookup_user_attr(&cls, "__getattr__") {
                return self.call_special(&ga, obj, std::slice::from_ref(name_v));
            }
        }
        Err(self.attr_error(obj, name))
    }

    fn class_metaclass(&self, cls: &ObjRef) -> Option<ObjRef> {
        match cls.get() {
            Object::Class(c) => c.metaclass.clone(),
            _ => None,
        }
    }

    /// A class attribute read where the class has a program metaclass: the metaclass's data
    /// descriptors first, then (`None`) the class's own MRO, which the caller searches; an
    /// attribute only the metaclass defines is read here after that.
    fn meta_getattr(&mut self, cls: &ObjRef, meta: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let Some(ma) = self.lookup_user_attr(meta, name) else {
            return Ok(None);
        };
        let cls_v = Value::Obj(cls.clone());
        if self.is_data_descriptor(&ma) && self.has_getter(&ma) {
            return self.bind_attr(ma, &cls_v, meta).map(Some);
        }
        if self.lookup_class_attr(cls, name).is_some() {
            return Ok(None);
        }
        self.bind_attr(ma, &cls_v, meta).map(Some)
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr(obj, &Vm::str_val(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `obj.name`.
    #[inline]
    pub fn getattr(&mut self, obj: &Value, name_v: &Value) -> PyResult<Value> {
        self.getattr_inner(obj, name_v)
            .map_err(|e| self.attr_error_context(e, obj, name_v))
    }

    /// An `AttributeError` leaving an attribute lookup names the attribute and the object
    /// (`e.name`, `e.obj`) unless whoever raised it already did.
    #[cold]
    pub(crate) fn attr_error_context(&self, e: ObjRef, obj: &Value, name_v: &Value) -> ObjRef {
        if self.exc_matches(&e, ExcKind::AttributeError) {
            if let Object::Instance(i) = e.get_mut() {
                let t = i.table_mut();
                if dict_get_str(t, "name").is_none() && dict_get_str(t, "obj").is_none() {
                    dict_set_str(t, "name", name_v.clone());
                    dict_set_str(t, "obj", obj.clone());
                }
            }
        }
        e
    }

    fn getattr_inner(&mut self, obj: &Value, name_v: &Value) -> PyResult<Value> {
        let name = name_v.as_str().unwrap_or("");
        if let Value::Obj(o) = obj {
            match o.get() {
                Object::Instance(inst) => {
                    let (has_props, has_getattribute) = match inst.class.get() {
                        Object::Class(c) => (c.has_properties, c.has_getattribute),
                        _ => (false, false),
                    };
                    if has_getattribute {
                        return self.getattribute_hook(obj, name_v);
                    }
                    return self.instance_getattr(o, obj, name_v, has_props, true);
                }
                Object::Class(c) => {
                    match name {
                        "__name__" => return Ok(Vm::str_val(c.name.as_str())),
                        "__qualname__" => return Ok(Vm::str_val(c.qualname.as_str())),
                        "__module__" => return Ok(Vm::str_val(c.module.as_str())),
                        "__flags__" => return Ok(Value::Int(crate::objects::typeobj::flags(o))),
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
                                // `@classmethod @property def __doc__(cls)`.
                                if let Some(Object::ClassMethod(f)) = v.body() {
                                    let f = f.clone();
                                    return self.classmethod_bind(&f, obj);
                                }
                                return Ok(v.clone());
                            }
                            return Ok(Value::None);
                        }
                        "__dict__" => {
                            let o = o.clone();
                            return Ok(crate::objects::mappingproxy::of_class(self, &o));
                        }
                        // A class's own annotations only, made empty on first read.
                        "__annotations__" if !c.builtin => {
                            if let Some(v) = dict_get_str(&c.dict, name) {
                                return Ok(v.clone());
                            }
                            let d = Vm::new_dict(Dict::new());
                            if let Object::Class(c) = o.get_mut() {
                                dict_set_str(&mut c.dict, name, d.clone());
                            }
                            return Ok(d);
                        }
                        _ => {}
                    }
                    let kind = c.kind;
                    if let Some(meta) = c.metaclass.clone() {
                        if let Some(v) = self.meta_getattr(o, &meta, name)? {
                            return Ok(v);
                        }
                    }
                    // A built-in type's own methods and slots come before what it inherits
                    // from `object` (`int.__repr__` is int's, not `object.__repr__`).
                    if c.builtin
                        && kind != TypeKind::Object
                        && kind != TypeKind::Type
                        && matches!(
                            name,
                            "__repr__"
                                | "__str__"
                                | "__format__"
                                | "__hash__"
                                | "__eq__"
                                | "__ne__"
                                | "__lt__"
                                | "__le__"
                                | "__gt__"
                                | "__ge__"
                        )
                        && dict_get_str(&c.dict, name).is_none()
                    {
                        if name == "__hash__"
                            && matches!(
                                kind,
                                TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::Slice
                            )
                        {
                            return Ok(Value::None);
                        }
                        if let Some(m) = crate::objects::method(kind, name) {
                            return Ok(Value::Native(m));
                        }
                        if let Some(d) = crate::objects::dunders::dunder(kind, name) {
                            let o = o.clone();
                            return Ok(crate::objects::slot_wrapper::wrap(self, &o, d));
                        }
                    }
                    if let Some(a) = self.lookup_class_attr(o, name) {
                        let mut core = None;
                        if let Some(Object::Instance(i)) = a.body() {
                            if let Some(get) = self.lookup_user_attr(&i.class, "__get__") {
                                return self.call(
                                    &get,
                                    &[a.clone(), Value::None, obj.clone()],
                                    &[],
                                );
                            }
                            core = crate::objects::property::descr_base(&a)
                                .filter(|b| !matches!(b.body(), Some(Object::Property(_))));
                        }
                        return Ok(match core.as_ref().unwrap_or(&a).body() {
                            Some(Object::StaticMethod(f)) => f.clone(),
                            Some(Object::ClassMethod(f)) => {
                                let f = f.clone();
                                self.classmethod_bind(&f, obj)?
                            }
                            _ => a,
                        });
                    }
                    // A subclass of a built-in type finds the type's methods too
                    // (`OrderedDict.fromkeys`, `class D(dict)` then `D.fromkeys`).
                    let kind = match kind {
                        TypeKind::User => self.builtin_base_kind(o).unwrap_or(kind),
                        k => k,
                    };
                    if let Some(m) = builtin_class_method(kind, name) {
                        return Ok(Value::obj(Object::BoundMethod {
                            func: Value::Native(m),
                            receiver: obj.clone(),
                        }));
                    }
                    if let Some(m) = crate::objects::method(kind, name) {
                        return Ok(Value::Native(m));
                    }
                    if let Some(d) = crate::objects::dunders::dunder(kind, name) {
                        // Unbound, a generic dunder checks its receiver's type.
                        let o = o.clone();
                        return Ok(crate::objects::slot_wrapper::wrap(self, &o, d));
                    }
                    if name == "__class__" {
                        return Ok(Value::Obj(self.type_of(obj)));
                    }
                    // Methods of `type` itself (`C.mro()`), bound to the class.
                    let meta = self.type_of(obj);
                    if let Some(Value::Native(m)) = self.lookup_class_attr(&meta, name) {
                        return Ok(Value::obj(Object::BoundMethod {
                            func: Value::Native(m),
                            receiver: obj.clone(),
                        }));
                    }
                    if let Some(meta) = self.class_metaclass(o) {
                        if let Some(ga) = self.lookup_user_attr(&meta, "__getattr__") {
                            return self.call_special(&ga, obj, std::slice::from_ref(name_v));
                        }
                    }
                    return Err(self.attr_error(obj, name));
                }
                Object::Module(m) => {
                    if let Some(v) = m.get(name) {
                        return Ok(v.clone());
                    }
                    if name == "__dict__" {
                        let o = o.clone();
                        if let Some(d) = self.module_dict(&o) {
                            return Ok(Value::Obj(d));
                        }
                    }
                    if name == "__name__" {
                        return Ok(Vm::str_val(m.name.as_str()));
                    }
                    if name == "__annotations__" {
                        let d = Vm::new_dict(Dict::new());
                        self.setattr(obj, name_v, d.clone())?;
                        return Ok(d);
                    }
                    // PEP 562: a module-level `__getattr__` answers for missing names.
                    if let Some(hook) = m.get("__getattr__").cloned() {
                        return self.call(&hook, std::slice::from_ref(name_v), &[]);
                    }
                    return Err(self.attr_error(obj, name));
                }
                Object::Function(f) => {
                    return match name {
                        "__call__" => Ok(self.call_wrapper(obj)),
                        "__name__" => Ok(f.name.clone()),
                        "__class__" => Ok(Value::Obj(self.type_of(obj))),
                        "__qualname__" => Ok(f.qualname.clone()),
                        "__module__" if f.set.as_ref().is_some_and(|s| s.module.is_some()) => Ok(f
                            .set
                            .as_ref()
                            .and_then(|s| s.module.clone())
                            .unwrap_or(Value::None)),
                        "__globals__" if f.globals.is_some() => {
                            Ok(f.globals.clone().map(Value::Obj).unwrap_or(Value::None))
                        }
                        "__globals__" => {
                            let m = self.module_obj(f.module);
                            Ok(self.module_dict(&m).map(Value::Obj).unwrap_or(Value::None))
                        }
                        "__module__" if f.globals.is_some() => {
                            Ok(match f.globals.as_ref().map(|g| g.get()) {
                                Some(Object::Dict(d)) => {
                                    dict_get_str(d, "__name__").cloned().unwrap_or(Value::None)
                                }
                                _ => Value::None,
                            })
                        }
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
                        "__code__" => Ok(match &f.heap_code {
                            Some(u) if matches!(u.get(), Object::CodeUnit(_)) => {
                                Value::obj(Object::DynCode {
                                    index: f.code,
                                    unit: u.clone(),
                                })
                            }
                            _ => Value::obj(Object::CodeRef(f.code)),
                        }),
                        "__doc__" => Ok(match f.set.as_ref().and_then(|s| s.doc.clone()) {
                            Some(d) => d,
                            None => self.func_doc(f.code),
                        }),
                        "__closure__" => Ok(if f.closure.is_empty() {
                            Value::None
                        } else {
                            Vm::new_tuple(f.closure.iter().map(|c| Value::Obj(c.clone())).collect())
                        }),
                        "__dict__" => match o.get_mut() {
                            Object::Function(f) => Ok(Value::Obj(f.dict_object())),
                            _ => Err(self.attr_error(obj, name)),
                        },
                        "__annotations__" => Ok(self.func_annotations(o)),
                        _ => match f.table().and_then(|d| dict_get_str(d, name)) {
                            Some(v) => Ok(v.clone()),
                            // `function`'s own methods (`__get__`), bound to the function.
                            None => match crate::objects::method(TypeKind::Function, name) {
                                Some(m) => Ok(Value::obj(Object::BoundMethod {
                                    func: Value::Native(m),
                                    receiver: obj.clone(),
                                })),
                                None => self.inherited_attr(obj, name),
                            },
                        },
                    };
                }
                Object::CodeRef(c)
                | Object::DynCode { index: c, .. }
                | Object::Code(crate::value::object::HeapCode { index: c, .. }) => {
                    let c = *c;
                    if let Some(v) = self.code_attr(c, name) {
                        return Ok(v);
                    }
                    if matches!(name, "co_exceptiontable" | "_varname_from_oparg") {
                        // What `dis` reads first: the instructions are not CPython's, so
                        // say so rather than let it decode them as CPython's.
                        return Err(self.err(
                            ExcKind::NotImplementedError,
                            format!(
                                "code.{name}: code here is compiled to permafrost's own \
                                 instruction set, which dis cannot show (use `permafrost dis`)"
                            ),
                        ));
                    }
                    return match crate::objects::method(TypeKind::Code, name) {
                        Some(m) => Ok(Value::obj(Object::BoundMethod {
                            func: Value::Native(m),
                            receiver: obj.clone(),
                        })),
                        None => self.inherited_attr(obj, name),
                    };
                }
                Object::BoundMethod { func, receiver } => {
                    return match name {
                        "__call__" => Ok(self.call_wrapper(obj)),
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
                    if let Some(v) = self.gen_attr(o, name) {
                        return Ok(v);
                    }
                }
                Object::Property(_) | Object::StaticMethod(_) | Object::ClassMethod(_) => {
                    if let Some(v) = crate::objects::property::descr_attr(self, obj, name)? {
                        return Ok(v);
                    }
                }
                Object::Cell(v) if name == "cell_contents" => return Ok(v.clone()),
                Object::Complex(re, im) => match name {
                    "real" => return Ok(Value::Float(*re)),
                    "imag" => return Ok(Value::Float(*im)),
                    _ => {}
                },
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
                    crate::value::num::num_of(obj)
                        .map(|n| match n {
                            crate::value::num::Num::I(i) => i,
                            _ => 0,
                        })
                        .unwrap_or(0),
                ))
            }
            (Value::Int(_) | Value::Bool(_), "imag") => return Ok(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => return Ok(Value::Int(1)),
            (Value::Float(f), "real") => return Ok(Value::Float(*f)),
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Native(_), "__call__") => return Ok(self.call_wrapper(obj)),
            (Value::Native(n), "__name__") => return Ok(Vm::str_val(n.name())),
            (Value::Native(n), "__qualname__") => return Ok(Vm::str_val(n.qualname)),
            (Value::Native(n), "__self__") => {
                // A type's method is bound to the type; a function to its module.
                if let Some((owner, _)) = n.qualname.rsplit_once('.') {
                    if let Some(t @ Value::Obj(_)) = self.builtins.get(owner).cloned() {
                        if matches!(t.body(), Some(Object::Class(_))) {
                            return Ok(t);
                        }
                    }
                }
                let module = self.getattr(obj, &Vm::str_val("__module__"))?;
                if let Some(m) = module.as_str() {
                    let m = m.to_string();
                    return self.import_module(&m);
                }
            }
            _ => {}
        }
        // A dict view's `mapping`: the dict behind it, read-only.
        if let (Some(Object::DictView { dict, .. }), "mapping") = (obj.body(), name) {
            let dict = dict.clone();
            return Ok(crate::objects::mappingproxy::of_dict(self, &dict));
        }
        if let Some(Object::BigInt(_)) = obj.body() {
            match name {
                "real" | "numerator" => return Ok(obj.clone()),
                "imag" => return Ok(Value::Int(0)),
                "denominator" => return Ok(Value::Int(1)),
                _ => {}
            }
        }
        let kind = self.kind_of(obj);
        if name == "__hash__"
            && matches!(
                kind,
                TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::Slice
            )
        {
            return Ok(Value::None);
        }
        if let Some(m) = crate::objects::method(kind, name)
            .or_else(|| crate::objects::dunders::dunder(kind, name))
        {
            return Ok(Value::obj(Object::BoundMethod {
                func: Value::Native(m),
                receiver: obj.clone(),
            }));
        }
        // What the type's class dicts hold (`__new__`, and `__init__`, `__reduce_ex__` ...
        // inherited from `object`), bound as a method would be.
        let t = self.type_of(obj);
        if name == "__doc__" {
            // As `T.__doc__` reads here: built-in types carry no docstrings.
            return Ok(self.lookup_class_attr(&t, name).unwrap_or(Value::None));
        }
        match self.lookup_class_attr(&t, name) {
            Some(Value::Native(f)) => Ok(Value::obj(Object::BoundMethod {
                func: Value::Native(f),
                receiver: obj.clone(),
            })),
            Some(v) => match v.body() {
                Some(Object::StaticMethod(f)) => Ok(f.clone()),
                _ => Err(self.attr_error(obj, name)),
            },
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// `callable.__call__` for a function, built-in or bound method: calling it calls them.
    fn call_wrapper(&self, obj: &Value) -> Value {
        Value::obj(Object::BoundMethod {
            func: Value::Native(&crate::objects::dunders::CALL),
            receiver: obj.clone(),
        })
    }

    /// A function's `__annotations__` dict, made from `MAKE_FUNCTION`'s name/value tuple (or
    /// empty) on first read and kept.
    fn func_annotations(&mut self, o: &ObjRef) -> Value {
        let Object::Function(f) = o.get_mut() else {
            return Value::None;
        };
        let set = f.set.get_or_insert_with(Default::default);
        if let Some(v) = &set.annotations {
            if matches!(v.body(), Some(Object::Dict(_))) {
                return v.clone();
            }
        }
        let mut d = Dict::new();
        if let Some(Some(Object::Tuple(t))) = set.annotations.as_ref().map(|v| v.body()) {
            for pair in t.chunks(2) {
                if let [k, v] = pair {
                    if let Some(name) = k.as_str() {
                        dict_set_str(&mut d, name, v.clone());
                    }
                }
            }
        }
        let dv = Vm::new_dict(d);
        set.annotations = Some(dv.clone());
        dv
    }

    /// The `__dict__` and `__weakref__` getset descriptors a new class's namespace gets when
    /// its instances gain a dict or weak references that no base already gives them; they
    /// and the slot members come before an implicit `__doc__`, as in CPython's `type.__new__`.
    fn add_instance_descriptors(&mut self, cls: &ObjRef, implicit_doc: bool) {
        let Object::Class(c) = cls.get() else {
            return;
        };
        let declared: Option<Vec<String>> =
            dict_get_str(&c.dict, "__slots__").map(|sv| match sv.body() {
                Some(Object::Tuple(t)) => t
                    .iter()
                    .filter_map(|n| n.as_str().map(String::from))
                    .collect(),
                Some(Object::List(l)) => l
                    .iter()
                    .filter_map(|n| n.as_str().map(String::from))
                    .collect(),
                _ => sv.as_str().map(String::from).into_iter().collect(),
            });
        let allows = |n: &str| declared.as_ref().is_none_or(|d| d.iter().any(|s| s == n));
        let (mut has_dict, mut has_weak, mut weak_refused) = (false, false, false);
        for k in c.mro.iter().skip(1) {
            let Object::Class(kc) = k.get() else { continue };
            if kc.builtin {
                match kc.kind {
                    TypeKind::Exception | TypeKind::Function | TypeKind::Module => has_dict = true,
                    TypeKind::Type => (has_dict, has_weak) = (true, true),
                    TypeKind::Set | TypeKind::FrozenSet => has_weak = true,
                    // Variable-size objects take no weak reference slot.
                    TypeKind::Int | TypeKind::Bool | TypeKind::Tuple | TypeKind::Bytes => {
                        weak_refused = true
                    }
                    _ => {}
                }
                if kc.kind == TypeKind::Module || kc.kind == TypeKind::Function {
                    has_weak = true;
                }
            } else {
                let names = |n: &str| kc.slots.is_none() || dict_get_str(&kc.dict, n).is_some();
                has_dict |= names("__dict__");
                has_weak |= names("__weakref__");
            }
        }
        let add_dict = !has_dict && allows("__dict__");
        let add_weak = !has_weak && !weak_refused && allows("__weakref__");
        // Slot members were added after the implicit `__doc__`, which CPython adds last.
        if !add_dict && !add_weak && declared.is_none() {
            return;
        }
        let mut made = Vec::new();
        for (n, add) in [("__dict__", add_dict), ("__weakref__", add_weak)] {
            if add {
                made.push((
                    n,
                    crate::objects::descriptor::new(self, cls, n, false, false),
                ));
            }
        }
        if let Object::Class(c) = cls.get_mut() {
            let doc = if implicit_doc {
                c.dict.remove(str_hash_of("__doc__"), &mut |k| {
                    k.as_str() == Some("__doc__")
                })
            } else {
                None
            };
            for (n, d) in made {
                dict_set_str(&mut c.dict, n, d);
            }
            if let Some((_, d)) = doc {
                dict_set_str(&mut c.dict, "__doc__", d);
            }
        }
    }

    fn func_doc(&self, code: u32) -> Value {
        // The compiler puts a function's docstring (or None) first in co_consts; lambdas
        // have no docstring.
        let view = self.codes[code as usize].view;
        if view.name().as_str() == "<lambda>" {
            return Value::None;
        }
        match view.consts().iter().next() {
            Some(permafrost_image::ConstView::Str(s)) if self.codes[code as usize].transient => {
                Vm::str_val(s.as_str())
            }
            Some(permafrost_image::ConstView::Str(s)) => Value::Str(s),
            Some(permafrost_image::ConstView::WideStr(b)) => Vm::str_from_wide(b),
            _ => Value::None,
        }
    }

    pub(crate) fn special_instance_attr(&self, o: &ObjRef, name: &str) -> Option<Value> {
        let Object::Instance(inst) = o.get() else {
            return None;
        };
        match name {
            "__class__" => return Some(Value::Obj(inst.class.clone())),
            "__dict__" => {
                if matches!(inst.class.get(), Object::Class(c) if c.slots.is_some() || c.kind == TypeKind::Object)
                {
                    return None;
                }
                // Made once: the slots stay in `own`, the other attributes move to the dict.
                let slots = if inst.dict_obj.is_none() {
                    crate::objects::descriptor::slot_names(&inst.class)
                } else {
                    Vec::new()
                };
                return match o.get_mut() {
                    Object::Instance(inst) => {
                        let keep = if slots.is_empty() {
                            None
                        } else {
                            let (keep, rest) = split_slots(&inst.own, &slots);
                            inst.own = rest;
                            Some(keep)
                        };
                        let d = inst.dict_object();
                        if let Some(keep) = keep {
                            inst.own = keep;
                        }
                        Some(Value::Obj(d))
                    }
                    _ => None,
                };
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
            // Unless set (by the constructor's keywords or the import system).
            "name" | "path" if self.exc_matches(o, ExcKind::ImportError) => Value::None,
            "name" | "obj" if self.exc_matches(o, ExcKind::AttributeError) => Value::None,
            "name" if self.exc_matches(o, ExcKind::NameError) => Value::None,
            "msg" if self.exc_matches(o, ExcKind::ImportError) => match e.args.as_slice() {
                [m] => m.clone(),
                _ => Value::None,
            },
            "value" if self.exc_matches(o, ExcKind::StopIteration) => {
                e.args.first().cloned().unwrap_or(Value::None)
            }
            // No argument: None; one: itself; more: the arguments' tuple.
            "code" if self.exc_matches(o, ExcKind::SystemExit) => match e.args.len() {
                0 => Value::None,
                1 => e.args[0].clone(),
                _ => Vm::new_tuple(e.args.clone()),
            },
            _ => return None,
        })
    }

    /// An attribute a function or code object inherits from `object` (`__class__`,
    /// `__eq__`, `__reduce_ex__`, ...), bound to it.
    fn inherited_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if name == "__class__" {
            return Ok(Value::Obj(self.type_of(obj)));
        }
        let object_t = self.type_obj(TypeKind::Object).clone();
        match self.lookup_class_attr(&object_t, name) {
            Some(Value::Native(n)) if name != "__new__" => Ok(Value::obj(Object::BoundMethod {
                func: Value::Native(n),
                receiver: obj.clone(),
            })),
            Some(v) => Ok(v),
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// `fn.__code__.co_*`: read from the image in place.
    fn code_attr(&self, c: u32, name: &str) -> Option<Value> {
        let info = &self.codes[c as usize];
        let view = info.view;
        // Run-time code's buffer may be freed while these values live on: copy them.
        let transient = info.transient;
        let s = |t: permafrost_image::ImgStr<'static>| {
            if transient {
                Vm::str_val(t.as_str())
            } else {
                Value::Str(t)
            }
        };
        let strs = |l: permafrost_image::StrList<'static>| Vm::new_tuple(l.iter().map(s).collect());
        // Nested code constants become code objects with attributes (as `f.__code__` is);
        // those of run-time units stay as they are (their handle keeps the unit alive).
        let image_codes = self.image.code_count();
        let as_code = |v: Value| match v {
            Value::Code(i) if i < image_codes => Value::obj(Object::CodeRef(i)),
            v => v,
        };
        if transient && name == "co_consts" {
            return Some(Vm::new_tuple(
                info.owned_consts.iter().cloned().map(as_code).collect(),
            ));
        }
        if transient && name == "co_code" {
            return Some(Value::obj(Object::Bytes(
                crate::value::object::BytesData::Owned(view.code_bytes().into()),
            )));
        }
        Some(match name {
            "co_name" => s(view.name()),
            "co_qualname" => s(view.qualname()),
            "co_filename" => s(view.filename()),
            "co_firstlineno" => Value::Int(view.firstlineno() as i64),
            "co_argcount" => Value::Int(view.argcount() as i64),
            "co_posonlyargcount" => Value::Int(view.posonlyargcount() as i64),
            "co_kwonlyargcount" => Value::Int(view.kwonlyargcount() as i64),
            // The slot's flags: `code.replace(co_flags=...)` gives a slot its own.
            "co_flags" => Value::Int(info.flags as i64),
            "co_stacksize" => Value::Int(view.stacksize() as i64),
            "co_nlocals" => Value::Int(view.varnames().len() as i64),
            "co_varnames" => strs(view.varnames()),
            "co_freevars" => strs(view.freevars()),
            "co_cellvars" => strs(view.cellvars()),
            "co_names" => strs(view.names()),
            "co_consts" => Vm::new_tuple(
                view.consts()
                    .iter()
                    .map(|k| as_code(crate::vm::layout::const_value(k, false)))
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
                    let hash = crate::value::dict_table::str_hash_value(name_v);
                    let plain = matches!(cls.get(), Object::Class(c) if !c.has_getattribute);
                    if plain && dict_get_h(inst.table(), hash, name).is_none() {
                        if let Some(a) = self.lookup_class_attr_h(&cls, hash, name) {
                            if matches!(a.body(), Some(Object::Function(_)))
                                || matches!(a, Value::Native(n) if n.binds())
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
                Object::Super { class, receiver } => {
                    if let Some(m) = super_plain_method(class, receiver, name) {
                        return Ok((m, receiver.clone()));
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
    /// `obj.__dict__ = d`: `d` becomes the instance's attribute storage.
    pub fn set_instance_dict(&mut self, o: &ObjRef, v: Value) -> PyResult<()> {
        let d = match v.body() {
            Some(Object::Dict(_)) => v.as_obj().cloned(),
            // A dict subclass's instance keeps its entries in its base dict.
            Some(Object::Instance(i)) if matches!(i.base.body(), Some(Object::Dict(_))) => {
                i.base.as_obj().cloned()
            }
            _ => None,
        };
        let Some(d) = d else {
            return Err(self.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                self.type_name(&v)
            )));
        };
        let slots = match o.get() {
            Object::Instance(inst) => crate::objects::descriptor::slot_names(&inst.class),
            _ => Vec::new(),
        };
        if let Object::Instance(inst) = o.get_mut() {
            // The slots' values are kept; the other attributes are replaced.
            inst.own = split_slots(&inst.own, &slots).0;
            inst.dict_obj = Some(d);
        }
        Ok(())
    }

    /// `obj.__class__ = new` for an instance of a program class: allowed between program
    /// classes of the same layout (built-in base, `__slots__`), as CPython's checks decide.
    fn set_instance_class(&mut self, o: &ObjRef, old: &ObjRef, new: Value) -> PyResult<()> {
        let Some(Object::Class(nc)) = new.body() else {
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(&new)
            )));
        };
        let Object::Class(oc) = old.get() else {
            return Ok(());
        };
        if nc.builtin || oc.builtin {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        let new_cls = new.as_obj().cloned().unwrap_or_else(|| old.clone());
        if self.builtin_base_kind(&new_cls) != self.builtin_base_kind(old) || nc.slots != oc.slots {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                nc.name, oc.name
            )));
        }
        if let Object::Instance(inst) = o.get_mut() {
            inst.class = new_cls;
        }
        Ok(())
    }

    pub fn setattr(&mut self, obj: &Value, name_v: &Value, v: Value) -> PyResult<()> {
        self.setattr_with(obj, name_v, v, true)
    }

    /// `object.__setattr__(obj, name, v)`: as `obj.name = v` without the class's own
    /// `__setattr__` (descriptors, slots and `__dict__` still apply).
    pub fn setattr_generic(&mut self, obj: &Value, name_v: &Value, v: Value) -> PyResult<()> {
        self.setattr_with(obj, name_v, v, false)
    }

    fn setattr_with(
        &mut self,
        obj: &Value,
        name_v: &Value,
        v: Value,
        user_setattr: bool,
    ) -> PyResult<()> {
        let name = name_v.as_str().unwrap_or("");
        let Some(o) = obj.as_obj() else {
            return Err(self.builtin_attr_unsettable(obj, name, Some(&v)));
        };
        match o.get() {
            Object::Instance(inst) => {
                let cls = inst.class.clone();
                let hash = crate::value::dict_table::str_hash_value(name_v);
                let (has_props, has_setattr) = match cls.get() {
                    Object::Class(c) => (c.has_properties, c.has_setattr),
                    _ => (true, true),
                };
                let class_attr = if has_props {
                    self.lookup_class_attr_h(&cls, hash, name)
                } else {
                    None
                };
                let v = match class_attr {
                    Some(a) => match self.set_through_descriptor(&a, obj, v)? {
                        Some(v) => v,
                        None => return Ok(()),
                    },
                    None => v,
                };
                if has_setattr && user_setattr {
                    if let Some(sa) = self.lookup_user_attr(&cls, "__setattr__") {
                        self.call_special(&sa, obj, &[name_v.clone(), v])?;
                        return Ok(());
                    }
                }
                if name == "__class__" {
                    return self.set_instance_class(o, &cls, v);
                }
                if name == "__traceback__"
                    && matches!(o.get(), Object::Instance(inst) if inst.exc.is_some())
                {
                    return crate::stdlib::sys::set_traceback(self, o, &v);
                }
                let is_exc_attr = matches!(name, "__cause__" | "__context__");
                if is_exc_attr
                    && matches!(o.get(), Object::Instance(inst) if inst.exc.is_some())
                    && !matches!(v, Value::None)
                    && !matches!(v.body(), Some(Object::Instance(i)) if i.exc.is_some())
                {
                    let what = if name == "__cause__" {
                        "cause"
                    } else {
                        "context"
                    };
                    return Err(self.type_error(format!(
                        "exception {what} must be None or derive from BaseException"
                    )));
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
                            if self.lookup_class_attr(&cls, name).is_some() {
                                return Err(self.err(
                                    ExcKind::AttributeError,
                                    format!("'{}' object attribute '{name}' is read-only", c.name),
                                ));
                            }
                            return Err(self.attr_error(obj, name));
                        }
                    }
                    // Instances of `object` itself have no `__dict__`.
                    if c.kind == TypeKind::Object {
                        return Err(self.attr_error(obj, name));
                    }
                }
                if name == "__dict__" {
                    return self.set_instance_dict(o, v);
                }
                let key = name_v.clone();
                if let Object::Instance(inst) = o.get_mut() {
                    inst.table_mut().insert(hash, key, v, &mut |k| match k {
                        Value::Str(s) if std::ptr::eq(s.as_str().as_ptr(), name.as_ptr()) => {
                            s.as_str().len() == name.len()
                        }
                        _ => k.as_str() == Some(name),
                    });
                }
                Ok(())
            }
            Object::Class(c) => {
                // A metaclass's own `__setattr__` (an Enum's) decides.
                if let Some(meta) = c.metaclass.clone() {
                    if let Some(sa) = self.lookup_user_attr(&meta, "__setattr__") {
                        self.call(&sa, &[obj.clone(), name_v.clone(), v], &[])?;
                        return Ok(());
                    }
                }
                self.set_class_attr(o, obj, name_v, v)
            }
            Object::Module(_) => {
                let mut rebind = None;
                if let Object::Module(m) = o.get_mut() {
                    if m.name == "builtins" {
                        rebind = Some(v.clone());
                    }
                    match &m.dict {
                        Some(d) => {
                            if let Object::Dict(d) = d.get_mut() {
                                dict_set_str(d, name, v);
                            }
                        }
                        None => {
                            let s = m.slot_for(name, name_v.clone());
                            m.slots[s as usize] = v;
                        }
                    }
                }
                if let Some(v) = rebind {
                    self.rebind_builtin(name, &v);
                }
                Ok(())
            }
            Object::Function(_) => {
                if name == "__code__" {
                    return crate::vm::dynamic::set_function_code(self, o, v);
                }
                if matches!(name, "__closure__" | "__globals__") {
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
                        "__doc__" => {
                            f.set.get_or_insert_with(Default::default).doc = Some(v);
                            return Ok(());
                        }
                        "__module__" => {
                            f.set.get_or_insert_with(Default::default).module = Some(v);
                            return Ok(());
                        }
                        "__annotations__" => {
                            if !matches!(v, Value::None)
                                && !matches!(v.body(), Some(Object::Dict(_)))
                            {
                                return Err(
                                    self.type_error("__annotations__ must be set to a dict object")
                                );
                            }
                            f.set.get_or_insert_with(Default::default).annotations =
                                Some(v).filter(|v| !matches!(v, Value::None));
                            return Ok(());
                        }
                        _ => {}
                    }
                    if name == "__dict__" {
                        if !matches!(v.body(), Some(Object::Dict(_))) {
                            return Err(self.type_error(format!(
                                "__dict__ must be set to a dictionary, not a '{}'",
                                self.type_name(&v)
                            )));
                        }
                        f.dict = v.as_obj().cloned();
                        return Ok(());
                    }
                    let d = f.dict_object();
                    if let Object::Dict(d) = d.get_mut() {
                        d.insert(str_hash_of(name), name_v.clone(), v, &mut |k| {
                            k.as_str() == Some(name)
                        });
                    }
                }
                Ok(())
            }
            // A property's docstring is writable (CPython 3.11 stores it per object).
            Object::Property(_) if name == "__doc__" => {
                if let Object::Property(p) = o.get_mut() {
                    p.doc = v;
                }
                Ok(())
            }
            _ => Err(self.builtin_attr_unsettable(obj, name, Some(&v))),
        }
    }

    /// The error of setting or deleting attribute `name` of a built-in object that has no
    /// `__dict__`: a method is "read-only", a computed attribute "not writable", a member
    /// "readonly", anything else missing.
    #[cold]
    fn builtin_attr_unsettable(&mut self, obj: &Value, name: &str, v: Option<&Value>) -> ObjRef {
        let mut tname = self.type_name(obj);
        if name == "__class__" {
            return match v {
                Some(v) if !matches!(v.body(), Some(Object::Class(_))) => self.type_error(format!(
                    "__class__ must be set to a class, not '{}' object",
                    self.type_name(v)
                )),
                Some(_) => self.type_error(
                    "__class__ assignment only supported for mutable types or ModuleType subclasses",
                ),
                None => self.type_error("can't delete __class__ attribute"),
            };
        }
        let kind = self.kind_of(obj);
        if crate::objects::method(kind, name).is_some() {
            return self.err(
                ExcKind::AttributeError,
                format!("'{tname}' object attribute '{name}' is read-only"),
            );
        }
        if self.getattr_inner(obj, &Vm::str_val(name)).is_err() {
            return self.attr_error(obj, name);
        }
        // bool's numeric attributes are int's.
        if tname == "bool" {
            tname = "int".to_string();
        }
        let member = matches!(
            (&*tname, name),
            ("complex", "real" | "imag") | ("slice" | "range", "start" | "stop" | "step")
        );
        if member {
            self.err(ExcKind::AttributeError, "readonly attribute")
        } else {
            self.err(
                ExcKind::AttributeError,
                format!("attribute '{name}' of '{tname}' objects is not writable"),
            )
        }
    }

    /// `type.__setattr__`: binds `name_v` in class `o` (`obj`), through a metaclass data
    /// descriptor if there is one.
    pub fn set_class_attr(
        &mut self,
        o: &ObjRef,
        obj: &Value,
        name_v: &Value,
        v: Value,
    ) -> PyResult<()> {
        let name = name_v.as_str().unwrap_or("");
        let meta = match o.get() {
            Object::Class(c) => c.metaclass.clone(),
            _ => None,
        };
        if let Some(r) = self.set_class_special(o, name, &v) {
            return r;
        }
        let descr = meta.and_then(|m| self.lookup_user_attr(&m, name));
        let v = match descr {
            Some(a) => match self.set_through_descriptor(&a, obj, v)? {
                Some(v) => v,
                None => return Ok(()),
            },
            None => v,
        };
        let hash = str_hash_of(name);
        let key = name_v.clone();
        let is_prop = prop_of(&v).is_some() || self.is_user_descriptor(&v);
        let is_setattr = name == "__setattr__";
        let is_getattribute = name == "__getattribute__";
        let is_del = name == "__del__";
        if let Object::Class(c) = o.get_mut() {
            c.has_del |= is_del;
            c.has_properties |= is_prop || is_getattribute;
            c.has_getattribute |= is_getattribute;
            c.has_setattr |= is_setattr;
            c.dict
                .insert(hash, key, v, &mut |k| k.as_str() == Some(name));
        }
        Ok(())
    }

    pub fn delattr(&mut self, obj: &Value, name_v: &Value) -> PyResult<()> {
        // A metaclass's own `__delattr__` (an Enum's) decides.
        if let Some(Object::Class(c)) = obj.body() {
            if let Some(meta) = c.metaclass.clone() {
                if let Some(da) = self.lookup_user_attr(&meta, "__delattr__") {
                    self.call(&da, &[obj.clone(), name_v.clone()], &[])?;
                    return Ok(());
                }
            }
        }
        self.delattr_raw(obj, name_v)
    }

    /// `del obj.name` without a metaclass's `__delattr__` (`type.__delattr__`).
    pub fn delattr_raw(&mut self, obj: &Value, name_v: &Value) -> PyResult<()> {
        self.delattr_with(obj, name_v, true)
    }

    /// `object.__delattr__(obj, name)`: `del obj.name` without the class's own
    /// `__delattr__`.
    pub fn delattr_generic(&mut self, obj: &Value, name_v: &Value) -> PyResult<()> {
        self.delattr_with(obj, name_v, false)
    }

    fn delattr_with(&mut self, obj: &Value, name_v: &Value, user_delattr: bool) -> PyResult<()> {
        let name = name_v.as_str().unwrap_or("");
        if let Some(Object::Instance(inst)) = obj.body() {
            let cls = inst.class.clone();
            if inst.exc.is_some() && name == "__traceback__" {
                return Err(self.type_error("__traceback__ may not be deleted"));
            }
            if user_delattr {
                if let Some(da) = self.lookup_user_attr(&cls, "__delattr__") {
                    self.call(&da, &[obj.clone(), name_v.clone()], &[])?;
                    return Ok(());
                }
            }
            if let Some(a) = self.lookup_class_attr(&cls, name) {
                if let Some(Object::Instance(di)) = a.body() {
                    let dcls = di.class.clone();
                    if let Some(del) = self.lookup_user_attr(&dcls, "__delete__") {
                        self.call(&del, &[a.clone(), obj.clone()], &[])?;
                        return Ok(());
                    }
                    if self.lookup_user_attr(&dcls, "__set__").is_some() {
                        return Err(self.err(ExcKind::AttributeError, "__delete__"));
                    }
                }
                if let Some(p) = prop_of(&a) {
                    crate::objects::property::set_value(self, &p, obj, None)?;
                    return Ok(());
                }
            }
        }
        if let Some(Object::Class(c)) = obj.body() {
            if name == "__mro__" {
                return Err(self.err(ExcKind::AttributeError, "readonly attribute"));
            }
            let verb = if c.builtin { "set" } else { "delete" };
            if c.builtin
                || matches!(
                    name,
                    "__name__" | "__qualname__" | "__bases__" | "__module__"
                )
            {
                return Err(self.type_error(format!(
                    "cannot {verb} '{name}' attribute of immutable type '{}'",
                    c.name
                )));
            }
        }
        if name == "__dict__" {
            match obj.as_obj().map(|o| o.get_mut()) {
                Some(Object::Function(_)) => {
                    return Err(self.type_error("cannot delete __dict__"));
                }
                // The instance starts over with no attributes.
                Some(Object::Instance(inst))
                    if matches!(inst.class.get(), Object::Class(c)
                        if c.slots.is_none() && c.kind != TypeKind::Object) =>
                {
                    inst.own = Dict::new();
                    inst.dict_obj = None;
                    return Ok(());
                }
                _ => {}
            }
        }
        let removed = match obj.as_obj().map(|o| o.get_mut()) {
            Some(Object::Function(f)) => match f.dict.as_ref().map(|d| d.get_mut()) {
                Some(Object::Dict(d)) => d
                    .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                    .is_some(),
                _ => false,
            },
            Some(Object::Instance(inst)) => inst
                .table_mut()
                .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                .is_some(),
            Some(Object::Class(c)) => {
                if name == "__abstractmethods__" {
                    c.abstract_ = false;
                }
                c.dict
                    .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                    .is_some()
            }
            Some(Object::Module(m)) if m.dict.is_some() => {
                match m.dict.as_ref().map(|d| d.get_mut()) {
                    Some(Object::Dict(d)) => d
                        .remove(str_hash_of(name), &mut |k| k.as_str() == Some(name))
                        .is_some(),
                    _ => false,
                }
            }
            Some(Object::Module(m)) => match m.slot_of(name) {
                Some(s) => {
                    let was_set =
                        !std::mem::replace(&mut m.slots[s as usize], Value::Null).is_null();
                    if was_set && m.name == "builtins" {
                        self.rebind_builtin(name, &Value::Null);
                    }
                    was_set
                }
                None => false,
            },
            _ => false,
        };
        if removed {
            Ok(())
        } else if matches!(obj.body(), Some(Object::Instance(i))
            if matches!(i.class.get(), Object::Class(c)
                if c.slots.as_ref().is_some_and(|s| s.iter().any(|n| &**n == name))))
        {
            // An unset slot: CPython's member descriptor names only the attribute.
            Err(self.err(ExcKind::AttributeError, name.to_string()))
        } else if let Some(Object::Instance(i)) = obj.body() {
            // A `__slots__` instance has no `__dict__`: a class attribute cannot be deleted
            // through it.
            let cls = i.class.clone();
            match cls.get() {
                Object::Class(c)
                    if c.slots.is_some() && self.lookup_class_attr(&cls, name).is_some() =>
                {
                    Err(self.err(
                        ExcKind::AttributeError,
                        format!("'{}' object attribute '{name}' is read-only", c.name),
                    ))
                }
                _ => Err(self.attr_error(obj, name)),
            }
        } else if matches!(
            obj.body(),
            Some(Object::Class(_) | Object::Module(_) | Object::Function(_))
        ) {
            Err(self.attr_error(obj, name))
        } else {
            Err(self.builtin_attr_unsettable(obj, name, None))
        }
    }

    /// `super().name`.
    fn super_getattr(&mut self, class: &ObjRef, receiver: &Value, name: &str) -> PyResult<Value> {
        if receiver.is_null() {
            // Unbound (`super(C)`): only the super object's own attributes.
            return match name {
                "__thisclass__" => Ok(Value::Obj(class.clone())),
                "__self__" | "__self_class__" => Ok(Value::None),
                "__class__" => Ok(Value::Obj(self.types[TypeKind::Super as usize].clone())),
                _ => Err(self.err(
                    ExcKind::AttributeError,
                    format!("'super' object has no attribute '{name}'"),
                )),
            };
        }
        let rtype = self.type_of(receiver);
        let instance_mode = Vm::is_subclass(&rtype, class);
        let start_cls = match receiver.body() {
            Some(Object::Class(_)) if !instance_mode => {
                receiver.as_obj().cloned().unwrap_or_else(|| class.clone())
            }
            _ => rtype,
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
                let core = match a.body() {
                    Some(Object::Instance(i))
                        if self.lookup_user_attr(&i.class, "__get__").is_none() =>
                    {
                        crate::objects::property::descr_base(&a)
                    }
                    _ => None,
                };
                return match core.as_ref().unwrap_or(&a).body() {
                    Some(Object::ClassMethod(f)) => {
                        let f = f.clone();
                        self.classmethod_bind(&f, &Value::Obj(start_cls.clone()))
                    }
                    Some(Object::StaticMethod(f)) => Ok(f.clone()),
                    _ => {
                        if !instance_mode && !matches!(a, Value::Native(_)) {
                            // A class receiver: descriptors get `(None, receiver)`.
                            if let Some(Object::Instance(i)) = a.body() {
                                if let Some(get) = self.lookup_user_attr(&i.class, "__get__") {
                                    return self.call(
                                        &get,
                                        &[a.clone(), Value::None, receiver.clone()],
                                        &[],
                                    );
                                }
                            }
                            return Ok(a);
                        }
                        let start = start_cls.clone();
                        self.bind_attr(a, receiver, &start)
                    }
                };
            }
        }
        if let Some(b) = crate::value::num::inst_base(receiver) {
            let kind = self.kind_of(&b);
            if let Some(m) = crate::objects::method(kind, name)
                .or_else(|| crate::objects::dunders::dunder(kind, name))
            {
                return Ok(Value::obj(Object::BoundMethod {
                    func: Value::Native(m),
                    receiver: b,
                }));
            }
        }
        match name {
            "__thisclass__" => return Ok(Value::Obj(class.clone())),
            "__self__" => return Ok(receiver.clone()),
            "__self_class__" => return Ok(Value::Obj(start_cls)),
            "__class__" => return Ok(Value::Obj(self.types[TypeKind::Super as usize].clone())),
            _ => {}
        }
        Err(self.err(
            ExcKind::AttributeError,
            format!("'super' object has no attribute '{name}'"),
        ))
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kw)`: picks the metaclass, runs
    /// the class body against the namespace `__prepare__` returns, then calls the metaclass.
    pub fn build_class(&mut self, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let npos = args.len() - kwnames.len();
        if npos < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = args[0].clone();
        let name_v = args[1].clone();
        let name = name_v.as_str().unwrap_or("?").to_string();
        let orig_bases: Vec<Value> = args[2..npos].to_vec();
        let bases_v = self.resolve_mro_entries(&orig_bases)?;
        let mut explicit_meta = None;
        let mut kw_names = Vec::new();
        let mut kw_values = Vec::new();
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            if k.as_str() == Some("metaclass") {
                explicit_meta = Some(v.clone());
            } else {
                kw_names.push(k.clone());
                kw_values.push(v.clone());
            }
        }
        let Some(fobj) = func.as_obj().cloned() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let (code, closure, owner) = match fobj.get() {
            Object::Function(f) => (
                f.code,
                f.closure.clone(),
                (f.heap_code.clone(), f.module, f.globals.clone()),
            ),
            _ => return Err(self.type_error("__build_class__: func must be a function")),
        };
        let type_t = self.type_obj(TypeKind::Type).clone();
        // The metaclass: the explicit one, or the most derived of the bases' metaclasses.
        let meta = match explicit_meta {
            Some(m) if !matches!(m.body(), Some(Object::Class(_))) => m,
            m => {
                let start = match &m {
                    Some(Value::Obj(o)) => o.clone(),
                    _ => match bases_v.first() {
                        Some(b) => self.type_of(b),
                        None => type_t.clone(),
                    },
                };
                Value::Obj(self.most_derived_meta(start, &bases_v)?)
            }
        };
        let is_plain_type = matches!(&meta, Value::Obj(o) if o.ptr_eq(&type_t));
        let bases_tuple = Vm::new_tuple(bases_v.clone());
        let mut kw_all = kw_values.clone();
        let ns = if is_plain_type {
            Value::obj(Object::Dict(Dict::new()))
        } else {
            match self.getattr_opt(&meta, "__prepare__")? {
                Some(prep) => {
                    let mut pargs = vec![name_v.clone(), bases_tuple.clone()];
                    pargs.append(&mut kw_all);
                    let ns = self.call(&prep, &pargs, &kw_names)?;
                    if ns.as_obj().is_none() {
                        let mname = match meta.body() {
                            Some(Object::Class(c)) => c.name.clone(),
                            _ => "?".into(),
                        };
                        return Err(self.type_error(format!(
                            "{mname}.__prepare__() must return a mapping, not {}",
                            self.type_name(&ns)
                        )));
                    }
                    ns
                }
                None => Value::obj(Object::Dict(Dict::new())),
            }
        };
        let Some(ns_obj) = ns.as_obj().cloned() else {
            return Err(self.type_error("__prepare__() must return a mapping"));
        };
        let info = &self.codes[code as usize];
        let mut cells = Vec::new();
        for _ in 0..info.ncells {
            cells.push(ObjRef::new(Object::Cell(Value::Null)));
        }
        cells.extend(closure);
        let ret = self.run_code_in(code, Some(ns_obj.clone()), cells, owner)?;
        if bases_v.len() != orig_bases.len()
            || bases_v.iter().zip(&orig_bases).any(|(a, b)| !a.is(b))
        {
            // PEP 560: the namespace records the bases as written.
            let orig = Vm::new_tuple(orig_bases);
            self.setitem(&Value::Obj(ns_obj), Vm::str_val("__orig_bases__"), orig)?;
        }
        let cls = if is_plain_type {
            let Value::Obj(ns_obj) = &ns else {
                return Err(self.type_error("namespace"));
            };
            let dict = match ns_obj.get() {
                Object::Dict(d) => d.clone(),
                _ => Dict::new(),
            };
            let bases = self.class_bases(&bases_v)?;
            let kw: Vec<(Value, Value)> = kw_names.into_iter().zip(kw_values).collect();
            Value::Obj(self.type_new(&type_t, &name, bases, dict, &kw)?)
        } else {
            let mut cargs = vec![name_v, bases_tuple, ns];
            cargs.extend(kw_values);
            self.call(&meta, &cargs, &kw_names)?
        };
        if let Some(Object::Cell(c)) = ret.as_obj().map(|o| o.get_mut()) {
            if c.is_null() {
                *c = cls.clone();
            }
        }
        Ok(cls)
    }

    /// PEP 560: each base that is not a class but has `__mro_entries__` is replaced by the
    /// bases that method gives for the original bases tuple.
    fn resolve_mro_entries(&mut self, orig: &[Value]) -> PyResult<Vec<Value>> {
        if orig
            .iter()
            .all(|b| matches!(b.body(), Some(Object::Class(_))))
        {
            return Ok(orig.to_vec());
        }
        let tuple = Vm::new_tuple(orig.to_vec());
        let mut out = Vec::with_capacity(orig.len());
        for b in orig {
            if matches!(b.body(), Some(Object::Class(_))) {
                out.push(b.clone());
                continue;
            }
            match self.getattr_opt(b, "__mro_entries__")? {
                Some(f) => {
                    let r = self.call(&f, std::slice::from_ref(&tuple), &[])?;
                    match r.body() {
                        Some(Object::Tuple(t)) => out.extend(t.iter().cloned()),
                        _ => return Err(self.type_error("__mro_entries__ must return a tuple")),
                    }
                }
                None => out.push(b.clone()),
            }
        }
        Ok(out)
    }

    /// The bases of a new class as class objects (`object` when there are none).
    fn class_bases(&self, bases_v: &[Value]) -> PyResult<Vec<ObjRef>> {
        let mut bases = Vec::with_capacity(bases_v.len().max(1));
        for b in bases_v {
            match b.as_obj() {
                Some(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if bases.is_empty() {
            bases.push(self.type_obj(TypeKind::Object).clone());
        }
        Ok(bases)
    }

    /// The metaclass of a class with these bases, starting from `meta`: the one metaclass
    /// that derives from all the others, or CPython's metaclass-conflict error.
    pub fn most_derived_meta(&self, meta: ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta;
        for b in bases {
            let bt = self.type_of(b);
            if Vm::is_subclass(&winner, &bt) {
                continue;
            }
            if Vm::is_subclass(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, dict)` once the arguments are checked: creates the
    /// class, then runs `__set_name__` on its attributes and the parent's
    /// `__init_subclass__(**kw)`.
    pub fn type_new(
        &mut self,
        meta: &ObjRef,
        name: &str,
        bases: Vec<ObjRef>,
        mut dict: Dict,
        kw: &[(Value, Value)],
    ) -> PyResult<ObjRef> {
        self.check_layouts(&bases)?;
        let mro = self.c3_mro(&bases)?;
        let base_kind = |k: TypeKind| {
            bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.kind == k))
        };
        let kind = if base_kind(TypeKind::Exception) {
            TypeKind::Exception
        } else if base_kind(TypeKind::Type) {
            TypeKind::Type
        } else {
            TypeKind::User
        };
        let module_name = match dict_get_str(&dict, "__module__").and_then(|v| v.as_str()) {
            Some(m) => m.to_string(),
            None => {
                let m = self.current_module_name();
                dict_set_str(&mut dict, "__module__", Vm::str_val(m.as_str()));
                m
            }
        };
        let qual = match dict_get_str(&dict, "__qualname__") {
            None => name.to_string(),
            Some(v) => match v.as_str() {
                Some(q) => q.to_string(),
                None => {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(v)
                    )))
                }
            },
        };
        dict.remove(str_hash_of("__qualname__"), &mut |k| {
            k.as_str() == Some("__qualname__")
        });
        let classcell = dict
            .remove(str_hash_of("__classcell__"), &mut |k| {
                k.as_str() == Some("__classcell__")
            })
            .map(|(_, v)| v);
        let implicit_doc = dict_get_str(&dict, "__doc__").is_none();
        if implicit_doc {
            // As CPython: a class without a docstring says so in its namespace.
            dict_set_str(&mut dict, "__doc__", Value::None);
        }
        if dict_get_str(&dict, "__eq__").is_some() && dict_get_str(&dict, "__hash__").is_none() {
            dict_set_str(&mut dict, "__hash__", Value::None);
        }
        // Implicit class and static methods, as CPython's type.__new__ makes them.
        for (n, wrap_static) in [
            ("__init_subclass__", false),
            ("__class_getitem__", false),
            ("__new__", true),
        ] {
            if let Some(f) = dict_get_str(&dict, n) {
                if matches!(f.body(), Some(Object::Function(_))) {
                    let f = f.clone();
                    let w = if wrap_static {
                        Object::StaticMethod(f)
                    } else {
                        Object::ClassMethod(f)
                    };
                    dict_set_str(&mut dict, n, Value::obj(w));
                }
            }
        }
        let has_getattribute = dict_get_str(&dict, "__getattribute__").is_some()
            || bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.has_getattribute));
        let has_setattr = dict_get_str(&dict, "__setattr__").is_some()
            || bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.has_setattr));
        let has_del = dict_get_str(&dict, "__del__").is_some()
            || bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.has_del));
        let mut own_slots: Vec<String> = Vec::new();
        let slots = match dict_get_str(&dict, "__slots__") {
            None => None,
            Some(sv) => {
                let names: Vec<Value> = match sv.body() {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    Some(Object::List(l)) => l.clone(),
                    _ if sv.as_str().is_some() => vec![sv.clone()],
                    _ => {
                        let sv = sv.clone();
                        self.collect(&sv)?
                    }
                };
                let mut own: Vec<Box<str>> = Vec::with_capacity(names.len());
                for n in &names {
                    let Some(s) = n.as_str() else {
                        return Err(self.type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            self.type_name(n)
                        )));
                    };
                    // The implicit `__doc__ = None` is no class variable (a `__doc__` slot
                    // replaces it below).
                    if s != "__dict__"
                        && !(s == "__doc__" && implicit_doc)
                        && dict_get_str(&dict, s).is_some()
                    {
                        return Err(self.value_error(format!(
                            "'{s}' in __slots__ conflicts with class variable"
                        )));
                    }
                    // Private names are stored mangled, as the attributes are named.
                    let mangled = crate::value::object::mangle_private(name, s);
                    own.push(Box::from(&*mangled));
                    if s != "__dict__" && s != "__weakref__" {
                        own_slots.push(s.to_string());
                    }
                }
                // `__dict__` among the slots gives instances a dict again.
                let mut all = if own.iter().any(|s| &**s == "__dict__") {
                    None
                } else {
                    Some(own)
                };
                for b in &bases {
                    match b.get() {
                        Object::Class(bc) if bc.builtin => {}
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
        // Instances with both slots and a `__dict__` read and write their slots through the
        // member descriptors (data descriptors win over the dict), so the slots never land
        // in `__dict__`.
        let slots_beside_dict = slots.is_none()
            && (!own_slots.is_empty()
                || mro.iter().any(|k| {
                    matches!(k.get(), Object::Class(kc)
                        if kc.dict.iter().any(|(_, v)| crate::objects::descriptor::is_slot_member(v)))
                }));
        let has_properties = has_getattribute
            || slots_beside_dict
            || dict
                .iter()
                .any(|(_, v)| prop_of(v).is_some() || self.is_user_descriptor(v))
            || bases
                .iter()
                .any(|b| matches!(b.get(), Object::Class(c) if c.has_properties));
        let metaclass = if meta.ptr_eq(self.type_obj(TypeKind::Type)) {
            None
        } else {
            Some(meta.clone())
        };
        let cls = ObjRef::new(Object::Class(Class {
            name: name.to_string(),
            qualname: qual,
            module: module_name,
            bases,
            mro: Vec::new(),
            dict: crate::value::object::ClassDict::new(dict),
            kind,
            has_properties,
            has_setattr,
            has_del,
            slots,
            metaclass,
            has_getattribute,
            builtin: false,
            subclasses: Vec::new(),
            abstract_: false,
        }));
        let mut full = vec![cls.clone()];
        full.extend(mro);
        let bases_now = if let Object::Class(c) = cls.get_mut() {
            c.mro = full;
            c.bases.clone()
        } else {
            Vec::new()
        };
        // Each base lists its subclasses weakly (`__subclasses__`).
        for b in &bases_now {
            if let Object::Class(bc) = b.get_mut() {
                bc.subclasses.retain(|w| w.get().is_some());
                bc.subclasses.push(cls.downgrade(usize::MAX));
            }
        }
        // Each slot is a member descriptor in the namespace (under its mangled name). It
        // reads and writes the instance's own attribute table, so it does not set
        // `has_properties`: instance reads stay on the fast path (table first, then the
        // class, where an unset slot's descriptor raises the AttributeError).
        for s in &own_slots {
            let key = crate::value::object::mangle_private(name, s);
            let d = crate::objects::descriptor::new(self, &cls, &key, true, true);
            if let Object::Class(c) = cls.get_mut() {
                dict_set_str(&mut c.dict, &key, d);
            }
        }
        self.add_instance_descriptors(&cls, implicit_doc);
        let cls_v = Value::Obj(cls.clone());
        if let Some(Object::Cell(c)) = classcell
            .as_ref()
            .and_then(|c| c.as_obj())
            .map(|o| o.get_mut())
        {
            *c = cls_v.clone();
        }
        // `__set_name__` on the attributes, in definition order.
        let attrs: Vec<(Value, Value)> = match cls.get() {
            Object::Class(c) => c.dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        for (k, v) in attrs {
            // A property learns its name for its error messages.
            if let Some(p) = prop_of(&v) {
                if let Some(Object::Property(p)) = p.as_obj().map(|o| o.get_mut()) {
                    p.name = k.clone();
                }
            }
            if let Some(Object::Instance(i)) = v.body() {
                if let Some(sn) = self.lookup_user_attr(&i.class, "__set_name__") {
                    if let Err(e) = self.call(&sn, &[v.clone(), cls_v.clone(), k.clone()], &[]) {
                        // CPython 3.11 reports the failing attribute, chaining the error.
                        let msg = format!(
                            "Error calling __set_name__ on '{}' instance {} in '{}'",
                            self.type_name(&v),
                            self.repr(&k)?,
                            name
                        );
                        let re = self.err(ExcKind::RuntimeError, msg);
                        if let Object::Instance(i) = re.get_mut() {
                            if let Some(d) = i.exc.as_mut() {
                                d.cause = Value::Obj(e.clone());
                                d.context = Value::Obj(e);
                                d.suppress_context = true;
                            }
                        }
                        return Err(re);
                    }
                }
            }
        }
        // The parent's `__init_subclass__`, as `super(cls, cls).__init_subclass__(**kw)`.
        let parent_hook = match cls.get() {
            Object::Class(c) => c.mro[1..].iter().find_map(|k| match k.get() {
                Object::Class(kc) if !kc.builtin => {
                    dict_get_str(&kc.dict, "__init_subclass__").cloned()
                }
                _ => None,
            }),
            _ => None,
        };
        match parent_hook {
            Some(hook) => {
                let f = match hook.body() {
                    Some(Object::ClassMethod(f)) => Some(f.clone()),
                    Some(Object::StaticMethod(f)) => {
                        let f = f.clone();
                        let (names, vals): (Vec<Value>, Vec<Value>) = kw.iter().cloned().unzip();
                        let _ = self.call(&f, &vals, &names)?;
                        None
                    }
                    _ => Some(hook.clone()),
                };
                if let Some(f) = f {
                    let mut a = vec![cls_v.clone()];
                    let mut names = Vec::with_capacity(kw.len());
                    for (k, v) in kw {
                        names.push(k.clone());
                        a.push(v.clone());
                    }
                    self.call(&f, &a, &names)?;
                }
            }
            None if !kw.is_empty() => {
                return Err(self.type_error(format!(
                    "{name}.__init_subclass__() takes no keyword arguments"
                )));
            }
            None => {}
        }
        Ok(cls)
    }

    /// The `__name__` of the module whose code is running (for classes made by `type()`).
    fn current_module_name(&self) -> String {
        "__main__".into()
    }

    /// CPython's "instance lay-out conflict": two bases built on different built-in types
    /// with their own instance layout (`class A(int, str)`), neither deriving from the other.
    fn check_layouts(&self, bases: &[ObjRef]) -> PyResult<()> {
        // Built-in types CPython does not let a class derive from.
        for b in bases {
            if let Object::Class(c) = b.get() {
                if c.builtin
                    && matches!(
                        c.kind,
                        TypeKind::Bool
                            | TypeKind::NoneType
                            | TypeKind::Range
                            | TypeKind::Slice
                            | TypeKind::Function
                            | TypeKind::BuiltinFunction
                            | TypeKind::Method
                            | TypeKind::Generator
                            | TypeKind::Iterator
                            | TypeKind::Cell
                            | TypeKind::Code
                            | TypeKind::DictView
                            | TypeKind::NotImplementedType
                            | TypeKind::Ellipsis
                            | TypeKind::Coroutine
                            | TypeKind::AsyncGenerator
                            | TypeKind::CoroutineWrapper
                            | TypeKind::AsyncGenASend
                            | TypeKind::AsyncGenAThrow
                            | TypeKind::ANextAwaitable
                    )
                    && !(c.kind == TypeKind::Iterator
                        && crate::builtins::functions::ITER_TYPE_NAMES.contains(&c.name.as_str()))
                {
                    return Err(self
                        .type_error(format!("type '{}' is not an acceptable base type", c.name)));
                }
            }
        }
        // A program class whose own `__slots__` add instance fields (not only `__dict__` or
        // `__weakref__`) has a layout of its own.
        let own_layout = |kc: &crate::value::object::Class| -> bool {
            let Some(v) = dict_get_str(&kc.dict, "__slots__") else {
                return false;
            };
            let names: Vec<Value> = match v.body() {
                Some(Object::Tuple(t)) => t.to_vec(),
                Some(Object::List(l)) => l.clone(),
                _ if v.as_str().is_some() => vec![v.clone()],
                _ => return true,
            };
            names
                .iter()
                .any(|n| !matches!(n.as_str(), Some("__dict__" | "__weakref__")))
        };
        // The nearest class with a layout of its own along a base's MRO.
        let solid = |b: &ObjRef| -> Option<ObjRef> {
            let Object::Class(c) = b.get() else {
                return None;
            };
            c.mro
                .iter()
                .find(|k| match k.get() {
                    Object::Class(kc) if kc.builtin => matches!(
                        kc.kind,
                        TypeKind::Int
                            | TypeKind::Float
                            | TypeKind::Complex
                            | TypeKind::Str
                            | TypeKind::Bytes
                            | TypeKind::List
                            | TypeKind::Tuple
                            | TypeKind::Dict
                            | TypeKind::Set
                            | TypeKind::FrozenSet
                    ),
                    Object::Class(kc) => own_layout(kc),
                    _ => false,
                })
                .cloned()
        };
        let mut best: Option<ObjRef> = None;
        for b in bases {
            let Some(s) = solid(b) else { continue };
            best = match best {
                None => Some(s),
                Some(cur) if Vm::is_subclass(&cur, &s) => Some(cur),
                Some(cur) if Vm::is_subclass(&s, &cur) => Some(s),
                Some(_) => {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"))
                }
            };
        }
        Ok(())
    }

    /// C3 linearisation of the bases (excluding the new class itself).
    pub(crate) fn c3_mro(&self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| o.ptr_eq(b)) {
                return Err(self.type_error(format!("duplicate base class {}", Vm::class_name(b))));
            }
        }
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
                // CPython names the head of each sequence still to merge, once each.
                let mut heads: Vec<ObjRef> = Vec::new();
                for s in &seqs {
                    if !heads.iter().any(|h| h.ptr_eq(&s[0])) {
                        heads.push(s[0].clone());
                    }
                }
                let names: Vec<String> = heads.iter().map(Vm::class_name).collect();
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
            if first.is_null() {
                // The first argument may live in a cell (when it is one of the cell variables).
                let name = view.varnames().iter().next().map(|n| n.as_str());
                let cell = view
                    .cellvars()
                    .iter()
                    .position(|c| Some(c.as_str()) == name);
                match cell.and_then(|i| f.cells.get(i)).map(|c| c.get()) {
                    Some(Object::Cell(v)) => v.clone(),
                    _ => Value::Null,
                }
            } else {
                first
            }
        } else {
            Value::Null
        };
        if receiver.is_null() {
            let why = if view.argcount() > 0 {
                "super(): arg[0] deleted"
            } else {
                "super(): no arguments"
            };
            return Err(self.err(ExcKind::RuntimeError, why));
        }
        // The first argument may have been rebound to something else.
        let fits = match receiver.body() {
            Some(Object::Class(_)) => receiver
                .as_obj()
                .is_some_and(|r| Vm::is_subclass(r, &class)),
            _ => false,
        } || Vm::is_subclass(&self.type_of(&receiver), &class);
        if !fits {
            return Err(
                self.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        Ok(Value::obj(Object::Super { class, receiver }))
    }
}

/// `super(class, receiver).name(...)` where `receiver` is an instance of a subclass of
/// `class`: the first definition of `name` after `class` along the receiver type's MRO, when
/// it is a Python function or a built-in method, to be called with `receiver` first, as the
/// bound method `super_getattr` makes would be; `None` sends the read down that general path.
fn super_plain_method(class: &ObjRef, receiver: &Value, name: &str) -> Option<Value> {
    let Some(Object::Instance(inst)) = receiver.body() else {
        return None;
    };
    let Object::Class(rc) = inst.class.get() else {
        return None;
    };
    let pos = rc.mro.iter().position(|k| k.ptr_eq(class))? + 1;
    for k in &rc.mro[pos..] {
        let Object::Class(kc) = k.get() else {
            return None;
        };
        if let Some(a) = dict_get_str(&kc.dict, name) {
            let plain = matches!(a.body(), Some(Object::Function(_)))
                || matches!(a, Value::Native(n) if n.binds());
            return plain.then(|| a.clone());
        }
    }
    None
}

/// `own` split into the entries named in `slots` and the rest.
fn split_slots(own: &Dict, slots: &[String]) -> (Dict, Dict) {
    let mut keep = Dict::new();
    let mut rest = Dict::new();
    for (k, v) in own.iter() {
        if let Some(name) = k.as_str() {
            let to = if slots.iter().any(|s| s == name) {
                &mut keep
            } else {
                &mut rest
            };
            dict_set_str(to, name, v.clone());
        }
    }
    (keep, rest)
}

/// The class methods of built-in type `kind` (`dict.fromkeys`, `int.from_bytes` ...): read
/// through a subclass or an instance of one, they are bound to that class.
pub(crate) fn builtin_class_method(
    kind: TypeKind,
    name: &str,
) -> Option<&'static crate::vm::native::NativeFn> {
    match (kind, name) {
        (TypeKind::Dict, "fromkeys") => Some(&crate::objects::dict::FROMKEYS),
        (TypeKind::Bytes, "fromhex" | "maketrans") => crate::objects::method(kind, name),
        (TypeKind::Int | TypeKind::Bool, "from_bytes") => Some(&crate::objects::int::FROM_BYTES),
        (TypeKind::Float, "fromhex") => Some(&crate::objects::float::FROMHEX),
        (TypeKind::Float, "__getformat__") => Some(&crate::objects::float::GETFORMAT),
        (TypeKind::Str, "maketrans") => crate::objects::method(kind, name),
        _ => None,
    }
}
