// The built-in functions: print, len, range, sorted, min, max, isinstance, ...

use super::iters::{Enumerate, Filter, Map, Reversed, Zip};
use crate::intern::{intern, Symbol};
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Range, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Checks the positional argument count, with CPython's wording.
pub fn arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(type_error(if min == max && min == 1 {
        format!("{}() takes exactly one argument ({} given)", name, n)
    } else if min == max && min == 0 {
        format!("{}() takes no arguments ({} given)", name, n)
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        )
    }))
}

pub fn no_kwargs(name: &str, kw: &Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// Takes keyword `name` out of `kw`.
pub fn take_kw(kw: &mut Kwargs, name: &str) -> Option<Value> {
    let s = intern(name);
    let i = kw.iter().position(|(k, _)| *k == s)?;
    Some(kw.remove(i).1)
}

/// Refuses a keyword left in `kw`, worded as CPython's built-ins written in C do.
pub fn reject_unknown_kw(fname: &str, kw: &Kwargs) -> PyResult<()> {
    match kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "'{}' is an invalid keyword argument for {}()",
            k, fname
        ))),
        None => Ok(()),
    }
}

/// The arguments of a C function whose parameters `names` may also be given by keyword
/// (the first `required` of them must be), by position, as CPython's argument clinic
/// binds them: None where an optional one was left out.
pub fn clinic_args(
    fname: &str,
    args: &[Value],
    mut kw: Kwargs,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let given = args.len() + kw.len();
    if given > names.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} arguments ({given} given)",
            names.len()
        )));
    }
    let mut all: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    for name in &names[args.len().min(names.len())..] {
        all.push(take_kw(&mut kw, name));
    }
    // A missing required one is reported before a keyword that repeats a position.
    if let Some(i) = all[..required].iter().position(Option::is_none) {
        return Err(type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    if let Some(i) = names[..args.len()]
        .iter()
        .position(|n| kw.iter().any(|(k, _)| k.as_str() == *n))
    {
        return Err(type_error(format!(
            "argument for {fname}() given by name ('{}') and position ({})",
            names[i],
            i + 1
        )));
    }
    reject_unknown_kw(fname, &kw)?;
    Ok(all)
}

/// Refuses a keyword left in `kw`, worded as for a function CPython defines in Python.
pub fn reject_unexpected_kw(fname: &str, kw: &Kwargs) -> PyResult<()> {
    match kw.first() {
        Some((k, _)) => Err(type_error(format!(
            "{}() got an unexpected keyword argument '{}'",
            fname, k
        ))),
        None => Ok(()),
    }
}

pub fn print(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let sep = take_kw(&mut kw, "sep");
    let end = take_kw(&mut kw, "end");
    let file = take_kw(&mut kw, "file");
    let flush = take_kw(&mut kw, "flush");
    reject_unknown_kw("print", &kw)?;
    let sep = match sep {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "sep must be None or a string, not {}",
                interp.type_name(&other)
            )))
        }
    };
    let end = match end {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "end must be None or a string, not {}",
                interp.type_name(&other)
            )))
        }
    };
    // A program may point sys.stdout elsewhere (a file, its own writer).
    let file = match file {
        None | Some(Value::None) => redirected_stdout(interp),
        f => f,
    };
    match file {
        // sys.stdout = None: print writes nothing, as CPython.
        Some(Value::None) => return Ok(Value::None),
        Some(f) => return print_to(interp, &f, args, &sep, &end, flush),
        None => {}
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{}", n);
            }
            other => out.push_str(&interp.str(other)?),
        }
    }
    out.push_str(&end);
    crate::output::write_stdout(out.as_bytes()).map_err(io_error)?;
    if flush_asked(interp, flush)? {
        crate::output::flush_stdout().map_err(io_error)?;
    }
    Ok(Value::None)
}

/// print's `flush=` argument, read after the text is written (as CPython reads it).
fn flush_asked(interp: &mut Interp, flush: Option<Value>) -> PyResult<bool> {
    flush.map_or(Ok(false), |f| interp.truthy(&f))
}

/// What `sys.stdout` is when the program has replaced it (None: the real stdout).
fn redirected_stdout(interp: &Interp) -> Option<Value> {
    let Some(Value::Module(sys)) = interp.modules.get("sys") else {
        return None;
    };
    let out = sys.get(interp.sym.stdout)?;
    (crate::modules::sys::stream_fd(&out) != Some(1)).then_some(out)
}

/// `print(..., file=f)`: each piece written by `f.write`, as CPython writes them.
fn print_to(
    interp: &mut Interp,
    f: &Value,
    args: &[Value],
    sep: &str,
    end: &str,
    flush: Option<Value>,
) -> PyResult<Value> {
    let w = interp.getattr(f, intern("write"))?;
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            interp.call(&w, vec![Value::str(sep)], vec![])?;
        }
        let text = interp.str(a)?;
        interp.call(&w, vec![Value::string(text)], vec![])?;
    }
    interp.call(&w, vec![Value::str(end)], vec![])?;
    if flush_asked(interp, flush)? {
        if let Some(fl) = interp.getattr_opt(f, intern("flush"))? {
            interp.call(&fl, vec![], vec![])?;
        }
    }
    Ok(Value::None)
}

/// The OSError subclass CPython makes for an errno (`OSError(2, ...)` is a
/// FileNotFoundError).
pub fn os_error_class(errno: i64) -> &'static str {
    match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => "OSError",
    }
}

pub fn io_error(e: std::io::Error) -> Exc {
    let errno = e.raw_os_error().unwrap_or(0);
    let name = os_error_class(errno as i64);
    let msg = std::io::Error::from_raw_os_error(errno).to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    os_error(name, errno, msg)
}

pub fn len(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("len", &kw)?;
    arity("len", args, 1, 1)?;
    Ok(Value::Int(interp.len(&args[0])? as i64))
}

pub fn repr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("repr", args, 1, 1)?;
    Ok(Value::string(interp.repr(&args[0])?))
}

pub fn ascii(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("ascii", args, 1, 1)?;
    let r = interp.repr(&args[0])?;
    Ok(Value::string(crate::interp::repr::ascii_escape(&r)))
}

pub fn format(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                interp.type_name(other)
            )))
        }
        None => String::new(),
    };
    Ok(Value::string(interp.format(&args[0], &spec)?))
}

#[allow(clippy::only_used_in_recursion)]
fn int_arg(interp: &mut Interp, v: &Value, fname: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            if let Some(f) = interp.user_method(v, interp.sym.index) {
                let r = interp.call(&f, vec![v.clone()], vec![])?;
                return int_arg(interp, &r, fname);
            }
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
    }
}

pub fn range(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("range", &kw)?;
    if args.is_empty() {
        return Err(type_error("range expected at least 1 argument, got 0"));
    }
    arity("range", args, 1, 3)?;
    let mut n = [0i64; 3];
    for (i, a) in args.iter().enumerate() {
        n[i] = int_arg(interp, a, "range")?;
    }
    let (start, stop, step) = match args.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

pub fn isinstance(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("isinstance", args, 2, 2)?;
    let cls = interp.type_of(&args[0]);
    Ok(Value::Bool(class_matches(
        interp,
        &cls,
        &args[1],
        "isinstance",
    )?))
}

pub fn issubclass(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("issubclass", args, 2, 2)?;
    let cls = match &args[0] {
        Value::Class(c) => c.clone(),
        _ => return Err(type_error("issubclass() arg 1 must be a class")),
    };
    Ok(Value::Bool(class_matches(
        interp,
        &cls,
        &args[1],
        "issubclass",
    )?))
}

#[allow(clippy::only_used_in_recursion)]
fn class_matches(
    interp: &mut Interp,
    cls: &Rc<crate::value::Class>,
    spec: &Value,
    fname: &str,
) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(cls.is_subclass(c)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if class_matches(interp, cls, x, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "{}() arg 2 must be a type, a tuple of types, or a union",
            fname
        ))),
    }
}

fn attr_name(interp: &Interp, v: &Value, fname: &str) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(intern(s.as_str())),
        other => Err(type_error(format!(
            "{}(): attribute name must be string, not '{}'",
            fname,
            interp.type_name(other)
        ))),
    }
}

pub fn getattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("getattr", args, 2, 3)?;
    let name = attr_name(interp, &args[1], "getattr")?;
    match interp.getattr(&args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.is("AttributeError") && args.len() == 3 => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

pub fn setattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("setattr", args, 3, 3)?;
    let name = attr_name(interp, &args[1], "setattr")?;
    interp.setattr(&args[0], name, args[2].clone())?;
    Ok(Value::None)
}

pub fn delattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("delattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1], "delattr")?;
    interp.delattr(&args[0], name)?;
    Ok(Value::None)
}

pub fn hasattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("hasattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1], "hasattr")?;
    match interp.getattr(&args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub fn iter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(Value::Object(crate::value::new_obj(
            super::iters::CallIter {
                func: args[0].clone(),
                sentinel: args[1].clone(),
                done: Cell::new(false),
            },
        )));
    }
    interp.iter(&args[0])
}

pub fn next(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("next", args, 1, 2)?;
    if !interp.is_iterator(&args[0]) {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            interp.type_name(&args[0])
        )));
    }
    // A generator's return value travels in the StopIteration.
    if let Some(g) = crate::interp::object::downcast::<crate::interp::gen::Generator>(&args[0]) {
        return match g.resume(interp, crate::interp::gen::GenIn::Send(Value::None))? {
            crate::interp::gen::GenStep::Yielded(v) => Ok(v),
            crate::interp::gen::GenStep::Returned(v) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(stop_iteration(v)),
            },
        };
    }
    match interp.next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration(Value::None)),
        },
    }
}

pub fn abs(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("abs", args, 1, 1)?;
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => Value::Float(f.abs()),
        Value::BigInt(b) => Value::from_bigint(b.magnitude().clone().into()),
        other => {
            if let Some(f) = interp.user_method(other, interp.sym.abs) {
                return interp.call(&f, vec![other.clone()], vec![]);
            }
            return Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                interp.type_name(other)
            )));
        }
    })
}

/// min() and max(): one iterable or several arguments, with `key` and `default`.
fn min_max(
    interp: &mut Interp,
    args: &[Value],
    mut kw: Kwargs,
    name: &str,
    want: crate::syntax::ast::CmpOp,
) -> PyResult<Value> {
    let key = take_kw(&mut kw, "key").filter(|k| !k.is_none());
    let default = take_kw(&mut kw, "default");
    reject_unknown_kw(name, &kw)?;
    if args.is_empty() {
        return Err(type_error(format!(
            "{} expected at least 1 argument, got 0",
            name
        )));
    }
    let items = if args.len() == 1 {
        interp.collect(&args[0])?
    } else {
        if default.is_some() {
            return Err(type_error(format!(
                "Cannot specify a default for {}() with multiple positional arguments",
                name
            )));
        }
        args.to_vec()
    };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => interp.call(f, vec![x.clone()], vec![])?,
            None => x.clone(),
        };
        let replace = match &best {
            None => true,
            Some((bk, _)) => {
                let r = interp.compare(want, &k, bk)?;
                interp.truthy(&r)?
            }
        };
        if replace {
            best = Some((k, x));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{}() arg is an empty sequence", name))),
    }
}

pub fn min(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    min_max(interp, args, kw, "min", crate::syntax::ast::CmpOp::Lt)
}
pub fn max(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    min_max(interp, args, kw, "max", crate::syntax::ast::CmpOp::Gt)
}

pub fn sum(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let start_kw = take_kw(&mut kw, "start");
    reject_unknown_kw("sum", &kw)?;
    arity("sum", args, 1, 2)?;
    let mut acc = args.get(1).cloned().or(start_kw).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = interp.iter(&args[0])?;
    let mut fsum: Option<f64> = None;
    while let Some(x) = interp.next(&it)? {
        match (&acc, &x, fsum) {
            (Value::Int(a), Value::Int(b), None) => {
                if let Some(r) = a.checked_add(*b) {
                    acc = Value::Int(r);
                    continue;
                }
            }
            (Value::Float(a), Value::Float(b), _) => {
                acc = Value::Float(a + b);
                continue;
            }
            _ => {}
        }
        acc = interp.binop(crate::syntax::ast::BinOp::Add, &acc, &x)?;
        fsum = None;
    }
    Ok(acc)
}

pub fn any(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("any", args, 1, 1)?;
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        if interp.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub fn all(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("all", args, 1, 1)?;
    let it = interp.iter(&args[0])?;
    while let Some(x) = interp.next(&it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Sorts values in place: stable, with optional key and reverse, as list.sort does.
pub fn sort_values(
    interp: &mut Interp,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(interp.call(k, vec![x.clone()], vec![])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<Exc> = None;
    let all_int = keys.iter().all(|k| matches!(k, Value::Int(_)));
    let all_str = keys.iter().all(|k| matches!(k, Value::Str(_)));
    if all_int {
        let ks: Vec<i64> = keys
            .iter()
            .map(|k| if let Value::Int(i) = k { *i } else { 0 })
            .collect();
        if reverse {
            idx.sort_by(|&a, &b| ks[b].cmp(&ks[a]));
        } else {
            idx.sort_by_key(|&a| ks[a]);
        }
    } else if all_str {
        let ks: Vec<&str> = keys
            .iter()
            .map(|k| {
                if let Value::Str(s) = k {
                    s.as_str()
                } else {
                    ""
                }
            })
            .collect();
        if reverse {
            idx.sort_by(|&a, &b| ks[b].cmp(ks[a]));
        } else {
            idx.sort_by(|&a, &b| ks[a].cmp(ks[b]));
        }
    } else {
        // Python sorts with `<` only; reverse keeps stability by reversing the comparison.
        idx.sort_by(|&a, &b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            let (x, y) = if reverse {
                (&keys[b], &keys[a])
            } else {
                (&keys[a], &keys[b])
            };
            match interp
                .compare(crate::syntax::ast::CmpOp::Lt, x, y)
                .and_then(|r| interp.truthy(&r))
            {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match interp
                    .compare(crate::syntax::ast::CmpOp::Lt, y, x)
                    .and_then(|r| interp.truthy(&r))
                {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
    }
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

pub fn sorted(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let key = take_kw(&mut kw, "key").filter(|k| !k.is_none());
    let reverse = match take_kw(&mut kw, "reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    reject_unknown_kw("sort", &kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let mut items = interp.collect(&args[0])?;
    sort_values(interp, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

pub fn reversed(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("reversed", args, 1, 1)?;
    let v = &args[0];
    if let Some(f) = interp.user_method(v, interp.sym.reversed) {
        return interp.call(&f, vec![v.clone()], vec![]);
    }
    // A list subclass, or a keys/values/items view: reverse the underlying items.
    let is_view = crate::interp::object::downcast::<crate::interp::iter::DictView>(v).is_some();
    if is_view || crate::methods::list::ListRef::of(v).is_some() {
        let items = interp.collect(v)?;
        let n = items.len();
        return Ok(Value::Object(crate::value::new_obj(Reversed {
            seq: Value::list(items),
            pos: Cell::new(n),
        })));
    }
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) => {}
        Value::Dict(_) => {}
        Value::Instance(_) if interp.user_method(v, interp.sym.getitem).is_some() => {}
        // A built-in sequence type (a shared Array): indexed from its end.
        Value::Object(o)
            if o.class().lookup(interp.sym.getitem).is_some()
                && o.class().lookup(interp.sym.len).is_some() => {}
        other => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                interp.type_name(other)
            )))
        }
    }
    let n = interp.len(v)?;
    let v = match v {
        Value::Dict(_) => Value::list(interp.collect(v)?),
        _ => v.clone(),
    };
    Ok(Value::Object(crate::value::new_obj(Reversed {
        seq: v,
        pos: Cell::new(n),
    })))
}

pub fn enumerate(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let start_kw = take_kw(&mut kw, "start");
    reject_unknown_kw("enumerate", &kw)?;
    arity("enumerate", args, 1, 2)?;
    let start = match args.get(1).or(start_kw.as_ref()) {
        Some(v) => int_arg(interp, v, "enumerate")?,
        None => 0,
    };
    let it = interp.iter(&args[0])?;
    Ok(Value::Object(crate::value::new_obj(Enumerate {
        it,
        n: Cell::new(start),
    })))
}

pub fn zip(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let strict = match take_kw(&mut kw, "strict") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    reject_unknown_kw("zip", &kw)?;
    let mut its = Vec::new();
    for (i, a) in args.iter().enumerate() {
        its.push(interp.iter(a).map_err(|e| {
            if e.is("TypeError") {
                type_error(format!("zip argument #{} must support iteration", i + 1))
            } else {
                e
            }
        })?);
    }
    Ok(Value::Object(crate::value::new_obj(Zip {
        its,
        strict,
        done: Cell::new(false),
    })))
}

pub fn map(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(interp.iter(a)?);
    }
    Ok(Value::Object(crate::value::new_obj(Map {
        func: args[0].clone(),
        its,
    })))
}

pub fn filter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("filter", args, 2, 2)?;
    let it = interp.iter(&args[1])?;
    Ok(Value::Object(crate::value::new_obj(Filter {
        func: args[0].clone(),
        it,
    })))
}

pub fn callable(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(interp, &args[0])))
}

/// Whether `v` can be called (Python's `callable`).
pub fn is_callable(interp: &Interp, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::BoundMethod(_) | Value::Native(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Object(_) => {
            interp.type_of(v).lookup(interp.sym.call).is_some()
        }
        _ => false,
    }
}

pub fn id(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("id", args, 1, 1)?;
    Ok(Value::Int(args[0].id()))
}

pub fn hash(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("hash", args, 1, 1)?;
    Ok(Value::Int(interp.hash(&args[0])?))
}

pub fn chr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("chr", args, 1, 1)?;
    let n = int_arg(interp, &args[0], "chr")?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

pub fn ord(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) if s.len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.len()
        ))),
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            interp.type_name(other)
        ))),
    }
}

fn radix(interp: &mut Interp, args: &[Value], name: &str, base: u32) -> PyResult<Value> {
    arity(name, args, 1, 1)?;
    let b = match &args[0] {
        Value::Int(i) => num_bigint::BigInt::from(*i),
        Value::Bool(x) => num_bigint::BigInt::from(*x as i64),
        Value::BigInt(b) => (**b).clone(),
        other => {
            let i = int_arg(interp, other, name)?;
            num_bigint::BigInt::from(i)
        }
    };
    Ok(Value::string(crate::format::int_to_radix(&b, base, true)))
}

pub fn hex(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    radix(interp, args, "hex", 16)
}
pub fn oct(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    radix(interp, args, "oct", 8)
}
pub fn bin(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    radix(interp, args, "bin", 2)
}

pub fn divmod(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("divmod", args, 2, 2)?;
    use crate::syntax::ast::BinOp;
    let q = interp
        .binop(BinOp::FloorDiv, &args[0], &args[1])
        .map_err(|e| divmod_error(interp, e, args))?;
    let r = interp
        .binop(BinOp::Mod, &args[0], &args[1])
        .map_err(|e| divmod_error(interp, e, args))?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod_error(interp: &Interp, e: Exc, args: &[Value]) -> Exc {
    if e.is("TypeError") {
        return type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            interp.type_name(&args[0]),
            interp.type_name(&args[1])
        ));
    }
    e
}

pub fn pow(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let bound: Vec<Value>;
    let args = if kw.is_empty() {
        args
    } else {
        let mut a = clinic_args("pow", args, kw, &["base", "exp", "mod"], 2)?;
        a.truncate(a.iter().rposition(Option::is_some).map_or(0, |i| i + 1));
        bound = a.into_iter().map(|v| v.unwrap_or(Value::None)).collect();
        &bound
    };
    arity("pow", args, 2, 3)?;
    if args.len() == 3 && !args[2].is_none() {
        let (b, e, m) = match (
            crate::interp::ops::to_big(&args[0]),
            crate::interp::ops::to_big(&args[1]),
            crate::interp::ops::to_big(&args[2]),
        ) {
            (Some(b), Some(e), Some(m)) => (b, e, m),
            _ => {
                return Err(type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ))
            }
        };
        use num_traits::{Signed, Zero};
        if m.is_zero() {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        // A negative exponent raises the modular inverse (as CPython since 3.8).
        let (b, e) = if e.is_negative() {
            let Some(inv) = b.modinv(&m) else {
                return Err(value_error("base is not invertible for the given modulus"));
            };
            (inv, -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_bigint(r));
    }
    interp.binop(crate::syntax::ast::BinOp::Pow, &args[0], &args[1])
}

pub fn round(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let nd_kw = take_kw(&mut kw, "ndigits");
    reject_unknown_kw("round", &kw)?;
    arity("round", args, 1, 2)?;
    let nd = args.get(1).cloned().or(nd_kw).filter(|v| !v.is_none());
    match (&args[0], nd) {
        (Value::Float(x), None) => crate::format::round_half_even_to_int(*x)
            .map(Value::from_bigint)
            .map_err(|m| {
                if m.contains("NaN") {
                    value_error(m)
                } else {
                    overflow_error(m)
                }
            }),
        (Value::Float(x), Some(n)) => {
            let n = int_arg(interp, &n, "round")?;
            crate::format::round_float(*x, n)
                .map(Value::Float)
                .map_err(overflow_error)
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match &args[0] {
            Value::Bool(b) => Value::Int(*b as i64),
            v => v.clone(),
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let n = int_arg(interp, &n, "round")?;
            let x = crate::interp::ops::to_big(&args[0]).unwrap_or_default();
            Ok(Value::from_bigint(round_int(x, n)))
        }
        (other, nd) => {
            if let Some(f) = interp.user_method(other, intern("__round__")) {
                let mut call = vec![other.clone()];
                call.extend(nd);
                return interp.call(&f, call, vec![]);
            }
            Err(type_error(format!(
                "type {} doesn't define __round__ method",
                interp.type_name(other)
            )))
        }
    }
}

/// `round(x, n)` for an int: to a multiple of `10**-n`, halves to the even multiple.
fn round_int(x: num_bigint::BigInt, n: i64) -> num_bigint::BigInt {
    use num_integer::Integer;
    if n >= 0 {
        return x;
    }
    // 10**k is more than twice |x| once k exceeds its bit count: the result is 0.
    let k = n.unsigned_abs();
    if k > x.bits() + 1 {
        return num_bigint::BigInt::default();
    }
    let p = num_bigint::BigInt::from(10u32).pow(k as u32);
    let (q, r) = x.div_mod_floor(&p);
    let twice: num_bigint::BigInt = r * 2u32;
    let up = twice > p || (twice == p && q.is_odd());
    (if up { q + 1u32 } else { q }) * p
}

pub fn input(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = interp.str(p)?;
        crate::output::write_stdout(s.as_bytes()).map_err(io_error)?;
    }
    let mut line = crate::stdin::read_line(interp, None)?;
    if line.is_empty() {
        return Err(exc_msg("EOFError", "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
    }
    Ok(Value::string(line))
}

/// `globals` and `locals` called other than by their own name (the evaluator
/// answers direct calls from the calling frame).
pub fn frame_reader(_: &mut Interp, _: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(type_error(
        "globals() and locals() must be called by name in this dialect",
    ))
}

pub fn vars(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("vars", args, 0, 1)?;
    match args.first() {
        Some(v) => interp
            .getattr_opt(v, interp.sym.dict)?
            .ok_or_else(|| type_error("vars() argument must have __dict__ attribute")),
        None => Err(type_error("vars() without arguments is not supported")),
    }
}

pub fn dir(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match args.first() {
        Some(Value::Module(m)) => {
            names.extend(m.items().iter().map(|(k, _)| k.as_str().to_string()))
        }
        Some(v) => {
            if let Value::Instance(i) = v {
                names.extend(
                    i.dict
                        .borrow()
                        .keys()
                        .iter()
                        .map(|k| k.as_str().to_string()),
                );
            }
            let cls = match v {
                Value::Class(c) => c.clone(),
                other => interp.type_of(other),
            };
            for c in cls.mro.borrow().iter() {
                names.extend(c.dict.borrow().keys().map(|k| k.as_str().to_string()));
            }
        }
        None => return Err(type_error("dir() without arguments is not supported")),
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

pub fn exit(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let arg = args.first().cloned();
    Err(new_exception(
        types().exc("SystemExit"),
        arg.into_iter().collect(),
    ))
}

pub fn globals_unsupported(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(runtime_error(
        "globals() and locals() are evaluated by the interpreter",
    ))
}

/// Shared by `list()` etc: the items of an optional iterable argument.
pub fn iterable_arg(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<Vec<Value>> {
    arity(name, args, 0, 1)?;
    match args.first() {
        Some(v) => interp.collect(v),
        None => Ok(Vec::new()),
    }
}

pub fn new_list(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("list", &kw)?;
    Ok(Value::List(Rc::new(RefCell::new(iterable_arg(
        interp, args, "list",
    )?))))
}

pub fn new_tuple(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("tuple", &kw)?;
    if let Some(t @ Value::Tuple(_)) = args.first() {
        return Ok(t.clone());
    }
    Ok(Value::tuple(iterable_arg(interp, args, "tuple")?))
}
