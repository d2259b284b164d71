//! `match` statements, compiled as CPython 3.11 does: the subject stays on the stack, each
//! case matches a copy of it, and the values a pattern captures pile up on the stack (below
//! whatever the pattern still works on) and are stored only once the whole pattern matched.
//! A failing test jumps to a "fail pop" label that pops exactly the items pushed so far.

use super::{Codegen, NameCtx, R};
use crate::assemble::Label;
use crate::consts;
use permafrost_image::opcode::{BinaryOp, CompareOp, Opcode};
use permafrost_image::Constant;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextSize};

/// The state of one pattern being compiled.
struct PatternCtx {
    /// Names captured so far; their values sit on the stack, the first one topmost.
    stores: Vec<String>,
    /// Whether an irrefutable pattern may appear here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and falls into `fail_pop[n - 1]`, down to the failure.
    fail_pop: Vec<Label>,
    /// Items above the captured values that a failure must pop.
    on_top: usize,
    /// Where the pattern compiled last starts (CPython reports some errors there).
    last: TextSize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A literal a value pattern or mapping key may be: numbers (signed, and complex sums),
/// strings, bytes, and the singletons.
fn is_literal(e: &Expr) -> bool {
    fn number(e: &Expr) -> bool {
        match e {
            Expr::NumberLiteral(_) => true,
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
                matches!(*u.operand, Expr::NumberLiteral(_))
            }
            _ => false,
        }
    }
    match e {
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::BooleanLiteral(_) => true,
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && number(&b.left)
                && matches!(&*b.right, Expr::NumberLiteral(n)
                    if matches!(n.value, ast::Number::Complex { .. }))
        }
        other => number(other),
    }
}

impl<'s, 'a> Codegen<'s, 'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.label();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let n = cases - usize::from(has_default);
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_line(case.pattern.start());
            // Only the last case consumes the subject itself.
            if i != n - 1 {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
                last: case.pattern.start(),
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, NameCtx::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, false, target)?;
            }
            if i != n - 1 {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.body(&case.body)?;
            self.jump(Opcode::JUMP, end);
            self.set_line(case.pattern.start());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(case.pattern.start());
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, end)?;
            }
            self.body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, &l) in labels.iter().enumerate().rev() {
            self.bind(l);
            if i > 0 {
                self.emit(Opcode::POP_TOP, 0);
            }
        }
    }

    /// Moves the top of the stack `count - 1` places down.
    fn rotate(&mut self, count: usize) -> R {
        let mut count = count;
        while count > 1 {
            self.emit_arg(Opcode::SWAP, count, TextSize::default())?;
            count -= 1;
        }
        Ok(())
    }

    fn store_name(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternCtx) -> R {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        self.check_duplicate(name.as_str(), pc.last, pc)?;
        self.rotate(pc.on_top + pc.stores.len() + 1)?;
        pc.stores.push(name.as_str().to_string());
        Ok(())
    }

    fn check_duplicate(&self, name: &str, at: TextSize, pc: &PatternCtx) -> R {
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.src.syntax_error(
                at,
                format!("multiple assignments to name '{name}' in pattern"),
            ));
        }
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        self.set_line(p.start());
        pc.last = p.start();
        match p {
            Pattern::MatchValue(v) => {
                if !is_literal(&v.value) && !matches!(*v.value, Expr::Attribute(_)) {
                    return Err(self.src.syntax_error(
                        v.value.start(),
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.value_expr(&v.value)?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                })?;
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_name(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.as_str()
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.src.syntax_error_over(a.range(), msg));
                    }
                    self.store_name(a.name.as_ref(), pc)
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(a.name.as_ref(), pc)
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        }
    }

    /// A literal as one constant when it folds to one (`-1`, `1+2j`), else evaluated.
    fn value_expr(&mut self, e: &'a Expr) -> R {
        match consts::fold(e) {
            Some(c) => self.load_const(c),
            None => self.expr(e),
        }
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern_sequence(&mut self, s: &'a ast::PatternMatchSequence, pc: &mut PatternCtx) -> R {
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.src.syntax_error_over(
                        s.range(),
                        "multiple starred names in sequence pattern",
                    ));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64))?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64 - 1))?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        match star {
            Some(star) if star_wildcard => {
                // `[a, *_, b]`: index the needed items instead of unpacking the middle.
                pc.on_top += 1;
                for (i, p) in patterns.iter().enumerate() {
                    if is_wildcard(p) || i == star {
                        continue;
                    }
                    self.emit(Opcode::COPY, 1);
                    if i < star {
                        self.load_const(Constant::Int(i as i64))?;
                    } else {
                        // The subject may not support negative indexes.
                        self.emit(Opcode::GET_LEN, 0);
                        self.load_const(Constant::Int((size - i) as i64))?;
                        self.emit(Opcode::BINARY_OP, BinaryOp::Sub as u32);
                    }
                    self.emit(Opcode::BINARY_SUBSCR, 0);
                    self.subpattern(p, pc)?;
                }
                pc.on_top -= 1;
                self.emit(Opcode::POP_TOP, 0);
            }
            _ => {
                match star {
                    None => self.emit_arg(Opcode::UNPACK_SEQUENCE, size, s.start())?,
                    Some(i) => {
                        let after = size - i - 1;
                        if i >= 256 || after >= (1 << 16) {
                            return Err(self.src.syntax_error(
                                s.start(),
                                "too many expressions in star-unpacking assignment",
                            ));
                        }
                        self.emit(Opcode::UNPACK_EX, (i | (after << 8)) as u32);
                    }
                }
                pc.on_top += size;
                for p in patterns {
                    pc.on_top -= 1;
                    self.subpattern(p, pc)?;
                }
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> R {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size as i64))?;
            self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            if is_literal(key) {
                if let Some(c) = consts::fold(key) {
                    if seen.iter().any(|s| consts::key_eq(s, &c)) {
                        return Err(self.src.syntax_error(
                            m.start(),
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                consts::repr(&c)
                            ),
                        ));
                    }
                    seen.push(c);
                }
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.src.syntax_error(
                    key.start(),
                    "mapping pattern keys may only match literals and attribute lookups",
                ));
            }
            self.value_expr(key)?;
        }
        self.emit_arg(Opcode::BUILD_TUPLE, size, m.start())?;
        self.emit(Opcode::MATCH_KEYS, 0);
        // The keys tuple and the values tuple (or None) are now on top of the subject.
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None)?;
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, size, m.start())?;
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit_arg(Opcode::UNPACK_SEQUENCE, size, m.start())?;
                let mut left = size;
                while left > 0 {
                    self.emit_arg(Opcode::COPY, 1 + left, m.start())?;
                    left -= 1;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.store_name(Some(rest), pc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> R {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, k) in args.keywords.iter().enumerate() {
            if let Some(dup) = args.keywords[i + 1..]
                .iter()
                .find(|o| o.attr.as_str() == k.attr.as_str())
            {
                return Err(self.src.syntax_error(
                    dup.pattern.start(),
                    format!(
                        "attribute name repeated in class pattern: {}",
                        k.attr.as_str()
                    ),
                ));
            }
        }
        self.expr(&c.cls)?;
        self.load_const(Constant::Tuple(
            args.keywords
                .iter()
                .map(|k| Constant::Str(k.attr.as_str().to_string()))
                .collect(),
        ))?;
        self.set_line(c.start());
        self.emit_arg(Opcode::MATCH_CLASS, nargs, c.start())?;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None)?;
        self.emit(Opcode::IS_OP, 1);
        // The attributes tuple (or None) replaced the subject.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit_arg(Opcode::UNPACK_SEQUENCE, nargs + nattrs, c.start())?;
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let subs = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for p in subs {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> R {
        let end = self.label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        // The names bound by the first alternative: the others must bind the same ones, and
        // their values are reordered on the stack to this order.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_line(alt.start());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self
                        .src
                        .syntax_error(pc.last, "alternative patterns bind different names"))
                }
                Some(ctl) => {
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.src.syntax_error(
                                pc.last,
                                "alternative patterns bind different names",
                            ));
                        };
                        if icontrol != istores {
                            // Rotate the names (and their values) into the control order.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1)?;
                            }
                        }
                    }
                }
            }
            self.jump(Opcode::JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Opcode::JUMP);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in &control {
            self.rotate(nrots)?;
            self.check_duplicate(name, pc.last, pc)?;
            pc.stores.push(name.clone());
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
