//! The `zlib` module: `compress`/`decompress`, the `Compress`/`Decompress` stream objects
//! (`compressobj`/`decompressobj`), `crc32`, `adler32`, the constants and `zlib.error`, as
//! CPython's C module over zlib itself (`flate2` over a statically built zlib), so the
//! compressed bytes are zlib's own.
//!
//! The output buffer grows in CPython's block sizes (32 KiB, 64 KiB, 256 KiB, ...): zlib's
//! stored blocks (level 0) are cut by the space it is given, so the same growth gives the
//! same bytes. `flate2` does not expose `deflateCopy`/`inflateCopy`, a memory level other
//! than 8, a strategy other than the default, or `Z_BLOCK`/`Z_TREES`: `copy()` replays the
//! calls the object has seen (kept up to [`REPLAY_LIMIT`] bytes of input) on a fresh stream,
//! and the other options raise `NotImplementedError` rather than compress differently.

use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The version of the zlib linked in (libz-sys' bundled source).
const ZLIB_VERSION: &str = "1.4";
const DEF_BUF_SIZE: usize = 16 * 1024;
/// How much input a stream object remembers so that `copy()` can replay it.
const REPLAY_LIMIT: usize = 16 << 20;

const Z_NO_FLUSH: i64 = 0;
const Z_PARTIAL_FLUSH: i64 = 1;
const Z_SYNC_FLUSH: i64 = 2;
const Z_FULL_FLUSH: i64 = 3;
const Z_FINISH: i64 = 4;
const Z_BLOCK: i64 = 5;
const Z_TREES: i64 = 6;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("compress", compress),
    NativeFn::new("decompress", decompress),
    NativeFn::new("compressobj", compressobj),
    NativeFn::new("decompressobj", decompressobj),
    NativeFn::new("crc32", crc32),
    NativeFn::new("adler32", adler32),
];

static COMPRESS_METHODS: &[NativeFn] = &[
    NativeFn::new("Compress.compress", comp_compress),
    NativeFn::new("Compress.flush", comp_flush),
    NativeFn::new("Compress.copy", comp_copy),
    NativeFn::new("Compress.__copy__", comp_copy),
    NativeFn::new("Compress.__deepcopy__", comp_deepcopy),
];

static DECOMPRESS_METHODS: &[NativeFn] = &[
    NativeFn::new("Decompress.decompress", decomp_decompress),
    NativeFn::new("Decompress.flush", decomp_flush),
    NativeFn::new("Decompress.copy", decomp_copy),
    NativeFn::new("Decompress.__copy__", decomp_copy),
    NativeFn::new("Decompress.__deepcopy__", decomp_deepcopy),
];

static UNUSED_DATA: NativeFn = NativeFn::new("unused_data", get_unused_data);
static UNCONSUMED_TAIL: NativeFn = NativeFn::new("unconsumed_tail", get_unconsumed_tail);
static EOF: NativeFn = NativeFn::new("eof", get_eof);

/// Builds the `zlib` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let exception = vm.exc_class(ExcKind::Exception);
    let error = super::exception_class(vm, "zlib.error", vec![exception]);
    native_type(vm, "zlib.Compress", None, COMPRESS_METHODS, false);
    let decomp = native_type(vm, "zlib.Decompress", None, DECOMPRESS_METHODS, false);
    for (name, get) in [
        ("unused_data", &UNUSED_DATA),
        ("unconsumed_tail", &UNCONSUMED_TAIL),
        ("eof", &EOF),
    ] {
        super::add_property(&decomp, name, get, Some(&super::READONLY));
    }
    let int = Value::Int;
    super::new_module(
        "zlib",
        FUNCTIONS,
        &[
            ("error", Value::Obj(error)),
            ("MAX_WBITS", int(15)),
            ("DEFLATED", int(8)),
            ("DEF_MEM_LEVEL", int(8)),
            ("DEF_BUF_SIZE", int(DEF_BUF_SIZE as i64)),
            ("Z_NO_COMPRESSION", int(0)),
            ("Z_BEST_SPEED", int(1)),
            ("Z_BEST_COMPRESSION", int(9)),
            ("Z_DEFAULT_COMPRESSION", int(-1)),
            ("Z_FILTERED", int(1)),
            ("Z_HUFFMAN_ONLY", int(2)),
            ("Z_RLE", int(3)),
            ("Z_FIXED", int(4)),
            ("Z_DEFAULT_STRATEGY", int(0)),
            ("Z_NO_FLUSH", int(Z_NO_FLUSH)),
            ("Z_PARTIAL_FLUSH", int(Z_PARTIAL_FLUSH)),
            ("Z_SYNC_FLUSH", int(Z_SYNC_FLUSH)),
            ("Z_FULL_FLUSH", int(Z_FULL_FLUSH)),
            ("Z_FINISH", int(Z_FINISH)),
            ("Z_BLOCK", int(Z_BLOCK)),
            ("Z_TREES", int(Z_TREES)),
            ("ZLIB_VERSION", Vm::str_val(ZLIB_VERSION)),
            ("ZLIB_RUNTIME_VERSION", Vm::str_val(ZLIB_VERSION)),
        ],
    )
}

// ----- errors -----

/// A zlib failure, turned into CPython's exception at the boundary.
#[derive(Clone, Debug)]
enum ZErr {
    /// `zlib.error("Error {code} {context}: {msg}")` (no `: msg` when zlib gave none).
    Zlib {
        code: i32,
        context: &'static str,
        msg: Option<String>,
    },
    /// `zlib.error(text)`.
    Plain(&'static str),
    Value(&'static str),
    NotImplemented(String),
}

fn raise(vm: &Vm, e: ZErr) -> ObjRef {
    match e {
        ZErr::Zlib { code, context, msg } => {
            let msg = msg.or_else(|| {
                match code {
                    -5 => Some("incomplete or truncated stream"),
                    -2 => Some("inconsistent stream state"),
                    -3 => Some("invalid input data"),
                    _ => None,
                }
                .map(str::to_string)
            });
            let text = match msg {
                Some(m) => format!("Error {code} {context}: {m}"),
                None => format!("Error {code} {context}"),
            };
            zlib_error(vm, text)
        }
        ZErr::Plain(m) => zlib_error(vm, m.to_string()),
        ZErr::Value(m) => vm.value_error(m),
        ZErr::NotImplemented(m) => vm.err(ExcKind::NotImplementedError, m),
    }
}

fn zlib_error(vm: &Vm, text: String) -> ObjRef {
    let cls = native_class(vm, "zlib.error");
    vm.make_exc(&cls, vec![Vm::str_val(text)])
}

fn stream_state(context: &'static str) -> ZErr {
    ZErr::Zlib {
        code: -2,
        context,
        msg: None,
    }
}

/// The error of a failed inflate call: a data error with zlib's message, or `Error 2` for a
/// stream that needs a dictionary.
fn inflate_err(e: &flate2::DecompressError, context: &'static str) -> ZErr {
    if e.needs_dictionary().is_some() {
        return ZErr::Zlib {
            code: 2,
            context,
            msg: None,
        };
    }
    ZErr::Zlib {
        code: -3,
        context,
        msg: e.message().map(str::to_string),
    }
}

// ----- arguments -----

fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b.into_boxed_slice().into()))
}

/// A bytes-like argument (a copy), else CPython's buffer error.
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::objects::bytearray::bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// A C `int` argument (argument clinic's `int`).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_big = |vm: &Vm| {
        vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    if let Some(Object::BigInt(_)) = v.body() {
        return Err(too_big(vm));
    }
    let n = vm.index_of(v)?;
    i32::try_from(n).map_err(|_| too_big(vm))
}

/// A C `Py_ssize_t` argument.
fn c_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Object::BigInt(_)) = v.body() {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    vm.index_of(v)
}

/// The positional-only first argument of `fname`.
fn first_positional<'a>(vm: &Vm, a: &Args<'a>, skip: usize, fname: &str) -> PyResult<()> {
    if a.pos.len() <= skip {
        return Err(vm.type_error(format!(
            "{fname}() takes at least 1 positional argument (0 given)"
        )));
    }
    Ok(())
}

/// Binds `(data, /, rest...)` with keywords for the rest: the positional-only first
/// parameter is not accepted by keyword.
fn data_and_keywords<'a>(
    vm: &Vm,
    a: &Args<'a>,
    skip: usize,
    fname: &str,
    names: &[&str],
) -> PyResult<Vec<Option<&'a Value>>> {
    first_positional(vm, a, skip, fname)?;
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k == names[0]) {
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        )));
    }
    parse_args(vm, a, skip, fname, names, 1, names.len())
}

/// Checks an exact positional count for a positional-only signature.
fn positional(vm: &Vm, a: &Args, skip: usize, fname: &str, min: usize, max: usize) -> PyResult<()> {
    if !a.kw.is_empty() {
        // Module functions are named with their module here, methods are not.
        let full = if skip == 0 { "zlib." } else { "" };
        return Err(vm.type_error(format!("{full}{fname}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(skip);
    if n < min || n > max {
        let msg = if min == max {
            format!("{fname} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

// ----- the output buffer -----

/// CPython's output buffer: blocks of these sizes (the last one repeated), each clipped to
/// the maximum length if there is one.
const BLOCK_SIZES: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

struct OutBuf {
    data: Vec<u8>,
    filled: usize,
    blocks: usize,
    max: Option<usize>,
}

impl OutBuf {
    /// A buffer whose first block is the first block size (clipped to `max`).
    fn new(max: Option<usize>) -> OutBuf {
        let first = max.map_or(BLOCK_SIZES[0], |m| m.min(BLOCK_SIZES[0]));
        OutBuf::with_first(first, max)
    }

    /// A buffer whose first block is `first` bytes.
    fn with_first(first: usize, max: Option<usize>) -> OutBuf {
        OutBuf {
            data: vec![0; first],
            filled: 0,
            blocks: 1,
            max,
        }
    }

    fn full(&self) -> bool {
        self.filled == self.data.len()
    }

    fn at_max(&self) -> bool {
        self.max == Some(self.filled)
    }

    fn grow(&mut self) {
        let mut size = BLOCK_SIZES[self.blocks.min(BLOCK_SIZES.len() - 1)];
        if let Some(m) = self.max {
            size = size.min(m - self.data.len());
        }
        self.blocks += 1;
        self.data.resize(self.data.len() + size, 0);
    }

    fn space(&mut self) -> &mut [u8] {
        &mut self.data[self.filled..]
    }

    fn finish(mut self) -> Vec<u8> {
        self.data.truncate(self.filled);
        self.data
    }
}

// ----- deflate -----

/// The parameters a compression stream was made with (to make it afresh for `copy`).
#[derive(Clone)]
struct DeflateParams {
    level: i32,
    wbits: i32,
    zdict: Option<Vec<u8>>,
}

/// Validates deflateInit2's parameters as zlib does; `Err(true)` for a combination zlib
/// rejects, `Err(false)` for one `flate2` cannot make.
fn check_deflate(level: i32, method: i32, wbits: i32, mem: i32, strategy: i32) -> Result<(), ZErr> {
    let (wrap, window) = if wbits < 0 {
        (0, -wbits)
    } else if wbits > 15 {
        (2, wbits - 16)
    } else {
        (1, wbits)
    };
    let invalid = !(-1..=9).contains(&level)
        || method != 8
        || !(1..=9).contains(&mem)
        || !(8..=15).contains(&window)
        || !(0..=4).contains(&strategy)
        || (window == 8 && wrap != 1);
    if invalid {
        return Err(ZErr::Value("Invalid initialization option"));
    }
    if mem != 8 {
        return Err(ZErr::NotImplemented(format!(
            "zlib: memLevel {mem} is not supported (only 8)"
        )));
    }
    if strategy != 0 {
        return Err(ZErr::NotImplemented(format!(
            "zlib: strategy {strategy} is not supported (only Z_DEFAULT_STRATEGY)"
        )));
    }
    Ok(())
}

fn new_deflate(p: &DeflateParams) -> Result<Compress, ZErr> {
    let level = if p.level < 0 {
        Compression::default()
    } else {
        Compression::new(p.level as u32)
    };
    // zlib makes a window of 8 a window of 9 (zlib streams only).
    let mut z = if p.wbits < 0 {
        Compress::new_with_window_bits(level, false, (-p.wbits).max(9) as u8)
    } else if p.wbits > 15 {
        Compress::new_gzip(level, (p.wbits - 16) as u8)
    } else {
        Compress::new_with_window_bits(level, true, p.wbits.max(9) as u8)
    };
    if let Some(d) = &p.zdict {
        if p.wbits > 15 {
            return Err(ZErr::Value("Invalid dictionary"));
        }
        z.set_dictionary(d)
            .map_err(|_| ZErr::Value("Invalid dictionary"))?;
    }
    Ok(z)
}

/// Runs deflate over `input` with `flush` as CPython's loops do: one call per output block
/// until a call leaves room in its block.
fn deflate_run(
    z: &mut Compress,
    input: &[u8],
    flush: FlushCompress,
    context: &'static str,
) -> Result<Vec<u8>, ZErr> {
    let mut out = OutBuf::new(None);
    let mut pos = 0;
    loop {
        if out.full() {
            out.grow();
        }
        let (bi, bo) = (z.total_in(), z.total_out());
        let r = z.compress(&input[pos..], out.space(), flush);
        pos += (z.total_in() - bi) as usize;
        out.filled += (z.total_out() - bo) as usize;
        if r.is_err() {
            return Err(stream_state(context));
        }
        if !out.full() {
            break;
        }
    }
    Ok(out.finish())
}

fn compress(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = data_and_keywords(vm, a, 0, "compress", &["data", "level", "wbits"])?;
    let data = buffer(vm, p[0].unwrap_or(&Value::None))?;
    let level = match p[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let wbits = match p[2] {
        Some(v) => c_int(vm, v)?,
        None => 15,
    };
    if check_deflate(level, 8, wbits, 8, 0).is_err() {
        return Err(raise(vm, ZErr::Plain("Bad compression level")));
    }
    let params = DeflateParams {
        level,
        wbits,
        zdict: None,
    };
    let out = new_deflate(&params)
        .and_then(|mut z| {
            deflate_run(
                &mut z,
                &data,
                FlushCompress::Finish,
                "while compressing data",
            )
        })
        .map_err(|e| raise(vm, e))?;
    Ok(bytes_value(out))
}

/// A compression stream: zlib's state plus what `copy` needs to rebuild it.
struct CompState {
    z: Option<Compress>,
    params: DeflateParams,
    /// The calls seen so far (input, flush mode), or `None` past [`REPLAY_LIMIT`].
    log: Option<Vec<(Vec<u8>, i64)>>,
    logged: usize,
}

impl NativeState for CompState {}

impl CompState {
    fn new(params: DeflateParams) -> Result<CompState, ZErr> {
        Ok(CompState {
            z: Some(new_deflate(&params)?),
            params,
            log: Some(Vec::new()),
            logged: 0,
        })
    }

    fn note(&mut self, data: &[u8], mode: i64) {
        self.logged += data.len();
        if self.logged > REPLAY_LIMIT {
            self.log = None;
        }
        if let Some(log) = &mut self.log {
            log.push((data.to_vec(), mode));
        }
    }

    fn compress(&mut self, data: &[u8]) -> Result<Vec<u8>, ZErr> {
        let context = "while compressing data";
        let z = self.z.as_mut().ok_or(stream_state(context))?;
        let out = deflate_run(z, data, FlushCompress::None, context)?;
        self.note(data, Z_NO_FLUSH);
        Ok(out)
    }

    fn flush(&mut self, mode: i64) -> Result<Vec<u8>, ZErr> {
        let context = "while flushing";
        if mode == Z_NO_FLUSH {
            return Ok(Vec::new());
        }
        let flush = match mode {
            Z_PARTIAL_FLUSH => FlushCompress::Partial,
            Z_SYNC_FLUSH => FlushCompress::Sync,
            Z_FULL_FLUSH => FlushCompress::Full,
            Z_FINISH => FlushCompress::Finish,
            Z_BLOCK | Z_TREES if self.z.is_some() => {
                return Err(ZErr::NotImplemented(
                    "zlib: Z_BLOCK and Z_TREES flushes are not supported".into(),
                ))
            }
            _ => return Err(stream_state(context)),
        };
        let z = self.z.as_mut().ok_or(stream_state(context))?;
        let out = deflate_run(z, &[], flush, context)?;
        self.note(&[], mode);
        if mode == Z_FINISH {
            // deflateEnd: the object is spent.
            self.z = None;
        }
        Ok(out)
    }

    fn copy(&self) -> Result<CompState, ZErr> {
        if self.z.is_none() {
            return Err(ZErr::Value("Inconsistent stream state"));
        }
        let Some(log) = &self.log else {
            return Err(ZErr::NotImplemented(format!(
                "zlib: copy() of a stream past {} MiB of input is not supported",
                REPLAY_LIMIT >> 20
            )));
        };
        let mut c = CompState::new(self.params.clone())?;
        for (data, mode) in log {
            if *mode == Z_NO_FLUSH {
                c.compress(data)?;
            } else {
                c.flush(*mode)?;
            }
        }
        Ok(c)
    }
}

fn compressobj(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let p = parse_args(vm, a, 0, "compressobj", &names, 0, 6)?;
    let mut ints = [-1, 8, 15, 8, 0];
    for (i, slot) in ints.iter_mut().enumerate() {
        if let Some(v) = p[i] {
            *slot = c_int(vm, v)?;
        }
    }
    let zdict = match p[5] {
        Some(Value::None) | None => None,
        Some(v) => Some(buffer(vm, v)?),
    };
    let [level, method, wbits, mem, strategy] = ints;
    check_deflate(level, method, wbits, mem, strategy).map_err(|e| raise(vm, e))?;
    let state = CompState::new(DeflateParams {
        level,
        wbits,
        zdict,
    })
    .map_err(|e| raise(vm, e))?;
    let cls = native_class(vm, "zlib.Compress");
    Ok(new_native(cls.clone(), cls, None, state))
}

fn comp_state<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut CompState> {
    receiver::<CompState>(vm, a, "zlib.Compress", method)
}

fn comp_compress(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    comp_state(vm, a, "compress")?;
    positional(vm, a, 1, "compress", 1, 1)?;
    let data = buffer(vm, &a.pos[1])?;
    let s = comp_state(vm, a, "compress")?;
    let out = s.compress(&data).map_err(|e| raise(vm, e))?;
    Ok(bytes_value(out))
}

fn comp_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    comp_state(vm, a, "flush")?;
    positional(vm, a, 1, "flush", 0, 1)?;
    let mode = match a.pos.get(1) {
        Some(v) => i64::from(c_int(vm, v)?),
        None => Z_FINISH,
    };
    let s = comp_state(vm, a, "flush")?;
    let out = s.flush(mode).map_err(|e| raise(vm, e))?;
    Ok(bytes_value(out))
}

fn comp_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    comp_state(vm, a, "copy")?;
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(vm.type_error(format!(
            "copy() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kw.len()
        )));
    }
    comp_clone(vm, a, "copy")
}

fn comp_deepcopy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, 1, "__deepcopy__", 1, 1)?;
    comp_clone(vm, a, "__deepcopy__")
}

/// A new `zlib.Compress` object continuing from the receiver's state.
fn comp_clone(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    let c = comp_state(vm, a, method)?
        .copy()
        .map_err(|e| raise(vm, e))?;
    let cls = native_class(vm, "zlib.Compress");
    Ok(new_native(cls.clone(), cls, None, c))
}

// ----- inflate -----

/// What `flate2` is asked to read, from a `wbits` value inflateInit2 accepts.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Raw,
    Zlib,
    Gzip,
    /// gzip or zlib, decided by the first two bytes.
    Auto,
}

/// The container and window of `wbits` as inflateInit2 reads them; `None` if it rejects it.
fn inflate_format(wbits: i32) -> Option<(Format, i32)> {
    if wbits < 0 {
        return (8..=15).contains(&-wbits).then_some((Format::Raw, -wbits));
    }
    if wbits >= 48 {
        return None;
    }
    let window = wbits & 15;
    if window != 0 && window < 8 {
        return None;
    }
    let format = match wbits >> 4 {
        0 => Format::Zlib,
        1 => Format::Gzip,
        _ => Format::Auto,
    };
    Some((format, window))
}

/// An inflate stream; the container is settled once its first two bytes are seen when the
/// format is auto-detected or the window is 8 (which `flate2` cannot ask for: zlib's header
/// check for it is made here).
enum Inflater {
    Pending {
        format: Format,
        window: i32,
        head: Vec<u8>,
    },
    Ready(Decompress),
    /// After `inflateEnd`.
    Ended,
}

/// The outcome of one inflate call.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Rc {
    Ok,
    Buf,
    End,
    NeedDict,
}

impl Inflater {
    fn new(format: Format, window: i32) -> Inflater {
        if format == Format::Auto || window == 8 && format == Format::Zlib {
            return Inflater::Pending {
                format,
                window,
                head: Vec::new(),
            };
        }
        Inflater::Ready(make_inflate(format, window))
    }

    /// One inflate call over `input` into `out`: (consumed, produced, outcome).
    fn step(
        &mut self,
        input: &[u8],
        out: &mut [u8],
        flush: FlushDecompress,
        context: &'static str,
    ) -> (usize, usize, Result<Rc, ZErr>) {
        if let Inflater::Pending { head, .. } = self {
            if head.len() + input.len() < 2 {
                head.extend_from_slice(input);
                let rc = if input.is_empty() { Rc::Buf } else { Rc::Ok };
                return (input.len(), 0, Ok(rc));
            }
            if let Err((used, e)) = self.settle(input, context) {
                return (used, 0, Err(e));
            }
        }
        let Inflater::Ready(d) = self else {
            return (0, 0, Err(stream_state(context)));
        };
        let (bi, bo) = (d.total_in(), d.total_out());
        let r = d.decompress(input, out, flush);
        let consumed = (d.total_in() - bi) as usize;
        let produced = (d.total_out() - bo) as usize;
        let rc = match r {
            Ok(Status::Ok) => Ok(Rc::Ok),
            Ok(Status::BufError) => Ok(Rc::Buf),
            Ok(Status::StreamEnd) => Ok(Rc::End),
            Err(e) if e.needs_dictionary().is_some() => Ok(Rc::NeedDict),
            Err(e) => Err(inflate_err(&e, context)),
        };
        (consumed, produced, rc)
    }

    /// Makes the stream once the first two bytes (`head` and the start of `input`) are known:
    /// gzip or zlib for an auto-detected format, and zlib's window check for a window of 8.
    /// The bytes held back are fed to the new stream; on an error, how much of `input` was
    /// read.
    fn settle(&mut self, input: &[u8], context: &'static str) -> Result<(), (usize, ZErr)> {
        let Inflater::Pending {
            format,
            window,
            head,
        } = self
        else {
            return Ok(());
        };
        let held = head.len();
        let (cmf, flg) = match held {
            0 => (input[0], input[1]),
            _ => (head[0], input[0]),
        };
        let gzip = *format == Format::Auto && (cmf, flg) == (0x1f, 0x8b);
        let window = *window;
        if !gzip && window == 8 {
            let header_ok = (u32::from(cmf) * 256 + u32::from(flg)) % 31 == 0;
            if header_ok && cmf & 15 == 8 && cmf >> 4 == 1 {
                *self = Inflater::Ended;
                let msg = Some("invalid window size".to_string());
                let e = ZErr::Zlib {
                    code: -3,
                    context,
                    msg,
                };
                return Err((2 - held, e));
            }
        }
        let mut d = make_inflate(if gzip { Format::Gzip } else { Format::Zlib }, window);
        if held > 0 {
            // Into no output: a header byte yields none.
            let _ = d.decompress(head, &mut [], FlushDecompress::None);
        }
        *self = Inflater::Ready(d);
        Ok(())
    }

    fn set_dictionary(&mut self, dict: &[u8], context: &'static str) -> Result<(), ZErr> {
        let err = |e: Option<String>| ZErr::Zlib {
            code: -3,
            context,
            msg: e,
        };
        match self {
            Inflater::Ready(d) => d
                .set_dictionary(dict)
                .map(|_| ())
                .map_err(|e| err(e.message().map(str::to_string))),
            _ => Err(stream_state(context)),
        }
    }
}

fn make_inflate(format: Format, window: i32) -> Decompress {
    // A window of 0 takes the header's (at most 15); flate2 wants 9..=15.
    let w = if window == 0 { 15 } else { window.max(9) } as u8;
    match format {
        Format::Raw => Decompress::new_with_window_bits(false, w),
        Format::Gzip => Decompress::new_gzip(w),
        Format::Zlib | Format::Auto => Decompress::new_with_window_bits(true, w),
    }
}

fn decompress(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = data_and_keywords(vm, a, 0, "decompress", &["data", "wbits", "bufsize"])?;
    let data = buffer(vm, p[0].unwrap_or(&Value::None))?;
    let wbits = match p[1] {
        Some(v) => c_int(vm, v)?,
        None => 15,
    };
    let bufsize = match p[2] {
        Some(v) => c_ssize(vm, v)?,
        None => DEF_BUF_SIZE as i64,
    };
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let out = decompress_all(&data, wbits, bufsize.max(1) as usize).map_err(|e| raise(vm, e))?;
    Ok(bytes_value(out))
}

fn decompress_all(data: &[u8], wbits: i32, bufsize: usize) -> Result<Vec<u8>, ZErr> {
    let context = "while decompressing data";
    let Some((format, window)) = inflate_format(wbits) else {
        return Err(stream_state("while preparing to decompress data"));
    };
    let mut inf = Inflater::new(format, window);
    let mut out = OutBuf::with_first(bufsize.min(1 << 30), None);
    let mut pos = 0;
    let mut rc;
    loop {
        if out.full() {
            out.grow();
        }
        let filled = out.filled;
        let (c, n, r) = inf.step(
            &data[pos..],
            &mut out.data[filled..],
            FlushDecompress::Finish,
            context,
        );
        pos += c;
        out.filled += n;
        rc = r?;
        if rc == Rc::NeedDict {
            return Err(ZErr::Zlib {
                code: 2,
                context,
                msg: None,
            });
        }
        if !out.full() {
            break;
        }
    }
    if rc != Rc::End {
        // Z_FINISH that cannot finish reports Z_BUF_ERROR.
        return Err(ZErr::Zlib {
            code: -5,
            context,
            msg: None,
        });
    }
    Ok(out.finish())
}

/// One logged call of a decompression stream, for `copy`.
#[derive(Clone)]
enum DecompCall {
    Decompress(Vec<u8>, Option<usize>),
    Flush(usize),
}

/// A decompression stream.
struct DecompState {
    inf: Inflater,
    format: Format,
    window: i32,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    log: Option<Vec<DecompCall>>,
    logged: usize,
}

impl NativeState for DecompState {}

impl DecompState {
    fn new(wbits: i32, zdict: Option<Vec<u8>>) -> Result<DecompState, ZErr> {
        let Some((format, window)) = inflate_format(wbits) else {
            return Err(ZErr::Value("Invalid initialization option"));
        };
        let mut inf = Inflater::new(format, window);
        if let (Some(d), Format::Raw) = (&zdict, format) {
            inf.set_dictionary(d, "while setting zdict")?;
        }
        Ok(DecompState {
            inf,
            format,
            window,
            zdict,
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
            eof: false,
            log: Some(Vec::new()),
            logged: 0,
        })
    }

    fn note(&mut self, len: usize, call: impl FnOnce() -> DecompCall) {
        self.logged += len;
        if self.logged > REPLAY_LIMIT {
            self.log = None;
        }
        if let Some(log) = &mut self.log {
            log.push(call());
        }
    }

    /// Keeps the input a call left: past the end of the stream in `unused_data`; when the
    /// output limit stopped it (or to clear an old tail) in `unconsumed_tail`.
    fn save_unconsumed(&mut self, data: &[u8], pos: usize, rc: Option<Rc>) {
        let mut avail = data.len() - pos;
        if rc == Some(Rc::End) && avail > 0 {
            self.unused_data.extend_from_slice(&data[pos..]);
            avail = 0;
        }
        if avail > 0 || !self.unconsumed_tail.is_empty() {
            self.unconsumed_tail = data[pos..].to_vec();
        }
    }

    fn decompress(&mut self, data: &[u8], max_length: Option<usize>) -> Result<Vec<u8>, ZErr> {
        self.note(data.len(), || {
            DecompCall::Decompress(data.to_vec(), max_length)
        });
        let context = "while decompressing data";
        let mut out = OutBuf::new(max_length);
        let mut pos = 0;
        let mut result: Result<Rc, ZErr> = Ok(Rc::Ok);
        loop {
            if out.full() {
                if out.at_max() {
                    break;
                }
                out.grow();
            }
            let filled = out.filled;
            let (c, n, r) = self.inf.step(
                &data[pos..],
                &mut out.data[filled..],
                FlushDecompress::Sync,
                context,
            );
            pos += c;
            out.filled += n;
            result = r;
            match result {
                Ok(Rc::NeedDict) => match &self.zdict {
                    Some(d) => {
                        let d = d.clone();
                        self.inf.set_dictionary(&d, "while setting zdict")?;
                        continue;
                    }
                    None => break,
                },
                Ok(_) => {}
                Err(_) => break,
            }
            if !out.full() {
                break;
            }
        }
        let rc = result.as_ref().ok().copied();
        self.save_unconsumed(data, pos, rc);
        match result {
            Ok(Rc::End) => self.eof = true,
            Ok(Rc::NeedDict) => {
                return Err(ZErr::Zlib {
                    code: 2,
                    context,
                    msg: None,
                })
            }
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        Ok(out.finish())
    }

    fn flush(&mut self, length: usize) -> Vec<u8> {
        self.note(0, || DecompCall::Flush(length));
        let context = "while decompressing data";
        let data = std::mem::take(&mut self.unconsumed_tail);
        let mut out = OutBuf::with_first(length.min(1 << 30), None);
        let mut pos = 0;
        let mut rc = None;
        loop {
            if out.full() {
                out.grow();
            }
            let filled = out.filled;
            let (c, n, r) = self.inf.step(
                &data[pos..],
                &mut out.data[filled..],
                FlushDecompress::Finish,
                context,
            );
            pos += c;
            out.filled += n;
            // Errors end the flush quietly, as in CPython.
            match r {
                Ok(Rc::NeedDict) | Err(_) => break,
                Ok(x) => rc = Some(x),
            }
            if !out.full() {
                break;
            }
        }
        self.unconsumed_tail = data.clone();
        self.save_unconsumed(&data, pos, rc);
        if rc == Some(Rc::End) {
            self.eof = true;
            self.inf = Inflater::Ended;
        }
        out.finish()
    }

    fn copy(&self) -> Result<DecompState, ZErr> {
        if matches!(self.inf, Inflater::Ended) {
            return Err(ZErr::Value("Inconsistent stream state"));
        }
        let Some(log) = &self.log else {
            return Err(ZErr::NotImplemented(format!(
                "zlib: copy() of a stream past {} MiB of input is not supported",
                REPLAY_LIMIT >> 20
            )));
        };
        let wbits = match self.format {
            Format::Raw => -self.window,
            Format::Zlib => self.window,
            Format::Gzip => self.window + 16,
            Format::Auto => self.window + 32,
        };
        let mut c = DecompState::new(wbits, self.zdict.clone())?;
        for call in log {
            match call {
                DecompCall::Decompress(d, m) => {
                    let _ = c.decompress(d, *m);
                }
                DecompCall::Flush(n) => {
                    c.flush(*n);
                }
            }
        }
        c.unused_data = self.unused_data.clone();
        c.unconsumed_tail = self.unconsumed_tail.clone();
        c.eof = self.eof;
        Ok(c)
    }
}

fn decompressobj(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, "decompressobj", &["wbits", "zdict"], 0, 2)?;
    let wbits = match p[0] {
        Some(v) => c_int(vm, v)?,
        None => 15,
    };
    let zdict = match p[1] {
        None => None,
        Some(v) => match crate::objects::bytearray::bytes_like(v) {
            Some(b) => Some(b),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
    };
    let state = DecompState::new(wbits, zdict).map_err(|e| raise(vm, e))?;
    let cls = native_class(vm, "zlib.Decompress");
    Ok(new_native(cls.clone(), cls, None, state))
}

fn decomp_state<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut DecompState> {
    receiver::<DecompState>(vm, a, "zlib.Decompress", method)
}

fn decomp_decompress(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decomp_state(vm, a, "decompress")?;
    let p = data_and_keywords(vm, a, 1, "decompress", &["data", "max_length"])?;
    let data = buffer(vm, p[0].unwrap_or(&Value::None))?;
    let max_length = match p[1] {
        Some(v) => c_ssize(vm, v)?,
        None => 0,
    };
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let max = (max_length > 0).then_some(max_length as usize);
    let s = decomp_state(vm, a, "decompress")?;
    let out = s.decompress(&data, max).map_err(|e| raise(vm, e))?;
    Ok(bytes_value(out))
}

fn decomp_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decomp_state(vm, a, "flush")?;
    positional(vm, a, 1, "flush", 0, 1)?;
    let length = match a.pos.get(1) {
        Some(v) => c_ssize(vm, v)?,
        None => DEF_BUF_SIZE as i64,
    };
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let s = decomp_state(vm, a, "flush")?;
    Ok(bytes_value(s.flush(length as usize)))
}

fn decomp_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    decomp_state(vm, a, "copy")?;
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(vm.type_error(format!(
            "copy() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kw.len()
        )));
    }
    decomp_clone(vm, a, "copy")
}

fn decomp_deepcopy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, 1, "__deepcopy__", 1, 1)?;
    decomp_clone(vm, a, "__deepcopy__")
}

/// A new `zlib.Decompress` object continuing from the receiver's state.
fn decomp_clone(vm: &mut Vm, a: &Args, method: &str) -> PyResult<Value> {
    let c = decomp_state(vm, a, method)?
        .copy()
        .map_err(|e| raise(vm, e))?;
    let cls = native_class(vm, "zlib.Decompress");
    Ok(new_native(cls.clone(), cls, None, c))
}

fn get_unused_data(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = decomp_state(vm, a, "unused_data")?;
    Ok(bytes_value(s.unused_data.clone()))
}

fn get_unconsumed_tail(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = decomp_state(vm, a, "unconsumed_tail")?;
    Ok(bytes_value(s.unconsumed_tail.clone()))
}

fn get_eof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = decomp_state(vm, a, "eof")?;
    Ok(Value::Bool(s.eof))
}

// ----- checksums -----

/// `value` as C's `unsigned int` with wrap-around (clinic's `bitwise` converter).
fn checksum_start(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    super::binascii::uint_arg(vm, v)
}

fn crc32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, 0, "crc32", 1, 2)?;
    let data = buffer(vm, &a.pos[0])?;
    let start = match a.pos.get(1) {
        Some(v) => checksum_start(vm, v)?,
        None => 0,
    };
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(&data);
    Ok(Value::Int(i64::from(h.finalize())))
}

fn adler32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, 0, "adler32", 1, 2)?;
    let data = buffer(vm, &a.pos[0])?;
    let start = match a.pos.get(1) {
        Some(v) => checksum_start(vm, v)?,
        None => 1,
    };
    Ok(Value::Int(i64::from(adler(start, &data))))
}

/// Adler-32 continuing from `start`, reduced as zlib's `adler32_z` reduces it (one byte,
/// fewer than 16, or whole blocks), so an out-of-range start gives zlib's answer too.
fn adler(start: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    // The largest n with 255n(n+1)/2 + (n+1)(MOD-1) < 2^32: sums stay in a u32.
    const NMAX: usize = 5552;
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    if data.len() == 1 {
        a += u32::from(data[0]);
        if a >= MOD {
            a -= MOD;
        }
        b += a;
        if b >= MOD {
            b -= MOD;
        }
        return (b << 16) | a;
    }
    if data.len() < 16 {
        for &x in data {
            a += u32::from(x);
            b += a;
        }
        if a >= MOD {
            a -= MOD;
        }
        return ((b % MOD) << 16) | a;
    }
    for chunk in data.chunks(NMAX) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}
