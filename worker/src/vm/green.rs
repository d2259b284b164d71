//! Green threads: what `_thread.start_new_thread` (and so `threading.Thread.start`) starts.
//!
//! Python→Python calls recurse on the host stack, so each Python thread needs a host stack of
//! its own: it runs on a stackful coroutine (`corosensei`) over a [`GreenStack`], all on the
//! interpreter's one host thread. As CPython's threads take turns holding the GIL, these take
//! turns where CPython would let another thread run: a blocking lock acquire, `time.sleep`, and
//! once the running thread has run for `sys.getswitchinterval()` seconds (checked at backward
//! jumps and calls, [`Vm::switch_point`]). Only the running thread touches the interpreter, so
//! nothing needs locking; a switch saves the running thread's own state ([`PerThread`]: the
//! frame records behind `sys._getframe`, the recursion depth, the exceptions being handled,
//! the repr guard, the `contextvars` context) and restores the next one's.
//!
//! Scheduling is asymmetric: the main thread runs on the interpreter stack itself and is the
//! only one that resumes coroutines. A green thread that gives way suspends back into the main
//! thread's scheduling loop ([`Vm::give_way`] on the main thread), which picks the next thread
//! round-robin, sleeps when every thread waits for a deadline, and reports a deadlock to the
//! main thread when no thread could ever run again (CPython would hang; a server must not).
//!
//! No thread outlives the entry point that started it ([`Vm::end_threads`]): the interpreter
//! moves between host threads and in memory between jobs, and a suspended coroutine holds
//! pointers into it.

use crate::value::heap::{GreenStack, ObjRef};
use crate::value::Value;
use crate::vm::{ExcKind, FrameRecord, PyResult, Vm};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::time::{Duration, Instant};

/// A thread's coroutine: resumed with the interpreter's address, suspending with it.
type Co = Coroutine<*mut Vm, *mut Vm, (), GreenStack>;

/// How many switch points pass between two readings of the clock.
const TICKS_PER_CLOCK: u32 = 256;

/// The state each thread has of its own, swapped in and out of the [`Vm`] at a switch.
#[derive(Default)]
pub struct PerThread {
    frame_records: Vec<FrameRecord>,
    depth: u32,
    handled: Vec<Value>,
    reraising: bool,
    repr_guard: Vec<usize>,
    /// The current `contextvars` context.
    context: Option<ObjRef>,
}

/// What a thread waits for before it can run again.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Wait {
    Ready,
    /// A lock (by address) to be released, until an optional deadline.
    Lock(usize, Option<Instant>),
    /// `time.sleep`.
    Until(Instant),
}

impl Wait {
    fn deadline(self) -> Option<Instant> {
        match self {
            Wait::Ready => None,
            Wait::Lock(_, t) => t,
            Wait::Until(t) => Some(t),
        }
    }
}

struct Thread {
    ident: i64,
    /// `None` while it runs: the scheduler holds it.
    co: Option<Box<Co>>,
    /// The coroutine's yielder, known once it first runs; lives on its stack.
    yielder: *const Yielder<*mut Vm, *mut Vm>,
    wait: Wait,
    saved: PerThread,
    /// Locks released when the thread ends (`_thread._set_sentinel`).
    sentinels: Vec<Value>,
}

/// The interpreter's threads other than the main one, and whose turn it is.
pub struct Green {
    threads: Vec<Thread>,
    /// Index in `threads` of the running green thread; `None`: the main thread runs.
    running: Option<usize>,
    main_wait: Wait,
    main_saved: PerThread,
    started: i64,
    /// Switch points left before the clock is read again.
    ticks: u32,
    /// When the running thread's turn ends.
    turn_ends: Instant,
    /// `sys.setswitchinterval`.
    pub interval: Duration,
    /// A signal `_thread.interrupt_main` raised from another thread, for the main thread to
    /// handle when it next runs.
    pending_signal: Option<usize>,
    /// Every live `_thread._local`, whose attributes change with the running thread (weak:
    /// a local in a garbage cycle is still collected).
    pub locals: Vec<crate::value::heap::WeakHandle>,
}

impl Default for Green {
    fn default() -> Green {
        Green {
            threads: Vec::new(),
            running: None,
            main_wait: Wait::Ready,
            main_saved: PerThread::default(),
            started: 0,
            ticks: TICKS_PER_CLOCK,
            turn_ends: Instant::now(),
            interval: Duration::from_millis(5),
            locals: Vec::new(),
            pending_signal: None,
        }
    }
}

/// The main thread's identifier: an address in the program image, so it is the same in the
/// zygote and in every worker forked from it, whatever host thread runs it.
static MAIN_IDENT_ANCHOR: u8 = 0;

pub fn main_ident() -> i64 {
    &MAIN_IDENT_ANCHOR as *const u8 as usize as i64
}

impl Green {
    /// Whether any thread besides the main one exists.
    #[inline(always)]
    pub fn active(&self) -> bool {
        !self.threads.is_empty()
    }

    /// Threads started and not yet finished, the main one not counted (`_thread._count`).
    pub fn count(&self) -> usize {
        self.threads.len()
    }

    /// The running thread's identifier (`_thread.get_ident`).
    pub fn ident(&self) -> i64 {
        match self.running {
            Some(i) => self.threads[i].ident,
            None => main_ident(),
        }
    }

    fn wait_mut(&mut self, slot: usize) -> &mut Wait {
        match slot {
            0 => &mut self.main_wait,
            n => &mut self.threads[n - 1].wait,
        }
    }

    /// The next thread to run after `slot` (0: main, n: `threads[n - 1]`), round-robin;
    /// sleeps while every thread waits for a deadline. `None`: nothing can ever run again.
    fn pick(&mut self, after: usize) -> Option<usize> {
        loop {
            let slots = self.threads.len() + 1;
            let now = Instant::now();
            for k in 1..=slots {
                let slot = (after + k) % slots;
                let wait = self.wait_mut(slot);
                let runnable = match *wait {
                    Wait::Ready => true,
                    w => w.deadline().is_some_and(|t| t <= now),
                };
                if runnable {
                    *wait = Wait::Ready;
                    return Some(slot);
                }
            }
            let first = (0..slots)
                .filter_map(|s| self.wait_mut(s).deadline())
                .min()?;
            std::thread::sleep(first.saturating_duration_since(now));
        }
    }
}

impl Vm {
    /// Called at backward jumps and calls: gives way to another thread once the running one
    /// has had its turn. Free when no thread was started.
    #[inline(always)]
    pub fn switch_point(&mut self) -> PyResult<()> {
        if !self.green.active() {
            return Ok(());
        }
        self.green.ticks -= 1;
        if self.green.ticks != 0 {
            return Ok(());
        }
        self.turn_over()
    }

    #[cold]
    fn turn_over(&mut self) -> PyResult<()> {
        self.green.ticks = TICKS_PER_CLOCK;
        if Instant::now() < self.green.turn_ends {
            return Ok(());
        }
        self.give_way()
    }

    /// Starts a thread that calls `func(*args, **kwargs)`; its identifier.
    pub fn start_thread(&mut self, func: Value, args: Value, kwargs: Value) -> PyResult<i64> {
        let Some(stack) = GreenStack::map() else {
            return Err(self.err(ExcKind::RuntimeError, "can't start new thread"));
        };
        self.green.started += 1;
        let ident = main_ident() + 0x1_0000 * self.green.started;
        let co = Co::with_stack(stack, move |yielder, vm: *mut Vm| {
            // SAFETY: the scheduler resumes a thread only from the main thread's loop, passing
            // the interpreter it holds exclusively and touching it no more until the thread
            // suspends or returns; every suspension passes the pointer back out
            // (`give_way`), so all accesses on either side go through this one address, one
            // side at a time. The interpreter does not move while a thread exists
            // (`end_threads` runs before every entry point returns).
            let vm = unsafe { &mut *vm };
            if let Some(i) = vm.green.running {
                vm.green.threads[i].yielder = yielder;
            }
            vm.thread_body(&func, &args, &kwargs);
        });
        self.green.threads.push(Thread {
            ident,
            co: Some(Box::new(co)),
            yielder: std::ptr::null(),
            wait: Wait::Ready,
            saved: PerThread::default(),
            sentinels: Vec::new(),
        });
        Ok(ident)
    }

    /// A thread's whole life: the call, then what CPython does with an exception that ends
    /// a thread started by `_thread.start_new_thread`, then its sentinel locks released.
    fn thread_body(&mut self, func: &Value, args: &Value, kwargs: &Value) {
        if let Err(e) = self.call_ex(func, args, kwargs) {
            let system_exit = self.exc_class(ExcKind::SystemExit);
            if !Vm::is_subclass(&self.type_of(&Value::Obj(e.clone())), &system_exit) {
                crate::stdlib::report_unraisable(
                    self,
                    "Exception ignored in thread started by",
                    func,
                    &e,
                );
            }
        }
        let sentinels = match self.green.running {
            Some(i) => std::mem::take(&mut self.green.threads[i].sentinels),
            None => Vec::new(),
        };
        for lock in sentinels {
            crate::stdlib::thread::release_sentinel(self, &lock);
        }
        self.run_finalizers();
    }

    /// `_thread._set_sentinel`: `lock` is released when the running thread ends.
    pub fn add_sentinel(&mut self, lock: Value) {
        match self.green.running {
            Some(i) => self.green.threads[i].sentinels.push(lock),
            // The main thread ends only with the process.
            None => drop(lock),
        }
    }

    /// Blocks the running thread until `wake(key)` or `deadline`, running others meanwhile.
    /// An error when no thread could ever wake it.
    pub fn wait_on(&mut self, key: usize, deadline: Option<Instant>) -> PyResult<()> {
        self.set_wait(Wait::Lock(key, deadline));
        self.give_way()
    }

    /// `time.sleep` with other threads about: they run meanwhile.
    pub fn sleep_until(&mut self, deadline: Instant) -> PyResult<()> {
        self.set_wait(Wait::Until(deadline));
        self.give_way()
    }

    /// Makes every thread waiting on `key` ready to run (when its turn comes).
    pub fn wake(&mut self, key: usize) {
        if let Wait::Lock(k, _) = self.green.main_wait {
            if k == key {
                self.green.main_wait = Wait::Ready;
            }
        }
        for t in &mut self.green.threads {
            if let Wait::Lock(k, _) = t.wait {
                if k == key {
                    t.wait = Wait::Ready;
                }
            }
        }
    }

    /// From another thread: the main thread handles signal `n` when it next runs, a wait it
    /// is in cut short, as a signal interrupts CPython's main thread.
    pub fn interrupt_main(&mut self, n: usize) {
        self.green.pending_signal = Some(n);
        self.green.main_wait = Wait::Ready;
    }

    fn set_wait(&mut self, wait: Wait) {
        match self.green.running {
            Some(i) => self.green.threads[i].wait = wait,
            None => self.green.main_wait = wait,
        }
    }

    /// Lets the other threads run: on a green thread, suspends back to the main thread's
    /// loop; on the main thread, runs that loop until the main thread may go on.
    pub fn give_way(&mut self) -> PyResult<()> {
        if let Some(i) = self.green.running {
            let yielder = self.green.threads[i].yielder;
            let vm: *mut Vm = self;
            // SAFETY: `yielder` was set from the `&Yielder` this thread's coroutine body
            // received, which lives on that coroutine's stack for as long as the body runs —
            // and the body is running: it is this call's caller. The interpreter's address goes
            // out with the suspension and comes back with the resumption (see `start_thread`).
            unsafe { (*yielder).suspend(vm) };
            return Ok(());
        }
        self.schedule_from_main()
    }

    fn schedule_from_main(&mut self) -> PyResult<()> {
        let mut after = 0;
        loop {
            let Some(slot) = self.green.pick(after) else {
                self.green.main_wait = Wait::Ready;
                return Err(self.err(
                    ExcKind::RuntimeError,
                    "deadlock: every thread is waiting for a lock or event that no thread \
                     can release",
                ));
            };
            if slot == 0 {
                self.green.turn_ends = Instant::now() + self.green.interval;
                if let Some(n) = self.green.pending_signal.take() {
                    crate::stdlib::signal::simulate_on_main(self, n)?;
                }
                return Ok(());
            }
            let i = slot - 1;
            let Some(mut co) = self.green.threads[i].co.take() else {
                return Err(self.err(ExcKind::SystemError, "thread resumed while running"));
            };
            let main = self.take_per_thread();
            self.green.main_saved = main;
            let mine = std::mem::take(&mut self.green.threads[i].saved);
            self.put_per_thread(mine);
            self.green.running = Some(i);
            let ident = self.green.threads[i].ident;
            crate::stdlib::thread::switch_locals(&mut self.green.locals, ident);
            self.green.turn_ends = Instant::now() + self.green.interval;
            let vm: *mut Vm = self;
            let r = co.resume(vm);
            // Threads are appended while one runs and removed only here: `i` still names it.
            self.green.running = None;
            crate::stdlib::thread::switch_locals(&mut self.green.locals, main_ident());
            let mine = self.take_per_thread();
            self.green.threads[i].saved = mine;
            let main = std::mem::take(&mut self.green.main_saved);
            self.put_per_thread(main);
            match r {
                CoroutineResult::Yield(_) => {
                    self.green.threads[i].co = Some(co);
                    after = slot;
                }
                CoroutineResult::Return(()) => {
                    let ended = self.green.threads.remove(i);
                    crate::stdlib::thread::forget_thread_locals(&self.green.locals, ended.ident);
                    after = i; // the slot before the removed one
                }
            }
        }
    }

    fn take_per_thread(&mut self) -> PerThread {
        PerThread {
            frame_records: std::mem::take(&mut self.frame_records),
            depth: std::mem::take(&mut self.depth),
            handled: std::mem::take(&mut self.handled),
            reraising: std::mem::take(&mut self.reraising),
            repr_guard: std::mem::take(&mut self.repr_guard),
            context: self
                .native_types
                .remove(crate::stdlib::contextvars::CURRENT),
        }
    }

    fn put_per_thread(&mut self, p: PerThread) {
        self.frame_records = p.frame_records;
        self.depth = p.depth;
        self.handled = p.handled;
        self.reraising = p.reraising;
        self.repr_guard = p.repr_guard;
        if let Some(c) = p.context {
            self.native_types
                .insert(crate::stdlib::contextvars::CURRENT, c);
        }
    }

    /// Before an entry point returns (on the main thread): joins `threading`'s non-daemon
    /// threads, then drops the rest — daemon threads, threads started with `_thread` alone,
    /// threads no one could ever wake — which is what CPython's exit does to them. With
    /// `program_exit` (a program's end, not a served job's) it is `threading._shutdown()`
    /// itself, which also marks the main thread stopped and runs `threading`'s exit hooks.
    pub fn end_threads(&mut self, program_exit: bool) {
        if self.green.running.is_some() {
            return;
        }
        if self.green.active() {
            let joined = if program_exit {
                self.threading_shutdown()
            } else {
                self.join_non_daemon()
            };
            if let Err(e) = joined {
                if program_exit {
                    crate::stdlib::report_unraisable(
                        self,
                        "Exception ignored on threading shutdown",
                        &Value::None,
                        &e,
                    );
                }
            }
        }
        self.green.main_wait = Wait::Ready;
        let mut rest = std::mem::take(&mut self.green.threads);
        let idents: Vec<i64> = rest.iter().map(|t| t.ident).collect();
        let sentinels: Vec<Value> = rest
            .iter_mut()
            .flat_map(|t| t.sentinels.drain(..))
            .collect();
        // Dropping a suspended coroutine unwinds its stack: what its frames held is released.
        drop(rest);
        for ident in idents {
            crate::stdlib::thread::forget_thread_locals(&self.green.locals, ident);
            if let Some(active) = self
                .loaded_module("threading")
                .and_then(|m| self.getattr_opt(&m, "_active").ok().flatten())
            {
                let pop = self.getattr(&active, &Vm::str_val("pop"));
                let _ = pop.and_then(|pop| self.call(&pop, &[Value::Int(ident), Value::None], &[]));
            }
        }
        // Whoever joins them later finds them ended.
        for lock in sentinels {
            crate::stdlib::thread::release_sentinel(self, &lock);
        }
    }

    /// `t.join()` for each non-daemon thread `t` in `threading._active`, the main one aside.
    fn join_non_daemon(&mut self) -> PyResult<()> {
        let Some(module) = self.loaded_module("threading") else {
            return Ok(());
        };
        let Some(active) = self.getattr_opt(&module, "_active")? else {
            return Ok(());
        };
        let main = self.getattr(&module, &Vm::str_val("main_thread"))?;
        let main = self.call(&main, &[], &[])?;
        let values = self.getattr(&active, &Vm::str_val("values"))?;
        let values = self.call(&values, &[], &[])?;
        for t in self.collect(&values)? {
            if t.is(&main) {
                continue;
            }
            let daemon = self.getattr(&t, &Vm::str_val("daemon"))?;
            if self.truthy(&daemon)? {
                continue;
            }
            let join = self.getattr(&t, &Vm::str_val("join"))?;
            self.call(&join, &[], &[])?;
        }
        Ok(())
    }

    /// `threading._shutdown()`, if `threading` was imported.
    fn threading_shutdown(&mut self) -> PyResult<()> {
        let Some(module) = self.loaded_module("threading") else {
            return Ok(());
        };
        let Some(f) = self.getattr_opt(&module, "_shutdown")? else {
            return Ok(());
        };
        self.call(&f, &[], &[])?;
        Ok(())
    }
}
