//! `int(str, base)` and `float(str)` parsing with CPython's rules and messages.
//!
//! Like CPython, non-ASCII decimal digits (e.g. Arabic-Indic) count as
//! digits and non-ASCII whitespace as spaces.

use num_bigint::BigInt;

use super::digits::to_ascii_number_text;
use super::repr::str_repr;

/// CPython 3.11's default limit on decimal digits in int/str conversion.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// ValueError text for a base outside 2..=36 and not 0.
pub const INT_BAD_BASE: &str = "int() base must be >= 2 and <= 36, or 0";

/// Python's `str.isspace()` for one character (as used by `str.strip()`).
/// Note `int()` and `float()` strip less: not U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn invalid_int(s: &str, base: u32) -> String {
    let repr: String = str_repr(s).chars().take(200).collect();
    format!("invalid literal for int() with base {base}: {repr}")
}

/// `int(s, base)`: surrounding whitespace, a sign, a `0x`/`0o`/`0b` prefix
/// (auto-detected for base 0, optional for the matching base), and single
/// underscores between digits (one may follow the prefix). Errors are
/// CPython's ValueError texts, e.g.
/// `invalid literal for int() with base 10: 'abc'`. The 4300-digit limit
/// for non-power-of-two bases applies; see [`parse_int_with_limit`].
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, String> {
    parse_int_with_limit(s, base, INT_MAX_STR_DIGITS)
}

/// [`parse_int`] with an explicit digit limit (0 means unlimited), as set by
/// `sys.set_int_max_str_digits()`.
pub fn parse_int_with_limit(s: &str, base: u32, max_digits: usize) -> Result<BigInt, String> {
    if base == 1 || base > 36 {
        return Err(INT_BAD_BASE.to_string());
    }
    let err = || invalid_int(s, base);
    let ascii = to_ascii_number_text(s);
    let text = ascii.trim_matches(char::is_whitespace).as_bytes();
    let mut i = 0;
    let negative = match text.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &text[i..];
    let prefix_base = match rest {
        [b'0', b'x' | b'X', ..] => 16,
        [b'0', b'o' | b'O', ..] => 8,
        [b'0', b'b' | b'B', ..] => 2,
        _ => 0,
    };
    let mut radix = base;
    let mut body = rest;
    let mut must_be_zero = false;
    if base == 0 {
        if prefix_base != 0 {
            radix = prefix_base;
        } else {
            radix = 10;
            must_be_zero = rest.first() == Some(&b'0');
        }
    }
    if prefix_base != 0 && prefix_base == radix {
        body = &rest[2..];
        if body.first() == Some(&b'_') {
            body = &body[1..];
        }
    }
    if body.is_empty() || body[0] == b'_' || body[body.len() - 1] == b'_' {
        return Err(err());
    }
    let mut digits = Vec::with_capacity(body.len());
    let mut prev_underscore = false;
    for &b in body {
        if b == b'_' {
            if prev_underscore {
                return Err(err());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (b as char).to_digit(36).ok_or_else(err)?;
        if d >= radix {
            return Err(err());
        }
        digits.push(b);
    }
    if max_digits > 0 && !radix.is_power_of_two() && digits.len() > max_digits {
        return Err(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if must_be_zero && digits.iter().any(|&d| d != b'0') {
        return Err(err());
    }
    let value = BigInt::parse_bytes(&digits, radix).ok_or_else(err)?;
    Ok(if negative { -value } else { value })
}

/// Check the decimal float grammar: `[sign] (digits [. [digits]] | . digits)
/// [(e|E) [sign] digits]`.
fn is_decimal_float(b: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// `float(s)`: surrounding whitespace, decimal notation with optional
/// exponent, underscores between digits, and `inf`/`infinity`/`nan` in any
/// case with an optional sign. Out-of-range values become `inf` or 0.
/// Error: `could not convert string to float: 'abc'`.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let err = || format!("could not convert string to float: {}", str_repr(s));
    let ascii = to_ascii_number_text(s);
    let text = ascii.trim_matches(char::is_whitespace);
    let mut cleaned = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return Err(err());
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return Err(err());
            }
            cleaned.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return Err(err());
    }
    let (negative, unsigned) = match cleaned.as_bytes().first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, &cleaned[..]),
    };
    let lower = unsigned.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    if !is_decimal_float(cleaned.as_bytes()) {
        return Err(err());
    }
    cleaned.parse::<f64>().map_err(|_| err())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, base: u32) -> String {
        match parse_int(s, base) {
            Ok(v) => v.to_string(),
            Err(e) => e,
        }
    }

    #[test]
    fn ints() {
        assert_eq!(int(" -12 ", 10), "-12");
        assert_eq!(int("0x_1f", 0), "31");
        assert_eq!(int("0x_1f", 16), "31");
        assert_eq!(int("0b101", 0), "5");
        assert_eq!(int("0o17", 8), "15");
        assert_eq!(int("1_000", 10), "1000");
        assert_eq!(int("z", 36), "35");
        assert_eq!(int("0_0", 0), "0");
        assert_eq!(
            int("abc", 10),
            "invalid literal for int() with base 10: 'abc'"
        );
        assert_eq!(
            int("010", 0),
            "invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            int("1__2", 10),
            "invalid literal for int() with base 10: '1__2'"
        );
        assert_eq!(
            int("_1", 10),
            "invalid literal for int() with base 10: '_1'"
        );
        assert_eq!(
            int("1_", 10),
            "invalid literal for int() with base 10: '1_'"
        );
        assert_eq!(
            int("0x", 16),
            "invalid literal for int() with base 16: '0x'"
        );
        assert_eq!(int("12", 1), INT_BAD_BASE);
        assert_eq!(int("\u{a0}7\u{3000}", 10), "7");
        assert_eq!(
            int("7\u{1f}", 10),
            "invalid literal for int() with base 10: '7\\x1f'"
        );
        assert_eq!(int("", 10), "invalid literal for int() with base 10: ''");
        assert!(int(&"9".repeat(5000), 10).starts_with("Exceeds the limit (4300 digits)"));
        assert_eq!(int(&"1".repeat(5000), 2).len(), 1506);
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float(" 1_0.5 "), Ok(10.5));
        assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_float("+nAn").unwrap().is_nan());
        assert_eq!(parse_float("1."), Ok(1.0));
        assert_eq!(parse_float(".5e-3"), Ok(0.0005));
        assert_eq!(parse_float("1e400"), Ok(f64::INFINITY));
        for bad in [
            "abc", "1__0", "1e", ".", "1_e5", "0x1p3", "infinit", "", " ", "1_", "_1",
        ] {
            assert_eq!(
                parse_float(bad),
                Err(format!(
                    "could not convert string to float: {}",
                    str_repr(bad)
                ))
            );
        }
    }
}
