//! `compile()` of an `ast` tree: the neutral [`TreeNode`]s the interpreter reads from node
//! objects become a ruff tree whose ranges encode each node's own `lineno`/`col_offset`
//! (a synthetic [`SourceMap`]), which the ordinary code generator compiles. Checks CPython's
//! validator makes before compiling (expression contexts, empty bodies, operator kinds) give
//! its `ValueError`/`TypeError` messages, as `"ValueError: ..."` compile errors.

use crate::error::{CompileError, SourceMap};
use crate::pytree::{TreeNode, TreeValue};
use crate::DynamicMode;
use num_bigint::{BigInt, Sign};
use permafrost_image::{Constant, ImageBuilder, Module};
use ruff_python_ast::{self as ast, name::Name, AtomicNodeIndex, Expr, Pattern, Stmt};
use ruff_text_size::TextRange;

/// Compiles a tree (`Module`, `Expression` or `Interactive` as `mode` says) into an image
/// model with one module named after `filename`, as [`crate::compile_dynamic`] does for text.
pub fn compile_tree(
    tree: &TreeNode,
    filename: &str,
    mode: DynamicMode,
) -> Result<ImageBuilder, CompileError> {
    crate::on_compiler_thread(|| compile_here(tree, filename, mode))
}

fn compile_here(
    tree: &TreeNode,
    filename: &str,
    mode: DynamicMode,
) -> Result<ImageBuilder, CompileError> {
    let src = SourceMap::synthetic(filename);
    let want = match mode {
        DynamicMode::Exec => "Module",
        DynamicMode::Eval => "Expression",
        DynamicMode::Single => "Interactive",
    };
    if tree.class != want {
        return Err(err(format!(
            "TypeError: expected {want} node, got {}",
            tree.class
        )));
    }
    let c = Conv;
    let (body, top) = match mode {
        DynamicMode::Eval => {
            let e = c.expr(sub(tree, "body")?, Ctx::Load)?;
            let range = e_range(&e);
            let stmt = Stmt::Expr(ast::StmtExpr {
                node_index: idx(),
                range,
                value: Box::new(e),
            });
            (vec![stmt], crate::codegen::TopLevel::Eval)
        }
        DynamicMode::Exec => (
            c.stmts(field(tree, "body")?)?,
            crate::codegen::TopLevel::Exec,
        ),
        DynamicMode::Single => (
            c.stmts(field(tree, "body")?)?,
            crate::codegen::TopLevel::Single,
        ),
    };
    let mut builder = ImageBuilder::default();
    let code = crate::codegen::compile_top(&src, &body, &mut builder, top)?;
    builder.modules.push(Module {
        name: crate::unit_name(filename),
        code,
        file: filename.to_string(),
        package: false,
        origin: Default::default(),
        source: None,
    });
    Ok(builder)
}

type R<T> = Result<T, CompileError>;

fn err(message: String) -> CompileError {
    CompileError {
        file: String::new(),
        line: 0,
        col: 0,
        message,
        end: None,
        from_parser: false,
    }
}

fn idx() -> AtomicNodeIndex {
    AtomicNodeIndex::NONE
}

fn e_range(e: &Expr) -> TextRange {
    ruff_text_size::Ranged::range(e)
}

fn field<'t>(n: &'t TreeNode, name: &str) -> R<&'t TreeValue> {
    n.fields
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .ok_or_else(|| {
            err(format!(
                "TypeError: required field \"{name}\" missing from {}",
                n.class
            ))
        })
}

fn list<'t>(n: &'t TreeNode, name: &str) -> R<&'t [TreeValue]> {
    match field(n, name)? {
        TreeValue::List(items) => Ok(items),
        _ => Err(err(format!(
            "TypeError: {} field \"{name}\" must be a list",
            n.class
        ))),
    }
}

fn as_node(v: &TreeValue) -> Option<&TreeNode> {
    match v {
        TreeValue::Node(n) => Some(n),
        _ => None,
    }
}

fn sub<'t>(n: &'t TreeNode, name: &str) -> R<&'t TreeNode> {
    as_node(field(n, name)?).ok_or_else(|| {
        err(format!(
            "TypeError: required field \"{name}\" missing from {}",
            n.class
        ))
    })
}

fn opt_sub<'t>(n: &'t TreeNode, name: &str) -> R<Option<&'t TreeNode>> {
    Ok(as_node(field(n, name)?))
}

fn text(v: &TreeValue) -> Option<&str> {
    match v {
        TreeValue::Const(Constant::Str(s)) => Some(s),
        _ => None,
    }
}

fn int_field(n: &TreeNode, name: &str) -> R<i64> {
    match field(n, name)? {
        TreeValue::Const(Constant::Int(i)) => Ok(*i),
        TreeValue::Const(Constant::Bool(b)) => Ok(i64::from(*b)),
        _ => Err(err(format!(
            "ValueError: invalid integer value in {}",
            n.class
        ))),
    }
}

/// The expression context a position requires.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn name(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
    fn ruff(self) -> ast::ExprContext {
        match self {
            Ctx::Load => ast::ExprContext::Load,
            Ctx::Store => ast::ExprContext::Store,
            Ctx::Del => ast::ExprContext::Del,
        }
    }
}

struct Conv;

impl Conv {
    /// The synthetic range of a node with a position (empty at 0 for one without).
    fn range(&self, n: &TreeNode) -> TextRange {
        match n.pos {
            Some([l, c, el, ec]) => {
                let start = SourceMap::encode(l, c);
                let end = SourceMap::encode(el, ec).max(start);
                TextRange::new(start, end)
            }
            None => TextRange::default(),
        }
    }

    fn ident(&self, v: &TreeValue, range: TextRange) -> R<ast::Identifier> {
        match text(v) {
            Some(s) => Ok(ast::Identifier::new(Name::new(s), range)),
            None => Err(err("TypeError: AST identifier must be of type str".into())),
        }
    }

    fn opt_ident(&self, v: &TreeValue, range: TextRange) -> R<Option<ast::Identifier>> {
        match v {
            TreeValue::Const(Constant::None) => Ok(None),
            other => self.ident(other, range).map(Some),
        }
    }

    fn nonempty(&self, body: &[TreeValue], what: &str, owner: &str) -> R<()> {
        if body.is_empty() {
            return Err(err(format!("ValueError: empty {what} on {owner}")));
        }
        Ok(())
    }

    fn stmts(&self, v: &TreeValue) -> R<Vec<Stmt>> {
        let TreeValue::List(items) = v else {
            return Err(err("TypeError: statement list expected".into()));
        };
        items
            .iter()
            .map(|s| match as_node(s) {
                Some(n) => self.stmt(n),
                None => Err(err("TypeError: expected some sort of stmt".into())),
            })
            .collect()
    }

    fn body(&self, n: &TreeNode, name: &str) -> R<Vec<Stmt>> {
        let items = list(n, name)?;
        self.nonempty(items, name, n.class)?;
        self.stmts(field(n, name)?)
    }

    fn exprs(&self, items: &[TreeValue], ctx: Ctx) -> R<Vec<Expr>> {
        items
            .iter()
            .map(|e| match as_node(e) {
                Some(n) => self.expr(n, ctx),
                None => Err(err("ValueError: None disallowed in expression list".into())),
            })
            .collect()
    }

    fn opt_expr(&self, n: &TreeNode, name: &str) -> R<Option<Box<Expr>>> {
        Ok(match opt_sub(n, name)? {
            Some(e) => Some(Box::new(self.expr(e, Ctx::Load)?)),
            None => None,
        })
    }

    fn bexpr(&self, n: &TreeNode, name: &str, ctx: Ctx) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(sub(n, name)?, ctx)?))
    }

    fn stmt(&self, n: &TreeNode) -> R<Stmt> {
        let range = self.range(n);
        let node_index = idx();
        Ok(match n.class {
            "FunctionDef" | "AsyncFunctionDef" => {
                let body = self.body(n, "body")?;
                Stmt::FunctionDef(ast::StmtFunctionDef {
                    node_index,
                    range,
                    is_async: n.class == "AsyncFunctionDef",
                    decorator_list: self.decorators(n)?.into_iter().collect(),
                    name: self.ident(field(n, "name")?, range)?,
                    type_params: None,
                    parameters: Box::new(self.arguments(sub(n, "args")?, range)?),
                    returns: self.opt_expr(n, "returns")?,
                    body: body.into_iter().collect(),
                })
            }
            "ClassDef" => {
                let body = self.body(n, "body")?;
                let bases = self.exprs(list(n, "bases")?, Ctx::Load)?;
                let keywords = self.keywords(list(n, "keywords")?)?;
                Stmt::ClassDef(ast::StmtClassDef {
                    node_index,
                    range,
                    decorator_list: self.decorators(n)?.into_iter().collect(),
                    name: self.ident(field(n, "name")?, range)?,
                    type_params: None,
                    arguments: Some(Box::new(ast::Arguments {
                        range,
                        node_index: idx(),
                        args: bases.into_boxed_slice(),
                        keywords: keywords.into_iter().collect(),
                    })),
                    body: body.into_iter().collect(),
                })
            }
            "Return" => Stmt::Return(ast::StmtReturn {
                node_index,
                range,
                value: self.opt_expr(n, "value")?,
            }),
            "Delete" => {
                let targets = list(n, "targets")?;
                self.nonempty(targets, "targets", "Delete")?;
                Stmt::Delete(ast::StmtDelete {
                    node_index,
                    range,
                    targets: self.exprs(targets, Ctx::Del)?,
                })
            }
            "Assign" => {
                let targets = list(n, "targets")?;
                self.nonempty(targets, "targets", "Assign")?;
                Stmt::Assign(ast::StmtAssign {
                    node_index,
                    range,
                    targets: self.exprs(targets, Ctx::Store)?,
                    value: self.bexpr(n, "value", Ctx::Load)?,
                })
            }
            "AugAssign" => Stmt::AugAssign(ast::StmtAugAssign {
                node_index,
                range,
                target: self.bexpr(n, "target", Ctx::Store)?,
                op: operator(sub(n, "op")?)?,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "AnnAssign" => Stmt::AnnAssign(ast::StmtAnnAssign {
                node_index,
                range,
                target: self.bexpr(n, "target", Ctx::Store)?,
                annotation: self.bexpr(n, "annotation", Ctx::Load)?,
                value: self.opt_expr(n, "value")?,
                simple: int_field(n, "simple")? != 0,
            }),
            "For" | "AsyncFor" => Stmt::For(ast::StmtFor {
                node_index,
                range,
                is_async: n.class == "AsyncFor",
                target: self.bexpr(n, "target", Ctx::Store)?,
                iter: self.bexpr(n, "iter", Ctx::Load)?,
                body: self.body(n, "body")?.into_iter().collect(),
                orelse: self.stmts(field(n, "orelse")?)?.into_iter().collect(),
            }),
            "While" => Stmt::While(ast::StmtWhile {
                node_index,
                range,
                test: self.bexpr(n, "test", Ctx::Load)?,
                body: self.body(n, "body")?.into_iter().collect(),
                orelse: self.stmts(field(n, "orelse")?)?.into_iter().collect(),
            }),
            "If" => {
                let orelse = self.stmts(field(n, "orelse")?)?;
                let elif_else_clauses = if orelse.is_empty() {
                    vec![]
                } else {
                    // An `else:` holding the nested statements keeps their own positions.
                    vec![ast::ElifElseClause {
                        range,
                        node_index: idx(),
                        test: None,
                        body: orelse.into_iter().collect(),
                    }]
                };
                Stmt::If(ast::StmtIf {
                    node_index,
                    range,
                    test: self.bexpr(n, "test", Ctx::Load)?,
                    body: self.body(n, "body")?.into_iter().collect(),
                    elif_else_clauses,
                })
            }
            "With" | "AsyncWith" => {
                let items = list(n, "items")?;
                self.nonempty(items, "items", n.class)?;
                let mut out = vec![];
                for it in items {
                    let Some(it) = as_node(it) else {
                        return Err(err("TypeError: expected some sort of withitem".into()));
                    };
                    let optional_vars = match opt_sub(it, "optional_vars")? {
                        Some(v) => Some(Box::new(self.expr(v, Ctx::Store)?)),
                        None => None,
                    };
                    out.push(ast::WithItem {
                        range,
                        node_index: idx(),
                        context_expr: self.expr(sub(it, "context_expr")?, Ctx::Load)?,
                        optional_vars,
                    });
                }
                Stmt::With(ast::StmtWith {
                    node_index,
                    range,
                    is_async: n.class == "AsyncWith",
                    items: out,
                    body: self.body(n, "body")?.into_iter().collect(),
                })
            }
            "Match" => {
                let cases = list(n, "cases")?;
                self.nonempty(cases, "cases", "Match")?;
                let mut out = vec![];
                for c in cases {
                    let Some(c) = as_node(c) else {
                        return Err(err("TypeError: expected some sort of match_case".into()));
                    };
                    let pattern = self.pattern(sub(c, "pattern")?)?;
                    out.push(ast::MatchCase {
                        range: ruff_text_size::Ranged::range(&pattern),
                        node_index: idx(),
                        pattern,
                        guard: self.opt_expr(c, "guard")?,
                        body: self.body(c, "body")?.into_iter().collect(),
                    });
                }
                Stmt::Match(ast::StmtMatch {
                    node_index,
                    range,
                    subject: self.bexpr(n, "subject", Ctx::Load)?,
                    cases: out,
                })
            }
            "Raise" => {
                let exc = self.opt_expr(n, "exc")?;
                let cause = self.opt_expr(n, "cause")?;
                if exc.is_none() && cause.is_some() {
                    return Err(err("ValueError: Raise with cause but no exception".into()));
                }
                Stmt::Raise(ast::StmtRaise {
                    node_index,
                    range,
                    exc,
                    cause,
                })
            }
            "Try" | "TryStar" => {
                let handlers = list(n, "handlers")?;
                let finalbody = self.stmts(field(n, "finalbody")?)?;
                let orelse = self.stmts(field(n, "orelse")?)?;
                self.nonempty(list(n, "body")?, "body", n.class)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(err(format!(
                        "ValueError: {} has neither except handlers nor finalbody",
                        n.class
                    )));
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    return Err(err(format!(
                        "ValueError: {} has orelse but no except handlers",
                        n.class
                    )));
                }
                let mut hs = vec![];
                for h in handlers {
                    let Some(h) = as_node(h) else {
                        return Err(err("TypeError: expected some sort of excepthandler".into()));
                    };
                    let hr = self.range(h);
                    hs.push(ast::ExceptHandler::ExceptHandler(
                        ast::ExceptHandlerExceptHandler {
                            range: hr,
                            node_index: idx(),
                            type_: self.opt_expr(h, "type")?,
                            name: self.opt_ident(field(h, "name")?, hr)?,
                            body: self.body(h, "body")?.into_iter().collect(),
                        },
                    ));
                }
                Stmt::Try(ast::StmtTry {
                    node_index,
                    range,
                    body: self.stmts(field(n, "body")?)?.into_iter().collect(),
                    handlers: hs,
                    orelse: orelse.into_iter().collect(),
                    finalbody: finalbody.into_iter().collect(),
                    is_star: n.class == "TryStar",
                })
            }
            "Assert" => Stmt::Assert(ast::StmtAssert {
                node_index,
                range,
                test: self.bexpr(n, "test", Ctx::Load)?,
                msg: self.opt_expr(n, "msg")?,
            }),
            "Import" => Stmt::Import(ast::StmtImport {
                node_index,
                range,
                names: self.aliases(n)?,
                is_lazy: false,
            }),
            "ImportFrom" => {
                let level = int_field(n, "level")?;
                Stmt::ImportFrom(ast::StmtImportFrom {
                    node_index,
                    range,
                    module: self.opt_ident(field(n, "module")?, range)?,
                    names: self.aliases(n)?,
                    level: u32::try_from(level)
                        .map_err(|_| err("ValueError: Negative ImportFrom level".to_string()))?,
                    is_lazy: false,
                })
            }
            "Global" | "Nonlocal" => {
                let names = list(n, "names")?
                    .iter()
                    .map(|v| self.ident(v, range))
                    .collect::<R<Vec<_>>>()?;
                if n.class == "Global" {
                    Stmt::Global(ast::StmtGlobal {
                        node_index,
                        range,
                        names,
                    })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal {
                        node_index,
                        range,
                        names,
                    })
                }
            }
            "Expr" => Stmt::Expr(ast::StmtExpr {
                node_index,
                range,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "Pass" => Stmt::Pass(ast::StmtPass { node_index, range }),
            "Break" => Stmt::Break(ast::StmtBreak { node_index, range }),
            "Continue" => Stmt::Continue(ast::StmtContinue { node_index, range }),
            other => {
                return Err(err(format!(
                    "TypeError: expected some sort of stmt, but got <{other}>"
                )))
            }
        })
    }

    fn decorators(&self, n: &TreeNode) -> R<Vec<ast::Decorator>> {
        self.exprs(list(n, "decorator_list")?, Ctx::Load)?
            .into_iter()
            .map(|e| {
                Ok(ast::Decorator {
                    range: e_range(&e),
                    node_index: idx(),
                    expression: e,
                })
            })
            .collect()
    }

    fn aliases(&self, n: &TreeNode) -> R<Vec<ast::Alias>> {
        let items = list(n, "names")?;
        self.nonempty(items, "names", n.class)?;
        items
            .iter()
            .map(|a| {
                let Some(a) = as_node(a) else {
                    return Err(err("TypeError: expected some sort of alias".into()));
                };
                let r = self.range(a);
                Ok(ast::Alias {
                    range: r,
                    node_index: idx(),
                    name: self.ident(field(a, "name")?, r)?,
                    asname: self.opt_ident(field(a, "asname")?, r)?,
                })
            })
            .collect()
    }

    fn keywords(&self, items: &[TreeValue]) -> R<Vec<ast::Keyword>> {
        items
            .iter()
            .map(|k| {
                let Some(k) = as_node(k) else {
                    return Err(err("TypeError: expected some sort of keyword".into()));
                };
                let r = self.range(k);
                Ok(ast::Keyword {
                    range: r,
                    node_index: idx(),
                    arg: self.opt_ident(field(k, "arg")?, r)?,
                    value: self.expr(sub(k, "value")?, Ctx::Load)?,
                })
            })
            .collect()
    }

    fn param(&self, a: &TreeNode) -> R<ast::Parameter> {
        let r = self.range(a);
        Ok(ast::Parameter {
            range: r,
            node_index: idx(),
            name: self.ident(field(a, "arg")?, r)?,
            annotation: self.opt_expr(a, "annotation")?,
        })
    }

    fn params(&self, items: &[TreeValue]) -> R<Vec<ast::Parameter>> {
        items
            .iter()
            .map(|a| match as_node(a) {
                Some(a) => self.param(a),
                None => Err(err("TypeError: expected some sort of arg".into())),
            })
            .collect()
    }

    fn arguments(&self, n: &TreeNode, range: TextRange) -> R<ast::Parameters> {
        let posonly = self.params(list(n, "posonlyargs")?)?;
        let args = self.params(list(n, "args")?)?;
        let kwonly = self.params(list(n, "kwonlyargs")?)?;
        let defaults = list(n, "defaults")?;
        let kw_defaults = list(n, "kw_defaults")?;
        if defaults.len() > posonly.len() + args.len() {
            return Err(err(
                "ValueError: more positional defaults than args on arguments".into(),
            ));
        }
        if kw_defaults.len() != kwonly.len() {
            return Err(err(
                "ValueError: length of kwonlyargs is not the same as kw_defaults on arguments"
                    .into(),
            ));
        }
        let mut defaults: Vec<Option<Box<Expr>>> = self
            .exprs(defaults, Ctx::Load)?
            .into_iter()
            .map(|e| Some(Box::new(e)))
            .collect();
        let total = posonly.len() + args.len();
        let mut all: Vec<Option<Box<Expr>>> = vec![None; total - defaults.len()];
        all.append(&mut defaults);
        let mut all = all.into_iter();
        let with_default =
            |p: ast::Parameter, default: Option<Box<Expr>>| ast::ParameterWithDefault {
                range: p.range,
                node_index: idx(),
                parameter: p,
                default,
            };
        let posonlyargs = posonly
            .into_iter()
            .map(|p| with_default(p, all.next().flatten()))
            .collect();
        let args = args
            .into_iter()
            .map(|p| with_default(p, all.next().flatten()))
            .collect();
        let mut kwonlyargs = vec![];
        for (p, d) in kwonly.into_iter().zip(kw_defaults) {
            let d = match as_node(d) {
                Some(e) => Some(Box::new(self.expr(e, Ctx::Load)?)),
                None => None,
            };
            kwonlyargs.push(with_default(p, d));
        }
        let one = |name: &str| -> R<Option<Box<ast::Parameter>>> {
            Ok(match opt_sub(n, name)? {
                Some(a) => Some(Box::new(self.param(a)?)),
                None => None,
            })
        };
        Ok(ast::Parameters {
            range,
            node_index: idx(),
            posonlyargs,
            args,
            vararg: one("vararg")?,
            kwonlyargs: kwonlyargs.into_iter().collect(),
            kwarg: one("kwarg")?,
        })
    }

    fn comprehensions(&self, n: &TreeNode) -> R<Vec<ast::Comprehension>> {
        let gens = list(n, "generators")?;
        self.nonempty(gens, "generators", n.class)?;
        gens.iter()
            .map(|g| {
                let Some(g) = as_node(g) else {
                    return Err(err("TypeError: expected some sort of comprehension".into()));
                };
                let target = self.expr(sub(g, "target")?, Ctx::Store)?;
                Ok(ast::Comprehension {
                    range: e_range(&target),
                    node_index: idx(),
                    target,
                    iter: self.expr(sub(g, "iter")?, Ctx::Load)?,
                    ifs: self.exprs(list(g, "ifs")?, Ctx::Load)?,
                    is_async: int_field(g, "is_async")? != 0,
                })
            })
            .collect()
    }

    /// Checks a node's `ctx` field against what its position requires.
    fn check_ctx(&self, n: &TreeNode, want: Ctx) -> R<()> {
        let got = sub(n, "ctx")?.class;
        if got != want.name() {
            return Err(err(format!(
                "ValueError: expression must have {} context but has {got} instead",
                want.name()
            )));
        }
        Ok(())
    }

    fn expr(&self, n: &TreeNode, ctx: Ctx) -> R<Expr> {
        let range = self.range(n);
        let node_index = idx();
        let assignable = matches!(
            n.class,
            "Name" | "Attribute" | "Subscript" | "Starred" | "List" | "Tuple"
        );
        if ctx != Ctx::Load && !assignable {
            return Err(err(format!(
                "ValueError: expression which can't be assigned to in {} context",
                ctx.name()
            )));
        }
        Ok(match n.class {
            "BoolOp" => {
                let values = list(n, "values")?;
                if values.len() < 2 {
                    return Err(err("ValueError: BoolOp with less than 2 values".into()));
                }
                let op = match sub(n, "op")?.class {
                    "And" => ast::BoolOp::And,
                    "Or" => ast::BoolOp::Or,
                    _ => return Err(err("TypeError: expected some sort of boolop".into())),
                };
                Expr::BoolOp(ast::ExprBoolOp {
                    node_index,
                    range,
                    op,
                    values: self.exprs(values, Ctx::Load)?,
                })
            }
            "NamedExpr" => Expr::Named(ast::ExprNamed {
                node_index,
                range,
                target: self.bexpr(n, "target", Ctx::Store)?,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "BinOp" => Expr::BinOp(ast::ExprBinOp {
                node_index,
                range,
                left: self.bexpr(n, "left", Ctx::Load)?,
                op: operator(sub(n, "op")?)?,
                right: self.bexpr(n, "right", Ctx::Load)?,
            }),
            "UnaryOp" => Expr::UnaryOp(ast::ExprUnaryOp {
                node_index,
                range,
                op: match sub(n, "op")?.class {
                    "Invert" => ast::UnaryOp::Invert,
                    "Not" => ast::UnaryOp::Not,
                    "UAdd" => ast::UnaryOp::UAdd,
                    "USub" => ast::UnaryOp::USub,
                    _ => return Err(err("TypeError: expected some sort of unaryop".into())),
                },
                operand: self.bexpr(n, "operand", Ctx::Load)?,
            }),
            "Lambda" => Expr::Lambda(ast::ExprLambda {
                node_index,
                range,
                parameters: Some(Box::new(self.arguments(sub(n, "args")?, range)?)),
                body: self.bexpr(n, "body", Ctx::Load)?,
            }),
            "IfExp" => Expr::If(ast::ExprIf {
                node_index,
                range,
                test: self.bexpr(n, "test", Ctx::Load)?,
                body: self.bexpr(n, "body", Ctx::Load)?,
                orelse: self.bexpr(n, "orelse", Ctx::Load)?,
            }),
            "Dict" => {
                let keys = list(n, "keys")?;
                let values = list(n, "values")?;
                if keys.len() != values.len() {
                    return Err(err(
                        "ValueError: Dict doesn't have the same number of keys as values".into(),
                    ));
                }
                let mut items = vec![];
                for (k, v) in keys.iter().zip(values) {
                    let key = match as_node(k) {
                        Some(k) => Some(self.expr(k, Ctx::Load)?),
                        None => None,
                    };
                    let Some(v) = as_node(v) else {
                        return Err(err("ValueError: None disallowed in expression list".into()));
                    };
                    items.push(ast::DictItem {
                        key,
                        value: self.expr(v, Ctx::Load)?,
                    });
                }
                Expr::Dict(ast::ExprDict {
                    node_index,
                    range,
                    items,
                })
            }
            "Set" => Expr::Set(ast::ExprSet {
                node_index,
                range,
                elts: self.exprs(list(n, "elts")?, Ctx::Load)?,
            }),
            "ListComp" => Expr::ListComp(ast::ExprListComp {
                node_index,
                range,
                elt: self.bexpr(n, "elt", Ctx::Load)?,
                generators: self.comprehensions(n)?,
            }),
            "SetComp" => Expr::SetComp(ast::ExprSetComp {
                node_index,
                range,
                elt: self.bexpr(n, "elt", Ctx::Load)?,
                generators: self.comprehensions(n)?,
            }),
            "DictComp" => Expr::DictComp(ast::ExprDictComp {
                node_index,
                range,
                key: Some(self.bexpr(n, "key", Ctx::Load)?),
                value: self.bexpr(n, "value", Ctx::Load)?,
                generators: self.comprehensions(n)?,
            }),
            "GeneratorExp" => Expr::Generator(ast::ExprGenerator {
                node_index,
                range,
                elt: self.bexpr(n, "elt", Ctx::Load)?,
                generators: self.comprehensions(n)?,
                parenthesized: true,
            }),
            "Await" => Expr::Await(ast::ExprAwait {
                node_index,
                range,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "Yield" => Expr::Yield(ast::ExprYield {
                node_index,
                range,
                value: self.opt_expr(n, "value")?,
            }),
            "YieldFrom" => Expr::YieldFrom(ast::ExprYieldFrom {
                node_index,
                range,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "Compare" => {
                let ops = list(n, "ops")?;
                let comparators = list(n, "comparators")?;
                if ops.is_empty() {
                    return Err(err("ValueError: Compare with no comparators".into()));
                }
                if ops.len() != comparators.len() {
                    return Err(err(
                        "ValueError: Compare has a different number of comparators and operands"
                            .into(),
                    ));
                }
                let ops = ops
                    .iter()
                    .map(|o| cmpop(as_node(o).map_or("", |o| o.class)))
                    .collect::<R<Vec<_>>>()?;
                Expr::Compare(ast::ExprCompare {
                    node_index,
                    range,
                    left: self.bexpr(n, "left", Ctx::Load)?,
                    ops: ops.into_boxed_slice(),
                    comparators: self.exprs(comparators, Ctx::Load)?.into_boxed_slice(),
                })
            }
            "Call" => {
                let func = self.bexpr(n, "func", Ctx::Load)?;
                let args = self.exprs(list(n, "args")?, Ctx::Load)?;
                let keywords = self.keywords(list(n, "keywords")?)?;
                Expr::Call(ast::ExprCall {
                    node_index,
                    range_start: range.start(),
                    func,
                    arguments: ast::Arguments {
                        range: TextRange::new(range.start(), range.end()),
                        node_index: idx(),
                        args: args.into_boxed_slice(),
                        keywords: keywords.into_iter().collect(),
                    },
                })
            }
            "FormattedValue" => {
                // A lone replacement field outside `JoinedStr`: compile it as one.
                let el = self.interpolation(n, range)?;
                fstring(vec![el], range)
            }
            "JoinedStr" => fstring(self.fstring_elements(n, range)?, range),
            "Constant" => self.constant(field(n, "value")?, range)?,
            "Attribute" => {
                self.check_ctx(n, ctx)?;
                Expr::Attribute(ast::ExprAttribute {
                    node_index,
                    range,
                    value: self.bexpr(n, "value", Ctx::Load)?,
                    attr: self.ident(field(n, "attr")?, range)?,
                    ctx: ctx.ruff(),
                })
            }
            "Subscript" => {
                self.check_ctx(n, ctx)?;
                Expr::Subscript(ast::ExprSubscript {
                    node_index,
                    range,
                    value: self.bexpr(n, "value", Ctx::Load)?,
                    slice: self.bexpr(n, "slice", Ctx::Load)?,
                    ctx: ctx.ruff(),
                })
            }
            "Starred" => {
                self.check_ctx(n, ctx)?;
                Expr::Starred(ast::ExprStarred {
                    node_index,
                    range,
                    value: self.bexpr(n, "value", ctx)?,
                    ctx: ctx.ruff(),
                })
            }
            "Name" => {
                self.check_ctx(n, ctx)?;
                let id = text(field(n, "id")?)
                    .ok_or_else(|| err("TypeError: AST identifier must be of type str".into()))?;
                if matches!(id, "None" | "True" | "False") {
                    return Err(err(format!(
                        "ValueError: identifier field can't represent '{id}' constant"
                    )));
                }
                Expr::Name(ast::ExprName {
                    node_index,
                    range,
                    id: Name::new(id),
                    ctx: ctx.ruff(),
                })
            }
            "List" => {
                self.check_ctx(n, ctx)?;
                Expr::List(ast::ExprList {
                    node_index,
                    range,
                    elts: self.exprs(list(n, "elts")?, ctx)?,
                    ctx: ctx.ruff(),
                })
            }
            "Tuple" => {
                self.check_ctx(n, ctx)?;
                Expr::Tuple(ast::ExprTuple {
                    node_index,
                    range,
                    elts: self.exprs(list(n, "elts")?, ctx)?,
                    ctx: ctx.ruff(),
                    parenthesized: true,
                })
            }
            "Slice" => Expr::Slice(ast::ExprSlice {
                node_index,
                range,
                lower: self.opt_expr(n, "lower")?,
                upper: self.opt_expr(n, "upper")?,
                step: self.opt_expr(n, "step")?,
            }),
            other => {
                return Err(err(format!(
                    "TypeError: expected some sort of expr, but got <{other}>"
                )))
            }
        })
    }

    fn interpolation(&self, n: &TreeNode, range: TextRange) -> R<ast::InterpolatedStringElement> {
        let conversion = match int_field(n, "conversion")? {
            -1 => ast::ConversionFlag::None,
            115 => ast::ConversionFlag::Str,
            114 => ast::ConversionFlag::Repr,
            97 => ast::ConversionFlag::Ascii,
            _ => return Err(err("ValueError: Unknown f-value conversion kind".into())),
        };
        let format_spec = match opt_sub(n, "format_spec")? {
            Some(spec) => Some(Box::new(ast::InterpolatedStringFormatSpec {
                range,
                node_index: idx(),
                elements: self.fstring_elements(spec, range)?.into(),
            })),
            None => None,
        };
        Ok(ast::InterpolatedStringElement::Interpolation(
            ast::InterpolatedElement {
                range,
                node_index: idx(),
                expression: self.bexpr(n, "value", Ctx::Load)?,
                debug_text: None,
                conversion,
                format_spec,
            },
        ))
    }

    /// A `JoinedStr`'s values: string constants and `FormattedValue`s.
    fn fstring_elements(
        &self,
        n: &TreeNode,
        range: TextRange,
    ) -> R<Vec<ast::InterpolatedStringElement>> {
        if n.class != "JoinedStr" {
            return Err(err(format!(
                "TypeError: expected JoinedStr, got {}",
                n.class
            )));
        }
        let mut out = vec![];
        for v in list(n, "values")? {
            let Some(v) = as_node(v) else {
                return Err(err("ValueError: None disallowed in expression list".into()));
            };
            match v.class {
                "Constant" => match field(v, "value")? {
                    TreeValue::Const(Constant::Str(s)) => {
                        out.push(ast::InterpolatedStringElement::Literal(
                            ast::InterpolatedStringLiteralElement {
                                range,
                                node_index: idx(),
                                value: s.clone().into_boxed_str(),
                            },
                        ))
                    }
                    _ => {
                        return Err(err(
                            "TypeError: unexpected constant inside of a JoinedStr".into()
                        ))
                    }
                },
                "FormattedValue" => out.push(self.interpolation(v, range)?),
                _ => return Err(err("ValueError: unexpected expression in JoinedStr".into())),
            }
        }
        Ok(out)
    }

    fn constant(&self, v: &TreeValue, range: TextRange) -> R<Expr> {
        let TreeValue::Const(c) = v else {
            return Err(err("TypeError: got an invalid type in Constant".into()));
        };
        constant_expr(c, range)
    }

    fn pattern(&self, n: &TreeNode) -> R<Pattern> {
        let range = self.range(n);
        let node_index = idx();
        let patterns = |name: &str| -> R<Vec<Pattern>> {
            list(n, name)?
                .iter()
                .map(|p| match as_node(p) {
                    Some(p) => self.pattern(p),
                    None => Err(err("TypeError: expected some sort of pattern".into())),
                })
                .collect()
        };
        Ok(match n.class {
            "MatchValue" => Pattern::MatchValue(ast::PatternMatchValue {
                node_index,
                range,
                value: self.bexpr(n, "value", Ctx::Load)?,
            }),
            "MatchSingleton" => Pattern::MatchSingleton(ast::PatternMatchSingleton {
                node_index,
                range,
                value: match field(n, "value")? {
                    TreeValue::Const(Constant::None) => ast::Singleton::None,
                    TreeValue::Const(Constant::Bool(true)) => ast::Singleton::True,
                    TreeValue::Const(Constant::Bool(false)) => ast::Singleton::False,
                    _ => {
                        return Err(err(
                            "ValueError: MatchSingleton can only contain True, False and None"
                                .into(),
                        ))
                    }
                },
            }),
            "MatchSequence" => Pattern::MatchSequence(ast::PatternMatchSequence {
                node_index,
                range,
                patterns: patterns("patterns")?,
            }),
            "MatchMapping" => {
                let keys = self.exprs(list(n, "keys")?, Ctx::Load)?;
                let pats = patterns("patterns")?;
                if keys.len() != pats.len() {
                    return Err(err(
                        "ValueError: MatchMapping doesn't have the same number of keys as patterns"
                            .into(),
                    ));
                }
                Pattern::MatchMapping(ast::PatternMatchMapping {
                    node_index,
                    range,
                    keys: keys.into_iter().collect(),
                    patterns: pats.into_iter().collect(),
                    rest: self.opt_ident(field(n, "rest")?, range)?,
                })
            }
            "MatchClass" => {
                let attrs = list(n, "kwd_attrs")?;
                let kwd = patterns("kwd_patterns")?;
                if attrs.len() != kwd.len() {
                    return Err(err(
                        "ValueError: MatchClass doesn't have the same number of keyword attributes as patterns"
                            .into(),
                    ));
                }
                let mut keywords = vec![];
                for (a, p) in attrs.iter().zip(kwd) {
                    keywords.push(ast::PatternKeyword {
                        range: ruff_text_size::Ranged::range(&p),
                        node_index: idx(),
                        attr: self.ident(a, range)?,
                        pattern: p,
                    });
                }
                Pattern::MatchClass(ast::PatternMatchClass {
                    node_index,
                    range,
                    cls: self.bexpr(n, "cls", Ctx::Load)?,
                    arguments: ast::PatternArguments {
                        range,
                        node_index: idx(),
                        patterns: patterns("patterns")?.into_iter().collect(),
                        keywords,
                    },
                })
            }
            "MatchStar" => Pattern::MatchStar(ast::PatternMatchStar {
                node_index,
                range,
                name: self.opt_ident(field(n, "name")?, range)?,
            }),
            "MatchAs" => {
                let pattern = match opt_sub(n, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(p)?)),
                    None => None,
                };
                let name = self.opt_ident(field(n, "name")?, range)?;
                if pattern.is_some() && name.is_none() {
                    return Err(err(
                        "ValueError: MatchAs must specify a target name if a pattern is given"
                            .into(),
                    ));
                }
                Pattern::MatchAs(ast::PatternMatchAs {
                    node_index,
                    range,
                    pattern,
                    name,
                })
            }
            "MatchOr" => {
                let pats = patterns("patterns")?;
                if pats.len() < 2 {
                    return Err(err(
                        "ValueError: MatchOr requires at least 2 patterns".into()
                    ));
                }
                Pattern::MatchOr(ast::PatternMatchOr {
                    node_index,
                    range,
                    patterns: pats,
                })
            }
            other => {
                return Err(err(format!(
                    "TypeError: expected some sort of pattern, but got <{other}>"
                )))
            }
        })
    }
}

fn fstring(elements: Vec<ast::InterpolatedStringElement>, range: TextRange) -> Expr {
    Expr::FString(ast::ExprFString {
        node_index: idx(),
        range,
        value: ast::FStringValue::single(ast::FString {
            range,
            node_index: idx(),
            elements: elements.into(),
            flags: ast::FStringFlags::empty(),
        }),
    })
}

/// A constant as the literal expression the code generator folds back into it.
fn constant_expr(c: &Constant, range: TextRange) -> R<Expr> {
    let node_index = idx();
    let number = |value: ast::Number| {
        Expr::NumberLiteral(ast::ExprNumberLiteral {
            node_index: idx(),
            range,
            value,
        })
    };
    // A negative int is `-(magnitude)`, which the generator folds into one constant.
    let int = |negative: bool, magnitude: ast::Int| {
        let lit = number(ast::Number::Int(magnitude));
        if negative {
            Expr::UnaryOp(ast::ExprUnaryOp {
                node_index: idx(),
                range,
                op: ast::UnaryOp::USub,
                operand: Box::new(lit),
            })
        } else {
            lit
        }
    };
    Ok(match c {
        Constant::None => Expr::NoneLiteral(ast::ExprNoneLiteral { node_index, range }),
        Constant::Bool(b) => Expr::BooleanLiteral(ast::ExprBooleanLiteral {
            node_index,
            range,
            value: *b,
        }),
        Constant::Ellipsis => Expr::EllipsisLiteral(ast::ExprEllipsisLiteral { node_index, range }),
        Constant::Int(i) => int(*i < 0, ast::Int::from(i.unsigned_abs())),
        Constant::BigInt {
            negative,
            magnitude_le,
        } => {
            let digits = BigInt::from_bytes_le(Sign::Plus, magnitude_le).to_string();
            let m: ast::Int = digits
                .parse()
                .map_err(|_| err("ValueError: invalid integer constant".into()))?;
            int(*negative, m)
        }
        Constant::Float(f) => number(ast::Number::Float(*f)),
        Constant::WideStr(_) => {
            return Err(err(
                "NotImplementedError: a str constant holding a lone surrogate in a node tree"
                    .into(),
            ))
        }
        Constant::Complex(re, im) => number(ast::Number::Complex {
            real: *re,
            imag: *im,
        }),
        Constant::Str(s) => Expr::StringLiteral(ast::ExprStringLiteral {
            node_index,
            range,
            value: ast::StringLiteralValue::single(ast::StringLiteral {
                range,
                node_index: idx(),
                value: s.clone().into_boxed_str(),
                flags: ast::StringLiteralFlags::empty(),
            }),
        }),
        Constant::Bytes(b) => Expr::BytesLiteral(ast::ExprBytesLiteral {
            node_index,
            range,
            value: ast::BytesLiteralValue::single(ast::BytesLiteral {
                range,
                node_index: idx(),
                value: b.clone().into_boxed_slice(),
                flags: ast::BytesLiteralFlags::empty(),
            }),
        }),
        Constant::Tuple(items) => Expr::Tuple(ast::ExprTuple {
            node_index,
            range,
            elts: items
                .iter()
                .map(|i| constant_expr(i, range))
                .collect::<R<_>>()?,
            ctx: ast::ExprContext::Load,
            parenthesized: true,
        }),
        Constant::Code(_) => return Err(err("TypeError: got an invalid type in Constant".into())),
    })
}

fn operator(n: &TreeNode) -> R<ast::Operator> {
    use ast::Operator::*;
    Ok(match n.class {
        "Add" => Add,
        "Sub" => Sub,
        "Mult" => Mult,
        "MatMult" => MatMult,
        "Div" => Div,
        "Mod" => Mod,
        "Pow" => Pow,
        "LShift" => LShift,
        "RShift" => RShift,
        "BitOr" => BitOr,
        "BitXor" => BitXor,
        "BitAnd" => BitAnd,
        "FloorDiv" => FloorDiv,
        _ => return Err(err("TypeError: expected some sort of operator".into())),
    })
}

fn cmpop(name: &str) -> R<ast::CmpOp> {
    use ast::CmpOp::*;
    Ok(match name {
        "Eq" => Eq,
        "NotEq" => NotEq,
        "Lt" => Lt,
        "LtE" => LtE,
        "Gt" => Gt,
        "GtE" => GtE,
        "Is" => Is,
        "IsNot" => IsNot,
        "In" => In,
        "NotIn" => NotIn,
        _ => return Err(err("TypeError: expected some sort of cmpop".into())),
    })
}
