//! The `unicodedata` module: the Unicode 14.0.0 character database of CPython 3.11 (names
//! and `lookup` with aliases and named sequences, category, bidirectional class, combining
//! class, east asian width, mirrored, decomposition, decimal/digit/numeric values) and the
//! four normalization forms. The data is `unicodedata.bin`, generated from CPython 3.11 by
//! `scripts/gen_unicodedata.py` (its layout is described there); Hangul syllable and CJK
//! unified ideograph names and Hangul (de)composition are computed. `ucd_3_2_0` is absent.

use super::{new_module, parse_args};
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::collections::HashMap;
use std::sync::OnceLock;

static DATA: &[u8] = include_bytes!("unicodedata.bin");

/// The functions of `unicodedata`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("unicodedata.decimal", decimal, Arity::Range(1, 2), None),
    NativeFn::function("unicodedata.digit", digit, Arity::Range(1, 2), None),
    NativeFn::function("unicodedata.numeric", numeric, Arity::Range(1, 2), None),
    NativeFn::function("unicodedata.category", category, Arity::One, None),
    NativeFn::function("unicodedata.bidirectional", bidirectional, Arity::One, None),
    NativeFn::function("unicodedata.combining", combining, Arity::One, None),
    NativeFn::function("unicodedata.mirrored", mirrored, Arity::One, None),
    NativeFn::function(
        "unicodedata.east_asian_width",
        east_asian_width,
        Arity::One,
        None,
    ),
    NativeFn::function("unicodedata.decomposition", decomposition, Arity::One, None),
    NativeFn::function("unicodedata.name", name, Arity::Range(1, 2), None),
    NativeFn::function("unicodedata.lookup", lookup, Arity::One, None),
    NativeFn::function("unicodedata.normalize", normalize, Arity::Range(2, 2), None),
    NativeFn::function(
        "unicodedata.is_normalized",
        is_normalized,
        Arity::Range(2, 2),
        None,
    ),
];

/// Builds the module.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    new_module(
        "unicodedata",
        FUNCTIONS,
        &[("unidata_version", Vm::str_val("14.0.0"))],
    )
}

// ---- the tables ----

/// The CJK unified ideograph ranges of Unicode 14.0 (their names are computed).
const CJK_RANGES: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// A decomposition: its tag (0 canonical, else an index + 1 into `Ucd::tags`) and its code
/// points.
struct Decomp {
    tag: u8,
    chars: Vec<u32>,
}

struct Ucd {
    shift: u32,
    cats: Vec<&'static str>,
    bidis: Vec<&'static str>,
    eaws: Vec<&'static str>,
    tags: Vec<&'static str>,
    records: &'static [u8],
    index1: &'static [u8],
    index2: &'static [u8],
    decomps: HashMap<u32, Decomp>,
    compose: HashMap<(u32, u32), u32>,
    numerics: HashMap<u32, (i8, i8, f64)>,
    words: Vec<&'static str>,
    names: &'static [u8],
    checkpoints: Vec<(u32, usize)>,
    aliases: &'static [u8],
    sequences: &'static [u8],
}

fn u24(b: &[u8], i: usize) -> u32 {
    b[i] as u32 | (b[i + 1] as u32) << 8 | (b[i + 2] as u32) << 16
}

fn varint(b: &[u8], pos: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let byte = b[*pos];
        *pos += 1;
        v |= ((byte & 0x7F) as u32) << shift;
        if byte & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

fn word_code(b: &[u8], pos: &mut usize) -> usize {
    let first = b[*pos] as usize;
    *pos += 1;
    if first < 0xE0 {
        return first;
    }
    if first < 0xFF {
        let v = 0xE0 + ((first - 0xE0) << 8 | b[*pos] as usize);
        *pos += 1;
        return v;
    }
    let v = 0xE0 + 0x1F00 + ((b[*pos] as usize) << 8 | b[*pos + 1] as usize);
    *pos += 2;
    v
}

fn text(b: &'static [u8]) -> &'static str {
    std::str::from_utf8(b).unwrap_or("")
}

fn ucd() -> &'static Ucd {
    static UCD: OnceLock<Ucd> = OnceLock::new();
    UCD.get_or_init(|| {
        let shift = DATA[6] as u32;
        let mut sections: Vec<&'static [u8]> = Vec::new();
        let mut pos = 7;
        while pos + 4 <= DATA.len() {
            let n = u32::from_le_bytes([DATA[pos], DATA[pos + 1], DATA[pos + 2], DATA[pos + 3]])
                as usize;
            sections.push(&DATA[pos + 4..pos + 4 + n]);
            pos += 4 + n;
        }
        let lists: Vec<Vec<&'static str>> = text(sections[0])
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    Vec::new()
                } else {
                    l.split('\0').collect()
                }
            })
            .collect();
        let mut decomps = HashMap::new();
        let mut compose = HashMap::new();
        let d = sections[4];
        let mut i = 0;
        while i < d.len() {
            let cp = u24(d, i);
            let tag = d[i + 3];
            let n = d[i + 4] as usize;
            let chars: Vec<u32> = (0..n).map(|k| u24(d, i + 5 + 3 * k)).collect();
            i += 5 + 3 * n;
            let composite = tag == 0x80;
            if composite {
                compose.insert((chars[0], chars[1]), cp);
            }
            let tag = if composite { 0 } else { tag };
            decomps.insert(cp, Decomp { tag, chars });
        }
        let mut numerics = HashMap::new();
        let d = sections[5];
        let mut i = 0;
        while i < d.len() {
            let cp = u24(d, i);
            let n = d[i + 5] as usize;
            let value = text(&d[i + 6..i + 6 + n]).parse::<f64>().unwrap_or(0.0);
            numerics.insert(cp, (d[i + 3] as i8, d[i + 4] as i8, value));
            i += 6 + n;
        }
        let c = sections[8];
        let checkpoints = (0..c.len() / 7)
            .map(|k| {
                let o = &c[7 * k + 3..7 * k + 7];
                (
                    u24(c, 7 * k),
                    u32::from_le_bytes([o[0], o[1], o[2], o[3]]) as usize,
                )
            })
            .collect();
        let list = |k: usize| lists.get(k).cloned().unwrap_or_default();
        Ucd {
            shift,
            cats: list(0),
            bidis: list(1),
            eaws: list(2),
            tags: list(3),
            records: sections[1],
            index1: sections[2],
            index2: sections[3],
            decomps,
            compose,
            numerics,
            words: text(sections[6]).split('\0').collect(),
            names: sections[7],
            checkpoints,
            aliases: sections[9],
            sequences: sections[10],
        }
    })
}

impl Ucd {
    fn record(&self, cp: u32) -> &[u8] {
        let block = cp >> self.shift;
        let b = u16::from_le_bytes([
            self.index1[2 * block as usize],
            self.index1[2 * block as usize + 1],
        ]) as usize;
        let r = self.index2[(b << self.shift) + (cp as usize & ((1 << self.shift) - 1))] as usize;
        &self.records[5 * r..5 * r + 5]
    }

    /// Decodes the name entry at `*pos` (whose code point is `prev` + its delta).
    fn decode_name(&self, pos: &mut usize, prev: u32) -> (u32, String) {
        let cp = prev + varint(self.names, pos);
        let count = self.names[*pos] as usize;
        *pos += 1;
        let mut out = String::new();
        let mut pending_space = false;
        for _ in 0..count {
            let w = self
                .words
                .get(word_code(self.names, pos))
                .copied()
                .unwrap_or("");
            if w == "\u{1}" {
                out.push('-');
                pending_space = false;
                continue;
            }
            if pending_space {
                out.push(' ');
            }
            out.push_str(w);
            pending_space = true;
        }
        (cp, out)
    }

    fn stored_name(&self, cp: u32) -> Option<String> {
        let k = self.checkpoints.partition_point(|&(c, _)| c <= cp);
        let (_, mut pos) = *self.checkpoints.get(k.checked_sub(1)?)?;
        let mut prev = 0;
        for _ in 0..64 {
            if pos >= self.names.len() {
                break;
            }
            let (c, name) = self.decode_name(&mut pos, prev);
            if c == cp {
                return Some(name);
            }
            if c > cp {
                break;
            }
            prev = c;
        }
        None
    }

    fn name(&self, cp: u32) -> Option<String> {
        if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
            let s = cp - S_BASE;
            let (l, v, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
            return Some(format!(
                "HANGUL SYLLABLE {}{}{}",
                JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]
            ));
        }
        if CJK_RANGES.iter().any(|&(a, b)| (a..=b).contains(&cp)) {
            return Some(format!("CJK UNIFIED IDEOGRAPH-{cp:X}"));
        }
        self.stored_name(cp)
    }

    /// Every stored name, alias and named sequence by its name.
    fn by_name(&self) -> &'static HashMap<String, Vec<u32>> {
        static MAP: OnceLock<HashMap<String, Vec<u32>>> = OnceLock::new();
        MAP.get_or_init(|| {
            let mut map = HashMap::new();
            let mut pos = 0;
            let mut k = 0usize;
            let mut prev = 0;
            while pos < self.names.len() {
                if k.is_multiple_of(64) {
                    prev = 0;
                }
                let (cp, name) = self.decode_name(&mut pos, prev);
                prev = cp;
                k += 1;
                map.insert(name, vec![cp]);
            }
            let a = self.aliases;
            let mut i = 0;
            while i + 4 <= a.len() {
                let n = a[i + 3] as usize;
                map.insert(text(&a[i + 4..i + 4 + n]).to_string(), vec![u24(a, i)]);
                i += 4 + n;
            }
            let s = self.sequences;
            let mut i = 0;
            while i < s.len() {
                let n = s[i] as usize;
                let name = text(&s[i + 1..i + 1 + n]).to_string();
                let count = s[i + 1 + n] as usize;
                let start = i + 2 + n;
                let cps = (0..count).map(|k| u24(s, start + 3 * k)).collect();
                map.insert(name, cps);
                i = start + 3 * count;
            }
            map
        })
    }
}

// ---- arguments ----

/// The single character of argument `v`, or CPython's TypeError naming `fname`'s argument.
fn char_arg(vm: &Vm, v: &Value, fname: &str, numbered: bool) -> PyResult<char> {
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
    }
    let which = if numbered { "argument 1" } else { "argument" };
    Err(vm.type_error(format!(
        "{fname}() {which} must be a unicode character, not {}",
        vm.type_name(v)
    )))
}

fn one_char(vm: &Vm, a: &Args, fname: &str) -> PyResult<char> {
    char_arg(vm, a.get(0).unwrap_or(&Value::None), fname, false)
}

fn str_value(s: &str) -> Value {
    Vm::str_val(s)
}

// ---- properties ----

fn category(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "category")?;
    let u = ucd();
    Ok(str_value(u.cats[u.record(c as u32)[0] as usize]))
}

fn bidirectional(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "bidirectional")?;
    let u = ucd();
    Ok(str_value(u.bidis[u.record(c as u32)[1] as usize]))
}

fn combining(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "combining")?;
    Ok(Value::Int(ucd().record(c as u32)[2] as i64))
}

fn east_asian_width(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "east_asian_width")?;
    let u = ucd();
    Ok(str_value(u.eaws[u.record(c as u32)[3] as usize]))
}

fn mirrored(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "mirrored")?;
    Ok(Value::Int(ucd().record(c as u32)[4] as i64))
}

fn decomposition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = one_char(vm, a, "decomposition")?;
    let u = ucd();
    let Some(d) = u.decomps.get(&(c as u32)) else {
        return Ok(str_value(""));
    };
    let mut parts: Vec<String> = Vec::new();
    if d.tag > 0 {
        parts.push(u.tags.get(d.tag as usize - 1).unwrap_or(&"").to_string());
    }
    parts.extend(d.chars.iter().map(|c| format!("{c:04X}")));
    Ok(str_value(&parts.join(" ")))
}

/// The shared body of `decimal`, `digit` and `numeric`: the value `pick` finds, else the
/// default, else ValueError `missing`.
fn numeric_value(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    missing: &str,
    pick: fn(&(i8, i8, f64)) -> Option<Value>,
) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, fname, &["chr", "default"], 1, 2)?;
    let c = char_arg(vm, p[0].unwrap_or(&Value::None), fname, true)?;
    if let Some(v) = ucd().numerics.get(&(c as u32)).and_then(pick) {
        return Ok(v);
    }
    match p[1] {
        Some(d) => Ok(d.clone()),
        None => Err(vm.value_error(missing)),
    }
}

fn decimal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    numeric_value(vm, a, "decimal", "not a decimal", |&(d, _, _)| {
        (d >= 0).then_some(Value::Int(d as i64))
    })
}

fn digit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    numeric_value(vm, a, "digit", "not a digit", |&(_, d, _)| {
        (d >= 0).then_some(Value::Int(d as i64))
    })
}

fn numeric(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    numeric_value(vm, a, "numeric", "not a numeric character", |&(_, _, v)| {
        Some(Value::Float(v))
    })
}

// ---- names ----

fn name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(vm, a, 0, "name", &["chr", "default"], 1, 2)?;
    let c = char_arg(vm, p[0].unwrap_or(&Value::None), "name", true)?;
    if let Some(n) = ucd().name(c as u32) {
        return Ok(str_value(&n));
    }
    match p[1] {
        Some(d) => Ok(d.clone()),
        None => Err(vm.value_error("no such name")),
    }
}

/// The syllable a Hangul name's jamo part spells (each jamo the longest that matches).
fn hangul_from_name(rest: &str) -> Option<u32> {
    fn longest(s: &str, table: &[&str]) -> Option<(usize, usize)> {
        table
            .iter()
            .enumerate()
            .filter(|(_, j)| s.starts_with(*j))
            .max_by_key(|(_, j)| j.len())
            .map(|(i, j)| (i, j.len()))
    }
    let (l, n) = longest(rest, &JAMO_L)?;
    let rest = &rest[n..];
    let (v, n) = longest(rest, &JAMO_V)?;
    let rest = &rest[n..];
    let (t, n) = longest(rest, &JAMO_T)?;
    (n == rest.len()).then_some(S_BASE + (l as u32 * V_COUNT + v as u32) * T_COUNT + t as u32)
}

/// The code points `name` stands for (a character, an alias's character, or a named
/// sequence), as CPython 3.11's lookup resolves it.
pub(crate) fn lookup_name(name: &str, sequences: bool) -> Option<Vec<u32>> {
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        return hangul_from_name(rest).map(|c| vec![c]);
    }
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if !(4..=5).contains(&hex.len())
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return CJK_RANGES
            .iter()
            .any(|&(a, b)| (a..=b).contains(&cp))
            .then(|| vec![cp]);
    }
    let found = ucd().by_name().get(&name.to_ascii_uppercase())?;
    (sequences || found.len() == 1).then(|| found.clone())
}

fn lookup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).unwrap_or(&Value::None);
    let owned;
    let name: &str = match v.as_str() {
        Some(s) => s,
        None => match v {
            Value::Obj(o) => match o.get() {
                Object::Bytes(b) => {
                    owned = String::from_utf8_lossy(b).into_owned();
                    &owned
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "lookup() argument must be read-only bytes-like object, not {}",
                        vm.type_name(v)
                    )))
                }
            },
            _ => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                )))
            }
        },
    };
    if name.len() > 256 {
        return Err(vm.err(ExcKind::KeyError, "name too long"));
    }
    match lookup_name(name, true) {
        Some(cps) => {
            let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
            Ok(Vm::str_val(s))
        }
        None => Err(vm.err(
            ExcKind::KeyError,
            format!("undefined character name '{name}'"),
        )),
    }
}

// ---- normalization ----

#[derive(Clone, Copy, PartialEq)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

fn decompose_into(u: &Ucd, c: u32, compat: bool, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&c) {
        let s = c - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    match u.decomps.get(&c) {
        // Decompositions nest a few levels at most; each step leaves the code point.
        Some(d) if d.tag == 0 || compat => {
            for &x in &d.chars {
                decompose_into(u, x, compat, out);
            }
        }
        _ => out.push(c),
    }
}

fn ccc(u: &Ucd, c: u32) -> u8 {
    u.record(c)[2]
}

fn decompose(u: &Ucd, s: &str, compat: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(u, c as u32, compat, &mut out);
    }
    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    let mut i = 0;
    while i < out.len() {
        if ccc(u, out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && ccc(u, out[i]) != 0 {
            i += 1;
        }
        out[start..i].sort_by_key(|&c| ccc(u, c));
    }
    out
}

/// The character `s` and `c` compose into, Hangul syllables included.
fn compose_pair(u: &Ucd, s: u32, c: u32) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&s) && (V_BASE..V_BASE + V_COUNT).contains(&c) {
        return Some(S_BASE + ((s - L_BASE) * V_COUNT + (c - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&s)
        && (s - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&c)
    {
        return Some(s + (c - T_BASE));
    }
    u.compose.get(&(s, c)).copied()
}

/// Canonical composition of a canonically ordered decomposition.
fn compose(u: &Ucd, chars: Vec<u32>) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_ccc = 0u8;
    for c in chars {
        let cc = ccc(u, c);
        if let Some(si) = starter {
            // Not blocked: right after the starter, or after a lower non-zero class.
            let adjacent = out.len() == si + 1;
            if adjacent || (last_ccc != 0 && last_ccc < cc) {
                if let Some(p) = compose_pair(u, out[si], c) {
                    out[si] = p;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
        }
        last_ccc = cc;
        out.push(c);
    }
    out
}

fn normalized(s: &str, form: Form) -> String {
    let u = ucd();
    // Fast path: ASCII is invariant under every form.
    if s.is_ascii() {
        return s.to_string();
    }
    let compat = matches!(form, Form::Nfkc | Form::Nfkd);
    let mut chars = decompose(u, s, compat);
    if matches!(form, Form::Nfc | Form::Nfkc) {
        chars = compose(u, chars);
    }
    chars.iter().filter_map(|&c| char::from_u32(c)).collect()
}

fn form_and_text<'a>(vm: &Vm, a: &Args<'a>, fname: &str) -> PyResult<(Form, &'a str)> {
    let f = a.get(0).unwrap_or(&Value::None);
    let Some(form) = f.as_str() else {
        return Err(vm.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            vm.type_name(f)
        )));
    };
    let v = a.get(1).unwrap_or(&Value::None);
    let Some(s) = v.as_str() else {
        return Err(vm.type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            vm.type_name(v)
        )));
    };
    let form = match form {
        "NFC" => Form::Nfc,
        "NFD" => Form::Nfd,
        "NFKC" => Form::Nfkc,
        "NFKD" => Form::Nfkd,
        _ => return Err(vm.value_error("invalid normalization form")),
    };
    Ok((form, s))
}

fn normalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (form, s) = form_and_text(vm, a, "normalize")?;
    let n = normalized(s, form);
    if n == s {
        return Ok(a.get(1).cloned().unwrap_or(Value::None));
    }
    Ok(Vm::str_val(n))
}

fn is_normalized(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (form, s) = form_and_text(vm, a, "is_normalized")?;
    Ok(Value::Bool(normalized(s, form) == s))
}
