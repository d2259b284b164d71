//! An activation record: the code being run, its fast locals (slots), value stack, cells
//! (`co_cellvars ++ co_freevars`), and the frame's own stack of exceptions being handled.
//! Frames are boxed: a call takes one from the worker's frame pool (`Vm::frame_pool`) and
//! gives it back when it returns, so a call allocates nothing once the pool is warm; a
//! generator keeps its box between resumptions and returns it to the pool when it finishes.

use crate::value::heap::ObjRef;
use crate::value::Value;

pub struct Frame {
    /// Image index of the code object.
    pub code: u32,
    /// Transient layout: the heap code object; run-time code: its transient unit. Held
    /// (refcounted) for the frame's lifetime.
    pub heap_code: Option<ObjRef>,
    /// Module index whose globals this frame reads.
    pub module: u32,
    /// Next instruction.
    pub ip: usize,
    pub locals: Vec<Value>,
    pub stack: Vec<Value>,
    pub cells: Vec<ObjRef>,
    /// Exceptions being handled in this frame (`PUSH_EXC_INFO` / `POP_EXCEPT`).
    pub exc_stack: Vec<Value>,
    /// Class bodies: the namespace dict behind LOAD_NAME / STORE_NAME.
    pub namespace: Option<ObjRef>,
    /// Run-time code: the globals dict (`module` is then `NO_MODULE`).
    pub globals: Option<ObjRef>,
}

impl Frame {
    /// A frame holding nothing, to be filled by a call.
    pub fn empty() -> Frame {
        Frame {
            code: 0,
            heap_code: None,
            module: 0,
            ip: 0,
            locals: Vec::new(),
            stack: Vec::new(),
            cells: Vec::new(),
            exc_stack: Vec::new(),
            namespace: None,
            globals: None,
        }
    }

    /// Drops everything the frame holds, keeping its buffers' capacity for the next call.
    /// Locals go first, then the stack, then the rest in field order, as dropping a
    /// finished frame did.
    #[inline]
    pub fn reset(&mut self) {
        self.locals.clear();
        self.stack.clear();
        self.heap_code = None;
        self.cells.clear();
        self.exc_stack.clear();
        self.namespace = None;
        self.globals = None;
        self.ip = 0;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        // The verifier proved the stack depth of every instruction, so the stack is never
        // empty here; `Null` keeps a corrupt state from becoming a crash.
        self.stack.pop().unwrap_or(Value::Null)
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// The item `n` places below the top (`peek(1)` is the top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.stack.len();
        if n == 0 || n > len {
            return &Value::Null;
        }
        &self.stack[len - n]
    }
}

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// How a frame stopped running, with the value left in `Vm::ret_slot`.
///
/// Word-sized on purpose: `Result<ExitKind, ObjRef>` then has both payloads in the same
/// 8-byte slot and is returned in two registers rather than through memory.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum ExitKind {
    Return,
    Yield,
}
