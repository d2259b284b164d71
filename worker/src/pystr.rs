//! Python's `str` methods as pure functions over `&str`, with code-point indices and
//! CPython's Unicode rules; plus slice-index normalisation shared by every sequence type
//! and the parser of `str.format` strings.
//!
//! Contents:
//! - indices and slices: [`char_len`], [`char_at`], [`byte_offset`], [`normalize_index`],
//!   [`normalize_slice`], [`slice()`], [`substring`], [`str_mul`], [`join`]
//! - searching: [`find`], [`rfind`], [`index`], [`rindex`], [`count`], [`startswith`],
//!   [`endswith`], [`contains`]
//! - splitting: [`split`], [`rsplit`], [`splitlines`], [`partition`], [`rpartition`]
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
//! - `str.format`: [`FormatPiece`], [`FormatField`], [`FieldArg`], [`FieldAccessor`],
//!   [`parse_format_string`], [`FormatStringParser`] (piece by piece, CPython's error order)
//!
//! Character classes come from tables generated from CPython 3.11 (Unicode 14.0, near the
//! end of the file); case mappings use Rust's full Unicode mappings with CPython's
//! final-sigma rule, corrected to Unicode 14.0 where later versions changed them. Every
//! single-character mapping and predicate agrees with CPython 3.11 on all code points.

use crate::pynum::{LibError, LibResult};

// ---------------------------------------------------------------------------------------
// Indices and slices
// ---------------------------------------------------------------------------------------

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

/// The largest str, in bytes, that the library builds; beyond it functions that can fail
/// raise `MemoryError` (as CPython does when the allocation fails) instead of aborting the
/// process.
pub const MAX_RESULT_BYTES: u128 = 1 << 31;

/// `MemoryError` if a result of `bytes` bytes is beyond [`MAX_RESULT_BYTES`].
pub fn check_result_size(bytes: u128) -> LibResult<()> {
    if bytes > MAX_RESULT_BYTES {
        Err(LibError::memory())
    } else {
        Ok(())
    }
}

fn padded_size(s: &str, width: i64, fill: char) -> u128 {
    s.len() as u128 + (width.max(0) as u128) * fill.len_utf8() as u128
}

/// [`center`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_center(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(center(s, width, fill))
}

/// [`ljust`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_ljust(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(ljust(s, width, fill))
}

/// [`rjust`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_rjust(s: &str, width: i64, fill: char) -> LibResult<String> {
    check_result_size(padded_size(s, width, fill))?;
    Ok(rjust(s, width, fill))
}

/// [`zfill`] with `MemoryError` instead of an abort for absurd widths.
pub fn try_zfill(s: &str, width: i64) -> LibResult<String> {
    check_result_size(padded_size(s, width, '0'))?;
    Ok(zfill(s, width))
}

/// [`expandtabs`] with `MemoryError` instead of an abort for absurd tab sizes.
pub fn try_expandtabs(s: &str, tabsize: i64) -> LibResult<String> {
    let tabs = s.bytes().filter(|&b| b == b'\t').count() as u128;
    check_result_size(s.len() as u128 + tabs * tabsize.max(0) as u128)?;
    Ok(expandtabs(s, tabsize))
}

/// [`replace`] with `MemoryError` instead of an abort when the result would be too large.
pub fn try_replace(s: &str, old: &str, new: &str, count: i64) -> LibResult<String> {
    if new.len() > old.len() {
        let matches = if old.is_empty() {
            char_len(s) as u128 + 1
        } else {
            s.matches(old).count() as u128
        };
        let limit = if count < 0 { u128::MAX } else { count as u128 };
        let growth = matches.min(limit) * (new.len() - old.len()) as u128;
        check_result_size(s.len() as u128 + growth)?;
    }
    Ok(replace(s, old, new, count))
}

/// `sep.join(parts)`.
pub fn join(sep: &str, parts: &[&str]) -> String {
    parts.join(sep)
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------------------

fn empty_separator() -> LibError {
    LibError::value("empty separator")
}

/// `s.split(sep, maxsplit)` (`maxsplit < 0`: no limit).
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> LibResult<Vec<&'a str>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        None => Ok(split_whitespace(s, limit)),
        Some("") => Err(empty_separator()),
        Some(sep) => {
            if limit == usize::MAX {
                Ok(s.split(sep).collect())
            } else {
                Ok(s.splitn(limit.saturating_add(1), sep).collect())
            }
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> LibResult<Vec<&'a str>> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts = match sep {
        None => rsplit_whitespace(s, limit),
        Some("") => return Err(empty_separator()),
        Some(sep) => {
            if limit == usize::MAX {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(limit.saturating_add(1), sep).collect()
            }
        }
    };
    if sep.is_some() {
        parts.reverse();
    }
    Ok(parts)
}

/// Python whitespace among ASCII bytes.
fn is_ascii_py_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

fn split_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    if s.is_ascii() {
        let b = s.as_bytes();
        let mut i = 0;
        loop {
            while i < b.len() && is_ascii_py_space(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            if out.len() == limit {
                out.push(&s[i..]);
                break;
            }
            let start = i;
            while i < b.len() && !is_ascii_py_space(b[i]) {
                i += 1;
            }
            out.push(&s[start..i]);
        }
        return out;
    }
    let mut rest = s.trim_start_matches(is_space_char);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        match rest.find(is_space_char) {
            Some(at) => {
                out.push(&rest[..at]);
                rest = rest[at..].trim_start_matches(is_space_char);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn rsplit_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space_char);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space_char) {
            Some(at) => {
                let space_len = rest[at..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[at + space_len..]);
                rest = rest[..at].trim_end_matches(is_space_char);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// Python's line boundaries for `splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
        }
        out.push(if keepends {
            &s[line_start..end]
        } else {
            &s[line_start..at]
        });
        line_start = end;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// `s.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> LibResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> LibResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => ("", "", s),
    })
}

// ---------------------------------------------------------------------------------------
// Trimming and padding
// ---------------------------------------------------------------------------------------

/// `s.strip(chars)`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space_char),
        Some(set) => s.trim_start_matches(|c: char| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space_char),
        Some(set) => s.trim_end_matches(|c: char| set.contains(c)),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    for _ in 0..left {
        out.push(fill);
    }
    out.push_str(s);
    for _ in 0..right {
        out.push(fill);
    }
    out
}

/// `s.center(width, fillchar)`, with CPython's choice of where the odd pad goes.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    pad(s, 0, (width - len) as usize, fill)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    pad(s, (width - len) as usize, 0, fill)
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let fill = (width - len) as usize;
    let mut out = String::with_capacity(s.len() + fill);
    let rest = match s.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            out.push_str(&s[..1]);
            &s[1..]
        }
        _ => s,
    };
    for _ in 0..fill {
        out.push('0');
    }
    out.push_str(rest);
    out
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    for _ in 0..spaces {
                        out.push(' ');
                    }
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Rewriting
// ---------------------------------------------------------------------------------------

/// `s.replace(old, new, count)` (`count < 0`: all).
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (char_len(s) + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if limit == usize::MAX {
        return s.replace(old, new);
    }
    s.replacen(old, new, limit)
}

/// `s.upper()`: full Unicode mappings (`'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(c, &mut out);
    }
    out
}

/// `s.lower()`: full Unicode mappings with the final sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        push_lower(&chars, i, c, &mut out);
    }
    out
}

/// Lowercases `chars[i] == c` into `out`, applying CPython's Final_Sigma context.
fn push_lower(chars: &[char], i: usize, c: char, out: &mut String) {
    if c == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_lower_simple(c, out);
    }
}

fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let final_sigma = before.is_some_and(|&c| is_cased(c));
    if !final_sigma {
        return false;
    }
    match chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c)) {
        None => true,
        Some(&c) => !is_cased(c),
    }
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match lookup_special(CASEFOLD_SPECIAL, c) {
            Some(folded) => out.push_str(folded),
            None => push_lower_simple(c, &mut out),
        }
    }
    out
}

fn lookup_special(table: &[(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| table[i].1)
}

fn push_title(c: char, out: &mut String) {
    match lookup_special(TITLE_SPECIAL, c) {
        Some(t) => out.push_str(t),
        None => push_upper(c, out),
    }
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase() as char
                } else {
                    b.to_ascii_uppercase() as char
                }
            })
            .collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper_char(c) {
            push_lower(&chars, i, c, &mut out);
        } else if is_lower_char(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        let mut previous_is_cased = false;
        for b in s.bytes() {
            out.push(if previous_is_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            } as char);
            previous_is_cased = b.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower(&chars, i, c, &mut out);
        } else {
            push_title(c, &mut out);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower(&chars, i, c, &mut out);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

fn in_ranges(table: &[u32], c: char) -> bool {
    let v = c as u32;
    // `table` holds sorted inclusive (first, last) pairs; find the last pair starting <= v.
    let pairs = table.len() / 2;
    let (mut lo, mut hi) = (0usize, pairs);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if table[2 * mid] <= v {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo > 0 && v <= table[2 * (lo - 1) + 1]
}

/// Python's whitespace: `str.isspace()` for one character (also what `split()` and
/// `strip()` use).
pub fn is_space_char(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `str.isprintable()` for one character (what `repr` leaves unescaped).
pub fn is_printable_char(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(PRINTABLE_RANGES, c)
}

/// The value of a Unicode decimal digit (category Nd), as `int()` and format specs accept.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || !in_ranges(DECIMAL_RANGES, c) {
        return None;
    }
    // Every decimal range is a run of whole 0-9 blocks starting at a zero.
    let v = c as u32;
    let pairs = DECIMAL_RANGES.len() / 2;
    let i = (0..pairs).rfind(|&i| DECIMAL_RANGES[2 * i] <= v)?;
    Some((v - DECIMAL_RANGES[2 * i]) % 10)
}

fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ALPHA_RANGES, c)
}

fn is_decimal_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(DECIMAL_RANGES, c))
}

fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(DIGIT_RANGES, c))
}

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(NUMERIC_RANGES, c))
}

fn is_titlecase_char(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLECASE_LETTER_RANGES, c)
}

fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(CASED_RANGES, c)
}

fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE_RANGES, c)
}

/// `str.islower()` for one character, by CPython 3.11's Unicode data.
fn is_lower_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    match LOWERCASE_OVERRIDES.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
        Ok(i) => LOWERCASE_OVERRIDES[i].1,
        Err(_) => c.is_lowercase(),
    }
}

/// `str.isupper()` for one character, by CPython 3.11's Unicode data.
fn is_upper_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match UPPERCASE_OVERRIDES.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
        Ok(i) => UPPERCASE_OVERRIDES[i].1,
        Err(_) => c.is_uppercase(),
    }
}

/// Whether CPython 3.11 leaves `c` unchanged under every case mapping although the Rust
/// standard library maps it.
fn lacks_case_mapping(c: char) -> bool {
    !c.is_ascii() && NO_CASE_MAPPING.binary_search(&(c as u32)).is_ok()
}

fn push_lower_simple(c: char, out: &mut String) {
    if lacks_case_mapping(c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

fn push_upper(c: char, out: &mut String) {
    if lacks_case_mapping(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit_char)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal_char)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric_char)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha_char)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |c| {
        is_alpha_char(c) || is_decimal_char(c) || is_digit_char(c) || is_numeric_char(c)
    })
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space_char)
}
/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}

/// `s.isupper()`: some cased character and no lowercase or titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_titlecase_char(c) {
            return false;
        }
        if is_upper_char(c) {
            cased = true;
        }
    }
    cased
}

/// `s.islower()`: some cased character and no uppercase or titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase_char(c) {
            return false;
        }
        if is_lower_char(c) {
            cased = true;
        }
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_titlecase_char(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start_ok = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        in_ranges(XID_START_RANGES, first)
    };
    start_ok
        && chars.all(|c| {
            if c.is_ascii() {
                c == '_' || c.is_ascii_alphanumeric()
            } else {
                in_ranges(XID_CONTINUE_RANGES, c)
            }
        })
}

// ---------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------

/// `b.decode('utf-8')` (strict): the text, or CPython's `UnicodeDecodeError` message
/// (`'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`).
pub fn decode_utf8(bytes: &[u8]) -> LibResult<&str> {
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(err) => err,
    };
    let start = err.valid_up_to();
    // Rust and CPython both report the maximal invalid subpart of the sequence.
    let (end, reason) = match err.error_len() {
        None => (bytes.len(), "unexpected end of data"),
        Some(len) => {
            let first = bytes[start];
            let invalid_start = (0x80..=0xc1).contains(&first) || first >= 0xf5;
            let reason = if invalid_start {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (start + len, reason)
        }
    };
    let message = if end - start == 1 {
        format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            bytes[start]
        )
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    Err(LibError::new("UnicodeDecodeError", message))
}

// ---------------------------------------------------------------------------------------
// str.format strings
// ---------------------------------------------------------------------------------------

/// One piece of a parsed `str.format` string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatPiece {
    /// Literal text, with `{{`/`}}` already unescaped.
    Literal(String),
    /// A replacement field.
    Field(FormatField),
}

/// The first part of a field name: a positional index (explicit or automatic) or a keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    Index(usize),
    Name(String),
}

/// One `.attr` or `[key]` after a field's first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name`
    Attr(String),
    /// `[3]`: an all-digit key is an int index.
    Index(usize),
    /// `[key]`: any other key is a str.
    Key(String),
}

/// A replacement field `{arg.attr[key]!conv:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatField {
    pub arg: FieldArg,
    pub accessors: Vec<FieldAccessor>,
    /// `r`, `s` or `a`.
    pub conversion: Option<char>,
    /// The format spec; nested fields (`{:{width}}`) appear as `Field` pieces. An empty vec
    /// means an empty spec.
    pub spec: Vec<FormatPiece>,
}

/// Numbering state shared by a format string and its nested specs.
struct AutoNumber {
    manual_seen: bool,
    auto_seen: bool,
    next: usize,
}

/// Parses a `str.format` template with CPython's errors (`Single '}' encountered in format
/// string`, `cannot switch from automatic field numbering to manual field
/// specification`, `Max string recursion exceeded`...). Automatic numbering is resolved:
/// `{}` fields carry explicit indices.
pub fn parse_format_string(template: &str) -> LibResult<Vec<FormatPiece>> {
    let mut numbering = AutoNumber {
        manual_seen: false,
        auto_seen: false,
        next: 0,
    };
    let chars: Vec<char> = template.chars().collect();
    parse_markup(&chars, 2, &mut numbering)
}

fn parse_markup(
    chars: &[char],
    depth: u32,
    numbering: &mut AutoNumber,
) -> LibResult<Vec<FormatPiece>> {
    if depth == 0 {
        return Err(LibError::value("Max string recursion exceeded"));
    }
    let mut pieces = Vec::new();
    let mut pos = 0;
    while let Some(piece) = next_piece(chars, &mut pos, depth, numbering) {
        pieces.push(piece?);
    }
    Ok(pieces)
}

/// Parses the piece of `chars` at `*pos`: a run of literal text (escapes resolved) or one
/// field. `None` at the end.
fn next_piece(
    chars: &[char],
    pos: &mut usize,
    depth: u32,
    numbering: &mut AutoNumber,
) -> Option<LibResult<FormatPiece>> {
    let n = chars.len();
    if *pos >= n {
        return None;
    }
    let mut literal = String::new();
    while *pos < n {
        let c = chars[*pos];
        if c != '{' && c != '}' {
            literal.push(c);
            *pos += 1;
            continue;
        }
        let next = chars.get(*pos + 1).copied();
        if c == '}' {
            if next != Some('}') {
                return Some(Err(LibError::value(
                    "Single '}' encountered in format string",
                )));
            }
            literal.push('}');
            *pos += 2;
            continue;
        }
        match next {
            None => {
                return Some(Err(LibError::value(
                    "Single '{' encountered in format string",
                )))
            }
            Some('{') => {
                literal.push('{');
                *pos += 2;
            }
            Some(_) if !literal.is_empty() => break,
            Some(_) => {
                *pos += 1;
                return Some(parse_field(chars, pos, depth, numbering).map(FormatPiece::Field));
            }
        }
    }
    Some(Ok(FormatPiece::Literal(literal)))
}

/// Parses a `str.format` template piece by piece, so that the caller can render each piece
/// before the rest is parsed and errors surface in CPython's order (a failing field wins
/// over a later syntax error). Yields nothing more after an error.
pub struct FormatStringParser {
    chars: Vec<char>,
    pos: usize,
    numbering: AutoNumber,
    failed: bool,
}

impl FormatStringParser {
    pub fn new(template: &str) -> FormatStringParser {
        FormatStringParser {
            chars: template.chars().collect(),
            pos: 0,
            numbering: AutoNumber {
                manual_seen: false,
                auto_seen: false,
                next: 0,
            },
            failed: false,
        }
    }
}

impl Iterator for FormatStringParser {
    type Item = LibResult<FormatPiece>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let piece = next_piece(&self.chars, &mut self.pos, 2, &mut self.numbering);
        if matches!(piece, Some(Err(_))) {
            self.failed = true;
        }
        piece
    }
}

/// Parses one replacement field starting just after its `{`, leaving `*pos` after its
/// closing `}` (CPython's `parse_field`).
fn parse_field(
    chars: &[char],
    pos: &mut usize,
    depth: u32,
    numbering: &mut AutoNumber,
) -> LibResult<FormatField> {
    let n = chars.len();
    let name_start = *pos;
    let mut terminator = None;
    while *pos < n {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(LibError::value("unexpected '{' in field name")),
            '[' => {
                while *pos < n && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                terminator = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(mut terminator) = terminator else {
        return Err(LibError::value("expected '}' before end of string"));
    };
    let name = &chars[name_start..*pos - 1];
    let mut conversion = None;
    if terminator == '!' {
        if *pos >= n {
            return Err(LibError::value(
                "end of string while looking for conversion specifier",
            ));
        }
        conversion = Some(chars[*pos]);
        *pos += 1;
        if *pos < n {
            terminator = chars[*pos];
            *pos += 1;
            if terminator != '}' && terminator != ':' {
                return Err(LibError::value("expected ':' after conversion specifier"));
            }
        } else {
            // Nothing after the conversion: the spec scan below finds no closing brace.
            terminator = ':';
        }
    }
    let mut spec_chars: &[char] = &[];
    let mut needs_expanding = false;
    if terminator == ':' {
        let spec_start = *pos;
        let mut level = 1;
        let mut close = None;
        while *pos < n {
            let c = chars[*pos];
            *pos += 1;
            if c == '{' {
                needs_expanding = true;
                level += 1;
            } else if c == '}' {
                level -= 1;
                if level == 0 {
                    close = Some(*pos - 1);
                    break;
                }
            }
        }
        let Some(close) = close else {
            return Err(LibError::value("unmatched '{' in format spec"));
        };
        spec_chars = &chars[spec_start..close];
    }
    let (arg, accessors) = parse_field_name(name, numbering)?;
    if let Some(conv) = conversion {
        if !matches!(conv, 'r' | 's' | 'a') {
            let shown = if ('!'..='~').contains(&conv) {
                conv.to_string()
            } else {
                format!("\\x{:x}", conv as u32)
            };
            return Err(LibError::value(format!(
                "Unknown conversion specifier {shown}"
            )));
        }
    }
    let spec = if spec_chars.is_empty() {
        Vec::new()
    } else if needs_expanding {
        parse_markup(spec_chars, depth - 1, numbering)?
    } else {
        vec![FormatPiece::Literal(spec_chars.iter().collect())]
    };
    Ok(FormatField {
        arg,
        accessors,
        conversion,
        spec,
    })
}

fn parse_decimal(chars: &[char]) -> LibResult<Option<usize>> {
    if chars.is_empty() || !chars.iter().all(|&c| decimal_value(c).is_some()) {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in chars {
        let d = decimal_value(c).unwrap_or(0) as usize;
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| LibError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn parse_field_name(
    name: &[char],
    numbering: &mut AutoNumber,
) -> LibResult<(FieldArg, Vec<FieldAccessor>)> {
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let arg = if first.is_empty() {
        if numbering.manual_seen {
            return Err(LibError::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        numbering.auto_seen = true;
        let index = numbering.next;
        numbering.next += 1;
        FieldArg::Index(index)
    } else if let Some(index) = parse_decimal(first)? {
        if numbering.auto_seen {
            return Err(LibError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        numbering.manual_seen = true;
        FieldArg::Index(index)
    } else {
        FieldArg::Name(first.iter().collect())
    };
    let mut accessors = Vec::new();
    let mut i = first_end;
    while i < name.len() {
        let c = name[i];
        i += 1;
        if c == '.' {
            let start = i;
            while i < name.len() && name[i] != '.' && name[i] != '[' {
                i += 1;
            }
            if i == start {
                return Err(LibError::value("Empty attribute in format string"));
            }
            accessors.push(FieldAccessor::Attr(name[start..i].iter().collect()));
        } else if c == '[' {
            let start = i;
            while i < name.len() && name[i] != ']' {
                i += 1;
            }
            if i >= name.len() {
                return Err(LibError::value("Missing ']' in format string"));
            }
            let key = &name[start..i];
            i += 1;
            if key.is_empty() {
                return Err(LibError::value("Empty attribute in format string"));
            }
            accessors.push(match parse_decimal(key)? {
                Some(index) => FieldAccessor::Index(index),
                None => FieldAccessor::Key(key.iter().collect()),
            });
            if i < name.len() && name[i] != '.' && name[i] != '[' {
                return Err(LibError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(LibError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok((arg, accessors))
}

// Tables generated from CPython 3.11 (Unicode 14.0): inclusive code point ranges as
// flat (first, last) pairs, sorted.

/// Characters that have case mappings in the Rust standard library's newer Unicode version
/// but none in CPython 3.11's (Unicode 14.0): they map to themselves.
static NO_CASE_MAPPING: &[u32] = &[
    0x19b, 0x264, 0x1c89, 0x1c8a, 0xa7cb, 0xa7cc, 0xa7cd, 0xa7ce, 0xa7cf, 0xa7d2, 0xa7d3, 0xa7d4,
    0xa7d5, 0xa7da, 0xa7db, 0xa7dc, 0x10d50, 0x10d51, 0x10d52, 0x10d53, 0x10d54, 0x10d55, 0x10d56,
    0x10d57, 0x10d58, 0x10d59, 0x10d5a, 0x10d5b, 0x10d5c, 0x10d5d, 0x10d5e, 0x10d5f, 0x10d60,
    0x10d61, 0x10d62, 0x10d63, 0x10d64, 0x10d65, 0x10d70, 0x10d71, 0x10d72, 0x10d73, 0x10d74,
    0x10d75, 0x10d76, 0x10d77, 0x10d78, 0x10d79, 0x10d7a, 0x10d7b, 0x10d7c, 0x10d7d, 0x10d7e,
    0x10d7f, 0x10d80, 0x10d81, 0x10d82, 0x10d83, 0x10d84, 0x10d85, 0x16ea0, 0x16ea1, 0x16ea2,
    0x16ea3, 0x16ea4, 0x16ea5, 0x16ea6, 0x16ea7, 0x16ea8, 0x16ea9, 0x16eaa, 0x16eab, 0x16eac,
    0x16ead, 0x16eae, 0x16eaf, 0x16eb0, 0x16eb1, 0x16eb2, 0x16eb3, 0x16eb4, 0x16eb5, 0x16eb6,
    0x16eb7, 0x16eb8, 0x16ebb, 0x16ebc, 0x16ebd, 0x16ebe, 0x16ebf, 0x16ec0, 0x16ec1, 0x16ec2,
    0x16ec3, 0x16ec4, 0x16ec5, 0x16ec6, 0x16ec7, 0x16ec8, 0x16ec9, 0x16eca, 0x16ecb, 0x16ecc,
    0x16ecd, 0x16ece, 0x16ecf, 0x16ed0, 0x16ed1, 0x16ed2, 0x16ed3,
];

/// Characters whose `Lowercase` property differs between the Rust standard library's
/// Unicode version and CPython 3.11's, with CPython's value.
static LOWERCASE_OVERRIDES: &[(u32, bool)] = &[
    (0x295, true),
    (0x10fc, false),
    (0x1c8a, false),
    (0xa7cd, false),
    (0xa7cf, false),
    (0xa7db, false),
    (0xa7f1, false),
    (0xa7f2, false),
    (0xa7f3, false),
    (0xa7f4, false),
    (0xab69, false),
    (0x10d70, false),
    (0x10d71, false),
    (0x10d72, false),
    (0x10d73, false),
    (0x10d74, false),
    (0x10d75, false),
    (0x10d76, false),
    (0x10d77, false),
    (0x10d78, false),
    (0x10d79, false),
    (0x10d7a, false),
    (0x10d7b, false),
    (0x10d7c, false),
    (0x10d7d, false),
    (0x10d7e, false),
    (0x10d7f, false),
    (0x10d80, false),
    (0x10d81, false),
    (0x10d82, false),
    (0x10d83, false),
    (0x10d84, false),
    (0x10d85, false),
    (0x16ebb, false),
    (0x16ebc, false),
    (0x16ebd, false),
    (0x16ebe, false),
    (0x16ebf, false),
    (0x16ec0, false),
    (0x16ec1, false),
    (0x16ec2, false),
    (0x16ec3, false),
    (0x16ec4, false),
    (0x16ec5, false),
    (0x16ec6, false),
    (0x16ec7, false),
    (0x16ec8, false),
    (0x16ec9, false),
    (0x16eca, false),
    (0x16ecb, false),
    (0x16ecc, false),
    (0x16ecd, false),
    (0x16ece, false),
    (0x16ecf, false),
    (0x16ed0, false),
    (0x16ed1, false),
    (0x16ed2, false),
    (0x16ed3, false),
    (0x1df25, false),
    (0x1df26, false),
    (0x1df27, false),
    (0x1df28, false),
    (0x1df29, false),
    (0x1df2a, false),
    (0x1e030, false),
    (0x1e031, false),
    (0x1e032, false),
    (0x1e033, false),
    (0x1e034, false),
    (0x1e035, false),
    (0x1e036, false),
    (0x1e037, false),
    (0x1e038, false),
    (0x1e039, false),
    (0x1e03a, false),
    (0x1e03b, false),
    (0x1e03c, false),
    (0x1e03d, false),
    (0x1e03e, false),
    (0x1e03f, false),
    (0x1e040, false),
    (0x1e041, false),
    (0x1e042, false),
    (0x1e043, false),
    (0x1e044, false),
    (0x1e045, false),
    (0x1e046, false),
    (0x1e047, false),
    (0x1e048, false),
    (0x1e049, false),
    (0x1e04a, false),
    (0x1e04b, false),
    (0x1e04c, false),
    (0x1e04d, false),
    (0x1e04e, false),
    (0x1e04f, false),
    (0x1e050, false),
    (0x1e051, false),
    (0x1e052, false),
    (0x1e053, false),
    (0x1e054, false),
    (0x1e055, false),
    (0x1e056, false),
    (0x1e057, false),
    (0x1e058, false),
    (0x1e059, false),
    (0x1e05a, false),
    (0x1e05b, false),
    (0x1e05c, false),
    (0x1e05d, false),
    (0x1e05e, false),
    (0x1e05f, false),
    (0x1e060, false),
    (0x1e061, false),
    (0x1e062, false),
    (0x1e063, false),
    (0x1e064, false),
    (0x1e065, false),
    (0x1e066, false),
    (0x1e067, false),
    (0x1e068, false),
    (0x1e069, false),
    (0x1e06a, false),
    (0x1e06b, false),
    (0x1e06c, false),
    (0x1e06d, false),
];

/// As [`LOWERCASE_OVERRIDES`] for the `Uppercase` property.
static UPPERCASE_OVERRIDES: &[(u32, bool)] = &[
    (0x1c89, false),
    (0xa7cb, false),
    (0xa7cc, false),
    (0xa7ce, false),
    (0xa7d2, false),
    (0xa7d4, false),
    (0xa7da, false),
    (0xa7dc, false),
    (0x10d50, false),
    (0x10d51, false),
    (0x10d52, false),
    (0x10d53, false),
    (0x10d54, false),
    (0x10d55, false),
    (0x10d56, false),
    (0x10d57, false),
    (0x10d58, false),
    (0x10d59, false),
    (0x10d5a, false),
    (0x10d5b, false),
    (0x10d5c, false),
    (0x10d5d, false),
    (0x10d5e, false),
    (0x10d5f, false),
    (0x10d60, false),
    (0x10d61, false),
    (0x10d62, false),
    (0x10d63, false),
    (0x10d64, false),
    (0x10d65, false),
    (0x16ea0, false),
    (0x16ea1, false),
    (0x16ea2, false),
    (0x16ea3, false),
    (0x16ea4, false),
    (0x16ea5, false),
    (0x16ea6, false),
    (0x16ea7, false),
    (0x16ea8, false),
    (0x16ea9, false),
    (0x16eaa, false),
    (0x16eab, false),
    (0x16eac, false),
    (0x16ead, false),
    (0x16eae, false),
    (0x16eaf, false),
    (0x16eb0, false),
    (0x16eb1, false),
    (0x16eb2, false),
    (0x16eb3, false),
    (0x16eb4, false),
    (0x16eb5, false),
    (0x16eb6, false),
    (0x16eb7, false),
    (0x16eb8, false),
];

/// Characters for which `str.isprintable()` is true.
static PRINTABLE_RANGES: &[u32] = &[
    0x20, 0x7e, 0xa1, 0xac, 0xae, 0x377, 0x37a, 0x37f, 0x384, 0x38a, 0x38c, 0x38c, 0x38e, 0x3a1,
    0x3a3, 0x52f, 0x531, 0x556, 0x559, 0x58a, 0x58d, 0x58f, 0x591, 0x5c7, 0x5d0, 0x5ea, 0x5ef,
    0x5f4, 0x606, 0x61b, 0x61d, 0x6dc, 0x6de, 0x70d, 0x710, 0x74a, 0x74d, 0x7b1, 0x7c0, 0x7fa,
    0x7fd, 0x82d, 0x830, 0x83e, 0x840, 0x85b, 0x85e, 0x85e, 0x860, 0x86a, 0x870, 0x88e, 0x898,
    0x8e1, 0x8e3, 0x983, 0x985, 0x98c, 0x98f, 0x990, 0x993, 0x9a8, 0x9aa, 0x9b0, 0x9b2, 0x9b2,
    0x9b6, 0x9b9, 0x9bc, 0x9c4, 0x9c7, 0x9c8, 0x9cb, 0x9ce, 0x9d7, 0x9d7, 0x9dc, 0x9dd, 0x9df,
    0x9e3, 0x9e6, 0x9fe, 0xa01, 0xa03, 0xa05, 0xa0a, 0xa0f, 0xa10, 0xa13, 0xa28, 0xa2a, 0xa30,
    0xa32, 0xa33, 0xa35, 0xa36, 0xa38, 0xa39, 0xa3c, 0xa3c, 0xa3e, 0xa42, 0xa47, 0xa48, 0xa4b,
    0xa4d, 0xa51, 0xa51, 0xa59, 0xa5c, 0xa5e, 0xa5e, 0xa66, 0xa76, 0xa81, 0xa83, 0xa85, 0xa8d,
    0xa8f, 0xa91, 0xa93, 0xaa8, 0xaaa, 0xab0, 0xab2, 0xab3, 0xab5, 0xab9, 0xabc, 0xac5, 0xac7,
    0xac9, 0xacb, 0xacd, 0xad0, 0xad0, 0xae0, 0xae3, 0xae6, 0xaf1, 0xaf9, 0xaff, 0xb01, 0xb03,
    0xb05, 0xb0c, 0xb0f, 0xb10, 0xb13, 0xb28, 0xb2a, 0xb30, 0xb32, 0xb33, 0xb35, 0xb39, 0xb3c,
    0xb44, 0xb47, 0xb48, 0xb4b, 0xb4d, 0xb55, 0xb57, 0xb5c, 0xb5d, 0xb5f, 0xb63, 0xb66, 0xb77,
    0xb82, 0xb83, 0xb85, 0xb8a, 0xb8e, 0xb90, 0xb92, 0xb95, 0xb99, 0xb9a, 0xb9c, 0xb9c, 0xb9e,
    0xb9f, 0xba3, 0xba4, 0xba8, 0xbaa, 0xbae, 0xbb9, 0xbbe, 0xbc2, 0xbc6, 0xbc8, 0xbca, 0xbcd,
    0xbd0, 0xbd0, 0xbd7, 0xbd7, 0xbe6, 0xbfa, 0xc00, 0xc0c, 0xc0e, 0xc10, 0xc12, 0xc28, 0xc2a,
    0xc39, 0xc3c, 0xc44, 0xc46, 0xc48, 0xc4a, 0xc4d, 0xc55, 0xc56, 0xc58, 0xc5a, 0xc5d, 0xc5d,
    0xc60, 0xc63, 0xc66, 0xc6f, 0xc77, 0xc8c, 0xc8e, 0xc90, 0xc92, 0xca8, 0xcaa, 0xcb3, 0xcb5,
    0xcb9, 0xcbc, 0xcc4, 0xcc6, 0xcc8, 0xcca, 0xccd, 0xcd5, 0xcd6, 0xcdd, 0xcde, 0xce0, 0xce3,
    0xce6, 0xcef, 0xcf1, 0xcf2, 0xd00, 0xd0c, 0xd0e, 0xd10, 0xd12, 0xd44, 0xd46, 0xd48, 0xd4a,
    0xd4f, 0xd54, 0xd63, 0xd66, 0xd7f, 0xd81, 0xd83, 0xd85, 0xd96, 0xd9a, 0xdb1, 0xdb3, 0xdbb,
    0xdbd, 0xdbd, 0xdc0, 0xdc6, 0xdca, 0xdca, 0xdcf, 0xdd4, 0xdd6, 0xdd6, 0xdd8, 0xddf, 0xde6,
    0xdef, 0xdf2, 0xdf4, 0xe01, 0xe3a, 0xe3f, 0xe5b, 0xe81, 0xe82, 0xe84, 0xe84, 0xe86, 0xe8a,
    0xe8c, 0xea3, 0xea5, 0xea5, 0xea7, 0xebd, 0xec0, 0xec4, 0xec6, 0xec6, 0xec8, 0xecd, 0xed0,
    0xed9, 0xedc, 0xedf, 0xf00, 0xf47, 0xf49, 0xf6c, 0xf71, 0xf97, 0xf99, 0xfbc, 0xfbe, 0xfcc,
    0xfce, 0xfda, 0x1000, 0x10c5, 0x10c7, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x1248, 0x124a, 0x124d,
    0x1250, 0x1256, 0x1258, 0x1258, 0x125a, 0x125d, 0x1260, 0x1288, 0x128a, 0x128d, 0x1290, 0x12b0,
    0x12b2, 0x12b5, 0x12b8, 0x12be, 0x12c0, 0x12c0, 0x12c2, 0x12c5, 0x12c8, 0x12d6, 0x12d8, 0x1310,
    0x1312, 0x1315, 0x1318, 0x135a, 0x135d, 0x137c, 0x1380, 0x1399, 0x13a0, 0x13f5, 0x13f8, 0x13fd,
    0x1400, 0x167f, 0x1681, 0x169c, 0x16a0, 0x16f8, 0x1700, 0x1715, 0x171f, 0x1736, 0x1740, 0x1753,
    0x1760, 0x176c, 0x176e, 0x1770, 0x1772, 0x1773, 0x1780, 0x17dd, 0x17e0, 0x17e9, 0x17f0, 0x17f9,
    0x1800, 0x180d, 0x180f, 0x1819, 0x1820, 0x1878, 0x1880, 0x18aa, 0x18b0, 0x18f5, 0x1900, 0x191e,
    0x1920, 0x192b, 0x1930, 0x193b, 0x1940, 0x1940, 0x1944, 0x196d, 0x1970, 0x1974, 0x1980, 0x19ab,
    0x19b0, 0x19c9, 0x19d0, 0x19da, 0x19de, 0x1a1b, 0x1a1e, 0x1a5e, 0x1a60, 0x1a7c, 0x1a7f, 0x1a89,
    0x1a90, 0x1a99, 0x1aa0, 0x1aad, 0x1ab0, 0x1ace, 0x1b00, 0x1b4c, 0x1b50, 0x1b7e, 0x1b80, 0x1bf3,
    0x1bfc, 0x1c37, 0x1c3b, 0x1c49, 0x1c4d, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cc7, 0x1cd0, 0x1cfa,
    0x1d00, 0x1f15, 0x1f18, 0x1f1d, 0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59,
    0x1f5b, 0x1f5b, 0x1f5d, 0x1f5d, 0x1f5f, 0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fc4, 0x1fc6, 0x1fd3,
    0x1fd6, 0x1fdb, 0x1fdd, 0x1fef, 0x1ff2, 0x1ff4, 0x1ff6, 0x1ffe, 0x2010, 0x2027, 0x2030, 0x205e,
    0x2070, 0x2071, 0x2074, 0x208e, 0x2090, 0x209c, 0x20a0, 0x20c0, 0x20d0, 0x20f0, 0x2100, 0x218b,
    0x2190, 0x2426, 0x2440, 0x244a, 0x2460, 0x2b73, 0x2b76, 0x2b95, 0x2b97, 0x2cf3, 0x2cf9, 0x2d25,
    0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67, 0x2d6f, 0x2d70, 0x2d7f, 0x2d96, 0x2da0, 0x2da6,
    0x2da8, 0x2dae, 0x2db0, 0x2db6, 0x2db8, 0x2dbe, 0x2dc0, 0x2dc6, 0x2dc8, 0x2dce, 0x2dd0, 0x2dd6,
    0x2dd8, 0x2dde, 0x2de0, 0x2e5d, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x2ffb,
    0x3001, 0x303f, 0x3041, 0x3096, 0x3099, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e3,
    0x31f0, 0x321e, 0x3220, 0xa48c, 0xa490, 0xa4c6, 0xa4d0, 0xa62b, 0xa640, 0xa6f7, 0xa700, 0xa7ca,
    0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9, 0xa7f2, 0xa82c, 0xa830, 0xa839, 0xa840, 0xa877,
    0xa880, 0xa8c5, 0xa8ce, 0xa8d9, 0xa8e0, 0xa953, 0xa95f, 0xa97c, 0xa980, 0xa9cd, 0xa9cf, 0xa9d9,
    0xa9de, 0xa9fe, 0xaa00, 0xaa36, 0xaa40, 0xaa4d, 0xaa50, 0xaa59, 0xaa5c, 0xaac2, 0xaadb, 0xaaf6,
    0xab01, 0xab06, 0xab09, 0xab0e, 0xab11, 0xab16, 0xab20, 0xab26, 0xab28, 0xab2e, 0xab30, 0xab6b,
    0xab70, 0xabed, 0xabf0, 0xabf9, 0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb, 0xf900, 0xfa6d,
    0xfa70, 0xfad9, 0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfb36, 0xfb38, 0xfb3c, 0xfb3e, 0xfb3e,
    0xfb40, 0xfb41, 0xfb43, 0xfb44, 0xfb46, 0xfbc2, 0xfbd3, 0xfd8f, 0xfd92, 0xfdc7, 0xfdcf, 0xfdcf,
    0xfdf0, 0xfe19, 0xfe20, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xfe70, 0xfe74, 0xfe76, 0xfefc,
    0xff01, 0xffbe, 0xffc2, 0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7, 0xffda, 0xffdc, 0xffe0, 0xffe6,
    0xffe8, 0xffee, 0xfffc, 0xfffd, 0x10000, 0x1000b, 0x1000d, 0x10026, 0x10028, 0x1003a, 0x1003c,
    0x1003d, 0x1003f, 0x1004d, 0x10050, 0x1005d, 0x10080, 0x100fa, 0x10100, 0x10102, 0x10107,
    0x10133, 0x10137, 0x1018e, 0x10190, 0x1019c, 0x101a0, 0x101a0, 0x101d0, 0x101fd, 0x10280,
    0x1029c, 0x102a0, 0x102d0, 0x102e0, 0x102fb, 0x10300, 0x10323, 0x1032d, 0x1034a, 0x10350,
    0x1037a, 0x10380, 0x1039d, 0x1039f, 0x103c3, 0x103c8, 0x103d5, 0x10400, 0x1049d, 0x104a0,
    0x104a9, 0x104b0, 0x104d3, 0x104d8, 0x104fb, 0x10500, 0x10527, 0x10530, 0x10563, 0x1056f,
    0x1057a, 0x1057c, 0x1058a, 0x1058c, 0x10592, 0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3,
    0x105b1, 0x105b3, 0x105b9, 0x105bb, 0x105bc, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760,
    0x10767, 0x10780, 0x10785, 0x10787, 0x107b0, 0x107b2, 0x107ba, 0x10800, 0x10805, 0x10808,
    0x10808, 0x1080a, 0x10835, 0x10837, 0x10838, 0x1083c, 0x1083c, 0x1083f, 0x10855, 0x10857,
    0x1089e, 0x108a7, 0x108af, 0x108e0, 0x108f2, 0x108f4, 0x108f5, 0x108fb, 0x1091b, 0x1091f,
    0x10939, 0x1093f, 0x1093f, 0x10980, 0x109b7, 0x109bc, 0x109cf, 0x109d2, 0x10a03, 0x10a05,
    0x10a06, 0x10a0c, 0x10a13, 0x10a15, 0x10a17, 0x10a19, 0x10a35, 0x10a38, 0x10a3a, 0x10a3f,
    0x10a48, 0x10a50, 0x10a58, 0x10a60, 0x10a9f, 0x10ac0, 0x10ae6, 0x10aeb, 0x10af6, 0x10b00,
    0x10b35, 0x10b39, 0x10b55, 0x10b58, 0x10b72, 0x10b78, 0x10b91, 0x10b99, 0x10b9c, 0x10ba9,
    0x10baf, 0x10c00, 0x10c48, 0x10c80, 0x10cb2, 0x10cc0, 0x10cf2, 0x10cfa, 0x10d27, 0x10d30,
    0x10d39, 0x10e60, 0x10e7e, 0x10e80, 0x10ea9, 0x10eab, 0x10ead, 0x10eb0, 0x10eb1, 0x10f00,
    0x10f27, 0x10f30, 0x10f59, 0x10f70, 0x10f89, 0x10fb0, 0x10fcb, 0x10fe0, 0x10ff6, 0x11000,
    0x1104d, 0x11052, 0x11075, 0x1107f, 0x110bc, 0x110be, 0x110c2, 0x110d0, 0x110e8, 0x110f0,
    0x110f9, 0x11100, 0x11134, 0x11136, 0x11147, 0x11150, 0x11176, 0x11180, 0x111df, 0x111e1,
    0x111f4, 0x11200, 0x11211, 0x11213, 0x1123e, 0x11280, 0x11286, 0x11288, 0x11288, 0x1128a,
    0x1128d, 0x1128f, 0x1129d, 0x1129f, 0x112a9, 0x112b0, 0x112ea, 0x112f0, 0x112f9, 0x11300,
    0x11303, 0x11305, 0x1130c, 0x1130f, 0x11310, 0x11313, 0x11328, 0x1132a, 0x11330, 0x11332,
    0x11333, 0x11335, 0x11339, 0x1133b, 0x11344, 0x11347, 0x11348, 0x1134b, 0x1134d, 0x11350,
    0x11350, 0x11357, 0x11357, 0x1135d, 0x11363, 0x11366, 0x1136c, 0x11370, 0x11374, 0x11400,
    0x1145b, 0x1145d, 0x11461, 0x11480, 0x114c7, 0x114d0, 0x114d9, 0x11580, 0x115b5, 0x115b8,
    0x115dd, 0x11600, 0x11644, 0x11650, 0x11659, 0x11660, 0x1166c, 0x11680, 0x116b9, 0x116c0,
    0x116c9, 0x11700, 0x1171a, 0x1171d, 0x1172b, 0x11730, 0x11746, 0x11800, 0x1183b, 0x118a0,
    0x118f2, 0x118ff, 0x11906, 0x11909, 0x11909, 0x1190c, 0x11913, 0x11915, 0x11916, 0x11918,
    0x11935, 0x11937, 0x11938, 0x1193b, 0x11946, 0x11950, 0x11959, 0x119a0, 0x119a7, 0x119aa,
    0x119d7, 0x119da, 0x119e4, 0x11a00, 0x11a47, 0x11a50, 0x11aa2, 0x11ab0, 0x11af8, 0x11c00,
    0x11c08, 0x11c0a, 0x11c36, 0x11c38, 0x11c45, 0x11c50, 0x11c6c, 0x11c70, 0x11c8f, 0x11c92,
    0x11ca7, 0x11ca9, 0x11cb6, 0x11d00, 0x11d06, 0x11d08, 0x11d09, 0x11d0b, 0x11d36, 0x11d3a,
    0x11d3a, 0x11d3c, 0x11d3d, 0x11d3f, 0x11d47, 0x11d50, 0x11d59, 0x11d60, 0x11d65, 0x11d67,
    0x11d68, 0x11d6a, 0x11d8e, 0x11d90, 0x11d91, 0x11d93, 0x11d98, 0x11da0, 0x11da9, 0x11ee0,
    0x11ef8, 0x11fb0, 0x11fb0, 0x11fc0, 0x11ff1, 0x11fff, 0x12399, 0x12400, 0x1246e, 0x12470,
    0x12474, 0x12480, 0x12543, 0x12f90, 0x12ff2, 0x13000, 0x1342e, 0x14400, 0x14646, 0x16800,
    0x16a38, 0x16a40, 0x16a5e, 0x16a60, 0x16a69, 0x16a6e, 0x16abe, 0x16ac0, 0x16ac9, 0x16ad0,
    0x16aed, 0x16af0, 0x16af5, 0x16b00, 0x16b45, 0x16b50, 0x16b59, 0x16b5b, 0x16b61, 0x16b63,
    0x16b77, 0x16b7d, 0x16b8f, 0x16e40, 0x16e9a, 0x16f00, 0x16f4a, 0x16f4f, 0x16f87, 0x16f8f,
    0x16f9f, 0x16fe0, 0x16fe4, 0x16ff0, 0x16ff1, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00,
    0x18d08, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b150,
    0x1b152, 0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1bc00, 0x1bc6a, 0x1bc70, 0x1bc7c, 0x1bc80,
    0x1bc88, 0x1bc90, 0x1bc99, 0x1bc9c, 0x1bc9f, 0x1cf00, 0x1cf2d, 0x1cf30, 0x1cf46, 0x1cf50,
    0x1cfc3, 0x1d000, 0x1d0f5, 0x1d100, 0x1d126, 0x1d129, 0x1d172, 0x1d17b, 0x1d1ea, 0x1d200,
    0x1d245, 0x1d2e0, 0x1d2f3, 0x1d300, 0x1d356, 0x1d360, 0x1d378, 0x1d400, 0x1d454, 0x1d456,
    0x1d49c, 0x1d49e, 0x1d49f, 0x1d4a2, 0x1d4a2, 0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4ac, 0x1d4ae,
    0x1d4b9, 0x1d4bb, 0x1d4bb, 0x1d4bd, 0x1d4c3, 0x1d4c5, 0x1d505, 0x1d507, 0x1d50a, 0x1d50d,
    0x1d514, 0x1d516, 0x1d51c, 0x1d51e, 0x1d539, 0x1d53b, 0x1d53e, 0x1d540, 0x1d544, 0x1d546,
    0x1d546, 0x1d54a, 0x1d550, 0x1d552, 0x1d6a5, 0x1d6a8, 0x1d7cb, 0x1d7ce, 0x1da8b, 0x1da9b,
    0x1da9f, 0x1daa1, 0x1daaf, 0x1df00, 0x1df1e, 0x1e000, 0x1e006, 0x1e008, 0x1e018, 0x1e01b,
    0x1e021, 0x1e023, 0x1e024, 0x1e026, 0x1e02a, 0x1e100, 0x1e12c, 0x1e130, 0x1e13d, 0x1e140,
    0x1e149, 0x1e14e, 0x1e14f, 0x1e290, 0x1e2ae, 0x1e2c0, 0x1e2f9, 0x1e2ff, 0x1e2ff, 0x1e7e0,
    0x1e7e6, 0x1e7e8, 0x1e7eb, 0x1e7ed, 0x1e7ee, 0x1e7f0, 0x1e7fe, 0x1e800, 0x1e8c4, 0x1e8c7,
    0x1e8d6, 0x1e900, 0x1e94b, 0x1e950, 0x1e959, 0x1e95e, 0x1e95f, 0x1ec71, 0x1ecb4, 0x1ed01,
    0x1ed3d, 0x1ee00, 0x1ee03, 0x1ee05, 0x1ee1f, 0x1ee21, 0x1ee22, 0x1ee24, 0x1ee24, 0x1ee27,
    0x1ee27, 0x1ee29, 0x1ee32, 0x1ee34, 0x1ee37, 0x1ee39, 0x1ee39, 0x1ee3b, 0x1ee3b, 0x1ee42,
    0x1ee42, 0x1ee47, 0x1ee47, 0x1ee49, 0x1ee49, 0x1ee4b, 0x1ee4b, 0x1ee4d, 0x1ee4f, 0x1ee51,
    0x1ee52, 0x1ee54, 0x1ee54, 0x1ee57, 0x1ee57, 0x1ee59, 0x1ee59, 0x1ee5b, 0x1ee5b, 0x1ee5d,
    0x1ee5d, 0x1ee5f, 0x1ee5f, 0x1ee61, 0x1ee62, 0x1ee64, 0x1ee64, 0x1ee67, 0x1ee6a, 0x1ee6c,
    0x1ee72, 0x1ee74, 0x1ee77, 0x1ee79, 0x1ee7c, 0x1ee7e, 0x1ee7e, 0x1ee80, 0x1ee89, 0x1ee8b,
    0x1ee9b, 0x1eea1, 0x1eea3, 0x1eea5, 0x1eea9, 0x1eeab, 0x1eebb, 0x1eef0, 0x1eef1, 0x1f000,
    0x1f02b, 0x1f030, 0x1f093, 0x1f0a0, 0x1f0ae, 0x1f0b1, 0x1f0bf, 0x1f0c1, 0x1f0cf, 0x1f0d1,
    0x1f0f5, 0x1f100, 0x1f1ad, 0x1f1e6, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250,
    0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f6d7, 0x1f6dd, 0x1f6ec, 0x1f6f0, 0x1f6fc, 0x1f700,
    0x1f773, 0x1f780, 0x1f7d8, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f800, 0x1f80b, 0x1f810,
    0x1f847, 0x1f850, 0x1f859, 0x1f860, 0x1f887, 0x1f890, 0x1f8ad, 0x1f8b0, 0x1f8b1, 0x1f900,
    0x1fa53, 0x1fa60, 0x1fa6d, 0x1fa70, 0x1fa74, 0x1fa78, 0x1fa7c, 0x1fa80, 0x1fa86, 0x1fa90,
    0x1faac, 0x1fab0, 0x1faba, 0x1fac0, 0x1fac5, 0x1fad0, 0x1fad9, 0x1fae0, 0x1fae7, 0x1faf0,
    0x1faf6, 0x1fb00, 0x1fb92, 0x1fb94, 0x1fbca, 0x1fbf0, 0x1fbf9, 0x20000, 0x2a6df, 0x2a700,
    0x2b738, 0x2b740, 0x2b81d, 0x2b820, 0x2cea1, 0x2ceb0, 0x2ebe0, 0x2f800, 0x2fa1d, 0x30000,
    0x3134a, 0xe0100, 0xe01ef,
];

/// Characters for which `str.isalpha()` is true (categories Lu, Ll, Lt, Lm, Lo).
static ALPHA_RANGES: &[u32] = &[
    0x41, 0x5a, 0x61, 0x7a, 0xaa, 0xaa, 0xb5, 0xb5, 0xba, 0xba, 0xc0, 0xd6, 0xd8, 0xf6, 0xf8,
    0x2c1, 0x2c6, 0x2d1, 0x2e0, 0x2e4, 0x2ec, 0x2ec, 0x2ee, 0x2ee, 0x370, 0x374, 0x376, 0x377,
    0x37a, 0x37d, 0x37f, 0x37f, 0x386, 0x386, 0x388, 0x38a, 0x38c, 0x38c, 0x38e, 0x3a1, 0x3a3,
    0x3f5, 0x3f7, 0x481, 0x48a, 0x52f, 0x531, 0x556, 0x559, 0x559, 0x560, 0x588, 0x5d0, 0x5ea,
    0x5ef, 0x5f2, 0x620, 0x64a, 0x66e, 0x66f, 0x671, 0x6d3, 0x6d5, 0x6d5, 0x6e5, 0x6e6, 0x6ee,
    0x6ef, 0x6fa, 0x6fc, 0x6ff, 0x6ff, 0x710, 0x710, 0x712, 0x72f, 0x74d, 0x7a5, 0x7b1, 0x7b1,
    0x7ca, 0x7ea, 0x7f4, 0x7f5, 0x7fa, 0x7fa, 0x800, 0x815, 0x81a, 0x81a, 0x824, 0x824, 0x828,
    0x828, 0x840, 0x858, 0x860, 0x86a, 0x870, 0x887, 0x889, 0x88e, 0x8a0, 0x8c9, 0x904, 0x939,
    0x93d, 0x93d, 0x950, 0x950, 0x958, 0x961, 0x971, 0x980, 0x985, 0x98c, 0x98f, 0x990, 0x993,
    0x9a8, 0x9aa, 0x9b0, 0x9b2, 0x9b2, 0x9b6, 0x9b9, 0x9bd, 0x9bd, 0x9ce, 0x9ce, 0x9dc, 0x9dd,
    0x9df, 0x9e1, 0x9f0, 0x9f1, 0x9fc, 0x9fc, 0xa05, 0xa0a, 0xa0f, 0xa10, 0xa13, 0xa28, 0xa2a,
    0xa30, 0xa32, 0xa33, 0xa35, 0xa36, 0xa38, 0xa39, 0xa59, 0xa5c, 0xa5e, 0xa5e, 0xa72, 0xa74,
    0xa85, 0xa8d, 0xa8f, 0xa91, 0xa93, 0xaa8, 0xaaa, 0xab0, 0xab2, 0xab3, 0xab5, 0xab9, 0xabd,
    0xabd, 0xad0, 0xad0, 0xae0, 0xae1, 0xaf9, 0xaf9, 0xb05, 0xb0c, 0xb0f, 0xb10, 0xb13, 0xb28,
    0xb2a, 0xb30, 0xb32, 0xb33, 0xb35, 0xb39, 0xb3d, 0xb3d, 0xb5c, 0xb5d, 0xb5f, 0xb61, 0xb71,
    0xb71, 0xb83, 0xb83, 0xb85, 0xb8a, 0xb8e, 0xb90, 0xb92, 0xb95, 0xb99, 0xb9a, 0xb9c, 0xb9c,
    0xb9e, 0xb9f, 0xba3, 0xba4, 0xba8, 0xbaa, 0xbae, 0xbb9, 0xbd0, 0xbd0, 0xc05, 0xc0c, 0xc0e,
    0xc10, 0xc12, 0xc28, 0xc2a, 0xc39, 0xc3d, 0xc3d, 0xc58, 0xc5a, 0xc5d, 0xc5d, 0xc60, 0xc61,
    0xc80, 0xc80, 0xc85, 0xc8c, 0xc8e, 0xc90, 0xc92, 0xca8, 0xcaa, 0xcb3, 0xcb5, 0xcb9, 0xcbd,
    0xcbd, 0xcdd, 0xcde, 0xce0, 0xce1, 0xcf1, 0xcf2, 0xd04, 0xd0c, 0xd0e, 0xd10, 0xd12, 0xd3a,
    0xd3d, 0xd3d, 0xd4e, 0xd4e, 0xd54, 0xd56, 0xd5f, 0xd61, 0xd7a, 0xd7f, 0xd85, 0xd96, 0xd9a,
    0xdb1, 0xdb3, 0xdbb, 0xdbd, 0xdbd, 0xdc0, 0xdc6, 0xe01, 0xe30, 0xe32, 0xe33, 0xe40, 0xe46,
    0xe81, 0xe82, 0xe84, 0xe84, 0xe86, 0xe8a, 0xe8c, 0xea3, 0xea5, 0xea5, 0xea7, 0xeb0, 0xeb2,
    0xeb3, 0xebd, 0xebd, 0xec0, 0xec4, 0xec6, 0xec6, 0xedc, 0xedf, 0xf00, 0xf00, 0xf40, 0xf47,
    0xf49, 0xf6c, 0xf88, 0xf8c, 0x1000, 0x102a, 0x103f, 0x103f, 0x1050, 0x1055, 0x105a, 0x105d,
    0x1061, 0x1061, 0x1065, 0x1066, 0x106e, 0x1070, 0x1075, 0x1081, 0x108e, 0x108e, 0x10a0, 0x10c5,
    0x10c7, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x10fa, 0x10fc, 0x1248, 0x124a, 0x124d, 0x1250, 0x1256,
    0x1258, 0x1258, 0x125a, 0x125d, 0x1260, 0x1288, 0x128a, 0x128d, 0x1290, 0x12b0, 0x12b2, 0x12b5,
    0x12b8, 0x12be, 0x12c0, 0x12c0, 0x12c2, 0x12c5, 0x12c8, 0x12d6, 0x12d8, 0x1310, 0x1312, 0x1315,
    0x1318, 0x135a, 0x1380, 0x138f, 0x13a0, 0x13f5, 0x13f8, 0x13fd, 0x1401, 0x166c, 0x166f, 0x167f,
    0x1681, 0x169a, 0x16a0, 0x16ea, 0x16f1, 0x16f8, 0x1700, 0x1711, 0x171f, 0x1731, 0x1740, 0x1751,
    0x1760, 0x176c, 0x176e, 0x1770, 0x1780, 0x17b3, 0x17d7, 0x17d7, 0x17dc, 0x17dc, 0x1820, 0x1878,
    0x1880, 0x1884, 0x1887, 0x18a8, 0x18aa, 0x18aa, 0x18b0, 0x18f5, 0x1900, 0x191e, 0x1950, 0x196d,
    0x1970, 0x1974, 0x1980, 0x19ab, 0x19b0, 0x19c9, 0x1a00, 0x1a16, 0x1a20, 0x1a54, 0x1aa7, 0x1aa7,
    0x1b05, 0x1b33, 0x1b45, 0x1b4c, 0x1b83, 0x1ba0, 0x1bae, 0x1baf, 0x1bba, 0x1be5, 0x1c00, 0x1c23,
    0x1c4d, 0x1c4f, 0x1c5a, 0x1c7d, 0x1c80, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cbf, 0x1ce9, 0x1cec,
    0x1cee, 0x1cf3, 0x1cf5, 0x1cf6, 0x1cfa, 0x1cfa, 0x1d00, 0x1dbf, 0x1e00, 0x1f15, 0x1f18, 0x1f1d,
    0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59, 0x1f5b, 0x1f5b, 0x1f5d, 0x1f5d,
    0x1f5f, 0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fbc, 0x1fbe, 0x1fbe, 0x1fc2, 0x1fc4, 0x1fc6, 0x1fcc,
    0x1fd0, 0x1fd3, 0x1fd6, 0x1fdb, 0x1fe0, 0x1fec, 0x1ff2, 0x1ff4, 0x1ff6, 0x1ffc, 0x2071, 0x2071,
    0x207f, 0x207f, 0x2090, 0x209c, 0x2102, 0x2102, 0x2107, 0x2107, 0x210a, 0x2113, 0x2115, 0x2115,
    0x2119, 0x211d, 0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212a, 0x212d, 0x212f, 0x2139,
    0x213c, 0x213f, 0x2145, 0x2149, 0x214e, 0x214e, 0x2183, 0x2184, 0x2c00, 0x2ce4, 0x2ceb, 0x2cee,
    0x2cf2, 0x2cf3, 0x2d00, 0x2d25, 0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67, 0x2d6f, 0x2d6f,
    0x2d80, 0x2d96, 0x2da0, 0x2da6, 0x2da8, 0x2dae, 0x2db0, 0x2db6, 0x2db8, 0x2dbe, 0x2dc0, 0x2dc6,
    0x2dc8, 0x2dce, 0x2dd0, 0x2dd6, 0x2dd8, 0x2dde, 0x2e2f, 0x2e2f, 0x3005, 0x3006, 0x3031, 0x3035,
    0x303b, 0x303c, 0x3041, 0x3096, 0x309d, 0x309f, 0x30a1, 0x30fa, 0x30fc, 0x30ff, 0x3105, 0x312f,
    0x3131, 0x318e, 0x31a0, 0x31bf, 0x31f0, 0x31ff, 0x3400, 0x4dbf, 0x4e00, 0xa48c, 0xa4d0, 0xa4fd,
    0xa500, 0xa60c, 0xa610, 0xa61f, 0xa62a, 0xa62b, 0xa640, 0xa66e, 0xa67f, 0xa69d, 0xa6a0, 0xa6e5,
    0xa717, 0xa71f, 0xa722, 0xa788, 0xa78b, 0xa7ca, 0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9,
    0xa7f2, 0xa801, 0xa803, 0xa805, 0xa807, 0xa80a, 0xa80c, 0xa822, 0xa840, 0xa873, 0xa882, 0xa8b3,
    0xa8f2, 0xa8f7, 0xa8fb, 0xa8fb, 0xa8fd, 0xa8fe, 0xa90a, 0xa925, 0xa930, 0xa946, 0xa960, 0xa97c,
    0xa984, 0xa9b2, 0xa9cf, 0xa9cf, 0xa9e0, 0xa9e4, 0xa9e6, 0xa9ef, 0xa9fa, 0xa9fe, 0xaa00, 0xaa28,
    0xaa40, 0xaa42, 0xaa44, 0xaa4b, 0xaa60, 0xaa76, 0xaa7a, 0xaa7a, 0xaa7e, 0xaaaf, 0xaab1, 0xaab1,
    0xaab5, 0xaab6, 0xaab9, 0xaabd, 0xaac0, 0xaac0, 0xaac2, 0xaac2, 0xaadb, 0xaadd, 0xaae0, 0xaaea,
    0xaaf2, 0xaaf4, 0xab01, 0xab06, 0xab09, 0xab0e, 0xab11, 0xab16, 0xab20, 0xab26, 0xab28, 0xab2e,
    0xab30, 0xab5a, 0xab5c, 0xab69, 0xab70, 0xabe2, 0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb,
    0xf900, 0xfa6d, 0xfa70, 0xfad9, 0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfb1d, 0xfb1f, 0xfb28,
    0xfb2a, 0xfb36, 0xfb38, 0xfb3c, 0xfb3e, 0xfb3e, 0xfb40, 0xfb41, 0xfb43, 0xfb44, 0xfb46, 0xfbb1,
    0xfbd3, 0xfd3d, 0xfd50, 0xfd8f, 0xfd92, 0xfdc7, 0xfdf0, 0xfdfb, 0xfe70, 0xfe74, 0xfe76, 0xfefc,
    0xff21, 0xff3a, 0xff41, 0xff5a, 0xff66, 0xffbe, 0xffc2, 0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7,
    0xffda, 0xffdc, 0x10000, 0x1000b, 0x1000d, 0x10026, 0x10028, 0x1003a, 0x1003c, 0x1003d,
    0x1003f, 0x1004d, 0x10050, 0x1005d, 0x10080, 0x100fa, 0x10280, 0x1029c, 0x102a0, 0x102d0,
    0x10300, 0x1031f, 0x1032d, 0x10340, 0x10342, 0x10349, 0x10350, 0x10375, 0x10380, 0x1039d,
    0x103a0, 0x103c3, 0x103c8, 0x103cf, 0x10400, 0x1049d, 0x104b0, 0x104d3, 0x104d8, 0x104fb,
    0x10500, 0x10527, 0x10530, 0x10563, 0x10570, 0x1057a, 0x1057c, 0x1058a, 0x1058c, 0x10592,
    0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3, 0x105b1, 0x105b3, 0x105b9, 0x105bb, 0x105bc,
    0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785, 0x10787, 0x107b0,
    0x107b2, 0x107ba, 0x10800, 0x10805, 0x10808, 0x10808, 0x1080a, 0x10835, 0x10837, 0x10838,
    0x1083c, 0x1083c, 0x1083f, 0x10855, 0x10860, 0x10876, 0x10880, 0x1089e, 0x108e0, 0x108f2,
    0x108f4, 0x108f5, 0x10900, 0x10915, 0x10920, 0x10939, 0x10980, 0x109b7, 0x109be, 0x109bf,
    0x10a00, 0x10a00, 0x10a10, 0x10a13, 0x10a15, 0x10a17, 0x10a19, 0x10a35, 0x10a60, 0x10a7c,
    0x10a80, 0x10a9c, 0x10ac0, 0x10ac7, 0x10ac9, 0x10ae4, 0x10b00, 0x10b35, 0x10b40, 0x10b55,
    0x10b60, 0x10b72, 0x10b80, 0x10b91, 0x10c00, 0x10c48, 0x10c80, 0x10cb2, 0x10cc0, 0x10cf2,
    0x10d00, 0x10d23, 0x10e80, 0x10ea9, 0x10eb0, 0x10eb1, 0x10f00, 0x10f1c, 0x10f27, 0x10f27,
    0x10f30, 0x10f45, 0x10f70, 0x10f81, 0x10fb0, 0x10fc4, 0x10fe0, 0x10ff6, 0x11003, 0x11037,
    0x11071, 0x11072, 0x11075, 0x11075, 0x11083, 0x110af, 0x110d0, 0x110e8, 0x11103, 0x11126,
    0x11144, 0x11144, 0x11147, 0x11147, 0x11150, 0x11172, 0x11176, 0x11176, 0x11183, 0x111b2,
    0x111c1, 0x111c4, 0x111da, 0x111da, 0x111dc, 0x111dc, 0x11200, 0x11211, 0x11213, 0x1122b,
    0x11280, 0x11286, 0x11288, 0x11288, 0x1128a, 0x1128d, 0x1128f, 0x1129d, 0x1129f, 0x112a8,
    0x112b0, 0x112de, 0x11305, 0x1130c, 0x1130f, 0x11310, 0x11313, 0x11328, 0x1132a, 0x11330,
    0x11332, 0x11333, 0x11335, 0x11339, 0x1133d, 0x1133d, 0x11350, 0x11350, 0x1135d, 0x11361,
    0x11400, 0x11434, 0x11447, 0x1144a, 0x1145f, 0x11461, 0x11480, 0x114af, 0x114c4, 0x114c5,
    0x114c7, 0x114c7, 0x11580, 0x115ae, 0x115d8, 0x115db, 0x11600, 0x1162f, 0x11644, 0x11644,
    0x11680, 0x116aa, 0x116b8, 0x116b8, 0x11700, 0x1171a, 0x11740, 0x11746, 0x11800, 0x1182b,
    0x118a0, 0x118df, 0x118ff, 0x11906, 0x11909, 0x11909, 0x1190c, 0x11913, 0x11915, 0x11916,
    0x11918, 0x1192f, 0x1193f, 0x1193f, 0x11941, 0x11941, 0x119a0, 0x119a7, 0x119aa, 0x119d0,
    0x119e1, 0x119e1, 0x119e3, 0x119e3, 0x11a00, 0x11a00, 0x11a0b, 0x11a32, 0x11a3a, 0x11a3a,
    0x11a50, 0x11a50, 0x11a5c, 0x11a89, 0x11a9d, 0x11a9d, 0x11ab0, 0x11af8, 0x11c00, 0x11c08,
    0x11c0a, 0x11c2e, 0x11c40, 0x11c40, 0x11c72, 0x11c8f, 0x11d00, 0x11d06, 0x11d08, 0x11d09,
    0x11d0b, 0x11d30, 0x11d46, 0x11d46, 0x11d60, 0x11d65, 0x11d67, 0x11d68, 0x11d6a, 0x11d89,
    0x11d98, 0x11d98, 0x11ee0, 0x11ef2, 0x11fb0, 0x11fb0, 0x12000, 0x12399, 0x12480, 0x12543,
    0x12f90, 0x12ff0, 0x13000, 0x1342e, 0x14400, 0x14646, 0x16800, 0x16a38, 0x16a40, 0x16a5e,
    0x16a70, 0x16abe, 0x16ad0, 0x16aed, 0x16b00, 0x16b2f, 0x16b40, 0x16b43, 0x16b63, 0x16b77,
    0x16b7d, 0x16b8f, 0x16e40, 0x16e7f, 0x16f00, 0x16f4a, 0x16f50, 0x16f50, 0x16f93, 0x16f9f,
    0x16fe0, 0x16fe1, 0x16fe3, 0x16fe3, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00, 0x18d08,
    0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b150, 0x1b152,
    0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1bc00, 0x1bc6a, 0x1bc70, 0x1bc7c, 0x1bc80, 0x1bc88,
    0x1bc90, 0x1bc99, 0x1d400, 0x1d454, 0x1d456, 0x1d49c, 0x1d49e, 0x1d49f, 0x1d4a2, 0x1d4a2,
    0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4ac, 0x1d4ae, 0x1d4b9, 0x1d4bb, 0x1d4bb, 0x1d4bd, 0x1d4c3,
    0x1d4c5, 0x1d505, 0x1d507, 0x1d50a, 0x1d50d, 0x1d514, 0x1d516, 0x1d51c, 0x1d51e, 0x1d539,
    0x1d53b, 0x1d53e, 0x1d540, 0x1d544, 0x1d546, 0x1d546, 0x1d54a, 0x1d550, 0x1d552, 0x1d6a5,
    0x1d6a8, 0x1d6c0, 0x1d6c2, 0x1d6da, 0x1d6dc, 0x1d6fa, 0x1d6fc, 0x1d714, 0x1d716, 0x1d734,
    0x1d736, 0x1d74e, 0x1d750, 0x1d76e, 0x1d770, 0x1d788, 0x1d78a, 0x1d7a8, 0x1d7aa, 0x1d7c2,
    0x1d7c4, 0x1d7cb, 0x1df00, 0x1df1e, 0x1e100, 0x1e12c, 0x1e137, 0x1e13d, 0x1e14e, 0x1e14e,
    0x1e290, 0x1e2ad, 0x1e2c0, 0x1e2eb, 0x1e7e0, 0x1e7e6, 0x1e7e8, 0x1e7eb, 0x1e7ed, 0x1e7ee,
    0x1e7f0, 0x1e7fe, 0x1e800, 0x1e8c4, 0x1e900, 0x1e943, 0x1e94b, 0x1e94b, 0x1ee00, 0x1ee03,
    0x1ee05, 0x1ee1f, 0x1ee21, 0x1ee22, 0x1ee24, 0x1ee24, 0x1ee27, 0x1ee27, 0x1ee29, 0x1ee32,
    0x1ee34, 0x1ee37, 0x1ee39, 0x1ee39, 0x1ee3b, 0x1ee3b, 0x1ee42, 0x1ee42, 0x1ee47, 0x1ee47,
    0x1ee49, 0x1ee49, 0x1ee4b, 0x1ee4b, 0x1ee4d, 0x1ee4f, 0x1ee51, 0x1ee52, 0x1ee54, 0x1ee54,
    0x1ee57, 0x1ee57, 0x1ee59, 0x1ee59, 0x1ee5b, 0x1ee5b, 0x1ee5d, 0x1ee5d, 0x1ee5f, 0x1ee5f,
    0x1ee61, 0x1ee62, 0x1ee64, 0x1ee64, 0x1ee67, 0x1ee6a, 0x1ee6c, 0x1ee72, 0x1ee74, 0x1ee77,
    0x1ee79, 0x1ee7c, 0x1ee7e, 0x1ee7e, 0x1ee80, 0x1ee89, 0x1ee8b, 0x1ee9b, 0x1eea1, 0x1eea3,
    0x1eea5, 0x1eea9, 0x1eeab, 0x1eebb, 0x20000, 0x2a6df, 0x2a700, 0x2b738, 0x2b740, 0x2b81d,
    0x2b820, 0x2cea1, 0x2ceb0, 0x2ebe0, 0x2f800, 0x2fa1d, 0x30000, 0x3134a,
];

/// Characters for which `str.isdecimal()` is true; every range is a run of digits 0-9.
static DECIMAL_RANGES: &[u32] = &[
    0x30, 0x39, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9, 0x966, 0x96f, 0x9e6, 0x9ef, 0xa66, 0xa6f,
    0xae6, 0xaef, 0xb66, 0xb6f, 0xbe6, 0xbef, 0xc66, 0xc6f, 0xce6, 0xcef, 0xd66, 0xd6f, 0xde6,
    0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf29, 0x1040, 0x1049, 0x1090, 0x1099, 0x17e0,
    0x17e9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0, 0x19d9, 0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50,
    0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50, 0x1c59, 0xa620, 0xa629, 0xa8d0, 0xa8d9, 0xa900,
    0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59, 0xabf0, 0xabf9, 0xff10, 0xff19,
    0x104a0, 0x104a9, 0x10d30, 0x10d39, 0x11066, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f,
    0x111d0, 0x111d9, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659,
    0x116c0, 0x116c9, 0x11730, 0x11739, 0x118e0, 0x118e9, 0x11950, 0x11959, 0x11c50, 0x11c59,
    0x11d50, 0x11d59, 0x11da0, 0x11da9, 0x16a60, 0x16a69, 0x16ac0, 0x16ac9, 0x16b50, 0x16b59,
    0x1d7ce, 0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e950, 0x1e959, 0x1fbf0, 0x1fbf9,
];

/// Characters for which `str.isdigit()` is true.
static DIGIT_RANGES: &[u32] = &[
    0x30, 0x39, 0xb2, 0xb3, 0xb9, 0xb9, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9, 0x966, 0x96f,
    0x9e6, 0x9ef, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xbe6, 0xbef, 0xc66, 0xc6f, 0xce6,
    0xcef, 0xd66, 0xd6f, 0xde6, 0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf29, 0x1040, 0x1049,
    0x1090, 0x1099, 0x1369, 0x1371, 0x17e0, 0x17e9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0, 0x19da,
    0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50, 0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50, 0x1c59,
    0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490,
    0x24ea, 0x24ea, 0x24f5, 0x24fd, 0x24ff, 0x24ff, 0x2776, 0x277e, 0x2780, 0x2788, 0x278a, 0x2792,
    0xa620, 0xa629, 0xa8d0, 0xa8d9, 0xa900, 0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59,
    0xabf0, 0xabf9, 0xff10, 0xff19, 0x104a0, 0x104a9, 0x10a40, 0x10a43, 0x10d30, 0x10d39, 0x10e60,
    0x10e68, 0x11052, 0x1105a, 0x11066, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f, 0x111d0,
    0x111d9, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659, 0x116c0,
    0x116c9, 0x11730, 0x11739, 0x118e0, 0x118e9, 0x11950, 0x11959, 0x11c50, 0x11c59, 0x11d50,
    0x11d59, 0x11da0, 0x11da9, 0x16a60, 0x16a69, 0x16ac0, 0x16ac9, 0x16b50, 0x16b59, 0x1d7ce,
    0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e950, 0x1e959, 0x1f100, 0x1f10a, 0x1fbf0,
    0x1fbf9,
];

/// Characters for which `str.isnumeric()` is true.
static NUMERIC_RANGES: &[u32] = &[
    0x30, 0x39, 0xb2, 0xb3, 0xb9, 0xb9, 0xbc, 0xbe, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9,
    0x966, 0x96f, 0x9e6, 0x9ef, 0x9f4, 0x9f9, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xb72,
    0xb77, 0xbe6, 0xbf2, 0xc66, 0xc6f, 0xc78, 0xc7e, 0xce6, 0xcef, 0xd58, 0xd5e, 0xd66, 0xd78,
    0xde6, 0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf33, 0x1040, 0x1049, 0x1090, 0x1099, 0x1369,
    0x137c, 0x16ee, 0x16f0, 0x17e0, 0x17e9, 0x17f0, 0x17f9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0,
    0x19da, 0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50, 0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50,
    0x1c59, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089, 0x2150, 0x2182, 0x2185, 0x2189, 0x2460,
    0x249b, 0x24ea, 0x24ff, 0x2776, 0x2793, 0x2cfd, 0x2cfd, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038,
    0x303a, 0x3192, 0x3195, 0x3220, 0x3229, 0x3248, 0x324f, 0x3251, 0x325f, 0x3280, 0x3289, 0x32b1,
    0x32bf, 0x3405, 0x3405, 0x3483, 0x3483, 0x382a, 0x382a, 0x3b4d, 0x3b4d, 0x4e00, 0x4e00, 0x4e03,
    0x4e03, 0x4e07, 0x4e07, 0x4e09, 0x4e09, 0x4e5d, 0x4e5d, 0x4e8c, 0x4e8c, 0x4e94, 0x4e94, 0x4e96,
    0x4e96, 0x4ebf, 0x4ec0, 0x4edf, 0x4edf, 0x4ee8, 0x4ee8, 0x4f0d, 0x4f0d, 0x4f70, 0x4f70, 0x5104,
    0x5104, 0x5146, 0x5146, 0x5169, 0x5169, 0x516b, 0x516b, 0x516d, 0x516d, 0x5341, 0x5341, 0x5343,
    0x5345, 0x534c, 0x534c, 0x53c1, 0x53c4, 0x56db, 0x56db, 0x58f1, 0x58f1, 0x58f9, 0x58f9, 0x5e7a,
    0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0e, 0x5f10, 0x5f10, 0x62fe, 0x62fe, 0x634c, 0x634c, 0x67d2,
    0x67d2, 0x6f06, 0x6f06, 0x7396, 0x7396, 0x767e, 0x767e, 0x8086, 0x8086, 0x842c, 0x842c, 0x8cae,
    0x8cae, 0x8cb3, 0x8cb3, 0x8d30, 0x8d30, 0x9621, 0x9621, 0x9646, 0x9646, 0x964c, 0x964c, 0x9678,
    0x9678, 0x96f6, 0x96f6, 0xa620, 0xa629, 0xa6e6, 0xa6ef, 0xa830, 0xa835, 0xa8d0, 0xa8d9, 0xa900,
    0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59, 0xabf0, 0xabf9, 0xf96b, 0xf96b, 0xf973,
    0xf973, 0xf978, 0xf978, 0xf9b2, 0xf9b2, 0xf9d1, 0xf9d1, 0xf9d3, 0xf9d3, 0xf9fd, 0xf9fd, 0xff10,
    0xff19, 0x10107, 0x10133, 0x10140, 0x10178, 0x1018a, 0x1018b, 0x102e1, 0x102fb, 0x10320,
    0x10323, 0x10341, 0x10341, 0x1034a, 0x1034a, 0x103d1, 0x103d5, 0x104a0, 0x104a9, 0x10858,
    0x1085f, 0x10879, 0x1087f, 0x108a7, 0x108af, 0x108fb, 0x108ff, 0x10916, 0x1091b, 0x109bc,
    0x109bd, 0x109c0, 0x109cf, 0x109d2, 0x109ff, 0x10a40, 0x10a48, 0x10a7d, 0x10a7e, 0x10a9d,
    0x10a9f, 0x10aeb, 0x10aef, 0x10b58, 0x10b5f, 0x10b78, 0x10b7f, 0x10ba9, 0x10baf, 0x10cfa,
    0x10cff, 0x10d30, 0x10d39, 0x10e60, 0x10e7e, 0x10f1d, 0x10f26, 0x10f51, 0x10f54, 0x10fc5,
    0x10fcb, 0x11052, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f, 0x111d0, 0x111d9, 0x111e1,
    0x111f4, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659, 0x116c0,
    0x116c9, 0x11730, 0x1173b, 0x118e0, 0x118f2, 0x11950, 0x11959, 0x11c50, 0x11c6c, 0x11d50,
    0x11d59, 0x11da0, 0x11da9, 0x11fc0, 0x11fd4, 0x12400, 0x1246e, 0x16a60, 0x16a69, 0x16ac0,
    0x16ac9, 0x16b50, 0x16b59, 0x16b5b, 0x16b61, 0x16e80, 0x16e96, 0x1d2e0, 0x1d2f3, 0x1d360,
    0x1d378, 0x1d7ce, 0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e8c7, 0x1e8cf, 0x1e950,
    0x1e959, 0x1ec71, 0x1ecab, 0x1ecad, 0x1ecaf, 0x1ecb1, 0x1ecb4, 0x1ed01, 0x1ed2d, 0x1ed2f,
    0x1ed3d, 0x1f100, 0x1f10c, 0x1fbf0, 0x1fbf9, 0x20001, 0x20001, 0x20064, 0x20064, 0x200e2,
    0x200e2, 0x20121, 0x20121, 0x2092a, 0x2092a, 0x20983, 0x20983, 0x2098c, 0x2098c, 0x2099c,
    0x2099c, 0x20aea, 0x20aea, 0x20afd, 0x20afd, 0x20b19, 0x20b19, 0x22390, 0x22390, 0x22998,
    0x22998, 0x23b1b, 0x23b1b, 0x2626d, 0x2626d, 0x2f890, 0x2f890,
];

/// Characters that may start an identifier (XID_Start plus `_`).
static XID_START_RANGES: &[u32] = &[
    0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a, 0xaa, 0xaa, 0xb5, 0xb5, 0xba, 0xba, 0xc0, 0xd6, 0xd8, 0xf6,
    0xf8, 0x2c1, 0x2c6, 0x2d1, 0x2e0, 0x2e4, 0x2ec, 0x2ec, 0x2ee, 0x2ee, 0x370, 0x374, 0x376,
    0x377, 0x37b, 0x37d, 0x37f, 0x37f, 0x386, 0x386, 0x388, 0x38a, 0x38c, 0x38c, 0x38e, 0x3a1,
    0x3a3, 0x3f5, 0x3f7, 0x481, 0x48a, 0x52f, 0x531, 0x556, 0x559, 0x559, 0x560, 0x588, 0x5d0,
    0x5ea, 0x5ef, 0x5f2, 0x620, 0x64a, 0x66e, 0x66f, 0x671, 0x6d3, 0x6d5, 0x6d5, 0x6e5, 0x6e6,
    0x6ee, 0x6ef, 0x6fa, 0x6fc, 0x6ff, 0x6ff, 0x710, 0x710, 0x712, 0x72f, 0x74d, 0x7a5, 0x7b1,
    0x7b1, 0x7ca, 0x7ea, 0x7f4, 0x7f5, 0x7fa, 0x7fa, 0x800, 0x815, 0x81a, 0x81a, 0x824, 0x824,
    0x828, 0x828, 0x840, 0x858, 0x860, 0x86a, 0x870, 0x887, 0x889, 0x88e, 0x8a0, 0x8c9, 0x904,
    0x939, 0x93d, 0x93d, 0x950, 0x950, 0x958, 0x961, 0x971, 0x980, 0x985, 0x98c, 0x98f, 0x990,
    0x993, 0x9a8, 0x9aa, 0x9b0, 0x9b2, 0x9b2, 0x9b6, 0x9b9, 0x9bd, 0x9bd, 0x9ce, 0x9ce, 0x9dc,
    0x9dd, 0x9df, 0x9e1, 0x9f0, 0x9f1, 0x9fc, 0x9fc, 0xa05, 0xa0a, 0xa0f, 0xa10, 0xa13, 0xa28,
    0xa2a, 0xa30, 0xa32, 0xa33, 0xa35, 0xa36, 0xa38, 0xa39, 0xa59, 0xa5c, 0xa5e, 0xa5e, 0xa72,
    0xa74, 0xa85, 0xa8d, 0xa8f, 0xa91, 0xa93, 0xaa8, 0xaaa, 0xab0, 0xab2, 0xab3, 0xab5, 0xab9,
    0xabd, 0xabd, 0xad0, 0xad0, 0xae0, 0xae1, 0xaf9, 0xaf9, 0xb05, 0xb0c, 0xb0f, 0xb10, 0xb13,
    0xb28, 0xb2a, 0xb30, 0xb32, 0xb33, 0xb35, 0xb39, 0xb3d, 0xb3d, 0xb5c, 0xb5d, 0xb5f, 0xb61,
    0xb71, 0xb71, 0xb83, 0xb83, 0xb85, 0xb8a, 0xb8e, 0xb90, 0xb92, 0xb95, 0xb99, 0xb9a, 0xb9c,
    0xb9c, 0xb9e, 0xb9f, 0xba3, 0xba4, 0xba8, 0xbaa, 0xbae, 0xbb9, 0xbd0, 0xbd0, 0xc05, 0xc0c,
    0xc0e, 0xc10, 0xc12, 0xc28, 0xc2a, 0xc39, 0xc3d, 0xc3d, 0xc58, 0xc5a, 0xc5d, 0xc5d, 0xc60,
    0xc61, 0xc80, 0xc80, 0xc85, 0xc8c, 0xc8e, 0xc90, 0xc92, 0xca8, 0xcaa, 0xcb3, 0xcb5, 0xcb9,
    0xcbd, 0xcbd, 0xcdd, 0xcde, 0xce0, 0xce1, 0xcf1, 0xcf2, 0xd04, 0xd0c, 0xd0e, 0xd10, 0xd12,
    0xd3a, 0xd3d, 0xd3d, 0xd4e, 0xd4e, 0xd54, 0xd56, 0xd5f, 0xd61, 0xd7a, 0xd7f, 0xd85, 0xd96,
    0xd9a, 0xdb1, 0xdb3, 0xdbb, 0xdbd, 0xdbd, 0xdc0, 0xdc6, 0xe01, 0xe30, 0xe32, 0xe32, 0xe40,
    0xe46, 0xe81, 0xe82, 0xe84, 0xe84, 0xe86, 0xe8a, 0xe8c, 0xea3, 0xea5, 0xea5, 0xea7, 0xeb0,
    0xeb2, 0xeb2, 0xebd, 0xebd, 0xec0, 0xec4, 0xec6, 0xec6, 0xedc, 0xedf, 0xf00, 0xf00, 0xf40,
    0xf47, 0xf49, 0xf6c, 0xf88, 0xf8c, 0x1000, 0x102a, 0x103f, 0x103f, 0x1050, 0x1055, 0x105a,
    0x105d, 0x1061, 0x1061, 0x1065, 0x1066, 0x106e, 0x1070, 0x1075, 0x1081, 0x108e, 0x108e, 0x10a0,
    0x10c5, 0x10c7, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x10fa, 0x10fc, 0x1248, 0x124a, 0x124d, 0x1250,
    0x1256, 0x1258, 0x1258, 0x125a, 0x125d, 0x1260, 0x1288, 0x128a, 0x128d, 0x1290, 0x12b0, 0x12b2,
    0x12b5, 0x12b8, 0x12be, 0x12c0, 0x12c0, 0x12c2, 0x12c5, 0x12c8, 0x12d6, 0x12d8, 0x1310, 0x1312,
    0x1315, 0x1318, 0x135a, 0x1380, 0x138f, 0x13a0, 0x13f5, 0x13f8, 0x13fd, 0x1401, 0x166c, 0x166f,
    0x167f, 0x1681, 0x169a, 0x16a0, 0x16ea, 0x16ee, 0x16f8, 0x1700, 0x1711, 0x171f, 0x1731, 0x1740,
    0x1751, 0x1760, 0x176c, 0x176e, 0x1770, 0x1780, 0x17b3, 0x17d7, 0x17d7, 0x17dc, 0x17dc, 0x1820,
    0x1878, 0x1880, 0x18a8, 0x18aa, 0x18aa, 0x18b0, 0x18f5, 0x1900, 0x191e, 0x1950, 0x196d, 0x1970,
    0x1974, 0x1980, 0x19ab, 0x19b0, 0x19c9, 0x1a00, 0x1a16, 0x1a20, 0x1a54, 0x1aa7, 0x1aa7, 0x1b05,
    0x1b33, 0x1b45, 0x1b4c, 0x1b83, 0x1ba0, 0x1bae, 0x1baf, 0x1bba, 0x1be5, 0x1c00, 0x1c23, 0x1c4d,
    0x1c4f, 0x1c5a, 0x1c7d, 0x1c80, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cbf, 0x1ce9, 0x1cec, 0x1cee,
    0x1cf3, 0x1cf5, 0x1cf6, 0x1cfa, 0x1cfa, 0x1d00, 0x1dbf, 0x1e00, 0x1f15, 0x1f18, 0x1f1d, 0x1f20,
    0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59, 0x1f5b, 0x1f5b, 0x1f5d, 0x1f5d, 0x1f5f,
    0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fbc, 0x1fbe, 0x1fbe, 0x1fc2, 0x1fc4, 0x1fc6, 0x1fcc, 0x1fd0,
    0x1fd3, 0x1fd6, 0x1fdb, 0x1fe0, 0x1fec, 0x1ff2, 0x1ff4, 0x1ff6, 0x1ffc, 0x2071, 0x2071, 0x207f,
    0x207f, 0x2090, 0x209c, 0x2102, 0x2102, 0x2107, 0x2107, 0x210a, 0x2113, 0x2115, 0x2115, 0x2118,
    0x211d, 0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212a, 0x2139, 0x213c, 0x213f, 0x2145,
    0x2149, 0x214e, 0x214e, 0x2160, 0x2188, 0x2c00, 0x2ce4, 0x2ceb, 0x2cee, 0x2cf2, 0x2cf3, 0x2d00,
    0x2d25, 0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67, 0x2d6f, 0x2d6f, 0x2d80, 0x2d96, 0x2da0,
    0x2da6, 0x2da8, 0x2dae, 0x2db0, 0x2db6, 0x2db8, 0x2dbe, 0x2dc0, 0x2dc6, 0x2dc8, 0x2dce, 0x2dd0,
    0x2dd6, 0x2dd8, 0x2dde, 0x3005, 0x3007, 0x3021, 0x3029, 0x3031, 0x3035, 0x3038, 0x303c, 0x3041,
    0x3096, 0x309d, 0x309f, 0x30a1, 0x30fa, 0x30fc, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x31a0,
    0x31bf, 0x31f0, 0x31ff, 0x3400, 0x4dbf, 0x4e00, 0xa48c, 0xa4d0, 0xa4fd, 0xa500, 0xa60c, 0xa610,
    0xa61f, 0xa62a, 0xa62b, 0xa640, 0xa66e, 0xa67f, 0xa69d, 0xa6a0, 0xa6ef, 0xa717, 0xa71f, 0xa722,
    0xa788, 0xa78b, 0xa7ca, 0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9, 0xa7f2, 0xa801, 0xa803,
    0xa805, 0xa807, 0xa80a, 0xa80c, 0xa822, 0xa840, 0xa873, 0xa882, 0xa8b3, 0xa8f2, 0xa8f7, 0xa8fb,
    0xa8fb, 0xa8fd, 0xa8fe, 0xa90a, 0xa925, 0xa930, 0xa946, 0xa960, 0xa97c, 0xa984, 0xa9b2, 0xa9cf,
    0xa9cf, 0xa9e0, 0xa9e4, 0xa9e6, 0xa9ef, 0xa9fa, 0xa9fe, 0xaa00, 0xaa28, 0xaa40, 0xaa42, 0xaa44,
    0xaa4b, 0xaa60, 0xaa76, 0xaa7a, 0xaa7a, 0xaa7e, 0xaaaf, 0xaab1, 0xaab1, 0xaab5, 0xaab6, 0xaab9,
    0xaabd, 0xaac0, 0xaac0, 0xaac2, 0xaac2, 0xaadb, 0xaadd, 0xaae0, 0xaaea, 0xaaf2, 0xaaf4, 0xab01,
    0xab06, 0xab09, 0xab0e, 0xab11, 0xab16, 0xab20, 0xab26, 0xab28, 0xab2e, 0xab30, 0xab5a, 0xab5c,
    0xab69, 0xab70, 0xabe2, 0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb, 0xf900, 0xfa6d, 0xfa70,
    0xfad9, 0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfb1d, 0xfb1f, 0xfb28, 0xfb2a, 0xfb36, 0xfb38,
    0xfb3c, 0xfb3e, 0xfb3e, 0xfb40, 0xfb41, 0xfb43, 0xfb44, 0xfb46, 0xfbb1, 0xfbd3, 0xfc5d, 0xfc64,
    0xfd3d, 0xfd50, 0xfd8f, 0xfd92, 0xfdc7, 0xfdf0, 0xfdf9, 0xfe71, 0xfe71, 0xfe73, 0xfe73, 0xfe77,
    0xfe77, 0xfe79, 0xfe79, 0xfe7b, 0xfe7b, 0xfe7d, 0xfe7d, 0xfe7f, 0xfefc, 0xff21, 0xff3a, 0xff41,
    0xff5a, 0xff66, 0xff9d, 0xffa0, 0xffbe, 0xffc2, 0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7, 0xffda,
    0xffdc, 0x10000, 0x1000b, 0x1000d, 0x10026, 0x10028, 0x1003a, 0x1003c, 0x1003d, 0x1003f,
    0x1004d, 0x10050, 0x1005d, 0x10080, 0x100fa, 0x10140, 0x10174, 0x10280, 0x1029c, 0x102a0,
    0x102d0, 0x10300, 0x1031f, 0x1032d, 0x1034a, 0x10350, 0x10375, 0x10380, 0x1039d, 0x103a0,
    0x103c3, 0x103c8, 0x103cf, 0x103d1, 0x103d5, 0x10400, 0x1049d, 0x104b0, 0x104d3, 0x104d8,
    0x104fb, 0x10500, 0x10527, 0x10530, 0x10563, 0x10570, 0x1057a, 0x1057c, 0x1058a, 0x1058c,
    0x10592, 0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3, 0x105b1, 0x105b3, 0x105b9, 0x105bb,
    0x105bc, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785, 0x10787,
    0x107b0, 0x107b2, 0x107ba, 0x10800, 0x10805, 0x10808, 0x10808, 0x1080a, 0x10835, 0x10837,
    0x10838, 0x1083c, 0x1083c, 0x1083f, 0x10855, 0x10860, 0x10876, 0x10880, 0x1089e, 0x108e0,
    0x108f2, 0x108f4, 0x108f5, 0x10900, 0x10915, 0x10920, 0x10939, 0x10980, 0x109b7, 0x109be,
    0x109bf, 0x10a00, 0x10a00, 0x10a10, 0x10a13, 0x10a15, 0x10a17, 0x10a19, 0x10a35, 0x10a60,
    0x10a7c, 0x10a80, 0x10a9c, 0x10ac0, 0x10ac7, 0x10ac9, 0x10ae4, 0x10b00, 0x10b35, 0x10b40,
    0x10b55, 0x10b60, 0x10b72, 0x10b80, 0x10b91, 0x10c00, 0x10c48, 0x10c80, 0x10cb2, 0x10cc0,
    0x10cf2, 0x10d00, 0x10d23, 0x10e80, 0x10ea9, 0x10eb0, 0x10eb1, 0x10f00, 0x10f1c, 0x10f27,
    0x10f27, 0x10f30, 0x10f45, 0x10f70, 0x10f81, 0x10fb0, 0x10fc4, 0x10fe0, 0x10ff6, 0x11003,
    0x11037, 0x11071, 0x11072, 0x11075, 0x11075, 0x11083, 0x110af, 0x110d0, 0x110e8, 0x11103,
    0x11126, 0x11144, 0x11144, 0x11147, 0x11147, 0x11150, 0x11172, 0x11176, 0x11176, 0x11183,
    0x111b2, 0x111c1, 0x111c4, 0x111da, 0x111da, 0x111dc, 0x111dc, 0x11200, 0x11211, 0x11213,
    0x1122b, 0x11280, 0x11286, 0x11288, 0x11288, 0x1128a, 0x1128d, 0x1128f, 0x1129d, 0x1129f,
    0x112a8, 0x112b0, 0x112de, 0x11305, 0x1130c, 0x1130f, 0x11310, 0x11313, 0x11328, 0x1132a,
    0x11330, 0x11332, 0x11333, 0x11335, 0x11339, 0x1133d, 0x1133d, 0x11350, 0x11350, 0x1135d,
    0x11361, 0x11400, 0x11434, 0x11447, 0x1144a, 0x1145f, 0x11461, 0x11480, 0x114af, 0x114c4,
    0x114c5, 0x114c7, 0x114c7, 0x11580, 0x115ae, 0x115d8, 0x115db, 0x11600, 0x1162f, 0x11644,
    0x11644, 0x11680, 0x116aa, 0x116b8, 0x116b8, 0x11700, 0x1171a, 0x11740, 0x11746, 0x11800,
    0x1182b, 0x118a0, 0x118df, 0x118ff, 0x11906, 0x11909, 0x11909, 0x1190c, 0x11913, 0x11915,
    0x11916, 0x11918, 0x1192f, 0x1193f, 0x1193f, 0x11941, 0x11941, 0x119a0, 0x119a7, 0x119aa,
    0x119d0, 0x119e1, 0x119e1, 0x119e3, 0x119e3, 0x11a00, 0x11a00, 0x11a0b, 0x11a32, 0x11a3a,
    0x11a3a, 0x11a50, 0x11a50, 0x11a5c, 0x11a89, 0x11a9d, 0x11a9d, 0x11ab0, 0x11af8, 0x11c00,
    0x11c08, 0x11c0a, 0x11c2e, 0x11c40, 0x11c40, 0x11c72, 0x11c8f, 0x11d00, 0x11d06, 0x11d08,
    0x11d09, 0x11d0b, 0x11d30, 0x11d46, 0x11d46, 0x11d60, 0x11d65, 0x11d67, 0x11d68, 0x11d6a,
    0x11d89, 0x11d98, 0x11d98, 0x11ee0, 0x11ef2, 0x11fb0, 0x11fb0, 0x12000, 0x12399, 0x12400,
    0x1246e, 0x12480, 0x12543, 0x12f90, 0x12ff0, 0x13000, 0x1342e, 0x14400, 0x14646, 0x16800,
    0x16a38, 0x16a40, 0x16a5e, 0x16a70, 0x16abe, 0x16ad0, 0x16aed, 0x16b00, 0x16b2f, 0x16b40,
    0x16b43, 0x16b63, 0x16b77, 0x16b7d, 0x16b8f, 0x16e40, 0x16e7f, 0x16f00, 0x16f4a, 0x16f50,
    0x16f50, 0x16f93, 0x16f9f, 0x16fe0, 0x16fe1, 0x16fe3, 0x16fe3, 0x17000, 0x187f7, 0x18800,
    0x18cd5, 0x18d00, 0x18d08, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000,
    0x1b122, 0x1b150, 0x1b152, 0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1bc00, 0x1bc6a, 0x1bc70,
    0x1bc7c, 0x1bc80, 0x1bc88, 0x1bc90, 0x1bc99, 0x1d400, 0x1d454, 0x1d456, 0x1d49c, 0x1d49e,
    0x1d49f, 0x1d4a2, 0x1d4a2, 0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4ac, 0x1d4ae, 0x1d4b9, 0x1d4bb,
    0x1d4bb, 0x1d4bd, 0x1d4c3, 0x1d4c5, 0x1d505, 0x1d507, 0x1d50a, 0x1d50d, 0x1d514, 0x1d516,
    0x1d51c, 0x1d51e, 0x1d539, 0x1d53b, 0x1d53e, 0x1d540, 0x1d544, 0x1d546, 0x1d546, 0x1d54a,
    0x1d550, 0x1d552, 0x1d6a5, 0x1d6a8, 0x1d6c0, 0x1d6c2, 0x1d6da, 0x1d6dc, 0x1d6fa, 0x1d6fc,
    0x1d714, 0x1d716, 0x1d734, 0x1d736, 0x1d74e, 0x1d750, 0x1d76e, 0x1d770, 0x1d788, 0x1d78a,
    0x1d7a8, 0x1d7aa, 0x1d7c2, 0x1d7c4, 0x1d7cb, 0x1df00, 0x1df1e, 0x1e100, 0x1e12c, 0x1e137,
    0x1e13d, 0x1e14e, 0x1e14e, 0x1e290, 0x1e2ad, 0x1e2c0, 0x1e2eb, 0x1e7e0, 0x1e7e6, 0x1e7e8,
    0x1e7eb, 0x1e7ed, 0x1e7ee, 0x1e7f0, 0x1e7fe, 0x1e800, 0x1e8c4, 0x1e900, 0x1e943, 0x1e94b,
    0x1e94b, 0x1ee00, 0x1ee03, 0x1ee05, 0x1ee1f, 0x1ee21, 0x1ee22, 0x1ee24, 0x1ee24, 0x1ee27,
    0x1ee27, 0x1ee29, 0x1ee32, 0x1ee34, 0x1ee37, 0x1ee39, 0x1ee39, 0x1ee3b, 0x1ee3b, 0x1ee42,
    0x1ee42, 0x1ee47, 0x1ee47, 0x1ee49, 0x1ee49, 0x1ee4b, 0x1ee4b, 0x1ee4d, 0x1ee4f, 0x1ee51,
    0x1ee52, 0x1ee54, 0x1ee54, 0x1ee57, 0x1ee57, 0x1ee59, 0x1ee59, 0x1ee5b, 0x1ee5b, 0x1ee5d,
    0x1ee5d, 0x1ee5f, 0x1ee5f, 0x1ee61, 0x1ee62, 0x1ee64, 0x1ee64, 0x1ee67, 0x1ee6a, 0x1ee6c,
    0x1ee72, 0x1ee74, 0x1ee77, 0x1ee79, 0x1ee7c, 0x1ee7e, 0x1ee7e, 0x1ee80, 0x1ee89, 0x1ee8b,
    0x1ee9b, 0x1eea1, 0x1eea3, 0x1eea5, 0x1eea9, 0x1eeab, 0x1eebb, 0x20000, 0x2a6df, 0x2a700,
    0x2b738, 0x2b740, 0x2b81d, 0x2b820, 0x2cea1, 0x2ceb0, 0x2ebe0, 0x2f800, 0x2fa1d, 0x30000,
    0x3134a,
];

/// Characters that may continue an identifier (XID_Continue).
static XID_CONTINUE_RANGES: &[u32] = &[
    0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a, 0xaa, 0xaa, 0xb5, 0xb5, 0xb7, 0xb7, 0xba, 0xba,
    0xc0, 0xd6, 0xd8, 0xf6, 0xf8, 0x2c1, 0x2c6, 0x2d1, 0x2e0, 0x2e4, 0x2ec, 0x2ec, 0x2ee, 0x2ee,
    0x300, 0x374, 0x376, 0x377, 0x37b, 0x37d, 0x37f, 0x37f, 0x386, 0x38a, 0x38c, 0x38c, 0x38e,
    0x3a1, 0x3a3, 0x3f5, 0x3f7, 0x481, 0x483, 0x487, 0x48a, 0x52f, 0x531, 0x556, 0x559, 0x559,
    0x560, 0x588, 0x591, 0x5bd, 0x5bf, 0x5bf, 0x5c1, 0x5c2, 0x5c4, 0x5c5, 0x5c7, 0x5c7, 0x5d0,
    0x5ea, 0x5ef, 0x5f2, 0x610, 0x61a, 0x620, 0x669, 0x66e, 0x6d3, 0x6d5, 0x6dc, 0x6df, 0x6e8,
    0x6ea, 0x6fc, 0x6ff, 0x6ff, 0x710, 0x74a, 0x74d, 0x7b1, 0x7c0, 0x7f5, 0x7fa, 0x7fa, 0x7fd,
    0x7fd, 0x800, 0x82d, 0x840, 0x85b, 0x860, 0x86a, 0x870, 0x887, 0x889, 0x88e, 0x898, 0x8e1,
    0x8e3, 0x963, 0x966, 0x96f, 0x971, 0x983, 0x985, 0x98c, 0x98f, 0x990, 0x993, 0x9a8, 0x9aa,
    0x9b0, 0x9b2, 0x9b2, 0x9b6, 0x9b9, 0x9bc, 0x9c4, 0x9c7, 0x9c8, 0x9cb, 0x9ce, 0x9d7, 0x9d7,
    0x9dc, 0x9dd, 0x9df, 0x9e3, 0x9e6, 0x9f1, 0x9fc, 0x9fc, 0x9fe, 0x9fe, 0xa01, 0xa03, 0xa05,
    0xa0a, 0xa0f, 0xa10, 0xa13, 0xa28, 0xa2a, 0xa30, 0xa32, 0xa33, 0xa35, 0xa36, 0xa38, 0xa39,
    0xa3c, 0xa3c, 0xa3e, 0xa42, 0xa47, 0xa48, 0xa4b, 0xa4d, 0xa51, 0xa51, 0xa59, 0xa5c, 0xa5e,
    0xa5e, 0xa66, 0xa75, 0xa81, 0xa83, 0xa85, 0xa8d, 0xa8f, 0xa91, 0xa93, 0xaa8, 0xaaa, 0xab0,
    0xab2, 0xab3, 0xab5, 0xab9, 0xabc, 0xac5, 0xac7, 0xac9, 0xacb, 0xacd, 0xad0, 0xad0, 0xae0,
    0xae3, 0xae6, 0xaef, 0xaf9, 0xaff, 0xb01, 0xb03, 0xb05, 0xb0c, 0xb0f, 0xb10, 0xb13, 0xb28,
    0xb2a, 0xb30, 0xb32, 0xb33, 0xb35, 0xb39, 0xb3c, 0xb44, 0xb47, 0xb48, 0xb4b, 0xb4d, 0xb55,
    0xb57, 0xb5c, 0xb5d, 0xb5f, 0xb63, 0xb66, 0xb6f, 0xb71, 0xb71, 0xb82, 0xb83, 0xb85, 0xb8a,
    0xb8e, 0xb90, 0xb92, 0xb95, 0xb99, 0xb9a, 0xb9c, 0xb9c, 0xb9e, 0xb9f, 0xba3, 0xba4, 0xba8,
    0xbaa, 0xbae, 0xbb9, 0xbbe, 0xbc2, 0xbc6, 0xbc8, 0xbca, 0xbcd, 0xbd0, 0xbd0, 0xbd7, 0xbd7,
    0xbe6, 0xbef, 0xc00, 0xc0c, 0xc0e, 0xc10, 0xc12, 0xc28, 0xc2a, 0xc39, 0xc3c, 0xc44, 0xc46,
    0xc48, 0xc4a, 0xc4d, 0xc55, 0xc56, 0xc58, 0xc5a, 0xc5d, 0xc5d, 0xc60, 0xc63, 0xc66, 0xc6f,
    0xc80, 0xc83, 0xc85, 0xc8c, 0xc8e, 0xc90, 0xc92, 0xca8, 0xcaa, 0xcb3, 0xcb5, 0xcb9, 0xcbc,
    0xcc4, 0xcc6, 0xcc8, 0xcca, 0xccd, 0xcd5, 0xcd6, 0xcdd, 0xcde, 0xce0, 0xce3, 0xce6, 0xcef,
    0xcf1, 0xcf2, 0xd00, 0xd0c, 0xd0e, 0xd10, 0xd12, 0xd44, 0xd46, 0xd48, 0xd4a, 0xd4e, 0xd54,
    0xd57, 0xd5f, 0xd63, 0xd66, 0xd6f, 0xd7a, 0xd7f, 0xd81, 0xd83, 0xd85, 0xd96, 0xd9a, 0xdb1,
    0xdb3, 0xdbb, 0xdbd, 0xdbd, 0xdc0, 0xdc6, 0xdca, 0xdca, 0xdcf, 0xdd4, 0xdd6, 0xdd6, 0xdd8,
    0xddf, 0xde6, 0xdef, 0xdf2, 0xdf3, 0xe01, 0xe3a, 0xe40, 0xe4e, 0xe50, 0xe59, 0xe81, 0xe82,
    0xe84, 0xe84, 0xe86, 0xe8a, 0xe8c, 0xea3, 0xea5, 0xea5, 0xea7, 0xebd, 0xec0, 0xec4, 0xec6,
    0xec6, 0xec8, 0xecd, 0xed0, 0xed9, 0xedc, 0xedf, 0xf00, 0xf00, 0xf18, 0xf19, 0xf20, 0xf29,
    0xf35, 0xf35, 0xf37, 0xf37, 0xf39, 0xf39, 0xf3e, 0xf47, 0xf49, 0xf6c, 0xf71, 0xf84, 0xf86,
    0xf97, 0xf99, 0xfbc, 0xfc6, 0xfc6, 0x1000, 0x1049, 0x1050, 0x109d, 0x10a0, 0x10c5, 0x10c7,
    0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x10fa, 0x10fc, 0x1248, 0x124a, 0x124d, 0x1250, 0x1256, 0x1258,
    0x1258, 0x125a, 0x125d, 0x1260, 0x1288, 0x128a, 0x128d, 0x1290, 0x12b0, 0x12b2, 0x12b5, 0x12b8,
    0x12be, 0x12c0, 0x12c0, 0x12c2, 0x12c5, 0x12c8, 0x12d6, 0x12d8, 0x1310, 0x1312, 0x1315, 0x1318,
    0x135a, 0x135d, 0x135f, 0x1369, 0x1371, 0x1380, 0x138f, 0x13a0, 0x13f5, 0x13f8, 0x13fd, 0x1401,
    0x166c, 0x166f, 0x167f, 0x1681, 0x169a, 0x16a0, 0x16ea, 0x16ee, 0x16f8, 0x1700, 0x1715, 0x171f,
    0x1734, 0x1740, 0x1753, 0x1760, 0x176c, 0x176e, 0x1770, 0x1772, 0x1773, 0x1780, 0x17d3, 0x17d7,
    0x17d7, 0x17dc, 0x17dd, 0x17e0, 0x17e9, 0x180b, 0x180d, 0x180f, 0x1819, 0x1820, 0x1878, 0x1880,
    0x18aa, 0x18b0, 0x18f5, 0x1900, 0x191e, 0x1920, 0x192b, 0x1930, 0x193b, 0x1946, 0x196d, 0x1970,
    0x1974, 0x1980, 0x19ab, 0x19b0, 0x19c9, 0x19d0, 0x19da, 0x1a00, 0x1a1b, 0x1a20, 0x1a5e, 0x1a60,
    0x1a7c, 0x1a7f, 0x1a89, 0x1a90, 0x1a99, 0x1aa7, 0x1aa7, 0x1ab0, 0x1abd, 0x1abf, 0x1ace, 0x1b00,
    0x1b4c, 0x1b50, 0x1b59, 0x1b6b, 0x1b73, 0x1b80, 0x1bf3, 0x1c00, 0x1c37, 0x1c40, 0x1c49, 0x1c4d,
    0x1c7d, 0x1c80, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cbf, 0x1cd0, 0x1cd2, 0x1cd4, 0x1cfa, 0x1d00,
    0x1f15, 0x1f18, 0x1f1d, 0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59, 0x1f5b,
    0x1f5b, 0x1f5d, 0x1f5d, 0x1f5f, 0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fbc, 0x1fbe, 0x1fbe, 0x1fc2,
    0x1fc4, 0x1fc6, 0x1fcc, 0x1fd0, 0x1fd3, 0x1fd6, 0x1fdb, 0x1fe0, 0x1fec, 0x1ff2, 0x1ff4, 0x1ff6,
    0x1ffc, 0x203f, 0x2040, 0x2054, 0x2054, 0x2071, 0x2071, 0x207f, 0x207f, 0x2090, 0x209c, 0x20d0,
    0x20dc, 0x20e1, 0x20e1, 0x20e5, 0x20f0, 0x2102, 0x2102, 0x2107, 0x2107, 0x210a, 0x2113, 0x2115,
    0x2115, 0x2118, 0x211d, 0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212a, 0x2139, 0x213c,
    0x213f, 0x2145, 0x2149, 0x214e, 0x214e, 0x2160, 0x2188, 0x2c00, 0x2ce4, 0x2ceb, 0x2cf3, 0x2d00,
    0x2d25, 0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67, 0x2d6f, 0x2d6f, 0x2d7f, 0x2d96, 0x2da0,
    0x2da6, 0x2da8, 0x2dae, 0x2db0, 0x2db6, 0x2db8, 0x2dbe, 0x2dc0, 0x2dc6, 0x2dc8, 0x2dce, 0x2dd0,
    0x2dd6, 0x2dd8, 0x2dde, 0x2de0, 0x2dff, 0x3005, 0x3007, 0x3021, 0x302f, 0x3031, 0x3035, 0x3038,
    0x303c, 0x3041, 0x3096, 0x3099, 0x309a, 0x309d, 0x309f, 0x30a1, 0x30fa, 0x30fc, 0x30ff, 0x3105,
    0x312f, 0x3131, 0x318e, 0x31a0, 0x31bf, 0x31f0, 0x31ff, 0x3400, 0x4dbf, 0x4e00, 0xa48c, 0xa4d0,
    0xa4fd, 0xa500, 0xa60c, 0xa610, 0xa62b, 0xa640, 0xa66f, 0xa674, 0xa67d, 0xa67f, 0xa6f1, 0xa717,
    0xa71f, 0xa722, 0xa788, 0xa78b, 0xa7ca, 0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9, 0xa7f2,
    0xa827, 0xa82c, 0xa82c, 0xa840, 0xa873, 0xa880, 0xa8c5, 0xa8d0, 0xa8d9, 0xa8e0, 0xa8f7, 0xa8fb,
    0xa8fb, 0xa8fd, 0xa92d, 0xa930, 0xa953, 0xa960, 0xa97c, 0xa980, 0xa9c0, 0xa9cf, 0xa9d9, 0xa9e0,
    0xa9fe, 0xaa00, 0xaa36, 0xaa40, 0xaa4d, 0xaa50, 0xaa59, 0xaa60, 0xaa76, 0xaa7a, 0xaac2, 0xaadb,
    0xaadd, 0xaae0, 0xaaef, 0xaaf2, 0xaaf6, 0xab01, 0xab06, 0xab09, 0xab0e, 0xab11, 0xab16, 0xab20,
    0xab26, 0xab28, 0xab2e, 0xab30, 0xab5a, 0xab5c, 0xab69, 0xab70, 0xabea, 0xabec, 0xabed, 0xabf0,
    0xabf9, 0xac00, 0xd7a3, 0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb, 0xf900, 0xfa6d, 0xfa70, 0xfad9, 0xfb00,
    0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfb28, 0xfb2a, 0xfb36, 0xfb38, 0xfb3c, 0xfb3e, 0xfb3e, 0xfb40,
    0xfb41, 0xfb43, 0xfb44, 0xfb46, 0xfbb1, 0xfbd3, 0xfc5d, 0xfc64, 0xfd3d, 0xfd50, 0xfd8f, 0xfd92,
    0xfdc7, 0xfdf0, 0xfdf9, 0xfe00, 0xfe0f, 0xfe20, 0xfe2f, 0xfe33, 0xfe34, 0xfe4d, 0xfe4f, 0xfe71,
    0xfe71, 0xfe73, 0xfe73, 0xfe77, 0xfe77, 0xfe79, 0xfe79, 0xfe7b, 0xfe7b, 0xfe7d, 0xfe7d, 0xfe7f,
    0xfefc, 0xff10, 0xff19, 0xff21, 0xff3a, 0xff3f, 0xff3f, 0xff41, 0xff5a, 0xff66, 0xffbe, 0xffc2,
    0xffc7, 0xffca, 0xffcf, 0xffd2, 0xffd7, 0xffda, 0xffdc, 0x10000, 0x1000b, 0x1000d, 0x10026,
    0x10028, 0x1003a, 0x1003c, 0x1003d, 0x1003f, 0x1004d, 0x10050, 0x1005d, 0x10080, 0x100fa,
    0x10140, 0x10174, 0x101fd, 0x101fd, 0x10280, 0x1029c, 0x102a0, 0x102d0, 0x102e0, 0x102e0,
    0x10300, 0x1031f, 0x1032d, 0x1034a, 0x10350, 0x1037a, 0x10380, 0x1039d, 0x103a0, 0x103c3,
    0x103c8, 0x103cf, 0x103d1, 0x103d5, 0x10400, 0x1049d, 0x104a0, 0x104a9, 0x104b0, 0x104d3,
    0x104d8, 0x104fb, 0x10500, 0x10527, 0x10530, 0x10563, 0x10570, 0x1057a, 0x1057c, 0x1058a,
    0x1058c, 0x10592, 0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3, 0x105b1, 0x105b3, 0x105b9,
    0x105bb, 0x105bc, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785,
    0x10787, 0x107b0, 0x107b2, 0x107ba, 0x10800, 0x10805, 0x10808, 0x10808, 0x1080a, 0x10835,
    0x10837, 0x10838, 0x1083c, 0x1083c, 0x1083f, 0x10855, 0x10860, 0x10876, 0x10880, 0x1089e,
    0x108e0, 0x108f2, 0x108f4, 0x108f5, 0x10900, 0x10915, 0x10920, 0x10939, 0x10980, 0x109b7,
    0x109be, 0x109bf, 0x10a00, 0x10a03, 0x10a05, 0x10a06, 0x10a0c, 0x10a13, 0x10a15, 0x10a17,
    0x10a19, 0x10a35, 0x10a38, 0x10a3a, 0x10a3f, 0x10a3f, 0x10a60, 0x10a7c, 0x10a80, 0x10a9c,
    0x10ac0, 0x10ac7, 0x10ac9, 0x10ae6, 0x10b00, 0x10b35, 0x10b40, 0x10b55, 0x10b60, 0x10b72,
    0x10b80, 0x10b91, 0x10c00, 0x10c48, 0x10c80, 0x10cb2, 0x10cc0, 0x10cf2, 0x10d00, 0x10d27,
    0x10d30, 0x10d39, 0x10e80, 0x10ea9, 0x10eab, 0x10eac, 0x10eb0, 0x10eb1, 0x10f00, 0x10f1c,
    0x10f27, 0x10f27, 0x10f30, 0x10f50, 0x10f70, 0x10f85, 0x10fb0, 0x10fc4, 0x10fe0, 0x10ff6,
    0x11000, 0x11046, 0x11066, 0x11075, 0x1107f, 0x110ba, 0x110c2, 0x110c2, 0x110d0, 0x110e8,
    0x110f0, 0x110f9, 0x11100, 0x11134, 0x11136, 0x1113f, 0x11144, 0x11147, 0x11150, 0x11173,
    0x11176, 0x11176, 0x11180, 0x111c4, 0x111c9, 0x111cc, 0x111ce, 0x111da, 0x111dc, 0x111dc,
    0x11200, 0x11211, 0x11213, 0x11237, 0x1123e, 0x1123e, 0x11280, 0x11286, 0x11288, 0x11288,
    0x1128a, 0x1128d, 0x1128f, 0x1129d, 0x1129f, 0x112a8, 0x112b0, 0x112ea, 0x112f0, 0x112f9,
    0x11300, 0x11303, 0x11305, 0x1130c, 0x1130f, 0x11310, 0x11313, 0x11328, 0x1132a, 0x11330,
    0x11332, 0x11333, 0x11335, 0x11339, 0x1133b, 0x11344, 0x11347, 0x11348, 0x1134b, 0x1134d,
    0x11350, 0x11350, 0x11357, 0x11357, 0x1135d, 0x11363, 0x11366, 0x1136c, 0x11370, 0x11374,
    0x11400, 0x1144a, 0x11450, 0x11459, 0x1145e, 0x11461, 0x11480, 0x114c5, 0x114c7, 0x114c7,
    0x114d0, 0x114d9, 0x11580, 0x115b5, 0x115b8, 0x115c0, 0x115d8, 0x115dd, 0x11600, 0x11640,
    0x11644, 0x11644, 0x11650, 0x11659, 0x11680, 0x116b8, 0x116c0, 0x116c9, 0x11700, 0x1171a,
    0x1171d, 0x1172b, 0x11730, 0x11739, 0x11740, 0x11746, 0x11800, 0x1183a, 0x118a0, 0x118e9,
    0x118ff, 0x11906, 0x11909, 0x11909, 0x1190c, 0x11913, 0x11915, 0x11916, 0x11918, 0x11935,
    0x11937, 0x11938, 0x1193b, 0x11943, 0x11950, 0x11959, 0x119a0, 0x119a7, 0x119aa, 0x119d7,
    0x119da, 0x119e1, 0x119e3, 0x119e4, 0x11a00, 0x11a3e, 0x11a47, 0x11a47, 0x11a50, 0x11a99,
    0x11a9d, 0x11a9d, 0x11ab0, 0x11af8, 0x11c00, 0x11c08, 0x11c0a, 0x11c36, 0x11c38, 0x11c40,
    0x11c50, 0x11c59, 0x11c72, 0x11c8f, 0x11c92, 0x11ca7, 0x11ca9, 0x11cb6, 0x11d00, 0x11d06,
    0x11d08, 0x11d09, 0x11d0b, 0x11d36, 0x11d3a, 0x11d3a, 0x11d3c, 0x11d3d, 0x11d3f, 0x11d47,
    0x11d50, 0x11d59, 0x11d60, 0x11d65, 0x11d67, 0x11d68, 0x11d6a, 0x11d8e, 0x11d90, 0x11d91,
    0x11d93, 0x11d98, 0x11da0, 0x11da9, 0x11ee0, 0x11ef6, 0x11fb0, 0x11fb0, 0x12000, 0x12399,
    0x12400, 0x1246e, 0x12480, 0x12543, 0x12f90, 0x12ff0, 0x13000, 0x1342e, 0x14400, 0x14646,
    0x16800, 0x16a38, 0x16a40, 0x16a5e, 0x16a60, 0x16a69, 0x16a70, 0x16abe, 0x16ac0, 0x16ac9,
    0x16ad0, 0x16aed, 0x16af0, 0x16af4, 0x16b00, 0x16b36, 0x16b40, 0x16b43, 0x16b50, 0x16b59,
    0x16b63, 0x16b77, 0x16b7d, 0x16b8f, 0x16e40, 0x16e7f, 0x16f00, 0x16f4a, 0x16f4f, 0x16f87,
    0x16f8f, 0x16f9f, 0x16fe0, 0x16fe1, 0x16fe3, 0x16fe4, 0x16ff0, 0x16ff1, 0x17000, 0x187f7,
    0x18800, 0x18cd5, 0x18d00, 0x18d08, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe,
    0x1b000, 0x1b122, 0x1b150, 0x1b152, 0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1bc00, 0x1bc6a,
    0x1bc70, 0x1bc7c, 0x1bc80, 0x1bc88, 0x1bc90, 0x1bc99, 0x1bc9d, 0x1bc9e, 0x1cf00, 0x1cf2d,
    0x1cf30, 0x1cf46, 0x1d165, 0x1d169, 0x1d16d, 0x1d172, 0x1d17b, 0x1d182, 0x1d185, 0x1d18b,
    0x1d1aa, 0x1d1ad, 0x1d242, 0x1d244, 0x1d400, 0x1d454, 0x1d456, 0x1d49c, 0x1d49e, 0x1d49f,
    0x1d4a2, 0x1d4a2, 0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4ac, 0x1d4ae, 0x1d4b9, 0x1d4bb, 0x1d4bb,
    0x1d4bd, 0x1d4c3, 0x1d4c5, 0x1d505, 0x1d507, 0x1d50a, 0x1d50d, 0x1d514, 0x1d516, 0x1d51c,
    0x1d51e, 0x1d539, 0x1d53b, 0x1d53e, 0x1d540, 0x1d544, 0x1d546, 0x1d546, 0x1d54a, 0x1d550,
    0x1d552, 0x1d6a5, 0x1d6a8, 0x1d6c0, 0x1d6c2, 0x1d6da, 0x1d6dc, 0x1d6fa, 0x1d6fc, 0x1d714,
    0x1d716, 0x1d734, 0x1d736, 0x1d74e, 0x1d750, 0x1d76e, 0x1d770, 0x1d788, 0x1d78a, 0x1d7a8,
    0x1d7aa, 0x1d7c2, 0x1d7c4, 0x1d7cb, 0x1d7ce, 0x1d7ff, 0x1da00, 0x1da36, 0x1da3b, 0x1da6c,
    0x1da75, 0x1da75, 0x1da84, 0x1da84, 0x1da9b, 0x1da9f, 0x1daa1, 0x1daaf, 0x1df00, 0x1df1e,
    0x1e000, 0x1e006, 0x1e008, 0x1e018, 0x1e01b, 0x1e021, 0x1e023, 0x1e024, 0x1e026, 0x1e02a,
    0x1e100, 0x1e12c, 0x1e130, 0x1e13d, 0x1e140, 0x1e149, 0x1e14e, 0x1e14e, 0x1e290, 0x1e2ae,
    0x1e2c0, 0x1e2f9, 0x1e7e0, 0x1e7e6, 0x1e7e8, 0x1e7eb, 0x1e7ed, 0x1e7ee, 0x1e7f0, 0x1e7fe,
    0x1e800, 0x1e8c4, 0x1e8d0, 0x1e8d6, 0x1e900, 0x1e94b, 0x1e950, 0x1e959, 0x1ee00, 0x1ee03,
    0x1ee05, 0x1ee1f, 0x1ee21, 0x1ee22, 0x1ee24, 0x1ee24, 0x1ee27, 0x1ee27, 0x1ee29, 0x1ee32,
    0x1ee34, 0x1ee37, 0x1ee39, 0x1ee39, 0x1ee3b, 0x1ee3b, 0x1ee42, 0x1ee42, 0x1ee47, 0x1ee47,
    0x1ee49, 0x1ee49, 0x1ee4b, 0x1ee4b, 0x1ee4d, 0x1ee4f, 0x1ee51, 0x1ee52, 0x1ee54, 0x1ee54,
    0x1ee57, 0x1ee57, 0x1ee59, 0x1ee59, 0x1ee5b, 0x1ee5b, 0x1ee5d, 0x1ee5d, 0x1ee5f, 0x1ee5f,
    0x1ee61, 0x1ee62, 0x1ee64, 0x1ee64, 0x1ee67, 0x1ee6a, 0x1ee6c, 0x1ee72, 0x1ee74, 0x1ee77,
    0x1ee79, 0x1ee7c, 0x1ee7e, 0x1ee7e, 0x1ee80, 0x1ee89, 0x1ee8b, 0x1ee9b, 0x1eea1, 0x1eea3,
    0x1eea5, 0x1eea9, 0x1eeab, 0x1eebb, 0x1fbf0, 0x1fbf9, 0x20000, 0x2a6df, 0x2a700, 0x2b738,
    0x2b740, 0x2b81d, 0x2b820, 0x2cea1, 0x2ceb0, 0x2ebe0, 0x2f800, 0x2fa1d, 0x30000, 0x3134a,
    0xe0100, 0xe01ef,
];

/// Titlecase letters (category Lt).
static TITLECASE_LETTER_RANGES: &[u32] = &[
    0x1c5, 0x1c5, 0x1c8, 0x1c8, 0x1cb, 0x1cb, 0x1f2, 0x1f2, 0x1f88, 0x1f8f, 0x1f98, 0x1f9f, 0x1fa8,
    0x1faf, 0x1fbc, 0x1fbc, 0x1fcc, 0x1fcc, 0x1ffc, 0x1ffc,
];

/// Cased characters as CPython's `_PyUnicode_IsCased`.
static CASED_RANGES: &[u32] = &[
    0x41, 0x5a, 0x61, 0x7a, 0xaa, 0xaa, 0xb5, 0xb5, 0xba, 0xba, 0xc0, 0xd6, 0xd8, 0xf6, 0xf8,
    0x1ba, 0x1bc, 0x1bf, 0x1c4, 0x293, 0x295, 0x2b8, 0x2c0, 0x2c1, 0x2e0, 0x2e4, 0x345, 0x345,
    0x370, 0x373, 0x376, 0x377, 0x37a, 0x37d, 0x37f, 0x37f, 0x386, 0x386, 0x388, 0x38a, 0x38c,
    0x38c, 0x38e, 0x3a1, 0x3a3, 0x3f5, 0x3f7, 0x481, 0x48a, 0x52f, 0x531, 0x556, 0x560, 0x588,
    0x10a0, 0x10c5, 0x10c7, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x10fa, 0x10fd, 0x10ff, 0x13a0, 0x13f5,
    0x13f8, 0x13fd, 0x1c80, 0x1c88, 0x1c90, 0x1cba, 0x1cbd, 0x1cbf, 0x1d00, 0x1dbf, 0x1e00, 0x1f15,
    0x1f18, 0x1f1d, 0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f57, 0x1f59, 0x1f59, 0x1f5b, 0x1f5b,
    0x1f5d, 0x1f5d, 0x1f5f, 0x1f7d, 0x1f80, 0x1fb4, 0x1fb6, 0x1fbc, 0x1fbe, 0x1fbe, 0x1fc2, 0x1fc4,
    0x1fc6, 0x1fcc, 0x1fd0, 0x1fd3, 0x1fd6, 0x1fdb, 0x1fe0, 0x1fec, 0x1ff2, 0x1ff4, 0x1ff6, 0x1ffc,
    0x2071, 0x2071, 0x207f, 0x207f, 0x2090, 0x209c, 0x2102, 0x2102, 0x2107, 0x2107, 0x210a, 0x2113,
    0x2115, 0x2115, 0x2119, 0x211d, 0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212a, 0x212d,
    0x212f, 0x2134, 0x2139, 0x2139, 0x213c, 0x213f, 0x2145, 0x2149, 0x214e, 0x214e, 0x2160, 0x217f,
    0x2183, 0x2184, 0x24b6, 0x24e9, 0x2c00, 0x2ce4, 0x2ceb, 0x2cee, 0x2cf2, 0x2cf3, 0x2d00, 0x2d25,
    0x2d27, 0x2d27, 0x2d2d, 0x2d2d, 0xa640, 0xa66d, 0xa680, 0xa69d, 0xa722, 0xa787, 0xa78b, 0xa78e,
    0xa790, 0xa7ca, 0xa7d0, 0xa7d1, 0xa7d3, 0xa7d3, 0xa7d5, 0xa7d9, 0xa7f5, 0xa7f6, 0xa7f8, 0xa7fa,
    0xab30, 0xab5a, 0xab5c, 0xab68, 0xab70, 0xabbf, 0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xff21, 0xff3a,
    0xff41, 0xff5a, 0x10400, 0x1044f, 0x104b0, 0x104d3, 0x104d8, 0x104fb, 0x10570, 0x1057a,
    0x1057c, 0x1058a, 0x1058c, 0x10592, 0x10594, 0x10595, 0x10597, 0x105a1, 0x105a3, 0x105b1,
    0x105b3, 0x105b9, 0x105bb, 0x105bc, 0x10780, 0x10780, 0x10783, 0x10785, 0x10787, 0x107b0,
    0x107b2, 0x107ba, 0x10c80, 0x10cb2, 0x10cc0, 0x10cf2, 0x118a0, 0x118df, 0x16e40, 0x16e7f,
    0x1d400, 0x1d454, 0x1d456, 0x1d49c, 0x1d49e, 0x1d49f, 0x1d4a2, 0x1d4a2, 0x1d4a5, 0x1d4a6,
    0x1d4a9, 0x1d4ac, 0x1d4ae, 0x1d4b9, 0x1d4bb, 0x1d4bb, 0x1d4bd, 0x1d4c3, 0x1d4c5, 0x1d505,
    0x1d507, 0x1d50a, 0x1d50d, 0x1d514, 0x1d516, 0x1d51c, 0x1d51e, 0x1d539, 0x1d53b, 0x1d53e,
    0x1d540, 0x1d544, 0x1d546, 0x1d546, 0x1d54a, 0x1d550, 0x1d552, 0x1d6a5, 0x1d6a8, 0x1d6c0,
    0x1d6c2, 0x1d6da, 0x1d6dc, 0x1d6fa, 0x1d6fc, 0x1d714, 0x1d716, 0x1d734, 0x1d736, 0x1d74e,
    0x1d750, 0x1d76e, 0x1d770, 0x1d788, 0x1d78a, 0x1d7a8, 0x1d7aa, 0x1d7c2, 0x1d7c4, 0x1d7cb,
    0x1df00, 0x1df09, 0x1df0b, 0x1df1e, 0x1e900, 0x1e943, 0x1f130, 0x1f149, 0x1f150, 0x1f169,
    0x1f170, 0x1f189,
];

/// Case-ignorable characters (for the final sigma rule).
static CASE_IGNORABLE_RANGES: &[u32] = &[
    0x27, 0x27, 0x2e, 0x2e, 0x3a, 0x3a, 0x5e, 0x5e, 0x60, 0x60, 0xa8, 0xa8, 0xad, 0xad, 0xaf, 0xaf,
    0xb4, 0xb4, 0xb7, 0xb8, 0x2b0, 0x36f, 0x374, 0x375, 0x37a, 0x37a, 0x384, 0x385, 0x387, 0x387,
    0x483, 0x489, 0x559, 0x559, 0x55f, 0x55f, 0x591, 0x5bd, 0x5bf, 0x5bf, 0x5c1, 0x5c2, 0x5c4,
    0x5c5, 0x5c7, 0x5c7, 0x5f4, 0x5f4, 0x600, 0x605, 0x610, 0x61a, 0x61c, 0x61c, 0x640, 0x640,
    0x64b, 0x65f, 0x670, 0x670, 0x6d6, 0x6dd, 0x6df, 0x6e8, 0x6ea, 0x6ed, 0x70f, 0x70f, 0x711,
    0x711, 0x730, 0x74a, 0x7a6, 0x7b0, 0x7eb, 0x7f5, 0x7fa, 0x7fa, 0x7fd, 0x7fd, 0x816, 0x82d,
    0x859, 0x85b, 0x888, 0x888, 0x890, 0x891, 0x898, 0x89f, 0x8c9, 0x902, 0x93a, 0x93a, 0x93c,
    0x93c, 0x941, 0x948, 0x94d, 0x94d, 0x951, 0x957, 0x962, 0x963, 0x971, 0x971, 0x981, 0x981,
    0x9bc, 0x9bc, 0x9c1, 0x9c4, 0x9cd, 0x9cd, 0x9e2, 0x9e3, 0x9fe, 0x9fe, 0xa01, 0xa02, 0xa3c,
    0xa3c, 0xa41, 0xa42, 0xa47, 0xa48, 0xa4b, 0xa4d, 0xa51, 0xa51, 0xa70, 0xa71, 0xa75, 0xa75,
    0xa81, 0xa82, 0xabc, 0xabc, 0xac1, 0xac5, 0xac7, 0xac8, 0xacd, 0xacd, 0xae2, 0xae3, 0xafa,
    0xaff, 0xb01, 0xb01, 0xb3c, 0xb3c, 0xb3f, 0xb3f, 0xb41, 0xb44, 0xb4d, 0xb4d, 0xb55, 0xb56,
    0xb62, 0xb63, 0xb82, 0xb82, 0xbc0, 0xbc0, 0xbcd, 0xbcd, 0xc00, 0xc00, 0xc04, 0xc04, 0xc3c,
    0xc3c, 0xc3e, 0xc40, 0xc46, 0xc48, 0xc4a, 0xc4d, 0xc55, 0xc56, 0xc62, 0xc63, 0xc81, 0xc81,
    0xcbc, 0xcbc, 0xcbf, 0xcbf, 0xcc6, 0xcc6, 0xccc, 0xccd, 0xce2, 0xce3, 0xd00, 0xd01, 0xd3b,
    0xd3c, 0xd41, 0xd44, 0xd4d, 0xd4d, 0xd62, 0xd63, 0xd81, 0xd81, 0xdca, 0xdca, 0xdd2, 0xdd4,
    0xdd6, 0xdd6, 0xe31, 0xe31, 0xe34, 0xe3a, 0xe46, 0xe4e, 0xeb1, 0xeb1, 0xeb4, 0xebc, 0xec6,
    0xec6, 0xec8, 0xecd, 0xf18, 0xf19, 0xf35, 0xf35, 0xf37, 0xf37, 0xf39, 0xf39, 0xf71, 0xf7e,
    0xf80, 0xf84, 0xf86, 0xf87, 0xf8d, 0xf97, 0xf99, 0xfbc, 0xfc6, 0xfc6, 0x102d, 0x1030, 0x1032,
    0x1037, 0x1039, 0x103a, 0x103d, 0x103e, 0x1058, 0x1059, 0x105e, 0x1060, 0x1071, 0x1074, 0x1082,
    0x1082, 0x1085, 0x1086, 0x108d, 0x108d, 0x109d, 0x109d, 0x10fc, 0x10fc, 0x135d, 0x135f, 0x1712,
    0x1714, 0x1732, 0x1733, 0x1752, 0x1753, 0x1772, 0x1773, 0x17b4, 0x17b5, 0x17b7, 0x17bd, 0x17c6,
    0x17c6, 0x17c9, 0x17d3, 0x17d7, 0x17d7, 0x17dd, 0x17dd, 0x180b, 0x180f, 0x1843, 0x1843, 0x1885,
    0x1886, 0x18a9, 0x18a9, 0x1920, 0x1922, 0x1927, 0x1928, 0x1932, 0x1932, 0x1939, 0x193b, 0x1a17,
    0x1a18, 0x1a1b, 0x1a1b, 0x1a56, 0x1a56, 0x1a58, 0x1a5e, 0x1a60, 0x1a60, 0x1a62, 0x1a62, 0x1a65,
    0x1a6c, 0x1a73, 0x1a7c, 0x1a7f, 0x1a7f, 0x1aa7, 0x1aa7, 0x1ab0, 0x1ace, 0x1b00, 0x1b03, 0x1b34,
    0x1b34, 0x1b36, 0x1b3a, 0x1b3c, 0x1b3c, 0x1b42, 0x1b42, 0x1b6b, 0x1b73, 0x1b80, 0x1b81, 0x1ba2,
    0x1ba5, 0x1ba8, 0x1ba9, 0x1bab, 0x1bad, 0x1be6, 0x1be6, 0x1be8, 0x1be9, 0x1bed, 0x1bed, 0x1bef,
    0x1bf1, 0x1c2c, 0x1c33, 0x1c36, 0x1c37, 0x1c78, 0x1c7d, 0x1cd0, 0x1cd2, 0x1cd4, 0x1ce0, 0x1ce2,
    0x1ce8, 0x1ced, 0x1ced, 0x1cf4, 0x1cf4, 0x1cf8, 0x1cf9, 0x1d2c, 0x1d6a, 0x1d78, 0x1d78, 0x1d9b,
    0x1dff, 0x1fbd, 0x1fbd, 0x1fbf, 0x1fc1, 0x1fcd, 0x1fcf, 0x1fdd, 0x1fdf, 0x1fed, 0x1fef, 0x1ffd,
    0x1ffe, 0x200b, 0x200f, 0x2018, 0x2019, 0x2024, 0x2024, 0x2027, 0x2027, 0x202a, 0x202e, 0x2060,
    0x2064, 0x2066, 0x206f, 0x2071, 0x2071, 0x207f, 0x207f, 0x2090, 0x209c, 0x20d0, 0x20f0, 0x2c7c,
    0x2c7d, 0x2cef, 0x2cf1, 0x2d6f, 0x2d6f, 0x2d7f, 0x2d7f, 0x2de0, 0x2dff, 0x2e2f, 0x2e2f, 0x3005,
    0x3005, 0x302a, 0x302d, 0x3031, 0x3035, 0x303b, 0x303b, 0x3099, 0x309e, 0x30fc, 0x30fe, 0xa015,
    0xa015, 0xa4f8, 0xa4fd, 0xa60c, 0xa60c, 0xa66f, 0xa672, 0xa674, 0xa67d, 0xa67f, 0xa67f, 0xa69c,
    0xa69f, 0xa6f0, 0xa6f1, 0xa700, 0xa721, 0xa770, 0xa770, 0xa788, 0xa78a, 0xa7f2, 0xa7f4, 0xa7f8,
    0xa7f9, 0xa802, 0xa802, 0xa806, 0xa806, 0xa80b, 0xa80b, 0xa825, 0xa826, 0xa82c, 0xa82c, 0xa8c4,
    0xa8c5, 0xa8e0, 0xa8f1, 0xa8ff, 0xa8ff, 0xa926, 0xa92d, 0xa947, 0xa951, 0xa980, 0xa982, 0xa9b3,
    0xa9b3, 0xa9b6, 0xa9b9, 0xa9bc, 0xa9bd, 0xa9cf, 0xa9cf, 0xa9e5, 0xa9e6, 0xaa29, 0xaa2e, 0xaa31,
    0xaa32, 0xaa35, 0xaa36, 0xaa43, 0xaa43, 0xaa4c, 0xaa4c, 0xaa70, 0xaa70, 0xaa7c, 0xaa7c, 0xaab0,
    0xaab0, 0xaab2, 0xaab4, 0xaab7, 0xaab8, 0xaabe, 0xaabf, 0xaac1, 0xaac1, 0xaadd, 0xaadd, 0xaaec,
    0xaaed, 0xaaf3, 0xaaf4, 0xaaf6, 0xaaf6, 0xab5b, 0xab5f, 0xab69, 0xab6b, 0xabe5, 0xabe5, 0xabe8,
    0xabe8, 0xabed, 0xabed, 0xfb1e, 0xfb1e, 0xfbb2, 0xfbc2, 0xfe00, 0xfe0f, 0xfe13, 0xfe13, 0xfe20,
    0xfe2f, 0xfe52, 0xfe52, 0xfe55, 0xfe55, 0xfeff, 0xfeff, 0xff07, 0xff07, 0xff0e, 0xff0e, 0xff1a,
    0xff1a, 0xff3e, 0xff3e, 0xff40, 0xff40, 0xff70, 0xff70, 0xff9e, 0xff9f, 0xffe3, 0xffe3, 0xfff9,
    0xfffb, 0x101fd, 0x101fd, 0x102e0, 0x102e0, 0x10376, 0x1037a, 0x10780, 0x10785, 0x10787,
    0x107b0, 0x107b2, 0x107ba, 0x10a01, 0x10a03, 0x10a05, 0x10a06, 0x10a0c, 0x10a0f, 0x10a38,
    0x10a3a, 0x10a3f, 0x10a3f, 0x10ae5, 0x10ae6, 0x10d24, 0x10d27, 0x10eab, 0x10eac, 0x10f46,
    0x10f50, 0x10f82, 0x10f85, 0x11001, 0x11001, 0x11038, 0x11046, 0x11070, 0x11070, 0x11073,
    0x11074, 0x1107f, 0x11081, 0x110b3, 0x110b6, 0x110b9, 0x110ba, 0x110bd, 0x110bd, 0x110c2,
    0x110c2, 0x110cd, 0x110cd, 0x11100, 0x11102, 0x11127, 0x1112b, 0x1112d, 0x11134, 0x11173,
    0x11173, 0x11180, 0x11181, 0x111b6, 0x111be, 0x111c9, 0x111cc, 0x111cf, 0x111cf, 0x1122f,
    0x11231, 0x11234, 0x11234, 0x11236, 0x11237, 0x1123e, 0x1123e, 0x112df, 0x112df, 0x112e3,
    0x112ea, 0x11300, 0x11301, 0x1133b, 0x1133c, 0x11340, 0x11340, 0x11366, 0x1136c, 0x11370,
    0x11374, 0x11438, 0x1143f, 0x11442, 0x11444, 0x11446, 0x11446, 0x1145e, 0x1145e, 0x114b3,
    0x114b8, 0x114ba, 0x114ba, 0x114bf, 0x114c0, 0x114c2, 0x114c3, 0x115b2, 0x115b5, 0x115bc,
    0x115bd, 0x115bf, 0x115c0, 0x115dc, 0x115dd, 0x11633, 0x1163a, 0x1163d, 0x1163d, 0x1163f,
    0x11640, 0x116ab, 0x116ab, 0x116ad, 0x116ad, 0x116b0, 0x116b5, 0x116b7, 0x116b7, 0x1171d,
    0x1171f, 0x11722, 0x11725, 0x11727, 0x1172b, 0x1182f, 0x11837, 0x11839, 0x1183a, 0x1193b,
    0x1193c, 0x1193e, 0x1193e, 0x11943, 0x11943, 0x119d4, 0x119d7, 0x119da, 0x119db, 0x119e0,
    0x119e0, 0x11a01, 0x11a0a, 0x11a33, 0x11a38, 0x11a3b, 0x11a3e, 0x11a47, 0x11a47, 0x11a51,
    0x11a56, 0x11a59, 0x11a5b, 0x11a8a, 0x11a96, 0x11a98, 0x11a99, 0x11c30, 0x11c36, 0x11c38,
    0x11c3d, 0x11c3f, 0x11c3f, 0x11c92, 0x11ca7, 0x11caa, 0x11cb0, 0x11cb2, 0x11cb3, 0x11cb5,
    0x11cb6, 0x11d31, 0x11d36, 0x11d3a, 0x11d3a, 0x11d3c, 0x11d3d, 0x11d3f, 0x11d45, 0x11d47,
    0x11d47, 0x11d90, 0x11d91, 0x11d95, 0x11d95, 0x11d97, 0x11d97, 0x11ef3, 0x11ef4, 0x13430,
    0x13438, 0x16af0, 0x16af4, 0x16b30, 0x16b36, 0x16b40, 0x16b43, 0x16f4f, 0x16f4f, 0x16f8f,
    0x16f9f, 0x16fe0, 0x16fe1, 0x16fe3, 0x16fe4, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd,
    0x1affe, 0x1bc9d, 0x1bc9e, 0x1bca0, 0x1bca3, 0x1cf00, 0x1cf2d, 0x1cf30, 0x1cf46, 0x1d167,
    0x1d169, 0x1d173, 0x1d182, 0x1d185, 0x1d18b, 0x1d1aa, 0x1d1ad, 0x1d242, 0x1d244, 0x1da00,
    0x1da36, 0x1da3b, 0x1da6c, 0x1da75, 0x1da75, 0x1da84, 0x1da84, 0x1da9b, 0x1da9f, 0x1daa1,
    0x1daaf, 0x1e000, 0x1e006, 0x1e008, 0x1e018, 0x1e01b, 0x1e021, 0x1e023, 0x1e024, 0x1e026,
    0x1e02a, 0x1e130, 0x1e13d, 0x1e2ae, 0x1e2ae, 0x1e2ec, 0x1e2ef, 0x1e8d0, 0x1e8d6, 0x1e944,
    0x1e94b, 0x1f3fb, 0x1f3ff, 0xe0001, 0xe0001, 0xe0020, 0xe007f, 0xe0100, 0xe01ef,
];

/// Characters whose `casefold()` differs from `lower()`, with the folded text.
static CASEFOLD_SPECIAL: &[(u32, &str)] = &[
    (0xb5, "\u{3bc}"),
    (0xdf, "\u{73}\u{73}"),
    (0x149, "\u{2bc}\u{6e}"),
    (0x17f, "\u{73}"),
    (0x1f0, "\u{6a}\u{30c}"),
    (0x345, "\u{3b9}"),
    (0x390, "\u{3b9}\u{308}\u{301}"),
    (0x3b0, "\u{3c5}\u{308}\u{301}"),
    (0x3c2, "\u{3c3}"),
    (0x3d0, "\u{3b2}"),
    (0x3d1, "\u{3b8}"),
    (0x3d5, "\u{3c6}"),
    (0x3d6, "\u{3c0}"),
    (0x3f0, "\u{3ba}"),
    (0x3f1, "\u{3c1}"),
    (0x3f5, "\u{3b5}"),
    (0x587, "\u{565}\u{582}"),
    (0x13a0, "\u{13a0}"),
    (0x13a1, "\u{13a1}"),
    (0x13a2, "\u{13a2}"),
    (0x13a3, "\u{13a3}"),
    (0x13a4, "\u{13a4}"),
    (0x13a5, "\u{13a5}"),
    (0x13a6, "\u{13a6}"),
    (0x13a7, "\u{13a7}"),
    (0x13a8, "\u{13a8}"),
    (0x13a9, "\u{13a9}"),
    (0x13aa, "\u{13aa}"),
    (0x13ab, "\u{13ab}"),
    (0x13ac, "\u{13ac}"),
    (0x13ad, "\u{13ad}"),
    (0x13ae, "\u{13ae}"),
    (0x13af, "\u{13af}"),
    (0x13b0, "\u{13b0}"),
    (0x13b1, "\u{13b1}"),
    (0x13b2, "\u{13b2}"),
    (0x13b3, "\u{13b3}"),
    (0x13b4, "\u{13b4}"),
    (0x13b5, "\u{13b5}"),
    (0x13b6, "\u{13b6}"),
    (0x13b7, "\u{13b7}"),
    (0x13b8, "\u{13b8}"),
    (0x13b9, "\u{13b9}"),
    (0x13ba, "\u{13ba}"),
    (0x13bb, "\u{13bb}"),
    (0x13bc, "\u{13bc}"),
    (0x13bd, "\u{13bd}"),
    (0x13be, "\u{13be}"),
    (0x13bf, "\u{13bf}"),
    (0x13c0, "\u{13c0}"),
    (0x13c1, "\u{13c1}"),
    (0x13c2, "\u{13c2}"),
    (0x13c3, "\u{13c3}"),
    (0x13c4, "\u{13c4}"),
    (0x13c5, "\u{13c5}"),
    (0x13c6, "\u{13c6}"),
    (0x13c7, "\u{13c7}"),
    (0x13c8, "\u{13c8}"),
    (0x13c9, "\u{13c9}"),
    (0x13ca, "\u{13ca}"),
    (0x13cb, "\u{13cb}"),
    (0x13cc, "\u{13cc}"),
    (0x13cd, "\u{13cd}"),
    (0x13ce, "\u{13ce}"),
    (0x13cf, "\u{13cf}"),
    (0x13d0, "\u{13d0}"),
    (0x13d1, "\u{13d1}"),
    (0x13d2, "\u{13d2}"),
    (0x13d3, "\u{13d3}"),
    (0x13d4, "\u{13d4}"),
    (0x13d5, "\u{13d5}"),
    (0x13d6, "\u{13d6}"),
    (0x13d7, "\u{13d7}"),
    (0x13d8, "\u{13d8}"),
    (0x13d9, "\u{13d9}"),
    (0x13da, "\u{13da}"),
    (0x13db, "\u{13db}"),
    (0x13dc, "\u{13dc}"),
    (0x13dd, "\u{13dd}"),
    (0x13de, "\u{13de}"),
    (0x13df, "\u{13df}"),
    (0x13e0, "\u{13e0}"),
    (0x13e1, "\u{13e1}"),
    (0x13e2, "\u{13e2}"),
    (0x13e3, "\u{13e3}"),
    (0x13e4, "\u{13e4}"),
    (0x13e5, "\u{13e5}"),
    (0x13e6, "\u{13e6}"),
    (0x13e7, "\u{13e7}"),
    (0x13e8, "\u{13e8}"),
    (0x13e9, "\u{13e9}"),
    (0x13ea, "\u{13ea}"),
    (0x13eb, "\u{13eb}"),
    (0x13ec, "\u{13ec}"),
    (0x13ed, "\u{13ed}"),
    (0x13ee, "\u{13ee}"),
    (0x13ef, "\u{13ef}"),
    (0x13f0, "\u{13f0}"),
    (0x13f1, "\u{13f1}"),
    (0x13f2, "\u{13f2}"),
    (0x13f3, "\u{13f3}"),
    (0x13f4, "\u{13f4}"),
    (0x13f5, "\u{13f5}"),
    (0x13f8, "\u{13f0}"),
    (0x13f9, "\u{13f1}"),
    (0x13fa, "\u{13f2}"),
    (0x13fb, "\u{13f3}"),
    (0x13fc, "\u{13f4}"),
    (0x13fd, "\u{13f5}"),
    (0x1c80, "\u{432}"),
    (0x1c81, "\u{434}"),
    (0x1c82, "\u{43e}"),
    (0x1c83, "\u{441}"),
    (0x1c84, "\u{442}"),
    (0x1c85, "\u{442}"),
    (0x1c86, "\u{44a}"),
    (0x1c87, "\u{463}"),
    (0x1c88, "\u{a64b}"),
    (0x1e96, "\u{68}\u{331}"),
    (0x1e97, "\u{74}\u{308}"),
    (0x1e98, "\u{77}\u{30a}"),
    (0x1e99, "\u{79}\u{30a}"),
    (0x1e9a, "\u{61}\u{2be}"),
    (0x1e9b, "\u{1e61}"),
    (0x1e9e, "\u{73}\u{73}"),
    (0x1f50, "\u{3c5}\u{313}"),
    (0x1f52, "\u{3c5}\u{313}\u{300}"),
    (0x1f54, "\u{3c5}\u{313}\u{301}"),
    (0x1f56, "\u{3c5}\u{313}\u{342}"),
    (0x1f80, "\u{1f00}\u{3b9}"),
    (0x1f81, "\u{1f01}\u{3b9}"),
    (0x1f82, "\u{1f02}\u{3b9}"),
    (0x1f83, "\u{1f03}\u{3b9}"),
    (0x1f84, "\u{1f04}\u{3b9}"),
    (0x1f85, "\u{1f05}\u{3b9}"),
    (0x1f86, "\u{1f06}\u{3b9}"),
    (0x1f87, "\u{1f07}\u{3b9}"),
    (0x1f88, "\u{1f00}\u{3b9}"),
    (0x1f89, "\u{1f01}\u{3b9}"),
    (0x1f8a, "\u{1f02}\u{3b9}"),
    (0x1f8b, "\u{1f03}\u{3b9}"),
    (0x1f8c, "\u{1f04}\u{3b9}"),
    (0x1f8d, "\u{1f05}\u{3b9}"),
    (0x1f8e, "\u{1f06}\u{3b9}"),
    (0x1f8f, "\u{1f07}\u{3b9}"),
    (0x1f90, "\u{1f20}\u{3b9}"),
    (0x1f91, "\u{1f21}\u{3b9}"),
    (0x1f92, "\u{1f22}\u{3b9}"),
    (0x1f93, "\u{1f23}\u{3b9}"),
    (0x1f94, "\u{1f24}\u{3b9}"),
    (0x1f95, "\u{1f25}\u{3b9}"),
    (0x1f96, "\u{1f26}\u{3b9}"),
    (0x1f97, "\u{1f27}\u{3b9}"),
    (0x1f98, "\u{1f20}\u{3b9}"),
    (0x1f99, "\u{1f21}\u{3b9}"),
    (0x1f9a, "\u{1f22}\u{3b9}"),
    (0x1f9b, "\u{1f23}\u{3b9}"),
    (0x1f9c, "\u{1f24}\u{3b9}"),
    (0x1f9d, "\u{1f25}\u{3b9}"),
    (0x1f9e, "\u{1f26}\u{3b9}"),
    (0x1f9f, "\u{1f27}\u{3b9}"),
    (0x1fa0, "\u{1f60}\u{3b9}"),
    (0x1fa1, "\u{1f61}\u{3b9}"),
    (0x1fa2, "\u{1f62}\u{3b9}"),
    (0x1fa3, "\u{1f63}\u{3b9}"),
    (0x1fa4, "\u{1f64}\u{3b9}"),
    (0x1fa5, "\u{1f65}\u{3b9}"),
    (0x1fa6, "\u{1f66}\u{3b9}"),
    (0x1fa7, "\u{1f67}\u{3b9}"),
    (0x1fa8, "\u{1f60}\u{3b9}"),
    (0x1fa9, "\u{1f61}\u{3b9}"),
    (0x1faa, "\u{1f62}\u{3b9}"),
    (0x1fab, "\u{1f63}\u{3b9}"),
    (0x1fac, "\u{1f64}\u{3b9}"),
    (0x1fad, "\u{1f65}\u{3b9}"),
    (0x1fae, "\u{1f66}\u{3b9}"),
    (0x1faf, "\u{1f67}\u{3b9}"),
    (0x1fb2, "\u{1f70}\u{3b9}"),
    (0x1fb3, "\u{3b1}\u{3b9}"),
    (0x1fb4, "\u{3ac}\u{3b9}"),
    (0x1fb6, "\u{3b1}\u{342}"),
    (0x1fb7, "\u{3b1}\u{342}\u{3b9}"),
    (0x1fbc, "\u{3b1}\u{3b9}"),
    (0x1fbe, "\u{3b9}"),
    (0x1fc2, "\u{1f74}\u{3b9}"),
    (0x1fc3, "\u{3b7}\u{3b9}"),
    (0x1fc4, "\u{3ae}\u{3b9}"),
    (0x1fc6, "\u{3b7}\u{342}"),
    (0x1fc7, "\u{3b7}\u{342}\u{3b9}"),
    (0x1fcc, "\u{3b7}\u{3b9}"),
    (0x1fd2, "\u{3b9}\u{308}\u{300}"),
    (0x1fd3, "\u{3b9}\u{308}\u{301}"),
    (0x1fd6, "\u{3b9}\u{342}"),
    (0x1fd7, "\u{3b9}\u{308}\u{342}"),
    (0x1fe2, "\u{3c5}\u{308}\u{300}"),
    (0x1fe3, "\u{3c5}\u{308}\u{301}"),
    (0x1fe4, "\u{3c1}\u{313}"),
    (0x1fe6, "\u{3c5}\u{342}"),
    (0x1fe7, "\u{3c5}\u{308}\u{342}"),
    (0x1ff2, "\u{1f7c}\u{3b9}"),
    (0x1ff3, "\u{3c9}\u{3b9}"),
    (0x1ff4, "\u{3ce}\u{3b9}"),
    (0x1ff6, "\u{3c9}\u{342}"),
    (0x1ff7, "\u{3c9}\u{342}\u{3b9}"),
    (0x1ffc, "\u{3c9}\u{3b9}"),
    (0xab70, "\u{13a0}"),
    (0xab71, "\u{13a1}"),
    (0xab72, "\u{13a2}"),
    (0xab73, "\u{13a3}"),
    (0xab74, "\u{13a4}"),
    (0xab75, "\u{13a5}"),
    (0xab76, "\u{13a6}"),
    (0xab77, "\u{13a7}"),
    (0xab78, "\u{13a8}"),
    (0xab79, "\u{13a9}"),
    (0xab7a, "\u{13aa}"),
    (0xab7b, "\u{13ab}"),
    (0xab7c, "\u{13ac}"),
    (0xab7d, "\u{13ad}"),
    (0xab7e, "\u{13ae}"),
    (0xab7f, "\u{13af}"),
    (0xab80, "\u{13b0}"),
    (0xab81, "\u{13b1}"),
    (0xab82, "\u{13b2}"),
    (0xab83, "\u{13b3}"),
    (0xab84, "\u{13b4}"),
    (0xab85, "\u{13b5}"),
    (0xab86, "\u{13b6}"),
    (0xab87, "\u{13b7}"),
    (0xab88, "\u{13b8}"),
    (0xab89, "\u{13b9}"),
    (0xab8a, "\u{13ba}"),
    (0xab8b, "\u{13bb}"),
    (0xab8c, "\u{13bc}"),
    (0xab8d, "\u{13bd}"),
    (0xab8e, "\u{13be}"),
    (0xab8f, "\u{13bf}"),
    (0xab90, "\u{13c0}"),
    (0xab91, "\u{13c1}"),
    (0xab92, "\u{13c2}"),
    (0xab93, "\u{13c3}"),
    (0xab94, "\u{13c4}"),
    (0xab95, "\u{13c5}"),
    (0xab96, "\u{13c6}"),
    (0xab97, "\u{13c7}"),
    (0xab98, "\u{13c8}"),
    (0xab99, "\u{13c9}"),
    (0xab9a, "\u{13ca}"),
    (0xab9b, "\u{13cb}"),
    (0xab9c, "\u{13cc}"),
    (0xab9d, "\u{13cd}"),
    (0xab9e, "\u{13ce}"),
    (0xab9f, "\u{13cf}"),
    (0xaba0, "\u{13d0}"),
    (0xaba1, "\u{13d1}"),
    (0xaba2, "\u{13d2}"),
    (0xaba3, "\u{13d3}"),
    (0xaba4, "\u{13d4}"),
    (0xaba5, "\u{13d5}"),
    (0xaba6, "\u{13d6}"),
    (0xaba7, "\u{13d7}"),
    (0xaba8, "\u{13d8}"),
    (0xaba9, "\u{13d9}"),
    (0xabaa, "\u{13da}"),
    (0xabab, "\u{13db}"),
    (0xabac, "\u{13dc}"),
    (0xabad, "\u{13dd}"),
    (0xabae, "\u{13de}"),
    (0xabaf, "\u{13df}"),
    (0xabb0, "\u{13e0}"),
    (0xabb1, "\u{13e1}"),
    (0xabb2, "\u{13e2}"),
    (0xabb3, "\u{13e3}"),
    (0xabb4, "\u{13e4}"),
    (0xabb5, "\u{13e5}"),
    (0xabb6, "\u{13e6}"),
    (0xabb7, "\u{13e7}"),
    (0xabb8, "\u{13e8}"),
    (0xabb9, "\u{13e9}"),
    (0xabba, "\u{13ea}"),
    (0xabbb, "\u{13eb}"),
    (0xabbc, "\u{13ec}"),
    (0xabbd, "\u{13ed}"),
    (0xabbe, "\u{13ee}"),
    (0xabbf, "\u{13ef}"),
    (0xfb00, "\u{66}\u{66}"),
    (0xfb01, "\u{66}\u{69}"),
    (0xfb02, "\u{66}\u{6c}"),
    (0xfb03, "\u{66}\u{66}\u{69}"),
    (0xfb04, "\u{66}\u{66}\u{6c}"),
    (0xfb05, "\u{73}\u{74}"),
    (0xfb06, "\u{73}\u{74}"),
    (0xfb13, "\u{574}\u{576}"),
    (0xfb14, "\u{574}\u{565}"),
    (0xfb15, "\u{574}\u{56b}"),
    (0xfb16, "\u{57e}\u{576}"),
    (0xfb17, "\u{574}\u{56d}"),
];

/// Characters whose `title()` differs from `upper()`, with the titlecased text.
static TITLE_SPECIAL: &[(u32, &str)] = &[
    (0xdf, "\u{53}\u{73}"),
    (0x1c4, "\u{1c5}"),
    (0x1c5, "\u{1c5}"),
    (0x1c6, "\u{1c5}"),
    (0x1c7, "\u{1c8}"),
    (0x1c8, "\u{1c8}"),
    (0x1c9, "\u{1c8}"),
    (0x1ca, "\u{1cb}"),
    (0x1cb, "\u{1cb}"),
    (0x1cc, "\u{1cb}"),
    (0x1f1, "\u{1f2}"),
    (0x1f2, "\u{1f2}"),
    (0x1f3, "\u{1f2}"),
    (0x587, "\u{535}\u{582}"),
    (0x10d0, "\u{10d0}"),
    (0x10d1, "\u{10d1}"),
    (0x10d2, "\u{10d2}"),
    (0x10d3, "\u{10d3}"),
    (0x10d4, "\u{10d4}"),
    (0x10d5, "\u{10d5}"),
    (0x10d6, "\u{10d6}"),
    (0x10d7, "\u{10d7}"),
    (0x10d8, "\u{10d8}"),
    (0x10d9, "\u{10d9}"),
    (0x10da, "\u{10da}"),
    (0x10db, "\u{10db}"),
    (0x10dc, "\u{10dc}"),
    (0x10dd, "\u{10dd}"),
    (0x10de, "\u{10de}"),
    (0x10df, "\u{10df}"),
    (0x10e0, "\u{10e0}"),
    (0x10e1, "\u{10e1}"),
    (0x10e2, "\u{10e2}"),
    (0x10e3, "\u{10e3}"),
    (0x10e4, "\u{10e4}"),
    (0x10e5, "\u{10e5}"),
    (0x10e6, "\u{10e6}"),
    (0x10e7, "\u{10e7}"),
    (0x10e8, "\u{10e8}"),
    (0x10e9, "\u{10e9}"),
    (0x10ea, "\u{10ea}"),
    (0x10eb, "\u{10eb}"),
    (0x10ec, "\u{10ec}"),
    (0x10ed, "\u{10ed}"),
    (0x10ee, "\u{10ee}"),
    (0x10ef, "\u{10ef}"),
    (0x10f0, "\u{10f0}"),
    (0x10f1, "\u{10f1}"),
    (0x10f2, "\u{10f2}"),
    (0x10f3, "\u{10f3}"),
    (0x10f4, "\u{10f4}"),
    (0x10f5, "\u{10f5}"),
    (0x10f6, "\u{10f6}"),
    (0x10f7, "\u{10f7}"),
    (0x10f8, "\u{10f8}"),
    (0x10f9, "\u{10f9}"),
    (0x10fa, "\u{10fa}"),
    (0x10fd, "\u{10fd}"),
    (0x10fe, "\u{10fe}"),
    (0x10ff, "\u{10ff}"),
    (0x1f80, "\u{1f88}"),
    (0x1f81, "\u{1f89}"),
    (0x1f82, "\u{1f8a}"),
    (0x1f83, "\u{1f8b}"),
    (0x1f84, "\u{1f8c}"),
    (0x1f85, "\u{1f8d}"),
    (0x1f86, "\u{1f8e}"),
    (0x1f87, "\u{1f8f}"),
    (0x1f88, "\u{1f88}"),
    (0x1f89, "\u{1f89}"),
    (0x1f8a, "\u{1f8a}"),
    (0x1f8b, "\u{1f8b}"),
    (0x1f8c, "\u{1f8c}"),
    (0x1f8d, "\u{1f8d}"),
    (0x1f8e, "\u{1f8e}"),
    (0x1f8f, "\u{1f8f}"),
    (0x1f90, "\u{1f98}"),
    (0x1f91, "\u{1f99}"),
    (0x1f92, "\u{1f9a}"),
    (0x1f93, "\u{1f9b}"),
    (0x1f94, "\u{1f9c}"),
    (0x1f95, "\u{1f9d}"),
    (0x1f96, "\u{1f9e}"),
    (0x1f97, "\u{1f9f}"),
    (0x1f98, "\u{1f98}"),
    (0x1f99, "\u{1f99}"),
    (0x1f9a, "\u{1f9a}"),
    (0x1f9b, "\u{1f9b}"),
    (0x1f9c, "\u{1f9c}"),
    (0x1f9d, "\u{1f9d}"),
    (0x1f9e, "\u{1f9e}"),
    (0x1f9f, "\u{1f9f}"),
    (0x1fa0, "\u{1fa8}"),
    (0x1fa1, "\u{1fa9}"),
    (0x1fa2, "\u{1faa}"),
    (0x1fa3, "\u{1fab}"),
    (0x1fa4, "\u{1fac}"),
    (0x1fa5, "\u{1fad}"),
    (0x1fa6, "\u{1fae}"),
    (0x1fa7, "\u{1faf}"),
    (0x1fa8, "\u{1fa8}"),
    (0x1fa9, "\u{1fa9}"),
    (0x1faa, "\u{1faa}"),
    (0x1fab, "\u{1fab}"),
    (0x1fac, "\u{1fac}"),
    (0x1fad, "\u{1fad}"),
    (0x1fae, "\u{1fae}"),
    (0x1faf, "\u{1faf}"),
    (0x1fb2, "\u{1fba}\u{345}"),
    (0x1fb3, "\u{1fbc}"),
    (0x1fb4, "\u{386}\u{345}"),
    (0x1fb7, "\u{391}\u{342}\u{345}"),
    (0x1fbc, "\u{1fbc}"),
    (0x1fc2, "\u{1fca}\u{345}"),
    (0x1fc3, "\u{1fcc}"),
    (0x1fc4, "\u{389}\u{345}"),
    (0x1fc7, "\u{397}\u{342}\u{345}"),
    (0x1fcc, "\u{1fcc}"),
    (0x1ff2, "\u{1ffa}\u{345}"),
    (0x1ff3, "\u{1ffc}"),
    (0x1ff4, "\u{38f}\u{345}"),
    (0x1ff7, "\u{3a9}\u{342}\u{345}"),
    (0x1ffc, "\u{1ffc}"),
    (0xfb00, "\u{46}\u{66}"),
    (0xfb01, "\u{46}\u{69}"),
    (0xfb02, "\u{46}\u{6c}"),
    (0xfb03, "\u{46}\u{66}\u{69}"),
    (0xfb04, "\u{46}\u{66}\u{6c}"),
    (0xfb05, "\u{53}\u{74}"),
    (0xfb06, "\u{53}\u{74}"),
    (0xfb13, "\u{544}\u{576}"),
    (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"),
    (0xfb16, "\u{54e}\u{576}"),
    (0xfb17, "\u{544}\u{56d}"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyfmt::{format_str, parse_format_spec, str_repr};

    /// An argument in a test case.
    #[derive(Debug)]
    enum A {
        S(&'static str),
        I(i64),
        B(bool),
        N,
    }
    use A::{B, I, N, S};

    fn s(a: &A) -> &'static str {
        match a {
            S(text) => text,
            other => panic!("expected a str argument, got {other:?}"),
        }
    }
    fn os(a: &A) -> Option<&'static str> {
        match a {
            N => None,
            other => Some(s(other)),
        }
    }
    fn i(a: &A) -> i64 {
        match a {
            I(v) => *v,
            other => panic!("expected an int argument, got {other:?}"),
        }
    }
    fn oi(a: &A) -> Option<i64> {
        match a {
            N => None,
            other => Some(i(other)),
        }
    }
    fn c(a: &A) -> char {
        s(a).chars().next().expect("fill character")
    }
    fn b(a: &A) -> bool {
        match a {
            B(v) => *v,
            other => panic!("expected a bool argument, got {other:?}"),
        }
    }

    fn py_bool(v: bool) -> String {
        if v { "True" } else { "False" }.to_string()
    }
    fn py_list(items: &[&str]) -> String {
        let shown: Vec<String> = items.iter().map(|t| str_repr(t)).collect();
        format!("[{}]", shown.join(", "))
    }
    fn py_err(e: LibError) -> String {
        format!("!{}: {}", e.kind, e.message)
    }

    /// Runs `op` and renders the result as CPython's `repr` of it.
    fn run(op: &str, a: &[A]) -> String {
        match op {
            "upper" => str_repr(&upper(s(&a[0]))),
            "lower" => str_repr(&lower(s(&a[0]))),
            "casefold" => str_repr(&casefold(s(&a[0]))),
            "swapcase" => str_repr(&swapcase(s(&a[0]))),
            "title" => str_repr(&title(s(&a[0]))),
            "capitalize" => str_repr(&capitalize(s(&a[0]))),
            "isdigit" => py_bool(isdigit(s(&a[0]))),
            "isdecimal" => py_bool(isdecimal(s(&a[0]))),
            "isnumeric" => py_bool(isnumeric(s(&a[0]))),
            "isalpha" => py_bool(isalpha(s(&a[0]))),
            "isalnum" => py_bool(isalnum(s(&a[0]))),
            "isspace" => py_bool(isspace(s(&a[0]))),
            "isupper" => py_bool(isupper(s(&a[0]))),
            "islower" => py_bool(islower(s(&a[0]))),
            "istitle" => py_bool(istitle(s(&a[0]))),
            "isidentifier" => py_bool(isidentifier(s(&a[0]))),
            "isprintable" => py_bool(isprintable(s(&a[0]))),
            "isascii" => py_bool(isascii(s(&a[0]))),
            "len" => char_len(s(&a[0])).to_string(),
            "splitlines" => py_list(&splitlines(s(&a[0]), b(&a[1]))),
            "split" => split(s(&a[0]), os(&a[1]), i(&a[2])).map_or_else(py_err, |v| py_list(&v)),
            "rsplit" => rsplit(s(&a[0]), os(&a[1]), i(&a[2])).map_or_else(py_err, |v| py_list(&v)),
            "strip" => str_repr(strip(s(&a[0]), os(&a[1]))),
            "lstrip" => str_repr(lstrip(s(&a[0]), os(&a[1]))),
            "rstrip" => str_repr(rstrip(s(&a[0]), os(&a[1]))),
            "find" => find(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
            "rfind" => rfind(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
            "count" => count(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3])).to_string(),
            "startswith" => py_bool(startswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
            "endswith" => py_bool(endswith(s(&a[0]), s(&a[1]), oi(&a[2]), oi(&a[3]))),
            "index" => index(s(&a[0]), s(&a[1]), None, None).map_or_else(py_err, |v| v.to_string()),
            "rindex" => {
                rindex(s(&a[0]), s(&a[1]), None, None).map_or_else(py_err, |v| v.to_string())
            }
            "partition" => {
                partition(s(&a[0]), s(&a[1])).map_or_else(py_err, |(x, y, z)| py_list(&[x, y, z]))
            }
            "rpartition" => {
                rpartition(s(&a[0]), s(&a[1])).map_or_else(py_err, |(x, y, z)| py_list(&[x, y, z]))
            }
            "replace" => str_repr(&replace(s(&a[0]), s(&a[1]), s(&a[2]), i(&a[3]))),
            "center" => str_repr(&center(s(&a[0]), i(&a[1]), c(&a[2]))),
            "ljust" => str_repr(&ljust(s(&a[0]), i(&a[1]), c(&a[2]))),
            "rjust" => str_repr(&rjust(s(&a[0]), i(&a[1]), c(&a[2]))),
            "zfill" => str_repr(&zfill(s(&a[0]), i(&a[1]))),
            "expandtabs" => str_repr(&expandtabs(s(&a[0]), i(&a[1]))),
            "mul" => str_mul(s(&a[0]), i(&a[1])).map_or_else(py_err, |v| str_repr(&v)),
            "slice" => {
                let text = s(&a[0]);
                match normalize_slice(char_len(text), oi(&a[1]), oi(&a[2]), oi(&a[3])) {
                    Ok((start, _stop, step, n)) => str_repr(&slice(text, start, step, n)),
                    Err(e) => py_err(e),
                }
            }
            other => panic!("unknown operation {other}"),
        }
    }

    #[test]
    fn str_methods_match_cpython() {
        let mut failures = Vec::new();
        for (op, args, want) in CASES {
            let got = run(op, args);
            if got != *want {
                failures.push(format!("{op}{args:?}: got {got}, CPython says {want}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Renders a parsed template with positional args A..D and keyword `a='x'`, the way the
    /// interpreter does (fields with accessors are not supported by this renderer).
    fn render(pieces: &[FormatPiece]) -> LibResult<Option<String>> {
        let positional = ["A", "B", "C", "D"];
        let mut out = String::new();
        for piece in pieces {
            match piece {
                FormatPiece::Literal(text) => out.push_str(text),
                FormatPiece::Field(field) => {
                    if !field.accessors.is_empty() {
                        return Ok(None);
                    }
                    let value = match &field.arg {
                        FieldArg::Index(i) => match positional.get(*i) {
                            Some(v) => v.to_string(),
                            None => {
                                return Err(LibError::index(format!(
                                    "Replacement index {i} out of range for positional args tuple"
                                )))
                            }
                        },
                        FieldArg::Name(n) if n == "a" => "x".to_string(),
                        FieldArg::Name(n) => return Err(LibError::new("KeyError", str_repr(n))),
                    };
                    let value = match field.conversion {
                        Some('r') => str_repr(&value),
                        _ => value,
                    };
                    let Some(spec) = render(&field.spec)? else {
                        return Ok(None);
                    };
                    out.push_str(&format_str(&value, &parse_format_spec(&spec, "str")?)?);
                }
            }
        }
        Ok(Some(out))
    }

    #[test]
    fn format_strings_match_cpython() {
        for (template, want) in FORMAT_CASES {
            // Render piece by piece, as the interpreter does, so errors come in CPython's
            // order.
            let mut text = String::new();
            let mut outcome = Ok(true);
            for piece in FormatStringParser::new(template) {
                match piece.and_then(|p| render(std::slice::from_ref(&p))) {
                    Ok(Some(rendered)) => text.push_str(&rendered),
                    Ok(None) => {
                        outcome = Ok(false);
                        break;
                    }
                    Err(e) => {
                        outcome = Err(e);
                        break;
                    }
                }
            }
            let got = match outcome {
                Ok(true) => str_repr(&text),
                Ok(false) => continue,
                Err(e) => py_err(e),
            };
            assert_eq!(got, *want, "{template:?}.format(...)");
        }
    }

    #[test]
    fn lazy_parser_reports_errors_in_cpython_order() {
        let mut parser = FormatStringParser::new("a{:d}}");
        assert_eq!(parser.next(), Some(Ok(FormatPiece::Literal("a".into()))));
        let field = parser.next();
        assert!(matches!(field, Some(Ok(FormatPiece::Field(_)))));
        let err = parser.next().expect("an error piece").unwrap_err();
        assert_eq!(err.message, "Single '}' encountered in format string");
        assert_eq!(parser.next(), None);
        let all: LibResult<Vec<FormatPiece>> = FormatStringParser::new("{}{{x}}{0}").collect();
        assert_eq!(
            all.unwrap_err().message,
            "cannot switch from automatic field numbering to manual field specification"
        );
        let pieces: LibResult<Vec<FormatPiece>> = FormatStringParser::new("x{{{}}}y").collect();
        assert_eq!(pieces, parse_format_string("x{{{}}}y"));
    }

    #[test]
    fn format_string_structure() {
        let pieces = parse_format_string("x{a.b[0][key]!r:>{}}y{{").expect("valid template");
        let expected = vec![
            FormatPiece::Literal("x".into()),
            FormatPiece::Field(FormatField {
                arg: FieldArg::Name("a".into()),
                accessors: vec![
                    FieldAccessor::Attr("b".into()),
                    FieldAccessor::Index(0),
                    FieldAccessor::Key("key".into()),
                ],
                conversion: Some('r'),
                spec: vec![
                    FormatPiece::Literal(">".into()),
                    FormatPiece::Field(FormatField {
                        arg: FieldArg::Index(0),
                        accessors: vec![],
                        conversion: None,
                        spec: vec![],
                    }),
                ],
            }),
            FormatPiece::Literal("y{".into()),
        ];
        assert_eq!(pieces, expected);
        let auto = parse_format_string("{:{}}{}").expect("valid template");
        let indices: Vec<usize> = auto
            .iter()
            .filter_map(|p| match p {
                FormatPiece::Field(f) => match f.arg {
                    FieldArg::Index(i) => Some(i),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert_eq!(indices, vec![0, 2]);
    }

    #[test]
    fn utf8_decoding_errors_match_cpython() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"\xff",
                "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
            ),
            (
                b"a\x80",
                "'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte",
            ),
            (
                b"\xe2\x82",
                "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data",
            ),
            (
                b"\xe2\x82a",
                "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
            ),
            (
                b"\xe2(\xa1",
                "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte",
            ),
            (
                b"\xf0\x9f\x98",
                "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data",
            ),
            (
                b"\xed\xa0\x80",
                "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
            ),
            (
                b"\xc0\xaf",
                "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte",
            ),
            (
                b"\xf4\x90\x80\x80",
                "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte",
            ),
            (
                b"ab\xf0\x9f",
                "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data",
            ),
            (
                b"\xc3",
                "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data",
            ),
            (
                b"\xf8\x88\x80\x80\x80",
                "'utf-8' codec can't decode byte 0xf8 in position 0: invalid start byte",
            ),
        ];
        for &(bytes, want) in cases {
            let err = decode_utf8(bytes).unwrap_err();
            assert_eq!(
                (err.kind, err.message.as_str()),
                ("UnicodeDecodeError", want),
                "{bytes:?}"
            );
        }
        assert_eq!(decode_utf8("héllo".as_bytes()), Ok("héllo"));
    }

    #[test]
    fn absurd_sizes_raise_memory_error() {
        assert_eq!(
            try_center("ab", i64::MAX, '*').unwrap_err().kind,
            "MemoryError"
        );
        assert_eq!(try_ljust("ab", 5, '*'), Ok("ab***".to_string()));
        assert_eq!(
            try_rjust("ab", 1 << 40, 'é').unwrap_err().kind,
            "MemoryError"
        );
        assert_eq!(try_zfill("-1", 4), Ok("-001".to_string()));
        assert_eq!(
            try_expandtabs("a\tb", 1 << 40).unwrap_err().kind,
            "MemoryError"
        );
        assert_eq!(
            try_replace("aaaa", "a", &"x".repeat(1 << 20), -1).map(|s| s.len()),
            Ok(4 << 20)
        );
        let big = "x".repeat(1 << 12);
        assert_eq!(
            try_replace(&big, "", &big, -1).map(|s| s.len()).ok(),
            Some((1 << 12) * ((1 << 12) + 2))
        );
        assert_eq!(str_mul("ab", i64::MAX).unwrap_err().kind, "OverflowError");
        assert_eq!(str_mul("ab", 1 << 40).unwrap_err().kind, "MemoryError");
    }

    #[test]
    fn unicode_data_is_cpython_311s() {
        // Characters whose case data changed after Unicode 14.0 behave as in CPython 3.11.
        assert_eq!(upper("\u{19b}"), "\u{19b}");
        assert_eq!(lower("\u{a7cb}"), "\u{a7cb}");
        assert_eq!(swapcase("\u{1c89}"), "\u{1c89}");
        assert!(islower("\u{295}"));
        assert!(!islower("\u{10fc}"));
        assert!(!isupper("\u{a7cb}"));
        assert_eq!(upper("\u{295}"), "\u{295}");
    }

    #[test]
    fn slices_and_indices() {
        assert_eq!(normalize_slice(5, None, None, Some(-1)), Ok((4, -1, -1, 5)));
        assert_eq!(
            normalize_slice(5, Some(-100), Some(100), Some(2)),
            Ok((0, 5, 2, 3))
        );
        assert_eq!(
            normalize_slice(5, None, None, Some(i64::MIN)),
            Ok((4, -1, -i64::MAX, 1))
        );
        assert_eq!(normalize_slice(0, None, None, None), Ok((0, 0, 1, 0)));
        assert_eq!(
            normalize_slice(3, None, None, Some(0)).unwrap_err().message,
            "slice step cannot be zero"
        );
        assert_eq!(normalize_index(3, -1), Some(2));
        assert_eq!(normalize_index(3, 3), None);
        assert_eq!(normalize_index(3, -4), None);
        assert_eq!(normalize_index(3, i64::MIN), None);
        assert_eq!(char_at("héllo", 1), Some('é'));
        assert_eq!(char_at("abc", 3), None);
        assert_eq!(substring("日本語テキスト", 2, 4), "語テ");
        assert_eq!(byte_offset("日本語", 1), 3);
        assert_eq!(join(", ", &["a", "b"]), "a, b");
        assert!(contains("hello", "ell"));
        assert_eq!(decimal_value('\u{667}'), Some(7));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('x'), None);
        assert!(is_printable_char('é') && !is_printable_char('\u{200b}'));
    }

    const CASES: &[(&str, &[A], &str)] = &[
        ("upper", &[S("")], "''"),
        ("lower", &[S("")], "''"),
        ("casefold", &[S("")], "''"),
        ("swapcase", &[S("")], "''"),
        ("title", &[S("")], "''"),
        ("capitalize", &[S("")], "''"),
        ("upper", &[S("a")], "'A'"),
        ("lower", &[S("a")], "'a'"),
        ("casefold", &[S("a")], "'a'"),
        ("swapcase", &[S("a")], "'A'"),
        ("title", &[S("a")], "'A'"),
        ("capitalize", &[S("a")], "'A'"),
        ("upper", &[S("abc")], "'ABC'"),
        ("lower", &[S("abc")], "'abc'"),
        ("casefold", &[S("abc")], "'abc'"),
        ("swapcase", &[S("abc")], "'ABC'"),
        ("title", &[S("abc")], "'Abc'"),
        ("capitalize", &[S("abc")], "'Abc'"),
        ("upper", &[S("hello world")], "'HELLO WORLD'"),
        ("lower", &[S("hello world")], "'hello world'"),
        ("casefold", &[S("hello world")], "'hello world'"),
        ("swapcase", &[S("hello world")], "'HELLO WORLD'"),
        ("title", &[S("hello world")], "'Hello World'"),
        ("capitalize", &[S("hello world")], "'Hello world'"),
        ("upper", &[S("  a b  c  ")], "'  A B  C  '"),
        ("lower", &[S("  a b  c  ")], "'  a b  c  '"),
        ("casefold", &[S("  a b  c  ")], "'  a b  c  '"),
        ("swapcase", &[S("  a b  c  ")], "'  A B  C  '"),
        ("title", &[S("  a b  c  ")], "'  A B  C  '"),
        ("capitalize", &[S("  a b  c  ")], "'  a b  c  '"),
        ("upper", &[S("a,b,,c,")], "'A,B,,C,'"),
        ("lower", &[S("a,b,,c,")], "'a,b,,c,'"),
        ("casefold", &[S("a,b,,c,")], "'a,b,,c,'"),
        ("swapcase", &[S("a,b,,c,")], "'A,B,,C,'"),
        ("title", &[S("a,b,,c,")], "'A,B,,C,'"),
        ("capitalize", &[S("a,b,,c,")], "'A,b,,c,'"),
        (
            "upper",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'H\u{c9}LLO W\u{d6}RLD'",
        ),
        (
            "lower",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        (
            "casefold",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        (
            "swapcase",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'H\u{c9}LLO W\u{d6}RLD'",
        ),
        (
            "title",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'H\u{e9}llo W\u{f6}rld'",
        ),
        (
            "capitalize",
            &[S("h\u{e9}llo w\u{f6}rld")],
            "'H\u{e9}llo w\u{f6}rld'",
        ),
        (
            "upper",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "lower",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "casefold",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "swapcase",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "title",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "capitalize",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        (
            "upper",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3a3}\u{391}\u{3a3}'",
        ),
        (
            "lower",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3c3}\u{3b1}\u{3c2}'",
        ),
        (
            "casefold",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3c3}\u{3b1}\u{3c3}'",
        ),
        (
            "swapcase",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3c3}\u{3b1}\u{3c2}'",
        ),
        (
            "title",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3a3}\u{3b1}\u{3c2}'",
        ),
        (
            "capitalize",
            &[S("\u{3a3}\u{391}\u{3a3}")],
            "'\u{3a3}\u{3b1}\u{3c2}'",
        ),
        (
            "upper",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}'",
        ),
        (
            "lower",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
        ),
        (
            "casefold",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c3}'",
        ),
        (
            "swapcase",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f40}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
        ),
        (
            "title",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
        ),
        (
            "capitalize",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "'\u{1f48}\u{3b4}\u{3c5}\u{3c3}\u{3c3}\u{3b5}\u{3cd}\u{3c2}'",
        ),
        ("upper", &[S("a\u{3a3} b")], "'A\u{3a3} B'"),
        ("lower", &[S("a\u{3a3} b")], "'a\u{3c2} b'"),
        ("casefold", &[S("a\u{3a3} b")], "'a\u{3c3} b'"),
        ("swapcase", &[S("a\u{3a3} b")], "'A\u{3c2} B'"),
        ("title", &[S("a\u{3a3} b")], "'A\u{3c2} B'"),
        ("capitalize", &[S("a\u{3a3} b")], "'A\u{3c2} b'"),
        ("upper", &[S("\u{df}")], "'SS'"),
        ("lower", &[S("\u{df}")], "'\u{df}'"),
        ("casefold", &[S("\u{df}")], "'ss'"),
        ("swapcase", &[S("\u{df}")], "'SS'"),
        ("title", &[S("\u{df}")], "'Ss'"),
        ("capitalize", &[S("\u{df}")], "'Ss'"),
        (
            "upper",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c4}EMAL \u{1c4}'",
        ),
        (
            "lower",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c6}emal \u{1c6}'",
        ),
        (
            "casefold",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c6}emal \u{1c6}'",
        ),
        (
            "swapcase",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c4}EMAL \u{1c5}'",
        ),
        (
            "title",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c5}emal \u{1c5}'",
        ),
        (
            "capitalize",
            &[S("\u{1c6}emal \u{1c5}")],
            "'\u{1c5}emal \u{1c6}'",
        ),
        ("upper", &[S("\u{fb01}nance")], "'FINANCE'"),
        ("lower", &[S("\u{fb01}nance")], "'\u{fb01}nance'"),
        ("casefold", &[S("\u{fb01}nance")], "'finance'"),
        ("swapcase", &[S("\u{fb01}nance")], "'FINANCE'"),
        ("title", &[S("\u{fb01}nance")], "'Finance'"),
        ("capitalize", &[S("\u{fb01}nance")], "'Finance'"),
        ("upper", &[S("\u{130}stanbul")], "'\u{130}STANBUL'"),
        ("lower", &[S("\u{130}stanbul")], "'i\u{307}stanbul'"),
        ("casefold", &[S("\u{130}stanbul")], "'i\u{307}stanbul'"),
        ("swapcase", &[S("\u{130}stanbul")], "'i\u{307}STANBUL'"),
        ("title", &[S("\u{130}stanbul")], "'\u{130}stanbul'"),
        ("capitalize", &[S("\u{130}stanbul")], "'\u{130}stanbul'"),
        ("upper", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
        ("lower", &[S("a\tb\n\tc")], "'a\\tb\\n\\tc'"),
        ("casefold", &[S("a\tb\n\tc")], "'a\\tb\\n\\tc'"),
        ("swapcase", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
        ("title", &[S("a\tb\n\tc")], "'A\\tB\\n\\tC'"),
        ("capitalize", &[S("a\tb\n\tc")], "'A\\tb\\n\\tc'"),
        (
            "upper",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
        ),
        (
            "lower",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "casefold",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "swapcase",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
        ),
        (
            "title",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'X\\r\\nY\\rZ\\n\\x0bW\\x1cV\\u2028U\\x85'",
        ),
        (
            "capitalize",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "'X\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "upper",
            &[S("hello_World 3rd-party")],
            "'HELLO_WORLD 3RD-PARTY'",
        ),
        (
            "lower",
            &[S("hello_World 3rd-party")],
            "'hello_world 3rd-party'",
        ),
        (
            "casefold",
            &[S("hello_World 3rd-party")],
            "'hello_world 3rd-party'",
        ),
        (
            "swapcase",
            &[S("hello_World 3rd-party")],
            "'HELLO_wORLD 3RD-PARTY'",
        ),
        (
            "title",
            &[S("hello_World 3rd-party")],
            "'Hello_World 3Rd-Party'",
        ),
        (
            "capitalize",
            &[S("hello_World 3rd-party")],
            "'Hello_world 3rd-party'",
        ),
        ("upper", &[S("it's")], "\"IT'S\""),
        ("lower", &[S("it's")], "\"it's\""),
        ("casefold", &[S("it's")], "\"it's\""),
        ("swapcase", &[S("it's")], "\"IT'S\""),
        ("title", &[S("it's")], "\"It'S\""),
        ("capitalize", &[S("it's")], "\"It's\""),
        ("upper", &[S("say \"hi\"")], "'SAY \"HI\"'"),
        ("lower", &[S("say \"hi\"")], "'say \"hi\"'"),
        ("casefold", &[S("say \"hi\"")], "'say \"hi\"'"),
        ("swapcase", &[S("say \"hi\"")], "'SAY \"HI\"'"),
        ("title", &[S("say \"hi\"")], "'Say \"Hi\"'"),
        ("capitalize", &[S("say \"hi\"")], "'Say \"hi\"'"),
        ("upper", &[S("both ' and \"")], "'BOTH \\' AND \"'"),
        ("lower", &[S("both ' and \"")], "'both \\' and \"'"),
        ("casefold", &[S("both ' and \"")], "'both \\' and \"'"),
        ("swapcase", &[S("both ' and \"")], "'BOTH \\' AND \"'"),
        ("title", &[S("both ' and \"")], "'Both \\' And \"'"),
        ("capitalize", &[S("both ' and \"")], "'Both \\' and \"'"),
        (
            "upper",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "lower",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "casefold",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "swapcase",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "title",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "capitalize",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "upper",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "lower",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "casefold",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "swapcase",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "title",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "capitalize",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        ("upper", &[S("\u{1c8}")], "'\u{1c7}'"),
        ("lower", &[S("\u{1c8}")], "'\u{1c9}'"),
        ("casefold", &[S("\u{1c8}")], "'\u{1c9}'"),
        ("swapcase", &[S("\u{1c8}")], "'\u{1c8}'"),
        ("title", &[S("\u{1c8}")], "'\u{1c8}'"),
        ("capitalize", &[S("\u{1c8}")], "'\u{1c8}'"),
        ("upper", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3a3}'"),
        ("lower", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c2}'"),
        ("casefold", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c3}'"),
        ("swapcase", &[S("\u{3a3}\u{3a3}")], "'\u{3c3}\u{3c2}'"),
        ("title", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3c2}'"),
        ("capitalize", &[S("\u{3a3}\u{3a3}")], "'\u{3a3}\u{3c2}'"),
        ("upper", &[S("123")], "'123'"),
        ("lower", &[S("123")], "'123'"),
        ("casefold", &[S("123")], "'123'"),
        ("swapcase", &[S("123")], "'123'"),
        ("title", &[S("123")], "'123'"),
        ("capitalize", &[S("123")], "'123'"),
        (
            "upper",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "lower",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "casefold",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "swapcase",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "title",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "capitalize",
            &[S("\u{661}\u{662}\u{663}")],
            "'\u{661}\u{662}\u{663}'",
        ),
        ("upper", &[S("\u{bd}")], "'\u{bd}'"),
        ("lower", &[S("\u{bd}")], "'\u{bd}'"),
        ("casefold", &[S("\u{bd}")], "'\u{bd}'"),
        ("swapcase", &[S("\u{bd}")], "'\u{bd}'"),
        ("title", &[S("\u{bd}")], "'\u{bd}'"),
        ("capitalize", &[S("\u{bd}")], "'\u{bd}'"),
        ("upper", &[S("\u{b2}")], "'\u{b2}'"),
        ("lower", &[S("\u{b2}")], "'\u{b2}'"),
        ("casefold", &[S("\u{b2}")], "'\u{b2}'"),
        ("swapcase", &[S("\u{b2}")], "'\u{b2}'"),
        ("title", &[S("\u{b2}")], "'\u{b2}'"),
        ("capitalize", &[S("\u{b2}")], "'\u{b2}'"),
        ("upper", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("lower", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("casefold", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("swapcase", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("title", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("capitalize", &[S("\u{4e00}\u{4e8c}")], "'\u{4e00}\u{4e8c}'"),
        ("upper", &[S("\u{216b}")], "'\u{216b}'"),
        ("lower", &[S("\u{216b}")], "'\u{217b}'"),
        ("casefold", &[S("\u{216b}")], "'\u{217b}'"),
        ("swapcase", &[S("\u{216b}")], "'\u{217b}'"),
        ("title", &[S("\u{216b}")], "'\u{216b}'"),
        ("capitalize", &[S("\u{216b}")], "'\u{216b}'"),
        ("upper", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("lower", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("casefold", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("swapcase", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("title", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("capitalize", &[S("\u{1c}\u{1d} \t")], "'\\x1c\\x1d \\t'"),
        ("upper", &[S("abc123")], "'ABC123'"),
        ("lower", &[S("abc123")], "'abc123'"),
        ("casefold", &[S("abc123")], "'abc123'"),
        ("swapcase", &[S("abc123")], "'ABC123'"),
        ("title", &[S("abc123")], "'Abc123'"),
        ("capitalize", &[S("abc123")], "'Abc123'"),
        ("upper", &[S("_id9")], "'_ID9'"),
        ("lower", &[S("_id9")], "'_id9'"),
        ("casefold", &[S("_id9")], "'_id9'"),
        ("swapcase", &[S("_id9")], "'_ID9'"),
        ("title", &[S("_id9")], "'_Id9'"),
        ("capitalize", &[S("_id9")], "'_id9'"),
        ("upper", &[S("9x")], "'9X'"),
        ("lower", &[S("9x")], "'9x'"),
        ("casefold", &[S("9x")], "'9x'"),
        ("swapcase", &[S("9x")], "'9X'"),
        ("title", &[S("9x")], "'9X'"),
        ("capitalize", &[S("9x")], "'9x'"),
        ("upper", &[S("Ab Cd")], "'AB CD'"),
        ("lower", &[S("Ab Cd")], "'ab cd'"),
        ("casefold", &[S("Ab Cd")], "'ab cd'"),
        ("swapcase", &[S("Ab Cd")], "'aB cD'"),
        ("title", &[S("Ab Cd")], "'Ab Cd'"),
        ("capitalize", &[S("Ab Cd")], "'Ab cd'"),
        ("upper", &[S("AB CD")], "'AB CD'"),
        ("lower", &[S("AB CD")], "'ab cd'"),
        ("casefold", &[S("AB CD")], "'ab cd'"),
        ("swapcase", &[S("AB CD")], "'ab cd'"),
        ("title", &[S("AB CD")], "'Ab Cd'"),
        ("capitalize", &[S("AB CD")], "'Ab cd'"),
        ("upper", &[S("ab cd")], "'AB CD'"),
        ("lower", &[S("ab cd")], "'ab cd'"),
        ("casefold", &[S("ab cd")], "'ab cd'"),
        ("swapcase", &[S("ab cd")], "'AB CD'"),
        ("title", &[S("ab cd")], "'Ab Cd'"),
        ("capitalize", &[S("ab cd")], "'Ab cd'"),
        ("upper", &[S("Ab cD")], "'AB CD'"),
        ("lower", &[S("Ab cD")], "'ab cd'"),
        ("casefold", &[S("Ab cD")], "'ab cd'"),
        ("swapcase", &[S("Ab cD")], "'aB Cd'"),
        ("title", &[S("Ab cD")], "'Ab Cd'"),
        ("capitalize", &[S("Ab cD")], "'Ab cd'"),
        ("upper", &[S("   ")], "'   '"),
        ("lower", &[S("   ")], "'   '"),
        ("casefold", &[S("   ")], "'   '"),
        ("swapcase", &[S("   ")], "'   '"),
        ("title", &[S("   ")], "'   '"),
        ("capitalize", &[S("   ")], "'   '"),
        ("upper", &[S("aaa")], "'AAA'"),
        ("lower", &[S("aaa")], "'aaa'"),
        ("casefold", &[S("aaa")], "'aaa'"),
        ("swapcase", &[S("aaa")], "'AAA'"),
        ("title", &[S("aaa")], "'Aaa'"),
        ("capitalize", &[S("aaa")], "'Aaa'"),
        ("upper", &[S("ababab")], "'ABABAB'"),
        ("lower", &[S("ababab")], "'ababab'"),
        ("casefold", &[S("ababab")], "'ababab'"),
        ("swapcase", &[S("ababab")], "'ABABAB'"),
        ("title", &[S("ababab")], "'Ababab'"),
        ("capitalize", &[S("ababab")], "'Ababab'"),
        ("upper", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3a3}'"),
        ("lower", &[S("\u{3c3}\u{3c2}")], "'\u{3c3}\u{3c2}'"),
        ("casefold", &[S("\u{3c3}\u{3c2}")], "'\u{3c3}\u{3c3}'"),
        ("swapcase", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3a3}'"),
        ("title", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3c2}'"),
        ("capitalize", &[S("\u{3c3}\u{3c2}")], "'\u{3a3}\u{3c2}'"),
        (
            "upper",
            &[S("MIXED case \u{3a3}.")],
            "'MIXED CASE \u{3a3}.'",
        ),
        (
            "lower",
            &[S("MIXED case \u{3a3}.")],
            "'mixed case \u{3c3}.'",
        ),
        (
            "casefold",
            &[S("MIXED case \u{3a3}.")],
            "'mixed case \u{3c3}.'",
        ),
        (
            "swapcase",
            &[S("MIXED case \u{3a3}.")],
            "'mixed CASE \u{3c3}.'",
        ),
        (
            "title",
            &[S("MIXED case \u{3a3}.")],
            "'Mixed Case \u{3a3}.'",
        ),
        (
            "capitalize",
            &[S("MIXED case \u{3a3}.")],
            "'Mixed case \u{3c3}.'",
        ),
        ("isdecimal", &[S("a")], "False"),
        ("isdigit", &[S("ababab")], "False"),
        ("isalpha", &[S("a\u{3a3} b")], "False"),
        ("islower", &[S("\u{130}stanbul")], "False"),
        ("isascii", &[S("\u{3c3}\u{3c2}")], "False"),
        ("islower", &[S("123")], "False"),
        ("isalnum", &[S("both ' and \"")], "False"),
        ("istitle", &[S("a")], "False"),
        ("isalpha", &[S("Ab Cd")], "False"),
        ("isupper", &[S("  a b  c  ")], "False"),
        (
            "istitle",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "False",
        ),
        ("isdecimal", &[S("\u{4e00}\u{4e8c}")], "False"),
        ("istitle", &[S("a\u{3a3} b")], "False"),
        ("isupper", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
        ("istitle", &[S("aaa")], "False"),
        ("isnumeric", &[S("a,b,,c,")], "False"),
        ("isdigit", &[S("\u{216b}")], "False"),
        (
            "isspace",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "False",
        ),
        ("isspace", &[S("\u{3a3}\u{391}\u{3a3}")], "False"),
        ("istitle", &[S("\u{3c3}\u{3c2}")], "False"),
        (
            "isidentifier",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "False",
        ),
        ("isprintable", &[S("ab cd")], "True"),
        ("isprintable", &[S("9x")], "True"),
        ("isdecimal", &[S("a,b,,c,")], "False"),
        (
            "isalpha",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "True",
        ),
        ("isnumeric", &[S("a\u{3a3} b")], "False"),
        ("isidentifier", &[S("_id9")], "True"),
        ("istitle", &[S("\u{df}")], "False"),
        ("isalpha", &[S("   ")], "False"),
        ("isascii", &[S("ab cd")], "True"),
        ("isalnum", &[S("9x")], "True"),
        ("isspace", &[S("a,b,,c,")], "False"),
        ("isdecimal", &[S("Ab Cd")], "False"),
        ("islower", &[S("ababab")], "True"),
        ("isalpha", &[S("")], "False"),
        ("isidentifier", &[S("both ' and \"")], "False"),
        ("isidentifier", &[S("\u{661}\u{662}\u{663}")], "False"),
        ("isalnum", &[S("\u{3a3}\u{3a3}")], "True"),
        ("isidentifier", &[S("AB CD")], "False"),
        ("isdigit", &[S("hello_World 3rd-party")], "False"),
        ("isdecimal", &[S("abc")], "False"),
        ("isalpha", &[S("abc123")], "False"),
        ("isupper", &[S("\u{df}")], "False"),
        ("islower", &[S("a\u{3a3} b")], "False"),
        ("isspace", &[S("\u{df}")], "False"),
        ("isalnum", &[S("\u{661}\u{662}\u{663}")], "True"),
        (
            "isspace",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "False",
        ),
        (
            "isnumeric",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "False",
        ),
        ("isdigit", &[S("it's")], "False"),
        ("isnumeric", &[S("abc")], "False"),
        ("isnumeric", &[S("both ' and \"")], "False"),
        ("isidentifier", &[S("\u{fb01}nance")], "True"),
        ("isdecimal", &[S("_id9")], "False"),
        ("isascii", &[S("9x")], "True"),
        ("isdigit", &[S("")], "False"),
        ("isupper", &[S("AB CD")], "True"),
        ("isalnum", &[S("abc")], "True"),
        ("isdigit", &[S("_id9")], "False"),
        ("isalnum", &[S("a,b,,c,")], "False"),
        ("isascii", &[S("a")], "True"),
        ("isalpha", &[S("a,b,,c,")], "False"),
        ("islower", &[S("aaa")], "True"),
        ("isascii", &[S("abc")], "True"),
        ("islower", &[S("both ' and \"")], "True"),
        ("isalnum", &[S("a")], "True"),
        ("isspace", &[S("AB CD")], "False"),
        ("isalnum", &[S("\u{216b}")], "True"),
        ("istitle", &[S("hello world")], "False"),
        ("isascii", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
        ("isspace", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
        ("isprintable", &[S("both ' and \"")], "True"),
        ("isspace", &[S("\u{fb01}nance")], "False"),
        ("istitle", &[S("h\u{e9}llo w\u{f6}rld")], "False"),
        ("isdigit", &[S("Ab cD")], "False"),
        ("isdigit", &[S("hello world")], "False"),
        ("isascii", &[S("\u{130}stanbul")], "False"),
        (
            "isspace",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "False",
        ),
        ("islower", &[S("\u{bd}")], "False"),
        (
            "islower",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "True",
        ),
        ("isdigit", &[S("123")], "True"),
        ("isascii", &[S("\u{1c6}emal \u{1c5}")], "False"),
        ("isalnum", &[S("a\tb\n\tc")], "False"),
        ("isalpha", &[S("\u{df}")], "True"),
        ("isdecimal", &[S("\u{3a3}\u{391}\u{3a3}")], "False"),
        ("isdigit", &[S("\u{130}stanbul")], "False"),
        ("isalpha", &[S("it's")], "False"),
        ("isascii", &[S("Ab cD")], "True"),
        ("isalnum", &[S("ababab")], "True"),
        ("istitle", &[S("\u{1c8}")], "True"),
        ("isdecimal", &[S("")], "False"),
        ("isupper", &[S("\u{216b}")], "True"),
        ("isprintable", &[S("\u{216b}")], "True"),
        (
            "isnumeric",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "False",
        ),
        ("isascii", &[S("_id9")], "True"),
        ("isalnum", &[S("hello world")], "False"),
        ("isnumeric", &[S("\u{3a3}\u{3a3}")], "False"),
        (
            "islower",
            &[S(
                "\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}",
            )],
            "False",
        ),
        ("isidentifier", &[S("a")], "True"),
        ("isascii", &[S("a\tb\n\tc")], "True"),
        ("islower", &[S("say \"hi\"")], "True"),
        ("isidentifier", &[S("123")], "False"),
        ("istitle", &[S("\u{bd}")], "False"),
        ("isalnum", &[S("_id9")], "False"),
        ("isdecimal", &[S("\u{1c8}")], "False"),
        ("isalpha", &[S("AB CD")], "False"),
        ("isdecimal", &[S("\u{bd}")], "False"),
        ("isnumeric", &[S("9x")], "False"),
        ("isprintable", &[S("a")], "True"),
        ("isupper", &[S("\u{661}\u{662}\u{663}")], "False"),
        ("isalnum", &[S("it's")], "False"),
        ("isalpha", &[S("abc")], "True"),
        ("isprintable", &[S("a\tb\n\tc")], "False"),
        ("isascii", &[S("aaa")], "True"),
        ("isnumeric", &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}")], "False"),
        ("isspace", &[S("abc123")], "False"),
        ("isascii", &[S("\u{4e00}\u{4e8c}")], "False"),
        ("isnumeric", &[S("\u{3c3}\u{3c2}")], "False"),
        ("isascii", &[S("hello_World 3rd-party")], "True"),
        ("islower", &[S("\u{4e00}\u{4e8c}")], "False"),
        ("isprintable", &[S("hello_World 3rd-party")], "True"),
        ("istitle", &[S("Ab Cd")], "True"),
        ("isidentifier", &[S("")], "False"),
        ("isspace", &[S("a\u{3a3} b")], "False"),
        (
            "isalpha",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "True",
        ),
        (
            "isprintable",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "False",
        ),
        ("isspace", &[S("aaa")], "False"),
        ("isdecimal", &[S("9x")], "False"),
        ("isnumeric", &[S("123")], "True"),
        ("isidentifier", &[S("ab cd")], "False"),
        ("isdecimal", &[S("it's")], "False"),
        (
            "isupper",
            &[S(
                "\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}",
            )],
            "True",
        ),
        ("isnumeric", &[S("it's")], "False"),
        ("isupper", &[S("a,b,,c,")], "False"),
        ("isnumeric", &[S("a")], "False"),
        ("isprintable", &[S("\u{fb01}nance")], "True"),
        ("isidentifier", &[S("Ab Cd")], "False"),
        ("isprintable", &[S("\u{1c8}")], "True"),
        ("isnumeric", &[S("\u{df}")], "False"),
        ("isalnum", &[S("\u{3c3}\u{3c2}")], "True"),
        ("isidentifier", &[S("say \"hi\"")], "False"),
        ("isspace", &[S("\u{4e00}\u{4e8c}")], "False"),
        ("isidentifier", &[S("aaa")], "True"),
        ("isnumeric", &[S("\u{1c}\u{1d} \t")], "False"),
        ("isalpha", &[S("\u{b2}")], "False"),
        (
            "islower",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}")],
            "False",
        ),
        (
            "isdigit",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")],
            "False",
        ),
        ("isspace", &[S("\u{b2}")], "False"),
        ("islower", &[S("  a b  c  ")], "True"),
        ("isalpha", &[S("\u{1c}\u{1d} \t")], "False"),
        ("islower", &[S("\u{fb01}nance")], "True"),
        ("len", &[S("a\tb\n\tc")], "6"),
        ("len", &[S("ab cd")], "5"),
        ("len", &[S("9x")], "2"),
        ("len", &[S("\u{3a3}\u{391}\u{3a3}")], "3"),
        ("len", &[S("\u{1c8}")], "1"),
        ("len", &[S("Ab cD")], "5"),
        ("len", &[S("\u{216b}")], "1"),
        ("len", &[S("  a b  c  ")], "10"),
        ("len", &[S("")], "0"),
        ("len", &[S("\u{3c3}\u{3c2}")], "2"),
        ("len", &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}")], "14"),
        ("len", &[S("\u{130}stanbul")], "8"),
        (
            "splitlines",
            &[S("\u{1c6}emal \u{1c5}"), B(false)],
            "['\u{1c6}emal \u{1c5}']",
        ),
        ("splitlines", &[S("\u{216b}"), B(false)], "['\u{216b}']"),
        ("splitlines", &[S("9x"), B(true)], "['9x']"),
        ("splitlines", &[S("Ab Cd"), B(false)], "['Ab Cd']"),
        ("splitlines", &[S("123"), B(false)], "['123']"),
        ("splitlines", &[S("aaa"), B(true)], "['aaa']"),
        (
            "splitlines",
            &[
                S("\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}"),
                B(true),
            ],
            "['\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}']",
        ),
        (
            "splitlines",
            &[S("\u{130}stanbul"), B(true)],
            "['\u{130}stanbul']",
        ),
        ("splitlines", &[S("_id9"), B(false)], "['_id9']"),
        (
            "splitlines",
            &[S("\u{3a3}\u{3a3}"), B(true)],
            "['\u{3a3}\u{3a3}']",
        ),
        ("splitlines", &[S(""), B(true)], "[]"),
        (
            "splitlines",
            &[S("\u{3c3}\u{3c2}"), B(true)],
            "['\u{3c3}\u{3c2}']",
        ),
        ("split", &[S("   "), S("ab"), I(2)], "['   ']"),
        (
            "split",
            &[S("hello world"), S(" "), I(0)],
            "['hello world']",
        ),
        (
            "split",
            &[S("\u{3a3}\u{391}\u{3a3}"), N, I(2)],
            "['\u{3a3}\u{391}\u{3a3}']",
        ),
        (
            "split",
            &[S("Ab cD"), S(""), I(-1)],
            "!ValueError: empty separator",
        ),
        ("split", &[S("\u{216b}"), S(" "), I(0)], "['\u{216b}']"),
        ("split", &[S("abc"), N, I(2)], "['abc']"),
        (
            "split",
            &[S("a\tb\n\tc"), S(","), I(-1)],
            "['a\\tb\\n\\tc']",
        ),
        (
            "split",
            &[S("   "), S(""), I(1)],
            "!ValueError: empty separator",
        ),
        ("split", &[S("a"), S(","), I(2)], "['a']"),
        (
            "split",
            &[S("\u{3c3}\u{3c2}"), N, I(2)],
            "['\u{3c3}\u{3c2}']",
        ),
        (
            "split",
            &[S("\u{fb01}nance"), S("ab"), I(2)],
            "['\u{fb01}nance']",
        ),
        (
            "split",
            &[S("\u{3a3}\u{3a3}"), S(" "), I(-1)],
            "['\u{3a3}\u{3a3}']",
        ),
        (
            "split",
            &[S(""), S(""), I(-1)],
            "!ValueError: empty separator",
        ),
        (
            "split",
            &[S(""), S(""), I(0)],
            "!ValueError: empty separator",
        ),
        ("rsplit", &[S("\u{216b}"), S(","), I(0)], "['\u{216b}']"),
        (
            "rsplit",
            &[S("AB CD"), S(""), I(-1)],
            "!ValueError: empty separator",
        ),
        (
            "rsplit",
            &[S("say \"hi\""), S(""), I(-1)],
            "!ValueError: empty separator",
        ),
        ("rsplit", &[S("AB CD"), S(","), I(2)], "['AB CD']"),
        ("rsplit", &[S("aaa"), S(" "), I(2)], "['aaa']"),
        (
            "rsplit",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S(""), I(0)],
            "!ValueError: empty separator",
        ),
        (
            "rsplit",
            &[S("both ' and \""), S(" "), I(-1)],
            "['both', \"'\", 'and', '\"']",
        ),
        ("rsplit", &[S("ab cd"), S(" "), I(0)], "['ab cd']"),
        ("rsplit", &[S("ababab"), N, I(-1)], "['ababab']"),
        (
            "rsplit",
            &[S("\u{4e00}\u{4e8c}"), S(","), I(1)],
            "['\u{4e00}\u{4e8c}']",
        ),
        (
            "rsplit",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                S("ab"),
                I(2),
            ],
            "['\\u200b\\u2028\\ue000\u{1f600}\\U000e0001']",
        ),
        (
            "rsplit",
            &[S("h\u{e9}llo w\u{f6}rld"), S(""), I(0)],
            "!ValueError: empty separator",
        ),
        (
            "rsplit",
            &[S(""), S(""), I(-1)],
            "!ValueError: empty separator",
        ),
        (
            "rsplit",
            &[S(""), S(""), I(0)],
            "!ValueError: empty separator",
        ),
        ("strip", &[S("\u{1c8}"), S(" ")], "'\u{1c8}'"),
        (
            "strip",
            &[S("h\u{e9}llo w\u{f6}rld"), N],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        ("strip", &[S("abc"), S(" ")], "'abc'"),
        (
            "strip",
            &[S("\u{3a3}\u{391}\u{3a3}"), S("ab")],
            "'\u{3a3}\u{391}\u{3a3}'",
        ),
        (
            "strip",
            &[S("\u{1c}\u{1d} \t"), S("ab")],
            "'\\x1c\\x1d \\t'",
        ),
        ("strip", &[S("\u{fb01}nance"), S(" a")], "'\u{fb01}nance'"),
        (
            "strip",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), S("ab")],
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "strip",
            &[S("MIXED case \u{3a3}."), N],
            "'MIXED case \u{3a3}.'",
        ),
        ("strip", &[S("\u{bd}"), S(" a")], "'\u{bd}'"),
        ("strip", &[S("aaa"), N], "'aaa'"),
        ("strip", &[S("say \"hi\""), S(" ")], "'say \"hi\"'"),
        (
            "strip",
            &[S("\u{661}\u{662}\u{663}"), S(" a")],
            "'\u{661}\u{662}\u{663}'",
        ),
        ("lstrip", &[S("abc123"), S(" ")], "'abc123'"),
        (
            "lstrip",
            &[S("\u{3a3}\u{3a3}"), S("ab")],
            "'\u{3a3}\u{3a3}'",
        ),
        ("lstrip", &[S("AB CD"), S("ab")], "'AB CD'"),
        (
            "lstrip",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S(" ")],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        ("lstrip", &[S("9x"), N], "'9x'"),
        ("lstrip", &[S("ab cd"), S(" ")], "'ab cd'"),
        (
            "lstrip",
            &[S("\u{661}\u{662}\u{663}"), N],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "lstrip",
            &[S("\u{130}stanbul"), S(" a")],
            "'\u{130}stanbul'",
        ),
        (
            "lstrip",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("ab")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "lstrip",
            &[S("MIXED case \u{3a3}."), S("ab")],
            "'MIXED case \u{3a3}.'",
        ),
        ("lstrip", &[S("a"), S(" a")], "''"),
        (
            "lstrip",
            &[S("hello_World 3rd-party"), S(" a")],
            "'hello_World 3rd-party'",
        ),
        ("rstrip", &[S("Ab cD"), S(" a")], "'Ab cD'"),
        (
            "rstrip",
            &[S("\u{3c3}\u{3c2}"), S(" a")],
            "'\u{3c3}\u{3c2}'",
        ),
        ("rstrip", &[S("a\u{3a3} b"), S(" ")], "'a\u{3a3} b'"),
        (
            "rstrip",
            &[S("both ' and \""), S(" a")],
            "'both \\' and \"'",
        ),
        ("rstrip", &[S("9x"), S("ab")], "'9x'"),
        ("rstrip", &[S("AB CD"), S("ab")], "'AB CD'"),
        ("rstrip", &[S("AB CD"), S(" ")], "'AB CD'"),
        (
            "rstrip",
            &[S("h\u{e9}llo w\u{f6}rld"), S("ab")],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        ("rstrip", &[S("ababab"), S(" a")], "'ababab'"),
        ("rstrip", &[S("\u{fb01}nance"), S("ab")], "'\u{fb01}nance'"),
        ("rstrip", &[S("aaa"), S("ab")], "''"),
        (
            "rstrip",
            &[S("hello_World 3rd-party"), N],
            "'hello_World 3rd-party'",
        ),
        ("find", &[S("a\tb\n\tc"), S("a"), I(1), N], "-1"),
        (
            "find",
            &[S("h\u{e9}llo w\u{f6}rld"), S("\u{3a3}"), I(0), I(-1)],
            "-1",
        ),
        ("find", &[S("hello world"), S("b"), I(100), N], "-1"),
        ("find", &[S("123"), S("\u{3a3}"), I(5), I(2)], "-1"),
        ("find", &[S("_id9"), S("xyz"), I(4), N], "-1"),
        ("find", &[S("123"), S("\u{8a9e}"), N, N], "-1"),
        ("find", &[S("  a b  c  "), S("\u{3a3}"), I(11), N], "-1"),
        ("find", &[S("it's"), S("b"), I(1), N], "-1"),
        ("find", &[S("\u{3c3}\u{3c2}"), S("\u{3a3}"), I(1), N], "-1"),
        ("find", &[S("hello world"), S("ab"), I(3), I(3)], "-1"),
        (
            "find",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{8a9e}"), I(5), N],
            "-1",
        ),
        ("find", &[S("\u{3a3}\u{391}\u{3a3}"), S(""), I(1), N], "1"),
        ("rfind", &[S("a"), S(""), I(5), I(2)], "-1"),
        ("rfind", &[S("a\tb\n\tc"), S("\u{3a3}"), I(2), I(100)], "-1"),
        (
            "rfind",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                S("\u{8a9e}"),
                N,
                N,
            ],
            "-1",
        ),
        ("rfind", &[S("aaa"), S("xyz"), I(-3), N], "-1"),
        (
            "rfind",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                S(""),
                I(100),
                N,
            ],
            "-1",
        ),
        (
            "rfind",
            &[S("h\u{e9}llo w\u{f6}rld"), S("b"), I(0), I(-1)],
            "-1",
        ),
        ("rfind", &[S("abc"), S("b"), I(5), I(2)], "-1"),
        ("rfind", &[S("abc123"), S("a"), I(0), I(-1)], "0"),
        ("rfind", &[S("abc123"), S("\u{3a3}"), I(6), N], "-1"),
        ("rfind", &[S("aaa"), S("ab"), I(100), N], "-1"),
        ("rfind", &[S("abc"), S("b"), I(3), I(3)], "-1"),
        ("rfind", &[S("both ' and \""), S(""), I(-100), I(2)], "2"),
        ("count", &[S("Ab cD"), S("a"), I(5), I(2)], "0"),
        ("count", &[S("\u{1c}\u{1d} \t"), S("a"), I(0), I(-1)], "0"),
        (
            "count",
            &[S("hello_World 3rd-party"), S("\u{3a3}"), I(-3), N],
            "0",
        ),
        ("count", &[S("\u{4e00}\u{4e8c}"), S("b"), I(1), N], "0"),
        ("count", &[S("\u{130}stanbul"), S("\u{8a9e}"), I(9), N], "0"),
        (
            "count",
            &[S("\u{661}\u{662}\u{663}"), S("xyz"), I(-3), N],
            "0",
        ),
        ("count", &[S("\u{1c6}emal \u{1c5}"), S("ab"), I(7), N], "0"),
        ("count", &[S("a"), S("xyz"), I(2), I(100)], "0"),
        (
            "count",
            &[
                S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"),
                S("ab"),
                I(0),
                I(-1),
            ],
            "0",
        ),
        ("count", &[S(""), S("b"), I(-100), I(2)], "0"),
        ("count", &[S("  a b  c  "), S(""), I(-100), I(2)], "3"),
        ("count", &[S("a,b,,c,"), S("\u{8a9e}"), I(-3), N], "0"),
        (
            "startswith",
            &[S("\u{1c}\u{1d} \t"), S("xyz"), I(0), I(-1)],
            "False",
        ),
        ("startswith", &[S("\u{b2}"), S("ab"), I(2), I(100)], "False"),
        (
            "startswith",
            &[S("a"), S("\u{3a3}"), I(-100), I(2)],
            "False",
        ),
        (
            "startswith",
            &[S("a\u{3a3} b"), S("ab"), I(5), I(2)],
            "False",
        ),
        (
            "startswith",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{3a3}"), I(5), N],
            "False",
        ),
        ("startswith", &[S("a\tb\n\tc"), S("ab"), I(100), N], "False"),
        ("startswith", &[S("abc123"), S("ab"), I(0), I(-1)], "True"),
        ("startswith", &[S("\u{130}stanbul"), S(""), N, N], "True"),
        (
            "startswith",
            &[S("\u{3a3}\u{391}\u{3a3}"), S("b"), I(1), N],
            "False",
        ),
        ("startswith", &[S("AB CD"), S("\u{3a3}"), I(5), N], "False"),
        ("startswith", &[S("abc"), S("a"), I(3), I(3)], "False"),
        ("startswith", &[S("it's"), S(""), I(5), I(2)], "False"),
        (
            "endswith",
            &[
                S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"),
                S("\u{3a3}"),
                I(14),
                N,
            ],
            "False",
        ),
        ("endswith", &[S("say \"hi\""), S("a"), I(1), N], "False"),
        (
            "endswith",
            &[
                S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
                S("b"),
                I(5),
                I(2),
            ],
            "False",
        ),
        (
            "endswith",
            &[S("both ' and \""), S(""), I(-100), I(2)],
            "True",
        ),
        (
            "endswith",
            &[S("both ' and \""), S(""), I(0), I(-1)],
            "True",
        ),
        (
            "endswith",
            &[S("\u{3a3}\u{3a3}"), S("ab"), I(2), I(100)],
            "False",
        ),
        (
            "endswith",
            &[S("\u{bd}"), S("\u{3a3}"), I(-100), I(2)],
            "False",
        ),
        (
            "endswith",
            &[S("both ' and \""), S("ab"), I(3), I(3)],
            "False",
        ),
        ("endswith", &[S("9x"), S("a"), I(3), I(3)], "False"),
        (
            "endswith",
            &[S("\u{1c}\u{1d} \t"), S("\u{3a3}"), I(3), I(3)],
            "False",
        ),
        ("endswith", &[S("AB CD"), S("a"), I(100), N], "False"),
        (
            "endswith",
            &[S("\u{4e00}\u{4e8c}"), S("\u{8a9e}"), I(-3), N],
            "False",
        ),
        (
            "index",
            &[
                S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
                S("ab"),
            ],
            "!ValueError: substring not found",
        ),
        ("index", &[S("ab cd"), S("")], "0"),
        (
            "index",
            &[S("say \"hi\""), S("\u{8a9e}")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S("\u{1c}\u{1d} \t"), S("ab")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S("hello_World 3rd-party"), S("b")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("")],
            "0",
        ),
        (
            "index",
            &[S("\u{1c}\u{1d} \t"), S("xyz")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S("it's"), S("xyz")],
            "!ValueError: substring not found",
        ),
        ("index", &[S("Ab cD"), S("")], "0"),
        (
            "index",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("a")],
            "!ValueError: substring not found",
        ),
        ("index", &[S("aaa"), S("")], "0"),
        (
            "index",
            &[S("\u{3a3}\u{3a3}"), S("\u{8a9e}")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S(""), S("a")],
            "!ValueError: substring not found",
        ),
        (
            "index",
            &[S(""), S("b")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S(""), S("\u{8a9e}")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S("\u{216b}"), S("b")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S("\u{3c3}\u{3c2}"), S("b")],
            "!ValueError: substring not found",
        ),
        ("rindex", &[S("\u{1c8}"), S("")], "1"),
        (
            "rindex",
            &[S("a"), S("ab")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S("\u{bd}"), S("ab")],
            "!ValueError: substring not found",
        ),
        ("rindex", &[S("MIXED case \u{3a3}."), S("")], "13"),
        (
            "rindex",
            &[
                S("\u{1f48}\u{394}\u{3a5}\u{3a3}\u{3a3}\u{395}\u{38e}\u{3a3}"),
                S("\u{8a9e}"),
            ],
            "!ValueError: substring not found",
        ),
        ("rindex", &[S("  a b  c  "), S("b")], "4"),
        (
            "rindex",
            &[S("\u{3a3}\u{3a3}"), S("b")],
            "!ValueError: substring not found",
        ),
        ("rindex", &[S("9x"), S("")], "2"),
        (
            "rindex",
            &[S("123"), S("\u{8a9e}")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S(""), S("a")],
            "!ValueError: substring not found",
        ),
        (
            "rindex",
            &[S(""), S("b")],
            "!ValueError: substring not found",
        ),
        ("partition", &[S("123"), S("\u{8a9e}")], "['123', '', '']"),
        (
            "partition",
            &[S("both ' and \""), S("b")],
            "['', 'b', 'oth \\' and \"']",
        ),
        (
            "partition",
            &[S("Ab Cd"), S("\u{8a9e}")],
            "['Ab Cd', '', '']",
        ),
        ("partition", &[S("a"), S("\u{3a3}")], "['a', '', '']"),
        (
            "partition",
            &[S("MIXED case \u{3a3}."), S("")],
            "!ValueError: empty separator",
        ),
        (
            "partition",
            &[S("  a b  c  "), S("ab")],
            "['  a b  c  ', '', '']",
        ),
        ("partition", &[S("a"), S("ab")], "['a', '', '']"),
        (
            "partition",
            &[S("\u{bd}"), S("")],
            "!ValueError: empty separator",
        ),
        ("partition", &[S("it's"), S("b")], "[\"it's\", '', '']"),
        ("partition", &[S("_id9"), S("b")], "['_id9', '', '']"),
        (
            "partition",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("\u{8a9e}")],
            "['\\x00\\x7f\\x80\\xa0\\xad', '', '']",
        ),
        (
            "partition",
            &[S("MIXED case \u{3a3}."), S("b")],
            "['MIXED case \u{3a3}.', '', '']",
        ),
        ("partition", &[S(""), S("")], "!ValueError: empty separator"),
        (
            "partition",
            &[S("a"), S("")],
            "!ValueError: empty separator",
        ),
        (
            "rpartition",
            &[S("MIXED case \u{3a3}."), S("xyz")],
            "['', '', 'MIXED case \u{3a3}.']",
        ),
        ("rpartition", &[S("\u{1c8}"), S("b")], "['', '', '\u{1c8}']"),
        (
            "rpartition",
            &[S("\u{1c6}emal \u{1c5}"), S("xyz")],
            "['', '', '\u{1c6}emal \u{1c5}']",
        ),
        (
            "rpartition",
            &[S("\u{661}\u{662}\u{663}"), S("\u{3a3}")],
            "['', '', '\u{661}\u{662}\u{663}']",
        ),
        (
            "rpartition",
            &[S("\u{fb01}nance"), S("ab")],
            "['', '', '\u{fb01}nance']",
        ),
        (
            "rpartition",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), S("xyz")],
            "['', '', '\\u200b\\u2028\\ue000\u{1f600}\\U000e0001']",
        ),
        (
            "rpartition",
            &[S("\u{bd}"), S("")],
            "!ValueError: empty separator",
        ),
        (
            "rpartition",
            &[S("MIXED case \u{3a3}."), S("ab")],
            "['', '', 'MIXED case \u{3a3}.']",
        ),
        (
            "rpartition",
            &[S("say \"hi\""), S("b")],
            "['', '', 'say \"hi\"']",
        ),
        (
            "rpartition",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), S("xyz")],
            "['', '', '\\x00\\x7f\\x80\\xa0\\xad']",
        ),
        (
            "rpartition",
            &[S("\u{bd}"), S("\u{3a3}")],
            "['', '', '\u{bd}']",
        ),
        (
            "rpartition",
            &[
                S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
                S("\u{3a3}"),
            ],
            "['', '', '\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}']",
        ),
        (
            "rpartition",
            &[S(""), S("")],
            "!ValueError: empty separator",
        ),
        (
            "rpartition",
            &[S("a"), S("")],
            "!ValueError: empty separator",
        ),
        (
            "replace",
            &[S("ab cd"), S("\u{3a3}"), S("-"), I(2)],
            "'ab cd'",
        ),
        ("replace", &[S("   "), S("\u{3a3}"), S("-"), I(1)], "'   '"),
        ("replace", &[S("a"), S("b"), S(""), I(1)], "'a'"),
        (
            "replace",
            &[S("\u{bd}"), S("\u{8a9e}"), S(""), I(2)],
            "'\u{bd}'",
        ),
        ("replace", &[S("_id9"), S("b"), S("-"), I(-1)], "'_id9'"),
        (
            "replace",
            &[S("Ab Cd"), S("\u{8a9e}"), S("XY"), I(2)],
            "'Ab Cd'",
        ),
        (
            "replace",
            &[S("h\u{e9}llo w\u{f6}rld"), S("b"), S("XY"), I(1)],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        (
            "replace",
            &[S("a\tb\n\tc"), S(""), S("XY"), I(0)],
            "'a\\tb\\n\\tc'",
        ),
        (
            "replace",
            &[S("\u{3a3}\u{3a3}"), S("b"), S("XY"), I(-1)],
            "'\u{3a3}\u{3a3}'",
        ),
        (
            "replace",
            &[S("a\u{3a3} b"), S("\u{8a9e}"), S("XY"), I(2)],
            "'a\u{3a3} b'",
        ),
        (
            "replace",
            &[S("\u{1c}\u{1d} \t"), S("xyz"), S(""), I(0)],
            "'\\x1c\\x1d \\t'",
        ),
        ("replace", &[S("   "), S("a"), S("-"), I(-1)], "'   '"),
        ("center", &[S("it's"), I(0), S("\u{e9}")], "\"it's\""),
        (
            "center",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), I(0), S("*")],
            "'x\\r\\ny\\rz\\n\\x0bw\\x1cv\\u2028u\\x85'",
        ),
        (
            "center",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                I(0),
                S("\u{e9}"),
            ],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        (
            "center",
            &[S("\u{1c6}emal \u{1c5}"), I(10), S("\u{e9}")],
            "'\u{e9}\u{1c6}emal \u{1c5}\u{e9}\u{e9}'",
        ),
        (
            "center",
            &[S("\u{4e00}\u{4e8c}"), I(10), S("*")],
            "'****\u{4e00}\u{4e8c}****'",
        ),
        (
            "center",
            &[S("h\u{e9}llo w\u{f6}rld"), I(10), S(" ")],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        (
            "center",
            &[S("h\u{e9}llo w\u{f6}rld"), I(11), S("\u{e9}")],
            "'h\u{e9}llo w\u{f6}rld'",
        ),
        ("center", &[S("ababab"), I(-1), S(" ")], "'ababab'"),
        (
            "center",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(11), S("\u{e9}")],
            "'\u{e9}\u{e9}\u{e9}\\x00\\x7f\\x80\\xa0\\xad\u{e9}\u{e9}\u{e9}'",
        ),
        (
            "center",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                I(10),
                S("\u{e9}"),
            ],
            "'\u{e9}\u{e9}\\u200b\\u2028\\ue000\u{1f600}\\U000e0001\u{e9}\u{e9}\u{e9}'",
        ),
        ("center", &[S("a\tb\n\tc"), I(0), S("*")], "'a\\tb\\n\\tc'"),
        (
            "center",
            &[S("\u{4e00}\u{4e8c}"), I(11), S("*")],
            "'*****\u{4e00}\u{4e8c}****'",
        ),
        (
            "ljust",
            &[S("\u{df}"), I(5), S("\u{e9}")],
            "'\u{df}\u{e9}\u{e9}\u{e9}\u{e9}'",
        ),
        ("ljust", &[S("a,b,,c,"), I(5), S(" ")], "'a,b,,c,'"),
        (
            "ljust",
            &[
                S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"),
                I(11),
                S("\u{e9}"),
            ],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}'",
        ),
        (
            "ljust",
            &[S("\u{130}stanbul"), I(11), S("*")],
            "'\u{130}stanbul***'",
        ),
        ("ljust", &[S("Ab cD"), I(11), S(" ")], "'Ab cD      '"),
        (
            "ljust",
            &[S("\u{216b}"), I(10), S("\u{e9}")],
            "'\u{216b}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}'",
        ),
        ("ljust", &[S("it's"), I(5), S("*")], "\"it's*\""),
        (
            "ljust",
            &[S("a\tb\n\tc"), I(0), S("\u{e9}")],
            "'a\\tb\\n\\tc'",
        ),
        (
            "ljust",
            &[S("\u{3a3}\u{391}\u{3a3}"), I(0), S(" ")],
            "'\u{3a3}\u{391}\u{3a3}'",
        ),
        ("ljust", &[S("abc"), I(0), S("*")], "'abc'"),
        ("ljust", &[S("AB CD"), I(-1), S("\u{e9}")], "'AB CD'"),
        (
            "ljust",
            &[S("\u{fb01}nance"), I(-1), S(" ")],
            "'\u{fb01}nance'",
        ),
        (
            "rjust",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(5), S("*")],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        ("rjust", &[S("   "), I(0), S(" ")], "'   '"),
        (
            "rjust",
            &[S("\u{1c6}emal \u{1c5}"), I(5), S("*")],
            "'\u{1c6}emal \u{1c5}'",
        ),
        ("rjust", &[S("say \"hi\""), I(-1), S(" ")], "'say \"hi\"'"),
        ("rjust", &[S("\u{1c8}"), I(0), S(" ")], "'\u{1c8}'"),
        (
            "rjust",
            &[S("MIXED case \u{3a3}."), I(11), S(" ")],
            "'MIXED case \u{3a3}.'",
        ),
        ("rjust", &[S("a,b,,c,"), I(11), S(" ")], "'    a,b,,c,'"),
        (
            "rjust",
            &[S("\u{3c3}\u{3c2}"), I(0), S("*")],
            "'\u{3c3}\u{3c2}'",
        ),
        (
            "rjust",
            &[S("\u{1c8}"), I(5), S("\u{e9}")],
            "'\u{e9}\u{e9}\u{e9}\u{e9}\u{1c8}'",
        ),
        ("rjust", &[S("aaa"), I(0), S(" ")], "'aaa'"),
        (
            "rjust",
            &[S("\u{3a3}\u{391}\u{3a3}"), I(11), S(" ")],
            "'        \u{3a3}\u{391}\u{3a3}'",
        ),
        (
            "rjust",
            &[S("\u{b2}"), I(10), S("\u{e9}")],
            "'\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{b2}'",
        ),
        (
            "zfill",
            &[S("\u{130}stanbul"), I(11)],
            "'000\u{130}stanbul'",
        ),
        (
            "zfill",
            &[S("\u{661}\u{662}\u{663}"), I(5)],
            "'00\u{661}\u{662}\u{663}'",
        ),
        ("zfill", &[S("aaa"), I(10)], "'0000000aaa'"),
        (
            "zfill",
            &[S("MIXED case \u{3a3}."), I(5)],
            "'MIXED case \u{3a3}.'",
        ),
        (
            "zfill",
            &[S("\u{fb01}nance"), I(11)],
            "'00000\u{fb01}nance'",
        ),
        ("zfill", &[S("\u{1c8}"), I(10)], "'000000000\u{1c8}'"),
        (
            "zfill",
            &[S("hello_World 3rd-party"), I(10)],
            "'hello_World 3rd-party'",
        ),
        ("zfill", &[S("abc123"), I(5)], "'abc123'"),
        (
            "zfill",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(0)],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "zfill",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(5)],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "zfill",
            &[S("\u{4e00}\u{4e8c}"), I(-1)],
            "'\u{4e00}\u{4e8c}'",
        ),
        ("zfill", &[S("both ' and \""), I(11)], "'both \\' and \"'"),
        ("expandtabs", &[S("a"), I(8)], "'a'"),
        (
            "expandtabs",
            &[S("\u{0}\u{7f}\u{80}\u{a0}\u{ad}"), I(-1)],
            "'\\x00\\x7f\\x80\\xa0\\xad'",
        ),
        (
            "expandtabs",
            &[
                S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
                I(8),
            ],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        ("expandtabs", &[S("a\u{3a3} b"), I(0)], "'a\u{3a3} b'"),
        ("expandtabs", &[S(""), I(0)], "''"),
        (
            "expandtabs",
            &[S("\u{3a3}\u{3a3}"), I(1)],
            "'\u{3a3}\u{3a3}'",
        ),
        (
            "expandtabs",
            &[S("\u{3c3}\u{3c2}"), I(4)],
            "'\u{3c3}\u{3c2}'",
        ),
        (
            "expandtabs",
            &[S("\u{1c}\u{1d} \t"), I(8)],
            "'\\x1c\\x1d      '",
        ),
        (
            "expandtabs",
            &[S("\u{661}\u{662}\u{663}"), I(-1)],
            "'\u{661}\u{662}\u{663}'",
        ),
        (
            "expandtabs",
            &[S("\u{200b}\u{2028}\u{e000}\u{1f600}\u{e0001}"), I(0)],
            "'\\u200b\\u2028\\ue000\u{1f600}\\U000e0001'",
        ),
        ("expandtabs", &[S("\u{b2}"), I(4)], "'\u{b2}'"),
        ("expandtabs", &[S("AB CD"), I(4)], "'AB CD'"),
        (
            "slice",
            &[S("\u{1c6}emal \u{1c5}"), I(-2), I(0), I(3)],
            "''",
        ),
        ("slice", &[S("a"), I(3), I(0), I(-2)], "''"),
        (
            "slice",
            &[S("ababab"), I(0), I(2), I(0)],
            "!ValueError: slice step cannot be zero",
        ),
        (
            "slice",
            &[S("123"), I(0), N, I(0)],
            "!ValueError: slice step cannot be zero",
        ),
        ("slice", &[S("ababab"), I(100), I(100), I(2)], "''"),
        ("slice", &[S("AB CD"), I(100), I(0), I(3)], "''"),
        ("slice", &[S("ababab"), I(1), I(2), I(3)], "'b'"),
        ("slice", &[S("\u{b2}"), I(100), I(-1), I(3)], "''"),
        (
            "slice",
            &[S("x\r\ny\rz\n\u{b}w\u{1c}v\u{2028}u\u{85}"), N, I(2), I(-1)],
            "'\\x85u\\u2028v\\x1cw\\x0b\\nz\\ry'",
        ),
        (
            "slice",
            &[S("\u{216b}"), I(-2), N, I(0)],
            "!ValueError: slice step cannot be zero",
        ),
        ("slice", &[S("say \"hi\""), N, N, I(2)], "'sy\"i'"),
        (
            "slice",
            &[S("\u{1c6}emal \u{1c5}"), I(1), I(2), I(2)],
            "'e'",
        ),
        (
            "slice",
            &[S(""), N, N, I(0)],
            "!ValueError: slice step cannot be zero",
        ),
        (
            "slice",
            &[S(""), N, I(-100), I(0)],
            "!ValueError: slice step cannot be zero",
        ),
        ("mul", &[S("  a b  c  "), I(0)], "''"),
        ("mul", &[S("ab cd"), I(1)], "'ab cd'"),
        ("mul", &[S("it's"), I(0)], "''"),
        (
            "mul",
            &[
                S("\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}"),
                I(1),
            ],
            "'\u{65e5}\u{672c}\u{8a9e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}'",
        ),
        ("mul", &[S("a\tb\n\tc"), I(1)], "'a\\tb\\n\\tc'"),
        ("mul", &[S("abc"), I(3)], "'abcabcabc'"),
        ("mul", &[S("abc"), I(-1)], "''"),
        ("mul", &[S("abc123"), I(3)], "'abc123abc123abc123'"),
        (
            "mul",
            &[S("\u{1c6}emal \u{1c5}"), I(1)],
            "'\u{1c6}emal \u{1c5}'",
        ),
        ("mul", &[S("\u{bd}"), I(1)], "'\u{bd}'"),
        ("mul", &[S("AB CD"), I(3)], "'AB CDAB CDAB CD'"),
        ("mul", &[S("hello world"), I(-1)], "''"),
    ];
    const FORMAT_CASES: &[(&str, &str)] = &[
        ("{}", "'A'"),
        ("{0}{1}", "'AB'"),
        ("{} {}", "'A B'"),
        ("{0} {}", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{} {0}", "!ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("{", "!ValueError: Single '{' encountered in format string"),
        ("}", "!ValueError: Single '}' encountered in format string"),
        ("{{}}", "'{}'"),
        ("a}}b{{c", "'a}b{c'"),
        ("}x", "!ValueError: Single '}' encountered in format string"),
        ("{:>10}", "'         A'"),
        ("{0:{1}}", "!ValueError: Unknown format code 'B' for object of type 'str'"),
        ("{:{}}", "!ValueError: Unknown format code 'B' for object of type 'str'"),
        ("{:{}.{}f}", "!ValueError: Invalid format specifier 'B.Cf' for object of type 'str'"),
        ("{a.b[0][key].c}", "!AttributeError: 'str' object has no attribute 'b'"),
        ("{0!r:>5}", "\"  'A'\""),
        ("{!s}", "'A'"),
        ("{!x}", "!ValueError: Unknown conversion specifier x"),
        ("{!}", "!ValueError: unmatched '{' in format spec"),
        ("{0!r5}", "!ValueError: expected ':' after conversion specifier"),
        ("{a[}", "!ValueError: expected '}' before end of string"),
        ("{a[0]x}", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ("{a.}", "!ValueError: Empty attribute in format string"),
        ("{a[]}", "!ValueError: Empty attribute in format string"),
        ("{0:{1:{2}}}", "!ValueError: Max string recursion exceeded"),
        ("{0:{1:{2:{3}}}}", "!ValueError: Max string recursion exceeded"),
        ("{:{:{}}}", "!ValueError: Max string recursion exceeded"),
        ("x{0[1]}y", "!IndexError: string index out of range"),
        ("{ab{c}", "!ValueError: unexpected '{' in field name"),
        ("{0:}", "'A'"),
        ("{:d}}", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("{0.real}", "!AttributeError: 'str' object has no attribute 'real'"),
        ("{11}", "!IndexError: Replacement index 11 out of range for positional args tuple"),
        ("{99999999999999999999}", "!ValueError: Too many decimal digits in format string"),
        ("{0:{{}}}", "!ValueError: Invalid format specifier '{}' for object of type 'str'"),
        ("{ }", "!KeyError: ' '"),
        ("{-1}", "!KeyError: '-1'"),
        ("{0[-1]}", "!TypeError: string indices must be integers, not 'str'"),
        ("{a!r}{b:x}", "!KeyError: 'b'"),
    ];
}
