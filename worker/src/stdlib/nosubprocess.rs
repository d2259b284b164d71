//! `_posixsubprocess` and `select`, as far as `subprocess`, `selectors` and `asyncio` need
//! them to import. A worker starts no process and waits on no descriptor: `fork_exec` and
//! `select` raise `OSError(ENOSYS)` with a message saying so, never hang.

use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

static SUBPROCESS_FUNCTIONS: &[NativeFn] = &[NativeFn::new("fork_exec", no_processes)];

static SELECT_FUNCTIONS: &[NativeFn] = &[NativeFn::new("select", no_waiting)];

pub(crate) fn init_posixsubprocess(_vm: &mut Vm) -> ObjRef {
    super::new_module("_posixsubprocess", SUBPROCESS_FUNCTIONS, &[])
}

pub(crate) fn init_select(vm: &mut Vm) -> ObjRef {
    let constants: &[(&str, i64)] = &[
        ("POLLIN", 1),
        ("POLLPRI", 2),
        ("POLLOUT", 4),
        ("POLLERR", 8),
        ("POLLHUP", 16),
        ("POLLNVAL", 32),
        ("POLLRDNORM", 64),
        ("POLLRDBAND", 128),
        ("POLLWRNORM", 256),
        ("POLLWRBAND", 512),
        ("POLLMSG", 1024),
        ("POLLRDHUP", 8192),
        ("PIPE_BUF", 4096),
    ];
    let mut values: Vec<(&str, Value)> = constants
        .iter()
        .map(|(n, v)| (*n, Value::Int(*v)))
        .collect();
    values.push(("error", Value::Obj(vm.exc_class(ExcKind::OSError))));
    super::new_module("select", SELECT_FUNCTIONS, &values)
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

fn no_waiting(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(enosys(
        vm,
        "Function not implemented: a worker does not wait on descriptors",
    ))
}
