//! Coroutines, async generators and the awaitables over them (`coroutine_wrapper`,
//! `async_generator_asend`, `async_generator_athrow`): one method table per type. The
//! protocols themselves are in `vm/coroutine.rs`.

use super::generator;
use crate::value::heap::ObjRef;
use crate::value::object::{AwaitOp, GenKind, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The methods of coroutines.
pub(crate) static COROUTINE_METHODS: &[NativeFn] = &[
    NativeFn::method("coroutine.send", coro_send, Arity::One, None),
    NativeFn::method("coroutine.throw", coro_throw, Arity::Range(1, 3), None),
    NativeFn::method("coroutine.close", coro_close, Arity::NoArgs, None),
    NativeFn::method("coroutine.__await__", coro_await, Arity::NoArgs, None),
];

/// The methods of async generators.
pub(crate) static ASYNC_GENERATOR_METHODS: &[NativeFn] = &[
    NativeFn::method("async_generator.asend", asend, Arity::One, None),
    NativeFn::method("async_generator.athrow", athrow, Arity::Range(1, 3), None),
    NativeFn::method("async_generator.aclose", aclose, Arity::NoArgs, None),
    NativeFn::method("async_generator.__aiter__", itself, Arity::NoArgs, None),
    NativeFn::method("async_generator.__anext__", anext, Arity::NoArgs, None),
];

/// The methods of `coro.__await__()`.
pub(crate) static WRAPPER_METHODS: &[NativeFn] = &[
    NativeFn::method("coroutine_wrapper.send", await_send, Arity::One, None),
    NativeFn::method(
        "coroutine_wrapper.throw",
        await_throw,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::method("coroutine_wrapper.close", await_close, Arity::NoArgs, None),
    NativeFn::method(
        "coroutine_wrapper.__next__",
        await_next,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method("coroutine_wrapper.__iter__", itself, Arity::NoArgs, None),
];

/// The methods of `agen.asend(v)` and `agen.__anext__()`.
pub(crate) static ASEND_METHODS: &[NativeFn] = &[
    NativeFn::method("async_generator_asend.send", await_send, Arity::One, None),
    NativeFn::method(
        "async_generator_asend.throw",
        await_throw,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::method(
        "async_generator_asend.close",
        await_close,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_asend.__next__",
        await_next,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_asend.__iter__",
        itself,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_asend.__await__",
        itself,
        Arity::NoArgs,
        None,
    ),
];

/// The methods of `agen.athrow(..)` and `agen.aclose()`.
pub(crate) static ATHROW_METHODS: &[NativeFn] = &[
    NativeFn::method("async_generator_athrow.send", await_send, Arity::One, None),
    NativeFn::method(
        "async_generator_athrow.throw",
        await_throw,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::method(
        "async_generator_athrow.close",
        await_close,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_athrow.__next__",
        await_next,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_athrow.__iter__",
        itself,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "async_generator_athrow.__await__",
        itself,
        Arity::NoArgs,
        None,
    ),
];

/// The methods of `anext(aiter, default)`.
pub(crate) static ANEXT_METHODS: &[NativeFn] = &[
    NativeFn::method("anext_awaitable.send", await_send, Arity::One, None),
    NativeFn::method(
        "anext_awaitable.throw",
        await_throw,
        Arity::Range(1, 3),
        None,
    ),
    NativeFn::method("anext_awaitable.close", await_close, Arity::NoArgs, None),
    NativeFn::method("anext_awaitable.__next__", await_next, Arity::NoArgs, None),
    NativeFn::method("anext_awaitable.__iter__", itself, Arity::NoArgs, None),
    NativeFn::method("anext_awaitable.__await__", itself, Arity::NoArgs, None),
];

/// `aiter(obj)`.
pub(crate) fn aiter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    vm.aiter(&v)
}

/// `anext(aiter[, default])`.
pub(crate) fn anext_builtin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    let aw = vm.anext(&v)?;
    match (a.get(1), v.as_obj()) {
        (Some(d), Some(it)) => Ok(Vm::gen_await(
            it.clone(),
            AwaitOp::ANext {
                wrapped: aw,
                default: d.clone(),
            },
        )),
        _ => Ok(aw),
    }
}

fn gen_of(vm: &Vm, a: &Args, type_name: &str, method: &str, kind: GenKind) -> PyResult<ObjRef> {
    let is_kind: fn(&Value) -> bool = match kind {
        GenKind::Coroutine => {
            |v| matches!(v.body(), Some(Object::Generator(g)) if g.kind == GenKind::Coroutine)
        }
        _ => {
            |v| matches!(v.body(), Some(Object::Generator(g)) if g.kind == GenKind::AsyncGenerator)
        }
    };
    let g = super::receiver(vm, a, type_name, method, is_kind)?;
    Ok(g.as_obj().cloned().expect("a generator is a heap object"))
}

fn awaitable_of(vm: &Vm, a: &Args, method: &str) -> PyResult<ObjRef> {
    let is_await: fn(&Value) -> bool = |v| matches!(v.body(), Some(Object::GenAwait(_)));
    let name = a.get(0).map(|v| vm.type_name(v)).unwrap_or_default();
    let v = super::receiver(vm, a, &name, method, is_await)?;
    Ok(v.as_obj().cloned().expect("an awaitable is a heap object"))
}

fn itself(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.get(0).cloned().unwrap_or(Value::None))
}

fn coro_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "coroutine", "send", GenKind::Coroutine)?;
    generator::send_to(vm, &g, a)
}

fn coro_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "coroutine", "throw", GenKind::Coroutine)?;
    generator::throw_to(vm, &g, a)
}

fn coro_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "coroutine", "close", GenKind::Coroutine)?;
    generator::close_gen(vm, &g)
}

fn coro_await(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "coroutine", "__await__", GenKind::Coroutine)?;
    Ok(Vm::gen_await(g, AwaitOp::Wrapper))
}

fn asend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "async_generator", "asend", GenKind::AsyncGenerator)?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    vm.agen_first_iter(&g)?;
    Ok(Vm::gen_await(g, AwaitOp::ASend(v)))
}

fn anext(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(
        vm,
        a,
        "async_generator",
        "__anext__",
        GenKind::AsyncGenerator,
    )?;
    vm.agen_first_iter(&g)?;
    Ok(Vm::gen_await(g, AwaitOp::ASend(Value::None)))
}

fn athrow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "async_generator", "athrow", GenKind::AsyncGenerator)?;
    // The one-argument form is made raisable when the awaitable runs, as in CPython.
    let exc = if a.get(2).is_some() {
        Value::Obj(generator::thrown(vm, a)?)
    } else {
        a.get(1).cloned().unwrap_or(Value::None)
    };
    vm.agen_first_iter(&g)?;
    Ok(Vm::gen_await(g, AwaitOp::AThrow(exc)))
}

fn aclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = gen_of(vm, a, "async_generator", "aclose", GenKind::AsyncGenerator)?;
    vm.agen_first_iter(&g)?;
    Ok(Vm::gen_await(g, AwaitOp::AClose))
}

fn await_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let aw = awaitable_of(vm, a, "send")?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    let exit = vm.await_send(&aw, v)?;
    generator::yielded(vm, exit)
}

fn await_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let aw = awaitable_of(vm, a, "__next__")?;
    let exit = vm.await_send(&aw, Value::None)?;
    generator::yielded(vm, exit)
}

fn await_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let aw = awaitable_of(vm, a, "throw")?;
    let exc = generator::thrown(vm, a)?;
    let exit = vm.await_throw(&aw, exc)?;
    generator::yielded(vm, exit)
}

fn await_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let aw = awaitable_of(vm, a, "close")?;
    vm.await_close(&aw)?;
    Ok(Value::None)
}
