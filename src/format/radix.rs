//! `bin()`, `oct()`, `hex()`: integers in base 2, 8 or 16 with prefixes.

use num_bigint::BigInt;
use num_traits::Signed;

/// Text of `value` in `radix` (2..=36, lower-case digits), with a leading
/// `-` for negatives and, when `prefix` is true, the `0b`/`0o`/`0x` prefix
/// for radix 2/8/16 placed after the sign: `int_to_radix(-255, 16, true)`
/// is `"-0xff"`, as `hex(-255)`.
pub fn int_to_radix(value: &BigInt, radix: u32, prefix: bool) -> String {
    let digits = value.magnitude().to_str_radix(radix);
    let pre = match (prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if value.is_negative() { "-" } else { "" };
    format!("{sign}{pre}{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(int_to_radix(&BigInt::from(-255), 16, true), "-0xff");
        assert_eq!(int_to_radix(&BigInt::from(0), 2, true), "0b0");
        assert_eq!(int_to_radix(&BigInt::from(8), 8, true), "0o10");
        assert_eq!(int_to_radix(&BigInt::from(35), 36, false), "z");
        let big = BigInt::from(1) << 100u32;
        assert_eq!(int_to_radix(&big, 16, true), "0x10000000000000000000000000");
    }
}
