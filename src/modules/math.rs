// The `math` module: CPython's functions, constants and error messages.

use super::{make_c_module, set_attr};
use crate::builtins::functions::{arity, take_kw};
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::syntax::ast::BinOp;
use crate::value::{Kwargs, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn module() -> Value {
    let m = make_c_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("pow", pow),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("atan2", atan2),
            ("hypot", hypot),
            ("fabs", fabs),
            ("fmod", fmod),
            ("modf", modf),
            ("copysign", copysign),
            ("degrees", degrees),
            ("radians", radians),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("isclose", isclose),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("comb", comb),
            ("perm", perm),
            ("fsum", fsum),
            ("prod", prod),
            ("dist", dist),
        ],
        &["isclose", "prod"],
        &["log"],
    );
    set_attr(&m, "pi", Value::Float(std::f64::consts::PI));
    set_attr(&m, "e", Value::Float(std::f64::consts::E));
    set_attr(&m, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(&m, "inf", Value::Float(f64::INFINITY));
    set_attr(&m, "nan", Value::Float(f64::NAN));
    Value::Module(m)
}

fn domain() -> Exc {
    value_error("math domain error")
}
fn range() -> Exc {
    overflow_error("math range error")
}

/// A real-number argument as a float.
pub(crate) fn real(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| overflow_error("int too large to convert to float")),
        Value::Instance(_)
            if interp.user_method(v, interp.sym.float).is_some()
                || interp.user_method(v, interp.sym.index).is_some() =>
        {
            crate::builtins::ctors::to_float(interp, v)
        }
        other => Err(type_error(format!(
            "must be real number, not {}",
            interp.type_name(other)
        ))),
    }
}

/// An integer argument (floats are rejected as CPython does; an object with
/// `__index__` gives its index).
pub(crate) fn integer(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    let index = match v {
        Value::Int(i) => return Ok(BigInt::from(*i)),
        Value::Bool(b) => return Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => return Ok((**b).clone()),
        _ => interp.user_method(v, interp.sym.index),
    };
    let Some(f) = index else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        )));
    };
    match interp.call(&f, vec![v.clone()], vec![])? {
        r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => integer(interp, &r),
        other => Err(type_error(format!(
            "__index__ returned non-int (type {})",
            interp.type_name(&other)
        ))),
    }
}

/// Checks a libm result the way CPython's math_1 does.
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($name:ident, $f:expr, $ovf:expr) => {
        fn $name(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
            arity(stringify!($name), args, 1, 1)?;
            let x = real(interp, &args[0])?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x), $ovf)
        }
    };
}

unary!(exp, f64::exp, true);
unary!(sin, f64::sin, false);
unary!(cos, f64::cos, false);
unary!(tan, f64::tan, false);
unary!(asin, f64::asin, false);
unary!(acos, f64::acos, false);
unary!(atan, f64::atan, false);
unary!(sinh, f64::sinh, true);
unary!(cosh, f64::cosh, true);
unary!(tanh, f64::tanh, false);
unary!(fabs, f64::abs, false);
unary!(degrees, f64::to_degrees, true);
unary!(radians, f64::to_radians, false);

fn sqrt(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("sqrt", args, 1, 1)?;
    let x = real(interp, &args[0])?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.sqrt()))
}

/// Natural log of a positive number, big ints included.
fn ln(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.is_positive() {
            return Err(domain());
        }
        let bits = b.bits();
        if bits > 1000 {
            let shift = bits - 60;
            let top: BigInt = &**b >> shift;
            return Ok(top.to_f64().unwrap_or(1.0).ln() + shift as f64 * std::f64::consts::LN_2);
        }
    }
    let x = real(interp, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("log", args, 1, 2)?;
    let num = ln(interp, &args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln(interp, b)?;
            if den == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("log2", args, 1, 1)?;
    if let Value::BigInt(_) = &args[0] {
        return Ok(Value::Float(ln(interp, &args[0])? / std::f64::consts::LN_2));
    }
    let x = real(interp, &args[0])?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.log2()))
}

fn log10(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("log10", args, 1, 1)?;
    if let Value::BigInt(_) = &args[0] {
        return Ok(Value::Float(
            ln(interp, &args[0])? / std::f64::consts::LN_10,
        ));
    }
    let x = real(interp, &args[0])?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.log10()))
}

fn log1p(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("log1p", args, 1, 1)?;
    let x = real(interp, &args[0])?;
    if x <= -1.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.ln_1p()))
}

fn two(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    if args.len() != 2 {
        return Err(type_error(format!(
            "{} expected 2 arguments, got {}",
            name,
            args.len()
        )));
    }
    Ok((real(interp, &args[0])?, real(interp, &args[1])?))
}

fn pow(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (x, y) = two(interp, args, "pow")?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn atan2(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (y, x) = two(interp, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn fmod(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (x, y) = two(interp, args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn copysign(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (x, y) = two(interp, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn modf(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("modf", args, 1, 1)?;
    let x = real(interp, &args[0])?;
    let i = x.trunc();
    let f = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - i
    };
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn hypot(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let mut xs = Vec::new();
    for a in args {
        xs.push(real(interp, a)?);
    }
    Ok(Value::Float(hypot_of(&xs)))
}

fn hypot_of(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    match xs.len() {
        0 => 0.0,
        1 => xs[0].abs(),
        2 => xs[0].hypot(xs[1]),
        _ => {
            let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            if max == 0.0 || max.is_nan() {
                return max;
            }
            let s: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
            max * s.sqrt()
        }
    }
}

fn dist(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("dist", args, 2, 2)?;
    let p = interp.collect(&args[0])?;
    let q = interp.collect(&args[1])?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut d = Vec::new();
    for (a, b) in p.iter().zip(q.iter()) {
        d.push(real(interp, a)? - real(interp, b)?);
    }
    Ok(Value::Float(hypot_of(&d)))
}

fn to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    crate::format::float_to_int(x)
        .map(Value::from_bigint)
        .map_err(overflow_error)
}

fn rounding(
    interp: &mut Interp,
    args: &[Value],
    name: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    arity(name, args, 1, 1)?;
    match &args[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(_) => {
            let dunder = crate::intern::intern(&format!("__{}__", name));
            if let Some(m) = interp.user_method(&args[0], dunder) {
                return interp.call(&m, vec![args[0].clone()], vec![]);
            }
            to_int(f(real(interp, &args[0])?))
        }
        v => to_int(f(real(interp, v)?)),
    }
}

fn floor(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    rounding(interp, args, "floor", f64::floor)
}
fn ceil(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    rounding(interp, args, "ceil", f64::ceil)
}
fn trunc(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    rounding(interp, args, "trunc", f64::trunc)
}

fn isnan(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("isnan", args, 1, 1)?;
    Ok(Value::Bool(real(interp, &args[0])?.is_nan()))
}
fn isinf(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("isinf", args, 1, 1)?;
    Ok(Value::Bool(real(interp, &args[0])?.is_infinite()))
}
fn isfinite(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("isfinite", args, 1, 1)?;
    Ok(Value::Bool(real(interp, &args[0])?.is_finite()))
}

fn isclose(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let rel = take_kw(&mut kw, "rel_tol");
    let abs = take_kw(&mut kw, "abs_tol");
    crate::builtins::functions::reject_unknown_kw("isclose", &kw)?;
    let (a, b) = two(interp, args, "isclose")?;
    let rel = match rel {
        Some(v) => real(interp, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => real(interp, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn factorial(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("factorial", args, 1, 1)?;
    let n = integer(interp, &args[0])?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_i64().ok_or_else(|| {
        overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::from_bigint(r))
}

fn gcd(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for a in args {
        g = g.gcd(&integer(interp, a)?);
    }
    Ok(Value::from_bigint(g))
}

fn lcm(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let mut l = BigInt::one();
    for a in args {
        let x = integer(interp, a)?;
        if x.is_zero() {
            l = BigInt::zero();
        } else if !l.is_zero() {
            l = l.lcm(&x);
        }
    }
    Ok(Value::from_bigint(l.abs()))
}

fn isqrt(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("isqrt", args, 1, 1)?;
    let n = integer(interp, &args[0])?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn nk(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<(BigInt, Option<BigInt>)> {
    arity(name, args, 1, 2)?;
    let n = integer(interp, &args[0])?;
    let k = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(integer(interp, v)?),
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if let Some(k) = &k {
        if k.is_negative() {
            return Err(value_error("k must be a non-negative integer"));
        }
    }
    Ok((n, k))
}

fn perm_of(n: &BigInt, k: &BigInt) -> BigInt {
    if k > n {
        return BigInt::zero();
    }
    let mut r = BigInt::one();
    let mut i = BigInt::zero();
    while &i < k {
        r *= n - &i;
        i += 1;
    }
    r
}

fn comb(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error(format!(
            "comb expected 2 arguments, got {}",
            args.len()
        )));
    }
    let (n, k) = nk(interp, args, "comb")?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    if k.to_i64().is_none() {
        return Err(overflow_error(
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    }
    let mut r = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        r = r * (&n - &i) / (&i + 1);
        i += 1;
    }
    Ok(Value::from_bigint(r))
}

fn perm(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (n, k) = nk(interp, args, "perm")?;
    // Past these bounds CPython refuses rather than compute for ever.
    let k = match k {
        Some(k) if k > n => return Ok(Value::Int(0)),
        Some(k) if k.to_i64().is_none() => {
            return Err(overflow_error("k must not exceed 9223372036854775807"))
        }
        Some(k) => k,
        None if n.to_i64().is_none() => {
            return Err(overflow_error(
                "factorial() argument should not exceed 9223372036854775807",
            ))
        }
        None => n.clone(),
    };
    Ok(Value::from_bigint(perm_of(&n, &k)))
}

/// Exact sum of floats (Shewchuk's algorithm, as CPython's math.fsum).
fn fsum(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("fsum", args, 1, 1)?;
    let items = interp.collect(&args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for it in &items {
        let mut x = real(interp, it)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return Err(overflow_error("intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let start = take_kw(&mut kw, "start").unwrap_or(Value::Int(1));
    arity("prod", args, 1, 1)?;
    let items = interp.collect(&args[0])?;
    let mut acc = start;
    for x in &items {
        acc = interp.binop(BinOp::Mul, &acc, x)?;
    }
    Ok(acc)
}
