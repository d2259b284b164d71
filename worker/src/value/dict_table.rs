//! The insertion-ordered dict: CPython's compact layout (an entries vector in insertion order
//! plus an open-addressed index table). Key equality is supplied by the caller as a closure, so
//! this module knows nothing about Python semantics beyond "equal keys have equal hashes".

use crate::value::object::{Object, PyStr};
use crate::value::Value;
use permafrost_semantics::hash;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// One slot of the entries vector; a deleted entry has `key == Value::Null`.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// A boxed slice (it never grows in place) so that `keys_seen` fits beside it.
    table: Box<[u32]>,
    /// One bit per key ever placed in the index since it was last emptied (`seen_bit` of
    /// its hash): a clear bit proves a key absent without probing, which is how an
    /// attribute read that goes past an instance's own dict to its class usually ends.
    keys_seen: u64,
    /// Live entries (`u32` with `head` keeps the struct, and every `Object`, at its size).
    len: u32,
    /// Every entry before this index is deleted: front removals and iteration start here,
    /// so `OrderedDict`'s FIFO use (`popitem(last=False)`, `move_to_end(k, last=False)`)
    /// does not rescan the deleted prefix.
    head: u32,
}

/// The bit of `keys_seen` for a hash: its top six bits (the index uses the low ones).
#[inline(always)]
fn seen_bit(hash: i64) -> u64 {
    1u64 << ((hash as u64) >> 58)
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// No entry before this index is live (iterators may start here).
    pub fn first_index(&self) -> usize {
        self.head as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries in insertion order, including deleted ones (`key` is `Null`); indices are stable
    /// until the next insertion that resizes.
    pub fn raw_entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries[(self.head as usize).min(self.entries.len())..]
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (&e.key, &e.value))
    }

    fn find_slot(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<(usize, u32)> {
        self.find_slot_with(hash, eq)
    }

    /// `find_slot` monomorphised for the key test, so hot lookups (attribute names) inline it
    /// instead of calling through a `dyn` pointer on every probe.
    #[inline]
    fn find_slot_with<F: FnMut(&Value) -> bool + ?Sized>(
        &self,
        hash: i64,
        eq: &mut F,
    ) -> Option<(usize, u32)> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let idx = self.table[i];
            if idx == EMPTY {
                return None;
            }
            if idx != DELETED {
                let e = &self.entries[idx as usize];
                if e.hash == hash && eq(&e.key) {
                    return Some((i, idx));
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Whether a key with this hash may be in the dict; `false` proves it absent. Only the
    /// attribute-name lookups ask (`dict_get_h`, `dict_find_h`), where misses are common (an
    /// instance dict asked for a method name); a general lookup usually hits, and would pay
    /// for the test on every hit.
    #[inline(always)]
    pub fn may_hold(&self, hash: i64) -> bool {
        self.keys_seen & seen_bit(hash) != 0
    }

    /// The entry index of a key.
    pub fn find(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        self.find_slot(hash, eq).map(|(_, idx)| idx as usize)
    }

    /// `get` with a statically known key test (see `find_slot_with`).
    #[inline]
    pub fn get_with<F: FnMut(&Value) -> bool>(&self, hash: i64, mut eq: F) -> Option<&Value> {
        self.find_slot_with(hash, &mut eq)
            .map(|(_, i)| &self.entries[i as usize].value)
    }

    pub fn get(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<&Value> {
        self.find(hash, eq).map(|i| &self.entries[i].value)
    }

    /// Inserts or replaces; returns the previous value.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: &mut dyn FnMut(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(idx) = self.find(hash, eq) {
            return Some(std::mem::replace(&mut self.entries[idx].value, value));
        }
        if (self.entries.len() + 1) * 3 >= self.table.len() * 2 {
            self.rebuild((self.len() + 1) * 3, 0);
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.place(hash, idx);
        if self.len == 0 {
            self.head = idx;
        }
        self.len += 1;
        None
    }

    /// Inserts a key known to be absent *before* every other entry (`OrderedDict`'s
    /// `move_to_end(key, last=False)`). Amortized O(1): a rebuild leaves a deleted prefix as
    /// large as the dict for later front inserts to fill.
    pub fn insert_first(&mut self, hash: i64, key: Value, value: Value) {
        if self.head == 0 {
            let gap = self.len().max(8);
            self.rebuild((self.len() + gap + 1) * 2, gap);
        }
        let idx = self.head - 1;
        self.entries[idx as usize] = Entry { hash, key, value };
        self.place(hash, idx);
        self.head = idx;
        self.len += 1;
    }

    fn place(&mut self, hash: i64, idx: u32) {
        self.keys_seen |= seen_bit(hash);
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.table[i] == EMPTY || self.table[i] == DELETED {
                self.table[i] = idx;
                return;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Compacts the entries behind a deleted prefix of `gap` entries and rebuilds the index
    /// for at least `want` entries.
    fn rebuild(&mut self, want: usize, gap: usize) {
        let mut size = 8;
        while size * 2 < want * 3 {
            size *= 2;
        }
        let live = std::mem::take(&mut self.entries);
        self.entries.reserve(gap + self.len());
        self.entries.resize(
            gap,
            Entry {
                hash: 0,
                key: Value::Null,
                value: Value::Null,
            },
        );
        self.entries
            .extend(live.into_iter().filter(|e| !e.key.is_null()));
        self.head = gap as u32;
        self.table = vec![EMPTY; size].into_boxed_slice();
        // Only the live keys are placed again, so the deleted ones' bits go.
        self.keys_seen = 0;
        for i in gap..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
    }

    pub fn remove(
        &mut self,
        hash: i64,
        eq: &mut dyn FnMut(&Value) -> bool,
    ) -> Option<(Value, Value)> {
        let (slot, idx) = self.find_slot(hash, eq)?;
        self.table[slot] = DELETED;
        let e = &mut self.entries[idx as usize];
        let key = std::mem::replace(&mut e.key, Value::Null);
        let value = std::mem::replace(&mut e.value, Value::Null);
        self.len -= 1;
        if self.len == 0 {
            // The entries stay (all deleted) so that a key added next lands after them, where
            // an iterator still running finds it: CPython's "keys changed during iteration".
            self.head = self.entries.len() as u32;
            self.table.iter_mut().for_each(|s| *s = EMPTY);
            self.keys_seen = 0;
        } else if idx == self.head {
            self.skip_deleted_head();
        }
        Some((key, value))
    }

    /// Moves `head` past deleted entries after the entry at `head` was removed.
    fn skip_deleted_head(&mut self) {
        let mut h = self.head as usize;
        while h < self.entries.len() && self.entries[h].key.is_null() {
            h += 1;
        }
        self.head = h as u32;
    }

    /// Removes and returns the oldest entry (`OrderedDict.popitem(last=False)`).
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let idx =
            (self.head as usize..self.entries.len()).find(|&i| !self.entries[i].key.is_null())?;
        let slot = self.slot_of(idx)?;
        self.table[slot] = DELETED;
        let e = &mut self.entries[idx];
        let key = std::mem::replace(&mut e.key, Value::Null);
        let value = std::mem::replace(&mut e.value, Value::Null);
        self.len -= 1;
        self.head = idx as u32 + 1;
        if self.len == 0 {
            self.entries.clear();
            self.head = 0;
            self.table.iter_mut().for_each(|s| *s = EMPTY);
            self.keys_seen = 0;
        } else {
            self.skip_deleted_head();
        }
        Some((key, value))
    }

    /// The index-table slot that points at entry `idx`.
    fn slot_of(&self, idx: usize) -> Option<usize> {
        let hash = self.entries[idx].hash;
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.table[i] == idx as u32 {
                return Some(i);
            }
            if self.table[i] == EMPTY {
                return None;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Removes and returns the most recently inserted entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let idx = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let i = self.slot_of(idx)?;
        self.table[i] = DELETED;
        let e = &mut self.entries[idx];
        let key = std::mem::replace(&mut e.key, Value::Null);
        let value = std::mem::replace(&mut e.value, Value::Null);
        self.len -= 1;
        self.entries.truncate(idx);
        if self.len == 0 {
            self.head = 0;
        }
        Some((key, value))
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

/// Inlined into the dispatch loop's attribute fast paths.
#[inline(always)]
pub fn dict_get_h<'a>(d: &'a Dict, hash: i64, name: &str) -> Option<&'a Value> {
    if !d.may_hold(hash) {
        return None;
    }
    d.get_with(hash, |k| match k {
        // Names from the image compare by record address first (the common case: the same
        // attribute name constant stored and loaded).
        Value::Str(s) if std::ptr::eq(s.as_str().as_ptr(), name.as_ptr()) => {
            s.as_str().len() == name.len()
        }
        _ => k.as_str() == Some(name),
    })
}

/// Whether `k` is the str `name` (an image name compares by record address first).
#[inline(always)]
pub fn is_str_key(k: &Value, name: &str) -> bool {
    match k {
        Value::Str(s) => {
            let t = s.as_str();
            t.len() == name.len() && (std::ptr::eq(t.as_ptr(), name.as_ptr()) || t == name)
        }
        _ => k.as_str() == Some(name),
    }
}

impl Dict {
    /// The value of entry `i` if its key is the str `name`: a remembered position checked
    /// against the key itself, so a wrong guess costs one comparison and is never wrong.
    #[inline(always)]
    pub fn hinted(&self, i: u32, name: &str) -> Option<&Value> {
        let e = self.entries.get(i as usize)?;
        is_str_key(&e.key, name).then_some(&e.value)
    }

    /// `hinted`, for rebinding the value in place.
    #[inline(always)]
    pub fn hinted_mut(&mut self, i: u32, name: &str) -> Option<&mut Value> {
        let e = self.entries.get_mut(i as usize)?;
        if is_str_key(&e.key, name) {
            Some(&mut e.value)
        } else {
            None
        }
    }

    /// The value of entry `i` (what `find` returned).
    #[inline(always)]
    pub fn value_at(&self, i: usize) -> Option<&Value> {
        self.entries.get(i).map(|e| &e.value)
    }

    /// `value_at`, for rebinding the value in place.
    #[inline(always)]
    pub fn value_at_mut(&mut self, i: usize) -> Option<&mut Value> {
        self.entries.get_mut(i).map(|e| &mut e.value)
    }
}

/// The entry index of str key `name` (hash `hash`), for caches keyed by position.
#[inline]
pub fn dict_find_h(d: &Dict, hash: i64, name: &str) -> Option<usize> {
    if !d.may_hold(hash) {
        return None;
    }
    let (_, idx) = d.find_slot_with(hash, &mut |k: &Value| match k {
        Value::Str(s) if std::ptr::eq(s.as_str().as_ptr(), name.as_ptr()) => {
            s.as_str().len() == name.len()
        }
        _ => k.as_str() == Some(name),
    })?;
    Some(idx as usize)
}

pub fn dict_set_str(d: &mut Dict, name: &str, v: Value) {
    d.insert(
        str_hash_of(name),
        Value::obj(Object::Str(PyStr::new(name))),
        v,
        &mut |k| k.as_str() == Some(name),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq_int(k: i64) -> impl FnMut(&Value) -> bool {
        move |v| matches!(v, Value::Int(x) if *x == k)
    }

    #[test]
    fn keys_seen_never_hides_a_present_key() {
        // Hashes over every top-bit pattern (the filter's bits) and many low ones.
        let hashes: Vec<i64> = (0..400i64)
            .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15u64 as i64)) ^ (i << 58))
            .collect();
        let mut d = Dict::new();
        for (n, &h) in hashes.iter().enumerate() {
            d.insert(h, Value::Int(h), Value::Int(n as i64), &mut eq_int(h));
            for &g in &hashes[..=n] {
                assert!(d.may_hold(g) && d.get(g, &mut eq_int(g)).is_some());
            }
        }
        for &h in hashes.iter().step_by(3) {
            d.remove(h, &mut eq_int(h));
        }
        for (n, &h) in hashes.iter().enumerate() {
            assert_eq!(d.get(h, &mut eq_int(h)).is_some(), n % 3 != 0);
            assert!(n % 3 == 0 || d.may_hold(h));
        }
        while d.pop_first().is_some() {}
        assert_eq!(d.keys_seen, 0);
        let h = hashes[7];
        d.insert_first(h, Value::Int(h), Value::None);
        assert!(d.may_hold(h) && d.get(h, &mut eq_int(h)).is_some());
        assert!(d.get(hashes[8], &mut eq_int(hashes[8])).is_none());
    }

    #[test]
    fn insertion_order_and_removal() {
        let mut d = Dict::new();
        for k in [5i64, 1, 9, 3] {
            d.insert(k, Value::Int(k), Value::Int(k * 10), &mut eq_int(k));
        }
        assert_eq!(d.len(), 4);
        d.remove(1, &mut eq_int(1));
        let keys: Vec<i64> = d
            .iter()
            .map(|(k, _)| if let Value::Int(i) = k { *i } else { -1 })
            .collect();
        assert_eq!(keys, vec![5, 9, 3]);
        assert!(d.get(9, &mut eq_int(9)).is_some());
        assert!(d.get(1, &mut eq_int(1)).is_none());
        for k in 0..100i64 {
            d.insert(k, Value::Int(k), Value::None, &mut eq_int(k));
        }
        assert_eq!(d.len(), 100);
        let (k, _) = d.pop_last().expect("non-empty");
        assert!(matches!(k, Value::Int(99)));
    }
}
