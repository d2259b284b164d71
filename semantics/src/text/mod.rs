//! Python's `str` methods as pure functions over `&str`, with code-point indices and
//! CPython's Unicode rules; plus slice-index normalisation shared by every sequence type and
//! the `repr` of str and bytes.
//!
//! Contents:
//! - indices and slices: [`char_len`], [`char_at`], [`byte_offset`], [`normalize_index`],
//!   [`normalize_slice`], [`slice()`], [`substring`], [`str_mul`], [`join`]
//! - searching: [`find`], [`rfind`], [`index`], [`rindex`], [`count`], [`startswith`],
//!   [`endswith`], [`contains`]
//! - splitting: [`split()`], [`rsplit`], [`splitlines`], [`partition`], [`rpartition`]
//! - trimming and padding: [`strip`], [`lstrip`], [`rstrip`], [`center`], [`ljust`],
//!   [`rjust`], [`zfill`], [`expandtabs`]; checked forms that raise `MemoryError` instead of
//!   aborting on absurd sizes: [`try_center`], [`try_ljust`], [`try_rjust`], [`try_zfill`],
//!   [`try_expandtabs`], [`try_replace`], [`check_result_size`], [`MAX_RESULT_BYTES`]
//! - rewriting: [`replace`], [`upper`], [`lower`], [`casefold`], [`swapcase`], [`title`],
//!   [`capitalize`]
//! - predicates: [`isdigit`], [`isdecimal`], [`isnumeric`], [`isalpha`], [`isalnum`],
//!   [`isspace`], [`isupper`], [`islower`], [`istitle`], [`isidentifier`], [`isprintable`],
//!   [`isascii`]; per character: [`is_space_char`], [`is_printable_char`], [`decimal_value`]
//! - decoding: [`decode_utf8`] (CPython's `UnicodeDecodeError` messages)
//! - text holding lone surrogates (wide bytes): the [`wide`] module
//! - reprs: [`str_repr`], [`str_repr_into`], [`ascii_repr`], [`bytes_repr`]
//!
//! Character classes come from tables generated from CPython 3.11 (Unicode 14.0, in
//! `tables`); case mappings use Rust's full Unicode mappings with CPython's final-sigma rule,
//! corrected to Unicode 14.0 where later versions changed them. Every single-character
//! mapping and predicate agrees with CPython 3.11 on all code points.

mod checked;
mod decode;
mod escape_codec;
mod indices;
mod pad;
mod predicates;
mod repr;
mod rewrite;
mod search;
mod split;
mod tables;
pub mod wide;

pub use checked::*;
pub use decode::*;
pub use escape_codec::*;
pub use indices::*;
pub use pad::*;
pub use predicates::*;
pub use repr::*;
pub use rewrite::*;
pub use search::*;
pub use split::*;

#[cfg(test)]
mod tests;
