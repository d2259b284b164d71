//! The `_sre` module, the regular-expression engine under `re`: `compile` (taking the code
//! `re._compiler` produced), the case helpers, and the `re.Pattern`, `re.Match` and
//! `_sre.SRE_Scanner` types. Matching itself runs on `rustpython-sre_engine`, a port of
//! CPython's engine that reads the same code words.

use super::{add_property, native_class, native_type, new_native, parse_args, receiver, READONLY};
use crate::builtins::functions::is_callable;
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use rustpython_sre_engine::{Request, State, StrDrive};
use rustpython_wtf8::Wtf8;

/// `re._constants.MAGIC` of CPython 3.11: `re._compiler` refuses an engine without it.
const MAGIC: i64 = 20220615;
const MAXREPEAT: i64 = u32::MAX as i64;
/// CPython 3.11's limit on 64-bit builds.
const MAXGROUPS: i64 = (i32::MAX / 2) as i64;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("compile", compile),
    NativeFn::function("getcodesize", getcodesize, Arity::NoArgs, None),
    NativeFn::function("ascii_iscased", ascii_iscased, Arity::One, None),
    NativeFn::function("unicode_iscased", unicode_iscased, Arity::One, None),
    NativeFn::function("ascii_tolower", ascii_tolower, Arity::One, None),
    NativeFn::function("unicode_tolower", unicode_tolower, Arity::One, None),
];

static PATTERN: &[NativeFn] = &[
    NativeFn::new("Pattern", no_new_pattern),
    NativeFn::new("Pattern.match", pattern_match),
    NativeFn::new("Pattern.fullmatch", pattern_fullmatch),
    NativeFn::new("Pattern.search", pattern_search),
    NativeFn::new("Pattern.findall", pattern_findall),
    NativeFn::new("Pattern.finditer", pattern_finditer),
    NativeFn::new("Pattern.scanner", pattern_scanner),
    NativeFn::new("Pattern.sub", pattern_sub),
    NativeFn::new("Pattern.subn", pattern_subn),
    NativeFn::new("Pattern.split", pattern_split),
    NativeFn::method("Pattern.__repr__", pattern_repr, Arity::NoArgs, None),
    NativeFn::method("Pattern.__eq__", pattern_eq, Arity::One, None),
    NativeFn::method("Pattern.__ne__", pattern_ne, Arity::One, None),
    NativeFn::method("Pattern.__hash__", pattern_hash, Arity::NoArgs, None),
    NativeFn::method("Pattern.__copy__", same, Arity::NoArgs, None),
    NativeFn::method("Pattern.__deepcopy__", same, Arity::One, None),
];

static PATTERN_PATTERN: NativeFn =
    NativeFn::method("Pattern.pattern", pattern_pattern, Arity::NoArgs, None);
static PATTERN_FLAGS: NativeFn =
    NativeFn::method("Pattern.flags", pattern_flags, Arity::NoArgs, None);
static PATTERN_GROUPS: NativeFn =
    NativeFn::method("Pattern.groups", pattern_groups, Arity::NoArgs, None);
static PATTERN_GROUPINDEX: NativeFn = NativeFn::method(
    "Pattern.groupindex",
    pattern_groupindex,
    Arity::NoArgs,
    None,
);

static MATCH: &[NativeFn] = &[
    NativeFn::new("Match", no_new_match),
    NativeFn::new("Match.group", match_group),
    NativeFn::method("Match.__getitem__", match_getitem, Arity::One, None),
    NativeFn::new("Match.groups", match_groups),
    NativeFn::new("Match.groupdict", match_groupdict),
    NativeFn::method("Match.start", match_start, Arity::Range(0, 1), None),
    NativeFn::method("Match.end", match_end, Arity::Range(0, 1), None),
    NativeFn::method("Match.span", match_span, Arity::Range(0, 1), None),
    NativeFn::new("Match.expand", match_expand),
    NativeFn::method("Match.__repr__", match_repr, Arity::NoArgs, None),
    NativeFn::method("Match.__copy__", same, Arity::NoArgs, None),
    NativeFn::method("Match.__deepcopy__", same, Arity::One, None),
];

static MATCH_STRING: NativeFn = NativeFn::method("Match.string", match_string, Arity::NoArgs, None);
static MATCH_RE: NativeFn = NativeFn::method("Match.re", match_re, Arity::NoArgs, None);
static MATCH_POS: NativeFn = NativeFn::method("Match.pos", match_pos, Arity::NoArgs, None);
static MATCH_ENDPOS: NativeFn = NativeFn::method("Match.endpos", match_endpos, Arity::NoArgs, None);
static MATCH_LASTINDEX: NativeFn =
    NativeFn::method("Match.lastindex", match_lastindex, Arity::NoArgs, None);
static MATCH_LASTGROUP: NativeFn =
    NativeFn::method("Match.lastgroup", match_lastgroup, Arity::NoArgs, None);
static MATCH_REGS: NativeFn = NativeFn::method("Match.regs", match_regs, Arity::NoArgs, None);

static SCANNER: &[NativeFn] = &[
    NativeFn::new("SRE_Scanner", no_new_scanner),
    NativeFn::method("SRE_Scanner.match", scanner_match, Arity::NoArgs, None),
    NativeFn::method("SRE_Scanner.search", scanner_search, Arity::NoArgs, None),
];

static SCANNER_PATTERN: NativeFn =
    NativeFn::method("SRE_Scanner.pattern", scanner_pattern, Arity::NoArgs, None);

/// Builds the `_sre` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let ro = Some(&READONLY);
    let pattern = native_type(vm, "re.Pattern", None, PATTERN, false);
    super::add_class_getitem(&pattern);
    add_property(&pattern, "pattern", &PATTERN_PATTERN, ro);
    add_property(&pattern, "flags", &PATTERN_FLAGS, ro);
    add_property(&pattern, "groups", &PATTERN_GROUPS, ro);
    add_property(&pattern, "groupindex", &PATTERN_GROUPINDEX, ro);
    super::set_slots(&pattern, &[]);
    let m = native_type(vm, "re.Match", None, MATCH, false);
    super::add_class_getitem(&m);
    add_property(&m, "string", &MATCH_STRING, ro);
    add_property(&m, "re", &MATCH_RE, ro);
    add_property(&m, "pos", &MATCH_POS, ro);
    add_property(&m, "endpos", &MATCH_ENDPOS, ro);
    add_property(&m, "lastindex", &MATCH_LASTINDEX, ro);
    add_property(&m, "lastgroup", &MATCH_LASTGROUP, ro);
    add_property(&m, "regs", &MATCH_REGS, ro);
    super::set_slots(&m, &[]);
    let scanner = native_type(vm, "_sre.SRE_Scanner", None, SCANNER, false);
    add_property(&scanner, "pattern", &SCANNER_PATTERN, ro);
    super::set_slots(&scanner, &[]);
    super::new_module(
        "_sre",
        FUNCTIONS,
        &[
            ("MAGIC", Value::Int(MAGIC)),
            ("CODESIZE", Value::Int(4)),
            ("MAXREPEAT", Value::Int(MAXREPEAT)),
            ("MAXGROUPS", Value::Int(MAXGROUPS)),
            (
                "copyright",
                Vm::str_val(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
            ),
        ],
    )
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn same(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(arg(a, 0))
}

fn no_new(vm: &mut Vm, name: &str) -> PyResult<Value> {
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn no_new_pattern(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    no_new(vm, "re.Pattern")
}

fn no_new_match(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    no_new(vm, "re.Match")
}

fn no_new_scanner(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    no_new(vm, "_sre.SRE_Scanner")
}

// ----- module functions -----

fn getcodesize(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(4))
}

fn char_arg(vm: &mut Vm, a: &Args) -> PyResult<i64> {
    let v = arg(a, 0);
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => {
            if matches!(v.body(), Some(Object::BigInt(_))) {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C long",
                ));
            }
            if matches!(v, Value::Float(_)) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_of(&v)
        }
    }
}

fn lower_uni(ch: i64) -> i64 {
    match u32::try_from(ch) {
        Ok(c) => rustpython_sre_engine::string::lower_unicode(c) as i64,
        Err(_) => ch,
    }
}

fn upper_uni(ch: i64) -> i64 {
    match u32::try_from(ch) {
        Ok(c) => rustpython_sre_engine::string::upper_unicode(c) as i64,
        Err(_) => ch,
    }
}

fn ascii_iscased(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ch = char_arg(vm, a)?;
    Ok(Value::Bool(
        (0..128).contains(&ch) && (ch as u8).is_ascii_alphabetic(),
    ))
}

fn unicode_iscased(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ch = char_arg(vm, a)?;
    Ok(Value::Bool(ch != lower_uni(ch) || ch != upper_uni(ch)))
}

fn ascii_tolower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ch = char_arg(vm, a)?;
    Ok(Value::Int(if (0..128).contains(&ch) {
        (ch as u8).to_ascii_lowercase() as i64
    } else {
        ch
    }))
}

fn unicode_tolower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ch = char_arg(vm, a)?;
    Ok(Value::Int(lower_uni(ch)))
}

// ----- Pattern -----

/// A compiled pattern: what `re._compiler` handed to `_sre.compile`.
struct Pattern {
    pattern: Value,
    flags: i64,
    code: std::rc::Rc<[u32]>,
    /// `code` for an empty window (see `empty_window_code`), when it differs.
    code_empty: Option<std::rc::Rc<[u32]>>,
    groups: usize,
    /// A dict from group name to number.
    groupindex: Value,
    /// A tuple from group number to name (or None).
    indexgroup: Value,
    isbytes: bool,
}

impl NativeState for Pattern {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.pattern);
        f(&self.groupindex);
        f(&self.indexgroup);
    }
}

fn compile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let p = parse_args(vm, a, 0, "compile", &names, 6, 6)?;
    let pattern = p[0].cloned().unwrap_or(Value::None);
    let flags_v = p[1].cloned().unwrap_or(Value::None);
    let flags = vm.index_of(&flags_v)?;
    let code_v = p[2].cloned().unwrap_or(Value::None);
    let items = match code_v.body() {
        Some(Object::List(l)) => l.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "compile() argument 'code' must be list, not {}",
                vm.type_name(&code_v)
            )))
        }
    };
    let mut code = Vec::with_capacity(items.len());
    for it in &items {
        let n = match it {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ if matches!(it.body(), Some(Object::BigInt(_))) => -1,
            // An int subclass (re's opcodes are `_NamedIntConstant`s) counts as its value.
            _ => match crate::value::num::inst_base(it) {
                Some(Value::Int(i)) => i,
                _ => {
                    return Err(vm.type_error(format!(
                        "an integer is required (got type {})",
                        vm.type_name(it)
                    )))
                }
            },
        };
        match u32::try_from(n) {
            Ok(c) => code.push(c),
            Err(_) => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "regular expression code size limit exceeded",
                ))
            }
        }
    }
    let groups_v = p[3].cloned().unwrap_or(Value::None);
    let groups = vm.ssize_of(&groups_v)?.max(0) as usize;
    let groupindex = p[4].cloned().unwrap_or(Value::None);
    if !matches!(groupindex.body(), Some(Object::Dict(_))) {
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            vm.type_name(&groupindex)
        )));
    }
    let indexgroup = p[5].cloned().unwrap_or(Value::None);
    if !matches!(indexgroup.body(), Some(Object::Tuple(_))) {
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            vm.type_name(&indexgroup)
        )));
    }
    let isbytes = match &pattern {
        Value::None => false,
        p if is_str(p) => false,
        p if matches!(Held::of(p), Some(Held::Bytes(_))) => true,
        p => {
            return Err(vm.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                vm.type_name(p)
            )))
        }
    };
    let native = native_class(vm, "re.Pattern");
    Ok(new_native(
        native.clone(),
        native,
        None,
        Pattern {
            pattern,
            flags,
            code_empty: empty_window_code(&code),
            code: code.into(),
            groups,
            groupindex,
            indexgroup,
            isbytes,
        },
    ))
}

/// `code` with every `AT NON_BOUNDARY` (and its ASCII-locale and Unicode forms) turned into
/// the matching `AT BOUNDARY`, or None when it has none (or cannot be walked). CPython 3.11's
/// `\B` fails, as `\b` does, when the text up to `endpos` is empty; the engine crate follows
/// Python 3.14, where `\B` matches there. On an empty window both assertions are false in
/// 3.11, so running this code there gives 3.11's answers.
fn empty_window_code(code: &[u32]) -> Option<std::rc::Rc<[u32]>> {
    let mut out = code.to_vec();
    let mut changed = false;
    // Op sequences still to walk; a BRANCH's alternatives are pushed as their own ranges
    // because bare skip words separate them.
    let mut todo = vec![(0usize, code.len())];
    while let Some((mut i, end)) = todo.pop() {
        let end = end.min(code.len());
        while i < end {
            let word = |k: usize| code.get(i + k).map(|&w| w as usize);
            let step = match code[i] {
                // FAILURE SUCCESS ANY ANY_ALL MAX_UNTIL MIN_UNTIL
                0 | 1 | 2 | 3 | 18 | 19 => 1,
                // AT
                6 => {
                    let swapped = match word(1)? {
                        4 => 3,
                        9 => 8,
                        11 => 10,
                        _ => 0,
                    };
                    if swapped != 0 {
                        out[i + 1] = swapped;
                        changed = true;
                    }
                    2
                }
                // The literals, MARK, the group references and JUMP: one operand.
                11 | 15 | 16 | 17 | 20 | 30 | 32 | 33 | 34 | 36 | 37 | 38 | 40 | 41 => 2,
                // INFO and the IN forms: a skip over a block holding no op sequence.
                13 | 14 | 31 | 35 | 39 => match word(1)? {
                    0 => return None,
                    skip => 1 + skip,
                },
                // ASSERT, ASSERT_NOT (skip, back) and GROUPREF_EXISTS (group, skip): the
                // body follows inline.
                4 | 5 | 12 => 3,
                // ATOMIC_GROUP (skip), then its body.
                27 => 2,
                // The repeats (skip, min, max), then their body.
                23 | 24 | 26 | 28 | 29 => 4,
                // BRANCH: alternatives, each led by the skip to the next, ended by a 0.
                7 => {
                    let mut k = i + 1;
                    loop {
                        let skip = *code.get(k)? as usize;
                        if skip == 0 {
                            break;
                        }
                        todo.push((k + 1, k + skip));
                        k += skip;
                    }
                    k + 1 - i
                }
                _ => return None,
            };
            i += step;
        }
    }
    changed.then(|| out.into())
}

/// What a matching method needs of its pattern, copied out so Python code may run meanwhile.
#[derive(Clone)]
struct PatInfo {
    code: std::rc::Rc<[u32]>,
    code_empty: Option<std::rc::Rc<[u32]>>,
    groups: usize,
    isbytes: bool,
}

fn pat<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Pattern> {
    receiver::<Pattern>(vm, a, "re.Pattern", method)
}

fn pat_info(vm: &Vm, a: &Args, method: &str) -> PyResult<PatInfo> {
    let p = pat(vm, a, method)?;
    Ok(PatInfo {
        code: p.code.clone(),
        code_empty: p.code_empty.clone(),
        groups: p.groups,
        isbytes: p.isbytes,
    })
}

/// A subject string as the engine reads it: str text (with its length in characters), str
/// text holding a lone surrogate (its wide bytes), or bytes.
#[derive(Clone, Copy)]
enum Subject<'a> {
    Str(&'a str, usize),
    Wide(&'a Wtf8, usize),
    Bytes(&'a [u8]),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match self {
            Subject::Str(_, n) | Subject::Wide(_, n) => *n,
            Subject::Bytes(b) => b.len(),
        }
    }
}

/// Where a subject's data lives while it is matched: a str or bytes value (an exact one, or
/// the base of a subclass instance), or a copy of another bytes-like object's bytes
/// (bytearray, memoryview, array), which CPython reads through the buffer protocol.
#[derive(Clone)]
enum Held {
    Str(Value),
    Bytes(Value),
    Copy(std::rc::Rc<[u8]>),
}

fn is_str(v: &Value) -> bool {
    v.str_bytes().is_some()
        || crate::value::num::inst_base(v).is_some_and(|b| b.str_bytes().is_some())
}

impl Held {
    /// The data of `v`, or None when it is neither str nor bytes-like.
    fn of(v: &Value) -> Option<Held> {
        if v.str_bytes().is_some() {
            return Some(Held::Str(v.clone()));
        }
        if matches!(v.body(), Some(Object::Bytes(_))) {
            return Some(Held::Bytes(v.clone()));
        }
        if let Some(b) = crate::value::num::inst_base(v) {
            if b.str_bytes().is_some() {
                return Some(Held::Str(b));
            }
            if matches!(b.body(), Some(Object::Bytes(_))) {
                return Some(Held::Bytes(b));
            }
        }
        crate::objects::bytearray::bytes_like(v).map(|b| Held::Copy(b.into()))
    }

    fn isbytes(&self) -> bool {
        !matches!(self, Held::Str(_))
    }

    fn subject(&self) -> Subject<'_> {
        match self {
            Held::Str(v) => match v.as_str() {
                Some(t) => Subject::Str(t, v.str_char_len()),
                None => {
                    let w = v.str_bytes().unwrap_or_default();
                    // Wide bytes are well-formed generalized UTF-8, which WTF-8 accepts.
                    match Wtf8::from_bytes(w) {
                        Some(w) => Subject::Wide(w, v.str_char_len()),
                        None => Subject::Str("", 0),
                    }
                }
            },
            Held::Bytes(v) => match v.body() {
                Some(Object::Bytes(b)) => Subject::Bytes(b),
                _ => Subject::Bytes(&[]),
            },
            Held::Copy(b) => Subject::Bytes(b),
        }
    }
}

/// The subject `v` held for matching, checked against the pattern's kind.
fn subject(vm: &Vm, v: &Value, isbytes: bool) -> PyResult<Held> {
    let Some(h) = Held::of(v) else {
        return Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        )));
    };
    match (h.isbytes(), isbytes) {
        (false, true) => Err(vm.type_error("cannot use a bytes pattern on a string-like object")),
        (true, false) => Err(vm.type_error("cannot use a string pattern on a bytes-like object")),
        _ => Ok(h),
    }
}

/// Slices of a subject by character positions.
struct Slicer<'a> {
    subject: Subject<'a>,
    /// Byte offset of each character of a non-ASCII str, plus the end.
    offsets: Option<Vec<usize>>,
}

impl<'a> Slicer<'a> {
    fn new(subject: Subject<'a>) -> Slicer<'a> {
        let offsets = match subject {
            Subject::Str(t, n) if t.len() != n => Some(
                t.char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(t.len()))
                    .collect(),
            ),
            Subject::Wide(w, _) => {
                let b = w.as_bytes();
                Some(
                    (0..b.len())
                        .filter(|&i| b[i] & 0xC0 != 0x80)
                        .chain(std::iter::once(b.len()))
                        .collect(),
                )
            }
            _ => None,
        };
        Slicer { subject, offsets }
    }

    fn slice(&self, a: usize, b: usize) -> Value {
        // A match keeps spans into a bytearray that may have shrunk since: as CPython, the
        // slice is clamped to what is there now.
        let n = self.subject.len();
        let (a, b) = (a.min(n), b.min(n));
        let b = b.max(a);
        let (x, y) = match &self.offsets {
            Some(o) => (o[a], o[b]),
            None => (a, b),
        };
        match self.subject {
            Subject::Str(t, _) => Vm::str_val(&t[x..y]),
            Subject::Wide(w, _) => Vm::str_from_wide(&w.as_bytes()[x..y]),
            Subject::Bytes(bs) => Value::obj(Object::Bytes(bs[x..y].into())),
        }
    }

    fn empty(&self) -> Value {
        self.slice(0, 0)
    }
}

/// One match: the span of group 0 and of each group (-1 when unset), and the last group.
struct Found {
    regs: Vec<(isize, isize)>,
    lastindex: isize,
}

impl Found {
    fn start(&self) -> usize {
        self.regs[0].0 as usize
    }
    fn end(&self) -> usize {
        self.regs[0].1 as usize
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn exec_drive<S: StrDrive>(
    s: S,
    code: &[u32],
    info: &PatInfo,
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<Found> {
    let req = Request {
        string: s,
        start,
        end,
        pattern_codes: code,
        match_all: mode == Mode::Full,
        must_advance,
    };
    let mut st = State::default();
    let ok = if mode == Mode::Search {
        st.search(req)
    } else {
        st.py_match(&req)
    };
    if !ok {
        return None;
    }
    let mut regs = Vec::with_capacity(info.groups + 1);
    regs.push((st.start as isize, st.cursor.position as isize));
    for g in 0..info.groups {
        let (x, y) = st.marks.get(g);
        if x.is_some() && y.is_some() {
            regs.push((x.unpack() as isize, y.unpack() as isize));
        } else {
            regs.push((-1, -1));
        }
    }
    Some(Found {
        regs,
        lastindex: st.marks.last_index(),
    })
}

fn exec(
    s: Subject,
    info: &PatInfo,
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<Found> {
    // A pattern whose code does not end in SUCCESS would read past it: refuse to run it.
    if info.code.last() != Some(&1) {
        return None;
    }
    // Malformed code handed to `_sre.compile` directly must not bring the worker down.
    let code: &[u32] = match &info.code_empty {
        Some(c) if end == 0 => c,
        _ => &info.code,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match s {
        Subject::Str(t, _) => exec_drive(t, code, info, start, end, mode, must_advance),
        Subject::Wide(w, _) => exec_drive(w, code, info, start, end, mode, must_advance),
        Subject::Bytes(b) => exec_drive(b, code, info, start, end, mode, must_advance),
    }))
    .unwrap_or(None)
}

/// `pos`/`endpos` clamped to the subject as CPython's `state_init` does.
fn bounds(
    vm: &mut Vm,
    pos: Option<&Value>,
    endpos: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    let p = match pos {
        Some(v) => clamp(vm.ssize_of(v)?),
        None => 0,
    };
    let e = match endpos {
        Some(v) => clamp(vm.ssize_of(v)?),
        None => len,
    };
    Ok((p, e))
}

/// A `re.Match` object.
struct MatchObj {
    string: Value,
    pattern: Value,
    pos: usize,
    endpos: usize,
    regs: Vec<(isize, isize)>,
    lastindex: isize,
}

impl NativeState for MatchObj {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.string);
        f(&self.pattern);
    }
}

fn new_match(
    vm: &Vm,
    pattern: &Value,
    string: &Value,
    pos: usize,
    endpos: usize,
    f: Found,
) -> Value {
    let native = native_class(vm, "re.Match");
    new_native(
        native.clone(),
        native,
        None,
        MatchObj {
            string: string.clone(),
            pattern: pattern.clone(),
            pos,
            endpos,
            regs: f.regs,
            lastindex: f.lastindex,
        },
    )
}

fn do_match(vm: &mut Vm, a: &Args, name: &str, mode: Mode) -> PyResult<Value> {
    let info = pat_info(vm, a, name)?;
    let p = parse_args(vm, a, 1, name, &["string", "pos", "endpos"], 1, 3)?;
    let string = p[0].cloned().unwrap_or(Value::None);
    let held = subject(vm, &string, info.isbytes)?;
    let subj = held.subject();
    let (pos, endpos) = bounds(vm, p[1], p[2], subj.len())?;
    match exec(subj, &info, pos, endpos, mode, false) {
        Some(f) => Ok(new_match(vm, &arg(a, 0), &string, pos, endpos, f)),
        None => Ok(Value::None),
    }
}

fn pattern_match(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    do_match(vm, a, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    do_match(vm, a, "fullmatch", Mode::Full)
}

fn pattern_search(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    do_match(vm, a, "search", Mode::Search)
}

fn pattern_findall(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let info = pat_info(vm, a, "findall")?;
    let p = parse_args(vm, a, 1, "findall", &["string", "pos", "endpos"], 1, 3)?;
    let string = p[0].cloned().unwrap_or(Value::None);
    let held = subject(vm, &string, info.isbytes)?;
    let subj = held.subject();
    let (mut pos, endpos) = bounds(vm, p[1], p[2], subj.len())?;
    let sl = Slicer::new(subj);
    let mut out = Vec::new();
    let mut must_advance = false;
    while pos <= endpos {
        let Some(f) = exec(subj, &info, pos, endpos, Mode::Search, must_advance) else {
            break;
        };
        let group = |g: usize| {
            let (x, y) = f.regs[g];
            if x < 0 {
                sl.empty()
            } else {
                sl.slice(x as usize, y as usize)
            }
        };
        out.push(match info.groups {
            0 => group(0),
            1 => group(1),
            n => Vm::new_tuple((1..=n).map(group).collect()),
        });
        must_advance = f.end() == f.start();
        pos = f.end();
    }
    Ok(Vm::new_list(out))
}

fn pattern_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let info = pat_info(vm, a, "split")?;
    let p = parse_args(vm, a, 1, "split", &["string", "maxsplit"], 1, 2)?;
    let string = p[0].cloned().unwrap_or(Value::None);
    let maxsplit = match p[1] {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    let held = subject(vm, &string, info.isbytes)?;
    let subj = held.subject();
    let end = subj.len();
    let sl = Slicer::new(subj);
    let mut out = Vec::new();
    let (mut pos, mut last, mut n) = (0usize, 0usize, 0i64);
    let mut must_advance = false;
    while maxsplit == 0 || n < maxsplit {
        let Some(f) = exec(subj, &info, pos, end, Mode::Search, must_advance) else {
            break;
        };
        out.push(sl.slice(last, f.start()));
        for g in 1..=info.groups {
            let (x, y) = f.regs[g];
            out.push(if x < 0 {
                Value::None
            } else {
                sl.slice(x as usize, y as usize)
            });
        }
        n += 1;
        must_advance = f.end() == f.start();
        pos = f.end();
        last = pos;
    }
    out.push(sl.slice(last, end));
    Ok(Vm::new_list(out))
}

fn pattern_sub(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    subx(vm, a, "sub", false)
}

fn pattern_subn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    subx(vm, a, "subn", true)
}

/// Calls `re.NAME(args)`: the pure-Python halves of `sub` and `expand`.
fn call_re(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = vm.import_module("re")?;
    let f = vm.getattr(&m, &Vm::str_val(name))?;
    vm.call(&f, args, &[])
}

fn subx(vm: &mut Vm, a: &Args, name: &str, with_count: bool) -> PyResult<Value> {
    let info = pat_info(vm, a, name)?;
    let p = parse_args(vm, a, 1, name, &["repl", "string", "count"], 2, 3)?;
    let repl = p[0].cloned().unwrap_or(Value::None);
    let string = p[1].cloned().unwrap_or(Value::None);
    let count = match p[2] {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    let pattern = arg(a, 0);
    let (filter, callable) = if is_callable(vm, &repl) {
        (repl, true)
    } else {
        let literal = match (&repl.as_str(), repl.body()) {
            (Some(t), _) => !t.contains('\\'),
            (None, Some(Object::Bytes(b))) => !b.contains(&b'\\'),
            _ => false,
        };
        if literal {
            (repl, false)
        } else {
            let f = call_re(vm, "_subx", &[pattern.clone(), repl])?;
            let c = is_callable(vm, &f);
            (f, c)
        }
    };
    let held = subject(vm, &string, info.isbytes)?;
    let subj = held.subject();
    let end = subj.len();
    let sl = Slicer::new(subj);
    let mut pieces: Vec<Value> = Vec::new();
    let (mut pos, mut i, mut n) = (0usize, 0usize, 0i64);
    let mut must_advance = false;
    while count == 0 || n < count {
        let Some(f) = exec(subj, &info, pos, end, Mode::Search, must_advance) else {
            break;
        };
        let (b, e) = (f.start(), f.end());
        if i < b {
            pieces.push(sl.slice(i, b));
        }
        must_advance = e == b;
        if callable {
            let m = new_match(vm, &pattern, &string, 0, end, f);
            let item = vm.call(&filter, &[m], &[])?;
            if !matches!(item, Value::None) {
                pieces.push(item);
            }
        } else {
            pieces.push(filter.clone());
        }
        i = e;
        n += 1;
        pos = e;
    }
    if i < end {
        pieces.push(sl.slice(i, end));
    }
    let joined = join(vm, &pieces, info.isbytes)?;
    if with_count {
        Ok(Vm::new_tuple(vec![joined, Value::Int(n)]))
    } else {
        Ok(joined)
    }
}

/// The pieces of a substitution joined as `''.join` / `b''.join` would, with their errors.
fn join(vm: &mut Vm, pieces: &[Value], isbytes: bool) -> PyResult<Value> {
    if isbytes {
        let mut out: Vec<u8> = Vec::new();
        for (k, v) in pieces.iter().enumerate() {
            match v.body() {
                Some(Object::Bytes(b)) => out.extend_from_slice(b),
                _ => match crate::objects::bytearray::bytes_like(v) {
                    Some(b) => out.extend_from_slice(&b),
                    None => {
                        return Err(vm.type_error(format!(
                            "sequence item {k}: expected a bytes-like object, {} found",
                            vm.type_name(v)
                        )))
                    }
                },
            }
        }
        Ok(Value::obj(Object::Bytes(out.into_boxed_slice().into())))
    } else {
        // Wide bytes concatenate as code points do.
        let mut out: Vec<u8> = Vec::new();
        let mut wide = false;
        for (k, v) in pieces.iter().enumerate() {
            match Held::of(v) {
                Some(Held::Str(t)) => {
                    wide |= t.as_str().is_none();
                    out.extend_from_slice(t.str_bytes().unwrap_or_default());
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "sequence item {k}: expected str instance, {} found",
                        vm.type_name(v)
                    )))
                }
            }
        }
        Ok(if wide {
            Vm::str_from_wide(&out)
        } else {
            Vm::str_val(String::from_utf8(out).unwrap_or_default())
        })
    }
}

/// A scanner over `string` from `pos` to `endpos` (`finditer` and `scanner`).
fn make_scanner(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let info = pat_info(vm, a, name)?;
    let p = parse_args(vm, a, 1, name, &["string", "pos", "endpos"], 1, 3)?;
    let string = p[0].cloned().unwrap_or(Value::None);
    let held = subject(vm, &string, info.isbytes)?;
    let subj = held.subject();
    let (pos, endpos) = bounds(vm, p[1], p[2], subj.len())?;
    let native = native_class(vm, "_sre.SRE_Scanner");
    Ok(new_native(
        native.clone(),
        native,
        None,
        Scanner {
            pattern: arg(a, 0),
            string,
            held,
            info,
            pos,
            endpos,
            next: Some(pos),
            must_advance: false,
        },
    ))
}

fn pattern_scanner(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    make_scanner(vm, a, "scanner")
}

fn pattern_finditer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let scanner = make_scanner(vm, a, "finditer")?;
    let search = vm.getattr(&scanner, &Vm::str_val("search"))?;
    let builtins = vm.import_module("builtins")?;
    let iter = vm.getattr(&builtins, &Vm::str_val("iter"))?;
    vm.call(&iter, &[search, Value::None], &[])
}

fn pattern_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = pat(vm, a, "__repr__")?;
    let (pattern, mut flags, isbytes) = (p.pattern.clone(), p.flags, p.isbytes);
    let names: [(&str, i64); 9] = [
        ("re.TEMPLATE", 1),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    // A str pattern is Unicode by default: the flag is not shown.
    if !isbytes && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut parts = Vec::new();
    for (n, bit) in names {
        if flags & bit != 0 {
            parts.push(n.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("{flags:#x}"));
    }
    let r: String = vm.repr(&pattern)?.chars().take(200).collect();
    Ok(Vm::str_val(if parts.is_empty() {
        format!("re.compile({r})")
    } else {
        format!("re.compile({r}, {})", parts.join("|"))
    }))
}

fn pattern_eq_inner(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let other = arg(a, 1);
    let Some(o) = super::state_of::<Pattern>(&other) else {
        return Ok(None);
    };
    let (op, of, oc, ob) = (o.pattern.clone(), o.flags, o.code.clone(), o.isbytes);
    let s = pat(vm, a, "__eq__")?;
    if arg(a, 0).is(&other) {
        return Ok(Some(true));
    }
    let (sp, sf, sc, sb) = (s.pattern.clone(), s.flags, s.code.clone(), s.isbytes);
    if sf != of || sb != ob || sc != oc {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&sp, &op)?))
}

fn pattern_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match pattern_eq_inner(vm, a)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn pattern_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match pattern_eq_inner(vm, a)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn pattern_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = pat(vm, a, "__hash__")?;
    let (pattern, code) = (p.pattern.clone(), p.code.clone());
    let mut h = vm.hash(&pattern)?;
    // FNV-1a over the code words: equal patterns hash equal.
    let mut c: u64 = 0xcbf2_9ce4_8422_2325;
    for w in code.iter() {
        for byte in w.to_le_bytes() {
            c = (c ^ byte as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h ^= c as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn pattern_pattern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(pat(vm, a, "pattern")?.pattern.clone())
}

fn pattern_flags(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(pat(vm, a, "flags")?.flags))
}

fn pattern_groups(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(pat(vm, a, "groups")?.groups as i64))
}

fn pattern_groupindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // A copy: the pattern's own mapping stays unchanged whatever the caller does with it.
    let gi = pat(vm, a, "groupindex")?.groupindex.clone();
    match gi.body() {
        Some(Object::Dict(d)) => Ok(Vm::new_dict(d.clone())),
        _ => Ok(gi),
    }
}

// ----- Match -----

fn mobj<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut MatchObj> {
    receiver::<MatchObj>(vm, a, "re.Match", method)
}

/// The group number `index` names (an int, or a name of the pattern's `groupindex`).
fn group_index(vm: &mut Vm, m: &Value, index: &Value) -> PyResult<usize> {
    let (ngroups, pattern) = match super::state_of::<MatchObj>(m) {
        Some(s) => (s.regs.len(), s.pattern.clone()),
        None => return Err(vm.err(ExcKind::IndexError, "no such group")),
    };
    let i: i64 = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ if matches!(index.body(), Some(Object::BigInt(_))) => -1,
        _ => {
            let gi = super::state_of::<Pattern>(&pattern).map(|p| p.groupindex.clone());
            match gi.as_ref().and_then(|g| g.as_obj()) {
                Some(d) => match vm.dict_get(d, index)? {
                    Some(Value::Int(i)) => i,
                    _ => -1,
                },
                None => -1,
            }
        }
    };
    if i < 0 || i as usize >= ngroups {
        return Err(vm.err(ExcKind::IndexError, "no such group"));
    }
    Ok(i as usize)
}

/// Group `g` of match `m`, or `default` when it did not take part.
fn group_value(m: &MatchObj, g: usize, default: &Value) -> PyResult<Value> {
    let (x, y) = m.regs[g];
    if x < 0 {
        return Ok(default.clone());
    }
    match Held::of(&m.string) {
        Some(h) => Ok(Slicer::new(h.subject()).slice(x as usize, y as usize)),
        None => Ok(default.clone()),
    }
}

fn match_group(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mobj(vm, a, "group")?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    let m = arg(a, 0);
    let mut out = Vec::new();
    let idx: Vec<Value> = if a.pos.len() <= 1 {
        vec![Value::Int(0)]
    } else {
        a.pos[1..].to_vec()
    };
    for i in &idx {
        let g = group_index(vm, &m, i)?;
        let s = mobj(vm, a, "group")?;
        out.push(group_value(s, g, &Value::None)?);
    }
    if out.len() == 1 {
        Ok(out.pop().unwrap_or(Value::None))
    } else {
        Ok(Vm::new_tuple(out))
    }
}

fn match_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mobj(vm, a, "__getitem__")?;
    let g = group_index(vm, &arg(a, 0), &arg(a, 1))?;
    group_value(mobj(vm, a, "__getitem__")?, g, &Value::None)
}

fn match_groups(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mobj(vm, a, "groups")?;
    let p = parse_args(vm, a, 1, "groups", &["default"], 0, 1)?;
    let default = p[0].cloned().unwrap_or(Value::None);
    let s = mobj(vm, a, "groups")?;
    let mut out = Vec::new();
    for g in 1..s.regs.len() {
        out.push(group_value(s, g, &default)?);
    }
    Ok(Vm::new_tuple(out))
}

fn match_groupdict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mobj(vm, a, "groupdict")?;
    let p = parse_args(vm, a, 1, "groupdict", &["default"], 0, 1)?;
    let default = p[0].cloned().unwrap_or(Value::None);
    let pattern = mobj(vm, a, "groupdict")?.pattern.clone();
    let gi = super::state_of::<Pattern>(&pattern).map(|p| p.groupindex.clone());
    let items: Vec<(Value, Value)> = match gi.as_ref().and_then(|g| g.body()) {
        Some(Object::Dict(d)) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    };
    let out = Value::obj(Object::Dict(crate::value::dict_table::Dict::new()));
    let m = arg(a, 0);
    for (k, _) in items {
        let g = group_index(vm, &m, &k)?;
        let v = group_value(mobj(vm, a, "groupdict")?, g, &default)?;
        if let Some(o) = out.as_obj() {
            vm.dict_set(o, k, v)?;
        }
    }
    Ok(out)
}

fn span_of(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(isize, isize)> {
    mobj(vm, a, name)?;
    let g = match a.get(1) {
        Some(i) => group_index(vm, &arg(a, 0), i)?,
        None => 0,
    };
    Ok(mobj(vm, a, name)?.regs[g])
}

fn match_start(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, a, "start")?.0 as i64))
}

fn match_end(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, a, "end")?.1 as i64))
}

fn span_value(s: (isize, isize)) -> Value {
    Vm::new_tuple(vec![Value::Int(s.0 as i64), Value::Int(s.1 as i64)])
}

fn match_span(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(span_value(span_of(vm, a, "span")?))
}

fn match_expand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pattern = mobj(vm, a, "expand")?.pattern.clone();
    let p = parse_args(vm, a, 1, "expand", &["template"], 1, 1)?;
    let template = p[0].cloned().unwrap_or(Value::None);
    call_re(vm, "_expand", &[pattern, arg(a, 0), template])
}

fn match_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = mobj(vm, a, "__repr__")?;
    let span = s.regs[0];
    let g0 = group_value(s, 0, &Value::None)?;
    let r: String = vm.repr(&g0)?.chars().take(50).collect();
    Ok(Vm::str_val(format!(
        "<re.Match object; span=({}, {}), match={r}>",
        span.0, span.1
    )))
}

fn match_string(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(mobj(vm, a, "string")?.string.clone())
}

fn match_re(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(mobj(vm, a, "re")?.pattern.clone())
}

fn match_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(mobj(vm, a, "pos")?.pos as i64))
}

fn match_endpos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(mobj(vm, a, "endpos")?.endpos as i64))
}

fn match_lastindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let li = mobj(vm, a, "lastindex")?.lastindex;
    Ok(if li >= 0 {
        Value::Int(li as i64)
    } else {
        Value::None
    })
}

fn match_lastgroup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = mobj(vm, a, "lastgroup")?;
    let li = s.lastindex;
    let pattern = s.pattern.clone();
    if li < 0 {
        return Ok(Value::None);
    }
    let ig = super::state_of::<Pattern>(&pattern).map(|p| p.indexgroup.clone());
    match ig.as_ref().and_then(|v| v.body()) {
        Some(Object::Tuple(t)) => Ok(t.get(li as usize).cloned().unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

fn match_regs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = mobj(vm, a, "regs")?;
    Ok(Vm::new_tuple(
        s.regs.iter().map(|r| span_value(*r)).collect(),
    ))
}

// ----- SRE_Scanner -----

struct Scanner {
    pattern: Value,
    string: Value,
    /// The subject's data, copied once for a bytes-like object other than bytes.
    held: Held,
    info: PatInfo,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts; `None` once a search or match has failed.
    next: Option<usize>,
    must_advance: bool,
}

impl NativeState for Scanner {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.pattern);
        f(&self.string);
    }
}

fn scan(vm: &mut Vm, a: &Args, name: &str, mode: Mode) -> PyResult<Value> {
    let s = receiver::<Scanner>(vm, a, "_sre.SRE_Scanner", name)?;
    let Some(start) = s.next else {
        return Ok(Value::None);
    };
    let string = s.string.clone();
    let subj = s.held.subject();
    match exec(subj, &s.info, start, s.endpos, mode, s.must_advance) {
        Some(f) => {
            s.must_advance = f.end() == f.start();
            s.next = Some(f.end());
            let (pattern, pos, endpos) = (s.pattern.clone(), s.pos, s.endpos);
            Ok(new_match(vm, &pattern, &string, pos, endpos, f))
        }
        None => {
            s.next = None;
            Ok(Value::None)
        }
    }
}

fn scanner_match(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    scan(vm, a, "match", Mode::Match)
}

fn scanner_search(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    scan(vm, a, "search", Mode::Search)
}

fn scanner_pattern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(receiver::<Scanner>(vm, a, "_sre.SRE_Scanner", "pattern")?
        .pattern
        .clone())
}
