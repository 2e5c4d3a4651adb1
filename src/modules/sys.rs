// The `sys` module: argv, exit, the standard streams, path, limits and version facts.

use super::{make_module, set_attr};
use crate::builtins::functions::{arity, io_error};
use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::{downcast, NativeObject};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Dict, Kwargs, Value};
use num_traits::ToPrimitive;
use std::any::Any;
use std::rc::Rc;

pub fn module(interp: &mut Interp) -> Value {
    let m = make_module(
        "sys",
        &[
            ("exit", crate::builtins::functions::exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getsizeof", getsizeof),
            ("intern", intern_),
        ],
    );
    let argv: Vec<Value> = interp.argv.iter().map(|a| Value::str(a)).collect();
    set_attr(&m, "argv", Value::list(argv));
    let dir = std::fs::canonicalize(interp.script_dir())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| interp.script_dir());
    set_attr(&m, "path", Value::list(vec![Value::string(dir)]));
    set_attr(&m, "platform", Value::str("linux"));
    set_attr(&m, "byteorder", Value::str("little"));
    set_attr(&m, "maxsize", Value::Int(i64::MAX));
    set_attr(&m, "version", Value::str("3.11.7 (spindle)"));
    set_attr(
        &m,
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    set_attr(&m, "executable", Value::string(exe));
    set_attr(&m, "stdin", stream(0));
    set_attr(&m, "stdout", stream(1));
    set_attr(&m, "stderr", stream(2));
    set_attr(&m, "__stdin__", stream(0));
    set_attr(&m, "__stdout__", stream(1));
    set_attr(&m, "__stderr__", stream(2));
    let mut mods = Dict::new();
    let mut names: Vec<_> = interp
        .modules
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, v) in names {
        if let Ok(hk) = interp.hkey(Value::str(&k)) {
            mods.insert(hk, v);
        }
    }
    let mods = Value::dict(mods);
    set_attr(&m, "modules", mods);
    let v = Value::Module(m);
    if let Ok(hk) = interp.hkey(Value::str("sys")) {
        if let Some(Value::Module(m)) = Some(&v) {
            if let Some(Value::Dict(d)) = m.get(crate::intern::intern("modules")) {
                d.borrow_mut().insert(hk, v.clone());
            }
        }
    }
    v
}

/// The descriptor behind one of sys's own streams (None for any other object).
pub fn stream_fd(v: &Value) -> Option<i32> {
    downcast::<Stream>(v).map(|s| s.fd)
}

fn stream(fd: i32) -> Value {
    Value::Object(crate::value::new_obj(Stream { fd }))
}

fn getrecursionlimit(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(interp.recursion_limit as i64))
}

fn setrecursionlimit(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("setrecursionlimit", args, 1, 1)?;
    let n = match &args[0] {
        Value::Int(n) => *n,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    interp.recursion_limit = n.min(u32::MAX as i64) as u32;
    Ok(Value::None)
}

fn getsizeof(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("getsizeof", args, 1, 2)?;
    Ok(Value::Int(match &args[0] {
        Value::Str(s) => 49 + s.len_bytes() as i64,
        Value::List(l) => 56 + 8 * l.borrow().len() as i64,
        Value::Tuple(t) => 40 + 8 * t.len() as i64,
        _ => 28,
    }))
}

fn intern_(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("intern", args, 1, 1)?;
    Ok(args[0].clone())
}

/// sys.stdin, sys.stdout and sys.stderr.
pub struct Stream {
    fd: i32,
}

impl NativeObject for Stream {
    fn class(&self) -> Rc<Class> {
        types().native("TextIOWrapper")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_iterator(&self) -> bool {
        self.fd == 0
    }
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let line = crate::stdin::read_line(interp, None)?;
        Ok(if line.is_empty() {
            None
        } else {
            Some(Value::string(line))
        })
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok(match name.as_str() {
            "name" => Some(Value::str(
                ["<stdin>", "<stdout>", "<stderr>"][self.fd as usize],
            )),
            "mode" => Some(Value::str(if self.fd == 0 { "r" } else { "w" })),
            "encoding" => Some(Value::str("utf-8")),
            "closed" => Some(Value::Bool(false)),
            _ => None,
        })
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
            ["<stdin>", "<stdout>", "<stderr>"][self.fd as usize],
            if self.fd == 0 { "r" } else { "w" }
        ))
    }
}

fn fd_of(v: &Value) -> PyResult<i32> {
    downcast::<Stream>(v)
        .map(|s| s.fd)
        .ok_or_else(|| type_error("descriptor requires a stream"))
}

/// Runs a method of `sys.stdin`/`stdout`/`stderr` when `args[0]` is one of them (the
/// streams share the `TextIOWrapper` class with the file objects of `open()`).
pub fn stream_call(interp: &mut Interp, name: &str, args: &[Value]) -> Option<PyResult<Value>> {
    downcast::<Stream>(args.first()?)?;
    let f: fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value> = match name {
        "write" => stream_write,
        "flush" => stream_flush,
        "readline" => stream_readline,
        "read" => stream_read,
        "readlines" => stream_readlines,
        "fileno" => stream_fileno,
        "isatty" => stream_isatty,
        "__enter__" => stream_enter,
        "__exit__" => stream_exit,
        _ => {
            return Some(Err(exc_msg(
                "OSError",
                format!("{} not supported on this stream", name),
            )))
        }
    };
    Some(f(interp, args, vec![]))
}

fn stream_write(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("write", args, 2, 2)?;
    let fd = fd_of(&args[0])?;
    let s = match &args[1] {
        Value::Str(s) => s.clone(),
        other => {
            return Err(type_error(format!(
                "write() argument must be str, not {}",
                interp.type_name(other)
            )))
        }
    };
    if fd == 0 {
        return Err(exc_msg("OSError", "not writable"));
    }
    let r = if fd == 2 {
        crate::output::write_stderr(s.as_str().as_bytes())
    } else {
        crate::output::write_stdout(s.as_str().as_bytes())
    };
    r.map_err(io_error)?;
    Ok(Value::Int(s.len() as i64))
}

fn stream_flush(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    fd_of(&args[0])?;
    crate::output::flush_stdout().map_err(io_error)?;
    Ok(Value::None)
}

/// A read's size argument: None (or a negative size) reads all there is.
fn size_arg(interp: &mut Interp, args: &[Value], what: &str) -> PyResult<Option<usize>> {
    arity(what, args, 1, 2)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = crate::modules::math::integer(interp, v)?;
            Ok(n.to_usize())
        }
    }
}

fn stream_readline(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    fd_of(&args[0])?;
    let limit = size_arg(interp, args, "readline")?;
    Ok(Value::string(crate::stdin::read_line(interp, limit)?))
}

fn stream_read(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    fd_of(&args[0])?;
    let limit = size_arg(interp, args, "read")?;
    Ok(Value::string(crate::stdin::read(interp, limit)?))
}

fn stream_readlines(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    fd_of(&args[0])?;
    let mut out = Vec::new();
    loop {
        let l = crate::stdin::read_line(interp, None)?;
        if l.is_empty() {
            break;
        }
        out.push(Value::string(l));
    }
    Ok(Value::list(out))
}

fn stream_fileno(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(fd_of(&args[0])? as i64))
}

fn stream_isatty(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let fd = fd_of(&args[0])?;
    // SAFETY: isatty has no preconditions.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn stream_enter(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn stream_exit(_: &mut Interp, _args: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}
