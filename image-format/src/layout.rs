//! The byte layout of an image: header fields, section kinds, record shapes and limits. The
//! writer and the reader both take every number from here; `docs/image-format.md` is the
//! prose version of this file.

/// First eight bytes of every image. The high-bit first byte catches 7-bit transports, the
/// `\r\n` catches CRLF translation and `\x1a` stops `type` on DOS, as in PNG.
pub const MAGIC: [u8; 8] = *b"\x89PFI\r\n\x1a\n";
/// Format version; bumped on any incompatible change.
pub const VERSION: u32 = 5;
/// Every section starts at a multiple of this.
pub const SECTION_ALIGN: usize = 16;
/// Number of sections; every image has all of them, in [`SectionKind`] order.
pub const SECTION_COUNT: usize = 10;
/// Bytes of the fixed header before the section table.
pub const FIXED_HEADER_LEN: usize = 40;
/// Bytes of one section-table entry.
pub const SECTION_ENTRY_LEN: usize = 16;
/// Header plus section table, padded to [`SECTION_ALIGN`]: where the first section starts.
pub const HEADER_LEN: usize = 208;
const _: () = assert!(FIXED_HEADER_LEN + SECTION_COUNT * SECTION_ENTRY_LEN <= HEADER_LEN);
const _: () = assert!(HEADER_LEN.is_multiple_of(SECTION_ALIGN));

/// Header field offsets.
pub mod hdr {
    /// [`MAGIC`](super::MAGIC), 8 bytes.
    pub const MAGIC: usize = 0;
    /// Format version, `u32`; must equal [`VERSION`](super::VERSION).
    pub const VERSION: usize = 8;
    /// Flags, `u32`; none are defined, so it must be 0.
    pub const FLAGS: usize = 12;
    /// Total length of the image in bytes, `u64`.
    pub const FILE_LEN: usize = 16;
    /// CRC-32 of the header bytes `0..HEADER_LEN` with this field taken as zero, `u32`.
    pub const HEADER_CRC: usize = 24;
    /// CRC-32 of the bytes `HEADER_LEN..file_len`, `u32`.
    pub const PAYLOAD_CRC: usize = 28;
    /// Number of section-table entries, `u32`; must equal [`SECTION_COUNT`](super::SECTION_COUNT).
    pub const SECTION_COUNT: usize = 32;
    /// Reserved `u32`, must be 0.
    pub const RESERVED: usize = 36;
}

/// The sections, in file order. The value is the kind stored in the section table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum SectionKind {
    /// String records: UTF-8 text with its code-point count and hash.
    Strings = 1,
    /// Blob records: `bytes` constants and big-int magnitudes.
    Blobs = 2,
    /// Constant slots ([`Slot`]).
    Consts = 3,
    /// String lists (`co_names`, `co_varnames`, ...): `u32` string-record offsets.
    StrRefs = 4,
    /// Instruction words, `u32` each.
    Bytecode = 5,
    /// Line-table entries (`start u32, line u32`).
    Lines = 6,
    /// Exception-table entries (`start, end, handler, depth`, `u32` each).
    Exceptions = 7,
    /// Code-object records ([`CodeRecord`]).
    Codes = 8,
    /// Module records ([`ModuleRecord`]).
    Modules = 9,
    /// The qualname-to-code hash table ([`NameSlot`]s).
    NameIndex = 10,
}

impl SectionKind {
    /// Every section kind, in file (and section-table) order.
    pub const ALL: [SectionKind; SECTION_COUNT] = [
        SectionKind::Strings,
        SectionKind::Blobs,
        SectionKind::Consts,
        SectionKind::StrRefs,
        SectionKind::Bytecode,
        SectionKind::Lines,
        SectionKind::Exceptions,
        SectionKind::Codes,
        SectionKind::Modules,
        SectionKind::NameIndex,
    ];

    /// The name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Strings => "strings",
            SectionKind::Blobs => "blobs",
            SectionKind::Consts => "constants",
            SectionKind::StrRefs => "string lists",
            SectionKind::Bytecode => "bytecode",
            SectionKind::Lines => "line table",
            SectionKind::Exceptions => "exception table",
            SectionKind::Codes => "code objects",
            SectionKind::Modules => "modules",
            SectionKind::NameIndex => "name index",
        }
    }

    /// Size of one element for fixed-size sections; `None` for the record sections.
    pub fn elem_size(self) -> Option<usize> {
        match self {
            SectionKind::Strings | SectionKind::Blobs => None,
            SectionKind::Consts => Some(SLOT_LEN),
            SectionKind::StrRefs | SectionKind::Bytecode => Some(4),
            SectionKind::Lines => Some(8),
            SectionKind::Exceptions => Some(16),
            SectionKind::Codes => Some(CODE_RECORD_LEN),
            SectionKind::Modules => Some(MODULE_RECORD_LEN),
            SectionKind::NameIndex => Some(16),
        }
    }

    /// Position of this section's entry in the section table (its kind minus one).
    pub fn index(self) -> usize {
        self as usize - 1
    }
}

/// Bytes of a string or blob record header: `byte_len u32, char_len u32, hash u64`.
pub const RECORD_HEADER_LEN: usize = 16;
/// String and blob records start at multiples of this.
pub const RECORD_ALIGN: usize = 8;

/// Bytes of one constant slot: `tag u32, aux u32, payload u64`.
pub const SLOT_LEN: usize = 16;

/// Constant slot tags.
pub mod tag {
    /// `None`; aux and payload 0.
    pub const NONE: u32 = 0;
    /// `bool`; payload 0 or 1.
    pub const BOOL: u32 = 1;
    /// An `int` that fits in 64 bits; payload is the `i64`.
    pub const INT: u32 = 2;
    /// Any other `int`; aux 1 if negative, payload the offset of the magnitude's blob.
    pub const BIGINT: u32 = 3;
    /// `float`; payload is the IEEE-754 bits.
    pub const FLOAT: u32 = 4;
    /// `str`; payload is the offset of a string record.
    pub const STR: u32 = 5;
    /// `bytes`; payload is the offset of a blob record.
    pub const BYTES: u32 = 6;
    /// `tuple`; aux is the item count, payload the offset of the first item slot.
    pub const TUPLE: u32 = 7;
    /// A code object; payload is its index in the code-objects section.
    pub const CODE: u32 = 8;
    /// `Ellipsis`; aux and payload 0.
    pub const ELLIPSIS: u32 = 9;
    /// `complex`; payload is the offset of a 16-byte blob record: the real then the
    /// imaginary part's IEEE-754 bits, little-endian.
    pub const COMPLEX: u32 = 10;
    /// A `str` holding a lone surrogate; payload is the offset of a blob record of its wide
    /// bytes (`crate::wide`).
    pub const WIDE_STR: u32 = 11;
}

/// One constant slot, read in place.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct Slot {
    /// What the slot holds: one of the [`tag`] constants.
    pub tag: u32,
    /// BigInt: 1 when negative; Tuple: item count; otherwise 0.
    pub aux: u32,
    /// Bool: 0/1; Int: the i64; Float: the f64 bits; Str/Bytes/BigInt: file offset of the
    /// record; Tuple: file offset of the first item slot; Code: code index.
    pub payload: u64,
}

/// One code object, read in place. Every `*_off` is a byte offset from the start of the file
/// into the section that holds the list; every `*_len` counts elements.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct CodeRecord {
    /// File offset of the `co_name` string record.
    pub name: u32,
    /// File offset of the `co_qualname` string record.
    pub qualname: u32,
    /// File offset of the `co_filename` string record.
    pub filename: u32,
    /// `co_firstlineno`: line of the first source line.
    pub firstlineno: u32,
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub argcount: u32,
    /// `co_posonlyargcount`: positional-only parameters (at most `argcount`).
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`: keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags`, with CPython's bit values (see `opcode::flags`).
    pub flags: u32,
    /// `co_stacksize`: maximum value-stack depth, at most [`MAX_STACKSIZE`].
    pub stacksize: u32,
    /// Offset of the first `co_consts` slot in the constants section.
    pub consts_off: u32,
    /// Number of `co_consts` slots.
    pub consts_len: u32,
    /// Offset of `co_names` in the string-lists section.
    pub names_off: u32,
    /// Number of `co_names` entries.
    pub names_len: u32,
    /// Offset of `co_varnames` in the string-lists section (right after `co_names`).
    pub varnames_off: u32,
    /// Number of `co_varnames` entries.
    pub varnames_len: u32,
    /// Offset of `co_freevars` in the string-lists section (right after `co_varnames`).
    pub freevars_off: u32,
    /// Number of `co_freevars` entries.
    pub freevars_len: u32,
    /// Offset of `co_cellvars` in the string-lists section (right after `co_freevars`).
    pub cellvars_off: u32,
    /// Number of `co_cellvars` entries.
    pub cellvars_len: u32,
    /// Offset of the first instruction word in the bytecode section.
    pub code_off: u32,
    /// Number of instruction words.
    pub code_len: u32,
    /// Offset of the first entry in the line-table section.
    pub lines_off: u32,
    /// Number of line-table entries.
    pub lines_len: u32,
    /// Offset of the first entry in the exception-table section.
    pub exc_off: u32,
    /// Number of exception-table entries.
    pub exc_len: u32,
    /// File offset of the position table's blob record (see [`crate::positions`]), or 0
    /// when the code has none.
    pub positions: u32,
    /// File offset of the string record of the source text of the code's file, or 0 when
    /// not stored.
    pub source: u32,
    /// Padding to [`CODE_RECORD_LEN`]; must be zero.
    pub reserved: u32,
}

/// Bytes of one [`CodeRecord`].
pub const CODE_RECORD_LEN: usize = 112;
const _: () = assert!(std::mem::size_of::<CodeRecord>() == CODE_RECORD_LEN);

/// One module entry: name, top-level code, source file and flags (see [`module_flags`]).
/// An absent module (imported by the stdlib, not found at freeze time) has `code` and `file`
/// set to [`NO_INDEX`]; absent records follow every present one.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct ModuleRecord {
    /// File offset of the module name's string record.
    pub name: u32,
    /// Index of the module's top-level code object, or [`NO_INDEX`] when absent.
    pub code: u32,
    /// File offset of the source path's string record, or [`NO_INDEX`] when absent.
    pub file: u32,
    /// [`module_flags`] bits.
    pub flags: u32,
}

/// Bytes of one [`ModuleRecord`].
pub const MODULE_RECORD_LEN: usize = 16;
const _: () = assert!(std::mem::size_of::<ModuleRecord>() == MODULE_RECORD_LEN);

/// `code`/`file` of an absent module record.
pub const NO_INDEX: u32 = u32::MAX;

/// Bits of [`ModuleRecord::flags`].
pub mod module_flags {
    /// The module is a package (its file is an `__init__.py`).
    pub const PACKAGE: u32 = 1;
    /// Imported by the stdlib but not found when freezing: importing it raises
    /// `ModuleNotFoundError`.
    pub const ABSENT: u32 = 2;
    /// Where the source came from: bits 2..4, one of the `ORIGIN_*` values.
    pub const ORIGIN_SHIFT: u32 = 2;
    /// Mask of the origin bits (after shifting).
    pub const ORIGIN_MASK: u32 = 3;
    /// Every defined bit.
    pub const ALL: u32 = PACKAGE | ABSENT | (ORIGIN_MASK << ORIGIN_SHIFT);
}

/// One slot of the name index (open addressing, linear probing).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct NameSlot {
    /// `str_hash` of the key.
    pub hash: u64,
    /// File offset of the key's string record, or [`EMPTY_KEY`].
    pub key: u32,
    /// Code index.
    pub code: u32,
}

/// Key of an empty name-index slot.
pub const EMPTY_KEY: u32 = u32::MAX;

/// Deepest nesting of tuple constants accepted.
pub const MAX_CONST_DEPTH: u32 = 64;
/// Largest `co_stacksize` accepted (the interpreter allocates this many slots per frame).
pub const MAX_STACKSIZE: u32 = 1 << 20;
/// Largest image (offsets are 32-bit).
pub const MAX_FILE_LEN: usize = u32::MAX as usize;

/// Rounds `n` up to a multiple of `align` (a power of two).
pub const fn align_up(n: usize, align: usize) -> usize {
    (n + align - 1) & !(align - 1)
}
