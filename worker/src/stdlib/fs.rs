//! The file-system calls of `posix` (`os.open`/`read`/`write`/`stat`/`listdir`/`scandir`/
//! `mkdir`/`rename` ...), `os.DirEntry` and the scandir iterator, as CPython 3.11 makes them:
//! str, bytes and `os.PathLike` paths (an integer descriptor where CPython takes one), errors
//! as `OSError` subclasses carrying errno, strerror and the file names. They work only when the
//! interpreter holds the host-files capability (`Vm::host_files`, granted by `permafrost
//! run`); otherwise each raises `OSError(ENOSYS)`, as a serving worker must.

use super::{native_class, new_native, parse_args, receiver, structseq};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// The functions this file adds to `posix`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("open", open),
    NativeFn::function("close", close, Arity::One, None),
    NativeFn::function("closerange", closerange, Arity::Range(2, 2), None),
    NativeFn::function("read", read, Arity::Range(2, 2), None),
    NativeFn::function("write", write, Arity::Range(2, 2), None),
    NativeFn::function("lseek", lseek, Arity::Range(3, 3), None),
    NativeFn::new("stat", stat),
    NativeFn::new("lstat", lstat),
    NativeFn::function("fstat", fstat, Arity::One, None),
    NativeFn::new("listdir", listdir),
    NativeFn::new("scandir", scandir),
    NativeFn::new("mkdir", mkdir),
    NativeFn::new("rmdir", rmdir),
    NativeFn::new("unlink", unlink),
    NativeFn::new("remove", remove),
    NativeFn::new("rename", rename),
    NativeFn::new("replace", replace),
    NativeFn::new("chdir", chdir),
    NativeFn::new("access", access),
    NativeFn::new("chmod", chmod),
    NativeFn::function("fchmod", fchmod, Arity::Range(2, 2), None),
    NativeFn::new("utime", utime),
    NativeFn::function("ftruncate", ftruncate, Arity::Range(2, 2), None),
    NativeFn::new("truncate", truncate),
    NativeFn::new("readlink", readlink),
    NativeFn::new("symlink", symlink),
    NativeFn::new("link", link),
    NativeFn::function("fsync", fsync, Arity::One, None),
    NativeFn::function("fdatasync", fsync, Arity::One, None),
    NativeFn::function("isatty", isatty, Arity::One, None),
    NativeFn::function("umask", umask, Arity::One, None),
    NativeFn::function("dup", dup, Arity::One, None),
    NativeFn::new("statvfs", statvfs),
    NativeFn::function("pipe", pipe, Arity::NoArgs, None),
    NativeFn::function("pipe2", pipe2, Arity::One, None),
    NativeFn::new("dup2", dup2),
    NativeFn::function("set_blocking", set_blocking, Arity::Range(2, 2), None),
    NativeFn::function("fchdir", fchdir, Arity::One, None),
    NativeFn::new("chown", chown),
    NativeFn::new("lchown", lchown),
    NativeFn::function("fchown", fchown, Arity::Range(3, 3), None),
    NativeFn::new("mkfifo", mkfifo),
    NativeFn::function("get_inheritable", get_inheritable, Arity::One, None),
    NativeFn::function("set_inheritable", set_inheritable, Arity::Range(2, 2), None),
    NativeFn::function("get_blocking", get_blocking, Arity::One, None),
];

static SCANDIR_METHODS: &[NativeFn] = &[
    NativeFn::new("ScandirIterator", scandir_new),
    NativeFn::new("ScandirIterator.__reduce_ex__", no_pickle),
    NativeFn::method("ScandirIterator.close", scandir_close, Arity::NoArgs, None),
    NativeFn::method(
        "ScandirIterator.__enter__",
        scandir_enter,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "ScandirIterator.__exit__",
        scandir_exit,
        Arity::Range(0, 3),
        None,
    ),
];

static DIRENTRY_METHODS: &[NativeFn] = &[
    NativeFn::new("DirEntry", direntry_new),
    NativeFn::new("DirEntry.__reduce_ex__", no_pickle),
    NativeFn::method("DirEntry.inode", entry_inode, Arity::NoArgs, None),
    NativeFn::new("DirEntry.is_dir", entry_is_dir),
    NativeFn::new("DirEntry.is_file", entry_is_file),
    NativeFn::method("DirEntry.is_symlink", entry_is_symlink, Arity::NoArgs, None),
    NativeFn::new("DirEntry.stat", entry_stat),
    NativeFn::method("DirEntry.__fspath__", entry_path, Arity::NoArgs, None),
    NativeFn::method("DirEntry.__repr__", entry_repr, Arity::NoArgs, None),
];
static ENTRY_NAME: NativeFn = NativeFn::method("DirEntry.name", entry_name, Arity::NoArgs, None);
static ENTRY_PATH: NativeFn = NativeFn::method("DirEntry.path", entry_path, Arity::NoArgs, None);

/// Refuses a file call unless the interpreter holds the host-files capability.
pub(crate) fn allowed(vm: &mut Vm) -> PyResult<()> {
    if vm.host_files {
        return Ok(());
    }
    Err(denied(vm))
}

/// `OSError(ENOSYS)`: what every file call raises without the capability.
pub(crate) fn denied(vm: &mut Vm) -> ObjRef {
    crate::objects::exception::os_error(
        vm,
        libc::ENOSYS as i64,
        "Function not implemented: no file system access in this interpreter",
    )
}

fn bytes_val(b: &[u8]) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`, of the subclass errno selects.
pub(crate) fn errno_error(
    vm: &mut Vm,
    code: i32,
    name: Option<&Value>,
    name2: Option<&Value>,
) -> ObjRef {
    let mut args = vec![
        Value::Int(code as i64),
        Vm::str_val(super::posix::message(code)),
    ];
    if let Some(n) = name {
        args.push(n.clone());
        if let Some(n2) = name2 {
            args.push(Value::None);
            args.push(n2.clone());
        }
    }
    let cls = Value::Obj(vm.exc_class(ExcKind::OSError));
    match vm.call(&cls, &args, &[]) {
        Ok(Value::Obj(e)) => e,
        Ok(_) => vm.err(ExcKind::OSError, "OSError"),
        Err(e) => e,
    }
}

fn nix_error(vm: &mut Vm, e: nix::errno::Errno, name: Option<&Value>) -> ObjRef {
    errno_error(vm, e as i32, name, None)
}

fn io_error(vm: &mut Vm, e: &std::io::Error, name: Option<&Value>) -> ObjRef {
    errno_error(vm, e.raw_os_error().unwrap_or(libc::EIO), name, None)
}

/// A converted path argument: the bytes for the system call, the `fspath` value (what error
/// messages name), whether it was bytes, or a descriptor.
pub(crate) struct PathArg {
    pub bytes: Vec<u8>,
    pub obj: Value,
    pub is_bytes: bool,
    pub fd: Option<i32>,
}

impl PathArg {
    pub(crate) fn path(&self) -> &Path {
        Path::new(OsStr::from_bytes(&self.bytes))
    }
}

/// Encodes a str path as `os.fsencode` does (UTF-8, `surrogateescape` for a str holding
/// lone surrogates).
fn encode_str(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    let encode = vm.getattr(v, &Vm::str_val("encode"))?;
    let b = vm.call(
        &encode,
        &[Vm::str_val("utf-8"), Vm::str_val("surrogateescape")],
        &[],
    )?;
    Ok(crate::objects::bytearray::bytes_like(&b).unwrap_or_default())
}

/// Decodes a file name as `os.fsdecode` does (UTF-8 with `surrogateescape`).
pub(crate) fn decode_name(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(Vm::str_val(s));
    }
    let raw = bytes_val(b);
    let decode = vm.getattr(&raw, &Vm::str_val("decode"))?;
    vm.call(
        &decode,
        &[Vm::str_val("utf-8"), Vm::str_val("surrogateescape")],
        &[],
    )
}

fn str_body(v: &Value) -> bool {
    matches!(v, Value::Str(_)) || matches!(v.body(), Some(Object::Str(_)))
}

/// Converts `v` as CPython's `path_converter`: str, bytes or an `os.PathLike` (whose
/// `__fspath__` gives one of them), or with `allow_fd` an int descriptor. `func`/`arg` word
/// the TypeError.
pub(crate) fn path_arg(
    vm: &mut Vm,
    v: &Value,
    func: &str,
    arg: &str,
    allow_fd: bool,
) -> PyResult<PathArg> {
    if allow_fd {
        let n = match v {
            Value::Int(n) => Some(*n),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        if let Some(n) = n {
            let fd = i32::try_from(n).map_err(|_| {
                vm.err(
                    ExcKind::OverflowError,
                    if n < 0 {
                        "fd is less than minimum"
                    } else {
                        "fd is greater than maximum"
                    },
                )
            })?;
            return Ok(PathArg {
                bytes: Vec::new(),
                obj: v.clone(),
                is_bytes: false,
                fd: Some(fd),
            });
        }
    }
    let wrong = |vm: &Vm, t: &str| {
        let what = if allow_fd {
            "string, bytes, os.PathLike or integer"
        } else {
            "string, bytes or os.PathLike"
        };
        vm.type_error(format!("{func}: {arg} should be {what}, not {t}"))
    };
    let direct = str_body(v) || matches!(v.body(), Some(Object::Bytes(_)));
    let obj = if direct {
        v.clone()
    } else {
        let cls = vm.type_of(v);
        match vm.lookup_class_attr(&cls, "__fspath__") {
            Some(f) if !matches!(f, Value::None) => {
                let r = vm.call(&f, std::slice::from_ref(v), &[])?;
                if !(str_body(&r)
                    || matches!(r.body(), Some(Object::Bytes(_)))
                    || crate::value::num::inst_base(&r).is_some_and(|b| {
                        str_body(&b) || matches!(b.body(), Some(Object::Bytes(_)))
                    }))
                {
                    let tname = vm.type_name(v);
                    return Err(vm.type_error(format!(
                        "expected {tname}.__fspath__() to return str or bytes, not {}",
                        vm.type_name(&r)
                    )));
                }
                r
            }
            _ => match crate::value::num::inst_base(v) {
                // A str or bytes subclass without `__fspath__`.
                Some(b) if str_body(&b) || matches!(b.body(), Some(Object::Bytes(_))) => b,
                _ => {
                    let t = vm.type_name(v);
                    return Err(wrong(vm, &t));
                }
            },
        }
    };
    let base = crate::value::num::inst_base(&obj).unwrap_or_else(|| obj.clone());
    let (bytes, is_bytes) = match base.body() {
        Some(Object::Bytes(b)) => (b.to_vec(), true),
        _ => (encode_str(vm, &base)?, false),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(PathArg {
        bytes,
        obj,
        is_bytes,
        fd: None,
    })
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_of(v)?;
    i32::try_from(n).map_err(|_| {
        vm.err(
            ExcKind::OverflowError,
            if n < 0 {
                "fd is less than minimum"
            } else {
                "fd is greater than maximum"
            },
        )
    })
}

fn int_val(n: u64) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => Vm::int_from_big(num_bigint::BigInt::from(n)),
    }
}

/// An `os.stat_result` from the system's answer: the integer times in the sequence, the
/// float ones and the nanosecond ones as attributes, as CPython's.
pub(crate) fn stat_result(vm: &mut Vm, st: &nix::sys::stat::FileStat) -> Value {
    let cls = structseq::type_of(vm, &structseq::STAT_RESULT);
    let float = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| {
        let total = s as i128 * 1_000_000_000 + ns as i128;
        match i64::try_from(total) {
            Ok(i) => Value::Int(i),
            Err(_) => Vm::int_from_big(num_bigint::BigInt::from(total)),
        }
    };
    let head = vec![
        Value::Int(st.st_mode as i64),
        int_val(st.st_ino),
        int_val(st.st_dev),
        int_val(st.st_nlink),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
    ];
    let mut values = head.clone();
    values.extend([
        float(st.st_atime, st.st_atime_nsec),
        float(st.st_mtime, st.st_mtime_nsec),
        float(st.st_ctime, st.st_ctime_nsec),
        nanos(st.st_atime, st.st_atime_nsec),
        nanos(st.st_mtime, st.st_mtime_nsec),
        nanos(st.st_ctime, st.st_ctime_nsec),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        int_val(st.st_rdev),
    ]);
    let r = structseq::new(&cls, &structseq::STAT_RESULT, values);
    // The sequence holds the whole seconds where the attributes hold floats.
    let mut seq = head;
    seq.extend([
        Value::Int(st.st_atime),
        Value::Int(st.st_mtime),
        Value::Int(st.st_ctime),
    ]);
    if let Value::Obj(o) = &r {
        if let Object::Instance(i) = o.get_mut() {
            i.base = Vm::new_tuple(seq);
        }
    }
    r
}

// ----- descriptors -----

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`: the new descriptor, not inheritable.
fn open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, "open", &["path", "flags", "mode", "dir_fd"], 2, 3)?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "open", "path", false)?;
    let flags = vm.index_of(args[1].unwrap_or(&Value::None))? as i32;
    let mode = match args[2] {
        Some(m) => vm.index_of(m)? as u32,
        None => 0o777,
    };
    let flags = nix::fcntl::OFlag::from_bits_retain(flags | libc::O_CLOEXEC);
    let mode = nix::sys::stat::Mode::from_bits_retain(mode);
    loop {
        match nix::fcntl::open(p.path(), flags, mode) {
            Ok(fd) => return Ok(Value::Int(fd as i64)),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(nix_error(vm, e, Some(&p.obj))),
        }
    }
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    nix::unistd::close(fd).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

fn closerange(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let lo = fd_arg(vm, &a.pos[0])?.max(0);
    let hi = fd_arg(vm, &a.pos[1])?;
    for fd in lo..hi {
        let _ = nix::unistd::close(fd);
    }
    Ok(Value::None)
}

/// Reads at most `n` bytes from `fd`, retrying on EINTR.
pub(crate) fn read_fd(fd: i32, n: usize) -> Result<Vec<u8>, nix::errno::Errno> {
    let mut buf = vec![0u8; n];
    loop {
        match nix::unistd::read(fd, &mut buf) {
            Ok(got) => {
                buf.truncate(got);
                return Ok(buf);
            }
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `data` to `fd` once (a short count is the caller's to handle), retrying on EINTR.
pub(crate) fn write_fd(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    loop {
        match crate::value::heap::write_descriptor(fd, data) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let n = vm.ssize_of(&a.pos[1])?;
    if n < 0 {
        return Err(errno_error(vm, libc::EINVAL, None, None));
    }
    if !crate::budget::fits(n as usize) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    if vm.green.active() {
        // A pipe's writer may be another thread: let it run until there is something to read.
        let mut fds = [libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        }];
        super::select::wait(vm, &mut fds, -1)?;
    }
    let data = read_fd(fd, n as usize).map_err(|e| nix_error(vm, e, None))?;
    Ok(bytes_val(&data))
}

/// `os.write(fd, data)`. Without the capability only the standard output and error exist
/// (written through the interpreter's own streams); with it, every descriptor is real, but 1
/// and 2 still go through those streams so that the order with `print` is kept.
fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, &a.pos[0])?;
    let Some(data) = crate::objects::bytearray::bytes_like(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a.pos[1])
        )));
    };
    if fd == 1 || fd == 2 || !vm.host_files {
        let text = String::from_utf8_lossy(&data);
        match fd {
            1 => super::io::write_stdout(vm, &text)?,
            2 => super::io::write_stderr(vm, &text),
            _ => return Err(errno_error(vm, libc::EBADF, None, None)),
        }
        return Ok(Value::Int(data.len() as i64));
    }
    let n = write_fd(fd, &data).map_err(|e| io_error(vm, &e, None))?;
    Ok(Value::Int(n as i64))
}

fn whence_of(vm: &mut Vm, how: i64) -> PyResult<nix::unistd::Whence> {
    use nix::unistd::Whence;
    Ok(match how {
        0 => Whence::SeekSet,
        1 => Whence::SeekCur,
        2 => Whence::SeekEnd,
        3 => Whence::SeekData,
        4 => Whence::SeekHole,
        _ => return Err(errno_error(vm, libc::EINVAL, None, None)),
    })
}

/// `lseek(2)`, the new offset.
pub(crate) fn seek_fd(vm: &mut Vm, fd: i32, pos: i64, how: i64) -> PyResult<i64> {
    let w = whence_of(vm, how)?;
    nix::unistd::lseek(fd, pos, w).map_err(|e| nix_error(vm, e, None))
}

fn lseek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let pos = vm.index_of(&a.pos[1])?;
    let how = vm.index_of(&a.pos[2])?;
    Ok(Value::Int(seek_fd(vm, fd, pos, how)?))
}

fn fstat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let st = nix::sys::stat::fstat(fd).map_err(|e| nix_error(vm, e, None))?;
    Ok(stat_result(vm, &st))
}

fn fsync(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_of_object(vm, &a.pos[0])?;
    nix::unistd::fsync(fd).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

/// An int, or an object with `fileno()` (what `os.fsync` takes).
fn fd_of_object(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Value::Int(_) = v {
        return fd_arg(vm, v);
    }
    match vm.getattr_opt(v, "fileno")? {
        Some(f) => {
            let n = vm.call(&f, &[], &[])?;
            fd_arg(vm, &n)
        }
        None => fd_arg(vm, v),
    }
}

fn isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = fd_arg(vm, &a.pos[0])?;
    if !vm.host_files {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(nix::unistd::isatty(fd).unwrap_or(false)))
}

/// `os.umask(mask)`: the process's mask with the capability; otherwise nothing can be
/// created, so the mask is only remembered.
fn umask(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::sync::atomic::{AtomicI64, Ordering};
    static MASK: AtomicI64 = AtomicI64::new(0o022);
    let new = vm.index_of(&a.pos[0])?;
    if vm.host_files {
        let old = nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_retain(new as u32));
        return Ok(Value::Int(old.bits() as i64));
    }
    Ok(Value::Int(MASK.swap(new, Ordering::Relaxed)))
}

fn dup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let new = nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_DUPFD_CLOEXEC(0))
        .map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::Int(new as i64))
}

fn get_inheritable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let flags =
        nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::Bool(flags & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let on = vm.truthy(&a.pos[1])?;
    let flags = if on {
        nix::fcntl::FdFlag::empty()
    } else {
        nix::fcntl::FdFlag::FD_CLOEXEC
    };
    nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_SETFD(flags))
        .map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

fn get_blocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let flags =
        nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFL).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::Bool(flags & libc::O_NONBLOCK == 0))
}

fn ftruncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let len = vm.index_of(&a.pos[1])?;
    crate::value::heap::truncate_descriptor(fd, len).map_err(|e| io_error(vm, &e, None))?;
    Ok(Value::None)
}

// ----- paths -----

/// The `path` argument of a call whose other arguments are keyword-only flags.
fn one_path(
    vm: &mut Vm,
    a: &Args,
    func: &str,
    names: &[&str],
    allow_fd: bool,
) -> PyResult<(PathArg, Vec<Option<Value>>)> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, func, names, 1, 1)?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), func, "path", allow_fd)?;
    Ok((p, args[1..].iter().map(|v| v.cloned()).collect()))
}

fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// Refuses `dir_fd` (no `*at` call is offered: `os.supports_dir_fd` is empty).
fn no_dir_fd(vm: &mut Vm, func: &str, v: &Option<Value>) -> PyResult<()> {
    if matches!(v, None | Some(Value::None)) {
        return Ok(());
    }
    Err(vm.err(
        ExcKind::NotImplementedError,
        format!("{func}: dir_fd unavailable on this platform"),
    ))
}

/// The `dir_fd` argument: None, or a descriptor a relative path is resolved from.
fn dir_fd_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<i32>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(fd_arg(vm, v)?)),
    }
}

fn stat_path(vm: &mut Vm, p: &PathArg, follow: bool, dir_fd: Option<i32>) -> PyResult<Value> {
    let st = match p.fd {
        Some(fd) => nix::sys::stat::fstat(fd),
        None => {
            let flags = if follow {
                nix::fcntl::AtFlags::empty()
            } else {
                nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW
            };
            nix::sys::stat::fstatat(dir_fd, p.path(), flags)
        }
    };
    match st {
        Ok(st) => Ok(stat_result(vm, &st)),
        Err(e) => Err(nix_error(vm, e, Some(&p.obj))),
    }
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`.
fn stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, rest) = one_path(vm, a, "stat", &["path", "dir_fd", "follow_symlinks"], true)?;
    let dir_fd = dir_fd_arg(vm, &rest[0])?;
    let follow = flag(vm, &rest[1], true)?;
    stat_path(vm, &p, follow, dir_fd)
}

fn lstat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, rest) = one_path(vm, a, "lstat", &["path", "dir_fd"], false)?;
    let dir_fd = dir_fd_arg(vm, &rest[0])?;
    stat_path(vm, &p, false, dir_fd)
}

/// The names in directory `p` (without `.` and `..`), in the order the system lists them.
fn read_names(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<std::fs::DirEntry>> {
    let dir = if p.fd.is_some() {
        return Err(vm.err(
            ExcKind::NotImplementedError,
            "listdir: a directory descriptor is not supported",
        ));
    } else {
        std::fs::read_dir(p.path())
    };
    let dir = dir.map_err(|e| io_error(vm, &e, Some(&p.obj)))?;
    let mut out = Vec::new();
    for e in dir {
        out.push(e.map_err(|e| io_error(vm, &e, Some(&p.obj)))?);
    }
    Ok(out)
}

/// The directory argument of `listdir`/`scandir`: `.` when absent or None.
fn dir_arg(vm: &mut Vm, a: &Args, func: &str) -> PyResult<(PathArg, bool)> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, func, &["path"], 0, 1)?;
    match args[0] {
        None | Some(Value::None) => Ok((
            PathArg {
                bytes: b".".to_vec(),
                obj: Vm::str_val("."),
                is_bytes: false,
                fd: None,
            },
            true,
        )),
        Some(v) => {
            let r = path_arg(vm, v, func, "path", false);
            match r {
                Err(e) if vm.exc_matches(&e, ExcKind::TypeError) && !matches!(v, Value::Int(_)) => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!(
                        "{func}: path should be string, bytes, os.PathLike, integer or None, not {t}"
                    )))
                }
                r => Ok((r?, false)),
            }
        }
    }
}

fn name_value(vm: &mut Vm, name: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(bytes_val(name))
    } else {
        decode_name(vm, name)
    }
}

/// `os.listdir(path='.')`: names as str, or as bytes for a bytes path.
fn listdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, _) = dir_arg(vm, a, "listdir")?;
    let entries = read_names(vm, &p)?;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        out.push(name_value(vm, e.file_name().as_bytes(), p.is_bytes)?);
    }
    Ok(Vm::new_list(out))
}

fn mkdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, "mkdir", &["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "mkdir", "path", false)?;
    let mode = match args[1] {
        Some(m) => vm.index_of(m)? as u32,
        None => 0o777,
    };
    no_dir_fd(vm, "mkdir", &args[2].cloned())?;
    nix::unistd::mkdir(p.path(), nix::sys::stat::Mode::from_bits_retain(mode))
        .map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, rest) = one_path(vm, a, "rmdir", &["path", "dir_fd"], false)?;
    no_dir_fd(vm, "rmdir", &rest[0])?;
    std::fs::remove_dir(p.path()).map_err(|e| io_error(vm, &e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn unlink_named(vm: &mut Vm, a: &Args, func: &str) -> PyResult<Value> {
    let (p, rest) = one_path(vm, a, func, &["path", "dir_fd"], false)?;
    no_dir_fd(vm, func, &rest[0])?;
    nix::unistd::unlink(p.path()).map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn unlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unlink_named(vm, a, "unlink")
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    unlink_named(vm, a, "remove")
}

/// Two path arguments (`src`, `dst`), for rename/replace/link/symlink.
fn two_paths(
    vm: &mut Vm,
    a: &Args,
    func: &str,
    names: &[&str],
) -> PyResult<(PathArg, PathArg, Vec<Option<Value>>)> {
    allowed(vm)?;
    let max = if func == "symlink" { 3 } else { 2 };
    let args = parse_args(vm, a, 0, func, names, 2, max)?;
    let src = path_arg(vm, args[0].unwrap_or(&Value::None), func, names[0], false)?;
    let dst = path_arg(vm, args[1].unwrap_or(&Value::None), func, names[1], false)?;
    if src.is_bytes != dst.is_bytes {
        return Err(vm.type_error(format!("{func}: src and dst must be the same type")));
    }
    Ok((src, dst, args[2..].iter().map(|v| v.cloned()).collect()))
}

fn rename_named(vm: &mut Vm, a: &Args, func: &str) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(vm, a, func, &["src", "dst", "src_dir_fd", "dst_dir_fd"])?;
    no_dir_fd(vm, func, &rest[0])?;
    no_dir_fd(vm, func, &rest[1])?;
    if let Err(e) = std::fs::rename(src.path(), dst.path()) {
        let code = e.raw_os_error().unwrap_or(libc::EIO);
        return Err(errno_error(vm, code, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn rename(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rename_named(vm, a, "rename")
}

fn replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rename_named(vm, a, "replace")
}

fn link(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(
        vm,
        a,
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    no_dir_fd(vm, "link", &rest[0])?;
    no_dir_fd(vm, "link", &rest[1])?;
    if let Err(e) = std::fs::hard_link(src.path(), dst.path()) {
        let code = e.raw_os_error().unwrap_or(libc::EIO);
        return Err(errno_error(vm, code, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn symlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(
        vm,
        a,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
    )?;
    no_dir_fd(vm, "symlink", &rest[1])?;
    if let Err(e) = std::os::unix::fs::symlink(src.path(), dst.path()) {
        let code = e.raw_os_error().unwrap_or(libc::EIO);
        return Err(errno_error(vm, code, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, rest) = one_path(vm, a, "readlink", &["path", "dir_fd"], false)?;
    no_dir_fd(vm, "readlink", &rest[0])?;
    let target = std::fs::read_link(p.path()).map_err(|e| io_error(vm, &e, Some(&p.obj)))?;
    name_value(vm, target.as_os_str().as_bytes(), p.is_bytes)
}

fn chdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, _) = one_path(vm, a, "chdir", &["path"], true)?;
    let r = match p.fd {
        Some(fd) => nix::unistd::fchdir(fd),
        None => nix::unistd::chdir(p.path()),
    };
    r.map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn access(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(
        vm,
        a,
        0,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "access", "path", false)?;
    let mode = vm.index_of(args[1].unwrap_or(&Value::None))? as i32;
    no_dir_fd(vm, "access", &args[2].cloned())?;
    let flags = nix::unistd::AccessFlags::from_bits_retain(mode);
    Ok(Value::Bool(nix::unistd::access(p.path(), flags).is_ok()))
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
fn chmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(
        vm,
        a,
        0,
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "chmod", "path", true)?;
    let mode = vm.index_of(args[1].unwrap_or(&Value::None))? as u32;
    no_dir_fd(vm, "chmod", &args[2].cloned())?;
    let mode = nix::sys::stat::Mode::from_bits_retain(mode);
    let r = match p.fd {
        Some(fd) => nix::sys::stat::fchmod(fd, mode),
        None => nix::sys::stat::fchmodat(
            None,
            p.path(),
            mode,
            nix::sys::stat::FchmodatFlags::FollowSymlink,
        ),
    };
    r.map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn fchmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let mode = vm.index_of(&a.pos[1])? as u32;
    nix::sys::stat::fchmod(fd, nix::sys::stat::Mode::from_bits_retain(mode))
        .map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

/// A `(seconds, nanoseconds)` time from a `times` tuple item (int or float), as CPython's
/// `_PyTime_ObjectToTimespec` rounds it (towards minus infinity).
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<nix::sys::time::TimeSpec> {
    let (s, ns) = match v {
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let s = f.floor();
            let mut ns = ((f - s) * 1e9).round() as i64;
            let mut s = s as i64;
            if ns >= 1_000_000_000 {
                s += 1;
                ns -= 1_000_000_000;
            }
            (s, ns)
        }
        v => (vm.index_of(v)?, 0),
    };
    Ok(nix::sys::time::TimeSpec::new(s, ns))
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use nix::sys::time::TimeSpec;
    allowed(vm)?;
    let args = parse_args(
        vm,
        a,
        0,
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        2,
    )?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "utime", "path", true)?;
    no_dir_fd(vm, "utime", &args[3].cloned())?;
    let follow = flag(vm, &args[4].cloned(), true)?;
    let times = args[1].filter(|v| !matches!(v, Value::None)).cloned();
    let ns = args[2].cloned();
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |vm: &mut Vm, v: &Value| -> PyResult<(Value, Value)> {
        match v.body() {
            Some(Object::Tuple(t)) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
            _ => Err(vm.type_error("utime: 'ns' must be a tuple of two ints")),
        }
    };
    let (at, mt) = if let Some(t) = times {
        let (x, y) = match t.body() {
            Some(Object::Tuple(t)) if t.len() == 2 => (t[0].clone(), t[1].clone()),
            _ => {
                return Err(
                    vm.type_error("utime: 'times' must be either a tuple of two ints or None")
                )
            }
        };
        (timespec_of(vm, &x)?, timespec_of(vm, &y)?)
    } else if let Some(n) = ns {
        let (x, y) = pair(vm, &n)?;
        let split = |vm: &mut Vm, v: &Value| -> PyResult<TimeSpec> {
            let n = vm.index_of(v)?;
            Ok(TimeSpec::new(
                n.div_euclid(1_000_000_000),
                n.rem_euclid(1_000_000_000),
            ))
        };
        (split(vm, &x)?, split(vm, &y)?)
    } else {
        let now = TimeSpec::UTIME_NOW;
        (now, now)
    };
    let r = match p.fd {
        Some(fd) => nix::sys::stat::futimens(fd, &at, &mt),
        None => nix::sys::stat::utimensat(
            None,
            p.path(),
            &at,
            &mt,
            if follow {
                nix::sys::stat::UtimensatFlags::FollowSymlink
            } else {
                nix::sys::stat::UtimensatFlags::NoFollowSymlink
            },
        ),
    };
    r.map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, "truncate", &["path", "length"], 2, 2)?;
    let p = path_arg(
        vm,
        args[0].unwrap_or(&Value::None),
        "truncate",
        "path",
        true,
    )?;
    let len = vm.index_of(args[1].unwrap_or(&Value::None))?;
    let r = match p.fd {
        Some(fd) => crate::value::heap::truncate_descriptor(fd, len)
            .map_err(|e| nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(libc::EIO))),
        None => nix::unistd::truncate(p.path(), len),
    };
    r.map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

/// `os.statvfs(path)`: the file system's sizes, an `os.statvfs_result`.
fn statvfs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, _) = one_path(vm, a, "statvfs", &["path"], false)?;
    let s = nix::sys::statvfs::statvfs(p.path()).map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    let cls = structseq::type_of(vm, &structseq::STATVFS_RESULT);
    let values = vec![
        int_val(s.block_size()),
        int_val(s.fragment_size()),
        int_val(s.blocks()),
        int_val(s.blocks_free()),
        int_val(s.blocks_available()),
        int_val(s.files()),
        int_val(s.files_free()),
        int_val(s.files_available()),
        int_val(s.flags().bits()),
        int_val(s.name_max()),
        int_val(s.filesystem_id()),
    ];
    Ok(structseq::new(&cls, &structseq::STATVFS_RESULT, values))
}

fn pipe_pair(vm: &mut Vm, flags: i32) -> PyResult<Value> {
    use std::os::fd::IntoRawFd;
    let flags = nix::fcntl::OFlag::from_bits_retain(flags);
    let (r, w) = nix::unistd::pipe2(flags).map_err(|e| nix_error(vm, e, None))?;
    Ok(Vm::new_tuple(vec![
        Value::Int(r.into_raw_fd() as i64),
        Value::Int(w.into_raw_fd() as i64),
    ]))
}

/// `os.pipe()`: both ends not inheritable, as CPython makes them.
fn pipe(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    pipe_pair(vm, libc::O_CLOEXEC)
}

fn pipe2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let flags = vm.index_of(&a.pos[0])? as i32;
    pipe_pair(vm, flags)
}

/// `os.dup2(fd, fd2, inheritable=True)`.
fn dup2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, "dup2", &["fd", "fd2", "inheritable"], 2, 3)?;
    let fd = fd_arg(vm, args[0].unwrap_or(&Value::None))?;
    let fd2 = fd_arg(vm, args[1].unwrap_or(&Value::None))?;
    let inheritable = flag(vm, &args[2].cloned(), true)?;
    let new = nix::unistd::dup2(fd, fd2).map_err(|e| nix_error(vm, e, None))?;
    if !inheritable {
        let _ = nix::fcntl::fcntl(
            new,
            nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
        );
    }
    Ok(Value::Int(new as i64))
}

fn set_blocking(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let blocking = vm.truthy(&a.pos[1])?;
    let flags =
        nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFL).map_err(|e| nix_error(vm, e, None))?;
    let flags = if blocking {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    nix::fcntl::fcntl(
        fd,
        nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::from_bits_retain(flags)),
    )
    .map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

fn fchdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_of_object(vm, &a.pos[0])?;
    nix::unistd::fchdir(fd).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

/// A uid or gid argument: `-1` leaves it unchanged.
fn id_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<u32>> {
    let n = vm.index_of(v.unwrap_or(&Value::Int(-1)))?;
    Ok(if n == -1 { None } else { Some(n as u32) })
}

fn chown_with(vm: &mut Vm, a: &Args, func: &str, follow: bool) -> PyResult<Value> {
    allowed(vm)?;
    let names: &[&str] = if func == "chown" {
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"]
    } else {
        &["path", "uid", "gid"]
    };
    let args = parse_args(vm, a, 0, func, names, 3, 3)?;
    let p = path_arg(
        vm,
        args[0].unwrap_or(&Value::None),
        func,
        "path",
        func == "chown",
    )?;
    let uid = id_arg(vm, args[1])?.map(nix::unistd::Uid::from_raw);
    let gid = id_arg(vm, args[2])?.map(nix::unistd::Gid::from_raw);
    let follow = follow && flag(vm, &args.get(4).and_then(|v| v.cloned()), true)?;
    let r = match p.fd {
        Some(fd) => nix::unistd::fchown(fd, uid, gid),
        None => nix::unistd::fchownat(
            None,
            p.path(),
            uid,
            gid,
            if follow {
                nix::fcntl::AtFlags::empty()
            } else {
                nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW
            },
        ),
    };
    r.map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

fn chown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    chown_with(vm, a, "chown", true)
}

fn lchown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    chown_with(vm, a, "lchown", false)
}

fn fchown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let fd = fd_arg(vm, &a.pos[0])?;
    let uid = id_arg(vm, a.get(1))?.map(nix::unistd::Uid::from_raw);
    let gid = id_arg(vm, a.get(2))?.map(nix::unistd::Gid::from_raw);
    nix::unistd::fchown(fd, uid, gid).map_err(|e| nix_error(vm, e, None))?;
    Ok(Value::None)
}

fn mkfifo(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    allowed(vm)?;
    let args = parse_args(vm, a, 0, "mkfifo", &["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg(vm, args[0].unwrap_or(&Value::None), "mkfifo", "path", false)?;
    let mode = match args[1] {
        Some(m) => vm.index_of(m)? as u32,
        None => 0o666,
    };
    no_dir_fd(vm, "mkfifo", &args[2].cloned())?;
    nix::unistd::mkfifo(p.path(), nix::sys::stat::Mode::from_bits_retain(mode))
        .map_err(|e| nix_error(vm, e, Some(&p.obj)))?;
    Ok(Value::None)
}

// ----- scandir -----

/// What `scandir` read for one entry: enough to answer `is_dir`/`is_file`/`is_symlink`
/// without a system call when the directory listing gave the type.
struct Entry {
    name: Value,
    path: Value,
    /// The full path's bytes, for the stat calls.
    full: Vec<u8>,
    /// The type from the listing: None when the system did not say.
    kind: Option<std::fs::FileType>,
    ino: u64,
    stat: Value,
    lstat: Value,
}

impl NativeState for Entry {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        f(&self.path);
        f(&self.stat);
        f(&self.lstat);
    }
}

struct Scandir {
    entries: std::vec::IntoIter<std::fs::DirEntry>,
    /// The directory as given (its `fspath` value's bytes), for joining, and bytes-ness.
    dir: Vec<u8>,
    is_bytes: bool,
    closed: bool,
}

impl NativeState for Scandir {}

fn init_types(vm: &mut Vm) {
    if vm.native_types.contains_key("posix.ScandirIterator") {
        return;
    }
    super::native_type(vm, "posix.ScandirIterator", None, SCANDIR_METHODS, true);
    let entry = super::native_type(vm, "posix.DirEntry", None, DIRENTRY_METHODS, false);
    super::add_property(&entry, "name", &ENTRY_NAME, Some(&super::READONLY));
    super::add_property(&entry, "path", &ENTRY_PATH, Some(&super::READONLY));
    super::add_class_getitem(&entry);
}

/// `os.DirEntry` and the scandir iterator type, for the module's namespace.
pub(crate) fn types(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    init_types(vm);
    vec![("DirEntry", Value::Obj(native_class(vm, "posix.DirEntry")))]
}

fn direntry_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'posix.DirEntry' instances"))
}

fn scandir_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'posix.ScandirIterator' instances"))
}

/// Neither a directory entry nor the iterator can be pickled, as in CPython.
fn no_pickle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.type_of(&a.pos[0]);
    let name = match cls.get() {
        Object::Class(c) => format!("{}.{}", c.module, c.name),
        _ => "object".to_string(),
    };
    Err(vm.type_error(format!("cannot pickle '{name}' object")))
}

/// `os.scandir(path='.')`: an iterator of `os.DirEntry`, also a context manager.
fn scandir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, _) = dir_arg(vm, a, "scandir")?;
    let entries = read_names(vm, &p)?;
    init_types(vm);
    let cls = native_class(vm, "posix.ScandirIterator");
    Ok(new_native(
        cls.clone(),
        cls,
        Some(scandir_next),
        Scandir {
            entries: entries.into_iter(),
            dir: p.bytes.clone(),
            is_bytes: p.is_bytes,
            closed: false,
        },
    ))
}

fn scandir_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = super::state_of::<Scandir>(me) else {
        return Ok(None);
    };
    if s.closed {
        return Ok(None);
    }
    let Some(e) = s.entries.next() else {
        s.closed = true;
        return Ok(None);
    };
    let (dir, is_bytes) = (s.dir.clone(), s.is_bytes);
    let name_b = e.file_name().as_bytes().to_vec();
    let mut full = dir;
    if !full.is_empty() && !full.ends_with(b"/") {
        full.push(b'/');
    }
    full.extend_from_slice(&name_b);
    let name = name_value(vm, &name_b, is_bytes)?;
    let path = name_value(vm, &full, is_bytes)?;
    use std::os::unix::fs::DirEntryExt;
    let cls = native_class(vm, "posix.DirEntry");
    Ok(Some(new_native(
        cls.clone(),
        cls,
        None,
        Entry {
            name,
            path,
            full,
            kind: e.file_type().ok(),
            ino: e.ino(),
            stat: Value::None,
            lstat: Value::None,
        },
    )))
}

fn scandir_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Scandir>(vm, a, "posix.ScandirIterator", "close")?;
    s.closed = true;
    s.entries = Vec::new().into_iter();
    Ok(Value::None)
}

fn scandir_enter(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0].clone())
}

fn scandir_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    scandir_close(vm, &Args::new(&a.pos[..1], &[]))?;
    Ok(Value::Bool(false))
}

fn entry<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Entry> {
    receiver::<Entry>(vm, a, "posix.DirEntry", method)
}

fn entry_name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(entry(vm, a, "name")?.name.clone())
}

fn entry_path(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(entry(vm, a, "path")?.path.clone())
}

fn entry_inode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(int_val(entry(vm, a, "inode")?.ino))
}

fn entry_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = entry(vm, a, "__repr__")?.name.clone();
    let r = vm.repr(&name)?;
    Ok(Vm::str_val(format!("<DirEntry {r}>")))
}

fn follow_arg(vm: &mut Vm, a: &Args, method: &str) -> PyResult<bool> {
    let args = parse_args(vm, a, 1, method, &["follow_symlinks"], 0, 0)?;
    flag(vm, &args[0].cloned(), true)
}

/// The entry's stat (cached as CPython's): `follow` through a symlink or not.
fn entry_stat_value(vm: &mut Vm, a: &Args, follow: bool) -> PyResult<Value> {
    let e = entry(vm, a, "stat")?;
    let is_link = e.kind.is_some_and(|k| k.is_symlink());
    let want_lstat = !follow || !is_link;
    let cached = if want_lstat { &e.lstat } else { &e.stat };
    if !matches!(cached, Value::None) {
        return Ok(cached.clone());
    }
    let full = e.full.clone();
    let path = e.path.clone();
    let p = Path::new(OsStr::from_bytes(&full));
    let st = if want_lstat {
        nix::sys::stat::lstat(p)
    } else {
        nix::sys::stat::stat(p)
    };
    let st = st.map_err(|err| nix_error(vm, err, Some(&path)))?;
    let v = stat_result(vm, &st);
    let e = entry(vm, a, "stat")?;
    if want_lstat {
        e.lstat = v.clone();
    } else {
        e.stat = v.clone();
    }
    Ok(v)
}

fn entry_stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let follow = follow_arg(vm, a, "stat")?;
    entry_stat_value(vm, a, follow)
}

/// Whether the entry's mode (from the listing, else a stat) is of type `bits`; a vanished
/// file is neither.
fn entry_is(vm: &mut Vm, a: &Args, method: &str, bits: u32) -> PyResult<Value> {
    let follow = follow_arg(vm, a, method)?;
    let e = entry(vm, a, method)?;
    if let Some(k) = e.kind {
        if !(follow && k.is_symlink()) {
            let is = if bits == libc::S_IFDIR {
                k.is_dir()
            } else {
                k.is_file()
            };
            return Ok(Value::Bool(is));
        }
    }
    match entry_stat_value(vm, a, follow) {
        Ok(st) => {
            let mode = vm.getattr(&st, &Vm::str_val("st_mode"))?;
            let mode = vm.index_of(&mode)? as u32;
            Ok(Value::Bool(mode & libc::S_IFMT == bits))
        }
        Err(e) if vm.exc_matches(&e, ExcKind::FileNotFoundError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn entry_is_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    entry_is(vm, a, "is_dir", libc::S_IFDIR)
}

fn entry_is_file(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    entry_is(vm, a, "is_file", libc::S_IFREG)
}

fn entry_is_symlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = entry(vm, a, "is_symlink")?;
    if let Some(k) = e.kind {
        return Ok(Value::Bool(k.is_symlink()));
    }
    match entry_stat_value(vm, a, false) {
        Ok(st) => {
            let mode = vm.getattr(&st, &Vm::str_val("st_mode"))?;
            let mode = vm.index_of(&mode)? as u32;
            Ok(Value::Bool(mode & libc::S_IFMT == libc::S_IFLNK))
        }
        Err(e) if vm.exc_matches(&e, ExcKind::FileNotFoundError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}
