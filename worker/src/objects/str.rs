//! `str`: its constructor and its methods. Each method is one row of [`METHODS`] and one
//! function below; `bytes` runs many of these functions over a latin-1 view of its data
//! (see `objects/bytes.rs`), so those are visible to the parent module.

use crate::value::dict_table::Dict;
use crate::value::num::inst_base;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::ExcKind;
use crate::vm::{PyResult, Vm};
use permafrost_semantics::text;
use permafrost_semantics::text::wide::WideBuf;

/// The arity of methods whose count errors CPython words in a style `Arity` has not got
/// ("split() takes at most 2 arguments"): only their keywords are checked before the call,
/// the count by the method itself.
pub(super) const ANY: Arity = Arity::Range(0, usize::MAX);

/// The methods of `str`, looked up by name.
pub(crate) static METHODS: &[NativeFn] = &[
    NativeFn::method("str.split", split_w, ANY, Some(&["sep", "maxsplit"])),
    NativeFn::method("str.rsplit", rsplit_w, ANY, Some(&["sep", "maxsplit"])),
    NativeFn::method("str.join", join, Arity::One, None),
    NativeFn::method("str.strip", strip_w, Arity::Range(0, 1), None),
    NativeFn::method("str.lstrip", lstrip_w, Arity::Range(0, 1), None),
    NativeFn::method("str.rstrip", rstrip_w, Arity::Range(0, 1), None),
    NativeFn::method("str.replace", replace_w, Arity::Range(2, 3), None),
    NativeFn::method("str.find", find_w, ANY, None),
    NativeFn::method("str.rfind", rfind_w, ANY, None),
    NativeFn::method("str.index", index_w, ANY, None),
    NativeFn::method("str.rindex", rindex_w, ANY, None),
    NativeFn::method("str.count", count_w, ANY, None),
    NativeFn::method("str.startswith", startswith_w, ANY, None),
    NativeFn::method("str.endswith", endswith_w, ANY, None),
    NativeFn::method("str.upper", upper_w, Arity::NoArgs, None),
    NativeFn::method("str.lower", lower_w, Arity::NoArgs, None),
    NativeFn::method("str.title", title_w, Arity::NoArgs, None),
    NativeFn::method("str.capitalize", capitalize_w, Arity::NoArgs, None),
    NativeFn::method("str.swapcase", swapcase_w, Arity::NoArgs, None),
    NativeFn::method("str.casefold", casefold_w, Arity::NoArgs, None),
    NativeFn::method("str.isdigit", isdigit_w, Arity::NoArgs, None),
    NativeFn::method("str.isalpha", isalpha_w, Arity::NoArgs, None),
    NativeFn::method("str.isalnum", isalnum_w, Arity::NoArgs, None),
    NativeFn::method("str.isspace", isspace_w, Arity::NoArgs, None),
    NativeFn::method("str.isupper", isupper_w, Arity::NoArgs, None),
    NativeFn::method("str.islower", islower_w, Arity::NoArgs, None),
    NativeFn::method("str.isdecimal", isdecimal_w, Arity::NoArgs, None),
    NativeFn::method("str.isnumeric", isnumeric_w, Arity::NoArgs, None),
    NativeFn::method("str.istitle", istitle_w, Arity::NoArgs, None),
    NativeFn::method("str.isidentifier", isidentifier_w, Arity::NoArgs, None),
    NativeFn::method("str.isascii", isascii_w, Arity::NoArgs, None),
    NativeFn::method("str.isprintable", isprintable_w, Arity::NoArgs, None),
    NativeFn::method("str.center", center_w, Arity::Range(1, 2), None),
    NativeFn::method("str.ljust", ljust_w, Arity::Range(1, 2), None),
    NativeFn::method("str.rjust", rjust_w, Arity::Range(1, 2), None),
    NativeFn::method("str.zfill", zfill_w, Arity::One, None),
    NativeFn::method("str.partition", partition_w, Arity::One, None),
    NativeFn::method("str.rpartition", rpartition_w, Arity::One, None),
    NativeFn::method("str.splitlines", splitlines_w, ANY, Some(&["keepends"])),
    NativeFn::new("str.format", format),
    NativeFn::method("str.encode", encode, ANY, Some(&["encoding", "errors"])),
    NativeFn::method("str.translate", translate, Arity::One, None),
    NativeFn::method("str.format_map", format_map, Arity::One, None),
    NativeFn::new("str.maketrans", maketrans),
    NativeFn::method("str.expandtabs", expandtabs_w, ANY, Some(&["tabsize"])),
    NativeFn::method("str.removeprefix", removeprefix_w, Arity::One, None),
    NativeFn::method("str.removesuffix", removesuffix_w, Arity::One, None),
];

/// The methods that also run over strs holding lone surrogates, through stand-ins.
macro_rules! standin {
    ($wrapper:ident, $method:ident) => {
        fn $wrapper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            if a.raw
                .iter()
                .any(|v| v.is_wide_str() || wide_tuple(v) || holds_str_subclass(v))
            {
                return uncommon_args(vm, a, $method);
            }
            $method(vm, a)
        }
    };
}
standin!(split_w, split);
standin!(rsplit_w, rsplit);
standin!(strip_w, strip);
standin!(lstrip_w, lstrip);
standin!(rstrip_w, rstrip);
standin!(replace_w, replace);
standin!(find_w, find);
standin!(rfind_w, rfind);
standin!(index_w, index);
standin!(rindex_w, rindex);
standin!(count_w, count);
standin!(startswith_w, startswith);
standin!(endswith_w, endswith);
standin!(upper_w, upper);
standin!(lower_w, lower);
standin!(title_w, title);
standin!(capitalize_w, capitalize);
standin!(swapcase_w, swapcase);
standin!(casefold_w, casefold);
standin!(isdigit_w, isdigit);
standin!(isalpha_w, isalpha);
standin!(isalnum_w, isalnum);
standin!(isspace_w, isspace);
standin!(isupper_w, isupper);
standin!(islower_w, islower);
standin!(isdecimal_w, isdecimal);
standin!(isnumeric_w, isnumeric);
standin!(istitle_w, istitle);
standin!(isidentifier_w, isidentifier);
standin!(isascii_w, isascii);
standin!(isprintable_w, isprintable);
standin!(center_w, center);
standin!(ljust_w, ljust);
standin!(rjust_w, rjust);
standin!(zfill_w, zfill);
standin!(partition_w, partition);
standin!(rpartition_w, rpartition);
standin!(splitlines_w, splitlines);
standin!(expandtabs_w, expandtabs);
standin!(removeprefix_w, removeprefix);
standin!(removesuffix_w, removesuffix);

/// Whether `v` is an instance of a str subclass, or a tuple holding one (`startswith`'s
/// prefixes): the methods read such an argument as the str it holds, as CPython's do.
fn holds_str_subclass(v: &Value) -> bool {
    match v.body() {
        Some(Object::Instance(_)) => inst_base(v).is_some_and(|b| b.str_bytes().is_some()),
        Some(Object::Tuple(t)) => t
            .iter()
            .any(|x| matches!(x.body(), Some(Object::Instance(_))) && holds_str_subclass(x)),
        _ => false,
    }
}

/// `v` with each str-subclass instance (in it, for a tuple) replaced by the str it holds.
fn plain_str_arg(v: &Value) -> Value {
    match v.body() {
        Some(Object::Tuple(t)) if holds_str_subclass(v) => {
            Vm::new_tuple(t.iter().map(plain_str_arg).collect())
        }
        _ => crate::value::num::plain_str(v),
    }
}

/// A str method's call whose arguments hold a str-subclass instance or a lone surrogate.
fn uncommon_args(
    vm: &mut Vm,
    a: &Args,
    f: fn(&mut Vm, &Args) -> PyResult<Value>,
) -> PyResult<Value> {
    if a.raw.iter().any(holds_str_subclass) {
        let raw: Vec<Value> = a.raw.iter().map(plain_str_arg).collect();
        let plain = Args::new(&raw, a.kwnames);
        if raw.iter().any(|v| v.is_wide_str() || wide_tuple(v)) {
            return with_standins(vm, &plain, f);
        }
        return f(vm, &plain);
    }
    with_standins(vm, a, f)
}

/// Whether `v` is a tuple holding a str with a lone surrogate (`startswith`'s prefixes).
fn wide_tuple(v: &Value) -> bool {
    matches!(v.body(), Some(Object::Tuple(t)) if t.iter().any(|x| x.is_wide_str()))
}

/// The first code point of 2048 private-use ones (planes 15 and 16) of which none occurs in
/// `vals`: each surrogate U+D800 + k stands as base + k while a method runs.
fn standin_base(vals: &[Value]) -> Option<u32> {
    let mut used = [false; 64];
    let mut mark = |v: &Value| {
        for cp in permafrost_semantics::text::wide::code_points(v.str_bytes().unwrap_or_default()) {
            if cp >= 0xF0000 {
                used[((cp - 0xF0000) >> 11) as usize & 63] = true;
            }
        }
    };
    for v in vals {
        match v.body() {
            Some(Object::Tuple(t)) => t.iter().for_each(&mut mark),
            _ => mark(v),
        }
    }
    // The last block of each plane holds the noncharacters U+xFFFE/U+xFFFF (not private use).
    (0..64u32)
        .filter(|&i| i != 31 && i != 63)
        .find(|&i| !used[i as usize])
        .map(|i| 0xF0000 + (i << 11))
}

/// `v` with its surrogates replaced by their stand-ins (tuples item by item).
fn to_standins(v: &Value, base: u32) -> Value {
    if let Some(Object::Tuple(t)) = v.body() {
        if t.iter().any(|x| x.is_wide_str()) {
            return Vm::new_tuple(t.iter().map(|x| to_standins(x, base)).collect());
        }
    }
    if !v.is_wide_str() {
        return v.clone();
    }
    let text: String =
        permafrost_semantics::text::wide::code_points(v.str_bytes().unwrap_or_default())
            .map(|cp| match cp {
                0xD800..=0xDFFF => char::from_u32(base + cp - 0xD800).unwrap_or('\u{fffd}'),
                _ => char::from_u32(cp).unwrap_or('\u{fffd}'),
            })
            .collect();
    Vm::str_val(text)
}

/// `v` with stand-ins turned back into surrogates (strs, and the items of lists and tuples).
fn from_standins(v: Value, base: u32) -> Value {
    let back = |s: &str| {
        let mut buf = WideBuf::with_capacity(s.len());
        for c in s.chars() {
            let cp = c as u32;
            if (base..base + 0x800).contains(&cp) {
                buf.push_code_point(cp - base + 0xD800);
            } else {
                buf.push(c);
            }
        }
        Vm::str_from_buf(buf)
    };
    if let Some(s) = v.as_str() {
        return back(s);
    }
    match v.body() {
        Some(Object::List(l)) => {
            Vm::new_list(l.iter().map(|x| from_standins(x.clone(), base)).collect())
        }
        Some(Object::Tuple(t)) => {
            Vm::new_tuple(t.iter().map(|x| from_standins(x.clone(), base)).collect())
        }
        _ => v,
    }
}

/// Runs a str method whose receiver or arguments hold lone surrogates over stand-ins:
/// private-use characters absent from every argument, which the method treats exactly as it
/// treats surrogates (neither has a case, a digit value, a space or line-break property, nor
/// is printable or part of an identifier; each is one code point), so the answer, with the
/// stand-ins turned back, is CPython's. Every argument of these methods is a str, a tuple of
/// strs or a number, and every str they answer is made of their arguments' characters. Methods
/// that expose ordinals or convert other objects to text (`translate`, `format`) are not run
/// this way.
fn with_standins(
    vm: &mut Vm,
    a: &Args,
    f: fn(&mut Vm, &Args) -> PyResult<Value>,
) -> PyResult<Value> {
    let Some(base) = standin_base(a.raw) else {
        return Err(crate::stdlib::codec_text::wide_unsupported(
            vm,
            "this str method",
        ));
    };
    let raw: Vec<Value> = a.raw.iter().map(|v| to_standins(v, base)).collect();
    let r = f(vm, &Args::new(&raw, a.kwnames))?;
    Ok(from_standins(r, base))
}

/// `str(...)`.
pub(crate) fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some((k, _)) =
        a.kw.iter()
            .find(|(k, _)| !["object", "encoding", "errors"].contains(k))
    {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for str()")));
    }
    if a.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            a.pos.len()
        )));
    }
    match a.arg(0, "object") {
        None => Ok(Vm::str_val("")),
        Some(v) => {
            let (enc, errors) = (a.arg(1, "encoding"), a.arg(2, "errors"));
            if enc.is_some() || errors.is_some() {
                // Any bytes-like object decodes (bytearray, memoryview), as a bytes copy.
                let Some(data) = super::bytearray::bytes_like(v) else {
                    return Err(vm.type_error(if v.as_str().is_some() {
                        "decoding str is not supported".to_string()
                    } else {
                        format!(
                            "decoding to str: need a bytes-like object, {} found",
                            vm.type_name(v)
                        )
                    }));
                };
                let v = &Value::obj(Object::Bytes(data.into_boxed_slice().into()));
                // `str(b, encoding, errors)` is `b.decode(encoding, errors)`.
                let utf8 = Vm::str_val("utf-8");
                let conv = [v.clone(), enc.unwrap_or(&utf8).clone()]
                    .into_iter()
                    .chain(errors.cloned())
                    .collect::<Vec<_>>();
                return super::bytes::decode(vm, &Args::new(&conv, &[]));
            }
            vm.str_value(v)
        }
    }
}

/// The receiver of a `str` method: a str (or the str inside an instance of a str subclass),
/// or CPython's descriptor error. The value is this call's own reference to an immutable str,
/// so its text may be borrowed across calls back into the interpreter.
fn receiver(vm: &Vm, a: &Args, method: &str) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if v.as_str().is_some() => Ok(v.clone()),
        Some(v) if v.is_wide_str() => Err(wide_method(vm, method)),
        Some(v) => match inst_base(v) {
            Some(b) if b.as_str().is_some() => Ok(b),
            Some(b) if b.is_wide_str() => Err(wide_method(vm, method)),
            _ => Err(vm.type_error(format!(
                "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method str.{method}() needs an argument"))),
    }
}

/// A method not yet done over a str holding a lone surrogate (`receiver` gives no text for
/// one): a clean error rather than an answer computed without the surrogate.
fn wide_method(vm: &Vm, method: &str) -> crate::value::heap::ObjRef {
    crate::stdlib::codec_text::wide_unsupported(vm, &format!("str.{method}()"))
}

/// The text of a value `receiver` returned.
fn text(v: &Value) -> &str {
    v.as_str().expect("receiver() checked the type")
}

/// A str argument, or a TypeError `"{what} {type name}"`.
fn str_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    if let Some(v) = v.filter(|v| v.is_wide_str()) {
        let _ = v;
        return Err(crate::stdlib::codec_text::wide_unsupported(
            vm,
            "this argument",
        ));
    }
    match v.and_then(|v| v.as_str_arg()) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "{what} {}",
            v.map(|v| vm.type_name(v))
                .unwrap_or_else(|| "NoneType".into())
        ))),
    }
}

/// A str argument of a method CPython generates with Argument Clinic, whose TypeError names
/// `None` as "None" rather than by its type.
fn clinic_str_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    match v {
        Some(Value::None) => Err(vm.type_error(format!("{what} None"))),
        _ => str_arg(vm, v, what),
    }
}

/// A width for padding methods: an ssize, and MemoryError beyond what can be allocated.
fn width_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let w = vm.ssize_of(v.unwrap_or(&Value::None))?;
    if w > crate::vm::ops::MAX_ALLOC as i64 || !crate::budget::fits(w.max(0) as usize) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    Ok(w)
}

/// The fill character of `center`, `ljust` and `rjust` (a space when absent).
fn fill_char(vm: &Vm, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => {
            let s = v.as_str().unwrap_or("");
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
    }
}

/// `split` and `rsplit`.
fn split_by(vm: &mut Vm, a: &Args, method: &str, right: bool) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    check_at_most(vm, a, method, 2)?;
    let s = text(&r);
    let sep = match a.arg(1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(vm, Some(v), "must be str or None, not")?),
    };
    let maxsplit = vm.opt_i64(a.arg(2, "maxsplit"))?.unwrap_or(-1);
    let parts = if right {
        text::rsplit(s, sep.as_deref(), maxsplit)
    } else {
        text::split(s, sep.as_deref(), maxsplit)
    }
    .map_err(|e| vm.lib_err(e))?;
    Ok(Vm::new_list(parts.into_iter().map(Vm::str_val).collect()))
}

pub(super) fn split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    split_by(vm, a, "split", false)
}

pub(super) fn rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    split_by(vm, a, "rsplit", true)
}

fn join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sep = match a.get(0) {
        Some(v) if v.is_wide_str() => Some(v.clone()),
        Some(v) => inst_base(v).filter(|b| b.is_wide_str()),
        None => None,
    };
    if let Some(sep) = sep {
        let items = join_items(vm, a.get(1).unwrap_or(&Value::None))?;
        return join_wide(vm, &sep, &items);
    }
    let r = receiver(vm, a, "join")?;
    let s = text(&r);
    let items = join_items(vm, a.get(1).unwrap_or(&Value::None))?;
    if items.iter().any(|it| it.is_wide_str()) {
        return join_wide(vm, &r, &items);
    }
    let total = joined_size(vm, s.len(), &items)?;
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s);
        }
        out.push_str(it.as_str().unwrap_or(""));
    }
    Ok(Vm::str_val(out))
}

/// The items of `sep.join(iterable)`, an instance of a str subclass as the str it holds.
fn join_items(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    let items = vm.collect(iterable)?;
    Ok(items.iter().map(crate::value::num::plain_str).collect())
}

/// The byte size of `sep.join(items)`, sized first as CPython does (one allocation, and
/// MemoryError past the heap budget); CPython's TypeError for an item that is not a str.
fn joined_size(vm: &Vm, sep_len: usize, items: &[Value]) -> PyResult<usize> {
    let mut total = sep_len.saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match it.str_bytes() {
            Some(t) => total = total.saturating_add(t.len()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    if !crate::budget::fits(total) {
        return Err(vm.err_empty(ExcKind::MemoryError));
    }
    Ok(total)
}

/// `sep.join(items)` when the separator or an item holds a lone surrogate: over wide bytes.
fn join_wide(vm: &mut Vm, sep: &Value, items: &[Value]) -> PyResult<Value> {
    let sep = sep.str_bytes().unwrap_or_default();
    let total = joined_size(vm, sep.len(), items)?;
    let mut out = WideBuf::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_wide(sep);
        }
        out.push_wide(it.str_bytes().unwrap_or_default());
    }
    Ok(Vm::str_from_buf(out))
}

/// Which ends `strip` works on.
#[derive(Clone, Copy)]
enum Ends {
    Both,
    Left,
    Right,
}

/// `strip`, `lstrip` and `rstrip`.
fn strip_ends(vm: &mut Vm, a: &Args, method: &str, ends: Ends) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    let s = text(&r);
    let chars = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) if v.as_str().is_some() => v.as_str().map(str::to_string),
        Some(_) => return Err(vm.type_error(format!("{method} arg must be None or str"))),
    };
    let out = match ends {
        Ends::Both => text::strip(s, chars.as_deref()),
        Ends::Left => text::lstrip(s, chars.as_deref()),
        Ends::Right => text::rstrip(s, chars.as_deref()),
    };
    // Nothing stripped: the receiver itself, as CPython returns it.
    if out.len() == s.len() {
        Ok(r.clone())
    } else {
        Ok(Vm::str_val(out))
    }
}

pub(super) fn strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_ends(vm, a, "strip", Ends::Both)
}

pub(super) fn lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_ends(vm, a, "lstrip", Ends::Left)
}

pub(super) fn rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_ends(vm, a, "rstrip", Ends::Right)
}

pub(super) fn replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "replace")?;
    let old = clinic_str_arg(vm, a.get(1), "replace() argument 1 must be str, not")?;
    let new = clinic_str_arg(vm, a.get(2), "replace() argument 2 must be str, not")?;
    let count = vm.opt_i64(a.arg(3, "count"))?.unwrap_or(-1);
    let s = text(&r);
    if new.len() > old.len() && crate::budget::limit() != 0 {
        // A growing replacement is sized first, so that it fails with MemoryError rather than
        // past the heap budget.
        let found = if old.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(old.as_str()).count()
        };
        let n = if count < 0 {
            found
        } else {
            found.min(count as usize)
        };
        let grown = (n as u128) * ((new.len() - old.len()) as u128) + s.len() as u128;
        if !crate::budget::fits_u128(Some(grown)) {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
    }
    Ok(Vm::str_val(text::replace(s, &old, &new, count)))
}

/// At most `max` arguments, positional or keyword, as CPython words it for methods whose
/// arguments may be named ("split() takes at most 2 arguments (3 given)").
pub(super) fn check_at_most(vm: &Vm, a: &Args, method: &str, max: usize) -> PyResult<()> {
    let given = a.pos.len().saturating_sub(1) + a.kw.len();
    if given > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{method}() takes at most {max} argument{s} ({given} given)"
        )));
    }
    Ok(())
}

/// The argument count of `find`, `count`, `startswith` and their kin (`sub[, start[, end]]`;
/// their rows refuse keywords), checked with CPython's wording.
pub(super) fn check_search_args(vm: &Vm, a: &Args, method: &str) -> PyResult<()> {
    let given = a.pos.len().saturating_sub(1);
    if given == 0 {
        Err(vm.type_error(format!("{method}() takes at least 1 argument (0 given)")))
    } else if given > 3 {
        Err(vm.type_error(format!(
            "{method}() takes at most 3 arguments ({given} given)"
        )))
    } else {
        Ok(())
    }
}

/// The searches over `s[start:end]`.
#[derive(Clone, Copy)]
enum Search {
    Find,
    Rfind,
    Index,
    Rindex,
    Count,
}

/// `find`, `rfind`, `index`, `rindex` and `count`.
fn search(vm: &mut Vm, a: &Args, method: &str, how: Search) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    check_search_args(vm, a, method)?;
    let s = text(&r);
    let sub = str_arg(vm, a.get(1), "must be str, not")?;
    let start = vm.opt_pos(a.get(2))?;
    let end = vm.opt_pos(a.get(3))?;
    let n = match how {
        Search::Find => text::find(s, &sub, start, end),
        Search::Rfind => text::rfind(s, &sub, start, end),
        Search::Index => text::index(s, &sub, start, end).map_err(|e| vm.lib_err(e))? as i64,
        Search::Rindex => text::rindex(s, &sub, start, end).map_err(|e| vm.lib_err(e))? as i64,
        Search::Count => text::count(s, &sub, start, end) as i64,
    };
    Ok(Value::Int(n))
}

pub(super) fn find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "find", Search::Find)
}

pub(super) fn rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "rfind", Search::Rfind)
}

fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "index", Search::Index)
}

fn rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "rindex", Search::Rindex)
}

pub(super) fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    search(vm, a, "count", Search::Count)
}

/// `startswith` (`at_end` false) and `endswith`: one str or a tuple of them.
fn affix(vm: &mut Vm, a: &Args, method: &str, at_end: bool) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    check_search_args(vm, a, method)?;
    let s = text(&r);
    let arg1 = a.get(1);
    let start = vm.opt_pos(a.get(2))?;
    let end = vm.opt_pos(a.get(3))?;
    let cands: Vec<Value> = match arg1.and_then(|v| v.body()) {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vec![arg1.cloned().unwrap_or(Value::None)],
    };
    for c in &cands {
        let Some(p) = c.as_str() else {
            return Err(vm.type_error(format!(
                "{method} first arg must be str or a tuple of str, not {}",
                vm.type_name(c)
            )));
        };
        let hit = if at_end {
            text::endswith(s, p, start, end)
        } else {
            text::startswith(s, p, start, end)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "startswith", false)
}

pub(super) fn endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "endswith", true)
}

/// A method that maps the text to a new str.
fn mapped(vm: &mut Vm, a: &Args, method: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    Ok(Vm::str_val(f(text(&r))))
}

pub(super) fn upper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "upper", text::upper)
}

pub(super) fn lower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "lower", text::lower)
}

pub(super) fn title(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "title", text::title)
}

pub(super) fn capitalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "capitalize", text::capitalize)
}

pub(super) fn swapcase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "swapcase", text::swapcase)
}

fn casefold(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mapped(vm, a, "casefold", text::casefold)
}

/// A predicate on the text.
fn test(vm: &mut Vm, a: &Args, method: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    Ok(Value::Bool(f(text(&r))))
}

pub(super) fn isdigit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isdigit", text::isdigit)
}

pub(super) fn isalpha(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isalpha", text::isalpha)
}

pub(super) fn isalnum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isalnum", text::isalnum)
}

pub(super) fn isspace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isspace", text::isspace)
}

pub(super) fn isupper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isupper", text::isupper)
}

pub(super) fn islower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "islower", text::islower)
}

fn isdecimal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isdecimal", text::isdecimal)
}

fn isnumeric(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isnumeric", text::isnumeric)
}

pub(super) fn istitle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "istitle", text::istitle)
}

fn isidentifier(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isidentifier", text::isidentifier)
}

pub(super) fn isascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isascii", text::isascii)
}

fn isprintable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    test(vm, a, "isprintable", text::isprintable)
}

/// `center`, `ljust` and `rjust`: the text padded to a width with a fill character.
fn pad(vm: &mut Vm, a: &Args, method: &str, f: fn(&str, i64, char) -> String) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    let w = width_arg(vm, a.get(1))?;
    let fill = fill_char(vm, a.get(2))?;
    Ok(Vm::str_val(f(text(&r), w, fill)))
}

pub(super) fn center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "center", text::center)
}

pub(super) fn ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "ljust", text::ljust)
}

pub(super) fn rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "rjust", text::rjust)
}

pub(super) fn zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "zfill")?;
    let w = width_arg(vm, a.get(1))?;
    Ok(Vm::str_val(text::zfill(text(&r), w)))
}

/// `partition` and `rpartition`.
fn partition_at(vm: &mut Vm, a: &Args, method: &str, right: bool) -> PyResult<Value> {
    let r = receiver(vm, a, method)?;
    let s = text(&r);
    let sep = str_arg(vm, a.get(1), "must be str, not")?;
    let (x, y, z) = if right {
        text::rpartition(s, &sep)
    } else {
        text::partition(s, &sep)
    }
    .map_err(|e| vm.lib_err(e))?;
    Ok(Vm::new_tuple(vec![
        Vm::str_val(x),
        Vm::str_val(y),
        Vm::str_val(z),
    ]))
}

pub(super) fn partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_at(vm, a, "partition", false)
}

pub(super) fn rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_at(vm, a, "rpartition", true)
}

pub(super) fn splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "splitlines")?;
    check_at_most(vm, a, "splitlines", 1)?;
    // `keepends` is an int flag: `splitlines("x")` is a TypeError.
    let keep = match a.arg(1, "keepends") {
        Some(v) => vm.index_of(v)? != 0,
        None => false,
    };
    Ok(Vm::new_list(
        text::splitlines(text(&r), keep)
            .into_iter()
            .map(Vm::str_val)
            .collect(),
    ))
}

fn format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "format")?;
    let kw: Vec<(String, Value)> =
        a.kw.iter()
            .map(|(k, v)| (k.to_string(), (*v).clone()))
            .collect();
    let out = vm.str_format(text(&r), &a.pos[1..], &kw)?;
    Ok(Vm::str_val(out))
}

/// The `encoding` or `errors` argument of `encode`/`decode` (`i`-th, or by keyword): a str.
pub(super) fn codec_arg<'a>(
    vm: &Vm,
    a: &Args<'a>,
    i: usize,
    name: &str,
    method: &str,
) -> PyResult<Option<&'a str>> {
    match a.arg(i, name) {
        None => Ok(None),
        Some(v) => match v.as_str_arg() {
            Some(s) => Ok(Some(s)),
            // CPython's argument clinic names None itself, other values by their type.
            None => Err(vm.type_error(format!(
                "{method}() argument '{name}' must be str, not {}",
                if matches!(v, Value::None) {
                    "None".to_string()
                } else {
                    vm.type_name(v).to_string()
                }
            ))),
        },
    }
}

pub(super) fn encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(v) = a.get(0).filter(|v| v.is_wide_str()) {
        check_at_most(vm, a, "encode", 2)?;
        let errors = codec_arg(vm, a, 2, "errors", "encode")?.unwrap_or("strict");
        let given = codec_arg(vm, a, 1, "encoding", "encode")?.unwrap_or("utf-8");
        return crate::stdlib::codecs::encode_wide_str(vm, v, given, errors);
    }
    let r = receiver(vm, a, "encode")?;
    check_at_most(vm, a, "encode", 2)?;
    let errors = codec_arg(vm, a, 2, "errors", "encode")?.unwrap_or("strict");
    let given = codec_arg(vm, a, 1, "encoding", "encode")?.unwrap_or("utf-8");
    crate::stdlib::codecs::encode_str(vm, text(&r), given, errors)
}

fn translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // Over code points and wide bytes: the receiver, the table's answers and the result may
    // all hold lone surrogates.
    let r = match a.get(0) {
        Some(v) if v.is_wide_str() => v.clone(),
        _ => receiver(vm, a, "translate")?,
    };
    let s = r.str_bytes().unwrap_or_default();
    let table = a.get(1).cloned().unwrap_or(Value::None);
    let mut out = WideBuf::with_capacity(s.len());
    for c in permafrost_semantics::text::wide::code_points(s) {
        match vm
            .getitem(&table, &Value::Int(c as i64))
            .map(|v| crate::value::num::plain_value(&v))
        {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => match u32::try_from(n) {
                Ok(r) if r < 0x110000 => out.push_code_point(r),
                _ => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            Ok(v) => match v.str_bytes() {
                Some(t) => out.push_wide(t),
                None => {
                    return Err(vm.type_error("character mapping must return integer, None or str"))
                }
            },
            Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => out.push_code_point(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Vm::str_from_buf(out))
}

fn format_map(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "format_map")?;
    let mapping = a.get(1).cloned().unwrap_or(Value::None);
    Ok(Vm::str_val(vm.str_format_map(text(&r), &mapping)?))
}

/// `str.maketrans(x[, y[, z]])`: a static method, so `a.pos[0]` (the type or a str it was
/// reached through) is not used.
fn maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = Vm::new_dict(Dict::new());
    let x = a.get(1).cloned().unwrap_or(Value::None);
    match (a.get(2), a.get(3)) {
        (Some(y), z) => {
            // Code points, so lone surrogates map too.
            let cps = |v: &Value| -> Vec<u32> {
                permafrost_semantics::text::wide::code_points(v.str_bytes().unwrap_or_default())
                    .collect()
            };
            let xs = cps(&x);
            let ys = cps(y);
            if xs.len() != ys.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (c, r) in xs.iter().zip(ys.iter()) {
                vm.setitem(&d, Value::Int(*c as i64), Value::Int(*r as i64))?;
            }
            if let Some(z) = z {
                for c in cps(z) {
                    vm.setitem(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        (None, _) => {
            let pairs: Vec<(Value, Value)> = match x.body() {
                Some(Object::Dict(src)) => {
                    src.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
                }
                _ => {
                    return Err(vm.type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ))
                }
            };
            for (k, v) in pairs {
                let key = match k.as_str() {
                    Some(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0))
                    }
                    Some(_) => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                    None => k,
                };
                vm.setitem(&d, key, v)?;
            }
        }
    }
    Ok(d)
}

pub(super) fn expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "expandtabs")?;
    check_at_most(vm, a, "expandtabs", 1)?;
    let t = vm.opt_i64(a.arg(1, "tabsize"))?.unwrap_or(8);
    // The tab size is a C int in CPython.
    if i32::try_from(t).is_err() {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let s = text(&r);
    if t > 1 && crate::budget::limit() != 0 {
        // At most `t` columns per tab: sized first, MemoryError past the heap budget.
        let tabs = s.bytes().filter(|&b| b == b'\t').count() as u128;
        if !crate::budget::fits_u128(Some(tabs * t as u128 + s.len() as u128)) {
            return Err(vm.err_empty(ExcKind::MemoryError));
        }
    }
    text::try_expandtabs(s, t)
        .map(Vm::str_val)
        .map_err(|e| vm.lib_err(e))
}

pub(super) fn removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "removeprefix")?;
    let s = text(&r);
    let p = clinic_str_arg(vm, a.get(1), "removeprefix() argument must be str, not")?;
    Ok(Vm::str_val(s.strip_prefix(p.as_str()).unwrap_or(s)))
}

pub(super) fn removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = receiver(vm, a, "removesuffix")?;
    let s = text(&r);
    let p = clinic_str_arg(vm, a.get(1), "removesuffix() argument must be str, not")?;
    Ok(Vm::str_val(s.strip_suffix(p.as_str()).unwrap_or(s)))
}
