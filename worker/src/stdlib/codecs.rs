//! The `_codecs` module: the codec registry under CPython's `codecs.py` (search functions,
//! `lookup`, error handlers) and the UTF-8 codec functions. Encoding and decoding go through
//! `str.encode` and `bytes.decode`, which know the encodings the worker supports.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

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
];

/// The error handlers CPython registers at start-up that the worker implements.
static STRICT: NativeFn = NativeFn::function("strict_errors", strict_errors, Arity::One, None);
static IGNORE: NativeFn = NativeFn::function("ignore_errors", ignore_errors, Arity::One, None);
static REPLACE: NativeFn = NativeFn::function("replace_errors", replace_errors, Arity::One, None);

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
            if c == ' ' {
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

fn register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = a.get(0).cloned().unwrap_or(Value::None);
    if !crate::builtins::functions::is_callable(vm, &f) {
        return Err(vm.type_error("argument must be callable"));
    }
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
    let key = Vm::str_val(normalize(&name));
    let cache = registry(vm, CACHE_KEY);
    if let Ok(found) = vm.getitem(&cache, &key) {
        return Ok(found);
    }
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
    let errors = registry(vm, ERRORS_KEY);
    match vm.getitem(&errors, &Vm::str_val(name.as_str())) {
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
        return Err(vm.type_error(format!(
            "don't know how to handle {} in error callback",
            vm.type_name(&exc)
        )));
    }
    Ok(exc)
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

fn replace_errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let exc = unicode_error(vm, a)?;
    let start = vm.getattr(&exc, &Vm::str_val("start"))?;
    let end = vm.getattr(&exc, &Vm::str_val("end"))?;
    let n = match (start, end) {
        (Value::Int(s), Value::Int(e)) => (e - s).max(0) as usize,
        _ => 0,
    };
    let decoding = Vm::is_subclass(
        &vm.type_of(&exc),
        &vm.exc_class(ExcKind::UnicodeDecodeError),
    );
    let one = if decoding { "\u{fffd}" } else { "?" };
    let replacement = if decoding {
        one.to_string()
    } else {
        one.repeat(n)
    };
    resume(vm, &exc, Vm::str_val(replacement))
}

fn encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = super::parse_args(vm, a, 0, "encode", &["obj", "encoding", "errors"], 1, 3)?;
    let obj = p[0].cloned().unwrap_or(Value::None);
    let encoding = p[1].cloned().unwrap_or_else(|| Vm::str_val("utf-8"));
    let errors = p[2].cloned().unwrap_or_else(|| Vm::str_val("strict"));
    if obj.as_str().is_none() {
        return Err(vm.type_error(format!(
            "utf_8_encode() argument 1 must be str, not {}",
            vm.type_name(&obj)
        )));
    }
    let m = vm.getattr(&obj, &Vm::str_val("encode"))?;
    vm.call(&m, &[encoding, errors], &[])
}

fn decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = super::parse_args(vm, a, 0, "decode", &["obj", "encoding", "errors"], 1, 3)?;
    let obj = p[0].cloned().unwrap_or(Value::None);
    let encoding = p[1].cloned().unwrap_or_else(|| Vm::str_val("utf-8"));
    let errors = p[2].cloned().unwrap_or_else(|| Vm::str_val("strict"));
    let bytes = match crate::objects::bytearray::bytes_like(&obj) {
        Some(b) => Value::obj(Object::Bytes(b.into_boxed_slice().into())),
        None => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&obj)
            )))
        }
    };
    let m = vm.getattr(&bytes, &Vm::str_val("decode"))?;
    vm.call(&m, &[encoding, errors], &[])
}

fn utf_8_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(0).cloned().unwrap_or(Value::None);
    let Some(s) = obj.as_str() else {
        return Err(vm.type_error(format!(
            "utf_8_encode() argument 1 must be str, not {}",
            vm.type_name(&obj)
        )));
    };
    let n = s.chars().count() as i64;
    let errors = a.get(1).cloned().unwrap_or_else(|| Vm::str_val("strict"));
    let errors = if matches!(errors, Value::None) {
        Vm::str_val("strict")
    } else {
        errors
    };
    let m = vm.getattr(&obj, &Vm::str_val("encode"))?;
    let b = vm.call(&m, &[Vm::str_val("utf-8"), errors], &[])?;
    Ok(Vm::new_tuple(vec![b, Value::Int(n)]))
}

fn utf_8_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = a.get(0).cloned().unwrap_or(Value::None);
    let Some(data) = crate::objects::bytearray::bytes_like(&obj) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&obj)
        )));
    };
    let errors = match a.get(1) {
        None | Some(Value::None) => Vm::str_val("strict"),
        Some(e) => e.clone(),
    };
    let is_final = match a.get(2) {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    // Without `final`, an incomplete sequence at the end waits for more input.
    let mut take = data.len();
    if !is_final {
        if let Err(e) = std::str::from_utf8(&data) {
            if e.error_len().is_none() {
                take = e.valid_up_to();
            }
        }
    }
    let bytes = Value::obj(Object::Bytes(
        data[..take].to_vec().into_boxed_slice().into(),
    ));
    let m = vm.getattr(&bytes, &Vm::str_val("decode"))?;
    let s = vm.call(&m, &[Vm::str_val("utf-8"), errors], &[])?;
    Ok(Vm::new_tuple(vec![s, Value::Int(take as i64)]))
}
