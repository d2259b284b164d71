//! `_signal`, under CPython's `signal.py`. A worker runs jobs for a supervisor that owns
//! the process's signals, so handlers are recorded but never installed in the host: the
//! table answers `signal()`/`getsignal()` exactly as CPython's would (SIGINT starts with
//! `default_int_handler`, SIGPIPE and SIGXFSZ ignored), and `raise_signal` runs the Python
//! handler in place. Anything that would wait for or send a real signal (`alarm`, `pause`,
//! timers, `pthread_kill`) raises `OSError(ENOSYS)` instead of hanging.

use crate::objects::exception::os_error;
use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The key of the handler table (a list indexed by signal number) in `Vm::native_types`.
const HANDLERS: &str = "_signal.<handlers>";
const NSIG: i64 = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("signal", signal, Arity::Range(2, 2), None),
    NativeFn::function("getsignal", getsignal, Arity::One, None),
    NativeFn::function("raise_signal", raise_signal, Arity::One, None),
    NativeFn::function("strsignal", strsignal, Arity::One, None),
    NativeFn::function("valid_signals", valid_signals, Arity::NoArgs, None),
    NativeFn::function(
        "default_int_handler",
        default_int_handler,
        Arity::Range(0, 2),
        None,
    ),
    NativeFn::function(
        "set_wakeup_fd",
        set_wakeup_fd,
        Arity::Range(1, 1),
        Some(&["warn_on_full_buffer"]),
    ),
    NativeFn::function("pthread_sigmask", pthread_sigmask, Arity::Range(2, 2), None),
    NativeFn::function("sigpending", empty_set, Arity::NoArgs, None),
    NativeFn::function("siginterrupt", siginterrupt, Arity::Range(2, 2), None),
    NativeFn::new("alarm", no_signals),
    NativeFn::new("pause", no_signals),
    NativeFn::new("setitimer", no_signals),
    NativeFn::new("getitimer", no_signals),
    NativeFn::new("pthread_kill", no_signals),
    NativeFn::new("pidfd_send_signal", no_signals),
    NativeFn::new("sigwait", no_signals),
    NativeFn::new("sigwaitinfo", no_signals),
    NativeFn::new("sigtimedwait", no_signals),
];

/// Linux's signal numbers, by name.
const SIGNALS: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

/// glibc's `strsignal` texts for signals 1–31.
const DESCRIPTIONS: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let mut handlers = vec![Value::Int(SIG_DFL); NSIG as usize];
    if let Some(f) = NativeFn::find(FUNCTIONS, "default_int_handler") {
        // The module's own function, so `getsignal(SIGINT) is default_int_handler`.
        handlers[2] = Value::Native(f);
    }
    handlers[13] = Value::Int(SIG_IGN);
    handlers[25] = Value::Int(SIG_IGN);
    if let Value::Obj(table) = Vm::new_list(handlers) {
        vm.native_types.insert(HANDLERS, table);
    }
    let os_error = vm.exc_class(ExcKind::OSError);
    let itimer_error = super::exception_class(vm, "signal.itimer_error", vec![os_error]);
    let mut constants: Vec<(&str, Value)> =
        SIGNALS.iter().map(|(n, v)| (*n, Value::Int(*v))).collect();
    constants.extend([
        ("NSIG", Value::Int(NSIG)),
        ("SIG_DFL", Value::Int(SIG_DFL)),
        ("SIG_IGN", Value::Int(SIG_IGN)),
        ("SIG_BLOCK", Value::Int(0)),
        ("SIG_UNBLOCK", Value::Int(1)),
        ("SIG_SETMASK", Value::Int(2)),
        ("ITIMER_REAL", Value::Int(0)),
        ("ITIMER_VIRTUAL", Value::Int(1)),
        ("ITIMER_PROF", Value::Int(2)),
        ("ItimerError", Value::Obj(itimer_error)),
    ]);
    super::new_module("_signal", FUNCTIONS, &constants)
}

fn table(vm: &Vm) -> Option<&mut Vec<Value>> {
    match vm.native_types.get(HANDLERS)?.get_mut() {
        crate::value::object::Object::List(l) => Some(l),
        _ => None,
    }
}

/// What `_thread.interrupt_main(n)` simulates, on the main thread: the Python handler of
/// signal `n` runs (SIGINT's default one raises `KeyboardInterrupt`, as CPython installs it
/// at start-up); a signal Python does not handle does nothing.
pub(crate) fn simulate_on_main(vm: &mut Vm, n: usize) -> PyResult<()> {
    let handler = match table(vm) {
        Some(t) => t.get(n).cloned().unwrap_or(Value::Int(SIG_DFL)),
        None if n == 2 => return Err(vm.err_empty(ExcKind::KeyboardInterrupt)),
        None => return Ok(()),
    };
    if !matches!(handler, Value::Int(_)) {
        vm.call(&handler, &[Value::Int(n as i64), Value::None], &[])?;
    }
    Ok(())
}

/// The signal number argument, checked against `1..NSIG`.
pub(crate) fn signum(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = vm.index_of(v)?;
    if !(1..NSIG).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn signal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = signum(vm, &a.pos[0])?;
    let handler = a.pos[1].clone();
    let is_action = matches!(handler, Value::Int(SIG_DFL | SIG_IGN));
    if !is_action && !crate::builtins::functions::is_callable(vm, &handler) {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if n == 9 || n == 19 || n == 32 || n == 33 {
        return Err(os_error(vm, 22, "Invalid argument"));
    }
    let Some(t) = table(vm) else {
        return Ok(Value::None);
    };
    Ok(std::mem::replace(&mut t[n], handler))
}

fn getsignal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = signum(vm, &a.pos[0])?;
    Ok(table(vm).map_or(Value::None, |t| t[n].clone()))
}

/// Runs the Python handler of the signal at once; SIG_IGN does nothing. The default action
/// of a signal that would stop or kill the process is refused: the worker belongs to the
/// pool.
fn raise_signal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = signum(vm, &a.pos[0])?;
    let handler = table(vm).map_or(Value::Int(SIG_DFL), |t| t[n].clone());
    match handler {
        Value::Int(SIG_IGN) => Ok(Value::None),
        // Ignored by default: child exit, urgent data, window change, continue.
        Value::Int(_) if matches!(n, 17 | 18 | 23 | 28) => Ok(Value::None),
        Value::Int(_) => Err(os_error(
            vm,
            38,
            "Function not implemented: a worker does not deliver signals",
        )),
        h => {
            vm.call(&h, &[Value::Int(n as i64), Value::None], &[])?;
            Ok(Value::None)
        }
    }
}

fn strsignal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = signum(vm, &a.pos[0])?;
    Ok(match DESCRIPTIONS.get(n - 1) {
        Some(d) => Vm::str_val(*d),
        None if (34..=64).contains(&n) => Vm::str_val(format!("Real-time signal {}", n - 34)),
        None => Value::None,
    })
}

fn valid_signals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let items: Vec<Value> = (1..NSIG)
        .filter(|n| !matches!(n, 32 | 33))
        .map(Value::Int)
        .collect();
    let set_t = Value::Obj(vm.type_obj(crate::value::object::TypeKind::Set).clone());
    vm.call(&set_t, &[Vm::new_list(items)], &[])
}

fn empty_set(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let set_t = Value::Obj(vm.type_obj(crate::value::object::TypeKind::Set).clone());
    vm.call(&set_t, &[], &[])
}

fn default_int_handler(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err_empty(ExcKind::KeyboardInterrupt))
}

/// No descriptor is written on a signal here: the old value is always -1.
fn set_wakeup_fd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.ssize_of(&a.pos[0])?;
    Ok(Value::Int(-1))
}

fn pthread_sigmask(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let how = vm.ssize_of(&a.pos[0])?;
    if !(0..=2).contains(&how) {
        return Err(os_error(vm, 22, "Invalid argument"));
    }
    vm.collect(&a.pos[1])?;
    empty_set(vm, a)
}

fn siginterrupt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    signum(vm, &a.pos[0])?;
    Ok(Value::None)
}

fn no_signals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(os_error(
        vm,
        38,
        "Function not implemented: a worker does not wait for or send signals",
    ))
}
