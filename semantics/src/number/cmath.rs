//! The `cmath` module's functions as CPython 3.11 computes them: the same formulas (so the
//! results agree to the last bit with the C library's real functions underneath), C99
//! Annex G's values for infinite and NaN parts, and CPython's errors — `ValueError: math
//! domain error` where Annex G signals invalid or divide-by-zero, `OverflowError: math
//! range error` on overflow.

use super::convert::ldexp;
use super::math::asinh as real_asinh;
use crate::complex::C;
use crate::error::{LibError, LibResult};
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, LN_10, LN_2, PI};

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;
const FRAC_3PI_4: f64 = 0.75 * PI;
/// Beyond this the usual formulas could overflow in intermediate steps.
const LARGE: f64 = f64::MAX / 4.0;
/// The scaling that makes a subnormal normal (an odd power, so its half is whole after +1).
const SCALE_UP: i64 = 53;
const SCALE_DOWN: i64 = -27;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

/// C's `errno` after a function: what CPython turns into an exception.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Errno {
    Ok,
    /// `EDOM`: invalid operation or a pole.
    Dom,
    /// `ERANGE`: overflow.
    Range,
}

type Out = (C, Errno);

fn ok(z: C) -> Out {
    (z, Errno::Ok)
}

fn to_result(out: Out) -> LibResult<C> {
    match out.1 {
        Errno::Ok => Ok(out.0),
        Errno::Dom => Err(LibError::value("math domain error")),
        Errno::Range => Err(LibError::overflow("math range error")),
    }
}

/// Zero with the sign of `x` (positive for a NaN).
fn zero_like(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        0.0f64.copysign(x)
    }
}

fn is_special(z: C) -> bool {
    !z.0.is_finite() || !z.1.is_finite()
}

/// log(1 + x), keeping the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

// ----- square root, exponential, logarithm -----

/// `cmath.sqrt`.
pub fn sqrt(z: C) -> LibResult<C> {
    to_result(c_sqrt(z))
}

fn c_sqrt(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        // An infinite imaginary part wins over everything, a NaN included.
        if y.is_infinite() {
            return ok((INF, y));
        }
        if x == -INF {
            return ok(if y.is_nan() {
                (NAN, INF)
            } else {
                (0.0, INF.copysign(y))
            });
        }
        if x == INF {
            return ok(if y.is_nan() {
                (INF, NAN)
            } else {
                (INF, 0.0f64.copysign(y))
            });
        }
        return ok((NAN, NAN));
    }
    if x == 0.0 && y == 0.0 {
        return ok((0.0, y));
    }
    let (mut ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Both subnormal: scale up so the hypotenuse keeps its precision.
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    ok(if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    })
}

/// `cmath.exp`.
pub fn exp(z: C) -> LibResult<C> {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            if x > 0.0 {
                (INF.copysign(y.cos()), INF.copysign(y.sin()))
            } else {
                (0.0f64.copysign(y.cos()), 0.0f64.copysign(y.sin()))
            }
        } else if x == -INF {
            // exp(-inf + iy) is 0 for any y; the sign of a zero y carries over.
            (0.0, if y == 0.0 { y } else { 0.0 })
        } else if x == INF {
            (INF, if y == 0.0 { y } else { NAN })
        } else if x.is_nan() && y == 0.0 {
            (NAN, y)
        } else {
            (NAN, NAN)
        };
        let dom = y.is_infinite() && (x.is_finite() || x == INF);
        return to_result((r, if dom { Errno::Dom } else { Errno::Ok }));
    }
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        (
            l * y.cos() * std::f64::consts::E,
            l * y.sin() * std::f64::consts::E,
        )
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    to_result(overflow_check(r))
}

fn overflow_check(r: C) -> Out {
    let e = if r.0.is_infinite() || r.1.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

/// The natural logarithm with CPython's care near 1, for tiny and for huge arguments.
fn c_log(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_nan() {
            (if y.is_infinite() { INF } else { NAN }, NAN)
        } else if y.is_nan() {
            (if x.is_infinite() { INF } else { NAN }, NAN)
        } else {
            // An infinite part: the modulus is infinite, the angle is atan2's.
            (INF, y.atan2(x))
        };
        return ok(r);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return ((-INF, y.atan2(x)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ok((re, y.atan2(x)))
}

/// `cmath.log(z)`, or `cmath.log(z, base)` (`log(z) / log(base)`; the error is the last
/// one set, as CPython's shared `errno` makes it).
pub fn log(z: C, base: Option<C>) -> LibResult<C> {
    let (mut r, mut e) = c_log(z);
    if let Some(b) = base {
        let (lb, eb) = c_log(b);
        e = eb;
        match crate::complex::div(r, lb) {
            Ok(q) => r = q,
            Err(_) => {
                r = (0.0, 0.0);
                e = Errno::Dom;
            }
        }
    }
    to_result((r, e))
}

/// `cmath.log10`.
pub fn log10(z: C) -> LibResult<C> {
    let ((re, im), e) = c_log(z);
    to_result(((re / LN_10, im / LN_10), e))
}

// ----- hyperbolic functions (the circular ones go through them) -----

/// `cmath.cosh`.
pub fn cosh(z: C) -> LibResult<C> {
    to_result(c_cosh(z))
}

fn c_cosh(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            let s = INF.copysign(y.sin());
            (INF.copysign(y.cos()), if x > 0.0 { s } else { -s })
        } else if x.is_infinite() {
            if y == 0.0 {
                // The sign of the zero is that of x*y.
                (
                    INF,
                    if x.is_sign_negative() == y.is_sign_negative() {
                        0.0
                    } else {
                        -0.0
                    },
                )
            } else {
                (INF, NAN)
            }
        } else if x == 0.0 || (x.is_nan() && y == 0.0) {
            (NAN, 0.0)
        } else {
            (NAN, NAN)
        };
        let dom = y.is_infinite() && !x.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        (
            y.cos() * xm1.cosh() * std::f64::consts::E,
            y.sin() * xm1.sinh() * std::f64::consts::E,
        )
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    };
    overflow_check(r)
}

/// `cmath.sinh`.
pub fn sinh(z: C) -> LibResult<C> {
    to_result(c_sinh(z))
}

fn c_sinh(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            let c = INF.copysign(y.cos());
            (if x > 0.0 { c } else { -c }, INF.copysign(y.sin()))
        } else if x.is_infinite() {
            if y == 0.0 {
                (x, y)
            } else {
                (INF, NAN)
            }
        } else if x == 0.0 {
            (0.0, NAN)
        } else if x.is_nan() && y == 0.0 {
            (NAN, y)
        } else {
            (NAN, NAN)
        };
        let dom = y.is_infinite() && !x.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        (
            y.cos() * xm1.sinh() * std::f64::consts::E,
            y.sin() * xm1.cosh() * std::f64::consts::E,
        )
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    };
    overflow_check(r)
}

/// `cmath.tanh`.
pub fn tanh(z: C) -> LibResult<C> {
    to_result(c_tanh(z))
}

fn c_tanh(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() {
            let im = if y.is_finite() && y != 0.0 {
                0.0f64.copysign(2.0 * y.sin() * y.cos())
            } else if y == 0.0 {
                y
            } else {
                0.0
            };
            (1.0f64.copysign(x), im)
        } else if x == 0.0 && y.is_infinite() {
            (x, NAN)
        } else if x.is_nan() && y == 0.0 {
            (NAN, y)
        } else {
            (NAN, NAN)
        };
        let dom = y.is_infinite() && x.is_finite();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    if x.abs() > log_large() {
        return ok((
            1.0f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        ));
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// `cmath.asinh`.
pub fn asinh(z: C) -> LibResult<C> {
    to_result(c_asinh(z))
}

fn c_asinh(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() {
            let im = if y.is_nan() {
                NAN
            } else if y.is_infinite() {
                FRAC_PI_4.copysign(y)
            } else {
                0.0f64.copysign(y)
            };
            (x, im)
        } else if x.is_nan() {
            if y.is_infinite() {
                (INF, NAN)
            } else if y == 0.0 {
                (NAN, y)
            } else {
                (NAN, NAN)
            }
        } else if y.is_infinite() {
            (INF.copysign(x), FRAC_PI_2.copysign(y))
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2;
        let re = if y >= 0.0 {
            l.copysign(x)
        } else {
            -l.copysign(-x)
        };
        return ok((re, y.atan2(x.abs())));
    }
    let (s1, _) = c_sqrt((1.0 + y, -x));
    let (s2, _) = c_sqrt((1.0 - y, x));
    ok((
        real_asinh(s1.0 * s2.1 - s2.0 * s1.1),
        y.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

/// `cmath.acosh`.
pub fn acosh(z: C) -> LibResult<C> {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() {
            let angle = if y.is_nan() {
                NAN
            } else if y.is_infinite() {
                if x > 0.0 {
                    FRAC_PI_4
                } else {
                    FRAC_3PI_4
                }
            } else if x > 0.0 {
                0.0
            } else {
                PI
            };
            (INF, if y.is_nan() { NAN } else { angle.copysign(y) })
        } else if x.is_nan() {
            (if y.is_infinite() { INF } else { NAN }, NAN)
        } else if y.is_infinite() {
            (INF, FRAC_PI_2.copysign(y))
        } else {
            (NAN, NAN)
        };
        return to_result(ok(r));
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        return Ok(((x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2, y.atan2(x)));
    }
    let (s1, _) = c_sqrt((x - 1.0, y));
    let (s2, _) = c_sqrt((x + 1.0, y));
    Ok((
        real_asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * s1.1.atan2(s2.0),
    ))
}

/// `cmath.atanh`.
pub fn atanh(z: C) -> LibResult<C> {
    to_result(c_atanh(z))
}

fn c_atanh(z: C) -> Out {
    let (x, y) = z;
    if is_special(z) {
        let r = if y.is_infinite() {
            (zero_like(x), FRAC_PI_2.copysign(y))
        } else if x.is_infinite() {
            (
                0.0f64.copysign(x),
                if y.is_nan() {
                    NAN
                } else {
                    FRAC_PI_2.copysign(y)
                },
            )
        } else if x == 0.0 {
            (x, NAN)
        } else {
            (NAN, NAN)
        };
        return ok(r);
    }
    if x < 0.0 {
        let ((re, im), e) = c_atanh((-x, -y));
        return ((-re, -im), e);
    }
    let ay = y.abs();
    if x > sqrt_large() || ay > sqrt_large() {
        // For large |z|, atanh(z) is about 1/z ± i pi/2.
        let h = (x / 2.0).hypot(y / 2.0);
        return ok((x / 4.0 / h / h, (PI / 2.0).copysign(y)));
    }
    if x == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return ((INF, y), Errno::Dom);
        }
        return ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(y),
        ));
    }
    ok((
        log1p(4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)) / 4.0,
        -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0,
    ))
}

/// `cmath.acos`.
pub fn acos(z: C) -> LibResult<C> {
    let (x, y) = z;
    if is_special(z) {
        let r = if x.is_infinite() {
            let re = if y.is_nan() {
                NAN
            } else if y.is_infinite() {
                if x > 0.0 {
                    FRAC_PI_4
                } else {
                    FRAC_3PI_4
                }
            } else if x > 0.0 {
                0.0
            } else {
                PI
            };
            // The imaginary part is infinite; with a NaN y its sign is unspecified.
            (re, if y.is_nan() { INF } else { -INF.copysign(y) })
        } else if x.is_nan() {
            (NAN, if y.is_infinite() { -y } else { NAN })
        } else if y.is_infinite() {
            (FRAC_PI_2, -y)
        } else if x == 0.0 {
            (FRAC_PI_2, NAN)
        } else {
            (NAN, NAN)
        };
        return Ok(r);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        return Ok((
            y.abs().atan2(x),
            -((x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN_2).copysign(y),
        ));
    }
    let (s1, _) = c_sqrt((1.0 - x, -y));
    let (s2, _) = c_sqrt((1.0 + x, y));
    Ok((
        2.0 * s1.0.atan2(s2.0),
        real_asinh(s2.0 * s1.1 - s2.1 * s1.0),
    ))
}

/// `cmath.asin`: -i asinh(iz).
pub fn asin(z: C) -> LibResult<C> {
    let ((re, im), e) = c_asinh((-z.1, z.0));
    to_result(((im, -re), e))
}

/// `cmath.atan`: -i atanh(iz).
pub fn atan(z: C) -> LibResult<C> {
    let ((re, im), e) = c_atanh((-z.1, z.0));
    to_result(((im, -re), e))
}

/// `cmath.cos`: cosh(iz).
pub fn cos(z: C) -> LibResult<C> {
    to_result(c_cosh((-z.1, z.0)))
}

/// `cmath.sin`: -i sinh(iz).
pub fn sin(z: C) -> LibResult<C> {
    let ((re, im), e) = c_sinh((-z.1, z.0));
    to_result(((im, -re), e))
}

/// `cmath.tan`: -i tanh(iz).
pub fn tan(z: C) -> LibResult<C> {
    let ((re, im), e) = c_tanh((-z.1, z.0));
    to_result(((im, -re), e))
}

// ----- coordinates and predicates -----

/// `cmath.phase`.
pub fn phase(z: C) -> f64 {
    z.1.atan2(z.0)
}

/// `cmath.polar`: (abs(z), phase(z)); overflow of the modulus is a range error.
pub fn polar(z: C) -> LibResult<(f64, f64)> {
    let phi = phase(z);
    match crate::complex::abs(z) {
        Ok(r) => Ok((r, phi)),
        Err(_) => Err(LibError::overflow("math range error")),
    }
}

/// `cmath.rect`: r (cos phi + i sin phi), with Annex G's spirit for infinities and NaNs
/// (rect(r, t) behaves as exp(log(r) + it) for positive r, its negation for negative r).
pub fn rect(r: f64, phi: f64) -> LibResult<C> {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (INF.copysign(phi.cos()), INF.copysign(phi.sin()));
            if r > 0.0 {
                (c, s)
            } else {
                (-c, -s)
            }
        } else if r.is_infinite() {
            if phi == 0.0 {
                let im = if r.is_sign_negative() == phi.is_sign_negative() {
                    0.0
                } else {
                    -0.0
                };
                (r, im)
            } else {
                (INF, NAN)
            }
        } else if r == 0.0 {
            (0.0, 0.0)
        } else if r.is_nan() && phi == 0.0 {
            (NAN, 0.0)
        } else {
            (NAN, NAN)
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return Err(LibError::value("math domain error"));
        }
        return Ok(z);
    }
    if phi == 0.0 {
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}

/// `cmath.isclose` (tolerances already checked non-negative).
pub fn isclose(a: C, b: C, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return false;
    }
    let modulus = |z: C| crate::complex::abs(z).unwrap_or(INF);
    let diff = modulus((a.0 - b.0, a.1 - b.1));
    diff <= rel_tol * modulus(b) || diff <= rel_tol * modulus(a) || diff <= abs_tol
}
