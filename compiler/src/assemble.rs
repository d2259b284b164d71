//! The instruction buffer of one code object: labels for forward jumps, the innermost
//! exception handler of every instruction, and the final assembly into `co_code`, the line
//! table, the flattened (sorted, non-overlapping) exception table and `co_stacksize`.

use permafrost_image::opcode::{encode, falls_through, ArgKind, Opcode, MAX_ARG};
use permafrost_image::{ExceptionEntry, LineEntry, Position};

/// A jump target, resolved to an instruction index when the code is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// The handler covering an instruction: where to go and the stack depth to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
}

#[derive(Clone, Copy, Debug)]
struct Instr {
    op: Opcode,
    /// For jump opcodes, the label number until assembly.
    arg: u32,
    line: u32,
    pos: Position,
    handler: Option<Handler>,
}

/// What assembly produces for one code object.
pub struct Assembled {
    pub code: Vec<u32>,
    pub linetable: Vec<LineEntry>,
    pub positions: Vec<Position>,
    pub exceptiontable: Vec<ExceptionEntry>,
    pub stacksize: u32,
}

#[derive(Default)]
pub struct InstrBuffer {
    instrs: Vec<Instr>,
    labels: Vec<Option<u32>>,
    /// Where the most recent label was bound; labels are only ever bound at the end, so a
    /// label points at the end exactly when this equals the instruction count.
    last_bound: Option<u32>,
}

impl InstrBuffer {
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label((self.labels.len() - 1) as u32)
    }

    /// Binds `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        let here = self.instrs.len() as u32;
        self.labels[label.0 as usize] = Some(here);
        self.last_bound = Some(here);
    }

    pub fn emit(&mut self, op: Opcode, arg: u32, pos: Position, handler: Option<Handler>) {
        self.instrs.push(Instr {
            op,
            arg,
            line: pos.line,
            pos,
            handler,
        });
    }

    pub fn emit_jump(
        &mut self,
        op: Opcode,
        target: Label,
        pos: Position,
        handler: Option<Handler>,
    ) {
        debug_assert_eq!(op.arg_kind(), ArgKind::Jump);
        self.emit(op, target.0, pos, handler);
    }

    /// Whether control can reach the end of the buffer: the last instruction falls through
    /// or some label points at the end.
    pub fn end_reachable(&self) -> bool {
        let end = self.instrs.len() as u32;
        match self.instrs.last() {
            None => true,
            Some(last) => falls_through(last.op) || self.last_bound == Some(end),
        }
    }

    /// Threads jumps whose target is another jump on the same truth value, as CPython's
    /// peephole pass does: besides saving work, it is observable, because a value that already
    /// decided one `and`/`or` is not asked for its truth again (`(x or y) and z` calls
    /// `x.__bool__` once).
    fn thread_jumps(&mut self) {
        let n = self.instrs.len();
        let target_of = |labels: &[Option<u32>], label: u32| -> Option<usize> {
            labels
                .get(label as usize)
                .copied()
                .flatten()
                .map(|p| p as usize)
                .filter(|&p| p < n)
        };
        for i in 0..n {
            // Each rewrite moves the jump strictly forward or turns it into a plain
            // conditional jump, but a bound keeps a malformed buffer from looping.
            for _ in 0..n {
                let ins = self.instrs[i];
                let on_false = match ins.op {
                    Opcode::JUMP_IF_FALSE_OR_POP => true,
                    Opcode::JUMP_IF_TRUE_OR_POP => false,
                    _ => break,
                };
                let Some(t) = target_of(&self.labels, ins.arg) else {
                    break;
                };
                let tgt = self.instrs[t];
                let (same_pop, same_keep, other_pop, other_keep) = if on_false {
                    (
                        Opcode::POP_JUMP_IF_FALSE,
                        Opcode::JUMP_IF_FALSE_OR_POP,
                        Opcode::POP_JUMP_IF_TRUE,
                        Opcode::JUMP_IF_TRUE_OR_POP,
                    )
                } else {
                    (
                        Opcode::POP_JUMP_IF_TRUE,
                        Opcode::JUMP_IF_TRUE_OR_POP,
                        Opcode::POP_JUMP_IF_FALSE,
                        Opcode::JUMP_IF_FALSE_OR_POP,
                    )
                };
                let (op, arg) = if tgt.op == same_pop {
                    (same_pop, tgt.arg)
                } else if tgt.op == same_keep || tgt.op == Opcode::JUMP {
                    (ins.op, tgt.arg)
                } else if (tgt.op == other_keep || tgt.op == other_pop)
                    && tgt.line == ins.line
                    && t + 1 < n
                {
                    // The value is known to fail the target's test: pop it and go on after.
                    let after = self.new_label();
                    self.labels[after.0 as usize] = Some(t as u32 + 1);
                    (same_pop, after.0)
                } else {
                    break;
                };
                if target_of(&self.labels, arg) == Some(t) {
                    break;
                }
                self.instrs[i].op = op;
                self.instrs[i].arg = arg;
            }
        }
    }

    pub fn assemble(mut self) -> Result<Assembled, String> {
        self.thread_jumps();
        let n = self.instrs.len();
        let resolve = |label: u32| -> Result<u32, String> {
            match self.labels.get(label as usize).copied().flatten() {
                Some(pos) if (pos as usize) < n => Ok(pos),
                _ => Err(format!("jump to unbound label {label}")),
            }
        };
        if n as u64 > MAX_ARG as u64 {
            return Err("code object too large".into());
        }
        let mut code = Vec::with_capacity(n);
        let mut resolved = Vec::with_capacity(n);
        for ins in &self.instrs {
            let arg = if ins.op.arg_kind() == ArgKind::Jump {
                resolve(ins.arg)?
            } else {
                ins.arg
            };
            if arg > MAX_ARG {
                return Err(format!("argument of {} too large", ins.op.name()));
            }
            code.push(encode(ins.op, arg));
            resolved.push((ins.op, arg));
        }

        let mut linetable: Vec<LineEntry> = Vec::new();
        for (i, ins) in self.instrs.iter().enumerate() {
            if linetable.last().map(|l| l.line) != Some(ins.line) {
                linetable.push(LineEntry {
                    start: i as u32,
                    line: ins.line,
                });
            }
        }

        let mut exceptiontable: Vec<ExceptionEntry> = Vec::new();
        let mut handlers: Vec<Option<(u32, u32)>> = Vec::with_capacity(n);
        for (i, ins) in self.instrs.iter().enumerate() {
            let h = match ins.handler {
                Some(h) => Some((resolve(h.label.0)?, h.depth)),
                None => None,
            };
            handlers.push(h);
            let Some((handler, depth)) = h else { continue };
            match exceptiontable.last_mut() {
                Some(last)
                    if last.end == i as u32 && last.handler == handler && last.depth == depth =>
                {
                    last.end += 1;
                }
                _ => exceptiontable.push(ExceptionEntry {
                    start: i as u32,
                    end: i as u32 + 1,
                    handler,
                    depth,
                }),
            }
        }

        let stacksize = stack_depth(&resolved, &handlers)?;
        let positions = self.instrs.iter().map(|i| i.pos).collect();
        Ok(Assembled {
            code,
            linetable,
            positions,
            exceptiontable,
            stacksize,
        })
    }
}

/// The maximum value-stack depth over every path, with handlers entered at their depth
/// plus the pushed exception. Inconsistent depths at a join are a compiler bug.
fn stack_depth(code: &[(Opcode, u32)], handlers: &[Option<(u32, u32)>]) -> Result<u32, String> {
    let n = code.len();
    let mut depth_at: Vec<Option<i64>> = vec![None; n];
    let mut work: Vec<usize> = Vec::new();
    let mut max: i64 = 0;
    let visit = |target: usize,
                 depth: i64,
                 depth_at: &mut Vec<Option<i64>>,
                 work: &mut Vec<usize>|
     -> Result<(), String> {
        if target >= n {
            return Err(format!(
                "control flows past the end of the code at {target}"
            ));
        }
        if depth < 0 {
            return Err(format!("stack underflow reaching instruction {target}"));
        }
        match depth_at[target] {
            Some(d) if d == depth => Ok(()),
            Some(d) => Err(format!(
                "inconsistent stack depth at instruction {target}: {d} vs {depth}"
            )),
            None => {
                depth_at[target] = Some(depth);
                work.push(target);
                Ok(())
            }
        }
    };
    if n > 0 {
        visit(0, 0, &mut depth_at, &mut work)?;
    }
    while let Some(i) = work.pop() {
        let depth = depth_at[i].unwrap_or(0);
        let (op, arg) = code[i];
        max = max.max(depth);
        if depth < op.stack_inputs(arg) {
            return Err(format!(
                "stack underflow at instruction {i} ({})",
                op.name()
            ));
        }
        if let Some((handler, hdepth)) = handlers[i] {
            let hd = hdepth as i64 + 1;
            max = max.max(hd);
            visit(handler as usize, hd, &mut depth_at, &mut work)?;
        }
        let effect = op
            .stack_effect(arg, false)
            .ok_or_else(|| format!("invalid argument {arg} for {}", op.name()))?;
        if op.arg_kind() == ArgKind::Jump {
            let jump_effect = op
                .stack_effect(arg, true)
                .ok_or_else(|| format!("invalid argument {arg} for {}", op.name()))?;
            max = max.max(depth + jump_effect);
            visit(arg as usize, depth + jump_effect, &mut depth_at, &mut work)?;
        }
        if falls_through(op) {
            max = max.max(depth + effect);
            visit(i + 1, depth + effect, &mut depth_at, &mut work)?;
        }
    }
    // A handler region in unreachable code (an `except*` clause of a `try` whose body cannot
    // raise) still has a table entry, which must fit the stack too.
    for (_, hdepth) in handlers.iter().flatten() {
        max = max.max(*hdepth as i64 + 1);
    }
    u32::try_from(max).map_err(|_| "stack too deep".to_string())
}
