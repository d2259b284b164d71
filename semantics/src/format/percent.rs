//! printf-style `%` formatting.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float_body;
use super::layout::push_fill;
use crate::error::{LibError, LibResult};
use crate::number::{float_repr_into, int_to_decimal_string, int_to_f64, int_to_string_radix};
use crate::text::{check_result_size, push_hex_escape};

/// One argument of `fmt % args`, already reduced to what `%`-formatting needs.
#[derive(Clone, Debug, PartialEq)]
pub enum PercentArg {
    /// An int (not a bool: see `Bool`).
    Int(BigInt),
    /// A float.
    Float(f64),
    /// A bool: `True`/`False` for `%s`/`%r`/`%a`, 1/0 for the numeric conversions. (A
    /// `Str` whose type name is `bool` is understood the same way.)
    Bool(bool),
    /// Any other object: its `str()`, its `repr()` and its type name (for `TypeError`s).
    Str {
        /// `str(obj)`.
        text: String,
        /// `repr(obj)`.
        repr: String,
        /// `type(obj).__name__`.
        type_name: String,
    },
    /// An instance of a subclass of int or float (an `IntEnum` member): `str()`/`repr()`
    /// text for `%s`/`%r`/`%a`, its number (an `Int` or `Float`) for the numeric conversions.
    Subclass {
        /// `str(obj)`.
        text: String,
        /// `repr(obj)`.
        repr: String,
        /// `type(obj).__name__`.
        type_name: String,
        /// The int or float value.
        value: Box<PercentArg>,
    },
    /// For `bytes % args` only: a bytes-like object (or one with `__bytes__`), its bytes as
    /// the chars U+0000–U+00FF, its `ascii()` and its type name.
    Bytes {
        /// The bytes, one char per byte.
        data: String,
        /// `ascii(obj)`.
        repr: String,
        /// `type(obj).__name__`.
        type_name: String,
    },
}

impl PercentArg {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Bool(_) => "bool",
            PercentArg::Str { type_name, .. }
            | PercentArg::Bytes { type_name, .. }
            | PercentArg::Subclass { type_name, .. } => type_name,
        }
    }
}

/// A lookup of `%(key)s` keys in the mapping on the right of `%`.
pub type PercentKeyLookup<'a> = dyn FnMut(&str) -> LibResult<PercentArg> + 'a;

/// `fmt % args` for a str `fmt` and a tuple (or single value) of positional arguments.
/// `%(key)s` reports `format requires a mapping`; see [`percent_format_with`].
pub fn percent_format(fmt: &str, args: &[PercentArg]) -> LibResult<String> {
    percent_format_with(fmt, args, None)
}

/// `fmt % mapping` when `lookup` is given (`%(key)s` asks it for the value of `key`; a
/// conversion without a key uses `args`, which should then hold the mapping itself, and
/// unused arguments are not an error), else as [`percent_format`].
pub fn percent_format_with(
    fmt: &str,
    args: &[PercentArg],
    lookup: Option<&mut PercentKeyLookup<'_>>,
) -> LibResult<String> {
    format_percent(fmt, args, lookup, false)
}

/// `fmt % args` for a bytes `fmt` (PEP 461), with the format and the result as the chars
/// U+0000–U+00FF, one per byte: `%s`/`%b` take only [`PercentArg::Bytes`], `%r` is `%a`,
/// `%c` takes an int in range(256) or a single byte.
pub fn percent_format_bytes(
    fmt: &str,
    args: &[PercentArg],
    lookup: Option<&mut PercentKeyLookup<'_>>,
) -> LibResult<String> {
    format_percent(fmt, args, lookup, true)
}

/// The conversion that consumes each positional argument of `fmt % args`, in order: the
/// conversion character, or `*` for a `*` width or precision. `%%` and `%(key)` conversions
/// consume none. The scan stops where the format is malformed (formatting reports that), so
/// a caller may convert each argument only as its conversion needs — `%s` calls `str()`
/// alone, `%r` `repr()` alone, as CPython does.
pub fn percent_conversions(fmt: &str) -> Vec<char> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut convs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        let spec_start = i;
        let mut keyed = false;
        if chars.get(i) == Some(&'(') {
            keyed = true;
            let mut level = 1;
            i += 1;
            while i < chars.len() && level > 0 {
                match chars[i] {
                    '(' => level += 1,
                    ')' => level -= 1,
                    _ => {}
                }
                i += 1;
            }
        }
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            i += 1;
        }
        let mut stars = 0;
        if chars.get(i) == Some(&'*') {
            stars += 1;
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                stars += 1;
                i += 1;
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            break;
        };
        i += 1;
        if conv == '%' && i == spec_start + 1 {
            continue;
        }
        if !keyed {
            convs.extend(std::iter::repeat_n('*', stars));
            convs.push(conv);
        }
    }
    convs
}

fn format_percent(
    fmt: &str,
    args: &[PercentArg],
    mut lookup: Option<&mut PercentKeyLookup<'_>>,
    bytes: bool,
) -> LibResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next_arg = 0usize;
    let mut keyed_seen = false;
    let take_arg = |next_arg: &mut usize| -> LibResult<&PercentArg> {
        let arg = args
            .get(*next_arg)
            .ok_or_else(|| LibError::type_error("not enough arguments for format string"))?;
        *next_arg += 1;
        Ok(arg)
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(LibError::value("incomplete format"));
        }
        let spec_start = i;
        let mut keyed: Option<PercentArg> = None;
        if chars[i] == '(' {
            let Some(lookup) = lookup.as_mut() else {
                return Err(LibError::type_error("format requires a mapping"));
            };
            // The key runs to the matching ')', allowing nested parentheses.
            let mut level = 1;
            let key_start = i + 1;
            i += 1;
            while i < chars.len() && level > 0 {
                match chars[i] {
                    '(' => level += 1,
                    ')' => level -= 1,
                    _ => {}
                }
                i += 1;
            }
            if level > 0 {
                return Err(LibError::value("incomplete format key"));
            }
            let key: String = chars[key_start..i - 1].iter().collect();
            keyed = Some(lookup(&key)?);
            keyed_seen = true;
        }
        let mut left = false;
        let mut plus = false;
        let mut space = false;
        let mut alt = false;
        let mut zero = false;
        while i < chars.len() {
            match chars[i] {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < chars.len() && chars[i] == '*' {
            i += 1;
            match take_arg(&mut next_arg)? {
                PercentArg::Int(n) => {
                    let w = n.to_i64().ok_or_else(|| {
                        LibError::overflow("Python int too large to convert to C ssize_t")
                    })?;
                    if w < 0 {
                        left = true;
                    }
                    width = w.unsigned_abs() as usize;
                }
                _ => return Err(LibError::type_error("* wants int")),
            }
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                    .ok_or_else(|| LibError::value("width too big"))?;
                i += 1;
            }
        }
        let mut precision: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p: usize = 0;
            if i < chars.len() && chars[i] == '*' {
                i += 1;
                match take_arg(&mut next_arg)? {
                    // A C int, as in CPython; a negative precision counts as none.
                    PercentArg::Int(n) => {
                        let v = n.to_i32().ok_or_else(|| {
                            LibError::overflow("Python int too large to convert to C int")
                        })?;
                        p = v.max(0) as usize;
                    }
                    _ => return Err(LibError::type_error("* wants int")),
                }
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                        .filter(|&w| w <= i32::MAX as usize)
                        .ok_or_else(|| LibError::value("precision too big"))?;
                    i += 1;
                }
            }
            precision = Some(p);
        }
        // Length modifiers are accepted and ignored, as in CPython.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(LibError::value("incomplete format"));
        };
        i += 1;
        if conv == '%' && i == spec_start + 1 {
            out.push('%');
            continue;
        }
        let arg = match &keyed {
            Some(value) => value,
            // After a `%(key)` conversion the mapping is used up for positional ones.
            None if keyed_seen => {
                return Err(LibError::type_error(
                    "not enough arguments for format string",
                ))
            }
            None => take_arg(&mut next_arg)?,
        };
        let flags = PercentFlags {
            left,
            plus,
            space,
            alt,
            zero,
        };
        // A precision pads the conversion with zeros: absurd ones are a MemoryError, not an
        // allocation the process cannot survive.
        check_result_size(precision.unwrap_or(0) as u128)?;
        let converted = if bytes {
            convert_percent_bytes(conv, arg, &flags, precision, i - 1)?
        } else {
            convert_percent(conv, arg, &flags, precision, i - 1)?
        };
        check_result_size(width as u128)?;
        push_percent_padded(&mut out, &converted, width, &flags);
    }
    if lookup.is_none() && next_arg < args.len() {
        return Err(LibError::type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

/// The flags of one `%` conversion.
struct PercentFlags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// One converted `%` argument before padding.
struct PercentConverted {
    sign: &'static str,
    /// Digits (with any `0x` prefix) or text.
    body: String,
    /// Whether the `0` flag pads this conversion with zeros.
    numeric: bool,
}

impl PercentFlags {
    fn sign_for(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        }
    }
}

/// [`convert_percent`] for `bytes % args`: the text conversions differ, the numeric ones
/// are the same.
fn convert_percent_bytes(
    conv: char,
    arg: &PercentArg,
    flags: &PercentFlags,
    precision: Option<usize>,
    at: usize,
) -> LibResult<PercentConverted> {
    let text = match conv {
        's' | 'b' => match arg {
            PercentArg::Bytes { data, .. } => data.clone(),
            other => {
                return Err(LibError::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, \
                     not '{}'",
                    other.type_name()
                )))
            }
        },
        'r' | 'a' => match arg {
            PercentArg::Bytes { repr, .. }
            | PercentArg::Str { repr, .. }
            | PercentArg::Subclass { repr, .. } => ascii_of_repr(repr),
            _ => return convert_percent('a', arg, flags, precision, at),
        },
        'c' => match arg {
            PercentArg::Int(n) => match n.to_u32().filter(|&c| c < 256) {
                Some(c) => char::from_u32(c).unwrap_or('\0').to_string(),
                None => return Err(LibError::overflow("%c arg not in range(256)")),
            },
            PercentArg::Bytes { data, .. } if data.chars().count() == 1 => data.clone(),
            _ => {
                return Err(LibError::type_error(
                    "%c requires an integer in range(256) or a single byte",
                ))
            }
        },
        // Numbers print as for str; a bytes-like argument is not a number.
        _ => {
            if let PercentArg::Bytes { type_name, .. } = arg {
                let as_str = PercentArg::Str {
                    text: String::new(),
                    repr: String::new(),
                    type_name: type_name.clone(),
                };
                return convert_percent(conv, &as_str, flags, precision, at);
            }
            return convert_percent(conv, arg, flags, precision, at);
        }
    };
    let body = match precision {
        Some(p) => text.chars().take(p).collect(),
        None => text,
    };
    Ok(PercentConverted {
        sign: "",
        body,
        numeric: false,
    })
}

/// Converts `arg` for the conversion character `conv` (found at index `at` of the format).
fn convert_percent(
    conv: char,
    arg: &PercentArg,
    flags: &PercentFlags,
    precision: Option<usize>,
    at: usize,
) -> LibResult<PercentConverted> {
    if let PercentArg::Subclass {
        text,
        repr,
        type_name,
        value,
    } = arg
    {
        if matches!(conv, 's' | 'r' | 'a') {
            let as_str = PercentArg::Str {
                text: text.clone(),
                repr: repr.clone(),
                type_name: type_name.clone(),
            };
            return convert_percent(conv, &as_str, flags, precision, at);
        }
        return match convert_percent(conv, value, flags, precision, at) {
            // The TypeError names the subclass, not its base.
            Err(e) if e.kind == crate::error::ErrorKind::TypeError => {
                let as_other = PercentArg::Str {
                    text: String::new(),
                    repr: String::new(),
                    type_name: type_name.clone(),
                };
                convert_percent(conv, &as_other, flags, precision, at)
            }
            r => r,
        };
    }
    // A bool is text for the str-like conversions and 1/0 for the numeric ones (also when
    // it arrives as the `Str` form of an object of type `bool`).
    let as_bool = match arg {
        PercentArg::Bool(b) => Some(*b),
        PercentArg::Str {
            text, type_name, ..
        } if type_name == "bool" => match text.as_str() {
            "True" => Some(true),
            "False" => Some(false),
            _ => None,
        },
        _ => None,
    };
    let bool_as_int;
    let arg = match as_bool {
        Some(b) if !matches!(conv, 's' | 'r' | 'a') => {
            bool_as_int = PercentArg::Int(BigInt::from(b as u8));
            &bool_as_int
        }
        _ => arg,
    };
    match conv {
        's' | 'r' | 'a' => {
            let text = match arg {
                PercentArg::Str { text, repr, .. }
                | PercentArg::Subclass { text, repr, .. }
                | PercentArg::Bytes {
                    data: text, repr, ..
                } => match conv {
                    's' => text.clone(),
                    'r' => repr.clone(),
                    _ => ascii_of_repr(repr),
                },
                PercentArg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
                PercentArg::Int(n) => int_to_decimal_string(n)?,
                PercentArg::Float(x) => {
                    let mut s = String::new();
                    float_repr_into(*x, &mut s);
                    s
                }
            };
            let body = match precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            Ok(PercentConverted {
                sign: "",
                body,
                numeric: false,
            })
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let decimal = matches!(conv, 'd' | 'i' | 'u');
            let n = match arg {
                PercentArg::Int(n) => n.clone(),
                PercentArg::Float(x) if decimal => crate::number::float_to_int(*x)?,
                other => {
                    let required = if decimal {
                        "a real number"
                    } else {
                        "an integer"
                    };
                    return Err(LibError::type_error(format!(
                        "%{conv} format: {required} is required, not {}",
                        other.type_name()
                    )));
                }
            };
            let mut digits = match conv {
                'x' | 'X' => int_to_string_radix(&n.abs(), 16),
                'o' => int_to_string_radix(&n.abs(), 8),
                _ => int_to_decimal_string(&n.abs())?,
            };
            if let Some(p) = precision {
                if digits.len() < p {
                    check_result_size(p as u128)?;
                    digits.insert_str(0, &"0".repeat(p - digits.len()));
                }
            }
            if flags.alt && !decimal {
                digits.insert_str(0, if conv == 'o' { "0o" } else { "0x" });
            }
            if conv == 'X' {
                digits.make_ascii_uppercase();
            }
            Ok(PercentConverted {
                sign: flags.sign_for(n.is_negative()),
                body: digits,
                numeric: true,
            })
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                PercentArg::Float(x) => *x,
                PercentArg::Int(n) => int_to_f64(n)?,
                other => {
                    return Err(LibError::type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )))
                }
            };
            let mut body = String::new();
            float_body(
                x.abs(),
                conv.to_ascii_lowercase(),
                precision.unwrap_or(6),
                false,
                flags.alt,
                conv.is_ascii_uppercase(),
                &mut body,
            );
            Ok(PercentConverted {
                sign: flags.sign_for(x.is_sign_negative() && !x.is_nan()),
                body,
                numeric: true,
            })
        }
        'c' => {
            let ch = match arg {
                PercentArg::Int(n) => n
                    .to_u32()
                    .and_then(char::from_u32)
                    .ok_or_else(|| LibError::overflow("%c arg not in range(0x110000)"))?,
                PercentArg::Str { text, .. } if text.chars().count() == 1 => {
                    text.chars().next().unwrap_or(' ')
                }
                _ => return Err(LibError::type_error("%c requires int or char")),
            };
            Ok(PercentConverted {
                sign: "",
                body: ch.to_string(),
                numeric: false,
            })
        }
        other => Err(LibError::value(format!(
            "unsupported format character '{other}' (0x{:x}) at index {at}",
            other as u32
        ))),
    }
}

/// Appends a converted argument padded to `width`: spaces on the left (or right with `-`),
/// or zeros after the sign and any `0x`/`0o` prefix with `0` on numbers.
fn push_percent_padded(
    out: &mut String,
    converted: &PercentConverted,
    width: usize,
    flags: &PercentFlags,
) {
    let body = &converted.body;
    let len = converted.sign.len() + body.chars().count();
    let pad = width.saturating_sub(len);
    if flags.left {
        out.push_str(converted.sign);
        out.push_str(body);
        push_fill(out, ' ', pad);
    } else if flags.zero && converted.numeric {
        out.push_str(converted.sign);
        let prefix_len = if flags.alt
            && (body.starts_with("0x") || body.starts_with("0X") || body.starts_with("0o"))
        {
            2
        } else {
            0
        };
        out.push_str(&body[..prefix_len]);
        push_fill(out, '0', pad);
        out.push_str(&body[prefix_len..]);
    } else {
        push_fill(out, ' ', pad);
        out.push_str(converted.sign);
        out.push_str(body);
    }
}

/// `ascii(obj)` from `repr(obj)`: escapes every non-ASCII character of the repr.
fn ascii_of_repr(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let v = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if v <= 0xff {
            push_hex_escape(&mut out, 'x', v, 2);
        } else if v <= 0xffff {
            push_hex_escape(&mut out, 'u', v, 4);
        } else {
            push_hex_escape(&mut out, 'U', v, 8);
        }
    }
    out
}
