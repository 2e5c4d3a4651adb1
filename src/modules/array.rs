// `_array`: what `array.array` (stdlib/array.py) needs of the machine: each typecode's
// item check with CPython's messages (C ranges, float32 rounding), and items to and
// from machine bytes.

use super::make_module;
use super::math::{integer, real};
use crate::builtins::functions::arity;
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

pub fn module() -> Value {
    Value::Module(make_module(
        "_array",
        &[
            ("item", item),
            ("tobytes", tobytes),
            ("frombytes", frombytes),
        ],
    ))
}

type Range = (i128, i128, &'static str, &'static str);

const LONG: Range = (
    i64::MIN as i128,
    i64::MAX as i128,
    "Python int too large to convert to C long",
    "Python int too large to convert to C long",
);
const SHORT: Range = (
    i16::MIN as i128,
    i16::MAX as i128,
    "signed short integer is greater than maximum",
    "signed short integer is less than minimum",
);
const INT: Range = (
    i32::MIN as i128,
    i32::MAX as i128,
    "signed integer is greater than maximum",
    "signed integer is less than minimum",
);
const NEGATIVE_UNSIGNED: &str = "can't convert negative value to unsigned int";
const ULONG: Range = (
    0,
    u64::MAX as i128,
    "Python int too large to convert to C unsigned long",
    NEGATIVE_UNSIGNED,
);

/// The C ranges an integer of a typecode passes through on its way in, in CPython's
/// order (a wider C type first: a 'b' item is read as a C long, then a short, then
/// checked as a char), with the messages for a value above or below each.
fn int_ranges(tc: char) -> Option<&'static [Range]> {
    Some(match tc {
        'b' => &[
            LONG,
            SHORT,
            (
                i8::MIN as i128,
                i8::MAX as i128,
                "signed char is greater than maximum",
                "signed char is less than minimum",
            ),
        ],
        'B' => &[
            LONG,
            (
                0,
                u8::MAX as i128,
                "unsigned byte integer is greater than maximum",
                "unsigned byte integer is less than minimum",
            ),
        ],
        'h' => &[LONG, SHORT],
        'H' => &[
            LONG,
            INT,
            (
                0,
                u16::MAX as i128,
                "unsigned short is greater than maximum",
                "unsigned short is less than minimum",
            ),
        ],
        'i' => &[LONG, INT],
        'I' => &[
            (0, i128::MAX, "", NEGATIVE_UNSIGNED),
            ULONG,
            (
                0,
                u32::MAX as i128,
                "unsigned int is greater than maximum",
                NEGATIVE_UNSIGNED,
            ),
        ],
        'l' => &[LONG],
        'L' => &[(0, i128::MAX, "", NEGATIVE_UNSIGNED), ULONG],
        'q' => &[(
            i64::MIN as i128,
            i64::MAX as i128,
            "int too big to convert",
            "int too big to convert",
        )],
        'Q' => &[
            (0, i128::MAX, "", "can't convert negative int to unsigned"),
            (0, u64::MAX as i128, "int too big to convert", ""),
        ],
        _ => return None,
    })
}

fn typecode(v: &Value) -> PyResult<char> {
    match v {
        Value::Str(s) if s.len() == 1 => Ok(s.char_at(0)),
        _ => Err(value_error("bad typecode")),
    }
}

/// `item(typecode, value)`: `value` as an array of `typecode` stores it (a float
/// rounded to single precision for 'f'), or CPython's error.
fn item(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("item", args, 2, 2)?;
    let tc = typecode(&args[0])?;
    let v = &args[1];
    if let Some(ranges) = int_ranges(tc) {
        let n: BigInt = integer(interp, v)?;
        // Beyond i128 is beyond every bounded range: its sign says which end.
        let x = n
            .to_i128()
            .unwrap_or(if n.sign() == num_bigint::Sign::Minus {
                i128::MIN
            } else {
                i128::MAX
            });
        for &(lo, hi, too_big, too_small) in ranges {
            if x > hi {
                return Err(overflow_error(too_big));
            }
            if x < lo {
                return Err(overflow_error(too_small));
            }
        }
        return Ok(Value::from_bigint(n));
    }
    match tc {
        'f' => Ok(Value::Float(real(interp, v)? as f32 as f64)),
        'd' => Ok(Value::Float(real(interp, v)?)),
        // A str subclass's character is stored as a plain str.
        'u' => match crate::methods::dunders::plain(v) {
            Value::Str(s) if s.len() == 1 => Ok(Value::Str(s)),
            _ => Err(type_error("array item must be unicode character")),
        },
        _ => Err(value_error("bad typecode")),
    }
}

/// The size in bytes of an item of `tc` (as CPython on 64-bit Linux).
fn size(tc: char) -> usize {
    match tc {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' | 'u' => 4,
        _ => 8,
    }
}

/// `tobytes(typecode, items)`: checked items as machine bytes (native order).
fn tobytes(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("tobytes", args, 2, 2)?;
    let tc = typecode(&args[0])?;
    let items = interp.collect(&args[1])?;
    let mut out = Vec::with_capacity(items.len() * size(tc));
    for v in &items {
        match (tc, v) {
            ('f', _) => out.extend((real(interp, v)? as f32).to_ne_bytes()),
            ('d', _) => out.extend(real(interp, v)?.to_ne_bytes()),
            ('u', Value::Str(s)) if s.len() == 1 => out.extend((s.char_at(0) as u32).to_ne_bytes()),
            _ => {
                // Two's complement keeps the low bytes of signed and unsigned alike.
                let n = integer(interp, v)?;
                let wide = n.to_i128().unwrap_or(0).to_ne_bytes();
                let k = size(tc);
                if cfg!(target_endian = "little") {
                    out.extend(&wide[..k]);
                } else {
                    out.extend(&wide[16 - k..]);
                }
            }
        }
    }
    Ok(Value::Bytes(Rc::new(out)))
}

/// `frombytes(typecode, data)`: the items machine bytes hold (a length that is not a
/// multiple of the item size is the caller's ValueError).
fn frombytes(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("frombytes", args, 2, 2)?;
    let tc = typecode(&args[0])?;
    let data = match &args[1] {
        Value::Bytes(b) => b.clone(),
        _ => return Err(type_error("a bytes-like object is required")),
    };
    let k = size(tc);
    let mut items = Vec::with_capacity(data.len() / k);
    for c in data.chunks_exact(k) {
        let mut b8 = [0u8; 8];
        b8[..k].copy_from_slice(c);
        let v = match tc {
            'b' => Value::Int(c[0] as i8 as i64),
            'B' => Value::Int(c[0] as i64),
            'h' => Value::Int(i16::from_ne_bytes([c[0], c[1]]) as i64),
            'H' => Value::Int(u16::from_ne_bytes([c[0], c[1]]) as i64),
            'i' => Value::Int(i32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as i64),
            'I' => Value::Int(u32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as i64),
            'f' => Value::Float(f32::from_ne_bytes([c[0], c[1], c[2], c[3]]) as f64),
            'u' => {
                let code = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
                match char::from_u32(code) {
                    Some(ch) => Value::string(ch.to_string()),
                    None => {
                        return Err(value_error(format!(
                            "character U+{code:x} is not in range [U+0000; U+10ffff]"
                        )))
                    }
                }
            }
            'd' => Value::Float(f64::from_ne_bytes(b8)),
            'L' | 'Q' => Value::from_bigint(BigInt::from(u64::from_ne_bytes(b8))),
            _ => Value::Int(i64::from_ne_bytes(b8)),
        };
        items.push(v);
    }
    Ok(Value::list(items))
}
