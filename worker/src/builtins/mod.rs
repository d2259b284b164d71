//! The builtins: the namespace's functions (their table is in [`functions`]), the shared
//! helpers they and the methods of `list` use (sorting, numeric arguments), and calling a
//! built-in type (`int(x)`, `dict(a=1)`), which hands over to that type's `construct` in
//! `objects/`.

use crate::value::dict_table::dict_set_str;
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::{Object, TypeKind};
use crate::value::Value;
use crate::vm::native::Args;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_semantics::number;
use std::collections::HashMap;

pub(crate) mod functions;

/// Binds the built-ins into a new interpreter: the natives of `object`, `type` and the
/// container types in their class dicts, the builtins namespace (types, exception classes,
/// functions, constants), and each code object's fallback from a global name to its built-in
/// (resolved once here, so a global miss never hashes the name).
pub(crate) fn install(vm: &mut Vm) {
    let set_attr = |cls: &ObjRef, name: &str, v: Value| {
        if let Object::Class(c) = cls.get_mut() {
            dict_set_str(&mut c.dict, name, v);
        }
    };
    let object_t = vm.types[TypeKind::Object as usize].clone();
    set_attr(
        &object_t,
        "__init__",
        Value::Native(&crate::objects::object::INIT),
    );
    set_attr(
        &object_t,
        "__repr__",
        Value::Native(&crate::objects::object::REPR),
    );
    set_attr(
        &object_t,
        "__str__",
        Value::Native(&crate::objects::object::STR),
    );
    set_attr(
        &object_t,
        "__setattr__",
        Value::Native(&crate::objects::object::SETATTR),
    );
    set_attr(
        &object_t,
        "__delattr__",
        Value::Native(&crate::objects::object::DELATTR),
    );
    set_attr(
        &object_t,
        "__eq__",
        Value::Native(&crate::objects::object::EQ),
    );
    set_attr(
        &object_t,
        "__ne__",
        Value::Native(&crate::objects::object::NE),
    );
    set_attr(
        &object_t,
        "__hash__",
        Value::Native(&crate::objects::object::HASH),
    );
    for (name, f) in ["__lt__", "__le__", "__gt__", "__ge__"]
        .iter()
        .zip(crate::objects::object::ORDERING.iter())
    {
        set_attr(&object_t, name, Value::Native(f));
    }
    set_attr(
        &object_t,
        "__new__",
        Value::obj(Object::StaticMethod(Value::Native(
            &crate::objects::object::NEW,
        ))),
    );
    for (kind, init) in [
        (TypeKind::List, &crate::objects::list::INIT),
        (TypeKind::Dict, &crate::objects::dict::INIT),
        (TypeKind::Set, &crate::objects::set::INIT),
    ] {
        set_attr(&vm.types[kind as usize], "__init__", Value::Native(init));
    }
    set_attr(
        &object_t,
        "__init_subclass__",
        Value::obj(Object::ClassMethod(Value::Native(
            &crate::objects::object::INIT_SUBCLASS,
        ))),
    );
    set_attr(
        &object_t,
        "__subclasshook__",
        Value::obj(Object::ClassMethod(Value::Native(
            &crate::objects::object::SUBCLASSHOOK,
        ))),
    );
    set_attr(
        &object_t,
        "__getattribute__",
        Value::Native(&crate::objects::object::GETATTRIBUTE),
    );
    for (name, f) in [
        ("__reduce_ex__", &crate::objects::object::REDUCE_EX),
        ("__reduce__", &crate::objects::object::REDUCE),
        ("__getstate__", &crate::objects::object::GETSTATE),
        ("__sizeof__", &crate::objects::object::SIZEOF),
        ("__format__", &crate::objects::object::FORMAT),
        ("__dir__", &crate::builtins::functions::OBJECT_DIR),
    ] {
        set_attr(&object_t, name, Value::Native(f));
    }
    for (kind, f) in crate::objects::object::VALUE_NEWS {
        set_attr(
            &vm.types[*kind as usize],
            "__new__",
            Value::obj(Object::StaticMethod(Value::Native(f))),
        );
    }
    let type_t = vm.types[TypeKind::Type as usize].clone();
    set_attr(
        &type_t,
        "__new__",
        Value::obj(Object::StaticMethod(Value::Native(
            &crate::objects::typeobj::NEW,
        ))),
    );
    set_attr(
        &type_t,
        "__init__",
        Value::Native(&crate::objects::typeobj::INIT),
    );
    set_attr(
        &type_t,
        "__call__",
        Value::Native(&crate::objects::typeobj::CALL),
    );
    set_attr(&type_t, "mro", Value::Native(&crate::objects::typeobj::MRO));
    set_attr(
        &type_t,
        "__setattr__",
        Value::Native(&crate::objects::typeobj::SETATTR),
    );
    set_attr(
        &type_t,
        "__delattr__",
        Value::Native(&crate::objects::typeobj::DELATTR),
    );
    set_attr(
        &type_t,
        "__subclasses__",
        Value::Native(&crate::objects::typeobj::SUBCLASSES),
    );
    set_attr(
        &type_t,
        "__or__",
        Value::Native(&crate::objects::alias::TYPE_OR),
    );
    set_attr(
        &type_t,
        "__ror__",
        Value::Native(&crate::objects::alias::TYPE_ROR),
    );
    set_attr(
        &vm.exc_types[ExcKind::BaseException as usize],
        "__init__",
        Value::Native(&crate::objects::exception::INIT),
    );
    // The descriptor types' methods live in their class dicts, where a subclass's MRO and
    // `super()` find them.
    for (kind, table) in [
        (
            TypeKind::Property,
            crate::objects::property::PROPERTY_METHODS,
        ),
        (
            TypeKind::ClassMethod,
            crate::objects::property::CLASSMETHOD_METHODS,
        ),
        (
            TypeKind::StaticMethod,
            crate::objects::property::STATICMETHOD_METHODS,
        ),
    ] {
        for f in table {
            set_attr(&vm.types[kind as usize], f.name(), Value::Native(f));
        }
    }
    crate::objects::descriptor::install_function_attrs(vm);
    crate::objects::descriptor::install_type_attrs(vm);
    // The mutable containers are unhashable: `list.__hash__ is None`.
    for kind in [
        TypeKind::List,
        TypeKind::Dict,
        TypeKind::Set,
        TypeKind::Slice,
    ] {
        set_attr(&vm.types[kind as usize], "__hash__", Value::None);
    }
    // `module.__init__` comes before `object.__init__` for `types.ModuleType` subclasses.
    set_attr(
        &vm.types[TypeKind::Module as usize],
        "__init__",
        Value::Native(&crate::objects::module::METHODS[0]),
    );
    let mut builtins: HashMap<&'static str, Value> = HashMap::new();
    for (kind, name) in crate::vm::TYPE_NAMES {
        // Types CPython keeps out of the builtins namespace (reachable through `type()`).
        let internal = matches!(
            kind,
            TypeKind::NoneType
                | TypeKind::Function
                | TypeKind::BuiltinFunction
                | TypeKind::Method
                | TypeKind::Module
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
        );
        if !internal {
            builtins.insert(name, Value::Obj(vm.types[*kind as usize].clone()));
        }
    }
    for kind in ExcKind::ALL {
        builtins.insert(
            kind.name(),
            Value::Obj(vm.exc_types[*kind as usize].clone()),
        );
    }
    crate::objects::exception_group::install(vm);
    let os_error = Value::Obj(vm.exc_types[ExcKind::OSError as usize].clone());
    builtins.insert("EnvironmentError", os_error.clone());
    builtins.insert("IOError", os_error);
    let bytearray = crate::objects::bytearray::install(vm);
    builtins.insert("bytearray", Value::Obj(bytearray));
    let memoryview = crate::objects::memoryview::install(vm);
    builtins.insert("memoryview", Value::Obj(memoryview));
    add_functions(&mut builtins);
    // The iterator types are classes (isinstance, subclassing), called as the functions were.
    for name in functions::ITER_TYPE_NAMES {
        if let Some(t) = vm.iter_types.get(name).cloned() {
            set_attr(
                &t,
                "__new__",
                Value::obj(Object::StaticMethod(Value::Native(
                    &functions::ITER_TYPE_NEW,
                ))),
            );
            set_attr(&t, "__iter__", Value::Native(&crate::stdlib::ITER_SELF));
            set_attr(&t, "__next__", Value::Native(&functions::ITER_TYPE_NEXT));
            builtins.insert(name, Value::Obj(t));
        }
    }
    // Every built-in iterator copies and pickles.
    for t in vm.iter_types.values() {
        if matches!(t.get(), Object::Class(c) if c.kind == TypeKind::Iterator) {
            set_attr(
                t,
                "__reduce__",
                Value::Native(&crate::objects::iterator::REDUCE),
            );
            set_attr(
                t,
                "__setstate__",
                Value::Native(&crate::objects::iterator::SETSTATE),
            );
        }
    }
    builtins.insert("NotImplemented", Value::NotImplemented);
    builtins.insert("Ellipsis", Value::Ellipsis);
    builtins.insert("__debug__", Value::Bool(true));
    // Only names a global or name instruction reads can fall back (`global_slots` marks
    // them); the others (attributes, imports) are never looked up here. The names are
    // matched through the hashes their image records carry.
    let by_hash: crate::vm::layout::NameMap<&Value> = builtins
        .iter()
        .map(|(&k, v)| (crate::vm::layout::NameKey::new(k), v))
        .collect();
    for info in vm.codes.iter_mut() {
        let names = info.view.names();
        info.builtin_fallback = info
            .global_slots
            .iter()
            .enumerate()
            .map(|(i, &slot)| match slot {
                u32::MAX => Value::Null,
                _ => by_hash
                    .get(&crate::vm::layout::NameKey::of(names.get(i)))
                    .map_or(Value::Null, |&v| v.clone()),
            })
            .collect();
    }
    vm.builtins = builtins;
    // Exceptions hand out traceback objects whether or not `sys` is imported.
    crate::stdlib::sys::init_frame_types(vm);
    bind_value_type_dunders(vm);
}

/// Binds every built-in function in the builtins namespace `ns` under its name.
fn add_functions(ns: &mut HashMap<&'static str, Value>) {
    let named = functions::IDENTIFIED.iter().copied();
    for f in functions::FUNCTIONS.iter().chain(named) {
        ns.insert(f.name(), Value::Native(f));
    }
}

/// Stable merge sort with a fallible "less than".
pub fn merge_sort(
    vm: &mut Vm,
    items: Vec<(Value, Value)>,
    lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<Vec<(Value, Value)>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    // Insertion sort for short runs.
    if items.len() <= 8 {
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for it in items {
            let mut pos = out.len();
            while pos > 0 && lt(vm, &it.0, &out[pos - 1].0)? {
                pos -= 1;
            }
            out.insert(pos, it);
        }
        return Ok(out);
    }
    let mut items = items;
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(vm, items, lt)?;
    let right = merge_sort(vm, right, lt)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                if lt(vm, &b.0, &a.0)? {
                    out.extend(r.next());
                } else {
                    out.extend(l.next());
                }
            }
            (Some(_), None) => {
                out.extend(l);
                break;
            }
            (None, _) => {
                out.extend(r);
                break;
            }
        }
    }
    Ok(out)
}

impl Vm {
    pub(crate) fn f64_arg(&mut self, v: Option<&Value>, fname: &str) -> PyResult<f64> {
        match v.and_then(num_of) {
            Some(Num::I(i)) => Ok(i as f64),
            Some(Num::F(f)) => Ok(f),
            Some(Num::B(b)) => number::int_to_f64(b).map_err(|e| self.lib_err(e)),
            None => {
                if let Some(v) = v {
                    if let Some(Value::Float(f)) = self.call_dunder(v, "__float__", &[])? {
                        return Ok(f);
                    }
                    return Err(
                        self.type_error(format!("must be real number, not {}", self.type_name(v)))
                    );
                }
                Err(self.type_error(format!("{fname}() missing required argument")))
            }
        }
    }

    pub(crate) fn big_arg(&mut self, v: Option<&Value>) -> PyResult<BigInt> {
        match v.and_then(num_of) {
            Some(Num::I(i)) => Ok(BigInt::from(i)),
            Some(Num::B(b)) => Ok(b.clone()),
            _ => {
                let name = v
                    .map(|v| self.type_name(v))
                    .unwrap_or_else(|| "NoneType".into());
                Err(self.type_error(format!(
                    "'{name}' object cannot be interpreted as an integer"
                )))
            }
        }
    }

    /// Sorts values by key (`sorted`, `list.sort`).
    pub fn sort_values(
        &mut self,
        items: Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> PyResult<Vec<Value>> {
        let key = key.filter(|k| !matches!(k, Value::None)).cloned();
        let mut pairs = Vec::with_capacity(items.len());
        for v in items {
            let k = match &key {
                Some(f) => {
                    self.check_native_entry(crate::vm::nest::CALL)?;
                    self.call(f, std::slice::from_ref(&v), &[])?
                }
                None => v.clone(),
            };
            pairs.push((k, v));
        }
        if reverse {
            pairs.reverse();
        }
        let all_int = pairs.iter().all(|(k, _)| matches!(k, Value::Int(_)));
        let all_str = !all_int && pairs.iter().all(|(k, _)| k.as_str().is_some());
        let mut sorted = if all_int {
            pairs.sort_by_key(|(k, _)| if let Value::Int(i) = k { *i } else { 0 });
            pairs
        } else if all_str {
            pairs.sort_by(|(a, _), (b, _)| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
            pairs
        } else {
            // Each comparison is CPython's rich comparison, with its " in comparison" check.
            merge_sort(self, pairs, &mut |vm, a, b| {
                vm.check_native_entry(crate::vm::nest::COMPARE)?;
                vm.less_than(a, b)
            })?
        };
        if reverse {
            sorted.reverse();
        }
        Ok(sorted.into_iter().map(|(_, v)| v).collect())
    }

    /// Calls a built-in type: `int(x)`, `list(it)`, `dict(a=1)`, ...
    pub fn construct_builtin(
        &mut self,
        kind: TypeKind,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let a = Args::new(args, kwnames);
        // The containers take at most one iterable (and, but for dict, no keywords).
        let container = match kind {
            TypeKind::List => Some("list"),
            TypeKind::Tuple => Some("tuple"),
            TypeKind::Set => Some("set"),
            TypeKind::FrozenSet => Some("frozenset"),
            TypeKind::Dict => Some("dict"),
            _ => None,
        };
        if let Some(name) = container {
            if kind != TypeKind::Dict && !a.kw.is_empty() {
                return Err(self.type_error(format!("{name}() takes no keyword arguments")));
            }
            if a.pos.len() > 1 {
                return Err(self.type_error(format!(
                    "{name} expected at most 1 argument, got {}",
                    a.pos.len()
                )));
            }
        }
        match kind {
            TypeKind::Int => crate::objects::int::construct(self, &a),
            TypeKind::Float => crate::objects::float::construct(self, &a),
            TypeKind::Complex => crate::objects::complex::construct(self, &a),
            TypeKind::Str => crate::objects::str::construct(self, &a),
            TypeKind::Bool => crate::objects::int::construct_bool(self, &a),
            TypeKind::List => crate::objects::list::construct(self, &a),
            TypeKind::Tuple => crate::objects::tuple::construct(self, &a),
            TypeKind::Dict => crate::objects::dict::construct(self, &a),
            TypeKind::Set => crate::objects::set::construct(self, &a, false),
            TypeKind::FrozenSet => crate::objects::set::construct(self, &a, true),
            TypeKind::Range => crate::objects::range::construct(self, &a),
            TypeKind::Type => match a.pos.len() {
                1 => Ok(Value::Obj(self.type_of(&a.pos[0]))),
                _ => Err(self.type_error("type() takes 1 or 3 arguments")),
            },
            TypeKind::Bytes => crate::objects::bytes::construct(self, &a),
            TypeKind::Slice => crate::objects::slice::construct(self, &a),
            // The singletons' types return their one instance, given no arguments.
            TypeKind::NoneType | TypeKind::Ellipsis | TypeKind::NotImplementedType => {
                if !a.pos.is_empty() || !a.kw.is_empty() {
                    let name = match kind {
                        TypeKind::NoneType => "NoneType",
                        TypeKind::Ellipsis => "EllipsisType",
                        _ => "NotImplementedType",
                    };
                    return Err(self.type_error(format!("{name} takes no arguments")));
                }
                Ok(match kind {
                    TypeKind::NoneType => Value::None,
                    TypeKind::Ellipsis => Value::Ellipsis,
                    _ => Value::NotImplemented,
                })
            }
            TypeKind::Property => crate::objects::property::construct_property(self, &a),
            TypeKind::StaticMethod => crate::objects::property::construct_wrapper(self, &a, false),
            TypeKind::ClassMethod => crate::objects::property::construct_wrapper(self, &a, true),
            TypeKind::Super => self.call_native(&functions::SUPER, args, kwnames),
            // `types.MethodType(function, instance)`.
            TypeKind::Method => {
                match a.pos {
                    [func, receiver] => {
                        if !functions::is_callable(self, func) {
                            return Err(self.type_error("first argument must be callable"));
                        }
                        if matches!(receiver, Value::None) {
                            return Err(self.type_error("instance must not be None"));
                        }
                        Ok(Value::obj(Object::BoundMethod {
                            func: func.clone(),
                            receiver: receiver.clone(),
                        }))
                    }
                    _ => Err(self
                        .type_error(format!("method expected 2 arguments, got {}", a.pos.len()))),
                }
            }
            TypeKind::Module => self.construct_module(&a),
            TypeKind::Function => crate::vm::dynamic::construct_function(self, &a),
            _ => Err(self.type_error(format!(
                "cannot create '{}' instances",
                Vm::class_name(self.type_obj(kind))
            ))),
        }
    }
}

impl Vm {
    /// `types.ModuleType(name, doc=None)`: an empty module holding the five attributes
    /// CPython's module initialiser sets.
    fn construct_module(&mut self, a: &Args) -> PyResult<Value> {
        let (_, text, doc) = self.module_args(a)?;
        let module = crate::stdlib::new_module(
            &text,
            &[],
            &[
                ("__doc__", doc),
                ("__package__", Value::None),
                ("__loader__", Value::None),
                ("__spec__", Value::None),
            ],
        );
        Ok(Value::Obj(module))
    }

    /// The `(name, name as text, doc)` of `module(name, doc=None)`, with CPython's messages.
    pub(crate) fn module_args(&mut self, a: &Args) -> PyResult<(Value, String, Value)> {
        let mut name = a.pos.first().cloned();
        let mut doc = a.pos.get(1).cloned();
        if a.pos.len() > 2 {
            return Err(self.type_error(format!(
                "module() takes at most 2 arguments ({} given)",
                a.pos.len() + a.kw.len()
            )));
        }
        for &(k, v) in a.kw.iter() {
            let slot = match k {
                "name" if name.is_none() => &mut name,
                "doc" if doc.is_none() => &mut doc,
                "name" | "doc" => {
                    let pos = if k == "name" { 1 } else { 2 };
                    return Err(self.type_error(format!(
                        "argument for module() given by name ('{k}') and position ({pos})"
                    )));
                }
                _ => {
                    return Err(self
                        .type_error(format!("'{k}' is an invalid keyword argument for module()")))
                }
            };
            *slot = Some(v.clone());
        }
        let Some(name) = name else {
            return Err(self.type_error("module() missing required argument 'name' (pos 1)"));
        };
        let Some(text) = name.as_str().map(str::to_string) else {
            return Err(self.type_error(format!(
                "module() argument 'name' must be str, not {}",
                self.type_name(&name)
            )));
        };
        Ok((name, text, doc.unwrap_or(Value::None)))
    }
}

/// Puts each built-in value type's own dunders in its namespace, as CPython's type slots do
/// (`'__hash__' in str.__dict__`): a subclass's MRO then finds `str.__hash__` before a later
/// base's (`StrEnum` hashes as its str), and every read gives the same object.
fn bind_value_type_dunders(vm: &mut Vm) {
    use TypeKind as K;
    for kind in [
        K::Int,
        K::Bool,
        K::Float,
        K::Str,
        K::Bytes,
        K::List,
        K::Tuple,
        K::Dict,
        K::Set,
        K::FrozenSet,
        K::Range,
    ] {
        let cls = vm.types[kind as usize].clone();
        for f in crate::objects::dunders::all() {
            let name = f.name();
            let present = match cls.get() {
                Object::Class(c) => crate::vm::attrs::dict_get_str(&c.dict, name).is_some(),
                _ => true,
            };
            if present {
                continue;
            }
            let v = if name == "__hash__" && matches!(kind, K::List | K::Dict | K::Set) {
                Value::None
            } else if let Some(m) = crate::objects::method(kind, name) {
                Value::Native(m)
            } else if let Some(d) = crate::objects::dunders::dunder(kind, name) {
                crate::objects::slot_wrapper::wrap(vm, &cls, d)
            } else {
                continue;
            };
            if let Object::Class(c) = cls.get_mut() {
                dict_set_str(&mut c.dict, name, v);
            }
        }
    }
}
