//! The one error type of the crate: a Python exception kind and its message, both exactly as
//! CPython 3.11 would produce them. The interpreter turns it into a real exception object.

use std::fmt;

/// The built-in exception classes the crate's functions raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
    TypeError,
    IndexError,
    KeyError,
    MemoryError,
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

    /// The same kind with a `'static` lifetime, as [`LibError::kind`] holds it.
    fn as_static(self) -> &'static ErrorKind {
        match self {
            ErrorKind::ValueError => &ErrorKind::ValueError,
            ErrorKind::OverflowError => &ErrorKind::OverflowError,
            ErrorKind::ZeroDivisionError => &ErrorKind::ZeroDivisionError,
            ErrorKind::TypeError => &ErrorKind::TypeError,
            ErrorKind::IndexError => &ErrorKind::IndexError,
            ErrorKind::KeyError => &ErrorKind::KeyError,
            ErrorKind::MemoryError => &ErrorKind::MemoryError,
            ErrorKind::UnicodeDecodeError => &ErrorKind::UnicodeDecodeError,
        }
    }
}

/// A kind reads as its name wherever a `&str` is expected, so callers that look exception
/// classes up by name can pass [`LibError::kind`] directly.
impl std::ops::Deref for ErrorKind {
    type Target = str;
    fn deref(&self) -> &str {
        self.name()
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
    /// A `'static` reference so that it coerces to the exception's name (`&str`).
    pub kind: &'static ErrorKind,
    pub message: String,
}

/// The result type of every fallible function in the crate.
pub type LibResult<T> = Result<T, LibError>;

impl LibError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> LibError {
        LibError {
            kind: kind.as_static(),
            message: message.into(),
        }
    }
    pub fn value(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::ValueError, message)
    }
    pub fn overflow(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::OverflowError, message)
    }
    pub fn zero_division(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::ZeroDivisionError, message)
    }
    pub fn type_error(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::TypeError, message)
    }
    pub fn index(message: impl Into<String>) -> LibError {
        LibError::new(ErrorKind::IndexError, message)
    }
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
        let name: &str = err.kind;
        assert_eq!(name, "ValueError");
        assert_eq!(*err.kind, ErrorKind::ValueError);
        assert_eq!(err.to_string(), "ValueError: bad");
        assert_eq!(LibError::memory().to_string(), "MemoryError");
    }
}
