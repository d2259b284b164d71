//! The `unicode_escape` and `raw_unicode_escape` codecs, strict, with CPython's
//! `UnicodeDecodeError` messages.

use crate::error::{ErrorKind, LibError, LibResult};

fn push_escape(out: &mut Vec<u8>, c: u32) {
    let s = if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// `s.encode('unicode_escape')`: printable ASCII as is, `\t`, `\n`, `\r`, `\\`, and the
/// rest as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(c as u8),
            _ => push_escape(&mut out, c as u32),
        }
    }
    out
}

/// `s.encode('raw_unicode_escape')`: code points below 256 as their byte, the rest as
/// `\uhhhh` or `\Uhhhhhhhh`.
pub fn raw_unicode_escape_encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x100 {
            out.push(n as u8);
        } else {
            push_escape(&mut out, n);
        }
    }
    out
}

fn decode_error(codec: &str, start: usize, end: usize, reason: &str) -> LibError {
    let message = if end - start <= 1 {
        format!("'{codec}' codec can't decode byte 0x5c in position {start}: {reason}")
    } else {
        format!(
            "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    LibError::new(ErrorKind::UnicodeDecodeError, message)
}

/// `digits` hex digits at `b[at..]` as a code point, or the index just past the valid
/// ones when they are too few.
fn hex_at(b: &[u8], at: usize, digits: usize) -> Result<u32, usize> {
    let mut v: u32 = 0;
    for i in 0..digits {
        match b.get(at + i).and_then(|&d| (d as char).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => return Err(at + i),
        }
    }
    Ok(v)
}

/// `b.decode('unicode_escape')`: a string literal's escapes over Latin-1 text. Unknown
/// escapes keep their backslash, as CPython does (with a DeprecationWarning there).
pub fn unicode_escape_decode(b: &[u8]) -> LibResult<String> {
    const CODEC: &str = "unicodeescape";
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = b.get(i + 1) else {
            return Err(decode_error(CODEC, start, b.len(), "\\ at end of string"));
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (digits, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                match hex_at(b, i, digits) {
                    Ok(v) => match char::from_u32(v) {
                        Some(ch) => out.push(ch),
                        None if v < 0x110000 => {
                            return Err(decode_error(
                                CODEC,
                                start,
                                i + digits,
                                "surrogates not allowed",
                            ))
                        }
                        None => {
                            return Err(decode_error(
                                CODEC,
                                start,
                                i + digits,
                                "illegal Unicode character",
                            ))
                        }
                    },
                    Err(end) => return Err(decode_error(CODEC, start, end, what)),
                }
                i += digits;
            }
            b'N' => {
                return Err(decode_error(
                    CODEC,
                    start,
                    i,
                    "\\N escapes not supported (can't load unicodedata module)",
                ))
            }
            other => {
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    Ok(out)
}

/// `b.decode('raw_unicode_escape')`: Latin-1 text in which `\uhhhh` and `\Uhhhhhhhh`
/// (after an odd number of backslashes) are code points.
pub fn raw_unicode_escape_decode(b: &[u8]) -> LibResult<String> {
    const CODEC: &str = "rawunicodeescape";
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        // A run of backslashes: pairs stay as they are; an odd one may start an escape.
        let run_start = i;
        while i < b.len() && b[i] == b'\\' {
            i += 1;
        }
        let run = i - run_start;
        for _ in 0..run {
            out.push('\\');
        }
        if run % 2 == 0 || !matches!(b.get(i), Some(b'u' | b'U')) {
            continue;
        }
        out.pop();
        let start = i - 1;
        let (digits, what) = if b[i] == b'u' {
            (4, "truncated \\uXXXX escape")
        } else {
            (8, "truncated \\UXXXXXXXX escape")
        };
        match hex_at(b, i + 1, digits) {
            Ok(v) => match char::from_u32(v) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(decode_error(
                        CODEC,
                        start,
                        i + 1 + digits,
                        if v < 0x110000 {
                            "surrogates not allowed"
                        } else {
                            "\\Uxxxxxxxx out of range"
                        },
                    ))
                }
            },
            Err(end) => return Err(decode_error(CODEC, start, end, what)),
        }
        i += 1 + digits;
    }
    Ok(out)
}
