//! `set` and `frozenset`: their constructors and methods. The two types share the functions
//! below; `frozenset`'s table lacks the mutating methods, and each shared method has a thin
//! function per type so a wrong receiver gets the error naming the right type.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ops::key_eq;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use permafrost_image::opcode::{BinaryOp, CompareOp};

/// The methods of `set`, looked up by name.
pub(crate) static SET_METHODS: &[NativeFn] = &[
    NativeFn::method("set.add", add, Arity::One, None),
    NativeFn::method("set.remove", remove, Arity::One, None),
    NativeFn::method("set.discard", discard, Arity::One, None),
    NativeFn::method("set.pop", pop, Arity::NoArgs, None),
    NativeFn::method("set.update", update, Arity::Range(0, usize::MAX), None),
    NativeFn::method(
        "set.intersection_update",
        intersection_update,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "set.difference_update",
        difference_update,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "set.symmetric_difference_update",
        symmetric_difference_update,
        Arity::One,
        None,
    ),
    NativeFn::method("set.clear", clear, Arity::NoArgs, None),
    NativeFn::method("set.union", set_union, Arity::Range(0, usize::MAX), None),
    NativeFn::method(
        "set.intersection",
        set_intersection,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "set.difference",
        set_difference,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "set.symmetric_difference",
        set_symmetric_difference,
        Arity::One,
        None,
    ),
    NativeFn::method("set.issubset", set_issubset, Arity::One, None),
    NativeFn::method("set.issuperset", set_issuperset, Arity::One, None),
    NativeFn::method("set.isdisjoint", set_isdisjoint, Arity::One, None),
    NativeFn::method("set.copy", set_copy, Arity::NoArgs, None),
];

/// The methods of `frozenset`, looked up by name.
pub(crate) static FROZENSET_METHODS: &[NativeFn] = &[
    NativeFn::method(
        "frozenset.union",
        frozen_union,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "frozenset.intersection",
        frozen_intersection,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "frozenset.difference",
        frozen_difference,
        Arity::Range(0, usize::MAX),
        None,
    ),
    NativeFn::method(
        "frozenset.symmetric_difference",
        frozen_symmetric_difference,
        Arity::One,
        None,
    ),
    NativeFn::method("frozenset.issubset", frozen_issubset, Arity::One, None),
    NativeFn::method("frozenset.issuperset", frozen_issuperset, Arity::One, None),
    NativeFn::method("frozenset.isdisjoint", frozen_isdisjoint, Arity::One, None),
    NativeFn::method("frozenset.copy", frozen_copy, Arity::NoArgs, None),
];

fn is_set(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Set(_)))
}

fn is_frozenset(v: &Value) -> bool {
    matches!(v.body(), Some(Object::FrozenSet(_)))
}

/// The receiver of a method of `set` (`frozen` false) or `frozenset`.
fn receiver(vm: &Vm, a: &Args, method: &str, frozen: bool) -> PyResult<Value> {
    if frozen {
        super::receiver(vm, a, "frozenset", method, is_frozenset)
    } else {
        super::receiver(vm, a, "set", method, is_set)
    }
}

/// The receiver of a mutating method: a `set`.
fn set_receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<(Value, ObjRef)> {
    let v = receiver(vm, a, method, false)?;
    let o = v.as_obj().cloned().expect("is_set accepted a heap object");
    Ok((v, o))
}

/// The table of a `set` receiver, borrowed for one statement (see `value::heap`'s rule).
fn table(o: &ObjRef) -> &mut Set {
    match o.get_mut() {
        Object::Set(s) => s,
        _ => unreachable!("set_receiver() checked the type"),
    }
}

/// `set(iterable=())` and `frozenset(iterable=())`.
pub(crate) fn construct(vm: &mut Vm, a: &Args, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    super::constructor_args(vm, a, name, 1, false)?;
    let s = if let Some(Object::Set(src) | Object::FrozenSet(src)) = a.get(0).and_then(|v| v.body())
    {
        let mut s = Set::new();
        s.merge(src, &mut key_eq);
        vm.check_key_depth()?;
        Value::obj(Object::Set(s))
    } else {
        let items = match a.get(0) {
            Some(v) => vm.collect(v)?,
            None => Vec::new(),
        };
        vm.build_set(items)?
    };
    if frozen {
        if let Some(Object::Set(st)) = s.body() {
            return Ok(Value::obj(Object::FrozenSet(st.clone())));
        }
    }
    Ok(s)
}

fn add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, _) = set_receiver(vm, a, "add")?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    vm.set_add(&s, v)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, o) = set_receiver(vm, a, "remove")?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    if vm.set_remove(&o, &v)? {
        Ok(Value::None)
    } else {
        Err(vm.key_error(&v))
    }
}

fn discard(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, o) = set_receiver(vm, a, "discard")?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    vm.set_remove(&o, &v)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, o) = set_receiver(vm, a, "pop")?;
    let r = table(&o).pop();
    r.ok_or_else(|| vm.err(ExcKind::KeyError, "pop from an empty set"))
}

fn update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, _) = set_receiver(vm, a, "update")?;
    for other in &a.pos[1..] {
        for k in vm.collect(other)? {
            vm.set_add(&s, k)?;
        }
    }
    Ok(Value::None)
}

/// The in-place forms of `&`, `-` and `^` with any iterables.
fn update_with(vm: &mut Vm, a: &Args, method: &str, op: BinaryOp) -> PyResult<Value> {
    let (s, o) = set_receiver(vm, a, method)?;
    let mut acc = s;
    for other in &a.pos[1..] {
        let items = vm.collect(other)?;
        let other = vm.build_set(items)?;
        acc = vm.set_algebra(op, &acc, &other)?;
    }
    if let Some(Object::Set(new)) = acc.body() {
        let new = new.clone();
        *table(&o) = new;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_with(vm, a, "intersection_update", BinaryOp::And)
}

fn difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_with(vm, a, "difference_update", BinaryOp::Sub)
}

fn symmetric_difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_with(vm, a, "symmetric_difference_update", BinaryOp::Xor)
}

fn clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, o) = set_receiver(vm, a, "clear")?;
    // Dropped after the borrow of the set ends.
    let old = std::mem::take(table(&o));
    drop(old);
    Ok(Value::None)
}

/// `other` as a set or frozenset (any iterable is accepted).
fn as_set(vm: &mut Vm, other: &Value) -> PyResult<Value> {
    if matches!(other.body(), Some(Object::Set(_) | Object::FrozenSet(_))) {
        Ok(other.clone())
    } else {
        let items = vm.collect(other)?;
        vm.build_set(items)
    }
}

/// `union`, `intersection`, `difference`, `symmetric_difference`: `op` folded over the
/// arguments; with none, a copy of the receiver of its own type.
fn algebra(vm: &mut Vm, a: &Args, method: &str, frozen: bool, op: BinaryOp) -> PyResult<Value> {
    let recv = receiver(vm, a, method, frozen)?;
    if a.pos.len() == 1 {
        return Ok(match recv.body() {
            Some(Object::FrozenSet(s)) => Value::obj(Object::FrozenSet(s.clone())),
            Some(Object::Set(s)) => Value::obj(Object::Set(s.clone())),
            _ => unreachable!("receiver() checked the type"),
        });
    }
    let mut acc = recv;
    for other in &a.pos[1..] {
        let other = as_set(vm, other)?;
        acc = vm.set_algebra(op, &acc, &other)?;
    }
    Ok(acc)
}

/// How `issubset`, `issuperset` and `isdisjoint` relate the receiver to the argument.
#[derive(Clone, Copy)]
enum Relation {
    Subset,
    Superset,
    Disjoint,
}

fn relation(vm: &mut Vm, a: &Args, method: &str, frozen: bool, rel: Relation) -> PyResult<Value> {
    let recv = receiver(vm, a, method, frozen)?;
    let other = as_set(vm, a.get(1).unwrap_or(&Value::None))?;
    match rel {
        Relation::Subset => vm.compare(CompareOp::Le, &recv, &other),
        Relation::Superset => vm.compare(CompareOp::Ge, &recv, &other),
        Relation::Disjoint => {
            let inter = vm.set_algebra(BinaryOp::And, &recv, &other)?;
            Ok(Value::Bool(vm.len_of(&inter)? == 0))
        }
    }
}

fn copy(vm: &mut Vm, a: &Args, frozen: bool) -> PyResult<Value> {
    let recv = receiver(vm, a, "copy", frozen)?;
    Ok(match recv.body() {
        Some(Object::Set(s)) => {
            let mut c = Set::new();
            c.merge(s, &mut key_eq);
            vm.check_key_depth()?;
            Value::obj(Object::Set(c))
        }
        // Immutable: the copy is the same object, as in CPython.
        _ => recv,
    })
}

fn set_union(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "union", false, BinaryOp::Or)
}

fn set_intersection(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "intersection", false, BinaryOp::And)
}

fn set_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "difference", false, BinaryOp::Sub)
}

fn set_symmetric_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "symmetric_difference", false, BinaryOp::Xor)
}

fn set_issubset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "issubset", false, Relation::Subset)
}

fn set_issuperset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "issuperset", false, Relation::Superset)
}

fn set_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "isdisjoint", false, Relation::Disjoint)
}

fn set_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    copy(vm, a, false)
}

fn frozen_union(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "union", true, BinaryOp::Or)
}

fn frozen_intersection(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "intersection", true, BinaryOp::And)
}

fn frozen_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "difference", true, BinaryOp::Sub)
}

fn frozen_symmetric_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    algebra(vm, a, "symmetric_difference", true, BinaryOp::Xor)
}

fn frozen_issubset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "issubset", true, Relation::Subset)
}

fn frozen_issuperset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "issuperset", true, Relation::Superset)
}

fn frozen_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    relation(vm, a, "isdisjoint", true, Relation::Disjoint)
}

fn frozen_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    copy(vm, a, true)
}

/// `set.__init__(self, iterable=())`: the elements become the iterable's.
/// Bound in the class dict, ahead of `object.__init__`.
pub(crate) static INIT: NativeFn = NativeFn::new("set.__init__", init);

fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.init_container(crate::value::object::TypeKind::Set, a)
}
