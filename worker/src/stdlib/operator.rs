//! The `_operator` module: the operators as functions (one row each in [`FUNCTIONS`]) and the
//! `itemgetter`, `attrgetter` and `methodcaller` types.

use super::{native_class, native_type, new_native, receiver};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_image::opcode::{BinaryOp, CompareOp};

macro_rules! binary {
    ($name:literal, $f:ident, $op:expr) => {
        NativeFn::function(concat!("_operator.", $name), $f, Arity::Range(2, 2), None)
    };
}

pub(crate) static FUNCTIONS: &[NativeFn] = &[
    binary!("add", add, Add),
    binary!("sub", sub, Sub),
    binary!("mul", mul, Mul),
    binary!("truediv", truediv, TrueDiv),
    binary!("floordiv", floordiv, FloorDiv),
    binary!("mod", mod_, Mod),
    binary!("pow", pow, Pow),
    binary!("lshift", lshift, LShift),
    binary!("rshift", rshift, RShift),
    binary!("and_", and_, And),
    binary!("or_", or_, Or),
    binary!("xor", xor, Xor),
    binary!("matmul", matmul, MatMul),
    binary!("iadd", iadd, Add),
    binary!("isub", isub, Sub),
    binary!("imul", imul, Mul),
    binary!("itruediv", itruediv, TrueDiv),
    binary!("ifloordiv", ifloordiv, FloorDiv),
    binary!("imod", imod, Mod),
    binary!("ipow", ipow, Pow),
    binary!("ilshift", ilshift, LShift),
    binary!("irshift", irshift, RShift),
    binary!("iand", iand, And),
    binary!("ior", ior, Or),
    binary!("ixor", ixor, Xor),
    binary!("imatmul", imatmul, MatMul),
    binary!("lt", lt, Lt),
    binary!("le", le, Le),
    binary!("eq", eq, Eq),
    binary!("ne", ne, Ne),
    binary!("gt", gt, Gt),
    binary!("ge", ge, Ge),
    binary!("is_", is_, Is),
    binary!("is_not", is_not, IsNot),
    binary!("concat", concat, Concat),
    binary!("iconcat", iconcat, Concat),
    binary!("contains", contains, Contains),
    binary!("countOf", count_of, CountOf),
    binary!("indexOf", index_of, IndexOf),
    binary!("getitem", getitem, GetItem),
    binary!("delitem", delitem, DelItem),
    binary!("_compare_digest", compare_digest, Digest),
    NativeFn::function("_operator.setitem", setitem, Arity::Range(3, 3), None),
    NativeFn::function("_operator.not_", not_, Arity::One, None),
    NativeFn::function("_operator.truth", truth, Arity::One, None),
    NativeFn::function("_operator.abs", abs, Arity::One, None),
    NativeFn::function("_operator.neg", neg, Arity::One, None),
    NativeFn::function("_operator.pos", pos, Arity::One, None),
    NativeFn::function("_operator.inv", invert, Arity::One, None),
    NativeFn::function("_operator.invert", invert, Arity::One, None),
    NativeFn::function("_operator.index", index, Arity::One, None),
    NativeFn::function(
        "_operator.length_hint",
        length_hint,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::new("_operator.call", call),
];

/// Builds the `_operator` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let item = native_type(vm, "operator.itemgetter", None, ITEMGETTER, false);
    let attr = native_type(vm, "operator.attrgetter", None, ATTRGETTER, false);
    let meth = native_type(vm, "operator.methodcaller", None, METHODCALLER, false);
    for t in [&item, &attr, &meth] {
        super::set_slots(t, &[]);
    }
    super::new_module(
        "_operator",
        FUNCTIONS,
        &[
            ("itemgetter", Value::Obj(item)),
            ("attrgetter", Value::Obj(attr)),
            ("methodcaller", Value::Obj(meth)),
            (
                "__doc__",
                Vm::str_val("Operator interface: the intrinsic operators as functions."),
            ),
        ],
    )
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn bin(vm: &mut Vm, a: &Args, op: BinaryOp, inplace: bool) -> PyResult<Value> {
    let arg_ = op as u32 | if inplace { BinaryOp::INPLACE } else { 0 };
    vm.binary_op(arg_, &arg(a, 0), &arg(a, 1))
}

macro_rules! binops {
    ($($f:ident $op:ident $inplace:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            bin(vm, a, BinaryOp::$op, $inplace)
        })*
    };
}

binops!(
    add Add false, sub Sub false, mul Mul false, truediv TrueDiv false,
    floordiv FloorDiv false, mod_ Mod false, pow Pow false, lshift LShift false,
    rshift RShift false, and_ And false, or_ Or false, xor Xor false, matmul MatMul false,
    iadd Add true, isub Sub true, imul Mul true, itruediv TrueDiv true,
    ifloordiv FloorDiv true, imod Mod true, ipow Pow true, ilshift LShift true,
    irshift RShift true, iand And true, ior Or true, ixor Xor true, imatmul MatMul true,
);

macro_rules! cmpops {
    ($($f:ident $op:ident),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            vm.compare(CompareOp::$op, &arg(a, 0), &arg(a, 1))
        })*
    };
}

cmpops!(lt Lt, le Le, eq Eq, ne Ne, gt Gt, ge Ge);

fn is_(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(arg(a, 0).is(&arg(a, 1))))
}

fn is_not(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(!arg(a, 0).is(&arg(a, 1))))
}

/// Whether `v` is a sequence (CPython's `PySequence_Check`: `__getitem__`, not a dict).
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Str(_) => true,
        _ => match v.body() {
            Some(Object::Dict(_)) => false,
            Some(
                Object::Str(_)
                | Object::Bytes(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Range { .. },
            ) => true,
            Some(Object::Instance(_)) => vm
                .lookup_class_attr(&vm.type_of(v), "__getitem__")
                .is_some(),
            _ => false,
        },
    }
}

fn concat_impl(vm: &mut Vm, a: &Args, inplace: bool) -> PyResult<Value> {
    let x = arg(a, 0);
    if !is_sequence(vm, &x) {
        return Err(vm.type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(&x)
        )));
    }
    bin(vm, a, BinaryOp::Add, inplace)
}

fn concat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    concat_impl(vm, a, false)
}

fn iconcat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    concat_impl(vm, a, true)
}

fn contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(&arg(a, 0), &arg(a, 1))?))
}

fn count_of(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = vm.get_iter(&arg(a, 0))?;
    let x = arg(a, 1);
    let mut n = 0i64;
    while let Some(v) = vm.next(&it)? {
        if v.is(&x) || vm.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = vm.get_iter(&arg(a, 0))?;
    let x = arg(a, 1);
    let mut i = 0i64;
    while let Some(v) = vm.next(&it)? {
        if v.is(&x) || vm.eq(&v, &x)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.getitem(&arg(a, 0), &arg(a, 1))
}

fn setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.setitem(&arg(a, 0), arg(a, 1), arg(a, 2))?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.delitem(&arg(a, 0), &arg(a, 1))?;
    Ok(Value::None)
}

fn not_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(!vm.truthy(&arg(a, 0))?))
}

fn truth(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(&arg(a, 0))?))
}

fn builtin(vm: &mut Vm, name: &str, a: &Args) -> PyResult<Value> {
    let f = vm.builtins.get(name).cloned().unwrap_or(Value::None);
    vm.call(&f, &[arg(a, 0)], &[])
}

fn abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    builtin(vm, "abs", a)
}

fn neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.unary_neg(&arg(a, 0))
}

fn pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.unary_pos(&arg(a, 0))
}

fn invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.unary_invert(&arg(a, 0))
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(a, 0);
    match &v {
        Value::Int(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => match v.body() {
            Some(Object::BigInt(_)) => Ok(v),
            // An int subclass gives its value as an exact int.
            Some(Object::Instance(_)) if matches!(crate::value::num::inst_base(&v), Some(ref b) if crate::value::num::num_of(b).is_some_and(|n| !matches!(n, crate::value::num::Num::F(_)))) => {
                Ok(crate::value::num::inst_base(&v).unwrap_or(Value::None))
            }
            Some(Object::Instance(_)) => match vm.call_dunder(&v, "__index__", &[])? {
                Some(r @ Value::Int(_)) => Ok(r),
                Some(r) if matches!(r.body(), Some(Object::BigInt(_))) => Ok(r),
                Some(r) => Err(vm.type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
                None => Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&v)
                ))),
            },
            _ => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&v)
            ))),
        },
    }
}

fn length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(a, 0);
    let default = match a.get(1) {
        None => 0,
        Some(d) => match d {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )))
            }
        },
    };
    match vm.len_of(&v) {
        Ok(n) => return Ok(Value::Int(n as i64)),
        Err(e) if !vm.exc_matches(&e, ExcKind::TypeError) => return Err(e),
        Err(_) => {}
    }
    if let Some(n) = builtin_iter_remaining(&v) {
        return Ok(Value::Int(n as i64));
    }
    let hint = match v.body() {
        Some(Object::Instance(_)) => vm.lookup_class_attr(&vm.type_of(&v), "__length_hint__"),
        _ => None,
    };
    let Some(hint) = hint else {
        return Ok(Value::Int(default));
    };
    let r = match vm.call(&hint, std::slice::from_ref(&v), &[]) {
        Ok(r) => r,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => return Ok(Value::Int(default)),
        Err(e) => return Err(e),
    };
    match r {
        Value::NotImplemented => Ok(Value::Int(default)),
        Value::Int(i) if i < 0 => Err(vm.value_error("__length_hint__() should return >= 0")),
        Value::Int(i) => Ok(Value::Int(i)),
        _ => Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        ))),
    }
}

/// The items left in a built-in iterator that knows them (CPython's `__length_hint__` of
/// its sequence, range, dict, set and reversed iterators).
fn builtin_iter_remaining(v: &Value) -> Option<usize> {
    use crate::value::object::Iter;
    let Object::Iter(it) = v.body()? else {
        return None;
    };
    match it {
        Iter::Seq { seq, index } => {
            let len = match seq {
                Value::Str(s) => s.as_str().len(),
                _ => match seq.body()? {
                    Object::List(l) => l.len(),
                    Object::Tuple(t) => t.len(),
                    Object::Bytes(b) => b.len(),
                    Object::Str(s) => s.bytes().len(),
                    _ => return None,
                },
            };
            Some(len.saturating_sub(*index))
        }
        Iter::StrChars { s, byte } => Some(s.as_str()?.get(*byte..)?.chars().count()),
        Iter::Range { next, stop, step } => Some(range_remaining(*next, *stop, *step)),
        Iter::Dict {
            dict, index, len, ..
        } => match dict.get() {
            Object::Dict(d) if d.len() == *len => Some(
                d.raw_entries()
                    .get(*index..)
                    .map_or(0, |es| es.iter().filter(|e| !e.key.is_null()).count()),
            ),
            _ => Some(0),
        },
        Iter::Snapshot { items, index, .. } => Some(items.len().saturating_sub(*index)),
        Iter::Reversed { index, .. } => Some(*index),
        Iter::Exhausted => Some(0),
        _ => None,
    }
}

fn call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(vm.type_error("call() missing 1 required positional argument: 'obj'"));
    }
    vm.call(&a.raw[0], &a.raw[1..], a.kwnames)
}

/// The bytes of a `_compare_digest` argument.
fn digest_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    }
}

fn compare_digest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (arg(a, 0), arg(a, 1));
    let (bx, by) = match (x.as_str(), y.as_str()) {
        (Some(s), Some(t)) => {
            if !s.is_ascii() || !t.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (s.as_bytes().to_vec(), t.as_bytes().to_vec())
        }
        (Some(_), None) | (None, Some(_))
            if digest_bytes(&x).is_some() || digest_bytes(&y).is_some() =>
        {
            let bad = if x.as_str().is_some() { &x } else { &y };
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(bad)
            )));
        }
        _ => match (digest_bytes(&x), digest_bytes(&y)) {
            (Some(p), Some(q)) => (p, q),
            _ => {
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(&x),
                    vm.type_name(&y)
                )))
            }
        },
    };
    // Constant time in the length of the second argument, as CPython's.
    let mut diff = u8::from(bx.len() != by.len());
    let left = if bx.len() == by.len() { &bx } else { &by };
    for (p, q) in left.iter().zip(by.iter()) {
        diff |= p ^ q;
    }
    Ok(Value::Bool(diff == 0))
}

// ----- itemgetter, attrgetter, methodcaller -----

static ITEMGETTER: &[NativeFn] = &[
    NativeFn::new("itemgetter", itemgetter_new),
    NativeFn::new("itemgetter.__call__", itemgetter_call),
    NativeFn::method("itemgetter.__repr__", itemgetter_repr, Arity::NoArgs, None),
];

static ATTRGETTER: &[NativeFn] = &[
    NativeFn::new("attrgetter", attrgetter_new),
    NativeFn::new("attrgetter.__call__", attrgetter_call),
    NativeFn::method("attrgetter.__repr__", attrgetter_repr, Arity::NoArgs, None),
];

static METHODCALLER: &[NativeFn] = &[
    NativeFn::new("methodcaller", methodcaller_new),
    NativeFn::new("methodcaller.__call__", methodcaller_call),
    NativeFn::method(
        "methodcaller.__repr__",
        methodcaller_repr,
        Arity::NoArgs,
        None,
    ),
];

struct Getter {
    items: Vec<Value>,
}

impl NativeState for Getter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
}

/// The dotted parts of each attrgetter name, split once at construction.
struct AttrGetter {
    names: Vec<Value>,
    parts: Vec<Vec<Value>>,
}

impl NativeState for AttrGetter {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.names
            .iter()
            .chain(self.parts.iter().flatten())
            .for_each(f);
    }
}

struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

impl NativeState for MethodCaller {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        self.args.iter().chain(self.kwnames.iter()).for_each(f);
    }
}

fn cls_of(vm: &Vm, a: &Args, key: &str) -> (ObjRef, ObjRef) {
    let native = native_class(vm, key);
    let cls = match a.get(0) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => o.clone(),
        _ => native.clone(),
    };
    (cls, native)
}

fn no_kwargs(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn itemgetter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_kwargs(vm, a, "itemgetter")?;
    let items = a.pos[1.min(a.pos.len())..].to_vec();
    if items.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let (cls, native) = cls_of(vm, a, "operator.itemgetter");
    Ok(new_native(cls, native, None, Getter { items }))
}

fn itemgetter_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver::<Getter>(vm, a, "operator.itemgetter", "__call__")?;
    let items = g.items.clone();
    if !a.kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "itemgetter expected 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let obj = arg(a, 1);
    if items.len() == 1 {
        return vm.getitem(&obj, &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(vm.getitem(&obj, k)?);
    }
    Ok(Vm::new_tuple(out))
}

/// `name(repr, repr, ...)` with the repr of each of `items` (and `extra` appended).
fn repr_call(vm: &mut Vm, name: &str, items: &[Value], extra: &[String]) -> PyResult<Value> {
    let mut parts = Vec::with_capacity(items.len() + extra.len());
    for v in items {
        parts.push(vm.nested(crate::vm::nest::REPR, |vm| vm.repr(v))?);
    }
    parts.extend(extra.iter().cloned());
    Ok(Vm::str_val(format!("{name}({})", parts.join(", "))))
}

fn itemgetter_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver::<Getter>(vm, a, "operator.itemgetter", "__repr__")?;
    let items = g.items.clone();
    let name = vm.type_name(&arg(a, 0));
    repr_call(vm, &name, &items, &[])
}

fn attrgetter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_kwargs(vm, a, "attrgetter")?;
    let names = a.pos[1.min(a.pos.len())..].to_vec();
    if names.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut parts = Vec::with_capacity(names.len());
    for n in &names {
        let Some(s) = n.as_str() else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        parts.push(s.split('.').map(Vm::str_val).collect());
    }
    let (cls, native) = cls_of(vm, a, "operator.attrgetter");
    Ok(new_native(cls, native, None, AttrGetter { names, parts }))
}

fn attrgetter_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver::<AttrGetter>(vm, a, "operator.attrgetter", "__call__")?;
    let parts = g.parts.clone();
    if !a.kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "attrgetter expected 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let obj = arg(a, 1);
    let mut out = Vec::with_capacity(parts.len());
    for path in &parts {
        let mut v = obj.clone();
        for p in path {
            v = vm.getattr(&v, p)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(Vm::new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver::<AttrGetter>(vm, a, "operator.attrgetter", "__repr__")?;
    let names = g.names.clone();
    let name = vm.type_name(&arg(a, 0));
    repr_call(vm, &name, &names, &[])
}

fn methodcaller_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(name) = a.get(1).cloned() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.as_str().is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let npos = a.pos.len();
    let mut args = a.pos[2..].to_vec();
    args.extend(a.raw[npos..].iter().cloned());
    let (cls, native) = cls_of(vm, a, "operator.methodcaller");
    Ok(new_native(
        cls,
        native,
        None,
        MethodCaller {
            name,
            args,
            kwnames: a.kwnames.to_vec(),
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = receiver::<MethodCaller>(vm, a, "operator.methodcaller", "__call__")?;
    let (name, args, kwnames) = (m.name.clone(), m.args.clone(), m.kwnames.clone());
    if !a.kw.is_empty() {
        return Err(vm.type_error("methodcaller() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "methodcaller expected 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    let f = vm.getattr(&arg(a, 1), &name)?;
    vm.call(&f, &args, &kwnames)
}

fn methodcaller_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = receiver::<MethodCaller>(vm, a, "operator.methodcaller", "__repr__")?;
    let (name, args, kwnames) = (m.name.clone(), m.args.clone(), m.kwnames.clone());
    let npos = args.len() - kwnames.len();
    let mut extra = Vec::with_capacity(kwnames.len());
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let r = vm.nested(crate::vm::nest::REPR, |vm| vm.repr(v))?;
        extra.push(format!("{}={r}", k.as_str().unwrap_or("")));
    }
    let mut items = vec![name];
    items.extend(args[..npos].iter().cloned());
    let cls = vm.type_name(&arg(a, 0));
    repr_call(vm, &cls, &items, &extra)
}

/// How many items a small-int range iterator at `next` has left.
fn range_remaining(next: i64, stop: i64, step: i64) -> usize {
    let (next, stop, step) = (next as i128, stop as i128, step as i128);
    let n = if step > 0 && next < stop {
        (stop - next + step - 1) / step
    } else if step < 0 && next > stop {
        (next - stop - step - 1) / -step
    } else {
        0
    };
    n as usize
}
