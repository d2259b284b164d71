//! The `_struct` module: `pack`, `unpack`, `calcsize`, `iter_unpack`, `pack_into`,
//! `unpack_from`, the `Struct` type and `error`, with CPython's format language (byte orders,
//! native sizes and alignment, repeat counts) and its messages.

use super::{
    add_property, native_class, native_type, new_native, parse_args, receiver, state_of, READONLY,
};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("pack", pack),
    NativeFn::new("unpack", unpack),
    NativeFn::new("calcsize", calcsize),
    NativeFn::new("iter_unpack", iter_unpack),
    NativeFn::new("unpack_from", unpack_from),
    NativeFn::new("pack_into", pack_into),
    NativeFn::function("_clearcache", clearcache, Arity::NoArgs, None),
];

static STRUCT: &[NativeFn] = &[
    NativeFn::new("Struct", struct_new),
    NativeFn::new("Struct.pack", s_pack),
    NativeFn::method("Struct.unpack", s_unpack, Arity::One, None),
    NativeFn::new("Struct.unpack_from", s_unpack_from),
    NativeFn::method("Struct.iter_unpack", s_iter_unpack, Arity::One, None),
    NativeFn::new("Struct.pack_into", s_pack_into),
];

static S_FORMAT: NativeFn = NativeFn::method("Struct.format", s_format, Arity::NoArgs, None);
static S_SIZE: NativeFn = NativeFn::method("Struct.size", s_size, Arity::NoArgs, None);

static UNPACK_ITER: &[NativeFn] = &[
    NativeFn::new("unpack_iterator", no_new_iter),
    NativeFn::method(
        "unpack_iterator.__length_hint__",
        iter_length_hint,
        Arity::NoArgs,
        None,
    ),
];

/// Builds the `_struct` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let st = native_type(vm, "_struct.Struct", None, STRUCT, false);
    let ro = Some(&READONLY);
    add_property(&st, "format", &S_FORMAT, ro);
    add_property(&st, "size", &S_SIZE, ro);
    native_type(vm, "_struct.unpack_iterator", None, UNPACK_ITER, true);
    let exception = vm.exc_class(ExcKind::Exception);
    let error = super::exception_class(vm, "struct.error", vec![exception]);
    super::new_module(
        "_struct",
        FUNCTIONS,
        &[
            ("Struct", Value::Obj(st)),
            ("error", Value::Obj(error)),
            (
                "__doc__",
                Vm::str_val("Functions to convert between Python values and C structs."),
            ),
        ],
    )
}

fn error(vm: &Vm, msg: impl Into<String>) -> ObjRef {
    let cls = native_class(vm, "struct.error");
    vm.make_exc(&cls, vec![Vm::str_val(msg.into())])
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One format code with its repeat count and where its first item sits.
#[derive(Clone, Copy)]
struct Code {
    ch: u8,
    /// Items (for `s` and `p`: bytes of the one item; for `x`: pad bytes).
    count: usize,
    offset: usize,
    /// Bytes of one item (`s`, `p`, `x`: 1).
    size: usize,
}

/// A compiled format.
struct Layout {
    native: bool,
    order: Order,
    codes: Vec<Code>,
    size: usize,
    /// Values packed or unpacked.
    nitems: usize,
}

/// Size and alignment of code `c`, native or standard; `None` for a bad code.
fn code_size(c: u8, native: bool) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn compile(vm: &Vm, fmt: &[u8]) -> PyResult<Layout> {
    let (native, order, body) = match fmt.first() {
        Some(b'@') => (true, Order::Native, &fmt[1..]),
        Some(b'=') => (false, Order::Little, &fmt[1..]),
        Some(b'<') => (false, Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (false, Order::Big, &fmt[1..]),
        _ => (true, Order::Native, fmt),
    };
    let mut codes = Vec::new();
    let (mut size, mut nitems) = (0usize, 0usize);
    let too_long = || error(vm, "total struct size too long");
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(error(vm, "repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or_else(too_long)?;
            }
        }
        let Some(isz) = code_size(c, native) else {
            return Err(error(vm, "bad char in struct format"));
        };
        // Native numbers are aligned to their size.
        if native && isz > 1 && size > 0 {
            size = size.div_ceil(isz).checked_mul(isz).ok_or_else(too_long)?;
        }
        let offset = size;
        let bytes = if matches!(c, b's' | b'p' | b'x') {
            num
        } else {
            num.checked_mul(isz).ok_or_else(too_long)?
        };
        size = size
            .checked_add(bytes)
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(too_long)?;
        nitems += match c {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => num,
        };
        codes.push(Code {
            ch: c,
            count: num,
            offset,
            size: isz,
        });
    }
    Ok(Layout {
        native,
        order,
        codes,
        size,
        nitems,
    })
}

/// The text of a format argument (str or bytes).
fn format_bytes(vm: &Vm, v: &Value, who: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str_arg() {
        return Ok(s.as_bytes().to_vec());
    }
    match crate::value::num::plain_value(v).body() {
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(vm.type_error(format!(
            "{who} argument 1 must be a str or bytes object, not {}",
            vm.type_name(v)
        ))),
    }
}

fn layout_of(vm: &Vm, v: &Value) -> PyResult<Layout> {
    let f = format_bytes(vm, v, "Struct()")?;
    compile(vm, &f)
}

/// The bytes of a buffer argument: bytes borrowed, other bytes-like objects copied.
fn buffer_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    match v.body() {
        Some(Object::Bytes(b)) => Ok(std::borrow::Cow::Borrowed(b)),
        _ if crate::objects::bytearray::bytes_like(v).is_some() => Ok(std::borrow::Cow::Owned(
            crate::objects::bytearray::bytes_like(v).unwrap_or_default(),
        )),
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

// ----- packing -----

/// The integer an item packs, as CPython's `get_pylong` takes it.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match num_of(v) {
        Some(Num::I(i)) => return Ok(BigInt::from(i)),
        Some(Num::B(b)) => return Ok(b.clone()),
        Some(Num::F(_)) => return Err(error(vm, "required argument is not an integer")),
        None => {}
    }
    if let Some(b) = crate::value::num::inst_base(v) {
        if let Some(Num::I(i)) = num_of(&b) {
            return Ok(BigInt::from(i));
        }
        if let Some(Num::B(x)) = num_of(&b) {
            return Ok(x.clone());
        }
    }
    match vm.call_dunder(v, "__index__", &[])? {
        Some(r) => match num_of(&r) {
            Some(Num::I(i)) => Ok(BigInt::from(i)),
            Some(Num::B(b)) => Ok(b.clone()),
            _ => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
        None => Err(error(vm, "required argument is not an integer")),
    }
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match num_of(v) {
        Some(Num::F(f)) => return Ok(crate::value::num::canonical_nan(f)),
        Some(Num::I(i)) => return Ok(i as f64),
        Some(Num::B(b)) => {
            return permafrost_semantics::number::int_to_f64(b).map_err(|e| vm.lib_err(e))
        }
        None => {}
    }
    if let Some(Value::Float(f)) = vm.call_dunder(v, "__float__", &[])? {
        return Ok(crate::value::num::canonical_nan(f));
    }
    if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
        if let Some(Num::I(i)) = num_of(&r) {
            return Ok(i as f64);
        }
    }
    Err(error(vm, "required argument is not a float"))
}

/// Packs integer `n` for code `c` of `size` bytes, with CPython's range errors.
/// Big-endian formats have their own packers in CPython, worded differently in places.
fn pack_int(vm: &Vm, c: u8, size: usize, big: bool, n: &BigInt) -> PyResult<u64> {
    let out_of_range = || {
        if big && size == 8 {
            error(vm, "int too large to convert")
        } else {
            error(vm, "argument out of range")
        }
    };
    // `B` and `H` convert through a C long, so negatives get the range message.
    let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
    if c == b'B' || (c == b'H' && !big) {
        let v = n.to_i64().ok_or_else(out_of_range)?;
        if !(0..=(1i64 << (size * 8)) - 1).contains(&v) {
            return Err(error(
                vm,
                if c == b'B' {
                    "ubyte format requires 0 <= number <= 255"
                } else {
                    "ushort format requires 0 <= number <= 65535"
                },
            ));
        }
        return Ok(v as u64);
    }
    if c == b'P' {
        // A pointer takes any value of either C long range.
        return n
            .to_i64()
            .map(|v| v as u64)
            .or_else(|| n.to_u64())
            .ok_or_else(out_of_range);
    }
    if signed {
        let v = n.to_i64().ok_or_else(out_of_range)?;
        if size == 8 {
            return Ok(v as u64);
        }
        let bits = size as u32 * 8;
        let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
        if v < lo || v > hi {
            return Err(error(
                vm,
                match c {
                    b'b' => "byte format requires -128 <= number <= 127".to_string(),
                    b'h' if !big => "short format requires -32768 <= number <= 32767".to_string(),
                    _ => format!("'{}' format requires {lo} <= number <= {hi}", c as char),
                },
            ));
        }
        Ok(v as u64)
    } else {
        let v = n.to_u64().ok_or_else(out_of_range)?;
        if size == 8 {
            return Ok(v);
        }
        let hi = (1u64 << (size * 8)) - 1;
        if v > hi {
            return Err(error(
                vm,
                match c {
                    b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
                    b'H' if !big => "ushort format requires 0 <= number <= 65535".to_string(),
                    _ => format!("'{}' format requires 0 <= number <= {hi}", c as char),
                },
            ));
        }
        Ok(v)
    }
}

fn put(out: &mut [u8], v: u64, size: usize, order: Order) {
    let le = v.to_le_bytes();
    match order {
        Order::Big => {
            for i in 0..size {
                out[i] = le[size - 1 - i];
            }
        }
        _ => out[..size].copy_from_slice(&le[..size]),
    }
}

fn get(data: &[u8], size: usize, order: Order) -> u64 {
    let mut v = 0u64;
    match order {
        Order::Big => {
            for b in &data[..size] {
                v = (v << 8) | *b as u64;
            }
        }
        _ => {
            for b in data[..size].iter().rev() {
                v = (v << 8) | *b as u64;
            }
        }
    }
    v
}

/// IEEE half precision bits of `x`, rounded to nearest even; `None` when it overflows.
pub(crate) fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    let a = x.abs();
    if a.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let exp = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    if exp < -14 {
        // Subnormal: a multiple of 2**-24 (reaching 1024 makes the smallest normal).
        let q = (a * 16_777_216.0).round_ties_even();
        return Some(sign | q as u16);
    }
    let m = a / 2f64.powi(exp);
    let mut frac = ((m - 1.0) * 1024.0).round_ties_even() as u32;
    let mut e = exp + 15;
    if frac == 1024 {
        frac = 0;
        e += 1;
    }
    if e >= 31 {
        return None;
    }
    Some(sign | ((e as u16) << 10) | frac as u16)
}

pub(crate) fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

fn do_pack(vm: &mut Vm, lay: &Layout, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    if vals.len() != lay.nitems {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                lay.nitems,
                vals.len()
            ),
        ));
    }
    let mut vi = 0;
    for code in &lay.codes {
        let c = code.ch;
        match c {
            b'x' => {}
            b's' | b'p' => {
                let v = &vals[vi];
                vi += 1;
                // bytes (or a subclass) or bytearray, as CPython takes.
                let is_bytearray = crate::objects::bytearray::is_bytearray(v);
                let data: Vec<u8> = match crate::value::num::plain_value(v).body() {
                    Some(Object::Bytes(b)) => b.to_vec(),
                    _ if is_bytearray => {
                        crate::objects::bytearray::bytes_like(v).unwrap_or_default()
                    }
                    _ => {
                        return Err(error(
                            vm,
                            format!("argument for '{}' must be a bytes object", c as char),
                        ))
                    }
                };
                let dst = &mut out[code.offset..code.offset + code.count];
                if c == b's' {
                    let n = data.len().min(code.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if code.count > 0 {
                    let n = data.len().min(code.count - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            _ => {
                for k in 0..code.count {
                    let v = vals[vi].clone();
                    vi += 1;
                    let at = code.offset + k * code.size;
                    let dst = &mut out[at..at + code.size];
                    match c {
                        b'c' => match v.body() {
                            Some(Object::Bytes(b)) if b.len() == 1 => dst[0] = b[0],
                            _ => {
                                return Err(error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ))
                            }
                        },
                        b'?' => dst[0] = vm.truthy(&v)? as u8,
                        b'e' => {
                            let x = float_arg(vm, &v)?;
                            let Some(h) = to_half(x) else {
                                return Err(vm.err(
                                    ExcKind::OverflowError,
                                    "float too large to pack with e format",
                                ));
                            };
                            put(dst, h as u64, 2, lay.order);
                        }
                        b'f' => {
                            let x = float_arg(vm, &v)?;
                            let y = x as f32;
                            if !lay.native && y.is_infinite() && !x.is_infinite() {
                                return Err(vm.err(
                                    ExcKind::OverflowError,
                                    "float too large to pack with f format",
                                ));
                            }
                            put(dst, y.to_bits() as u64, 4, lay.order);
                        }
                        b'd' => {
                            let x = float_arg(vm, &v)?;
                            put(dst, x.to_bits(), 8, lay.order);
                        }
                        _ => {
                            let n = int_arg(vm, &v)?;
                            let bits = pack_int(vm, c, code.size, lay.order == Order::Big, &n)?;
                            put(dst, bits, code.size, lay.order);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn pack_values(vm: &mut Vm, lay: &Layout, vals: &[Value]) -> PyResult<Value> {
    let mut out = vec![0u8; lay.size];
    do_pack(vm, lay, vals, &mut out)?;
    Ok(Value::obj(Object::Bytes(out.into_boxed_slice().into())))
}

fn do_unpack(vm: &Vm, lay: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(lay.nitems);
    for code in &lay.codes {
        let c = code.ch;
        match c {
            b'x' => {}
            b's' => out.push(Value::obj(Object::Bytes(
                data[code.offset..code.offset + code.count].into(),
            ))),
            b'p' => {
                if code.count == 0 {
                    // CPython asks for a bytes object of size -1 here.
                    return Err(vm.err(
                        ExcKind::SystemError,
                        "Negative size passed to PyBytes_FromStringAndSize",
                    ));
                }
                let field = &data[code.offset..code.offset + code.count];
                let n = match field.first() {
                    Some(&n) => (n as usize).min(code.count - 1),
                    None => 0,
                };
                let body = if field.is_empty() {
                    &[][..]
                } else {
                    &field[1..1 + n]
                };
                out.push(Value::obj(Object::Bytes(body.into())));
            }
            _ => {
                for k in 0..code.count {
                    let at = code.offset + k * code.size;
                    let src = &data[at..at + code.size];
                    let raw = get(src, code.size, lay.order);
                    out.push(match c {
                        b'c' => Value::obj(Object::Bytes(src[..1].into())),
                        b'?' => Value::Bool(raw != 0),
                        b'e' => Value::Float(from_half(raw as u16)),
                        b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(raw)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let shift = 64 - code.size as u32 * 8;
                            Value::Int(((raw << shift) as i64) >> shift)
                        }
                        _ => Vm::int_from_big(BigInt::from(raw)),
                    });
                }
            }
        }
    }
    Ok(Vm::new_tuple(out))
}

fn unpack_values(vm: &Vm, lay: &Layout, data: &[u8]) -> PyResult<Value> {
    if data.len() != lay.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", lay.size),
        ));
    }
    do_unpack(vm, lay, data)
}

fn unpack_from_values(
    vm: &mut Vm,
    lay: &Layout,
    buf: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let data = buffer_of(vm, buf)?;
    let len = data.len() as i64;
    let mut off = match offset {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < lay.size as i64 {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {len})",
                lay.size as i128 + off as i128,
                lay.size
            ),
        ));
    }
    let off = off as usize;
    do_unpack(vm, lay, &data[off..off + lay.size])
}

fn first_format(vm: &Vm, a: &Args) -> PyResult<Layout> {
    let Some(f) = a.get(0) else {
        return Err(vm.type_error("missing format argument"));
    };
    layout_of(vm, f)
}

fn pack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = first_format(vm, a)?;
    pack_values(vm, &lay, &a.pos[1..])
}

fn unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("unpack expected 2 arguments, got {}", a.pos.len())));
    }
    let lay = layout_of(vm, &a.pos[0])?;
    let data = buffer_of(vm, &a.pos[1])?;
    unpack_values(vm, &lay, &data)
}

fn calcsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "calcsize() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    Ok(Value::Int(layout_of(vm, &a.pos[0])?.size as i64))
}

fn unpack_from(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(
        vm,
        a,
        0,
        "unpack_from",
        &["format", "buffer", "offset"],
        2,
        3,
    )?;
    let lay = layout_of(vm, p[0].unwrap_or(&Value::None))?;
    let buf = p[1].cloned().unwrap_or(Value::None);
    unpack_from_values(vm, &lay, &buf, p[2])
}

fn pack_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = first_format(vm, a)?;
    pack_into_values(vm, &lay, &a.pos[1..])
}

/// `pack_into` needs a writable buffer: a bytearray.
fn pack_into_values(vm: &mut Vm, lay: &Layout, rest: &[Value]) -> PyResult<Value> {
    if rest.len() != lay.nitems + 2 {
        return Err(match rest.len() {
            0 => error(vm, "pack_into expected buffer argument"),
            1 => error(vm, "pack_into expected offset argument"),
            n => error(
                vm,
                format!(
                    "pack_into expected {} items for packing (got {})",
                    lay.nitems,
                    n - 2
                ),
            ),
        });
    }
    // A bytearray is the writable buffer; the bytes are packed first, then stored.
    let Some(len) =
        state_of::<crate::objects::bytearray::ByteArray>(&rest[0]).map(|b| b.data.len())
    else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(&rest[0])
        )));
    };
    let len = len as i64;
    let mut off = vm.ssize_of(&rest[1])?;
    if off < 0 {
        if off + (lay.size as i64) > 0 {
            return Err(error(
                vm,
                format!("no space to pack {} bytes at offset {off}", lay.size),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < lay.size as i64 {
        return Err(error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {off} (actual buffer size is {len})",
                lay.size as i128 + off as i128,
                lay.size
            ),
        ));
    }
    let mut out = vec![0u8; lay.size];
    do_pack(vm, lay, &rest[2..], &mut out)?;
    if let Some(b) = state_of::<crate::objects::bytearray::ByteArray>(&rest[0]) {
        let off = off as usize;
        if let Some(dst) = b.data.get_mut(off..off + out.len()) {
            dst.copy_from_slice(&out);
        }
    }
    Ok(Value::None)
}

fn iter_unpack_values(vm: &Vm, lay: Layout, buf: &Value) -> PyResult<Value> {
    if lay.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_of(vm, buf)?;
    if data.len() % lay.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                lay.size
            ),
        ));
    }
    let native = native_class(vm, "_struct.unpack_iterator");
    Ok(new_native(
        native.clone(),
        native,
        Some(iter_next),
        UnpackIter {
            layout: lay,
            buf: buf.clone(),
            pos: 0,
        },
    ))
}

fn iter_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let lay = layout_of(vm, &a.pos[0])?;
    iter_unpack_values(vm, lay, &a.pos[1])
}

fn clearcache(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

// ----- Struct -----

struct StructObj {
    format: Value,
    layout: Layout,
}

impl NativeState for StructObj {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.format);
    }
}

fn struct_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 1, "Struct", &["format"], 1, 1)?;
    let f = p[0].cloned().unwrap_or(Value::None);
    let bytes = format_bytes(vm, &f, "Struct()")?;
    let layout = compile(vm, &bytes)?;
    let format = Vm::str_val(String::from_utf8_lossy(&bytes).into_owned());
    let native = native_class(vm, "_struct.Struct");
    let cls = super::new_cls(vm, a);
    Ok(new_native(cls, native, None, StructObj { format, layout }))
}

fn this<'a>(vm: &Vm, a: &Args<'a>, m: &str) -> PyResult<&'a mut StructObj> {
    receiver::<StructObj>(vm, a, "_struct.Struct", m)
}

/// A copy of the receiver's layout, so Python code run while packing cannot invalidate it.
fn layout_copy(vm: &Vm, a: &Args, m: &str) -> PyResult<Layout> {
    let s = this(vm, a, m)?;
    Ok(Layout {
        native: s.layout.native,
        order: s.layout.order,
        codes: s.layout.codes.clone(),
        size: s.layout.size,
        nitems: s.layout.nitems,
    })
}

fn s_pack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = layout_copy(vm, a, "pack")?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    pack_values(vm, &lay, &a.pos[1..])
}

fn s_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = layout_copy(vm, a, "unpack")?;
    let buf = arg(a, 1);
    let data = buffer_of(vm, &buf)?;
    unpack_values(vm, &lay, &data)
}

fn s_unpack_from(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = layout_copy(vm, a, "unpack_from")?;
    let p = parse_args(vm, a, 1, "unpack_from", &["buffer", "offset"], 1, 2)?;
    let buf = p[0].cloned().unwrap_or(Value::None);
    unpack_from_values(vm, &lay, &buf, p[1])
}

fn s_iter_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = layout_copy(vm, a, "iter_unpack")?;
    iter_unpack_values(vm, lay, &arg(a, 1))
}

fn s_pack_into(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lay = layout_copy(vm, a, "pack_into")?;
    pack_into_values(vm, &lay, &a.pos[1..])
}

fn s_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(this(vm, a, "format")?.format.clone())
}

fn s_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a, "size")?.layout.size as i64))
}

// ----- unpack_iterator -----

struct UnpackIter {
    layout: Layout,
    buf: Value,
    pos: usize,
}

impl NativeState for UnpackIter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.buf);
    }
}

fn no_new_iter(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create '_struct.unpack_iterator' instances"))
}

fn iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(s) = super::state_of::<UnpackIter>(it) else {
        return Ok(None);
    };
    let buf = s.buf.clone();
    let data: &[u8] = match buf.body() {
        Some(Object::Bytes(b)) => b,
        _ => return Ok(None),
    };
    if s.pos + s.layout.size > data.len() {
        return Ok(None);
    }
    let v = do_unpack(vm, &s.layout, &data[s.pos..s.pos + s.layout.size])?;
    s.pos += s.layout.size;
    Ok(Some(v))
}

fn iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<UnpackIter>(vm, a, "unpack_iterator", "__length_hint__")?;
    let len = match s.buf.body() {
        Some(Object::Bytes(b)) => b.len(),
        _ => 0,
    };
    Ok(Value::Int(
        (len.saturating_sub(s.pos) / s.layout.size.max(1)) as i64,
    ))
}
