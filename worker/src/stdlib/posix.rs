//! The `posix` module: `environ` (bytes to bytes, as CPython's), process ids, `getcwd`,
//! `fspath`, `urandom`, `strerror`, `cpu_count`, `uname`, `times`, `_exit`, the wait-status
//! macros; the file-system calls and `DirEntry` are `fs.rs`'s (working only under the
//! host-files capability). Process calls (`fork`, `exec*`, `kill` ...) raise `OSError`.

use super::structseq;
use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::os::unix::ffi::OsStrExt;

/// The functions of `posix`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("getpid", getpid, Arity::NoArgs, None),
    NativeFn::function("getppid", getppid, Arity::NoArgs, None),
    NativeFn::function("getcwd", getcwd, Arity::NoArgs, None),
    NativeFn::function("getcwdb", getcwdb, Arity::NoArgs, None),
    NativeFn::new("fspath", fspath),
    NativeFn::function("urandom", urandom, Arity::One, None),
    NativeFn::function("strerror", strerror, Arity::One, None),
    NativeFn::function("cpu_count", cpu_count, Arity::NoArgs, None),
    NativeFn::function("uname", uname, Arity::NoArgs, None),
    NativeFn::function("times", times, Arity::NoArgs, None),
    NativeFn::function("device_encoding", device_encoding, Arity::One, None),
    NativeFn::function(
        "get_terminal_size",
        get_terminal_size,
        Arity::Range(0, 1),
        None,
    ),
    NativeFn::function("_exit", exit_now, Arity::One, None),
    NativeFn::new("chroot", no_files),
    NativeFn::new("mknod", no_files),
    NativeFn::new("fstatvfs", no_files),
    NativeFn::new("sendfile", no_files),
    NativeFn::new("fork", no_processes),
    NativeFn::new("forkpty", no_processes),
    NativeFn::new("execv", no_processes),
    NativeFn::new("execve", no_processes),
    NativeFn::new("kill", no_processes),
    NativeFn::new("killpg", no_processes),
    NativeFn::new("system", no_processes),
    NativeFn::new("waitpid", no_processes),
    NativeFn::new("wait", no_processes),
    NativeFn::new("wait3", no_processes),
    NativeFn::new("wait4", no_processes),
    NativeFn::new("spawnv", no_processes),
    NativeFn::new("posix_spawn", no_processes),
    NativeFn::new("posix_spawnp", no_processes),
    NativeFn::new("setsid", no_processes),
    NativeFn::new("setuid", no_processes),
    NativeFn::new("setgid", no_processes),
    NativeFn::new("nice", no_processes),
    NativeFn::function(
        "waitstatus_to_exitcode",
        waitstatus_to_exitcode,
        Arity::One,
        None,
    ),
    NativeFn::function("WIFEXITED", wifexited, Arity::One, None),
    NativeFn::function("WEXITSTATUS", wexitstatus, Arity::One, None),
    NativeFn::function("WIFSIGNALED", wifsignaled, Arity::One, None),
    NativeFn::function("WTERMSIG", wtermsig, Arity::One, None),
    NativeFn::function("WIFSTOPPED", wifstopped, Arity::One, None),
    NativeFn::function("WSTOPSIG", wexitstatus, Arity::One, None),
    NativeFn::function("WCOREDUMP", wcoredump, Arity::One, None),
    NativeFn::function("WIFCONTINUED", wifcontinued, Arity::One, None),
    NativeFn::function("putenv", putenv, Arity::Range(2, 2), None),
    NativeFn::function(
        "register_at_fork",
        register_at_fork,
        Arity::NoArgs,
        Some(&["before", "after_in_child", "after_in_parent"]),
    ),
    NativeFn::function("unsetenv", putenv, Arity::One, None),
];

// The wait-status macros of Linux, on the status's integer value.

fn status(vm: &mut Vm, a: &Args) -> PyResult<i64> {
    Ok(vm.index_of(&a.pos[0])? & 0xffff_ffff)
}

fn wifexited(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(status(vm, a)? & 0x7f == 0))
}

fn wexitstatus(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int((status(vm, a)? >> 8) & 0xff))
}

fn wifsignaled(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = status(vm, a)?;
    Ok(Value::Bool(((s & 0x7f) + 1) as i8 >> 1 > 0))
}

fn wtermsig(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(status(vm, a)? & 0x7f))
}

fn wifstopped(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(status(vm, a)? & 0xff == 0x7f))
}

fn wcoredump(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(status(vm, a)? & 0x80 != 0))
}

fn wifcontinued(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(status(vm, a)? == 0xffff))
}

/// `os.waitstatus_to_exitcode(status)`: the exit code, or minus the signal number.
fn waitstatus_to_exitcode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = vm.index_of(&a.pos[0])?;
    if !(0..=i32::MAX as i64).contains(&s) {
        return Err(vm.value_error(format!("invalid WEXITSTATUS: {s}")));
    }
    if s & 0x7f == 0 {
        return Ok(Value::Int((s >> 8) & 0xff));
    }
    if ((s & 0x7f) + 1) as i8 >> 1 > 0 {
        return Ok(Value::Int(-(s & 0x7f)));
    }
    if s & 0xff == 0x7f {
        return Err(vm.value_error(format!(
            "process stopped by delivery of signal {}",
            (s >> 8) & 0xff
        )));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

/// `os.register_at_fork(*, before, after_in_child, after_in_parent)`. Only the zygote
/// forks: `after_in_child` callables run in each new worker before its first job, in
/// registration order; the zygote runs no Python code around a fork, so `before` and
/// `after_in_parent` are checked and kept aside.
fn register_at_fork(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.kw.is_empty() {
        return Err(vm.type_error("At least one argument is required."));
    }
    for (name, v) in &a.kw {
        if !crate::builtins::functions::is_callable(vm, v) {
            return Err(vm.type_error(format!(
                "'{name}' must be callable, not {}",
                vm.type_name(v)
            )));
        }
    }
    if let Some(f) = a.kw("after_in_child") {
        vm.at_fork_child.push(f.clone());
    }
    Ok(Value::None)
}

/// `putenv`/`unsetenv`, called by `os.environ` on assignment: the mapping itself holds the
/// value; a job starts no process that could read the host environment.
fn putenv(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn bytes_val(b: &[u8]) -> Value {
    Value::obj(Object::Bytes(BytesData::Owned(b.into())))
}

fn getpid(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(std::os::unix::process::parent_id() as i64))
}

/// `OSError(errno, strerror)` for a failed host call.
fn os_error(vm: &mut Vm, e: &std::io::Error) -> ObjRef {
    let code = e.raw_os_error().unwrap_or(0);
    errno_error(vm, code, &message(code))
}

fn errno_error(vm: &mut Vm, code: i32, text: &str) -> ObjRef {
    crate::objects::exception::os_error(vm, code as i64, text)
}

fn cwd(vm: &mut Vm) -> PyResult<std::path::PathBuf> {
    std::env::current_dir().map_err(|e| os_error(vm, &e))
}

fn getcwd(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(cwd(vm)?.to_string_lossy().into_owned()))
}

fn getcwdb(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(bytes_val(cwd(vm)?.as_os_str().as_bytes()))
}

/// Whether `v` is a str or bytes, or an instance of a subclass of one.
fn is_text(v: &Value) -> bool {
    let base = crate::value::num::inst_base(v);
    let v = base.as_ref().unwrap_or(v);
    v.as_str().is_some() || matches!(v.body(), Some(Object::Bytes(_)))
}

/// `fspath(path)`: str and bytes as they are, else the result of the type's `__fspath__`.
fn fspath(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = super::parse_args(vm, a, 0, "fspath", &["path"], 1, 1)?;
    let path = args[0].cloned().unwrap_or(Value::None);
    // Exact str and bytes only: a subclass goes through `__fspath__` if it has one.
    if matches!(path, Value::Str(_))
        || matches!(path.body(), Some(Object::Str(_) | Object::Bytes(_)))
    {
        return Ok(path);
    }
    let tname = vm.type_name(&path);
    let cls = vm.type_of(&path);
    match vm.lookup_class_attr(&cls, "__fspath__") {
        Some(f) if !matches!(f, Value::None) => {
            let r = vm.call(&f, &[path], &[])?;
            if is_text(&r) {
                Ok(r)
            } else {
                Err(vm.type_error(format!(
                    "expected {tname}.__fspath__() to return str or bytes, not {}",
                    vm.type_name(&r)
                )))
            }
        }
        _ if is_text(&path) => Ok(path),
        _ => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tname}"
        ))),
    }
}

/// `urandom(n)`: `n` bytes from the kernel's random source.
fn urandom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = vm.ssize_of(&a.pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    // The getrandom system call, as CPython: no descriptor, so it works in a sandboxed worker.
    getrandom::getrandom(&mut buf).map_err(|e| {
        let e = std::io::Error::from_raw_os_error(e.raw_os_error().unwrap_or(libc::EIO));
        os_error(vm, &e)
    })?;
    Ok(bytes_val(&buf))
}

/// The C library's message for error number `code` (`Unknown error N` when it has none).
pub(crate) fn message(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn strerror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = vm.ssize_of(&a.pos[0])?;
    let code = i32::try_from(code).map_err(|_| {
        vm.err(
            ExcKind::OverflowError,
            "signed integer is greater than maximum",
        )
    })?;
    Ok(Vm::str_val(message(code)))
}

/// The online CPUs, as `sysconf(_SC_NPROCESSORS_ONLN)` counts them.
fn cpu_count(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| {
            let mut n = 0i64;
            for part in s.trim().split(',') {
                match part.split_once('-') {
                    Some((lo, hi)) => n += hi.parse::<i64>().ok()? - lo.parse::<i64>().ok()? + 1,
                    None => n += 1,
                }
            }
            Some(n)
        });
    let n = online.or_else(|| {
        std::thread::available_parallelism()
            .ok()
            .map(|n| n.get() as i64)
    });
    Ok(n.map_or(Value::None, Value::Int))
}

fn uname(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cls = structseq::type_of(vm, &structseq::UNAME_RESULT);
    // The uname system call (not /proc files): it works in a sandboxed worker too.
    let names = nix::sys::utsname::uname().map_err(|e| os_error(vm, &std::io::Error::from(e)))?;
    let text = |s: &std::ffi::OsStr| s.to_string_lossy().into_owned();
    let values = [
        text(names.sysname()),
        text(names.nodename()),
        text(names.release()),
        text(names.version()),
        text(names.machine()),
    ];
    Ok(structseq::new(
        &cls,
        &structseq::UNAME_RESULT,
        values.into_iter().map(Vm::str_val).collect(),
    ))
}

/// `times()`: CPU times of the process and its children and the seconds since boot.
fn times(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    use nix::sys::resource::{getrusage, UsageWho};
    // System calls rather than /proc files, so that a sandboxed worker gets true values; in
    // clock ticks of 1/100 s, as the `times` call CPython uses reports them.
    let ticks = |t: nix::sys::time::TimeVal| {
        let micros = t.tv_sec() as f64 * 1e6 + t.tv_usec() as f64;
        Value::Float((micros / 10_000.0).floor() / 100.0)
    };
    let own = getrusage(UsageWho::RUSAGE_SELF).map_err(|e| os_error(vm, &e.into()))?;
    let children = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| os_error(vm, &e.into()))?;
    let uptime = nix::time::clock_gettime(nix::time::ClockId::CLOCK_BOOTTIME)
        .map(|t| ((t.tv_sec() as f64 * 100.0) + (t.tv_nsec() / 10_000_000) as f64) / 100.0)
        .unwrap_or(0.0);
    let cls = structseq::type_of(vm, &structseq::TIMES_RESULT);
    let values = vec![
        ticks(own.user_time()),
        ticks(own.system_time()),
        ticks(children.user_time()),
        ticks(children.system_time()),
        Value::Float(uptime),
    ];
    Ok(structseq::new(&cls, &structseq::TIMES_RESULT, values))
}

/// `device_encoding(fd)`: the workers' descriptors are never terminals, so `None`.
fn device_encoding(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.ssize_of(&a.pos[0])?;
    Ok(Value::None)
}

/// `get_terminal_size(fd=1)`: no descriptor of a worker is a terminal.
fn get_terminal_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(fd) = a.get(0) {
        vm.ssize_of(fd)?;
    }
    Err(errno_error(vm, 25, &message(25)))
}

/// `_exit(n)`: ends the process at once, running no cleanup.
fn exit_now(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = vm.ssize_of(&a.pos[0])?;
    vm.flush_out();
    std::process::exit(code as i32)
}

/// The file calls not offered even under the host-files capability (`chroot`, `mknod`,
/// `fstatvfs`, `sendfile`).
fn no_files(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(errno_error(
        vm,
        38,
        "Function not implemented: not available in this interpreter",
    ))
}

/// The process calls: this interpreter starts, signals and waits for no process.
fn no_processes(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(errno_error(
        vm,
        38,
        "Function not implemented: no process control in this interpreter",
    ))
}

/// Builds `posix`: [`FUNCTIONS`], `environ` and the constants pure modules read.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let environ = Vm::new_dict(Dict::new());
    if let Some(d) = environ.as_obj() {
        for (k, v) in std::env::vars_os() {
            // Bytes keys hash without running Python code: this cannot fail.
            let _ = vm.dict_set(d, bytes_val(k.as_bytes()), bytes_val(v.as_bytes()));
        }
    }
    let terminal_size = structseq::type_of(vm, &structseq::TERMINAL_SIZE);
    let uname_result = structseq::type_of(vm, &structseq::UNAME_RESULT);
    let times_result = structseq::type_of(vm, &structseq::TIMES_RESULT);
    let stat_result = structseq::type_of(vm, &structseq::STAT_RESULT);
    let mut constants: Vec<(&str, Value)> = vec![
        ("environ", environ),
        ("_have_functions", Vm::new_list(Vec::new())),
        ("terminal_size", Value::Obj(terminal_size)),
        ("uname_result", Value::Obj(uname_result)),
        ("times_result", Value::Obj(times_result)),
        ("stat_result", Value::Obj(stat_result)),
        (
            "statvfs_result",
            Value::Obj(structseq::type_of(vm, &structseq::STATVFS_RESULT)),
        ),
        ("error", Value::Obj(vm.exc_class(ExcKind::OSError))),
    ];
    let ints: &[(&str, i64)] = &[
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("EX_OK", 0),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
        ("O_APPEND", 0o2000),
        ("O_CREAT", 0o100),
        ("O_EXCL", 0o200),
        ("O_TRUNC", 0o1000),
        ("O_NONBLOCK", 0o4000),
        ("O_CLOEXEC", 0o2000000),
        ("O_DIRECTORY", 0o200000),
        ("O_NOFOLLOW", 0o400000),
        ("O_NOCTTY", 0o400),
        ("O_SYNC", 0o4010000),
        ("O_DSYNC", 0o10000),
        ("O_ACCMODE", 3),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("SEEK_DATA", 3),
        ("SEEK_HOLE", 4),
        ("WNOHANG", 1),
    ];
    constants.extend(ints.iter().map(|(k, v)| (*k, Value::Int(*v))));
    for f in super::fs::FUNCTIONS {
        constants.push((f.name(), Value::Native(f)));
    }
    constants.extend(super::fs::types(vm));
    super::new_module("posix", FUNCTIONS, &constants)
}
