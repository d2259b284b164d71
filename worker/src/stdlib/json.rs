//! The `_json` accelerator: `scanstring`, the `make_scanner` type (the decoder's
//! `scan_once`), the `make_encoder` type (the one-shot encoder `json.dumps` uses) and
//! `encode_basestring(_ascii)`, as CPython 3.11's C module, with the same `JSONDecodeError`
//! messages and positions as `json`'s pure-Python fallbacks.

use super::{native_class, native_type, new_native, parse_args, receiver};
use crate::value::dict_table::{str_hash_value, Dict};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::{NativeState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::text::wide::{self, WideBuf};
use std::collections::{HashMap, HashSet};

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("scanstring", scanstring),
    ENCODE_BASESTRING_ASCII,
    ENCODE_BASESTRING,
];

const ENCODE_BASESTRING_ASCII: NativeFn =
    NativeFn::new("encode_basestring_ascii", encode_basestring_ascii);
const ENCODE_BASESTRING: NativeFn = NativeFn::new("encode_basestring", encode_basestring);

static SCANNER_METHODS: &[NativeFn] = &[
    NativeFn::new("Scanner", scanner_new),
    NativeFn::new("Scanner.__call__", scanner_call),
];

static ENCODER_METHODS: &[NativeFn] = &[
    NativeFn::new("Encoder", encoder_new),
    NativeFn::new("Encoder.__call__", encoder_call),
];

const DECODE_OBJECT: &str = " while decoding a JSON object from a unicode string";
const DECODE_ARRAY: &str = " while decoding a JSON array from a unicode string";
const ENCODE: &str = " while encoding a JSON object";

/// Builds the `_json` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let scanner = native_type(vm, "_json.Scanner", None, SCANNER_METHODS, false);
    let encoder = native_type(vm, "_json.Encoder", None, ENCODER_METHODS, false);
    // The encoder recognises this module's string encoders by identity (`FUNCTIONS[1]`,
    // `FUNCTIONS[2]`), which is what the module binds.
    super::new_module(
        "_json",
        FUNCTIONS,
        &[
            ("make_scanner", Value::Obj(scanner)),
            ("make_encoder", Value::Obj(encoder)),
        ],
    )
}

/// The text of a str or of an instance of a str subclass.
fn text_of(v: &Value) -> Option<&str> {
    match v.body() {
        Some(Object::Instance(i)) => i.base.as_str(),
        _ => v.as_str(),
    }
}

/// The code points of a str or of an instance of a str subclass, as wide bytes (lone
/// surrogates included).
fn wide_text_of(v: &Value) -> Option<&[u8]> {
    match v.body() {
        Some(Object::Instance(i)) => i.base.str_bytes(),
        _ => v.str_bytes(),
    }
}

fn str_arg_error(vm: &Vm, v: &Value) -> ObjRef {
    vm.type_error(format!(
        "first argument must be a string, not {}",
        vm.type_name(v)
    ))
}

// ----- decoding -----

/// A decoding failure: `JSONDecodeError(msg, doc, pos)`, `StopIteration(pos)` (no value
/// starts here), or an exception already made.
enum DecodeErr {
    Json(&'static str, i64),
    Stop(usize),
    Py(ObjRef),
}

impl From<ObjRef> for DecodeErr {
    fn from(e: ObjRef) -> Self {
        DecodeErr::Py(e)
    }
}

fn raise_decode(vm: &mut Vm, e: DecodeErr, doc: &Value) -> ObjRef {
    match e {
        DecodeErr::Py(e) => e,
        DecodeErr::Stop(pos) => {
            let cls = vm.exc_class(ExcKind::StopIteration);
            vm.make_exc(&cls, vec![Value::Int(pos as i64)])
        }
        DecodeErr::Json(msg, pos) => {
            let cls = match vm.import_module("json.decoder") {
                Ok(m) => match vm.getattr_opt(&m, "JSONDecodeError") {
                    Ok(Some(c)) => c,
                    Ok(None) => return vm.value_error(msg),
                    Err(e) => return e,
                },
                Err(e) => return e,
            };
            let args = [Vm::str_val(msg), doc.clone(), Value::Int(pos)];
            match vm.call(&cls, &args, &[]) {
                Ok(Value::Obj(exc)) => exc,
                Ok(_) => vm.value_error(msg),
                Err(e) => e,
            }
        }
    }
}

/// The str a scanned JSON string makes: plain text, or wide bytes when it kept a lone
/// surrogate.
fn scanned_str(s: Result<String, Vec<u8>>) -> Value {
    match s {
        Ok(s) => Vm::str_val(s),
        Err(w) => Vm::str_from_wide(&w),
    }
}

fn hex_digit(c: char) -> Option<u32> {
    c.to_digit(16)
}

/// Reads a JSON string whose opening quote is just before `end`: the text and the index
/// after the closing quote.
fn scan_string(
    s: &[char],
    mut end: usize,
    strict: bool,
) -> Result<(Result<String, Vec<u8>>, usize), DecodeErr> {
    // The opening quote's index (-1 when `scanstring` is asked to start at 0).
    let begin = end as i64 - 1;
    let at = |i: usize| i as i64;
    let len = s.len();
    let mut out = WideBuf::new();
    loop {
        let mut next = end;
        let mut c = '\0';
        while next < len {
            c = s[next];
            if c == '"' || c == '\\' {
                break;
            }
            if c <= '\u{1f}' && strict {
                return Err(DecodeErr::Json("Invalid control character at", at(next)));
            }
            next += 1;
        }
        if next >= len || (c != '"' && c != '\\') {
            return Err(DecodeErr::Json("Unterminated string starting at", begin));
        }
        for &ch in &s[end..next] {
            out.push(ch);
        }
        next += 1;
        if c == '"' {
            return Ok((out.into_parts(), next));
        }
        if next == len {
            return Err(DecodeErr::Json("Unterminated string starting at", begin));
        }
        let e = s[next];
        if e != 'u' {
            end = next + 1;
            let ch = match e {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(DecodeErr::Json("Invalid \\escape", at(end - 2))),
            };
            out.push(ch);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= len {
            return Err(DecodeErr::Json("Invalid \\uXXXX escape", at(next - 1)));
        }
        let mut u = 0u32;
        for &d in &s[next..end] {
            match hex_digit(d) {
                Some(v) => u = (u << 4) | v,
                None => return Err(DecodeErr::Json("Invalid \\uXXXX escape", at(end - 5))),
            }
        }
        if (0xd800..0xdc00).contains(&u) && end + 6 < len && s[end] == '\\' && s[end + 1] == 'u' {
            let mut u2 = 0u32;
            for &d in &s[end + 2..end + 6] {
                match hex_digit(d) {
                    Some(v) => u2 = (u2 << 4) | v,
                    None => return Err(DecodeErr::Json("Invalid \\uXXXX escape", at(end + 1))),
                }
            }
            if (0xdc00..0xe000).contains(&u2) {
                u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                end += 6;
            }
        }
        // A lone surrogate is kept, as CPython keeps it.
        out.push_code_point(u);
    }
}

fn scanstring(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("scanstring() takes no keyword arguments"));
    }
    let n = a.pos.len();
    if !(2..=3).contains(&n) {
        let bound = if n < 2 { "at least 2" } else { "at most 3" };
        return Err(vm.type_error(format!("scanstring() takes {bound} arguments ({n} given)")));
    }
    let doc = a.pos[0].clone();
    let end = ssize(vm, &a.pos[1])?;
    let strict = match a.pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let Some(text) = text_of(&doc) else {
        return Err(str_arg_error(vm, &doc));
    };
    let chars: Vec<char> = text.chars().collect();
    if end < 0 || end as usize > chars.len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    match scan_string(&chars, end as usize, strict) {
        Ok((s, next)) => Ok(Vm::new_tuple(vec![scanned_str(s), Value::Int(next as i64)])),
        Err(e) => Err(raise_decode(vm, e, &doc)),
    }
}

fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Object::BigInt(_)) = v.body() {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    vm.index_of(v)
}

/// The scanner's settings, read from the decoder it was made for.
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

impl NativeState for Scanner {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.object_hook);
        f(&self.object_pairs_hook);
        f(&self.parse_float);
        f(&self.parse_int);
        f(&self.parse_constant);
    }
}

fn scanner_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let p = parse_args(vm, a, 1, "make_scanner", &["context"], 1, 1)?;
    let ctx = p[0].cloned().unwrap_or(Value::None);
    let get = |vm: &mut Vm, name: &str| vm.getattr(&ctx, &Vm::str_val(name));
    let strict_v = get(vm, "strict")?;
    let strict = vm.truthy(&strict_v)?;
    let object_hook = get(vm, "object_hook")?;
    let object_pairs_hook = get(vm, "object_pairs_hook")?;
    let parse_float = get(vm, "parse_float")?;
    let parse_int = get(vm, "parse_int")?;
    let parse_constant = get(vm, "parse_constant")?;
    let native = native_class(vm, "_json.Scanner");
    Ok(new_native(
        cls,
        native,
        None,
        Scanner {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float,
            parse_int,
            parse_constant,
        },
    ))
}

fn scanner_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Scanner>(vm, a, "_json.Scanner", "__call__")?;
    let p = parse_args(vm, a, 1, "scan_once", &["string", "idx"], 2, 2)?;
    let doc = p[0].cloned().unwrap_or(Value::None);
    let idx = ssize(vm, p[1].unwrap_or(&Value::None))?;
    let Some(text) = text_of(&doc) else {
        return Err(str_arg_error(vm, &doc));
    };
    let chars: Vec<char> = text.chars().collect();
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    // Copy the settings out: hooks may run Python code that touches the scanner.
    let sc = {
        let s = receiver::<Scanner>(vm, a, "_json.Scanner", "__call__")?;
        Scanner {
            strict: s.strict,
            object_hook: s.object_hook.clone(),
            object_pairs_hook: s.object_pairs_hook.clone(),
            parse_float: s.parse_float.clone(),
            parse_int: s.parse_int.clone(),
            parse_constant: s.parse_constant.clone(),
        }
    };
    let float_t = Value::Obj(vm.type_obj(TypeKind::Float).clone());
    let int_t = Value::Obj(vm.type_obj(TypeKind::Int).clone());
    let mut st = ScanRun {
        sc: &sc,
        s: &chars,
        memo: HashMap::new(),
        default_float: sc.parse_float.is(&float_t),
        default_int: sc.parse_int.is(&int_t),
    };
    match st.scan_once(vm, idx as usize) {
        Ok((v, next)) => Ok(Vm::new_tuple(vec![v, Value::Int(next as i64)])),
        Err(e) => Err(raise_decode(vm, e, &doc)),
    }
}

struct ScanRun<'a> {
    sc: &'a Scanner,
    s: &'a [char],
    /// Object keys already made, shared as CPython's memo shares them.
    memo: HashMap<String, Value>,
    default_float: bool,
    default_int: bool,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl ScanRun<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn matches(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i + n <= self.s.len() && word.chars().zip(&self.s[i..i + n]).all(|(a, b)| a == *b)
    }

    fn scan_once(&mut self, vm: &mut Vm, idx: usize) -> Result<(Value, usize), DecodeErr> {
        let Some(c) = self.at(idx) else {
            return Err(DecodeErr::Stop(idx));
        };
        match c {
            '"' => {
                let (s, next) = scan_string(self.s, idx + 1, self.sc.strict)?;
                return Ok((scanned_str(s), next));
            }
            '{' => {
                return self.nested(vm, DECODE_OBJECT, |me, vm| me.parse_object(vm, idx + 1));
            }
            '[' => {
                return self.nested(vm, DECODE_ARRAY, |me, vm| me.parse_array(vm, idx + 1));
            }
            'n' if self.matches(idx, "null") => return Ok((Value::None, idx + 4)),
            't' if self.matches(idx, "true") => return Ok((Value::Bool(true), idx + 4)),
            'f' if self.matches(idx, "false") => return Ok((Value::Bool(false), idx + 5)),
            'N' if self.matches(idx, "NaN") => return self.constant(vm, "NaN", idx),
            'I' if self.matches(idx, "Infinity") => return self.constant(vm, "Infinity", idx),
            '-' if self.matches(idx, "-Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn nested(
        &mut self,
        vm: &mut Vm,
        why: &'static str,
        f: impl FnOnce(&mut Self, &mut Vm) -> Result<(Value, usize), DecodeErr>,
    ) -> Result<(Value, usize), DecodeErr> {
        let mut inner: Option<DecodeErr> = None;
        let r = vm.nested(why, |vm| match f(self, vm) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                inner = Some(e);
                Ok(None)
            }
        });
        match r {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(inner.unwrap_or(DecodeErr::Stop(0))),
            Err(e) => Err(DecodeErr::Py(e)),
        }
    }

    fn constant(
        &mut self,
        vm: &mut Vm,
        name: &str,
        idx: usize,
    ) -> Result<(Value, usize), DecodeErr> {
        let v = vm.call(&self.sc.parse_constant, &[Vm::str_val(name)], &[])?;
        Ok((v, idx + name.chars().count()))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), DecodeErr> {
        let s = self.s;
        let len = s.len();
        let digit = |i: usize| i < len && s[i].is_ascii_digit();
        let mut idx = start;
        if s[idx] == '-' {
            idx += 1;
            if idx >= len {
                return Err(DecodeErr::Stop(start));
            }
        }
        if ('1'..='9').contains(&s[idx]) {
            idx += 1;
            while digit(idx) {
                idx += 1;
            }
        } else if s[idx] == '0' {
            idx += 1;
        } else {
            return Err(DecodeErr::Stop(start));
        }
        let mut is_float = false;
        if idx + 1 < len && s[idx] == '.' && s[idx + 1].is_ascii_digit() {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < len && (s[idx] == 'e' || s[idx] == 'E') {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (s[idx] == '-' || s[idx] == '+') {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if s[idx - 1].is_ascii_digit() {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        if !is_float && self.default_int && idx - start <= 18 {
            // At most 18 digits: fits an i64 without overflow checks.
            let (neg, digits) = match s[start] {
                '-' => (true, &s[start + 1..idx]),
                _ => (false, &s[start..idx]),
            };
            let n = digits
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(*d as u8 - b'0'));
            return Ok((Value::Int(if neg { -n } else { n }), idx));
        }
        let text: String = s[start..idx].iter().collect();
        let v = if is_float {
            if self.default_float {
                // A JSON number is valid float syntax; Rust's parse rounds correctly.
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                vm.call(&self.sc.parse_float, &[Vm::str_val(text)], &[])?
            }
        } else if self.default_int {
            match text.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => match text.parse::<num_bigint::BigInt>() {
                    Ok(b) => Vm::int_from_big(b),
                    Err(_) => return Err(DecodeErr::Stop(start)),
                },
            }
        } else {
            vm.call(&self.sc.parse_int, &[Vm::str_val(text)], &[])?
        };
        Ok((v, idx))
    }

    fn parse_object(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), DecodeErr> {
        let pairs_hook = !matches!(self.sc.object_pairs_hook, Value::None);
        let mut pairs: Vec<Value> = Vec::new();
        let mut dict = Dict::new();
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(DecodeErr::Json(
                        "Expecting property name enclosed in double quotes",
                        idx as i64,
                    ));
                }
                let (k, next) = scan_string(self.s, idx + 1, self.sc.strict)?;
                let key = match k {
                    Ok(k) => match self.memo.get(k.as_str()) {
                        Some(v) => v.clone(),
                        None => {
                            let v = Vm::str_val(k.as_str());
                            self.memo.insert(k, v.clone());
                            v
                        }
                    },
                    wide => scanned_str(wide),
                };
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(DecodeErr::Json("Expecting ':' delimiter", idx as i64));
                }
                idx = self.skip_ws(idx + 1);
                // No value here: the `StopIteration` goes up to `raw_decode`, which words it
                // (`Expecting value`), as with CPython's scanner.
                let (val, next) = self.scan_once(vm, idx)?;
                if pairs_hook {
                    pairs.push(Vm::new_tuple(vec![key, val]));
                } else {
                    // The memo's key object goes in (no second copy of the text).
                    // Wide bytes, so a key with a lone surrogate hashes and compares as
                    // the str it is.
                    let text = key.str_bytes().unwrap_or_default();
                    dict.insert(str_hash_value(&key), key.clone(), val, &mut |x| {
                        x.str_bytes() == Some(text)
                    });
                }
                idx = self.skip_ws(next);
                match self.at(idx) {
                    Some('}') => break,
                    Some(',') => {}
                    _ => return Err(DecodeErr::Json("Expecting ',' delimiter", idx as i64)),
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let v = vm.call(&self.sc.object_pairs_hook, &[Vm::new_list(pairs)], &[])?;
            return Ok((v, end));
        }
        let dict = Vm::new_dict(dict);
        if !matches!(self.sc.object_hook, Value::None) {
            let v = vm.call(&self.sc.object_hook, &[dict], &[])?;
            return Ok((v, end));
        }
        Ok((dict, end))
    }

    fn parse_array(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), DecodeErr> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some(']') {
            loop {
                // No value here: the `StopIteration` goes up to `raw_decode`, which words it
                // (`Expecting value`), as with CPython's scanner.
                let (val, next) = self.scan_once(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                match self.at(idx) {
                    Some(']') => break,
                    Some(',') => {}
                    _ => return Err(DecodeErr::Json("Expecting ',' delimiter", idx as i64)),
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Vm::new_list(items), idx + 1))
    }
}

// ----- encoding -----

/// `"` + the escaped text + `"`; `ascii` escapes everything outside printable ASCII. `s`
/// holds wide bytes: a lone surrogate is escaped under `ascii`, else kept as it is.
fn escape_into(out: &mut WideBuf, s: &[u8], ascii: bool) {
    out.push('"');
    // Runs of plain characters are copied as they are.
    let mut plain_from = 0;
    let mut i = 0;
    while i < s.len() {
        let (cp, width) = wide::decode_at(s, i);
        let next = i + width;
        let plain = cp >= 0x20 && cp != '"' as u32 && cp != '\\' as u32 && (!ascii || cp <= 0x7e);
        if plain {
            i = next;
            continue;
        }
        out.push_wide(&s[plain_from..i]);
        match cp {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            u if u >= 0x10000 => {
                let v = u - 0x10000;
                push_u(out, 0xd800 | (v >> 10));
                push_u(out, 0xdc00 | (v & 0x3ff));
            }
            u => push_u(out, u),
        }
        i = next;
        plain_from = i;
    }
    out.push_wide(&s[plain_from..]);
    out.push('"');
}

fn push_u(out: &mut WideBuf, u: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((u >> shift) & 15) as usize] as char);
    }
}

fn encode_basestring_ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_str_fn(vm, a, "encode_basestring_ascii", true)
}

fn encode_basestring(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    encode_str_fn(vm, a, "encode_basestring", false)
}

fn encode_str_fn(vm: &mut Vm, a: &Args, fname: &str, ascii: bool) -> PyResult<Value> {
    if !a.kw.is_empty() || a.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.pos.len() + a.kw.len()
        )));
    }
    let Some(s) = wide_text_of(&a.pos[0]) else {
        return Err(str_arg_error(vm, &a.pos[0]));
    };
    let mut out = WideBuf::with_capacity(s.len() + 2);
    escape_into(&mut out, s, ascii);
    Ok(Vm::str_from_buf(out))
}

/// The encoder's settings.
struct Encoder {
    markers: Value,
    default: Value,
    encoder: Value,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl NativeState for Encoder {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.markers);
        f(&self.default);
        f(&self.encoder);
    }
}

fn encoder_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let names = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let p = parse_args(vm, a, 1, "make_encoder", &names, 9, 9)?;
    let arg = |i: usize| p[i].cloned().unwrap_or(Value::None);
    let markers = arg(0);
    if !matches!(markers, Value::None) && !matches!(markers.body(), Some(Object::Dict(_))) {
        return Err(vm.type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            vm.type_name(&markers)
        )));
    }
    let sep = |vm: &mut Vm, i: usize| -> PyResult<String> {
        let v = arg(i);
        match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                vm.type_name(&v)
            ))),
        }
    };
    let key_separator = sep(vm, 4)?;
    let item_separator = sep(vm, 5)?;
    let sort_keys = vm.truthy(&arg(6))?;
    let skipkeys = vm.truthy(&arg(7))?;
    let allow_nan = vm.truthy(&arg(8))?;
    let native = native_class(vm, "_json.Encoder");
    Ok(new_native(
        cls,
        native,
        None,
        Encoder {
            markers,
            default: arg(1),
            encoder: arg(2),
            key_separator,
            item_separator,
            sort_keys,
            skipkeys,
            allow_nan,
        },
    ))
}

fn encoder_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Encoder>(vm, a, "_json.Encoder", "__call__")?;
    let p = parse_args(
        vm,
        a,
        1,
        "_iterencode",
        &["obj", "_current_indent_level"],
        2,
        2,
    )?;
    let obj = p[0].cloned().unwrap_or(Value::None);
    ssize(vm, p[1].unwrap_or(&Value::None))?;
    let e = {
        let s = receiver::<Encoder>(vm, a, "_json.Encoder", "__call__")?;
        Encoder {
            markers: s.markers.clone(),
            default: s.default.clone(),
            encoder: s.encoder.clone(),
            key_separator: s.key_separator.clone(),
            item_separator: s.item_separator.clone(),
            sort_keys: s.sort_keys,
            skipkeys: s.skipkeys,
            allow_nan: s.allow_nan,
        }
    };
    let mut run = EncodeRun {
        e: &e,
        out: WideBuf::new(),
        markers: HashSet::new(),
        check: !matches!(e.markers, Value::None),
        fast: if e.encoder.is_native(&FUNCTIONS[1]) {
            Some(true)
        } else if e.encoder.is_native(&FUNCTIONS[2]) {
            Some(false)
        } else {
            None
        },
    };
    run.obj(vm, &obj)?;
    Ok(Vm::new_tuple(vec![Vm::str_from_buf(run.out)]))
}

struct EncodeRun<'a> {
    e: &'a Encoder,
    out: WideBuf,
    /// The containers being encoded (by identity), for circular references.
    markers: HashSet<usize>,
    check: bool,
    /// The string encoder is one of this module's: `Some(ascii)`.
    fast: Option<bool>,
}

impl EncodeRun<'_> {
    fn string(&mut self, vm: &mut Vm, v: &Value, s: &[u8]) -> PyResult<()> {
        if let Some(ascii) = self.fast {
            escape_into(&mut self.out, s, ascii);
            return Ok(());
        }
        let r = vm.call(&self.e.encoder, std::slice::from_ref(v), &[])?;
        match r.str_bytes() {
            Some(t) => {
                self.out.push_wide(t);
                Ok(())
            }
            None => Err(vm.type_error(format!(
                "encoder() must return a string, not {}",
                vm.type_name(&r)
            ))),
        }
    }

    fn float(&self, vm: &Vm, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.e.allow_nan {
                return Err(vm.value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            }
            .to_string());
        }
        Ok(permafrost_semantics::number::float_repr(f))
    }

    fn enter(&mut self, vm: &Vm, v: &Value) -> PyResult<Option<usize>> {
        if !self.check {
            return Ok(None);
        }
        let id = v.id();
        if !self.markers.insert(id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn leave(&mut self, id: Option<usize>) {
        if let Some(id) = id {
            self.markers.remove(&id);
        }
    }

    fn obj(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => {
                self.out.push_str("null");
                return Ok(());
            }
            Value::Bool(b) => {
                self.out.push_str(if *b { "true" } else { "false" });
                return Ok(());
            }
            Value::Int(i) => {
                self.out.push_str(&i.to_string());
                return Ok(());
            }
            Value::Float(f) => {
                let s = self.float(vm, *f)?;
                self.out.push_str(&s);
                return Ok(());
            }
            _ => {}
        }
        if let Some(s) = v.str_bytes() {
            let s = s.to_vec();
            return self.string(vm, v, &s);
        }
        match v.body() {
            Some(Object::List(_)) | Some(Object::Tuple(_)) => {
                return vm.nested(ENCODE, |vm| self.list(vm, v));
            }
            Some(Object::Dict(_)) => return vm.nested(ENCODE, |vm| self.dict(vm, v)),
            Some(Object::Instance(i)) => {
                // Subclasses of str, int, float, list, tuple and dict encode as their base.
                let base = i.base.clone();
                if let Some(s) = base.str_bytes() {
                    let s = s.to_vec();
                    return self.string(vm, v, &s);
                }
                match base.body() {
                    Some(Object::List(_)) | Some(Object::Tuple(_)) => {
                        return vm.nested(ENCODE, |vm| self.list(vm, v));
                    }
                    Some(Object::Dict(_)) => return vm.nested(ENCODE, |vm| self.dict(vm, v)),
                    _ => {}
                }
                // An int or float subclass (IntEnum) is written as its value.
                if num_of(&base).is_some() && !matches!(base, Value::Bool(_)) {
                    return self.obj(vm, &base);
                }
            }
            _ => {}
        }
        match num_of(v) {
            Some(Num::I(i)) => {
                self.out.push_str(&i.to_string());
                return Ok(());
            }
            Some(Num::B(b)) => {
                self.out.push_str(&b.to_string());
                return Ok(());
            }
            Some(Num::F(f)) => {
                let s = self.float(vm, f)?;
                self.out.push_str(&s);
                return Ok(());
            }
            None => {}
        }
        let id = self.enter(vm, v)?;
        let newobj = vm.call(&self.e.default, std::slice::from_ref(v), &[])?;
        vm.nested(ENCODE, |vm| self.obj(vm, &newobj))?;
        self.leave(id);
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let items = match v.body() {
            Some(Object::List(l)) => l.clone(),
            Some(Object::Tuple(t)) => t.to_vec(),
            Some(Object::Instance(i)) => match i.base.body() {
                Some(Object::List(l)) => l.clone(),
                Some(Object::Tuple(t)) => t.to_vec(),
                _ => vm.collect(v)?,
            },
            _ => vm.collect(v)?,
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.e.item_separator);
            }
            self.obj(vm, item)?;
        }
        self.out.push(']');
        self.leave(id);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let exact = matches!(v.body(), Some(Object::Dict(_)));
        let pairs: Vec<(Value, Value)> = if exact && !self.e.sort_keys {
            match v.body() {
                Some(Object::Dict(d)) => d.iter().map(|(k, x)| (k.clone(), x.clone())).collect(),
                _ => Vec::new(),
            }
        } else {
            let items = match v.body() {
                Some(Object::Dict(d)) => d
                    .iter()
                    .map(|(k, x)| Vm::new_tuple(vec![k.clone(), x.clone()]))
                    .collect(),
                _ => {
                    let items_m = vm.getattr(v, &Vm::str_val("items"))?;
                    let items_v = vm.call(&items_m, &[], &[])?;
                    vm.collect(&items_v)?
                }
            };
            let items = if self.e.sort_keys && !items.is_empty() {
                let list = Vm::new_list(items);
                let sort = vm.getattr(&list, &Vm::str_val("sort"))?;
                vm.call(&sort, &[], &[])?;
                vm.collect(&list)?
            } else {
                items
            };
            let mut pairs = Vec::with_capacity(items.len());
            for item in &items {
                let pair = match item.body() {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => vm.collect(item)?,
                };
                if let [k, x] = &pair[..] {
                    pairs.push((k.clone(), x.clone()));
                }
            }
            pairs
        };
        if pairs.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.enter(vm, v)?;
        self.out.push('{');
        let mut first = true;
        for (key, value) in &pairs {
            let plain;
            let key = match key.body() {
                Some(Object::Instance(i))
                    if i.base.str_bytes().is_some() || num_of(&i.base).is_some() =>
                {
                    plain = i.base.clone();
                    &plain
                }
                _ => key,
            };
            let kstr: Vec<u8> = if let Some(s) = key.str_bytes() {
                s.to_vec()
            } else {
                match (key, num_of(key)) {
                    (Value::Bool(b), _) => (if *b { "true" } else { "false" }).into(),
                    (Value::None, _) => "null".into(),
                    (_, Some(Num::F(f))) => self.float(vm, f)?.into_bytes(),
                    (_, Some(Num::I(i))) => i.to_string().into_bytes(),
                    (_, Some(Num::B(b))) => b.to_string().into_bytes(),
                    _ if self.e.skipkeys => continue,
                    _ => {
                        return Err(vm.type_error(format!(
                            "keys must be str, int, float, bool or None, not {}",
                            vm.type_name(key)
                        )))
                    }
                }
            };
            if !first {
                self.out.push_str(&self.e.item_separator);
            }
            first = false;
            let kv = Vm::str_from_wide(&kstr);
            self.string(vm, &kv, &kstr)?;
            self.out.push_str(&self.e.key_separator);
            self.obj(vm, value)?;
        }
        self.out.push('}');
        self.leave(id);
        Ok(())
    }
}
