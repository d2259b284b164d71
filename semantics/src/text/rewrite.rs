//! Rewriting: `replace` and the case mappings, with CPython's final-sigma rule and
//! Unicode 14.0 data.

use super::tables::{CASEFOLD_SPECIAL, TITLE_SPECIAL};
use super::{
    char_len, is_case_ignorable, is_cased, is_lower_char, is_upper_char, push_lower_simple,
    push_upper,
};

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
