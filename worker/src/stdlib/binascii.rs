//! The `binascii` module: hex (`hexlify`/`unhexlify` and their `b2a_hex`/`a2b_hex` names),
//! base64 (`b2a_base64`/`a2b_base64`, strict mode included), quoted-printable
//! (`b2a_qp`/`a2b_qp`), uuencode (`b2a_uu`/`a2b_uu`), `crc32`, `crc_hqx`, and the
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
    NativeFn::new("b2a_qp", b2a_qp),
    NativeFn::new("a2b_qp", a2b_qp),
    NativeFn::new("b2a_uu", b2a_uu),
    NativeFn::new("a2b_uu", a2b_uu),
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

// ----- uu -----

/// `b2a_uu(data, *, backtick=False)`: one uuencoded line of at most 45 bytes.
fn b2a_uu(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "b2a_uu() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let p = parse_args(vm, a, 0, "b2a_uu", &["data", "backtick"], 1, 1)?;
    let data = binary(vm, p[0].unwrap_or(&Value::None))?.into_owned();
    let backtick = match p[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |c: u32| -> u8 {
        if backtick && c == 0 {
            b'`'
        } else {
            b' ' + c as u8
        }
    };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(if backtick && data.is_empty() {
        b'`'
    } else {
        b' ' + data.len() as u8
    });
    for chunk in data.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let n = (group[0] as u32) << 16 | (group[1] as u32) << 8 | group[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(enc((n >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(bytes_value(out))
}

/// `a2b_uu(data)`: the bytes of one uuencoded line; a short line is padded with zero bytes,
/// and anything after the encoded bytes must be spaces, backticks or line ends.
fn a2b_uu(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, "a2b_uu", &["data"], 1, 1)?;
    let data = ascii(vm, p[0].unwrap_or(&Value::None))?.into_owned();
    // An empty line reads as its terminating NUL: a length character of 0 - ' '.
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0x3f) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut rest = data.get(1..).unwrap_or(&[]).iter();
    let (mut acc, mut bits) = (0u32, 0u32);
    while bin_len > 0 {
        let ch = match rest.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                (c - b' ') as u32 & 0x3f
            }
        };
        acc = (acc << 6) | ch;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(bytes_value(out))
}

// ----- quoted-printable -----

const QP_LINE: usize = 76;

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[(c >> 4) as usize]);
    out.push(DIGITS[(c & 15) as usize]);
}

/// `a2b_qp(data, header=False)`: `=XX` escapes and soft line breaks undone (`_` is a space
/// in a header); a malformed escape is kept as it is.
fn a2b_qp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, "a2b_qp", &["data", "header"], 1, 2)?;
    let data = ascii(vm, p[0].unwrap_or(&Value::None))?.into_owned();
    let header = match p[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            match data[i] {
                b'\n' | b'\r' => {
                    // A soft line break: drop everything up to and including the `\n`.
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                    if i < data.len() {
                        i += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    i += 1;
                }
                h if i + 1 < data.len() && hex(h).is_some() && hex(data[i + 1]).is_some() => {
                    let v = hex(h).unwrap_or(0) << 4 | hex(data[i + 1]).unwrap_or(0);
                    out.push(v as u8);
                    i += 2;
                }
                _ => out.push(b'='),
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(bytes_value(out))
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`: quoted-printable with lines
/// of at most 76 characters, keeping the data's line ends (`\r\n` when its first `\n` follows
/// a `\r`).
fn b2a_qp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(
        vm,
        a,
        0,
        "b2a_qp",
        &["data", "quotetabs", "istext", "header"],
        1,
        4,
    )?;
    let data = binary(vm, p[0].unwrap_or(&Value::None))?.into_owned();
    let flag = |vm: &mut Vm, v: Option<&Value>, default: bool| match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    };
    let quotetabs = flag(vm, p[1], false)?;
    let istext = flag(vm, p[2], true)?;
    let header = flag(vm, p[3], false)?;
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|i| i > 0 && data[i - 1] == b'\r');
    let n = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let (mut i, mut linelen) = (0usize, 0usize);
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= QP_LINE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace before a line end is protected by encoding it.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    push_hex(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= QP_LINE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(bytes_value(out))
}
