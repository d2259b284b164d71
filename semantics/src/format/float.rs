//! Float text exact to CPython's `PyOS_double_to_string`: fixed, exponent and general
//! notation.

use crate::number::{float_repr_into, float_shortest_digits, push_ascii, push_exponent};

/// `x` (finite) in fixed notation with `precision` fractional digits, correctly rounded
/// half to even on the exact binary value (`-` kept for negative values and `-0.0`), as
/// both Rust's `{:.*}` and CPython's `'%.*f'` spell it.
pub(super) fn fixed_notation(x: f64, precision: usize) -> String {
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
pub(super) fn float_body(
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
