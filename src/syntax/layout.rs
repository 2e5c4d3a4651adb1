// The layout pre-pass: indentation -> INDENT/DEDENT marks, joined lines, lexical errors.
//
// The output text keeps every byte of the source at the same place except for the marks,
// which are inserted just before the first token of a logical line (and at the end). A
// newline that does not end a logical line (inside brackets, after a backslash, on a
// blank or comment-only line) becomes a space, and comments become spaces, so the grammar
// only ever sees logical newlines. A sorted list of the insertions maps positions back.

use super::ast::Span;
use super::error::{line_of, SyntaxError, SyntaxErrorKind, TOO_MANY_BRACKETS};

/// Mark the grammar matches as INDENT; cannot appear in valid source outside strings.
pub const INDENT: u8 = 0x01;
/// Mark the grammar matches as DEDENT.
pub const DEDENT: u8 = 0x02;

/// Deepest bracket nesting accepted, as in CPython.
const MAX_NESTING: usize = 200;
/// Deepest block nesting accepted, as in CPython.
const MAX_INDENT: usize = 100;
/// The most nesting one comma-free run of an expression may hold, with the runs of the
/// brackets around it: a bound on how deep its tree can be, so that the parser, the
/// tree's passes and the evaluator never recurse past their stacks (CPython refuses
/// trees about this deep). See `Scanner::nesting`.
const MAX_NESTING_WEIGHT: u32 = 3000;
/// The weight of an opening bracket: besides its own level, the expression inside may
/// open the three levels no token pays for (`or`, `and`, a comparison).
const BRACKET_WEIGHT: u32 = 4;

/// Bytes inserted into the text at one place.
#[derive(Clone, Copy, Debug)]
struct Insert {
    /// Position in the transformed text where the inserted bytes start.
    at: usize,
    len: usize,
    /// Total inserted bytes up to and including this insertion.
    total: usize,
}

/// What is still open when the source ends (the REPL asks for more input on these).
#[derive(Clone, Copy, Debug, Default)]
struct EndState {
    open_bracket: bool,
    open_triple_quote: bool,
    trailing_backslash: bool,
    open_blocks: usize,
    last_line_colon: bool,
    last_line_blank: bool,
}

/// The transformed text, the map back to source offsets, and the first lexical error.
pub struct Layout {
    pub text: String,
    inserts: Vec<Insert>,
    /// The first error found while scanning; `text` then stops before its logical line.
    pub error: Option<SyntaxError>,
    /// Source offset where the logical line holding `error` starts.
    pub error_line_start: usize,
    /// Length of the kept text when `error` cut it short: a parse failure at or after
    /// this point is only the effect of the cut.
    pub cut_at: usize,
    end: EndState,
}

impl Layout {
    /// The source offset of position `pos` of the transformed text. Inserted marks map
    /// to the token they precede.
    pub fn source_offset(&self, pos: usize) -> usize {
        let i = self.inserts.partition_point(|ins| ins.at <= pos);
        if i == 0 {
            return pos;
        }
        let ins = self.inserts[i - 1];
        if pos < ins.at + ins.len {
            ins.at - (ins.total - ins.len)
        } else {
            pos - ins.total
        }
    }

    /// `source_offset` for a caller that asks about nearby positions in turn: `hint`
    /// remembers where the last answer was found in the insertion list, so walking
    /// through the text costs O(1) per call instead of a binary search.
    pub fn source_offset_near(&self, pos: usize, hint: &std::cell::Cell<usize>) -> usize {
        let ins = &self.inserts;
        // `i` is the number of insertions at or before `pos` (as `partition_point`).
        let mut i = hint.get().min(ins.len());
        let mut steps = 0;
        loop {
            if i < ins.len() && ins[i].at <= pos {
                i += 1;
            } else if i > 0 && ins[i - 1].at > pos {
                i -= 1;
            } else {
                break;
            }
            steps += 1;
            if steps == 8 {
                i = ins.partition_point(|x| x.at <= pos);
                break;
            }
        }
        hint.set(i);
        if i == 0 {
            return pos;
        }
        let ins = ins[i - 1];
        if pos < ins.at + ins.len {
            ins.at - (ins.total - ins.len)
        } else {
            pos - ins.total
        }
    }

    /// A source span for a transformed-text span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source_offset(start), self.source_offset(end))
    }
}

/// Whether the REPL should read another line before parsing `src`: a bracket or a
/// triple-quoted string is open, the last line ends with a backslash, or a block was
/// opened and not yet closed by a blank line, or the last line is a decorator.
pub fn needs_more_input(src: &str) -> bool {
    let end = layout(src).end;
    let decorator_last = src
        .lines()
        .next_back()
        .is_some_and(|l| l.trim_start().starts_with('@'));
    end.open_bracket
        || end.open_triple_quote
        || end.trailing_backslash
        || decorator_last
        || ((end.open_blocks > 0 || end.last_line_colon) && !end.last_line_blank)
}

/// Python's indentation columns: tabs to the next multiple of 8, and tabs as one column
/// (the second tells when the meaning depends on the tab size: a TabError).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Indent {
    col: usize,
    alt: usize,
}

struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    out: Vec<u8>,
    inserts: Vec<Insert>,
    indents: Vec<Indent>,
    brackets: Vec<(u8, usize)>,
    /// Nesting weight since the last comma at each bracket level of the logical line
    /// (the first entry is outside brackets), and their sum.
    run_weights: Vec<u32>,
    nested_weight: u32,
    /// Output length, insertion count and indent depth before the current logical line.
    line_mark: (usize, usize, usize),
    line_start: usize,
    last_sig: u8,
    end: EndState,
}

/// Runs the pre-pass over `src`.
pub fn layout(src: &str) -> Layout {
    let mut s = Scanner {
        src,
        b: src.as_bytes(),
        out: Vec::with_capacity(src.len() + 64),
        inserts: Vec::new(),
        indents: vec![Indent { col: 0, alt: 0 }],
        brackets: Vec::new(),
        run_weights: vec![0],
        nested_weight: 0,
        line_mark: (0, 0, 1),
        line_start: 0,
        last_sig: b'\n',
        end: EndState::default(),
    };
    let error = s.run().err();
    let error_line_start = s.line_start;
    if error.is_some() {
        // Keep only the complete logical lines before the error, so the parser can
        // report an earlier mistake first, as CPython's tokenizer-driven parser does.
        let (out_len, ins_len, depth) = s.line_mark;
        s.out.truncate(out_len);
        s.inserts.truncate(ins_len);
        s.indents.truncate(depth.max(1));
    }
    let cut_at = s.out.len();
    s.finish();
    let text = String::from_utf8(s.out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Layout {
        text,
        inserts: s.inserts,
        error,
        error_line_start,
        cut_at,
        end: s.end,
    }
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn is_string_prefix(word: &[u8]) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        &w[..],
        b"r" | b"u" | b"b" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    )
}

/// The nesting a word adds: the keywords that open a level of the tree (`and`, `or`,
/// `in` and `is` are flat), none for a name.
fn keyword_nesting(word: &[u8]) -> u32 {
    match word {
        b"not" | b"lambda" | b"if" | b"else" | b"for" | b"yield" | b"await" => 1,
        _ => 0,
    }
}

fn closer_of(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

impl<'a> Scanner<'a> {
    fn err(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        start: usize,
        end: usize,
        label: &str,
    ) -> SyntaxError {
        SyntaxError::new(kind, msg, Span::new(start, end), label)
    }

    /// Adds the nesting a token at `at` can cause. Each level of a syntax tree has a
    /// token of its own, except `or`, `and` and comparisons, which are flat and can
    /// stack only three deep before another token (brackets pay for that); names,
    /// numbers and strings are leaves. So the sum bounds the depth.
    fn nesting(&mut self, at: usize, weight: u32) -> Result<(), SyntaxError> {
        *self.run_weights.last_mut().expect("outermost run") += weight;
        self.nested_weight += weight;
        if self.nested_weight > MAX_NESTING_WEIGHT {
            return Err(self.err(
                SyntaxErrorKind::Recursion,
                "maximum recursion depth exceeded during compilation",
                at,
                at + 1,
                "the expression is too long or nests too deeply here: split it up",
            ));
        }
        Ok(())
    }

    /// Ends the current run (at a comma, a closing bracket or a line's end): the items a
    /// comma separates are siblings, not nested.
    fn end_run(&mut self) {
        let last = self.run_weights.last_mut().expect("outermost run");
        self.nested_weight -= *last;
        *last = 0;
    }

    fn insert(&mut self, mark: u8, count: usize) {
        if count == 0 {
            return;
        }
        let at = self.out.len();
        let total = self.inserts.last().map_or(0, |i| i.total) + count;
        self.out.extend(std::iter::repeat_n(mark, count));
        self.inserts.push(Insert {
            at,
            len: count,
            total,
        });
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let n = self.b.len();
        let mut i = 0;
        let mut at_line_start = true;
        while i < n {
            if at_line_start {
                at_line_start = false;
                match self.line_start_at(i)? {
                    Some(j) => i = j,
                    None => {
                        // A blank or comment-only line: all spaces, no newline.
                        i = self.blank_line(i);
                        at_line_start = true;
                        continue;
                    }
                }
            }
            let c = self.b[i];
            match c {
                b'#' => {
                    while i < n && self.b[i] != b'\n' {
                        self.out.push(b' ');
                        i += 1;
                    }
                }
                b'\\' => {
                    let rest = &self.b[i + 1..];
                    let skip = if rest.starts_with(b"\n") {
                        2
                    } else if rest.starts_with(b"\r\n") {
                        3
                    } else if rest.is_empty() {
                        self.end.trailing_backslash = true;
                        return Err(self.err(
                            SyntaxErrorKind::Syntax,
                            "unexpected EOF while parsing",
                            i,
                            i + 1,
                            "the line continues after this backslash, but the file ends",
                        ));
                    } else {
                        return Err(self.err(
                            SyntaxErrorKind::Syntax,
                            "unexpected character after line continuation character",
                            i + 1,
                            i + 2,
                            "a backslash outside a string must end the line",
                        ));
                    };
                    self.out.extend(std::iter::repeat_n(b' ', skip));
                    i += skip;
                    if i >= n {
                        self.end.trailing_backslash = true;
                    }
                }
                b'\n' => {
                    if self.brackets.is_empty() {
                        self.end_run();
                        self.out.push(b'\n');
                        self.end.last_line_colon = self.last_sig == b':';
                        at_line_start = true;
                    } else {
                        self.out.push(b' ');
                    }
                    i += 1;
                }
                b'\r' => {
                    self.out.push(b' ');
                    i += 1;
                }
                b'\'' | b'"' => i = self.string(i, i)?,
                b'0'..=b'9' => i = self.number(i)?,
                b'.' if i + 1 < n && self.b[i + 1].is_ascii_digit() => i = self.number(i)?,
                b'(' | b'[' | b'{' => {
                    // CPython's tokenizer limit; it also keeps the parser's recursion bounded.
                    if self.brackets.len() >= MAX_NESTING {
                        return Err(self.err(
                            SyntaxErrorKind::Syntax,
                            TOO_MANY_BRACKETS,
                            i,
                            i + 1,
                            "brackets nest at most 200 deep",
                        ));
                    }
                    self.nesting(i, BRACKET_WEIGHT)?;
                    self.brackets.push((c, i));
                    self.run_weights.push(0);
                    self.out.push(c);
                    self.last_sig = c;
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    match self.brackets.pop() {
                        None => {
                            return Err(self.err(
                                SyntaxErrorKind::Syntax,
                                format!("unmatched '{}'", c as char),
                                i,
                                i + 1,
                                "this closing bracket has no opening bracket",
                            ))
                        }
                        Some((open, at)) if closer_of(open) != c => {
                            let same_line = line_of(self.src, at) == line_of(self.src, i);
                            let msg = if same_line {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    c as char, open as char
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    c as char,
                                    open as char,
                                    line_of(self.src, at)
                                )
                            };
                            return Err(self.err(
                                SyntaxErrorKind::Syntax,
                                msg,
                                i,
                                i + 1,
                                &format!(
                                    "expected '{}' to close the '{}'",
                                    closer_of(open) as char,
                                    open as char
                                ),
                            ));
                        }
                        Some(_) => {}
                    }
                    self.end_run();
                    self.run_weights.pop();
                    self.out.push(c);
                    self.last_sig = c;
                    i += 1;
                }
                INDENT | DEDENT | 0 => {
                    return Err(self.err(
                        SyntaxErrorKind::Syntax,
                        format!("invalid non-printable character U+{:04X}", c),
                        i,
                        i + 1,
                        "remove this control character",
                    ))
                }
                _ if is_ident_byte(c) => {
                    let mut k = i;
                    while k < n && is_ident_byte(self.b[k]) {
                        k += 1;
                    }
                    if k < n
                        && (self.b[k] == b'\'' || self.b[k] == b'"')
                        && is_string_prefix(&self.b[i..k])
                    {
                        i = self.string(i, k)?;
                    } else {
                        self.nesting(i, keyword_nesting(&self.b[i..k]))?;
                        self.out.extend_from_slice(&self.b[i..k]);
                        self.last_sig = b'a';
                        i = k;
                    }
                }
                b' ' | b'\t' | b'\x0c' => {
                    // The grammar's only space is ' ': one comparison between tokens.
                    self.out.push(b' ');
                    i += 1;
                }
                b',' | b';' => {
                    // The items a comma separates are siblings, not nested; so are
                    // statements on one line.
                    self.end_run();
                    self.out.push(c);
                    self.last_sig = c;
                    i += 1;
                }
                _ => {
                    // Operators nest (`<<` and `>>` too); comparisons, `=` and `:` do not.
                    let next = self.b.get(i + 1).copied();
                    let weight = match c {
                        b'<' | b'>' => u32::from(next == Some(c)),
                        b'=' | b'!' | b':' => 0,
                        _ => 1,
                    };
                    self.nesting(i, weight)?;
                    self.out.push(c);
                    self.last_sig = c;
                    i += 1;
                }
            }
        }
        if let Some(&(open, at)) = self.brackets.last() {
            self.end.open_bracket = true;
            return Err(self.err(
                SyntaxErrorKind::Syntax,
                format!("'{}' was never closed", open as char),
                at,
                at + 1,
                &format!(
                    "this '{}' has no matching '{}'",
                    open as char,
                    closer_of(open) as char
                ),
            ));
        }
        Ok(())
    }

    /// At the start of a physical line outside brackets: measures the indentation,
    /// emits INDENT/DEDENT marks and returns where the first token is, or None for a
    /// blank or comment-only line.
    fn line_start_at(&mut self, i: usize) -> Result<Option<usize>, SyntaxError> {
        let n = self.b.len();
        let (mut col, mut alt, mut j) = (0, 0, i);
        while j < n {
            match self.b[j] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            j += 1;
        }
        if j >= n || matches!(self.b[j], b'#' | b'\n' | b'\r') {
            if j >= n {
                self.end.last_line_blank = true;
            }
            return Ok(None);
        }
        self.end.last_line_blank = false;
        self.line_start = j;
        self.line_mark = (self.out.len(), self.inserts.len(), self.indents.len());
        self.out.extend(std::iter::repeat_n(b' ', j - i));
        let here = Indent { col, alt };
        let top = *self.indents.last().unwrap_or(&Indent { col: 0, alt: 0 });
        let tab_error = || {
            SyntaxError::new(
                SyntaxErrorKind::Tab,
                "inconsistent use of tabs and spaces in indentation",
                Span::new(i, j),
                "this indentation mixes tabs and spaces differently from the lines above",
            )
        };
        if col == top.col {
            if alt != top.alt {
                return Err(tab_error());
            }
        } else if col > top.col {
            if alt <= top.alt {
                return Err(tab_error());
            }
            if self.indents.len() > MAX_INDENT {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    "too many levels of indentation",
                    Span::new(i, j),
                    "blocks nest at most 100 deep",
                ));
            }
            self.indents.push(here);
            self.insert(INDENT, 1);
        } else {
            // Find the level to return to before changing anything, so that an error
            // leaves the stack as it was before this line.
            let mut keep = self.indents.len();
            while keep > 1 && col < self.indents[keep - 1].col {
                keep -= 1;
            }
            let count = self.indents.len() - keep;
            let top = self.indents[keep - 1];
            if col != top.col {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                    Span::new(j, j),
                    "this line's indentation matches no enclosing block",
                ));
            }
            if alt != top.alt {
                return Err(tab_error());
            }
            self.indents.truncate(keep);
            self.insert(DEDENT, count);
        }
        self.end.open_blocks = self.indents.len() - 1;
        Ok(Some(j))
    }

    /// Turns a blank or comment-only line into spaces; returns the next line's start.
    fn blank_line(&mut self, mut i: usize) -> usize {
        while i < self.b.len() && self.b[i] != b'\n' {
            self.out.push(b' ');
            i += 1;
        }
        if i < self.b.len() {
            self.out.push(b' ');
            i += 1;
            if i >= self.b.len() {
                self.end.last_line_blank = true;
            }
        }
        i
    }

    /// Copies a string literal whose prefix starts at `start` and quote at `q`.
    fn string(&mut self, start: usize, q: usize) -> Result<usize, SyntaxError> {
        let b = self.b;
        let n = b.len();
        let quote = b[q];
        let triple = q + 2 < n && b[q + 1] == quote && b[q + 2] == quote;
        let mut k = if triple { q + 3 } else { q + 1 };
        loop {
            if k >= n {
                if triple {
                    self.end.open_triple_quote = true;
                    return Err(self.err(
                        SyntaxErrorKind::Syntax,
                        format!(
                            "unterminated triple-quoted string literal (detected at line {})",
                            line_of(self.src, n - usize::from(self.src.ends_with('\n')))
                        ),
                        start,
                        q + 3,
                        "this string is never closed",
                    ));
                }
                return Err(self.unterminated(start, q, n));
            }
            let c = b[k];
            if c == b'\\' {
                k += 2;
                continue;
            }
            if c == quote {
                if !triple {
                    k += 1;
                    break;
                }
                if k + 2 < n && b[k + 1] == quote && b[k + 2] == quote {
                    k += 3;
                    break;
                }
            }
            if c == b'\n' && !triple {
                return Err(self.unterminated(start, q, k));
            }
            k += 1;
        }
        let k = k.min(n);
        self.out.extend_from_slice(&b[start..k]);
        self.last_sig = b'"';
        Ok(k)
    }

    fn unterminated(&self, start: usize, q: usize, at: usize) -> SyntaxError {
        let at = if at > 0 && self.b.get(at.wrapping_sub(1)) == Some(&b'\r') {
            at - 1
        } else {
            at
        };
        self.err(
            SyntaxErrorKind::Syntax,
            format!(
                "unterminated string literal (detected at line {})",
                line_of(self.src, at)
            ),
            start,
            (q + 1).max(start + 1),
            &format!(
                "this string needs a closing {} on the same line",
                self.b[q] as char
            ),
        )
    }

    /// Copies a number, checking what CPython's tokenizer checks.
    fn number(&mut self, start: usize) -> Result<usize, SyntaxError> {
        let b = self.b;
        let n = b.len();
        let mut k = start;
        let digits = |k: &mut usize, ok: &dyn Fn(u8) -> bool| {
            while *k < n && (ok(b[*k]) || (b[*k] == b'_' && *k + 1 < n && ok(b[*k + 1]))) {
                *k += 1;
            }
        };
        let mut kind = "decimal";
        if b[k] == b'0' && k + 1 < n && matches!(b[k + 1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
        {
            let (name, ok): (&str, &dyn Fn(u8) -> bool) = match b[k + 1] {
                b'x' | b'X' => ("hexadecimal", &|c: u8| c.is_ascii_hexdigit()),
                b'o' | b'O' => ("octal", &|c: u8| (b'0'..=b'7').contains(&c)),
                _ => ("binary", &|c: u8| c == b'0' || c == b'1'),
            };
            kind = name;
            k += 2;
            if k < n && b[k] == b'_' {
                k += 1;
            }
            let before = k;
            digits(&mut k, ok);
            if k == before {
                return Err(self.bad_number(start, k, kind));
            }
        } else {
            let int_start = k;
            digits(&mut k, &|c: u8| c.is_ascii_digit());
            let int_part = &b[int_start..k];
            let mut is_float = false;
            if k < n && b[k] == b'.' {
                is_float = true;
                k += 1;
                digits(&mut k, &|c: u8| c.is_ascii_digit());
            }
            if k < n && (b[k] == b'e' || b[k] == b'E') {
                let mut e = k + 1;
                if e < n && (b[e] == b'+' || b[e] == b'-') {
                    e += 1;
                }
                if e < n && b[e].is_ascii_digit() {
                    is_float = true;
                    k = e;
                    digits(&mut k, &|c: u8| c.is_ascii_digit());
                }
            }
            if k < n && (b[k] == b'j' || b[k] == b'J') {
                return Err(self.err(
                    SyntaxErrorKind::Syntax,
                    "imaginary literals are not supported",
                    start,
                    k + 1,
                    "complex numbers are not part of this dialect",
                ));
            }
            if !is_float
                && int_part.len() > 1
                && int_part[0] == b'0'
                && int_part.iter().any(|&c| c != b'0' && c != b'_')
            {
                return Err(self.err(
                    SyntaxErrorKind::Syntax,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start,
                    k,
                    "write this number without leading zeros",
                ));
            }
        }
        if k < n && (is_ident_byte(b[k]) || (b[k] == b'_')) {
            return Err(self.bad_number(start, k, kind));
        }
        self.out.extend_from_slice(&b[start..k]);
        self.last_sig = b'0';
        Ok(k)
    }

    fn bad_number(&self, start: usize, k: usize, kind: &str) -> SyntaxError {
        let mut end = k;
        while end < self.b.len() && is_ident_byte(self.b[end]) {
            end += 1;
        }
        self.err(
            SyntaxErrorKind::Syntax,
            format!("invalid {kind} literal"),
            start,
            end.max(start + 1),
            "a number cannot run into letters or underscores",
        )
    }

    /// Ends the text: a final newline, then a DEDENT for every open block.
    fn finish(&mut self) {
        let needs_newline = self
            .out
            .iter()
            .rev()
            .find(|&&c| c != b' ')
            .is_some_and(|&c| c != b'\n');
        if needs_newline {
            if self.brackets.is_empty() {
                self.end.last_line_colon = self.last_sig == b':';
            }
            self.insert(b'\n', 1);
        }
        let depth = self.indents.len().saturating_sub(1);
        self.insert(DEDENT, depth);
    }
}

#[cfg(test)]
mod offset_tests {
    use super::layout;
    use std::cell::Cell;

    #[test]
    fn hinted_lookup_agrees_with_binary_search_in_any_order() {
        let src =
            "def f(x):\n    if x:\n        return 1\n    return 2\nclass C:\n    pass\ny = f(3)\n";
        let l = layout(src);
        let n = l.text.len();
        let hint = Cell::new(0);
        let forward = 0..=n;
        let backward = (0..=n).rev();
        let jumps = (0..=n).map(|i| (i * 37) % (n + 1));
        for pos in forward.chain(backward).chain(jumps) {
            assert_eq!(
                l.source_offset_near(pos, &hint),
                l.source_offset(pos),
                "{pos}"
            );
        }
    }
}
