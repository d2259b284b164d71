//! Coroutine constructs: `await`, `async for`, `async with` exits and the pieces of async
//! comprehensions, laid out as CPython 3.11 compiles them. Every await is
//! `GET_AWAITABLE k; LOAD_CONST None; L: YIELD_FROM end; JUMP L; end:`, the same delegation
//! loop as `yield from`.

use super::{Codegen, FBlockKind, R};
use crate::assemble::{Handler, Label};
use crate::scope::ScopeKind;
use permafrost_image::opcode::Opcode;
use permafrost_image::Constant;
use ruff_python_ast as ast;
use ruff_text_size::Ranged;

impl<'a> Codegen<'_, 'a> {
    /// `[.., iter] -> [.., result]`: delegates to the iterator on the stack until it returns.
    pub(super) fn delegate(&mut self) -> R {
        self.load_const(Constant::None)?;
        // YIELD_FROM re-executes itself while delegating; the jump back makes that loop
        // explicit for stack-depth analysis, which follows the fall-through edge.
        let delegate = self.label();
        let end = self.label();
        self.bind(delegate);
        self.jump(Opcode::YIELD_FROM, end);
        self.jump(Opcode::JUMP, delegate);
        self.bind(end);
        Ok(())
    }

    /// `[.., obj] -> [.., await obj]`; `source` names where `obj` came from in errors
    /// (0 an `await` expression, 1 `__aenter__`, 2 `__aexit__`).
    pub(super) fn await_top(&mut self, source: u32) -> R {
        self.emit(Opcode::GET_AWAITABLE, source);
        self.delegate()
    }

    /// `[.., exit] -> [..]`: awaits `exit(None, None, None)` and drops the result.
    pub(super) fn call_async_exit_with_nones(&mut self) -> R {
        for _ in 0..3 {
            self.load_const(Constant::None)?;
        }
        self.emit(Opcode::CALL, 3);
        self.await_top(2)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// Whether an awaited async comprehension may appear here: in an `async def` body or
    /// inside another comprehension.
    pub(super) fn in_async_context(&self) -> bool {
        let scope = &self.table.scopes[self.unit.scope];
        match self.unit.kind {
            ScopeKind::Comprehension => true,
            ScopeKind::Function => scope.is_async_def,
            _ => false,
        }
    }

    /// `[.., aiter] -> [.., aiter, item]`: awaits `aiter.__anext__()`; a `StopAsyncIteration`
    /// goes to `end` (which starts with `END_ASYNC_FOR`) with `depth` items kept.
    pub(super) fn async_next(&mut self, end: Label, depth: u32) -> R {
        self.push_fblock(
            FBlockKind::HandlerRegion,
            Some(Handler { label: end, depth }),
            0,
        );
        self.emit(Opcode::GET_ANEXT, 0);
        self.delegate()?;
        self.pop_fblock();
        Ok(())
    }

    pub(super) fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        self.expr(&f.iter)?;
        self.set_line(f.start());
        self.emit(Opcode::GET_AITER, 0);
        let top = self.label();
        let exhausted = self.label();
        let end = self.label();
        self.bind(top);
        let depth = self.base_depth() + 1;
        self.async_next(exhausted, depth)?;
        self.push_fblock(
            FBlockKind::ForLoop {
                cont: top,
                brk: end,
            },
            None,
            1,
        );
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.set_line(f.start());
        self.jump(Opcode::JUMP, top);
        self.bind(exhausted);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }
}
