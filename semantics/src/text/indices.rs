//! Code-point indices and slices, shared by every sequence type; `s * n` and `join`.

use super::check_result_size;
use crate::error::{LibError, LibResult};

/// `len(s)`: the number of code points.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The byte offset of code point `i` in `s` (`s.len()` if `i` is at or past the end).
pub fn byte_offset(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(at, _)| at)
}

/// The code point at index `i` (already normalised, non-negative).
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(i).map(|&b| b as char);
    }
    s.chars().nth(i)
}

/// Normalises a subscript `i` for a sequence of length `len` (negative counts from the
/// end); `None` if out of range (the caller raises its `IndexError`).
pub fn normalize_index(len: usize, i: i64) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i.checked_add(len)? } else { i };
    if (0..len).contains(&j) {
        Some(j as usize)
    } else {
        None
    }
}

/// Normalises `[start:stop:step]` for a sequence of length `len` as CPython's
/// `PySlice_Unpack` + `PySlice_AdjustIndices`: returns `(start, stop, step, count)` where
/// the selected indices are `start + k * step` for `k in 0..count`.
pub fn normalize_slice(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> LibResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(LibError::value("slice step cannot be zero"));
    }
    // CPython clamps a step of -2**63 so that -step cannot overflow.
    let step = step.max(-i64::MAX);
    let length = len as i64;
    let adjust = |value: Option<i64>, default: i64| -> i64 {
        let Some(mut v) = value else {
            return default;
        };
        if v < 0 {
            v += length;
            if v < 0 {
                v = if step < 0 { -1 } else { 0 };
            }
        } else if v >= length {
            v = if step < 0 { length - 1 } else { length };
        }
        v
    };
    let (start, stop) = if step < 0 {
        (adjust(start, length - 1), adjust(stop, -1))
    } else {
        (adjust(start, 0), adjust(stop, length))
    };
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// `s[start:stop:step]` from the output of [`normalize_slice`].
pub fn slice(s: &str, start: i64, step: i64, count: usize) -> String {
    if count == 0 {
        return String::new();
    }
    if step == 1 {
        return substring(s, start as usize, start as usize + count).to_string();
    }
    if s.is_ascii() {
        let bytes = s.as_bytes();
        let mut out = String::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            if let Some(&b) = usize::try_from(i).ok().and_then(|at| bytes.get(at)) {
                out.push(b as char);
            }
            i += step;
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        if let Some(&c) = usize::try_from(i).ok().and_then(|at| chars.get(at)) {
            out.push(c);
        }
        i += step;
    }
    out
}

/// The code points `start..stop` of `s` (clamped to the string).
pub fn substring(s: &str, start: usize, stop: usize) -> &str {
    if stop <= start {
        return "";
    }
    if s.is_ascii() {
        let end = stop.min(s.len());
        return &s[start.min(end)..end];
    }
    let begin = byte_offset(s, start);
    let rest = &s[begin..];
    let end = byte_offset(rest, stop - start);
    &rest[..end]
}

/// `s * n`.
pub fn str_mul(s: &str, n: i64) -> LibResult<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let total = (s.len() as u128) * (n as u128);
    if total > isize::MAX as u128 {
        return Err(LibError::overflow("repeated string is too long"));
    }
    check_result_size(total)?;
    Ok(s.repeat(n as usize))
}

/// `sep.join(parts)`.
pub fn join(sep: &str, parts: &[&str]) -> String {
    parts.join(sep)
}
