//! `BaseExceptionGroup` and `ExceptionGroup`: the constructor's checks and class choice,
//! `message` and `exceptions`, `str()`, the methods `derive`, `subgroup` and `split`
//! (installed in `BaseExceptionGroup`'s namespace, so only groups have them), and the two
//! steps of `except*`: matching a clause ([`eg_match`]) and what the statement re-raises
//! ([`prep_reraise_star`]).

use crate::value::dict_table::dict_set_str;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::attrs::dict_get_str;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

static METHODS: &[NativeFn] = &[
    NativeFn::method("BaseExceptionGroup.derive", derive, Arity::One, None),
    NativeFn::method("BaseExceptionGroup.subgroup", subgroup, Arity::One, None),
    NativeFn::method("BaseExceptionGroup.split", split, Arity::One, None),
];

/// Puts the group methods in `BaseExceptionGroup`'s namespace.
pub(crate) fn install(vm: &mut Vm) {
    let cls = vm.exc_class(ExcKind::BaseExceptionGroup);
    if let Object::Class(c) = cls.get_mut() {
        for m in METHODS {
            dict_set_str(&mut c.dict, m.name(), Value::Native(m));
        }
    }
}

/// Whether `cls` is a group class.
pub(crate) fn is_group_class(vm: &Vm, cls: &ObjRef) -> bool {
    Vm::is_subclass(cls, &vm.exc_class(ExcKind::BaseExceptionGroup))
}

fn is_instance_of(vm: &Vm, v: &Value, kind: ExcKind) -> bool {
    Vm::is_subclass(&vm.type_of(v), &vm.exc_class(kind))
}

/// CPython's `BaseExceptionGroup.__new__` checks on `(message, exceptions)`; the class to
/// make (`BaseExceptionGroup` of `Exception`s only is an `ExceptionGroup`) and the
/// exceptions as a tuple.
pub(crate) fn new_group(vm: &mut Vm, cls: &ObjRef, args: &[Value]) -> PyResult<(ObjRef, Value)> {
    let qual = "BaseExceptionGroup.__new__";
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{qual}() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    if args[0].as_str().is_none() {
        return Err(vm.type_error(format!(
            "{qual}() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    }
    let seq = &args[1];
    let items = match seq.body() {
        Some(Object::List(l)) => l.clone(),
        Some(Object::Tuple(t)) => t.to_vec(),
        _ if !matches!(seq.body(), Some(Object::Set(_) | Object::Dict(_)))
            && vm.getattr_opt(seq, "__getitem__")?.is_some()
            && vm.getattr_opt(seq, "__len__")?.is_some() =>
        {
            vm.collect(seq)?
        }
        _ => {
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
    };
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !is_instance_of(vm, e, ExcKind::BaseException) || !matches!(e, Value::Obj(_)) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        nested_base |= !is_instance_of(vm, e, ExcKind::Exception);
    }
    let base_group = vm.exc_class(ExcKind::BaseExceptionGroup);
    let group = vm.exc_class(ExcKind::ExceptionGroup);
    let class = if cls.ptr_eq(&base_group) {
        if nested_base {
            cls.clone()
        } else {
            group
        }
    } else if nested_base && Vm::is_subclass(cls, &vm.exc_class(ExcKind::Exception)) {
        return Err(vm.type_error(if cls.ptr_eq(&group) {
            "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
        } else {
            format!("Cannot nest BaseExceptions in '{}'", Vm::class_name(cls))
        }));
    } else {
        cls.clone()
    };
    Ok((class, Vm::new_tuple(items)))
}

/// Sets a new group's `message` and `exceptions`.
pub(crate) fn init_group(exc: &ObjRef, exceptions: Value) {
    let Object::Instance(inst) = exc.get_mut() else {
        return;
    };
    let message = match inst.exc.as_ref().and_then(|e| e.args.first()) {
        Some(m) => m.clone(),
        None => return,
    };
    dict_set_str(&mut inst.own, "message", message);
    dict_set_str(&mut inst.own, "exceptions", exceptions);
}

fn field(exc: &Value, name: &str) -> Option<Value> {
    match exc.body() {
        Some(Object::Instance(i)) => dict_get_str(i.table(), name).cloned(),
        _ => None,
    }
}

/// `str()` of a group: `message (N sub-exception(s))`.
pub(crate) fn group_str(vm: &mut Vm, exc: &Value) -> PyResult<Option<String>> {
    let (Some(message), Some(excs)) = (field(exc, "message"), field(exc, "exceptions")) else {
        return Ok(None);
    };
    let n = match excs.body() {
        Some(Object::Tuple(t)) => t.len(),
        _ => return Ok(None),
    };
    let message = vm.str_of(&message)?;
    let s = if n == 1 { "" } else { "s" };
    Ok(Some(format!("{message} ({n} sub-exception{s})")))
}

fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    let r = a.get(0).cloned().unwrap_or(Value::None);
    if !is_instance_of(vm, &r, ExcKind::BaseExceptionGroup) {
        return Err(vm.type_error(format!(
            "descriptor '{method}' for 'BaseExceptionGroup' objects doesn't apply to a '{}' object",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

/// `derive(excs)`: a `BaseExceptionGroup` (or `ExceptionGroup`) with the same message.
fn derive(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "derive")?;
    let message = field(&g, "message").unwrap_or(Value::None);
    let excs = a.get(1).cloned().unwrap_or(Value::None);
    let cls = Value::Obj(vm.exc_class(ExcKind::BaseExceptionGroup));
    vm.call(&cls, &[message, excs], &[])
}

/// How `split` and `subgroup` match a leaf: by type(s), or by a predicate.
enum Matcher {
    Types(Value),
    Predicate(Value),
    /// Leaves (not groups) that are one of these objects.
    Leaves(Vec<ObjRef>),
}

fn matcher(vm: &mut Vm, condition: &Value) -> PyResult<Matcher> {
    let base = vm.exc_class(ExcKind::BaseException);
    let is_exc_type = |v: &Value| match v {
        Value::Obj(o) => matches!(o.get(), Object::Class(_)) && Vm::is_subclass(o, &base),
        _ => false,
    };
    if is_exc_type(condition) {
        return Ok(Matcher::Types(condition.clone()));
    }
    if let Some(Object::Tuple(t)) = condition.body() {
        if t.iter().all(is_exc_type) {
            return Ok(Matcher::Types(condition.clone()));
        }
    }
    let is_class = matches!(condition.body(), Some(Object::Class(_)));
    if !is_class && crate::builtins::functions::is_callable(vm, condition) {
        return Ok(Matcher::Predicate(condition.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => crate::builtins::functions::isinstance_check(vm, exc, t),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc), &[])?;
            vm.truthy(&r)
        }
        Matcher::Leaves(keep) => Ok(!is_instance_of(vm, exc, ExcKind::BaseExceptionGroup)
            && exc
                .as_obj()
                .is_some_and(|o| keep.iter().any(|k| k.ptr_eq(o)))),
    }
}

/// A group over `excs` derived from `orig`, carrying its traceback, cause, context and notes.
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let derive = vm.getattr(orig, &Vm::str_val("derive"))?;
    let eg = vm.call(&derive, &[Vm::new_list(excs)], &[])?;
    if !is_instance_of(vm, &eg, ExcKind::BaseExceptionGroup) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    // The derived group shares the original's traceback object.
    let _ = crate::stdlib::sys::traceback_of(vm, orig);
    if let (Value::Obj(src), Value::Obj(dst)) = (orig, &eg) {
        if let (Object::Instance(s), Object::Instance(d)) = (src.get(), dst.get_mut()) {
            if let (Some(se), Some(de)) = (s.exc.as_ref(), d.exc.as_mut()) {
                de.traceback = se.traceback.clone();
                de.tb_object = se.tb_object.clone();
                de.tb_object_len = se.tb_object_len;
                de.keep = se.keep.clone();
                de.cause = se.cause.clone();
                de.context = se.context.clone();
                de.suppress_context = se.suppress_context;
            }
        }
    }
    if let Some(notes) = vm.getattr_opt(orig, "__notes__")? {
        let notes = match notes.body() {
            Some(Object::List(_) | Object::Tuple(_)) => Vm::new_list(vm.collect(&notes)?),
            _ => notes,
        };
        vm.setattr(&eg, &Vm::str_val("__notes__"), notes)?;
    }
    Ok(eg)
}

/// `(match, rest)` of `exc`, recursively; `rest` only when `with_rest`.
fn split_rec(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
    depth: usize,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, m, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_instance_of(vm, exc, ExcKind::BaseExceptionGroup) {
        return Ok((None, with_rest.then(|| exc.clone())));
    }
    if depth > 200 {
        return Err(vm.err(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded while splitting an exception group",
        ));
    }
    let items = match field(exc, "exceptions").as_ref().and_then(|v| v.body()) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in &items {
        let (mt, rs) = split_rec(vm, e, m, with_rest, depth + 1)?;
        matched.extend(mt);
        rest.extend(rs);
    }
    let mt = if matched.is_empty() {
        None
    } else {
        Some(subset(vm, exc, matched)?)
    };
    let rs = if rest.is_empty() {
        None
    } else {
        Some(subset(vm, exc, rest)?)
    };
    Ok((mt, rs))
}

fn subgroup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "subgroup")?;
    let m = matcher(vm, a.get(1).unwrap_or(&Value::None))?;
    let (mt, _) = split_rec(vm, &g, &m, false, 0)?;
    Ok(mt.unwrap_or(Value::None))
}

fn split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = receiver(vm, a, "split")?;
    let m = matcher(vm, a.get(1).unwrap_or(&Value::None))?;
    let (mt, rs) = split_rec(vm, &g, &m, true, 0)?;
    Ok(Vm::new_tuple(vec![
        mt.unwrap_or(Value::None),
        rs.unwrap_or(Value::None),
    ]))
}

/// `except* T` on exception `exc`: `(rest, match)`. A plain exception of type `T` is wrapped
/// in a new group (with its traceback); a group is split; `match` is None when nothing
/// matched. CPython's checks on `T` come first.
pub(crate) fn eg_match(vm: &mut Vm, exc: &Value, t: &Value) -> PyResult<(Value, Value)> {
    let base = vm.exc_class(ExcKind::BaseException);
    let group = vm.exc_class(ExcKind::BaseExceptionGroup);
    let classes: Vec<Value> = match t.body() {
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => vec![t.clone()],
    };
    for c in &classes {
        match (c.body(), c.as_obj()) {
            (Some(Object::Class(_)), Some(o)) if Vm::is_subclass(o, &base) => {
                if Vm::is_subclass(o, &group) {
                    return Err(vm.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
            _ => {
                return Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        }
    }
    if matches!(exc, Value::None) {
        return Ok((Value::None, Value::None));
    }
    if vm.exc_match(exc, t)? {
        if is_instance_of(vm, exc, ExcKind::BaseExceptionGroup) {
            return Ok((Value::None, exc.clone()));
        }
        let cls = Value::Obj(vm.exc_class(ExcKind::BaseExceptionGroup));
        let wrapped = vm.call(
            &cls,
            &[Vm::str_val(""), Vm::new_tuple(vec![exc.clone()])],
            &[],
        )?;
        let _ = crate::stdlib::sys::traceback_of(vm, exc);
        if let (Value::Obj(src), Value::Obj(dst)) = (exc, &wrapped) {
            if let (Object::Instance(s), Object::Instance(d)) = (src.get(), dst.get_mut()) {
                if let (Some(se), Some(de)) = (s.exc.as_ref(), d.exc.as_mut()) {
                    de.traceback = se.traceback.clone();
                    de.tb_object = se.tb_object.clone();
                    de.tb_object_len = se.tb_object_len;
                    de.keep = se.keep.clone();
                }
            }
        }
        return Ok((Value::None, wrapped));
    }
    if is_instance_of(vm, exc, ExcKind::BaseExceptionGroup) {
        let m = matcher(vm, t)?;
        let (mt, rs) = split_rec(vm, exc, &m, true, 0)?;
        return Ok((rs.unwrap_or(Value::None), mt.unwrap_or(Value::None)));
    }
    Ok((exc.clone(), Value::None))
}

/// Whether `e` is `orig` or a part split from it: the same notes, traceback, cause and
/// context (CPython compares the objects; traceback entries stand for its traceback).
fn same_metadata(vm: &mut Vm, e: &Value, orig: &Value) -> PyResult<bool> {
    let exc_fields = |v: &Value| match v.body() {
        Some(Object::Instance(i)) => i
            .exc
            .as_ref()
            .map(|x| (x.traceback.clone(), x.cause.clone(), x.context.clone())),
        _ => None,
    };
    let (Some(a), Some(b)) = (exc_fields(e), exc_fields(orig)) else {
        return Ok(false);
    };
    if a.0 != b.0 || !a.1.is(&b.1) || !a.2.is(&b.2) {
        return Ok(false);
    }
    let na = vm.getattr_opt(e, "__notes__")?;
    let nb = vm.getattr_opt(orig, "__notes__")?;
    Ok(match (na, nb) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    })
}

/// The leaves (non-group exceptions) of `e`, recursively.
fn leaves(vm: &Vm, e: &Value, out: &mut Vec<ObjRef>, depth: usize) {
    if depth > 200 {
        return;
    }
    if is_instance_of(vm, e, ExcKind::BaseExceptionGroup) {
        if let Some(Object::Tuple(t)) = field(e, "exceptions").as_ref().and_then(|v| v.body()) {
            for x in t.iter() {
                leaves(vm, x, out, depth + 1);
            }
        }
    } else if let Value::Obj(o) = e {
        out.push(o.clone());
    }
}

/// What an `except*` statement re-raises: None when every part was handled; the exceptions
/// its clauses raised, with what is left of `orig` (the unhandled rest and the parts
/// re-raised with `raise`, in `orig`'s shape), as one exception or a new group.
pub(crate) fn prep_reraise_star(vm: &mut Vm, orig: &Value, list: &Value) -> PyResult<Value> {
    let excs = match list.body() {
        Some(Object::List(l)) => l.clone(),
        _ => Vec::new(),
    };
    if excs.is_empty() {
        return Ok(Value::None);
    }
    if !is_instance_of(vm, orig, ExcKind::BaseExceptionGroup) {
        // A plain exception was wrapped: at most one clause ran.
        return Ok(excs[0].clone());
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs {
        if matches!(e, Value::None) {
            continue;
        }
        if same_metadata(vm, &e, orig)? {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut keep = Vec::new();
    for e in &reraised {
        leaves(vm, e, &mut keep, 0);
    }
    let reraised_eg = if keep.is_empty() {
        None
    } else {
        split_rec(vm, orig, &Matcher::Leaves(keep), false, 0)?.0
    };
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or(Value::None));
    }
    raised.extend(reraised_eg);
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap_or(Value::None));
    }
    let cls = Value::Obj(vm.exc_class(ExcKind::ExceptionGroup));
    let cls = if raised
        .iter()
        .all(|e| is_instance_of(vm, e, ExcKind::Exception))
    {
        cls
    } else {
        Value::Obj(vm.exc_class(ExcKind::BaseExceptionGroup))
    };
    vm.call(&cls, &[Vm::str_val(""), Vm::new_list(raised)], &[])
}
