//! `freeze_heap`: makes every object reachable from a root immortal (PEP 683 style), so that
//! after fork a worker reading or calling an inherited object never writes its page. The walk
//! is iterative (no host recursion on deep structures); the immortal bit doubles as the
//! "visited" mark. It follows the same references as the cycle collector (`gc::trace`).

use crate::value::gc::trace;
use crate::value::heap::ObjRef;
use crate::value::Value;

/// Freezes `root` and everything reachable from it.
pub fn freeze_value(root: &Value) {
    if let Value::Obj(o) = root {
        freeze_obj(o);
    }
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
        trace(o.get(), &mut |r| {
            if !r.is_immortal() {
                work.push(r.clone());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::object::{Object, PyStr};

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
