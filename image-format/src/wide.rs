//! Wide str constants: text holding lone surrogates (`"\ud800"`), which UTF-8 string records
//! cannot hold. Such a constant is a blob of *wide bytes*: every code point in UTF-8's
//! encoding form, surrogates included and never paired, so each code-point sequence has one
//! encoding (the worker's `permafrost_semantics::text::wide` reads the same form).

use permafrost_semantics::text::wide::{has_surrogate, is_wide_utf8};

/// The encoder the compiler writes such constants with (the worker decodes with the same
/// module).
pub use permafrost_semantics::text::wide::push_code_point;

/// Whether `b` is a valid wide str constant: well-formed wide bytes (UTF-8 with surrogates
/// allowed, shortest forms only) holding at least one surrogate (text without one must be an
/// ordinary string record, so equal strs have one representation).
pub fn is_wide_constant(b: &[u8]) -> bool {
    is_wide_utf8(b) && has_surrogate(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_well_formed_text_with_a_surrogate() {
        let mut b = Vec::new();
        for cp in [0x61, 0xD800, 0xDC00, 0x1F600, 0xE9] {
            push_code_point(&mut b, cp);
        }
        assert!(is_wide_constant(&b));
        assert!(!is_wide_constant("plain é".as_bytes()));
        assert!(!is_wide_constant(&[0xED, 0xA0]));
        assert!(!is_wide_constant(&[0xE0, 0x80, 0x80]));
        assert!(!is_wide_constant(&[0xFF]));
    }
}
