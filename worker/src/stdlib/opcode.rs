//! The `_opcode` module: `stack_effect`, CPython 3.11's net stack effect of each of its
//! opcodes (what `opcode.stack_effect` and `dis` report; the numbering is `opcode.py`'s),
//! and `get_specialization_stats` (None: no statistics build).

use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("stack_effect", stack_effect),
    NativeFn::new("get_specialization_stats", get_specialization_stats),
];

/// Opcodes below this take no argument (`opcode.HAVE_ARGUMENT`).
const HAVE_ARGUMENT: i64 = 90;

/// How an opcode changes the stack depth.
enum Effect {
    /// The same for every argument.
    Fixed(i64),
    /// `a + b * oparg`.
    Linear(i64, i64),
    /// Depends on whether the jump is taken: `(taken, not taken, maximum)`.
    Jump(i64, i64, i64),
    /// Computed from the argument's bits.
    Bits(fn(i64) -> i64),
}

/// The effect of opcode `op` in CPython 3.11, or `None` for a number that is no opcode
/// (specialized and unused numbers included).
fn effect(op: i64) -> Option<Effect> {
    use Effect::*;
    Some(match op {
        0 => Fixed(0),                // CACHE
        1 => Fixed(-1),               // POP_TOP
        2 => Fixed(1),                // PUSH_NULL
        9 => Fixed(0),                // NOP
        10 => Fixed(0),               // UNARY_POSITIVE
        11 => Fixed(0),               // UNARY_NEGATIVE
        12 => Fixed(0),               // UNARY_NOT
        15 => Fixed(0),               // UNARY_INVERT
        25 => Fixed(-1),              // BINARY_SUBSCR
        30 => Fixed(1),               // GET_LEN
        31 => Fixed(1),               // MATCH_MAPPING
        32 => Fixed(1),               // MATCH_SEQUENCE
        33 => Fixed(1),               // MATCH_KEYS
        35 => Fixed(1),               // PUSH_EXC_INFO
        36 => Fixed(0),               // CHECK_EXC_MATCH
        37 => Fixed(0),               // CHECK_EG_MATCH
        49 => Fixed(1),               // WITH_EXCEPT_START
        50 => Fixed(0),               // GET_AITER
        51 => Fixed(1),               // GET_ANEXT
        52 => Fixed(1),               // BEFORE_ASYNC_WITH
        53 => Fixed(1),               // BEFORE_WITH
        54 => Fixed(-2),              // END_ASYNC_FOR
        60 => Fixed(-3),              // STORE_SUBSCR
        61 => Fixed(-2),              // DELETE_SUBSCR
        68 => Fixed(0),               // GET_ITER
        69 => Fixed(0),               // GET_YIELD_FROM_ITER
        70 => Fixed(-1),              // PRINT_EXPR
        71 => Fixed(1),               // LOAD_BUILD_CLASS
        74 => Fixed(1),               // LOAD_ASSERTION_ERROR
        75 => Fixed(0),               // RETURN_GENERATOR
        82 => Fixed(0),               // LIST_TO_TUPLE
        83 => Fixed(-1),              // RETURN_VALUE
        84 => Fixed(-1),              // IMPORT_STAR
        85 => Fixed(0),               // SETUP_ANNOTATIONS
        86 => Fixed(0),               // YIELD_VALUE
        87 => Fixed(0),               // ASYNC_GEN_WRAP
        88 => Fixed(-1),              // PREP_RERAISE_STAR
        89 => Fixed(-1),              // POP_EXCEPT
        90 => Fixed(-1),              // STORE_NAME
        91 => Fixed(0),               // DELETE_NAME
        92 => Linear(-1, 1),          // UNPACK_SEQUENCE
        94 => Linear(0, 1),           // UNPACK_EX
        95 => Fixed(-2),              // STORE_ATTR
        96 => Fixed(-1),              // DELETE_ATTR
        97 => Fixed(-1),              // STORE_GLOBAL
        98 => Fixed(0),               // DELETE_GLOBAL
        99 => Fixed(0),               // SWAP
        100 => Fixed(1),              // LOAD_CONST
        101 => Fixed(1),              // LOAD_NAME
        102 => Linear(1, -1),         // BUILD_TUPLE
        103 => Linear(1, -1),         // BUILD_LIST
        104 => Linear(1, -1),         // BUILD_SET
        105 => Linear(1, -2),         // BUILD_MAP
        106 => Fixed(0),              // LOAD_ATTR
        107 => Fixed(-1),             // COMPARE_OP
        108 => Fixed(-1),             // IMPORT_NAME
        109 => Fixed(1),              // IMPORT_FROM
        110 => Fixed(0),              // JUMP_FORWARD
        114 => Fixed(-1),             // POP_JUMP_FORWARD_IF_FALSE
        115 => Fixed(-1),             // POP_JUMP_FORWARD_IF_TRUE
        117 => Fixed(-1),             // IS_OP
        118 => Fixed(-1),             // CONTAINS_OP
        119 => Fixed(-1),             // RERAISE
        120 => Fixed(1),              // COPY
        122 => Fixed(-1),             // BINARY_OP
        124 => Fixed(1),              // LOAD_FAST
        125 => Fixed(-1),             // STORE_FAST
        126 => Fixed(0),              // DELETE_FAST
        128 => Fixed(-1),             // POP_JUMP_FORWARD_IF_NOT_NONE
        129 => Fixed(-1),             // POP_JUMP_FORWARD_IF_NONE
        130 => Linear(0, -1),         // RAISE_VARARGS
        131 => Fixed(0),              // GET_AWAITABLE
        134 => Fixed(0),              // JUMP_BACKWARD_NO_INTERRUPT
        135 => Fixed(0),              // MAKE_CELL
        136 => Fixed(1),              // LOAD_CLOSURE
        137 => Fixed(1),              // LOAD_DEREF
        138 => Fixed(-1),             // STORE_DEREF
        139 => Fixed(0),              // DELETE_DEREF
        140 => Fixed(0),              // JUMP_BACKWARD
        144 => Fixed(0),              // EXTENDED_ARG
        145 => Fixed(-1),             // LIST_APPEND
        146 => Fixed(-1),             // SET_ADD
        147 => Fixed(-2),             // MAP_ADD
        148 => Fixed(1),              // LOAD_CLASSDEREF
        149 => Fixed(0),              // COPY_FREE_VARS
        151 => Fixed(0),              // RESUME
        152 => Fixed(-2),             // MATCH_CLASS
        156 => Linear(0, -1),         // BUILD_CONST_KEY_MAP
        157 => Linear(1, -1),         // BUILD_STRING
        160 => Fixed(1),              // LOAD_METHOD
        162 => Fixed(-1),             // LIST_EXTEND
        163 => Fixed(-1),             // SET_UPDATE
        164 => Fixed(-1),             // DICT_MERGE
        165 => Fixed(-1),             // DICT_UPDATE
        166 => Linear(0, -1),         // PRECALL
        171 => Fixed(-1),             // CALL
        172 => Fixed(0),              // KW_NAMES
        173 => Fixed(-1),             // POP_JUMP_BACKWARD_IF_NOT_NONE
        174 => Fixed(-1),             // POP_JUMP_BACKWARD_IF_NONE
        175 => Fixed(-1),             // POP_JUMP_BACKWARD_IF_FALSE
        176 => Fixed(-1),             // POP_JUMP_BACKWARD_IF_TRUE
        93 => Jump(-1, 1, 1),         // FOR_ITER
        111 => Jump(0, -1, 0),        // JUMP_IF_FALSE_OR_POP
        112 => Jump(0, -1, 0),        // JUMP_IF_TRUE_OR_POP
        123 => Jump(-1, 0, 0),        // SEND
        116 => Bits(|a| 1 + (a & 1)), // LOAD_GLOBAL: pushes NULL too when bit 0 is set
        // MAKE_FUNCTION: pops one value per flag among defaults, kwdefaults, annotations,
        // closure.
        132 => Bits(|a| -i64::from((a & 0xf).count_ones())),
        133 => Bits(|a| if a == 3 { -2 } else { -1 }), // BUILD_SLICE
        142 => Bits(|a| -2 - (a & 1)),                 // CALL_FUNCTION_EX
        155 => Bits(|a| if a & 4 != 0 { -1 } else { 0 }), // FORMAT_VALUE with a spec
        _ => return None,
    })
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn stack_effect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error(format!(
            "stack_effect() takes at least 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "stack_effect() takes at most 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let mut jump = Value::None;
    for (k, v) in &a.kw {
        if *k != "jump" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for stack_effect()"
            )));
        }
        jump = (*v).clone();
    }
    let op = c_int(vm, &a.pos[0])?;
    // CPython reads the argument as a C long and keeps its low 32 bits.
    let oparg = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(i64::from(vm.index_of(v)? as i32)),
    };
    let jump = match jump {
        Value::None => None,
        Value::Bool(b) => Some(b),
        _ => return Err(vm.value_error("stack_effect: jump must be False, True or None")),
    };
    let oparg = if op >= HAVE_ARGUMENT {
        match oparg {
            Some(x) => x,
            None => {
                return Err(vm.value_error(
                    "stack_effect: opcode requires oparg but oparg was not specified",
                ))
            }
        }
    } else if oparg.is_some() {
        return Err(
            vm.value_error("stack_effect: opcode does not permit oparg but oparg was specified")
        );
    } else {
        0
    };
    let Some(e) = effect(op) else {
        return Err(vm.value_error("invalid opcode or oparg"));
    };
    // C `int` arithmetic: wraps.
    Ok(Value::Int(match e {
        Effect::Fixed(n) => n,
        Effect::Linear(base, per) => i64::from((base + per * oparg) as i32),
        Effect::Jump(taken, not_taken, max) => match jump {
            Some(true) => taken,
            Some(false) => not_taken,
            None => max,
        },
        Effect::Bits(f) => f(oparg),
    }))
}

/// An argument converted to a C `int`.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = vm.index_of(v)?;
    if i32::try_from(n).is_err() {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    Ok(n)
}

fn get_specialization_stats(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module("_opcode", FUNCTIONS, &[])
}
