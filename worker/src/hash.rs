//! CPython's hash functions for numbers and tuples (`Python/pyhash.c`, `Objects/tupleobject.c`),
//! so `hash()` agrees with CPython and sets of numbers iterate in CPython's order. Strings use
//! `permafrost_image::str_hash` (computed once, at creation), which differs from CPython's
//! randomised string hash by design.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `_PyHASH_BITS` on 64-bit hosts.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: the Mersenne prime 2**61 - 1.
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;

/// Maps CPython's reserved `-1` to `-2`.
#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(int)` for a machine int.
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    let m = v.unsigned_abs() % HASH_MODULUS;
    let h = if v < 0 { -(m as i64) } else { m as i64 };
    fix(h)
}

/// `hash(int)` for a big int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    let modulus = BigInt::from(HASH_MODULUS);
    let m = (v.abs() % modulus).to_i64().unwrap_or(0);
    fix(if v.is_negative() { -m } else { m })
}

/// `hash(float)`: `_Py_HashDouble`.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % HASH_BITS
    } else {
        HASH_BITS - 1 - (((-1 - e) as u32) % HASH_BITS)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    fix(x as i64 * sign)
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1` (v finite and non-zero; 0 gives (0, 0)).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(tuple)` from the items' hashes (CPython 3.8+, xxHash-based).
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// The hash of a str, as a Python hash value.
#[inline]
pub fn hash_str(h: u64) -> i64 {
    fix(h as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_match_cpython() {
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(
            hash_bigint(&(BigInt::from(1) << 100)),
            hash_bigint(&(BigInt::from(1) << 100))
        );
        assert_eq!(hash_bigint(&BigInt::from(-5)), -5);
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_f64(-0.5), -1_152_921_504_606_846_976);
        assert_eq!(hash_f64(f64::INFINITY), 314_159);
        assert_eq!(hash_f64(0.1), 230_584_300_921_369_408);
    }

    #[test]
    fn tuples_match_cpython() {
        assert_eq!(hash_tuple([].into_iter()), 5_740_354_900_026_072_187);
        assert_eq!(
            hash_tuple([1i64, 2].into_iter()),
            -3_550_055_125_485_641_917
        );
    }
}
