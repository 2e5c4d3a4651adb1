//! printf-style `%` formatting: parsing the template and rendering one
//! conversion for an int, float, char or already-converted string.
//!
//! Argument matching (tuple vs. mapping, counting, `*` values, calling
//! `str()`/`repr()`/`ascii()`) belongs to the interpreter; the messages it
//! needs are provided here as constants and helpers.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::dtoa::{double_to_string, DtoaFlags};

/// TypeError: more conversions than arguments.
pub const NOT_ENOUGH_ARGUMENTS: &str = "not enough arguments for format string";
/// TypeError: arguments left over after the last conversion.
pub const NOT_ALL_CONVERTED: &str = "not all arguments converted during string formatting";
/// TypeError: `%(key)` used without a mapping argument.
pub const FORMAT_REQUIRES_MAPPING: &str = "format requires a mapping";
/// TypeError: a `*` width or precision argument that is not an int.
pub const STAR_WANTS_INT: &str = "* wants int";
/// TypeError: `%c` given something other than an int or a 1-char str.
pub const C_REQUIRES_INT_OR_CHAR: &str = "%c requires int or char";
/// OverflowError: `%c` given an int outside the code point range.
pub const C_ARG_NOT_IN_RANGE: &str = "%c arg not in range(0x110000)";

/// TypeError for `%d`/`%i`/`%u` with a non-number: `"%d format: a real
/// number is required, not str"`.
pub fn real_number_required(conv: char, type_name: &str) -> String {
    format!("%{conv} format: a real number is required, not {type_name}")
}

/// TypeError for `%o`/`%x`/`%X` with a non-int: `"%x format: an integer
/// is required, not float"`.
pub fn integer_required(conv: char, type_name: &str) -> String {
    format!("%{conv} format: an integer is required, not {type_name}")
}

/// TypeError for `%e %f %g` with a non-number: `"must be real number, not str"`.
pub fn must_be_real_number(type_name: &str) -> String {
    format!("must be real number, not {type_name}")
}

/// ValueError for an unknown conversion character at code point `index`.
pub fn unsupported_format_character(ch: char, index: usize) -> String {
    let code = ch as u32;
    let shown = if (31..=126).contains(&code) { ch } else { '?' };
    format!("unsupported format character '{shown}' (0x{code:x}) at index {index}")
}

/// Width or precision as written in the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentCount {
    /// Not given.
    Absent,
    /// `*`: taken from the next argument.
    Star,
    /// A literal number.
    Given(usize),
}

/// Conversion flags `- + space # 0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub sign: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
}

/// One `%...` conversion as parsed (the literal `%%` is a [`PercentPiece::Literal`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// The `(key)` mapping key, if any.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: PercentCount,
    pub precision: PercentCount,
    /// The conversion character, possibly unsupported (see [`PercentSpec::check`]).
    pub conv: char,
    /// Code point index of `conv` within the template (for messages).
    pub index: usize,
}

/// A piece of a parsed `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentPiece {
    Literal(String),
    Conv(PercentSpec),
}

/// A conversion with `*` values resolved, ready to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PercentFormat {
    pub flags: PercentFlags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    pub conv: char,
}

impl PercentSpec {
    /// Ok for a supported conversion character, else CPython's
    /// "unsupported format character" error. CPython reports this only
    /// after fetching the conversion's argument, so call it then.
    pub fn check(&self) -> Result<(), String> {
        if "diouxXeEfFgGcrsa".contains(self.conv) {
            Ok(())
        } else {
            Err(unsupported_format_character(self.conv, self.index))
        }
    }

    /// Resolve `*` width/precision with the argument values the interpreter
    /// fetched (in template order: width first). A negative `*` width means
    /// left-justify; a negative `*` precision counts as 0.
    pub fn resolve(&self, star_width: Option<i64>, star_precision: Option<i64>) -> PercentFormat {
        let mut flags = self.flags;
        let width = match self.width {
            PercentCount::Absent => None,
            PercentCount::Given(w) => Some(w),
            PercentCount::Star => star_width.map(|w| {
                if w < 0 {
                    flags.left = true;
                }
                w.unsigned_abs() as usize
            }),
        };
        let precision = match self.precision {
            PercentCount::Absent => None,
            PercentCount::Given(p) => Some(p),
            PercentCount::Star => star_precision.map(|p| p.max(0) as usize),
        };
        PercentFormat {
            flags,
            width,
            precision,
            conv: self.conv,
        }
    }
}

/// Parse a `%` template into literal text and conversions.
///
/// Errors: "incomplete format", "incomplete format key", "width too big",
/// "precision too big". Unknown conversion characters are kept (see
/// [`PercentSpec::check`]); `h`, `l`, `L` length modifiers are skipped.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        if chars[i] != '%' {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            literal.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if i < n && chars[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < n && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err("incomplete format key".into());
            }
            key = Some(chars[start..i - 1].iter().collect());
        }
        let mut flags = PercentFlags::default();
        while i < n {
            match chars[i] {
                '-' => flags.left = true,
                '+' => flags.sign = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let number = |i: &mut usize, what: &str| -> Result<PercentCount, String> {
            if *i < n && chars[*i] == '*' {
                *i += 1;
                return Ok(PercentCount::Star);
            }
            let start = *i;
            let mut value: usize = 0;
            while *i < n && chars[*i].is_ascii_digit() {
                let d = chars[*i] as usize - '0' as usize;
                value = value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d))
                    .filter(|&v| v <= isize::MAX as usize)
                    .ok_or_else(|| format!("{what} too big"))?;
                *i += 1;
            }
            Ok(if *i == start {
                PercentCount::Absent
            } else {
                PercentCount::Given(value)
            })
        };
        let width = number(&mut i, "width")?;
        let mut precision = PercentCount::Absent;
        if i < n && chars[i] == '.' {
            i += 1;
            precision = match number(&mut i, "precision")? {
                PercentCount::Absent => PercentCount::Given(0),
                other => other,
            };
        }
        while i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err("incomplete format".into());
        }
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Conv(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv: chars[i],
            index: i,
        }));
        i += 1;
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

/// Pad a converted field as CPython's `unicode_format_arg_output` does.
/// `numeric` is true for `d i u o x X e E f F g G`.
fn output(text: &str, f: &PercentFormat, numeric: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    let flags = f.flags;
    let mut width = f.width.unwrap_or(0);
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    if f.width.is_none_or(|w| w <= len)
        && f.precision.is_none_or(|p| p >= len)
        && !(flags.sign || flags.space)
    {
        return text.to_string();
    }
    if matches!(f.conv, 's' | 'r' | 'a') {
        if let Some(p) = f.precision {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = None;
    if numeric {
        let first = chars.first().copied();
        if first == Some('-') || first == Some('+') {
            sign = first;
            len -= 1;
            pindex = 1;
        } else if flags.sign {
            sign = Some('+');
        } else if flags.space {
            sign = Some(' ');
        }
    }
    width = width.max(len);
    let mut out = String::with_capacity(width + 4);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags.alt && matches!(f.conv, 'x' | 'X' | 'o');
    let mut prefix_done = false;
    if has_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(f.conv);
            pindex += 2;
            prefix_done = true;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if has_prefix && !prefix_done {
            out.push('0');
            out.push(f.conv);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

/// Integer text `[-][0x]{zeros}digits` (CPython's `_PyUnicode_FormatLong`).
fn format_long(negative: bool, magnitude: String, f: &PercentFormat) -> String {
    let (mut digits, prefix) = match f.conv {
        'o' => (magnitude, "0o"),
        'x' => (magnitude, "0x"),
        'X' => (magnitude.to_ascii_uppercase(), "0X"),
        _ => (magnitude, ""),
    };
    if let Some(p) = f.precision {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    if f.flags.alt {
        out.push_str(prefix);
    }
    out.push_str(&digits);
    out
}

fn radix_of(conv: char) -> u32 {
    match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    }
}

/// Render `%d %i %u %o %x %X` for an int.
pub fn percent_int(value: &BigInt, f: &PercentFormat) -> String {
    let magnitude = value.magnitude().to_str_radix(radix_of(f.conv));
    output(&format_long(value.is_negative(), magnitude, f), f, true)
}

/// Render `%d %i %u %o %x %X` for an int that fits in an `i64`.
pub fn percent_i64(value: i64, f: &PercentFormat) -> String {
    let m = value.unsigned_abs();
    let magnitude = match radix_of(f.conv) {
        8 => format!("{m:o}"),
        16 => format!("{m:x}"),
        _ => m.to_string(),
    };
    output(&format_long(value < 0, magnitude, f), f, true)
}

/// Render `%e %E %f %F %g %G` (default precision 6).
pub fn percent_float(value: f64, f: &PercentFormat) -> String {
    let flags = DtoaFlags {
        alt: f.flags.alt,
        ..DtoaFlags::default()
    };
    let (negative, body) = double_to_string(value, f.conv, f.precision.unwrap_or(6), flags);
    let text = if negative { format!("-{body}") } else { body };
    output(&text, f, true)
}

/// Render `%s %r %a` given the already converted text (`str()`, `repr()`
/// or `ascii()` of the argument); precision truncates in code points.
pub fn percent_str(text: &str, f: &PercentFormat) -> String {
    output(text, f, false)
}

/// Render `%c` for a character (see [`percent_char_code`] for int arguments).
pub fn percent_char(ch: char, f: &PercentFormat) -> String {
    output(ch.encode_utf8(&mut [0; 4]), f, false)
}

/// The character for an int `%c` argument, or [`C_ARG_NOT_IN_RANGE`].
pub fn percent_char_code(value: &BigInt) -> Result<char, String> {
    value
        .to_u32()
        .filter(|&c| c <= 0x10ffff)
        .ok_or_else(|| C_ARG_NOT_IN_RANGE.to_string())
        .and_then(|c| {
            char::from_u32(c).ok_or_else(|| "surrogate code points are not supported".to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(fmt: &str) -> PercentFormat {
        match parse_percent(fmt).unwrap().as_slice() {
            [PercentPiece::Conv(s)] => s.resolve(None, None),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn parsing() {
        let pieces = parse_percent("a%(k)-5.2fb%%c").unwrap();
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0], PercentPiece::Literal("a".into()));
        let PercentPiece::Conv(c) = &pieces[1] else {
            panic!()
        };
        assert_eq!(c.key.as_deref(), Some("k"));
        assert!(c.flags.left);
        assert_eq!(c.width, PercentCount::Given(5));
        assert_eq!(c.precision, PercentCount::Given(2));
        assert_eq!(c.index, 9);
        assert_eq!(pieces[2], PercentPiece::Literal("b%c".into()));
        assert_eq!(parse_percent("%").unwrap_err(), "incomplete format");
        assert_eq!(parse_percent("%(a").unwrap_err(), "incomplete format key");
        let PercentPiece::Conv(z) = &parse_percent("%z").unwrap()[0] else {
            panic!()
        };
        assert_eq!(
            z.check().unwrap_err(),
            "unsupported format character 'z' (0x7a) at index 1"
        );
    }

    #[test]
    fn rendering() {
        assert_eq!(percent_float(3.14259, &spec("%5.2f")), " 3.14");
        assert_eq!(percent_i64(3, &spec("%-5d")), "3    ");
        assert_eq!(percent_i64(-3, &spec("%05d")), "-0003");
        assert_eq!(percent_i64(255, &spec("%x")), "ff");
        assert_eq!(percent_i64(8, &spec("%#o")), "0o10");
        assert_eq!(percent_float(12345.678, &spec("%e")), "1.234568e+04");
        assert_eq!(percent_float(1e-5, &spec("%g")), "1e-05");
        assert_eq!(percent_str("abcdef", &spec("%.3s")), "abc");
        assert_eq!(percent_char('A', &spec("%c")), "A");
        assert_eq!(percent_i64(255, &spec("%#5x")), " 0xff");
        assert_eq!(percent_i64(8, &spec("%-#8o")), "0o10    ");
        assert_eq!(percent_float(f64::INFINITY, &spec("%010f")), "0000000inf");
        assert_eq!(percent_i64(5, &spec("%+.3d")), "+005");
        assert_eq!(percent_i64(5, &spec("%-+ #0x")), "+0x5");
        assert_eq!(percent_float(-3.14259, &spec("%+08.2f")), "-0003.14");
        assert_eq!(percent_int(&BigInt::from(-255), &spec("%#X")), "-0XFF");
    }
}
