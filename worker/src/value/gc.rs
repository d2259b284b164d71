//! The cycle collector's data side: `trace` (every reference an object body owns, shared with
//! the zygote's freeze walk) and CPython's algorithm over the tracked lists of `heap.rs`:
//! copy each candidate's refcount into a side table, subtract the references candidates hold to
//! one another, keep what is still referenced from outside and everything it reaches; the rest
//! is unreachable, and `break_cycles` empties those bodies so the counts fall to zero.
//!
//! Objects outside the candidate generations (older ones, the permanent list, immortal objects
//! inherited from the zygote) are never counted down, so they act as roots; their headers and
//! pages are never written. The interpreter side (finalizers, thresholds, the `gc` module) is
//! in `stdlib/gc.rs`.

use crate::value::heap::{self, ObjRef};
use crate::value::object::{AwaitOp, Iter, Object};
use crate::value::Value;

fn value_ref(v: &Value, f: &mut dyn FnMut(&ObjRef)) {
    if let Value::Obj(o) = v {
        f(o);
    }
}

/// Calls `f` once for each reference `body` owns (a reference held twice is passed twice).
/// Missing one only makes the collector keep what it cannot prove garbage; passing one the body
/// does not own would free live objects, so only owned fields are listed.
pub fn trace(body: &Object, f: &mut dyn FnMut(&ObjRef)) {
    match body {
        Object::Str(_)
        | Object::Bytes(_)
        | Object::BigInt(_)
        | Object::Complex(..)
        | Object::CodeRef(_)
        | Object::CodeUnit(_) => {}
        Object::DynCode { unit, .. } => f(unit),
        Object::List(items) => items.iter().for_each(|x| value_ref(x, f)),
        Object::Tuple(items) => items.iter().for_each(|x| value_ref(x, f)),
        Object::Dict(d) => {
            for (k, x) in d.iter() {
                value_ref(k, f);
                value_ref(x, f);
            }
        }
        Object::Set(s) | Object::FrozenSet(s) => s.iter().for_each(|x| value_ref(x, f)),
        Object::Range { start, stop, step } | Object::Slice { start, stop, step } => {
            value_ref(start, f);
            value_ref(stop, f);
            value_ref(step, f);
        }
        Object::Function(func) => {
            value_ref(&func.name, f);
            value_ref(&func.qualname, f);
            func.defaults.iter().for_each(|x| value_ref(x, f));
            if let Some(s) = &func.set {
                s.doc
                    .iter()
                    .chain(s.module.iter())
                    .chain(s.annotations.iter())
                    .for_each(|x| value_ref(x, f));
            }
            for o in func
                .heap_code
                .iter()
                .chain(func.globals.iter())
                .chain(func.kwdefaults.iter())
                .chain(func.closure.iter())
                .chain(func.dict.iter())
            {
                f(o);
            }
        }
        Object::BoundMethod { func, receiver } => {
            value_ref(func, f);
            value_ref(receiver, f);
        }
        Object::Class(c) => {
            for (k, x) in c.dict.iter() {
                value_ref(k, f);
                value_ref(x, f);
            }
            for o in c.bases.iter().chain(c.mro.iter()).chain(c.metaclass.iter()) {
                f(o);
            }
        }
        Object::Instance(i) => {
            value_ref(&i.base, f);
            for (k, x) in i.own.iter() {
                value_ref(k, f);
                value_ref(x, f);
            }
            if let Some(e) = &i.exc {
                e.args.iter().for_each(|x| value_ref(x, f));
                value_ref(&e.cause, f);
                value_ref(&e.context, f);
                value_ref(&e.tb_object, f);
                for o in &e.keep {
                    f(o);
                }
            }
            f(&i.class);
            if let Some(d) = &i.dict_obj {
                f(d);
            }
        }
        Object::Module(m) => {
            m.slots
                .iter()
                .chain(m.names.iter())
                .for_each(|x| value_ref(x, f));
            if let Some(d) = &m.dict {
                f(d);
            }
        }
        Object::Cell(x) | Object::StaticMethod(x) | Object::ClassMethod(x) => value_ref(x, f),
        Object::Generator(g) => {
            value_ref(&g.name, f);
            value_ref(&g.qualname, f);
            if let Some(fr) = &g.frame {
                fr.locals
                    .iter()
                    .chain(fr.stack.iter())
                    .chain(fr.exc_stack.iter())
                    .for_each(|x| value_ref(x, f));
                for o in fr
                    .cells
                    .iter()
                    .chain(fr.heap_code.iter())
                    .chain(fr.namespace.iter())
                    .chain(fr.globals.iter())
                {
                    f(o);
                }
            }
        }
        Object::GenAwait(a) => {
            match &a.op {
                AwaitOp::ASend(x) | AwaitOp::AThrow(x) => value_ref(x, f),
                AwaitOp::ANext { wrapped, default } => {
                    value_ref(wrapped, f);
                    value_ref(default, f);
                }
                AwaitOp::Wrapper | AwaitOp::AClose => {}
            }
            f(&a.gen);
        }
        Object::Iter(it) => match it {
            Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => value_ref(seq, f),
            Iter::StrChars { s, .. } => value_ref(s, f),
            Iter::Dict { dict, .. } => f(dict),
            Iter::Snapshot { items, source, .. } => {
                items.iter().for_each(|x| value_ref(x, f));
                if let Some(s) = source {
                    f(s);
                }
            }
            Iter::Enumerate { it, count } => {
                value_ref(it, f);
                value_ref(count, f);
            }
            Iter::Zip { its, .. } => its.iter().for_each(|x| value_ref(x, f)),
            Iter::Map { func, its } => {
                value_ref(func, f);
                its.iter().for_each(|x| value_ref(x, f));
            }
            Iter::Filter { func, it } => {
                value_ref(func, f);
                value_ref(it, f);
            }
            Iter::Callable { func, sentinel } => {
                value_ref(func, f);
                value_ref(sentinel, f);
            }
            Iter::Range { .. } | Iter::BigRange { .. } | Iter::Exhausted => {}
        },
        Object::Code(c) => c.consts.iter().for_each(|x| value_ref(x, f)),
        Object::Property(p) => {
            value_ref(&p.fget, f);
            value_ref(&p.fset, f);
            value_ref(&p.fdel, f);
            value_ref(&p.doc, f);
            value_ref(&p.name, f);
        }
        Object::DictView { dict, .. } => f(dict),
        Object::Super { class, receiver } => {
            value_ref(receiver, f);
            f(class);
        }
        Object::Native(n) => {
            n.state.visit(&mut |x| value_ref(x, f));
            f(&n.class);
        }
    }
}

/// What one pass of the collector found: the unreachable objects (owning handles).
pub struct Unreachable {
    pub objects: Vec<ObjRef>,
}

/// Finds the tracked objects of generations `0..=gen` that nothing outside them references,
/// directly or through other candidates (CPython's `update_refs`, `subtract_refs`,
/// `move_unreachable`). Reads bodies and writes only the candidates' own refcounts (the handles
/// it holds); survivors stay where they are.
pub fn find_unreachable(gen: usize) -> Unreachable {
    let gen = gen.min(2);
    let objects = heap::gc_objects(gen);
    if objects.is_empty() {
        return Unreachable {
            objects: Vec::new(),
        };
    }
    // Where each list starts among the candidates.
    let mut base = [0usize; 3];
    for g in 1..=gen {
        base[g] = base[g - 1] + heap::gc_len(g - 1);
    }
    let position = |o: &ObjRef| -> Option<usize> {
        let (g, i) = o.gc_slot()?;
        if g > gen {
            return None;
        }
        let p = base[g] + i;
        // A candidate's slot names itself; anything else is not a candidate.
        objects.get(p).filter(|c| c.ptr_eq(o)).map(|_| p)
    };
    // The side table: references from outside the candidates (the handle held here excluded).
    let mut outside: Vec<i64> = objects
        .iter()
        .map(|o| i64::from(o.refcount()) - 1)
        .collect();
    for o in &objects {
        trace(o.get(), &mut |r| {
            if let Some(p) = position(r) {
                outside[p] -= 1;
            }
        });
    }
    let mut reachable = vec![false; objects.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, &n) in outside.iter().enumerate() {
        if n > 0 {
            reachable[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        trace(objects[i].get(), &mut |r| {
            if let Some(p) = position(r) {
                if !reachable[p] {
                    reachable[p] = true;
                    work.push(p);
                }
            }
        });
    }
    let objects = objects
        .into_iter()
        .zip(reachable)
        .filter_map(|(o, r)| (!r).then_some(o))
        .collect();
    Unreachable { objects }
}

/// Breaks the references among unreachable objects (CPython's `tp_clear`): each body is swapped
/// for an empty tuple and the old bodies are dropped, so every count falls to zero once the
/// handles go. Nothing outside the set can observe the swap: nothing outside references it.
pub fn break_cycles(garbage: Vec<ObjRef>) {
    let bodies: Vec<Object> = garbage
        .iter()
        .map(|o| std::mem::replace(o.get_mut(), Object::Tuple(Box::new([]))))
        .collect();
    drop(bodies);
    drop(garbage);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::object::PyStr;

    fn list_of(items: Vec<Value>) -> Value {
        Value::obj(Object::List(items))
    }

    fn push(list: &Value, item: Value) {
        if let Some(Object::List(l)) = list.as_obj().map(|o| o.get_mut()) {
            l.push(item);
        }
    }

    #[test]
    fn a_dropped_cycle_is_found_and_freed_while_a_held_one_is_kept() {
        let leaf = Value::obj(Object::Str(PyStr::new("leaf")));
        let a = list_of(vec![leaf.clone()]);
        let b = list_of(vec![a.clone()]);
        push(&a, b.clone());
        let kept = list_of(vec![]);
        push(&kept, kept.clone());
        let leaf_obj = leaf.as_obj().cloned().expect("heap str");
        let before = leaf_obj.refcount();
        drop((a, b));
        let found = find_unreachable(2);
        assert_eq!(found.objects.len(), 2);
        break_cycles(found.objects);
        assert_eq!(leaf_obj.refcount(), before - 1);
        assert!(find_unreachable(2).objects.is_empty());
        assert!(kept.as_obj().is_some_and(|o| o.gc_slot().is_some()));
    }

    #[test]
    fn an_object_referenced_from_outside_keeps_its_cycle() {
        let a = list_of(vec![]);
        let b = list_of(vec![a.clone()]);
        push(&a, b.clone());
        drop(a);
        assert!(find_unreachable(2).objects.is_empty());
        drop(b);
        let found = find_unreachable(2);
        assert_eq!(found.objects.len(), 2);
        break_cycles(found.objects);
    }
}
