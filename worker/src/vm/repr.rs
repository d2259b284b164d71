//! Text conversions: `repr`, `str`, `format` / f-string `FORMAT_VALUE`, `str.format` and
//! `%`-formatting, exact to CPython (shortest float repr, quote choice, `[...]` for recursive
//! containers, default object reprs with the module name).

use crate::value::heap::ObjRef;
use crate::value::object::{Object, ViewKind};
use crate::value::Value;
use crate::vm::nest;
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use permafrost_semantics::format::{FieldAccessor, FieldArg, FormatPiece};
use permafrost_semantics::{complex, error, format, number, text};

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let mut out = String::new();
        self.repr_into(v, &mut out)?;
        Ok(out)
    }

    fn repr_into(&mut self, v: &Value, out: &mut String) -> PyResult<()> {
        match v {
            Value::Null | Value::None => out.push_str("None"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => number::float_repr_into(*f, out),
            Value::Str(s) => text::str_repr_into(s.as_str(), out),
            // A type's method read from the type shows as CPython's method descriptor
            // (`<method 'append' of 'list' objects>`); a function as a built-in function.
            Value::Native(n) => match n.qualname.rsplit_once('.') {
                Some((owner, name)) if n.binds() && !owner.is_empty() => {
                    let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
                    out.push_str(if dunder {
                        "<slot wrapper '"
                    } else {
                        "<method '"
                    });
                    out.push_str(name);
                    out.push_str("' of '");
                    out.push_str(owner);
                    out.push_str("' objects>");
                }
                _ => {
                    out.push_str("<built-in function ");
                    out.push_str(n.name());
                    out.push('>');
                }
            },
            Value::Code(c) => {
                let view = self.codes[*c as usize].view;
                out.push_str(&format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    view.name().as_str(),
                    v.id(),
                    view.filename().as_str(),
                    view.firstlineno()
                ));
            }
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Obj(o) => return self.repr_obj(v, o, out),
        }
        Ok(())
    }

    fn repr_seq(
        &mut self,
        id: usize,
        items: Vec<Value>,
        open: &str,
        close: &str,
        out: &mut String,
    ) -> PyResult<()> {
        if self.repr_guard.contains(&id) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return Ok(());
        }
        self.repr_guard.push(id);
        out.push_str(open);
        let mut r = Ok(());
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            r = self.repr_into(it, out);
            if r.is_err() {
                break;
            }
        }
        self.repr_guard.pop();
        r?;
        out.push_str(close);
        Ok(())
    }

    fn repr_obj(&mut self, v: &Value, o: &ObjRef, out: &mut String) -> PyResult<()> {
        match o.get() {
            Object::Str(s) => match &s.wide {
                Some(w) => out.push_str(&text::wide::wide_repr(w, false)),
                None => text::str_repr_into(&s.text, out),
            },
            // CPython refuses to print ints beyond `sys.get_int_max_str_digits()`.
            Object::BigInt(b) => {
                let text = number::int_to_decimal_string(b).map_err(|e| self.lib_err(e))?;
                out.push_str(&text);
            }
            Object::Complex(re, im) => out.push_str(&complex::repr((*re, *im))),
            // A user `__repr__` is a call, counted there.
            Object::Instance(_) => return self.repr_builtin(v, o, out),
            // Anything else may show the repr of what it holds, which may hold it.
            _ => return self.nested(nest::REPR, |vm| vm.repr_builtin(v, o, out)),
        }
        Ok(())
    }

    fn repr_builtin(&mut self, v: &Value, o: &ObjRef, out: &mut String) -> PyResult<()> {
        let id = o.addr();
        match o.get() {
            Object::Str(s) => match &s.wide {
                Some(w) => out.push_str(&text::wide::wide_repr(w, false)),
                None => text::str_repr_into(&s.text, out),
            },
            Object::BigInt(b) => {
                // CPython refuses to print ints beyond `sys.get_int_max_str_digits()`.
                let text = number::int_to_decimal_string(b).map_err(|e| self.lib_err(e))?;
                out.push_str(&text);
            }
            Object::Complex(re, im) => out.push_str(&complex::repr((*re, *im))),
            Object::Bytes(b) => out.push_str(&text::bytes_repr(b)),
            Object::List(l) => {
                let items = l.clone();
                return self.repr_seq(id, items, "[", "]", out);
            }
            Object::Tuple(t) => {
                if t.len() == 1 {
                    let items = t.to_vec();
                    return self.repr_seq(id, items, "(", ",)", out);
                }
                let items = t.to_vec();
                return self.repr_seq(id, items, "(", ")", out);
            }
            Object::Dict(d) => {
                let pairs: Vec<(Value, Value)> =
                    d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                if self.repr_guard.contains(&id) {
                    out.push_str("{...}");
                    return Ok(());
                }
                self.repr_guard.push(id);
                out.push('{');
                let mut r = Ok(());
                for (i, (k, val)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    r = self.repr_into(k, out);
                    if r.is_err() {
                        break;
                    }
                    out.push_str(": ");
                    r = self.repr_into(val, out);
                    if r.is_err() {
                        break;
                    }
                }
                self.repr_guard.pop();
                r?;
                out.push('}');
            }
            Object::Set(s) => {
                if s.is_empty() {
                    out.push_str("set()");
                } else {
                    let items = s.keys();
                    return self.repr_seq(id, items, "{", "}", out);
                }
            }
            Object::FrozenSet(s) => {
                if s.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    let items = s.keys();
                    return self.repr_seq(id, items, "frozenset({", "})", out);
                }
            }
            Object::Range { start, stop, step } => {
                let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                out.push_str("range(");
                self.repr_into(&a, out)?;
                out.push_str(", ");
                self.repr_into(&b, out)?;
                if !matches!(c, Value::Int(1)) {
                    out.push_str(", ");
                    self.repr_into(&c, out)?;
                }
                out.push(')');
            }
            Object::Slice { start, stop, step } => {
                let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                out.push_str("slice(");
                self.repr_into(&a, out)?;
                out.push_str(", ");
                self.repr_into(&b, out)?;
                out.push_str(", ");
                self.repr_into(&c, out)?;
                out.push(')');
            }
            Object::Function(f) => {
                out.push_str(&format!(
                    "<function {} at {:#x}>",
                    f.qualname.as_str().unwrap_or("?"),
                    id
                ));
            }
            Object::BoundMethod { func, receiver } => {
                let (func, receiver) = (func.clone(), receiver.clone());
                // A built-in bound to its receiver: CPython's `builtin_function_or_method`
                // (or `method-wrapper` for a dunder) repr.
                if let Value::Native(n) = &func {
                    let name = n.name();
                    let tname = match receiver.body() {
                        Some(Object::Class(_)) => "type".to_string(),
                        _ => self.type_name(&receiver),
                    };
                    let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
                    out.push_str(&format!(
                        "<{} of {tname} object at {:#x}>",
                        if dunder {
                            format!("method-wrapper '{name}'")
                        } else {
                            format!("built-in method {name}")
                        },
                        receiver.id()
                    ));
                    return Ok(());
                }
                let fname = match func.body() {
                    Some(Object::Function(f)) => f.qualname.as_str().unwrap_or("?").to_string(),
                    _ => match &func {
                        Value::Native(n) => n.name().to_string(),
                        _ => "?".into(),
                    },
                };
                let r = self.repr(&receiver)?;
                out.push_str(&format!("<bound method {fname} of {r}>"));
            }
            Object::Class(c) => {
                if c.metaclass.is_some() {
                    if let Some(r) = self.call_dunder_user(v, "__repr__")? {
                        return match r.as_str() {
                            Some(s) => {
                                out.push_str(s);
                                Ok(())
                            }
                            None => Err(self.type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    let Some(Object::Class(c)) = v.body() else {
                        return Ok(());
                    };
                    out.push_str(&format!("<class '{}.{}'>", c.module, c.qualname));
                } else if c.module == "builtins" {
                    out.push_str(&format!("<class '{}'>", c.name));
                } else {
                    out.push_str(&format!("<class '{}.{}'>", c.module, c.qualname));
                }
            }
            Object::Instance(inst) => {
                let is_exc = inst.exc.is_some();
                if let Some(r) = self.call_dunder_user(v, "__repr__")? {
                    return match r.as_str() {
                        Some(s) => {
                            out.push_str(s);
                            Ok(())
                        }
                        None => Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
                let _ = is_exc;
                let plain = crate::objects::property::descr_base(v).is_some();
                if let Some(b) = crate::value::num::inst_base(v).filter(|_| !plain) {
                    // A set subclass names itself: `S({1})`, `S()`.
                    if let Some(Object::Set(st) | Object::FrozenSet(st)) = b.body() {
                        let name = self.type_name(v).to_string();
                        if st.is_empty() {
                            out.push_str(&format!("{name}()"));
                            return Ok(());
                        }
                        let mut inner = String::new();
                        self.repr_into(&b, &mut inner)?;
                        let braces = inner.find('{').map_or(&inner[..], |i| &inner[i..]);
                        let braces = braces.strip_suffix(')').unwrap_or(braces);
                        out.push_str(&format!("{name}({braces})"));
                        return Ok(());
                    }
                    return self.repr_into(&b, out);
                }
                let r = self.default_repr(v)?;
                out.push_str(&r);
            }
            Object::Module(m) => {
                // As CPython: `__name__` and `__file__` as they are now; no file means the
                // module is built in.
                let name = m
                    .get("__name__")
                    .and_then(|n| n.as_str())
                    .unwrap_or(&m.name);
                // A module made by `types.ModuleType` has a None loader and spec.
                let bare = matches!(m.get("__loader__"), Some(Value::None))
                    && matches!(m.get("__spec__"), None | Some(Value::None));
                match m.get("__file__").and_then(|f| f.as_str()) {
                    Some(file) => out.push_str(&format!("<module '{name}' from '{file}'>")),
                    None if bare => out.push_str(&format!("<module '{name}'>")),
                    None => out.push_str(&format!("<module '{name}' (built-in)>")),
                }
            }
            Object::Cell(_) => out.push_str(&format!("<cell at {id:#x}>")),
            Object::Generator(g) => out.push_str(&format!(
                "<{} object {} at {:#x}>",
                match g.kind {
                    crate::value::object::GenKind::Generator => "generator",
                    crate::value::object::GenKind::Coroutine => "coroutine",
                    crate::value::object::GenKind::AsyncGenerator => "async_generator",
                },
                g.qualname.as_str().unwrap_or("?"),
                id
            )),
            Object::GenAwait(_) => {
                let name = self.type_name(v);
                out.push_str(&format!("<{name} object at {id:#x}>"))
            }
            Object::Iter(_) => {
                let name = self.type_name(v);
                out.push_str(&format!("<{name} object at {id:#x}>"))
            }
            Object::Code(c) => {
                let view = self.codes[c.index as usize].view;
                out.push_str(&format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    view.name().as_str(),
                    id,
                    view.filename().as_str(),
                    view.firstlineno()
                ));
            }
            Object::CodeUnit(u) => out.push_str(&format!("<code unit {} at {id:#x}>", u.id)),
            Object::CodeRef(c) | Object::DynCode { index: c, .. } => {
                let view = self.codes[*c as usize].view;
                out.push_str(&format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    view.name().as_str(),
                    id,
                    view.filename().as_str(),
                    view.firstlineno()
                ));
            }
            Object::Property(_) => out.push_str(&format!("<property object at {id:#x}>")),
            Object::StaticMethod(f) | Object::ClassMethod(f) => {
                let name = if matches!(o.get(), Object::ClassMethod(_)) {
                    "classmethod"
                } else {
                    "staticmethod"
                };
                let f = f.clone();
                out.push_str(&format!("<{name}("));
                out.push_str(&self.repr(&f)?);
                out.push_str(")>");
            }
            Object::Super { class, receiver } if receiver.is_null() => {
                out.push_str(&format!(
                    "<super: <class '{}'>, NULL>",
                    Vm::class_name(class)
                ));
            }
            Object::Super { class, receiver } => {
                // The receiver's type, or the receiver itself when it is a class the
                // `super` is bound to (class mode).
                let shown = match receiver.body() {
                    Some(Object::Class(_)) if !Vm::is_subclass(&self.type_of(receiver), class) => {
                        receiver.as_obj().map(Vm::class_name)
                    }
                    _ => Some(self.type_name(receiver)),
                };
                out.push_str(&format!(
                    "<super: <class '{}'>, <{} object>>",
                    Vm::class_name(class),
                    shown.unwrap_or_default()
                ));
            }
            Object::Native(n) => {
                if let Object::Class(c) = n.class.get() {
                    out.push_str(&format!("<{}.{} object at {id:#x}>", c.module, c.qualname));
                }
            }
            Object::DictView {
                dict,
                kind,
                ordered,
            } => {
                let name = match (kind, ordered) {
                    (ViewKind::Keys, false) => "dict_keys",
                    (ViewKind::Values, false) => "dict_values",
                    (ViewKind::Items, false) => "dict_items",
                    (ViewKind::Keys, true) => "odict_keys",
                    (ViewKind::Values, true) => "odict_values",
                    (ViewKind::Items, true) => "odict_items",
                };
                let d = Value::Obj(dict.clone());
                let items = {
                    let it = self.get_iter(&Value::obj(Object::DictView {
                        dict: dict.clone(),
                        kind: *kind,
                        ordered: false,
                    }))?;
                    let mut v = Vec::new();
                    while let Some(x) = self.next(&it)? {
                        v.push(x);
                    }
                    v
                };
                let _ = d;
                out.push_str(name);
                return self.repr_seq(id, items, "([", "])", out);
            }
        }
        Ok(())
    }

    /// `object.__repr__` (and `BaseException.__repr__`), ignoring user overrides.
    pub fn default_repr(&mut self, v: &Value) -> PyResult<String> {
        let Some(o) = v.as_obj() else {
            return self.repr(v);
        };
        let is_exc = matches!(o.get(), Object::Instance(i) if i.exc.is_some());
        if !matches!(o.get(), Object::Instance(_)) {
            return self.repr(v);
        }
        let mut out = String::new();
        if is_exc {
            // The class's own name, never its module (CPython's `_PyType_Name`):
            // `error('x')` for `struct.error`.
            let name = Vm::class_name(&self.type_of(v));
            let args = self.exc_args(o);
            out.push_str(&name);
            // The arguments may hold the exception itself.
            self.nested(nest::REPR, |vm| {
                if args.len() == 1 {
                    out.push('(');
                    vm.repr_into(&args[0], &mut out)?;
                    out.push(')');
                    Ok(())
                } else {
                    vm.repr_seq(o.addr(), args, "(", ")", &mut out)
                }
            })?;
        } else {
            let cls = self.type_of(v);
            let (module, qual) = match cls.get() {
                Object::Class(c) => (c.module.clone(), c.qualname.clone()),
                _ => (String::new(), String::new()),
            };
            // Built-in types' module is not shown (`<object object at ...>`).
            if module == "builtins" {
                out.push_str(&format!("<{qual} object at {:#x}>", o.addr()));
            } else {
                out.push_str(&format!("<{module}.{qual} object at {:#x}>", o.addr()));
            }
        }
        Ok(out)
    }

    /// `BaseException.__str__`.
    pub fn exc_str(&mut self, v: &Value) -> PyResult<String> {
        let Some(o) = v.as_obj().cloned() else {
            return self.str_of(v);
        };
        if self.exc_matches(&o, ExcKind::OSError) {
            if let Some(s) = crate::objects::exception::os_error_str(self, &o)? {
                return Ok(s);
            }
        }
        if crate::objects::exception_group::is_group_class(self, &self.type_of(v)) {
            if let Some(s) = crate::objects::exception_group::group_str(self, v)? {
                return Ok(s);
            }
        }
        if let Some(kind) = crate::objects::exception::unicode_error_kind(self, &self.type_of(v)) {
            if let Some(s) = crate::objects::exception::unicode_error_str(self, &o, kind)? {
                return Ok(s);
            }
        }
        let args = self.exc_args(&o);
        let is_key = self.exc_matches(&o, ExcKind::KeyError);
        if self.exc_matches(&o, ExcKind::SyntaxError) {
            if let Some(s) = crate::objects::exception::syntax_error_str(self, &o)? {
                return Ok(s);
            }
        }
        if args.len() == 2 && self.exc_matches(&o, ExcKind::SyntaxError) {
            // `msg (filename, line N)`, as CPython's SyntaxError.__str__.
            if let Some(Object::Tuple(d)) = args[1].body() {
                if let (Some(file), Some(Value::Int(line))) =
                    (d.first().and_then(|v| v.as_str()), d.get(1))
                {
                    let msg = self.str_of(&args[0])?;
                    return Ok(format!("{msg} ({file}, line {line})"));
                }
            }
        }
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key => self.repr(&args[0]),
            // The argument may be the exception itself.
            1 => self.nested(nest::STR, |vm| vm.str_of(&args[0])),
            _ => self.repr(&Vm::new_tuple(args)),
        }
    }

    /// Calls a user-defined dunder (found on a user class, not a built-in base).
    pub fn call_dunder_user(&mut self, v: &Value, name: &str) -> PyResult<Option<Value>> {
        let cls = self.type_of(v);
        match self.lookup_user_attr(&cls, name) {
            Some(m) => Ok(Some(self.call(&m, std::slice::from_ref(v), &[])?)),
            None => Ok(None),
        }
    }

    pub fn exc_args(&self, o: &ObjRef) -> Vec<Value> {
        match o.get() {
            Object::Instance(i) => i.exc.as_ref().map(|e| e.args.clone()).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            return Ok(s.to_string());
        }
        if v.is_wide_str() {
            // A lone surrogate has no text form: what printing it raises in CPython.
            return Err(crate::stdlib::codec_text::surrogate_encode_error(self, v));
        }
        if let Value::Obj(o) = v {
            if matches!(o.get(), Object::Class(c) if c.metaclass.is_some()) {
                if let Some(r) = self.call_dunder_user(v, "__str__")? {
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
            }
            if let Object::Instance(inst) = o.get() {
                let is_exc = inst.exc.is_some();
                if let Some(r) = self.call_dunder_user(v, "__str__")? {
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
                if is_exc {
                    return self.exc_str(v);
                }
                if let Some(b) = crate::value::num::inst_base(v) {
                    // `str.__str__` and `bytes.__str__` answer for a subclass whatever its
                    // `__repr__`; the other built-ins leave `str` to `__repr__`.
                    if b.str_bytes().is_some() || matches!(b.body(), Some(Object::Bytes(_))) {
                        return self.str_of(&b);
                    }
                    let set_like = matches!(b.body(), Some(Object::Set(_) | Object::FrozenSet(_)));
                    if !set_like
                        && self
                            .lookup_user_attr(&self.type_of(v), "__repr__")
                            .is_none()
                    {
                        return self.str_of(&b);
                    }
                }
            }
        }
        self.repr(v)
    }

    /// A str value for `str(v)`, reusing `v` when it already is one.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if v.str_bytes().is_some() {
            return Ok(v.clone());
        }
        // A `__str__` may return a str holding lone surrogates (a path made by
        // `os.fsdecode`): it is the result as it is, with no text form in between.
        if let Some(Object::Instance(i)) = v.body() {
            if i.exc.is_none() {
                if let Some(r) = self.call_dunder_user(v, "__str__")? {
                    if matches!(r, Value::Str(_)) || matches!(r.body(), Some(Object::Str(_))) {
                        return Ok(r);
                    }
                    if let Some(s) = r.as_str() {
                        return Ok(Vm::str_val(s.to_string()));
                    }
                    return Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&r)
                    )));
                }
            }
        }
        let s = self.str_of(v)?;
        Ok(Vm::str_val(s))
    }

    /// `ascii(v)`.
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let n = c as u32;
            if n < 0x80 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }

    /// `FORMAT_VALUE`: conversion (0 none, 1 str, 2 repr, 3 ascii) then the format spec.
    pub fn format_value(&mut self, v: Value, conv: u32, spec: &Value) -> PyResult<Value> {
        let v = match conv {
            1 => self.str_value(&v)?,
            2 => Vm::str_val(self.repr(&v)?),
            3 => Vm::str_val(self.ascii(&v)?),
            _ => v,
        };
        if spec.is_wide_str() {
            return Err(crate::stdlib::codec_text::wide_unsupported(
                self,
                "a format spec",
            ));
        }
        let spec = spec.as_str().unwrap_or("");
        if spec.is_empty() && !matches!(v.body(), Some(Object::Instance(_))) {
            return self.str_value(&v);
        }
        let spec = spec.to_string();
        Ok(Vm::str_val(self.format(&v, &spec)?))
    }

    /// `MemoryError` for a width or precision whose text would not fit the heap budget
    /// (CPython fails the allocation the same way).
    fn check_format_size(&self, s: &format::FormatSpec) -> PyResult<()> {
        let size = s.width.unwrap_or(0).max(s.precision.unwrap_or(0));
        if size > 1 << 20 && !crate::budget::fits(size) {
            return Err(self.err_empty(ExcKind::MemoryError));
        }
        Ok(())
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let lib = |vm: &Vm, e: error::LibError| vm.lib_err(e);
        match v {
            Value::Int(i) => {
                let s = format::parse_format_spec(spec, "int").map_err(|e| lib(self, e))?;
                self.check_format_size(&s)?;
                return format::format_i64(*i, &s).map_err(|e| lib(self, e));
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                let s = format::parse_format_spec(spec, "bool").map_err(|e| lib(self, e))?;
                self.check_format_size(&s)?;
                return format::format_i64(*b as i64, &s).map_err(|e| lib(self, e));
            }
            Value::Float(f) => {
                let s = format::parse_format_spec(spec, "float").map_err(|e| lib(self, e))?;
                // CPython refuses a precision past a C int before sizing anything.
                if s.precision.is_some_and(|p| p > i32::MAX as usize) {
                    return Err(self.value_error("precision too big"));
                }
                self.check_format_size(&s)?;
                return format::format_float(*f, &s).map_err(|e| lib(self, e));
            }
            _ => {}
        }
        if v.is_wide_str() {
            return Err(crate::stdlib::codec_text::wide_unsupported(
                self, "format()",
            ));
        }
        if let Some(text) = v.as_str() {
            let text = text.to_string();
            let s = format::parse_format_spec(spec, "str").map_err(|e| lib(self, e))?;
            self.check_format_size(&s)?;
            return format::format_str(&text, &s).map_err(|e| lib(self, e));
        }
        if let Some(Object::Complex(re, im)) = v.body() {
            let z = (*re, *im);
            let s = format::parse_format_spec(spec, "complex").map_err(|e| lib(self, e))?;
            self.check_format_size(&s)?;
            if spec.is_empty() {
                return Ok(complex::repr(z));
            }
            return complex::format(z, &s).map_err(|e| lib(self, e));
        }
        if let Some(Object::BigInt(b)) = v.body() {
            let b: BigInt = b.clone();
            let s = format::parse_format_spec(spec, "int").map_err(|e| lib(self, e))?;
            self.check_format_size(&s)?;
            return format::format_int(&b, &s).map_err(|e| lib(self, e));
        }
        if let Some(Object::Instance(_)) = v.body() {
            let cls = self.type_of(v);
            if let Some(m) = self.lookup_user_attr(&cls, "__format__") {
                let r = self.call(&m, &[v.clone(), Vm::str_val(spec)], &[])?;
                if r.is_wide_str() {
                    return Err(crate::stdlib::codec_text::wide_unsupported(
                        self,
                        "__format__'s result",
                    ));
                }
                if let Some(t) = r.as_str() {
                    return Ok(t.to_string());
                }
                // A str subclass is a str.
                if let Some(t) = crate::value::num::inst_base(&r)
                    .as_ref()
                    .and_then(|b| b.as_str().map(str::to_string))
                {
                    return Ok(t);
                }
                return Err(self.type_error(format!(
                    "__format__ must return a str, not {}",
                    self.type_name(&r)
                )));
            }
        }
        if let Some(b) = crate::value::num::inst_base(v) {
            // The built-in `__format__` of a subclass instance gives `str(self)` for an empty
            // spec, which runs the subclass's own `__str__` / `__repr__`.
            if spec.is_empty() {
                return self.str_of(v);
            }
            return self.format(&b, spec);
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        Err(self.type_error(format!(
            "unsupported format string passed to {}.__format__",
            self.type_name(v)
        )))
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<Value> {
        Ok(Vm::str_val(self.percent_format_text(fmt, args, false)?))
    }

    /// `fmt % args` for a bytes or bytearray `fmt` (PEP 461): the formatted bytes.
    pub fn bytes_percent_format(&mut self, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
        let fmt: String = fmt.iter().map(|&b| b as char).collect();
        let out = self.percent_format_text(&fmt, args, true)?;
        // Every char is U+0000–U+00FF: the format's bytes, the arguments' bytes, ASCII.
        Ok(out.chars().map(|c| c as u32 as u8).collect())
    }

    /// `%`-formatting of `fmt`; with `bytes`, `fmt` holds one char per byte and so does the
    /// result.
    fn percent_format_text(&mut self, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
        // CPython's test: subscriptable, and not a tuple or str (subclasses included).
        let tuple_or_str = matches!(
            crate::value::num::inst_base(args)
                .as_ref()
                .and_then(|b| b.body()),
            Some(Object::Tuple(_) | Object::Str(_))
        ) || args.as_str().is_some();
        let is_mapping = !tuple_or_str && self.mapping_like(args, bytes);
        if is_mapping && fmt.contains("%(") {
            // `%(name)s`: look each key up, then format positionally.
            let mut plain = String::with_capacity(fmt.len());
            let mut items = Vec::new();
            let mut rest = fmt;
            while let Some(pos) = rest.find('%') {
                plain.push_str(&rest[..pos]);
                let after = &rest[pos + 1..];
                if let Some(tail) = after.strip_prefix('%') {
                    plain.push_str("%%");
                    rest = tail;
                } else if let Some(tail) = after.strip_prefix('(') {
                    let mut depth = 1;
                    let mut end = None;
                    for (i, c) in tail.char_indices() {
                        match c {
                            '(' => depth += 1,
                            ')' => {
                                depth -= 1;
                                if depth == 0 {
                                    end = Some(i);
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                    let Some(end) = end else {
                        return Err(self.value_error("incomplete format key"));
                    };
                    let key = if bytes {
                        let b: Vec<u8> = tail[..end].chars().map(|c| c as u32 as u8).collect();
                        Value::obj(Object::Bytes(b.into_boxed_slice().into()))
                    } else {
                        Vm::str_val(&tail[..end])
                    };
                    items.push(self.getitem(args, &key)?);
                    plain.push('%');
                    rest = &tail[end + 1..];
                } else {
                    plain.push('%');
                    rest = after;
                }
            }
            plain.push_str(rest);
            let tuple = Vm::new_tuple(items);
            return self.percent_format_text(&plain, &tuple, bytes);
        }
        let items = match args.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            // A tuple subclass (a namedtuple) supplies its items, as a tuple does.
            Some(Object::Instance(_)) => match crate::value::num::inst_base(args) {
                Some(b) => match b.body() {
                    Some(Object::Tuple(t)) => t.to_vec(),
                    _ => vec![args.clone()],
                },
                None => vec![args.clone()],
            },
            _ => vec![args.clone()],
        };
        // Each argument is converted only as its conversion needs (`%s` runs `__str__`
        // alone, `%d` the int protocol), in order, as CPython does.
        let convs = format::percent_conversions(fmt);
        let mut pargs = Vec::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            let conv = convs.get(i).copied().unwrap_or('\0');
            pargs.push(self.percent_arg(it, conv, bytes)?);
        }
        let run = |pargs: &[format::PercentArg]| {
            if bytes {
                format::percent_format_bytes(fmt, pargs, None)
            } else {
                format::percent_format(fmt, pargs)
            }
        };
        match run(&pargs) {
            Ok(r) => Ok(r),
            // An unused mapping-like argument (anything subscriptable but a tuple or str) is
            // not an error: CPython takes it for a `%(key)` mapping.
            Err(e) if pargs.len() == 1 && self.mapping_like(args, bytes) => {
                run(&[]).map_err(|_| self.lib_err(e))
            }
            Err(e) => Err(self.lib_err(e)),
        }
    }

    /// One argument of `%`-formatting, reduced to what conversion `conv` uses (`\0` for an
    /// argument no conversion consumes).
    fn percent_arg(&mut self, it: &Value, conv: char, bytes: bool) -> PyResult<format::PercentArg> {
        use format::PercentArg;
        match it {
            Value::Int(i) => return Ok(PercentArg::Int(BigInt::from(*i))),
            Value::Float(f) => return Ok(PercentArg::Float(*f)),
            Value::Bool(b) => return Ok(PercentArg::Bool(*b)),
            _ => {}
        }
        if let Some(Object::BigInt(b)) = it.body() {
            return Ok(PercentArg::Int(b.clone()));
        }
        let type_name = self.type_name(it);
        let text_only = |text: String, repr: String| PercentArg::Str {
            text,
            repr,
            type_name: type_name.clone(),
        };
        // An int or float subclass formats by its value for the numeric conversions (no user
        // `__int__`/`__float__` runs, as in CPython), by `str()`/`repr()` for the others.
        if let Some(value) = self.numeric_base(it) {
            let (text, repr) = match conv {
                's' => (self.str_of(it)?, String::new()),
                'r' | 'a' => (String::new(), self.repr(it)?),
                _ => (String::new(), String::new()),
            };
            return Ok(PercentArg::Subclass {
                text,
                repr,
                type_name,
                value: Box::new(value),
            });
        }
        Ok(match conv {
            's' | 'b' if bytes => self.bytes_percent_arg(it, false)?,
            'r' | 'a' if bytes => self.bytes_percent_arg(it, true)?,
            's' => text_only(self.str_of(it)?, String::new()),
            'r' | 'a' => text_only(String::new(), self.repr(it)?),
            // `PyNumber_Index` for the integer-only conversions and `%c`.
            'x' | 'X' | 'o' | 'c' => match crate::value::num::index_big(self, it)? {
                Some(n) => PercentArg::Int(n),
                None if conv == 'c' && bytes => self.bytes_percent_arg(it, false)?,
                None if conv == 'c' => text_only(self.str_of_if_str(it), String::new()),
                None => text_only(String::new(), String::new()),
            },
            // `PyNumber_Long` for the decimal ones: `__int__`, `__index__`, `__trunc__`; a
            // type error from it reads as the conversion's own.
            'd' | 'i' | 'u' => {
                // `PyNumber_Check` first: `__trunc__` alone does not make a number.
                let cls = self.type_of(it);
                let is_number = ["__index__", "__int__", "__float__"]
                    .iter()
                    .any(|d| self.lookup_class_attr(&cls, d).is_some());
                let mut r = None;
                for d in ["__int__", "__index__", "__trunc__"] {
                    if !is_number {
                        break;
                    }
                    match self.call_dunder(it, d, &[]) {
                        Ok(Some(v)) => {
                            r = Some(v);
                            break;
                        }
                        Ok(None) => {}
                        Err(e) if self.exc_matches(&e, ExcKind::TypeError) => break,
                        Err(e) => return Err(e),
                    }
                }
                match r.as_ref().and_then(|v| match v {
                    Value::Int(i) => Some(BigInt::from(*i)),
                    Value::Bool(b) => Some(BigInt::from(*b as u8)),
                    _ => match v.body() {
                        Some(Object::BigInt(b)) => Some(b.clone()),
                        _ => None,
                    },
                }) {
                    Some(n) => PercentArg::Int(n),
                    None => text_only(String::new(), String::new()),
                }
            }
            // `PyFloat_AsDouble`: `__float__`, then `__index__`.
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match self.call_dunder(it, "__float__", &[])? {
                Some(Value::Float(f)) => PercentArg::Float(f),
                Some(r) => {
                    return Err(self.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name,
                        self.type_name(&r)
                    )))
                }
                None => match crate::value::num::index_big(self, it)? {
                    Some(n) => PercentArg::Int(n),
                    None => text_only(String::new(), String::new()),
                },
            },
            _ => text_only(String::new(), String::new()),
        })
    }

    /// The text of a str (or str subclass) argument of `%c`; empty for anything else, which
    /// `%c` then refuses by its type name.
    fn str_of_if_str(&self, it: &Value) -> String {
        match it.as_str() {
            Some(s) => s.to_string(),
            None => match crate::value::num::inst_base(it) {
                Some(b) => b.as_str().map(str::to_string).unwrap_or_default(),
                None => String::new(),
            },
        }
    }

    /// The int or float value an instance of an int or float subclass holds.
    fn numeric_base(&self, v: &Value) -> Option<format::PercentArg> {
        let base = crate::value::num::inst_base(v)?;
        match base {
            Value::Int(i) => Some(format::PercentArg::Int(BigInt::from(i))),
            Value::Bool(b) => Some(format::PercentArg::Int(BigInt::from(b as u8))),
            Value::Float(f) => Some(format::PercentArg::Float(f)),
            _ => match base.body() {
                Some(Object::BigInt(b)) => Some(format::PercentArg::Int(b.clone())),
                _ => None,
            },
        }
    }

    /// An argument of `bytes % args` that is not a number: its bytes if it is bytes-like or
    /// has `__bytes__` (for `%s`/`%b`), and its repr (for `%r`/`%a`).
    fn bytes_percent_arg(&mut self, it: &Value, want_repr: bool) -> PyResult<format::PercentArg> {
        let type_name = self.type_name(it);
        if want_repr {
            return Ok(format::PercentArg::Bytes {
                data: String::new(),
                repr: self.repr(it)?,
                type_name,
            });
        }
        let repr = String::new();
        let mut data = crate::objects::bytearray::bytes_like(it);
        if data.is_none() && it.as_str().is_none() {
            if let Some(m) = self.lookup_class_attr(&self.type_of(it), "__bytes__") {
                let b = self.call(&m, std::slice::from_ref(it), &[])?;
                match b.body() {
                    Some(Object::Bytes(b)) => data = Some(b.to_vec()),
                    _ => {
                        return Err(self.type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            self.type_name(&b)
                        )))
                    }
                }
            }
        }
        Ok(match data {
            Some(d) => format::PercentArg::Bytes {
                data: d.iter().map(|&b| b as char).collect(),
                repr,
                type_name,
            },
            None => format::PercentArg::Str {
                text: String::new(),
                repr,
                type_name,
            },
        })
    }

    /// Whether `%` takes `v` for a mapping: subscriptable, but neither a tuple nor a str
    /// (nor a bytes, for a bytes format).
    fn mapping_like(&self, v: &Value, bytes_format: bool) -> bool {
        match v.body() {
            Some(Object::Dict(_) | Object::List(_) | Object::Range { .. }) => true,
            // A bytes format takes a bytes argument for a value, as a str format does a str.
            Some(Object::Bytes(_)) => !bytes_format,
            Some(Object::Instance(_)) => self
                .lookup_class_attr(&self.type_of(v), "__getitem__")
                .is_some(),
            _ => false,
        }
    }

    /// `template.format(*args, **kwargs)`.
    pub fn str_format(
        &mut self,
        template: &str,
        args: &[Value],
        kwargs: &[(String, Value)],
    ) -> PyResult<String> {
        let pieces = format::parse_format_string(template).map_err(|e| self.lib_err(e))?;
        let mut out = String::new();
        self.render_pieces(&pieces, FormatArgs::Call(args, kwargs), &mut out)?;
        Ok(out)
    }

    /// `str.format_map(mapping)`: each name is looked up in `mapping` when its field is
    /// rendered, in order, so a `__missing__` or `__getitem__` sees CPython's sequence.
    pub fn str_format_map(&mut self, template: &str, mapping: &Value) -> PyResult<String> {
        let pieces = format::parse_format_string(template).map_err(|e| self.lib_err(e))?;
        let mut out = String::new();
        self.render_pieces(&pieces, FormatArgs::Mapping(mapping), &mut out)?;
        Ok(out)
    }

    fn render_pieces(
        &mut self,
        pieces: &[FormatPiece],
        source: FormatArgs<'_>,
        out: &mut String,
    ) -> PyResult<()> {
        for p in pieces {
            match p {
                FormatPiece::Literal(s) => out.push_str(s),
                FormatPiece::Field(f) => {
                    let mut v = match (&f.arg, source) {
                        (FieldArg::Index(i), FormatArgs::Call(args, _)) => match args.get(*i) {
                            Some(v) => v.clone(),
                            None => {
                                return Err(self.err(
                                    ExcKind::IndexError,
                                    format!(
                                    "Replacement index {i} out of range for positional args tuple"
                                ),
                                ))
                            }
                        },
                        (FieldArg::Index(_), FormatArgs::Mapping(_)) => {
                            return Err(self.value_error("Format string contains positional fields"))
                        }
                        (FieldArg::Name(n), FormatArgs::Call(_, kwargs)) => {
                            match kwargs.iter().find(|(k, _)| k == n) {
                                Some((_, v)) => v.clone(),
                                None => return Err(self.key_error(&Vm::str_val(n.as_str()))),
                            }
                        }
                        (FieldArg::Name(n), FormatArgs::Mapping(m)) => {
                            self.getitem(m, &Vm::str_val(n.as_str()))?
                        }
                    };
                    for acc in &f.accessors {
                        v = match acc {
                            FieldAccessor::Attr(a) => self.getattr(&v, &Vm::str_val(a.as_str()))?,
                            FieldAccessor::Index(i) => self.getitem(&v, &Value::Int(*i as i64))?,
                            FieldAccessor::Key(k) => self.getitem(&v, &Vm::str_val(k.as_str()))?,
                        };
                    }
                    let v = match f.conversion {
                        Some('r') => Vm::str_val(self.repr(&v)?),
                        Some('s') => self.str_value(&v)?,
                        Some('a') => Vm::str_val(self.ascii(&v)?),
                        _ => v,
                    };
                    let mut spec = String::new();
                    self.render_pieces(&f.spec, source, &mut spec)?;
                    let s = self.format(&v, &spec)?;
                    out.push_str(&s);
                }
            }
        }
        Ok(())
    }
}

/// Where `str.format`'s fields take their values from.
#[derive(Clone, Copy)]
enum FormatArgs<'a> {
    /// `str.format(*args, **kwargs)`.
    Call(&'a [Value], &'a [(String, Value)]),
    /// `str.format_map(mapping)`: names only.
    Mapping(&'a Value),
}
