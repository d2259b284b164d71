//! Expression text as CPython's compiler writes it for annotations under
//! `from __future__ import annotations`: normalised spacing, literals by their repr, and
//! parentheses only where precedence needs them. Expressions outside what annotations
//! usually hold give `None`, and the caller falls back to the source text.

use crate::consts;
use ruff_python_ast::{self as ast, Expr};

/// Binding strength, weakest first (CPython's `ast_unparse.c` levels).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Prec {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BOr,
    BXor,
    BAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

/// The text of an annotation expression.
pub(super) fn annotation(e: &Expr) -> Option<String> {
    let mut out = String::new();
    write(e, Prec::Test, &mut out)?;
    Some(out)
}

fn binop(op: ast::Operator) -> (&'static str, Prec) {
    use ast::Operator::*;
    match op {
        Add => ("+", Prec::Arith),
        Sub => ("-", Prec::Arith),
        Mult => ("*", Prec::Term),
        MatMult => ("@", Prec::Term),
        Div => ("/", Prec::Term),
        Mod => ("%", Prec::Term),
        FloorDiv => ("//", Prec::Term),
        Pow => ("**", Prec::Power),
        LShift => ("<<", Prec::Shift),
        RShift => (">>", Prec::Shift),
        BitOr => ("|", Prec::BOr),
        BitXor => ("^", Prec::BXor),
        BitAnd => ("&", Prec::BAnd),
    }
}

fn write(e: &Expr, level: Prec, out: &mut String) -> Option<()> {
    match e {
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::Attribute(a) => {
            // `1 .real`: an int literal needs a space before the dot.
            let int_lit = matches!(&*a.value, Expr::NumberLiteral(n)
                if matches!(n.value, ast::Number::Int(_)));
            write(&a.value, Prec::Atom, out)?;
            if int_lit {
                out.push(' ');
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            write(&s.value, Prec::Atom, out)?;
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    items(&t.elts, out)?;
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => write(other, Prec::Tuple, out)?,
            }
            out.push(']');
        }
        Expr::Tuple(t) => {
            let paren = level > Prec::Tuple || t.elts.is_empty();
            if paren {
                out.push('(');
            }
            items(&t.elts, out)?;
            if t.elts.len() == 1 {
                out.push(',');
            }
            if paren {
                out.push(')');
            }
        }
        Expr::List(l) => {
            out.push('[');
            items(&l.elts, out)?;
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            write(&s.value, Prec::BOr, out)?;
        }
        Expr::BinOp(b) => {
            let (sym, p) = binop(b.op);
            let paren = level > p;
            if paren {
                out.push('(');
            }
            // `**` is right-associative; the others left.
            let (lp, rp) = if p == Prec::Power {
                (next(p), p)
            } else {
                (p, next(p))
            };
            write(&b.left, lp, out)?;
            out.push(' ');
            out.push_str(sym);
            out.push(' ');
            write(&b.right, rp, out)?;
            if paren {
                out.push(')');
            }
        }
        Expr::UnaryOp(u) => {
            let (sym, p) = match u.op {
                ast::UnaryOp::Not => ("not ", Prec::Not),
                ast::UnaryOp::Invert => ("~", Prec::Factor),
                ast::UnaryOp::UAdd => ("+", Prec::Factor),
                ast::UnaryOp::USub => ("-", Prec::Factor),
            };
            let paren = level > p;
            if paren {
                out.push('(');
            }
            out.push_str(sym);
            write(&u.operand, p, out)?;
            if paren {
                out.push(')');
            }
        }
        Expr::Call(c) => {
            write(&c.func, Prec::Atom, out)?;
            out.push('(');
            let mut first = true;
            for a in c.arguments.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write(a, Prec::Test, out)?;
            }
            for k in c.arguments.keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(&k.value, Prec::Test, out)?;
            }
            out.push(')');
        }
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => {
            let c = consts::fold(e)?;
            if matches!(c, permafrost_image::Constant::Ellipsis) {
                out.push_str("...");
            } else {
                out.push_str(&consts::repr(&c));
            }
        }
        Expr::NumberLiteral(n) => {
            let c = consts::number(&n.value)?;
            let text = consts::repr(&c);
            // A negative or complex repr would read differently without parentheses.
            let paren = level > Prec::Factor && text.starts_with('-');
            if paren {
                out.push('(');
            }
            out.push_str(&text);
            if paren {
                out.push(')');
            }
        }
        _ => return None,
    }
    Some(())
}

/// Comma-separated items at tuple-element strength.
fn items(elts: &[Expr], out: &mut String) -> Option<()> {
    for (i, e) in elts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(e, Prec::Test, out)?;
    }
    Some(())
}

/// The next stronger level.
fn next(p: Prec) -> Prec {
    use Prec::*;
    match p {
        Tuple => Test,
        Test => Or,
        Or => And,
        And => Not,
        Not => Cmp,
        Cmp => BOr,
        BOr => BXor,
        BXor => BAnd,
        BAnd => Shift,
        Shift => Arith,
        Arith => Term,
        Term => Factor,
        Factor => Power,
        Power => Await,
        Await | Atom => Atom,
    }
}
