//! CPython's traceback format for uncaught exceptions: chained causes and contexts first,
//! then `Traceback (most recent call last):`, one `File "...", line N, in name` per frame
//! followed by its source line (from the source the image holds) and, where the failing
//! instruction's span does not cover the whole line, a caret line (`^^^^`, or `~~~^^^~~~`
//! for binary operations and subscripts), and `Type: message`. This is CPython 3.11's C
//! printer (`tb_displayline`), which prints uncaught exceptions.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::Vm;
use crate::ErrorReport;

/// Identical traceback entries printed before the rest of a run is summarised.
const RECURSIVE_CUTOFF: usize = 3;

/// The summary line for a run of `run` identical entries, if it was cut.
fn push_repeated(out: &mut String, run: usize) {
    if run > RECURSIVE_CUTOFF {
        let more = run - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        out.push_str(&format!(
            "  [Previous line repeated {more} more time{plural}]\n"
        ));
    }
}

/// Line `n` (1-based) of `src` without its line end; lines end at `\n`, `\r\n` or `\r`,
/// as a text file reads (and as the compiler counts lines).
fn source_line(src: &str, n: u32) -> Option<&str> {
    let b = src.as_bytes();
    let mut start = 0usize;
    let mut line = 1u32;
    loop {
        let mut end = start;
        while end < b.len() && b[end] != b'\n' && b[end] != b'\r' {
            end += 1;
        }
        if line == n {
            return (start < b.len() || end > start).then(|| &src[start..end]);
        }
        if end >= b.len() {
            return None;
        }
        start = if b[end] == b'\r' && b.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        line += 1;
    }
}

/// Indentation and the whitespace ends of a caret span, as the printer counts them.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// The character offset of UTF-8 byte offset `off` in `s` (an offset past the end counts the
/// terminating NUL of CPython's buffer, once).
fn char_offset(s: &str, off: usize) -> usize {
    if off > s.len() {
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&s.as_bytes()[..off])
        .chars()
        .count()
}

/// The source line of a traceback entry and its caret line, if any (CPython's
/// `tb_displayline`). `line` is the entry's line, `at` the instruction that failed.
fn push_source(out: &mut String, view: permafrost_image::CodeView<'_>, at: u32, line: u32) {
    let Some(src) = view.source() else {
        return;
    };
    let Some(full) = source_line(src.as_str(), line) else {
        return;
    };
    let indent = full.bytes().take_while(|&b| is_ws(b)).count();
    out.push_str("    ");
    out.push_str(&full[indent..]);
    out.push('\n');
    let Some(p) = view.position_of(at) else {
        return;
    };
    let (Some(col), Some(end_col)) = (p.col, p.end_col) else {
        return;
    };
    let start = char_offset(full, col as usize);
    let mut end = char_offset(full, end_col as usize);
    let mut anchors = None;
    if p.line == p.end_line {
        let segment: String = full
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        if let Some((l, r)) = permafrost_compiler::caret_anchors(&segment) {
            anchors = Some((
                char_offset(&segment, l) + start,
                char_offset(&segment, r) + start,
            ));
        }
    } else {
        // A span over several lines is highlighted to the first line's last non-blank byte.
        let b = full.as_bytes();
        let mut k = b.len();
        while k > 0 && is_ws(b[k - 1]) {
            k -= 1;
        }
        end = k;
    }
    let stripped_len = full.chars().count() as i64 - indent as i64;
    if end as i64 - start as i64 == stripped_len && anchors.is_none() {
        return;
    }
    let (primary, secondary) = if anchors.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    let mut offset = indent as i64 - 4;
    loop {
        offset += 1;
        if offset > end as i64 {
            break;
        }
        let ch = if offset <= start as i64 {
            ' '
        } else if matches!(anchors, Some((l, r)) if (l as i64) < offset && offset <= r as i64) {
            secondary
        } else {
            primary
        };
        out.push(ch);
    }
    out.push('\n');
}

/// CPython's limits on printing exception groups (`max_group_width`, `max_group_depth`).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Where a traceback is inside nested exception groups: each level indents its lines and
/// prefixes them with a margin (`| `, `+ ` on a top-level group's header).
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `text` with every line (empty ones too) indented for the current depth.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// The exception's type name as tracebacks print it (`mod.Name` outside `__main__`).
    pub fn exc_type_display(&self, exc: &ObjRef) -> String {
        match exc.get() {
            Object::Instance(i) => match i.class.get() {
                Object::Class(c) => {
                    if c.module == "builtins" || c.module == "__main__" {
                        c.qualname.clone()
                    } else {
                        format!("{}.{}", c.module, c.qualname)
                    }
                }
                _ => "?".into(),
            },
            _ => "?".into(),
        }
    }

    fn format_one(&mut self, exc: &ObjRef, out: &mut String, depth: usize) {
        let mut ctx = GroupCtx::default();
        self.format_exc(exc, out, depth, &mut ctx);
    }

    /// One exception with its chain, inside `ctx`'s exception-group frames (CPython's
    /// `TracebackException.format`).
    fn format_exc(&mut self, exc: &ObjRef, out: &mut String, depth: usize, ctx: &mut GroupCtx) {
        let (cause, context, suppress, tb) = match exc.get() {
            Object::Instance(i) => match &i.exc {
                Some(e) => (
                    e.cause.clone(),
                    e.context.clone(),
                    e.suppress_context,
                    e.traceback.clone(),
                ),
                None => (Value::Null, Value::Null, false, Vec::new()),
            },
            _ => (Value::Null, Value::Null, false, Vec::new()),
        };
        if depth < 50 {
            if let Value::Obj(c) = &cause {
                self.format_exc(c, out, depth + 1, ctx);
                ctx.emit(
                    out,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                    '|',
                );
            } else if let (Value::Obj(c), false) = (&context, suppress) {
                self.format_exc(c, out, depth + 1, ctx);
                ctx.emit(
                    out,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                    '|',
                );
            }
        }
        let group = crate::objects::exception_group::is_group_class(
            self,
            &self.type_of(&Value::Obj(exc.clone())),
        );
        let items = if group {
            match self
                .getattr_opt(&Value::Obj(exc.clone()), "exceptions")
                .ok()
                .flatten()
                .as_ref()
                .and_then(|v| v.body())
            {
                Some(Object::Tuple(t)) => Some(t.to_vec()),
                _ => None,
            }
        } else {
            None
        };
        let Some(items) = items else {
            if !tb.is_empty() {
                let mut buf = String::from("Traceback (most recent call last):\n");
                self.push_entries(&tb, &mut buf);
                ctx.emit(out, &buf, '|');
            }
            let only = self.exception_only(exc);
            ctx.emit(out, &only, '|');
            return;
        };
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                out,
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !tb.is_empty() {
            let mut buf = String::new();
            self.push_entries(&tb, &mut buf);
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            ctx.emit(out, &buf, '|');
        }
        let only = self.exception_only(exc);
        ctx.emit(out, &only, '|');
        let n = items.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for (i, item) in items.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if !truncated {
                if let Value::Obj(e) = item {
                    self.format_exc(e, out, depth + 1, ctx);
                }
            } else {
                let remaining = items.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("and {remaining} more exception{plural}\n"),
                    '|',
                );
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The traceback's entries, outermost first, with their source and caret lines.
    fn push_entries(&mut self, tb: &[(u32, u32)], out: &mut String) {
        // CPython prints a run of identical entries (same file, line and function) three
        // times, then `[Previous line repeated N more times]` for the rest.
        let mut previous = String::new();
        let mut run = 0usize;
        for &(code, at) in tb.iter().rev() {
            let view = self.codes[code as usize].view;
            let line = view.line_of(at);
            let entry = format!(
                "  File \"{}\", line {}, in {}\n",
                view.filename().as_str(),
                line,
                view.name().as_str()
            );
            // Runs are of the same file, line and function, whatever the columns.
            if entry != previous {
                push_repeated(out, run);
                run = 0;
            }
            run += 1;
            if run <= RECURSIVE_CUTOFF {
                out.push_str(&entry);
                push_source(out, view, at, line);
            }
            previous = entry;
        }
        push_repeated(out, run);
    }

    /// `Type: message` and the notes, one per line.
    fn exception_only(&mut self, exc: &ObjRef) -> String {
        let mut out = String::new();
        let name = self.exc_type_display(exc);
        let msg = self
            .str_of(&Value::Obj(exc.clone()))
            .unwrap_or_else(|_| "<exception str() failed>".into());
        out.push_str(&name);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        if let Some(s) = self.suggestion(exc) {
            out.push_str(". Did you mean: '");
            out.push_str(&s);
            out.push_str("'?");
        }
        out.push('\n');
        if let Ok(Some(notes)) = self.getattr_opt(&Value::Obj(exc.clone()), "__notes__") {
            for n in self.seq_items(&notes) {
                if let Some(s) = n.as_str() {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// CPython 3.11's "Did you mean" for an `AttributeError` (the closest name in
    /// `dir(obj)`) or a `NameError` (in the failing code's variables, then its module's
    /// globals, then the built-ins), from the exception's `name` and `obj`.
    fn suggestion(&mut self, exc: &ObjRef) -> Option<String> {
        use crate::vm::ExcKind;
        use permafrost_semantics::suggest::closest;
        let attr = |e: &ObjRef, key: &str| match e.get() {
            Object::Instance(i) => crate::vm::attrs::dict_get_str(i.table(), key).cloned(),
            _ => None,
        };
        if self.exc_matches(exc, ExcKind::AttributeError) {
            let name = attr(exc, "name")?;
            let name = name.as_str()?.to_string();
            let obj = attr(exc, "obj")?;
            let dir = Value::Native(&crate::builtins::functions::DIR);
            let listed = self.call(&dir, &[obj], &[]).ok()?;
            let names = self.seq_items(&listed);
            let names: Vec<&str> = names.iter().filter_map(|n| n.as_str()).collect();
            return closest(&name, &names).map(str::to_string);
        }
        if !self.exc_matches(exc, ExcKind::NameError) {
            return None;
        }
        let name = attr(exc, "name")?;
        let name = name.as_str()?.to_string();
        let code = match exc.get() {
            Object::Instance(i) => i.exc.as_ref()?.traceback.first()?.0,
            _ => return None,
        };
        let view = self.codes.get(code as usize)?.view;
        let locals: Vec<String> = view
            .varnames()
            .iter()
            .map(|n| n.as_str().to_string())
            .collect();
        let refs: Vec<&str> = locals.iter().map(String::as_str).collect();
        if let Some(s) = closest(&name, &refs) {
            return Some(s.to_string());
        }
        let module = self.codes[code as usize].module;
        let globals = self
            .modules
            .get(module as usize)
            .cloned()
            .flatten()
            .map(|m| module_names(&m))
            .unwrap_or_default();
        let refs: Vec<&str> = globals.iter().map(String::as_str).collect();
        if let Some(s) = closest(&name, &refs) {
            return Some(s.to_string());
        }
        let builtins = self.import_module("builtins").ok()?;
        let builtins = module_names(builtins.as_obj()?);
        let refs: Vec<&str> = builtins.iter().map(String::as_str).collect();
        closest(&name, &refs).map(str::to_string)
    }

    /// The report for an uncaught exception.
    pub fn error_report(&mut self, exc: &ObjRef) -> ErrorReport {
        let mut traceback = String::new();
        self.format_one(exc, &mut traceback, 0);
        let type_name = match exc.get() {
            Object::Instance(i) => Vm::class_name(&i.class),
            _ => "?".into(),
        };
        let message = self.str_of(&Value::Obj(exc.clone())).unwrap_or_default();
        let system_exit = if self.exc_matches(exc, crate::vm::ExcKind::SystemExit) {
            Some(self.system_exit_report(exc))
        } else {
            None
        };
        ErrorReport {
            type_name,
            message,
            traceback,
            system_exit,
        }
    }

    /// The exit status and stderr text of an uncaught `SystemExit`.
    fn system_exit_report(&mut self, exc: &ObjRef) -> crate::SystemExitReport {
        let code = self
            .getattr_opt(&Value::Obj(exc.clone()), "code")
            .ok()
            .flatten()
            .unwrap_or(Value::None);
        match &code {
            Value::None => crate::SystemExitReport {
                status: 0,
                stderr: String::new(),
            },
            Value::Int(i) => crate::SystemExitReport {
                // As C's exit(): the low bits of a C long.
                status: *i as i32,
                stderr: String::new(),
            },
            Value::Bool(b) => crate::SystemExitReport {
                status: i32::from(*b),
                stderr: String::new(),
            },
            _ if matches!(code.body(), Some(Object::BigInt(_))) => crate::SystemExitReport {
                status: -1,
                stderr: String::new(),
            },
            _ => {
                let mut text = self.str_of(&code).unwrap_or_default();
                text.push('\n');
                crate::SystemExitReport {
                    status: 1,
                    stderr: text,
                }
            }
        }
    }
}

/// A module's bound names in definition order.
fn module_names(m: &ObjRef) -> Vec<String> {
    let Object::Module(m) = m.get() else {
        return Vec::new();
    };
    match m.dict.as_ref().map(|d| d.get()) {
        Some(Object::Dict(d)) => d
            .iter()
            .filter_map(|(k, _)| k.as_str().map(str::to_string))
            .collect(),
        _ => {
            let mut named: Vec<(u32, &str)> = m
                .lookup
                .iter()
                .filter(|(_, s)| !m.slots[**s as usize].is_null())
                .map(|(k, s)| (*s, &**k))
                .collect();
            named.sort_unstable();
            named.into_iter().map(|(_, k)| k.to_string()).collect()
        }
    }
}
