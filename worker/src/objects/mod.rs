//! One module per Python type: its constructor, its method table, its operators, its repr
//! and its iteration. A method is one row in its type's `METHODS` table and one function in
//! the same file; [`method`] finds it by the receiver's type.

use crate::builtins::Native;
use crate::value::object::TypeKind;
use crate::vm::native::NativeFn;

pub(crate) mod bytes;
pub(crate) mod list;
pub(crate) mod methods;
pub(crate) mod str;

/// The method table of built-in type `kind`.
fn methods(kind: TypeKind) -> &'static [NativeFn] {
    match kind {
        TypeKind::List => list::METHODS,
        TypeKind::Str => str::METHODS,
        TypeKind::Bytes => bytes::METHODS,
        _ => &[],
    }
}

/// The method `name` of built-in type `kind`.
pub(crate) fn method(kind: TypeKind, name: &str) -> Option<&'static NativeFn> {
    NativeFn::find(methods(kind), name).or_else(|| Native::method(kind, name))
}
