//! The disassembler behind `permafrost dis`: every code object's `co_*` fields and its
//! instructions with line numbers, in the spirit of CPython's `dis` (offset = index * 4,
//! opname, argument, and in parentheses what the argument means), as text or as JSON.
//! Constants are shown as their Python `repr`.

use crate::model::Origin;
use crate::opcode::{decode, flags, ArgKind, BinaryOp, CompareOp, Opcode};
use crate::reader::{CodeView, ConstView, Image, StrList};
use serde_json::{json, Value};
use std::fmt::Write;

/// Every code object's co_* fields and its disassembly with line numbers, as text.
pub fn render_text(image: &Image<'_>) -> String {
    let mut out = String::new();
    for m in 0..image.module_count() {
        let module = image.module(m);
        let _ = writeln!(
            out,
            "module {} -> code object {}{}{} ({}, {})",
            module.name,
            module.code,
            if m == 0 { " (main)" } else { "" },
            if module.package { " (package)" } else { "" },
            module.origin.as_str(),
            module.file
        );
    }
    for a in 0..image.absent_count() {
        let _ = writeln!(out, "module {} absent", image.absent_module(a));
    }
    for index in 0..image.code_count() {
        let code = image.code(index);
        out.push('\n');
        render_code_text(image, &code, &mut out);
    }
    out
}

fn render_code_text(image: &Image<'_>, code: &CodeView<'_>, out: &mut String) {
    let _ = writeln!(
        out,
        "Code object {} {} (file \"{}\", line {}):",
        code.index(),
        code.qualname(),
        code.filename().as_str(),
        code.firstlineno()
    );
    let field = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(out, "  {:<20}{}", format!("{name}:"), value);
    };
    field(out, "co_name", code.name().as_str());
    field(out, "co_qualname", code.qualname().as_str());
    field(out, "co_filename", code.filename().as_str());
    field(out, "co_firstlineno", &code.firstlineno().to_string());
    field(out, "co_argcount", &code.argcount().to_string());
    field(
        out,
        "co_posonlyargcount",
        &code.posonlyargcount().to_string(),
    );
    field(out, "co_kwonlyargcount", &code.kwonlyargcount().to_string());
    field(
        out,
        "co_flags",
        &format!("0x{:08x} ({})", code.flags(), flag_names(code.flags())),
    );
    field(out, "co_stacksize", &code.stacksize().to_string());
    let consts: Vec<String> = code
        .consts()
        .iter()
        .map(|c| const_repr_in(image, c))
        .collect();
    field(out, "co_consts", &tuple_repr(&consts));
    for (name, list) in [
        ("co_names", code.names()),
        ("co_varnames", code.varnames()),
        ("co_freevars", code.freevars()),
        ("co_cellvars", code.cellvars()),
    ] {
        field(out, name, &tuple_repr(&str_reprs(list)));
    }
    if !code.exceptiontable().is_empty() {
        let _ = writeln!(out, "  co_exceptiontable:");
        for e in code.exceptiontable() {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [{}]",
                e.start * 4,
                e.end * 4,
                e.handler * 4,
                e.depth
            );
        }
    }
    let _ = writeln!(out, "  Disassembly:");
    let targets = jump_targets(code);
    let mut prev_line = None;
    for (i, &word) in code.code().iter().enumerate() {
        let line = code.line_of(i as u32);
        let line_col = if prev_line != Some(line) {
            if prev_line.is_some() {
                out.push('\n');
            }
            prev_line = Some(line);
            line.to_string()
        } else {
            String::new()
        };
        let marker = if targets[i] { ">>" } else { "" };
        let (byte, arg) = decode(word);
        let Some(op) = Opcode::from_u8(byte) else {
            // A validated image holds no unknown opcodes.
            continue;
        };
        let _ = write!(
            out,
            "  {line_col:>4} {marker:>3} {:>6} {:<24}",
            i * 4,
            op.name()
        );
        if op.arg_kind() != ArgKind::None {
            let _ = write!(out, " {arg:>4}");
            let meaning = arg_meaning(image, code, op, arg);
            if !meaning.is_empty() {
                let _ = write!(out, " ({meaning})");
            }
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
}

/// A JSON list with one object per code object, keyed by the co_* names.
pub fn render_json(image: &Image<'_>) -> Value {
    let codes: Vec<Value> = (0..image.code_count())
        .map(|i| code_json(image, &image.code(i)))
        .collect();
    Value::Array(codes)
}

/// [`render_json`] limited to the code objects of the program's own modules (origin `app`),
/// in image order: what a reader of one program wants, without the standard library's
/// thousands of code objects.
pub fn render_json_app(image: &Image<'_>) -> Value {
    let mut keep = vec![false; image.code_count() as usize];
    for m in 0..image.module_count() {
        let module = image.module(m);
        // The imported copy of the main module repeats its code objects.
        if module.origin == Origin::App
            && !module
                .name
                .as_str()
                .ends_with(crate::model::IMPORTED_MAIN_SUFFIX)
        {
            for c in module_codes(image, m) {
                keep[c as usize] = true;
            }
        }
    }
    let codes: Vec<Value> = (0..image.code_count())
        .filter(|&i| keep[i as usize])
        .map(|i| code_json(image, &image.code(i)))
        .collect();
    Value::Array(codes)
}

fn code_json(image: &Image<'_>, code: &CodeView<'_>) -> Value {
    let targets = jump_targets(code);
    let instructions: Vec<Value> = code
        .code()
        .iter()
        .enumerate()
        .filter_map(|(i, &word)| {
            let (byte, arg) = decode(word);
            let op = Opcode::from_u8(byte)?;
            let has_arg = op.arg_kind() != ArgKind::None;
            Some(json!({
                "offset": i * 4,
                "opcode": byte,
                "opname": op.name(),
                "arg": if has_arg { json!(arg) } else { Value::Null },
                "argrepr": if has_arg { arg_meaning(image, code, op, arg) } else { String::new() },
                "line": code.line_of(i as u32),
                "is_jump_target": targets[i],
            }))
        })
        .collect();
    let len = code.code().len() as u32;
    let table = code.linetable();
    let mut lines: Vec<Value> = Vec::new();
    let first_start = table.first().map_or(len, |e| e.start);
    if first_start > 0 {
        lines.push(json!([0, first_start * 4, code.firstlineno()]));
    }
    for (k, e) in table.iter().enumerate() {
        let end = table.get(k + 1).map_or(len, |n| n.start);
        if end > e.start {
            lines.push(json!([e.start * 4, end * 4, e.line]));
        }
    }
    let exc: Vec<Value> = code
        .exceptiontable()
        .iter()
        .map(|e| {
            json!({"start": e.start * 4, "end": e.end * 4, "target": e.handler * 4, "depth": e.depth})
        })
        .collect();
    let hex: String = code.code_bytes().iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    json!({
        "index": code.index(),
        "co_name": code.name().as_str(),
        "co_qualname": code.qualname().as_str(),
        "co_filename": code.filename().as_str(),
        "co_firstlineno": code.firstlineno(),
        "co_argcount": code.argcount(),
        "co_posonlyargcount": code.posonlyargcount(),
        "co_kwonlyargcount": code.kwonlyargcount(),
        "co_flags": code.flags(),
        "co_stacksize": code.stacksize(),
        "co_consts": code.consts().iter().map(|c| const_repr_in(image, c)).collect::<Vec<_>>(),
        "co_names": str_values(code.names()),
        "co_varnames": str_values(code.varnames()),
        "co_freevars": str_values(code.freevars()),
        "co_cellvars": str_values(code.cellvars()),
        "co_code": hex,
        "co_lines": lines,
        "co_exceptiontable": exc,
        "instructions": instructions,
    })
}

fn str_values(list: StrList<'_>) -> Vec<Value> {
    list.iter().map(|s| Value::from(s.as_str())).collect()
}

fn str_reprs(list: StrList<'_>) -> Vec<String> {
    list.iter().map(|s| str_repr(s.as_str())).collect()
}

/// Which instructions some jump or exception handler targets.
fn jump_targets(code: &CodeView<'_>) -> Vec<bool> {
    let words = code.code();
    let mut targets = vec![false; words.len()];
    for &word in words {
        let (byte, arg) = decode(word);
        if Opcode::from_u8(byte).is_some_and(|op| op.arg_kind() == ArgKind::Jump) {
            if let Some(t) = targets.get_mut(arg as usize) {
                *t = true;
            }
        }
    }
    for e in code.exceptiontable() {
        if let Some(t) = targets.get_mut(e.handler as usize) {
            *t = true;
        }
    }
    targets
}

/// What an argument means, for the parenthesised column.
fn arg_meaning(image: &Image<'_>, code: &CodeView<'_>, op: Opcode, arg: u32) -> String {
    let index = arg as usize;
    let str_at = |list: StrList<'_>, i: usize| {
        if i < list.len() {
            list.get(i).as_str().to_string()
        } else {
            format!("<{i} out of range>")
        }
    };
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => {
            let consts = code.consts();
            if index < consts.len() {
                const_repr_in(image, consts.get(index))
            } else {
                format!("<{index} out of range>")
            }
        }
        ArgKind::Name => str_at(code.names(), index),
        ArgKind::Local => str_at(code.varnames(), index),
        ArgKind::Deref => {
            let cells = code.cellvars();
            if index < cells.len() {
                cells.get(index).as_str().to_string()
            } else {
                str_at(code.freevars(), index - cells.len())
            }
        }
        ArgKind::Jump => format!("to {}", index * 4),
        ArgKind::Count => match op {
            Opcode::UNPACK_EX => format!("{} before, {} after", arg & 0xff, arg >> 8),
            _ => String::new(),
        },
        ArgKind::Selector(_) => selector_meaning(op, arg),
    }
}

fn selector_meaning(op: Opcode, arg: u32) -> String {
    match op {
        Opcode::BINARY_OP => {
            let symbol = match BinaryOp::from_arg(arg) {
                Some(BinaryOp::Pow) => "**",
                Some(b) => b.symbol(),
                None => "?",
            };
            if arg & BinaryOp::INPLACE != 0 {
                format!("{symbol}=")
            } else {
                symbol.to_string()
            }
        }
        Opcode::COMPARE_OP => CompareOp::from_arg(arg).map_or("?", |c| c.symbol()).into(),
        Opcode::IS_OP => if arg == 0 { "is" } else { "is not" }.into(),
        Opcode::CONTAINS_OP => if arg == 0 { "in" } else { "not in" }.into(),
        Opcode::FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conv, arg & 4 != 0) {
                ("", true) => "with format".into(),
                (c, true) => format!("{c}, with format"),
                (c, false) => c.into(),
            }
        }
        Opcode::MAKE_FUNCTION => {
            let parts: Vec<&str> = [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ]
            .iter()
            .filter(|(bit, _)| arg & bit != 0)
            .map(|(_, n)| *n)
            .collect();
            parts.join(", ")
        }
        Opcode::RAISE_VARARGS => match arg {
            0 => "reraise",
            1 => "exception instance",
            _ => "exception instance with __cause__",
        }
        .into(),
        Opcode::CALL_EX => if arg & 1 != 0 { "with kwargs" } else { "" }.into(),
        _ => String::new(),
    }
}

fn flag_names(bits: u32) -> String {
    let names = [
        (flags::CO_OPTIMIZED, "OPTIMIZED"),
        (flags::CO_NEWLOCALS, "NEWLOCALS"),
        (flags::CO_VARARGS, "VARARGS"),
        (flags::CO_VARKEYWORDS, "VARKEYWORDS"),
        (flags::CO_NESTED, "NESTED"),
        (flags::CO_GENERATOR, "GENERATOR"),
        (flags::CO_NOFREE, "NOFREE"),
    ];
    let mut parts: Vec<String> = names
        .iter()
        .filter(|(b, _)| bits & b != 0)
        .map(|(_, n)| n.to_string())
        .collect();
    let known = names.iter().fold(0, |acc, (b, _)| acc | b);
    if bits & !known != 0 {
        parts.push(format!("0x{:x}", bits & !known));
    }
    parts.join(", ")
}

fn tuple_repr(items: &[String]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    }
}

/// Python's `repr` of a constant; a code object shows as CPython shows it, with the image's
/// index in place of an address.
pub fn const_repr_in(image: &Image<'_>, c: ConstView<'_>) -> String {
    match c {
        ConstView::Code(i) if i < image.code_count() => {
            let code = image.code(i);
            format!(
                "<code object {} at #{i}, file \"{}\", line {}>",
                code.name(),
                code.filename().as_str(),
                code.firstlineno()
            )
        }
        ConstView::Tuple(items) => {
            let reprs: Vec<String> = items.iter().map(|c| const_repr_in(image, c)).collect();
            tuple_repr(&reprs)
        }
        other => const_repr(other),
    }
}

/// Python's `repr` of a constant, without an image to name code objects from.
pub fn const_repr(c: ConstView<'_>) -> String {
    match c {
        ConstView::None => "None".into(),
        ConstView::Bool(b) => if b { "True" } else { "False" }.into(),
        ConstView::Int(i) => i.to_string(),
        ConstView::BigInt {
            negative,
            magnitude_le,
        } => {
            let digits = decimal_digits(magnitude_le);
            if negative {
                format!("-{digits}")
            } else {
                digits
            }
        }
        ConstView::Float(f) => float_repr(f),
        ConstView::Str(s) => str_repr(s.as_str()),
        ConstView::Bytes(b) => bytes_repr(b.as_bytes()),
        ConstView::Tuple(items) => {
            let reprs: Vec<String> = items.iter().map(const_repr).collect();
            tuple_repr(&reprs)
        }
        ConstView::Code(i) => format!("<code object #{i}>"),
        ConstView::Ellipsis => "Ellipsis".into(),
        ConstView::Complex(re, im) => complex_repr(re, im),
        ConstView::WideStr(b) => wide_repr(b),
    }
}

/// Python's `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |f: f64| {
        let r = float_repr(f);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let imag = part(im);
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part(re))
}

/// Decimal digits of a little-endian base-256 magnitude.
fn decimal_digits(magnitude_le: &[u8]) -> String {
    // Big-endian base-2^32 limbs, divided by 10^9 repeatedly.
    let mut limbs: Vec<u32> = magnitude_le
        .chunks(4)
        .rev()
        .map(|c| {
            let mut le = [0u8; 4];
            le[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(le)
        })
        .collect();
    let mut chunks: Vec<u32> = Vec::new();
    while limbs.iter().any(|&l| l != 0) {
        let mut rem: u64 = 0;
        for limb in limbs.iter_mut() {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while limbs.first() == Some(&0) {
            limbs.remove(0);
        }
    }
    let mut s = match chunks.pop() {
        Some(top) => top.to_string(),
        None => return "0".into(),
    };
    for c in chunks.iter().rev() {
        let _ = write!(s, "{c:09}");
    }
    s
}

/// Python's `repr` of a float: shortest round-trip digits, scientific notation when the
/// exponent is below -4 or at least 16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if f < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mantissa}e{exp_sign}{:02}", exp.abs());
    }
    if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = exp as usize + 1;
    if digits.len() <= point {
        format!("{sign}{digits}{}.0", "0".repeat(point - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..point], &digits[point..])
    }
}

/// The repr of a wide str constant (its surrogates as `\udXXX`), for listings.
fn wide_repr(b: &[u8]) -> String {
    let mut out = String::from("'");
    let mut start = 0;
    let mut i = 0;
    let text = |bytes: &[u8]| {
        let r = str_repr(std::str::from_utf8(bytes).unwrap_or("\u{fffd}"));
        let inner = &r[1..r.len() - 1];
        if r.starts_with('"') {
            inner.replace('\'', "\\'")
        } else {
            inner.to_string()
        }
    };
    while i < b.len() {
        if b[i] == 0xED && b.get(i + 1).is_some_and(|&c| c >= 0xA0) && i + 2 < b.len() {
            out.push_str(&text(&b[start..i]));
            let cp = 0xD000 | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            let _ = write!(out, "\\u{cp:04x}");
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text(&b[start..]));
    out.push('\'');
    out
}

/// Python's `repr` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() || c == '\u{ad}' => {
                if (c as u32) <= 0xffff {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(q as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// The code objects reachable from module `index`'s top level through code constants, its
/// own top level first.
pub fn module_codes(image: &Image<'_>, index: u32) -> Vec<u32> {
    let mut seen = vec![false; image.code_count() as usize];
    let mut out = Vec::new();
    let mut stack = vec![image.module(index).code];
    // Explicit stacks: validated constant graphs are finite trees, but may be deep.
    while let Some(code) = stack.pop() {
        if std::mem::replace(&mut seen[code as usize], true) {
            continue;
        }
        out.push(code);
        let mut consts: Vec<ConstView<'_>> = image.code(code).consts().iter().collect();
        while let Some(c) = consts.pop() {
            match c {
                ConstView::Code(i) => stack.push(i),
                ConstView::Tuple(items) => consts.extend(items.iter()),
                _ => {}
            }
        }
    }
    out
}

/// Bytes a code object occupies in the image: its record, instructions, tables, constant
/// slots and name lists (strings are shared, so not counted).
pub fn code_size(code: &CodeView<'_>) -> usize {
    crate::layout::CODE_RECORD_LEN
        + code.code().len() * 4
        + code.linetable().len() * 8
        + code.exceptiontable().len() * 16
        + code.consts().len() * crate::layout::SLOT_LEN
        + 4 * (code.names().len()
            + code.varnames().len()
            + code.freevars().len()
            + code.cellvars().len())
}

/// `permafrost dis --modules`: one line per module (name, origin, source path, code objects
/// and their bytes), then the absent modules.
pub fn render_modules(image: &Image<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<32} {:<7} {:>6} {:>9}  file",
        "module", "origin", "codes", "bytes"
    );
    for m in 0..image.module_count() {
        let module = image.module(m);
        let codes = module_codes(image, m);
        let bytes: usize = codes.iter().map(|&c| code_size(&image.code(c))).sum();
        let name = if module.package {
            format!("{} (package)", module.name)
        } else {
            module.name.to_string()
        };
        let _ = writeln!(
            out,
            "{:<32} {:<7} {:>6} {:>9}  {}",
            name,
            module.origin.as_str(),
            codes.len(),
            bytes,
            module.file
        );
    }
    for a in 0..image.absent_count() {
        let _ = writeln!(out, "{:<32} absent", image.absent_module(a));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1.5e300), "1.5e+300");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(100.0), "100.0");
    }

    #[test]
    fn strings_and_bytes_print_like_python() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there\n\x01é"), "'tab\\there\\n\\x01é'");
        assert_eq!(bytes_repr(b"a\x00'"), "b\"a\\x00'\"");
    }

    #[test]
    fn big_ints_print_in_decimal() {
        // 2**64 = 18446744073709551616
        assert_eq!(
            decimal_digits(&[0, 0, 0, 0, 0, 0, 0, 0, 1]),
            "18446744073709551616"
        );
        assert_eq!(decimal_digits(&[0xff; 8]), "18446744073709551615");
        assert_eq!(decimal_digits(&[]), "0");
    }
}
