//! `_io.TextIOWrapper` over a binary buffer object (`io.TextIOWrapper(io.BytesIO(...))`,
//! `gzip.open(..., "rt")`): decoding and encoding through the codec's incremental decoder and
//! encoder, CPython's newline modes (universal with translation, `''`, `'\n'`, `'\r'`,
//! `'\r\n'`), pending writes kept until `flush`/`close`/the chunk size/line buffering, and the
//! `newlines` record. The same type also stands for the standard streams (`io.rs`'s
//! `StdStream`): each method here hands a standard stream to its `io.rs` function.

use super::io as stdio;
use super::{native_class, parse_args, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const TYPE: &str = "_io.TextIOWrapper";
/// CPython's `_CHUNK_SIZE`: bytes read at a time, and pending write bytes before a flush.
const CHUNK: usize = 8192;

pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::new("TextIOWrapper", new),
    NativeFn::new("TextIOWrapper.__init__", init),
    NativeFn::method("TextIOWrapper.write", write, Arity::One, None),
    NativeFn::method("TextIOWrapper.flush", flush, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.read", read, Arity::Range(0, 1), None),
    NativeFn::method("TextIOWrapper.readline", readline, Arity::Range(0, 1), None),
    NativeFn::method(
        "TextIOWrapper.readlines",
        readlines,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::method("TextIOWrapper.writelines", writelines, Arity::One, None),
    NativeFn::method("TextIOWrapper.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.readable", readable, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.writable", writable, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.seekable", seekable, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.close", close, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.detach", detach, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.tell", tell, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.seek", seek, Arity::Range(1, 2), None),
    NativeFn::method("TextIOWrapper.__next__", next, Arity::NoArgs, None),
    NativeFn::method("TextIOWrapper.__repr__", repr, Arity::NoArgs, None),
];

static CLOSED: NativeFn = NativeFn::method("TextIOWrapper.closed", closed, Arity::NoArgs, None);
static NAME: NativeFn = NativeFn::method("TextIOWrapper.name", name, Arity::NoArgs, None);
static MODE: NativeFn = NativeFn::method("TextIOWrapper.mode", mode, Arity::NoArgs, None);
static SET_MODE: NativeFn = NativeFn::new("TextIOWrapper.mode.__set__", set_mode);
static ENCODING: NativeFn =
    NativeFn::method("TextIOWrapper.encoding", encoding, Arity::NoArgs, None);
static ERRORS: NativeFn = NativeFn::method("TextIOWrapper.errors", errors, Arity::NoArgs, None);
static LINE_BUFFERING: NativeFn = NativeFn::method(
    "TextIOWrapper.line_buffering",
    line_buffering,
    Arity::NoArgs,
    None,
);
static WRITE_THROUGH: NativeFn = NativeFn::method(
    "TextIOWrapper.write_through",
    write_through,
    Arity::NoArgs,
    None,
);
static NEWLINES: NativeFn =
    NativeFn::method("TextIOWrapper.newlines", newlines, Arity::NoArgs, None);
static BUFFER: NativeFn = NativeFn::method("TextIOWrapper.buffer", buffer, Arity::NoArgs, None);

/// Registers the type (deriving from `_io._TextIOBase`).
pub(crate) fn init_type(vm: &mut Vm, base: ObjRef) -> ObjRef {
    let cls = super::native_type(vm, TYPE, Some(base), METHODS, false);
    for (n, f) in [
        ("closed", &CLOSED),
        ("name", &NAME),
        ("encoding", &ENCODING),
        ("errors", &ERRORS),
        ("line_buffering", &LINE_BUFFERING),
        ("write_through", &WRITE_THROUGH),
        ("newlines", &NEWLINES),
        ("buffer", &BUFFER),
    ] {
        super::add_property(&cls, n, f, Some(&super::READONLY));
    }
    super::add_property(&cls, "mode", &MODE, Some(&SET_MODE));
    cls
}

/// Newlines seen while reading in universal mode (`newlines`).
const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// A text wrapper over `buffer`.
struct Wrapper {
    buffer: Value,
    encoding: String,
    errors: String,
    /// `None`: universal newlines, translated; otherwise the `newline` argument.
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
    encoder: Value,
    decoder: Value,
    /// Decoded text not yet handed out (already translated in universal mode).
    decoded: String,
    /// Universal modes: a `'\r'` at the end of a chunk, held back until the next one shows
    /// whether a `'\n'` follows.
    pending_cr: bool,
    pending_out: Vec<u8>,
    seen: u8,
    eof: bool,
    /// The decoder state (`dec_flags`) before the last chunk and the bytes fed since it
    /// (CPython's `snapshot`): where `tell()` rebuilds a position from.
    snapshot: Option<(i64, Vec<u8>)>,
    /// Characters the last chunk decoded to (`decoded` is a suffix of them).
    chunk_chars: usize,
    /// Bytes per character of the last chunk (`tell()`'s first guess).
    b2cratio: f64,
    /// False while iterating with `next()` (CPython's `telling`).
    telling: bool,
    detached: bool,
    initialized: bool,
    /// The `mode` attribute `open()` sets (unset otherwise).
    mode: Value,
}

impl NativeState for Wrapper {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.buffer);
        f(&self.encoder);
        f(&self.decoder);
        f(&self.mode);
    }
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.getattr(obj, &Vm::str_val(name))?;
    vm.call(&m, args, &[])
}

fn is_std(a: &Args) -> bool {
    a.get(0)
        .is_some_and(|v| state_of::<stdio::StdStream>(v).is_some())
}

fn wrapper<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Wrapper> {
    let w = super::receiver::<Wrapper>(vm, a, TYPE, method)?;
    if w.detached {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    if !w.initialized {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(w)
}

fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, TYPE);
    let me = super::new_native(
        cls,
        native,
        None,
        Wrapper {
            buffer: Value::None,
            encoding: String::new(),
            errors: String::new(),
            newline: None,
            line_buffering: false,
            write_through: false,
            encoder: Value::None,
            decoder: Value::None,
            decoded: String::new(),
            pending_cr: false,
            pending_out: Vec::new(),
            seen: 0,
            eof: false,
            snapshot: None,
            chunk_chars: 0,
            b2cratio: 0.0,
            telling: true,
            detached: false,
            initialized: false,
            mode: Value::None,
        },
    );
    // Closed (and so flushed) when dropped, as CPython's finalizer does.
    crate::vm::call::mark_has_del(&me);
    Ok(me)
}

fn str_or_none(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(vm.type_error(format!(
                "TextIOWrapper() argument '{what}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
/// write_through=False)`.
fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "TextIOWrapper",
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        6,
    )?;
    let buffer = args[0].cloned().unwrap_or(Value::None);
    let encoding = match str_or_none(vm, args[1], "encoding")? {
        // CPython in UTF-8 mode (the reference environment: PYTHONUTF8=1, C.UTF-8) names
        // the default `utf-8`; `"locale"` asks the locale itself, which says `UTF-8`.
        None => "utf-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    };
    let errors = str_or_none(vm, args[2], "errors")?.unwrap_or_else(|| "strict".into());
    let newline = str_or_none(vm, args[3], "newline")?;
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {n}")));
        }
    }
    let line_buffering = match args[4] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let write_through = match args[5] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let codecs = vm.import_module("codecs")?;
    let info = call_method(vm, &codecs, "lookup", &[Vm::str_val(encoding.as_str())])?;
    if let Some(flag) = vm.getattr_opt(&info, "_is_text_encoding")? {
        if !vm.truthy(&flag)? {
            return Err(vm.err(
                ExcKind::LookupError,
                format!(
                    "'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"
                ),
            ));
        }
    }
    let errors_v = Vm::str_val(errors.as_str());
    let can_read = call_method(vm, &buffer, "readable", &[])?;
    let decoder = if vm.truthy(&can_read)? {
        let make = vm.getattr(&info, &Vm::str_val("incrementaldecoder"))?;
        vm.call(&make, std::slice::from_ref(&errors_v), &[])?
    } else {
        Value::None
    };
    let can_write = call_method(vm, &buffer, "writable", &[])?;
    let encoder = if vm.truthy(&can_write)? {
        let make = vm.getattr(&info, &Vm::str_val("incrementalencoder"))?;
        vm.call(&make, &[errors_v], &[])?
    } else {
        Value::None
    };
    let Some(w) = state_of::<Wrapper>(&a.pos[0]) else {
        return Err(vm.type_error("TextIOWrapper.__init__ needs a TextIOWrapper"));
    };
    *w = Wrapper {
        buffer,
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
        encoder,
        decoder,
        decoded: String::new(),
        pending_cr: false,
        pending_out: Vec::new(),
        seen: 0,
        eof: false,
        snapshot: None,
        chunk_chars: 0,
        b2cratio: 0.0,
        telling: true,
        detached: false,
        initialized: true,
        mode: Value::None,
    };
    Ok(Value::None)
}

fn buffer_closed(vm: &mut Vm, buffer: &Value) -> PyResult<bool> {
    let c = vm.getattr(buffer, &Vm::str_val("closed"))?;
    vm.truthy(&c)
}

fn check_closed(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    let buffer = wrapper(vm, a, method)?.buffer.clone();
    if buffer_closed(vm, &buffer)? {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(buffer)
}

/// Hands the pending encoded bytes to the buffer.
fn write_pending(vm: &mut Vm, a: &Args) -> PyResult<()> {
    let w = wrapper(vm, a, "flush")?;
    if w.pending_out.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut w.pending_out);
    let buffer = w.buffer.clone();
    call_method(vm, &buffer, "write", &[bytes_val(data)])?;
    Ok(())
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_write(vm, a);
    }
    let v = a.pos[1].clone();
    let Some(text) = v.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    check_closed(vm, a, "write")?;
    let w = wrapper(vm, a, "write")?;
    if matches!(w.encoder, Value::None) {
        return Err(unsupported(vm, "not writable"));
    }
    let haslf = text.contains('\n');
    let needflush = w.line_buffering && (haslf || text.contains('\r'));
    let out = match w.newline.as_deref() {
        Some(nl @ ("\r" | "\r\n")) if haslf => text.replace('\n', nl),
        _ => text.clone(),
    };
    // Writing drops what was read ahead, as CPython's does.
    w.decoded.clear();
    w.pending_cr = false;
    w.snapshot = None;
    let (encoder, decoder, write_through) = (w.encoder.clone(), w.decoder.clone(), w.write_through);
    if !matches!(decoder, Value::None) {
        call_method(vm, &decoder, "reset", &[])?;
    }
    let encoded = call_method(vm, &encoder, "encode", &[Vm::str_val(out)])?;
    let Some(bytes) = crate::objects::bytearray::bytes_like(&encoded) else {
        return Err(vm.type_error(format!(
            "encoder should return a bytes object, not '{}'",
            vm.type_name(&encoded)
        )));
    };
    let w = wrapper(vm, a, "write")?;
    w.pending_out.extend_from_slice(&bytes);
    if w.pending_out.len() >= CHUNK || needflush || write_through {
        write_pending(vm, a)?;
    }
    if needflush {
        let buffer = wrapper(vm, a, "write")?.buffer.clone();
        call_method(vm, &buffer, "flush", &[])?;
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn unsupported(vm: &mut Vm, msg: &str) -> ObjRef {
    let cls = native_class(vm, "io.UnsupportedOperation");
    vm.make_exc(&cls, vec![Vm::str_val(msg)])
}

fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_flush(vm, a);
    }
    let buffer = check_closed(vm, a, "flush")?;
    write_pending(vm, a)?;
    call_method(vm, &buffer, "flush", &[])
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_close(vm, a);
    }
    let buffer = wrapper(vm, a, "close")?.buffer.clone();
    if buffer_closed(vm, &buffer)? {
        return Ok(Value::None);
    }
    let flushed = flush(vm, a);
    let closed = call_method(vm, &buffer, "close", &[]);
    flushed?;
    closed.map(|_| Value::None)
}

fn detach(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Err(unsupported(vm, "detach"));
    }
    flush(vm, a)?;
    let w = wrapper(vm, a, "detach")?;
    w.detached = true;
    Ok(std::mem::replace(&mut w.buffer, Value::None))
}

/// Normalises newly decoded `text` for the newline mode (universal: holds back a final
/// `'\r'`, records and, when translating, rewrites line endings).
fn translate(w: &mut Wrapper, mut text: String, last: bool) -> String {
    let universal = matches!(w.newline.as_deref(), None | Some(""));
    if !universal {
        return text;
    }
    if w.pending_cr {
        text.insert(0, '\r');
        w.pending_cr = false;
    }
    if !last && text.ends_with('\r') {
        text.pop();
        w.pending_cr = true;
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => w.seen |= SEEN_CRLF,
            b'\r' => w.seen |= SEEN_CR,
            b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
            b'\n' => w.seen |= SEEN_LF,
            _ => {}
        }
    }
    if w.newline.is_none() && text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

fn is_universal(w: &Wrapper) -> bool {
    matches!(w.newline.as_deref(), None | Some(""))
}

/// The decoder's `(buffered bytes, flags)`, the held-back `'\r'` as flag bit 0 in the
/// universal modes (CPython's `IncrementalNewlineDecoder.getstate`).
fn dec_getstate(vm: &mut Vm, a: &Args) -> PyResult<(Vec<u8>, i64)> {
    let decoder = wrapper(vm, a, "tell")?.decoder.clone();
    let st = call_method(vm, &decoder, "getstate", &[])?;
    let (buf, flags) = match st.body() {
        Some(Object::Tuple(t)) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        _ => return Err(vm.type_error("illegal decoder state")),
    };
    let Some(buf) = crate::objects::bytearray::bytes_like(&buf) else {
        return Err(vm.type_error("illegal decoder state"));
    };
    let mut flags = vm.ssize_of(&flags)?;
    let w = wrapper(vm, a, "tell")?;
    if is_universal(w) {
        flags = (flags << 1) | w.pending_cr as i64;
    }
    Ok((buf, flags))
}

fn dec_setstate(vm: &mut Vm, a: &Args, buf: &[u8], mut flags: i64) -> PyResult<()> {
    let w = wrapper(vm, a, "seek")?;
    if is_universal(w) {
        w.pending_cr = flags & 1 != 0;
        flags >>= 1;
    }
    let decoder = w.decoder.clone();
    let st = Vm::new_tuple(vec![bytes_val(buf.to_vec()), Value::Int(flags)]);
    call_method(vm, &decoder, "setstate", &[st])?;
    Ok(())
}

/// Decodes `input` (newline-translated) without keeping the text.
fn dec_decode(vm: &mut Vm, a: &Args, input: &[u8], last: bool) -> PyResult<String> {
    let decoder = wrapper(vm, a, "tell")?.decoder.clone();
    let text = call_method(
        vm,
        &decoder,
        "decode",
        &[bytes_val(input.to_vec()), Value::Bool(last)],
    )?;
    let Some(text) = text.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "decoder should return a string result, not '{}'",
            vm.type_name(&text)
        )));
    };
    let w = wrapper(vm, a, "tell")?;
    Ok(translate(w, text, last))
}

/// Reads and decodes one chunk; false once the buffer is exhausted.
fn read_chunk(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    let w = wrapper(vm, a, "read")?;
    if w.eof {
        return Ok(false);
    }
    let (buffer, decoder) = (w.buffer.clone(), w.decoder.clone());
    let method = if vm.getattr_opt(&buffer, "read1")?.is_some() {
        "read1"
    } else {
        "read"
    };
    let data = call_method(vm, &buffer, method, &[Value::Int(CHUNK as i64)])?;
    let Some(bytes) = crate::objects::bytearray::bytes_like(&data) else {
        return Err(vm.type_error(format!(
            "underlying {method}() should have returned a bytes-like object, not '{}'",
            vm.type_name(&data)
        )));
    };
    let last = bytes.is_empty();
    let _ = decoder;
    let (mut dec_buffer, dec_flags) = dec_getstate(vm, a)?;
    let text = dec_decode(vm, a, &bytes, last)?;
    let w = wrapper(vm, a, "read")?;
    let n = text.chars().count();
    w.b2cratio = if n > 0 {
        bytes.len() as f64 / n as f64
    } else {
        0.0
    };
    dec_buffer.extend_from_slice(&bytes);
    w.snapshot = Some((dec_flags, dec_buffer));
    w.chunk_chars = n;
    w.decoded.push_str(&text);
    w.eof = last;
    Ok(!last)
}

fn check_readable(vm: &mut Vm, a: &Args, method: &str) -> PyResult<()> {
    check_closed(vm, a, method)?;
    if matches!(wrapper(vm, a, method)?.decoder, Value::None) {
        return Err(unsupported(vm, "not readable"));
    }
    // Pending writes go out first, so that reading sees them.
    write_pending(vm, a)
}

/// The first `n` characters of `s`, removed from it.
fn take_chars(s: &mut String, n: usize) -> String {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let rest = s.split_off(end);
    std::mem::replace(s, rest)
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => {
            if !matches!(
                crate::value::num::num_of(v),
                Some(crate::value::num::Num::I(_) | crate::value::num::Num::B(_))
            ) {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(v)
                )));
            }
            vm.ssize_of(v)
        }
    }
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_read(vm, a);
    }
    let n = size_arg(vm, a.get(1))?;
    check_readable(vm, a, "read")?;
    if n < 0 {
        // The rest of the buffer decoded in one final call, as CPython (so a decoding
        // error's position counts from where the read started).
        let w = wrapper(vm, a, "read")?;
        let mut out = std::mem::take(&mut w.decoded);
        if !w.eof {
            let buffer = w.buffer.clone();
            let data = call_method(vm, &buffer, "read", &[])?;
            let bytes = match &data {
                Value::None => Vec::new(),
                d => match crate::objects::bytearray::bytes_like(d) {
                    Some(b) => b,
                    None => {
                        return Err(vm.type_error(format!(
                            "underlying read() should have returned a bytes object, not '{}'",
                            vm.type_name(d)
                        )))
                    }
                },
            };
            out.push_str(&dec_decode(vm, a, &bytes, true)?);
        }
        let w = wrapper(vm, a, "read")?;
        w.snapshot = None;
        w.eof = false;
        return Ok(Vm::str_val(out));
    }
    let n = n as usize;
    while wrapper(vm, a, "read")?.decoded.chars().count() < n {
        if !read_chunk(vm, a)? {
            break;
        }
    }
    let w = wrapper(vm, a, "read")?;
    Ok(Vm::str_val(take_chars(&mut w.decoded, n)))
}

/// Where the first line of `s` ends (the index after its terminator) in newline mode `nl`,
/// if a whole line is there; `last`: no more text will come.
fn line_end(s: &str, nl: Option<&str>, last: bool) -> Option<usize> {
    match nl {
        None | Some("\n") => s.find('\n').map(|i| i + 1),
        Some("") => {
            let i = s.find(['\r', '\n'])?;
            if s.as_bytes()[i] == b'\r' {
                match s.as_bytes().get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    None if last => Some(i + 1),
                    None => None,
                }
            } else {
                Some(i + 1)
            }
        }
        Some(t) => s.find(t).map(|i| i + t.len()),
    }
}

fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_readline(vm, a);
    }
    let limit = size_arg(vm, a.get(1))?;
    check_readable(vm, a, "readline")?;
    loop {
        let w = wrapper(vm, a, "readline")?;
        let last = w.eof;
        let end = line_end(&w.decoded, w.newline.as_deref(), last);
        let count = |s: &str| s.chars().count();
        if let Some(e) = end {
            let line_chars = count(&w.decoded[..e]);
            let take = if limit >= 0 {
                line_chars.min(limit as usize)
            } else {
                line_chars
            };
            return Ok(Vm::str_val(take_chars(&mut w.decoded, take)));
        }
        if limit >= 0 && count(&w.decoded) >= limit as usize {
            return Ok(Vm::str_val(take_chars(&mut w.decoded, limit as usize)));
        }
        if last {
            return Ok(Vm::str_val(std::mem::take(&mut w.decoded)));
        }
        read_chunk(vm, a)?;
    }
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !is_std(a) {
        wrapper(vm, a, "__next__")?.telling = false;
    }
    let line = readline(vm, a)?;
    if line.as_str().is_some_and(str::is_empty) {
        if !is_std(a) {
            let w = wrapper(vm, a, "__next__")?;
            w.snapshot = None;
            w.telling = true;
        }
        return Err(vm.err_empty(ExcKind::StopIteration));
    }
    Ok(line)
}

fn readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_readlines(vm, a);
    }
    let hint = size_arg(vm, a.get(1))?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let line = readline(vm, &Args::new(&a.pos[..1], &[]))?;
        let n = line.as_str().map_or(0, |s| s.chars().count());
        if n == 0 {
            break;
        }
        total += n;
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(Vm::new_list(lines))
}

fn writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !is_std(a) {
        check_closed(vm, a, "writelines")?;
    }
    let it = vm.get_iter(&a.pos[1])?;
    while let Some(line) = vm.next(&it)? {
        let args = [a.pos[0].clone(), line];
        write(vm, &Args::new(&args, &[]))?;
    }
    Ok(Value::None)
}

/// CPython's C `TextIOWrapper` cookie: the start position in bits 0-63, then 32 bits each of
/// the decoder flags, the bytes to feed and the characters to skip, then the end-of-input
/// flag.
fn pack_cookie(start: i64, dec_flags: i64, feed: usize, need_eof: bool, skip: usize) -> Value {
    if dec_flags == 0 && feed == 0 && skip == 0 && !need_eof {
        return Value::Int(start);
    }
    let mut b = num_bigint::BigInt::from(start as u64);
    b += num_bigint::BigInt::from(dec_flags as u32) << 64;
    b += num_bigint::BigInt::from(feed as u32) << 96;
    b += num_bigint::BigInt::from(skip as u32) << 128;
    b += num_bigint::BigInt::from(need_eof as u8) << 160;
    Vm::int_from_big(b)
}

/// `(start, dec_flags, bytes_to_feed, need_eof, chars_to_skip)` of a cookie.
fn unpack_cookie(vm: &mut Vm, cookie: &Value) -> PyResult<(u64, i64, usize, bool, usize)> {
    use num_traits::ToPrimitive;
    let Some(n) = crate::value::num::num_of(cookie) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(cookie)
        )));
    };
    let big = crate::value::num::to_big(&n);
    let mask32 = num_bigint::BigInt::from(u32::MAX);
    let part = |shift: u32, mask: &num_bigint::BigInt| -> u64 {
        ((&big >> shift) & mask).to_u64().unwrap_or(0)
    };
    let start = part(0, &num_bigint::BigInt::from(u64::MAX));
    Ok((
        start,
        part(64, &mask32) as i64,
        part(96, &mask32) as usize,
        part(160, &num_bigint::BigInt::from(0xffu8)) != 0,
        part(128, &mask32) as usize,
    ))
}

/// `tell()`: an opaque cookie, as CPython's: the buffer position of a point where the decoder
/// state is known, plus how to get from there to the current character.
fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let buffer = check_closed(vm, a, "tell")?;
    let seekable = call_method(vm, &buffer, "seekable", &[])?;
    if !vm.truthy(&seekable)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !wrapper(vm, a, "tell")?.telling {
        return Err(vm.err(ExcKind::OSError, "telling position disabled by next() call"));
    }
    write_pending(vm, a)?;
    let pos = call_method(vm, &buffer, "tell", &[])?;
    let w = wrapper(vm, a, "tell")?;
    let (dec_flags, next_input) = match (&w.snapshot, &w.decoder) {
        (Some(s), d) if !matches!(d, Value::None) => s.clone(),
        _ => return Ok(pos),
    };
    let used = w.chunk_chars.saturating_sub(w.decoded.chars().count());
    let b2cratio = w.b2cratio;
    let position = vm.ssize_of(&pos)? - next_input.len() as i64;
    if used == 0 {
        return Ok(pack_cookie(position, dec_flags, 0, false, 0));
    }
    let saved = dec_getstate(vm, a)?;
    let saved_cr = wrapper(vm, a, "tell")?.pending_cr;
    let r = rebuild_position(vm, a, position, dec_flags, &next_input, used, b2cratio);
    dec_setstate(vm, a, &saved.0, saved.1)?;
    wrapper(vm, a, "tell")?.pending_cr = saved_cr;
    r
}

/// The search of CPython's `tell()`: the latest point in `next_input` at which the decoder
/// holds no buffered bytes, at or before the character `chars_to_skip` characters in.
fn rebuild_position(
    vm: &mut Vm,
    a: &Args,
    position: i64,
    mut dec_flags: i64,
    next_input: &[u8],
    mut chars_to_skip: usize,
    b2cratio: f64,
) -> PyResult<Value> {
    // A first guess from the bytes-per-character ratio, moving back until it fits.
    let mut skip_bytes = ((b2cratio * chars_to_skip as f64) as usize).min(next_input.len());
    let mut skip_back = 1usize;
    loop {
        if skip_bytes == 0 {
            dec_setstate(vm, a, &[], dec_flags)?;
            break;
        }
        dec_setstate(vm, a, &[], dec_flags)?;
        let n = dec_decode(vm, a, &next_input[..skip_bytes], false)?
            .chars()
            .count();
        if n <= chars_to_skip {
            let (b, d) = dec_getstate(vm, a)?;
            if b.is_empty() {
                dec_flags = d;
                chars_to_skip -= n;
                break;
            }
            skip_bytes = skip_bytes.saturating_sub(b.len());
            skip_back = 1;
        } else {
            skip_bytes = skip_bytes.saturating_sub(skip_back);
            skip_back = skip_back.saturating_mul(2);
        }
    }
    let mut start_pos = position + skip_bytes as i64;
    let mut start_flags = dec_flags;
    if chars_to_skip == 0 {
        return Ok(pack_cookie(start_pos, start_flags, 0, false, 0));
    }
    // Feed one byte at a time, remembering the last safe start point.
    let mut bytes_fed = 0usize;
    let mut need_eof = false;
    let mut chars_decoded = 0usize;
    let mut done = false;
    for i in skip_bytes..next_input.len() {
        bytes_fed += 1;
        chars_decoded += dec_decode(vm, a, &next_input[i..i + 1], false)?
            .chars()
            .count();
        let (b, d) = dec_getstate(vm, a)?;
        if b.is_empty() && chars_decoded <= chars_to_skip {
            start_pos += bytes_fed as i64;
            chars_to_skip -= chars_decoded;
            start_flags = d;
            bytes_fed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= chars_to_skip {
            done = true;
            break;
        }
    }
    if !done {
        chars_decoded += dec_decode(vm, a, &[], true)?.chars().count();
        need_eof = true;
        if chars_decoded < chars_to_skip {
            return Err(vm.err(ExcKind::OSError, "can't reconstruct logical file position"));
        }
    }
    Ok(pack_cookie(
        start_pos,
        start_flags,
        bytes_fed,
        need_eof,
        chars_to_skip,
    ))
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let mut cookie = a.pos[1].clone();
    let whence = match a.get(2) {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    let buffer = check_closed(vm, a, "seek")?;
    let seekable = call_method(vm, &buffer, "seekable", &[])?;
    if !vm.truthy(&seekable)? {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    match whence {
        0 => {}
        1 => {
            if !is_zero(&cookie) {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie = tell(vm, a)?;
        }
        2 => {
            if !is_zero(&cookie) {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            flush(vm, a)?;
            let w = wrapper(vm, a, "seek")?;
            w.decoded.clear();
            w.pending_cr = false;
            w.snapshot = None;
            w.eof = false;
            let decoder = w.decoder.clone();
            if !matches!(decoder, Value::None) {
                call_method(vm, &decoder, "reset", &[])?;
            }
            return call_method(vm, &buffer, "seek", &[Value::Int(0), Value::Int(2)]);
        }
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    if crate::value::num::num_of(&cookie)
        .is_some_and(|n| crate::value::num::to_big(&n) < num_bigint::BigInt::from(0))
    {
        let r = vm.repr(&cookie)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    flush(vm, a)?;
    let (start, dec_flags, feed, need_eof, skip) = unpack_cookie(vm, &cookie)?;
    call_method(vm, &buffer, "seek", &[Value::Int(start as i64)])?;
    let w = wrapper(vm, a, "seek")?;
    w.decoded.clear();
    w.pending_cr = false;
    w.snapshot = None;
    w.chunk_chars = 0;
    w.eof = false;
    let decoder = w.decoder.clone();
    if !matches!(decoder, Value::None) {
        if is_zero(&cookie) {
            call_method(vm, &decoder, "reset", &[])?;
        } else {
            dec_setstate(vm, a, &[], dec_flags)?;
            wrapper(vm, a, "seek")?.snapshot = Some((dec_flags, Vec::new()));
        }
    }
    if skip > 0 {
        let data = call_method(vm, &buffer, "read", &[Value::Int(feed as i64)])?;
        let input = crate::objects::bytearray::bytes_like(&data).unwrap_or_default();
        let text = dec_decode(vm, a, &input, need_eof)?;
        let n = text.chars().count();
        if n < skip {
            return Err(vm.err(ExcKind::OSError, "can't restore logical file position"));
        }
        let w = wrapper(vm, a, "seek")?;
        w.snapshot = Some((dec_flags, input));
        w.chunk_chars = n;
        let mut text = text;
        take_chars(&mut text, skip);
        w.decoded = text;
    }
    Ok(cookie)
}

fn is_zero(v: &Value) -> bool {
    matches!(v, Value::Int(0) | Value::Bool(false))
}

fn delegate(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let buffer = wrapper(vm, a, name)?.buffer.clone();
    call_method(vm, &buffer, name, &[])
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_false(vm, a);
    }
    delegate(vm, a, "isatty")
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_fileno(vm, a);
    }
    delegate(vm, a, "fileno")
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_readable(vm, a);
    }
    delegate(vm, a, "readable")
}

fn writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_writable(vm, a);
    }
    delegate(vm, a, "writable")
}

fn seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_false(vm, a);
    }
    delegate(vm, a, "seekable")
}

fn closed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Value::Bool(false));
    }
    let buffer = wrapper(vm, a, "closed")?.buffer.clone();
    vm.getattr(&buffer, &Vm::str_val("closed"))
}

fn name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_name(vm, a);
    }
    let buffer = wrapper(vm, a, "name")?.buffer.clone();
    vm.getattr(&buffer, &Vm::str_val("name"))
}

fn mode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_mode(vm, a);
    }
    let m = super::receiver::<Wrapper>(vm, a, TYPE, "mode")?
        .mode
        .clone();
    if matches!(m, Value::None) {
        return Err(vm.err(
            ExcKind::AttributeError,
            "'_io.TextIOWrapper' object has no attribute 'mode'",
        ));
    }
    Ok(m)
}

fn set_mode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(1).cloned().unwrap_or(Value::None);
    super::receiver::<Wrapper>(vm, a, TYPE, "mode")?.mode = v;
    Ok(Value::None)
}

fn encoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Vm::str_val("utf-8"));
    }
    Ok(Vm::str_val(wrapper(vm, a, "encoding")?.encoding.as_str()))
}

fn errors(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Vm::str_val("strict"));
    }
    Ok(Vm::str_val(wrapper(vm, a, "errors")?.errors.as_str()))
}

fn line_buffering(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(
        wrapper(vm, a, "line_buffering")?.line_buffering,
    ))
}

fn write_through(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(wrapper(vm, a, "write_through")?.write_through))
}

fn newlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Ok(Value::None);
    }
    let w = wrapper(vm, a, "newlines")?;
    if matches!(w.decoder, Value::None) || !matches!(w.newline.as_deref(), None | Some("")) {
        return Ok(Value::None);
    }
    let s = |t: &str| Vm::str_val(t);
    Ok(match w.seen {
        0 => Value::None,
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        SEEN_CRLF => s("\r\n"),
        x if x == SEEN_CR | SEEN_LF => Vm::new_tuple(vec![s("\r"), s("\n")]),
        x if x == SEEN_LF | SEEN_CRLF => Vm::new_tuple(vec![s("\n"), s("\r\n")]),
        x if x == SEEN_CR | SEEN_CRLF => Vm::new_tuple(vec![s("\r"), s("\r\n")]),
        _ => Vm::new_tuple(vec![s("\r"), s("\n"), s("\r\n")]),
    })
}

fn buffer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return Err(vm.err(
            ExcKind::AttributeError,
            "'_io.TextIOWrapper' object has no attribute 'buffer'",
        ));
    }
    Ok(wrapper(vm, a, "buffer")?.buffer.clone())
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if is_std(a) {
        return stdio::t_repr(vm, a);
    }
    let cls = vm.type_of(&a.pos[0]);
    let qual = match cls.get() {
        Object::Class(c) if c.module != "builtins" => format!("{}.{}", c.module, c.qualname),
        Object::Class(c) => c.qualname.clone(),
        _ => TYPE.to_string(),
    };
    let buffer = wrapper(vm, a, "__repr__")?.buffer.clone();
    let mut out = format!("<{qual}");
    match vm.getattr_opt(&buffer, "name") {
        Ok(Some(n)) => {
            let r = vm.repr(&n)?;
            out.push_str(&format!(" name={r}"));
        }
        Ok(None) => {}
        Err(e) if vm.exc_matches(&e, ExcKind::ValueError) => {}
        Err(e) => return Err(e),
    }
    let mode = wrapper(vm, a, "__repr__")?.mode.clone();
    if !matches!(mode, Value::None) {
        let r = vm.repr(&mode)?;
        out.push_str(&format!(" mode={r}"));
    }
    let enc = wrapper(vm, a, "__repr__")?.encoding.clone();
    let r = vm.repr(&Vm::str_val(enc))?;
    out.push_str(&format!(" encoding={r}>"));
    Ok(Vm::str_val(out))
}
