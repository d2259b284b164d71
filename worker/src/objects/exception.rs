//! Exceptions: `BaseException.__init__` and the methods of exception instances. Each method
//! is one row of [`METHODS`] and one function below.

use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// The methods of exception instances, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method(
        "BaseException.with_traceback",
        with_traceback,
        Arity::One,
        None,
    ),
    NativeFn::method("BaseException.add_note", add_note, Arity::One, None),
];

/// `BaseException.__init__(self, *args)`: stores `args`.
pub(crate) static INIT: NativeFn = NativeFn::new("BaseException.__init__", init);

fn is_exception(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Instance(i)) if i.exc.is_some())
}

fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    super::receiver(vm, a, "BaseException", method, is_exception)
}

fn init(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(Value::Obj(o)) = a.get(0) {
        if let Object::Instance(i) = o.get_mut() {
            if let Some(e) = i.exc.as_mut() {
                e.args = a.pos[1..].to_vec();
            }
        }
    }
    Ok(Value::None)
}

/// Tracebacks are not objects here, so the exception is returned unchanged.
fn with_traceback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    receiver(vm, a, "with_traceback")
}

fn add_note(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = receiver(vm, a, "add_note")?;
    let note = a.get(1).cloned().unwrap_or(Value::None);
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let notes = match vm.getattr_opt(&e, "__notes__")? {
        Some(l) if matches!(l.body(), Some(Object::List(_))) => l,
        _ => {
            let l = Vm::new_list(Vec::new());
            vm.setattr(&e, &Vm::str_val("__notes__"), l.clone())?;
            l
        }
    };
    if let Some(Object::List(items)) = notes.as_obj().map(|o| o.get_mut()) {
        items.push(note);
    }
    Ok(Value::None)
}
