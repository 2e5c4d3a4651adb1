// Methods of `int` and `float`: bit_length, to_bytes/from_bytes, is_integer,
// as_integer_ratio, hex, conjugate.

use super::args::*;
use crate::builtins::def_method;
use crate::builtins::functions::take_kw;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, Zero};
use std::rc::Rc;

pub fn install() {
    let t = types();
    def_method(&t.int, "int", "bit_length", bit_length);
    def_method(&t.int, "int", "bit_count", bit_count);
    def_method(&t.int, "int", "to_bytes", to_bytes);
    def_method(&t.int, "int", "conjugate", int_conjugate);
    def_method(&t.int, "int", "as_integer_ratio", int_ratio);
    def_method(&t.int, "int", "__index__", int_index);
    super::def_classmethod(&t.int, "from_bytes", from_bytes);
    def_method(&t.float, "float", "is_integer", is_integer);
    def_method(&t.float, "float", "as_integer_ratio", float_ratio);
    def_method(&t.float, "float", "hex", float_hex);
    def_method(&t.float, "float", "conjugate", float_conjugate);
}

fn this_int(interp: &Interp, args: &[Value], name: &str) -> PyResult<BigInt> {
    match args.first() {
        Some(Value::Int(i)) => Ok(BigInt::from(*i)),
        Some(Value::Bool(b)) => Ok(BigInt::from(*b as i64)),
        Some(Value::BigInt(b)) => Ok((**b).clone()),
        _ => Err(wrong_receiver(interp, args, "int", name)),
    }
}

fn this_float(interp: &Interp, args: &[Value], name: &str) -> PyResult<f64> {
    match args.first() {
        Some(Value::Float(f)) => Ok(*f),
        _ => Err(wrong_receiver(interp, args, "float", name)),
    }
}

fn bit_length(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "bit_length")?;
    noargs("int.bit_length", args, &kw)?;
    Ok(Value::Int(n.magnitude().bits() as i64))
}

fn bit_count(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "bit_count")?;
    noargs("int.bit_count", args, &kw)?;
    let ones: u32 = n
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones())
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_conjugate(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "conjugate")?;
    noargs("int.conjugate", args, &kw)?;
    Ok(Value::from_bigint(n))
}

fn int_index(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "__index__")?;
    noargs("int.__index__", args, &kw)?;
    Ok(Value::from_bigint(n))
}

fn int_ratio(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "as_integer_ratio")?;
    noargs("int.as_integer_ratio", args, &kw)?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

fn byteorder(interp: &Interp, v: &Option<Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            interp.type_name(other)
        ))),
    }
}

fn to_bytes(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let n = this_int(interp, args, "to_bytes")?;
    let signed = match take_kw(&mut kw, "signed") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let a = kwparse("to_bytes", args, kw, &["length", "byteorder"], 0)?;
    let length = match &a[0] {
        Some(v) => int_arg(interp, v)?,
        None => 1,
    };
    let little = byteorder(interp, &a[1], "to_bytes")?;
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    if !signed && n.is_negative() {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let bits = 8 * length as u64;
    let fits = if signed {
        let limit = BigInt::one() << (bits.max(1) - 1);
        length > 0 && n >= -limit.clone() && n < limit || (length == 0 && n.is_zero())
    } else {
        n.bits() <= bits
    };
    if !fits {
        return Err(overflow_error("int too big to convert"));
    }
    let unsigned = if n.is_negative() {
        (BigInt::one() << bits) + &n
    } else {
        n
    };
    let (_, mut digits) = unsigned.to_bytes_le();
    if unsigned.is_zero() {
        digits.clear();
    }
    digits.resize(length, 0);
    if !little {
        digits.reverse();
    }
    Ok(Value::Bytes(Rc::new(digits)))
}

fn from_bytes(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let signed = match take_kw(&mut kw, "signed") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let a = kwparse("from_bytes", args, kw, &["bytes", "byteorder"], 1)?;
    let src = a[0].clone().unwrap_or(Value::None);
    let data: Vec<u8> = match &src {
        Value::Bytes(b) => b.to_vec(),
        Value::List(_) | Value::Tuple(_) => {
            let mut out = Vec::new();
            for x in interp.collect(&src)? {
                match x {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) => return Err(value_error("bytes must be in range(0, 256)")),
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            interp.type_name(&other)
                        )))
                    }
                }
            }
            out
        }
        other => {
            return Err(type_error(format!(
                "cannot convert '{}' object to bytes",
                interp.type_name(other)
            )))
        }
    };
    let little = byteorder(interp, &a[1], "from_bytes")?;
    let mut n = if little {
        BigInt::from_bytes_le(Sign::Plus, &data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    if signed && !data.is_empty() {
        let top = if little {
            data[data.len() - 1]
        } else {
            data[0]
        };
        if top & 0x80 != 0 {
            n -= BigInt::one() << (8 * data.len());
        }
    }
    Ok(Value::from_bigint(n))
}

fn is_integer(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let x = this_float(interp, args, "is_integer")?;
    noargs("float.is_integer", args, &kw)?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let x = this_float(interp, args, "conjugate")?;
    noargs("float.conjugate", args, &kw)?;
    Ok(Value::Float(x))
}

/// Mantissa and exponent with `x == m * 2**e` exactly (x finite, nonzero).
fn decompose(x: f64) -> (i64, i64) {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    if x < 0.0 {
        (-m, e)
    } else {
        (m, e)
    }
}

fn float_ratio(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let x = this_float(interp, args, "as_integer_ratio")?;
    noargs("float.as_integer_ratio", args, &kw)?;
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let (mut m, mut e) = decompose(x);
    while m % 2 == 0 && e < 0 {
        m /= 2;
        e += 1;
    }
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as u64, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as u64)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let x = this_float(interp, args, "hex")?;
    noargs("float.hex", args, &kw)?;
    if x.is_nan() {
        return Ok(Value::str("nan"));
    }
    if x.is_infinite() {
        return Ok(Value::str(if x > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(Value::string(format!(
        "{sign}0x{lead}.{frac:013x}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}
