//! Methods of the built-in types (str, list, tuple, dict, set, bytes, int, float, generator).
//! The receiver is the first positional argument.

use crate::builtins::Native;
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
