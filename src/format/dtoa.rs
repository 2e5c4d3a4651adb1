//! Decimal digit generation for `f64` and CPython's float-to-text layout rules.
//!
//! The layout follows CPython's `PyOS_double_to_string` (format codes
//! `e f g r` and their upper-case forms). Digits come from Rust's float
//! formatting, which is exact and rounds half-to-even on the binary value,
//! exactly like CPython's `_Py_dg_dtoa`.

/// Options for [`double_to_string`], mirroring CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Alternate form (`#`): keep the decimal point and trailing zeros.
    pub alt: bool,
    /// Add `.0` when the result would otherwise look like an integer.
    pub add_dot_0: bool,
    /// Drop the sign of a result that rounds to zero (`z` option).
    pub no_neg_0: bool,
}

/// Significant decimal digits (no trailing zeros, never empty) and the
/// decimal point position: the value is `0.DIGITS * 10**decpt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

impl Digits {
    fn zero() -> Digits {
        Digits {
            digits: vec![b'0'],
            decpt: 1,
        }
    }

    /// Build from a digit string whose first digit sits just left of the
    /// decimal point position `decpt`, trimming zeros on both ends.
    fn normalized(mut digits: Vec<u8>, mut decpt: i64) -> Digits {
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..lead);
        decpt -= lead as i64;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            Digits::zero()
        } else {
            Digits { digits, decpt }
        }
    }

    fn is_zero(&self) -> bool {
        self.digits == b"0"
    }
}

/// Parse Rust's `{:e}` output (`"1.25e-7"`) into [`Digits`].
fn from_scientific(text: &str) -> Digits {
    let (mantissa, exp) = text.split_once('e').expect("exponent in {:e} output");
    let exp: i64 = exp.parse().expect("integer exponent");
    let digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
    Digits::normalized(digits, exp + 1)
}

/// Shortest digits that round-trip to `x` (finite; sign ignored).
pub(crate) fn shortest(x: f64) -> Digits {
    let a = x.abs();
    let d = from_scientific(&format!("{:e}", a));
    // Only a fraction between 1 and 2**53 with 16 or 17 digits can lie exactly halfway
    // between two shortest candidates (1392901803008524.25): its exact expansion is
    // that short. Rust takes the upper one, CPython the even.
    if (1.0..9007199254740992.0).contains(&a)
        && a.fract() != 0.0
        && d.digits.len() >= 16
        && d.digits.last().is_some_and(|c| (c - b'0') % 2 == 1)
    {
        if let Some(even) = even_of_tie(a, &d) {
            return even;
        }
    }
    d
}

/// When `x` is exactly halfway between `d` (odd last digit) and the other candidate
/// of the same length, that other one, if it also reads back as `x`.
fn even_of_tie(x: f64, d: &Digits) -> Option<Digits> {
    let n = d.digits.len();
    let exact = significant(x, EXACT_DIGITS);
    if exact.digits.len() != n + 1 || exact.digits[n] != b'5' {
        return None;
    }
    let mut other = exact.digits[..n].to_vec();
    let mut decpt = exact.decpt;
    if other == d.digits && decpt == d.decpt {
        // `d` is the lower candidate: the other is one unit in the last place above.
        let mut i = n;
        loop {
            if i == 0 {
                other.insert(0, b'1');
                decpt += 1;
                break;
            }
            i -= 1;
            if other[i] == b'9' {
                other[i] = b'0';
            } else {
                other[i] += 1;
                break;
            }
        }
    }
    let text = format!(
        "{}.{}e{}",
        other[0] as char,
        std::str::from_utf8(&other[1..]).ok()?,
        decpt - 1
    );
    let last_even = other
        .get(n - 1)
        .is_some_and(|c| (c - b'0').is_multiple_of(2));
    (last_even && text.parse::<f64>().ok()? == x).then(|| Digits::normalized(other, decpt))
}

/// A double's exact decimal expansion has at most 767 significant digits and ends at
/// most 1074 places after the point: asking for more only adds zeros, which the
/// digits drop anyway (and the formatter's precision must stay below 65536).
const EXACT_DIGITS: usize = 1100;

/// `n >= 1` significant digits, correctly rounded (finite; sign ignored).
pub(crate) fn significant(x: f64, n: usize) -> Digits {
    from_scientific(&format!("{:.*e}", n.clamp(1, EXACT_DIGITS) - 1, x.abs()))
}

/// Digits rounded to `n` places after the point (finite; sign ignored).
pub(crate) fn fixed(x: f64, n: usize) -> Digits {
    let text = format!("{:.*}", n.min(EXACT_DIGITS), x.abs());
    let (int_part, _) = text.split_once('.').unwrap_or((&text, ""));
    let decpt = int_part.len() as i64;
    let digits: Vec<u8> = text.bytes().filter(|b| b.is_ascii_digit()).collect();
    Digits::normalized(digits, decpt)
}

/// Format a float like CPython's `PyOS_double_to_string`.
///
/// `code` is one of `e E f F g G r` (`r` is repr style: shortest digits,
/// exponent when the decimal exponent is < -4 or >= 16). Returns whether a
/// minus sign is needed and the unsigned text (`"inf"`, `"nan"`, `"1.5e+16"`).
/// The sign of a NaN is ignored, as in CPython.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> (bool, String) {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        return (false, if upper { "NAN" } else { "nan" }.to_string());
    }
    if x.is_infinite() {
        return (x < 0.0, if upper { "INF" } else { "inf" }.to_string());
    }
    let mut precision = precision as i64;
    let d = match code {
        'e' => {
            precision += 1;
            significant(x, precision as usize)
        }
        'f' => fixed(x, precision as usize),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            significant(x, precision as usize)
        }
        'r' => shortest(x),
        _ => panic!("double_to_string: bad format code {code:?}"),
    };
    let negative = x.is_sign_negative() && !(flags.no_neg_0 && d.is_zero());
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8) as usize);
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let text = std::str::from_utf8(digits).expect("ascii digits");
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text[..decpt as usize]);
        out.push('.');
        out.push_str(&text[decpt as usize..]);
    } else {
        out.push_str(text);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    (negative, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64, code: char, prec: usize) -> String {
        let (neg, body) = double_to_string(x, code, prec, DtoaFlags::default());
        if neg {
            format!("-{body}")
        } else {
            body
        }
    }

    #[test]
    fn digit_generation() {
        assert_eq!(shortest(0.1).digits, b"1");
        assert_eq!(shortest(0.1).decpt, 0);
        assert_eq!(shortest(0.0), Digits::zero());
        assert_eq!(fixed(0.001, 2), Digits::zero());
        assert_eq!(fixed(123.45, 1).digits, b"1235");
        assert_eq!(significant(2.5, 1).digits, b"2");
    }

    #[test]
    fn layouts() {
        assert_eq!(fmt(2.675, 'f', 2), "2.67");
        assert_eq!(fmt(0.125, 'f', 2), "0.12");
        assert_eq!(fmt(12345.678, 'e', 6), "1.234568e+04");
        assert_eq!(fmt(1e-5, 'g', 6), "1e-05");
        assert_eq!(fmt(-1.5, 'E', 0), "-2E+00");
        assert_eq!(fmt(f64::INFINITY, 'F', 2), "INF");
        assert_eq!(fmt(1e16, 'r', 0), "1e+16");
        assert_eq!(fmt(123456.0, 'g', 6), "123456");
        assert_eq!(fmt(1234567.0, 'g', 6), "1.23457e+06");
        assert_eq!(fmt(0.0001, 'g', 6), "0.0001");
    }

    #[test]
    fn flags() {
        let alt = DtoaFlags {
            alt: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(1.0, 'f', 0, alt).1, "1.");
        assert_eq!(double_to_string(1.0, 'g', 3, alt).1, "1.00");
        let z = DtoaFlags {
            no_neg_0: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(-0.001, 'f', 2, z), (false, "0.00".into()));
        assert!(double_to_string(-0.01, 'f', 2, z).0);
    }
}
