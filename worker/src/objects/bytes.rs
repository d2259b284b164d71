//! `bytes`: its constructor and its methods. Each method is one row of [`METHODS`]; the
//! methods bytes shares with str run the str function over a latin-1 view of the data
//! ([`via_str`]) and turn str results back into bytes.

use super::str as str_methods;
use super::str::ANY;
use crate::value::object::{BytesData, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeCall, NativeFn};
use crate::vm::ops::inst_base;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of `bytes`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("bytes.decode", decode, ANY, Some(&["encoding", "errors"])),
    NativeFn::method("bytes.hex", hex, ANY, Some(&["sep", "bytes_per_sep"])),
    NativeFn::method("bytes.count", count, ANY, None),
    NativeFn::method("bytes.index", index, ANY, None),
    NativeFn::new("bytes.fromhex", fromhex),
    NativeFn::method("bytes.join", join, Arity::One, None),
    NativeFn::method("bytes.upper", upper, Arity::NoArgs, None),
    NativeFn::method("bytes.lower", lower, Arity::NoArgs, None),
    NativeFn::method("bytes.title", title, Arity::NoArgs, None),
    NativeFn::method("bytes.capitalize", capitalize, Arity::NoArgs, None),
    NativeFn::method("bytes.swapcase", swapcase, Arity::NoArgs, None),
    NativeFn::method("bytes.isdigit", isdigit, Arity::NoArgs, None),
    NativeFn::method("bytes.isalpha", isalpha, Arity::NoArgs, None),
    NativeFn::method("bytes.isalnum", isalnum, Arity::NoArgs, None),
    NativeFn::method("bytes.isspace", isspace, Arity::NoArgs, None),
    NativeFn::method("bytes.isupper", isupper, Arity::NoArgs, None),
    NativeFn::method("bytes.islower", islower, Arity::NoArgs, None),
    NativeFn::method("bytes.split", split, ANY, Some(&["sep", "maxsplit"])),
    NativeFn::method("bytes.rsplit", rsplit, ANY, Some(&["sep", "maxsplit"])),
    NativeFn::method("bytes.strip", strip, Arity::Range(0, 1), None),
    NativeFn::method("bytes.lstrip", lstrip, Arity::Range(0, 1), None),
    NativeFn::method("bytes.rstrip", rstrip, Arity::Range(0, 1), None),
    NativeFn::method("bytes.replace", replace, Arity::Range(2, 3), None),
    NativeFn::method("bytes.find", find, ANY, None),
    NativeFn::method("bytes.rfind", rfind, ANY, None),
    NativeFn::method("bytes.startswith", startswith, ANY, None),
    NativeFn::method("bytes.endswith", endswith, ANY, None),
    NativeFn::method("bytes.partition", partition, Arity::One, None),
    NativeFn::method("bytes.rpartition", rpartition, Arity::One, None),
    NativeFn::method("bytes.center", center, Arity::Range(1, 2), None),
    NativeFn::method("bytes.ljust", ljust, Arity::Range(1, 2), None),
    NativeFn::method("bytes.rjust", rjust, Arity::Range(1, 2), None),
    NativeFn::method("bytes.zfill", zfill, Arity::One, None),
    NativeFn::method("bytes.splitlines", splitlines, ANY, Some(&["keepends"])),
];

/// A bytes value holding `data`.
fn new_bytes(data: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(data.into_boxed_slice().into()))
}

/// `bytes(...)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(v) = a.get(0) else {
        return Ok(Value::obj(Object::Bytes(BytesData::Owned(Box::new([])))));
    };
    if v.as_str().is_some() {
        // `bytes(s, encoding[, errors])` is `s.encode(encoding[, errors])`.
        let Some(enc) = a.arg(1, "encoding") else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let mut conv = vec![v.clone(), enc.clone()];
        conv.extend(a.arg(2, "errors").cloned());
        return str_methods::encode(vm, &Args::new(&conv, &[]));
    }
    if let Value::Int(k) = v {
        if *k < 0 {
            return Err(vm.value_error("negative count"));
        }
        if *k as u64 > crate::vm::ops::MAX_ALLOC as u64 {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
        return Ok(new_bytes(vec![0u8; *k as usize]));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match it {
            Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(new_bytes(out))
}

/// The receiver of a `bytes` method: a bytes value (or the bytes inside an instance of a
/// bytes subclass), or CPython's descriptor error.
fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    let is_bytes = |v: &Value| matches!(v.body(), Some(Object::Bytes(_)));
    match a.get(0) {
        Some(v) if is_bytes(v) => Ok(v.clone()),
        Some(v) => match inst_base(v) {
            Some(b) if is_bytes(&b) => Ok(b),
            _ => Err(vm.type_error(format!(
                "descriptor '{method}' for 'bytes' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method bytes.{method}() needs an argument"))),
    }
}

/// The data of a value `receiver` returned (bytes are immutable, so it may be held across
/// calls back into the interpreter).
fn data(v: &Value) -> &[u8] {
    match v.body() {
        Some(Object::Bytes(b)) => b,
        _ => unreachable!("receiver() checked the type"),
    }
}

/// The latin-1 view of bytes that str methods work on. Bytes above 0x7f map to private-use
/// code points, which have no case and are neither letters, digits nor spaces: bytes
/// methods are ASCII-only.
fn to_text(b: &[u8]) -> String {
    b.iter()
        .map(|&x| {
            if x < 0x80 {
                x as char
            } else {
                char::from_u32(0xE000 + x as u32).unwrap_or('?')
            }
        })
        .collect()
}

/// The bytes a latin-1 view (see [`to_text`]) stands for.
fn from_text(s: &str) -> Value {
    Value::obj(Object::Bytes(
        s.chars()
            .map(|c| {
                let n = c as u32;
                if n >= 0xE000 {
                    (n - 0xE000) as u8
                } else {
                    n as u8
                }
            })
            .collect(),
    ))
}

/// An argument for a str method: bytes (alone or in a tuple, for `startswith`) become their
/// latin-1 view, anything else is passed as it is (the str method then reports its type).
fn arg_to_text(v: &Value) -> Value {
    match v.body() {
        Some(Object::Bytes(x)) => Vm::str_val(to_text(x)),
        Some(Object::Tuple(items)) => Vm::new_tuple(items.iter().map(arg_to_text).collect()),
        _ => v.clone(),
    }
}

/// A str method's result as bytes: strs, and the strs in a list or tuple.
fn back(v: &Value) -> Value {
    match v.as_str() {
        Some(s) => from_text(s),
        None => match v.body() {
            Some(Object::List(items)) => Vm::new_list(items.iter().map(back).collect()),
            Some(Object::Tuple(items)) => Vm::new_tuple(items.iter().map(back).collect()),
            _ => v.clone(),
        },
    }
}

/// Runs the str method `f` over the latin-1 view of the receiver and of bytes arguments.
fn via_str(vm: &mut Vm, a: &Args, method: &str, f: NativeCall) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    let mut conv = vec![Vm::str_val(to_text(data(&r)))];
    conv.extend(a.pos[1..].iter().map(arg_to_text));
    conv.extend(a.kw.iter().map(|(_, v)| arg_to_text(v)));
    let names: Vec<Value> = a.kw.iter().map(|(k, _)| Vm::str_val(*k)).collect();
    let out = f(vm, &Args::new(&conv, &names))?;
    Ok(back(&out))
}

/// The bytes methods that are their str namesake over the latin-1 view.
macro_rules! shared_with_str {
    ($($name:ident)*) => {$(
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            via_str(vm, a, stringify!($name), str_methods::$name)
        }
    )*};
}

shared_with_str! {
    upper lower title capitalize swapcase isdigit isalpha isalnum isspace isupper islower
    split rsplit strip lstrip rstrip replace find rfind startswith endswith partition
    rpartition center ljust rjust zfill splitlines
}

fn join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "join")?;
    let sep = data(&r);
    let items = vm.collect(a.get(1).unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match it.body() {
            Some(Object::Bytes(x)) => out.extend_from_slice(x),
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(new_bytes(out))
}

pub(super) fn decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "decode")?;
    str_methods::check_at_most(vm, a, "decode", 2)?;
    let b = data(&r);
    let enc = a
        .arg(1, "encoding")
        .and_then(|v| v.as_str())
        .unwrap_or("utf-8");
    let enc = enc.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            return Ok(Vm::str_val(
                b.iter().map(|&x| x as char).collect::<String>(),
            ))
        }
        "ascii" | "us-ascii" => {
            if let Some(pos) = b.iter().position(|&x| x >= 0x80) {
                return Err(vm.err(ExcKind::UnicodeDecodeError,
                    format!("'ascii' codec can't decode byte {:#04x} in position {pos}: ordinal not in range(128)", b[pos]),
                ));
            }
        }
        "utf-8" | "utf8" => {}
        _ => return Err(vm.err(ExcKind::LookupError, format!("unknown encoding: {enc}"))),
    }
    let errors = a
        .arg(2, "errors")
        .and_then(|v| v.as_str())
        .unwrap_or("strict");
    if errors == "replace" {
        return Ok(Vm::str_val(String::from_utf8_lossy(b).to_string()));
    }
    if errors == "ignore" {
        let s: String = String::from_utf8_lossy(b)
            .chars()
            .filter(|c| *c != '\u{fffd}')
            .collect();
        return Ok(Vm::str_val(s));
    }
    match std::str::from_utf8(b) {
        Ok(s) => Ok(Vm::str_val(s)),
        Err(e) => Err(vm.err(ExcKind::UnicodeDecodeError, utf8_error(b, &e))),
    }
}

/// CPython's message for undecodable UTF-8: the bad bytes and why they are bad.
fn utf8_error(b: &[u8], e: &std::str::Utf8Error) -> String {
    let pos = e.valid_up_to();
    let (len, reason) = match e.error_len() {
        None => (b.len() - pos, "unexpected end of data"),
        Some(_) if matches!(b[pos], 0x80..=0xC1 | 0xF5..=0xFF) => (1, "invalid start byte"),
        Some(n) => (n, "invalid continuation byte"),
    };
    if len == 1 {
        format!(
            "'utf-8' codec can't decode byte {:#04x} in position {pos}: {reason}",
            b[pos]
        )
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {pos}-{}: {reason}",
            pos + len - 1
        )
    }
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "hex")?;
    str_methods::check_at_most(vm, a, "hex", 2)?;
    let sep = match a.arg(1, "sep") {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => match v.body() {
                Some(Object::Bytes(b)) => String::from_utf8_lossy(b).to_string(),
                _ => String::new(),
            },
        },
        None => String::new(),
    };
    let parts: Vec<String> = data(&r).iter().map(|x| format!("{x:02x}")).collect();
    Ok(Vm::str_val(parts.join(&sep)))
}

/// `bytes.fromhex(s)`: a class method, so `a.pos[0]` (the type or a bytes value it was
/// reached through) is not used.
fn fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = match a.get(1) {
        Some(v) => match v.as_str() {
            Some(s) => s,
            None => {
                return Err(vm.type_error(format!(
                    "fromhex() argument must be str, not {}",
                    vm.type_name(v)
                )))
            }
        },
        None => "",
    };
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
            (_, None) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
        }
        i += 2;
    }
    Ok(new_bytes(out))
}

/// The non-overlapping positions of a needle (an int or bytes) in the receiver, for
/// `count` and `index`.
fn positions(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Vec<usize>> {
    let r = receiver(vm, a, method)?;
    str_methods::check_search_args(vm, a, method)?;
    let hay = data(&r);
    let needle: Vec<u8> = match a.get(1) {
        Some(Value::Int(i)) => vec![*i as u8],
        Some(v) => match v.body() {
            Some(Object::Bytes(b)) => b.to_vec(),
            _ => {
                return Err(vm.type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    vm.type_name(v)
                )))
            }
        },
        None => Vec::new(),
    };
    if needle.is_empty() {
        return Ok((0..=hay.len()).collect());
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            found.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    Ok(found)
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(positions(vm, a, "count")?.len() as i64))
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match positions(vm, a, "index")?.first() {
        Some(p) => Ok(Value::Int(*p as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
