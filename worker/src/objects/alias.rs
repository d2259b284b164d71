//! `types.UnionType` (`int | None`) and `types.GenericAlias` (`list[int]`): native types made
//! on first use, `|` between types, `None` and aliases, subscripting the built-in generic
//! classes, and the reprs, equality, hashing and `isinstance` checks CPython gives them.

use crate::stdlib::{add_property, native_type, new_native, state_of};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{PyResult, Vm};

/// A union's members, flattened and without duplicates.
struct Union {
    args: Vec<Value>,
}

impl NativeState for Union {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.args.iter().for_each(f);
    }
}

/// A parameterised generic: its origin class and its arguments.
struct Alias {
    origin: Value,
    args: Vec<Value>,
    /// `*tuple[int, ...]` (PEP 646): what iterating an alias yields.
    unpacked: bool,
}

impl NativeState for Alias {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.origin);
        self.args.iter().for_each(f);
    }
}

static UNION_METHODS: &[NativeFn] = &[
    NativeFn::method("UnionType.__or__", or_method, Arity::One, None),
    NativeFn::method("UnionType.__ror__", ror_method, Arity::One, None),
    NativeFn::method("UnionType.__repr__", union_repr, Arity::NoArgs, None),
    NativeFn::method("UnionType.__eq__", union_eq, Arity::One, None),
    NativeFn::method("UnionType.__hash__", union_hash, Arity::NoArgs, None),
    NativeFn::method(
        "UnionType.__instancecheck__",
        union_instcheck,
        Arity::One,
        None,
    ),
    NativeFn::method(
        "UnionType.__subclasscheck__",
        union_subcheck,
        Arity::One,
        None,
    ),
];

static UNION_ARGS: NativeFn =
    NativeFn::method("UnionType.__args__", union_args, Arity::NoArgs, None);
static PARAMETERS: NativeFn = NativeFn::method(
    "GenericAlias.__parameters__",
    parameters,
    Arity::NoArgs,
    None,
);

static ALIAS_METHODS: &[NativeFn] = &[
    NativeFn::method("GenericAlias", alias_new, Arity::Range(2, 2), None),
    NativeFn::method("GenericAlias.__or__", or_method, Arity::One, None),
    NativeFn::method("GenericAlias.__ror__", ror_method, Arity::One, None),
    NativeFn::method("GenericAlias.__repr__", alias_repr, Arity::NoArgs, None),
    NativeFn::method("GenericAlias.__eq__", alias_eq, Arity::One, None),
    NativeFn::method("GenericAlias.__hash__", alias_hash, Arity::NoArgs, None),
    NativeFn::new("GenericAlias.__call__", alias_call),
    NativeFn::method(
        "GenericAlias.__mro_entries__",
        alias_mro_entries,
        Arity::One,
        None,
    ),
    NativeFn::method("GenericAlias.__getattr__", alias_getattr, Arity::One, None),
    NativeFn::method("GenericAlias.__getitem__", alias_getitem, Arity::One, None),
    NativeFn::method("GenericAlias.__reduce__", alias_reduce, Arity::NoArgs, None),
    NativeFn::method("GenericAlias.__iter__", alias_iter, Arity::NoArgs, None),
    NativeFn::method(
        "GenericAlias.__instancecheck__",
        alias_check,
        Arity::One,
        None,
    ),
    NativeFn::method(
        "GenericAlias.__subclasscheck__",
        alias_subcheck,
        Arity::One,
        None,
    ),
];

static ALIAS_UNPACKED: NativeFn = NativeFn::method(
    "GenericAlias.__unpacked__",
    alias_unpacked,
    Arity::NoArgs,
    None,
);
static ALIAS_ORIGIN: NativeFn =
    NativeFn::method("GenericAlias.__origin__", alias_origin, Arity::NoArgs, None);
static ALIAS_ARGS: NativeFn =
    NativeFn::method("GenericAlias.__args__", alias_args, Arity::NoArgs, None);

/// `type.__or__` and `type.__ror__`, bound in `type`'s dict.
pub(crate) static TYPE_OR: NativeFn = NativeFn::method("type.__or__", or_method, Arity::One, None);
pub(crate) static TYPE_ROR: NativeFn =
    NativeFn::method("type.__ror__", ror_method, Arity::One, None);

const UNION_KEY: &str = "types.UnionType";
const ALIAS_KEY: &str = "types.GenericAlias";

/// `types.UnionType`, made on first use.
pub(crate) fn union_type(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.native_types.get(UNION_KEY) {
        return c.clone();
    }
    let c = native_type(vm, UNION_KEY, None, UNION_METHODS, false);
    add_property(&c, "__args__", &UNION_ARGS, Some(&crate::stdlib::READONLY));
    add_property(
        &c,
        "__parameters__",
        &PARAMETERS,
        Some(&crate::stdlib::READONLY),
    );
    c
}

/// `types.GenericAlias`, made on first use.
pub(crate) fn alias_type(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.native_types.get(ALIAS_KEY) {
        return c.clone();
    }
    let c = native_type(vm, ALIAS_KEY, None, ALIAS_METHODS, false);
    add_property(
        &c,
        "__origin__",
        &ALIAS_ORIGIN,
        Some(&crate::stdlib::READONLY),
    );
    add_property(&c, "__args__", &ALIAS_ARGS, Some(&crate::stdlib::READONLY));
    add_property(
        &c,
        "__parameters__",
        &PARAMETERS,
        Some(&crate::stdlib::READONLY),
    );
    add_property(
        &c,
        "__unpacked__",
        &ALIAS_UNPACKED,
        Some(&crate::stdlib::READONLY),
    );
    c
}

fn union_of(v: &Value) -> Option<&mut Union> {
    state_of::<Union>(v)
}

fn alias_of(v: &Value) -> Option<&mut Alias> {
    state_of::<Alias>(v)
}

/// Whether `v` is a `types.GenericAlias`.
pub(crate) fn is_alias(v: &Value) -> bool {
    alias_of(v).is_some()
}

/// The members of a union `v`, if it is one.
pub(crate) fn union_args_of(v: &Value) -> Option<Vec<Value>> {
    union_of(v).map(|u| u.args.clone())
}

/// What may stand on either side of `|` to make a union.
fn unionable(v: &Value) -> bool {
    matches!(v, Value::None)
        || matches!(v.body(), Some(Object::Class(_)))
        || union_of(v).is_some()
        || alias_of(v).is_some()
}

/// Whether two union members are the same (classes by identity, aliases by value).
fn same_member(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a.as_obj(), b.as_obj()) {
        (Some(x), Some(y)) if x.ptr_eq(y) => Ok(true),
        _ if is_alias(a) && is_alias(b) => vm.eq(a, b),
        _ => Ok(false),
    }
}

/// `a | b` for types, `None`, unions and aliases; `None` when either side is none of them.
pub(crate) fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !unionable(a) || !unionable(b) {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = match union_of(side) {
            Some(u) => u.args.clone(),
            None => vec![side.clone()],
        };
        for it in items {
            let it = match it {
                Value::None => Value::Obj(vm.type_obj(TypeKind::NoneType).clone()),
                other => other,
            };
            let mut dup = false;
            for m in &members {
                if same_member(vm, m, &it)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(it);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let cls = union_type(vm);
    Ok(Some(new_native(
        cls.clone(),
        cls,
        None,
        Union { args: members },
    )))
}

fn or_method(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(union_or(vm, &a.pos[0], &a.pos[1])?.unwrap_or(Value::NotImplemented))
}

fn ror_method(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(union_or(vm, &a.pos[1], &a.pos[0])?.unwrap_or(Value::NotImplemented))
}

/// How an alias or union shows a member: classes by qualified name (bare for built-ins),
/// `...` for Ellipsis, aliases by their repr, anything else by repr.
/// How a union or alias shows one argument: a class by its qualified name (`NoneType` as
/// `None` in a union only, as CPython's `union_repr`), anything else by its repr.
fn item_repr(vm: &mut Vm, v: &Value, in_union: bool) -> PyResult<String> {
    if matches!(v, Value::Ellipsis) {
        return Ok("...".into());
    }
    if let Some(Object::Class(c)) = v.body() {
        if in_union && c.kind == TypeKind::NoneType && c.builtin {
            return Ok("None".into());
        }
        return Ok(if c.module == "builtins" {
            c.qualname.clone()
        } else {
            format!("{}.{}", c.module, c.qualname)
        });
    }
    vm.repr(v)
}

fn union_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = union_of(&a.pos[0])
        .map(|u| u.args.clone())
        .unwrap_or_default();
    let mut parts = Vec::with_capacity(args.len());
    for v in &args {
        parts.push(item_repr(vm, v, true)?);
    }
    Ok(Vm::str_val(parts.join(" | ")))
}

fn union_args(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = union_of(&a.pos[0])
        .map(|u| u.args.clone())
        .unwrap_or_default();
    Ok(Vm::new_tuple(args))
}

/// `__parameters__` of a union or an alias: the type variables among its arguments (those
/// with `__typing_subst__`) and their own parameters, each once, in order.
fn parameters(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = match union_args_of(&a.pos[0]) {
        Some(u) => u,
        None => alias_parts(&a.pos[0]).1,
    };
    Ok(Vm::new_tuple(collect_parameters(vm, &args)?))
}

fn collect_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    let add = |v: Value, out: &mut Vec<Value>| {
        if !out.iter().any(|p| p.is(&v)) {
            out.push(v);
        }
    };
    for arg in args {
        // Classes are never parameters (nor do they lend theirs).
        if matches!(arg.body(), Some(Object::Class(_))) {
            continue;
        }
        if vm.getattr_opt(arg, "__typing_subst__")?.is_some() {
            add(arg.clone(), &mut out);
        } else if let Some(ps) = vm.getattr_opt(arg, "__parameters__")? {
            if let Some(Object::Tuple(t)) = ps.body() {
                for p in t.iter() {
                    add(p.clone(), &mut out);
                }
            }
        }
    }
    Ok(out)
}

fn union_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(x), Some(y)) = (union_args_of(&a.pos[0]), union_args_of(&a.pos[1])) else {
        return Ok(Value::NotImplemented);
    };
    // Equal as sets of members.
    for (p, q) in [(&x, &y), (&y, &x)] {
        for m in p {
            let mut found = false;
            for n in q {
                if vm.eq(m, n)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(true))
}

fn union_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = union_of(&a.pos[0])
        .map(|u| u.args.clone())
        .unwrap_or_default();
    let fs = vm.construct_builtin(TypeKind::FrozenSet, &[Vm::new_tuple(args)], &[])?;
    Ok(Value::Int(vm.hash(&fs)?))
}

/// The error `isinstance`/`issubclass` give for a parameterised generic.
fn generic_error(vm: &Vm, func: &str) -> crate::value::heap::ObjRef {
    vm.type_error(format!(
        "{func}() argument 2 cannot be a parameterized generic"
    ))
}

fn union_check(vm: &mut Vm, a: &Args, sub: bool) -> PyResult<Value> {
    let args = union_of(&a.pos[0])
        .map(|u| u.args.clone())
        .unwrap_or_default();
    let func = if sub { "issubclass" } else { "isinstance" };
    if args.iter().any(is_alias) {
        return Err(generic_error(vm, func));
    }
    let t = Vm::new_tuple(args);
    let r = if sub {
        crate::builtins::functions::issubclass_check(vm, &a.pos[1], &t)?
    } else {
        crate::builtins::functions::isinstance_check(vm, &a.pos[1], &t)?
    };
    Ok(Value::Bool(r))
}

fn union_instcheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    union_check(vm, a, false)
}

fn union_subcheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    union_check(vm, a, true)
}

/// `origin[key]`: the alias, its arguments a tuple key's items or the key alone.
pub(crate) fn make_alias(vm: &mut Vm, origin: Value, key: &Value) -> Value {
    let args = match key.body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vec![key.clone()],
    };
    new_alias(vm, origin, args, false)
}

/// A new `types.GenericAlias` (`*alias` when `unpacked`).
fn new_alias(vm: &mut Vm, origin: Value, args: Vec<Value>, unpacked: bool) -> Value {
    let cls = alias_type(vm);
    new_native(
        cls.clone(),
        cls,
        None,
        Alias {
            origin,
            args,
            unpacked,
        },
    )
}

/// Whether subscripting built-in class `c` makes a generic alias (`list[int]`).
pub(crate) fn builtin_generic(c: &crate::value::object::Class) -> bool {
    matches!(
        c.kind,
        TypeKind::List
            | TypeKind::Tuple
            | TypeKind::Dict
            | TypeKind::Set
            | TypeKind::FrozenSet
            | TypeKind::Type
    ) || c.name == "enumerate"
}

/// `GenericAlias(origin, args)`, or a subclass's instance (`_CallableGenericAlias`) when
/// called through one.
fn alias_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let made = make_alias(vm, a.pos[1].clone(), &a.pos[2]);
    let cls = crate::stdlib::new_cls(vm, a);
    let native = alias_type(vm);
    if cls.ptr_eq(&native) {
        return Ok(made);
    }
    let (origin, args) = alias_parts(&made);
    Ok(new_native(
        cls,
        native,
        None,
        Alias {
            origin,
            args,
            unpacked: false,
        },
    ))
}

fn alias_parts(v: &Value) -> (Value, Vec<Value>) {
    match alias_of(v) {
        Some(al) => (al.origin.clone(), al.args.clone()),
        None => (Value::None, Vec::new()),
    }
}

fn alias_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (origin, args) = alias_parts(&a.pos[0]);
    let mut out = if alias_of(&a.pos[0]).is_some_and(|al| al.unpacked) {
        "*".to_string()
    } else {
        String::new()
    };
    out.push_str(&item_repr(vm, &origin, false)?);
    out.push('[');
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, v) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item_repr(vm, v, false)?);
    }
    out.push(']');
    Ok(Vm::str_val(out))
}

fn alias_origin(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(alias_parts(&a.pos[0]).0)
}

fn alias_args(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::new_tuple(alias_parts(&a.pos[0]).1))
}

fn alias_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !is_alias(&a.pos[1]) {
        return Ok(Value::NotImplemented);
    }
    let star = |v: &Value| alias_of(v).is_some_and(|al| al.unpacked);
    if star(&a.pos[0]) != star(&a.pos[1]) {
        return Ok(Value::Bool(false));
    }
    let (o1, a1) = alias_parts(&a.pos[0]);
    let (o2, a2) = alias_parts(&a.pos[1]);
    if !vm.eq(&o1, &o2)? {
        return Ok(Value::Bool(false));
    }
    let r = vm.eq(&Vm::new_tuple(a1), &Vm::new_tuple(a2))?;
    Ok(Value::Bool(r))
}

fn alias_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (o, args) = alias_parts(&a.pos[0]);
    let h = vm.hash(&o)? ^ vm.hash(&Vm::new_tuple(args))?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn alias_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (origin, _) = alias_parts(&a.pos[0]);
    let r = vm.call(&origin, &a.raw[1..], a.kwnames)?;
    // As CPython: the alias is recorded on the result when it takes attributes.
    if let Some(Object::Instance(_)) = r.body() {
        let _ = vm.setattr(&r, &Vm::str_val("__orig_class__"), a.pos[0].clone());
    }
    Ok(r)
}

fn alias_mro_entries(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::new_tuple(vec![alias_parts(&a.pos[0]).0]))
}

/// Names an alias never takes from its origin (CPython's `attr_exceptions`); all others
/// (`__name__`, `__doc__`, methods) are the origin's.
const OWN_NAMES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.pos[1].as_str().unwrap_or("");
    if OWN_NAMES.contains(&name) {
        return Err(vm.attr_error(&a.pos[0], name));
    }
    let (origin, _) = alias_parts(&a.pos[0]);
    vm.getattr(&origin, &a.pos[1])
}

fn alias_unpacked(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(
        alias_of(&a.pos[0]).is_some_and(|al| al.unpacked),
    ))
}

/// `iter(tuple[int, str])`: one item, the unpacked alias `*tuple[int, str]` (PEP 646).
fn alias_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (origin, args) = alias_parts(&a.pos[0]);
    let star = new_alias(vm, origin, args, true);
    let items = Vm::new_list(vec![star]);
    vm.get_iter(&items)
}

/// `__reduce__`: `(types.GenericAlias, (origin, args))`, so `copy` and `pickle` rebuild it.
fn alias_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (origin, args) = alias_parts(&a.pos[0]);
    let cls = alias_type(vm);
    Ok(Vm::new_tuple(vec![
        Value::Obj(cls),
        Vm::new_tuple(vec![origin, Vm::new_tuple(args)]),
    ]))
}

/// `alias[items]`: the alias with its type variables replaced by `items` (CPython's
/// `_Py_subs_parameters`: a variable goes through its `__typing_subst__`, an argument with
/// parameters of its own is subscripted with the items for them).
fn alias_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let me = &a.pos[0];
    let (origin, args) = alias_parts(me);
    let params = collect_parameters(vm, &args)?;
    if params.is_empty() {
        let r = vm.repr(me)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let items = match a.pos[1].body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => vec![a.pos[1].clone()],
    };
    if items.len() != params.len() {
        let r = vm.repr(me)?;
        let how = if items.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(format!(
            "Too {how} arguments for {r}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let position = |v: &Value| params.iter().position(|p| p.is(v));
    let mut new_args = Vec::with_capacity(args.len());
    for arg in &args {
        if matches!(arg.body(), Some(Object::Class(_))) {
            new_args.push(arg.clone());
            continue;
        }
        if let Some(subst) = vm.getattr_opt(arg, "__typing_subst__")? {
            let item = position(arg)
                .map(|i| items[i].clone())
                .unwrap_or(Value::None);
            new_args.push(vm.call(&subst, &[item], &[])?);
            continue;
        }
        let sub_params = match vm.getattr_opt(arg, "__parameters__")? {
            Some(ps) => match ps.body() {
                Some(Object::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        if sub_params.is_empty() {
            new_args.push(arg.clone());
            continue;
        }
        let sub_items: Vec<Value> = sub_params
            .iter()
            .map(|p| position(p).map(|i| items[i].clone()).unwrap_or(Value::None))
            .collect();
        new_args.push(vm.getitem(arg, &Vm::new_tuple(sub_items))?);
    }
    Ok(make_alias(vm, origin, &Vm::new_tuple(new_args)))
}

fn alias_check(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(generic_error(vm, "isinstance"))
}

fn alias_subcheck(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(generic_error(vm, "issubclass"))
}
