// Operators: arithmetic, comparison, truthiness and hashing, with Python's semantics.

use super::err::*;
use super::{Interp, PyResult};
use crate::intern::{intern, Symbol};
use crate::syntax::ast::{BinOp, CmpOp};
use crate::value::{HKey, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

const HASH_MODULUS: u64 = (1 << 61) - 1;

pub fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::MatMul => "matmul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::LShift => "lshift",
        BinOp::RShift => "rshift",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
        BinOp::BitAnd => "and",
    }
}

pub fn binop_dunders(op: BinOp) -> (Symbol, Symbol, Symbol) {
    let d = dunder(op);
    (
        intern(&format!("__{}__", d)),
        intern(&format!("__r{}__", d)),
        intern(&format!("__i{}__", d)),
    )
}

/// A number as arithmetic sees it.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        _ => None,
    }
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(overflow_error("int too large to convert to float")),
    }
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(value_error(
            "complex numbers are not supported: negative number raised to a fractional power",
        ));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

fn int_arith(op: BinOp, a: i64, b: i64) -> PyResult<Option<Value>> {
    Ok(Some(match op {
        BinOp::Add => match a.checked_add(b) {
            Some(r) => Value::Int(r),
            None => return Ok(None),
        },
        BinOp::Sub => match a.checked_sub(b) {
            Some(r) => Value::Int(r),
            None => return Ok(None),
        },
        BinOp::Mul => match a.checked_mul(b) {
            Some(r) => Value::Int(r),
            None => return Ok(None),
        },
        BinOp::Div => {
            if b == 0 {
                return Err(zero_division("division by zero"));
            }
            if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                Value::Float(a as f64 / b as f64)
            } else {
                return Ok(None);
            }
        }
        BinOp::FloorDiv => {
            if b == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            if a == i64::MIN && b == -1 {
                return Ok(None);
            }
            Value::Int(Integer::div_floor(&a, &b))
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            if b == -1 {
                Value::Int(0)
            } else {
                Value::Int(Integer::mod_floor(&a, &b))
            }
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                Value::Float((a as f64).powf(b as f64))
            } else if b > u32::MAX as i64 {
                return Ok(None);
            } else {
                match a.checked_pow(b as u32) {
                    Some(r) => Value::Int(r),
                    None => return Ok(None),
                }
            }
        }
        BinOp::LShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            if b < 63 {
                let r = a.wrapping_shl(b as u32);
                if r >> b == a {
                    return Ok(Some(Value::Int(r)));
                }
            }
            if a == 0 {
                Value::Int(0)
            } else {
                return Ok(None);
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            Value::Int(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            })
        }
        BinOp::BitOr => Value::Int(a | b),
        BinOp::BitXor => Value::Int(a ^ b),
        BinOp::BitAnd => Value::Int(a & b),
        BinOp::MatMul => return Ok(None),
    }))
}

fn big_arith(op: BinOp, a: BigInt, b: BigInt) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => Value::from_bigint(a + b),
        BinOp::Sub => Value::from_bigint(a - b),
        BinOp::Mul => Value::from_bigint(a * b),
        BinOp::Div => {
            if b.is_zero() {
                return Err(zero_division("division by zero"));
            }
            Value::Float(big_truediv(&a, &b)?)
        }
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            Value::from_bigint(a.div_floor(&b))
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            Value::from_bigint(a.mod_floor(&b))
        }
        BinOp::Pow => {
            if b.is_negative() {
                return Ok(Value::Float(float_pow(big_to_f64(&a)?, big_to_f64(&b)?)?));
            }
            match b.to_u32() {
                Some(e) => Value::from_bigint(num_traits::pow::Pow::pow(&a, e)),
                None => return Err(overflow_error("exponent too large")),
            }
        }
        BinOp::LShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(n) if n < 1 << 24 => Value::from_bigint(a << n),
                _ => return Err(overflow_error("too many digits in integer")),
            }
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(n) => Value::from_bigint(a >> n),
                None => Value::Int(if a.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitOr => Value::from_bigint(a | b),
        BinOp::BitXor => Value::from_bigint(a ^ b),
        BinOp::BitAnd => Value::from_bigint(a & b),
        BinOp::MatMul => unreachable!("matmul is rejected before numeric dispatch"),
    })
}

fn big_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y))
            if x.is_finite() && y.is_finite() && x.abs() < 9.0e15 && y.abs() < 9.0e15 =>
        {
            Ok(x / y)
        }
        _ => exact_truediv(a, b),
    }
}

/// `a / b` correctly rounded, as CPython divides ints too large to convert exactly:
/// the quotient is computed with two or three bits beyond a double's 53 (and a sticky
/// bit for any remainder), rounded half to even in those bits, then scaled.
fn exact_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    const MANT: i64 = f64::MANTISSA_DIGITS as i64; // 53
    const MIN_EXP: i64 = f64::MIN_EXP as i64; // -1021
    const MAX_EXP: i64 = f64::MAX_EXP as i64; // 1024
    let too_large = || overflow_error("integer division result too large for a float");
    let negate = a.is_negative() != b.is_negative();
    let signed = |x: f64| if negate { -x } else { x };
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff < MIN_EXP - MANT - 1 {
        return Ok(signed(0.0));
    }
    if diff > MAX_EXP {
        return Err(too_large());
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let (x, mut inexact) = if shift <= 0 {
        (a << (-shift) as u64, false)
    } else {
        (
            a >> shift as u64,
            a.trailing_zeros().unwrap_or(0) < shift as u64,
        )
    };
    let (q, r) = x.div_rem(b);
    inexact |= !r.is_zero();
    let q_bits = q.bits() as i64;
    // Bits to round away: 2 or 3 (more for a result below the normal range).
    let extra = q_bits.max(MIN_EXP - shift) - MANT;
    let mask = 1u64 << (extra - 1);
    let mut low = q.to_u64().unwrap_or(0) | inexact as u64;
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        low += mask;
    }
    low &= !(2 * mask - 1);
    // Exact: at most 53 significant bits are left.
    let dx = low as f64;
    if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dx == 2f64.powi(q_bits as i32)) {
        return Err(too_large());
    }
    Ok(signed(ldexp(dx, shift as i32)))
}

/// `x * 2**e`, exact when the result is representable (as C's ldexp).
fn ldexp(x: f64, e: i32) -> f64 {
    extern "C" {
        fn ldexp(x: f64, e: i32) -> f64;
    }
    // SAFETY: the C library's ldexp is a pure function of its arguments.
    unsafe { ldexp(x, e) }
}

fn float_arith(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_floordiv(a, b)
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_mod(a, b)
        }
        BinOp::Pow => float_pow(a, b)?,
        _ => return Err(type_error("float bitwise")),
    }))
}

/// Arithmetic on two numbers; None when either is not a number.
pub fn numeric_binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // `&`, `|` and `^` of two bools stay bools.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Ok(Some(Value::Bool(x & y))),
            BinOp::BitOr => return Ok(Some(Value::Bool(x | y))),
            BinOp::BitXor => return Ok(Some(Value::Bool(x ^ y))),
            _ => {}
        }
    }
    let (x, y) = match (num(a), num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(None),
    };
    match (x, y) {
        (Num::I(x), Num::I(y)) => match int_arith(op, x, y)? {
            Some(v) => Ok(Some(v)),
            None if op == BinOp::MatMul => Ok(None),
            None => big_arith(op, BigInt::from(x), BigInt::from(y)).map(Some),
        },
        (Num::F(x), Num::F(y)) => float_or_bits(op, x, y),
        (Num::F(x), Num::I(y)) => float_or_bits(op, x, y as f64),
        (Num::I(x), Num::F(y)) => float_or_bits(op, x as f64, y),
        (Num::F(x), Num::B(y)) => float_or_bits(op, x, big_to_f64(&y)?),
        (Num::B(x), Num::F(y)) => float_or_bits(op, big_to_f64(&x)?, y),
        (Num::B(x), Num::I(y)) => none_if_matmul(op, || big_arith(op, x, BigInt::from(y))),
        (Num::I(x), Num::B(y)) => none_if_matmul(op, || big_arith(op, BigInt::from(x), y)),
        (Num::B(x), Num::B(y)) => none_if_matmul(op, || big_arith(op, x, y)),
    }
}

fn none_if_matmul(op: BinOp, f: impl FnOnce() -> PyResult<Value>) -> PyResult<Option<Value>> {
    if op == BinOp::MatMul {
        Ok(None)
    } else {
        f().map(Some)
    }
}

fn float_or_bits(op: BinOp, a: f64, b: f64) -> PyResult<Option<Value>> {
    match op {
        BinOp::LShift
        | BinOp::RShift
        | BinOp::BitOr
        | BinOp::BitXor
        | BinOp::BitAnd
        | BinOp::MatMul => Ok(None),
        _ => float_arith(op, a, b).map(Some),
    }
}

pub fn int_hash(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn big_hash(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn float_hash(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return int_hash(x as i64);
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    h = ((h << e) & HASH_MODULUS) | (h >> (61 - e));
    let r = (h as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

pub fn tuple_hash(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = hashes.len() as u64;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

pub fn frozenset_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut h: u64 = 0;
    for x in hashes {
        h ^= shuffle(x as u64);
    }
    h ^= (len as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        590923713
    } else {
        h as i64
    }
}

/// Hash of a value that needs no interpreter (everything but user objects).
pub fn simple_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => int_hash(*i),
        Value::Bool(b) => *b as i64,
        Value::Str(s) => s.hash(),
        Value::Float(f) => float_hash(*f),
        Value::BigInt(b) => big_hash(b),
        Value::None => 0x5f3759df,
        Value::Bytes(b) => crate::value::str::hash_bytes(b),
        Value::Tuple(t) => {
            let mut hs = Vec::with_capacity(t.len());
            for x in t.iter() {
                hs.push(simple_hash(x)?);
            }
            tuple_hash(hs.into_iter())
        }
        Value::FrozenSet(s) => frozenset_hash(s.iter().map(|k| k.hash), s.len()),
        Value::Instance(_) | Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        other => other.id() >> 4,
    })
}

/// Equality of dict/set keys that runs no user code: the same object, or built-in
/// values compared structurally. None when only an `__eq__` can tell.
#[inline]
pub fn quick_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        _ if a.is(b) => Some(true),
        _ => builtin_eq(a, b),
    }
}

/// Equality of keys where a table compares them itself (the few places that do not
/// go through `Interp::find_key` and friends): `quick_eq`, then the interpreter's
/// `__eq__`. An error there cannot be returned: it is deferred to the evaluator's
/// next check, and until then keys compare unequal without running more user code
/// (so a recursing `__eq__` unwinds at once instead of trying every key).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match quick_eq(a, b) {
        Some(r) => r,
        None => match super::current() {
            Some(_) if crate::run::error_deferred() => false,
            Some(interp) => interp.eq(a, b).unwrap_or_else(|e| {
                crate::run::defer_error(e);
                false
            }),
            None => false,
        },
    }
}

/// Nested containers `builtin_eq` compares itself; deeper (or self-containing) ones
/// are left to the evaluator's comparison, which counts its depth and raises
/// RecursionError.
const MAX_BUILTIN_NESTING: u32 = 64;

/// Equality for built-in types; None when a user-defined `__eq__` may be involved.
pub fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    builtin_eq_at(a, b, 0)
}

/// `builtin_eq` `depth` containers deep.
fn builtin_eq_at(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (None, None) => true,
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (Object(_), _) | (_, Object(_)) => return Option::None,
        (Float(_) | Int(_) | Bool(_) | BigInt(_), Float(_) | Int(_) | Bool(_) | BigInt(_)) => {
            num_cmp(a, b)? == std::cmp::Ordering::Equal
        }
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(_) | List(_), _) if depth >= MAX_BUILTIN_NESTING => return Option::None,
        (Tuple(x), Tuple(y)) => items_eq(x, y, depth + 1)?,
        (List(x), List(y)) => items_eq(&x.borrow(), &y.borrow(), depth + 1)?,
        (FrozenSet(_) | Set(_), FrozenSet(_) | Set(_)) => return Option::None,
        (Dict(_), Dict(_)) => return Option::None,
        (Range(x), Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => a.is(b),
    })
}

/// Item-by-item equality of two tuples or lists (None: undecided here).
fn items_eq(x: &[Value], y: &[Value], depth: u32) -> Option<bool> {
    if x.len() != y.len() {
        return Some(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !p.is(q) && !builtin_eq_at(p, q, depth)? {
            return Some(false);
        }
    }
    Some(true)
}

/// Ordering of two numbers (None for NaN or non-numbers).
pub fn num_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (num(a)?, num(b)?) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
        (Num::I(x), Num::F(y)) => int_float_cmp(&BigInt::from(x), y),
        (Num::F(x), Num::I(y)) => int_float_cmp(&BigInt::from(y), x).map(|o| o.reverse()),
        (Num::B(x), Num::F(y)) => int_float_cmp(&x, y),
        (Num::F(x), Num::B(y)) => int_float_cmp(&y, x).map(|o| o.reverse()),
        (Num::B(x), Num::I(y)) => Some(x.cmp(&BigInt::from(y))),
        (Num::I(x), Num::B(y)) => Some(BigInt::from(x).cmp(&y)),
        (Num::B(x), Num::B(y)) => Some(x.cmp(&y)),
    }
}

fn int_float_cmp(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    if let Some(x) = i.to_i64() {
        if x.unsigned_abs() < (1 << 53) {
            return (x as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    // Exact, at any size (an i128 saturates at 2**127).
    let fb = <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(fl)?;
    match i.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

impl Interp {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = simple_hash(v) {
            return Ok(h);
        }
        match v {
            Value::Instance(inst) => {
                let cls = inst.class();
                match cls.lookup(self.sym.hash) {
                    Some(Value::None) => {
                        Err(type_error(format!("unhashable type: '{}'", cls.name)))
                    }
                    Some(f) => {
                        let r = self.call(&f, vec![v.clone()], vec![])?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::BigInt(b) => Ok(big_hash(&b)),
                            Value::Bool(b) => Ok(b as i64),
                            _ => Err(type_error("__hash__ method should return an integer")),
                        }
                    }
                    None => {
                        if cls
                            .lookup(self.sym.eq)
                            .is_some_and(|e| !matches!(e, Value::Native(_)))
                        {
                            return Err(type_error(format!("unhashable type: '{}'", cls.name)));
                        }
                        Ok(v.id() >> 4)
                    }
                }
            }
            // Only the stack bounds it: CPython hashes tuples nested past the
            // recursion limit.
            Value::Tuple(_) if self.stack_is_low() => Err(exc_msg(
                "RecursionError",
                "maximum recursion depth exceeded while calling a Python object",
            )),
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.len());
                for x in t.iter() {
                    hs.push(self.hash(x)?);
                }
                Ok(tuple_hash(hs.into_iter()))
            }
            other => Err(type_error(format!(
                "unhashable type: '{}'",
                self.type_name(other)
            ))),
        }
    }

    pub fn hkey(&mut self, v: Value) -> PyResult<HKey> {
        let hash = self.hash(&v)?;
        Ok(HKey { hash, key: v })
    }

    /// Truthiness (`bool(v)`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None | Value::Undef => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::BigInt(b) => !b.is_zero(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(f) = cls.lookup(self.sym.bool_) {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if cls.lookup(self.sym.len).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = builtin_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// Rich comparison with reflection, as the comparison operators do it.
    pub fn rich_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, reflected) = match op {
            CmpOp::Eq => (self.sym.eq, self.sym.eq),
            CmpOp::NotEq => (self.sym.ne, self.sym.ne),
            CmpOp::Lt => (self.sym.lt, self.sym.gt),
            CmpOp::LtE => (self.sym.le, self.sym.ge),
            CmpOp::Gt => (self.sym.gt, self.sym.lt),
            CmpOp::GtE => (self.sym.ge, self.sym.le),
            _ => unreachable!("only rich comparisons come here"),
        };
        if let Some(r) = self.call_dunder_opt(a, name, b)? {
            return Ok(r);
        }
        if let Some(r) = self.call_dunder_opt(b, reflected, a)? {
            return Ok(r);
        }
        // Built-in containers and numbers.
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                if let Some(f) = self.user_method(a, self.sym.eq) {
                    let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// A method defined by a user class for `v` (None for built-in values).
    pub fn user_method(&self, v: &Value, name: Symbol) -> Option<Value> {
        match v {
            // An int or str subclass instance: its base type's methods are its own.
            Value::Instance(i) if matches!(i.payload, crate::value::Payload::Value(_)) => {
                i.class().lookup(name)
            }
            Value::Instance(i) => i.class().peek(name, |v| match v {
                Some(Value::Native(_)) | None => None,
                Some(f) => Some(f.clone()),
            }),
            _ => None,
        }
    }

    /// Calls `a.name(b)` when `a`'s class defines it; None when absent or it
    /// returned NotImplemented.
    fn call_dunder_opt(&mut self, a: &Value, name: Symbol, b: &Value) -> PyResult<Option<Value>> {
        // An instance of a list or dict subclass falls back on its base type's method
        // (which works on the plain value it holds) where the subclass has none.
        let method = match a {
            Value::Instance(i) if i.holds_builtin() => i.class().lookup(name),
            _ => self.user_method(a, name),
        };
        if let Some(f) = method {
            let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// `==` and `!=` of two dicts.
    fn dict_compare(
        &mut self,
        op: CmpOp,
        x: &std::rc::Rc<std::cell::RefCell<crate::value::Dict>>,
        y: &std::rc::Rc<std::cell::RefCell<crate::value::Dict>>,
    ) -> PyResult<Option<bool>> {
        let eq = {
            // Copies: the keys' and values' `__eq__` may change either dict.
            let (x, y) = (
                x.borrow().clone(),
                std::cell::RefCell::new(y.borrow().clone()),
            );
            if x.len() != y.borrow().len() {
                false
            } else {
                let mut all = true;
                for (k, v) in x.map.iter() {
                    match self.dict_get(&y, k)? {
                        Some(w) => {
                            if !self.eq(v, &w)? {
                                all = false;
                                break;
                            }
                        }
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                all
            }
        };
        Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
    }

    fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        // A subclass of int, float, str... compares as the value it holds (its own
        // dunders, tried before this, declined: `I(2) < 2.5` as `2 < 2.5`).
        for (i, v) in [a, b].into_iter().enumerate() {
            if let Some(held) = match v {
                Value::Instance(inst) => inst.held().cloned(),
                _ => None,
            } {
                return if i == 0 {
                    self.builtin_compare(op, &held, b)
                } else {
                    self.builtin_compare(op, a, &held)
                };
            }
        }
        let ord_ok = |o: Option<Ordering>| -> Option<bool> {
            let o = o?;
            Some(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::LtE => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::GtE => o != Ordering::Less,
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::NotEq => o != Ordering::Equal,
                _ => false,
            })
        };
        if matches!(a, Value::Object(_)) || matches!(b, Value::Object(_)) {
            // Keys and items views compare as sets.
            let x = crate::methods::set::view_to_set(self, a)?;
            let y = crate::methods::set::view_to_set(self, b)?;
            if x.is_some() || y.is_some() {
                let x = x.unwrap_or_else(|| a.clone());
                let y = y.unwrap_or_else(|| b.clone());
                if matches!(x, Value::Set(_) | Value::FrozenSet(_))
                    && matches!(y, Value::Set(_) | Value::FrozenSet(_))
                {
                    return self.builtin_compare(op, &x, &y);
                }
            }
        }
        match (a, b) {
            (
                Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_),
            ) => Ok(Some(ord_ok(num_cmp(a, b)).unwrap_or(op == CmpOp::NotEq))),
            (Value::Str(x), Value::Str(y)) => Ok(ord_ok(Some(x.as_str().cmp(y.as_str())))),
            (Value::Bytes(x), Value::Bytes(y)) => Ok(ord_ok(Some(x.as_slice().cmp(y.as_slice())))),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.nested("in comparison", |i| i.seq_compare(op, &x, &y))
                    .map(Some)
            }
            (Value::Tuple(x), Value::Tuple(y)) => self
                .nested("in comparison", |i| i.seq_compare(op, x, y))
                .map(Some),
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let (x, y) = (x.clone(), y.clone());
                self.nested("in comparison", |i| i.dict_compare(op, &x, &y))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                use crate::methods::set::is_subset_of as sub;
                let (x, y) = (set_len(a), set_len(b));
                Ok(Some(match op {
                    CmpOp::Eq => x == y && sub(self, a, b)?,
                    CmpOp::NotEq => !(x == y && sub(self, a, b)?),
                    CmpOp::LtE => sub(self, a, b)?,
                    CmpOp::Lt => x < y && sub(self, a, b)?,
                    CmpOp::GtE => sub(self, b, a)?,
                    CmpOp::Gt => x > y && sub(self, b, a)?,
                    _ => false,
                }))
            }
            _ => Ok(None),
        }
    }

    fn seq_compare(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        let n = x.len().min(y.len());
        for i in 0..n {
            if x[i].is(&y[i]) {
                continue;
            }
            if !self.eq(&x[i], &y[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => {
                        let r = self.rich_compare(op, &x[i], &y[i])?;
                        self.truthy(&r)
                    }
                };
            }
        }
        let (a, b) = (x.len(), y.len());
        Ok(match op {
            CmpOp::Eq => a == b,
            CmpOp::NotEq => a != b,
            CmpOp::Lt => a < b,
            CmpOp::LtE => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::GtE => a >= b,
            _ => false,
        })
    }

    /// One comparison of a chain.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a, b) {
            (CmpOp::Lt, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x < y)),
            (CmpOp::LtE, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x <= y)),
            (CmpOp::Gt, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x > y)),
            (CmpOp::GtE, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x >= y)),
            (CmpOp::Eq, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x == y)),
            (CmpOp::NotEq, Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(x != y)),
            _ => {}
        }
        match op {
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            CmpOp::Eq | CmpOp::NotEq => {
                if let Some(r) = builtin_eq(a, b) {
                    return Ok(Value::Bool(if op == CmpOp::Eq { r } else { !r }));
                }
                self.rich_compare(op, a, b)
            }
            _ => self.rich_compare(op, a, b),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(other)
                ))),
            },
            Value::List(l) => {
                Ok(crate::methods::list::list_position(self, l, item, 0, usize::MAX)?.is_some())
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                let k = self.hkey(item.clone())?;
                self.dict_has(d, &k)
            }
            Value::Set(s) => {
                let k = self.hkey(item.clone())?;
                self.set_has(s, &k)
            }
            Value::FrozenSet(s) => {
                let k = self.hkey(item.clone())?;
                self.table_has(&**s, &k)
            }
            Value::Range(r) => match item {
                Value::Int(i) => {
                    let i = *i;
                    Ok(if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    })
                }
                _ => {
                    for i in 0..r.len() {
                        if self.eq(&Value::Int(r.get(i)), item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            },
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()))
                }
                _ => Err(type_error("a bytes-like object is required")),
            },
            Value::Instance(inst) => {
                if let Some(f) = inst.class().lookup(self.sym.contains) {
                    let r = self.call(&f, vec![container.clone(), item.clone()], vec![])?;
                    return self.truthy(&r);
                }
                self.contains_by_iter(container, item)
            }
            Value::Object(_) => match super::object::downcast::<super::iter::DictView>(container) {
                // Keys and items views look the key up, as CPython's do.
                Some(view) if view.part != super::iter::DictPart::Values => {
                    let (key, value) = match (view.part, item) {
                        (super::iter::DictPart::Keys, _) => (item.clone(), None),
                        (_, Value::Tuple(t)) if t.len() == 2 => (t[0].clone(), Some(&t[1])),
                        _ => return Ok(false),
                    };
                    let k = self.hkey(key)?;
                    match (self.dict_get(view.dict.cell(), &k)?, value) {
                        (Some(found), Some(value)) => {
                            Ok(found.is(value) || self.eq(&found, value)?)
                        }
                        (found, _) => Ok(found.is_some()),
                    }
                }
                _ => self.contains_by_iter(container, item),
            },
            _ => self.contains_by_iter(container, item),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.iter(container).map_err(|_| {
            type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))
        })?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `a op b` for the binary operators.
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(v) = numeric_binop(op, a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.sequence_binop(op, a, b)? {
            return Ok(v);
        }
        let (name, rname, _) = binop_dunders(op);
        if let Some(r) = self.call_dunder_opt(a, name, b)? {
            return Ok(r);
        }
        if let Some(r) = self.call_dunder_opt(b, rname, a)? {
            return Ok(r);
        }
        // `[1] + L([2])`: a list or dict subclass instance is a list or dict operand.
        let holds = |v: &Value| matches!(v, Value::Instance(i) if i.holds_builtin());
        if holds(a) || holds(b) {
            use crate::methods::dunders::plain;
            return self.binop(op, &plain(a), &plain(b));
        }
        // `[1] * n` with an object that has `__index__`, once its own `__rmul__` (or
        // the sequence's `__mul__`) had nothing to say.
        if op == BinOp::Mul {
            let is_seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                )
            };
            if is_seq(a) && self.is_count(b) {
                return self.repeat(a, b);
            }
            if is_seq(b) && self.is_count(a) {
                return self.repeat(b, a);
            }
        }
        Err(self.binop_error(op, a, b))
    }

    /// `a op= b`: in place where the type supports it.
    pub fn inplace_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l)) if self.is_count(b) => {
                self.repeat_in_place(l, b)?;
                return Ok(a.clone());
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(_)) => {
                if let Some(r) = crate::methods::set::inplace(self, op, a, b)? {
                    return Ok(r);
                }
            }
            (BinOp::BitOr, Value::Dict(d)) => {
                if let Value::Dict(o) = b {
                    let items = o.borrow().entries();
                    for (k, v) in items {
                        self.dict_set(d, k, v)?;
                    }
                    return Ok(a.clone());
                }
            }
            (_, Value::Instance(_)) => {
                let (_, _, iname) = binop_dunders(op);
                if let Some(r) = self.call_dunder_opt(a, iname, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binop(op, a, b).map_err(|e| {
            if e.is("TypeError") && numeric_binop(op, a, b).ok().flatten().is_none() {
                let msg = crate::interp::repr::exc_message(&e);
                if msg.starts_with("unsupported operand") {
                    return type_error(format!(
                        "unsupported operand type(s) for {}=: '{}' and '{}'",
                        binop_symbol(op),
                        self.type_name(a),
                        self.type_name(b)
                    ));
                }
            }
            e
        })
    }

    fn binop_error(&self, op: BinOp, a: &Value, b: &Value) -> Exc {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        match (op, a) {
            (BinOp::Add, Value::Str(_)) => {
                return type_error(format!("can only concatenate str (not \"{}\") to str", tb))
            }
            (BinOp::Add, Value::List(_)) => {
                return type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    tb
                ))
            }
            (BinOp::Add, Value::Tuple(_)) => {
                return type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    tb
                ))
            }
            (BinOp::Add, Value::Bytes(_)) => {
                return type_error(format!("can't concat {} to bytes", tb))
            }
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if !matches!(b, Value::Int(_)) =>
            {
                return type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    tb
                ))
            }
            _ => {}
        }
        if op == BinOp::Mul
            && matches!(
                b,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
        {
            return type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                ta
            ));
        }
        if op == BinOp::Pow {
            return type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                ta, tb
            ));
        }
        type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            binop_symbol(op),
            ta,
            tb
        ))
    }

    fn sequence_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len_bytes() + y.len_bytes());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::string(s)
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend(y.iter());
                Value::Bytes(Rc::new(v))
            }
            (
                BinOp::Mul,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            ) => return self.repeat(a, b).map(Some),
            (
                BinOp::Mul,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) => return self.repeat(b, a).map(Some),
            (BinOp::Mod, Value::Str(f), _) => {
                let r = crate::builtins::percent::percent_format(self, f.as_str(), b)?;
                Value::string(r)
            }
            (BinOp::Sub | BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor, _, _)
                if matches!(a, Value::Set(_) | Value::FrozenSet(_) | Value::Object(_)) =>
            {
                // Sets, frozensets and keys/items views.
                match crate::methods::set::operator(self, op, a, b)? {
                    Some(r) => r,
                    None => return Ok(None),
                }
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let mut d = x.borrow().clone();
                let items = y.borrow().entries();
                for (k, v) in items {
                    self.put_key(&mut d, k, v)?;
                }
                Value::dict(d)
            }
            _ => return Ok(None),
        }))
    }

    /// How many times to repeat a sequence of `len` items for `seq * n` (`n` an int or
    /// an object with `__index__`): a count too big for memory fails here, and an
    /// empty sequence is repeated no times at all. A text (str or bytes: items of one
    /// byte) longer than a C size_t can count fails with `too_long`.
    pub fn repeat_count(
        &mut self,
        len: usize,
        item_size: usize,
        n: &Value,
        too_long: &'static str,
    ) -> PyResult<usize> {
        let n = match n {
            Value::Int(i) => (*i).max(0) as usize,
            Value::Bool(b) => *b as usize,
            _ => {
                use num_traits::ToPrimitive;
                crate::modules::math::integer(self, n)?
                    .to_i64()
                    .ok_or_else(|| overflow_error("cannot fit 'int' into an index-sized integer"))?
                    .max(0) as usize
            }
        };
        if len == 0 {
            return Ok(0);
        }
        if item_size == 1 && len.checked_mul(n).is_none_or(|b| b > isize::MAX as usize) {
            return Err(overflow_error(too_long));
        }
        check_alloc(len.saturating_mul(n), item_size)?;
        Ok(n)
    }

    /// Whether `v` can count a repetition: an int, or an object with `__index__`.
    pub fn is_count(&self, v: &Value) -> bool {
        matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            || self.user_method(v, self.sym.index).is_some()
    }

    /// `items *= n` for a list (or a list subclass's items).
    pub fn repeat_in_place(
        &mut self,
        items: &std::cell::RefCell<Vec<Value>>,
        n: &Value,
    ) -> PyResult<()> {
        let len = items.borrow().len();
        let n = self.repeat_count(len, std::mem::size_of::<Value>(), n, "")?;
        let mut v = items.borrow_mut();
        let once = std::mem::take(&mut *v);
        v.reserve(len * n);
        for _ in 0..n {
            v.extend(once.iter().cloned());
        }
        Ok(())
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let (len, item_size, too_long) = match seq {
            Value::Str(s) => (s.len_bytes(), 1, "repeated string is too long"),
            Value::Bytes(b) => (b.len(), 1, "repeated bytes are too long"),
            Value::List(l) => (l.borrow().len(), std::mem::size_of::<Value>(), ""),
            Value::Tuple(t) => (t.len(), std::mem::size_of::<Value>(), ""),
            _ => (0, 1, ""),
        };
        let n = self.repeat_count(len, item_size, n, too_long)?;
        Ok(match seq {
            Value::Str(s) => Value::string(s.as_str().repeat(n)),
            Value::List(l) => {
                let l = l.borrow();
                let mut v = Vec::with_capacity(l.len() * n);
                for _ in 0..n {
                    v.extend(l.iter().cloned());
                }
                Value::list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            Value::Bytes(b) => Value::Bytes(Rc::new(b.repeat(n))),
            _ => unreachable!("repeat is only called on sequences"),
        })
    }
}

/// The keys of a set or frozenset, in iteration order.
/// The length of a set or frozenset (0 for anything else).
fn set_len(v: &Value) -> usize {
    match v {
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        _ => 0,
    }
}
