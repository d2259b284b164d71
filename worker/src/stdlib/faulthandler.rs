//! `faulthandler`: `dump_traceback` writes the Python stack of the running thread, or of every
//! thread (`vm/green.rs` keeps the others' frame records), in CPython's format; `enable`,
//! `disable` and `is_enabled` keep CPython's setting and its checks of the file argument.
//! The interpreter turns deep recursion into `RecursionError` rather than a crash, and a host
//! crash in a worker is reported by the supervisor, so `enable` installs no signal handlers;
//! `dump_traceback_later` and `register`, which need a watchdog thread or real signals, are
//! not provided.

use super::parse_args;
use crate::objects::exception::os_error;
use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};

/// Frames written per thread at most, as CPython's `MAX_FRAME_DEPTH`.
const MAX_FRAMES: usize = 100;
/// `enable()` was called (and not `disable()` since): one interpreter per process.
static ENABLED: AtomicBool = AtomicBool::new(false);

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("enable", enable),
    NativeFn::new("disable", disable),
    NativeFn::new("is_enabled", is_enabled),
    NativeFn::new("dump_traceback", dump_traceback),
];

/// The descriptor of `file` (a file object with `fileno()`, or a descriptor; `None`:
/// `sys.stderr`), the file flushed first, as CPython's `faulthandler_get_fileno`.
fn fileno_of(vm: &mut Vm, file: Option<&Value>) -> PyResult<i32> {
    let file = match file {
        None | Some(Value::None) => {
            let sys = vm.import_module("sys")?;
            let err = vm.getattr(&sys, &Vm::str_val("stderr"))?;
            if matches!(err, Value::None) {
                return Err(vm.err(ExcKind::RuntimeError, "sys.stderr is None"));
            }
            err
        }
        Some(f) => f.clone(),
    };
    let fd = match file {
        Value::Int(n) => n,
        Value::Bool(_) => return Err(invalid_fd(vm)),
        ref f => {
            let fileno = vm.getattr(f, &Vm::str_val("fileno"))?;
            let n = vm.call(&fileno, &[], &[])?;
            let Value::Int(n) = n else {
                return Err(vm.err(
                    ExcKind::RuntimeError,
                    "file.fileno() is not a valid file descriptor",
                ));
            };
            if n >= 0 {
                if let Ok(flush) = vm.getattr(f, &Vm::str_val("flush")) {
                    // As CPython: a failing flush is ignored.
                    let _ = vm.call(&flush, &[], &[]);
                }
            }
            n
        }
    };
    if !(0..=i32::MAX as i64).contains(&fd) {
        return Err(invalid_fd(vm));
    }
    Ok(fd as i32)
}

fn invalid_fd(vm: &Vm) -> ObjRef {
    // CPython's own spelling.
    vm.value_error("file is not a valid file descripter")
}

fn enable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "enable", &["file", "all_threads"], 0, 2)?;
    fileno_of(vm, args[0])?;
    if let Some(v) = args[1] {
        vm.truthy(v)?;
    }
    ENABLED.store(true, Ordering::Relaxed);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse_args(vm, a, 0, "disable", &[], 0, 0)?;
    Ok(Value::Bool(ENABLED.swap(false, Ordering::Relaxed)))
}

fn is_enabled(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse_args(vm, a, 0, "is_enabled", &[], 0, 0)?;
    Ok(Value::Bool(ENABLED.load(Ordering::Relaxed)))
}

/// `dump_traceback(file=sys.stderr, all_threads=True)`.
fn dump_traceback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "dump_traceback", &["file", "all_threads"], 0, 2)?;
    let fd = fileno_of(vm, args[0])?;
    let all = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut text = String::new();
    if all {
        let mut first = true;
        for stack in vm.thread_stacks() {
            if !first {
                text.push('\n');
            }
            first = false;
            let who = if stack.current {
                "Current thread"
            } else {
                "Thread"
            };
            let ident = stack.ident;
            text.push_str(&format!("{who} 0x{ident:016x} (most recent call first):\n"));
            write_frames(vm, &stack.frames, &mut text);
        }
    } else {
        text.push_str("Stack (most recent call first):\n");
        let records: Vec<(u32, usize)> = vm.frame_records.iter().map(|r| (r.code, r.ip)).collect();
        write_frames(vm, &records, &mut text);
    }
    write_to(vm, fd, &text)?;
    Ok(Value::None)
}

/// One `  File "…", line N in name` line per frame, innermost first.
fn write_frames(vm: &Vm, records: &[(u32, usize)], out: &mut String) {
    if records.is_empty() {
        out.push_str("  <no Python frame>\n");
        return;
    }
    for (k, &(code, ip)) in records.iter().rev().enumerate() {
        if k == MAX_FRAMES {
            out.push_str("  ...\n");
            break;
        }
        let view = vm.codes[code as usize].view;
        let line = view.line_of(ip.saturating_sub(1) as u32);
        out.push_str(&format!(
            "  File \"{}\", line {} in {}\n",
            view.filename().as_str(),
            line,
            view.name().as_str()
        ));
    }
}

/// Writes to descriptor `fd`: 1 and 2 through the interpreter's own streams (so the order with
/// `print` holds, and a served job's output is captured), others only with the host's files.
fn write_to(vm: &mut Vm, fd: i32, text: &str) -> PyResult<()> {
    match fd {
        1 => super::io::write_stdout(vm, text),
        2 => {
            super::io::write_stderr(vm, text);
            Ok(())
        }
        _ if vm.host_files => crate::value::heap::write_descriptor(fd, text.as_bytes())
            .map(|_| ())
            .map_err(|e| {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                os_error(vm, errno as i64, &e.to_string())
            }),
        _ => Err(os_error(vm, libc::EBADF as i64, "Bad file descriptor")),
    }
}

/// Builds `faulthandler`.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module("faulthandler", FUNCTIONS, &[])
}
