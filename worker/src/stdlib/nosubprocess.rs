//! `_posixsubprocess`, as far as `subprocess` needs it to import. A worker starts no
//! process: `fork_exec` raises `OSError(ENOSYS)` with a message saying so.

use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

static SUBPROCESS_FUNCTIONS: &[NativeFn] = &[NativeFn::new("fork_exec", no_processes)];

pub(crate) fn init_posixsubprocess(_vm: &mut Vm) -> ObjRef {
    super::new_module("_posixsubprocess", SUBPROCESS_FUNCTIONS, &[])
}

fn enosys(vm: &mut Vm, text: &str) -> ObjRef {
    crate::objects::exception::os_error(vm, 38, text)
}

fn no_processes(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(enosys(
        vm,
        "Function not implemented: a worker does not start processes",
    ))
}
