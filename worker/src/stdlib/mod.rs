//! The registry of native modules: each module CPython writes in C is one file here and one
//! row in [`REGISTRY`].
//!
//! Adding a native module is exactly: a new file `stdlib/NAME.rs` holding its `FUNCTIONS`
//! table (one `NativeFn` row per function, one free function each) and an
//! `init(&mut Vm) -> ObjRef` that builds the module (usually [`new_module`] with its
//! constants), plus one row `("NAME", NAME::init)` in [`REGISTRY`]. `import NAME` looks in
//! this registry before the image's modules (see `Vm::import_module`); each module is built
//! once, on first import.

use crate::value::heap::ObjRef;
use crate::value::object::{Module, Object};
use crate::value::Value;
use crate::vm::native::NativeFn;
use crate::vm::Vm;

pub(crate) mod builtins;
pub(crate) mod math;

/// Builds a native module; called once, on its first import.
pub(crate) type ModuleInit = fn(&mut Vm) -> ObjRef;

/// The native modules by import name.
pub(crate) static REGISTRY: &[(&str, ModuleInit)] =
    &[("builtins", builtins::init), ("math", math::init)];

/// The initialiser of native module `name`.
pub(crate) fn find(name: &str) -> Option<ModuleInit> {
    REGISTRY
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, init)| *init)
}

/// A module object named `name` binding each of `functions` by its name, then `constants`.
pub(crate) fn new_module(
    name: &str,
    functions: &'static [NativeFn],
    constants: &[(&str, Value)],
) -> ObjRef {
    let mut module = Module {
        name: name.into(),
        // Not an image module: no code, no slot in `Vm::modules`.
        slots: Vec::new(),
        names: Vec::new(),
        lookup: std::collections::HashMap::new(),
        dict: None,
    };
    let mut set = |name: &str, v: Value| {
        let s = module.slot_for(name, Vm::str_val(name));
        module.slots[s as usize] = v;
    };
    set("__name__", Vm::str_val(name));
    for f in functions {
        set(f.name(), Value::Native(f));
    }
    for (n, v) in constants {
        set(n, v.clone());
    }
    ObjRef::new(Object::Module(module))
}
