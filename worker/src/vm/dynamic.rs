//! Code compiled at run time (`exec`, `eval`, `compile`): *transient* code beside the image's
//! *permanent* code.
//!
//! Source is compiled by `permafrost-compiler` into a one-module image of its own (a *unit*),
//! validated like any image, and read in place from a buffer the interpreter owns. Each of the
//! unit's code objects gets a slot in `Vm::codes`, so frames index it exactly as they index
//! image code (no extra work in the dispatch loop); its side tables (constants as ordinary
//! heap values, its names as heap strs so that no str escaping into a dict points into the
//! buffer) live in that slot. What keeps a unit alive is a refcounted handle object
//! (`Object::CodeUnit`): code objects, functions and frames made from the unit, and the
//! tracebacks through it, hold the handle. When the last reference goes, the handle's drop
//! queues the unit; the next compilation (or `live_units`) releases its slots, tables and
//! buffer, and reuses the slots. Image code is never written and never refcounted; nothing
//! here touches it.
//!
//! Run-time code reads its globals from a dict (`Frame::globals`, `Function::globals`, with
//! `module == NO_MODULE`): a user's dict, or a module's namespace dict (`Module::dict`), which
//! a module switches to, for good, when `globals()` or run-time code first asks for it.

use crate::value::dict_table::str_hash_of;
use crate::value::dict_table::Dict;
use crate::value::frame::Frame;
use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::layout::CodeInfo;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_compiler::DynamicMode;
use permafrost_image::opcode::flags;
use permafrost_image::{AlignedBuf, ConstView, Image};

/// `Frame::module` / `Function::module` of run-time code: globals are a dict.
pub const NO_MODULE: u32 = u32::MAX;

pub use crate::value::object::{FreedUnits, UnitHandle};

/// A live unit: its image bytes (read in place by its code slots) and the slots it owns.
pub struct UnitRecord {
    buf: AlignedBuf,
    slots: Vec<u32>,
}

/// The interpreter's transient-code bookkeeping.
#[derive(Default)]
pub struct Units {
    pub records: Vec<Option<UnitRecord>>,
    free_ids: Vec<u32>,
    free_slots: Vec<u32>,
    pub freed: FreedUnits,
    /// `--no-dynamic-code`: `exec`, `eval` and `compile` refuse to run.
    pub disabled: bool,
}

impl Vm {
    /// A code slot that refers to nothing (a released unit's slot until reused).
    fn placeholder_info(&self) -> CodeInfo {
        let mut info = crate::vm::layout::empty_info(self.image.code(0));
        info.module = NO_MODULE;
        info
    }

    /// Releases every unit whose handles are all gone.
    pub fn reclaim_units(&mut self) {
        let freed = match self.units.freed.lock() {
            Ok(mut q) => std::mem::take(&mut *q),
            Err(_) => return,
        };
        for id in freed {
            let Some(rec) = self
                .units
                .records
                .get_mut(id as usize)
                .and_then(Option::take)
            else {
                continue;
            };
            // Every slot is overwritten before the buffer its views point into is freed.
            for &s in &rec.slots {
                self.codes[s as usize] = self.placeholder_info();
                self.units.free_slots.push(s);
            }
            drop(rec.buf);
            self.units.free_ids.push(id);
        }
    }

    /// Live transient units (after releasing the dead ones).
    pub fn live_units(&mut self) -> usize {
        self.reclaim_units();
        self.units.records.iter().filter(|r| r.is_some()).count()
    }

    fn syntax_error(&self, e: &permafrost_compiler::CompileError, source: &str) -> ObjRef {
        let raw = e
            .message
            .strip_prefix("SyntaxError: ")
            .unwrap_or(&e.message);
        if raw == permafrost_compiler::COMPILER_DEPTH_MESSAGE {
            return self.err(ExcKind::RecursionError, raw);
        }
        let (kind, msg) = cpython_syntax_message(raw, source, e.line);
        let mut e = e.clone();
        if msg == "invalid syntax" {
            if let Some((name, start, end)) = legacy_call(source, e.line, e.col) {
                e.col = start;
                e.end = Some((e.line, end));
                return self.syntax_error_at(
                    kind,
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    &e,
                    source,
                );
            }
        }
        // CPython points at the place the colon is missing, not at the token after it.
        if msg == "expected ':'" {
            e.end = Some((e.line, e.col));
        }
        if raw == "unexpected EOF while parsing" {
            if let Some((open, line, col)) = unclosed_bracket(source) {
                e.line = line;
                e.col = col;
                e.end = None;
                return self.syntax_error_at(
                    kind,
                    format!("'{open}' was never closed"),
                    &e,
                    source,
                );
            }
        }
        self.syntax_error_at(kind, msg, &e, source)
    }

    fn syntax_error_at(
        &self,
        kind: ExcKind,
        msg: String,
        e: &permafrost_compiler::CompileError,
        source: &str,
    ) -> ObjRef {
        // Errors found after parsing have no text: CPython reads the line from the file.
        let text = source
            .lines()
            .nth(e.line.saturating_sub(1) as usize)
            .filter(|_| e.from_parser)
            .map(|l| Vm::str_val(format!("{l}\n")))
            .unwrap_or(Value::None);
        let (end_line, end_col) = e.end.unwrap_or((e.line, e.col + 1));
        let details = Vm::new_tuple(vec![
            Vm::str_val(e.file.as_str()),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            text.clone(),
            Value::Int(end_line as i64),
            Value::Int(end_col as i64),
        ]);
        let cls = self.exc_class(kind);
        let exc = self.make_exc(&cls, vec![Vm::str_val(msg.as_str()), details]);
        if let Object::Instance(i) = exc.get_mut() {
            use crate::value::dict_table::dict_set_str;
            dict_set_str(i.table_mut(), "msg", Vm::str_val(msg));
            dict_set_str(i.table_mut(), "filename", Vm::str_val(e.file.as_str()));
            dict_set_str(i.table_mut(), "lineno", Value::Int(e.line as i64));
            dict_set_str(i.table_mut(), "offset", Value::Int(e.col as i64));
            dict_set_str(i.table_mut(), "text", text);
            dict_set_str(i.table_mut(), "end_lineno", Value::Int(end_line as i64));
            dict_set_str(i.table_mut(), "end_offset", Value::Int(end_col as i64));
            dict_set_str(i.table_mut(), "print_file_and_line", Value::None);
        }
        exc
    }

    /// Compiles `source` into a new unit; returns its top-level code's slot and the handle.
    pub fn compile_unit(
        &mut self,
        source: &str,
        filename: &str,
        mode: DynamicMode,
    ) -> PyResult<(u32, ObjRef)> {
        if self.units.disabled {
            return Err(self.err(
                ExcKind::RuntimeError,
                "dynamic code is disabled on this server (--no-dynamic-code)",
            ));
        }
        let builder = permafrost_compiler::compile_dynamic(source, filename, mode)
            .map_err(|e| self.syntax_error(&e, source))?;
        self.install_unit(&builder)
    }

    /// `compile()` of an `ast` tree: the node objects are read into a neutral tree (with
    /// CPython's checks and messages) and compiled with their own positions.
    pub fn compile_tree_unit(
        &mut self,
        tree: &Value,
        filename: &str,
        mode: DynamicMode,
    ) -> PyResult<(u32, ObjRef)> {
        if self.units.disabled {
            return Err(self.err(
                ExcKind::RuntimeError,
                "dynamic code is disabled on this server (--no-dynamic-code)",
            ));
        }
        let expect = match mode {
            DynamicMode::Exec => "Module",
            DynamicMode::Eval => "Expression",
            DynamicMode::Single => "Interactive",
        };
        let tree = crate::stdlib::ast::value_to_tree(self, tree, expect)?;
        let builder = permafrost_compiler::compile_tree(&tree, filename, mode).map_err(|e| {
            let kinds = [
                ("TypeError: ", ExcKind::TypeError),
                ("ValueError: ", ExcKind::ValueError),
                ("RecursionError: ", ExcKind::RecursionError),
            ];
            for (prefix, kind) in kinds {
                if let Some(m) = e.message.strip_prefix(prefix) {
                    return self.err(kind, m);
                }
            }
            self.syntax_error(&e, "")
        })?;
        self.install_unit(&builder)
    }

    /// Loads a compiled model as a transient unit: its code objects get slots of their own.
    pub(crate) fn install_unit(
        &mut self,
        builder: &permafrost_image::ImageBuilder,
    ) -> PyResult<(u32, ObjRef)> {
        self.reclaim_units();
        let bytes = permafrost_image::write_image(builder)
            .map_err(|e| self.err(ExcKind::SystemError, e))?;
        let buf = permafrost_image::aligned_copy(&bytes);
        let image = Image::parse(buf.as_slice())
            .map_err(|e| self.err(ExcKind::SystemError, format!("{e:?}")))?;
        // SAFETY: the views borrow `buf`'s heap words, which never move and are freed only in
        // `reclaim_units`, after every slot holding a view into them has been overwritten; a
        // slot is used only while the unit's handle is alive.
        let image: Image<'static> =
            unsafe { std::mem::transmute::<Image<'_>, Image<'static>>(image) };
        let n = image.code_count();
        let mut slots = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let s = match self.units.free_slots.pop() {
                Some(s) => s,
                None => {
                    let info = self.placeholder_info();
                    self.codes.push(info);
                    (self.codes.len() - 1) as u32
                }
            };
            slots.push(s);
        }
        for i in 0..n {
            let view = image.code(i);
            let mut info = crate::vm::layout::empty_info(view);
            let consts: Box<[Value]> = view
                .consts()
                .iter()
                .map(|c| unit_const(c, &slots))
                .collect();
            // SAFETY: the boxed slice's items never move; the slice is read only while this
            // slot holds the box (see `CodeInfo::owned_consts`).
            info.consts = unsafe { &*(consts.as_ref() as *const [Value]) };
            info.owned_consts = consts;
            info.heap_names = view
                .names()
                .iter()
                .map(|s| Vm::str_val(s.as_str()))
                .collect();
            info.global_slots = vec![u32::MAX; view.names().len()];
            info.module = NO_MODULE;
            info.transient = true;
            self.codes[slots[i as usize] as usize] = info;
        }
        let top = slots[image.module(0).code as usize];
        let id = match self.units.free_ids.pop() {
            Some(id) => id,
            None => {
                self.units.records.push(None);
                (self.units.records.len() - 1) as u32
            }
        };
        self.units.records[id as usize] = Some(UnitRecord { buf, slots });
        let handle = ObjRef::new(Object::CodeUnit(UnitHandle {
            id,
            freed: self.units.freed.clone(),
        }));
        Ok((top, handle))
    }

    /// `PRINT_EXPR` (sys.displayhook): prints `repr(v)` unless None and binds `builtins._`.
    pub fn print_expr(&mut self, v: Value) -> PyResult<()> {
        // `sys.displayhook` decides (doctest and code.InteractiveConsole replace it).
        if let Some(Object::Module(m)) = self.native_modules.get("sys").map(|m| m.get()) {
            let hook = m.get("displayhook").cloned();
            return match hook {
                Some(h) => self.call(&h, &[v], &[]).map(|_| ()),
                None => Err(self.err(ExcKind::RuntimeError, "lost sys.displayhook")),
            };
        }
        if matches!(v, Value::None) {
            return Ok(());
        }
        let text = self.repr(&v)?;
        self.write_out(&text);
        self.write_out("\n");
        if let Value::Obj(b) = self.import_module("builtins")? {
            if let Object::Module(m) = b.get_mut() {
                let s = m.slot_for("_", Vm::str_val("_"));
                m.slots[s as usize] = v;
            }
        }
        Ok(())
    }

    /// The globals dict of module `m`, switching the module to dict storage on first use.
    pub fn module_dict(&mut self, m: &ObjRef) -> Option<ObjRef> {
        let Object::Module(mo) = m.get_mut() else {
            return None;
        };
        if let Some(d) = &mo.dict {
            return Some(d.clone());
        }
        let mut d = Dict::new();
        for (slot, name) in mo.slots.iter_mut().zip(&mo.names) {
            let v = std::mem::take(slot);
            if v.is_null() {
                continue;
            }
            let text = name.as_str().unwrap_or("");
            d.insert(str_hash_of(text), name.clone(), v, &mut |k| {
                k.as_str() == Some(text)
            });
        }
        let d = ObjRef::new(Object::Dict(d));
        mo.dict = Some(d.clone());
        Some(d)
    }

    /// The globals dict a frame reads.
    pub fn frame_globals(&mut self, f: &Frame) -> ObjRef {
        if let Some(g) = &f.globals {
            return g.clone();
        }
        let m = self.module_obj(f.module);
        match self.module_dict(&m) {
            Some(d) => d,
            None => ObjRef::new(Object::Dict(Dict::new())),
        }
    }

    /// Globals when no frame is at hand (a frame-aware built-in called indirectly): the main
    /// module's.
    fn default_globals(&mut self) -> ObjRef {
        match self.modules.first().cloned().flatten() {
            Some(m) => self
                .module_dict(&m)
                .unwrap_or_else(|| ObjRef::new(Object::Dict(Dict::new()))),
            None => ObjRef::new(Object::Dict(Dict::new())),
        }
    }

    /// `locals()` of a frame: the namespace of a class body or run-time code, the globals at
    /// module level, else the frame's locals dict refreshed from its bound fast locals and
    /// cells. As in CPython 3.11 that dict is a snapshot (writes to it do not reach the
    /// variables) but the same dict on every call, so names `exec` stored there stay.
    pub fn frame_locals(&mut self, f: &mut Frame) -> PyResult<Value> {
        let view = self.codes[f.code as usize].view;
        let optimized = view.flags() & flags::CO_OPTIMIZED != 0;
        if !optimized {
            return Ok(Value::Obj(match &f.namespace {
                Some(ns) => ns.clone(),
                None => self.frame_globals(f),
            }));
        }
        let dict = f
            .namespace
            .get_or_insert_with(|| ObjRef::new(Object::Dict(Dict::new())))
            .clone();
        let Object::Dict(d) = dict.get_mut() else {
            return Ok(Value::Obj(dict));
        };
        let cell_names = view.cellvars().iter().chain(view.freevars().iter());
        let cells = cell_names.enumerate().map(|(i, n)| {
            let v = match f.cells.get(i).map(|c| c.get()) {
                Some(Object::Cell(v)) => v.clone(),
                _ => Value::Null,
            };
            (n, v)
        });
        let fast = view
            .varnames()
            .iter()
            .enumerate()
            .map(|(i, n)| (n, f.locals.get(i).cloned().unwrap_or_default()));
        for (n, v) in fast.chain(cells) {
            let name = n.as_str();
            if v.is_null() {
                d.remove(str_hash_of(name), &mut |k| k.as_str() == Some(name));
            } else {
                crate::value::dict_table::dict_set_str(d, name, v);
            }
        }
        Ok(Value::Obj(dict))
    }

    /// Runs a unit's code with the given globals dict and locals mapping.
    fn run_unit_code(
        &mut self,
        code: u32,
        unit: Option<ObjRef>,
        globals: ObjRef,
        locals: ObjRef,
        free_cells: Vec<ObjRef>,
    ) -> PyResult<Value> {
        let info = &self.codes[code as usize];
        let own = info.ncells.saturating_sub(free_cells.len());
        let cells = (0..own)
            .map(|_| ObjRef::new(Object::Cell(Value::Null)))
            .chain(free_cells)
            .collect();
        // A code object of the program (`exec(f.__code__)`) brings its own heap code in
        // the transient layout.
        let heap_code = unit.or_else(|| info.heap.clone());
        let mut frame = Frame {
            code,
            heap_code,
            module: NO_MODULE,
            ip: 0,
            locals: vec![Value::Null; info.nlocals],
            stack: Vec::with_capacity(info.stacksize),
            cells,
            exc_stack: Vec::new(),
            namespace: Some(locals),
            globals: Some(globals),
        };
        self.enter()?;
        let r = self.run_frame(&mut frame, None);
        self.depth -= 1;
        match r {
            Ok(crate::value::frame::Exit::Return(v)) => Ok(v),
            Ok(crate::value::frame::Exit::Yield(_)) => {
                Err(self.err(ExcKind::SystemError, "yield outside a generator"))
            }
            Err(e) => Err(e),
        }
    }

    /// `exec` and `eval`: source or code, globals and locals as CPython resolves them.
    fn exec_or_eval(&mut self, frame: Option<&mut Frame>, a: &Args, eval: bool) -> PyResult<Value> {
        let fname = if eval { "eval" } else { "exec" };
        // `exec(..., *, closure=cells)` (3.11): the cells of a code object's free variables.
        let mut closure = None;
        for (k, v) in &a.kw {
            if eval {
                return Err(self.type_error(format!("{fname}() takes no keyword arguments")));
            }
            if *k != "closure" {
                return Err(
                    self.type_error(format!("'{k}' is an invalid keyword argument for exec()"))
                );
            }
            closure = Some((*v).clone()).filter(|v| !matches!(v, Value::None));
        }
        let n = a.pos.len();
        if n == 0 {
            return Err(self.type_error(format!("{fname} expected at least 1 argument, got {n}")));
        }
        if n > 3 {
            return Err(self.type_error(format!("{fname} expected at most 3 arguments, got {n}")));
        }
        let globals_v = a.get(1).cloned().unwrap_or(Value::None);
        let locals_v = a.get(2).cloned().unwrap_or(Value::None);
        let globals = match &globals_v {
            Value::None => None,
            Value::Obj(o) if matches!(o.get(), Object::Dict(_)) => Some(o.clone()),
            v => {
                let t = self.type_name(v);
                return Err(self.type_error(if eval {
                    if matches!(locals_v, Value::None) {
                        "globals must be a dict".to_string()
                    } else {
                        "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                    }
                } else {
                    format!("exec() globals must be a dict, not {t}")
                }));
            }
        };
        let locals = match &locals_v {
            Value::None => None,
            Value::Obj(o)
                if matches!(o.get(), Object::Dict(_))
                    || self.getattr_opt(&locals_v, "__getitem__")?.is_some() =>
            {
                Some(o.clone())
            }
            v => {
                let t = self.type_name(v);
                return Err(self.type_error(if eval {
                    "locals must be a mapping".to_string()
                } else {
                    format!("locals must be a mapping or None, not {t}")
                }));
            }
        };
        let (globals, locals) = match (globals, locals) {
            (Some(g), l) => {
                let l = l.unwrap_or_else(|| g.clone());
                (g, l)
            }
            (None, l) => match frame {
                Some(f) => {
                    let g = self.frame_globals(f);
                    let l = match l {
                        Some(l) => l,
                        None => match self.frame_locals(f)? {
                            Value::Obj(o) => o,
                            _ => g.clone(),
                        },
                    };
                    (g, l)
                }
                None => {
                    let g = self.default_globals();
                    let l = l.unwrap_or_else(|| g.clone());
                    (g, l)
                }
            },
        };
        // CPython puts `__builtins__` into globals that lack it.
        let has_builtins = matches!(globals.get(), Object::Dict(d)
            if crate::value::dict_table::dict_get_h(d, str_hash_of("__builtins__"), "__builtins__").is_some());
        if !has_builtins {
            let b = self.import_module("builtins")?;
            if let Object::Dict(d) = globals.get_mut() {
                crate::value::dict_table::dict_set_str(d, "__builtins__", b);
            }
        }
        let source = a.pos[0].clone();
        let (code, unit) = match (&source, source.body()) {
            (_, Some(Object::DynCode { index, unit })) => (*index, Some(unit.clone())),
            (Value::Code(index), _) | (_, Some(Object::CodeRef(index))) => (*index, None),
            _ => {
                if closure.is_some() {
                    return Err(
                        self.type_error("closure can only be used when source is a code object")
                    );
                }
                let text = match (&source, source.body()) {
                    (Value::Str(s), _) => s.as_str().to_string(),
                    (_, Some(Object::Str(s))) if s.wide.is_some() => {
                        return Err(crate::stdlib::codec_text::surrogate_encode_error(
                            self, &source,
                        ))
                    }
                    (_, Some(Object::Str(s))) => s.text.to_string(),
                    (_, Some(Object::Bytes(b))) => match std::str::from_utf8(b) {
                        Ok(t) => t.to_string(),
                        Err(_) => {
                            return Err(self.err(
                                ExcKind::SyntaxError,
                                "source code string cannot contain invalid utf-8",
                            ))
                        }
                    },
                    _ => {
                        return Err(self.type_error(format!(
                            "{fname}() arg 1 must be a string, bytes or code object"
                        )))
                    }
                };
                if text.contains('\0') {
                    return Err(self.err(
                        ExcKind::SyntaxError,
                        "source code string cannot contain null bytes",
                    ));
                }
                let (text, mode) = if eval {
                    (
                        text.trim_start_matches([' ', '\t']).to_string(),
                        DynamicMode::Eval,
                    )
                } else {
                    (text, DynamicMode::Exec)
                };
                let (code, unit) = self.compile_unit(&text, "<string>", mode)?;
                (code, Some(unit))
            }
        };
        let nfree = self.codes[code as usize].view.freevars().len();
        let free_cells = if nfree == 0 {
            if closure.is_some() {
                return Err(self.type_error("cannot use a closure with this code object"));
            }
            Vec::new()
        } else {
            if eval {
                return Err(
                    self.type_error("code object passed to eval() may not contain free variables")
                );
            }
            let cells: Option<Vec<ObjRef>> = match closure.as_ref().and_then(|c| c.body()) {
                Some(Object::Tuple(t)) if t.len() == nfree => t
                    .iter()
                    .map(|c| match c.body() {
                        Some(Object::Cell(_)) => c.as_obj().cloned(),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            };
            match cells {
                Some(c) => c,
                None => {
                    return Err(self.type_error(format!(
                        "code object requires a closure of exactly length {nfree}"
                    )))
                }
            }
        };
        let r = self.run_unit_code(code, unit, globals, locals, free_cells)?;
        Ok(if eval { r } else { Value::None })
    }
}

/// Python 2's `print x` / `exec x` on line `line` before column `col` (1-based): the name
/// and the 1-based columns of the statement's start and end, as CPython reports them.
fn legacy_call(source: &str, line: u32, col: u32) -> Option<(&'static str, u32, u32)> {
    let text = source.lines().nth(line.checked_sub(1)? as usize)?;
    let chars: Vec<char> = text.chars().collect();
    let mut found = None;
    for name in ["print", "exec"] {
        let n: Vec<char> = name.chars().collect();
        for i in 0..chars.len().saturating_sub(n.len()) {
            if i + 1 > col as usize || chars[i..i + n.len()] != n[..] {
                continue;
            }
            let before_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
            let rest = &chars[i + n.len()..];
            let gap = rest
                .iter()
                .take_while(|c| **c == ' ' || **c == '\t')
                .count();
            let next = rest.get(gap).copied();
            let arg_start = next
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '\'' | '_' | '[' | '{'));
            if before_ok && gap > 0 && arg_start {
                // The argument runs to a `;` or comment, trailing blanks left out.
                let tail: String = rest.iter().collect();
                let body = tail.split([';', '#']).next().unwrap_or("").trim_end();
                let end = i + n.len() + body.chars().count() + 1;
                found = Some((name, i as u32 + 1, end as u32));
            }
        }
    }
    found
}

/// Parser messages CPython words as plain "invalid syntax".
const INVALID_TOO: &[&str] = &[
    "Expected index or slice expression",
    "Global statement must have at least one name",
    "Nonlocal statement must have at least one name",
    "Delete statement must have at least one target",
    "Expected one or more symbol names after import",
    "Expected an expression or a ')'",
    "Expected class, function definition or async function definition after decorator",
];

/// Parser messages with a CPython 3.11 counterpart of other words.
const RENAMED: &[(&str, &str)] = &[
    (
        "Unparenthesized generator expression cannot be used here",
        "Generator expression must be parenthesized",
    ),
    (
        "Invalid decimal integer literal",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for \
         octal integers",
    ),
    (
        "Positional argument cannot follow keyword argument",
        "positional argument follows keyword argument",
    ),
    (
        "Positional argument cannot follow keyword argument unpacking",
        "positional argument follows keyword argument unpacking",
    ),
    (
        "Parameter without a default cannot follow a parameter with a default",
        "non-default argument follows default argument",
    ),
    (
        "Parameter cannot follow var-keyword parameter",
        "arguments cannot follow var-keyword argument",
    ),
    (
        "Expected one or more keyword parameter after `*` separator",
        "named arguments must follow bare *",
    ),
    (
        "Bytes literal cannot be mixed with non-bytes literals",
        "cannot mix bytes and nonbytes literals",
    ),
    (
        "Only single target (not tuple) can be annotated",
        "only single target (not tuple) can be annotated",
    ),
    (
        "Only single target (not list) can be annotated",
        "only single target (not list) can be annotated",
    ),
    (
        "Expected an imaginary number in complex literal pattern",
        "imaginary number required in complex literal",
    ),
    (
        "Expected a real number in complex literal pattern",
        "real number required in complex literal",
    ),
    (
        "Positional patterns cannot follow keyword patterns",
        "positional patterns follow keyword patterns",
    ),
    (
        "Cannot have both 'except' and 'except*' on the same 'try'",
        "cannot have both 'except' and 'except*' on the same 'try'",
    ),
    (
        "Expected one or more exception types",
        "expected one or more exception types",
    ),
    (
        "Expected `except` or `finally` after `try` block",
        "expected 'except' or 'finally' block",
    ),
    (
        "f-string: single `}` is not allowed",
        "f-string: single '}' is not allowed",
    ),
    (
        "f-string: invalid conversion character",
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
    ),
    (
        "Iterable unpacking cannot be used in a comprehension",
        "iterable unpacking cannot be used in comprehension",
    ),
];

/// The parser's wording of a syntax error in CPython 3.11's words, and its class
/// (`IndentationError` for indentation), where the two differ.
fn cpython_syntax_message(raw: &str, source: &str, line: u32) -> (ExcKind, String) {
    const INVALID: &[&str] = &[
        "Expected an expression",
        "Unexpected token at the end of an expression",
        "Simple statements must be separated by newlines or semicolons",
        "Expected a statement",
        "Expected a parameter or the end of the parameter list",
        "Compound statements are not allowed on the same line as simple statements",
    ];
    if INVALID.contains(&raw)
        || INVALID_TOO.contains(&raw)
        || raw.starts_with("Expected an identifier, but found a keyword")
        || raw.starts_with("Got unexpected token")
    {
        return (ExcKind::SyntaxError, "invalid syntax".into());
    }
    if let Some((_, m)) = RENAMED.iter().find(|(r, _)| *r == raw) {
        return (ExcKind::SyntaxError, (*m).to_string());
    }
    if raw.starts_with("Expected `else`, found") {
        return (
            ExcKind::SyntaxError,
            "expected 'else' after 'if' expression".into(),
        );
    }
    if raw == "Parameter with `*` or `**` cannot have default value" {
        let text = source
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .unwrap_or("");
        let which = if text.contains("**") {
            "var-keyword"
        } else {
            "var-positional"
        };
        return (
            ExcKind::SyntaxError,
            format!("{which} argument cannot have default value"),
        );
    }
    if raw == "unindent does not match any outer indentation level" {
        return (ExcKind::IndentationError, raw.to_string());
    }
    if raw.starts_with("Expected `:`") {
        return (ExcKind::SyntaxError, "expected ':'".into());
    }
    if raw == "too many levels of indentation" {
        return (ExcKind::IndentationError, raw.to_string());
    }
    if raw == "Unexpected indentation" {
        return (ExcKind::IndentationError, "unexpected indent".into());
    }
    if let Some(what) = raw
        .strip_prefix("Expected an indented block after `")
        .and_then(|r| r.strip_suffix("` statement"))
    {
        // The statement is on the last non-blank line before the error.
        let header = source
            .lines()
            .take(line.saturating_sub(1) as usize)
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .last()
            .map_or(line, |(i, _)| i as u32 + 1);
        return (
            ExcKind::IndentationError,
            format!("expected an indented block after '{what}' statement on line {header}"),
        );
    }
    if raw == "missing closing quote in string literal" {
        return (
            ExcKind::SyntaxError,
            format!("unterminated string literal (detected at line {line})"),
        );
    }
    if raw == "Iterable argument unpacking cannot follow keyword argument unpacking" {
        return (
            ExcKind::SyntaxError,
            "iterable argument unpacking follows keyword argument unpacking".into(),
        );
    }
    (ExcKind::SyntaxError, raw.to_string())
}

/// The innermost bracket left open at the end of `source` (with its 1-based line and column),
/// skipping strings and comments.
fn unclosed_bracket(source: &str) -> Option<(char, u32, u32)> {
    let mut stack: Vec<(char, u32, u32)> = Vec::new();
    let (mut line, mut col) = (1u32, 0u32);
    let mut chars = source.chars().peekable();
    let mut quote: Option<(char, bool)> = None;
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            line += 1;
            col = 0;
        }
        if let Some((q, triple)) = quote {
            if c == '\\' {
                chars.next();
                col += 1;
            } else if c == q {
                if !triple {
                    quote = None;
                } else if chars.peek() == Some(&q) {
                    chars.next();
                    if chars.peek() == Some(&q) {
                        chars.next();
                        quote = None;
                    }
                }
            } else if c == '\n' && !triple {
                quote = None;
            }
            continue;
        }
        match c {
            '#' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                        col = 0;
                        break;
                    }
                }
            }
            '\'' | '"' => {
                let triple = chars.peek() == Some(&c) && {
                    let mut look = chars.clone();
                    look.next();
                    look.peek() == Some(&c)
                };
                if triple {
                    chars.next();
                    chars.next();
                    col += 2;
                }
                quote = Some((c, triple));
            }
            '(' | '[' | '{' => stack.push((c, line, col)),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// A unit's constant as a heap value: strs and bytes are copied (the buffer may be freed while
/// they live on), code constants name the unit's slots.
fn unit_const(c: ConstView<'static>, slots: &[u32]) -> Value {
    match c {
        ConstView::Code(i) => Value::Code(slots.get(i as usize).copied().unwrap_or(0)),
        ConstView::Tuple(items) => {
            Vm::new_tuple(items.iter().map(|k| unit_const(k, slots)).collect())
        }
        other => crate::vm::layout::const_value(other, true),
    }
}

/// Built-ins that read the calling frame. Called from the dispatch loop with the frame; a
/// `None` frame means an indirect call (`map(eval, ...)`).
pub(crate) fn call_with_frame(
    vm: &mut Vm,
    nf: &'static NativeFn,
    frame: Option<&mut Frame>,
    a: &Args,
) -> PyResult<Value> {
    let no_args = |vm: &Vm, name: &str| {
        if a.pos.is_empty() && a.kw.is_empty() {
            Ok(())
        } else {
            Err(vm.type_error(format!(
                "{name}() takes no arguments ({} given)",
                a.pos.len() + a.kw.len()
            )))
        }
    };
    match nf.name() {
        "exec" => vm.exec_or_eval(frame, a, false),
        "eval" => vm.exec_or_eval(frame, a, true),
        "globals" => {
            no_args(vm, "globals")?;
            Ok(Value::Obj(match frame {
                Some(f) => vm.frame_globals(f),
                None => vm.default_globals(),
            }))
        }
        "locals" => {
            no_args(vm, "locals")?;
            match frame {
                Some(f) => vm.frame_locals(f),
                None => Ok(Value::Obj(vm.default_globals())),
            }
        }
        "vars" => {
            if !a.kw.is_empty() {
                return Err(vm.type_error("vars() takes no keyword arguments"));
            }
            match a.pos {
                [] => match frame {
                    Some(f) => vm.frame_locals(f),
                    None => Ok(Value::Obj(vm.default_globals())),
                },
                [obj] => match vm.getattr_opt(obj, "__dict__")? {
                    Some(d) => Ok(d),
                    None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
                },
                _ => Err(vm.type_error(format!(
                    "vars expected at most 1 argument, got {}",
                    a.pos.len()
                ))),
            }
        }
        "_getframe" => crate::stdlib::sys::getframe(vm, frame, a),
        _ => Err(vm.err(ExcKind::SystemError, "unknown frame built-in")),
    }
}

fn exec_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_with_frame(vm, &EXEC, None, a)
}
fn eval_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_with_frame(vm, &EVAL, None, a)
}
fn globals_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_with_frame(vm, &GLOBALS, None, a)
}
fn locals_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_with_frame(vm, &LOCALS, None, a)
}
fn vars_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    call_with_frame(vm, &VARS, None, a)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    const NAMES: [&str; 7] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        // Keyword-only; `ast.parse` passes it. The parser takes one grammar (3.11's).
        "_feature_version",
    ];
    let mut args: [Option<Value>; 7] = Default::default();
    if a.pos.len() > 6 {
        return Err(vm.type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            a.pos.len() + a.kw.len()
        )));
    }
    for (i, v) in a.pos.iter().enumerate() {
        args[i] = Some(v.clone());
    }
    for (key, value) in &a.kw {
        let key = *key;
        let Some(i) = NAMES.iter().position(|n| *n == key) else {
            return Err(vm.type_error(format!(
                "compile() got an unexpected keyword argument '{key}'"
            )));
        };
        if args[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for compile() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        args[i] = Some((*value).clone());
    }
    for (i, n) in NAMES.iter().enumerate().take(3) {
        if args[i].is_none() {
            return Err(vm.type_error(format!(
                "compile() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let source = args[0].take().unwrap_or(Value::None);
    let filename = args[1].take().unwrap_or(Value::None);
    let mode_v = args[2].take().unwrap_or(Value::None);
    let Some(mode) = mode_v.as_str() else {
        return Err(vm.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            vm.type_name(&mode_v)
        )));
    };
    let flags = match args[3].take() {
        Some(f) => vm.index_of(&f)?,
        None => 0,
    };
    let only_ast = flags & crate::stdlib::ast::PYCF_ONLY_AST != 0;
    let mode = match mode {
        "exec" => DynamicMode::Exec,
        "eval" => DynamicMode::Eval,
        "single" => DynamicMode::Single,
        "func_type" if only_ast => {
            return Err(vm.err(
                ExcKind::NotImplementedError,
                "compile() mode 'func_type' is not supported",
            ))
        }
        "func_type" => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ if only_ast => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let filename = match (filename.as_str(), filename.body()) {
        (Some(s), _) => s.to_string(),
        (None, Some(Object::Bytes(b))) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(&filename)
            )))
        }
    };
    if let Some(Object::DynCode { .. }) = source.body() {
        return Ok(source);
    }
    if crate::stdlib::ast::is_ast(vm, &source)? {
        if only_ast {
            return Ok(source);
        }
        let (index, unit) = vm.compile_tree_unit(&source, &filename, mode)?;
        return Ok(Value::obj(Object::DynCode { index, unit }));
    }
    let text = match (source.as_str(), source.body()) {
        (Some(s), _) => s.to_string(),
        (None, Some(Object::Bytes(b))) => match std::str::from_utf8(b) {
            Ok(t) => t.to_string(),
            Err(_) => {
                return Err(vm.err(
                    ExcKind::SyntaxError,
                    "source code string cannot contain invalid utf-8",
                ))
            }
        },
        _ => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    if text.contains('\0') {
        return Err(vm.err(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    if only_ast {
        let tree =
            permafrost_compiler::pytree::parse_tree(&text, &filename, mode).map_err(|e| match e
                .message
                .strip_prefix("RecursionError: ")
            {
                Some(m) => vm.err(ExcKind::RecursionError, m),
                None => vm.syntax_error(&e, &text),
            })?;
        return crate::stdlib::ast::tree_to_value(vm, tree);
    }
    let (index, unit) = vm.compile_unit(&text, &filename, mode)?;
    Ok(Value::obj(Object::DynCode { index, unit }))
}

pub(crate) static EXEC: NativeFn = NativeFn::new("exec", exec_native).frame_aware();
pub(crate) static EVAL: NativeFn = NativeFn::new("eval", eval_native).frame_aware();
pub(crate) static GLOBALS: NativeFn = NativeFn::new("globals", globals_native).frame_aware();
pub(crate) static LOCALS: NativeFn = NativeFn::new("locals", locals_native).frame_aware();
pub(crate) static VARS: NativeFn = NativeFn::new("vars", vars_native).frame_aware();
pub(crate) static COMPILE: NativeFn = NativeFn::new("compile", compile_native);

/// A constant of a code object as the image model holds it; nested code objects are copied
/// into `out` (with theirs) and referred to by their new index.
fn model_const(
    vm: &Vm,
    c: ConstView<'static>,
    resolve: &dyn Fn(u32) -> u32,
    out: &mut permafrost_image::ImageBuilder,
) -> permafrost_image::Constant {
    use permafrost_image::Constant;
    match c {
        ConstView::None => Constant::None,
        ConstView::Bool(b) => Constant::Bool(b),
        ConstView::Int(i) => Constant::Int(i),
        ConstView::BigInt {
            negative,
            magnitude_le,
        } => Constant::BigInt {
            negative,
            magnitude_le: magnitude_le.to_vec(),
        },
        ConstView::Float(f) => Constant::Float(f),
        ConstView::Str(s) => Constant::Str(s.as_str().to_string()),
        ConstView::Bytes(b) => Constant::Bytes(b.as_bytes().to_vec()),
        ConstView::Tuple(items) => Constant::Tuple(
            items
                .iter()
                .map(|k| model_const(vm, k, resolve, out))
                .collect(),
        ),
        ConstView::Code(i) => Constant::Code(copy_code(vm, resolve(i), out)),
        ConstView::Ellipsis => Constant::Ellipsis,
        ConstView::Complex(re, im) => Constant::Complex(re, im),
        ConstView::WideStr(b) => Constant::WideStr(b.to_vec()),
    }
}

/// Copies code object `c` of the interpreter (and the code nested in its constants) into
/// `out`, returning its index there.
fn copy_code(vm: &Vm, c: u32, out: &mut permafrost_image::ImageBuilder) -> u32 {
    let view = vm.codes[c as usize].view;
    // A nested code constant indexes its own image: the program's, or a transient unit's.
    let slots: Option<Vec<u32>> = if vm.codes[c as usize].transient {
        vm.units
            .records
            .iter()
            .flatten()
            .find(|r| r.slots.contains(&c))
            .map(|r| r.slots.clone())
    } else {
        None
    };
    let resolve = move |i: u32| match &slots {
        Some(s) => s.get(i as usize).copied().unwrap_or(i),
        None => i,
    };
    let consts = view
        .consts()
        .iter()
        .map(|k| model_const(vm, k, &resolve, out))
        .collect();
    let strs = |l: permafrost_image::StrList<'static>| -> Vec<String> {
        l.iter().map(|s| s.as_str().to_string()).collect()
    };
    out.codes.push(permafrost_image::CodeObject {
        name: view.name().as_str().to_string(),
        qualname: view.qualname().as_str().to_string(),
        filename: view.filename().as_str().to_string(),
        firstlineno: view.firstlineno(),
        argcount: view.argcount(),
        posonlyargcount: view.posonlyargcount(),
        kwonlyargcount: view.kwonlyargcount(),
        flags: view.flags(),
        stacksize: view.stacksize(),
        consts,
        names: strs(view.names()),
        varnames: strs(view.varnames()),
        freevars: strs(view.freevars()),
        cellvars: strs(view.cellvars()),
        code: view.code().to_vec(),
        linetable: view.linetable().to_vec(),
        exceptiontable: view.exceptiontable().to_vec(),
        positions: view.positions().unwrap_or_default(),
    });
    (out.codes.len() - 1) as u32
}

/// `code.replace(**changes)`: a copy of the code object with the given `co_*` fields
/// changed. Names, first line, file, name lists of the same length and constants can change;
/// the instructions and their tables are this interpreter's own, so `co_code`,
/// `co_linetable`, `co_exceptiontable` and the counts and flags they depend on can only be
/// given unchanged.
pub(crate) fn code_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(c) = a.pos.first().and_then(crate::objects::code::code_index) else {
        return Err(vm.type_error("descriptor 'replace' for 'code' objects doesn't apply"));
    };
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "replace() takes no positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let me = a.pos[0].clone();
    let mut builder = permafrost_image::ImageBuilder::default();
    let top = copy_code(vm, c, &mut builder);
    for (name, value) in a.kw.clone() {
        let current = vm.getattr_opt(&me, name)?;
        let known = matches!(
            name,
            "co_argcount"
                | "co_posonlyargcount"
                | "co_kwonlyargcount"
                | "co_nlocals"
                | "co_stacksize"
                | "co_flags"
                | "co_firstlineno"
                | "co_code"
                | "co_consts"
                | "co_names"
                | "co_varnames"
                | "co_freevars"
                | "co_cellvars"
                | "co_filename"
                | "co_name"
                | "co_qualname"
                | "co_linetable"
                | "co_exceptiontable"
        );
        if !known {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for replace()"
            )));
        }
        let want = |vm: &Vm, ty: &str| {
            vm.type_error(format!(
                "replace() argument '{name}' must be {ty}, not {}",
                vm.type_name(value)
            ))
        };
        let code = &mut builder.codes[top as usize];
        match name {
            "co_name" | "co_qualname" | "co_filename" => {
                let Some(s) = value.as_str() else {
                    return Err(want(vm, "str"));
                };
                let s = s.to_string();
                match name {
                    "co_name" => code.name = s,
                    "co_qualname" => code.qualname = s,
                    _ => code.filename = s,
                }
            }
            "co_firstlineno" => match value {
                Value::Int(n) if (0..=i64::from(u32::MAX)).contains(n) => {
                    code.firstlineno = *n as u32
                }
                Value::Int(_) => {
                    return Err(vm.err(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C int",
                    ))
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(value)
                    )))
                }
            },
            "co_names" | "co_varnames" | "co_freevars" | "co_cellvars" => {
                let Some(Object::Tuple(items)) = value.body() else {
                    return Err(want(vm, "tuple"));
                };
                let mut names = Vec::with_capacity(items.len());
                for it in items.iter() {
                    match it.as_str() {
                        Some(s) => names.push(s.to_string()),
                        None => {
                            return Err(
                                vm.err(ExcKind::SystemError, "non-string found in code slot")
                            )
                        }
                    }
                }
                let list = match name {
                    "co_names" => &mut code.names,
                    "co_varnames" => &mut code.varnames,
                    "co_freevars" => &mut code.freevars,
                    _ => &mut code.cellvars,
                };
                if names.len() != list.len() {
                    return Err(vm.err(
                        ExcKind::NotImplementedError,
                        format!(
                            "code.replace({name}=...) with {} names instead of {}: \
                             the instructions here index the original names",
                            names.len(),
                            list.len()
                        ),
                    ));
                }
                *list = names;
            }
            "co_consts" => {
                let Some(Object::Tuple(items)) = value.body() else {
                    return Err(want(vm, "tuple"));
                };
                let items = items.to_vec();
                let mut consts = Vec::with_capacity(items.len());
                for it in &items {
                    let k = match crate::objects::code::code_index(it) {
                        Some(nested) => {
                            permafrost_image::Constant::Code(copy_code(vm, nested, &mut builder))
                        }
                        None => match crate::stdlib::ast::value_constant(it, 0) {
                            Some(k) => k,
                            None => {
                                return Err(vm.err(
                                    ExcKind::NotImplementedError,
                                    format!(
                                        "code.replace(co_consts=...) holding a '{}': \
                                         constants here are literals and code objects",
                                        vm.type_name(it)
                                    ),
                                ))
                            }
                        },
                    };
                    consts.push(k);
                }
                let code = &mut builder.codes[top as usize];
                if consts.len() < code.consts.len() {
                    return Err(vm.err(
                        ExcKind::NotImplementedError,
                        "code.replace(co_consts=...) with fewer constants: the instructions \
                         here index the original ones",
                    ));
                }
                code.consts = consts;
            }
            "co_flags" if matches!(value, Value::Int(_)) => {
                // Bits that only mark the code (`types.coroutine`'s
                // CO_ITERABLE_COROUTINE, CO_NESTED, the `__future__` flags) may change; those
                // that decide how it runs may not.
                const MARKS: i64 = 0x100 | 0x10 | !0x1ffff;
                let Value::Int(new) = value else { continue };
                let old = i64::from(code.flags);
                if (new ^ old) & !MARKS != 0 || *new < 0 || *new > i64::from(u32::MAX) {
                    return Err(vm.err(
                        ExcKind::NotImplementedError,
                        "code.replace(co_flags=...) changing how the code runs (generator, \
                         coroutine, arguments): code here runs permafrost's own instruction set",
                    ));
                }
                code.flags = *new as u32;
            }
            _ => {
                // The instructions and everything they depend on: only unchanged.
                let same = match &current {
                    Some(cur) => vm.eq(cur, value)?,
                    None => false,
                };
                if !same {
                    return Err(vm.err(
                        ExcKind::NotImplementedError,
                        format!(
                            "code.replace({name}=...): code here runs permafrost's own \
                             instruction set, whose layout cannot be changed"
                        ),
                    ));
                }
            }
        }
    }
    let file = builder.codes[top as usize].filename.clone();
    builder.modules.push(permafrost_image::Module {
        name: file.clone(),
        code: top,
        file,
        package: false,
        origin: Default::default(),
        source: None,
    });
    let (index, unit) = vm.install_unit(&builder)?;
    Ok(Value::obj(Object::DynCode { index, unit }))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`: a function
/// running `code` against the `globals` dict. Program code is copied into a transient unit
/// first, since its globals are otherwise its module's slots.
pub(crate) fn construct_function(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let mut got: [Option<Value>; 5] = Default::default();
    if a.pos.len() > 5 {
        return Err(vm.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            a.pos.len() + a.kw.len()
        )));
    }
    for (i, v) in a.pos.iter().enumerate() {
        got[i] = Some(v.clone());
    }
    for (k, v) in &a.kw {
        let Some(i) = names.iter().position(|n| n == k) else {
            return Err(vm.type_error(format!(
                "function() got an unexpected keyword argument '{k}'"
            )));
        };
        if got[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for function() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        got[i] = Some((*v).clone());
    }
    let [code, globals, name, argdefs, closure] = got;
    let Some(code) = code else {
        return Err(vm.type_error("function() missing required argument 'code' (pos 1)"));
    };
    let Some(globals) = globals else {
        return Err(vm.type_error("function() missing required argument 'globals' (pos 2)"));
    };
    let Some(index) = crate::objects::code::code_index(&code) else {
        return Err(vm.type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(&code)
        )));
    };
    let globals = match globals.body() {
        Some(Object::Dict(_)) => globals.as_obj().cloned(),
        _ => None,
    };
    let Some(globals) = globals else {
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(a.pos.get(1).unwrap_or(&Value::None))
        )));
    };
    let name = match name {
        None | Some(Value::None) => None,
        Some(n) if n.as_str().is_some() => Some(n),
        Some(_) => return Err(vm.type_error("arg 3 (name) must be None or string")),
    };
    let defaults = match argdefs {
        None | Some(Value::None) => Vec::new(),
        Some(d) => match d.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => return Err(vm.type_error("arg 4 (defaults) must be None or tuple")),
        },
    };
    let closure = match closure {
        None | Some(Value::None) => Vec::new(),
        Some(c) => match c.body() {
            Some(Object::Tuple(t)) => {
                let mut cells = Vec::with_capacity(t.len());
                for x in t.iter() {
                    match x.as_obj() {
                        Some(o) if matches!(o.get(), Object::Cell(_)) => cells.push(o.clone()),
                        _ => {
                            return Err(vm.type_error(format!(
                                "arg 5 (closure) expected cell, found {}",
                                vm.type_name(x)
                            )))
                        }
                    }
                }
                cells
            }
            _ => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        },
    };
    let (index, unit) = match code.body() {
        Some(Object::DynCode { index, unit }) => (*index, unit.clone()),
        _ => {
            let mut builder = permafrost_image::ImageBuilder::default();
            let top = copy_code(vm, index, &mut builder);
            let file = builder.codes[top as usize].filename.clone();
            builder.modules.push(permafrost_image::Module {
                name: file.clone(),
                code: top,
                file,
                package: false,
                origin: Default::default(),
                source: None,
            });
            vm.install_unit(&builder)?
        }
    };
    let view = vm.codes[index as usize].view;
    let nfree = view.freevars().len();
    if closure.len() != nfree {
        let fname = view.name().as_str().to_string();
        return Err(if nfree == 0 {
            vm.type_error("arg 5 (closure) must be None or tuple")
        } else {
            vm.value_error(format!(
                "{fname} requires closure of length {nfree}, not {}",
                closure.len()
            ))
        });
    }
    let func = crate::value::object::Function {
        code: index,
        heap_code: Some(unit),
        module: NO_MODULE,
        globals: Some(globals),
        name: name.unwrap_or_else(|| Vm::str_val(view.name().as_str())),
        qualname: Vm::str_val(view.qualname().as_str()),
        defaults,
        kwdefaults: None,
        closure,
        dict: None,
        set: None,
    };
    Ok(Value::obj(Object::Function(func)))
}

/// `f.__code__ = code`: the function runs `code` from now on (with as many free variables as
/// its closure has cells). Run-time code reads its globals from a dict, so a function of a
/// module that gets one reads that module's globals dict.
pub(crate) fn set_function_code(vm: &mut Vm, f: &ObjRef, code: Value) -> PyResult<()> {
    let Some(index) = crate::objects::code::code_index(&code) else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let nfree = vm.codes[index as usize].view.freevars().len();
    let (name, ncells, module, globals) = match f.get() {
        Object::Function(fo) => (
            fo.name.as_str().unwrap_or("?").to_string(),
            fo.closure.len(),
            fo.module,
            fo.globals.clone(),
        ),
        _ => return Ok(()),
    };
    if nfree != ncells {
        return Err(vm.value_error(format!(
            "{name}() requires a code object with {ncells} free vars, not {nfree}"
        )));
    }
    let (heap_code, module, globals) = match code.body() {
        Some(Object::DynCode { unit, .. }) => {
            let globals = match globals {
                Some(g) => Some(g),
                None => {
                    let m = vm.module_obj(module);
                    vm.module_dict(&m)
                }
            };
            (Some(unit.clone()), NO_MODULE, globals)
        }
        _ => {
            let info = &vm.codes[index as usize];
            if globals.is_some() || info.module != module {
                return Err(vm.err(
                    ExcKind::NotImplementedError,
                    "assigning another module's code to __code__ is not supported",
                ));
            }
            (info.heap.clone(), module, None)
        }
    };
    if let Object::Function(fo) = f.get_mut() {
        fo.code = index;
        fo.heap_code = heap_code;
        fo.module = module;
        fo.globals = globals;
    }
    Ok(())
}
