//! Python's text formatting: the format-spec mini-language (`format(x, spec)`, f-strings,
//! `str.format`), float-to-text conversions exact to CPython, `repr` of str and bytes, and
//! printf-style `%` formatting.
//!
//! Contents:
//! - spec: [`FormatSpec`], [`parse_format_spec`], [`FormatSpec::default_for`]
//! - formatting values: [`format_int`], [`format_i64`], [`format_float`], [`format_str`]
//! - float text: [`float_to_string_fixed`], [`float_to_string_exp`],
//!   [`float_to_string_general`], [`float_to_string_code`]
//! - reprs: [`str_repr`], [`str_repr_into`], [`ascii_repr`], [`bytes_repr`]
//! - printf-style: [`PercentArg`], [`percent_format`], [`percent_format_with`] (mappings,
//!   via a [`PercentKeyLookup`])
//!
//! Errors are [`LibError`]s with CPython's exception types and messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::pynum::{
    float_repr_into, float_shortest_digits, i64_to_string_radix, int_to_decimal_string, int_to_f64,
    int_to_string_radix, push_ascii, push_exponent, LibError, LibResult,
};
use crate::pystr::{check_result_size, is_printable_char};

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

/// A format code as CPython quotes it in errors: itself if in 33..128, else `\xNN`.
fn printable_code(c: char) -> String {
    if (33..128).contains(&(c as u32)) {
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
    // Specs are short: decode into a stack buffer unless this one is unusually long.
    let mut stack = ['\0'; 24];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= stack.len() {
        let mut count = 0;
        for c in spec.chars() {
            stack[count] = c;
            count += 1;
        }
        &stack[..count]
    } else {
        heap = spec.chars().collect();
        &heap
    };
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
    if read_integer(chars, &mut pos, &mut width)? > 0 {
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
        if read_integer(chars, &mut pos, &mut precision)? == 0 {
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

// ---------------------------------------------------------------------------------------
// Float text, exact to CPython's PyOS_double_to_string
// ---------------------------------------------------------------------------------------

/// `x` (finite) in fixed notation with `precision` fractional digits, correctly rounded
/// half to even on the exact binary value (`-` kept for negative values and `-0.0`), as
/// both Rust's `{:.*}` and CPython's `'%.*f'` spell it.
fn fixed_notation(x: f64, precision: usize) -> String {
    fixed_via_u128(x, precision).unwrap_or_else(|| format!("{:.*}", precision, x))
}

/// The fast path of [`fixed_notation`]: exact integer arithmetic when `x * 10**precision`
/// fits in 128 bits.
fn fixed_via_u128(x: f64, precision: usize) -> Option<String> {
    if precision > 17 || !x.is_finite() {
        return None;
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as u128;
    // x == mantissa * 2**exp exactly.
    let (mantissa, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u128 << 52), exp_bits - 1075)
    };
    // mantissa < 2**53 and 10**17 < 2**57: the product fits in 110 bits.
    let scaled = mantissa * 10u128.pow(precision as u32);
    let rounded = if exp >= 0 {
        if exp > 17 {
            return None;
        }
        scaled << exp
    } else {
        let shift = (-exp) as u32;
        if shift > 127 {
            return None;
        }
        let quotient = scaled >> shift;
        let remainder = scaled & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        if remainder > half || (remainder == half && quotient & 1 == 1) {
            quotient + 1
        } else {
            quotient
        }
    };
    let digits = rounded.to_string();
    let mut out = String::with_capacity(digits.len() + precision + 3);
    if x.is_sign_negative() {
        out.push('-');
    }
    if precision == 0 {
        out.push_str(&digits);
    } else if digits.len() <= precision {
        out.push_str("0.");
        for _ in digits.len()..precision {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let point = digits.len() - precision;
        out.push_str(&digits[..point]);
        out.push('.');
        out.push_str(&digits[point..]);
    }
    Some(out)
}

/// Correctly rounded significant digits of `x >= 0` (finite) for dtoa's mode 2 (`ndigits`
/// significant digits) as digits without trailing zeros and the decimal point position.
fn digits_significant(x: f64, ndigits: usize) -> (Vec<u8>, i32) {
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    // A double has at most 767 significant decimal digits: beyond 800 the digits are
    // exact zeros, and Rust's formatter rejects precisions above 65535.
    let text = format!("{:.*e}", ndigits.clamp(1, 800) - 1, x);
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
    // Every double is exact with 1074 fractional digits; more would only add zeros.
    let text = fixed_notation(x, ndigits.min(1100));
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
    out.reserve(s.len() + 2);
    out.push(quote);
    // Copy runs of printable ASCII in one go; escape or examine everything else.
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) && b != b'\\' && b != quote as u8 {
            i += 1;
            continue;
        }
        out.push_str(&s[run_start..i]);
        if b < 0x80 {
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                _ if b == quote as u8 => {
                    out.push('\\');
                    out.push(quote);
                }
                _ => push_hex_escape(out, 'x', b as u32, 2),
            }
            i += 1;
        } else {
            // `i` is at the start of a multi-byte character.
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            if !ascii_only && is_printable_char(c) {
                out.push(c);
            } else {
                let v = c as u32;
                if v <= 0xff {
                    push_hex_escape(out, 'x', v, 2);
                } else if v <= 0xffff {
                    push_hex_escape(out, 'u', v, 4);
                } else {
                    push_hex_escape(out, 'U', v, 8);
                }
            }
            i += c.len_utf8();
        }
        run_start = i;
    }
    out.push_str(&s[run_start..]);
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
    /// An int (not a bool: see `Bool`).
    Int(BigInt),
    Float(f64),
    /// A bool: `True`/`False` for `%s`/`%r`/`%a`, 1/0 for the numeric conversions. (A
    /// `Str` whose type name is `bool` is understood the same way.)
    Bool(bool),
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
            PercentArg::Bool(_) => "bool",
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
        let converted = convert_percent(conv, arg, &flags, precision, i - 1)?;
        check_result_size(width as u128)?;
        push_percent_padded(&mut out, &converted, width, &flags);
    }
    if lookup.is_none() && next_arg < args.len() {
        return Err(LibError::type_error(
            "not all arguments converted during string formatting",
        ));
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

/// Converts `arg` for the conversion character `conv` (found at index `at` of the format).
fn convert_percent(
    conv: char,
    arg: &PercentArg,
    flags: &PercentFlags,
    precision: Option<usize>,
    at: usize,
) -> LibResult<PercentConverted> {
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
                PercentArg::Str { text, repr, .. } => match conv {
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
                PercentArg::Float(x) if decimal => crate::pynum::float_to_int(*x)?,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(r: LibResult<String>) -> String {
        match r {
            Ok(v) => v,
            Err(e) => format!("!{}: {}", e.kind, e.message),
        }
    }

    fn check(
        table: &[(&str, &str, &str)],
        type_name: &str,
        render: impl Fn(&str, &FormatSpec) -> LibResult<String>,
    ) {
        let mut failures = Vec::new();
        for &(value, spec, want) in table {
            let got = shown(parse_format_spec(spec, type_name).and_then(|s| render(value, &s)));
            if got != want {
                failures.push(format!(
                    "format({value}, {spec:?}): got {got:?}, CPython says {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn float_formatting_matches_cpython() {
        check(FLOAT_CASES, "float", |v, s| {
            format_float(v.parse().expect("test literal is a float"), s)
        });
    }

    #[test]
    fn int_formatting_matches_cpython() {
        check(INT_CASES, "int", |v, s| {
            format_int(&v.parse().expect("test literal is an int"), s)
        });
        check(INT_CASES, "int", |v, s| match v.parse::<i64>() {
            Ok(small) => format_i64(small, s),
            Err(_) => format_int(&v.parse().expect("test literal is an int"), s),
        });
    }

    #[test]
    fn str_formatting_matches_cpython() {
        check(STR_CASES, "str", format_str);
    }

    #[test]
    fn spec_errors_name_the_type() {
        let err = parse_format_spec("abc", "bool").unwrap_err();
        assert_eq!(
            err.message,
            "Invalid format specifier 'abc' for object of type 'bool'"
        );
        let spec = parse_format_spec("s", "bool").expect("valid spec");
        assert_eq!(
            format_int(&BigInt::from(1), &spec).unwrap_err().message,
            "Unknown format code 's' for object of type 'bool'"
        );
        assert_eq!(
            parse_format_spec("\u{1}", "int")
                .map(|s| format_int(&BigInt::from(1), &s))
                .unwrap()
                .unwrap_err()
                .message,
            "Unknown format code '\\x1' for object of type 'int'"
        );
        let spec = parse_format_spec("\u{7f}", "int").expect("valid spec");
        assert_eq!(
            format_int(&BigInt::from(1), &spec).unwrap_err().message,
            "Unknown format code '\u{7f}' for object of type 'int'"
        );
        let spec = parse_format_spec("<\u{665}", "int").expect("Unicode digits are a width");
        assert_eq!(spec.width, Some(5));
    }

    #[test]
    fn fixed_fast_path_agrees_with_exact_formatting() {
        // The integer fast path must spell every value exactly as the (slower) exact
        // formatter does, ties to even included.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for i in 0..20_000u64 {
            let x = match i % 3 {
                0 => f64::from_bits(next()),
                1 => (next() % 2_000_000) as f64 / 1000.0 - 1000.0,
                _ => ((next() % 100_000) as f64 + 0.5) / 10f64.powi((next() % 6) as i32),
            };
            if !x.is_finite() {
                continue;
            }
            let precision = (next() % 18) as usize;
            assert_eq!(
                fixed_notation(x, precision),
                format!("{:.*}", precision, x),
                "{x:e}"
            );
        }
        assert_eq!(fixed_notation(-0.0, 2), "-0.00");
        assert_eq!(fixed_notation(2.5, 0), "2");
        assert_eq!(fixed_notation(0.125, 2), "0.12");
        assert_eq!(fixed_notation(1e300, 0).len(), 301);
    }

    #[test]
    fn float_text_helpers_match_cpython() {
        assert_eq!(float_to_string_fixed(2.675, 2), "2.67");
        assert_eq!(float_to_string_fixed(0.5, 0), "0");
        assert_eq!(float_to_string_fixed(1.5, 0), "2");
        assert_eq!(float_to_string_fixed(-0.001, 2), "-0.00");
        assert_eq!(float_to_string_fixed(1e300, 1).len(), 303);
        assert_eq!(float_to_string_exp(12345.678, 2, false), "1.23e+04");
        assert_eq!(float_to_string_exp(0.0, 0, true), "0E+00");
        assert_eq!(float_to_string_general(1e16, 6, false, false), "1e+16");
        assert_eq!(
            float_to_string_general(0.000012345, 6, false, false),
            "1.2345e-05"
        );
        assert_eq!(float_to_string_general(100000.0, 6, false, false), "100000");
        assert_eq!(float_to_string_general(1000000.0, 6, true, false), "1E+06");
        assert_eq!(float_to_string_general(1.0, 3, false, true), "1.00");
        assert_eq!(float_to_string_code(0.1, 'r', 0, false), "0.1");
        assert_eq!(
            float_to_string_code(f64::NEG_INFINITY, 'F', 2, false),
            "-INF"
        );
        // Precisions beyond what Rust's formatter accepts still give exact digits.
        let long = float_to_string_fixed(0.1, 70_000);
        assert_eq!(long.len(), 70_002);
        assert!(long.starts_with("0.1000000000000000055511151231257827"));
        assert!(long.ends_with("000"));
        let long = float_to_string_exp(1.5, 70_000, false);
        assert_eq!(long.len(), 70_006);
        assert!(long.ends_with("0e+00"));
    }

    #[test]
    fn reprs_match_cpython() {
        for &(kind, text, want) in REPR_CASES {
            let got = if kind == "repr" {
                str_repr(text)
            } else {
                ascii_repr(text)
            };
            assert_eq!(got, want, "{kind}({text:?})");
        }
        for &(bytes, want) in BYTES_REPR_CASES {
            assert_eq!(bytes_repr(bytes), want);
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(bytes_repr(&all), ALL_BYTES_REPR);
    }

    const ALL_BYTES_REPR: &str = concat!(
        "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f",
        "\\x10\\x11\\x12\\x13\\x14\\x15\\x16\\x17\\x18\\x19\\x1a\\x1b\\x1c\\x1d\\x1e\\x1f",
        " !\"#$%&\\'()*+,-./",
        "0123456789:;<=>?",
        "@ABCDEFGHIJKLMNO",
        "PQRSTUVWXYZ[\\\\]^_",
        "`abcdefghijklmno",
        "pqrstuvwxyz{|}~\\x7f",
        "\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\\x88\\x89\\x8a\\x8b\\x8c\\x8d\\x8e\\x8f",
        "\\x90\\x91\\x92\\x93\\x94\\x95\\x96\\x97\\x98\\x99\\x9a\\x9b\\x9c\\x9d\\x9e\\x9f",
        "\\xa0\\xa1\\xa2\\xa3\\xa4\\xa5\\xa6\\xa7\\xa8\\xa9\\xaa\\xab\\xac\\xad\\xae\\xaf",
        "\\xb0\\xb1\\xb2\\xb3\\xb4\\xb5\\xb6\\xb7\\xb8\\xb9\\xba\\xbb\\xbc\\xbd\\xbe\\xbf",
        "\\xc0\\xc1\\xc2\\xc3\\xc4\\xc5\\xc6\\xc7\\xc8\\xc9\\xca\\xcb\\xcc\\xcd\\xce\\xcf",
        "\\xd0\\xd1\\xd2\\xd3\\xd4\\xd5\\xd6\\xd7\\xd8\\xd9\\xda\\xdb\\xdc\\xdd\\xde\\xdf",
        "\\xe0\\xe1\\xe2\\xe3\\xe4\\xe5\\xe6\\xe7\\xe8\\xe9\\xea\\xeb\\xec\\xed\\xee\\xef",
        "\\xf0\\xf1\\xf2\\xf3\\xf4\\xf5\\xf6\\xf7\\xf8\\xf9\\xfa\\xfb\\xfc\\xfd\\xfe\\xff'",
    );

    fn percent_args(args: &[(&str, &str, &str)]) -> Vec<PercentArg> {
        args.iter()
            .map(|&(kind, text, repr)| match kind {
                "i" => PercentArg::Int(text.parse().expect("test literal is an int")),
                "f" => PercentArg::Float(text.parse().expect("test literal is a float")),
                "b" => PercentArg::Bool(text == "True"),
                _ => PercentArg::Str {
                    text: text.to_string(),
                    repr: repr.to_string(),
                    type_name: "str".to_string(),
                },
            })
            .collect()
    }

    #[test]
    fn percent_formatting_matches_cpython() {
        for &(fmt, args, want) in PERCENT_CASES {
            let got = shown(percent_format(fmt, &percent_args(args)));
            assert_eq!(got, want, "{fmt:?} % {args:?}");
        }
    }

    #[test]
    fn absurd_widths_raise_memory_error() {
        let spec = parse_format_spec("99999999999", "int").expect("valid spec");
        assert_eq!(
            format_int(&BigInt::from(1), &spec).unwrap_err().kind,
            "MemoryError"
        );
        let spec = parse_format_spec(".99999999999f", "float").expect("valid spec");
        assert_eq!(
            format_float(1.0, &spec).unwrap_err().message,
            "precision too big"
        );
        let spec = parse_format_spec("99999999999999", "float").expect("valid spec");
        assert_eq!(format_float(1.0, &spec).unwrap_err().kind, "MemoryError");
        let spec = parse_format_spec("99999999999", "str").expect("valid spec");
        assert_eq!(format_str("a", &spec).unwrap_err().kind, "MemoryError");
        let err = percent_format("%99999999999d", &[PercentArg::Int(BigInt::from(1))]).unwrap_err();
        assert_eq!(err.kind, "MemoryError");
    }

    #[test]
    fn percent_formatting_of_bools() {
        let args = [
            PercentArg::Bool(true),
            PercentArg::Bool(false),
            PercentArg::Bool(true),
            PercentArg::Bool(true),
        ];
        // '%s %r %d %.1f' % (True, False, True, True) in CPython:
        assert_eq!(
            percent_format("%s %r %d %.1f", &args),
            Ok("True False 1 1.0".to_string())
        );
        let as_text = |b: bool| PercentArg::Str {
            text: if b { "True" } else { "False" }.into(),
            repr: if b { "True" } else { "False" }.into(),
            type_name: "bool".into(),
        };
        // '%s %x %05.1f' % (True, False, True) in CPython:
        let args = [as_text(true), as_text(false), as_text(true)];
        assert_eq!(
            percent_format("%s %x %05.1f", &args),
            Ok("True 0 001.0".to_string())
        );
    }

    #[test]
    fn percent_formatting_with_a_mapping() {
        let mut lookup = |key: &str| match key {
            "a" => Ok(PercentArg::Int(BigInt::from(1))),
            "b" => Ok(PercentArg::Float(2.0)),
            other => Err(LibError::new("KeyError", str_repr(other))),
        };
        let got = percent_format_with("%(a)s %(b)5.2f %%", &[], Some(&mut lookup));
        assert_eq!(got, Ok("1  2.00 %".to_string()));
        let dict = [PercentArg::Str {
            text: "{'a': 1}".into(),
            repr: "{'a': 1}".into(),
            type_name: "dict".into(),
        }];
        // '%s %(a)s' % {'a': 1} and '%(a)s %s' % {'a': 1} in CPython:
        let got = percent_format_with("%s %(a)s", &dict, Some(&mut lookup));
        assert_eq!(got, Ok("{'a': 1} 1".to_string()));
        let err = percent_format_with("%(a)s %s", &dict, Some(&mut lookup)).unwrap_err();
        assert_eq!(err.message, "not enough arguments for format string");
        let err = percent_format_with("%(a", &dict, Some(&mut lookup)).unwrap_err();
        assert_eq!(err.message, "incomplete format key");
        let err = percent_format_with("%(zz)s", &[], Some(&mut lookup)).unwrap_err();
        assert_eq!((err.kind, err.message.as_str()), ("KeyError", "'zz'"));
    }

    /// `format(value, spec)` as printed by CPython 3.11.
    const FLOAT_CASES: &[(&str, &str, &str)] = &[
        ("123456.789", "x>0,.18d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "5.15d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "", "inf"),
        ("1e+20", "\u{e9}=-#_.7s", "!ValueError: Cannot specify '_' with 's'."),
        ("1e+20", "x<#g", "1.00000e+20"),
        ("inf", "0<#19.8d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "5.3", "  inf"),
        ("1e-07", "x>1,.0", "1e-07"),
        ("-0.0", " _E", "-0.000000E+00"),
        ("nan", "z.18", "nan"),
        ("-1234.5678", "x=019.9", "-xxxxxxxxx1234.5678"),
        ("inf", "-23.9", "                    inf"),
        ("1e+20", "#.2c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("-0.0", "0^F", "-0.000000"),
        ("inf", "_n", "!ValueError: Cannot specify '_' with 'n'."),
        ("-inf", " <d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("0.0", "018,G", "00,000,000,000,000"),
        ("2.675", "+0_.4X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        ("nan", "16.18", "             nan"),
        ("inf", "20_.9e", "                 inf"),
        ("-1234.5678", " <-#18.20n", "-1234.5678000000000338"),
        ("0.0", " ^6.14x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("-1234.5678", " 9,.1", "   -1e+03"),
        ("0.0", "z11.2E", "   0.00E+00"),
        ("-0.0", " =2%", "-0.000000%"),
        ("0.5", "-", "0.5"),
        ("1e-07", "\u{e9}<14.8s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("nan", " >7", "    nan"),
        ("123456.789", "_", "123_456.789"),
        ("2.675", " ", " 2.675"),
        ("nan", " <12g", "nan         "),
        ("0.5", "+00.13", "+0.5"),
        ("2.675", " ,e", " 2.675000e+00"),
        ("0.5", ",.11", "0.5"),
        ("0.0", "+.16f", "+0.0000000000000000"),
        ("0.5", "x>#0,.9F", "0.500000000"),
        ("123456.789", "x^+n", "+123457"),
        ("123456.789", "*=n", "123457"),
        ("inf", " <.19", "inf"),
        ("123456.789", "24%", "        12345678.900000%"),
        ("100.0", ".2f", "100.00"),
        ("-3.14159", "_.3f", "-3.142"),
        ("99.99", "", "99.99"),
        ("123456789.987654", "x>10.1%", "12345678998.8%"),
        ("1e+22", ".3g", "1e+22"),
        ("0.1", "#", "0.1"),
        ("-0.0001", "E", "-1.000000E-04"),
        ("9.999999", ".2n", "10"),
        ("1234.5", "G", "1234.5"),
        ("1.7976931348623157e+308", ".3e", "1.798e+308"),
        ("-0.0", "g", "-0"),
        ("-0.0001", "e", "-1.000000e-04"),
        ("1.5e+300", "^12", "  1.5e+300  "),
        ("999999.5", ">12", "    999999.5"),
        ("-3.14159", "<12", "-3.14159    "),
        ("1234.5", "e", "1.234500e+03"),
        ("0.5", "E", "5.000000E-01"),
        ("2.675", " .2f", " 2.67"),
        ("2.5", ".3", "2.5"),
        ("1.2345e-05", "+.2f", "+0.00"),
        ("1.5e+300", "012", "00001.5e+300"),
        ("1e-05", "#g", "1.00000e-05"),
        ("-3.14159", "#g", "-3.14159"),
        ("1.2345e-05", "n", "1.2345e-05"),
        ("1.7976931348623157e+308", ".3", "1.8e+308"),
        ("2.5", "G", "2.5"),
        ("inf", "x>10.1%", "xxxxxxinf%"),
        ("0.0", "+.2f", "+0.00"),
        ("9.999999", " .2f", " 10.00"),
        ("3.14159", ".0f", "3"),
        ("0.0001", ".0f", "0"),
        ("1e+16", "_.3f", "10_000_000_000_000_000.000"),
        ("0.125", "012", "00000000.125"),
        ("1e-05", "G", "1E-05"),
        ("999999.5", "", "999999.5"),
        ("1e-05", ".10g", "1e-05"),
        ("2.675", ",", "2.675"),
        ("99.99", "#.0e", "1.e+02"),
        ("1e+22", "#.3g", "1.00e+22"),
        ("1.5", "", "1.5"),
        ("-2.5", "+z.2f", "-2.50"),
        ("nan", "#.0f", "nan"),
        ("nan", "+z.2f", "+nan"),
        ("1e-07", "012", "00000001e-07"),
        ("-2.5", "#g", "-2.50000"),
        ("-2.5", "+", "-2.5"),
        ("0.0", ".1f", "0.0"),
        ("1e-05", "<12", "1e-05       "),
        ("0.0", "g", "0"),
        ("1.0", ".12", "1.0"),
        ("999999.5", ".0g", "1e+06"),
        ("3.14159", "", "3.14159"),
        ("2.675", ".2n", "2.7"),
        ("1e-05", "^12", "   1e-05    "),
        ("2.675", "015e", "0002.675000e+00"),
        ("1000000000000000.0", "f", "1000000000000000.000000"),
        ("123456789.0", ".6f", "123456789.000000"),
        ("1.0", "#.3g", "1.00"),
        ("1.7976931348623157e+308", "+.2f", "+179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00"),
        ("1e-05", "012,.2f", "0,000,000.00"),
        ("0.1", ".0g", "0.1"),
        ("100.0", ".3e", "1.000e+02"),
        ("1.0", " .2f", " 1.00"),
        ("1.0", ".3g", "1"),
        ("1e-05", "", "1e-05"),
        ("1000000000000000.0", "=12", "1000000000000000.0"),
        ("0.0", "n", "0"),
        ("1.2345e-05", "f", "0.000012"),
        ("0.0001", ".0g", "0.0001"),
        ("2.675", "f", "2.675000"),
        ("1e+16", ".2f", "10000000000000000.00"),
        ("0.5", ".3", "0.5"),
        ("123456789.0", "#", "123456789.0"),
        ("1000000000000000.0", "012", "1000000000000000.0"),
        ("12345.6789", "E", "1.234568E+04"),
        ("nan", "g", "nan"),
        ("-inf", "*^15.3f", "*****-inf******"),
        ("0.0", "e", "0.000000e+00"),
        ("-inf", "n", "-inf"),
        ("0.30000000000000004", "010.2f", "0000000.30"),
        ("123456789.987654", "e", "1.234568e+08"),
        ("0.5", ".17", "0.5"),
        ("1000000000000000.0", "015e", "0001.000000e+15"),
        ("123456789.987654", "#.0e", "1.e+08"),
        ("12345.6789", "g", "12345.7"),
        ("1000000000000000.0", "z.1f", "1000000000000000.0"),
        ("-1.5e-300", "f", "-0.000000"),
        ("0.30000000000000004", ".6f", "0.300000"),
        ("123456789.0", ".0e", "1e+08"),
        ("0.125", ".3", "0.125"),
        ("-1.5e-300", ".6f", "-0.000000"),
        ("1.5e+300", ".12", "1.5e+300"),
        ("0.30000000000000004", "^12", "0.30000000000000004"),
        ("0.125", "%", "12.500000%"),
        ("0.5", ".1%", "50.0%"),
        ("-3.14159", ",g", "-3.14159"),
        ("0.0", "015e", "0000.000000e+00"),
        ("99.99", ".0g", "1e+02"),
        ("123456789.987654", "015e", "0001.234568e+08"),
        ("-0.0001", "#.3g", "-0.000100"),
        ("1e-05", "#.3", "1.00e-05"),
        ("0.0", ".17", "0.0"),
        ("1.7976931348623157e+308", "015e", "001.797693e+308"),
        ("999999.5", ".2n", "1e+06"),
        ("0.0001", "*^15.3f", "*****0.000*****"),
        ("1.2345e-05", "#g", "1.23450e-05"),
        ("1.2345e-05", ".3", "1.23e-05"),
        ("-inf", "E", "-INF"),
        ("-0.0001", ".3e", "-1.000e-04"),
        ("0.0", ".1%", "0.0%"),
        ("1e-07", ".2n", "1e-07"),
        ("-0.0", "015e", "-000.000000e+00"),
        ("0.125", " .2f", " 0.12"),
        ("100.0", ".1f", "100.0"),
        ("1.0", "g", "1"),
        ("2.5", "-^20g", "--------2.5---------"),
        ("99.99", "010.2f", "0000099.99"),
        ("-3.14159", ".10g", "-3.14159"),
        ("12345.6789", "G", "12345.7"),
        ("1.5e+300", "#.3g", "1.50e+300"),
        ("123456789.987654", "10", "123456789.987654"),
        ("5e-324", "<12", "5e-324      "),
        ("123456789.987654", "#.0f", "123456790."),
        ("5e-324", ".2n", "4.9e-324"),
        ("-3.14159", "=12", "-    3.14159"),
        ("999999.5", "<12", "999999.5    "),
        ("1.5e+300", ".0g", "2e+300"),
        ("2.5", "+", "+2.5"),
        ("-inf", ",.2f", "-inf"),
        ("99.99", ".10g", "99.99"),
        ("999999.5", ",.2f", "999,999.50"),
        ("1.2345e-05", "%", "0.001234%"),
        ("-0.0001", ".2n", "-0.0001"),
        ("1000000000000000.0", "%", "100000000000000000.000000%"),
        ("-0.0", "+.2f", "-0.00"),
        ("1e-07", "f", "0.000000"),
        ("1.5", "+z.2f", "+1.50"),
        ("1.0", ",g", "1"),
        ("123456789.987654", ".3g", "1.23e+08"),
        ("5e-324", ">12", "      5e-324"),
        ("nan", "+", "+nan"),
        ("1.2345e-05", ".3e", "1.234e-05"),
        ("2.675", ".0e", "3e+00"),
        ("123456789.987654", "g", "1.23457e+08"),
        ("1e+16", "+", "+1e+16"),
        ("0.30000000000000004", "%", "30.000000%"),
        ("1.7976931348623157e+308", "z.1f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0"),
        ("1.5", "#.0e", "2.e+00"),
        ("123456789.0", ".0f", "123456789"),
        ("0.1", ",", "0.1"),
        ("123456789.0", ".3g", "1.23e+08"),
        ("1000000000000000.0", "+z.2f", "+1000000000000000.00"),
        ("0.125", "<12", "0.125       "),
        ("1e+22", ".1%", "999999999999999983222784.0%"),
        ("1.5", ".10g", "1.5"),
        ("100.0", ".0e", "1e+02"),
        ("2.675", "g", "2.675"),
        ("9.999999", "e", "9.999999e+00"),
        ("0.1", "+z.2f", "+0.10"),
        ("1000000000000000.0", ".2n", "1e+15"),
        ("-1.5e-300", "g", "-1.5e-300"),
        ("2.675", ".12", "2.675"),
        ("9.999999", "f", "9.999999"),
        ("0.5", ".2f", "0.50"),
        ("1.5", ".1%", "150.0%"),
        ("nan", ".6f", "nan"),
        ("1.7976931348623157e+308", "#g", "1.79769e+308"),
        ("1e-05", "-^20g", "-------1e-05--------"),
        ("-0.0", ".0g", "-0"),
        ("3.14159", ".2n", "3.1"),
    ];
    const INT_CASES: &[(&str, &str, &str)] = &[
        (
            "-10000000000000000000",
            "-_b",
            "-1000_1010_1100_0111_0010_0011_0000_0100_1000_1001_1110_1000_0000_0000_0000_0000",
        ),
        ("0", "0^25", "0000000000000000000000000"),
        (
            "255",
            "*^+s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            "192300",
            "<_.3c",
            "!ValueError: Cannot specify '_' with 'c'.",
        ),
        (
            "-10000000000000000000",
            "+2%",
            "-1000000000000000000000.000000%",
        ),
        (
            "255",
            " ^24.12",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("-10000000000000000000", "+03E", "-1.000000E+19"),
        ("255", " <9o", "377      "),
        ("0", "\u{e9}^.19E", "0.0000000000000000000E+00"),
        ("0", "\u{e9}>", "0"),
        ("-10000000000000000000", "*^+.15E", "-1.000000000000000E+19"),
        (
            "0",
            ".13",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        (
            "-12345678",
            "\u{e9}^-#0.14X",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("0", "+#20X", "                +0X0"),
        ("-12345678", "05x", "-bc614e"),
        ("0", "-", "0"),
        (
            "-1",
            "+0s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        ("42", "X", "2A"),
        ("-12345678", "<-15%", "-1234567800.000000%"),
        ("0", " X", " 0"),
        ("0", " >#0_s", "!ValueError: Cannot specify '_' with 's'."),
        ("42", "<#9", "42       "),
        (
            "-12345678",
            " >.3",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("255", "_E", "2.550000E+02"),
        ("-1", "_G", "-1"),
        ("-12345678", "_F", "-12_345_678.000000"),
        (
            "255",
            "^ .20s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            "10000000000000000000000000",
            ".10f",
            "10000000000000000905969664.0000000000",
        ),
        ("-12345678", " >10g", "-1.23457e+07"),
        ("0", "", "0"),
        (
            "255",
            "<.19x",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("-12345678", "*>_", "-12_345_678"),
        (
            "42",
            "x<z25s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            "0",
            "_.2",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        ("0", "4.1G", "   0"),
        (
            "10000000000000000000000000",
            "\u{e9}=",
            "10000000000000000000000000",
        ),
        ("42", "21g", "                   42"),
        ("-12345678", ">0_b", "-1011_1100_0110_0001_0100_1110"),
        (
            "255",
            "0.0s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        ("-1", "x=,o", "!ValueError: Cannot specify ',' with 'o'."),
        (
            "1000000000000000000000000000000",
            "1",
            "1000000000000000000000000000000",
        ),
        ("1114112", "+d", "+1114112"),
        ("1234", "n", "1234"),
        ("255", "", "255"),
        ("1234567", ".1e", "1.2e+06"),
        ("18446744073709551616", "+#x", "+0x10000000000000000"),
        ("1234567", "b", "100101101011010000111"),
        ("7", "010,", "00,000,007"),
        ("1", " d", " 1"),
        ("18446744073709551616", ",", "18,446,744,073,709,551,616"),
        ("0", "g", "0"),
        ("-1234567", "x=+#12_X", "-0Xxx12_D687"),
        ("1234", "d", "1234"),
        ("-7", "F", "-7.000000"),
        ("7", "b", "111"),
        (
            "1000000000000000000000000000000",
            "#010x",
            "0xc9f2c9cd04674edea40000000",
        ),
        ("1114111", "<8", "1114111 "),
        ("7", "#X", "0X7"),
        ("18446744073709551616", "#X", "0X10000000000000000"),
        ("-1234", "-^+9", "---1234--"),
        ("-1", "<8", "-1      "),
        ("-7", "d", "-7"),
        ("1234567", "_b", "1_0010_1101_0110_1000_0111"),
        ("1234", "-^+9", "--+1234--"),
        ("7", "<8", "7       "),
        ("1", "_", "1"),
        ("1234567", "o", "4553207"),
        ("-255", "x", "-ff"),
        ("7", ",", "7"),
        ("1234567", "08_b", "1_0010_1101_0110_1000_0111"),
        ("1114112", "-^+9", "+1114112-"),
        ("-7", "x", "-7"),
        ("65", "<8", "65      "),
        ("123456789", "+d", "+123456789"),
        ("-1234567", "%", "-123456700.000000%"),
        ("-1180591620717411303421", "^9", "-1180591620717411303421"),
        (
            "1000000000000000000000000000000",
            "^9",
            "1000000000000000000000000000000",
        ),
        ("-255", "=+8", "-    255"),
        ("-1234567", "*^10", "*-1234567*"),
        ("255", "<8", "255     "),
        ("255", "F", "255.000000"),
        ("-1234567", " d", "-1234567"),
        ("-1234", "e", "-1.234000e+03"),
        ("7", "0=12,", "0,000,000,007"),
        ("-1", "e", "-1.000000e+00"),
        ("-1234", "x", "-4d2"),
        ("65", "c<5", "65ccc"),
        ("-7", "+d", "-7"),
        ("18446744073709551616", "o", "2000000000000000000000"),
        ("65", "d", "65"),
        ("1234", "b", "10011010010"),
        ("-7", " d", "-7"),
        ("-1", "b", "-1"),
        ("-1234567", "*=10,d", "-1,234,567"),
        ("255", "0=12,", "0,000,000,255"),
        ("65", "_", "65"),
        ("1114111", "#o", "0o4177777"),
        ("65", "o", "101"),
        ("1234", "#010x", "0x000004d2"),
        ("1", "010,", "00,000,001"),
        ("1234", "*^10", "***1234***"),
        (
            "-1180591620717411303421",
            "%",
            "-118059162071741130342400.000000%",
        ),
        ("1114112", "b", "100010000000000000000"),
        ("18446744073709551616", "F", "18446744073709551616.000000"),
        ("0", "010", "0000000000"),
        ("-255", "-d", "-255"),
        ("1234", ".2f", "1234.00"),
        ("1114111", "_b", "1_0000_1111_1111_1111_1111"),
        (
            "-1180591620717411303421",
            "F",
            "-1180591620717411303424.000000",
        ),
        ("-1180591620717411303421", "o", "-177777777777777777777775"),
        ("255", ".2f", "255.00"),
        ("-1234567", "e", "-1.234567e+06"),
        ("255", "-d", "255"),
        ("-1180591620717411303421", "#010x", "-0x3ffffffffffffffffd"),
        ("-255", "d", "-255"),
        ("1234", "#X", "0X4D2"),
        ("18446744073709551616", "#010x", "0x10000000000000000"),
        ("-7", "05d", "-0007"),
        ("1114111", ".1e", "1.1e+06"),
        ("0", "n", "0"),
        ("-1234567", "_x", "-12_d687"),
        ("1114111", "#X", "0X10FFFF"),
        ("123456789", "08_b", "111_0101_1011_1100_1101_0001_0101"),
        ("-255", "010", "-000000255"),
        ("-1180591620717411303421", "#X", "-0X3FFFFFFFFFFFFFFFFD"),
        ("123456789", "x", "75bcd15"),
        ("-1234567", "#x", "-0x12d687"),
        ("255", "08_b", "1111_1111"),
        ("65", "x", "41"),
        ("18446744073709551616", ">8", "18446744073709551616"),
        (
            "-1180591620717411303421",
            "#b",
            "-0b1111111111111111111111111111111111111111111111111111111111111111111101",
        ),
        ("1234", "<8", "1234    "),
        ("1234", "-d", "1234"),
        ("-1180591620717411303421", ".1e", "-1.2e+21"),
        (
            "18446744073709551616",
            "0=12,",
            "18,446,744,073,709,551,616",
        ),
        ("1234", "05d", "01234"),
        ("-1234", "010", "-000001234"),
        ("1234", "_", "1_234"),
        ("-7", "b", "-111"),
        ("-1180591620717411303421", ">8", "-1180591620717411303421"),
        ("1234567", "010", "0001234567"),
        ("1234", "%", "123400.000000%"),
        ("123456789", "e", "1.234568e+08"),
        ("65", "#_x", "0x41"),
        ("7", "_", "7"),
        ("65", "%", "6500.000000%"),
        ("7", "F", "7.000000"),
        ("-7", "g", "-7"),
        ("1234", "+#x", "+0x4d2"),
        ("-1234567", "010,", "-1,234,567"),
        (
            "0",
            ".3",
            "!ValueError: Precision not allowed in integer format specifier",
        ),
        (
            "0",
            "s",
            "!ValueError: Unknown format code 's' for object of type 'int'",
        ),
        (
            "0",
            "z",
            "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            "0",
            "+c",
            "!ValueError: Sign not allowed with integer format specifier 'c'",
        ),
        (
            "0",
            "#c",
            "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
        ),
        ("0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
        ("0", "_n", "!ValueError: Cannot specify '_' with 'n'."),
        ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
        (
            "18446744073709551616",
            "c",
            "!OverflowError: Python int too large to convert to C long",
        ),
    ];
    const STR_CASES: &[(&str, &str, &str)] = &[
        (
            "",
            "=24.9d",
            "!ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            " >z0",
            "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        ("h\u{e9}llo w\u{f6}rld", "8", "h\u{e9}llo w\u{f6}rld"),
        (
            "abc",
            "x<-f",
            "!ValueError: Unknown format code 'f' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            ".9b",
            "!ValueError: Unknown format code 'b' for object of type 'str'",
        ),
        (
            "abc",
            "3_E",
            "!ValueError: Unknown format code 'E' for object of type 'str'",
        ),
        (
            "",
            "+#17,E",
            "!ValueError: Unknown format code 'E' for object of type 'str'",
        ),
        (
            "",
            "0=z18.5",
            "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        (
            "abc",
            "-.15c",
            "!ValueError: Unknown format code 'c' for object of type 'str'",
        ),
        (
            "",
            "0_X",
            "!ValueError: Unknown format code 'X' for object of type 'str'",
        ),
        ("abc", " ,.6", "!ValueError: Cannot specify ',' with 's'."),
        ("", "05.10", "00000"),
        (
            "abc",
            "0>o",
            "!ValueError: Unknown format code 'o' for object of type 'str'",
        ),
        (
            "",
            "-z22",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            "2_%",
            "!ValueError: Unknown format code '%' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            " ^n",
            "!ValueError: Unknown format code 'n' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            " 18",
            "!ValueError: Space not allowed in string format specifier",
        ),
        (
            "",
            "20.9F",
            "!ValueError: Unknown format code 'F' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            "^o",
            "!ValueError: Unknown format code 'o' for object of type 'str'",
        ),
        (
            "abc",
            "*^+e",
            "!ValueError: Unknown format code 'e' for object of type 'str'",
        ),
        (
            "abc",
            "5.4n",
            "!ValueError: Unknown format code 'n' for object of type 'str'",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            "*=-.8",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        ("", "\u{e9}>0", ""),
        ("", "x=0,", "!ValueError: Cannot specify ',' with 's'."),
        (
            "",
            "*<-05.0s",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "h\u{e9}llo w\u{f6}rld",
            "^ ",
            "!ValueError: Space not allowed in string format specifier",
        ),
        ("abc", "^6", " abc  "),
        ("xxxxxxxxxxxx", "0>4", "xxxxxxxxxxxx"),
        ("", "10.3", "          "),
        ("xxxxxxxxxxxx", "10.3", "xxx       "),
        ("h\u{e9}llo", ".2", "h\u{e9}"),
        ("a", "^6", "  a   "),
        ("xxxxxxxxxxxx", "<5", "xxxxxxxxxxxx"),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            "\u{1f600}^5",
            "\u{1f600}\u{65e5}\u{672c}\u{8a9e}\u{1f600}",
        ),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            "^6",
            " \u{65e5}\u{672c}\u{8a9e}  ",
        ),
        ("xxxxxxxxxxxx", "05", "xxxxxxxxxxxx"),
        ("abc", ".2", "ab"),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            "10.3",
            "\u{65e5}\u{672c}\u{8a9e}       ",
        ),
        ("abc", ">5", "  abc"),
        ("", "<5", "     "),
        ("a", "10.3", "a         "),
        ("a", "^5", "  a  "),
        ("h\u{e9}llo", "05", "h\u{e9}llo"),
        ("a", ".2", "a"),
        ("a", "0>4", "000a"),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            "x<05",
            "\u{65e5}\u{672c}\u{8a9e}xx",
        ),
        ("", "^5", "     "),
        ("\u{65e5}\u{672c}\u{8a9e}", "", "\u{65e5}\u{672c}\u{8a9e}"),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            "05",
            "\u{65e5}\u{672c}\u{8a9e}00",
        ),
        ("xxxxxxxxxxxx", ".0", ""),
        ("", "^6", "      "),
        ("a", "5", "a    "),
        (
            "",
            "\u{1f600}^5",
            "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}",
        ),
        ("xxxxxxxxxxxx", "*^7", "xxxxxxxxxxxx"),
        ("\u{65e5}\u{672c}\u{8a9e}", "s", "\u{65e5}\u{672c}\u{8a9e}"),
        ("", "05", "00000"),
        ("abc", "", "abc"),
        ("", "x<05", "xxxxx"),
        ("abc", "^5", " abc "),
        ("", "5", "     "),
        ("a", "05", "a0000"),
        ("a", "\u{1f600}^5", "\u{1f600}\u{1f600}a\u{1f600}\u{1f600}"),
        ("a", "*^7", "***a***"),
        ("a", ".0", ""),
        ("abc", "x<05", "abcxx"),
        ("abc", ".0", ""),
        ("", ">5", "     "),
        ("abc", "*^7", "**abc**"),
        ("", "0>4", "0000"),
        ("a", "", "a"),
        ("h\u{e9}llo", "", "h\u{e9}llo"),
        ("xxxxxxxxxxxx", ".2", "xx"),
        ("", "", ""),
        ("xxxxxxxxxxxx", "^5", "xxxxxxxxxxxx"),
        ("xxxxxxxxxxxx", "", "xxxxxxxxxxxx"),
        (
            "\u{65e5}\u{672c}\u{8a9e}",
            ">5",
            "  \u{65e5}\u{672c}\u{8a9e}",
        ),
        (
            "",
            "=5",
            "!ValueError: '=' alignment not allowed in string format specifier",
        ),
        (
            "",
            "+",
            "!ValueError: Sign not allowed in string format specifier",
        ),
        (
            "",
            "#",
            "!ValueError: Alternate form (#) not allowed in string format specifier",
        ),
        (
            "",
            "z",
            "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
        ),
        (
            "",
            "d",
            "!ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        ("", ",", "!ValueError: Cannot specify ',' with 's'."),
        ("", "_s", "!ValueError: Cannot specify '_' with 's'."),
    ];
    const REPR_CASES: &[(&str, &str, &str)] = &[
        ("repr", "", "''"),
        ("ascii", "", "''"),
        ("repr", "a", "'a'"),
        ("ascii", "a", "'a'"),
        ("repr", "abc", "'abc'"),
        ("ascii", "abc", "'abc'"),
        ("repr", "hello world", "'hello world'"),
        ("ascii", "hello world", "'hello world'"),
        ("repr", "  a b  c  ", "'  a b  c  '"),
        ("ascii", "  a b  c  ", "'  a b  c  '"),
        ("repr", "a,b,,c,", "'a,b,,c,'"),
        ("ascii", "a,b,,c,", "'a,b,,c,'"),
        ("repr", "h\u{e9}llo w\u{f6}rld", "'h\u{e9}llo w\u{f6}rld'"),
        ("ascii", "h\u{e9}llo w\u{f6}rld", "'h\\xe9llo w\\xf6rld'"),
        (
            "repr",
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "ascii",
            "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            "'\\u65e5\\u672c\\u8a9e\\u30c6\\u30ad\\u30b9\\u30c8'",
        ),
        ("repr", "\u{3a3}\u{391}\u{3a3}", "'\u{3a3}\u{391}\u{3a3}'"),
        ("ascii", "\u{3a3}\u{391}\u{3a3}", "'\\u03a3\\u0391\\u03a3'"),
        (
            "repr",
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            "'\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}'",
        ),
        (
            "ascii",
            "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            "'\\u1f48\\u0394\\u03a5\\u03a3\\u03a3\\u0395\\u038e\\u03a3'",
        ),
        ("repr", "a\u{3a3} b", "'a\u{3a3} b'"),
        ("ascii", "a\u{3a3} b", "'a\\u03a3 b'"),
        ("repr", "\u{df}", "'\u{df}'"),
        ("ascii", "\u{df}", "'\\xdf'"),
        ("repr", "\u{1c6}emal \u{1c5}", "'\u{1c6}emal \u{1c5}'"),
        ("ascii", "\u{1c6}emal \u{1c5}", "'\\u01c6emal \\u01c5'"),
        ("repr", "\u{fb01}nance", "'\u{fb01}nance'"),
        ("ascii", "\u{fb01}nance", "'\\ufb01nance'"),
        ("repr", "\u{130}stanbul", "'\u{130}stanbul'"),
        ("ascii", "\u{130}stanbul", "'\\u0130stanbul'"),
        ("repr", "a\tb\n\tc", "'a\\tb\\n\\tc'"),
        ("ascii", "a\tb\n\tc", "'a\\tb\\n\\tc'"),
        (
            "repr",
            "x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}",
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "ascii",
            "x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}",
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        ("repr", "hello_World 3rd-party", "'hello_World 3rd-party'"),
        ("ascii", "hello_World 3rd-party", "'hello_World 3rd-party'"),
        ("repr", "it's", "\"it's\""),
        ("ascii", "it's", "\"it's\""),
        ("repr", "say \"hi\"", "'say \"hi\"'"),
        ("ascii", "say \"hi\"", "'say \"hi\"'"),
        ("repr", "both ' and \"", "'both \\' and \"'"),
        ("ascii", "both ' and \"", "'both \\' and \"'"),
        (
            "repr",
            "\u{0}\u{7f}\u{80}\u{a0}\u{ad}",
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "ascii",
            "\u{0}\u{7f}\u{80}\u{a0}\u{ad}",
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "repr",
            "\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}",
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "ascii",
            "\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}",
            "'\\u200b\\u2028\\ue000\\U0001f600\\U000e0001'",
        ),
        ("repr", "\u{1c8}", "'\u{1c8}'"),
        ("ascii", "\u{1c8}", "'\\u01c8'"),
        ("repr", "\u{3a3}\u{3a3}", "'\u{3a3}\u{3a3}'"),
        ("ascii", "\u{3a3}\u{3a3}", "'\\u03a3\\u03a3'"),
        ("repr", "123", "'123'"),
        ("ascii", "123", "'123'"),
        ("repr", "\u{661}\u{662}\u{663}", "'\u{661}\u{662}\u{663}'"),
        ("ascii", "\u{661}\u{662}\u{663}", "'\\u0661\\u0662\\u0663'"),
        ("repr", "\u{bd}", "'\u{bd}'"),
        ("ascii", "\u{bd}", "'\\xbd'"),
        ("repr", "\u{b2}", "'\u{b2}'"),
        ("ascii", "\u{b2}", "'\\xb2'"),
        ("repr", "\u{4e00}\u{4e8c}", "'\u{4e00}\u{4e8c}'"),
        ("ascii", "\u{4e00}\u{4e8c}", "'\\u4e00\\u4e8c'"),
        ("repr", "\u{216b}", "'\u{216b}'"),
        ("ascii", "\u{216b}", "'\\u216b'"),
        ("repr", "\u{1c}\u{1d} \t", "'\\x1c\\x1d \\t'"),
        ("ascii", "\u{1c}\u{1d} \t", "'\\x1c\\x1d \\t'"),
        ("repr", "abc123", "'abc123'"),
        ("ascii", "abc123", "'abc123'"),
        ("repr", "_id9", "'_id9'"),
        ("ascii", "_id9", "'_id9'"),
        ("repr", "9x", "'9x'"),
        ("ascii", "9x", "'9x'"),
        ("repr", "Ab Cd", "'Ab Cd'"),
        ("ascii", "Ab Cd", "'Ab Cd'"),
        ("repr", "AB CD", "'AB CD'"),
        ("ascii", "AB CD", "'AB CD'"),
        ("repr", "ab cd", "'ab cd'"),
        ("ascii", "ab cd", "'ab cd'"),
        ("repr", "Ab cD", "'Ab cD'"),
        ("ascii", "Ab cD", "'Ab cD'"),
        ("repr", "   ", "'   '"),
        ("ascii", "   ", "'   '"),
        ("repr", "aaa", "'aaa'"),
        ("ascii", "aaa", "'aaa'"),
        ("repr", "ababab", "'ababab'"),
        ("ascii", "ababab", "'ababab'"),
        ("repr", "\u{3c3}\u{3c2}", "'\u{3c3}\u{3c2}'"),
        ("ascii", "\u{3c3}\u{3c2}", "'\\u03c3\\u03c2'"),
        ("repr", "MIXED case \u{3a3}.", "'MIXED case \u{3a3}.'"),
        ("ascii", "MIXED case \u{3a3}.", "'MIXED case \\u03a3.'"),
    ];
    const BYTES_REPR_CASES: &[(&[u8], &str)] = &[
        (b"", "b''"),
        (b"abc", "b'abc'"),
        (b"it's", "b\"it's\""),
        (b"say \"hi\"", "b'say \"hi\"'"),
        (b"both ' and \"", "b'both \\' and \"'"),
    ];
    /// (kind, str(), repr()) of one argument.
    type TestArg = (&'static str, &'static str, &'static str);
    const PERCENT_CASES: &[(&str, &[TestArg], &str)] = &[
        (
            "|%+#.2c",
            &[("s", "abc", "'abc'")],
            "!TypeError: %c requires int or char",
        ),
        (
            "%- 5.*f|%.*a%10.5%",
            &[
                ("i", "0", ""),
                ("f", "0.0", ""),
                ("i", "4", ""),
                ("i", "-100000000000000000000", ""),
            ],
            "!TypeError: not enough arguments for format string",
        ),
        (
            "ab %# *s",
            &[("i", "-6", ""), ("f", "nan", ""), ("i", "1", "")],
            "!TypeError: not all arguments converted during string formatting",
        ),
        (
            "x%#.5d%# *e",
            &[("f", "-1234.5678", ""), ("i", "8", ""), ("f", "1e-07", "")],
            "x-01234 1.000000e-07",
        ),
        (
            "%-*f",
            &[
                ("i", "-3", ""),
                ("s", "h\u{e9}llo", "'h\u{e9}llo'"),
                ("i", "1", ""),
            ],
            "!TypeError: must be real number, not str",
        ),
        (
            "x%#00.0r|%+.5u",
            &[("i", "-1", ""), ("s", "abc", "'abc'")],
            "!TypeError: %u format: a real number is required, not str",
        ),
        (
            "ab %+0Ex%# 0.0i",
            &[("f", "-0.0", ""), ("f", "0.0", "")],
            "ab -0.000000E+00x 0",
        ),
        (
            "|%+#0.2g|%0+.*g|% 5x",
            &[
                ("b", "True", ""),
                ("i", "2", ""),
                ("i", "42", ""),
                ("f", "-0.0", ""),
            ],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "ab %*.*xx%5.2eab %0-*.5%",
            &[
                ("i", "1", ""),
                ("i", "0", ""),
                ("f", "inf", ""),
                ("b", "False", ""),
                ("i", "-8", ""),
            ],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "%-10.*o%#00.0d",
            &[
                ("i", "6", ""),
                ("i", "100000000000000000000", ""),
                ("b", "False", ""),
            ],
            "126570727426543040000000",
        ),
        ("%# 0F", &[("f", "0.0", "")], " 0.000000"),
        ("|%-10E", &[("f", "nan", "")], "|NAN       "),
        (
            "ab %0X%.0F",
            &[("s", "", "''"), ("i", "-42", "")],
            "!TypeError: %X format: an integer is required, not str",
        ),
        ("% 05g", &[("f", "2.675", "")], " 2.675"),
        (
            "|%5.*sx%+#10.*a",
            &[
                ("i", "3", ""),
                ("f", "0.5", ""),
                ("i", "1", ""),
                ("i", "-42", ""),
            ],
            "|  0.5x         -",
        ),
        (
            "%0#10.0f|%+-*.0Eab %-#5.5r",
            &[
                ("s", "it's", "\"it's\""),
                ("i", "2", ""),
                ("f", "-1234.5678", ""),
                ("i", "0", ""),
            ],
            "!TypeError: must be real number, not str",
        ),
        (
            "|%0-0ix%#5.0x|%10.*a",
            &[
                ("f", "1e-07", ""),
                ("i", "-100000000000000000000", ""),
                ("i", "6", ""),
                ("i", "1", ""),
            ],
            "|0x-0x56bc75e2d63100000|         1",
        ),
        (
            "%*.0F",
            &[("i", "-6", ""), ("i", "0", ""), ("i", "1", "")],
            "!TypeError: not all arguments converted during string formatting",
        ),
        (
            "ab %*.*xx% #.*e",
            &[
                ("i", "3", ""),
                ("i", "3", ""),
                ("f", "2.675", ""),
                ("i", "2", ""),
                ("s", "abc", "'abc'"),
            ],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "% 0rx%0.2i",
            &[("f", "1e+20", ""), ("f", "0.0", "")],
            "1e+20x00",
        ),
        (
            "x%*f% -10.*X|%5.*G",
            &[
                ("i", "0", ""),
                ("s", "it's", "\"it's\""),
                ("i", "3", ""),
                ("f", "-1234.5678", ""),
                ("i", "0", ""),
                ("s", "abc", "'abc'"),
            ],
            "!TypeError: must be real number, not str",
        ),
        (
            "ab %#+5d|%.*o",
            &[
                ("i", "100000000000000000000", ""),
                ("i", "1", ""),
                ("f", "inf", ""),
            ],
            "!TypeError: %o format: an integer is required, not float",
        ),
        (
            "ab %+-.5rab %-*.0Fab %+010F",
            &[
                ("f", "-0.0", ""),
                ("i", "5", ""),
                ("f", "0.5", ""),
                ("b", "False", ""),
            ],
            "ab -0.0ab 0    ab +00.000000",
        ),
        ("%#-E", &[("i", "255", "")], "2.550000E+02"),
        (
            "ab %-*cab %10fx%010.2F",
            &[
                ("i", "8", ""),
                ("s", "", "''"),
                ("f", "1e+20", ""),
                ("i", "-100000000000000000000", ""),
            ],
            "!TypeError: %c requires int or char",
        ),
        (
            "%0o|%-#.2a|%5g",
            &[("f", "1e+20", ""), ("i", "0", ""), ("f", "nan", "")],
            "!TypeError: %o format: an integer is required, not float",
        ),
        (
            "ab %#10i",
            &[("f", "inf", ""), ("i", "1", "")],
            "!OverflowError: cannot convert float infinity to integer",
        ),
        (
            "ab %+10.0gab % 10s%+0e",
            &[("f", "inf", ""), ("i", "-42", ""), ("f", "0.5", "")],
            "ab       +infab        -42+5.000000e-01",
        ),
        (
            "x% -10.2xx%*.*E%0.5i",
            &[
                ("s", "it's", "\"it's\""),
                ("i", "6", ""),
                ("i", "6", ""),
                ("i", "-100000000000000000000", ""),
                ("f", "inf", ""),
            ],
            "!TypeError: %x format: an integer is required, not str",
        ),
        (
            "%+10.0fab %5s",
            &[("f", "1e+20", ""), ("i", "0", "")],
            "+100000000000000000000ab     0",
        ),
        (
            "|%#.*ox%-10.*i%.2u",
            &[
                ("i", "6", ""),
                ("b", "False", ""),
                ("i", "3", ""),
                ("i", "-1", ""),
                ("f", "2.675", ""),
            ],
            "|0o000000x-001      02",
        ),
        (
            "ab %# .5uab %5.5E",
            &[("f", "nan", ""), ("f", "nan", "")],
            "!ValueError: cannot convert float NaN to integer",
        ),
        (
            "|%-+.5e|%5.0Eab % u",
            &[
                ("i", "255", ""),
                ("f", "-1234.5678", ""),
                ("s", "it's", "\"it's\""),
            ],
            "!TypeError: %u format: a real number is required, not str",
        ),
        (
            "%+-*o%# *.2c",
            &[
                ("i", "3", ""),
                ("f", "1e-07", ""),
                ("i", "7", ""),
                ("i", "42", ""),
            ],
            "!TypeError: %o format: an integer is required, not float",
        ),
        (
            "x%+0.*%%5.5r|%.*u",
            &[
                ("i", "0", ""),
                ("i", "0", ""),
                ("i", "3", ""),
                ("f", "0.5", ""),
            ],
            "!ValueError: unsupported format character '%' (0x25) at index 6",
        ),
        (
            "ab %-010%",
            &[],
            "!TypeError: not enough arguments for format string",
        ),
        (
            "|%0E|% 0.2o",
            &[("f", "-1234.5678", ""), ("f", "0.5", "")],
            "!TypeError: %o format: an integer is required, not float",
        ),
        (
            "ab %-#5gx%*a% 0*.*E",
            &[
                ("i", "100000000000000000000", ""),
                ("i", "0", ""),
                ("b", "True", ""),
                ("i", "-3", ""),
                ("i", "0", ""),
                ("i", "42", ""),
            ],
            "ab 1.00000e+20xTrue 4E+01",
        ),
        (
            "ab %10o%#*.*ax%*.5%",
            &[
                ("f", "-1234.5678", ""),
                ("i", "2", ""),
                ("i", "2", ""),
                ("f", "inf", ""),
                ("i", "7", ""),
            ],
            "!TypeError: %o format: an integer is required, not float",
        ),
        (
            "ab %- 5.*E|%0o",
            &[("i", "4", ""), ("f", "-0.0", ""), ("s", "it's", "\"it's\"")],
            "!TypeError: %o format: an integer is required, not str",
        ),
        (
            "% 0*%|%10u%0 0a",
            &[
                ("i", "3", ""),
                ("s", "h\u{e9}llo", "'h\u{e9}llo'"),
                ("i", "42", ""),
            ],
            "!ValueError: unsupported format character '%' (0x25) at index 4",
        ),
        ("ab %*.5G", &[("i", "3", ""), ("f", "inf", "")], "ab INF"),
        (
            "% .*X",
            &[("i", "5", ""), ("s", "abc", "'abc'")],
            "!TypeError: %X format: an integer is required, not str",
        ),
        (
            "ab %#5.*x",
            &[("i", "5", ""), ("i", "-1", "")],
            "ab -0x00001",
        ),
        (
            "|%0.2%%-5r",
            &[("s", "h\u{e9}llo", "'h\u{e9}llo'")],
            "!ValueError: unsupported format character '%' (0x25) at index 5",
        ),
        (
            "ab %*F",
            &[("i", "4", ""), ("s", "h\u{e9}llo", "'h\u{e9}llo'")],
            "!TypeError: must be real number, not str",
        ),
        (
            "x%00.2c",
            &[("f", "0.0", "")],
            "!TypeError: %c requires int or char",
        ),
        (
            "ab %- .0x",
            &[("f", "inf", "")],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "|%5g%+#0.*r",
            &[("f", "0.0", ""), ("i", "2", ""), ("f", "-1234.5678", "")],
            "|    0-1",
        ),
        (
            "x%+ .2dx%010G|%-0*i",
            &[
                ("f", "-1234.5678", ""),
                ("f", "0.0", ""),
                ("i", "5", ""),
                ("f", "0.0", ""),
            ],
            "x-1234x0000000000|0    ",
        ),
        ("x% *d", &[("i", "8", ""), ("i", "42", "")], "x      42"),
        (
            "|%0.2fab %10.*e%*.*x",
            &[
                ("b", "False", ""),
                ("i", "1", ""),
                ("f", "0.0", ""),
                ("i", "7", ""),
                ("i", "5", ""),
                ("i", "-1", ""),
            ],
            "|0.00ab    0.0e+00 -00001",
        ),
        (
            "x%0#5.2x%#+.2e%+*f",
            &[
                ("f", "1e-07", ""),
                ("i", "-100000000000000000000", ""),
                ("i", "3", ""),
                ("f", "-1234.5678", ""),
            ],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "ab %0*.0sx%5.2x",
            &[("i", "4", ""), ("b", "True", ""), ("s", "", "''")],
            "!TypeError: %x format: an integer is required, not str",
        ),
        ("%10.2u", &[("i", "0", "")], "        00"),
        ("|%0.2r", &[("i", "255", "")], "|25"),
        (
            "%#.*cab %#0Xab % 5.*s",
            &[
                ("i", "1", ""),
                ("i", "-42", ""),
                ("i", "1", ""),
                ("i", "2", ""),
                ("i", "-42", ""),
            ],
            "!OverflowError: %c arg not in range(0x110000)",
        ),
        ("|%#0.2f", &[("f", "1e-07", "")], "|0.00"),
        ("|% *.5s", &[("i", "-6", ""), ("f", "1e+20", "")], "|1e+20 "),
        ("|%010.2f", &[("b", "False", "")], "|0000000.00"),
        (
            "|%00dab % -*xab %*.*e",
            &[
                ("i", "100000000000000000000", ""),
                ("i", "1", ""),
                ("f", "1e-07", ""),
                ("i", "-1", ""),
                ("i", "2", ""),
                ("i", "0", ""),
                ("i", "1", ""),
            ],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "%d|%0+5.0f",
            &[("b", "False", ""), ("i", "-1", ""), ("i", "1", "")],
            "!TypeError: not all arguments converted during string formatting",
        ),
        (
            "x% #*.5u",
            &[("i", "-1", ""), ("f", "1e+20", "")],
            "x 100000000000000000000",
        ),
        (
            "%#*e%.2d|%+c",
            &[
                ("i", "1", ""),
                ("i", "0", ""),
                ("f", "-1234.5678", ""),
                ("f", "inf", ""),
            ],
            "!TypeError: %c requires int or char",
        ),
        ("|%-.5G", &[("i", "1", "")], "|1"),
        (
            "x%+0.2%% 5.2ux%.2o",
            &[("f", "0.5", ""), ("i", "0", "")],
            "!ValueError: unsupported format character '%' (0x25) at index 6",
        ),
        (
            "x%.5o|%10.0o|%- *.0r",
            &[
                ("i", "1", ""),
                ("b", "False", ""),
                ("i", "0", ""),
                ("f", "inf", ""),
            ],
            "x00001|         0|",
        ),
        (
            "% 5.0s%*.0X",
            &[("i", "255", ""), ("i", "-6", ""), ("i", "42", "")],
            "     2A    ",
        ),
        (
            "x%10s%+-0.5s|%0.5d",
            &[("f", "2.675", ""), ("b", "True", ""), ("s", "abc", "'abc'")],
            "!TypeError: %d format: a real number is required, not str",
        ),
        (
            "%+05e%-00a|%5.*X",
            &[
                ("i", "100000000000000000000", ""),
                ("f", "-0.0", ""),
                ("i", "2", ""),
                ("i", "100000000000000000000", ""),
            ],
            "+1.000000e+20-0.0|56BC75E2D63100000",
        ),
        (
            "x% -5.0d|% #10.2F",
            &[("f", "inf", ""), ("f", "inf", "")],
            "!OverflowError: cannot convert float infinity to integer",
        ),
        (
            "x%+#10.5i|%#0.2ox%*.*c",
            &[
                ("f", "inf", ""),
                ("b", "False", ""),
                ("i", "8", ""),
                ("i", "5", ""),
                ("b", "True", ""),
            ],
            "!OverflowError: cannot convert float infinity to integer",
        ),
        (
            "ab %#+5.*a|%+*.0Gab %5.*u",
            &[
                ("i", "6", ""),
                ("i", "42", ""),
                ("i", "4", ""),
                ("b", "False", ""),
                ("i", "4", ""),
                ("f", "inf", ""),
            ],
            "!OverflowError: cannot convert float infinity to integer",
        ),
        (
            "%0.2Ex%# .0e",
            &[("f", "-1234.5678", ""), ("f", "inf", "")],
            "-1.23E+03x inf",
        ),
        (
            "%d items, %.2f, %s, %r, %5s, %-5s, %x, %%",
            &[
                ("i", "3", ""),
                ("f", "2.675", ""),
                ("s", "a b", "'a b'"),
                ("s", "q", "'q'"),
                ("s", "xy", "'xy'"),
                ("s", "z", "'z'"),
                ("i", "255", ""),
            ],
            "3 items, 2.67, a b, 'q',    xy, z    , ff, %",
        ),
        (
            "%5d|%-5d|%05d|%+d|% d",
            &[
                ("i", "42", ""),
                ("i", "42", ""),
                ("i", "42", ""),
                ("i", "42", ""),
                ("i", "42", ""),
            ],
            "   42|42   |00042|+42| 42",
        ),
        (
            "%x %X %o %#x %#X %#o %08x %#08x",
            &[
                ("i", "255", ""),
                ("i", "255", ""),
                ("i", "8", ""),
                ("i", "255", ""),
                ("i", "255", ""),
                ("i", "8", ""),
                ("i", "255", ""),
                ("i", "255", ""),
            ],
            "ff FF 10 0xff 0XFF 0o10 000000ff 0x0000ff",
        ),
        (
            "%e %E %g %G %.3e %10.4f %-10.2f| %+.1f",
            &[
                ("f", "12345.678", ""),
                ("f", "0.00012", ""),
                ("f", "1e-05", ""),
                ("f", "1e+20", ""),
                ("f", "3.14159", ""),
                ("f", "2.5", ""),
                ("f", "2.5", ""),
                ("f", "-0.05", ""),
            ],
            "1.234568e+04 1.200000E-04 1e-05 1E+20 3.142e+00     2.5000 2.50      | -0.1",
        ),
        (
            "%s %s",
            &[("i", "1", "")],
            "!TypeError: not enough arguments for format string",
        ),
        (
            "%s",
            &[("i", "1", ""), ("i", "2", "")],
            "!TypeError: not all arguments converted during string formatting",
        ),
        (
            "%d",
            &[("s", "x", "'x'")],
            "!TypeError: %d format: a real number is required, not str",
        ),
        (
            "%x",
            &[("f", "3.0", "")],
            "!TypeError: %x format: an integer is required, not float",
        ),
        (
            "%d %i %u",
            &[("f", "3.9", ""), ("f", "-3.9", ""), ("i", "7", "")],
            "3 -3 7",
        ),
        ("%c%c", &[("i", "65", ""), ("s", "b", "'b'")], "Ab"),
        (
            "%c",
            &[("i", "1114112", "")],
            "!OverflowError: %c arg not in range(0x110000)",
        ),
        (
            "%.2s|%5.1s|",
            &[("s", "hello", "'hello'"), ("s", "world", "'world'")],
            "he|    w|",
        ),
        (
            "%*d|%-*d|%.*f",
            &[
                ("i", "5", ""),
                ("i", "1", ""),
                ("i", "4", ""),
                ("i", "2", ""),
                ("i", "2", ""),
                ("f", "3.14159", ""),
            ],
            "    1|2   |3.14",
        ),
        (
            "%r %a",
            &[("s", "\u{e9}", "'\u{e9}'"), ("s", "\u{e9}", "'\u{e9}'")],
            "'\u{e9}' '\\xe9'",
        ),
        (
            "%z",
            &[("i", "1", "")],
            "!ValueError: unsupported format character 'z' (0x7a) at index 1",
        ),
        ("abc%", &[], "!ValueError: incomplete format"),
        (
            "%(x)s",
            &[("i", "1", "")],
            "!TypeError: format requires a mapping",
        ),
        ("%s", &[("s", "", "''")], ""),
        (
            "%5%",
            &[],
            "!TypeError: not enough arguments for format string",
        ),
        ("%f %F", &[("f", "inf", ""), ("f", "nan", "")], "inf NAN"),
        (
            "%010.2f|%-010.2f|%+010.2f",
            &[
                ("f", "-3.14159", ""),
                ("f", "-3.14159", ""),
                ("f", "3.14159", ""),
            ],
            "-000003.14|-3.14     |+000003.14",
        ),
        (
            "%#.0f %#g %#.3g",
            &[("f", "3.0", ""), ("f", "1.0", ""), ("f", "1.0", "")],
            "3. 1.00000 1.00",
        ),
        (
            "%.0f %.0f %.0f",
            &[("f", "0.5", ""), ("f", "1.5", ""), ("f", "2.5", "")],
            "0 2 2",
        ),
        ("%05s", &[("s", "ab", "'ab'")], "   ab"),
        ("%3c", &[("i", "97", "")], "  a"),
        ("%+s", &[("s", "x", "'x'")], "x"),
        (
            "%.3d|%5.3d|%-+6.3d",
            &[("i", "5", ""), ("i", "-5", ""), ("i", "5", "")],
            "005| -005|+005  ",
        ),
        (
            "%#5x|%#-8o",
            &[("i", "10", ""), ("i", "8", "")],
            "  0xa|0o10    ",
        ),
        (
            "%g %g %g",
            &[
                ("f", "100000.0", ""),
                ("f", "1000000.0", ""),
                ("f", "0.0001", ""),
            ],
            "100000 1e+06 0.0001",
        ),
    ];
}
