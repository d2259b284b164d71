//! `memoryview` over bytes and bytearrays (format 'B', one dimension): a window onto the
//! object's bytes read on every access, so writes through it reach a bytearray.

use super::bytearray::{bytes_like, ByteArray};
use crate::stdlib::{native_class, native_type, new_native, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const NAME: &str = "memoryview";

/// The state of a memoryview: the viewed object and which of its bytes are seen.
struct MemoryView {
    obj: Value,
    start: i64,
    step: i64,
    len: usize,
    released: bool,
    /// The `struct` format of the items (`B` unless made by `cast`); a typed view is
    /// contiguous (`step` 1) and `len` counts its bytes.
    fmt: u8,
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
        super::str::ANY,
        Some(&["sep", "bytes_per_sep"]),
    ),
    NativeFn::method("memoryview.release", release, Arity::NoArgs, None),
    NativeFn::method("memoryview.__enter__", enter, Arity::NoArgs, None),
    NativeFn::method("memoryview.__exit__", exit, super::str::ANY, None),
    NativeFn::method("memoryview.__len__", len, Arity::NoArgs, None),
    NativeFn::method("memoryview.__getitem__", getitem, Arity::One, None),
    NativeFn::method("memoryview.__setitem__", setitem, Arity::Range(2, 2), None),
    NativeFn::method("memoryview.__eq__", eq, Arity::One, None),
    NativeFn::method("memoryview.__ne__", ne, Arity::One, None),
    NativeFn::method("memoryview.__repr__", repr, Arity::NoArgs, None),
];

static OBJ: NativeFn = NativeFn::method("memoryview.obj", obj, Arity::NoArgs, None);
static NBYTES: NativeFn = NativeFn::method("memoryview.nbytes", nbytes, Arity::NoArgs, None);
static READONLY: NativeFn = NativeFn::method("memoryview.readonly", readonly, Arity::NoArgs, None);
static FORMAT: NativeFn = NativeFn::method("memoryview.format", format, Arity::NoArgs, None);
static ITEMSIZE: NativeFn = NativeFn::method("memoryview.itemsize", itemsize, Arity::NoArgs, None);
static NDIM: NativeFn = NativeFn::method("memoryview.ndim", ndim, Arity::NoArgs, None);
static SHAPE: NativeFn = NativeFn::method("memoryview.shape", shape, Arity::NoArgs, None);

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
    ] {
        crate::stdlib::add_property(&cls, name, f, Some(&crate::stdlib::READONLY));
    }
    cls
}

/// The bytes a memoryview sees, copied (`None` if `v` is not a live memoryview).
pub(crate) fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = state_of::<MemoryView>(v)?;
    if m.released {
        return None;
    }
    let all = whole(&m.obj)?;
    Some(
        (0..m.len)
            .filter_map(|k| all.get((m.start + k as i64 * m.step) as usize).copied())
            .collect(),
    )
}

/// All the bytes of the viewed object.
fn whole(obj: &Value) -> Option<Vec<u8>> {
    match obj.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        _ => state_of::<ByteArray>(obj).map(|b| b.data.clone()),
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
        let (obj, start, step, len, fmt) = (m.obj.clone(), m.start, m.step, m.len, m.fmt);
        let v = new_view(vm, obj, start, step, len);
        if let Some(n) = state_of::<MemoryView>(&v) {
            n.fmt = fmt;
        }
        return Ok(v);
    }
    match whole(&src) {
        Some(d) => Ok(new_view(vm, src, 0, 1, d.len())),
        None => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&src)
        ))),
    }
}

fn new_view(vm: &Vm, obj: Value, start: i64, step: i64, len: usize) -> Value {
    if let Some(b) = state_of::<ByteArray>(&obj) {
        b.exports += 1;
    }
    let cls = native_class(vm, NAME);
    new_native(
        cls.clone(),
        cls,
        None,
        MemoryView {
            obj,
            start,
            step,
            len,
            released: false,
            fmt: b'B',
        },
    )
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

fn tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = view(vm, a, "tolist")?.fmt;
    let d = data(vm, a, "tolist")?;
    let size = item_size(fmt).unwrap_or(1);
    Ok(Vm::new_list(
        d.chunks_exact(size).map(|c| unpack_item(fmt, c)).collect(),
    ))
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
    raw[..c.len()].copy_from_slice(c);
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

/// `m.cast(format)`: the same bytes seen as items of another format; one side of the cast
/// must be a byte format, and the view must be contiguous.
fn cast(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (obj, start, step, len, from) = {
        let m = view(vm, a, "cast")?;
        (m.obj.clone(), m.start, m.step, m.len, m.fmt)
    };
    let Some(fmt_v) = a.arg(1, "format") else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(fmt) = fmt_v.as_str() else {
        return Err(vm.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            vm.type_name(fmt_v)
        )));
    };
    if let Some(shape) = a.arg(2, "shape") {
        let dims = vm.collect(shape)?;
        if dims.len() != 1 {
            return Err(vm.err(
                ExcKind::NotImplementedError,
                "memoryview: casts to more than one dimension are not supported",
            ));
        }
    }
    let fmt = fmt.strip_prefix('@').unwrap_or(fmt);
    let code = match fmt.as_bytes() {
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
    if step != 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if len % item_size(code).unwrap_or(1) != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let v = new_view(vm, obj, start, 1, len);
    if let Some(m) = state_of::<MemoryView>(&v) {
        m.fmt = code;
    }
    Ok(v)
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
    Ok(Value::Int((m.len / item_size(m.fmt).unwrap_or(1)) as i64))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (obj, start, step, n, fmt) = {
        let m = view(vm, a, "__getitem__")?;
        (m.obj.clone(), m.start, m.step, m.len, m.fmt)
    };
    let key = &a.pos[1];
    if fmt != b'B' {
        // A typed view: items by index (slices of typed views are not supported).
        if matches!(key.body(), Some(Object::Slice { .. })) {
            return Err(vm.err(
                ExcKind::NotImplementedError,
                "slicing a memoryview made by cast() is not supported",
            ));
        }
        let size = item_size(fmt).unwrap_or(1);
        let i = index(vm, key, n / size)?;
        let all = whole(&obj).unwrap_or_default();
        let at = start as usize + i * size;
        return Ok(unpack_item(fmt, all.get(at..at + size).unwrap_or(&[])));
    }
    if matches!(key.body(), Some(Object::Slice { .. })) {
        let (s0, _, st, count) = vm.slice_indices(key, n)?;
        return Ok(new_view(vm, obj, start + s0 * step, step * st, count));
    }
    if matches!(key, Value::Float(_)) || key.as_str().is_some() {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = index(vm, key, n)?;
    let all = whole(&obj).unwrap_or_default();
    let b = all.get((start + i as i64 * step) as usize).copied();
    Ok(Value::Int(b.unwrap_or(0) as i64))
}

/// Item `key` of a view of `n` items, with CPython's error.
fn index(vm: &mut Vm, key: &Value, n: usize) -> PyResult<usize> {
    let i = vm.index_of(key)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.err(ExcKind::IndexError, "index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (obj, start, step, n, fmt) = {
        let m = view(vm, a, "__setitem__")?;
        (m.obj.clone(), m.start, m.step, m.len, m.fmt)
    };
    if state_of::<ByteArray>(&obj).is_none() {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if fmt != b'B' {
        return Err(vm.err(
            ExcKind::NotImplementedError,
            "assigning into a memoryview made by cast() is not supported",
        ));
    }
    let key = &a.pos[1];
    let value = &a.pos[2];
    let targets: Vec<usize> = if matches!(key.body(), Some(Object::Slice { .. })) {
        let (s0, _, st, count) = vm.slice_indices(key, n)?;
        let src = match bytes_like(value) {
            Some(d) => d,
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(value)
                )))
            }
        };
        if src.len() != count {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let idx: Vec<usize> = (0..count)
            .map(|k| (start + (s0 + k as i64 * st) * step) as usize)
            .collect();
        if let Some(b) = state_of::<ByteArray>(&obj) {
            for (i, v) in idx.into_iter().zip(src) {
                if let Some(slot) = b.data.get_mut(i) {
                    *slot = v;
                }
            }
        }
        return Ok(Value::None);
    } else {
        if matches!(key, Value::Float(_)) || key.as_str().is_some() {
            return Err(vm.type_error("memoryview: invalid slice key"));
        }
        let i = index(vm, key, n)?;
        vec![(start + i as i64 * step) as usize]
    };
    let v = match value {
        Value::Int(v) if (0..256).contains(v) => *v as u8,
        Value::Int(_) | Value::Bool(_) => {
            return Err(vm.value_error("memoryview: invalid value for format 'B'"))
        }
        _ => {
            return Err(vm.type_error("memoryview: invalid type for format 'B'"));
        }
    };
    if let Some(b) = state_of::<ByteArray>(&obj) {
        for i in targets {
            if let Some(slot) = b.data.get_mut(i) {
                *slot = v;
            }
        }
    }
    Ok(Value::None)
}

fn eq_result(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let m = receiver::<MemoryView>(vm, a, NAME, "__eq__")?;
    if m.released {
        return Ok(Some(a.pos[0].is(&a.pos[1])));
    }
    let mine = view_bytes(&a.pos[0]).unwrap_or_default();
    Ok(bytes_like(&a.pos[1]).map(|o| o == mine))
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
    Ok(Value::Int(view(vm, a, "nbytes")?.len as i64))
}

fn readonly(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = view(vm, a, "readonly")?.obj.clone();
    Ok(Value::Bool(state_of::<ByteArray>(&o).is_none()))
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = view(vm, a, "format")?.fmt;
    Ok(Vm::str_val((fmt as char).to_string()))
}

fn itemsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = view(vm, a, "itemsize")?.fmt;
    Ok(Value::Int(item_size(fmt).unwrap_or(1) as i64))
}

fn ndim(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    view(vm, a, "ndim")?;
    Ok(Value::Int(1))
}

fn shape(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = view(vm, a, "shape")?;
    let n = m.len / item_size(m.fmt).unwrap_or(1);
    Ok(Vm::new_tuple(vec![Value::Int(n as i64)]))
}
