//! Generators: `send`, `throw` and `close`. Each method is one row of [`METHODS`] and one
//! function below.

use crate::value::frame::Exit;
use crate::value::heap::ObjRef;
use crate::value::object::{GenKind, GenState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of generators, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("generator.send", send, Arity::One, None),
    NativeFn::method("generator.throw", throw, Arity::Range(1, 3), None),
    NativeFn::method("generator.close", close, Arity::NoArgs, None),
];

/// Closes any generator-like object: run on generators and coroutines dropped while
/// suspended, and when a delegation is closed.
pub(crate) static CLOSE: NativeFn =
    NativeFn::method("generator.close", close_any, Arity::NoArgs, None);

fn is_generator(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Generator(g)) if g.kind == GenKind::Generator)
}

fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<ObjRef> {
    let g = super::receiver(vm, a, "generator", method, is_generator)?;
    Ok(g.as_obj()
        .cloned()
        .expect("is_generator accepted a heap object"))
}

fn close_any(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0).and_then(|v| v.as_obj()) {
        Some(g) if matches!(g.get(), Object::Generator(_)) => close_gen(vm, &g.clone()),
        _ => close(vm, a),
    }
}

/// The value a resumed generator yields; its return raises `StopIteration(value)`.
pub(crate) fn yielded(vm: &mut Vm, exit: Exit) -> PyResult<Value> {
    match exit {
        Exit::Yield(x) => Ok(x),
        Exit::Return(r) => {
            let cls = vm.exc_class(ExcKind::StopIteration);
            let args = if matches!(r, Value::None) {
                vec![]
            } else {
                vec![r]
            };
            Err(vm.make_exc(&cls, args))
        }
    }
}

fn send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "send")?;
    send_to(vm, &g, a)
}

/// `send(value)` on generator-like `g`.
pub(crate) fn send_to(vm: &mut Vm, g: &ObjRef, a: &Args) -> PyResult<Value> {
    let v = a.get(1).cloned().unwrap_or(Value::None);
    let exit = vm.gen_resume(g, v, None)?;
    yielded(vm, exit)
}

fn throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "throw")?;
    throw_to(vm, &g, a)
}

/// `throw(type[, value[, tb]])` on generator-like `g`.
pub(crate) fn throw_to(vm: &mut Vm, g: &ObjRef, a: &Args) -> PyResult<Value> {
    let exc = thrown(vm, a)?;
    // CPython restores a thrown exception as it is (`PyErr_Restore`), with no implicit
    // chaining to the exception the caller handles: `__context__` stays None.
    if let Object::Instance(i) = exc.get_mut() {
        if let Some(e) = i.exc.as_mut() {
            if e.context.is_null() {
                e.context = Value::None;
            }
        }
    }
    let exit = vm.gen_resume(g, Value::None, Some(exc))?;
    yielded(vm, exit)
}

/// The exception `throw(type[, value[, tb]])` raises (arguments after the receiver).
pub(crate) fn thrown(vm: &mut Vm, a: &Args) -> PyResult<ObjRef> {
    let e = a.get(1).cloned().unwrap_or(Value::None);
    let class = matches!(e.body(), Some(Object::Class(c)) if c.kind == TypeKind::Exception);
    match instantiate_thrown(vm, a, e) {
        // An exception class that fails to instantiate (its `__new__` raises or answers a
        // non-exception): that error is what is thrown into the generator, as in CPython.
        Err(err) if class => Ok(err),
        r => r,
    }
}

/// [`thrown`]'s exception instance from `e` and the optional value argument.
fn instantiate_thrown(vm: &mut Vm, a: &Args, e: Value) -> PyResult<ObjRef> {
    let e = match a.get(2) {
        // `throw(type, value)`: a value already of the type is raised as it is.
        Some(v)
            if matches!(v, Value::Obj(_))
                && e.as_obj().is_some_and(|t| {
                    matches!(t.get(), Object::Class(_)) && Vm::is_subclass(&vm.type_of(v), t)
                }) =>
        {
            v.clone()
        }
        Some(Value::None) => vm.call(&e, &[], &[])?,
        Some(v) if matches!(v.body(), Some(Object::Tuple(_))) => {
            let items = vm.collect(v)?;
            vm.call(&e, &items, &[])?
        }
        Some(v) => vm.call(&e, std::slice::from_ref(v), &[])?,
        None => e,
    };
    vm.make_raisable(&e)
}

fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "close")?;
    close_gen(vm, &g)
}

/// `close()` on generator-like `g`.
pub(crate) fn close_gen(vm: &mut Vm, g: &ObjRef) -> PyResult<Value> {
    let (started, noun) = match g.get() {
        Object::Generator(s) => (s.state == GenState::Suspended, s.kind.noun()),
        _ => (false, "generator"),
    };
    if !started {
        if let Object::Generator(s) = g.get_mut() {
            s.state = GenState::Done;
            s.frame = None;
        }
        return Ok(Value::None);
    }
    let exc = vm.err_empty(ExcKind::GeneratorExit);
    match vm.gen_resume(g, Value::None, Some(exc)) {
        Ok(Exit::Yield(_)) => Err(vm.err(
            ExcKind::RuntimeError,
            format!("{noun} ignored GeneratorExit"),
        )),
        Ok(_) => Ok(Value::None),
        Err(e)
            if vm.exc_matches(&e, ExcKind::GeneratorExit)
                || vm.exc_matches(&e, ExcKind::StopIteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}
