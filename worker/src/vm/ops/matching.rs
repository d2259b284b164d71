//! The run-time half of `match`: which subjects are sequences and mappings, key lookup for
//! mapping patterns and attribute extraction for class patterns, as CPython 3.11's
//! `MATCH_SEQUENCE`, `MATCH_MAPPING`, `MATCH_KEYS` and `MATCH_CLASS`.

use crate::builtins::functions::isinstance_check;
use crate::value::object::{Object, TypeKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// A sequence for pattern matching: list, tuple, range and their subclasses. str, bytes
    /// and bytearray are not, though they support the sequence protocol.
    pub fn is_match_sequence(&self, v: &Value) -> bool {
        matches!(
            self.builtin_kind(v),
            TypeKind::List | TypeKind::Tuple | TypeKind::Range
        )
    }

    /// A mapping for pattern matching: dict and its subclasses.
    pub fn is_match_mapping(&self, v: &Value) -> bool {
        self.builtin_kind(v) == TypeKind::Dict
    }

    /// The built-in type a value is, or derives from for instances of program classes.
    fn builtin_kind(&self, v: &Value) -> TypeKind {
        match v.body() {
            Some(Object::Instance(i)) => self.builtin_base_kind(&i.class).unwrap_or(TypeKind::User),
            _ => self.kind_of(v),
        }
    }

    /// `MATCH_KEYS`: the tuple of the subject's values for `keys`, or None when a key is
    /// missing. Looked up with `subject.get(key, sentinel)`, so `__missing__` is never called
    /// and a subclass's own `get` is honoured.
    pub fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys: Vec<Value> = match keys.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => return Err(self.type_error("MATCH_KEYS needs a tuple of keys")),
        };
        if keys.is_empty() {
            return Ok(Vm::new_tuple(Vec::new()));
        }
        let plain = matches!(subject.body(), Some(Object::Dict(_)));
        let get = if plain {
            None
        } else {
            Some(self.getattr(subject, &Vm::str_val("get"))?)
        };
        let object = Value::Obj(self.type_obj(TypeKind::Object).clone());
        let dummy = self.call(&object, &[], &[])?;
        let seen = self.build_set(Vec::new())?;
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let seen_ref = seen.as_obj().cloned();
            if let Some(s) = &seen_ref {
                if self.set_contains(s, &key)? {
                    let r = self.repr(&key)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            self.set_add(&seen, key.clone())?;
            let value = match (&get, subject.as_obj()) {
                (Some(get), _) => {
                    let v = self.call(get, &[key, dummy.clone()], &[])?;
                    if v.is(&dummy) {
                        None
                    } else {
                        Some(v)
                    }
                }
                (None, Some(d)) => self.dict_get(d, &key)?,
                (None, None) => None,
            };
            match value {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Vm::new_tuple(values))
    }

    /// `MATCH_CLASS`: when `subject` is an instance of `cls`, the tuple of its `nargs`
    /// positional attributes (named by `cls.__match_args__`, or the subject itself for the
    /// built-in types that match themselves) followed by the attributes named in `names`;
    /// None when it is not an instance or lacks an attribute.
    pub fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Some(cls_ref) = cls
            .as_obj()
            .filter(|c| matches!(c.get(), Object::Class(_)))
            .cloned()
        else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !isinstance_check(self, subject, cls)? {
            return Ok(Value::None);
        }
        let type_name = Vm::class_name(&cls_ref);
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let (match_args, match_self) = match self.getattr_opt(cls, "__match_args__")? {
                Some(m) => match m.body() {
                    Some(Object::Tuple(t)) => (t.to_vec(), false),
                    _ => {
                        return Err(self.type_error(format!(
                            "{type_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(&m)
                        )))
                    }
                },
                // Only a class without `__match_args__` matches itself, so a subclass that
                // defines it loses the behaviour.
                None => (
                    Vec::new(),
                    self.builtin_base_kind(&cls_ref)
                        .is_some_and(|k| k != TypeKind::Module),
                ),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{type_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    let is_exact_str = matches!(name, Value::Str(_))
                        || matches!(name.body(), Some(Object::Str(_)));
                    if !is_exact_str {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    }
                    match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names: Vec<Value> = match names.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        for name in &names {
            match self.match_class_attr(subject, &type_name, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Vm::new_tuple(attrs))
    }

    fn match_class_attr(
        &mut self,
        subject: &Value,
        type_name: &str,
        name: &Value,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        let text = name.as_str().unwrap_or("").to_string();
        if seen.contains(&text) {
            let r = self.repr(name)?;
            return Err(self.type_error(format!(
                "{type_name}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(text.clone());
        self.getattr_opt(subject, &text)
    }
}
