//! The set table, emulating CPython's `Objects/setobject.c` (linear probes of 9, perturb shift
//! 5, fill/used accounting, dummies, the same resize rule) so that iteration order matches
//! CPython for keys whose hashes match CPython's (ints, floats, bools, tuples of those).

use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active { hash: i64, key: Value },
}

#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

impl Set {
    pub fn new() -> Set {
        Set {
            // An empty set's table is written by whoever fills it: placed with its body.
            table: crate::value::heap::apart(|| vec![Slot::Unused; MIN_SIZE]),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Active keys in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active { key, .. } => Some(key),
            _ => None,
        })
    }

    /// Active entries with their hashes, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.used);
        out.extend(self.iter().cloned());
        out
    }

    fn lookup(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return None,
                    Slot::Active { hash: h, key } if *h == hash && eq(key) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn contains(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> bool {
        self.lookup(hash, eq).is_some()
    }

    /// `set_add_entry`; returns whether the key was new.
    pub fn add(&mut self, hash: i64, key: Value, eq: &mut dyn FnMut(&Value) -> bool) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let target = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => break 'probe j,
                    Slot::Active { hash: h, key: k } => {
                        if *h == hash && eq(k) {
                            return false;
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        if let Some(free) = freeslot {
            self.used += 1;
            self.table[free] = Slot::Active { hash, key };
            return true;
        }
        self.fill += 1;
        self.used += 1;
        self.table[target] = Slot::Active { hash, key };
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
        true
    }

    /// `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// `set_insert_clean`: the table has no dummies and the key is known absent.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(self.table[i], Slot::Unused) {
                self.table[i] = Slot::Active { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(self.table[j], Slot::Unused) {
                        self.table[j] = Slot::Active { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_merge` from another set (copying keeps CPython's layout).
    pub fn merge(&mut self, other: &Set, eq_for: &mut dyn FnMut(&Value, &Value) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (hash, key) in other.entries() {
                self.insert_clean(hash, key.clone());
            }
            return;
        }
        for (hash, key) in other.entries() {
            let k2 = key.clone();
            self.add(hash, key.clone(), &mut |k| eq_for(k, &k2));
        }
    }

    /// `set_discard_entry`: returns the removed key.
    pub fn remove(&mut self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<Value> {
        let j = self.lookup(hash, eq)?;
        let old = std::mem::replace(&mut self.table[j], Slot::Dummy);
        self.used -= 1;
        match old {
            Slot::Active { key, .. } => Some(key),
            _ => None,
        }
    }

    /// `set.pop()`, with CPython's finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !matches!(self.table[j], Slot::Active { .. }) {
            j = (j + 1) & mask;
        }
        let old = std::mem::replace(&mut self.table[j], Slot::Dummy);
        self.used -= 1;
        self.finger = j + 1;
        match old {
            Slot::Active { key, .. } => Some(key),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_set(items: &[i64]) -> Set {
        let mut s = Set::new();
        for &k in items {
            s.add(
                permafrost_semantics::hash::hash_i64(k),
                Value::Int(k),
                &mut |v| matches!(v, Value::Int(x) if *x == k),
            );
        }
        s
    }

    fn ints(s: &Set) -> Vec<i64> {
        s.iter()
            .map(|v| if let Value::Int(i) = v { *i } else { -1 })
            .collect()
    }

    #[test]
    fn order_matches_cpython() {
        // CPython 3.11, adding one at a time: {3, 1, 2} -> {1, 2, 3}; 100, 5, 33, 8 -> {8, 33, 100, 5}
        assert_eq!(ints(&int_set(&[3, 1, 2])), vec![1, 2, 3]);
        assert_eq!(ints(&int_set(&[100, 5, 33, 8])), vec![8, 33, 100, 5]);
        // set(range(20, 0, -3)) -> {2, 5, 8, 11, 14, 17, 20}
        assert_eq!(
            ints(&int_set(&[20, 17, 14, 11, 8, 5, 2])),
            vec![2, 5, 8, 11, 14, 17, 20]
        );
        // adding -1, -2, 7, 1000, 64 -> {64, 7, 1000, -2, -1}
        assert_eq!(
            ints(&int_set(&[-1, -2, 7, 1000, 64])),
            vec![64, 7, 1000, -2, -1]
        );
    }

    #[test]
    fn pop_and_remove() {
        let mut s = int_set(&[1, 2, 3]);
        assert!(s.remove(2, &mut |v| matches!(v, Value::Int(2))).is_some());
        assert_eq!(s.len(), 2);
        assert!(matches!(s.pop(), Some(Value::Int(1))));
        assert_eq!(ints(&s), vec![3]);
    }
}
