//! `round()` for floats and float-to-int conversion, with CPython's rules.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Zero};

/// ValueError text for converting a NaN to int.
pub const NAN_TO_INT: &str = "cannot convert float NaN to integer";
/// OverflowError text for converting an infinity to int.
pub const INF_TO_INT: &str = "cannot convert float infinity to integer";
/// OverflowError text when `round(x, n)` overflows.
pub const ROUND_TOO_LARGE: &str = "rounded value too large to represent";

/// `round(x, ndigits)` for a float, correctly rounded (half-to-even on the
/// exact binary value, like CPython's decimal-string method):
/// `round_float(2.675, 2) == Ok(2.67)`. NaN and infinities come back
/// unchanged; an overflow gives [`ROUND_TOO_LARGE`] (an OverflowError).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x.abs())
    } else {
        // |x| = m * 2**e exactly; round |x| / 10**k to an integer.
        let bits = x.abs().to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, e) = if biased == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), biased - 1075)
        };
        let mut num = BigInt::from(m);
        let mut den = BigInt::one();
        if e >= 0 {
            num <<= e as usize;
        } else {
            den <<= (-e) as usize;
        }
        den *= num_traits::pow(BigInt::from(10u32), (-ndigits) as usize);
        let (mut q, r) = num.div_rem(&den);
        let twice: BigInt = r << 1usize;
        if twice > den || (twice == den && q.is_odd()) {
            q += 1;
        }
        format!("{q}e{}", -ndigits)
    };
    let rounded: f64 = text.parse().expect("decimal text parses");
    if rounded.is_infinite() {
        return Err(ROUND_TOO_LARGE.to_string());
    }
    Ok(if x.is_sign_negative() {
        -rounded
    } else {
        rounded
    })
}

fn check_finite(x: f64) -> Result<(), String> {
    if x.is_nan() {
        Err(NAN_TO_INT.to_string())
    } else if x.is_infinite() {
        Err(INF_TO_INT.to_string())
    } else {
        Ok(())
    }
}

/// `round(x)` with no ndigits: the nearest int, ties to even
/// (`round(0.5) == 0`, `round(1.5) == 2`). Errors: [`NAN_TO_INT`]
/// (ValueError) and [`INF_TO_INT`] (OverflowError).
pub fn round_half_even_to_int(x: f64) -> Result<BigInt, String> {
    check_finite(x)?;
    Ok(BigInt::from_f64(x.round_ties_even()).unwrap_or_else(BigInt::zero))
}

/// `int(x)` for a float: truncation toward zero, same errors as
/// [`round_half_even_to_int`].
pub fn float_to_int(x: f64) -> Result<BigInt, String> {
    check_finite(x)?;
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_ndigits() {
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(0.125, 2), Ok(0.12));
        assert_eq!(round_float(0.375, 2), Ok(0.38));
        assert_eq!(round_float(1234.5, -1), Ok(1230.0));
        assert_eq!(round_float(1250.0, -2), Ok(1200.0));
        assert_eq!(round_float(1350.0, -2), Ok(1400.0));
        assert_eq!(round_float(-1.5, 0), Ok(-2.0));
        assert!(round_float(-0.4, 0).unwrap().is_sign_negative());
        assert_eq!(round_float(5e-324, 400), Ok(5e-324));
        assert_eq!(round_float(1e300, -400), Ok(0.0));
        assert_eq!(
            round_float(1.7976931348623157e308, -308),
            Err(ROUND_TOO_LARGE.into())
        );
    }

    #[test]
    fn to_int() {
        assert_eq!(round_half_even_to_int(0.5), Ok(BigInt::from(0)));
        assert_eq!(round_half_even_to_int(1.5), Ok(BigInt::from(2)));
        assert_eq!(round_half_even_to_int(-2.5), Ok(BigInt::from(-2)));
        assert_eq!(
            round_half_even_to_int(1e20),
            Ok(BigInt::from(100000000000000000000u128))
        );
        assert_eq!(round_half_even_to_int(f64::NAN), Err(NAN_TO_INT.into()));
        assert_eq!(
            round_half_even_to_int(f64::INFINITY),
            Err(INF_TO_INT.into())
        );
        assert_eq!(float_to_int(-3.9), Ok(BigInt::from(-3)));
    }
}
