//! Python's number semantics as pure functions over `i64`, `f64` and `BigInt`.
//!
//! Every function mirrors what CPython 3.11 does, including the exact exception type and
//! message on failure ([`LibError`](crate::error::LibError)).
//!
//! Contents:
//! - results: [`Num`] (an int-or-float result)
//! - float text: [`float_repr`], [`float_repr_into`], [`float_shortest_digits`], [`parse_float`],
//!   [`float_hex`], [`float_fromhex`]
//! - int text: [`parse_int`], [`int_to_decimal_string`] (`str(n)` with CPython's 4300-digit
//!   limit), [`int_to_string_radix`], [`i64_to_string_radix`], [`int_hex`], [`int_oct`],
//!   [`int_bin`], [`i64_hex`], [`i64_oct`], [`i64_bin`], [`INT_MAX_STR_DIGITS`],
//!   [`check_int_str_digits`], [`int_max_str_digits`], [`set_int_max_str_digits`]
//! - conversions: [`int_to_bytes`], [`int_from_bytes`], [`float_to_int`], [`float_to_i64`],
//!   [`float_floor_to_int`], [`float_ceil_to_int`], [`int_to_f64`], [`int_frexp`],
//!   [`int_float_cmp`], [`float_as_integer_ratio`], [`float_is_integer`]
//! - int arithmetic: [`floordiv_i64`], [`mod_i64`], [`divmod_i64`], [`floordiv_big`],
//!   [`mod_big`], [`divmod_big`], [`int_true_div`], [`int_true_div_i64`], [`int_pow`],
//!   [`pow_i64`], [`shift_left_big`], [`shift_right_big`]
//! - float arithmetic: [`float_div`], [`float_floordiv`], [`float_mod`], [`float_divmod`],
//!   [`float_pow`]
//! - rounding: [`round_f64_to_int`], [`round_f64`], [`round_int`]
//! - math: [`isqrt`], [`gcd`], [`lcm`], [`factorial`], [`math_log`], [`int_log`],
//!   [`int_log2_or_10`], [`math_unary`] (sin, exp, sqrt, gamma... by name), [`math_pow`],
//!   [`math_fmod`], [`math_remainder`], [`math_ldexp`], [`math_fsum`], [`math_comb`],
//!   [`math_perm`], [`math_hypot`], [`math_dist`], [`math_isclose`], [`math_modf`],
//!   [`math_frexp`], [`math_ulp`], [`math_nextafter`]
//!
//! Numeric hashes are in [`crate::hash`].

use num_bigint::BigInt;

mod arith;
pub mod cmath;
mod convert;
mod float_text;
mod int_text;
mod math;

pub use arith::*;
pub use convert::*;
pub use float_text::*;
pub use int_text::*;
pub use math::*;

/// A numeric result that is an int or a float depending on the operands
/// (`2 ** -1`, `round(x)` versus `round(x, 1)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// An int result.
    Int(BigInt),
    /// A float result.
    Float(f64),
}

#[cfg(test)]
mod tests;
