//! The `_thread` module for an interpreter that runs a single thread: locks (`LockType`,
//! `RLock`) with their exact single-threaded semantics, `get_ident`, `_local`, and
//! `start_new_thread`, which raises since no thread can be started. Blocking on a lock this
//! thread holds would wait forever (no other thread exists to release it), so it raises
//! instead of hanging.

use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::sync::atomic::{AtomicI64, Ordering};

const LOCK: &str = "_thread.lock";
const RLOCK: &str = "_thread.RLock";
const LOCAL: &str = "_thread._local";
/// `TIMEOUT_MAX`: CPython's bound on Linux, in seconds.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The functions of `_thread`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("allocate_lock", allocate_lock, Arity::NoArgs, None),
    NativeFn::function("allocate", allocate_lock, Arity::NoArgs, None),
    NativeFn::function("_set_sentinel", allocate_lock, Arity::NoArgs, None),
    NativeFn::function("get_ident", get_ident, Arity::NoArgs, None),
    NativeFn::function("get_native_id", get_native_id, Arity::NoArgs, None),
    NativeFn::function("_count", count, Arity::NoArgs, None),
    NativeFn::function("stack_size", stack_size, Arity::Range(0, 1), None),
    NativeFn::function("daemon_threads_allowed", yes, Arity::NoArgs, None),
    NativeFn::function(
        "start_new_thread",
        start_new_thread,
        Arity::Range(2, 3),
        None,
    ),
    NativeFn::function("start_new", start_new_thread, Arity::Range(2, 3), None),
    NativeFn::function("exit", exit, Arity::NoArgs, None),
    NativeFn::function("exit_thread", exit, Arity::NoArgs, None),
    NativeFn::function("interrupt_main", interrupt_main, Arity::Range(0, 1), None),
    NativeFn::function("_excepthook", excepthook, Arity::One, None),
];

static LOCK_METHODS: &[NativeFn] = &[
    NativeFn::new("lock", no_new),
    NativeFn::new("lock.acquire", lock_acquire),
    NativeFn::new("lock.acquire_lock", lock_acquire),
    NativeFn::new("lock.__enter__", lock_acquire),
    NativeFn::method("lock.release", lock_release, Arity::NoArgs, None),
    NativeFn::method("lock.release_lock", lock_release, Arity::NoArgs, None),
    NativeFn::new("lock.__exit__", lock_exit),
    NativeFn::method("lock.locked", lock_locked, Arity::NoArgs, None),
    NativeFn::method("lock.locked_lock", lock_locked, Arity::NoArgs, None),
    NativeFn::method("lock._at_fork_reinit", lock_reinit, Arity::NoArgs, None),
    NativeFn::method("lock.__repr__", lock_repr, Arity::NoArgs, None),
];

static RLOCK_METHODS: &[NativeFn] = &[
    NativeFn::new("RLock", rlock_new),
    NativeFn::new("RLock.acquire", rlock_acquire),
    NativeFn::new("RLock.__enter__", rlock_acquire),
    NativeFn::method("RLock.release", rlock_release, Arity::NoArgs, None),
    NativeFn::new("RLock.__exit__", rlock_exit),
    NativeFn::method("RLock._is_owned", rlock_is_owned, Arity::NoArgs, None),
    NativeFn::method(
        "RLock._release_save",
        rlock_release_save,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "RLock._acquire_restore",
        rlock_acquire_restore,
        Arity::One,
        None,
    ),
    NativeFn::method("RLock._at_fork_reinit", rlock_reinit, Arity::NoArgs, None),
    NativeFn::method("RLock.__repr__", rlock_repr, Arity::NoArgs, None),
];

static LOCAL_METHODS: &[NativeFn] = &[NativeFn::new("_local", local_new)];

/// A `_thread.lock`.
struct Lock {
    locked: bool,
}

impl NativeState for Lock {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// A `_thread.RLock`: held `count` times by this thread when `count > 0`.
struct RLock {
    count: i64,
}

impl NativeState for RLock {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// A `_thread._local`: with one thread, its attributes are the instance's own.
struct Local;

impl NativeState for Local {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// The interpreter's one thread's identifier: an address in the program image, so it is the
/// same in the zygote and in every worker forked from it, whatever host thread runs it.
static IDENT_ANCHOR: u8 = 0;

fn ident() -> i64 {
    &IDENT_ANCHOR as *const u8 as usize as i64
}

fn get_ident(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(ident()))
}

fn get_native_id(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn count(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn yes(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

/// The size `stack_size` last set (0: the default); threads are never started with it.
static STACK_SIZE: AtomicI64 = AtomicI64::new(0);

fn stack_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = a.get(0) {
        let size = vm.ssize_of(v)?;
        if size != 0 && size < 32768 {
            return Err(vm.value_error(format!("size not valid: {size} bytes")));
        }
        STACK_SIZE.store(size, Ordering::Relaxed);
    }
    Ok(Value::Int(old))
}

fn start_new_thread(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(
        ExcKind::RuntimeError,
        "can't start new thread: this interpreter runs a single thread",
    ))
}

fn exit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err_empty(ExcKind::SystemExit))
}

fn interrupt_main(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err_empty(ExcKind::KeyboardInterrupt))
}

fn no_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create '_thread.lock' instances"))
}

fn allocate_lock(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cls = native_class(vm, LOCK);
    Ok(new_native(cls.clone(), cls, None, Lock { locked: false }))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments: `None` for "wait forever", else the
/// longest wait in seconds (0 for a non-blocking call).
fn acquire_args(vm: &mut Vm, a: &Args) -> PyResult<Option<f64>> {
    let args = parse_args(vm, a, 1, "acquire", &["blocking", "timeout"], 0, 2)?;
    let blocking = match args[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args[1] {
        None => -1.0,
        Some(v) => match num_of(v) {
            // Timeouts become nanoseconds in a signed 64-bit count.
            Some(Num::F(t)) if (t * 1e9).abs() >= i64::MAX as f64 || t.is_nan() => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "timestamp out of range for platform time_t",
                ))
            }
            Some(Num::F(t)) => t,
            Some(Num::I(i)) if i.checked_mul(1_000_000_000).is_some() => i as f64,
            Some(Num::I(_) | Num::B(_)) => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "timestamp too large to convert to C _PyTime_t",
                ))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.err(ExcKind::OverflowError, "timeout value is too large"));
    }
    Ok(if !blocking {
        Some(0.0)
    } else if timeout == -1.0 {
        None
    } else {
        Some(timeout)
    })
}

/// Waiting for a lock this thread holds: nothing can release it, so a timed wait just runs
/// out (after sleeping the timeout, as CPython would) and an untimed one is an error.
fn wait_for_held(vm: &Vm, wait: Option<f64>) -> PyResult<Value> {
    match wait {
        Some(t) => {
            if t > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(t));
            }
            Ok(Value::Bool(false))
        }
        None => Err(vm.err(
            ExcKind::RuntimeError,
            "deadlock: acquiring a lock that is already held would block forever \
             (this interpreter runs a single thread, so nothing could release it)",
        )),
    }
}

fn lock<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Lock> {
    receiver::<Lock>(vm, a, LOCK, method)
}

fn lock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    lock(vm, a, "acquire")?;
    let wait = acquire_args(vm, a)?;
    let l = lock(vm, a, "acquire")?;
    if !l.locked {
        l.locked = true;
        return Ok(Value::Bool(true));
    }
    wait_for_held(vm, wait)
}

fn lock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lock(vm, a, "release")?;
    if !l.locked {
        return Err(vm.err(ExcKind::RuntimeError, "release unlocked lock"));
    }
    l.locked = false;
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = Args::new(&a.pos[..a.pos.len().min(1)], &[]);
    lock_release(vm, &recv)
}

fn lock_locked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(lock(vm, a, "locked")?.locked))
}

fn lock_reinit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    lock(vm, a, "_at_fork_reinit")?.locked = false;
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let state = if lock(vm, a, "__repr__")?.locked {
        "locked"
    } else {
        "unlocked"
    };
    Ok(Vm::str_val(format!(
        "<{state} _thread.lock object at {:#x}>",
        a.pos[0].id()
    )))
}

fn rlock_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, RLOCK);
    Ok(new_native(cls, native, None, RLock { count: 0 }))
}

fn rlock<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut RLock> {
    receiver::<RLock>(vm, a, RLOCK, method)
}

/// With one thread, this thread always owns a held `RLock`: acquiring never waits.
fn rlock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rlock(vm, a, "acquire")?;
    acquire_args(vm, a)?;
    let r = rlock(vm, a, "acquire")?;
    r.count += 1;
    Ok(Value::Bool(true))
}

fn rlock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rlock(vm, a, "release")?;
    if r.count == 0 {
        return Err(vm.err(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    r.count -= 1;
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = Args::new(&a.pos[..a.pos.len().min(1)], &[]);
    rlock_release(vm, &recv)
}

fn rlock_is_owned(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(rlock(vm, a, "_is_owned")?.count > 0))
}

fn rlock_release_save(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rlock(vm, a, "_release_save")?;
    if r.count == 0 {
        return Err(vm.err(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    let count = std::mem::take(&mut r.count);
    Ok(Vm::new_tuple(vec![Value::Int(count), Value::Int(ident())]))
}

fn rlock_acquire_restore(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rlock(vm, a, "_acquire_restore")?;
    let state = a.pos[1].clone();
    let items = match state.body() {
        Some(Object::Tuple(t)) if t.len() == 2 => t.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "_acquire_restore() argument must be tuple of length 2, not {}",
                vm.type_name(&state)
            )))
        }
    };
    let count = vm.ssize_of(&items[0])?;
    rlock(vm, a, "_acquire_restore")?.count = count;
    Ok(Value::None)
}

fn rlock_reinit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rlock(vm, a, "_at_fork_reinit")?.count = 0;
    Ok(Value::None)
}

fn rlock_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let count = rlock(vm, a, "__repr__")?.count;
    let (state, owner) = if count > 0 {
        ("locked", ident())
    } else {
        ("unlocked", 0)
    };
    let cls = vm.type_of(&a.pos[0]);
    let name = Vm::class_name(&cls);
    let module = match cls.get() {
        Object::Class(c) => c.module.clone(),
        _ => String::new(),
    };
    Ok(Vm::str_val(format!(
        "<{state} {module}.{name} object owner={owner} count={count} at {:#x}>",
        a.pos[0].id()
    )))
}

/// `_local()`: arguments only when a subclass defines `__init__` to take them.
fn local_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let native = native_class(vm, LOCAL);
    if (a.pos.len() > 1 || !a.kw.is_empty()) && cls.ptr_eq(&native) {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    Ok(new_native(cls, native, None, Local))
}

/// `_excepthook(args)`: reports an exception that ended a thread on stderr (`SystemExit`
/// silently), naming the thread or, without one, the thread identifier.
fn excepthook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = a.pos[0].clone();
    let cls = super::structseq::type_of(vm, &super::structseq::EXCEPT_HOOK_ARGS);
    let ok = matches!(args.body(), Some(Object::Instance(i)) if Vm::is_subclass(&i.class, &cls));
    if !ok {
        return Err(vm.type_error("_thread.excepthook argument type must be ExceptHookArgs"));
    }
    let get = |vm: &mut Vm, name: &str| vm.getattr(&args, &Vm::str_val(name));
    let exc_type = get(vm, "exc_type")?;
    let system_exit = Value::Obj(vm.exc_class(ExcKind::SystemExit));
    if exc_type.is(&system_exit) {
        return Ok(Value::None);
    }
    let thread = get(vm, "thread")?;
    let name = match vm.getattr_opt(&thread, "name")? {
        Some(n) if !matches!(thread, Value::None) => vm.str_of(&n)?,
        _ => ident().to_string(),
    };
    let exc_value = get(vm, "exc_value")?;
    let text = match exc_value.as_obj() {
        Some(e) if matches!(e.get(), Object::Instance(_)) => vm.error_report(e).traceback,
        _ => format!("{}\n", vm.str_of(&exc_type)?),
    };
    super::io::write_stderr(vm, &format!("Exception in thread {name}:\n{text}"));
    Ok(Value::None)
}

/// Builds `_thread` and its types.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let lock = native_type(vm, LOCK, None, LOCK_METHODS, false);
    super::set_slots(&lock, &[]);
    let rlock = native_type(vm, RLOCK, None, RLOCK_METHODS, false);
    let local = native_type(vm, LOCAL, None, LOCAL_METHODS, false);
    let hook_args = super::structseq::type_of(vm, &super::structseq::EXCEPT_HOOK_ARGS);
    super::new_module(
        "_thread",
        FUNCTIONS,
        &[
            ("LockType", Value::Obj(lock)),
            ("RLock", Value::Obj(rlock)),
            ("_local", Value::Obj(local)),
            ("_ExceptHookArgs", Value::Obj(hook_args)),
            ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
            ("error", Value::Obj(vm.exc_class(ExcKind::RuntimeError))),
        ],
    )
}
