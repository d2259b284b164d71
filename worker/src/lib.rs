//! # permafrost-worker: the interpreter
//!
//! Runs permafrost bytecode straight from a validated, mapped image. In the `permanent`
//! layout code objects and constants are read in place and never written (a str constant is
//! a value pointing into the image); objects made while preloading can be frozen immortal so
//! that reading them never writes their page. In the `transient` layout code objects and
//! constants are copied into ordinary refcounted heap objects at load, as CPython lays them
//! out. Same programs, same output; only the memory behaviour differs.
//!
//! It touches no files, sockets or processes: the server gives it an image and JSON
//! arguments, and takes back JSON results and captured output.
//!
//! Reference cycles among a worker's own objects are collected (`value/gc.rs`, driven by the
//! `gc` module's thresholds); objects inherited from the zygote are roots, never examined.
//! Limits, by design: there is no file I/O (`_io.open` raises `OSError`). `exec`, `eval` and
//! `compile` make transient code units (`vm/dynamic.rs`), freed when unreferenced.
//! Python→Python calls recurse on the host stack, so every entry point runs on a helper
//! thread with a large reserved stack (joined before returning), and the recursion limit is
//! CPython's 1000 levels.
//!
//! Starting that thread costs tens of microseconds, too much per job in a server worker. A
//! thread-local flag marks a thread that already has the big stack: entry points called on it
//! run inline. [`on_interpreter_stack`] runs a closure on such a thread (once per server
//! zygote, around its fork loop: each worker forked from that thread keeps it as its only
//! thread), so jobs start no threads.
//!
//! Module map: `heap` (refcounted pointer, immortal bit), `value` (the 16-byte value),
//! `object` (heap object bodies), `dict` / `set` / `hash` (CPython-compatible tables and
//! hashes), `layout` (the two layouts and per-code side tables), `frame`, `eval` (the
//! dispatch loop), `call` (binding, generators, instantiation), `ops` (operators), `repr`
//! (text conversions), `attrs` (attributes and classes), `builtins` / `methods` (natives),
//! `modules` (imports), `traceback`, `json`, `freeze`.

pub mod budget;
mod builtins;
mod objects;
mod stdlib;
mod value;
mod vm;

use vm::{Sink, Vm};

/// Names of the modules the interpreter provides natively (`math`, ...): `freeze` counts
/// them as found.
pub fn native_module_names() -> Vec<&'static str> {
    stdlib::REGISTRY.iter().map(|(name, _)| *name).collect()
}

/// Reads now what native modules otherwise read from the host's files on first use (the local
/// time zone), so that a process forked afterwards that may not open files (a sandboxed
/// worker) inherits it instead of falling back to UTC.
pub fn load_host_state() {
    stdlib::time::load_zone();
}

/// Initialises the calling thread's interpreter state now rather than on first use (see
/// `value::heap::init_thread_state`): for a zygote, on the thread it forks workers from.
pub fn init_thread_state() {
    value::heap::init_thread_state();
}

/// Runs `f` on a thread with the interpreter's large reserved stack and the "already on the
/// interpreter stack" flag set, joining it before returning; every `Interpreter` entry point
/// called inside `f` then runs inline on that thread instead of starting one per call. If the
/// current thread already has the flag, `f` runs inline. A server zygote wraps its fork loop in
/// this once; a worker forked from that thread has it as its only thread, flag and stack
/// included.
pub fn on_interpreter_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    value::heap::on_interpreter_stack(f)
}
use permafrost_image::Image;

pub use value::heap::place_apart;
pub use vm::layout::Layout;

/// An uncaught Python exception, ready to print or send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReport {
    /// The exception's type name, e.g. `ZeroDivisionError`.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// The full CPython-format traceback text, ending with `Type: message\n`.
    pub traceback: String,
    /// For a `SystemExit`, how a program run as a script ends: CPython prints no traceback.
    pub system_exit: Option<SystemExitReport>,
}

/// How an uncaught `SystemExit` ends the process, as CPython's `handle_system_exit`: the
/// status (`code` None is 0, an int is itself, anything else 1) and what goes to stderr
/// (`str(code)` and a newline when `code` is neither None nor an int).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemExitReport {
    /// The process exit status.
    pub status: i32,
    /// What CPython writes to stderr before exiting (empty for None and int codes).
    pub stderr: String,
}

/// The result of one job.
#[derive(Clone, Debug)]
pub struct CallOutcome {
    /// The function's return value as JSON, or the exception it raised.
    pub result: Result<serde_json::Value, ErrorReport>,
    /// What the job printed.
    pub stdout: String,
}

/// One interpreter per process. It is `Send` (it owns its whole heap), so a worker can move it
/// into the closure it passes to [`on_interpreter_stack`].
pub struct Interpreter {
    vm: Option<Box<Vm>>,
}

/// A job for the interpreter thread.
struct Job {
    vm: Box<Vm>,
    function: String,
    args: Vec<serde_json::Value>,
    kwargs: serde_json::Map<String, serde_json::Value>,
}

fn job_run_main(mut vm: Box<Vm>) -> (Box<Vm>, Result<(), ErrorReport>) {
    vm.sink = Sink::Stdout;
    vm.main_as_dunder_main = true;
    let r = match vm.load_module(0, "__main__") {
        Ok(_) => Ok(()),
        Err(e) => Err(vm.error_report(&e)),
    };
    // As CPython's shutdown: non-daemon threads are joined before the exit functions run.
    vm.end_threads(true);
    stdlib::atexit::run_all(&mut vm);
    vm.run_finalizers();
    clear_main_globals(&mut vm);
    vm.flush_out();
    (vm, r)
}

/// What CPython's shutdown amounts to for a finished program's `__main__`: what only its
/// globals held is finalized (`__del__`, a suspended generator's `finally`) in the order the
/// globals were made — CPython's last collection finds them unreachable and finalizes them in
/// allocation order. Here each global becomes `None` in turn; a last collection finalizes what
/// cycles held.
fn clear_main_globals(vm: &mut Vm) {
    use crate::value::object::Object;
    use crate::value::Value;
    let Some(Some(main)) = vm.modules.first().cloned() else {
        return;
    };
    let names: Vec<Value> = match main.get() {
        Object::Module(m) => match &m.dict {
            Some(d) => match d.get() {
                Object::Dict(d) => d.iter().map(|(k, _)| k.clone()).collect(),
                _ => Vec::new(),
            },
            None => m
                .names
                .iter()
                .zip(&m.slots)
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k.clone())
                .collect(),
        },
        _ => return,
    };
    let module = Value::Obj(main);
    for name in &names {
        if name.as_str().is_none_or(|t| t == "__builtins__") {
            continue;
        }
        if vm.setattr(&module, name, Value::None).is_err() {
            return;
        }
        vm.run_finalizers();
    }
    vm.collect_cycles(2);
    vm.run_finalizers();
}

fn job_preload(mut vm: Box<Vm>) -> (Box<Vm>, Result<(), ErrorReport>) {
    vm.sink = Sink::Capture;
    let mut result = Ok(());
    for i in 0..vm.image.module_count() {
        let module = vm.image.module(i);
        // The program's own modules; the standard library's load when they import it.
        // The main module's imported copy is for scripts: a server loads `main` once.
        if vm.modules[i as usize].is_some()
            || module.origin == permafrost_image::Origin::Stdlib
            || module
                .name
                .as_str()
                .ends_with(permafrost_image::IMPORTED_MAIN_SUFFIX)
        {
            continue;
        }
        let name = module.name.as_str().to_string();
        if let Err(e) = vm.import_module(&name) {
            result = Err(vm.error_report(&e));
            break;
        }
    }
    vm.end_threads(false);
    // Preloading's own garbage goes now; what survives becomes a permanent root of the
    // collector (`gc.freeze`), in both layouts, so no worker's collection examines it.
    vm.collect_cycles(2);
    vm.run_finalizers();
    vm.gc_freeze();
    // Output printed while preloading goes nowhere: there is no job to attach it to.
    vm.out.clear();
    (vm, result)
}

fn job_after_fork(mut vm: Box<Vm>) -> (Box<Vm>, ()) {
    vm.sink = Sink::Capture;
    for f in vm.at_fork_child.clone().iter() {
        if let Err(e) = vm.call(f, &[], &[]) {
            stdlib::report_unraisable(&mut vm, "Exception ignored in", f, &e);
        }
    }
    vm.end_threads(false);
    vm.out.clear();
    (vm, ())
}

fn job_call(job: Job) -> (Box<Vm>, CallOutcome) {
    let Job {
        mut vm,
        function,
        args,
        kwargs,
    } = job;
    vm.sink = Sink::Capture;
    vm.out.clear();
    let result = call_inner(&mut vm, &function, &args, &kwargs);
    vm.end_threads(false);
    vm.run_finalizers();
    let stdout = std::mem::take(&mut vm.out);
    (vm, CallOutcome { result, stdout })
}

fn call_inner(
    vm: &mut Vm,
    function: &str,
    args: &[serde_json::Value],
    kwargs: &serde_json::Map<String, serde_json::Value>,
) -> Result<serde_json::Value, ErrorReport> {
    let run = |vm: &mut Vm| -> vm::PyResult<serde_json::Value> {
        let (module_name, name) = match function.rsplit_once('.') {
            Some((m, n)) => (m.to_string(), n.to_string()),
            None => (
                vm.image.module(0).name.as_str().to_string(),
                function.to_string(),
            ),
        };
        let module = vm.import_module(&module_name)?;
        let f = vm.getattr(&module, &Vm::str_val(name.as_str()))?;
        let mut argv = Vec::with_capacity(args.len() + kwargs.len());
        for a in args {
            argv.push(vm.json_to_value(a)?);
        }
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(Vm::str_val(k.as_str()));
            argv.push(vm.json_to_value(v)?);
        }
        let r = vm.call(&f, &argv, &names)?;
        vm.value_to_json(&r)
    };
    match run(vm) {
        Ok(v) => Ok(v),
        Err(e) => Err(vm.error_report(&e)),
    }
}

/// A ready interpreter: side tables for the layout, the state, then the built-ins bound.
fn new_vm(image: Image<'static>, layout: Layout) -> Vm {
    let (codes, templates) = vm::layout::build(image, layout);
    let mut vm = Vm::new(image, layout, codes, templates);
    builtins::install(&mut vm);
    vm
}

impl Interpreter {
    /// An interpreter over a validated image, in `layout`; no module has run yet.
    pub fn new(image: Image<'static>, layout: Layout) -> Interpreter {
        Interpreter {
            vm: Some(Box::new(new_vm(image, layout))),
        }
    }

    fn take_vm(&mut self) -> Option<Box<Vm>> {
        self.vm.take()
    }

    /// `permafrost run`: runs the main module as `__main__`, printing to the process's stdout.
    pub fn run_main(&mut self) -> Result<(), ErrorReport> {
        let Some(vm) = self.take_vm() else {
            return Err(lost_interpreter());
        };
        let (vm, r) = value::heap::run_on_big_stack(vm, job_run_main);
        self.vm = Some(vm);
        r
    }

    /// Serving: imports every module of the image once, each under its own name. Runs on a
    /// helper thread that is joined before returning, so the caller stays single-threaded.
    pub fn preload(&mut self) -> Result<(), ErrorReport> {
        let Some(vm) = self.take_vm() else {
            return Err(lost_interpreter());
        };
        let (vm, r) = value::heap::run_on_big_stack(vm, job_preload);
        self.vm = Some(vm);
        r
    }

    /// In a worker just forked from the zygote, before its first job: runs the
    /// `os.register_at_fork(after_in_child=...)` callables (an error in one is reported on
    /// stderr, as CPython reports it, and the rest still run).
    pub fn after_fork_in_child(&mut self) {
        let Some(vm) = self.take_vm() else {
            return;
        };
        let (vm, ()) = value::heap::run_on_big_stack(vm, job_after_fork);
        self.vm = Some(vm);
    }

    /// Refuses (`false`) or allows `exec`, `eval` and `compile` (`--no-dynamic-code`).
    pub fn set_dynamic_code(&mut self, enabled: bool) {
        if let Some(vm) = self.vm.as_mut() {
            vm.units.disabled = !enabled;
        }
    }

    /// Grants (`true`) or withholds the host's file system, working directory and standard
    /// input (`open`, the `os` file calls, `sys.stdin`). Withheld by default: only
    /// `permafrost run`, which stands for `python3 prog.py`, grants it.
    pub fn set_host_files(&mut self, granted: bool) {
        if let Some(vm) = self.vm.as_mut() {
            vm.host_files = granted;
        }
    }

    /// Live transient code units (code compiled at run time and still referenced).
    pub fn live_transient_units(&mut self) -> usize {
        self.vm.as_mut().map_or(0, |vm| vm.live_units())
    }

    /// Serving, after `preload`, before the first fork: in the `permanent` layout makes every
    /// object reachable from the loaded modules immortal; in both layouts moves what the cycle
    /// collector tracks to its permanent list (`gc.freeze`).
    pub fn freeze_heap(&mut self) {
        if let Some(vm) = self.vm.as_mut() {
            vm.freeze_heap();
        }
    }

    /// Calls `function` (`name` in the main module or `module.name`) with JSON arguments,
    /// capturing what it prints.
    pub fn call_json(
        &mut self,
        function: &str,
        args: &[serde_json::Value],
        kwargs: &serde_json::Map<String, serde_json::Value>,
    ) -> CallOutcome {
        let Some(mut vm) = self.take_vm() else {
            return CallOutcome {
                result: Err(lost_interpreter()),
                stdout: String::new(),
            };
        };
        if vm.frozen_in_pid != 0 && vm.frozen_in_pid != std::process::id() {
            // First job in a forked worker: move the interpreter's own (frequently written)
            // fields and output buffer into memory this worker allocates.
            vm = Box::new(*vm);
            vm.frozen_in_pid = 0;
            vm.out = String::new();
        }
        let job = Job {
            vm,
            function: function.to_string(),
            args: args.to_vec(),
            kwargs: kwargs.clone(),
        };
        let (vm, outcome) = value::heap::run_on_big_stack(job, job_call);
        self.vm = Some(vm);
        outcome
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        // One interpreter per process, dropped only at exit: freeing a deeply nested object
        // graph would recurse on whatever (small) stack the caller has, so the heap is left
        // to the operating system instead.
        if let Some(vm) = self.vm.take() {
            std::mem::forget(vm);
        }
    }
}

fn lost_interpreter() -> ErrorReport {
    ErrorReport {
        type_name: "SystemError".into(),
        message: "interpreter state lost after a crash".into(),
        traceback: "SystemError: interpreter state lost after a crash\n".into(),
        system_exit: None,
    }
}

impl Vm {
    /// Makes everything reachable from the loaded modules immortal (permanent layout only).
    pub fn freeze_heap(&mut self) {
        if self.layout != Layout::Permanent {
            // Still, no worker's collection examines (and writes) what the zygote made.
            self.gc_freeze();
            return;
        }
        for m in self.modules.iter().flatten() {
            value::freeze::freeze_obj(m);
        }
        for m in self.native_modules.values() {
            value::freeze::freeze_obj(m);
        }
        value::freeze::freeze_obj(&self.sys_modules);
        for t in self
            .types
            .iter()
            .chain(self.exc_types.iter())
            .chain(self.iter_types.values())
            .chain(self.native_types.values())
        {
            value::freeze::freeze_obj(t);
        }
        for v in self.builtins.values() {
            value::freeze::freeze_value(v);
        }
        value::freeze::freeze_value(&self.empty_tuple);
        // Run-time code that survived preloading is frozen with the heap: its constants too.
        self.reclaim_units();
        for info in self.codes.iter().filter(|i| i.transient) {
            info.owned_consts
                .iter()
                .for_each(value::freeze::freeze_value);
            info.heap_names.iter().for_each(value::freeze::freeze_value);
        }
        self.frozen_in_pid = std::process::id();
        self.out = String::new();
        // Spare frames would be written by the first call in every worker.
        self.frame_pool.clear();
        self.frame_pool.shrink_to_fit();
        // What is tracked and not immortal (unreachable from the modules) becomes a permanent
        // root of the collector, so workers never examine it.
        self.gc_freeze();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpreter_can_move_onto_the_interpreter_stack() {
        fn assert_send<T: Send>() {}
        assert_send::<Interpreter>();
        let outcome = on_interpreter_stack(|| {
            let before = value::heap::big_stack_spawns();
            let nested = on_interpreter_stack(value::heap::big_stack_spawns);
            (before, nested, value::heap::is_on_big_stack())
        });
        assert_eq!(outcome.0, outcome.1);
        assert!(outcome.2);
    }
}

#[cfg(test)]
mod dynamic_tests {
    use super::*;

    #[test]
    fn transient_code_is_freed_when_unreferenced() {
        // No function is stored into the globals it closes over: that would be a reference
        // cycle, which this interpreter does not collect.
        let src = "def run(n):\n    for i in range(n):\n        exec('r = [a + i for a in range(3)]', {'i': i})\n        eval('i + 1')\n    return n\n";
        let builder = permafrost_compiler::compile_modules(&[permafrost_compiler::SourceModule {
            name: "m",
            filename: "m.py",
            source: src,
        }])
        .expect("compiles");
        let bytes = permafrost_image::write_image(&builder).expect("writes");
        let buf: &'static permafrost_image::AlignedBuf =
            Box::leak(Box::new(permafrost_image::aligned_copy(&bytes)));
        let image = Image::parse(buf.as_slice()).expect("valid image");
        for layout in [Layout::Permanent, Layout::Transient] {
            let mut interp = Interpreter::new(image, layout);
            let out = interp.call_json("run", &[serde_json::json!(10000)], &Default::default());
            assert_eq!(out.result.expect("runs"), serde_json::json!(10000));
            assert!(interp.live_transient_units() <= 1);
            let codes = interp.vm.as_ref().map_or(0, |vm| vm.codes.len());
            // Slots of released units are reused: the table stays small.
            assert!(
                codes < image.code_count() as usize + 8,
                "{codes} code slots"
            );
        }
    }
}
