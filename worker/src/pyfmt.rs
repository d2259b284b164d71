//! Python's text formatting: the format-spec mini-language (`format(x, spec)`, f-strings,
//! `str.format`), float-to-text conversions exact to CPython, `repr` of str and bytes, and
//! printf-style `%` formatting.
//!
//! Contents:
//! - spec: [`FormatSpec`], [`parse_format_spec`]
//! - formatting values: [`format_int`], [`format_i64`], [`format_float`], [`format_str`]
//! - float text: [`float_to_string_fixed`], [`float_to_string_exp`],
//!   [`float_to_string_general`], [`float_to_string_code`]
//! - reprs: [`str_repr`], [`str_repr_into`], [`ascii_repr`], [`bytes_repr`]
//! - printf-style: [`PercentArg`], [`percent_format`]
//!
//! Errors are [`LibError`]s with CPython's exception types and messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::pynum::{
    float_repr_into, float_shortest_digits, i64_to_string_radix, int_to_f64, int_to_string_radix,
    push_ascii, push_exponent, LibError, LibResult,
};
use crate::pystr::is_printable_char;

// ---------------------------------------------------------------------------------------
// The format-spec mini-language
// ---------------------------------------------------------------------------------------

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields hold what was written; defaults that depend on the value's type (alignment, the
/// meaning of the `0` flag) are resolved by the `format_*` functions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, if given together with an alignment.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`, if given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag before the width (only recognised when no fill was given).
    pub zero_pad: bool,
    /// Minimum width in code points, if given.
    pub width: Option<usize>,
    /// `,` or `_`, if given.
    pub grouping: Option<char>,
    /// Precision, if given.
    pub precision: Option<usize>,
    /// The presentation type, if given.
    pub kind: Option<char>,
    /// The type name of the value being formatted, for error messages (`int`, `float`...).
    pub type_name: String,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a decimal integer (any Unicode decimal digits, as CPython) at `chars[*pos..]`;
/// returns how many digits were consumed.
fn read_integer(chars: &[char], pos: &mut usize, value: &mut usize) -> LibResult<usize> {
    let mut consumed = 0;
    let mut acc: usize = 0;
    while let Some(&c) = chars.get(*pos) {
        let Some(d) = crate::pystr::decimal_value(c) else {
            break;
        };
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| LibError::value("Too many decimal digits in format string"))?;
        *pos += 1;
        consumed += 1;
    }
    *value = acc;
    Ok(consumed)
}

fn printable_code(c: char) -> String {
    if (' '..='~').contains(&c) && c != ' ' {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// Parses a format spec for a value of type `type_name` (used in error messages), with
/// CPython's errors (`Invalid format specifier '...' for object of type 'int'`,
/// `Format specifier missing precision`, `Cannot specify ',' with 's'.`...).
pub fn parse_format_spec(spec: &str, type_name: &str) -> LibResult<FormatSpec> {
    let mut out = FormatSpec {
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
    };
    if spec.is_empty() {
        return Ok(out);
    }
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    if end >= 2 && is_align(chars[1]) {
        out.fill = Some(chars[0]);
        out.align = Some(chars[1]);
        pos = 2;
    } else if is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && chars[pos] == '0' {
        out.zero_pad = true;
        pos += 1;
    }
    let mut width = 0;
    if read_integer(&chars, &mut pos, &mut width)? > 0 {
        out.width = Some(width);
    }
    let both = || LibError::value("Cannot specify both ',' and '_'.");
    if pos < end && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let mut precision = 0;
        if read_integer(&chars, &mut pos, &mut precision)? == 0 {
            return Err(LibError::value("Format specifier missing precision"));
        }
        out.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(LibError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < end {
        out.kind = Some(chars[pos]);
    }
    if let Some(sep) = out.grouping {
        match out.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(k) => {
                return Err(LibError::value(format!(
                    "Cannot specify '{sep}' with '{}'.",
                    printable_code(k)
                )))
            }
        }
    }
    Ok(out)
}

fn unknown_code(code: char, type_name: &str) -> LibError {
    LibError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        printable_code(code)
    ))
}

// ---------------------------------------------------------------------------------------
// Number layout: sign, prefix, grouped digits, fraction, padding
// ---------------------------------------------------------------------------------------

/// The parts of a formatted number, before padding.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// Leading decimal digits that grouping applies to.
    digits: &'a str,
    /// Everything after the leading digits (`.5e+10`, `%`, `inf`).
    rest: &'a str,
}

fn resolve_number_layout(spec: &FormatSpec) -> (char, char) {
    let mut fill = spec.fill.unwrap_or(' ');
    let mut align = spec.align.unwrap_or('>');
    if spec.zero_pad && spec.fill.is_none() {
        fill = '0';
        if spec.align.is_none() {
            align = '=';
        }
    }
    (fill, align)
}

/// Inserts `sep` every `group` digits from the right, padding with zeros (and separators)
/// to at least `min_width` characters, exactly as CPython's
/// `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let bytes = digits.as_bytes();
    let mut pieces: Vec<(usize, &[u8])> = Vec::new(); // (zeros, chars), right to left
    let mut remaining = bytes.len() as isize;
    let mut min_width = min_width as isize;
    let mut end = bytes.len();
    loop {
        let l = (group as isize).min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        pieces.push((n_zeros, &bytes[end - n_chars..end]));
        end -= n_chars;
        remaining -= n_chars as isize;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / group + 4);
    for (i, (zeros, chars)) in pieces.iter().rev().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        for _ in 0..*zeros {
            out.push('0');
        }
        push_ascii(&mut out, chars);
    }
    out
}

fn push_fill(out: &mut String, fill: char, count: usize) {
    for _ in 0..count {
        out.push(fill);
    }
}

/// Lays out a number as CPython's `calc_number_widths` + `fill_number`.
fn layout_number(parts: &NumberParts<'_>, spec: &FormatSpec, group: usize) -> String {
    let (fill, align) = resolve_number_layout(spec);
    let sign = if parts.negative {
        Some('-')
    } else {
        match spec.sign {
            Some('+') => Some('+'),
            Some(' ') => Some(' '),
            _ => None,
        }
    };
    let width = spec.width.unwrap_or(0);
    let n_sign = sign.is_some() as usize;
    let n_prefix = parts.prefix.chars().count();
    let n_rest = parts.rest.chars().count();
    let body = match spec.grouping {
        // No digits (inf, nan, %c): nothing to group, padding stays ordinary fill.
        Some(sep) if !parts.digits.is_empty() => {
            let min_width = if fill == '0' && align == '=' {
                width.saturating_sub(n_sign + n_prefix + n_rest)
            } else {
                0
            };
            group_digits(parts.digits, sep, group, min_width)
        }
        _ => parts.digits.to_string(),
    };
    let total = n_sign + n_prefix + body.chars().count() + n_rest;
    let padding = width.saturating_sub(total);
    let (left, middle, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(total + padding);
    push_fill(&mut out, fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, fill, middle);
    out.push_str(&body);
    out.push_str(parts.rest);
    push_fill(&mut out, fill, right);
    out
}

/// Pads `text` (already complete) to the spec's width with its fill and alignment;
/// `default_align` applies when none was given.
fn pad_text(text: &str, spec: &FormatSpec, fill: char, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let padding = width - len;
    let (left, right) = match spec.align.unwrap_or(default_align) {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::with_capacity(text.len() + padding * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    out
}

// ---------------------------------------------------------------------------------------
// Formatting values
// ---------------------------------------------------------------------------------------

/// `format(n, spec)` for an int (or bool, with `type_name` `bool` in the spec).
pub fn format_int(n: &BigInt, spec: &FormatSpec) -> LibResult<String> {
    match spec.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = int_to_f64(n)?;
            format_float(x, spec)
        }
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_internal(n, spec),
        Some(k) => Err(unknown_code(k, &spec.type_name)),
    }
}

/// [`format_int`] for an `i64`.
pub fn format_i64(n: i64, spec: &FormatSpec) -> LibResult<String> {
    if is_plain(spec) {
        return Ok(n.to_string());
    }
    format_int(&BigInt::from(n), spec)
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

fn format_int_internal(n: &BigInt, spec: &FormatSpec) -> LibResult<String> {
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
        if n.to_i64().is_none() {
            return Err(LibError::overflow(
                "Python int too large to convert to C long",
            ));
        }
        let c = n
            .to_u32()
            .and_then(char::from_u32)
            .or_else(|| {
                // Lone surrogates cannot live in a Rust string; show U+FFFD for them.
                n.to_u32()
                    .filter(|v| (0xd800..0xe000).contains(v))
                    .map(|_| '\u{fffd}')
            })
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
    let mut digits = match n.to_i64() {
        Some(small) => i64_to_string_radix(small, radix),
        None => int_to_string_radix(n, radix),
    };
    let negative = n.is_negative();
    if negative {
        digits.remove(0);
    }
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    Ok(layout_number(&parts, spec, group))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec) -> LibResult<String> {
    let kind = spec.kind;
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
    // An omitted type means 's' for str, which does not take a grouping option.
    if let (None, Some(sep)) = (spec.kind, spec.grouping) {
        return Err(LibError::value(format!("Cannot specify '{sep}' with 's'.")));
    }
    match spec.kind {
        None | Some('s') => {}
        Some(k) => return Err(unknown_code(k, &spec.type_name)),
    }
    if spec.sign.is_some() {
        return Err(LibError::value(
            "Sign not allowed in string format specifier",
        ));
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

// ---------------------------------------------------------------------------------------
// Float text, exact to CPython's PyOS_double_to_string
// ---------------------------------------------------------------------------------------

/// Correctly rounded significant digits of `x >= 0` (finite) for dtoa's mode 2 (`ndigits`
/// significant digits) as digits without trailing zeros and the decimal point position.
fn digits_significant(x: f64, ndigits: usize) -> (Vec<u8>, i32) {
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    let text = format!("{:.*e}", ndigits.saturating_sub(1), x);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

/// Correctly rounded digits of `x >= 0` (finite) with `ndigits` fractional digits (dtoa's
/// mode 3), without leading or trailing zeros, and the decimal point position.
fn digits_fixed(x: f64, ndigits: usize) -> (Vec<u8>, i32) {
    let text = format!("{:.*}", ndigits, x);
    let mut digits = Vec::with_capacity(text.len());
    let mut int_len: i32 = 0;
    let mut seen_point = false;
    for b in text.bytes() {
        if b == b'.' {
            seen_point = true;
        } else if b.is_ascii_digit() {
            digits.push(b);
            if !seen_point {
                int_len += 1;
            }
        }
    }
    let leading = digits.iter().take_while(|&&c| c == b'0').count();
    if leading == digits.len() {
        return (vec![b'0'], 1);
    }
    digits.drain(..leading);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, int_len - leading as i32)
}

/// Formats `x >= 0` (sign handled by the caller) as CPython's `format_float_short` with
/// format code `r`, `e`, `f` or `g`, appending to `out`.
fn float_body(
    x: f64,
    code: char,
    precision: usize,
    add_dot_0: bool,
    alt: bool,
    upper: bool,
    out: &mut String,
) {
    if x.is_nan() {
        out.push_str(if upper { "NAN" } else { "nan" });
        return;
    }
    if x.is_infinite() {
        out.push_str(if upper { "INF" } else { "inf" });
        return;
    }
    let mut precision = precision as i64;
    let (digits, decpt) = match code {
        'r' => float_shortest_digits(x),
        'e' => {
            precision += 1;
            digits_significant(x, precision as usize)
        }
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            digits_significant(x, precision as usize)
        }
        _ => digits_fixed(x, precision as usize),
    };
    let digits_len = digits.len() as i64;
    let mut decpt = decpt as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let start_len = out.len();
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(out, decpt - vdigits_start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push_ascii(out, &digits[..decpt as usize]);
        out.push('.');
        push_ascii(out, &digits[decpt as usize..]);
    } else {
        push_ascii(out, &digits);
    }
    if digits_len < decpt {
        zeros(out, decpt - digits_len);
        out.push('.');
        zeros(out, vdigits_end - decpt);
    } else {
        zeros(out, vdigits_end - digits_len);
    }
    if out.len() > start_len && out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        push_exponent(out, exp as i32, if upper { b'E' } else { b'e' });
    }
}

fn signed_body(x: f64, code: char, precision: usize, alt: bool, upper: bool) -> String {
    let mut out = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    }
    float_body(x.abs(), code, precision, false, alt, upper, &mut out);
    out
}

/// `'%.*f' % (precision, x)` / `f'{x:.{precision}f}'`.
pub fn float_to_string_fixed(x: f64, precision: usize) -> String {
    signed_body(x, 'f', precision, false, false)
}

/// `'%.*e' % (precision, x)` (`E` if `upper`).
pub fn float_to_string_exp(x: f64, precision: usize, upper: bool) -> String {
    signed_body(x, 'e', precision, false, upper)
}

/// `'%.*g' % (precision, x)` (`G` if `upper`, `#` alternate form if `alternate`).
pub fn float_to_string_general(x: f64, precision: usize, upper: bool, alternate: bool) -> String {
    signed_body(x, 'g', precision, alternate, upper)
}

/// Formats `x` with a printf-style code `e E f F g G r`, as `PyOS_double_to_string`.
pub fn float_to_string_code(x: f64, code: char, precision: usize, alternate: bool) -> String {
    if code == 'r' {
        let mut out = String::new();
        float_repr_into(x, &mut out);
        return out;
    }
    let upper = code.is_ascii_uppercase();
    signed_body(x, code.to_ascii_lowercase(), precision, alternate, upper)
}

// ---------------------------------------------------------------------------------------
// repr of str and bytes
// ---------------------------------------------------------------------------------------

fn push_hex_escape(out: &mut String, prefix: char, value: u32, width: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push(prefix);
    for i in (0..width).rev() {
        out.push(HEX[((value >> (4 * i)) & 0xf) as usize] as char);
    }
}

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// `repr(s)` for a str, exactly as CPython.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    str_repr_into(s, &mut out);
    out
}

/// [`str_repr`] appending to `out`.
pub fn str_repr_into(s: &str, out: &mut String) {
    repr_impl(s, out, false);
}

/// `ascii(s)` for a str: like repr with every non-ASCII character escaped.
pub fn ascii_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    repr_impl(s, &mut out, true);
    out
}

fn repr_impl(s: &str, out: &mut String, ascii_only: bool) {
    let bytes = s.as_bytes();
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_hex_escape(out, 'x', c as u32, 2),
            c if c.is_ascii() => out.push(c),
            c if !ascii_only && is_printable_char(c) => out.push(c),
            c => {
                let v = c as u32;
                if v <= 0xff {
                    push_hex_escape(out, 'x', v, 2);
                } else if v <= 0xffff {
                    push_hex_escape(out, 'u', v, 4);
                } else {
                    push_hex_escape(out, 'U', v, 8);
                }
            }
        }
    }
    out.push(quote);
}

/// `repr(b)` for bytes: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            c if !(0x20..0x7f).contains(&c) => push_hex_escape(&mut out, 'x', c as u32, 2),
            c => out.push(c as char),
        }
    }
    out.push(quote);
    out
}

// ---------------------------------------------------------------------------------------
// printf-style formatting
// ---------------------------------------------------------------------------------------

/// One argument of `fmt % args`, already reduced to what `%`-formatting needs.
#[derive(Clone, Debug, PartialEq)]
pub enum PercentArg {
    /// An int (or bool: pass its `str()` form in `Str` for `%s`, the value here otherwise).
    Int(BigInt),
    Float(f64),
    /// Any other object: its `str()`, its `repr()` and its type name (for `TypeError`s).
    Str {
        text: String,
        repr: String,
        type_name: String,
    },
}

impl PercentArg {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Str { type_name, .. } => type_name,
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
    mut lookup: Option<&mut PercentKeyLookup<'_>>,
) -> LibResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next_arg = 0usize;
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
                    PercentArg::Int(n) => p = n.to_usize().unwrap_or(0),
                    _ => return Err(LibError::type_error("* wants int")),
                }
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
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
            None => take_arg(&mut next_arg)?,
        };
        let (sign_str, body, numeric) = match conv {
            's' | 'r' | 'a' => {
                let text = match (conv, arg) {
                    (_, PercentArg::Str { text, repr, .. }) => {
                        if conv == 's' {
                            text.clone()
                        } else if conv == 'r' {
                            repr.clone()
                        } else {
                            ascii_of_repr(repr)
                        }
                    }
                    (_, PercentArg::Int(n)) => n.to_string(),
                    (_, PercentArg::Float(x)) => {
                        let mut s = String::new();
                        float_repr_into(*x, &mut s);
                        s
                    }
                };
                let text = match precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                (String::new(), text, false)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match arg {
                    PercentArg::Int(n) => n.clone(),
                    PercentArg::Float(x) if matches!(conv, 'd' | 'i' | 'u') => {
                        crate::pynum::float_to_int(*x)?
                    }
                    other => {
                        let msg = if matches!(conv, 'd' | 'i' | 'u') {
                            format!(
                                "%{conv} format: a real number is required, not {}",
                                other.type_name()
                            )
                        } else {
                            format!(
                                "%{conv} format: an integer is required, not {}",
                                other.type_name()
                            )
                        };
                        return Err(LibError::type_error(msg));
                    }
                };
                let radix = match conv {
                    'x' | 'X' => 16,
                    'o' => 8,
                    _ => 10,
                };
                let mut digits = int_to_string_radix(&n.abs(), radix);
                if let Some(p) = precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                if alt && radix != 10 {
                    let prefix = match conv {
                        'x' => "0x",
                        'X' => "0X",
                        _ => "0o",
                    };
                    digits.insert_str(0, prefix);
                }
                if conv == 'X' {
                    digits.make_ascii_uppercase();
                }
                let sign = if n.is_negative() {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                (sign.to_string(), digits, true)
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
                let p = precision.unwrap_or(6);
                let upper = conv.is_ascii_uppercase();
                let mut body = String::new();
                float_body(
                    x.abs(),
                    conv.to_ascii_lowercase(),
                    p,
                    false,
                    alt,
                    upper,
                    &mut body,
                );
                let sign = if x.is_sign_negative() && !x.is_nan() {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                // Zero padding does not apply to inf and nan.
                let finite = x.is_finite();
                (sign.to_string(), body, finite)
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
                    other => {
                        return Err(LibError::type_error(format!(
                            "%c requires int or char, not {}",
                            other.type_name()
                        )))
                    }
                };
                (String::new(), ch.to_string(), false)
            }
            other => {
                return Err(LibError::value(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        let len = sign_str.chars().count() + body.chars().count();
        let pad = width.saturating_sub(len);
        if left {
            out.push_str(&sign_str);
            out.push_str(&body);
            push_fill(&mut out, ' ', pad);
        } else if zero && numeric {
            out.push_str(&sign_str);
            // Zeros go after a 0x/0X/0o prefix.
            let prefix_len = if alt
                && (body.starts_with("0x") || body.starts_with("0X") || body.starts_with("0o"))
            {
                2
            } else {
                0
            };
            out.push_str(&body[..prefix_len]);
            push_fill(&mut out, '0', pad);
            out.push_str(&body[prefix_len..]);
        } else {
            push_fill(&mut out, ' ', pad);
            out.push_str(&sign_str);
            out.push_str(&body);
        }
    }
    if lookup.is_none() && next_arg < args.len() {
        return Err(LibError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
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
