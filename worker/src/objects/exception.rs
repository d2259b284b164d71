//! Exceptions: `BaseException.__init__` and the methods of exception instances. Each method
//! is one row of [`METHODS`] and one function below.

use crate::value::dict_table::dict_set_str;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::attrs::dict_get_str;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The methods of exception instances, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method(
        "BaseException.with_traceback",
        with_traceback,
        Arity::One,
        None,
    ),
    NativeFn::method("BaseException.add_note", add_note, Arity::One, None),
];

/// `BaseException.__init__(self, *args)`: stores `args`.
pub(crate) static INIT: NativeFn = NativeFn::new("BaseException.__init__", init);

fn is_exception(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Instance(i)) if i.exc.is_some())
}

fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    super::receiver(vm, a, "BaseException", method, is_exception)
}

fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(Value::Obj(o)) = a.get(0) else {
        return Ok(Value::None);
    };
    // ImportError, AttributeError and NameError take their attributes as keywords, and
    // `__init__` sets them afresh (None when not given); other exceptions take none.
    let (base, keys): (&str, &[&str]) = if vm.exc_matches(o, ExcKind::ImportError) {
        ("ImportError", &["name", "path"])
    } else if vm.exc_matches(o, ExcKind::AttributeError) {
        ("AttributeError", &["name", "obj"])
    } else if vm.exc_matches(o, ExcKind::NameError) {
        ("NameError", &["name"])
    } else {
        ("", &[])
    };
    for (k, _) in &a.kw {
        if !keys.contains(k) {
            let cls = vm.type_of(&Value::Obj(o.clone()));
            return Err(vm.type_error(if keys.is_empty() {
                format!("{}() takes no keyword arguments", Vm::class_name(&cls))
            } else {
                format!("'{k}' is an invalid keyword argument for {base}()")
            }));
        }
    }
    if let Object::Instance(i) = o.get_mut() {
        if let Some(e) = i.exc.as_mut() {
            e.args = a.pos[1..].to_vec();
        }
        for key in keys {
            // Not given: unset (read as None), so an attribute lookup it leaves still names
            // itself in it.
            match a.kw.iter().find(|(k, _)| k == key) {
                Some((_, v)) => {
                    crate::value::dict_table::dict_set_str(i.table_mut(), key, (*v).clone())
                }
                None => {
                    let h = crate::value::dict_table::str_hash_of(key);
                    i.table_mut().remove(h, &mut |k| k.as_str() == Some(key));
                }
            }
        }
    }
    Ok(Value::None)
}

/// `exc.with_traceback(tb)`: sets `__traceback__` and returns the exception.
fn with_traceback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = receiver(vm, a, "with_traceback")?;
    let tb = a.get(1).cloned().unwrap_or(Value::None);
    if let Some(o) = e.as_obj() {
        crate::stdlib::sys::set_traceback(vm, o, &tb)?;
    }
    Ok(e)
}

fn add_note(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = receiver(vm, a, "add_note")?;
    let note = a.get(1).cloned().unwrap_or(Value::None);
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let notes = match vm.getattr_opt(&e, "__notes__")? {
        Some(l) if matches!(l.body(), Some(Object::List(_))) => l,
        Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
        None => {
            let l = Vm::new_list(Vec::new());
            vm.setattr(&e, &Vm::str_val("__notes__"), l.clone())?;
            l
        }
    };
    if let Some(Object::List(items)) = notes.as_obj().map(|o| o.get_mut()) {
        items.push(note);
    }
    Ok(Value::None)
}

/// `OSError(code, text)` made as Python code makes it: `errno`, `strerror` and the subclass
/// the code selects (`FileNotFoundError` for ENOENT ...).
pub(crate) fn os_error(vm: &mut Vm, code: i64, text: &str) -> ObjRef {
    let cls = Value::Obj(vm.exc_class(ExcKind::OSError));
    match vm.call(&cls, &[Value::Int(code), Vm::str_val(text)], &[]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.err(ExcKind::OSError, text.to_string()),
        Err(e) => e,
    }
}

/// The subclass `OSError(errno, ...)` makes for `errno`, as CPython's errno map (Linux).
pub(crate) fn os_error_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// The class `OSError(*args)` really makes: plain `OSError` with a known errno becomes its
/// subclass (`OSError(2, 'x')` is a `FileNotFoundError`).
pub(crate) fn os_error_class(vm: &Vm, cls: &ObjRef, args: &[Value]) -> ObjRef {
    if (2..=5).contains(&args.len()) && cls.ptr_eq(&vm.exc_class(ExcKind::OSError)) {
        if let Value::Int(errno) = args[0] {
            if let Some(kind) = os_error_subclass(errno) {
                return vm.exc_class(kind);
            }
        }
    }
    cls.clone()
}

/// Sets an `OSError` instance's `errno`, `strerror`, `filename` and `filename2` from its
/// arguments, as CPython's `OSError.__init__` does; with a filename, `args` keeps only
/// `(errno, strerror)`.
pub(crate) fn init_os_error(vm: &Vm, exc: &ObjRef) {
    let blocking = Vm::is_subclass(
        &match exc.get() {
            Object::Instance(i) => i.class.clone(),
            _ => return,
        },
        &vm.exc_class(ExcKind::BlockingIOError),
    );
    let Object::Instance(inst) = exc.get_mut() else {
        return;
    };
    let Some(e) = inst.exc.as_mut() else {
        return;
    };
    let args = e.args.clone();
    let (mut errno, mut strerror, mut filename, mut filename2) =
        (Value::None, Value::None, Value::None, Value::None);
    if (2..=5).contains(&args.len()) {
        errno = args[0].clone();
        strerror = args[1].clone();
        if blocking && args.len() == 3 {
            dict_set_str(&mut inst.own, "characters_written", args[2].clone());
        } else if args.len() >= 3 {
            filename = args[2].clone();
            if args.len() == 5 {
                filename2 = args[4].clone();
            }
            if !matches!(filename, Value::None) {
                e.args.truncate(2);
            }
        }
    }
    for (name, v) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", filename),
        ("filename2", filename2),
    ] {
        dict_set_str(&mut inst.own, name, v);
    }
}

/// Sets a `SyntaxError` instance's `msg` and location attributes from its arguments
/// `(msg, (filename, lineno, offset, text[, end_lineno[, end_offset]]))`, as CPython's
/// `SyntaxError.__init__` does; all are None when not given.
pub(crate) fn init_syntax_error(vm: &mut Vm, exc: &ObjRef) -> PyResult<()> {
    let args = match exc.get() {
        Object::Instance(i) => i.exc.as_ref().map(|e| e.args.clone()).unwrap_or_default(),
        _ => return Ok(()),
    };
    let mut values = [const { Value::None }; 7];
    if let Some(m) = args.first() {
        values[0] = m.clone();
    }
    if args.len() == 2 {
        let info = vm.collect(&args[1])?;
        if info.len() < 4 {
            return Err(vm.type_error(format!(
                "function takes at least 4 arguments ({} given)",
                info.len()
            )));
        }
        if info.len() > 6 {
            return Err(vm.type_error(format!(
                "function takes at most 6 arguments ({} given)",
                info.len()
            )));
        }
        for (slot, v) in values[1..].iter_mut().zip(info) {
            *slot = v;
        }
    }
    if let Object::Instance(inst) = exc.get_mut() {
        for (name, v) in [
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ]
        .into_iter()
        .zip(values)
        {
            dict_set_str(&mut inst.own, name, v);
        }
        dict_set_str(&mut inst.own, "print_file_and_line", Value::None);
    }
    Ok(())
}

/// `str()` of a `SyntaxError`: `msg (file, line N)` from its attributes (the file by its
/// base name), `None` when they are absent.
pub(crate) fn syntax_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let get = |name: &str| match exc.get() {
        Object::Instance(i) => dict_get_str(i.table(), name).cloned(),
        _ => None,
    };
    let Some(msg) = get("msg") else {
        return Ok(None);
    };
    let file = get("filename").and_then(|f| {
        f.as_str()
            .map(|s| s.rsplit('/').next().unwrap_or(s).to_string())
    });
    let line = match get("lineno") {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    let msg = vm.str_of(&msg)?;
    Ok(Some(match (file, line) {
        (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(n)) => format!("{msg} (line {n})"),
        (None, None) => msg,
    }))
}

/// `str()` of an `OSError` whose attributes say more than its arguments: `[Errno N] text`,
/// then `: 'filename'` and ` -> 'filename2'`; `None` to use `BaseException.__str__`.
pub(crate) fn os_error_str(vm: &mut Vm, exc: &ObjRef) -> PyResult<Option<String>> {
    let get = |name: &str| match exc.get() {
        Object::Instance(i) => dict_get_str(i.table(), name)
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    let (errno, strerror, filename, filename2) = (
        get("errno"),
        get("strerror"),
        get("filename"),
        get("filename2"),
    );
    let errno_s = vm.str_of(&errno)?;
    let strerror_s = vm.str_of(&strerror)?;
    if !matches!(filename, Value::None) {
        let f = vm.repr(&filename)?;
        if !matches!(filename2, Value::None) {
            let f2 = vm.repr(&filename2)?;
            return Ok(Some(format!("[Errno {errno_s}] {strerror_s}: {f} -> {f2}")));
        }
        return Ok(Some(format!("[Errno {errno_s}] {strerror_s}: {f}")));
    }
    if !matches!(errno, Value::None) && !matches!(strerror, Value::None) {
        return Ok(Some(format!("[Errno {errno_s}] {strerror_s}")));
    }
    Ok(None)
}

/// Which of the three Unicode errors `cls` is (or derives from), if any.
pub(crate) fn unicode_error_kind(vm: &Vm, cls: &ObjRef) -> Option<ExcKind> {
    if !Vm::is_subclass(cls, &vm.exc_class(ExcKind::UnicodeError)) {
        return None;
    }
    [
        ExcKind::UnicodeEncodeError,
        ExcKind::UnicodeDecodeError,
        ExcKind::UnicodeTranslateError,
    ]
    .into_iter()
    .find(|&k| Vm::is_subclass(cls, &vm.exc_class(k)))
}

/// CPython's argument checks of `UnicodeEncodeError(encoding, object, start, end, reason)`,
/// `UnicodeDecodeError(...)` (any bytes-like object, kept as bytes) and
/// `UnicodeTranslateError(object, start, end, reason)`; the object to store.
pub(crate) fn check_unicode_error_args(
    vm: &mut Vm,
    kind: ExcKind,
    args: &[Value],
) -> PyResult<Value> {
    let translate = kind == ExcKind::UnicodeTranslateError;
    let want = if translate { 4 } else { 5 };
    if args.len() != want {
        return Err(vm.type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            args.len()
        )));
    }
    let must_str = |vm: &Vm, i: usize| -> PyResult<()> {
        if args[i].str_bytes().is_none() {
            return Err(vm.type_error(format!(
                "argument {} must be str, not {}",
                i + 1,
                vm.type_name(&args[i])
            )));
        }
        Ok(())
    };
    let first = usize::from(!translate);
    if !translate {
        must_str(vm, 0)?;
    }
    let object = if kind == ExcKind::UnicodeDecodeError {
        match super::bytearray::bytes_like(&args[1]) {
            Some(b) => Value::obj(Object::Bytes(b.into_boxed_slice().into())),
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&args[1])
                )))
            }
        }
    } else {
        must_str(vm, first)?;
        args[first].clone()
    };
    vm.index_of(&args[first + 1])?;
    vm.index_of(&args[first + 2])?;
    must_str(vm, first + 3)?;
    Ok(object)
}

/// Sets a Unicode error's `encoding`, `object`, `start`, `end` and `reason` from its
/// arguments (already checked), with `object` replaced by `object` when given.
pub(crate) fn init_unicode_error_with(exc: &ObjRef, object: Option<Value>) {
    let Object::Instance(inst) = exc.get_mut() else {
        return;
    };
    let Some(e) = inst.exc.as_ref() else {
        return;
    };
    let args = e.args.clone();
    let (encoding, rest) = match args.len() {
        5 => (args[0].clone(), &args[1..]),
        4 => (Value::None, &args[..]),
        _ => return,
    };
    let int = |v: &Value| match v {
        Value::Int(n) => Value::Int(*n),
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    };
    let object = object.unwrap_or_else(|| rest[0].clone());
    for (name, v) in [
        ("encoding", encoding),
        ("object", object),
        ("start", int(&rest[1])),
        ("end", int(&rest[2])),
        ("reason", rest[3].clone()),
    ] {
        dict_set_str(&mut inst.own, name, v);
    }
}

/// [`init_unicode_error_with`] keeping the object argument as it is.
pub(crate) fn init_unicode_error(exc: &ObjRef) {
    init_unicode_error_with(exc, None);
}

/// `str()` of a Unicode error made with its five (four) arguments, as CPython's: the one
/// character or byte at `start` when `end == start + 1`, else the range; `None` otherwise.
pub(crate) fn unicode_error_str(
    vm: &mut Vm,
    exc: &ObjRef,
    kind: ExcKind,
) -> PyResult<Option<String>> {
    let get = |name: &str| match exc.get() {
        Object::Instance(i) => dict_get_str(i.table(), name).cloned(),
        _ => None,
    };
    let (Some(object), Some(start), Some(end), Some(reason)) =
        (get("object"), get("start"), get("end"), get("reason"))
    else {
        return Ok(None);
    };
    let (Value::Int(start), Value::Int(end)) = (start, end) else {
        return Ok(None);
    };
    let reason = vm.str_of(&reason)?;
    let prefix = match kind {
        ExcKind::UnicodeTranslateError => String::new(),
        _ => {
            let enc = get("encoding").unwrap_or(Value::None);
            format!("'{}' codec ", vm.str_of(&enc)?)
        }
    };
    let verb = match kind {
        ExcKind::UnicodeEncodeError => "encode",
        ExcKind::UnicodeDecodeError => "decode",
        _ => "translate",
    };
    let single = end == start + 1 && start >= 0;
    if kind == ExcKind::UnicodeDecodeError {
        if let (true, Some(Object::Bytes(b))) = (single, object.body()) {
            if let Some(byte) = b.get(start as usize) {
                return Ok(Some(format!(
                    "{prefix}can't decode byte 0x{byte:02x} in position {start}: {reason}"
                )));
            }
        }
    } else if let (true, Some(s)) = (single, object.str_bytes()) {
        let cp = permafrost_semantics::text::wide::code_points(s).nth(start as usize);
        if let Some(n) = cp {
            let shown = if n <= 0xff {
                format!("\\x{n:02x}")
            } else if n <= 0xffff {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            };
            return Ok(Some(format!(
                "{prefix}can't {verb} character '{shown}' in position {start}: {reason}"
            )));
        }
    }
    let what = if kind == ExcKind::UnicodeDecodeError {
        "bytes"
    } else {
        "characters"
    };
    Ok(Some(format!(
        "{prefix}can't {verb} {what} in position {start}-{}: {reason}",
        end - 1
    )))
}
