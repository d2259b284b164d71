//! Constant folding limited to what CPython folds without observable effects: literals,
//! signs of numeric literals (so `-5` is one constant) and tuples of constants.

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, Num, ToPrimitive};
use permafrost_image::Constant;
use ruff_python_ast::{self as ast, Expr};

/// The constant an expression denotes, when it is one.
pub fn fold(e: &Expr) -> Option<Constant> {
    match e {
        Expr::NumberLiteral(n) => number(&n.value),
        // U+FFFD may stand for a lone surrogate the parser replaced: left to the code generator,
        // which reads the literal's source.
        Expr::StringLiteral(s) if s.value.to_str().contains('\u{fffd}') => None,
        Expr::StringLiteral(s) => Some(Constant::Str(s.value.to_str().to_string())),
        Expr::BytesLiteral(b) => Some(Constant::Bytes(
            b.value
                .as_slice()
                .iter()
                .flat_map(|p| p.value.iter().copied())
                .collect(),
        )),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::UnaryOp(u) => {
            let operand = fold(&u.operand)?;
            match u.op {
                ast::UnaryOp::USub => negate(&operand),
                ast::UnaryOp::UAdd => match operand {
                    Constant::Int(_)
                    | Constant::BigInt { .. }
                    | Constant::Float(_)
                    | Constant::Complex(..) => Some(operand),
                    _ => None,
                },
                _ => None,
            }
        }
        // `1+2j`, `-1-2j`: a real literal plus or minus an imaginary one, as CPython folds.
        Expr::BinOp(b)
            if matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && matches!(&*b.right, Expr::NumberLiteral(n)
                    if matches!(n.value, ast::Number::Complex { .. })) =>
        {
            let (lr, li) = as_complex(&fold(&b.left)?)?;
            let (rr, ri) = as_complex(&fold(&b.right)?)?;
            Some(if b.op == ast::Operator::Add {
                Constant::Complex(lr + rr, li + ri)
            } else {
                Constant::Complex(lr - rr, li - ri)
            })
        }
        Expr::Tuple(t) => t
            .elts
            .iter()
            .map(|e| match e {
                Expr::Starred(_) => None,
                other => fold(other),
            })
            .collect::<Option<Vec<_>>>()
            .map(Constant::Tuple),
        _ => None,
    }
}

/// A numeric literal.
pub fn number(n: &ast::Number) -> Option<Constant> {
    match n {
        ast::Number::Int(i) => Some(match i.as_i64() {
            Some(v) => Constant::Int(v),
            None => big_from_token(&i.to_string())?,
        }),
        ast::Number::Float(f) => Some(Constant::Float(*f)),
        ast::Number::Complex { real, imag } => Some(Constant::Complex(*real, *imag)),
    }
}

/// Parses an integer token too large for `i64` (`0x...`, `0o...`, `0b...` or decimal, with
/// underscores).
fn big_from_token(token: &str) -> Option<Constant> {
    let digits: String = token.chars().filter(|c| *c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (8, rest)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest)
    } else {
        (10, lower.as_str())
    };
    BigInt::from_str_radix(body, radix)
        .ok()
        .map(|v| from_bigint(&v))
}

/// The smallest constant holding `v`: `Int` when it fits in 64 bits.
pub fn from_bigint(v: &BigInt) -> Constant {
    if let Some(small) = v.to_i64() {
        return Constant::Int(small);
    }
    let (sign, mut magnitude_le) = v.to_bytes_le();
    while magnitude_le.len() > 1 && magnitude_le.last() == Some(&0) {
        magnitude_le.pop();
    }
    Constant::BigInt {
        negative: sign == Sign::Minus,
        magnitude_le,
    }
}

fn to_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(v) => Some(BigInt::from(*v)),
        Constant::BigInt {
            negative,
            magnitude_le,
        } => {
            let sign = if *negative { Sign::Minus } else { Sign::Plus };
            Some(BigInt::from_bytes_le(sign, magnitude_le))
        }
        _ => None,
    }
}

fn negate(c: &Constant) -> Option<Constant> {
    match c {
        Constant::Int(v) => Some(match v.checked_neg() {
            Some(n) => Constant::Int(n),
            None => from_bigint(&-BigInt::from(*v)),
        }),
        Constant::BigInt { .. } => Some(from_bigint(&-to_bigint(c)?)),
        Constant::Float(f) => Some(Constant::Float(-f)),
        Constant::Complex(re, im) => Some(Constant::Complex(-re, -im)),
        _ => None,
    }
}

/// A numeric constant as the complex number it converts to (ints through float).
fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Int(v) => Some((*v as f64, 0.0)),
        Constant::BigInt { .. } => to_bigint(c)?.to_f64().map(|f| (f, 0.0)),
        Constant::Float(f) => Some((*f, 0.0)),
        Constant::Complex(re, im) => Some((*re, *im)),
        _ => None,
    }
}

/// Whether two literal constants are equal as dict keys (`1 == 1.0 == True`).
pub fn key_eq(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<(BigInt, f64, f64, bool)> {
        match c {
            Constant::Bool(b) => Some((BigInt::from(*b as i64), *b as i64 as f64, 0.0, true)),
            Constant::Int(_) | Constant::BigInt { .. } => {
                let v = to_bigint(c)?;
                let f = v.to_f64().unwrap_or(f64::INFINITY);
                Some((v, f, 0.0, true))
            }
            Constant::Float(f) => Some((BigInt::from(0), *f, 0.0, false)),
            Constant::Complex(re, im) => Some((BigInt::from(0), *re, *im, false)),
            _ => None,
        }
    }
    match (a, b) {
        (Constant::None, Constant::None) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        _ => match (num(a), num(b)) {
            (Some((ia, fa, ja, exact_a)), Some((ib, fb, jb, exact_b))) => {
                if exact_a && exact_b {
                    ia == ib
                } else if exact_a {
                    jb == 0.0 && fb.fract() == 0.0 && fb.is_finite() && ia == big_of(fb)
                } else if exact_b {
                    ja == 0.0 && fa.fract() == 0.0 && fa.is_finite() && ib == big_of(fa)
                } else {
                    fa == fb && ja == jb
                }
            }
            _ => false,
        },
    }
}

fn big_of(f: f64) -> BigInt {
    BigInt::from_f64(f).unwrap_or_default()
}

/// Python's `repr` of a literal constant, for compile-time messages.
pub fn repr(c: &Constant) -> String {
    use permafrost_image::dis;
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => (if *b { "True" } else { "False" }).into(),
        Constant::Int(_) | Constant::BigInt { .. } => {
            to_bigint(c).map(|v| v.to_string()).unwrap_or_default()
        }
        Constant::Float(f) => dis::float_repr(*f),
        Constant::Complex(re, im) => dis::complex_repr(*re, *im),
        Constant::Str(s) => dis::str_repr(s),
        Constant::WideStr(_) => "...".into(),
        Constant::Bytes(b) => dis::bytes_repr(b),
        Constant::Tuple(_) | Constant::Code(_) | Constant::Ellipsis => "...".into(),
    }
}

/// Truth value of a constant, where it is known at compile time.
pub fn truthy(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(v) => *v != 0,
        Constant::BigInt { .. } => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::WideStr(_) => true,
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_literals_keep_their_value() {
        assert_eq!(
            big_from_token("0x1_0000_0000_0000_0000"),
            Some(Constant::BigInt {
                negative: false,
                magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0, 1],
            })
        );
        let min = -BigInt::from(9_223_372_036_854_775_808u64);
        assert_eq!(from_bigint(&min), Constant::Int(i64::MIN));
    }
}
