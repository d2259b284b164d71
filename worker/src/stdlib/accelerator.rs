//! What CPython's C accelerators change about the pure-Python modules this worker runs in
//! their place. CPython 3.11 imports `_datetime` over `datetime.py`; its field checks word
//! their errors differently from the pure ones (`ValueError('day is out of range for month')`
//! against `ValueError('day must be in 1..28', 29)`) and convert arguments as C ints do; `_decimal`
//! raises a trapped signal with the list of conditions (`[<class 'decimal.ConversionSyntax'>]`)
//! where `_pydecimal` gives an explanation. After such a module has loaded, [`after_import`]
//! puts native functions with the C module's behaviour in place of the pure module's few
//! that decide it: `datetime`'s `_check_date_fields` and `_check_time_fields` (every
//! constructor and `replace` call them by global name), `IsoCalendarDate.__repr__`, and
//! `_pydecimal`'s `Context._raise_error`, `Context.__repr__`, `Decimal.__int__` and
//! `Context._set_signal_dict` (flags and traps as `_decimal`'s `SignalDict`). Where only the
//! words of an error differ, a rewording wrapper calls the pure function and rewords what it
//! raises; the pure classes are registered as native types so that messages name them with
//! their module (`'datetime.date'`), as CPython names a C type.

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};

/// The checks installed over `datetime`'s own.
static DATETIME_CHECKS: &[NativeFn] = &[
    NativeFn::function(
        "_check_date_fields",
        check_date_fields,
        Arity::Range(3, 3),
        None,
    ),
    NativeFn::function(
        "_check_time_fields",
        check_time_fields,
        Arity::Range(5, 5),
        None,
    ),
];

/// `IsoCalendarDate.__repr__`, named as `_datetime` names the type.
static ISO_CALENDAR_REPR: NativeFn = NativeFn::method(
    "IsoCalendarDate.__repr__",
    iso_calendar_repr,
    Arity::NoArgs,
    None,
);

/// `Context._raise_error` raising as `_decimal` does.
static DECIMAL_RAISE_ERROR: NativeFn = NativeFn::method(
    "Context._raise_error",
    decimal_raise_error,
    Arity::Range(1, usize::MAX),
    None,
);

/// `Decimal.__int__` (and `__trunc__`), refusing NaNs and infinities in `_decimal`'s words.
static DECIMAL_INT: NativeFn =
    NativeFn::method("Decimal.__int__", decimal_int, Arity::NoArgs, None);

/// `Context.__repr__`, listing flags and traps in `_decimal`'s order.
static DECIMAL_CONTEXT_REPR: NativeFn = NativeFn::method(
    "Context.__repr__",
    decimal_context_repr,
    Arity::NoArgs,
    None,
);

/// The signals in the order `_decimal`'s repr lists them: libmpdec's status bits, lowest
/// first, each signal named at the first of its bits.
const DECIMAL_SIGNALS: [&str; 9] = [
    "Clamped",
    "InvalidOperation",
    "DivisionByZero",
    "Inexact",
    "FloatOperation",
    "Overflow",
    "Rounded",
    "Subnormal",
    "Underflow",
];

/// Runs once a standard-library module named `name` has executed its top level.
pub(crate) fn after_import(vm: &mut Vm, name: &str, module: &ObjRef) -> PyResult<()> {
    let m = Value::Obj(module.clone());
    if matches!(name, "datetime" | "_pydecimal") {
        if let Some(index) = vm.module_index(name) {
            vm.frameless_modules.push(index);
        }
    }
    match name {
        "datetime" => {
            for f in DATETIME_CHECKS {
                replace(vm, &m, f.name(), Value::Native(f))?;
            }
            if let Some(cls) = attr(vm, &m, "_IsoCalendarDate") {
                replace(vm, &cls, "__repr__", Value::Native(&ISO_CALENDAR_REPR))?;
            }
            name_as_c_types(vm, &m, DATETIME_TYPES);
            install_rewordings(vm, &m, DATETIME_REWORDINGS)?;
        }
        "_pydecimal" => {
            if let Some(cls) = attr(vm, &m, "Context") {
                replace(
                    vm,
                    &cls,
                    "_raise_error",
                    Value::Native(&DECIMAL_RAISE_ERROR),
                )?;
                replace(vm, &cls, "__repr__", Value::Native(&DECIMAL_CONTEXT_REPR))?;
                replace(
                    vm,
                    &cls,
                    "_set_signal_dict",
                    Value::Native(&DECIMAL_SET_SIGNAL_DICT),
                )?;
            }
            // The contexts made while the module ran hold plain dicts.
            for name in ["DefaultContext", "BasicContext", "ExtendedContext"] {
                let Some(ctx) = attr(vm, &m, name) else {
                    continue;
                };
                for which in ["flags", "traps"] {
                    let plain = vm.getattr(&ctx, &Vm::str_val(which))?;
                    let signal_dict = new_signal_dict(vm, &plain)?;
                    vm.setattr_generic(&ctx, &Vm::str_val(which), signal_dict)?;
                }
            }
            if let Some(cls) = attr(vm, &m, "Decimal") {
                replace(vm, &cls, "__int__", Value::Native(&DECIMAL_INT))?;
                replace(vm, &cls, "__trunc__", Value::Native(&DECIMAL_INT))?;
            }
            name_as_c_types(vm, &m, DECIMAL_TYPES);
            install_rewordings(vm, &m, DECIMAL_REWORDINGS)?;
        }
        _ => {}
    }
    Ok(())
}

fn attr(vm: &mut Vm, owner: &Value, name: &str) -> Option<Value> {
    vm.getattr(owner, &Vm::str_val(name)).ok()
}

/// Sets `owner.name` only where the pure module defines it (a module that imported its
/// accelerator deleted or never had it).
fn replace(vm: &mut Vm, owner: &Value, name: &str, with: Value) -> PyResult<()> {
    if attr(vm, owner, name).is_some() {
        vm.setattr(owner, &Vm::str_val(name), with)?;
    }
    Ok(())
}

fn iso_calendar_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fields = vm.collect(&a.pos[0])?;
    let mut parts = Vec::with_capacity(3);
    for v in fields.iter().take(3) {
        parts.push(vm.repr(v)?);
    }
    if parts.len() != 3 {
        return Err(vm.type_error("IsoCalendarDate.__repr__ needs three fields"));
    }
    Ok(Vm::str_val(format!(
        "datetime.IsoCalendarDate(year={}, week={}, weekday={})",
        parts[0], parts[1], parts[2]
    )))
}

/// `context._raise_error(condition, explanation=None, *args)`: sets the signal's flag and,
/// if it is trapped, raises it with the list of the conditions that occurred, as `_decimal`
/// does; otherwise the condition's `handle` gives the result.
fn decimal_raise_error(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (ctx, condition) = match a.pos {
        [ctx, condition, ..] => (ctx.clone(), condition.clone()),
        _ => {
            return Err(
                vm.type_error("_raise_error() missing 1 required positional argument: 'condition'")
            )
        }
    };
    // `signal().handle(ctx, *args)`: the result a signal that does not raise gives.
    let handled = |vm: &mut Vm, signal: &Value| -> PyResult<Value> {
        let instance = vm.call(signal, &[], &[])?;
        let method = vm.getattr(&instance, &Vm::str_val("handle"))?;
        let mut args = vec![ctx.clone()];
        args.extend(a.pos.iter().skip(3).cloned());
        vm.call(&method, &args, &[])
    };
    let module = vm.loaded_module("_pydecimal");
    let error = match module.and_then(|m| attr(vm, &m, "_condition_map")) {
        Some(map) => match vm.getitem(&map, &condition) {
            Ok(e) => e,
            Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => condition.clone(),
            Err(e) => return Err(e),
        },
        None => condition.clone(),
    };
    let ignored = vm.getattr(&ctx, &Vm::str_val("_ignored_flags"))?;
    if vm.contains(&ignored, &error)? {
        return handled(vm, &error);
    }
    let flags = vm.getattr(&ctx, &Vm::str_val("flags"))?;
    vm.setitem(&flags, error.clone(), Value::Int(1))?;
    let traps = vm.getattr(&ctx, &Vm::str_val("traps"))?;
    let trapped = vm.getitem(&traps, &error)?;
    if !vm.truthy(&trapped)? {
        return handled(vm, &condition);
    }
    let raised = vm.call(&error, &[Vm::new_list(vec![condition])], &[])?;
    match raised {
        Value::Obj(e) => Err(e),
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

/// An argument converted as C's `"i"` format does: through `__index__`, within a C int.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v.body(), Some(Object::BigInt(_))) {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    let n = vm.index_of(v)?;
    if n > i32::MAX as i64 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "signed integer is greater than maximum",
        ));
    }
    if n < i32::MIN as i64 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "signed integer is less than minimum",
        ));
    }
    Ok(n)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// `_check_date_fields(year, month, day)` as `_datetime`'s constructors check them.
fn check_date_fields(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let year = c_int(vm, &a.pos[0])?;
    let month = c_int(vm, &a.pos[1])?;
    let day = c_int(vm, &a.pos[2])?;
    if !(1..=9999).contains(&year) {
        return Err(vm.value_error(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(vm.value_error("month must be in 1..12"));
    }
    let days = match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&day) {
        return Err(vm.value_error("day is out of range for month"));
    }
    Ok(Vm::new_tuple(vec![
        Value::Int(year),
        Value::Int(month),
        Value::Int(day),
    ]))
}

/// `_check_time_fields(hour, minute, second, microsecond, fold)` as `_datetime` checks them.
fn check_time_fields(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let limits: [(&str, i64); 4] = [
        ("hour must be in 0..23", 23),
        ("minute must be in 0..59", 59),
        ("second must be in 0..59", 59),
        ("microsecond must be in 0..999999", 999_999),
    ];
    let mut out = Vec::with_capacity(5);
    for (v, (message, max)) in a.pos.iter().zip(limits) {
        let n = c_int(vm, v)?;
        if !(0..=max).contains(&n) {
            return Err(vm.value_error(message));
        }
        out.push(Value::Int(n));
    }
    let fold = c_int(vm, &a.pos[4])?;
    if fold != 0 && fold != 1 {
        return Err(vm.value_error("fold must be either 0 or 1"));
    }
    out.push(Value::Int(fold));
    Ok(Vm::new_tuple(out))
}

fn decimal_context_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ctx = &a.pos[0];
    let mut out = String::from("Context(");
    for (i, field) in ["prec", "rounding", "Emin", "Emax", "capitals", "clamp"]
        .into_iter()
        .enumerate()
    {
        let v = vm.getattr(ctx, &Vm::str_val(field))?;
        let text = vm.str_of(&v)?;
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!("{field}={text}"));
    }
    let module = vm.loaded_module("_pydecimal");
    for which in ["flags", "traps"] {
        let table = vm.getattr(ctx, &Vm::str_val(which))?;
        let mut names = Vec::new();
        for name in DECIMAL_SIGNALS {
            let Some(signal) = module.as_ref().and_then(|m| attr(vm, m, name)) else {
                continue;
            };
            let set = match vm.getitem(&table, &signal) {
                Ok(v) => vm.truthy(&v)?,
                Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => false,
                Err(e) => return Err(e),
            };
            if set {
                names.push(name);
            }
        }
        out.push_str(&format!(", {which}=[{}]", names.join(", ")));
    }
    out.push(')');
    Ok(Vm::str_val(out))
}

/// `int(d)` of a `_pydecimal.Decimal`: its digits (`_int`), exponent (`_exp`, or `'n'`/`'N'`/`'F'`
/// for a quiet NaN, a signalling NaN, an infinity) and sign, truncated toward zero.
fn decimal_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = &a.pos[0];
    let exp = vm.getattr(d, &Vm::str_val("_exp"))?;
    match exp.as_str() {
        Some("n" | "N") => return Err(vm.value_error("cannot convert NaN to integer")),
        Some("F") => {
            return Err(vm.err(ExcKind::OverflowError, "cannot convert Infinity to integer"))
        }
        _ => {}
    }
    let exp = vm.index_of(&exp)?;
    let digits = vm.getattr(d, &Vm::str_val("_int"))?;
    let digits = digits.as_str().unwrap_or("0").to_string();
    let negative = vm.getattr(d, &Vm::str_val("_sign"))?;
    let negative = vm.truthy(&negative)?;
    let kept = if exp >= 0 {
        digits.clone()
    } else {
        let cut = digits.len().saturating_sub(exp.unsigned_abs() as usize);
        digits[..cut].to_string()
    };
    let mut n: num_bigint::BigInt = if kept.is_empty() {
        0.into()
    } else {
        kept.parse()
            .map_err(|_| vm.value_error("invalid digits in a Decimal"))?
    };
    if exp > 0 {
        // About 0.42 bytes per decimal digit: a result past the heap budget is a MemoryError
        // rather than a native loop that cannot be interrupted.
        let bytes = (exp as u64).saturating_mul(42) / 100;
        if exp > u32::MAX as i64 || !crate::budget::fits(bytes as usize) {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
        n *= num_bigint::BigInt::from(10u32).pow(exp as u32);
    }
    if negative {
        n = -n;
    }
    Ok(Vm::int_from_big(n))
}

// ----- pure functions run under the C module's error words -----

/// How a reworded function turns an error of the pure one into the C module's (`None`: the
/// error stands).
type Reword = fn(&mut Vm, &Args, &ObjRef) -> PyResult<Option<ObjRef>>;

/// Defines a native function that calls the pure function kept under `$key` and rewords its
/// errors with `$reword`: each wrapper is its own `fn`, as a `NativeFn` holds no data.
macro_rules! reworded {
    ($func:ident, $key:literal, $reword:path) => {
        fn $func(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            call_reworded(vm, a, $key, $reword)
        }
    };
}

/// One pure attribute replaced by a rewording wrapper: the class (`""`: the module itself)
/// and attribute name, the key its pure value is kept under in `Vm::native_types`, and the
/// wrapper.
struct Rewording {
    class: &'static str,
    name: &'static str,
    key: &'static str,
    native: &'static NativeFn,
}

fn call_reworded(vm: &mut Vm, a: &Args, key: &str, reword: Reword) -> PyResult<Value> {
    let Some(pure) = vm.native_types.get(key).cloned() else {
        return Err(vm.type_error(format!("{key} is not loaded")));
    };
    match vm.call(&Value::Obj(pure), a.raw, a.kwnames) {
        Err(e) => match reword(vm, a, &e)? {
            Some(other) => Err(other),
            None => Err(e),
        },
        ok => ok,
    }
}

/// Puts each wrapper of `table` in place of its pure attribute of `module`, keeping the pure
/// function; a static or class method stays one.
fn install_rewordings(vm: &mut Vm, module: &Value, table: &[Rewording]) -> PyResult<()> {
    for r in table {
        let owner = if r.class.is_empty() {
            module.clone()
        } else {
            match attr(vm, module, r.class) {
                Some(c) => c,
                None => continue,
            }
        };
        let own = match owner.body() {
            Some(Object::Class(c)) => crate::vm::attrs::dict_get_str(&c.dict, r.name).cloned(),
            _ => attr(vm, &owner, r.name),
        };
        let Some(own) = own else { continue };
        let (pure, wrapper) = match own.body() {
            Some(Object::StaticMethod(f)) => (
                f.clone(),
                Value::obj(Object::StaticMethod(Value::Native(r.native))),
            ),
            Some(Object::ClassMethod(f)) => (
                f.clone(),
                Value::obj(Object::ClassMethod(Value::Native(r.native))),
            ),
            _ => (own.clone(), Value::Native(r.native)),
        };
        let Value::Obj(pure) = pure else { continue };
        vm.native_types.insert(r.key, pure);
        vm.setattr(&owner, &Vm::str_val(r.name), wrapper)?;
    }
    Ok(())
}

/// The message of exception `e` when it is exactly of class `kind` (not a subclass: the
/// decimal signals derive from the built-in errors).
fn message_of(vm: &Vm, e: &ObjRef, kind: ExcKind) -> Option<String> {
    let Object::Instance(i) = e.get() else {
        return None;
    };
    if !i.class.ptr_eq(&vm.exc_class(kind)) {
        return None;
    }
    match vm.exc_args(e).as_slice() {
        [m] => m.as_str().map(str::to_string),
        _ => None,
    }
}

/// Registers the classes of a pure module as native types, so that messages name them as
/// CPython names a C type (`'datetime.date'`, `'decimal.Decimal'`).
fn name_as_c_types(vm: &mut Vm, module: &Value, classes: &[(&'static str, &str)]) {
    for (key, name) in classes {
        if let Some(Value::Obj(c)) = attr(vm, module, name) {
            vm.native_types.insert(key, c);
        }
    }
}

/// The classes `_datetime` defines, named with their module.
const DATETIME_TYPES: &[(&str, &str)] = &[
    ("datetime.date", "date"),
    ("datetime.datetime", "datetime"),
    ("datetime.time", "time"),
    ("datetime.timedelta", "timedelta"),
    ("datetime.tzinfo", "tzinfo"),
    ("datetime.timezone", "timezone"),
];

reworded!(
    dt_datetime_cmp,
    "pure datetime.datetime._cmp",
    datetime_words
);
reworded!(dt_time_cmp, "pure datetime.time._cmp", datetime_words);
reworded!(
    dt_datetime_sub,
    "pure datetime.datetime.__sub__",
    datetime_words
);
reworded!(
    dt_datetime_add,
    "pure datetime.datetime.__add__",
    datetime_words
);
reworded!(
    dt_datetime_radd,
    "pure datetime.datetime.__radd__",
    datetime_words
);
reworded!(dt_date_add, "pure datetime.date.__add__", datetime_words);
reworded!(dt_date_radd, "pure datetime.date.__radd__", datetime_words);
reworded!(dt_date_sub, "pure datetime.date.__sub__", datetime_words);
reworded!(
    dt_timedelta_new,
    "pure datetime.timedelta.__new__",
    datetime_words
);
reworded!(
    dt_tzinfo_utcoffset,
    "pure datetime.tzinfo.utcoffset",
    datetime_words
);
reworded!(dt_tzinfo_dst, "pure datetime.tzinfo.dst", datetime_words);
reworded!(
    dt_tzinfo_tzname,
    "pure datetime.tzinfo.tzname",
    datetime_words
);
reworded!(
    dt_fromisocalendar,
    "pure datetime.date.fromisocalendar",
    datetime_words
);
reworded!(
    dt_fromordinal,
    "pure datetime.date.fromordinal",
    datetime_ordinal_words
);
reworded!(
    dt_astimezone,
    "pure datetime.datetime.astimezone",
    datetime_words
);
reworded!(
    dt_timezone_new,
    "pure datetime.timezone.__new__",
    datetime_words
);

reworded!(
    dt_time_fromisoformat,
    "pure datetime.time.fromisoformat",
    datetime_iso_time_words
);

static DT_DATETIME_CMP: NativeFn = NativeFn::new("datetime._cmp", dt_datetime_cmp);
static DT_TIME_CMP: NativeFn = NativeFn::new("time._cmp", dt_time_cmp);
static DT_DATETIME_SUB: NativeFn = NativeFn::new("datetime.__sub__", dt_datetime_sub);
static DT_DATETIME_ADD: NativeFn = NativeFn::new("datetime.__add__", dt_datetime_add);
static DT_DATETIME_RADD: NativeFn = NativeFn::new("datetime.__radd__", dt_datetime_radd);
static DT_DATE_ADD: NativeFn = NativeFn::new("date.__add__", dt_date_add);
static DT_DATE_RADD: NativeFn = NativeFn::new("date.__radd__", dt_date_radd);
static DT_DATE_SUB: NativeFn = NativeFn::new("date.__sub__", dt_date_sub);
static DT_TIMEDELTA_NEW: NativeFn = NativeFn::new("timedelta.__new__", dt_timedelta_new);
static DT_TZINFO_UTCOFFSET: NativeFn = NativeFn::new("tzinfo.utcoffset", dt_tzinfo_utcoffset);
static DT_TZINFO_DST: NativeFn = NativeFn::new("tzinfo.dst", dt_tzinfo_dst);
static DT_TZINFO_TZNAME: NativeFn = NativeFn::new("tzinfo.tzname", dt_tzinfo_tzname);
static DT_FROMISOCALENDAR: NativeFn = NativeFn::new("date.fromisocalendar", dt_fromisocalendar);
static DT_FROMORDINAL: NativeFn = NativeFn::new("date.fromordinal", dt_fromordinal);
static DT_ASTIMEZONE: NativeFn = NativeFn::new("datetime.astimezone", dt_astimezone);
static DT_TIME_FROMISOFORMAT: NativeFn = NativeFn::new("time.fromisoformat", dt_time_fromisoformat);
static DT_TIMEZONE_NEW: NativeFn = NativeFn::new("timezone.__new__", dt_timezone_new);

/// The `datetime` functions whose errors `_datetime` words differently.
static DATETIME_REWORDINGS: &[Rewording] = &[
    Rewording {
        class: "datetime",
        name: "_cmp",
        key: "pure datetime.datetime._cmp",
        native: &DT_DATETIME_CMP,
    },
    Rewording {
        class: "time",
        name: "_cmp",
        key: "pure datetime.time._cmp",
        native: &DT_TIME_CMP,
    },
    Rewording {
        class: "datetime",
        name: "__sub__",
        key: "pure datetime.datetime.__sub__",
        native: &DT_DATETIME_SUB,
    },
    Rewording {
        class: "datetime",
        name: "__add__",
        key: "pure datetime.datetime.__add__",
        native: &DT_DATETIME_ADD,
    },
    Rewording {
        class: "datetime",
        name: "__radd__",
        key: "pure datetime.datetime.__radd__",
        native: &DT_DATETIME_RADD,
    },
    Rewording {
        class: "date",
        name: "__add__",
        key: "pure datetime.date.__add__",
        native: &DT_DATE_ADD,
    },
    Rewording {
        class: "date",
        name: "__radd__",
        key: "pure datetime.date.__radd__",
        native: &DT_DATE_RADD,
    },
    Rewording {
        class: "date",
        name: "__sub__",
        key: "pure datetime.date.__sub__",
        native: &DT_DATE_SUB,
    },
    Rewording {
        class: "timedelta",
        name: "__new__",
        key: "pure datetime.timedelta.__new__",
        native: &DT_TIMEDELTA_NEW,
    },
    Rewording {
        class: "tzinfo",
        name: "utcoffset",
        key: "pure datetime.tzinfo.utcoffset",
        native: &DT_TZINFO_UTCOFFSET,
    },
    Rewording {
        class: "tzinfo",
        name: "dst",
        key: "pure datetime.tzinfo.dst",
        native: &DT_TZINFO_DST,
    },
    Rewording {
        class: "tzinfo",
        name: "tzname",
        key: "pure datetime.tzinfo.tzname",
        native: &DT_TZINFO_TZNAME,
    },
    Rewording {
        class: "date",
        name: "fromisocalendar",
        key: "pure datetime.date.fromisocalendar",
        native: &DT_FROMISOCALENDAR,
    },
    Rewording {
        class: "date",
        name: "fromordinal",
        key: "pure datetime.date.fromordinal",
        native: &DT_FROMORDINAL,
    },
    Rewording {
        class: "datetime",
        name: "astimezone",
        key: "pure datetime.datetime.astimezone",
        native: &DT_ASTIMEZONE,
    },
    Rewording {
        class: "time",
        name: "fromisoformat",
        key: "pure datetime.time.fromisoformat",
        native: &DT_TIME_FROMISOFORMAT,
    },
    Rewording {
        class: "timezone",
        name: "__new__",
        key: "pure datetime.timezone.__new__",
        native: &DT_TIMEZONE_NEW,
    },
];

/// `datetime.py`'s error messages in `_datetime`'s words; the argument a message quotes is the
/// call's first after the receiver.
fn datetime_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let arg = a.pos.get(1).cloned().unwrap_or(Value::None);
    if let Some(m) = message_of(vm, e, ExcKind::TypeError) {
        let text = match m.as_str() {
            "cannot compare naive and aware datetimes" => {
                "can't compare offset-naive and offset-aware datetimes".to_string()
            }
            "cannot compare naive and aware times" => {
                "can't compare offset-naive and offset-aware times".to_string()
            }
            "cannot mix naive and timezone-aware time" => {
                "can't subtract offset-naive and offset-aware datetimes".to_string()
            }
            "tz argument must be an instance of tzinfo" => format!(
                "tzinfo argument must be None or of a tzinfo subclass, not type '{}'",
                vm.type_name(&arg)
            ),
            "offset must be a timedelta" => format!(
                "timezone() argument 1 must be datetime.timedelta, not {}",
                vm.type_name(&arg)
            ),
            "name must be a string" => {
                let name = a.pos.get(2).cloned().unwrap_or(Value::None);
                format!(
                    "timezone() argument 2 must be str, not {}",
                    vm.type_name(&name)
                )
            }
            _ => return Ok(None),
        };
        return Ok(Some(vm.type_error(text)));
    }
    if let Some(m) = message_of(vm, e, ExcKind::OverflowError) {
        if m == "result out of range" {
            return Ok(Some(
                vm.err(ExcKind::OverflowError, "date value out of range"),
            ));
        }
        if let Some(days) = m.strip_prefix("timedelta # of days is too large: ") {
            // `_datetime` holds the days in a C int, then checks the range.
            let fits = days.parse::<i32>().is_ok();
            let text = if fits {
                format!("days={days}; must have magnitude <= 999999999")
            } else {
                "Python int too large to convert to C int".to_string()
            };
            return Ok(Some(vm.err(ExcKind::OverflowError, text)));
        }
        return Ok(None);
    }
    if let Some(m) = message_of(vm, e, ExcKind::NotImplementedError) {
        if let Some(rest) = m.strip_prefix("tzinfo subclass must override ") {
            let text = format!("a tzinfo subclass must implement {rest}");
            return Ok(Some(vm.err(ExcKind::NotImplementedError, text)));
        }
        return Ok(None);
    }
    if let Some(m) = message_of(vm, e, ExcKind::ValueError) {
        if let Some(rest) = m.strip_prefix("Invalid weekday: ") {
            return Ok(Some(vm.value_error(format!("Invalid day: {rest}"))));
        }
        if m.starts_with("offset must be a timedelta strictly between") {
            let shown = vm.repr(&arg)?;
            return Ok(Some(vm.value_error(format!(
                "offset must be a timedelta strictly between -timedelta(hours=24) and \
                 timedelta(hours=24), not {shown}."
            ))));
        }
    }
    Ok(None)
}

/// `date.fromordinal(n)` refuses an ordinal below 1 before computing a year.
fn datetime_ordinal_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let below_one = matches!(a.pos.get(1), Some(Value::Int(n)) if *n < 1);
    if below_one && message_of(vm, e, ExcKind::ValueError).is_some() {
        return Ok(Some(vm.value_error("ordinal must be >= 1")));
    }
    Ok(None)
}

/// `time.fromisoformat` lets a field check's error through where `datetime.py` reports the
/// whole string as invalid.
fn datetime_iso_time_words(vm: &mut Vm, _a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let invalid = message_of(vm, e, ExcKind::ValueError)
        .is_some_and(|m| m.starts_with("Invalid isoformat string"));
    let context = match e.get() {
        Object::Instance(i) => i.exc.as_ref().map(|x| x.context.clone()),
        _ => None,
    };
    if let (true, Some(Value::Obj(c))) = (invalid, context) {
        let field_check =
            message_of(vm, &c, ExcKind::ValueError).is_some_and(|m| m.contains(" must be in 0.."));
        if field_check {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

/// The classes `_decimal` defines whose names messages show with their module.
const DECIMAL_TYPES: &[(&str, &str)] = &[
    ("decimal.Decimal", "Decimal"),
    ("decimal.Context", "Context"),
];

/// `Decimal(value, context)`: `_decimal` refuses a context that is not one before reading the
/// value (the pure constructor only looks at it on some paths); then the pure constructor,
/// its errors reworded.
fn dec_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(ctx) = a.arg(2, "context").cloned() {
        if !matches!(ctx, Value::None) {
            let context_t = vm
                .loaded_module("_pydecimal")
                .and_then(|m| attr(vm, &m, "Context"));
            let ok = match (&context_t, ctx.as_obj()) {
                (Some(Value::Obj(t)), _) => Vm::is_subclass(&vm.type_of(&ctx), t),
                _ => true,
            };
            if !ok {
                return Err(vm.type_error("optional argument must be a context"));
            }
        }
    }
    call_reworded(vm, a, "pure decimal.Decimal.__new__", decimal_new_words)
}
reworded!(dec_hash, "pure decimal.Decimal.__hash__", decimal_words);
reworded!(dec_float, "pure decimal.Decimal.__float__", decimal_words);
reworded!(dec_round, "pure decimal.Decimal.__round__", decimal_words);
reworded!(dec_floor, "pure decimal.Decimal.__floor__", decimal_words);
reworded!(dec_ceil, "pure decimal.Decimal.__ceil__", decimal_words);
reworded!(dec_format, "pure decimal.Decimal.__format__", decimal_words);
reworded!(
    dec_from_float,
    "pure decimal.Decimal.from_float",
    decimal_words
);
reworded!(
    dec_ctx_setattr,
    "pure decimal.Context.__setattr__",
    decimal_words
);
reworded!(
    dec_ctx_delattr,
    "pure decimal.Context.__delattr__",
    decimal_words
);
reworded!(
    dec_ctx_integer,
    "pure decimal.Context._set_integer_check",
    decimal_integer_words
);
reworded!(
    dec_convert,
    "pure decimal._convert_other",
    decimal_convert_words
);

static DEC_NEW: NativeFn = NativeFn::new("Decimal.__new__", dec_new);
static DEC_HASH: NativeFn = NativeFn::new("Decimal.__hash__", dec_hash);
static DEC_FLOAT: NativeFn = NativeFn::new("Decimal.__float__", dec_float);
static DEC_ROUND: NativeFn = NativeFn::new("Decimal.__round__", dec_round);
static DEC_FLOOR: NativeFn = NativeFn::new("Decimal.__floor__", dec_floor);
static DEC_CEIL: NativeFn = NativeFn::new("Decimal.__ceil__", dec_ceil);
static DEC_FORMAT: NativeFn = NativeFn::new("Decimal.__format__", dec_format);
static DEC_FROM_FLOAT: NativeFn = NativeFn::new("Decimal.from_float", dec_from_float);
static DEC_CTX_SETATTR: NativeFn = NativeFn::new("Context.__setattr__", dec_ctx_setattr);
static DEC_CTX_DELATTR: NativeFn = NativeFn::new("Context.__delattr__", dec_ctx_delattr);
static DEC_CTX_INTEGER: NativeFn = NativeFn::new("Context._set_integer_check", dec_ctx_integer);
reworded!(
    dec_ctx_init,
    "pure decimal.Context.__init__",
    decimal_context_init_words
);
static DEC_CTX_INIT: NativeFn = NativeFn::new("Context.__init__", dec_ctx_init);
reworded!(
    dec_quantize,
    "pure decimal.Decimal.quantize",
    decimal_rounding_words
);
reworded!(
    dec_to_integral,
    "pure decimal.Decimal.to_integral",
    decimal_rounding_words
);
reworded!(
    dec_to_integral_value,
    "pure decimal.Decimal.to_integral_value",
    decimal_rounding_words
);
reworded!(
    dec_to_integral_exact,
    "pure decimal.Decimal.to_integral_exact",
    decimal_rounding_words
);
static DEC_QUANTIZE: NativeFn = NativeFn::new("Decimal.quantize", dec_quantize);
static DEC_TO_INTEGRAL: NativeFn = NativeFn::new("Decimal.to_integral", dec_to_integral);
static DEC_TO_INTEGRAL_VALUE: NativeFn =
    NativeFn::new("Decimal.to_integral_value", dec_to_integral_value);
static DEC_TO_INTEGRAL_EXACT: NativeFn =
    NativeFn::new("Decimal.to_integral_exact", dec_to_integral_exact);
static DEC_CONVERT: NativeFn = NativeFn::function(
    "_convert_other",
    dec_convert,
    Arity::Range(1, 3),
    Some(&["raiseit", "allow_float"]),
);

/// The `_pydecimal` functions whose errors `_decimal` words differently.
static DECIMAL_REWORDINGS: &[Rewording] = &[
    Rewording {
        class: "Decimal",
        name: "__new__",
        key: "pure decimal.Decimal.__new__",
        native: &DEC_NEW,
    },
    Rewording {
        class: "Decimal",
        name: "__hash__",
        key: "pure decimal.Decimal.__hash__",
        native: &DEC_HASH,
    },
    Rewording {
        class: "Decimal",
        name: "__float__",
        key: "pure decimal.Decimal.__float__",
        native: &DEC_FLOAT,
    },
    Rewording {
        class: "Decimal",
        name: "__round__",
        key: "pure decimal.Decimal.__round__",
        native: &DEC_ROUND,
    },
    Rewording {
        class: "Decimal",
        name: "__floor__",
        key: "pure decimal.Decimal.__floor__",
        native: &DEC_FLOOR,
    },
    Rewording {
        class: "Decimal",
        name: "__ceil__",
        key: "pure decimal.Decimal.__ceil__",
        native: &DEC_CEIL,
    },
    Rewording {
        class: "Decimal",
        name: "__format__",
        key: "pure decimal.Decimal.__format__",
        native: &DEC_FORMAT,
    },
    Rewording {
        class: "Decimal",
        name: "from_float",
        key: "pure decimal.Decimal.from_float",
        native: &DEC_FROM_FLOAT,
    },
    Rewording {
        class: "Context",
        name: "__setattr__",
        key: "pure decimal.Context.__setattr__",
        native: &DEC_CTX_SETATTR,
    },
    Rewording {
        class: "Context",
        name: "__delattr__",
        key: "pure decimal.Context.__delattr__",
        native: &DEC_CTX_DELATTR,
    },
    Rewording {
        class: "Context",
        name: "_set_integer_check",
        key: "pure decimal.Context._set_integer_check",
        native: &DEC_CTX_INTEGER,
    },
    Rewording {
        class: "Decimal",
        name: "quantize",
        key: "pure decimal.Decimal.quantize",
        native: &DEC_QUANTIZE,
    },
    Rewording {
        class: "Decimal",
        name: "to_integral",
        key: "pure decimal.Decimal.to_integral",
        native: &DEC_TO_INTEGRAL,
    },
    Rewording {
        class: "Decimal",
        name: "to_integral_value",
        key: "pure decimal.Decimal.to_integral_value",
        native: &DEC_TO_INTEGRAL_VALUE,
    },
    Rewording {
        class: "Decimal",
        name: "to_integral_exact",
        key: "pure decimal.Decimal.to_integral_exact",
        native: &DEC_TO_INTEGRAL_EXACT,
    },
    Rewording {
        class: "Context",
        name: "__init__",
        key: "pure decimal.Context.__init__",
        native: &DEC_CTX_INIT,
    },
    Rewording {
        class: "",
        name: "_convert_other",
        key: "pure decimal._convert_other",
        native: &DEC_CONVERT,
    },
];

/// `_decimal`'s refusal of an unknown rounding mode.
const ROUNDING_MODES_MESSAGE: &str =
    "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, \
     ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]";

/// `_pydecimal`'s messages that `_decimal` words otherwise, whatever the arguments.
fn decimal_words(vm: &mut Vm, _a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let reworded = |kind: ExcKind, text: &str| Ok(Some(vm.err(kind, text)));
    if let Some(m) = message_of(vm, e, ExcKind::TypeError) {
        return match m.as_str() {
            "Cannot hash a signaling NaN value." => {
                reworded(ExcKind::TypeError, "Cannot hash a signaling NaN value")
            }
            "argument must be int or float." => {
                reworded(ExcKind::TypeError, "argument must be int or float")
            }
            "Second argument to round should be integral" => {
                reworded(ExcKind::TypeError, "optional arg must be an integer")
            }
            m if m.ends_with(": invalid rounding mode") => {
                reworded(ExcKind::TypeError, ROUNDING_MODES_MESSAGE)
            }
            _ => Ok(None),
        };
    }
    if let Some(m) = message_of(vm, e, ExcKind::ValueError) {
        return match m.as_str() {
            "Cannot convert signaling NaN to float" => {
                reworded(ExcKind::ValueError, "cannot convert signaling NaN to float")
            }
            "cannot round a NaN" => reworded(ExcKind::ValueError, "cannot convert NaN to integer"),
            m if m.starts_with("Invalid format specifier")
                || m.starts_with("Alignment conflicts") =>
            {
                reworded(ExcKind::ValueError, "invalid format string")
            }
            _ => Ok(None),
        };
    }
    if message_of(vm, e, ExcKind::OverflowError).as_deref() == Some("cannot round an infinity") {
        return reworded(ExcKind::OverflowError, "cannot convert Infinity to integer");
    }
    if message_of(vm, e, ExcKind::AttributeError).is_some_and(|m| m.ends_with(" cannot be deleted"))
    {
        return reworded(
            ExcKind::AttributeError,
            "context attributes cannot be deleted",
        );
    }
    Ok(None)
}

/// `Decimal(value)`'s refusals of a bad tuple or type.
fn decimal_new_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let value = a.arg(1, "value").cloned().unwrap_or(Value::None);
    if let Some(m) = message_of(vm, e, ExcKind::ValueError) {
        let text = if m.starts_with("Invalid tuple size") {
            "argument must be a sequence of length 3"
        } else if m.starts_with("Invalid sign.") {
            "sign must be an integer with the value 0 or 1"
        } else if m.starts_with("The second value in the tuple") {
            "coefficient must be a tuple of digits"
        } else if m.starts_with("The third value in the tuple") {
            let exponent = vm.getitem(&value, &Value::Int(2)).ok();
            if exponent.is_some_and(|x| x.as_str().is_some()) {
                "string argument in the third position must be 'F', 'n' or 'N'"
            } else {
                "exponent must be an integer"
            }
        } else {
            return Ok(None);
        };
        return Ok(Some(vm.value_error(text)));
    }
    if message_of(vm, e, ExcKind::TypeError)
        .is_some_and(|m| m.starts_with("Cannot convert ") && m.ends_with(" to Decimal"))
    {
        let text = format!(
            "conversion from {} to Decimal is not supported",
            vm.type_name(&value)
        );
        return Ok(Some(vm.type_error(text)));
    }
    Ok(None)
}

/// `context._set_integer_check(name, value, vmin, vmax)`: `_decimal` states each field's range.
fn decimal_integer_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    if message_of(vm, e, ExcKind::TypeError).is_some_and(|m| m.ends_with(" must be an integer")) {
        return Ok(Some(vm.type_error("an integer is required")));
    }
    if message_of(vm, e, ExcKind::ValueError).is_none() {
        return Ok(None);
    }
    let text = match a.pos.get(1).and_then(|n| n.as_str()) {
        Some("prec") => "valid range for prec is [1, MAX_PREC]",
        Some("Emin") => "valid range for Emin is [MIN_EMIN, 0]",
        Some("Emax") => "valid range for Emax is [0, MAX_EMAX]",
        Some("capitals") => "valid values for capitals are 0 or 1",
        Some("clamp") => "valid values for clamp are 0 or 1",
        _ => return Ok(None),
    };
    Ok(Some(vm.value_error(text)))
}

/// `Context(flags=..., traps=...)` given a list of signals or something else than a dict:
/// `_pydecimal` fails inside its own conversion, `_decimal` names what it accepts.
fn decimal_context_init_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let given = |name: &str, at: usize| a.arg(at, name).filter(|v| !matches!(v, Value::None));
    let signal_lists = [given("flags", 7), given("traps", 8)]
        .into_iter()
        .flatten()
        .any(|v| matches!(v.body(), Some(Object::List(_))));
    if signal_lists && message_of(vm, e, ExcKind::KeyError).is_some() {
        return Ok(Some(vm.err(ExcKind::KeyError, SIGNAL_KEYS_MESSAGE)));
    }
    if message_of(vm, e, ExcKind::TypeError)
        .is_some_and(|m| m.starts_with("can only concatenate list"))
    {
        return Ok(Some(vm.type_error("argument must be a signal dict")));
    }
    Ok(None)
}

/// A rounding argument that is no rounding mode: `_pydecimal` fails looking it up (a
/// `KeyError` naming it), `_decimal` lists the modes.
fn decimal_rounding_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    let Some(missing) = message_of(vm, e, ExcKind::KeyError) else {
        return Ok(None);
    };
    let given = a
        .pos
        .iter()
        .skip(1)
        .chain(a.kw("rounding"))
        .any(|v| v.as_str() == Some(missing.as_str()));
    if given {
        return Ok(Some(vm.type_error(ROUNDING_MODES_MESSAGE)));
    }
    Ok(None)
}

/// `_convert_other(other, raiseit=True)`: `_decimal` names the type it cannot convert.
fn decimal_convert_words(vm: &mut Vm, a: &Args, e: &ObjRef) -> PyResult<Option<ObjRef>> {
    if message_of(vm, e, ExcKind::TypeError).is_some_and(|m| m.starts_with("Unable to convert ")) {
        let other = a.pos.first().cloned().unwrap_or(Value::None);
        let text = format!(
            "conversion from {} to Decimal is not supported",
            vm.type_name(&other)
        );
        return Ok(Some(vm.type_error(text)));
    }
    Ok(None)
}

// ----- decimal's signal dicts -----

/// The signals in the order `_decimal`'s signal dicts hold them.
const SIGNAL_DICT_ORDER: [&str; 9] = [
    "InvalidOperation",
    "FloatOperation",
    "DivisionByZero",
    "Overflow",
    "Underflow",
    "Subnormal",
    "Inexact",
    "Rounded",
    "Clamped",
];

/// `_decimal`'s refusal of a key that is no signal.
const SIGNAL_KEYS_MESSAGE: &str = "valid values for signals are:\n  [InvalidOperation, \
     FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   \
     Clamped]";

/// `Context.flags` and `Context.traps` as `_decimal` has them: a dict of the nine signals in
/// its order, holding bools, shown without a space after each colon, refusing other keys and
/// deletion; `copy()` gives a plain dict.
static SIGNAL_DICT_METHODS: &[NativeFn] = &[
    NativeFn::method(
        "SignalDict.__getitem__",
        signal_dict_getitem,
        Arity::One,
        None,
    ),
    NativeFn::method(
        "SignalDict.__setitem__",
        signal_dict_setitem,
        Arity::Range(2, 2),
        None,
    ),
    NativeFn::method(
        "SignalDict.__delitem__",
        signal_dict_delitem,
        Arity::One,
        None,
    ),
    NativeFn::method("SignalDict.__repr__", signal_dict_repr, Arity::NoArgs, None),
    NativeFn::method("SignalDict.copy", signal_dict_copy, Arity::NoArgs, None),
];

/// `Context._set_signal_dict(name, d)`: stores a signal dict, made from `d` unless it is one
/// (a shallow copy of a context shares its flags, as `_pydecimal` relies on).
static DECIMAL_SET_SIGNAL_DICT: NativeFn = NativeFn::method(
    "Context._set_signal_dict",
    decimal_set_signal_dict,
    Arity::Range(2, 2),
    None,
);

/// The nine signal classes of the loaded `_pydecimal`, in `_decimal`'s order.
fn signals(vm: &mut Vm) -> Vec<Value> {
    let Some(module) = vm.loaded_module("_pydecimal") else {
        return Vec::new();
    };
    SIGNAL_DICT_ORDER
        .iter()
        .filter_map(|name| attr(vm, &module, name))
        .collect()
}

fn is_signal(vm: &mut Vm, key: &Value) -> bool {
    signals(vm).iter().any(|s| s.is(key))
}

/// The dict a signal dict holds its entries in.
fn signal_table(vm: &Vm, a: &Args) -> PyResult<Value> {
    a.pos
        .first()
        .and_then(crate::value::num::inst_base)
        .ok_or_else(|| vm.type_error("SignalDict method needs a SignalDict"))
}

fn signal_dict_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = signal_table(vm, a)?;
    match vm.getitem(&table, &a.pos[1]) {
        Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => {
            Err(vm.err(ExcKind::KeyError, SIGNAL_KEYS_MESSAGE))
        }
        other => other,
    }
}

fn signal_dict_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = signal_table(vm, a)?;
    if !is_signal(vm, &a.pos[1]) {
        return Err(vm.err(ExcKind::KeyError, SIGNAL_KEYS_MESSAGE));
    }
    let on = vm.truthy(&a.pos[2])?;
    vm.setitem(&table, a.pos[1].clone(), Value::Bool(on))?;
    Ok(Value::None)
}

fn signal_dict_delitem(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.value_error("signal keys cannot be deleted"))
}

fn signal_dict_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = signal_table(vm, a)?;
    let mut parts = Vec::new();
    for key in signals(vm) {
        let on = match vm.getitem(&table, &key) {
            Ok(v) => vm.truthy(&v)?,
            Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => continue,
            Err(e) => return Err(e),
        };
        let shown = vm.repr(&key)?;
        parts.push(format!("{shown}:{}", if on { "True" } else { "False" }));
    }
    Ok(Vm::str_val(format!("{{{}}}", parts.join(", "))))
}

fn signal_dict_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let table = signal_table(vm, a)?;
    let dict_t = vm.type_obj(crate::value::object::TypeKind::Dict).clone();
    vm.call(&Value::Obj(dict_t), &[table], &[])
}

/// A new signal dict with each signal's truth in `source` (a mapping holding every signal).
fn new_signal_dict(vm: &mut Vm, source: &Value) -> PyResult<Value> {
    let cls = match vm.native_types.get("decimal.SignalDict") {
        Some(c) => c.clone(),
        None => {
            let dict_t = vm.type_obj(crate::value::object::TypeKind::Dict).clone();
            super::native_type(
                vm,
                "decimal.SignalDict",
                Some(dict_t),
                SIGNAL_DICT_METHODS,
                false,
            )
        }
    };
    let made = vm.call(&Value::Obj(cls), &[], &[])?;
    let table = crate::value::num::inst_base(&made)
        .ok_or_else(|| vm.type_error("SignalDict holds no dict"))?;
    for key in signals(vm) {
        let v = vm.getitem(source, &key)?;
        let on = vm.truthy(&v)?;
        vm.setitem(&table, key, Value::Bool(on))?;
    }
    Ok(made)
}

fn decimal_set_signal_dict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (ctx, name, d) = (&a.pos[0], &a.pos[1], &a.pos[2]);
    let is_signal_dict = vm
        .native_types
        .get("decimal.SignalDict")
        .is_some_and(|c| vm.type_of(d).ptr_eq(c));
    let stored = if is_signal_dict {
        d.clone()
    } else {
        let is_dict = matches!(d.body(), Some(Object::Dict(_)))
            || matches!(
                crate::value::num::inst_base(d)
                    .and_then(|b| b.body().map(|o| matches!(o, Object::Dict(_)))),
                Some(true)
            );
        if !is_dict {
            return Err(vm.type_error("argument must be a signal dict"));
        }
        let keys = vm.collect(d)?;
        let all = signals(vm);
        let complete = keys.len() == all.len() && keys.iter().all(|k| all.iter().any(|s| s.is(k)));
        if !complete {
            return Err(vm.err(ExcKind::KeyError, "invalid signal dict"));
        }
        new_signal_dict(vm, d)?
    };
    vm.setattr_generic(ctx, name, stored)?;
    Ok(Value::None)
}
