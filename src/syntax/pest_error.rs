// Turns a pest failure into a SyntaxError with CPython's wording and a plain-words label.

use super::ast::Span;
use super::error::{line_of, SyntaxError, SyntaxErrorKind};
use super::layout::{Layout, DEDENT, INDENT};
use super::parser::{Failure, Rule};
use pest::error::{ErrorVariant, InputLocation};

/// Where in the layout text the grammar failed.
pub(crate) fn position(err: &pest::error::Error<Rule>) -> usize {
    match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// The SyntaxError for a failed parse of `layout.text`.
pub(crate) fn explain(layout: &Layout, source: &str, failure: Failure) -> SyntaxError {
    let err = match failure {
        Failure::Build(e) => return e,
        Failure::Grammar(e) => e,
    };
    let p = position(&err);
    let positives = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    Explainer {
        layout,
        source,
        t: layout.text.as_bytes(),
        p,
        positives,
    }
    .explain()
}

struct Explainer<'a> {
    layout: &'a Layout,
    source: &'a str,
    t: &'a [u8],
    p: usize,
    positives: Vec<Rule>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\x0c' | INDENT | DEDENT)
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

impl Explainer<'_> {
    fn at(&self, i: usize) -> u8 {
        self.t.get(i).copied().unwrap_or(b'\n')
    }

    fn expects(&self, r: Rule) -> bool {
        self.positives.contains(&r)
    }

    /// Source span of transformed `[s, e)`.
    fn span(&self, s: usize, e: usize) -> Span {
        let a = self.layout.source_offset(s);
        let b = self.layout.source_offset(e).max(a + 1);
        Span::new(a, b.min(self.source.len().max(a + 1)))
    }

    /// End of the token starting at `i`.
    fn token_end(&self, i: usize) -> usize {
        let c = self.at(i);
        if is_word(c) {
            let mut j = i;
            while j < self.t.len() && is_word(self.t[j]) {
                j += 1;
            }
            return j;
        }
        for op in [
            "**=", "//=", ">>=", "<<=", ":=", "==", "!=", "<=", ">=", "->", "**", "//", "+=", "-=",
            "*=", "/=",
        ] {
            if self.t[i.min(self.t.len())..].starts_with(op.as_bytes()) {
                return i + op.len();
            }
        }
        i + 1
    }

    /// First token of the logical line holding `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut k = i.min(self.t.len());
        while k > 0 && self.t[k - 1] != b'\n' {
            k -= 1;
        }
        while k < self.t.len() && is_space(self.t[k]) {
            k += 1;
        }
        k
    }

    /// First token of the logical line before the one holding `i`.
    fn prev_line_start(&self, i: usize) -> usize {
        let mut k = i.min(self.t.len());
        while k > 0 && self.t[k - 1] != b'\n' {
            k -= 1;
        }
        self.line_start(k.saturating_sub(1))
    }

    fn word_at(&self, i: usize) -> &str {
        let e = self.token_end(i);
        std::str::from_utf8(self.t.get(i..e).unwrap_or(&[])).unwrap_or("")
    }

    /// Position just after the last token before `i`.
    fn after_prev_token(&self, i: usize) -> usize {
        let mut k = i.min(self.t.len());
        while k > 0 && (is_space(self.t[k - 1]) || self.t[k - 1] == b'\n') {
            k -= 1;
        }
        k
    }

    fn line_no(&self, i: usize) -> usize {
        line_of(self.source, self.layout.source_offset(i))
    }

    fn syntax(&self, msg: impl Into<String>, span: Span, label: impl Into<String>) -> SyntaxError {
        SyntaxError::syntax(msg, span, label)
    }

    fn explain(&self) -> SyntaxError {
        let p = self.p;
        let c = self.at(p);
        let ls = self.line_start(p);
        let head = self.word_at(ls).to_string();
        let tok = self.span(p, self.token_end(p));

        if c == INDENT {
            let mut q = p;
            while self.at(q) == INDENT {
                q += 1;
            }
            return SyntaxError::new(
                SyntaxErrorKind::Indentation,
                "unexpected indent",
                self.span(q, self.token_end(q)),
                "this line is indented more than the block it belongs to",
            );
        }
        if self.expects(Rule::INDENT) {
            let hs = self.prev_line_start(p);
            let mut hword = self.word_at(hs).to_string();
            if hword == "@" {
                hword = "def".into();
            }
            let what = match hword.as_str() {
                "def" => "function definition".to_string(),
                "class" => "class definition".to_string(),
                w => format!("'{w}' statement"),
            };
            let span =
                if p >= self.t.len() || c == DEDENT && self.t[p..].iter().all(|&b| b == DEDENT) {
                    let e = self.after_prev_token(p);
                    self.span(e, e + 1)
                } else {
                    tok
                };
            return SyntaxError::new(
                SyntaxErrorKind::Indentation,
                format!(
                    "expected an indented block after {what} on line {}",
                    self.line_no(hs)
                ),
                span,
                "expected an indented line here, the body of the block",
            );
        }
        if self.expects(Rule::colon) && (c == b'\n' || p >= self.t.len()) {
            let e = self.after_prev_token(p);
            let label = match head.as_str() {
                "if" => "expected ':' after the if condition",
                "elif" => "expected ':' after the elif condition",
                "while" => "expected ':' after the while condition",
                "for" => "expected ':' after the for loop's iterable",
                "def" => "expected ':' after the function signature",
                "class" => "expected ':' after the class name and bases",
                "with" => "expected ':' after the with items",
                "except" => "expected ':' after the except clause",
                "else" => "expected ':' after 'else'",
                "try" => "expected ':' after 'try'",
                "finally" => "expected ':' after 'finally'",
                "lambda" => "expected ':' after the lambda parameters",
                _ => "expected ':' here",
            };
            return self.syntax("expected ':'", self.span(e, e + 1), label);
        }
        if self.expects(Rule::open_paren) {
            return self.syntax(
                "expected '('",
                tok,
                "expected '(' and the parameter list after the function name",
            );
        }
        if c == b'='
            && self.at(p + 1) != b'='
            && matches!(head.as_str(), "if" | "elif" | "while")
            && ls < p
        {
            let start = self.token_end(ls);
            let mut s = start;
            while is_space(self.at(s)) {
                s += 1;
            }
            let mut e = p;
            while e < self.t.len() && self.t[e] != b'\n' && self.t[e] != b':' {
                e += 1;
            }
            let e = self.after_prev_token(e);
            return self.syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                self.span(s, e),
                "'=' assigns; use '==' to compare",
            );
        }
        if (head == "print" || head == "exec")
            && self.token_end(ls) < p
            && c != b'('
            && self.after_prev_token(p) == self.token_end(ls)
        {
            let mut e = p;
            while e < self.t.len() && self.t[e] != b'\n' {
                e += 1;
            }
            let e = self.after_prev_token(e);
            return self.syntax(
                format!("Missing parentheses in call to '{head}'. Did you mean {head}(...)?"),
                self.span(ls, e),
                format!("{head} is a function: write {head}(...)"),
            );
        }
        if c == b'}' && self.t[..self.after_prev_token(p)].last() == Some(&b':') {
            let colon = self.after_prev_token(p) - 1;
            return self.syntax(
                "expression expected after dictionary key and ':'",
                self.span(colon, colon + 1),
                "expected a value after this ':'",
            );
        }
        if c == b'=' && p > 0 && self.t[p - 1] == b':' {
            return self.syntax(
                "invalid syntax",
                self.span(p - 1, p + 1),
                "':=' only works inside an expression, such as a condition or parentheses",
            );
        }
        if self.forgot_comma(ls, p) {
            let prev_end = self.after_prev_token(p);
            let mut prev_start = prev_end;
            while prev_start > 0 && is_word(self.t[prev_start - 1]) {
                prev_start -= 1;
            }
            return self.syntax(
                "invalid syntax. Perhaps you forgot a comma?",
                self.span(
                    prev_start.min(prev_end.saturating_sub(1)),
                    self.token_end(p),
                ),
                "expected a comma between these items",
            );
        }
        let label = if p == ls && matches!(head.as_str(), "else" | "elif") {
            format!("'{head}' must follow the block of an if statement (or a for, while or try for 'else')")
        } else if p == ls && matches!(head.as_str(), "except" | "finally") {
            format!("'{head}' must follow the block of a try statement")
        } else if KEYWORDS.contains(&head.as_str())
            && self.expects(Rule::name)
            && self.token_end(ls) == self.after_prev_token(p)
            && !self.expects(Rule::import_as_name)
        {
            if c == b'=' {
                format!("'{head}' is a reserved keyword and cannot be used as a name")
            } else {
                format!("expected a name after '{head}'")
            }
        } else if self.expects(Rule::kw_in) {
            "expected 'in' after the loop target".to_string()
        } else if c == b'\n' || p >= self.t.len() {
            "the line ends before the statement is complete".to_string()
        } else if self.expects(Rule::name) || self.expects(Rule::number) {
            "expected an expression here".to_string()
        } else {
            "this does not fit the statement here".to_string()
        };
        let span = if c == b'\n' || p >= self.t.len() {
            let e = self.after_prev_token(p);
            self.span(e, e + 1)
        } else {
            tok
        };
        self.syntax("invalid syntax", span, label)
    }

    /// Inside brackets, two operands in a row: CPython suggests a missing comma.
    fn forgot_comma(&self, ls: usize, p: usize) -> bool {
        let mut depth = 0i32;
        let mut quote = None;
        for &b in self.t.get(ls..p).unwrap_or(&[]) {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'\'' | b'"') => quote = Some(b),
                (None, b'(' | b'[' | b'{') => depth += 1,
                (None, b')' | b']' | b'}') => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 {
            return false;
        }
        let prev = self.after_prev_token(p);
        let pc = if prev > 0 { self.t[prev - 1] } else { b' ' };
        let prev_ok = is_word(pc) || matches!(pc, b'\'' | b'"' | b')' | b']' | b'}');
        let word = self.word_at(p);
        let next_ok = (is_word(self.at(p)) && !KEYWORDS.contains(&word))
            || matches!(self.at(p), b'\'' | b'"');
        let mut ps = prev;
        while ps > 0 && is_word(self.t[ps - 1]) {
            ps -= 1;
        }
        let prev_word = std::str::from_utf8(&self.t[ps..prev]).unwrap_or("");
        prev_ok
            && next_ok
            && (!KEYWORDS.contains(&prev_word) || matches!(prev_word, "None" | "True" | "False"))
    }
}
