//! `bytearray` (a native type of builtins holding a growable byte buffer) and its iterator.
//! The methods it shares with `bytes` run bytes' own implementations over a copy of the
//! buffer ([`via_bytes`]) and turn bytes results back into bytearrays; the mutating methods
//! and the sequence protocol live here.

use super::bytes as bytes_methods;
use crate::stdlib::{native_class, native_type, new_native, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeCall, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const NAME: &str = "bytearray";
const ITER: &str = "bytearray_iterator";

/// The state of a bytearray: its bytes, and how many memoryviews export them (while any
/// does, the size is fixed, as in CPython).
pub(crate) struct ByteArray {
    pub data: Vec<u8>,
    pub exports: usize,
}

impl NativeState for ByteArray {}

/// The state of a `bytearray_iterator`: the bytearray and the next position.
struct ByteArrayIter {
    target: Value,
    index: usize,
}

impl NativeState for ByteArrayIter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.target);
    }
}

/// The bytes of a bytes-like value (bytes, bytearray, memoryview), copied.
pub(crate) fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        Some(Object::Instance(_)) | Some(Object::Native(_)) => {
            if let Some(b) = state_of::<ByteArray>(v) {
                return Some(b.data.clone());
            }
            super::memoryview::view_bytes(v)
                .or_else(|| crate::stdlib::array::array_bytes(v))
                .or_else(|| match crate::value::num::inst_base(v) {
                    Some(b) => match b.body() {
                        Some(Object::Bytes(x)) => Some(x.to_vec()),
                        _ => None,
                    },
                    None => None,
                })
        }
        _ => None,
    }
}

/// Whether `v` is a bytearray (or an instance of a subclass).
pub(crate) fn is_bytearray(v: &Value) -> bool {
    state_of::<ByteArray>(v).is_some()
}

/// A new bytearray holding `data`.
pub(crate) fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    let cls = native_class(vm, NAME);
    new_native(cls.clone(), cls, None, ByteArray { data, exports: 0 })
}

macro_rules! shared {
    ($($name:ident)*) => {$(
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            via_bytes(vm, a, stringify!($name), bytes_methods::$name)
        }
    )*};
}

shared! {
    decode hex count index rindex join upper lower title capitalize swapcase isdigit isalpha
    isalnum isspace isupper islower istitle isascii removeprefix removesuffix expandtabs
    translate split rsplit strip lstrip rstrip replace find rfind startswith endswith
    partition rpartition center ljust rjust zfill splitlines
}

static METHODS: &[NativeFn] = &[
    NativeFn::new("bytearray", construct),
    NativeFn::new("bytearray.__init__", init),
    NativeFn::method(
        "bytearray.decode",
        decode,
        super::str::ANY,
        Some(&["encoding", "errors"]),
    ),
    NativeFn::method(
        "bytearray.hex",
        hex,
        super::str::ANY,
        Some(&["sep", "bytes_per_sep"]),
    ),
    NativeFn::method("bytearray.count", count, super::str::ANY, None),
    NativeFn::method("bytearray.index", index, super::str::ANY, None),
    NativeFn::method("bytearray.rindex", rindex, super::str::ANY, None),
    NativeFn::method("bytearray.join", join, Arity::One, None),
    NativeFn::method("bytearray.upper", upper, Arity::NoArgs, None),
    NativeFn::method("bytearray.lower", lower, Arity::NoArgs, None),
    NativeFn::method("bytearray.title", title, Arity::NoArgs, None),
    NativeFn::method("bytearray.capitalize", capitalize, Arity::NoArgs, None),
    NativeFn::method("bytearray.swapcase", swapcase, Arity::NoArgs, None),
    NativeFn::method("bytearray.isdigit", isdigit, Arity::NoArgs, None),
    NativeFn::method("bytearray.isalpha", isalpha, Arity::NoArgs, None),
    NativeFn::method("bytearray.isalnum", isalnum, Arity::NoArgs, None),
    NativeFn::method("bytearray.isspace", isspace, Arity::NoArgs, None),
    NativeFn::method("bytearray.isupper", isupper, Arity::NoArgs, None),
    NativeFn::method("bytearray.islower", islower, Arity::NoArgs, None),
    NativeFn::method("bytearray.istitle", istitle, Arity::NoArgs, None),
    NativeFn::method("bytearray.isascii", isascii, Arity::NoArgs, None),
    NativeFn::method("bytearray.removeprefix", removeprefix, Arity::One, None),
    NativeFn::method("bytearray.removesuffix", removesuffix, Arity::One, None),
    NativeFn::method(
        "bytearray.expandtabs",
        expandtabs,
        super::str::ANY,
        Some(&["tabsize"]),
    ),
    NativeFn::method(
        "bytearray.translate",
        translate,
        super::str::ANY,
        Some(&["delete"]),
    ),
    NativeFn::method(
        "bytearray.split",
        split,
        super::str::ANY,
        Some(&["sep", "maxsplit"]),
    ),
    NativeFn::method(
        "bytearray.rsplit",
        rsplit,
        super::str::ANY,
        Some(&["sep", "maxsplit"]),
    ),
    NativeFn::method("bytearray.strip", strip, Arity::Range(0, 1), None),
    NativeFn::method("bytearray.lstrip", lstrip, Arity::Range(0, 1), None),
    NativeFn::method("bytearray.rstrip", rstrip, Arity::Range(0, 1), None),
    NativeFn::method("bytearray.replace", replace, Arity::Range(2, 3), None),
    NativeFn::method("bytearray.find", find, super::str::ANY, None),
    NativeFn::method("bytearray.rfind", rfind, super::str::ANY, None),
    NativeFn::method("bytearray.startswith", startswith, super::str::ANY, None),
    NativeFn::method("bytearray.endswith", endswith, super::str::ANY, None),
    NativeFn::method("bytearray.partition", partition, Arity::One, None),
    NativeFn::method("bytearray.rpartition", rpartition, Arity::One, None),
    NativeFn::method("bytearray.center", center, Arity::Range(1, 2), None),
    NativeFn::method("bytearray.ljust", ljust, Arity::Range(1, 2), None),
    NativeFn::method("bytearray.rjust", rjust, Arity::Range(1, 2), None),
    NativeFn::method("bytearray.zfill", zfill, Arity::One, None),
    NativeFn::method(
        "bytearray.splitlines",
        splitlines,
        super::str::ANY,
        Some(&["keepends"]),
    ),
    NativeFn::method("bytearray.append", append, Arity::One, None),
    NativeFn::method("bytearray.extend", extend, Arity::One, None),
    NativeFn::method("bytearray.insert", insert, Arity::Range(2, 2), None),
    NativeFn::method("bytearray.pop", pop, Arity::Range(0, 1), None),
    NativeFn::method("bytearray.remove", remove, Arity::One, None),
    NativeFn::method("bytearray.clear", clear, Arity::NoArgs, None),
    NativeFn::method("bytearray.copy", copy, Arity::NoArgs, None),
    NativeFn::method("bytearray.reverse", reverse, Arity::NoArgs, None),
    NativeFn::method("bytearray.__alloc__", alloc, Arity::NoArgs, None),
    NativeFn::method("bytearray.__len__", len, Arity::NoArgs, None),
    NativeFn::method("bytearray.__getitem__", getitem, Arity::One, None),
    NativeFn::method("bytearray.__setitem__", setitem, Arity::Range(2, 2), None),
    NativeFn::method("bytearray.__delitem__", delitem, Arity::One, None),
    NativeFn::method("bytearray.__contains__", contains, Arity::One, None),
    NativeFn::method("bytearray.__iter__", iter, Arity::NoArgs, None),
    NativeFn::method("bytearray.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("bytearray.__str__", repr, Arity::NoArgs, None),
    NativeFn::method("bytearray.__add__", add, Arity::One, None),
    NativeFn::method("bytearray.__mod__", modulo, Arity::One, None),
    NativeFn::method("bytearray.__radd__", radd, Arity::One, None),
    NativeFn::method("bytearray.__iadd__", iadd, Arity::One, None),
    NativeFn::method("bytearray.__mul__", mul, Arity::One, None),
    NativeFn::method("bytearray.__rmul__", mul, Arity::One, None),
    NativeFn::method("bytearray.__imul__", imul, Arity::One, None),
    NativeFn::method("bytearray.__eq__", eq, Arity::One, None),
    NativeFn::method("bytearray.__ne__", ne, Arity::One, None),
    NativeFn::method("bytearray.__lt__", lt, Arity::One, None),
    NativeFn::method("bytearray.__le__", le, Arity::One, None),
    NativeFn::method("bytearray.__gt__", gt, Arity::One, None),
    NativeFn::method("bytearray.__ge__", ge, Arity::One, None),
    NativeFn::method("bytearray.__reduce__", reduce, Arity::NoArgs, None),
    NativeFn::method("bytearray.__reduce_ex__", reduce, Arity::One, None),
];

static ITER_METHODS: &[NativeFn] = &[
    NativeFn::method(
        "bytearray_iterator.__length_hint__",
        iter_len_hint,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "bytearray_iterator.__reduce__",
        iter_reduce,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "bytearray_iterator.__setstate__",
        iter_setstate,
        Arity::One,
        None,
    ),
];

static FROMHEX: NativeFn = NativeFn::new("bytearray.fromhex", fromhex);
static MAKETRANS: NativeFn = NativeFn::new("bytearray.maketrans", bytes_methods::maketrans);

/// Makes the `bytearray` type and its iterator type and binds `bytearray` in `builtins`.
pub(crate) fn install(vm: &mut Vm) -> ObjRef {
    let cls = native_type(vm, NAME, None, METHODS, false);
    crate::stdlib::set_class_attr(&cls, "__hash__", Value::None);
    crate::stdlib::set_class_attr(
        &cls,
        "fromhex",
        Value::obj(Object::ClassMethod(Value::Native(&FROMHEX))),
    );
    crate::stdlib::set_class_attr(
        &cls,
        "maketrans",
        // A class method so that bytes' implementation sees the arguments where it expects them.
        Value::obj(Object::ClassMethod(Value::Native(&MAKETRANS))),
    );
    native_type(vm, ITER, None, ITER_METHODS, true);
    cls
}

/// The bytes of receiver `a.pos[0]`, copied, or CPython's descriptor error.
fn me(vm: &Vm, a: &Args, method: &str) -> PyResult<Vec<u8>> {
    Ok(receiver::<ByteArray>(vm, a, NAME, method)?.data.clone())
}

/// A bytes result as a bytearray, also inside a list or tuple (`split`, `partition`).
fn to_bytearray(vm: &Vm, v: Value) -> Value {
    match v.body() {
        Some(Object::Bytes(b)) => new_bytearray(vm, b.to_vec()),
        Some(Object::List(items)) => {
            Vm::new_list(items.iter().map(|x| to_bytearray(vm, x.clone())).collect())
        }
        Some(Object::Tuple(items)) => {
            Vm::new_tuple(items.iter().map(|x| to_bytearray(vm, x.clone())).collect())
        }
        _ => v,
    }
}

/// Runs bytes method `f` over a bytes copy of the receiver, with the same arguments.
fn via_bytes(vm: &mut Vm, a: &Args, method: &str, f: NativeCall) -> PyResult<Value> {
    let data = me(vm, a, method)?;
    let mut raw = a.raw.to_vec();
    raw[0] = Value::obj(Object::Bytes(data.into_boxed_slice().into()));
    let out = f(vm, &Args::new(&raw, a.kwnames))?;
    Ok(to_bytearray(vm, out))
}

fn fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let out = bytes_methods::fromhex(vm, a)?;
    let data = bytes_like(&out).unwrap_or_default();
    let cls = match a.get(0) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => o.clone(),
        _ => native_class(vm, NAME),
    };
    let native = native_class(vm, NAME);
    if cls.ptr_eq(&native) {
        return Ok(new_bytearray(vm, data));
    }
    let b = new_bytearray(vm, data);
    vm.call(&Value::Obj(cls), &[b], &[])
}

/// The bytes `bytearray(source, encoding, errors)` starts with.
fn initial(vm: &mut Vm, a: &Args, skip: usize) -> PyResult<Vec<u8>> {
    let pos = &a.pos[skip.min(a.pos.len())..];
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "bytearray() takes at most 3 arguments ({} given)",
            pos.len() + a.kw.len()
        )));
    }
    let mut source = pos.first().cloned();
    let mut encoding = pos.get(1).cloned();
    let mut errors = pos.get(2).cloned();
    for (k, v) in &a.kw {
        let slot = match *k {
            "source" => &mut source,
            "encoding" => &mut encoding,
            "errors" => &mut errors,
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for bytearray()"
                )))
            }
        };
        *slot = Some((*v).clone());
    }
    let Some(src) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if src.as_str().is_some() {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let mut conv = vec![src, enc];
        conv.extend(errors);
        let out = super::str::encode(vm, &Args::new(&conv, &[]))?;
        return Ok(bytes_like(&out).unwrap_or_default());
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(d) = bytes_like(&src) {
        return Ok(d);
    }
    if matches!(src, Value::Float(_)) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytearray",
            vm.type_name(&src)
        )));
    }
    if !matches!(src, Value::Int(_)) && vm.get_iter(&src).is_err() {
        if let Ok(n) = vm.index_of(&src) {
            return zeros(vm, n);
        }
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytearray",
            vm.type_name(&src)
        )));
    }
    if let Value::Int(n) = src {
        return zeros(vm, n);
    }
    bytes_of_iterable(vm, &src)
}

fn zeros(vm: &mut Vm, n: i64) -> PyResult<Vec<u8>> {
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    if n as u64 > crate::vm::ops::MAX_ALLOC as u64 || !crate::budget::fits(n as usize) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    Ok(vec![0u8; n as usize])
}

/// `bytearray.__new__(cls, ...)`: an empty bytearray of the type or a subclass; `__init__`
/// fills it, so a subclass's own `__init__` may take other arguments.
fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = crate::stdlib::new_cls(vm, a);
    let native = native_class(vm, NAME);
    Ok(new_native(
        cls,
        native,
        None,
        ByteArray {
            data: Vec::new(),
            exports: 0,
        },
    ))
}

/// `bytearray.__init__(source, encoding, errors)`: replaces the contents.
fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "__init__")?;
    let data = initial(vm, a, 1)?;
    resizable(vm, a, "__init__")?.data = data;
    Ok(Value::None)
}

/// A byte value for `append`/`insert`/item assignment, with CPython's errors.
fn byte_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if matches!(v, Value::Float(_)) || v.as_str().is_some() || bytes_like(v).is_some() {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    match vm.index_of(v) {
        Ok(b) if (0..256).contains(&b) => Ok(b as u8),
        Ok(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        Err(e) if vm.exc_matches(&e, ExcKind::IndexError) => {
            Err(vm.value_error("byte must be in range(0, 256)"))
        }
        Err(e) => Err(e),
    }
}

fn state<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut ByteArray> {
    receiver::<ByteArray>(vm, a, NAME, method)
}

/// The receiver for a method that changes the size: refused while memoryviews export it.
fn resizable<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut ByteArray> {
    let s = receiver::<ByteArray>(vm, a, NAME, method)?;
    if s.exports > 0 {
        return Err(vm.err(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(s)
}

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "append")?;
    let b = byte_of(vm, &a.pos[1])?;
    resizable(vm, a, "append")?.data.push(b);
    Ok(Value::None)
}

/// The bytes an iterable of ints (or a bytes-like value) stands for.
fn bytes_of_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d);
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(v))))
        }
        Err(e) => return Err(e),
    };
    let items = vm.collect(&it)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_of(vm, x)?);
    }
    Ok(out)
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "extend")?;
    let d = bytes_of_iterable(vm, &a.pos[1])?;
    resizable(vm, a, "extend")?.data.extend_from_slice(&d);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "insert")?;
    let i = vm.ssize_of(&a.pos[1])?;
    let b = byte_of(vm, &a.pos[2])?;
    let s = resizable(vm, a, "insert")?;
    let len = s.data.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    s.data.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "pop")?;
    let i = match a.get(1) {
        Some(v) => vm.ssize_of(v)?,
        None => -1,
    };
    let s = resizable(vm, a, "pop")?;
    if s.data.is_empty() {
        return Err(vm.err(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let len = s.data.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.err(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(Value::Int(s.data.remove(j as usize) as i64))
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "remove")?;
    let b = byte_of(vm, &a.pos[1])?;
    let s = resizable(vm, a, "remove")?;
    match s.data.iter().position(|&x| x == b) {
        Some(i) => {
            s.data.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "clear")?.data.clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "copy")?;
    Ok(new_bytearray(vm, d))
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    state(vm, a, "reverse")?.data.reverse();
    Ok(Value::None)
}

fn alloc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = state(vm, a, "__alloc__")?;
    // CPython reports its allocation, which holds a trailing NUL byte.
    Ok(Value::Int(if s.data.is_empty() {
        0
    } else {
        s.data.capacity().max(s.data.len() + 1) as i64
    }))
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(state(vm, a, "__len__")?.data.len() as i64))
}

fn is_slice(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Slice { .. }))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = me(vm, a, "__getitem__")?;
    let key = &a.pos[1];
    if is_slice(key) {
        let (start, _, step, n) = vm.slice_indices(key, data.len())?;
        let out = (0..n)
            .map(|k| data[(start + k as i64 * step) as usize])
            .collect();
        return Ok(new_bytearray(vm, out));
    }
    vm.check_sequence_index(key, "bytearray")?;
    let i = vm.norm_index(key, data.len(), "bytearray")?;
    Ok(Value::Int(data[i] as i64))
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let len0 = state(vm, a, "__setitem__")?.data.len();
    let key = &a.pos[1];
    let value = &a.pos[2];
    if is_slice(key) {
        let src = if let Some(d) = bytes_like(value) {
            d
        } else if matches!(value, Value::Int(_)) || value.as_str().is_some() {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            bytes_of_iterable(vm, value)?
        };
        let len = state(vm, a, "__setitem__")?.data.len();
        let (start, stop, step, n) = vm.slice_indices(key, len)?;
        let s = state(vm, a, "__setitem__")?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            if src.len() != stop - start as usize {
                resizable(vm, a, "__setitem__")?;
            }
            let s = state(vm, a, "__setitem__")?;
            s.data.splice(start as usize..stop, src);
            return Ok(Value::None);
        }
        if src.len() != n {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {n}",
                src.len()
            )));
        }
        for (k, b) in src.into_iter().enumerate() {
            s.data[(start + k as i64 * step) as usize] = b;
        }
        return Ok(Value::None);
    }
    vm.check_sequence_index(key, "bytearray")?;
    let i = vm.norm_index(key, len0, "bytearray")?;
    let b = byte_of(vm, value)?;
    let s = state(vm, a, "__setitem__")?;
    if i < s.data.len() {
        s.data[i] = b;
    }
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let len = resizable(vm, a, "__delitem__")?.data.len();
    let key = &a.pos[1];
    if is_slice(key) {
        let (start, _, step, n) = vm.slice_indices(key, len)?;
        let s = resizable(vm, a, "__delitem__")?;
        let mut drop = vec![false; len];
        for k in 0..n {
            drop[(start + k as i64 * step) as usize] = true;
        }
        let mut k = 0;
        s.data.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        return Ok(Value::None);
    }
    vm.check_sequence_index(key, "bytearray")?;
    let i = vm.norm_index(key, len, "bytearray")?;
    resizable(vm, a, "__delitem__")?.data.remove(i);
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = me(vm, a, "__contains__")?;
    let item = &a.pos[1];
    if let Some(sub) = bytes_like(item) {
        return Ok(Value::Bool(
            sub.is_empty() || data.windows(sub.len()).any(|w| w == sub.as_slice()),
        ));
    }
    if item.as_str().is_some() || matches!(item, Value::Float(_)) {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(item)
        )));
    }
    let b = byte_of(vm, item)?;
    Ok(Value::Bool(data.contains(&b)))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    state(vm, a, "__iter__")?;
    let native = native_class(vm, ITER);
    Ok(new_native(
        native.clone(),
        native,
        Some(iter_next),
        ByteArrayIter {
            target: a.pos[0].clone(),
            index: 0,
        },
    ))
}

fn iter_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(it) = state_of::<ByteArrayIter>(me) else {
        return Ok(None);
    };
    let target = it.target.clone();
    // Reads the current buffer each step: appends during iteration are seen, as in CPython.
    let b = state_of::<ByteArray>(&target).and_then(|s| s.data.get(it.index).copied());
    match b {
        Some(b) => {
            it.index += 1;
            Ok(Some(Value::Int(b as i64)))
        }
        None => {
            it.index = usize::MAX;
            Ok(None)
        }
    }
}

fn iter_len_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = receiver::<ByteArrayIter>(vm, a, ITER, "__length_hint__")?;
    let len = state_of::<ByteArray>(&it.target).map_or(0, |s| s.data.len());
    Ok(Value::Int(len.saturating_sub(it.index) as i64))
}

/// `(iter, (bytearray,), index)`, as CPython reduces it (for `copy` and `pickle`).
fn iter_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = receiver::<ByteArrayIter>(vm, a, ITER, "__reduce__")?;
    let (target, index) = (it.target.clone(), it.index);
    let iter_fn = vm.builtins.get("iter").cloned().unwrap_or(Value::None);
    if index == usize::MAX {
        // Exhausted: an iterator over nothing.
        return Ok(Vm::new_tuple(vec![
            iter_fn,
            Vm::new_tuple(vec![Vm::new_tuple(Vec::new())]),
        ]));
    }
    Ok(Vm::new_tuple(vec![
        iter_fn,
        Vm::new_tuple(vec![target]),
        Value::Int(index as i64),
    ]))
}

/// `it.__setstate__(index)`: the position, clamped to the buffer.
fn iter_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let state = a.pos.get(1).cloned().unwrap_or(Value::None);
    let n = vm.index_of(&state)?;
    let it = receiver::<ByteArrayIter>(vm, a, ITER, "__setstate__")?;
    let len = state_of::<ByteArray>(&it.target).map_or(0, |s| s.data.len()) as i64;
    it.index = n.clamp(0, len) as usize;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__repr__")?;
    let name = match a.pos[0].body() {
        Some(Object::Instance(i)) => match i.class.get() {
            Object::Class(c) => c.name.clone(),
            _ => NAME.to_string(),
        },
        _ => NAME.to_string(),
    };
    Ok(Vm::str_val(format!(
        "{name}({})",
        permafrost_semantics::text::bytes_repr(&d)
    )))
}

fn concat_err(vm: &Vm, v: &Value) -> ObjRef {
    vm.type_error(format!("can't concat {} to bytearray", vm.type_name(v)))
}

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut d = me(vm, a, "__add__")?;
    match bytes_like(&a.pos[1]) {
        Some(x) => {
            d.extend_from_slice(&x);
            Ok(new_bytearray(vm, d))
        }
        None => Err(concat_err(vm, &a.pos[1])),
    }
}

/// `bytearray % args`: PEP 461 formatting into a new bytearray.
fn modulo(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__mod__")?;
    let out = vm.bytes_percent_format(&d, &a.pos[1])?;
    Ok(new_bytearray(vm, out))
}

/// `b"" + bytearray()`: the left operand's type wins, as bytes' buffer concatenation does.
fn radd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__radd__")?;
    match a.pos[1].body() {
        Some(Object::Bytes(x)) => {
            let mut out = x.to_vec();
            out.extend_from_slice(&d);
            Ok(Value::obj(Object::Bytes(out.into_boxed_slice().into())))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    resizable(vm, a, "__iadd__")?;
    match bytes_like(&a.pos[1]) {
        Some(x) => {
            resizable(vm, a, "__iadd__")?.data.extend_from_slice(&x);
            Ok(a.pos[0].clone())
        }
        None => Err(concat_err(vm, &a.pos[1])),
    }
}

/// The count of a repetition; `None` leaves the operation to the other operand (an instance,
/// which may define the reflected method).
fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let instance = matches!(v.body(), Some(Object::Instance(_)));
    if !matches!(v, Value::Float(_)) && v.as_str().is_none() {
        match vm.index_of(v) {
            Ok(n) => return Ok(Some(n.max(0))),
            Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    if instance {
        return Ok(None);
    }
    Err(vm.type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        vm.type_name(v)
    )))
}

fn repeated(vm: &mut Vm, d: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if !crate::budget::fits_u128((d.len() as u128).checked_mul(n as u128)) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    Ok(d.repeat(n as usize))
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__mul__")?;
    let Some(n) = repeat_count(vm, &a.pos[1])? else {
        return Ok(Value::NotImplemented);
    };
    let out = repeated(vm, &d, n)?;
    Ok(new_bytearray(vm, out))
}

fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__imul__")?;
    let Some(n) = repeat_count(vm, &a.pos[1])? else {
        return Ok(Value::NotImplemented);
    };
    let out = repeated(vm, &d, n)?;
    resizable(vm, a, "__imul__")?.data = out;
    Ok(a.pos[0].clone())
}

fn compare(
    vm: &mut Vm,
    a: &Args,
    method: &str,
    f: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let d = me(vm, a, method)?;
    match bytes_like(&a.pos[1]) {
        Some(x) => Ok(Value::Bool(f(d.as_slice().cmp(x.as_slice())))),
        None => Ok(Value::NotImplemented),
    }
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__eq__", |o| o.is_eq())
}
fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__ne__", |o| o.is_ne())
}
fn lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__lt__", |o| o.is_lt())
}
fn le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__le__", |o| o.is_le())
}
fn gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__gt__", |o| o.is_gt())
}
fn ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, "__ge__", |o| o.is_ge())
}

/// `__reduce__`: rebuilt from a latin-1 str, as CPython pickles bytearrays.
fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = me(vm, a, "__reduce__")?;
    let cls = match a.pos[0].body() {
        Some(Object::Instance(i)) => Value::Obj(i.class.clone()),
        _ => Value::Obj(native_class(vm, NAME)),
    };
    let text: String = d.iter().map(|&b| b as char).collect();
    let args = Vm::new_tuple(vec![Vm::str_val(text), Vm::str_val("latin-1")]);
    Ok(Vm::new_tuple(vec![cls, args, Value::None]))
}
