//! The symbol table: which names each scope binds, uses and declares, and how every name
//! resolves (fast local, cell, free variable, global), computed as CPython's `symtable.c`
//! does so that `co_varnames`, `co_cellvars`, `co_freevars` and the name instructions match.
//!
//! It is also where constructs outside the supported subset are rejected: the pass visits
//! every node once, in source order, before any code is generated.

use crate::error::{CompileError, SourceMap};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Index of a scope in [`ScopeTable::scopes`].
pub type ScopeId = usize;

/// What kind of block a scope is; comprehensions and lambdas are function blocks in CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes use fast locals and can own cells.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Bit flags describing how a name occurs in one scope (CPython's `DEF_*`).
pub mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const IMPORT: u32 = 32;
    pub const ANNOT: u32 = 64;
    /// A class-scope name that a method also uses as a free variable of an enclosing function.
    pub const FREE_CLASS: u32 = 128;
    /// The target of a comprehension's `for` (which `:=` may not rebind).
    pub const COMP_ITER: u32 = 256;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub resolution: Resolution,
    /// Where a `nonlocal` declaration of the name sits, for error positions.
    pub declared_at: Option<TextSize>,
}

/// One scope: its symbols (sorted by name), parameters and properties.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: BTreeMap<String, Symbol>,
    /// Parameter names in CPython's `co_varnames` order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    /// An `async def`, or a comprehension with `async for` or `await` (CPython's
    /// `ste_coroutine`): with `is_generator`, an async generator, else a coroutine.
    pub is_coroutine: bool,
    /// An `async def` body (where `await`, `async for` and `async with` may appear).
    pub is_async_def: bool,
    /// Defined inside a function (directly or through classes): `CO_NESTED`.
    pub nested: bool,
    /// A class whose methods use `super()` or `__class__`: the body creates a `__class__` cell.
    pub needs_class_closure: bool,
    /// Name of the innermost enclosing class, for private-name mangling.
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, nested: bool, private: Option<String>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            symbols: BTreeMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            nested,
            needs_class_closure: false,
            private,
        }
    }

    /// How `name` (already mangled) resolves here; unknown names are implicit globals.
    pub fn resolve(&self, name: &str) -> Resolution {
        self.symbols
            .get(name)
            .map(|s| s.resolution)
            .unwrap_or(Resolution::GlobalImplicit)
    }

    /// `co_cellvars` in CPython 3.11's order: cells that are also arguments first, in
    /// argument order (they share the argument's slot there), then the others sorted.
    pub fn cellvars(&self) -> Vec<String> {
        if self.kind == ScopeKind::Class {
            return if self.needs_class_closure {
                vec!["__class__".to_string()]
            } else {
                Vec::new()
            };
        }
        let is_cell = |n: &str| {
            self.symbols
                .get(n)
                .is_some_and(|s| s.resolution == Resolution::Cell)
        };
        let mut cells: Vec<String> = self.params.iter().filter(|p| is_cell(p)).cloned().collect();
        cells.extend(
            self.symbols
                .iter()
                .filter(|(n, s)| s.resolution == Resolution::Cell && !self.params.contains(n))
                .map(|(n, _)| n.clone()),
        );
        cells
    }

    /// `co_freevars`: sorted.
    pub fn freevars(&self) -> Vec<String> {
        self.symbols
            .iter()
            .filter(|(_, s)| {
                s.resolution == Resolution::Free
                    || (self.kind == ScopeKind::Class && s.flags & def::FREE_CLASS != 0)
            })
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// Every scope of one module, with a lookup from AST node to scope.
pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    /// `from __future__ import annotations`: annotations are kept as strings, unevaluated.
    pub future_annotations: bool,
}

/// Whether the module's leading future imports (after an optional docstring) include
/// `annotations`.
pub fn future_annotations(body: &[Stmt]) -> bool {
    let skip = usize::from(matches!(body.first(), Some(Stmt::Expr(e))
        if matches!(&*e.value, Expr::StringLiteral(_))));
    for s in body.iter().skip(skip) {
        let Stmt::ImportFrom(i) = s else { break };
        if i.level != 0 || i.module.as_ref().map(|m| m.as_str()) != Some("__future__") {
            break;
        }
        if i.names.iter().any(|a| a.name.as_str() == "annotations") {
            return true;
        }
    }
    false
}

impl ScopeTable {
    /// The scope a function, class, lambda or comprehension node opens.
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

/// Identity of an AST node: its address. The AST is borrowed, never moved, between the
/// symbol-table pass and code generation, so the address is stable and unique.
fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private-name mangling: `__x` inside `class C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class_name) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds the symbol table of a module and resolves every name.
pub fn build(src: &SourceMap<'_>, body: &[Stmt]) -> Result<ScopeTable, CompileError> {
    let future = future_annotations(body);
    let mut builder = Builder {
        src,
        future_annotations: future,
        depth: 0,
        in_comprehension_target: false,
        scopes: vec![Scope::new(ScopeKind::Module, "top", false, None)],
        by_node: HashMap::new(),
        stack: vec![0],
    };
    for stmt in body {
        builder.visit_stmt(stmt)?;
    }
    let mut table = ScopeTable {
        scopes: builder.scopes,
        by_node: builder.by_node,
        future_annotations: future,
    };
    let mut free = HashSet::new();
    analyze_block(
        &mut table.scopes,
        0,
        &HashSet::new(),
        &mut free,
        &HashSet::new(),
    )
    .map_err(|(offset, msg)| src.syntax_error(offset, msg))?;
    Ok(table)
}

/// How deeply statements and expressions may nest. Code generation recurses along the
/// tree, so this bounds its stack use; CPython's own limit is of the same order.
const MAX_NESTING: u32 = 1000;

/// What `RecursionError` says when code nests past [`MAX_NESTING`].
pub const COMPILER_DEPTH_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

struct Builder<'s, 'a> {
    src: &'s SourceMap<'a>,
    /// Annotations are strings: their names are no uses.
    future_annotations: bool,
    depth: u32,
    /// Visiting the target of a comprehension's `for`.
    in_comprehension_target: bool,
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
}

impl Builder<'_, '_> {
    fn cur(&self) -> ScopeId {
        // The module scope is pushed first and never popped.
        *self.stack.last().unwrap_or(&0)
    }

    fn scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.scopes[self.cur()].private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32) {
        let name = self.mangled(name);
        let scope = self.scope();
        let sym = scope.symbols.entry(name).or_insert(Symbol {
            flags: 0,
            resolution: Resolution::GlobalImplicit,
            declared_at: None,
        });
        sym.flags |= flag;
    }

    fn flags_of(&self, name: &str) -> u32 {
        let name = self.mangled(name);
        self.scopes[self.cur()]
            .symbols
            .get(&name)
            .map(|s| s.flags)
            .unwrap_or(0)
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str) {
        let parent = self.cur();
        let pscope = &self.scopes[parent];
        let nested = pscope.nested || pscope.kind.is_function_like();
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            pscope.private.clone()
        };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, nested, private));
        self.scopes[parent].children.push(id);
        self.by_node.insert(node_key(node), id);
        self.stack.push(id);
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn unsupported(&self, at: TextSize, what: &str) -> CompileError {
        self.src.unsupported(at, what)
    }

    fn syntax(&self, at: TextSize, msg: impl std::fmt::Display) -> CompileError {
        self.src.syntax_error(at, msg)
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_params(&mut self, params: &ast::Parameters) -> Result<(), CompileError> {
        let mut seen = HashSet::new();
        // CPython's order: positional-only, positional, keyword-only, *args, **kwargs.
        let ordered: Vec<&ast::Parameter> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwarg.as_deref())
            .collect();
        for p in ordered {
            if p.name.as_str() == "__debug__" {
                return Err(self.syntax(p.name.range.start(), "cannot assign to __debug__"));
            }
            let name = self.mangled(p.name.as_str());
            if !seen.insert(name.clone()) {
                return Err(self.syntax(
                    p.name.range.start(),
                    format!(
                        "duplicate argument '{}' in function definition",
                        p.name.as_str()
                    ),
                ));
            }
            self.add_def(p.name.as_str(), def::PARAM);
            self.scope().params.push(name);
        }
        Ok(())
    }

    fn visit_defaults(&mut self, params: &ast::Parameters) -> Result<(), CompileError> {
        for p in params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
        {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    /// A def's annotations are evaluated where the def runs (unless they are strings).
    fn visit_annotations(
        &mut self,
        params: &ast::Parameters,
        returns: Option<&Expr>,
    ) -> Result<(), CompileError> {
        if self.future_annotations {
            return Ok(());
        }
        let all = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .chain(params.kwonlyargs.iter())
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwarg.as_deref());
        for p in all {
            if let Some(a) = &p.annotation {
                self.visit_expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        self.nest(stmt.start())?;
        let result = self.visit_stmt_inner(stmt);
        self.depth -= 1;
        result
    }

    fn nest(&mut self, at: TextSize) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            // CPython's compiler gives up at a depth of the same order, in these words.
            return Err(self.syntax(at, COMPILER_DEPTH_MESSAGE));
        }
        Ok(())
    }

    fn visit_stmt_inner(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        match stmt {
            Stmt::FunctionDef(f) => {
                if f.type_params.is_some() {
                    return Err(self.unsupported(f.range.start(), "type parameters"));
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.visit_defaults(&f.parameters)?;
                self.visit_annotations(&f.parameters, f.returns.as_deref())?;
                self.add_def(f.name.as_str(), def::LOCAL);
                self.enter(f, ScopeKind::Function, f.name.as_str());
                self.scope().is_coroutine = f.is_async;
                self.scope().is_async_def = f.is_async;
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(self.unsupported(c.range.start(), "type parameters"));
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    self.check_keywords(&args.keywords)?;
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                self.add_def(c.name.as_str(), def::LOCAL);
                self.enter(c, ScopeKind::Class, c.name.as_str());
                self.visit_body(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.unsupported(t.range.start(), "type aliases")),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.value)?;
                self.visit_expr(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
                match a.target.as_ref() {
                    Expr::Name(n) => {
                        let flags = self.flags_of(n.id.as_str());
                        if flags & (def::GLOBAL | def::NONLOCAL) != 0 && a.simple {
                            let kind = if flags & def::GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            return Err(self.syntax(
                                n.range.start(),
                                format!("annotated name '{}' can't be {kind}", n.id.as_str()),
                            ));
                        }
                        // A parenthesized name (`(x): int`) is no declaration: it binds only
                        // when assigned.
                        if a.simple {
                            self.add_def(n.id.as_str(), def::LOCAL | def::ANNOT);
                        } else if a.value.is_some() {
                            self.add_def(n.id.as_str(), def::LOCAL);
                        }
                    }
                    other => self.visit_expr(other)?,
                }
                if !self.future_annotations {
                    self.visit_expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    self.check_async_stmt(f.range.start(), "'async for' outside async function")?;
                }
                self.visit_expr(&f.iter)?;
                self.visit_expr(&f.target)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async_stmt(w.range.start(), "'async with' outside async function")?;
                }
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                let count = t.handlers.len();
                for (i, h) in t.handlers.iter().enumerate() {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    match &h.type_ {
                        Some(ty) => self.visit_expr(ty)?,
                        None if i + 1 < count => {
                            return Err(
                                self.syntax(h.range.start(), "default 'except:' must be last")
                            );
                        }
                        None => {}
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name.as_str(), def::LOCAL);
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        // `import a.b.c` binds `a`.
                        None => alias.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.add_def(bound, def::IMPORT);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(self
                                .syntax(i.range.start(), "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(bound.as_str(), def::IMPORT);
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let flags = self.flags_of(name.as_str());
                    let n = name.as_str();
                    let msg = if flags & def::PARAM != 0 {
                        Some(format!("name '{n}' is parameter and global"))
                    } else if flags & def::NONLOCAL != 0 {
                        Some(format!("name '{n}' is nonlocal and global"))
                    } else if flags & def::ANNOT != 0 {
                        Some(format!("annotated name '{n}' can't be global"))
                    } else if flags & (def::LOCAL | def::IMPORT) != 0 {
                        Some(format!(
                            "name '{n}' is assigned to before global declaration"
                        ))
                    } else if flags & def::USE != 0 {
                        Some(format!("name '{n}' is used prior to global declaration"))
                    } else {
                        None
                    };
                    if let Some(msg) = msg {
                        return Err(self.syntax(g.range.start(), msg));
                    }
                    self.add_def(n, def::GLOBAL);
                }
            }
            Stmt::Nonlocal(nl) => {
                if self.scopes[self.cur()].kind == ScopeKind::Module {
                    return Err(self.syntax(
                        nl.range.start(),
                        "nonlocal declaration not allowed at module level",
                    ));
                }
                for name in &nl.names {
                    let flags = self.flags_of(name.as_str());
                    let n = name.as_str();
                    let msg = if flags & def::PARAM != 0 {
                        Some(format!("name '{n}' is parameter and nonlocal"))
                    } else if flags & def::GLOBAL != 0 {
                        Some(format!("name '{n}' is nonlocal and global"))
                    } else if flags & def::ANNOT != 0 {
                        Some(format!("annotated name '{n}' can't be nonlocal"))
                    } else if flags & (def::LOCAL | def::IMPORT) != 0 {
                        Some(format!(
                            "name '{n}' is assigned to before nonlocal declaration"
                        ))
                    } else if flags & def::USE != 0 {
                        Some(format!("name '{n}' is used prior to nonlocal declaration"))
                    } else {
                        None
                    };
                    if let Some(msg) = msg {
                        return Err(self.syntax(nl.range.start(), msg));
                    }
                    self.add_def(n, def::NONLOCAL);
                    let key = self.mangled(n);
                    if let Some(sym) = self.scope().symbols.get_mut(&key) {
                        sym.declared_at = Some(nl.range.start());
                    }
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => {
                return Err(self.unsupported(c.range.start(), "IPython escape command"))
            }
        }
        Ok(())
    }

    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) -> Result<(), CompileError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.visit_expr(&first.iter)?;
        self.enter(node, ScopeKind::Comprehension, name);
        self.scope().is_generator = is_generator;
        self.scope().is_coroutine = generators.iter().any(|g| g.is_async);
        self.add_def(".0", def::PARAM);
        self.scope().params.push(".0".to_string());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter)?;
            }
            self.in_comprehension_target = true;
            let visited = self.visit_expr(&g.target);
            self.in_comprehension_target = false;
            visited?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        // An async comprehension other than a generator expression is awaited where it is
        // evaluated, which makes the enclosing scope a coroutine too.
        let awaited = self.scope().is_coroutine && !is_generator;
        self.leave();
        if awaited {
            self.scope().is_coroutine = true;
        }
        Ok(())
    }

    fn visit_interpolations(
        &mut self,
        elements: &ast::InterpolatedStringElements,
    ) -> Result<(), CompileError> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_interpolations(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// A pattern's captures are local bindings; its value, key and class expressions are loads.
    fn visit_pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        self.nest(p.start())?;
        let result = match p {
            P::MatchValue(v) => self.visit_expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.visit_expr(k)?;
                }
                for p in &m.patterns {
                    self.visit_pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), def::LOCAL);
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
                Ok(())
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.as_str(), def::LOCAL);
                }
                Ok(())
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n.as_str(), def::LOCAL);
                }
                Ok(())
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        };
        self.depth -= 1;
        result
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), CompileError> {
        self.nest(expr.start())?;
        let result = self.visit_expr_inner(expr);
        self.depth -= 1;
        result
    }

    fn visit_expr_inner(&mut self, expr: &Expr) -> Result<(), CompileError> {
        match expr {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                match n.target.as_ref() {
                    Expr::Name(target)
                        if self.scopes[self.cur()].kind == ScopeKind::Comprehension =>
                    {
                        self.bind_named_in_comprehension(target.id.as_str(), n.range.start())?
                    }
                    other => self.visit_expr(other)?,
                }
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(l, ScopeKind::Lambda, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for e in &s.elts {
                    self.visit_expr(e)?;
                }
            }
            Expr::ListComp(c) => {
                self.visit_comprehension(c, "<listcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(c, "<setcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(
                        self.unsupported(c.range.start(), "dict unpacking in a comprehension")
                    );
                };
                self.visit_comprehension(c, "<dictcomp>", &c.generators, &[key, &c.value], false)?
            }
            Expr::Generator(g) => {
                self.visit_comprehension(g, "<genexpr>", &g.generators, &[&g.elt], true)?
            }
            Expr::Await(a) => {
                let scope = &self.scopes[self.cur()];
                if !scope.kind.is_function_like() {
                    return Err(self.syntax(a.range.start(), "'await' outside function"));
                }
                if !scope.is_async_def && scope.kind != ScopeKind::Comprehension {
                    return Err(self.syntax(a.range.start(), "'await' outside async function"));
                }
                self.visit_expr(&a.value)?;
                self.scope().is_coroutine = true;
            }
            Expr::Yield(y) => {
                self.mark_generator(y.range.start())?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.mark_generator(y.range.start())?;
                if self.scopes[self.cur()].is_async_def {
                    return Err(self.syntax(y.range.start(), "'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for e in c.comparators.iter() {
                    self.visit_expr(e)?;
                }
            }
            Expr::Call(c) => {
                self.check_keywords(&c.arguments.keywords)?;
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::FString(fs) => {
                            if !fs.flags.prefix().is_raw() {
                                self.check_surrogates(fs.range)?;
                            }
                            self.visit_interpolations(&fs.elements)?;
                        }
                        ast::FStringPart::Literal(l) => {
                            if !l.flags.prefix().is_raw() {
                                self.check_surrogates(l.range)?;
                            }
                        }
                    }
                }
            }
            Expr::TString(t) => return Err(self.unsupported(t.range.start(), "t-strings")),
            // Rebuilt from the source by the code generator (`surrogates.rs`).
            Expr::StringLiteral(_) => {}
            Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::NumberLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let name = n.id.as_str();
                match n.ctx {
                    ExprContext::Load => {
                        self.add_def(name, def::USE);
                        if name == "super" && self.scopes[self.cur()].kind.is_function_like() {
                            // Zero-argument super() needs the class cell, as in CPython.
                            self.add_def("__class__", def::USE);
                        }
                    }
                    ExprContext::Store if self.in_comprehension_target => {
                        self.add_def(name, def::LOCAL | def::COMP_ITER)
                    }
                    ExprContext::Store | ExprContext::Del if name == "__debug__" => {
                        let verb = if n.ctx == ExprContext::Del {
                            "delete"
                        } else {
                            "assign to"
                        };
                        return Err(
                            self.syntax(n.range.start(), format!("cannot {verb} __debug__"))
                        );
                    }
                    ExprContext::Store | ExprContext::Del => self.add_def(name, def::LOCAL),
                    ExprContext::Invalid => {
                        return Err(self.syntax(n.range.start(), "invalid syntax"));
                    }
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.visit_expr(e)?;
                }
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.visit_expr(e)?;
                }
            }
            Expr::Slice(s) => {
                for e in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(e)?;
                }
            }
            Expr::IpyEscapeCommand(c) => {
                return Err(self.unsupported(c.range.start(), "IPython escape command"))
            }
        }
        Ok(())
    }

    /// `(name := value)` inside a comprehension binds `name` in the nearest enclosing
    /// function (as a nonlocal of the comprehension) or module (as a global), as CPython's
    /// `symtable_extend_namedexpr_scope` does.
    fn bind_named_in_comprehension(
        &mut self,
        name: &str,
        at: TextSize,
    ) -> Result<(), CompileError> {
        let mangled = self.mangled(name);
        for &id in self.stack.iter().rev() {
            let scope = &self.scopes[id];
            let flags = scope.symbols.get(&mangled).map_or(0, |s| s.flags);
            match scope.kind {
                ScopeKind::Comprehension => {
                    if flags & def::COMP_ITER != 0 {
                        return Err(self.syntax(
                            at,
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{name}'"
                            ),
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let in_comprehension = if flags & def::GLOBAL != 0 {
                        def::GLOBAL
                    } else {
                        def::NONLOCAL
                    };
                    self.add_def(name, in_comprehension);
                    let sym = self.scopes[id].symbols.entry(mangled).or_insert(Symbol {
                        flags: 0,
                        resolution: Resolution::GlobalImplicit,
                        declared_at: None,
                    });
                    sym.flags |= def::LOCAL;
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL);
                    let sym = self.scopes[id].symbols.entry(mangled).or_insert(Symbol {
                        flags: 0,
                        resolution: Resolution::GlobalImplicit,
                        declared_at: None,
                    });
                    sym.flags |= def::GLOBAL;
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(self.syntax(
                        at,
                        "assignment expression within a comprehension cannot be used in a class body",
                    ));
                }
            }
        }
        Ok(())
    }

    /// A lone surrogate in an f-string's literal text (`f"\ud800{x}"`) is not rebuilt from the
    /// source as plain literals are (`surrogates.rs`); the parser would silently replace it, so
    /// it is rejected instead.
    fn check_surrogates(&self, range: TextRange) -> Result<(), CompileError> {
        let Some(text) = self
            .src
            .source
            .get(range.start().to_usize()..range.end().to_usize())
        else {
            return Ok(());
        };
        if let Some(at) = crate::surrogates::surrogate_escape_at(text) {
            return Err(self.unsupported(
                range.start() + TextSize::try_from(at).unwrap_or_default(),
                "lone surrogate in a string literal",
            ));
        }
        Ok(())
    }

    /// A keyword given twice in one call is a SyntaxError in CPython.
    fn check_keywords(&self, keywords: &[ast::Keyword]) -> Result<(), CompileError> {
        let mut seen = HashSet::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return Err(self.syntax(
                        k.range.start(),
                        format!("keyword argument repeated: {}", name.as_str()),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `async for` and `async with` only appear in `async def` bodies.
    fn check_async_stmt(&self, at: TextSize, msg: &str) -> Result<(), CompileError> {
        if self.scopes[self.cur()].is_async_def {
            Ok(())
        } else {
            Err(self.syntax(at, msg))
        }
    }

    fn mark_generator(&mut self, at: TextSize) -> Result<(), CompileError> {
        let scope = &self.scopes[self.cur()];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.syntax(at, "'yield' outside function"))
            }
            ScopeKind::Comprehension => {
                let what = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.syntax(at, format!("'yield' inside {what}")))
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                self.scope().is_generator = true;
                Ok(())
            }
        }
    }
}

type AnalyzeError = (TextSize, String);

/// CPython's `analyze_block`: resolves the names of `id` and its children. `bound` holds
/// names bound by enclosing function scopes, `global` names known global; names free in this
/// block (and its children) are added to `free`.
fn analyze_block(
    scopes: &mut [Scope],
    id: ScopeId,
    bound: &HashSet<String>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> Result<(), AnalyzeError> {
    let kind = scopes[id].kind;
    let mut local = HashSet::new();
    let mut resolved: HashMap<String, Resolution> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    // The sets analyze_name may update belong to this block's view of its parent.
    let mut bound = bound.clone();
    let mut global = global.clone();

    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        newbound.extend(bound.iter().cloned());
    }
    let names: Vec<(String, u32, Option<TextSize>)> = scopes[id]
        .symbols
        .iter()
        .map(|(n, s)| (n.clone(), s.flags, s.declared_at))
        .collect();
    for (name, flags, declared_at) in names {
        let res = if flags & def::GLOBAL != 0 {
            global.insert(name.clone());
            bound.remove(&name);
            Resolution::GlobalExplicit
        } else if flags & def::NONLOCAL != 0 {
            if !bound.contains(&name) {
                return Err((
                    declared_at.unwrap_or_default(),
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            free.insert(name.clone());
            Resolution::Free
        } else if flags & def::BOUND != 0 {
            local.insert(name.clone());
            global.remove(&name);
            Resolution::Local
        } else if bound.contains(&name) {
            free.insert(name.clone());
            Resolution::Free
        } else {
            Resolution::GlobalImplicit
        };
        resolved.insert(name, res);
    }
    if kind != ScopeKind::Class {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        newbound.extend(bound.iter().cloned());
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let children = scopes[id].children.clone();
    for child in children {
        let mut child_free = HashSet::new();
        analyze_block(scopes, child, &newbound, &mut child_free, &newglobal)?;
        newfree.extend(child_free);
    }

    if kind.is_function_like() {
        for (name, res) in resolved.iter_mut() {
            if *res == Resolution::Local && newfree.remove(name) {
                *res = Resolution::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        scopes[id].needs_class_closure = true;
    }

    let scope = &mut scopes[id];
    for (name, sym) in scope.symbols.iter_mut() {
        if let Some(res) = resolved.get(name) {
            sym.resolution = *res;
        }
    }
    for name in newfree.iter() {
        if let Some(sym) = scope.symbols.get_mut(name) {
            if kind == ScopeKind::Class && sym.flags & (def::BOUND | def::GLOBAL) != 0 {
                sym.flags |= def::FREE_CLASS;
            }
            continue;
        }
        if !bound.contains(name) {
            continue;
        }
        scope.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                resolution: Resolution::Free,
                declared_at: None,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}
