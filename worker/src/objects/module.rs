//! `module`'s own methods (`module.__init__`) and the module a `types.ModuleType` subclass
//! instance wraps: the instance's attribute dict is that module's globals dict, so
//! `__name__`, `__dict__` and `sys.modules[name] = instance` behave as on CPython.

use crate::value::heap::ObjRef;
use crate::value::object::{Module, Object};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

/// The methods of `module`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[NativeFn::new("module.__init__", init)];

/// A module with no attributes yet (`module.__new__`): `__init__` names it.
pub(crate) fn empty() -> Value {
    Value::obj(Object::Module(Module {
        name: String::new(),
        slots: Vec::new(),
        names: Vec::new(),
        lookup: std::collections::HashMap::new(),
        dict: None,
    }))
}

/// Makes a fresh subclass instance's attribute dict the globals dict of the module it wraps.
pub(crate) fn attach(vm: &mut Vm, inst: &Value) {
    let Some(Object::Instance(i)) = inst.body() else {
        return;
    };
    let Some(m) = i.base.as_obj().cloned() else {
        return;
    };
    let d = vm.module_dict(&m);
    if let Some(Object::Instance(i)) = inst.as_obj().map(|o| o.get_mut()) {
        i.dict_obj = d;
    }
}

/// The module object a receiver is, or wraps.
fn module_of(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    let m = match v.body() {
        Some(Object::Module(_)) => v.as_obj().cloned(),
        Some(Object::Instance(i)) if matches!(i.base.body(), Some(Object::Module(_))) => {
            i.base.as_obj().cloned()
        }
        _ => None,
    };
    m.ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '__init__' requires a 'module' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// `module.__init__(self, name, doc=None)`: sets `__name__`, `__doc__` and the three import
/// attributes (None) in the module's namespace.
fn init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = module_of(vm, a.get(0).unwrap_or(&Value::None))?;
    let rest = Args::new(&a.raw[1.min(a.raw.len())..], a.kwnames);
    let (name, text, doc) = vm.module_args(&rest)?;
    if let Object::Module(mo) = m.get_mut() {
        mo.name = text;
    }
    let Some(d) = vm.module_dict(&m) else {
        return Ok(Value::None);
    };
    let d = Value::Obj(d);
    for (k, v) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::None),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ] {
        vm.setitem(&d, Vm::str_val(k), v)?;
    }
    Ok(Value::None)
}
