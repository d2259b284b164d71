//! The heap budget behind `serve --worker-memory` and `run --memory-limit`: how many bytes
//! the process's heap holds, counted by the host's allocator, against a limit.
//!
//! Rust aborts the process when an allocation fails, so the limit cannot be enforced by
//! failing allocations. Instead the interpreter raises `MemoryError` itself:
//!
//! - before a large allocation whose size it knows (`[0] * n`, `bytes(n)`, `'x' * n`,
//!   `list(range(n))`, huge ints...), [`fits`] says whether it stays within the limit;
//! - for many small allocations, the allocator sets the [`over`] flag when the heap passes
//!   the limit, and the dispatch loop tests it where it already tests the recursion depth
//!   (calls) and at backward jumps (loops), as do loops that collect items natively.
//!
//! After raising, the flag trips again only once the heap grows by a further
//! [`headroom`] (so `except MemoryError:` code can run), and it re-arms at the limit as soon
//! as the heap shrinks back under it. A hard cap at four times the limit is the backstop:
//! past it the allocator refuses, which aborts the process unless the request was fallible.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// The counters. Plain atomics so the allocator can update them without allocating; they are
/// only written with the allocator's lock held (or by the interpreter's one thread).
struct Budget {
    /// The limit in bytes (0: none).
    limit: AtomicUsize,
    /// Past this the allocator refuses (`usize::MAX` without a limit).
    hard: AtomicUsize,
    /// Bytes of the heap in use, as the allocator counts them.
    in_use: AtomicUsize,
    /// `over` is raised when `in_use` passes this.
    trip: AtomicUsize,
    /// The heap passed `trip`: the interpreter raises `MemoryError` at its next check.
    over: AtomicBool,
}

static BUDGET: Budget = Budget::new();

/// Largest single allocation a Python operation may request (bytes) even without a limit;
/// beyond it the operation raises MemoryError instead of aborting the process.
pub const MAX_ALLOC: usize = 1 << 34;

impl Budget {
    const fn new() -> Budget {
        Budget {
            limit: AtomicUsize::new(0),
            hard: AtomicUsize::new(usize::MAX),
            in_use: AtomicUsize::new(0),
            trip: AtomicUsize::new(usize::MAX),
            over: AtomicBool::new(false),
        }
    }

    fn set_limit(&self, bytes: usize) {
        self.limit.store(bytes, Relaxed);
        let (hard, trip) = if bytes == 0 {
            (usize::MAX, usize::MAX)
        } else {
            (bytes.saturating_mul(4), bytes)
        };
        self.hard.store(hard, Relaxed);
        self.trip.store(trip, Relaxed);
        self.over.store(false, Relaxed);
    }

    fn reset_count(&self) {
        self.in_use.store(0, Relaxed);
        self.set_limit(self.limit.load(Relaxed));
    }

    #[inline(always)]
    fn admit(&self, bytes: usize) -> bool {
        let n = self.in_use.load(Relaxed).saturating_add(bytes);
        if n > self.hard.load(Relaxed) {
            return false;
        }
        self.in_use.store(n, Relaxed);
        if n > self.trip.load(Relaxed) {
            self.over.store(true, Relaxed);
        }
        true
    }

    #[inline(always)]
    fn release(&self, bytes: usize) {
        let n = self.in_use.load(Relaxed).saturating_sub(bytes);
        self.in_use.store(n, Relaxed);
        let limit = self.limit.load(Relaxed);
        // Without a limit nothing trips (a heap back at 0 bytes must not arm a limit of 0).
        if limit != 0 && n <= limit && (self.trip.load(Relaxed) != limit || self.over.load(Relaxed))
        {
            // Back under the limit (the overrun may have been answered by a size check's
            // MemoryError rather than the flag): the next overrun raises again.
            self.trip.store(limit, Relaxed);
            self.over.store(false, Relaxed);
        }
    }

    fn headroom(&self) -> usize {
        (self.limit.load(Relaxed) / 16).max(1 << 20)
    }

    fn raised(&self) {
        let n = self.in_use.load(Relaxed);
        self.trip.store(n.saturating_add(self.headroom()), Relaxed);
        self.over.store(false, Relaxed);
    }

    fn fits(&self, bytes: usize) -> bool {
        if bytes > MAX_ALLOC {
            return false;
        }
        let limit = self.limit.load(Relaxed);
        limit == 0 || self.in_use.load(Relaxed).saturating_add(bytes) <= limit
    }
}

/// Sets the limit (`0`: none); the hard cap is four times it.
pub fn set_limit(bytes: usize) {
    BUDGET.set_limit(bytes);
}

/// The limit in bytes (0: none).
pub fn limit() -> usize {
    BUDGET.limit.load(Relaxed)
}

/// Bytes of the heap in use (0 unless the host's allocator counts).
pub fn in_use() -> usize {
    BUDGET.in_use.load(Relaxed)
}

/// Starts counting from zero (a freshly forked worker: what it inherited is not its own).
pub fn reset_count() {
    BUDGET.reset_count();
}

/// The allocator hands out `bytes` more: `false` (refuse) past the hard cap. Never allocates.
#[inline(always)]
pub fn admit(bytes: usize) -> bool {
    BUDGET.admit(bytes)
}

/// The allocator took back `bytes`. Never allocates.
#[inline(always)]
pub fn release(bytes: usize) {
    BUDGET.release(bytes);
}

/// Whether the heap passed the limit since the interpreter last raised `MemoryError` for it.
#[inline(always)]
pub fn over() -> bool {
    BUDGET.over.load(Relaxed)
}

/// How far the heap may grow after a `MemoryError` before the next one: room for the
/// handlers and the traceback.
pub fn headroom() -> usize {
    BUDGET.headroom()
}

/// The interpreter raised `MemoryError` for the overrun: lower the flag and trip again only
/// after [`headroom`] more bytes (or at the limit, once the heap is back under it).
pub fn raised() {
    BUDGET.raised();
}

/// Whether allocating `bytes` more keeps the heap within the limit (and under [`MAX_ALLOC`]).
#[inline]
pub fn fits(bytes: usize) -> bool {
    BUDGET.fits(bytes)
}

/// [`fits`] for a size computed in a wider type (`None`: it overflowed).
#[inline]
pub fn fits_u128(bytes: Option<u128>) -> bool {
    bytes.is_some_and(|b| b <= MAX_ALLOC as u128 && fits(b as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trips_raises_rearms_and_caps() {
        // A budget of its own: the process-wide one is shared with every other test.
        let b = Budget::new();
        b.set_limit(100 << 20);
        assert!(b.admit(60 << 20));
        assert!(!b.over.load(Relaxed));
        assert!(b.fits(40 << 20));
        assert!(!b.fits(41 << 20));
        assert!(b.admit(50 << 20));
        assert!(b.over.load(Relaxed), "past the limit");
        b.raised();
        assert!(!b.over.load(Relaxed));
        assert!(b.admit(1 << 20));
        assert!(!b.over.load(Relaxed), "within the headroom");
        assert!(b.admit(b.headroom()));
        assert!(b.over.load(Relaxed), "past the headroom");
        b.raised();
        assert!(!b.admit(400 << 20), "the hard cap refuses");
        b.release(70 << 20);
        assert!(!b.over.load(Relaxed));
        assert!(b.admit(1 << 20));
        assert!(
            !b.over.load(Relaxed),
            "re-armed at the limit, still under it"
        );
        // An overrun that ends before the interpreter looked at the flag lowers it.
        assert!(b.admit(100 << 20));
        assert!(b.over.load(Relaxed));
        b.release(100 << 20);
        assert!(!b.over.load(Relaxed), "back under the limit");
        b.set_limit(0);
        b.reset_count();
        assert!(b.fits(MAX_ALLOC));
        assert!(!b.fits(MAX_ALLOC + 1));
    }

    #[test]
    fn without_a_limit_nothing_trips_even_after_the_heap_empties() {
        let b = Budget::new();
        b.set_limit(0);
        assert!(b.admit(4096));
        b.release(8192);
        assert!(b.admit(1 << 30));
        assert!(!b.over.load(Relaxed), "no limit, no MemoryError");
    }
}
