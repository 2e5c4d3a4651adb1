//! `repr()` of str and bytes, and `ascii()`, with CPython's quoting and escapes.

use super::printable::is_printable;

fn push_hex_escape(out: &mut String, code: u32) {
    if code <= 0xff {
        out.push_str(&format!("\\x{code:02x}"));
    } else if code <= 0xffff {
        out.push_str(&format!("\\u{code:04x}"));
    } else {
        out.push_str(&format!("\\U{code:08x}"));
    }
}

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_hex_escape(&mut out, c as u32),
            c if c.is_ascii() => out.push(c),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// Exactly CPython's `repr(s)` for a str: single quotes unless the text
/// contains `'` but no `"`; escapes backslash, the quote, `\t \n \r`,
/// and non-printable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// CPython's `ascii(s)` for a str: like [`str_repr`] with every non-ASCII
/// character escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// CPython's `repr(b)` for bytes: `b'...'` with `\xhh` escapes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"')) as u8;
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{c:02x}")),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(
            str_repr("a\\b\n\t\r\x00\x7f"),
            "'a\\\\b\\n\\t\\r\\x00\\x7f'"
        );
        assert_eq!(str_repr("中文é"), "'中文é'");
        assert_eq!(
            str_repr("\u{a0}\u{ad}\u{2028}\u{e000}\u{f0000}"),
            "'\\xa0\\xad\\u2028\\ue000\\U000f0000'"
        );
        assert_eq!(ascii_repr("é中😀"), "'\\xe9\\u4e2d\\U0001f600'");
    }

    #[test]
    fn bytes() {
        assert_eq!(bytes_repr(b"ab'c"), "b\"ab'c\"");
        assert_eq!(bytes_repr(b"\x00\xff\\\n"), "b'\\x00\\xff\\\\\\n'");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
    }
}
