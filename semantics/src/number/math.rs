//! The `math` module's functions.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{float_decompose, frexp, int_frexp, int_to_f64, ldexp};
use crate::error::{LibError, LibResult};

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

/// `erf(x)` (`complement`: `erfc(x)`) as the GNU C library computes it: fdlibm's rational
/// approximations with its polynomials evaluated in pairs (the evaluation order decides the
/// last bit), `exp` from the C library.
fn erf_glibc(x: f64, complement: bool) -> f64 {
    // fdlibm's coefficients, by their bits.
    const ERX: f64 = f64::from_bits(0x3FEB0AC160000000);
    const EFX: f64 = f64::from_bits(0x3FC06EBA8214DB69);
    const PP: [f64; 5] = [
        f64::from_bits(0x3FC06EBA8214DB68),
        f64::from_bits(0xBFD4CD7D691CB913),
        f64::from_bits(0xBF9D2A51DBD7194F),
        f64::from_bits(0xBF77A291236668E4),
        f64::from_bits(0xBEF8EAD6120016AC),
    ];
    const QQ: [f64; 5] = [
        f64::from_bits(0x3FD97779CDDADC09),
        f64::from_bits(0x3FB0A54C5536CEBA),
        f64::from_bits(0x3F74D022C4D36B0F),
        f64::from_bits(0x3F215DC9221C1A10),
        f64::from_bits(0xBED09C4342A26120),
    ];
    const PA: [f64; 7] = [
        f64::from_bits(0xBF6359B8BEF77538),
        f64::from_bits(0x3FDA8D00AD92B34D),
        f64::from_bits(0xBFD7D240FBB8C3F1),
        f64::from_bits(0x3FD45FCA805120E4),
        f64::from_bits(0xBFBC63983D3E28EC),
        f64::from_bits(0x3FA22A36599795EB),
        f64::from_bits(0xBF61BF380A96073F),
    ];
    const QA: [f64; 6] = [
        f64::from_bits(0x3FBB3E6618EEE323),
        f64::from_bits(0x3FE14AF092EB6F33),
        f64::from_bits(0x3FB2635CD99FE9A7),
        f64::from_bits(0x3FC02660E763351F),
        f64::from_bits(0x3F8BEDC26B51DD1C),
        f64::from_bits(0x3F888B545735151D),
    ];
    const RA: [f64; 8] = [
        f64::from_bits(0xBF843412600D6435),
        f64::from_bits(0xBFE63416E4BA7360),
        f64::from_bits(0xC0251E0441B0E726),
        f64::from_bits(0xC04F300AE4CBA38D),
        f64::from_bits(0xC0644CB184282266),
        f64::from_bits(0xC067135CEBCCABB2),
        f64::from_bits(0xC054526557E4D2F2),
        f64::from_bits(0xC023A0EFC69AC25C),
    ];
    const SA: [f64; 8] = [
        f64::from_bits(0x4033A6B9BD707687),
        f64::from_bits(0x4061350C526AE721),
        f64::from_bits(0x407B290DD58A1A71),
        f64::from_bits(0x40842B1921EC2868),
        f64::from_bits(0x407AD02157700314),
        f64::from_bits(0x405B28A3EE48AE2C),
        f64::from_bits(0x401A47EF8E484A93),
        f64::from_bits(0xBFAEEFF2EE749A62),
    ];
    const RB: [f64; 7] = [
        f64::from_bits(0xBF84341239E86F4A),
        f64::from_bits(0xBFE993BA70C285DE),
        f64::from_bits(0xC031C209555F995A),
        f64::from_bits(0xC064145D43C5ED98),
        f64::from_bits(0xC083EC881375F228),
        f64::from_bits(0xC09004616A2E5992),
        f64::from_bits(0xC07E384E9BDC383F),
    ];
    const SB: [f64; 7] = [
        f64::from_bits(0x403E568B261D5190),
        f64::from_bits(0x40745CAE221B9F0A),
        f64::from_bits(0x409802EB189D5118),
        f64::from_bits(0x40A8FFB7688C246A),
        f64::from_bits(0x40A3F219CEDF3BE6),
        f64::from_bits(0x407DA874E79FE763),
        f64::from_bits(0xC03670E242712D62),
    ];
    if x.is_nan() {
        return x;
    }
    let neg = x.is_sign_negative();
    let ax = x.abs();
    if ax.is_infinite() {
        return match (complement, neg) {
            (false, false) => 1.0,
            (false, true) => -1.0,
            (true, false) => 0.0,
            (true, true) => 2.0,
        };
    }
    if ax < 0.84375 {
        if !complement && ax < f64::from_bits(0x3E30_0000_0000_0000) {
            if ax < f64::MIN_POSITIVE {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        if complement && ax < f64::from_bits(0x3C70_0000_0000_0000) {
            return 1.0 - x;
        }
        let z = x * x;
        let r1 = PP[0] + z * PP[1];
        let z2 = z * z;
        let r2 = PP[2] + z * PP[3];
        let z4 = z2 * z2;
        let s1 = 1.0 + z * QQ[0];
        let s2 = QQ[1] + z * QQ[2];
        let s3 = QQ[3] + z * QQ[4];
        let r = r1 + z2 * r2 + z4 * PP[4];
        let s = s1 + z2 * s2 + z4 * s3;
        let y = r / s;
        if !complement {
            return x + x * y;
        }
        if x < 0.25 {
            return 1.0 - (x + x * y);
        }
        let r = x * y + (x - 0.5);
        return 0.5 - r;
    }
    if ax < 1.25 {
        let s = ax - 1.0;
        let p1 = PA[0] + s * PA[1];
        let s2 = s * s;
        let q1 = 1.0 + s * QA[0];
        let s4 = s2 * s2;
        let p2 = PA[2] + s * PA[3];
        let s6 = s4 * s2;
        let q2 = QA[1] + s * QA[2];
        let p3 = PA[4] + s * PA[5];
        let q3 = QA[3] + s * QA[4];
        let p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
        let q = q1 + s2 * q2 + s4 * q3 + s6 * QA[5];
        return match (complement, neg) {
            (false, false) => ERX + p / q,
            (false, true) => -ERX - p / q,
            (true, false) => (1.0 - ERX) - p / q,
            (true, true) => 1.0 + (ERX + p / q),
        };
    }
    if !complement && ax >= 6.0 {
        return if neg { -1.0 } else { 1.0 };
    }
    if complement && ax >= 28.0 {
        return if neg { 2.0 } else { 0.0 };
    }
    let s = 1.0 / (ax * ax);
    // The two functions split the middle range at slightly different points.
    let split = if complement {
        f64::from_bits(0x4006_DB6D_0000_0000)
    } else {
        f64::from_bits(0x4006_DB6E_0000_0000)
    };
    let (rr, ss) = if ax < split {
        let r1 = RA[0] + s * RA[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SA[0];
        let s4 = s2 * s2;
        let r2 = RA[2] + s * RA[3];
        let s6 = s4 * s2;
        let t2 = SA[1] + s * SA[2];
        let s8 = s4 * s4;
        let r3 = RA[4] + s * RA[5];
        let t3 = SA[3] + s * SA[4];
        let r4 = RA[6] + s * RA[7];
        let t4 = SA[5] + s * SA[6];
        (
            r1 + s2 * r2 + s4 * r3 + s6 * r4,
            t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[7],
        )
    } else {
        if complement && neg && ax >= 6.0 {
            return 2.0;
        }
        let r1 = RB[0] + s * RB[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SB[0];
        let s4 = s2 * s2;
        let r2 = RB[2] + s * RB[3];
        let s6 = s4 * s2;
        let t2 = SB[1] + s * SB[2];
        let r3 = RB[4] + s * RB[5];
        let t3 = SB[3] + s * SB[4];
        let t4 = SB[5] + s * SB[6];
        (
            r1 + s2 * r2 + s4 * r3 + s6 * RB[6],
            t1 + s2 * t2 + s4 * t3 + s6 * t4,
        )
    };
    // `ax` with the low 32 bits of its representation cleared.
    let z = f64::from_bits(ax.to_bits() & 0xFFFF_FFFF_0000_0000);
    let r = (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + rr / ss).exp();
    match (complement, neg) {
        (false, false) => 1.0 - r / ax,
        (false, true) => r / ax - 1.0,
        (true, false) => r / ax,
        (true, true) => 2.0 - r / ax,
    }
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

/// `math.log2(n)` / `math.log10(n)` for an int argument (`ten` selects log10), exact for
/// ints too large for a float.
pub fn int_log2_or_10(n: &BigInt, ten: bool) -> LibResult<f64> {
    if !n.is_positive() {
        return Err(domain_error());
    }
    let log = |x: f64| if ten { x.log10() } else { x.log2() };
    Ok(match int_to_f64(n) {
        Ok(f) => log(f),
        Err(_) => {
            let (m, e) = int_frexp(n);
            log(m) + log(2.0) * e as f64
        }
    })
}

/// `math.<name>(x)` for the one-argument float functions of the `math` module with
/// CPython's error rules (`ValueError: math domain error` for a NaN from a non-NaN or a
/// pole, `OverflowError: math range error` for overflow). `None` if `name` is not one of
/// `acos acosh asin asinh atan atanh cbrt cos cosh exp exp2 expm1 fabs log1p sin sinh sqrt
/// tan tanh log2 log10 degrees radians gamma lgamma`.
pub fn math_unary(name: &str, x: f64) -> Option<LibResult<f64>> {
    let (r, can_overflow) = match name {
        "acos" => (x.acos(), false),
        "acosh" => (acosh(x), false),
        "asin" => (x.asin(), false),
        "asinh" => (asinh(x), false),
        "atan" => (x.atan(), false),
        "atanh" => (atanh(x), false),
        "cbrt" => (cbrt(x), false),
        "erf" => (erf_glibc(x, false), false),
        "erfc" => (erf_glibc(x, true), false),
        "cos" => (x.cos(), false),
        "cosh" => (x.cosh(), true),
        "exp" => (x.exp(), true),
        "exp2" => (x.exp2(), true),
        "expm1" => (x.exp_m1(), true),
        "fabs" => (x.abs(), false),
        "log1p" => {
            if x <= -1.0 {
                return Some(Err(domain_error()));
            }
            (x.ln_1p(), false)
        }
        "sin" => (x.sin(), false),
        "sinh" => (x.sinh(), true),
        "sqrt" => (x.sqrt(), false),
        "tan" => (x.tan(), false),
        "tanh" => (x.tanh(), false),
        "log2" | "log10" => {
            if x.is_nan() {
                return Some(Ok(x));
            }
            if x <= 0.0 {
                return Some(Err(domain_error()));
            }
            return Some(Ok(if name == "log2" { x.log2() } else { x.log10() }));
        }
        "gamma" => return Some(gamma(x)),
        "lgamma" => return Some(lgamma(x)),
        "degrees" => return Some(Ok(x * (180.0 / std::f64::consts::PI))),
        "radians" => return Some(Ok(x * (std::f64::consts::PI / 180.0))),
        _ => return None,
    };
    if r.is_nan() && !x.is_nan() {
        return Some(Err(domain_error()));
    }
    if r.is_infinite() && x.is_finite() {
        return Some(Err(if can_overflow {
            LibError::overflow("math range error")
        } else {
            domain_error()
        }));
    }
    Some(Ok(r))
}

// The inverse hyperbolic functions and the cube root follow the C library CPython is
// linked with (glibc's fdlibm-derived code), so that results agree to the last bit.

fn acosh(x: f64) -> f64 {
    if x.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x >= 268_435_456.0 {
        // 2**28 and above: sqrt(x*x - 1) == x to double precision.
        if x.is_infinite() {
            return x;
        }
        return x.ln() + std::f64::consts::LN_2;
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

pub(super) fn asinh(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let ax = x.abs();
    if ax < 3.725_290_298_461_914e-9 {
        // Below 2**-28, asinh(x) == x.
        return x;
    }
    let w = if ax > 268_435_456.0 {
        ax.ln() + std::f64::consts::LN_2
    } else if ax > 2.0 {
        (2.0 * ax + 1.0 / ((x * x + 1.0).sqrt() + ax)).ln()
    } else {
        let t = x * x;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

fn atanh(x: f64) -> f64 {
    let ax = x.abs();
    if x.is_nan() || ax > 1.0 {
        return f64::NAN;
    }
    if ax == 1.0 {
        return f64::INFINITY.copysign(x);
    }
    if ax < 3.725_290_298_461_914e-9 {
        return x;
    }
    let t = if ax < 0.5 {
        let t = ax + ax;
        0.5 * (t + t * ax / (1.0 - ax)).ln_1p()
    } else {
        0.5 * ((ax + ax) / (1.0 - ax)).ln_1p()
    };
    t.copysign(x)
}

fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_2;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_6;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354_895_765_043_919_84
        + (1.508_191_937_815_849
            + (-2.114_994_941_673_713
                + (2.446_931_225_635_344_4
                    + (-1.834_692_774_836_130_8
                        + (0.784_932_344_976_639_2 - 0.145_263_899_385_486_37 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64)
}

// The gamma functions are CPython's own (Lanczos approximation, N=13, g=6.0246...), not the
// C library's, so they are ported here rather than delegated.

const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
const LANCZOS_NUM_COEFFS: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// The denominator is x*(x+1)*...*(x+11).
const LANCZOS_DEN_COEFFS: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];
/// Gamma of 1..=23, exactly.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];

/// sin(pi * x), accurate near integers (for the reflection formula).
fn sin_pi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // -sin(pi*(y-1.0)) would give -0.0 instead of 0.0 at y == 1.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum as a rational function, for x > 0.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        // Rescaled by x**-12 to avoid overflow for large x.
        for i in 0..13 {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

fn range_error() -> LibError {
    LibError::overflow("math range error")
}

/// `math.gamma(x)`.
fn gamma(x: f64) -> LibResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain_error());
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(range_error())
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sin_pi(x));
        }
        return Err(range_error());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, for a first-order correction of pow(y, ...) / exp(y).
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.lgamma(x)`: log of the absolute value of gamma(x).
fn lgamma(x: f64) -> LibResult<f64> {
    const LOG_PI: f64 = 1.144_729_885_849_400_2;
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain_error());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.pow(x, y)` (unlike `**`: `ValueError` for `0.0 ** -1` and for negative bases with
/// fractional exponents).
pub fn math_pow(x: f64, y: f64) -> LibResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(LibError::overflow("math range error"));
    }
    Ok(r)
}

/// `math.fmod(x, y)`: C's `fmod` (result has the sign of `x`).
pub fn math_fmod(x: f64, y: f64) -> LibResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: IEEE 754 remainder, `x - n*y` with `n` the nearest integer to
/// `x/y` (ties to even); exact.
pub fn math_remainder(x: f64, y: f64) -> LibResult<f64> {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain_error());
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        // Compare m with absy - m rather than 0.5*absy, which may not be representable.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Exactly halfway: choose the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(1.0f64.copysign(x) * r);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(y);
    }
    if x.is_infinite() {
        return Err(domain_error());
    }
    Ok(x)
}

/// `math.ldexp(x, i)`: `x * 2**i` rounded once.
pub fn math_ldexp(x: f64, exp: &BigInt) -> LibResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    // Exponents beyond +-4000 saturate: the result is an overflow or a zero either way.
    let e = exp
        .to_i64()
        .unwrap_or(if exp.is_negative() { -4000 } else { 4000 })
        .clamp(-4000, 4000);
    let (mantissa, exp2) = float_decompose(x);
    let total = exp2 as i64 + e;
    let magnitude = mantissa.unsigned_abs();
    let r = if total >= -1074 {
        // mantissa * 2**total is exact unless it overflows.
        ldexp(magnitude as f64, total)
    } else {
        // Below the subnormal granularity: round the mantissa half to even.
        let shift = (-1074 - total) as u32;
        let q = if shift >= 64 {
            0
        } else {
            let q = magnitude >> shift;
            let rem = magnitude & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            if rem > half || (rem == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        };
        ldexp(q as f64, -1074)
    };
    if r.is_infinite() {
        return Err(LibError::overflow("math range error"));
    }
    Ok(r.copysign(x))
}

/// `math.fsum(values)`: the correctly rounded sum (Shewchuk's algorithm, as CPython).
pub fn math_fsum(values: &[f64]) -> LibResult<f64> {
    let mut partials: Vec<f64> = Vec::with_capacity(32);
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &value in values {
        let mut x = value;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an intermediate overflow or an inf/nan among the inputs.
                if xsave.is_finite() {
                    return Err(LibError::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 || special_sum.is_nan() {
        if inf_sum.is_nan() {
            return Err(LibError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Make half-even rounding work across multiple partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `math.hypot(*coordinates)`: CPython 3.11's accurate vector norm (lossless scaling,
/// exact squaring, compensated summation and a corrected square root).
pub fn math_hypot(coordinates: &[f64]) -> f64 {
    let mut values: Vec<f64> = coordinates.iter().map(|x| x.abs()).collect();
    let found_nan = values.iter().any(|x| x.is_nan());
    let max = values.iter().copied().fold(0.0, f64::max);
    vector_norm(&mut values, max, found_nan)
}

/// `math.dist(p, q)`; `ValueError` if the points differ in dimension.
pub fn math_dist(p: &[f64], q: &[f64]) -> LibResult<f64> {
    if p.len() != q.len() {
        return Err(LibError::value(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let found_nan = diffs.iter().any(|x| x.is_nan());
    let max = diffs.iter().copied().fold(0.0, f64::max);
    Ok(vector_norm(&mut diffs, max, found_nan))
}

/// `sqrt(sum(x*x for x in vec))` for non-negative `vec` whose largest element is `max`.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    // 2**27 + 1: splits a double into two halves whose products are exact.
    const T27: f64 = 134_217_729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // Scaling by 2**-max_e would overflow: make the subnormals normal first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -(max_e as i64));
    let mut csum = 1.0f64;
    let (mut frac1, mut frac2, mut frac3) = (0.0f64, 0.0f64, 0.0f64);
    for &value in vec.iter() {
        let x = value * scale;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let sq = hi * hi;
        let old = csum;
        csum += sq;
        frac1 += (old - csum) + sq;
        let cross = 2.0 * hi * lo;
        let old = csum;
        csum += cross;
        frac2 += (old - csum) + cross;
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let t = h * T27;
    let hi = t - (t - h);
    let lo = h - hi;
    let x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    let x = -2.0 * hi * lo;
    let old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    let x = -lo * lo;
    let old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// `math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)`.
pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> LibResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(LibError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn math_modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int_part = x.trunc();
    ((x - int_part).copysign(x), int_part)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1`; `(x, 0)` for
/// zeros, infinities and NaN.
pub fn math_frexp(x: f64) -> (f64, i64) {
    let (m, e) = frexp(x);
    (m, e as i64)
}

/// `math.ulp(x)`.
pub fn math_ulp(x: f64) -> f64 {
    if x.is_nan() || x.is_infinite() {
        return x.abs();
    }
    let x = x.abs();
    let up = x.next_up();
    if up.is_infinite() {
        return x - x.next_down();
    }
    up - x
}

/// `math.nextafter(x, y)`.
pub fn math_nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if y > x {
        x.next_up()
    } else {
        x.next_down()
    }
}

/// `math.comb(n, k)`.
pub fn math_comb(n: &BigInt, k: &BigInt) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(LibError::value("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = std::cmp::min(k.clone(), n - k);
    let k = k
        .to_u64()
        .filter(|&v| v <= 10_000_000)
        .ok_or_else(LibError::memory)?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(acc)
}

/// `math.perm(n, k)` (`k` defaults to `n`).
pub fn math_perm(n: &BigInt, k: Option<&BigInt>) -> LibResult<BigInt> {
    if n.is_negative() {
        return Err(LibError::value("n must be a non-negative integer"));
    }
    let k = k.unwrap_or(n);
    if k.is_negative() {
        return Err(LibError::value("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k
        .to_u64()
        .filter(|&v| v <= 10_000_000)
        .ok_or_else(LibError::memory)?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= n - BigInt::from(i);
    }
    Ok(acc)
}
