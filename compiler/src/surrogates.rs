//! String literals holding lone surrogates (`"\ud800"`). The parser decodes a surrogate
//! escape to U+FFFD, so such a literal's value is rebuilt from its source: each U+FFFD of the
//! parsed value is matched, in order, with the construct of the source that produced it (a
//! surrogate escape, a `\ufffd`-style escape or a U+FFFD character), and the surrogates are
//! put back. The result is a wide str constant (`permafrost_image::wide`).

use permafrost_image::wide::push_code_point;
use ruff_python_ast as ast;

/// A string literal's value as wide bytes when its source spells a lone surrogate.
pub fn wide_literal(source: &str, lit: &ast::ExprStringLiteral) -> Option<Vec<u8>> {
    let mut origins = Vec::new();
    let mut any = false;
    for part in lit.value.iter() {
        let text = source.get(part.range.start().to_usize()..part.range.end().to_usize())?;
        scan(text, part.flags.prefix().is_raw(), &mut origins, &mut any);
    }
    if !any {
        return None;
    }
    let mut out = Vec::new();
    let mut next = origins.into_iter();
    for c in lit.value.to_str().chars() {
        let cp = if c == '\u{fffd}' {
            next.next().unwrap_or(0xFFFD)
        } else {
            c as u32
        };
        push_code_point(&mut out, cp);
    }
    Some(out)
}

/// Where the source of a (non-raw) literal spells its first surrogate escape.
pub fn surrogate_escape_at(text: &str) -> Option<usize> {
    let mut at = None;
    scan_at(text, false, &mut Vec::new(), &mut at);
    at
}

/// Notes, in order, what each U+FFFD of the literal `text` (prefix and quotes included)
/// decodes from: the surrogate an escape names, or U+FFFD itself.
fn scan(text: &str, raw: bool, origins: &mut Vec<u32>, any: &mut bool) {
    let mut at = None;
    scan_at(text, raw, origins, &mut at);
    *any |= at.is_some();
}

/// [`scan`], noting the byte offset of the first surrogate escape.
fn scan_at(text: &str, raw: bool, origins: &mut Vec<u32>, first: &mut Option<usize>) {
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\u{fffd}' {
            origins.push(0xFFFD);
            continue;
        }
        if c != '\\' || raw {
            continue;
        }
        let Some((_, e)) = it.next() else { break };
        let digits = match e {
            'u' => 4,
            'U' => 8,
            'N' => {
                let rest = &text[i + 2..];
                if let Some(end) = rest.find('}') {
                    let name = rest.get(1..end).unwrap_or("");
                    if name.eq_ignore_ascii_case("REPLACEMENT CHARACTER") {
                        origins.push(0xFFFD);
                    }
                    for _ in 0..rest[..=end].chars().count() {
                        it.next();
                    }
                }
                continue;
            }
            // An unknown escape keeps its character, U+FFFD included.
            '\u{fffd}' => {
                origins.push(0xFFFD);
                continue;
            }
            _ => continue,
        };
        let hex = text.get(i + 2..i + 2 + digits).unwrap_or("");
        if let Ok(cp) = u32::from_str_radix(hex, 16) {
            if (0xD800..=0xDFFF).contains(&cp) {
                origins.push(cp);
                first.get_or_insert(i);
            } else if cp == 0xFFFD {
                origins.push(0xFFFD);
            }
            for _ in 0..digits {
                it.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_surrogate_escapes_only() {
        assert_eq!(surrogate_escape_at(r#""\ud800""#), Some(1));
        assert_eq!(surrogate_escape_at(r#""a\U0000DFFF""#), Some(2));
        assert_eq!(surrogate_escape_at(r#""\\ud800""#), None);
        assert_eq!(surrogate_escape_at(r#""\ufffd\N{EM DASH}""#), None);
    }
}
