//! Python's text formatting: the format-spec mini-language (`format(x, spec)`, f-strings,
//! `str.format`), the parser of `str.format` templates, float-to-text conversions exact to
//! CPython, and printf-style `%` formatting.
//!
//! Contents:
//! - spec: [`FormatSpec`], [`parse_format_spec`], [`FormatSpec::default_for`]
//! - formatting values: [`format_int`], [`format_i64`], [`format_float`], [`format_str`]
//! - float text: [`float_to_string_fixed`], [`float_to_string_exp`],
//!   [`float_to_string_general`], [`float_to_string_code`]
//! - `str.format` templates: [`FormatPiece`], [`FormatField`], [`FieldArg`],
//!   [`FieldAccessor`], [`parse_format_string`], [`FormatStringParser`] (piece by piece,
//!   CPython's error order)
//! - printf-style: [`PercentArg`], [`percent_format`], [`percent_format_with`] (mappings,
//!   via a [`PercentKeyLookup`])
//!
//! The reprs of str and bytes are in [`crate::text`]. Errors are
//! [`LibError`](crate::error::LibError)s with CPython's exception types and messages.

mod float;
mod layout;
mod percent;
mod spec;
mod template;
mod value;

pub use float::*;
pub use percent::*;
pub use spec::*;
pub use template::*;
pub use value::*;

#[cfg(test)]
mod tests;
