// The `string` module's constants.

use super::{make_module, set_attr};
use crate::value::Value;

pub fn module() -> Value {
    let m = make_module("string", &[]);
    let lower = "abcdefghijklmnopqrstuvwxyz";
    let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let digits = "0123456789";
    let punct = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
    let ws = " \t\n\r\x0b\x0c";
    set_attr(&m, "ascii_lowercase", Value::str(lower));
    set_attr(&m, "ascii_uppercase", Value::str(upper));
    set_attr(
        &m,
        "ascii_letters",
        Value::string(format!("{}{}", lower, upper)),
    );
    set_attr(&m, "digits", Value::str(digits));
    set_attr(&m, "hexdigits", Value::str("0123456789abcdefABCDEF"));
    set_attr(&m, "octdigits", Value::str("01234567"));
    set_attr(&m, "punctuation", Value::str(punct));
    set_attr(&m, "whitespace", Value::str(ws));
    set_attr(
        &m,
        "printable",
        Value::string(format!("{}{}{}{}{}", digits, lower, upper, punct, ws)),
    );
    Value::Module(m)
}
