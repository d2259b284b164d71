//! `sys`: the interpreter's own state as CPython exposes it — `sys.modules` (the dict the
//! import system consults), the version and platform constants, the struct sequences
//! (`version_info`, `float_info`, `flags` ...), the recursion limit, `exc_info`,
//! `_getframe` with its frame objects, traceback objects, `types.SimpleNamespace` (the type
//! of `sys.implementation`) and the standard streams (from `_io`).

use super::{
    add_property, native_type, new_native, parse_args, set_class_attr, state_of, structseq,
};
use crate::value::dict_table::{dict_set_str, str_hash_value, Dict};
use crate::value::frame::Frame;
use crate::value::heap::ObjRef;
use crate::value::object::{GenKind, Instance, NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_semantics::number;
use permafrost_semantics::text::wide::WideBuf;

/// `sys.version_info` as reported: CPython 3.11 is the language implemented.
const VERSION: (i64, i64, i64) = (3, 11, 7);
/// The largest recursion limit honoured: deeper Python recursion could exhaust the
/// interpreter's reserved host stack (a crash instead of `RecursionError`).
const MAX_RECURSION_LIMIT: u32 = 8000;

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("exit", exit),
    NativeFn::function(
        "get_asyncgen_hooks",
        get_asyncgen_hooks,
        Arity::NoArgs,
        None,
    ),
    NativeFn::new("set_asyncgen_hooks", set_asyncgen_hooks),
    NativeFn::function("getrecursionlimit", getrecursionlimit, Arity::NoArgs, None),
    NativeFn::function(
        "get_coroutine_origin_tracking_depth",
        get_origin_depth,
        Arity::NoArgs,
        None,
    ),
    NativeFn::function(
        "set_coroutine_origin_tracking_depth",
        set_origin_depth,
        Arity::One,
        Some(&["depth"]),
    ),
    NativeFn::function(
        "get_int_max_str_digits",
        get_int_max_str_digits,
        Arity::NoArgs,
        None,
    ),
    NativeFn::new("set_int_max_str_digits", set_int_max_str_digits),
    NativeFn::function("setrecursionlimit", setrecursionlimit, Arity::One, None),
    NativeFn::function("intern", intern, Arity::One, None),
    NativeFn::function("exc_info", exc_info, Arity::NoArgs, None),
    NativeFn::function("exception", exception, Arity::NoArgs, None),
    NativeFn::new("getsizeof", getsizeof),
    NativeFn::function("getrefcount", getrefcount, Arity::One, None),
    NativeFn::function("getdefaultencoding", encoding, Arity::NoArgs, None),
    NativeFn::function("getfilesystemencoding", encoding, Arity::NoArgs, None),
    NativeFn::function("getfilesystemencodeerrors", fs_errors, Arity::NoArgs, None),
    NativeFn::function("is_finalizing", false_fn, Arity::NoArgs, None),
    NativeFn::function("gettrace", none_fn, Arity::NoArgs, None),
    NativeFn::function("getprofile", none_fn, Arity::NoArgs, None),
    NativeFn::function("settrace", settrace, Arity::One, None),
    NativeFn::function("setprofile", settrace, Arity::One, None),
    NativeFn::function("getswitchinterval", switchinterval, Arity::NoArgs, None),
    NativeFn::function("setswitchinterval", setswitchinterval, Arity::One, None),
    NativeFn::new("audit", audit),
    NativeFn::function("displayhook", displayhook, Arity::One, None),
    NativeFn::function("excepthook", excepthook, Arity::Range(3, 3), None),
];

/// `sys._getframe`: reads the calling frame (its current line and locals).
pub(crate) static GETFRAME: NativeFn = NativeFn::new("_getframe", getframe_native).frame_aware();

static NAMESPACE_METHODS: &[NativeFn] = &[
    NativeFn::new("SimpleNamespace.__init__", namespace_init),
    NativeFn::method(
        "SimpleNamespace.__repr__",
        namespace_repr,
        Arity::NoArgs,
        None,
    ),
    NativeFn::method("SimpleNamespace.__eq__", namespace_eq, Arity::One, None),
];

static FRAME_METHODS: &[NativeFn] = &[
    NativeFn::method("frame.__repr__", frame_repr, Arity::NoArgs, None),
    NativeFn::method("frame.clear", frame_clear, Arity::NoArgs, None),
];

/// `frame.clear()`: drops the variables the snapshot holds (`traceback.clear_frames`, which
/// `unittest` runs on every `__exit__` traceback). Whether the frame still runs is not known
/// to a snapshot, so it never raises "cannot clear an executing frame".
fn frame_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = frame_state(vm, a)?;
    let optimized =
        vm.codes[s.code as usize].view.flags() & permafrost_image::opcode::flags::CO_OPTIMIZED != 0;
    if optimized {
        s.locals = Some(Value::obj(Object::Dict(Dict::new())));
    }
    Ok(Value::None)
}
static F_GLOBALS: NativeFn = NativeFn::new("f_globals", f_globals);
static F_LOCALS: NativeFn = NativeFn::new("f_locals", f_locals);
static F_CODE: NativeFn = NativeFn::new("f_code", f_code);
static F_LINENO: NativeFn = NativeFn::new("f_lineno", f_lineno);
static F_BACK: NativeFn = NativeFn::new("f_back", f_back);
static F_BUILTINS: NativeFn = NativeFn::new("f_builtins", f_builtins);
static F_LASTI: NativeFn = NativeFn::new("f_lasti", f_lasti);
static TB_FRAME: NativeFn = NativeFn::new("tb_frame", tb_frame);
static TB_LINENO: NativeFn = NativeFn::new("tb_lineno", tb_lineno);
static TB_NEXT: NativeFn = NativeFn::new("tb_next", tb_next);
static SET_TB_NEXT: NativeFn = NativeFn::new("tb_next", set_tb_next);
static TB_LASTI: NativeFn = NativeFn::new("tb_lasti", tb_lasti);

/// A frame object: a snapshot of a running frame's code, globals and line.
struct FrameState {
    code: u32,
    /// Run-time code: the unit handle that keeps the code index valid.
    unit: Option<ObjRef>,
    module: u32,
    globals: Option<ObjRef>,
    locals: Option<Value>,
    lineno: u32,
    back: Value,
}

impl NativeState for FrameState {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for o in [&self.unit, &self.globals].into_iter().flatten() {
            f(&Value::Obj(o.clone()));
        }
        if let Some(l) = &self.locals {
            f(l);
        }
        f(&self.back);
    }
}

/// A traceback object: one entry of an exception's traceback, linked to the next (inner) one.
struct TracebackState {
    frame: Value,
    lineno: u32,
    /// Index of the instruction that raised (`tb_lasti` is its byte offset).
    lasti: u32,
    next: Value,
}

impl NativeState for TracebackState {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.frame);
        f(&self.next);
    }
}

fn namespace_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "SimpleNamespace expected at most 0 arguments, got {}",
            a.pos.len() - 1
        )));
    }
    let me = a.get(0).cloned().unwrap_or(Value::None);
    for (k, v) in a.kw_items() {
        // Attribute names cannot hold lone surrogates yet (as `setattr` reports).
        if k.is_wide_str() {
            return Err(super::codec_text::wide_unsupported(vm, "an attribute name"));
        }
        vm.setattr(&me, k, v.clone())?;
    }
    Ok(Value::None)
}

fn instance_items(v: &Value) -> Vec<(Value, Value)> {
    match v.body() {
        Some(Object::Instance(i)) => i
            .table()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

fn namespace_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.get(0).cloned().unwrap_or(Value::None);
    let t = vm.type_of(&me);
    let simple = vm
        .native_types
        .get("types.SimpleNamespace")
        .is_some_and(|c| c.ptr_eq(&t));
    let name = if simple {
        "namespace".to_string()
    } else {
        Vm::class_name(&t)
    };
    let key = match &me {
        Value::Obj(o) => o.addr(),
        _ => 0,
    };
    if vm.repr_guard.contains(&key) {
        return Ok(Vm::str_val(format!("{name}(...)")));
    }
    vm.repr_guard.push(key);
    // Wide text: a name given as a keyword may hold a lone surrogate.
    let mut out = WideBuf::new();
    out.push_str(&name);
    out.push('(');
    let mut r = Ok(());
    for (i, (k, v)) in instance_items(&me).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(v) {
            Ok(s) => {
                out.push_wide(k.str_bytes().unwrap_or_default());
                out.push('=');
                out.push_str(&s);
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.retain(|k| *k != key);
    r?;
    out.push(')');
    Ok(Vm::str_from_buf(out))
}

fn namespace_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.get(0).cloned().unwrap_or(Value::None);
    let other = a.get(1).cloned().unwrap_or(Value::None);
    let Some(ns) = vm.native_types.get("types.SimpleNamespace").cloned() else {
        return Ok(Value::NotImplemented);
    };
    let is_ns = |vm: &Vm, v: &Value| Vm::is_subclass(&vm.type_of(v), &ns);
    if !is_ns(vm, &me) || !is_ns(vm, &other) {
        return Ok(Value::NotImplemented);
    }
    let d = |v: &Value| {
        let mut d = Dict::new();
        for (k, val) in instance_items(v) {
            if let Some(s) = k.str_bytes() {
                d.insert(str_hash_value(&k), k.clone(), val, &mut |x| {
                    x.str_bytes() == Some(s)
                });
            }
        }
        Value::obj(Object::Dict(d))
    };
    let (x, y) = (d(&me), d(&other));
    Ok(Value::Bool(vm.eq(&x, &y)?))
}

/// A new `types.SimpleNamespace` holding `items`.
pub(crate) fn namespace(vm: &Vm, items: &[(&str, Value)]) -> Value {
    let cls = super::native_class(vm, "types.SimpleNamespace");
    let mut own = Dict::new();
    for (k, v) in items {
        dict_set_str(&mut own, k, v.clone());
    }
    Value::obj(Object::Instance(Instance {
        class: cls,
        own,
        dict_obj: None,
        exc: None,
        base: Value::Null,
    }))
}

fn exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "exit expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let cls = vm.exc_class(ExcKind::SystemExit);
    Err(vm.make_exc(&cls, a.pos.to_vec()))
}

fn get_int_max_str_digits(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(number::int_max_str_digits() as i64))
}

/// `set_int_max_str_digits(maxdigits)`: the limit on int/str conversion, for this worker.
fn set_int_max_str_digits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = super::parse_args(vm, a, 0, "set_int_max_str_digits", &["maxdigits"], 1, 1)?;
    let n = vm.index_of(p[0].unwrap_or(&Value::None))?;
    number::set_int_max_str_digits(n).map_err(|e| vm.lib_err(e))?;
    Ok(Value::None)
}

thread_local! {
    /// `sys.set_coroutine_origin_tracking_depth`: kept and reported; coroutines record no
    /// origin (`cr_origin` is None), as CPython's do at depth 0.
    static ORIGIN_DEPTH: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

fn get_origin_depth(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(ORIGIN_DEPTH.with(|d| d.get())))
}

fn set_origin_depth(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a
        .get(0)
        .or_else(|| a.kw("depth"))
        .cloned()
        .unwrap_or(Value::None);
    let depth = vm.index_of(&v)?;
    if depth < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    ORIGIN_DEPTH.with(|d| d.set(depth));
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

/// `sys.settrace`/`sys.setprofile`: clearing (None, what `gettrace()` answers) is accepted,
/// as `doctest` restores it; a trace function would never be called, so it is refused.
fn settrace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos[0] {
        Value::None => Ok(Value::None),
        _ => Err(vm.err(
            ExcKind::RuntimeError,
            "trace and profile functions are not supported",
        )),
    }
}

fn setrecursionlimit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_of(&v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(MAX_RECURSION_LIMIT as i64) as u32;
    if n <= vm.depth {
        return Err(vm.err(
            ExcKind::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
                vm.depth
            ),
        ));
    }
    vm.recursion_limit = n;
    Ok(Value::None)
}

fn intern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    if !matches!(v.body(), Some(Object::Str(_))) && !matches!(v, Value::Str(_)) {
        return Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(&v)
        )));
    }
    Ok(v)
}

/// The exception being handled, if any.
fn handled(vm: &Vm) -> Option<Value> {
    vm.handled
        .iter()
        .rev()
        .find(|v| !matches!(v, Value::None | Value::Null))
        .cloned()
}

fn exc_info(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(match handled(vm) {
        Some(e) => {
            let t = vm.type_of(&e);
            let tb = traceback_of(vm, &e);
            Vm::new_tuple(vec![Value::Obj(t), e, tb])
        }
        None => Vm::new_tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(handled(vm).unwrap_or(Value::None))
}

/// The traceback object of exception `e` (outermost entry first), `None` without entries.
/// The object is kept with the exception: read again it is the same object, and entries
/// added since (frames the exception left) are new objects on top of it.
pub(crate) fn traceback_of(vm: &Vm, e: &Value) -> Value {
    let Some(Object::Instance(i)) = e.body() else {
        return Value::None;
    };
    let Some(x) = &i.exc else {
        return Value::None;
    };
    let entries = &x.traceback;
    let (mut next, done) = if !x.tb_object.is_null() && x.tb_object_len <= entries.len() {
        (x.tb_object.clone(), x.tb_object_len)
    } else {
        (Value::None, 0)
    };
    if done == entries.len() && done > 0 {
        return next;
    }
    let tb_t = super::native_class(vm, "builtins.traceback");
    // Entries are innermost first: build from the inside out.
    for &(code, at) in &entries[done..] {
        let line = vm.codes[code as usize].view.line_of(at);
        let frame = frame_object(vm, code, None, None, line, Value::None);
        next = new_native(
            tb_t.clone(),
            tb_t.clone(),
            None,
            TracebackState {
                frame,
                lineno: line,
                lasti: at,
                next,
            },
        );
    }
    let len = entries.len();
    if let Some(Object::Instance(i)) = e.as_obj().map(|o| o.get_mut()) {
        if let Some(x) = i.exc.as_mut() {
            x.tb_object = next.clone();
            x.tb_object_len = len;
        }
    }
    next
}

/// `exc.__traceback__ = tb` and `exc.with_traceback(tb)`: a traceback object or None
/// becomes the exception's traceback (its entries, and the object itself).
pub(crate) fn set_traceback(vm: &Vm, exc: &ObjRef, tb: &Value) -> PyResult<()> {
    let mut entries = Vec::new();
    let mut keep = Vec::new();
    if !matches!(tb, Value::None) {
        if state_of::<TracebackState>(tb).is_none() {
            return Err(vm.type_error("__traceback__ must be a traceback or None"));
        }
        let mut walk = tb.clone();
        while let Some(t) = state_of::<TracebackState>(&walk) {
            if let Some(f) = state_of::<FrameState>(&t.frame) {
                entries.push((f.code, t.lasti));
                if let Some(u) = &f.unit {
                    keep.push(u.clone());
                }
            }
            walk = t.next.clone();
            // `tb_next` assignments refuse loops; a chain is finite.
        }
        // Innermost first.
        entries.reverse();
    }
    if let Object::Instance(i) = exc.get_mut() {
        if let Some(x) = i.exc.as_mut() {
            x.tb_object_len = entries.len();
            x.traceback = entries;
            x.keep = keep;
            x.tb_object = if matches!(tb, Value::None) {
                Value::Null
            } else {
                tb.clone()
            };
        }
    }
    Ok(())
}

fn getsizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "getsizeof", &["object", "default"], 1, 2)?;
    let v = args[0].cloned().unwrap_or(Value::None);
    if let Some(hook) = vm.getattr_opt(&v, "__sizeof__")? {
        if let Ok(Value::Int(n)) = vm.call(&hook, &[], &[]) {
            if n < 0 {
                return Err(vm.value_error("__sizeof__() should return >= 0"));
            }
            // The garbage collector's header, as CPython adds for tracked objects.
            let gc = if matches!(v, Value::Obj(_)) { 16 } else { 0 };
            return Ok(Value::Int(n + gc));
        }
    }
    // A plausible size: CPython's object header plus the payload.
    let size = match v.body() {
        None => 28,
        Some(Object::Str(s)) => 49 + s.bytes().len() as i64,
        Some(Object::List(l)) => 56 + 8 * l.len() as i64,
        Some(Object::Tuple(t)) => 40 + 8 * t.len() as i64,
        Some(Object::Dict(d)) => 64 + 24 * d.len() as i64,
        _ => 48,
    };
    Ok(Value::Int(size))
}

fn getrefcount(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(2))
}

fn encoding(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val("utf-8"))
}

fn fs_errors(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val("surrogateescape"))
}

fn none_fn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn switchinterval(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Float(vm.green.interval.as_secs_f64()))
}

/// `sys.setswitchinterval(interval)`: how long a thread runs before another may take a turn.
fn setswitchinterval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = &a.pos[0];
    let secs = match crate::value::num::num_of(v) {
        Some(n) => crate::value::num::num_to_f64(vm, &n)?,
        None => return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    };
    if secs.is_nan() || secs <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.green.interval =
        std::time::Duration::try_from_secs_f64(secs).unwrap_or(std::time::Duration::MAX);
    Ok(Value::None)
}

fn false_fn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn audit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0) {
        Some(e) if e.as_str().is_some() => Ok(Value::None),
        Some(e) => Err(vm.type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(e)
        ))),
        None => Err(vm.type_error("audit() missing 1 required positional argument: 'event'")),
    }
}

/// `sys.displayhook(v)`: writes `repr(v)` to `sys.stdout` and binds it to `builtins._`
/// (None is not shown), as the `single` mode's expression statements do.
fn displayhook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0).cloned().unwrap_or(Value::None);
    if matches!(v, Value::None) {
        return Ok(Value::None);
    }
    // `_` is cleared first, so a repr that reads it sees None.
    set_underscore(vm, Value::None)?;
    let text = vm.repr(&v)?;
    let out = match vm.native_modules.get("sys").map(|m| m.get()) {
        Some(Object::Module(m)) => m.get("stdout").cloned(),
        _ => None,
    };
    match out {
        None | Some(Value::None) => return Err(vm.err(ExcKind::RuntimeError, "lost sys.stdout")),
        Some(f) if super::io::std_fd(&f) == Some(1) => vm.write_out(&format!("{text}\n")),
        Some(f) => {
            let write = vm.getattr(&f, &Vm::str_val("write"))?;
            vm.call(&write, &[Vm::str_val(text)], &[])?;
            vm.call(&write, &[Vm::str_val("\n")], &[])?;
        }
    }
    set_underscore(vm, v)?;
    Ok(Value::None)
}

fn set_underscore(vm: &mut Vm, v: Value) -> PyResult<()> {
    if let Value::Obj(b) = vm.import_module("builtins")? {
        if let Object::Module(m) = b.get_mut() {
            let s = m.slot_for("_", Vm::str_val("_"));
            m.slots[s as usize] = v;
        }
    }
    Ok(())
}

fn excepthook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.get(1).cloned().unwrap_or(Value::None);
    if let Value::Obj(o) = &e {
        let report = vm.error_report(o);
        // To whatever `sys.stderr` is now (a test's captured stream, say).
        let sys = vm.import_module("sys")?;
        match vm.getattr_opt(&sys, "stderr")? {
            Some(err) if super::io::std_fd(&err).is_none() && !matches!(err, Value::None) => {
                let write = vm.getattr(&err, &Vm::str_val("write"))?;
                vm.call(&write, &[Vm::str_val(report.traceback.as_str())], &[])?;
            }
            _ => super::io::write_stderr(vm, &report.traceback),
        }
    }
    Ok(Value::None)
}

fn getframe_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    getframe(vm, None, a)
}

/// `sys._getframe(depth=0)`: `frame` is the calling frame when the dispatch loop has it.
pub(crate) fn getframe(vm: &mut Vm, frame: Option<&mut Frame>, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("sys._getframe() takes no keyword arguments"));
    }
    let args = parse_args(vm, a, 0, "_getframe", &["depth"], 0, 1)?;
    let depth = match args[0] {
        None => 0,
        Some(v) => vm.index_of(v)?,
    };
    let n = vm.frame_records.len() as i64;
    if depth < 0 || depth >= n {
        if depth < 0 && n > 0 {
            // CPython clamps a negative depth to the current frame.
            return getframe_at(vm, frame, 0);
        }
        return Err(vm.value_error("call stack is not deep enough"));
    }
    getframe_at(vm, frame, depth as usize)
}

fn getframe_at(vm: &mut Vm, frame: Option<&mut Frame>, depth: usize) -> PyResult<Value> {
    let n = vm.frame_records.len();
    // The outermost frame first, so each one's `f_back` exists when it is made.
    let mut back = Value::None;
    for i in 0..n - depth {
        let r = &vm.frame_records[i];
        let (code, module, globals, ns, ip) = (
            r.code,
            r.module,
            r.globals.clone(),
            r.namespace.clone(),
            r.ip,
        );
        let optimized = vm.codes[code as usize].view.flags()
            & permafrost_image::opcode::flags::CO_OPTIMIZED
            != 0;
        let mut line = vm.codes[code as usize]
            .view
            .line_of(ip.saturating_sub(1) as u32);
        let mut locals = if optimized { None } else { ns.map(Value::Obj) };
        if i == n - 1 - depth && depth == 0 {
            if let Some(f) = &frame {
                line = vm.codes[code as usize]
                    .view
                    .line_of(f.ip.saturating_sub(1) as u32);
            }
            if optimized {
                if let Some(f) = frame {
                    locals = Some(vm.frame_locals(f)?);
                    back = frame_object(vm, code, Some(module), globals, line, back);
                    set_locals(&back, locals);
                    return Ok(back);
                }
            }
        }
        back = frame_object(vm, code, Some(module), globals, line, back);
        if locals.is_some() {
            set_locals(&back, locals);
        }
    }
    Ok(back)
}

/// `gen.gi_frame` of a generator that has not finished: a frame object for its code at the
/// line it is suspended on, with its local variables.
pub(crate) fn suspended_frame(vm: &Vm, f: &crate::value::frame::Frame) -> Value {
    let view = vm.codes[f.code as usize].view;
    let line = view.line_of(f.ip.saturating_sub(1) as u32);
    let module = (f.globals.is_none()).then_some(f.module);
    let frame = frame_object(vm, f.code, module, f.globals.clone(), line, Value::None);
    let mut d = Dict::new();
    for (i, name) in view.varnames().iter().enumerate() {
        if let Some(v) = f.locals.get(i).filter(|v| !v.is_null()) {
            crate::value::dict_table::dict_set_str(&mut d, name.as_str(), v.clone());
        }
    }
    set_locals(&frame, Some(Value::obj(Object::Dict(d))));
    frame
}

fn set_locals(frame: &Value, locals: Option<Value>) {
    if let Some(s) = state_of::<FrameState>(frame) {
        s.locals = locals;
    }
}

/// A frame object for code `code` reading the globals of `module` (or `globals`).
fn frame_object(
    vm: &Vm,
    code: u32,
    module: Option<u32>,
    globals: Option<ObjRef>,
    lineno: u32,
    back: Value,
) -> Value {
    let info = &vm.codes[code as usize];
    let unit = match &info.heap {
        Some(h) if matches!(h.get(), Object::CodeUnit(_)) => Some(h.clone()),
        _ => None,
    };
    let module = module.unwrap_or(info.module);
    let t = super::native_class(vm, "builtins.frame");
    new_native(
        t.clone(),
        t,
        None,
        FrameState {
            code,
            unit,
            module,
            globals,
            locals: None,
            lineno,
            back,
        },
    )
}

fn frame_state<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut FrameState> {
    super::receiver::<FrameState>(vm, a, "frame", "__get__")
}

fn f_globals(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = frame_state(vm, a)?;
    if let Some(g) = &s.globals {
        return Ok(Value::Obj(g.clone()));
    }
    let module = s.module;
    let m = vm.module_obj(module);
    Ok(match vm.module_dict(&m) {
        Some(d) => Value::Obj(d),
        None => Value::obj(Object::Dict(Dict::new())),
    })
}

fn f_locals(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = frame_state(vm, a)?;
    if let Some(l) = &s.locals {
        return Ok(l.clone());
    }
    let optimized =
        vm.codes[s.code as usize].view.flags() & permafrost_image::opcode::flags::CO_OPTIMIZED != 0;
    if optimized {
        // The variables of a function frame that is not the caller's own are not kept.
        return Ok(Value::obj(Object::Dict(Dict::new())));
    }
    f_globals(vm, a)
}

fn f_code(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = frame_state(vm, a)?;
    Ok(match &s.unit {
        Some(u) => Value::obj(Object::DynCode {
            index: s.code,
            unit: u.clone(),
        }),
        None => Value::obj(Object::CodeRef(s.code)),
    })
}

fn f_lineno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(frame_state(vm, a)?.lineno as i64))
}

fn f_back(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(frame_state(vm, a)?.back.clone())
}

fn f_builtins(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    frame_state(vm, a)?;
    let b = vm.import_module("builtins")?;
    match b.as_obj().and_then(|m| vm.module_dict(m)) {
        Some(d) => Ok(Value::Obj(d)),
        None => Ok(Value::obj(Object::Dict(Dict::new()))),
    }
}

fn f_lasti(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn frame_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = frame_state(vm, a)?;
    let view = vm.codes[s.code as usize].view;
    Ok(Vm::str_val(format!(
        "<frame, file '{}', line {}, code {}>",
        view.filename().as_str(),
        s.lineno,
        view.name().as_str()
    )))
}

fn tb_state<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a mut TracebackState> {
    super::receiver::<TracebackState>(vm, a, "traceback", "__get__")
}

fn tb_frame(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(tb_state(vm, a)?.frame.clone())
}

fn tb_lineno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(tb_state(vm, a)?.lineno as i64))
}

/// The byte offset of the instruction in `co_code` (instructions are 4 bytes).
fn tb_lasti(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(tb_state(vm, a)?.lasti as i64 * 4))
}

fn tb_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(tb_state(vm, a)?.next.clone())
}

/// `tb.tb_next = other` (unittest drops its own frames this way): another traceback or
/// None, and never a loop back to `tb`.
fn set_tb_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let new = a.get(1).cloned().unwrap_or(Value::None);
    if !matches!(new, Value::None) && state_of::<TracebackState>(&new).is_none() {
        return Err(vm.type_error(format!(
            "expected traceback object or None, got '{}'",
            vm.type_name(&new)
        )));
    }
    let mut walk = new.clone();
    while let Some(t) = state_of::<TracebackState>(&walk) {
        if walk.is(&a.pos[0]) {
            return Err(vm.value_error("traceback loop detected"));
        }
        walk = t.next.clone();
    }
    tb_state(vm, a)?.next = new;
    Ok(Value::None)
}

/// Creates the `frame` and `traceback` types (at start-up: exceptions hand out tracebacks
/// whether or not `sys` was imported).
pub(crate) fn init_frame_types(vm: &mut Vm) {
    let frame_t = native_type(vm, "builtins.frame", None, FRAME_METHODS, false);
    for (name, f) in [
        ("f_globals", &F_GLOBALS),
        ("f_locals", &F_LOCALS),
        ("f_code", &F_CODE),
        ("f_lineno", &F_LINENO),
        ("f_back", &F_BACK),
        ("f_builtins", &F_BUILTINS),
        ("f_lasti", &F_LASTI),
    ] {
        add_property(&frame_t, name, f, Some(&super::READONLY));
    }
    super::set_slots(&frame_t, &[]);
    let tb_t = native_type(vm, "builtins.traceback", None, &[], false);
    for (name, f) in [
        ("tb_frame", &TB_FRAME),
        ("tb_lineno", &TB_LINENO),
        ("tb_lasti", &TB_LASTI),
    ] {
        add_property(&tb_t, name, f, Some(&super::READONLY));
    }
    add_property(&tb_t, "tb_next", &TB_NEXT, Some(&SET_TB_NEXT));
    super::set_slots(&tb_t, &[]);
}

/// `sys.version` in CPython's layout (`version (build) [compiler]`), which `platform` and
/// others parse; the bracket names this interpreter.
fn version_string() -> String {
    let (ma, mi, mc) = VERSION;
    format!("{ma}.{mi}.{mc} (main) [permafrost]")
}

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let (ma, mi, mc) = VERSION;
    let vi_t = structseq::type_of(vm, &structseq::VERSION_INFO);
    let version_info = structseq::new(
        &vi_t,
        &structseq::VERSION_INFO,
        vec![
            Value::Int(ma),
            Value::Int(mi),
            Value::Int(mc),
            Vm::str_val("final"),
            Value::Int(0),
        ],
    );
    let hexversion = Value::Int((ma << 24) | (mi << 16) | (mc << 8) | 0xf0);

    let ns = native_type(vm, "types.SimpleNamespace", None, NAMESPACE_METHODS, false);
    set_class_attr(&ns, "__hash__", Value::None);
    let implementation = namespace(
        vm,
        &[
            ("name", Vm::str_val("permafrost")),
            ("cache_tag", Value::None),
            ("_multiarch", Vm::str_val(permafrost_compiler::MULTIARCH)),
            ("version", version_info.clone()),
            ("hexversion", hexversion.clone()),
        ],
    );

    let fi_t = structseq::type_of(vm, &structseq::FLOAT_INFO);
    let float_info = structseq::new(
        &fi_t,
        &structseq::FLOAT_INFO,
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
    );
    let ii_t = structseq::type_of(vm, &structseq::INT_INFO);
    let int_info = structseq::new(
        &ii_t,
        &structseq::INT_INFO,
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(number::INT_MAX_STR_DIGITS as i64),
            Value::Int(number::INT_STR_DIGITS_THRESHOLD as i64),
        ],
    );
    let hi_t = structseq::type_of(vm, &structseq::HASH_INFO);
    let hash_info = structseq::new(
        &hi_t,
        &structseq::HASH_INFO,
        vec![
            Value::Int(64),
            Value::Int((1i64 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            Vm::str_val("siphash13"),
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    let fl_t = structseq::type_of(vm, &structseq::FLAGS);
    let flag_values = structseq::FLAGS
        .fields
        .iter()
        .map(|f| match *f {
            "dev_mode" | "safe_path" => Value::Bool(false),
            // Nothing is ever compiled to bytecode files; no site module runs.
            "dont_write_bytecode" | "no_site" | "no_user_site" => Value::Int(1),
            "hash_randomization" => Value::Int(1),
            "int_max_str_digits" => Value::Int(-1),
            _ => Value::Int(0),
        })
        .collect();
    let flags = structseq::new(&fl_t, &structseq::FLAGS, flag_values);

    let mut builtin_names: Vec<&str> = super::REGISTRY.iter().map(|(n, _)| *n).collect();
    builtin_names.sort_unstable();
    let builtin_module_names = Vm::new_tuple(builtin_names.into_iter().map(Vm::str_val).collect());

    // The program is the image's first module, as `python3 main.py` names it.
    let main_file = if vm.image.module_count() > 0 {
        vm.image.module(0).file.as_str().to_string()
    } else {
        String::new()
    };
    let main_dir = main_file
        .rsplit_once('/')
        .map_or("", |(d, _)| d)
        .to_string();
    let (stdin, stdout, stderr) = super::io::std_streams(vm);
    let empty_list = || Vm::new_list(Vec::new());
    let module = super::new_module(
        "sys",
        FUNCTIONS,
        &[
            ("__doc__", Value::None),
            ("_getframe", Value::Native(&GETFRAME)),
            ("modules", Value::Obj(vm.sys_modules.clone())),
            ("path", Vm::new_list(vec![Vm::str_val(main_dir)])),
            ("argv", Vm::new_list(vec![Vm::str_val(main_file)])),
            ("orig_argv", empty_list()),
            ("version", Vm::str_val(version_string())),
            ("version_info", version_info),
            ("hexversion", hexversion),
            ("api_version", Value::Int(1013)),
            ("implementation", implementation),
            ("platform", Vm::str_val("linux")),
            ("abiflags", Vm::str_val("")),
            (
                "byteorder",
                Vm::str_val(if cfg!(target_endian = "little") {
                    "little"
                } else {
                    "big"
                }),
            ),
            ("maxsize", Value::Int(i64::MAX)),
            ("maxunicode", Value::Int(0x10ffff)),
            ("float_info", float_info),
            ("float_repr_style", Vm::str_val("short")),
            ("int_info", int_info),
            ("hash_info", hash_info),
            ("flags", flags),
            ("builtin_module_names", builtin_module_names),
            (
                "stdlib_module_names",
                Value::obj(Object::FrozenSet(Default::default())),
            ),
            ("stdin", stdin.clone()),
            ("stdout", stdout.clone()),
            ("stderr", stderr.clone()),
            ("__stdin__", stdin),
            ("__stdout__", stdout),
            ("__stderr__", stderr),
            ("meta_path", empty_list()),
            ("path_hooks", empty_list()),
            ("path_importer_cache", Value::obj(Object::Dict(Dict::new()))),
            ("warnoptions", empty_list()),
            ("_xoptions", Value::obj(Object::Dict(Dict::new()))),
            ("dont_write_bytecode", Value::Bool(true)),
            ("pycache_prefix", Value::None),
            ("prefix", Vm::str_val("")),
            ("base_prefix", Vm::str_val("")),
            ("exec_prefix", Vm::str_val("")),
            ("base_exec_prefix", Vm::str_val("")),
            ("executable", Vm::str_val("")),
            ("platlibdir", Vm::str_val("lib")),
            ("copyright", Vm::str_val("")),
            ("float_repr_style", Vm::str_val("short")),
        ],
    );
    if let Object::Module(m) = module.get_mut() {
        // The originals, as CPython keeps them for restoring.
        for (name, v) in [
            ("__displayhook__", "displayhook"),
            ("__excepthook__", "excepthook"),
        ] {
            if let Some(f) = m.get(v).cloned() {
                let s = m.slot_for(name, Vm::str_val(name));
                m.slots[s as usize] = f;
            }
        }
    }
    module
}

/// The key of `set_asyncgen_hooks`' table (a list `[firstiter, finalizer]`) in
/// `Vm::native_types`.
pub(crate) const ASYNCGEN_HOOKS: &str = "sys.<asyncgen_hooks>";

/// The async generator hooks `[firstiter, finalizer]` (`None` when unset).
pub(crate) fn asyncgen_hooks(vm: &Vm) -> [Value; 2] {
    match vm.native_types.get(ASYNCGEN_HOOKS).map(|t| t.get()) {
        Some(Object::List(l)) if l.len() == 2 => [l[0].clone(), l[1].clone()],
        _ => [Value::None, Value::None],
    }
}

/// The key of the table (a dict: the async generator's address -> its finalizer) of the
/// `finalizer` hooks async generators captured at their first iteration, in
/// `Vm::native_types`.
const AGEN_FINALIZERS: &str = "sys.<asyncgen_finalizers>";

/// Records the `finalizer` hook in force when async generator `g` is first iterated: CPython
/// calls it, instead of closing the generator, when the generator dies suspended.
pub(crate) fn record_agen_finalizer(vm: &mut Vm, g: &ObjRef, finalizer: Value) {
    let h = Value::Obj(g.clone()).id() as i64;
    let key = Value::Int(h);
    let table = match vm.native_types.get(AGEN_FINALIZERS) {
        Some(t) => t.clone(),
        None if matches!(finalizer, Value::None) => return,
        None => {
            let t = match Vm::new_dict(crate::value::dict_table::Dict::new()) {
                Value::Obj(o) => o,
                _ => return,
            };
            vm.native_types.insert(AGEN_FINALIZERS, t.clone());
            t
        }
    };
    if let Object::Dict(d) = table.get_mut() {
        let same = |k: &Value| matches!(k, Value::Int(x) if *x == h);
        if matches!(finalizer, Value::None) {
            d.remove(h, &mut |k| same(k));
        } else {
            d.insert(h, key, finalizer, &mut |k| same(k));
        }
    }
}

/// Finalizes dying suspended generator `g` if it is an async generator with a recorded
/// finalizer: calls the hook once (it may keep `g` alive, as asyncio's does to `aclose()`
/// it); when `g` dies again, its frame is dropped without running it, as CPython finalizes
/// an object only once. False: the caller closes `g`.
pub(crate) fn finalize_agen(vm: &mut Vm, g: &ObjRef) -> bool {
    if !matches!(g.get(), Object::Generator(x) if x.kind == GenKind::AsyncGenerator) {
        return false;
    }
    let Some(table) = vm.native_types.get(AGEN_FINALIZERS).cloned() else {
        return false;
    };
    let h = Value::Obj(g.clone()).id() as i64;
    let same = move |k: &Value| matches!(k, Value::Int(x) if *x == h);
    let found = match table.get_mut() {
        Object::Dict(d) => d.remove(h, &mut |k| same(k)).map(|(_, v)| v),
        _ => None,
    };
    match found {
        None => false,
        Some(Value::None) => {
            if let Object::Generator(x) = g.get_mut() {
                x.frame = None;
            }
            true
        }
        Some(fin) => {
            if let Object::Dict(d) = table.get_mut() {
                d.insert(h, Value::Int(h), Value::None, &mut |k| same(k));
            }
            let _ = vm.call(&fin, &[Value::Obj(g.clone())], &[]);
            true
        }
    }
}

fn get_asyncgen_hooks(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cls = structseq::type_of(vm, &structseq::ASYNCGEN_HOOKS);
    let hooks = asyncgen_hooks(vm);
    Ok(structseq::new(
        &cls,
        &structseq::ASYNCGEN_HOOKS,
        hooks.to_vec(),
    ))
}

/// `set_asyncgen_hooks([firstiter] [, finalizer])`: an omitted hook is left as it is, `None`
/// clears one.
fn set_asyncgen_hooks(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = super::parse_args(
        vm,
        a,
        0,
        "set_asyncgen_hooks",
        &["firstiter", "finalizer"],
        0,
        2,
    )?;
    let mut hooks = asyncgen_hooks(vm);
    // CPython checks the finalizer first.
    for (i, name) in [(1, "finalizer"), (0, "firstiter")] {
        if let Some(v) = args[i] {
            if !matches!(v, Value::None) && !crate::builtins::functions::is_callable(vm, v) {
                return Err(
                    vm.type_error(format!("callable {name} expected, got {}", vm.type_name(v)))
                );
            }
        }
    }
    for (i, v) in args.iter().enumerate() {
        if let Some(v) = v {
            hooks[i] = (*v).clone();
        }
    }
    let list = match Vm::new_list(hooks.to_vec()) {
        Value::Obj(o) => o,
        _ => return Ok(Value::None),
    };
    vm.native_types.insert(ASYNCGEN_HOOKS, list);
    Ok(Value::None)
}
