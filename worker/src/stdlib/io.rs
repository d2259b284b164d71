//! `_io`: in-memory streams (`StringIO`, `BytesIO`), the text streams behind `sys.stdout`,
//! `sys.stderr` and `sys.stdin` (stdout writes into the output `print` produces; stdin reads
//! the process's standard input under the host-files capability, else is at end of file), the
//! base classes `io.py` derives from, and the names it imports. `open` and `FileIO` are
//! `fileio.rs`'s, the buffered types `buffered.rs`'s.

use super::{native_class, native_type, new_cls, new_native, parse_args, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const DEFAULT_BUFFER_SIZE: i64 = 8192;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("open", super::fileio::open),
    NativeFn::new("open_code", super::fileio::open_code),
    NativeFn::new("text_encoding", text_encoding),
];

static STRINGIO_METHODS: &[NativeFn] = &[
    NativeFn::new("StringIO", stringio_new),
    NativeFn::new("StringIO.__init__", stringio_init),
    NativeFn::method("StringIO.getvalue", s_getvalue, Arity::NoArgs, None),
    NativeFn::method("StringIO.read", s_read, Arity::Range(0, 1), None),
    NativeFn::method("StringIO.readline", s_readline, Arity::Range(0, 1), None),
    NativeFn::method("StringIO.readlines", s_readlines, Arity::Range(0, 1), None),
    NativeFn::method("StringIO.write", s_write, Arity::One, None),
    NativeFn::method("StringIO.writelines", writelines, Arity::One, None),
    NativeFn::method("StringIO.seek", s_seek, Arity::Range(1, 2), None),
    NativeFn::method("StringIO.tell", s_tell, Arity::NoArgs, None),
    NativeFn::method("StringIO.truncate", s_truncate, Arity::Range(0, 1), None),
    NativeFn::method("StringIO.close", s_close, Arity::NoArgs, None),
    NativeFn::method("StringIO.flush", s_flush, Arity::NoArgs, None),
    NativeFn::method("StringIO.readable", s_able, Arity::NoArgs, None),
    NativeFn::method("StringIO.writable", s_able, Arity::NoArgs, None),
    NativeFn::method("StringIO.seekable", s_able, Arity::NoArgs, None),
    NativeFn::method("StringIO.isatty", s_isatty, Arity::NoArgs, None),
    NativeFn::method("StringIO.fileno", fileno_unsupported, Arity::NoArgs, None),
    NativeFn::method("StringIO.detach", detach_unsupported, Arity::NoArgs, None),
    NativeFn::method("StringIO.__enter__", s_enter, Arity::NoArgs, None),
    NativeFn::method("StringIO.__exit__", s_exit, Arity::Range(0, 3), None),
    NativeFn::method("StringIO.__iter__", s_enter, Arity::NoArgs, None),
    NativeFn::method("StringIO.__next__", s_next, Arity::NoArgs, None),
];
static S_CLOSED: NativeFn = NativeFn::new("closed", s_closed);
static S_NEWLINES: NativeFn = NativeFn::new("newlines", s_newlines);
static S_LINE_BUFFERING: NativeFn = NativeFn::new("line_buffering", s_line_buffering);

static BYTESIO_METHODS: &[NativeFn] = &[
    NativeFn::new("BytesIO", bytesio_new),
    NativeFn::new("BytesIO.__init__", bytesio_init),
    NativeFn::method("BytesIO.getvalue", b_getvalue, Arity::NoArgs, None),
    NativeFn::method("BytesIO.getbuffer", b_getbuffer, Arity::NoArgs, None),
    NativeFn::method("BytesIO.readinto", b_readinto, Arity::One, None),
    NativeFn::method("BytesIO.read", b_read, Arity::Range(0, 1), None),
    NativeFn::method("BytesIO.read1", b_read, Arity::Range(0, 1), None),
    NativeFn::method("BytesIO.readline", b_readline, Arity::Range(0, 1), None),
    NativeFn::method("BytesIO.readlines", b_readlines, Arity::Range(0, 1), None),
    NativeFn::method("BytesIO.write", b_write, Arity::One, None),
    NativeFn::method("BytesIO.writelines", writelines, Arity::One, None),
    NativeFn::method("BytesIO.seek", b_seek, Arity::Range(1, 2), None),
    NativeFn::method("BytesIO.tell", b_tell, Arity::NoArgs, None),
    NativeFn::method("BytesIO.truncate", b_truncate, Arity::Range(0, 1), None),
    NativeFn::method("BytesIO.close", b_close, Arity::NoArgs, None),
    NativeFn::method("BytesIO.flush", b_flush, Arity::NoArgs, None),
    NativeFn::method("BytesIO.readable", b_able, Arity::NoArgs, None),
    NativeFn::method("BytesIO.writable", b_able, Arity::NoArgs, None),
    NativeFn::method("BytesIO.seekable", b_able, Arity::NoArgs, None),
    NativeFn::method("BytesIO.isatty", b_isatty, Arity::NoArgs, None),
    NativeFn::method("BytesIO.fileno", fileno_unsupported, Arity::NoArgs, None),
    NativeFn::method("BytesIO.detach", detach_unsupported, Arity::NoArgs, None),
    NativeFn::method("BytesIO.__enter__", b_enter, Arity::NoArgs, None),
    NativeFn::method("BytesIO.__exit__", b_exit, Arity::Range(0, 3), None),
    NativeFn::method("BytesIO.__iter__", b_enter, Arity::NoArgs, None),
    NativeFn::method("BytesIO.__next__", b_next, Arity::NoArgs, None),
];
static B_CLOSED: NativeFn = NativeFn::new("closed", b_closed);

static DECODER_METHODS: &[NativeFn] = &[
    NativeFn::new("IncrementalNewlineDecoder", decoder_new),
    NativeFn::new("IncrementalNewlineDecoder.__init__", decoder_init),
    NativeFn::new("IncrementalNewlineDecoder.decode", decoder_decode),
    NativeFn::method(
        "IncrementalNewlineDecoder.reset",
        decoder_reset,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "IncrementalNewlineDecoder.getstate",
        decoder_getstate,
        Arity::NoArgs,
        None,
    ),
];

static RWPAIR_METHODS: &[NativeFn] = &[NativeFn::new("BufferedRWPair", rwpair_new)];

/// `BufferedRWPair` is not offered (no pipes in a worker).
fn rwpair_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(
        ExcKind::NotImplementedError,
        "BufferedRWPair is not supported by this interpreter",
    ))
}

// ----- shared -----

fn closed_error(vm: &Vm) -> ObjRef {
    vm.value_error("I/O operation on closed file")
}

fn unsupported(vm: &mut Vm, msg: &str) -> ObjRef {
    let cls = native_class(vm, "io.UnsupportedOperation");
    vm.make_exc(&cls, vec![Vm::str_val(msg)])
}

fn fileno_unsupported(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn detach_unsupported(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn text_encoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "text_encoding", &["encoding", "stacklevel"], 1, 2)?;
    Ok(match args[0] {
        Some(Value::None) | None => Vm::str_val("locale"),
        Some(e) => e.clone(),
    })
}

/// `-1`/`None` (everything) or a size.
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    Ok(optional_size(vm, v)?.and_then(|n| usize::try_from(n).ok()))
}

/// An optional size argument (`None`: absent), converted as CPython's C converter does.
fn optional_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            // CPython's optional size converter: anything with `__index__`, else its own words.
            let n = match vm.index_of(v) {
                Err(e) if vm.exc_matches(&e, ExcKind::TypeError) && !has_index(vm, v) => {
                    return Err(vm.type_error(format!(
                        "argument should be integer or None, not '{}'",
                        vm.type_name(v)
                    )))
                }
                other => other?,
            };
            Ok(Some(n))
        }
    }
}

fn has_index(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || vm.lookup_class_attr(&vm.type_of(v), "__index__").is_some()
}

fn writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.get(0).cloned().unwrap_or(Value::None);
    let lines = a.get(1).cloned().unwrap_or(Value::None);
    let write = vm.getattr(&me, &Vm::str_val("write"))?;
    let it = vm.collect(&lines)?;
    for line in it {
        vm.call(&write, &[line], &[])?;
    }
    Ok(Value::None)
}

// ----- StringIO -----

/// A text buffer of code points with a position, as CPython's `StringIO` (positions count
/// code points).
struct StringIO {
    buf: Vec<char>,
    pos: usize,
    closed: bool,
    /// `newline`: `None` (universal), `""`, `"\n"`, `"\r"` or `"\r\n"`.
    newline: Option<String>,
    /// Line endings seen when translating (`newlines`): bit 1 `\r`, 2 `\n`, 4 `\r\n`.
    seen: u8,
}

impl NativeState for StringIO {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn stringio_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = new_cls(vm, a);
    let native = native_class(vm, "_io.StringIO");
    Ok(new_native(
        cls,
        native,
        None,
        StringIO {
            buf: Vec::new(),
            pos: 0,
            closed: false,
            newline: Some("\n".into()),
            seen: 0,
        },
    ))
}

fn stringio_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "StringIO", &["initial_value", "newline"], 0, 2)?;
    let newline = match args[1] {
        None => Some("\n".to_string()),
        Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s @ ("" | "\n" | "\r" | "\r\n")) => Some(s.to_string()),
            Some(s) => {
                let r = vm.repr(&Vm::str_val(s))?;
                return Err(vm.value_error(format!("illegal newline value: {r}")));
            }
            None => {
                return Err(vm.type_error(format!(
                    "newline must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let initial = match args[0] {
        None | Some(Value::None) => String::new(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let s = sio(vm, a)?;
    s.buf.clear();
    s.pos = 0;
    s.closed = false;
    s.newline = newline;
    s.seen = 0;
    if !initial.is_empty() {
        sio_write(s, &initial);
        s.pos = 0;
    }
    Ok(Value::None)
}

fn sio<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut StringIO> {
    receiver::<StringIO>(vm, a, "_io.StringIO", "method")
}

/// The receiver, refusing a closed buffer.
fn sio_open<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut StringIO> {
    let s = sio(vm, a)?;
    if s.closed {
        return Err(closed_error(vm));
    }
    Ok(s)
}

/// Writes `text` at the position after newline translation; returns nothing (the caller
/// reports the length of the text given, as CPython does).
fn sio_write(s: &mut StringIO, text: &str) {
    let translated: String = match s.newline.as_deref() {
        // Universal mode: `\r\n` and `\r` become `\n` on the way in.
        None => {
            let mut out = String::with_capacity(text.len());
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' if chars.peek() == Some(&'\n') => {
                        chars.next();
                        s.seen |= 4;
                        out.push('\n');
                    }
                    '\r' => {
                        s.seen |= 1;
                        out.push('\n');
                    }
                    '\n' => {
                        s.seen |= 2;
                        out.push('\n');
                    }
                    c => out.push(c),
                }
            }
            out
        }
        Some(nl @ ("\r" | "\r\n")) => text.replace('\n', nl),
        // Untranslated, but the line endings seen are still reported.
        Some("") => {
            let crlf = text.matches("\r\n").count();
            for (bit, n) in [
                (1, text.matches('\r').count() - crlf),
                (2, text.matches('\n').count() - crlf),
                (4, crlf),
            ] {
                if n > 0 {
                    s.seen |= bit;
                }
            }
            text.to_string()
        }
        _ => text.to_string(),
    };
    let chars: Vec<char> = translated.chars().collect();
    if s.pos > s.buf.len() {
        s.buf.resize(s.pos, '\0');
    }
    let end = s.pos + chars.len();
    if end > s.buf.len() {
        s.buf.resize(end, '\0');
    }
    s.buf[s.pos..end].copy_from_slice(&chars);
    s.pos = end;
}

fn s_getvalue(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sio_open(vm, a)?;
    Ok(Vm::str_val(s.buf.iter().collect::<String>()))
}

fn s_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    let s = sio_open(vm, a)?;
    let start = s.pos.min(s.buf.len());
    let end = match n {
        Some(n) => (start + n).min(s.buf.len()),
        None => s.buf.len(),
    };
    s.pos = s.pos.max(end);
    Ok(Vm::str_val(s.buf[start..end].iter().collect::<String>()))
}

/// The end of the line starting at `start` (after its terminator), reading at most `limit`.
fn line_end(s: &StringIO, start: usize, limit: Option<usize>) -> usize {
    let max = match limit {
        Some(n) => (start + n).min(s.buf.len()),
        None => s.buf.len(),
    };
    let buf = &s.buf[..max];
    let mut i = start;
    match s.newline.as_deref() {
        // Any of `\r`, `\n`, `\r\n` ends a line.
        Some("") => {
            while i < max {
                match buf[i] {
                    '\n' => return i + 1,
                    '\r' => {
                        if i + 1 < s.buf.len() && s.buf[i + 1] == '\n' && i + 1 < max {
                            return i + 2;
                        }
                        return i + 1;
                    }
                    _ => i += 1,
                }
            }
            max
        }
        Some("\r") => {
            while i < max {
                if buf[i] == '\r' {
                    return i + 1;
                }
                i += 1;
            }
            max
        }
        Some("\r\n") => {
            while i + 1 < max {
                if buf[i] == '\r' && buf[i + 1] == '\n' {
                    return i + 2;
                }
                i += 1;
            }
            max
        }
        _ => {
            while i < max {
                if buf[i] == '\n' {
                    return i + 1;
                }
                i += 1;
            }
            max
        }
    }
}

fn sio_readline(s: &mut StringIO, limit: Option<usize>) -> String {
    let start = s.pos.min(s.buf.len());
    let end = line_end(s, start, limit);
    s.pos = s.pos.max(end);
    s.buf[start..end].iter().collect()
}

fn s_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    let s = sio_open(vm, a)?;
    Ok(Vm::str_val(sio_readline(s, n)))
}

fn s_readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let hint = size_arg(vm, a.get(1))?.filter(|h| *h > 0);
    let s = sio_open(vm, a)?;
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let line = sio_readline(s, None);
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        out.push(Vm::str_val(line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Vm::new_list(out))
}

fn s_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(1).cloned().unwrap_or(Value::None);
    let Some(text) = v.as_str() else {
        sio_open(vm, a)?;
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(&v)
        )));
    };
    let s = sio_open(vm, a)?;
    let n = text.chars().count();
    if n > 0 {
        sio_write(s, text);
    }
    Ok(Value::Int(n as i64))
}

fn s_seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = vm.index_of(&a.get(1).cloned().unwrap_or(Value::None))?;
    let whence = match a.get(2) {
        Some(w) => vm.index_of(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    let s = sio_open(vm, a)?;
    if whence == 0 && pos < 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.err(ExcKind::OSError, "Can't do nonzero cur-relative seeks"));
    }
    s.pos = match whence {
        0 => pos as usize,
        1 => s.pos,
        _ => s.buf.len(),
    };
    Ok(Value::Int(s.pos as i64))
}

fn s_tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(sio_open(vm, a)?.pos as i64))
}

fn s_truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let size = optional_size(vm, a.get(1))?;
    let s = sio_open(vm, a)?;
    let size = size.unwrap_or(s.pos as i64);
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < s.buf.len() {
        s.buf.truncate(size);
    }
    Ok(Value::Int(size as i64))
}

fn s_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sio(vm, a)?;
    s.closed = true;
    s.buf = Vec::new();
    Ok(Value::None)
}

fn s_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sio_open(vm, a)?;
    Ok(Value::None)
}

fn s_able(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sio_open(vm, a)?;
    Ok(Value::Bool(true))
}

fn s_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sio_open(vm, a)?;
    Ok(Value::Bool(false))
}

fn s_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sio_open(vm, a)?;
    Ok(a.get(0).cloned().unwrap_or(Value::None))
}

fn s_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.get(0).cloned().unwrap_or(Value::None);
    let close = vm.getattr(&me, &Vm::str_val("close"))?;
    vm.call(&close, &[], &[])?;
    Ok(Value::None)
}

fn s_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sio_open(vm, a)?;
    let line = sio_readline(s, None);
    if line.is_empty() {
        return Err(vm.err_empty(ExcKind::StopIteration));
    }
    Ok(Vm::str_val(line))
}

fn s_closed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(sio(vm, a)?.closed))
}

fn s_line_buffering(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sio_open(vm, a)?;
    Ok(Value::Bool(false))
}

fn s_newlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = sio_open(vm, a)?;
    if !matches!(s.newline.as_deref(), None | Some("")) {
        return Ok(Value::None);
    }
    let names: Vec<&str> = [(1, "\r"), (2, "\n"), (4, "\r\n")]
        .iter()
        .filter(|(b, _)| s.seen & b != 0)
        .map(|(_, n)| *n)
        .collect();
    Ok(match names.len() {
        0 => Value::None,
        1 => Vm::str_val(names[0]),
        _ => Vm::new_tuple(names.into_iter().map(Vm::str_val).collect()),
    })
}

// ----- BytesIO -----

struct BytesIO {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
    /// While `getbuffer()` views are alive: the bytearray they look at, holding the
    /// contents (writes through a view land there and are read back before each operation).
    export: Value,
}

impl NativeState for BytesIO {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.export);
    }
}

impl BytesIO {
    /// Takes back the contents from the exported bytearray: for good once no view is left,
    /// else a copy with what the views wrote.
    fn sync(&mut self) {
        let Some(shared) =
            crate::stdlib::state_of::<crate::objects::bytearray::ByteArray>(&self.export)
        else {
            return;
        };
        if shared.exports == 0 {
            self.buf = std::mem::take(&mut shared.data);
            self.export = Value::None;
        } else {
            self.buf.clone_from(&shared.data);
        }
    }

    /// CPython's refusal to resize or close a stream whose buffer is exported.
    fn check_exports(&self, vm: &Vm) -> PyResult<()> {
        if matches!(self.export, Value::None) {
            return Ok(());
        }
        Err(vm.err(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ))
    }
}

fn bytes_val(b: &[u8]) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytearray::bytes_like(v) {
        return Ok(b);
    }
    match v.body() {
        Some(Object::Bytes(b)) => Ok(b.to_vec()),
        Some(Object::Instance(i)) => match i.base.body() {
            Some(Object::Bytes(b)) => Ok(b.to_vec()),
            _ => Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(v)
            ))),
        },
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn bytesio_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = new_cls(vm, a);
    let native = native_class(vm, "_io.BytesIO");
    Ok(new_native(
        cls,
        native,
        None,
        BytesIO {
            buf: Vec::new(),
            pos: 0,
            closed: false,
            export: Value::None,
        },
    ))
}

fn bytesio_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "BytesIO", &["initial_bytes"], 0, 1)?;
    let initial = match args[0] {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_arg(vm, v)?,
    };
    let b = bio(vm, a)?;
    b.check_exports(vm)?;
    b.buf = initial;
    b.pos = 0;
    b.closed = false;
    Ok(Value::None)
}

fn bio<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut BytesIO> {
    let b = receiver::<BytesIO>(vm, a, "_io.BytesIO", "method")?;
    b.sync();
    Ok(b)
}

fn bio_open<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut BytesIO> {
    let b = bio(vm, a)?;
    if b.closed {
        // CPython's BytesIO words it with a full stop, StringIO without.
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(b)
}

fn b_getvalue(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(bytes_val(&bio_open(vm, a)?.buf))
}

/// A memoryview sharing the contents: writes through it change the stream, and while one
/// lives the stream cannot be resized or closed.
fn b_getbuffer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bio_open(vm, a)?;
    if matches!(b.export, Value::None) {
        b.export = crate::objects::bytearray::new_bytearray(vm, b.buf.clone());
    }
    let shared = b.export.clone();
    let memoryview = vm
        .builtins
        .get("memoryview")
        .cloned()
        .unwrap_or(Value::None);
    vm.call(&memoryview, &[shared], &[])
}

/// Reads into a bytearray, up to its length; the number of bytes read.
fn b_readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // Any writable buffer (bytearray, a writable memoryview, an array), as FileIO takes.
    let target = a.pos[1].clone();
    bio_open(vm, a)?;
    let (room, view) = super::fileio::writable_buffer(vm, &target)?;
    let b = bio_open(vm, a)?;
    let start = b.pos.min(b.buf.len());
    let n = room.min(b.buf.len() - start);
    let data = b.buf[start..start + n].to_vec();
    b.pos = start + n;
    super::fileio::fill_buffer(vm, &target, &view, data)?;
    Ok(Value::Int(n as i64))
}

fn b_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    let b = bio_open(vm, a)?;
    let start = b.pos.min(b.buf.len());
    let end = match n {
        Some(n) => (start + n).min(b.buf.len()),
        None => b.buf.len(),
    };
    b.pos = b.pos.max(end);
    Ok(bytes_val(&b.buf[start..end]))
}

fn bio_readline(b: &mut BytesIO, limit: Option<usize>) -> Vec<u8> {
    let start = b.pos.min(b.buf.len());
    let max = match limit {
        Some(n) => (start + n).min(b.buf.len()),
        None => b.buf.len(),
    };
    let end = match b.buf[start..max].iter().position(|&c| c == b'\n') {
        Some(i) => start + i + 1,
        None => max,
    };
    b.pos = b.pos.max(end);
    b.buf[start..end].to_vec()
}

fn b_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = size_arg(vm, a.get(1))?;
    let b = bio_open(vm, a)?;
    Ok(bytes_val(&bio_readline(b, n)))
}

fn b_readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // `BytesIO.readlines` converts its hint in other words than the sizes of `read`.
    let hint = match a.get(1) {
        Some(v) if !matches!(v, Value::None) && !has_index(vm, v) => {
            return Err(vm.type_error(format!(
                "integer argument expected, got '{}'",
                vm.type_name(v)
            )))
        }
        v => size_arg(vm, v)?,
    }
    .filter(|h| *h > 0);
    let b = bio_open(vm, a)?;
    let mut out = Vec::new();
    let mut total = 0;
    loop {
        let line = bio_readline(b, None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        out.push(bytes_val(&line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(Vm::new_list(out))
}

fn b_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bio_open(vm, a)?;
    let data = bytes_arg(vm, &a.get(1).cloned().unwrap_or(Value::None))?;
    let b = bio_open(vm, a)?;
    b.check_exports(vm)?;
    if data.is_empty() {
        return Ok(Value::Int(0));
    }
    if b.pos > b.buf.len() {
        b.buf.resize(b.pos, 0);
    }
    let end = b.pos + data.len();
    if end > b.buf.len() {
        b.buf.resize(end, 0);
    }
    b.buf[b.pos..end].copy_from_slice(&data);
    b.pos = end;
    Ok(Value::Int(data.len() as i64))
}

fn b_seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = vm.index_of(&a.get(1).cloned().unwrap_or(Value::None))?;
    let whence = match a.get(2) {
        Some(w) => vm.index_of(w)?,
        None => 0,
    };
    let b = bio_open(vm, a)?;
    let new = match whence {
        0 if pos < 0 => return Err(vm.value_error(format!("negative seek value {pos}"))),
        0 => pos,
        1 => (b.pos as i64).saturating_add(pos).max(0),
        2 => (b.buf.len() as i64).saturating_add(pos).max(0),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    b.pos = new as usize;
    Ok(Value::Int(new))
}

fn b_tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(bio_open(vm, a)?.pos as i64))
}

fn b_truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let size = optional_size(vm, a.get(1))?;
    let b = bio_open(vm, a)?;
    b.check_exports(vm)?;
    let size = size.unwrap_or(b.pos as i64);
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    if (size as usize) < b.buf.len() {
        b.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn b_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bio(vm, a)?;
    b.check_exports(vm)?;
    b.closed = true;
    b.buf = Vec::new();
    Ok(Value::None)
}

fn b_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bio_open(vm, a)?;
    Ok(Value::None)
}

fn b_able(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bio_open(vm, a)?;
    Ok(Value::Bool(true))
}

fn b_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bio_open(vm, a)?;
    Ok(Value::Bool(false))
}

fn b_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bio_open(vm, a)?;
    Ok(a.get(0).cloned().unwrap_or(Value::None))
}

fn b_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_exit(vm, a)
}

fn b_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bio_open(vm, a)?;
    let line = bio_readline(b, None);
    if line.is_empty() {
        return Err(vm.err_empty(ExcKind::StopIteration));
    }
    Ok(bytes_val(&line))
}

fn b_closed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(bio(vm, a)?.closed))
}

// ----- the standard streams -----

/// `sys.stdin` (0), `sys.stdout` (1) or `sys.stderr` (2).
pub(crate) struct StdStream {
    fd: u8,
    /// Its binary layer (`sys.stdout.buffer`), made on first use.
    buffer: Option<Value>,
}

impl NativeState for StdStream {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(b) = &self.buffer {
            f(b);
        }
    }
}

/// The binary layer of a standard stream: bytes written go where the stream's text goes, in
/// order with it (under `permafrost run` the bytes themselves; in a job's captured output,
/// which is text, as UTF-8 with invalid sequences replaced); stdin's reads give bytes.
struct StdBuffer {
    fd: u8,
}

impl NativeState for StdBuffer {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

const STD_BUFFER: &str = "_io._StdBuffer";

static STD_BUFFER_METHODS: &[NativeFn] = &[
    NativeFn::method("_StdBuffer.write", sb_write, Arity::One, None),
    NativeFn::method("_StdBuffer.flush", sb_flush, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.read", sb_read, Arity::Range(0, 1), None),
    NativeFn::method("_StdBuffer.read1", sb_read, Arity::Range(0, 1), None),
    NativeFn::method("_StdBuffer.readline", sb_readline, Arity::Range(0, 1), None),
    NativeFn::method("_StdBuffer.readable", sb_readable, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.writable", sb_writable, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.seekable", sb_false, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.isatty", sb_false, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.fileno", sb_fileno, Arity::NoArgs, None),
    NativeFn::method("_StdBuffer.__repr__", sb_repr, Arity::NoArgs, None),
];

/// `sys.stdout.buffer` and its kin: one per stream.
pub(crate) fn std_buffer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = stream(vm, a)?;
    if let Some(b) = &s.buffer {
        return Ok(b.clone());
    }
    let fd = s.fd;
    if !vm.native_types.contains_key(STD_BUFFER) {
        let base = native_class(vm, "_io._BufferedIOBase");
        native_type(vm, STD_BUFFER, Some(base), STD_BUFFER_METHODS, false);
    }
    let t = native_class(vm, STD_BUFFER);
    let b = new_native(t.clone(), t, None, StdBuffer { fd });
    stream(vm, a)?.buffer = Some(b.clone());
    Ok(b)
}

fn std_buffer_fd(vm: &Vm, a: &Args) -> PyResult<u8> {
    Ok(receiver::<StdBuffer>(vm, a, STD_BUFFER, "method")?.fd)
}

fn sb_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::io::Write;
    let fd = std_buffer_fd(vm, a)?;
    if fd == 0 {
        return Err(unsupported(vm, "write"));
    }
    let Some(data) = crate::objects::bytearray::bytes_like(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a.pos[1])
        )));
    };
    match (fd, &vm.sink) {
        (1, crate::vm::Sink::Capture) => vm.write_out(&String::from_utf8_lossy(&data)),
        (1, _) => {
            vm.flush_out();
            let mut out = std::io::stdout().lock();
            // A closed stdout is not the program's error, as for text.
            let _ = out.write_all(&data);
            let _ = out.flush();
        }
        _ => {
            vm.flush_out();
            let _ = std::io::stderr().write_all(&data);
        }
    }
    Ok(Value::Int(data.len() as i64))
}

fn sb_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if std_buffer_fd(vm, a)? == 1 {
        vm.flush_out();
    }
    Ok(Value::None)
}

fn sb_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if std_buffer_fd(vm, a)? != 0 {
        return Err(unsupported(vm, "read"));
    }
    let n = size_arg(vm, a.get(1))?;
    if !vm.host_files {
        return Ok(bytes_val(&[]));
    }
    let data = match n {
        None => {
            while stdin_fill() {}
            stdin_take(usize::MAX)
        }
        Some(n) => {
            while STDIN.with(|s| s.borrow().0.len()) < n && stdin_fill() {}
            stdin_take(n)
        }
    };
    Ok(bytes_val(&data))
}

fn sb_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if std_buffer_fd(vm, a)? != 0 {
        return Err(unsupported(vm, "readline"));
    }
    let n = size_arg(vm, a.get(1))?;
    if !vm.host_files {
        return Ok(bytes_val(&[]));
    }
    Ok(bytes_val(&stdin_line(n)))
}

fn sb_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(std_buffer_fd(vm, a)? == 0))
}

fn sb_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(std_buffer_fd(vm, a)? != 0))
}

fn sb_false(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    std_buffer_fd(vm, a)?;
    Ok(Value::Bool(false))
}

fn sb_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(std_buffer_fd(vm, a)? as i64))
}

fn sb_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = std_buffer_fd(vm, a)?;
    let kind = if fd == 0 { "Reader" } else { "Writer" };
    Ok(Vm::str_val(format!(
        "<_io.Buffered{kind} name='{}'>",
        stream_name(fd)
    )))
}

/// The three standard streams (built with the `_io` types).
pub(crate) fn std_streams(vm: &mut Vm) -> (Value, Value, Value) {
    if !vm.native_types.contains_key("_io.TextIOWrapper") {
        init_types(vm);
    }
    let t = native_class(vm, "_io.TextIOWrapper");
    let mk = |fd| new_native(t.clone(), t.clone(), None, StdStream { fd, buffer: None });
    (mk(0), mk(1), mk(2))
}

/// Writes `s` to the program's standard output (where `print` writes).
pub(crate) fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    vm.write_out(s);
    Ok(())
}

/// Writes `s` to the process's standard error, after what stdout holds so far.
pub(crate) fn write_stderr(vm: &mut Vm, s: &str) {
    use std::io::Write;
    vm.flush_out();
    // A closed stderr is not the program's error.
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// Which standard stream `v` is, if it is one.
pub(crate) fn std_fd(v: &Value) -> Option<u8> {
    state_of::<StdStream>(v).map(|s| s.fd)
}

fn stream<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut StdStream> {
    receiver::<StdStream>(vm, a, "_io.TextIOWrapper", "method")
}

pub(crate) fn t_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = stream(vm, a)?.fd;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    let Some(s) = v.as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    let n = s.chars().count();
    match fd {
        0 => return Err(unsupported(vm, "not writable")),
        1 => vm.write_out(s),
        _ => write_stderr(vm, s),
    }
    Ok(Value::Int(n as i64))
}

pub(crate) fn t_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if stream(vm, a)?.fd == 1 {
        vm.flush_out();
    }
    Ok(Value::None)
}

thread_local! {
    /// Standard input read from the process but not yet handed out (bytes, after newline
    /// translation), and whether the end was reached.
    static STDIN: std::cell::RefCell<(Vec<u8>, bool)> = const {
        std::cell::RefCell::new((Vec::new(), false))
    };
}

/// Universal newlines on the way in: `\r\n` and `\r` become `\n`.
fn translate_newlines(b: Vec<u8>) -> Vec<u8> {
    if !b.contains(&b'\r') {
        return b;
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    out
}

/// Reads one more line of the process's standard input into the pending bytes; false at
/// the end.
fn stdin_fill() -> bool {
    use std::io::BufRead;
    STDIN.with(|s| {
        let mut s = s.borrow_mut();
        if s.1 {
            return false;
        }
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => {
                s.1 = true;
                false
            }
            Ok(_) => {
                s.0.extend(translate_newlines(line));
                true
            }
        }
    })
}

/// Takes `n` bytes of pending standard input.
fn stdin_take(n: usize) -> Vec<u8> {
    STDIN.with(|s| {
        let mut s = s.borrow_mut();
        let n = n.min(s.0.len());
        s.0.drain(..n).collect()
    })
}

/// The end of the first `n` characters of `b` (UTF-8), or None if `b` holds fewer.
fn char_boundary(b: &[u8], n: usize) -> Option<usize> {
    let mut count = 0;
    for (i, &c) in b.iter().enumerate() {
        if c & 0xC0 != 0x80 {
            if count == n {
                return Some(i);
            }
            count += 1;
        }
    }
    (count == n).then_some(b.len())
}

/// One line of standard input (with its `\n`), at most `limit` characters; empty at the end.
fn stdin_line(limit: Option<usize>) -> Vec<u8> {
    loop {
        let found = STDIN.with(|s| {
            let s = s.borrow();
            let nl = s.0.iter().position(|&c| c == b'\n').map(|i| i + 1);
            let cap = limit.and_then(|n| char_boundary(&s.0, n));
            match (nl, cap) {
                (Some(i), Some(j)) => Some(i.min(j)),
                (a, b) => a.or(b),
            }
        });
        if let Some(i) = found {
            return stdin_take(i);
        }
        if !stdin_fill() {
            return stdin_take(usize::MAX);
        }
    }
}

fn stdin_text(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    super::fs::decode_name(vm, b)
}

/// `sys.stdin.read(n=-1)`: the process's standard input under the host-files capability;
/// without it there is none (always at end of file).
pub(crate) fn t_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if stream(vm, a)?.fd != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    let n = size_arg(vm, a.get(1))?;
    if !vm.host_files {
        return Ok(Vm::str_val(""));
    }
    let data = match n {
        None => {
            while stdin_fill() {}
            stdin_take(usize::MAX)
        }
        Some(n) => loop {
            let cut = STDIN.with(|s| char_boundary(&s.borrow().0, n));
            if let Some(i) = cut {
                break stdin_take(i);
            }
            if !stdin_fill() {
                break stdin_take(usize::MAX);
            }
        },
    };
    stdin_text(vm, &data)
}

/// `sys.stdin.readline(size=-1)`.
pub(crate) fn t_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if stream(vm, a)?.fd != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    let n = size_arg(vm, a.get(1))?;
    if !vm.host_files {
        return Ok(Vm::str_val(""));
    }
    let line = stdin_line(n);
    stdin_text(vm, &line)
}

pub(crate) fn t_readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if stream(vm, a)?.fd != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    let mut out = Vec::new();
    if vm.host_files {
        loop {
            let line = stdin_line(None);
            if line.is_empty() {
                break;
            }
            out.push(stdin_text(vm, &line)?);
        }
    }
    Ok(Vm::new_list(out))
}

pub(crate) fn t_false(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    stream(vm, a)?;
    Ok(Value::Bool(false))
}

pub(crate) fn t_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(stream(vm, a)?.fd as i64))
}

pub(crate) fn t_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(stream(vm, a)?.fd == 0))
}

pub(crate) fn t_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(stream(vm, a)?.fd != 0))
}

pub(crate) fn t_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    stream(vm, a)?;
    Ok(Value::None)
}

fn stream_name(fd: u8) -> &'static str {
    match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }
}

pub(crate) fn t_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = stream(vm, a)?.fd;
    let mode = if fd == 0 { "r" } else { "w" };
    Ok(Vm::str_val(format!(
        "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
        stream_name(fd)
    )))
}

pub(crate) fn t_name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(stream_name(stream(vm, a)?.fd)))
}

pub(crate) fn t_mode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(if stream(vm, a)?.fd == 0 { "r" } else { "w" }))
}

// ----- IncrementalNewlineDecoder (over str input) -----

struct Decoder {
    translate: bool,
    pendingcr: bool,
    seen: u8,
    inner: Value,
}

impl NativeState for Decoder {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.inner);
    }
}

fn decoder_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = new_cls(vm, a);
    let native = native_class(vm, "_io.IncrementalNewlineDecoder");
    Ok(new_native(
        cls,
        native,
        None,
        Decoder {
            translate: false,
            pendingcr: false,
            seen: 0,
            inner: Value::None,
        },
    ))
}

fn decoder_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "IncrementalNewlineDecoder",
        &["decoder", "translate", "errors"],
        2,
        3,
    )?;
    let inner = args[0].cloned().unwrap_or(Value::None);
    let translate = vm.truthy(&args[1].cloned().unwrap_or(Value::None))?;
    let d = receiver::<Decoder>(vm, a, "_io.IncrementalNewlineDecoder", "__init__")?;
    d.inner = inner;
    d.translate = translate;
    d.pendingcr = false;
    d.seen = 0;
    Ok(Value::None)
}

fn decoder_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "decode", &["input", "final"], 1, 2)?;
    let input = args[0].cloned().unwrap_or(Value::None);
    let fin = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let inner = receiver::<Decoder>(vm, a, "_io.IncrementalNewlineDecoder", "decode")?
        .inner
        .clone();
    let text = if matches!(inner, Value::None) {
        input
    } else {
        let decode = vm.getattr(&inner, &Vm::str_val("decode"))?;
        let f = Value::Bool(fin);
        vm.call(&decode, &[input, f], &[])?
    };
    let Some(text) = text.as_str() else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&text)
        )));
    };
    let d = receiver::<Decoder>(vm, a, "_io.IncrementalNewlineDecoder", "decode")?;
    let mut s = String::new();
    if d.pendingcr && (!text.is_empty() || fin) {
        s.push('\r');
        d.pendingcr = false;
    }
    s.push_str(text);
    if s.ends_with('\r') && !fin {
        s.pop();
        d.pendingcr = true;
    }
    let crlf = s.matches("\r\n").count();
    let cr = s.matches('\r').count() - crlf;
    let lf = s.matches('\n').count() - crlf;
    if cr > 0 {
        d.seen |= 1;
    }
    if lf > 0 {
        d.seen |= 2;
    }
    if crlf > 0 {
        d.seen |= 4;
    }
    if d.translate {
        s = s.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok(Vm::str_val(s))
}

fn decoder_reset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = receiver::<Decoder>(vm, a, "_io.IncrementalNewlineDecoder", "reset")?;
    d.pendingcr = false;
    d.seen = 0;
    Ok(Value::None)
}

fn decoder_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = receiver::<Decoder>(vm, a, "_io.IncrementalNewlineDecoder", "getstate")?;
    Ok(Vm::new_tuple(vec![
        Vm::str_val(""),
        Value::Int(d.pendingcr as i64),
    ]))
}

// ----- the module -----

fn init_types(vm: &mut Vm) {
    use super::iobase;
    let iobase = native_type(vm, "_io._IOBase", None, iobase::IOBASE_METHODS, false);
    super::add_property(&iobase, "closed", &iobase::IOBASE_CLOSED, None);
    let raw = native_type(
        vm,
        "_io._RawIOBase",
        Some(iobase.clone()),
        iobase::RAW_METHODS,
        false,
    );
    let buffered = native_type(
        vm,
        "_io._BufferedIOBase",
        Some(iobase.clone()),
        iobase::BUFFERED_METHODS,
        false,
    );
    let text = native_type(
        vm,
        "_io._TextIOBase",
        Some(iobase),
        iobase::TEXT_METHODS,
        false,
    );
    for name in ["encoding", "newlines", "errors"] {
        super::add_property(&text, name, &iobase::TEXT_NONE, None);
    }
    let sio_t = native_type(
        vm,
        "_io.StringIO",
        Some(text.clone()),
        STRINGIO_METHODS,
        false,
    );
    super::add_property(&sio_t, "closed", &S_CLOSED, Some(&super::READONLY));
    super::add_property(&sio_t, "newlines", &S_NEWLINES, Some(&super::READONLY));
    super::add_property(
        &sio_t,
        "line_buffering",
        &S_LINE_BUFFERING,
        Some(&super::READONLY),
    );
    super::set_class_attr(&sio_t, "encoding", Value::None);
    super::set_class_attr(&sio_t, "errors", Value::None);
    let bio_t = native_type(
        vm,
        "_io.BytesIO",
        Some(buffered.clone()),
        BYTESIO_METHODS,
        false,
    );
    super::add_property(&bio_t, "closed", &B_CLOSED, Some(&super::READONLY));
    super::textio::init_type(vm, text);
    native_type(
        vm,
        "_io.IncrementalNewlineDecoder",
        None,
        DECODER_METHODS,
        false,
    );
    super::fileio::init_type(vm, raw);
    super::buffered::init_types(vm, buffered.clone());
    native_type(
        vm,
        "_io.BufferedRWPair",
        Some(buffered),
        RWPAIR_METHODS,
        false,
    );
    // Every io type has CPython's finalizer (`_IOBase.__del__`): subclasses defined in Python
    // inherit it through these flags.
    for key in [
        "_io._IOBase",
        "_io._RawIOBase",
        "_io._BufferedIOBase",
        "_io._TextIOBase",
        "_io.StringIO",
        "_io.BytesIO",
        "_io.TextIOWrapper",
        "_io.FileIO",
        "_io.BufferedReader",
        "_io.BufferedWriter",
        "_io.BufferedRandom",
        "_io.BufferedRWPair",
    ] {
        if let Object::Class(c) = native_class(vm, key).get_mut() {
            c.has_del = true;
        }
    }
    let os_error = vm.exc_class(ExcKind::OSError);
    let value_error = vm.exc_class(ExcKind::ValueError);
    super::exception_class(vm, "io.UnsupportedOperation", vec![os_error, value_error]);
}

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    if !vm.native_types.contains_key("_io.TextIOWrapper") {
        init_types(vm);
    }
    let mut constants: Vec<(&str, Value)> =
        vec![("DEFAULT_BUFFER_SIZE", Value::Int(DEFAULT_BUFFER_SIZE))];
    for (name, key) in [
        ("_IOBase", "_io._IOBase"),
        ("_RawIOBase", "_io._RawIOBase"),
        ("_BufferedIOBase", "_io._BufferedIOBase"),
        ("_TextIOBase", "_io._TextIOBase"),
        ("StringIO", "_io.StringIO"),
        ("BytesIO", "_io.BytesIO"),
        ("TextIOWrapper", "_io.TextIOWrapper"),
        ("IncrementalNewlineDecoder", "_io.IncrementalNewlineDecoder"),
        ("FileIO", "_io.FileIO"),
        ("BufferedReader", "_io.BufferedReader"),
        ("BufferedWriter", "_io.BufferedWriter"),
        ("BufferedRWPair", "_io.BufferedRWPair"),
        ("BufferedRandom", "_io.BufferedRandom"),
        ("UnsupportedOperation", "io.UnsupportedOperation"),
    ] {
        constants.push((name, Value::Obj(native_class(vm, key))));
    }
    let blocking = vm.exc_class(ExcKind::BlockingIOError);
    constants.push(("BlockingIOError", Value::Obj(blocking)));
    super::new_module("_io", FUNCTIONS, &constants)
}
