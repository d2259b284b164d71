//! The permafrost instruction set: one definition shared by the compiler (which emits it),
//! the verifier (which proves it safe once, at load) and the interpreter (which trusts it).
//!
//! An instruction is one little-endian `u32` word: the low 8 bits are the opcode, the high
//! 24 bits its argument. Fixed width keeps dispatch a shift and a mask, makes every jump
//! target an instruction index (so "lands on an instruction boundary" is a range check), and
//! lets the interpreter read `co_code` in place as `&[u32]` from the mapped image.
//!
//! Stack effects are declared here, once, in [`Opcode::stack_effect`]; the compiler derives
//! `co_stacksize` from them and the verifier re-derives it from the bytecode alone.

/// Largest argument an instruction can carry (24 bits).
pub const MAX_ARG: u32 = (1 << 24) - 1;

/// What an instruction's argument refers to; the verifier range-checks each kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is ignored (must be 0).
    None,
    /// A count or small immediate (bounded by the stack-depth check where it matters).
    Count,
    /// Index into `co_consts`.
    Const,
    /// Index into `co_names`.
    Name,
    /// Index into `co_varnames` (a fast local).
    Local,
    /// Index into `co_cellvars ++ co_freevars`.
    Deref,
    /// Absolute instruction index of a jump target within the same code object.
    Jump,
    /// A sub-operation selector checked against a fixed table (binary op, compare op, ...).
    Selector(u32),
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $value:expr, $kind:expr; )*) => {
        /// Every opcode. Values are part of the image format: never renumber, only append.
        /// Names follow CPython's `dis` spelling so disassemblies read alike.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $value, )*
        }

        /// Each opcode's byte, so the dispatch loop can match an instruction's low byte
        /// directly: one jump table, no decoding step before it.
        pub mod byte {
            $( #[allow(missing_docs)] pub const $name: u8 = $value; )*
        }

        impl Opcode {
            /// Decodes an opcode byte; `None` for bytes that name no instruction. One load
            /// from a table: the dispatch loop decodes every instruction through it, and the
            /// numbering has gaps that make a `match` compile to branches.
            #[inline(always)]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                const TABLE: [Option<Opcode>; 256] = {
                    let mut table = [None; 256];
                    $( table[$value as usize] = Some(Opcode::$name); )*
                    table
                };
                TABLE[byte as usize]
            }

            /// The mnemonic printed by `permafrost dis`.
            pub fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => stringify!($name), )*
                }
            }

            /// What the argument indexes, for the verifier and the disassembler.
            pub fn arg_kind(self) -> ArgKind {
                match self {
                    $( Opcode::$name => $kind, )*
                }
            }

            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP = 0, ArgKind::None;
    /// `[a] -> []`
    POP_TOP = 1, ArgKind::None;
    /// `[.., x(n-th from top) .., top] -> [.., x, .., top, x]`; `n >= 1`, `COPY 1` duplicates the top.
    COPY = 2, ArgKind::Count;
    /// Swaps the top with the n-th item from the top (`n >= 2`).
    SWAP = 3, ArgKind::Count;
    /// `[] -> [co_consts[arg]]`
    LOAD_CONST = 4, ArgKind::Const;
    /// `[] -> [local]`; raises UnboundLocalError when unset.
    LOAD_FAST = 5, ArgKind::Local;
    /// `[v] -> []`
    STORE_FAST = 6, ArgKind::Local;
    /// Unbinds a local.
    DELETE_FAST = 7, ArgKind::Local;
    /// `[] -> [cell contents]`
    LOAD_DEREF = 8, ArgKind::Deref;
    /// `[v] -> []`
    STORE_DEREF = 9, ArgKind::Deref;
    /// Empties a cell.
    DELETE_DEREF = 10, ArgKind::Deref;
    /// `[] -> [cell]`, for building a closure tuple.
    LOAD_CLOSURE = 11, ArgKind::Deref;
    /// `[] -> [globals[name] or builtins[name]]`
    LOAD_GLOBAL = 12, ArgKind::Name;
    /// `[v] -> []`
    STORE_GLOBAL = 13, ArgKind::Name;
    /// Unbinds a global.
    DELETE_GLOBAL = 14, ArgKind::Name;
    /// Class bodies: `[] -> [namespace[name] or globals[name] or builtins[name]]`
    LOAD_NAME = 15, ArgKind::Name;
    /// Class bodies: `[v] -> []` into the namespace.
    STORE_NAME = 16, ArgKind::Name;
    /// Class bodies: unbinds from the namespace.
    DELETE_NAME = 17, ArgKind::Name;
    /// `[obj] -> [obj.name]`
    LOAD_ATTR = 18, ArgKind::Name;
    /// `[v, obj] -> []` (obj.name = v)
    STORE_ATTR = 19, ArgKind::Name;
    /// `[obj] -> []`
    DELETE_ATTR = 20, ArgKind::Name;
    /// `[obj] -> [callable, self_or_null]`: a method found on the type is pushed unbound with
    /// `obj` as self (no bound-method allocation); anything else is pushed with a null marker.
    LOAD_METHOD = 21, ArgKind::Name;
    /// `[callable, self_or_null, arg1..argN] -> [result]`
    CALL_METHOD = 22, ArgKind::Count;
    /// `[callable, arg1..argN] -> [result]`
    CALL = 23, ArgKind::Count;
    /// `[callable, arg1..argN, kwnames] -> [result]`; `kwnames` is a tuple of str naming the
    /// last `len(kwnames)` of the N arguments.
    CALL_KW = 24, ArgKind::Count;
    /// `[callable, args_tuple, (kwargs_dict if arg & 1)] -> [result]`
    CALL_EX = 25, ArgKind::Selector(2);
    /// `[(defaults) (kwdefaults) (closure) code] -> [function]`; flag bits of the argument:
    /// 0x1 defaults tuple, 0x2 kw-defaults dict, 0x8 closure tuple.
    MAKE_FUNCTION = 26, ArgKind::Selector(16);
    /// `[a, b] -> [a op b]`; the selector is a [`BinaryOp`], `+ 16` for the in-place form.
    BINARY_OP = 27, ArgKind::Selector(32);
    /// `[a] -> [-a]`
    UNARY_NEGATIVE = 28, ArgKind::None;
    /// `[a] -> [+a]`
    UNARY_POSITIVE = 29, ArgKind::None;
    /// `[a] -> [not a]`
    UNARY_NOT = 30, ArgKind::None;
    /// `[a] -> [~a]`
    UNARY_INVERT = 31, ArgKind::None;
    /// `[a, b] -> [a op b]`; the selector is a [`CompareOp`].
    COMPARE_OP = 32, ArgKind::Selector(6);
    /// `[a, b] -> [a is b]` (arg 1: `is not`)
    IS_OP = 33, ArgKind::Selector(2);
    /// `[a, b] -> [a in b]` (arg 1: `not in`)
    CONTAINS_OP = 34, ArgKind::Selector(2);
    /// `[container, key] -> [container[key]]`
    BINARY_SUBSCR = 35, ArgKind::None;
    /// `[v, container, key] -> []`
    STORE_SUBSCR = 36, ArgKind::None;
    /// `[container, key] -> []`
    DELETE_SUBSCR = 37, ArgKind::None;
    /// `[start, stop] -> [slice]` (arg 2) or `[start, stop, step] -> [slice]` (arg 3)
    BUILD_SLICE = 38, ArgKind::Count;
    /// `[x1..xN] -> [tuple]`
    BUILD_TUPLE = 39, ArgKind::Count;
    /// `[x1..xN] -> [list]`
    BUILD_LIST = 40, ArgKind::Count;
    /// `[x1..xN] -> [set]`
    BUILD_SET = 41, ArgKind::Count;
    /// `[k1, v1, .. kN, vN] -> [dict]`
    BUILD_MAP = 42, ArgKind::Count;
    /// `[s1..sN] -> [s1 + .. + sN]` (all str; f-strings)
    BUILD_STRING = 43, ArgKind::Count;
    /// `[.., list, .., v] -> [.., list, ..]`: appends to the list `arg` items below (after popping v).
    LIST_APPEND = 44, ArgKind::Count;
    /// As LIST_APPEND, for a set.
    SET_ADD = 45, ArgKind::Count;
    /// `[.., dict, .., k, v] -> [.., dict, ..]`
    MAP_ADD = 46, ArgKind::Count;
    /// `[.., list, .., iterable] -> [.., list, ..]`
    LIST_EXTEND = 47, ArgKind::Count;
    /// `[.., set, .., iterable] -> [.., set, ..]`
    SET_UPDATE = 48, ArgKind::Count;
    /// `[.., dict, .., mapping] -> [.., dict, ..]`
    DICT_UPDATE = 49, ArgKind::Count;
    /// As DICT_UPDATE, but a repeated key is a TypeError (`**kwargs` in calls).
    DICT_MERGE = 50, ArgKind::Count;
    /// `[list] -> [tuple]`
    LIST_TO_TUPLE = 51, ArgKind::None;
    /// `[value, (spec if arg & 4)] -> [str]`; `arg & 3`: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FORMAT_VALUE = 52, ArgKind::Selector(8);
    /// Unconditional jump.
    JUMP = 53, ArgKind::Jump;
    /// `[c] -> []`, jumps when `c` is falsy.
    POP_JUMP_IF_FALSE = 54, ArgKind::Jump;
    /// `[c] -> []`, jumps when `c` is truthy.
    POP_JUMP_IF_TRUE = 55, ArgKind::Jump;
    /// Falsy: jump keeping `c`; truthy: pop `c` and fall through (`and`).
    JUMP_IF_FALSE_OR_POP = 56, ArgKind::Jump;
    /// Truthy: jump keeping `c`; falsy: pop `c` and fall through (`or`).
    JUMP_IF_TRUE_OR_POP = 57, ArgKind::Jump;
    /// `[iterable] -> [iterator]`
    GET_ITER = 58, ArgKind::None;
    /// `[it] -> [it, next(it)]`, or on exhaustion `[it] -> []` and jump.
    FOR_ITER = 59, ArgKind::Jump;
    /// `[seq] -> [xN .. x1]` (x1 on top)
    UNPACK_SEQUENCE = 60, ArgKind::Count;
    /// `[seq] -> [after.., list, before..]`; arg = before | after << 8.
    UNPACK_EX = 61, ArgKind::Count;
    /// `[v] -> (returns v)`
    RETURN_VALUE = 62, ArgKind::None;
    /// `[v] -> [sent]`: suspends the generator frame, yielding v.
    YIELD_VALUE = 63, ArgKind::None;
    /// arg 0: `[] ->` re-raise the exception being handled; 1: `[exc] ->` raise;
    /// 2: `[exc, cause] ->` raise exc from cause.
    RAISE_VARARGS = 64, ArgKind::Selector(3);
    /// Handler prologue: `[exc] -> [exc]`, and `exc` becomes the exception being handled
    /// (pushed on the frame's handled-exception stack, outside the value stack).
    PUSH_EXC_INFO = 65, ArgKind::None;
    /// Pops the frame's handled-exception stack.
    POP_EXCEPT = 66, ArgKind::None;
    /// `[exc, type_or_tuple] -> [exc, bool]`
    CHECK_EXC_MATCH = 67, ArgKind::None;
    /// `[exc] ->` re-raises exc with its traceback intact.
    RERAISE = 68, ArgKind::None;
    /// `[] -> [AssertionError]`
    LOAD_ASSERTION_ERROR = 69, ArgKind::None;
    /// `[level, fromlist] -> [module]`: imports `co_names[arg]` as CPython's `__import__`
    /// (relative to the current package when `level > 0`; the top-level package of a dotted
    /// name when `fromlist` is `None`, else the named module itself).
    IMPORT_NAME = 70, ArgKind::Name;
    /// `[module] -> [module, module.name]` (ImportError when missing).
    IMPORT_FROM = 71, ArgKind::Name;
    /// `[] -> [__build_class__]`
    LOAD_BUILD_CLASS = 72, ArgKind::None;
    /// `[mgr] -> [exit, mgr.__enter__()]` where exit is the bound `mgr.__exit__`.
    BEFORE_WITH = 73, ArgKind::None;
    /// `[exit, exc] -> [exit, exc, exit(type(exc), exc, tb)]`
    WITH_EXCEPT_START = 74, ArgKind::None;
    /// Class bodies: `[] -> [namespace dict]` (for `__classcell__` and friends).
    LOAD_LOCALS = 75, ArgKind::None;
    /// `[iterable] -> [iterator]` for `yield from`.
    GET_YIELD_FROM_ITER = 76, ArgKind::None;
    /// `[iter, sent] -> [iter, result]` while delegating (re-executes itself) or, when the
    /// sub-iterator finishes, `[iter, sent] -> [return value]` and jump to arg.
    YIELD_FROM = 77, ArgKind::Jump;
    /// `[module] -> []`: `from module import *` into the module-level namespace (the names
    /// of `module.__all__`, else every name not starting with `_`).
    IMPORT_STAR = 78, ArgKind::None;
    /// `[x] -> [x, len(x)]` (pattern length checks).
    GET_LEN = 100, ArgKind::None;
    /// `[subject] -> [subject, bool]`: whether the subject is a mapping for `match`
    /// (a dict or dict subclass).
    MATCH_MAPPING = 101, ArgKind::None;
    /// `[subject] -> [subject, bool]`: whether the subject is a sequence for `match` (list,
    /// tuple, range and their subclasses; never str, bytes or bytearray).
    MATCH_SEQUENCE = 102, ArgKind::None;
    /// `[subject, keys] -> [subject, keys, values]`: the tuple of `subject.get(key)` for each
    /// key of the tuple `keys`, or None when one is missing.
    MATCH_KEYS = 103, ArgKind::None;
    /// `[subject, cls, names] -> [attrs]`: when `subject` is an instance of `cls`, the tuple
    /// of its `arg` positional attributes (through `cls.__match_args__`) followed by the
    /// attributes named by the tuple `names`; otherwise None.
    MATCH_CLASS = 104, ArgKind::Count;
    /// `[obj] -> [iter]` for `await`: a coroutine (or a generator flagged
    /// `CO_ITERABLE_COROUTINE`) itself, else the iterator `obj.__await__()` returns. The
    /// selector names the source in errors: 0 `await`, 1 `__aenter__`, 2 `__aexit__`.
    GET_AWAITABLE = 96, ArgKind::Selector(3);
    /// `[obj] -> [obj.__aiter__()]` (`async for`).
    GET_AITER = 97, ArgKind::None;
    /// `[aiter] -> [aiter, awaitable]`: the awaitable iterator of `aiter.__anext__()`.
    GET_ANEXT = 98, ArgKind::None;
    /// `async for` exhaustion handler: `[aiter, exc] -> []` when `exc` is a
    /// `StopAsyncIteration`, otherwise re-raises `exc`.
    END_ASYNC_FOR = 99, ArgKind::None;
    /// `[mgr] -> [exit, mgr.__aenter__()]` where exit is the bound `mgr.__aexit__`.
    BEFORE_ASYNC_WITH = 95, ArgKind::None;
    /// `[v] -> []`: interactive (`compile(..., 'single')`) expression statements: prints
    /// `repr(v)` unless it is None, and binds it to `builtins._`.
    PRINT_EXPR = 79, ArgKind::None;
    /// `except*` matching: `[exc, type] -> [rest, match]`; `match` is None when nothing
    /// matched (then `rest` is `exc`), else it becomes the exception being handled.
    CHECK_EG_MATCH = 105, ArgKind::None;
    /// `[orig, list] -> [exc or None]`: what an `except*` statement re-raises, from the
    /// exceptions its clauses raised and the unhandled rest.
    PREP_RERAISE_STAR = 106, ArgKind::None;
}

/// Selectors of `BINARY_OP`. In-place forms add [`BinaryOp::INPLACE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    /// `+`: addition.
    Add = 0,
    /// `-`: subtraction.
    Sub = 1,
    /// `*`: multiplication (and sequence repetition).
    Mul = 2,
    /// `/`: true division.
    TrueDiv = 3,
    /// `//`: floor division.
    FloorDiv = 4,
    /// `%`: modulo (and printf-style formatting).
    Mod = 5,
    /// `**`: power.
    Pow = 6,
    /// `<<`: left shift.
    LShift = 7,
    /// `>>`: right shift.
    RShift = 8,
    /// `&`: bitwise and.
    And = 9,
    /// `|`: bitwise or.
    Or = 10,
    /// `^`: bitwise exclusive or.
    Xor = 11,
    /// `@`: matrix multiplication.
    MatMul = 12,
}

impl BinaryOp {
    /// Added to the selector for the augmented-assignment form (`+=`).
    pub const INPLACE: u32 = 16;

    /// Decodes the low four bits of a `BINARY_OP` argument.
    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        use BinaryOp::*;
        Some(match arg & 15 {
            0 => Add,
            1 => Sub,
            2 => Mul,
            3 => TrueDiv,
            4 => FloorDiv,
            5 => Mod,
            6 => Pow,
            7 => LShift,
            8 => RShift,
            9 => And,
            10 => Or,
            11 => Xor,
            12 => MatMul,
            _ => return None,
        })
    }

    /// The operator as written in Python (used in TypeError messages and `dis`).
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
            MatMul => "@",
        }
    }
}

/// Selectors of `COMPARE_OP`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CompareOp {
    /// Decodes a `COMPARE_OP` argument; `None` for an undefined selector.
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        use CompareOp::*;
        Some(match arg {
            0 => Lt,
            1 => Le,
            2 => Eq,
            3 => Ne,
            4 => Gt,
            5 => Ge,
            _ => return None,
        })
    }

    /// The operator as written in Python (used in TypeError messages and `dis`).
    pub fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

/// `co_flags` bits, with CPython's values.
pub mod flags {
    /// Locals live in fast slots, not in a dict (functions, not module or class bodies).
    pub const CO_OPTIMIZED: u32 = 0x1;
    /// A fresh locals namespace is made for each call.
    pub const CO_NEWLOCALS: u32 = 0x2;
    /// The code takes `*args` (its slot follows the named parameters in `co_varnames`).
    pub const CO_VARARGS: u32 = 0x4;
    /// The code takes `**kwargs` (its slot follows `*args`, if any, in `co_varnames`).
    pub const CO_VARKEYWORDS: u32 = 0x8;
    /// The function is defined inside another function.
    pub const CO_NESTED: u32 = 0x10;
    /// Calling the code returns a generator instead of running the body.
    pub const CO_GENERATOR: u32 = 0x20;
    /// The code has neither free nor cell variables.
    pub const CO_NOFREE: u32 = 0x40;
    /// `async def` without `yield`: calling the code returns a coroutine.
    pub const CO_COROUTINE: u32 = 0x80;
    /// A generator usable in `await` (`types.coroutine`).
    pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
    /// `async def` with `yield`: calling the code returns an async generator.
    pub const CO_ASYNC_GENERATOR: u32 = 0x200;
    /// Codes whose call makes a generator-like object instead of running the body.
    pub const GENERATOR_LIKE: u32 = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
}

/// Encodes one instruction word.
#[inline]
pub fn encode(op: Opcode, arg: u32) -> u32 {
    debug_assert!(arg <= MAX_ARG, "instruction argument {arg} exceeds 24 bits");
    (op as u32) | (arg << 8)
}

/// Splits an instruction word into its opcode byte and argument.
#[inline(always)]
pub fn decode(word: u32) -> (u8, u32) {
    ((word & 0xff) as u8, word >> 8)
}

/// Whether control can continue to the next instruction.
pub fn falls_through(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::JUMP | Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
    )
}

impl Opcode {
    /// Net change of the value-stack depth. `jump` selects the effect on the taken branch of a
    /// conditional jump (ignored for other instructions). `None` for an argument that makes the
    /// instruction invalid (for example `BUILD_SLICE 5`).
    pub fn stack_effect(self, arg: u32, jump: bool) -> Option<i64> {
        use Opcode::*;
        let n = arg as i64;
        Some(match self {
            NOP | SWAP | UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_NOT | UNARY_INVERT
            | DELETE_FAST | DELETE_DEREF | DELETE_GLOBAL | DELETE_NAME | LIST_TO_TUPLE
            | PUSH_EXC_INFO | POP_EXCEPT | CHECK_EXC_MATCH | CHECK_EG_MATCH | GET_ITER
            | YIELD_VALUE | GET_YIELD_FROM_ITER | JUMP | GET_AWAITABLE | GET_AITER => 0,
            END_ASYNC_FOR => -2,
            POP_TOP | STORE_FAST | STORE_DEREF | STORE_GLOBAL | STORE_NAME | DELETE_ATTR
            | BINARY_OP | COMPARE_OP | IS_OP | CONTAINS_OP | BINARY_SUBSCR | LIST_APPEND
            | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE | RETURN_VALUE
            | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | RERAISE | IMPORT_NAME | IMPORT_STAR
            | PRINT_EXPR | PREP_RERAISE_STAR => -1,
            COPY => {
                if arg == 0 {
                    return None;
                }
                1
            }
            LOAD_CONST | LOAD_FAST | LOAD_DEREF | LOAD_CLOSURE | LOAD_GLOBAL | LOAD_NAME
            | LOAD_ASSERTION_ERROR | IMPORT_FROM | LOAD_BUILD_CLASS | BEFORE_WITH
            | WITH_EXCEPT_START | LOAD_LOCALS | LOAD_METHOD | GET_ANEXT | BEFORE_ASYNC_WITH => 1,
            LOAD_ATTR => 0,
            GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 1,
            MATCH_CLASS => -2,
            STORE_ATTR | DELETE_SUBSCR | MAP_ADD => -2,
            STORE_SUBSCR => -3,
            CALL_METHOD => -(n + 1),
            CALL => -n,
            CALL_KW => -(n + 1),
            CALL_EX => -(1 + (arg & 1) as i64),
            MAKE_FUNCTION => -((arg & 0b1111).count_ones() as i64),
            BUILD_SLICE => match arg {
                2 => -1,
                3 => -2,
                _ => return None,
            },
            BUILD_TUPLE | BUILD_LIST | BUILD_SET => 1 - n,
            BUILD_MAP => 1 - 2 * n,
            BUILD_STRING => {
                if arg == 0 {
                    1
                } else {
                    1 - n
                }
            }
            FORMAT_VALUE => {
                if arg & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            UNPACK_SEQUENCE => n - 1,
            UNPACK_EX => (arg & 0xff) as i64 + (arg >> 8) as i64,
            RAISE_VARARGS => -n,
            YIELD_FROM => {
                if jump {
                    -1
                } else {
                    0
                }
            }
        })
    }

    /// Items that must already be on the stack for the instruction to run (its pops, and the
    /// deeper items it reads), so the verifier can reject an underflow.
    pub fn stack_inputs(self, arg: u32) -> i64 {
        use Opcode::*;
        let n = arg as i64;
        match self {
            COPY | SWAP => n,
            LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => n + 1,
            MAP_ADD => n + 2,
            CALL_METHOD => n + 2,
            CALL => n + 1,
            CALL_KW => n + 2,
            CALL_EX => 2 + (arg & 1) as i64,
            MAKE_FUNCTION => 1 + (arg & 0b1111).count_ones() as i64,
            BUILD_SLICE | BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => n,
            BUILD_MAP => 2 * n,
            RAISE_VARARGS => n,
            STORE_SUBSCR | MATCH_CLASS => 3,
            MATCH_KEYS => 2,
            STORE_ATTR | DELETE_SUBSCR | BINARY_OP | COMPARE_OP | IS_OP | CONTAINS_OP
            | BINARY_SUBSCR | CHECK_EXC_MATCH | WITH_EXCEPT_START | YIELD_FROM | IMPORT_NAME
            | END_ASYNC_FOR | CHECK_EG_MATCH | PREP_RERAISE_STAR => 2,
            NOP | LOAD_CONST | LOAD_FAST | LOAD_DEREF | LOAD_CLOSURE | LOAD_GLOBAL | LOAD_NAME
            | LOAD_ASSERTION_ERROR | LOAD_BUILD_CLASS | LOAD_LOCALS | JUMP | DELETE_FAST
            | DELETE_DEREF | DELETE_GLOBAL | DELETE_NAME | POP_EXCEPT => 0,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_bytes_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            let (byte, arg) = decode(encode(op, 1234));
            assert_eq!((byte, arg), (op as u8, 1234));
        }
        assert_eq!(Opcode::from_u8(250), None);
    }

    #[test]
    fn stack_effects_of_calls() {
        assert_eq!(Opcode::CALL.stack_effect(3, false), Some(-3));
        assert_eq!(Opcode::CALL_KW.stack_effect(3, false), Some(-4));
        assert_eq!(Opcode::MAKE_FUNCTION.stack_effect(0b1001, false), Some(-2));
        assert_eq!(Opcode::BUILD_SLICE.stack_effect(4, false), None);
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, true), Some(-1));
    }
}
