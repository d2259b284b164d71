//! The byte layout of an image: header fields, section kinds, record shapes and limits. The
//! writer and the reader both take every number from here; `docs/image-format.md` is the
//! prose version of this file.

/// First eight bytes of every image. The high-bit first byte catches 7-bit transports, the
/// `\r\n` catches CRLF translation and `\x1a` stops `type` on DOS, as in PNG.
pub const MAGIC: [u8; 8] = *b"\x89PFI\r\n\x1a\n";
/// Format version; bumped on any incompatible change.
pub const VERSION: u32 = 1;
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
    pub const MAGIC: usize = 0;
    pub const VERSION: usize = 8;
    pub const FLAGS: usize = 12;
    pub const FILE_LEN: usize = 16;
    pub const HEADER_CRC: usize = 24;
    pub const PAYLOAD_CRC: usize = 28;
    pub const SECTION_COUNT: usize = 32;
    pub const RESERVED: usize = 36;
}

/// The sections, in file order. The value is the kind stored in the section table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum SectionKind {
    Strings = 1,
    Blobs = 2,
    Consts = 3,
    StrRefs = 4,
    Bytecode = 5,
    Lines = 6,
    Exceptions = 7,
    Codes = 8,
    Modules = 9,
    NameIndex = 10,
}

impl SectionKind {
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
            SectionKind::Modules => Some(8),
            SectionKind::NameIndex => Some(16),
        }
    }

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
    pub const NONE: u32 = 0;
    pub const BOOL: u32 = 1;
    pub const INT: u32 = 2;
    pub const BIGINT: u32 = 3;
    pub const FLOAT: u32 = 4;
    pub const STR: u32 = 5;
    pub const BYTES: u32 = 6;
    pub const TUPLE: u32 = 7;
    pub const CODE: u32 = 8;
    pub const ELLIPSIS: u32 = 9;
}

/// One constant slot, read in place.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct Slot {
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
    pub name: u32,
    pub qualname: u32,
    pub filename: u32,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub consts_off: u32,
    pub consts_len: u32,
    pub names_off: u32,
    pub names_len: u32,
    pub varnames_off: u32,
    pub varnames_len: u32,
    pub freevars_off: u32,
    pub freevars_len: u32,
    pub cellvars_off: u32,
    pub cellvars_len: u32,
    pub code_off: u32,
    pub code_len: u32,
    pub lines_off: u32,
    pub lines_len: u32,
    pub exc_off: u32,
    pub exc_len: u32,
    pub reserved: [u32; 3],
}

/// Bytes of one [`CodeRecord`].
pub const CODE_RECORD_LEN: usize = 112;
const _: () = assert!(std::mem::size_of::<CodeRecord>() == CODE_RECORD_LEN);

/// One module entry: name (string record offset) and top-level code index.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct ModuleRecord {
    pub name: u32,
    pub code: u32,
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
