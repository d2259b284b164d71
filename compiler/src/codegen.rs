//! Code generation: walks the AST of one module with its resolved symbol table and emits
//! permafrost bytecode (`permafrost_image::opcode`) into code objects, following CPython
//! 3.11's layout and evaluation order.
//!
//! Control flow that leaves a block early (`return`, `break`, `continue`) unwinds the
//! "frame blocks" it crosses: it pops loop iterators, calls `__exit__` of `with` blocks,
//! pops handled exceptions and inlines `finally` bodies, as CPython's compiler does.

use crate::assemble::{Handler, InstrBuffer, Label};
use crate::consts;
use crate::error::{CompileError, SourceMap};
use crate::scope::{mangle, Resolution, ScopeId, ScopeKind, ScopeTable};
use permafrost_image::opcode::{flags as co, BinaryOp, CompareOp, Opcode, MAX_ARG};
use permafrost_image::{CodeObject, Constant, ImageBuilder, Position};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::HashMap;

mod annotations;
mod coroutine;
mod patterns;
mod unparse;

type R<T = ()> = Result<T, CompileError>;

/// Compiles one module's body and returns the index of its top-level code object.
pub fn compile_module(src: &SourceMap<'_>, body: &[Stmt], builder: &mut ImageBuilder) -> R<u32> {
    compile_top(src, body, builder, TopLevel::Module)
}

/// What the top-level code object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TopLevel {
    /// A module of the image: every top-level name is a module global (`*_GLOBAL`).
    Module,
    /// `exec` source compiled at run time: top-level names are `*_NAME` (the locals mapping,
    /// then globals, then built-ins), as CPython compiles module code.
    Exec,
    /// `eval` source: the body is one expression statement whose value is returned.
    Eval,
    /// `compile(..., 'single')`: as `Exec`, and top-level expression statements print their
    /// value (`PRINT_EXPR`).
    Single,
}

/// Compiles a top-level body of the given kind; returns its code object's index.
pub fn compile_top(
    src: &SourceMap<'_>,
    body: &[Stmt],
    builder: &mut ImageBuilder,
    top: TopLevel,
) -> R<u32> {
    let future_imports = check_future(src, body)?;
    let table = crate::scope::build(src, body)?;
    let module_unit = Unit::new(&table, 0, "<module>", "<module>", 1);
    let mut cg = Codegen {
        src,
        table: &table,
        builder,
        unit: module_unit,
        parents: Vec::new(),
        future_imports,
        top_names: top != TopLevel::Module,
        interactive: top == TopLevel::Single,
    };
    cg.unit.loc = line_only(1);
    if top == TopLevel::Eval {
        if let [Stmt::Expr(e)] = body {
            cg.set_loc(e.range());
            cg.expr(&e.value)?;
            cg.emit(Opcode::RETURN_VALUE, 0);
            let unit = std::mem::replace(&mut cg.unit, Unit::new(&table, 0, "", "", 1));
            return cg.finish(unit);
        }
    }
    cg.setup_annotations(body)?;
    let doc = if top == TopLevel::Single {
        None
    } else {
        docstring(src, body)
    };
    let rest = match doc {
        Some(doc) => {
            cg.set_loc(body[0].range());
            cg.load_const(doc)?;
            let op = if cg.top_names {
                Opcode::STORE_NAME
            } else {
                Opcode::STORE_GLOBAL
            };
            cg.emit_name(op, "__doc__")?;
            &body[1..]
        }
        None => body,
    };
    cg.body(rest)?;
    cg.load_const(Constant::None)?;
    cg.emit(Opcode::RETURN_VALUE, 0);
    let unit = std::mem::replace(&mut cg.unit, Unit::new(&table, 0, "", "", 1));
    cg.finish(unit)
}

/// The features `from __future__ import` knows in CPython 3.11; of those accepted, only
/// `annotations` changes what this compiler does (see `codegen/annotations.rs`).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

/// Checks the module's leading future imports (after an optional docstring), as CPython
/// does before compiling; returns where they start.
fn check_future(src: &SourceMap<'_>, body: &[Stmt]) -> R<Vec<TextSize>> {
    let skip = usize::from(docstring(src, body).is_some());
    let mut starts = Vec::new();
    for s in &body[skip..] {
        let Stmt::ImportFrom(i) = s else { break };
        if i.level != 0 || i.module.as_ref().map(|m| m.as_str()) != Some("__future__") {
            break;
        }
        for alias in &i.names {
            let name = alias.name.as_str();
            if name == "braces" {
                return Err(src.syntax_error_over(i.range(), "not a chance"));
            }
            if name == "barry_as_FLUFL" {
                return Err(src.unsupported(i.start(), "future feature barry_as_FLUFL"));
            }
            if !FUTURE_FEATURES.contains(&name) {
                return Err(src.syntax_error_over(
                    i.range(),
                    format!("future feature {name} is not defined"),
                ));
            }
        }
        starts.push(i.start());
    }
    Ok(starts)
}

/// The first statement's string, when it is a docstring.
fn docstring(src: &SourceMap<'_>, body: &[Stmt]) -> Option<Constant> {
    match body.first()? {
        Stmt::Expr(e) => match e.value.as_ref() {
            Expr::StringLiteral(s) => Some(
                match (!src.is_synthetic())
                    .then(|| crate::surrogates::wide_literal(src.source, s))
                    .flatten()
                {
                    Some(b) => Constant::WideStr(b),
                    None => Constant::Str(s.value.to_str().to_string()),
                },
            ),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum NameCtx {
    Load,
    Store,
    Del,
}

/// A block that early exits must unwind, with the handler it installs and how many values
/// it keeps on the stack while its body runs.
#[derive(Clone)]
struct FBlock<'a> {
    kind: FBlockKind<'a>,
    handler: Option<Handler>,
    stack: u32,
}

#[derive(Clone)]
enum FBlockKind<'a> {
    WhileLoop {
        cont: Label,
        brk: Label,
    },
    ForLoop {
        cont: Label,
        brk: Label,
    },
    /// The body of a `try` with `except` clauses.
    TryExcept,
    /// The body of a `try` with a `finally` clause: early exits run the finally body.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The finally body run for an exception: `[exc]` is on the stack and being handled.
    FinallyEnd,
    /// An `except` clause body: the exception is being handled; `as` name to clear.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// An `except*` clause body: its exception goes to the list of raised ones; `break`,
    /// `continue` and `return` may not leave it.
    StarHandler,
    /// Exception matching and `with` exit handling: covered by a cleanup handler only.
    HandlerRegion,
    /// The body of a `with`: `exit` is on the stack.
    With,
    /// The body of an `async with`: `exit` is on the stack and its result is awaited.
    AsyncWith,
    /// A return value held on the stack while a finally body runs.
    PopValue,
}

/// One code object under construction.
struct Unit<'a> {
    scope: ScopeId,
    kind: ScopeKind,
    name: String,
    qualname: String,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    buf: InstrBuffer,
    fblocks: Vec<FBlock<'a>>,
    /// The source span given to instructions emitted now (CPython's current location).
    loc: Position,
    private: Option<String>,
}

impl<'a> Unit<'a> {
    fn new(table: &ScopeTable, scope: ScopeId, name: &str, qualname: &str, line: u32) -> Self {
        let s = &table.scopes[scope];
        let mut flags = 0;
        if s.kind.is_function_like() {
            flags |= co::CO_OPTIMIZED | co::CO_NEWLOCALS;
            if s.nested {
                flags |= co::CO_NESTED;
            }
            flags |= match (s.is_coroutine, s.is_generator) {
                (true, true) => co::CO_ASYNC_GENERATOR,
                (true, false) => co::CO_COROUTINE,
                (false, true) => co::CO_GENERATOR,
                (false, false) => 0,
            };
        }
        let mut unit = Unit {
            scope,
            kind: s.kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: s.cellvars(),
            freevars: s.freevars(),
            buf: InstrBuffer::default(),
            fblocks: Vec::new(),
            loc: line_only(line),
            private: s.private.clone(),
        };
        if s.kind.is_function_like() {
            for p in &s.params {
                unit.varname(p);
            }
        }
        unit
    }

    fn varname(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.varname_index.get(name) {
            return i;
        }
        self.varnames.push(name.to_string());
        let i = (self.varnames.len() - 1) as u32;
        self.varname_index.insert(name.to_string(), i);
        i
    }
}

struct Codegen<'s, 'a> {
    src: &'s SourceMap<'s>,
    table: &'s ScopeTable,
    builder: &'s mut ImageBuilder,
    unit: Unit<'a>,
    parents: Vec<Unit<'a>>,
    /// Where the module's leading `from __future__ import` statements start: the only
    /// places such an import may be.
    future_imports: Vec<TextSize>,
    /// Code compiled at run time: top-level names use `*_NAME`.
    top_names: bool,
    /// `single` mode: top-level expression statements print their value.
    interactive: bool,
}

/// What a collection display or comprehension builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    List,
    Tuple,
    Set,
    Dict,
    Generator,
}

/// One function-like body being compiled.
enum Body<'a> {
    Def(&'a [Stmt]),
    Lambda(&'a Expr),
}

impl<'s, 'a> Codegen<'s, 'a> {
    // ----- emission helpers -------------------------------------------------------------

    fn handler(&self) -> Option<Handler> {
        self.unit.fblocks.iter().rev().find_map(|f| f.handler)
    }

    fn base_depth(&self) -> u32 {
        self.unit.fblocks.iter().map(|f| f.stack).sum()
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        let handler = self.handler();
        let line = self.unit.loc;
        self.unit.buf.emit(op, arg, line, handler);
    }

    fn emit_arg(&mut self, op: Opcode, arg: usize, at: TextSize) -> R {
        if arg > MAX_ARG as usize {
            return Err(self
                .src
                .error(at, "unsupported: too many items for one instruction"));
        }
        self.emit(op, arg as u32);
        Ok(())
    }

    fn jump(&mut self, op: Opcode, target: Label) {
        let handler = self.handler();
        let line = self.unit.loc;
        self.unit.buf.emit_jump(op, target, line, handler);
    }

    fn label(&mut self) -> Label {
        self.unit.buf.new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit.buf.bind(label);
    }

    /// A location of `at`'s line with no columns.
    fn set_line(&mut self, at: TextSize) {
        self.unit.loc = line_only(self.src.line(at));
    }

    /// The location of a node: its whole span, as CPython's `SET_LOC`.
    fn set_loc(&mut self, range: TextRange) {
        self.unit.loc = self.src.position(range);
    }

    /// Moves the location's start to the attribute name when the attribute expression
    /// spans lines, as CPython's `update_start_location_to_match_attr`, so an error in
    /// `obj\n.attr` points at the second line.
    fn start_at_attr(&mut self, a: &ast::ExprAttribute) {
        let name = self.src.position(a.attr.range());
        let loc = &mut self.unit.loc;
        if loc.line != name.end_line {
            loc.line = name.line;
            loc.col = name.col;
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line {
                loc.end_col = match (loc.col, loc.end_col) {
                    (Some(c), Some(e)) => Some(c.max(e)),
                    (_, e) => e,
                };
            }
        }
    }

    /// Keeps the current location unless it is on another line than `at` (code emitted
    /// for a construct whose location was not set by its own node).
    fn ensure_line(&mut self, at: TextSize) {
        if self.unit.loc.line != self.src.line(at) {
            self.set_line(at);
        }
    }

    fn internal(&self, msg: impl std::fmt::Display) -> CompileError {
        CompileError {
            file: self.src.file.to_string(),
            line: self.unit.loc.line,
            col: 1,
            message: format!("internal compiler error: {msg}"),
            end: None,
            from_parser: false,
        }
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let key = format!("{c:?}");
        if let Some(&i) = self.unit.const_index.get(&key) {
            return i;
        }
        self.unit.consts.push(c);
        let i = (self.unit.consts.len() - 1) as u32;
        self.unit.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, c: Constant) -> R {
        let i = self.add_const(c);
        if i > MAX_ARG {
            return Err(self.internal("too many constants"));
        }
        self.emit(Opcode::LOAD_CONST, i);
        Ok(())
    }

    fn name_index(&mut self, name: &str) -> R<u32> {
        if let Some(&i) = self.unit.name_index.get(name) {
            return Ok(i);
        }
        self.unit.names.push(name.to_string());
        let i = (self.unit.names.len() - 1) as u32;
        if i > MAX_ARG {
            return Err(self.internal("too many names"));
        }
        self.unit.name_index.insert(name.to_string(), i);
        Ok(i)
    }

    fn emit_name(&mut self, op: Opcode, name: &str) -> R {
        let i = self.name_index(name)?;
        self.emit(op, i);
        Ok(())
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name)
    }

    fn deref_index(&self, name: &str) -> R<u32> {
        if let Some(i) = self.unit.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = self.unit.freevars.iter().position(|c| c == name) {
            return Ok((self.unit.cellvars.len() + i) as u32);
        }
        Err(self.internal(format!("no cell for '{name}' in {}", self.unit.qualname)))
    }

    /// Loads, stores or deletes a name with the instruction its resolution calls for.
    fn name_op(&mut self, raw: &str, ctx: NameCtx) -> R {
        let name = self.mangled(raw);
        let scope = &self.table.scopes[self.unit.scope];
        let res = scope.resolve(&name);
        enum Kind {
            Fast,
            Deref,
            Global,
            Name,
        }
        let kind = match (self.unit.kind, res) {
            // `global a` in code run by `exec` with separate locals binds in the globals.
            (ScopeKind::Module, Resolution::GlobalExplicit) => Kind::Global,
            (ScopeKind::Module, _) if self.top_names => Kind::Name,
            (ScopeKind::Module, _) => Kind::Global,
            (ScopeKind::Class, Resolution::Local | Resolution::GlobalImplicit) => Kind::Name,
            (ScopeKind::Class, Resolution::GlobalExplicit) => Kind::Global,
            (ScopeKind::Class, Resolution::Free | Resolution::Cell) => Kind::Deref,
            (_, Resolution::Local) => Kind::Fast,
            (_, Resolution::Cell | Resolution::Free) => Kind::Deref,
            (_, Resolution::GlobalExplicit | Resolution::GlobalImplicit) => Kind::Global,
        };
        match kind {
            Kind::Fast => {
                let i = self.unit.varname(&name);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, i);
            }
            Kind::Deref => {
                let i = self.deref_index(&name)?;
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_DEREF,
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_GLOBAL,
                    NameCtx::Store => Opcode::STORE_GLOBAL,
                    NameCtx::Del => Opcode::DELETE_GLOBAL,
                };
                self.emit_name(op, &name)?;
            }
            Kind::Name => {
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit_name(op, &name)?;
            }
        }
        Ok(())
    }

    // ----- units ------------------------------------------------------------------------

    fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: &str, line: u32) {
        let unit = Unit::new(self.table, scope, name, qualname, line);
        let parent = std::mem::replace(&mut self.unit, unit);
        self.parents.push(parent);
    }

    fn leave_unit(&mut self) -> R<Unit<'a>> {
        let Some(parent) = self.parents.pop() else {
            return Err(self.internal("unbalanced code-object nesting"));
        };
        Ok(std::mem::replace(&mut self.unit, parent))
    }

    /// Assembles a finished unit into a code object of the image; returns its index.
    fn finish(&mut self, unit: Unit<'a>) -> R<u32> {
        let asm = unit.buf.assemble().map_err(|m| CompileError {
            file: self.src.file.to_string(),
            line: unit.firstlineno,
            col: 1,
            message: format!("internal compiler error in {}: {m}", unit.qualname),
            end: None,
            from_parser: false,
        })?;
        let code = CodeObject {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.src.file.to_string(),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            stacksize: asm.stacksize,
            consts: unit.consts,
            names: unit.names,
            varnames: unit.varnames,
            freevars: unit.freevars,
            cellvars: unit.cellvars,
            code: asm.code,
            linetable: asm.linetable,
            exceptiontable: asm.exceptiontable,
            positions: asm.positions,
        };
        Ok(self.builder.add_code(code))
    }

    /// CPython's qualified name for a definition named `name` inside the current unit.
    fn qualname_for(&self, name: &str, is_def: bool) -> String {
        let parent = &self.unit;
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if is_def {
            let mangled = self.mangled(name);
            if self.table.scopes[parent.scope].resolve(&mangled) == Resolution::GlobalExplicit {
                return name.to_string();
            }
        }
        // Only function and lambda bodies add `.<locals>`: a class or comprehension parent
        // contributes its bare qualified name, as in CPython.
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    fn scope_of<T>(&self, node: &T, at: TextSize) -> R<ScopeId> {
        self.table.scope_of(node).ok_or_else(|| {
            self.src
                .error(at, "internal compiler error: scope not found")
        })
    }

    /// Emits the closure tuple (if the code has free variables), the code constant and
    /// MAKE_FUNCTION with `flags` (defaults already on the stack).
    fn make_function(&mut self, code: u32, freevars: &[String], mut flags: u32, at: TextSize) -> R {
        if !freevars.is_empty() {
            for fv in freevars {
                let i = self.deref_index(fv)?;
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            self.emit_arg(Opcode::BUILD_TUPLE, freevars.len(), at)?;
            flags |= 0x8;
        }
        self.load_const(Constant::Code(code))?;
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// Pushes the defaults tuple and kw-defaults dict; returns the MAKE_FUNCTION flags.
    fn defaults(&mut self, params: &'a ast::Parameters) -> R<u32> {
        let mut flags = 0;
        let positional: Vec<&'a Expr> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !positional.is_empty() {
            let folded: Option<Vec<Constant>> =
                positional.iter().map(|e| consts::fold(e)).collect();
            match folded {
                Some(values) => self.load_const(Constant::Tuple(values))?,
                None => {
                    for e in &positional {
                        self.expr(e)?;
                    }
                    self.emit_arg(Opcode::BUILD_TUPLE, positional.len(), params.start())?;
                }
            }
            flags |= 0x1;
        }
        let kwdefaults: Vec<(&'a ast::Parameter, &'a Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (&p.parameter, d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (p, d) in &kwdefaults {
                let name = self.mangled(p.name.as_str());
                self.load_const(Constant::Str(name))?;
                self.expr(d)?;
            }
            self.emit_arg(Opcode::BUILD_MAP, kwdefaults.len(), params.start())?;
            flags |= 0x2;
        }
        Ok(flags)
    }

    /// Compiles a function or lambda body into its own code object.
    fn function_code(
        &mut self,
        scope: ScopeId,
        name: &str,
        qualname: String,
        firstlineno: u32,
        params: Option<&'a ast::Parameters>,
        body: Body<'a>,
    ) -> R<(u32, Vec<String>)> {
        self.enter_unit(scope, name, &qualname, firstlineno);
        if let Some(p) = params {
            self.unit.posonlyargcount = p.posonlyargs.len() as u32;
            self.unit.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            self.unit.kwonlyargcount = p.kwonlyargs.len() as u32;
            if p.vararg.is_some() {
                self.unit.flags |= co::CO_VARARGS;
            }
            if p.kwarg.is_some() {
                self.unit.flags |= co::CO_VARKEYWORDS;
            }
        }
        // Arguments that are also cells are copied into their cells on entry.
        let params_list = self.table.scopes[scope].params.clone();
        for (i, p) in params_list.iter().enumerate() {
            if self.unit.cellvars.iter().any(|c| c == p) {
                let j = self.deref_index(p)?;
                self.emit(Opcode::LOAD_FAST, i as u32);
                self.emit(Opcode::STORE_DEREF, j);
            }
        }
        match body {
            Body::Def(stmts) => {
                let rest = match docstring(self.src, stmts) {
                    Some(doc) => {
                        self.add_const(doc);
                        &stmts[1..]
                    }
                    None => {
                        self.add_const(Constant::None);
                        stmts
                    }
                };
                self.body(rest)?;
                if self.unit.buf.end_reachable() {
                    self.load_const(Constant::None)?;
                    self.emit(Opcode::RETURN_VALUE, 0);
                }
            }
            Body::Lambda(e) => {
                self.add_const(Constant::None);
                self.expr(e)?;
                self.emit(Opcode::RETURN_VALUE, 0);
            }
        }
        let unit = self.leave_unit()?;
        let freevars = unit.freevars.clone();
        let index = self.finish(unit)?;
        Ok((index, freevars))
    }

    // ----- statements -------------------------------------------------------------------

    fn body(&mut self, stmts: &'a [Stmt]) -> R {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.unit.kind.is_function_like() {
                    return Err(self
                        .src
                        .syntax_error_over(r.range(), "'return' outside function"));
                }
                let scope = &self.table.scopes[self.unit.scope];
                if r.value.is_some() && scope.is_coroutine && scope.is_generator {
                    return Err(self
                        .src
                        .syntax_error_over(r.range(), "'return' with value in async generator"));
                }
                self.check_star_exit(r.start(), false)?;
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None)?,
                }
                let saved = self.unwind(true, false)?.0;
                self.emit(Opcode::RETURN_VALUE, 0);
                self.restore(saved);
                Ok(())
            }
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.label();
                self.jump_if(&a.test, true, end)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Opcode::CALL, 1);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let module = alias.name.as_str();
                    self.load_const(Constant::Int(0))?;
                    self.load_const(Constant::None)?;
                    self.emit_name(Opcode::IMPORT_NAME, module)?;
                    match &alias.asname {
                        // `import a.b.c as d`: walk down from the top-level package, as
                        // CPython 3.11 does (IMPORT_FROM also finds a submodule that is not
                        // yet bound on its parent).
                        Some(asname) if module.contains('.') => {
                            let mut parts = module.split('.').skip(1).peekable();
                            while let Some(part) = parts.next() {
                                self.emit_name(Opcode::IMPORT_FROM, part)?;
                                if parts.peek().is_some() {
                                    self.emit(Opcode::SWAP, 2);
                                    self.emit(Opcode::POP_TOP, 0);
                                }
                            }
                            self.name_op(asname.as_str(), NameCtx::Store)?;
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        Some(asname) => self.name_op(asname.as_str(), NameCtx::Store)?,
                        // `import a.b.c` binds the top-level package `a`.
                        None => {
                            let top = module.split('.').next().unwrap_or(module);
                            self.name_op(top, NameCtx::Store)?;
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if i.level == 0 && module == "__future__" {
                    // Future features are compile-time switches (`annotations` is read from
                    // the scope table); the statement itself does nothing here.
                    if !self.future_imports.contains(&i.start()) {
                        return Err(self.src.syntax_error(
                            i.start(),
                            "from __future__ imports must occur at the beginning of the file",
                        ));
                    }
                    return Ok(());
                }
                let names: Vec<Constant> = i
                    .names
                    .iter()
                    .map(|a| Constant::Str(a.name.as_str().to_string()))
                    .collect();
                self.load_const(Constant::Int(i.level as i64))?;
                self.load_const(Constant::Tuple(names))?;
                self.emit_name(Opcode::IMPORT_NAME, module)?;
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        // Only at module level (the symbol table rejects it elsewhere).
                        self.emit(Opcode::IMPORT_STAR, 0);
                        return Ok(());
                    }
                    self.emit_name(Opcode::IMPORT_FROM, alias.name.as_str())?;
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(bound.as_str(), NameCtx::Store)?;
                }
                self.emit(Opcode::POP_TOP, 0);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if consts::fold(&e.value).is_some() && !self.interactive {
                    // A constant statement (a stray string, `...`) has no effect.
                    return Ok(());
                }
                self.expr(&e.value)?;
                let top_level = self.unit.kind == ScopeKind::Module && self.parents.is_empty();
                let op = if self.interactive && top_level {
                    Opcode::PRINT_EXPR
                } else {
                    Opcode::POP_TOP
                };
                self.emit(op, 0);
                Ok(())
            }
            Stmt::Break(b) => {
                if !self.in_loop() {
                    return Err(self
                        .src
                        .syntax_error_over(b.range(), "'break' outside loop"));
                }
                self.check_star_exit(b.start(), true)?;
                let (saved, found) = self.unwind(false, true)?;
                if let Some(FBlock { kind, .. }) = found {
                    match kind {
                        FBlockKind::ForLoop { brk, .. } => {
                            self.emit(Opcode::POP_TOP, 0);
                            self.jump(Opcode::JUMP, brk);
                        }
                        FBlockKind::WhileLoop { brk, .. } => self.jump(Opcode::JUMP, brk),
                        _ => return Err(self.internal("break target is not a loop")),
                    }
                }
                self.restore(saved);
                Ok(())
            }
            Stmt::Continue(c) => {
                if !self.in_loop() {
                    return Err(self
                        .src
                        .syntax_error_over(c.range(), "'continue' not properly in loop"));
                }
                self.check_star_exit(c.start(), true)?;
                let (saved, found) = self.unwind(false, true)?;
                if let Some(FBlock { kind, .. }) = found {
                    match kind {
                        FBlockKind::ForLoop { cont, .. } | FBlockKind::WhileLoop { cont, .. } => {
                            self.jump(Opcode::JUMP, cont)
                        }
                        _ => return Err(self.internal("continue target is not a loop")),
                    }
                }
                self.restore(saved);
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(self.src.unsupported(t.start(), "type aliases")),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::IpyEscapeCommand(c) => {
                Err(self.src.unsupported(c.start(), "IPython escape command"))
            }
        }
    }

    /// CPython's SyntaxError for `break`/`continue` (`to_loop`: up to the innermost loop) and
    /// `return` leaving an `except*` clause.
    fn check_star_exit(&self, at: TextSize, to_loop: bool) -> R {
        for f in self.unit.fblocks.iter().rev() {
            match f.kind {
                FBlockKind::WhileLoop { .. } | FBlockKind::ForLoop { .. } if to_loop => break,
                FBlockKind::StarHandler => {
                    return Err(self.src.syntax_error(
                        at,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn in_loop(&self) -> bool {
        self.unit.fblocks.iter().any(|f| {
            matches!(
                f.kind,
                FBlockKind::WhileLoop { .. } | FBlockKind::ForLoop { .. }
            )
        })
    }

    /// Emits the exit code of every frame block from the innermost outward, stopping below
    /// the innermost loop when `to_loop`. The unwound blocks are removed while their exit
    /// code is emitted (so it runs under the outer handlers) and must be given back with
    /// [`Codegen::restore`] after the caller emits its jump or return.
    fn unwind(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> R<(Vec<FBlock<'a>>, Option<FBlock<'a>>)> {
        let mut saved = Vec::new();
        while let Some(top) = self.unit.fblocks.last() {
            if to_loop
                && matches!(
                    top.kind,
                    FBlockKind::WhileLoop { .. } | FBlockKind::ForLoop { .. }
                )
            {
                let found = top.clone();
                return Ok((saved, Some(found)));
            }
            let Some(fb) = self.unit.fblocks.pop() else {
                break;
            };
            self.unwind_one(&fb, preserve_tos)?;
            saved.push(fb);
        }
        Ok((saved, None))
    }

    fn restore(&mut self, saved: Vec<FBlock<'a>>) {
        self.unit.fblocks.extend(saved.into_iter().rev());
    }

    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match &fb.kind {
            FBlockKind::WhileLoop { .. }
            | FBlockKind::TryExcept
            | FBlockKind::HandlerRegion
            | FBlockKind::StarHandler => {}
            FBlockKind::ForLoop { .. } | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::FinallyTry { body } => {
                if preserve_tos {
                    self.unit.fblocks.push(FBlock {
                        kind: FBlockKind::PopValue,
                        handler: None,
                        stack: 1,
                    });
                }
                self.body(body)?;
                if preserve_tos {
                    self.unit.fblocks.pop();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::HandlerCleanup { name } => {
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_const(Constant::None)?;
                    self.name_op(name, NameCtx::Store)?;
                    self.name_op(name, NameCtx::Del)?;
                }
            }
            FBlockKind::With => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones()?;
            }
            FBlockKind::AsyncWith => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_async_exit_with_nones()?;
            }
        }
        Ok(())
    }

    /// `[.., exit] -> [..]`: calls `exit(None, None, None)` and drops the result.
    fn call_exit_with_nones(&mut self) -> R {
        for _ in 0..3 {
            self.load_const(Constant::None)?;
        }
        self.emit(Opcode::CALL, 3);
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn push_fblock(&mut self, kind: FBlockKind<'a>, handler: Option<Handler>, stack: u32) {
        self.unit.fblocks.push(FBlock {
            kind,
            handler,
            stack,
        });
    }

    fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.def_annotations(&f.parameters, f.returns.as_deref())?;
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.src.line(d.start()),
            None => self.src.line(f.start()),
        };
        let scope = self.scope_of(f, f.start())?;
        let name = f.name.as_str();
        let qualname = self.qualname_for(name, true);
        let (code, freevars) = self.function_code(
            scope,
            name,
            qualname,
            firstlineno,
            Some(&f.parameters),
            Body::Def(&f.body),
        )?;
        // The function object is made on the `def` line; each decorator is applied on its
        // own line, innermost first.
        self.set_line(f.name.start());
        self.make_function(code, &freevars, flags, f.start())?;
        self.apply_decorators(&f.decorator_list);
        self.set_line(f.name.start());
        self.name_op(name, NameCtx::Store)
    }

    /// `[.., deco1, .., decoN, obj] -> [.., decorated]`: innermost (last) decorator first.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::CALL, 1);
        }
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.src.line(d.start()),
            None => self.src.line(c.start()),
        };
        let scope = self.scope_of(c, c.start())?;
        let name = c.name.as_str();
        let qualname = self.qualname_for(name, true);

        self.enter_unit(scope, name, &qualname, firstlineno);
        self.emit_name(Opcode::LOAD_NAME, "__name__")?;
        self.emit_name(Opcode::STORE_NAME, "__module__")?;
        self.load_const(Constant::Str(qualname.clone()))?;
        self.emit_name(Opcode::STORE_NAME, "__qualname__")?;
        self.setup_annotations(&c.body)?;
        let rest = match docstring(self.src, &c.body) {
            Some(doc) => {
                self.set_line(c.body[0].start());
                self.load_const(doc)?;
                self.emit_name(Opcode::STORE_NAME, "__doc__")?;
                &c.body[1..]
            }
            None => &c.body[..],
        };
        self.body(rest)?;
        if self.table.scopes[scope].needs_class_closure {
            let i = self.deref_index("__class__")?;
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.emit_name(Opcode::STORE_NAME, "__classcell__")?;
        } else {
            self.load_const(Constant::None)?;
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let unit = self.leave_unit()?;
        let freevars = unit.freevars.clone();
        let code = self.finish(unit)?;

        self.set_line(c.name.start());
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_function(code, &freevars, 0, c.start())?;
        self.load_const(Constant::Str(name.to_string()))?;
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_args(bases, keywords, 2, c.name.start())?;
        self.apply_decorators(&c.decorator_list);
        self.set_line(c.name.start());
        self.name_op(name, NameCtx::Store)
    }

    /// An operand only iterated or searched (`for x in [..]`, `x in [..]`): a list display of
    /// constants becomes one constant tuple, as CPython does; nothing can observe the
    /// difference because the list never escapes.
    fn container_operand(&mut self, e: &'a Expr) -> R {
        if let Expr::List(l) = e {
            let folded: Option<Vec<Constant>> = l
                .elts
                .iter()
                .map(|x| match x {
                    Expr::Starred(_) => None,
                    other => consts::fold(other),
                })
                .collect();
            if let Some(values) = folded {
                let saved = self.unit.loc;
                self.set_loc(e.range());
                let result = self.load_const(Constant::Tuple(values));
                self.unit.loc = saved;
                return result;
            }
        }
        self.expr(e)
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        self.container_operand(&f.iter)?;
        self.set_loc(f.range());
        self.emit(Opcode::GET_ITER, 0);
        let top = self.label();
        let orelse = self.label();
        let end = self.label();
        self.bind(top);
        self.jump(Opcode::FOR_ITER, orelse);
        self.push_fblock(
            FBlockKind::ForLoop {
                cont: top,
                brk: end,
            },
            None,
            1,
        );
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.set_line(f.start());
        self.jump(Opcode::JUMP, top);
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let top = self.label();
        let orelse = self.label();
        let end = self.label();
        self.bind(top);
        let always = matches!(consts::fold(&w.test), Some(c) if consts::truthy(&c) == Some(true));
        if !always {
            self.jump_if(&w.test, false, orelse)?;
        }
        self.push_fblock(
            FBlockKind::WhileLoop {
                cont: top,
                brk: end,
            },
            None,
            0,
        );
        self.body(&w.body)?;
        self.pop_fblock();
        self.set_line(w.start());
        self.jump(Opcode::JUMP, top);
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.label();
        let mut next = self.label();
        self.jump_if(&i.test, false, next)?;
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            if self.unit.buf.end_reachable() {
                self.jump(Opcode::JUMP, end);
            }
            self.bind(next);
            next = self.label();
            if let Some(test) = &clause.test {
                self.set_line(clause.start());
                self.jump_if(test, false, next)?;
            }
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, index: usize) -> R {
        let Some(item) = w.items.get(index) else {
            return self.body(&w.body);
        };
        self.expr(&item.context_expr)?;
        self.set_loc(w.range());
        if w.is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
            self.await_top(1)?;
        } else {
            self.emit(Opcode::BEFORE_WITH, 0);
        }
        let handler = self.label();
        let after = self.label();
        let cleanup = self.label();
        let suppress = self.label();
        let depth = self.base_depth();
        self.push_fblock(
            if w.is_async {
                FBlockKind::AsyncWith
            } else {
                FBlockKind::With
            },
            Some(Handler {
                label: handler,
                depth: depth + 1,
            }),
            1,
        );
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        self.with_stmt(w, index + 1)?;
        self.pop_fblock();
        self.set_loc(w.range());
        if w.is_async {
            self.call_async_exit_with_nones()?;
        } else {
            self.call_exit_with_nones()?;
        }
        self.jump(Opcode::JUMP, after);

        self.bind(handler);
        self.push_fblock(
            FBlockKind::HandlerRegion,
            Some(Handler {
                label: cleanup,
                depth,
            }),
            0,
        );
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if w.is_async {
            self.await_top(2)?;
        }
        self.jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 0);
        self.bind(suppress);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_fblock();
        self.jump(Opcode::JUMP, after);
        self.bind(cleanup);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(after);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            return self.body(&t.orelse);
        }
        if t.is_star {
            return self.try_star_except(t);
        }
        let (end, cleanup, depth) = self.try_body_then_handler(t, 0)?;
        let mut last_is_bare = false;
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range());
            let next = self.label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Opcode::CHECK_EXC_MATCH, 0);
                    self.jump(Opcode::POP_JUMP_IF_FALSE, next);
                    last_is_bare = false;
                }
                None => last_is_bare = true,
            }
            match &h.name {
                Some(name) => {
                    let name = name.as_str();
                    self.name_op(name, NameCtx::Store)?;
                    let cleanup_name = self.label();
                    self.push_fblock(
                        FBlockKind::HandlerCleanup { name: Some(name) },
                        Some(Handler {
                            label: cleanup_name,
                            depth,
                        }),
                        0,
                    );
                    self.body(&h.body)?;
                    self.pop_fblock();
                    if self.unit.buf.end_reachable() {
                        self.emit(Opcode::POP_EXCEPT, 0);
                        self.load_const(Constant::None)?;
                        self.name_op(name, NameCtx::Store)?;
                        self.name_op(name, NameCtx::Del)?;
                        self.jump(Opcode::JUMP, end);
                    }
                    self.bind(cleanup_name);
                    self.load_const(Constant::None)?;
                    self.name_op(name, NameCtx::Store)?;
                    self.name_op(name, NameCtx::Del)?;
                    self.emit(Opcode::RERAISE, 0);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup { name: None }, None, 0);
                    self.body(&h.body)?;
                    self.pop_fblock();
                    if self.unit.buf.end_reachable() {
                        self.emit(Opcode::POP_EXCEPT, 0);
                        self.jump(Opcode::JUMP, end);
                    }
                }
            }
            self.bind(next);
        }
        if !last_is_bare {
            self.emit(Opcode::RERAISE, 0);
        }
        self.pop_fblock();
        self.bind(cleanup);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(end);
        Ok(())
    }

    /// The protected part of a `try` with handlers: the body under a handler, `else`, a jump
    /// to the end, then the handler entry (`PUSH_EXC_INFO`) inside a handler region whose
    /// cleanup keeps `region_stack` extra values. Returns (end, cleanup, depth).
    fn try_body_then_handler(
        &mut self,
        t: &'a ast::StmtTry,
        region_stack: u32,
    ) -> R<(Label, Label, u32)> {
        let handler = self.label();
        let end = self.label();
        let cleanup = self.label();
        let depth = self.base_depth();
        self.push_fblock(
            FBlockKind::TryExcept,
            Some(Handler {
                label: handler,
                depth,
            }),
            0,
        );
        self.body(&t.body)?;
        self.pop_fblock();
        self.body(&t.orelse)?;
        if self.unit.buf.end_reachable() {
            self.jump(Opcode::JUMP, end);
        }

        self.bind(handler);
        self.push_fblock(
            FBlockKind::HandlerRegion,
            Some(Handler {
                label: cleanup,
                depth,
            }),
            region_stack,
        );
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        Ok((end, cleanup, depth))
    }

    /// `try: ... except* T as e: ...`, as CPython 3.11 compiles it: the handler keeps
    /// `[orig, raised, rest]` on the stack; each clause takes its part of `rest`
    /// (`CHECK_EG_MATCH`), and what a clause body raises is appended to `raised`; at the end
    /// `PREP_RERAISE_STAR` makes what is left to raise.
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> R {
        let (end, cleanup, depth) = self.try_body_then_handler(t, 3)?;
        let reraise = self.label();
        // [exc] -> [orig, raised, rest]
        self.emit(Opcode::COPY, 1);
        self.emit(Opcode::BUILD_LIST, 0);
        self.emit(Opcode::SWAP, 2);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range());
            let next = self.label();
            let no_match = self.label();
            let Some(ty) = &h.type_ else {
                return Err(self
                    .src
                    .syntax_error_over(h.range(), "expected one or more exception types"));
            };
            self.expr(ty)?;
            // [orig, raised, rest, T] -> [orig, raised, rest', match]
            self.emit(Opcode::CHECK_EG_MATCH, 0);
            self.emit(Opcode::COPY, 1);
            self.load_const(Constant::None)?;
            self.emit(Opcode::IS_OP, 0);
            self.jump(Opcode::POP_JUMP_IF_TRUE, no_match);
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(name) => self.name_op(name, NameCtx::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            let body_exc = self.label();
            self.push_fblock(
                FBlockKind::StarHandler,
                Some(Handler {
                    label: body_exc,
                    depth: depth + 3,
                }),
                0,
            );
            self.body(&h.body)?;
            self.pop_fblock();
            if self.unit.buf.end_reachable() {
                if let Some(name) = name {
                    self.load_const(Constant::None)?;
                    self.name_op(name, NameCtx::Store)?;
                    self.name_op(name, NameCtx::Del)?;
                }
                self.jump(Opcode::JUMP, next);
            }
            // [orig, raised, rest', exc]: the clause raised; keep it and go on.
            self.bind(body_exc);
            if let Some(name) = name {
                self.load_const(Constant::None)?;
                self.name_op(name, NameCtx::Store)?;
                self.name_op(name, NameCtx::Del)?;
            }
            self.emit(Opcode::LIST_APPEND, 2);
            self.jump(Opcode::JUMP, next);
            self.bind(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(next);
        }
        // [orig, raised, rest] -> [orig, raised + [rest]] -> [to_raise]
        self.emit(Opcode::LIST_APPEND, 1);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None)?;
        self.emit(Opcode::IS_OP, 0);
        self.jump(Opcode::POP_JUMP_IF_FALSE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(Opcode::JUMP, end);
        self.bind(reraise);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.pop_fblock();
        self.bind(cleanup);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let handler = self.label();
        let end = self.label();
        let cleanup = self.label();
        let depth = self.base_depth();
        self.push_fblock(
            FBlockKind::FinallyTry { body: &t.finalbody },
            Some(Handler {
                label: handler,
                depth,
            }),
            0,
        );
        self.try_except(t)?;
        self.pop_fblock();
        if self.unit.buf.end_reachable() {
            self.body(&t.finalbody)?;
            if self.unit.buf.end_reachable() {
                self.jump(Opcode::JUMP, end);
            }
        }

        self.bind(handler);
        self.push_fblock(
            FBlockKind::FinallyEnd,
            Some(Handler {
                label: cleanup,
                depth,
            }),
            1,
        );
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.body(&t.finalbody)?;
        if self.unit.buf.end_reachable() {
            self.emit(Opcode::RERAISE, 0);
        }
        self.pop_fblock();
        self.bind(cleanup);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.bind(end);
        Ok(())
    }

    // ----- assignment targets -----------------------------------------------------------

    fn store_target(&mut self, t: &'a Expr) -> R {
        let saved = self.unit.loc;
        self.set_loc(t.range());
        let result = self.store_target_here(t);
        self.unit.loc = saved;
        result
    }

    fn store_target_here(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_op(Opcode::STORE_ATTR, a)
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, t.start())
            }
            Expr::Starred(s) => Err(self.src.syntax_error(
                s.start(),
                "starred assignment target must be in a list or tuple",
            )),
            other => Err(self
                .src
                .syntax_error_over(other.range(), "cannot assign to expression")),
        }
    }

    fn unpack(&mut self, elts: &'a [Expr], at: TextSize) -> R {
        let stars: Vec<usize> = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Expr::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match stars.as_slice() {
            [] => self.emit_arg(Opcode::UNPACK_SEQUENCE, elts.len(), at)?,
            [i] => {
                let before = *i;
                let after = elts.len() - i - 1;
                if before >= 256 || after >= (1 << 16) {
                    return Err(self
                        .src
                        .syntax_error(at, "too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UNPACK_EX, (before | (after << 8)) as u32);
            }
            _ => {
                return Err(self
                    .src
                    .syntax_error(at, "multiple starred expressions in assignment"))
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        let saved = self.unit.loc;
        self.set_loc(t.range());
        let result = self.delete_target_here(t);
        self.unit.loc = saved;
        result
    }

    fn delete_target_here(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_op(Opcode::DELETE_ATTR, a)
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            other => Err(self
                .src
                .syntax_error_over(other.range(), "cannot delete expression")),
        }
    }

    /// As CPython: the target's loads and stores are located at the target (an attribute's
    /// start moved to its name), the operation at the statement.
    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binary_op(a.op) as u32 + BinaryOp::INPLACE;
        let stmt_loc = self.unit.loc;
        let target_loc = self.src.position(a.target.range());
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.unit.loc = target_loc;
                self.name_op(n.id.as_str(), NameCtx::Load)?;
                self.unit.loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.unit.loc = target_loc;
                let result = self.name_op(n.id.as_str(), NameCtx::Store);
                self.unit.loc = stmt_loc;
                result
            }
            Expr::Attribute(at) => {
                let attr = self.mangled(at.attr.as_str());
                self.expr(&at.value)?;
                self.unit.loc = target_loc;
                self.emit(Opcode::COPY, 1);
                self.start_at_attr(at);
                self.emit_name(Opcode::LOAD_ATTR, &attr)?;
                self.unit.loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.unit.loc = target_loc;
                self.start_at_attr(at);
                self.emit(Opcode::SWAP, 2);
                let result = self.emit_name(Opcode::STORE_ATTR, &attr);
                self.unit.loc = stmt_loc;
                result
            }
            Expr::Subscript(s) => {
                self.unit.loc = target_loc;
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.unit.loc = stmt_loc;
                self.expr(&a.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.unit.loc = target_loc;
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
                self.unit.loc = stmt_loc;
                Ok(())
            }
            other => Err(self.src.syntax_error(
                other.start(),
                "'expression' is an illegal expression for augmented assignment",
            )),
        }
    }

    // ----- expressions ------------------------------------------------------------------

    /// Jumps to `target` when the truth of `e` equals `when`; falls through otherwise.
    fn jump_if(&mut self, e: &'a Expr, when: bool, target: Label) -> R {
        if let Expr::Compare(c) = e {
            // CPython 3.11 locates a tested comparison's jump, and what follows it in the
            // statement (an `assert`'s raise), at the comparison.
            self.set_loc(c.range());
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.jump_if(&u.operand, !when, target)
            }
            Expr::BoolOp(b) if !b.values.is_empty() => {
                let is_and = b.op == ast::BoolOp::And;
                // `a and b` jumps on false as soon as any operand is false; `a or b` jumps on
                // true as soon as any operand is true.
                if is_and != when {
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.label();
                    let (last, init) = b
                        .values
                        .split_last()
                        .ok_or_else(|| self.internal("empty boolean operation"))?;
                    for v in init {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            // Tested for truth directly, so a chain link or a branch's value is asked once.
            Expr::If(i) => {
                let orelse = self.label();
                let end = self.label();
                self.jump_if(&i.test, false, orelse)?;
                self.jump_if(&i.body, when, target)?;
                self.jump(Opcode::JUMP, end);
                self.bind(orelse);
                self.jump_if(&i.orelse, when, target)?;
                self.bind(end);
                Ok(())
            }
            Expr::Compare(c) if c.ops.len() > 1 && c.ops.len() == c.comparators.len() => {
                let n = c.ops.len();
                let cleanup = self.label();
                let end = self.label();
                self.expr(&c.left)?;
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(c.ops[i]);
                    self.jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&c.comparators[n - 1])?;
                self.compare_op(c.ops[n - 1]);
                let op = if when {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.jump(op, target);
                self.jump(Opcode::JUMP, end);
                self.bind(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !when {
                    self.jump(Opcode::JUMP, target);
                }
                self.bind(end);
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let op = if when {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.jump(op, target);
                Ok(())
            }
        }
    }

    fn expr(&mut self, e: &'a Expr) -> R {
        let saved_line = self.unit.loc;
        self.set_loc(e.range());
        let result = self.expr_inner(e);
        self.unit.loc = saved_line;
        result
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = consts::fold(e) {
            return self.load_const(c);
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.label();
                let op = match b.op {
                    ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
                    ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
                };
                let (last, init) = b
                    .values
                    .split_last()
                    .ok_or_else(|| self.internal("empty boolean operation"))?;
                for v in init {
                    self.expr(v)?;
                    self.jump(op, end);
                }
                self.expr(last)?;
                self.bind(end);
                Ok(())
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.store_target(&n.target)
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_op(b.op) as u32);
                Ok(())
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    ast::UnaryOp::Not => Opcode::UNARY_NOT,
                    ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Lambda(l) => {
                let flags = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                let scope = self.scope_of(l, l.start())?;
                let qualname = self.qualname_for("<lambda>", false);
                let line = self.src.line(l.start());
                let (code, freevars) = self.function_code(
                    scope,
                    "<lambda>",
                    qualname,
                    line,
                    l.parameters.as_deref(),
                    Body::Lambda(&l.body),
                )?;
                self.make_function(code, &freevars, flags, l.start())
            }
            Expr::If(i) => {
                let orelse = self.label();
                let end = self.label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Opcode::JUMP, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(d) => self.dict_display(d),
            Expr::Set(s) => self.collection(&s.elts, Collection::Set, s.start()),
            Expr::List(l) => self.collection(&l.elts, Collection::List, l.start()),
            Expr::Tuple(t) => self.collection(&t.elts, Collection::Tuple, t.start()),
            Expr::ListComp(c) => {
                self.comprehension(c, Collection::List, &c.generators, &c.elt, None, c.start())
            }
            Expr::SetComp(c) => {
                self.comprehension(c, Collection::Set, &c.generators, &c.elt, None, c.start())
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(
                    c,
                    Collection::Dict,
                    &c.generators,
                    k,
                    Some(&c.value),
                    c.start(),
                ),
                None => Err(self
                    .src
                    .unsupported(c.start(), "dict unpacking in a comprehension")),
            },
            Expr::Generator(g) => self.comprehension(
                g,
                Collection::Generator,
                &g.generators,
                &g.elt,
                None,
                g.start(),
            ),
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.await_top(0)
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None)?,
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.delegate()
            }
            Expr::Compare(c) => self.compare(c),
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f),
            Expr::TString(t) => Err(self.src.unsupported(t.start(), "t-strings")),
            Expr::StringLiteral(s) => {
                let wide = (!self.src.is_synthetic())
                    .then(|| crate::surrogates::wide_literal(self.src.source, s))
                    .flatten();
                match wide {
                    Some(b) => self.load_const(Constant::WideStr(b)),
                    None => self.load_const(Constant::Str(s.value.to_str().to_string())),
                }
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b
                    .value
                    .as_slice()
                    .iter()
                    .flat_map(|p| p.value.iter().copied())
                    .collect();
                self.load_const(Constant::Bytes(bytes))
            }
            Expr::NumberLiteral(n) => match consts::number(&n.value) {
                Some(c) => self.load_const(c),
                None => Err(self.internal("unfoldable number literal")),
            },
            Expr::BooleanLiteral(b) => self.load_const(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Constant::None),
            Expr::EllipsisLiteral(_) => self.load_const(Constant::Ellipsis),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_op(Opcode::LOAD_ATTR, a)
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::BINARY_SUBSCR, 0);
                Ok(())
            }
            Expr::Starred(s) => Err(self
                .src
                .syntax_error_over(s.range(), "can't use starred expression here")),
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Load),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Constant::None)?,
                    }
                }
                match &s.step {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(Opcode::BUILD_SLICE, 3);
                    }
                    None => self.emit(Opcode::BUILD_SLICE, 2),
                }
                Ok(())
            }
            Expr::IpyEscapeCommand(c) => {
                Err(self.src.unsupported(c.start(), "IPython escape command"))
            }
        }
    }

    /// An attribute instruction, located (as in CPython) at the attribute expression with
    /// its start moved to the attribute name when the expression spans lines.
    fn attr_op(&mut self, op: Opcode, a: &ast::ExprAttribute) -> R {
        let attr = self.mangled(a.attr.as_str());
        let saved = self.unit.loc;
        self.set_loc(a.range());
        self.start_at_attr(a);
        let result = self.emit_name(op, &attr);
        self.unit.loc = saved;
        result
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 0 || n != c.comparators.len() {
            return Err(self.internal("malformed comparison"));
        }
        if n == 1 {
            if matches!(c.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.container_operand(&c.comparators[0])?;
            } else {
                self.expr(&c.comparators[0])?;
            }
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.label();
        let end = self.label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.compare_op(c.ops[i]);
            self.jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.compare_op(c.ops[n - 1]);
        self.jump(Opcode::JUMP, end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        let (opcode, arg) = match op {
            Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
            NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
            Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
            LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
            Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
            GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
            Is => (Opcode::IS_OP, 0),
            IsNot => (Opcode::IS_OP, 1),
            In => (Opcode::CONTAINS_OP, 0),
            NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        let args = &c.arguments.args;
        let keywords = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if let Expr::Attribute(a) = c.func.as_ref() {
            if !has_star && keywords.is_empty() {
                self.expr(&a.value)?;
                let attr = self.mangled(a.attr.as_str());
                let call_loc = self.unit.loc;
                self.set_loc(a.range());
                self.start_at_attr(a);
                self.emit_name(Opcode::LOAD_METHOD, &attr)?;
                for arg in args.iter() {
                    self.expr(arg)?;
                }
                // CPython locates a method call at the call with its start moved to the
                // method name, so a failure in a chained call spanning lines points at the
                // right link.
                self.unit.loc = call_loc;
                self.start_at_attr(a);
                let result = self.emit_arg(Opcode::CALL_METHOD, args.len(), c.start());
                self.unit.loc = call_loc;
                return result;
            }
        }
        self.expr(&c.func)?;
        let call_loc = self.unit.loc;
        if let (Expr::Attribute(a), false) = (c.func.as_ref(), has_star) {
            // CPython compiles this as a method call too (with keywords).
            self.start_at_attr(a);
        }
        let result = self.call_args(args, keywords, 0, c.start());
        self.unit.loc = call_loc;
        result
    }

    /// Emits the arguments and the call; `leading` values already pushed above the callable
    /// count as the first positional arguments (the class body and name for classes).
    fn call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        leading: usize,
        at: TextSize,
    ) -> R {
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !has_star {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.ensure_line(at);
                return self.emit_arg(Opcode::CALL, leading + args.len(), at);
            }
            let mut names = Vec::with_capacity(keywords.len());
            for k in keywords {
                self.expr(&k.value)?;
                if let Some(name) = &k.arg {
                    names.push(Constant::Str(name.as_str().to_string()));
                }
            }
            self.ensure_line(at);
            self.load_const(Constant::Tuple(names))?;
            return self.emit_arg(Opcode::CALL_KW, leading + args.len() + keywords.len(), at);
        }
        // Positional arguments as one tuple.
        if leading > 0 {
            self.emit_arg(Opcode::BUILD_LIST, leading, at)?;
            for a in args {
                match a {
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Opcode::LIST_EXTEND, 1);
                    }
                    other => {
                        self.expr(other)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                }
            }
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        } else if args.is_empty() {
            self.load_const(Constant::Tuple(Vec::new()))?;
        } else if let [Expr::Starred(s)] = args {
            // A lone `*x` goes to the call as it is, which names the callee when `x` is
            // not iterable.
            self.expr(&s.value)?;
        } else {
            self.collection(args, Collection::Tuple, at)?;
        }
        let mut flags = 0;
        if !keywords.is_empty() {
            // Runs of named keywords become dicts merged like `**m`, so a name repeated
            // across them and an unpacked mapping is an error, as in CPython.
            let mut have_dict = false;
            let mut pending = 0usize;
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Constant::Str(name.as_str().to_string()))?;
                        self.expr(&k.value)?;
                        pending += 1;
                    }
                    None => {
                        if pending > 0 {
                            self.emit_arg(Opcode::BUILD_MAP, pending, at)?;
                            if have_dict {
                                self.emit(Opcode::DICT_MERGE, 1);
                            }
                            have_dict = true;
                            pending = 0;
                        }
                        if !have_dict {
                            self.emit(Opcode::BUILD_MAP, 0);
                            have_dict = true;
                        }
                        self.expr(&k.value)?;
                        self.emit(Opcode::DICT_MERGE, 1);
                    }
                }
            }
            if pending > 0 {
                self.emit_arg(Opcode::BUILD_MAP, pending, at)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
            flags = 1;
        }
        self.ensure_line(at);
        self.emit(Opcode::CALL_EX, flags);
        Ok(())
    }

    /// A list, tuple or set display, with `*iterable` items unpacked.
    fn collection(&mut self, elts: &'a [Expr], kind: Collection, at: TextSize) -> R {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let (build, extend, append) = match kind {
            Collection::Set => (Opcode::BUILD_SET, Opcode::SET_UPDATE, Opcode::SET_ADD),
            _ => (Opcode::BUILD_LIST, Opcode::LIST_EXTEND, Opcode::LIST_APPEND),
        };
        if !has_star {
            for e in elts {
                self.expr(e)?;
            }
            let build = if kind == Collection::Tuple {
                Opcode::BUILD_TUPLE
            } else {
                build
            };
            return self.emit_arg(build, elts.len(), at);
        }
        let mut pending = 0usize;
        let mut started = false;
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    if !started {
                        self.emit_arg(build, pending, at)?;
                        started = true;
                    }
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                other => {
                    self.expr(other)?;
                    if started {
                        self.emit(append, 1);
                    } else {
                        pending += 1;
                    }
                }
            }
        }
        if kind == Collection::Tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> R {
        let mut pending = 0usize;
        let mut started = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    if started {
                        self.emit(Opcode::MAP_ADD, 1);
                    } else {
                        pending += 1;
                    }
                }
                None => {
                    if !started {
                        self.emit_arg(Opcode::BUILD_MAP, pending, d.start())?;
                        started = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
            }
        }
        if !started {
            self.emit_arg(Opcode::BUILD_MAP, pending, d.start())?;
        }
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        kind: Collection,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        at: TextSize,
    ) -> R {
        let Some(first) = generators.first() else {
            return Err(self.internal("comprehension without a for clause"));
        };
        let name = match kind {
            Collection::List => "<listcomp>",
            Collection::Set => "<setcomp>",
            Collection::Dict => "<dictcomp>",
            _ => "<genexpr>",
        };
        let scope = self.scope_of(node, at)?;
        let awaited = self.table.scopes[scope].is_coroutine && kind != Collection::Generator;
        if awaited && !self.in_async_context() {
            return Err(self.src.syntax_error(
                at,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        let qualname = self.qualname_for(name, false);
        let line = self.src.line(at);
        self.enter_unit(scope, name, &qualname, line);
        self.unit.argcount = 1;
        match kind {
            Collection::List => self.emit(Opcode::BUILD_LIST, 0),
            Collection::Set => self.emit(Opcode::BUILD_SET, 0),
            Collection::Dict => self.emit(Opcode::BUILD_MAP, 0),
            _ => {}
        }
        self.comprehension_loop(kind, generators, 0, elt, value)?;
        if kind == Collection::Generator {
            self.load_const(Constant::None)?;
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let unit = self.leave_unit()?;
        let freevars = unit.freevars.clone();
        let code = self.finish(unit)?;
        self.make_function(code, &freevars, 0, at)?;
        // CPython folds a constant list into a tuple here even for `async for` (the error
        // then names a tuple).
        self.container_operand(&first.iter)?;
        if first.is_async {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        self.ensure_line(at);
        self.emit(Opcode::CALL, 1);
        if awaited {
            self.await_top(0)?;
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: Collection,
        generators: &'a [ast::Comprehension],
        index: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let g = &generators[index];
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else if g.is_async {
            self.container_operand(&g.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.container_operand(&g.iter)?;
            self.emit(Opcode::GET_ITER, 0);
        }
        let top = self.label();
        let end = self.label();
        self.bind(top);
        if g.is_async {
            // Below the iterators: the collection being built (none for a generator).
            let depth = u32::from(kind != Collection::Generator) + index as u32 + 1;
            self.async_next(end, depth)?;
        } else {
            self.jump(Opcode::FOR_ITER, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(kind, generators, index + 1, elt, value)?;
        } else {
            let depth = (generators.len() + 1) as u32;
            match kind {
                Collection::List => {
                    self.expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth);
                }
                Collection::Set => {
                    self.expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth);
                }
                Collection::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Opcode::MAP_ADD, depth);
                }
                _ => {
                    self.expr(elt)?;
                    self.emit(Opcode::YIELD_VALUE, 0);
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
        }
        self.jump(Opcode::JUMP, top);
        self.bind(end);
        if g.is_async {
            self.emit(Opcode::END_ASYNC_FOR, 0);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut literal = String::new();
        let mut pieces = 0usize;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => literal.push_str(&s.value),
                ast::FStringPart::FString(fs) => {
                    self.check_fstring_311(&fs.elements, fs.flags)?;
                    self.fstring_elements(&fs.elements, &mut literal, &mut pieces)?
                }
            }
        }
        self.flush_literal(&mut literal, &mut pieces)?;
        match pieces {
            0 => self.load_const(Constant::Str(String::new())),
            1 => Ok(()),
            n => self.emit_arg(Opcode::BUILD_STRING, n, f.start()),
        }
    }

    /// What CPython 3.11's f-string tokenizer refuses in a replacement field's expression
    /// (the parser here takes 3.12's grammar): a backslash, and the f-string's own quote
    /// inside a string that is not triple-quoted.
    fn check_fstring_311(
        &self,
        elements: &'a ast::InterpolatedStringElements,
        flags: ast::FStringFlags,
    ) -> R {
        use ast::StringFlags;
        for el in elements.iter() {
            let ast::InterpolatedStringElement::Interpolation(i) = el else {
                continue;
            };
            let text = self
                .src
                .source
                .get(i.expression.range().to_std_range())
                .unwrap_or("");
            let quote = flags.quote_str();
            let message = if text.contains('\\') {
                Some("f-string expression part cannot include a backslash")
            } else if !flags.is_triple_quoted() && text.contains(quote) {
                Some("f-string: expecting '}'")
            } else {
                None
            };
            if let Some(m) = message {
                return Err(self.src.syntax_error_over(i.expression.range(), m));
            }
            if let Some(spec) = &i.format_spec {
                self.check_fstring_311(&spec.elements, flags)?;
            }
        }
        Ok(())
    }

    fn flush_literal(&mut self, literal: &mut String, pieces: &mut usize) -> R {
        if !literal.is_empty() {
            self.load_const(Constant::Str(std::mem::take(literal)))?;
            *pieces += 1;
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        literal: &mut String,
        pieces: &mut usize,
    ) -> R {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => literal.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = i.conversion;
                    if let Some(debug) = &i.debug_text {
                        literal.push_str(debug.leading());
                        literal.push_str(debug.expression());
                        literal.push_str(debug.trailing());
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    self.flush_literal(literal, pieces)?;
                    self.expr(&i.expression)?;
                    let mut flags = match conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(spec) = &i.format_spec {
                        let mut spec_literal = String::new();
                        let mut spec_pieces = 0usize;
                        self.fstring_elements(&spec.elements, &mut spec_literal, &mut spec_pieces)?;
                        self.flush_literal(&mut spec_literal, &mut spec_pieces)?;
                        match spec_pieces {
                            0 => self.load_const(Constant::Str(String::new()))?,
                            1 => {}
                            n => self.emit_arg(Opcode::BUILD_STRING, n, spec.start())?,
                        }
                        flags |= 4;
                    }
                    self.emit(Opcode::FORMAT_VALUE, flags);
                    *pieces += 1;
                }
            }
        }
        Ok(())
    }
}

/// A location with a line and no columns.
fn line_only(line: u32) -> Position {
    Position {
        line,
        end_line: line,
        col: None,
        end_col: None,
    }
}

fn binary_op(op: ast::Operator) -> BinaryOp {
    use ast::Operator::*;
    match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Sub,
        Mult => BinaryOp::Mul,
        MatMult => BinaryOp::MatMul,
        Div => BinaryOp::TrueDiv,
        Mod => BinaryOp::Mod,
        Pow => BinaryOp::Pow,
        LShift => BinaryOp::LShift,
        RShift => BinaryOp::RShift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDiv,
    }
}
