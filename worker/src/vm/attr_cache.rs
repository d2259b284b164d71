//! Per-instruction caches of class attribute lookups (`LOAD_ATTR`, `LOAD_METHOD`).
//!
//! Each code object's side table (`CodeInfo::attr_sites`, per-worker memory, never the image)
//! gets one entry per instruction once one of its attribute instructions first fills it. An
//! entry records which class it was filled for (by address), the type epoch at that moment,
//! and where along that class's MRO the name was found: the MRO position and the index of the
//! entry in that class's dict. While the epoch is unchanged no class dict or MRO anywhere has
//! changed and no class was freed (`value::object::ClassDict`), so the location still holds
//! the first hit of the name and reading it replaces the walk over the MRO with one probe per
//! class. Anything else (another class, a newer epoch) walks the MRO and refills the entry.

use crate::value::heap::ObjRef;
use crate::value::object::{type_epoch, Class, Object};
use crate::value::Value;

/// One instruction's cached lookup (`class == 0`: empty), and where the attribute was last
/// found in an instance's own dict (instances built alike keep their attributes at the same
/// entry positions; the position is checked against the entry's key on every use).
#[derive(Clone, Copy)]
pub struct AttrSite {
    class: usize,
    epoch: u64,
    depth: u32,
    entry: u32,
    pub inst_entry: u32,
}

impl Default for AttrSite {
    fn default() -> AttrSite {
        AttrSite {
            class: 0,
            epoch: 0,
            depth: 0,
            entry: 0,
            inst_entry: u32::MAX,
        }
    }
}

/// Where instruction `at` last found its attribute in an instance dict (`u32::MAX`: unknown).
#[inline(always)]
pub fn inst_hint(sites: &[AttrSite], at: usize) -> u32 {
    sites.get(at).map_or(u32::MAX, |s| s.inst_entry)
}

/// Records that instruction `at` found its attribute at entry `i` of an instance dict.
#[inline]
pub fn set_inst_hint(sites: &mut Vec<AttrSite>, at: usize, code_len: usize, i: usize) {
    if sites.len() != code_len {
        sites.resize(code_len, AttrSite::default());
    }
    if let Some(s) = sites.get_mut(at) {
        s.inst_entry = i as u32;
    }
}

/// The first value bound to `name` along the MRO of `c` (the class at `cls`), through the
/// cache entry of instruction `at` (`code_len` instructions in its code object); a site that
/// sees several classes falls back to the per-worker `LookupCache`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn class_lookup<'a>(
    sites: &mut Vec<AttrSite>,
    global: &LookupCache,
    at: usize,
    code_len: usize,
    cls: &ObjRef,
    c: &'a Class,
    hash: i64,
    name: &str,
) -> Option<&'a Value> {
    if let Some(s) = sites.get(at) {
        if s.epoch == type_epoch() {
            if s.class == cls.addr() {
                return value_at(c, s.depth, s.entry);
            }
            // Filled for another class since the last change: a polymorphic site, left as
            // it is rather than refilled on every alternation.
            return global.lookup(cls, c, hash, name);
        }
    }
    fill(sites, global, at, code_len, cls, c, hash, name)
}

/// The value of entry `entry` of the dict of the class at MRO position `depth`.
#[inline(always)]
fn value_at(c: &Class, depth: u32, entry: u32) -> Option<&Value> {
    match c.mro.get(depth as usize).map(|k| k.get()) {
        Some(Object::Class(kc)) => kc.dict.raw_entries().get(entry as usize).map(|e| &e.value),
        _ => None,
    }
}

/// Finds `name` through the per-worker cache and records its location for instruction `at`
/// (a miss is not recorded).
#[allow(clippy::too_many_arguments)]
fn fill<'a>(
    sites: &mut Vec<AttrSite>,
    global: &LookupCache,
    at: usize,
    code_len: usize,
    cls: &ObjRef,
    c: &'a Class,
    hash: i64,
    name: &str,
) -> Option<&'a Value> {
    let (depth, entry) = global.locate(cls, c, hash, name)?;
    if sites.len() != code_len {
        sites.resize(code_len, AttrSite::default());
    }
    if let Some(s) = sites.get_mut(at) {
        s.class = cls.addr();
        s.epoch = type_epoch();
        s.depth = depth;
        s.entry = entry;
    }
    value_at(c, depth, entry)
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
