//! The `_functools` module: `reduce`, `cmp_to_key` and the `partial`, `KeyWrapper` and
//! `_lru_cache_wrapper` types.

use super::{native_class, native_type, new_native, parse_args, receiver, set_class_attr};
use crate::builtins::functions::is_callable;
use crate::value::dict_table::Dict;
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::nest;
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_image::opcode::CompareOp;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("reduce", reduce, Arity::Range(2, 3), None),
    NativeFn::new("cmp_to_key", cmp_to_key),
];

static PARTIAL: &[NativeFn] = &[
    NativeFn::new("partial", partial_new),
    NativeFn::new("partial.__call__", partial_call),
    NativeFn::method("partial.__repr__", partial_repr, Arity::NoArgs, None),
    NativeFn::method("partial.__reduce__", partial_reduce, Arity::NoArgs, None),
    NativeFn::method("partial.__reduce_ex__", partial_reduce, Arity::One, None),
    NativeFn::method("partial.__setstate__", partial_setstate, Arity::One, None),
];

static PARTIAL_FUNC: NativeFn = NativeFn::method("partial.func", partial_func, Arity::NoArgs, None);
static PARTIAL_ARGS: NativeFn = NativeFn::method("partial.args", partial_args, Arity::NoArgs, None);
static PARTIAL_KEYWORDS: NativeFn =
    NativeFn::method("partial.keywords", partial_keywords, Arity::NoArgs, None);

static KEYWRAPPER: &[NativeFn] = &[
    NativeFn::new("KeyWrapper.__call__", key_call),
    NativeFn::method("KeyWrapper.__lt__", key_lt, Arity::One, None),
    NativeFn::method("KeyWrapper.__le__", key_le, Arity::One, None),
    NativeFn::method("KeyWrapper.__eq__", key_eq, Arity::One, None),
    NativeFn::method("KeyWrapper.__ne__", key_ne, Arity::One, None),
    NativeFn::method("KeyWrapper.__gt__", key_gt, Arity::One, None),
    NativeFn::method("KeyWrapper.__ge__", key_ge, Arity::One, None),
];

static KEY_OBJ: NativeFn = NativeFn::method("KeyWrapper.obj", key_obj, Arity::NoArgs, None);

static LRU: &[NativeFn] = &[
    NativeFn::new("_lru_cache_wrapper", lru_new),
    NativeFn::new("_lru_cache_wrapper.__call__", lru_call),
    NativeFn::method(
        "_lru_cache_wrapper.cache_info",
        lru_cache_info,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "_lru_cache_wrapper.cache_clear",
        lru_cache_clear,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method(
        "_lru_cache_wrapper.__get__",
        lru_get,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::method("_lru_cache_wrapper.__copy__", same, Arity::NoArgs, None),
    NativeFn::method("_lru_cache_wrapper.__deepcopy__", same, Arity::One, None),
];

/// Builds the `_functools` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let partial = native_type(vm, "functools.partial", None, PARTIAL, false);
    super::add_class_getitem(&partial);
    let ro = Some(&super::READONLY);
    super::add_property(&partial, "func", &PARTIAL_FUNC, ro);
    super::add_property(&partial, "args", &PARTIAL_ARGS, ro);
    super::add_property(&partial, "keywords", &PARTIAL_KEYWORDS, ro);
    let key = native_type(vm, "functools.KeyWrapper", None, KEYWRAPPER, false);
    super::add_property(&key, "obj", &KEY_OBJ, None);
    super::set_slots(&key, &[]);
    set_class_attr(&key, "__hash__", Value::None);
    let lru = native_type(vm, "functools._lru_cache_wrapper", None, LRU, false);
    super::new_module(
        "_functools",
        FUNCTIONS,
        &[
            ("partial", Value::Obj(partial)),
            ("_lru_cache_wrapper", Value::Obj(lru)),
        ],
    )
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn same(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(arg(a, 0))
}

// ----- reduce -----

fn reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let func = arg(a, 0);
    let it = match vm.get_iter(&arg(a, 1)) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = a.get(2).cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(x) => vm.call(&func, &[x, v], &[])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

// ----- partial -----

struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict.
    keywords: Value,
}

impl NativeState for Partial {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.args);
        f(&self.keywords);
    }
}

fn partial_parts(v: &Value) -> Option<(Value, Value, Value)> {
    super::state_of::<Partial>(v).map(|p| (p.func.clone(), p.args.clone(), p.keywords.clone()))
}

fn dict_items(d: &Value) -> Vec<(Value, Value)> {
    match d.body() {
        Some(Object::Dict(d)) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

fn partial_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(mut func) = a.get(1).cloned() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut args: Vec<Value> = Vec::new();
    let kw_obj = Value::obj(Object::Dict(Dict::new()));
    // A partial of a partial (without attributes of its own) is flattened.
    let inner = match func.body() {
        Some(Object::Instance(i))
            if i.table().is_empty()
                && vm
                    .lookup_class_attr(&i.class, "__call__")
                    .is_some_and(|c| c.is_native(&PARTIAL[1])) =>
        {
            partial_parts(&func)
        }
        _ => None,
    };
    if let Some((f, pargs, pkw)) = inner {
        func = f;
        args.extend(vm.seq_items(&pargs));
        for (k, v) in dict_items(&pkw) {
            if let Some(o) = kw_obj.as_obj() {
                vm.dict_set(o, k, v)?;
            }
        }
    }
    args.extend(a.pos[2..].iter().cloned());
    for (k, v) in a.kw_items() {
        if let Some(o) = kw_obj.as_obj() {
            vm.dict_set(o, k.clone(), v.clone())?;
        }
    }
    let native = native_class(vm, "functools.partial");
    let cls = super::new_cls(vm, a);
    Ok(new_native(
        cls,
        native,
        None,
        Partial {
            func,
            args: Vm::new_tuple(args),
            keywords: kw_obj,
        },
    ))
}

fn partial_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Partial>(vm, a, "functools.partial", "__call__")?;
    let Some((func, pargs, pkw)) = partial_parts(&arg(a, 0)) else {
        return Ok(Value::None);
    };
    let mut argv = vm.seq_items(&pargs);
    argv.extend(a.pos[1..].iter().cloned());
    let mut names: Vec<Value> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    // The stored keywords in their order, each overridden in place by the call's, then the
    // call's new ones: `dict(keywords, **kwargs)`.
    for (k, v) in dict_items(&pkw) {
        let v = match a.kw.iter().find(|(n, _)| Some(*n) == k.as_str()) {
            Some((_, over)) => (*over).clone(),
            None => v,
        };
        names.push(k);
        values.push(v);
    }
    for (name, (k, v)) in a.kwnames.iter().zip(&a.kw) {
        if !names.iter().any(|n| n.as_str() == Some(*k)) {
            names.push(name.clone());
            values.push((*v).clone());
        }
    }
    argv.extend(values);
    vm.call(&func, &argv, &names)
}

fn partial_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Partial>(vm, a, "functools.partial", "__repr__")?;
    let me = arg(a, 0);
    let Some((func, pargs, pkw)) = partial_parts(&me) else {
        return Ok(Value::None);
    };
    let id = me.id();
    if vm.repr_guard.contains(&id) {
        return Ok(Vm::str_val("..."));
    }
    let name = vm.type_name(&me);
    vm.repr_guard.push(id);
    let r = vm.nested(nest::REPR, |vm| {
        let mut parts = vec![vm.repr(&func)?];
        for v in vm.seq_items(&pargs) {
            parts.push(vm.repr(&v)?);
        }
        for (k, v) in dict_items(&pkw) {
            let key = vm.str_of(&k)?;
            parts.push(format!("{key}={}", vm.repr(&v)?));
        }
        Ok(parts)
    });
    vm.repr_guard.retain(|x| *x != id);
    Ok(Vm::str_val(format!("{name}({})", r?.join(", "))))
}

/// `partial.__reduce__` (also `__reduce_ex__`): rebuilt as `type(p)(func)` then
/// `__setstate__((func, args, keywords, __dict__ or None))`.
fn partial_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Partial>(vm, a, "functools.partial", "__reduce__")?;
    let me = arg(a, 0);
    let Some((func, pargs, pkw)) = partial_parts(&me) else {
        return Ok(Value::None);
    };
    let dict = match me.body() {
        Some(Object::Instance(i)) if !i.table().is_empty() => Vm::new_dict(i.table().clone()),
        _ => Value::None,
    };
    let cls = Value::Obj(vm.type_of(&me));
    Ok(Vm::new_tuple(vec![
        cls,
        Vm::new_tuple(vec![func.clone()]),
        Vm::new_tuple(vec![func, pargs, pkw, dict]),
    ]))
}

fn partial_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver::<Partial>(vm, a, "functools.partial", "__setstate__")?;
    let (me, state) = (arg(a, 0), arg(a, 1));
    let items = match state.body() {
        Some(Object::Tuple(items)) if items.len() == 4 => items,
        _ => return Err(vm.type_error("invalid partial state")),
    };
    let (func, fargs, kw, dict) = (
        items[0].clone(),
        items[1].clone(),
        items[2].clone(),
        items[3].clone(),
    );
    let args_ok = matches!(fargs.body(), Some(Object::Tuple(_)));
    let kw_ok = matches!(kw, Value::None) || matches!(kw.body(), Some(Object::Dict(_)));
    let dict_ok = matches!(dict, Value::None) || matches!(dict.body(), Some(Object::Dict(_)));
    if !is_callable(vm, &func) || !args_ok || !kw_ok || !dict_ok {
        return Err(vm.type_error("invalid partial state"));
    }
    let kw = if matches!(kw, Value::None) {
        Value::obj(Object::Dict(Dict::new()))
    } else {
        Value::obj(Object::Dict(match kw.body() {
            Some(Object::Dict(d)) => d.clone(),
            _ => Dict::new(),
        }))
    };
    if let Some(p) = super::state_of::<Partial>(&me) {
        p.func = func;
        p.args = fargs;
        p.keywords = kw;
    }
    for (k, v) in dict_items(&dict) {
        vm.setattr(&me, &k, v)?;
    }
    Ok(Value::None)
}

fn partial_func(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = receiver::<Partial>(vm, a, "functools.partial", "func")?;
    Ok(p.func.clone())
}

fn partial_args(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = receiver::<Partial>(vm, a, "functools.partial", "args")?;
    Ok(p.args.clone())
}

fn partial_keywords(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = receiver::<Partial>(vm, a, "functools.partial", "keywords")?;
    Ok(p.keywords.clone())
}

// ----- cmp_to_key -----

struct KeyWrapper {
    cmp: Value,
    /// `Null` for the wrapper `cmp_to_key` returns, before it wraps an object.
    obj: Value,
}

impl NativeState for KeyWrapper {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.cmp);
        f(&self.obj);
    }
}

fn new_key(vm: &Vm, cmp: Value, obj: Value) -> Value {
    let native = native_class(vm, "functools.KeyWrapper");
    new_native(native.clone(), native, None, KeyWrapper { cmp, obj })
}

fn cmp_to_key(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "cmp_to_key", &["mycmp"], 1, 1)?;
    let cmp = args[0].cloned().unwrap_or(Value::None);
    Ok(new_key(vm, cmp, Value::Null))
}

fn key_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(vm, a, "functools.KeyWrapper", "__call__")?;
    let cmp = k.cmp.clone();
    let args = parse_args(vm, a, 1, "K", &["obj"], 1, 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    Ok(new_key(vm, cmp, obj))
}

fn key_obj(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(vm, a, "functools.KeyWrapper", "obj")?;
    let obj = k.obj.clone();
    if obj.is_null() {
        return Err(vm.err(ExcKind::AttributeError, "obj"));
    }
    Ok(obj)
}

fn key_compare(vm: &mut Vm, a: &Args, op: CompareOp, name: &str) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(vm, a, "functools.KeyWrapper", name)?;
    let (cmp, x) = (k.cmp.clone(), k.obj.clone());
    let other = arg(a, 1);
    let Some(y) = super::state_of::<KeyWrapper>(&other).map(|o| o.obj.clone()) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    if x.is_null() || y.is_null() {
        return Err(vm.err(ExcKind::AttributeError, "object"));
    }
    let r = vm.call(&cmp, &[x, y], &[])?;
    vm.compare(op, &r, &Value::Int(0))
}

macro_rules! key_cmps {
    ($($f:ident $op:ident $name:literal),*) => {
        $(fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            key_compare(vm, a, CompareOp::$op, $name)
        })*
    };
}

key_cmps!(key_lt Lt "__lt__", key_le Le "__le__", key_eq Eq "__eq__", key_ne Ne "__ne__",
    key_gt Gt "__gt__", key_ge Ge "__ge__");

// ----- _lru_cache_wrapper -----

struct Lru {
    func: Value,
    /// `None`: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    /// A dict from keys to results, least recently used first.
    cache: Value,
    hits: i64,
    misses: i64,
}

impl NativeState for Lru {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.info_type);
        f(&self.cache);
    }
}

fn lru_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(
        vm,
        a,
        1,
        "lru_cache",
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let func = args[0].cloned().unwrap_or(Value::None);
    if !is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = match args[1] {
        None | Some(Value::None) => None,
        Some(m) => match m {
            Value::Int(_) | Value::Bool(_) => Some(vm.index_of(m)?.max(0) as usize),
            _ => return Err(vm.type_error("maxsize should be integer or None")),
        },
    };
    let typed = vm.truthy(args[2].unwrap_or(&Value::None))?;
    let info_type = args[3].cloned().unwrap_or(Value::None);
    let native = native_class(vm, "functools._lru_cache_wrapper");
    let cls = super::new_cls(vm, a);
    Ok(new_native(
        cls,
        native,
        None,
        Lru {
            func,
            maxsize,
            typed,
            info_type,
            cache: Value::obj(Object::Dict(Dict::new())),
            hits: 0,
            misses: 0,
        },
    ))
}

/// CPython's `lru_cache_make_key`: a lone str or int argument is its own key; otherwise a
/// tuple of the arguments, a marker and the keyword items (and the types, when typed).
fn make_key(vm: &Vm, a: &Args, typed: bool) -> Value {
    let pos = &a.pos[1..];
    if !typed && a.kw.is_empty() && pos.len() == 1 {
        let exact = matches!(pos[0], Value::Int(_) | Value::Str(_))
            || matches!(pos[0].body(), Some(Object::Str(_) | Object::BigInt(_)));
        if exact {
            return pos[0].clone();
        }
    }
    let mut items: Vec<Value> = pos.to_vec();
    if !a.kw.is_empty() {
        items.push(Value::Obj(native_class(vm, "functools._lru_cache_wrapper")));
        for (k, v) in a.kw_items() {
            items.push(k.clone());
            items.push(v.clone());
        }
    }
    if typed {
        for v in pos {
            items.push(Value::Obj(vm.type_of(v)));
        }
        for (_, v) in &a.kw {
            items.push(Value::Obj(vm.type_of(v)));
        }
    }
    Vm::new_tuple(items)
}

fn lru_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = receiver::<Lru>(vm, a, "functools._lru_cache_wrapper", "__call__")?;
    let (func, maxsize, typed, cache) = (l.func.clone(), l.maxsize, l.typed, l.cache.clone());
    let me = arg(a, 0);
    let call = |vm: &mut Vm| vm.call(&func, &a.raw[1..], a.kwnames);
    if maxsize == Some(0) {
        if let Some(l) = super::state_of::<Lru>(&me) {
            l.misses += 1;
        }
        return call(vm);
    }
    let key = make_key(vm, a, typed);
    let Some(d) = cache.as_obj().cloned() else {
        return call(vm);
    };
    if let Some(v) = vm.dict_get(&d, &key)? {
        if let Some(l) = super::state_of::<Lru>(&me) {
            l.hits += 1;
        }
        if maxsize.is_some() {
            // Most recently used last.
            vm.dict_del(&d, &key)?;
            vm.dict_set(&d, key, v.clone())?;
        }
        return Ok(v);
    }
    if let Some(l) = super::state_of::<Lru>(&me) {
        l.misses += 1;
    }
    let r = call(vm)?;
    // A recursive call may have cached the same key meanwhile.
    if vm.dict_get(&d, &key)?.is_some() {
        return Ok(r);
    }
    if let Some(max) = maxsize {
        let (len, oldest) = match d.get() {
            Object::Dict(dict) => (dict.len(), dict.iter().next().map(|(k, _)| k.clone())),
            _ => (0, None),
        };
        if len >= max {
            if let Some(k) = oldest {
                vm.dict_del(&d, &k)?;
            }
        }
    }
    vm.dict_set(&d, key, r.clone())?;
    Ok(r)
}

fn lru_cache_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = receiver::<Lru>(vm, a, "functools._lru_cache_wrapper", "cache_info")?;
    let (info, hits, misses, maxsize, cache) = (
        l.info_type.clone(),
        l.hits,
        l.misses,
        l.maxsize,
        l.cache.clone(),
    );
    let size = match cache.body() {
        Some(Object::Dict(d)) => d.len() as i64,
        _ => 0,
    };
    let maxsize = maxsize.map_or(Value::None, |m| Value::Int(m as i64));
    vm.call(
        &info,
        &[
            Value::Int(hits),
            Value::Int(misses),
            maxsize,
            Value::Int(size),
        ],
        &[],
    )
}

fn lru_cache_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = receiver::<Lru>(vm, a, "functools._lru_cache_wrapper", "cache_clear")?;
    l.hits = 0;
    l.misses = 0;
    // Dropping the old entries may run finalizers: the state is not borrowed by then.
    let old = std::mem::replace(&mut l.cache, Value::obj(Object::Dict(Dict::new())));
    drop(old);
    Ok(Value::None)
}

fn lru_get(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = arg(a, 0);
    match a.get(1) {
        None | Some(Value::None) => Ok(me),
        Some(obj) => Ok(Value::obj(Object::BoundMethod {
            func: me,
            receiver: obj.clone(),
        })),
    }
}
