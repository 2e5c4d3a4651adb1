//! `repr(float)` / `str(float)`: shortest round-trip text, CPython style.

use super::dtoa::{double_to_string, DtoaFlags};

/// Exactly CPython's `repr(x)` for a float (also `str(x)`).
///
/// Shortest digits that read back as `x`; scientific notation when the
/// decimal exponent is below -4 or at least 16; integral values get `.0`.
/// `float_repr(1e16) == "1e+16"`, `float_repr(-0.0) == "-0.0"`,
/// `float_repr(f64::NAN) == "nan"`.
pub fn float_repr(x: f64) -> String {
    // Fast path: integral values below 1e16 print all their digits plus ".0".
    if x.fract() == 0.0 && x.abs() < 1e16 {
        if x == 0.0 {
            return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
        }
        return format!("{}.0", x as i64);
    }
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    let (negative, body) = double_to_string(x, 'r', 0, flags);
    if negative {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn examples() {
        let cases: &[(f64, &str)] = &[
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.1, "0.1"),
            (1.0, "1.0"),
            (123456789.0, "123456789.0"),
            (1.2345678901234568e+17, "1.2345678901234568e+17"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0001, "0.0001"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.30000000000000004, "0.30000000000000004"),
            (-9007199254740993.0, "-9007199254740992.0"),
            (-12.0, "-12.0"),
            (1e15, "1000000000000000.0"),
            // Halfway between two shortest candidates: the even one.
            (1392901803008524.0 + 0.25, "1392901803008524.2"),
            (16828226543660.0 + 0.5625, "16828226543660.562"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr of {x:e}");
        }
    }
}
