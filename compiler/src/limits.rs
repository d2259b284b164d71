//! The nesting limits of CPython's tokenizer, which the parser used here does not have: at most
//! 200 open brackets (`SyntaxError: too many nested parentheses`) and fewer than 100 indentation
//! levels (`IndentationError: too many levels of indentation`). Checked over the parsed
//! module's tokens, so a program CPython refuses is refused here too, at the same place.

use crate::error::{CompileError, SourceMap};
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::Ranged;

/// CPython's `MAXLEVEL`: open brackets allowed at once.
const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`: indentation levels, counting the module's own.
const MAX_INDENTS: usize = 100;

/// The first place `tokens` go past either limit.
pub(crate) fn check(src: &SourceMap, tokens: &Tokens) -> Result<(), CompileError> {
    let (mut brackets, mut indents) = (0usize, 0usize);
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                if brackets >= MAX_BRACKETS {
                    return Err(src.parse_error(t.range(), "too many nested parentheses"));
                }
                brackets += 1;
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                brackets = brackets.saturating_sub(1)
            }
            TokenKind::Indent => {
                indents += 1;
                if indents >= MAX_INDENTS {
                    return Err(src.parse_error(t.range(), "too many levels of indentation"));
                }
            }
            TokenKind::Dedent => indents = indents.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
