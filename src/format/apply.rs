//! Applying a parsed [`FormatSpec`] to ints, floats and strings (`format()`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::dtoa::{double_to_string, DtoaFlags};
use super::layout::{layout_number, pad_text, NumberParts};
use super::spec::{unknown_format_code, FormatSpec};

/// Message for converting an int that does not fit into a float.
pub const INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";

/// An integer borrowed either as a machine word or as a big integer.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(v) => *v < 0,
            IntRef::Big(v) => v.is_negative(),
        }
    }

    /// Digits of the magnitude in `radix` (2, 8, 10 or 16), lower case.
    fn abs_digits(&self, radix: u32) -> String {
        match self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                }
            }
            IntRef::Big(v) => v.magnitude().to_str_radix(radix),
        }
    }

    fn to_f64(self) -> Result<f64, String> {
        let f = match self {
            IntRef::Small(v) => v as f64,
            IntRef::Big(v) => v.to_f64().unwrap_or(f64::INFINITY),
        };
        if f.is_finite() {
            Ok(f)
        } else {
            Err(INT_TOO_LARGE_FOR_FLOAT.to_string())
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(v) => v.to_i64(),
        }
    }
}

/// `format(n, spec)` for a Python int held as a `BigInt`.
///
/// Float presentation types (`e E f F g G %`) convert to float first
/// (error [`INT_TOO_LARGE_FOR_FLOAT`] when out of range). Note: CPython 3.11
/// also limits decimal conversion to 4300 digits; that configurable limit is
/// left to the caller.
pub fn format_int(value: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    format_integer(IntRef::Big(value), spec)
}

/// `format(n, spec)` for an int that fits in an `i64` (fast path).
pub fn format_i64(value: i64, spec: &FormatSpec) -> Result<String, String> {
    format_integer(IntRef::Small(value), spec)
}

fn format_integer(value: IntRef, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    let (radix, prefix) = match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(value.to_f64()?, spec),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'c' | 'd' | 'n' => (10, ""),
        _ => return Err(unknown_format_code(ty, "int")),
    };
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let code = value
            .to_i64()
            .ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        let ch = u32::try_from(code)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
        let ch = char::from_u32(ch)
            .ok_or_else(|| "surrogate code points are not supported".to_string())?;
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            remainder: &text,
        };
        return Ok(layout_number(&parts, spec, 0, ','));
    }
    let mut digits = value.abs_digits(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    let (group, sep) = grouping(spec);
    Ok(layout_number(&parts, spec, group, sep))
}

fn grouping(spec: &FormatSpec) -> (usize, char) {
    match (spec.ty, spec.grouping) {
        (Some('n'), _) | (_, None) => (0, ','),
        (_, Some(sep)) => (spec.group_size().unwrap_or(3), sep),
    }
}

/// `format(x, spec)` for a Python float.
///
/// With no presentation type: repr-like when no precision is given
/// (`format(1e16, '') == "1e+16"`), otherwise `g` that keeps at least one
/// digit after the point (`format(10.0, '.2') == "1e+01"`).
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, String> {
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        add_dot_0: false,
        no_neg_0: spec.no_neg_0,
    };
    let mut value = value;
    let mut percent = false;
    let (code, default_precision) = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => {
            value *= 100.0;
            percent = true;
            ('f', 6)
        }
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (c, 6),
        Some(c) => return Err(unknown_format_code(c, "float")),
    };
    let (code, precision) = match spec.precision {
        None => (code, default_precision),
        Some(p) if code == 'r' => ('g', p),
        Some(p) => (code, p),
    };
    if precision > i32::MAX as usize {
        return Err("precision too big".into());
    }
    let (negative, mut body) = double_to_string(value, code, precision, flags);
    if percent {
        body.push('%');
    }
    let split = body
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(body.len());
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..split],
        remainder: &body[split..],
    };
    let (group, sep) = grouping(spec);
    Ok(layout_number(&parts, spec, group, sep))
}

/// `format(s, spec)` for a Python str; width and precision count code points.
pub fn format_str(value: &str, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_format_code(c, "str")),
    }
    if let Some(sep) = spec.grouping {
        return Err(format!("Cannot specify '{sep}' with 's'."));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let truncated = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((idx, _)) => &value[..idx],
            None => value,
        },
        None => value,
    };
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    Ok(pad_text(
        truncated,
        spec.width,
        spec.align.unwrap_or('<'),
        fill,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: i64, s: &str) -> String {
        let spec = FormatSpec::parse_for(s, "int").unwrap();
        let a = format_i64(v, &spec);
        assert_eq!(a, format_int(&BigInt::from(v), &spec));
        a.unwrap_or_else(|e| format!("ERR {e}"))
    }

    fn ff(v: f64, s: &str) -> String {
        let spec = FormatSpec::parse_for(s, "float").unwrap();
        format_float(v, &spec).unwrap_or_else(|e| format!("ERR {e}"))
    }

    fn fs(v: &str, s: &str) -> String {
        let spec = FormatSpec::parse_for(s, "str").unwrap();
        format_str(v, &spec).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn ints() {
        assert_eq!(fi(1234567, ","), "1,234,567");
        assert_eq!(fi(-255, "#x"), "-0xff");
        assert_eq!(fi(255, "#010X"), "0X000000FF");
        assert_eq!(fi(255, "_b"), "1111_1111");
        assert_eq!(fi(-42, "=+8"), "-     42");
        assert_eq!(fi(42, "*^9"), "***42****");
        assert_eq!(fi(65, "c"), "A");
        assert_eq!(fi(1234, "08,"), "0,001,234");
        assert_eq!(fi(3, ".2f"), "3.00");
        assert_eq!(
            fi(1, ".2"),
            "ERR Precision not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, "s"),
            "ERR Unknown format code 's' for object of type 'int'"
        );
        assert_eq!(
            fi(1, "+c"),
            "ERR Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(fi(-1, "c"), "ERR %c arg not in range(0x110000)");
        assert_eq!(fi(1234, "n"), "1234");
        assert_eq!(fi(i64::MIN, "x"), "-8000000000000000");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1.0, ""), "1.0");
        assert_eq!(ff(1e16, ""), "1e+16");
        assert_eq!(ff(1.5, ".3"), "1.5");
        assert_eq!(ff(10.0, ".2"), "1e+01");
        assert_eq!(ff(2.675, ".2f"), "2.67");
        assert_eq!(ff(0.125, ".2f"), "0.12");
        assert_eq!(ff(0.5, ".1%"), "50.0%");
        assert_eq!(ff(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(f64::NAN, "+"), "+nan");
        assert_eq!(ff(-0.0, "z"), "0.0");
        assert_eq!(
            ff(1.0, "d"),
            "ERR Unknown format code 'd' for object of type 'float'"
        );
    }

    #[test]
    fn strings() {
        assert_eq!(fs("ab", "05"), "ab000");
        assert_eq!(fs("abcdef", ".3"), "abc");
        assert_eq!(fs("中文", "^6"), "  中文  ");
        assert_eq!(fs("中文字", ".2"), "中文");
        assert_eq!(fs("a", ","), "ERR Cannot specify ',' with 's'.");
        assert_eq!(
            fs("a", "+"),
            "ERR Sign not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "#"),
            "ERR Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "=5"),
            "ERR '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "d"),
            "ERR Unknown format code 'd' for object of type 'str'"
        );
    }
}
