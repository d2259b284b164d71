//! Float text: `repr`, parsing, `float.hex` and `float.fromhex`.

use num_bigint::BigInt;
use num_traits::One;

use super::{int_to_f64, int_true_div};
use crate::error::{LibError, LibResult};
use crate::text::str_repr;

/// The shortest decimal digits that round-trip to `x` (finite, non-zero or zero), as ASCII
/// digits without leading or trailing zeros, and the decimal point position `decpt`: the
/// value is `0.d1d2d3... * 10**decpt`. Zero gives `("0", 1)`. The sign is ignored.
pub fn float_shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let (buf, len, decpt) = shortest_digits_stack(x);
    (buf[..len].to_vec(), decpt)
}

/// [`float_shortest_digits`] without allocating: the digits are `buf[..len]`.
fn shortest_digits_stack(x: f64) -> ([u8; 24], usize, i32) {
    let mut digits = [0u8; 24];
    if x == 0.0 || !x.is_finite() {
        digits[0] = b'0';
        return (digits, 1, 1);
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs()).as_bytes();
    // ryu writes `ddd.ddd` or `d.ddde[-]xx`/`de[-]xx`: at most 17 significant digits.
    let mut len = 0;
    let mut int_len: i32 = 0;
    let mut seen_point = false;
    let mut exp10: i32 = 0;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'.' => seen_point = true,
            c @ b'0'..=b'9' => {
                if len < digits.len() {
                    digits[len] = c;
                    len += 1;
                }
                if !seen_point {
                    int_len += 1;
                }
            }
            b'e' | b'E' => {
                let (negative, start) = match text.get(i + 1) {
                    Some(b'-') => (true, i + 2),
                    Some(b'+') => (false, i + 2),
                    _ => (false, i + 1),
                };
                for &d in &text[start..] {
                    exp10 = exp10 * 10 + (d.wrapping_sub(b'0') as i32 % 10);
                }
                if negative {
                    exp10 = -exp10;
                }
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let leading = digits[..len].iter().take_while(|&&c| c == b'0').count();
    if leading == len {
        digits[0] = b'0';
        return (digits, 1, 1);
    }
    digits.copy_within(leading..len, 0);
    len -= leading;
    while len > 1 && digits[len - 1] == b'0' {
        len -= 1;
    }
    (digits, len, int_len - leading as i32 + exp10)
}

/// CPython's `repr(float)` (and `str(float)`).
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    float_repr_into(x, &mut out);
    out
}

/// [`float_repr`] appending to `out`.
pub fn float_repr_into(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "inf" } else { "-inf" });
        return;
    }
    // ryu writes positional notation for decimal point positions -4 < decpt <= 16 with the
    // same spelling as CPython (`0.001`, `100.0`, `-2.5`), which uses it for -4 < decpt
    // <= 16 as well except for decpt == -4 (`0.0000123`, which CPython writes `1.23e-05`).
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x);
    if !text.contains('e') && !text.trim_start_matches('-').starts_with("0.0000") {
        out.push_str(text);
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let (digits, len, decpt) = shortest_digits_stack(x);
    layout_repr(&digits[..len], decpt, out);
}

/// Lays out shortest digits as CPython's 'r' format code does: exponent form when the
/// decimal exponent is < -4 or >= 16, else positional with at least one fractional digit.
fn layout_repr(digits: &[u8], decpt: i32, out: &mut String) {
    if decpt <= -4 || decpt > 16 {
        push_ascii(out, &digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            push_ascii(out, &digits[1..]);
        }
        push_exponent(out, decpt - 1, b'e');
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        push_ascii(out, digits);
    } else {
        let point = decpt as usize;
        if digits.len() > point {
            push_ascii(out, &digits[..point]);
            out.push('.');
            push_ascii(out, &digits[point..]);
        } else {
            push_ascii(out, digits);
            for _ in digits.len()..point {
                out.push('0');
            }
            out.push_str(".0");
        }
    }
}

pub(crate) fn push_ascii(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        out.push(b as char);
    }
}

/// Appends `e+05`-style exponent: sign always, at least two digits.
pub(crate) fn push_exponent(out: &mut String, exp: i32, letter: u8) {
    out.push(letter as char);
    out.push(if exp < 0 { '-' } else { '+' });
    let magnitude = exp.unsigned_abs();
    if magnitude < 10 {
        out.push('0');
    }
    out.push_str(&magnitude.to_string());
}

/// Python's whitespace (`str.isspace`), used when stripping numeric literals.
fn is_py_space(c: char) -> bool {
    crate::text::is_space_char(c)
}

/// C's `isspace` in the "C" locale, which CPython strips around numeric literals.
pub(super) fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// Replaces non-ASCII decimal digits and whitespace by their ASCII equivalents as CPython
/// does before parsing numbers; returns `None` if nothing needed changing.
pub(super) fn to_ascii_numeric(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_py_space(c) {
            out.push(' ');
        } else if let Some(d) = crate::text::decimal_value(c) {
            out.push((b'0' + d as u8) as char);
        } else {
            // Keep a character that can never be valid so parsing fails as it should.
            out.push('?');
        }
    }
    Some(out)
}

/// `float(s)` for a str argument.
pub fn parse_float(s: &str) -> LibResult<f64> {
    let converted = to_ascii_numeric(s);
    let text = converted.as_deref().unwrap_or(s);
    parse_float_ascii(text.trim_matches(is_c_space)).ok_or_else(|| {
        LibError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

/// Parses a stripped ASCII float literal with Python's grammar (underscores only between
/// digits), correctly rounded.
fn parse_float_ascii(t: &str) -> Option<f64> {
    let bytes = t.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    // Validate: digitpart? ('.' digitpart?)? (e sign? digitpart)?, with at least one digit in
    // the mantissa; a digitpart is digits separated by single underscores.
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len() + 1);
    if negative {
        clean.push('-');
    }
    let mut i = 0;
    let digitpart = |i: &mut usize, clean: &mut String| -> Option<usize> {
        let start = *i;
        let mut count = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                count += 1;
                *i += 1;
            } else if c == b'_'
                && *i > start
                && b[*i - 1].is_ascii_digit()
                && *i + 1 < b.len()
                && b[*i + 1].is_ascii_digit()
            {
                *i += 1;
            } else {
                break;
            }
        }
        Some(count)
    };
    let int_digits = digitpart(&mut i, &mut clean)?;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_digits = digitpart(&mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            clean.push(b[i] as char);
            i += 1;
        }
        if digitpart(&mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // Normal numbers are 1.frac * 2**e; subnormals 0.frac * 2**-1022, as CPython prints them.
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{lead}.{frac:013x}p{exp_sign}{}",
        exp.unsigned_abs()
    )
}

/// `float.fromhex(s)`: correctly rounded (half to even).
pub fn float_fromhex(s: &str) -> LibResult<f64> {
    let invalid = || LibError::value("invalid hexadecimal floating-point string");
    let text = s.trim_matches(is_c_space);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |v: f64| if negative { -v } else { v };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(signed(f64::NAN)),
        _ => {}
    }
    let body = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .unwrap_or(body);
    let (mantissa, exponent) = match body.find(['p', 'P']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let hex_digits = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !hex_digits(int_part) || !hex_digits(frac_part) {
        return Err(invalid());
    }
    let mut exp2: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Saturate: anything this large overflows or underflows regardless.
            let magnitude = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(1 << 40);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let all_digits: String = [int_part, frac_part].concat();
    let trimmed = all_digits.trim_start_matches('0');
    if trimmed.is_empty() {
        return Ok(signed(0.0));
    }
    let value = BigInt::parse_bytes(trimmed.as_bytes(), 16).ok_or_else(invalid)?;
    exp2 -= 4 * frac_part.len() as i64;
    let too_large = || LibError::overflow("hexadecimal value too large to represent as a float");
    let top = value.bits() as i64 + exp2;
    if top > 1025 {
        return Err(too_large());
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    let result = if exp2 >= 0 {
        int_to_f64(&(value << (exp2 as usize))).map_err(|_| too_large())?
    } else {
        int_true_div(&value, &(BigInt::one() << ((-exp2) as usize))).map_err(|_| too_large())?
    };
    if result.is_infinite() {
        return Err(too_large());
    }
    Ok(signed(result))
}
