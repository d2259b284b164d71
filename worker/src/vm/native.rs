//! Built-in callables: the static record every built-in function and method is ([`NativeFn`]),
//! its argument checks with CPython's wording, and the one entry point that calls it.
//!
//! A `Value::Native` holds a `&'static NativeFn`, so calling `len(x)` or `s.split()` allocates
//! nothing, and two values are the same built-in exactly when they point at the same record.
//! Each type's methods are a `static` table of these records in that type's module under
//! `objects/`; the builtins are one table in `builtins/`; each native module's functions are
//! one table in its `stdlib/` file.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The body of a built-in: the receiver of a method is `args.pos[0]`.
pub(crate) type NativeCall = fn(&mut Vm, &Args) -> PyResult<Value>;

/// One built-in function or method.
pub(crate) struct NativeFn {
    /// `__qualname__`: `"len"`, `"list.append"`.
    pub qualname: &'static str,
    /// `__name__`: the part of `qualname` after its last dot (computed once, at compile time:
    /// method lookup compares it on every `LOAD_METHOD` of a built-in).
    name: &'static str,
    pub call: NativeCall,
    /// Argument checks done before `call` runs (none: `call` checks for itself).
    pub check: Option<Check>,
    /// Reads the calling frame (`super()`, `dir()`, `exec`, `globals()`...): the dispatch
    /// loop hands it the frame (`vm::dynamic::call_with_frame`).
    pub frame: bool,
    /// Whether reading it from a class through an instance binds the instance (see `binds`).
    bound: bool,
}

/// How a built-in checks its arguments before running, with CPython's messages.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    pub arity: Arity,
    /// A method: the receiver is not counted in the arity.
    pub method: bool,
    /// Accepted keywords (`None`: keywords are refused).
    pub keywords: Option<&'static [&'static str]>,
}

/// The arity rule of a calling convention.
#[derive(Clone, Copy)]
pub(crate) enum Arity {
    /// `METH_O`: exactly one argument (`"len() takes exactly one argument (2 given)"`).
    One,
    /// `METH_NOARGS` (`"str.upper() takes no arguments (1 given)"`).
    NoArgs,
    /// Between the bounds (`"isinstance expected 2 arguments, got 1"`).
    Range(usize, usize),
}

impl NativeFn {
    /// A built-in that checks its own arguments.
    pub const fn new(qualname: &'static str, call: NativeCall) -> NativeFn {
        let name = last_segment(qualname);
        NativeFn {
            qualname,
            name,
            call,
            check: None,
            frame: false,
            // A type's method (`Pattern.match`, a dunder) binds; a module's function
            // (`math.isclose`, `sum`), named without its module, does not.
            bound: name.len() != qualname.len() || is_dunder(name),
        }
    }

    /// A function with argument checks done before `call`.
    pub const fn function(
        qualname: &'static str,
        call: NativeCall,
        arity: Arity,
        keywords: Option<&'static [&'static str]>,
    ) -> NativeFn {
        NativeFn {
            qualname,
            name: last_segment(qualname),
            call,
            check: Some(Check {
                arity,
                method: false,
                keywords,
            }),
            frame: false,
            bound: false,
        }
    }

    /// A method (receiver first) with argument checks done before `call`.
    pub const fn method(
        qualname: &'static str,
        call: NativeCall,
        arity: Arity,
        keywords: Option<&'static [&'static str]>,
    ) -> NativeFn {
        NativeFn {
            qualname,
            name: last_segment(qualname),
            call,
            check: Some(Check {
                arity,
                method: true,
                keywords,
            }),
            frame: false,
            bound: true,
        }
    }

    /// Whether reading it from a class through an instance binds the instance: a built-in
    /// method does, a built-in function (`len`, `codecs.utf_8_decode`) stored as a class
    /// attribute does not, as in CPython.
    #[inline]
    pub(crate) fn binds(&self) -> bool {
        self.bound
    }

    /// The same built-in, marked as reading the calling frame.
    pub const fn frame_aware(mut self) -> NativeFn {
        self.frame = true;
        self
    }

    /// `__name__`.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The entry of `table` named `name`.
    pub fn find(table: &'static [NativeFn], name: &str) -> Option<&'static NativeFn> {
        table.iter().find(|f| f.name() == name)
    }
}

/// Whether `name` is a dunder (`__len__`).
const fn is_dunder(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 4 && b[0] == b'_' && b[1] == b'_' && b[b.len() - 1] == b'_' && b[b.len() - 2] == b'_'
}

/// The part of a dotted name after its last dot.
const fn last_segment(qualname: &'static str) -> &'static str {
    let bytes = qualname.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        if bytes[i - 1] == b'.' {
            return qualname.split_at(i).1;
        }
        i -= 1;
    }
    qualname
}

/// Positional arguments and keyword arguments of a native call.
pub(crate) struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: Vec<(&'a str, &'a Value)>,
    /// The call as the calling convention passed it: positional values, then keyword values
    /// named by `kwnames` (for built-ins that forward a call unchanged).
    pub raw: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        let npos = args.len() - kwnames.len();
        let kw = kwnames
            .iter()
            .zip(args[npos..].iter())
            .map(|(k, v)| (k.as_str().unwrap_or(""), v))
            .collect();
        Args {
            pos: &args[..npos],
            kw,
            raw: args,
            kwnames,
        }
    }

    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.pos.get(i)
    }

    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    /// The keyword arguments with their names as the str values the caller passed — for
    /// built-ins that keep arbitrary names (`dict(**kw)`): a name may hold a lone surrogate,
    /// which [`Args::kw`]'s `&str` names cannot carry.
    pub fn kw_items(&self) -> impl Iterator<Item = (&'a Value, &'a Value)> + 'a {
        let npos = self.raw.len() - self.kwnames.len();
        self.kwnames.iter().zip(self.raw[npos..].iter())
    }

    /// Positional `i` or keyword `name`.
    pub fn arg(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.get(i).or_else(|| self.kw(name))
    }
}

impl Vm {
    /// An optional index argument (`None` or absent: no value).
    pub(crate) fn opt_i64(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.ssize_of(v)?)),
        }
    }

    /// An optional start/end search position, clamped like a slice bound.
    pub(crate) fn opt_pos(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.clamp_index(v)?)),
        }
    }

    /// Calls a built-in (`args[0]` is the receiver for methods).
    #[inline]
    pub(crate) fn call_native(
        &mut self,
        f: &'static NativeFn,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let a = Args::new(args, kwnames);
        if let Some(check) = &f.check {
            self.check_args(f, check, &a)?;
        }
        (f.call)(self, &a)
    }

    /// Checks a built-in's arguments against its `Check`, with CPython's messages.
    fn check_args(&self, f: &NativeFn, check: &Check, a: &Args) -> PyResult<()> {
        if !a.kw.is_empty() {
            match check.keywords {
                None => {
                    return Err(
                        self.type_error(format!("{}() takes no keyword arguments", f.qualname))
                    );
                }
                Some(allowed) => {
                    for (k, _) in &a.kw {
                        if !allowed.contains(k) {
                            // `sorted` reports its keywords as `list.sort` does, which it calls.
                            let fname = if f.qualname == "sorted" {
                                "sort"
                            } else {
                                f.name()
                            };
                            return Err(self.type_error(format!(
                                "'{k}' is an invalid keyword argument for {fname}()"
                            )));
                        }
                    }
                }
            }
        }
        let given = a.pos.len() - usize::from(check.method && !a.pos.is_empty());
        match check.arity {
            Arity::One if given != 1 => Err(self.type_error(format!(
                "{}() takes exactly one argument ({given} given)",
                f.qualname
            ))),
            Arity::NoArgs if given != 0 => Err(self.type_error(format!(
                "{}() takes no arguments ({given} given)",
                f.qualname
            ))),
            Arity::Range(lo, hi) if given < lo || given > hi => {
                let b = f.name();
                let plural = |n: usize| if n == 1 { "" } else { "s" };
                let msg = if lo == hi {
                    format!("{b} expected {lo} argument{}, got {given}", plural(lo))
                } else if given < lo {
                    format!(
                        "{b} expected at least {lo} argument{}, got {given}",
                        plural(lo)
                    )
                } else {
                    format!(
                        "{b} expected at most {hi} argument{}, got {given}",
                        plural(hi)
                    )
                };
                Err(self.type_error(msg))
            }
            _ => Ok(()),
        }
    }
}
