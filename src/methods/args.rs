// Argument checking shared by the methods: counts, keywords, indices, with CPython's wording.

use crate::intern::intern;
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A method that takes no arguments (`args` includes the receiver).
pub fn noargs(qual: &str, args: &[Value], kw: &Kwargs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(type_error(format!(
            "{qual}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// A method that takes exactly one argument; returns it.
pub fn onearg<'a>(qual: &str, args: &'a [Value], kw: &Kwargs) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

/// Positional-only arguments checked the way argument clinic does
/// (`replace expected at least 2 arguments, got 1`).
pub fn posonly(
    name: &str,
    qual: &str,
    args: &[Value],
    kw: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    if n < min {
        return Err(type_error(format!(
            "{name} expected {}{min} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name} expected {}{max} argument{}, got {n}",
            if min == max { "" } else { "at most " },
            plural(max)
        )));
    }
    Ok(())
}

/// Positional-only arguments with the older wording
/// (`find() takes at least 1 argument (0 given)`).
pub fn oldargs(name: &str, args: &[Value], kw: &Kwargs, min: usize, max: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    if n < min {
        return Err(type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Arguments that may be given by position or by name (`names`); the first `min`
/// are required. Returns one slot per name.
pub fn kwparse(
    fname: &str,
    args: &[Value],
    kw: Kwargs,
    names: &[&str],
    min: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = &args[1.min(args.len())..];
    if pos.len() > names.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            names.len(),
            plural(names.len()),
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|n| intern(n) == k) {
            Some(i) if out[i].is_some() => {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(min) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// The receiver check for unbound calls (`str.upper(5)`).
pub fn wrong_receiver(interp: &Interp, args: &[Value], owner: &str, name: &str) -> Exc {
    match args.first() {
        None => type_error(format!("unbound method {owner}.{name}() needs an argument")),
        Some(v) => type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        )),
    }
}

/// An integer argument (`__index__`), as `'a'.center('5')` checks it.
pub fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        Value::Instance(_) => {
            if let Some(f) = interp.user_method(v, interp.sym.index) {
                let r = interp.call(&f, vec![v.clone()], vec![])?;
                return int_arg(interp, &r);
            }
            Err(not_integer(interp, v))
        }
        _ => Err(not_integer(interp, v)),
    }
}

fn not_integer(interp: &Interp, v: &Value) -> Exc {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        interp.type_name(v)
    ))
}

/// A start/end argument of `find`, `count`, `index`...: None means absent
/// (when `none_ok`); huge values clamp.
pub fn slice_arg(interp: &mut Interp, v: Option<&Value>, none_ok: bool) -> PyResult<Option<i64>> {
    let msg = if none_ok {
        "slice indices must be integers or None or have an __index__ method"
    } else {
        "slice indices must be integers or have an __index__ method"
    };
    match v {
        None => Ok(None),
        Some(Value::None) if none_ok => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::BigInt(b)) => {
            use num_traits::Signed;
            Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))
        }
        Some(v @ Value::Instance(_)) => {
            if let Some(f) = interp.user_method(v, interp.sym.index) {
                let r = interp.call(&f, vec![v.clone()], vec![])?;
                return slice_arg(interp, Some(&r), none_ok);
            }
            Err(type_error(msg))
        }
        Some(_) => Err(type_error(msg)),
    }
}

/// CPython's ADJUST_INDICES: `(start, end)` within `0..=len` (start may exceed len).
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}
