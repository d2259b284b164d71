//! The one error type of the crate: a Python exception kind and its message, both exactly as
//! CPython 3.11 would produce them. The interpreter turns it into a real exception object.

use std::fmt;

/// The built-in exception classes the crate's functions raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `ValueError`.
    ValueError,
    /// `OverflowError`.
    OverflowError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `TypeError`.
    TypeError,
    /// `IndexError`.
    IndexError,
    /// `KeyError`.
    KeyError,
    /// `MemoryError`.
    MemoryError,
    /// `UnicodeDecodeError`.
    UnicodeDecodeError,
}

impl ErrorKind {
    /// The exception class's name, e.g. `"ValueError"`.
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Python exception raised by one of the crate's functions: its kind and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The exception's message (empty for an exception raised without arguments).
    pub message: String,
}

/// The result type of every fallible function in the crate.
pub type LibResult<T> = Result<T, LibError>;

impl LibError {
    /// An exception of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> LibError {
        LibError {
            kind,
            message: message.into(),
        }
    }
    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::ValueError, message)
    }
    /// An `OverflowError`.
    pub fn overflow(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::OverflowError, message)
    }
    /// A `ZeroDivisionError`.
    pub fn zero_division(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::ZeroDivisionError, message)
    }
    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::TypeError, message)
    }
    /// An `IndexError`.
    pub fn index(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::IndexError, message)
    }
    /// A `MemoryError` with no message.
    pub fn memory() -> LibError {
        LibError::new(ErrorKind::MemoryError, "")
    }
}

impl fmt::Display for LibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for LibError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_as_their_names() {
        let err = LibError::value("bad");
        assert_eq!(err.kind.name(), "ValueError");
        assert_eq!(err.kind, ErrorKind::ValueError);
        assert_eq!(err.to_string(), "ValueError: bad");
        assert_eq!(LibError::memory().to_string(), "MemoryError");
    }
}
