//! Source positions and compile errors: turns parser byte offsets into the 1-based
//! `line:col` pairs every diagnostic and the line table use.

use permafrost_image::Position;
use ruff_python_ast::Expr;
use ruff_source_file::LineIndex;
use ruff_text_size::{TextRange, TextSize};
use std::fmt;

/// A source error at a position, printed as `file:line:col: message` (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The source file's name, as given to the compiler.
    pub file: String,
    /// 1-based line of the error.
    pub line: u32,
    /// 1-based column of the error, in characters.
    pub col: u32,
    /// What is wrong, in Python's words where Python has them.
    pub message: String,
    /// 1-based line and column just past the offending text, where known.
    pub end: Option<(u32, u32)>,
    /// Found by the parser (CPython's `SyntaxError.text` is the line then; errors found
    /// while compiling read it from the file, which `compile()`'s source has none of).
    pub from_parser: bool,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for CompileError {}

/// One source file's text with its line index, for mapping offsets to positions.
pub struct SourceMap<'s> {
    pub file: &'s str,
    pub source: &'s str,
    index: LineIndex,
    /// Offsets are not into `source` but encode a node tree's own positions (`compile()` of
    /// an `ast` tree): see [`SourceMap::encode`].
    synthetic: bool,
}

/// Bits of a synthetic offset that hold the column (the line is above them).
const COL_BITS: u32 = 12;

impl<'s> SourceMap<'s> {
    pub fn new(file: &'s str, source: &'s str) -> Self {
        SourceMap {
            file,
            source,
            index: LineIndex::from_source_text(source),
            synthetic: false,
        }
    }

    /// A map for a tree that has positions but no text: offsets made by [`Self::encode`].
    /// Whether offsets encode a node tree's positions rather than point into `source`.
    pub fn is_synthetic(&self) -> bool {
        self.synthetic
    }

    pub fn synthetic(file: &'s str) -> Self {
        SourceMap {
            file,
            source: "",
            index: LineIndex::from_source_text(""),
            synthetic: true,
        }
    }

    /// The offset standing for `(line, col)` in a synthetic map (lines beyond 2^20 and
    /// columns beyond 4095 are clamped).
    pub fn encode(line: u32, col: u32) -> TextSize {
        let line = line.min((1 << (32 - COL_BITS)) - 1);
        TextSize::new((line << COL_BITS) | col.min((1 << COL_BITS) - 1))
    }

    fn decode(offset: TextSize) -> (u32, u32) {
        let o = u32::from(offset);
        (o >> COL_BITS, o & ((1 << COL_BITS) - 1))
    }

    /// Clamps an offset into the text so lookups never go out of bounds (parser error
    /// ranges may point at the end of the input).
    fn clamp(&self, offset: TextSize) -> TextSize {
        let len = TextSize::try_from(self.source.len()).unwrap_or(TextSize::new(u32::MAX));
        offset.min(len)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: TextSize) -> u32 {
        if self.synthetic {
            return Self::decode(offset).0;
        }
        let line = self.index.line_index(self.clamp(offset)).get();
        u32::try_from(line).unwrap_or(u32::MAX)
    }

    /// The span CPython's `co_positions()` gives a node covering `range`: lines, and columns
    /// as UTF-8 byte offsets within their lines.
    pub fn position(&self, range: TextRange) -> Position {
        if self.synthetic {
            let (line, col) = Self::decode(range.start());
            let (end_line, end_col) = Self::decode(range.end());
            return Position {
                line,
                end_line: end_line.max(line),
                col: Some(col),
                end_col: Some(end_col),
            };
        }
        let start = self.clamp(range.start());
        let end = self.clamp(range.end());
        let at = |offset: TextSize| {
            let line = self.index.line_index(offset);
            let col = offset - self.index.line_start(line, self.source);
            (
                u32::try_from(line.get()).unwrap_or(u32::MAX),
                u32::from(col),
            )
        };
        let (line, col) = at(start);
        let (end_line, end_col) = at(end);
        Position {
            line,
            end_line: end_line.max(line),
            col: Some(col),
            end_col: Some(end_col),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        if self.synthetic {
            let (line, col) = Self::decode(offset);
            return (line, col + 1);
        }
        let mut offset = self.clamp(offset);
        // Step back to a char boundary: an offset inside a multi-byte character would make the
        // column lookup panic.
        while !self.source.is_char_boundary(offset.to_usize()) && offset > TextSize::new(0) {
            offset -= TextSize::new(1);
        }
        let lc = self.index.line_column(offset, self.source);
        (
            u32::try_from(lc.line.get()).unwrap_or(u32::MAX),
            u32::try_from(lc.column.get()).unwrap_or(u32::MAX),
        )
    }

    /// An error at `offset` with the message as given.
    pub fn error(&self, offset: TextSize, message: impl Into<String>) -> CompileError {
        let (line, col) = self.line_col(offset);
        CompileError {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
            end: None,
            from_parser: false,
        }
    }

    /// A `SyntaxError` over `range` (its end is the error's `end_lineno`/`end_offset`).
    pub fn syntax_error_over(&self, range: TextRange, message: impl fmt::Display) -> CompileError {
        let mut e = self.syntax_error(range.start(), message);
        let (line, col) = self.line_col(range.end());
        e.end = Some((line, col));
        e
    }

    /// A `SyntaxError` the parser reported over `range`, in CPython's words where the
    /// parser's differ (an invalid target is named by its kind of expression).
    pub fn parse_error(&self, range: TextRange, message: impl fmt::Display) -> CompileError {
        let message = message.to_string();
        let message = self
            .invalid_target_message(range, &message)
            .unwrap_or(message);
        let mut e = self.syntax_error_over(range, message);
        e.from_parser = true;
        e
    }

    /// CPython's message for an invalid assignment, augmented-assignment or `del` target.
    fn invalid_target_message(&self, range: TextRange, message: &str) -> Option<String> {
        let text = self
            .source
            .get(range.start().to_usize()..range.end().to_usize())?;
        // `yield` and `a := 1` parse only inside parentheses.
        let expr = ruff_python_parser::parse_expression(text)
            .or_else(|_| ruff_python_parser::parse_expression(&format!("({text})")))
            .ok()?
            .into_expr();
        let kind = expr_kind_name(&expr);
        match message {
            "Invalid delete target" => Some(format!("cannot delete {kind}")),
            "Invalid augmented assignment target" => Some(format!(
                "'{kind}' is an illegal expression for augmented assignment"
            )),
            "Invalid assignment target" => {
                let rest = self.source.get(range.end().to_usize()..)?;
                let after = rest.trim_start_matches([' ', '\t', ')']);
                let assigned = after.starts_with('=') && !after.starts_with("==");
                if kind == "yield expression" && assigned {
                    return Some("assignment to yield expression not possible".into());
                }
                // CPython's named-expression rule catches `operand = value` with an operand
                // that is no comparison, `not`, lambda, conditional, display or constant name.
                let line_rest = after.get(1..).unwrap_or("").lines().next().unwrap_or("");
                let chained = line_rest.char_indices().any(|(i, c)| {
                    c == '='
                        && !line_rest[..i].ends_with(['=', '<', '>', '!', ':'])
                        && !line_rest[i + 1..].starts_with('=')
                });
                let not_op =
                    matches!(&expr, Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not);
                let operand = !not_op
                    && !matches!(
                        expr,
                        Expr::Compare(_)
                            | Expr::BoolOp(_)
                            | Expr::Lambda(_)
                            | Expr::If(_)
                            | Expr::Generator(_)
                            | Expr::List(_)
                            | Expr::Tuple(_)
                            | Expr::BooleanLiteral(_)
                            | Expr::NoneLiteral(_)
                            | Expr::Yield(_)
                            | Expr::YieldFrom(_)
                            | Expr::Starred(_)
                    );
                let first = self.source[..range.start().to_usize()]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.trim_matches([' ', '\t', '(']).is_empty());
                if assigned && operand && first && !chained {
                    Some(format!(
                        "cannot assign to {kind} here. Maybe you meant '==' instead of '='?"
                    ))
                } else {
                    Some(format!("cannot assign to {kind}"))
                }
            }
            _ => None,
        }
    }

    /// `file:line:col: SyntaxError: message`.
    pub fn syntax_error(&self, offset: TextSize, message: impl fmt::Display) -> CompileError {
        self.error(offset, format!("SyntaxError: {message}"))
    }

    /// `file:line:col: unsupported: what`.
    pub fn unsupported(&self, offset: TextSize, what: impl fmt::Display) -> CompileError {
        self.error(offset, format!("unsupported: {what}"))
    }
}

/// How CPython's messages name an expression (`cannot assign to function call`).
fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}
