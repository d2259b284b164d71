//! Operators with CPython semantics: truthiness, hashing, equality and ordering (numbers of
//! mixed kinds, containers lexicographically, user dunders with reflection), arithmetic (small
//! ints overflowing into big ints, floor division and modulo of negatives, int/float mixing,
//! sequence concatenation and repetition, set algebra), `in`, and subscripting with slices.

use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{Iter, Object, ViewKind};
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use permafrost_image::opcode::{BinaryOp, CompareOp};
use permafrost_semantics::{error, hash, number};
use std::cmp::Ordering;

/// Largest single allocation a Python operation may request (bytes); beyond it the operation
/// raises MemoryError instead of aborting the process.
pub const MAX_ALLOC: usize = 1 << 34;

/// The built-in value wrapped by an instance of a class deriving from a built-in type.
pub fn inst_base(v: &Value) -> Option<Value> {
    match v.body() {
        Some(Object::Instance(i)) if !i.base.is_null() => Some(i.base.clone()),
        _ => None,
    }
}

/// The hash of a str value, using the hash stored with it (never recomputed).
#[inline]
pub fn str_hash_value(v: &Value) -> i64 {
    match v {
        Value::Str(s) => hash::hash_str(s.hash()),
        Value::Obj(o) => match o.get() {
            Object::Str(s) => hash::hash_str(s.hash),
            _ => 0,
        },
        _ => 0,
    }
}

/// The hash of a str's text, as a Python hash.
#[inline]
pub fn str_hash_of(s: &str) -> i64 {
    hash::hash_str(permafrost_image::str_hash(s.as_bytes()))
}

/// A number operand.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match o.get() {
            Object::BigInt(b) => Some(Num::B(b)),
            _ => None,
        },
        _ => None,
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => (*b).clone(),
        Num::F(f) => BigInt::from(*f as i64),
    }
}

/// Structural equality of hashable built-in values, for dict and set keys (no interpreter
/// callbacks: user objects compare by identity here).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return num_cmp(&x, &y) == Some(Ordering::Equal);
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return x == y;
    }
    match (a.body(), b.body()) {
        (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => x == y,
        (Some(Object::FrozenSet(x)), Some(Object::FrozenSet(y))) => {
            x.len() == y.len()
                && x.entries()
                    .all(|(h, k)| y.contains(h, &mut |q| key_eq(k, q)))
        }
        _ => false,
    }
}

pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => int_f_cmp(*x, *y),
        (Num::F(x), Num::I(y)) => int_f_cmp(*y, *x).map(|o| o.reverse()),
        (Num::B(x), Num::F(y)) => number::int_float_cmp(x, *y),
        (Num::F(x), Num::B(y)) => number::int_float_cmp(y, *x).map(|o| o.reverse()),
        (x, y) => Some(to_big(x).cmp(&to_big(y))),
    }
}

fn int_f_cmp(i: i64, f: f64) -> Option<Ordering> {
    if i.unsigned_abs() <= 1 << 53 {
        (i as f64).partial_cmp(&f)
    } else {
        number::int_float_cmp(&BigInt::from(i), f)
    }
}

fn num_to_f64(vm: &Vm, n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::F(f) => Ok(*f),
        Num::B(b) => number::int_to_f64(b).map_err(|e| vm.lib_err(e)),
    }
}

fn dunder_for(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    use BinaryOp::*;
    match op {
        Add => ("__add__", "__radd__", "__iadd__"),
        Sub => ("__sub__", "__rsub__", "__isub__"),
        Mul => ("__mul__", "__rmul__", "__imul__"),
        TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Mod => ("__mod__", "__rmod__", "__imod__"),
        Pow => ("__pow__", "__rpow__", "__ipow__"),
        LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        And => ("__and__", "__rand__", "__iand__"),
        Or => ("__or__", "__ror__", "__ior__"),
        Xor => ("__xor__", "__rxor__", "__ixor__"),
        MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

impl Vm {
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Obj(o) => match o.get() {
                Object::Str(s) => !s.text.is_empty(),
                Object::List(l) => !l.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Set(s) | Object::FrozenSet(s) => !s.is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::BigInt(b) => !b.is_zero(),
                Object::Range { .. } => self.len_of(v)? != 0,
                Object::DictView { dict, .. } => match dict.get() {
                    Object::Dict(d) => !d.is_empty(),
                    _ => false,
                },
                Object::Instance(_) => {
                    let cls = self.type_of(v);
                    if let Some(m) = self.lookup_class_attr(&cls, "__bool__") {
                        let r = self.call(&m, std::slice::from_ref(v), &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) = self.lookup_class_attr(&cls, "__len__") {
                        let r = self.call(&m, std::slice::from_ref(v), &[])?;
                        return Ok(!matches!(r, Value::Int(0)));
                    }
                    if let Some(b) = inst_base(v) {
                        return self.truthy(&b);
                    }
                    true
                }
                _ => true,
            },
            _ => true,
        })
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash::hash_i64(*i),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => hash::hash_f64(*f),
            Value::Str(s) => hash::hash_str(s.hash()),
            Value::None => 0x5f5f_4e6f_6e65,
            Value::Obj(o) => match o.get() {
                Object::Str(s) => hash::hash_str(s.hash),
                Object::BigInt(b) => hash::hash_bigint(b),
                Object::Tuple(items) => {
                    let items = items.to_vec();
                    let mut hs = Vec::with_capacity(items.len());
                    for it in &items {
                        hs.push(self.hash(it)?);
                    }
                    hash::hash_tuple(hs.into_iter())
                }
                Object::Bytes(b) => hash::hash_str(permafrost_image::str_hash(b)),
                Object::FrozenSet(s) => {
                    // CPython's frozenset hash mixes item hashes order-independently.
                    let mut h: u64 = 0;
                    for (ih, _) in s.entries() {
                        let x = ih as u64;
                        h ^= ((x ^ 89_869_747) ^ (x << 16)).wrapping_mul(3_644_798_167);
                    }
                    (h as i64).wrapping_abs()
                }
                Object::List(_) | Object::Dict(_) | Object::Set(_) => {
                    return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
                Object::Instance(_) => {
                    let cls = self.type_of(v);
                    if let Some(b) = inst_base(v) {
                        if self.lookup_user_attr(&cls, "__hash__").is_none() {
                            return self.hash(&b);
                        }
                    }
                    match self.lookup_class_attr(&cls, "__hash__") {
                        Some(Value::None) => {
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", self.type_name(v))))
                        }
                        Some(m) => {
                            let r = self.call(&m, std::slice::from_ref(v), &[])?;
                            match num_of(&r) {
                                Some(Num::I(i)) => hash::hash_i64(i),
                                Some(Num::B(b)) => hash::hash_bigint(b),
                                _ => {
                                    return Err(
                                        self.type_error("__hash__ method should return an integer")
                                    )
                                }
                            }
                        }
                        None => {
                            if self.lookup_class_attr(&cls, "__eq__").is_some() {
                                return Err(self.type_error(format!(
                                    "unhashable type: '{}'",
                                    self.type_name(v)
                                )));
                            }
                            (o.addr() >> 4) as i64
                        }
                    }
                }
                _ => (o.addr() >> 4) as i64,
            },
            other => (other.id() >> 4) as i64,
        })
    }

    /// Key equality for dicts and sets: structural for built-ins; user `__eq__` is honoured
    /// by resolving the key to an existing stored key first (see `find_key`).
    fn key_matches(&mut self, stored: &Value, key: &Value) -> PyResult<bool> {
        if key_eq(stored, key) {
            return Ok(true);
        }
        if matches!(key.body(), Some(Object::Instance(_)))
            || matches!(stored.body(), Some(Object::Instance(_)))
        {
            return self.eq(stored, key);
        }
        Ok(false)
    }

    /// Finds the stored key equal to `key` (honouring user `__eq__`), returning a value that
    /// `key_eq` accepts (the stored key itself).
    fn canonical_key(&mut self, candidates: Vec<Value>, key: &Value) -> PyResult<Value> {
        for c in candidates {
            if self.key_matches(&c, key)? {
                return Ok(c);
            }
        }
        Ok(key.clone())
    }

    fn needs_user_eq(key: &Value) -> bool {
        matches!(key.body(), Some(Object::Instance(_)))
    }

    /// Looks up `key` in a dict object.
    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let key = self.resolve_dict_key(d, h, key)?;
        Ok(match d.get() {
            Object::Dict(dict) => dict.get(h, &mut |k| key_eq(k, &key)).cloned(),
            _ => None,
        })
    }

    fn resolve_dict_key(&mut self, d: &ObjRef, h: i64, key: &Value) -> PyResult<Value> {
        if !Vm::needs_user_eq(key) {
            return Ok(key.clone());
        }
        let cands: Vec<Value> = match d.get() {
            Object::Dict(dict) => dict
                .raw_entries()
                .iter()
                .filter(|e| e.hash == h && !e.key.is_null())
                .map(|e| e.key.clone())
                .collect(),
            _ => Vec::new(),
        };
        self.canonical_key(cands, key)
    }

    pub fn dict_get_str(&mut self, d: &ObjRef, key: &str) -> PyResult<Option<Value>> {
        let h = str_hash_of(key);
        Ok(match d.get() {
            Object::Dict(dict) => dict.get(h, &mut |k| k.as_str() == Some(key)).cloned(),
            _ => None,
        })
    }

    pub fn dict_set(&mut self, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let key = self.resolve_dict_key(d, h, &key)?;
        if let Object::Dict(dict) = d.get_mut() {
            let k2 = key.clone();
            dict.insert(h, key, value, &mut |k| key_eq(k, &k2));
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let key = self.resolve_dict_key(d, h, key)?;
        Ok(match d.get_mut() {
            Object::Dict(dict) => dict.remove(h, &mut |k| key_eq(k, &key)).map(|(_, v)| v),
            _ => None,
        })
    }

    /// `d.update(m)` / `{**m}` (`merge`: a repeated key is an error, for `f(**m)`).
    pub fn dict_update(&mut self, d: &Value, m: &Value, merge: bool) -> PyResult<()> {
        let Some(dobj) = d.as_obj().cloned() else {
            return Ok(());
        };
        let pairs: Vec<(Value, Value)> = match m.body() {
            Some(Object::Dict(src)) => src.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => {
                if let Some(keys_m) = self.getattr_opt(m, "keys")? {
                    let keys = self.call(&keys_m, &[], &[])?;
                    let mut out = Vec::new();
                    for k in self.collect(&keys)? {
                        let v = self.getitem(m, &k)?;
                        out.push((k, v));
                    }
                    out
                } else {
                    let mut out = Vec::new();
                    for item in self.collect(m)? {
                        let kv = self.collect(&item)?;
                        if kv.len() != 2 {
                            return Err(self.value_error(format!(
                                "dictionary update sequence element #{} has length {}; 2 is required",
                                out.len(),
                                kv.len()
                            )));
                        }
                        let mut it = kv.into_iter();
                        if let (Some(k), Some(v)) = (it.next(), it.next()) {
                            out.push((k, v));
                        }
                    }
                    out
                }
            }
        };
        for (k, v) in pairs {
            if merge && self.dict_get(&dobj, &k)?.is_some() {
                let r = self.repr(&k)?;
                return Err(self.type_error(format!(
                    "function got multiple values for keyword argument {r}"
                )));
            }
            self.dict_set(&dobj, k, v)?;
        }
        Ok(())
    }

    fn resolve_set_key(&mut self, s: &ObjRef, h: i64, key: &Value) -> PyResult<Value> {
        if !Vm::needs_user_eq(key) {
            return Ok(key.clone());
        }
        let cands: Vec<Value> = match s.get() {
            Object::Set(set) | Object::FrozenSet(set) => set
                .entries()
                .filter(|(hh, _)| *hh == h)
                .map(|(_, k)| k.clone())
                .collect(),
            _ => Vec::new(),
        };
        self.canonical_key(cands, key)
    }

    pub fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        let Some(so) = s.as_obj().cloned() else {
            return Ok(());
        };
        let h = self.hash(&v)?;
        let v = self.resolve_set_key(&so, h, &v)?;
        if let Object::Set(set) | Object::FrozenSet(set) = so.get_mut() {
            let k2 = v.clone();
            set.add(h, v, &mut |k| key_eq(k, &k2));
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &ObjRef, v: &Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        let v = self.resolve_set_key(s, h, v)?;
        Ok(match s.get() {
            Object::Set(set) | Object::FrozenSet(set) => set.contains(h, &mut |k| key_eq(k, &v)),
            _ => false,
        })
    }

    pub fn set_remove(&mut self, s: &ObjRef, v: &Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        let v = self.resolve_set_key(s, h, v)?;
        Ok(match s.get_mut() {
            Object::Set(set) => set.remove(h, &mut |k| key_eq(k, &v)).is_some(),
            _ => false,
        })
    }

    /// A set literal of constants, laid out as CPython's folded frozenset constant makes it.
    pub fn build_const_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let first = self.build_set(items)?;
        let order = self.collect(&first)?;
        let second = self.build_set(order)?;
        let mut out = Set::new();
        if let Some(Object::Set(s)) = second.body() {
            out.merge(s, &mut key_eq);
        }
        Ok(Value::obj(Object::Set(out)))
    }

    pub fn build_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = Value::obj(Object::Set(Set::new()));
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(s)
    }

    /// Calls a dunder found on `v`'s class; `None` when the class has no such method.
    pub fn call_dunder(
        &mut self,
        v: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        if !matches!(v.body(), Some(Object::Instance(_))) {
            return Ok(None);
        }
        let cls = self.type_of(v);
        match self.lookup_class_attr(&cls, name) {
            Some(m) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(v.clone());
                all.extend_from_slice(args);
                Ok(Some(self.call(&m, &all, &[])?))
            }
            None => Ok(None),
        }
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Float(x), Value::Float(y)) => return Ok(x == y),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(x == y);
        }
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        if matches!(a.body(), Some(Object::Instance(_)))
            || matches!(b.body(), Some(Object::Instance(_)))
        {
            if let Some(r) = self.call_dunder(a, "__eq__", std::slice::from_ref(b))? {
                if !matches!(r, Value::NotImplemented) {
                    return self.truthy(&r);
                }
            }
            if let Some(r) = self.call_dunder(b, "__eq__", std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return self.truthy(&r);
                }
            }
            if inst_base(a).is_some() || inst_base(b).is_some() {
                let x = inst_base(a).unwrap_or_else(|| a.clone());
                let y = inst_base(b).unwrap_or_else(|| b.clone());
                return self.eq(&x, &y);
            }
            return Ok(a.is(b));
        }
        if a.is(b) {
            return Ok(true);
        }
        match (a.body(), b.body()) {
            (Some(Object::List(_)), Some(Object::List(_)))
            | (Some(Object::Tuple(_)), Some(Object::Tuple(_))) => {
                let x = self.seq_items(a);
                let y = self.seq_items(b);
                if x.len() != y.len() {
                    return Ok(false);
                }
                self.enter_msg("in comparison")?;
                let mut r = Ok(true);
                for (p, q) in x.iter().zip(y.iter()) {
                    if p.is(q) {
                        continue;
                    }
                    match self.eq(p, q) {
                        Ok(true) => {}
                        Ok(false) => {
                            r = Ok(false);
                            break;
                        }
                        Err(e) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                self.depth -= 1;
                r
            }
            (Some(Object::Dict(_)), Some(Object::Dict(_))) => {
                let pairs: Vec<(Value, Value)> = match a.body() {
                    Some(Object::Dict(d)) => {
                        d.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
                    }
                    _ => Vec::new(),
                };
                let blen = match b.body() {
                    Some(Object::Dict(d)) => d.len(),
                    _ => 0,
                };
                if pairs.len() != blen {
                    return Ok(false);
                }
                let bo = b.as_obj().cloned();
                for (k, v) in pairs {
                    let Some(bo) = &bo else { return Ok(false) };
                    match self.dict_get(bo, &k)? {
                        Some(w) => {
                            if !self.eq(&v, &w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (
                Some(Object::Set(x) | Object::FrozenSet(x)),
                Some(Object::Set(y) | Object::FrozenSet(y)),
            ) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let keys = x.keys();
                let bo = b.as_obj().cloned();
                for k in keys {
                    if let Some(bo) = &bo {
                        if !self.set_contains(bo, &k)? {
                            return Ok(false);
                        }
                    }
                }
                Ok(true)
            }
            (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => Ok(x == y),
            (Some(Object::Range { .. }), Some(Object::Range { .. })) => {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                Ok(x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q)))
            }
            (Some(Object::DictView { .. }), Some(_)) | (Some(_), Some(Object::DictView { .. })) => {
                let x = self.collect(a)?;
                let y = self.collect(b)?;
                let sx = self.build_set(x)?;
                let sy = self.build_set(y)?;
                self.eq(&sx, &sy)
            }
            _ => Ok(false),
        }
    }

    /// Items of a list or tuple (cloned out, so callbacks can run while comparing).
    pub fn seq_items(&self, v: &Value) -> Vec<Value> {
        match v.body() {
            Some(Object::List(l)) => l.clone(),
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        }
    }

    /// Rich comparison producing a value (user `__lt__` may return anything).
    pub fn compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CompareOp::Eq | CompareOp::Ne => {
                if matches!(a.body(), Some(Object::Instance(_)))
                    || matches!(b.body(), Some(Object::Instance(_)))
                {
                    let (name, rname) = if op == CompareOp::Eq {
                        ("__eq__", "__eq__")
                    } else {
                        ("__ne__", "__ne__")
                    };
                    if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                    if let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))? {
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                    if op == CompareOp::Ne || inst_base(a).is_some() || inst_base(b).is_some() {
                        let e = self.eq(a, b)?;
                        return Ok(Value::Bool(e == (op == CompareOp::Eq)));
                    }
                    return Ok(Value::Bool(a.is(b)));
                }
                let e = self.eq(a, b)?;
                Ok(Value::Bool(if op == CompareOp::Eq { e } else { !e }))
            }
            _ => {
                if let Some(ord) = self.order_builtin(op, a, b)? {
                    return Ok(Value::Bool(ord));
                }
                let (name, rname) = match op {
                    CompareOp::Lt => ("__lt__", "__gt__"),
                    CompareOp::Le => ("__le__", "__ge__"),
                    CompareOp::Gt => ("__gt__", "__lt__"),
                    _ => ("__ge__", "__le__"),
                };
                if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
                if let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
                if inst_base(a).is_some() || inst_base(b).is_some() {
                    let x = inst_base(a).unwrap_or_else(|| a.clone());
                    let y = inst_base(b).unwrap_or_else(|| b.clone());
                    return self.compare(op, &x, &y);
                }
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        }
    }

    /// `a < b` and friends as a bool (sorting, min/max).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Obj(x), Value::Obj(y))
                if matches!(x.get(), Object::Tuple(_)) && matches!(y.get(), Object::Tuple(_)) =>
            {
                self.tuple_less_than(x, y)
            }
            _ => {
                let r = self.compare(CompareOp::Lt, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a < b` for two tuples, as CPython does it: the first position whose items are not
    /// identical or equal decides by `<`; otherwise the shorter tuple is less. Sorting tuples
    /// comes here for every comparison, so it reads the items in place instead of copying
    /// both tuples.
    fn tuple_less_than(&mut self, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
        let len_of = |o: &ObjRef| match o.get() {
            Object::Tuple(t) => t.len(),
            _ => 0,
        };
        let (alen, blen) = (len_of(a), len_of(b));
        self.enter_msg("in comparison")?;
        let r = self.tuple_less_than_items(a, b, alen.min(blen));
        self.depth -= 1;
        Ok(match r? {
            Some(decided) => decided,
            None => alen < blen,
        })
    }

    /// The deciding comparison among the first `n` items of two tuples, if any differ.
    fn tuple_less_than_items(
        &mut self,
        a: &ObjRef,
        b: &ObjRef,
        n: usize,
    ) -> PyResult<Option<bool>> {
        for i in 0..n {
            // Cloned out: comparing may call back into the interpreter.
            let item = |o: &ObjRef| match o.get() {
                Object::Tuple(t) => t.get(i).cloned().unwrap_or(Value::None),
                _ => Value::None,
            };
            let (x, y) = (item(a), item(b));
            if let (Value::Int(p), Value::Int(q)) = (&x, &y) {
                if p != q {
                    return Ok(Some(p < q));
                }
                continue;
            }
            if x.is(&y) {
                continue;
            }
            if !self.eq(&x, &y)? {
                return self.less_than(&x, &y).map(Some);
            }
        }
        Ok(None)
    }

    /// Ordering of built-in values; `None` when the types do not order natively.
    fn order_builtin(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let pick = |o: Ordering| match op {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        };
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(Some(match num_cmp(&x, &y) {
                Some(o) => pick(o),
                None => false,
            }));
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(Some(pick(x.cmp(y))));
        }
        match (a.body(), b.body()) {
            (Some(Object::List(_)), Some(Object::List(_)))
            | (Some(Object::Tuple(_)), Some(Object::Tuple(_))) => {
                let x = self.seq_items(a);
                let y = self.seq_items(b);
                for (p, q) in x.iter().zip(y.iter()) {
                    if p.is(q) || self.eq(p, q)? {
                        continue;
                    }
                    let r = self.compare(op, p, q)?;
                    return Ok(Some(self.truthy(&r)?));
                }
                Ok(Some(pick(x.len().cmp(&y.len()))))
            }
            (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => Ok(Some(pick(x.cmp(y)))),
            (
                Some(Object::Set(_) | Object::FrozenSet(_)),
                Some(Object::Set(_) | Object::FrozenSet(_)),
            ) => {
                let (xa, xb) = (self.collect(a)?, self.collect(b)?);
                let (ao, bo) = (a.as_obj().cloned(), b.as_obj().cloned());
                let (Some(ao), Some(bo)) = (ao, bo) else {
                    return Ok(None);
                };
                let mut a_in_b = true;
                for k in &xa {
                    if !self.set_contains(&bo, k)? {
                        a_in_b = false;
                        break;
                    }
                }
                let mut b_in_a = true;
                for k in &xb {
                    if !self.set_contains(&ao, k)? {
                        b_in_a = false;
                        break;
                    }
                }
                Ok(Some(match op {
                    CompareOp::Le => a_in_b,
                    CompareOp::Lt => a_in_b && xa.len() < xb.len(),
                    CompareOp::Ge => b_in_a,
                    _ => b_in_a && xa.len() > xb.len(),
                }))
            }
            _ => Ok(None),
        }
    }

    pub fn binary_op(&mut self, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
        let Some(op) = BinaryOp::from_arg(arg) else {
            return Err(self.err(ExcKind::SystemError, "bad binary operator"));
        };
        let inplace = arg & BinaryOp::INPLACE != 0;
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinaryOp::And => return Ok(Value::Bool(*x & *y)),
                BinaryOp::Or => return Ok(Value::Bool(*x | *y)),
                BinaryOp::Xor => return Ok(Value::Bool(*x ^ *y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            let float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
            if !(float
                && matches!(
                    op,
                    BinaryOp::LShift
                        | BinaryOp::RShift
                        | BinaryOp::And
                        | BinaryOp::Or
                        | BinaryOp::Xor
                        | BinaryOp::MatMul
                ))
            {
                return self.num_binop(op, &x, &y);
            }
        }
        if let Some(r) = self.seq_binop(op, inplace, a, b)? {
            return Ok(r);
        }
        let (name, rname, iname) = dunder_for(op);
        if inplace {
            if let Some(r) = self.call_dunder(a, iname, std::slice::from_ref(b))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if inst_base(a).is_some() || inst_base(b).is_some() {
            let x = inst_base(a).unwrap_or_else(|| a.clone());
            let y = inst_base(b).unwrap_or_else(|| b.clone());
            return self.binary_op(arg & 15, &x, &y);
        }
        if op == BinaryOp::Mul {
            let seq = |v: &Value| {
                v.as_str().is_some()
                    || matches!(
                        v.body(),
                        Some(Object::List(_) | Object::Tuple(_) | Object::Bytes(_))
                    )
            };
            if seq(a) && !matches!(b.body(), Some(Object::Instance(_))) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(b)
                )));
            }
            if seq(b) && !matches!(a.body(), Some(Object::Instance(_))) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(a)
                )));
            }
        }
        if op == BinaryOp::Add && matches!(a.body(), Some(Object::Bytes(_))) && b.as_str().is_some()
        {
            return Err(self.type_error("can't concat str to bytes"));
        }
        if op == BinaryOp::Add && a.as_str().is_some() {
            return Err(self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            )));
        }
        if op == BinaryOp::Add {
            if let Some(Object::List(_)) = a.body() {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                )));
            }
            if let Some(Object::Tuple(_)) = a.body() {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                )));
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        let sym = if op == BinaryOp::Pow {
            if inplace {
                "**=".to_string()
            } else {
                "** or pow()".to_string()
            }
        } else {
            sym
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.type_name(a),
            self.type_name(b)
        )))
    }

    pub fn num_binop(&mut self, op: BinaryOp, x: &Num, y: &Num) -> PyResult<Value> {
        use BinaryOp::*;
        let lib = |vm: &Vm, e: error::LibError| vm.lib_err(e);
        let is_float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
        if is_float {
            if matches!(op, LShift | RShift | And | Or | Xor | MatMul) {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    if matches!(x, Num::F(_)) {
                        "float"
                    } else {
                        "int"
                    },
                    if matches!(y, Num::F(_)) {
                        "float"
                    } else {
                        "int"
                    }
                )));
            }
            let a = num_to_f64(self, x)?;
            let b = num_to_f64(self, y)?;
            return Ok(Value::Float(match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                TrueDiv => number::float_div(a, b).map_err(|e| lib(self, e))?,
                FloorDiv => number::float_floordiv(a, b).map_err(|e| lib(self, e))?,
                Mod => number::float_mod(a, b).map_err(|e| lib(self, e))?,
                Pow => {
                    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                        // CPython returns a complex number here; complex is unsupported.
                        return Err(self.value_error("math domain error"));
                    }
                    number::float_pow(a, b).map_err(|e| lib(self, e))?
                }
                _ => 0.0,
            }));
        }
        if let (Num::I(a), Num::I(b)) = (x, y) {
            let (a, b) = (*a, *b);
            let fast = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                FloorDiv => number::floordiv_i64(a, b).map_err(|e| lib(self, e))?,
                Mod => Some(number::mod_i64(a, b).map_err(|e| lib(self, e))?),
                TrueDiv => {
                    return Ok(Value::Float(
                        number::int_true_div_i64(a, b).map_err(|e| lib(self, e))?,
                    ))
                }
                Pow => {
                    if b < 0 {
                        let r = number::int_pow(&BigInt::from(a), &BigInt::from(b), None)
                            .map_err(|e| lib(self, e))?;
                        return Ok(match r {
                            number::Num::Int(i) => Vm::int_from_big(i),
                            number::Num::Float(f) => Value::Float(f),
                        });
                    }
                    number::pow_i64(a, b)
                }
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if b < 63 && (a.unsigned_abs() >> (62 - b)) == 0 {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                MatMul => {
                    return Err(
                        self.type_error("unsupported operand type(s) for @: 'int' and 'int'")
                    )
                }
            };
            if let Some(r) = fast {
                return Ok(Value::Int(r));
            }
        }
        let a = to_big(x);
        let b = to_big(y);
        let r = match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            FloorDiv => number::floordiv_big(&a, &b).map_err(|e| lib(self, e))?,
            Mod => number::mod_big(&a, &b).map_err(|e| lib(self, e))?,
            TrueDiv => {
                return Ok(Value::Float(
                    number::int_true_div(&a, &b).map_err(|e| lib(self, e))?,
                ))
            }
            Pow => match number::int_pow(&a, &b, None).map_err(|e| lib(self, e))? {
                number::Num::Int(i) => i,
                number::Num::Float(f) => return Ok(Value::Float(f)),
            },
            And => a & b,
            Or => a | b,
            Xor => a ^ b,
            LShift => number::shift_left_big(&a, &b).map_err(|e| lib(self, e))?,
            RShift => number::shift_right_big(&a, &b).map_err(|e| lib(self, e))?,
            MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        };
        Ok(Vm::int_from_big(r))
    }

    fn repeat_count(&self, n: &Value) -> Option<i64> {
        match n {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    fn seq_binop(
        &mut self,
        op: BinaryOp,
        inplace: bool,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        match op {
            BinaryOp::Add => {
                if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                    let mut s = String::with_capacity(x.len() + y.len());
                    s.push_str(x);
                    s.push_str(y);
                    return Ok(Some(Vm::str_val(s)));
                }
                match (a.body(), b.body()) {
                    (Some(Object::List(x)), Some(Object::List(y))) => {
                        if inplace {
                            let y = y.clone();
                            if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                                x.extend(y);
                            }
                            return Ok(Some(a.clone()));
                        }
                        let mut v = x.clone();
                        v.extend(y.iter().cloned());
                        Ok(Some(Vm::new_list(v)))
                    }
                    (Some(Object::List(_)), Some(_)) if inplace => {
                        let items = self.collect(b)?;
                        if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                            x.extend(items);
                        }
                        Ok(Some(a.clone()))
                    }
                    (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
                        let mut v = x.to_vec();
                        v.extend(y.iter().cloned());
                        Ok(Some(Vm::new_tuple(v)))
                    }
                    (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => {
                        let mut v = x.to_vec();
                        v.extend_from_slice(y);
                        Ok(Some(Value::obj(Object::Bytes(v.into_boxed_slice().into()))))
                    }
                    _ => Ok(None),
                }
            }
            BinaryOp::Mul => {
                let is_seq = |v: &Value| {
                    v.as_str().is_some()
                        || matches!(
                            v.body(),
                            Some(Object::List(_) | Object::Tuple(_) | Object::Bytes(_))
                        )
                };
                let is_big = |v: &Value| matches!(v.body(), Some(Object::BigInt(_)));
                if (is_seq(a) && is_big(b)) || (is_seq(b) && is_big(a)) {
                    return Err(self.err(
                        ExcKind::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
                let (seq, n) = if let Some(n) = self.repeat_count(b) {
                    (a, n)
                } else if let Some(n) = self.repeat_count(a) {
                    (b, n)
                } else {
                    return Ok(None);
                };
                let n = n.max(0) as usize;
                let unit = match seq.body() {
                    Some(Object::List(l)) => l.len() * 16,
                    Some(Object::Tuple(t)) => t.len() * 16,
                    Some(Object::Bytes(b)) => b.len(),
                    _ => seq.as_str().map(|s| s.len()).unwrap_or(0),
                };
                let total = unit.checked_mul(n);
                if seq.as_str().is_some() && total.is_none_or(|t| t > isize::MAX as usize) {
                    return Err(self.err(ExcKind::OverflowError, "repeated string is too long"));
                }
                if total.is_none_or(|t| t > MAX_ALLOC) {
                    return Err(self.err_empty(ExcKind::MemoryError));
                }
                if let Some(s) = seq.as_str() {
                    return Ok(Some(Vm::str_val(s.repeat(n))));
                }
                match seq.body() {
                    Some(Object::List(l)) => {
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        if inplace && seq.is(a) {
                            if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                                *x = v;
                            }
                            return Ok(Some(a.clone()));
                        }
                        Ok(Some(Vm::new_list(v)))
                    }
                    Some(Object::Tuple(l)) => {
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        Ok(Some(Vm::new_tuple(v)))
                    }
                    Some(Object::Bytes(bs)) => Ok(Some(Value::obj(Object::Bytes(
                        bs.repeat(n).into_boxed_slice().into(),
                    )))),
                    _ => Ok(None),
                }
            }
            BinaryOp::Mod => {
                if let Some(fmt) = a.as_str() {
                    let fmt = fmt.to_string();
                    return Ok(Some(self.percent_format(&fmt, b)?));
                }
                Ok(None)
            }
            BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor => {
                let is_set =
                    |v: &Value| matches!(v.body(), Some(Object::Set(_) | Object::FrozenSet(_)));
                let is_view = |v: &Value| {
                    matches!(
                        v.body(),
                        Some(Object::DictView {
                            kind: ViewKind::Keys | ViewKind::Items,
                            ..
                        })
                    )
                };
                if (is_set(a) || is_view(a))
                    && (is_set(b) || is_view(b))
                    && (is_view(a) || is_view(b))
                {
                    let ai = self.collect(a)?;
                    let sa = self.build_set(ai)?;
                    let bi = self.collect(b)?;
                    let sb = self.build_set(bi)?;
                    return Ok(Some(self.set_algebra(op, &sa, &sb)?));
                }
                if is_set(a) && is_set(b) {
                    if inplace && matches!(a.body(), Some(Object::Set(_))) {
                        self.set_inplace(op, a, b)?;
                        return Ok(Some(a.clone()));
                    }
                    return Ok(Some(self.set_algebra(op, a, b)?));
                }
                if op == BinaryOp::Or {
                    if let (Some(Object::Dict(_)), Some(Object::Dict(_))) = (a.body(), b.body()) {
                        if inplace {
                            self.dict_update(a, b, false)?;
                            return Ok(Some(a.clone()));
                        }
                        let copy = match a.body() {
                            Some(Object::Dict(d)) => d.clone(),
                            _ => Dict::new(),
                        };
                        let r = Vm::new_dict(copy);
                        self.dict_update(&r, b, false)?;
                        return Ok(Some(r));
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `|`, `&`, `-`, `^` on sets, with CPython's construction order (`setobject.c`).
    pub fn set_algebra(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
        let frozen = matches!(a.body(), Some(Object::FrozenSet(_)));
        let set_of = |v: &Value| match v.body() {
            Some(Object::Set(s) | Object::FrozenSet(s)) => Some(s.clone()),
            _ => None,
        };
        let copy = |s: &Set| {
            let mut r = Set::new();
            r.merge(s, &mut key_eq);
            r
        };
        let aset = set_of(a).unwrap_or_default();
        let result = match op {
            BinaryOp::Or => {
                let mut r = copy(&aset);
                match set_of(b) {
                    Some(bs) => {
                        r.merge(&bs, &mut key_eq);
                        Value::obj(Object::Set(r))
                    }
                    None => {
                        let r = Value::obj(Object::Set(r));
                        for k in self.collect(b)? {
                            self.set_add(&r, k)?;
                        }
                        r
                    }
                }
            }
            BinaryOp::And => {
                let r = Value::obj(Object::Set(Set::new()));
                let blen = self.len_of(b)?;
                let (small, other) = if blen > aset.len() {
                    (aset.keys(), b.as_obj().cloned())
                } else {
                    (self.collect(b)?, a.as_obj().cloned())
                };
                if let Some(other) = other {
                    for k in small {
                        if self.set_contains(&other, &k)? {
                            self.set_add(&r, k)?;
                        }
                    }
                }
                r
            }
            BinaryOp::Sub => {
                let blen = self.len_of(b)?;
                if (aset.len() >> 2) > blen {
                    let r = Value::obj(Object::Set(copy(&aset)));
                    if let Some(ro) = r.as_obj().cloned() {
                        for k in self.collect(b)? {
                            self.set_remove(&ro, &k)?;
                        }
                    }
                    r
                } else {
                    let r = Value::obj(Object::Set(Set::new()));
                    if let Some(bo) = b.as_obj().cloned() {
                        for k in aset.keys() {
                            if !self.set_contains(&bo, &k)? {
                                self.set_add(&r, k)?;
                            }
                        }
                    }
                    r
                }
            }
            _ => {
                let bset = match set_of(b) {
                    Some(s) => s,
                    None => {
                        let items = self.collect(b)?;
                        match self.build_set(items)?.body() {
                            Some(Object::Set(s)) => s.clone(),
                            _ => Set::new(),
                        }
                    }
                };
                let r = Value::obj(Object::Set(copy(&bset)));
                if let Some(ro) = r.as_obj().cloned() {
                    for k in aset.keys() {
                        if !self.set_remove(&ro, &k)? {
                            self.set_add(&r, k)?;
                        }
                    }
                }
                r
            }
        };
        if frozen {
            if let Some(Object::Set(s)) = result.body() {
                return Ok(Value::obj(Object::FrozenSet(s.clone())));
            }
        }
        Ok(result)
    }

    /// `|=`, `-=`, `^=` mutate in place as CPython does; `&=` replaces the table.
    pub fn set_inplace(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<()> {
        let Some(ao) = a.as_obj().cloned() else {
            return Ok(());
        };
        match op {
            BinaryOp::Or => {
                if let Some(Object::Set(bs) | Object::FrozenSet(bs)) = b.body() {
                    let bs = bs.clone();
                    if let Object::Set(s) = ao.get_mut() {
                        s.merge(&bs, &mut key_eq);
                    }
                } else {
                    for k in self.collect(b)? {
                        self.set_add(a, k)?;
                    }
                }
            }
            BinaryOp::Sub => {
                for k in self.collect(b)? {
                    self.set_remove(&ao, &k)?;
                }
            }
            BinaryOp::Xor => {
                for k in self.collect(b)? {
                    if !self.set_remove(&ao, &k)? {
                        self.set_add(a, k)?;
                    }
                }
            }
            _ => {
                let r = self.set_algebra(op, a, b)?;
                if let Some(Object::Set(new)) = r.body() {
                    let new = new.clone();
                    if let Object::Set(s) = ao.get_mut() {
                        *s = new;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn unary_neg(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(match i.checked_neg() {
                Some(r) => Value::Int(r),
                None => Vm::int_from_big(-BigInt::from(i)),
            }),
            Some(Num::B(b)) => Ok(Vm::int_from_big(-b.clone())),
            Some(Num::F(f)) => Ok(Value::Float(-f)),
            None => match self.call_dunder(a, "__neg__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary -: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }

    pub fn unary_pos(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(Value::Int(i)),
            Some(_) => Ok(a.clone()),
            None => match self.call_dunder(a, "__pos__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary +: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }

    pub fn unary_invert(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(Value::Int(!i)),
            Some(Num::B(b)) => Ok(Vm::int_from_big(-b.clone() - 1)),
            _ => match self.call_dunder(a, "__invert__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary ~: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
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
            Object::DictView { dict, kind } => {
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
            Object::Bytes(b) => match item {
                Value::Int(i) => Ok(b.contains(&(*i as u8)) && (0..256).contains(i)),
                _ => match item.body() {
                    Some(Object::Bytes(sub)) => {
                        Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                    }
                    _ => Err(self.type_error("a bytes-like object is required")),
                },
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
                for x in self.collect(container)? {
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

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> PyResult<usize> {
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
                Object::Range { start, stop, step } => {
                    if let (Value::Int(a), Value::Int(b), Value::Int(c)) = (start, stop, step) {
                        return Ok(range_len(*a, *b, *c) as usize);
                    }
                    let big = |x: &Value| match num_of(x) {
                        Some(n) => to_big(&n),
                        None => BigInt::zero(),
                    };
                    let (a, b, c) = (big(start), big(stop), big(step));
                    let n = if c.is_positive() && a < b {
                        (&b - &a + &c - 1) / &c
                    } else if c.is_negative() && a > b {
                        (&a - &b - &c - 1) / (-&c)
                    } else {
                        BigInt::zero()
                    };
                    return match n.to_usize() {
                        Some(n) => Ok(n),
                        None => Err(self.err(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        )),
                    };
                }
                Object::Instance(i)
                    if !i.base.is_null()
                        && self.lookup_user_attr(&i.class, "__len__").is_none() =>
                {
                    let b = i.base.clone();
                    return self.len_of(&b);
                }
                Object::Instance(_) => {
                    if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                        return match r {
                            Value::Int(i) if i >= 0 => Ok(i as usize),
                            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                            _ => Err(self.type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(&r)
                            ))),
                        };
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
                _ => match self.call_dunder(v, "__index__", &[])? {
                    Some(Value::Int(i)) => Ok(i),
                    _ => Err(self.type_error(format!(
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
    fn check_sequence_index(&mut self, key: &Value, what: &str) -> PyResult<()> {
        if (num_of(key).is_none() && !matches!(key.body(), Some(Object::Instance(_))))
            || matches!(key, Value::Float(_))
        {
            return Err(self.type_error(format!(
                "{what} indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        }
        Ok(())
    }

    fn norm_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_of(key)?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.err(ExcKind::IndexError, format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    fn is_slice(v: &Value) -> bool {
        matches!(v.body(), Some(Object::Slice { .. }))
    }

    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
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
                    let v: Vec<Value> = (0..count)
                        .map(|k| l[(start + k as i64 * step) as usize].clone())
                        .collect();
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
                let i = self.norm_index(key, len, "index")?;
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
                let (Value::Int(a), Value::Int(b), Value::Int(c)) = (start, stop, step) else {
                    let big = |x: &Value| match num_of(x) {
                        Some(n) => to_big(&n),
                        None => BigInt::zero(),
                    };
                    let (a, e, c) = (big(start), big(stop), big(step));
                    let len = if c.is_positive() && a < e {
                        (&e - &a + &c - 1) / &c
                    } else if c.is_negative() && a > e {
                        (&a - &e - &c - 1) / (-&c)
                    } else {
                        BigInt::zero()
                    };
                    let i = match num_of(key) {
                        Some(Num::I(i)) => BigInt::from(i),
                        Some(Num::B(b)) => b.clone(),
                        _ => {
                            return Err(self.type_error(format!(
                                "range indices must be integers or slices, not {}",
                                self.type_name(key)
                            )))
                        }
                    };
                    let j = if i.is_negative() { &i + &len } else { i };
                    if j.is_negative() || j >= len {
                        return Err(
                            self.err(ExcKind::IndexError, "range object index out of range")
                        );
                    }
                    return Ok(Vm::int_from_big(a + c * j));
                };
                let (a, b, c) = (*a, *b, *c);
                let len = range_len(a, b, c) as usize;
                if Vm::is_slice(key) {
                    let (s, e, st, _) = self.slice_indices(key, len)?;
                    let ns = a + s * c;
                    let nstep = c * st;
                    let nstop = a + e * c;
                    return Ok(Value::obj(Object::Range {
                        start: Value::Int(ns),
                        stop: Value::Int(nstop),
                        step: Value::Int(nstep),
                    }));
                }
                let i = self.norm_index(key, len, "range object")?;
                Ok(Value::Int(a + i as i64 * c))
            }
            Object::Instance(_) => {
                match self.call_dunder(container, "__getitem__", std::slice::from_ref(key))? {
                    Some(v) => Ok(v),
                    None if inst_base(container).is_some() => {
                        let b = inst_base(container).unwrap_or(Value::None);
                        self.getitem(&b, key)
                    }
                    None => Err(self.type_error(format!(
                        "'{}' object is not subscriptable",
                        self.type_name(container)
                    ))),
                }
            }
            Object::Class(_) => {
                // `list[int]` style generic aliases: return the class itself.
                Ok(container.clone())
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
                    let items = self.collect(&value)?;
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
            return Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(container)
            )));
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
                    None => Err(self.type_error(format!(
                        "'{}' object doesn't support item deletion",
                        self.type_name(container)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(container)
            ))),
        }
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
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
                    if s.text.is_ascii() {
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
                    kind: ViewKind::Keys,
                },
                Object::DictView { dict, kind } => {
                    let len = match dict.get() {
                        Object::Dict(d) => d.len(),
                        _ => 0,
                    };
                    Iter::Dict {
                        dict: dict.clone(),
                        index: 0,
                        len,
                        kind: *kind,
                    }
                }
                Object::Set(s) | Object::FrozenSet(s) => Iter::Snapshot {
                    items: s.keys(),
                    index: 0,
                    source: Some(o.clone()),
                    len: s.len(),
                },
                Object::Range { start, stop, step } => match (start, stop, step) {
                    (Value::Int(a), Value::Int(b), Value::Int(c)) => Iter::Range {
                        next: *a,
                        stop: *b,
                        step: *c,
                    },
                    _ => {
                        let big = |x: &Value| match num_of(x) {
                            Some(n) => to_big(&n),
                            None => BigInt::zero(),
                        };
                        Iter::BigRange {
                            next: big(start),
                            stop: big(stop),
                            step: big(step),
                        }
                    }
                },
                Object::Iter(_) | Object::Generator(_) => return Ok(v.clone()),
                Object::Instance(_) => {
                    if let Some(r) = self.call_dunder(v, "__iter__", &[])? {
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

    fn not_iterable(&self, v: &Value) -> ObjRef {
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
            Enumerate(Value, Value),
            Zip(Vec<Value>),
            Map(Value, Vec<Value>),
            Filter(Value, Value),
            Gen,
            User,
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
                        Object::List(l) => {
                            let r = l.get(*index).cloned();
                            *index += 1;
                            Step::Done(r)
                        }
                        Object::Tuple(t) => {
                            let r = t.get(*index).cloned();
                            *index += 1;
                            Step::Done(r)
                        }
                        Object::Bytes(b) => {
                            let r = b.get(*index).map(|x| Value::Int(*x as i64));
                            *index += 1;
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
                            *index += 1;
                            Step::SeqUser(seq.clone(), i)
                        }
                        _ => Step::Done(None),
                    },
                    _ => Step::Done(None),
                },
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
                    while *index < entries.len() {
                        let e = &entries[*index];
                        *index += 1;
                        if !e.key.is_null() {
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
                Iter::Zip { its } => Step::Zip(its.clone()),
                Iter::Map { func, its } => Step::Map(func.clone(), its.clone()),
                Iter::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
                Iter::Reversed { seq, index } => {
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
            Object::Generator(_) => Step::Gen,
            Object::Instance(_) => Step::User,
            _ => {
                return Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )))
            }
        };
        match step {
            Step::Done(r) => Ok(r),
            Step::Gen => match self.gen_resume(&o, Value::None, None)? {
                crate::vm::eval::Exit::Yield(v) => Ok(Some(v)),
                crate::vm::eval::Exit::Return(_) => Ok(None),
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
            Step::Zip(its) => {
                let mut out = Vec::with_capacity(its.len());
                for i in &its {
                    match self.next(i)? {
                        Some(v) => out.push(v),
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
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
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

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 + step as i128 - 1) / step as i128) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))) as i64
    } else {
        0
    }
}

#[allow(dead_code)]
fn _unused(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
