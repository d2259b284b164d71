//! Int and float arithmetic with Python's signs and errors, and rounding.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{check_float_for_int, float_decompose, int_to_f64, integral_float_to_big, ldexp, Num};
use crate::error::{LibError, LibResult};

fn int_div_zero() -> LibError {
    LibError::zero_division("integer division or modulo by zero")
}

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

/// `a << n` for ints (`negative shift count` ValueError; `MemoryError` or `OverflowError`
/// for absurd counts, as CPython).
pub fn shift_left_big(a: &BigInt, n: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    // CPython counts the shift in 30-bit digits: beyond a Py_ssize_t of them the count
    // itself overflows; below that an impossible allocation is a MemoryError.
    let digit_count: BigInt = n / 30;
    if digit_count > BigInt::from(i64::MAX) {
        return Err(LibError::overflow("too many digits in integer"));
    }
    let count = n
        .to_usize()
        .filter(|&c| c < (1usize << 36))
        .ok_or_else(LibError::memory)?;
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
