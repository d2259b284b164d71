//! Methods of the built-in types (str, list, tuple, dict, set, bytes, int, float, generator).
//! The receiver is the first positional argument.

use crate::builtins::Native;
use crate::pystr;
use crate::value::dict_table::Dict;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::Args;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn opt_i64(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.ssize_of(v)?)),
        }
    }

    /// A start/end search position (clamped like a slice bound).
    pub(crate) fn opt_pos(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.clamp_index(v)?)),
        }
    }

    /// A width for padding methods: an ssize, and MemoryError beyond what can be allocated.
    fn width_arg(&mut self, v: Option<&Value>) -> PyResult<i64> {
        let w = self.ssize_of(v.unwrap_or(&Value::None))?;
        if w > crate::vm::ops::MAX_ALLOC as i64 {
            return Err(self.err_empty("MemoryError"));
        }
        Ok(w)
    }

    fn str_arg(&self, v: Option<&Value>, what: &str) -> PyResult<String> {
        match v.and_then(|v| v.as_str()) {
            Some(s) => Ok(s.to_string()),
            None => Err(self.type_error(format!(
                "{what} {}",
                v.map(|v| self.type_name(v))
                    .unwrap_or_else(|| "NoneType".into())
            ))),
        }
    }

    fn fill_char(&self, v: Option<&Value>) -> PyResult<char> {
        match v {
            None => Ok(' '),
            Some(v) => {
                let s = v.as_str().unwrap_or("");
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Ok(c),
                    _ => {
                        Err(self
                            .type_error("The fill character must be exactly one character long"))
                    }
                }
            }
        }
    }

    pub fn call_method_native(&mut self, n: Native, a: &Args) -> PyResult<Value> {
        use Native::*;
        let Some(recv) = a.get(0).cloned() else {
            return Err(self.type_error(format!("descriptor '{}' needs an argument", n.name())));
        };
        let lib = |vm: &Vm, e: crate::pynum::LibError| vm.lib_err(e);
        let arg = a.get(1).cloned().unwrap_or(Value::None);
        match n {
            StrMaketrans => {
                let d = Vm::new_dict(Dict::new());
                let x = arg.clone();
                match (a.get(2), a.get(3)) {
                    (Some(y), z) => {
                        let xs: Vec<char> = x.as_str().unwrap_or("").chars().collect();
                        let ys: Vec<char> = y.as_str().unwrap_or("").chars().collect();
                        if xs.len() != ys.len() {
                            return Err(self.value_error(
                                "the first two maketrans arguments must have equal length",
                            ));
                        }
                        for (c, r) in xs.iter().zip(ys.iter()) {
                            self.setitem(&d, Value::Int(*c as i64), Value::Int(*r as i64))?;
                        }
                        if let Some(z) = z {
                            for c in z.as_str().unwrap_or("").chars() {
                                self.setitem(&d, Value::Int(c as i64), Value::None)?;
                            }
                        }
                    }
                    (None, _) => {
                        let pairs: Vec<(Value, Value)> =
                            match x.body() {
                                Some(Object::Dict(src)) => {
                                    src.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
                                }
                                _ => return Err(self.type_error(
                                    "if you give only one argument to maketrans it must be a dict",
                                )),
                            };
                        for (k, v) in pairs {
                            let key = match k.as_str() {
                                Some(s) if s.chars().count() == 1 => {
                                    Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0))
                                }
                                Some(_) => {
                                    return Err(self.value_error(
                                        "string keys in translate table must be of length 1",
                                    ))
                                }
                                None => k,
                            };
                            self.setitem(&d, key, v)?;
                        }
                    }
                }
                return Ok(d);
            }
            _ => {}
        }
        // bytes methods shared with str: run the str method over the latin-1 view.
        if let Some(Object::Bytes(b)) = recv.body() {
            if (n as usize) >= (StrSplit as usize) && (n as usize) <= (StrRemovesuffix as usize) {
                // Bytes above 0x7f map to private-use code points, which have no case and
                // are neither letters, digits nor spaces: bytes methods are ASCII-only.
                let to_s = |b: &[u8]| -> String {
                    b.iter()
                        .map(|&x| {
                            if x < 0x80 {
                                x as char
                            } else {
                                char::from_u32(0xE000 + x as u32).unwrap_or('?')
                            }
                        })
                        .collect()
                };
                let mut conv = vec![Vm::str_val(to_s(b))];
                for v in &a.pos[1..] {
                    conv.push(match v.body() {
                        Some(Object::Bytes(x)) => Vm::str_val(to_s(x)),
                        Some(Object::List(items)) if n == StrJoin => Vm::new_list(
                            items
                                .iter()
                                .map(|it| match it.body() {
                                    Some(Object::Bytes(x)) => Vm::str_val(to_s(x)),
                                    _ => it.clone(),
                                })
                                .collect(),
                        ),
                        _ => v.clone(),
                    });
                }
                let names: Vec<Value> = a.kw.iter().map(|(k, _)| Vm::str_val(*k)).collect();
                conv.extend(a.kw.iter().map(|(_, v)| (*v).clone()));
                let r = self.call_native(n.def(), &conv, &names)?;
                fn back(v: &Value) -> Value {
                    match v.as_str() {
                        Some(s) => Value::obj(Object::Bytes(
                            s.chars()
                                .map(|c| {
                                    let n = c as u32;
                                    if n >= 0xE000 {
                                        (n - 0xE000) as u8
                                    } else {
                                        n as u8
                                    }
                                })
                                .collect(),
                        )),
                        None => match v.body() {
                            Some(Object::List(items)) => {
                                Vm::new_list(items.iter().map(back).collect())
                            }
                            Some(Object::Tuple(items)) => {
                                Vm::new_tuple(items.iter().map(back).collect())
                            }
                            _ => v.clone(),
                        },
                    }
                }
                return Ok(back(&r));
            }
        }
        // str methods
        // `recv` is this call's own reference to an immutable str, so borrowing its text across
        // calls back into the interpreter is sound.
        let recv_for_text = recv.clone();
        if let Some(s) = recv_for_text.as_str() {
            let arg1 = a.get(1);
            return Ok(match n {
                StrSplit | StrRsplit => {
                    let sep = match a.arg(1, "sep") {
                        None | Some(Value::None) => None,
                        Some(v) => Some(self.str_arg(Some(v), "must be str or None, not")?),
                    };
                    let maxsplit = self.opt_i64(a.arg(2, "maxsplit"))?.unwrap_or(-1);
                    let parts = if n == StrSplit {
                        pystr::split(s, sep.as_deref(), maxsplit)
                    } else {
                        pystr::rsplit(s, sep.as_deref(), maxsplit)
                    }
                    .map_err(|e| lib(self, e))?;
                    Vm::new_list(parts.into_iter().map(Vm::str_val).collect())
                }
                StrJoin => {
                    let items = self.collect(arg1.unwrap_or(&Value::None))?;
                    let mut out = String::new();
                    for (i, it) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(s);
                        }
                        match it.as_str() {
                            Some(t) => out.push_str(t),
                            None => {
                                return Err(self.type_error(format!(
                                    "sequence item {i}: expected str instance, {} found",
                                    self.type_name(it)
                                )))
                            }
                        }
                    }
                    Vm::str_val(out)
                }
                StrStrip | StrLstrip | StrRstrip => {
                    let chars = match arg1 {
                        None | Some(Value::None) => None,
                        Some(v) => {
                            Some(self.str_arg(Some(v), "strip arg must be None or str, not")?)
                        }
                    };
                    let r = match n {
                        StrStrip => pystr::strip(s, chars.as_deref()),
                        StrLstrip => pystr::lstrip(s, chars.as_deref()),
                        _ => pystr::rstrip(s, chars.as_deref()),
                    };
                    if r.len() == s.len() {
                        recv.clone()
                    } else {
                        Vm::str_val(r)
                    }
                }
                StrReplace => {
                    let old = self.str_arg(arg1, "replace() argument 1 must be str, not")?;
                    let new = self.str_arg(a.get(2), "replace() argument 2 must be str, not")?;
                    let count = self.opt_i64(a.arg(3, "count"))?.unwrap_or(-1);
                    Vm::str_val(pystr::replace(s, &old, &new, count))
                }
                StrFind | StrRfind | StrIndex | StrRindex | StrCount => {
                    let sub = self.str_arg(arg1, "must be str, not")?;
                    let start = self.opt_pos(a.get(2))?;
                    let end = self.opt_pos(a.get(3))?;
                    match n {
                        StrFind => Value::Int(pystr::find(s, &sub, start, end)),
                        StrRfind => Value::Int(pystr::rfind(s, &sub, start, end)),
                        StrIndex => Value::Int(
                            pystr::index(s, &sub, start, end).map_err(|e| lib(self, e))? as i64,
                        ),
                        StrRindex => Value::Int(
                            pystr::rindex(s, &sub, start, end).map_err(|e| lib(self, e))? as i64,
                        ),
                        _ => Value::Int(pystr::count(s, &sub, start, end) as i64),
                    }
                }
                StrStartswith | StrEndswith => {
                    let start = self.opt_pos(a.get(2))?;
                    let end = self.opt_pos(a.get(3))?;
                    let cands: Vec<Value> = match arg1.and_then(|v| v.body()) {
                        Some(Object::Tuple(t)) => t.to_vec(),
                        _ => vec![arg1.cloned().unwrap_or(Value::None)],
                    };
                    let mut hit = false;
                    for c in &cands {
                        let Some(p) = c.as_str() else {
                            return Err(self.type_error(format!(
                                "{} first arg must be str or a tuple of str, not {}",
                                n.name(),
                                self.type_name(c)
                            )));
                        };
                        if if n == StrStartswith {
                            pystr::startswith(s, p, start, end)
                        } else {
                            pystr::endswith(s, p, start, end)
                        } {
                            hit = true;
                            break;
                        }
                    }
                    Value::Bool(hit)
                }
                StrUpper => Vm::str_val(pystr::upper(s)),
                StrLower => Vm::str_val(pystr::lower(s)),
                StrTitle => Vm::str_val(pystr::title(s)),
                StrCapitalize => Vm::str_val(pystr::capitalize(s)),
                StrSwapcase => Vm::str_val(pystr::swapcase(s)),
                StrCasefold => Vm::str_val(pystr::casefold(s)),
                StrIsdigit => Value::Bool(pystr::isdigit(s)),
                StrIsalpha => Value::Bool(pystr::isalpha(s)),
                StrIsalnum => Value::Bool(pystr::isalnum(s)),
                StrIsspace => Value::Bool(pystr::isspace(s)),
                StrIsupper => Value::Bool(pystr::isupper(s)),
                StrIslower => Value::Bool(pystr::islower(s)),
                StrIsdecimal => Value::Bool(pystr::isdecimal(s)),
                StrIsnumeric => Value::Bool(pystr::isnumeric(s)),
                StrIstitle => Value::Bool(pystr::istitle(s)),
                StrIsidentifier => Value::Bool(pystr::isidentifier(s)),
                StrIsascii => Value::Bool(pystr::isascii(s)),
                StrIsprintable => Value::Bool(pystr::isprintable(s)),
                StrCenter | StrLjust | StrRjust => {
                    let w = self.width_arg(arg1)?;
                    let fill = self.fill_char(a.get(2))?;
                    Vm::str_val(match n {
                        StrCenter => pystr::center(s, w, fill),
                        StrLjust => pystr::ljust(s, w, fill),
                        _ => pystr::rjust(s, w, fill),
                    })
                }
                StrZfill => {
                    let w = self.width_arg(arg1)?;
                    Vm::str_val(pystr::zfill(s, w))
                }
                StrPartition | StrRpartition => {
                    let sep = self.str_arg(arg1, "must be str, not")?;
                    let (x, y, z) = if n == StrPartition {
                        pystr::partition(s, &sep)
                    } else {
                        pystr::rpartition(s, &sep)
                    }
                    .map_err(|e| lib(self, e))?;
                    Vm::new_tuple(vec![Vm::str_val(x), Vm::str_val(y), Vm::str_val(z)])
                }
                StrSplitlines => {
                    let keep = match a.arg(1, "keepends") {
                        Some(v) => self.truthy(v)?,
                        None => false,
                    };
                    Vm::new_list(
                        pystr::splitlines(s, keep)
                            .into_iter()
                            .map(Vm::str_val)
                            .collect(),
                    )
                }
                StrFormat => {
                    let kw: Vec<(String, Value)> =
                        a.kw.iter()
                            .map(|(k, v)| (k.to_string(), (*v).clone()))
                            .collect();
                    let r = self.str_format(s, &a.pos[1..], &kw)?;
                    Vm::str_val(r)
                }
                StrTranslate => {
                    let table = arg1.cloned().unwrap_or(Value::None);
                    let mut out = String::with_capacity(s.len());
                    for c in s.chars() {
                        match self.getitem(&table, &Value::Int(c as i64)) {
                            Ok(Value::None) => {}
                            Ok(Value::Int(n)) => {
                                match u32::try_from(n).ok().and_then(char::from_u32) {
                                    Some(r) => out.push(r),
                                    None => {
                                        return Err(self.value_error(
                                            "character mapping must be in range(0x110000)",
                                        ))
                                    }
                                }
                            }
                            Ok(v) => match v.as_str() {
                                Some(t) => out.push_str(t),
                                None => {
                                    return Err(self.type_error(
                                        "character mapping must return integer, None or str",
                                    ))
                                }
                            },
                            Err(e) if self.exc_matches(&e, "LookupError") => out.push(c),
                            Err(e) => return Err(e),
                        }
                    }
                    Vm::str_val(out)
                }
                StrFormatMap => {
                    let mapping = arg1.cloned().unwrap_or(Value::None);
                    let pieces = crate::pystr::parse_format_string(s).map_err(|e| lib(self, e))?;
                    let mut kw: Vec<(String, Value)> = Vec::new();
                    for p in &pieces {
                        if let crate::pystr::FormatPiece::Field(f) = p {
                            if let crate::pystr::FieldArg::Name(n) = &f.arg {
                                let v = self.getitem(&mapping, &Vm::str_val(n.as_str()))?;
                                kw.push((n.clone(), v));
                            }
                        }
                    }
                    Vm::str_val(self.str_format(s, &[], &kw)?)
                }
                StrEncode => {
                    let errors = a
                        .arg(2, "errors")
                        .and_then(|v| v.as_str())
                        .unwrap_or("strict")
                        .to_string();
                    let enc = a
                        .arg(1, "encoding")
                        .and_then(|v| v.as_str())
                        .unwrap_or("utf-8");
                    let enc = enc.to_ascii_lowercase().replace('_', "-");
                    let limit = match enc.as_str() {
                        "utf-8" | "utf8" => None,
                        "ascii" | "us-ascii" => Some((128u32, "ascii")),
                        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
                            Some((256u32, "latin-1"))
                        }
                        _ => {
                            return Err(self.err("LookupError", format!("unknown encoding: {enc}")))
                        }
                    };
                    match limit {
                        None => Value::obj(Object::Bytes(s.as_bytes().into())),
                        Some((limit, name)) => {
                            let mut out = Vec::with_capacity(s.len());
                            for (pos, c) in s.chars().enumerate() {
                                if (c as u32) >= limit && errors == "ignore" {
                                    continue;
                                }
                                if (c as u32) >= limit && errors == "replace" {
                                    out.push(b'?');
                                    continue;
                                }
                                if (c as u32) >= limit {
                                    let n = c as u32;
                                    let r = if n < 0x100 {
                                        format!("\\x{n:02x}")
                                    } else if n < 0x10000 {
                                        format!("\\u{n:04x}")
                                    } else {
                                        format!("\\U{n:08x}")
                                    };
                                    return Err(self.err(
                                        "UnicodeEncodeError",
                                        format!("'{name}' codec can't encode character '{r}' in position {pos}: ordinal not in range({limit})"),
                                    ));
                                }
                                out.push(c as u32 as u8);
                            }
                            Value::obj(Object::Bytes(out.into_boxed_slice().into()))
                        }
                    }
                }
                StrExpandtabs => {
                    let t = self.opt_i64(a.arg(1, "tabsize"))?.unwrap_or(8);
                    Vm::str_val(pystr::expandtabs(s, t))
                }
                StrRemoveprefix => {
                    let p = self.str_arg(arg1, "removeprefix() argument must be str, not")?;
                    Vm::str_val(s.strip_prefix(p.as_str()).unwrap_or(s))
                }
                StrRemovesuffix => {
                    let p = self.str_arg(arg1, "removesuffix() argument must be str, not")?;
                    Vm::str_val(s.strip_suffix(p.as_str()).unwrap_or(s))
                }
                _ => return Err(self.no_method(&recv, n)),
            });
        }
        let Some(o) = recv.as_obj().cloned() else {
            return Err(self.no_method(&recv, n));
        };
        match n {
            // bytes
            BytesDecode => {
                let b = match o.get() {
                    Object::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                let enc = a
                    .arg(1, "encoding")
                    .and_then(|v| v.as_str())
                    .unwrap_or("utf-8");
                let enc = enc.to_ascii_lowercase().replace('_', "-");
                match enc.as_str() {
                    "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
                        return Ok(Vm::str_val(
                            b.iter().map(|&x| x as char).collect::<String>(),
                        ))
                    }
                    "ascii" | "us-ascii" => {
                        if let Some(pos) = b.iter().position(|&x| x >= 0x80) {
                            return Err(self.err(
                                "UnicodeDecodeError",
                                format!("'ascii' codec can't decode byte {:#04x} in position {pos}: ordinal not in range(128)", b[pos]),
                            ));
                        }
                    }
                    "utf-8" | "utf8" => {}
                    _ => return Err(self.err("LookupError", format!("unknown encoding: {enc}"))),
                }
                let errors = a
                    .arg(2, "errors")
                    .and_then(|v| v.as_str())
                    .unwrap_or("strict");
                if errors == "replace" {
                    return Ok(Vm::str_val(String::from_utf8_lossy(&b).to_string()));
                }
                if errors == "ignore" {
                    let s: String = String::from_utf8_lossy(&b)
                        .chars()
                        .filter(|c| *c != '\u{fffd}')
                        .collect();
                    return Ok(Vm::str_val(s));
                }
                match String::from_utf8(b) {
                    Ok(s) => Ok(Vm::str_val(s)),
                    Err(e) => {
                        let pos = e.utf8_error().valid_up_to();
                        let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
                        Err(self.err(
                            "UnicodeDecodeError",
                            format!("'utf-8' codec can't decode byte {byte:#04x} in position {pos}: invalid start byte"),
                        ))
                    }
                }
            }
            BytesHex => {
                let sep = match a.arg(1, "sep") {
                    Some(v) => match v.as_str() {
                        Some(s) => s.to_string(),
                        None => match v.body() {
                            Some(Object::Bytes(b)) => String::from_utf8_lossy(b).to_string(),
                            _ => String::new(),
                        },
                    },
                    None => String::new(),
                };
                let parts: Vec<String> = match o.get() {
                    Object::Bytes(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
                    _ => Vec::new(),
                };
                Ok(Vm::str_val(parts.join(&sep)))
            }
            BytesFromhex => {
                let text = a.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
                let mut out = Vec::new();
                let chars: Vec<char> = text.chars().collect();
                let mut i = 0;
                while i < chars.len() {
                    if chars[i].is_ascii_whitespace() {
                        i += 1;
                        continue;
                    }
                    let hi = chars[i].to_digit(16);
                    let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
                    match (hi, lo) {
                        (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                        (None, _) => {
                            return Err(self.value_error(format!(
                                "non-hexadecimal number found in fromhex() arg at position {i}"
                            )))
                        }
                        (_, None) => {
                            return Err(self.value_error(format!(
                                "non-hexadecimal number found in fromhex() arg at position {}",
                                i + 1
                            )))
                        }
                    }
                    i += 2;
                }
                Ok(Value::obj(Object::Bytes(out.into_boxed_slice().into())))
            }
            BytesCount | BytesIndex => {
                let hay = match o.get() {
                    Object::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                let needle: Vec<u8> = match a.get(1) {
                    Some(Value::Int(i)) => vec![*i as u8],
                    Some(v) => match v.body() {
                        Some(Object::Bytes(b)) => b.to_vec(),
                        _ => {
                            return Err(
                                self.type_error("argument should be integer or bytes-like object")
                            )
                        }
                    },
                    None => Vec::new(),
                };
                let positions: Vec<usize> = if needle.is_empty() {
                    (0..=hay.len()).collect()
                } else {
                    let mut v = Vec::new();
                    let mut i = 0;
                    while i + needle.len() <= hay.len() {
                        if hay[i..i + needle.len()] == needle[..] {
                            v.push(i);
                            i += needle.len();
                        } else {
                            i += 1;
                        }
                    }
                    v
                };
                if n == BytesCount {
                    Ok(Value::Int(positions.len() as i64))
                } else {
                    match positions.first() {
                        Some(p) => Ok(Value::Int(*p as i64)),
                        None => Err(self.value_error("subsection not found")),
                    }
                }
            }
            _ => Err(self.no_method(&recv, n)),
        }
    }

    fn no_method(&self, recv: &Value, n: Native) -> crate::value::heap::ObjRef {
        self.err(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{}'",
                self.type_name(recv),
                n.name()
            ),
        )
    }
}
