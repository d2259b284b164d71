//! Arithmetic: binary and unary operators over numbers, sequences and sets.

use super::*;
use crate::value::dict_table::Dict;
use crate::value::object::{Object, PyStr, ViewKind};
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_image::opcode::BinaryOp;
use permafrost_semantics::text::wide::WideBuf;
use permafrost_semantics::{error, number};

impl Vm {
    pub fn binary_op(&mut self, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
        let Some(op) = BinaryOp::from_arg(arg) else {
            return Err(self.err(ExcKind::SystemError, "bad binary operator"));
        };
        let inplace = arg & BinaryOp::INPLACE != 0;
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinaryOp::And => return Ok(Value::Bool(*x & *y)),
                BinaryOp::Or => return Ok(Value::Bool(*x | *y)),
                BinaryOp::Xor => return Ok(Value::Bool(*x ^ *y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            let float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
            if !(float && int_only(op)) {
                return self.num_binop(op, &x, &y);
            }
        }
        if let Some(r) = crate::objects::complex::binop(self, op, a, b)? {
            return Ok(r);
        }
        if let Some(r) = self.seq_binop(op, inplace, a, b)? {
            return Ok(r);
        }
        // A built-in number on the left keeps its turn before the right operand's reflected
        // method unless the right operand's type subclasses the left's (CPython's
        // `binary_op1`): `1.5 + IntSubclass(1)` is float addition even when the subclass
        // defines `__radd__`.
        if num_of(a).is_some() && matches!(b.body(), Some(Object::Instance(_))) {
            if let Some(bb) = inst_base(b) {
                if let (Some(x), Some(y)) = (num_of(a), num_of(&bb)) {
                    let float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
                    let bitwise = int_only(op);
                    // An int takes only ints: against a float subclass it leaves the
                    // turn to the subclass's reflected method.
                    let int_left = !matches!(x, Num::F(_));
                    let declined = (float && bitwise) || (int_left && matches!(y, Num::F(_)));
                    let (ta, tb) = (self.type_of(a), self.type_of(b));
                    if !declined && !Vm::is_subclass(&tb, &ta) {
                        return self.num_binop(op, &x, &y);
                    }
                }
            }
        }
        let (name, rname, iname) = dunder_for(op);
        if inplace {
            if let Some(r) = self.call_dunder(a, iname, std::slice::from_ref(b))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder(a, name, std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_dunder(b, rname, std::slice::from_ref(a))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if op == BinaryOp::Or {
            if let Some(u) = crate::objects::alias::union_or(self, a, b)? {
                return Ok(u);
            }
        }
        if inst_base(a).is_some() || inst_base(b).is_some() {
            let x = inst_base(a).unwrap_or_else(|| a.clone());
            let y = inst_base(b).unwrap_or_else(|| b.clone());
            return self.binary_op(arg & 15, &x, &y);
        }
        if op == BinaryOp::Mul {
            let seq = |v: &Value| {
                v.str_bytes().is_some()
                    || matches!(
                        v.body(),
                        Some(Object::List(_) | Object::Tuple(_) | Object::Bytes(_))
                    )
            };
            // A sequence repeats by any integer with `__index__`.
            for (s, n) in [(a, b), (b, a)] {
                if seq(s) && matches!(n.body(), Some(Object::Instance(_))) {
                    if let Some(i) = crate::vm::ops::index_big(self, n)? {
                        return self.binary_op(arg, s, &Vm::int_from_big(i));
                    }
                }
            }
            // Neither side took the product: a sequence refuses what is no integer, an
            // instance without `__index__` included.
            if seq(a) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(b)
                )));
            }
            if seq(b) {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(a)
                )));
            }
        }
        if op == BinaryOp::Add
            && matches!(a.body(), Some(Object::Bytes(_)))
            && b.str_bytes().is_some()
        {
            return Err(self.type_error("can't concat str to bytes"));
        }
        if op == BinaryOp::Add && a.str_bytes().is_some() {
            return Err(self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            )));
        }
        if op == BinaryOp::Add {
            if let Some(Object::List(_)) = a.body() {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                )));
            }
            if let Some(Object::Tuple(_)) = a.body() {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                )));
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        let sym = if op == BinaryOp::Pow {
            if inplace {
                "**=".to_string()
            } else {
                "** or pow()".to_string()
            }
        } else {
            sym
        };
        // Python 2's `print >> stream, ...` gets CPython's hint.
        let hint = if op == BinaryOp::RShift
            && !inplace
            && matches!(a, Value::Native(f) if f.qualname == "print")
        {
            ". Did you mean \"print(<message>, file=<output_stream>)\"?"
        } else {
            ""
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'{hint}",
            sym,
            self.type_name(a),
            self.type_name(b)
        )))
    }

    pub fn num_binop(&mut self, op: BinaryOp, x: &Num, y: &Num) -> PyResult<Value> {
        use BinaryOp::*;
        let lib = |vm: &Vm, e: error::LibError| vm.lib_err(e);
        let is_float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
        if is_float {
            if matches!(op, LShift | RShift | And | Or | Xor | MatMul) {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    if matches!(x, Num::F(_)) {
                        "float"
                    } else {
                        "int"
                    },
                    if matches!(y, Num::F(_)) {
                        "float"
                    } else {
                        "int"
                    }
                )));
            }
            let a = num_to_f64(self, x)?;
            let b = num_to_f64(self, y)?;
            return Ok(Value::Float(match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                TrueDiv => number::float_div(a, b).map_err(|e| lib(self, e))?,
                FloorDiv => number::float_floordiv(a, b).map_err(|e| lib(self, e))?,
                Mod => number::float_mod(a, b).map_err(|e| lib(self, e))?,
                Pow => {
                    if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
                        // A negative base to a fractional power is complex.
                        let z = permafrost_semantics::complex::pow((a, 0.0), (b, 0.0))
                            .map_err(|e| lib(self, e))?;
                        return Ok(crate::objects::complex::new(z));
                    }
                    number::float_pow(a, b).map_err(|e| lib(self, e))?
                }
                _ => 0.0,
            }));
        }
        if let (Num::I(a), Num::I(b)) = (x, y) {
            let (a, b) = (*a, *b);
            let fast = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                FloorDiv => number::floordiv_i64(a, b).map_err(|e| lib(self, e))?,
                Mod => Some(number::mod_i64(a, b).map_err(|e| lib(self, e))?),
                TrueDiv => {
                    return Ok(Value::Float(
                        number::int_true_div_i64(a, b).map_err(|e| lib(self, e))?,
                    ))
                }
                Pow => {
                    if b < 0 {
                        let r = number::int_pow(&BigInt::from(a), &BigInt::from(b), None)
                            .map_err(|e| lib(self, e))?;
                        return Ok(match r {
                            number::Num::Int(i) => Vm::int_from_big(i),
                            number::Num::Float(f) => Value::Float(f),
                        });
                    }
                    number::pow_i64(a, b)
                }
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if b < 63 && (a.unsigned_abs() >> (62 - b)) == 0 {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                MatMul => {
                    return Err(
                        self.type_error("unsupported operand type(s) for @: 'int' and 'int'")
                    )
                }
            };
            if let Some(r) = fast {
                return Ok(Value::Int(r));
            }
        }
        let a = to_big(x);
        let b = to_big(y);
        if !big_result_fits(op, &a, &b) {
            return Err(self.err_empty(ExcKind::MemoryError));
        }
        let r = match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            FloorDiv => number::floordiv_big(&a, &b).map_err(|e| lib(self, e))?,
            Mod => number::mod_big(&a, &b).map_err(|e| lib(self, e))?,
            TrueDiv => {
                return Ok(Value::Float(
                    number::int_true_div(&a, &b).map_err(|e| lib(self, e))?,
                ))
            }
            Pow => match number::int_pow(&a, &b, None).map_err(|e| lib(self, e))? {
                number::Num::Int(i) => i,
                number::Num::Float(f) => return Ok(Value::Float(f)),
            },
            And => a & b,
            Or => a | b,
            Xor => a ^ b,
            LShift => number::shift_left_big(&a, &b).map_err(|e| lib(self, e))?,
            RShift => number::shift_right_big(&a, &b).map_err(|e| lib(self, e))?,
            MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        };
        Ok(Vm::int_from_big(r))
    }

    pub(crate) fn repeat_count(&self, n: &Value) -> Option<i64> {
        match n {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    pub(crate) fn seq_binop(
        &mut self,
        op: BinaryOp,
        inplace: bool,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        match op {
            BinaryOp::Add => {
                if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                    // The hash and length follow from the left operand's: only the right
                    // one's bytes are hashed and counted.
                    let (hash, char_len) = match a {
                        Value::Str(i) => (i.hash(), i.char_len()),
                        _ => match a.body() {
                            Some(Object::Str(p)) => (p.hash, p.char_len),
                            _ => (permafrost_image::str_hash(x.as_bytes()), x.chars().count()),
                        },
                    };
                    let joined = PyStr::concat(x, hash, char_len, y);
                    return Ok(Some(Value::obj(Object::Str(joined))));
                }
                if let (Some(x), Some(y)) = (a.str_bytes(), b.str_bytes()) {
                    // One side holds a lone surrogate: joined as wide bytes.
                    let mut buf = WideBuf::with_capacity(x.len() + y.len());
                    buf.push_wide(x);
                    buf.push_wide(y);
                    return Ok(Some(Vm::str_from_buf(buf)));
                }
                match (a.body(), b.body()) {
                    (Some(Object::List(x)), Some(Object::List(y))) => {
                        if inplace {
                            let y = y.clone();
                            if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                                x.extend(y);
                            }
                            return Ok(Some(a.clone()));
                        }
                        let mut v = x.clone();
                        v.extend(y.iter().cloned());
                        Ok(Some(Vm::new_list(v)))
                    }
                    // `list += iterable` extends (inline str constants have no body).
                    (Some(Object::List(_)), _) if inplace => {
                        let items = self.collect(b)?;
                        if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                            x.extend(items);
                        }
                        Ok(Some(a.clone()))
                    }
                    (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
                        let mut v = x.to_vec();
                        v.extend(y.iter().cloned());
                        Ok(Some(Vm::new_tuple(v)))
                    }
                    (Some(Object::Bytes(x)), Some(Object::Bytes(y))) => {
                        let mut v = x.to_vec();
                        v.extend_from_slice(y);
                        Ok(Some(Value::obj(Object::Bytes(v.into_boxed_slice().into()))))
                    }
                    _ => Ok(None),
                }
            }
            BinaryOp::Mul => {
                let is_seq = |v: &Value| {
                    v.str_bytes().is_some()
                        || matches!(
                            v.body(),
                            Some(Object::List(_) | Object::Tuple(_) | Object::Bytes(_))
                        )
                };
                let is_big = |v: &Value| matches!(v.body(), Some(Object::BigInt(_)));
                if (is_seq(a) && is_big(b)) || (is_seq(b) && is_big(a)) {
                    return Err(self.err(
                        ExcKind::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
                let (seq, n) = if let Some(n) = self.repeat_count(b) {
                    (a, n)
                } else if let Some(n) = self.repeat_count(a) {
                    (b, n)
                } else {
                    return Ok(None);
                };
                let n = n.max(0) as usize;
                let unit = match seq.body() {
                    Some(Object::List(l)) => l.len() * 16,
                    Some(Object::Tuple(t)) => t.len() * 16,
                    Some(Object::Bytes(b)) => b.len(),
                    _ => seq.str_bytes().map(|s| s.len()).unwrap_or(0),
                };
                let total = unit.checked_mul(n);
                if seq.str_bytes().is_some() && total.is_none_or(|t| t > isize::MAX as usize) {
                    return Err(self.err(ExcKind::OverflowError, "repeated string is too long"));
                }
                if total.is_none_or(|t| !crate::budget::fits(t)) {
                    return Err(self.err_empty(ExcKind::MemoryError));
                }
                if let Some(s) = seq.as_str() {
                    return Ok(Some(Vm::str_val(s.repeat(n))));
                }
                if let Some(w) = seq.str_bytes() {
                    return Ok(Some(Vm::str_from_wide(&w.repeat(n))));
                }
                match seq.body() {
                    Some(Object::List(l)) => {
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        if inplace && seq.is(a) {
                            if let Some(Object::List(x)) = a.as_obj().map(|o| o.get_mut()) {
                                *x = v;
                            }
                            return Ok(Some(a.clone()));
                        }
                        Ok(Some(Vm::new_list(v)))
                    }
                    Some(Object::Tuple(l)) => {
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        Ok(Some(Vm::new_tuple(v)))
                    }
                    Some(Object::Bytes(bs)) => Ok(Some(Value::obj(Object::Bytes(
                        bs.repeat(n).into_boxed_slice().into(),
                    )))),
                    _ => Ok(None),
                }
            }
            BinaryOp::Mod => {
                if a.is_wide_str() {
                    return Err(crate::stdlib::codec_text::wide_unsupported(
                        self,
                        "%-formatting",
                    ));
                }
                if let Some(fmt) = a.as_str() {
                    let fmt = fmt.to_string();
                    return Ok(Some(self.percent_format(&fmt, b)?));
                }
                if let Some(Object::Bytes(fmt)) = a.body() {
                    let fmt = fmt.to_vec();
                    let out = self.bytes_percent_format(&fmt, b)?;
                    return Ok(Some(Value::obj(Object::Bytes(
                        out.into_boxed_slice().into(),
                    ))));
                }
                Ok(None)
            }
            BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor => {
                let is_set =
                    |v: &Value| matches!(v.body(), Some(Object::Set(_) | Object::FrozenSet(_)));
                let is_view = |v: &Value| {
                    matches!(
                        v.body(),
                        Some(Object::DictView {
                            kind: ViewKind::Keys | ViewKind::Items,
                            ..
                        })
                    )
                };
                // A keys or items view combines with any iterable, on either side.
                if is_view(a) || is_view(b) {
                    let ai = self.collect(a)?;
                    let sa = self.build_set(ai)?;
                    let bi = self.collect(b)?;
                    let sb = self.build_set(bi)?;
                    // A view's `^` is `set(left)` updated with the right; `set ^ set` is the
                    // right's copy updated with the left.
                    if op == BinaryOp::Xor {
                        return Ok(Some(self.set_algebra(op, &sb, &sa)?));
                    }
                    return Ok(Some(self.set_algebra(op, &sa, &sb)?));
                }
                if is_set(a) && is_set(b) {
                    if inplace && matches!(a.body(), Some(Object::Set(_))) {
                        self.set_inplace(op, a, b)?;
                        return Ok(Some(a.clone()));
                    }
                    return Ok(Some(self.set_algebra(op, a, b)?));
                }
                if op == BinaryOp::Or {
                    // `d |= x` updates from any mapping or iterable of pairs, as `update` does.
                    if inplace && matches!(a.body(), Some(Object::Dict(_))) {
                        self.dict_update(a, b, false)?;
                        return Ok(Some(a.clone()));
                    }
                    if let (Some(Object::Dict(_)), Some(Object::Dict(_))) = (a.body(), b.body()) {
                        let copy = match a.body() {
                            Some(Object::Dict(d)) => d.clone(),
                            _ => Dict::new(),
                        };
                        let r = Vm::new_dict(copy);
                        self.dict_update(&r, b, false)?;
                        return Ok(Some(r));
                    }
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `|`, `&`, `-`, `^` on sets, with CPython's construction order (`setobject.c`).
    pub fn set_algebra(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
        let frozen = matches!(a.body(), Some(Object::FrozenSet(_)));
        if let (
            Some(Object::Set(x) | Object::FrozenSet(x)),
            Some(Object::Set(y) | Object::FrozenSet(y)),
        ) = (a.body(), b.body())
        {
            if plain_keys(plain_probe_side(op, x, y)) {
                let r = plain_set_algebra(op, x, y);
                return Ok(Value::obj(if frozen {
                    Object::FrozenSet(r)
                } else {
                    Object::Set(r)
                }));
            }
        }
        let set_of = |v: &Value| match v.body() {
            Some(Object::Set(s) | Object::FrozenSet(s)) => Some(s.clone()),
            _ => None,
        };
        let copy = |s: &Set| {
            let mut r = Set::new();
            r.merge(s, &mut key_eq);
            r
        };
        let aset = set_of(a).unwrap_or_default();
        let result = match op {
            BinaryOp::Or => {
                let mut r = copy(&aset);
                match set_of(b) {
                    Some(bs) => {
                        r.merge(&bs, &mut key_eq);
                        self.check_key_depth()?;
                        Value::obj(Object::Set(r))
                    }
                    None => {
                        let r = Value::obj(Object::Set(r));
                        for k in self.collect(b)? {
                            self.set_add(&r, k)?;
                        }
                        r
                    }
                }
            }
            BinaryOp::And => {
                let r = Value::obj(Object::Set(Set::new()));
                let blen = self.len_of(b)?;
                let (small, other) = if blen > aset.len() {
                    (aset.keys(), b.as_obj().cloned())
                } else {
                    (self.collect(b)?, a.as_obj().cloned())
                };
                if let Some(other) = other {
                    for k in small {
                        if self.set_contains(&other, &k)? {
                            self.set_add(&r, k)?;
                        }
                    }
                }
                r
            }
            BinaryOp::Sub => {
                let blen = self.len_of(b)?;
                if (aset.len() >> 2) > blen {
                    let r = Value::obj(Object::Set(copy(&aset)));
                    if let Some(ro) = r.as_obj().cloned() {
                        for k in self.collect(b)? {
                            self.set_remove(&ro, &k)?;
                        }
                    }
                    r
                } else {
                    let r = Value::obj(Object::Set(Set::new()));
                    if let Some(bo) = b.as_obj().cloned() {
                        for k in aset.keys() {
                            if !self.set_contains(&bo, &k)? {
                                self.set_add(&r, k)?;
                            }
                        }
                    }
                    r
                }
            }
            _ => {
                let bset = match set_of(b) {
                    Some(s) => s,
                    None => {
                        let items = self.collect(b)?;
                        match self.build_set(items)?.body() {
                            Some(Object::Set(s)) => s.clone(),
                            _ => Set::new(),
                        }
                    }
                };
                let r = Value::obj(Object::Set(copy(&bset)));
                if let Some(ro) = r.as_obj().cloned() {
                    for k in aset.keys() {
                        if !self.set_remove(&ro, &k)? {
                            self.set_add(&r, k)?;
                        }
                    }
                }
                r
            }
        };
        if frozen {
            if let Some(Object::Set(s)) = result.body() {
                return Ok(Value::obj(Object::FrozenSet(s.clone())));
            }
        }
        Ok(result)
    }

    /// `|=`, `-=`, `^=` mutate in place as CPython does; `&=` replaces the table.
    pub fn set_inplace(&mut self, op: BinaryOp, a: &Value, b: &Value) -> PyResult<()> {
        let Some(ao) = a.as_obj().cloned() else {
            return Ok(());
        };
        match op {
            BinaryOp::Or => {
                if let Some(Object::Set(bs) | Object::FrozenSet(bs)) = b.body() {
                    let bs = bs.clone();
                    if let Object::Set(s) = ao.get_mut() {
                        s.merge(&bs, &mut key_eq);
                    }
                    self.check_key_depth()?;
                } else {
                    for k in self.collect(b)? {
                        self.set_add(a, k)?;
                    }
                }
            }
            BinaryOp::Sub => {
                for k in self.collect(b)? {
                    self.set_remove(&ao, &k)?;
                }
            }
            BinaryOp::Xor => {
                for k in self.collect(b)? {
                    if !self.set_remove(&ao, &k)? {
                        self.set_add(a, k)?;
                    }
                }
            }
            _ => {
                let r = self.set_algebra(op, a, b)?;
                if let Some(Object::Set(new)) = r.body() {
                    let new = new.clone();
                    if let Object::Set(s) = ao.get_mut() {
                        *s = new;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn unary_neg(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(match i.checked_neg() {
                Some(r) => Value::Int(r),
                None => Vm::int_from_big(-BigInt::from(i)),
            }),
            Some(Num::B(b)) => Ok(Vm::int_from_big(-b.clone())),
            Some(Num::F(f)) => Ok(Value::Float(-f)),
            None if crate::objects::complex::parts(a).is_some() => {
                let (re, im) = crate::objects::complex::parts(a).unwrap_or_default();
                Ok(crate::objects::complex::new((-re, -im)))
            }
            None => match self.call_dunder(a, "__neg__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary -: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }

    pub fn unary_pos(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(Value::Int(i)),
            Some(_) => Ok(a.clone()),
            None if crate::objects::complex::parts(a).is_some() => Ok(a.clone()),
            None => match self.call_dunder(a, "__pos__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary +: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }

    pub fn unary_invert(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::I(i)) => Ok(Value::Int(!i)),
            Some(Num::B(b)) => Ok(Vm::int_from_big(-b.clone() - 1)),
            _ => match self.call_dunder(a, "__invert__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary ~: '{}'",
                    self.type_name(a)
                ))),
            },
        }
    }
}

impl Vm {}

/// Whether every key of `s` compares without running Python code or recursing (numbers and
/// strs): set algebra on such sets can use the stored hashes and `key_eq` directly.
pub(crate) fn plain_keys(s: &Set) -> bool {
    s.iter().all(|k| match k {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Str(_) | Value::None => true,
        Value::Obj(o) => matches!(o.get(), Object::Str(_)),
        _ => false,
    })
}

/// The operand of `plain_set_algebra` whose keys are looked up in the other table (or in
/// the result): only those keys are compared with anything.
fn plain_probe_side<'a>(op: BinaryOp, x: &'a Set, y: &'a Set) -> &'a Set {
    match op {
        BinaryOp::Or => y,
        BinaryOp::And if y.len() > x.len() => x,
        BinaryOp::And => y,
        BinaryOp::Sub if (x.len() >> 2) > y.len() => y,
        _ => x,
    }
}

/// `set_algebra` when the keys it looks up (`plain_probe_side`) are plain: the same
/// iteration orders and table operations (hence the same resulting order), with the hashes
/// taken from the tables.
fn plain_set_algebra(op: BinaryOp, x: &Set, y: &Set) -> Set {
    let mut r = Set::new();
    let add = |r: &mut Set, h: i64, k: &Value| {
        r.add(h, k.clone(), &mut |q| key_eq(q, k));
    };
    match op {
        BinaryOp::Or => {
            r.merge(x, &mut key_eq);
            r.merge(y, &mut key_eq);
        }
        BinaryOp::And => {
            // Iterate over the smaller operand, probing the other.
            let (small, other) = if y.len() > x.len() { (x, y) } else { (y, x) };
            for (h, k) in small.entries() {
                if other.contains(h, &mut |q| key_eq(q, k)) {
                    add(&mut r, h, k);
                }
            }
        }
        BinaryOp::Sub => {
            if (x.len() >> 2) > y.len() {
                r.merge(x, &mut key_eq);
                for (h, k) in y.entries() {
                    r.remove(h, &mut |q| key_eq(q, k));
                }
            } else {
                for (h, k) in x.entries() {
                    if !y.contains(h, &mut |q| key_eq(q, k)) {
                        add(&mut r, h, k);
                    }
                }
            }
        }
        _ => {
            r.merge(y, &mut key_eq);
            for (h, k) in x.entries() {
                if r.remove(h, &mut |q| key_eq(q, k)).is_none() {
                    add(&mut r, h, k);
                }
            }
        }
    }
    r
}

/// Whether every key of `x` is in `y` (`x` of plain keys).
pub(crate) fn plain_subset(x: &Set, y: &Set) -> bool {
    x.len() <= y.len()
        && x.entries()
            .all(|(h, k)| y.contains(h, &mut |q| key_eq(q, k)))
}

/// Whether the result of `a op b` on ints, sized before computing it, stays within the heap
/// budget (`crate::budget`): products, powers and left shifts can be far larger than their
/// operands. Sizes the semantics refuse anyway (absurd exponents) are left to them.
fn big_result_fits(op: BinaryOp, a: &BigInt, b: &BigInt) -> bool {
    use num_traits::{Signed, ToPrimitive};
    let bits: u128 = match op {
        BinaryOp::Mul => u128::from(a.bits()) + u128::from(b.bits()),
        BinaryOp::Pow if !b.is_negative() && a.bits() > 1 => {
            u128::from(a.bits()).saturating_mul(u128::from(b.to_u64().unwrap_or(0)))
        }
        BinaryOp::LShift if !a.is_zero() => {
            u128::from(a.bits()) + u128::from(b.to_u64().unwrap_or(0))
        }
        _ => return true,
    };
    // Small results are not worth a look at the counters.
    bits < 1 << 23 || crate::budget::fits_u128(Some(bits / 8))
}

/// The operators a float never takes (shifts, bitwise, `@`).
fn int_only(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::LShift
            | BinaryOp::RShift
            | BinaryOp::And
            | BinaryOp::Or
            | BinaryOp::Xor
            | BinaryOp::MatMul
    )
}
