//! The builtins namespace's functions (their table is [`functions`]), constructors of the
//! built-in types, and the methods of built-in types not yet moved to `objects/`, still one
//! `Native` variant each, held in a `Value` as a pointer to its record, so `len(x)` or
//! `s.split()` allocates nothing to call.

use crate::pynum;
use crate::value::dict_table::Dict;
use crate::value::object::{Object, TypeKind};
use crate::value::set_table::Set;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::ops::{num_of, Num};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use std::collections::HashMap;

pub(crate) mod functions;

/// Binds every built-in function in the builtins namespace `ns` under its name.
pub(crate) fn add_functions(ns: &mut HashMap<&'static str, Value>) {
    let named = functions::IDENTIFIED.iter().copied();
    for f in functions::FUNCTIONS.iter().chain(named) {
        ns.insert(f.name(), Value::Native(f));
    }
}

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
    StrSplit => "split", StrRsplit => "rsplit", StrJoin => "join", StrStrip => "strip",
    StrLstrip => "lstrip", StrRstrip => "rstrip", StrReplace => "replace", StrFind => "find",
    StrRfind => "rfind", StrIndex => "index", StrRindex => "rindex", StrCount => "count",
    StrStartswith => "startswith", StrEndswith => "endswith", StrUpper => "upper",
    StrLower => "lower", StrTitle => "title", StrCapitalize => "capitalize",
    StrSwapcase => "swapcase", StrCasefold => "casefold", StrIsdigit => "isdigit",
    StrIsalpha => "isalpha", StrIsalnum => "isalnum", StrIsspace => "isspace",
    StrIsupper => "isupper", StrIslower => "islower", StrIsdecimal => "isdecimal",
    StrIsnumeric => "isnumeric", StrIstitle => "istitle", StrIsidentifier => "isidentifier",
    StrIsascii => "isascii", StrIsprintable => "isprintable",
    StrCenter => "center", StrLjust => "ljust", StrRjust => "rjust", StrZfill => "zfill",
    StrPartition => "partition", StrRpartition => "rpartition", StrSplitlines => "splitlines",
    StrFormat => "format", StrEncode => "encode", StrExpandtabs => "expandtabs",
    StrRemoveprefix => "removeprefix", StrRemovesuffix => "removesuffix",
    TupleIndex => "index", TupleCount => "count",
    DictGet => "get", DictKeys => "keys", DictValues => "values", DictItems => "items",
    DictPop => "pop", DictPopitem => "popitem", DictSetdefault => "setdefault",
    DictUpdate => "update", DictCopy => "copy", DictClear => "clear", DictFromkeys => "fromkeys",
    SetAdd => "add", SetRemove => "remove", SetDiscard => "discard", SetPop => "pop",
    SetUnion => "union", SetIntersection => "intersection", SetDifference => "difference",
    SetSymDiff => "symmetric_difference", SetIssubset => "issubset",
    SetIssuperset => "issuperset", SetIsdisjoint => "isdisjoint", SetUpdate => "update",
    SetIntersectionUpdate => "intersection_update", SetDifferenceUpdate => "difference_update",
    SetSymDiffUpdate => "symmetric_difference_update", SetCopy => "copy", SetClear => "clear",
    BytesDecode => "decode", BytesHex => "hex", BytesCount => "count", BytesIndex => "index",
    IntBitLength => "bit_length", IntBitCount => "bit_count", FloatIsInteger => "is_integer",
    FloatAsIntegerRatio => "as_integer_ratio", IntToBytes => "to_bytes",
    BytesFromhex => "fromhex", IntFromBytes => "from_bytes", IntConjugate => "conjugate",
    IntAsIntegerRatio => "as_integer_ratio", FloatHex => "hex", FloatFromhex => "fromhex",
    StrMaketrans => "maketrans", StrTranslate => "translate", StrFormatMap => "format_map",
    GenSend => "send", GenThrow => "throw", GenClose => "close",
    ObjectInit => "__init__", ExcInit => "__init__", ExcWithTraceback => "with_traceback",
    ExcAddNote => "add_note",
    PropertySetter => "setter", PropertyGetter => "getter", PropertyDeleter => "deleter",
    ObjectRepr => "__repr__", ObjectStr => "__str__", ObjectNew => "__new__",
    ObjectSetattr => "__setattr__", ObjectEq => "__eq__", ObjectNe => "__ne__",
    ObjectHash => "__hash__", RangeIndex => "index", RangeCount => "count",
    DLen => "__len__", DGetitem => "__getitem__", DSetitem => "__setitem__",
    DDelitem => "__delitem__", DContains => "__contains__", DIter => "__iter__",
    DNext => "__next__", DRepr => "__repr__", DStr => "__str__", DEq => "__eq__",
    DNe => "__ne__", DLt => "__lt__", DLe => "__le__", DGt => "__gt__", DGe => "__ge__",
    DHash => "__hash__", DAdd => "__add__", DSub => "__sub__", DMul => "__mul__",
    DBool => "__bool__", DFormat => "__format__",
}

impl Native {
    /// A dunder method of any built-in value, dispatching to the operator it implements.
    pub fn dunder(name: &str) -> Option<&'static NativeFn> {
        Native::dunder_variant(name).map(Native::def)
    }

    fn dunder_variant(name: &str) -> Option<Native> {
        use Native::*;
        Some(match name {
            "__len__" => DLen,
            "__getitem__" => DGetitem,
            "__setitem__" => DSetitem,
            "__delitem__" => DDelitem,
            "__contains__" => DContains,
            "__iter__" => DIter,
            "__next__" => DNext,
            "__repr__" => DRepr,
            "__str__" => DStr,
            "__eq__" => DEq,
            "__ne__" => DNe,
            "__lt__" => DLt,
            "__le__" => DLe,
            "__gt__" => DGt,
            "__ge__" => DGe,
            "__hash__" => DHash,
            "__add__" => DAdd,
            "__sub__" => DSub,
            "__mul__" => DMul,
            "__bool__" => DBool,
            "__format__" => DFormat,
            _ => return None,
        })
    }

    /// The method `name` of built-in type `kind` still in this enum (see `objects::method`).
    pub fn method(kind: TypeKind, name: &str) -> Option<&'static NativeFn> {
        Native::method_variant(kind, name).map(Native::def)
    }

    fn method_variant(kind: TypeKind, name: &str) -> Option<Native> {
        use Native::*;
        Some(match kind {
            TypeKind::Str => match name {
                "split" => StrSplit,
                "rsplit" => StrRsplit,
                "join" => StrJoin,
                "strip" => StrStrip,
                "lstrip" => StrLstrip,
                "rstrip" => StrRstrip,
                "replace" => StrReplace,
                "find" => StrFind,
                "rfind" => StrRfind,
                "index" => StrIndex,
                "rindex" => StrRindex,
                "count" => StrCount,
                "startswith" => StrStartswith,
                "endswith" => StrEndswith,
                "upper" => StrUpper,
                "lower" => StrLower,
                "title" => StrTitle,
                "capitalize" => StrCapitalize,
                "swapcase" => StrSwapcase,
                "casefold" => StrCasefold,
                "isdigit" => StrIsdigit,
                "isalpha" => StrIsalpha,
                "isalnum" => StrIsalnum,
                "isspace" => StrIsspace,
                "isupper" => StrIsupper,
                "islower" => StrIslower,
                "isdecimal" => StrIsdecimal,
                "isnumeric" => StrIsnumeric,
                "istitle" => StrIstitle,
                "isidentifier" => StrIsidentifier,
                "isascii" => StrIsascii,
                "isprintable" => StrIsprintable,
                "center" => StrCenter,
                "ljust" => StrLjust,
                "rjust" => StrRjust,
                "zfill" => StrZfill,
                "partition" => StrPartition,
                "rpartition" => StrRpartition,
                "splitlines" => StrSplitlines,
                "format" => StrFormat,
                "encode" => StrEncode,
                "translate" => StrTranslate,
                "format_map" => StrFormatMap,
                "maketrans" => StrMaketrans,
                "expandtabs" => StrExpandtabs,
                "removeprefix" => StrRemoveprefix,
                "removesuffix" => StrRemovesuffix,
                _ => return None,
            },
            TypeKind::Tuple => match name {
                "index" => TupleIndex,
                "count" => TupleCount,
                _ => return None,
            },
            TypeKind::Dict => match name {
                "get" => DictGet,
                "keys" => DictKeys,
                "values" => DictValues,
                "items" => DictItems,
                "pop" => DictPop,
                "popitem" => DictPopitem,
                "setdefault" => DictSetdefault,
                "update" => DictUpdate,
                "copy" => DictCopy,
                "clear" => DictClear,
                "fromkeys" => DictFromkeys,
                _ => return None,
            },
            TypeKind::Set | TypeKind::FrozenSet => match name {
                "add" if kind == TypeKind::Set => SetAdd,
                "remove" if kind == TypeKind::Set => SetRemove,
                "discard" if kind == TypeKind::Set => SetDiscard,
                "pop" if kind == TypeKind::Set => SetPop,
                "update" if kind == TypeKind::Set => SetUpdate,
                "intersection_update" if kind == TypeKind::Set => SetIntersectionUpdate,
                "difference_update" if kind == TypeKind::Set => SetDifferenceUpdate,
                "symmetric_difference_update" if kind == TypeKind::Set => SetSymDiffUpdate,
                "clear" if kind == TypeKind::Set => SetClear,
                "union" => SetUnion,
                "intersection" => SetIntersection,
                "difference" => SetDifference,
                "symmetric_difference" => SetSymDiff,
                "issubset" => SetIssubset,
                "issuperset" => SetIssuperset,
                "isdisjoint" => SetIsdisjoint,
                "copy" => SetCopy,
                _ => return None,
            },
            TypeKind::Bytes => match name {
                "decode" => BytesDecode,
                "hex" => BytesHex,
                "count" => BytesCount,
                "index" => BytesIndex,
                "upper" | "lower" | "split" | "rsplit" | "join" | "strip" | "lstrip" | "rstrip"
                | "replace" | "find" | "rfind" | "startswith" | "endswith" | "partition"
                | "rpartition" | "title" | "capitalize" | "isdigit" | "isalpha" | "isspace"
                | "isupper" | "islower" | "isalnum" | "center" | "ljust" | "rjust" | "zfill"
                | "splitlines" | "swapcase" => return Native::method_variant(TypeKind::Str, name),
                _ => return None,
            },
            TypeKind::Range => match name {
                "index" => RangeIndex,
                "count" => RangeCount,
                _ => return None,
            },
            TypeKind::Int | TypeKind::Bool => match name {
                "bit_length" => IntBitLength,
                "bit_count" => IntBitCount,
                "to_bytes" => IntToBytes,
                "conjugate" => IntConjugate,
                "as_integer_ratio" => IntAsIntegerRatio,
                _ => return None,
            },
            TypeKind::Float => match name {
                "is_integer" => FloatIsInteger,
                "as_integer_ratio" => FloatAsIntegerRatio,
                "hex" => FloatHex,
                "conjugate" => IntConjugate,
                _ => return None,
            },
            TypeKind::Generator => match name {
                "send" => GenSend,
                "throw" => GenThrow,
                "close" => GenClose,
                _ => return None,
            },
            TypeKind::Exception => match name {
                "with_traceback" => ExcWithTraceback,
                "add_note" => ExcAddNote,
                _ => return None,
            },
            _ => return None,
        })
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
        StrUpper | StrLower | StrTitle | StrCapitalize | StrSwapcase | StrCasefold | StrIsdigit
        | StrIsalpha | StrIsalnum | StrIsspace | StrIsupper | StrIslower | StrIsdecimal
        | StrIsnumeric | StrIstitle | StrIsidentifier | StrIsascii | StrIsprintable => {
            (Arity::NoArgs("str"), true, NONE)
        }
        DictKeys | DictValues | DictItems | DictCopy | DictClear | DictPopitem => {
            (Arity::NoArgs("dict"), true, NONE)
        }
        StrJoin => (Arity::One("str.join"), true, NONE),
        SetAdd => (Arity::One("set.add"), true, NONE),
        StrReplace => (Arity::Expected("replace", 2, 3), true, NONE),
        DictPop => (Arity::Expected("pop", 1, 2), true, NONE),
        DictGet => (Arity::Expected("get", 1, 2), true, NONE),
        DictSetdefault => (Arity::Expected("setdefault", 1, 2), true, NONE),
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
    pub(crate) fn f64_arg(&mut self, v: Option<&Value>, fname: &str) -> PyResult<f64> {
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

    pub(crate) fn big_arg(&mut self, v: Option<&Value>) -> PyResult<BigInt> {
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
                        Arity::Expected(b, _, _) if is_method => {
                            let owner = match n {
                                Native::DictPop | Native::DictSetdefault | Native::DictGet => {
                                    "dict"
                                }
                                _ => "str",
                            };
                            format!("{owner}.{b}")
                        }
                        Arity::Expected(b, _, _) => b.to_string(),
                    };
                    return Err(self.type_error(format!("{name}() takes no keyword arguments")));
                }
                Some(allowed) => {
                    for (k2, _) in &a.kw {
                        if !allowed.contains(k2) {
                            return Err(self.type_error(format!(
                                "'{k2}' is an invalid keyword argument for {}()",
                                n.name()
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
            ObjectRepr => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                Ok(Vm::str_val(self.default_repr(&v)?))
            }
            ObjectStr => {
                let v = a.get(0).cloned().unwrap_or(Value::None);
                if let Some(Object::Instance(i)) = v.body() {
                    if i.exc.is_some() {
                        return Ok(Vm::str_val(self.exc_str(&v)?));
                    }
                }
                Ok(Vm::str_val(self.repr(&v)?))
            }
            ObjectNew => {
                let Some(cls) = a.get(0).and_then(|c| c.as_obj()).cloned() else {
                    return Err(self.type_error("object.__new__(X): X is not a type object"));
                };
                let is_exc = matches!(cls.get(), Object::Class(c) if c.kind == TypeKind::Exception);
                let base = match self.builtin_base_kind(&cls) {
                    Some(k) => match self.construct_builtin(k, &a.pos[1..], &[]) {
                        Ok(v) => v,
                        Err(_) => self.construct_builtin(k, &[], &[])?,
                    },
                    None => Value::Null,
                };
                Ok(Value::obj(Object::Instance(
                    crate::value::object::Instance {
                        class: cls,
                        dict: Dict::new(),
                        exc: if is_exc {
                            Some(Box::new(crate::value::object::ExcData {
                                args: a.pos[1..].to_vec(),
                                ..Default::default()
                            }))
                        } else {
                            None
                        },
                        base,
                    },
                )))
            }
            ObjectSetattr => {
                let (Some(o), Some(name), Some(v)) = (a.get(0), a.get(1), a.get(2)) else {
                    return Err(self.type_error("__setattr__ expected 2 arguments"));
                };
                let n = name.as_str().unwrap_or("").to_string();
                if let Some(Object::Instance(i)) = o.as_obj().map(|o| o.get_mut()) {
                    crate::vm::attrs::dict_set_str(&mut i.dict, &n, v.clone());
                }
                Ok(Value::None)
            }
            ObjectEq | ObjectNe => {
                let (Some(x), Some(y)) = (a.get(0), a.get(1)) else {
                    return Ok(Value::NotImplemented);
                };
                if x.is(y) {
                    return Ok(Value::Bool(n == ObjectEq));
                }
                Ok(Value::NotImplemented)
            }
            ObjectHash => Ok(Value::Int(
                (a.get(0).map(|v| v.id()).unwrap_or(0) >> 4) as i64,
            )),
            PropertySetter | PropertyGetter | PropertyDeleter => {
                let (Some(p), Some(f)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("setter expected 1 argument"));
                };
                let (mut fget, mut fset, mut fdel) = match p.body() {
                    Some(Object::Property { fget, fset, fdel }) => {
                        (fget.clone(), fset.clone(), fdel.clone())
                    }
                    _ => (Value::None, Value::None, Value::None),
                };
                match n {
                    PropertySetter => fset = f.clone(),
                    PropertyGetter => fget = f.clone(),
                    _ => fdel = f.clone(),
                }
                Ok(Value::obj(Object::Property { fget, fset, fdel }))
            }
            ObjectInit => Ok(Value::None),
            ExcInit => {
                if let Some(Value::Obj(o)) = a.get(0) {
                    if let Object::Instance(i) = o.get_mut() {
                        if let Some(e) = i.exc.as_mut() {
                            e.args = a.pos[1..].to_vec();
                        }
                    }
                }
                Ok(Value::None)
            }
            ExcWithTraceback => Ok(a.get(0).cloned().unwrap_or(Value::None)),
            ExcAddNote => {
                let (Some(e), Some(note)) = (a.get(0), a.get(1)) else {
                    return Err(self.type_error("add_note() takes exactly one argument"));
                };
                if note.as_str().is_none() {
                    return Err(self.type_error(format!(
                        "note must be a str, not '{}'",
                        self.type_name(note)
                    )));
                }
                let notes = match self.getattr_opt(e, "__notes__")? {
                    Some(l) if matches!(l.body(), Some(Object::List(_))) => l,
                    _ => {
                        let l = Vm::new_list(Vec::new());
                        self.setattr(e, &Vm::str_val("__notes__"), l.clone())?;
                        l
                    }
                };
                if let Some(Object::List(items)) = notes.as_obj().map(|o| o.get_mut()) {
                    items.push(note.clone());
                }
                Ok(Value::None)
            }
            _ => self.call_method_native(n, a),
        }
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
            TypeKind::Int => {
                if let Some((k, _)) = a.kw.iter().find(|(k, _)| *k != "base") {
                    return Err(
                        self.type_error(format!("'{k}' is an invalid keyword argument for int()"))
                    );
                }
                if a.pos.len() > 2 {
                    return Err(self.type_error(format!(
                        "int() takes at most 2 arguments ({} given)",
                        a.pos.len()
                    )));
                }
                let Some(v) = a.get(0) else {
                    return Ok(Value::Int(0));
                };
                let base = a.arg(1, "base").cloned();
                if let Some(s) = v.as_str() {
                    let base = match base {
                        Some(b) => self.index_of(&b)? as u32,
                        None => 10,
                    };
                    let s = s.to_string();
                    let r = pynum::parse_int(&s, base).map_err(|e| self.lib_err(e))?;
                    return Ok(Vm::int_from_big(r));
                }
                if base.is_some() {
                    return Err(
                        self.type_error("int() can't convert non-string with explicit base")
                    );
                }
                match num_of(v) {
                    Some(Num::I(i)) => Ok(Value::Int(i)),
                    Some(Num::B(_)) => Ok(v.clone()),
                    Some(Num::F(f)) => Ok(Vm::int_from_big(
                        pynum::float_to_int(f).map_err(|e| self.lib_err(e))?,
                    )),
                    None => {
                        if let Some(Object::Bytes(b)) = v.body() {
                            let s = String::from_utf8_lossy(b).to_string();
                            let r = pynum::parse_int(&s, 10).map_err(|e| self.lib_err(e))?;
                            return Ok(Vm::int_from_big(r));
                        }
                        for d in ["__int__", "__index__", "__trunc__"] {
                            if let Some(r) = self.call_dunder(v, d, &[])? {
                                return Ok(r);
                            }
                        }
                        Err(self.type_error(format!(
                            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                            self.type_name(v)
                        )))
                    }
                }
            }
            TypeKind::Float => {
                let Some(v) = a.get(0) else {
                    return Ok(Value::Float(0.0));
                };
                if let Some(s) = v.as_str() {
                    let s = s.to_string();
                    return pynum::parse_float(&s)
                        .map(Value::Float)
                        .map_err(|e| self.lib_err(e));
                }
                match num_of(v) {
                    Some(_) => Ok(Value::Float(self.f64_arg(Some(v), "float")?)),
                    None => match self.call_dunder(v, "__float__", &[])? {
                        Some(r) => Ok(r),
                        None => Err(self.type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            self.type_name(v)
                        ))),
                    },
                }
            }
            TypeKind::Str => match a.get(0) {
                None => Ok(Vm::str_val("")),
                Some(v) => {
                    if let (Some(Object::Bytes(b)), Some(_)) = (v.body(), a.arg(1, "encoding")) {
                        return match std::str::from_utf8(b) {
                            Ok(s) => Ok(Vm::str_val(s)),
                            Err(_) => {
                                Err(self
                                    .err("UnicodeDecodeError", "'utf-8' codec can't decode bytes"))
                            }
                        };
                    }
                    self.str_value(v)
                }
            },
            TypeKind::Bool => match a.get(0) {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(self.truthy(v)?)),
            },
            TypeKind::List => match a.get(0) {
                None => Ok(Vm::new_list(Vec::new())),
                Some(v) => {
                    let items = self.collect(v)?;
                    Ok(Vm::new_list(items))
                }
            },
            TypeKind::Tuple => match a.get(0) {
                None => Ok(self.empty_tuple.clone()),
                Some(v) => {
                    if let Some(Object::Tuple(_)) = v.body() {
                        return Ok(v.clone());
                    }
                    let items = self.collect(v)?;
                    Ok(Vm::new_tuple(items))
                }
            },
            TypeKind::Dict => {
                let d = Vm::new_dict(Dict::new());
                if let Some(src) = a.get(0) {
                    self.dict_update(&d, src, false)?;
                }
                for (k, v) in &a.kw {
                    self.setitem(&d, Vm::str_val(*k), (*v).clone())?;
                }
                Ok(d)
            }
            TypeKind::Set | TypeKind::FrozenSet => {
                let s = if let Some(Object::Set(src) | Object::FrozenSet(src)) =
                    a.get(0).and_then(|v| v.body())
                {
                    let mut s = Set::new();
                    s.merge(src, &mut crate::vm::ops::key_eq);
                    Value::obj(Object::Set(s))
                } else {
                    let items = match a.get(0) {
                        Some(v) => self.collect(v)?,
                        None => Vec::new(),
                    };
                    self.build_set(items)?
                };
                if kind == TypeKind::FrozenSet {
                    if let Some(Object::Set(st)) = s.body() {
                        return Ok(Value::obj(Object::FrozenSet(st.clone())));
                    }
                }
                Ok(s)
            }
            TypeKind::Range => {
                if !a.kw.is_empty() {
                    return Err(self.type_error("range() takes no keyword arguments"));
                }
                let mut ints = Vec::new();
                for v in a.pos {
                    match num_of(v) {
                        Some(Num::I(i)) => ints.push(Value::Int(i)),
                        Some(Num::B(_)) => ints.push(v.clone()),
                        _ => {
                            return Err(self.type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                self.type_name(v)
                            )))
                        }
                    }
                }
                let (start, stop, step) = match ints.len() {
                    1 => (Value::Int(0), ints[0].clone(), Value::Int(1)),
                    2 => (ints[0].clone(), ints[1].clone(), Value::Int(1)),
                    3 => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
                    0 => return Err(self.type_error("range expected at least 1 argument, got 0")),
                    k => {
                        return Err(
                            self.type_error(format!("range expected at most 3 arguments, got {k}"))
                        )
                    }
                };
                if matches!(step, Value::Int(0)) {
                    return Err(self.value_error("range() arg 3 must not be zero"));
                }
                Ok(Value::obj(Object::Range { start, stop, step }))
            }
            TypeKind::Type => match a.pos.len() {
                1 => Ok(Value::Obj(self.type_of(&a.pos[0]))),
                _ => Err(self.type_error("type() takes 1 or 3 arguments")),
            },
            TypeKind::Bytes => match a.get(0) {
                None => Ok(Value::obj(Object::Bytes(
                    crate::value::object::BytesData::Owned(Box::new([])),
                ))),
                Some(v) => {
                    if let Some(s) = v.as_str() {
                        return Ok(Value::obj(Object::Bytes(s.as_bytes().into())));
                    }
                    if let Value::Int(k) = v {
                        if *k < 0 {
                            return Err(self.value_error("negative count"));
                        }
                        if *k as u64 > crate::vm::ops::MAX_ALLOC as u64 {
                            return Err(self.err_empty("MemoryError"));
                        }
                        return Ok(Value::obj(Object::Bytes(
                            vec![0u8; *k as usize].into_boxed_slice().into(),
                        )));
                    }
                    let items = self.collect(v)?;
                    let mut out = Vec::with_capacity(items.len());
                    for it in items {
                        match it {
                            Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
                            _ => return Err(self.value_error("bytes must be in range(0, 256)")),
                        }
                    }
                    Ok(Value::obj(Object::Bytes(out.into_boxed_slice().into())))
                }
            },
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
            TypeKind::Property => self.call_native(&functions::PROPERTY, args, kwnames),
            TypeKind::StaticMethod => self.call_native(&functions::STATICMETHOD, args, kwnames),
            TypeKind::ClassMethod => self.call_native(&functions::CLASSMETHOD, args, kwnames),
            _ => Err(self.type_error(format!(
                "cannot create '{}' instances",
                Vm::class_name(self.type_obj(kind))
            ))),
        }
    }
}
