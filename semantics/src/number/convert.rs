//! Conversions between ints, floats and bytes, and exact int-float comparison.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::{LibError, LibResult};

pub(super) fn check_float_for_int(x: f64) -> LibResult<()> {
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
pub(super) fn integral_float_to_big(x: f64) -> BigInt {
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
pub(super) fn float_decompose(x: f64) -> (i64, i32) {
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

/// Multiplies `x` by `2**exp` (`ldexp`). Exact when the result is representable, which
/// every caller here guarantees (or it overflows to infinity); intermediate steps stay
/// normal so nothing is rounded twice.
pub(super) fn ldexp(mut x: f64, mut exp: i64) -> f64 {
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
        // Rust's integer-to-float conversion rounds to nearest, ties to even.
        return Ok(small as f64);
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

/// C's `frexp` for finite non-zero `x`: `x == m * 2**e`, `0.5 <= |m| < 1`.
pub(crate) fn frexp(x: f64) -> (f64, i32) {
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
