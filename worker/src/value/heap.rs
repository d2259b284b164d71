//! The heap: a refcounted object pointer with an inline header `{refcount, flags}` and an
//! immortal bit (PEP 683).
//!
//! Why not `Rc<RefCell<_>>`: `RefCell` writes its borrow flag on every read, so merely reading
//! an object inherited from the zygote would dirty its page in every worker. Here reading an
//! object writes nothing, and `clone`/`drop` of an immortal object only *read* the header. The
//! body sits in an `UnsafeCell`; the interpreter is single-threaded (`ObjRef` is neither `Send`
//! nor `Sync`) and follows one rule: a reference obtained from [`ObjRef::get`] or
//! [`ObjRef::get_mut`] is used within one expression or statement and never held across a call
//! back into the interpreter (which could reach and mutate the same object). Code that needs
//! an object's contents across a call clones the values out first.
//!
//! Container objects (those that can hold references) are *tracked* for the cycle collector
//! (`value/gc.rs`): each sits in one of four lists (generations 0–2 and the permanent one of
//! `gc.freeze`), and its header's flag word holds its generation and position there, so
//! untracking on free is a swap-remove. Immortal objects are never tracked, and the collector's
//! counts live in its own side table: collecting never writes an inherited object.
//!
//! A suspended generator whose last reference goes away is not freed at once: it is queued
//! (`take_finalizers`) so the interpreter can close it and run its `finally` blocks, as CPython
//! does when it deallocates a generator.
//!
//! Weak references (`_weakref`) are a side table keyed by address, touched only by objects
//! that have them: a header flag marks a weakly referenced object (and a weak reference
//! object), and only a dying object with a flag looks the table up. A dying referent's
//! weak references are cleared at once; those with callbacks are queued
//! (`take_weak_callbacks`) for the interpreter to call at a safe point, never inside a free.
//!
//! This module (the pointer, and `run_on_big_stack`) is the only place with `unsafe`.

use crate::value::object::{GenState, Object};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    /// Suspended generators and `__del__` instances whose last reference went away: they are
    /// kept alive until the interpreter closes them (running their `finally` blocks) or calls
    /// their `__del__`, as CPython does on dealloc.
    static FINALIZE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether objects are waiting for `take_finalizers`, or an automatic collection is due
/// (`take_collect_request`): one flag, so the interpreter's safe points test one load.
#[inline(always)]
pub fn has_finalizers() -> bool {
    PENDING.with(|p| p.get())
}

/// The objects waiting to be finalized.
pub fn take_finalizers() -> Vec<ObjRef> {
    PENDING.with(|p| p.set(false));
    if COLLECT.with(|c| c.get()) {
        // Still due: keep the safe points calling in until the collection ran.
        PENDING.with(|p| p.set(true));
    }
    FINALIZE
        .try_with(|f| std::mem::take(&mut *f.borrow_mut()))
        .unwrap_or_default()
}

/// Whether a dying object must be finalized by the interpreter before it is freed: a
/// suspended generator (closed, running its `finally` blocks), or an instance whose class
/// defines `__del__` (called once).
fn needs_finalizer(body: &Object, flags: u32) -> bool {
    flags & HAS_DEL != 0
        || matches!(body, Object::Generator(g) if g.state == GenState::Suspended && g.frame.is_some())
}

/// Header flag: the object is immortal; refcount operations skip it.
pub const IMMORTAL: u32 = 1;
/// Header flag: weak references point at the object (`WEAK_TARGETS` has its entry).
const WEAKLY_REFERENCED: u32 = 2;
/// Header flag: the object is a weak reference object (`WEAK_OWNERS` has its entry).
const WEAK_OWNER: u32 = 4;
/// Header flag: an instance whose class defines `__del__`, not yet finalized: its last
/// reference queues it for the interpreter instead of freeing it (once, as PEP 442).
const HAS_DEL: u32 = 1 << 6;
/// Header bits the collector leaves alone when it writes its own.
const NOT_GC: u32 = IMMORTAL | WEAKLY_REFERENCED | WEAK_OWNER | HAS_DEL;
/// Header flag: the object is in one of the collector's lists.
const TRACKED: u32 = 1 << 3;
/// Header bits 4–5: which list (generation 0–2, or `PERMANENT`).
const GEN_SHIFT: u32 = 4;
const GEN_MASK: u32 = 0b11 << GEN_SHIFT;
/// Header bits 7–31: the position in that list.
const INDEX_SHIFT: u32 = 7;
const MAX_INDEX: usize = (u32::MAX >> INDEX_SHIFT) as usize;
/// The list of `gc.freeze`: tracked, but never examined by a collection.
pub const PERMANENT: usize = 3;

/// The collector's bookkeeping, in a side table: the tracked objects of each list, and the
/// counters and thresholds that decide when a collection runs (CPython's `gc` state).
pub struct GcHeap {
    lists: [Vec<NonNull<HeapBox>>; 4],
    pub settings: GcSettings,
}

/// The collector's counters and switches (`gc.get_count`, `gc.get_threshold`, `gc.enable`).
#[derive(Clone, Copy, Debug)]
pub struct GcSettings {
    pub enabled: bool,
    /// A collection is running: allocations do not request another.
    pub collecting: bool,
    pub thresholds: [i64; 3],
    /// Generation 0: tracked allocations minus deallocations since its last collection;
    /// generations 1 and 2: collections of the younger generation since their own last one.
    pub counts: [u32; 3],
    /// Objects that reached generation 2 since its last collection, and how many it held then
    /// (CPython runs a full collection only once the first exceeds a quarter of the second).
    pub long_lived_pending: usize,
    pub long_lived_total: usize,
    /// Per generation: collections run, unreachable objects found (`gc.get_stats`).
    pub collections: [u64; 3],
    pub collected: [u64; 3],
    /// `gc.set_debug` flags (kept, not acted on).
    pub debug: i64,
}

impl GcHeap {
    /// No objects, CPython's default thresholds, enabled.
    const fn new() -> GcHeap {
        GcHeap {
            lists: [Vec::new(), Vec::new(), Vec::new(), Vec::new()],
            settings: GcSettings {
                enabled: true,
                collecting: false,
                thresholds: [700, 10, 10],
                counts: [0; 3],
                long_lived_pending: 0,
                long_lived_total: 0,
                collections: [0; 3],
                collected: [0; 3],
                debug: 0,
            },
        }
    }
}

impl Default for GcHeap {
    fn default() -> GcHeap {
        GcHeap::new()
    }
}

thread_local! {
    /// The tracked objects of the heap that runs on this thread. An interpreter moving to
    /// another thread takes it along (`spawn_big_stack`).
    static GC: RefCell<GcHeap> = const { RefCell::new(GcHeap::new()) };
    /// An automatic collection is due (generation 0 passed its threshold).
    static COLLECT: Cell<bool> = const { Cell::new(false) };
}

/// Set if an object was freed on a thread whose lists do not hold it: some list may then
/// point at freed memory, so no collection may run again in this process.
static GC_POISONED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a body can hold references that may form a cycle: such objects are tracked.
#[inline(always)]
fn needs_tracking(body: &Object) -> bool {
    !matches!(
        body,
        Object::Str(_)
            | Object::Bytes(_)
            | Object::BigInt(_)
            | Object::Complex(..)
            | Object::CodeRef(_)
            | Object::CodeUnit(_)
            | Object::DynCode { .. }
            | Object::Range { .. }
    )
}

/// Whether objects of this body's kind are tracked by the collector.
pub fn is_container(body: &Object) -> bool {
    needs_tracking(body)
}

/// Whether a collection requested by the allocation threshold is due; clears the request.
pub fn take_collect_request() -> bool {
    COLLECT.try_with(|c| c.replace(false)).unwrap_or(false)
}

/// Whether collections are safe in this process (see `GC_POISONED`).
pub fn gc_usable() -> bool {
    !GC_POISONED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The collector's counters and switches.
pub fn gc_settings() -> GcSettings {
    GC.try_with(|g| g.borrow().settings)
        .unwrap_or_else(|_| GcHeap::default().settings)
}

/// Replaces the collector's counters and switches.
pub fn set_gc_settings(s: GcSettings) {
    let _ = GC.try_with(|g| {
        if let Ok(mut g) = g.try_borrow_mut() {
            g.settings = s;
        }
    });
}

/// How many objects list `gen` holds.
pub fn gc_len(gen: usize) -> usize {
    GC.try_with(|g| g.borrow().lists.get(gen).map_or(0, |l| l.len()))
        .unwrap_or(0)
}

/// Owning handles to every object of lists `0..=upto`, youngest list first.
pub fn gc_objects(upto: usize) -> Vec<ObjRef> {
    if !gc_usable() {
        return Vec::new();
    }
    // Every pointer in a list is live: an object leaves its list before it is freed
    // (`untrack` in `last_reference_dropped`), and a miss there poisons the lists instead.
    GC.try_with(|g| {
        let g = g.borrow();
        let mut out = Vec::new();
        for list in g.lists.iter().take(upto + 1) {
            for &ptr in list {
                let o = ObjRef { ptr };
                // The list holds no count: the handle returned owns a new one.
                out.push(o.clone());
                std::mem::forget(o);
            }
        }
        out
    })
    .unwrap_or_default()
}

/// Appends list `from` to list `to`, updating each moved object's header.
pub fn gc_merge(from: usize, to: usize) {
    if from == to || from > PERMANENT || to > PERMANENT || !gc_usable() {
        return;
    }
    let _ = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        let moved = std::mem::take(&mut g.lists[from]);
        let dest = &mut g.lists[to];
        for ptr in moved {
            let idx = dest.len();
            let o = std::mem::ManuallyDrop::new(ObjRef { ptr });
            if idx > MAX_INDEX {
                // No room: the object stays untracked (kept alive as if referenced from outside).
                o.header().flags.set(o.header().flags.get() & NOT_GC);
                continue;
            }
            dest.push(ptr);
            o.set_slot(to, idx);
        }
    });
}

/// Gives fresh, empty buffers to lists 0–2: after fork a worker's first tracked objects then
/// grow lists in memory of its own, not inside buffers inherited from the zygote.
pub fn gc_fresh_young_lists() {
    let _ = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        for list in g.lists.iter_mut().take(PERMANENT) {
            if list.is_empty() {
                *list = Vec::new();
            }
        }
    });
}

/// Takes this thread's collector state (to move it with the interpreter to another thread).
fn take_gc_heap() -> GcHeap {
    GC.try_with(|g| g.try_borrow_mut().map(|mut g| std::mem::take(&mut *g)).ok())
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Installs collector state taken from another thread.
fn put_gc_heap(heap: GcHeap) {
    let _ = GC.try_with(|g| {
        if let Ok(mut g) = g.try_borrow_mut() {
            *g = heap;
        }
    });
}

/// Set while the body of a container created empty is allocated: see [`place_apart`].
static PLACE_APART: AtomicBool = AtomicBool::new(false);

/// Whether the allocation under way is the body of a container created empty (a dict, set
/// or list). Those are the objects a worker goes on to fill — caches, registries, recursion
/// guards — so the process that preloads places them apart from the immutable majority
/// (code constants, strings, functions, classes), and a worker's first writes to them copy
/// a few shared pages instead of one page per container. Read by the `permafrost` binary's
/// global allocator; other allocators may ignore it.
#[inline]
pub fn place_apart() -> bool {
    PLACE_APART.load(Ordering::Relaxed)
}

/// Runs `f` (which allocates the table of a container being created empty) with the
/// allocations placed apart, as the container's body will be (see [`place_apart`]).
#[inline]
pub fn apart<R>(f: impl FnOnce() -> R) -> R {
    PLACE_APART.store(true, Ordering::Relaxed);
    let r = f();
    PLACE_APART.store(false, Ordering::Relaxed);
    r
}

/// See [`place_apart`].
#[inline(always)]
fn created_empty(body: &Object) -> bool {
    match body {
        Object::Dict(d) => d.is_empty(),
        Object::Set(s) => s.is_empty(),
        Object::List(l) => l.is_empty(),
        _ => false,
    }
}

/// The inline header every heap object starts with.
#[repr(C)]
struct Header {
    refcount: Cell<u32>,
    flags: Cell<u32>,
}

#[repr(C)]
struct HeapBox {
    header: Header,
    body: UnsafeCell<Object>,
}

/// An owning, refcounted pointer to a heap object.
pub struct ObjRef {
    ptr: NonNull<HeapBox>,
}

/// Marks an instance whose class defines `__del__`: its last reference queues it for
/// [`take_finalizers`] instead of freeing it.
pub fn mark_has_del(o: &ObjRef) {
    let h = o.header();
    if h.flags.get() & IMMORTAL == 0 {
        h.flags.set(h.flags.get() | HAS_DEL);
    }
}

/// Whether `o` still waits for its `__del__` (cleared when it is queued, or by the collector
/// once it ran the method).
pub fn has_del(o: &ObjRef) -> bool {
    o.header().flags.get() & HAS_DEL != 0
}

/// Clears `o`'s `__del__` mark: the collector ran the method before breaking its cycle.
pub fn clear_has_del(o: &ObjRef) {
    let h = o.header();
    h.flags.set(h.flags.get() & !HAS_DEL);
}

impl ObjRef {
    /// Allocates a new object with refcount 1.
    pub fn new(body: Object) -> ObjRef {
        let track = needs_tracking(&body);
        let apart = created_empty(&body);
        // The body is written straight into the allocation: `Box::new` of a `HeapBox` built
        // on the host stack copied the (large) body twice more, through `memcpy`, per object.
        let layout = std::alloc::Layout::new::<HeapBox>();
        // SAFETY: `HeapBox` is not zero-sized, so `layout` is a valid non-zero layout.
        let alloc = || unsafe { std::alloc::alloc(layout) };
        let raw = if apart { self::apart(alloc) } else { alloc() } as *mut HeapBox;
        let Some(ptr) = NonNull::new(raw) else {
            std::alloc::handle_alloc_error(layout);
        };
        // SAFETY: `ptr` is a fresh allocation of `HeapBox`'s size and alignment from the global
        // allocator, exactly what `Box::new` would have made, so writing both fields
        // initialises it fully, and `Box::from_raw` in `last_reference_dropped` (or
        // anywhere else a `Box<HeapBox>` is rebuilt) may free it.
        unsafe {
            std::ptr::addr_of_mut!((*ptr.as_ptr()).header).write(Header {
                refcount: Cell::new(1),
                flags: Cell::new(0),
            });
            std::ptr::addr_of_mut!((*ptr.as_ptr()).body).write(UnsafeCell::new(body));
        }
        let o = ObjRef { ptr };
        if track {
            o.track();
        }
        o
    }

    /// Adds a new object to generation 0; requests a collection past its threshold.
    #[inline(always)]
    fn track(&self) {
        let _ = GC.try_with(|g| {
            let Ok(mut g) = g.try_borrow_mut() else {
                return;
            };
            let idx = g.lists[0].len();
            if idx > MAX_INDEX {
                return;
            }
            g.lists[0].push(self.ptr);
            self.set_slot(0, idx);
            let s = &mut g.settings;
            s.counts[0] = s.counts[0].saturating_add(1);
            if i64::from(s.counts[0]) > s.thresholds[0]
                && s.thresholds[0] != 0
                && s.enabled
                && !s.collecting
            {
                COLLECT.with(|c| c.set(true));
                PENDING.with(|p| p.set(true));
            }
        });
    }

    /// Records list `gen`, position `idx` in the header (a tracked object's own header).
    #[inline(always)]
    fn set_slot(&self, gen: usize, idx: usize) {
        let h = self.header();
        let keep = h.flags.get() & NOT_GC;
        h.flags
            .set(keep | TRACKED | (gen as u32) << GEN_SHIFT | (idx as u32) << INDEX_SHIFT);
    }

    /// The list and position of a tracked object.
    #[inline(always)]
    pub fn gc_slot(&self) -> Option<(usize, usize)> {
        let f = self.header().flags.get();
        if f & TRACKED == 0 {
            return None;
        }
        Some((
            ((f & GEN_MASK) >> GEN_SHIFT) as usize,
            (f >> INDEX_SHIFT) as usize,
        ))
    }

    /// Removes the object from the collector's lists (freed, or made immortal).
    fn untrack(&self) {
        let Some((gen, idx)) = self.gc_slot() else {
            return;
        };
        let h = self.header();
        h.flags.set(h.flags.get() & NOT_GC);
        let ptr = self.ptr;
        let found = GC.try_with(|g| {
            let Ok(mut g) = g.try_borrow_mut() else {
                return false;
            };
            let s = &mut g.settings;
            s.counts[0] = s.counts[0].saturating_sub(1);
            let list = &mut g.lists[gen];
            if list.get(idx) != Some(&ptr) {
                return false;
            }
            list.swap_remove(idx);
            // The moved entry is live: listed objects are (see `gc_objects`).
            if let Some(&moved) = list.get(idx) {
                let m = std::mem::ManuallyDrop::new(ObjRef { ptr: moved });
                m.set_slot(gen, idx);
            }
            true
        });
        if found != Ok(true) {
            GC_POISONED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: `ptr` came from `new` and stays allocated while any `ObjRef` to it
        // exists (we hold one); the header is only accessed through `Cell`s.
        unsafe { &self.ptr.as_ref().header }
    }

    /// Shared access to the body. See the module doc for the rule on how long it may be held.
    #[inline(always)]
    pub fn get(&self) -> &Object {
        // SAFETY: the allocation is live (we hold a count). The interpreter is single-threaded
        // and never keeps a reference from `get`/`get_mut` across a call that could mutate the
        // object (module doc), so no `&mut` to the body is live at the same time.
        unsafe { &*self.ptr.as_ref().body.get() }
    }

    /// Exclusive access to the body for a short, non-reentrant mutation (module doc).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut(&self) -> &mut Object {
        // SAFETY: as for `get`: live allocation, one thread, and callers use the reference for a
        // single non-reentrant mutation, so no other reference to the body is live meanwhile.
        unsafe { &mut *self.ptr.as_ref().body.get() }
    }

    /// Whether the two pointers are the same object (`is`).
    #[inline(always)]
    pub fn ptr_eq(&self, other: &ObjRef) -> bool {
        self.ptr == other.ptr
    }

    /// The object's address (`id()`, default reprs).
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    pub fn is_immortal(&self) -> bool {
        self.header().flags.get() & IMMORTAL != 0
    }

    /// Sets the immortal bit: from now on clones and drops never write the header, and the
    /// object is never freed.
    pub fn make_immortal(&self) {
        self.untrack();
        let h = self.header();
        h.flags.set(h.flags.get() | IMMORTAL);
    }

    /// The current count (meaningless once immortal).
    pub fn refcount(&self) -> u32 {
        self.header().refcount.get()
    }

    /// The raw header bytes, for tests that prove immortal objects are never written.
    #[cfg(test)]
    pub fn header_bytes(&self) -> [u8; 8] {
        let h = self.header();
        let mut out = [0u8; 8];
        out[..4].copy_from_slice(&h.refcount.get().to_le_bytes());
        out[4..].copy_from_slice(&h.flags.get().to_le_bytes());
        out
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        let h = self.header();
        if h.flags.get() & IMMORTAL == 0 {
            h.refcount.set(h.refcount.get().wrapping_add(1));
        }
        ObjRef { ptr: self.ptr }
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        if h.flags.get() & IMMORTAL != 0 {
            return;
        }
        let n = h.refcount.get().wrapping_sub(1);
        h.refcount.set(n);
        if n == 0 {
            self.last_reference_dropped();
        }
    }
}

impl ObjRef {
    /// The count just reached zero: queue a suspended generator for finalization, or free the
    /// object. Out of line so that the common decrement inlines into every caller.
    #[cold]
    #[inline(never)]
    fn last_reference_dropped(&mut self) {
        let h = self.header();
        if needs_finalizer(self.get(), h.flags.get()) {
            // Resurrect with one count owned by the finalization queue. If the queue is gone
            // (thread exit) the object is freed without running its `finally` blocks. `__del__`
            // runs once: the flag goes now, so the next last reference frees the object.
            h.flags.set(h.flags.get() & !HAS_DEL);
            h.refcount.set(1);
            let queued = FINALIZE.try_with(|f| {
                if let Ok(mut q) = f.try_borrow_mut() {
                    q.push(ObjRef { ptr: self.ptr });
                    true
                } else {
                    false
                }
            });
            if queued == Ok(true) {
                let _ = PENDING.try_with(|p| p.set(true));
                return;
            }
            h.refcount.set(0);
        }
        self.untrack();
        let flags = h.flags.get();
        if flags & (WEAKLY_REFERENCED | WEAK_OWNER) != 0 {
            weak_object_dying(self.ptr, flags);
        }
        // SAFETY: the count reached zero, so this was the last `ObjRef`; the allocation came
        // from the global allocator with `HeapBox`'s layout in `new` (as `Box::new` makes it)
        // and is reclaimed exactly once here.
        free(unsafe { Box::from_raw(self.ptr.as_ptr()) });
    }
}

/// One weak reference: the address it points at (0 once the referent died) and the weak
/// reference object holding it (0 once that object died), both uncounted.
struct WeakSlot {
    target: usize,
    owner: usize,
    /// Whether the owner must be queued when the referent dies (it has a callback).
    notify: bool,
}

/// Every weak reference of the process. It is process-wide, not per thread, because an
/// interpreter may move between threads between calls (`on_interpreter_stack`); it holds
/// addresses only, and no object is freed while it is locked.
#[derive(Default)]
struct WeakTable {
    slots: Vec<WeakSlot>,
    free: Vec<usize>,
    /// The slots pointing at each weakly referenced object, in `getweakrefs` order.
    targets: HashMap<usize, Vec<usize>>,
    /// The slot of each weak reference object, by its address.
    owners: HashMap<usize, usize>,
}

static WEAK: std::sync::Mutex<Option<WeakTable>> = std::sync::Mutex::new(None);

/// Runs `f` on the weak table (created on first use).
fn with_weak<R>(f: impl FnOnce(&mut WeakTable) -> R) -> R {
    let mut guard = WEAK.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(WeakTable::default))
}

thread_local! {
    /// Weak reference objects whose referent died and whose callback is still to be called.
    static WEAK_CALLBACKS: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

/// A weak reference to a heap object: it does not keep the object alive, and reads `None`
/// once the object is freed. An immortal referent never dies, so it is never listed.
pub struct WeakHandle {
    slot: usize,
}

impl ObjRef {
    /// A new weak reference to this object, listed at position `at` among its weak
    /// references (clamped to the end).
    pub fn downgrade(&self, at: usize) -> WeakHandle {
        let immortal = self.is_immortal();
        if !immortal {
            let h = self.header();
            h.flags.set(h.flags.get() | WEAKLY_REFERENCED);
        }
        let addr = self.addr();
        let slot = with_weak(|t| {
            let data = WeakSlot {
                target: addr,
                owner: 0,
                notify: false,
            };
            let slot = match t.free.pop() {
                Some(i) => {
                    t.slots[i] = data;
                    i
                }
                None => {
                    t.slots.push(data);
                    t.slots.len() - 1
                }
            };
            if !immortal {
                let list = t.targets.entry(addr).or_default();
                list.insert(at.min(list.len()), slot);
            }
            slot
        });
        WeakHandle { slot }
    }

    /// The weak reference objects registered (`WeakHandle::set_owner`) for this object's
    /// weak references, in order.
    pub fn weak_owners(&self) -> Vec<ObjRef> {
        if self.header().flags.get() & WEAKLY_REFERENCED == 0 {
            return Vec::new();
        }
        let owners: Vec<usize> = with_weak(|t| match t.targets.get(&self.addr()) {
            Some(list) => list
                .iter()
                .map(|&i| t.slots[i].owner)
                .filter(|&o| o != 0)
                .collect(),
            None => Vec::new(),
        });
        // SAFETY: an owner address is cleared when its object starts dying
        // (`weak_object_dying`, before the free), so each one listed is a live object.
        owners
            .into_iter()
            .filter_map(|p| unsafe { counted(p) })
            .collect()
    }
}

/// A new counted reference to the live object at address `addr` (`None` for 0).
///
/// # Safety
/// `addr` must be 0 or the address of a live heap object (refcount above zero, or immortal).
unsafe fn counted(addr: usize) -> Option<ObjRef> {
    let ptr = NonNull::new(addr as *mut HeapBox)?;
    let borrowed = std::mem::ManuallyDrop::new(ObjRef { ptr });
    Some((*borrowed).clone())
}

impl WeakHandle {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<ObjRef> {
        let addr = with_weak(|t| t.slots[self.slot].target);
        // SAFETY: the target address is cleared when the referent starts dying
        // (`weak_object_dying`), and immortal referents never die: an address still set
        // is a live object.
        unsafe { counted(addr) }
    }

    /// Records `owner`, the weak reference object holding this handle: it is what
    /// `weak_owners` lists and, when `notify`, what is queued for its callback when the
    /// referent dies.
    pub fn set_owner(&self, owner: &ObjRef, notify: bool) {
        if !owner.is_immortal() {
            let h = owner.header();
            h.flags.set(h.flags.get() | WEAK_OWNER);
        }
        let addr = owner.addr();
        with_weak(|t| {
            let s = &mut t.slots[self.slot];
            s.owner = addr;
            s.notify = notify;
            t.owners.insert(addr, self.slot);
        });
    }
}

impl Drop for WeakHandle {
    fn drop(&mut self) {
        // Unlist the slot from a still-live referent's references and recycle it.
        with_weak(|t| {
            let s = &mut t.slots[self.slot];
            let (target, owner) = (s.target, s.owner);
            *s = WeakSlot {
                target: 0,
                owner: 0,
                notify: false,
            };
            if target != 0 {
                if let Some(list) = t.targets.get_mut(&target) {
                    list.retain(|&i| i != self.slot);
                    if list.is_empty() {
                        t.targets.remove(&target);
                    }
                }
            }
            if owner != 0 && t.owners.get(&owner) == Some(&self.slot) {
                t.owners.remove(&owner);
            }
            t.free.push(self.slot);
        });
    }
}

/// An object with weak references, or a weak reference object, is about to be freed: clear
/// the references to it (queueing the owners that have callbacks), and forget it as an owner.
#[cold]
fn weak_object_dying(ptr: NonNull<HeapBox>, flags: u32) {
    let key = ptr.as_ptr() as usize;
    let owners = with_weak(|t| {
        if flags & WEAK_OWNER != 0 {
            if let Some(i) = t.owners.remove(&key) {
                t.slots[i].owner = 0;
            }
        }
        let mut notify = Vec::new();
        if flags & WEAKLY_REFERENCED != 0 {
            for i in t.targets.remove(&key).unwrap_or_default() {
                let s = &mut t.slots[i];
                s.target = 0;
                if s.notify && s.owner != 0 {
                    notify.push(s.owner);
                }
            }
        }
        notify
    });
    queue_weak_callbacks(owners);
}

/// The cycle collector is about to free `garbage`: clears every weak reference to those
/// objects first, before any cycle is broken, and queues the callbacks of the weak reference
/// objects that are not garbage themselves (CPython's `handle_weakrefs`: a callback never sees
/// a half-cleared object, and a dying weak reference calls nothing).
pub fn clear_weakrefs_for_collection(garbage: &[ObjRef]) {
    let dying: std::collections::HashSet<usize> = garbage.iter().map(|o| o.addr()).collect();
    let mut owners = Vec::new();
    for o in garbage {
        let h = o.header();
        if h.flags.get() & WEAKLY_REFERENCED == 0 {
            continue;
        }
        h.flags.set(h.flags.get() & !WEAKLY_REFERENCED);
        let key = o.addr();
        with_weak(|t| {
            for i in t.targets.remove(&key).unwrap_or_default() {
                let s = &mut t.slots[i];
                s.target = 0;
                if s.notify && s.owner != 0 && !dying.contains(&s.owner) {
                    owners.push(s.owner);
                }
            }
        });
    }
    queue_weak_callbacks(owners);
}

/// Queues weak reference objects (by address, each live) for their callbacks.
fn queue_weak_callbacks(owners: Vec<usize>) {
    if owners.is_empty() {
        return;
    }
    // SAFETY: owner addresses are cleared when the owner starts dying, so these are live;
    // the queue holds the new counts until the callbacks run.
    let mut queued: Vec<ObjRef> = owners
        .into_iter()
        .filter_map(|o| unsafe { counted(o) })
        .collect();
    let rest = WEAK_CALLBACKS.try_with(|q| match q.try_borrow_mut() {
        Ok(mut q) => {
            q.append(&mut queued);
            None
        }
        Err(_) => Some(std::mem::take(&mut queued)),
    });
    // Queue unavailable (thread teardown): the references are released here.
    drop(rest);
    drop(queued);
    let _ = PENDING.try_with(|p| p.set(true));
}

/// The weak reference objects whose referent died, waiting for their callbacks.
pub fn take_weak_callbacks() -> Vec<ObjRef> {
    WEAK_CALLBACKS
        .try_with(|q| q.try_borrow_mut().map(|mut q| std::mem::take(&mut *q)))
        .ok()
        .and_then(|r| r.ok())
        .unwrap_or_default()
}

/// How many frees may nest (an object's last reference dropped while freeing its container)
/// before further ones are deferred: freeing a list nested a million deep must not recurse
/// a million times on the host stack (CPython's "trashcan" does the same, with the same limit).
const FREE_NESTING: u32 = 50;

thread_local! {
    /// Frees in progress on this thread, nested.
    static FREE_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects whose free was deferred, freed by the outermost free in progress.
    static FREE_LATER: RefCell<Vec<HeapBox>> = const { RefCell::new(Vec::new()) };
    /// Set when a free is deferred: the outermost free tests this flag, not the list, on
    /// every free (taking the list's borrow there cost more than the rest of a small free).
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
}

/// Frees an object (and, through its fields, what only it referenced) with bounded host
/// recursion.
fn free(obj: Box<HeapBox>) {
    let Ok(depth) = FREE_DEPTH.try_with(|d| d.get()) else {
        // Thread teardown: the bookkeeping is gone.
        drop(obj);
        return;
    };
    if depth >= FREE_NESTING {
        defer(obj);
        return;
    }
    FREE_DEPTH.with(|d| d.set(depth + 1));
    drop(in_release_order(obj));
    if depth == 0 {
        drain_deferred();
    }
    FREE_DEPTH.with(|d| d.set(depth));
}

/// Moves a body out of its allocation, which is freed now; its fields are dropped later.
/// Out of line (as is [`drain_deferred`]) so that `free`'s frame, repeated once per nested
/// free, holds no object body.
#[inline(never)]
fn defer(obj: Box<HeapBox>) {
    // The list is never borrowed across a drop, so the borrow cannot fail; if the
    // bookkeeping is gone the body is dropped here, still correctly, only deeper.
    let body = *obj;
    let _ = DEFERRED.try_with(|d| d.set(true));
    let _ = FREE_LATER.try_with(|l| match l.try_borrow_mut() {
        Ok(mut l) => l.push(body),
        Err(_) => drop(body),
    });
}

/// The outermost free drains what deeper ones deferred, one at a time.
#[inline(never)]
fn drain_deferred() {
    // Almost always empty: test that without moving a body (each `pop` below returns a whole
    // `HeapBox`, `None` included, through memory). Frees deferred while draining set the
    // flag again; the loop below takes them too.
    if !DEFERRED.try_with(|d| d.replace(false)).unwrap_or(false) {
        return;
    }
    while let Some(mut next) = FREE_LATER
        .try_with(|l| l.try_borrow_mut().ok().and_then(|mut l| l.pop()))
        .ok()
        .flatten()
    {
        release_items(&mut next.body);
        drop(next);
    }
}

/// `obj`, its items ordered by [`release_items`].
#[inline(never)]
fn in_release_order(mut obj: Box<HeapBox>) -> Box<HeapBox> {
    release_items(&mut obj.body);
    obj
}

/// Orders a dying list's or tuple's items so that dropping the body releases them last
/// first, the order of CPython's deallocators (what runs when, e.g. weak reference
/// callbacks, follows it). It reverses in place and returns before anything is freed, so
/// nested frees keep their host stack frames as small as before.
#[inline(never)]
fn release_items(body: &mut UnsafeCell<Object>) {
    match body.get_mut() {
        Object::List(v) => v.reverse(),
        Object::Tuple(t) => t.reverse(),
        _ => {}
    }
}

/// `Value::clone`: counts one more reference to a heap object, then copies the 16 bytes as
/// they are.
#[inline(always)]
pub fn duplicate_value(v: &crate::value::Value) -> crate::value::Value {
    use crate::value::Value;
    if let Value::Obj(o) = v {
        // The copy made below owns this extra count.
        std::mem::forget(o.clone());
    }
    // SAFETY: `v` is a valid, initialised `Value` behind a shared reference, so reading it is
    // in bounds and aligned. The bitwise copy is a second owner only of what it duplicates:
    // every variant except `Obj` holds plain `Copy` data with no destructor (immediates, a
    // `'static` image string, a native id, a code index), and for `Obj` the reference it owns
    // was counted just above. This is exactly what the variant-by-variant clone produced.
    unsafe { std::ptr::read(v) }
}

/// `UNPACK_SEQUENCE` of an exact-size tuple or list: pushes clones of `items` onto `stack`
/// last item first, writing each straight into reserved capacity (a `push` per item tests
/// the capacity each time, and `extend` over a reversed iterator is not inlined).
#[inline(always)]
pub fn push_reversed(stack: &mut Vec<crate::value::Value>, items: &[crate::value::Value]) {
    let n = items.len();
    stack.reserve(n);
    let len = stack.len();
    for (slot, item) in stack.spare_capacity_mut()[..n]
        .iter_mut()
        .zip(items.iter().rev())
    {
        slot.write(duplicate_value(item));
    }
    // SAFETY: `reserve(n)` made room for `n` more values after `len`, and the loop above
    // initialised exactly those `n` slots (the slice is `n` long and `items` has `n` values).
    unsafe { stack.set_len(len + n) };
}

/// Overwrites `slot` with `Value::Int(i)` in one 16-byte store.
#[inline(always)]
pub fn store_int(slot: &mut crate::value::Value, i: i64) {
    store_words(slot, crate::value::TAG_INT as u64, i as u64);
}

/// Overwrites `slot` with `Value::Float(x)` in one 16-byte store.
#[inline(always)]
pub fn store_float(slot: &mut crate::value::Value, x: f64) {
    store_words(slot, crate::value::TAG_FLOAT as u64, x.to_bits());
}

/// Overwrites `slot` with `Value::Bool(b)` in one 16-byte store.
#[inline(always)]
pub fn store_bool(slot: &mut crate::value::Value, b: bool) {
    store_words(slot, crate::value::TAG_BOOL as u64 | (b as u64) << 8, 0);
}

/// Writes an immediate value given as its two little-endian words (tag word, payload word).
/// Callers pass only the words of `Int`, `Float` or `Bool` built by the functions above.
#[inline(always)]
fn store_words(slot: &mut crate::value::Value, tag_word: u64, payload: u64) {
    if let crate::value::Value::Obj(_) = slot {
        // Release the object first; the `Null` written here is overwritten below.
        *slot = crate::value::Value::Null;
    }
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
        // SAFETY: SSE2 (both intrinsics) is part of the x86_64 baseline, so they are available.
        // `slot` is a valid, exclusive, 16-byte `Value` holding no object (released above), so
        // overwriting all of it leaks nothing. `Value` is `repr(u8)`: its layout is a
        // `repr(C)` union of `(tag: u8, field)` structs, so these words are a valid value — tag
        // `TAG_INT`/`TAG_FLOAT` with the i64/f64 bits at offset 8, or tag `TAG_BOOL` with
        // byte 1 equal to 0 or 1 (a valid `bool`) — and padding may hold any bytes.
        // `_mm_storeu_si128` needs no alignment.
        unsafe {
            let words = _mm_set_epi64x(payload as i64, tag_word as i64);
            _mm_storeu_si128(slot as *mut crate::value::Value as *mut __m128i, words);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        *slot = match tag_word as u8 {
            crate::value::TAG_INT => crate::value::Value::Int(payload as i64),
            crate::value::TAG_FLOAT => crate::value::Value::Float(f64::from_bits(payload)),
            _ => crate::value::Value::Bool(tag_word >> 8 != 0),
        };
    }
}

/// Moves a value to another thread and back.
struct SendBox<T>(T);

// SAFETY: `spawn_big_stack` moves the closure (and the interpreter state it owns, with
// everything reachable from it) to one helper thread while the calling thread blocks in `join`;
// the two threads never run interpreter code concurrently, and the result comes back the same
// way. No `ObjRef` is shared: ownership moves wholesale.
unsafe impl<T> Send for SendBox<T> {}

// SAFETY: an `Interpreter` owns its whole object graph: every `ObjRef` reachable from it is
// owned by the interpreter's own structures (it hands out only JSON and strings), and each entry
// point drains the thread-local finalization queue (`run_finalizers`) before returning, so no
// other thread-local or outside handle points into its heap between calls. Moving it to another
// thread therefore moves every pointer to its objects at once, and `&mut self` on every entry
// point keeps two threads from running it concurrently. This is what lets a server worker move
// it onto the thread started by `on_interpreter_stack`.
unsafe impl Send for crate::Interpreter {}

/// Host stack reserved for the interpreter thread: Python recursion (1000 frames) plus
/// callbacks through built-ins must never overflow it, even in debug builds.
const BIG_STACK: usize = 1 << 30;

thread_local! {
    /// Set while this thread is an interpreter thread with the big reserved stack: nested
    /// entry points then run inline instead of spawning another thread.
    static ON_BIG_STACK: Cell<bool> = const { Cell::new(false) };
}

thread_local! {
    /// How many big-stack threads the current thread has started (tests and diagnostics).
    static BIG_STACK_SPAWNS: Cell<usize> = const { Cell::new(0) };
}

/// The number of big-stack threads the current thread has started so far.
#[cfg(test)]
pub fn big_stack_spawns() -> usize {
    BIG_STACK_SPAWNS.with(|n| n.get())
}

/// Whether the current thread already runs on a big interpreter stack.
pub fn is_on_big_stack() -> bool {
    ON_BIG_STACK.with(|f| f.get())
}

/// The interpreter thread's stack: `BIG_STACK` bytes mapped with `MAP_NORESERVE`, so the
/// reservation is address space only (no commit charge; pages become memory as recursion
/// touches them), with an inaccessible lowest page as the overflow guard. Unmapped on drop.
struct BigStack {
    base: *mut libc::c_void,
}

impl BigStack {
    fn map() -> Option<BigStack> {
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing aliases
        // no existing memory.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                BIG_STACK,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        let stack = BigStack { base };
        // SAFETY: the first page of the mapping just made; nothing lives there yet.
        if unsafe { libc::mprotect(base, GUARD, libc::PROT_NONE) } != 0 {
            return None;
        }
        Some(stack)
    }
}

impl Drop for BigStack {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `map`, no longer used: the thread running on it was
        // joined before the stack is dropped.
        unsafe { libc::munmap(self.base, BIG_STACK) };
    }
}

/// The overflow guard at the bottom of the interpreter stack.
const GUARD: usize = 64 * 1024;

/// A green thread's host stack (`vm/green.rs`): the same reservation as the interpreter
/// thread's, so a thread started by Python code recurses as deep as the main one; address
/// space only until touched, unmapped when the thread's coroutine is dropped.
pub struct GreenStack(BigStack);

impl GreenStack {
    /// Maps a fresh stack; `None` when the process is out of address space.
    pub fn map() -> Option<GreenStack> {
        BigStack::map().map(GreenStack)
    }
}

// SAFETY: `base` is the top of a live mapping of `BIG_STACK` bytes and `limit` its bottom, guard
// page included; both are page-aligned (so `STACK_ALIGNMENT`-aligned) and non-zero, and the
// mapping stays valid for as long as the value lives, which the coroutine that owns it
// guarantees outlasts every frame on it.
unsafe impl corosensei::stack::Stack for GreenStack {
    fn base(&self) -> corosensei::stack::StackPointer {
        let top = self.0.base as usize + BIG_STACK;
        corosensei::stack::StackPointer::new(top).unwrap_or(corosensei::stack::StackPointer::MIN)
    }

    fn limit(&self) -> corosensei::stack::StackPointer {
        corosensei::stack::StackPointer::new(self.0.base as usize)
            .unwrap_or(corosensei::stack::StackPointer::MIN)
    }
}

/// Runs `f` on a fresh thread with a large reserved stack, with the "already on the
/// interpreter stack" flag set there, and joins it before returning, so no thread outlives the
/// call (the zygote forks only when single-threaded).
fn spawn_big_stack<R>(f: impl FnOnce() -> R) -> R {
    // The collector's lists go with the heap they describe, and come back with it.
    let input = SendBox((f, take_gc_heap()));
    BIG_STACK_SPAWNS.with(|n| n.set(n.get() + 1));
    let mut output: Option<std::thread::Result<SendBox<(R, GcHeap)>>> = None;
    let mut body = Some(|| {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let input = input;
            let SendBox((f, gc)) = input;
            put_gc_heap(gc);
            ON_BIG_STACK.with(|flag| flag.set(true));
            let r = f();
            SendBox((r, take_gc_heap()))
        }));
        output = Some(r);
    });
    // Failing to create the thread means the process is out of resources; there is no state
    // to recover (the closure owning the interpreter is stuck in `body`), so this is fatal.
    #[allow(clippy::expect_used)]
    let stack = BigStack::map().expect("cannot map the interpreter stack");
    run_on_stack(&stack, &mut body);
    drop(body);
    drop(stack);
    #[allow(clippy::expect_used)]
    match output.expect("the interpreter thread did not run") {
        Ok(SendBox((r, gc))) => {
            put_gc_heap(gc);
            r
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Runs `body` (taken out of its `Option`) on a new POSIX thread whose stack is `stack`, and
/// joins it. `body` must not unwind (the caller catches panics inside it).
fn run_on_stack<F: FnOnce()>(stack: &BigStack, body: &mut Option<F>) {
    extern "C" fn start<F: FnOnce()>(arg: *mut libc::c_void) -> *mut libc::c_void {
        // SAFETY: `arg` is the `&mut Option<F>` passed to `pthread_create` below, which stays
        // alive and untouched by the creating thread until `pthread_join` returns.
        let body = unsafe { &mut *(arg as *mut Option<F>) };
        // SAFETY: names the calling thread with a NUL-terminated string under 16 bytes.
        unsafe { libc::pthread_setname_np(libc::pthread_self(), c"permafrost-eval".as_ptr()) };
        if let Some(f) = body.take() {
            f();
        }
        std::ptr::null_mut()
    }
    // SAFETY: `attr` is initialised before use and destroyed after; the stack region is the
    // whole mapping of `stack` above its guard, which outlives the thread (joined below before
    // `stack` can be dropped). `body` is borrowed mutably for the thread's whole life and the
    // creating thread does nothing but wait in `pthread_join`, so the two never touch it at
    // once; `start::<F>` matches the type behind the pointer.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_attr_init(&mut attr) != 0 {
            return;
        }
        let usable = (stack.base as *mut u8).add(GUARD) as *mut libc::c_void;
        let mut thread: libc::pthread_t = std::mem::zeroed();
        let created = libc::pthread_attr_setstack(&mut attr, usable, BIG_STACK - GUARD) == 0
            && libc::pthread_create(
                &mut thread,
                &attr,
                start::<F>,
                body as *mut Option<F> as *mut libc::c_void,
            ) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if created {
            libc::pthread_join(thread, std::ptr::null_mut());
        }
    }
}

/// Runs `f(state)` with a large reserved stack: inline when the current thread already is an
/// interpreter thread (see [`on_interpreter_stack`]), otherwise on a fresh thread that is
/// joined before returning.
pub fn run_on_big_stack<S: 'static, R: 'static>(state: S, f: fn(S) -> R) -> R {
    if is_on_big_stack() {
        return f(state);
    }
    spawn_big_stack(move || f(state))
}

/// Initialises this thread's interpreter state now (the thread-locals with destructors, whose
/// first use registers the destructor with the C library, which allocates): a zygote calls it
/// on the thread it forks from, while it may still allocate, so its workers never do it
/// during a job (it would write the C library's heap pages they share with the zygote).
pub fn init_thread_state() {
    FINALIZE.with(|_| ());
    GC.with(|_| ());
    WEAK_CALLBACKS.with(|_| ());
    FREE_LATER.with(|_| ());
}

/// Runs `f` on a big-stack thread with the flag set, so every interpreter entry point called
/// inside it runs inline. Inline if already on such a thread.
pub fn on_interpreter_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if is_on_big_stack() {
        return f();
    }
    spawn_big_stack(f)
}

/// `poll(2)` on `fds` (descriptors as plain numbers, as Python hands them over) for at most
/// `timeout_ms` milliseconds (negative: no limit); the number of entries with events.
/// `nix::poll` wants borrowed descriptors, which a number from Python code cannot prove to
/// be; the kernel checks each number itself (an unknown one reports `POLLNVAL`).
pub fn poll_descriptors(fds: &mut [libc::pollfd], timeout_ms: i32) -> std::io::Result<usize> {
    // SAFETY: the pointer and length come from one live, exclusively borrowed slice of
    // `pollfd`, which the kernel reads and writes (the `revents` fields) only during the call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    if n < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// `write(2)` on descriptor `fd` (a plain number from Python code, which no borrowed
/// descriptor can vouch for; the kernel checks it and answers `EBADF` for an unknown one).
pub fn write_descriptor(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    // SAFETY: the pointer and length come from one live slice the kernel only reads during
    // the call.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    if n < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// `ftruncate(2)` on descriptor `fd` (a plain number, as for [`write_descriptor`]).
pub fn truncate_descriptor(fd: i32, len: i64) -> std::io::Result<()> {
    // SAFETY: no memory is passed; the kernel validates the descriptor number.
    let r = unsafe { libc::ftruncate(fd, len as libc::off_t) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refcount_counts_clones_and_frees() {
        let a = ObjRef::new(Object::Cell(crate::value::Value::Int(1)));
        assert_eq!(a.refcount(), 1);
        let b = a.clone();
        assert_eq!(a.refcount(), 2);
        drop(b);
        assert_eq!(a.refcount(), 1);
    }

    #[test]
    fn freeing_a_deep_nest_does_not_recurse_on_the_host_stack() {
        use crate::value::Value;
        // Run on a small stack: a free per level on the host stack would overflow it.
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let leaf = ObjRef::new(Object::Cell(Value::Int(7)));
                let mut nest = Value::Obj(leaf.clone());
                for _ in 0..200_000 {
                    nest = Value::Obj(ObjRef::new(Object::List(vec![nest])));
                }
                assert_eq!(leaf.refcount(), 2);
                drop(nest);
                assert_eq!(leaf.refcount(), 1);
                FREE_DEPTH.with(|d| d.get())
            })
            .expect("spawn");
        assert_eq!(handle.join().expect("no stack overflow"), 0);
    }

    #[test]
    fn nested_entry_points_do_not_spawn() {
        let before_outer = big_stack_spawns();
        let (inner_spawns, flag) = on_interpreter_stack(|| {
            let before = big_stack_spawns();
            let doubled = run_on_big_stack(21u32, |x| x * 2);
            let nested = on_interpreter_stack(|| run_on_big_stack(1u32, |x| x + 1));
            assert_eq!((doubled, nested), (42, 2));
            (big_stack_spawns() - before, is_on_big_stack())
        });
        assert_eq!(inner_spawns, 0);
        assert!(flag);
        assert!(big_stack_spawns() > before_outer);
        assert!(!is_on_big_stack());
    }

    #[test]
    fn weak_handles_clear_when_the_referent_dies_and_queue_their_owner() {
        use crate::value::Value;
        let target = ObjRef::new(Object::Cell(Value::Int(1)));
        let owner = ObjRef::new(Object::Cell(Value::Int(2)));
        let quiet = ObjRef::new(Object::Cell(Value::Int(3)));
        let h = target.downgrade(0);
        let q = target.downgrade(0);
        h.set_owner(&owner, true);
        q.set_owner(&quiet, false);
        assert!(h.get().is_some_and(|o| o.ptr_eq(&target)));
        let owners = target.weak_owners();
        assert_eq!(owners.len(), 2);
        assert!(owners[0].ptr_eq(&quiet) && owners[1].ptr_eq(&owner));
        drop(owners);
        drop(target);
        assert!(h.get().is_none() && q.get().is_none());
        let queued = take_weak_callbacks();
        assert_eq!(queued.len(), 1);
        assert!(queued[0].ptr_eq(&owner));
        assert_eq!(owner.refcount(), 2);
        drop(queued);
        drop(owner);
        drop((h, q, quiet));
    }

    #[test]
    fn immortal_header_is_never_written() {
        let a = ObjRef::new(Object::Cell(crate::value::Value::Int(1)));
        let extra = a.clone();
        a.make_immortal();
        let before = a.header_bytes();
        for _ in 0..10 {
            let c = a.clone();
            drop(c);
        }
        drop(extra);
        assert_eq!(a.header_bytes(), before);
        assert!(a.is_immortal());
    }
}
