//! `list`: its constructor and its methods. Each method is one row of [`METHODS`] and one
//! function below.

use crate::value::heap::ObjRef;
use crate::value::object::{Iter, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The methods of `list`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("list.append", append, Arity::One, None),
    NativeFn::new("list.extend", extend),
    NativeFn::method("list.insert", insert, Arity::Range(2, 2), None),
    NativeFn::method("list.pop", pop, Arity::Range(0, 1), None),
    NativeFn::method("list.remove", remove, Arity::One, None),
    NativeFn::method("list.index", index, Arity::Range(1, 3), None),
    NativeFn::method("list.count", count, Arity::One, None),
    NativeFn::new("list.sort", sort),
    NativeFn::method("list.reverse", reverse, Arity::NoArgs, None),
    NativeFn::method("list.__reversed__", reversed, Arity::NoArgs, None),
    NativeFn::method("list.__iadd__", iadd, Arity::One, None),
    NativeFn::method("list.__imul__", imul, Arity::One, None),
    NativeFn::method("list.copy", copy, Arity::NoArgs, None),
    NativeFn::method("list.clear", clear, Arity::NoArgs, None),
];

/// The receiver of a `list` method: a list, or CPython's descriptor error.
fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<ObjRef> {
    match a.get(0) {
        Some(Value::Obj(o)) if matches!(o.get(), Object::List(_)) => Ok(o.clone()),
        // An instance of a list subclass (`list.append(self, x)` in its methods).
        Some(v) if matches!(v.body(), Some(Object::Instance(_))) => {
            match crate::value::num::inst_base(v) {
                Some(Value::Obj(o)) if matches!(o.get(), Object::List(_)) => Ok(o),
                _ => Err(vm.type_error(format!(
                    "descriptor '{method}' for 'list' objects doesn't apply to a '{}' object",
                    vm.type_name(v)
                ))),
            }
        }
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{method}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(format!("unbound method list.{method}() needs an argument"))),
    }
}

/// The items of a list receiver, borrowed for one statement (see `value::heap`'s rule).
fn items(o: &ObjRef) -> &mut Vec<Value> {
    match o.get_mut() {
        Object::List(l) => l,
        _ => unreachable!("receiver() checked the type"),
    }
}

/// `list(iterable=())`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::constructor_args(vm, a, "list", 1, false)?;
    match a.get(0) {
        None => Ok(Vm::new_list(Vec::new())),
        Some(v) => {
            let items = vm.collect(v)?;
            Ok(Vm::new_list(items))
        }
    }
}

fn append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "append")?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    items(&o).push(v);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "extend")?;
    let new = vm.collect(a.get(1).unwrap_or(&Value::None))?;
    items(&o).extend(new);
    Ok(Value::None)
}

/// `list.__iadd__(iterable)`: `extend`, then the list itself.
fn iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    extend(vm, a)?;
    Ok(Value::Obj(receiver(vm, a, "__iadd__")?))
}

/// `list.__imul__(n)`: the in-place repetition `*=` does.
fn imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = Value::Obj(receiver(vm, a, "__imul__")?);
    let n = a.get(1).cloned().unwrap_or(Value::None);
    let Some(count) = crate::value::num::index_big(vm, &n)? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&n)
        )));
    };
    let count = Vm::int_from_big(count);
    vm.binary_op(2 | permafrost_image::opcode::BinaryOp::INPLACE, &o, &count)
}

fn insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "insert")?;
    let i = vm.ssize_of(a.get(1).unwrap_or(&Value::None))?;
    let v = a.get(2).cloned().unwrap_or(Value::None);
    let l = items(&o);
    let len = l.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(j as usize, v);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "pop")?;
    let i = vm.opt_i64(a.get(1))?;
    let l = items(&o);
    if l.is_empty() {
        return Err(vm.err(ExcKind::IndexError, "pop from empty list"));
    }
    let len = l.len() as i64;
    let i = i.unwrap_or(-1);
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.err(ExcKind::IndexError, "pop index out of range"));
    }
    Ok(items(&o).remove(j as usize))
}

/// The position of the first item equal to `target` in `[start, stop)`, comparing with
/// `is` first and then `==`, as CPython's `list.index` and `list.remove` do.
fn find(
    vm: &mut Vm,
    o: &ObjRef,
    target: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    // Cloned: `==` may run Python code that mutates the list.
    let snapshot = items(o).clone();
    for (i, x) in snapshot.iter().enumerate().take(stop).skip(start) {
        if x.is(target) || vm.eq(x, target)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "remove")?;
    let target = a.get(1).cloned().unwrap_or(Value::None);
    match find(vm, &o, &target, 0, usize::MAX)? {
        Some(i) => {
            let l = items(&o);
            if i < l.len() {
                l.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "index")?;
    let target = a.get(1).cloned().unwrap_or(Value::None);
    let len = items(&o).len() as i64;
    let start = vm.opt_pos(a.get(2))?.unwrap_or(0);
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    } as usize;
    let stop = vm
        .opt_pos(a.get(3))?
        .map(|e| if e < 0 { (e + len).max(0) } else { e } as usize)
        .unwrap_or(len as usize);
    match find(vm, &o, &target, start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&target)?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "count")?;
    let target = a.get(1).cloned().unwrap_or(Value::None);
    let snapshot = items(&o).clone();
    let mut n = 0;
    for x in &snapshot {
        if x.is(&target) || vm.eq(x, &target)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "sort")?;
    if a.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    check_sort_keywords(vm, a)?;
    // `reverse` is an int flag (`reverse=None` is a TypeError), read before the list empties.
    let reverse = match a.kw("reverse") {
        Some(v) => vm.index_of(v)? != 0,
        None => false,
    };
    let unsorted = std::mem::take(items(&o));
    let key = a.kw("key").cloned();
    let backup = unsorted.clone();
    match vm.sort_values(unsorted, key.as_ref(), reverse) {
        Ok(sorted) => {
            // The list stays empty (and unallocated) while it is sorted: a key or comparison
            // that grew it, even back to empty, modified it. Its changes are discarded.
            let modified = items(&o).capacity() != 0;
            *items(&o) = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *items(&o) = backup;
            Err(e)
        }
    }
}

fn reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "reverse")?;
    items(&o).reverse();
    Ok(Value::None)
}

/// `list.__reversed__()`: the iterator `reversed(list)` returns.
fn reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "__reversed__")?;
    let index = items(&o).len();
    Ok(Value::obj(Object::Iter(Iter::Reversed {
        seq: Value::Obj(o),
        index,
        origin: crate::value::object::RevOrigin::List,
    })))
}

fn copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "copy")?;
    Ok(Vm::new_list(items(&o).clone()))
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = receiver(vm, a, "clear")?;
    // Dropped after the borrow of the list ends.
    let old = std::mem::take(items(&o));
    drop(old);
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`: the items become the iterable's.
/// Bound in the class dict, ahead of `object.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("list.__init__", init);

fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.init_container(crate::value::object::TypeKind::List, a)
}

/// `list.sort`'s keyword checks (`key`, `reverse`, at most two), which `sorted` shares.
pub(crate) fn check_sort_keywords(vm: &Vm, a: &Args) -> PyResult<()> {
    if a.kw.len() > 2 {
        return Err(vm.type_error(format!(
            "sort() takes at most 2 keyword arguments ({} given)",
            a.kw.len()
        )));
    }
    if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k != "key" && *k != "reverse") {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for sort()")));
    }
    Ok(())
}
