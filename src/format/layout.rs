//! Padding, alignment, sign placement and digit grouping of formatted fields.

use super::spec::FormatSpec;

/// The pieces of a formatted number, before sign, grouping and padding.
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`, `0o`, `0b` (or upper-case) prefix, possibly empty.
    pub prefix: &'a str,
    /// Leading integer digits (ASCII), subject to grouping; may be empty.
    pub digits: &'a str,
    /// Everything after the integer digits: `.5`, `e+10`, `inf`, `%`.
    pub remainder: &'a str,
}

/// Insert `sep` every `group` digits from the right, zero-extending to at
/// least `min_width` characters the way CPython does for `0`-padding (a
/// separator is never the first character). `group == 0` means no grouping.
pub(crate) fn group_digits(digits: &str, group: usize, sep: char, min_width: isize) -> String {
    let bytes = digits.as_bytes();
    if group == 0 {
        let width = (min_width.max(1) as usize).max(bytes.len());
        let mut out = "0".repeat(width - bytes.len());
        out.push_str(digits);
        return out;
    }
    // Chunks collected right to left, then reversed.
    let mut chunks: Vec<String> = Vec::new();
    let mut remaining = bytes.len() as isize;
    let mut min_width = min_width;
    let len = group as isize;
    loop {
        let l = len.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let start = (remaining - n_chars) as usize;
        let mut chunk = "0".repeat(n_zeros as usize);
        chunk.push_str(&digits[start..remaining as usize]);
        chunks.push(chunk);
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    chunks.reverse();
    chunks.join(&sep.to_string())
}

/// Lay out a number per `spec` (CPython's `calc_number_widths` and
/// `fill_number`): `[lpad][sign][prefix][spad][digits][remainder][rpad]`.
pub(crate) fn layout_number(
    parts: &NumberParts,
    spec: &FormatSpec,
    group: usize,
    sep: char,
) -> String {
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero_pad { '=' } else { '>' });
    let sign = match (spec.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map(|w| w as isize).unwrap_or(-1);
    let n_non_digit = sign.is_some() as isize
        + parts.prefix.chars().count() as isize
        + parts.remainder.chars().count() as isize;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, group, sep, min_width)
    };
    let padding = (width - n_non_digit - grouped.chars().count() as isize).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(grouped.len() + parts.remainder.len() + padding + 4);
    out.extend(std::iter::repeat_n(fill, lpad));
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, spad));
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

/// Pad `text` (already truncated) to `width` code points with `fill`,
/// using alignment `<`, `>` or `^`.
pub(crate) fn pad_text(text: &str, width: Option<usize>, align: char, fill: char) -> String {
    let len = text.chars().count();
    let padding = width.unwrap_or(0).saturating_sub(len);
    if padding == 0 {
        return text.to_string();
    }
    let (left, right) = match align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::with_capacity(text.len() + padding * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", 3, ',', 0), "1,234,567");
        assert_eq!(group_digits("123", 3, ',', 0), "123");
        assert_eq!(group_digits("1234", 3, ',', 8), "0,001,234");
        assert_eq!(group_digits("1234", 3, ',', 9), "0,001,234");
        assert_eq!(group_digits("1234", 3, ',', 10), "00,001,234");
        assert_eq!(group_digits("11111111", 4, '_', 0), "1111_1111");
        assert_eq!(group_digits("12", 0, ',', 5), "00012");
    }

    #[test]
    fn padding() {
        assert_eq!(pad_text("ab", Some(5), '^', '*'), "*ab**");
        assert_eq!(pad_text("ab", Some(1), '>', '*'), "ab");
        assert_eq!(pad_text("中", Some(3), '>', '文'), "文文中");
    }
}
