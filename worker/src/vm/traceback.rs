//! CPython's traceback format for uncaught exceptions: chained causes and contexts first,
//! then `Traceback (most recent call last):`, one `File "...", line N, in name` per frame
//! (no source lines: no files are read), and `Type: message`.

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
                self.format_one(c, out, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let (Value::Obj(c), false) = (&context, suppress) {
                self.format_one(c, out, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints a run of identical entries (same file, line and function) three
            // times, then `[Previous line repeated N more times]` for the rest.
            let mut previous = String::new();
            let mut run = 0usize;
            for &(code, line) in tb.iter().rev() {
                let view = self.codes[code as usize].view;
                let entry = format!(
                    "  File \"{}\", line {}, in {}\n",
                    view.filename().as_str(),
                    line,
                    view.name().as_str()
                );
                if entry != previous {
                    push_repeated(out, run);
                    run = 0;
                }
                run += 1;
                if run <= RECURSIVE_CUTOFF {
                    out.push_str(&entry);
                }
                previous = entry;
            }
            push_repeated(out, run);
        }
        let name = self.exc_type_display(exc);
        let msg = self
            .str_of(&Value::Obj(exc.clone()))
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&name);
            out.push_str(": ");
            out.push_str(&msg);
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
