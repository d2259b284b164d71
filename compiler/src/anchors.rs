//! The caret anchors of a traceback line: for a failing binary operation or subscript,
//! which part of the highlighted source segment is the operator or the brackets (CPython
//! 3.11's `extract_anchors_from_expr`, over the same parse of the segment alone).

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// Whitespace as the traceback printer counts it.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// `(left, right)` byte offsets within `segment` of the secondary (`^`) range, when the
/// segment parses as one expression statement that is a binary operation or a subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let [Stmt::Expr(stmt)] = &parsed.suite()[..] else {
        return None;
    };
    let s = segment.as_bytes();
    match stmt.value.as_ref() {
        Expr::BinOp(b) => {
            let from = b.left.end().to_usize();
            let to = b.right.start().to_usize().min(s.len());
            let mut anchors = None;
            let mut i = from;
            while i < to {
                if is_ws(s[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                // A two-character operator (`//`, `**`, `<<`).
                if i + 1 < to && !is_ws(s[i + 1]) {
                    right += 1;
                }
                anchors = Some((i, right));
                // A closing parenthesis of the left operand is not the operator.
                if i + 1 < to && s[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            anchors
        }
        Expr::Subscript(sub) => {
            let mut left = sub.value.end().to_usize();
            let mut right = sub.slice.end().to_usize() + 1;
            while left < s.len() && s[left] != b'[' {
                left += 1;
            }
            while right < s.len() && s[right] != b']' {
                right += 1;
            }
            if right < s.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn operators_and_brackets() {
        assert_eq!(caret_anchors("a + b"), Some((2, 3)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("(a) * b"), Some((4, 5)));
        assert_eq!(caret_anchors("x[1]"), Some((1, 4)));
        assert_eq!(caret_anchors("x [ 1 ] "), Some((2, 7)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a +"), None);
        assert_eq!(caret_anchors("a = b + c"), None);
    }
}
