//! The process-wide allocator: the system allocator until a worker is forked, then a private
//! arena of fresh pages.
//!
//! Why: after `fork`, a worker shares every heap page with the zygote. glibc's malloc serves
//! new blocks from free space *inside* those inherited pages and writes its own bookkeeping
//! into them, so each allocation would copy a whole page that the zygote's preloaded objects
//! also live on. [`enter_worker_mode`], called in a worker right after `fork`, switches this
//! allocator to an arena the worker maps for itself: one large `PROT_NONE` reservation that is
//! made readable and writable in steps as it fills, carved into size classes with free lists
//! for small blocks and power-of-two page spans for large ones. From then on:
//!
//! - every allocation comes from the arena, i.e. from pages no other process has;
//! - `dealloc` of a block outside the arena (inherited from the zygote) does nothing, so the
//!   inherited page is never written and never reused;
//! - `realloc` of an inherited block copies it into the arena and leaves the original alone.
//!
//! Before worker mode (the supervisor, the zygote, every other command) everything is
//! delegated to [`System`]. Worker processes are single-threaded; a spin lock still guards the
//! arena so that the allocator stays sound even if a thread appeared.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The `#[global_allocator]` of the `permafrost` binary.
pub struct PoolAllocator;

const PAGE: usize = 4096;
/// The arena grows its read-write part in steps of this many bytes.
const COMMIT_STEP: usize = 4 << 20;
/// Reservation sizes tried in order (the first the kernel grants is used).
const RESERVATIONS: [usize; 3] = [64 << 30, 8 << 30, 1 << 30];
/// Blocks up to this size come from size classes; larger ones from page spans.
const MAX_SMALL: usize = 32768;
/// Small size classes. Every power of two from 16 to `MAX_SMALL` is present, which the
/// over-aligned path relies on.
const CLASS_SIZES: [usize; 40] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
    1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192, 10240, 12288, 14336,
    16384, 20480, 24576, 28672, 32768,
];
const NUM_CLASSES: usize = CLASS_SIZES.len();
/// Class index for sizes up to 1024, indexed by `(size + 15) / 16`.
const SMALL_LOOKUP: [u8; 65] = build_small_lookup();
/// Number of power-of-two page-span lists (spans of 1 page up to 2^47 pages).
const NUM_LARGE: usize = 48;

const fn build_small_lookup() -> [u8; 65] {
    let mut table = [0u8; 65];
    let mut slot = 0;
    while slot < 65 {
        let size = slot * 16;
        let mut class = 0;
        while CLASS_SIZES[class] < size {
            class += 1;
        }
        table[slot] = class as u8;
        slot += 1;
    }
    table
}

/// The worker's arena. Addresses are `usize` so that the struct is plain data.
struct Arena {
    /// The reservation `[base, end)`; zero when not in worker mode.
    base: usize,
    end: usize,
    /// Next unused address in the reservation (page-aligned).
    bump: usize,
    /// End of the read-write part of the reservation.
    committed: usize,
    /// Heads of the intrusive free lists of each size class (0 = empty).
    free: [usize; NUM_CLASSES],
    /// The span each class is currently carving fresh blocks from.
    span_next: [usize; NUM_CLASSES],
    span_end: [usize; NUM_CLASSES],
    /// Heads of the free lists of large spans, by log2 of their page count.
    large_free: [usize; NUM_LARGE],
    /// Bytes of the spans carved into small blocks: resident for good once touched, as
    /// freed small blocks stay on their class's list.
    small_spans: usize,
    /// Bytes of the large blocks in use (their pages; freed spans are returned to the kernel).
    large_live: usize,
    /// Below this address, fresh pages past the bump pointer may hold a reset job's data
    /// (see [`after_reset`]): handed out zeroed only by clearing them.
    dirty_end: usize,
}

impl Arena {
    const fn empty() -> Arena {
        Arena {
            base: 0,
            end: 0,
            bump: 0,
            committed: 0,
            free: [0; NUM_CLASSES],
            span_next: [0; NUM_CLASSES],
            span_end: [0; NUM_CLASSES],
            large_free: [0; NUM_LARGE],
            small_spans: 0,
            large_live: 0,
            dirty_end: 0,
        }
    }

    fn contains(&self, addr: usize) -> bool {
        addr >= self.base && addr < self.end
    }

    /// Takes `bytes` (a multiple of the page size) of fresh writable address space: zeroed,
    /// unless below `dirty_end`.
    fn take_pages(&mut self, bytes: usize) -> Option<usize> {
        let start = self.bump;
        let new_bump = start.checked_add(bytes)?;
        if new_bump > self.end {
            return None;
        }
        if new_bump > self.committed {
            let new_committed = new_bump
                .checked_add(COMMIT_STEP - 1)
                .map(|v| v & !(COMMIT_STEP - 1))?
                .min(self.end);
            let len = new_committed - self.committed;
            // SAFETY: `[committed, new_committed)` lies inside the reservation this arena
            // mapped (checked against `end` above) and holds no live blocks yet, so changing
            // its protection affects no other memory.
            let rc = unsafe {
                libc::mprotect(
                    self.committed as *mut libc::c_void,
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                )
            };
            if rc != 0 {
                return None;
            }
            self.committed = new_committed;
        }
        self.bump = new_bump;
        Some(start)
    }

    fn alloc_small(&mut self, class: usize) -> *mut u8 {
        let head = self.free[class];
        if head != 0 {
            // SAFETY: `head` is a block of this class on the free list; its first word holds
            // the next link, written by `dealloc_small`, and the block is at least 16 bytes.
            self.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = CLASS_SIZES[class];
        if self.span_next[class] + size > self.span_end[class] || self.span_end[class] == 0 {
            let span = (size * 4).max(65536).next_multiple_of(PAGE);
            let Some(start) = self.take_pages(span) else {
                return std::ptr::null_mut();
            };
            self.span_next[class] = start;
            self.span_end[class] = start + span;
            self.small_spans += span;
        }
        let block = self.span_next[class];
        self.span_next[class] = block + size;
        block as *mut u8
    }

    fn dealloc_small(&mut self, ptr: *mut u8, class: usize) {
        // SAFETY: `ptr` is a block of this class that the caller owned and gives back; it is
        // at least 16 bytes and 16-aligned, so its first word can hold the free-list link.
        unsafe { *(ptr as *mut usize) = self.free[class] };
        self.free[class] = ptr as usize;
    }

    /// Large blocks: spans of a power-of-two number of pages, page-aligned.
    fn alloc_large(&mut self, size: usize, zeroed: bool) -> *mut u8 {
        let Some(order) = large_order(size) else {
            return std::ptr::null_mut();
        };
        let head = self.large_free[order];
        if head != 0 {
            // SAFETY: `head` is a free span of this order; its first word is the next link
            // written by `dealloc_large`, and its first page is still mapped read-write.
            self.large_free[order] = unsafe { *(head as *const usize) };
            if zeroed {
                // The pages after the first were returned with MADV_DONTNEED and read back as
                // zeros; only the first page can hold stale data.
                // SAFETY: the span is at least one page and owned by the caller from now on.
                unsafe { std::ptr::write_bytes(head as *mut u8, 0, PAGE) };
            }
            return head as *mut u8;
        }
        match self.take_pages(PAGE << order) {
            Some(start) => {
                if zeroed && start < self.dirty_end {
                    let len = (self.dirty_end - start).min(PAGE << order);
                    // SAFETY: the span was just taken from the reservation and is owned by
                    // the caller from now on; its first `len` bytes are mapped read-write.
                    unsafe { std::ptr::write_bytes(start as *mut u8, 0, len) };
                }
                start as *mut u8
            }
            None => std::ptr::null_mut(),
        }
    }

    fn dealloc_large(&mut self, ptr: *mut u8, size: usize) {
        let Some(order) = large_order(size) else {
            return;
        };
        let bytes = PAGE << order;
        if bytes > PAGE {
            // SAFETY: the span `[ptr, ptr + bytes)` belongs to this arena and is no longer in
            // use; dropping its pages (except the first, which keeps the link) frees the
            // memory while the address range stays reserved for reuse.
            unsafe {
                libc::madvise(
                    ptr.add(PAGE) as *mut libc::c_void,
                    bytes - PAGE,
                    libc::MADV_DONTNEED,
                );
            }
        }
        // SAFETY: the first page of the span is mapped read-write and no longer in use.
        unsafe { *(ptr as *mut usize) = self.large_free[order] };
        self.large_free[order] = ptr as usize;
    }
}

/// log2 of the page count of the span that holds `size` bytes.
fn large_order(size: usize) -> Option<usize> {
    let pages = size.div_ceil(PAGE).max(1).checked_next_power_of_two()?;
    let order = pages.trailing_zeros() as usize;
    (order < NUM_LARGE).then_some(order)
}

/// The small class for `size` bytes, or `None` when it is a large block.
fn class_of(size: usize) -> Option<usize> {
    if size <= 1024 {
        return Some(SMALL_LOOKUP[size.div_ceil(16)] as usize);
    }
    if size > MAX_SMALL {
        return None;
    }
    CLASS_SIZES.iter().position(|&c| c >= size)
}

/// Where a block of `layout` lives in the arena.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    Small(usize),
    Large(usize),
}

fn placement(layout: Layout) -> Option<Placement> {
    let align = layout.align();
    let size = layout.size().max(1);
    if align <= 16 {
        return Some(match class_of(size) {
            Some(class) => Placement::Small(class),
            None => Placement::Large(size),
        });
    }
    if align > PAGE {
        return None;
    }
    // A power-of-two class at least as large as the alignment: blocks sit at multiples of
    // their size from a page-aligned span start, so they are aligned to it (up to a page).
    let rounded = size.max(align).checked_next_power_of_two()?;
    Some(match class_of(rounded) {
        Some(class) => Placement::Small(class),
        None => Placement::Large(rounded),
    })
}

struct ArenaCell {
    locked: AtomicBool,
    arena: UnsafeCell<Arena>,
}

// SAFETY: the arena is only reached through `ArenaCell::with`, which holds the spin lock for
// the whole access, so no two threads ever touch it at once.
unsafe impl Sync for ArenaCell {}

impl ArenaCell {
    fn with<R>(&self, f: impl FnOnce(&mut Arena) -> R) -> R {
        while self
            .locked
            .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            std::hint::spin_loop();
        }
        // SAFETY: the lock acquired above gives this thread exclusive access until it is
        // released below; `f` cannot re-enter the allocator because the arena code never
        // allocates.
        let result = f(unsafe { &mut *self.arena.get() });
        self.locked.store(false, Ordering::Release);
        result
    }
}

static WORKER_MODE: AtomicBool = AtomicBool::new(false);

/// The side arena of the process that preloads (the zygote): small blocks the interpreter
/// asks to place apart ([`permafrost_worker::place_apart`]), i.e. the bodies
/// of containers created empty, which are the ones workers later fill (caches, registries,
/// recursion guards). Gathered on their own pages instead of scattered among immutable
/// objects, the few a worker writes copy a few pages rather than one page each. Reserved on
/// first use; never used in worker mode (a worker only abandons its blocks, like every
/// inherited block).
static APART: ArenaCell = ArenaCell {
    locked: AtomicBool::new(false),
    arena: UnsafeCell::new(Arena::empty()),
};
/// `APART`'s reservation `[base, end)`, readable without the lock (set once).
static APART_BASE: AtomicUsize = AtomicUsize::new(0);
static APART_END: AtomicUsize = AtomicUsize::new(0);
/// Whether the side arena's reservation was tried (it is not retried after a failure).
static APART_TRIED: AtomicBool = AtomicBool::new(false);
/// The side arena's reservation: address space only, committed in steps as it fills.
const APART_RESERVATION: usize = 1 << 30;
static ARENA: ArenaCell = ArenaCell {
    locked: AtomicBool::new(false),
    arena: UnsafeCell::new(Arena::empty()),
};

/// Switches this process to its own arena. Call in a freshly forked worker before it
/// allocates anything else. Returns `false` (and keeps using the system allocator) if no
/// address space could be reserved. Only system calls, no allocation: safe right after fork.
pub fn enter_worker_mode() -> bool {
    if WORKER_MODE.load(Ordering::Acquire) {
        return true;
    }
    for size in RESERVATIONS {
        // SAFETY: an anonymous PROT_NONE reservation at an address of the kernel's choosing
        // cannot alias any existing memory; it only consumes address space.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            continue;
        }
        let base = base as usize;
        // The budget counts this process's own blocks from here on.
        permafrost_worker::budget::reset_count();
        ARENA.with(|arena| {
            arena.base = base;
            arena.end = base + size;
            arena.bump = base;
            arena.committed = base;
        });
        WORKER_MODE.store(true, Ordering::Release);
        return true;
    }
    false
}

/// Whether this process allocates from its own arena.
pub fn in_worker_mode() -> bool {
    WORKER_MODE.load(Ordering::Acquire)
}

/// The arena's address range (empty outside worker mode), for diagnostics.
pub fn arena_range() -> std::ops::Range<usize> {
    if !in_worker_mode() {
        return 0..0;
    }
    ARENA.with(|arena| arena.base..arena.end)
}

/// The arena's bump pointer: the arena above it is free space (0 outside worker mode).
pub fn arena_bump() -> usize {
    if !in_worker_mode() {
        return 0;
    }
    ARENA.with(|arena| arena.bump)
}

/// After `reset::Snapshot::restore` put the arena's bookkeeping back to the snapshot's: the
/// pages up to `dirty_end` above the bump pointer hold the jobs' old data, so a fresh large
/// block there is cleared when asked for zeroed memory.
pub fn after_reset(dirty_end: usize) {
    if in_worker_mode() {
        ARENA.with(|arena| arena.dirty_end = dirty_end);
    }
}

/// The bytes a block of `place` counts against the heap budget: its size class, or the pages
/// of a large block (the rest of its power-of-two span is never touched).
fn charge(place: Placement) -> usize {
    match place {
        Placement::Small(class) => CLASS_SIZES[class],
        Placement::Large(size) => size.next_multiple_of(PAGE),
    }
}

fn arena_alloc(layout: Layout, zeroed: bool) -> *mut u8 {
    let Some(place) = placement(layout) else {
        return std::ptr::null_mut();
    };
    ARENA.with(|arena| {
        // Past the budget's hard cap the allocation fails (see `permafrost_worker::budget`).
        if !permafrost_worker::budget::admit(charge(place)) {
            return std::ptr::null_mut();
        }
        let ptr = match place {
            Placement::Small(class) => {
                let ptr = arena.alloc_small(class);
                if zeroed && !ptr.is_null() {
                    // SAFETY: `ptr` is a fresh block of at least `layout.size()` bytes.
                    unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
                }
                ptr
            }
            Placement::Large(size) => {
                let ptr = arena.alloc_large(size, zeroed);
                if !ptr.is_null() {
                    arena.large_live += charge(place);
                }
                ptr
            }
        };
        if ptr.is_null() {
            permafrost_worker::budget::release(charge(place));
        }
        ptr
    })
}

/// Returns `ptr` to the arena; `false` if it is not an arena block (inherited: left alone).
fn arena_dealloc(ptr: *mut u8, layout: Layout) -> bool {
    let Some(place) = placement(layout) else {
        return false;
    };
    ARENA.with(|arena| {
        if !arena.contains(ptr as usize) {
            return false;
        }
        match place {
            Placement::Small(class) => arena.dealloc_small(ptr, class),
            Placement::Large(size) => {
                arena.dealloc_large(ptr, size);
                arena.large_live = arena.large_live.saturating_sub(charge(place));
            }
        }
        permafrost_worker::budget::release(charge(place));
        true
    })
}

/// The heap's resident footprint in the arena: the small-block spans (freed small blocks stay
/// reserved for their class) and the large blocks in use.
pub fn footprint() -> usize {
    if !in_worker_mode() {
        return 0;
    }
    ARENA.with(|arena| arena.small_spans + arena.large_live)
}

/// Whether this worker's heap footprint is above its budget (`--worker-memory`) after a job:
/// what the job left behind (in globals, or as small blocks only its size classes can
/// reuse) would make every later job fail, so the worker is replaced.
pub fn above_budget() -> bool {
    let limit = permafrost_worker::budget::limit();
    limit != 0 && footprint() > limit
}

fn arena_contains(ptr: *mut u8) -> bool {
    ARENA.with(|arena| arena.contains(ptr as usize))
}

/// A small block from the side arena, or null (not small, no reservation, arena full): the
/// caller then takes it from the system allocator.
fn apart_alloc(layout: Layout, zeroed: bool) -> *mut u8 {
    let Some(Placement::Small(class)) = placement(layout) else {
        return std::ptr::null_mut();
    };
    if !APART_TRIED.swap(true, Ordering::AcqRel) {
        // SAFETY: an anonymous PROT_NONE reservation at an address of the kernel's choosing
        // cannot alias any existing memory; it only consumes address space.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                APART_RESERVATION,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base != libc::MAP_FAILED {
            let base = base as usize;
            APART.with(|arena| {
                arena.base = base;
                arena.end = base + APART_RESERVATION;
                arena.bump = base;
                arena.committed = base;
            });
            APART_END.store(base + APART_RESERVATION, Ordering::Release);
            APART_BASE.store(base, Ordering::Release);
        }
    }
    if APART_BASE.load(Ordering::Acquire) == 0 {
        return std::ptr::null_mut();
    }
    APART.with(|arena| {
        let ptr = arena.alloc_small(class);
        if zeroed && !ptr.is_null() {
            // SAFETY: `ptr` is a fresh block of at least `layout.size()` bytes.
            unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
        }
        ptr
    })
}

fn apart_contains(ptr: *mut u8) -> bool {
    let addr = ptr as usize;
    let base = APART_BASE.load(Ordering::Acquire);
    base != 0 && addr >= base && addr < APART_END.load(Ordering::Acquire)
}

/// Gives a side-arena block back (outside worker mode only).
fn apart_dealloc(ptr: *mut u8, layout: Layout) {
    if let Some(Placement::Small(class)) = placement(layout) {
        APART.with(|arena| arena.dealloc_small(ptr, class));
    }
}

/// A block outside worker mode: from the side arena when the interpreter asks for it.
fn system_mode_alloc(layout: Layout, zeroed: bool) -> *mut u8 {
    if permafrost_worker::place_apart() {
        let ptr = apart_alloc(layout, zeroed);
        if !ptr.is_null() {
            return ptr;
        }
    }
    if zeroed {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    } else {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }
}

// SAFETY: in system mode every call is forwarded to `System` unchanged. In worker mode blocks
// come from the arena, which hands out each block to one owner at a time (free lists and the
// bump pointer are only touched under the arena lock), sized and aligned per `placement`;
// blocks not from the arena are never freed or reused, only copied from.
unsafe impl GlobalAlloc for PoolAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if in_worker_mode() {
            arena_alloc(layout, false)
        } else {
            system_mode_alloc(layout, false)
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if in_worker_mode() {
            arena_alloc(layout, true)
        } else {
            system_mode_alloc(layout, true)
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_worker_mode() {
            // A block from before the fork is simply abandoned: writing a free-list link
            // into it would copy its page.
            arena_dealloc(ptr, layout);
        } else if apart_contains(ptr) {
            apart_dealloc(ptr, layout);
        } else {
            // SAFETY: outside worker mode every block not in the side arena came from
            // `System` (the worker arena does not exist yet), forwarded with the caller's
            // guarantees.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !in_worker_mode() {
            if !apart_contains(ptr) {
                // SAFETY: forwarded with the caller's guarantees.
                return unsafe { System.realloc(ptr, layout, new_size) };
            }
            let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                return std::ptr::null_mut();
            };
            let new_ptr = system_mode_alloc(new_layout, false);
            if !new_ptr.is_null() {
                // SAFETY: both blocks are valid for the smaller of the two sizes and
                // distinct (the new one was just handed out; the old one is the caller's).
                unsafe { std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
                apart_dealloc(ptr, layout);
            }
            return new_ptr;
        }
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return std::ptr::null_mut();
        };
        let owned = arena_contains(ptr);
        if owned {
            if let (Some(Placement::Small(old)), Some(Placement::Small(new))) =
                (placement(layout), placement(new_layout))
            {
                if old == new {
                    return ptr;
                }
            }
        }
        let new_ptr = arena_alloc(new_layout, false);
        if new_ptr.is_null() {
            return new_ptr;
        }
        // SAFETY: both blocks are valid for the smaller of the two sizes and distinct (the
        // new one was just handed out while the old one is still owned by the caller).
        unsafe { std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
        if owned {
            arena_dealloc(ptr, layout);
        }
        new_ptr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lookup_picks_the_smallest_fitting_class() {
        for size in 1..=MAX_SMALL {
            let class = class_of(size).expect("small size has a class");
            assert!(CLASS_SIZES[class] >= size);
            if class > 0 {
                assert!(CLASS_SIZES[class - 1] < size, "size {size}");
            }
        }
        assert_eq!(class_of(MAX_SMALL + 1), None);
    }

    #[test]
    fn over_aligned_layouts_land_in_power_of_two_classes() {
        for align in [32usize, 64, 128, 256, 512, 1024, 2048, 4096] {
            for size in [1usize, 17, align, align + 1, 5000] {
                let layout = Layout::from_size_align(size, align).expect("valid layout");
                match placement(layout) {
                    Some(Placement::Small(class)) => {
                        let s = CLASS_SIZES[class];
                        assert!(s.is_power_of_two() && s >= align && s >= size);
                    }
                    Some(Placement::Large(bytes)) => assert!(bytes >= size),
                    None => panic!("align {align} size {size} has no placement"),
                }
            }
        }
        let huge = Layout::from_size_align(16, 8192).expect("valid layout");
        assert!(placement(huge).is_none());
    }

    // The test binary's global allocator is the system one (`PoolAllocator` is installed
    // only by the `permafrost` binary), so these tests can switch the arena on and call it
    // directly without affecting the test harness.

    fn pattern(ptr: *mut u8, len: usize, seed: u8) {
        for i in 0..len {
            // SAFETY: `ptr` is a live block of at least `len` bytes.
            unsafe { *ptr.add(i) = seed.wrapping_add(i as u8) };
        }
    }

    fn check(ptr: *const u8, len: usize, seed: u8) -> bool {
        // SAFETY: `ptr` is a live block of at least `len` bytes.
        (0..len).all(|i| unsafe { *ptr.add(i) } == seed.wrapping_add(i as u8))
    }

    #[test]
    fn arena_blocks_are_aligned_disjoint_and_reused() {
        assert!(enter_worker_mode());
        let arena = arena_range();
        let sizes = [1usize, 8, 16, 17, 100, 1000, 4096, 5000, 40_000, 300_000];
        let aligns = [1usize, 8, 16, 64, 4096];
        let mut blocks = Vec::new();
        for (n, &size) in sizes.iter().enumerate() {
            for &align in &aligns {
                let layout = Layout::from_size_align(size, align).expect("layout");
                // SAFETY: non-zero size.
                let ptr = unsafe { PoolAllocator.alloc(layout) };
                assert!(!ptr.is_null());
                assert_eq!(ptr as usize % align, 0, "size {size} align {align}");
                assert!(arena.contains(&(ptr as usize)));
                pattern(ptr, size, n as u8);
                blocks.push((ptr, layout, n as u8));
            }
        }
        for &(ptr, layout, seed) in &blocks {
            assert!(check(ptr, layout.size(), seed), "block overwritten");
        }
        for &(ptr, layout, _) in &blocks {
            // SAFETY: allocated above with this layout.
            unsafe { PoolAllocator.dealloc(ptr, layout) };
        }
        // A freed small block is handed out again, zeroed when asked.
        let layout = Layout::from_size_align(48, 8).expect("layout");
        // SAFETY: non-zero size.
        let a = unsafe { PoolAllocator.alloc(layout) };
        pattern(a, 48, 9);
        // SAFETY: allocated above.
        unsafe { PoolAllocator.dealloc(a, layout) };
        // SAFETY: non-zero size.
        let b = unsafe { PoolAllocator.alloc_zeroed(layout) };
        assert!(check_zero(b, 48));
        // SAFETY: allocated above.
        unsafe { PoolAllocator.dealloc(b, layout) };
    }

    fn check_zero(ptr: *const u8, len: usize) -> bool {
        // SAFETY: `ptr` is a live block of at least `len` bytes.
        (0..len).all(|i| unsafe { *ptr.add(i) } == 0)
    }

    #[test]
    fn realloc_keeps_contents_and_never_frees_inherited_blocks() {
        assert!(enter_worker_mode());
        let layout = Layout::from_size_align(24, 8).expect("layout");
        // A block from before worker mode: the system allocator's.
        // SAFETY: non-zero size.
        let inherited = unsafe { System.alloc(layout) };
        pattern(inherited, 24, 3);
        // SAFETY: `inherited` is live with `layout`.
        let moved = unsafe { PoolAllocator.realloc(inherited, layout, 5000) };
        assert!(arena_range().contains(&(moved as usize)));
        assert!(check(moved, 24, 3));
        // The inherited block was left untouched (not freed, not written).
        assert!(check(inherited, 24, 3));
        // Freeing an inherited block through the arena does nothing.
        // SAFETY: `inherited` is a live block; the arena ignores it.
        unsafe { PoolAllocator.dealloc(inherited, layout) };
        assert!(check(inherited, 24, 3));
        // SAFETY: still live (the arena did not free it); return it to its owner.
        unsafe { System.dealloc(inherited, layout) };
        // Growing across size classes and into large spans keeps the contents.
        let mut size = 5000;
        let mut ptr = moved;
        for new_size in [9000, 70_000, 1 << 20, 100] {
            let old = Layout::from_size_align(size, 8).expect("layout");
            // SAFETY: `ptr` is live with `old`.
            ptr = unsafe { PoolAllocator.realloc(ptr, old, new_size) };
            assert!(check(ptr, 24, 3), "contents lost growing to {new_size}");
            size = new_size;
        }
        // SAFETY: `ptr` is live with this layout.
        unsafe { PoolAllocator.dealloc(ptr, Layout::from_size_align(size, 8).expect("layout")) };
    }

    #[test]
    fn large_orders_cover_the_size() {
        for size in [MAX_SMALL + 1, 65536, 65537, 1 << 20, (1 << 20) + 1] {
            let order = large_order(size).expect("order");
            assert!(PAGE << order >= size);
            assert!(order == 0 || PAGE << (order - 1) < size);
        }
    }
}
