//! Table of non-ASCII Unicode decimal digits (category Nd) as CPython 3.11 knows them.

/// Code points of the digit zero of each non-ASCII run of decimal digits
/// `0..=9` (Unicode 14.0.0, generated from CPython 3.11), sorted.
#[rustfmt::skip]
static DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66,
    0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0,
    0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0,
    0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730,
    0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950,
    0x1FBF0,
];

/// The value of a decimal digit character (ASCII or any Unicode Nd digit),
/// like CPython's `Py_UNICODE_TODECIMAL`.
pub fn decimal_value(ch: char) -> Option<u32> {
    if ch.is_ascii_digit() {
        return Some(ch as u32 - '0' as u32);
    }
    let c = ch as u32;
    let idx = DIGIT_ZEROS.partition_point(|&z| z <= c);
    let zero = *DIGIT_ZEROS.get(idx.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// Replace non-ASCII decimal digits by ASCII ones and non-ASCII
/// whitespace by a space, as CPython does before parsing `int()` and
/// `float()` arguments. Other non-ASCII characters become `?`.
pub(crate) fn to_ascii_number_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if c.is_whitespace() {
                ' '
            } else {
                match decimal_value(c) {
                    Some(d) => char::from_digit(d, 10).unwrap_or('?'),
                    None => '?',
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{ff19}'), Some(9));
        assert_eq!(decimal_value('\u{b2}'), None);
        assert_eq!(decimal_value('a'), None);
        assert_eq!(to_ascii_number_text("\u{a0}\u{661}\u{662}x\u{e9}"), " 12x?");
    }
}
