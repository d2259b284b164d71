//! Int text: parsing, `str(n)` with CPython's digit limit, radix strings.

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{is_c_space, to_ascii_numeric};
use crate::error::{LibError, LibResult};
use crate::text::str_repr;
use std::sync::atomic::{AtomicUsize, Ordering};

/// CPython 3.11's default limit on the number of decimal digits converted between int and
/// str (`sys.int_info.default_max_str_digits`); applies to bases that are not powers of two.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The smallest limit other than 0 (no limit) that `sys.set_int_max_str_digits` accepts
/// (`sys.int_info.str_digits_check_threshold`).
pub const INT_STR_DIGITS_THRESHOLD: usize = 640;

/// The limit in force, per process as CPython's is per interpreter: 0 means none.
static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(INT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`.
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`: 0, or at least [`INT_STR_DIGITS_THRESHOLD`].
pub fn set_int_max_str_digits(n: i64) -> LibResult<()> {
    if n != 0 && n < INT_STR_DIGITS_THRESHOLD as i64 {
        return Err(LibError::value(format!(
            "maxdigits must be 0 or larger than {INT_STR_DIGITS_THRESHOLD}"
        )));
    }
    MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// The check CPython 3.11 makes before `str(int)` of a value with more decimal digits than
/// the limit in force. `digits` is the length of the decimal string.
pub fn check_int_str_digits(digits: usize) -> LibResult<()> {
    let limit = int_max_str_digits();
    if limit != 0 && digits > limit {
        Err(int_str_limit_error(limit))
    } else {
        Ok(())
    }
}

/// `str(n)`: decimal text within the digit limit in force (`ValueError` beyond it, checked
/// before converting when the size alone decides).
pub fn int_to_decimal_string(n: &BigInt) -> LibResult<String> {
    if let Some(small) = n.to_i64() {
        return Ok(small.to_string());
    }
    // An int of more than limit * log2(10) + 1 bits has more than `limit` digits (2**14285,
    // of 14286 bits, has 4301).
    let limit = int_max_str_digits();
    if limit != 0 && n.bits() > (limit as f64 * std::f64::consts::LOG2_10) as u64 + 1 {
        return Err(int_str_limit_error(limit));
    }
    let text = n.to_string();
    check_int_str_digits(text.len() - n.is_negative() as usize)?;
    Ok(text)
}

fn int_str_limit_error(limit: usize) -> LibError {
    LibError::value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
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
    parse_int_ascii(text.trim_matches(is_c_space), base)
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
    let limit = int_max_str_digits();
    if base & (base - 1) != 0 && limit != 0 && digits.len() > limit {
        return Some(Err(LibError::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: \
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

/// `n.to_bytes(length, byteorder, signed=signed)`.
pub fn int_to_bytes(
    n: &BigInt,
    length: usize,
    big_endian: bool,
    signed: bool,
) -> LibResult<Vec<u8>> {
    let too_big = || LibError::overflow("int too big to convert");
    if n.is_negative() && !signed {
        return Err(LibError::overflow("can't convert negative int to unsigned"));
    }
    if length == 0 {
        // CPython accepts -1 here: its two's complement has no significant bytes.
        return if n.is_zero() || (signed && (-n).is_one()) {
            Ok(Vec::new())
        } else {
            Err(too_big())
        };
    }
    let mut bytes = n.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        // A non-negative value may carry a sign byte that unsigned output does not need.
        bytes.pop();
    }
    if bytes.len() > length {
        return Err(too_big());
    }
    let fill = if n.is_negative() { 0xff } else { 0x00 };
    bytes.resize(length, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn int_from_bytes(bytes: &[u8], big_endian: bool, signed: bool) -> BigInt {
    match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(bytes),
        (false, true) => BigInt::from_signed_bytes_le(bytes),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    }
}
