//! The `_csv` module under CPython's `csv.py`: the `Dialect` type (validated parsing and
//! writing options), the `reader` iterator (CPython's character state machine, fed one line
//! of the input iterable at a time), the `writer` (one record per `writerow`, handed to the
//! file's `write`), the dialect registry, `field_size_limit` and `Error`.

use super::{add_property, native_class, native_type, new_native, parse_args, READONLY};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeObj, NativeState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::number;

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// The default of `field_size_limit`.
const DEFAULT_FIELD_LIMIT: i64 = 128 * 1024;

/// Where the module's state lives: `Vm::native_types` holds the objects a native module keeps.
const DIALECTS_KEY: &str = "_csv.dialects";
const LIMIT_KEY: &str = "_csv.field_limit";

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("reader", reader),
    NativeFn::new("writer", writer),
    NativeFn::new("register_dialect", register_dialect),
    NativeFn::new("unregister_dialect", unregister_dialect),
    NativeFn::new("get_dialect", get_dialect),
    NativeFn::function("list_dialects", list_dialects, Arity::NoArgs, None),
    NativeFn::new("field_size_limit", field_size_limit),
];

static DIALECT: &[NativeFn] = &[
    NativeFn::new("Dialect", dialect_new),
    NativeFn::new("Dialect.__reduce_ex__", dialect_reduce),
    NativeFn::new("Dialect.__reduce__", dialect_reduce),
];
static READER: &[NativeFn] = &[
    NativeFn::new("reader", no_new_reader),
    NativeFn::new("reader.__reduce_ex__", reader_reduce),
];
static WRITER: &[NativeFn] = &[
    NativeFn::new("writer", no_new_writer),
    NativeFn::new("writer.__reduce_ex__", writer_reduce),
    NativeFn::method("writer.writerow", writerow, Arity::One, None),
    NativeFn::method("writer.writerows", writerows, Arity::One, None),
];

/// Builds `_csv`.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let dialects = Vm::new_dict(Default::default());
    if let Some(o) = dialects.as_obj() {
        vm.native_types.insert(DIALECTS_KEY, o.clone());
    }
    let object_t = vm.type_obj(TypeKind::Object).clone();
    let limit = ObjRef::new(Object::Native(NativeObj {
        class: object_t,
        next: None,
        state: Box::new(FieldLimit(DEFAULT_FIELD_LIMIT)),
    }));
    vm.native_types.insert(LIMIT_KEY, limit);

    let dialect = native_type(vm, "_csv.Dialect", None, DIALECT, false);
    for (name, get, set) in DIALECT_ATTRS {
        add_property(&dialect, name, get, Some(set));
    }
    super::set_slots(&dialect, &[]);
    let reader_t = native_type(vm, "_csv.reader", None, READER, true);
    add_property(&reader_t, "dialect", &READER_DIALECT, Some(&READONLY));
    add_property(&reader_t, "line_num", &READER_LINE_NUM, Some(&READONLY));
    super::set_slots(&reader_t, &[]);
    let writer_t = native_type(vm, "_csv.writer", None, WRITER, false);
    add_property(&writer_t, "dialect", &WRITER_DIALECT, Some(&READONLY));
    super::set_slots(&writer_t, &[]);
    let exception = vm.exc_class(ExcKind::Exception);
    let error = super::exception_class(vm, "_csv.Error", vec![exception]);
    super::new_module(
        "_csv",
        FUNCTIONS,
        &[
            ("Dialect", Value::Obj(dialect)),
            ("Error", Value::Obj(error)),
            ("__version__", Vm::str_val("1.0")),
            ("__doc__", Vm::str_val("CSV parsing and writing.\n")),
            ("QUOTE_MINIMAL", Value::Int(QUOTE_MINIMAL)),
            ("QUOTE_ALL", Value::Int(QUOTE_ALL)),
            ("QUOTE_NONNUMERIC", Value::Int(QUOTE_NONNUMERIC)),
            ("QUOTE_NONE", Value::Int(QUOTE_NONE)),
        ],
    )
}

/// A `csv.Error` carrying `msg`.
fn error(vm: &Vm, msg: impl Into<String>) -> ObjRef {
    let cls = native_class(vm, "_csv.Error");
    vm.make_exc(&cls, vec![Vm::str_val(msg.into())])
}

fn registry(vm: &Vm) -> PyResult<ObjRef> {
    match vm.native_types.get(DIALECTS_KEY) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.err(ExcKind::SystemError, "_csv is not initialised")),
    }
}

struct FieldLimit(i64);

impl NativeState for FieldLimit {}

fn limit_state(vm: &Vm) -> Option<&mut FieldLimit> {
    let o = vm.native_types.get(LIMIT_KEY)?;
    match o.get_mut() {
        Object::Native(n) => (n.state.as_mut() as &mut dyn std::any::Any).downcast_mut(),
        _ => None,
    }
}

fn field_limit(vm: &Vm) -> i64 {
    limit_state(vm).map_or(DEFAULT_FIELD_LIMIT, |l| l.0)
}

/// The text of a str (or str subclass instance).
fn text_of(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        return Some(s.to_string());
    }
    crate::value::num::inst_base(v).and_then(|b| b.as_str().map(str::to_string))
}

// ----- Dialect -----

/// The options of a dialect, validated.
#[derive(Clone)]
struct Spec {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

impl NativeState for Spec {}

const DIALECT_KWS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// Binds the arguments of `Dialect(...)` as its keyword parser does; absent ones are `None`.
fn bind_dialect_args<'a>(
    vm: &Vm,
    pos: &[&'a Value],
    kw: &[(&'a str, &'a Value)],
) -> PyResult<[Option<&'a Value>; 9]> {
    let total = pos.len() + kw.len();
    if total > DIALECT_KWS.len() {
        return Err(vm.type_error(format!(
            "function takes at most {} arguments ({total} given)",
            DIALECT_KWS.len()
        )));
    }
    let mut out: [Option<&'a Value>; 9] = [None; 9];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in kw {
        match DIALECT_KWS.iter().position(|n| n == k) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(format!(
                    "argument for function given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(*v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    Ok(out)
}

/// A dialect option that is one character: `None` (when allowed) is unset.
fn char_opt(vm: &Vm, name: &str, v: &Value, none_ok: bool) -> PyResult<Option<char>> {
    if none_ok && matches!(v, Value::None) {
        return Ok(None);
    }
    let Some(s) = text_of(v) else {
        let what = if none_ok { "string or None" } else { "string" };
        return Err(vm.type_error(format!(
            "\"{name}\" must be {what}, not {}",
            vm.type_name(v)
        )));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// Makes a dialect from an optional base (a registered name, a `Dialect`, or any object whose
/// attributes give the options) and explicit options, with CPython's validation. An existing
/// `Dialect` with no option overridden is returned as it is.
fn make_dialect(vm: &mut Vm, cls: ObjRef, args: [Option<&Value>; 9]) -> PyResult<Value> {
    let mut opts: [Option<Value>; 8] = Default::default();
    for (slot, v) in opts.iter_mut().zip(&args[1..]) {
        *slot = v.cloned();
    }
    if let Some(base) = args[0] {
        let base = if text_of(base).is_some() {
            lookup_dialect(vm, base)?
        } else {
            base.clone()
        };
        if super::state_of::<Spec>(&base).is_some() && opts.iter().all(Option::is_none) {
            return Ok(base);
        }
        for (slot, name) in opts.iter_mut().zip(&DIALECT_KWS[1..]) {
            if slot.is_none() {
                // Any failure to read an attribute leaves the option at its default.
                *slot = vm.getattr(&base, &Vm::str_val(*name)).ok();
            }
        }
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        opts;
    let delimiter = match &delimiter {
        None => ',',
        Some(v) => char_opt(vm, "delimiter", v, false)?.unwrap_or(','),
    };
    let doublequote = truth(vm, &doublequote, true)?;
    let escape = match &escapechar {
        None => None,
        Some(v) => char_opt(vm, "escapechar", v, true)?,
    };
    let terminator = match &lineterminator {
        None => Some("\r\n".to_string()),
        Some(Value::None) => None,
        Some(v) => match text_of(v) {
            Some(s) => Some(s),
            None => return Err(vm.type_error("\"lineterminator\" must be a string")),
        },
    };
    let quote = match &quotechar {
        None => Some('"'),
        Some(v) => char_opt(vm, "quotechar", v, true)?,
    };
    let mut quoting_v = match &quoting {
        None => QUOTE_MINIMAL,
        Some(Value::Int(i)) => match i32::try_from(*i) {
            Ok(i) => i64::from(i),
            Err(_) => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int",
                ))
            }
        },
        Some(v) if matches!(v.body(), Some(Object::BigInt(_))) => {
            return Err(vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        Some(_) => return Err(vm.type_error("\"quoting\" must be an integer")),
    };
    let skipinitialspace = truth(vm, &skipinitialspace, false)?;
    let strict = truth(vm, &strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting_v) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    if matches!(quotechar, Some(Value::None)) && quoting.is_none() {
        quoting_v = QUOTE_NONE;
    }
    if quoting_v != QUOTE_NONE && quote.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = terminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    let native = native_class(vm, "_csv.Dialect");
    Ok(new_native(
        cls,
        native,
        None,
        Spec {
            delimiter,
            quotechar: quote,
            escapechar: escape,
            doublequote,
            skipinitialspace,
            lineterminator,
            quoting: quoting_v,
            strict,
        },
    ))
}

/// `Dialect(dialect=None, **options)`.
fn dialect_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let pos: Vec<&Value> = a.pos.iter().skip(1).collect();
    let args = bind_dialect_args(vm, &pos, &a.kw)?;
    make_dialect(vm, cls, args)
}

/// The dialect of a `reader`/`writer`/`register_dialect` call: its optional positional
/// `dialect` and its keyword options, made as `Dialect(dialect, **kwargs)` makes it.
fn call_dialect(vm: &mut Vm, dialect: Option<&Value>, a: &Args) -> PyResult<Value> {
    let pos: Vec<&Value> = dialect.into_iter().collect();
    let args = bind_dialect_args(vm, &pos, &a.kw)?;
    let cls = native_class(vm, "_csv.Dialect");
    make_dialect(vm, cls, args)
}

/// Dialects do not pickle (nor copy): their options live in the native state only.
fn dialect_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // CPython names the type by its `__name__` here, without the module.
    let name = match a.get(0).map(|v| vm.type_of(v)) {
        Some(cls) => match cls.get() {
            Object::Class(c) => c.name.clone(),
            _ => "Dialect".to_string(),
        },
        None => "Dialect".to_string(),
    };
    Err(vm.type_error(format!("cannot pickle '{name}' instances")))
}

fn reader_reduce(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle '_csv.reader' object"))
}

fn writer_reduce(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle '_csv.writer' object"))
}

fn lookup_dialect(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = registry(vm)?;
    match vm.dict_get(&reg, name)? {
        Some(d) => Ok(d),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn truth(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

fn spec_of(v: &Value) -> Option<&mut Spec> {
    super::state_of::<Spec>(v)
}

fn char_value(c: Option<char>) -> Value {
    c.map_or(Value::None, |c| Vm::str_val(c.to_string()))
}

fn dialect_spec(vm: &Vm, a: &Args, attr: &str) -> PyResult<Spec> {
    match a.get(0).and_then(spec_of) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error(format!(
            "descriptor '{attr}' for '_csv.Dialect' objects doesn't apply to a '{}' object",
            a.get(0).map_or("NoneType".to_string(), |v| vm.type_name(v))
        ))),
    }
}

macro_rules! dialect_attr {
    ($get:ident, $set:ident, $name:literal, |$s:ident| $e:expr) => {
        fn $get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let $s = dialect_spec(vm, a, $name)?;
            Ok($e)
        }
        fn $set(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
            Err(vm.err(
                ExcKind::AttributeError,
                concat!(
                    "attribute '",
                    $name,
                    "' of '_csv.Dialect' objects is not writable"
                ),
            ))
        }
    };
}

dialect_attr!(get_delimiter, set_delimiter, "delimiter", |s| Vm::str_val(
    s.delimiter.to_string()
));
dialect_attr!(get_quotechar, set_quotechar, "quotechar", |s| char_value(
    s.quotechar
));
dialect_attr!(get_escapechar, set_escapechar, "escapechar", |s| {
    char_value(s.escapechar)
});
dialect_attr!(
    get_lineterminator,
    set_lineterminator,
    "lineterminator",
    |s| Vm::str_val(s.lineterminator)
);
dialect_attr!(get_quoting, set_quoting, "quoting", |s| Value::Int(
    s.quoting
));

fn get_doublequote(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(dialect_spec(vm, a, "doublequote")?.doublequote))
}

fn get_skipinitialspace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(
        dialect_spec(vm, a, "skipinitialspace")?.skipinitialspace,
    ))
}

fn get_strict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(dialect_spec(vm, a, "strict")?.strict))
}

static GET_DELIMITER: NativeFn = NativeFn::new("Dialect.delimiter", get_delimiter);
static SET_DELIMITER: NativeFn = NativeFn::new("__set__", set_delimiter);
static GET_QUOTECHAR: NativeFn = NativeFn::new("Dialect.quotechar", get_quotechar);
static SET_QUOTECHAR: NativeFn = NativeFn::new("__set__", set_quotechar);
static GET_ESCAPECHAR: NativeFn = NativeFn::new("Dialect.escapechar", get_escapechar);
static SET_ESCAPECHAR: NativeFn = NativeFn::new("__set__", set_escapechar);
static GET_LINETERMINATOR: NativeFn = NativeFn::new("Dialect.lineterminator", get_lineterminator);
static SET_LINETERMINATOR: NativeFn = NativeFn::new("__set__", set_lineterminator);
static GET_QUOTING: NativeFn = NativeFn::new("Dialect.quoting", get_quoting);
static SET_QUOTING: NativeFn = NativeFn::new("__set__", set_quoting);
static GET_DOUBLEQUOTE: NativeFn = NativeFn::new("Dialect.doublequote", get_doublequote);
static GET_SKIPINITIALSPACE: NativeFn =
    NativeFn::new("Dialect.skipinitialspace", get_skipinitialspace);
static GET_STRICT: NativeFn = NativeFn::new("Dialect.strict", get_strict);

/// The attributes of `Dialect`: the getsets refuse assignment with their own message, the
/// members with "readonly attribute".
static DIALECT_ATTRS: &[(&str, &NativeFn, &NativeFn)] = &[
    ("delimiter", &GET_DELIMITER, &SET_DELIMITER),
    ("quotechar", &GET_QUOTECHAR, &SET_QUOTECHAR),
    ("escapechar", &GET_ESCAPECHAR, &SET_ESCAPECHAR),
    ("lineterminator", &GET_LINETERMINATOR, &SET_LINETERMINATOR),
    ("quoting", &GET_QUOTING, &SET_QUOTING),
    ("doublequote", &GET_DOUBLEQUOTE, &READONLY),
    ("skipinitialspace", &GET_SKIPINITIALSPACE, &READONLY),
    ("strict", &GET_STRICT, &READONLY),
];

// ----- the registry -----

/// The positional arguments of a function CPython unpacks without a name (`reader`,
/// `writer`, `register_dialect`), with its count errors.
fn unpack<'a>(vm: &Vm, a: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let n = a.pos.len();
    if n < min {
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(" expected at least {min} argument{s}, got {n}")));
    }
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(" expected at most {max} argument{s}, got {n}")));
    }
    Ok(a.pos)
}

fn register_dialect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = unpack(vm, a, 1, 2)?;
    let name = pos[0].clone();
    if text_of(&name).is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let dialect = call_dialect(vm, pos.get(1), a)?;
    let reg = registry(vm)?;
    vm.dict_set(&reg, name, dialect)?;
    Ok(Value::None)
}

fn unregister_dialect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "unregister_dialect", &["name"], 1, 1)?;
    let name = args[0].cloned().unwrap_or(Value::None);
    let reg = registry(vm)?;
    match vm.dict_del(&reg, &name)? {
        Some(_) => Ok(Value::None),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "get_dialect", &["name"], 1, 1)?;
    let name = args[0].cloned().unwrap_or(Value::None);
    lookup_dialect(vm, &name)
}

fn list_dialects(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let reg = registry(vm)?;
    let keys = match reg.get() {
        Object::Dict(d) => d.iter().map(|(k, _)| k.clone()).collect(),
        _ => Vec::new(),
    };
    Ok(Vm::new_list(keys))
}

fn field_size_limit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "field_size_limit", &["new_limit"], 0, 1)?;
    let old = field_limit(vm);
    if let Some(v) = args[0] {
        let new = match v {
            Value::Int(i) => *i,
            v if matches!(v.body(), Some(Object::BigInt(_))) => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C long",
                ))
            }
            _ => return Err(vm.type_error("limit must be an integer")),
        };
        if let Some(l) = limit_state(vm) {
            l.0 = new;
        }
    }
    Ok(Value::Int(old))
}

// ----- reader -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct Reader {
    input: Value,
    dialect: Value,
    spec: Spec,
    fields: Vec<Value>,
    field: String,
    /// The length of `field` in characters (the field size limit counts characters).
    field_len: i64,
    state: State,
    /// The field being read is unquoted under `QUOTE_NONNUMERIC`: it is saved as a float.
    numeric: bool,
    line_num: i64,
}

impl NativeState for Reader {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.input);
        f(&self.dialect);
        for v in &self.fields {
            f(v);
        }
    }
}

/// The end of an input line, which the state machine sees after its last character.
const EOL: Option<char> = None;

impl Reader {
    fn reset(&mut self) {
        self.fields.clear();
        self.field.clear();
        self.field_len = 0;
        self.state = State::StartRecord;
        self.numeric = false;
    }

    fn save_field(&mut self, vm: &Vm) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        self.field_len = 0;
        let v = if self.numeric {
            self.numeric = false;
            match number::parse_float(&text) {
                Ok(f) => Value::Float(f),
                Err(e) => return Err(vm.lib_err(e)),
            }
        } else {
            Vm::str_val(text)
        };
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, vm: &Vm, c: char, limit: i64) -> PyResult<()> {
        if self.field_len >= limit {
            return Err(error(
                vm,
                format!("field larger than field limit ({limit})"),
            ));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// One step of CPython's parser: character `c`, or `EOL` at the end of a line.
    fn process(&mut self, vm: &Vm, c: Option<char>, limit: i64) -> PyResult<()> {
        let d = &self.spec;
        let (delim, quote, escape) = (Some(d.delimiter), d.quotechar, d.escapechar);
        let quoting = d.quoting;
        // The end of a line is never one of the dialect's characters.
        let eq = |o: Option<char>| c.is_some() && c == o;
        let is_nl = matches!(c, Some('\n' | '\r'));
        let mut state = self.state;
        if state == State::StartRecord {
            if c == EOL {
                return Ok(());
            }
            if is_nl {
                self.state = State::EatCrnl;
                return Ok(());
            }
            state = State::StartField;
        }
        if state == State::AfterEscapedCrnl {
            if c == EOL {
                return Ok(());
            }
            state = State::InField;
        }
        let end_state = if c == EOL {
            State::StartRecord
        } else {
            State::EatCrnl
        };
        match state {
            State::StartRecord | State::AfterEscapedCrnl => {}
            State::StartField => {
                if is_nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = end_state;
                } else if eq(quote) && quoting != QUOTE_NONE {
                    self.state = State::InQuotedField;
                } else if eq(escape) {
                    self.state = State::EscapedChar;
                } else if c == Some(' ') && self.spec.skipinitialspace {
                    self.state = State::StartField;
                } else if eq(delim) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if let Some(ch) = c {
                    if quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(vm, ch, limit)?;
                    self.state = State::InField;
                }
            }
            State::EscapedChar => {
                if let Some(ch @ ('\n' | '\r')) = c {
                    self.add_char(vm, ch, limit)?;
                    self.state = State::AfterEscapedCrnl;
                } else {
                    self.add_char(vm, c.unwrap_or('\n'), limit)?;
                    self.state = State::InField;
                }
            }
            State::InField => {
                if is_nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = end_state;
                } else if eq(escape) {
                    self.state = State::EscapedChar;
                } else if eq(delim) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if let Some(ch) = c {
                    self.add_char(vm, ch, limit)?;
                    self.state = State::InField;
                }
            }
            State::InQuotedField => {
                if c == EOL {
                    self.state = State::InQuotedField;
                } else if eq(escape) {
                    self.state = State::EscapeInQuotedField;
                } else if eq(quote) && quoting != QUOTE_NONE {
                    self.state = if self.spec.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    };
                } else if let Some(ch) = c {
                    self.add_char(vm, ch, limit)?;
                    self.state = State::InQuotedField;
                }
            }
            State::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'), limit)?;
                self.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if quoting != QUOTE_NONE && eq(quote) {
                    if let Some(ch) = c {
                        self.add_char(vm, ch, limit)?;
                    }
                    self.state = State::InQuotedField;
                } else if eq(delim) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if is_nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = end_state;
                } else if !self.spec.strict {
                    if let Some(ch) = c {
                        self.add_char(vm, ch, limit)?;
                    }
                    self.state = State::InField;
                } else {
                    let q = self.spec.quotechar.unwrap_or('"');
                    return Err(error(
                        vm,
                        format!("'{}' expected after '{q}'", self.spec.delimiter),
                    ));
                }
            }
            State::EatCrnl => {
                if is_nl {
                } else if c == EOL {
                    self.state = State::StartRecord;
                } else {
                    return Err(error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the \
                         file in universal-newline mode?",
                    ));
                }
            }
        }
        Ok(())
    }
}

fn reader(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = unpack(vm, a, 1, 2)?;
    let input = vm.get_iter(&pos[0])?;
    let dialect = call_dialect(vm, pos.get(1), a)?;
    let spec = spec_of(&dialect)
        .cloned()
        .ok_or_else(|| error(vm, "bad dialect"))?;
    let native = native_class(vm, "_csv.reader");
    Ok(new_native(
        native.clone(),
        native,
        Some(reader_next),
        Reader {
            input,
            dialect,
            spec,
            fields: Vec::new(),
            field: String::new(),
            field_len: 0,
            state: State::StartRecord,
            numeric: false,
            line_num: 0,
        },
    ))
}

fn reader_state<'a>(vm: &Vm, r: &'a Value) -> PyResult<&'a mut Reader> {
    super::state_of::<Reader>(r).ok_or_else(|| vm.type_error("not a _csv.reader"))
}

/// The next record: input lines are read until the state machine is back at the start of
/// a record.
fn reader_next(vm: &mut Vm, r: &Value) -> PyResult<Option<Value>> {
    let input = {
        let st = reader_state(vm, r)?;
        st.reset();
        st.input.clone()
    };
    loop {
        let Some(line) = vm.next(&input)? else {
            let st = reader_state(vm, r)?;
            if st.field_len != 0 || st.state == State::InQuotedField {
                if st.spec.strict {
                    return Err(error(vm, "unexpected end of data"));
                }
                st.save_field(vm)?;
                return Ok(Some(Vm::new_list(std::mem::take(&mut st.fields))));
            }
            return Ok(None);
        };
        let Some(text) = text_of(&line) else {
            return Err(error(
                vm,
                format!(
                    "iterator should return strings, not {} (the file should be opened in \
                     text mode)",
                    vm.type_name(&line)
                ),
            ));
        };
        let limit = field_limit(vm);
        let st = reader_state(vm, r)?;
        st.line_num += 1;
        for c in text.chars() {
            st.process(vm, Some(c), limit)?;
        }
        st.process(vm, EOL, limit)?;
        if st.state == State::StartRecord {
            return Ok(Some(Vm::new_list(std::mem::take(&mut st.fields))));
        }
    }
}

fn no_new_reader(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create '_csv.reader' instances"))
}

fn reader_dialect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = a.get(0).cloned().unwrap_or(Value::None);
    Ok(reader_state(vm, &r)?.dialect.clone())
}

fn reader_line_num(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = a.get(0).cloned().unwrap_or(Value::None);
    Ok(Value::Int(reader_state(vm, &r)?.line_num))
}

static READER_DIALECT: NativeFn = NativeFn::new("reader.dialect", reader_dialect);
static READER_LINE_NUM: NativeFn = NativeFn::new("reader.line_num", reader_line_num);

// ----- writer -----

struct Writer {
    write: Value,
    dialect: Value,
    spec: Spec,
}

impl NativeState for Writer {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.write);
        f(&self.dialect);
    }
}

fn writer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let pos = unpack(vm, a, 1, 2)?;
    let write = vm.getattr_opt(&pos[0], "write")?;
    let write = match write {
        Some(w) if crate::builtins::functions::is_callable(vm, &w) => w,
        _ => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = call_dialect(vm, pos.get(1), a)?;
    let spec = spec_of(&dialect)
        .cloned()
        .ok_or_else(|| error(vm, "bad dialect"))?;
    let native = native_class(vm, "_csv.writer");
    Ok(new_native(
        native.clone(),
        native,
        None,
        Writer {
            write,
            dialect,
            spec,
        },
    ))
}

fn no_new_writer(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create '_csv.writer' instances"))
}

fn writer_dialect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let w = super::receiver::<Writer>(vm, a, "_csv.writer", "dialect")?;
    Ok(w.dialect.clone())
}

static WRITER_DIALECT: NativeFn = NativeFn::new("writer.dialect", writer_dialect);

/// Whether `v` is a number as `PyNumber_Check` sees it: `QUOTE_NONNUMERIC` leaves numbers
/// unquoted.
fn is_number(vm: &Vm, v: &Value) -> bool {
    match vm.kind_of(v) {
        TypeKind::Int | TypeKind::Bool | TypeKind::Float | TypeKind::Complex => true,
        _ if crate::value::num::inst_base(v).is_some_and(|b| {
            matches!(
                vm.kind_of(&b),
                TypeKind::Int | TypeKind::Bool | TypeKind::Float | TypeKind::Complex
            )
        }) =>
        {
            true
        }
        TypeKind::User => {
            let cls = vm.type_of(v);
            ["__index__", "__int__", "__float__"]
                .iter()
                .any(|n| vm.lookup_class_attr(&cls, n).is_some())
        }
        _ => false,
    }
}

/// A record being built: CPython's join of fields with the dialect's quoting rules.
struct Record<'s> {
    spec: &'s Spec,
    text: String,
    fields: usize,
}

impl Record<'_> {
    /// Appends one field (`None`: a `None` value, written empty).
    fn append(&mut self, vm: &Vm, field: Option<&str>, mut quoted: bool) -> PyResult<()> {
        let d = self.spec;
        let mut body = String::new();
        for c in field.unwrap_or("").chars() {
            let special = c == d.delimiter
                || Some(c) == d.escapechar
                || Some(c) == d.quotechar
                || d.lineterminator.contains(c);
            if special {
                let mut want_escape = false;
                if d.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == d.quotechar {
                        if d.doublequote {
                            body.push(c);
                        } else {
                            want_escape = true;
                        }
                    } else if Some(c) == d.escapechar {
                        want_escape = true;
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    let Some(e) = d.escapechar else {
                        return Err(error(vm, "need to escape, but no escapechar set"));
                    };
                    body.push(e);
                }
            }
            body.push(c);
        }
        if self.fields > 0 {
            self.text.push(d.delimiter);
        }
        let q = if quoted { d.quotechar } else { None };
        self.text.extend(q);
        self.text.push_str(&body);
        self.text.extend(q);
        self.fields += 1;
        Ok(())
    }
}

fn writerow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (write, spec) = {
        let w = super::receiver::<Writer>(vm, a, "_csv.writer", "writerow")?;
        (w.write.clone(), w.spec.clone())
    };
    write_row(vm, &write, &spec, &a.pos[1])
}

fn write_row(vm: &mut Vm, write: &Value, spec: &Spec, row: &Value) -> PyResult<Value> {
    let it = match vm.get_iter(row) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => {
            return Err(error(
                vm,
                format!("iterable expected, not {}", vm.type_name(row)),
            ))
        }
        Err(e) => return Err(e),
    };
    let mut rec = Record {
        spec,
        text: String::new(),
        fields: 0,
    };
    while let Some(field) = vm.next(&it)? {
        let quoted = match spec.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = match &field {
            Value::None => None,
            f => match text_of(f) {
                Some(s) => Some(s),
                None => Some(vm.str_of(f)?),
            },
        };
        rec.append(vm, text.as_deref(), quoted)?;
    }
    if rec.fields > 0 && rec.text.is_empty() {
        // A lone empty field is written quoted, or the record would read back as no field.
        if spec.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        rec.fields -= 1;
        rec.append(vm, None, true)?;
    }
    let mut line = rec.text;
    line.push_str(&spec.lineterminator);
    vm.call(write, &[Vm::str_val(line)], &[])
}

fn writerows(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (write, spec) = {
        let w = super::receiver::<Writer>(vm, a, "_csv.writer", "writerows")?;
        (w.write.clone(), w.spec.clone())
    };
    let rows = vm.get_iter(&a.pos[1])?;
    while let Some(row) = vm.next(&rows)? {
        write_row(vm, &write, &spec, &row)?;
    }
    Ok(Value::None)
}
