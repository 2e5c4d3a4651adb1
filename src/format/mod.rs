//! Value-independent text formatting that matches CPython 3.11 exactly.
//!
//! Nothing here knows the interpreter's object model: callers pass plain
//! Rust values (`f64`, `i64`, `BigInt`, `&str`) and get text or CPython's
//! exact error message back.
//!
//! * [`float_repr`]: text of `repr(float)`.
//! * [`FormatSpec`], [`format_int`], [`format_i64`], [`format_float`],
//!   [`format_str`]: `format()` and f-string specs.
//! * [`parse_percent`] and the `percent_*` renderers: printf-style `%`.
//! * [`parse_int`], [`parse_float`], [`int_to_radix`], [`round_float`],
//!   [`round_half_even_to_int`]: number parsing, `bin`/`oct`/`hex`, `round`.
//! * [`str_repr`], [`ascii_repr`], [`bytes_repr`]: string and bytes reprs.

mod apply;
mod digits;
mod dtoa;
mod float_repr;
mod layout;
mod numparse;
mod percent;
mod printable;
mod radix;
mod repr;
mod rounding;
mod spec;

pub use apply::{format_float, format_i64, format_int, format_str, INT_TOO_LARGE_FOR_FLOAT};
pub use digits::decimal_value;
pub use dtoa::{double_to_string, DtoaFlags};
pub use float_repr::float_repr;
pub use numparse::{
    is_py_space, parse_float, parse_int, parse_int_with_limit, INT_BAD_BASE, INT_MAX_STR_DIGITS,
};
pub use percent::{
    integer_required, must_be_real_number, parse_percent, percent_char, percent_char_code,
    percent_float, percent_i64, percent_int, percent_str, real_number_required,
    unsupported_format_character, PercentCount, PercentFlags, PercentFormat, PercentPiece,
    PercentSpec, C_ARG_NOT_IN_RANGE, C_REQUIRES_INT_OR_CHAR, FORMAT_REQUIRES_MAPPING,
    NOT_ALL_CONVERTED, NOT_ENOUGH_ARGUMENTS, STAR_WANTS_INT,
};
pub use printable::is_printable;
pub use radix::int_to_radix;
pub use repr::{ascii_repr, bytes_repr, str_repr};
pub use rounding::{
    float_to_int, round_float, round_half_even_to_int, INF_TO_INT, NAN_TO_INT, ROUND_TOO_LARGE,
};
pub use spec::{unknown_format_code, FormatSpec};
