//! `freeze_heap`: makes every object reachable from a root immortal (PEP 683 style), so that
//! after fork a worker reading or calling an inherited object never writes its page. The walk
//! is iterative (no host recursion on deep structures); the immortal bit doubles as the
//! "visited" mark.

use crate::value::heap::ObjRef;
use crate::value::object::{AwaitOp, Iter, Object};
use crate::value::Value;

fn push_obj(o: &ObjRef, work: &mut Vec<ObjRef>) {
    if !o.is_immortal() {
        work.push(o.clone());
    }
}

fn push_value(v: &Value, work: &mut Vec<ObjRef>) {
    if let Value::Obj(o) = v {
        if !o.is_immortal() {
            work.push(o.clone());
        }
    }
}

/// Freezes `root` and everything reachable from it.
pub fn freeze_value(root: &Value) {
    let mut work = Vec::new();
    push_value(root, &mut work);
    freeze_all(work);
}

pub fn freeze_obj(root: &ObjRef) {
    if !root.is_immortal() {
        freeze_all(vec![root.clone()]);
    }
}

fn freeze_all(mut work: Vec<ObjRef>) {
    while let Some(o) = work.pop() {
        if o.is_immortal() {
            continue;
        }
        o.make_immortal();
        let w = &mut work;
        match o.get() {
            Object::Str(_)
            | Object::Bytes(_)
            | Object::BigInt(_)
            | Object::Complex(..)
            | Object::CodeRef(_)
            | Object::CodeUnit(_) => {}
            Object::DynCode { unit, .. } => push_obj(unit, w),
            Object::List(items) => items.iter().for_each(|v| push_value(v, w)),
            Object::Tuple(items) => items.iter().for_each(|v| push_value(v, w)),
            Object::Dict(d) => {
                for (k, v) in d.iter() {
                    push_value(k, w);
                    push_value(v, w);
                }
            }
            Object::Set(s) | Object::FrozenSet(s) => s.iter().for_each(|v| push_value(v, w)),
            Object::Range { start, stop, step } | Object::Slice { start, stop, step } => {
                push_value(start, w);
                push_value(stop, w);
                push_value(step, w);
            }
            Object::Function(f) => {
                if let Some(h) = &f.heap_code {
                    push_obj(h, w);
                }
                if let Some(g) = &f.globals {
                    push_obj(g, w);
                }
                if let Some(k) = &f.kwdefaults {
                    push_obj(k, w);
                }
                for c in &f.closure {
                    push_obj(c, w);
                }
                push_value(&f.name, w);
                push_value(&f.qualname, w);
                f.defaults.iter().for_each(|v| push_value(v, w));
                if let Some(d) = &f.dict {
                    push_obj(d, w);
                }
                if let Some(s) = &f.set {
                    s.doc
                        .iter()
                        .chain(s.module.iter())
                        .for_each(|v| push_value(v, w));
                }
            }
            Object::BoundMethod { func, receiver } => {
                push_value(func, w);
                push_value(receiver, w);
            }
            Object::Class(c) => {
                for b in c.bases.iter().chain(c.mro.iter()) {
                    push_obj(b, w);
                }
                for (k, v) in c.dict.iter() {
                    push_value(k, w);
                    push_value(v, w);
                }
            }
            Object::Instance(i) => {
                push_obj(&i.class, w);
                push_value(&i.base, w);
                for (k, v) in i.own.iter() {
                    push_value(k, w);
                    push_value(v, w);
                }
                if let Some(d) = &i.dict_obj {
                    push_obj(d, w);
                }
                if let Some(e) = &i.exc {
                    e.args.iter().for_each(|v| push_value(v, w));
                    e.keep.iter().for_each(|u| push_obj(u, w));
                    push_value(&e.cause, w);
                    push_value(&e.context, w);
                }
            }
            Object::Module(m) => {
                m.slots.iter().for_each(|v| push_value(v, w));
                m.names.iter().for_each(|v| push_value(v, w));
                if let Some(d) = &m.dict {
                    push_obj(d, w);
                }
            }
            Object::Cell(v) | Object::StaticMethod(v) | Object::ClassMethod(v) => push_value(v, w),
            Object::Generator(g) => {
                push_value(&g.name, w);
                push_value(&g.qualname, w);
                if let Some(f) = &g.frame {
                    f.locals
                        .iter()
                        .chain(f.stack.iter())
                        .chain(f.exc_stack.iter())
                        .for_each(|v| push_value(v, w));
                    for c in &f.cells {
                        if !c.is_immortal() {
                            w.push(c.clone());
                        }
                    }
                    if let Some(h) = &f.heap_code {
                        if !h.is_immortal() {
                            w.push(h.clone());
                        }
                    }
                }
            }
            Object::GenAwait(a) => {
                push_obj(&a.gen, w);
                match &a.op {
                    AwaitOp::ASend(v) | AwaitOp::AThrow(v) => push_value(v, w),
                    AwaitOp::ANext { wrapped, default } => {
                        push_value(wrapped, w);
                        push_value(default, w);
                    }
                    AwaitOp::Wrapper | AwaitOp::AClose => {}
                }
            }
            Object::Iter(it) => match it {
                Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => push_value(seq, w),
                Iter::StrChars { s, .. } => push_value(s, w),
                Iter::Dict { dict, .. } => push_obj(dict, w),
                Iter::Snapshot { items, source, .. } => {
                    items.iter().for_each(|v| push_value(v, w));
                    if let Some(s) = source {
                        if !s.is_immortal() {
                            w.push(s.clone());
                        }
                    }
                }
                Iter::Enumerate { it, count } => {
                    push_value(it, w);
                    push_value(count, w);
                }
                Iter::Zip { its, .. } => its.iter().for_each(|v| push_value(v, w)),
                Iter::Map { func, its } => {
                    push_value(func, w);
                    its.iter().for_each(|v| push_value(v, w));
                }
                Iter::Filter { func, it } => {
                    push_value(func, w);
                    push_value(it, w);
                }
                Iter::Callable { func, sentinel } => {
                    push_value(func, w);
                    push_value(sentinel, w);
                }
                Iter::Range { .. } | Iter::BigRange { .. } | Iter::Exhausted => {}
            },
            Object::Code(c) => c.consts.iter().for_each(|v| push_value(v, w)),
            Object::Property(p) => {
                push_value(&p.fget, w);
                push_value(&p.fset, w);
                push_value(&p.fdel, w);
                push_value(&p.doc, w);
                push_value(&p.name, w);
            }
            Object::DictView { dict, .. } => push_obj(dict, w),
            Object::Super { class, receiver } => {
                push_obj(class, w);
                push_value(receiver, w);
            }
            Object::Native(n) => {
                push_obj(&n.class, w);
                n.state.visit(&mut |v| push_value(v, w));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::object::PyStr;

    #[test]
    fn freezing_reaches_nested_objects_and_stops_writes() {
        let s = Value::obj(Object::Str(PyStr::new("leaf")));
        let inner = Value::obj(Object::List(vec![s.clone(), Value::Int(1)]));
        let outer = Value::obj(Object::Tuple(
            vec![inner.clone(), Value::None].into_boxed_slice(),
        ));
        // A cycle: the list holds the tuple that holds it.
        if let Some(Object::List(l)) = inner.as_obj().map(|o| o.get_mut()) {
            l.push(outer.clone());
        }
        freeze_value(&outer);
        for v in [&s, &inner, &outer] {
            let o = v.as_obj().expect("heap value");
            assert!(o.is_immortal());
            let before = o.header_bytes();
            let copies: Vec<Value> = (0..5).map(|_| v.clone()).collect();
            drop(copies);
            assert_eq!(o.header_bytes(), before);
        }
    }
}
