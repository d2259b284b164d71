//! `_io.BufferedReader`, `_io.BufferedWriter` and `_io.BufferedRandom` over any raw stream
//! object (a `FileIO` under `open()`, or what `gzip.GzipFile` and `io.BufferedReader(raw)`
//! read through): a read-ahead buffer in front of the raw object's `readinto`/`readall` and a
//! write buffer in front of its `write`, with CPython's `read`, `read1`, `peek`, `readline`,
//! `readinto`, `write`, `flush`, `tell`/`seek` (both buffers accounted for), `truncate`,
//! `close` and `detach`. The three types share one state; each type's table says which
//! methods it has.

use super::{native_class, new_native, parse_args, receiver};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

pub(crate) const READER: &str = "_io.BufferedReader";
pub(crate) const WRITER: &str = "_io.BufferedWriter";
pub(crate) const RANDOM: &str = "_io.BufferedRandom";
const DEFAULT_BUFFER_SIZE: i64 = 8192;

pub(crate) static READER_METHODS: &[NativeFn] = &[
    NativeFn::new("BufferedReader", reader_new),
    NativeFn::new("BufferedReader.__init__", reader_init),
    NativeFn::method("BufferedReader.read", read, Arity::Range(0, 1), None),
    NativeFn::method("BufferedReader.read1", read1, Arity::Range(0, 1), None),
    NativeFn::method("BufferedReader.peek", peek, Arity::Range(0, 1), None),
    NativeFn::method(
        "BufferedReader.readline",
        readline,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::method("BufferedReader.readinto", readinto, Arity::One, None),
    NativeFn::method("BufferedReader.readinto1", readinto, Arity::One, None),
    NativeFn::method("BufferedReader.tell", tell, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.seek", seek, Arity::Range(1, 2), None),
    NativeFn::method("BufferedReader.close", close, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.detach", detach, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.flush", flush, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.readable", readable, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.seekable", seekable, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("BufferedReader.__repr__", repr, Arity::NoArgs, None),
];

pub(crate) static WRITER_METHODS: &[NativeFn] = &[
    NativeFn::new("BufferedWriter", writer_new),
    NativeFn::new("BufferedWriter.__init__", writer_init),
    NativeFn::method("BufferedWriter.write", write, Arity::One, None),
    NativeFn::method("BufferedWriter.flush", flush, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.tell", tell, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.seek", seek, Arity::Range(1, 2), None),
    NativeFn::method(
        "BufferedWriter.truncate",
        truncate,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::method("BufferedWriter.close", close, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.detach", detach, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.readable", readable, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.writable", writable, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.seekable", seekable, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("BufferedWriter.__repr__", repr, Arity::NoArgs, None),
];

pub(crate) static RANDOM_METHODS: &[NativeFn] = &[
    NativeFn::new("BufferedRandom", random_new),
    NativeFn::new("BufferedRandom.__init__", random_init),
    NativeFn::method("BufferedRandom.read", read, Arity::Range(0, 1), None),
    NativeFn::method("BufferedRandom.read1", read1, Arity::Range(0, 1), None),
    NativeFn::method("BufferedRandom.peek", peek, Arity::Range(0, 1), None),
    NativeFn::method(
        "BufferedRandom.readline",
        readline,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::method("BufferedRandom.readinto", readinto, Arity::One, None),
    NativeFn::method("BufferedRandom.readinto1", readinto, Arity::One, None),
    NativeFn::method("BufferedRandom.write", write, Arity::One, None),
    NativeFn::method("BufferedRandom.flush", flush, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.tell", tell, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.seek", seek, Arity::Range(1, 2), None),
    NativeFn::method(
        "BufferedRandom.truncate",
        truncate,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::method("BufferedRandom.close", close, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.detach", detach, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.readable", readable, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.writable", writable, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.seekable", seekable, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("BufferedRandom.__repr__", repr, Arity::NoArgs, None),
];

pub(crate) static RAW: NativeFn =
    NativeFn::method("BufferedReader.raw", raw_get, Arity::NoArgs, None);
pub(crate) static CLOSED: NativeFn =
    NativeFn::method("BufferedReader.closed", closed_get, Arity::NoArgs, None);
pub(crate) static NAME: NativeFn =
    NativeFn::method("BufferedReader.name", name_get, Arity::NoArgs, None);
pub(crate) static MODE: NativeFn =
    NativeFn::method("BufferedReader.mode", mode_get, Arity::NoArgs, None);

/// The buffered stream: its raw stream (`None` before `__init__` or after `detach`), the
/// bytes read ahead (`buf[pos..]` not yet handed out), the bytes written and not yet handed
/// to the raw stream (`wbuf`), and the chunk size.
struct Reader {
    raw: Value,
    buf: Vec<u8>,
    pos: usize,
    wbuf: Vec<u8>,
    size: usize,
    detached: bool,
}

impl NativeState for Reader {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.raw);
    }
}

impl Reader {
    fn available(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Takes up to `n` buffered bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.available());
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        out
    }
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn state<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Reader> {
    receiver::<Reader>(vm, a, "_io.BufferedReader", method)
}

/// The raw stream, or CPython's errors for a reader never initialised or detached.
fn raw_of(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    let r = state(vm, a, method)?;
    if r.detached {
        return Err(vm.value_error("raw stream has been detached"));
    }
    if matches!(r.raw, Value::None) {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(r.raw.clone())
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.getattr(obj, &Vm::str_val(name))?;
    vm.call(&m, args, &[])
}

fn raw_closed(vm: &mut Vm, raw: &Value) -> PyResult<bool> {
    let c = vm.getattr(raw, &Vm::str_val("closed"))?;
    vm.truthy(&c)
}

/// Raises `ValueError(msg)` when the raw stream is closed (with nothing left buffered).
fn check_closed(vm: &mut Vm, a: &Args, method: &str, msg: &str) -> PyResult<Value> {
    let raw = raw_of(vm, a, method)?;
    if raw_closed(vm, &raw)? && state(vm, a, method)?.available() == 0 {
        return Err(vm.value_error(msg.to_string()));
    }
    Ok(raw)
}

fn make(vm: &mut Vm, a: &Args, key: &str) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, key);
    let me = new_native(
        cls,
        native,
        None,
        Reader {
            raw: Value::None,
            buf: Vec::new(),
            pos: 0,
            wbuf: Vec::new(),
            size: DEFAULT_BUFFER_SIZE as usize,
            detached: false,
        },
    );
    // Closed (and so flushed) when dropped, as CPython's finalizer does.
    crate::vm::call::mark_has_del(&me);
    Ok(me)
}

fn reader_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make(vm, a, READER)
}

fn writer_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make(vm, a, WRITER)
}

fn random_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make(vm, a, RANDOM)
}

/// `BufferedX(raw, buffer_size=DEFAULT_BUFFER_SIZE)`, checking the raw stream can do what
/// the type needs (`checks`: `_checkReadable` ...).
fn init_with(vm: &mut Vm, a: &Args, name: &str, checks: &[&str]) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, name, &["raw", "buffer_size"], 1, 2)?;
    let raw = args[0].cloned().unwrap_or(Value::None);
    let size = match args[1] {
        Some(v) => vm.ssize_of(v)?,
        None => DEFAULT_BUFFER_SIZE,
    };
    for check in checks {
        call_method(vm, &raw, check, &[])?;
    }
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let r = state(vm, a, "__init__")?;
    r.raw = raw;
    r.buf.clear();
    r.pos = 0;
    r.wbuf.clear();
    r.size = size as usize;
    r.detached = false;
    Ok(Value::None)
}

fn reader_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    init_with(vm, a, "BufferedReader", &["_checkReadable"])
}

fn writer_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    init_with(vm, a, "BufferedWriter", &["_checkWritable"])
}

fn random_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    init_with(
        vm,
        a,
        "BufferedRandom",
        &["_checkSeekable", "_checkReadable", "_checkWritable"],
    )
}

/// Hands the write buffer to the raw stream, all of it (a short write is continued).
fn flush_writes(vm: &mut Vm, a: &Args, raw: &Value) -> PyResult<()> {
    loop {
        let r = state(vm, a, "flush")?;
        if r.wbuf.is_empty() {
            return Ok(());
        }
        let chunk = bytes_val(r.wbuf.clone());
        let n = call_method(vm, raw, "write", &[chunk])?;
        if matches!(n, Value::None) {
            return Err(vm.err(
                ExcKind::BlockingIOError,
                "write could not complete without blocking",
            ));
        }
        let n = vm.ssize_of(&n)?;
        let r = state(vm, a, "flush")?;
        if n < 0 || n as usize > r.wbuf.len() {
            return Err(vm.err(
                ExcKind::OSError,
                format!(
                    "raw write() returned invalid length {n} (should have been between 0 and {})",
                    r.wbuf.len()
                ),
            ));
        }
        r.wbuf.drain(..n as usize);
    }
}

/// Before reading or moving: pending writes go out first.
fn settle_writes(vm: &mut Vm, a: &Args, raw: &Value) -> PyResult<()> {
    if state(vm, a, "read")?.wbuf.is_empty() {
        return Ok(());
    }
    flush_writes(vm, a, raw)
}

/// Before writing: the raw position goes back over what was read ahead, so the write lands
/// at the logical position.
fn drop_read_ahead(vm: &mut Vm, a: &Args, raw: &Value) -> PyResult<()> {
    let ahead = state(vm, a, "write")?.available() as i64;
    if ahead > 0 {
        call_method(vm, raw, "seek", &[Value::Int(-ahead), Value::Int(1)])?;
    }
    let r = state(vm, a, "write")?;
    r.buf.clear();
    r.pos = 0;
    Ok(())
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "write")?;
    let Some(data) = crate::objects::bytearray::bytes_like(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a.pos[1])
        )));
    };
    if raw_closed(vm, &raw)? {
        return Err(vm.value_error("write to closed file"));
    }
    drop_read_ahead(vm, a, &raw)?;
    let r = state(vm, a, "write")?;
    r.wbuf.extend_from_slice(&data);
    if r.wbuf.len() >= r.size {
        flush_writes(vm, a, &raw)?;
    }
    Ok(Value::Int(data.len() as i64))
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = check_closed(vm, a, "truncate", "truncate of closed file")?;
    flush_writes(vm, a, &raw)?;
    let pos = match a.get(1) {
        None | Some(Value::None) => tell(vm, &Args::new(&a.pos[..1], &[]))?,
        Some(v) => v.clone(),
    };
    drop_read_ahead(vm, a, &raw)?;
    call_method(vm, &raw, "truncate", &[pos])
}

fn writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "writable")
}

/// One `raw.readinto` of up to `n` bytes: `None` when the raw stream has none available now
/// (non-blocking), empty at end of stream.
fn raw_read(vm: &mut Vm, raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    let buf = crate::objects::bytearray::new_bytearray(vm, vec![0; n]);
    let got = call_method(vm, raw, "readinto", std::slice::from_ref(&buf))?;
    if matches!(got, Value::None) {
        return Ok(None);
    }
    let got = vm.ssize_of(&got)?;
    if got < 0 || got as usize > n {
        return Err(vm.err(
            ExcKind::OSError,
            format!(
                "raw readinto() returned invalid length {got} (should have been between 0 and {n})"
            ),
        ));
    }
    let data = crate::objects::bytearray::bytes_like(&buf).unwrap_or_default();
    Ok(Some(data[..got as usize].to_vec()))
}

/// Reads one chunk from the raw stream into the buffer; false at end of stream.
fn fill(vm: &mut Vm, a: &Args, raw: &Value) -> PyResult<bool> {
    let size = state(vm, a, "read")?.size;
    match raw_read(vm, raw, size)? {
        Some(chunk) if !chunk.is_empty() => {
            let r = state(vm, a, "read")?;
            if r.pos > 0 {
                r.buf.drain(..r.pos);
                r.pos = 0;
            }
            r.buf.extend_from_slice(&chunk);
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => vm.ssize_of(v),
    }
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    let raw = check_closed(vm, a, "read", "read of closed file")?;
    settle_writes(vm, a, &raw)?;
    if n == -1 {
        let mut out = state(vm, a, "read")?.take(usize::MAX);
        let rest = match vm.getattr_opt(&raw, "readall")? {
            Some(readall) => vm.call(&readall, &[], &[])?,
            None => Value::None,
        };
        if let Some(b) = crate::objects::bytearray::bytes_like(&rest) {
            out.extend_from_slice(&b);
        } else {
            while let Some(chunk) = raw_read(vm, &raw, DEFAULT_BUFFER_SIZE as usize)? {
                if chunk.is_empty() {
                    break;
                }
                out.extend_from_slice(&chunk);
            }
        }
        return Ok(bytes_val(out));
    }
    let n = n as usize;
    while state(vm, a, "read")?.available() < n {
        if !fill(vm, a, &raw)? {
            break;
        }
    }
    Ok(bytes_val(state(vm, a, "read")?.take(n)))
}

fn read1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    let raw = check_closed(vm, a, "read1", "read of closed file")?;
    settle_writes(vm, a, &raw)?;
    let n = if n < 0 {
        state(vm, a, "read1")?.size
    } else {
        n as usize
    };
    if n == 0 {
        return Ok(bytes_val(Vec::new()));
    }
    if state(vm, a, "read1")?.available() == 0 {
        fill(vm, a, &raw)?;
    }
    Ok(bytes_val(state(vm, a, "read1")?.take(n)))
}

fn peek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = check_closed(vm, a, "peek", "peek of closed file")?;
    settle_writes(vm, a, &raw)?;
    if state(vm, a, "peek")?.available() == 0 {
        fill(vm, a, &raw)?;
    }
    let r = state(vm, a, "peek")?;
    Ok(bytes_val(r.buf[r.pos..].to_vec()))
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let limit = size_arg(vm, a.get(1))?;
    let raw = check_closed(vm, a, "readline", "readline of closed file")?;
    settle_writes(vm, a, &raw)?;
    let mut out = Vec::new();
    loop {
        let r = state(vm, a, "readline")?;
        let room = if limit < 0 {
            usize::MAX
        } else {
            limit as usize - out.len()
        };
        let avail = &r.buf[r.pos..];
        let upto = avail.iter().position(|&b| b == b'\n').map(|i| i + 1);
        match upto {
            Some(i) if i <= room => {
                out.extend(r.take(i));
                break;
            }
            _ => {
                out.extend(r.take(room));
                if limit >= 0 && out.len() >= limit as usize {
                    break;
                }
            }
        }
        if !fill(vm, a, &raw)? {
            break;
        }
    }
    Ok(bytes_val(out))
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let target = a.pos[1].clone();
    let (n, view) = super::fileio::writable_buffer(vm, &target)?;
    let args = [a.pos[0].clone(), Value::Int(n as i64)];
    let data = read(vm, &Args::new(&args, &[]))?;
    let data = crate::objects::bytearray::bytes_like(&data).unwrap_or_default();
    let count = data.len();
    super::fileio::fill_buffer(vm, &target, &view, data)?;
    Ok(Value::Int(count as i64))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "tell")?;
    let pos = call_method(vm, &raw, "tell", &[])?;
    let pos = vm.ssize_of(&pos)?;
    if pos < 0 {
        return Err(vm.err(
            ExcKind::OSError,
            format!("Raw stream returned invalid position {pos}"),
        ));
    }
    let r = state(vm, a, "tell")?;
    let (ahead, pending) = (r.available() as i64, r.wbuf.len() as i64);
    Ok(Value::Int((pos - ahead).max(0) + pending))
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let target = vm.ssize_of(&a.pos[1])?;
    let whence = match a.get(2) {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    let raw = check_closed(vm, a, "seek", "seek of closed file")?;
    flush_writes(vm, a, &raw)?;
    let ahead = state(vm, a, "seek")?.available() as i64;
    let target = if whence == 1 { target - ahead } else { target };
    let r = state(vm, a, "seek")?;
    r.buf.clear();
    r.pos = 0;
    call_method(vm, &raw, "seek", &[Value::Int(target), Value::Int(whence)])
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "close")?;
    if raw_closed(vm, &raw)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, a, &raw);
    let r = state(vm, a, "close")?;
    r.buf.clear();
    r.pos = 0;
    r.wbuf.clear();
    let closed = call_method(vm, &raw, "close", &[]);
    flushed?;
    closed
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "detach")?;
    flush_writes(vm, a, &raw)?;
    let r = state(vm, a, "detach")?;
    r.detached = true;
    r.raw = Value::None;
    Ok(raw)
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "flush")?;
    if raw_closed(vm, &raw)? {
        return Err(vm.value_error("flush of closed file"));
    }
    flush_writes(vm, a, &raw)?;
    Ok(Value::None)
}

fn delegate(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let raw = raw_of(vm, a, name)?;
    call_method(vm, &raw, name, &[])
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "readable")
}

fn seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "seekable")
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "fileno")
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}

fn raw_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(state(vm, a, "raw")?.raw.clone())
}

fn closed_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "closed")?;
    vm.getattr(&raw, &Vm::str_val("closed"))
}

fn name_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "name")?;
    vm.getattr(&raw, &Vm::str_val("name"))
}

fn mode_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let raw = raw_of(vm, a, "mode")?;
    vm.getattr(&raw, &Vm::str_val("mode"))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.type_of(&a.pos[0]);
    let qual = match cls.get() {
        Object::Class(c) if c.module != "builtins" => format!("{}.{}", c.module, c.qualname),
        Object::Class(c) => c.qualname.clone(),
        _ => "_io.BufferedReader".to_string(),
    };
    let raw = raw_of(vm, a, "__repr__")?;
    match vm.getattr_opt(&raw, "name") {
        Ok(Some(name)) => {
            let name = vm.repr(&name)?;
            Ok(Vm::str_val(format!("<{qual} name={name}>")))
        }
        Ok(None) => Ok(Vm::str_val(format!("<{qual}>"))),
        Err(e) if vm.exc_matches(&e, ExcKind::ValueError) => Ok(Vm::str_val(format!("<{qual}>"))),
        Err(e) => Err(e),
    }
}

/// Registers the three types, deriving from `_io._BufferedIOBase`.
pub(crate) fn init_types(vm: &mut Vm, base: ObjRef) {
    for (key, methods) in [
        (READER, READER_METHODS),
        (WRITER, WRITER_METHODS),
        (RANDOM, RANDOM_METHODS),
    ] {
        let cls = super::native_type(vm, key, Some(base.clone()), methods, false);
        super::add_property(&cls, "raw", &RAW, Some(&super::READONLY));
        super::add_property(&cls, "closed", &CLOSED, Some(&super::READONLY));
        super::add_property(&cls, "name", &NAME, Some(&super::READONLY));
        super::add_property(&cls, "mode", &MODE, Some(&super::READONLY));
    }
}
