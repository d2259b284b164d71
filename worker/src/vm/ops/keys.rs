//! Dict and set keys: hashing a key, resolving user `__eq__` against stored keys, and the
//! dict and set operations built on them.

use super::*;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::{ExcKind, PyResult, Vm};

/// `key_eq` for a probe that runs no user code, noting a stored key that would (its
/// `__eq__` may still find the probe equal).
fn plain_key_eq(stored: &Value, key: &Value, user_stored: &mut bool) -> bool {
    if key_eq(stored, key) {
        return true;
    }
    if Vm::needs_user_eq(stored) {
        *user_stored = true;
    }
    false
}

impl Vm {
    /// Key equality for dicts and sets: structural for built-ins; user `__eq__` is honoured
    /// by resolving the key to an existing stored key first (see `find_key`).
    pub(crate) fn key_matches(&mut self, stored: &Value, key: &Value) -> PyResult<bool> {
        let same = key_eq(stored, key);
        self.check_key_depth_of(key)?;
        if same {
            return Ok(true);
        }
        if Vm::needs_user_eq(key) || Vm::needs_user_eq(stored) {
            return self.eq(stored, key);
        }
        Ok(false)
    }

    /// Finds the stored key equal to `key` (honouring user `__eq__`), returning a value that
    /// `key_eq` accepts (the stored key itself).
    pub(crate) fn canonical_key(&mut self, candidates: Vec<Value>, key: &Value) -> PyResult<Value> {
        for c in candidates {
            if self.key_matches(&c, key)? {
                return Ok(c);
            }
        }
        Ok(key.clone())
    }

    /// Whether comparing `key` may run a user `__eq__` (or needs the interpreter, as code
    /// objects do): an instance, or a tuple or frozenset holding one at any depth.
    pub(crate) fn needs_user_eq(key: &Value) -> bool {
        fn holds_instance(v: &Value, depth: u32) -> bool {
            match v.body() {
                // Code objects compare by content, which needs the interpreter's code table.
                Some(
                    Object::Instance(_)
                    | Object::CodeRef(_)
                    | Object::DynCode { .. }
                    | Object::Code(_),
                ) => true,
                // Deeper than any real key: assume the worst (the slow path is still right).
                Some(Object::Tuple(_) | Object::FrozenSet(_)) if depth > 64 => true,
                Some(Object::Tuple(t)) => t.iter().any(|x| holds_instance(x, depth + 1)),
                Some(Object::FrozenSet(s)) => s.iter().any(|x| holds_instance(x, depth + 1)),
                _ => false,
            }
        }
        holds_instance(key, 0)
    }

    /// Looks up `key` in a dict object.
    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        if !Vm::needs_user_eq(key) {
            // One probe; a stored key of equal hash with its own `__eq__` (a str probe
            // against an instance key) sends the lookup to the slow path.
            let mut user_stored = false;
            let found = match d.get() {
                Object::Dict(dict) => dict
                    .get(h, &mut |k| plain_key_eq(k, key, &mut user_stored))
                    .cloned(),
                _ => None,
            };
            if found.is_some() || !user_stored {
                self.check_key_depth_of(key)?;
                return Ok(found);
            }
        }
        let key = self.resolve_dict_key(d, h, key)?;
        let found = match d.get() {
            Object::Dict(dict) => dict.get(h, &mut |k| key_eq(k, &key)).cloned(),
            _ => None,
        };
        self.check_key_depth_of(&key)?;
        Ok(found)
    }

    pub(crate) fn resolve_dict_key(&mut self, d: &ObjRef, h: i64, key: &Value) -> PyResult<Value> {
        if !Vm::needs_user_eq(key) {
            let mut user_stored = false;
            let hit = match d.get() {
                Object::Dict(dict) => dict
                    .find(h, &mut |k| plain_key_eq(k, key, &mut user_stored))
                    .is_some(),
                _ => false,
            };
            if hit || !user_stored {
                return Ok(key.clone());
            }
        }
        // The keys of equal hash along `h`'s probe sequence, in the order CPython compares
        // them: the test collects each one and answers "not equal" to walk on.
        let mut cands: Vec<Value> = Vec::new();
        if let Object::Dict(dict) = d.get() {
            dict.find(h, &mut |k| {
                cands.push(k.clone());
                false
            });
        }
        self.canonical_key(cands, key)
    }

    pub fn dict_get_str(&mut self, d: &ObjRef, key: &str) -> PyResult<Option<Value>> {
        let h = str_hash_of(key);
        Ok(match d.get() {
            Object::Dict(dict) => dict.get(h, &mut |k| k.as_str() == Some(key)).cloned(),
            _ => None,
        })
    }

    /// `LOAD_NAME` in a class body: the namespace's entry for `name`, through
    /// `__getitem__` (and `__missing__`) when `__prepare__` returned another mapping.
    pub fn namespace_get(&mut self, ns: &ObjRef, name: &Value) -> PyResult<Option<Value>> {
        if matches!(ns.get(), Object::Dict(_)) {
            return self.dict_get_str(ns, name.as_str().unwrap_or(""));
        }
        match self.getitem(&Value::Obj(ns.clone()), name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn dict_set(&mut self, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        if !Vm::needs_user_eq(&key) {
            // One probe: a new entry placed beside a stored key of equal hash that defines
            // `__eq__` is taken back and the store redone on the slow path.
            let mut user_stored = false;
            let added = match d.get_mut() {
                Object::Dict(dict) => dict
                    .insert(h, key.clone(), value.clone(), &mut |k| {
                        plain_key_eq(k, &key, &mut user_stored)
                    })
                    .is_none(),
                _ => return Ok(()),
            };
            if !(added && user_stored) {
                return self.check_key_depth_of(&key);
            }
            if let Object::Dict(dict) = d.get_mut() {
                dict.remove(h, &mut |k| key_eq(k, &key));
            }
        }
        let key = self.resolve_dict_key(d, h, &key)?;
        if let Object::Dict(dict) = d.get_mut() {
            let k2 = key.clone();
            dict.insert(h, key, value, &mut |k| key_eq(k, &k2));
            self.check_key_depth_of(&k2)?;
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let key = self.resolve_dict_key(d, h, key)?;
        let found = match d.get_mut() {
            Object::Dict(dict) => dict.remove(h, &mut |k| key_eq(k, &key)).map(|(_, v)| v),
            _ => None,
        };
        self.check_key_depth_of(&key)?;
        Ok(found)
    }

    /// `d.update(m)` / `{**m}` (`merge`: a repeated key raises `KeyError(key)`, for `f(**m)`).
    pub fn dict_update(&mut self, d: &Value, m: &Value, merge: bool) -> PyResult<()> {
        let Some(dobj) = d.as_obj().cloned() else {
            return Ok(());
        };
        // A dict subclass is read straight from its storage unless it overrides
        // `__iter__` (CPython's `PyDict_Merge`): its `keys()` and `__getitem__` are not asked.
        let storage = match m.body() {
            Some(Object::Instance(i))
                if matches!(i.base.body(), Some(Object::Dict(_)))
                    && self
                        .lookup_user_attr(&self.type_of(m), "__iter__")
                        .is_none() =>
            {
                Some(i.base.clone())
            }
            _ => None,
        };
        let m = storage.as_ref().unwrap_or(m);
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
                        let kv = match self.get_iter(&item) {
                            Ok(it) => self.collect(&it)?,
                            Err(e) if self.exc_matches(&e, ExcKind::TypeError) => {
                                return Err(self.type_error(format!(
                                    "cannot convert dictionary update sequence element #{} to a sequence",
                                    out.len()
                                )))
                            }
                            Err(e) => return Err(e),
                        };
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
                // As CPython's `_PyDict_MergeEx`: the caller words the error for the call.
                let cls = self.exc_class(ExcKind::KeyError);
                return Err(self.make_exc(&cls, vec![k]));
            }
            self.dict_set(&dobj, k, v)?;
        }
        Ok(())
    }

    pub(crate) fn resolve_set_key(&mut self, s: &ObjRef, h: i64, key: &Value) -> PyResult<Value> {
        if !Vm::needs_user_eq(key) {
            return Ok(key.clone());
        }
        // As for dicts: the keys of equal hash along the probe sequence, not a scan.
        let mut cands: Vec<Value> = Vec::new();
        if let Object::Set(set) | Object::FrozenSet(set) = s.get() {
            set.contains(h, &mut |k| {
                cands.push(k.clone());
                false
            });
        }
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
            self.check_key_depth_of(&k2)?;
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &ObjRef, v: &Value) -> PyResult<bool> {
        let Some(frozen) = self.set_key_retry(v)? else {
            return self.set_contains(s, &Self::as_frozen(v));
        };
        let h = frozen;
        let v = self.resolve_set_key(s, h, v)?;
        let found = match s.get() {
            Object::Set(set) | Object::FrozenSet(set) => set.contains(h, &mut |k| key_eq(k, &v)),
            _ => false,
        };
        self.check_key_depth_of(&v)?;
        Ok(found)
    }

    pub fn set_remove(&mut self, s: &ObjRef, v: &Value) -> PyResult<bool> {
        let Some(h) = self.set_key_retry(v)? else {
            return self.set_remove(s, &Self::as_frozen(v));
        };
        let v = self.resolve_set_key(s, h, v)?;
        let found = match s.get_mut() {
            Object::Set(set) => set.remove(h, &mut |k| key_eq(k, &v)).is_some(),
            _ => false,
        };
        self.check_key_depth_of(&v)?;
        Ok(found)
    }

    /// The hash of a set-membership key; `None` when the key is an (unhashable) set, which
    /// CPython's `in`, `remove` and `discard` look up as the equal frozenset.
    fn set_key_retry(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match self.hash(v) {
            Ok(h) => Ok(Some(h)),
            Err(e) if matches!(v.body(), Some(Object::Set(_))) => {
                drop(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// A frozenset with the items of set `v`.
    fn as_frozen(v: &Value) -> Value {
        match v.body() {
            Some(Object::Set(s)) => Value::obj(Object::FrozenSet(s.clone())),
            _ => v.clone(),
        }
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
        self.check_key_depth()?;
        Ok(Value::obj(Object::Set(out)))
    }

    pub fn build_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = Value::obj(Object::Set(Set::new()));
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(s)
    }
}
