//! Checks the format library against reference results produced by CPython 3.11.

#[path = "format_cpython/cases.rs"]
mod cases;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use spindle::format::*;

/// Render a result the way the generated tables do: text, or `ERR:` + message.
fn show(r: Result<String, String>) -> String {
    r.unwrap_or_else(|e| format!("ERR:{e}"))
}

fn big(s: &str) -> BigInt {
    s.parse().expect("decimal int in table")
}

fn bits_text(x: f64) -> String {
    format!("0x{:016x}", x.to_bits())
}

/// Compare, collecting mismatches so one run shows them all.
struct Check {
    failures: Vec<String>,
    count: usize,
}

impl Check {
    fn new() -> Check {
        Check {
            failures: Vec::new(),
            count: 0,
        }
    }

    fn eq(&mut self, what: String, got: String, want: &str) {
        self.count += 1;
        if got != want {
            self.failures
                .push(format!("{what}: got {got:?}, want {want:?}"));
        }
    }

    fn finish(self, name: &str) {
        assert!(
            self.failures.is_empty(),
            "{name}: {} of {} cases differ:\n{}",
            self.failures.len(),
            self.count,
            self.failures.join("\n")
        );
    }
}

#[test]
fn float_repr_matches_cpython() {
    let mut c = Check::new();
    for &(b, want) in cases::FLOAT_REPR {
        let x = f64::from_bits(b);
        c.eq(format!("repr({x:e})"), float_repr(x), want);
    }
    c.finish("float_repr");
}

#[test]
fn format_float_matches_cpython() {
    let mut c = Check::new();
    for &(b, spec, want) in cases::FORMAT_FLOAT {
        let x = f64::from_bits(b);
        let got = FormatSpec::parse_for(spec, "float").and_then(|s| format_float(x, &s));
        c.eq(format!("format({x:e}, {spec:?})"), show(got), want);
    }
    c.finish("format_float");
}

#[test]
fn format_int_matches_cpython() {
    let mut c = Check::new();
    for &(v, spec, want) in cases::FORMAT_INT {
        let n = big(v);
        let parsed = FormatSpec::parse_for(spec, "int");
        let got = parsed.clone().and_then(|s| format_int(&n, &s));
        c.eq(format!("format({v}, {spec:?})"), show(got), want);
        if let Some(small) = n.to_i64() {
            let got = parsed.and_then(|s| format_i64(small, &s));
            c.eq(format!("format_i64({v}, {spec:?})"), show(got), want);
        }
    }
    c.finish("format_int");
}

#[test]
fn format_str_matches_cpython() {
    let mut c = Check::new();
    for &(v, spec, want) in cases::FORMAT_STR {
        let got = FormatSpec::parse_for(spec, "str").and_then(|s| format_str(v, &s));
        c.eq(format!("format({v:?}, {spec:?})"), show(got), want);
    }
    c.finish("format_str");
}

/// The argument of a single-conversion `%` case.
enum Arg<'a> {
    Int(BigInt),
    Float(f64),
    Str(&'a str),
}

impl Arg<'_> {
    fn type_name(&self) -> &'static str {
        match self {
            Arg::Int(_) => "int",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
        }
    }

    fn str_text(&self) -> String {
        match self {
            Arg::Int(n) => n.to_string(),
            Arg::Float(x) => float_repr(*x),
            Arg::Str(s) => s.to_string(),
        }
    }
}

/// What the interpreter does for one conversion: type dispatch plus the
/// library's renderers and messages.
fn render_one(spec: &PercentSpec, arg: &Arg) -> Result<String, String> {
    spec.check()?;
    // The generated cases pass 5 for any `*`.
    let star_width = (spec.width == PercentCount::Star).then_some(5);
    let star_precision = (spec.precision == PercentCount::Star).then_some(5);
    let f = spec.resolve(star_width, star_precision);
    match (spec.conv, arg) {
        ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::Int(n)) => Ok(percent_int(n, &f)),
        ('d' | 'i' | 'u', Arg::Float(x)) => Ok(percent_int(&float_to_int(*x)?, &f)),
        ('d' | 'i' | 'u', other) => Err(real_number_required(spec.conv, other.type_name())),
        ('o' | 'x' | 'X', other) => Err(integer_required(spec.conv, other.type_name())),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Float(x)) => Ok(percent_float(*x, &f)),
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::Int(n)) => {
            Ok(percent_float(n.to_f64().unwrap(), &f))
        }
        ('e' | 'E' | 'f' | 'F' | 'g' | 'G', other) => Err(must_be_real_number(other.type_name())),
        ('c', Arg::Int(n)) => Ok(percent_char(percent_char_code(n)?, &f)),
        ('c', Arg::Str(s)) if s.chars().count() == 1 => {
            Ok(percent_char(s.chars().next().unwrap(), &f))
        }
        ('c', _) => Err(C_REQUIRES_INT_OR_CHAR.to_string()),
        ('s', a) => Ok(percent_str(&a.str_text(), &f)),
        ('r', Arg::Str(s)) => Ok(percent_str(&str_repr(s), &f)),
        ('a', Arg::Str(s)) => Ok(percent_str(&ascii_repr(s), &f)),
        ('r' | 'a', a) => Ok(percent_str(&a.str_text(), &f)),
        _ => unreachable!("checked conversion"),
    }
}

fn percent(template: &str, arg: &Arg) -> Result<String, String> {
    let mut out = String::new();
    for piece in parse_percent(template)? {
        match piece {
            PercentPiece::Literal(text) => out.push_str(&text),
            PercentPiece::Conv(spec) => out.push_str(&render_one(&spec, arg)?),
        }
    }
    Ok(out)
}

#[test]
fn percent_matches_cpython() {
    let mut c = Check::new();
    for &(template, kind, arg, want) in cases::PERCENT {
        let value = match kind {
            "i" => Arg::Int(big(arg)),
            "f" => Arg::Float(f64::from_bits(
                u64::from_str_radix(arg.trim_start_matches("0x"), 16).unwrap(),
            )),
            _ => Arg::Str(arg),
        };
        c.eq(
            format!("{template:?} % {arg:?}"),
            show(percent(template, &value)),
            want,
        );
    }
    c.finish("percent");
}

#[test]
fn parse_int_matches_cpython() {
    let mut c = Check::new();
    for &(s, base, want) in cases::PARSE_INT {
        let got = parse_int(s, base).map(|v| v.to_string());
        c.eq(format!("int({s:?}, {base})"), show(got), want);
    }
    c.finish("parse_int");
}

#[test]
fn parse_float_matches_cpython() {
    let mut c = Check::new();
    for &(s, want) in cases::PARSE_FLOAT {
        let got = parse_float(s).map(|x| {
            if x.is_nan() {
                // CPython's float('nan') has this bit pattern; any NaN is fine.
                "0x7ff8000000000000".to_string()
            } else {
                bits_text(x)
            }
        });
        c.eq(format!("float({s:?})"), show(got), want);
    }
    c.finish("parse_float");
}

#[test]
fn round_matches_cpython() {
    let mut c = Check::new();
    for &(b, n, want) in cases::ROUND_FLOAT {
        let x = f64::from_bits(b);
        let got = round_float(x, n).map(|r| {
            if r.is_nan() {
                bits_text(x)
            } else {
                bits_text(r)
            }
        });
        c.eq(format!("round({x:e}, {n})"), show(got), want);
    }
    for &(b, want_round, want_int) in cases::ROUND_INT {
        let x = f64::from_bits(b);
        let got = round_half_even_to_int(x).map(|v| v.to_string());
        c.eq(format!("round({x:e})"), show(got), want_round);
        let got = float_to_int(x).map(|v| v.to_string());
        c.eq(format!("int({x:e})"), show(got), want_int);
    }
    c.finish("round");
}

#[test]
fn radix_matches_cpython() {
    let mut c = Check::new();
    for &(v, b, o, h) in cases::RADIX {
        let n = big(v);
        c.eq(format!("bin({v})"), int_to_radix(&n, 2, true), b);
        c.eq(format!("oct({v})"), int_to_radix(&n, 8, true), o);
        c.eq(format!("hex({v})"), int_to_radix(&n, 16, true), h);
    }
    c.finish("radix");
}

#[test]
fn reprs_match_cpython() {
    let mut c = Check::new();
    for &(s, want_repr, want_ascii) in cases::STR_REPR {
        c.eq(format!("repr({s:?})"), str_repr(s), want_repr);
        c.eq(format!("ascii({s:?})"), ascii_repr(s), want_ascii);
    }
    for &(b, want) in cases::BYTES_REPR {
        c.eq(format!("repr({b:?})"), bytes_repr(b), want);
    }
    c.finish("reprs");
}
