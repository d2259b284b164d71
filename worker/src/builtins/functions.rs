//! The built-in functions (`print`, `len`, ..., `exit`): one row each in [`FUNCTIONS`] and
//! one function below. The few the interpreter recognises by identity (`__build_class__`,
//! `super`, `property`, `staticmethod`, `classmethod`) are named statics instead, so their
//! address is known; [`IDENTIFIED`] lists them for the builtins namespace.

use crate::value::num::{num_of, Num};
use crate::value::object::{Iter, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::Signed;
use permafrost_semantics::number;

/// The built-in functions, looked up by name when the builtins namespace is built.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function(
        "print",
        print,
        Arity::Range(0, usize::MAX),
        Some(&["sep", "end", "file", "flush"]),
    ),
    NativeFn::function("len", len, Arity::One, None),
    NativeFn::function("repr", repr, Arity::One, None),
    NativeFn::function("ascii", ascii, Arity::One, None),
    NativeFn::function("abs", abs, Arity::One, None),
    NativeFn::function(
        "min",
        min,
        Arity::Range(1, usize::MAX),
        Some(&["key", "default"]),
    ),
    NativeFn::function(
        "max",
        max,
        Arity::Range(1, usize::MAX),
        Some(&["key", "default"]),
    ),
    NativeFn::new("sum", sum),
    NativeFn::function(
        "sorted",
        sorted,
        Arity::Range(1, 1),
        Some(&["key", "reverse"]),
    ),
    NativeFn::new("reversed", reversed),
    NativeFn::new("enumerate", enumerate),
    NativeFn::new("zip", zip),
    NativeFn::new("map", map),
    NativeFn::new("filter", filter),
    NativeFn::function("any", any, Arity::One, None),
    NativeFn::function("all", all, Arity::One, None),
    NativeFn::function("isinstance", isinstance, Arity::Range(2, 2), None),
    NativeFn::function("issubclass", issubclass, Arity::Range(2, 2), None),
    NativeFn::function("hash", hash, Arity::One, None),
    NativeFn::function("iter", iter, Arity::Range(1, 2), None),
    NativeFn::function("next", next, Arity::Range(1, 2), None),
    NativeFn::function("aiter", crate::objects::coroutine::aiter, Arity::One, None),
    NativeFn::function(
        "anext",
        crate::objects::coroutine::anext_builtin,
        Arity::Range(1, 2),
        None,
    ),
    NativeFn::function("chr", chr, Arity::One, None),
    NativeFn::function("ord", ord, Arity::One, None),
    NativeFn::new("hex", hex),
    NativeFn::new("oct", oct),
    NativeFn::new("bin", bin),
    NativeFn::function("hasattr", hasattr, Arity::Range(2, 2), None),
    NativeFn::function("getattr", getattr, Arity::Range(2, 3), None),
    NativeFn::function("setattr", setattr, Arity::Range(3, 3), None),
    NativeFn::function("delattr", delattr, Arity::Range(2, 2), None),
    NativeFn::function("callable", callable, Arity::One, None),
    NativeFn::function("id", id, Arity::One, None),
    NativeFn::new("pow", pow),
    NativeFn::function("divmod", divmod, Arity::Range(2, 2), None),
    NativeFn::new("round", round),
    NativeFn::function("format", format, Arity::Range(1, 2), None),
    NativeFn::function("vars", vars, Arity::Range(0, 1), None),
    NativeFn::new("input", input),
    NativeFn::new("exit", exit),
    NativeFn::new("quit", exit),
    NativeFn::new("__import__", dunder_import),
    NativeFn::new("open", crate::stdlib::fileio::open),
];

/// `__build_class__`, pushed by `LOAD_BUILD_CLASS`.
pub(crate) static BUILD_CLASS: NativeFn = NativeFn::new("__build_class__", build_class);
/// `super(cls, obj)`, what calling the `super` type runs; a zero-argument call is resolved
/// from the calling frame by the interpreter.
pub(crate) static SUPER: NativeFn = NativeFn::new("super", super_);

/// `dir`: a zero-argument call lists the calling scope, resolved by the interpreter.
pub(crate) static DIR: NativeFn =
    NativeFn::function("dir", dir, Arity::Range(0, 1), None).frame_aware();

/// The built-in functions known by address, bound in the builtins namespace with the rest.
pub(crate) static IDENTIFIED: &[&NativeFn] = &[
    &BUILD_CLASS,
    &DIR,
    &crate::vm::dynamic::EXEC,
    &crate::vm::dynamic::EVAL,
    &crate::vm::dynamic::COMPILE,
    &crate::vm::dynamic::GLOBALS,
    &crate::vm::dynamic::LOCALS,
    &crate::vm::dynamic::VARS,
];

/// Positional argument `i`, or `None` when absent.
fn arg0(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn print(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    for key in ["sep", "end"] {
        if let Some(v) = a.kw(key) {
            if !matches!(v, Value::None) && v.as_str().is_none() {
                return Err(vm.type_error(format!(
                    "{key} must be None or a string, not {}",
                    vm.type_name(v)
                )));
            }
        }
    }
    let sep = match a.kw("sep") {
        Some(v) if !matches!(v, Value::None) => v.as_str().unwrap_or(" ").to_string(),
        _ => " ".to_string(),
    };
    let end = match a.kw("end") {
        Some(v) if !matches!(v, Value::None) => v.as_str().unwrap_or("\n").to_string(),
        _ => "\n".to_string(),
    };
    let file = match a.kw("file") {
        Some(f) if !matches!(f, Value::None) => Some(f.clone()),
        // `sys.stdout`, once `sys` exists (it may have been replaced or set to None).
        _ => match vm.native_modules.get("sys") {
            Some(sys) => match sys.get() {
                Object::Module(m) => match m.get("stdout") {
                    Some(Value::None) => return Ok(Value::None),
                    Some(v) => Some(v.clone()),
                    None => {
                        return Err(vm.err(ExcKind::RuntimeError, "lost sys.stdout"));
                    }
                },
                _ => None,
            },
            None => None,
        },
    };
    // The program's own stdout needs no method calls.
    let file = file.filter(|f| crate::stdlib::io::std_fd(f) != Some(1));
    let Some(file) = file else {
        let mut line = String::new();
        for (i, v) in a.pos.iter().enumerate() {
            if i > 0 {
                line.push_str(&sep);
            }
            match v.as_str() {
                Some(s) => line.push_str(s),
                None => match vm.str_of(v) {
                    Ok(s) => line.push_str(&s),
                    Err(e) => {
                        // CPython has written the pieces before the one that failed.
                        vm.write_out(&line);
                        return Err(e);
                    }
                },
            }
        }
        line.push_str(&end);
        vm.write_out(&line);
        if let Some(f) = a.kw("flush") {
            if vm.truthy(f)? {
                vm.flush_out();
            }
        }
        return Ok(Value::None);
    };
    // As CPython: one `write` call per piece, then `flush` if asked.
    let write = vm.getattr(&file, &Vm::str_val("write"))?;
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            vm.call(&write, &[Vm::str_val(sep.as_str())], &[])?;
        }
        let s = match v.str_bytes() {
            Some(_) => v.clone(),
            None => Vm::str_val(vm.str_of(v)?),
        };
        vm.call(&write, &[s], &[])?;
    }
    vm.call(&write, &[Vm::str_val(end.as_str())], &[])?;
    if let Some(f) = a.kw("flush") {
        if vm.truthy(f)? {
            let flush = vm.getattr(&file, &Vm::str_val("flush"))?;
            vm.call(&flush, &[], &[])?;
        }
    }
    Ok(Value::None)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn dunder_import(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = crate::stdlib::parse_args(
        vm,
        a,
        0,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
        5,
    )?;
    let name = args[0].cloned().unwrap_or(Value::None);
    let globals = args[1].cloned().unwrap_or(Value::None);
    let fromlist = args[3].cloned().unwrap_or(Value::None);
    let level = args[4].cloned().unwrap_or(Value::Int(0));
    vm.import_in(
        crate::vm::import::Importer::Globals(globals),
        &name,
        &fromlist,
        &level,
    )
}

fn len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.len_of(&arg0(a, 0))? as i64))
}

fn repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(vm.repr(&arg0(a, 0))?))
}

fn ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(vm.ascii(&arg0(a, 0))?))
}

fn abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    match num_of(&v) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(r) => Value::Int(r),
            None => Vm::int_from_big(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => Ok(Vm::int_from_big(b.abs())),
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        None if crate::objects::complex::parts(&v).is_some() => {
            crate::objects::complex::abs(vm, crate::objects::complex::parts(&v).unwrap_or_default())
        }
        None => match vm.call_dunder(&v, "__abs__", &[])? {
            Some(r) => Ok(r),
            // A subclass of a number type: its value's.
            None if crate::value::num::inst_base(&v).is_some() => {
                let b = crate::value::num::inst_base(&v).unwrap_or(Value::None);
                abs(vm, &Args::new(&[b], &[]))
            }
            None => Err(vm.type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(&v)
            ))),
        },
    }
}

fn min(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, false)
}

fn max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, true)
}

/// `min` and `max`: one iterable or several arguments, with `key` and `default`.
fn min_max(vm: &mut Vm, a: &Args, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let key = a.kw("key").filter(|k| !matches!(k, Value::None)).cloned();
    let items = if a.pos.len() == 1 {
        vm.collect(&a.pos[0])?
    } else if a.pos.is_empty() {
        return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0")));
    } else {
        if a.kw("default").is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {fname}() with multiple positional arguments"
            )));
        }
        a.pos.to_vec()
    };
    if items.is_empty() {
        if let Some(d) = a.kw("default") {
            return Ok(d.clone());
        }
        return Err(vm.value_error(format!("{fname}() arg is an empty sequence")));
    }
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&v), &[])?,
            None => v.clone(),
        };
        best = Some(match best {
            None => (k, v),
            Some((bk, bv)) => {
                let better = match (&k, &bk) {
                    // Small ints compare without the rich-comparison machinery.
                    (&Value::Int(x), &Value::Int(y)) => {
                        if is_max {
                            y < x
                        } else {
                            x < y
                        }
                    }
                    // CPython asks `item > best` for max, `item < best` for min.
                    _ if is_max => {
                        let r = vm.compare(permafrost_image::opcode::CompareOp::Gt, &k, &bk)?;
                        vm.truthy(&r)?
                    }
                    _ => vm.less_than(&k, &bk)?,
                };
                if better {
                    (k, v)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    Ok(best.map(|(_, v)| v).unwrap_or(Value::None))
}

/// CPython's checks for a function whose parameters are `names` (the first may not be a
/// keyword when `positional_first`): too many arguments, then a missing first argument,
/// then an unknown keyword.
fn check_clinic(
    vm: &Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    positional_first: bool,
) -> PyResult<()> {
    let given = a.pos.len() + a.kw.len();
    if given > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} arguments ({given} given)",
            names.len()
        )));
    }
    if a.pos.is_empty() && (positional_first || a.kw(names[0]).is_none()) {
        return Err(vm.type_error(if positional_first {
            format!("{fname}() takes at least 1 positional argument (0 given)")
        } else {
            format!("{fname}() missing required argument '{}' (pos 1)", names[0])
        }));
    }
    let skip = usize::from(positional_first);
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| !names[skip..].contains(k)) {
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        )));
    }
    Ok(())
}

fn sum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_clinic(vm, a, "sum", &["iterable", "start"], true)?;
    let items = vm.collect(&a.pos[0])?;
    let mut acc = a.arg(1, "start").cloned().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(acc.body(), Some(Object::Bytes(_))) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    for v in items {
        acc = match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => Value::Int(x + y),
            (Value::Float(x), Value::Float(y)) => Value::Float(x + y),
            _ => vm.binary_op(0, &acc, &v)?,
        };
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = match a.get(0) {
        Some(v) => vm.collect(v)?,
        None => return Err(vm.type_error("sorted expected 1 argument, got 0")),
    };
    // The keywords are list.sort's, checked as it checks them.
    crate::objects::list::check_sort_keywords(vm, a)?;
    let reverse = match a.kw("reverse") {
        Some(v) => vm.index_of(v)? != 0,
        None => false,
    };
    let key = a.kw("key").cloned();
    let r = vm.sort_values(items, key.as_ref(), reverse)?;
    Ok(Vm::new_list(r))
}

fn reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", a.pos.len())));
    }
    let v = arg0(a, 0);
    use crate::value::object::{RevOrigin, ViewKind};
    let rev = |seq: Value, index: usize, origin: RevOrigin| {
        Value::obj(Object::Iter(Iter::Reversed { seq, index, origin }))
    };
    let rev_iter = |seq: Value, index: usize| rev(seq, index, RevOrigin::Sequence);
    match v.body() {
        Some(Object::List(l)) => Ok(rev(v.clone(), l.len(), RevOrigin::List)),
        Some(Object::Tuple(t)) => Ok(rev_iter(v.clone(), t.len())),
        Some(Object::Instance(_)) => {
            let cls = vm.type_of(&v);
            match vm.lookup_class_attr(&cls, "__reversed__") {
                Some(Value::None) => return Err(not_reversible(vm, &v)),
                Some(_) => {
                    if let Some(r) = vm.call_dunder(&v, "__reversed__", &[])? {
                        return Ok(r);
                    }
                }
                None => {}
            }
            // `list.__reversed__` and `dict.__reversed__` answer for a subclass that does
            // not define its own, from its storage.
            let base = crate::value::num::inst_base(&v);
            let storage = |b: &&Value| matches!(b.body(), Some(Object::Dict(_) | Object::List(_)));
            if let Some(b) = base.as_ref().filter(storage) {
                let b = b.clone();
                return reversed(vm, &Args::new(&[b], &[]));
            }
            // A sequence (`__getitem__`; its length is asked next).
            let has = |vm: &Vm, n: &str| vm.lookup_class_attr(&cls, n).is_some();
            let based = base.is_some();
            if !based && !has(vm, "__getitem__") {
                return Err(not_reversible(vm, &v));
            }
            let index = vm.len_of(&v)?;
            Ok(rev_iter(v.clone(), index))
        }
        Some(Object::Range { .. }) => Ok(crate::objects::range::reversed(&v)),
        // A class reverses through its metaclass (`reversed(SomeEnum)`).
        Some(Object::Class(_)) => match vm.call_dunder(&v, "__reversed__", &[])? {
            Some(r) => Ok(r),
            None => Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&v)))),
        },
        Some(Object::Dict(_))
        | Some(Object::DictView { .. })
        | Some(Object::Str(_))
        | Some(Object::Bytes(_)) => {
            let origin = match v.body() {
                Some(Object::Dict(_)) => RevOrigin::DictKeys,
                Some(Object::DictView { kind, .. }) => match kind {
                    ViewKind::Keys => RevOrigin::DictKeys,
                    ViewKind::Values => RevOrigin::DictValues,
                    ViewKind::Items => RevOrigin::DictItems,
                },
                _ => RevOrigin::Sequence,
            };
            let mut items = vm.collect(&v)?;
            items.reverse();
            let index = items.len();
            Ok(rev(
                Vm::new_list(items.into_iter().rev().collect()),
                index,
                origin,
            ))
        }
        // Of the values held inline, only a str constant is a sequence.
        None if v.as_str().is_some() => {
            let mut items = vm.collect(&v)?;
            items.reverse();
            let index = items.len();
            Ok(rev_iter(
                Vm::new_list(items.into_iter().rev().collect()),
                index,
            ))
        }
        _ => Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&v)))),
    }
}

/// The iterator types the builtins namespace names (`enumerate`, `zip`, `map`, `filter`,
/// `reversed`): classes whose instances are the interpreter's iterator states.
pub(crate) const ITER_TYPE_NAMES: &[&str] = &["enumerate", "zip", "map", "filter", "reversed"];

/// Calling one of [`ITER_TYPE_NAMES`] or a subclass: the iterator state made from the
/// arguments (a subclass's instance wraps it as its base).
pub(crate) fn construct_iter_type(
    vm: &mut Vm,
    cls: &crate::value::heap::ObjRef,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let name = match cls.get() {
        Object::Class(c) => c.mro.iter().find_map(|k| match k.get() {
            Object::Class(kc) if kc.builtin && kc.kind == TypeKind::Iterator => {
                Some(kc.name.clone())
            }
            _ => None,
        }),
        _ => None,
    }
    .unwrap_or_default();
    let ctor: fn(&mut Vm, &Args) -> PyResult<Value> = match name.as_str() {
        "enumerate" => enumerate,
        "zip" => zip,
        "map" => map,
        "filter" => filter,
        "reversed" => reversed,
        _ => return Err(vm.type_error(format!("cannot create '{name}' instances"))),
    };
    let a = Args::new(args, kwnames);
    if name != "zip" && name != "enumerate" && !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    ctor(vm, &a)
}

/// `__new__` of the iterator types: `enumerate.__new__(cls, ...)`.
pub(crate) static ITER_TYPE_NEW: NativeFn = NativeFn::new("__new__", iter_type_new);

fn iter_type_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.get(0).and_then(|c| c.as_obj()).cloned() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let base = construct_iter_type(vm, &cls, &a.raw[1..], a.kwnames)?;
    if matches!(cls.get(), Object::Class(c) if c.builtin) {
        return Ok(base);
    }
    Ok(Value::obj(Object::Instance(
        crate::value::object::Instance {
            class: cls,
            own: Default::default(),
            dict_obj: None,
            exc: None,
            base,
        },
    )))
}

/// `__next__` of the iterator types, for a subclass's instance too (it advances its base).
pub(crate) static ITER_TYPE_NEXT: NativeFn =
    NativeFn::method("__next__", iter_type_next, Arity::NoArgs, None);

fn iter_type_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let recv = a.pos[0].clone();
    let it = match recv.body() {
        Some(Object::Instance(i)) if matches!(i.base.body(), Some(Object::Iter(_))) => {
            i.base.clone()
        }
        Some(Object::Iter(_)) => recv.clone(),
        _ => {
            return Err(vm.type_error(format!(
                "descriptor '__next__' requires an iterator object but received a '{}'",
                vm.type_name(&recv)
            )))
        }
    };
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.err_empty(ExcKind::StopIteration)),
    }
}

fn enumerate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() + a.kw.len() > 2 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            a.pos.len() + a.kw.len()
        )));
    }
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k != "iterable" && *k != "start") {
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for enumerate()"
        )));
    }
    let Some(v) = a.arg(0, "iterable").cloned() else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let it = vm.get_iter(&v)?;
    let start = match a.arg(1, "start") {
        None => Value::Int(0),
        Some(s) => match crate::value::num::index_big(vm, s)? {
            Some(i) => Vm::int_from_big(i),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )))
            }
        },
    };
    Ok(Value::obj(Object::Iter(Iter::Enumerate {
        it,
        count: start,
    })))
}

fn zip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k != "strict") {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for zip()")));
    }
    let strict = match a.kw("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = Vec::new();
    for v in a.pos {
        its.push(vm.get_iter(v)?);
    }
    Ok(Value::obj(Object::Iter(Iter::Zip { its, strict })))
}

fn map(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in &a.pos[1..] {
        its.push(vm.get_iter(v)?);
    }
    Ok(Value::obj(Object::Iter(Iter::Map {
        func: a.pos[0].clone(),
        its,
    })))
}

fn not_reversible(vm: &Vm, v: &Value) -> crate::value::heap::ObjRef {
    vm.type_error(format!("'{}' object is not reversible", vm.type_name(v)))
}

fn filter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", a.pos.len())));
    }
    let func = arg0(a, 0);
    let it = vm.get_iter(a.get(1).unwrap_or(&Value::None))?;
    Ok(Value::obj(Object::Iter(Iter::Filter { func, it })))
}

fn any(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    any_all(vm, a, true)
}

fn all(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    any_all(vm, a, false)
}

/// `any` (stops at the first true item) and `all` (stops at the first false one).
fn any_all(vm: &mut Vm, a: &Args, is_any: bool) -> PyResult<Value> {
    let it = vm.get_iter(a.get(0).unwrap_or(&Value::None))?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? == is_any {
            return Ok(Value::Bool(is_any));
        }
    }
    Ok(Value::Bool(!is_any))
}

fn isinstance(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(isinstance_check(vm, &a.pos[0], &a.pos[1])?))
}

/// `isinstance(v, t)` for a class, a tuple of them (recursively), or `property`.
pub(crate) fn isinstance_check(vm: &mut Vm, v: &Value, t: &Value) -> PyResult<bool> {
    match t.body() {
        Some(Object::Class(tc)) => {
            let cls = vm.type_of(v);
            let Some(to) = t.as_obj() else {
                return Ok(false);
            };
            if cls.ptr_eq(to) {
                return Ok(true);
            }
            if let Some(meta) = tc.metaclass.clone() {
                if let Some(hook) = vm.lookup_user_attr(&meta, "__instancecheck__") {
                    let r = vm.call(&hook, &[t.clone(), v.clone()], &[])?;
                    return vm.truthy(&r);
                }
            }
            Ok(Vm::is_subclass(&cls, to))
        }
        // Nested tuples recurse: each level counts against the recursion limit.
        Some(Object::Tuple(items)) => {
            let items = items.to_vec();
            vm.nested(crate::vm::nest::INSTANCECHECK, |vm| {
                for it in &items {
                    if isinstance_check(vm, v, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            })
        }
        _ => {
            match instance_hook(vm, t, "__instancecheck__")? {
                Some(hook) => {
                    let r = vm.call(&hook, &[t.clone(), v.clone()], &[])?;
                    vm.truthy(&r)
                }
                None => Err(vm
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
            }
        }
    }
}

fn issubclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(issubclass_check(vm, &a.pos[0], &a.pos[1])?))
}

/// `issubclass(c, t)`: a metaclass's `__subclasscheck__` decides for its classes; otherwise
/// `c` must be a class with `t` in its MRO.
/// `type(t).__instancecheck__` (or `__subclasscheck__`) of a non-class `t` (a union, an
/// alias, a typing construct).
fn instance_hook(vm: &mut Vm, t: &Value, name: &str) -> PyResult<Option<Value>> {
    if !matches!(t.body(), Some(Object::Instance(_))) {
        return Ok(None);
    }
    let cls = vm.type_of(t);
    Ok(vm.lookup_class_attr(&cls, name))
}

pub(crate) fn issubclass_check(vm: &mut Vm, c: &Value, t: &Value) -> PyResult<bool> {
    if let Some(hook) = instance_hook(vm, t, "__subclasscheck__")? {
        let r = vm.call(&hook, &[t.clone(), c.clone()], &[])?;
        return vm.truthy(&r);
    }
    if let Some(Object::Tuple(items)) = t.body() {
        let items = items.to_vec();
        return vm.nested(crate::vm::nest::SUBCLASSCHECK, |vm| {
            for it in &items {
                if issubclass_check(vm, c, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
    }
    if let Some(Object::Class(tc)) = t.body() {
        if let Some(meta) = tc.metaclass.clone() {
            if let Some(hook) = vm.lookup_user_attr(&meta, "__subclasscheck__") {
                let r = vm.call(&hook, &[t.clone(), c.clone()], &[])?;
                return vm.truthy(&r);
            }
        }
    }
    let Some(co) = c.as_obj().filter(|o| matches!(o.get(), Object::Class(_))) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    match t.as_obj() {
        Some(to) if matches!(to.get(), Object::Class(_)) => Ok(Vm::is_subclass(co, to)),
        _ => {
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&arg0(a, 0))?))
}

/// Whether `v` can be called: a function, method, class, built-in, or an instance whose
/// class defines `__call__`.
pub(crate) fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Native(_) => true,
        Value::Obj(o) => match o.get() {
            // A staticmethod object is callable since 3.10.
            Object::Function(_)
            | Object::BoundMethod { .. }
            | Object::Class(_)
            | Object::StaticMethod(_) => true,
            Object::Instance(_) => {
                let cls = vm.type_of(v);
                vm.lookup_class_attr(&cls, "__call__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

fn iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    if let Some(sentinel) = a.get(1) {
        if !is_callable(vm, &v) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::obj(Object::Iter(Iter::Callable {
            func: v,
            sentinel: sentinel.clone(),
        })));
    }
    vm.get_iter(&v)
}

fn next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    if let Some(Object::Generator(g)) = v.body() {
        if let (Some(o), crate::value::object::GenKind::Generator) = (v.as_obj().cloned(), g.kind) {
            return match vm.gen_resume(&o, Value::None, None)? {
                crate::value::frame::Exit::Yield(x) => Ok(x),
                crate::value::frame::Exit::Return(r) => match a.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => {
                        let cls = vm.exc_class(ExcKind::StopIteration);
                        let args = if matches!(r, Value::None) {
                            vec![]
                        } else {
                            vec![r]
                        };
                        Err(vm.make_exc(&cls, args))
                    }
                },
            };
        }
    }
    if let Some(Object::GenAwait(_)) = v.body() {
        if let Some(o) = v.as_obj().cloned() {
            return match vm.await_send(&o, Value::None)? {
                crate::value::frame::Exit::Yield(x) => Ok(x),
                crate::value::frame::Exit::Return(r) => match a.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => {
                        crate::objects::generator::yielded(vm, crate::value::frame::Exit::Return(r))
                    }
                },
            };
        }
    }
    if !matches!(v.body(), Some(Object::Iter(_) | Object::Instance(_))) {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(&v))));
    }
    match vm.next(&v)? {
        Some(x) => Ok(x),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.err_empty(ExcKind::StopIteration)),
        },
    }
}

fn chr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    if matches!(v.body(), Some(Object::BigInt(_))) {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let i = vm.index_of(&v)?;
    if i32::try_from(i).is_err() {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    match u32::try_from(i) {
        Ok(cp) if cp < 0x110000 => {
            let mut one = permafrost_semantics::text::wide::WideBuf::new();
            one.push_code_point(cp);
            Ok(Vm::str_from_buf(one))
        }
        _ => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = &crate::value::num::plain_value(&arg0(a, 0));
    if v.is_wide_str() {
        let b = v.str_bytes().unwrap_or_default();
        let mut cps = permafrost_semantics::text::wide::code_points(b);
        return match (cps.next(), cps.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                v.str_char_len()
            ))),
        };
    }
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    if let Some(b) = crate::objects::bytearray::bytes_like(v) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, number::i64_hex, number::int_hex)
}

fn oct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, number::i64_oct, number::int_oct)
}

fn bin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, number::i64_bin, number::int_bin)
}

/// `hex`, `oct` and `bin`: an int (or an object with `__index__`) in one base, prefixed.
fn radix(
    vm: &mut Vm,
    a: &Args,
    small: fn(i64) -> String,
    big: fn(&BigInt) -> String,
) -> PyResult<Value> {
    let v = arg0(a, 0);
    let s = match num_of(&v) {
        Some(Num::I(i)) => small(i),
        Some(Num::B(b)) => big(b),
        _ => small(vm.index_of(&v)?),
    };
    Ok(Vm::str_val(s))
}

/// The name argument of `getattr` and its kin: a str, an instance of a str subclass read as
/// the str it holds (as CPython does).
fn attr_name(vm: &Vm, name: &Value) -> PyResult<Value> {
    let name = crate::value::num::plain_str(name);
    if name.is_wide_str() {
        return Err(crate::stdlib::codec_text::wide_unsupported(
            vm,
            "an attribute name",
        ));
    }
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(&name)
        )));
    }
    Ok(name)
}

fn hasattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = attr_name(vm, &a.pos[1])?;
    match vm.getattr(&a.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = &a.pos[0];
    let name = attr_name(vm, &a.pos[1])?;
    match vm.getattr(o, &name) {
        Ok(v) => Ok(v),
        Err(e) => match a.get(2) {
            Some(default) if vm.exc_matches(&e, ExcKind::AttributeError) => Ok(default.clone()),
            _ => Err(e),
        },
    }
}

fn setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = attr_name(vm, &a.pos[1])?;
    vm.setattr(&a.pos[0], &name, a.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = attr_name(vm, &a.pos[1])?;
    vm.delattr(&a.pos[0], &name)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(vm, &arg0(a, 0))))
}

fn id(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(a.get(0).map(|v| v.id()).unwrap_or(0) as i64))
}

fn pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.arg(0, "base"), a.arg(1, "exp")) else {
        let (missing, pos) = if a.arg(0, "base").is_none() {
            ("base", 1)
        } else {
            ("exp", 2)
        };
        return Err(vm.type_error(format!(
            "pow() missing required argument '{missing}' (pos {pos})"
        )));
    };
    match a.arg(2, "mod") {
        Some(m) if !matches!(m, Value::None) => {
            // A number subclass answers through its type's `__pow__`; one that does not
            // define it computes as the number it holds.
            if matches!(x.body(), Some(Object::Instance(_))) {
                let cls = vm.type_of(x);
                if let Some(f) = vm.lookup_user_attr(&cls, "__pow__") {
                    let r = vm.call(&f, &[x.clone(), y.clone(), m.clone()], &[])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            let plain = crate::value::num::plain_value;
            let (x, y, m) = (&plain(x), &plain(y), &plain(m));
            let nums = [num_of(x), num_of(y), num_of(m)];
            // The first float or complex operand's `__pow__` refuses the modulus, each in
            // its own words.
            let is_complex = |v: &Value| matches!(v.body(), Some(Object::Complex(..)));
            if [x, y, m]
                .iter()
                .all(|v| num_of(v).is_some() || is_complex(v))
            {
                for v in [x, y, m] {
                    if is_complex(v) {
                        return Err(vm.value_error("complex modulo"));
                    }
                    if matches!(num_of(v), Some(Num::F(_))) {
                        return Err(vm.type_error(
                            "pow() 3rd argument not allowed unless all arguments are integers",
                        ));
                    }
                }
            }
            if nums.iter().any(|n| matches!(n, Some(Num::F(_)))) {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            if nums.iter().any(|n| n.is_none()) {
                return Err(vm.type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    vm.type_name(x),
                    vm.type_name(y),
                    vm.type_name(m)
                )));
            }
            let (b, e, m) = (
                vm.big_arg(Some(x))?,
                vm.big_arg(Some(y))?,
                vm.big_arg(Some(m))?,
            );
            match number::int_pow(&b, &e, Some(&m)).map_err(|e| vm.lib_err(e))? {
                number::Num::Int(i) => Ok(Vm::int_from_big(i)),
                number::Num::Float(f) => Ok(Value::Float(f)),
            }
        }
        _ => vm.binary_op(6, x, y),
    }
}

/// `divmod(x, y)`: `x.__divmod__(y)`, then `y.__rdivmod__(x)` — the reflected one first when
/// `y`'s type subclasses `x`'s — as any binary operator; a built-in number on the left answers
/// for itself against a number subclass that does not subclass its type.
fn divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if num_of(x).is_some() && num_of(y).is_some() {
        return divmod_numbers(vm, x, y);
    }
    let (tx, ty) = (vm.type_of(x), vm.type_of(y));
    let reflected_first = !tx.ptr_eq(&ty) && Vm::is_subclass(&ty, &tx);
    if !reflected_first && num_of(x).is_some() {
        if let Some(by) = crate::value::num::inst_base(y).filter(|b| num_of(b).is_some()) {
            let int_left = !matches!(num_of(x), Some(Num::F(_)));
            if !(int_left && matches!(num_of(&by), Some(Num::F(_)))) {
                return divmod_numbers(vm, x, &by);
            }
        }
    }
    let order = if reflected_first {
        [(y, "__rdivmod__", x), (x, "__divmod__", y)]
    } else {
        [(x, "__divmod__", y), (y, "__rdivmod__", x)]
    };
    for (recv, name, other) in order {
        if let Some(r) = vm.call_dunder(recv, name, std::slice::from_ref(other))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(x),
        vm.type_name(y)
    )))
}

/// `divmod` of two built-in numbers (ints, bools, floats).
pub(crate) fn divmod_numbers(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    if let (Some(Num::F(_)), _) | (_, Some(Num::F(_))) = (num_of(x), num_of(y)) {
        let fx = vm.f64_arg(Some(x), "divmod")?;
        let fy = vm.f64_arg(Some(y), "divmod")?;
        let (q, r) = number::float_divmod(fx, fy).map_err(|e| vm.lib_err(e))?;
        return Ok(Vm::new_tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    let q = vm.binary_op(4, x, y)?;
    let r = vm.binary_op(5, x, y)?;
    Ok(Vm::new_tuple(vec![q, r]))
}

fn round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_clinic(vm, a, "round", &["number", "ndigits"], false)?;
    let v = a.arg(0, "number").cloned().unwrap_or(Value::None);
    let nd = a
        .arg(1, "ndigits")
        .cloned()
        .filter(|v| !matches!(v, Value::None));
    match (num_of(&v), nd) {
        (Some(Num::F(f)), None) => {
            let r = number::round_f64_to_int(f).map_err(|e| vm.lib_err(e))?;
            Ok(Vm::int_from_big(r))
        }
        (Some(Num::F(f)), Some(d)) => {
            let d = round_digits(vm, &d)?;
            Ok(Value::Float(
                number::round_f64(f, d).map_err(|e| vm.lib_err(e))?,
            ))
        }
        (Some(Num::I(i)), None) => Ok(Value::Int(i)),
        (Some(Num::B(_)), None) => Ok(v.clone()),
        (Some(Num::I(_) | Num::B(_)), Some(d)) => {
            let d = round_digits(vm, &d)?;
            let b = vm.big_arg(Some(&v))?;
            Ok(Vm::int_from_big(number::round_int(&b, d)))
        }
        (None, nd) => {
            let extra: Vec<Value> = nd.into_iter().collect();
            match vm.call_dunder(&v, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => Err(vm.type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(&v)
                ))),
            }
        }
    }
}

/// `round`'s `ndigits`: an index (`__index__`, no floats), huge values clamped.
fn round_digits(vm: &mut Vm, d: &Value) -> PyResult<i64> {
    match d.body() {
        Some(Object::BigInt(_)) => vm.clamp_index(d),
        _ => vm.index_of(d),
    }
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    let spec = match a.get(1) {
        None => String::new(),
        Some(s) => match s.as_str_arg() {
            Some(t) => t.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )))
            }
        },
    };
    Ok(Vm::str_val(vm.format(&v, &spec)?))
}

fn build_class(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.build_class(a.raw, a.kwnames)
}

/// `super(cls, obj)`; `super()` never gets here (see `SUPER`).
fn super_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(c) = a.get(0) else {
        return Err(vm.err(ExcKind::RuntimeError, "super(): no arguments"));
    };
    if a.pos.len() > 2 || !a.kw.is_empty() {
        if !a.kw.is_empty() {
            return Err(vm.type_error("super() takes no keyword arguments"));
        }
        return Err(vm.type_error(format!(
            "super() expected at most 2 arguments, got {}",
            a.pos.len()
        )));
    }
    // One argument: an unbound super object.
    let r = a.get(1).cloned().unwrap_or(Value::Null);
    let Some(class) = c
        .as_obj()
        .filter(|o| matches!(o.get(), Object::Class(_)))
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(c)
        )));
    };
    if !r.is_null() {
        let instance = Vm::is_subclass(&vm.type_of(&r), &class);
        let subtype = matches!(r.as_obj(), Some(o)
            if matches!(o.get(), Object::Class(_)) && Vm::is_subclass(o, &class));
        if !instance && !subtype {
            return Err(
                vm.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
    }
    Ok(Value::obj(Object::Super { class, receiver: r }))
}

fn vars(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match vm.getattr(&arg0(a, 0), &Vm::str_val("__dict__")) {
        Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        r => r,
    }
}

fn dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg0(a, 0);
    // A type's `__dir__` answers for its instances.
    if !matches!(v.body(), Some(Object::Class(_) | Object::Module(_))) {
        let cls = vm.type_of(&v);
        if let Some(f) = vm.lookup_user_attr(&cls, "__dir__") {
            let r = vm.call(&f, std::slice::from_ref(&v), &[])?;
            let items = vm.collect(&r)?;
            let sorted = vm.sort_values(items, None, false)?;
            return Ok(Vm::new_list(sorted));
        }
    }
    default_dir(vm, v)
}

/// `object.__dir__`: the default listing `dir()` gives when no class defines `__dir__`
/// (what `super().__dir__()` in a class's own `__dir__` answers).
pub(crate) static OBJECT_DIR: NativeFn = NativeFn::new("object.__dir__", object_dir);

fn object_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if a.pos.len() == 1 => default_dir(vm, v.clone()),
        _ => Err(vm.type_error(format!(
            "object.__dir__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// `dir(v)` without consulting a class's own `__dir__`.
fn default_dir(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let str_keys = |d: &crate::value::dict_table::Dict| -> Vec<String> {
        d.iter()
            .filter_map(|(k, _)| k.as_str().map(|s| s.to_string()))
            .collect()
    };
    // A module (or a `types.ModuleType` subclass's instance) lists its namespace, or what a
    // `__dir__` function in it returns (PEP 562).
    let module = match v.body() {
        Some(Object::Module(_)) => Some(v.clone()),
        Some(Object::Instance(i)) if matches!(i.base.body(), Some(Object::Module(_))) => {
            Some(i.base.clone())
        }
        _ => None,
    };
    let module_sub = module.is_some() && !matches!(v.body(), Some(Object::Module(_)));
    if let Some(m) = &module {
        let own_dir = match m.body() {
            Some(Object::Module(m)) => m.get("__dir__").cloned(),
            _ => None,
        };
        if let Some(f) = own_dir {
            let r = vm.call(&f, &[], &[])?;
            let items = vm.collect(&r)?;
            let sorted = vm.sort_values(items, None, false)?;
            return Ok(Vm::new_list(sorted));
        }
    }
    let mut names: Vec<String> = match v.body() {
        Some(Object::Instance(i)) => str_keys(i.table()),
        Some(Object::Module(m)) if m.dict.is_some() => match m.dict.as_ref().map(|d| d.get()) {
            Some(Object::Dict(d)) => str_keys(d),
            _ => Vec::new(),
        },
        Some(Object::Module(m)) => m
            .lookup
            .iter()
            .filter(|(_, s)| !m.slots[**s as usize].is_null())
            .map(|(k, _)| k.to_string())
            .collect(),
        _ => Vec::new(),
    };
    let cls = match v.as_obj() {
        Some(o) if matches!(o.get(), Object::Class(_)) => Some(o.clone()),
        _ if module_sub || matches!(v.body(), Some(Object::Module(_))) => None,
        _ => Some(vm.type_of(&v)),
    };
    if let Some(Object::Class(c)) = cls.as_ref().map(|c| c.get()) {
        for k in &c.mro {
            if let Object::Class(kc) = k.get() {
                names.extend(str_keys(&kc.dict));
                if kc.builtin {
                    let table = crate::objects::builtin_namespace(kc.kind);
                    names.extend(table.iter().map(|f| f.name().to_string()));
                    let computed = crate::objects::computed_names(kc.kind);
                    names.extend(computed.iter().map(|n| n.to_string()));
                    if kc.kind == TypeKind::Object {
                        names.extend(crate::objects::OBJECT_NAMES.iter().map(|n| n.to_string()));
                    }
                } else if kc.slots.is_none() {
                    names.extend(["__dict__", "__weakref__", "__doc__"].map(String::from));
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Vm::new_list(names.into_iter().map(Vm::str_val).collect()))
}

/// `input()`: a worker has no stdin, so reading always meets end of file.
/// `input(prompt='')`: the prompt to `sys.stdout`, then a line of `sys.stdin` without its
/// newline; `EOFError` at the end of input.
fn input(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "input expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let sys = vm.import_module("sys")?;
    let stdin = vm.getattr(&sys, &Vm::str_val("stdin"))?;
    let stdout = vm.getattr(&sys, &Vm::str_val("stdout"))?;
    if let Some(prompt) = a.pos.first() {
        let text = vm.str_of(prompt)?;
        let write = vm.getattr(&stdout, &Vm::str_val("write"))?;
        vm.call(&write, &[Vm::str_val(text)], &[])?;
    }
    if let Ok(flush) = vm.getattr(&stdout, &Vm::str_val("flush")) {
        vm.call(&flush, &[], &[])?;
    }
    let readline = vm.getattr(&stdin, &Vm::str_val("readline"))?;
    let line = vm.call(&readline, &[], &[])?;
    let Some(text) = line.str_bytes() else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    if text.is_empty() {
        return Err(vm.err(ExcKind::EOFError, "EOF when reading a line"));
    }
    if text.ends_with(b"\n") {
        let n = vm.len_of(&line)?;
        let end = Value::Int(n as i64 - 1);
        let slice = Value::obj(crate::value::object::Object::Slice {
            start: Value::None,
            stop: end,
            step: Value::None,
        });
        return vm.getitem(&line, &slice);
    }
    Ok(line)
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.exc_class(ExcKind::SystemExit);
    Err(vm.make_exc(&cls, a.pos.to_vec()))
}
