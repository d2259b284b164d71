//! `_io.FileIO` (raw, unbuffered I/O on a descriptor) and `_io.open` / `io.open` /
//! `builtins.open`, as CPython 3.11's: mode parsing and its messages, `closefd`, `opener`,
//! the raw → buffered → text stack (`BufferedReader`/`Writer`/`Random` from `buffered.rs`,
//! `TextIOWrapper` from `textio.rs`). Opening needs the host-files capability
//! (`fs::allowed`); without it `open` raises `OSError(ENOSYS)`.

use super::fs;
use super::{native_class, new_native, parse_args, receiver};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const TYPE: &str = "_io.FileIO";
const DEFAULT_BUFFER_SIZE: i64 = 8192;

pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::new("FileIO", new),
    NativeFn::new("FileIO.__init__", init),
    NativeFn::method("FileIO.read", read, Arity::Range(0, 1), None),
    NativeFn::method("FileIO.readall", readall, Arity::NoArgs, None),
    NativeFn::method("FileIO.readinto", readinto, Arity::One, None),
    NativeFn::method("FileIO.write", write, Arity::One, None),
    NativeFn::method("FileIO.seek", seek, Arity::Range(1, 2), None),
    NativeFn::method("FileIO.tell", tell, Arity::NoArgs, None),
    NativeFn::method("FileIO.truncate", truncate, Arity::Range(0, 1), None),
    NativeFn::method("FileIO.close", close, Arity::NoArgs, None),
    NativeFn::method("FileIO.flush", flush, Arity::NoArgs, None),
    NativeFn::method("FileIO.fileno", fileno, Arity::NoArgs, None),
    NativeFn::method("FileIO.isatty", isatty, Arity::NoArgs, None),
    NativeFn::method("FileIO.readable", readable, Arity::NoArgs, None),
    NativeFn::method("FileIO.writable", writable, Arity::NoArgs, None),
    NativeFn::method("FileIO.seekable", seekable, Arity::NoArgs, None),
    NativeFn::method("FileIO.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("FileIO.__getstate__", getstate, Arity::NoArgs, None),
    NativeFn::method("FileIO._dealloc_warn", dealloc_warn, Arity::One, None),
];
static CLOSED: NativeFn = NativeFn::method("FileIO.closed", closed_get, Arity::NoArgs, None);
static CLOSEFD: NativeFn = NativeFn::method("FileIO.closefd", closefd_get, Arity::NoArgs, None);
static MODE: NativeFn = NativeFn::method("FileIO.mode", mode_get, Arity::NoArgs, None);
static BLKSIZE: NativeFn = NativeFn::method("FileIO._blksize", blksize_get, Arity::NoArgs, None);

/// The descriptor (`-1` once closed) and what the mode allows.
struct FileIO {
    fd: i32,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
    /// Whether `lseek` works, found on first need.
    seekable: Option<bool>,
    /// The file's block size, for `readall`'s first guess.
    blksize: i64,
}

impl NativeState for FileIO {}

impl Drop for FileIO {
    fn drop(&mut self) {
        // `__del__` closes an open file first; this is the last resort for one the
        // finalizer never saw (a cycle freed without its finalizer), so no descriptor leaks.
        if self.fd >= 0 && self.closefd {
            let _ = nix::unistd::close(self.fd);
        }
    }
}

/// Registers the type (deriving from `_io._RawIOBase`).
pub(crate) fn init_type(vm: &mut Vm, base: ObjRef) -> ObjRef {
    let cls = super::native_type(vm, TYPE, Some(base), METHODS, false);
    super::add_property(&cls, "closed", &CLOSED, Some(&super::READONLY));
    super::add_property(&cls, "closefd", &CLOSEFD, Some(&super::READONLY));
    super::add_property(&cls, "mode", &MODE, Some(&super::READONLY));
    super::add_property(&cls, "_blksize", &BLKSIZE, Some(&super::READONLY));
    cls
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn unsupported(vm: &mut Vm, msg: &str) -> ObjRef {
    let cls = native_class(vm, "io.UnsupportedOperation");
    vm.make_exc(&cls, vec![Vm::str_val(msg)])
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.getattr(obj, &Vm::str_val(name))?;
    vm.call(&m, args, &[])
}

fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, TYPE);
    let me = new_native(
        cls,
        native,
        None,
        FileIO {
            fd: -1,
            readable: false,
            writable: false,
            appending: false,
            created: false,
            closefd: true,
            seekable: None,
            blksize: DEFAULT_BUFFER_SIZE,
        },
    );
    crate::vm::call::mark_has_del(&me);
    Ok(me)
}

fn state<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut FileIO> {
    receiver::<FileIO>(vm, a, TYPE, method)
}

/// The receiver's descriptor, refusing a closed file.
fn open_fd(vm: &mut Vm, a: &Args, method: &str) -> PyResult<i32> {
    let f = state(vm, a, method)?;
    if f.fd < 0 {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(f.fd)
}

/// Parses a FileIO mode (`r`, `w`, `x`, `a`, each with `+` and `b`): (readable, writable,
/// created, appending, flags).
fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<(bool, bool, bool, bool, i32)> {
    let (mut r, mut w, mut x, mut ap, mut plus) = (false, false, false, false, false);
    let mut rwa = false;
    let bad = |vm: &mut Vm| {
        Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ))
    };
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return bad(vm);
                }
                rwa = true;
                match c {
                    'x' => x = true,
                    'r' => r = true,
                    'w' => w = true,
                    _ => ap = true,
                }
            }
            '+' => {
                if plus {
                    return bad(vm);
                }
                plus = true;
            }
            'b' => {}
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return bad(vm);
    }
    let readable = r || plus;
    let writable = w || x || ap || plus;
    let mut flags = if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    if x {
        flags |= libc::O_EXCL | libc::O_CREAT;
    }
    if w {
        flags |= libc::O_CREAT | libc::O_TRUNC;
    }
    if ap {
        flags |= libc::O_APPEND | libc::O_CREAT;
    }
    Ok((readable, writable, x, ap, flags | libc::O_CLOEXEC))
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "FileIO",
        &["file", "mode", "closefd", "opener"],
        1,
        4,
    )?;
    let me = a.pos[0].clone();
    let file = args[0].cloned().unwrap_or(Value::None);
    let mode = mode_arg(vm, args[1], "FileIO()")?;
    let closefd = match args[2] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let opener = args[3].cloned().filter(|v| !matches!(v, Value::None));
    // Re-initialising an open FileIO closes it first, as CPython.
    {
        let f = state(vm, a, "__init__")?;
        if f.fd >= 0 {
            if f.closefd {
                let _ = nix::unistd::close(f.fd);
            }
            f.fd = -1;
        }
    }
    if matches!(file, Value::Float(_)) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let given_fd = match &file {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    let (readable, writable, created, appending, flags) = parse_mode(vm, &mode)?;
    let fd = if let Some(n) = given_fd {
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        i32::try_from(n).map_err(|_| {
            vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })?
    } else {
        fs::allowed(vm)?;
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let p = fs::path_arg(vm, &file, "FileIO", "file", false).map_err(|e| {
            if vm.exc_matches(&e, ExcKind::TypeError) {
                let t = vm.type_name(&file);
                vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {t}"
                ))
            } else {
                e
            }
        })?;
        match &opener {
            Some(op) => {
                let r = vm.call(op, &[file.clone(), Value::Int(flags as i64)], &[])?;
                let n = match r {
                    Value::Int(n) => n,
                    _ => {
                        return Err(vm.type_error(format!(
                            "expected integer from opener, not {}",
                            vm.type_name(&r)
                        )))
                    }
                };
                if n < 0 {
                    return Err(vm.value_error(format!("opener returned {n}")));
                }
                n as i32
            }
            None => loop {
                let m = nix::sys::stat::Mode::from_bits_retain(0o666);
                match nix::fcntl::open(p.path(), nix::fcntl::OFlag::from_bits_retain(flags), m) {
                    Ok(fd) => break fd,
                    Err(nix::errno::Errno::EINTR) => continue,
                    Err(e) => return Err(fs::errno_error(vm, e as i32, Some(&p.obj), None)),
                }
            },
        }
    };
    // A descriptor the caller gave stays theirs when initialisation fails (CPython's
    // `fd_is_own`); one opened here is closed again.
    let own = given_fd.is_none();
    let close_now = |fd: i32| {
        if own {
            let _ = nix::unistd::close(fd);
        }
    };
    // A directory cannot be opened as a file.
    let mut blksize = DEFAULT_BUFFER_SIZE;
    match nix::sys::stat::fstat(fd) {
        Ok(st) => {
            if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                close_now(fd);
                return Err(fs::errno_error(vm, libc::EISDIR, Some(&file), None));
            }
            if st.st_blksize > 1 {
                blksize = st.st_blksize;
            }
        }
        Err(nix::errno::Errno::EBADF) => {
            return Err(fs::errno_error(vm, libc::EBADF, None, None));
        }
        Err(_) => {}
    }
    {
        let f = state(vm, a, "__init__")?;
        *f = FileIO {
            fd,
            readable,
            writable,
            appending,
            created,
            closefd,
            seekable: None,
            blksize,
        };
    }
    if let Err(e) = vm.setattr(&me, &Vm::str_val("name"), file) {
        close_now(fd);
        state(vm, a, "__init__")?.fd = -1;
        return Err(e);
    }
    if appending {
        // As CPython: the position starts at the end (what `tell()` reports).
        let _ = nix::unistd::lseek(fd, 0, nix::unistd::Whence::SeekEnd);
    }
    Ok(Value::None)
}

fn check_readable(vm: &mut Vm, a: &Args, method: &str) -> PyResult<i32> {
    let fd = open_fd(vm, a, method)?;
    if !state(vm, a, method)?.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(fd)
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = check_readable(vm, a, "read")?;
    let n = match a.get(1) {
        None | Some(Value::None) => -1,
        Some(v) => vm.index_of(v)?,
    };
    if n < 0 {
        return readall(vm, a);
    }
    if !crate::budget::fits(n as usize) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    match fs::read_fd(fd, n as usize) {
        Ok(b) => Ok(bytes_val(b)),
        Err(nix::errno::Errno::EAGAIN) => Ok(Value::None),
        Err(e) => Err(fs::errno_error(vm, e as i32, None, None)),
    }
}

fn readall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = check_readable(vm, a, "readall")?;
    let blk = state(vm, a, "readall")?.blksize.max(DEFAULT_BUFFER_SIZE) as usize;
    // Start from what is left of the file, as CPython sizes its first read.
    let mut want = blk;
    if let Ok(st) = nix::sys::stat::fstat(fd) {
        if let Ok(pos) = nix::unistd::lseek(fd, 0, nix::unistd::Whence::SeekCur) {
            if st.st_size > pos {
                want = (st.st_size - pos) as usize + 1;
            }
        }
    }
    let mut out: Vec<u8> = Vec::new();
    loop {
        if crate::budget::over() || !crate::budget::fits(want) {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
        match fs::read_fd(fd, want) {
            Ok(b) if b.is_empty() => break,
            Ok(b) => {
                out.extend_from_slice(&b);
                want = want.max(blk);
            }
            Err(nix::errno::Errno::EAGAIN) if out.is_empty() => return Ok(Value::None),
            Err(nix::errno::Errno::EAGAIN) => break,
            Err(e) => return Err(fs::errno_error(vm, e as i32, None, None)),
        }
    }
    Ok(bytes_val(out))
}

fn readinto(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = check_readable(vm, a, "readinto")?;
    let target = a.pos[1].clone();
    let (n, view) = writable_buffer(vm, &target)?;
    let data = match fs::read_fd(fd, n) {
        Ok(b) => b,
        Err(nix::errno::Errno::EAGAIN) => return Ok(Value::None),
        Err(e) => return Err(fs::errno_error(vm, e as i32, None, None)),
    };
    let got = data.len();
    fill_buffer(vm, &target, &view, data)?;
    Ok(Value::Int(got as i64))
}

fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = open_fd(vm, a, "write")?;
    if !state(vm, a, "write")?.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let Some(data) = crate::objects::bytearray::bytes_like(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a.pos[1])
        )));
    };
    match fs::write_fd(fd, &data) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(Value::None),
        Err(e) => Err(fs::errno_error(
            vm,
            e.raw_os_error().unwrap_or(libc::EIO),
            None,
            None,
        )),
    }
}

fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = a.pos[1].clone();
    if matches!(pos, Value::Float(_)) {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = vm.index_of(&pos)?;
    let whence = match a.get(2) {
        Some(w) => vm.index_of(w)?,
        None => 0,
    };
    let fd = open_fd(vm, a, "seek")?;
    Ok(Value::Int(fs::seek_fd(vm, fd, pos, whence)?))
}

fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = open_fd(vm, a, "tell")?;
    Ok(Value::Int(fs::seek_fd(vm, fd, 0, 1)?))
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = open_fd(vm, a, "truncate")?;
    if !state(vm, a, "truncate")?.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match a.get(1) {
        None | Some(Value::None) => fs::seek_fd(vm, fd, 0, 1)?,
        Some(v) => vm.index_of(v)?,
    };
    crate::value::heap::truncate_descriptor(fd, size).map_err(|e| {
        let code = e.raw_os_error().unwrap_or(libc::EIO);
        fs::errno_error(vm, code, None, None)
    })?;
    Ok(Value::Int(size))
}

/// `close()`: the base class's flush, then the descriptor (when `closefd`).
fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = state(vm, a, "close")?;
    if f.fd < 0 {
        return Ok(Value::None);
    }
    let (fd, closefd) = (f.fd, f.closefd);
    f.fd = -1;
    if closefd {
        if let Err(e) = nix::unistd::close(fd) {
            return Err(fs::errno_error(vm, e as i32, None, None));
        }
    }
    Ok(Value::None)
}

/// `flush()`: nothing is buffered at this level; a closed file refuses, as `IOBase.flush`.
fn flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if state(vm, a, "flush")?.fd < 0 {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(Value::None)
}

fn blksize_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(state(vm, a, "_blksize")?.blksize))
}

fn fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(open_fd(vm, a, "fileno")? as i64))
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = open_fd(vm, a, "isatty")?;
    Ok(Value::Bool(nix::unistd::isatty(fd).unwrap_or(false)))
}

fn readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open_fd(vm, a, "readable")?;
    Ok(Value::Bool(state(vm, a, "readable")?.readable))
}

fn writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    open_fd(vm, a, "writable")?;
    Ok(Value::Bool(state(vm, a, "writable")?.writable))
}

fn seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = open_fd(vm, a, "seekable")?;
    let f = state(vm, a, "seekable")?;
    let s = *f
        .seekable
        .get_or_insert_with(|| nix::unistd::lseek(fd, 0, nix::unistd::Whence::SeekCur).is_ok());
    Ok(Value::Bool(s))
}

fn closed_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(state(vm, a, "closed")?.fd < 0))
}

fn closefd_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(state(vm, a, "closefd")?.closefd))
}

fn mode_text(f: &FileIO) -> &'static str {
    match (f.created, f.appending, f.readable, f.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn mode_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(mode_text(state(vm, a, "mode")?)))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.type_of(&a.pos[0]);
    let qual = match cls.get() {
        Object::Class(c) if c.module != "builtins" => format!("{}.{}", c.module, c.qualname),
        Object::Class(c) => c.qualname.clone(),
        _ => TYPE.to_string(),
    };
    let f = state(vm, a, "__repr__")?;
    if f.fd < 0 {
        return Ok(Vm::str_val(format!("<{qual} [closed]>")));
    }
    let (fd, mode, closefd) = (f.fd, mode_text(f), f.closefd);
    let closefd = if closefd { "True" } else { "False" };
    match vm.getattr_opt(&a.pos[0], "name") {
        Ok(Some(name)) => {
            let r = vm.repr(&name)?;
            Ok(Vm::str_val(format!(
                "<{qual} name={r} mode='{mode}' closefd={closefd}>"
            )))
        }
        Ok(None) => Ok(Vm::str_val(format!(
            "<{qual} fd={fd} mode='{mode}' closefd={closefd}>"
        ))),
        Err(e) if vm.exc_matches(&e, ExcKind::ValueError) => Ok(Vm::str_val(format!(
            "<{qual} fd={fd} mode='{mode}' closefd={closefd}>"
        ))),
        Err(e) => Err(e),
    }
}

fn getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.type_name(&a.pos[0]);
    Err(vm.type_error(format!("cannot pickle '{t}' instances")))
}

fn dealloc_warn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// The size in bytes of a writable buffer (`readinto`'s argument), and a byte view of it
/// when it is not a bytearray (an `array.array`, a memoryview).
pub(crate) fn writable_buffer(vm: &mut Vm, target: &Value) -> PyResult<(usize, Value)> {
    if let Some(b) = super::state_of::<crate::objects::bytearray::ByteArray>(target) {
        return Ok((b.data.len(), Value::None));
    }
    let memoryview = vm
        .builtins
        .get("memoryview")
        .cloned()
        .unwrap_or(Value::None);
    let mut view = vm.call(&memoryview, std::slice::from_ref(target), &[])?;
    let format = vm.getattr(&view, &Vm::str_val("format"))?;
    if format.as_str() != Some("B") {
        let cast = vm.getattr(&view, &Vm::str_val("cast"))?;
        view = vm.call(&cast, &[Vm::str_val("B")], &[])?;
    }
    let n = vm.len_of(&view)?;
    Ok((n, view))
}

/// Copies `data` to the start of the buffer [`writable_buffer`] measured.
pub(crate) fn fill_buffer(
    vm: &mut Vm,
    target: &Value,
    view: &Value,
    data: Vec<u8>,
) -> PyResult<()> {
    let got = data.len();
    if let Some(dest) = super::state_of::<crate::objects::bytearray::ByteArray>(target) {
        dest.data[..got].copy_from_slice(&data);
        return Ok(());
    }
    let slice = Value::obj(Object::Slice {
        start: Value::Int(0),
        stop: Value::Int(got as i64),
        step: Value::None,
    });
    vm.setitem(view, slice, bytes_val(data))
}

// ----- open -----

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`: CPython's `io.open`.
pub(crate) fn open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        0,
        "open",
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        8,
    )?;
    let file = args[0].cloned().unwrap_or(Value::None);
    let mode = mode_arg(vm, args[1], "open()")?;
    let mut buffering = match args[2] {
        None => -1,
        Some(v) => vm.index_of(v)?,
    };
    let text_arg = |vm: &mut Vm, v: Option<&Value>, what: &str| -> PyResult<Option<Value>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) if v.as_str().is_some() => Ok(Some(v.clone())),
            Some(v) => Err(vm.type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                vm.type_name(v)
            ))),
        }
    };
    let encoding = text_arg(vm, args[3], "encoding")?;
    let errors = text_arg(vm, args[4], "errors")?;
    let newline = text_arg(vm, args[5], "newline")?;
    let closefd = match args[6] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let opener = args[7].cloned().unwrap_or(Value::None);
    // The file argument's type first, as CPython checks it before the mode; a PathLike
    // becomes its `fspath` (what `name` and error messages then show).
    let mut file = file;
    if !matches!(file, Value::Int(_) | Value::Bool(_)) {
        let cls = vm.type_of(&file);
        let pathlike = vm.lookup_class_attr(&cls, "__fspath__").is_some();
        let base = crate::value::num::inst_base(&file).unwrap_or_else(|| file.clone());
        let text_or_bytes = matches!(base, Value::Str(_))
            || matches!(base.body(), Some(Object::Str(_) | Object::Bytes(_)));
        if !pathlike && !text_or_bytes {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(&file)
            )));
        }
        if pathlike {
            let me = [file.clone()];
            file = super::posix::fspath(vm, &Args::new(&me, &[]))?;
        }
    }
    let mut seen = String::new();
    for c in mode.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            let r = vm.repr(&Vm::str_val(mode.as_str()))?;
            return Err(vm.value_error(format!("invalid mode: {r}")));
        }
        seen.push(c);
    }
    let has = |c: char| mode.contains(c);
    let (creating, reading, writing, appending, updating) =
        (has('x'), has('r'), has('w'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds = [creating, reading, writing, appending]
        .iter()
        .filter(|b| **b)
        .count();
    if kinds > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering == 1 {
        let warnings = vm.import_module("warnings")?;
        let warn = vm.getattr(&warnings, &Vm::str_val("warn"))?;
        let cat = Value::Obj(vm.exc_class(ExcKind::RuntimeWarning));
        vm.call(
            &warn,
            &[
                Vm::str_val(
                    "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                ),
                cat,
                Value::Int(2),
            ],
            &[],
        )?;
    }
    let mut rawmode = String::new();
    for (on, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if on {
            rawmode.push(c);
        }
    }
    let fileio = Value::Obj(native_class(vm, TYPE));
    let raw = vm.call(
        &fileio,
        &[file, Vm::str_val(rawmode), Value::Bool(closefd), opener],
        &[],
    )?;
    let stack = (|| -> PyResult<Value> {
        let isatty = call_method(vm, &raw, "isatty", &[])?;
        let line_buffering = buffering == 1 || (buffering < 0 && vm.truthy(&isatty)?);
        if buffering == 1 || buffering < 0 {
            buffering = super::state_of::<FileIO>(&raw).map_or(DEFAULT_BUFFER_SIZE, |f| f.blksize);
        }
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
        let kind = if updating {
            "_io.BufferedRandom"
        } else if creating || writing || appending {
            "_io.BufferedWriter"
        } else {
            "_io.BufferedReader"
        };
        let cls = Value::Obj(native_class(vm, kind));
        let buffer = vm.call(&cls, &[raw.clone(), Value::Int(buffering)], &[])?;
        if binary {
            return Ok(buffer);
        }
        let wrapper = Value::Obj(native_class(vm, "_io.TextIOWrapper"));
        let text = vm.call(
            &wrapper,
            &[
                buffer,
                encoding.clone().unwrap_or(Value::None),
                errors.clone().unwrap_or(Value::None),
                newline.clone().unwrap_or(Value::None),
                Value::Bool(line_buffering),
            ],
            &[],
        )?;
        vm.setattr(&text, &Vm::str_val("mode"), Vm::str_val(mode.as_str()))?;
        Ok(text)
    })();
    if stack.is_err() {
        let _ = call_method(vm, &raw, "close", &[]);
    }
    stack
}

/// `io.open_code(path)`: the file opened for reading in binary mode.
pub(crate) fn open_code(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "open_code", &["path"], 1, 1)?;
    let path = args[0].cloned().unwrap_or(Value::None);
    if path.as_str().is_none() {
        return Err(vm.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&path)
        )));
    }
    let me = [path, Vm::str_val("rb")];
    open(vm, &Args::new(&me, &[]))
}

/// The `mode` argument of `FileIO()` and `open()` ("r" when absent).
fn mode_arg(vm: &Vm, v: Option<&Value>, who: &str) -> PyResult<String> {
    match v {
        None => Ok("r".to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!(
                "{who} argument 'mode' must be str, not {}",
                vm.type_name(v)
            ))),
        },
    }
}
