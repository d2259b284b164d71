//! Modules: CPython's import system over the image's module table. `IMPORT_NAME` is
//! `__import__` (relative names resolved against the importing module's `__package__`, the
//! parents of a dotted name imported first and each submodule bound on its parent,
//! `fromlist` handled as `_handle_fromlist`), `IMPORT_FROM` falls back to the submodule
//! registry, `IMPORT_STAR` honours `__all__`. Each module's top level runs once; a module is
//! registered in `sys.modules` (`Vm::sys_modules`, a dict that is the truth for what is
//! loaded: a program may store, replace or delete entries) before its code runs, so
//! circular imports see the partially initialised module, as in CPython. Native modules of
//! `stdlib::REGISTRY` come first.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// Where an import's relative names start from.
pub(crate) enum Importer {
    /// The code of an image module (by index).
    Module(u32),
    /// `__import__`'s `globals` argument (`None` for none).
    Globals(Value),
}

impl Vm {
    /// The image index of (present) module `name`.
    pub fn module_index(&self, name: &str) -> Option<u32> {
        let i = self.module_by_name.get(name).copied();
        if i == Some(0) && self.main_as_dunder_main {
            // Run as a script, importing the main module by name runs its copy.
            if let Some(copy) = self.imported_main() {
                return Some(copy);
            }
        }
        i
    }

    /// The image's copy of the main module for `import main` (see
    /// [`permafrost_image::IMPORTED_MAIN_SUFFIX`]), when the program imports it.
    fn imported_main(&self) -> Option<u32> {
        let main = self.image.module(0).name.as_str();
        let copy = format!("{main}{}", permafrost_image::IMPORTED_MAIN_SUFFIX);
        self.module_by_name.get(copy.as_str()).copied()
    }

    /// `sys.modules[name]`, if present (any object: a program may store its own there).
    pub(crate) fn loaded_module(&self, name: &str) -> Option<Value> {
        match self.sys_modules.get() {
            Object::Dict(d) => crate::vm::attrs::dict_get_str(d, name).cloned(),
            _ => None,
        }
    }

    /// Sets (or, with `None`, removes) `sys.modules[name]`.
    pub(crate) fn register_module(&self, name: &str, m: Option<Value>) {
        if let Object::Dict(d) = self.sys_modules.get_mut() {
            match m {
                Some(m) => crate::value::dict_table::dict_set_str(d, name, m),
                None => {
                    let h = crate::value::dict_table::str_hash_of(name);
                    d.remove(h, &mut |k| k.as_str() == Some(name));
                }
            }
        }
    }

    fn module_not_found(&self, name: &str, suffix: &str) -> ObjRef {
        let e = self.err(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'{suffix}"),
        );
        self.set_exc_attr(&e, "name", Vm::str_val(name));
        e
    }

    fn module_not_found_halted(&self, name: &str) -> ObjRef {
        let e = self.err(
            ExcKind::ModuleNotFoundError,
            format!("import of {name} halted; None in sys.modules"),
        );
        self.set_exc_attr(&e, "name", Vm::str_val(name));
        e
    }

    /// `importlib.import_module(name)` for an absolute dotted name: imports each parent
    /// package first (iteratively: a name may have many dots), binds each newly loaded
    /// submodule on its parent, and returns the module itself.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.loaded_module(name) {
            if matches!(m, Value::None) {
                return Err(self.module_not_found_halted(name));
            }
            return Ok(m);
        }
        let mut parent: Option<Value> = None;
        let mut end = 0;
        loop {
            end = match name[end..].find('.') {
                Some(dot) if end + dot < name.len() => end + dot,
                _ => name.len(),
            };
            let prefix = &name[..end];
            let m = match self.loaded_module(prefix) {
                Some(m) => m,
                None => self.load_submodule(prefix, parent.as_ref())?,
            };
            if end == name.len() {
                return Ok(m);
            }
            parent = Some(m);
            end += 1;
        }
    }

    /// Finds and runs module `name` whose parent package (if dotted) is already loaded.
    fn load_submodule(&mut self, name: &str, parent: Option<&Value>) -> PyResult<Value> {
        if name.is_empty() || name.ends_with('.') {
            return Err(self.err(ExcKind::ValueError, "Empty module name"));
        }
        if let Some(pv) = parent {
            // A parent without `__path__` is a plain module: it has no submodules.
            if self.getattr_opt(pv, "__path__")?.is_none() {
                let (pname, _) = name.rsplit_once('.').unwrap_or((name, ""));
                return Err(self.module_not_found(name, &format!("; '{pname}' is not a package")));
            }
        } else if let Some(init) = crate::stdlib::find(name) {
            let m = match self.native_modules.get(name) {
                Some(m) => m.clone(),
                None => {
                    let m = init(self);
                    self.native_modules.insert(name.to_string(), m.clone());
                    m
                }
            };
            self.register_module(name, Some(Value::Obj(m.clone())));
            return Ok(Value::Obj(m));
        }
        let Some(index) = self.module_index(name) else {
            return Err(self.module_not_found(name, ""));
        };
        self.load_module(index, name)?;
        // What the module left in `sys.modules` is what the import gives (a module may
        // replace itself there).
        let m = match self.loaded_module(name) {
            Some(m) => m,
            None => {
                return Err(self.err(
                    ExcKind::KeyError,
                    format!("'{name}' not in sys.modules as expected"),
                ))
            }
        };
        if let (Some(Value::Obj(parent)), Some((_, last))) = (parent, name.rsplit_once('.')) {
            if let Object::Module(pm) = parent.get_mut() {
                let s = pm.slot_for(last, Vm::str_val(last));
                pm.slots[s as usize] = m.clone();
            }
        }
        Ok(m)
    }

    /// Creates module `index`, registers it, and runs its top level with `__name__ = dunder_name`.
    pub fn load_module(&mut self, index: u32, dunder_name: &str) -> PyResult<ObjRef> {
        let record = self.image.module(index);
        let own = record.name.as_str();
        let own = own
            .strip_suffix(permafrost_image::IMPORTED_MAIN_SUFFIX)
            .unwrap_or(own)
            .to_string();
        // The script's module is `__main__` only when the program imports its copy as `main`.
        let own_registered =
            !(index == 0 && dunder_name == "__main__" && self.imported_main().is_some());
        let builtins = self.import_module("builtins")?;
        // A module imported again after leaving `sys.modules` (`import_fresh_module`) is a
        // second copy: the first one's functions keep reading the first one's globals, which
        // frames find through the module index, so the copy gets an index of its own.
        let index = if self.modules[index as usize].is_some() {
            let copy = self.modules.len() as u32;
            let template = self.templates[index as usize].clone();
            self.templates.push(template);
            self.modules.push(None);
            self.initializing.push(false);
            copy
        } else {
            index
        };
        let m = self.new_module(index, &own);
        let loader = crate::stdlib::importlib::image_loader(self);
        if let Object::Module(mo) = m.get_mut() {
            let mut set = |name: &str, v: Value| {
                let s = mo.slot_for(name, Vm::str_val(name));
                mo.slots[s as usize] = v;
            };
            set("__name__", Vm::str_val(dunder_name));
            set("__file__", Value::Str(record.file));
            set("__doc__", Value::None);
            set("__builtins__", builtins);
            // Run as a script, the main module has no package; otherwise as CPython's
            // `ModuleSpec.parent`.
            let package = if dunder_name == "__main__" {
                Value::None
            } else if record.package {
                Vm::str_val(dunder_name)
            } else {
                Vm::str_val(dunder_name.rsplit_once('.').map_or("", |(p, _)| p))
            };
            set("__package__", package);
            if dunder_name == "__main__" {
                // CPython's main module starts with an empty `__annotations__`.
                set(
                    "__annotations__",
                    Value::obj(Object::Dict(crate::value::dict_table::Dict::new())),
                );
            }
            set("__spec__", Value::None);
            set("__loader__", loader);
            if record.package {
                let file = record.file.as_str();
                let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
                set("__path__", Value::obj(Object::List(vec![Vm::str_val(dir)])));
            }
        }
        self.modules[index as usize] = Some(m.clone());
        if own_registered {
            self.register_module(&own, Some(Value::Obj(m.clone())));
        }
        if dunder_name != own {
            self.register_module(dunder_name, Some(Value::Obj(m.clone())));
        }
        self.initializing[index as usize] = true;
        let code = record.code;
        let heap = self.codes[code as usize].heap.clone();
        let r = self.run_code_in(code, None, Vec::new(), (heap, index, None));
        self.initializing[index as usize] = false;
        match r {
            Ok(_) => {
                if own == "linecache" {
                    crate::stdlib::importlib::seed_linecache(self, &m)?;
                }
                if record.origin == permafrost_image::Origin::Stdlib {
                    crate::stdlib::accelerator::after_import(self, &own, &m)?;
                }
                Ok(m)
            }
            Err(e) => {
                // As CPython: a module whose top level failed leaves `sys.modules`.
                self.modules[index as usize] = None;
                if own_registered {
                    self.register_module(&own, None);
                }
                if dunder_name != own {
                    self.register_module(dunder_name, None);
                }
                Err(e)
            }
        }
    }

    /// Whether module object `m` is an image module whose top level is still running.
    pub fn module_initializing(&self, m: &ObjRef) -> bool {
        let Object::Module(mo) = m.get() else {
            return false;
        };
        self.module_index(&mo.name).is_some_and(|i| {
            self.initializing[i as usize]
                && self.modules[i as usize]
                    .as_ref()
                    .is_some_and(|l| l.ptr_eq(m))
        })
    }

    /// A global of module `m` (unbound: `None`).
    fn module_global(m: &ObjRef, name: &str) -> Option<Value> {
        match m.get() {
            Object::Module(mo) => mo.get(name).cloned(),
            _ => None,
        }
    }

    /// The package relative imports of module `index` start from (CPython's
    /// `_calc___package__`): `__package__`, else `__name__` (without its last part unless
    /// the module has `__path__`).
    fn importing_package(&mut self, index: u32) -> PyResult<String> {
        let Some(Some(m)) = self.modules.get(index as usize).cloned() else {
            return Ok(String::new());
        };
        match Vm::module_global(&m, "__package__") {
            Some(Value::None) | None => {}
            Some(p) => {
                return match p.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(self.err(ExcKind::TypeError, "package must be a string")),
                };
            }
        }
        let name = Vm::module_global(&m, "__name__");
        let Some(name) = name.as_ref().and_then(|n| n.as_str()) else {
            return Err(self.err(ExcKind::KeyError, "'__name__' not in globals"));
        };
        if Vm::module_global(&m, "__path__").is_some() {
            return Ok(name.to_string());
        }
        Ok(name.rsplit_once('.').map_or("", |(p, _)| p).to_string())
    }

    /// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)` from the code of
    /// module `index`.
    pub fn import_name(
        &mut self,
        index: u32,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        self.import_in(Importer::Module(index), name, fromlist, level)
    }

    /// The package named by a globals dict (`__import__`'s `globals`): CPython's
    /// `_calc___package__` over `__package__`, `__name__` and `__path__`.
    fn package_of_globals(&mut self, globals: &Value) -> PyResult<String> {
        let get = |k: &str| match globals.body() {
            Some(Object::Dict(d)) => crate::vm::attrs::dict_get_str(d, k).cloned(),
            _ => None,
        };
        if matches!(globals, Value::None) {
            return Ok(String::new());
        }
        match get("__package__") {
            Some(Value::None) | None => {}
            Some(p) => {
                return match p.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(self.err(ExcKind::TypeError, "package must be a string")),
                };
            }
        }
        let name = get("__name__");
        let Some(name) = name.as_ref().and_then(|n| n.as_str()) else {
            return Err(self.err(ExcKind::KeyError, "'__name__' not in globals"));
        };
        if get("__path__").is_some() {
            return Ok(name.to_string());
        }
        Ok(name.rsplit_once('.').map_or("", |(p, _)| p).to_string())
    }

    /// `__import__(name, globals, locals, fromlist, level)` from `importer`.
    pub(crate) fn import_in(
        &mut self,
        importer: Importer,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let Some(name) = name.as_str() else {
            return Err(self.err(ExcKind::TypeError, "module name must be a string"));
        };
        let level = match level {
            Value::Int(l) if *l >= 0 => *l as u64,
            Value::Int(_) => return Err(self.err(ExcKind::ValueError, "level must be >= 0")),
            other => {
                let t = self.type_name(other);
                return Err(self.err(
                    ExcKind::TypeError,
                    format!("'{t}' object cannot be interpreted as an integer"),
                ));
            }
        };
        let absolute = if level == 0 {
            if name.is_empty() {
                return Err(self.err(ExcKind::ValueError, "Empty module name"));
            }
            name.to_string()
        } else {
            let package = match &importer {
                Importer::Module(index) => self.importing_package(*index)?,
                Importer::Globals(g) => self.package_of_globals(g)?,
            };
            if package.is_empty() {
                return Err(self.err(
                    ExcKind::ImportError,
                    "attempted relative import with no known parent package",
                ));
            }
            let mut base = package.as_str();
            for _ in 1..level {
                match base.rsplit_once('.') {
                    Some((b, _)) => base = b,
                    None => {
                        return Err(self.err(
                            ExcKind::ImportError,
                            "attempted relative import beyond top-level package",
                        ))
                    }
                }
            }
            if name.is_empty() {
                base.to_string()
            } else {
                format!("{base}.{name}")
            }
        };
        let module = self.import_module(&absolute)?;
        let from: Vec<Value> = match fromlist {
            Value::None => Vec::new(),
            other => self.collect(other)?,
        };
        if from.is_empty() {
            // `import a.b.c` evaluates to `a` (for a relative name, the module its first
            // part names).
            let first = name.split('.').next().unwrap_or(name);
            let keep = absolute.len() - (name.len() - first.len());
            if level == 0 || !name.is_empty() {
                if let Some(m) = self.loaded_module(&absolute[..keep]) {
                    return Ok(m);
                }
                return Err(self.err(
                    ExcKind::KeyError,
                    format!("'{}' not in sys.modules as expected", &absolute[..keep]),
                ));
            }
            return Ok(module);
        }
        if let Value::Obj(m) = &module {
            if self.getattr_opt(&module, "__path__")?.is_some() {
                self.handle_fromlist(m, &from, false)?;
            }
        }
        Ok(module)
    }

    /// `_handle_fromlist`: imports the submodules a package's `from ... import` names (and,
    /// for `*`, those in its `__all__`) that are not attributes yet.
    fn handle_fromlist(&mut self, m: &ObjRef, from: &[Value], recursive: bool) -> PyResult<()> {
        let mv = Value::Obj(m.clone());
        let mname = match m.get() {
            Object::Module(mo) => mo.name.clone(),
            _ => String::new(),
        };
        for x in from {
            let Some(x) = x.as_str() else {
                let t = self.type_name(x);
                let what = if recursive {
                    format!("{mname}.__all__")
                } else {
                    "``from list''".to_string()
                };
                return Err(self.err(
                    ExcKind::TypeError,
                    format!("Item in {what} must be str, not {t}"),
                ));
            };
            if x == "*" {
                if !recursive {
                    if let Some(all) = self.getattr_opt(&mv, "__all__")? {
                        let names = self.collect(&all)?;
                        // `__all__` only recurses once, as in CPython.
                        self.handle_fromlist(m, &names, true)?;
                    }
                }
                continue;
            }
            if self.getattr_opt(&mv, x)?.is_some() {
                continue;
            }
            let full = format!("{mname}.{x}");
            if let Err(e) = self.import_module(&full) {
                // A name that is neither an attribute nor a submodule is the caller's
                // ImportError (IMPORT_FROM), not this one.
                let swallow = self.exc_matches(&e, ExcKind::ModuleNotFoundError)
                    && self.exc_attr(&e, "name").as_ref().and_then(|n| n.as_str())
                        == Some(full.as_str());
                if !swallow {
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Sets an attribute in an exception instance's dict.
    pub fn set_exc_attr(&self, e: &ObjRef, name: &str, v: Value) {
        if let Object::Instance(i) = e.get_mut() {
            crate::value::dict_table::dict_set_str(i.table_mut(), name, v);
        }
    }

    /// An attribute from an exception instance's dict.
    fn exc_attr(&self, e: &ObjRef, name: &str) -> Option<Value> {
        match e.get() {
            Object::Instance(i) => crate::vm::attrs::dict_get_str(i.table(), name).cloned(),
            _ => None,
        }
    }

    /// `from module import name` (`IMPORT_FROM`): the attribute, else the submodule
    /// `module.name` if one is loaded, else CPython's ImportError.
    pub fn import_from(&mut self, m: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr(m, name) {
            Ok(v) => Ok(v),
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => {
                let n = name.as_str().unwrap_or("?");
                let mobj = m.as_obj().cloned();
                let pkgname = mobj
                    .as_ref()
                    .and_then(|o| Vm::module_global(o, "__name__"))
                    .and_then(|v| v.as_str().map(str::to_string));
                if let Some(pkg) = &pkgname {
                    if let Some(sub) = self.loaded_module(&format!("{pkg}.{n}")) {
                        return Ok(sub);
                    }
                }
                let shown = pkgname
                    .clone()
                    .unwrap_or_else(|| "<unknown module name>".to_string());
                let path = mobj
                    .as_ref()
                    .and_then(|o| Vm::module_global(o, "__file__"))
                    .filter(|v| v.as_str().is_some());
                let msg = match &path {
                    None => format!("cannot import name '{n}' from '{shown}' (unknown location)"),
                    Some(p) => {
                        let p = p.as_str().unwrap_or("");
                        if mobj.as_ref().is_some_and(|o| self.module_initializing(o)) {
                            format!(
                                "cannot import name '{n}' from partially initialized module \
                                 '{shown}' (most likely due to a circular import) ({p})"
                            )
                        } else {
                            format!("cannot import name '{n}' from '{shown}' ({p})")
                        }
                    }
                };
                let e = self.err(ExcKind::ImportError, msg);
                self.set_exc_attr(&e, "name", Vm::str_val(shown.as_str()));
                self.set_exc_attr(&e, "path", path.unwrap_or(Value::None));
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *` into module `index`'s globals: `__all__`'s names (each must
    /// exist), else every bound name not starting with an underscore.
    pub fn import_star(&mut self, index: u32, globals: Option<ObjRef>, m: &Value) -> PyResult<()> {
        let names: Vec<Value> = match self.getattr_opt(m, "__all__")? {
            Some(all) => self.collect(&all)?,
            None => match m.body() {
                // A module whose namespace became a dict (`globals()`) keeps its names there.
                Some(Object::Module(mo)) if mo.dict.is_some() => {
                    match mo.dict.as_ref().map(|d| d.get()) {
                        Some(Object::Dict(d)) => d
                            .iter()
                            .map(|(k, _)| k.clone())
                            .filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_')))
                            .collect(),
                        _ => Vec::new(),
                    }
                }
                Some(Object::Module(mo)) => mo
                    .names
                    .iter()
                    .zip(mo.slots.iter())
                    .filter(|(n, v)| {
                        !v.is_null() && !n.as_str().is_some_and(|s| s.starts_with('_'))
                    })
                    .map(|(n, _)| n.clone())
                    .collect(),
                _ => {
                    return Err(self.err(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__",
                    ))
                }
            },
        };
        let mname = match m.body() {
            Some(Object::Module(mo)) => mo.name.clone(),
            _ => "?".to_string(),
        };
        let mut values = Vec::with_capacity(names.len());
        for n in &names {
            let Some(s) = n.as_str() else {
                let t = self.type_name(n);
                return Err(self.err(
                    ExcKind::TypeError,
                    format!("Item in {mname}.__all__ must be str, not {t}"),
                ));
            };
            values.push((s.to_string(), self.getattr(m, n)?));
        }
        // Code run on a globals dict of its own (`exec`, a module's second copy) imports there.
        if let Some(d) = globals {
            for (name, v) in values {
                self.dict_set(&d, Vm::str_val(name.as_str()), v)?;
            }
            return Ok(());
        }
        let Some(Some(target)) = self.modules.get(index as usize).cloned() else {
            return Ok(());
        };
        let target_dict = match target.get() {
            Object::Module(t) => t.dict.clone(),
            _ => None,
        };
        if let Some(d) = target_dict {
            for (name, v) in values {
                self.dict_set(&d, Vm::str_val(name.as_str()), v)?;
            }
            return Ok(());
        }
        if let Object::Module(t) = target.get_mut() {
            for (name, v) in values {
                let s = t.slot_for(&name, Vm::str_val(name.as_str()));
                t.slots[s as usize] = v;
            }
        }
        Ok(())
    }
}
