//! The owned, in-memory form of an image: what the compiler builds and the writer serialises.
//! The reader never produces these; it hands out zero-copy views instead (see `reader`).

/// One code object with every field of CPython's `__code__` (plus our exception table).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `co_flags`, with CPython's bit values (see `opcode::flags`).
    pub flags: u32,
    /// Maximum value-stack depth; the verifier re-derives it and rejects a smaller claim.
    pub stacksize: u32,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    /// Arguments first (positional-only, positional-or-keyword, keyword-only, `*args`,
    /// `**kwargs`), then the other locals: CPython's order.
    pub varnames: Vec<String>,
    pub freevars: Vec<String>,
    pub cellvars: Vec<String>,
    /// Encoded instruction words (see `opcode::encode`).
    pub code: Vec<u32>,
    /// Source line of each run of instructions, sorted by `start`.
    pub linetable: Vec<LineEntry>,
    /// Exception handlers: sorted by `start`, non-overlapping (innermost handler wins, so the
    /// compiler flattens nested regions).
    pub exceptiontable: Vec<ExceptionEntry>,
}

/// Instructions from `start` (an instruction index) up to the next entry come from `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct LineEntry {
    pub start: u32,
    pub line: u32,
}

/// An exception raised by an instruction in `start..end` (instruction indices) truncates the
/// value stack to `depth`, pushes the exception, and continues at `handler`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// A constant of `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// Any other int: sign and magnitude, little-endian base-256 digits, no trailing zeros.
    BigInt {
        negative: bool,
        magnitude_le: Vec<u8>,
    },
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A code object of the image, by index into [`ImageBuilder::codes`].
    Code(u32),
    /// Python's `...`.
    Ellipsis,
}

/// A module: its name (the file stem) and the index of its top-level code object.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub name: String,
    pub code: u32,
}

/// Everything that goes into one image. The first module is the main module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageBuilder {
    pub codes: Vec<CodeObject>,
    pub modules: Vec<Module>,
}

impl ImageBuilder {
    /// Adds a code object and returns its index (for `Constant::Code` and `Module::code`).
    pub fn add_code(&mut self, code: CodeObject) -> u32 {
        self.codes.push(code);
        (self.codes.len() - 1) as u32
    }
}
