//! The interpreter state (`Vm`): the image and its side tables, loaded modules, the built-in
//! type objects, the output sink and the recursion counter, plus the helpers every other
//! module uses to make values and raise exceptions.

use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{Class, ExcData, Instance, Module, Object, PyStr, TypeKind};
use crate::value::Value;
use crate::vm::layout::Layout;
use crate::vm::layout::{CodeInfo, ModuleTemplate};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use permafrost_image::Image;
use permafrost_semantics::error;
use std::collections::HashMap;

pub(crate) use exceptions::ExcKind;
use permafrost_semantics::error::ErrorKind;

pub(crate) mod attr_cache;
pub(crate) mod attrs;
pub(crate) mod call;
pub(crate) mod class_attrs;
pub(crate) mod coroutine;
pub(crate) mod dynamic;
pub(crate) mod eval;
pub(crate) mod exceptions;
pub(crate) mod green;
pub(crate) mod import;
pub(crate) mod json;
pub(crate) mod layout;
pub(crate) mod native;
pub(crate) mod ops;
pub(crate) mod repr;
pub(crate) mod traceback;

/// Every fallible operation returns the raised exception (an exception instance) on error.
pub type PyResult<T> = Result<T, ObjRef>;

/// CPython's default recursion limit.
pub const RECURSION_LIMIT: u32 = 1000;

/// What `sys._getframe` knows of a running frame: its code and globals, and the instruction
/// of its last call (the line a caller frame is at).
pub struct FrameRecord {
    pub code: u32,
    pub module: u32,
    /// Run-time code: its globals dict.
    pub globals: Option<ObjRef>,
    /// Class bodies: the namespace.
    pub namespace: Option<ObjRef>,
    pub ip: usize,
}

/// Where `print` writes.
pub enum Sink {
    /// The process's stdout, flushed in chunks and before `run_main` returns.
    Stdout,
    /// Captured for a job's reply.
    Capture,
}

/// Why a native path recursed: the suffix CPython puts after "maximum recursion depth
/// exceeded" in the `RecursionError` it raises there.
pub mod nest {
    /// A call of a built-in or of an object through `__call__` from native code.
    pub const CALL: &str = " while calling a Python object";
    /// Comparing containers item by item.
    pub const COMPARE: &str = " in comparison";
    /// `repr` of a container (or of anything showing another object's repr).
    pub const REPR: &str = " while getting the repr of an object";
    /// `str` of an object showing another object's str (an exception's argument).
    pub const STR: &str = " while getting the str of an object";
    /// Converting a job's result to JSON (CPython's `json` encoder says the same).
    pub const JSON: &str = " while encoding a JSON object";
    /// `isinstance` through nested tuples of classes.
    pub const INSTANCECHECK: &str = " in __instancecheck__";
    /// `issubclass` through nested tuples of classes.
    pub const SUBCLASSCHECK: &str = " in __subclasscheck__";
}

pub struct Vm {
    pub image: Image<'static>,
    pub layout: Layout,
    pub codes: Vec<CodeInfo>,
    pub templates: Vec<ModuleTemplate>,
    /// Image modules by index: the module whose slots each frame of its code reads globals
    /// from (what is *loaded* is `sys_modules`).
    pub modules: Vec<Option<ObjRef>>,
    /// Image module index by module name.
    pub module_by_name: HashMap<Box<str>, u32>,
    /// Whether each image module's top level is running (for CPython's "partially
    /// initialized module" messages).
    pub initializing: Vec<bool>,
    /// Native modules (`math`) built so far.
    pub native_modules: HashMap<String, ObjRef>,
    /// `sys.modules`: the dict the import system consults first and registers modules in.
    pub sys_modules: ObjRef,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// The frames running, innermost last (`sys._getframe`).
    pub frame_records: Vec<FrameRecord>,
    /// Module index of the module run as `__main__` (for `__name__`), if any.
    pub main_as_dunder_main: bool,
    pub types: Vec<ObjRef>,
    /// The built-in exception classes, indexed by `ExcKind`.
    pub exc_types: Vec<ObjRef>,
    pub builtins: HashMap<&'static str, Value>,
    pub out: String,
    pub sink: Sink,
    pub depth: u32,
    /// Exceptions being handled, across frames (top = the current one).
    pub handled: Vec<Value>,
    /// Set by `RERAISE` / bare `raise` so the frame does not add a traceback entry again.
    pub reraising: bool,
    /// Spare frames (with their buffers' capacity), reused by calls and generators. Boxed:
    /// a generator keeps the box it was created in, and a call moves a pointer, not a frame.
    #[allow(clippy::vec_box)]
    pub frame_pool: Vec<Box<crate::value::frame::Frame>>,
    /// Class attribute lookups by (class, name), valid while the type epoch holds.
    pub lookup_cache: crate::vm::attr_cache::LookupCache,
    /// Per-instruction attribute lookup sites (`vm/attr_cache.rs`).
    pub site_cache: crate::vm::attr_cache::SiteCache,
    /// Per class (by address, valid at a type epoch): whether its `__eq__` and `__ne__` are
    /// `object`'s, so `==`/`!=` between its instances is identity (`ops::identity_eq`).
    pub identity_eq_cache: [std::cell::Cell<(usize, u64, u8)>; crate::vm::ops::IDENTITY_EQ_SLOTS],
    /// The value a frame just returned or yielded, moved here whole by `RETURN_VALUE` /
    /// `YIELD_VALUE` and taken at once by the caller (`Null` otherwise). Handing it over in
    /// place instead of inside nested `Result`s keeps it a single 16-byte move on the call path.
    pub ret_slot: Value,
    pub empty_tuple: Value,
    /// Ids of containers being repr'd (recursive containers print `[...]`).
    pub repr_guard: Vec<usize>,
    /// Type objects of the built-in iterators and views (`zip`, `list_iterator`, ...).
    pub iter_types: HashMap<&'static str, ObjRef>,
    /// The process that froze the heap (0 if not frozen): a worker forked from it moves this
    /// struct, whose counters are written on every call, off the inherited page.
    pub frozen_in_pid: u32,
    /// Transient code units (`dynamic`).
    pub units: dynamic::Units,
    /// Types defined by native modules, by qualified name (`itertools._grouper`), for natives
    /// that make instances of another type of their module.
    pub native_types: HashMap<&'static str, ObjRef>,
    /// Image modules that stand in for a CPython C module (`datetime` for `_datetime`): their
    /// frames leave no traceback entries, as C code has no Python frames.
    pub frameless_modules: Vec<u32>,
    /// `atexit` registrations, each a tuple `(func, args, kwnames, kwvalues)`, run last first
    /// when the program ends.
    pub atexit: Vec<Value>,
    /// `os.register_at_fork(after_in_child=...)` callables, run in each worker forked from
    /// the zygote before its first job (`random` reseeds there).
    pub at_fork_child: Vec<Value>,
    /// The host-files capability: `open`, the `os` file calls and a real standard input.
    /// Off unless the embedder grants it (`permafrost run` does; a serving worker never),
    /// so a job cannot reach the host's file system. Every file entry point checks it
    /// (`stdlib::fs::allowed`).
    pub host_files: bool,
    /// The threads Python code started, and whose turn it is (`green`).
    pub green: green::Green,
}

const ITER_TYPES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "range_iterator",
    "longrange_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "list_reverseiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "reversed",
    "callable_iterator",
    "iterator",
    "dict_keys",
    "dict_values",
    "dict_items",
    "odict_keys",
    "odict_values",
    "odict_items",
];

/// Built-in type objects, in `TypeKind` order.
pub(crate) const TYPE_NAMES: &[(TypeKind, &str)] = &[
    (TypeKind::Object, "object"),
    (TypeKind::Type, "type"),
    (TypeKind::NoneType, "NoneType"),
    (TypeKind::Bool, "bool"),
    (TypeKind::Int, "int"),
    (TypeKind::Float, "float"),
    (TypeKind::Str, "str"),
    (TypeKind::Bytes, "bytes"),
    (TypeKind::List, "list"),
    (TypeKind::Tuple, "tuple"),
    (TypeKind::Dict, "dict"),
    (TypeKind::Set, "set"),
    (TypeKind::FrozenSet, "frozenset"),
    (TypeKind::Range, "range"),
    (TypeKind::Slice, "slice"),
    (TypeKind::Function, "function"),
    (TypeKind::BuiltinFunction, "builtin_function_or_method"),
    (TypeKind::Method, "method"),
    (TypeKind::Module, "module"),
    (TypeKind::Generator, "generator"),
    (TypeKind::Iterator, "iterator"),
    (TypeKind::Cell, "cell"),
    (TypeKind::Code, "code"),
    (TypeKind::Property, "property"),
    (TypeKind::StaticMethod, "staticmethod"),
    (TypeKind::ClassMethod, "classmethod"),
    (TypeKind::Super, "super"),
    (TypeKind::DictView, "dict_keys"),
    (TypeKind::NotImplementedType, "NotImplementedType"),
    (TypeKind::Ellipsis, "ellipsis"),
    (TypeKind::Complex, "complex"),
    (TypeKind::Coroutine, "coroutine"),
    (TypeKind::AsyncGenerator, "async_generator"),
    (TypeKind::CoroutineWrapper, "coroutine_wrapper"),
    (TypeKind::AsyncGenASend, "async_generator_asend"),
    (TypeKind::AsyncGenAThrow, "async_generator_athrow"),
    (TypeKind::ANextAwaitable, "anext_awaitable"),
];

fn new_class(name: &str, bases: Vec<ObjRef>, kind: TypeKind) -> ObjRef {
    let cls = ObjRef::new(Object::Class(Class {
        name: name.to_string(),
        qualname: name.to_string(),
        module: "builtins".to_string(),
        bases: bases.clone(),
        mro: Vec::new(),
        dict: crate::value::object::ClassDict::new(Dict::new()),
        kind,
        has_properties: false,
        has_setattr: false,
        has_del: false,
        slots: None,
        metaclass: None,
        has_getattribute: false,
        subclasses: Vec::new(),
        abstract_: false,
        builtin: true,
    }));
    let mut mro = vec![cls.clone()];
    if let Some(b) = bases.first() {
        if let Object::Class(bc) = b.get() {
            mro.extend(bc.mro.iter().cloned());
        }
    }
    if let Object::Class(c) = cls.get_mut() {
        c.mro = mro;
    }
    for b in &bases {
        if let Object::Class(bc) = b.get_mut() {
            bc.subclasses.push(cls.downgrade(usize::MAX));
        }
    }
    cls
}

impl Vm {
    /// The interpreter state over `image`: the built-in type objects and exception classes,
    /// with nothing bound in them yet (`builtins::install` binds the built-ins).
    pub fn new(
        image: Image<'static>,
        layout: Layout,
        codes: Vec<CodeInfo>,
        templates: Vec<ModuleTemplate>,
    ) -> Vm {
        let mut types: Vec<ObjRef> = Vec::new();
        for (kind, name) in TYPE_NAMES {
            let bases = match kind {
                TypeKind::Object => vec![],
                _ => vec![types[0].clone()],
            };
            types.push(new_class(name, bases, *kind));
        }
        // bool derives from int, which is created after it.
        let int_t = types[TypeKind::Int as usize].clone();
        let bool_t = types[TypeKind::Bool as usize].clone();
        if let Object::Class(c) = bool_t.get_mut() {
            c.bases = vec![int_t.clone()];
            c.mro = vec![bool_t.clone(), int_t.clone(), types[0].clone()];
        }
        if let Object::Class(c) = int_t.get_mut() {
            c.subclasses.push(bool_t.downgrade(usize::MAX));
        }
        if let Object::Class(c) = types[0].get_mut() {
            c.subclasses
                .retain(|w| w.get().is_some_and(|k| !k.ptr_eq(&bool_t)));
        }
        let mut exc_types: Vec<ObjRef> = Vec::with_capacity(ExcKind::ALL.len());
        for kind in ExcKind::ALL {
            let base = match kind.base() {
                None => types[0].clone(),
                // `ExcKind::ALL` lists every base before its subclasses.
                Some(b) => exc_types[b as usize].clone(),
            };
            let mut bases = vec![base];
            if *kind == ExcKind::ExceptionGroup {
                // `class ExceptionGroup(BaseExceptionGroup, Exception)`.
                bases.push(exc_types[ExcKind::Exception as usize].clone());
            }
            let cls = new_class(kind.name(), bases, TypeKind::Exception);
            if *kind == ExcKind::ExceptionGroup {
                // C3: ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object.
                if let Object::Class(c) = cls.get_mut() {
                    let exception = exc_types[ExcKind::Exception as usize].clone();
                    c.mro.insert(2, exception);
                }
            }
            exc_types.push(cls);
        }
        let mut iter_types = HashMap::new();
        for name in ITER_TYPES {
            let kind = if name.contains("dict_") && !name.ends_with("iterator") {
                TypeKind::DictView
            } else {
                TypeKind::Iterator
            };
            // An OrderedDict's views derive from the dict's (listed before them).
            let base = match name.strip_prefix('o').and_then(|n| iter_types.get(n)) {
                Some(b) => ObjRef::clone(b),
                None => types[0].clone(),
            };
            iter_types.insert(*name, new_class(name, vec![base], kind));
        }
        let nmods = image.module_count() as usize;
        let empty_tuple = Value::obj(Object::Tuple(Box::new([])));
        Vm {
            image,
            layout,
            codes,
            templates,
            modules: vec![None; nmods],
            module_by_name: (0..nmods as u32)
                .map(|i| (image.module(i).name.as_str().into(), i))
                .collect(),
            initializing: vec![false; nmods],
            native_modules: HashMap::new(),
            sys_modules: ObjRef::new(Object::Dict(Dict::new())),
            recursion_limit: RECURSION_LIMIT,
            green: green::Green::default(),
            frame_records: Vec::new(),
            main_as_dunder_main: false,
            types,
            exc_types,
            builtins: HashMap::new(),
            out: String::new(),
            sink: Sink::Stdout,
            depth: 0,
            handled: Vec::new(),
            reraising: false,
            frame_pool: Vec::new(),
            lookup_cache: Default::default(),
            site_cache: Default::default(),
            identity_eq_cache: std::array::from_fn(|_| std::cell::Cell::new((0, 0, 0))),
            ret_slot: Value::Null,
            empty_tuple,
            repr_guard: Vec::new(),
            iter_types,
            frozen_in_pid: 0,
            units: Default::default(),
            native_types: HashMap::new(),
            frameless_modules: Vec::new(),
            atexit: Vec::new(),
            at_fork_child: Vec::new(),
            host_files: false,
        }
    }

    // ----- output -----

    pub fn write_out(&mut self, s: &str) {
        self.out.push_str(s);
        if matches!(self.sink, Sink::Stdout) && self.out.len() > 1 << 16 {
            self.flush_out();
        }
    }

    pub fn flush_out(&mut self) {
        if matches!(self.sink, Sink::Stdout) && !self.out.is_empty() {
            use std::io::Write;
            let mut so = std::io::stdout().lock();
            // A closed stdout is not the program's error; output is dropped as CPython does
            // when its stdout pipe closes.
            let _ = so.write_all(self.out.as_bytes());
            let _ = so.flush();
            self.out.clear();
        }
    }

    // ----- value constructors -----

    pub fn str_val(s: impl Into<Box<str>>) -> Value {
        Value::obj(Object::Str(PyStr::new(s)))
    }

    /// A str from text that may hold lone surrogates: a plain str unless it does.
    pub fn str_from_buf(b: permafrost_semantics::text::wide::WideBuf) -> Value {
        match b.into_parts() {
            Ok(s) => Vm::str_val(s),
            Err(w) => Value::obj(Object::Str(PyStr::wide(w.into_boxed_slice()))),
        }
    }

    /// A str from well-formed wide bytes.
    pub fn str_from_wide(b: &[u8]) -> Value {
        let mut buf = permafrost_semantics::text::wide::WideBuf::with_capacity(b.len());
        buf.push_wide(b);
        Vm::str_from_buf(buf)
    }

    pub fn new_list(items: Vec<Value>) -> Value {
        Value::obj(Object::List(items))
    }

    pub fn new_tuple(items: Vec<Value>) -> Value {
        Value::obj(Object::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(d: Dict) -> Value {
        Value::obj(Object::Dict(d))
    }

    /// An int value from a big int, normalised to an immediate when it fits.
    pub fn int_from_big(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::obj(Object::BigInt(b)),
        }
    }

    // ----- types -----

    pub fn type_obj(&self, kind: TypeKind) -> &ObjRef {
        &self.types[kind as usize]
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> ObjRef {
        let kind = match v {
            Value::Null | Value::None => TypeKind::NoneType,
            Value::Bool(_) => TypeKind::Bool,
            Value::Int(_) => TypeKind::Int,
            Value::Float(_) => TypeKind::Float,
            Value::Str(_) => TypeKind::Str,
            Value::Native(_) => TypeKind::BuiltinFunction,
            Value::Code(_) => TypeKind::Code,
            Value::NotImplemented => TypeKind::NotImplementedType,
            Value::Ellipsis => TypeKind::Ellipsis,
            Value::Obj(o) => match o.get() {
                Object::Instance(i) => return i.class.clone(),
                Object::Str(_) => TypeKind::Str,
                Object::Bytes(_) => TypeKind::Bytes,
                Object::BigInt(_) => TypeKind::Int,
                Object::Complex(..) => TypeKind::Complex,
                Object::List(_) => TypeKind::List,
                Object::Tuple(_) => TypeKind::Tuple,
                Object::Dict(_) => TypeKind::Dict,
                Object::Set(_) => TypeKind::Set,
                Object::FrozenSet(_) => TypeKind::FrozenSet,
                Object::Range { .. } => TypeKind::Range,
                Object::Slice { .. } => TypeKind::Slice,
                Object::Function(_) => TypeKind::Function,
                // A built-in bound to its receiver (`[].append`) is no `types.MethodType`.
                Object::BoundMethod {
                    func: Value::Native(_),
                    ..
                } => TypeKind::BuiltinFunction,
                Object::BoundMethod { .. } => TypeKind::Method,
                Object::Class(c) => match &c.metaclass {
                    Some(m) => return m.clone(),
                    None => TypeKind::Type,
                },
                Object::Module(_) => TypeKind::Module,
                Object::Cell(_) => TypeKind::Cell,
                Object::Generator(g) => match g.kind {
                    crate::value::object::GenKind::Generator => TypeKind::Generator,
                    crate::value::object::GenKind::Coroutine => TypeKind::Coroutine,
                    crate::value::object::GenKind::AsyncGenerator => TypeKind::AsyncGenerator,
                },
                Object::GenAwait(a) => match a.op {
                    crate::value::object::AwaitOp::Wrapper => TypeKind::CoroutineWrapper,
                    crate::value::object::AwaitOp::ASend(_) => TypeKind::AsyncGenASend,
                    crate::value::object::AwaitOp::ANext { .. } => TypeKind::ANextAwaitable,
                    _ => TypeKind::AsyncGenAThrow,
                },
                Object::Iter(it) => {
                    use crate::value::object::{Iter, ViewKind};
                    let name = match it {
                        Iter::Seq { seq, .. } => match seq {
                            Value::Str(_) => "str_ascii_iterator",
                            _ => match seq.body() {
                                Some(Object::List(_)) => "list_iterator",
                                Some(Object::Tuple(_)) => "tuple_iterator",
                                Some(Object::Str(_)) => "str_ascii_iterator",
                                Some(Object::Bytes(_)) => "bytes_iterator",
                                _ => "iterator",
                            },
                        },
                        Iter::StrChars { .. } => "str_iterator",
                        Iter::Range { .. } => "range_iterator",
                        Iter::BigRange { .. } => "longrange_iterator",
                        Iter::Dict {
                            kind: ViewKind::Keys,
                            ..
                        } => "dict_keyiterator",
                        Iter::Dict {
                            kind: ViewKind::Values,
                            ..
                        } => "dict_valueiterator",
                        Iter::Dict {
                            kind: ViewKind::Items,
                            ..
                        } => "dict_itemiterator",
                        Iter::Snapshot { .. } => "set_iterator",
                        Iter::Enumerate { .. } => "enumerate",
                        Iter::Zip { .. } => "zip",
                        Iter::Map { .. } => "map",
                        Iter::Filter { .. } => "filter",
                        Iter::Reversed { origin, .. } => {
                            use crate::value::object::RevOrigin;
                            match origin {
                                RevOrigin::List => "list_reverseiterator",
                                RevOrigin::Sequence => "reversed",
                                RevOrigin::DictKeys => "dict_reversekeyiterator",
                                RevOrigin::DictValues => "dict_reversevalueiterator",
                                RevOrigin::DictItems => "dict_reverseitemiterator",
                            }
                        }
                        Iter::Callable { .. } => "callable_iterator",
                        Iter::Exhausted => "iterator",
                    };
                    if let Some(t) = self.iter_types.get(name) {
                        return t.clone();
                    }
                    TypeKind::Iterator
                }
                Object::Code(_) | Object::CodeRef(_) | Object::DynCode { .. } => TypeKind::Code,
                Object::CodeUnit(_) => TypeKind::Object,
                Object::Property(_) => TypeKind::Property,
                Object::StaticMethod(_) => TypeKind::StaticMethod,
                Object::ClassMethod(_) => TypeKind::ClassMethod,
                Object::DictView { kind, ordered, .. } => {
                    use crate::value::object::ViewKind;
                    let name = match (kind, ordered) {
                        (ViewKind::Keys, false) => "dict_keys",
                        (ViewKind::Values, false) => "dict_values",
                        (ViewKind::Items, false) => "dict_items",
                        (ViewKind::Keys, true) => "odict_keys",
                        (ViewKind::Values, true) => "odict_values",
                        (ViewKind::Items, true) => "odict_items",
                    };
                    if let Some(t) = self.iter_types.get(name) {
                        return t.clone();
                    }
                    TypeKind::DictView
                }
                Object::Super { .. } => TypeKind::Super,
                Object::Native(n) => return n.class.clone(),
            },
        };
        self.types[kind as usize].clone()
    }

    /// The built-in kind of a value's type (`User` for plain instances).
    pub fn kind_of(&self, v: &Value) -> TypeKind {
        match v {
            Value::Int(_) => TypeKind::Int,
            Value::Float(_) => TypeKind::Float,
            Value::Str(_) => TypeKind::Str,
            Value::Bool(_) => TypeKind::Bool,
            Value::Obj(o) => match o.get() {
                Object::Instance(i) => match i.class.get() {
                    Object::Class(c) => c.kind,
                    _ => TypeKind::User,
                },
                Object::Str(_) => TypeKind::Str,
                Object::List(_) => TypeKind::List,
                Object::Tuple(_) => TypeKind::Tuple,
                Object::Dict(_) => TypeKind::Dict,
                _ => match self.type_of(v).get() {
                    Object::Class(c) => c.kind,
                    _ => TypeKind::Object,
                },
            },
            _ => match self.type_of(v).get() {
                Object::Class(c) => c.kind,
                _ => TypeKind::Object,
            },
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        let t = self.type_of(v);
        match t.get() {
            // A native module's type is named with its module, as CPython's `tp_name`.
            Object::Class(c)
                if c.module != "builtins" && self.native_types.values().any(|n| n.ptr_eq(&t)) =>
            {
                format!("{}.{}", c.module, c.name)
            }
            Object::Class(c) => c.name.clone(),
            _ => "object".into(),
        }
    }

    pub fn class_name(cls: &ObjRef) -> String {
        match cls.get() {
            Object::Class(c) => c.name.clone(),
            _ => "?".into(),
        }
    }

    /// Whether class `sub` has `sup` in its MRO.
    pub fn is_subclass(sub: &ObjRef, sup: &ObjRef) -> bool {
        match sub.get() {
            Object::Class(c) => c.mro.iter().any(|m| m.ptr_eq(sup)),
            _ => false,
        }
    }

    // ----- exceptions -----

    pub fn exc_class(&self, kind: ExcKind) -> ObjRef {
        self.exc_types[kind as usize].clone()
    }

    /// A new exception instance of class `cls` with `args`.
    pub fn make_exc(&self, cls: &ObjRef, args: Vec<Value>) -> ObjRef {
        ObjRef::new(Object::Instance(Instance {
            class: cls.clone(),
            own: Dict::new(),
            dict_obj: None,
            exc: Some(Box::new(ExcData {
                args,
                traceback: Vec::new(),
                keep: Vec::new(),
                cause: Value::Null,
                context: Value::Null,
                suppress_context: false,
                tb_object: Value::Null,
                tb_object_len: 0,
            })),
            base: Value::Null,
        }))
    }

    /// An exception of the named built-in class with a message.
    pub fn err(&self, kind: ExcKind, msg: impl Into<String>) -> ObjRef {
        let cls = self.exc_class(kind);
        let msg: String = msg.into();
        self.make_exc(&cls, vec![Vm::str_val(msg)])
    }

    /// An exception of the named class with no arguments.
    pub fn err_empty(&self, kind: ExcKind) -> ObjRef {
        let cls = self.exc_class(kind);
        self.make_exc(&cls, vec![])
    }

    pub fn type_error(&self, msg: impl Into<String>) -> ObjRef {
        self.err(ExcKind::TypeError, msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> ObjRef {
        self.err(ExcKind::ValueError, msg)
    }

    pub fn lib_err(&self, e: error::LibError) -> ObjRef {
        let kind = match e.kind {
            ErrorKind::ValueError => ExcKind::ValueError,
            ErrorKind::OverflowError => ExcKind::OverflowError,
            ErrorKind::ZeroDivisionError => ExcKind::ZeroDivisionError,
            ErrorKind::TypeError => ExcKind::TypeError,
            ErrorKind::IndexError => ExcKind::IndexError,
            ErrorKind::KeyError => ExcKind::KeyError,
            ErrorKind::MemoryError => ExcKind::MemoryError,
            ErrorKind::UnicodeDecodeError => ExcKind::UnicodeDecodeError,
        };
        if e.message.is_empty() {
            return self.err_empty(kind);
        }
        self.err(kind, e.message)
    }

    /// Whether exception instance `exc` is an instance of class `cls`.
    pub fn exc_matches(&self, exc: &ObjRef, kind: ExcKind) -> bool {
        match exc.get() {
            Object::Instance(i) => Vm::is_subclass(&i.class, &self.exc_class(kind)),
            _ => false,
        }
    }

    pub fn new_module(&mut self, index: u32, name: &str) -> ObjRef {
        let t = &self.templates[index as usize];
        let m = Module {
            name: name.to_string(),
            slots: vec![Value::Null; t.names.len()],
            names: t.names.iter().map(|&n| Vm::str_val(n)).collect(),
            lookup: t.module_lookup(),
            dict: None,
        };
        ObjRef::new(Object::Module(m))
    }
}
