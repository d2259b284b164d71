//! The bytecode verifier: proves once, at load, what the interpreter then assumes on every
//! instruction — every opcode exists, every operand is in range for its [`ArgKind`], the
//! line and exception tables are sorted and in range, and (by abstract interpretation over
//! the control-flow graph) the value stack never underflows, has one depth per instruction
//! and never exceeds `co_stacksize`, and control never runs off the end of the code.

use crate::model::{ExceptionEntry, LineEntry};
use crate::opcode::{decode, falls_through, ArgKind, BinaryOp, Opcode};
use std::fmt;

/// The bounds an instruction's operands are checked against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeShape {
    /// `len(co_consts)`
    pub consts: u32,
    /// `len(co_names)`
    pub names: u32,
    /// `len(co_varnames)`
    pub locals: u32,
    /// `len(co_cellvars) + len(co_freevars)`
    pub derefs: u32,
    /// `co_stacksize`
    pub stacksize: u32,
}

/// Which table entry a [`VerifyError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// The whole code object (for example: empty bytecode).
    Code,
    /// An instruction index.
    Instruction(u32),
    /// An index into the line table.
    LineEntry(u32),
    /// An index into the exception table.
    ExceptionEntry(u32),
}

/// Why a code object's bytecode was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

fn at_instr(index: usize, word: u32, message: String) -> VerifyError {
    let (byte, arg) = decode(word);
    let name = Opcode::from_u8(byte).map_or("?", |op| op.name());
    VerifyError {
        location: Location::Instruction(index as u32),
        message: format!(
            "instruction {index} (offset {}, {name} {arg}): {message}",
            index * 4
        ),
    }
}

/// Checks one instruction's opcode and operand against `shape`.
fn check_operand(index: usize, word: u32, len: usize, shape: &CodeShape) -> Result<(), VerifyError> {
    let (byte, arg) = decode(word);
    let Some(op) = Opcode::from_u8(byte) else {
        return Err(VerifyError {
            location: Location::Instruction(index as u32),
            message: format!(
                "instruction {index} (offset {}): unknown opcode 0x{byte:02x}",
                index * 4
            ),
        });
    };
    let bound = |what: &str, limit: u32| -> Result<(), VerifyError> {
        if arg >= limit {
            Err(at_instr(
                index,
                word,
                format!("{what} index {arg} out of range (the code object has {limit})"),
            ))
        } else {
            Ok(())
        }
    };
    match op.arg_kind() {
        ArgKind::None => {
            if arg != 0 {
                return Err(at_instr(index, word, "takes no argument, but has one".into()));
            }
        }
        ArgKind::Count => {}
        ArgKind::Const => bound("constant", shape.consts)?,
        ArgKind::Name => bound("name", shape.names)?,
        ArgKind::Local => bound("local variable", shape.locals)?,
        ArgKind::Deref => bound("cell/free variable", shape.derefs)?,
        ArgKind::Jump => {
            if arg as usize >= len {
                return Err(at_instr(
                    index,
                    word,
                    format!("jump target {arg} is past the end of the code ({len} instructions)"),
                ));
            }
        }
        ArgKind::Selector(limit) => {
            if arg >= limit {
                return Err(at_instr(
                    index,
                    word,
                    format!("selector {arg} out of range (must be below {limit})"),
                ));
            }
        }
    }
    let invalid = match op {
        Opcode::BINARY_OP if BinaryOp::from_arg(arg).is_none() => Some("no such binary operator"),
        Opcode::MAKE_FUNCTION if arg & 0x4 != 0 => Some("flag 0x4 (annotations) is not supported"),
        Opcode::SWAP if arg < 2 => Some("SWAP needs an argument of at least 2"),
        _ if op.stack_effect(arg, false).is_none() => Some("invalid argument for this opcode"),
        _ => None,
    };
    match invalid {
        Some(message) => Err(at_instr(index, word, message.into())),
        None => Ok(()),
    }
}

/// Verifies one code object. `exceptions` and `lines` are its tables.
pub fn verify_code(
    code: &[u32],
    lines: &[LineEntry],
    exceptions: &[ExceptionEntry],
    shape: &CodeShape,
) -> Result<(), VerifyError> {
    let len = code.len();
    if len == 0 {
        return Err(VerifyError {
            location: Location::Code,
            message: "empty bytecode (a code object must end in a return or raise)".into(),
        });
    }
    for (index, &word) in code.iter().enumerate() {
        check_operand(index, word, len, shape)?;
    }

    // Line table: sorted by start, every start inside the code.
    let mut prev_start = 0u32;
    for (k, entry) in lines.iter().enumerate() {
        let fail = |message: String| VerifyError {
            location: Location::LineEntry(k as u32),
            message: format!("line table entry {k}: {message}"),
        };
        if entry.start as usize >= len {
            return Err(fail(format!(
                "starts at instruction {} past the end of the code ({len} instructions)",
                entry.start
            )));
        }
        if k > 0 && entry.start < prev_start {
            return Err(fail(format!(
                "starts at instruction {} before the previous entry ({prev_start}): not sorted",
                entry.start
            )));
        }
        prev_start = entry.start;
    }

    // Exception table: sorted, non-overlapping, in range; remember which entry covers what.
    let mut handler_at: Vec<u32> = vec![u32::MAX; len];
    let mut prev_end = 0u32;
    for (k, e) in exceptions.iter().enumerate() {
        let fail = |message: String| VerifyError {
            location: Location::ExceptionEntry(k as u32),
            message: format!(
                "exception table entry {k} ({}..{} -> {}, depth {}): {message}",
                e.start, e.end, e.handler, e.depth
            ),
        };
        if e.start >= e.end {
            return Err(fail("empty or reversed range".into()));
        }
        if e.end as usize > len {
            return Err(fail(format!("range ends past the code ({len} instructions)")));
        }
        if e.handler as usize >= len {
            return Err(fail(format!("handler is past the code ({len} instructions)")));
        }
        if e.start < prev_end {
            return Err(fail(format!(
                "overlaps or precedes the previous entry (which ends at {prev_end})"
            )));
        }
        if e.depth >= shape.stacksize {
            return Err(fail(format!(
                "handler depth {} plus the exception exceeds co_stacksize {}",
                e.depth, shape.stacksize
            )));
        }
        prev_end = e.end;
        for slot in &mut handler_at[e.start as usize..e.end as usize] {
            *slot = k as u32;
        }
    }

    // Abstract interpretation of the stack depth.
    let mut depth: Vec<i64> = vec![-1; len];
    let mut work: Vec<usize> = Vec::new();
    let stacksize = shape.stacksize as i64;
    let reach = |target: usize,
                     d: i64,
                     from: usize,
                     depth: &mut Vec<i64>,
                     work: &mut Vec<usize>|
     -> Result<(), VerifyError> {
        if d > stacksize {
            return Err(at_instr(
                from,
                code[from],
                format!("stack depth {d} exceeds co_stacksize {stacksize}"),
            ));
        }
        if d < 0 {
            return Err(at_instr(from, code[from], "stack underflow".into()));
        }
        let known = depth[target];
        if known < 0 {
            depth[target] = d;
            work.push(target);
        } else if known != d {
            return Err(at_instr(
                from,
                code[from],
                format!(
                    "reaches instruction {target} with stack depth {d}, \
                     but another path reaches it with depth {known}"
                ),
            ));
        }
        Ok(())
    };
    depth[0] = 0;
    work.push(0);
    while let Some(i) = work.pop() {
        let word = code[i];
        let d = depth[i];
        let (byte, arg) = decode(word);
        let Some(op) = Opcode::from_u8(byte) else {
            // Every opcode was checked in the operand pass.
            continue;
        };
        let inputs = op.stack_inputs(arg);
        if d < inputs {
            return Err(at_instr(
                i,
                word,
                format!("stack underflow: needs {inputs} items, the stack holds {d}"),
            ));
        }
        if let Some(e) = exceptions.get(handler_at[i] as usize) {
            let kept = e.depth as i64;
            if kept > d {
                return Err(at_instr(
                    i,
                    word,
                    format!(
                        "the covering exception handler keeps depth {kept}, \
                         but the stack here holds only {d}"
                    ),
                ));
            }
            reach(e.handler as usize, kept + 1, i, &mut depth, &mut work)?;
        }
        if falls_through(op) {
            let effect = op.stack_effect(arg, false).unwrap_or(0);
            if i + 1 == len {
                return Err(at_instr(
                    i,
                    word,
                    "control falls off the end of the code".into(),
                ));
            }
            reach(i + 1, d + effect, i, &mut depth, &mut work)?;
        }
        if op.arg_kind() == ArgKind::Jump {
            let effect = op.stack_effect(arg, true).unwrap_or(0);
            reach(arg as usize, d + effect, i, &mut depth, &mut work)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::encode;
    use Opcode::*;

    fn shape(stacksize: u32) -> CodeShape {
        CodeShape {
            consts: 2,
            names: 1,
            locals: 1,
            derefs: 0,
            stacksize,
        }
    }

    #[test]
    fn accepts_a_loop() {
        let code = [
            encode(LOAD_CONST, 0),
            encode(GET_ITER, 0),
            encode(FOR_ITER, 5),
            encode(STORE_FAST, 0),
            encode(JUMP, 2),
            encode(LOAD_CONST, 1),
            encode(RETURN_VALUE, 0),
        ];
        assert_eq!(verify_code(&code, &[], &[], &shape(2)), Ok(()));
        let err = verify_code(&code, &[], &[], &shape(1)).unwrap_err();
        assert!(err.message.contains("exceeds co_stacksize 1"), "{err}");
    }

    #[test]
    fn rejects_inconsistent_depth_at_a_join() {
        let code = [
            encode(LOAD_CONST, 0),
            encode(POP_JUMP_IF_FALSE, 3),
            encode(LOAD_CONST, 0),
            encode(LOAD_CONST, 1),
            encode(RETURN_VALUE, 0),
        ];
        let err = verify_code(&code, &[], &[], &shape(4)).unwrap_err();
        assert!(err.message.contains("another path"), "{err}");
    }

    #[test]
    fn handler_entered_with_depth_plus_one() {
        let code = [
            encode(LOAD_CONST, 0),
            encode(RETURN_VALUE, 0),
            encode(POP_TOP, 0),
            encode(LOAD_CONST, 1),
            encode(RETURN_VALUE, 0),
        ];
        let exc = [ExceptionEntry {
            start: 0,
            end: 2,
            handler: 2,
            depth: 0,
        }];
        assert_eq!(verify_code(&code, &[], &exc, &shape(1)), Ok(()));
        let bad = [ExceptionEntry { depth: 1, ..exc[0] }];
        assert!(verify_code(&code, &[], &bad, &shape(2)).is_err());
    }
}
