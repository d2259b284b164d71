//! The `_thread` module: `start_new_thread` over the interpreter's green threads
//! (`vm/green.rs`), locks (`LockType`, `RLock`) whose blocking acquire lets the other threads
//! run until the lock is released or the timeout passes, `get_ident`, `_local`, and the
//! sentinel locks `threading` joins on. Blocking on a lock that no thread could ever release
//! raises instead of hanging.

use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::dict_table::Dict;
use crate::value::heap::{ObjRef, WeakHandle};
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
    NativeFn::function("_set_sentinel", set_sentinel, Arity::NoArgs, None),
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
    NativeFn::new("interrupt_main", interrupt_main),
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
        "RLock._recursion_count",
        rlock_recursion_count,
        Arity::NoArgs,
        None,
    ),
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

static LOCAL_METHODS: &[NativeFn] = &[
    NativeFn::new("_local", local_new),
    NativeFn::method(
        "_local.__getattribute__",
        local_getattribute,
        Arity::One,
        None,
    ),
    NativeFn::new("_local.__setattr__", local_setattr),
    NativeFn::new("_local.__delattr__", local_delattr),
];

/// A `_thread.lock`.
struct Lock {
    locked: bool,
}

impl NativeState for Lock {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// A `_thread.RLock`: held `count` times by thread `owner` when `count > 0`.
struct RLock {
    count: i64,
    owner: i64,
}

impl NativeState for RLock {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

/// A `_thread._local`: the instance holds the attributes of thread `holder`; the other
/// threads' are kept here and swapped in when the running thread changes ([`switch_locals`]).
struct Local {
    holder: i64,
    /// Whether a subclass's `__init__` has run for `holder`.
    initialized: bool,
    /// The other threads' attributes (and `initialized`).
    others: Vec<(i64, Dict, Option<ObjRef>, bool)>,
    /// The arguments it was made with (`raw`, `kwnames`), which a subclass's `__init__` gets
    /// again in each thread that first sees it; `None` for `_local` itself.
    init: Option<(Vec<Value>, Vec<Value>)>,
}

impl NativeState for Local {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for (_, own, dict_obj, _) in &self.others {
            for (k, v) in own.iter() {
                f(k);
                f(v);
            }
            if let Some(d) = dict_obj {
                f(&Value::Obj(d.clone()));
            }
        }
        if let Some((raw, names)) = &self.init {
            raw.iter().chain(names).for_each(f);
        }
    }
}

/// Puts thread `to`'s attributes into every live `_local` (the previous holder's are kept
/// aside), and forgets those that died.
pub(crate) fn switch_locals(locals: &mut Vec<WeakHandle>, to: i64) {
    locals.retain(|l| l.get().is_some());
    for l in locals.iter() {
        let Some(l) = l.get() else {
            continue;
        };
        let v = Value::Obj(l.clone());
        let Some(state) = super::state_of::<Local>(&v) else {
            continue;
        };
        if state.holder == to {
            continue;
        }
        let Object::Instance(inst) = l.get_mut() else {
            continue;
        };
        let own = std::mem::replace(&mut inst.own, Dict::new());
        let old = (state.holder, own, inst.dict_obj.take(), state.initialized);
        state.others.push(old);
        state.initialized = false;
        if let Some(at) = state.others.iter().position(|e| e.0 == to) {
            let (_, own, dict_obj, initialized) = state.others.swap_remove(at);
            inst.own = own;
            inst.dict_obj = dict_obj;
            state.initialized = initialized;
        }
        state.holder = to;
    }
}

/// Before a thread's first use of a `_local` subclass instance: its `__init__` with the
/// arguments the instance was made with, as CPython runs it on each thread's first use.
fn init_for_thread(vm: &mut Vm, local: &Value) -> PyResult<()> {
    let Some(state) = super::state_of::<Local>(local) else {
        return Ok(());
    };
    if state.initialized {
        return Ok(());
    }
    state.initialized = true;
    let Some((raw, names)) = state.init.clone() else {
        return Ok(());
    };
    let cls = vm.type_of(local);
    if let Some(init) = vm.lookup_class_attr(&cls, "__init__") {
        let mut argv = vec![local.clone()];
        argv.extend(raw);
        vm.call(&init, &argv, &names)?;
    }
    Ok(())
}

fn local_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    init_for_thread(vm, &a.pos[0])?;
    vm.generic_getattr(&a.pos[0], &a.pos[1])
}

/// A local's `__dict__` is the running thread's: it cannot be replaced or deleted.
fn refuse_dict(vm: &Vm, a: &Args) -> PyResult<()> {
    if a.pos.get(1).and_then(Value::as_str) == Some("__dict__") {
        return Err(vm.err(
            ExcKind::AttributeError,
            format!(
                "'{}' object attribute '__dict__' is read-only",
                vm.type_name(&a.pos[0])
            ),
        ));
    }
    Ok(())
}

fn local_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    refuse_dict(vm, a)?;
    init_for_thread(vm, &a.pos[0])?;
    vm.call(&Value::Native(&crate::objects::object::SETATTR), a.pos, &[])
}

fn local_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    refuse_dict(vm, a)?;
    init_for_thread(vm, &a.pos[0])?;
    vm.call(&Value::Native(&crate::objects::object::DELATTR), a.pos, &[])
}

/// Drops what thread `ident`, which ended, had stored in each live `_local`.
pub(crate) fn forget_thread_locals(locals: &[WeakHandle], ident: i64) {
    for l in locals.iter().filter_map(WeakHandle::get) {
        if let Some(state) = super::state_of::<Local>(&Value::Obj(l)) {
            state.others.retain(|e| e.0 != ident);
        }
    }
}

fn get_ident(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.green.ident()))
}

/// The process id for the main thread; green threads share the host thread, so theirs are
/// numbers of their own above it.
fn get_native_id(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let serial = (vm.green.ident() - crate::vm::green::main_ident()) / 0x1_0000;
    Ok(Value::Int(std::process::id() as i64 + serial * 4_194_304))
}

fn count(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.green.count() as i64))
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

/// `start_new_thread(function, args[, kwargs])`: the new thread's identifier; it first runs
/// when the running thread gives way.
fn start_new_thread(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let func = a.pos[0].clone();
    if !crate::builtins::functions::is_callable(vm, &func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let args = a.pos[1].clone();
    if !matches!(args.body(), Some(Object::Tuple(_))) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    let kwargs = a.pos.get(2).cloned().unwrap_or(Value::None);
    if !matches!(kwargs, Value::None) && !matches!(kwargs.body(), Some(Object::Dict(_))) {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    Ok(Value::Int(vm.start_thread(func, args, kwargs)?))
}

/// `_set_sentinel()`: a lock (the thread acquires it) released when the running thread ends.
fn set_sentinel(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cls = native_class(vm, LOCK);
    let lock = new_native(cls.clone(), cls, None, Lock { locked: false });
    vm.add_sentinel(lock.clone());
    Ok(lock)
}

/// Releases a sentinel lock of a thread that ends, waking its joiners.
pub(crate) fn release_sentinel(vm: &mut Vm, lock: &Value) {
    if let Some(l) = super::state_of::<Lock>(lock) {
        l.locked = false;
        vm.wake(lock.id());
    }
}

fn exit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err_empty(ExcKind::SystemExit))
}

/// `interrupt_main(signum=SIGINT)`: the main thread runs the signal's Python handler — now,
/// if it is the caller, else when it next runs.
fn interrupt_main(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "interrupt_main", &["signum"], 0, 1)?;
    let n = match args[0] {
        Some(v) => super::signal::signum(vm, v)?,
        None => 2,
    };
    if vm.green.ident() == crate::vm::green::main_ident() {
        super::signal::simulate_on_main(vm, n)?;
    } else {
        vm.interrupt_main(n);
    }
    Ok(Value::None)
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

/// Waits until `free(vm)` says the lock can be taken (then `Ok(true)`), the other threads
/// running meanwhile, or until `wait` seconds passed (`Ok(false)`; `None`: no limit).
fn wait_for(
    vm: &mut Vm,
    key: usize,
    wait: Option<f64>,
    free: impl Fn(&mut Vm) -> PyResult<bool>,
) -> PyResult<bool> {
    if wait == Some(0.0) {
        return Ok(false);
    }
    if !vm.green.active() {
        return wait_for_held(vm, wait).map(|_| false);
    }
    let deadline = wait.map(|t| {
        let now = std::time::Instant::now();
        now.checked_add(std::time::Duration::from_secs_f64(t))
            .unwrap_or(now + std::time::Duration::from_secs(86_400 * 365 * 100))
    });
    loop {
        vm.wait_on(key, deadline)?;
        if free(vm)? {
            return Ok(true);
        }
        if deadline.is_some_and(|t| std::time::Instant::now() >= t) {
            return Ok(false);
        }
    }
}

/// Waiting for a lock that no other thread exists to release: a timed wait just runs out
/// (after sleeping the timeout, as CPython would) and an untimed one is an error.
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
    let me = a.pos[0].clone();
    let took = wait_for(vm, me.id(), wait, |vm| {
        let recv = [me.clone()];
        let l = lock(vm, &Args::new(&recv, &[]), "acquire")?;
        Ok(!std::mem::replace(&mut l.locked, true))
    })?;
    Ok(Value::Bool(took))
}

fn lock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = lock(vm, a, "release")?;
    if !l.locked {
        return Err(vm.err(ExcKind::RuntimeError, "release unlocked lock"));
    }
    l.locked = false;
    vm.wake(a.pos[0].id());
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
    vm.wake(a.pos[0].id());
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
    Ok(new_native(cls, native, None, RLock { count: 0, owner: 0 }))
}

fn rlock<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut RLock> {
    receiver::<RLock>(vm, a, RLOCK, method)
}

/// Takes `r` for thread `me` if it is free or already `me`'s.
fn rlock_take(r: &mut RLock, me: i64) -> bool {
    if r.count == 0 {
        r.owner = me;
        r.count = 1;
        true
    } else if r.owner == me {
        r.count += 1;
        true
    } else {
        false
    }
}

/// `acquire`: immediate when free or already this thread's; otherwise waits like a lock.
fn rlock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rlock(vm, a, "acquire")?;
    let wait = acquire_args(vm, a)?;
    let me = vm.green.ident();
    if rlock_take(rlock(vm, a, "acquire")?, me) {
        return Ok(Value::Bool(true));
    }
    let recv = a.pos[0].clone();
    let took = wait_for(vm, recv.id(), wait, |vm| {
        let pos = [recv.clone()];
        Ok(rlock_take(rlock(vm, &Args::new(&pos, &[]), "acquire")?, me))
    })?;
    Ok(Value::Bool(took))
}

fn rlock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = vm.green.ident();
    let r = rlock(vm, a, "release")?;
    if r.count == 0 || r.owner != me {
        return Err(vm.err(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    r.count -= 1;
    if r.count == 0 {
        r.owner = 0;
        vm.wake(a.pos[0].id());
    }
    Ok(Value::None)
}

fn rlock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = Args::new(&a.pos[..a.pos.len().min(1)], &[]);
    rlock_release(vm, &recv)
}

fn rlock_is_owned(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = vm.green.ident();
    let r = rlock(vm, a, "_is_owned")?;
    Ok(Value::Bool(r.count > 0 && r.owner == me))
}

/// How many times the running thread holds it (0 if another thread does).
fn rlock_recursion_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = vm.green.ident();
    let r = rlock(vm, a, "_recursion_count")?;
    Ok(Value::Int(if r.owner == me { r.count } else { 0 }))
}

fn rlock_release_save(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rlock(vm, a, "_release_save")?;
    if r.count == 0 {
        return Err(vm.err(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    let count = std::mem::take(&mut r.count);
    let owner = std::mem::take(&mut r.owner);
    vm.wake(a.pos[0].id());
    Ok(Vm::new_tuple(vec![Value::Int(count), Value::Int(owner)]))
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
    let owner = vm.ssize_of(&items[1])?;
    let me = vm.green.ident();
    if !rlock_take(rlock(vm, a, "_acquire_restore")?, me) {
        let recv = a.pos[0].clone();
        wait_for(vm, recv.id(), None, |vm| {
            let pos = [recv.clone()];
            Ok(rlock_take(
                rlock(vm, &Args::new(&pos, &[]), "_acquire_restore")?,
                me,
            ))
        })?;
    }
    let r = rlock(vm, a, "_acquire_restore")?;
    r.count = count;
    r.owner = owner;
    Ok(Value::None)
}

fn rlock_reinit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rlock(vm, a, "_at_fork_reinit")?;
    r.count = 0;
    r.owner = 0;
    Ok(Value::None)
}

fn rlock_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rlock(vm, a, "__repr__")?;
    let (count, owner) = (r.count, r.owner);
    let state = if count > 0 { "locked" } else { "unlocked" };
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
    let me = vm.green.ident();
    let init = (!cls.ptr_eq(&native)).then(|| (a.raw[1..].to_vec(), a.kwnames.to_vec()));
    let local = new_native(
        cls,
        native,
        None,
        Local {
            holder: me,
            initialized: true,
            others: Vec::new(),
            init,
        },
    );
    if let Some(o) = local.as_obj() {
        vm.green.locals.push(o.downgrade(usize::MAX));
    }
    Ok(local)
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
        _ => vm.green.ident().to_string(),
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
    // No attribute dict, but weak references, as CPython's lock type.
    super::set_slots(&lock, &["__weakref__"]);
    let rlock = native_type(vm, RLOCK, None, RLOCK_METHODS, false);
    let local = native_type(vm, LOCAL, None, LOCAL_METHODS, false);
    if let Object::Class(c) = local.get_mut() {
        c.has_getattribute = true;
        c.has_setattr = true;
    }
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
