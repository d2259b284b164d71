//! Assignments to a class's special attributes (`__bases__`, `__name__`, `__qualname__`,
//! `__module__`, `__mro__`) and CPython's refusal to change built-in types.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `cls.name = v` when it is not an ordinary class-dict entry: `Some(result)` when
    /// handled here, `None` to store `v` in the class dict.
    pub(crate) fn set_class_special(
        &mut self,
        cls: &ObjRef,
        name: &str,
        v: &Value,
    ) -> Option<PyResult<()>> {
        let Object::Class(c) = cls.get() else {
            return None;
        };
        if c.builtin {
            return Some(Err(self.type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                c.name
            ))));
        }
        let cname = c.name.clone();
        match name {
            "__name__" | "__qualname__" => {
                let Some(s) = v.as_str().map(str::to_string) else {
                    return Some(Err(self.type_error(format!(
                        "can only assign string to {cname}.{name}, not '{}'",
                        self.type_name(v)
                    ))));
                };
                if name == "__name__" && s.contains('\0') {
                    return Some(Err(
                        self.value_error("type name must not contain null characters")
                    ));
                }
                if let Object::Class(c) = cls.get_mut() {
                    if name == "__name__" {
                        c.name = s;
                    } else {
                        c.qualname = s;
                    }
                }
                Some(Ok(()))
            }
            "__module__" => {
                // Kept in the class dict as usual; the name reprs and tracebacks show follows.
                if let (Some(m), Object::Class(c)) = (v.as_str(), cls.get_mut()) {
                    c.module = m.to_string();
                }
                None
            }
            "__mro__" => Some(Err(self.err(ExcKind::AttributeError, "readonly attribute"))),
            "__bases__" => Some(self.set_bases(cls, &cname, v)),
            "__abstractmethods__" => {
                // Stored as usual; only the instantiation flag is kept here.
                let abstract_ = match self.truthy(v) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                if let Object::Class(c) = cls.get_mut() {
                    c.abstract_ = abstract_;
                }
                None
            }
            _ => None,
        }
    }

    /// `cls.__bases__ = bases`, with CPython's checks; the MRO of the class and of the
    /// subclasses reachable from the loaded modules is recomputed.
    fn set_bases(&mut self, cls: &ObjRef, cname: &str, v: &Value) -> PyResult<()> {
        let Some(Object::Tuple(items)) = v.body() else {
            return Err(self.type_error(format!(
                "can only assign tuple to {cname}.__bases__, not {}",
                self.type_name(v)
            )));
        };
        if items.is_empty() {
            return Err(self.type_error(format!(
                "can only assign non-empty tuple to {cname}.__bases__, not ()"
            )));
        }
        let mut bases = Vec::with_capacity(items.len());
        for b in items.iter() {
            match b {
                Value::Obj(o) if matches!(o.get(), Object::Class(_)) => bases.push(o.clone()),
                _ => {
                    return Err(self.type_error(format!(
                        "{cname}.__bases__ must be tuple of classes, not '{}'",
                        self.type_name(b)
                    )))
                }
            }
        }
        if bases.iter().any(|b| Vm::is_subclass(b, cls)) {
            return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
        }
        // The instance layout must not change: the same built-in value type underneath, and
        // `object` itself neither given up nor taken on as the direct base.
        let object = self.types[0].clone();
        let old_base = match cls.get() {
            Object::Class(c) => c.bases.first().cloned().unwrap_or_else(|| object.clone()),
            _ => object.clone(),
        };
        let new_base = bases[0].clone();
        let old_is_object = old_base.ptr_eq(&object);
        let new_is_object = new_base.ptr_eq(&object);
        if old_is_object != new_is_object {
            return Err(self.type_error(format!(
                "__bases__ assignment: '{}' deallocator differs from '{}'",
                Vm::class_name(&new_base),
                Vm::class_name(&old_base)
            )));
        }
        if self.builtin_base_kind(&old_base) != self.builtin_base_kind(&new_base) {
            return Err(self.type_error(format!(
                "__bases__ assignment: '{}' object layout differs from '{}'",
                Vm::class_name(&new_base),
                Vm::class_name(&old_base)
            )));
        }
        let mro = self.c3_mro(&bases)?;
        let old = match cls.get_mut() {
            Object::Class(c) => {
                let old = (std::mem::take(&mut c.bases), std::mem::take(&mut c.mro));
                c.bases = bases;
                c.mro = std::iter::once(cls.clone()).chain(mro).collect();
                old
            }
            _ => return Ok(()),
        };
        let r = self.update_subclass_mros(cls);
        if r.is_err() {
            if let Object::Class(c) = cls.get_mut() {
                (c.bases, c.mro) = old;
            }
        }
        // Cached attribute lookups followed the old MROs.
        crate::value::object::bump_type_epoch();
        r
    }

    /// Recomputes the MRO of every class reachable from the modules' globals (and their
    /// class dicts) that derives from `cls`, bases before subclasses.
    fn update_subclass_mros(&mut self, cls: &ObjRef) -> PyResult<()> {
        let mut found: Vec<ObjRef> = Vec::new();
        let mut work: Vec<ObjRef> = Vec::new();
        for m in self.modules.iter().flatten() {
            if let Object::Module(m) = m.get() {
                for s in &m.slots {
                    if let Value::Obj(o) = s {
                        if matches!(o.get(), Object::Class(_)) {
                            work.push(o.clone());
                        }
                    }
                }
            }
        }
        while let Some(k) = work.pop() {
            if k.ptr_eq(cls) || found.iter().any(|f| f.ptr_eq(&k)) {
                continue;
            }
            let Object::Class(kc) = k.get() else { continue };
            for (_, v) in kc.dict.iter() {
                if let Value::Obj(o) = v {
                    if matches!(o.get(), Object::Class(_)) {
                        work.push(o.clone());
                    }
                }
            }
            if kc.mro.iter().skip(1).any(|x| x.ptr_eq(cls)) {
                found.push(k.clone());
            }
        }
        // A subclass's MRO includes its bases', so shorter MROs are recomputed first.
        found.sort_by_key(|k| match k.get() {
            Object::Class(c) => c.mro.len(),
            _ => 0,
        });
        for k in found {
            let bases = match k.get() {
                Object::Class(c) => c.bases.clone(),
                _ => continue,
            };
            let mro = self.c3_mro(&bases)?;
            if let Object::Class(c) = k.get_mut() {
                c.mro = std::iter::once(k.clone()).chain(mro).collect();
            }
        }
        Ok(())
    }
}
