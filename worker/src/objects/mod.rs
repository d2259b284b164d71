//! One module per Python type: its constructor, its method table, its operators, its repr
//! and its iteration. A method is one row in its type's `METHODS` table and one function in
//! the same file; [`method`] finds it by the receiver's type.

use crate::value::object::TypeKind;
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};

pub(crate) mod alias;
pub(crate) mod bytearray;
pub(crate) mod bytes;
pub(crate) mod code;
pub(crate) mod complex;
pub(crate) mod coroutine;
pub(crate) mod descriptor;
pub(crate) mod dict;
pub(crate) mod dunders;
pub(crate) mod exception;
pub(crate) mod exception_group;
pub(crate) mod float;
pub(crate) mod function;
pub(crate) mod generator;
pub(crate) mod int;
pub(crate) mod iterator;
pub(crate) mod list;
pub(crate) mod mappingproxy;
pub(crate) mod memoryview;
pub(crate) mod module;
pub(crate) mod object;
pub(crate) mod property;
pub(crate) mod range;
pub(crate) mod set;
pub(crate) mod slice;
pub(crate) mod slot_wrapper;
pub(crate) mod str;
pub(crate) mod traceback;
pub(crate) mod tuple;
pub(crate) mod typeobj;

/// The argument checks of a built-in type's constructor taking at most `max` positional
/// arguments: `"list expected at most 1 argument, got 2"`, and keywords refused unless
/// `keywords`.
pub(crate) fn constructor_args(
    vm: &Vm,
    a: &Args,
    type_name: &str,
    max: usize,
    keywords: bool,
) -> PyResult<()> {
    if !keywords && !a.kw.is_empty() {
        return Err(vm.type_error(format!("{type_name}() takes no keyword arguments")));
    }
    if a.pos.len() > max {
        return Err(vm.type_error(format!(
            "{type_name} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            a.pos.len()
        )));
    }
    Ok(())
}

/// The method table of built-in type `kind`.
fn methods(kind: TypeKind) -> &'static [NativeFn] {
    match kind {
        TypeKind::List => list::METHODS,
        TypeKind::Str => str::METHODS,
        TypeKind::Bytes => bytes::METHODS,
        TypeKind::Tuple => tuple::METHODS,
        TypeKind::Dict => dict::METHODS,
        TypeKind::DictView => dict::VIEW_METHODS,
        TypeKind::Set => set::SET_METHODS,
        TypeKind::FrozenSet => set::FROZENSET_METHODS,
        TypeKind::Range => range::METHODS,
        TypeKind::Slice => slice::METHODS,
        TypeKind::Int | TypeKind::Bool => int::METHODS,
        TypeKind::Float => float::METHODS,
        TypeKind::Complex => complex::METHODS,
        TypeKind::Code => code::METHODS,
        TypeKind::Generator => generator::METHODS,
        TypeKind::Coroutine => coroutine::COROUTINE_METHODS,
        TypeKind::AsyncGenerator => coroutine::ASYNC_GENERATOR_METHODS,
        TypeKind::CoroutineWrapper => coroutine::WRAPPER_METHODS,
        TypeKind::AsyncGenASend => coroutine::ASEND_METHODS,
        TypeKind::AsyncGenAThrow => coroutine::ATHROW_METHODS,
        TypeKind::ANextAwaitable => coroutine::ANEXT_METHODS,
        TypeKind::Exception => exception::METHODS,
        TypeKind::Property => property::PROPERTY_METHODS,
        TypeKind::ClassMethod => property::CLASSMETHOD_METHODS,
        TypeKind::StaticMethod => property::STATICMETHOD_METHODS,
        TypeKind::Function => function::METHODS,
        TypeKind::Module => module::METHODS,
        _ => &[],
    }
}

/// The attribute names every object has (`dir(object())`).
pub(crate) const OBJECT_NAMES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// The attributes of type `kind` that the interpreter computes (no method record lists
/// them), for `dir()`.
pub(crate) fn computed_names(kind: TypeKind) -> &'static [&'static str] {
    match kind {
        TypeKind::Generator => &[
            "__name__",
            "__qualname__",
            "gi_code",
            "gi_frame",
            "gi_running",
            "gi_suspended",
            "gi_yieldfrom",
        ],
        TypeKind::Coroutine => &[
            "__name__",
            "__qualname__",
            "cr_await",
            "cr_code",
            "cr_frame",
            "cr_origin",
            "cr_running",
            "cr_suspended",
        ],
        TypeKind::AsyncGenerator => &[
            "__name__",
            "__qualname__",
            "ag_await",
            "ag_code",
            "ag_frame",
            "ag_running",
        ],
        _ => &[],
    }
}

/// The built-ins of type `kind`'s namespace that live outside its class dict: its method
/// table, its class methods and the generic dunders its values answer.
pub(crate) fn builtin_namespace(kind: TypeKind) -> Vec<&'static NativeFn> {
    let mut out: Vec<&'static NativeFn> = methods(kind).iter().collect();
    match kind {
        TypeKind::Dict => out.push(&dict::FROMKEYS),
        TypeKind::Int => out.push(&int::FROM_BYTES),
        TypeKind::Float => out.extend([&float::FROMHEX, &float::GETFORMAT]),
        _ => {}
    }
    // Callables answer `__call__` (looked up in `vm/attrs.rs`, listed here for `dir`).
    if matches!(
        kind,
        TypeKind::Function | TypeKind::BuiltinFunction | TypeKind::Method
    ) {
        out.push(&dunders::CALL);
    }
    if kind != TypeKind::Object && kind != TypeKind::Type {
        for d in dunders::all() {
            if dunders::dunder(kind, d.name()).is_some()
                && !out.iter().any(|f| f.name() == d.name())
            {
                out.push(d);
            }
        }
    }
    out
}

/// The method `name` of built-in type `kind`.
pub(crate) fn method(kind: TypeKind, name: &str) -> Option<&'static NativeFn> {
    NativeFn::find(methods(kind), name)
}

/// The receiver of method `method` of built-in type `type_name`: `a.pos[0]` when `is_kind`
/// accepts it, or the built-in value inside an instance of a subclass (`tuple.count(t, x)` with
/// `t` of a `tuple` subclass); otherwise CPython's descriptor error.
pub(crate) fn receiver(
    vm: &Vm,
    a: &Args,
    type_name: &str,
    method: &str,
    is_kind: fn(&Value) -> bool,
) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if is_kind(v) => Ok(v.clone()),
        Some(v) => match crate::value::num::inst_base(v) {
            Some(b) if is_kind(&b) => Ok(b),
            _ => Err(vm.type_error(format!(
                "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!(
            "unbound method {type_name}.{method}() needs an argument"
        ))),
    }
}
