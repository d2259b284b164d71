//! The `array` module: the `array.array` type (typecodes `bBuhHiIlLqQfd` with their C ranges,
//! indexing, slicing, iteration, concatenation and repetition, comparisons, the list-like
//! methods, `tobytes`/`frombytes` in machine order, pickling through `__reduce_ex__`),
//! `typecodes`, `ArrayType` and `_array_reconstructor`.

use super::{add_property, native_class, native_type, new_native, receiver, READONLY};
use crate::value::heap::ObjRef;
use crate::value::num::{num_of, Num};
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use permafrost_image::opcode::CompareOp;

const TYPECODES: &str = "bBuhHiIlLqQfd";

static ARRAY: &[NativeFn] = &[
    NativeFn::new("array", array_new),
    NativeFn::method("array.__len__", len, Arity::NoArgs, None),
    NativeFn::method("array.__getitem__", getitem, Arity::One, None),
    NativeFn::method("array.__setitem__", setitem, Arity::Range(2, 2), None),
    NativeFn::method("array.__delitem__", delitem, Arity::One, None),
    NativeFn::method("array.__iter__", iter, Arity::NoArgs, None),
    NativeFn::method("array.__contains__", contains, Arity::One, None),
    NativeFn::method("array.__repr__", repr, Arity::NoArgs, None),
    NativeFn::method("array.__add__", add, Arity::One, None),
    NativeFn::method("array.__iadd__", iadd, Arity::One, None),
    NativeFn::method("array.__mul__", mul, Arity::One, None),
    NativeFn::method("array.__rmul__", mul, Arity::One, None),
    NativeFn::method("array.__imul__", imul, Arity::One, None),
    NativeFn::method("array.__eq__", eq, Arity::One, None),
    NativeFn::method("array.__ne__", ne, Arity::One, None),
    NativeFn::method("array.__lt__", lt, Arity::One, None),
    NativeFn::method("array.__le__", le, Arity::One, None),
    NativeFn::method("array.__gt__", gt, Arity::One, None),
    NativeFn::method("array.__ge__", ge, Arity::One, None),
    NativeFn::method("array.__copy__", copy, Arity::NoArgs, None),
    NativeFn::method("array.__deepcopy__", copy, Arity::One, None),
    NativeFn::method("array.append", append, Arity::One, None),
    NativeFn::method("array.extend", extend, Arity::One, None),
    NativeFn::method("array.insert", insert, Arity::Range(2, 2), None),
    NativeFn::method("array.pop", pop, Arity::Range(0, 1), None),
    NativeFn::method("array.remove", remove, Arity::One, None),
    NativeFn::method("array.index", index, Arity::Range(1, 3), None),
    NativeFn::method("array.count", count, Arity::One, None),
    NativeFn::method("array.reverse", reverse, Arity::NoArgs, None),
    NativeFn::method("array.tolist", tolist, Arity::NoArgs, None),
    NativeFn::method("array.tobytes", tobytes, Arity::NoArgs, None),
    NativeFn::method("array.frombytes", frombytes, Arity::One, None),
    NativeFn::method("array.fromlist", fromlist, Arity::One, None),
    NativeFn::method("array.tounicode", tounicode, Arity::NoArgs, None),
    NativeFn::method("array.fromunicode", fromunicode, Arity::One, None),
    NativeFn::method("array.byteswap", byteswap, Arity::NoArgs, None),
    NativeFn::method("array.buffer_info", buffer_info, Arity::NoArgs, None),
    NativeFn::method("array.tofile", tofile, Arity::One, None),
    NativeFn::method("array.fromfile", fromfile, Arity::Range(2, 2), None),
    NativeFn::method("array.__reduce_ex__", reduce_ex, Arity::One, None),
];

static TYPECODE: NativeFn = NativeFn::method("array.typecode", typecode, Arity::NoArgs, None);
static ITEMSIZE: NativeFn = NativeFn::method("array.itemsize", itemsize, Arity::NoArgs, None);

static ITER: &[NativeFn] = &[NativeFn::new("arrayiterator", no_new_iter)];

static FUNCTIONS: &[NativeFn] = &[NativeFn::function(
    "_array_reconstructor",
    array_reconstructor,
    Arity::Range(4, 4),
    None,
)];

/// Builds the `array` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let t = native_type(vm, "array.array", None, ARRAY, false);
    let ro = Some(&READONLY);
    add_property(&t, "typecode", &TYPECODE, ro);
    add_property(&t, "itemsize", &ITEMSIZE, ro);
    super::set_class_attr(&t, "__hash__", Value::None);
    super::add_class_getitem(&t);
    native_type(vm, "array.arrayiterator", None, ITER, true);
    super::new_module(
        "array",
        FUNCTIONS,
        &[
            ("array", Value::Obj(t.clone())),
            ("ArrayType", Value::Obj(t)),
            ("typecodes", Vm::str_val(TYPECODES)),
        ],
    )
}

/// One stored item.
#[derive(Clone, Copy, PartialEq)]
enum Elem {
    I(i128),
    F(f64),
    U(char),
}

struct Array {
    code: u8,
    items: Vec<Elem>,
}

impl NativeState for Array {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn itemsize_of(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn this<'a>(vm: &Vm, a: &Args<'a>, m: &str) -> PyResult<&'a mut Array> {
    receiver::<Array>(vm, a, "array.array", m)
}

fn to_value(e: Elem) -> Value {
    match e {
        Elem::I(i) => match i64::try_from(i) {
            Ok(v) => Value::Int(v),
            Err(_) => Vm::int_from_big(BigInt::from(i)),
        },
        Elem::F(f) => Value::Float(f),
        Elem::U(c) => Vm::str_val(c.to_string()),
    }
}

/// Converts `v` to an item of typecode `code`, with CPython's errors.
fn to_elem(vm: &mut Vm, code: u8, v: &Value) -> PyResult<Elem> {
    match code {
        b'u' => match v.as_str() {
            Some(s) if s.chars().count() == 1 => Ok(Elem::U(s.chars().next().unwrap_or('\0'))),
            _ => Err(vm.type_error("array item must be unicode character")),
        },
        b'f' | b'd' => {
            let x = vm.f64_arg(Some(v), "array")?;
            Ok(Elem::F(if code == b'f' { x as f32 as f64 } else { x }))
        }
        _ => {
            let n: BigInt = match num_of(v) {
                Some(Num::I(i)) => BigInt::from(i),
                Some(Num::B(b)) => b.clone(),
                Some(Num::F(_)) => {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
                }
                None => match crate::value::num::index_big(vm, v)? {
                    Some(b) => b,
                    None => {
                        return Err(vm.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(v)
                        )))
                    }
                },
            };
            check_range(vm, code, &n).map(Elem::I)
        }
    }
}

fn check_range(vm: &Vm, code: u8, n: &BigInt) -> PyResult<i128> {
    let over = |m: &str| Err(vm.err(ExcKind::OverflowError, m));
    let v = n.to_i128();
    let (lo, hi, name): (i128, i128, &str) = match code {
        b'b' => (-128, 127, "signed char"),
        b'B' => (0, 255, "unsigned byte integer"),
        b'h' => (-32768, 32767, "signed short integer"),
        b'H' => (0, 65535, "unsigned short"),
        b'i' => (i32::MIN as i128, i32::MAX as i128, "signed integer"),
        b'I' => {
            return match v {
                Some(x) if x < 0 => over("can't convert negative value to unsigned int"),
                Some(x) if x <= u32::MAX as i128 => Ok(x),
                Some(x) if x <= u64::MAX as i128 => over("unsigned int is greater than maximum"),
                _ => over("Python int too large to convert to C unsigned long"),
            }
        }
        b'l' => {
            return match v {
                Some(x) if i64::try_from(x).is_ok() => Ok(x),
                _ => over("Python int too large to convert to C long"),
            }
        }
        b'L' => {
            return match v {
                Some(x) if x < 0 => over("can't convert negative value to unsigned int"),
                Some(x) if x <= u64::MAX as i128 => Ok(x),
                _ if n.sign() == num_bigint::Sign::Minus => {
                    over("can't convert negative value to unsigned int")
                }
                _ => over("Python int too large to convert to C unsigned long"),
            }
        }
        b'q' => {
            return match v {
                Some(x) if i64::try_from(x).is_ok() => Ok(x),
                _ => over("int too big to convert"),
            }
        }
        _ => {
            return match v {
                Some(x) if x < 0 => over("can't convert negative int to unsigned"),
                Some(x) if x <= u64::MAX as i128 => Ok(x),
                _ if n.sign() == num_bigint::Sign::Minus => {
                    over("can't convert negative int to unsigned")
                }
                _ => over("int too big to convert"),
            }
        }
    };
    match v {
        Some(x) if x > hi => over(&format!("{name} is greater than maximum")),
        Some(x) if x < lo => over(&format!("{name} is less than minimum")),
        Some(x) => Ok(x),
        None if n.sign() == num_bigint::Sign::Minus => {
            over(&format!("{name} is less than minimum"))
        }
        None => over(&format!("{name} is greater than maximum")),
    }
}

fn new_array(vm: &Vm, cls: Option<ObjRef>, code: u8, items: Vec<Elem>) -> Value {
    let native = native_class(vm, "array.array");
    let cls = cls.unwrap_or_else(|| native.clone());
    new_native(cls, native, None, Array { code, items })
}

fn array_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "array() takes at {} argument{} ({} given)",
            if a.pos.len() < 2 { "least 1" } else { "most 2" },
            if a.pos.len() < 2 { "" } else { "s" },
            a.pos.len() - 1
        )));
    }
    let tc = &a.pos[1];
    let code = match tc.as_str_arg() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
        _ => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(tc)
            )))
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let code = code as u8;
    let cls = super::new_cls(vm, a);
    let init = a.pos.get(2).cloned();
    let mut items = Vec::new();
    if let Some(init) = init {
        if let Some(s) = init.as_str() {
            if code != b'u' {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            items.extend(s.chars().map(Elem::U));
        } else if let Some(Object::Bytes(b)) = init.body() {
            items = decode(vm, code, b)?;
        } else if let Some(other) = super::state_of::<Array>(&init) {
            if (other.code == b'u') != (code == b'u') {
                return Err(vm.type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            let vals: Vec<Value> = other.items.iter().map(|e| to_value(*e)).collect();
            for v in &vals {
                items.push(to_elem(vm, code, v)?);
            }
        } else if !matches!(init, Value::None) {
            let vals = vm.collect(&init)?;
            for v in &vals {
                items.push(to_elem(vm, code, v)?);
            }
        }
    }
    Ok(new_array(vm, Some(cls), code, items))
}

/// Items of typecode `code` read from machine-order bytes.
fn decode(vm: &Vm, code: u8, b: &[u8]) -> PyResult<Vec<Elem>> {
    let size = itemsize_of(code);
    if !b.len().is_multiple_of(size) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let mut out = Vec::with_capacity(b.len() / size);
    for ch in b.chunks_exact(size) {
        let mut raw = [0u8; 8];
        raw[..size].copy_from_slice(ch);
        let u = u64::from_le_bytes(raw);
        out.push(match code {
            b'f' => Elem::F(f32::from_bits(u as u32) as f64),
            b'd' => Elem::F(f64::from_bits(u)),
            b'u' => match char::from_u32(u as u32) {
                Some(c) => Elem::U(c),
                None => {
                    return Err(vm.value_error(format!(
                        "character U+{:x} is not in range [U+0000; U+10ffff]",
                        u as u32
                    )))
                }
            },
            b'b' | b'h' | b'i' | b'l' | b'q' => {
                let shift = 64 - size as u32 * 8;
                Elem::I((((u << shift) as i64) >> shift) as i128)
            }
            _ => Elem::I(u as i128),
        });
    }
    Ok(out)
}

/// The machine bytes of an array (its buffer, as `bytes(a)` sees it), if `v` is one.
pub(crate) fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    super::state_of::<Array>(v).map(|a| encode(a.code, &a.items))
}

fn encode(code: u8, items: &[Elem]) -> Vec<u8> {
    let size = itemsize_of(code);
    let mut out = Vec::with_capacity(items.len() * size);
    for e in items {
        let u: u64 = match (*e, code) {
            (Elem::F(f), b'f') => (crate::value::num::canonical_nan(f) as f32).to_bits() as u64,
            (Elem::F(f), _) => crate::value::num::canonical_nan(f).to_bits(),
            (Elem::U(c), _) => c as u64,
            (Elem::I(i), _) => i as u64,
        };
        out.extend_from_slice(&u.to_le_bytes()[..size]);
    }
    out
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a, "__len__")?.items.len() as i64))
}

/// A normalised index into `n` items, or `None` when out of range.
fn norm(i: i64, n: usize) -> Option<usize> {
    let i = if i < 0 { i + n as i64 } else { i };
    (0..n as i64).contains(&i).then_some(i as usize)
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "__getitem__")?;
    let key = arg(a, 1);
    if Vm::is_slice(&key) {
        let n = this(vm, a, "__getitem__")?.items.len();
        let (start, _, step, count) = vm.slice_indices(&key, n)?;
        let s = this(vm, a, "__getitem__")?;
        let items: Vec<Elem> = (0..count)
            .map(|k| s.items[(start + k as i64 * step) as usize])
            .collect();
        let code = s.code;
        return Ok(new_array(vm, None, code, items));
    }
    let i = index_arg(vm, &key)?;
    let s = this(vm, a, "__getitem__")?;
    match norm(i, s.items.len()) {
        Some(i) => Ok(to_value(s.items[i])),
        None => Err(vm.err(ExcKind::IndexError, "array index out of range")),
    }
}

fn index_arg(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        _ if matches!(key.body(), Some(Object::BigInt(_))) => Err(vm.err(
            ExcKind::IndexError,
            "cannot fit 'int' into an index-sized integer",
        )),
        Value::Bool(_) => vm.index_of(key),
        _ => match num_of(key) {
            Some(Num::F(_)) => Err(vm.type_error("array indices must be integers")),
            _ => vm
                .index_of(key)
                .map_err(|_| vm.type_error("array indices must be integers")),
        },
    }
}

/// The items of `other`, an array of the same typecode as `code`, for slice assignment and
/// concatenation; `what` words the error for a non-array.
fn same_kind(vm: &Vm, code: u8, other: &Value, what: &str) -> PyResult<Vec<Elem>> {
    match super::state_of::<Array>(other) {
        Some(o) if o.code == code => Ok(o.items.clone()),
        Some(_) => Err(vm.type_error("bad argument type for built-in operation")),
        None => Err(vm.type_error(format!(
            "can only {what} array (not \"{}\") to array{}",
            vm.type_name(other),
            if what == "assign" { " slice" } else { "" }
        ))),
    }
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "__setitem__")?.code;
    let key = arg(a, 1);
    let v = arg(a, 2);
    if Vm::is_slice(&key) {
        let new = same_kind(vm, code, &v, "assign")?;
        let n = this(vm, a, "__setitem__")?.items.len();
        let (start, stop, step, count) = vm.slice_indices(&key, n)?;
        let s = this(vm, a, "__setitem__")?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            s.items.splice(start as usize..stop, new);
            return Ok(Value::None);
        }
        if new.len() != count {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {count}",
                new.len()
            )));
        }
        for (k, e) in new.into_iter().enumerate() {
            s.items[(start + k as i64 * step) as usize] = e;
        }
        return Ok(Value::None);
    }
    let i = index_arg(vm, &key)?;
    let e = to_elem(vm, code, &v)?;
    let s = this(vm, a, "__setitem__")?;
    match norm(i, s.items.len()) {
        Some(i) => {
            s.items[i] = e;
            Ok(Value::None)
        }
        None => Err(vm.err(ExcKind::IndexError, "array assignment index out of range")),
    }
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "__delitem__")?;
    let key = arg(a, 1);
    if Vm::is_slice(&key) {
        let n = this(vm, a, "__delitem__")?.items.len();
        let (start, _, step, count) = vm.slice_indices(&key, n)?;
        let s = this(vm, a, "__delitem__")?;
        let mut drop: Vec<usize> = (0..count)
            .map(|k| (start + k as i64 * step) as usize)
            .collect();
        drop.sort_unstable();
        for i in drop.into_iter().rev() {
            s.items.remove(i);
        }
        return Ok(Value::None);
    }
    let i = index_arg(vm, &key)?;
    let s = this(vm, a, "__delitem__")?;
    match norm(i, s.items.len()) {
        Some(i) => {
            s.items.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.err(ExcKind::IndexError, "array assignment index out of range")),
    }
}

struct ArrayIter {
    array: Value,
    pos: usize,
}

impl NativeState for ArrayIter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.array);
    }
}

fn no_new_iter(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'array.arrayiterator' instances"))
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "__iter__")?;
    let native = native_class(vm, "array.arrayiterator");
    Ok(new_native(
        native.clone(),
        native,
        Some(iter_next),
        ArrayIter {
            array: arg(a, 0),
            pos: 0,
        },
    ))
}

fn iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(s) = super::state_of::<ArrayIter>(it) else {
        return Ok(None);
    };
    let array = s.array.clone();
    let Some(arr) = super::state_of::<Array>(&array) else {
        return Ok(None);
    };
    match arr.items.get(s.pos) {
        Some(e) => {
            s.pos += 1;
            Ok(Some(to_value(*e)))
        }
        None => {
            s.pos = usize::MAX;
            Ok(None)
        }
    }
}

fn values_of(vm: &Vm, a: &Args, m: &str) -> PyResult<Vec<Value>> {
    Ok(this(vm, a, m)?.items.iter().map(|e| to_value(*e)).collect())
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let vals = values_of(vm, a, "__contains__")?;
    let x = arg(a, 1);
    for v in &vals {
        if vm.eq(v, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // The type's own name: a subclass shows as `A('i', [1])`.
    let name = Vm::class_name(&vm.type_of(&arg(a, 0)));
    let s = this(vm, a, "__repr__")?;
    let code = s.code;
    if s.items.is_empty() {
        return Ok(Vm::str_val(format!("{name}('{}')", code as char)));
    }
    let inner = if code == b'u' {
        let text: String = s
            .items
            .iter()
            .map(|e| match e {
                Elem::U(c) => *c,
                _ => '\0',
            })
            .collect();
        vm.repr(&Vm::str_val(text))?
    } else {
        let list = Vm::new_list(s.items.iter().map(|e| to_value(*e)).collect());
        vm.repr(&list)?
    };
    Ok(Vm::str_val(format!("{name}('{}', {inner})", code as char)))
}

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "__add__")?;
    let (code, mut items) = (s.code, s.items.clone());
    let other = same_kind(vm, code, &arg(a, 1), "append")?;
    items.extend(other);
    Ok(new_array(vm, None, code, items))
}

fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "__iadd__")?.code;
    let other = same_kind(vm, code, &arg(a, 1), "extend").map_err(|_| {
        vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(&arg(a, 1))
        ))
    })?;
    this(vm, a, "__iadd__")?.items.extend(other);
    Ok(arg(a, 0))
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::Int(n) => Ok(Some((*n).max(0) as usize)),
        Value::Bool(b) => Ok(Some(*b as usize)),
        _ if matches!(v.body(), Some(Object::BigInt(_))) => Err(vm.err(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Ok(None),
    }
}

fn mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "__mul__")?;
    let Some(n) = repeat_count(vm, &arg(a, 1))? else {
        return Ok(Value::NotImplemented);
    };
    let s = this(vm, a, "__mul__")?;
    if n.checked_mul(s.items.len())
        .is_none_or(|t| t > isize::MAX as usize / 8)
    {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    let (code, items) = (s.code, s.items.repeat(n));
    Ok(new_array(vm, None, code, items))
}

fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "__imul__")?;
    let Some(n) = repeat_count(vm, &arg(a, 1))? else {
        return Ok(Value::NotImplemented);
    };
    let s = this(vm, a, "__imul__")?;
    if n.checked_mul(s.items.len())
        .is_none_or(|t| t > isize::MAX as usize / 8)
    {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    s.items = s.items.repeat(n);
    Ok(arg(a, 0))
}

/// Rich comparison with another array: item by item, as sequences compare.
fn compare(vm: &mut Vm, a: &Args, op: CompareOp) -> PyResult<Value> {
    let mine = values_of(vm, a, "__eq__")?;
    let other = arg(a, 1);
    let Some(o) = super::state_of::<Array>(&other) else {
        return Ok(Value::NotImplemented);
    };
    let theirs: Vec<Value> = o.items.iter().map(|e| to_value(*e)).collect();
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && mine.len() != theirs.len() {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    for (x, y) in mine.iter().zip(&theirs) {
        if !vm.eq(x, y)? {
            return match op {
                CompareOp::Eq => Ok(Value::Bool(false)),
                CompareOp::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(op, x, y),
            };
        }
    }
    let (l, r) = (mine.len(), theirs.len());
    Ok(Value::Bool(match op {
        CompareOp::Eq => true,
        CompareOp::Ne => false,
        CompareOp::Lt => l < r,
        CompareOp::Le => l <= r,
        CompareOp::Gt => l > r,
        _ => l >= r,
    }))
}

fn eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Eq)
}

fn ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Ne)
}

fn lt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Lt)
}

fn le(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Le)
}

fn gt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Gt)
}

fn ge(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    compare(vm, a, CompareOp::Ge)
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "__copy__")?;
    let (code, items) = (s.code, s.items.clone());
    Ok(new_array(vm, None, code, items))
}

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "append")?.code;
    let e = to_elem(vm, code, &arg(a, 1))?;
    this(vm, a, "append")?.items.push(e);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "extend")?.code;
    let other = arg(a, 1);
    if let Some(o) = super::state_of::<Array>(&other) {
        if o.code != code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let items = o.items.clone();
        this(vm, a, "extend")?.items.extend(items);
        return Ok(Value::None);
    }
    let vals = vm.collect(&other)?;
    for v in &vals {
        let e = to_elem(vm, code, v)?;
        this(vm, a, "extend")?.items.push(e);
    }
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "insert")?.code;
    let i = vm.ssize_of(&arg(a, 1))?;
    let e = to_elem(vm, code, &arg(a, 2))?;
    let s = this(vm, a, "insert")?;
    let n = s.items.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    s.items.insert(i as usize, e);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "pop")?;
    let i = match a.get(1) {
        Some(v) => vm.ssize_of(v)?,
        None => -1,
    };
    let s = this(vm, a, "pop")?;
    if s.items.is_empty() {
        return Err(vm.err(ExcKind::IndexError, "pop from empty array"));
    }
    match norm(i, s.items.len()) {
        Some(i) => Ok(to_value(s.items.remove(i))),
        None => Err(vm.err(ExcKind::IndexError, "pop index out of range")),
    }
}

fn find(vm: &mut Vm, a: &Args, m: &str, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let vals = values_of(vm, a, m)?;
    let x = arg(a, 1);
    for (i, v) in vals.iter().enumerate().take(hi).skip(lo) {
        if vm.eq(v, &x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match find(vm, a, "remove", 0, usize::MAX)? {
        Some(i) => {
            this(vm, a, "remove")?.items.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = this(vm, a, "index")?.items.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => vm.ssize_of(v)?,
            None => d,
        };
        Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
    };
    let lo = bound(vm, a.get(2), 0)?;
    let hi = bound(vm, a.get(3), n)?;
    match find(vm, a, "index", lo, hi)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let vals = values_of(vm, a, "count")?;
    let x = arg(a, 1);
    let mut n = 0;
    for v in &vals {
        if vm.eq(v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "reverse")?.items.reverse();
    Ok(Value::None)
}

fn tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::new_list(values_of(vm, a, "tolist")?))
}

fn tobytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "tobytes")?;
    let b = encode(s.code, &s.items);
    Ok(Value::obj(Object::Bytes(b.into_boxed_slice().into())))
}

fn frombytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "frombytes")?.code;
    let v = arg(a, 1);
    let items = match crate::objects::bytearray::bytes_like(&v) {
        Some(b) => decode(vm, code, &b)?,
        None => {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&v)
            )))
        }
    };
    this(vm, a, "frombytes")?.items.extend(items);
    Ok(Value::None)
}

/// `(address, length)`: the address is that of the element storage.
fn buffer_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "buffer_info")?;
    let addr = s.items.as_ptr() as usize as i64;
    let n = s.items.len() as i64;
    Ok(Vm::new_tuple(vec![Value::Int(addr), Value::Int(n)]))
}

/// `a.tofile(f)`: `f.write(a.tobytes())`.
fn tofile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "tofile")?;
    let b = encode(s.code, &s.items);
    let write = vm.getattr(&arg(a, 1), &Vm::str_val("write"))?;
    vm.call(
        &write,
        &[Value::obj(Object::Bytes(b.into_boxed_slice().into()))],
        &[],
    )?;
    Ok(Value::None)
}

/// `a.fromfile(f, n)`: reads `n` items' bytes; the whole items read are appended even when
/// fewer than `n` arrive (then EOFError).
fn fromfile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "fromfile")?.code;
    let n = vm.ssize_of(&arg(a, 2))?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let size = itemsize_of(code) as i64;
    let want = n
        .checked_mul(size)
        .ok_or_else(|| vm.err(crate::vm::ExcKind::MemoryError, ""))?;
    let read = vm.getattr(&arg(a, 1), &Vm::str_val("read"))?;
    let got = vm.call(&read, &[Value::Int(want)], &[])?;
    let Some(bytes) = (match got.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    }) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = bytes.len() - bytes.len() % size as usize;
    let items = decode(vm, code, &bytes[..whole])?;
    this(vm, a, "fromfile")?.items.extend(items);
    if (bytes.len() as i64) < want {
        return Err(vm.err(
            crate::vm::ExcKind::EOFError,
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::None)
}

fn fromlist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "fromlist")?.code;
    let v = arg(a, 1);
    let vals = match v.body() {
        Some(Object::List(l)) => l.clone(),
        _ => return Err(vm.type_error("arg must be list")),
    };
    // All or nothing: a bad item leaves the array unchanged.
    let mut items = Vec::with_capacity(vals.len());
    for x in &vals {
        items.push(to_elem(vm, code, x)?);
    }
    this(vm, a, "fromlist")?.items.extend(items);
    Ok(Value::None)
}

fn tounicode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "tounicode")?;
    if s.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let text: String = s
        .items
        .iter()
        .map(|e| match e {
            Elem::U(c) => *c,
            _ => '\0',
        })
        .collect();
    Ok(Vm::str_val(text))
}

fn fromunicode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = this(vm, a, "fromunicode")?.code;
    let v = arg(a, 1);
    let Some(text) = v.as_str() else {
        return Err(vm.type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    if code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let chars: Vec<Elem> = text.chars().map(Elem::U).collect();
    this(vm, a, "fromunicode")?.items.extend(chars);
    Ok(Value::None)
}

fn byteswap(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = this(vm, a, "byteswap")?;
    let size = itemsize_of(s.code);
    let mut b = encode(s.code, &s.items);
    for ch in b.chunks_exact_mut(size) {
        ch.reverse();
    }
    let items = decode(vm, s.code, &b)?;
    this(vm, a, "byteswap")?.items = items;
    Ok(Value::None)
}

fn typecode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = this(vm, a, "typecode")?.code as char;
    Ok(Vm::str_val(c.to_string()))
}

fn itemsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(itemsize_of(this(vm, a, "itemsize")?.code) as i64))
}

/// An array's typecode and its items as machine-order bytes: the buffer a memoryview sees.
pub(crate) fn buffer_of(v: &Value) -> Option<(u8, Vec<u8>)> {
    let a = super::state_of::<Array>(v)?;
    Some((a.code, encode(a.code, &a.items)))
}

/// Writes `data` into an array's buffer at byte `offset` (a write through a memoryview).
pub(crate) fn write_buffer(vm: &Vm, v: &Value, offset: usize, data: &[u8]) -> PyResult<()> {
    let Some(a) = super::state_of::<Array>(v) else {
        return Ok(());
    };
    let mut raw = encode(a.code, &a.items);
    if let Some(dst) = raw.get_mut(offset..offset + data.len()) {
        dst.copy_from_slice(data);
    }
    let items = decode(vm, a.code, &raw)?;
    if let Some(a) = super::state_of::<Array>(v) {
        a.items = items;
    }
    Ok(())
}

/// CPython's machine format code of typecode `code` on a little-endian machine with 4-byte
/// `int` and `wchar_t` and 8-byte `long`: what a pickle records beside the raw bytes.
fn mformat_of(code: u8) -> i64 {
    match code {
        b'B' => 0,
        b'b' => 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    }
}

/// `array.__reduce_ex__(protocol)`: `(type, (typecode, list), dict)` below protocol 3, else
/// `(_array_reconstructor, (type, typecode, mformat_code, bytes), dict)`.
fn reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this_v = arg(a, 0);
    let protocol = vm.index_of(&arg(a, 1))?;
    let (code, bytes, list) = {
        let s = this(vm, a, "__reduce_ex__")?;
        let list: Vec<Value> = s.items.iter().map(|e| to_value(*e)).collect();
        (s.code, encode(s.code, &s.items), list)
    };
    // Only a subclass's instances have a `__dict__`.
    let dict = if !vm.type_of(&this_v).ptr_eq(&native_class(vm, "array.array")) {
        vm.getattr_opt(&this_v, "__dict__")?.unwrap_or(Value::None)
    } else {
        Value::None
    };
    let cls = Value::Obj(vm.type_of(&this_v));
    let tc = Vm::str_val((code as char).to_string());
    if protocol < 3 {
        return Ok(Vm::new_tuple(vec![
            cls,
            Vm::new_tuple(vec![tc, Vm::new_list(list)]),
            dict,
        ]));
    }
    let module = vm.import_module("array")?;
    let rec = vm.getattr(&module, &Vm::str_val("_array_reconstructor"))?;
    Ok(Vm::new_tuple(vec![
        rec,
        Vm::new_tuple(vec![
            cls,
            tc,
            Value::Int(mformat_of(code)),
            Value::obj(Object::Bytes(bytes.into_boxed_slice().into())),
        ]),
        dict,
    ]))
}

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items)`: the array a pickle
/// describes, its items read in the recorded machine format and converted to `typecode`.
fn array_reconstructor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls_v = arg(a, 0);
    let cls = match &cls_v {
        Value::Obj(o) if matches!(o.get(), Object::Class(_)) => o.clone(),
        v => {
            return Err(vm.type_error(format!(
                "first argument must be a type object, not {}",
                vm.type_name(v)
            )))
        }
    };
    let native = native_class(vm, "array.array");
    if !Vm::is_subclass(&cls, &native) {
        let name = vm.getattr(&cls_v, &Vm::str_val("__name__"))?;
        let name = name.as_str().unwrap_or("?").to_string();
        return Err(vm.type_error(format!("{name} is not a subtype of array.array")));
    }
    let tc = arg(a, 1);
    let code = match tc.as_str() {
        Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\0'),
        _ => {
            return Err(vm.type_error(format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                vm.type_name(&tc)
            )))
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(vm.value_error("second argument must be a valid type code"));
    }
    let code = code as u8;
    let mformat = match arg(a, 2) {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        v => vm.index_of(&v)?,
    };
    if !(0..=21).contains(&mformat) {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    }
    let items_v = arg(a, 3);
    let data: Vec<u8> = match items_v.body() {
        Some(Object::Bytes(b)) => b.to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "fourth argument should be bytes, not {}",
                vm.type_name(&items_v)
            )))
        }
    };
    if mformat == mformat_of(code) {
        let items = decode(vm, code, &data)?;
        return Ok(new_array(vm, Some(cls), code, items));
    }
    // Another machine's layout: read each item as a Python value, then store it as `code`.
    let m = mformat as usize;
    let (size, big) = match m {
        0 | 1 => (1, false),
        2..=13 => (2usize << ((m - 2) / 4), m % 2 == 1),
        14 | 15 => (4, m == 15),
        16 | 17 => (8, m == 17),
        18 | 19 => (2, m == 19),
        _ => (4, m == 21),
    };
    if !data.len().is_multiple_of(size) {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    let word = |ch: &[u8]| {
        let mut raw = [0u8; 8];
        if big {
            raw[8 - size..].copy_from_slice(ch);
            u64::from_be_bytes(raw)
        } else {
            raw[..size].copy_from_slice(ch);
            u64::from_le_bytes(raw)
        }
    };
    let mut values = Vec::with_capacity(data.len() / size);
    // Integers are stored with the (last) typecode of the recorded size and signedness.
    let mut code = code;
    if m <= 13 {
        let signed = m == 1 || (m >= 4 && (m - 2) % 4 >= 2);
        for c in TYPECODES.bytes() {
            if !matches!(c, b'u' | b'f' | b'd')
                && itemsize_of(c) == size
                && c.is_ascii_lowercase() == signed
            {
                code = c;
            }
        }
    }
    if m >= 18 {
        let units: Vec<u32> = data.chunks_exact(size).map(|ch| word(ch) as u32).collect();
        let text: String = if size == 2 {
            let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
            match String::from_utf16(&u16s) {
                Ok(t) => t,
                Err(_) => return Err(vm.value_error("invalid UTF-16 data in array pickle")),
            }
        } else {
            let mut t = String::new();
            for u in units {
                match char::from_u32(u) {
                    Some(c) => t.push(c),
                    None => {
                        return Err(vm.value_error(format!(
                            "character U+{u:x} is not in range [U+0000; U+10ffff]"
                        )))
                    }
                }
            }
            t
        };
        if code != b'u' {
            return Err(vm.type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code as char
            )));
        }
        let items = text.chars().map(Elem::U).collect();
        return Ok(new_array(vm, Some(cls), code, items));
    }
    for ch in data.chunks_exact(size) {
        let u = word(ch);
        values.push(match m {
            14 | 15 => Value::Float(f32::from_bits(u as u32) as f64),
            16 | 17 => Value::Float(f64::from_bits(u)),
            _ if code.is_ascii_lowercase() => {
                let shift = 64 - size as u32 * 8;
                Value::Int(((u << shift) as i64) >> shift)
            }
            _ => match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => Vm::int_from_big(BigInt::from(u)),
            },
        });
    }
    let mut items = Vec::with_capacity(values.len());
    for v in &values {
        items.push(to_elem(vm, code, v)?);
    }
    Ok(new_array(vm, Some(cls), code, items))
}
