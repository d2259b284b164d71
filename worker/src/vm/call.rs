//! Calls: the one calling convention (positional values, then keyword values named by
//! `kwnames`), argument binding with CPython's rules and error messages, function creation,
//! generators, and instantiating classes.

use crate::value::dict_table::Dict;
use crate::value::frame::Frame;
use crate::value::frame::{Exit, ExitKind};
use crate::value::heap::ObjRef;
use crate::value::object::{
    ExcData, Function, GenKind, GenState, Generator, Instance, Object, TypeKind,
};
use crate::value::Value;
use crate::vm::nest;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::flags;

/// The built-in types whose `__init__`, not their constructor, takes the contents.
fn is_container(k: TypeKind) -> bool {
    matches!(
        k,
        TypeKind::List
            | TypeKind::Dict
            | TypeKind::Set
            | TypeKind::Property
            | TypeKind::ClassMethod
            | TypeKind::StaticMethod
            | TypeKind::Module
    )
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

impl Vm {
    /// Calls any callable. `args` holds the positional arguments followed by one value per
    /// name in `kwnames`.
    /// A call made by the `CALL*` instructions: a Python function called this way runs as a
    /// frame pushed by the interpreter loop, which CPython counts once against the recursion
    /// limit; called from anywhere else (built-ins, operators, class instantiation) it also
    /// counts the interpreter re-entry, as CPython 3.11 does.
    #[inline]
    pub fn call_direct(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        match callable {
            Value::Obj(o) if matches!(o.get(), Object::Function(_)) => {
                self.call_function_at(o, args, kwnames, 1)
            }
            Value::Obj(o) if matches!(o.get(), Object::BoundMethod { .. }) => {
                let (func, receiver) = match o.get() {
                    Object::BoundMethod { func, receiver } => (func.clone(), receiver.clone()),
                    _ => (Value::None, Value::None),
                };
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(receiver);
                v.extend_from_slice(args);
                self.call_direct(&func, &v, kwnames)
            }
            // A built-in called by a `CALL*` instruction is not a native recursion.
            Value::Native(n) => self.call_native(n, args, kwnames),
            _ => self.call(callable, args, kwnames),
        }
    }

    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        match callable {
            // A built-in called from native code may call back into native code that calls
            // it again (`F.__repr__ = F.__str__`), so it counts one level, as CPython's
            // `tp_call` path does.
            Value::Native(n) => self.nested(nest::CALL, |vm| vm.call_native(n, args, kwnames)),
            Value::Obj(o) => match o.get() {
                Object::Function(_) => self.call_function_at(o, args, kwnames, 2),
                Object::Class(_) => self.call_class(o, args, kwnames),
                Object::BoundMethod { func, receiver } => {
                    let func = func.clone();
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(receiver.clone());
                    v.extend_from_slice(args);
                    if matches!(func.body(), Some(Object::Function(_))) {
                        // Counted by the function call itself.
                        return self.call(&func, &v, kwnames);
                    }
                    self.nested(nest::CALL, |vm| vm.call(&func, &v, kwnames))
                }
                Object::Instance(_) => {
                    let cls = self.type_of(callable);
                    match self.lookup_class_attr(&cls, "__call__") {
                        // A class is no descriptor: it is called without the instance.
                        Some(m) if matches!(m.body(), Some(Object::Class(_))) => {
                            self.nested(nest::CALL, |vm| vm.call(&m, args, kwnames))
                        }
                        Some(m) => {
                            let mut v = Vec::with_capacity(args.len() + 1);
                            v.push(callable.clone());
                            v.extend_from_slice(args);
                            if matches!(m.body(), Some(Object::Function(_))) {
                                return self.call(&m, &v, kwnames);
                            }
                            // `__call__` may be the instance itself, or another callable
                            // instance: a chain with no Python frame in it.
                            self.nested(nest::CALL, |vm| vm.call(&m, &v, kwnames))
                        }
                        None => Err(self.not_callable(callable)),
                    }
                }
                Object::StaticMethod(f) => {
                    let f = f.clone();
                    self.nested(nest::CALL, |vm| vm.call(&f, args, kwnames))
                }
                _ => Err(self.not_callable(callable)),
            },
            _ => Err(self.not_callable(callable)),
        }
    }

    fn not_callable(&self, v: &Value) -> ObjRef {
        self.type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, callable: &Value, args: &Value, kwargs: &Value) -> PyResult<Value> {
        let mut all = match args.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            Some(Object::List(l)) => l.clone(),
            _ => self.collect_starred(args, |vm, t| {
                let fs = vm.function_str(callable);
                format!("{fs} argument after * must be an iterable, not {t}")
            })?,
        };
        let mut names = Vec::new();
        if let Some(Object::Dict(d)) = kwargs.body() {
            for (k, v) in d.iter() {
                names.push(k.clone());
                all.push(v.clone());
            }
        }
        if !names.iter().all(Vm::is_str) {
            return Err(self.type_error("keywords must be strings"));
        }
        self.call(callable, &all, &names)
    }

    fn is_str(v: &Value) -> bool {
        match v {
            Value::Str(_) => true,
            Value::Obj(o) => match o.get() {
                Object::Str(_) => true,
                Object::Instance(_) => {
                    matches!(crate::value::num::inst_base(v), Some(b) if Vm::is_str(&b))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// The items of `v` unpacked by `*v`; when `v` has no iteration protocol at all, the
    /// error is the one `message(vm, type name)` words, as CPython's
    /// `LIST_EXTEND` / `CALL_FUNCTION_EX` do.
    pub fn collect_starred(
        &mut self,
        v: &Value,
        message: impl FnOnce(&mut Vm, &str) -> String,
    ) -> PyResult<Vec<Value>> {
        let it = match self.get_iter(v) {
            Ok(it) => it,
            Err(e) => {
                let protocol = match v.body() {
                    Some(Object::Instance(_)) => {
                        let cls = self.type_of(v);
                        self.lookup_class_attr(&cls, "__iter__").is_some()
                            || self.lookup_class_attr(&cls, "__getitem__").is_some()
                            || crate::value::num::inst_base(v).is_some()
                    }
                    // Every other kind fails to iterate only for having no protocol.
                    _ => false,
                };
                if protocol {
                    return Err(e);
                }
                let t = self.type_name(v).to_string();
                let msg = message(self, &t);
                return Err(self.type_error(msg));
            }
        };
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if crate::budget::over() {
                return Err(self.heap_overrun());
            }
        }
        Ok(out)
    }

    /// `DICT_MERGE`: adds `**m` to the keyword arguments `d` of a call to `func`.
    pub fn merge_kwargs(&mut self, func: &Value, d: &Value, m: &Value) -> PyResult<()> {
        let is_mapping =
            matches!(m.body(), Some(Object::Dict(_))) || self.getattr_opt(m, "keys")?.is_some();
        if !is_mapping {
            let fs = self.function_str(func);
            return Err(self.type_error(format!(
                "{fs} argument after ** must be a mapping, not {}",
                self.type_name(m)
            )));
        }
        match self.dict_update(d, m, true) {
            Err(e) if self.exc_matches(&e, ExcKind::KeyError) => {
                let args = self.exc_args(&e);
                if args.len() != 1 {
                    return Err(e);
                }
                let key = self.str_of(&args[0])?;
                let fs = self.function_str(func);
                Err(self.type_error(format!(
                    "{fs} got multiple values for keyword argument '{key}'"
                )))
            }
            r => r,
        }
    }

    /// CPython's `_PyObject_FunctionStr`: how call errors name a callable, `module.qualname()`
    /// (`qualname()` for built-ins).
    pub fn function_str(&mut self, f: &Value) -> String {
        let qualname = match self.getattr_opt(f, "__qualname__") {
            Ok(Some(q)) => q,
            _ => {
                return self
                    .str_of(f)
                    .unwrap_or_else(|_| self.type_name(f).to_string())
            }
        };
        let q = self.str_of(&qualname).unwrap_or_default();
        match self.getattr_opt(f, "__module__") {
            Ok(Some(m)) if !matches!(m, Value::None) => {
                let m = self.str_of(&m).unwrap_or_default();
                if m == "builtins" {
                    format!("{q}()")
                } else {
                    format!("{m}.{q}()")
                }
            }
            _ => format!("{q}()"),
        }
    }

    /// `list.__init__`, `dict.__init__` and `set.__init__` on `a.pos[0]` (or the value a
    /// subclass instance wraps): a list or set takes the iterable's items in place of its
    /// own, a dict adds the mapping's and the keywords' items.
    pub(crate) fn init_container(
        &mut self,
        kind: TypeKind,
        a: &crate::vm::native::Args,
    ) -> PyResult<Value> {
        let (name, is_kind): (&str, fn(&Value) -> bool) = match kind {
            TypeKind::Property
            | TypeKind::ClassMethod
            | TypeKind::StaticMethod
            | TypeKind::Module => {
                let init = crate::objects::method(kind, "__init__");
                return match init {
                    Some(f) => self.call_native(f, a.raw, a.kwnames),
                    None => Ok(Value::None),
                };
            }
            TypeKind::List => ("list", |v| matches!(v.body(), Some(Object::List(_)))),
            TypeKind::Dict => ("dict", |v| matches!(v.body(), Some(Object::Dict(_)))),
            _ => ("set", |v| matches!(v.body(), Some(Object::Set(_)))),
        };
        let target = crate::objects::receiver(self, a, name, "__init__", is_kind)?;
        let new = self.construct_builtin(kind, &a.raw[1..], a.kwnames)?;
        match kind {
            TypeKind::Dict => self.dict_update(&target, &new, false)?,
            TypeKind::List => {
                let items = match new.body() {
                    Some(Object::List(n)) => n.clone(),
                    _ => Vec::new(),
                };
                if let Some(Object::List(t)) = target.as_obj().map(|o| o.get_mut()) {
                    *t = items;
                }
            }
            _ => {
                let Some(Object::Set(n)) = new.body() else {
                    return Ok(Value::None);
                };
                let n = n.clone();
                if let Some(Object::Set(t)) = target.as_obj().map(|o| o.get_mut()) {
                    *t = n;
                }
            }
        }
        Ok(Value::None)
    }

    /// `MAKE_FUNCTION`.
    pub fn make_function(
        &mut self,
        f: &Frame,
        code: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let Value::Code(index) = code else {
            return Err(self.err(ExcKind::SystemError, "MAKE_FUNCTION without a code object"));
        };
        let info = &self.codes[index as usize];
        let defaults = match defaults.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let closure = match closure.body() {
            Some(Object::Tuple(t)) => t.iter().filter_map(|c| c.as_obj().cloned()).collect(),
            _ => Vec::new(),
        };
        let func = if info.transient {
            // Run-time code: the function holds the unit and the frame's globals dict, and
            // its names are heap strs (the unit's buffer may go before they do).
            Function {
                code: index,
                heap_code: f.heap_code.clone(),
                module: f.module,
                globals: f.globals.clone(),
                name: Vm::str_val(info.view.name().as_str()),
                qualname: Vm::str_val(info.view.qualname().as_str()),
                defaults,
                kwdefaults: kwdefaults.as_obj().cloned(),
                closure,
                dict: None,
                set: None,
            }
        } else {
            Function {
                code: index,
                heap_code: info.heap.clone(),
                // The defining frame's module: a module's second copy has an index of its own.
                module: f.module,
                globals: None,
                name: Value::Str(info.view.name()),
                qualname: Value::Str(info.view.qualname()),
                defaults,
                kwdefaults: kwdefaults.as_obj().cloned(),
                closure,
                dict: None,
                set: None,
            }
        };
        Ok(Value::obj(Object::Function(func)))
    }

    /// The common case of `bind` (only positional parameters, exactly that many arguments),
    /// filling `frame` in place; `false` when the call needs the general binder.
    #[inline]
    fn bind_fast(
        &mut self,
        func: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
        frame: &mut Frame,
    ) -> bool {
        let Object::Function(fo) = func.get() else {
            return false;
        };
        let info = &self.codes[fo.code as usize];
        if !(kwnames.is_empty() && info.simple_args && args.len() == info.argcount) {
            return false;
        }
        let nlocals = info.nlocals.max(args.len());
        let stacksize = info.stacksize;
        let ncells = info.ncells;
        frame.code = fo.code;
        frame.module = fo.module;
        if fo.heap_code.is_some() {
            frame.heap_code = fo.heap_code.clone();
            frame.globals = fo.globals.clone();
        }
        if ncells + fo.closure.len() > 0 {
            frame.cells.reserve(ncells + fo.closure.len());
            for _ in 0..ncells {
                frame.cells.push(ObjRef::new(Object::Cell(Value::Null)));
            }
            frame.cells.extend(fo.closure.iter().cloned());
        }
        frame.locals.extend_from_slice(args);
        frame.locals.resize(nlocals, Value::Null);
        frame.stack.reserve(stacksize);
        true
    }

    /// Fills `frame` (empty, from the pool) for a call of `func`, binding arguments as
    /// CPython does.
    fn bind_into(
        &mut self,
        func: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
        frame: &mut Frame,
    ) -> PyResult<()> {
        let Object::Function(fo) = func.get() else {
            return Err(self.err(ExcKind::SystemError, "bind on a non-function"));
        };
        let info = &self.codes[fo.code as usize];
        let view = info.view;
        let argcount = view.argcount() as usize;
        let posonly = view.posonlyargcount() as usize;
        let kwonly = view.kwonlyargcount() as usize;
        let co_flags = info.flags;
        let has_varargs = co_flags & flags::CO_VARARGS != 0;
        let has_varkw = co_flags & flags::CO_VARKEYWORDS != 0;
        let mut locals = std::mem::take(&mut frame.locals);
        locals.resize(info.nlocals.max(argcount + kwonly), Value::Null);
        let nkw = kwnames.len();
        let npos = args.len() - nkw;
        let qual = fo.qualname.as_str().unwrap_or("?").to_string();

        // Positional.
        let take = npos.min(argcount);
        locals[..take].clone_from_slice(&args[..take]);
        if npos > argcount {
            if has_varargs {
                locals[argcount + kwonly] = Vm::new_tuple(args[argcount..npos].to_vec());
            } else {
                let ndef = fo.defaults.len();
                let given_kw = (0..nkw)
                    .filter(|i| {
                        let n = kwnames[*i].as_str().unwrap_or("");
                        (0..argcount + kwonly).any(|j| view.varnames().get(j).as_str() == n)
                    })
                    .count();
                let takes = if ndef > 0 {
                    format!("from {} to {}", argcount - ndef, argcount)
                } else {
                    format!("{argcount}")
                };
                let plural = if argcount == 1 && ndef == 0 { "" } else { "s" };
                let was = if npos == 1 { "was" } else { "were" };
                let kwpart = if given_kw > 0 {
                    format!(
                        " positional argument{} (and {} keyword-only argument{})",
                        if npos == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                let msg = if kwpart.is_empty() {
                    format!(
                        "{qual}() takes {takes} positional argument{plural} but {npos} {was} given"
                    )
                } else {
                    format!("{qual}() takes {takes} positional argument{plural} but {npos}{kwpart} were given")
                };
                return Err(self.type_error(msg));
            }
        } else if has_varargs {
            locals[argcount + kwonly] = self.empty_tuple.clone();
        }
        let mut varkw: Option<Dict> = if has_varkw { Some(Dict::new()) } else { None };
        // Keywords.
        for (i, name) in kwnames.iter().enumerate() {
            let n = name.as_str().unwrap_or("");
            let value = args[npos + i].clone();
            let mut found = None;
            for j in posonly..argcount + kwonly {
                if view.varnames().get(j).as_str() == n {
                    found = Some(j);
                    break;
                }
            }
            match found {
                Some(j) => {
                    if !locals[j].is_null() {
                        return Err(self.type_error(format!(
                            "{qual}() got multiple values for argument '{n}'"
                        )));
                    }
                    locals[j] = value;
                }
                None => match varkw.as_mut() {
                    Some(d) => {
                        let h = crate::value::dict_table::str_hash_of(n);
                        d.insert(h, name.clone(), value, &mut |k| k.as_str() == Some(n));
                    }
                    None => {
                        // CPython names every positional-only parameter passed by keyword.
                        let passed: Vec<&str> = (0..posonly)
                            .map(|j| view.varnames().get(j).as_str())
                            .filter(|p| kwnames.iter().any(|k| k.as_str() == Some(p)))
                            .collect();
                        return Err(self.type_error(if !passed.is_empty() {
                            let names = passed.join(", ");
                            format!("{qual}() got some positional-only arguments passed as keyword arguments: '{names}'")
                        } else {
                            format!("{qual}() got an unexpected keyword argument '{n}'")
                        }));
                    }
                },
            }
        }
        // Defaults and missing arguments.
        let ndef = fo.defaults.len();
        let mut missing = Vec::new();
        #[allow(clippy::needless_range_loop)] // `j` also indexes varnames and defaults
        for j in npos.min(argcount)..argcount {
            if locals[j].is_null() {
                if j + ndef >= argcount {
                    locals[j] = fo.defaults[j + ndef - argcount].clone();
                } else {
                    missing.push(view.varnames().get(j).as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        #[allow(clippy::needless_range_loop)] // `j` also indexes varnames
        for j in argcount..argcount + kwonly {
            if locals[j].is_null() {
                let n = view.varnames().get(j).as_str();
                let d = fo.kwdefaults.as_ref().and_then(|kd| match kd.get() {
                    Object::Dict(d) => d
                        .iter()
                        .find(|(k, _)| k.as_str() == Some(n))
                        .map(|(_, v)| v.clone()),
                    _ => None,
                });
                match d {
                    Some(v) => locals[j] = v,
                    None => missing.push(n.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        if let Some(d) = varkw {
            let idx = argcount + kwonly + usize::from(has_varargs);
            locals[idx] = Vm::new_dict(d);
        }
        let ncells = info.ncells;
        frame.cells.reserve(ncells + info.nfree);
        for _ in 0..ncells {
            frame.cells.push(ObjRef::new(Object::Cell(Value::Null)));
        }
        frame.cells.extend(fo.closure.iter().cloned());
        frame.code = fo.code;
        frame.module = fo.module;
        frame.heap_code = fo.heap_code.clone();
        frame.globals = fo.globals.clone();
        frame.locals = locals;
        frame.stack.reserve(info.stacksize);
        Ok(())
    }

    /// A spare frame from the pool (empty, its buffers keeping their capacity) or a new one.
    #[inline]
    pub(crate) fn take_frame(&mut self) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(f) => f,
            None => Box::new(Frame::empty()),
        }
    }

    /// Gives a finished frame back to the pool: what it holds is dropped now, its buffers
    /// serve the next call or generator.
    #[inline]
    pub fn release_frame(&mut self, mut f: Box<Frame>) {
        f.reset();
        if self.frame_pool.len() < 64 {
            self.frame_pool.push(f);
        }
    }

    pub fn enter(&mut self) -> PyResult<()> {
        self.enter_n(1)
    }

    /// Runs `f` one level deeper against the recursion limit: every path where native code
    /// recurses (repr/str of containers, comparisons, calls dispatched through `__call__` or
    /// a built-in, JSON conversion...) goes through here, so no input can recurse on the
    /// host stack without bound. `why` is CPython's wording for the `RecursionError`
    /// message (one of the [`nest`] constants).
    #[inline]
    pub fn nested<R>(
        &mut self,
        why: &'static str,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error(why));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// The `MemoryError` for a heap that grew past its budget (`crate::budget`), as CPython
    /// raises it: no arguments.
    #[cold]
    pub fn heap_overrun(&self) -> ObjRef {
        crate::budget::raised();
        self.err_empty(ExcKind::MemoryError)
    }

    #[cold]
    fn recursion_error(&self, why: &str) -> ObjRef {
        self.err(
            ExcKind::RecursionError,
            format!("maximum recursion depth exceeded{why}"),
        )
    }

    /// Counts `cost` levels against the recursion limit (and checks the heap budget: every
    /// call passes here).
    pub fn enter_n(&mut self, cost: u32) -> PyResult<()> {
        if crate::budget::over() {
            return Err(self.heap_overrun());
        }
        self.switch_point()?;
        if self.depth + cost > self.recursion_limit {
            return Err(self.err(
                ExcKind::RecursionError,
                if cost > 1 {
                    "maximum recursion depth exceeded while calling a Python object"
                } else {
                    "maximum recursion depth exceeded"
                },
            ));
        }
        self.depth += cost;
        Ok(())
    }

    /// Calls a Python function, counting `cost` recursion levels (see `call_direct`).
    pub fn call_function_at(
        &mut self,
        func: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
        cost: u32,
    ) -> PyResult<Value> {
        self.call_function_slot(func, args, kwnames, cost)?;
        Ok(std::mem::take(&mut self.ret_slot))
    }

    /// `call_function_at`, leaving the result in `self.ret_slot` for the caller to take at
    /// once (the dispatch loop moves it straight onto its stack).
    pub fn call_function_slot(
        &mut self,
        func: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
        cost: u32,
    ) -> PyResult<()> {
        let mut frame = self.take_frame();
        if !self.bind_fast(func, args, kwnames, &mut frame) {
            if let Err(e) = self.bind_into(func, args, kwnames, &mut frame) {
                self.release_frame(frame);
                return Err(e);
            }
        }
        let co_flags = self.codes[frame.code as usize].flags;
        if co_flags & flags::GENERATOR_LIKE != 0 {
            let (name, qualname) = match func.get() {
                Object::Function(f) => (f.name.clone(), f.qualname.clone()),
                _ => (Value::None, Value::None),
            };
            let kind = if co_flags & flags::CO_COROUTINE != 0 {
                GenKind::Coroutine
            } else if co_flags & flags::CO_ASYNC_GENERATOR != 0 {
                GenKind::AsyncGenerator
            } else {
                GenKind::Generator
            };
            self.ret_slot = Value::obj(Object::Generator(Generator {
                code: frame.code,
                frame: Some(frame),
                state: GenState::Created,
                name,
                qualname,
                kind,
                iterable_coroutine: co_flags & flags::CO_ITERABLE_COROUTINE != 0,
                running_async: false,
                closed: false,
                hooks_inited: false,
            }));
            return Ok(());
        }
        if let Err(e) = self.enter_n(cost) {
            self.release_frame(frame);
            return Err(e);
        }
        let r = self.run_frame_slot(&mut frame, None);
        self.depth -= cost;
        self.release_frame(frame);
        match r {
            Ok(ExitKind::Return) => Ok(()),
            Ok(ExitKind::Yield) => {
                self.ret_slot = Value::Null;
                Err(self.err(ExcKind::SystemError, "yield outside a generator"))
            }
            Err(e) => Err(e),
        }
    }

    /// Runs a code object as a module body or class body.
    pub fn run_code(
        &mut self,
        code: u32,
        namespace: Option<ObjRef>,
        cells: Vec<ObjRef>,
    ) -> PyResult<Value> {
        let info = &self.codes[code as usize];
        let owner = (info.heap.clone(), info.module, None);
        self.run_code_in(code, namespace, cells, owner)
    }

    /// `run_code` with what holds the code and its globals: (heap code or transient unit,
    /// module, globals dict), as a class body takes them from its function.
    pub fn run_code_in(
        &mut self,
        code: u32,
        namespace: Option<ObjRef>,
        cells: Vec<ObjRef>,
        owner: (Option<ObjRef>, u32, Option<ObjRef>),
    ) -> PyResult<Value> {
        let (heap_code, module, globals) = owner;
        let info = &self.codes[code as usize];
        let mut cells = cells;
        if cells.is_empty() {
            for _ in 0..info.ncells {
                cells.push(ObjRef::new(Object::Cell(Value::Null)));
            }
        }
        let mut frame = Frame {
            code,
            heap_code,
            module,
            ip: 0,
            locals: vec![Value::Null; info.nlocals],
            stack: Vec::new(),
            cells,
            exc_stack: Vec::new(),
            namespace,
            globals,
        };
        self.enter()?;
        let r = self.run_frame(&mut frame, None);
        self.depth -= 1;
        match r {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(Exit::Yield(_)) => Err(self.err(ExcKind::SystemError, "yield outside a generator")),
            Err(e) => Err(e),
        }
    }

    /// Resumes a generator: sends `sent` (or throws `throw` into it).
    pub fn gen_resume(
        &mut self,
        gen: &ObjRef,
        sent: Value,
        throw: Option<ObjRef>,
    ) -> PyResult<Exit> {
        let kind = self.gen_resume_slot(gen, sent, throw)?;
        let v = std::mem::take(&mut self.ret_slot);
        Ok(match kind {
            ExitKind::Return => Exit::Return(v),
            ExitKind::Yield => Exit::Yield(v),
        })
    }

    /// `gen_resume`, leaving the yielded or returned value in `self.ret_slot` for the caller to
    /// take at once.
    pub fn gen_resume_slot(
        &mut self,
        gen: &ObjRef,
        sent: Value,
        throw: Option<ObjRef>,
    ) -> PyResult<ExitKind> {
        let (frame, state, kind) = match gen.get_mut() {
            Object::Generator(g) => {
                let st = g.state;
                if st == GenState::Running {
                    return Err(self.value_error(format!("{} already executing", g.kind.noun())));
                }
                (g.frame.take(), st, g.kind)
            }
            _ => return Err(self.type_error("not a generator")),
        };
        let Some(mut frame) = frame else {
            if kind == GenKind::Coroutine {
                return Err(self.err(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return match throw {
                Some(e) => Err(e),
                None => {
                    self.ret_slot = Value::None;
                    Ok(ExitKind::Return)
                }
            };
        };
        if state == GenState::Created && throw.is_none() && !matches!(sent, Value::None) {
            if let Object::Generator(g) = gen.get_mut() {
                g.frame = Some(frame);
            }
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {}",
                kind.noun()
            )));
        }
        if let Object::Generator(g) = gen.get_mut() {
            g.state = GenState::Running;
        }
        let mut throw = throw;
        let mut push_sent = state == GenState::Suspended;
        if let (Some(exc), GenState::Suspended) = (&throw, state) {
            if let Some(end) = self.suspended_yield_from(&frame) {
                // `throw` and `close` go to the subiterator of a `yield from` first.
                let exc = exc.clone();
                let sub = frame.top().clone();
                match self.throw_to_delegate(&sub, exc) {
                    Ok(Exit::Yield(v)) => {
                        if let Object::Generator(g) = gen.get_mut() {
                            g.state = GenState::Suspended;
                            g.frame = Some(frame);
                        }
                        self.ret_slot = v;
                        return Ok(ExitKind::Yield);
                    }
                    Ok(Exit::Return(v)) => {
                        // The delegation is over: its value is the `yield from`'s.
                        frame.pop();
                        frame.push(v);
                        frame.ip = end;
                        throw = None;
                        push_sent = false;
                    }
                    Err(e) => {
                        frame.pop();
                        throw = Some(e);
                    }
                }
            }
        }
        if push_sent && throw.is_none() {
            frame.push(sent);
        }
        if let Err(e) = self.enter() {
            if let Object::Generator(g) = gen.get_mut() {
                g.state = state;
                g.frame = Some(frame);
            }
            return Err(e);
        }
        let r = match throw {
            // Thrown into a generator that never ran: it raises before its first line, outside
            // any `try` of its body, and is finished.
            Some(e) if state == GenState::Created => Err(e),
            throw => self.run_frame_slot(&mut frame, throw),
        };
        self.depth -= 1;
        match r {
            Ok(ExitKind::Yield) => {
                if let Object::Generator(g) = gen.get_mut() {
                    g.state = GenState::Suspended;
                    g.frame = Some(frame);
                }
                Ok(ExitKind::Yield)
            }
            Ok(ExitKind::Return) => {
                if let Object::Generator(g) = gen.get_mut() {
                    g.state = GenState::Done;
                }
                // The finished frame serves the next call or generator.
                self.release_frame(frame);
                Ok(ExitKind::Return)
            }
            Err(e) => {
                if let Object::Generator(g) = gen.get_mut() {
                    g.state = GenState::Done;
                }
                let escaped = if self.exc_matches(&e, ExcKind::StopIteration) {
                    Some("StopIteration")
                } else if kind == GenKind::AsyncGenerator
                    && self.exc_matches(&e, ExcKind::StopAsyncIteration)
                {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(what) = escaped {
                    let re = self.err(
                        ExcKind::RuntimeError,
                        format!("{} raised {what}", kind.noun()),
                    );
                    if let Object::Instance(i) = re.get_mut() {
                        if let Some(d) = i.exc.as_mut() {
                            d.cause = Value::Obj(e.clone());
                            d.context = Value::Obj(e);
                            d.suppress_context = true;
                        }
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// `send` for `yield from`: generators resume; other iterators advance, or have their
    /// `send` method called for a value other than None. A `StopIteration` ends the
    /// delegation with its value.
    pub fn send(&mut self, it: &Value, sent: Value) -> PyResult<Exit> {
        if let Some(o) = it.as_obj() {
            match o.get() {
                Object::Generator(_) => {
                    let o = o.clone();
                    return self.gen_resume(&o, sent, None);
                }
                Object::GenAwait(_) => {
                    let o = o.clone();
                    return self.await_send(&o, sent);
                }
                Object::Instance(_) if matches!(sent, Value::None) => {
                    let cls = self.type_of(it);
                    if let Some(m) = self.lookup_class_attr(&cls, "__next__") {
                        let r = self.call(&m, std::slice::from_ref(it), &[]);
                        return self.delegate_result(r);
                    }
                }
                _ => {}
            }
        }
        if !matches!(sent, Value::None) {
            let m = self.getattr(it, &Vm::str_val("send"))?;
            let r = self.call(&m, &[sent], &[]);
            return self.delegate_result(r);
        }
        match self.next(it)? {
            Some(v) => Ok(Exit::Yield(v)),
            None => Ok(Exit::Return(Value::None)),
        }
    }

    /// What a subiterator's `__next__`, `send` or `throw` gives a `yield from`: a value to
    /// yield, or the end of the delegation when it raised `StopIteration`.
    fn delegate_result(&mut self, r: PyResult<Value>) -> PyResult<Exit> {
        match r {
            Ok(v) => Ok(Exit::Yield(v)),
            Err(e) if self.exc_matches(&e, ExcKind::StopIteration) => {
                let v = self.exc_args(&e).into_iter().next().unwrap_or(Value::None);
                Ok(Exit::Return(v))
            }
            Err(e) => Err(e),
        }
    }

    /// `throw(exc)` on a generator suspended in `yield from sub`, as CPython's `_gen_throw`:
    /// `GeneratorExit` closes `sub` and is then raised in the delegating generator (or the
    /// error closing raised instead); anything else goes to `sub.throw`, raised in the
    /// delegating generator when `sub` has none.
    pub(crate) fn throw_to_delegate(&mut self, sub: &Value, exc: ObjRef) -> PyResult<Exit> {
        if self.exc_matches(&exc, ExcKind::GeneratorExit) {
            if let Some(Object::Generator(_)) = sub.body() {
                let close = Value::Native(&crate::objects::generator::CLOSE);
                self.call(&close, std::slice::from_ref(sub), &[])?;
            } else if let Some(m) = self.getattr_opt(sub, "close")? {
                self.call(&m, &[], &[])?;
            }
            return Err(exc);
        }
        match sub.body() {
            Some(Object::Generator(_)) => {
                let g = sub.as_obj().cloned().expect("a generator is a heap object");
                return self.gen_resume(&g, Value::None, Some(exc));
            }
            Some(Object::GenAwait(_)) => {
                let a = sub
                    .as_obj()
                    .cloned()
                    .expect("an awaitable is a heap object");
                return self.await_throw(&a, exc);
            }
            _ => {}
        }
        match self.getattr_opt(sub, "throw")? {
            None => Err(exc),
            Some(m) => {
                let r = self.call(&m, &[Value::Obj(exc)], &[]);
                self.delegate_result(r)
            }
        }
    }

    /// The built-in value type a program class derives from (`class C(list)`), if any.
    pub fn builtin_base_kind(&self, cls: &ObjRef) -> Option<TypeKind> {
        match cls.get() {
            Object::Class(c) => c.mro.iter().find_map(|k| match k.get() {
                Object::Class(kc)
                    if kc.builtin
                        && matches!(
                            kc.kind,
                            TypeKind::Int
                                | TypeKind::Float
                                | TypeKind::Complex
                                | TypeKind::Str
                                | TypeKind::List
                                | TypeKind::Dict
                                | TypeKind::Tuple
                                | TypeKind::Set
                                | TypeKind::FrozenSet
                                | TypeKind::Bytes
                                | TypeKind::Property
                                | TypeKind::ClassMethod
                                | TypeKind::StaticMethod
                                | TypeKind::Module
                                | TypeKind::Iterator
                        ) =>
                {
                    Some(kc.kind)
                }
                _ => None,
            }),
            _ => None,
        }
    }

    /// Calls a class: its metaclass's `__call__` when a program metaclass defines one,
    /// otherwise `type.__call__`.
    pub fn call_class(
        &mut self,
        cls: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        if let Object::Class(c) = cls.get() {
            if let Some(meta) = &c.metaclass {
                if let Some(call) = self.lookup_user_attr(meta, "__call__") {
                    // `__call__ = dict` (typing's TypedDict): a class is no descriptor, so
                    // it is called without the class being called.
                    if matches!(call.body(), Some(Object::Class(_))) {
                        return self.call(&call, args, kwnames);
                    }
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(Value::Obj(cls.clone()));
                    v.extend_from_slice(args);
                    return self.call(&call, &v, kwnames);
                }
            }
        }
        self.call_class_default(cls, args, kwnames)
    }

    /// `type.__call__(cls, ...)`: built-in types construct, metaclasses create classes,
    /// program classes run `__new__` and `__init__`.
    pub fn call_class_default(
        &mut self,
        cls: &ObjRef,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let kind = match cls.get() {
            Object::Class(c) => c.kind,
            _ => TypeKind::Object,
        };
        if kind == TypeKind::Type {
            return crate::objects::typeobj::call_meta(self, cls, args, kwnames);
        }
        if kind == TypeKind::Iterator {
            return crate::builtins::functions::construct_iter_type(self, cls, args, kwnames);
        }
        if kind != TypeKind::User && kind != TypeKind::Exception && kind != TypeKind::Object {
            return self.construct_builtin(kind, args, kwnames);
        }
        let is_exc = kind == TypeKind::Exception;
        if let Some(new) = self.lookup_user_attr(cls, "__new__") {
            let new = match new.body() {
                Some(Object::StaticMethod(f)) => f.clone(),
                _ => new,
            };
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(Value::Obj(cls.clone()));
            v.extend_from_slice(args);
            let inst = self.call(&new, &v, kwnames)?;
            if Vm::is_subclass(&self.type_of(&inst), cls) {
                if let Some(init) = self.lookup_user_attr(cls, "__init__") {
                    v[0] = inst.clone();
                    self.call(&init, &v, kwnames)?;
                } else if let Some(k) = self.builtin_base_kind(cls).filter(|k| is_container(*k)) {
                    v[0] = inst.clone();
                    // Under an overridden `__new__`, `list.__init__` ignores keyword
                    // arguments (they are `__new__`'s), as in CPython; dict's are items.
                    let npos = v.len() - kwnames.len();
                    let a = if k == TypeKind::List {
                        crate::vm::native::Args::new(&v[..npos], &[])
                    } else {
                        crate::vm::native::Args::new(&v, kwnames)
                    };
                    self.init_container(k, &a)?;
                }
            }
            return Ok(inst);
        }
        if matches!(cls.get(), Object::Class(c) if c.abstract_) {
            return Err(crate::objects::object::abstract_instantiation(self, cls));
        }
        let npos = args.len() - kwnames.len();
        // A class deriving from a built-in value type wraps a value of that type, built from
        // the call's arguments (or empty when `__init__` takes other arguments).
        let base_kind = self.builtin_base_kind(cls);
        // Lists, dicts and sets start empty and are filled by `__init__`; the immutable
        // types are built from the arguments (CPython's `__new__`).
        let base = match base_kind {
            Some(k @ (TypeKind::Property | TypeKind::ClassMethod | TypeKind::StaticMethod)) => {
                crate::objects::property::empty(k)
            }
            Some(TypeKind::Module) => crate::objects::module::empty(),
            Some(TypeKind::Iterator) => {
                crate::builtins::functions::construct_iter_type(self, cls, args, kwnames)?
            }
            Some(k) if is_container(k) => self.construct_builtin(k, &[], &[])?,
            Some(k) => self.construct_builtin(k, args, kwnames)?,
            None => Value::Null,
        };
        let has_base = !base.is_null();
        let mut group_items = None;
        let os_error = is_exc && Vm::is_subclass(cls, &self.exc_class(ExcKind::OSError));
        let class = if os_error {
            crate::objects::exception::os_error_class(self, cls, &args[..npos])
        } else if is_exc && crate::objects::exception_group::is_group_class(self, cls) {
            let (class, items) =
                crate::objects::exception_group::new_group(self, cls, &args[..npos])?;
            group_items = Some(items);
            class
        } else {
            cls.clone()
        };
        let inst = Value::obj(Object::Instance(Instance {
            class,
            own: Dict::new(),
            dict_obj: None,
            exc: if is_exc {
                Some(Box::new(ExcData {
                    args: args[..npos].to_vec(),
                    ..ExcData::default()
                }))
            } else {
                None
            },
            base,
        }));
        mark_has_del(&inst);

        if base_kind == Some(TypeKind::Module) {
            crate::objects::module::attach(self, &inst);
        }
        if let Some(Value::Obj(e)) = Some(&inst) {
            if os_error {
                crate::objects::exception::init_os_error(self, e);
            } else if is_exc && Vm::is_subclass(cls, &self.exc_class(ExcKind::SyntaxError)) {
                crate::objects::exception::init_syntax_error(self, e)?;
            }
            if let Some(items) = group_items {
                crate::objects::exception_group::init_group(e, items);
            }
            if is_exc && self.lookup_user_attr(cls, "__init__").is_none() {
                use crate::objects::exception as exc;
                if let Some(kind) = exc::unicode_error_kind(self, cls) {
                    let object = exc::check_unicode_error_args(self, kind, &args[..npos])?;
                    exc::init_unicode_error_with(e, Some(object));
                }
            }
            let plain_init =
                is_exc && !kwnames.is_empty() && self.lookup_user_attr(cls, "__init__").is_none();
            // `ImportError(msg, name=..., path=...)`, `AttributeError(msg, name=..., obj=...)`,
            // `NameError(msg, name=...)`; other exceptions take no keywords.
            let allowed: Option<(&str, &[&str])> = if !plain_init {
                None
            } else if Vm::is_subclass(cls, &self.exc_class(ExcKind::ImportError)) {
                Some(("ImportError", &["name", "path"]))
            } else if Vm::is_subclass(cls, &self.exc_class(ExcKind::AttributeError)) {
                Some(("AttributeError", &["name", "obj"]))
            } else if Vm::is_subclass(cls, &self.exc_class(ExcKind::NameError)) {
                Some(("NameError", &["name"]))
            } else {
                return Err(self.type_error(format!(
                    "{}() takes no keyword arguments",
                    Vm::class_name(cls)
                )));
            };
            if let Some((base_name, keys)) = allowed {
                for (k, v) in kwnames.iter().zip(&args[npos..]) {
                    let key = k.as_str().unwrap_or("");
                    if !keys.contains(&key) {
                        return Err(self.type_error(format!(
                            "'{key}' is an invalid keyword argument for {base_name}()"
                        )));
                    }
                    if let Object::Instance(i) = e.get_mut() {
                        crate::value::dict_table::dict_set_str(i.table_mut(), key, v.clone());
                    }
                }
            }
            if is_exc {
                if let Object::Instance(i) = e.get_mut() {
                    if let Some(d) = i.exc.as_mut() {
                        d.cause = Value::Null;
                        d.context = Value::Null;
                    }
                }
            }
        }
        match self.lookup_user_attr(cls, "__init__") {
            Some(init) => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(inst.clone());
                v.extend_from_slice(args);
                let r = self.call(&init, &v, kwnames)?;
                if !matches!(r, Value::None) {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
            }
            None if has_base && base_kind.is_some_and(is_container) => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(inst.clone());
                v.extend_from_slice(args);
                let a = crate::vm::native::Args::new(&v, kwnames);
                self.init_container(base_kind.unwrap_or(TypeKind::List), &a)?;
            }
            None => {
                if !is_exc && !has_base && !args.is_empty() {
                    return Err(
                        self.type_error(format!("{}() takes no arguments", Vm::class_name(cls)))
                    );
                }
            }
        }
        Ok(inst)
    }
}

/// Marks a new instance whose class defines `__del__` (see `heap::mark_has_del`).
#[inline]
pub(crate) fn mark_has_del(inst: &Value) {
    if let Value::Obj(o) = inst {
        if let Object::Instance(i) = o.get() {
            if matches!(i.class.get(), Object::Class(c) if c.has_del) {
                crate::value::heap::mark_has_del(o);
            }
        }
    }
}
