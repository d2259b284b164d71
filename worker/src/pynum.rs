//! Python's number semantics as pure functions over `i64`, `f64` and `BigInt`.
//!
//! Every function mirrors what CPython 3.11 does, including the exact exception type and
//! message on failure ([`LibError`], shared with `pyfmt` and `pystr`).
//!
//! Contents:
//! - errors: [`LibError`], [`LibResult`], [`Num`] (an int-or-float result)
//! - float text: [`float_repr`], [`float_repr_into`], [`float_shortest_digits`], [`parse_float`]
//! - int text: [`parse_int`], [`int_to_string_radix`], [`i64_to_string_radix`], [`int_hex`],
//!   [`int_oct`], [`int_bin`], [`i64_hex`], [`i64_oct`], [`i64_bin`], [`INT_MAX_STR_DIGITS`],
//!   [`check_int_str_digits`]
//! - conversions: [`float_to_int`], [`float_to_i64`], [`float_floor_to_int`],
//!   [`float_ceil_to_int`], [`int_to_f64`], [`int_frexp`], [`int_float_cmp`],
//!   [`float_as_integer_ratio`], [`float_is_integer`]
//! - int arithmetic: [`floordiv_i64`], [`mod_i64`], [`divmod_i64`], [`floordiv_big`],
//!   [`mod_big`], [`divmod_big`], [`int_true_div`], [`int_true_div_i64`], [`int_pow`],
//!   [`pow_i64`], [`shift_left_big`], [`shift_right_big`]
//! - float arithmetic: [`float_div`], [`float_floordiv`], [`float_mod`], [`float_divmod`],
//!   [`float_pow`]
//! - rounding: [`round_f64_to_int`], [`round_f64`], [`round_int`]
//! - hashing: [`int_hash`], [`int_hash_i64`], [`float_hash`], [`tuple_hash`], [`HASH_MODULUS`]
//! - math: [`isqrt`], [`gcd`], [`lcm`], [`factorial`], [`math_log`], [`int_log`]

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::pyfmt::str_repr;

/// A Python exception raised by one of the library functions: the exception's type name
/// (`"ValueError"`) and its message, both exactly as CPython would produce them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibError {
    pub kind: &'static str,
    pub message: String,
}

/// The result type of every fallible library function.
pub type LibResult<T> = Result<T, LibError>;

impl LibError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> LibError {
        LibError {
            kind,
            message: message.into(),
        }
    }
    pub fn value(message: impl Into<String>) -> LibError {
        LibError::new("ValueError", message)
    }
    pub fn overflow(message: impl Into<String>) -> LibError {
        LibError::new("OverflowError", message)
    }
    pub fn zero_division(message: impl Into<String>) -> LibError {
        LibError::new("ZeroDivisionError", message)
    }
    pub fn type_error(message: impl Into<String>) -> LibError {
        LibError::new("TypeError", message)
    }
    pub fn index(message: impl Into<String>) -> LibError {
        LibError::new("IndexError", message)
    }
    pub fn memory() -> LibError {
        LibError::new("MemoryError", "")
    }
}

impl std::fmt::Display for LibError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for LibError {}

/// A numeric result that is an int or a float depending on the operands
/// (`2 ** -1`, `round(x)` versus `round(x, 1)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Int(BigInt),
    Float(f64),
}

fn int_div_zero() -> LibError {
    LibError::zero_division("integer division or modulo by zero")
}

// ---------------------------------------------------------------------------------------
// Float text
// ---------------------------------------------------------------------------------------

/// The shortest decimal digits that round-trip to `x` (finite, non-zero or zero), as ASCII
/// digits without leading or trailing zeros, and the decimal point position `decpt`: the
/// value is `0.d1d2d3... * 10**decpt`. Zero gives `("0", 1)`. The sign is ignored.
pub fn float_shortest_digits(x: f64) -> (Vec<u8>, i32) {
    if x == 0.0 || !x.is_finite() {
        return (vec![b'0'], 1);
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs()).as_bytes();
    let (mantissa, exp10) = match text.iter().position(|&c| c == b'e' || c == b'E') {
        Some(at) => {
            let exp = std::str::from_utf8(&text[at + 1..])
                .ok()
                .and_then(|e| e.parse::<i32>().ok())
                .unwrap_or(0);
            (&text[..at], exp)
        }
        None => (text, 0),
    };
    digits_and_point(mantissa, exp10)
}

/// Splits a decimal mantissa such as `123.450` (times `10**exp10`) into significant digits
/// and the position of the decimal point relative to the first of them.
fn digits_and_point(mantissa: &[u8], exp10: i32) -> (Vec<u8>, i32) {
    let mut digits = Vec::with_capacity(mantissa.len());
    let mut int_len: i32 = 0;
    let mut seen_point = false;
    for &c in mantissa {
        if c == b'.' {
            seen_point = true;
        } else if c.is_ascii_digit() {
            digits.push(c);
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
    (digits, int_len - leading as i32 + exp10)
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
    if x.is_sign_negative() {
        out.push('-');
    }
    let (digits, decpt) = float_shortest_digits(x);
    layout_repr(&digits, decpt, out);
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
    crate::pystr::is_space_char(c)
}

/// Replaces non-ASCII decimal digits and whitespace by their ASCII equivalents as CPython
/// does before parsing numbers; returns `None` if nothing needed changing.
fn to_ascii_numeric(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_py_space(c) {
            out.push(' ');
        } else if let Some(d) = crate::pystr::decimal_value(c) {
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
    parse_float_ascii(text.trim_matches(|c: char| c.is_ascii_whitespace())).ok_or_else(|| {
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

// ---------------------------------------------------------------------------------------
// Int text
// ---------------------------------------------------------------------------------------

/// CPython 3.11's default limit on the number of decimal digits converted between int and
/// str (`sys.get_int_max_str_digits()`); applies to bases that are not powers of two.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The check CPython 3.11 makes before `str(int)` of a value with more than
/// [`INT_MAX_STR_DIGITS`] decimal digits. `digits` is the length of the decimal string.
pub fn check_int_str_digits(digits: usize) -> LibResult<()> {
    if digits > INT_MAX_STR_DIGITS {
        Err(LibError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )))
    } else {
        Ok(())
    }
}

fn invalid_int_literal(s: &str, base: u32) -> LibError {
    // CPython formats the repr with `%.200R`: at most 200 characters of it.
    let repr = str_repr(s);
    let shown: String = repr.chars().take(200).collect();
    LibError::value(format!(
        "invalid literal for int() with base {base}: {shown}"
    ))
}

/// `int(s, base)` for a str argument; `base` is 0 or 2..=36.
pub fn parse_int(s: &str, base: u32) -> LibResult<BigInt> {
    if base == 1 || base > 36 {
        return Err(LibError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let converted = to_ascii_numeric(s);
    let text = converted.as_deref().unwrap_or(s);
    parse_int_ascii(text.trim_matches(|c: char| c.is_ascii_whitespace()), base)
        .ok_or_else(|| invalid_int_literal(s, base))?
}

fn parse_int_ascii(t: &str, base: u32) -> Option<LibResult<BigInt>> {
    let b = t.as_bytes();
    let (negative, mut rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let mut base = base;
    let mut after_prefix = false;
    if rest.len() >= 2 && rest[0] == b'0' {
        let prefix_base = match rest[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if prefix_base != 0 && (base == 0 || base == prefix_base) {
            base = prefix_base;
            rest = &rest[2..];
            after_prefix = true;
        }
    }
    let mut leading_zero_decimal = false;
    if base == 0 {
        base = 10;
        // Base 0 forbids leading zeros in a non-zero decimal literal.
        leading_zero_decimal = rest.first() == Some(&b'0');
    }
    // Digits with single underscores between them (and one allowed right after a prefix).
    let mut digits: Vec<u8> = Vec::with_capacity(rest.len());
    let mut prev_underscore = false;
    for (i, &c) in rest.iter().enumerate() {
        if c == b'_' {
            if prev_underscore || (i == 0 && !after_prefix) {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let v = (c as char).to_digit(36)?;
        if v >= base {
            return None;
        }
        digits.push(v as u8);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return None;
    }
    if leading_zero_decimal && digits.iter().any(|&d| d != 0) {
        return None;
    }
    if base & (base - 1) != 0 && digits.len() > INT_MAX_STR_DIGITS {
        return Some(Err(LibError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ))));
    }
    let magnitude = if digits.len() <= 12 {
        let mut v: i64 = 0;
        for &d in &digits {
            v = v * base as i64 + d as i64;
        }
        BigInt::from(v)
    } else {
        BigInt::from_radix_be(Sign::Plus, &digits, base)?
    };
    Some(Ok(if negative { -magnitude } else { magnitude }))
}

/// `n` written in `radix` (2..=36) with lowercase letters and a leading `-` if negative;
/// no prefix.
pub fn int_to_string_radix(n: &BigInt, radix: u32) -> String {
    match n.to_i64() {
        Some(small) => i64_to_string_radix(small, radix),
        None => n.to_str_radix(radix.clamp(2, 36)),
    }
}

/// [`int_to_string_radix`] for an `i64`, without allocation beyond the result.
pub fn i64_to_string_radix(n: i64, radix: u32) -> String {
    let radix = radix.clamp(2, 36) as u64;
    let mut buf = [0u8; 65];
    let mut pos = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        pos -= 1;
        let d = (m % radix) as u8;
        buf[pos] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
        m /= radix;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        pos -= 1;
        buf[pos] = b'-';
    }
    // The buffer holds only ASCII digits, letters and '-'.
    String::from_utf8_lossy(&buf[pos..]).into_owned()
}

fn prefixed(n_negative: bool, prefix: &str, magnitude: String) -> String {
    let mut out = String::with_capacity(magnitude.len() + 3);
    if n_negative {
        out.push('-');
    }
    out.push_str(prefix);
    out.push_str(magnitude.trim_start_matches('-'));
    out
}

/// `hex(n)`: `0x1f`, `-0x1f`.
pub fn int_hex(n: &BigInt) -> String {
    prefixed(n.is_negative(), "0x", int_to_string_radix(n, 16))
}
/// `oct(n)`: `0o17`, `-0o17`.
pub fn int_oct(n: &BigInt) -> String {
    prefixed(n.is_negative(), "0o", int_to_string_radix(n, 8))
}
/// `bin(n)`: `0b101`, `-0b101`.
pub fn int_bin(n: &BigInt) -> String {
    prefixed(n.is_negative(), "0b", int_to_string_radix(n, 2))
}
/// [`int_hex`] for an `i64`.
pub fn i64_hex(n: i64) -> String {
    prefixed(n < 0, "0x", i64_to_string_radix(n, 16))
}
/// [`int_oct`] for an `i64`.
pub fn i64_oct(n: i64) -> String {
    prefixed(n < 0, "0o", i64_to_string_radix(n, 8))
}
/// [`int_bin`] for an `i64`.
pub fn i64_bin(n: i64) -> String {
    prefixed(n < 0, "0b", i64_to_string_radix(n, 2))
}

// ---------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------

fn check_float_for_int(x: f64) -> LibResult<()> {
    if x.is_nan() {
        Err(LibError::value("cannot convert float NaN to integer"))
    } else if x.is_infinite() {
        Err(LibError::overflow(
            "cannot convert float infinity to integer",
        ))
    } else {
        Ok(())
    }
}

/// The exact integer value of a finite, integral float.
fn integral_float_to_big(x: f64) -> BigInt {
    if x.abs() < 9.2e18 {
        return BigInt::from(x as i64);
    }
    let (mantissa, exp) = float_decompose(x);
    let m = BigInt::from(mantissa);
    if exp >= 0 {
        m << (exp as usize)
    } else {
        m >> ((-exp) as usize)
    }
}

/// `x == mantissa * 2**exp` exactly, with `mantissa` an odd-or-zero signed integer < 2**53.
fn float_decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    if mantissa == 0 {
        return (0, 0);
    }
    let tz = mantissa.trailing_zeros();
    mantissa >>= tz;
    exp += tz as i32;
    let m = mantissa as i64;
    (if negative { -m } else { m }, exp)
}

/// `int(x)`: truncation toward zero.
pub fn float_to_int(x: f64) -> LibResult<BigInt> {
    check_float_for_int(x)?;
    Ok(integral_float_to_big(x.trunc()))
}

/// `int(x)` when the result fits an `i64` (`Ok(Some)`), `Ok(None)` when it needs a BigInt.
pub fn float_to_i64(x: f64) -> LibResult<Option<i64>> {
    check_float_for_int(x)?;
    let t = x.trunc();
    // 2**63 is exactly representable; every float strictly inside (-2**63-1, 2**63) fits.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        Ok(Some(t as i64))
    } else {
        Ok(None)
    }
}

/// `math.floor(x)`.
pub fn float_floor_to_int(x: f64) -> LibResult<BigInt> {
    check_float_for_int(x)?;
    Ok(integral_float_to_big(x.floor()))
}

/// `math.ceil(x)`.
pub fn float_ceil_to_int(x: f64) -> LibResult<BigInt> {
    check_float_for_int(x)?;
    Ok(integral_float_to_big(x.ceil()))
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `float.as_integer_ratio()`.
pub fn float_as_integer_ratio(x: f64) -> LibResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(LibError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(LibError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mantissa, exp) = float_decompose(x);
    let m = BigInt::from(mantissa);
    if exp >= 0 {
        Ok((m << (exp as usize), BigInt::one()))
    } else {
        Ok((m, BigInt::one() << ((-exp) as usize)))
    }
}

/// Multiplies `x` by `2**exp` exactly when the result is representable (`ldexp`).
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= f64::from_bits(((1023 + 1000) as u64) << 52);
        exp -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while exp < -1000 {
        // Scale in steps that keep the intermediate normal while the final step lands on
        // the (representable) result.
        if exp < -2000 && x.abs() < 1e-300 {
            return x * 0.0;
        }
        x *= f64::from_bits(((1023 - 1000) as u64) << 52);
        exp += 1000;
    }
    let step = f64::from_bits(((1023 + exp) as u64) << 52);
    x * step
}

/// Rounds `|n|`'s top bits to a 53-bit mantissa (half to even) and returns `(m, e)` with
/// `|n| ≈ m * 2**e`, `m < 2**53` (or `m == 2**53` after carry).
fn big_to_mantissa(n: &BigInt) -> (u64, i64) {
    let magnitude = n.magnitude();
    let bits = magnitude.bits();
    if bits <= 53 {
        return (magnitude.to_u64().unwrap_or(0), 0);
    }
    // Keep the top 55 bits (53 plus guard and round) and a sticky bit for the rest.
    let (top, shift, sticky) = if bits >= 55 {
        let shift = bits - 55;
        let top = (magnitude >> shift).to_u64().unwrap_or(0);
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        (top, shift as i64, sticky)
    } else {
        let up = 55 - bits;
        ((magnitude << up).to_u64().unwrap_or(0), -(up as i64), false)
    };
    let mut low = top | sticky as u64;
    // Keep 53 bits, round the last two away with half-to-even.
    let mask = 2u64;
    if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
        low += mask;
    }
    low &= !(2 * mask - 1);
    (low >> 2, shift + 2)
}

/// `float(n)`: correctly rounded (half to even); `OverflowError` if too large.
pub fn int_to_f64(n: &BigInt) -> LibResult<f64> {
    if let Some(small) = n.to_i64() {
        if small.unsigned_abs() <= 1u64 << 53 {
            return Ok(small as f64);
        }
    }
    let (m, e) = big_to_mantissa(n);
    if e + 64 - m.leading_zeros() as i64 > 1024 {
        return Err(LibError::overflow("int too large to convert to float"));
    }
    let v = ldexp(m as f64, e);
    if v.is_infinite() {
        return Err(LibError::overflow("int too large to convert to float"));
    }
    Ok(if n.is_negative() { -v } else { v })
}

/// `(m, e)` with `n == m * 2**e` approximately, `0.5 <= |m| < 1` (C's `frexp` for ints,
/// used by `math.log` of huge ints). Zero gives `(0.0, 0)`.
pub fn int_frexp(n: &BigInt) -> (f64, i64) {
    if n.is_zero() {
        return (0.0, 0);
    }
    let (m, e) = big_to_mantissa(n);
    let mbits = 64 - m.leading_zeros() as i64;
    let frac = m as f64 / (2f64).powi(mbits as i32);
    let frac = if n.is_negative() { -frac } else { frac };
    (frac, e + mbits)
}

/// Compares an int with a float exactly, as Python's `<`/`==` do. `None` if `f` is NaN.
pub fn int_float_cmp(n: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Some(small) = n.to_i64() {
        if small.unsigned_abs() <= 1u64 << 53 {
            return (small as f64).partial_cmp(&f);
        }
    }
    let floor = f.floor();
    let fi = integral_float_to_big(floor);
    match n.cmp(&fi) {
        Ordering::Equal if floor != f => Some(Ordering::Less),
        other => Some(other),
    }
}

// ---------------------------------------------------------------------------------------
// Int arithmetic
// ---------------------------------------------------------------------------------------

/// `a // b` for `i64`: `Err` on division by zero, `Ok(None)` if the result overflows `i64`
/// (only `i64::MIN // -1`).
pub fn floordiv_i64(a: i64, b: i64) -> LibResult<Option<i64>> {
    if b == 0 {
        return Err(int_div_zero());
    }
    Ok(a.checked_div(b).map(|q| {
        if (a % b != 0) && ((a < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    }))
}

fn int_mod_zero() -> LibError {
    LibError::zero_division("integer modulo by zero")
}

/// `a % b` for `i64`, with the sign of `b`.
pub fn mod_i64(a: i64, b: i64) -> LibResult<i64> {
    if b == 0 {
        return Err(int_mod_zero());
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// `divmod(a, b)` for `i64`; `Ok(None)` if the quotient overflows.
pub fn divmod_i64(a: i64, b: i64) -> LibResult<Option<(i64, i64)>> {
    if b == 0 {
        return Err(int_div_zero());
    }
    let q = floordiv_i64(a, b)?;
    let r = mod_i64(a, b)?;
    Ok(q.map(|q| (q, r)))
}

/// `a // b` for ints.
pub fn floordiv_big(a: &BigInt, b: &BigInt) -> LibResult<BigInt> {
    if b.is_zero() {
        return Err(int_div_zero());
    }
    Ok(a.div_floor(b))
}

/// `a % b` for ints.
pub fn mod_big(a: &BigInt, b: &BigInt) -> LibResult<BigInt> {
    if b.is_zero() {
        return Err(int_mod_zero());
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)` for ints.
pub fn divmod_big(a: &BigInt, b: &BigInt) -> LibResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(int_div_zero());
    }
    Ok(a.div_mod_floor(b))
}

/// `a / b` for `i64`s, correctly rounded.
pub fn int_true_div_i64(a: i64, b: i64) -> LibResult<f64> {
    if b == 0 {
        return Err(LibError::zero_division("division by zero"));
    }
    if a.unsigned_abs() <= 1u64 << 53 && b.unsigned_abs() <= 1u64 << 53 {
        return Ok(a as f64 / b as f64);
    }
    int_true_div(&BigInt::from(a), &BigInt::from(b))
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> LibResult<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    if b.is_zero() {
        return Err(LibError::zero_division("division by zero"));
    }
    let negate = a.is_negative() != b.is_negative();
    if a.is_zero() {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    let signed = |v: f64| if negate { -v } else { v };
    let (am, bm) = (a.magnitude(), b.magnitude());
    if am.bits() <= 53 && bm.bits() <= 53 {
        let (x, y) = (
            am.to_u64().unwrap_or(0) as f64,
            bm.to_u64().unwrap_or(1) as f64,
        );
        return Ok(signed(x / y));
    }
    let a_bits = am.bits() as i64;
    let b_bits = bm.bits() as i64;
    let diff = a_bits - b_bits;
    let too_large = || LibError::overflow("integer division result too large for a float");
    if diff > MAX_EXP {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        am << ((-shift) as usize)
    } else {
        let shifted = am >> (shift as usize);
        inexact = am.trailing_zeros().is_some_and(|tz| (tz as i64) < shift);
        shifted
    };
    let (q, r) = x.div_rem(bm);
    if !r.is_zero() {
        inexact = true;
    }
    let x_bits = q.bits() as i64;
    let extra_bits = x_bits.max(MIN_EXP - shift) - MANT_DIG;
    let mut low = q.to_u64().unwrap_or(0);
    let mask = 1u64 << (extra_bits - 1);
    if (low & mask) != 0 && ((low | inexact as u64) & (3 * mask - 1)) != 0 {
        low += mask;
    }
    low &= !(2 * mask - 1);
    let dx = low as f64;
    if shift + x_bits >= MAX_EXP && (shift + x_bits > MAX_EXP || dx == ldexp(1.0, x_bits)) {
        return Err(too_large());
    }
    Ok(signed(ldexp(dx, shift)))
}

/// `a ** b` for `i64`s when the exponent is non-negative and the result fits; `None`
/// otherwise (the caller falls back to [`int_pow`]).
pub fn pow_i64(a: i64, b: i64) -> Option<i64> {
    if b < 0 {
        return None;
    }
    let exp = u32::try_from(b).ok()?;
    a.checked_pow(exp)
}

/// `pow(base, exp)` and `pow(base, exp, modulus)` for ints. A negative exponent without a
/// modulus gives a float, as in Python.
pub fn int_pow(base: &BigInt, exp: &BigInt, modulus: Option<&BigInt>) -> LibResult<Num> {
    if let Some(m) = modulus {
        if m.is_zero() {
            return Err(LibError::value("pow() 3rd argument cannot be 0"));
        }
        let abs_m = m.abs();
        if abs_m.is_one() {
            return Ok(Num::Int(BigInt::zero()));
        }
        let (b, e) = if exp.is_negative() {
            let inverse = mod_inverse(&base.mod_floor(&abs_m), &abs_m)
                .ok_or_else(|| LibError::value("base is not invertible for the given modulus"))?;
            (inverse, -exp)
        } else {
            (base.mod_floor(&abs_m), exp.clone())
        };
        let r = b.modpow(&e, &abs_m);
        // Python's result takes the sign of the modulus.
        let r = if m.is_negative() && !r.is_zero() {
            r + m
        } else {
            r
        };
        return Ok(Num::Int(r));
    }
    if exp.is_negative() {
        let fb = int_to_f64(base)?;
        let fe = int_to_f64(exp)?;
        return float_pow(fb, fe).map(Num::Float);
    }
    if base.is_zero() || base.is_one() {
        return Ok(Num::Int(if exp.is_zero() {
            BigInt::one()
        } else {
            base.clone()
        }));
    }
    if (-base).is_one() {
        return Ok(Num::Int(if exp.is_even() {
            BigInt::one()
        } else {
            base.clone()
        }));
    }
    let e = exp.to_u32().ok_or_else(LibError::memory)?;
    // The result has about bits(base) * e bits; refuse what could never be allocated.
    if (base.bits() as u128).saturating_mul(e as u128) > (1u128 << 36) {
        return Err(LibError::memory());
    }
    Ok(Num::Int(base.pow(e)))
}

/// Modular inverse of `a` modulo `m > 1`, if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let ext = a.extended_gcd(m);
    if !ext.gcd.is_one() {
        return None;
    }
    Some(ext.x.mod_floor(m))
}

/// `a << n` for ints (`negative shift count` ValueError, overflow as MemoryError-free
/// OverflowError for absurd counts).
pub fn shift_left_big(a: &BigInt, n: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    let count = n
        .to_usize()
        .filter(|&c| c < (1usize << 36))
        .ok_or_else(|| LibError::overflow("too many digits in integer"))?;
    Ok(a << count)
}

/// `a >> n` for ints (floor semantics for negatives).
pub fn shift_right_big(a: &BigInt, n: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("negative shift count"));
    }
    match n.to_u64() {
        Some(count) if count < a.bits() + 1 => Ok(a >> count),
        _ => Ok(if a.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        }),
    }
}

// ---------------------------------------------------------------------------------------
// Float arithmetic
// ---------------------------------------------------------------------------------------

/// `a / b` for floats.
pub fn float_div(a: f64, b: f64) -> LibResult<f64> {
    if b == 0.0 {
        return Err(LibError::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `divmod(a, b)` for floats, as CPython's `_float_div_mod`.
pub fn float_divmod(a: f64, b: f64) -> LibResult<(f64, f64)> {
    if b == 0.0 {
        return Err(LibError::zero_division("float divmod()"));
    }
    Ok(float_divmod_unchecked(a, b))
}

fn float_divmod_unchecked(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> LibResult<f64> {
    if b == 0.0 {
        return Err(LibError::zero_division("float floor division by zero"));
    }
    Ok(float_divmod_unchecked(a, b).0)
}

/// `a % b` for floats (result takes the sign of `b`).
pub fn float_mod(a: f64, b: f64) -> LibResult<f64> {
    if b == 0.0 {
        return Err(LibError::zero_division("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `a ** b` for floats, as CPython's `float_pow`.
pub fn float_pow(iv: f64, iw: f64) -> LibResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iv });
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let v = iv.abs();
        return Ok(if v == 1.0 {
            1.0
        } else if (iw > 0.0) == (v > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let iw_is_odd = iw.abs() < 9.007_199_254_740_992e15 && iw % 2.0 != 0.0 && iw.trunc() == iw;
    if iv.is_infinite() {
        return Ok(if iw > 0.0 {
            if iw_is_odd {
                iv
            } else {
                iv.abs()
            }
        } else if iw_is_odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(LibError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if iw_is_odd { iv } else { 0.0 });
    }
    let mut negate_result = false;
    let mut base = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(LibError::value(
                "negative number cannot be raised to a fractional power",
            ));
        }
        base = -iv;
        negate_result = iw_is_odd;
    }
    if base == 1.0 {
        return Ok(if negate_result { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(LibError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate_result { -r } else { r })
}

// ---------------------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------------------

/// `round(x)`: nearest int, ties to even.
pub fn round_f64_to_int(x: f64) -> LibResult<BigInt> {
    check_float_for_int(x)?;
    Ok(integral_float_to_big(x.round_ties_even()))
}

/// `round(x, ndigits)`: the float nearest to the correctly rounded (half to even, on the
/// exact binary value) decimal with `ndigits` fractional digits.
pub fn round_f64(x: f64, ndigits: i64) -> LibResult<f64> {
    // CPython's bounds: beyond them the result is x itself, or a zero of x's sign.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded = if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x);
        text.parse::<f64>().unwrap_or(x)
    } else {
        // x == mantissa * 2**exp exactly; round x / 10**k to an integer q, result q * 10**k.
        let (mantissa, exp) = float_decompose(x);
        let pow10 = BigInt::from(10).pow((-ndigits) as u32);
        let (num, den) = if exp >= 0 {
            (BigInt::from(mantissa) << (exp as usize), pow10.clone())
        } else {
            (BigInt::from(mantissa), &pow10 << ((-exp) as usize))
        };
        let q = round_half_even_div(&num, &den);
        let v = int_to_f64(&(q * pow10))
            .map_err(|_| LibError::overflow("rounded value too large to represent"))?;
        if v.is_infinite() {
            return Err(LibError::overflow("rounded value too large to represent"));
        }
        v
    };
    Ok(if rounded == 0.0 {
        0.0f64.copysign(x)
    } else {
        rounded
    })
}

/// `num / den` rounded to the nearest integer, ties to even (`den > 0`).
fn round_half_even_div(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice: BigInt = &r << 1usize;
    match twice.cmp(den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// `round(n, ndigits)` for an int: unchanged for `ndigits >= 0`, else rounded half to even
/// to a multiple of `10**-ndigits`.
pub fn round_int(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k exceeds any int we could hold when k is this large.
    if k > (n.bits() / 3 + 2) {
        return BigInt::zero();
    }
    let pow10 = BigInt::from(10).pow(k as u32);
    round_half_even_div(n, &pow10) * pow10
}

// ---------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------

/// CPython's numeric hash modulus, `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
const HASH_BITS: u32 = 61;
const HASH_INF: i64 = 314_159;

/// `hash(n)` for an `i64`.
pub fn int_hash_i64(n: i64) -> i64 {
    let m = n.unsigned_abs() % HASH_MODULUS;
    let h = if n < 0 { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int.
pub fn int_hash(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return int_hash_i64(small);
    }
    // Reduce 64-bit words from the most significant down: 2**64 ≡ 2**3 (mod 2**61 - 1).
    let mut acc: u128 = 0;
    for word in n.magnitude().iter_u64_digits().rev() {
        acc = ((acc << 64) | word as u128) % HASH_MODULUS as u128;
    }
    let m = acc as i64;
    let h = if n.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float. NaN hashes by object identity in CPython 3.10+; this returns 0
/// for it and the caller substitutes its identity hash if it needs to.
pub fn float_hash(x: f64) -> i64 {
    if !x.is_finite() {
        if x.is_infinite() {
            return if x > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | acc >> (HASH_BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    acc = ((acc << e) & HASH_MODULUS) | acc >> (HASH_BITS - e);
    let h = (acc as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's `frexp` for finite non-zero `x`: `x == m * 2**e`, `0.5 <= |m| < 1`.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (scaled, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * (2f64).powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = scaled.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022 + adjust)
}

/// `hash(t)` for a tuple whose items hash to `item_hashes` (CPython 3.11's xxHash-based
/// `tuplehash`).
pub fn tuple_hash(item_hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

// ---------------------------------------------------------------------------------------
// Math
// ---------------------------------------------------------------------------------------

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("isqrt() argument must be nonnegative"));
    }
    Ok(num_integer::Roots::sqrt(n))
}

/// `math.gcd(a, b)` (non-negative).
pub fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    a.gcd(b)
}

/// `math.lcm(a, b)` (non-negative).
pub fn lcm(a: &BigInt, b: &BigInt) -> BigInt {
    if a.is_zero() || b.is_zero() {
        return BigInt::zero();
    }
    (a / a.gcd(b) * b).abs()
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value(
            "factorial() not defined for negative values",
        ));
    }
    let n = n
        .to_u64()
        .filter(|&v| v <= i64::MAX as u64)
        .ok_or_else(|| {
            LibError::overflow("factorial() argument should not exceed 9223372036854775807")
        })?;
    if n > 1_000_000 {
        return Err(LibError::memory());
    }
    Ok(product_range(1, n))
}

/// Product of `lo..=hi` by binary splitting (balanced multiplications).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut chunk: u64 = 1;
        for v in lo..=hi {
            match chunk.checked_mul(v) {
                Some(c) => chunk = c,
                None => {
                    acc *= chunk;
                    chunk = v;
                }
            }
        }
        return acc * chunk;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn domain_error() -> LibError {
    LibError::value("math domain error")
}

/// `math.log(x)` / `math.log(x, base)` for floats.
pub fn math_log(x: f64, base: Option<f64>) -> LibResult<f64> {
    let num = log_checked(x)?;
    match base {
        None => Ok(num),
        Some(b) => {
            let den = log_checked(b)?;
            if den == 0.0 {
                return Err(LibError::zero_division("float division by zero"));
            }
            Ok(num / den)
        }
    }
}

fn log_checked(x: f64) -> LibResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(x.ln())
}

/// `math.log(n)` / `math.log(n, base)` for an int argument (exact for ints too large for a
/// float, as CPython's `loghelper`).
pub fn int_log(n: &BigInt, base: Option<f64>) -> LibResult<f64> {
    if !n.is_positive() {
        return Err(domain_error());
    }
    let num = match int_to_f64(n) {
        Ok(f) => f.ln(),
        Err(_) => {
            let (m, e) = int_frexp(n);
            m.ln() + std::f64::consts::LN_2 * e as f64
        }
    };
    match base {
        None => Ok(num),
        Some(b) => {
            let den = log_checked(b)?;
            if den == 0.0 {
                return Err(LibError::zero_division("float division by zero"));
            }
            Ok(num / den)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1.5e300, "1.5e+300"),
            (3.0, "3.0"),
            (100.0, "100.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (123456789.123, "123456789.123"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-2.5, "-2.5"),
            (1e22, "1e+22"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (0.1, "0.1"),
            (2.0 / 3.0, "0.6666666666666666"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr of {x:e}");
        }
    }
}
