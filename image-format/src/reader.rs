//! The zero-copy reader. [`Image::parse`] validates the whole image once; every view it hands
//! out afterwards reads the bytes in place and needs no checks.
//!
//! API CONTRACT (implementation pending): signatures below are what the compiler, the
//! interpreter and the server program against.

use crate::model::{ExceptionEntry, LineEntry};
use std::fmt;

/// Why an image was rejected: the section, the byte offset into the file, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageError {
    pub section: &'static str,
    pub offset: u64,
    pub message: String,
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid image: {} section, byte offset {}: {}",
            self.section, self.offset, self.message
        )
    }
}

impl std::error::Error for ImageError {}

/// A validated image.
#[derive(Clone, Copy)]
pub struct Image<'a> {
    bytes: &'a [u8],
}

impl<'a> Image<'a> {
    /// Validates everything (header, checksums, sections, strings, constants, code objects,
    /// bytecode) and returns the view. `bytes` must be 8-byte aligned.
    pub fn parse(bytes: &'a [u8]) -> Result<Image<'a>, ImageError> {
        let _ = bytes;
        unimplemented!()
    }
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
    pub fn code_count(&self) -> u32 {
        unimplemented!()
    }
    /// The code object at `index` (< `code_count()`; indices from a validated image always are).
    pub fn code(&self, index: u32) -> CodeView<'a> {
        let _ = index;
        unimplemented!()
    }
    pub fn module_count(&self) -> u32 {
        unimplemented!()
    }
    /// Modules in image order; index 0 is the main module.
    pub fn module(&self, index: u32) -> ModuleView<'a> {
        let _ = index;
        unimplemented!()
    }
    pub fn find_module(&self, name: &str) -> Option<ModuleView<'a>> {
        let _ = name;
        unimplemented!()
    }
    /// Constant-time lookup of a code object by `module.qualname` (e.g. `app.handle`,
    /// `app.Cart.total`) through the image's name index.
    pub fn find_function(&self, qualified_name: &str) -> Option<u32> {
        let _ = qualified_name;
        unimplemented!()
    }
}

/// A module entry: its name and the index of its top-level code object.
#[derive(Clone, Copy)]
pub struct ModuleView<'a> {
    pub name: ImgStr<'a>,
    pub code: u32,
}

/// A code object read in place.
#[derive(Clone, Copy)]
pub struct CodeView<'a> {
    _image: &'a [u8],
}

#[allow(unused)]
impl<'a> CodeView<'a> {
    pub fn index(&self) -> u32 { unimplemented!() }
    pub fn name(&self) -> ImgStr<'a> { unimplemented!() }
    pub fn qualname(&self) -> ImgStr<'a> { unimplemented!() }
    pub fn filename(&self) -> ImgStr<'a> { unimplemented!() }
    pub fn firstlineno(&self) -> u32 { unimplemented!() }
    pub fn argcount(&self) -> u32 { unimplemented!() }
    pub fn posonlyargcount(&self) -> u32 { unimplemented!() }
    pub fn kwonlyargcount(&self) -> u32 { unimplemented!() }
    pub fn flags(&self) -> u32 { unimplemented!() }
    pub fn stacksize(&self) -> u32 { unimplemented!() }
    pub fn consts(&self) -> ConstList<'a> { unimplemented!() }
    pub fn names(&self) -> StrList<'a> { unimplemented!() }
    pub fn varnames(&self) -> StrList<'a> { unimplemented!() }
    pub fn freevars(&self) -> StrList<'a> { unimplemented!() }
    pub fn cellvars(&self) -> StrList<'a> { unimplemented!() }
    /// The instruction words, in place (4-byte aligned in the image).
    pub fn code(&self) -> &'a [u32] { unimplemented!() }
    /// The same instructions as bytes (`co_code`).
    pub fn code_bytes(&self) -> &'a [u8] { unimplemented!() }
    pub fn linetable(&self) -> &'a [LineEntry] { unimplemented!() }
    pub fn exceptiontable(&self) -> &'a [ExceptionEntry] { unimplemented!() }
    /// Source line of instruction `index` (binary search of the line table).
    pub fn line_of(&self, index: u32) -> u32 { unimplemented!() }
    /// The handler covering instruction `index`, if any (binary search).
    pub fn handler_for(&self, index: u32) -> Option<ExceptionEntry> { unimplemented!() }
}

/// A list of strings (co_names, co_varnames, ...) read in place.
#[derive(Clone, Copy)]
pub struct StrList<'a> {
    _image: &'a [u8],
}

#[allow(unused)]
impl<'a> StrList<'a> {
    pub fn len(&self) -> usize { unimplemented!() }
    pub fn is_empty(&self) -> bool { self.len() == 0 }
    pub fn get(&self, index: usize) -> ImgStr<'a> { unimplemented!() }
    pub fn iter(&self) -> impl Iterator<Item = ImgStr<'a>> + 'a { std::iter::empty() }
}

/// A list of constants (co_consts, or a tuple constant's items) read in place.
#[derive(Clone, Copy)]
pub struct ConstList<'a> {
    _image: &'a [u8],
}

#[allow(unused)]
impl<'a> ConstList<'a> {
    pub fn len(&self) -> usize { unimplemented!() }
    pub fn is_empty(&self) -> bool { self.len() == 0 }
    pub fn get(&self, index: usize) -> ConstView<'a> { unimplemented!() }
    pub fn iter(&self) -> impl Iterator<Item = ConstView<'a>> + 'a { std::iter::empty() }
}

/// One constant, decoded from its 16-byte slot without copying its payload.
#[derive(Clone, Copy)]
pub enum ConstView<'a> {
    None,
    Bool(bool),
    Int(i64),
    BigInt { negative: bool, magnitude_le: &'a [u8] },
    Float(f64),
    Str(ImgStr<'a>),
    Bytes(ImgBytes<'a>),
    Tuple(ConstList<'a>),
    Code(u32),
    Ellipsis,
}

/// A str in the image: a reference to its record (header + UTF-8 bytes). One pointer wide, so
/// an interpreter value can hold it directly — the seed's `perma_bytes`.
#[derive(Clone, Copy)]
pub struct ImgStr<'a> {
    _record: &'a [u8; 16],
}

#[allow(unused)]
impl<'a> ImgStr<'a> {
    pub fn as_str(&self) -> &'a str { unimplemented!() }
    /// Number of code points (Python's `len`).
    pub fn char_len(&self) -> usize { unimplemented!() }
    pub fn is_ascii(&self) -> bool { unimplemented!() }
    /// `str_hash` of the bytes, precomputed by the writer.
    pub fn hash(&self) -> u64 { unimplemented!() }
}

/// A bytes constant in the image (header + raw bytes), one pointer wide.
#[derive(Clone, Copy)]
pub struct ImgBytes<'a> {
    _record: &'a [u8; 16],
}

#[allow(unused)]
impl<'a> ImgBytes<'a> {
    pub fn as_bytes(&self) -> &'a [u8] { unimplemented!() }
}
