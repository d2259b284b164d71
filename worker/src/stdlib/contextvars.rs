//! `_contextvars`, under CPython's `contextvars.py`: `ContextVar`, `Token`, `Context` and
//! `copy_context`. The running thread's current context is kept in `Vm::native_types` under
//! [`CURRENT`]; a thread switch (`vm/green.rs`) swaps it, and a new thread starts without one
//! (an empty context on first use, as in CPython). A context maps variables (by identity)
//! to values; `copy()` snapshots the mapping, so later `set` calls in one context never show
//! in another, as CPython's immutable mappings guarantee.

use super::{native_class, native_type, new_cls, new_native, receiver, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::NativeState;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

const CONTEXT_VAR: &str = "_contextvars.ContextVar";
const TOKEN: &str = "_contextvars.Token";
const CONTEXT: &str = "_contextvars.Context";
/// The key of the current context in `Vm::native_types`.
pub(crate) const CURRENT: &str = "_contextvars.<current>";
/// The key of the `Token.MISSING` object in `Vm::native_types`.
const MISSING: &str = "_contextvars.<MISSING>";

static FUNCTIONS: &[NativeFn] = &[NativeFn::function(
    "copy_context",
    copy_context,
    Arity::NoArgs,
    None,
)];

static VAR_METHODS: &[NativeFn] = &[
    NativeFn::new("ContextVar", var_new),
    NativeFn::method("ContextVar.get", var_get, Arity::Range(0, 1), None),
    NativeFn::method("ContextVar.set", var_set, Arity::One, None),
    NativeFn::method("ContextVar.reset", var_reset, Arity::One, None),
    NativeFn::method("ContextVar.__repr__", var_repr, Arity::NoArgs, None),
];

static TOKEN_METHODS: &[NativeFn] = &[
    NativeFn::new("Token", token_new),
    NativeFn::method("Token.__repr__", token_repr, Arity::NoArgs, None),
];

static CONTEXT_METHODS: &[NativeFn] = &[
    NativeFn::new("Context", context_new),
    NativeFn::new("Context.run", context_run),
    NativeFn::method("Context.copy", context_copy, Arity::NoArgs, None),
    NativeFn::method("Context.__getitem__", context_getitem, Arity::One, None),
    NativeFn::method("Context.get", context_get, Arity::Range(1, 2), None),
    NativeFn::method("Context.__contains__", context_contains, Arity::One, None),
    NativeFn::method("Context.__len__", context_len, Arity::NoArgs, None),
    NativeFn::method("Context.__iter__", context_keys, Arity::NoArgs, None),
    NativeFn::method("Context.keys", context_keys, Arity::NoArgs, None),
    NativeFn::method("Context.values", context_values, Arity::NoArgs, None),
    NativeFn::method("Context.items", context_items, Arity::NoArgs, None),
];

static VAR_NAME: NativeFn = NativeFn::method("ContextVar.name", var_name, Arity::NoArgs, None);
static TOKEN_VAR: NativeFn = NativeFn::method("Token.var", token_var, Arity::NoArgs, None);
static TOKEN_OLD: NativeFn = NativeFn::method("Token.old_value", token_old, Arity::NoArgs, None);

/// A `ContextVar`: its name and default (null when it has none).
struct ContextVar {
    name: Value,
    default: Value,
}

impl NativeState for ContextVar {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        f(&self.default);
    }
}

/// A `Token` from `ContextVar.set`: the context and variable it belongs to and the value
/// the variable had before (null: none).
struct Token {
    context: Value,
    var: Value,
    old: Value,
    used: bool,
}

impl NativeState for Token {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.context);
        f(&self.var);
        f(&self.old);
    }
}

/// A `Context`: the variables bound in it, in the order they were first set.
#[derive(Default)]
struct Context {
    vars: Vec<(Value, Value)>,
    entered: bool,
}

impl NativeState for Context {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for (k, v) in &self.vars {
            f(k);
            f(v);
        }
    }
}

impl Context {
    fn get(&self, var: &Value) -> Option<&Value> {
        self.vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v)
    }

    fn set(&mut self, var: &Value, v: Value) {
        match self.vars.iter_mut().find(|(k, _)| k.is(var)) {
            Some(slot) => slot.1 = v,
            None => self.vars.push((var.clone(), v)),
        }
    }

    fn remove(&mut self, var: &Value) {
        self.vars.retain(|(k, _)| !k.is(var));
    }
}

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let var_t = native_type(vm, CONTEXT_VAR, None, VAR_METHODS, false);
    super::add_property(&var_t, "name", &VAR_NAME, Some(&super::READONLY));
    let token_t = native_type(vm, TOKEN, None, TOKEN_METHODS, false);
    super::add_property(&token_t, "var", &TOKEN_VAR, Some(&super::READONLY));
    super::add_property(&token_t, "old_value", &TOKEN_OLD, Some(&super::READONLY));
    let context_t = native_type(vm, CONTEXT, None, CONTEXT_METHODS, false);
    // `Token.MISSING`: a marker object of its own type, shown as `<Token.MISSING>`.
    let missing_t = native_type(vm, MISSING_TYPE, None, MISSING_METHODS, false);
    let missing = new_native(missing_t.clone(), missing_t, None, Missing);
    if let (Value::Obj(m), crate::value::object::Object::Class(c)) = (&missing, token_t.get_mut()) {
        crate::value::dict_table::dict_set_str(&mut c.dict, "MISSING", Value::Obj(m.clone()));
        vm.native_types.insert(MISSING, m.clone());
    }
    super::new_module(
        "_contextvars",
        FUNCTIONS,
        &[
            ("ContextVar", Value::Obj(var_t)),
            ("Token", Value::Obj(token_t)),
            ("Context", Value::Obj(context_t)),
        ],
    )
}

const MISSING_TYPE: &str = "_contextvars.Token.MISSING";

static MISSING_METHODS: &[NativeFn] = &[NativeFn::method(
    "Token.MISSING.__repr__",
    missing_repr,
    Arity::NoArgs,
    None,
)];

fn missing_repr(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val("<Token.MISSING>"))
}

/// The state of `Token.MISSING`.
struct Missing;

impl NativeState for Missing {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

fn missing(vm: &Vm) -> Value {
    vm.native_types
        .get(MISSING)
        .map_or(Value::None, |m| Value::Obj(m.clone()))
}

fn new_context(vm: &Vm, vars: Vec<(Value, Value)>) -> Value {
    let cls = native_class(vm, CONTEXT);
    new_native(
        cls.clone(),
        cls,
        None,
        Context {
            vars,
            entered: false,
        },
    )
}

/// The current context, made empty on first use.
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = vm.native_types.get(CURRENT) {
        return Value::Obj(c.clone());
    }
    let c = new_context(vm, Vec::new());
    if let Value::Obj(o) = &c {
        vm.native_types.insert(CURRENT, o.clone());
    }
    c
}

fn set_current(vm: &mut Vm, c: &Value) {
    if let Value::Obj(o) = c {
        vm.native_types.insert(CURRENT, o.clone());
    }
}

fn copy_context(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let cur = current(vm);
    let vars = state_of::<Context>(&cur).map_or_else(Vec::new, |c| c.vars.clone());
    Ok(new_context(vm, vars))
}

fn var_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = new_cls(vm, a);
    let name = match a.arg(1, "name") {
        Some(n) => n.clone(),
        None => return Err(vm.type_error("ContextVar() missing required argument 'name' (pos 1)")),
    };
    if name.as_str().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({} given)",
            a.pos.len() - 1
        )));
    }
    let default = a.kw("default").cloned().unwrap_or(Value::Null);
    let native = native_class(vm, CONTEXT_VAR);
    Ok(new_native(cls, native, None, ContextVar { name, default }))
}

fn var<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut ContextVar> {
    receiver::<ContextVar>(vm, a, CONTEXT_VAR, method)
}

fn var_name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(var(vm, a, "name")?.name.clone())
}

fn var_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let default = var(vm, a, "get")?.default.clone();
    let me = a.pos[0].clone();
    let cur = current(vm);
    if let Some(v) = state_of::<Context>(&cur).and_then(|c| c.get(&me).cloned()) {
        return Ok(v);
    }
    if let Some(d) = a.get(1) {
        return Ok(d.clone());
    }
    if !default.is_null() {
        return Ok(default);
    }
    let cls = vm.exc_class(ExcKind::LookupError);
    Err(vm.make_exc(&cls, vec![me]))
}

fn var_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    var(vm, a, "set")?;
    let me = a.pos[0].clone();
    let cur = current(vm);
    let old = match state_of::<Context>(&cur) {
        Some(c) => {
            let old = c.get(&me).cloned().unwrap_or(Value::Null);
            c.set(&me, a.pos[1].clone());
            old
        }
        None => Value::Null,
    };
    let cls = native_class(vm, TOKEN);
    Ok(new_native(
        cls.clone(),
        cls,
        None,
        Token {
            context: cur,
            var: me,
            old,
            used: false,
        },
    ))
}

fn var_reset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    var(vm, a, "reset")?;
    let me = a.pos[0].clone();
    let token_v = a.pos[1].clone();
    let Some(token) = state_of::<Token>(&token_v) else {
        let shown = vm.repr(&token_v)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {shown}")));
    };
    let (used, var_is_me, context, old) = (
        token.used,
        token.var.is(&me),
        token.context.clone(),
        token.old.clone(),
    );
    let shown = vm.repr(&token_v)?;
    if used {
        return Err(vm.err(
            ExcKind::RuntimeError,
            format!("{shown} has already been used once"),
        ));
    }
    if !var_is_me {
        return Err(vm.value_error(format!("{shown} was created by a different ContextVar")));
    }
    let cur = current(vm);
    if !context.is(&cur) {
        return Err(vm.value_error(format!("{shown} was created in a different Context")));
    }
    if let Some(t) = state_of::<Token>(&token_v) {
        t.used = true;
    }
    if let Some(c) = state_of::<Context>(&cur) {
        if old.is_null() {
            c.remove(&me);
        } else {
            c.set(&me, old);
        }
    }
    Ok(Value::None)
}

fn var_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (name, default) = {
        let v = var(vm, a, "__repr__")?;
        (v.name.clone(), v.default.clone())
    };
    let mut out = format!("<ContextVar name={}", vm.repr(&name)?);
    if !default.is_null() {
        out.push_str(&format!(" default={}", vm.repr(&default)?));
    }
    let addr = a.pos[0].as_obj().map_or(0, |o| o.addr());
    out.push_str(&format!(" at {addr:#x}>"));
    Ok(Vm::str_val(out))
}

fn token_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.err(
        ExcKind::RuntimeError,
        "Tokens can only be created by ContextVars",
    ))
}

fn token<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Token> {
    receiver::<Token>(vm, a, TOKEN, method)
}

fn token_var(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(token(vm, a, "var")?.var.clone())
}

fn token_old(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let old = token(vm, a, "old_value")?.old.clone();
    Ok(if old.is_null() { missing(vm) } else { old })
}

fn token_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (used, var) = {
        let t = token(vm, a, "__repr__")?;
        (t.used, t.var.clone())
    };
    let addr = a.pos[0].as_obj().map_or(0, |o| o.addr());
    let used = if used { " used" } else { "" };
    Ok(Vm::str_val(format!(
        "<Token{used} var={} at {addr:#x}>",
        vm.repr(&var)?
    )))
}

fn context_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let cls = new_cls(vm, a);
    let native = native_class(vm, CONTEXT);
    Ok(new_native(cls, native, None, Context::default()))
}

fn context<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Context> {
    receiver::<Context>(vm, a, CONTEXT, method)
}

/// `ctx.run(callable, *args, **kwargs)`: calls it with `ctx` as the current context.
fn context_run(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let entered = context(vm, a, "run")?.entered;
    let me = a.pos[0].clone();
    if a.pos.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    if entered {
        let shown = vm.repr(&me)?;
        return Err(vm.err(
            ExcKind::RuntimeError,
            format!("cannot enter context: {shown} is already entered"),
        ));
    }
    let prev = current(vm);
    context(vm, a, "run")?.entered = true;
    set_current(vm, &me);
    let result = vm.call(&a.raw[1], &a.raw[2..], a.kwnames);
    set_current(vm, &prev);
    if let Some(c) = state_of::<Context>(&me) {
        c.entered = false;
    }
    result
}

fn context_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let vars = context(vm, a, "copy")?.vars.clone();
    Ok(new_context(vm, vars))
}

/// The ContextVar key of a mapping method, with CPython's error for anything else.
fn key_arg(vm: &mut Vm, k: &Value) -> PyResult<()> {
    if state_of::<ContextVar>(k).is_none() {
        let shown = vm.repr(k)?;
        return Err(vm.type_error(format!("a ContextVar key was expected, got {shown}")));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    context(vm, a, "__getitem__")?;
    key_arg(vm, &a.pos[1])?;
    match state_of::<Context>(&a.pos[0]).and_then(|c| c.get(&a.pos[1]).cloned()) {
        Some(v) => Ok(v),
        None => Err(vm.key_error(&a.pos[1])),
    }
}

fn context_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    context(vm, a, "get")?;
    key_arg(vm, &a.pos[1])?;
    Ok(state_of::<Context>(&a.pos[0])
        .and_then(|c| c.get(&a.pos[1]).cloned())
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn context_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    context(vm, a, "__contains__")?;
    key_arg(vm, &a.pos[1])?;
    Ok(Value::Bool(
        state_of::<Context>(&a.pos[0]).is_some_and(|c| c.get(&a.pos[1]).is_some()),
    ))
}

fn context_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(context(vm, a, "__len__")?.vars.len() as i64))
}

fn context_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let keys: Vec<Value> = context(vm, a, "keys")?
        .vars
        .iter()
        .map(|(k, _)| k.clone())
        .collect();
    vm.get_iter(&Vm::new_list(keys))
}

fn context_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let values: Vec<Value> = context(vm, a, "values")?
        .vars
        .iter()
        .map(|(_, v)| v.clone())
        .collect();
    vm.get_iter(&Vm::new_list(values))
}

fn context_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items: Vec<Value> = context(vm, a, "items")?
        .vars
        .iter()
        .map(|(k, v)| Vm::new_tuple(vec![k.clone(), v.clone()]))
        .collect();
    vm.get_iter(&Vm::new_list(items))
}
