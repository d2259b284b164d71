//! The `itertools` module: each iterator a native type (a state struct, its `__new__` and its
//! `next` below), registered by [`init`]. Every `next` clones what it needs out of the state
//! before calling back into the interpreter, and writes back after.

use super::{native_class, native_type, new_cls, new_native, parse_args, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeNext, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ops::num_of;
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_image::opcode::BinaryOp;

/// The functions of `itertools` (the rest are types).
static FUNCTIONS: &[NativeFn] = &[NativeFn::function("tee", tee, Arity::Range(1, 2), None)];

/// One iterator type: its name, `__new__`, `next` and further methods.
struct Spec {
    key: &'static str,
    methods: &'static [NativeFn],
    next: Option<NativeNext>,
}

macro_rules! spec {
    ($key:literal, $next:expr, [$($m:expr),* $(,)?]) => {
        Spec { key: $key, methods: &[$($m),*], next: $next }
    };
}

static TYPES: &[Spec] = &[
    spec!(
        "itertools.count",
        Some(count_next),
        [
            NativeFn::new("count", count_new),
            NativeFn::method("count.__repr__", count_repr, Arity::NoArgs, None),
            NativeFn::method("count.__reduce__", count_reduce, Arity::NoArgs, None),
        ]
    ),
    spec!(
        "itertools.cycle",
        Some(cycle_next),
        [NativeFn::method(
            "cycle",
            cycle_new,
            Arity::Range(1, 1),
            None
        ),]
    ),
    spec!(
        "itertools.repeat",
        Some(repeat_next),
        [
            NativeFn::new("repeat", repeat_new),
            NativeFn::method("repeat.__repr__", repeat_repr, Arity::NoArgs, None),
            NativeFn::method("repeat.__reduce__", repeat_reduce, Arity::NoArgs, None),
            NativeFn::method(
                "repeat.__length_hint__",
                repeat_len_hint,
                Arity::NoArgs,
                None
            ),
        ]
    ),
    spec!(
        "itertools.accumulate",
        Some(accumulate_next),
        [NativeFn::new("accumulate", accumulate_new),]
    ),
    spec!(
        "itertools.chain",
        Some(chain_next),
        [NativeFn::method(
            "chain",
            chain_new,
            Arity::Range(0, usize::MAX),
            None
        ),]
    ),
    spec!(
        "itertools.compress",
        Some(compress_next),
        [NativeFn::new("compress", compress_new),]
    ),
    spec!(
        "itertools.dropwhile",
        Some(dropwhile_next),
        [NativeFn::method(
            "dropwhile",
            dropwhile_new,
            Arity::Range(2, 2),
            None
        ),]
    ),
    spec!(
        "itertools.takewhile",
        Some(takewhile_next),
        [NativeFn::method(
            "takewhile",
            takewhile_new,
            Arity::Range(2, 2),
            None
        ),]
    ),
    spec!(
        "itertools.filterfalse",
        Some(filterfalse_next),
        [NativeFn::method(
            "filterfalse",
            filterfalse_new,
            Arity::Range(2, 2),
            None
        ),]
    ),
    spec!(
        "itertools.starmap",
        Some(starmap_next),
        [NativeFn::method(
            "starmap",
            starmap_new,
            Arity::Range(2, 2),
            None
        ),]
    ),
    spec!(
        "itertools.groupby",
        Some(groupby_next),
        [NativeFn::new("groupby", groupby_new),]
    ),
    spec!("itertools._grouper", Some(grouper_next), []),
    spec!(
        "itertools.islice",
        Some(islice_next),
        [NativeFn::method(
            "islice",
            islice_new,
            Arity::Range(2, 4),
            None
        ),]
    ),
    spec!(
        "itertools.pairwise",
        Some(pairwise_next),
        [NativeFn::method(
            "pairwise",
            pairwise_new,
            Arity::Range(1, 1),
            None
        ),]
    ),
    spec!(
        "itertools._tee",
        Some(tee_next),
        [
            NativeFn::method("_tee", tee_type_new, Arity::Range(1, 1), None),
            NativeFn::method("_tee.__copy__", tee_copy, Arity::NoArgs, None),
        ]
    ),
    spec!("itertools._tee_dataobject", None, []),
    spec!(
        "itertools.zip_longest",
        Some(zip_longest_next),
        [NativeFn::new("zip_longest", zip_longest_new),]
    ),
    spec!(
        "itertools.product",
        Some(product_next),
        [NativeFn::new("product", product_new),]
    ),
    spec!(
        "itertools.permutations",
        Some(permutations_next),
        [NativeFn::new("permutations", permutations_new),]
    ),
    spec!(
        "itertools.combinations",
        Some(combinations_next),
        [NativeFn::new("combinations", combinations_new),]
    ),
    spec!(
        "itertools.combinations_with_replacement",
        Some(cwr_next),
        [NativeFn::new("combinations_with_replacement", cwr_new),]
    ),
];

/// `chain.from_iterable`.
static FROM_ITERABLE: NativeFn =
    NativeFn::method("chain.from_iterable", chain_from_iterable, Arity::One, None);

/// Builds the `itertools` module: its types and `tee`.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let mut constants = Vec::new();
    for spec in TYPES {
        let cls = native_type(vm, spec.key, None, spec.methods, spec.next.is_some());
        super::set_slots(&cls, &[]);
        let name = &spec.key["itertools.".len()..];
        constants.push((name, Value::Obj(cls)));
    }
    let chain = native_class(vm, "itertools.chain");
    super::set_class_attr(
        &chain,
        "from_iterable",
        Value::obj(Object::ClassMethod(Value::Native(&FROM_ITERABLE))),
    );
    super::new_module("itertools", FUNCTIONS, &constants)
}

/// A new object of the native type `key` (or of the subclass the `__new__` received).
fn make(vm: &Vm, a: &Args, key: &str, state: impl NativeState) -> Value {
    let native = native_class(vm, key);
    let cls = match a.get(0) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::Class(_)) => new_cls(vm, a),
        _ => native.clone(),
    };
    let next = TYPES.iter().find(|s| s.key == key).and_then(|s| s.next);
    new_native(cls, native, next, state)
}

macro_rules! visit_fields {
    ($t:ty, [$($f:ident),*], [$($vf:ident),*]) => {
        impl NativeState for $t {
            fn visit(&self, f: &mut dyn FnMut(&Value)) {
                $(f(&self.$f);)*
                $(self.$vf.iter().for_each(&mut *f);)*
            }
        }
    };
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

// ----- count -----

struct Count {
    cnt: Value,
    step: Value,
}
visit_fields!(Count, [cnt, step], []);

/// Whether `v` is a number for `count` (CPython's `PyNumber_Check`).
fn is_number(vm: &Vm, v: &Value) -> bool {
    if num_of(v).is_some()
        || matches!(v, Value::Bool(_))
        || matches!(v.body(), Some(Object::Complex(..)))
    {
        return true;
    }
    matches!(v.body(), Some(Object::Instance(_)))
        && ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|n| vm.lookup_class_attr(&vm.type_of(v), n).is_some())
}

fn count_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "count", &["start", "step"], 0, 2)?;
    let mut cnt = args[0].cloned().unwrap_or(Value::Int(0));
    let step = args[1].cloned().unwrap_or(Value::Int(1));
    // CPython counts by a plain integer when stepping by 1 from an int (a bool included).
    if let (Value::Bool(b), Value::Int(1)) = (&cnt, &step) {
        cnt = Value::Int(*b as i64);
    }
    if !is_number(vm, &cnt) || !is_number(vm, &step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(make(vm, a, "itertools.count", Count { cnt, step }))
}

fn count_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Count>(it) else {
        return Ok(None);
    };
    if let (Value::Int(c), Value::Int(st)) = (&s.cnt, &s.step) {
        if let Some(n) = c.checked_add(*st) {
            let r = Value::Int(*c);
            s.cnt = Value::Int(n);
            return Ok(Some(r));
        }
    }
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let next = vm.binary_op(BinaryOp::Add as u32, &cnt, &step)?;
    if let Some(s) = state_of::<Count>(it) {
        s.cnt = next;
    }
    Ok(Some(cnt))
}

fn count_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Count>(vm, a, "itertools.count", "__repr__")?;
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let name = Vm::class_name(&vm.type_of(&arg(a, 0)));
    let c = vm.repr(&cnt)?;
    if matches!(step, Value::Int(1)) {
        return Ok(Vm::str_val(format!("{name}({c})")));
    }
    let st = vm.repr(&step)?;
    Ok(Vm::str_val(format!("{name}({c}, {st})")))
}

/// `count.__reduce__()`: the class and where it has got to, so `copy` and `pickle` resume
/// there.
fn count_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Count>(vm, a, "itertools.count", "__reduce__")?;
    let (cnt, step) = (s.cnt.clone(), s.step.clone());
    let args = if matches!(step, Value::Int(1)) {
        vec![cnt]
    } else {
        vec![cnt, step]
    };
    let cls = Value::Obj(vm.type_of(&arg(a, 0)));
    Ok(Vm::new_tuple(vec![cls, Vm::new_tuple(args)]))
}

// ----- cycle -----

struct Cycle {
    it: Value,
    saved: Vec<Value>,
    index: usize,
}
visit_fields!(Cycle, [it], [saved]);

fn cycle_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = vm.get_iter(&arg(a, 1))?;
    Ok(make(
        vm,
        a,
        "itertools.cycle",
        Cycle {
            it,
            saved: Vec::new(),
            index: 0,
        },
    ))
}

fn cycle_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Cycle>(me) else {
        return Ok(None);
    };
    if !s.it.is_null() {
        let it = s.it.clone();
        let r = vm.next(&it)?;
        let Some(s) = state_of::<Cycle>(me) else {
            return Ok(None);
        };
        match r {
            Some(v) => {
                s.saved.push(v.clone());
                return Ok(Some(v));
            }
            None => s.it = Value::Null,
        }
    }
    let Some(s) = state_of::<Cycle>(me) else {
        return Ok(None);
    };
    if s.saved.is_empty() {
        return Ok(None);
    }
    let v = s.saved[s.index].clone();
    s.index += 1;
    if s.index >= s.saved.len() {
        s.index = 0;
    }
    Ok(Some(v))
}

// ----- repeat -----

struct Repeat {
    obj: Value,
    /// Remaining repetitions; `None` repeats forever.
    cnt: Option<i64>,
}
visit_fields!(Repeat, [obj], []);

fn repeat_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "repeat", &["object", "times"], 1, 2)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let cnt = match args[1] {
        None => None,
        Some(t) => Some(vm.ssize_of(t)?.max(0)),
    };
    Ok(make(vm, a, "itertools.repeat", Repeat { obj, cnt }))
}

fn repeat_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Repeat>(me) else {
        return Ok(None);
    };
    match &mut s.cnt {
        None => Ok(Some(s.obj.clone())),
        Some(0) => Ok(None),
        Some(n) => {
            *n -= 1;
            Ok(Some(s.obj.clone()))
        }
    }
}

fn repeat_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Repeat>(vm, a, "itertools.repeat", "__repr__")?;
    let (obj, cnt) = (s.obj.clone(), s.cnt);
    let name = Vm::class_name(&vm.type_of(&arg(a, 0)));
    let r = vm.nested(crate::vm::nest::REPR, |vm| vm.repr(&obj))?;
    Ok(Vm::str_val(match cnt {
        None => format!("{name}({r})"),
        Some(n) => format!("{name}({r}, {n})"),
    }))
}

/// `repeat.__reduce__()`: the object and the repetitions left.
fn repeat_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Repeat>(vm, a, "itertools.repeat", "__reduce__")?;
    let (obj, cnt) = (s.obj.clone(), s.cnt);
    let args = match cnt {
        None => vec![obj],
        Some(n) => vec![obj, Value::Int(n)],
    };
    let cls = Value::Obj(vm.type_of(&arg(a, 0)));
    Ok(Vm::new_tuple(vec![cls, Vm::new_tuple(args)]))
}

fn repeat_len_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = receiver::<Repeat>(vm, a, "itertools.repeat", "__length_hint__")?;
    match s.cnt {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

// ----- accumulate -----

struct Accumulate {
    it: Value,
    func: Value,
    total: Value,
    initial: Value,
}
visit_fields!(Accumulate, [it, func, total, initial], []);

fn accumulate_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "accumulate",
        &["iterable", "func", "initial"],
        1,
        2,
    )?;
    let it = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    let func = args[1].cloned().unwrap_or(Value::None);
    let initial = match args[2] {
        None | Some(Value::None) => Value::Null,
        Some(v) => v.clone(),
    };
    Ok(make(
        vm,
        a,
        "itertools.accumulate",
        Accumulate {
            it,
            func,
            total: Value::Null,
            initial,
        },
    ))
}

fn accumulate_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Accumulate>(me) else {
        return Ok(None);
    };
    if !s.initial.is_null() {
        let v = std::mem::replace(&mut s.initial, Value::Null);
        s.total = v.clone();
        return Ok(Some(v));
    }
    let (it, func, total) = (s.it.clone(), s.func.clone(), s.total.clone());
    let Some(v) = vm.next(&it)? else {
        return Ok(None);
    };
    let new = if total.is_null() {
        v
    } else if matches!(func, Value::None) {
        vm.binary_op(BinaryOp::Add as u32, &total, &v)?
    } else {
        vm.call(&func, &[total, v], &[])?
    };
    if let Some(s) = state_of::<Accumulate>(me) {
        s.total = new.clone();
    }
    Ok(Some(new))
}

// ----- chain -----

struct Chain {
    /// An iterator over the iterables (`Null` once exhausted).
    source: Value,
    /// The iterator of the current iterable (`Null` between them).
    active: Value,
}
visit_fields!(Chain, [source, active], []);

fn chain_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = Vm::new_tuple(a.pos[1.min(a.pos.len())..].to_vec());
    let source = vm.get_iter(&items)?;
    Ok(make(
        vm,
        a,
        "itertools.chain",
        Chain {
            source,
            active: Value::Null,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let source = vm.get_iter(&arg(a, 1))?;
    Ok(make(
        vm,
        a,
        "itertools.chain",
        Chain {
            source,
            active: Value::Null,
        },
    ))
}

fn chain_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    loop {
        let Some(s) = state_of::<Chain>(me) else {
            return Ok(None);
        };
        let (source, active) = (s.source.clone(), s.active.clone());
        if active.is_null() {
            if source.is_null() {
                return Ok(None);
            }
            let next = vm.next(&source);
            let Some(s) = state_of::<Chain>(me) else {
                return Ok(None);
            };
            match next {
                Ok(Some(iterable)) => {
                    let it = vm.get_iter(&iterable);
                    let Some(s) = state_of::<Chain>(me) else {
                        return Ok(None);
                    };
                    match it {
                        Ok(it) => s.active = it,
                        Err(e) => {
                            s.source = Value::Null;
                            return Err(e);
                        }
                    }
                }
                Ok(None) => {
                    s.source = Value::Null;
                    return Ok(None);
                }
                Err(e) => {
                    s.source = Value::Null;
                    return Err(e);
                }
            }
            continue;
        }
        let r = vm.next(&active)?;
        if r.is_some() {
            return Ok(r);
        }
        if let Some(s) = state_of::<Chain>(me) {
            s.active = Value::Null;
        }
    }
}

// ----- compress, dropwhile, takewhile, filterfalse, starmap -----

/// An iterator with a function (or selectors) and a source iterator.
struct Pair {
    func: Value,
    it: Value,
    /// dropwhile: dropping is over; takewhile: stopped.
    flag: bool,
}
visit_fields!(Pair, [func, it], []);

fn pair(vm: &mut Vm, a: &Args, key: &str, func: Value, iterable: &Value) -> PyResult<Value> {
    let it = vm.get_iter(iterable)?;
    Ok(make(
        vm,
        a,
        key,
        Pair {
            func,
            it,
            flag: false,
        },
    ))
}

fn compress_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "compress", &["data", "selectors"], 2, 2)?;
    let data = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    let selectors = vm.get_iter(args[1].unwrap_or(&Value::None))?;
    Ok(make(
        vm,
        a,
        "itertools.compress",
        Pair {
            func: selectors,
            it: data,
            flag: false,
        },
    ))
}

fn pair_parts(me: &Value) -> Option<(Value, Value, bool)> {
    state_of::<Pair>(me).map(|s| (s.func.clone(), s.it.clone(), s.flag))
}

fn compress_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some((selectors, data, _)) = pair_parts(me) else {
        return Ok(None);
    };
    loop {
        let Some(d) = vm.next(&data)? else {
            return Ok(None);
        };
        let Some(sel) = vm.next(&selectors)? else {
            return Ok(None);
        };
        if vm.truthy(&sel)? {
            return Ok(Some(d));
        }
    }
}

fn dropwhile_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pair(vm, a, "itertools.dropwhile", arg(a, 1), &arg(a, 2))
}

fn dropwhile_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some((func, it, done)) = pair_parts(me) else {
        return Ok(None);
    };
    loop {
        let Some(v) = vm.next(&it)? else {
            return Ok(None);
        };
        if done {
            return Ok(Some(v));
        }
        let r = vm.call(&func, std::slice::from_ref(&v), &[])?;
        if !vm.truthy(&r)? {
            if let Some(s) = state_of::<Pair>(me) {
                s.flag = true;
            }
            return Ok(Some(v));
        }
    }
}

fn takewhile_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pair(vm, a, "itertools.takewhile", arg(a, 1), &arg(a, 2))
}

fn takewhile_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some((func, it, stopped)) = pair_parts(me) else {
        return Ok(None);
    };
    if stopped {
        return Ok(None);
    }
    let Some(v) = vm.next(&it)? else {
        return Ok(None);
    };
    let r = vm.call(&func, std::slice::from_ref(&v), &[])?;
    if vm.truthy(&r)? {
        return Ok(Some(v));
    }
    if let Some(s) = state_of::<Pair>(me) {
        s.flag = true;
    }
    Ok(None)
}

fn filterfalse_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pair(vm, a, "itertools.filterfalse", arg(a, 1), &arg(a, 2))
}

fn filterfalse_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some((func, it, _)) = pair_parts(me) else {
        return Ok(None);
    };
    loop {
        let Some(v) = vm.next(&it)? else {
            return Ok(None);
        };
        let keep = if matches!(func, Value::None) {
            !vm.truthy(&v)?
        } else {
            let r = vm.call(&func, std::slice::from_ref(&v), &[])?;
            !vm.truthy(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}

fn starmap_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pair(vm, a, "itertools.starmap", arg(a, 1), &arg(a, 2))
}

fn starmap_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some((func, it, _)) = pair_parts(me) else {
        return Ok(None);
    };
    let Some(v) = vm.next(&it)? else {
        return Ok(None);
    };
    let args = match v.body() {
        Some(Object::Tuple(t)) => return vm.call(&func, &t.clone(), &[]).map(Some),
        _ => vm.collect(&v)?,
    };
    Ok(Some(vm.call(&func, &args, &[])?))
}

// ----- groupby -----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Value,
    currkey: Value,
    currvalue: Value,
    /// Bumped for each new group: a `_grouper` of an older group is exhausted.
    generation: u64,
}
visit_fields!(GroupBy, [it, keyfunc, tgtkey, currkey, currvalue], []);

struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}
visit_fields!(Grouper, [parent, tgtkey], []);

fn groupby_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 1, "groupby", &["iterable", "key"], 1, 2)?;
    let it = vm.get_iter(args[0].unwrap_or(&Value::None))?;
    let keyfunc = args[1].cloned().unwrap_or(Value::None);
    Ok(make(
        vm,
        a,
        "itertools.groupby",
        GroupBy {
            it,
            keyfunc,
            tgtkey: Value::Null,
            currkey: Value::Null,
            currvalue: Value::Null,
            generation: 0,
        },
    ))
}

/// Advances the groupby to its next value: false when the source is exhausted.
fn groupby_step(vm: &mut Vm, gb: &Value) -> PyResult<bool> {
    let Some(s) = state_of::<GroupBy>(gb) else {
        return Ok(false);
    };
    let (it, keyfunc) = (s.it.clone(), s.keyfunc.clone());
    let Some(v) = vm.next(&it)? else {
        return Ok(false);
    };
    let key = if matches!(keyfunc, Value::None) {
        v.clone()
    } else {
        vm.call(&keyfunc, std::slice::from_ref(&v), &[])?
    };
    if let Some(s) = state_of::<GroupBy>(gb) {
        s.currvalue = v;
        s.currkey = key;
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<GroupBy>(me) else {
        return Ok(None);
    };
    s.generation += 1;
    loop {
        let Some(s) = state_of::<GroupBy>(me) else {
            return Ok(None);
        };
        let (currkey, tgtkey) = (s.currkey.clone(), s.tgtkey.clone());
        if !currkey.is_null() && (tgtkey.is_null() || !vm.eq(&tgtkey, &currkey)?) {
            break;
        }
        if !groupby_step(vm, me)? {
            return Ok(None);
        }
    }
    let Some(s) = state_of::<GroupBy>(me) else {
        return Ok(None);
    };
    s.tgtkey = s.currkey.clone();
    let key = s.currkey.clone();
    let generation = s.generation;
    let native = native_class(vm, "itertools._grouper");
    let grouper = new_native(
        native.clone(),
        native,
        Some(grouper_next),
        Grouper {
            parent: me.clone(),
            tgtkey: key.clone(),
            generation,
        },
    );
    Ok(Some(Vm::new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(g) = state_of::<Grouper>(me) else {
        return Ok(None);
    };
    let (parent, tgtkey, generation) = (g.parent.clone(), g.tgtkey.clone(), g.generation);
    let Some(s) = state_of::<GroupBy>(&parent) else {
        return Ok(None);
    };
    if s.generation != generation {
        return Ok(None);
    }
    if s.currvalue.is_null() && !groupby_step(vm, &parent)? {
        return Ok(None);
    }
    let Some(s) = state_of::<GroupBy>(&parent) else {
        return Ok(None);
    };
    let currkey = s.currkey.clone();
    if !vm.eq(&tgtkey, &currkey)? {
        return Ok(None);
    }
    let Some(s) = state_of::<GroupBy>(&parent) else {
        return Ok(None);
    };
    let r = std::mem::replace(&mut s.currvalue, Value::Null);
    s.currkey = Value::Null;
    Ok(Some(r))
}

// ----- islice -----

struct Islice {
    /// `Null` once exhausted.
    it: Value,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}
visit_fields!(Islice, [it], []);

/// An islice bound as CPython reads it: anything that is not an integer fitting a
/// `Py_ssize_t` reads as -1 (an invalid bound).
fn islice_index(vm: &mut Vm, v: &Value) -> i64 {
    vm.ssize_of(v).unwrap_or(-1)
}

fn islice_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let seq = arg(a, 1);
    let stop_arg = if a.pos.len() == 3 {
        arg(a, 2)
    } else {
        arg(a, 3)
    };
    let mut stop = -1;
    if !matches!(stop_arg, Value::None) {
        stop = islice_index(vm, &stop_arg);
        if stop == -1 {
            return Err(vm.value_error(
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
            ));
        }
    }
    let mut start = 0;
    let mut step = 1;
    if a.pos.len() > 3 {
        let s = arg(a, 2);
        if !matches!(s, Value::None) {
            start = islice_index(vm, &s);
        }
        if let Some(st) = a.get(4) {
            if !matches!(st, Value::None) {
                step = islice_index(vm, st);
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(&seq)?;
    Ok(make(
        vm,
        a,
        "itertools.islice",
        Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn islice_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Islice>(me) else {
        return Ok(None);
    };
    let it = s.it.clone();
    if it.is_null() {
        return Ok(None);
    }
    loop {
        let Some(s) = state_of::<Islice>(me) else {
            return Ok(None);
        };
        if s.cnt >= s.next {
            break;
        }
        if vm.next(&it)?.is_none() {
            return islice_empty(me);
        }
        if let Some(s) = state_of::<Islice>(me) {
            s.cnt += 1;
        }
    }
    let Some(s) = state_of::<Islice>(me) else {
        return Ok(None);
    };
    if s.stop != -1 && s.cnt >= s.stop {
        return islice_empty(me);
    }
    let Some(v) = vm.next(&it)? else {
        return islice_empty(me);
    };
    if let Some(s) = state_of::<Islice>(me) {
        s.cnt += 1;
        s.next = match s.next.checked_add(s.step) {
            Some(n) if s.stop == -1 || n <= s.stop => n,
            _ => s.stop,
        };
        if s.next == -1 {
            s.next = i64::MAX;
        }
    }
    Ok(Some(v))
}

fn islice_empty(me: &Value) -> PyResult<Option<Value>> {
    if let Some(s) = state_of::<Islice>(me) {
        s.it = Value::Null;
    }
    Ok(None)
}

// ----- pairwise -----

struct Pairwise {
    it: Value,
    old: Value,
}
visit_fields!(Pairwise, [it, old], []);

fn pairwise_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = vm.get_iter(&arg(a, 1))?;
    Ok(make(
        vm,
        a,
        "itertools.pairwise",
        Pairwise {
            it,
            old: Value::Null,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Pairwise>(me) else {
        return Ok(None);
    };
    let (it, mut old) = (s.it.clone(), s.old.clone());
    if it.is_null() {
        return Ok(None);
    }
    let clear = |me: &Value| {
        if let Some(s) = state_of::<Pairwise>(me) {
            s.it = Value::Null;
            s.old = Value::Null;
        }
    };
    if old.is_null() {
        match vm.next(&it)? {
            Some(v) => old = v,
            None => {
                clear(me);
                return Ok(None);
            }
        }
        if let Some(s) = state_of::<Pairwise>(me) {
            s.old = old.clone();
        }
    }
    let Some(new) = vm.next(&it)? else {
        clear(me);
        return Ok(None);
    };
    if let Some(s) = state_of::<Pairwise>(me) {
        s.old = new.clone();
    }
    Ok(Some(Vm::new_tuple(vec![old, new])))
}

// ----- tee -----

/// Values a tee's source produced, in blocks shared by the tees (freed once every tee has
/// moved past them).
const TEE_BLOCK: usize = 57;

struct TeeData {
    it: Value,
    values: Vec<Value>,
    /// The next block (`Null` until needed).
    next: Value,
    running: bool,
}
visit_fields!(TeeData, [it, next], [values]);

struct Tee {
    data: Value,
    index: usize,
}
visit_fields!(Tee, [data], []);

fn new_tee_data(vm: &Vm, it: Value) -> Value {
    let native = native_class(vm, "itertools._tee_dataobject");
    Value::obj(Object::Native(crate::value::object::NativeObj {
        class: native,
        next: None,
        state: Box::new(TeeData {
            it,
            values: Vec::with_capacity(TEE_BLOCK),
            next: Value::Null,
            running: false,
        }),
    }))
}

fn new_tee(vm: &Vm, data: Value, index: usize) -> Value {
    let native = native_class(vm, "itertools._tee");
    new_native(native.clone(), native, Some(tee_next), Tee { data, index })
}

/// A tee over iterator `it`: a copy when it is a tee itself.
fn tee_from(vm: &mut Vm, it: &Value) -> Value {
    if let Some(t) = state_of::<Tee>(it) {
        let (data, index) = (t.data.clone(), t.index);
        return new_tee(vm, data, index);
    }
    let data = new_tee_data(vm, it.clone());
    new_tee(vm, data, 0)
}

fn tee_type_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = vm.get_iter(&arg(a, 1))?;
    Ok(tee_from(vm, &it))
}

fn tee_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = receiver::<Tee>(vm, a, "itertools._tee", "__copy__")?;
    let (data, index) = (t.data.clone(), t.index);
    Ok(new_tee(vm, data, index))
}

fn tee_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(t) = state_of::<Tee>(me) else {
        return Ok(None);
    };
    if t.index >= TEE_BLOCK {
        let data = t.data.clone();
        let Some(d) = state_of::<TeeData>(&data) else {
            return Ok(None);
        };
        if d.next.is_null() {
            let it = d.it.clone();
            let next = new_tee_data(vm, it);
            if let Some(d) = state_of::<TeeData>(&data) {
                d.next = next;
            }
        }
        let next = state_of::<TeeData>(&data).map_or(Value::Null, |d| d.next.clone());
        if let Some(t) = state_of::<Tee>(me) {
            t.data = next;
            t.index = 0;
        }
    }
    let Some(t) = state_of::<Tee>(me) else {
        return Ok(None);
    };
    let (data, index) = (t.data.clone(), t.index);
    let Some(d) = state_of::<TeeData>(&data) else {
        return Ok(None);
    };
    let v = if index < d.values.len() {
        d.values[index].clone()
    } else {
        if d.running {
            return Err(vm.err(ExcKind::RuntimeError, "cannot re-enter the tee iterator"));
        }
        d.running = true;
        let it = d.it.clone();
        let r = vm.next(&it);
        let Some(d) = state_of::<TeeData>(&data) else {
            return Ok(None);
        };
        d.running = false;
        match r? {
            Some(v) => {
                d.values.push(v.clone());
                v
            }
            None => return Ok(None),
        }
    };
    if let Some(t) = state_of::<Tee>(me) {
        t.index += 1;
    }
    Ok(Some(v))
}

fn tee(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = match a.get(1) {
        None => 2,
        Some(v) => vm.ssize_of(v)?,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let it = vm.get_iter(&arg(a, 0))?;
    if n == 0 {
        return Ok(Vm::new_tuple(Vec::new()));
    }
    // An iterator that can copy itself is copied rather than wrapped.
    let first = if state_of::<Tee>(&it).is_none() {
        match vm.getattr_opt(&it, "__copy__")? {
            Some(_) => it.clone(),
            None => tee_from(vm, &it),
        }
    } else {
        tee_from(vm, &it)
    };
    let mut out = Vec::with_capacity(n as usize);
    out.push(first.clone());
    for _ in 1..n {
        let copy = if let Some(t) = state_of::<Tee>(&first) {
            let (data, index) = (t.data.clone(), t.index);
            new_tee(vm, data, index)
        } else {
            let f = vm.getattr(&first, &Vm::str_val("__copy__"))?;
            vm.call(&f, &[], &[])?
        };
        out.push(copy);
    }
    Ok(Vm::new_tuple(out))
}

// ----- zip_longest -----

struct ZipLongest {
    /// The iterators (`Null` once exhausted).
    its: Vec<Value>,
    active: usize,
    fill: Value,
}
visit_fields!(ZipLongest, [fill], [its]);

fn zip_longest_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in &a.kw {
        if *k == "fillvalue" {
            fill = (*v).clone();
        } else {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::with_capacity(a.pos.len().saturating_sub(1));
    for v in a.pos.iter().skip(1) {
        its.push(vm.get_iter(v)?);
    }
    let active = its.len();
    Ok(make(
        vm,
        a,
        "itertools.zip_longest",
        ZipLongest { its, active, fill },
    ))
}

fn zip_longest_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<ZipLongest>(me) else {
        return Ok(None);
    };
    let n = s.its.len();
    if n == 0 || s.active == 0 {
        return Ok(None);
    }
    let fill = s.fill.clone();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(it) = state_of::<ZipLongest>(me).map(|s| s.its[i].clone()) else {
            return Ok(None);
        };
        if it.is_null() {
            out.push(fill.clone());
            continue;
        }
        match vm.next(&it)? {
            Some(v) => out.push(v),
            None => {
                let Some(s) = state_of::<ZipLongest>(me) else {
                    return Ok(None);
                };
                s.active -= 1;
                if s.active == 0 {
                    return Ok(None);
                }
                s.its[i] = Value::Null;
                out.push(fill.clone());
            }
        }
    }
    Ok(Some(Vm::new_tuple(out)))
}

// ----- product, permutations, combinations -----

/// The state shared by the combinatoric iterators.
struct Combo {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    first: bool,
    stopped: bool,
}

impl NativeState for Combo {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(f);
    }
}

/// The `r` argument: `Some(non-negative)`, with CPython's errors.
fn r_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = vm.ssize_of(v)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn product_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in &a.kw {
        if *k == "repeat" {
            repeat = vm.ssize_of(v)?;
            if repeat < 0 {
                return Err(vm.value_error("repeat argument cannot be negative"));
            }
        } else {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for product()"
            )));
        }
    }
    let mut base = Vec::new();
    for v in a.pos.iter().skip(1) {
        base.push(vm.collect(v)?);
    }
    let n = base.len().saturating_mul(repeat as usize);
    let mut pools = Vec::with_capacity(n);
    if !base.is_empty() {
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
    }
    Ok(make(
        vm,
        a,
        "itertools.product",
        Combo {
            indices: vec![0; pools.len()],
            pools,
            cycles: Vec::new(),
            r: 0,
            first: true,
            stopped: false,
        },
    ))
}

fn product_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Combo>(me) else {
        return Ok(None);
    };
    if s.stopped {
        return Ok(None);
    }
    if s.first {
        s.first = false;
        if s.pools.iter().any(|p| p.is_empty()) {
            s.stopped = true;
            return Ok(None);
        }
    } else {
        let mut i = s.pools.len();
        loop {
            if i == 0 {
                s.stopped = true;
                return Ok(None);
            }
            i -= 1;
            s.indices[i] += 1;
            if s.indices[i] == s.pools[i].len() {
                s.indices[i] = 0;
            } else {
                break;
            }
        }
    }
    let t: Vec<Value> = s
        .indices
        .iter()
        .zip(&s.pools)
        .map(|(&i, p)| p[i].clone())
        .collect();
    Ok(Some(Vm::new_tuple(t)))
}

/// A combinatoric iterator over one pool: `(pool, r)` from `iterable` and `r`.
fn one_pool(vm: &mut Vm, a: &Args, fname: &str, r_required: bool) -> PyResult<(Vec<Value>, usize)> {
    let args = parse_args(
        vm,
        a,
        1,
        fname,
        &["iterable", "r"],
        if r_required { 2 } else { 1 },
        2,
    )?;
    let pool = vm.collect(args[0].unwrap_or(&Value::None))?;
    let r = match args[1] {
        None | Some(Value::None) if !r_required => pool.len(),
        Some(v) if !r_required && num_of(v).is_none() => {
            return Err(vm.type_error("Expected int as r"))
        }
        Some(v) => r_arg(vm, v)?,
        None => 0,
    };
    Ok((pool, r))
}

fn combo(vm: &Vm, a: &Args, key: &str, pool: Vec<Value>, r: usize, stopped: bool) -> Value {
    let n = pool.len();
    make(
        vm,
        a,
        key,
        Combo {
            pools: vec![pool],
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            r,
            first: true,
            stopped,
        },
    )
}

fn permutations_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (pool, r) = one_pool(vm, a, "permutations", false)?;
    let stopped = r > pool.len();
    Ok(combo(vm, a, "itertools.permutations", pool, r, stopped))
}

fn permutations_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Combo>(me) else {
        return Ok(None);
    };
    if s.stopped {
        return Ok(None);
    }
    let n = s.pools[0].len();
    let r = s.r;
    if s.first {
        s.first = false;
    } else {
        if n == 0 {
            s.stopped = true;
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                s.stopped = true;
                return Ok(None);
            }
            i -= 1;
            s.cycles[i] -= 1;
            if s.cycles[i] == 0 {
                // Move index i to the end.
                let idx = s.indices[i];
                s.indices.copy_within(i + 1.., i);
                s.indices[n - 1] = idx;
                s.cycles[i] = n - i;
            } else {
                let j = s.cycles[i];
                s.indices.swap(i, n - j);
                break;
            }
        }
    }
    let pool = &s.pools[0];
    let t: Vec<Value> = s.indices[..r].iter().map(|&i| pool[i].clone()).collect();
    Ok(Some(Vm::new_tuple(t)))
}

fn combinations_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (pool, r) = one_pool(vm, a, "combinations", true)?;
    let stopped = r > pool.len();
    let n = pool.len();
    let v = combo(vm, a, "itertools.combinations", pool, r, stopped);
    if let Some(s) = state_of::<Combo>(&v) {
        s.indices = (0..r.min(n)).collect();
    }
    Ok(v)
}

fn combinations_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Combo>(me) else {
        return Ok(None);
    };
    if s.stopped {
        return Ok(None);
    }
    let n = s.pools[0].len();
    let r = s.r;
    if s.first {
        s.first = false;
    } else {
        // The rightmost index that is not at its maximum.
        let mut i = r;
        loop {
            if i == 0 {
                s.stopped = true;
                return Ok(None);
            }
            i -= 1;
            if s.indices[i] != i + n - r {
                break;
            }
        }
        s.indices[i] += 1;
        for j in i + 1..r {
            s.indices[j] = s.indices[j - 1] + 1;
        }
    }
    let pool = &s.pools[0];
    let t: Vec<Value> = s.indices.iter().map(|&i| pool[i].clone()).collect();
    Ok(Some(Vm::new_tuple(t)))
}

fn cwr_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (pool, r) = one_pool(vm, a, "combinations_with_replacement", true)?;
    let stopped = pool.is_empty() && r > 0;
    let v = combo(
        vm,
        a,
        "itertools.combinations_with_replacement",
        pool,
        r,
        stopped,
    );
    if let Some(s) = state_of::<Combo>(&v) {
        s.indices = vec![0; r];
    }
    Ok(v)
}

fn cwr_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = state_of::<Combo>(me) else {
        return Ok(None);
    };
    if s.stopped {
        return Ok(None);
    }
    let n = s.pools[0].len();
    let r = s.r;
    if s.first {
        s.first = false;
    } else {
        let mut i = r;
        loop {
            if i == 0 {
                s.stopped = true;
                return Ok(None);
            }
            i -= 1;
            if s.indices[i] != n - 1 {
                break;
            }
        }
        let x = s.indices[i] + 1;
        for j in i..r {
            s.indices[j] = x;
        }
    }
    let pool = &s.pools[0];
    let t: Vec<Value> = s.indices.iter().map(|&i| pool[i].clone()).collect();
    Ok(Some(Vm::new_tuple(t)))
}
