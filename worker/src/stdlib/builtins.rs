//! `builtins`: the module view of the builtins namespace, also bound as every module's
//! `__builtins__`.

use crate::value::heap::ObjRef;
use crate::value::object::{Module, Object};
use crate::value::Value;
use crate::vm::Vm;

/// A module binding every name of the builtins namespace, in sorted order.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let mut module = Module {
        name: "builtins".into(),
        // Not an image module: no code, no slot in `Vm::modules`.
        slots: Vec::new(),
        names: Vec::new(),
        lookup: std::collections::HashMap::new(),
        dict: None,
    };
    let mut entries: Vec<(&str, Value)> =
        vm.builtins.iter().map(|(k, v)| (*k, v.clone())).collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut set = |name: &str, v: Value| {
        let s = module.slot_for(name, Vm::str_val(name));
        module.slots[s as usize] = v;
    };
    set("__name__", Vm::str_val("builtins"));
    set("__doc__", Value::None);
    for (name, v) in entries {
        set(name, v);
    }
    ObjRef::new(Object::Module(module))
}
