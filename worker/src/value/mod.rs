//! The 16-byte `Value`: immediates (None, bool, small int, float, built-in callables) are held
//! inline, so arithmetic on small ints and floats never allocates; everything else is one
//! pointer: a heap object, or a str constant pointing *into* the image (never copied).

use crate::value::heap::ObjRef;
use crate::value::object::Object;
use crate::vm::native::NativeFn;
use permafrost_image::ImgStr;

pub(crate) mod dict_table;
pub(crate) mod frame;
pub(crate) mod freeze;
pub(crate) mod gc;
pub(crate) mod heap;
pub(crate) mod num;
pub(crate) mod object;
pub(crate) mod set_table;

/// A Python value.
///
/// `repr(u8)` fixes the layout (a one-byte tag, then each variant's field laid out as in a
/// `repr(C)` struct after it: `Int` and `Float` payloads at offset 8, `Bool` at offset 1), so
/// the hot loop can store an int, float or bool result as one 16-byte write
/// (`heap::store_int` and friends) instead of a tag byte plus a payload, which a following
/// 16-byte load of the slot could not forward from.
#[derive(Default)]
#[repr(u8)]
pub enum Value {
    /// No value: an unbound local, an empty cell, the "null" marker of `LOAD_METHOD`.
    #[default]
    Null = 0,
    None = 1,
    Bool(bool) = TAG_BOOL,
    /// An int that fits in 64 bits; larger ints are heap `BigInt`s (always normalised: a
    /// heap int never fits in an `i64`).
    Int(i64) = TAG_INT,
    Float(f64) = TAG_FLOAT,
    /// A str constant in the image.
    Str(ImgStr<'static>) = 5,
    Obj(ObjRef) = 6,
    /// A built-in function or method: a pointer to its static record.
    Native(&'static NativeFn) = 7,
    /// A code object of the image by index (a `co_consts` entry of kind code).
    Code(u32) = 8,
    NotImplemented = 9,
    Ellipsis = 10,
}

/// The tag byte of `Value::Bool`.
pub const TAG_BOOL: u8 = 2;
/// The tag byte of `Value::Int`.
pub const TAG_INT: u8 = 3;
/// The tag byte of `Value::Float`.
pub const TAG_FLOAT: u8 = 4;

impl Clone for Value {
    /// One refcount increment for a heap object, then a plain 16-byte copy: building the clone
    /// variant by variant makes the compiler assemble it in a stack temporary with narrow
    /// stores, and the wide load that follows stalls store-to-load forwarding in the hot loop.
    #[inline(always)]
    fn clone(&self) -> Value {
        crate::value::heap::duplicate_value(self)
    }
}

impl Value {
    #[inline]
    pub fn obj(o: Object) -> Value {
        Value::Obj(ObjRef::new(o))
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The object body, if this is a heap value.
    #[inline]
    pub fn body(&self) -> Option<&Object> {
        match self {
            Value::Obj(o) => Some(o.get()),
            _ => None,
        }
    }

    /// The text of a str value (image or heap).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            Value::Obj(o) => match o.get() {
                Object::Str(s) if s.wide.is_none() => Some(&s.text),
                _ => None,
            },
            _ => None,
        }
    }

    /// The text of a str without lone surrogates, or of the one an instance of a str
    /// subclass holds: how a native function reads a str argument.
    pub fn as_str_arg(&self) -> Option<&str> {
        match self.body() {
            Some(Object::Instance(i)) if !i.base.is_null() => i.base.as_str(),
            _ => self.as_str(),
        }
    }

    /// The code points of any str value as wide bytes (plain UTF-8 unless it holds a lone
    /// surrogate): what equality, ordering and code-point operations compare.
    #[inline]
    pub fn str_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Str(s) => Some(s.as_str().as_bytes()),
            Value::Obj(o) => match o.get() {
                Object::Str(s) => Some(s.bytes()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The length in code points of a str value (0 for anything else).
    pub fn str_char_len(&self) -> usize {
        match self {
            Value::Str(s) => s.as_str().chars().count(),
            Value::Obj(o) => match o.get() {
                Object::Str(s) => s.char_len,
                _ => 0,
            },
            _ => 0,
        }
    }

    /// Whether this is a str holding a lone surrogate (whose `as_str` is `None`).
    #[inline]
    pub fn is_wide_str(&self) -> bool {
        matches!(self.body(), Some(Object::Str(s)) if s.wide.is_some())
    }

    /// Whether this is the built-in `f`.
    #[inline]
    pub fn is_native(&self, f: &'static NativeFn) -> bool {
        matches!(self, Value::Native(g) if std::ptr::eq(*g, f))
    }

    /// `is`: identity for heap objects, equality of the immediate otherwise.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => a.ptr_eq(b),
            (Value::None, Value::None)
            | (Value::Null, Value::Null)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => std::ptr::eq(a.as_str(), b.as_str()),
            (Value::Native(a), Value::Native(b)) => std::ptr::eq(*a, *b),
            (Value::Code(a), Value::Code(b)) => a == b,
            _ => false,
        }
    }

    /// A stable address-like number for `id()` and default reprs.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.addr(),
            Value::Str(s) => s.as_str().as_ptr() as usize,
            Value::Int(i) => 0x1000_0000 ^ (*i as usize),
            Value::Float(f) => 0x2000_0000 ^ (f.to_bits() as usize),
            Value::Bool(b) => 0x3000_0000 + *b as usize,
            Value::None => 0x3000_0010,
            Value::Native(n) => *n as *const NativeFn as usize,
            Value::Code(c) => 0x5000_0000 + *c as usize * 16,
            Value::NotImplemented => 0x3000_0020,
            Value::Ellipsis => 0x3000_0030,
            Value::Null => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }

    #[test]
    fn whole_slot_stores_make_the_right_values() {
        let mut slot = Value::obj(Object::Cell(Value::None));
        crate::value::heap::store_int(&mut slot, -42);
        assert!(matches!(slot, Value::Int(-42)));
        crate::value::heap::store_float(&mut slot, 2.5);
        assert!(matches!(slot, Value::Float(x) if x == 2.5));
        crate::value::heap::store_bool(&mut slot, true);
        assert!(matches!(slot, Value::Bool(true)));
        crate::value::heap::store_bool(&mut slot, false);
        assert!(matches!(slot, Value::Bool(false)));
        crate::value::heap::store_int(&mut slot, i64::MIN);
        assert!(matches!(slot, Value::Int(i64::MIN)));
    }
}
