//! `memoryview` over bytes, bytearrays and arrays: a window onto the object's buffer read on
//! every access (so writes through it reach a bytearray or array), with a `struct` item
//! format, a shape and byte strides as CPython's buffer protocol describes them; `cast`
//! reinterprets a C-contiguous view (1-D to N-D and back).

use super::bytearray::{bytes_like, ByteArray};
use crate::stdlib::{native_class, native_type, new_native, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const NAME: &str = "memoryview";

/// The state of a memoryview: the viewed object and which of its bytes are seen, as items
/// of `fmt` laid out by `shape` and `strides` from byte `start`.
struct MemoryView {
    obj: Value,
    start: i64,
    fmt: u8,
    itemsize: usize,
    shape: Vec<usize>,
    strides: Vec<i64>,
    readonly: bool,
    released: bool,
}

impl NativeState for MemoryView {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.obj);
    }
}

impl MemoryView {
    /// Ends this view's export of a bytearray's bytes (once).
    fn release(&mut self) {
        if !self.released {
            self.released = true;
            if let Some(b) = state_of::<ByteArray>(&self.obj) {
                b.exports = b.exports.saturating_sub(1);
            }
        }
    }

    fn items(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.items() * self.itemsize
    }

    /// The byte offset of every item, in C order.
    fn offsets(&self) -> Vec<i64> {
        let mut out = vec![self.start];
        for (&n, &st) in self.shape.iter().zip(&self.strides) {
            let mut next = Vec::with_capacity(out.len() * n);
            for base in &out {
                for k in 0..n {
                    next.push(base + k as i64 * st);
                }
            }
            out = next;
        }
        out
    }

    /// Whether the items lie back to back in C order.
    fn c_contiguous(&self) -> bool {
        if self.items() == 0 {
            return true;
        }
        let mut want = self.itemsize as i64;
        for (&n, &st) in self.shape.iter().zip(&self.strides).rev() {
            if n > 1 && st != want {
                return false;
            }
            want *= n as i64;
        }
        true
    }

    /// Whether the items lie back to back in Fortran order.
    fn f_contiguous(&self) -> bool {
        if self.items() == 0 {
            return true;
        }
        let mut want = self.itemsize as i64;
        for (&n, &st) in self.shape.iter().zip(&self.strides) {
            if n > 1 && st != want {
                return false;
            }
            want *= n as i64;
        }
        true
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

static METHODS: &[NativeFn] = &[
    NativeFn::new("memoryview", construct),
    NativeFn::method(
        "memoryview.tobytes",
        tobytes,
        Arity::Range(0, 1),
        Some(&["order"]),
    ),
    NativeFn::method("memoryview.tolist", tolist, Arity::NoArgs, None),
    NativeFn::method(
        "memoryview.cast",
        cast,
        Arity::Range(1, 2),
        Some(&["format", "shape"]),
    ),
    NativeFn::method(
        "memoryview.hex",
        hex,
        Arity::Range(0, 2),
        Some(&["sep", "bytes_per_sep"]),
    ),
    NativeFn::method("memoryview.toreadonly", toreadonly, Arity::NoArgs, None),
    NativeFn::method("memoryview.release", release, Arity::NoArgs, None),
    NativeFn::method("memoryview.__enter__", enter, Arity::NoArgs, None),
    NativeFn::method("memoryview.__exit__", exit, super::str::ANY, None),
    NativeFn::method("memoryview.__len__", len, Arity::NoArgs, None),
    NativeFn::method("memoryview.__getitem__", getitem, Arity::One, None),
    NativeFn::method("memoryview.__setitem__", setitem, Arity::Range(2, 2), None),
    NativeFn::method("memoryview.__delitem__", delitem, Arity::One, None),
    NativeFn::method("memoryview.__eq__", eq, Arity::One, None),
    NativeFn::method("memoryview.__ne__", ne, Arity::One, None),
    NativeFn::method("memoryview.__hash__", hash, Arity::NoArgs, None),
    NativeFn::method("memoryview.__repr__", repr, Arity::NoArgs, None),
];

static OBJ: NativeFn = NativeFn::method("memoryview.obj", obj, Arity::NoArgs, None);
static NBYTES: NativeFn = NativeFn::method("memoryview.nbytes", nbytes, Arity::NoArgs, None);
static READONLY: NativeFn = NativeFn::method("memoryview.readonly", readonly, Arity::NoArgs, None);
static FORMAT: NativeFn = NativeFn::method("memoryview.format", format, Arity::NoArgs, None);
static ITEMSIZE: NativeFn = NativeFn::method("memoryview.itemsize", itemsize, Arity::NoArgs, None);
static NDIM: NativeFn = NativeFn::method("memoryview.ndim", ndim, Arity::NoArgs, None);
static SHAPE: NativeFn = NativeFn::method("memoryview.shape", shape, Arity::NoArgs, None);
static STRIDES: NativeFn = NativeFn::method("memoryview.strides", strides, Arity::NoArgs, None);
static SUBOFFSETS: NativeFn =
    NativeFn::method("memoryview.suboffsets", suboffsets, Arity::NoArgs, None);
static C_CONTIGUOUS: NativeFn =
    NativeFn::method("memoryview.c_contiguous", c_contiguous, Arity::NoArgs, None);
static F_CONTIGUOUS: NativeFn =
    NativeFn::method("memoryview.f_contiguous", f_contiguous, Arity::NoArgs, None);
static CONTIGUOUS: NativeFn =
    NativeFn::method("memoryview.contiguous", contiguous, Arity::NoArgs, None);

/// Makes the `memoryview` type.
pub(crate) fn install(vm: &mut Vm) -> ObjRef {
    let cls = native_type(vm, NAME, None, METHODS, false);
    for (name, f) in [
        ("obj", &OBJ),
        ("nbytes", &NBYTES),
        ("readonly", &READONLY),
        ("format", &FORMAT),
        ("itemsize", &ITEMSIZE),
        ("ndim", &NDIM),
        ("shape", &SHAPE),
        ("strides", &STRIDES),
        ("suboffsets", &SUBOFFSETS),
        ("c_contiguous", &C_CONTIGUOUS),
        ("f_contiguous", &F_CONTIGUOUS),
        ("contiguous", &CONTIGUOUS),
    ] {
        crate::stdlib::add_property(&cls, name, f, Some(&crate::stdlib::READONLY));
    }
    cls
}

/// The bytes a memoryview sees, in C order, copied (`None` if `v` is not a live memoryview).
pub(crate) fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = state_of::<MemoryView>(v)?;
    if m.released {
        return None;
    }
    let all = whole(&m.obj)?;
    let mut out = Vec::with_capacity(m.nbytes());
    for off in m.offsets() {
        let at = off.max(0) as usize;
        out.extend_from_slice(all.get(at..at + m.itemsize).unwrap_or(&[]));
    }
    Some(out)
}

/// All the bytes of the viewed object's buffer.
fn whole(obj: &Value) -> Option<Vec<u8>> {
    match obj.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        _ => match state_of::<ByteArray>(obj) {
            Some(b) => Some(b.data.clone()),
            None => crate::stdlib::array::buffer_of(obj).map(|(_, d)| d),
        },
    }
}

/// Writes `data` into the viewed object's buffer at byte `offset`.
fn write(vm: &Vm, obj: &Value, offset: usize, data: &[u8]) -> PyResult<()> {
    if let Some(b) = state_of::<ByteArray>(obj) {
        if let Some(dst) = b.data.get_mut(offset..offset + data.len()) {
            dst.copy_from_slice(data);
        }
        return Ok(());
    }
    crate::stdlib::array::write_buffer(vm, obj, offset, data)
}

/// The buffer an object exports: format, item size, item count and whether it is read-only.
fn export(obj: &Value) -> Option<(u8, usize, usize, bool)> {
    match obj.body() {
        Some(Object::Bytes(b)) => Some((b'B', 1, b.len(), true)),
        _ => {
            if let Some(b) = state_of::<ByteArray>(obj) {
                return Some((b'B', 1, b.data.len(), false));
            }
            let (code, data) = crate::stdlib::array::buffer_of(obj)?;
            let size = item_size(code).unwrap_or(1);
            Some((code, size, data.len() / size, false))
        }
    }
}

fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let src = match (a.get(1), a.kw("object")) {
        (Some(v), _) | (None, Some(v)) => v.clone(),
        (None, None) => {
            return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"))
        }
    };
    if let Some(m) = state_of::<MemoryView>(&src) {
        if m.released {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        let copy = MemoryView {
            obj: m.obj.clone(),
            start: m.start,
            fmt: m.fmt,
            itemsize: m.itemsize,
            shape: m.shape.clone(),
            strides: m.strides.clone(),
            readonly: m.readonly,
            released: false,
        };
        return Ok(new_view(vm, copy));
    }
    match export(&src) {
        Some((fmt, itemsize, n, readonly)) => Ok(new_view(
            vm,
            MemoryView {
                obj: src,
                start: 0,
                fmt,
                itemsize,
                shape: vec![n],
                strides: vec![itemsize as i64],
                readonly,
                released: false,
            },
        )),
        None => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&src)
        ))),
    }
}

fn new_view(vm: &Vm, m: MemoryView) -> Value {
    if let Some(b) = state_of::<ByteArray>(&m.obj) {
        b.exports += 1;
    }
    let cls = native_class(vm, NAME);
    new_native(cls.clone(), cls, None, m)
}

/// The live view receiver, or the error for a released one.
fn view<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut MemoryView> {
    let m = receiver::<MemoryView>(vm, a, NAME, method)?;
    if m.released {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn data(vm: &Vm, a: &Args, method: &str) -> PyResult<Vec<u8>> {
    view(vm, a, method)?;
    Ok(view_bytes(&a.pos[0]).unwrap_or_default())
}

fn tobytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = data(vm, a, "tobytes")?;
    Ok(Value::obj(Object::Bytes(d.into_boxed_slice().into())))
}

/// CPython's error for an item format it cannot unpack.
fn unsupported(vm: &Vm, fmt: u8) -> crate::value::heap::ObjRef {
    vm.err(
        ExcKind::NotImplementedError,
        format!("memoryview: format {} not supported", fmt as char),
    )
}

fn tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (fmt, size, shape) = {
        let m = view(vm, a, "tolist")?;
        (m.fmt, m.itemsize, m.shape.clone())
    };
    if item_size(fmt).is_none() {
        return Err(unsupported(vm, fmt));
    }
    let d = data(vm, a, "tolist")?;
    let flat: Vec<Value> = d.chunks_exact(size).map(|c| unpack_item(fmt, c)).collect();
    if shape.is_empty() {
        return Ok(flat.into_iter().next().unwrap_or(Value::None));
    }
    Ok(nest(&flat, &shape))
}

/// Items in C order as nested lists of `shape`.
fn nest(flat: &[Value], shape: &[usize]) -> Value {
    match shape {
        [] | [_] => Vm::new_list(flat.to_vec()),
        [n, rest @ ..] => {
            let per: usize = rest.iter().product();
            Vm::new_list(
                (0..*n)
                    .map(|i| {
                        nest(
                            &flat[(i * per).min(flat.len())..((i + 1) * per).min(flat.len())],
                            rest,
                        )
                    })
                    .collect(),
            )
        }
    }
}

/// The size of one item of `struct` format `fmt` (native sizes), if it is one memoryview
/// supports.
fn item_size(fmt: u8) -> Option<usize> {
    Some(match fmt {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' | b'e' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => return None,
    })
}

/// One item of format `fmt` from its native-order bytes.
fn unpack_item(fmt: u8, c: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    raw[..c.len().min(8)].copy_from_slice(&c[..c.len().min(8)]);
    let unsigned = u64::from_le_bytes(raw);
    let signed = |bits: u32| ((unsigned << (64 - bits)) as i64) >> (64 - bits);
    match fmt {
        b'c' => Value::obj(Object::Bytes(c.to_vec().into_boxed_slice().into())),
        b'?' => Value::Bool(unsigned != 0),
        b'b' => Value::Int(signed(8)),
        b'h' => Value::Int(signed(16)),
        b'i' => Value::Int(signed(32)),
        b'l' | b'q' | b'n' => Value::Int(unsigned as i64),
        b'L' | b'Q' | b'N' | b'P' if unsigned > i64::MAX as u64 => {
            Vm::int_from_big(num_bigint::BigInt::from(unsigned))
        }
        b'f' => Value::Float(f32::from_bits(unsigned as u32) as f64),
        b'd' => Value::Float(f64::from_bits(unsigned)),
        b'e' => Value::Float(crate::stdlib::struct_::from_half(unsigned as u16)),
        _ => Value::Int(unsigned as i64),
    }
}

/// The native-order bytes of `v` as an item of format `fmt`, with CPython's errors.
fn pack_item(vm: &mut Vm, fmt: u8, v: &Value) -> PyResult<Vec<u8>> {
    let f = fmt as char;
    let invalid_type =
        |vm: &Vm| vm.type_error(format!("memoryview: invalid type for format '{f}'"));
    let invalid_value =
        |vm: &Vm| vm.value_error(format!("memoryview: invalid value for format '{f}'"));
    let size = item_size(fmt).ok_or_else(|| unsupported(vm, fmt))?;
    match fmt {
        b'c' => match v.body() {
            Some(Object::Bytes(b)) if b.len() == 1 => Ok(b.to_vec()),
            Some(Object::Bytes(_)) => Err(invalid_value(vm)),
            _ => Err(invalid_type(vm)),
        },
        b'?' => Ok(vec![u8::from(vm.truthy(v)?)]),
        b'f' | b'd' | b'e' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => f64::from(u8::from(*b)),
                _ => match crate::value::num::num_of(v) {
                    Some(n) => crate::value::num::num_to_f64(vm, &n)?,
                    None => match vm.call_dunder_user(v, "__float__")? {
                        Some(Value::Float(x)) => x,
                        _ => return Err(invalid_type(vm)),
                    },
                },
            };
            let x = crate::value::num::canonical_nan(x);
            Ok(match fmt {
                b'f' => {
                    if x.is_finite() && (x as f32).is_infinite() {
                        return Err(invalid_value(vm));
                    }
                    (x as f32).to_le_bytes().to_vec()
                }
                b'd' => x.to_le_bytes().to_vec(),
                _ => match crate::stdlib::struct_::to_half(x) {
                    Some(h) => h.to_le_bytes().to_vec(),
                    None => return Err(invalid_value(vm)),
                },
            })
        }
        _ => {
            let big = match crate::value::num::index_big(vm, v) {
                Ok(Some(b)) => b,
                Ok(None) => return Err(invalid_type(vm)),
                Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => return Err(invalid_type(vm)),
                Err(e) => return Err(e),
            };
            let bits = size as u32 * 8;
            let signed = matches!(fmt, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (
                    -(num_bigint::BigInt::from(1) << (bits - 1)),
                    (num_bigint::BigInt::from(1) << (bits - 1)) - 1,
                )
            } else {
                (
                    num_bigint::BigInt::from(0),
                    (num_bigint::BigInt::from(1) << bits) - 1,
                )
            };
            if big < lo || big > hi {
                return Err(invalid_value(vm));
            }
            // Two's complement: a negative value is stored as 2**bits + value.
            let stored = if big.sign() == num_bigint::Sign::Minus {
                (num_bigint::BigInt::from(1) << bits) + &big
            } else {
                big
            };
            let mut bytes = stored.to_bytes_le().1;
            bytes.resize(size, 0);
            Ok(bytes)
        }
    }
}

/// `m.cast(format[, shape])`: the same bytes seen as items of another format and shape;
/// one side of the cast must be a byte format, and the view must be C-contiguous.
fn cast(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(fmt_v) = a.arg(1, "format") else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(fmt) = fmt_v.as_str().map(str::to_string) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let (obj, start, from, nbytes, ndim, zeros, contiguous, readonly) = {
        let m = view(vm, a, "cast")?;
        (
            m.obj.clone(),
            m.start,
            m.fmt,
            m.nbytes(),
            m.shape.len(),
            m.shape.contains(&0),
            m.c_contiguous(),
            m.readonly,
        )
    };
    if !contiguous {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape_v = a.arg(2, "shape").cloned();
    if (shape_v.is_some() || ndim != 1) && zeros {
        return Err(vm.type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let dims = match &shape_v {
        Some(s) => {
            if !matches!(s.body(), Some(Object::List(_) | Object::Tuple(_))) {
                return Err(vm.type_error("shape must be a list or a tuple"));
            }
            let d = vm.collect(s)?;
            if ndim != 1 && d.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            if d.len() > 64 {
                return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
            }
            Some(d)
        }
        None => None,
    };
    let f = fmt.strip_prefix('@').unwrap_or(&fmt);
    let code = match f.as_bytes() {
        // Half floats are not a cast target in 3.11.
        [c] if *c != b'e' && item_size(*c).is_some() => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format \
                 prefixed with an optional '@'",
            ))
        }
    };
    let is_byte = |f: u8| matches!(f, b'B' | b'b' | b'c');
    if !is_byte(from) && !is_byte(code) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let size = item_size(code).unwrap_or(1);
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let shape: Vec<usize> = match dims {
        Some(d) => {
            let mut out = Vec::with_capacity(d.len());
            for x in &d {
                match x {
                    Value::Int(n) if *n > 0 => out.push(*n as usize),
                    _ => {
                        return Err(vm.value_error(
                            "memoryview.cast(): elements of shape must be integers > 0",
                        ))
                    }
                }
            }
            let total = out
                .iter()
                .try_fold(size, |acc, &n| acc.checked_mul(n))
                .unwrap_or(usize::MAX);
            if total != nbytes {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            out
        }
        None => vec![nbytes / size],
    };
    let mut strides = vec![0i64; shape.len()];
    let mut acc = size as i64;
    for (i, n) in shape.iter().enumerate().rev() {
        strides[i] = acc;
        acc *= *n as i64;
    }
    Ok(new_view(
        vm,
        MemoryView {
            obj,
            start,
            fmt: code,
            itemsize: size,
            shape,
            strides,
            readonly,
            released: false,
        },
    ))
}

fn toreadonly(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "toreadonly")?;
    let copy = MemoryView {
        obj: m.obj.clone(),
        start: m.start,
        fmt: m.fmt,
        itemsize: m.itemsize,
        shape: m.shape.clone(),
        strides: m.strides.clone(),
        readonly: true,
        released: false,
    };
    Ok(new_view(vm, copy))
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = data(vm, a, "hex")?;
    let mut raw = a.raw.to_vec();
    raw[0] = Value::obj(Object::Bytes(d.into_boxed_slice().into()));
    let f = super::method(crate::value::object::TypeKind::Bytes, "hex");
    match f {
        Some(f) => (f.call)(vm, &Args::new(&raw, a.kwnames)),
        None => Ok(Value::None),
    }
}

fn release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<MemoryView>(vm, a, NAME, "release")?.release();
    Ok(Value::None)
}

fn enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "__enter__")?;
    Ok(a.pos[0].clone())
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<MemoryView>(vm, a, NAME, "__exit__")?.release();
    Ok(Value::None)
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "__len__")?;
    match m.shape.first() {
        Some(n) => Ok(Value::Int(*n as i64)),
        None => Err(vm.type_error("0-dim memory has no length")),
    }
}

/// An index into dimension `dim` (0-based) of `n` items, with CPython's errors.
fn index(vm: &mut Vm, key: &Value, n: usize, dim: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        _ => match vm.index_of(key) {
            Ok(i) => i,
            Err(e) if vm.exc_matches(&e, ExcKind::OverflowError) => {
                return Err(vm.err(
                    ExcKind::IndexError,
                    format!(
                        "cannot fit '{}' into an index-sized integer",
                        vm.type_name(key)
                    ),
                ))
            }
            Err(e) => return Err(e),
        },
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.err(
            ExcKind::IndexError,
            format!("index out of bounds on dimension {}", dim + 1),
        ));
    }
    Ok(j as usize)
}

fn is_index(vm: &mut Vm, key: &Value) -> PyResult<bool> {
    Ok(match key {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Float(_) | Value::Str(_) | Value::None => false,
        _ => match key.body() {
            Some(Object::BigInt(_)) => true,
            Some(Object::Instance(_)) => vm.getattr_opt(key, "__index__")?.is_some(),
            _ => false,
        },
    })
}

/// Where the item at `key` lies (a full index: an int for one dimension, a tuple of ints for
/// more), or `None` when `key` is not such an index.
fn item_offset(vm: &mut Vm, m: &MemoryView, key: &Value, setting: bool) -> PyResult<Option<i64>> {
    let ndim = m.shape.len();
    if is_index(vm, key)? {
        if ndim == 0 {
            return Err(vm.type_error("invalid indexing of 0-dim memory"));
        }
        if ndim > 1 {
            let msg = if setting {
                "sub-views are not implemented"
            } else {
                "multi-dimensional sub-views are not implemented"
            };
            return Err(vm.err(ExcKind::NotImplementedError, msg));
        }
        let i = index(vm, key, m.shape[0], 0)?;
        return Ok(Some(m.start + i as i64 * m.strides[0]));
    }
    if let Some(Object::Tuple(items)) = key.body() {
        let items = items.to_vec();
        let mut all_index = true;
        for it in &items {
            if !is_index(vm, it)? {
                all_index = false;
            }
        }
        if all_index {
            if items.len() < ndim {
                return Err(vm.err(
                    ExcKind::NotImplementedError,
                    "sub-views are not implemented",
                ));
            }
            if items.len() > ndim {
                return Err(vm.type_error(format!(
                    "cannot index {ndim}-dimension view with {}-element tuple",
                    items.len()
                )));
            }
            let mut off = m.start;
            for (d, it) in items.iter().enumerate() {
                let i = index(vm, it, m.shape[d], d)?;
                off += i as i64 * m.strides[d];
            }
            return Ok(Some(off));
        }
    }
    Ok(None)
}

fn is_multislice(key: &Value) -> bool {
    matches!(key.body(), Some(Object::Tuple(items))
        if !items.is_empty() && items.iter().all(|i| matches!(i.body(), Some(Object::Slice { .. }))))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "__getitem__")?;
    let key = a.pos[1].clone();
    if m.shape.is_empty() {
        if matches!(key, Value::Ellipsis) {
            return Ok(a.pos[0].clone());
        }
        if matches!(key.body(), Some(Object::Tuple(t)) if t.is_empty()) {
            let d = view_bytes(&a.pos[0]).unwrap_or_default();
            return Ok(unpack_item(m.fmt, &d));
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    let (fmt, size, obj) = (m.fmt, m.itemsize, m.obj.clone());
    if let Some(off) = item_offset(vm, m, &key, false)? {
        if item_size(fmt).is_none() {
            return Err(unsupported(vm, fmt));
        }
        let all = whole(&obj).unwrap_or_default();
        let at = off.max(0) as usize;
        return Ok(unpack_item(fmt, all.get(at..at + size).unwrap_or(&[])));
    }
    if matches!(key.body(), Some(Object::Slice { .. })) {
        let (s0, _, st, count) = vm.slice_indices(&key, m.shape[0])?;
        let mut shape = m.shape.clone();
        let mut strides = m.strides.clone();
        let start = m.start + s0 * m.strides[0];
        shape[0] = count;
        strides[0] *= st;
        let sub = MemoryView {
            obj,
            start,
            fmt,
            itemsize: size,
            shape,
            strides,
            readonly: m.readonly,
            released: false,
        };
        return Ok(new_view(vm, sub));
    }
    if is_multislice(&key) {
        return Err(vm.err(
            ExcKind::NotImplementedError,
            "multi-dimensional slicing is not implemented",
        ));
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "__delitem__")?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "__setitem__")?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let key = a.pos[1].clone();
    let value = a.pos[2].clone();
    let (fmt, size, obj) = (m.fmt, m.itemsize, m.obj.clone());
    if m.shape.is_empty() {
        if matches!(key, Value::Ellipsis)
            || matches!(key.body(), Some(Object::Tuple(t)) if t.is_empty())
        {
            let bytes = pack_item(vm, fmt, &value)?;
            return write(vm, &obj, m.start.max(0) as usize, &bytes).map(|_| Value::None);
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(off) = item_offset(vm, m, &key, true)? {
        let bytes = pack_item(vm, fmt, &value)?;
        write(vm, &obj, off.max(0) as usize, &bytes)?;
        return Ok(Value::None);
    }
    if m.shape.len() == 1 && matches!(key.body(), Some(Object::Slice { .. })) {
        let (s0, _, st, count) = vm.slice_indices(&key, m.shape[0])?;
        let (start, stride) = (m.start + s0 * m.strides[0], m.strides[0] * st);
        // The source: another buffer of the same format and length.
        let src = match state_of::<MemoryView>(&value) {
            Some(sv) if !sv.released => Some((sv.fmt, sv.shape.clone())),
            Some(_) => {
                return Err(vm.value_error("operation forbidden on released memoryview object"))
            }
            None => export(&value).map(|(f, _, n, _)| (f, vec![n])),
        };
        let Some((src_fmt, src_shape)) = src else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&value)
            )));
        };
        if src_fmt != fmt || src_shape != [count] {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let data = bytes_like(&value).unwrap_or_default();
        for (k, chunk) in data.chunks_exact(size).enumerate().take(count) {
            write(vm, &obj, (start + k as i64 * stride).max(0) as usize, chunk)?;
        }
        return Ok(Value::None);
    }
    if is_multislice(&key) {
        return Err(vm.err(
            ExcKind::NotImplementedError,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

/// A buffer's format, shape and items, for comparison (`None` if `v` exports none).
fn compared(v: &Value) -> Option<(u8, Vec<usize>, Vec<Value>)> {
    let (fmt, shape) = match state_of::<MemoryView>(v) {
        Some(m) => (m.fmt, m.shape.clone()),
        None => {
            let (f, _, n, _) = export(v)?;
            (f, vec![n])
        }
    };
    let size = item_size(fmt)?;
    let d = bytes_like(v)?;
    Some((
        fmt,
        shape,
        d.chunks_exact(size).map(|c| unpack_item(fmt, c)).collect(),
    ))
}

/// `m == other`: equal when both are buffers of the same shape whose items, unpacked by
/// their formats, are equal (a released view equals only itself).
fn eq_result(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let m = receiver::<MemoryView>(vm, a, NAME, "__eq__")?;
    let other = &a.pos[1];
    if a.pos[0].is(other) {
        return Ok(Some(true));
    }
    let other_released = state_of::<MemoryView>(other).is_some_and(|o| o.released);
    if m.released || other_released {
        return Ok(Some(false));
    }
    if export(other).is_none() && state_of::<MemoryView>(other).is_none() {
        return Ok(None);
    }
    let (Some((fa, sa, xa)), Some((fb, sb, xb))) = (compared(&a.pos[0]), compared(other)) else {
        let f = if item_size(m.fmt).is_none() {
            m.fmt
        } else {
            b'?'
        };
        return Err(unsupported(vm, f));
    };
    if sa != sb {
        return Ok(Some(false));
    }
    let _ = (fa, fb);
    for (p, q) in xa.iter().zip(&xb) {
        if !vm.eq(p, q)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match eq_result(vm, a)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match eq_result(vm, a)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

/// `hash(m)`: a read-only view of bytes hashes as the bytes it sees.
fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "__hash__")?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.fmt, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let d = view_bytes(&a.pos[0]).unwrap_or_default();
    let h = vm.hash(&Value::obj(Object::Bytes(d.into_boxed_slice().into())))?;
    Ok(Value::Int(h))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = receiver::<MemoryView>(vm, a, NAME, "__repr__")?;
    let state = if m.released {
        "released memory"
    } else {
        "memory"
    };
    let addr = a.pos[0].as_obj().map_or(0, |o| o.addr());
    Ok(Vm::str_val(format!("<{state} at {addr:#x}>")))
}

fn obj(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(view(vm, a, "obj")?.obj.clone())
}

fn nbytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(view(vm, a, "nbytes")?.nbytes() as i64))
}

fn readonly(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, a, "readonly")?.readonly))
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = view(vm, a, "format")?.fmt;
    Ok(Vm::str_val((fmt as char).to_string()))
}

fn itemsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(view(vm, a, "itemsize")?.itemsize as i64))
}

fn ndim(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(view(vm, a, "ndim")?.shape.len() as i64))
}

fn shape(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "shape")?;
    Ok(Vm::new_tuple(
        m.shape.iter().map(|n| Value::Int(*n as i64)).collect(),
    ))
}

fn strides(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "strides")?;
    Ok(Vm::new_tuple(
        m.strides.iter().map(|n| Value::Int(*n)).collect(),
    ))
}

fn suboffsets(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "suboffsets")?;
    Ok(Vm::new_tuple(vec![]))
}

fn c_contiguous(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, a, "c_contiguous")?.c_contiguous()))
}

fn f_contiguous(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, a, "f_contiguous")?.f_contiguous()))
}

fn contiguous(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "contiguous")?;
    Ok(Value::Bool(m.c_contiguous() || m.f_contiguous()))
}
