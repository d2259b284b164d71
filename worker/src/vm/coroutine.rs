//! The coroutine protocols, as CPython 3.11's `genobject.c` and `ceval.c` define them:
//! what `await`, `async for` and `async with` call, and how the awaitables over coroutines
//! and async generators (`coroutine_wrapper`, `async_generator_asend`,
//! `async_generator_athrow`) drive them.
//!
//! An async generator's own `yield` and an `await` inside it both suspend its frame; the
//! frame tells them apart: an await is suspended on its `YIELD_FROM`. An own yield ends the
//! `asend` / `athrow` awaitable with `StopIteration(value)`; an await's yield passes through
//! to whoever drives the awaitable.

use crate::value::frame::Exit;
use crate::value::heap::ObjRef;
use crate::value::object::{AwaitOp, AwaitState, GenAwait, GenKind, GenState, Object};
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// What an awaitable's `send` or `throw` gives: a value to pass through (`Yield`) or the end
/// of the await with its result (`Return`, raised as `StopIteration(result)` by the
/// awaitable's methods).
type Step = PyResult<Exit>;

impl Vm {
    /// The generator-like object behind `v` and its kind.
    fn gen_kind(v: &Value) -> Option<(GenKind, bool)> {
        match v.body() {
            Some(Object::Generator(g)) => Some((g.kind, g.iterable_coroutine)),
            _ => None,
        }
    }

    /// Whether `g` is suspended in a delegation (`yield from` or `await`).
    pub(crate) fn gen_delegate(&self, g: &ObjRef) -> Option<Value> {
        match g.get() {
            Object::Generator(gen) if gen.state == GenState::Suspended => {
                let frame = gen.frame.as_ref()?;
                self.suspended_yield_from(frame)?;
                frame.stack.last().cloned()
            }
            _ => None,
        }
    }

    /// A user class's special method `name`, bound to `v`.
    fn special_method(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        match v.body() {
            Some(Object::Instance(_)) => {
                let cls = self.type_of(v);
                Ok(self.lookup_class_attr(&cls, name).map(|m| {
                    Value::obj(Object::BoundMethod {
                        func: m,
                        receiver: v.clone(),
                    })
                }))
            }
            _ => Ok(None),
        }
    }

    /// Whether `v` has a `__next__` (CPython's `PyIter_Check`).
    fn is_iterator(&self, v: &Value) -> bool {
        match v.body() {
            Some(Object::Generator(g)) => g.kind == GenKind::Generator,
            Some(Object::Iter(_)) | Some(Object::GenAwait(_)) => true,
            Some(Object::Instance(_)) => {
                let cls = self.type_of(v);
                self.lookup_class_attr(&cls, "__next__").is_some()
            }
            _ => false,
        }
    }

    /// `_PyCoro_GetAwaitableIter`: the iterator an `await` delegates to.
    fn awaitable_iter(&mut self, v: &Value) -> PyResult<Value> {
        match Vm::gen_kind(v) {
            Some((GenKind::Coroutine, _)) | Some((GenKind::Generator, true)) => {
                return Ok(v.clone())
            }
            _ => {}
        }
        if let Some(Object::GenAwait(a)) = v.body() {
            if !matches!(a.op, AwaitOp::Wrapper) {
                return Ok(v.clone());
            }
        }
        let Some(m) = self.special_method(v, "__await__")? else {
            return Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            )));
        };
        let r = self.call(&m, &[], &[])?;
        if matches!(
            Vm::gen_kind(&r),
            Some((GenKind::Coroutine, _)) | Some((GenKind::Generator, true))
        ) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(&r) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `GET_AWAITABLE source`: `source` 1 and 2 name `__aenter__` / `__aexit__` in the error
    /// for an object that is not awaitable at all.
    pub(crate) fn get_awaitable(&mut self, v: &Value, source: u32) -> PyResult<Value> {
        let not_awaitable = !matches!(v.body(), Some(Object::Instance(_)))
            || self.special_method(v, "__await__")?.is_none();
        let it = match self.awaitable_iter(v) {
            Ok(it) => it,
            Err(e) if source != 0 && not_awaitable && self.exc_matches(&e, ExcKind::TypeError) => {
                let which = if source == 1 {
                    "__aenter__"
                } else {
                    "__aexit__"
                };
                return Err(self.type_error(format!(
                    "'async with' received an object from {which} that does not implement __await__: {}",
                    self.type_name(v)
                )));
            }
            Err(e) => return Err(e),
        };
        if let Some((GenKind::Coroutine, _)) = Vm::gen_kind(&it) {
            let g = it.as_obj().cloned().expect("a coroutine is a heap object");
            if self.gen_delegate(&g).is_some() {
                return Err(self.err(ExcKind::RuntimeError, "coroutine is being awaited already"));
            }
        }
        Ok(it)
    }

    /// `GET_AITER`: `obj.__aiter__()`, which must have an `__anext__`.
    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        let it = if let Some((GenKind::AsyncGenerator, _)) = Vm::gen_kind(v) {
            v.clone()
        } else {
            match self.special_method(v, "__aiter__")? {
                Some(m) => self.call(&m, &[], &[])?,
                None => {
                    return Err(self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        self.type_name(v)
                    )))
                }
            }
        };
        let has_anext = match Vm::gen_kind(&it) {
            Some((GenKind::AsyncGenerator, _)) => true,
            _ => self.special_method(&it, "__anext__")?.is_some(),
        };
        if !has_anext {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// Calls the `firstiter` hook of `sys.set_asyncgen_hooks` with async generator `g` the
    /// first time it is iterated (`__anext__`, `asend`, `athrow`, `aclose`), as CPython does:
    /// asyncio's loop records the generator there to close it at shutdown.
    pub(crate) fn agen_first_iter(&mut self, g: &ObjRef) -> PyResult<()> {
        match g.get_mut() {
            Object::Generator(gen) if !gen.hooks_inited => gen.hooks_inited = true,
            _ => return Ok(()),
        }
        let [first, finalizer] = crate::stdlib::sys::asyncgen_hooks(self);
        crate::stdlib::sys::record_agen_finalizer(self, g, finalizer);
        if !matches!(first, Value::None) {
            self.call(&first, &[Value::Obj(g.clone())], &[])?;
        }
        Ok(())
    }

    /// `GET_ANEXT`: the awaitable iterator of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if let Some((GenKind::AsyncGenerator, _)) = Vm::gen_kind(aiter) {
            let g = aiter
                .as_obj()
                .cloned()
                .expect("an async generator is a heap object");
            self.agen_first_iter(&g)?;
            return Ok(Vm::gen_await(g, AwaitOp::ASend(Value::None)));
        }
        let Some(m) = self.special_method(aiter, "__anext__")? else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call(&m, &[], &[])?;
        match self.awaitable_iter(&next) {
            Ok(it) => Ok(it),
            Err(cause) => {
                let e = self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                Vm::chain_cause(&e, cause);
                Err(e)
            }
        }
    }

    /// `e.__cause__ = cause`, as `raise e from cause`.
    fn chain_cause(e: &ObjRef, cause: ObjRef) {
        if let Object::Instance(i) = e.get_mut() {
            if let Some(d) = i.exc.as_mut() {
                d.cause = Value::Obj(cause.clone());
                d.context = Value::Obj(cause);
                d.suppress_context = true;
            }
        }
    }

    /// One step of `anext(aiter, default)`: `StopAsyncIteration` from the awaited
    /// `__anext__()` becomes the end of the await with `default`.
    fn anext_step(
        &mut self,
        wrapped: &Value,
        default: Value,
        action: Result<Value, ObjRef>,
    ) -> Step {
        let it = self.awaitable_iter(wrapped)?;
        let r = match action {
            Ok(sent) => self.send(&it, sent),
            Err(exc) => self.throw_to_delegate(&it, exc),
        };
        match r {
            Err(e) if self.exc_matches(&e, ExcKind::StopAsyncIteration) => {
                Ok(Exit::Return(default))
            }
            other => other,
        }
    }

    /// `aiter(obj)`.
    pub(crate) fn aiter(&mut self, v: &Value) -> PyResult<Value> {
        let it = if let Some((GenKind::AsyncGenerator, _)) = Vm::gen_kind(v) {
            v.clone()
        } else {
            match self.special_method(v, "__aiter__")? {
                Some(m) => self.call(&m, &[], &[])?,
                None => {
                    return Err(self.type_error(format!(
                        "'{}' object is not an async iterable",
                        self.type_name(v)
                    )))
                }
            }
        };
        let ok = matches!(Vm::gen_kind(&it), Some((GenKind::AsyncGenerator, _)))
            || self.special_method(&it, "__anext__")?.is_some();
        if !ok {
            return Err(self.type_error(format!(
                "aiter() returned not an async iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `anext(aiter)`: what `aiter.__anext__()` returns.
    pub(crate) fn anext(&mut self, v: &Value) -> PyResult<Value> {
        if let Some((GenKind::AsyncGenerator, _)) = Vm::gen_kind(v) {
            let g = v
                .as_obj()
                .cloned()
                .expect("an async generator is a heap object");
            self.agen_first_iter(&g)?;
            return Ok(Vm::gen_await(g, AwaitOp::ASend(Value::None)));
        }
        match self.special_method(v, "__anext__")? {
            Some(m) => self.call(&m, &[], &[]),
            None => Err(self.type_error(format!(
                "'{}' object is not an async iterator",
                self.type_name(v)
            ))),
        }
    }

    /// `BEFORE_ASYNC_WITH`: `[mgr] -> [mgr.__aexit__, mgr.__aenter__()]`.
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let Some(enter) = self.special_method(mgr, "__aenter__")? else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = self.special_method(mgr, "__aexit__")? else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                self.type_name(mgr)
            )));
        };
        let r = self.call(&enter, &[], &[])?;
        Ok((exit, r))
    }

    /// A new awaitable over `gen`.
    pub(crate) fn gen_await(gen: ObjRef, op: AwaitOp) -> Value {
        Value::obj(Object::GenAwait(GenAwait {
            gen,
            op,
            state: AwaitState::Init,
        }))
    }

    fn set_await_state(a: &ObjRef, state: AwaitState) {
        if let Object::GenAwait(aw) = a.get_mut() {
            aw.state = state;
        }
    }

    fn set_agen_flags(g: &ObjRef, running: Option<bool>, closed: bool) {
        if let Object::Generator(gen) = g.get_mut() {
            if let Some(r) = running {
                gen.running_async = r;
            }
            if closed {
                gen.closed = true;
            }
        }
    }

    /// `async_gen_unwrap_value`: an own yield ends the awaitable with its value, the end of
    /// the generator is `StopAsyncIteration`.
    fn agen_unwrap(&mut self, g: &ObjRef, r: Step) -> Step {
        match r {
            Ok(Exit::Yield(v)) => {
                if self.gen_delegate(g).is_none() {
                    Vm::set_agen_flags(g, Some(false), false);
                    return Ok(Exit::Return(v));
                }
                Ok(Exit::Yield(v))
            }
            Ok(Exit::Return(_)) => {
                Vm::set_agen_flags(g, Some(false), true);
                Err(self.err_empty(ExcKind::StopAsyncIteration))
            }
            Err(e) => {
                let closed = self.exc_matches(&e, ExcKind::StopAsyncIteration)
                    || self.exc_matches(&e, ExcKind::GeneratorExit);
                Vm::set_agen_flags(g, Some(false), closed);
                Err(e)
            }
        }
    }

    /// `send(v)` (and `__next__`, with None) of an awaitable.
    pub(crate) fn await_send(&mut self, a: &ObjRef, sent: Value) -> Step {
        let Object::GenAwait(aw) = a.get() else {
            return Err(self.type_error("not an awaitable"));
        };
        let g = aw.gen.clone();
        let state = aw.state;
        match &aw.op {
            AwaitOp::Wrapper => self.gen_resume(&g, sent, None),
            AwaitOp::ANext { wrapped, default } => {
                let (wrapped, default) = (wrapped.clone(), default.clone());
                self.anext_step(&wrapped, default, Ok(sent))
            }
            AwaitOp::ASend(v) => {
                if state == AwaitState::Closed {
                    return Err(self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()",
                    ));
                }
                let mut sent = sent;
                if state == AwaitState::Init {
                    if matches!(g.get(), Object::Generator(gen) if gen.running_async) {
                        return Err(self.err(
                            ExcKind::RuntimeError,
                            "anext(): asynchronous generator is already running",
                        ));
                    }
                    if matches!(sent, Value::None) {
                        sent = v.clone();
                    }
                    Vm::set_await_state(a, AwaitState::Iter);
                }
                Vm::set_agen_flags(&g, Some(true), false);
                let r = self.gen_resume(&g, sent, None);
                let r = self.agen_unwrap(&g, r);
                if !matches!(r, Ok(Exit::Yield(_))) {
                    Vm::set_await_state(a, AwaitState::Closed);
                }
                r
            }
            AwaitOp::AThrow(_) | AwaitOp::AClose => self.athrow_send(a, &g, state, sent),
        }
    }

    /// `async_gen_athrow_send`.
    fn athrow_send(&mut self, a: &ObjRef, g: &ObjRef, state: AwaitState, sent: Value) -> Step {
        let exc = match a.get() {
            Object::GenAwait(GenAwait {
                op: AwaitOp::AThrow(e),
                ..
            }) => Some(e.clone()),
            _ => None,
        };
        let what = if exc.is_some() { "athrow" } else { "aclose" };
        if state == AwaitState::Closed {
            return Err(self.err(
                ExcKind::RuntimeError,
                "cannot reuse already awaited aclose()/athrow()",
            ));
        }
        let (done, running, closed) = match g.get() {
            Object::Generator(gen) => (gen.state == GenState::Done, gen.running_async, gen.closed),
            _ => (true, false, true),
        };
        if done {
            Vm::set_await_state(a, AwaitState::Closed);
            return Err(self.err_empty(ExcKind::StopIteration));
        }
        let r = if state == AwaitState::Init {
            if running {
                Vm::set_await_state(a, AwaitState::Closed);
                return Err(self.err(
                    ExcKind::RuntimeError,
                    format!("{what}(): asynchronous generator is already running"),
                ));
            }
            if closed {
                Vm::set_await_state(a, AwaitState::Closed);
                return Err(self.err_empty(ExcKind::StopAsyncIteration));
            }
            if !matches!(sent, Value::None) {
                return Err(self.err(
                    ExcKind::RuntimeError,
                    "can't send non-None value to a just-started coroutine",
                ));
            }
            Vm::set_await_state(a, AwaitState::Iter);
            Vm::set_agen_flags(g, Some(true), false);
            match &exc {
                None => {
                    Vm::set_agen_flags(g, None, true);
                    let ge = self.err_empty(ExcKind::GeneratorExit);
                    self.gen_resume(g, Value::None, Some(ge))
                }
                Some(e) => {
                    let e = self.make_raisable(e)?;
                    let r = self.gen_resume(g, Value::None, Some(e));
                    return self.athrow_result(a, g, true, r);
                }
            }
        } else {
            self.gen_resume(g, sent, None)
        };
        self.athrow_result(a, g, exc.is_some(), r)
    }

    /// The end of an `athrow` / `aclose` step: `athrow` unwraps like `asend`; `aclose`
    /// treats an own yield as ignoring `GeneratorExit`, and the generator's end as success.
    fn athrow_result(&mut self, a: &ObjRef, g: &ObjRef, is_throw: bool, r: Step) -> Step {
        if is_throw {
            let r = self.agen_unwrap(g, r);
            if !matches!(r, Ok(Exit::Yield(_))) {
                Vm::set_await_state(a, AwaitState::Closed);
            }
            return r;
        }
        match r {
            Ok(Exit::Yield(v)) => {
                if self.gen_delegate(g).is_some() {
                    return Ok(Exit::Yield(v));
                }
                Vm::set_agen_flags(g, Some(false), false);
                Vm::set_await_state(a, AwaitState::Closed);
                Err(self.err(
                    ExcKind::RuntimeError,
                    "async generator ignored GeneratorExit",
                ))
            }
            Ok(Exit::Return(_)) => {
                Vm::set_agen_flags(g, Some(false), false);
                Vm::set_await_state(a, AwaitState::Closed);
                Ok(Exit::Return(Value::None))
            }
            Err(e) => {
                Vm::set_agen_flags(g, Some(false), false);
                Vm::set_await_state(a, AwaitState::Closed);
                if self.exc_matches(&e, ExcKind::StopAsyncIteration)
                    || self.exc_matches(&e, ExcKind::GeneratorExit)
                {
                    return Ok(Exit::Return(Value::None));
                }
                Err(e)
            }
        }
    }

    /// `throw(exc)` of an awaitable.
    pub(crate) fn await_throw(&mut self, a: &ObjRef, exc: ObjRef) -> Step {
        let Object::GenAwait(aw) = a.get() else {
            return Err(self.type_error("not an awaitable"));
        };
        let g = aw.gen.clone();
        let state = aw.state;
        match &aw.op {
            AwaitOp::Wrapper => self.gen_resume(&g, Value::None, Some(exc)),
            AwaitOp::ANext { wrapped, default } => {
                let (wrapped, default) = (wrapped.clone(), default.clone());
                self.anext_step(&wrapped, default, Err(exc))
            }
            AwaitOp::ASend(_) => {
                if state == AwaitState::Closed {
                    return Err(self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()",
                    ));
                }
                let r = self.gen_resume(&g, Value::None, Some(exc));
                let r = self.agen_unwrap(&g, r);
                if !matches!(r, Ok(Exit::Yield(_))) {
                    Vm::set_await_state(a, AwaitState::Closed);
                }
                r
            }
            op => {
                let is_throw = matches!(op, AwaitOp::AThrow(_));
                if state == AwaitState::Closed {
                    return Err(self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited aclose()/athrow()",
                    ));
                }
                let r = self.gen_resume(&g, Value::None, Some(exc));
                if is_throw {
                    return self.agen_unwrap(&g, r);
                }
                match r {
                    Ok(Exit::Yield(v)) if self.gen_delegate(&g).is_some() => Ok(Exit::Yield(v)),
                    Ok(Exit::Yield(_)) => {
                        Vm::set_agen_flags(&g, Some(false), false);
                        Vm::set_await_state(a, AwaitState::Closed);
                        Err(self.err(
                            ExcKind::RuntimeError,
                            "async generator ignored GeneratorExit",
                        ))
                    }
                    Err(e)
                        if self.exc_matches(&e, ExcKind::StopAsyncIteration)
                            || self.exc_matches(&e, ExcKind::GeneratorExit) =>
                    {
                        Err(self.err_empty(ExcKind::StopIteration))
                    }
                    other => other,
                }
            }
        }
    }

    /// `close()` of an awaitable: a wrapper closes its coroutine, the others only stop.
    pub(crate) fn await_close(&mut self, a: &ObjRef) -> PyResult<()> {
        let Object::GenAwait(aw) = a.get() else {
            return Ok(());
        };
        if let AwaitOp::Wrapper = aw.op {
            let g = Value::Obj(aw.gen.clone());
            let close = Value::Native(&crate::objects::generator::CLOSE);
            self.call(&close, &[g], &[])?;
            return Ok(());
        }
        if let AwaitOp::ANext { wrapped, .. } = &aw.op {
            let wrapped = wrapped.clone();
            let it = self.awaitable_iter(&wrapped)?;
            if let Some(Object::Generator(_)) = it.body() {
                let close = Value::Native(&crate::objects::generator::CLOSE);
                self.call(&close, &[it], &[])?;
            } else if let Some(m) = self.getattr_opt(&it, "close")? {
                self.call(&m, &[], &[])?;
            }
            return Ok(());
        }
        Vm::set_await_state(a, AwaitState::Closed);
        Ok(())
    }
}

impl Vm {
    /// The introspection attributes of generators (`gi_*`), coroutines (`cr_*`) and async
    /// generators (`ag_*`): `*_running`, `*_code`, `*_await` / `gi_yieldfrom`, and
    /// `cr_origin` (origin tracking is never enabled).
    pub(crate) fn gen_attr(&self, o: &ObjRef, name: &str) -> Option<Value> {
        let Object::Generator(g) = o.get() else {
            return None;
        };
        let prefix = match g.kind {
            GenKind::Generator => "gi_",
            GenKind::Coroutine => "cr_",
            GenKind::AsyncGenerator => "ag_",
        };
        let field = name.strip_prefix(prefix)?;
        Some(match field {
            // `ag_running` reports whether an awaitable is driving it, as CPython's does.
            "running" if g.kind == GenKind::AsyncGenerator => Value::Bool(g.running_async),
            "running" => Value::Bool(g.state == GenState::Running),
            "code" => Value::obj(Object::CodeRef(g.code)),
            "await" if g.kind != GenKind::Generator => self.gen_delegate(o).unwrap_or(Value::None),
            "yieldfrom" if g.kind == GenKind::Generator => {
                self.gen_delegate(o).unwrap_or(Value::None)
            }
            "origin" if g.kind == GenKind::Coroutine => Value::None,
            "frame" => match &g.frame {
                Some(f) if g.state != GenState::Done => {
                    crate::stdlib::sys::suspended_frame(self, f)
                }
                _ => Value::None,
            },
            "suspended" if g.kind != GenKind::AsyncGenerator => {
                Value::Bool(g.state == GenState::Suspended)
            }
            _ => return None,
        })
    }
}
