//! `exc.__traceback__`: the traceback object of a raised exception. The `traceback` and
//! `frame` types themselves (shared with `sys._getframe` and `sys.exc_info`) live in
//! `stdlib/sys.rs`.

use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// `exc.__traceback__`: `None` for an exception never raised.
pub(crate) fn traceback_of(vm: &mut Vm, exc: &ObjRef) -> Value {
    crate::stdlib::sys::traceback_of(vm, &Value::Obj(exc.clone()))
}
