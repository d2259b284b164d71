//! Character classes (by CPython 3.11's Unicode 14.0 tables) and the `str.is*` predicates.

use super::tables::{
    ALPHA_RANGES, CASED_RANGES, CASE_IGNORABLE_RANGES, DECIMAL_RANGES, DIGIT_RANGES,
    LOWERCASE_OVERRIDES, NO_CASE_MAPPING, NUMERIC_RANGES, PRINTABLE_RANGES,
    TITLECASE_LETTER_RANGES, UPPERCASE_OVERRIDES, XID_CONTINUE_RANGES, XID_START_RANGES,
};

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

pub(super) fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(CASED_RANGES, c)
}

pub(super) fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE_RANGES, c)
}

/// `str.islower()` for one character, by CPython 3.11's Unicode data.
pub(super) fn is_lower_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    match LOWERCASE_OVERRIDES.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
        Ok(i) => LOWERCASE_OVERRIDES[i].1,
        Err(_) => c.is_lowercase(),
    }
}

/// `str.isupper()` for one character, by CPython 3.11's Unicode data.
pub(super) fn is_upper_char(c: char) -> bool {
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

pub(super) fn push_lower_simple(c: char, out: &mut String) {
    if lacks_case_mapping(c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

pub(super) fn push_upper(c: char, out: &mut String) {
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
