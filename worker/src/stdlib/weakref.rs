//! The `_weakref` module: `ref` (`weakref.ReferenceType`, subclassable), `proxy` with
//! `ProxyType`/`CallableProxyType`, `getweakrefcount`, `getweakrefs` and
//! `_remove_dead_weakref`. The references themselves are the heap's (`WeakHandle`,
//! `value/heap.rs`): a dying referent clears them and queues the ones with callbacks, which
//! [`run_callback`] calls from the interpreter's safe point (`Vm::run_finalizers`).

use super::{native_class, native_type, new_native, set_class_attr, state_of};
use crate::value::heap::{ObjRef, WeakHandle};
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use permafrost_image::opcode::{BinaryOp, CompareOp};

const REF: &str = "weakref.ReferenceType";
const PROXY: &str = "weakref.ProxyType";
const CALLABLE_PROXY: &str = "weakref.CallableProxyType";

/// The functions of `_weakref`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("getweakrefcount", getweakrefcount, Arity::One, None),
    NativeFn::function("getweakrefs", getweakrefs, Arity::One, None),
    NativeFn::function("_weakref.proxy", proxy, Arity::Range(1, 2), None),
    NativeFn::function(
        "_remove_dead_weakref",
        remove_dead_weakref,
        Arity::Range(2, 2),
        None,
    ),
];

static REF_METHODS: &[NativeFn] = &[
    NativeFn::new("ReferenceType", ref_new),
    NativeFn::new("ReferenceType.__init__", ref_init),
    NativeFn::method("ReferenceType.__call__", ref_call, Arity::NoArgs, None),
    NativeFn::method("ReferenceType.__hash__", ref_hash, Arity::NoArgs, None),
    NativeFn::method("ReferenceType.__eq__", ref_eq, Arity::One, None),
    NativeFn::method("ReferenceType.__ne__", ref_ne, Arity::One, None),
    NativeFn::method("ReferenceType.__repr__", ref_repr, Arity::NoArgs, None),
];

static CALLBACK_GET: NativeFn = NativeFn::new("__callback__", callback_get);

macro_rules! forward {
    ($($q:literal => $f:ident, $arity:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let name = &$q[$q.rfind('.').map_or(0, |i| i + 1)..];
                proxy_forward(vm, a, name)
            }
        )*
        static FORWARD_METHODS: &[NativeFn] = &[
            $(NativeFn::method($q, $f, $arity, None),)*
        ];
    };
}

forward! {
    "ProxyType.__getattribute__" => p_getattribute, Arity::One;
    "ProxyType.__setattr__" => p_setattr, Arity::Range(2, 2);
    "ProxyType.__delattr__" => p_delattr, Arity::One;
    "ProxyType.__str__" => p_str, Arity::NoArgs;
    "ProxyType.__bytes__" => p_bytes, Arity::NoArgs;
    "ProxyType.__reversed__" => p_reversed, Arity::NoArgs;
    "ProxyType.__bool__" => p_bool, Arity::NoArgs;
    "ProxyType.__len__" => p_len, Arity::NoArgs;
    "ProxyType.__iter__" => p_iter, Arity::NoArgs;
    "ProxyType.__next__" => p_next, Arity::NoArgs;
    "ProxyType.__contains__" => p_contains, Arity::One;
    "ProxyType.__getitem__" => p_getitem, Arity::One;
    "ProxyType.__setitem__" => p_setitem, Arity::Range(2, 2);
    "ProxyType.__delitem__" => p_delitem, Arity::One;
    "ProxyType.__neg__" => p_neg, Arity::NoArgs;
    "ProxyType.__pos__" => p_pos, Arity::NoArgs;
    "ProxyType.__abs__" => p_abs, Arity::NoArgs;
    "ProxyType.__invert__" => p_invert, Arity::NoArgs;
    "ProxyType.__int__" => p_int, Arity::NoArgs;
    "ProxyType.__float__" => p_float, Arity::NoArgs;
    "ProxyType.__index__" => p_index, Arity::NoArgs;
}

/// Binary operators: `p + x`, `x + p` and `p += x` apply the operator to the referents
/// (the in-place form returns the result, as CPython's proxy does).
macro_rules! binary {
    ($($op:expr => $name:literal, $rname:literal, $iname:literal, $f:ident, $rf:ident, $if_:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = unwrap_pair(vm, a)?;
                vm.binary_op($op as u32, &x, &y)
            }
            fn $rf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = unwrap_pair(vm, a)?;
                vm.binary_op($op as u32, &y, &x)
            }
            fn $if_(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = unwrap_pair(vm, a)?;
                vm.binary_op($op as u32 | BinaryOp::INPLACE, &x, &y)
            }
        )*
        static BINARY_METHODS: &[NativeFn] = &[
            $(
                NativeFn::method($name, $f, Arity::One, None),
                NativeFn::method($rname, $rf, Arity::One, None),
                NativeFn::method($iname, $if_, Arity::One, None),
            )*
        ];
    };
}

binary! {
    BinaryOp::Add => "ProxyType.__add__", "ProxyType.__radd__", "ProxyType.__iadd__", p_add, p_radd, p_iadd;
    BinaryOp::Sub => "ProxyType.__sub__", "ProxyType.__rsub__", "ProxyType.__isub__", p_sub, p_rsub, p_isub;
    BinaryOp::Mul => "ProxyType.__mul__", "ProxyType.__rmul__", "ProxyType.__imul__", p_mul, p_rmul, p_imul;
    BinaryOp::TrueDiv => "ProxyType.__truediv__", "ProxyType.__rtruediv__", "ProxyType.__itruediv__", p_truediv, p_rtruediv, p_itruediv;
    BinaryOp::FloorDiv => "ProxyType.__floordiv__", "ProxyType.__rfloordiv__", "ProxyType.__ifloordiv__", p_floordiv, p_rfloordiv, p_ifloordiv;
    BinaryOp::Mod => "ProxyType.__mod__", "ProxyType.__rmod__", "ProxyType.__imod__", p_mod, p_rmod, p_imod;
    BinaryOp::Pow => "ProxyType.__pow__", "ProxyType.__rpow__", "ProxyType.__ipow__", p_pow, p_rpow, p_ipow;
    BinaryOp::LShift => "ProxyType.__lshift__", "ProxyType.__rlshift__", "ProxyType.__ilshift__", p_lshift, p_rlshift, p_ilshift;
    BinaryOp::RShift => "ProxyType.__rshift__", "ProxyType.__rrshift__", "ProxyType.__irshift__", p_rshift, p_rrshift, p_irshift;
    BinaryOp::And => "ProxyType.__and__", "ProxyType.__rand__", "ProxyType.__iand__", p_and, p_rand, p_iand;
    BinaryOp::Or => "ProxyType.__or__", "ProxyType.__ror__", "ProxyType.__ior__", p_or, p_ror, p_ior;
    BinaryOp::Xor => "ProxyType.__xor__", "ProxyType.__rxor__", "ProxyType.__ixor__", p_xor, p_rxor, p_ixor;
    BinaryOp::MatMul => "ProxyType.__matmul__", "ProxyType.__rmatmul__", "ProxyType.__imatmul__", p_matmul, p_rmatmul, p_imatmul;
}

/// Comparisons compare the referents (either operand may be a proxy).
macro_rules! compare {
    ($($op:expr => $name:literal, $f:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                let (x, y) = unwrap_pair(vm, a)?;
                vm.compare($op, &x, &y)
            }
        )*
        static COMPARE_METHODS: &[NativeFn] = &[
            $(NativeFn::method($name, $f, Arity::One, None),)*
        ];
    };
}

compare! {
    CompareOp::Lt => "ProxyType.__lt__", p_lt;
    CompareOp::Le => "ProxyType.__le__", p_le;
    CompareOp::Eq => "ProxyType.__eq__", p_eq;
    CompareOp::Ne => "ProxyType.__ne__", p_ne;
    CompareOp::Gt => "ProxyType.__gt__", p_gt;
    CompareOp::Ge => "ProxyType.__ge__", p_ge;
}

/// The receiver's referent and the other operand, itself unwrapped if a proxy.
fn unwrap_pair(vm: &mut Vm, a: &Args) -> PyResult<(Value, Value)> {
    let x = proxy_target(vm, &a.pos[0])?;
    let y = unwrap(vm, &a.pos[1])?;
    Ok((x, y))
}

fn is_proxy(vm: &Vm, v: &Value) -> bool {
    match v.body() {
        Some(Object::Instance(i)) => {
            i.class.ptr_eq(&native_class(vm, PROXY))
                || i.class.ptr_eq(&native_class(vm, CALLABLE_PROXY))
        }
        _ => false,
    }
}

/// `v`, or its referent if it is a proxy.
fn unwrap(vm: &Vm, v: &Value) -> PyResult<Value> {
    if is_proxy(vm, v) {
        proxy_target(vm, v)
    } else {
        Ok(v.clone())
    }
}

fn p_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_forward(vm, a, "__call__")
}

static PROXY_CALL: NativeFn = NativeFn::new("CallableProxyType.__call__", p_call);

/// What a weak reference or proxy object holds.
struct WeakState {
    target: Target,
    callback: Value,
    /// `hash(ref)`: the referent's hash, computed once while it is alive.
    hash: Option<i64>,
}

enum Target {
    Heap(WeakHandle),
    /// A built-in function or other static value: it never dies.
    Forever(Value),
}

impl NativeState for WeakState {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.callback);
        if let Target::Forever(v) = &self.target {
            f(v);
        }
    }
}

impl WeakState {
    fn referent(&self) -> Option<Value> {
        match &self.target {
            Target::Heap(h) => h.get().map(Value::Obj),
            Target::Forever(v) => Some(v.clone()),
        }
    }
}

/// Whether CPython can weakly reference `v`: instances of classes with a `__weakref__`
/// slot (Python classes without `__slots__`, except subclasses of int, bytes and tuple),
/// functions, methods, classes, sets, generators, modules and code.
fn weakrefable(v: &Value) -> bool {
    let Some(body) = v.body() else {
        return matches!(v, Value::Native(_));
    };
    match body {
        Object::Instance(i) => {
            if matches!(
                i.base.body(),
                Some(Object::BigInt(_) | Object::Tuple(_) | Object::Bytes(_))
            ) || matches!(i.base, Value::Int(_) | Value::Bool(_))
            {
                return false;
            }
            let Object::Class(c) = i.class.get() else {
                return false;
            };
            c.mro.iter().any(|k| match k.get() {
                Object::Class(k) if !k.builtin => match &k.slots {
                    None => true,
                    Some(s) => s.iter().any(|n| &**n == "__weakref__"),
                },
                _ => false,
            })
        }
        Object::Function(_)
        | Object::BoundMethod { .. }
        | Object::Class(_)
        | Object::Set(_)
        | Object::FrozenSet(_)
        | Object::Generator(_)
        | Object::GenAwait(_)
        | Object::Module(_)
        | Object::Code(_)
        | Object::CodeRef(_)
        | Object::DynCode { .. } => true,
        _ => false,
    }
}

fn state(v: &Value) -> Option<&mut WeakState> {
    state_of::<WeakState>(v)
}

/// The weak reference objects of `v`, in CPython's list order.
fn owners_of(v: &Value) -> Vec<ObjRef> {
    match v {
        Value::Obj(o) => o.weak_owners(),
        _ => Vec::new(),
    }
}

/// Whether `w` is a plain reference (`ref`) or proxy without callback, of exactly type `key`.
fn is_basic(vm: &Vm, w: &ObjRef, key: &str) -> bool {
    let exact = match w.get() {
        Object::Instance(i) => i.class.ptr_eq(&native_class(vm, key)),
        _ => false,
    };
    exact && matches!(state(&Value::Obj(w.clone())), Some(s) if matches!(s.callback, Value::None))
}

/// A new reference or proxy of class `cls` (native type `key`) to `ob`.
fn make(vm: &mut Vm, cls: ObjRef, key: &str, ob: &Value, callback: Value) -> PyResult<Value> {
    if !weakrefable(ob) {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(ob)
        )));
    }
    let owners = owners_of(ob);
    let basic_key = if key == REF { REF } else { PROXY };
    let plain = matches!(callback, Value::None) && cls.ptr_eq(&native_class(vm, key));
    if plain {
        // One plain reference (and one plain proxy) per object, shared, as CPython does.
        if let Some(w) = owners.iter().find(|w| is_basic(vm, w, basic_key)) {
            return Ok(Value::Obj(w.clone()));
        }
    }
    // CPython's list order: the plain ref, the plain proxy, then the rest newest first.
    let basics = owners
        .iter()
        .take_while(|w| is_basic(vm, w, REF) || is_basic(vm, w, PROXY))
        .count();
    let at = if plain && key == REF { 0 } else { basics };
    let notify = !matches!(callback, Value::None);
    let target = match ob {
        Value::Obj(o) => Target::Heap(o.downgrade(at)),
        other => Target::Forever(other.clone()),
    };
    let native = native_class(vm, key);
    let w = new_native(
        cls,
        native,
        None,
        WeakState {
            target,
            callback,
            hash: None,
        },
    );
    if let (Some(s), Some(o)) = (state(&w), w.as_obj()) {
        if let Target::Heap(h) = &s.target {
            h.set_owner(o, notify);
        }
    }
    Ok(w)
}

/// `ref.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let given = a.pos.len().saturating_sub(1);
    if given == 0 {
        return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
    }
    if given > 2 {
        return Err(vm.type_error(format!("__new__ expected at most 2 arguments, got {given}")));
    }
    let cls = super::new_cls(vm, a);
    let callback = a.get(2).cloned().unwrap_or(Value::None);
    make(vm, cls, REF, &a.pos[1], callback)
}

/// `ref.__init__`: everything happened in `__new__`; subclasses call it with their arguments.
fn ref_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn recv<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut WeakState> {
    super::receiver::<WeakState>(vm, a, REF, method)
}

/// `r()`: the referent, or `None` once it died.
fn ref_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(recv(vm, a, "__call__")?.referent().unwrap_or(Value::None))
}

/// `hash(r)`: the referent's hash, remembered; an error if it died unhashed.
fn ref_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, "__hash__")?;
    if let Some(h) = s.hash {
        return Ok(Value::Int(h));
    }
    let Some(target) = s.referent() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&target)?;
    if let Some(s) = state(&a.pos[0]) {
        s.hash = Some(h);
    }
    Ok(Value::Int(h))
}

/// `r == other`: the referents' equality while both live, else identity.
fn ref_compare(vm: &mut Vm, a: &Args, negate: bool) -> PyResult<Value> {
    let me = recv(vm, a, if negate { "__ne__" } else { "__eq__" })?.referent();
    let other = &a.pos[1];
    let is_ref = match other.body() {
        Some(Object::Instance(i)) => Vm::is_subclass(&i.class, &native_class(vm, REF)),
        _ => false,
    };
    if !is_ref {
        return Ok(Value::NotImplemented);
    }
    let them = state(other).and_then(|s| s.referent());
    let equal = match (me, them) {
        (Some(x), Some(y)) => vm.eq(&x, &y)?,
        _ => a.pos[0].is(other),
    };
    Ok(Value::Bool(equal != negate))
}

fn ref_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    ref_compare(vm, a, false)
}

fn ref_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    ref_compare(vm, a, true)
}

/// The `__name__` of `v` if it has a str one.
fn name_of(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    Ok(vm
        .getattr_opt(v, "__name__")?
        .and_then(|n| n.as_str().map(str::to_string)))
}

fn ref_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.pos[0].id();
    let Some(target) = recv(vm, a, "__repr__")?.referent() else {
        return Ok(Vm::str_val(format!("<weakref at {me:#x}; dead>")));
    };
    let tname = vm.type_name(&target);
    let tid = target.id();
    Ok(Vm::str_val(match name_of(vm, &target)? {
        Some(n) => format!("<weakref at {me:#x}; to '{tname}' at {tid:#x} ({n})>"),
        None => format!("<weakref at {me:#x}; to '{tname}' at {tid:#x}>"),
    }))
}

/// `r.__callback__`: the callback, `None` once it was called.
fn callback_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(recv(vm, a, "__callback__")?.callback.clone())
}

/// `proxy(ob, callback=None)`: a `CallableProxyType` for callable referents.
fn proxy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ob = a.pos[0].clone();
    let callback = a.get(1).cloned().unwrap_or(Value::None);
    let callable = crate::builtins::functions::is_callable(vm, &ob);
    let key = if callable { CALLABLE_PROXY } else { PROXY };
    let cls = native_class(vm, key);
    make(vm, cls, key, &ob, callback)
}

/// A proxy's live referent, or `ReferenceError`.
fn proxy_target(vm: &Vm, p: &Value) -> PyResult<Value> {
    match state(p).and_then(|s| s.referent()) {
        Some(v) => Ok(v),
        None => Err(vm.err(
            ExcKind::ReferenceError,
            "weakly-referenced object no longer exists",
        )),
    }
}

/// A proxy's method: the same operation on the referent. Proxies given as operands of the
/// number methods are replaced by their referents, as CPython's proxy slots do; attribute,
/// item, `in` and call arguments are passed as given (`root.next = root` stores the proxy,
/// which `OrderedDict`'s links rely on).
fn proxy_forward(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let target = proxy_target(vm, &a.pos[0])?;
    let as_given = matches!(
        name,
        "__getattribute__"
            | "__setattr__"
            | "__delattr__"
            | "__getitem__"
            | "__setitem__"
            | "__delitem__"
            | "__contains__"
            | "__call__"
    );
    let mut rest = Vec::with_capacity(a.pos.len());
    for v in &a.pos[1..] {
        rest.push(if as_given { v.clone() } else { unwrap(vm, v)? });
    }
    match name {
        "__getattribute__" => vm.getattr(&target, &rest[0]),
        "__setattr__" => {
            let v = rest[1].clone();
            vm.setattr(&target, &rest[0], v)?;
            Ok(Value::None)
        }
        "__delattr__" => {
            vm.delattr(&target, &rest[0])?;
            Ok(Value::None)
        }
        "__str__" => {
            let text = vm.str_of(&target)?;
            Ok(Vm::str_val(text))
        }
        "__bool__" => Ok(Value::Bool(vm.truthy(&target)?)),
        "__len__" => Ok(Value::Int(vm.len_of(&target)? as i64)),
        "__iter__" => vm.get_iter(&target),
        "__contains__" => Ok(Value::Bool(vm.contains(&target, &rest[0])?)),
        "__getitem__" => vm.getitem(&target, &rest[0]),
        "__setitem__" => {
            let (k, v) = (rest[0].clone(), rest[1].clone());
            vm.setitem(&target, k, v)?;
            Ok(Value::None)
        }
        "__delitem__" => {
            vm.delitem(&target, &rest[0])?;
            Ok(Value::None)
        }
        "__neg__" => vm.unary_neg(&target),
        "__pos__" => vm.unary_pos(&target),
        "__invert__" => vm.unary_invert(&target),
        "__call__" => {
            rest.extend(a.kw_items().map(|(_, v)| v.clone()));
            vm.call(&target, &rest, a.kwnames)
        }
        _ => {
            let method = vm.getattr(&target, &Vm::str_val(name))?;
            vm.call(&method, &rest, &[])
        }
    }
}

fn proxy_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = a.pos[0].id();
    let target = proxy_target(vm, &a.pos[0])?;
    let tname = vm.type_name(&target);
    Ok(Vm::str_val(format!(
        "<weakproxy at {me:#x} to {tname} at {:#x}>",
        target.id()
    )))
}

static PROXY_REPR: NativeFn =
    NativeFn::method("ProxyType.__repr__", proxy_repr, Arity::NoArgs, None);

fn proxy_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'weakref.ProxyType' instances"))
}

static PROXY_NEW: NativeFn = NativeFn::new("__new__", proxy_new);

/// `getweakrefcount(ob)`.
fn getweakrefcount(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(owners_of(&a.pos[0]).len() as i64))
}

/// `getweakrefs(ob)`: its weak reference and proxy objects.
fn getweakrefs(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::new_list(
        owners_of(&a.pos[0]).into_iter().map(Value::Obj).collect(),
    ))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(d) = a.pos[0]
        .as_obj()
        .filter(|o| matches!(o.get(), Object::Dict(_)))
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            vm.type_name(&a.pos[0])
        )));
    };
    let key = a.pos[1].clone();
    if let Some(v) = vm.dict_get(&d, &key)? {
        let dead = matches!(state(&v), Some(s) if s.referent().is_none());
        if dead {
            vm.dict_del(&d, &key)?;
        }
    }
    Ok(Value::None)
}

/// Calls the callback of weak reference `w`, whose referent died; called once, then
/// forgotten. Its errors are reported on stderr and otherwise ignored, as CPython's are.
pub(crate) fn run_callback(vm: &mut Vm, w: ObjRef) {
    let wv = Value::Obj(w);
    let Some(cb) = state(&wv).map(|s| std::mem::replace(&mut s.callback, Value::None)) else {
        return;
    };
    if !matches!(cb, Value::None) {
        if let Err(e) = vm.call(&cb, &[wv], &[]) {
            super::report_unraisable(vm, "Exception ignored in", &cb, &e);
        }
    }
}

/// Builds `_weakref` and its three types.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let r = native_type(vm, REF, None, REF_METHODS, false);
    super::add_property(&r, "__callback__", &CALLBACK_GET, Some(&super::READONLY));
    super::add_class_getitem(&r);
    set_class_attr(&r, "__module__", Vm::str_val("weakref"));
    let mut proxies = Vec::new();
    for key in [PROXY, CALLABLE_PROXY] {
        let p = native_type(vm, key, None, FORWARD_METHODS, false);
        for f in BINARY_METHODS.iter().chain(COMPARE_METHODS) {
            set_class_attr(&p, f.name(), Value::Native(f));
        }
        set_class_attr(&p, "__repr__", Value::Native(&PROXY_REPR));
        set_class_attr(&p, "__hash__", Value::None);
        set_class_attr(
            &p,
            "__new__",
            Value::obj(Object::StaticMethod(Value::Native(&PROXY_NEW))),
        );
        if let Object::Class(c) = p.get_mut() {
            c.has_getattribute = true;
            c.has_setattr = true;
        }
        if key == CALLABLE_PROXY {
            set_class_attr(&p, "__call__", Value::Native(&PROXY_CALL));
        }
        super::set_slots(&p, &[]);
        proxies.push(p);
    }
    super::new_module(
        "_weakref",
        FUNCTIONS,
        &[
            ("ref", Value::Obj(r.clone())),
            ("ReferenceType", Value::Obj(r)),
            ("ProxyType", Value::Obj(proxies[0].clone())),
            ("CallableProxyType", Value::Obj(proxies[1].clone())),
        ],
    )
}
