// Syntax errors of the front end: Python's class name, message, span and a plain-words label.

use super::ast::Span;
use std::fmt;

/// Which Python exception class the error is reported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// A tree too deep to compile (CPython raises RecursionError while compiling).
    Recursion,
}

impl SyntaxErrorKind {
    /// The Python class name: `SyntaxError`, `IndentationError`, `TabError` or
    /// `RecursionError`.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
            SyntaxErrorKind::Recursion => "RecursionError",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's wording where CPython has one.
    pub message: String,
    /// Byte span in the original source.
    pub span: Span,
    /// What was expected at that spot, in plain words.
    pub label: String,
}

impl SyntaxError {
    pub fn new(
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Self {
        SyntaxError {
            kind,
            message: message.into(),
            span,
            label: label.into(),
        }
    }

    /// Whether the error is a nesting bound (brackets or a tree too deep), as opposed
    /// to a mistake in the text.
    pub fn is_too_deep(&self) -> bool {
        self.kind == SyntaxErrorKind::Recursion || self.message == TOO_MANY_BRACKETS
    }

    /// A plain `SyntaxError`.
    pub fn syntax(message: impl Into<String>, span: Span, label: impl Into<String>) -> Self {
        SyntaxError::new(SyntaxErrorKind::Syntax, message, span, label)
    }
}

/// CPython's message for brackets nested past its limit.
pub const TOO_MANY_BRACKETS: &str = "too many nested parentheses";

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// 1-based line number of byte offset `pos` in `source`.
pub fn line_of(source: &str, pos: usize) -> usize {
    let pos = pos.min(source.len());
    source.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
