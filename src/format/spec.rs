//! Parsing of the format-spec mini-language used by `format()` and f-strings.

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Defaults that depend on the formatted object (alignment, padding) are
/// resolved by the `format_*` functions, so one parsed spec serves every type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with an alignment).
    pub fill: Option<char>,
    /// Explicit alignment: one of `< > ^ =`.
    pub align: Option<char>,
    /// Sign option: one of `+ - ' '`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` flag given without an explicit fill character.
    pub zero_pad: bool,
    /// Minimum field width, in code points.
    pub width: Option<usize>,
    /// Grouping option: `,` or `_`.
    pub grouping: Option<char>,
    /// Precision after `.`.
    pub precision: Option<usize>,
    /// Presentation type (`None` when absent).
    pub ty: Option<char>,
}

/// Render a presentation type for messages like CPython (`'d'` or `'\x1'`).
pub(crate) fn type_char_text(ty: char) -> String {
    let code = ty as u32;
    if code > 32 && code < 128 {
        format!("'{ty}'")
    } else {
        format!("'\\x{code:x}'")
    }
}

/// `Unknown format code 'X' for object of type 'T'`.
pub fn unknown_format_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{type_name}'",
        type_char_text(ty)
    )
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse a run of decimal digits; `Ok(None)` when there are none.
fn parse_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut value: usize = 0;
    while *pos < chars.len() {
        let Some(d) = chars[*pos].to_digit(10) else {
            break;
        };
        if !chars[*pos].is_ascii_digit() {
            break;
        }
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(value) })
}

impl FormatSpec {
    /// Parse a spec; errors name the object type as `object`. Prefer
    /// [`FormatSpec::parse_for`] when the type name is known.
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        FormatSpec::parse_for(spec, "object")
    }

    /// Parse a spec for an object whose Python type name is `type_name`
    /// (used only in the "Invalid format specifier" message).
    pub fn parse_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        if end >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            out.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            out.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && pos < end && chars[pos] == '0' {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = parse_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            out.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if out.grouping.is_some() {
                return Err("Cannot specify both ',' and '_'.".into());
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            match parse_integer(&chars, &mut pos)? {
                Some(p) => out.precision = Some(p),
                None => return Err("Format specifier missing precision".into()),
            }
        }
        if end - pos > 1 {
            return Err(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ));
        }
        if end - pos == 1 {
            out.ty = Some(chars[pos]);
        }
        if let Some(sep) = out.grouping {
            let ok = match out.ty {
                None => true,
                Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => sep == '_',
                _ => false,
            };
            if !ok {
                let ty = out.ty.unwrap_or('\0');
                return Err(format!(
                    "Cannot specify '{sep}' with {}.",
                    type_char_text(ty)
                ));
            }
        }
        Ok(out)
    }

    /// Digits per group for the grouping option with this type (3, or 4
    /// for `_` with `b o x X`), or `None` without grouping.
    pub fn group_size(&self) -> Option<usize> {
        self.grouping.map(|_| match self.ty {
            Some('b' | 'o' | 'x' | 'X') => 4,
            _ => 3,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_spec() {
        let s = FormatSpec::parse("*^+z#012,.3f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.no_neg_0 && s.alternate);
        assert!(!s.zero_pad);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
    }

    #[test]
    fn zero_flag_and_fill() {
        let s = FormatSpec::parse("010").unwrap();
        assert!(s.zero_pad);
        assert_eq!(s.width, Some(10));
        let s = FormatSpec::parse("x<05").unwrap();
        assert!(!s.zero_pad);
        assert_eq!(s.width, Some(5));
        let s = FormatSpec::parse("中^7").unwrap();
        assert_eq!(s.fill, Some('中'));
    }

    #[test]
    fn errors() {
        let err = |s: &str| FormatSpec::parse_for(s, "int").unwrap_err();
        assert_eq!(err("."), "Format specifier missing precision");
        assert_eq!(err(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(err("_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(err(",,"), "Cannot specify ',' with ','.");
        assert_eq!(err(",s"), "Cannot specify ',' with 's'.");
        assert_eq!(err("_n"), "Cannot specify '_' with 'n'.");
        assert_eq!(
            err("abc"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(
            err("99999999999999999999"),
            "Too many decimal digits in format string"
        );
        assert_eq!(
            unknown_format_code('\u{1}', "int"),
            "Unknown format code '\\x1' for object of type 'int'"
        );
    }
}
