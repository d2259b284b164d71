//! The built-in codecs' conversions (UTF-8, UTF-16, UTF-32, ASCII, Latin-1, charmap) with
//! CPython's error handlers and `UnicodeEncodeError`/`UnicodeDecodeError` positions and
//! reasons. `str.encode`, `bytes.decode` and the `_codecs` functions all run through here.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::text::wide::{self, WideBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Endian {
    Little,
    Big,
}

/// A codec the interpreter implements itself (no `encodings` module needed).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Builtin {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// `None`: with a byte order mark (written little-endian, detected when reading).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    UnicodeEscape,
    RawUnicodeEscape,
}

/// `encodings.normalize_encoding` followed by lower case: runs of characters other than
/// letters, digits and `.` become one `_`, leading and trailing ones are dropped.
pub(crate) fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// The built-in codec an encoding name (or one of its aliases in `encodings.aliases`) names.
pub(crate) fn builtin(name: &str) -> Option<Builtin> {
    // The spellings CPython's str.encode/bytes.decode recognise before normalising.
    match name {
        "utf-8" | "utf8" => return Some(Builtin::Utf8),
        "ascii" => return Some(Builtin::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => return Some(Builtin::Latin1),
        _ => {}
    }
    Some(match normalize_encoding(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Builtin::Utf8,
        "utf_8_sig" => Builtin::Utf8Sig,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Builtin::Ascii,
        "latin_1" | "latin1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859"
        | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" => {
            Builtin::Latin1
        }
        "utf_16" | "utf16" | "u16" => Builtin::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Builtin::Utf16(Some(Endian::Little)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Builtin::Utf16(Some(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Builtin::Utf32(None),
        "utf_32_le" | "utf_32le" => Builtin::Utf32(Some(Endian::Little)),
        "utf_32_be" | "utf_32be" => Builtin::Utf32(Some(Endian::Big)),
        "unicode_escape" => Builtin::UnicodeEscape,
        "raw_unicode_escape" => Builtin::RawUnicodeEscape,
        _ => return None,
    })
}

/// The codec's name in its error messages.
pub(crate) fn error_name(c: Builtin) -> &'static str {
    match c {
        Builtin::Utf8 | Builtin::Utf8Sig => "utf-8",
        Builtin::Ascii => "ascii",
        Builtin::Latin1 => "latin-1",
        Builtin::Utf16(None) => "utf-16",
        Builtin::Utf16(Some(Endian::Little)) => "utf-16-le",
        Builtin::Utf16(Some(Endian::Big)) => "utf-16-be",
        Builtin::Utf32(None) => "utf-32",
        Builtin::Utf32(Some(Endian::Little)) => "utf-32-le",
        Builtin::Utf32(Some(Endian::Big)) => "utf-32-be",
        Builtin::UnicodeEscape => "unicodeescape",
        Builtin::RawUnicodeEscape => "rawunicodeescape",
    }
}

fn bytes_value(data: &[u8]) -> Value {
    Value::obj(Object::Bytes(data.to_vec().into_boxed_slice().into()))
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with its five arguments and attributes.
pub(crate) fn unicode_error(
    vm: &Vm,
    kind: ExcKind,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::value::heap::ObjRef {
    let cls = vm.exc_class(kind);
    let e = vm.make_exc(
        &cls,
        vec![
            Vm::str_val(encoding),
            object,
            Value::Int(start as i64),
            Value::Int(end as i64),
            Vm::str_val(reason),
        ],
    );
    crate::objects::exception::init_unicode_error(&e);
    e
}

/// What a user error handler answered: the replacement and where to resume.
fn call_handler(
    vm: &mut Vm,
    errors: &str,
    exc: crate::value::heap::ObjRef,
    len: usize,
    decoding: bool,
) -> PyResult<(Value, usize)> {
    let handler = super::codecs::lookup_error_handler(vm, errors)?;
    let r = vm.call(&handler, &[Value::Obj(exc)], &[])?;
    let bad = || {
        if decoding {
            "decoding error handler must return (str, int) tuple"
        } else {
            "encoding error handler must return (str/bytes, int) tuple"
        }
    };
    let (rep, pos) = match r.body() {
        Some(Object::Tuple(t)) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        _ => return Err(vm.type_error(bad())),
    };
    let ok_rep =
        rep.as_str().is_some() || (!decoding && matches!(rep.body(), Some(Object::Bytes(_))));
    if !ok_rep {
        return Err(vm.type_error(bad()));
    }
    let pos = match pos {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        _ => return Err(vm.type_error(bad())),
    };
    let at = if pos < 0 { len as i64 + pos } else { pos };
    if at < 0 || at > len as i64 {
        return Err(vm.err(
            ExcKind::IndexError,
            format!("position {pos} from error handler out of bounds"),
        ));
    }
    Ok((rep, at as usize))
}

/// Encodes `chars[i]` into `out`; `Ok(false)` when the codec cannot.
type EncodeChar<'a> = dyn FnMut(&mut Vm, char, &mut Vec<u8>) -> PyResult<bool> + 'a;

/// The encoding loop of the codecs that can fail (ASCII, Latin-1, charmap): runs of
/// unencodable characters go to the error handler, as in CPython.
fn encode_loop(
    vm: &mut Vm,
    name: &str,
    reason: &str,
    s: &str,
    errors: &str,
    enc: &mut EncodeChar<'_>,
) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut scratch = Vec::new();
    let mut i = 0;
    let raise = |vm: &Vm, start: usize, end: usize| {
        unicode_error(
            vm,
            ExcKind::UnicodeEncodeError,
            name,
            Vm::str_val(s),
            start,
            end,
            reason,
        )
    };
    while i < chars.len() {
        if enc(vm, chars[i], &mut out)? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() {
            scratch.clear();
            if enc(vm, chars[end], &mut scratch)? {
                break;
            }
            end += 1;
        }
        let mut ascii_text = |text: String, vm: &mut Vm, out: &mut Vec<u8>| -> PyResult<bool> {
            for c in text.chars() {
                if !enc(vm, c, out)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        match errors {
            // The text holds no surrogates, so these find nothing to pass or escape.
            "strict" | "surrogateescape" | "surrogatepass" => return Err(raise(vm, i, end)),
            "ignore" => {}
            "replace" => {
                if !ascii_text("?".repeat(end - i), vm, &mut out)? {
                    return Err(raise(vm, i, end));
                }
            }
            "backslashreplace" | "xmlcharrefreplace" | "namereplace" => {
                let mut text = String::new();
                for &c in &chars[i..end] {
                    let n = c as u32;
                    let named = (errors == "namereplace")
                        .then(|| unicode_names2::name(c))
                        .flatten();
                    if let Some(name) = named {
                        text.push_str(&format!("\\N{{{name}}}"));
                    } else if errors == "xmlcharrefreplace" {
                        text.push_str(&format!("&#{n};"));
                    } else if n < 0x100 {
                        text.push_str(&format!("\\x{n:02x}"));
                    } else if n < 0x10000 {
                        text.push_str(&format!("\\u{n:04x}"));
                    } else {
                        text.push_str(&format!("\\U{n:08x}"));
                    }
                }
                if !ascii_text(text, vm, &mut out)? {
                    return Err(raise(vm, i, end));
                }
            }
            _ => {
                let exc = raise(vm, i, end);
                let (rep, at) = call_handler(vm, errors, exc, chars.len(), false)?;
                match rep.body() {
                    Some(Object::Bytes(b)) => out.extend_from_slice(b),
                    _ if rep.is_wide_str() => {
                        return Err(wide_unsupported(
                            vm,
                            "a replacement holding a lone surrogate",
                        ))
                    }
                    _ => {
                        let text = rep.as_str().unwrap_or("").to_string();
                        if !ascii_text(text, vm, &mut out)? {
                            return Err(raise(vm, i, end));
                        }
                    }
                }
                i = at;
                continue;
            }
        }
        i = end;
    }
    Ok(out)
}

fn push_unit16(out: &mut Vec<u8>, u: u16, e: Endian) {
    match e {
        Endian::Little => out.extend_from_slice(&u.to_le_bytes()),
        Endian::Big => out.extend_from_slice(&u.to_be_bytes()),
    }
}

/// `s` encoded by a built-in codec.
pub(crate) fn encode_builtin(vm: &mut Vm, c: Builtin, s: &str, errors: &str) -> PyResult<Vec<u8>> {
    Ok(match c {
        Builtin::Utf8 => s.as_bytes().to_vec(),
        Builtin::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(s.as_bytes());
            out
        }
        Builtin::Ascii | Builtin::Latin1 => {
            let (limit, reason) = if c == Builtin::Ascii {
                (0x80, "ordinal not in range(128)")
            } else {
                (0x100, "ordinal not in range(256)")
            };
            if s.chars().all(|ch| (ch as u32) < limit) {
                return Ok(s.chars().map(|ch| ch as u8).collect());
            }
            encode_loop(vm, error_name(c), reason, s, errors, &mut |_, ch, out| {
                let ok = (ch as u32) < limit;
                if ok {
                    out.push(ch as u8);
                }
                Ok(ok)
            })?
        }
        Builtin::Utf16(order) => {
            let e = order.unwrap_or(Endian::Little);
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            if order.is_none() {
                push_unit16(&mut out, 0xFEFF, e);
            }
            let mut buf = [0u16; 2];
            for ch in s.chars() {
                for &u in ch.encode_utf16(&mut buf).iter() {
                    push_unit16(&mut out, u, e);
                }
            }
            out
        }
        Builtin::Utf32(order) => {
            let e = order.unwrap_or(Endian::Little);
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let put = |out: &mut Vec<u8>, n: u32| match e {
                Endian::Little => out.extend_from_slice(&n.to_le_bytes()),
                Endian::Big => out.extend_from_slice(&n.to_be_bytes()),
            };
            if order.is_none() {
                put(&mut out, 0xFEFF);
            }
            for ch in s.chars() {
                put(&mut out, ch as u32);
            }
            out
        }
        Builtin::UnicodeEscape => permafrost_semantics::text::unicode_escape_encode(s),
        Builtin::RawUnicodeEscape => permafrost_semantics::text::raw_unicode_escape_encode(s),
    })
}

/// Hands the undecodable `data[start..end]` to the error handler; where to resume.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &mut Vm,
    name: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<usize> {
    let raise = |vm: &Vm| {
        unicode_error(
            vm,
            ExcKind::UnicodeDecodeError,
            name,
            bytes_value(data),
            start,
            end,
            reason,
        )
    };
    match errors {
        // Either would make a lone surrogate: only the UTF-8, ASCII and Latin-1 decoders
        // build wide text; these (UTF-16/32, charmaps, escapes) build a `String`, so they raise.
        "strict" | "surrogateescape" | "surrogatepass" => Err(raise(vm)),
        "ignore" => Ok(end),
        "replace" => {
            out.push('\u{fffd}');
            Ok(end)
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(end)
        }
        _ => {
            let exc = raise(vm);
            let (rep, at) = call_handler(vm, errors, exc, data.len(), true)?;
            if rep.is_wide_str() {
                return Err(wide_unsupported(
                    vm,
                    "a replacement holding a lone surrogate",
                ));
            }
            out.push_str(rep.as_str().unwrap_or(""));
            Ok(at)
        }
    }
}

fn utf8_decode(
    vm: &mut Vm,
    name: &str,
    data: &[u8],
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                pos = data.len();
            }
            Err(e) => {
                let start = pos + e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..start]).unwrap_or_default());
                let (end, reason) = match e.error_len() {
                    None if !fin => return Ok((out, start)),
                    None => (data.len(), "unexpected end of data"),
                    Some(_) if matches!(data[start], 0x80..=0xC1 | 0xF5..=0xFF) => {
                        (start + 1, "invalid start byte")
                    }
                    Some(n) => (start + n, "invalid continuation byte"),
                };
                pos = decode_error(vm, name, data, start, end, reason, errors, &mut out)?;
            }
        }
    }
    Ok((out, pos))
}

fn read16(b: &[u8], e: Endian) -> u16 {
    match e {
        Endian::Little => u16::from_le_bytes([b[0], b[1]]),
        Endian::Big => u16::from_be_bytes([b[0], b[1]]),
    }
}

fn utf16_decode(
    vm: &mut Vm,
    name: &str,
    data: &[u8],
    from: usize,
    e: Endian,
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(data.len() / 2);
    let mut pos = from;
    let n = data.len();
    while pos < n {
        let (start, end, reason) = if n - pos < 2 {
            if !fin {
                break;
            }
            (pos, n, "truncated data")
        } else {
            let u = read16(&data[pos..], e);
            if !(0xD800..=0xDFFF).contains(&u) {
                out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
                pos += 2;
                continue;
            }
            if u >= 0xDC00 {
                (pos, pos + 2, "illegal encoding")
            } else if n - pos < 4 {
                if !fin {
                    break;
                }
                (pos, n, "unexpected end of data")
            } else {
                let u2 = read16(&data[pos + 2..], e);
                if (0xDC00..=0xDFFF).contains(&u2) {
                    let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((u2 as u32) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                    pos += 4;
                    continue;
                }
                (pos, pos + 2, "illegal UTF-16 surrogate")
            }
        };
        pos = decode_error(vm, name, data, start, end, reason, errors, &mut out)?;
    }
    Ok((out, pos))
}

fn utf32_decode(
    vm: &mut Vm,
    name: &str,
    data: &[u8],
    from: usize,
    e: Endian,
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(data.len() / 4);
    let mut pos = from;
    let n = data.len();
    while pos < n {
        let (start, end, reason) = if n - pos < 4 {
            if !fin {
                break;
            }
            (pos, n, "truncated data")
        } else {
            let w = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
            let cp = match e {
                Endian::Little => u32::from_le_bytes(w),
                Endian::Big => u32::from_be_bytes(w),
            };
            match char::from_u32(cp) {
                Some(ch) => {
                    out.push(ch);
                    pos += 4;
                    continue;
                }
                None if cp > 0x10FFFF => (pos, pos + 4, "code point not in range(0x110000)"),
                None => (
                    pos,
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ),
            }
        };
        pos = decode_error(vm, name, data, start, end, reason, errors, &mut out)?;
    }
    Ok((out, pos))
}

/// The byte order a UTF-16/32 byte order mark at the start of `data` names, and its length.
pub(crate) fn detect_bom(data: &[u8], wide: bool) -> Option<(Endian, usize)> {
    if wide {
        match data {
            [0xFF, 0xFE, 0, 0, ..] => Some((Endian::Little, 4)),
            [0, 0, 0xFE, 0xFF, ..] => Some((Endian::Big, 4)),
            _ => None,
        }
    } else {
        match data {
            [0xFF, 0xFE, ..] => Some((Endian::Little, 2)),
            [0xFE, 0xFF, ..] => Some((Endian::Big, 2)),
            _ => None,
        }
    }
}

/// `data` decoded by a UTF-16 or UTF-32 codec of byte order `order` (`None`: read a byte order
/// mark, little-endian without one); the text, the bytes consumed and the byte order used
/// (`None` when no mark could be read yet).
pub(crate) fn decode_utf16_32(
    vm: &mut Vm,
    data: &[u8],
    wide: bool,
    order: Option<Endian>,
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize, Option<Endian>)> {
    let unit = if wide { 4 } else { 2 };
    let (e, from, known) = match order {
        Some(e) => (e, 0, Some(e)),
        None => match detect_bom(data, wide) {
            Some((e, n)) => (e, n, Some(e)),
            // Too short to tell yet: wait for more input.
            None if data.len() < unit && !fin => return Ok((String::new(), 0, None)),
            None => (Endian::Little, 0, None),
        },
    };
    // Errors name the byte order in effect, the BOM's or the native (little-endian) one.
    let name = error_name(if wide {
        Builtin::Utf32(Some(e))
    } else {
        Builtin::Utf16(Some(e))
    });
    let (s, used) = if wide {
        utf32_decode(vm, name, data, from, e, errors, fin)?
    } else {
        utf16_decode(vm, name, data, from, e, errors, fin)?
    };
    Ok((s, used, known))
}

/// `data` decoded by a built-in codec; the text and the bytes consumed.
pub(crate) fn decode_builtin(
    vm: &mut Vm,
    c: Builtin,
    data: &[u8],
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize)> {
    let name = error_name(c);
    match c {
        Builtin::Utf8 => utf8_decode(vm, name, data, errors, fin),
        Builtin::Utf8Sig => {
            if !fin && data.len() < 3 && [0xEF, 0xBB, 0xBF].starts_with(data) {
                return Ok((String::new(), 0));
            }
            let skip = if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            let (s, used) = utf8_decode(vm, name, &data[skip..], errors, fin)?;
            Ok((s, used + skip))
        }
        Builtin::Latin1 => Ok((data.iter().map(|&b| b as char).collect(), data.len())),
        Builtin::Ascii => {
            if data.is_ascii() {
                let s = std::str::from_utf8(data).unwrap_or_default().to_string();
                return Ok((s, data.len()));
            }
            let mut out = String::with_capacity(data.len());
            let mut pos = 0;
            while pos < data.len() {
                let b = data[pos];
                if b < 0x80 {
                    out.push(b as char);
                    pos += 1;
                } else {
                    let reason = "ordinal not in range(128)";
                    pos = decode_error(vm, name, data, pos, pos + 1, reason, errors, &mut out)?;
                }
            }
            Ok((out, data.len()))
        }
        Builtin::Utf16(order) | Builtin::Utf32(order) => {
            let wide = matches!(c, Builtin::Utf32(_));
            let (s, used, _) = decode_utf16_32(vm, data, wide, order, errors, fin)?;
            Ok((s, used))
        }
        Builtin::UnicodeEscape => permafrost_semantics::text::unicode_escape_decode(data)
            .map(|s| (s, data.len()))
            .map_err(|e| vm.lib_err(e)),
        Builtin::RawUnicodeEscape => permafrost_semantics::text::raw_unicode_escape_decode(data)
            .map(|s| (s, data.len()))
            .map_err(|e| vm.lib_err(e)),
    }
}

/// `_codecs.charmap_decode`: each byte through `mapping` (a str indexed by byte, or a mapping
/// from ints to ints, strs or None); `U+FFFE` and missing entries are undefined.
pub(crate) fn charmap_decode(
    vm: &mut Vm,
    data: &[u8],
    errors: &str,
    mapping: &Value,
) -> PyResult<String> {
    const UNDEFINED: &str = "character maps to <undefined>";
    if matches!(mapping, Value::None) {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    if let Some(table) = mapping.as_str() {
        let table: Vec<char> = table.chars().collect();
        while pos < data.len() {
            match table.get(data[pos] as usize) {
                Some(&ch) if ch != '\u{fffe}' => {
                    out.push(ch);
                    pos += 1;
                }
                _ => {
                    let end = pos + 1;
                    pos = decode_error(vm, "charmap", data, pos, end, UNDEFINED, errors, &mut out)?;
                }
            }
        }
        return Ok(out);
    }
    while pos < data.len() {
        let found = match vm.getitem(mapping, &Value::Int(data[pos] as i64)) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => Value::None,
            Err(e) => return Err(e),
        };
        let defined = match &found {
            Value::None => false,
            Value::Int(n) => {
                if !(0..=0x10FFFF).contains(n) {
                    return Err(vm.type_error("character mapping must be in range(0x110000)"));
                }
                match char::from_u32(*n as u32) {
                    Some('\u{fffe}') => false,
                    Some(ch) => {
                        out.push(ch);
                        true
                    }
                    None => {
                        return Err(vm
                            .value_error("character mapping to a lone surrogate is not supported"))
                    }
                }
            }
            v => match v.as_str() {
                Some("\u{fffe}") => false,
                Some(s) => {
                    out.push_str(s);
                    true
                }
                None => {
                    return Err(vm.type_error("character mapping must return integer, None or str"))
                }
            },
        };
        if defined {
            pos += 1;
        } else {
            let end = pos + 1;
            pos = decode_error(vm, "charmap", data, pos, end, UNDEFINED, errors, &mut out)?;
        }
    }
    Ok(out)
}

/// `_codecs.charmap_encode`: each character through `mapping` (ints to ints, bytes or None).
pub(crate) fn charmap_encode(
    vm: &mut Vm,
    s: &str,
    errors: &str,
    mapping: &Value,
) -> PyResult<Vec<u8>> {
    if matches!(mapping, Value::None) {
        return encode_builtin(vm, Builtin::Latin1, s, errors);
    }
    let mapping = mapping.clone();
    let reason = "character maps to <undefined>";
    encode_loop(vm, "charmap", reason, s, errors, &mut |vm, ch, out| {
        let found = match vm.getitem(&mapping, &Value::Int(ch as i64)) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => return Ok(false),
            Err(e) => return Err(e),
        };
        match &found {
            Value::None => Ok(false),
            Value::Int(n) => match u8::try_from(*n) {
                Ok(b) => {
                    out.push(b);
                    Ok(true)
                }
                Err(_) => Err(vm.type_error("character mapping must be in range(256)")),
            },
            v => match v.body() {
                Some(Object::Bytes(b)) => {
                    out.extend_from_slice(b);
                    Ok(true)
                }
                _ => Err(vm.type_error(format!(
                    "character mapping must return integer, bytes or None, not {}",
                    vm.type_name(v)
                ))),
            },
        }
    })
}

/// The UnicodeEncodeError the UTF-8 codec raises for the first run of surrogates in the wide
/// str `v` (what encoding or printing it strictly raises).
pub(crate) fn surrogate_encode_error(vm: &Vm, v: &Value) -> crate::value::heap::ObjRef {
    let cps: Vec<u32> = wide::code_points(v.str_bytes().unwrap_or_default()).collect();
    let start = cps.iter().position(|&c| wide::is_surrogate(c)).unwrap_or(0);
    let end = start
        + cps[start..]
            .iter()
            .take_while(|&&c| wide::is_surrogate(c))
            .count()
            .max(1);
    unicode_error(
        vm,
        ExcKind::UnicodeEncodeError,
        "utf-8",
        v.clone(),
        start,
        end,
        "surrogates not allowed",
    )
}

/// The error for what a str holding a lone surrogate cannot do yet.
pub(crate) fn wide_unsupported(vm: &Vm, what: &str) -> crate::value::heap::ObjRef {
    vm.err(
        ExcKind::NotImplementedError,
        format!("{what} is not supported for a str holding a lone surrogate"),
    )
}

/// Encodes the str `v`, which holds a lone surrogate, with a built-in codec: UTF-8, ASCII or
/// Latin-1 under the standard error handlers, as CPython does; other codecs and handlers raise
/// a clean NotImplementedError.
pub(crate) fn encode_wide(vm: &mut Vm, c: Builtin, v: &Value, errors: &str) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = wide::code_points(v.str_bytes().unwrap_or_default()).collect();
    let (name, reason): (&str, &str) = match c {
        Builtin::Utf8 | Builtin::Utf8Sig => ("utf-8", "surrogates not allowed"),
        Builtin::Ascii => ("ascii", "ordinal not in range(128)"),
        Builtin::Latin1 => ("latin-1", "ordinal not in range(256)"),
        _ => {
            return Err(wide_unsupported(
                vm,
                &format!("encoding to '{}'", error_name(c)),
            ))
        }
    };
    let fits = |cp: u32| match c {
        Builtin::Ascii => cp < 0x80,
        Builtin::Latin1 => cp < 0x100,
        _ => !wide::is_surrogate(cp),
    };
    let put = |out: &mut Vec<u8>, cp: u32| match c {
        Builtin::Ascii | Builtin::Latin1 => out.push(cp as u8),
        _ => wide::push_code_point(out, cp),
    };
    let mut out = Vec::with_capacity(cps.len() + 3);
    if c == Builtin::Utf8Sig {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let raise = |vm: &Vm, start: usize, end: usize| {
        unicode_error(
            vm,
            ExcKind::UnicodeEncodeError,
            name,
            v.clone(),
            start,
            end,
            reason,
        )
    };
    let mut i = 0;
    while i < cps.len() {
        if fits(cps[i]) {
            put(&mut out, cps[i]);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && !fits(cps[end]) {
            end += 1;
        }
        let run = &cps[i..end];
        match errors {
            "strict" => return Err(raise(vm, i, end)),
            // Takes the whole run or re-raises the error for all of it.
            "surrogatepass" => {
                let utf8 = matches!(c, Builtin::Utf8 | Builtin::Utf8Sig);
                if !utf8 || !run.iter().all(|&cp| wide::is_surrogate(cp)) {
                    return Err(raise(vm, i, end));
                }
                for &cp in run {
                    wide::push_code_point(&mut out, cp);
                }
            }
            // As CPython's encoders: escapes the run's leading U+DC80..U+DCFF, then raises for
            // the rest of the run.
            "surrogateescape" => {
                let n = run
                    .iter()
                    .take_while(|&&cp| (0xDC80..=0xDCFF).contains(&cp))
                    .count();
                out.extend(run[..n].iter().map(|&cp| (cp - 0xDC00) as u8));
                if n < run.len() {
                    return Err(raise(vm, i + n, end));
                }
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
            "backslashreplace" => {
                for &cp in run {
                    let esc = if cp < 0x100 {
                        format!("\\x{cp:02x}")
                    } else if cp < 0x10000 {
                        format!("\\u{cp:04x}")
                    } else {
                        format!("\\U{cp:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &cp in run {
                    out.extend_from_slice(format!("&#{cp};").as_bytes());
                }
            }
            _ => {
                return Err(wide_unsupported(
                    vm,
                    &format!("the '{errors}' error handler"),
                ))
            }
        }
        i = end;
    }
    Ok(out)
}

/// Decodes UTF-8 or ASCII under `surrogateescape` (each undecodable byte becomes U+DC80 +
/// byte - 0x80) or `surrogatepass` (UTF-8: a three-byte encoded surrogate decodes to it), as
/// CPython does; other undecodable input raises CPython's UnicodeDecodeError.
fn decode_surrogates(
    vm: &mut Vm,
    c: Builtin,
    data: &[u8],
    errors: &str,
    fin: bool,
) -> PyResult<(WideBuf, usize)> {
    let name = error_name(c);
    let mut out = WideBuf::with_capacity(data.len());
    let mut pos = 0;
    if c == Builtin::Utf8Sig {
        if !fin && data.len() < 3 && [0xEF, 0xBB, 0xBF].starts_with(data) {
            return Ok((out, 0));
        }
        if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
            pos = 3;
        }
    }
    let raise = |vm: &Vm, start: usize, end: usize, reason: &str| {
        unicode_error(
            vm,
            ExcKind::UnicodeDecodeError,
            name,
            bytes_value(data),
            start,
            end,
            reason,
        )
    };
    while pos < data.len() {
        let (start, end, reason) = if c == Builtin::Ascii {
            let n = data[pos..].iter().take_while(|b| b.is_ascii()).count();
            out.push_str(std::str::from_utf8(&data[pos..pos + n]).unwrap_or_default());
            pos += n;
            if pos == data.len() {
                break;
            }
            (pos, pos + 1, "ordinal not in range(128)")
        } else {
            match std::str::from_utf8(&data[pos..]) {
                Ok(s) => {
                    out.push_str(s);
                    pos = data.len();
                    break;
                }
                Err(e) => {
                    let start = pos + e.valid_up_to();
                    out.push_str(std::str::from_utf8(&data[pos..start]).unwrap_or_default());
                    match e.error_len() {
                        None if !fin && errors == "surrogatepass" => {
                            // A surrogate's first bytes may be all there is so far.
                            return Ok((out, start));
                        }
                        None if !fin => return Ok((out, start)),
                        None => (start, data.len(), "unexpected end of data"),
                        Some(_) if matches!(data[start], 0x80..=0xC1 | 0xF5..=0xFF) => {
                            (start, start + 1, "invalid start byte")
                        }
                        Some(n) => (start, start + n, "invalid continuation byte"),
                    }
                }
            }
        };
        if errors == "surrogatepass" {
            let b = &data[start..];
            if c != Builtin::Ascii
                && b.len() >= 3
                && b[0] == 0xED
                && (0xA0..=0xBF).contains(&b[1])
                && b[2] & 0xC0 == 0x80
            {
                let (cp, _) = wide::decode_at(b, 0);
                out.push_code_point(cp);
                pos = start + 3;
                continue;
            }
            return Err(raise(vm, start, end, reason));
        }
        // surrogateescape: bytes below 128 cannot be escaped.
        let mut k = start;
        while k < end && data[k] >= 0x80 {
            out.push_code_point(0xDC00 + data[k] as u32);
            k += 1;
        }
        if k == start {
            return Err(raise(vm, start, end, reason));
        }
        pos = k;
    }
    Ok((out, pos))
}

/// `data` decoded by a built-in codec, as text that may hold lone surrogates.
pub(crate) fn decode_builtin_wide(
    vm: &mut Vm,
    c: Builtin,
    data: &[u8],
    errors: &str,
    fin: bool,
) -> PyResult<(Value, usize)> {
    if matches!(errors, "surrogateescape" | "surrogatepass")
        && matches!(c, Builtin::Utf8 | Builtin::Utf8Sig | Builtin::Ascii)
    {
        let (buf, used) = decode_surrogates(vm, c, data, errors, fin)?;
        return Ok((Vm::str_from_buf(buf), used));
    }
    let (s, used) = decode_builtin(vm, c, data, errors, fin)?;
    Ok((Vm::str_val(s), used))
}
