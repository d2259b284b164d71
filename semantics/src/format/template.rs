//! Parsing `str.format` templates into literal text and replacement fields, with
//! CPython's errors in CPython's order.

use crate::error::{LibError, LibResult};
use crate::text::decimal_value;

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
    /// `{0}`, or the next automatic number for `{}`.
    Index(usize),
    /// `{name}`: a keyword argument.
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
    /// Which argument.
    pub arg: FieldArg,
    /// The `.attr` and `[key]` parts applied to it, in order.
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
    /// A parser over the format string `template`.
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
