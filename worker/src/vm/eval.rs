//! The evaluation loop: a tight `match` over the 32-bit instruction words of one frame, with
//! fast paths for small-int and float arithmetic and comparisons, globals read through the
//! per-code slot table, and exception dispatch through the code object's exception table
//! (zero cost until something raises).
//!
//! Hot handlers work on the value stack in place (results overwrite an operand's slot, a
//! comparison followed by a conditional jump never pushes its bool) and move values as whole
//! 16-byte units: a `Value` assembled field by field in a temporary and then copied stalls the
//! CPU's store-to-load forwarding, which profiles showed to be the loop's largest cost. For
//! the same reason a frame's return or yield value is handed to its caller through
//! `Vm::ret_slot` rather than inside nested `Result`s.

use crate::builtins::functions;
use crate::value::frame::Frame;
use crate::value::frame::{Exit, ExitKind};
use crate::value::heap::ObjRef;
use crate::value::object::{GenKind, Iter, Object};
use crate::value::Value;
use crate::vm::attr_cache;
use crate::vm::layout::Layout;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::{byte, flags, CompareOp, Opcode};
use permafrost_semantics::hash;

/// `LOAD_ATTR`'s class-attribute fast path, for an instance `o` of a class without
/// properties, descriptors or `__getattribute__` whose dict lacks the name, given the first
/// hit `v` along the MRO: plain data is returned as is and a Python function is bound to `o`;
/// `Null` for anything else, which takes the general path.
#[inline]
fn class_attr_value(v: &Value, o: &ObjRef) -> Value {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Str(_) => v.clone(),
        Value::Obj(a) => match a.get() {
            Object::Str(_) | Object::Tuple(_) => v.clone(),
            Object::Function(_) => Value::obj(Object::BoundMethod {
                func: v.clone(),
                receiver: Value::Obj(o.clone()),
            }),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

/// `LOAD_ATTR`/`LOAD_METHOD` on a class `o` (body `c`) of metaclass `type`, for a name that
/// is not a dunder (those may be `type`'s own data descriptors): the first hit along the MRO
/// when reading it involves no descriptor protocol beyond `classmethod`/`staticmethod`;
/// `None` sends the read down the general path.
#[inline]
fn class_plain_lookup<'a>(
    sites: &attr_cache::SiteCache,
    global: &attr_cache::LookupCache,
    key: usize,
    o: &ObjRef,
    c: &'a crate::value::object::Class,
    n: permafrost_image::ImgStr<'static>,
) -> Option<&'a Value> {
    let name = n.as_str();
    if c.metaclass.is_some() || name.starts_with("__") {
        return None;
    }
    let v = attr_cache::class_lookup(sites, global, key, o, c, hash::hash_str(n.hash()), name)?;
    let plain = match v {
        Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::None
        | Value::Str(_)
        | Value::Native(_) => true,
        Value::Obj(a) => match a.get() {
            Object::Str(_)
            | Object::Tuple(_)
            | Object::Function(_)
            | Object::Class(_)
            | Object::StaticMethod(_) => true,
            // A classmethod of a descriptor (a property) binds through it: the general path.
            Object::ClassMethod(f) => matches!(f.body(), Some(Object::Function(_))),
            _ => false,
        },
        _ => false,
    };
    plain.then_some(v)
}

/// `LOAD_ATTR` on a class (see `class_plain_lookup`): the value, `Null` for the general path.
/// Out of line, like the method form, to keep the dispatch loop small.
#[inline(never)]
fn class_receiver_attr(
    sites: &attr_cache::SiteCache,
    global: &attr_cache::LookupCache,
    key: usize,
    o: &ObjRef,
    c: &crate::value::object::Class,
    n: permafrost_image::ImgStr<'static>,
) -> Value {
    match class_plain_lookup(sites, global, key, o, c, n) {
        Some(v) => match v.body() {
            Some(Object::ClassMethod(m)) => Value::obj(Object::BoundMethod {
                func: m.clone(),
                receiver: Value::Obj(o.clone()),
            }),
            Some(Object::StaticMethod(m)) => m.clone(),
            _ => v.clone(),
        },
        None => Value::Null,
    }
}

/// `LOAD_METHOD` on a class: the callable and the receiver slot (a classmethod's function is
/// called with the class as its receiver, anything else plainly, the slot left empty).
#[inline(never)]
fn class_receiver_method(
    sites: &attr_cache::SiteCache,
    global: &attr_cache::LookupCache,
    key: usize,
    o: &ObjRef,
    c: &crate::value::object::Class,
    n: permafrost_image::ImgStr<'static>,
) -> Option<(Value, Value)> {
    let v = class_plain_lookup(sites, global, key, o, c, n)?;
    Some(match v.body() {
        Some(Object::ClassMethod(m)) => (m.clone(), Value::Obj(o.clone())),
        Some(Object::StaticMethod(m)) => (m.clone(), Value::Null),
        _ => (v.clone(), Value::Null),
    })
}

/// `BINARY_OP` `+`/`+=` with two strs on top of the stack: appends the right one to the left
/// one in place when the left is a heap str that nothing else can see, CPython's trick that
/// makes `s += t` in a loop linear rather than quadratic. Nothing else can see it when the
/// stack holds its only reference (an intermediate result), or when the only other one is
/// the local that `next`, a `STORE_FAST`, is about to overwrite with the result: that local is
/// cleared first. Immortal strs (those the zygote froze) are never written. `false`, with
/// nothing changed, sends the operation down the general path.
#[inline(never)]
fn concat_in_place(f: &mut Frame, next: Option<u32>) -> bool {
    let len = f.stack.len();
    if len < 2 {
        return false;
    }
    let Value::Obj(left) = &f.stack[len - 2] else {
        return false;
    };
    match left.get() {
        Object::Str(s) if s.wide.is_none() => {}
        _ => return false,
    }
    let tail: &str = match &f.stack[len - 1] {
        Value::Str(t) => t.as_str(),
        Value::Obj(t) => match t.get() {
            Object::Str(t) if t.wide.is_none() => &t.text,
            _ => return false,
        },
        _ => return false,
    };
    if left.is_immortal() {
        return false;
    }
    let mut count = left.refcount();
    if count == 2 {
        if let Some(word) = next.filter(|w| *w as u8 == byte::STORE_FAST) {
            let local = (word >> 8) as usize;
            if let Some(slot) = f.locals.get_mut(local) {
                if slot.as_obj().is_some_and(|l| l.ptr_eq(left)) {
                    // One of two counts: the str stays alive on the stack.
                    *slot = Value::Null;
                    count = 1;
                }
            }
        }
    }
    if count != 1 {
        return false;
    }
    // The tail is another object or an image str: with a single count, the left str is not
    // the right operand too.
    if let Object::Str(s) = left.get_mut() {
        s.append(tail);
    }
    // The right operand is a str: releasing it runs no finalizer.
    f.stack.pop();
    true
}

/// The function object behind `v`, if it is a Python function (the call fast path).
#[inline(always)]
fn python_function(v: &Value) -> Option<&ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.get(), Object::Function(_)) => Some(o),
        _ => None,
    }
}

impl Vm {
    /// Runs `f` until it returns or yields; an exception not handled inside the frame gains a
    /// traceback entry for it and propagates. `throw` raises an exception at the current
    /// instruction first (generator `throw`).
    pub fn run_frame(&mut self, f: &mut Frame, throw: Option<ObjRef>) -> PyResult<Exit> {
        let kind = self.run_frame_slot(f, throw)?;
        let v = std::mem::take(&mut self.ret_slot);
        Ok(match kind {
            ExitKind::Return => Exit::Return(v),
            ExitKind::Yield => Exit::Yield(v),
        })
    }

    /// `run_frame`, leaving the returned or yielded value in `self.ret_slot` for the caller to
    /// take at once. Inlined into the call path; unwinding is out of line.
    #[inline]
    pub fn run_frame_slot(&mut self, f: &mut Frame, throw: Option<ObjRef>) -> PyResult<ExitKind> {
        let base = self.handled.len();
        if !f.exc_stack.is_empty() {
            self.handled.extend(f.exc_stack.iter().cloned());
        }
        self.frame_records.push(crate::vm::FrameRecord {
            code: f.code,
            module: f.module,
            globals: f.globals.clone(),
            namespace: f.namespace.clone(),
            ip: f.ip,
        });
        let result = match throw {
            None => match self.exec(f) {
                Ok(exit) => Ok(exit),
                Err(exc) => self.unwind(f, exc),
            },
            Some(exc) => self.unwind(f, exc),
        };
        self.handled.truncate(base);
        self.frame_records.pop();
        result
    }

    /// An exception raised in `f`: adds its traceback entry and resumes at the handler that
    /// covers the instruction, as often as the frame raises again; `Err` when none does.
    #[inline(never)]
    fn unwind(&mut self, f: &mut Frame, mut exc: ObjRef) -> PyResult<ExitKind> {
        loop {
            let at = f.ip.saturating_sub(1) as u32;
            let reraising = std::mem::take(&mut self.reraising);
            let frameless = !self.frameless_modules.is_empty()
                && self
                    .frameless_modules
                    .contains(&self.codes[f.code as usize].module);
            if !reraising && !frameless {
                if let Object::Instance(i) = exc.get_mut() {
                    if let Some(e) = i.exc.as_mut() {
                        e.traceback.push((f.code, at));
                        // Run-time code: the entry keeps its unit alive.
                        if let Some(h) = &f.heap_code {
                            if matches!(h.get(), Object::CodeUnit(_)) {
                                e.keep.push(h.clone());
                            }
                        }
                    }
                }
            }
            self.set_context(&exc);
            match self.codes[f.code as usize].view.handler_for(at) {
                Some(h) => {
                    f.stack.truncate(h.depth as usize);
                    f.stack.push(Value::Obj(exc));
                    f.ip = h.handler as usize;
                }
                None => return Err(exc),
            }
            match self.exec(f) {
                Ok(exit) => return Ok(exit),
                Err(e) => exc = e,
            }
        }
    }

    /// Implicit chaining: an exception raised while another is handled gets it as `__context__`.
    fn set_context(&mut self, exc: &ObjRef) {
        let Some(Value::Obj(current)) = self.handled.last() else {
            return;
        };
        if current.ptr_eq(exc) {
            return;
        }
        let current = current.clone();
        // Avoid a cycle as CPython does: where `exc` is already in `current`'s context
        // chain, the link to it is cut (`exc` then chains to `current`).
        let context_of = |o: &ObjRef| match o.get() {
            Object::Instance(i) => match i.exc.as_ref().map(|e| &e.context) {
                Some(Value::Obj(c)) => Some(c.clone()),
                _ => None,
            },
            _ => None,
        };
        let mut walk = current.clone();
        let mut steps = 0;
        while let Some(next) = context_of(&walk) {
            if next.ptr_eq(exc) {
                if let Object::Instance(i) = walk.get_mut() {
                    if let Some(e) = i.exc.as_mut() {
                        e.context = Value::Null;
                    }
                }
                break;
            }
            steps += 1;
            // A cycle already there (made through `__context__` assignments).
            if steps > 1000 {
                break;
            }
            walk = next;
        }
        if let Object::Instance(i) = exc.get_mut() {
            if let Some(e) = i.exc.as_mut() {
                if e.context.is_null() {
                    e.context = Value::Obj(current);
                }
            }
        }
    }

    fn name_at(&self, f: &Frame, idx: u32) -> Value {
        let info = &self.codes[f.code as usize];
        if info.transient {
            // Names of run-time code are heap strs: a str pointing into the unit's buffer
            // could outlive it as a dict key.
            return info
                .heap_names
                .get(idx as usize)
                .cloned()
                .unwrap_or(Value::None);
        }
        Value::Str(info.view.names().get(idx as usize))
    }

    fn unbound_local(&self, f: &Frame, idx: usize) -> ObjRef {
        let name = self.codes[f.code as usize].view.varnames().get(idx);
        self.err(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name.as_str()
            ),
        )
    }

    fn deref_name(&self, f: &Frame, idx: usize) -> (String, bool) {
        let view = self.codes[f.code as usize].view;
        let ncells = view.cellvars().len();
        if idx < ncells {
            (view.cellvars().get(idx).as_str().to_string(), true)
        } else {
            (
                view.freevars().get(idx - ncells).as_str().to_string(),
                false,
            )
        }
    }

    /// Where `yield from` ends when `f` is suspended delegating to a subiterator (its
    /// `YIELD_FROM` re-executes on resumption, so `f.ip` points at it).
    pub(crate) fn suspended_yield_from(&self, f: &Frame) -> Option<usize> {
        let word = match f.heap_code.as_ref().map(|h| h.get()) {
            Some(Object::Code(c)) if self.layout == Layout::Transient => c.words.get(f.ip),
            _ => self.codes[f.code as usize].words.get(f.ip),
        };
        let word = *word?;
        (Opcode::from_u8(word as u8) == Some(Opcode::YIELD_FROM)).then_some((word >> 8) as usize)
    }

    fn exec(&mut self, f: &mut Frame) -> PyResult<ExitKind> {
        let holder = if self.layout == Layout::Transient {
            f.heap_code.clone()
        } else {
            None
        };
        let (words, consts): (&[u32], &[Value]) = match holder.as_ref().map(|h| h.get()) {
            Some(Object::Code(c)) => (&c.words, &c.consts),
            _ => {
                let info = &self.codes[f.code as usize];
                (info.words, info.consts)
            }
        };
        let mut ip = f.ip;
        loop {
            let Some(&word) = words.get(ip) else {
                return Err(self.err(ExcKind::SystemError, "instruction pointer out of range"));
            };
            ip += 1;
            // Kept in the frame for tracebacks and exception dispatch; the loop reads `ip`.
            f.ip = ip;
            let arg = word >> 8;
            let op = word as u8;
            match op {
                byte::NOP => {}
                byte::POP_TOP => {
                    f.pop();
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::COPY => {
                    let v = f.peek(arg as usize).clone();
                    f.push(v);
                }
                byte::SWAP => {
                    let len = f.stack.len();
                    let n = arg as usize;
                    if n >= 1 && n <= len {
                        f.stack.swap(len - 1, len - n);
                    }
                }
                byte::LOAD_CONST => {
                    let v = consts.get(arg as usize).cloned().unwrap_or(Value::None);
                    f.push(v);
                }
                byte::LOAD_FAST => {
                    let v = &f.locals[arg as usize];
                    if v.is_null() {
                        return Err(self.unbound_local(f, arg as usize));
                    }
                    let v = v.clone();
                    f.push(v);
                }
                byte::STORE_FAST => {
                    // The top of stack moves into the local as a whole 16-byte unit; the old
                    // local is released only if it is a heap object, the tag test inline: an
                    // immediate, an image str or `Null` needs no drop and no finalizer check.
                    let v = f.pop();
                    if let Value::Obj(old) = std::mem::replace(&mut f.locals[arg as usize], v) {
                        drop(old);
                        if crate::value::heap::has_finalizers() {
                            self.run_finalizers();
                        }
                    }
                }
                byte::DELETE_FAST => {
                    if f.locals[arg as usize].is_null() {
                        return Err(self.unbound_local(f, arg as usize));
                    }
                    f.locals[arg as usize] = Value::Null;
                    // `del g` of a suspended generator finalizes it at once, as in CPython.
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::LOAD_DEREF => {
                    let v = match f.cells.get(arg as usize).map(|c| c.get()) {
                        Some(Object::Cell(v)) => v.clone(),
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        let (name, is_cell) = self.deref_name(f, arg as usize);
                        return Err(if is_cell {
                            self.err(ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )
                        } else {
                            let e = self.err(ExcKind::NameError,
                                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                            );
                            self.set_exc_attr(&e, "name", Vm::str_val(name.as_str()));
                            e
                        });
                    }
                    f.push(v);
                }
                byte::STORE_DEREF => {
                    let v = f.pop();
                    if let Some(Object::Cell(c)) = f.cells.get(arg as usize).map(|c| c.get_mut()) {
                        // The old value drops after the cell is updated, as CPython's.
                        let old = std::mem::replace(c, v);
                        drop(old);
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::DELETE_DEREF => {
                    if let Some(Object::Cell(c)) = f.cells.get(arg as usize).map(|c| c.get_mut()) {
                        let old = std::mem::replace(c, Value::Null);
                        drop(old);
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::LOAD_CLOSURE => {
                    let Some(c) = f.cells.get(arg as usize).cloned() else {
                        return Err(
                            self.err(ExcKind::SystemError, "closure cell index out of range")
                        );
                    };
                    f.push(Value::Obj(c));
                }
                byte::LOAD_GLOBAL => {
                    let v = match self.global_ref(f, arg) {
                        Some(v) => v.clone(),
                        None => self.load_global_slow(f, arg)?,
                    };
                    f.push(v);
                }
                byte::STORE_GLOBAL => {
                    let v = f.pop();
                    self.store_global(f, arg, v);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::DELETE_GLOBAL => {
                    let slot = self.codes[f.code as usize].global_slots[arg as usize];
                    let m = self.module_obj(f.module);
                    let was = match m.get_mut() {
                        Object::Module(m) if m.dict.is_none() => m
                            .slots
                            .get_mut(slot as usize)
                            .map(|s| std::mem::replace(s, Value::Null)),
                        _ => {
                            let g = self.frame_globals(f);
                            let n = self.name_at(f, arg);
                            self.dict_del(&g, &n)?
                        }
                    };
                    if was.as_ref().is_none_or(|v| v.is_null()) {
                        let n = self.name_at(f, arg);
                        return Err(self.name_error(n.as_str().unwrap_or("?")));
                    }
                    drop(was);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::LOAD_NAME => {
                    let name = self.name_at(f, arg);
                    if let Some(ns) = &f.namespace {
                        let ns = ns.clone();
                        if let Some(v) = self.namespace_get(&ns, &name)? {
                            f.push(v);
                            continue;
                        }
                    }
                    let v = self.load_global(f, arg)?;
                    f.push(v);
                }
                byte::STORE_NAME => {
                    let v = f.pop();
                    match &f.namespace {
                        Some(ns) => {
                            let ns = ns.clone();
                            let name = self.name_at(f, arg);
                            if matches!(ns.get(), Object::Dict(_)) {
                                self.dict_set(&ns, name, v)?;
                            } else {
                                self.setitem(&Value::Obj(ns), name, v)?;
                            }
                        }
                        None => self.store_global(f, arg, v),
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::DELETE_NAME => {
                    let name = self.name_at(f, arg);
                    if let Some(ns) = f.namespace.clone() {
                        if matches!(ns.get(), Object::Dict(_)) {
                            if self.dict_del(&ns, &name)?.is_none() {
                                return Err(self.name_error(name.as_str().unwrap_or("?")));
                            }
                        } else if let Err(e) = self.delitem(&Value::Obj(ns), &name) {
                            if self.exc_matches(&e, ExcKind::KeyError) {
                                return Err(self.name_error(name.as_str().unwrap_or("?")));
                            }
                            return Err(e);
                        }
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::LOAD_ATTR => {
                    // Fast path: a plain instance attribute of a class without properties or
                    // descriptors is the instance dict's entry; it replaces the instance on
                    // the stack in place.
                    let info = &mut self.codes[f.code as usize];
                    let n = info.view.names().get(arg as usize);
                    let mut found = Value::Null;
                    if let Some(Value::Obj(o)) = f.stack.last() {
                        if let Object::Instance(inst) = o.get() {
                            if let Object::Class(c) = inst.class.get() {
                                if !c.has_properties {
                                    let h = hash::hash_str(n.hash());
                                    let d = inst.table();
                                    let hint = self
                                        .site_cache
                                        .inst_hint(attr_cache::site_key(words, ip - 1));
                                    if let Some(v) = d.hinted(hint, n.as_str()) {
                                        found = v.clone();
                                    } else if let Some(i) =
                                        crate::value::dict_table::dict_find_h(d, h, n.as_str())
                                    {
                                        if let Some(v) = d.value_at(i) {
                                            found = v.clone();
                                        }
                                        self.site_cache
                                            .set_inst_hint(attr_cache::site_key(words, ip - 1), i);
                                    } else if let Some(v) = attr_cache::class_lookup(
                                        &self.site_cache,
                                        &self.lookup_cache,
                                        attr_cache::site_key(words, ip - 1),
                                        &inst.class,
                                        c,
                                        h,
                                        n.as_str(),
                                    ) {
                                        found = class_attr_value(v, o);
                                    }
                                }
                            }
                        } else if let Object::Class(c) = o.get() {
                            found = class_receiver_attr(
                                &self.site_cache,
                                &self.lookup_cache,
                                attr_cache::site_key(words, ip - 1),
                                o,
                                c,
                                n,
                            );
                        }
                    }
                    if !found.is_null() {
                        if let Some(top) = f.stack.last_mut() {
                            let obj = std::mem::replace(top, found);
                            drop(obj);
                        }
                        continue;
                    }
                    let obj = f.pop();
                    let v = self.getattr(&obj, &self.name_at(f, arg))?;
                    f.push(v);
                }
                byte::STORE_ATTR => {
                    // Fast path: rebinding an existing attribute of a plain instance (no
                    // descriptors, `__setattr__`, `__slots__` or exception fields involved)
                    // replaces the value in its dict entry.
                    let len = f.stack.len();
                    if len >= 2 {
                        let (lower, upper) = f.stack.split_at_mut(len - 1);
                        let mut stored = false;
                        if let Value::Obj(o) = &upper[0] {
                            if let Object::Instance(inst) = o.get_mut() {
                                let plain = inst.exc.is_none()
                                    && matches!(inst.class.get(), Object::Class(c)
                                        if !c.has_properties && !c.has_setattr && c.slots.is_none());
                                let info = &mut self.codes[f.code as usize];
                                let n = info.view.names().get(arg as usize);
                                if plain && n.as_str() != "__dict__" {
                                    let hint = self
                                        .site_cache
                                        .inst_hint(attr_cache::site_key(words, ip - 1));
                                    let d = inst.table_mut();
                                    let slot = match d.hinted(hint, n.as_str()) {
                                        Some(_) => d.hinted_mut(hint, n.as_str()),
                                        None => {
                                            let h = hash::hash_str(n.hash());
                                            let i = crate::value::dict_table::dict_find_h(
                                                d,
                                                h,
                                                n.as_str(),
                                            );
                                            if let Some(i) = i {
                                                self.site_cache.set_inst_hint(
                                                    attr_cache::site_key(words, ip - 1),
                                                    i,
                                                );
                                            }
                                            i.and_then(|i| d.value_at_mut(i))
                                        }
                                    };
                                    if let Some(slot) = slot {
                                        // The old value moves to the stored value's stack slot.
                                        std::mem::swap(slot, &mut lower[len - 2]);
                                        stored = true;
                                    }
                                }
                            }
                        }
                        if stored {
                            // The old value goes first, then the object, as in `setattr`.
                            let obj = f.stack.pop();
                            drop(f.stack.pop());
                            drop(obj);
                            // A replaced value's `__del__` runs before the next statement.
                            if crate::value::heap::has_finalizers() {
                                self.run_finalizers();
                            }
                            continue;
                        }
                    }
                    let obj = f.pop();
                    let v = f.pop();
                    let name = self.name_at(f, arg);
                    self.setattr(&obj, &name, v)?;
                    drop(obj);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::DELETE_ATTR => {
                    let obj = f.pop();
                    let name = self.name_at(f, arg);
                    self.delattr(&obj, &name)?;
                    drop(obj);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::LOAD_METHOD => {
                    // Fast path: an instance without that name in its own dict, whose class
                    // (first hit along the MRO) holds a plain function or built-in: push the
                    // method below the instance, leaving the instance where it is.
                    let info = &mut self.codes[f.code as usize];
                    let n = info.view.names().get(arg as usize);
                    let mut method = Value::Null;
                    let mut found = false;
                    let mut on_base = None;
                    if let Some(Value::Obj(o)) = f.stack.last() {
                        if let Object::Instance(inst) = o.get() {
                            let hash = hash::hash_str(n.hash());
                            let name = n.as_str();
                            if crate::value::dict_table::dict_get_h(inst.table(), hash, name)
                                .is_none()
                            {
                                // `__getattribute__` sees method lookups too.
                                if let Object::Class(c) = inst.class.get() {
                                    if !c.has_getattribute {
                                        if let Some(v) = attr_cache::class_lookup(
                                            &self.site_cache,
                                            &self.lookup_cache,
                                            attr_cache::site_key(words, ip - 1),
                                            &inst.class,
                                            c,
                                            hash,
                                            name,
                                        ) {
                                            if matches!(v.body(), Some(Object::Function(_)))
                                                || matches!(v, Value::Native(n) if n.binds())
                                            {
                                                method = v.clone();
                                                found = true;
                                            }
                                        } else if !inst.base.is_null() {
                                            on_base = self.base_method(inst, name);
                                        }
                                    }
                                }
                            }
                        } else if let Object::Class(c) = o.get() {
                            if let Some((callable, recv)) = class_receiver_method(
                                &self.site_cache,
                                &self.lookup_cache,
                                attr_cache::site_key(words, ip - 1),
                                o,
                                c,
                                n,
                            ) {
                                if let Some(top) = f.stack.last_mut() {
                                    let cls = std::mem::replace(top, callable);
                                    f.stack.push(recv);
                                    drop(cls);
                                }
                                continue;
                            }
                        }
                    }
                    if let Some((callable, base)) = on_base {
                        if let Some(top) = f.stack.last_mut() {
                            let obj = std::mem::replace(top, callable);
                            f.stack.push(base);
                            drop(obj);
                        }
                        continue;
                    }
                    if !found {
                        // Built-in containers and strs: the method is a native by name.
                        let kind = match f.stack.last() {
                            Some(v @ Value::Obj(o))
                                if matches!(
                                    o.get(),
                                    Object::Str(_)
                                        | Object::List(_)
                                        | Object::Dict(_)
                                        | Object::Tuple(_)
                                        | Object::Set(_)
                                        | Object::FrozenSet(_)
                                        | Object::Bytes(_)
                                        | Object::Generator(_)
                                ) =>
                            {
                                Some(self.kind_of(v))
                            }
                            Some(Value::Str(_)) => Some(crate::value::object::TypeKind::Str),
                            _ => None,
                        };
                        if let Some(m) = kind.and_then(|k| crate::objects::method(k, n.as_str())) {
                            method = Value::Native(m);
                            found = true;
                        }
                    }
                    if found {
                        let len = f.stack.len();
                        f.stack.push(method);
                        f.stack.swap(len - 1, len);
                        continue;
                    }
                    let obj = f.pop();
                    let name = self.name_at(f, arg);
                    let (callable, recv) = self.load_method(obj, &name)?;
                    f.push(callable);
                    f.push(recv);
                }
                byte::CALL_METHOD => {
                    self.note_call_ip(ip);
                    let n = arg as usize;
                    let len = f.stack.len();
                    let fpos = len - n - 2;
                    let callable = std::mem::replace(&mut f.stack[fpos], Value::Null);
                    if let Value::Native(nf) = &callable {
                        let nf = *nf;
                        if nf.frame && f.stack[fpos + 1].is_null() {
                            let r = self.frame_native(f, nf, len - n);
                            f.stack.truncate(fpos);
                            f.push(r?);
                            continue;
                        }
                    }
                    let first_arg = if f.stack[fpos + 1].is_null() {
                        len - n
                    } else {
                        fpos + 1
                    };
                    if let Some(func) = python_function(&callable) {
                        let r = self.call_function_slot(func, &f.stack[first_arg..], &[], 1);
                        f.stack.truncate(fpos);
                        r?;
                        let v = std::mem::take(&mut self.ret_slot);
                        f.push(v);
                    } else if first_arg == len && self.is_super_type(&callable) {
                        let r = self.super_from_frame(f);
                        f.stack.truncate(fpos);
                        f.push(r?);
                    } else {
                        let result = self.call_direct(&callable, &f.stack[first_arg..], &[]);
                        f.stack.truncate(fpos);
                        f.push(result?);
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::CALL => {
                    self.note_call_ip(ip);
                    let n = arg as usize;
                    let len = f.stack.len();
                    let fpos = len - n - 1;
                    let callable = std::mem::replace(&mut f.stack[fpos], Value::Null);
                    if let Value::Native(nf) = &callable {
                        let nf = *nf;
                        if nf.frame {
                            let r = self.frame_native(f, nf, fpos + 1);
                            f.stack.truncate(fpos);
                            f.push(r?);
                            continue;
                        }
                    }
                    if let Some(func) = python_function(&callable) {
                        let r = self.call_function_slot(func, &f.stack[fpos + 1..], &[], 1);
                        f.stack.truncate(fpos);
                        r?;
                        let v = std::mem::take(&mut self.ret_slot);
                        f.push(v);
                    } else if n == 0 && self.is_super_type(&callable) {
                        let r = self.super_from_frame(f);
                        f.stack.truncate(fpos);
                        f.push(r?);
                    } else {
                        let result = self.call_direct(&callable, &f.stack[fpos + 1..], &[]);
                        f.stack.truncate(fpos);
                        f.push(result?);
                    }
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::CALL_KW => {
                    self.note_call_ip(ip);
                    let kwnames = f.pop();
                    let n = arg as usize;
                    let len = f.stack.len();
                    let fpos = len - n - 1;
                    let callable = std::mem::replace(&mut f.stack[fpos], Value::Null);
                    let names: Vec<Value> = match kwnames.body() {
                        Some(Object::Tuple(t)) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    let result = self.call_direct(&callable, &f.stack[fpos + 1..], &names);
                    f.stack.truncate(fpos);
                    f.push(result?);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::CALL_EX => {
                    self.note_call_ip(ip);
                    let kwargs = if arg & 1 != 0 { f.pop() } else { Value::Null };
                    let args = f.pop();
                    let callable = f.pop();
                    let r = self.call_ex(&callable, &args, &kwargs)?;
                    f.push(r);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::MAKE_FUNCTION => {
                    let code = f.pop();
                    let closure = if arg & 8 != 0 { f.pop() } else { Value::Null };
                    let annotations = if arg & 4 != 0 { f.pop() } else { Value::Null };
                    let kwdefaults = if arg & 2 != 0 { f.pop() } else { Value::Null };
                    let defaults = if arg & 1 != 0 { f.pop() } else { Value::Null };
                    let func = self.make_function(f, code, defaults, kwdefaults, closure)?;
                    if !annotations.is_null() {
                        if let Some(Object::Function(func)) = func.as_obj().map(|o| o.get_mut()) {
                            func.set.get_or_insert_with(Default::default).annotations =
                                Some(annotations);
                        }
                    }
                    f.push(func);
                }
                byte::BINARY_OP => {
                    // Fast paths: int and float `+ - *` computed from the operands in place;
                    // the result overwrites the left operand's slot (immediates need no drop).
                    let len = f.stack.len();
                    if len >= 2 {
                        match (&f.stack[len - 2], &f.stack[len - 1]) {
                            (&Value::Int(x), &Value::Int(y)) => {
                                let r = match arg & 15 {
                                    0 => x.checked_add(y),
                                    1 => x.checked_sub(y),
                                    2 => x.checked_mul(y),
                                    // Python's `//` and `%` round toward negative infinity,
                                    // which for a positive divisor is Euclidean division.
                                    4 if y > 0 => Some(x.div_euclid(y)),
                                    5 if y > 0 => Some(x.rem_euclid(y)),
                                    9 => Some(x & y),
                                    10 => Some(x | y),
                                    11 => Some(x ^ y),
                                    _ => None,
                                };
                                if let Some(r) = r {
                                    f.stack.truncate(len - 1);
                                    crate::value::heap::store_int(&mut f.stack[len - 2], r);
                                    continue;
                                }
                            }
                            (&Value::Float(x), &Value::Float(y)) => {
                                let r = match arg & 15 {
                                    0 => Some(x + y),
                                    1 => Some(x - y),
                                    2 => Some(x * y),
                                    // Division by zero raises: left to the general path.
                                    3 if y != 0.0 => Some(x / y),
                                    // A positive base never gives a complex result; an
                                    // overflow (inf from finite operands) raises, so only a
                                    // finite result is taken here.
                                    6 if x > 0.0 => Some(x.powf(y)).filter(|r| r.is_finite()),
                                    _ => None,
                                };
                                if let Some(r) = r {
                                    f.stack.truncate(len - 1);
                                    crate::value::heap::store_float(&mut f.stack[len - 2], r);
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                    // `+` / `+=` of strs: grows the left str in place when nothing else holds it.
                    if arg & 15 == 0 && concat_in_place(f, words.get(ip).copied()) {
                        continue;
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let r = self.binary_op(arg, &a, &b)?;
                    f.push(r);
                }
                byte::UNARY_NEGATIVE => {
                    let a = f.pop();
                    let r = self.unary_neg(&a)?;
                    f.push(r);
                }
                byte::UNARY_POSITIVE => {
                    let a = f.pop();
                    let r = self.unary_pos(&a)?;
                    f.push(r);
                }
                byte::UNARY_NOT => {
                    let a = f.pop();
                    let t = self.truthy(&a)?;
                    f.push(Value::Bool(!t));
                }
                byte::UNARY_INVERT => {
                    let a = f.pop();
                    let r = self.unary_invert(&a)?;
                    f.push(r);
                }
                byte::COMPARE_OP => {
                    // Fast path: int and float comparisons read the operands in place, and a
                    // directly following conditional jump consumes the result without the
                    // bool ever being pushed.
                    let len = f.stack.len();
                    let fast = if len >= 2 {
                        match (&f.stack[len - 2], &f.stack[len - 1]) {
                            (&Value::Int(x), &Value::Int(y)) => Some(match arg {
                                0 => x < y,
                                1 => x <= y,
                                2 => x == y,
                                3 => x != y,
                                4 => x > y,
                                _ => x >= y,
                            }),
                            (&Value::Float(x), &Value::Float(y)) => Some(match arg {
                                0 => x < y,
                                1 => x <= y,
                                2 => x == y,
                                3 => x != y,
                                4 => x > y,
                                _ => x >= y,
                            }),
                            _ => None,
                        }
                    } else {
                        None
                    };
                    if let Some(t) = fast {
                        // Both operands are immediates: truncating drops nothing.
                        if let Some(&next) = words.get(ip) {
                            let next_op = next as u8;
                            if next_op == Opcode::POP_JUMP_IF_FALSE as u8
                                || next_op == Opcode::POP_JUMP_IF_TRUE as u8
                            {
                                f.stack.truncate(len - 2);
                                ip += 1;
                                if t == (next_op == Opcode::POP_JUMP_IF_TRUE as u8) {
                                    ip = (next >> 8) as usize;
                                }
                                continue;
                            }
                        }
                        f.stack.truncate(len - 1);
                        crate::value::heap::store_bool(&mut f.stack[len - 2], t);
                        continue;
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let op = CompareOp::from_arg(arg).unwrap_or(CompareOp::Eq);
                    let r = self.compare(op, &a, &b)?;
                    f.push(r);
                }
                byte::IS_OP => {
                    // Compared in place; a directly following conditional jump consumes the
                    // result without the bool being pushed (as for `COMPARE_OP`).
                    let len = f.stack.len();
                    if len < 2 {
                        return Err(self.err(ExcKind::SystemError, "value stack underflow"));
                    }
                    let t = f.stack[len - 2].is(&f.stack[len - 1]) != (arg == 1);
                    f.stack.truncate(len - 2);
                    if let Some(&next) = words.get(ip) {
                        let next_op = next as u8;
                        if next_op == Opcode::POP_JUMP_IF_FALSE as u8
                            || next_op == Opcode::POP_JUMP_IF_TRUE as u8
                        {
                            ip += 1;
                            if t == (next_op == Opcode::POP_JUMP_IF_TRUE as u8) {
                                ip = (next >> 8) as usize;
                            }
                            continue;
                        }
                    }
                    f.stack.push(Value::Null);
                    if let Some(top) = f.stack.last_mut() {
                        crate::value::heap::store_bool(top, t);
                    }
                }
                byte::CONTAINS_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = self.contains(&b, &a)? != (arg == 1);
                    f.push(Value::Bool(r));
                }
                byte::BINARY_SUBSCR => {
                    // Fast path: list or tuple indexed by an int; the item replaces the
                    // container on the stack in place (the int key needs no drop).
                    let len = f.stack.len();
                    let mut item = Value::Null;
                    let mut have_item = false;
                    if len >= 2 {
                        if let (Value::Obj(o), &Value::Int(i)) =
                            (&f.stack[len - 2], &f.stack[len - 1])
                        {
                            let items: Option<&[Value]> = match o.get() {
                                Object::List(l) => Some(l),
                                Object::Tuple(t) => Some(t),
                                _ => None,
                            };
                            if let Some(items) = items {
                                let j = if i < 0 { i + items.len() as i64 } else { i };
                                if j >= 0 {
                                    if let Some(v) = items.get(j as usize) {
                                        item = v.clone();
                                        have_item = true;
                                    }
                                }
                            }
                        }
                    }
                    if have_item {
                        f.stack.truncate(len - 1);
                        if let Some(top) = f.stack.last_mut() {
                            let container = std::mem::replace(top, item);
                            drop(container);
                        }
                        continue;
                    }
                    let key = f.pop();
                    let container = f.pop();
                    let r = self.getitem(&container, &key)?;
                    f.push(r);
                }
                byte::STORE_SUBSCR => {
                    // Fast path: `list[int] = v` swaps `v` into the list in place; the old item
                    // is left in `v`'s stack slot and dropped with the container and key once
                    // the list is no longer borrowed (its destructor may run arbitrary frees).
                    let len = f.stack.len();
                    if len >= 3 {
                        let (lower, upper) = f.stack.split_at_mut(len - 2);
                        let mut stored = false;
                        if let (Value::Obj(o), &Value::Int(i)) = (&upper[0], &upper[1]) {
                            if let Object::List(l) = o.get_mut() {
                                let j = if i < 0 { i + l.len() as i64 } else { i };
                                if j >= 0 && (j as usize) < l.len() {
                                    std::mem::swap(&mut l[j as usize], &mut lower[len - 3]);
                                    stored = true;
                                }
                            }
                        }
                        if stored {
                            f.stack.truncate(len - 3);
                            // A replaced item's `__del__` runs before the next statement.
                            if crate::value::heap::has_finalizers() {
                                self.run_finalizers();
                            }
                            continue;
                        }
                    }
                    let key = f.pop();
                    let container = f.pop();
                    let v = f.pop();
                    self.setitem(&container, key, v)?;
                    drop(container);
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::DELETE_SUBSCR => {
                    let key = f.pop();
                    let container = f.pop();
                    self.delitem(&container, &key)?;
                    drop((key, container));
                    if crate::value::heap::has_finalizers() {
                        self.run_finalizers();
                    }
                }
                byte::BUILD_SLICE => {
                    let step = if arg == 3 { f.pop() } else { Value::None };
                    let stop = f.pop();
                    let start = f.pop();
                    f.push(Value::obj(Object::Slice { start, stop, step }));
                }
                byte::BUILD_TUPLE => {
                    let n = arg as usize;
                    let items = f.stack.split_off(f.stack.len() - n);
                    f.push(Vm::new_tuple(items));
                }
                byte::BUILD_LIST => {
                    let n = arg as usize;
                    let items = f.stack.split_off(f.stack.len() - n);
                    f.push(Vm::new_list(items));
                }
                byte::BUILD_SET => {
                    let n = arg as usize;
                    let items = f.stack.split_off(f.stack.len() - n);
                    // CPython folds a literal of more than two constants into a frozenset
                    // constant (rebuilt once from its own iteration order when constants are
                    // merged) and merges that into the new set: emulate it for identical order.
                    let all_const = n > 2
                        && ip > n
                        && words[ip - 1 - n..ip - 1]
                            .iter()
                            .all(|w| (*w & 0xff) as u8 == Opcode::LOAD_CONST as u8);
                    let s = if all_const {
                        self.build_const_set(items)?
                    } else {
                        self.build_set(items)?
                    };
                    f.push(s);
                }
                byte::BUILD_MAP => {
                    let n = arg as usize;
                    let items = f.stack.split_off(f.stack.len() - 2 * n);
                    let d = Vm::new_dict(crate::value::dict_table::Dict::new());
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.setitem(&d, k, v)?;
                    }
                    f.push(d);
                }
                byte::BUILD_STRING => {
                    let n = arg as usize;
                    let items = f.stack.split_off(f.stack.len() - n);
                    if items.iter().any(|it| it.is_wide_str()) {
                        // A piece holds a lone surrogate: joined as wide bytes.
                        let mut w = permafrost_semantics::text::wide::WideBuf::new();
                        for it in &items {
                            w.push_wide(it.str_bytes().unwrap_or_default());
                        }
                        f.push(Vm::str_from_buf(w));
                    } else {
                        let mut s = String::new();
                        for it in &items {
                            s.push_str(it.as_str().unwrap_or(""));
                        }
                        f.push(Vm::str_val(s));
                    }
                }
                byte::LIST_APPEND => {
                    let v = f.pop();
                    if let Some(o) = f.peek(arg as usize).as_obj() {
                        if let Object::List(l) = o.get_mut() {
                            l.push(v);
                        }
                    }
                }
                byte::SET_ADD => {
                    let v = f.pop();
                    let s = f.peek(arg as usize).clone();
                    self.set_add(&s, v)?;
                }
                byte::MAP_ADD => {
                    let v = f.pop();
                    let k = f.pop();
                    let d = f.peek(arg as usize).clone();
                    self.setitem(&d, k, v)?;
                }
                byte::LIST_EXTEND => {
                    let it = f.pop();
                    let l = f.peek(arg as usize).clone();
                    let items = self.collect_starred(&it, |_, t| {
                        format!("Value after * must be an iterable, not {t}")
                    })?;
                    if let Some(Object::List(l)) = l.as_obj().map(|o| o.get_mut()) {
                        l.extend(items);
                    }
                }
                byte::SET_UPDATE => {
                    let it = f.pop();
                    let s = f.peek(arg as usize).clone();
                    for v in self.collect(&it)? {
                        self.set_add(&s, v)?;
                    }
                }
                byte::DICT_UPDATE => {
                    let m = f.pop();
                    let d = f.peek(arg as usize).clone();
                    // `{**m}` takes mappings only, not the pairs `dict.update` also takes.
                    if !matches!(m.body(), Some(Object::Dict(_)))
                        && self.getattr_opt(&m, "keys")?.is_none()
                    {
                        return Err(self.type_error(format!(
                            "'{}' object is not a mapping",
                            self.type_name(&m)
                        )));
                    }
                    self.dict_update(&d, &m, false)?;
                }
                byte::DICT_MERGE => {
                    let m = f.pop();
                    let d = f.peek(arg as usize).clone();
                    // Below the keyword dict: the positional tuple, then the callable.
                    let func = f.peek(arg as usize + 2).clone();
                    self.merge_kwargs(&func, &d, &m)?;
                }
                byte::LIST_TO_TUPLE => {
                    let l = f.pop();
                    let items = match l.body() {
                        Some(Object::List(v)) => v.clone(),
                        _ => Vec::new(),
                    };
                    f.push(Vm::new_tuple(items));
                }
                byte::FORMAT_VALUE => {
                    let spec = if arg & 4 != 0 { f.pop() } else { Value::Null };
                    let v = f.pop();
                    let r = self.format_value(v, arg & 3, &spec)?;
                    f.push(r);
                }
                byte::JUMP => {
                    // Loops jump back: where many small allocations past the heap budget
                    // are noticed.
                    if crate::budget::over() {
                        return Err(self.heap_overrun());
                    }
                    self.switch_point()?;
                    ip = arg as usize;
                }
                byte::POP_JUMP_IF_FALSE | byte::POP_JUMP_IF_TRUE => {
                    if self.pop_truth(f)? == (op == byte::POP_JUMP_IF_TRUE) {
                        ip = arg as usize;
                    }
                }
                byte::JUMP_IF_FALSE_OR_POP => {
                    let c = f.top().clone();
                    if !self.truthy(&c)? {
                        ip = arg as usize;
                    } else {
                        f.pop();
                    }
                }
                byte::JUMP_IF_TRUE_OR_POP => {
                    let c = f.top().clone();
                    if self.truthy(&c)? {
                        ip = arg as usize;
                    } else {
                        f.pop();
                    }
                }
                byte::GET_ITER => {
                    let v = f.pop();
                    let it = self.get_iter(&v)?;
                    f.push(it);
                }
                byte::FOR_ITER => {
                    // Fast paths: range and list/tuple iterators advance in place, and the
                    // item is pushed without being wrapped in an `Option` first.
                    let mut item = Value::Null;
                    let mut have_item = false;
                    let mut fast_int = None;
                    let mut exhausted = false;
                    match f.top().as_obj().map(|o| o.get_mut()) {
                        Some(Object::Iter(Iter::Range { next, stop, step })) => {
                            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                                fast_int = Some(*next);
                                *next = next.wrapping_add(*step);
                            } else {
                                exhausted = true;
                            }
                        }
                        Some(Object::Iter(Iter::Seq {
                            seq: Value::Obj(so),
                            index,
                        })) => {
                            let items: Option<&[Value]> = match so.get() {
                                Object::List(l) => Some(l),
                                Object::Tuple(t) => Some(t),
                                _ => None,
                            };
                            if let Some(items) = items {
                                match items.get(*index) {
                                    Some(v) => {
                                        item = v.clone();
                                        have_item = true;
                                        *index += 1;
                                    }
                                    // Stays exhausted should the list grow.
                                    None => {
                                        exhausted = true;
                                        *index = usize::MAX;
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                    if let Some(i) = fast_int {
                        f.stack.push(Value::Null);
                        if let Some(top) = f.stack.last_mut() {
                            crate::value::heap::store_int(top, i);
                        }
                        continue;
                    }
                    if have_item {
                        f.push(item);
                        continue;
                    }
                    let generator = match f.stack.last() {
                        Some(Value::Obj(o)) if matches!(o.get(), Object::Generator(_)) => {
                            Some(o.clone())
                        }
                        _ => None,
                    };
                    if let Some(g) = generator {
                        // A generator's yielded value moves from its frame to this stack
                        // through `ret_slot`, without an `Exit` or `Option` around it.
                        let kind = self.gen_resume_slot(&g, Value::None, None)?;
                        let v = std::mem::take(&mut self.ret_slot);
                        drop(g);
                        if kind == ExitKind::Yield {
                            f.push(v);
                        } else {
                            drop(v);
                            f.pop();
                            ip = arg as usize;
                            if crate::value::heap::has_finalizers() {
                                self.run_finalizers();
                            }
                        }
                        continue;
                    }
                    let next = if exhausted {
                        None
                    } else {
                        let it = f.top().clone();
                        self.next(&it)?
                    };
                    match next {
                        Some(v) => f.push(v),
                        None => {
                            f.pop();
                            ip = arg as usize;
                            if crate::value::heap::has_finalizers() {
                                self.run_finalizers();
                            }
                        }
                    }
                }
                byte::UNPACK_SEQUENCE => {
                    // Fast path: a tuple or list of exactly the right length is copied straight
                    // onto the stack (last item first), without an intermediate `Vec`.
                    let v = f.pop();
                    let n = arg as usize;
                    let items: Option<&[Value]> = match v.body() {
                        Some(Object::Tuple(t)) => Some(t),
                        Some(Object::List(l)) => Some(l),
                        _ => None,
                    };
                    if let Some(items) = items.filter(|i| i.len() == n) {
                        crate::value::heap::push_reversed(&mut f.stack, items);
                        drop(v);
                        continue;
                    }
                    let items = self.unpack(&v, n)?;
                    f.stack.reserve(items.len());
                    for item in items.into_iter().rev() {
                        f.stack.push(item);
                    }
                }
                byte::UNPACK_EX => {
                    let v = f.pop();
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    let items = self.collect(&v)?;
                    if items.len() < before + after {
                        return Err(self.value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let mid_end = items.len() - after;
                    let mut pushed: Vec<Value> = Vec::new();
                    pushed.extend(items[..before].iter().cloned());
                    pushed.push(Vm::new_list(items[before..mid_end].to_vec()));
                    pushed.extend(items[mid_end..].iter().cloned());
                    f.stack.extend(pushed.into_iter().rev());
                }
                byte::RETURN_VALUE => {
                    self.move_top_to_ret_slot(f);
                    return Ok(ExitKind::Return);
                }
                byte::YIELD_VALUE => {
                    self.move_top_to_ret_slot(f);
                    return Ok(ExitKind::Yield);
                }
                byte::RAISE_VARARGS => {
                    return Err(match arg {
                        0 => {
                            let cur = self.handled.last().cloned();
                            match cur {
                                Some(Value::Obj(e)) => {
                                    self.reraising = true;
                                    e
                                }
                                _ => self
                                    .err(ExcKind::RuntimeError, "No active exception to reraise"),
                            }
                        }
                        1 => {
                            let e = f.pop();
                            self.make_raisable(&e)?
                        }
                        _ => {
                            let cause = f.pop();
                            let e = f.pop();
                            let exc = self.make_raisable(&e)?;
                            let cause = match cause {
                                Value::None => Value::None,
                                c => match self.make_raisable(&c) {
                                    Ok(o) => Value::Obj(o),
                                    Err(e) if self.exc_matches(&e, ExcKind::TypeError) => {
                                        return Err(self.type_error(
                                            "exception causes must derive from BaseException",
                                        ))
                                    }
                                    Err(e) => return Err(e),
                                },
                            };
                            if let Object::Instance(i) = exc.get_mut() {
                                if let Some(d) = i.exc.as_mut() {
                                    d.cause = cause;
                                    d.suppress_context = true;
                                }
                            }
                            exc
                        }
                    });
                }
                byte::PUSH_EXC_INFO => {
                    let e = f.top().clone();
                    f.exc_stack.push(e.clone());
                    self.handled.push(e);
                }
                byte::POP_EXCEPT => {
                    if f.exc_stack.pop().is_some() {
                        self.handled.pop();
                    }
                }
                byte::CHECK_EXC_MATCH => {
                    let t = f.pop();
                    let e = f.top().clone();
                    let m = self.exc_match(&e, &t)?;
                    f.push(Value::Bool(m));
                }
                byte::CHECK_EG_MATCH => {
                    let t = f.pop();
                    let e = f.pop();
                    let (rest, matched) = crate::objects::exception_group::eg_match(self, &e, &t)?;
                    if !matches!(matched, Value::None) {
                        // The clause handles its part: `raise` and `sys.exc_info()` see it.
                        if let Some(top) = f.exc_stack.last_mut() {
                            *top = matched.clone();
                        }
                        if let Some(top) = self.handled.last_mut() {
                            *top = matched.clone();
                        }
                    }
                    f.push(rest);
                    f.push(matched);
                }
                byte::PREP_RERAISE_STAR => {
                    let list = f.pop();
                    let orig = f.pop();
                    let r = crate::objects::exception_group::prep_reraise_star(self, &orig, &list)?;
                    f.push(r);
                }
                byte::RERAISE => {
                    let e = f.pop();
                    self.reraising = true;
                    return Err(match e {
                        Value::Obj(o) => o,
                        _ => self.err(ExcKind::SystemError, "RERAISE of a non-exception"),
                    });
                }
                byte::LOAD_ASSERTION_ERROR => {
                    f.push(Value::Obj(self.exc_class(ExcKind::AssertionError)));
                }
                byte::IMPORT_NAME => {
                    let name = self.name_at(f, arg);
                    let fromlist = f.pop();
                    let level = f.pop();
                    let m = self.import_name(f.module, &name, &fromlist, &level)?;
                    f.push(m);
                }
                byte::IMPORT_STAR => {
                    let m = f.pop();
                    self.import_star(f.module, f.globals.clone(), &m)?;
                }
                byte::IMPORT_FROM => {
                    let m = f.top().clone();
                    let name = self.name_at(f, arg);
                    let v = self.import_from(&m, &name)?;
                    f.push(v);
                }
                byte::LOAD_BUILD_CLASS => {
                    f.push(Value::Native(&functions::BUILD_CLASS));
                }
                byte::BEFORE_WITH => {
                    let mgr = f.pop();
                    let has = |vm: &Vm, n: &str| {
                        let cls = vm.type_of(&mgr);
                        vm.lookup_class_attr(&cls, n).is_some()
                    };
                    if !has(self, "__enter__") || !has(self, "__exit__") {
                        let msg = if has(self, "__enter__") {
                            format!("'{}' object does not support the context manager protocol (missed __exit__ method)", self.type_name(&mgr))
                        } else {
                            format!(
                                "'{}' object does not support the context manager protocol",
                                self.type_name(&mgr)
                            )
                        };
                        return Err(self.type_error(msg));
                    }
                    let exit = self.getattr(&mgr, &Vm::str_val("__exit__"))?;
                    let (enter, recv) = self.load_method(mgr, &Vm::str_val("__enter__"))?;
                    self.check_native_entry(crate::vm::nest::CALL)?;
                    let r = if recv.is_null() {
                        self.call(&enter, &[], &[])?
                    } else {
                        self.call(&enter, &[recv], &[])?
                    };
                    f.push(exit);
                    f.push(r);
                }
                byte::WITH_EXCEPT_START => {
                    let exc = f.top().clone();
                    let exit = f.peek(2).clone();
                    let ty = Value::Obj(self.type_of(&exc));
                    // `__exit__(type, value, traceback)`, the traceback as the exception has it.
                    let tb = self
                        .getattr_opt(&exc, "__traceback__")?
                        .unwrap_or(Value::None);
                    let r = self.call(&exit, &[ty, exc, tb], &[])?;
                    f.push(r);
                }
                byte::PRINT_EXPR => {
                    let v = f.pop();
                    self.print_expr(v)?;
                }
                byte::LOAD_LOCALS => {
                    let ns = match &f.namespace {
                        Some(ns) => Value::Obj(ns.clone()),
                        None => Value::None,
                    };
                    f.push(ns);
                }
                byte::GET_YIELD_FROM_ITER => {
                    let v = f.pop();
                    let it = match v.body() {
                        Some(Object::Generator(g)) if g.kind == GenKind::Generator => v,
                        Some(Object::Generator(g)) if g.kind == GenKind::Coroutine => {
                            let co_flags = self.codes[f.code as usize].flags;
                            if co_flags & (flags::CO_COROUTINE | flags::CO_ITERABLE_COROUTINE) == 0
                            {
                                return Err(self.type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                ));
                            }
                            v
                        }
                        _ => self.get_iter(&v)?,
                    };
                    f.push(it);
                }
                byte::GET_LEN => {
                    let n = self.len_of(f.top())?;
                    f.push(Value::Int(n as i64));
                }
                byte::MATCH_MAPPING => {
                    let t = self.is_match_mapping(f.top());
                    f.push(Value::Bool(t));
                }
                byte::MATCH_SEQUENCE => {
                    let t = self.is_match_sequence(f.top());
                    f.push(Value::Bool(t));
                }
                byte::MATCH_KEYS => {
                    let values = self.match_keys(f.peek(2), f.peek(1))?;
                    f.push(values);
                }
                byte::MATCH_CLASS => {
                    let names = f.pop();
                    let cls = f.pop();
                    let subject = f.pop();
                    let attrs = self.match_class(&subject, &cls, arg as usize, &names)?;
                    f.push(attrs);
                }
                byte::GET_AWAITABLE => {
                    let v = f.pop();
                    let it = self.get_awaitable(&v, arg)?;
                    f.push(it);
                }
                byte::GET_AITER => {
                    let v = f.pop();
                    let it = self.get_aiter(&v)?;
                    f.push(it);
                }
                byte::GET_ANEXT => {
                    let aiter = f.top().clone();
                    let aw = self.get_anext(&aiter)?;
                    f.push(aw);
                }
                byte::END_ASYNC_FOR => {
                    let exc = f.pop();
                    let Value::Obj(e) = exc else {
                        return Err(
                            self.err(ExcKind::SystemError, "END_ASYNC_FOR of a non-exception")
                        );
                    };
                    if !self.exc_matches(&e, ExcKind::StopAsyncIteration) {
                        self.reraising = true;
                        return Err(e);
                    }
                    f.pop();
                }
                byte::BEFORE_ASYNC_WITH => {
                    let mgr = f.pop();
                    let (exit, r) = self.before_async_with(&mgr)?;
                    f.push(exit);
                    f.push(r);
                }
                byte::YIELD_FROM => {
                    let sent = f.pop();
                    let it = f.top().clone();
                    // A generator subiterator is resumed directly and its value stays in
                    // `ret_slot`: a yielded one is this frame's yield as it is, without an
                    // `Exit` around it (which travels through memory at every level of a
                    // `yield from` chain).
                    if let Some(g) = it
                        .as_obj()
                        .filter(|o| matches!(o.get(), Object::Generator(_)))
                    {
                        match self.gen_resume_slot(g, sent, None)? {
                            ExitKind::Yield => {
                                f.ip = ip - 1;
                                return Ok(ExitKind::Yield);
                            }
                            ExitKind::Return => {
                                let r = std::mem::take(&mut self.ret_slot);
                                f.pop();
                                f.push(r);
                                ip = arg as usize;
                                continue;
                            }
                        }
                    }
                    match self.send(&it, sent)? {
                        Exit::Yield(v) => {
                            f.ip = ip - 1;
                            self.ret_slot = v;
                            return Ok(ExitKind::Yield);
                        }
                        Exit::Return(r) => {
                            f.pop();
                            f.push(r);
                            ip = arg as usize;
                        }
                    }
                }
                _ => return Err(self.bad_opcode()),
            }
        }
    }

    #[cold]
    fn bad_opcode(&self) -> ObjRef {
        self.err(ExcKind::SystemError, "bad opcode")
    }

    /// Pops the top of the stack and returns its truth value. Immediates are tested in place
    /// and dropped without a copy (the conditional jumps' hot path).
    #[inline(always)]
    fn pop_truth(&mut self, f: &mut Frame) -> PyResult<bool> {
        let quick = match f.stack.last() {
            Some(&Value::Bool(b)) => Some(b),
            Some(&Value::Int(i)) => Some(i != 0),
            Some(Value::None) => Some(false),
            _ => None,
        };
        match quick {
            Some(t) => {
                drop(f.stack.pop());
                Ok(t)
            }
            None => {
                let c = f.pop();
                self.truthy(&c)
            }
        }
    }

    /// Moves the top of `f`'s stack into `ret_slot` whole (an empty stack, which the verifier
    /// rules out, yields `Null`).
    #[inline(always)]
    fn move_top_to_ret_slot(&mut self, f: &mut Frame) {
        // An assignment, not a swap: the swap wrote the slot's old value into the stack with
        // two 8-byte stores and read it straight back as one 16-byte value to drop it, a load
        // the CPU cannot forward from those stores (a stall on every return and yield). The
        // assignment drops the old value (`Null`: it is always taken at once) by its tag.
        self.ret_slot = f.pop();
    }

    /// Runs a cycle collection the allocation threshold asked for, then closes generators whose
    /// last reference went away while suspended (their `finally` blocks run now) and calls the
    /// callbacks of weak references whose referent died; errors raised meanwhile are ignored,
    /// as CPython reports them only as "Exception ignored".
    pub fn run_finalizers(&mut self) {
        // The allocation threshold asks for collections through the same flag.
        if crate::value::heap::take_collect_request() {
            self.collect_auto();
        }
        for _ in 0..100 {
            let pending = crate::value::heap::take_finalizers();
            let weak = crate::value::heap::take_weak_callbacks();
            if pending.is_empty() && weak.is_empty() {
                return;
            }
            for g in pending {
                if matches!(g.get(), Object::Instance(_)) {
                    self.call_del(g);
                    continue;
                }
                // An async generator hands itself to the finalizer hook it was first
                // iterated under (asyncio schedules `aclose()`), else closes now.
                if crate::stdlib::sys::finalize_agen(self, &g) {
                    continue;
                }
                let _ = self.call_native(&crate::objects::generator::CLOSE, &[Value::Obj(g)], &[]);
            }
            for w in weak {
                crate::stdlib::weakref::run_callback(self, w);
            }
        }
    }

    /// Calls `o.__del__()` for an instance whose last reference went (or that the collector
    /// found unreachable); an exception it raises is reported as CPython's "Exception ignored
    /// in" and goes no further.
    pub(crate) fn call_del(&mut self, o: ObjRef) {
        let cls = self.type_of(&Value::Obj(o.clone()));
        if let Some(del) = self.lookup_class_attr(&cls, "__del__") {
            let me = Value::Obj(o);
            if let Err(e) = self.call(&del, std::slice::from_ref(&me), &[]) {
                crate::stdlib::report_unraisable(self, "Exception ignored in", &del, &e);
            }
        }
    }

    pub fn name_error(&self, name: &str) -> ObjRef {
        let e = self.err(ExcKind::NameError, format!("name '{name}' is not defined"));
        self.set_exc_attr(&e, "name", Vm::str_val(name));
        e
    }

    /// Whether `v` is the `super` type: called with no arguments it reads the calling frame.
    #[inline]
    fn is_super_type(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.ptr_eq(&self.types[crate::value::object::TypeKind::Super as usize]))
    }

    /// A built-in that reads the calling frame, with positional arguments from `first` up.
    #[cold]
    fn frame_native(
        &mut self,
        f: &mut Frame,
        nf: &'static crate::vm::native::NativeFn,
        first: usize,
    ) -> PyResult<Value> {
        let args: Vec<Value> = f.stack[first..].to_vec();
        if args.is_empty() && std::ptr::eq(nf, &functions::DIR) {
            // A locals mapping that is no dict (`eval(s, g, mapping)`) lists its `keys()`.
            let optimized = self.codes[f.code as usize].view.flags() & flags::CO_OPTIMIZED != 0;
            if let Some(ns) = f
                .namespace
                .clone()
                .filter(|n| !optimized && !matches!(n.get(), Object::Dict(_)))
            {
                let ns = Value::Obj(ns);
                let keys = self.getattr(&ns, &Vm::str_val("keys"))?;
                let keys = self.call(&keys, &[], &[])?;
                let items = self.collect(&keys)?;
                let sorted = self.sort_values(items, None, false)?;
                return Ok(Vm::new_list(sorted));
            }
            return Ok(self.dir_of_frame(f));
        }
        if std::ptr::eq(nf, &functions::DIR) {
            return self.call_direct(&Value::Native(nf), &args, &[]);
        }
        let a = crate::vm::native::Args::new(&args, &[]);
        crate::vm::dynamic::call_with_frame(self, nf, Some(f), &a)
    }

    /// Records where the running frame is calling from (`sys._getframe(n).f_lineno`).
    #[inline(always)]
    fn note_call_ip(&mut self, ip: usize) {
        if let Some(r) = self.frame_records.last_mut() {
            r.ip = ip;
        }
    }

    /// `LOAD_METHOD` on an instance over a built-in base value (a `list` subclass's
    /// `append`) for a name that neither the instance dict nor any class of the MRO binds:
    /// the base value's built-in method and the base value to call it on, as
    /// `instance_getattr` binds it. `None` (an exception instance, a special name, no such
    /// method) sends the read down the general path.
    #[inline(never)]
    fn base_method(
        &self,
        inst: &crate::value::object::Instance,
        name: &str,
    ) -> Option<(Value, Value)> {
        if inst.exc.is_some() || name.starts_with("__") {
            return None;
        }
        let base = crate::value::num::inst_base_of(inst)?;
        let kind = self.kind_of(&base);
        // A class method (`fromhex`, `from_bytes`) binds to the instance's class instead.
        if crate::vm::attrs::builtin_class_method(kind, name).is_some() {
            return None;
        }
        let m = crate::objects::method(kind, name)?;
        Some((Value::Native(m), base))
    }

    /// The bound value of global name `arg` (module slot, then built-in), if any.
    #[inline(always)]
    fn global_ref(&self, f: &Frame, arg: u32) -> Option<&Value> {
        let info = &self.codes[f.code as usize];
        let slot = info.global_slots[arg as usize];
        if let Some(Some(m)) = self.modules.get(f.module as usize) {
            if let Object::Module(m) = m.get() {
                if let Some(v) = m.slots.get(slot as usize) {
                    if !v.is_null() {
                        return Some(v);
                    }
                }
                // The globals live in the module's dict: its names shadow the built-ins.
                if m.dict.is_some() {
                    return None;
                }
            }
        }
        match info.builtin_fallback.get(arg as usize) {
            Some(v) if !v.is_null() => Some(v),
            _ => None,
        }
    }

    /// A global read that missed the slot table: globals held in a dict (run-time code, or a
    /// module switched to its dict), then `__builtins__`, then the built-ins.
    #[cold]
    fn load_global_slow(&mut self, f: &Frame, arg: u32) -> PyResult<Value> {
        let globals = match &f.globals {
            Some(g) => Some(g.clone()),
            None => match self.modules.get(f.module as usize) {
                Some(Some(m)) => match m.get() {
                    Object::Module(m) => m.dict.clone(),
                    _ => None,
                },
                _ => None,
            },
        };
        let info = &self.codes[f.code as usize];
        let name = info.view.names().get(arg as usize);
        let name = name.as_str();
        let Some(g) = globals else {
            if let Some(v) = info.builtin_fallback.get(arg as usize) {
                if !v.is_null() {
                    return Ok(v.clone());
                }
            }
            // A name bound later with `builtins.NAME = ...`.
            let name = name.to_string();
            return match self.builtins_module_get(&name)? {
                Some(v) => Ok(v),
                None => Err(self.name_error(&name)),
            };
        };
        let h = crate::value::dict_table::str_hash_of(name);
        if let Object::Dict(d) = g.get() {
            if let Some(v) = crate::value::dict_table::dict_get_h(d, h, name) {
                return Ok(v.clone());
            }
            let hb = crate::value::dict_table::str_hash_of("__builtins__");
            match crate::value::dict_table::dict_get_h(d, hb, "__builtins__").and_then(|b| b.body())
            {
                Some(Object::Dict(bd)) => {
                    return match crate::value::dict_table::dict_get_h(bd, h, name) {
                        Some(v) => Ok(v.clone()),
                        None => Err(self.name_error(name)),
                    };
                }
                Some(Object::Module(bm)) if bm.name != "builtins" => {
                    return match bm.get(name) {
                        Some(v) => Ok(v.clone()),
                        None => Err(self.name_error(name)),
                    };
                }
                _ => {}
            }
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v.clone());
        }
        // The builtins module's own names (`__name__` is 'builtins').
        let name = name.to_string();
        match self.builtins_module_get(&name)? {
            Some(v) => Ok(v),
            None => Err(self.name_error(&name)),
        }
    }

    /// `name` in the `builtins` module, which holds the names bound at run time as well.
    fn builtins_module_get(&mut self, name: &str) -> PyResult<Option<Value>> {
        if let Value::Obj(b) = self.import_module("builtins")? {
            if let Object::Module(m) = b.get() {
                return Ok(m.get(name).cloned());
            }
        }
        Ok(None)
    }

    /// `builtins.NAME = v` (or `del`, with `v` null): every code object's resolved built-in
    /// for `NAME` follows, so a global read that misses the module sees the new binding.
    /// Rare (monkey-patching), so a walk over all code objects is acceptable.
    pub(crate) fn rebind_builtin(&mut self, name: &str, v: &Value) {
        for info in self.codes.iter_mut() {
            let names = info.view.names();
            for (i, n) in names.iter().enumerate() {
                if n.as_str() == name {
                    if let Some(slot) = info.builtin_fallback.get_mut(i) {
                        *slot = v.clone();
                    }
                }
            }
        }
        if v.is_null() {
            self.builtins.remove(name);
        } else if let Some(slot) = self.builtins.get_mut(name) {
            *slot = v.clone();
        }
    }

    /// A global store that found no slot: into the globals dict.
    #[cold]
    fn store_global_slow(&mut self, f: &Frame, arg: u32, v: Value) {
        let g = self.frame_globals(f);
        let name = self.codes[f.code as usize].view.names().get(arg as usize);
        if let Object::Dict(d) = g.get_mut() {
            crate::value::dict_table::dict_set_str(d, name.as_str(), v);
        }
    }

    #[inline(always)]
    fn load_global(&mut self, f: &Frame, arg: u32) -> PyResult<Value> {
        match self.global_ref(f, arg) {
            Some(v) => Ok(v.clone()),
            None => self.load_global_slow(f, arg),
        }
    }

    #[inline(always)]
    fn store_global(&mut self, f: &Frame, arg: u32, v: Value) {
        let slot = self.codes[f.code as usize].global_slots[arg as usize];
        if let Some(Some(m)) = self.modules.get(f.module as usize) {
            if let Object::Module(m) = m.get_mut() {
                if m.dict.is_none() {
                    if let Some(s) = m.slots.get_mut(slot as usize) {
                        *s = v;
                        return;
                    }
                }
            }
        }
        self.store_global_slow(f, arg, v);
    }

    pub fn module_obj(&self, index: u32) -> ObjRef {
        match self.modules.get(index as usize) {
            Some(Some(m)) => m.clone(),
            // Frames only run code of loaded modules; an empty placeholder keeps this total.
            _ => ObjRef::new(Object::Cell(Value::Null)),
        }
    }

    /// Turns the operand of `raise` into an exception instance (a class is instantiated).
    pub fn make_raisable(&mut self, v: &Value) -> PyResult<ObjRef> {
        match v {
            Value::Obj(o) => match o.get() {
                Object::Instance(i) if i.exc.is_some() => Ok(o.clone()),
                Object::Class(c) if c.kind == crate::value::object::TypeKind::Exception => {
                    let r = self.call(v, &[], &[])?;
                    match &r {
                        Value::Obj(e) if matches!(e.get(), Object::Instance(i) if i.exc.is_some()) => {
                            Ok(e.clone())
                        }
                        // A `__new__` that answered something else, as CPython words it.
                        _ => {
                            let cls = self.repr(v)?;
                            let got = self.repr(&Value::Obj(self.type_of(&r)))?;
                            Err(self.type_error(format!(
                                "calling {cls} should have returned an instance of BaseException, not {got}"
                            )))
                        }
                    }
                }
                _ => Err(self.type_error("exceptions must derive from BaseException")),
            },
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// `except T:` matching, with a class or a tuple of classes.
    /// `dir()`: the sorted names bound in the calling scope (the class namespace, the
    /// module's globals, or a function's locals and cells).
    fn dir_of_frame(&self, f: &Frame) -> Value {
        let mut names: Vec<String> = Vec::new();
        let optimized = self.codes[f.code as usize].view.flags() & flags::CO_OPTIMIZED != 0;
        // A function's `namespace` is its `locals()` snapshot: the live variables are read.
        let ns = f.namespace.as_ref().filter(|_| !optimized);
        let ns = match (ns, &f.globals) {
            (None, Some(g)) if !optimized => Some(g),
            (ns, _) => ns,
        };
        if let Some(ns) = ns {
            if let Object::Dict(d) = ns.get() {
                names.extend(d.iter().filter_map(|(k, _)| k.as_str().map(str::to_string)));
            }
        } else if self.codes[f.code as usize].view.flags() & flags::CO_OPTIMIZED == 0 {
            if let Some(Some(m)) = self.modules.get(f.module as usize) {
                if let Object::Module(m) = m.get() {
                    match m.dict.as_ref().map(|d| d.get()) {
                        Some(Object::Dict(d)) => names
                            .extend(d.iter().filter_map(|(k, _)| k.as_str().map(str::to_string))),
                        _ => names.extend(
                            m.lookup
                                .iter()
                                .filter(|(_, s)| !m.slots[**s as usize].is_null())
                                .map(|(k, _)| k.to_string()),
                        ),
                    }
                }
            }
        } else {
            let view = self.codes[f.code as usize].view;
            for (i, n) in view.varnames().iter().enumerate() {
                if f.locals.get(i).is_some_and(|v| !v.is_null()) {
                    names.push(n.as_str().to_string());
                }
            }
            let cell_names = view.cellvars().iter().chain(view.freevars().iter());
            for (i, n) in cell_names.enumerate() {
                if matches!(f.cells.get(i).map(|c| c.get()), Some(Object::Cell(v)) if !v.is_null())
                {
                    names.push(n.as_str().to_string());
                }
            }
        }
        names.sort();
        names.dedup();
        Vm::new_list(names.into_iter().map(Vm::str_val).collect())
    }

    pub fn exc_match(&self, exc: &Value, t: &Value) -> PyResult<bool> {
        // Every class named is checked before any is matched, as CPython does: a bad entry
        // is an error even when an earlier one would have matched.
        let base = self.exc_class(ExcKind::BaseException);
        let is_exc_class = |v: &Value| match (v.body(), v.as_obj()) {
            (Some(Object::Class(_)), Some(c)) => Vm::is_subclass(c, &base),
            _ => false,
        };
        let valid = match t.body() {
            Some(Object::Tuple(items)) => items.iter().all(is_exc_class),
            _ => is_exc_class(t),
        };
        if !valid {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        let cls = self.type_of(exc);
        let matches = |v: &Value| v.as_obj().is_some_and(|c| Vm::is_subclass(&cls, c));
        Ok(match t.body() {
            Some(Object::Tuple(items)) => items.iter().any(matches),
            _ => matches(t),
        })
    }
}
