//! Methods of the built-in types (str, list, tuple, dict, set, bytes, int, float, generator).
//! The receiver is the first positional argument.

use crate::builtins::Native;
use crate::pystr;
use crate::value::dict_table::Dict;
use crate::value::object::{Object, ViewKind};
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::native::Args;
use crate::vm::ops::key_eq;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_image::opcode::BinaryOp;

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
        use permafrost_image::opcode::CompareOp;
        match n {
            DLen => return Ok(Value::Int(self.len_of(&recv)? as i64)),
            DGetitem => return self.getitem(&recv, &arg),
            DSetitem => {
                let v = a.get(2).cloned().unwrap_or(Value::None);
                self.setitem(&recv, arg, v)?;
                return Ok(Value::None);
            }
            DDelitem => {
                self.delitem(&recv, &arg)?;
                return Ok(Value::None);
            }
            DContains => return Ok(Value::Bool(self.contains(&recv, &arg)?)),
            DIter => return self.get_iter(&recv),
            DNext => {
                return match self.next(&recv)? {
                    Some(v) => Ok(v),
                    None => Err(self.err_empty("StopIteration")),
                }
            }
            DRepr => return Ok(Vm::str_val(self.repr(&recv)?)),
            DStr => return Ok(Vm::str_val(self.to_str(&recv)?)),
            DEq => return self.compare(CompareOp::Eq, &recv, &arg),
            DNe => return self.compare(CompareOp::Ne, &recv, &arg),
            DLt | DLe | DGt | DGe => {
                let op = match n {
                    DLt => CompareOp::Lt,
                    DLe => CompareOp::Le,
                    DGt => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                return match self.compare(op, &recv, &arg) {
                    Ok(v) => Ok(v),
                    Err(e) if self.exc_matches(&e, "TypeError") => Ok(Value::NotImplemented),
                    Err(e) => Err(e),
                };
            }
            DHash => return Ok(Value::Int(self.hash(&recv)?)),
            DAdd => return self.binary_op(0, &recv, &arg),
            DSub => return self.binary_op(1, &recv, &arg),
            DMul => return self.binary_op(2, &recv, &arg),
            DBool => return Ok(Value::Bool(self.truthy(&recv)?)),
            DFormat => {
                let spec = arg.as_str().unwrap_or("").to_string();
                return Ok(Vm::str_val(self.format(&recv, &spec)?));
            }
            IntFromBytes => {
                let data: Vec<u8> = match arg.body() {
                    Some(Object::Bytes(b)) => b.to_vec(),
                    _ => {
                        let items = self.collect(&arg)?;
                        let mut v = Vec::with_capacity(items.len());
                        for it in items {
                            v.push(self.index_of(&it)? as u8);
                        }
                        v
                    }
                };
                let order = a
                    .arg(2, "byteorder")
                    .and_then(|v| v.as_str())
                    .unwrap_or("big")
                    .to_string();
                let signed = match a.kw("signed") {
                    Some(v) => self.truthy(v)?,
                    None => false,
                };
                let mut le = data.clone();
                if order == "big" {
                    le.reverse();
                } else if order != "little" {
                    return Err(self.value_error("byteorder must be either 'little' or 'big'"));
                }
                let mut n = BigInt::from_bytes_le(num_bigint::Sign::Plus, &le);
                if signed && le.last().is_some_and(|b| b & 0x80 != 0) {
                    n -= BigInt::from(1) << (8 * le.len());
                }
                return Ok(Vm::int_from_big(n));
            }
            FloatFromhex => {
                let text = arg.as_str().unwrap_or("").to_string();
                return match float_fromhex(&text) {
                    Some(x) => Ok(Value::Float(x)),
                    None => Err(self.value_error("invalid hexadecimal floating-point string")),
                };
            }
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
            RangeIndex | RangeCount => {
                let found = self.contains(&recv, &arg)?;
                if n == RangeCount {
                    return Ok(Value::Int(found as i64));
                }
                if !found {
                    let r = self.repr(&arg)?;
                    return Err(self.value_error(format!("{r} is not in range")));
                }
                if let (Some(Object::Range { start, step, .. }), Value::Int(i)) =
                    (recv.body(), &arg)
                {
                    if let (Value::Int(s), Value::Int(st)) = (start, step) {
                        return Ok(Value::Int((i - s) / st));
                    }
                }
                return Ok(Value::Int(0));
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
        match n {
            IntToBytes => return self.int_to_bytes(&recv, a),
            IntConjugate => {
                return Ok(match recv {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                })
            }
            IntAsIntegerRatio => {
                let num = match recv {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                };
                return Ok(Vm::new_tuple(vec![num, Value::Int(1)]));
            }
            FloatHex => {
                if let Value::Float(x) = recv {
                    return Ok(Vm::str_val(float_hex(x)));
                }
            }
            _ => {}
        }
        let Some(o) = recv.as_obj().cloned() else {
            return match (n, &recv) {
                (IntBitLength, Value::Int(i)) => {
                    Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
                }
                (IntBitLength, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
                (IntBitCount, Value::Int(i)) => {
                    Ok(Value::Int(i.unsigned_abs().count_ones() as i64))
                }
                (FloatIsInteger, Value::Float(f)) => {
                    Ok(Value::Bool(crate::pynum::float_is_integer(*f)))
                }
                (FloatAsIntegerRatio, Value::Float(f)) => {
                    let (p, q) =
                        crate::pynum::float_as_integer_ratio(*f).map_err(|e| lib(self, e))?;
                    Ok(Vm::new_tuple(vec![
                        Vm::int_from_big(p),
                        Vm::int_from_big(q),
                    ]))
                }
                _ => Err(self.no_method(&recv, n)),
            };
        };
        match n {
            TupleIndex | TupleCount => {
                let target = a.get(1).cloned().unwrap_or(Value::None);
                let items = self.seq_items(&recv);
                let mut count = 0;
                let start = self.opt_pos(a.get(2))?.unwrap_or(0);
                let start = if start < 0 {
                    (start + items.len() as i64).max(0)
                } else {
                    start
                } as usize;
                let stop = self
                    .opt_pos(a.get(3))?
                    .map(|e| {
                        if e < 0 {
                            (e + items.len() as i64).max(0) as usize
                        } else {
                            e as usize
                        }
                    })
                    .unwrap_or(items.len());
                for (i, x) in items.iter().enumerate() {
                    if n != TupleCount && (i < start || i >= stop) {
                        continue;
                    }
                    if x.is(&target) || self.eq(x, &target)? {
                        match n {
                            TupleIndex => return Ok(Value::Int(i as i64)),
                            _ => count += 1,
                        }
                    }
                }
                match n {
                    TupleIndex => Err(self.value_error("tuple.index(x): x not in tuple")),
                    _ => Ok(Value::Int(count)),
                }
            }
            // dict
            DictGet => {
                if a.pos.len() < 2 || a.pos.len() > 3 {
                    return Err(self.type_error(if a.pos.len() < 2 {
                        "get expected at least 1 argument, got 0".to_string()
                    } else {
                        format!("get expected at most 2 arguments, got {}", a.pos.len() - 1)
                    }));
                }
                let k = a.get(1).cloned().unwrap_or(Value::None);
                Ok(self
                    .dict_get(&o, &k)?
                    .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
            }
            DictKeys => Ok(Value::obj(Object::DictView {
                dict: o.clone(),
                kind: ViewKind::Keys,
            })),
            DictValues => Ok(Value::obj(Object::DictView {
                dict: o.clone(),
                kind: ViewKind::Values,
            })),
            DictItems => Ok(Value::obj(Object::DictView {
                dict: o.clone(),
                kind: ViewKind::Items,
            })),
            DictPop => {
                let k = a.get(1).cloned().unwrap_or(Value::None);
                match self.dict_del(&o, &k)? {
                    Some(v) => Ok(v),
                    None => match a.get(2) {
                        Some(d) => Ok(d.clone()),
                        None => Err(self.key_error(&k)),
                    },
                }
            }
            DictPopitem => {
                let r = match o.get_mut() {
                    Object::Dict(d) => d.pop_last(),
                    _ => None,
                };
                match r {
                    Some((k, v)) => Ok(Vm::new_tuple(vec![k, v])),
                    None => Err(self.err("KeyError", "popitem(): dictionary is empty")),
                }
            }
            DictSetdefault => {
                let k = a.get(1).cloned().unwrap_or(Value::None);
                if let Some(v) = self.dict_get(&o, &k)? {
                    return Ok(v);
                }
                let d = a.get(2).cloned().unwrap_or(Value::None);
                self.dict_set(&o, k, d.clone())?;
                Ok(d)
            }
            DictUpdate => {
                if let Some(src) = a.get(1) {
                    self.dict_update(&recv, src, false)?;
                }
                for (k, v) in &a.kw {
                    self.dict_set(&o, Vm::str_val(*k), (*v).clone())?;
                }
                Ok(Value::None)
            }
            DictCopy => Ok(match o.get() {
                Object::Dict(d) => Vm::new_dict(d.clone()),
                _ => Value::None,
            }),
            DictClear => {
                let old = match o.get_mut() {
                    Object::Dict(d) => std::mem::take(d),
                    _ => Dict::new(),
                };
                drop(old);
                Ok(Value::None)
            }
            DictFromkeys => {
                // Bound to the class (`dict.fromkeys(keys, v)`) or to an instance.
                let (keys, v) = (
                    a.get(1).cloned().unwrap_or(Value::None),
                    a.get(2).cloned().unwrap_or(Value::None),
                );
                let d = Vm::new_dict(Dict::new());
                for k in self.collect(&keys)? {
                    self.setitem(&d, k, v.clone())?;
                }
                Ok(d)
            }
            // set
            SetAdd => {
                let v = a.get(1).cloned().unwrap_or(Value::None);
                self.set_add(&recv, v)?;
                Ok(Value::None)
            }
            SetRemove => {
                let v = a.get(1).cloned().unwrap_or(Value::None);
                if self.set_remove(&o, &v)? {
                    Ok(Value::None)
                } else {
                    Err(self.key_error(&v))
                }
            }
            SetDiscard => {
                let v = a.get(1).cloned().unwrap_or(Value::None);
                self.set_remove(&o, &v)?;
                Ok(Value::None)
            }
            SetPop => {
                let r = match o.get_mut() {
                    Object::Set(s) => s.pop(),
                    _ => None,
                };
                r.ok_or_else(|| self.err("KeyError", "pop from an empty set"))
            }
            SetUnion | SetIntersection | SetDifference | SetSymDiff => {
                let op = match n {
                    SetUnion => BinaryOp::Or,
                    SetIntersection => BinaryOp::And,
                    SetDifference => BinaryOp::Sub,
                    _ => BinaryOp::Xor,
                };
                let mut acc = recv.clone();
                if a.pos.len() == 1 {
                    let s = match o.get() {
                        Object::Set(s) | Object::FrozenSet(s) => s.clone(),
                        _ => Set::new(),
                    };
                    return Ok(if matches!(o.get(), Object::FrozenSet(_)) {
                        Value::obj(Object::FrozenSet(s))
                    } else {
                        Value::obj(Object::Set(s))
                    });
                }
                for other in &a.pos[1..] {
                    let other =
                        if matches!(other.body(), Some(Object::Set(_) | Object::FrozenSet(_))) {
                            other.clone()
                        } else {
                            let items = self.collect(other)?;
                            self.build_set(items)?
                        };
                    acc = self.set_algebra(op, &acc, &other)?;
                }
                Ok(acc)
            }
            SetIssubset | SetIssuperset | SetIsdisjoint => {
                let other = a.get(1).cloned().unwrap_or(Value::None);
                let other = if matches!(other.body(), Some(Object::Set(_) | Object::FrozenSet(_))) {
                    other
                } else {
                    let items = self.collect(&other)?;
                    self.build_set(items)?
                };
                match n {
                    SetIssubset => {
                        self.compare(permafrost_image::opcode::CompareOp::Le, &recv, &other)
                    }
                    SetIssuperset => {
                        self.compare(permafrost_image::opcode::CompareOp::Ge, &recv, &other)
                    }
                    _ => {
                        let inter = self.set_algebra(BinaryOp::And, &recv, &other)?;
                        Ok(Value::Bool(self.len_of(&inter)? == 0))
                    }
                }
            }
            SetUpdate => {
                for other in &a.pos[1..] {
                    for k in self.collect(other)? {
                        self.set_add(&recv, k)?;
                    }
                }
                Ok(Value::None)
            }
            SetIntersectionUpdate | SetDifferenceUpdate | SetSymDiffUpdate => {
                let op = match n {
                    SetIntersectionUpdate => BinaryOp::And,
                    SetDifferenceUpdate => BinaryOp::Sub,
                    _ => BinaryOp::Xor,
                };
                let mut acc = recv.clone();
                for other in &a.pos[1..] {
                    let items = self.collect(other)?;
                    let other = self.build_set(items)?;
                    acc = self.set_algebra(op, &acc, &other)?;
                }
                if let Some(Object::Set(new)) = acc.body() {
                    let new = new.clone();
                    if let Object::Set(s) = o.get_mut() {
                        *s = new;
                    }
                }
                Ok(Value::None)
            }
            SetCopy => Ok(match o.get() {
                Object::Set(s) => {
                    let mut c = Set::new();
                    c.merge(s, &mut key_eq);
                    Value::obj(Object::Set(c))
                }
                Object::FrozenSet(_) => recv.clone(),
                _ => Value::None,
            }),
            SetClear => {
                let old = match o.get_mut() {
                    Object::Set(s) => std::mem::take(s),
                    _ => Set::new(),
                };
                drop(old);
                Ok(Value::None)
            }
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
            IntBitLength => Ok(match o.get() {
                Object::BigInt(b) => Value::Int(b.bits() as i64),
                _ => Value::Int(0),
            }),
            IntBitCount => Ok(match o.get() {
                Object::BigInt(b) => Value::Int(b.magnitude().count_ones() as i64),
                _ => Value::Int(0),
            }),
            IntToBytes => self.int_to_bytes(&recv, a),
            GenSend => {
                let v = a.get(1).cloned().unwrap_or(Value::None);
                match self.gen_resume(&o, v, None)? {
                    crate::vm::eval::Exit::Yield(x) => Ok(x),
                    crate::vm::eval::Exit::Return(r) => {
                        let cls = self.exc_class("StopIteration");
                        let args = if matches!(r, Value::None) {
                            vec![]
                        } else {
                            vec![r]
                        };
                        Err(self.make_exc(&cls, args))
                    }
                }
            }
            GenThrow => {
                let e = a.get(1).cloned().unwrap_or(Value::None);
                let e = if let Some(v) = a.get(2) {
                    self.call(&e, std::slice::from_ref(v), &[])?
                } else {
                    e
                };
                let exc = self.make_raisable(&e)?;
                match self.gen_resume(&o, Value::None, Some(exc))? {
                    crate::vm::eval::Exit::Yield(x) => Ok(x),
                    crate::vm::eval::Exit::Return(r) => {
                        let cls = self.exc_class("StopIteration");
                        let args = if matches!(r, Value::None) {
                            vec![]
                        } else {
                            vec![r]
                        };
                        Err(self.make_exc(&cls, args))
                    }
                }
            }
            GenClose => {
                let started = matches!(o.get(), Object::Generator(g) if g.state == crate::value::object::GenState::Suspended);
                if !started {
                    if let Object::Generator(g) = o.get_mut() {
                        g.state = crate::value::object::GenState::Done;
                        g.frame = None;
                    }
                    return Ok(Value::None);
                }
                let exc = self.err_empty("GeneratorExit");
                match self.gen_resume(&o, Value::None, Some(exc)) {
                    Ok(crate::vm::eval::Exit::Yield(_)) => {
                        Err(self.err("RuntimeError", "generator ignored GeneratorExit"))
                    }
                    Ok(_) => Ok(Value::None),
                    Err(e)
                        if self.exc_matches(&e, "GeneratorExit")
                            || self.exc_matches(&e, "StopIteration") =>
                    {
                        Ok(Value::None)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => Err(self.no_method(&recv, n)),
        }
    }

    fn int_to_bytes(&mut self, recv: &Value, a: &Args) -> PyResult<Value> {
        let n: BigInt = match crate::vm::ops::num_of(recv) {
            Some(crate::vm::ops::Num::I(i)) => BigInt::from(i),
            Some(crate::vm::ops::Num::B(b)) => b.clone(),
            _ => return Err(self.type_error("descriptor 'to_bytes' requires an 'int' object")),
        };
        let length = match a.arg(1, "length") {
            Some(v) => self.ssize_of(v)?,
            None => 1,
        };
        if length < 0 {
            return Err(self.value_error("length argument must be non-negative"));
        }
        let order = a
            .arg(2, "byteorder")
            .and_then(|v| v.as_str())
            .unwrap_or("big")
            .to_string();
        if order != "big" && order != "little" {
            return Err(self.value_error("byteorder must be either 'little' or 'big'"));
        }
        let signed = match a.kw("signed") {
            Some(v) => self.truthy(v)?,
            None => false,
        };
        let zero = BigInt::from(0);
        if n < zero && !signed {
            return Err(self.err("OverflowError", "can't convert negative int to unsigned"));
        }
        let bits = 8 * length as u64;
        let fits = if signed {
            if length == 0 {
                n == zero
            } else {
                let half = BigInt::from(1) << (bits - 1);
                n >= -half.clone() && n < half
            }
        } else {
            n < (BigInt::from(1) << bits)
        };
        if !fits {
            return Err(self.err("OverflowError", "int too big to convert"));
        }
        let v = if n < zero {
            (BigInt::from(1) << bits) + n
        } else {
            n
        };
        let (_, mut le) = v.to_bytes_le();
        le.resize(length as usize, 0);
        if order == "big" {
            le.reverse();
        }
        Ok(Value::obj(Object::Bytes(le.into_boxed_slice().into())))
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

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, as CPython.
fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{mant:013x}p{}{}",
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )
}

/// `float.fromhex(s)`.
fn float_fromhex(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    let t = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match t.split_once('p') {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (t, 0),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars() {
        value = value * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        value += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let r = value * 2f64.powi(exp);
    Some(if neg { -r } else { r })
}
