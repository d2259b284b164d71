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
//! Reference cycles are not collected (there is no cycle GC): they leak, which is acceptable for
//! short-lived worker jobs and documented in `docs/architecture.md`.
//!
//! A suspended generator whose last reference goes away is not freed at once: it is queued
//! (`take_finalizers`) so the interpreter can close it and run its `finally` blocks, as CPython
//! does when it deallocates a generator.
//!
//! This module (the pointer, and `run_on_big_stack`) is the only place with `unsafe`.

use crate::object::{GenState, Object};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::ptr::NonNull;

thread_local! {
    /// Suspended generators whose last reference went away: they are kept alive until the
    /// interpreter closes them (running their `finally` blocks), as CPython does on dealloc.
    static FINALIZE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether objects are waiting for `take_finalizers`.
#[inline(always)]
pub fn has_finalizers() -> bool {
    PENDING.with(|p| p.get())
}

/// The objects waiting to be finalized.
pub fn take_finalizers() -> Vec<ObjRef> {
    PENDING.with(|p| p.set(false));
    FINALIZE
        .try_with(|f| std::mem::take(&mut *f.borrow_mut()))
        .unwrap_or_default()
}

/// Whether a dying object must be finalized by the interpreter before it is freed.
fn needs_finalizer(body: &Object) -> bool {
    matches!(body, Object::Generator(g) if g.state == GenState::Suspended && g.frame.is_some())
}

/// Header flag: the object is immortal; refcount operations skip it.
pub const IMMORTAL: u32 = 1;

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

impl ObjRef {
    /// Allocates a new object with refcount 1.
    pub fn new(body: Object) -> ObjRef {
        let boxed = Box::new(HeapBox {
            header: Header {
                refcount: Cell::new(1),
                flags: Cell::new(0),
            },
            body: UnsafeCell::new(body),
        });
        ObjRef {
            ptr: NonNull::from(Box::leak(boxed)),
        }
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: `ptr` came from `Box::leak` and stays allocated while any `ObjRef` to it
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
        let h = self.header();
        h.flags.set(h.flags.get() | IMMORTAL);
    }

    /// The current count (meaningless once immortal).
    pub fn refcount(&self) -> u32 {
        self.header().refcount.get()
    }

    /// The raw header bytes, for tests that prove immortal objects are never written.
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
        let n = h.refcount.get() - 1;
        h.refcount.set(n);
        if n == 0 && needs_finalizer(self.get()) {
            // Resurrect with one count owned by the finalization queue. If the queue is gone
            // (thread exit) the object is freed without running its `finally` blocks.
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
        if n == 0 {
            // SAFETY: the count reached zero, so this was the last `ObjRef`; the allocation came
            // from `Box::leak` in `new` and is reclaimed exactly once here.
            drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
        }
    }
}

/// Moves a value to another thread and back.
struct SendBox<T>(T);

// SAFETY: `run_on_big_stack` moves the interpreter (and everything reachable from it) to one
// helper thread while the calling thread blocks in `join`; the two threads never run
// interpreter code concurrently, and the result comes back the same way. No `ObjRef` is shared:
// ownership moves wholesale.
unsafe impl<T> Send for SendBox<T> {}

/// Host stack reserved for the interpreter thread: Python recursion (1000 frames) plus
/// callbacks through built-ins must never overflow it, even in debug builds.
const BIG_STACK: usize = 1 << 30;

/// Runs `f(state)` on a fresh thread with a large reserved stack and joins it before returning,
/// so no thread outlives the call (the zygote forks only when single-threaded).
pub fn run_on_big_stack<S: 'static, R: 'static>(state: S, f: fn(S) -> R) -> R {
    let input = SendBox((state, f));
    let handle = std::thread::Builder::new()
        .name("permafrost-eval".into())
        .stack_size(BIG_STACK)
        .spawn(move || {
            let input = input;
            let SendBox((state, f)) = input;
            SendBox(f(state))
        });
    // Failing to create a thread means the process is out of resources; there is no state to
    // recover (the closure owning the interpreter was consumed), so this is fatal.
    #[allow(clippy::expect_used)]
    let handle = handle.expect("cannot start the interpreter thread");
    match handle.join() {
        Ok(SendBox(r)) => r,
        Err(panic) => std::panic::resume_unwind(panic),
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
