//! Iteration: `iter()`, `next()`, collecting and unpacking.

use super::*;
use crate::value::heap::ObjRef;
use crate::value::object::{GenKind, Iter, Object, ViewKind};
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_traits::Signed;
use permafrost_image::opcode::BinaryOp;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        // A class whose program metaclass defines `__iter__`.
        if matches!(v.body(), Some(Object::Class(c)) if c.metaclass.is_some()) {
            if let Some(r) = self.call_dunder(v, "__iter__", &[])? {
                return Ok(r);
            }
        }
        let it = match v {
            Value::Str(s) => {
                if s.is_ascii() {
                    Iter::Seq {
                        seq: v.clone(),
                        index: 0,
                    }
                } else {
                    Iter::StrChars {
                        s: v.clone(),
                        byte: 0,
                    }
                }
            }
            Value::Obj(o) => match o.get() {
                Object::Str(s) => {
                    if s.wide.is_none() && s.text.is_ascii() {
                        Iter::Seq {
                            seq: v.clone(),
                            index: 0,
                        }
                    } else {
                        Iter::StrChars {
                            s: v.clone(),
                            byte: 0,
                        }
                    }
                }
                Object::List(_) | Object::Tuple(_) | Object::Bytes(_) => Iter::Seq {
                    seq: v.clone(),
                    index: 0,
                },
                Object::Dict(d) => Iter::Dict {
                    dict: o.clone(),
                    index: 0,
                    len: d.len(),
                    left: d.len(),
                    kind: ViewKind::Keys,
                },
                Object::DictView { dict, kind, .. } => {
                    let len = match dict.get() {
                        Object::Dict(d) => d.len(),
                        _ => 0,
                    };
                    Iter::Dict {
                        dict: dict.clone(),
                        index: 0,
                        len,
                        left: len,
                        kind: *kind,
                    }
                }
                Object::Set(s) | Object::FrozenSet(s) => Iter::Snapshot {
                    items: s.keys(),
                    index: 0,
                    source: Some(o.clone()),
                    len: s.len(),
                },
                Object::Range { .. } => crate::objects::range::iter(v),
                Object::Iter(_) | Object::GenAwait(_) => return Ok(v.clone()),
                Object::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
                Object::Instance(i) => {
                    // A list or tuple subclass whose classes leave `__iter__` alone iterates
                    // its items as the built-in method would, without calling it.
                    if matches!(i.base.body(), Some(Object::List(_) | Object::Tuple(_)))
                        && self.lookup_user_attr(&i.class, "__iter__").is_none()
                    {
                        return Ok(Value::obj(Object::Iter(Iter::Seq {
                            seq: i.base.clone(),
                            index: 0,
                        })));
                    }
                    let cls = self.type_of(v);
                    // `__iter__ = None` declares the class not iterable.
                    if matches!(self.lookup_class_attr(&cls, "__iter__"), Some(Value::None)) {
                        return Err(self.not_iterable(v));
                    }
                    if let Some(r) = self.call_dunder(v, "__iter__", &[])? {
                        let is_iter = match r.body() {
                            Some(Object::Iter(_) | Object::Generator(_) | Object::GenAwait(_)) => {
                                true
                            }
                            _ => {
                                let rc = self.type_of(&r);
                                self.lookup_class_attr(&rc, "__next__").is_some()
                            }
                        };
                        if !is_iter {
                            return Err(self.type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                self.type_name(&r)
                            )));
                        }
                        return Ok(r);
                    }
                    if let Some(b) = inst_base(v) {
                        return self.get_iter(&b);
                    }
                    if self
                        .lookup_class_attr(&self.type_of(v), "__getitem__")
                        .is_some()
                    {
                        return Ok(Value::obj(Object::Iter(Iter::Seq {
                            seq: v.clone(),
                            index: 0,
                        })));
                    }
                    return Err(self.not_iterable(v));
                }
                _ => return Err(self.not_iterable(v)),
            },
            _ => return Err(self.not_iterable(v)),
        };
        Ok(Value::obj(Object::Iter(it)))
    }

    pub(crate) fn not_iterable(&self, v: &Value) -> ObjRef {
        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Some(o) = it.as_obj() else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        let o = o.clone();
        // Simple states advance in place; states that call back into the interpreter clone
        // what they need first.
        enum Step {
            Done(Option<Value>),
            Await,
            Enumerate(Value, Value),
            Zip(Vec<Value>, bool),
            Map(Value, Vec<Value>),
            Filter(Value, Value),
            Gen,
            User,
            Native(crate::value::object::NativeNext),
            SeqUser(Value, usize),
            Callable(Value, Value),
        }
        let step = match o.get_mut() {
            Object::Iter(state) => match state {
                Iter::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let v = *next;
                        *next = next.wrapping_add(*step);
                        Step::Done(Some(Value::Int(v)))
                    } else {
                        Step::Done(None)
                    }
                }
                Iter::BigRange { next, stop, step } => {
                    let more = if step.is_positive() {
                        *next < *stop
                    } else {
                        *next > *stop
                    };
                    if more {
                        let v = next.clone();
                        *next += &*step;
                        Step::Done(Some(Vm::int_from_big(v)))
                    } else {
                        Step::Done(None)
                    }
                }
                Iter::Seq { seq, index } => match seq {
                    Value::Str(s) => {
                        let s = s.as_str();
                        if *index < s.len() {
                            let c = &s[*index..*index + 1];
                            *index += 1;
                            Step::Done(Some(Vm::str_val(c)))
                        } else {
                            Step::Done(None)
                        }
                    }
                    Value::Obj(so) => match so.get() {
                        // Exhausted, a list iterator stays so even if the list grows
                        // (CPython drops its reference to the list).
                        Object::List(l) => {
                            let r = l.get(*index).cloned();
                            *index = if r.is_some() { *index + 1 } else { usize::MAX };
                            Step::Done(r)
                        }
                        Object::Tuple(t) => {
                            let r = t.get(*index).cloned();
                            *index = if r.is_some() { *index + 1 } else { usize::MAX };
                            Step::Done(r)
                        }
                        Object::Bytes(b) => {
                            let r = b.get(*index).map(|x| Value::Int(*x as i64));
                            *index = if r.is_some() { *index + 1 } else { usize::MAX };
                            Step::Done(r)
                        }
                        Object::Str(s) => {
                            if *index < s.text.len() {
                                let c = &s.text[*index..*index + 1];
                                *index += 1;
                                Step::Done(Some(Vm::str_val(c)))
                            } else {
                                Step::Done(None)
                            }
                        }
                        Object::Instance(_) => {
                            let i = *index;
                            *index = index.saturating_add(1);
                            Step::SeqUser(seq.clone(), i)
                        }
                        _ => Step::Done(None),
                    },
                    _ => Step::Done(None),
                },
                Iter::StrChars { s, byte } if s.is_wide_str() => {
                    let b = s.str_bytes().unwrap_or_default();
                    if *byte < b.len() {
                        let (cp, n) = permafrost_semantics::text::wide::decode_at(b, *byte);
                        *byte += n;
                        let mut one = permafrost_semantics::text::wide::WideBuf::new();
                        one.push_code_point(cp);
                        Step::Done(Some(Vm::str_from_buf(one)))
                    } else {
                        Step::Done(None)
                    }
                }
                Iter::StrChars { s, byte } => {
                    let text = s.as_str().unwrap_or("");
                    match text[*byte..].chars().next() {
                        Some(c) => {
                            *byte += c.len_utf8();
                            Step::Done(Some(Vm::str_val(c.to_string())))
                        }
                        None => Step::Done(None),
                    }
                }
                Iter::Dict {
                    dict,
                    index,
                    len,
                    left,
                    kind,
                } => {
                    let Object::Dict(d) = dict.get() else {
                        return Ok(None);
                    };
                    if d.len() != *len {
                        *len = usize::MAX;
                        return Err(self.err(
                            ExcKind::RuntimeError,
                            "dictionary changed size during iteration",
                        ));
                    }
                    let entries = d.raw_entries();
                    let mut r = None;
                    // Entries before the first live one are deleted (a drained front).
                    *index = (*index).max(d.first_index());
                    while *index < entries.len() {
                        let e = &entries[*index];
                        *index += 1;
                        if !e.key.is_null() {
                            if *left == 0 {
                                *len = usize::MAX;
                                return Err(self.err(
                                    ExcKind::RuntimeError,
                                    "dictionary keys changed during iteration",
                                ));
                            }
                            *left -= 1;
                            r = Some(match kind {
                                ViewKind::Keys => e.key.clone(),
                                ViewKind::Values => e.value.clone(),
                                ViewKind::Items => {
                                    Vm::new_tuple(vec![e.key.clone(), e.value.clone()])
                                }
                            });
                            break;
                        }
                    }
                    // Fewer items than the size promised: keys were removed and added back
                    // (emptying the dict restarts its entries).
                    if r.is_none() && *left > 0 {
                        *len = usize::MAX;
                        return Err(self.err(
                            ExcKind::RuntimeError,
                            "dictionary keys changed during iteration",
                        ));
                    }
                    Step::Done(r)
                }
                Iter::Snapshot {
                    items,
                    index,
                    source,
                    len,
                } => {
                    if let Some(src) = source {
                        if let Object::Set(s) = src.get() {
                            if s.len() != *len {
                                return Err(self.err(
                                    ExcKind::RuntimeError,
                                    "Set changed size during iteration",
                                ));
                            }
                        }
                    }
                    let r = items.get(*index).cloned();
                    *index += 1;
                    Step::Done(r)
                }
                Iter::Enumerate { it, count } => Step::Enumerate(it.clone(), count.clone()),
                Iter::Zip { its, strict } => Step::Zip(its.clone(), *strict),
                Iter::Map { func, its } => Step::Map(func.clone(), its.clone()),
                Iter::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
                Iter::Reversed { seq, index, .. } => {
                    if *index == 0 {
                        Step::Done(None)
                    } else {
                        *index -= 1;
                        let i = *index;
                        match seq.body() {
                            Some(Object::List(l)) => Step::Done(l.get(i).cloned()),
                            Some(Object::Tuple(t)) => Step::Done(t.get(i).cloned()),
                            _ => Step::SeqUser(seq.clone(), i),
                        }
                    }
                }
                Iter::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
                Iter::Exhausted => Step::Done(None),
            },
            Object::Generator(g) if g.kind == GenKind::Generator => Step::Gen,
            Object::GenAwait(_) => Step::Await,
            Object::Instance(i) => match i.base.body() {
                Some(Object::Native(n)) if n.next.is_some() && i.class.ptr_eq(&n.class) => {
                    Step::Native(n.next.unwrap_or(|_, _| Ok(None)))
                }
                _ => Step::User,
            },
            _ => {
                return Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )))
            }
        };
        match step {
            Step::Done(r) => Ok(r),
            Step::Native(f) => f(self, it),
            Step::Gen => match self.gen_resume(&o, Value::None, None)? {
                crate::value::frame::Exit::Yield(v) => Ok(Some(v)),
                crate::value::frame::Exit::Return(_) => Ok(None),
            },
            Step::Await => match self.await_send(&o, Value::None)? {
                crate::value::frame::Exit::Yield(v) => Ok(Some(v)),
                crate::value::frame::Exit::Return(_) => Ok(None),
            },
            Step::User => {
                let cls = self.type_of(it);
                match self.lookup_class_attr(&cls, "__next__") {
                    Some(m) => match self.call(&m, std::slice::from_ref(it), &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    ))),
                }
            }
            Step::SeqUser(seq, i) => match self.getitem(&seq, &Value::Int(i as i64)) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if self.exc_matches(&e, ExcKind::IndexError)
                        || self.exc_matches(&e, ExcKind::StopIteration) =>
                {
                    if let Object::Iter(st) = o.get_mut() {
                        *st = Iter::Exhausted;
                    }
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::Enumerate(inner, count) => match self.next(&inner)? {
                Some(v) => {
                    let next = self.num_binop(
                        BinaryOp::Add,
                        &num_of(&count).unwrap_or(Num::I(0)),
                        &Num::I(1),
                    )?;
                    if let Object::Iter(Iter::Enumerate { count: c, .. }) = o.get_mut() {
                        *c = next;
                    }
                    Ok(Some(Vm::new_tuple(vec![count, v])))
                }
                None => Ok(None),
            },
            Step::Zip(its, strict) => {
                let mut out = Vec::with_capacity(its.len());
                for (k, i) in its.iter().enumerate() {
                    match self.next(i)? {
                        Some(v) => out.push(v),
                        None if strict => {
                            return match self.zip_unequal(&its, k)? {
                                Some(e) => Err(e),
                                None => Ok(None),
                            }
                        }
                        None => return Ok(None),
                    }
                }
                if its.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Vm::new_tuple(out)))
            }
            Step::Map(func, its) => {
                let mut args = Vec::with_capacity(its.len());
                for i in &its {
                    match self.next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(&func, &args, &[])?))
            }
            Step::Filter(func, inner) => loop {
                match self.next(&inner)? {
                    Some(v) => {
                        let keep = if matches!(func, Value::None) {
                            self.truthy(&v)?
                        } else {
                            let r = self.call(&func, std::slice::from_ref(&v), &[])?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
            Step::Callable(func, sentinel) => {
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    if let Object::Iter(st) = o.get_mut() {
                        *st = Iter::Exhausted;
                    }
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.body() {
            Some(Object::List(l)) => return Ok(l.clone()),
            Some(Object::Tuple(t)) => return Ok(t.to_vec()),
            // The same table-order snapshot `get_iter` takes, without an iterator around it.
            Some(Object::Set(s) | Object::FrozenSet(s)) => return Ok(s.keys()),
            // Materialising a range: its size is known before the first item.
            Some(Object::Range { .. }) => {
                let n = crate::objects::range::len(self, v)?;
                if !crate::budget::fits(n.saturating_mul(16)) {
                    return Err(self.err_empty(ExcKind::MemoryError));
                }
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            // Native iterators (`range`, `itertools.count`...) never enter the dispatch loop.
            if crate::budget::over() {
                return Err(self.heap_overrun());
            }
        }
        Ok(out)
    }

    /// `a, b = v`.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            Some(Object::List(l)) => l.clone(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(v)
                        )))
                    }
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }
}

impl Vm {
    /// The error of `zip(..., strict=True)` when argument `k` (0-based) ran out first: it is
    /// shorter than the ones before it, or (when it is the first) the first of the others
    /// still holding an item is longer; `None` when all ended together.
    fn zip_unequal(&mut self, its: &[Value], k: usize) -> PyResult<Option<ObjRef>> {
        let range = |n: usize| {
            if n == 1 {
                " 1".to_string()
            } else {
                format!("s 1-{n}")
            }
        };
        if k > 0 {
            return Ok(Some(self.value_error(format!(
                "zip() argument {} is shorter than argument{}",
                k + 1,
                range(k)
            ))));
        }
        for (j, it) in its.iter().enumerate().skip(1) {
            if self.next(it)?.is_some() {
                return Ok(Some(self.value_error(format!(
                    "zip() argument {} is longer than argument{}",
                    j + 1,
                    range(j)
                ))));
            }
        }
        Ok(None)
    }
}
