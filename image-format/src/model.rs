//! The owned, in-memory form of an image: what the compiler builds and the writer serialises.
//! The reader never produces these; it hands out zero-copy views instead (see `reader`).

pub use crate::positions::Position;

/// One code object with every field of CPython's `__code__` (plus our exception table).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the unqualified name (`f`, `Cart`, `<module>`, `<lambda>`, ...).
    pub name: String,
    /// `co_qualname`: the dotted path from the module's top level, e.g. `Cart.total`.
    pub qualname: String,
    /// `co_filename`: the source file the code was compiled from.
    pub filename: String,
    /// `co_firstlineno`: line where the definition starts (its first decorator, if any); 1
    /// for a module.
    pub firstlineno: u32,
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub argcount: u32,
    /// `co_posonlyargcount`: positional-only parameters (at most `argcount`).
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`: keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags`, with CPython's bit values (see `opcode::flags`).
    pub flags: u32,
    /// Maximum value-stack depth; the verifier re-derives it and rejects a smaller claim.
    pub stacksize: u32,
    /// `co_consts`: the constants that `LOAD_CONST` indexes.
    pub consts: Vec<Constant>,
    /// `co_names`: global, attribute and import names that name instructions index.
    pub names: Vec<String>,
    /// Arguments first (positional-only, positional-or-keyword, keyword-only, `*args`,
    /// `**kwargs`), then the other locals: CPython's order.
    pub varnames: Vec<String>,
    /// `co_freevars`: variables captured from enclosing functions' cells.
    pub freevars: Vec<String>,
    /// `co_cellvars`: locals of this code that inner functions capture, kept in cells.
    pub cellvars: Vec<String>,
    /// Encoded instruction words (see `opcode::encode`).
    pub code: Vec<u32>,
    /// Source line of each run of instructions, sorted by `start`.
    pub linetable: Vec<LineEntry>,
    /// Exception handlers: sorted by `start`, non-overlapping (innermost handler wins, so the
    /// compiler flattens nested regions).
    pub exceptiontable: Vec<ExceptionEntry>,
    /// The source span of each instruction (`co_positions()`), one per instruction of
    /// `code`, or empty when unknown.
    pub positions: Vec<Position>,
}

/// Instructions from `start` (an instruction index) up to the next entry come from `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct LineEntry {
    /// Index of the first instruction of the run.
    pub start: u32,
    /// 1-based source line of the run.
    pub line: u32,
}

/// An exception raised by an instruction in `start..end` (instruction indices) truncates the
/// value stack to `depth`, pushes the exception, and continues at `handler`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct ExceptionEntry {
    /// First covered instruction index.
    pub start: u32,
    /// Instruction index one past the last covered instruction.
    pub end: u32,
    /// Instruction index where the handler starts.
    pub handler: u32,
    /// Value-stack depth kept when the handler is entered (before the exception is pushed).
    pub depth: u32,
}

/// Appended to the main module's name for its second copy, compiled when the program imports
/// the main module by name: run as a script, `import main` executes `main.py` again as a
/// module distinct from `__main__`, as CPython does.
pub const IMPORTED_MAIN_SUFFIX: &str = ":imported";

/// A constant of `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// Python's `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// Any other int: sign and magnitude, little-endian base-256 digits, no trailing zeros.
    BigInt {
        /// Whether the int is below zero.
        negative: bool,
        /// Absolute value, little-endian base-256 digits, no high zero byte.
        magnitude_le: Vec<u8>,
    },
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `bytes` literal.
    Bytes(Vec<u8>),
    /// A tuple of constants (possibly nested).
    Tuple(Vec<Constant>),
    /// A code object of the image, by index into [`ImageBuilder::codes`].
    Code(u32),
    /// Python's `...`.
    Ellipsis,
    /// A `complex`: real and imaginary parts.
    Complex(f64, f64),
    /// A `str` holding a lone surrogate, as wide bytes (`crate::wide`).
    WideStr(Vec<u8>),
}

/// Where a module's source was found when freezing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// The program's own files: those named on the command line and the main directory.
    #[default]
    App,
    /// A `--path` directory.
    Path,
    /// CPython's standard library directory.
    Stdlib,
}

impl Origin {
    /// The two origin bits of a module record.
    pub fn bits(self) -> u32 {
        match self {
            Origin::App => 0,
            Origin::Path => 1,
            Origin::Stdlib => 2,
        }
    }
    /// The origin with these two bits (3 is not one).
    pub fn from_bits(bits: u32) -> Option<Origin> {
        match bits {
            0 => Some(Origin::App),
            1 => Some(Origin::Path),
            2 => Some(Origin::Stdlib),
            _ => None,
        }
    }
    /// `app`, `path` or `stdlib`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::App => "app",
            Origin::Path => "path",
            Origin::Stdlib => "stdlib",
        }
    }
}

/// A module: its dotted name, its top-level code object, and where it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    /// Module name as `import` refers to it (`pkg.sub`; a lone file's stem).
    pub name: String,
    /// Index into [`ImageBuilder::codes`] of the module's top-level code.
    pub code: u32,
    /// The source path at freeze time (`__file__`).
    pub file: String,
    /// Whether the module is a package (an `__init__.py`; it gets `__path__`).
    pub package: bool,
    /// Where the source was found.
    pub origin: Origin,
    /// The module's source text, kept for tracebacks and `linecache` (`None`: not stored).
    pub source: Option<String>,
}

/// Everything that goes into one image. The first module is the main module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageBuilder {
    /// Every code object of the image; [`Constant::Code`] and [`Module::code`] index it.
    pub codes: Vec<CodeObject>,
    /// The modules, the main module first.
    pub modules: Vec<Module>,
    /// Modules that standard-library code imports but that were not found: importing one
    /// raises `ModuleNotFoundError` at run time, as in CPython without that module.
    pub absent: Vec<String>,
}

impl ImageBuilder {
    /// Adds a code object and returns its index (for `Constant::Code` and `Module::code`).
    pub fn add_code(&mut self, code: CodeObject) -> u32 {
        self.codes.push(code);
        (self.codes.len() - 1) as u32
    }
}
