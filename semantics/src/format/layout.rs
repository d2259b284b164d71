//! Number layout: sign, prefix, grouped digits, fraction and padding.

use super::FormatSpec;
use crate::number::push_ascii;

/// The parts of a formatted number, before padding.
pub(super) struct NumberParts<'a> {
    pub(super) negative: bool,
    pub(super) prefix: &'a str,
    /// Leading decimal digits that grouping applies to.
    pub(super) digits: &'a str,
    /// Everything after the leading digits (`.5e+10`, `%`, `inf`).
    pub(super) rest: &'a str,
}

fn resolve_number_layout(spec: &FormatSpec) -> (char, char) {
    let mut fill = spec.fill.unwrap_or(' ');
    let mut align = spec.align.unwrap_or('>');
    if spec.zero_pad && spec.fill.is_none() {
        fill = '0';
        if spec.align.is_none() {
            align = '=';
        }
    }
    (fill, align)
}

/// Inserts `sep` every `group` digits from the right, padding with zeros (and separators)
/// to at least `min_width` characters, exactly as CPython's
/// `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let bytes = digits.as_bytes();
    let mut pieces: Vec<(usize, &[u8])> = Vec::new(); // (zeros, chars), right to left
    let mut remaining = bytes.len() as isize;
    let mut min_width = min_width as isize;
    let mut end = bytes.len();
    loop {
        let l = (group as isize).min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        pieces.push((n_zeros, &bytes[end - n_chars..end]));
        end -= n_chars;
        remaining -= n_chars as isize;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / group + 4);
    for (i, (zeros, chars)) in pieces.iter().rev().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        for _ in 0..*zeros {
            out.push('0');
        }
        push_ascii(&mut out, chars);
    }
    out
}

pub(super) fn push_fill(out: &mut String, fill: char, count: usize) {
    for _ in 0..count {
        out.push(fill);
    }
}

/// Lays out a number as CPython's `calc_number_widths` + `fill_number`.
pub(super) fn layout_number(parts: &NumberParts<'_>, spec: &FormatSpec, group: usize) -> String {
    let (fill, align) = resolve_number_layout(spec);
    let sign = if parts.negative {
        Some('-')
    } else {
        match spec.sign {
            Some('+') => Some('+'),
            Some(' ') => Some(' '),
            _ => None,
        }
    };
    let width = spec.width.unwrap_or(0);
    let n_sign = sign.is_some() as usize;
    let n_prefix = parts.prefix.chars().count();
    let n_rest = parts.rest.chars().count();
    let body = match spec.grouping {
        // No digits (inf, nan, %c): nothing to group, padding stays ordinary fill.
        Some(sep) if !parts.digits.is_empty() => {
            let min_width = if fill == '0' && align == '=' {
                width.saturating_sub(n_sign + n_prefix + n_rest)
            } else {
                0
            };
            group_digits(parts.digits, sep, group, min_width)
        }
        _ => parts.digits.to_string(),
    };
    let total = n_sign + n_prefix + body.chars().count() + n_rest;
    let padding = width.saturating_sub(total);
    let (left, middle, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(total + padding);
    push_fill(&mut out, fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, fill, middle);
    out.push_str(&body);
    out.push_str(parts.rest);
    push_fill(&mut out, fill, right);
    out
}

/// Pads `text` (already complete) to the spec's width with its fill and alignment;
/// `default_align` applies when none was given.
pub(super) fn pad_text(text: &str, spec: &FormatSpec, fill: char, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let padding = width - len;
    let (left, right) = match spec.align.unwrap_or(default_align) {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::with_capacity(text.len() + padding * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    out
}
