//! Searching: `find`, `index`, `count`, `startswith`... with CPython's optional bounds.

use super::{byte_offset, char_len};
use crate::error::{LibError, LibResult};

/// Python's `ADJUST_INDICES` for optional `start`/`end` over a length.
fn adjust_indices(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end += len;
        if end < 0 {
            end = 0;
        }
    }
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    (start, end)
}

/// Code point index of byte offset `b` in `s`.
fn char_index_of_byte(s: &str, b: usize, ascii: bool) -> usize {
    if ascii {
        b
    } else {
        s[..b].chars().count()
    }
}

/// Resolves adjusted code point bounds to `(window, byte offset of window, ascii)`;
/// `None` if `start > end` or beyond the string.
fn window(s: &str, start: i64, end: i64) -> Option<(&str, usize)> {
    if start > end {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    if s.is_ascii() {
        if start > s.len() {
            return None;
        }
        return Some((&s[start..end], start));
    }
    let b0 = byte_offset(s, start);
    let b1 = b0 + byte_offset(&s[b0..], end - start);
    Some((&s[b0..b1], b0))
}

/// `s.find(sub, start, end)`: code point index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let len = char_len(s);
    let (start, end) = adjust_indices(len, start, end);
    if start > len as i64 {
        return -1;
    }
    let Some((w, offset)) = window(s, start, end) else {
        return -1;
    };
    match w.find(sub) {
        Some(at) => char_index_of_byte(s, offset + at, s.is_ascii()) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: code point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let len = char_len(s);
    let (start, end) = adjust_indices(len, start, end);
    if start > len as i64 {
        return -1;
    }
    let Some((w, offset)) = window(s, start, end) else {
        return -1;
    };
    match w.rfind(sub) {
        Some(at) => char_index_of_byte(s, offset + at, s.is_ascii()) as i64,
        None => -1,
    }
}

fn not_found() -> LibError {
    LibError::value("substring not found")
}

/// `s.index(sub, start, end)`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> LibResult<usize> {
    let i = find(s, sub, start, end);
    if i < 0 {
        Err(not_found())
    } else {
        Ok(i as usize)
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> LibResult<usize> {
    let i = rfind(s, sub, start, end);
    if i < 0 {
        Err(not_found())
    } else {
        Ok(i as usize)
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let len = char_len(s);
    let (start, end) = adjust_indices(len, start, end);
    if start > len as i64 {
        return 0;
    }
    let Some((w, _)) = window(s, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return char_len(w) + 1;
    }
    w.matches(sub).count()
}

/// `sub in s`.
pub fn contains(s: &str, sub: &str) -> bool {
    s.contains(sub)
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    if start.is_none() && end.is_none() {
        return if at_end {
            s.ends_with(sub)
        } else {
            s.starts_with(sub)
        };
    }
    let len = char_len(s);
    let (start, end) = adjust_indices(len, start, end);
    if end - (char_len(sub) as i64) < start {
        return false;
    }
    let Some((w, _)) = window(s, start, end) else {
        return false;
    };
    if at_end {
        w.ends_with(sub)
    } else {
        w.starts_with(sub)
    }
}
