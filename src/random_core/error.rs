// The Python exceptions raised by the `random` algorithms, carried as plain data.

use std::fmt;

/// An exception CPython's `random` module would raise, with its exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RandomError {
    /// `ValueError(message)`.
    Value(String),
    /// `TypeError(message)`.
    Type(String),
    /// `IndexError(message)`.
    Index(String),
    /// `ZeroDivisionError(message)`.
    ZeroDivision(String),
    /// `OverflowError(message)`.
    Overflow(String),
}

impl RandomError {
    pub(crate) fn value(msg: impl Into<String>) -> Self {
        RandomError::Value(msg.into())
    }

    pub(crate) fn type_error(msg: impl Into<String>) -> Self {
        RandomError::Type(msg.into())
    }

    pub(crate) fn index(msg: impl Into<String>) -> Self {
        RandomError::Index(msg.into())
    }

    pub(crate) fn zero_division(msg: impl Into<String>) -> Self {
        RandomError::ZeroDivision(msg.into())
    }

    pub(crate) fn overflow(msg: impl Into<String>) -> Self {
        RandomError::Overflow(msg.into())
    }

    /// The Python exception class name, e.g. "ValueError".
    pub fn kind(&self) -> &'static str {
        match self {
            RandomError::Value(_) => "ValueError",
            RandomError::Type(_) => "TypeError",
            RandomError::Index(_) => "IndexError",
            RandomError::ZeroDivision(_) => "ZeroDivisionError",
            RandomError::Overflow(_) => "OverflowError",
        }
    }

    /// The exception message, as `str(exc)` shows it.
    pub fn message(&self) -> &str {
        match self {
            RandomError::Value(m)
            | RandomError::Type(m)
            | RandomError::Index(m)
            | RandomError::ZeroDivision(m)
            | RandomError::Overflow(m) => m,
        }
    }
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind(), self.message())
    }
}

impl std::error::Error for RandomError {}
