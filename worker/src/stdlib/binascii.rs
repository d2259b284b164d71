//! The `binascii` module: hex (`hexlify`/`unhexlify` and their `b2a_hex`/`a2b_hex` names),
//! base64 (`b2a_base64`/`a2b_base64`, strict mode included), `crc32`, `crc_hqx`, and the
//! `Error`/`Incomplete` exceptions, as CPython's C module.

use super::{native_class, parse_args};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("hexlify", hexlify),
    NativeFn::new("b2a_hex", b2a_hex),
    NativeFn::new("unhexlify", unhexlify),
    NativeFn::new("a2b_hex", a2b_hex),
    NativeFn::new("b2a_base64", b2a_base64),
    NativeFn::new("a2b_base64", a2b_base64),
    NativeFn::new("crc32", crc32),
    NativeFn::new("crc_hqx", crc_hqx),
];

/// Builds the `binascii` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let value_error = vm.exc_class(ExcKind::ValueError);
    let exception = vm.exc_class(ExcKind::Exception);
    let error = super::exception_class(vm, "binascii.Error", vec![value_error]);
    let incomplete = super::exception_class(vm, "binascii.Incomplete", vec![exception]);
    super::new_module(
        "binascii",
        FUNCTIONS,
        &[
            ("Error", Value::Obj(error)),
            ("Incomplete", Value::Obj(incomplete)),
        ],
    )
}

fn error(vm: &Vm, msg: impl Into<String>) -> ObjRef {
    let cls = native_class(vm, "binascii.Error");
    vm.make_exc(&cls, vec![Vm::str_val(msg.into())])
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b.into_boxed_slice().into()))
}

/// A binary argument (`b2a_*`, `crc*`): bytes only.
fn binary<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
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

/// An ASCII argument (`a2b_*`): bytes, or a str of ASCII characters only.
fn ascii<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    match v.body() {
        Some(Object::Bytes(b)) => Ok(std::borrow::Cow::Borrowed(b)),
        _ if crate::objects::bytearray::bytes_like(v).is_some() => Ok(std::borrow::Cow::Owned(
            crate::objects::bytearray::bytes_like(v).unwrap_or_default(),
        )),
        _ => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

// ----- hex -----

fn hex_impl(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, name, &["data", "sep", "bytes_per_sep"], 1, 3)?;
    let data = binary(vm, p[0].unwrap_or(&Value::None))?;
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep: Option<u8> = match p[1] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s: Vec<u8> = if let Some(t) = v.as_str() {
                t.as_bytes().to_vec()
            } else if let Some(Object::Bytes(b)) = v.body() {
                b.to_vec()
            } else {
                return Err(
                    vm.type_error(format!("sep must be str or bytes, not {}", vm.type_name(v)))
                );
            };
            if s.len() != 1 || v.as_str().is_some_and(|t| t.chars().count() != 1) {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match p[2] {
        Some(v) => vm.index_of(v)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                // Groups are counted from the right for a positive count, else from the left.
                let boundary = if per > 0 {
                    (data.len() - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    Ok(bytes_value(out))
}

fn hexlify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    hex_impl(vm, a, "hexlify")
}

fn b2a_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    hex_impl(vm, a, "b2a_hex")
}

fn unhex_impl(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, name, &["hexstr"], 1, 1)?;
    let data = ascii(vm, p[0].unwrap_or(&Value::None))?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes_value(out))
}

fn unhexlify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unhex_impl(vm, a, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unhex_impl(vm, a, "a2b_hex")
}

// ----- base64 -----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

fn b2a_base64(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "b2a_base64() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let p = parse_args(vm, a, 0, "b2a_base64", &["data", "newline"], 1, 1)?;
    let data = binary(vm, p[0].unwrap_or(&Value::None))?;
    let newline = match p[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = chunk.len();
        let v = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        out.push(B64[(v >> 18) as usize & 63]);
        out.push(B64[(v >> 12) as usize & 63]);
        out.push(if n > 1 {
            B64[(v >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if n > 2 { B64[v as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes_value(out))
}

fn a2b_base64(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "a2b_base64() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let p = parse_args(vm, a, 0, "a2b_base64", &["data", "strict_mode"], 1, 1)?;
    let data = ascii(vm, p[0].unwrap_or(&Value::None))?;
    let strict = match p[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads, mut count) = (0u32, 0u32, 0u32, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    return Ok(bytes_value(out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        count += 1;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad = 0;
            }
        }
    }
    if quad != 0 {
        return Err(error(
            vm,
            if quad == 1 {
                format!(
                    "Invalid base64-encoded string: number of data characters ({count}) cannot be 1 more than a multiple of 4"
                )
            } else {
                "Incorrect padding".to_string()
            },
        ));
    }
    Ok(bytes_value(out))
}

// ----- checksums -----

/// An `unsigned int` argument: any int, reduced modulo 2**32 as CPython's `I` format does.
pub(crate) fn uint_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let big: BigInt = match num_of(v) {
        Some(Num::I(i)) => BigInt::from(i),
        Some(Num::B(b)) => b.clone(),
        Some(Num::F(_)) => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
        }
        None => BigInt::from(vm.index_of(v)?),
    };
    let m: BigInt = big & BigInt::from(u32::MAX);
    Ok(m.to_u32().unwrap_or(0))
}

fn crc32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("crc32() takes no keyword arguments"));
    }
    if a.pos.is_empty() {
        return Err(vm.type_error("crc32 expected at least 1 argument, got 0"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "crc32 expected at most 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let data = binary(vm, &a.pos[0])?.to_vec();
    let init = match a.pos.get(1) {
        Some(v) => uint_arg(vm, v)?,
        None => 0,
    };
    let mut h = crc32fast::Hasher::new_with_initial(init);
    h.update(&data);
    Ok(Value::Int(h.finalize() as i64))
}

fn crc_hqx(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("crc_hqx() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("crc_hqx expected 2 arguments, got {}", a.pos.len())));
    }
    let data = binary(vm, &a.pos[0])?.to_vec();
    let mut crc = uint_arg(vm, &a.pos[1])? & 0xffff;
    for b in data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            } & 0xffff;
        }
    }
    Ok(Value::Int(crc as i64))
}
