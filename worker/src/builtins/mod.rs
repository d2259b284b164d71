//! Built-in functions, constructors of the built-in types, and the `math` module. Every
//! native callable (built-in function or method of a built-in type) is one `Native` variant,
//! held in a `Value` as an immediate, so `len(x)` or `s.split()` allocates nothing to call.

use crate::pynum;
use crate::value::heap::ObjRef;
use crate::value::object::{Iter, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ops::{num_of, Num};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

macro_rules! natives {
    ($($v:ident => $n:expr,)*) => {
        /// A built-in function or a method of a built-in type still dispatched by one `match`
        /// (`call_legacy`); each has a `NativeFn` record in `LEGACY_DEFS` whose body forwards
        /// here. Types move out of this enum into their own method tables in `objects/`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum Native { $($v,)* }

        #[allow(non_snake_case)]
        mod legacy_bodies {
            use super::{Args, Native, PyResult, Value, Vm};
            $(pub(super) fn $v(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                vm.call_legacy(Native::$v, a)
            })*
        }

        static LEGACY_DEFS: &[NativeFn] = &[$(NativeFn::new($n, legacy_bodies::$v),)*];

        impl Native {
            /// The Python-visible name.
            pub fn name(self) -> &'static str {
                match self { $(Native::$v => $n,)* }
            }

            /// This built-in's record, the one a `Value::Native` points at.
            pub fn def(self) -> &'static NativeFn {
                &LEGACY_DEFS[self as usize]
            }
        }
    };
}

natives! {
    Print => "print", Len => "len", Repr => "repr", Ascii => "ascii", Abs => "abs",
    Min => "min", Max => "max", Sum => "sum", Sorted => "sorted", Reversed => "reversed",
    Enumerate => "enumerate", Zip => "zip", Map => "map", Filter => "filter", Any => "any",
    All => "all", Isinstance => "isinstance", Issubclass => "issubclass", Hash => "hash",
    IterFn => "iter", Next => "next", Chr => "chr", Ord => "ord", Hex => "hex", Oct => "oct",
    Bin => "bin", Hasattr => "hasattr", Getattr => "getattr", Setattr => "setattr",
    Delattr => "delattr", Callable => "callable", Id => "id", Pow => "pow", Divmod => "divmod",
    Round => "round", Format => "format", BuildClass => "__build_class__", Super => "super",
    PropertyNew => "property", StaticMethodNew => "staticmethod", ClassMethodNew => "classmethod",
    Vars => "vars", Dir => "dir", Input => "input", Exit => "exit",
    MathSqrt => "sqrt", MathFloor => "floor", MathCeil => "ceil", MathFabs => "fabs",
    MathSin => "sin", MathCos => "cos", MathTan => "tan", MathAsin => "asin", MathAcos => "acos",
    MathAtan => "atan", MathAtan2 => "atan2", MathExp => "exp", MathLog => "log",
    MathLog2 => "log2", MathLog10 => "log10", MathPow => "pow", MathGcd => "gcd",
    MathLcm => "lcm", MathIsqrt => "isqrt", MathFactorial => "factorial", MathIsinf => "isinf",
    MathIsnan => "isnan", MathIsfinite => "isfinite", MathHypot => "hypot", MathTrunc => "trunc",
    MathCopysign => "copysign", MathFsum => "fsum", MathProd => "prod", MathComb => "comb",
    MathPerm => "perm", MathDegrees => "degrees", MathRadians => "radians", MathIsclose => "isclose",
    MathModf => "modf", MathFmod => "fmod",
}

impl Native {
    /// Functions bound in the builtins namespace.
    pub const BUILTINS: &'static [Native] = &[
        Native::Print,
        Native::Len,
        Native::Repr,
        Native::Ascii,
        Native::Abs,
        Native::Min,
        Native::Max,
        Native::Sum,
        Native::Sorted,
        Native::Reversed,
        Native::Enumerate,
        Native::Zip,
        Native::Map,
        Native::Filter,
        Native::Any,
        Native::All,
        Native::Isinstance,
        Native::Issubclass,
        Native::Hash,
        Native::IterFn,
        Native::Next,
        Native::Chr,
        Native::Ord,
        Native::Hex,
        Native::Oct,
        Native::Bin,
        Native::Hasattr,
        Native::Getattr,
        Native::Setattr,
        Native::Delattr,
        Native::Callable,
        Native::Id,
        Native::Pow,
        Native::Divmod,
        Native::Round,
        Native::Format,
        Native::BuildClass,
        Native::Super,
        Native::PropertyNew,
        Native::StaticMethodNew,
        Native::ClassMethodNew,
        Native::Vars,
        Native::Dir,
        Native::Input,
        Native::Exit,
    ];

    /// The `math` module's functions.
    pub const MATH: &'static [Native] = &[
        Native::MathSqrt,
        Native::MathFloor,
        Native::MathCeil,
        Native::MathFabs,
        Native::MathSin,
        Native::MathCos,
        Native::MathTan,
        Native::MathAsin,
        Native::MathAcos,
        Native::MathAtan,
        Native::MathAtan2,
        Native::MathExp,
        Native::MathLog,
        Native::MathLog2,
        Native::MathLog10,
        Native::MathPow,
        Native::MathGcd,
        Native::MathLcm,
        Native::MathIsqrt,
        Native::MathFactorial,
        Native::MathIsinf,
        Native::MathIsnan,
        Native::MathIsfinite,
        Native::MathHypot,
        Native::MathTrunc,
        Native::MathCopysign,
        Native::MathFsum,
        Native::MathProd,
        Native::MathComb,
        Native::MathPerm,
        Native::MathDegrees,
        Native::MathRadians,
        Native::MathIsclose,
        Native::MathModf,
        Native::MathFmod,
    ];

    /// The method `name` of built-in type `kind` still in this enum (see `objects::method`).
    pub fn method(kind: TypeKind, name: &str) -> Option<&'static NativeFn> {
        Native::method_variant(kind, name).map(Native::def)
    }

    fn method_variant(_kind: TypeKind, _name: &str) -> Option<Native> {
        None
    }
}

/// How a native checks its argument count, with CPython's wording for each calling convention.
#[derive(Clone, Copy)]
enum Arity {
    /// `METH_O`: exactly one argument (`"len() takes exactly one argument (2 given)"`).
    One(&'static str),
    /// `METH_NOARGS` (`"str.upper() takes no arguments (1 given)"`).
    NoArgs(&'static str),
    /// `"isinstance expected 2 arguments, got 1"` style, with the bounds.
    Expected(&'static str, usize, usize),
}

/// Argument rules for natives whose errors programs commonly observe: the arity, whether it
/// is a method (the receiver is not counted), and the accepted keywords (`None`: no keywords).
fn arg_rules(n: Native) -> Option<(Arity, bool, Option<&'static [&'static str]>)> {
    use Native::*;
    const NONE: Option<&[&str]> = None;
    Some(match n {
        Len => (Arity::One("len"), false, NONE),
        Abs => (Arity::One("abs"), false, NONE),
        Chr => (Arity::One("chr"), false, NONE),
        Ord => (Arity::One("ord"), false, NONE),
        Hash => (Arity::One("hash"), false, NONE),
        Callable => (Arity::One("callable"), false, NONE),
        Id => (Arity::One("id"), false, NONE),
        Repr => (Arity::One("repr"), false, NONE),
        Ascii => (Arity::One("ascii"), false, NONE),
        Sorted => (
            Arity::Expected("sorted", 1, 1),
            false,
            Some(&["key", "reverse"]),
        ),
        Isinstance => (Arity::Expected("isinstance", 2, 2), false, NONE),
        Issubclass => (Arity::Expected("issubclass", 2, 2), false, NONE),
        Hasattr => (Arity::Expected("hasattr", 2, 2), false, NONE),
        Getattr => (Arity::Expected("getattr", 2, 3), false, NONE),
        Setattr => (Arity::Expected("setattr", 3, 3), false, NONE),
        Delattr => (Arity::Expected("delattr", 2, 2), false, NONE),
        Divmod => (Arity::Expected("divmod", 2, 2), false, NONE),
        Min => (
            Arity::Expected("min", 1, usize::MAX),
            false,
            Some(&["key", "default"]),
        ),
        Max => (
            Arity::Expected("max", 1, usize::MAX),
            false,
            Some(&["key", "default"]),
        ),
        Sum => (Arity::Expected("sum", 1, 2), false, Some(&["start"])),
        Round => (
            Arity::Expected("round", 0, 2),
            false,
            Some(&["number", "ndigits"]),
        ),
        Print => (
            Arity::Expected("print", 0, usize::MAX),
            false,
            Some(&["sep", "end", "file", "flush"]),
        ),
        _ => return None,
    })
}

/// Stable merge sort with a fallible "less than".
pub fn merge_sort(
    vm: &mut Vm,
    items: Vec<(Value, Value)>,
    lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<Vec<(Value, Value)>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    // Insertion sort for short runs.
    if items.len() <= 8 {
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for it in items {
            let mut pos = out.len();
            while pos > 0 && lt(vm, &it.0, &out[pos - 1].0)? {
                pos -= 1;
            }
            out.insert(pos, it);
        }
        return Ok(out);
    }
    let mut items = items;
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(vm, items, lt)?;
    let right = merge_sort(vm, right, lt)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                if lt(vm, &b.0, &a.0)? {
                    out.extend(r.next());
                } else {
                    out.extend(l.next());
                }
            }
            (Some(_), None) => {
                out.extend(l);
                break;
            }
            (None, _) => {
                out.extend(r);
                break;
            }
        }
    }
    Ok(out)
}

impl Vm {
    fn arg_count_error(&self, name: &str, expected: &str, got: usize) -> ObjRef {
        self.type_error(format!("{name}() takes {expected} ({got} given)"))
    }

    fn f64_arg(&mut self, v: Option<&Value>, fname: &str) -> PyResult<f64> {
        match v.and_then(num_of) {
            Some(Num::I(i)) => Ok(i as f64),
            Some(Num::F(f)) => Ok(f),
            Some(Num::B(b)) => pynum::int_to_f64(b).map_err(|e| self.lib_err(e)),
            None => {
                if let Some(v) = v {
                    if let Some(Value::Float(f)) = self.call_dunder(v, "__float__", &[])? {
                        return Ok(f);
                    }
                    return Err(
                        self.type_error(format!("must be real number, not {}", self.type_name(v)))
                    );
                }
                Err(self.type_error(format!("{fname}() missing required argument")))
            }
        }
    }

    fn big_arg(&mut self, v: Option<&Value>) -> PyResult<BigInt> {
        match v.and_then(num_of) {
            Some(Num::I(i)) => Ok(BigInt::from(i)),
            Some(Num::B(b)) => Ok(b.clone()),
            _ => {
                let name = v
                    .map(|v| self.type_name(v))
                    .unwrap_or_else(|| "NoneType".into());
                Err(self.type_error(format!(
                    "'{name}' object cannot be interpreted as an integer"
                )))
            }
        }
    }

    /// Sorts values by key (`sorted`, `list.sort`).
    pub fn sort_values(
        &mut self,
        items: Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> PyResult<Vec<Value>> {
        let key = key.filter(|k| !matches!(k, Value::None)).cloned();
        let mut pairs = Vec::with_capacity(items.len());
        for v in items {
            let k = match &key {
                Some(f) => self.call(f, std::slice::from_ref(&v), &[])?,
                None => v.clone(),
            };
            pairs.push((k, v));
        }
        if reverse {
            pairs.reverse();
        }
        let all_int = pairs.iter().all(|(k, _)| matches!(k, Value::Int(_)));
        let all_str = !all_int && pairs.iter().all(|(k, _)| k.as_str().is_some());
        let mut sorted = if all_int {
            pairs.sort_by_key(|(k, _)| if let Value::Int(i) = k { *i } else { 0 });
            pairs
        } else if all_str {
            pairs.sort_by(|(a, _), (b, _)| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
            pairs
        } else {
            merge_sort(self, pairs, &mut |vm, a, b| vm.less_than(a, b))?
        };
        if reverse {
            sorted.reverse();
        }
        Ok(sorted.into_iter().map(|(_, v)| v).collect())
    }

    fn min_max(&mut self, a: &Args, is_max: bool) -> PyResult<Value> {
        let fname = if is_max { "max" } else { "min" };
        let key = a.kw("key").filter(|k| !matches!(k, Value::None)).cloned();
        let items = if a.pos.len() == 1 {
            self.collect(&a.pos[0])?
        } else if a.pos.is_empty() {
            return Err(self.type_error(format!("{fname} expected at least 1 argument, got 0")));
        } else {
            a.pos.to_vec()
        };
        if items.is_empty() {
            if let Some(d) = a.kw("default") {
                return Ok(d.clone());
            }
            return Err(self.value_error(format!("{fname}() arg is an empty sequence")));
        }
        let mut best: Option<(Value, Value)> = None;
        for v in items {
            let k = match &key {
                Some(f) => self.call(f, std::slice::from_ref(&v), &[])?,
                None => v.clone(),
            };
            best = Some(match best {
                None => (k, v),
                Some((bk, bv)) => {
                    let better = if is_max {
                        self.less_than(&bk, &k)?
                    } else {
                        self.less_than(&k, &bk)?
                    };
                    if better {
                        (k, v)
                    } else {
                        (bk, bv)
                    }
                }
            });
        }
        Ok(best.map(|(_, v)| v).unwrap_or(Value::None))
    }

    fn isinstance_check(&mut self, v: &Value, t: &Value) -> PyResult<bool> {
        match t.body() {
            Some(Object::Class(_)) => {
                let cls = self.type_of(v);
                Ok(t.as_obj().is_some_and(|t| Vm::is_subclass(&cls, t)))
            }
            Some(Object::Tuple(items)) => {
                let items = items.to_vec();
                for it in &items {
                    if self.isinstance_check(v, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ if t.is_native(Native::PropertyNew.def()) => {
                Ok(matches!(v.body(), Some(Object::Property { .. })))
            }
            _ => {
                Err(self
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        }
    }

    /// Checks a native call's arguments against `arg_rules`.
    fn check_native_args(&self, n: Native, a: &Args) -> PyResult<()> {
        let Some((arity, is_method, kws)) = arg_rules(n) else {
            return Ok(());
        };
        let qual = |base: &str| {
            if is_method && !base.contains('.') && matches!(arity, Arity::NoArgs(_)) {
                format!("{base}.{}", n.name())
            } else {
                base.to_string()
            }
        };
        if let Some((k, _)) = a.kw.first() {
            match kws {
                None => {
                    let name = match arity {
                        Arity::One(b) => b.to_string(),
                        Arity::NoArgs(b) => qual(b),
                        Arity::Expected(b, _, _) if is_method => format!("str.{b}"),
                        Arity::Expected(b, _, _) => b.to_string(),
                    };
                    return Err(self.type_error(format!("{name}() takes no keyword arguments")));
                }
                Some(allowed) => {
                    for (k2, _) in &a.kw {
                        if !allowed.contains(k2) {
                            let fname = if n == Native::Sorted {
                                "sort"
                            } else {
                                n.name()
                            };
                            return Err(self.type_error(format!(
                                "'{k2}' is an invalid keyword argument for {fname}()"
                            )));
                        }
                    }
                    let _ = k;
                }
            }
        }
        let given = a.pos.len() - usize::from(is_method && !a.pos.is_empty());
        match arity {
            Arity::One(b) if given != 1 => {
                Err(self.type_error(format!("{b}() takes exactly one argument ({given} given)")))
            }
            Arity::NoArgs(b) if given != 0 => {
                Err(self.type_error(format!("{}() takes no arguments ({given} given)", qual(b))))
            }
            Arity::Expected(b, lo, hi) if given < lo || given > hi => {
                let msg = if lo == hi {
                    format!(
                        "{b} expected {lo} argument{}, got {given}",
                        if lo == 1 { "" } else { "s" }
                    )
                } else if given < lo {
                    format!(
                        "{b} expected at least {lo} argument{}, got {given}",
                        if lo == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "{b} expected at most {hi} argument{}, got {given}",
                        if hi == 1 { "" } else { "s" }
                    )
                };
                Err(self.type_error(msg))
            }
            _ => Ok(()),
        }
    }

    /// Calls a native function or method (`args[0]` is the receiver for methods).
    pub(crate) fn call_legacy(&mut self, n: Native, a: &Args) -> PyResult<Value> {
        use Native::*;
        let a = a;
        self.check_native_args(n, a)?;
        match n {
            Print => {
                for key in ["sep", "end"] {
                    if let Some(v) = a.kw(key) {
                        if !matches!(v, Value::None) && v.as_str().is_none() {
                            return Err(self.type_error(format!(
                                "{key} must be None or a string, not {}",
                                self.type_name(v)
                            )));
                        }
                    }
                }
                let sep = match a.kw("sep") {
                    Some(v) if !matches!(v, Value::None) => v.as_str().unwrap_or(" ").to_string(),
                    _ => " ".to_string(),
                };
                let end = match a.kw("end") {
                    Some(v) if !matches!(v, Value::None) => v.as_str().unwrap_or("\n").to_string(),
                    _ => "\n".to_string(),
                };
                let mut line = String::new();
                for (i, v) in a.pos.iter().enumerate() {
                    if i > 0 {
                        line.push_str(&sep);
                    }
                    match v.as_str() {
                        Some(s) => line.push_str(s),
                        None => {
                            let s = self.to_str(v)?;
                            line.push_str(&s);
                        }
                    }
                }
                line.push_str(&end);
                self.write_out(&line);
                Ok(Value::None)
            }
            Len => match (a.get(0), a.pos.len()) {
                (Some(v), 1) => Ok(Value::Int(self.len_of(v)? as i64)),
                (_, k) => Err(self.arg_count_error("len", "exactly one argument", k)),
            },
            Repr => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                Ok(Vm::str_val(self.repr(&v)?))
            }
            Ascii => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                Ok(Vm::str_val(self.ascii(&v)?))
            }
            Abs => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                match num_of(&v) {
                    Some(Num::I(i)) => Ok(match i.checked_abs() {
                        Some(r) => Value::Int(r),
                        None => Vm::int_from_big(BigInt::from(i).abs()),
                    }),
                    Some(Num::B(b)) => Ok(Vm::int_from_big(b.abs())),
                    Some(Num::F(f)) => Ok(Value::Float(f.abs())),
                    None => match self.call_dunder(&v, "__abs__", &[])? {
                        Some(r) => Ok(r),
                        None => Err(self.type_error(format!(
                            "bad operand type for abs(): '{}'",
                            self.type_name(&v)
                        ))),
                    },
                }
            }
            Min => self.min_max(&a, false),
            Max => self.min_max(&a, true),
            Sum => {
                let items = match a.get(0) {
                    Some(v) => self.collect(v)?,
                    None => {
                        return Err(
                            self.type_error("sum() takes at least 1 positional argument (0 given)")
                        )
                    }
                };
                let mut acc = a.arg(1, "start").cloned().unwrap_or(Value::Int(0));
                if acc.as_str().is_some() {
                    return Err(
                        self.type_error("sum() can't sum strings [use ''.join(seq) instead]")
                    );
                }
                for v in items {
                    acc = match (&acc, &v) {
                        (Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => {
                            Value::Int(x + y)
                        }
                        (Value::Float(x), Value::Float(y)) => Value::Float(x + y),
                        _ => self.binary_op(0, &acc, &v)?,
                    };
                }
                Ok(acc)
            }
            Sorted => {
                let items = match a.get(0) {
                    Some(v) => self.collect(v)?,
                    None => return Err(self.type_error("sorted expected 1 argument, got 0")),
                };
                let reverse = match a.kw("reverse") {
                    Some(v) => self.truthy(v)?,
                    None => false,
                };
                let key = a.kw("key").cloned();
                let r = self.sort_values(items, key.as_ref(), reverse)?;
                Ok(Vm::new_list(r))
            }
            Reversed => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                match v.body() {
                    Some(Object::List(l)) => {
                        let index = l.len();
                        Ok(Value::obj(Object::Iter(Iter::Reversed {
                            seq: v.clone(),
                            index,
                        })))
                    }
                    Some(Object::Tuple(t)) => {
                        let index = t.len();
                        Ok(Value::obj(Object::Iter(Iter::Reversed {
                            seq: v.clone(),
                            index,
                        })))
                    }
                    Some(Object::Instance(_)) => {
                        if let Some(r) = self.call_dunder(&v, "__reversed__", &[])? {
                            return Ok(r);
                        }
                        let index = self.len_of(&v)?;
                        Ok(Value::obj(Object::Iter(Iter::Reversed {
                            seq: v.clone(),
                            index,
                        })))
                    }
                    Some(Object::Dict(_))
                    | Some(Object::DictView { .. })
                    | Some(Object::Range { .. })
                    | Some(Object::Str(_))
                    | None
                    | Some(Object::Bytes(_)) => {
                        let mut items = self.collect(&v)?;
                        items.reverse();
                        let index = items.len();
                        Ok(Value::obj(Object::Iter(Iter::Reversed {
                            seq: Vm::new_list(items.into_iter().rev().collect()),
                            index,
                        })))
                    }
                    _ => Err(self
                        .type_error(format!("'{}' object is not reversible", self.type_name(&v)))),
                }
            }
            Enumerate => {
                let Some(v) = a.arg(0, "iterable").cloned() else {
                    return Err(self.type_error("enumerate() missing required argument 'iterable'"));
                };
                let it = self.get_iter(&v)?;
                let start = a.arg(1, "start").cloned().unwrap_or(Value::Int(0));
                Ok(Value::obj(Object::Iter(Iter::Enumerate {
                    it,
                    count: start,
                })))
            }
            Zip => {
                let mut its = Vec::new();
                for v in a.pos {
                    its.push(self.get_iter(v)?);
                }
                Ok(Value::obj(Object::Iter(Iter::Zip { its })))
            }
            Map => {
                if a.pos.len() < 2 {
                    return Err(self.type_error("map() must have at least two arguments."));
                }
                let mut its = Vec::new();
                for v in &a.pos[1..] {
                    its.push(self.get_iter(v)?);
                }
                Ok(Value::obj(Object::Iter(Iter::Map {
                    func: a.pos[0].clone(),
                    its,
                })))
            }
            Filter => {
                let func = a.get(0).cloned().unwrap_or(Value::None);
                let it = self.get_iter(a.get(1).unwrap_or(&Value::None))?;
                Ok(Value::obj(Object::Iter(Iter::Filter { func, it })))
            }
            Any | All => {
                let it = self.get_iter(a.get(0).unwrap_or(&Value::None))?;
                while let Some(v) = self.next(&it)? {
                    let t = self.truthy(&v)?;
                    if n == Any && t {
                        return Ok(Value::Bool(true));
                    }
                    if n == All && !t {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(n == All))
            }
            Isinstance => {
                if a.pos.len() != 2 {
                    return Err(self.type_error(format!(
                        "isinstance expected 2 arguments, got {}",
                        a.pos.len()
                    )));
                }
                let r = self.isinstance_check(&a.pos[0], &a.pos[1])?;
                Ok(Value::Bool(r))
            }
            Issubclass => {
                let (Some(c), Some(t)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("issubclass expected 2 arguments"));
                };
                let Some(co) = c.as_obj().filter(|o| matches!(o.get(), Object::Class(_))) else {
                    return Err(self.type_error("issubclass() arg 1 must be a class"));
                };
                let co = co.clone();
                let targets = match t.body() {
                    Some(Object::Tuple(items)) => items.to_vec(),
                    _ => vec![t.clone()],
                };
                for t in targets {
                    if let Some(to) = t.as_obj() {
                        if Vm::is_subclass(&co, to) {
                            return Ok(Value::Bool(true));
                        }
                    }
                }
                Ok(Value::Bool(false))
            }
            Hash => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                Ok(Value::Int(self.hash(&v)?))
            }
            IterFn => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if let Some(sentinel) = a.get(1) {
                    let callable = match &v {
                        Value::Native(_) => true,
                        Value::Obj(o) => match o.get() {
                            Object::Function(_) | Object::BoundMethod { .. } | Object::Class(_) => {
                                true
                            }
                            Object::Instance(_) => {
                                let cls = self.type_of(&v);
                                self.lookup_class_attr(&cls, "__call__").is_some()
                            }
                            _ => false,
                        },
                        _ => false,
                    };
                    if !callable {
                        return Err(self.type_error("iter(v, w): v must be callable"));
                    }
                    return Ok(Value::obj(Object::Iter(Iter::CallIter {
                        func: v,
                        sentinel: sentinel.clone(),
                    })));
                }
                self.get_iter(&v)
            }
            Next => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if let Some(Object::Generator(_)) = v.body() {
                    let o = v.as_obj().cloned();
                    if let Some(o) = o {
                        return match self.gen_resume(&o, Value::None, None)? {
                            crate::vm::eval::Exit::Yield(x) => Ok(x),
                            crate::vm::eval::Exit::Return(r) => match a.get(1) {
                                Some(d) => Ok(d.clone()),
                                None => {
                                    let cls = self.exc_class("StopIteration");
                                    let args = if matches!(r, Value::None) {
                                        vec![]
                                    } else {
                                        vec![r]
                                    };
                                    Err(self.make_exc(&cls, args))
                                }
                            },
                        };
                    }
                }
                if !matches!(v.body(), Some(Object::Iter(_) | Object::Instance(_))) {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(&v)
                    )));
                }
                match self.next(&v)? {
                    Some(x) => Ok(x),
                    None => match a.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => Err(self.err_empty("StopIteration")),
                    },
                }
            }
            Chr => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if matches!(v.body(), Some(Object::BigInt(_))) {
                    return Err(
                        self.err("OverflowError", "Python int too large to convert to C int")
                    );
                }
                let i = self.index_of(&v)?;
                if i32::try_from(i).is_err() {
                    return Err(
                        self.err("OverflowError", "Python int too large to convert to C int")
                    );
                }
                match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(c) => Ok(Vm::str_val(c.to_string())),
                    None => Err(self.value_error("chr() arg not in range(0x110000)")),
                }
            }
            Ord => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if let Some(s) = v.as_str() {
                    let mut it = s.chars();
                    return match (it.next(), it.next()) {
                        (Some(c), None) => Ok(Value::Int(c as i64)),
                        _ => Err(self.type_error(format!(
                            "ord() expected a character, but string of length {} found",
                            s.chars().count()
                        ))),
                    };
                }
                if let Some(Object::Bytes(b)) = v.body() {
                    if b.len() == 1 {
                        return Ok(Value::Int(b[0] as i64));
                    }
                }
                Err(self.type_error(format!(
                    "ord() expected string of length 1, but {} found",
                    self.type_name(&v)
                )))
            }
            Hex | Oct | Bin => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                let s = match num_of(&v) {
                    Some(Num::I(i)) => match n {
                        Hex => pynum::i64_hex(i),
                        Oct => pynum::i64_oct(i),
                        _ => pynum::i64_bin(i),
                    },
                    Some(Num::B(b)) => match n {
                        Hex => pynum::int_hex(b),
                        Oct => pynum::int_oct(b),
                        _ => pynum::int_bin(b),
                    },
                    _ => {
                        let i = self.index_of(&v)?;
                        match n {
                            Hex => pynum::i64_hex(i),
                            Oct => pynum::i64_oct(i),
                            _ => pynum::i64_bin(i),
                        }
                    }
                };
                Ok(Vm::str_val(s))
            }
            Hasattr => {
                let (Some(o), Some(name)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("hasattr expected 2 arguments"));
                };
                match self.getattr(o, name) {
                    Ok(_) => Ok(Value::Bool(true)),
                    Err(e) if self.exc_matches(&e, "AttributeError") => Ok(Value::Bool(false)),
                    Err(e) => Err(e),
                }
            }
            Getattr => {
                let (Some(o), Some(name)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("getattr expected at least 2 arguments"));
                };
                if name.as_str().is_none() {
                    return Err(self.type_error("attribute name must be string"));
                }
                match self.getattr(o, name) {
                    Ok(v) => Ok(v),
                    Err(e) if a.get(2).is_some() && self.exc_matches(&e, "AttributeError") => {
                        Ok(a.get(2).cloned().unwrap_or(Value::None))
                    }
                    Err(e) => Err(e),
                }
            }
            Setattr => {
                let (Some(o), Some(name), Some(v)) = (a.get(0), a.get(1), a.get(2)) else {
                    return Err(self.type_error("setattr expected 3 arguments"));
                };
                self.setattr(o, name, v.clone())?;
                Ok(Value::None)
            }
            Delattr => {
                let (Some(o), Some(name)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("delattr expected 2 arguments"));
                };
                self.delattr(o, name)?;
                Ok(Value::None)
            }
            Callable => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                let r = match &v {
                    Value::Native(_) => true,
                    Value::Obj(o) => match o.get() {
                        Object::Function(_) | Object::BoundMethod { .. } | Object::Class(_) => true,
                        Object::Instance(_) => {
                            let cls = self.type_of(&v);
                            self.lookup_class_attr(&cls, "__call__").is_some()
                        }
                        _ => false,
                    },
                    _ => false,
                };
                Ok(Value::Bool(r))
            }
            Id => Ok(Value::Int(a.get(0).map(|v| v.id()).unwrap_or(0) as i64)),
            Pow | MathPow => {
                let (Some(x), Some(y)) = (a.arg(0, "base"), a.arg(1, "exp")) else {
                    let (missing, pos) = if a.arg(0, "base").is_none() {
                        ("base", 1)
                    } else {
                        ("exp", 2)
                    };
                    return Err(self.type_error(format!(
                        "pow() missing required argument '{missing}' (pos {pos})"
                    )));
                };
                if n == MathPow {
                    let (x, y) = (self.f64_arg(Some(x), "pow")?, self.f64_arg(Some(y), "pow")?);
                    return pynum::float_pow(x, y)
                        .map(Value::Float)
                        .map_err(|e| self.lib_err(e));
                }
                match a.arg(2, "mod") {
                    Some(m) if !matches!(m, Value::None) => {
                        let (b, e, m) = (
                            self.big_arg(Some(x))?,
                            self.big_arg(Some(y))?,
                            self.big_arg(Some(m))?,
                        );
                        match pynum::int_pow(&b, &e, Some(&m)).map_err(|e| self.lib_err(e))? {
                            pynum::Num::Int(i) => Ok(Vm::int_from_big(i)),
                            pynum::Num::Float(f) => Ok(Value::Float(f)),
                        }
                    }
                    _ => self.binary_op(6, x, y),
                }
            }
            Divmod => {
                let (Some(x), Some(y)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("divmod expected 2 arguments"));
                };
                if let (Some(Num::F(_)), _) | (_, Some(Num::F(_))) = (num_of(x), num_of(y)) {
                    let fx = self.f64_arg(Some(x), "divmod")?;
                    let fy = self.f64_arg(Some(y), "divmod")?;
                    let (q, r) = pynum::float_divmod(fx, fy).map_err(|e| self.lib_err(e))?;
                    return Ok(Vm::new_tuple(vec![Value::Float(q), Value::Float(r)]));
                }
                if num_of(x).is_none() || num_of(y).is_none() {
                    if let Some(r) = self.call_dunder(x, "__divmod__", std::slice::from_ref(y))? {
                        return Ok(r);
                    }
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for divmod(): '{}' and '{}'",
                        self.type_name(x),
                        self.type_name(y)
                    )));
                }
                let q = self.binary_op(4, x, y)?;
                let r = self.binary_op(5, x, y)?;
                Ok(Vm::new_tuple(vec![q, r]))
            }
            Round => {
                let v = a.arg(0, "number").cloned().unwrap_or(Value::None);
                let nd = a
                    .arg(1, "ndigits")
                    .cloned()
                    .filter(|v| !matches!(v, Value::None));
                match (num_of(&v), nd) {
                    (Some(Num::F(f)), None) => {
                        let r = pynum::round_f64_to_int(f).map_err(|e| self.lib_err(e))?;
                        Ok(Vm::int_from_big(r))
                    }
                    (Some(Num::F(f)), Some(d)) => {
                        let d = self.clamp_index(&d)?;
                        Ok(Value::Float(
                            pynum::round_f64(f, d).map_err(|e| self.lib_err(e))?,
                        ))
                    }
                    (Some(Num::I(i)), None) => Ok(Value::Int(i)),
                    (Some(Num::B(_)), None) => Ok(v.clone()),
                    (Some(Num::I(_) | Num::B(_)), Some(d)) => {
                        let d = self.clamp_index(&d)?;
                        let b = self.big_arg(Some(&v))?;
                        Ok(Vm::int_from_big(pynum::round_int(&b, d)))
                    }
                    (None, nd) => {
                        let mut extra = vec![];
                        if let Some(d) = nd {
                            extra.push(d);
                        }
                        match self.call_dunder(&v, "__round__", &extra)? {
                            Some(r) => Ok(r),
                            None => Err(self.type_error(format!(
                                "type {} doesn't define __round__ method",
                                self.type_name(&v)
                            ))),
                        }
                    }
                }
            }
            Format => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                let spec = a.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
                Ok(Vm::str_val(self.format(&v, &spec)?))
            }
            BuildClass => self.build_class(a.raw, a.kwnames),
            Super => {
                let (Some(c), Some(r)) = (a.get(0), a.get(1)) else {
                    return Err(self.err("RuntimeError", "super(): no arguments"));
                };
                let Some(class) = c.as_obj().cloned() else {
                    return Err(self.type_error("super() argument 1 must be a type"));
                };
                Ok(Value::obj(Object::Super {
                    class,
                    receiver: r.clone(),
                }))
            }
            PropertyNew => {
                let fget = a.arg(0, "fget").cloned().unwrap_or(Value::None);
                let fset = a.arg(1, "fset").cloned().unwrap_or(Value::None);
                let fdel = a.arg(2, "fdel").cloned().unwrap_or(Value::None);
                Ok(Value::obj(Object::Property { fget, fset, fdel }))
            }
            StaticMethodNew => Ok(Value::obj(Object::StaticMethod(
                a.get(0).cloned().unwrap_or(Value::None),
            ))),
            ClassMethodNew => Ok(Value::obj(Object::ClassMethod(
                a.get(0).cloned().unwrap_or(Value::None),
            ))),
            Vars => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                self.getattr(&v, &Vm::str_val("__dict__"))
            }
            Dir => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                let mut names: Vec<String> = match v.body() {
                    Some(Object::Instance(i)) => i
                        .dict
                        .iter()
                        .filter_map(|(k, _)| k.as_str().map(|s| s.to_string()))
                        .collect(),
                    Some(Object::Module(m)) => m
                        .lookup
                        .iter()
                        .filter(|(_, s)| !m.slots[**s as usize].is_null())
                        .map(|(k, _)| k.to_string())
                        .collect(),
                    Some(Object::Class(c)) => c
                        .dict
                        .iter()
                        .filter_map(|(k, _)| k.as_str().map(|s| s.to_string()))
                        .collect(),
                    _ => Vec::new(),
                };
                if let Some(Object::Instance(i)) = v.body() {
                    if let Object::Class(c) = i.class.get() {
                        for k in &c.mro {
                            if let Object::Class(kc) = k.get() {
                                names.extend(
                                    kc.dict
                                        .iter()
                                        .filter_map(|(k, _)| k.as_str().map(|s| s.to_string())),
                                );
                            }
                        }
                    }
                }
                names.sort();
                names.dedup();
                Ok(Vm::new_list(names.into_iter().map(Vm::str_val).collect()))
            }
            Input => Err(self.err("EOFError", "EOF when reading a line")),
            Exit => {
                let cls = self.exc_class("SystemExit");
                Err(self.make_exc(&cls, a.pos.to_vec()))
            }
            _ if (n as usize) >= (MathSqrt as usize) && (n as usize) <= (MathFmod as usize) => {
                self.call_math(n, a)
            }
            _ => self.call_method_native(n, a),
        }
    }

    fn call_math(&mut self, n: Native, a: &Args) -> PyResult<Value> {
        use Native::*;
        let domain = |vm: &Vm| vm.value_error("math domain error");
        let f1 = |vm: &mut Vm| vm.f64_arg(a.get(0), n.name());
        match n {
            MathSqrt => {
                let x = f1(self)?;
                if x < 0.0 {
                    return Err(domain(self));
                }
                Ok(Value::Float(x.sqrt()))
            }
            MathFloor | MathCeil | MathTrunc => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                match num_of(&v) {
                    Some(Num::I(_)) | Some(Num::B(_)) => Ok(match v {
                        Value::Bool(b) => Value::Int(b as i64),
                        other => other,
                    }),
                    Some(Num::F(f)) => {
                        let r = match n {
                            MathFloor => pynum::float_floor_to_int(f),
                            MathCeil => pynum::float_ceil_to_int(f),
                            _ => pynum::float_to_int(f),
                        }
                        .map_err(|e| self.lib_err(e))?;
                        Ok(Vm::int_from_big(r))
                    }
                    None => {
                        let dn = match n {
                            MathFloor => "__floor__",
                            MathCeil => "__ceil__",
                            _ => "__trunc__",
                        };
                        match self.call_dunder(&v, dn, &[])? {
                            Some(r) => Ok(r),
                            None => Err(self.type_error(format!(
                                "must be real number, not {}",
                                self.type_name(&v)
                            ))),
                        }
                    }
                }
            }
            MathFabs => Ok(Value::Float(f1(self)?.abs())),
            MathSin => Ok(Value::Float(f1(self)?.sin())),
            MathCos => Ok(Value::Float(f1(self)?.cos())),
            MathTan => Ok(Value::Float(f1(self)?.tan())),
            MathAsin | MathAcos => {
                let x = f1(self)?;
                if !(-1.0..=1.0).contains(&x) {
                    return Err(domain(self));
                }
                Ok(Value::Float(if n == MathAsin {
                    x.asin()
                } else {
                    x.acos()
                }))
            }
            MathAtan => Ok(Value::Float(f1(self)?.atan())),
            MathAtan2 => {
                let y = f1(self)?;
                let x = self.f64_arg(a.get(1), "atan2")?;
                Ok(Value::Float(y.atan2(x)))
            }
            MathExp => {
                let r = f1(self)?.exp();
                if r.is_infinite() {
                    return Err(self.err("OverflowError", "math range error"));
                }
                Ok(Value::Float(r))
            }
            MathLog => {
                let base = match a.get(1) {
                    Some(b) => Some(self.f64_arg(Some(b), "log")?),
                    None => None,
                };
                if let Some(Object::BigInt(b)) = a.get(0).and_then(|v| v.body()) {
                    let b = b.clone();
                    return pynum::int_log(&b, base)
                        .map(Value::Float)
                        .map_err(|e| self.lib_err(e));
                }
                let x = f1(self)?;
                pynum::math_log(x, base)
                    .map(Value::Float)
                    .map_err(|e| self.lib_err(e))
            }
            MathLog2 | MathLog10 => {
                let x = f1(self)?;
                if x <= 0.0 {
                    return Err(domain(self));
                }
                Ok(Value::Float(if n == MathLog2 {
                    x.log2()
                } else {
                    x.log10()
                }))
            }
            MathGcd | MathLcm => {
                let mut acc = if n == MathGcd {
                    BigInt::from(0)
                } else {
                    BigInt::from(1)
                };
                for v in a.pos {
                    let b = self.big_arg(Some(v))?;
                    acc = if n == MathGcd {
                        pynum::gcd(&acc, &b)
                    } else {
                        pynum::lcm(&acc, &b)
                    };
                }
                Ok(Vm::int_from_big(acc))
            }
            MathIsqrt => {
                let b = self.big_arg(a.get(0))?;
                Ok(Vm::int_from_big(
                    pynum::isqrt(&b).map_err(|e| self.lib_err(e))?,
                ))
            }
            MathFactorial => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if let Value::Float(_) = v {
                    return Err(
                        self.type_error("'float' object cannot be interpreted as an integer")
                    );
                }
                let b = self.big_arg(Some(&v))?;
                Ok(Vm::int_from_big(
                    pynum::factorial(&b).map_err(|e| self.lib_err(e))?,
                ))
            }
            MathIsinf => Ok(Value::Bool(f1(self)?.is_infinite())),
            MathIsnan => Ok(Value::Bool(f1(self)?.is_nan())),
            MathIsfinite => Ok(Value::Bool(f1(self)?.is_finite())),
            MathHypot => {
                let mut acc = 0.0f64;
                for v in a.pos {
                    let x = self.f64_arg(Some(v), "hypot")?;
                    acc = acc.hypot(x);
                }
                Ok(Value::Float(acc))
            }
            MathCopysign => {
                let x = f1(self)?;
                let y = self.f64_arg(a.get(1), "copysign")?;
                Ok(Value::Float(x.copysign(y)))
            }
            MathFsum => {
                let items = self.collect(a.get(0).unwrap_or(&Value::None))?;
                let mut vals = Vec::with_capacity(items.len());
                for v in &items {
                    vals.push(self.f64_arg(Some(v), "fsum")?);
                }
                Ok(Value::Float(fsum(&vals)))
            }
            MathProd => {
                let items = self.collect(a.get(0).unwrap_or(&Value::None))?;
                let mut acc = a.kw("start").cloned().unwrap_or(Value::Int(1));
                for v in items {
                    acc = self.binary_op(2, &acc, &v)?;
                }
                Ok(acc)
            }
            MathComb | MathPerm => {
                let nn = self.big_arg(a.get(0))?;
                let k = match a.get(1) {
                    Some(k) => self.big_arg(Some(k))?,
                    None => nn.clone(),
                };
                if nn.is_negative() || k.is_negative() {
                    return Err(self.value_error(format!(
                        "{} must be a non-negative integer",
                        if nn.is_negative() { "n" } else { "k" }
                    )));
                }
                if k > nn {
                    return Ok(Value::Int(0));
                }
                let kk = k.to_u64().unwrap_or(0);
                let mut r = BigInt::from(1);
                for i in 0..kk {
                    r *= &nn - BigInt::from(i);
                }
                if n == MathComb {
                    let mut f = BigInt::from(1);
                    for i in 1..=kk {
                        f *= BigInt::from(i);
                    }
                    r /= f;
                }
                Ok(Vm::int_from_big(r))
            }
            MathDegrees => Ok(Value::Float(f1(self)?.to_degrees())),
            MathRadians => Ok(Value::Float(f1(self)?.to_radians())),
            MathIsclose => {
                let x = f1(self)?;
                let y = self.f64_arg(a.get(1), "isclose")?;
                let rel = match a.kw("rel_tol") {
                    Some(v) => self.f64_arg(Some(v), "isclose")?,
                    None => 1e-9,
                };
                let abs_tol = match a.kw("abs_tol") {
                    Some(v) => self.f64_arg(Some(v), "isclose")?,
                    None => 0.0,
                };
                if x == y {
                    return Ok(Value::Bool(true));
                }
                if x.is_infinite() || y.is_infinite() {
                    return Ok(Value::Bool(false));
                }
                let d = (x - y).abs();
                Ok(Value::Bool(
                    d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs_tol,
                ))
            }
            MathModf => {
                let x = f1(self)?;
                let i = x.trunc();
                Ok(Vm::new_tuple(vec![Value::Float(x - i), Value::Float(i)]))
            }
            MathFmod => {
                let x = f1(self)?;
                let y = self.f64_arg(a.get(1), "fmod")?;
                if y == 0.0 {
                    return Err(domain(self));
                }
                Ok(Value::Float(x % y))
            }
            _ => Err(self.err("SystemError", "unknown math function")),
        }
    }

    /// The `math` module, built on first import.
    pub fn math_module(&mut self) -> ObjRef {
        if let Some(m) = self.native_modules.get("math") {
            return m.clone();
        }
        let mut module = crate::value::object::Module {
            name: "math".into(),
            index: u32::MAX,
            slots: Vec::new(),
            names: Vec::new(),
            lookup: std::collections::HashMap::new(),
        };
        let mut set = |name: &str, v: Value| {
            let s = module.slot_for(name, Vm::str_val(name));
            module.slots[s as usize] = v;
        };
        set("__name__", Vm::str_val("math"));
        for n in Native::MATH {
            set(n.name(), Value::Native(n.def()));
        }
        set("pi", Value::Float(std::f64::consts::PI));
        set("e", Value::Float(std::f64::consts::E));
        set("tau", Value::Float(std::f64::consts::TAU));
        set("inf", Value::Float(f64::INFINITY));
        set("nan", Value::Float(f64::NAN));
        let m = ObjRef::new(Object::Module(module));
        self.native_modules.insert("math".into(), m.clone());
        m
    }

    /// Calls a built-in type: `int(x)`, `list(it)`, `dict(a=1)`, ...
    pub fn construct_builtin(
        &mut self,
        kind: TypeKind,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let a = Args::new(args, kwnames);
        match kind {
            TypeKind::Int => crate::objects::int::construct(self, &a),
            TypeKind::Float => crate::objects::float::construct(self, &a),
            TypeKind::Str => crate::objects::str::construct(self, &a),
            TypeKind::Bool => crate::objects::int::construct_bool(self, &a),
            TypeKind::List => crate::objects::list::construct(self, &a),
            TypeKind::Tuple => crate::objects::tuple::construct(self, &a),
            TypeKind::Dict => crate::objects::dict::construct(self, &a),
            TypeKind::Set => crate::objects::set::construct(self, &a, false),
            TypeKind::FrozenSet => crate::objects::set::construct(self, &a, true),
            TypeKind::Range => crate::objects::range::construct(self, &a),
            TypeKind::Type => match a.pos.len() {
                1 => Ok(Value::Obj(self.type_of(&a.pos[0]))),
                _ => Err(self.type_error("type() takes 1 or 3 arguments")),
            },
            TypeKind::Bytes => crate::objects::bytes::construct(self, &a),
            TypeKind::Slice => {
                let (start, stop, step) = match a.pos.len() {
                    1 => (Value::None, a.pos[0].clone(), Value::None),
                    2 => (a.pos[0].clone(), a.pos[1].clone(), Value::None),
                    _ => (
                        a.get(0).cloned().unwrap_or(Value::None),
                        a.get(1).cloned().unwrap_or(Value::None),
                        a.get(2).cloned().unwrap_or(Value::None),
                    ),
                };
                Ok(Value::obj(Object::Slice { start, stop, step }))
            }
            TypeKind::NoneType => Ok(Value::None),
            TypeKind::Property => self.call_native(Native::PropertyNew.def(), args, kwnames),
            TypeKind::StaticMethod => {
                self.call_native(Native::StaticMethodNew.def(), args, kwnames)
            }
            TypeKind::ClassMethod => self.call_native(Native::ClassMethodNew.def(), args, kwnames),
            _ => Err(self.type_error(format!(
                "cannot create '{}' instances",
                Vm::class_name(self.type_obj(kind))
            ))),
        }
    }
}

/// `math.fsum`: Shewchuk's exact summation, as CPython.
fn fsum(vals: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &x0 in vals {
        let mut x = x0;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    partials.iter().sum()
}
