//! The `_string` module: `formatter_parser` and `formatter_field_name_split`, the raw
//! `str.format` scanners that `string.Formatter` builds on. Both return lazy iterators whose
//! syntax errors surface at the item where they occur, as CPython's do.

use super::{native_class, native_type, new_native, receiver};
use crate::value::heap::ObjRef;
use crate::value::object::NativeState;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::text::decimal_value;

/// The functions of `_string`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("formatter_parser", formatter_parser, Arity::One, None),
    NativeFn::function(
        "formatter_field_name_split",
        formatter_field_name_split,
        Arity::One,
        None,
    ),
];

static PARSER_METHODS: &[NativeFn] = &[];
static FIELD_METHODS: &[NativeFn] = &[];

/// The items still to come, then the error that ends the scan (if any).
struct Pending {
    items: std::collections::VecDeque<Value>,
    error: Option<String>,
}

impl NativeState for Pending {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
}

fn pending_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let a = [me.clone()];
    let args = Args::new(&a, &[]);
    let s = receiver::<Pending>(vm, &args, "iterator", "__next__")?;
    if let Some(v) = s.items.pop_front() {
        return Ok(Some(v));
    }
    match s.error.take() {
        Some(msg) => Err(vm.err(ExcKind::ValueError, msg)),
        None => Ok(None),
    }
}

fn str_arg<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a str> {
    let v = a.get(0).unwrap_or(&Value::None);
    v.as_str()
        .ok_or_else(|| vm.type_error(format!("expected str, got {}", vm.type_name(v))))
}

fn opt_str(s: Option<String>) -> Value {
    s.map_or(Value::None, Vm::str_val)
}

/// One scanned piece: literal text, then the field's raw name, spec and conversion.
type Piece = (String, Option<(String, String, Option<char>)>);

/// Scans the piece at `*pos`: literal text up to a field (an escaped brace ends the literal
/// after its first character) and the field that follows it.
fn scan_piece(c: &[char], pos: &mut usize) -> Result<Piece, String> {
    let n = c.len();
    let mut literal = String::new();
    while *pos < n {
        let ch = c[*pos];
        if ch != '{' && ch != '}' {
            literal.push(ch);
            *pos += 1;
            continue;
        }
        let next = c.get(*pos + 1).copied();
        if next == Some(ch) {
            literal.push(ch);
            *pos += 2;
            return Ok((literal, None));
        }
        if ch == '}' {
            return Err("Single '}' encountered in format string".into());
        }
        *pos += 1;
        if next.is_none() {
            return Err("Single '{' encountered in format string".into());
        }
        let field = scan_field(c, pos)?;
        return Ok((literal, Some(field)));
    }
    Ok((literal, None))
}

/// Scans a field just after its `{`, leaving `*pos` after its closing `}`.
fn scan_field(c: &[char], pos: &mut usize) -> Result<(String, String, Option<char>), String> {
    let n = c.len();
    let start = *pos;
    let mut term = None;
    while *pos < n {
        let ch = c[*pos];
        *pos += 1;
        match ch {
            '{' => return Err("unexpected '{' in field name".into()),
            '[' => {
                while *pos < n && c[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                term = Some(ch);
                break;
            }
            _ => {}
        }
    }
    let Some(mut term) = term else {
        return Err("expected '}' before end of string".into());
    };
    let name: String = c[start..*pos - 1].iter().collect();
    let mut conversion = None;
    if term == '!' {
        if *pos >= n {
            return Err("end of string while looking for conversion specifier".into());
        }
        conversion = Some(c[*pos]);
        *pos += 1;
        if *pos < n {
            term = c[*pos];
            *pos += 1;
            if term != '}' && term != ':' {
                return Err("expected ':' after conversion specifier".into());
            }
        } else {
            term = ':';
        }
    }
    let mut spec = String::new();
    if term == ':' {
        let mut level = 1;
        loop {
            let Some(&ch) = c.get(*pos) else {
                return Err("unmatched '{' in format spec".into());
            };
            *pos += 1;
            if ch == '{' {
                level += 1;
            } else if ch == '}' {
                level -= 1;
                if level == 0 {
                    break;
                }
            }
            spec.push(ch);
        }
    }
    Ok((name, spec, conversion))
}

fn make_iter(vm: &Vm, key: &str, items: Vec<Value>, error: Option<String>) -> Value {
    let cls = native_class(vm, key);
    new_native(
        cls.clone(),
        cls,
        Some(pending_next),
        Pending {
            items: items.into(),
            error,
        },
    )
}

/// `formatter_parser(s)`: `(literal, field_name, format_spec, conversion)` per piece, the
/// last three `None` for pure literal text.
fn formatter_parser(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let chars: Vec<char> = str_arg(vm, a)?.chars().collect();
    let mut pos = 0;
    let mut items = Vec::new();
    let mut error = None;
    while pos < chars.len() {
        match scan_piece(&chars, &mut pos) {
            Ok((lit, field)) => {
                let (name, spec, conv) = match field {
                    Some((n, s, c)) => (Some(n), Some(s), c.map(|c| c.to_string())),
                    None => (None, None, None),
                };
                items.push(Vm::new_tuple(vec![
                    Vm::str_val(lit),
                    opt_str(name),
                    opt_str(spec),
                    opt_str(conv),
                ]));
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    Ok(make_iter(vm, "formatteriterator", items, error))
}

/// A field-name part: an int when all decimal digits, else the text.
fn key_value(s: &[char]) -> Value {
    if !s.is_empty() && s.iter().all(|&c| decimal_value(c).is_some()) {
        let mut acc: i64 = 0;
        for &c in s {
            let d = decimal_value(c).unwrap_or(0) as i64;
            match acc.checked_mul(10).and_then(|v| v.checked_add(d)) {
                Some(v) => acc = v,
                None => return Vm::str_val(s.iter().collect::<String>()),
            }
        }
        return Value::Int(acc);
    }
    Vm::str_val(s.iter().collect::<String>())
}

/// `formatter_field_name_split(name)`: the first part (an int if all digits) and an
/// iterator of `(is_attribute, key)` for each `.attr` and `[key]` after it.
fn formatter_field_name_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c: Vec<char> = str_arg(vm, a)?.chars().collect();
    let first_end = c
        .iter()
        .position(|&ch| ch == '.' || ch == '[')
        .unwrap_or(c.len());
    let first = key_value(&c[..first_end]);
    let mut items = Vec::new();
    let mut error = None;
    let mut pos = first_end;
    while pos < c.len() {
        let ch = c[pos];
        pos += 1;
        let (is_attr, key) = if ch == '.' {
            let start = pos;
            while pos < c.len() && c[pos] != '.' && c[pos] != '[' {
                pos += 1;
            }
            (true, &c[start..pos])
        } else if ch == '[' {
            let start = pos;
            while pos < c.len() && c[pos] != ']' {
                pos += 1;
            }
            if pos >= c.len() {
                error = Some("Missing ']' in format string".to_string());
                break;
            }
            let key = &c[start..pos];
            pos += 1;
            if pos < c.len() && c[pos] != '.' && c[pos] != '[' {
                // The key itself is still returned; the next step fails.
                if key.is_empty() {
                    error = Some("Empty attribute in format string".to_string());
                    break;
                }
                items.push(Vm::new_tuple(vec![Value::Bool(false), key_value(key)]));
                error = Some("Only '.' or '[' may follow ']' in format field specifier".into());
                break;
            }
            (false, key)
        } else {
            error = Some("Only '.' or '[' may follow ']' in format field specifier".into());
            break;
        };
        if key.is_empty() {
            error = Some("Empty attribute in format string".to_string());
            break;
        }
        let key = if is_attr {
            Vm::str_val(key.iter().collect::<String>())
        } else {
            key_value(key)
        };
        items.push(Vm::new_tuple(vec![Value::Bool(is_attr), key]));
    }
    let it = make_iter(vm, "fieldnameiterator", items, error);
    Ok(Vm::new_tuple(vec![first, it]))
}

/// Builds `_string` and its two iterator types.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    for (key, methods) in [
        ("formatteriterator", PARSER_METHODS),
        ("fieldnameiterator", FIELD_METHODS),
    ] {
        let cls = native_type(vm, key, None, methods, true);
        super::set_slots(&cls, &[]);
    }
    super::new_module("_string", FUNCTIONS, &[])
}
