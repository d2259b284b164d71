//! Heap object bodies: every kind of Python object that does not fit in a `Value` immediate.
//! Objects are plain data; behaviour lives in the interpreter modules (`ops`, `builtins`,
//! `methods`, `classes`).

use crate::value::dict_table::Dict;
use crate::value::frame::Frame;
use crate::value::heap::ObjRef;
use crate::value::set_table::Set;
use crate::value::Value;
use num_bigint::BigInt;

/// A heap str: its text, its hash (computed eagerly at creation, never cached lazily) and its
/// length in code points. The text is a `String` so that `s += t` on a str nothing else
/// holds can grow it in place with amortised reallocation (`append`).
///
/// A str holding a lone surrogate (rare: `"\ud800"`, `surrogateescape`) cannot be a Rust
/// `str`: it keeps its *wide bytes* (`permafrost_semantics::text::wide`) in `wide`, `text` is
/// then empty, and `Value::as_str` answers `None` for it, so no `str` API ever sees it;
/// code-point operations read it through `Value::str_bytes`. A str is wide exactly when it
/// holds a surrogate, so equal strs have equal bytes and equal hashes.
pub struct PyStr {
    pub text: String,
    pub hash: u64,
    pub char_len: usize,
    pub wide: Option<Box<[u8]>>,
}

impl PyStr {
    pub fn new(text: impl Into<Box<str>>) -> PyStr {
        let text: Box<str> = text.into();
        let hash = permafrost_image::str_hash(text.as_bytes());
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text: text.into_string(),
            hash,
            char_len,
            wide: None,
        }
    }

    /// A str of wide bytes that hold a surrogate (callers check: see `Vm::str_from_wide`).
    pub fn wide(bytes: Box<[u8]>) -> PyStr {
        PyStr {
            text: String::new(),
            hash: permafrost_image::str_hash(&bytes),
            char_len: permafrost_semantics::text::wide::code_points(&bytes).count(),
            wide: Some(bytes),
        }
    }

    /// `prefix ++ tail` (neither holding a surrogate), given `prefix`'s hash and length in
    /// code points: only `tail` is hashed and counted.
    pub fn concat(prefix: &str, hash: u64, char_len: usize, tail: &str) -> PyStr {
        let mut text = String::with_capacity(prefix.len() + tail.len());
        text.push_str(prefix);
        let mut s = PyStr {
            text,
            hash,
            char_len,
            wide: None,
        };
        s.append(tail);
        s
    }

    /// Appends `tail` (a str without surrogates to one without), keeping the hash and the
    /// length current in time proportional to `tail`. Only for a str no one else can see.
    pub fn append(&mut self, tail: &str) {
        debug_assert!(self.wide.is_none());
        let before = self.text.len();
        self.text.push_str(tail);
        self.hash = permafrost_image::str_hash_extend(self.hash, before, tail.as_bytes());
        self.char_len += if tail.is_ascii() {
            tail.len()
        } else {
            tail.chars().count()
        };
    }

    /// Its code points as wide bytes (plain UTF-8 unless it holds a surrogate).
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match &self.wide {
            Some(w) => w,
            None => self.text.as_bytes(),
        }
    }
}

/// The bytes of a `bytes` object: owned, or read in place from the image (bytes constants and
/// `co_code`, never copied).
pub enum BytesData {
    Owned(Box<[u8]>),
    Image(&'static [u8]),
}

impl std::ops::Deref for BytesData {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BytesData::Owned(b) => b,
            BytesData::Image(s) => s,
        }
    }
}

impl From<Box<[u8]>> for BytesData {
    fn from(b: Box<[u8]>) -> BytesData {
        BytesData::Owned(b)
    }
}

impl FromIterator<u8> for BytesData {
    fn from_iter<I: IntoIterator<Item = u8>>(iter: I) -> BytesData {
        BytesData::Owned(iter.into_iter().collect())
    }
}

impl From<&[u8]> for BytesData {
    fn from(b: &[u8]) -> BytesData {
        BytesData::Owned(b.into())
    }
}

impl PartialEq for BytesData {
    fn eq(&self, other: &BytesData) -> bool {
        **self == **other
    }
}

impl Eq for BytesData {}

impl PartialOrd for BytesData {
    fn partial_cmp(&self, other: &BytesData) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BytesData {
    fn cmp(&self, other: &BytesData) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

/// A function: code (by image index) plus everything `MAKE_FUNCTION` attached.
pub struct Function {
    pub code: u32,
    /// The transient layout's heap code object (refcounted on every call); `None` in permanent.
    pub heap_code: Option<ObjRef>,
    pub module: u32,
    /// The globals dict of a function made by code compiled at run time (`module` is then
    /// `NO_MODULE`); `None` for functions whose globals are a module's slots.
    pub globals: Option<ObjRef>,
    pub name: Value,
    pub qualname: Value,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<ObjRef>,
    /// `__dict__`, the attributes set on the function (`f.attr = ...`): a dict object,
    /// created on first use.
    pub dict: Option<ObjRef>,
    /// `__doc__` and `__module__` once assigned (they are not `__dict__` entries).
    pub set: Option<Box<FuncSet>>,
}

#[derive(Default)]
pub struct FuncSet {
    pub doc: Option<Value>,
    pub module: Option<Value>,
    /// `__annotations__`: the name/value tuple `MAKE_FUNCTION` got (made a dict on first
    /// read), or the dict once read or assigned.
    pub annotations: Option<Value>,
}

impl Function {
    pub fn table(&self) -> Option<&Dict> {
        match self.dict.as_ref()?.get() {
            Object::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// The `__dict__` object, made empty on first use.
    pub fn dict_object(&mut self) -> ObjRef {
        self.dict
            .get_or_insert_with(|| ObjRef::new(Object::Dict(Dict::new())))
            .clone()
    }
}

/// `__x` as written inside class `class_name` (`_C__x`), as CPython mangles private names;
/// dunder names and names of classes made only of underscores stay as they are.
pub fn mangle_private(class_name: &str, name: &str) -> String {
    let owner = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || owner.is_empty() || name.contains('.') {
        return name.to_string();
    }
    format!("_{owner}{name}")
}

/// Which built-in type a class object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Iterator,
    Cell,
    Code,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    DictView,
    NotImplementedType,
    Ellipsis,
    Complex,
    Coroutine,
    AsyncGenerator,
    /// `coro.__await__()`.
    CoroutineWrapper,
    /// `agen.asend(v)` and `agen.__anext__()`.
    AsyncGenASend,
    /// `agen.athrow(..)` and `agen.aclose()`.
    AsyncGenAThrow,
    /// `anext(aiter, default)`.
    ANextAwaitable,
    /// `BaseException` and every exception class derived from it.
    Exception,
    /// A class defined by the program (not deriving from an exception class).
    User,
}

/// The global type epoch: bumped whenever any class's namespace or MRO may have changed, or a
/// class was freed. Attribute caches (`vm/attr_cache.rs`) remember the epoch they were filled
/// at and are valid only while it is unchanged; one counter for every class keeps a subclass's
/// entries honest when a base changes, at the price of invalidating everything on any change
/// (rare after start-up).
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The current type epoch.
#[inline(always)]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// Invalidates every attribute cache entry.
#[inline]
pub fn bump_type_epoch() {
    TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// A class's namespace. Reading goes through `Deref`; any mutable access bumps the type epoch,
/// so no write to a class dict can leave a cached lookup stale.
#[derive(Default)]
pub struct ClassDict(Dict);

impl ClassDict {
    pub fn new(d: Dict) -> ClassDict {
        bump_type_epoch();
        ClassDict(d)
    }
}

impl std::ops::Deref for ClassDict {
    type Target = Dict;
    #[inline(always)]
    fn deref(&self) -> &Dict {
        &self.0
    }
}

impl std::ops::DerefMut for ClassDict {
    #[inline]
    fn deref_mut(&mut self) -> &mut Dict {
        bump_type_epoch();
        &mut self.0
    }
}

impl Drop for ClassDict {
    /// A freed class's address may be reused by a new one: cached entries keyed by the old
    /// address must not match it.
    fn drop(&mut self) {
        bump_type_epoch();
    }
}

pub struct Class {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<ObjRef>,
    /// C3 linearisation, starting with the class itself.
    pub mro: Vec<ObjRef>,
    pub dict: ClassDict,
    /// The nearest built-in ancestor's kind (Exception for exception classes).
    pub kind: TypeKind,
    /// Whether this class or an ancestor holds a property (a data descriptor), in which case
    /// instance attribute reads must consult the class before the instance dict.
    pub has_properties: bool,
    /// Whether a program class in the MRO defines `__setattr__`.
    pub has_setattr: bool,
    /// Whether a program class in the MRO defines `__del__`: instances are marked to have
    /// it called when their last reference goes.
    pub has_del: bool,
    /// `__slots__` of this class and its bases, when every program class in the MRO
    /// declares them: instances then accept only these attribute names and have no `__dict__`.
    pub slots: Option<Vec<Box<str>>>,
    /// The class's metaclass when it is not `type` (a program class deriving from `type`).
    pub metaclass: Option<ObjRef>,
    /// Whether a program class in the MRO defines `__getattribute__` (then `has_properties`
    /// is set too, keeping instance reads off the fast path).
    pub has_getattribute: bool,
    /// A built-in type (made by the interpreter, not by a class statement or `type()`):
    /// `__module__` cannot tell, since a program class may say 'builtins' too.
    pub builtin: bool,
    /// The classes made with this one among their bases, held weakly (`__subclasses__`).
    pub subclasses: Vec<crate::value::heap::WeakHandle>,
    /// A true `__abstractmethods__` was assigned (CPython's `Py_TPFLAGS_IS_ABSTRACT`):
    /// `object.__new__` refuses to make instances.
    pub abstract_: bool,
}

/// Data that only exception instances carry.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Innermost first: (code index, index of the instruction that raised or called).
    pub traceback: Vec<(u32, u32)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// The transient code units the traceback's entries point into, kept alive with it.
    pub keep: Vec<ObjRef>,
    /// The `__traceback__` object last made for (or assigned to) the exception and how many
    /// entries it covers: reading it again gives the same object, and frames added as the
    /// exception propagates go on top of it.
    pub tb_object: Value,
    pub tb_object_len: usize,
}

pub struct Instance {
    pub class: ObjRef,
    /// The attributes while no `__dict__` object exists (read through `table`).
    pub own: Dict,
    /// Once `__dict__` has been asked for (or assigned), the dict object that holds the
    /// attributes instead of `own`, so that writes through it are the instance's own.
    pub dict_obj: Option<ObjRef>,
    pub exc: Option<Box<ExcData>>,
    /// For instances of classes deriving from a built-in value type (`class C(list)`): the
    /// built-in value the inherited behaviour operates on; `Null` otherwise.
    pub base: Value,
}

impl Instance {
    /// The attribute table: `own`, or the `__dict__` object's table once there is one.
    #[inline]
    pub fn table(&self) -> &Dict {
        match &self.dict_obj {
            None => &self.own,
            Some(d) => match d.get() {
                Object::Dict(d) => d,
                _ => &self.own,
            },
        }
    }

    #[inline]
    pub fn table_mut(&mut self) -> &mut Dict {
        match &self.dict_obj {
            None => &mut self.own,
            Some(d) => match d.get_mut() {
                Object::Dict(d) => d,
                _ => &mut self.own,
            },
        }
    }

    /// The `__dict__` object, made from `own` on first use.
    pub fn dict_object(&mut self) -> ObjRef {
        if let Some(d) = &self.dict_obj {
            return d.clone();
        }
        let d = ObjRef::new(Object::Dict(std::mem::take(&mut self.own)));
        self.dict_obj = Some(d.clone());
        d
    }
}

/// A module: globals in slots, found by name through `lookup`.
pub struct Module {
    pub name: String,
    pub slots: Vec<Value>,
    pub names: Vec<Value>,
    pub lookup: std::collections::HashMap<Box<str>, u32>,
    /// Once `globals()` (or run-time code) has asked for the namespace as a dict, that dict
    /// holds the globals and every slot stays unbound, so that slot reads miss and look there.
    pub dict: Option<ObjRef>,
}

impl Module {
    pub fn slot_of(&self, name: &str) -> Option<u32> {
        self.lookup.get(name).copied()
    }

    /// The slot for `name`, created unbound if new.
    pub fn slot_for(&mut self, name: &str, name_value: Value) -> u32 {
        if let Some(&s) = self.lookup.get(name) {
            return s;
        }
        let s = self.slots.len() as u32;
        self.slots.push(Value::Null);
        self.names.push(name_value);
        self.lookup.insert(name.into(), s);
        s
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        if let Some(d) = &self.dict {
            return match d.get() {
                Object::Dict(d) => {
                    super::dict_table::dict_get_h(d, super::dict_table::str_hash_of(name), name)
                }
                _ => None,
            };
        }
        let s = self.slot_of(name)?;
        let v = &self.slots[s as usize];
        if v.is_null() {
            None
        } else {
            Some(v)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Done,
}

/// What a generator-like object is, from its code's flags.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// How CPython's messages name the object ("generator already executing").
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

pub struct Generator {
    pub frame: Option<Box<Frame>>,
    pub state: GenState,
    pub name: Value,
    pub qualname: Value,
    pub kind: GenKind,
    /// The code object, for `gi_code` / `cr_code` / `ag_code` after the frame is gone.
    pub code: u32,
    /// A generator whose code has `CO_ITERABLE_COROUTINE` (`types.coroutine`): awaitable.
    pub iterable_coroutine: bool,
    /// Async generators: an `asend` / `athrow` awaitable is driving it (`ag_running_async`).
    pub running_async: bool,
    /// Async generators: finished or closed, so `athrow` / `aclose` do nothing (`ag_closed`).
    pub closed: bool,
    /// Async generators: `sys.set_asyncgen_hooks`' `firstiter` has been called for it.
    pub hooks_inited: bool,
}

/// What a [`GenAwait`] does when driven.
pub enum AwaitOp {
    /// `coro.__await__()`: forwards to the coroutine.
    Wrapper,
    /// `agen.asend(v)` / `agen.__anext__()`: resumes the async generator with `v`.
    ASend(Value),
    /// `agen.athrow(exc)`: throws the exception in.
    AThrow(Value),
    /// `agen.aclose()`: throws `GeneratorExit` in.
    AClose,
    /// `anext(aiter, default)`: awaits `wrapped` (what `__anext__` returned), ending with
    /// `default` instead of `StopAsyncIteration`; `gen` is the async iterator.
    ANext { wrapped: Value, default: Value },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// An awaitable over a coroutine or async generator (`coroutine_wrapper`,
/// `async_generator_asend`, `async_generator_athrow`).
pub struct GenAwait {
    pub gen: ObjRef,
    pub op: AwaitOp,
    pub state: AwaitState,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// What a `reversed` iterator runs over, which names its type (`list_reverseiterator`,
/// `dict_reversekeyiterator`, or the generic `reversed` of a sequence).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RevOrigin {
    List,
    Sequence,
    DictKeys,
    DictValues,
    DictItems,
}

/// Built-in iterator states.
pub enum Iter {
    /// list, tuple, str (by code point), bytes: index into a sequence.
    Seq {
        seq: Value,
        index: usize,
    },
    /// A str iterated by byte offset (non-ASCII strs).
    StrChars {
        s: Value,
        byte: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    BigRange {
        next: BigInt,
        stop: BigInt,
        step: BigInt,
    },
    Dict {
        dict: ObjRef,
        index: usize,
        len: usize,
        /// Items still to come: one more (a key deleted and added back) is CPython's
        /// "dictionary keys changed during iteration".
        left: usize,
        kind: ViewKind,
    },
    /// A snapshot of keys (sets: mutation during iteration is caught by the length check).
    Snapshot {
        items: Vec<Value>,
        index: usize,
        source: Option<ObjRef>,
        len: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        /// `zip(..., strict=True)`: iterables of unequal lengths are a `ValueError`.
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
        /// What was reversed, for the iterator's type name.
        origin: RevOrigin,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

/// A `property`'s state: its accessors (`None` when absent), its docstring and the name
/// `__set_name__` gave it (`Null` until then).
pub struct Prop {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    pub name: Value,
    /// The docstring was taken from `fget` (so a copy with a new getter takes the new one's).
    pub getter_doc: bool,
}

impl Prop {
    /// A property with no accessors, as `__init__` of a subclass instance starts from.
    pub fn empty() -> Prop {
        Prop {
            fget: Value::None,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
            name: Value::Null,
            getter_doc: false,
        }
    }
}

/// A heap copy of a code object (transient layout): its bytecode and constants as ordinary
/// refcounted heap data, as CPython lays them out.
pub struct HeapCode {
    pub index: u32,
    pub words: Box<[u32]>,
    pub consts: Vec<Value>,
}

pub enum Object {
    Str(PyStr),
    /// `complex`: real and imaginary parts.
    Complex(f64, f64),
    Bytes(BytesData),
    BigInt(BigInt),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Dict(Dict),
    Set(Set),
    FrozenSet(Set),
    Range {
        start: Value,
        stop: Value,
        step: Value,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Function(Function),
    BoundMethod {
        func: Value,
        receiver: Value,
    },
    Class(Class),
    Instance(Instance),
    Module(Module),
    Cell(Value),
    Generator(Generator),
    GenAwait(GenAwait),
    Iter(Iter),
    Code(HeapCode),
    /// `fn.__code__`: a read-only view of an image code object.
    CodeRef(u32),
    /// A code object compiled at run time, holding its transient unit alive.
    DynCode {
        index: u32,
        unit: ObjRef,
    },
    /// The handle of a transient code unit (`vm/dynamic.rs`): what keeps run-time code alive.
    CodeUnit(UnitHandle),
    Property(Box<Prop>),
    StaticMethod(Value),
    ClassMethod(Value),
    DictView {
        dict: ObjRef,
        kind: ViewKind,
        /// An `OrderedDict`'s view: typed and shown as `odict_keys` etc.
        ordered: bool,
    },
    Super {
        class: ObjRef,
        receiver: Value,
    },
    /// The Rust state of an instance of a type a native module defines.
    Native(NativeObj),
}

/// `__next__` of a native iterator type, given the instance: `None` when exhausted.
pub type NativeNext = fn(&mut crate::vm::Vm, &Value) -> crate::vm::PyResult<Option<Value>>;

/// The state of an object of a native module's type (an `itertools.count`, a `deque`). It is
/// the `base` of an ordinary instance whose class holds the type's methods as natives, so
/// every protocol reaches it through the class's dunders and Python subclasses work as for
/// any class.
pub struct NativeObj {
    /// The native type itself (a subclass's instances hold their own class in the instance).
    pub class: ObjRef,
    /// The type's `__next__`, which `Vm::next` calls directly for exact instances.
    pub next: Option<NativeNext>,
    pub state: Box<dyn NativeState>,
}

/// The Rust state of a native object; `visit` shows every value it holds (the zygote's freeze
/// and the cycle collector trace through it). The default shows none: a state that holds values
/// and keeps the default is never frozen through, and cycles through it are never collected.
pub trait NativeState: std::any::Any {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// Units whose last handle went away, waiting for the interpreter to release them.
pub type FreedUnits = std::sync::Arc<std::sync::Mutex<Vec<u32>>>;

/// The refcounted handle of a transient unit.
pub struct UnitHandle {
    pub id: u32,
    pub freed: FreedUnits,
}

impl Drop for UnitHandle {
    fn drop(&mut self) {
        if let Ok(mut q) = self.freed.lock() {
            q.push(self.id);
        }
    }
}
