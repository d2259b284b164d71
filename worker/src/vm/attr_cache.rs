//! Per-instruction caches of class attribute lookups (`LOAD_ATTR`, `LOAD_METHOD`).
//!
//! `SiteCache` is one direct-mapped table per worker (made on first use, in the worker's own
//! memory: never the image, and never the inherited code side tables, whose pages a write
//! would copy in every worker), keyed by the address of the attribute instruction. An entry
//! records which class it was filled for (by address), the type epoch at that moment, and
//! where along that class's MRO the name was found: the MRO position and the index of the
//! entry in that class's dict. While the epoch is unchanged no class dict or MRO anywhere has
//! changed and no class was freed (`value::object::ClassDict`), so the location still holds
//! the first hit of the name; it is checked against the dict entry's own key on every use, so
//! two instructions sharing a slot (or a freed code object's address reused) only miss.
//! Anything else (another class, a newer epoch) walks the MRO and refills the entry. The table
//! has a fixed size, so a worker's cache memory does not grow with the code it runs.

use std::cell::{Cell, OnceCell};

use crate::value::heap::ObjRef;
use crate::value::object::{type_epoch, Class, Object};
use crate::value::Value;

/// Entries of the per-worker site table (a power of two; 56 bytes each).
const SITE_SLOTS: usize = 1024;

/// One instruction's cached lookups for up to two classes (`class == 0`: empty; both filled
/// at `epoch`), and where the attribute was last found in an instance's own dict (instances
/// built alike keep their attributes at the same entry positions; the position is checked
/// against the entry's key on every use).
#[derive(Clone, Copy)]
struct AttrSite {
    key: usize,
    class: usize,
    epoch: u64,
    depth: u32,
    entry: u32,
    inst_entry: u32,
    /// A second class seen at the same instruction (a site reading an attribute of
    /// instances of two classes, such as a method both subclasses inherit).
    depth2: u32,
    entry2: u32,
    class2: usize,
}

impl AttrSite {
    const EMPTY: AttrSite = AttrSite {
        key: 0,
        class: 0,
        epoch: 0,
        depth: 0,
        entry: 0,
        inst_entry: u32::MAX,
        depth2: 0,
        entry2: 0,
        class2: 0,
    };
}

/// The key of the attribute instruction at `at` in `words`: its address.
#[inline(always)]
pub fn site_key<T>(words: &[T], at: usize) -> usize {
    words.as_ptr().wrapping_add(at) as usize
}

/// The per-worker table of attribute instruction sites.
#[derive(Default)]
pub struct SiteCache {
    slots: OnceCell<Box<[Cell<AttrSite>]>>,
}

impl SiteCache {
    #[inline(always)]
    fn index(key: usize) -> usize {
        ((key as u64 >> 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - SITE_SLOTS.trailing_zeros())) as usize
    }

    #[inline(always)]
    fn get(&self, key: usize) -> Option<AttrSite> {
        let s = self.slots.get()?.get(Self::index(key))?.get();
        (s.key == key).then_some(s)
    }

    /// The slot of `key`, emptied first if another instruction held it.
    #[inline]
    fn update(&self, key: usize, f: impl FnOnce(&mut AttrSite)) {
        let slots = self
            .slots
            .get_or_init(|| vec![Cell::new(AttrSite::EMPTY); SITE_SLOTS].into_boxed_slice());
        if let Some(cell) = slots.get(Self::index(key)) {
            let mut s = cell.get();
            if s.key != key {
                s = AttrSite {
                    key,
                    ..AttrSite::EMPTY
                };
            }
            f(&mut s);
            cell.set(s);
        }
    }

    /// Where instruction `key` last found its attribute in an instance dict (`u32::MAX`:
    /// unknown).
    #[inline(always)]
    pub fn inst_hint(&self, key: usize) -> u32 {
        self.get(key).map_or(u32::MAX, |s| s.inst_entry)
    }

    /// Records that instruction `key` found its attribute at entry `i` of an instance dict.
    #[inline]
    pub fn set_inst_hint(&self, key: usize, i: usize) {
        self.update(key, |s| s.inst_entry = i as u32);
    }
}

/// The first value bound to `name` along the MRO of `c` (the class at `cls`), through the
/// site of instruction `key`, which remembers two classes; a third class at the same site
/// replaces the second, found through the per-worker `LookupCache`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn class_lookup<'a>(
    sites: &SiteCache,
    global: &LookupCache,
    key: usize,
    cls: &ObjRef,
    c: &'a Class,
    hash: i64,
    name: &str,
) -> Option<&'a Value> {
    if let Some(s) = sites.get(key) {
        if s.epoch == type_epoch() {
            let addr = cls.addr();
            if s.class == addr {
                if let Some(v) = value_named(c, s.depth, s.entry, name) {
                    return Some(v);
                }
            } else if s.class2 == addr {
                if let Some(v) = value_named(c, s.depth2, s.entry2, name) {
                    return Some(v);
                }
            }
        }
    }
    fill(sites, global, key, cls, c, hash, name)
}

/// The value of entry `entry` of the dict of the class at MRO position `depth`, if that
/// entry's key is `name`.
#[inline(always)]
fn value_named<'a>(c: &'a Class, depth: u32, entry: u32, name: &str) -> Option<&'a Value> {
    match c.mro.get(depth as usize).map(|k| k.get()) {
        Some(Object::Class(kc)) => kc
            .dict
            .raw_entries()
            .get(entry as usize)
            .filter(|e| crate::value::dict_table::is_str_key(&e.key, name))
            .map(|e| &e.value),
        _ => None,
    }
}

/// Finds `name` through the per-worker cache and records its location for instruction `key`
/// (a miss is not recorded): as the site's second class when its first is another class
/// filled at the current epoch, else as its first (forgetting the second).
fn fill<'a>(
    sites: &SiteCache,
    global: &LookupCache,
    key: usize,
    cls: &ObjRef,
    c: &'a Class,
    hash: i64,
    name: &str,
) -> Option<&'a Value> {
    let (depth, entry) = global.locate(cls, c, hash, name)?;
    let class = cls.addr();
    let epoch = type_epoch();
    sites.update(key, |s| {
        if s.epoch == epoch && s.class != 0 && s.class != class {
            s.class2 = class;
            s.depth2 = depth;
            s.entry2 = entry;
        } else {
            s.class = class;
            s.epoch = epoch;
            s.depth = depth;
            s.entry = entry;
            s.class2 = 0;
        }
    });
    value_at(c, depth, entry)
}

/// The value of entry `entry` of the dict of the class at MRO position `depth`.
#[inline(always)]
fn value_at(c: &Class, depth: u32, entry: u32) -> Option<&Value> {
    match c.mro.get(depth as usize).map(|k| k.get()) {
        Some(Object::Class(kc)) => kc.dict.raw_entries().get(entry as usize).map(|e| &e.value),
        _ => None,
    }
}

/// Slots of the per-worker lookup cache (a power of two).
const LOOKUP_SLOTS: usize = 256;

/// One entry of the lookup cache: where `name` was found along `class`'s MRO (`entry ==
/// u32::MAX`: nowhere), valid at `epoch`.
#[derive(Default)]
struct LookupEntry {
    class: usize,
    epoch: u64,
    hash: i64,
    depth: u32,
    entry: u32,
    /// A lookup among program classes only (`Vm::lookup_user_attr`).
    user: bool,
    /// The name of a miss (a hit is checked against the dict entry's own key).
    missed: Option<Box<str>>,
}

/// A direct-mapped cache of class attribute lookups by (class, name), for lookups that are
/// not tied to one instruction (special methods, `__init__`, `getattr`). Lives in the worker's
/// memory, made on first use.
#[derive(Default)]
pub struct LookupCache {
    slots: std::cell::RefCell<Vec<LookupEntry>>,
}

impl LookupCache {
    #[inline(always)]
    fn index(cls: &ObjRef, hash: i64, user: bool) -> usize {
        ((cls.addr() >> 4) ^ (hash as usize) ^ (user as usize)) & (LOOKUP_SLOTS - 1)
    }

    /// Where the first hit of `name` (hash `hash`) along the MRO of `c`, the class at `cls`,
    /// is: (MRO position, dict entry index); `None` if no class binds it.
    #[inline]
    pub fn locate(&self, cls: &ObjRef, c: &Class, hash: i64, name: &str) -> Option<(u32, u32)> {
        self.locate_in(cls, c, hash, name, false)
    }

    /// `locate`, among program classes only when `user` (built-in classes of the MRO skipped).
    #[inline]
    fn locate_in(
        &self,
        cls: &ObjRef,
        c: &Class,
        hash: i64,
        name: &str,
        user: bool,
    ) -> Option<(u32, u32)> {
        {
            let slots = self.slots.borrow();
            if let Some(e) = slots.get(Self::index(cls, hash, user)) {
                if e.class == cls.addr()
                    && e.epoch == type_epoch()
                    && e.hash == hash
                    && e.user == user
                {
                    if e.entry == u32::MAX {
                        if e.missed.as_deref() == Some(name) {
                            return None;
                        }
                    } else if let Some(Object::Class(kc)) =
                        c.mro.get(e.depth as usize).map(|k| k.get())
                    {
                        // A hit is checked against the entry's own key.
                        if let Some(en) = kc.dict.raw_entries().get(e.entry as usize) {
                            if crate::value::dict_table::is_str_key(&en.key, name) {
                                return Some((e.depth, e.entry));
                            }
                        }
                    }
                }
            }
        }
        self.fill(cls, c, hash, name, user)
    }

    /// Walks the MRO of `c` for `name` and records the outcome.
    fn fill(
        &self,
        cls: &ObjRef,
        c: &Class,
        hash: i64,
        name: &str,
        user: bool,
    ) -> Option<(u32, u32)> {
        let mut found = None;
        for (depth, k) in c.mro.iter().enumerate() {
            let Object::Class(kc) = k.get() else {
                continue;
            };
            if user && kc.builtin {
                continue;
            }
            if let Some(i) = crate::value::dict_table::dict_find_h(&kc.dict, hash, name) {
                found = Some((depth as u32, i as u32));
                break;
            }
        }
        let mut slots = self.slots.borrow_mut();
        if slots.is_empty() {
            slots.resize_with(LOOKUP_SLOTS, LookupEntry::default);
        }
        let e = &mut slots[Self::index(cls, hash, user)];
        e.class = cls.addr();
        e.epoch = type_epoch();
        e.hash = hash;
        e.user = user;
        match found {
            Some((depth, entry)) => {
                e.depth = depth;
                e.entry = entry;
                e.missed = None;
            }
            None => {
                e.entry = u32::MAX;
                e.missed = Some(name.into());
            }
        }
        found
    }

    /// The first value bound to `name` along the MRO of `c`, the class at `cls`.
    #[inline]
    pub fn lookup<'a>(
        &self,
        cls: &ObjRef,
        c: &'a Class,
        hash: i64,
        name: &str,
    ) -> Option<&'a Value> {
        let (depth, entry) = self.locate(cls, c, hash, name)?;
        value_at(c, depth, entry)
    }

    /// `lookup` among program classes only.
    #[inline]
    pub fn lookup_user<'a>(
        &self,
        cls: &ObjRef,
        c: &'a Class,
        hash: i64,
        name: &str,
    ) -> Option<&'a Value> {
        let (depth, entry) = self.locate_in(cls, c, hash, name, true)?;
        value_at(c, depth, entry)
    }
}
