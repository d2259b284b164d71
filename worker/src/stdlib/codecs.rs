//! The `_codecs` module: the codec registry under CPython's `codecs.py` (search functions,
//! `lookup`, error handlers), the codec functions the `encodings` package's modules call
//! (`utf_16_encode`, `charmap_decode` ...), and [`encode_str`]/[`decode_bytes`], the paths of
//! `str.encode` and `bytes.decode`: the built-in codecs of `codec_text.rs` first, then the
//! registry, which imports `encodings` on first use when the image holds it.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

use super::codec_text::{self, Builtin, Endian};

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("register", register, Arity::One, None),
    NativeFn::function("unregister", unregister, Arity::One, None),
    NativeFn::function("lookup", lookup, Arity::One, None),
    NativeFn::function("_forget_codec", forget_codec, Arity::One, None),
    NativeFn::function("register_error", register_error, Arity::Range(2, 2), None),
    NativeFn::function("lookup_error", lookup_error, Arity::One, None),
    NativeFn::function(
        "encode",
        encode,
        Arity::Range(1, 3),
        Some(&["obj", "encoding", "errors"]),
    ),
    NativeFn::function(
        "decode",
        decode,
        Arity::Range(1, 3),
        Some(&["obj", "encoding", "errors"]),
    ),
    NativeFn::function("utf_8_encode", utf_8_encode, Arity::Range(1, 2), None),
    NativeFn::function("utf_8_decode", utf_8_decode, Arity::Range(1, 3), None),
    NativeFn::function("ascii_encode", ascii_encode, Arity::Range(1, 2), None),
    NativeFn::function("ascii_decode", ascii_decode, Arity::Range(1, 2), None),
    NativeFn::function("latin_1_encode", latin_1_encode, Arity::Range(1, 2), None),
    NativeFn::function("latin_1_decode", latin_1_decode, Arity::Range(1, 2), None),
    NativeFn::function("utf_16_encode", utf_16_encode, Arity::Range(1, 3), None),
    NativeFn::function("utf_16_decode", utf_16_decode, Arity::Range(1, 3), None),
    NativeFn::function(
        "utf_16_le_encode",
        utf_16_le_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "utf_16_le_decode",
        utf_16_le_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function(
        "utf_16_be_encode",
        utf_16_be_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "utf_16_be_decode",
        utf_16_be_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function(
        "utf_16_ex_decode",
        utf_16_ex_decode,
        Arity::Range(1, 4),
        None,
    ),
    NativeFn::function("utf_32_encode", utf_32_encode, Arity::Range(1, 3), None),
    NativeFn::function("utf_32_decode", utf_32_decode, Arity::Range(1, 3), None),
    NativeFn::function(
        "utf_32_le_encode",
        utf_32_le_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "utf_32_le_decode",
        utf_32_le_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function(
        "utf_32_be_encode",
        utf_32_be_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "utf_32_be_decode",
        utf_32_be_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function(
        "utf_32_ex_decode",
        utf_32_ex_decode,
        Arity::Range(1, 4),
        None,
    ),
    NativeFn::function(
        "unicode_escape_encode",
        unicode_escape_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "unicode_escape_decode",
        unicode_escape_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function(
        "raw_unicode_escape_encode",
        raw_unicode_escape_encode,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function(
        "raw_unicode_escape_decode",
        raw_unicode_escape_decode,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::function("charmap_encode", charmap_encode, Arity::Range(1, 3), None),
    NativeFn::function("charmap_decode", charmap_decode, Arity::Range(1, 3), None),
    NativeFn::function("charmap_build", charmap_build, Arity::One, None),
    NativeFn::function(
        "readbuffer_encode",
        readbuffer_encode,
        Arity::Range(1, 2),
        None,
    ),
];

/// The error handlers CPython registers at start-up that the worker implements.
static STRICT: NativeFn = NativeFn::function("strict_errors", strict_errors, Arity::One, None);
static IGNORE: NativeFn = NativeFn::function("ignore_errors", ignore_errors, Arity::One, None);
static REPLACE: NativeFn = NativeFn::function("replace_errors", replace_errors, Arity::One, None);
static BACKSLASH: NativeFn = NativeFn::function(
    "backslashreplace_errors",
    backslash_errors,
    Arity::One,
    None,
);
static XMLCHARREF: NativeFn = NativeFn::function(
    "xmlcharrefreplace_errors",
    xmlcharref_errors,
    Arity::One,
    None,
);
static NAMEREPLACE: NativeFn =
    NativeFn::function("namereplace_errors", namereplace_errors, Arity::One, None);
static SURROGATEESCAPE: NativeFn =
    NativeFn::function("surrogateescape", surrogate_errors, Arity::One, None);
static SURROGATEPASS: NativeFn =
    NativeFn::function("surrogatepass", surrogate_errors, Arity::One, None);

/// Where the registry lives: `Vm::native_types` holds the objects a native module keeps.
const SEARCH_KEY: &str = "_codecs.search_functions";
const CACHE_KEY: &str = "_codecs.cache";
const ERRORS_KEY: &str = "_codecs.error_handlers";

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let list = Vm::new_list(Vec::new());
    if let Some(o) = list.as_obj() {
        vm.native_types.insert(SEARCH_KEY, o.clone());
    }
    for key in [CACHE_KEY, ERRORS_KEY] {
        let dict = Vm::new_dict(Default::default());
        if let Some(o) = dict.as_obj() {
            vm.native_types.insert(key, o.clone());
        }
    }
    for (name, f) in [
        ("strict", &STRICT),
        ("ignore", &IGNORE),
        ("replace", &REPLACE),
        ("backslashreplace", &BACKSLASH),
        ("xmlcharrefreplace", &XMLCHARREF),
        ("namereplace", &NAMEREPLACE),
        ("surrogateescape", &SURROGATEESCAPE),
        ("surrogatepass", &SURROGATEPASS),
    ] {
        let errors = registry(vm, ERRORS_KEY);
        let _ = vm.setitem(&errors, Vm::str_val(name), Value::Native(f));
    }
    super::new_module("_codecs", FUNCTIONS, &[])
}

fn registry(vm: &Vm, key: &str) -> Value {
    vm.native_types
        .get(key)
        .map_or(Value::None, |o| Value::Obj(o.clone()))
}

/// CPython's normalisation of an encoding name for the registry: lower case, spaces to
/// underscores.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn str_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    match v.and_then(|v| v.as_str()) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "{what} must be str, not {}",
            v.map_or("None".to_string(), |v| vm.type_name(v).to_string())
        ))),
    }
}

/// Imports `encodings` (which registers its search function) if the image holds it and it
/// is not loaded yet: CPython imports it at start-up, so its search function comes first.
fn ensure_encodings(vm: &mut Vm) -> PyResult<()> {
    if vm.module_index("encodings").is_some() && vm.loaded_module("encodings").is_none() {
        vm.import_module("encodings")?;
    }
    Ok(())
}

fn register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = a.get(0).cloned().unwrap_or(Value::None);
    if !crate::builtins::functions::is_callable(vm, &f) {
        return Err(vm.type_error("argument must be callable"));
    }
    ensure_encodings(vm)?;
    let list = registry(vm, SEARCH_KEY);
    if let Some(Object::List(l)) = list.as_obj().map(|o| o.get_mut()) {
        l.push(f);
    }
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = a.get(0).cloned().unwrap_or(Value::None);
    let list = registry(vm, SEARCH_KEY);
    if let Some(Object::List(l)) = list.as_obj().map(|o| o.get_mut()) {
        l.retain(|g| !g.is(&f));
    }
    let cache = registry(vm, CACHE_KEY);
    if let Some(Object::Dict(d)) = cache.as_obj().map(|o| o.get_mut()) {
        *d = Default::default();
    }
    Ok(Value::None)
}

fn lookup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = str_arg(vm, a.get(0), "lookup() argument")?;
    lookup_codec(vm, &name)
}

/// `codecs.lookup(name)`: the cached or searched `CodecInfo`. CPython imports `encodings` at
/// start-up; here the first lookup with no search function registered imports it, when the
/// image holds it.
pub(crate) fn lookup_codec(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = Vm::str_val(normalize(name));
    let cache = registry(vm, CACHE_KEY);
    if let Ok(found) = vm.getitem(&cache, &key) {
        return Ok(found);
    }
    ensure_encodings(vm)?;
    // Importing `encodings` may have set up the registry only now.
    let cache = registry(vm, CACHE_KEY);
    let functions = match registry(vm, SEARCH_KEY).body() {
        Some(Object::List(l)) => l.clone(),
        _ => Vec::new(),
    };
    for f in functions {
        let r = vm.call(&f, std::slice::from_ref(&key), &[])?;
        if matches!(r, Value::None) {
            continue;
        }
        let is_4_tuple = matches!(r.body(), Some(Object::Tuple(t)) if t.len() == 4)
            || matches!(crate::value::num::inst_base(&r).as_ref().and_then(|b| b.body()),
                Some(Object::Tuple(t)) if t.len() == 4);
        if !is_4_tuple {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.setitem(&cache, key, r.clone())?;
        return Ok(r);
    }
    Err(vm.err(ExcKind::LookupError, format!("unknown encoding: {name}")))
}

fn forget_codec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = str_arg(vm, a.get(0), "_forget_codec() argument")?;
    let cache = registry(vm, CACHE_KEY);
    if let Some(Object::Dict(d)) = cache.as_obj().map(|o| o.get_mut()) {
        let key = normalize(&name);
        d.remove(crate::value::dict_table::str_hash_of(&key), &mut |k| {
            k.as_str() == Some(key.as_str())
        });
    }
    Ok(Value::None)
}

fn register_error(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = str_arg(vm, a.get(0), "register_error() argument 1")?;
    let handler = a.get(1).cloned().unwrap_or(Value::None);
    if !crate::builtins::functions::is_callable(vm, &handler) {
        return Err(vm.type_error("handler must be callable"));
    }
    let errors = registry(vm, ERRORS_KEY);
    vm.setitem(&errors, Vm::str_val(name), handler)?;
    Ok(Value::None)
}

fn lookup_error(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = str_arg(vm, a.get(0), "lookup_error() argument")?;
    lookup_error_handler(vm, &name)
}

/// The error handler registered under `name`, or CPython's LookupError.
pub(crate) fn lookup_error_handler(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let errors = registry(vm, ERRORS_KEY);
    match vm.getitem(&errors, &Vm::str_val(name)) {
        Ok(h) => Ok(h),
        Err(_) => Err(vm.err(
            ExcKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )),
    }
}

/// The exception an error handler was given, checked to be a Unicode error.
fn unicode_error(vm: &Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    let unicode = vm.exc_class(ExcKind::UnicodeError);
    if !Vm::is_subclass(&vm.type_of(&exc), &unicode) {
        return Err(not_handled(vm, &exc));
    }
    Ok(exc)
}

fn not_handled(vm: &Vm, exc: &Value) -> ObjRef {
    vm.type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(exc)
    ))
}

fn strict_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    match exc.as_obj() {
        Some(o) if Vm::is_subclass(&vm.type_of(&exc), &vm.exc_class(ExcKind::BaseException)) => {
            Err(o.clone())
        }
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

/// `(replacement, position to resume at)` for a handler replacing `exc.start:exc.end`.
fn resume(vm: &mut Vm, exc: &Value, replacement: Value) -> PyResult<Value> {
    let end = vm.getattr(exc, &Vm::str_val("end"))?;
    Ok(Vm::new_tuple(vec![replacement, end]))
}

fn ignore_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = unicode_error(vm, a)?;
    resume(vm, &exc, Vm::str_val(""))
}

/// The kind of a Unicode error and its `object[start:end]` range (clamped as CPython's).
fn error_span(vm: &mut Vm, exc: &Value) -> PyResult<(ExcKind, Value, usize, usize)> {
    let kind = crate::objects::exception::unicode_error_kind(vm, &vm.type_of(exc))
        .ok_or_else(|| not_handled(vm, exc))?;
    let object = vm.getattr(exc, &Vm::str_val("object"))?;
    let len = match (object.as_str(), object.body()) {
        (Some(s), _) => s.chars().count(),
        (None, Some(Object::Bytes(b))) => b.len(),
        _ => 0,
    };
    let start = vm.getattr(exc, &Vm::str_val("start"))?;
    let end = vm.getattr(exc, &Vm::str_val("end"))?;
    let start = (vm.index_of(&start)?.max(0) as usize).min(len.saturating_sub(1));
    let end = (vm.index_of(&end)?.max(1) as usize).min(len).max(start);
    Ok((kind, object, start, end))
}

fn replace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = unicode_error(vm, a)?;
    let (kind, _, start, end) = error_span(vm, &exc)?;
    let replacement = match kind {
        ExcKind::UnicodeEncodeError => "?".repeat(end - start),
        ExcKind::UnicodeDecodeError => "\u{fffd}".to_string(),
        _ => "\u{fffd}".repeat(end - start),
    };
    resume(vm, &exc, Vm::str_val(replacement))
}

fn backslash_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    let (_, object, start, end) = error_span(vm, &exc)?;
    let mut out = String::new();
    if let Some(s) = object.as_str() {
        for c in s.chars().skip(start).take(end - start) {
            let n = c as u32;
            out.push_str(&if n < 0x100 {
                format!("\\x{n:02x}")
            } else if n < 0x10000 {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            });
        }
    } else if let Some(Object::Bytes(b)) = object.body() {
        for x in &b[start..end] {
            out.push_str(&format!("\\x{x:02x}"));
        }
    }
    resume(vm, &exc, Vm::str_val(out))
}

fn xmlcharref_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    let (kind, object, start, end) = error_span(vm, &exc)?;
    if kind != ExcKind::UnicodeEncodeError {
        return Err(not_handled(vm, &exc));
    }
    let s = object.as_str().unwrap_or("");
    let out: String = s
        .chars()
        .skip(start)
        .take(end - start)
        .map(|c| format!("&#{};", c as u32))
        .collect();
    resume(vm, &exc, Vm::str_val(out))
}

fn namereplace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    let (kind, object, start, end) = error_span(vm, &exc)?;
    if kind != ExcKind::UnicodeEncodeError {
        return Err(not_handled(vm, &exc));
    }
    let s = object.as_str().unwrap_or("");
    let mut out = String::new();
    for c in s.chars().skip(start).take(end - start) {
        let n = c as u32;
        out.push_str(&match unicode_names2::name(c) {
            Some(name) => format!("\\N{{{name}}}"),
            None if n < 0x100 => format!("\\x{n:02x}"),
            None if n < 0x10000 => format!("\\u{n:04x}"),
            None => format!("\\U{n:08x}"),
        });
    }
    resume(vm, &exc, Vm::str_val(out))
}

/// `surrogateescape` and `surrogatepass`: a str here holds no surrogates, so an encoding error
/// is never one of theirs, and a decoding one would need a lone surrogate in the result;
/// both re-raise the error, as CPython does for characters outside their range.
fn surrogate_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = a.get(0).cloned().unwrap_or(Value::None);
    error_span(vm, &exc)?;
    match exc.as_obj() {
        Some(o) => Err(o.clone()),
        None => Err(not_handled(vm, &exc)),
    }
}

/// Whether a `CodecInfo` says it is not a text encoding (`_is_text_encoding = False`).
fn not_text(vm: &mut Vm, info: &Value) -> PyResult<bool> {
    match vm.getattr_opt(info, "_is_text_encoding")? {
        Some(v) => Ok(!vm.truthy(&v)?),
        None => Ok(false),
    }
}

/// Item `i` of a codec's `(object, length)` answer, or CPython's TypeError.
fn codec_result(vm: &Vm, r: &Value, what: &str) -> PyResult<Value> {
    match r.body() {
        Some(Object::Tuple(t)) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(vm.type_error(format!("{what} must return a tuple (object, integer)"))),
    }
}

/// `str.encode(encoding, errors)`.
/// `s.encode(encoding, errors)` of a str holding a lone surrogate: the built-in codecs
/// natively, any other through its registered encoder.
pub(crate) fn encode_wide_str(
    vm: &mut Vm,
    v: &Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    if let Some(c) = codec_text::builtin(encoding) {
        return Ok(bytes_val(codec_text::encode_wide(vm, c, v, errors)?));
    }
    let info = lookup_codec(vm, encoding)?;
    let encoder = vm.getitem(&info, &Value::Int(0))?;
    let r = vm.call(&encoder, &[v.clone(), Vm::str_val(errors)], &[])?;
    let out = codec_result(vm, &r, "encoder")?;
    match out.body() {
        Some(Object::Bytes(_)) => Ok(out),
        _ => Err(vm.type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            vm.type_name(&out)
        ))),
    }
}

pub(crate) fn encode_str(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(c) = codec_text::builtin(encoding) {
        let out = codec_text::encode_builtin(vm, c, s, errors)?;
        return Ok(bytes_val(out));
    }
    let info = lookup_codec(vm, encoding)?;
    if not_text(vm, &info)? {
        return Err(vm.err(
            ExcKind::LookupError,
            format!("'{encoding}' is not a text encoding; use codecs.encode() to handle arbitrary codecs"),
        ));
    }
    let encoder = vm.getitem(&info, &Value::Int(0))?;
    let r = vm.call(&encoder, &[Vm::str_val(s), Vm::str_val(errors)], &[])?;
    let out = codec_result(vm, &r, "encoder")?;
    match out.body() {
        Some(Object::Bytes(_)) => Ok(out),
        _ => match crate::objects::bytearray::bytes_like(&out) {
            Some(b) if vm.type_name(&out) == "bytearray" => Ok(bytes_val(b)),
            _ => Err(vm.type_error(format!(
                "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                vm.type_name(&out)
            ))),
        },
    }
}

/// `bytes.decode(encoding, errors)` over `data`.
pub(crate) fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    if let Some(c) = codec_text::builtin(encoding) {
        let (s, _) = codec_text::decode_builtin_wide(vm, c, data, errors, true)?;
        return Ok(s);
    }
    let info = lookup_codec(vm, encoding)?;
    if not_text(vm, &info)? {
        return Err(vm.err(
            ExcKind::LookupError,
            format!("'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"),
        ));
    }
    let decoder = vm.getitem(&info, &Value::Int(1))?;
    let r = vm.call(
        &decoder,
        &[bytes_val(data.to_vec()), Vm::str_val(errors)],
        &[],
    )?;
    let out = codec_result(vm, &r, "decoder")?;
    if out.str_bytes().is_none() {
        return Err(vm.type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&out)
        )));
    }
    Ok(out)
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b.into_boxed_slice().into()))
}

/// `codecs.encode`/`codecs.decode`: through the registry; a built-in codec answers itself
/// when the image has no `encodings` package to find it.
fn transcode(vm: &mut Vm, a: &Args, decoding: bool) -> PyResult<Value> {
    let fname = if decoding { "decode" } else { "encode" };
    let p = super::parse_args(vm, a, 0, fname, &["obj", "encoding", "errors"], 1, 3)?;
    let obj = p[0].cloned().unwrap_or(Value::None);
    let encoding = match p[1] {
        None => "utf-8".to_string(),
        Some(v) => str_arg(vm, Some(v), &format!("{fname}() argument 'encoding'"))?,
    };
    let errors = match p[2] {
        None => "strict".to_string(),
        Some(v) => str_arg(vm, Some(v), &format!("{fname}() argument 'errors'"))?,
    };
    let info = match lookup_codec(vm, &encoding) {
        Ok(info) => info,
        Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => {
            let Some(c) = codec_text::builtin(&encoding) else {
                return Err(e);
            };
            return builtin_transcode(vm, c, &obj, &errors, decoding);
        }
        Err(e) => return Err(e),
    };
    let f = vm.getitem(&info, &Value::Int(decoding as i64))?;
    let r = match vm.call(&f, &[obj, Vm::str_val(errors)], &[]) {
        Ok(r) => r,
        Err(e) => return Err(wrap_codec_error(vm, e, fname, &encoding)),
    };
    codec_result(vm, &r, if decoding { "decoder" } else { "encoder" })
}

/// CPython's `wrap_codec_error`: an exception of a plain built-in type (no attributes of its
/// own) from the codec comes back as the same type saying which codec failed, caused by the
/// original.
fn wrap_codec_error(vm: &mut Vm, e: ObjRef, fname: &str, encoding: &str) -> ObjRef {
    let cls = vm.type_of(&Value::Obj(e.clone()));
    let builtin = matches!(cls.get(), Object::Class(c) if c.builtin);
    let special = [
        ExcKind::UnicodeError,
        ExcKind::OSError,
        ExcKind::SyntaxError,
        ExcKind::ImportError,
        ExcKind::StopIteration,
        ExcKind::SystemExit,
        ExcKind::BaseExceptionGroup,
    ]
    .into_iter()
    .any(|k| vm.exc_matches(&e, k));
    let plain = match e.get() {
        Object::Instance(i) => {
            i.own.is_empty() && i.exc.as_ref().is_some_and(|x| x.args.len() <= 1)
        }
        _ => false,
    };
    if !builtin || special || !plain {
        return e;
    }
    let text = vm.str_of(&Value::Obj(e.clone())).unwrap_or_default();
    let msg = format!(
        "{}ing with '{encoding}' codec failed ({}: {text})",
        fname.trim_end_matches('e'),
        Vm::class_name(&cls)
    );
    let wrapped = vm.make_exc(&cls, vec![Vm::str_val(msg)]);
    if let Object::Instance(i) = wrapped.get_mut() {
        if let Some(x) = i.exc.as_mut() {
            x.cause = Value::Obj(e);
            x.suppress_context = true;
        }
    }
    wrapped
}

fn builtin_transcode(
    vm: &mut Vm,
    c: Builtin,
    obj: &Value,
    errors: &str,
    decoding: bool,
) -> PyResult<Value> {
    let stem = match c {
        Builtin::Utf8 | Builtin::Utf8Sig => "utf_8",
        Builtin::Ascii => "ascii",
        Builtin::Latin1 => "latin_1",
        Builtin::Utf16(_) => "utf_16",
        Builtin::Utf32(_) => "utf_32",
        Builtin::UnicodeEscape => "unicode_escape",
        Builtin::RawUnicodeEscape => "raw_unicode_escape",
    };
    if decoding {
        let data = data_arg(vm, Some(obj))?;
        let (s, _) = codec_text::decode_builtin_wide(vm, c, &data, errors, true)?;
        Ok(s)
    } else {
        if obj.is_wide_str() {
            return Ok(bytes_val(codec_text::encode_wide(vm, c, obj, errors)?));
        }
        let s = text_arg(vm, Some(obj), &format!("{stem}_encode"))?;
        Ok(bytes_val(codec_text::encode_builtin(vm, c, &s, errors)?))
    }
}

fn encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    transcode(vm, a, false)
}

fn decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    transcode(vm, a, true)
}

/// The str argument 1 of a codec function.
fn text_arg(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<String> {
    let v = v.cloned().unwrap_or(Value::None);
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            vm.type_name(&v)
        ))),
    }
}

/// The bytes-like argument 1 of a decoding function.
fn data_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    let v = v.cloned().unwrap_or(Value::None);
    crate::objects::bytearray::bytes_like(&v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&v)
        ))
    })
}

/// The `errors` argument (`None` is "strict").
fn errors_arg(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!(
                "{fname}() argument 2 must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

fn flag_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(f) => vm.truthy(f),
        None => Ok(false),
    }
}

/// `X_encode(str, errors=None)`: `(bytes, characters consumed)`.
fn encode_with(vm: &mut Vm, a: &Args, c: Builtin, fname: &str) -> PyResult<Value> {
    if let Some(v) = a.get(0).filter(|v| v.is_wide_str()) {
        let errors = errors_arg(vm, a.get(1), fname)?;
        let n = Value::Int(v.str_char_len() as i64);
        let out = codec_text::encode_wide(vm, c, v, &errors)?;
        return Ok(Vm::new_tuple(vec![bytes_val(out), n]));
    }
    let s = text_arg(vm, a.get(0), fname)?;
    let errors = errors_arg(vm, a.get(1), fname)?;
    let n = s.chars().count() as i64;
    let out = codec_text::encode_builtin(vm, c, &s, &errors)?;
    Ok(Vm::new_tuple(vec![bytes_val(out), Value::Int(n)]))
}

/// `X_decode(data, errors=None, final=False)`: `(str, bytes consumed)`.
fn decode_with(
    vm: &mut Vm,
    a: &Args,
    c: Builtin,
    fname: &str,
    fin: Option<bool>,
) -> PyResult<Value> {
    let data = data_arg(vm, a.get(0))?;
    let errors = errors_arg(vm, a.get(1), fname)?;
    let fin = match fin {
        Some(f) => f,
        None => flag_arg(vm, a.get(2))?,
    };
    let (s, used) = codec_text::decode_builtin_wide(vm, c, &data, &errors, fin)?;
    Ok(Vm::new_tuple(vec![s, Value::Int(used as i64)]))
}

fn utf_8_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::Utf8, "utf_8_encode")
}
fn utf_8_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(vm, a, Builtin::Utf8, "utf_8_decode", None)
}
fn ascii_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::Ascii, "ascii_encode")
}
fn ascii_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(vm, a, Builtin::Ascii, "ascii_decode", Some(true))
}
fn latin_1_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::Latin1, "latin_1_encode")
}
fn latin_1_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(vm, a, Builtin::Latin1, "latin_1_decode", Some(true))
}
fn unicode_escape_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::UnicodeEscape, "unicode_escape_encode")
}
fn unicode_escape_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::UnicodeEscape,
        "unicode_escape_decode",
        Some(true),
    )
}
fn raw_unicode_escape_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(
        vm,
        a,
        Builtin::RawUnicodeEscape,
        "raw_unicode_escape_encode",
    )
}
fn raw_unicode_escape_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::RawUnicodeEscape,
        "raw_unicode_escape_decode",
        Some(true),
    )
}

/// The byte order argument of `utf_16_encode` and the `_ex_decode` functions: 0 native with
/// a mark, -1 little-endian, 1 big-endian.
fn byteorder_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Endian>> {
    let n = match v {
        Some(v) => vm.index_of(v)?,
        None => 0,
    };
    Ok(match n {
        0 => None,
        n if n < 0 => Some(Endian::Little),
        _ => Some(Endian::Big),
    })
}

fn wide_encode(vm: &mut Vm, a: &Args, wide: bool) -> PyResult<Value> {
    let fname = if wide {
        "utf_32_encode"
    } else {
        "utf_16_encode"
    };
    let order = byteorder_arg(vm, a.get(2))?;
    let c = if wide {
        Builtin::Utf32(order)
    } else {
        Builtin::Utf16(order)
    };
    encode_with(vm, a, c, fname)
}

fn wide_ex_decode(vm: &mut Vm, a: &Args, wide: bool) -> PyResult<Value> {
    let fname = if wide {
        "utf_32_ex_decode"
    } else {
        "utf_16_ex_decode"
    };
    let data = data_arg(vm, a.get(0))?;
    let errors = errors_arg(vm, a.get(1), fname)?;
    let order = byteorder_arg(vm, a.get(2))?;
    let fin = flag_arg(vm, a.get(3))?;
    let (s, used, found) = codec_text::decode_utf16_32(vm, &data, wide, order, &errors, fin)?;
    let bo = match found {
        None => 0,
        Some(Endian::Little) => -1,
        Some(Endian::Big) => 1,
    };
    Ok(Vm::new_tuple(vec![
        Vm::str_val(s),
        Value::Int(used as i64),
        Value::Int(bo),
    ]))
}

fn utf_16_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_encode(vm, a, false)
}
fn utf_32_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_encode(vm, a, true)
}
fn utf_16_ex_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_ex_decode(vm, a, false)
}
fn utf_32_ex_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wide_ex_decode(vm, a, true)
}
fn utf_16_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(vm, a, Builtin::Utf16(None), "utf_16_decode", None)
}
fn utf_32_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(vm, a, Builtin::Utf32(None), "utf_32_decode", None)
}
fn utf_16_le_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(
        vm,
        a,
        Builtin::Utf16(Some(Endian::Little)),
        "utf_16_le_encode",
    )
}
fn utf_16_be_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::Utf16(Some(Endian::Big)), "utf_16_be_encode")
}
fn utf_32_le_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(
        vm,
        a,
        Builtin::Utf32(Some(Endian::Little)),
        "utf_32_le_encode",
    )
}
fn utf_32_be_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_with(vm, a, Builtin::Utf32(Some(Endian::Big)), "utf_32_be_encode")
}
fn utf_16_le_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::Utf16(Some(Endian::Little)),
        "utf_16_le_decode",
        None,
    )
}
fn utf_16_be_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::Utf16(Some(Endian::Big)),
        "utf_16_be_decode",
        None,
    )
}
fn utf_32_le_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::Utf32(Some(Endian::Little)),
        "utf_32_le_decode",
        None,
    )
}
fn utf_32_be_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decode_with(
        vm,
        a,
        Builtin::Utf32(Some(Endian::Big)),
        "utf_32_be_decode",
        None,
    )
}

fn charmap_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = text_arg(vm, a.get(0), "charmap_encode")?;
    let errors = errors_arg(vm, a.get(1), "charmap_encode")?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    let n = s.chars().count() as i64;
    let out = codec_text::charmap_encode(vm, &s, &errors, &mapping)?;
    Ok(Vm::new_tuple(vec![bytes_val(out), Value::Int(n)]))
}

fn charmap_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = data_arg(vm, a.get(0))?;
    let errors = errors_arg(vm, a.get(1), "charmap_decode")?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    let s = codec_text::charmap_decode(vm, &data, &errors, &mapping)?;
    Ok(Vm::new_tuple(vec![
        Vm::str_val(s),
        Value::Int(data.len() as i64),
    ]))
}

/// `charmap_build(decoding_table)`: the encoding map, as a dict from code point to byte.
fn charmap_build(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = text_arg(vm, a.get(0), "charmap_build")?;
    let d = Vm::new_dict(Default::default());
    // Unmapped entries (U+FFFE) stay out, as in CPython's EncodingMap.
    for (i, c) in table.chars().enumerate().filter(|(_, c)| *c != '\u{fffe}') {
        vm.setitem(&d, Value::Int(c as i64), Value::Int(i as i64))?;
    }
    Ok(d)
}

fn readbuffer_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    let data = match v.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(vm, Some(&v))?,
    };
    let n = data.len() as i64;
    Ok(Vm::new_tuple(vec![bytes_val(data), Value::Int(n)]))
}
