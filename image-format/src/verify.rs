//! The bytecode verifier: proves once, at load, what the interpreter then assumes on every
//! instruction — every opcode exists, every operand is in range for its [`ArgKind`], the
//! line and exception tables are sorted and in range, and (by abstract interpretation over
//! the control-flow graph) the value stack never underflows, has one depth per instruction
//! and never exceeds `co_stacksize`, and control never runs off the end of the code.

use crate::model::{ExceptionEntry, LineEntry};
use crate::opcode::{decode, falls_through, ArgKind, BinaryOp, Opcode};
use std::fmt;
use std::sync::OnceLock;

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
    /// Where in the code object the fault is.
    pub location: Location,
    /// What was wrong, naming the instruction or table entry.
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

/// Checks one instruction's opcode and operand against `shape`: every rule, with a precise
/// message. The verifier's fast screen sends only unusual or invalid instructions here.
fn check_operand(
    index: usize,
    word: u32,
    len: usize,
    shape: &CodeShape,
) -> Result<(), VerifyError> {
    let (byte, arg) = decode(word);
    // Deliberately independent of `op_table`, which is built with this function's help.
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
                return Err(at_instr(
                    index,
                    word,
                    "takes no argument, but has one".into(),
                ));
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
        Opcode::SWAP if arg < 2 => Some("SWAP needs an argument of at least 2"),
        _ if op.stack_effect(arg, false).is_none() => Some("invalid argument for this opcode"),
        _ => None,
    };
    match invalid {
        Some(message) => Err(at_instr(index, word, message.into())),
        None => Ok(()),
    }
}

/// Working memory of the verifier, reused across code objects to spare allocations.
#[derive(Default)]
pub struct Scratch {
    handler_at: Vec<u32>,
    depth: Vec<i64>,
    work: Vec<usize>,
}

/// Verifies one code object. `exceptions` and `lines` are its tables.
pub fn verify_code(
    code: &[u32],
    lines: &[LineEntry],
    exceptions: &[ExceptionEntry],
    shape: &CodeShape,
) -> Result<(), VerifyError> {
    verify_code_in(&mut Scratch::default(), code, lines, exceptions, shape)
}

/// [`verify_code`] with caller-provided working memory.
pub fn verify_code_in(
    scratch: &mut Scratch,
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
    // Fast screen: one table lookup and one comparison per instruction; anything unusual
    // (or wrong) goes through `check_operand`, which knows every rule and every message.
    let table = op_table();
    let limits = limits_of(shape, len);
    let mut has_jumps = false;
    for (index, &word) in code.iter().enumerate() {
        if !screen(table, &limits, word) {
            check_operand(index, word, len, shape)?;
        }
        has_jumps |= table[decode(word).0 as usize].is_some_and(|info| info.jumps);
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
    let handler_at = &mut scratch.handler_at;
    handler_at.clear();
    if !exceptions.is_empty() {
        handler_at.resize(len, u32::MAX);
    }
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
            return Err(fail(format!(
                "range ends past the code ({len} instructions)"
            )));
        }
        if e.handler as usize >= len {
            return Err(fail(format!(
                "handler is past the code ({len} instructions)"
            )));
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

    if !has_jumps && exceptions.is_empty() {
        return verify_straight_line(code, table, shape.stacksize as i64);
    }

    // Abstract interpretation of the stack depth. Straight-line code is followed in a loop;
    // only jump targets and handlers go through the work list.
    let depth = &mut scratch.depth;
    depth.clear();
    depth.resize(len, -1);
    let work = &mut scratch.work;
    work.clear();
    let stacksize = shape.stacksize as i64;
    depth[0] = 0;
    work.push(0);
    while let Some(mut i) = work.pop() {
        loop {
            let word = code[i];
            let d = depth[i];
            let (byte, arg) = decode(word);
            let Some(info) = &table[byte as usize] else {
                // Every opcode was checked in the operand pass.
                break;
            };
            let stack = info.stack(arg);
            let inputs = stack.inputs;
            if d < inputs {
                return Err(at_instr(
                    i,
                    word,
                    format!("stack underflow: needs {inputs} items, the stack holds {d}"),
                ));
            }
            let covering = handler_at.get(i).and_then(|&k| exceptions.get(k as usize));
            if let Some(e) = covering {
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
                if reach(depth, e.handler as usize, kept + 1, stacksize, code, i)? {
                    work.push(e.handler as usize);
                }
            }
            if info.jumps {
                let effect = stack.jump_effect;
                if reach(depth, arg as usize, d + effect, stacksize, code, i)? {
                    work.push(arg as usize);
                }
            }
            if !info.falls_through {
                break;
            }
            if i + 1 == len {
                return Err(at_instr(
                    i,
                    word,
                    "control falls off the end of the code".into(),
                ));
            }
            let effect = stack.effect;
            if !reach(depth, i + 1, d + effect, stacksize, code, i)? {
                break;
            }
            i += 1;
        }
    }
    Ok(())
}

/// The abstract interpretation for code without jumps or handlers: control runs from the
/// first instruction to the first that does not fall through, so one pass with one depth
/// does; the rest is unreachable. Same checks and messages as the general walk.
fn verify_straight_line(
    code: &[u32],
    table: &[Option<OpInfo>; 256],
    stacksize: i64,
) -> Result<(), VerifyError> {
    let mut d: i64 = 0;
    for (i, &word) in code.iter().enumerate() {
        let (byte, arg) = decode(word);
        let Some(info) = &table[byte as usize] else {
            // Every opcode was checked in the operand pass.
            return Ok(());
        };
        let stack = info.stack(arg);
        if d < stack.inputs {
            return Err(at_instr(
                i,
                word,
                format!(
                    "stack underflow: needs {} items, the stack holds {d}",
                    stack.inputs
                ),
            ));
        }
        if !info.falls_through {
            return Ok(());
        }
        if i + 1 == code.len() {
            return Err(at_instr(
                i,
                word,
                "control falls off the end of the code".into(),
            ));
        }
        d += stack.effect;
        if d > stacksize {
            return Err(at_instr(
                i,
                word,
                format!("stack depth {d} exceeds co_stacksize {stacksize}"),
            ));
        }
        if d < 0 {
            return Err(at_instr(i, word, "stack underflow".into()));
        }
    }
    Ok(())
}

/// Records that control reaches `target` with stack depth `d` from instruction `from`.
/// `Ok(true)` when `target` is reached for the first time (and must be explored).
#[inline(always)]
fn reach(
    depth: &mut [i64],
    target: usize,
    d: i64,
    stacksize: i64,
    code: &[u32],
    from: usize,
) -> Result<bool, VerifyError> {
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
        Ok(true)
    } else if known != d {
        Err(at_instr(
            from,
            code[from],
            format!(
                "reaches instruction {target} with stack depth {d}, \
                 but another path reaches it with depth {known}"
            ),
        ))
    } else {
        Ok(false)
    }
}

/// What the verifier needs of an opcode, looked up by its byte.
#[derive(Clone, Copy)]
struct OpInfo {
    op: Opcode,
    jumps: bool,
    falls_through: bool,
    /// The stack behaviour when it does not depend on the argument (precomputed, so the hot
    /// loop avoids the big `match`es of `opcode.rs`).
    fixed: Option<StackUse>,
    /// Which per-code bound the argument must stay below (see `verify_code_in`).
    limit_slot: usize,
    /// A selector's bound; `u32::MAX` for other kinds.
    selector_limit: u32,
    /// Bit `k` set when selector `k` is valid; all ones for other kinds.
    selectors: u32,
    /// Needs more than a range check (`check_operand` does it).
    special: bool,
    /// `selector_uses` holds the stack use per selector value.
    small_selectors: bool,
    selector_uses: [[i8; 3]; 32],
}

/// The per-code bounds, indexed by `OpInfo::limit_slot`.
fn limits_of(shape: &CodeShape, len: usize) -> [u64; LIMIT_SLOTS] {
    [
        1,
        u64::MAX,
        shape.consts as u64,
        shape.names as u64,
        shape.locals as u64,
        shape.derefs as u64,
        len as u64,
    ]
}

/// Whether an instruction certainly passes `check_operand` (`false`: ask it).
#[inline(always)]
fn screen(table: &[Option<OpInfo>; 256], limits: &[u64; LIMIT_SLOTS], word: u32) -> bool {
    let (byte, arg) = decode(word);
    match &table[byte as usize] {
        Some(info) => {
            let limit = limits[info.limit_slot].min(info.selector_limit as u64);
            !info.special && (arg as u64) < limit && (info.selectors >> (arg & 31)) & 1 != 0
        }
        None => false,
    }
}

/// The valid values of a selector argument, as a bit set, found by asking `check_operand`.
fn valid_selectors(op: Opcode) -> u32 {
    let ArgKind::Selector(limit) = op.arg_kind() else {
        return u32::MAX;
    };
    let shape = CodeShape {
        consts: u32::MAX,
        names: u32::MAX,
        locals: u32::MAX,
        derefs: u32::MAX,
        stacksize: u32::MAX,
    };
    (0..limit.min(32))
        .filter(|&arg| check_operand(0, crate::opcode::encode(op, arg), 1, &shape).is_ok())
        .fold(0, |mask, arg| mask | 1 << arg)
}

/// Bounds an argument is checked against: none-args (< 1), counts (unbounded), consts,
/// names, locals, derefs, jump targets.
const LIMIT_SLOTS: usize = 7;

fn limit_slot(kind: ArgKind) -> usize {
    match kind {
        ArgKind::None => 0,
        ArgKind::Count | ArgKind::Selector(_) => 1,
        ArgKind::Const => 2,
        ArgKind::Name => 3,
        ArgKind::Local => 4,
        ArgKind::Deref => 5,
        ArgKind::Jump => 6,
    }
}

/// Items an instruction needs and its net effects on the two paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StackUse {
    inputs: i64,
    effect: i64,
    jump_effect: i64,
}

impl StackUse {
    fn of(op: Opcode, arg: u32) -> Option<StackUse> {
        Some(StackUse {
            inputs: op.stack_inputs(arg),
            effect: op.stack_effect(arg, false)?,
            jump_effect: op.stack_effect(arg, true)?,
        })
    }
}

impl OpInfo {
    #[inline(always)]
    fn stack(&self, arg: u32) -> StackUse {
        match self.fixed {
            Some(fixed) => fixed,
            None if self.small_selectors => {
                // `arg` passed the operand checks, so it is a valid selector below 32.
                let [inputs, effect, jump_effect] = self.selector_uses[(arg & 31) as usize];
                StackUse {
                    inputs: inputs as i64,
                    effect: effect as i64,
                    jump_effect: jump_effect as i64,
                }
            }
            // The operand pass rejected arguments without a stack effect.
            None => StackUse::of(self.op, arg).unwrap_or(StackUse {
                inputs: i64::MAX,
                effect: 0,
                jump_effect: 0,
            }),
        }
    }
}

/// Whether `op`'s stack behaviour is the same for every argument it may carry: always for
/// index and jump arguments (what they index never changes the stack; the unit tests check
/// this against `opcode.rs`), and for selectors when every selector value agrees.
fn fixed_stack_use(op: Opcode) -> Option<StackUse> {
    match op.arg_kind() {
        ArgKind::Count => None,
        ArgKind::Selector(limit) => {
            let first = StackUse::of(op, 0)?;
            (1..limit)
                .all(|arg| StackUse::of(op, arg).is_none_or(|u| u == first))
                .then_some(first)
        }
        _ => StackUse::of(op, 0),
    }
}

/// The stack use of each valid selector of a selector opcode (bound at most 32, every value
/// fitting an `i8`), so the verifier need not recompute it per instruction.
fn selector_uses(op: Opcode) -> Option<[[i8; 3]; 32]> {
    let ArgKind::Selector(limit) = op.arg_kind() else {
        return None;
    };
    if limit > 32 {
        return None;
    }
    let mut uses = [[0i8; 3]; 32];
    for arg in 0..limit {
        if let Some(u) = StackUse::of(op, arg) {
            uses[arg as usize] = [
                i8::try_from(u.inputs).ok()?,
                i8::try_from(u.effect).ok()?,
                i8::try_from(u.jump_effect).ok()?,
            ];
        }
    }
    Some(uses)
}

/// Per-byte opcode facts, built once from the definitions in `opcode.rs`.
fn op_table() -> &'static [Option<OpInfo>; 256] {
    static TABLE: OnceLock<[Option<OpInfo>; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [None; 256];
        for &op in Opcode::ALL {
            table[op as usize] = Some(OpInfo {
                op,
                jumps: op.arg_kind() == ArgKind::Jump,
                falls_through: falls_through(op),
                fixed: fixed_stack_use(op),
                limit_slot: limit_slot(op.arg_kind()),
                selector_limit: match op.arg_kind() {
                    ArgKind::Selector(limit) => limit,
                    _ => u32::MAX,
                },
                selectors: valid_selectors(op),
                small_selectors: selector_uses(op).is_some(),
                selector_uses: selector_uses(op).unwrap_or_default(),
                special: match op.arg_kind() {
                    // Count arguments are unbounded: those with invalid values go the slow way.
                    ArgKind::Count => {
                        op == Opcode::SWAP
                            || (0..=8).any(|arg| op.stack_effect(arg, false).is_none())
                    }
                    ArgKind::Selector(limit) => limit > 32,
                    _ => false,
                },
            });
        }
        table
    })
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
    fn fixed_stack_uses_agree_with_the_opcode_table() {
        for &op in Opcode::ALL {
            let Some(fixed) = fixed_stack_use(op) else {
                continue;
            };
            for arg in [0, 1, 2, 3, 7, 100, 255, 256, 4097, crate::opcode::MAX_ARG] {
                if let ArgKind::Selector(limit) = op.arg_kind() {
                    if arg >= limit {
                        continue;
                    }
                }
                if let Some(u) = StackUse::of(op, arg) {
                    assert_eq!(u, fixed, "{op:?} {arg}");
                }
            }
        }
        assert!(fixed_stack_use(LOAD_CONST).is_some());
        assert!(fixed_stack_use(BINARY_OP).is_some());
        assert!(fixed_stack_use(MAKE_FUNCTION).is_none());
        assert!(fixed_stack_use(CALL).is_none());
    }

    #[test]
    fn the_fast_screen_never_accepts_what_the_full_check_rejects() {
        let shape = CodeShape {
            consts: 3,
            names: 2,
            locals: 4,
            derefs: 1,
            stacksize: 10,
        };
        let len = 6;
        let limits = limits_of(&shape, len);
        for byte in 0..=255u8 {
            for arg in (0..40).chain([255, 256, 4096, crate::opcode::MAX_ARG]) {
                let word = byte as u32 | arg << 8;
                if screen(op_table(), &limits, word) {
                    assert_eq!(check_operand(0, word, len, &shape), Ok(()), "{byte} {arg}");
                }
            }
        }
    }

    #[test]
    fn precomputed_stack_uses_agree_with_the_opcode_table() {
        for &op in Opcode::ALL {
            let info = op_table()[op as usize].expect("every opcode is in the table");
            for arg in 0..40 {
                if check_operand(0, encode(op, arg), 64, &shape(10)).is_ok()
                    && op.arg_kind() != ArgKind::Count
                {
                    assert_eq!(Some(info.stack(arg)), StackUse::of(op, arg), "{op:?} {arg}");
                }
            }
        }
    }

    #[test]
    fn straight_line_path_agrees_with_the_general_walk() {
        // Random jump-free programs, verified as they are (the straight-line path) and with an
        // unreachable `JUMP 0` appended (forcing the general walk): same verdicts, same
        // messages.
        let menu = [
            encode(LOAD_CONST, 0),
            encode(LOAD_CONST, 1),
            encode(POP_TOP, 0),
            encode(BINARY_OP, 0),
            encode(BUILD_TUPLE, 2),
            encode(COPY, 1),
            encode(SWAP, 2),
            encode(UNARY_NOT, 0),
            encode(CALL, 1),
            encode(RETURN_VALUE, 0),
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut verdicts = [0usize; 2];
        for _ in 0..3000 {
            let len = 1 + next(8);
            let mut code: Vec<u32> = (0..len).map(|_| menu[next(menu.len())]).collect();
            code.push(encode(RETURN_VALUE, 0));
            let stacksize = next(4) as u32;
            let straight = verify_code(&code, &[], &[], &shape(stacksize));
            code.push(encode(JUMP, 0));
            let general = verify_code(&code, &[], &[], &shape(stacksize));
            assert_eq!(straight, general, "{code:x?} stacksize {stacksize}");
            verdicts[straight.is_ok() as usize] += 1;
        }
        assert!(verdicts[0] > 100 && verdicts[1] > 100, "{verdicts:?}");
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
