//! `bytes`: its constructor and its methods. Each method is one row of [`METHODS`]; the
//! methods bytes shares with str run the str function over a latin-1 view of the data
//! ([`via_str`]) and turn str results back into bytes.

use super::str as str_methods;
use super::str::ANY;
use crate::value::heap::ObjRef;
use crate::value::num::{inst_base, num_of};
use crate::value::object::{BytesData, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeCall, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of `bytes`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("bytes.decode", decode, ANY, Some(&["encoding", "errors"])),
    NativeFn::method("bytes.hex", hex, ANY, Some(&["sep", "bytes_per_sep"])),
    NativeFn::method("bytes.count", count, ANY, None),
    NativeFn::method("bytes.index", index, ANY, None),
    NativeFn::method("bytes.rindex", rindex, ANY, None),
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
    NativeFn::method("bytes.istitle", istitle, Arity::NoArgs, None),
    NativeFn::method("bytes.isascii", isascii, Arity::NoArgs, None),
    NativeFn::method("bytes.removeprefix", removeprefix, Arity::One, None),
    NativeFn::method("bytes.removesuffix", removesuffix, Arity::One, None),
    NativeFn::method("bytes.expandtabs", expandtabs, ANY, Some(&["tabsize"])),
    NativeFn::method("bytes.translate", translate, ANY, Some(&["delete"])),
    NativeFn::new("bytes.maketrans", maketrans),
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
        if *k as u64 > crate::vm::ops::MAX_ALLOC as u64 || !crate::budget::fits(*k as usize) {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
        return Ok(new_bytes(vec![0u8; *k as usize]));
    }
    if matches!(v.body(), Some(Object::Bytes(_))) {
        return Ok(v.clone());
    }
    if let Some(d) = super::bytearray::bytes_like(v) {
        return Ok(new_bytes(d));
    }
    // `__bytes__` first, then an int subclass or an object with `__index__`: that many
    // zero bytes.
    if matches!(v.body(), Some(Object::Instance(_))) {
        if let Some(r) = vm.call_dunder(v, "__bytes__", &[])? {
            return match r.body() {
                Some(Object::Bytes(_)) => Ok(r),
                _ => Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
        if let Some(n) = crate::value::num::index_big(vm, v)? {
            let k = num_traits::ToPrimitive::to_i64(&n).unwrap_or(i64::MAX);
            return construct(vm, &Args::new(&[Value::Int(k)], &[]));
        }
    }
    let items = match vm.get_iter(v) {
        Ok(it) => vm.collect(&it)?,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error(format!(
                "cannot convert '{}' object to bytes",
                vm.type_name(v)
            )))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        // Items go through `__index__` (bools, user integers); other types are TypeErrors.
        if matches!(it, Value::Float(_)) || it.as_str().is_some() {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&it)
            )));
        }
        match vm.index_of(&it) {
            Ok(b) if (0..256).contains(&b) => out.push(b as u8),
            Ok(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            Err(e) if vm.exc_matches(&e, ExcKind::IndexError) => {
                return Err(vm.value_error("bytes must be in range(0, 256)"))
            }
            Err(e) => return Err(e),
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
/// methods are ASCII-only. So do the separators 0x1c-0x1f, which are str whitespace but
/// not bytes whitespace.
fn to_text(b: &[u8]) -> String {
    b.iter()
        .map(|&x| {
            if x < 0x80 && !(0x1c..=0x1f).contains(&x) {
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
        Some(Object::Instance(_)) => match super::bytearray::bytes_like(v) {
            Some(x) => Vm::str_val(to_text(&x)),
            None => v.clone(),
        },
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
        pub(super) fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            via_str(vm, a, stringify!($name), str_methods::$name)
        }
    )*};
}

shared_with_str! {
    upper lower title capitalize swapcase isdigit isalpha isalnum isspace isupper islower
    istitle zfill expandtabs
}

pub(super) fn isascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "isascii")?;
    Ok(Value::Bool(data(&r).is_ascii()))
}

/// `bytes.splitlines([keepends])`: only `\n`, `\r` and `\r\n` end a line of bytes (str's
/// other line boundaries, `\x0b`, `\x0c`, `\x1c`..., do not).
pub(super) fn splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "splitlines")?;
    if a.pos.len() + a.kw.len() > 2 {
        return Err(vm.type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            a.pos.len() + a.kw.len() - 1
        )));
    }
    let keep = match a.arg(1, "keepends") {
        Some(v) => vm.index_of(v)? != 0,
        None => false,
    };
    let b = data(&r);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end = match b[i] {
            b'\n' => i + 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let stop = if keep { end } else { i };
        lines.push(new_bytes(b[start..stop].to_vec()));
        start = end;
        i = end;
    }
    if start < b.len() {
        lines.push(new_bytes(b[start..].to_vec()));
    }
    Ok(Vm::new_list(lines))
}

/// CPython's error for a str (or other non-bytes) where a bytes-like argument is required.
fn not_bytes(vm: &Vm, v: &Value) -> ObjRef {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

/// Whether `v` is bytes-like (bytes, bytearray, memoryview), as bytes methods accept.
fn is_bytes(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Bytes(_))) || super::bytearray::bytes_like(v).is_some()
}

/// Rejects arguments `idx` that are not bytes (`None` passes where `none_ok`), so that str
/// arguments never reach the str namesake.
fn check_bytes_args(vm: &Vm, a: &Args, idx: &[(usize, &str)], none_ok: bool) -> PyResult<()> {
    for &(i, name) in idx {
        let v = if name.is_empty() {
            a.get(i)
        } else {
            a.arg(i, name)
        };
        match v {
            Some(Value::None) if none_ok => {}
            Some(v) if !is_bytes(v) => return Err(not_bytes(vm, v)),
            _ => {}
        }
    }
    Ok(())
}

/// The bytes methods whose bytes arguments are checked, then run by their str namesake.
macro_rules! checked_via_str {
    ($($name:ident: $args:expr, $none_ok:expr;)*) => {$(
        pub(super) fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            check_bytes_args(vm, a, $args, $none_ok)?;
            via_str(vm, a, stringify!($name), str_methods::$name)
        }
    )*};
}

checked_via_str! {
    split: &[(1, "sep")], true;
    rsplit: &[(1, "sep")], true;
    strip: &[(1, "")], true;
    lstrip: &[(1, "")], true;
    rstrip: &[(1, "")], true;
    replace: &[(1, ""), (2, "")], false;
    partition: &[(1, "")], false;
    rpartition: &[(1, "")], false;
    removeprefix: &[(1, "")], false;
    removesuffix: &[(1, "")], false;
}

/// `center`, `ljust` and `rjust`: the fill must be one byte.
fn justify(vm: &mut Vm, a: &Args, method: &str, f: NativeCall) -> PyResult<Value> {
    if let Some(fill) = a.get(2) {
        if !matches!(fill.body(), Some(Object::Bytes(b)) if b.len() == 1) {
            return Err(vm.type_error(format!(
                "{method}() argument 2 must be a byte string of length 1, not {}",
                vm.type_name(fill)
            )));
        }
    }
    via_str(vm, a, method, f)
}

pub(super) fn center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "center", str_methods::center)
}

pub(super) fn ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "ljust", str_methods::ljust)
}

pub(super) fn rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "rjust", str_methods::rjust)
}

/// `startswith` and `endswith`: the prefix is bytes or a tuple of bytes, tried in order (an
/// item that is not bytes is an error only when reached).
fn affix(vm: &mut Vm, a: &Args, method: &str, f: NativeCall) -> PyResult<Value> {
    let Some(p) = a.get(1) else {
        return via_str(vm, a, method, f);
    };
    match p.body() {
        _ if is_bytes(p) => via_str(vm, a, method, f),
        Some(Object::Tuple(items)) => {
            let items = items.to_vec();
            let mut conv = a.pos.to_vec();
            for v in items {
                if !is_bytes(&v) {
                    return Err(not_bytes(vm, &v));
                }
                conv[1] = v;
                let hit = via_str(vm, &Args::new(&conv, &[]), method, f)?;
                if vm.truthy(&hit)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(vm.type_error(format!(
            "{method} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(p)
        ))),
    }
}

pub(super) fn startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "startswith", str_methods::startswith)
}

pub(super) fn endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "endswith", str_methods::endswith)
}

/// The searches (`find`, `count`, `index`, ...): the needle is bytes or an int in
/// `range(256)` (made a one-byte needle); start and end are honoured by the str namesake.
fn search(vm: &mut Vm, a: &Args, method: &str, f: NativeCall) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    str_methods::check_search_args(vm, a, method)?;
    let needle = &a.pos[1];
    let needle = match needle.body() {
        Some(Object::Bytes(_)) => needle.clone(),
        Some(Object::Instance(_)) if is_bytes(needle) => needle.clone(),
        _ if matches!(needle, Value::Float(_)) || num_of(needle).is_none() => {
            return Err(vm.type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                vm.type_name(needle)
            )))
        }
        _ => match vm.index_of(needle) {
            Ok(i) if (0..256).contains(&i) => new_bytes(vec![i as u8]),
            _ => return Err(vm.value_error("byte must be in range(0, 256)")),
        },
    };
    let mut conv = vec![r, needle];
    conv.extend(a.pos[2..].iter().cloned());
    via_str(vm, &Args::new(&conv, &[]), method, f)
}

pub(super) fn find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "find", str_methods::find)
}

pub(super) fn rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "rfind", str_methods::rfind)
}

pub(super) fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "count", str_methods::count)
}

pub(super) fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match search(vm, a, "index", str_methods::find)? {
        Value::Int(-1) => Err(vm.value_error("subsection not found")),
        v => Ok(v),
    }
}

pub(super) fn rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match search(vm, a, "rindex", str_methods::rfind)? {
        Value::Int(-1) => Err(vm.value_error("subsection not found")),
        v => Ok(v),
    }
}

/// `bytes.translate(table, /, delete=b'')`.
pub(super) fn translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "translate")?;
    str_methods::check_at_most(vm, a, "translate", 2)?;
    let table = match a.get(1) {
        None => return Err(vm.type_error("translate() takes at least 1 argument (0 given)")),
        Some(Value::None) => None,
        Some(v) => match v.body() {
            Some(Object::Bytes(t)) if t.len() == 256 => Some(t.to_vec()),
            Some(Object::Bytes(_)) => {
                return Err(vm.value_error("translation table must be 256 characters long"))
            }
            _ => return Err(not_bytes(vm, v)),
        },
    };
    let delete = match a.arg(2, "delete") {
        None => Vec::new(),
        Some(v) => match v.body() {
            Some(Object::Bytes(d)) => d.to_vec(),
            _ => return Err(not_bytes(vm, v)),
        },
    };
    let out: Vec<u8> = data(&r)
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(new_bytes(out))
}

/// `bytes.maketrans(frm, to)`: a static method, so `a.pos[0]` is not used.
pub(super) fn maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let given = a.pos.len().saturating_sub(1);
    if given != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {given}")));
    }
    let (frm, to) = (&a.pos[1], &a.pos[2]);
    let (Some(f), Some(t)) = (
        super::bytearray::bytes_like(frm),
        super::bytearray::bytes_like(to),
    ) else {
        let bad = if is_bytes(frm) { to } else { frm };
        return Err(not_bytes(vm, bad));
    };
    if f.len() != t.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (x, y) in f.iter().zip(t.iter()) {
        table[*x as usize] = *y;
    }
    Ok(new_bytes(table))
}

pub(super) fn join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "join")?;
    let sep = data(&r);
    let items = vm.collect(a.get(1).unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        if crate::budget::over() {
            return Err(vm.heap_overrun());
        }
        match super::bytearray::bytes_like(it) {
            Some(x) => out.extend_from_slice(&x),
            None => {
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
    let given = str_methods::codec_arg(vm, a, 1, "encoding", "decode")?.unwrap_or("utf-8");
    let errors = str_methods::codec_arg(vm, a, 2, "errors", "decode")?.unwrap_or("strict");
    crate::stdlib::codecs::decode_bytes(vm, data(&r), given, errors)
}

pub(super) fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "hex")?;
    str_methods::check_at_most(vm, a, "hex", 2)?;
    let sep = match a.arg(1, "sep") {
        None => None,
        Some(v) => {
            let sep: Vec<char> = match (v.as_str(), v.body()) {
                (Some(s), _) => s.chars().collect(),
                (None, Some(Object::Bytes(b))) => b.iter().map(|&x| x as char).collect(),
                _ => {
                    return Err(
                        vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v)))
                    )
                }
            };
            if sep.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !sep[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(sep[0])
        }
    };
    let per = match a.arg(2, "bytes_per_sep") {
        None => 1,
        Some(v) => vm.index_of(v)?,
    };
    let b = data(&r);
    let mut out = String::with_capacity(b.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, x) in b.iter().enumerate() {
        if let (Some(sep), true) = (sep, i > 0 && group > 0) {
            // Positive: groups are counted from the right end; negative: from the left.
            let boundary = if per > 0 {
                (b.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{x:02x}"));
    }
    Ok(Vm::str_val(out))
}

/// `bytes.fromhex(s)`: a class method, so `a.pos[0]` (the type or a bytes value it was
/// reached through) is not used.
pub(super) fn fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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
    // A subclass (reached through the class or an instance) gets `cls(bytes)`, as in CPython.
    let bytes_t = Value::Obj(vm.type_obj(crate::value::object::TypeKind::Bytes).clone());
    match a.get(0) {
        Some(c @ Value::Obj(o)) if matches!(o.get(), Object::Class(_)) && !c.is(&bytes_t) => {
            let c = c.clone();
            vm.call(&c, &[new_bytes(out)], &[])
        }
        _ => Ok(new_bytes(out)),
    }
}
