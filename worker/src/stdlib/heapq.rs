//! The `_heapq` module: the heap operations on a list (`heappush`, `heappop`, `heapify`,
//! `heapreplace`, `heappushpop`) and the max-heap helpers `heapq.merge` and `nlargest`
//! use, with CPython's C algorithm (so equal items end up in the same places) and its
//! errors, including a list resized by a comparison.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The functions of `_heapq`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("heappush", heappush, Arity::Range(2, 2), None),
    NativeFn::function("heappushpop", heappushpop, Arity::Range(2, 2), None),
    NativeFn::function("_heapq.heappop", heappop, Arity::One, None),
    NativeFn::function("heapreplace", heapreplace, Arity::Range(2, 2), None),
    NativeFn::function("_heapq.heapify", heapify, Arity::One, None),
    NativeFn::function("_heapq._heappop_max", heappop_max, Arity::One, None),
    NativeFn::function(
        "_heapreplace_max",
        heapreplace_max,
        Arity::Range(2, 2),
        None,
    ),
    NativeFn::function("_heapq._heapify_max", heapify_max, Arity::One, None),
];

/// The list argument, or CPython's error (`what` is "argument" or "argument 1").
fn list_arg(vm: &Vm, a: &Args, fname: &str, what: &str) -> PyResult<ObjRef> {
    match a.pos[0].as_obj() {
        Some(o) if matches!(o.get(), Object::List(_)) => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{fname}() {what} must be list, not {}",
            vm.type_name(&a.pos[0])
        ))),
    }
}

/// The list's items (`list_arg` checked the kind, and a list stays a list). Used for one
/// step that runs no Python code.
fn items(heap: &ObjRef) -> Option<&mut Vec<Value>> {
    match heap.get_mut() {
        Object::List(l) => Some(l),
        _ => None,
    }
}

fn len(heap: &ObjRef) -> usize {
    match heap.get() {
        Object::List(l) => l.len(),
        _ => 0,
    }
}

fn get(heap: &ObjRef, i: usize) -> Value {
    match heap.get() {
        Object::List(l) => l.get(i).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn index_error(vm: &Vm) -> ObjRef {
    vm.err(ExcKind::IndexError, "index out of range")
}

/// `a < b`, or `b < a` for the max-heap variants.
fn before(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        vm.less_than(b, a)
    } else {
        vm.less_than(a, b)
    }
}

fn changed(vm: &Vm) -> ObjRef {
    vm.err(ExcKind::RuntimeError, "list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it sorts before its parent.
fn siftdown(vm: &mut Vm, heap: &ObjRef, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = len(heap);
    if pos >= size {
        return Err(index_error(vm));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (newitem, p) = (get(heap, pos), get(heap, parent));
        let lt = before(vm, &newitem, &p, max)?;
        if len(heap) != size {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        if let Some(l) = items(heap) {
            l.swap(parent, pos);
        }
        pos = parent;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item there down.
fn siftup(vm: &mut Vm, heap: &ObjRef, mut pos: usize, max: bool) -> PyResult<()> {
    let end = len(heap);
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (l, r) = (get(heap, child), get(heap, child + 1));
            let lt = before(vm, &l, &r, max)?;
            if !lt {
                child += 1;
            }
            if len(heap) != end {
                return Err(changed(vm));
            }
        }
        if let Some(l) = items(heap) {
            l.swap(child, pos);
        }
        pos = child;
    }
    siftdown(vm, heap, start, pos, max)
}

fn heappush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let heap = list_arg(vm, a, "heappush", "argument 1")?;
    if let Some(l) = items(&heap) {
        l.push(a.pos[1].clone());
    }
    let last = len(&heap) - 1;
    siftdown(vm, &heap, 0, last, false)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = list_arg(vm, a, fname, "argument")?;
    let Some(last) = items(&heap).and_then(|l| l.pop()) else {
        return Err(index_error(vm));
    };
    if len(&heap) == 0 {
        return Ok(last);
    }
    let Some(top) = items(&heap).map(|l| std::mem::replace(&mut l[0], last)) else {
        return Err(index_error(vm));
    };
    siftup(vm, &heap, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pop(vm, a, "heappop", false)
}

fn heappop_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pop(vm, a, "_heappop_max", true)
}

fn replace(vm: &mut Vm, a: &Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = list_arg(vm, a, fname, "argument 1")?;
    if len(&heap) == 0 {
        return Err(index_error(vm));
    }
    let Some(top) = items(&heap).map(|l| std::mem::replace(&mut l[0], a.pos[1].clone())) else {
        return Err(index_error(vm));
    };
    siftup(vm, &heap, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace(vm, a, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    replace(vm, a, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let heap = list_arg(vm, a, "heappushpop", "argument 1")?;
    let item = a.pos[1].clone();
    if len(&heap) == 0 {
        return Ok(item);
    }
    let top = get(&heap, 0);
    if !vm.less_than(&top, &item)? {
        return Ok(item);
    }
    if len(&heap) == 0 {
        return Err(index_error(vm));
    }
    let Some(top) = items(&heap).map(|l| std::mem::replace(&mut l[0], item)) else {
        return Err(index_error(vm));
    };
    siftup(vm, &heap, 0, false)?;
    Ok(top)
}

fn heapify_with(vm: &mut Vm, a: &Args, fname: &str, max: bool) -> PyResult<Value> {
    let heap = list_arg(vm, a, fname, "argument")?;
    for i in (0..len(&heap) / 2).rev() {
        siftup(vm, &heap, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    heapify_with(vm, a, "heapify", false)
}

fn heapify_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    heapify_with(vm, a, "_heapify_max", true)
}

/// Builds `_heapq`.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module("_heapq", FUNCTIONS, &[])
}
