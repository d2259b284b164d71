//! The zero-copy reader. [`Image::parse`] validates the whole image once — header, checksums,
//! section table, every string and constant, every index in every table, the name index and
//! the bytecode (through [`crate::verify`]) — and every view it hands out afterwards reads
//! the bytes in place and needs no checks. This file and `map.rs` are the only places with
//! `unsafe`: the views below turn validated offsets into references.

use crate::layout::{
    align_up, hdr, module_flags, tag, CodeRecord, ModuleRecord, NameSlot, SectionKind, Slot,
    CODE_RECORD_LEN, EMPTY_KEY, FIXED_HEADER_LEN, HEADER_LEN, MAGIC, MAX_CONST_DEPTH,
    MAX_STACKSIZE, MODULE_RECORD_LEN, NO_INDEX, RECORD_ALIGN, RECORD_HEADER_LEN, SECTION_ALIGN,
    SECTION_COUNT, SECTION_ENTRY_LEN, SLOT_LEN, VERSION,
};
use crate::model::{ExceptionEntry, LineEntry, Origin};
use crate::opcode::flags;
use crate::verify::{self, CodeShape, Location};
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Why an image was rejected: the section, the byte offset into the file, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageError {
    /// Name of the section at fault (`header`, `bytecode`, ...; `file` for I/O errors).
    pub section: &'static str,
    /// Byte offset from the start of the file of the offending field.
    pub offset: u64,
    /// What was wrong, in words.
    pub message: String,
}

impl ImageError {
    fn new(section: &'static str, offset: usize, message: impl Into<String>) -> ImageError {
        ImageError {
            section,
            offset: offset as u64,
            message: message.into(),
        }
    }
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

/// Plain data that may be viewed in place.
///
/// # Safety
/// Implementors are `#[repr(C)]` (or primitive), have no padding and accept every bit
/// pattern, so any suitably aligned, in-bounds bytes are a valid value.
unsafe trait Pod: Copy {}
// SAFETY: primitives without invalid bit patterns.
unsafe impl Pod for u32 {}
// SAFETY: as above.
unsafe impl Pod for u64 {}
// SAFETY: repr(C) of u32, u32, u64: no padding, every bit pattern valid.
unsafe impl Pod for Slot {}
// SAFETY: repr(C) of 28 u32s: no padding, every bit pattern valid.
unsafe impl Pod for CodeRecord {}
// SAFETY: repr(C) of two u32s.
unsafe impl Pod for ModuleRecord {}
// SAFETY: repr(C) of u64, u32, u32: no padding.
unsafe impl Pod for NameSlot {}
// SAFETY: repr(C) of two u32s (see `model.rs`).
unsafe impl Pod for LineEntry {}
// SAFETY: repr(C) of four u32s (see `model.rs`).
unsafe impl Pod for ExceptionEntry {}

/// `count` values of `T` at byte `off` of `bytes`, or `None` when out of bounds or misaligned.
fn cast<T: Pod>(bytes: &[u8], off: usize, count: usize) -> Option<&[T]> {
    let size = std::mem::size_of::<T>().checked_mul(count)?;
    let end = off.checked_add(size)?;
    let region = bytes.get(off..end)?;
    if !(region.as_ptr() as usize).is_multiple_of(std::mem::align_of::<T>()) {
        return None;
    }
    // SAFETY: `region` is in bounds of a live shared borrow for its whole length
    // (`size_of::<T>() * count` bytes), the pointer is aligned for `T` (checked above) and
    // `T: Pod` accepts any bytes. The result borrows `bytes`, so it cannot outlive them, and
    // nothing can write through a shared borrow.
    Some(unsafe { std::slice::from_raw_parts(region.as_ptr().cast::<T>(), count) })
}

/// Like [`cast`], for ranges the validator has already proven in bounds and aligned.
///
/// # Safety
/// `off .. off + count * size_of::<T>()` lies inside `bytes` and `bytes.as_ptr() + off` is
/// aligned for `T`: both hold for every offset [`Image::parse`] accepted, and callers only
/// pass such offsets.
#[inline(always)]
unsafe fn view<T: Pod>(bytes: &[u8], off: usize, count: usize) -> &[T] {
    debug_assert!(cast::<T>(bytes, off, count).is_some());
    // SAFETY: the caller's contract (above) gives bounds and alignment; `T: Pod` gives validity.
    unsafe { std::slice::from_raw_parts(bytes.as_ptr().add(off).cast::<T>(), count) }
}

/// The bytes of a slice of words (for [`crate::AlignedBuf`]).
pub(crate) fn words_as_bytes(words: &[u64]) -> &[u8] {
    // SAFETY: a `[u64]` is `8 * len` initialised bytes; `u8` has alignment 1 and accepts
    // every value; the result borrows `words`.
    unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), words.len() * 8) }
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        None => 0,
    }
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let lo = read_u32(bytes, at) as u64;
    let hi = read_u32(bytes, at + 4) as u64;
    lo | hi << 32
}

/// A validated image.
#[derive(Clone, Copy)]
pub struct Image<'a> {
    bytes: &'a [u8],
    codes_off: u32,
    code_count: u32,
    modules_off: u32,
    module_count: u32,
    absent_count: u32,
    index_off: u32,
    index_cap: u32,
}

impl fmt::Debug for Image<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image")
            .field("len", &self.bytes.len())
            .field("code_count", &self.code_count)
            .field("module_count", &self.module_count)
            .finish()
    }
}

impl<'a> Image<'a> {
    /// Validates everything (header, checksums, sections, strings, constants, code objects,
    /// bytecode) and returns the view. `bytes` must be 8-byte aligned.
    pub fn parse(bytes: &'a [u8]) -> Result<Image<'a>, ImageError> {
        Validator::run(bytes)
    }
    /// The whole image, as passed to [`Image::parse`].
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// Number of code objects; valid code indices are `0..code_count()`.
    pub fn code_count(&self) -> u32 {
        self.code_count
    }
    /// The code object at `index` (< `code_count()`; indices from a validated image always are).
    ///
    /// # Panics
    /// When `index >= code_count()`.
    pub fn code(&self, index: u32) -> CodeView<'a> {
        assert!(
            index < self.code_count,
            "code index {index} out of range ({} code objects)",
            self.code_count
        );
        // SAFETY: the code-object section was validated to hold `code_count` aligned records
        // at `codes_off`, and `index` is below `code_count`.
        let rec = unsafe {
            &view::<CodeRecord>(
                self.bytes,
                self.codes_off as usize + index as usize * CODE_RECORD_LEN,
                1,
            )[0]
        };
        CodeView {
            base: self.bytes,
            rec,
            index,
        }
    }
    /// Number of present modules (at least one); absent ones are not counted.
    pub fn module_count(&self) -> u32 {
        self.module_count
    }
    /// Number of absent modules (imported by the stdlib, not found when freezing).
    pub fn absent_count(&self) -> u32 {
        self.absent_count
    }
    /// The name of absent module `index` (< `absent_count()`).
    ///
    /// # Panics
    /// When `index >= absent_count()`.
    pub fn absent_module(&self, index: u32) -> ImgStr<'a> {
        assert!(
            index < self.absent_count,
            "absent module {index} out of range"
        );
        // SAFETY: the module section holds `module_count + absent_count` aligned records at
        // `modules_off`; absent names were validated as string record starts.
        unsafe {
            let recs: &[ModuleRecord] = view(
                self.bytes,
                self.modules_off as usize,
                (self.module_count + self.absent_count) as usize,
            );
            ImgStr::at(self.bytes, recs[(self.module_count + index) as usize].name)
        }
    }
    /// Modules in image order; index 0 is the main module.
    ///
    /// # Panics
    /// When `index >= module_count()`.
    pub fn module(&self, index: u32) -> ModuleView<'a> {
        let rec = self.modules()[index as usize];
        ModuleView {
            // SAFETY: module names and files were validated as string record starts.
            name: unsafe { ImgStr::at(self.bytes, rec.name) },
            code: rec.code,
            // SAFETY: as above.
            file: unsafe { ImgStr::at(self.bytes, rec.file) },
            package: rec.flags & module_flags::PACKAGE != 0,
            origin: Origin::from_bits(
                (rec.flags >> module_flags::ORIGIN_SHIFT) & module_flags::ORIGIN_MASK,
            )
            .unwrap_or_default(),
        }
    }
    fn modules(&self) -> &'a [ModuleRecord] {
        // SAFETY: the module section holds `module_count` aligned records at `modules_off`.
        unsafe {
            view(
                self.bytes,
                self.modules_off as usize,
                self.module_count as usize,
            )
        }
    }
    /// The main module (index 0; every image has one).
    pub fn main_module(&self) -> ModuleView<'a> {
        self.module(0)
    }
    /// The module called `name`, if the image has one (linear search of the module table).
    pub fn find_module(&self, name: &str) -> Option<ModuleView<'a>> {
        (0..self.module_count)
            .map(|i| self.module(i))
            .find(|m| m.name.as_str() == name)
    }
    /// Constant-time lookup of a code object by `module.qualname` (e.g. `app.handle`,
    /// `app.Cart.total`) through the image's name index.
    pub fn find_function(&self, qualified_name: &str) -> Option<u32> {
        if self.index_cap == 0 {
            return None;
        }
        // SAFETY: the name index holds `index_cap` aligned slots at `index_off`.
        let table: &[NameSlot] =
            unsafe { view(self.bytes, self.index_off as usize, self.index_cap as usize) };
        let hash = crate::str_hash(qualified_name.as_bytes());
        let mask = self.index_cap as usize - 1;
        let mut i = hash as usize & mask;
        // Terminates: validation proved the table has an empty slot.
        loop {
            let slot = table[i];
            if slot.key == EMPTY_KEY {
                return None;
            }
            if slot.hash == hash {
                // SAFETY: keys of occupied slots were validated as string record starts.
                let key = unsafe { ImgStr::at(self.bytes, slot.key) };
                if key.as_str() == qualified_name {
                    return Some(slot.code);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// A present module entry: its name, top-level code object, source path and kind.
#[derive(Clone, Copy, Debug)]
pub struct ModuleView<'a> {
    /// The module's dotted name.
    pub name: ImgStr<'a>,
    /// Index of the module's top-level code object.
    pub code: u32,
    /// The source path at freeze time (`__file__`).
    pub file: ImgStr<'a>,
    /// Whether the module is a package.
    pub package: bool,
    /// Where the source was found.
    pub origin: Origin,
}

/// A code object read in place.
#[derive(Clone, Copy)]
pub struct CodeView<'a> {
    base: &'a [u8],
    rec: &'a CodeRecord,
    index: u32,
}

impl fmt::Debug for CodeView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeView")
            .field("index", &self.index)
            .field("qualname", &self.qualname().as_str())
            .finish()
    }
}

impl<'a> CodeView<'a> {
    fn str_field(&self, off: u32) -> ImgStr<'a> {
        // SAFETY: name, qualname and filename were validated as string record starts.
        unsafe { ImgStr::at(self.base, off) }
    }
    fn str_list(&self, off: u32, len: u32) -> StrList<'a> {
        StrList {
            base: self.base,
            // SAFETY: every list range of a code record was validated inside the string-list
            // section, 4-aligned.
            refs: unsafe { view(self.base, off as usize, len as usize) },
        }
    }
    /// This code object's index in the image.
    pub fn index(&self) -> u32 {
        self.index
    }
    /// `co_name`.
    pub fn name(&self) -> ImgStr<'a> {
        self.str_field(self.rec.name)
    }
    /// `co_qualname`: the dotted path from the module's top level.
    pub fn qualname(&self) -> ImgStr<'a> {
        self.str_field(self.rec.qualname)
    }
    /// `co_filename`.
    pub fn filename(&self) -> ImgStr<'a> {
        self.str_field(self.rec.filename)
    }
    /// `co_firstlineno`.
    pub fn firstlineno(&self) -> u32 {
        self.rec.firstlineno
    }
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub fn argcount(&self) -> u32 {
        self.rec.argcount
    }
    /// `co_posonlyargcount`.
    pub fn posonlyargcount(&self) -> u32 {
        self.rec.posonlyargcount
    }
    /// `co_kwonlyargcount`.
    pub fn kwonlyargcount(&self) -> u32 {
        self.rec.kwonlyargcount
    }
    /// `co_flags` (bits in [`crate::opcode::flags`]).
    pub fn flags(&self) -> u32 {
        self.rec.flags
    }
    /// `co_stacksize`: the verified maximum value-stack depth.
    pub fn stacksize(&self) -> u32 {
        self.rec.stacksize
    }
    /// `co_consts`.
    pub fn consts(&self) -> ConstList<'a> {
        ConstList {
            base: self.base,
            // SAFETY: the constant range was validated inside the constants section, aligned.
            slots: unsafe {
                view(
                    self.base,
                    self.rec.consts_off as usize,
                    self.rec.consts_len as usize,
                )
            },
        }
    }
    /// `co_names`: names used by global, attribute and import instructions.
    pub fn names(&self) -> StrList<'a> {
        self.str_list(self.rec.names_off, self.rec.names_len)
    }
    /// `co_varnames`: parameters first, then the other locals.
    pub fn varnames(&self) -> StrList<'a> {
        self.str_list(self.rec.varnames_off, self.rec.varnames_len)
    }
    /// `co_freevars`: variables captured from enclosing functions.
    pub fn freevars(&self) -> StrList<'a> {
        self.str_list(self.rec.freevars_off, self.rec.freevars_len)
    }
    /// `co_cellvars`: locals captured by inner functions.
    pub fn cellvars(&self) -> StrList<'a> {
        self.str_list(self.rec.cellvars_off, self.rec.cellvars_len)
    }
    /// The instruction words, in place (4-byte aligned in the image).
    #[inline]
    pub fn code(&self) -> &'a [u32] {
        // SAFETY: the bytecode range was validated inside the bytecode section, aligned.
        unsafe {
            view(
                self.base,
                self.rec.code_off as usize,
                self.rec.code_len as usize,
            )
        }
    }
    /// The same instructions as bytes (`co_code`).
    pub fn code_bytes(&self) -> &'a [u8] {
        let start = self.rec.code_off as usize;
        &self.base[start..start + self.rec.code_len as usize * 4]
    }
    /// The line table, sorted by `start`.
    pub fn linetable(&self) -> &'a [LineEntry] {
        // SAFETY: the line-table range was validated inside its section, aligned.
        unsafe {
            view(
                self.base,
                self.rec.lines_off as usize,
                self.rec.lines_len as usize,
            )
        }
    }
    /// The exception table, sorted by `start`, non-overlapping.
    pub fn exceptiontable(&self) -> &'a [ExceptionEntry] {
        // SAFETY: the exception-table range was validated inside its section, aligned.
        unsafe {
            view(
                self.base,
                self.rec.exc_off as usize,
                self.rec.exc_len as usize,
            )
        }
    }
    /// Source line of instruction `index` (binary search of the line table); `firstlineno`
    /// before the first entry.
    pub fn line_of(&self, index: u32) -> u32 {
        let table = self.linetable();
        let after = table.partition_point(|e| e.start <= index);
        match after.checked_sub(1) {
            Some(k) => table[k].line,
            None => self.rec.firstlineno,
        }
    }
    /// The encoded position table (see [`crate::positions`]), if the code has one.
    fn positions_bytes(&self) -> Option<&'a [u8]> {
        if self.rec.positions == 0 {
            return None;
        }
        let at = self.rec.positions as usize;
        let len = read_u32(self.base, at) as usize;
        Some(&self.base[at + RECORD_HEADER_LEN..at + RECORD_HEADER_LEN + len])
    }
    /// The source span of instruction `index` (decoded on each call: for tracebacks, not
    /// for the dispatch loop).
    pub fn position_of(&self, index: u32) -> Option<crate::Position> {
        crate::positions::position_of(self.positions_bytes()?, self.rec.firstlineno, index)
    }
    /// Every instruction's source span, or `None` when the code has no position table.
    pub fn positions(&self) -> Option<Vec<crate::Position>> {
        Some(crate::positions::decode(
            self.positions_bytes()?,
            self.rec.firstlineno,
        ))
    }
    /// The source text of the file the code was compiled from, when the image holds it.
    pub fn source(&self) -> Option<ImgStr<'a>> {
        if self.rec.source == 0 {
            return None;
        }
        // SAFETY: validated at parse time as a string record start.
        Some(unsafe { ImgStr::at(self.base, self.rec.source) })
    }
    /// The handler covering instruction `index`, if any (binary search).
    pub fn handler_for(&self, index: u32) -> Option<ExceptionEntry> {
        let table = self.exceptiontable();
        let after = table.partition_point(|e| e.start <= index);
        let entry = table[after.checked_sub(1)?];
        (index < entry.end).then_some(entry)
    }
}

/// A list of strings (co_names, co_varnames, ...) read in place.
#[derive(Clone, Copy)]
pub struct StrList<'a> {
    base: &'a [u8],
    refs: &'a [u32],
}

impl<'a> StrList<'a> {
    /// Number of strings.
    pub fn len(&self) -> usize {
        self.refs.len()
    }
    /// Whether the list has no strings.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The string at `index`.
    ///
    /// # Panics
    /// When `index >= len()`.
    #[inline]
    pub fn get(&self, index: usize) -> ImgStr<'a> {
        // SAFETY: every entry of the string-list section was validated as a string record start.
        unsafe { ImgStr::at(self.base, self.refs[index]) }
    }
    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = ImgStr<'a>> + 'a {
        let list = *self;
        (0..list.len()).map(move |i| list.get(i))
    }
}

impl fmt::Debug for StrList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A list of constants (co_consts, or a tuple constant's items) read in place.
#[derive(Clone, Copy)]
pub struct ConstList<'a> {
    base: &'a [u8],
    slots: &'a [Slot],
}

impl<'a> ConstList<'a> {
    /// Number of constants.
    pub fn len(&self) -> usize {
        self.slots.len()
    }
    /// Whether the list has no constants.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The constant at `index`.
    ///
    /// # Panics
    /// When `index >= len()`.
    #[inline]
    pub fn get(&self, index: usize) -> ConstView<'a> {
        ConstView::decode(self.base, &self.slots[index])
    }
    /// The constants in order.
    pub fn iter(&self) -> impl Iterator<Item = ConstView<'a>> + 'a {
        let list = *self;
        (0..list.len()).map(move |i| list.get(i))
    }
}

impl fmt::Debug for ConstList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// One constant, decoded from its 16-byte slot without copying its payload.
#[derive(Clone, Copy, Debug)]
pub enum ConstView<'a> {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// Any other int, as sign and magnitude.
    BigInt {
        /// Whether the int is below zero.
        negative: bool,
        /// Absolute value, little-endian base-256 digits, no high zero byte.
        magnitude_le: &'a [u8],
    },
    /// A `float`.
    Float(f64),
    /// A `str`, in place.
    Str(ImgStr<'a>),
    /// A `bytes`, in place.
    Bytes(ImgBytes<'a>),
    /// A tuple: its items, in place.
    Tuple(ConstList<'a>),
    /// A code object, by index into the image.
    Code(u32),
    /// `...`.
    Ellipsis,
    /// A `complex`: real and imaginary parts.
    Complex(f64, f64),
    /// A `str` holding a lone surrogate: its wide bytes, in place (validated).
    WideStr(&'a [u8]),
}

impl<'a> ConstView<'a> {
    #[inline]
    fn decode(base: &'a [u8], slot: &Slot) -> ConstView<'a> {
        match slot.tag {
            tag::NONE => ConstView::None,
            tag::BOOL => ConstView::Bool(slot.payload != 0),
            tag::INT => ConstView::Int(slot.payload as i64),
            tag::BIGINT => ConstView::BigInt {
                negative: slot.aux != 0,
                // SAFETY: validated as a blob record start.
                magnitude_le: unsafe { ImgBytes::at(base, slot.payload as u32) }.as_bytes(),
            },
            tag::FLOAT => ConstView::Float(f64::from_bits(slot.payload)),
            // SAFETY: validated as a string record start.
            tag::STR => ConstView::Str(unsafe { ImgStr::at(base, slot.payload as u32) }),
            // SAFETY: validated as a blob record start.
            tag::BYTES => ConstView::Bytes(unsafe { ImgBytes::at(base, slot.payload as u32) }),
            tag::TUPLE => ConstView::Tuple(ConstList {
                base,
                // SAFETY: the item range was validated inside the constants section, aligned.
                slots: unsafe { view(base, slot.payload as usize, slot.aux as usize) },
            }),
            tag::CODE => ConstView::Code(slot.payload as u32),
            tag::COMPLEX => {
                // SAFETY: validated as a blob record start of exactly 16 bytes.
                let b = unsafe { ImgBytes::at(base, slot.payload as u32) }.as_bytes();
                let part = |i: usize| {
                    let mut le = [0u8; 8];
                    le.copy_from_slice(b.get(i..i + 8).unwrap_or(&[0; 8]));
                    f64::from_bits(u64::from_le_bytes(le))
                };
                ConstView::Complex(part(0), part(8))
            }
            tag::WIDE_STR => {
                // SAFETY: validated as a blob record start (of well-formed wide bytes).
                let b = unsafe { ImgBytes::at(base, slot.payload as u32) };
                ConstView::WideStr(b.as_bytes())
            }
            // Validation admits no other tag.
            _ => ConstView::Ellipsis,
        }
    }
}

/// A str in the image: a reference to its record (header + UTF-8 bytes). One pointer wide, so
/// an interpreter value can hold it directly — the seed's `perma_bytes`.
#[derive(Clone, Copy)]
pub struct ImgStr<'a> {
    record: NonNull<u8>,
    _image: PhantomData<&'a [u8]>,
}

// SAFETY: an `ImgStr` is a shared reference to immutable bytes of a validated image (it only
// ever reads through the pointer), exactly like the `&'a [u8]` it was derived from.
unsafe impl Send for ImgStr<'_> {}
// SAFETY: as above.
unsafe impl Sync for ImgStr<'_> {}

/// Reads the 16-byte record header at `record`.
///
/// # Safety
/// `record` points at a record start of a validated image that is alive.
#[inline(always)]
unsafe fn record_header(record: NonNull<u8>) -> (u32, u32, u64) {
    // SAFETY: record starts are 8-aligned and followed by at least 16 header bytes (validated);
    // the caller guarantees the image is alive.
    unsafe {
        let p = record.as_ptr();
        (
            p.cast::<u32>().read(),
            p.add(4).cast::<u32>().read(),
            p.add(8).cast::<u64>().read(),
        )
    }
}

impl<'a> ImgStr<'a> {
    /// The string record at file offset `off`.
    ///
    /// # Safety
    /// `off` is a string record start that validation of `base` accepted.
    #[inline(always)]
    unsafe fn at(base: &'a [u8], off: u32) -> ImgStr<'a> {
        // SAFETY: `off` is inside `base` (caller's contract), so the pointer is non-null and
        // derived from the whole image's borrow.
        let p = unsafe { NonNull::new_unchecked(base.as_ptr().add(off as usize).cast_mut()) };
        ImgStr {
            record: p,
            _image: PhantomData,
        }
    }
    /// The UTF-8 bytes.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        // SAFETY: a validated record is followed by `byte_len` bytes inside the image, which
        // lives for `'a`.
        unsafe {
            let (len, _, _) = record_header(self.record);
            std::slice::from_raw_parts(self.record.as_ptr().add(RECORD_HEADER_LEN), len as usize)
        }
    }
    /// The string itself.
    #[inline]
    pub fn as_str(&self) -> &'a str {
        // SAFETY: validation checked that every string record's bytes are UTF-8.
        unsafe { std::str::from_utf8_unchecked(self.as_bytes()) }
    }
    /// Length in bytes.
    #[inline]
    pub fn byte_len(&self) -> usize {
        // SAFETY: the record is valid for `'a`.
        unsafe { record_header(self.record).0 as usize }
    }
    /// Number of code points (Python's `len`).
    #[inline]
    pub fn char_len(&self) -> usize {
        // SAFETY: the record is valid for `'a`.
        unsafe { record_header(self.record).1 as usize }
    }
    /// Whether every character is ASCII (byte length equals character count).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        // SAFETY: the record is valid for `'a`.
        let (bytes, chars, _) = unsafe { record_header(self.record) };
        bytes == chars
    }
    /// `str_hash` of the bytes, precomputed by the writer.
    #[inline]
    pub fn hash(&self) -> u64 {
        // SAFETY: the record is valid for `'a`.
        unsafe { record_header(self.record).2 }
    }
    /// The record's address, for packing into an interpreter value.
    #[inline]
    pub fn as_ptr(self) -> *const u8 {
        self.record.as_ptr()
    }
    /// Rebuilds an `ImgStr` from [`ImgStr::as_ptr`].
    ///
    /// # Safety
    /// `p` came from `as_ptr` of an `ImgStr` of a validated image that is alive for `'a`.
    #[inline]
    pub unsafe fn from_ptr(p: *const u8) -> ImgStr<'a> {
        ImgStr {
            // SAFETY: `as_ptr` returns a pointer from a `NonNull`.
            record: unsafe { NonNull::new_unchecked(p.cast_mut()) },
            _image: PhantomData,
        }
    }
}

impl fmt::Debug for ImgStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ImgStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for ImgStr<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_ptr() == other.as_ptr() || self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ImgStr<'_> {}

/// A bytes constant in the image (header + raw bytes), one pointer wide.
#[derive(Clone, Copy)]
pub struct ImgBytes<'a> {
    record: NonNull<u8>,
    _image: PhantomData<&'a [u8]>,
}

// SAFETY: a shared reference to immutable bytes of a validated image, like `ImgStr`.
unsafe impl Send for ImgBytes<'_> {}
// SAFETY: as above.
unsafe impl Sync for ImgBytes<'_> {}

impl<'a> ImgBytes<'a> {
    /// The blob record at file offset `off`.
    ///
    /// # Safety
    /// `off` is a blob record start that validation of `base` accepted.
    #[inline(always)]
    unsafe fn at(base: &'a [u8], off: u32) -> ImgBytes<'a> {
        // SAFETY: `off` is inside `base` (caller's contract).
        let p = unsafe { NonNull::new_unchecked(base.as_ptr().add(off as usize).cast_mut()) };
        ImgBytes {
            record: p,
            _image: PhantomData,
        }
    }
    /// The bytes.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        // SAFETY: a validated record is followed by `byte_len` bytes inside the image.
        unsafe {
            let (len, _, _) = record_header(self.record);
            std::slice::from_raw_parts(self.record.as_ptr().add(RECORD_HEADER_LEN), len as usize)
        }
    }
    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: the record is valid for `'a`.
        unsafe { record_header(self.record).0 as usize }
    }
    /// Whether there are no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `str_hash` of the bytes, precomputed by the writer.
    #[inline]
    pub fn hash(&self) -> u64 {
        // SAFETY: the record is valid for `'a`.
        unsafe { record_header(self.record).2 }
    }
    /// The record's address, for packing into an interpreter value.
    #[inline]
    pub fn as_ptr(self) -> *const u8 {
        self.record.as_ptr()
    }
    /// Rebuilds an `ImgBytes` from [`ImgBytes::as_ptr`].
    ///
    /// # Safety
    /// `p` came from `as_ptr` of an `ImgBytes` of a validated image that is alive for `'a`.
    #[inline]
    pub unsafe fn from_ptr(p: *const u8) -> ImgBytes<'a> {
        ImgBytes {
            // SAFETY: `as_ptr` returns a pointer from a `NonNull`.
            record: unsafe { NonNull::new_unchecked(p.cast_mut()) },
            _image: PhantomData,
        }
    }
}

impl fmt::Debug for ImgBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ImgBytes({:?})", self.as_bytes())
    }
}

const _: () = assert!(std::mem::size_of::<ImgStr<'static>>() == 8);
const _: () = assert!(std::mem::size_of::<ImgBytes<'static>>() == 8);
const _: () = assert!(std::mem::size_of::<Option<ImgStr<'static>>>() == 8);

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// One section's placement, from the section table.
#[derive(Clone, Copy, Default)]
struct Section {
    off: usize,
    len: usize,
    count: usize,
}

impl Section {
    fn end(&self) -> usize {
        self.off + self.len
    }
}

/// A set of record starts in a record section (one bit per 8 bytes).
struct StartSet {
    section: Section,
    bits: Vec<u64>,
}

impl StartSet {
    fn new(section: Section) -> StartSet {
        StartSet {
            section,
            bits: vec![0; (section.len / RECORD_ALIGN).div_ceil(64)],
        }
    }
    fn insert(&mut self, off: usize) {
        let slot = (off - self.section.off) / RECORD_ALIGN;
        self.bits[slot / 64] |= 1 << (slot % 64);
    }
    fn contains(&self, off: u64) -> bool {
        let Ok(off) = usize::try_from(off) else {
            return false;
        };
        if off < self.section.off || off >= self.section.end() {
            return false;
        }
        let rel = off - self.section.off;
        if !rel.is_multiple_of(RECORD_ALIGN) {
            return false;
        }
        let slot = rel / RECORD_ALIGN;
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

struct Validator<'a> {
    bytes: &'a [u8],
    sections: [Section; SECTION_COUNT],
    strings: StartSet,
    blobs: StartSet,
}

fn err(kind: SectionKind, offset: usize, message: impl Into<String>) -> ImageError {
    ImageError::new(kind.name(), offset, message)
}

impl<'a> Validator<'a> {
    fn run(bytes: &'a [u8]) -> Result<Image<'a>, ImageError> {
        let sections = check_header(bytes)?;
        let mut v = Validator {
            bytes,
            sections,
            strings: StartSet::new(sections[SectionKind::Strings.index()]),
            blobs: StartSet::new(sections[SectionKind::Blobs.index()]),
        };
        v.check_records(SectionKind::Strings)?;
        v.check_records(SectionKind::Blobs)?;
        v.check_strrefs()?;
        let owner = v.check_consts()?;
        v.check_codes(owner)?;
        let present = v.check_modules()?;
        v.check_name_index()?;
        let s = |k: SectionKind| sections[k.index()];
        Ok(Image {
            bytes,
            codes_off: s(SectionKind::Codes).off as u32,
            code_count: s(SectionKind::Codes).count as u32,
            modules_off: s(SectionKind::Modules).off as u32,
            module_count: present,
            absent_count: s(SectionKind::Modules).count as u32 - present,
            index_off: s(SectionKind::NameIndex).off as u32,
            index_cap: s(SectionKind::NameIndex).count as u32,
        })
    }

    fn section(&self, kind: SectionKind) -> Section {
        self.sections[kind.index()]
    }

    /// Walks the string or blob records one after the other.
    fn check_records(&mut self, kind: SectionKind) -> Result<(), ImageError> {
        let section = self.section(kind);
        let mut at = section.off;
        let mut count = 0usize;
        while at < section.end() {
            if section.end() - at < RECORD_HEADER_LEN {
                return Err(err(kind, at, "record header runs past the section's end"));
            }
            let byte_len = read_u32(self.bytes, at) as usize;
            let char_len = read_u32(self.bytes, at + 4) as usize;
            let hash = read_u64(self.bytes, at + 8);
            let data_at = at + RECORD_HEADER_LEN;
            if byte_len > section.end() - data_at {
                return Err(err(
                    kind,
                    at,
                    format!("record of {byte_len} bytes runs past the section's end"),
                ));
            }
            let data = &self.bytes[data_at..data_at + byte_len];
            if kind == SectionKind::Strings && data.is_ascii() {
                if data.len() != char_len {
                    return Err(err(
                        kind,
                        at + 4,
                        format!(
                            "char_len is {char_len} but the string has {} code points",
                            data.len()
                        ),
                    ));
                }
            } else if kind == SectionKind::Strings {
                let text = std::str::from_utf8(data).map_err(|e| {
                    err(kind, data_at + e.valid_up_to(), "string is not valid UTF-8")
                })?;
                let chars = text.chars().count();
                if chars != char_len {
                    return Err(err(
                        kind,
                        at + 4,
                        format!("char_len is {char_len} but the string has {chars} code points"),
                    ));
                }
            } else if char_len != 0 {
                return Err(err(kind, at + 4, "blob record's reserved field is not 0"));
            }
            if crate::str_hash(data) != hash {
                return Err(err(kind, at + 8, "record hash does not match its bytes"));
            }
            let next = align_up(data_at + byte_len, RECORD_ALIGN);
            if next > section.end() {
                return Err(err(kind, at, "record padding runs past the section's end"));
            }
            if let Some(p) = self.bytes[data_at + byte_len..next]
                .iter()
                .position(|&b| b != 0)
            {
                return Err(err(kind, data_at + byte_len + p, "non-zero padding"));
            }
            if kind == SectionKind::Strings {
                self.strings.insert(at);
            } else {
                self.blobs.insert(at);
            }
            count += 1;
            at = next;
        }
        if count != section.count {
            return Err(err(
                kind,
                section.off,
                format!(
                    "section table says {} records, the section holds {count}",
                    section.count
                ),
            ));
        }
        Ok(())
    }

    fn check_strrefs(&self) -> Result<(), ImageError> {
        let section = self.section(SectionKind::StrRefs);
        let refs: &[u32] = cast(self.bytes, section.off, section.count)
            .ok_or_else(|| err(SectionKind::StrRefs, section.off, "misaligned section"))?;
        for (i, &off) in refs.iter().enumerate() {
            let at = section.off + i * 4;
            if !self.strings.contains(off as u64) {
                return Err(err(
                    SectionKind::StrRefs,
                    at,
                    format!("{off} is not the offset of a string record"),
                ));
            }
        }
        Ok(())
    }

    /// Checks every slot; returns for each slot whether some list owns it yet (tuples claim
    /// their items here; code objects claim theirs in `check_codes`).
    fn check_consts(&self) -> Result<Vec<bool>, ImageError> {
        const K: SectionKind = SectionKind::Consts;
        let section = self.section(K);
        let codes = self.section(SectionKind::Codes).count as u64;
        let mut owned = vec![false; section.count];
        let mut depth = vec![1u8; section.count];
        let slots: &[Slot] = cast(self.bytes, section.off, section.count)
            .ok_or_else(|| err(K, section.off, "misaligned section"))?;
        for (i, slot) in slots.iter().enumerate() {
            let at = section.off + i * SLOT_LEN;
            let Slot {
                tag: tag_,
                aux,
                payload,
            } = *slot;
            let fail = |field: usize, message: String| Err(err(K, at + field, message));
            let aux_zero = || {
                if aux != 0 {
                    Err(err(K, at + 4, "unused field of a constant is not 0"))
                } else {
                    Ok(())
                }
            };
            match tag_ {
                tag::NONE | tag::ELLIPSIS => {
                    aux_zero()?;
                    if payload != 0 {
                        return fail(8, "unused field of a constant is not 0".into());
                    }
                }
                tag::BOOL => {
                    aux_zero()?;
                    if payload > 1 {
                        return fail(8, format!("bool constant with value {payload}"));
                    }
                }
                tag::INT | tag::FLOAT => aux_zero()?,
                tag::STR => {
                    aux_zero()?;
                    if !self.strings.contains(payload) {
                        return fail(8, format!("{payload} is not the offset of a string record"));
                    }
                }
                tag::BYTES => {
                    aux_zero()?;
                    if !self.blobs.contains(payload) {
                        return fail(8, format!("{payload} is not the offset of a blob record"));
                    }
                }
                tag::WIDE_STR => {
                    aux_zero()?;
                    if !self.blobs.contains(payload) {
                        return fail(8, format!("{payload} is not the offset of a blob record"));
                    }
                    let rec = payload as usize;
                    let len = read_u32(self.bytes, rec) as usize;
                    let text = &self.bytes[rec + RECORD_HEADER_LEN..rec + RECORD_HEADER_LEN + len];
                    if !crate::wide::is_wide_constant(text) {
                        return fail(
                            8,
                            "wide str constant is not well-formed text holding a surrogate".into(),
                        );
                    }
                }
                tag::COMPLEX => {
                    aux_zero()?;
                    if !self.blobs.contains(payload) {
                        return fail(8, format!("{payload} is not the offset of a blob record"));
                    }
                    let len = read_u32(self.bytes, payload as usize);
                    if len != 16 {
                        return fail(8, format!("complex constant blob of {len} bytes (not 16)"));
                    }
                }
                tag::BIGINT => {
                    if aux > 1 {
                        return fail(4, format!("big int sign {aux} is neither 0 nor 1"));
                    }
                    if !self.blobs.contains(payload) {
                        return fail(8, format!("{payload} is not the offset of a blob record"));
                    }
                    let rec = payload as usize;
                    let len = read_u32(self.bytes, rec) as usize;
                    let mag = &self.bytes[rec + RECORD_HEADER_LEN..rec + RECORD_HEADER_LEN + len];
                    if mag.last().is_none_or(|&b| b == 0) {
                        return fail(8, "big int magnitude is empty or has a leading zero".into());
                    }
                    if mag.len() <= 8 {
                        let mut le = [0u8; 8];
                        le[..mag.len()].copy_from_slice(mag);
                        let v = u64::from_le_bytes(le);
                        let fits = if aux == 0 {
                            v <= i64::MAX as u64
                        } else {
                            v <= 1 << 63
                        };
                        if fits {
                            return fail(8, "big int fits in 64 bits (must be an int)".into());
                        }
                    }
                }
                tag::TUPLE => {
                    let first = payload
                        .checked_sub(section.off as u64)
                        .filter(|rel| rel % SLOT_LEN as u64 == 0)
                        .map(|rel| rel / SLOT_LEN as u64);
                    let Some(first) = first else {
                        return fail(8, format!("tuple items at {payload}: not a constant slot"));
                    };
                    if first <= i as u64 || first + aux as u64 > section.count as u64 {
                        return fail(
                            8,
                            format!(
                                "tuple items {first}..{} must lie after the tuple's own slot {i} \
                                 and inside the {} slots",
                                first + aux as u64,
                                section.count
                            ),
                        );
                    }
                    let first = first as usize;
                    let items = &mut owned[first..first + aux as usize];
                    if let Some(dup) = items.iter().position(|&o| o) {
                        let j = first + dup;
                        return fail(8, format!("constant slot {j} belongs to two lists"));
                    }
                    items.fill(true);
                }
                tag::CODE => {
                    aux_zero()?;
                    if payload >= codes {
                        return fail(
                            8,
                            format!("code object {payload} does not exist ({codes} in the image)"),
                        );
                    }
                }
                other => return fail(0, format!("unknown constant tag {other}")),
            }
        }
        // Items lie after their tuple, so a reverse pass sees every item's depth first.
        for i in (0..section.count).rev() {
            let at = section.off + i * SLOT_LEN;
            if slots[i].tag != tag::TUPLE {
                continue;
            }
            let (first, len) = self.tuple_items(i);
            let inner = depth[first..first + len].iter().copied().max().unwrap_or(0);
            let d = inner as u32 + 1;
            if d > MAX_CONST_DEPTH {
                return Err(err(
                    K,
                    at,
                    format!("constants nested deeper than {MAX_CONST_DEPTH} levels"),
                ));
            }
            depth[i] = d as u8;
        }
        Ok(owned)
    }

    /// Item range of the (validated) tuple in slot `i`, as slot indices.
    fn tuple_items(&self, i: usize) -> (usize, usize) {
        let section = self.section(SectionKind::Consts);
        let at = section.off + i * SLOT_LEN;
        let len = read_u32(self.bytes, at + 4) as usize;
        let first = (read_u64(self.bytes, at + 8) as usize - section.off) / SLOT_LEN;
        (first, len)
    }

    fn check_codes(&self, mut owned: Vec<bool>) -> Result<(), ImageError> {
        const K: SectionKind = SectionKind::Codes;
        let codes = self.section(K);
        let consts = self.section(SectionKind::Consts);
        let mut cursors = [
            (
                SectionKind::StrRefs,
                self.section(SectionKind::StrRefs).off,
                4usize,
            ),
            (
                SectionKind::Bytecode,
                self.section(SectionKind::Bytecode).off,
                4,
            ),
            (SectionKind::Lines, self.section(SectionKind::Lines).off, 8),
            (
                SectionKind::Exceptions,
                self.section(SectionKind::Exceptions).off,
                16,
            ),
        ];
        // Code objects each code object refers to through its constants, for the cycle
        // check: code k's references are `edges[edge_start[k]..edge_start[k + 1]]`.
        let mut edges: Vec<u32> = Vec::new();
        let mut edge_start: Vec<u32> = Vec::with_capacity(codes.count + 1);
        let mut pending: Vec<usize> = Vec::new();
        let mut scratch = verify::Scratch::default();
        for k in 0..codes.count {
            let at = codes.off + k * CODE_RECORD_LEN;
            let rec: CodeRecord = cast::<CodeRecord>(self.bytes, at, 1)
                .map(|r| r[0])
                .ok_or_else(|| err(K, at, "misaligned code record"))?;
            // The file offset of a field of this record, for error positions.
            macro_rules! field {
                ($name:ident) => {
                    at + std::mem::offset_of!(CodeRecord, $name)
                };
            }
            if rec.reserved != 0 {
                return Err(err(K, field!(reserved), "reserved field is not 0"));
            }
            if rec.source != 0 && !self.strings.contains(rec.source as u64) {
                return Err(err(
                    K,
                    field!(source),
                    format!(
                        "code object {k}: source {} is not a string record",
                        rec.source
                    ),
                ));
            }
            for (name, off, field_at) in [
                ("name", rec.name, field!(name)),
                ("qualname", rec.qualname, field!(qualname)),
                ("filename", rec.filename, field!(filename)),
            ] {
                if !self.strings.contains(off as u64) {
                    return Err(err(
                        K,
                        field_at,
                        format!("code object {k}: co_{name} {off} is not a string record"),
                    ));
                }
            }
            // SAFETY: validated just above as a string record start.
            let qualname = unsafe { ImgStr::at(self.bytes, rec.qualname) };
            // Formatted only for an error message.
            let who = WhoCode(k, qualname);

            // co_consts: a slot range nobody else owns.
            let first = (rec.consts_off as usize)
                .checked_sub(consts.off)
                .filter(|rel| rel % SLOT_LEN == 0)
                .map(|rel| rel / SLOT_LEN)
                .filter(|first| first + rec.consts_len as usize <= consts.count);
            let Some(first) = first else {
                return Err(err(
                    K,
                    field!(consts_off),
                    format!("{who}: co_consts range is not inside the constants section"),
                ));
            };
            let items = &mut owned[first..first + rec.consts_len as usize];
            if let Some(dup) = items.iter().position(|&o| o) {
                return Err(err(
                    K,
                    field!(consts_off),
                    format!("{who}: constant slot {} belongs to two lists", first + dup),
                ));
            }
            items.fill(true);
            edge_start.push(edges.len() as u32);
            pending.clear();
            pending.extend(first..first + rec.consts_len as usize);
            while let Some(j) = pending.pop() {
                let slot_at = consts.off + j * SLOT_LEN;
                match read_u32(self.bytes, slot_at) {
                    tag::CODE => edges.push(read_u64(self.bytes, slot_at + 8) as u32),
                    tag::TUPLE => {
                        let (f, n) = self.tuple_items(j);
                        pending.extend(f..f + n);
                    }
                    _ => {}
                }
            }

            // Lists laid out one after another, in record order.
            let lists = [
                (
                    "names_off",
                    field!(names_off),
                    rec.names_off,
                    rec.names_len,
                    0usize,
                ),
                (
                    "varnames_off",
                    field!(varnames_off),
                    rec.varnames_off,
                    rec.varnames_len,
                    0,
                ),
                (
                    "freevars_off",
                    field!(freevars_off),
                    rec.freevars_off,
                    rec.freevars_len,
                    0,
                ),
                (
                    "cellvars_off",
                    field!(cellvars_off),
                    rec.cellvars_off,
                    rec.cellvars_len,
                    0,
                ),
                ("code_off", field!(code_off), rec.code_off, rec.code_len, 1),
                (
                    "lines_off",
                    field!(lines_off),
                    rec.lines_off,
                    rec.lines_len,
                    2,
                ),
                ("exc_off", field!(exc_off), rec.exc_off, rec.exc_len, 3),
            ];
            for (name, field_at, off, len, which) in lists {
                let (kind, cursor, elem) = &mut cursors[which];
                let section = self.sections[kind.index()];
                if off as usize != *cursor {
                    return Err(err(
                        K,
                        field_at,
                        format!(
                            "{who}: {name} is {off}, expected {cursor} (lists are laid out in \
                             code-object order)"
                        ),
                    ));
                }
                let end = *cursor + len as usize * *elem;
                if end > section.end() {
                    return Err(err(
                        K,
                        field_at,
                        format!("{who}: {name} range runs past the {} section", kind.name()),
                    ));
                }
                *cursor = end;
            }

            if rec.posonlyargcount > rec.argcount {
                return Err(err(
                    K,
                    field!(posonlyargcount),
                    format!("{who}: co_posonlyargcount exceeds co_argcount"),
                ));
            }
            let star_args = (rec.flags & flags::CO_VARARGS != 0) as u64
                + (rec.flags & flags::CO_VARKEYWORDS != 0) as u64;
            if rec.argcount as u64 + rec.kwonlyargcount as u64 + star_args > rec.varnames_len as u64
            {
                return Err(err(
                    K,
                    field!(argcount),
                    format!("{who}: more arguments than co_varnames entries"),
                ));
            }
            if rec.stacksize > MAX_STACKSIZE {
                return Err(err(
                    K,
                    field!(stacksize),
                    format!(
                        "{who}: co_stacksize {} exceeds {MAX_STACKSIZE}",
                        rec.stacksize
                    ),
                ));
            }

            // The bytecode verifier.
            let code: &[u32] = cast(self.bytes, rec.code_off as usize, rec.code_len as usize)
                .ok_or_else(|| err(K, field!(code_off), "misaligned bytecode"))?;
            let lines: &[LineEntry] =
                cast(self.bytes, rec.lines_off as usize, rec.lines_len as usize)
                    .ok_or_else(|| err(K, field!(lines_off), "misaligned line table"))?;
            let excs: &[ExceptionEntry] =
                cast(self.bytes, rec.exc_off as usize, rec.exc_len as usize)
                    .ok_or_else(|| err(K, field!(exc_off), "misaligned exception table"))?;
            let shape = CodeShape {
                consts: rec.consts_len,
                names: rec.names_len,
                locals: rec.varnames_len,
                derefs: rec.cellvars_len.saturating_add(rec.freevars_len),
                stacksize: rec.stacksize,
            };
            verify::verify_code_in(&mut scratch, code, lines, excs, &shape).map_err(|e| {
                let (kind, offset) = match e.location {
                    Location::Code => (K, field!(code_len)),
                    Location::Instruction(i) => (
                        SectionKind::Bytecode,
                        rec.code_off as usize + i as usize * 4,
                    ),
                    Location::LineEntry(i) => {
                        (SectionKind::Lines, rec.lines_off as usize + i as usize * 8)
                    }
                    Location::ExceptionEntry(i) => (
                        SectionKind::Exceptions,
                        rec.exc_off as usize + i as usize * 16,
                    ),
                };
                err(kind, offset, format!("{who}: {}", e.message))
            })?;
            if rec.positions != 0 {
                if !self.blobs.contains(rec.positions as u64) {
                    return Err(err(
                        K,
                        field!(positions),
                        format!("{who}: positions {} is not a blob record", rec.positions),
                    ));
                }
                let at = rec.positions as usize;
                let len = read_u32(self.bytes, at) as usize;
                let table = &self.bytes[at + RECORD_HEADER_LEN..at + RECORD_HEADER_LEN + len];
                crate::positions::validate(table, rec.firstlineno, rec.code_len)
                    .map_err(|m| err(K, field!(positions), format!("{who}: positions: {m}")))?;
            }
        }
        for (kind, cursor, _) in cursors {
            let section = self.sections[kind.index()];
            if cursor != section.end() {
                return Err(err(
                    kind,
                    cursor,
                    "bytes after the last code object's entries belong to no code object",
                ));
            }
        }
        if let Some(j) = owned.iter().position(|o| !o) {
            return Err(err(
                SectionKind::Consts,
                consts.off + j * SLOT_LEN,
                format!("constant slot {j} belongs to no code object or tuple"),
            ));
        }
        edge_start.push(edges.len() as u32);
        check_acyclic(&edges, &edge_start, codes.off)
    }

    /// Validates the module records; returns the number of present ones (absent records
    /// follow them).
    fn check_modules(&self) -> Result<u32, ImageError> {
        const K: SectionKind = SectionKind::Modules;
        let section = self.section(K);
        let codes = self.section(SectionKind::Codes).count as u32;
        let mut seen = HashSet::new();
        let mut present = 0;
        for i in 0..section.count {
            let at = section.off + i * MODULE_RECORD_LEN;
            let name = read_u32(self.bytes, at);
            let code = read_u32(self.bytes, at + 4);
            let file = read_u32(self.bytes, at + 8);
            let flags = read_u32(self.bytes, at + 12);
            if !self.strings.contains(name as u64) {
                return Err(err(
                    K,
                    at,
                    format!("module {i}: name is not a string record"),
                ));
            }
            // SAFETY: validated just above as a string record start.
            let name = unsafe { ImgStr::at(self.bytes, name) }.as_str();
            if name.is_empty() || name.split('.').any(str::is_empty) {
                return Err(err(K, at, format!("module {i}: invalid name {name:?}")));
            }
            if flags & !module_flags::ALL != 0
                || (flags >> module_flags::ORIGIN_SHIFT) & module_flags::ORIGIN_MASK == 3
            {
                return Err(err(
                    K,
                    at + 12,
                    format!("module {name:?}: undefined flags {flags:#x}"),
                ));
            }
            if flags & module_flags::ABSENT != 0 {
                if flags != module_flags::ABSENT || code != NO_INDEX || file != NO_INDEX {
                    return Err(err(
                        K,
                        at + 4,
                        format!("absent module {name:?}: code, file and other flags must be unset"),
                    ));
                }
            } else {
                if present != i {
                    return Err(err(
                        K,
                        at,
                        format!("module {name:?}: present modules must precede absent ones"),
                    ));
                }
                present += 1;
                if code >= codes {
                    return Err(err(
                        K,
                        at + 4,
                        format!(
                            "module {i}: code object {code} does not exist ({codes} in the image)"
                        ),
                    ));
                }
                if !self.strings.contains(file as u64) {
                    return Err(err(
                        K,
                        at + 8,
                        format!("module {i}: file is not a string record"),
                    ));
                }
            }
            if !seen.insert(name) {
                return Err(err(K, at, format!("module {name:?} appears twice")));
            }
        }
        if present == 0 {
            return Err(err(
                K,
                section.off,
                "no modules: an image needs a main module",
            ));
        }
        Ok(present as u32)
    }

    fn check_name_index(&self) -> Result<(), ImageError> {
        const K: SectionKind = SectionKind::NameIndex;
        let section = self.section(K);
        let cap = section.count;
        if cap == 0 {
            return Ok(());
        }
        if !cap.is_power_of_two() {
            return Err(err(
                K,
                section.off,
                format!("{cap} slots is not a power of two"),
            ));
        }
        let codes = self.section(SectionKind::Codes).count as u32;
        let slots: &[NameSlot] = cast(self.bytes, section.off, cap)
            .ok_or_else(|| err(K, section.off, "misaligned name index"))?;
        let Some(empty) = slots.iter().position(|s| s.key == EMPTY_KEY) else {
            return Err(err(
                K,
                section.off,
                "no empty slot: lookups of absent names would not end",
            ));
        };
        let mask = cap - 1;
        // Walk once around the table starting after an empty slot, tracking where the current
        // run of occupied slots began: a key is findable iff its home slot lies in that run
        // at or before the key's slot.
        let mut run_start = (empty + 1) & mask;
        for step in 1..=cap {
            let i = (empty + step) & mask;
            let at = section.off + i * 16;
            let slot = slots[i];
            if slot.key == EMPTY_KEY {
                if slot.hash != 0 || slot.code != 0 {
                    return Err(err(K, at, "empty slot with non-zero fields"));
                }
                run_start = (i + 1) & mask;
                continue;
            }
            if !self.strings.contains(slot.key as u64) {
                return Err(err(
                    K,
                    at + 8,
                    format!("slot {i}: key is not a string record"),
                ));
            }
            if slot.code >= codes {
                return Err(err(
                    K,
                    at + 12,
                    format!("slot {i}: code object {} does not exist", slot.code),
                ));
            }
            // SAFETY: validated just above as a string record start.
            let key = unsafe { ImgStr::at(self.bytes, slot.key) };
            if key.hash() != slot.hash {
                return Err(err(
                    K,
                    at,
                    format!("slot {i}: hash does not match key {key:?}"),
                ));
            }
            let home = slot.hash as usize & mask;
            if (i.wrapping_sub(home) & mask) > (i.wrapping_sub(run_start) & mask) {
                return Err(err(
                    K,
                    at,
                    format!("slot {i}: key {key:?} is not reachable from its home slot {home}"),
                ));
            }
        }
        Ok(())
    }
}

/// "code object 3 (f)", for messages; formatted only when one is needed.
struct WhoCode<'a>(usize, ImgStr<'a>);

impl fmt::Display for WhoCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code object {} ({})", self.0, self.1)
    }
}

/// Rejects a code object that contains itself through its constants (directly or not).
fn check_acyclic(edges: &[u32], edge_start: &[u32], codes_off: usize) -> Result<(), ImageError> {
    let count = edge_start.len().saturating_sub(1);
    let children = |node: usize| &edges[edge_start[node] as usize..edge_start[node + 1] as usize];
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; count];
    for root in 0..count {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = children(node).get(*next) {
                *next += 1;
                let child = child as usize;
                match state[child] {
                    0 => {
                        state[child] = 1;
                        stack.push((child, 0));
                    }
                    1 => {
                        return Err(err(
                            SectionKind::Codes,
                            codes_off + node * CODE_RECORD_LEN,
                            format!(
                                "code object {node} refers to code object {child}, which \
                                 contains it: a cycle"
                            ),
                        ))
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    Ok(())
}

/// Checksums are compared except in fuzzing builds, where they would stop nearly every
/// mutated input before the structural checks that the fuzzer is meant to exercise.
const CHECK_CHECKSUMS: bool = !cfg!(fuzzing);

/// Checks the header and the section table; returns the sections.
fn check_header(bytes: &[u8]) -> Result<[Section; SECTION_COUNT], ImageError> {
    const H: &str = "header";
    if bytes.len() < HEADER_LEN {
        if bytes.len() >= 8 && bytes[..8] != MAGIC {
            return Err(ImageError::new(H, 0, "not a permafrost image (bad magic)"));
        }
        return Err(ImageError::new(
            H,
            bytes.len(),
            format!(
                "truncated: {} bytes, shorter than the {HEADER_LEN}-byte header",
                bytes.len()
            ),
        ));
    }
    if !(bytes.as_ptr() as usize).is_multiple_of(8) {
        return Err(ImageError::new(
            H,
            0,
            "the image buffer is not 8-byte aligned (copy it with permafrost_image::aligned_copy)",
        ));
    }
    if bytes[hdr::MAGIC..hdr::MAGIC + 8] != MAGIC {
        let message = if bytes.starts_with(b"\x89PFI") || bytes.starts_with(b"PFI") {
            "bad magic: the file was mangled by a text-mode transfer (line endings or 8-bit bytes rewritten)"
        } else {
            "not a permafrost image (bad magic)"
        };
        return Err(ImageError::new(H, 0, message));
    }
    let version = read_u32(bytes, hdr::VERSION);
    if version != VERSION {
        return Err(ImageError::new(
            H,
            hdr::VERSION,
            format!("unsupported format version {version} (this build reads version {VERSION})"),
        ));
    }
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&bytes[..hdr::HEADER_CRC]);
    hasher.update(&[0; 4]);
    hasher.update(&bytes[hdr::HEADER_CRC + 4..HEADER_LEN]);
    if CHECK_CHECKSUMS && hasher.finalize() != read_u32(bytes, hdr::HEADER_CRC) {
        return Err(ImageError::new(
            H,
            hdr::HEADER_CRC,
            "header checksum mismatch",
        ));
    }
    let file_len = read_u64(bytes, hdr::FILE_LEN);
    if file_len > bytes.len() as u64 {
        return Err(ImageError::new(
            H,
            bytes.len(),
            format!(
                "truncated: the header says {file_len} bytes, {} are present",
                bytes.len()
            ),
        ));
    }
    if file_len < bytes.len() as u64 {
        return Err(ImageError::new(
            H,
            file_len as usize,
            format!(
                "{} trailing bytes after the image's end",
                bytes.len() as u64 - file_len
            ),
        ));
    }
    let flags = read_u32(bytes, hdr::FLAGS);
    if flags != 0 {
        return Err(ImageError::new(
            H,
            hdr::FLAGS,
            format!("unknown flags 0x{flags:x}"),
        ));
    }
    let count = read_u32(bytes, hdr::SECTION_COUNT);
    if count as usize != SECTION_COUNT {
        return Err(ImageError::new(
            H,
            hdr::SECTION_COUNT,
            format!("{count} sections, this version has {SECTION_COUNT}"),
        ));
    }
    if read_u32(bytes, hdr::RESERVED) != 0 {
        return Err(ImageError::new(H, hdr::RESERVED, "reserved field is not 0"));
    }
    if CHECK_CHECKSUMS && crc32fast::hash(&bytes[HEADER_LEN..]) != read_u32(bytes, hdr::PAYLOAD_CRC)
    {
        return Err(ImageError::new(
            H,
            hdr::PAYLOAD_CRC,
            "payload checksum mismatch: the image is corrupt",
        ));
    }

    const T: &str = "section table";
    let table_end = FIXED_HEADER_LEN + SECTION_COUNT * SECTION_ENTRY_LEN;
    if let Some(p) = bytes[table_end..HEADER_LEN].iter().position(|&b| b != 0) {
        return Err(ImageError::new(T, table_end + p, "non-zero padding"));
    }
    let mut sections = [Section::default(); SECTION_COUNT];
    let mut cursor = HEADER_LEN;
    for (i, kind) in SectionKind::ALL.iter().enumerate() {
        let at = FIXED_HEADER_LEN + i * SECTION_ENTRY_LEN;
        let got = read_u32(bytes, at);
        if got != *kind as u32 {
            return Err(ImageError::new(
                T,
                at,
                format!(
                    "entry {i} is kind {got}, expected {} ({})",
                    *kind as u32,
                    kind.name()
                ),
            ));
        }
        let count = read_u32(bytes, at + 4) as usize;
        let off = read_u32(bytes, at + 8) as usize;
        let len = read_u32(bytes, at + 12) as usize;
        if off != cursor {
            return Err(ImageError::new(
                T,
                at + 8,
                format!("{} section at {off}, expected {cursor}", kind.name()),
            ));
        }
        if len > bytes.len() - off {
            return Err(ImageError::new(
                T,
                at + 12,
                format!(
                    "{} section of {len} bytes runs past the file's end",
                    kind.name()
                ),
            ));
        }
        if let Some(elem) = kind.elem_size() {
            if count.checked_mul(elem) != Some(len) {
                return Err(ImageError::new(
                    T,
                    at + 4,
                    format!(
                        "{} section: {count} elements of {elem} bytes do not fill {len} bytes",
                        kind.name()
                    ),
                ));
            }
        }
        let end = off + len;
        let next = align_up(end, SECTION_ALIGN);
        if next > bytes.len() {
            return Err(ImageError::new(
                T,
                at + 12,
                "section padding runs past the file's end",
            ));
        }
        if let Some(p) = bytes[end..next].iter().position(|&b| b != 0) {
            return Err(ImageError::new(kind.name(), end + p, "non-zero padding"));
        }
        sections[i] = Section { off, len, count };
        cursor = next;
    }
    if cursor != bytes.len() {
        return Err(ImageError::new(
            T,
            cursor,
            format!("{} bytes after the last section", bytes.len() - cursor),
        ));
    }
    Ok(sections)
}
