//! `in`, `len`, index conversion, slices, and `x[k]` reads, writes and deletes.

use super::*;
use crate::value::heap::ObjRef;
use crate::value::object::{Object, ViewKind};
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

/// The fields of a slice as a tuple: slices compare as `(start, stop, step)` do.
pub(crate) fn as_tuple(s: &Value) -> Value {
    match s.body() {
        Some(Object::Slice { start, stop, step }) => {
            Vm::new_tuple(vec![start.clone(), stop.clone(), step.clone()])
        }
        _ => Vm::new_tuple(Vec::new()),
    }
}

impl Vm {
    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        // A class whose program metaclass defines `__contains__`.
        if matches!(container.body(), Some(Object::Class(c)) if c.metaclass.is_some()) {
            if let Some(r) =
                self.call_dunder(container, "__contains__", std::slice::from_ref(item))?
            {
                return self.truthy(&r);
            }
        }
        // A str-subclass instance is looked for as the str it holds.
        let plain;
        let item = if container.str_bytes().is_some()
            && matches!(item.body(), Some(Object::Instance(_)))
        {
            plain = crate::value::num::plain_str(item);
            &plain
        } else {
            item
        };
        if container.is_wide_str() || (item.is_wide_str() && container.as_str().is_some()) {
            // Wide bytes keep UTF-8's self-synchronisation: a byte match is a code-point match.
            let hay = container.str_bytes().unwrap_or_default();
            let needle = item.str_bytes().unwrap_or_default();
            return match item.str_bytes() {
                Some(_) => Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            };
        }
        if let Some(s) = container.as_str() {
            return match item.as_str() {
                Some(sub) => Ok(s.contains(sub)),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            };
        }
        let Some(o) = container.as_obj() else {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        };
        let o = o.clone();
        match o.get() {
            Object::List(_) | Object::Tuple(_) => {
                let items = self.seq_items(container);
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Dict(_) => Ok(self.dict_get(&o, item)?.is_some()),
            Object::Set(_) | Object::FrozenSet(_) => self.set_contains(&o, item),
            Object::DictView { dict, kind, .. } => {
                let dict = dict.clone();
                match kind {
                    ViewKind::Keys => Ok(self.dict_get(&dict, item)?.is_some()),
                    _ => {
                        for x in self.collect(container)? {
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Object::Bytes(b) => match item.body() {
                Some(Object::Bytes(sub)) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                Some(Object::Instance(_))
                    if crate::objects::bytearray::bytes_like(item).is_some() =>
                {
                    let sub = crate::objects::bytearray::bytes_like(item).unwrap_or_default();
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                _ if num_of(item).is_some() && !matches!(item, Value::Float(_)) => {
                    match num_of(item) {
                        Some(Num::I(i)) if (0..256).contains(&i) => Ok(b.contains(&(i as u8))),
                        _ => Err(self.value_error("byte must be in range(0, 256)")),
                    }
                }
                _ => Err(self.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    self.type_name(item)
                ))),
            },
            Object::Range { start, stop, step } => {
                if let (Value::Int(s), Value::Int(e), Value::Int(st), Value::Int(i)) =
                    (start, stop, step, item)
                {
                    let (s, e, st, i) = (*s, *e, *st, *i);
                    let inside = if st > 0 {
                        i >= s && i < e
                    } else {
                        i <= s && i > e
                    };
                    return Ok(inside && (i - s) % st == 0);
                }
                if let (Some(s), Some(e), Some(st), Some(i)) =
                    (num_of(start), num_of(stop), num_of(step), num_of(item))
                {
                    if !matches!(i, Num::F(_)) {
                        let (s, e, st, i) = (to_big(&s), to_big(&e), to_big(&st), to_big(&i));
                        let inside = if st.is_positive() {
                            i >= s && i < e
                        } else {
                            i <= s && i > e
                        };
                        return Ok(inside && ((&i - &s) % &st).is_zero());
                    }
                }
                let it = self.get_iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Object::Instance(_) => {
                if let Some(r) =
                    self.call_dunder(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.truthy(&r);
                }
                if let Some(b) = inst_base(container) {
                    return self.contains(&b, item);
                }
                let cls = self.type_of(container);
                if matches!(self.lookup_class_attr(&cls, "__iter__"), Some(Value::None)) {
                    return Err(self.type_error(format!(
                        "argument of type '{}' is not iterable",
                        self.type_name(container)
                    )));
                }
                let it = self.get_iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let it = self.get_iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// What a `__len__` method answered, checked as CPython checks it (for `len()` and truth).
    pub(crate) fn len_result(&self, r: Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            Value::Bool(b) => Ok(usize::from(b)),
            _ if matches!(r.body(), Some(Object::BigInt(b)) if b.sign() == num_bigint::Sign::Minus) => {
                Err(self.value_error("__len__() should return >= 0"))
            }
            _ if matches!(r.body(), Some(Object::BigInt(_))) => Err(self.err(
                ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )),
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&r)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
        // A class whose program metaclass defines `__len__`.
        if matches!(v.body(), Some(Object::Class(c)) if c.metaclass.is_some()) {
            if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                return self.len_result(r);
            }
        }
        match v {
            Value::Str(s) => return Ok(s.char_len()),
            Value::Obj(o) => match o.get() {
                Object::Str(s) => return Ok(s.char_len),
                Object::List(l) => return Ok(l.len()),
                Object::Tuple(t) => return Ok(t.len()),
                Object::Dict(d) => return Ok(d.len()),
                Object::Set(s) | Object::FrozenSet(s) => return Ok(s.len()),
                Object::Bytes(b) => return Ok(b.len()),
                Object::DictView { dict, .. } => {
                    if let Object::Dict(d) = dict.get() {
                        return Ok(d.len());
                    }
                }
                Object::Range { .. } => return crate::objects::range::len(self, v),
                Object::Instance(i)
                    if !i.base.is_null()
                        && self.lookup_user_attr(&i.class, "__len__").is_none() =>
                {
                    let b = i.base.clone();
                    return self.len_of(&b);
                }
                Object::Instance(_) => {
                    if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                        return self.len_result(r);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// An index argument as i64 (ints, bools, `__index__`).
    pub fn index_of(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Obj(o) => match o.get() {
                Object::BigInt(_) => Err(self.err(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                )),
                // An int subclass's value is its index (`__index__` is not asked, as in
                // CPython's `PyNumber_Index`).
                Object::Instance(_) if matches!(inst_base(v), Some(Value::Int(_))) => {
                    match inst_base(v) {
                        Some(Value::Int(i)) => Ok(i),
                        _ => Ok(0),
                    }
                }
                _ => match self.call_dunder(v, "__index__", &[])? {
                    Some(Value::Int(i)) => Ok(i),
                    Some(Value::Bool(b)) => Ok(b as i64),
                    Some(r) if matches!(r.body(), Some(Object::BigInt(_))) => Err(self.err(
                        ExcKind::IndexError,
                        format!(
                            "cannot fit '{}' into an index-sized integer",
                            self.type_name(v)
                        ),
                    )),
                    // An int subclass's value (CPython accepts it, with a warning).
                    Some(r) if matches!(inst_base(&r), Some(Value::Int(_))) => {
                        match inst_base(&r) {
                            Some(Value::Int(i)) => Ok(i),
                            _ => Ok(0),
                        }
                    }
                    Some(r) => Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.type_name(&r)
                    ))),
                    None => Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(v)
                    ))),
                },
            },
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// An integer argument that must fit a C `Py_ssize_t` (sizes, positions to insert at).
    pub fn ssize_of(&mut self, v: &Value) -> PyResult<i64> {
        match v.body() {
            Some(Object::BigInt(_)) => Err(self.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
            _ => self.index_of(v),
        }
    }

    /// A slice bound or search position: out-of-range ints clamp, as CPython's
    /// `_PyEval_SliceIndex` does.
    pub fn clamp_index(&mut self, v: &Value) -> PyResult<i64> {
        match v.body() {
            Some(Object::BigInt(b)) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
            // Only a value without `__index__` is "no slice index"; an `__index__` that
            // fails reports its own error.
            _ if matches!(v.body(), Some(Object::Instance(_)))
                && self
                    .lookup_class_attr(&self.type_of(v), "__index__")
                    .is_some() =>
            {
                self.index_of(v)
            }
            _ => match self.index_of(v) {
                Ok(i) => Ok(i),
                Err(e) if self.exc_matches(&e, ExcKind::TypeError) => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
                Err(e) => Err(e),
            },
        }
    }

    /// Resolves a slice against a length: (start, stop, step, count).
    pub fn slice_indices(&mut self, s: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let (start, stop, step) = match s.body() {
            Some(Object::Slice { start, stop, step }) => {
                (start.clone(), stop.clone(), step.clone())
            }
            _ => return Err(self.type_error("expected a slice")),
        };
        let len = len as i128;
        let step: i128 = match step {
            Value::None => 1,
            v => self.clamp_index(&v)?.max(-i64::MAX) as i128,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let bound = |vm: &mut Vm, v: Value, default: i128| -> PyResult<i128> {
            Ok(match v {
                Value::None => default,
                v => {
                    let i = vm.clamp_index(&v)? as i128;
                    let i = if i < 0 { i + len } else { i };
                    i.max(lo).min(hi)
                }
            })
        };
        let start = bound(self, start, if step > 0 { lo } else { hi })?;
        let stop = bound(self, stop, if step > 0 { hi } else { lo })?;
        let count = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        Ok((start as i64, stop as i64, step as i64, count as usize))
    }

    /// Rejects a subscript key that is neither an int nor an instance (whose `__index__` the
    /// caller resolves), with CPython's message.
    pub(crate) fn check_sequence_index(&mut self, key: &Value, what: &str) -> PyResult<()> {
        // An instance is an index when it wraps an int or its class has `__index__`.
        let instance_index = |vm: &Vm| {
            matches!(key.body(), Some(Object::Instance(_)))
                && (matches!(inst_base(key), Some(Value::Int(_) | Value::Bool(_)))
                    || matches!(
                        inst_base(key).as_ref().and_then(|b| b.body()),
                        Some(Object::BigInt(_))
                    )
                    || vm
                        .lookup_class_attr(&vm.type_of(key), "__index__")
                        .is_some())
        };
        if (num_of(key).is_none() && !instance_index(self)) || matches!(key, Value::Float(_)) {
            return Err(self.type_error(format!(
                "{what} indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        }
        Ok(())
    }

    pub(crate) fn norm_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_of(key)?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let msg = if what.is_empty() {
                "index out of range".to_string()
            } else {
                format!("{what} index out of range")
            };
            return Err(self.err(ExcKind::IndexError, msg));
        }
        Ok(j as usize)
    }

    /// `s[i]` and `s[a:b:c]` of a str holding a lone surrogate, over its code points.
    fn wide_getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        use permafrost_semantics::text::wide::{code_points, WideBuf};
        let cps: Vec<u32> = code_points(container.str_bytes().unwrap_or_default()).collect();
        let len = cps.len();
        if Vm::is_slice(key) {
            let (start, _, step, count) = self.slice_indices(key, len)?;
            let mut buf = WideBuf::with_capacity(count);
            for k in 0..count {
                buf.push_code_point(cps[(start + k as i64 * step) as usize]);
            }
            return Ok(Vm::str_from_buf(buf));
        }
        if matches!(key, Value::Float(_))
            || (num_of(key).is_none() && !matches!(key.body(), Some(Object::Instance(_))))
        {
            return Err(self.type_error(format!(
                "string indices must be integers, not '{}'",
                self.type_name(key)
            )));
        }
        let i = self.norm_index(key, len, "string")?;
        let mut buf = WideBuf::new();
        buf.push_code_point(cps[i]);
        Ok(Vm::str_from_buf(buf))
    }

    pub(crate) fn is_slice(v: &Value) -> bool {
        matches!(v.body(), Some(Object::Slice { .. }))
    }

    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        if container.is_wide_str() {
            return self.wide_getitem(container, key);
        }
        if let Some(s) = container.as_str() {
            let ascii = s.is_ascii();
            let len = if ascii { s.len() } else { s.chars().count() };
            if Vm::is_slice(key) {
                let (start, _, step, count) = self.slice_indices(key, len)?;
                let s = container.as_str().unwrap_or("");
                let out: String = if ascii && step == 1 {
                    s[start as usize..start as usize + count].to_string()
                } else {
                    let chars: Vec<char> = s.chars().collect();
                    (0..count)
                        .map(|k| chars[(start + k as i64 * step) as usize])
                        .collect()
                };
                return Ok(Vm::str_val(out));
            }
            if matches!(key, Value::Float(_))
                || (num_of(key).is_none() && !matches!(key.body(), Some(Object::Instance(_))))
            {
                return Err(self.type_error(format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(key)
                )));
            }
            let i = self.norm_index(key, len, "string")?;
            let s = container.as_str().unwrap_or("");
            let c = if ascii {
                s[i..i + 1].to_string()
            } else {
                s.chars().nth(i).map(|c| c.to_string()).unwrap_or_default()
            };
            return Ok(Vm::str_val(c));
        }
        let Some(o) = container.as_obj() else {
            return Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(container)
            )));
        };
        let o = o.clone();
        match o.get() {
            Object::List(l) => {
                if let Value::Int(i) = key {
                    let len = l.len() as i64;
                    let j = if *i < 0 { i + len } else { *i };
                    if j >= 0 && j < len {
                        return Ok(l[j as usize].clone());
                    }
                    return Err(self.err(ExcKind::IndexError, "list index out of range"));
                }
                let len = l.len();
                if Vm::is_slice(key) {
                    let (start, _, step, count) = self.slice_indices(key, len)?;
                    let Object::List(l) = o.get() else {
                        return Ok(Value::None);
                    };
                    let v: Vec<Value> = if step == 1 {
                        l[start as usize..start as usize + count].to_vec()
                    } else {
                        (0..count)
                            .map(|k| l[(start + k as i64 * step) as usize].clone())
                            .collect()
                    };
                    return Ok(Vm::new_list(v));
                }
                self.check_sequence_index(key, "list")?;
                let i = self.norm_index(key, len, "list")?;
                match o.get() {
                    Object::List(l) => Ok(l[i].clone()),
                    _ => Ok(Value::None),
                }
            }
            Object::Tuple(t) => {
                let len = t.len();
                if Vm::is_slice(key) {
                    let (start, _, step, count) = self.slice_indices(key, len)?;
                    let Object::Tuple(t) = o.get() else {
                        return Ok(Value::None);
                    };
                    let v: Vec<Value> = (0..count)
                        .map(|k| t[(start + k as i64 * step) as usize].clone())
                        .collect();
                    return Ok(Vm::new_tuple(v));
                }
                self.check_sequence_index(key, "tuple")?;
                let i = self.norm_index(key, len, "tuple")?;
                match o.get() {
                    Object::Tuple(t) => Ok(t[i].clone()),
                    _ => Ok(Value::None),
                }
            }
            Object::Bytes(b) => {
                let len = b.len();
                if Vm::is_slice(key) {
                    let (start, _, step, count) = self.slice_indices(key, len)?;
                    let Object::Bytes(b) = o.get() else {
                        return Ok(Value::None);
                    };
                    let v: Vec<u8> = (0..count)
                        .map(|k| b[(start + k as i64 * step) as usize])
                        .collect();
                    return Ok(Value::obj(Object::Bytes(v.into_boxed_slice().into())));
                }
                let i = self.norm_index(key, len, "")?;
                match o.get() {
                    Object::Bytes(b) => Ok(Value::Int(b[i] as i64)),
                    _ => Ok(Value::None),
                }
            }
            Object::Dict(_) => match self.dict_get(&o, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key)),
            },
            Object::Range { start, stop, step } => {
                if let (Value::Int(a), Value::Int(b), Value::Int(c), Value::Int(i)) =
                    (start, stop, step, key)
                {
                    let n = crate::objects::range::small_len(*a, *b, *c);
                    let i = *i as i128;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(
                            self.err(ExcKind::IndexError, "range object index out of range")
                        );
                    }
                    let v = *a as i128 + j * *c as i128;
                    return Ok(match i64::try_from(v) {
                        Ok(v) => Value::Int(v),
                        Err(_) => Vm::int_from_big(BigInt::from(v)),
                    });
                }
                crate::objects::range::item(self, container, key)
            }
            Object::Instance(_) => {
                match self.call_dunder(container, "__getitem__", std::slice::from_ref(key))? {
                    Some(v) => Ok(v),
                    None if inst_base(container).is_some() => {
                        let b = inst_base(container).unwrap_or(Value::None);
                        match self.getitem(&b, key) {
                            // A dict subclass's `__missing__` supplies absent keys.
                            Err(e)
                                if matches!(b.body(), Some(Object::Dict(_)))
                                    && self.exc_matches(&e, ExcKind::KeyError) =>
                            {
                                match self.call_dunder(
                                    container,
                                    "__missing__",
                                    std::slice::from_ref(key),
                                )? {
                                    Some(v) => Ok(v),
                                    None => Err(e),
                                }
                            }
                            r => r,
                        }
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object is not subscriptable",
                        self.type_name(container)
                    ))),
                }
            }
            Object::Class(c) => {
                if c.builtin && crate::objects::alias::builtin_generic(c) {
                    return Ok(crate::objects::alias::make_alias(
                        self,
                        container.clone(),
                        key,
                    ));
                }
                // A metaclass `__getitem__` first, then `__class_getitem__`.
                if let Some(v) =
                    self.call_dunder(container, "__getitem__", std::slice::from_ref(key))?
                {
                    return Ok(v);
                }
                let o = o.clone();
                if let Some(cgi) = self.lookup_class_attr(&o, "__class_getitem__") {
                    let f = match cgi.body() {
                        Some(Object::ClassMethod(f)) => Some(f.clone()),
                        _ => None,
                    };
                    return match f {
                        Some(f) => self.call(&f, &[container.clone(), key.clone()], &[]),
                        None => self.call(&cgi, std::slice::from_ref(key), &[]),
                    };
                }
                Err(self.type_error(format!(
                    "type '{}' is not subscriptable",
                    Vm::class_name(&o)
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(container)
            ))),
        }
    }

    pub fn key_error(&mut self, key: &Value) -> ObjRef {
        let cls = self.exc_class(ExcKind::KeyError);
        self.make_exc(&cls, vec![key.clone()])
    }

    pub fn setitem(&mut self, container: &Value, key: Value, value: Value) -> PyResult<()> {
        let Some(o) = container.as_obj() else {
            return Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(container)
            )));
        };
        let o = o.clone();
        match o.get() {
            Object::List(l) => {
                let len = l.len();
                if Vm::is_slice(&key) {
                    // A list or tuple is copied directly (a copy also when it is `l` itself).
                    let direct = matches!(value.body(), Some(Object::List(_) | Object::Tuple(_)));
                    let iterated = if direct {
                        Ok(value.clone())
                    } else {
                        self.get_iter(&value)
                    };
                    let items = match iterated {
                        Ok(it) => self.collect(&it)?,
                        Err(e) if self.exc_matches(&e, ExcKind::TypeError) => {
                            let extended = match key.body() {
                                Some(Object::Slice { step, .. }) => {
                                    !matches!(step, Value::None | Value::Int(1))
                                }
                                _ => false,
                            };
                            return Err(self.type_error(if extended {
                                "must assign iterable to extended slice"
                            } else {
                                "can only assign an iterable"
                            }));
                        }
                        Err(e) => return Err(e),
                    };
                    let (start, stop, step, count) = self.slice_indices(&key, len)?;
                    let Object::List(l) = o.get_mut() else {
                        return Ok(());
                    };
                    if step == 1 {
                        let stop = stop.max(start) as usize;
                        l.splice(start as usize..stop, items);
                    } else {
                        if items.len() != count {
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                count
                            )));
                        }
                        for (k, v) in items.into_iter().enumerate() {
                            l[(start + k as i64 * step) as usize] = v;
                        }
                    }
                    return Ok(());
                }
                if num_of(&key).is_none() || matches!(key, Value::Float(_)) {
                    return Err(self.type_error(format!(
                        "list indices must be integers or slices, not {}",
                        self.type_name(&key)
                    )));
                }
                let i = self.norm_index(&key, len, "list assignment")?;
                if let Object::List(l) = o.get_mut() {
                    l[i] = value;
                }
                Ok(())
            }
            Object::Dict(_) => self.dict_set(&o, key, value),
            Object::Instance(i)
                if !i.base.is_null()
                    && self.lookup_user_attr(&i.class, "__setitem__").is_none() =>
            {
                let b = i.base.clone();
                self.setitem(&b, key, value)
            }
            Object::Instance(_) => {
                match self.call_dunder(container, "__setitem__", &[key, value])? {
                    Some(_) => Ok(()),
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        self.type_name(container)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(container)
            ))),
        }
    }

    pub fn delitem(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        let Some(o) = container.as_obj() else {
            return Err(self.no_item_deletion(container, key));
        };
        let o = o.clone();
        match o.get() {
            Object::List(l) => {
                let len = l.len();
                if Vm::is_slice(key) {
                    let (start, _, step, count) = self.slice_indices(key, len)?;
                    let mut idx: Vec<usize> = (0..count)
                        .map(|k| (start + k as i64 * step) as usize)
                        .collect();
                    idx.sort_unstable();
                    if let Object::List(l) = o.get_mut() {
                        for i in idx.into_iter().rev() {
                            l.remove(i);
                        }
                    }
                    return Ok(());
                }
                let i = self.norm_index(key, len, "list assignment")?;
                if let Object::List(l) = o.get_mut() {
                    l.remove(i);
                }
                Ok(())
            }
            Object::Dict(_) => match self.dict_del(&o, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key)),
            },
            Object::Instance(_) => {
                match self.call_dunder(container, "__delitem__", std::slice::from_ref(key))? {
                    Some(_) => Ok(()),
                    None if inst_base(container).is_some() => {
                        let b = inst_base(container).unwrap_or(Value::None);
                        self.delitem(&b, key)
                    }
                    None => Err(self.no_item_deletion(container, key)),
                }
            }
            _ => Err(self.no_item_deletion(container, key)),
        }
    }

    /// CPython words the error by the path that refused: a sequence type given an integer
    /// index "doesn't support item deletion"; anything else "does not".
    #[cold]
    fn no_item_deletion(&self, container: &Value, key: &Value) -> ObjRef {
        let tname = self.type_name(container);
        let sequence = matches!(container, Value::Str(_))
            || matches!(container.body(), Some(Object::Instance(_)))
            || matches!(
                &*tname,
                "str"
                    | "tuple"
                    | "bytes"
                    | "range"
                    | "set"
                    | "frozenset"
                    | "dict_keys"
                    | "dict_values"
                    | "dict_items"
                    | "mappingproxy"
                    | "memoryview"
            );
        let index = matches!(key, Value::Int(_) | Value::Bool(_))
            || matches!(key.body(), Some(Object::BigInt(_)));
        let verb = if sequence && index {
            "doesn't"
        } else {
            "does not"
        };
        self.type_error(format!("'{tname}' object {verb} support item deletion"))
    }
}
