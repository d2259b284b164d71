//! Operators with CPython semantics, one file per protocol: truthiness, hashing, equality and
//! ordering here (numbers of mixed kinds, containers lexicographically, user dunders with
//! reflection); dict and set keys in [`keys`]; arithmetic in [`arith`] (small ints overflowing
//! into big ints, floor division and modulo of negatives, int/float mixing, sequence
//! concatenation and repetition, set algebra); `in`, `len` and subscripting with slices in
//! [`subscript`]; iteration and unpacking in [`iter`].

use crate::value::heap::ObjRef;
use crate::value::object::{Object, ViewKind};
use crate::value::Value;
use crate::vm::nest;
use crate::vm::{PyResult, Vm};
use num_traits::Zero;
use permafrost_image::opcode::{BinaryOp, CompareOp};
use permafrost_semantics::hash;
use std::cmp::Ordering;

mod arith;
mod iter;
mod keys;
mod matching;
mod subscript;

pub(crate) use crate::value::dict_table::str_hash_of;
pub(crate) use crate::value::num::{
    index_big, inst_base, num_cmp, num_of, num_to_f64, to_big, Num,
};

pub use crate::budget::MAX_ALLOC;

/// Structural equality of hashable built-in values, for dict and set keys (no interpreter
/// callbacks: user objects compare by identity here).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    key_eq_at(a, b, 0)
}

thread_local! {
    /// Set when `key_eq` gave up on keys nested deeper than the recursion limit (it has no
    /// `Vm` to raise with); the dict or set operation that called it raises the
    /// `RecursionError` (`Vm::check_key_depth`).
    static KEYS_TOO_DEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn key_eq_at(a: &Value, b: &Value, level: u32) -> bool {
    if a.is(b) {
        return true;
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return num_cmp(&x, &y) == Some(Ordering::Equal);
    }
    if let (Some(x), Some(y)) = (a.str_bytes(), b.str_bytes()) {
        return x == y;
    }
    if let Some(r) = crate::objects::complex::eq(a, b) {
        return r;
    }
    match (a.body(), b.body()) {
        (Some(Object::Tuple(_)), Some(Object::Tuple(_)))
        | (Some(Object::FrozenSet(_)), Some(Object::FrozenSet(_)))
            // Once too deep, give up at every level at once: a failed match makes the
            // table probe on, which would compare the same nest again and again.
            if level >= crate::vm::RECURSION_LIMIT
                || (level > 0 && KEYS_TOO_DEEP.with(|f| f.get())) =>
        {
            KEYS_TOO_DEEP.with(|f| f.set(true));
            false
        }
        (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|(p, q)| key_eq_at(p, q, level + 1))
        }
        (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => x == y,
        (
            Some(Object::BoundMethod {
                func: f,
                receiver: r,
            }),
            Some(Object::BoundMethod {
                func: g,
                receiver: s,
            }),
        ) => r.is(s) && f.is(g),
        (Some(Object::Range { .. }), Some(Object::Range { .. })) => {
            crate::objects::range::equal(a, b)
        }
        (Some(Object::FrozenSet(x)), Some(Object::FrozenSet(y))) => {
            x.len() == y.len()
                && x.entries()
                    .all(|(h, k)| y.contains(h, &mut |q| key_eq_at(k, q, level + 1)))
        }
        // A stored key that is an instance of a built-in type's subclass without an `__eq__`
        // of its own (a `StrEnum` member, `class S(str)`) equals what its built-in value
        // equals; one with its own `__eq__` is compared through it by the caller.
        (Some(Object::Instance(_)), _) | (_, Some(Object::Instance(_))) => {
            match (plain_base(a), plain_base(b)) {
                (None, None) => false,
                (x, y) => key_eq_at(
                    x.as_ref().unwrap_or(a),
                    y.as_ref().unwrap_or(b),
                    level + 1,
                ),
            }
        }
        _ => false,
    }
}

/// The built-in value inside an instance whose class compares as its built-in base does
/// (no program class in its MRO defines `__eq__`).
fn plain_base(v: &Value) -> Option<Value> {
    let Some(Object::Instance(i)) = v.body() else {
        return None;
    };
    if let Object::Class(c) = i.class.get() {
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                if !kc.builtin && crate::vm::attrs::dict_get_str(&kc.dict, "__eq__").is_some() {
                    return None;
                }
            }
        }
    }
    crate::value::num::inst_base(v)
}

pub(crate) fn dunder_for(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
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

/// Slots of `Vm::identity_eq_cache`.
pub(crate) const IDENTITY_EQ_SLOTS: usize = 64;

/// Whether a value's type may define operator methods in Python: an instance of a program
/// class, or a class whose metaclass is a program class.
#[inline]
fn has_dunders(v: &Value) -> bool {
    match v.body() {
        Some(Object::Instance(_)) => true,
        Some(Object::Class(c)) => c.metaclass.is_some(),
        _ => false,
    }
}

impl Vm {
    /// Whether `v` is an instance carrying no built-in value whose class inherits
    /// `object.__eq__` (and, for `ne`, `object.__ne__`): `==` or `!=` between two of them is
    /// identity, without calling either method.
    #[inline]
    fn identity_eq(&self, v: &Value, ne: bool) -> bool {
        let Some(Object::Instance(i)) = v.body() else {
            return false;
        };
        if !i.base.is_null() && !matches!(i.base.body(), Some(Object::Native(_))) {
            return false;
        }
        let Object::Class(c) = i.class.get() else {
            return false;
        };
        // (class address, type epoch, 1 | 2 if `__eq__` is object's | 4 if `__ne__` is).
        let slot = &self.identity_eq_cache[(i.class.addr() >> 4) % IDENTITY_EQ_SLOTS];
        let (addr, epoch, mut bits) = slot.get();
        if addr != i.class.addr() || epoch != crate::value::object::type_epoch() {
            let inherits = |name: &str, f: &'static crate::vm::native::NativeFn| {
                matches!(
                    self.lookup_cache.lookup(&i.class, c, str_hash_of(name), name),
                    Some(Value::Native(g)) if std::ptr::eq(*g, f)
                )
            };
            bits =
                1 | if inherits("__eq__", &crate::objects::object::EQ) {
                    2
                } else {
                    0
                } | if inherits("__ne__", &crate::objects::object::NE) {
                    4
                } else {
                    0
                };
            slot.set((i.class.addr(), crate::value::object::type_epoch(), bits));
        }
        bits & 2 != 0 && (!ne || bits & 4 != 0)
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Obj(o) => match o.get() {
                Object::Str(s) => s.char_len != 0,
                Object::List(l) => !l.is_empty(),
                Object::Tuple(t) => !t.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Set(s) | Object::FrozenSet(s) => !s.is_empty(),
                Object::Bytes(b) => !b.is_empty(),
                Object::BigInt(b) => !b.is_zero(),
                Object::Complex(re, im) => *re != 0.0 || *im != 0.0,
                Object::Range { .. } => crate::objects::range::nonempty(v),
                Object::DictView { dict, .. } => match dict.get() {
                    Object::Dict(d) => !d.is_empty(),
                    _ => false,
                },
                Object::Class(c) if c.metaclass.is_some() => {
                    if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                        return Ok(self.len_result(r)? != 0);
                    }
                    true
                }
                Object::Instance(_) => {
                    let cls = self.type_of(v);
                    if let Some(m) = self.lookup_class_attr(&cls, "__bool__") {
                        let r = self.call_special(&m, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) = self.lookup_class_attr(&cls, "__len__") {
                        let r = self.call_special(&m, v, &[])?;
                        return Ok(self.len_result(r)? != 0);
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

    /// `hash(v)` through the `__hash__` its type defines (`None` there: unhashable).
    fn hash_through(&mut self, v: &Value, hash_method: &Value) -> PyResult<i64> {
        if matches!(hash_method, Value::None) {
            return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))));
        }
        let mut r = self.call_special(hash_method, v, &[])?;
        // An int subclass's value is an int.
        if matches!(r.body(), Some(Object::Instance(_))) {
            if let Some(b) = inst_base(&r) {
                r = b;
            }
        }
        match num_of(&r) {
            // A result that fits is the hash itself (-1 is reserved for errors and becomes
            // -2); a larger int is hashed as an int.
            Some(Num::I(-1)) => Ok(-2),
            Some(Num::I(i)) => Ok(i),
            Some(Num::B(b)) => Ok(hash::hash_bigint(b)),
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
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
                Object::Complex(re, im) => permafrost_semantics::complex::hash((*re, *im)),
                Object::Tuple(_) => return self.hash_tuple(o),
                Object::Bytes(b) => hash::hash_str(permafrost_image::str_hash(b)),
                Object::FrozenSet(s) => {
                    let hs: Vec<i64> = s.entries().map(|(h, _)| h).collect();
                    hash::frozenset_hash(&hs)
                }
                Object::Range { .. } => return crate::objects::range::hash(self, v),
                Object::CodeRef(c) | Object::DynCode { index: c, .. } => {
                    crate::objects::code::hash(self, *c)
                }
                Object::Code(h) => crate::objects::code::hash(self, h.index),
                Object::List(_) | Object::Dict(_) | Object::Set(_) | Object::Slice { .. } => {
                    return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                }
                Object::Class(c) if c.metaclass.is_some() => {
                    let meta = self.type_of(v);
                    match self.lookup_user_attr(&meta, "__hash__") {
                        Some(m) => return self.hash_through(v, &m),
                        None => (o.addr() >> 4) as i64,
                    }
                }
                Object::Instance(_) => {
                    let cls = self.type_of(v);
                    if let Some(b) = inst_base(v) {
                        if self.lookup_user_attr(&cls, "__hash__").is_none() {
                            // A tuple subclass may nest instances of itself.
                            return self.nested(nest::CALL, |vm| vm.hash(&b));
                        }
                    }
                    match self.lookup_class_attr(&cls, "__hash__") {
                        Some(m) => return self.hash_through(v, &m),
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
                // Equal bound methods (same function, same object) hash alike.
                Object::BoundMethod { func, receiver } => {
                    let (func, receiver) = (func.clone(), receiver.clone());
                    ((receiver.id() >> 4) as i64) ^ self.hash(&func)?
                }
                _ => (o.addr() >> 4) as i64,
            },
            other => (other.id() >> 4) as i64,
        })
    }

    /// The hash of a tuple. CPython hashes a tuple nest as deep as its C stack allows with
    /// no recursion check, so nested tuples are walked with an explicit stack here: any
    /// depth gives CPython's hash, never a `RecursionError` or a host stack overflow.
    fn hash_tuple(&mut self, t: &ObjRef) -> PyResult<i64> {
        // Each level: the tuple, the next item to hash, the item hashes so far.
        let mut levels: Vec<(ObjRef, usize, Vec<i64>)> = vec![(t.clone(), 0, Vec::new())];
        loop {
            let Some((tuple, next, _)) = levels.last() else {
                return Ok(0);
            };
            let item = match tuple.get() {
                Object::Tuple(items) => items.get(*next).cloned(),
                _ => None,
            };
            let h = match item {
                None => {
                    let Some((_, _, hs)) = levels.pop() else {
                        return Ok(0);
                    };
                    let h = hash::hash_tuple(hs.into_iter());
                    if levels.is_empty() {
                        return Ok(h);
                    }
                    h
                }
                Some(x) => match self.tuple_to_hash(&x) {
                    Some(inner) => {
                        levels.push((inner, 0, Vec::new()));
                        continue;
                    }
                    None => self.hash(&x)?,
                },
            };
            if let Some((_, next, hs)) = levels.last_mut() {
                hs.push(h);
                *next += 1;
            }
        }
    }

    /// After a dict or set operation compared keys with `key_eq`: the `RecursionError`
    /// CPython raises when the keys nest deeper than the recursion limit.
    pub(crate) fn check_key_depth(&self) -> PyResult<()> {
        if KEYS_TOO_DEEP.with(|f| f.replace(false)) {
            return Err(self.err(
                crate::vm::ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{}", nest::COMPARE),
            ));
        }
        Ok(())
    }

    /// `check_key_depth` after comparing `key`, for the only keys that can nest.
    #[inline]
    pub(crate) fn check_key_depth_of(&self, key: &Value) -> PyResult<()> {
        if matches!(key.body(), Some(Object::Tuple(_) | Object::FrozenSet(_))) {
            return self.check_key_depth();
        }
        Ok(())
    }

    /// The tuple whose hash is `v`'s: `v` itself, or the tuple inside an instance of a tuple
    /// subclass that does not define `__hash__`.
    fn tuple_to_hash(&self, v: &Value) -> Option<ObjRef> {
        let o = v.as_obj()?;
        match o.get() {
            Object::Tuple(_) => Some(o.clone()),
            Object::Instance(i) if matches!(i.base.body(), Some(Object::Tuple(_))) => {
                let cls = self.type_of(v);
                if self.lookup_user_attr(&cls, "__hash__").is_some() {
                    return None;
                }
                i.base.as_obj().cloned()
            }
            _ => None,
        }
    }

    /// Calls a dunder found on `v`'s class; `None` when the class has no such method.
    pub fn call_dunder(
        &mut self,
        v: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let found = match v.body() {
            Some(Object::Instance(_)) => {
                let cls = self.type_of(v);
                self.lookup_class_attr(&cls, name)
            }
            // A class whose program metaclass defines the method.
            Some(Object::Class(c)) => match &c.metaclass {
                Some(meta) => self.lookup_user_attr(meta, name),
                None => None,
            },
            _ => None,
        };
        match found {
            Some(m) => Ok(Some(self.call_special(&m, v, args)?)),
            None => Ok(None),
        }
    }

    /// Calls the special method `m` found on `v`'s type as CPython's special lookup does: a
    /// function (or a built-in that binds) gets `v` first, a descriptor's `__get__` gives
    /// what is called (and may raise), and a callable that is no descriptor (a `partial`, a
    /// callable instance) is called without `v`.
    pub(crate) fn call_special(&mut self, m: &Value, v: &Value, args: &[Value]) -> PyResult<Value> {
        if matches!(m.body(), Some(Object::Function(_)))
            || matches!(m, Value::Native(n) if n.binds())
        {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(v.clone());
            all.extend_from_slice(args);
            return self.call(m, &all, &[]);
        }
        let cls = self.type_of(v);
        self.nested(crate::vm::nest::CALL, |vm| {
            let bound = vm.bind_attr(m.clone(), v, &cls)?;
            vm.call(&bound, args, &[])
        })
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Float(x), Value::Float(y)) => return Ok(x == y),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.str_bytes(), b.str_bytes()) {
            return Ok(x == y);
        }
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        if let Some(r) = crate::objects::complex::eq(a, b) {
            return Ok(r);
        }
        if self.identity_eq(a, false) && self.identity_eq(b, false) {
            return Ok(a.is(b));
        }
        if has_dunders(a) || has_dunders(b) {
            if let Some(r) = self.rich_dunders(a, b, "__eq__", "__eq__")? {
                return self.truthy(&r);
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
        // Containers compare their items: nested or self-containing ones recurse.
        self.nested(nest::COMPARE, |vm| vm.eq_builtin(a, b))
    }

    /// `a == b` for two values of built-in types (after the identity and number fast paths).
    fn eq_builtin(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a.body(), b.body()) {
            // Bound methods: the same function bound to the same object (CPython 3.8+).
            (
                Some(Object::BoundMethod {
                    func: f,
                    receiver: r,
                }),
                Some(Object::BoundMethod {
                    func: g,
                    receiver: s,
                }),
            ) => Ok(r.is(s) && f.is(g)),
            (Some(Object::List(_)), Some(Object::List(_)))
            | (Some(Object::Tuple(_)), Some(Object::Tuple(_))) => {
                let x = self.seq_items(a);
                let y = self.seq_items(b);
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if !p.is(q) && !self.eq(p, q)? {
                        return Ok(false);
                    }
                }
                Ok(true)
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
            (
                Some(Object::CodeRef(_) | Object::DynCode { .. } | Object::Code(_)),
                Some(Object::CodeRef(_) | Object::DynCode { .. } | Object::Code(_)),
            ) => match (
                crate::objects::code::code_index(a),
                crate::objects::code::code_index(b),
            ) {
                (Some(x), Some(y)) => crate::objects::code::equal(self, x, y),
                _ => Ok(false),
            },
            (Some(Object::Range { .. }), Some(Object::Range { .. })) => {
                Ok(crate::objects::range::equal(a, b))
            }
            (Some(Object::Slice { .. }), Some(Object::Slice { .. })) => {
                let (x, y) = (subscript::as_tuple(a), subscript::as_tuple(b));
                self.eq(&x, &y)
            }
            (Some(Object::DictView { kind, .. }), other)
            | (other, Some(Object::DictView { kind, .. })) => {
                // Values views compare by identity; keys and items views compare as sets,
                // with sets and with each other.
                let setlike = |o: Option<&Object>| match o {
                    Some(Object::Set(_) | Object::FrozenSet(_)) => true,
                    Some(Object::DictView { kind, .. }) => *kind != ViewKind::Values,
                    _ => false,
                };
                if *kind == ViewKind::Values || !setlike(other) {
                    return Ok(false);
                }
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

    /// The first answer other than `NotImplemented` of `a.name(b)` and the reflected
    /// `b.rname(a)`; the reflected one goes first when `b`'s type is a proper subclass of
    /// `a`'s (CPython's `do_richcompare`).
    fn rich_dunders(
        &mut self,
        a: &Value,
        b: &Value,
        name: &str,
        rname: &str,
    ) -> PyResult<Option<Value>> {
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let reflected_first = !ta.ptr_eq(&tb) && Vm::is_subclass(&tb, &ta);
        // A built-in number on the left answers for itself against a number subclass that
        // does not subclass its type (`1.5 < IntSubclass(2)` never asks the subclass).
        if !reflected_first && num_of(a).is_some() && matches!(b.body(), Some(Object::Instance(_)))
        {
            // An int compares only with ints here; a float subclass on the right is asked.
            let int_left = !matches!(num_of(a), Some(Num::F(_)));
            if let Some(bb) = inst_base(b).filter(|bb| {
                num_of(bb).is_some() && !(int_left && matches!(num_of(bb), Some(Num::F(_))))
            }) {
                let op = match name {
                    "__eq__" => CompareOp::Eq,
                    "__ne__" => CompareOp::Ne,
                    "__lt__" => CompareOp::Lt,
                    "__le__" => CompareOp::Le,
                    "__gt__" => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                return Ok(Some(self.compare(op, a, &bb)?));
            }
        }
        let order = if reflected_first {
            [(b, rname, a), (a, name, b)]
        } else {
            [(a, name, b), (b, rname, a)]
        };
        for (x, n, y) in order {
            if let Some(r) = self.call_dunder(x, n, std::slice::from_ref(y))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// Rich comparison producing a value (user `__lt__` may return anything).
    pub fn compare(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CompareOp::Eq | CompareOp::Ne => {
                let ne = op == CompareOp::Ne;
                if self.identity_eq(a, ne) && self.identity_eq(b, ne) {
                    return Ok(Value::Bool(a.is(b) != ne));
                }
                if has_dunders(a) || has_dunders(b) {
                    let (name, rname) = if op == CompareOp::Eq {
                        ("__eq__", "__eq__")
                    } else {
                        ("__ne__", "__ne__")
                    };
                    if let Some(r) = self.rich_dunders(a, b, name, rname)? {
                        return Ok(r);
                    }
                    if inst_base(a).is_some() || inst_base(b).is_some() {
                        let e = self.eq(a, b)?;
                        return Ok(Value::Bool(e == (op == CompareOp::Eq)));
                    }
                    // Neither side answered: identity, as CPython's default.
                    return Ok(Value::Bool(a.is(b) != ne));
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
                if let Some(r) = self.rich_dunders(a, b, name, rname)? {
                    return Ok(r);
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
    pub(crate) fn tuple_less_than(&mut self, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
        let len_of = |o: &ObjRef| match o.get() {
            Object::Tuple(t) => t.len(),
            _ => 0,
        };
        let (alen, blen) = (len_of(a), len_of(b));
        let r = self.nested(nest::COMPARE, |vm| {
            vm.tuple_less_than_items(a, b, alen.min(blen))
        })?;
        Ok(match r {
            Some(decided) => decided,
            None => alen < blen,
        })
    }

    /// The deciding comparison among the first `n` items of two tuples, if any differ.
    pub(crate) fn tuple_less_than_items(
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
    pub(crate) fn order_builtin(
        &mut self,
        op: CompareOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
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
        // Wide bytes order as their code points do.
        if let (Some(x), Some(y)) = (a.str_bytes(), b.str_bytes()) {
            return Ok(Some(pick(x.cmp(y))));
        }
        // Containers order by their items: nested ones recurse.
        self.nested(nest::COMPARE, |vm| vm.order_containers(op, a, b))
    }

    /// Ordering of two lists, tuples, bytes or sets; `None` for other types.
    fn order_containers(&mut self, op: CompareOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let pick = |o: Ordering| match op {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        };
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
            (Some(Object::Slice { .. }), Some(Object::Slice { .. })) => {
                let (x, y) = (subscript::as_tuple(a), subscript::as_tuple(b));
                self.order_builtin(op, &x, &y)
            }
            (
                Some(Object::Set(_) | Object::FrozenSet(_)),
                Some(Object::Set(_) | Object::FrozenSet(_)),
            ) => {
                if let (
                    Some(Object::Set(x) | Object::FrozenSet(x)),
                    Some(Object::Set(y) | Object::FrozenSet(y)),
                ) = (a.body(), b.body())
                {
                    use crate::vm::ops::arith::{plain_keys, plain_subset};
                    // Only the keys looked up in the other set need to be plain.
                    let (sub, sup, strict) = match op {
                        CompareOp::Le => (x, y, false),
                        CompareOp::Lt => (x, y, true),
                        CompareOp::Ge => (y, x, false),
                        _ => (y, x, true),
                    };
                    if plain_keys(sub) {
                        return Ok(Some(
                            (!strict || sub.len() < sup.len()) && plain_subset(sub, sup),
                        ));
                    }
                }
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
            // Keys and items views order as sets, against sets and each other.
            (Some(Object::DictView { .. }), _) | (_, Some(Object::DictView { .. })) => {
                let setlike = |o: Option<&Object>| match o {
                    Some(Object::Set(_) | Object::FrozenSet(_)) => true,
                    Some(Object::DictView { kind, .. }) => *kind != ViewKind::Values,
                    _ => false,
                };
                if !setlike(a.body()) || !setlike(b.body()) {
                    return Ok(None);
                }
                let as_set = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
                    if matches!(v.body(), Some(Object::DictView { .. })) {
                        let items = vm.collect(v)?;
                        vm.build_set(items)
                    } else {
                        Ok(v.clone())
                    }
                };
                let (x, y) = (as_set(self, a)?, as_set(self, b)?);
                self.order_builtin(op, &x, &y)
            }
            _ => Ok(None),
        }
    }
}
