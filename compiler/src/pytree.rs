//! Source to CPython 3.11's abstract syntax tree (`ast.parse`, `compile(..., PyCF_ONLY_AST)`):
//! the parsed ruff tree re-shaped into `_ast`'s node classes and fields, with CPython's
//! positions (1-based lines, columns in UTF-8 bytes). The interpreter turns the neutral
//! [`TreeNode`]s into node objects.

use crate::consts;
use crate::error::{CompileError, SourceMap};
use crate::DynamicMode;
use permafrost_image::Constant;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A field's value.
#[derive(Debug)]
pub enum TreeValue {
    /// A node (an instance of the `_ast` class named by `TreeNode::class`).
    Node(Box<TreeNode>),
    /// A list of values (`stmt*`, `identifier*` ...).
    List(Vec<TreeValue>),
    /// A constant: `None`, an identifier or string, a number, bytes, `...`.
    Const(Constant),
}

/// One node: its `_ast` class, its fields in `_fields` order and, for classes with
/// `_attributes`, `(lineno, col_offset, end_lineno, end_col_offset)`.
#[derive(Debug)]
pub struct TreeNode {
    /// The `_ast` class name.
    pub class: &'static str,
    /// `(field name, value)` in the class's `_fields` order.
    pub fields: Vec<(&'static str, TreeValue)>,
    /// `(lineno, col_offset, end_lineno, end_col_offset)`, for classes with `_attributes`.
    pub pos: Option<[u32; 4]>,
}

/// Nesting beyond this is refused, so nothing walking the tree recurses without bound.
const MAX_DEPTH: usize = 2000;

/// Parses `source` as `mode` says and builds its tree (`Module`, `Expression`,
/// `Interactive`).
pub fn parse_tree(
    source: &str,
    filename: &str,
    mode: DynamicMode,
) -> Result<TreeNode, CompileError> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("permafrost-compiler".into())
            .stack_size(crate::COMPILER_STACK)
            .spawn_scoped(scope, || parse_tree_here(source, filename, mode));
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => parse_tree_here(source, filename, mode),
        }
    })
}

fn parse_tree_here(
    source: &str,
    filename: &str,
    mode: DynamicMode,
) -> Result<TreeNode, CompileError> {
    let src = SourceMap::new(filename, source);
    let b = Builder::new(&src);
    match mode {
        DynamicMode::Exec | DynamicMode::Single => {
            let parsed = ruff_python_parser::parse_module(source)
                .map_err(|e| src.syntax_error(e.range().start(), &e.error))?;
            let body = b.stmts(parsed.suite(), 0)?;
            Ok(if mode == DynamicMode::Exec {
                node(
                    "Module",
                    vec![("body", body), ("type_ignores", TreeValue::List(vec![]))],
                    None,
                )
            } else {
                node("Interactive", vec![("body", body)], None)
            })
        }
        DynamicMode::Eval => {
            let parsed = ruff_python_parser::parse_expression(source)
                .map_err(|e| src.syntax_error(e.range().start(), &e.error))?;
            let body = b.expr(parsed.expr(), 0)?;
            Ok(node("Expression", vec![("body", body)], None))
        }
    }
}

fn node(
    class: &'static str,
    fields: Vec<(&'static str, TreeValue)>,
    pos: Option<[u32; 4]>,
) -> TreeNode {
    TreeNode { class, fields, pos }
}

fn none() -> TreeValue {
    TreeValue::Const(Constant::None)
}

fn string(s: &str) -> TreeValue {
    TreeValue::Const(Constant::Str(s.to_string()))
}

fn int(i: i64) -> TreeValue {
    TreeValue::Const(Constant::Int(i))
}

/// A node without fields or position (`Load()`, `Add()`).
fn leaf(class: &'static str) -> TreeValue {
    TreeValue::Node(Box::new(node(class, vec![], None)))
}

type R = Result<TreeValue, CompileError>;

struct Builder<'s> {
    src: &'s SourceMap<'s>,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
}

impl<'s> Builder<'s> {
    fn new(src: &'s SourceMap<'s>) -> Self {
        let bytes = src.source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Builder { src, line_starts }
    }

    /// 1-based line and byte column of `offset`.
    fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = offset.to_usize().min(self.src.source.len());
        let line = self.line_starts.partition_point(|&s| s <= off).max(1);
        let col = off - self.line_starts[line - 1];
        (line as u32, col as u32)
    }

    fn pos_of(&self, start: TextSize, end: TextSize) -> Option<[u32; 4]> {
        let (l, c) = self.line_col(start);
        let (el, ec) = self.line_col(end);
        Some([l, c, el, ec])
    }

    fn pos(&self, r: TextRange) -> Option<[u32; 4]> {
        self.pos_of(r.start(), r.end())
    }

    fn deep(&self, depth: usize, at: TextSize) -> Result<usize, CompileError> {
        if depth > MAX_DEPTH {
            return Err(self.src.error(
                at,
                "RecursionError: maximum recursion depth exceeded during ast construction",
            ));
        }
        Ok(depth + 1)
    }

    fn unsupported(&self, at: TextSize, what: &str) -> CompileError {
        self.src.unsupported(at, format!("{what} in an ast tree"))
    }

    fn stmts(&self, body: &[Stmt], depth: usize) -> R {
        Ok(TreeValue::List(
            body.iter()
                .map(|s| self.stmt(s, depth))
                .collect::<Result<_, _>>()?,
        ))
    }

    fn exprs(&self, es: &[Expr], depth: usize) -> R {
        Ok(TreeValue::List(
            es.iter()
                .map(|e| self.expr(e, depth))
                .collect::<Result<_, _>>()?,
        ))
    }

    fn opt_expr(&self, e: Option<&Expr>, depth: usize) -> R {
        match e {
            Some(e) => self.expr(e, depth),
            None => Ok(none()),
        }
    }

    fn ident_opt(id: Option<&ast::Identifier>) -> TreeValue {
        match id {
            Some(i) => string(i.as_str()),
            None => none(),
        }
    }

    /// Where a decorated definition's own keyword (`def`, `async`, `class`) starts: CPython
    /// positions the statement there, not at its first decorator.
    fn def_start(&self, decorators: &[ast::Decorator], start: TextSize) -> TextSize {
        let Some(last) = decorators.last() else {
            return start;
        };
        let bytes = self.src.source.as_bytes();
        let mut i = last.end().to_usize();
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\' => i += 1,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextSize::try_from(i).unwrap_or(start)
    }

    fn stmt(&self, s: &Stmt, depth: usize) -> R {
        let d = self.deep(depth, s.start())?;
        let p = self.pos(s.range());
        let n = match s {
            Stmt::FunctionDef(f) => {
                if f.type_params.is_some() {
                    return Err(self.unsupported(f.start(), "type parameters"));
                }
                let class = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                let start = self.def_start(&f.decorator_list, f.start());
                node(
                    class,
                    vec![
                        ("name", string(f.name.as_str())),
                        ("args", self.arguments(Some(&f.parameters), d)?),
                        ("body", self.stmts(&f.body, d)?),
                        ("decorator_list", self.decorators(&f.decorator_list, d)?),
                        ("returns", self.opt_expr(f.returns.as_deref(), d)?),
                        ("type_comment", none()),
                    ],
                    self.pos_of(start, f.end()),
                )
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(self.unsupported(c.start(), "type parameters"));
                }
                let start = self.def_start(&c.decorator_list, c.start());
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args, d)?, self.keywords(&a.keywords, d)?),
                    None => (TreeValue::List(vec![]), TreeValue::List(vec![])),
                };
                node(
                    "ClassDef",
                    vec![
                        ("name", string(c.name.as_str())),
                        ("bases", bases),
                        ("keywords", keywords),
                        ("body", self.stmts(&c.body, d)?),
                        ("decorator_list", self.decorators(&c.decorator_list, d)?),
                    ],
                    self.pos_of(start, c.end()),
                )
            }
            Stmt::Return(r) => node(
                "Return",
                vec![("value", self.opt_expr(r.value.as_deref(), d)?)],
                p,
            ),
            Stmt::Delete(x) => node("Delete", vec![("targets", self.exprs(&x.targets, d)?)], p),
            Stmt::Assign(a) => node(
                "Assign",
                vec![
                    ("targets", self.exprs(&a.targets, d)?),
                    ("value", self.expr(&a.value, d)?),
                    ("type_comment", none()),
                ],
                p,
            ),
            Stmt::AugAssign(a) => node(
                "AugAssign",
                vec![
                    ("target", self.expr(&a.target, d)?),
                    ("op", leaf(operator(a.op))),
                    ("value", self.expr(&a.value, d)?),
                ],
                p,
            ),
            Stmt::AnnAssign(a) => node(
                "AnnAssign",
                vec![
                    ("target", self.expr(&a.target, d)?),
                    ("annotation", self.expr(&a.annotation, d)?),
                    ("value", self.opt_expr(a.value.as_deref(), d)?),
                    ("simple", int(i64::from(a.simple))),
                ],
                p,
            ),
            Stmt::For(f) => node(
                if f.is_async { "AsyncFor" } else { "For" },
                vec![
                    ("target", self.expr(&f.target, d)?),
                    ("iter", self.expr(&f.iter, d)?),
                    ("body", self.stmts(&f.body, d)?),
                    ("orelse", self.stmts(&f.orelse, d)?),
                    ("type_comment", none()),
                ],
                p,
            ),
            Stmt::While(w) => node(
                "While",
                vec![
                    ("test", self.expr(&w.test, d)?),
                    ("body", self.stmts(&w.body, d)?),
                    ("orelse", self.stmts(&w.orelse, d)?),
                ],
                p,
            ),
            Stmt::If(i) => node(
                "If",
                vec![
                    ("test", self.expr(&i.test, d)?),
                    ("body", self.stmts(&i.body, d)?),
                    ("orelse", self.elif_chain(&i.elif_else_clauses, i.end(), d)?),
                ],
                p,
            ),
            Stmt::With(w) => {
                let items = w
                    .items
                    .iter()
                    .map(|it| {
                        Ok(TreeValue::Node(Box::new(node(
                            "withitem",
                            vec![
                                ("context_expr", self.expr(&it.context_expr, d)?),
                                (
                                    "optional_vars",
                                    self.opt_expr(it.optional_vars.as_deref(), d)?,
                                ),
                            ],
                            None,
                        ))))
                    })
                    .collect::<Result<_, CompileError>>()?;
                node(
                    if w.is_async { "AsyncWith" } else { "With" },
                    vec![
                        ("items", TreeValue::List(items)),
                        ("body", self.stmts(&w.body, d)?),
                        ("type_comment", none()),
                    ],
                    p,
                )
            }
            Stmt::Match(m) => {
                let cases = m
                    .cases
                    .iter()
                    .map(|c| {
                        Ok(TreeValue::Node(Box::new(node(
                            "match_case",
                            vec![
                                ("pattern", self.pattern(&c.pattern, d)?),
                                ("guard", self.opt_expr(c.guard.as_deref(), d)?),
                                ("body", self.stmts(&c.body, d)?),
                            ],
                            None,
                        ))))
                    })
                    .collect::<Result<_, CompileError>>()?;
                node(
                    "Match",
                    vec![
                        ("subject", self.expr(&m.subject, d)?),
                        ("cases", TreeValue::List(cases)),
                    ],
                    p,
                )
            }
            Stmt::Raise(r) => node(
                "Raise",
                vec![
                    ("exc", self.opt_expr(r.exc.as_deref(), d)?),
                    ("cause", self.opt_expr(r.cause.as_deref(), d)?),
                ],
                p,
            ),
            Stmt::Try(t) => {
                let handlers = t
                    .handlers
                    .iter()
                    .map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        Ok(TreeValue::Node(Box::new(node(
                            "ExceptHandler",
                            vec![
                                ("type", self.opt_expr(h.type_.as_deref(), d)?),
                                ("name", Self::ident_opt(h.name.as_ref())),
                                ("body", self.stmts(&h.body, d)?),
                            ],
                            self.pos(h.range),
                        ))))
                    })
                    .collect::<Result<_, CompileError>>()?;
                node(
                    if t.is_star { "TryStar" } else { "Try" },
                    vec![
                        ("body", self.stmts(&t.body, d)?),
                        ("handlers", TreeValue::List(handlers)),
                        ("orelse", self.stmts(&t.orelse, d)?),
                        ("finalbody", self.stmts(&t.finalbody, d)?),
                    ],
                    p,
                )
            }
            Stmt::Assert(a) => node(
                "Assert",
                vec![
                    ("test", self.expr(&a.test, d)?),
                    ("msg", self.opt_expr(a.msg.as_deref(), d)?),
                ],
                p,
            ),
            Stmt::Import(i) => node("Import", vec![("names", self.aliases(&i.names))], p),
            Stmt::ImportFrom(i) => node(
                "ImportFrom",
                vec![
                    ("module", Self::ident_opt(i.module.as_ref())),
                    ("names", self.aliases(&i.names)),
                    ("level", int(i64::from(i.level))),
                ],
                p,
            ),
            Stmt::Global(g) => node("Global", vec![("names", idents(&g.names))], p),
            Stmt::Nonlocal(g) => node("Nonlocal", vec![("names", idents(&g.names))], p),
            Stmt::Expr(e) => node("Expr", vec![("value", self.expr(&e.value, d)?)], p),
            Stmt::Pass(_) => node("Pass", vec![], p),
            Stmt::Break(_) => node("Break", vec![], p),
            Stmt::Continue(_) => node("Continue", vec![], p),
            Stmt::TypeAlias(_) => return Err(self.unsupported(s.start(), "`type` aliases")),
            Stmt::IpyEscapeCommand(_) => {
                return Err(self.src.syntax_error(s.start(), "invalid syntax"))
            }
        };
        Ok(TreeValue::Node(Box::new(n)))
    }

    /// An `if`'s `elif`/`else` clauses as CPython nests them: each `elif` is an `If` in the
    /// previous one's `orelse`, spanning from its keyword to the end of the whole statement.
    fn elif_chain(&self, clauses: &[ast::ElifElseClause], end: TextSize, depth: usize) -> R {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(TreeValue::List(vec![]));
        };
        let d = self.deep(depth, first.start())?;
        match &first.test {
            None => self.stmts(&first.body, d),
            Some(test) => Ok(TreeValue::List(vec![TreeValue::Node(Box::new(node(
                "If",
                vec![
                    ("test", self.expr(test, d)?),
                    ("body", self.stmts(&first.body, d)?),
                    ("orelse", self.elif_chain(rest, end, d)?),
                ],
                self.pos_of(first.start(), end),
            )))])),
        }
    }

    fn decorators(&self, ds: &[ast::Decorator], d: usize) -> R {
        Ok(TreeValue::List(
            ds.iter()
                .map(|x| self.expr(&x.expression, d))
                .collect::<Result<_, _>>()?,
        ))
    }

    fn aliases(&self, names: &[ast::Alias]) -> TreeValue {
        TreeValue::List(
            names
                .iter()
                .map(|a| {
                    TreeValue::Node(Box::new(node(
                        "alias",
                        vec![
                            ("name", string(a.name.as_str())),
                            ("asname", Self::ident_opt(a.asname.as_ref())),
                        ],
                        self.pos(a.range),
                    )))
                })
                .collect(),
        )
    }

    fn keywords(&self, kws: &[ast::Keyword], d: usize) -> R {
        Ok(TreeValue::List(
            kws.iter()
                .map(|k| {
                    Ok(TreeValue::Node(Box::new(node(
                        "keyword",
                        vec![
                            ("arg", Self::ident_opt(k.arg.as_ref())),
                            ("value", self.expr(&k.value, d)?),
                        ],
                        self.pos(k.range),
                    ))))
                })
                .collect::<Result<_, CompileError>>()?,
        ))
    }

    fn arg(&self, p: &ast::Parameter, d: usize) -> R {
        Ok(TreeValue::Node(Box::new(node(
            "arg",
            vec![
                ("arg", string(p.name.as_str())),
                ("annotation", self.opt_expr(p.annotation.as_deref(), d)?),
                ("type_comment", none()),
            ],
            // CPython's `arg` starts at the name, after any `*` or `**`.
            self.pos_of(p.name.start(), p.end()),
        ))))
    }

    /// `arguments`: defaults of the positional parameters gathered at the end, a `None` in
    /// `kw_defaults` for each keyword-only parameter without one.
    fn arguments(&self, params: Option<&ast::Parameters>, d: usize) -> R {
        let empty = ast::Parameters::default();
        let ps = params.unwrap_or(&empty);
        let mut defaults = vec![];
        let mut positional = |list: &[ast::ParameterWithDefault]| -> R {
            let mut out = vec![];
            for p in list {
                out.push(self.arg(&p.parameter, d)?);
                if let Some(def) = &p.default {
                    defaults.push(self.expr(def, d)?);
                }
            }
            Ok(TreeValue::List(out))
        };
        let posonly = positional(&ps.posonlyargs)?;
        let args = positional(&ps.args)?;
        let mut kwonly = vec![];
        let mut kw_defaults = vec![];
        for p in &ps.kwonlyargs {
            kwonly.push(self.arg(&p.parameter, d)?);
            kw_defaults.push(self.opt_expr(p.default.as_deref(), d)?);
        }
        let vararg = match &ps.vararg {
            Some(v) => self.arg(v, d)?,
            None => none(),
        };
        let kwarg = match &ps.kwarg {
            Some(v) => self.arg(v, d)?,
            None => none(),
        };
        Ok(TreeValue::Node(Box::new(node(
            "arguments",
            vec![
                ("posonlyargs", posonly),
                ("args", args),
                ("vararg", vararg),
                ("kwonlyargs", TreeValue::List(kwonly)),
                ("kw_defaults", TreeValue::List(kw_defaults)),
                ("kwarg", kwarg),
                ("defaults", TreeValue::List(defaults)),
            ],
            None,
        ))))
    }

    fn comprehensions(&self, gens: &[ast::Comprehension], d: usize) -> R {
        Ok(TreeValue::List(
            gens.iter()
                .map(|g| {
                    Ok(TreeValue::Node(Box::new(node(
                        "comprehension",
                        vec![
                            ("target", self.expr(&g.target, d)?),
                            ("iter", self.expr(&g.iter, d)?),
                            ("ifs", self.exprs(&g.ifs, d)?),
                            ("is_async", int(i64::from(g.is_async))),
                        ],
                        None,
                    ))))
                })
                .collect::<Result<_, CompileError>>()?,
        ))
    }

    fn expr(&self, e: &Expr, depth: usize) -> R {
        let d = self.deep(depth, e.start())?;
        let p = self.pos(e.range());
        let n = match e {
            Expr::BoolOp(b) => node(
                "BoolOp",
                vec![
                    (
                        "op",
                        leaf(match b.op {
                            ast::BoolOp::And => "And",
                            ast::BoolOp::Or => "Or",
                        }),
                    ),
                    ("values", self.exprs(&b.values, d)?),
                ],
                p,
            ),
            Expr::Named(n) => node(
                "NamedExpr",
                vec![
                    ("target", self.expr(&n.target, d)?),
                    ("value", self.expr(&n.value, d)?),
                ],
                p,
            ),
            Expr::BinOp(b) => node(
                "BinOp",
                vec![
                    ("left", self.expr(&b.left, d)?),
                    ("op", leaf(operator(b.op))),
                    ("right", self.expr(&b.right, d)?),
                ],
                p,
            ),
            Expr::UnaryOp(u) => node(
                "UnaryOp",
                vec![
                    (
                        "op",
                        leaf(match u.op {
                            ast::UnaryOp::Invert => "Invert",
                            ast::UnaryOp::Not => "Not",
                            ast::UnaryOp::UAdd => "UAdd",
                            ast::UnaryOp::USub => "USub",
                        }),
                    ),
                    ("operand", self.expr(&u.operand, d)?),
                ],
                p,
            ),
            Expr::Lambda(l) => node(
                "Lambda",
                vec![
                    ("args", self.arguments(l.parameters.as_deref(), d)?),
                    ("body", self.expr(&l.body, d)?),
                ],
                p,
            ),
            Expr::If(i) => node(
                "IfExp",
                vec![
                    ("test", self.expr(&i.test, d)?),
                    ("body", self.expr(&i.body, d)?),
                    ("orelse", self.expr(&i.orelse, d)?),
                ],
                p,
            ),
            Expr::Dict(x) => {
                let mut keys = vec![];
                let mut values = vec![];
                for item in &x.items {
                    keys.push(self.opt_expr(item.key.as_ref(), d)?);
                    values.push(self.expr(&item.value, d)?);
                }
                node(
                    "Dict",
                    vec![
                        ("keys", TreeValue::List(keys)),
                        ("values", TreeValue::List(values)),
                    ],
                    p,
                )
            }
            Expr::Set(x) => node("Set", vec![("elts", self.exprs(&x.elts, d)?)], p),
            Expr::ListComp(c) => node(
                "ListComp",
                vec![
                    ("elt", self.expr(&c.elt, d)?),
                    ("generators", self.comprehensions(&c.generators, d)?),
                ],
                p,
            ),
            Expr::SetComp(c) => node(
                "SetComp",
                vec![
                    ("elt", self.expr(&c.elt, d)?),
                    ("generators", self.comprehensions(&c.generators, d)?),
                ],
                p,
            ),
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.unsupported(c.start(), "dict unpacking in a comprehension"));
                };
                node(
                    "DictComp",
                    vec![
                        ("key", self.expr(key, d)?),
                        ("value", self.expr(&c.value, d)?),
                        ("generators", self.comprehensions(&c.generators, d)?),
                    ],
                    p,
                )
            }
            Expr::Generator(g) => node(
                "GeneratorExp",
                vec![
                    ("elt", self.expr(&g.elt, d)?),
                    ("generators", self.comprehensions(&g.generators, d)?),
                ],
                p,
            ),
            Expr::Await(a) => node("Await", vec![("value", self.expr(&a.value, d)?)], p),
            Expr::Yield(y) => node(
                "Yield",
                vec![("value", self.opt_expr(y.value.as_deref(), d)?)],
                p,
            ),
            Expr::YieldFrom(y) => node("YieldFrom", vec![("value", self.expr(&y.value, d)?)], p),
            Expr::Compare(c) => node(
                "Compare",
                vec![
                    ("left", self.expr(&c.left, d)?),
                    (
                        "ops",
                        TreeValue::List(c.ops.iter().map(|o| leaf(cmpop(*o))).collect()),
                    ),
                    ("comparators", self.exprs(&c.comparators, d)?),
                ],
                p,
            ),
            Expr::Call(c) => {
                let mut args = vec![];
                for a in c.arguments.args.iter() {
                    // A lone unparenthesized generator argument spans the call's parentheses.
                    if let Expr::Generator(g) = a {
                        if !g.parenthesized && c.arguments.args.len() == 1 {
                            let d2 = self.deep(d, g.start())?;
                            args.push(TreeValue::Node(Box::new(node(
                                "GeneratorExp",
                                vec![
                                    ("elt", self.expr(&g.elt, d2)?),
                                    ("generators", self.comprehensions(&g.generators, d2)?),
                                ],
                                self.pos(c.arguments.range),
                            ))));
                            continue;
                        }
                    }
                    args.push(self.expr(a, d)?);
                }
                node(
                    "Call",
                    vec![
                        ("func", self.expr(&c.func, d)?),
                        ("args", TreeValue::List(args)),
                        ("keywords", self.keywords(&c.arguments.keywords, d)?),
                    ],
                    p,
                )
            }
            Expr::FString(f) => {
                let mut values = vec![];
                let mut literal = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(s) => literal.push_str(&s.value),
                        ast::FStringPart::FString(fs) => {
                            let part = (p, fs.end());
                            self.fstring_elements(&fs.elements, &mut literal, &mut values, part, d)?
                        }
                    }
                }
                flush(&mut literal, &mut values, p);
                node("JoinedStr", vec![("values", TreeValue::List(values))], p)
            }
            Expr::TString(t) => return Err(self.unsupported(t.start(), "t-strings")),
            Expr::StringLiteral(s) => {
                let unicode = s.value.iter().next().is_some_and(|part| {
                    part.flags.prefix() == ast::str_prefix::StringLiteralPrefix::Unicode
                });
                // A lone surrogate the parser replaced is put back from the source.
                let value = match crate::surrogates::wide_literal(self.src.source, s) {
                    Some(b) => TreeValue::Const(Constant::WideStr(b)),
                    None => string(s.value.to_str()),
                };
                node(
                    "Constant",
                    vec![
                        ("value", value),
                        ("kind", if unicode { string("u") } else { none() }),
                    ],
                    p,
                )
            }
            Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let value = match e {
                    Expr::NumberLiteral(n) => consts::number(&n.value),
                    other => consts::fold(other),
                };
                let Some(value) = value else {
                    return Err(self.src.syntax_error(e.start(), "invalid literal"));
                };
                node(
                    "Constant",
                    vec![("value", TreeValue::Const(value)), ("kind", none())],
                    p,
                )
            }
            Expr::Attribute(a) => node(
                "Attribute",
                vec![
                    ("value", self.expr(&a.value, d)?),
                    ("attr", string(a.attr.as_str())),
                    ("ctx", ctx(a.ctx)),
                ],
                p,
            ),
            Expr::Subscript(s) => node(
                "Subscript",
                vec![
                    ("value", self.expr(&s.value, d)?),
                    ("slice", self.expr(&s.slice, d)?),
                    ("ctx", ctx(s.ctx)),
                ],
                p,
            ),
            Expr::Starred(s) => node(
                "Starred",
                vec![("value", self.expr(&s.value, d)?), ("ctx", ctx(s.ctx))],
                p,
            ),
            Expr::Name(n) => node(
                "Name",
                vec![("id", string(n.id.as_str())), ("ctx", ctx(n.ctx))],
                p,
            ),
            Expr::List(l) => node(
                "List",
                vec![("elts", self.exprs(&l.elts, d)?), ("ctx", ctx(l.ctx))],
                p,
            ),
            Expr::Tuple(t) => node(
                "Tuple",
                vec![("elts", self.exprs(&t.elts, d)?), ("ctx", ctx(t.ctx))],
                p,
            ),
            Expr::Slice(s) => node(
                "Slice",
                vec![
                    ("lower", self.opt_expr(s.lower.as_deref(), d)?),
                    ("upper", self.opt_expr(s.upper.as_deref(), d)?),
                    ("step", self.opt_expr(s.step.as_deref(), d)?),
                ],
                p,
            ),
            Expr::IpyEscapeCommand(_) => {
                return Err(self.src.syntax_error(e.start(), "invalid syntax"))
            }
        };
        Ok(TreeValue::Node(Box::new(n)))
    }

    /// An f-string's pieces as CPython 3.11 lays them out: adjacent literal text merged into
    /// one `Constant`, each replacement field a `FormattedValue`, all at the position of the
    /// whole string (`p`); `part_end` ends the f-string part being read.
    fn fstring_elements(
        &self,
        elements: &ast::InterpolatedStringElements,
        literal: &mut String,
        values: &mut Vec<TreeValue>,
        (p, part_end): (Option<[u32; 4]>, TextSize),
        d: usize,
    ) -> Result<(), CompileError> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => literal.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let d = self.deep(d, i.start())?;
                    let mut conversion = i.conversion;
                    if let Some(debug) = &i.debug_text {
                        literal.push_str(debug.leading());
                        literal.push_str(debug.expression());
                        literal.push_str(debug.trailing());
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    flush(literal, values, p);
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut spec_values = vec![];
                            let mut spec_literal = String::new();
                            self.fstring_elements(
                                &spec.elements,
                                &mut spec_literal,
                                &mut spec_values,
                                (p, part_end),
                                d,
                            )?;
                            flush(&mut spec_literal, &mut spec_values, p);
                            // 3.11 spans a format spec from the whole string's start to the
                            // end of the f-string part holding it.
                            let spec_pos = p.map(|[l, c, _, _]| {
                                let (el, ec) = self.line_col(part_end);
                                [l, c, el, ec]
                            });
                            TreeValue::Node(Box::new(node(
                                "JoinedStr",
                                vec![("values", TreeValue::List(spec_values))],
                                spec_pos,
                            )))
                        }
                        None => none(),
                    };
                    values.push(TreeValue::Node(Box::new(node(
                        "FormattedValue",
                        vec![
                            ("value", self.expr(&i.expression, d)?),
                            ("conversion", int(i64::from(conversion as i8))),
                            ("format_spec", spec),
                        ],
                        p,
                    ))));
                }
            }
        }
        Ok(())
    }

    fn pattern(&self, pat: &Pattern, depth: usize) -> R {
        let d = self.deep(depth, pat.start())?;
        let p = self.pos(pat.range());
        let patterns = |ps: &[Pattern]| -> R {
            Ok(TreeValue::List(
                ps.iter()
                    .map(|x| self.pattern(x, d))
                    .collect::<Result<_, _>>()?,
            ))
        };
        let n = match pat {
            Pattern::MatchValue(v) => {
                node("MatchValue", vec![("value", self.expr(&v.value, d)?)], p)
            }
            Pattern::MatchSingleton(s) => node(
                "MatchSingleton",
                vec![(
                    "value",
                    TreeValue::Const(match s.value {
                        ast::Singleton::None => Constant::None,
                        ast::Singleton::True => Constant::Bool(true),
                        ast::Singleton::False => Constant::Bool(false),
                    }),
                )],
                p,
            ),
            Pattern::MatchSequence(s) => node(
                "MatchSequence",
                vec![("patterns", patterns(&s.patterns)?)],
                p,
            ),
            Pattern::MatchMapping(m) => node(
                "MatchMapping",
                vec![
                    ("keys", self.exprs(&m.keys, d)?),
                    ("patterns", patterns(&m.patterns)?),
                    ("rest", Self::ident_opt(m.rest.as_ref())),
                ],
                p,
            ),
            Pattern::MatchClass(c) => node(
                "MatchClass",
                vec![
                    ("cls", self.expr(&c.cls, d)?),
                    ("patterns", patterns(&c.arguments.patterns)?),
                    (
                        "kwd_attrs",
                        TreeValue::List(
                            c.arguments
                                .keywords
                                .iter()
                                .map(|k| string(k.attr.as_str()))
                                .collect(),
                        ),
                    ),
                    (
                        "kwd_patterns",
                        TreeValue::List(
                            c.arguments
                                .keywords
                                .iter()
                                .map(|k| self.pattern(&k.pattern, d))
                                .collect::<Result<_, _>>()?,
                        ),
                    ),
                ],
                p,
            ),
            Pattern::MatchStar(s) => node(
                "MatchStar",
                vec![("name", Self::ident_opt(s.name.as_ref()))],
                p,
            ),
            Pattern::MatchAs(a) => node(
                "MatchAs",
                vec![
                    (
                        "pattern",
                        match &a.pattern {
                            Some(x) => self.pattern(x, d)?,
                            None => none(),
                        },
                    ),
                    ("name", Self::ident_opt(a.name.as_ref())),
                ],
                p,
            ),
            Pattern::MatchOr(o) => node("MatchOr", vec![("patterns", patterns(&o.patterns)?)], p),
        };
        Ok(TreeValue::Node(Box::new(n)))
    }
}

/// Appends pending literal text as a `Constant`.
fn flush(literal: &mut String, values: &mut Vec<TreeValue>, p: Option<[u32; 4]>) {
    if !literal.is_empty() {
        values.push(TreeValue::Node(Box::new(node(
            "Constant",
            vec![
                (
                    "value",
                    TreeValue::Const(Constant::Str(std::mem::take(literal))),
                ),
                ("kind", none()),
            ],
            p,
        ))));
    }
}

fn idents(names: &[ast::Identifier]) -> TreeValue {
    TreeValue::List(names.iter().map(|n| string(n.as_str())).collect())
}

fn ctx(c: ast::ExprContext) -> TreeValue {
    leaf(match c {
        ast::ExprContext::Store => "Store",
        ast::ExprContext::Del => "Del",
        ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
    })
}

fn operator(op: ast::Operator) -> &'static str {
    use ast::Operator::*;
    match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
        FloorDiv => "FloorDiv",
    }
}

fn cmpop(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp::*;
    match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    }
}
