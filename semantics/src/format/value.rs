//! `format(value, spec)` for ints, floats and strs.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::layout::{layout_number, pad_text, NumberParts};
use super::{fixed_notation, float_body, unknown_code, FormatSpec};
use crate::error::{LibError, LibResult};
use crate::number::{i64_to_string_radix, int_to_decimal_string, int_to_f64, int_to_string_radix};
use crate::text::check_result_size;

/// `MemoryError` for widths or precisions whose result could never be allocated.
fn check_spec_size(spec: &FormatSpec) -> LibResult<()> {
    let width = spec.width.unwrap_or(0) as u128 * spec.fill.map_or(1, char::len_utf8) as u128;
    check_result_size(width.max(spec.precision.unwrap_or(0) as u128))
}

/// An int being formatted: a machine integer or a reference to a big one.
#[derive(Clone, Copy)]
enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntArg::Small(v) => v < 0,
            IntArg::Big(b) => b.is_negative(),
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntArg::Small(v) => Some(v),
            IntArg::Big(b) => b.to_i64(),
        }
    }

    fn to_f64(self) -> LibResult<f64> {
        match self {
            IntArg::Small(v) => Ok(v as f64),
            IntArg::Big(b) => int_to_f64(b),
        }
    }

    /// The digits of the absolute value in `radix`, with CPython's limit on decimal digits.
    fn abs_digits(self, radix: u32) -> LibResult<String> {
        let mut digits = match self.to_i64() {
            Some(small) => i64_to_string_radix(small, radix),
            None => match self {
                IntArg::Big(b) if radix == 10 => int_to_decimal_string(b)?,
                IntArg::Big(b) => int_to_string_radix(b, radix),
                IntArg::Small(v) => i64_to_string_radix(v, radix),
            },
        };
        if digits.starts_with('-') {
            digits.remove(0);
        }
        Ok(digits)
    }
}

/// `format(n, spec)` for an int (or bool, with `type_name` `bool` in the spec).
pub fn format_int(n: &BigInt, spec: &FormatSpec) -> LibResult<String> {
    format_integer(IntArg::Big(n), spec)
}

/// [`format_int`] for an `i64`.
pub fn format_i64(n: i64, spec: &FormatSpec) -> LibResult<String> {
    if is_plain(spec) {
        return Ok(n.to_string());
    }
    format_integer(IntArg::Small(n), spec)
}

fn format_integer(n: IntArg<'_>, spec: &FormatSpec) -> LibResult<String> {
    check_spec_size(spec)?;
    match spec.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float(n.to_f64()?, spec),
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_internal(n, spec),
        Some(k) => Err(unknown_code(k, &spec.type_name)),
    }
}

fn is_plain(spec: &FormatSpec) -> bool {
    spec.fill.is_none()
        && spec.align.is_none()
        && spec.sign.is_none()
        && !spec.no_neg_zero
        && !spec.alternate
        && !spec.zero_pad
        && spec.width.is_none()
        && spec.grouping.is_none()
        && spec.precision.is_none()
        && matches!(spec.kind, None | Some('d'))
}

impl FormatSpec {
    /// The empty spec for a value of type `type_name`.
    pub fn default_for(type_name: &str) -> FormatSpec {
        FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            kind: None,
            type_name: type_name.to_string(),
        }
    }
}

fn format_int_internal(n: IntArg<'_>, spec: &FormatSpec) -> LibResult<String> {
    if spec.precision.is_some() {
        return Err(LibError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(LibError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let kind = spec.kind.unwrap_or('d');
    if kind == 'c' {
        if spec.sign.is_some() {
            return Err(LibError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(LibError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(value) = n.to_i64() else {
            return Err(LibError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let c = u32::try_from(value)
            .ok()
            .filter(|&v| v < 0x110000)
            // Lone surrogates cannot live in a Rust string; they show as U+FFFD.
            .map(|v| char::from_u32(v).unwrap_or('\u{fffd}'))
            .ok_or_else(|| LibError::overflow("%c arg not in range(0x110000)"))?;
        let text = c.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            rest: &text,
        };
        return Ok(layout_number(&parts, spec, 3));
    }
    let (radix, prefix, group) = match kind {
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        'o' => (8, "0o", 4),
        'b' => (2, "0b", 4),
        _ => (10, "", 3),
    };
    let mut digits = n.abs_digits(radix)?;
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: n.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    Ok(layout_number(&parts, spec, group))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec) -> LibResult<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(LibError::value("precision too big"));
    }
    check_spec_size(spec)?;
    let kind = spec.kind;
    // Fast path for the common `.2f`: Rust's fixed notation is correctly rounded and spells
    // finite values (including `-0.00`) exactly as CPython does.
    if matches!(kind, Some('f' | 'F'))
        && x.is_finite()
        && spec.precision.unwrap_or(6) <= 1100
        && spec.fill.is_none()
        && spec.align.is_none()
        && spec.sign.is_none()
        && !spec.no_neg_zero
        && !spec.alternate
        && !spec.zero_pad
        && spec.width.is_none()
        && spec.grouping.is_none()
    {
        return Ok(fixed_notation(x, spec.precision.unwrap_or(6)));
    }
    let (code, add_dot_0, precision) = match kind {
        None => match spec.precision {
            None => ('r', true, 0),
            Some(p) => ('g', true, p),
        },
        Some('e' | 'E') => ('e', false, spec.precision.unwrap_or(6)),
        Some('f' | 'F' | '%') => ('f', false, spec.precision.unwrap_or(6)),
        Some('g' | 'G' | 'n') => ('g', false, spec.precision.unwrap_or(6)),
        Some(k) => return Err(unknown_code(k, &spec.type_name)),
    };
    if precision > i32::MAX as usize {
        return Err(LibError::value("precision too big"));
    }
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let value = if kind == Some('%') { x * 100.0 } else { x };
    let mut body = String::new();
    float_body(
        value.abs(),
        code,
        precision,
        add_dot_0,
        spec.alternate,
        upper,
        &mut body,
    );
    if kind == Some('%') {
        body.push('%');
    }
    let mut negative = value.is_sign_negative() && !value.is_nan();
    if negative
        && spec.no_neg_zero
        && value.is_finite()
        && body.bytes().all(|b| !(b'1'..=b'9').contains(&b))
    {
        negative = false;
    }
    let digit_end = body
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(body.len());
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..digit_end],
        rest: &body[digit_end..],
    };
    Ok(layout_number(&parts, spec, 3))
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> LibResult<String> {
    check_result_size(
        spec.width.unwrap_or(0) as u128 * spec.fill.map_or(1, char::len_utf8) as u128,
    )?;
    // An omitted type means 's' for str, which does not take a grouping option.
    if let (None, Some(sep)) = (spec.kind, spec.grouping) {
        return Err(LibError::value(format!("Cannot specify '{sep}' with 's'.")));
    }
    match spec.kind {
        None | Some('s') => {}
        Some(k) => return Err(unknown_code(k, &spec.type_name)),
    }
    match spec.sign {
        Some(' ') => {
            return Err(LibError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(LibError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(LibError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(LibError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(LibError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let truncated = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((at, _)) => &s[..at],
            None => s,
        },
        None => s,
    };
    let fill = match spec.fill {
        Some(f) => f,
        None if spec.zero_pad => '0',
        None => ' ',
    };
    Ok(pad_text(truncated, spec, fill, '<'))
}
