//! Wide str constants: text holding lone surrogates (`"\ud800"`), which UTF-8 string records
//! cannot hold. Such a constant is a blob of *wide bytes*: every code point in UTF-8's
//! encoding form, surrogates included and never paired, so each code-point sequence has one
//! encoding (the worker's `permafrost_semantics::text::wide` reads the same form).

/// Appends `cp` (up to U+10FFFF, surrogates included) in UTF-8's encoding form.
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

/// Whether `b` is a valid wide str constant: well-formed wide bytes (UTF-8 with surrogates
/// allowed, shortest forms only) holding at least one surrogate (text without one must be an
/// ordinary string record, so equal strs have one representation).
pub fn is_wide_constant(b: &[u8]) -> bool {
    let mut surrogate = false;
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let (n, min) = match lead {
            0..=0x7F => {
                i += 1;
                continue;
            }
            0xC2..=0xDF => (2, 0x80),
            0xE0..=0xEF => (3, 0x800),
            0xF0..=0xF4 => (4, 0x10000),
            _ => return false,
        };
        let Some(tail) = b.get(i + 1..i + n) else {
            return false;
        };
        if !tail.iter().all(|&c| c & 0xC0 == 0x80) {
            return false;
        }
        let mut cp = (lead as u32) & (0x7F >> n);
        for &c in tail {
            cp = cp << 6 | (c & 0x3F) as u32;
        }
        if cp < min || cp > 0x10FFFF {
            return false;
        }
        surrogate |= (0xD800..=0xDFFF).contains(&cp);
        i += n;
    }
    surrogate
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
