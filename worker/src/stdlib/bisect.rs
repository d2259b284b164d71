//! The `_bisect` module: `bisect_left`/`bisect_right` and `insort_left`/`insort_right` over
//! any sequence, with an optional `key`, as CPython's C accelerator (which `bisect` imports
//! over its pure-Python definitions).

use super::parse_args;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// The functions of `_bisect`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("bisect_right", bisect_right),
    NativeFn::new("bisect_left", bisect_left),
    NativeFn::new("insort_right", insort_right),
    NativeFn::new("insort_left", insort_left),
];

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

/// The arguments `(a, x, lo, hi, key)`, with `hi` resolved to `len(a)` when absent, None or -1.
struct Search {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

fn args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Search> {
    let p = parse_args(vm, a, 0, fname, NAMES, 2, 4)?;
    let lo = match p[2] {
        Some(v) => vm.ssize_of(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match p[3] {
        None | Some(Value::None) => None,
        Some(v) => match vm.ssize_of(v)? {
            -1 => None,
            n => Some(n),
        },
    };
    Ok(Search {
        a: p[0].cloned().unwrap_or(Value::None),
        x: p[1].cloned().unwrap_or(Value::None),
        lo,
        hi,
        key: p[4].cloned().unwrap_or(Value::None),
    })
}

/// The insertion point of `s.x` (already keyed) in `s.a[lo:hi]`: left of equal items when
/// `left`, right of them otherwise.
fn search(vm: &mut Vm, s: &Search, x: &Value, left: bool) -> PyResult<i64> {
    let mut hi = match s.hi {
        Some(h) => h,
        None => vm.len_of(&s.a)? as i64,
    };
    let mut lo = s.lo;
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = vm.getitem(&s.a, &Value::Int(mid))?;
        if !matches!(s.key, Value::None) {
            item = vm.call(&s.key, &[item], &[])?;
        }
        let go_right = if left {
            vm.less_than(&item, x)?
        } else {
            !vm.less_than(x, &item)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, a: &Args, fname: &str, left: bool) -> PyResult<Value> {
    let s = args(vm, a, fname)?;
    let x = s.x.clone();
    Ok(Value::Int(search(vm, &s, &x, left)?))
}

fn bisect_right(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bisect(vm, a, "bisect_right", false)
}

fn bisect_left(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    bisect(vm, a, "bisect_left", true)
}

/// Inserts `x` at its insertion point: `list.insert` for a list, else the sequence's own
/// `insert` method.
fn insort(vm: &mut Vm, a: &Args, fname: &str, left: bool) -> PyResult<Value> {
    let s = args(vm, a, fname)?;
    let keyed = if matches!(s.key, Value::None) {
        s.x.clone()
    } else {
        vm.call(&s.key, std::slice::from_ref(&s.x), &[])?
    };
    let at = search(vm, &s, &keyed, left)?;
    if let Some(o) = s.a.as_obj() {
        if let Object::List(items) = o.get_mut() {
            let i = (at as usize).min(items.len());
            items.insert(i, s.x.clone());
            return Ok(Value::None);
        }
    }
    let insert = vm.getattr(&s.a, &Vm::str_val("insert"))?;
    vm.call(&insert, &[Value::Int(at), s.x.clone()], &[])?;
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    insort(vm, a, "insort_right", false)
}

fn insort_left(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    insort(vm, a, "insort_left", true)
}

/// Builds `_bisect`.
pub(crate) fn init(_vm: &mut Vm) -> ObjRef {
    super::new_module("_bisect", FUNCTIONS, &[])
}
