// Literal values: numbers, string escapes, implicit concatenation and f-string fields.

use super::ast::*;
use super::error::SyntaxError;
use super::parser::{parse_fexpr, Builder, Rule, R};
use num_bigint::BigUint;
use pest::iterators::Pair;
use std::rc::Rc;

/// The value of a number token (already checked by the layout pass).
pub(crate) fn number(text: &str, span: Span) -> R<Const> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let radix = match lower.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix == 10 && lower.contains(['.', 'e']) {
        return clean.parse::<f64>().map(Const::Float).map_err(|_| {
            SyntaxError::syntax(
                "invalid decimal literal",
                span,
                "this is not a valid number",
            )
        });
    }
    let digits = if radix == 10 { &clean[..] } else { &clean[2..] };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Ok(Const::Int(v));
    }
    match BigUint::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Ok(Const::BigInt(Rc::from(v.to_str_radix(10)))),
        None => Err(SyntaxError::syntax(
            "invalid decimal literal",
            span,
            "this is not a valid number",
        )),
    }
}

/// One decoded piece of an implicitly concatenated string.
enum Piece {
    Str(String),
    Bytes(Vec<u8>),
    F(Vec<FPart>),
}

/// Adjacent string literals, concatenated: a str, bytes, or an f-string.
pub(crate) fn strings(b: &Builder, p: Pair<Rule>) -> R<Expr> {
    let span = b.span(&p);
    let mut pieces = Vec::new();
    for s in p.into_inner() {
        let start = b.offset(s.as_span().start());
        pieces.push(one_string(s.as_str(), start)?);
    }
    let bytes = pieces
        .iter()
        .filter(|x| matches!(x, Piece::Bytes(_)))
        .count();
    if bytes > 0 && bytes < pieces.len() {
        return Err(SyntaxError::syntax(
            "cannot mix bytes and nonbytes literals",
            span,
            "these adjacent literals must all be bytes or all be strings",
        ));
    }
    let kind = if bytes > 0 {
        let mut all = Vec::new();
        for x in pieces {
            if let Piece::Bytes(v) = x {
                all.extend(v);
            }
        }
        ExprKind::Const(Const::Bytes(Rc::from(all)))
    } else if pieces.iter().any(|x| matches!(x, Piece::F(_))) {
        let mut parts = Vec::new();
        for x in pieces {
            match x {
                Piece::Str(s) => push_literal(&mut parts, &s),
                Piece::F(fp) => {
                    for part in fp {
                        match part {
                            FPart::Literal(s) => push_literal(&mut parts, &s),
                            field => parts.push(field),
                        }
                    }
                }
                Piece::Bytes(_) => {}
            }
        }
        ExprKind::FString(parts)
    } else {
        let mut all = String::new();
        for x in pieces {
            if let Piece::Str(s) = x {
                all.push_str(&s);
            }
        }
        ExprKind::Const(Const::Str(Rc::from(all)))
    };
    Ok(Expr { kind, span })
}

/// Appends literal text, merging with a literal just before it.
fn push_literal(parts: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Literal(prev)) = parts.last_mut() {
        let mut joined = String::from(&**prev);
        joined.push_str(s);
        *prev = Rc::from(joined);
    } else {
        parts.push(FPart::Literal(Rc::from(s)));
    }
}

/// Decodes one string token (`start` is its source offset).
fn one_string(text: &str, start: usize) -> R<Piece> {
    let quote_at = text.find(['\'', '"']).unwrap_or(0);
    let prefix = text[..quote_at].to_ascii_lowercase();
    let rest = &text[quote_at..];
    let q = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        1
    };
    let body = rest.get(q..rest.len().saturating_sub(q)).unwrap_or("");
    let body_start = start + quote_at + q;
    let raw = prefix.contains('r');
    if prefix.contains('b') {
        if let Some(pos) = body.find(|c: char| !c.is_ascii()) {
            return Err(SyntaxError::syntax(
                "bytes can only contain ASCII literal characters",
                Span::new(body_start + pos, body_start + pos + 1),
                "use an escape such as \\xhh for bytes above 127",
            ));
        }
        return decode(body, raw, true, body_start)
            .map(|units| Piece::Bytes(units.into_iter().map(|u| u as u8).collect()));
    }
    if prefix.contains('f') {
        let mut scan = FScan {
            body,
            base: body_start,
            raw,
            depth: 0,
        };
        let (parts, _) = scan.parts(0, false)?;
        return Ok(Piece::F(parts));
    }
    let units = decode(body, raw, false, body_start)?;
    Ok(Piece::Str(units_to_string(units, body_start)?))
}

fn units_to_string(units: Vec<u32>, at: usize) -> R<String> {
    units
        .into_iter()
        .map(|u| {
            char::from_u32(u).ok_or_else(|| {
                SyntaxError::syntax(
                    "(unicode error) surrogate characters are not supported",
                    Span::new(at, at + 1),
                    "this string holds a lone surrogate escape",
                )
            })
        })
        .collect()
}

fn escape_error(msg: &str, at: usize, len: usize) -> SyntaxError {
    SyntaxError::syntax(
        format!("(unicode error) {msg}"),
        Span::new(at, at + len),
        "this escape sequence is malformed",
    )
}

/// Processes backslash escapes; gives code points (bytes for a bytes literal).
fn decode(body: &str, raw: bool, bytes: bool, base: usize) -> R<Vec<u32>> {
    let mut out = Vec::with_capacity(body.len());
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c != '\\' || raw {
            if raw && c == '\\' && i + 1 < chars.len() {
                // In a raw string a backslash still keeps the next quote in the string.
                out.push('\\' as u32);
                out.push(chars[i + 1].1 as u32);
                i += 2;
                continue;
            }
            out.push(c as u32);
            i += 1;
            continue;
        }
        let Some(&(_, e)) = chars.get(i + 1) else {
            out.push('\\' as u32);
            break;
        };
        i += 2;
        let simple = match e {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(v) = simple {
            if let Some(ch) = v {
                out.push(ch as u32);
            }
            continue;
        }
        let hex = |n: usize, i: &mut usize| -> Option<u32> {
            let digits: String = chars.get(*i..*i + n)?.iter().map(|&(_, c)| c).collect();
            if digits.len() != n || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            *i += n;
            u32::from_str_radix(&digits, 16).ok()
        };
        match e {
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                let mut n = 1;
                while n < 3 && i < chars.len() && ('0'..='7').contains(&chars[i].1) {
                    v = v * 8 + (chars[i].1 as u32 - '0' as u32);
                    i += 1;
                    n += 1;
                }
                out.push(if bytes { v & 0xff } else { v });
            }
            'x' => match hex(2, &mut i) {
                Some(v) => out.push(v),
                None => return Err(escape_error("truncated \\xXX escape", base + at, 2)),
            },
            'u' | 'U' if !bytes => {
                let n = if e == 'u' { 4 } else { 8 };
                match hex(n, &mut i) {
                    Some(v) if v <= 0x10ffff => out.push(v),
                    Some(_) => {
                        return Err(escape_error("illegal Unicode character", base + at, n + 2))
                    }
                    None => {
                        let what = if e == 'u' {
                            "truncated \\uXXXX escape"
                        } else {
                            "truncated \\UXXXXXXXX escape"
                        };
                        return Err(escape_error(what, base + at, 2));
                    }
                }
            }
            'N' if !bytes => {
                return Err(escape_error(
                    "\\N{...} escapes are not supported in this dialect",
                    base + at,
                    2,
                ));
            }
            other => {
                // Unknown escapes keep their backslash, as in Python.
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Ok(out)
}

/// Hand-written scanner for the inside of an f-string, as CPython 3.11 does it.
struct FScan<'a> {
    body: &'a str,
    base: usize,
    raw: bool,
    depth: usize,
}

impl FScan<'_> {
    fn err(&self, msg: &str, at: usize, label: &str) -> SyntaxError {
        SyntaxError::syntax(
            format!("f-string: {msg}"),
            Span::new(self.base + at, self.base + at + 1),
            label,
        )
    }

    /// Literal text and fields from `i`; inside a format spec it stops at the `}` that
    /// closes the field. Gives the parts and the position where it stopped.
    fn parts(&mut self, mut i: usize, in_spec: bool) -> R<(Vec<FPart>, usize)> {
        let b = self.body.as_bytes();
        let mut parts = Vec::new();
        let mut lit_start = i;
        let mut lit = String::new();
        let flush =
            |lit: &mut String, start: usize, this: &Self, parts: &mut Vec<FPart>| -> R<()> {
                if !lit.is_empty() {
                    let units = decode(lit, this.raw, false, this.base + start)?;
                    push_literal(parts, &units_to_string(units, this.base + start)?);
                    lit.clear();
                }
                Ok(())
            };
        while i < b.len() {
            match b[i] {
                b'{' if !in_spec && b.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if !in_spec && b.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'{' => {
                    flush(&mut lit, lit_start, self, &mut parts)?;
                    let (field, next) = self.field(i)?;
                    parts.push(field);
                    i = next;
                    lit_start = i;
                }
                b'}' if in_spec => break,
                b'}' => {
                    return Err(self.err(
                        "single '}' is not allowed",
                        i,
                        "write '}}' for a literal brace",
                    ))
                }
                b'\\' if !self.raw => {
                    // Copy the escape whole so that `\{` or `\N{..}` stay together.
                    let len = self.body[i + 1..]
                        .chars()
                        .next()
                        .map_or(0, |c| c.len_utf8());
                    lit.push_str(&self.body[i..i + 1 + len]);
                    i += 1 + len;
                }
                _ => {
                    let len = self.body[i..].chars().next().map_or(1, |c| c.len_utf8());
                    lit.push_str(&self.body[i..i + len]);
                    i += len;
                }
            }
        }
        flush(&mut lit, lit_start, self, &mut parts)?;
        Ok((parts, i))
    }

    /// One `{expr=!c:spec}` field starting at the `{` at `open`.
    fn field(&mut self, open: usize) -> R<(FPart, usize)> {
        self.depth += 1;
        if self.depth > 2 {
            return Err(self.err(
                "expressions nested too deeply",
                open,
                "f-string fields nest at most two deep",
            ));
        }
        let b = self.body.as_bytes();
        let start = open + 1;
        let mut i = start;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut quote_at = 0;
        let mut debug_end = None;
        while i < b.len() {
            let c = b[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    quote = Some(c);
                    quote_at = i;
                }
                b'(' | b'[' | b'{' => nest.push(c),
                b')' | b']' => {
                    nest.pop();
                }
                b'}' if !nest.is_empty() => {
                    nest.pop();
                }
                b'\\' => {
                    return Err(self.err(
                        "expression part cannot include a backslash",
                        i,
                        "move this into a variable",
                    ))
                }
                b'#' => {
                    return Err(self.err(
                        "expression part cannot include '#'",
                        i,
                        "remove this comment",
                    ))
                }
                b'}' | b':' if nest.is_empty() => break,
                b'!' if nest.is_empty() && b.get(i + 1) != Some(&b'=') => break,
                b'=' if nest.is_empty() => {
                    let prev = if i > start { b[i - 1] } else { b' ' };
                    let next = b.get(i + 1).copied().unwrap_or(b'}');
                    if next != b'=' && !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        let mut j = i + 1;
                        while j < b.len() && b[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        debug_end = Some(j);
                        break;
                    }
                    if next == b'=' {
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(self.err(
                "unterminated string",
                quote_at,
                "this string in the field is never closed",
            ));
        }
        let expr_text = &self.body[start..i];
        if expr_text.trim().is_empty() {
            return Err(self.err(
                "empty expression not allowed",
                i.min(b.len().saturating_sub(1)),
                "write an expression between the braces",
            ));
        }
        if i >= b.len() {
            return Err(self.err("expecting '}'", open, "this field is never closed with '}'"));
        }
        let value = parse_fexpr(expr_text, self.base + start)?;
        let mut debug_text = None;
        if let Some(j) = debug_end {
            debug_text = Some(Rc::from(&self.body[start..j]));
            i = j;
        }
        let mut conversion = Conversion::None;
        if b.get(i) == Some(&b'!') {
            conversion = match b.get(i + 1) {
                Some(b's') => Conversion::Str,
                Some(b'r') => Conversion::Repr,
                Some(b'a') => Conversion::Ascii,
                _ => {
                    return Err(self.err(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                        i + 1,
                        "use !s, !r or !a",
                    ))
                }
            };
            i += 2;
        }
        let mut spec = None;
        if b.get(i) == Some(&b':') {
            let (parts, end) = self.parts(i + 1, true)?;
            spec = Some(parts);
            i = end;
        }
        if b.get(i) != Some(&b'}') {
            return Err(self.err(
                "expecting '}'",
                i.min(b.len().saturating_sub(1)),
                "expected '}' to close this field",
            ));
        }
        // `{x=}` shows the repr unless a conversion or format spec says otherwise.
        if debug_text.is_some() && conversion == Conversion::None && spec.is_none() {
            conversion = Conversion::Repr;
        }
        self.depth -= 1;
        Ok((
            FPart::Field {
                value,
                debug_text,
                conversion,
                spec,
            },
            i + 1,
        ))
    }
}
