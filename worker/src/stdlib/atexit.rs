//! The `atexit` module: functions registered to run when the program ends (`permafrost
//! run`, after the main module), last registered first. `weakref.finalize` registers its
//! exit hook here.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The functions of `atexit`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("register", register),
    NativeFn::function("unregister", unregister, Arity::One, None),
    NativeFn::function("_run_exitfuncs", run_exitfuncs, Arity::NoArgs, None),
    NativeFn::function("_clear", clear, Arity::NoArgs, None),
    NativeFn::function("_ncallbacks", ncallbacks, Arity::NoArgs, None),
];

/// `register(func, *args, **kwargs)`: returns `func`, so it works as a decorator.
fn register(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(func) = a.pos.first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::builtins::functions::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let args = Vm::new_tuple(a.pos[1..].to_vec());
    let kwnames = Vm::new_tuple(a.kwnames.to_vec());
    let kwvalues = Vm::new_tuple(a.kw.iter().map(|(_, v)| (*v).clone()).collect());
    vm.atexit
        .push(Vm::new_tuple(vec![func.clone(), args, kwnames, kwvalues]));
    Ok(func)
}

fn func_of(entry: &Value) -> Value {
    match entry.body() {
        Some(Object::Tuple(t)) => t.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `unregister(func)`: forgets every registration of `func` (compared with `==`).
fn unregister(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let func = a.pos[0].clone();
    let entries = std::mem::take(&mut vm.atexit);
    let mut kept = Vec::with_capacity(entries.len());
    let mut result = Ok(());
    for e in entries {
        let keep = match &result {
            Ok(()) => match vm.eq(&func_of(&e), &func) {
                Ok(same) => !same,
                Err(err) => {
                    result = Err(err);
                    true
                }
            },
            Err(_) => true,
        };
        if keep {
            kept.push(e);
        }
    }
    // Registrations made by an `__eq__` meanwhile come after the kept ones.
    kept.append(&mut vm.atexit);
    vm.atexit = kept;
    result.map(|()| Value::None)
}

/// Calls one registration; its error is the caller's to report or ignore.
fn call_entry(vm: &mut Vm, entry: &Value) -> PyResult<Value> {
    let Some(Object::Tuple(t)) = entry.body() else {
        return Ok(Value::None);
    };
    let parts = t.to_vec();
    let seq = |v: &Value| match v.body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let mut args = seq(&parts[1]);
    let kwnames = seq(&parts[2]);
    args.extend(seq(&parts[3]));
    vm.call(&parts[0], &args, &kwnames)
}

/// Runs the registered functions, last first, and forgets them. Their errors are reported
/// on stderr and otherwise ignored, as CPython's are.
pub(crate) fn run_all(vm: &mut Vm) {
    while let Some(entry) = vm.atexit.pop() {
        if let Err(e) = call_entry(vm, &entry) {
            // `SystemExit` from an exit function ends nothing more: it is ignored too.
            let func = func_of(&entry);
            super::report_unraisable(vm, "Exception ignored in atexit callback", &func, &e);
        }
    }
}

fn run_exitfuncs(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    run_all(vm);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.atexit.clear();
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.atexit.len() as i64))
}

/// Builds `atexit`.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module("atexit", FUNCTIONS, &[])
}
