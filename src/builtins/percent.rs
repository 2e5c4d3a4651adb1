// `str % args`: matches the template's conversions with the arguments.

use crate::format::*;
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::{Payload, Value};

pub fn percent_format(interp: &mut Interp, template: &str, args: &Value) -> PyResult<String> {
    let pieces = parse_percent(template).map_err(value_error)?;
    // An instance of a tuple subclass is the argument tuple; one of a str or int
    // subclass is a single argument, never a mapping.
    let args = &match args {
        Value::Instance(i) => match &i.payload {
            Payload::Value(t @ Value::Tuple(_)) => t.clone(),
            _ => args.clone(),
        },
        _ => args.clone(),
    };
    let mapping = matches!(args, Value::Dict(_))
        || matches!(args, Value::Instance(i) if !matches!(i.payload, Payload::Value(_))
            && interp.user_method(args, interp.sym.getitem).is_some());
    let items: Vec<Value> = match args {
        Value::Tuple(t) => (**t).clone(),
        other => vec![other.clone()],
    };
    let mut next = 0usize;
    let mut out = String::with_capacity(template.len() + 16);
    let mut take = |interp: &Interp| -> PyResult<Value> {
        let _ = interp;
        let v = items
            .get(next)
            .cloned()
            .ok_or_else(|| type_error(NOT_ENOUGH_ARGUMENTS))?;
        next += 1;
        Ok(v)
    };
    let mut used_mapping = false;
    for piece in pieces {
        let spec = match piece {
            PercentPiece::Literal(t) => {
                out.push_str(&t);
                continue;
            }
            PercentPiece::Conv(s) => s,
        };
        let star = |interp: &mut Interp, v: Value| -> PyResult<i64> {
            match v {
                Value::Int(i) => Ok(i),
                _ => {
                    let _ = interp;
                    Err(type_error(STAR_WANTS_INT))
                }
            }
        };
        let sw = if spec.width == PercentCount::Star {
            Some(star(interp, take(interp)?)?)
        } else {
            None
        };
        let sp = if spec.precision == PercentCount::Star {
            Some(star(interp, take(interp)?)?)
        } else {
            None
        };
        let arg = match &spec.key {
            Some(k) => {
                if !mapping {
                    return Err(type_error(FORMAT_REQUIRES_MAPPING));
                }
                used_mapping = true;
                interp.getitem(args, &Value::str(k))?
            }
            None => {
                if mapping && !matches!(args, Value::Tuple(_)) {
                    used_mapping = true;
                    args.clone()
                } else {
                    take(interp)?
                }
            }
        };
        spec.check().map_err(value_error)?;
        // A number conversion of an int or float subclass instance uses its value.
        let arg = match &arg {
            Value::Instance(i) if !matches!(spec.conv, 's' | 'r' | 'a') => match &i.payload {
                Payload::Value(v) => v.clone(),
                _ => arg,
            },
            _ => arg,
        };
        let f = spec.resolve(sw, sp);
        check_alloc(f.width.unwrap_or(0), 4)?;
        let tn = interp.type_name(&arg);
        let s = match (spec.conv, &arg) {
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Value::Int(i)) => percent_i64(*i, &f),
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Value::Bool(b)) => percent_i64(*b as i64, &f),
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Value::BigInt(b)) => percent_int(b, &f),
            ('d' | 'i' | 'u', Value::Float(x)) => {
                percent_int(&float_to_int(*x).map_err(value_error)?, &f)
            }
            ('d' | 'i' | 'u', _) => return Err(type_error(real_number_required(spec.conv, &tn))),
            ('o' | 'x' | 'X', _) => return Err(type_error(integer_required(spec.conv, &tn))),
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Float(x)) => percent_float(*x, &f),
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Int(i)) => percent_float(*i as f64, &f),
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Bool(b)) => {
                percent_float(*b as i64 as f64, &f)
            }
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::BigInt(b)) => {
                percent_float(crate::interp::ops::big_to_f64(b)?, &f)
            }
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', _) => {
                return Err(type_error(must_be_real_number(&tn)))
            }
            ('c', Value::Int(i)) => {
                let c = percent_char_code(&num_bigint::BigInt::from(*i)).map_err(overflow_error)?;
                percent_char(c, &f)
            }
            ('c', Value::Str(s)) if s.len() == 1 => percent_char(s.char_at(0), &f),
            ('c', _) => return Err(type_error(C_REQUIRES_INT_OR_CHAR)),
            ('s', v) => percent_str(&interp.str(v)?, &f),
            ('r', v) => percent_str(&interp.repr(v)?, &f),
            ('a', v) => percent_str(&crate::interp::repr::ascii_escape(&interp.repr(v)?), &f),
            _ => {
                return Err(value_error(unsupported_format_character(
                    spec.conv, spec.index,
                )))
            }
        };
        out.push_str(&s);
    }
    if !used_mapping && next < items.len() && (!mapping || matches!(args, Value::Tuple(_))) {
        return Err(type_error(NOT_ALL_CONVERTED));
    }
    Ok(out)
}
