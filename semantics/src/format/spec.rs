//! The format-spec mini-language and its parser.

use crate::error::{LibError, LibResult};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields hold what was written; defaults that depend on the value's type (alignment, the
/// meaning of the `0` flag) are resolved by the `format_*` functions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, if given together with an alignment.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`, if given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag before the width (only recognised when no fill was given).
    pub zero_pad: bool,
    /// Minimum width in code points, if given.
    pub width: Option<usize>,
    /// `,` or `_`, if given.
    pub grouping: Option<char>,
    /// Precision, if given.
    pub precision: Option<usize>,
    /// The presentation type, if given.
    pub kind: Option<char>,
    /// The type name of the value being formatted, for error messages (`int`, `float`...).
    pub type_name: String,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a decimal integer (any Unicode decimal digits, as CPython) at `chars[*pos..]`;
/// returns how many digits were consumed.
fn read_integer(chars: &[char], pos: &mut usize, value: &mut usize) -> LibResult<usize> {
    let mut consumed = 0;
    let mut acc: usize = 0;
    while let Some(&c) = chars.get(*pos) {
        let Some(d) = crate::text::decimal_value(c) else {
            break;
        };
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| LibError::value("Too many decimal digits in format string"))?;
        *pos += 1;
        consumed += 1;
    }
    *value = acc;
    Ok(consumed)
}

/// A format code as CPython quotes it in errors: itself if in 33..128, else `\xNN`.
fn printable_code(c: char) -> String {
    if (33..128).contains(&(c as u32)) {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// Parses a format spec for a value of type `type_name` (used in error messages), with
/// CPython's errors (`Invalid format specifier '...' for object of type 'int'`,
/// `Format specifier missing precision`, `Cannot specify ',' with 's'.`...).
pub fn parse_format_spec(spec: &str, type_name: &str) -> LibResult<FormatSpec> {
    let mut out = FormatSpec {
        fill: None,
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        kind: None,
        type_name: type_name.to_string(),
    };
    if spec.is_empty() {
        return Ok(out);
    }
    // Specs are short: decode into a stack buffer unless this one is unusually long.
    let mut stack = ['\0'; 24];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= stack.len() {
        let mut count = 0;
        for c in spec.chars() {
            stack[count] = c;
            count += 1;
        }
        &stack[..count]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let end = chars.len();
    let mut pos = 0;
    if end >= 2 && is_align(chars[1]) {
        out.fill = Some(chars[0]);
        out.align = Some(chars[1]);
        pos = 2;
    } else if is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && chars[pos] == '0' {
        out.zero_pad = true;
        pos += 1;
    }
    let mut width = 0;
    if read_integer(chars, &mut pos, &mut width)? > 0 {
        out.width = Some(width);
    }
    let both = || LibError::value("Cannot specify both ',' and '_'.");
    if pos < end && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let mut precision = 0;
        if read_integer(chars, &mut pos, &mut precision)? == 0 {
            return Err(LibError::value("Format specifier missing precision"));
        }
        out.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(LibError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < end {
        out.kind = Some(chars[pos]);
    }
    if let Some(sep) = out.grouping {
        match out.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(k) => {
                return Err(LibError::value(format!(
                    "Cannot specify '{sep}' with '{}'.",
                    printable_code(k)
                )))
            }
        }
    }
    Ok(out)
}

pub(super) fn unknown_code(code: char, type_name: &str) -> LibError {
    LibError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        printable_code(code)
    ))
}
