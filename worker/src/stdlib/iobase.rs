//! The generic methods of `_io`'s abstract bases (`_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase`, `_TextIOBase`), which Python subclasses of `io.IOBase` & co. inherit:
//! context management, iteration by `readline`, `closed` as the `__IOBase_closed` attribute
//! `close()` sets, the `_check*` helpers and the "unsupported" defaults, each calling the
//! object's own methods as CPython's do. The types themselves are made in `io.rs`.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The attribute `close()` sets on the instance.
const CLOSED_ATTR: &str = "__IOBase_closed";

pub(crate) static IOBASE_METHODS: &[NativeFn] = &[
    NativeFn::new("_IOBase.seek", seek),
    NativeFn::method("_IOBase.tell", tell, Arity::NoArgs, None),
    NativeFn::new("_IOBase.truncate", truncate),
    NativeFn::method("_IOBase.flush", flush, Arity::NoArgs, None),
    NativeFn::method("_IOBase.close", close, Arity::NoArgs, None),
    NativeFn::method("_IOBase.seekable", no, Arity::NoArgs, None),
    NativeFn::method("_IOBase.readable", no, Arity::NoArgs, None),
    NativeFn::method("_IOBase.writable", no, Arity::NoArgs, None),
    NativeFn::new("_IOBase._checkClosed", check_closed_method),
    NativeFn::new("_IOBase._checkSeekable", check_seekable),
    NativeFn::new("_IOBase._checkReadable", check_readable),
    NativeFn::new("_IOBase._checkWritable", check_writable),
    NativeFn::method("_IOBase.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("_IOBase.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("_IOBase.__enter__", enter, Arity::NoArgs, None),
    NativeFn::new("_IOBase.__exit__", exit),
    NativeFn::method("_IOBase.__iter__", iter, Arity::NoArgs, None),
    NativeFn::method("_IOBase.__next__", next, Arity::NoArgs, None),
    NativeFn::method("_IOBase.readline", readline, Arity::Range(0, 1), None),
    NativeFn::method("_IOBase.readlines", readlines, Arity::Range(0, 1), None),
    NativeFn::method("_IOBase.writelines", writelines, Arity::One, None),
    NativeFn::method("_IOBase.__del__", del, Arity::NoArgs, None),
];

pub(crate) static IOBASE_CLOSED: NativeFn =
    NativeFn::method("_IOBase.closed", closed_get, Arity::NoArgs, None);

pub(crate) static RAW_METHODS: &[NativeFn] = &[
    NativeFn::method("_RawIOBase.read", raw_read, Arity::Range(0, 1), None),
    NativeFn::method("_RawIOBase.readall", raw_readall, Arity::NoArgs, None),
    NativeFn::method("_RawIOBase.readinto", not_implemented, Arity::One, None),
    NativeFn::method("_RawIOBase.write", not_implemented, Arity::One, None),
];

pub(crate) static BUFFERED_METHODS: &[NativeFn] = &[
    NativeFn::new("_BufferedIOBase.read", unsupported_read),
    NativeFn::new("_BufferedIOBase.read1", unsupported_read1),
    NativeFn::new("_BufferedIOBase.write", unsupported_write),
    NativeFn::method(
        "_BufferedIOBase.detach",
        unsupported_detach,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method("_BufferedIOBase.readinto", readinto, Arity::One, None),
    NativeFn::method("_BufferedIOBase.readinto1", readinto1, Arity::One, None),
];

pub(crate) static TEXT_METHODS: &[NativeFn] = &[
    NativeFn::new("_TextIOBase.read", unsupported_read),
    NativeFn::new("_TextIOBase.readline", unsupported_readline),
    NativeFn::new("_TextIOBase.write", unsupported_write),
    NativeFn::method(
        "_TextIOBase.detach",
        unsupported_detach,
        Arity::NoArgs,
        None,
    ),
];

pub(crate) static TEXT_NONE: NativeFn =
    NativeFn::method("_TextIOBase.encoding", none, Arity::NoArgs, None);

fn unsupported(vm: &mut Vm, msg: &str) -> ObjRef {
    let cls = super::native_class(vm, "io.UnsupportedOperation");
    vm.make_exc(&cls, vec![Vm::str_val(msg)])
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.getattr(obj, &Vm::str_val(name))?;
    vm.call(&m, args, &[])
}

fn this(a: &Args) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

fn none(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn no(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

/// Whether `close()` ran: the instance's `__IOBase_closed`, false when unset.
fn is_closed_attr(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    match vm.getattr_opt(obj, CLOSED_ATTR)? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

fn closed_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(is_closed_attr(vm, &this(a))?))
}

/// Raises `ValueError` when `obj.closed` is true (the object's own `closed`, which
/// subclasses override).
fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let closed = vm.getattr(obj, &Vm::str_val("closed"))?;
    if vm.truthy(&closed)? {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn check_closed_method(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, &this(a))?;
    Ok(Value::None)
}

fn check_ability(vm: &mut Vm, a: &Args, method: &str, what: &str) -> PyResult<Value> {
    let r = call_method(vm, &this(a), method, &[])?;
    if !matches!(r, Value::Bool(true)) {
        if !matches!(r, Value::Bool(false)) {
            return Err(vm.type_error(format!("{method}() should return a bool")));
        }
        return Err(unsupported(vm, &format!("File or stream is not {what}.")));
    }
    Ok(r)
}

fn check_seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_ability(vm, a, "seekable", "seekable")
}

fn check_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_ability(vm, a, "readable", "readable")
}

fn check_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_ability(vm, a, "writable", "writable")
}

fn seek(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_method(vm, &this(a), "seek", &[Value::Int(0), Value::Int(1)])
}

fn truncate(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_closed_attr(vm, &this(a))? {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(Value::None)
}

/// `close()`: flushes once, then marks the object closed even if flushing failed.
fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    if is_closed_attr(vm, &obj)? {
        return Ok(Value::None);
    }
    let flushed = call_method(vm, &obj, "flush", &[]);
    vm.setattr(&obj, &Vm::str_val(CLOSED_ATTR), Value::Bool(true))?;
    flushed.map(|_| Value::None)
}

/// `__del__` (CPython's finalizer of every io object): closes a stream still open, so a
/// file dropped without `close()` is flushed; what closing raises is dropped, as CPython
/// drops it outside development mode.
fn del(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    let closed = match vm.getattr(&obj, &Vm::str_val("closed")) {
        Ok(c) => vm.truthy(&c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let _ = call_method(vm, &obj, "close", &[]);
    }
    Ok(Value::None)
}

fn fileno(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, &this(a))?;
    Ok(Value::Bool(false))
}

fn enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, &this(a))?;
    Ok(this(a))
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_method(vm, &this(a), "close", &[])
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_closed(vm, &this(a))?;
    Ok(this(a))
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let line = call_method(vm, &this(a), "readline", &[])?;
    if vm.len_of(&line)? == 0 {
        return Err(vm.err_empty(ExcKind::StopIteration));
    }
    Ok(line)
}

/// A size argument: `None` or an int, negative for "no limit".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => vm.ssize_of(v),
    }
}

fn bytes_of(vm: &mut Vm, v: &Value, method: &str) -> PyResult<Vec<u8>> {
    crate::objects::bytearray::bytes_like(v).ok_or_else(|| {
        vm.err(
            ExcKind::OSError,
            format!(
                "{method}() should have returned a bytes object, not '{}'",
                vm.type_name(v)
            ),
        )
    })
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(crate::value::object::BytesData::Owned(
        b.into(),
    )))
}

/// `readline(size=-1)`: bytes up to and including `b"\n"`, read with `peek` when the object
/// has it (to take a whole line at once) and `read` otherwise.
fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    let limit = size_arg(vm, a.get(1))?;
    let peek = vm.getattr_opt(&obj, "peek")?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut want = 1i64;
        if let Some(peek) = &peek {
            let ahead = vm.call(peek, &[Value::Int(1)], &[])?;
            let ahead = bytes_of(vm, &ahead, "peek")?;
            if !ahead.is_empty() {
                let n = match ahead.iter().position(|&b| b == b'\n') {
                    Some(i) => i as i64 + 1,
                    None => ahead.len() as i64,
                };
                want = if limit >= 0 {
                    n.min(limit - out.len() as i64)
                } else {
                    n
                };
            }
        }
        let chunk = call_method(vm, &obj, "read", &[Value::Int(want)])?;
        if matches!(chunk, Value::None) {
            break;
        }
        let chunk = bytes_of(vm, &chunk, "read")?;
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes_val(out))
}

fn readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    let hint = size_arg(vm, a.get(1))?;
    let it = vm.get_iter(&obj)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        total += vm.len_of(&line)?;
        lines.push(line);
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(Vm::new_list(lines))
}

fn writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    check_closed(vm, &obj)?;
    let it = vm.get_iter(&a.pos[1])?;
    while let Some(line) = vm.next(&it)? {
        call_method(vm, &obj, "write", &[line])?;
    }
    Ok(Value::None)
}

/// `RawIOBase.read(size=-1)`: `readinto` a buffer of `size` bytes, or `readall()`.
fn raw_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    let size = size_arg(vm, a.get(1))?;
    if size < 0 {
        return call_method(vm, &obj, "readall", &[]);
    }
    let buf = crate::objects::bytearray::new_bytearray(vm, vec![0; size as usize]);
    let n = call_method(vm, &obj, "readinto", std::slice::from_ref(&buf))?;
    if matches!(n, Value::None) {
        return Ok(Value::None);
    }
    let n = vm.ssize_of(&n)?;
    if n < 0 || n > size {
        return Err(vm.value_error(format!("readinto returned {n} outside buffer size {size}")));
    }
    let data = crate::objects::bytearray::bytes_like(&buf).unwrap_or_default();
    Ok(bytes_val(data[..n as usize].to_vec()))
}

/// `RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until it gives nothing.
fn raw_readall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = this(a);
    let mut out = Vec::new();
    loop {
        let chunk = call_method(vm, &obj, "read", &[Value::Int(8192)])?;
        if matches!(chunk, Value::None) {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let chunk = bytes_of(vm, &chunk, "read")?;
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
    }
    Ok(bytes_val(out))
}

fn not_implemented(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err_empty(ExcKind::NotImplementedError))
}

fn unsupported_read(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn unsupported_read1(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn unsupported_readline(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

fn unsupported_write(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn unsupported_detach(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

/// `BufferedIOBase.readinto(b)`: `read(len(b))` copied into `b`.
fn readinto_with(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    let obj = this(a);
    let target = a.pos[1].clone();
    let n = vm.len_of(&target)?;
    let data = call_method(vm, &obj, method, &[Value::Int(n as i64)])?;
    let data = bytes_of(vm, &data, method)?;
    if data.len() > n {
        return Err(vm.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    let count = data.len();
    let slice = Value::obj(Object::Slice {
        start: Value::Int(0),
        stop: Value::Int(count as i64),
        step: Value::None,
    });
    vm.setitem(&target, slice, bytes_val(data))?;
    Ok(Value::Int(count as i64))
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_with(vm, a, "read")
}

fn readinto1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    readinto_with(vm, a, "read1")
}
