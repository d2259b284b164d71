//! `tuple`: its constructor and its methods. Each method is one row of [`METHODS`] and one
//! function below.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The methods of `tuple`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("tuple.index", index, Arity::Range(1, 3), None),
    NativeFn::method("tuple.count", count, Arity::One, None),
];

fn is_tuple(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Tuple(_)))
}

/// The items of the tuple receiver (a copy: `==` may run Python code).
fn items(vm: &Vm, a: &Args, method: &str) -> PyResult<Vec<Value>> {
    let t = super::receiver(vm, a, "tuple", method, is_tuple)?;
    Ok(vm.seq_items(&t))
}

/// `tuple(iterable=())`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    super::constructor_args(vm, a, "tuple", 1, false)?;
    match a.get(0) {
        None => Ok(vm.empty_tuple.clone()),
        Some(v) => {
            if let Some(Object::Tuple(_)) = v.body() {
                return Ok(v.clone());
            }
            let items = vm.collect(v)?;
            Ok(Vm::new_tuple(items))
        }
    }
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = items(vm, a, "index")?;
    let target = a.get(1).cloned().unwrap_or(Value::None);
    let len = items.len() as i64;
    let start = vm.opt_pos(a.get(2))?.unwrap_or(0);
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    } as usize;
    let stop = vm
        .opt_pos(a.get(3))?
        .map(|e| if e < 0 { (e + len).max(0) } else { e } as usize)
        .unwrap_or(items.len());
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&target) || vm.eq(x, &target)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = items(vm, a, "count")?;
    let target = a.get(1).cloned().unwrap_or(Value::None);
    let mut n = 0;
    for x in &items {
        if x.is(&target) || vm.eq(x, &target)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
