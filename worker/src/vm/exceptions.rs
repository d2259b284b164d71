//! The built-in exception classes: one table of (name, base) indexed by [`ExcKind`], so the
//! interpreter raises `ExcKind::TypeError` and can never misspell a class into another one.
//! `Vm::new` creates the classes in table order (every base before its subclasses).

macro_rules! exceptions {
    ($root:ident; $($kind:ident : $base:ident,)*) => {
        /// A built-in exception class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum ExcKind { $root, $($kind,)* }

        impl ExcKind {
            /// Every class, each base before its subclasses.
            pub(crate) const ALL: &'static [ExcKind] = &[ExcKind::$root, $(ExcKind::$kind,)*];

            /// The class's `__name__`.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    ExcKind::$root => stringify!($root),
                    $(ExcKind::$kind => stringify!($kind),)*
                }
            }

            /// The class's base (`None` for the root, whose base is `object`).
            pub(crate) fn base(self) -> Option<ExcKind> {
                match self {
                    ExcKind::$root => None,
                    $(ExcKind::$kind => Some(ExcKind::$base),)*
                }
            }
        }
    };
}

exceptions! {
    BaseException;
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    BaseExceptionGroup: BaseException,
    Exception: BaseException,
    ExceptionGroup: BaseExceptionGroup,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    PermissionError: OSError,
    TimeoutError: OSError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    ProcessLookupError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    RuntimeWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

#[cfg(test)]
mod tests {
    use super::ExcKind;

    #[test]
    fn every_base_comes_before_its_subclasses() {
        for (i, k) in ExcKind::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i, "{k:?} is out of place");
            if let Some(b) = k.base() {
                assert!((b as usize) < i, "{k:?} precedes its base {b:?}");
            }
        }
    }
}
