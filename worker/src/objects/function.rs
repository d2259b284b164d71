//! `function`'s methods: `__get__`, the descriptor protocol a def in a class body follows
//! (`enum` and others tell methods from members by it).

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

pub(crate) static METHODS: &[NativeFn] = &[NativeFn::method(
    "function.__get__",
    get,
    Arity::Range(1, 2),
    None,
)];

/// `f.__get__(instance, owner=None)`: `f` itself for no instance, else a bound method.
fn get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = match a.get(0) {
        Some(f @ Value::Obj(o)) if matches!(o.get(), Object::Function(_)) => f.clone(),
        other => {
            return Err(vm.type_error(format!(
                "descriptor '__get__' requires a 'function' object but received a '{}'",
                other.map_or("NoneType".to_string(), |v| vm.type_name(v))
            )))
        }
    };
    let instance = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(instance, Value::None) {
        return Ok(f);
    }
    Ok(Value::obj(Object::BoundMethod {
        func: f,
        receiver: instance,
    }))
}
