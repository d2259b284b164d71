//! Splitting: `split`, `rsplit` (CPython's whitespace rules), `splitlines`, `partition`.

use super::is_space_char;
use crate::error::{LibError, LibResult};

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
