// Error reports: ariadne rendering of syntax errors and of any source snippet.

use crate::syntax::ast::Span;
use crate::syntax::error::SyntaxError;
use ariadne::{Color, Config, Label, Report, ReportKind, Source};

/// 1-based line and column (in characters) of byte offset `pos`.
pub fn line_col(source: &str, pos: usize) -> (usize, usize) {
    let pos = floor_char_boundary(source, pos.min(source.len()));
    let before = &source[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Character range for ariadne, which counts characters, not bytes.
fn char_range(source: &str, span: Span) -> std::ops::Range<usize> {
    let start = floor_char_boundary(source, (span.start as usize).min(source.len()));
    let end = floor_char_boundary(source, (span.end as usize).min(source.len())).max(start);
    let cs = source[..start].chars().count();
    let ce = cs + source[start..end].chars().count();
    // An empty span (end of file) still gets a visible mark.
    cs..ce.max(cs + 1)
}

/// Renders a one-screen report: `header` line, `path:line:col`, the source line and the
/// span underlined with `label`. Shared by syntax errors and runtime tracebacks.
pub fn render_snippet(
    path: &str,
    source: &str,
    span: Span,
    message: &str,
    label: &str,
    color: bool,
) -> String {
    let (line, col) = line_col(source, span.start as usize);
    let range = char_range(source, span);
    let mut out = Vec::new();
    let start = range.start;
    let mut mark = Label::new((path, range)).with_message(label);
    if color {
        mark = mark.with_color(Color::Red);
    }
    // A Python-style `ClassName: text` header shows the class where ariadne puts "Error".
    let (kind, text) = match message.split_once(": ") {
        Some((class, text)) if !class.is_empty() && !class.contains(' ') => (class, text),
        _ => ("Error", message),
    };
    let report = Report::build(ReportKind::Custom(kind, Color::Red), path, start)
        .with_config(Config::default().with_color(color))
        .with_message(format!("{text}\n  --> {path}:{line}:{col}"))
        .with_label(mark)
        .finish();
    // Rendering only fails if the writer fails, and a Vec never does.
    let _ = report.write((path, Source::from(source)), &mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    if color {
        text
    } else {
        // ariadne colours a custom report kind even with colour off.
        strip_ansi(&text)
    }
}

/// Removes `ESC [ ... m` colour sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders a syntax error with Python's class name and message in the header.
pub fn render_syntax_error(path: &str, source: &str, err: &SyntaxError, color: bool) -> String {
    let message = format!("{}: {}", err.kind.name(), err.message);
    render_snippet(path, source, err.span, &message, &err.label, color)
}
