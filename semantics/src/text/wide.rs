//! Text that holds lone surrogates (U+D800..U+DFFF), which a Rust `str` cannot: CPython's
//! `"\ud800"`, `chr(0xdc80)`, what `surrogateescape` decodes. Such text is kept as *wide
//! bytes*: every code point in UTF-8's encoding form, surrogates included (`ED A0 80` ..
//! `ED BF BF`), each surrogate on its own (a high one followed by a low one stays two code
//! points, never merged into one supplementary character). A code-point sequence has exactly
//! one such byte sequence, so str equality is byte equality and byte order is code-point
//! order; wide bytes without a surrogate are plain UTF-8.
//!
//! Contents: [`is_surrogate`], [`push_code_point`], [`decode_at`], [`code_points`],
//! [`is_wide_utf8`], [`has_surrogate`], [`segments`], [`wide_repr`], [`WideBuf`].

use super::repr::{push_hex_escape, repr_body};

/// Whether `cp` is a surrogate code point.
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// Appends `cp` (any code point up to U+10FFFF, surrogates included) in UTF-8's form.
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

/// The code point starting at byte `i` of well-formed wide bytes, and its length in bytes.
pub fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    let at = |k: usize| (b.get(i + k).copied().unwrap_or(0x80) & 0x3F) as u32;
    let lead = b[i];
    match lead {
        0..=0x7F => (lead as u32, 1),
        0xC0..=0xDF => (((lead & 0x1F) as u32) << 6 | at(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) as u32) << 12 | at(1) << 6 | at(2), 3),
        _ => (
            ((lead & 0x07) as u32) << 18 | at(1) << 12 | at(2) << 6 | at(3),
            4,
        ),
    }
}

/// The code points of well-formed wide bytes.
pub fn code_points(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let (cp, n) = decode_at(b, i);
        i += n;
        Some(cp)
    })
}

/// Whether `b` is well-formed wide bytes: UTF-8 except that surrogates are allowed.
pub fn is_wide_utf8(b: &[u8]) -> bool {
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
        if i + n > b.len() || !b[i + 1..i + n].iter().all(|&c| c & 0xC0 == 0x80) {
            return false;
        }
        let (cp, _) = decode_at(b, i);
        if cp < min || cp > 0x10FFFF {
            return false;
        }
        i += n;
    }
    true
}

/// Whether well-formed wide bytes hold a surrogate (else they are valid UTF-8).
pub fn has_surrogate(b: &[u8]) -> bool {
    // A surrogate is the only three-byte form led by ED with a second byte of A0..BF.
    b.windows(2).any(|w| w[0] == 0xED && w[1] >= 0xA0)
}

/// A piece of wide text: a run of valid UTF-8, or one surrogate.
pub enum Segment<'a> {
    /// A run of valid UTF-8.
    Text(&'a str),
    /// One surrogate code point.
    Surrogate(u32),
}

/// Wide bytes as runs of text and single surrogates, in order.
pub fn segments(b: &[u8]) -> impl Iterator<Item = Segment<'_>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        if b[i] == 0xED && b.get(i + 1).is_some_and(|&c| c >= 0xA0) {
            let (cp, n) = decode_at(b, i);
            i += n;
            return Some(Segment::Surrogate(cp));
        }
        let start = i;
        while i < b.len() && !(b[i] == 0xED && b.get(i + 1).is_some_and(|&c| c >= 0xA0)) {
            i += 1;
        }
        // Between surrogates the bytes are valid UTF-8 (checked, never assumed).
        Some(Segment::Text(
            std::str::from_utf8(&b[start..i]).unwrap_or("\u{fffd}"),
        ))
    })
}

/// `repr` (or `ascii` when `ascii_only`) of wide text: surrogates are never printable, so
/// each is written `\udXXX`.
pub fn wide_repr(b: &[u8], ascii_only: bool) -> String {
    let mut out = String::with_capacity(b.len() + 8);
    let quote = super::repr::choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.push(quote);
    for seg in segments(b) {
        match seg {
            Segment::Text(t) => repr_body(t, &mut out, ascii_only, quote),
            Segment::Surrogate(cp) => push_hex_escape(&mut out, 'u', cp, 4),
        }
    }
    out.push(quote);
    out
}

/// A growing piece of text that may come to hold surrogates; [`WideBuf::into_parts`] says
/// whether it did.
#[derive(Default, Clone)]
pub struct WideBuf {
    bytes: Vec<u8>,
    wide: bool,
}

impl WideBuf {
    /// An empty buffer.
    pub fn new() -> WideBuf {
        WideBuf::default()
    }
    /// An empty buffer with room for `n` bytes.
    pub fn with_capacity(n: usize) -> WideBuf {
        WideBuf {
            bytes: Vec::with_capacity(n),
            wide: false,
        }
    }
    /// Appends valid text.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }
    /// Appends one character.
    pub fn push(&mut self, c: char) {
        let mut b = [0; 4];
        self.push_str(c.encode_utf8(&mut b));
    }
    /// Appends any code point, a surrogate included.
    pub fn push_code_point(&mut self, cp: u32) {
        self.wide |= is_surrogate(cp);
        push_code_point(&mut self.bytes, cp);
    }
    /// Appends well-formed wide bytes.
    pub fn push_wide(&mut self, b: &[u8]) {
        self.wide = self.wide || has_surrogate(b);
        self.bytes.extend_from_slice(b);
    }
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
    /// Whether nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// The text: `Ok` when it holds no surrogate, else its wide bytes.
    pub fn into_parts(self) -> Result<String, Vec<u8>> {
        if self.wide {
            Err(self.bytes)
        } else {
            // Without surrogates the bytes are UTF-8; checked rather than assumed.
            String::from_utf8(self.bytes).map_err(|e| e.into_bytes())
        }
    }
}
