//! `complex` as CPython 3.11's `complexobject.c`: arithmetic (its division and power
//! algorithms, so results agree to the last bit), `abs`, hashing, `repr`, `format` and the
//! string parser of `complex()`.

use crate::error::{LibError, LibResult};
use crate::format::{format_float, FormatSpec};
use crate::hash::float_hash;
use crate::number::{float_repr, parse_float};

/// A complex number: real and imaginary parts.
pub type C = (f64, f64);

/// `a + b`.
pub fn add(a: C, b: C) -> C {
    (a.0 + b.0, a.1 + b.1)
}

/// `a - b`.
pub fn sub(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

/// `a * b`.
pub fn mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` for division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one part of the divisor is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// `a / b`.
pub fn div(a: C, b: C) -> LibResult<C> {
    quot(a, b).ok_or_else(|| LibError::zero_division("complex division by zero"))
}

fn powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// `a ** b` (`complex_pow`): repeated squaring for small integral exponents, polar form
/// otherwise.
pub fn pow(a: C, b: C) -> LibResult<C> {
    let zero_err = || LibError::zero_division("0.0 to a negative or complex power");
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            powu(a, n)
        } else {
            quot((1.0, 0.0), powu(a, -n)).ok_or_else(zero_err)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_err());
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        // The cosine of an infinite phase is a domain error (EDOM), which CPython reports
        // as this ZeroDivisionError.
        if phase.is_infinite() {
            return Err(zero_err());
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(LibError::overflow("complex exponentiation"));
    }
    Ok(r)
}

/// `abs(z)`.
pub fn abs(z: C) -> LibResult<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        // C99: an infinite part gives infinity even when the other is a NaN.
        if z.0.is_infinite() || z.1.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(LibError::overflow("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: the real part's hash plus 1000003 times the imaginary part's.
pub fn hash(z: C) -> i64 {
    let h = (float_hash(z.0) as u64).wrapping_add((float_hash(z.1) as u64).wrapping_mul(1000003))
        as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A part in `repr` style without a forced `.0` (`1`, `1.5`, `1e+16`, `nan`).
fn part_repr(x: f64) -> String {
    let r = float_repr(x);
    match r.strip_suffix(".0") {
        Some(s) => s.to_string(),
        None => r,
    }
}

/// `repr(z)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr(z: C) -> String {
    if z.0 == 0.0 && z.0.is_sign_positive() {
        return format!("{}j", part_repr(z.1));
    }
    let im = part_repr(z.1);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part_repr(z.0))
}

/// `format(z, spec)`.
pub fn format(z: C, spec: &FormatSpec) -> LibResult<String> {
    // The type is checked before the flags, as CPython does.
    match spec.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(k) => {
            return Err(LibError::value(format!(
                "Unknown format code '{k}' for object of type '{}'",
                spec.type_name
            )))
        }
    }
    if spec.zero_pad {
        return Err(LibError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(LibError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut skip_re = false;
    let mut add_parens = false;
    if spec.kind.is_none() {
        if z.0 == 0.0 && z.0.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    // Without a type, a precision makes the parts `g`-formatted; without either they print
    // like `repr`.
    let repr_style = spec.kind.is_none() && spec.precision.is_none();
    let kind = match spec.kind {
        None if spec.precision.is_some() => Some('g'),
        k => k,
    };
    let part_spec = |sign: Option<char>| FormatSpec {
        fill: None,
        align: None,
        sign,
        no_neg_zero: spec.no_neg_zero,
        alternate: spec.alternate && !repr_style,
        zero_pad: false,
        width: None,
        grouping: spec.grouping,
        precision: spec.precision,
        kind,
        type_name: spec.type_name.clone(),
    };
    // `repr` style has no forced `.0`; the alternate form keeps the point (`3.`, `1.e+16`).
    let strip = |s: String| -> String {
        if !repr_style {
            return s;
        }
        let t = s.strip_suffix(".0").map_or(s.clone(), str::to_string);
        if !spec.alternate || t.contains('.') || !t.ends_with(|c: char| c.is_ascii_digit()) {
            return t;
        }
        match t.find('e') {
            Some(i) => format!("{}.{}", &t[..i], &t[i..]),
            None => format!("{t}."),
        }
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&strip(format_float(z.0, &part_spec(spec.sign))?));
    }
    let im_sign = if skip_re { spec.sign } else { Some('+') };
    body.push_str(&strip(format_float(z.1, &part_spec(im_sign))?));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return Ok(body);
    }
    let pad = width - len;
    let fill = spec.fill.unwrap_or(' ');
    let (left, right) = match spec.align.unwrap_or('>') {
        '<' => (0, pad),
        '^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut out = String::with_capacity(body.len() + pad * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// The longest prefix of `s` that reads as a float (`PyOS_string_to_double` with an end
/// pointer): its value and length, or `None` when no prefix does.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    let special = if lower.starts_with(b"infinity") {
        Some(8)
    } else if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        Some(3)
    } else {
        None
    };
    let end = if let Some(n) = special {
        i + n
    } else {
        let start = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let mut digits = i - start;
        if s.get(i) == Some(&b'.') {
            i += 1;
            let frac = i;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            digits += i - frac;
        }
        if digits == 0 {
            return None;
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let exp_start = j;
            while s.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j > exp_start {
                i = j;
            }
        }
        i
    };
    let text = std::str::from_utf8(&s[..end]).ok()?;
    parse_float(text).ok().map(|v| (v, end))
}

/// `complex(s)` for a str: `1`, `2j`, `1+2j`, `(1-2j)`, `j`, `-j`, `1+j`, with surrounding
/// whitespace and underscores between digits.
pub fn parse(text: &str) -> LibResult<C> {
    let malformed = || LibError::value("complex() arg is a malformed string");
    let trimmed: String = text.to_string();
    // Underscores are only allowed between digits; they are dropped before parsing.
    let bytes = trimmed.as_bytes();
    let mut clean = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(prev_digit && next_digit) {
                return Err(LibError::value(format!(
                    "could not convert string to complex: {}",
                    crate::text::str_repr(text)
                )));
            }
            continue;
        }
        if !b.is_ascii() {
            return Err(malformed());
        }
        clean.push(b);
    }
    let s = &clean[..];
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut got_bracket = false;
    if s.get(i) == Some(&b'(') {
        got_bracket = true;
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(s.get(i), Some(b'+' | b'-')) {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((v, m)) => {
                        y = v;
                        i += m;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(s.get(i)) {
                    return Err(malformed());
                }
                i += 1;
            } else if is_j(s.get(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(s.get(i), Some(b'+' | b'-')) {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(s.get(i)) {
                return Err(malformed());
            }
            i += 1;
        }
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if got_bracket {
        if s.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    if i != s.len() {
        return Err(malformed());
    }
    Ok((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_follow_cpython() {
        assert_eq!(repr((0.0, 1.0)), "1j");
        assert_eq!(repr((1.0, 2.0)), "(1+2j)");
        assert_eq!(repr((-0.0, -1.0)), "(-0-1j)");
        assert_eq!(repr((f64::NAN, f64::INFINITY)), "(nan+infj)");
        assert_eq!(repr((1e16, 1e-5)), "(1e+16+1e-05j)");
    }

    #[test]
    fn strings_parse_as_cpython() {
        assert_eq!(parse("1+2j").ok(), Some((1.0, 2.0)));
        assert_eq!(parse(" ( -j ) ").ok(), Some((0.0, -1.0)));
        assert_eq!(parse("1e3-J").ok(), Some((1000.0, -1.0)));
        assert_eq!(parse("1_0j").ok(), Some((0.0, 10.0)));
        assert!(parse("1+").is_err());
        assert!(parse("(1+2j").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn hashes_and_division() {
        assert_eq!(hash((1.0, 2.0)), 2000007);
        assert_eq!(hash((-1.0, 0.0)), -2);
        assert!(div((1.0, 0.0), (0.0, 0.0)).is_err());
        assert_eq!(div((1.0, 0.0), (0.0, 1.0)).ok(), Some((0.0, -1.0)));
    }
}
