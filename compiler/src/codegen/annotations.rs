//! Annotations as CPython 3.11 compiles them: a module or class body with annotated
//! assignments starts by making its `__annotations__` dict and each simple `name: T` stores
//! `T` there under the (mangled) name; a def's annotations are a tuple of name/value pairs
//! handed to `MAKE_FUNCTION` (flag 0x4). Under `from __future__ import annotations` the values
//! are the annotations' text, never evaluated. Annotations inside function bodies are neither
//! evaluated nor stored.

use super::{unparse, Codegen, NameCtx, R};
use crate::scope::ScopeKind;
use permafrost_image::opcode::Opcode;
use permafrost_image::Constant;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

/// Whether a block holds an annotated assignment outside nested defs and classes.
fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => find_ann(&h.body),
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'s, 'a> Codegen<'s, 'a> {
    /// Whether annotations in the current unit are evaluated and stored (module and class
    /// bodies).
    fn stores_annotations(&self) -> bool {
        matches!(self.unit.kind, ScopeKind::Module | ScopeKind::Class)
    }

    /// `SETUP_ANNOTATIONS` for a module or class body that has annotations: a fresh
    /// `__annotations__` dict. A class body keeps one its namespace already holds (a
    /// metaclass's `__prepare__` may supply it): `if '__annotations__' not in locals`.
    pub(super) fn setup_annotations(&mut self, body: &'a [Stmt]) -> R {
        if !self.stores_annotations() || !find_ann(body) {
            return Ok(());
        }
        if self.unit.kind != ScopeKind::Class {
            self.emit(Opcode::BUILD_MAP, 0);
            return self.annotations_op(NameCtx::Store);
        }
        let present = self.label();
        self.load_const(Constant::Str("__annotations__".to_string()))?;
        self.emit(Opcode::LOAD_LOCALS, 0);
        self.emit(Opcode::CONTAINS_OP, 0);
        self.jump(Opcode::POP_JUMP_IF_TRUE, present);
        self.emit(Opcode::BUILD_MAP, 0);
        self.annotations_op(NameCtx::Store)?;
        self.bind(present);
        Ok(())
    }

    /// Loads or stores `__annotations__` of the running module or class body.
    fn annotations_op(&mut self, ctx: NameCtx) -> R {
        if self.unit.kind == ScopeKind::Class {
            let op = match ctx {
                NameCtx::Store => Opcode::STORE_NAME,
                _ => Opcode::LOAD_NAME,
            };
            return self.emit_name(op, "__annotations__");
        }
        self.name_op("__annotations__", ctx)
    }

    /// Pushes an annotation: its value, or its text under `from __future__ import
    /// annotations`.
    fn annotation_value(&mut self, e: &'a Expr) -> R {
        if self.table.future_annotations {
            let text = unparse::annotation(e).unwrap_or_else(|| {
                self.src
                    .source
                    .get(e.range().to_std_range())
                    .unwrap_or("")
                    .to_string()
            });
            return self.load_const(Constant::Str(text));
        }
        // `*args: *Ts` (PEP 646): the one item the annotation unpacks to, as CPython 3.11
        // compiles it.
        if let Expr::Starred(s) = e {
            self.expr(&s.value)?;
            return self.emit_arg(Opcode::UNPACK_SEQUENCE, 1, e.start());
        }
        self.expr(e)
    }

    /// `target: annotation [= value]`.
    pub(super) fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        match a.target.as_ref() {
            Expr::Name(n) if a.simple => {
                if self.stores_annotations() {
                    self.annotation_value(&a.annotation)?;
                    self.annotations_op(NameCtx::Load)?;
                    let key = self.mangled(n.id.as_str());
                    self.load_const(Constant::Str(key))?;
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            target => {
                if a.value.is_none() {
                    // The target's object (and subscript) are still evaluated.
                    match target {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        Expr::Subscript(sub) => {
                            self.expr(&sub.value)?;
                            self.expr(&sub.slice)?;
                            self.emit(Opcode::POP_TOP, 0);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        _ => {}
                    }
                }
                // A complex target's annotation is evaluated (and dropped) in module and
                // class bodies, unless annotations are strings.
                if self.stores_annotations() && !self.table.future_annotations {
                    self.expr(&a.annotation)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
        }
        Ok(())
    }

    /// Pushes a def's annotations as a tuple of name/value pairs; the MAKE_FUNCTION flag
    /// (0x4) when there are any, else 0.
    pub(super) fn def_annotations(
        &mut self,
        params: &'a ast::Parameters,
        returns: Option<&'a Expr>,
    ) -> R<u32> {
        let mut pairs: Vec<(&'a str, &'a Expr)> = Vec::new();
        let with = |p: &'a ast::Parameter, pairs: &mut Vec<(&'a str, &'a Expr)>| {
            if let Some(a) = p.annotation.as_deref() {
                pairs.push((p.name.as_str(), a));
            }
        };
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            with(&p.parameter, &mut pairs);
        }
        if let Some(p) = params.vararg.as_deref() {
            with(p, &mut pairs);
        }
        for p in params.kwonlyargs.iter() {
            with(&p.parameter, &mut pairs);
        }
        if let Some(p) = params.kwarg.as_deref() {
            with(p, &mut pairs);
        }
        if let Some(r) = returns {
            pairs.push(("return", r));
        }
        if pairs.is_empty() {
            return Ok(0);
        }
        for (name, e) in &pairs {
            let key = self.mangled(name);
            self.load_const(Constant::Str(key))?;
            self.annotation_value(e)?;
        }
        self.emit_arg(Opcode::BUILD_TUPLE, 2 * pairs.len(), params.start())?;
        Ok(0x4)
    }
}
