//! Modules: importing the image's modules (each top level runs once, on first import; a
//! partially initialised module is registered before its code runs, so circular imports
//! behave as in CPython), native modules from `stdlib::REGISTRY`, and `from m import x`.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// The image index of module `name`.
    pub fn module_index(&self, name: &str) -> Option<u32> {
        (0..self.image.module_count()).find(|&i| self.image.module(i).name.as_str() == name)
    }

    /// `import name`: a native module of `stdlib::REGISTRY`, else a module of the image.
    /// Native modules come first because CPython has `math` and its kin loaded before the
    /// program starts, so the program's own `math.py` does not shadow them.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.native_modules.get(name) {
            return Ok(Value::Obj(m.clone()));
        }
        if let Some(init) = crate::stdlib::find(name) {
            let m = init(self);
            self.native_modules.insert(name.to_string(), m.clone());
            return Ok(Value::Obj(m));
        }
        if let Some(i) = self.module_index(name) {
            if let Some(Some(m)) = self.modules.get(i as usize) {
                return Ok(Value::Obj(m.clone()));
            }
            return Ok(Value::Obj(self.load_module(i, name)?));
        }
        let e = self.err(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        );
        self.set_exc_attr(&e, "name", Vm::str_val(name));
        Err(e)
    }

    /// Creates module `index`, registers it, and runs its top level with `__name__ = dunder_name`.
    pub fn load_module(&mut self, index: u32, dunder_name: &str) -> PyResult<ObjRef> {
        let own = self.image.module(index).name.as_str().to_string();
        let builtins = self.import_module("builtins")?;
        let m = self.new_module(index, &own);
        if let Object::Module(mo) = m.get_mut() {
            let s = mo.slot_for("__name__", Vm::str_val("__name__"));
            mo.slots[s as usize] = Vm::str_val(dunder_name);
            let code = self.image.module(index).code;
            let file = self.codes[code as usize].view.filename();
            let s = mo.slot_for("__file__", Vm::str_val("__file__"));
            mo.slots[s as usize] = Value::Str(file);
            let s = mo.slot_for("__doc__", Vm::str_val("__doc__"));
            mo.slots[s as usize] = Value::None;
            let s = mo.slot_for("__builtins__", Vm::str_val("__builtins__"));
            mo.slots[s as usize] = builtins;
            if dunder_name == "__main__" {
                // A script's main module has no spec and no package.
                for n in ["__spec__", "__package__"] {
                    let s = mo.slot_for(n, Vm::str_val(n));
                    mo.slots[s as usize] = Value::None;
                }
            }
        }
        self.modules[index as usize] = Some(m.clone());
        let code = self.image.module(index).code;
        match self.run_code(code, None, Vec::new()) {
            Ok(_) => Ok(m),
            Err(e) => {
                self.modules[index as usize] = None;
                Err(e)
            }
        }
    }

    /// Sets an attribute in an exception instance's dict.
    pub fn set_exc_attr(&self, e: &ObjRef, name: &str, v: Value) {
        if let Object::Instance(i) = e.get_mut() {
            crate::vm::ops::dict_set_str(&mut i.dict, name, v);
        }
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => {
                let mname = match m.body() {
                    Some(Object::Module(mo)) => mo.name.clone(),
                    _ => "?".into(),
                };
                let n = name.as_str().unwrap_or("?");
                // A submodule of the image named `module.name` is not supported; report as
                // CPython does for a missing name.
                let e = self.err(
                    ExcKind::ImportError,
                    format!("cannot import name '{n}' from '{mname}' (unknown location)"),
                );
                self.set_exc_attr(&e, "name", Vm::str_val(mname.as_str()));
                Err(e)
            }
            Err(e) => Err(e),
        }
    }
}
