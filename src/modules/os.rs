// The `os` module and `os.path`: processes, directories, files, environment, paths.

use super::{arg_path, make_module, path_error, set_attr};
use crate::builtins::functions::{arity, take_kw};
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::{Dict, Kwargs, Value};
use num_traits::ToPrimitive;
use std::path::Path;

pub fn module(interp: &mut Interp) -> Value {
    let m = make_module(
        "os",
        &[
            ("getpid", getpid),
            ("getppid", getppid),
            ("kill", kill),
            ("cpu_count", cpu_count),
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("remove", remove),
            ("unlink", remove),
            ("rmdir", rmdir),
            ("mkdir", mkdir),
            ("makedirs", makedirs),
            ("rename", rename),
            ("getenv", getenv),
            ("_exit", exit_now),
        ],
    );
    let mut env = Dict::new();
    for (k, v) in std::env::vars_os() {
        let k = Value::string(k.to_string_lossy().into_owned());
        let v = Value::string(v.to_string_lossy().into_owned());
        if let Ok(hk) = interp.hkey(k) {
            env.insert(hk, v);
        }
    }
    set_attr(&m, "environ", Value::dict(env));
    set_attr(&m, "sep", Value::str("/"));
    set_attr(&m, "linesep", Value::str("\n"));
    set_attr(&m, "pathsep", Value::str(":"));
    set_attr(&m, "curdir", Value::str("."));
    set_attr(&m, "pardir", Value::str(".."));
    set_attr(&m, "name", Value::str("posix"));
    let path = make_module(
        "posixpath",
        &[
            ("join", join),
            ("exists", exists),
            ("isfile", isfile),
            ("isdir", isdir),
            ("isabs", isabs),
            ("basename", basename),
            ("dirname", dirname),
            ("split", split),
            ("splitext", splitext),
            ("getsize", getsize),
            ("abspath", abspath),
            ("normpath", normpath),
        ],
    );
    set_attr(&path, "sep", Value::str("/"));
    let path = Value::Module(path);
    interp.modules.insert("os.path".into(), path.clone());
    set_attr(&m, "path", path);
    Value::Module(m)
}

fn getpid(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}
/// `os.kill(pid, sig)`.
fn kill(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("kill", a, 2, 2)?;
    use crate::modules::math::integer;
    let pid = integer(interp, &a[0])?;
    let pid = pid.to_i32().ok_or_else(|| {
        overflow_error(if pid.sign() == num_bigint::Sign::Minus {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })?;
    // CPython reads the signal as a C ssize_t and passes it on as an int.
    let sig = integer(interp, &a[1])?
        .to_i64()
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?
        as i32;
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(crate::builtins::functions::io_error(
            std::io::Error::last_os_error(),
        ));
    }
    // A signal sent to this process is handled before kill returns, as in CPython.
    interp.check_signals()?;
    Ok(Value::None)
}
fn getppid(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}
fn cpu_count(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n > 0 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}
fn getcwd(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    let d = std::env::current_dir().map_err(crate::builtins::functions::io_error)?;
    Ok(Value::string(d.to_string_lossy().into_owned()))
}

fn path_arg(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<String> {
    arity(name, args, 1, 1)?;
    arg_path(interp, &args[0], name)
}

fn chdir(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = path_arg(interp, args, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::None)
}

fn listdir(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("listdir", args, 0, 1)?;
    let p = match args.first() {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => arg_path(interp, v, "listdir")?,
    };
    let mut out = Vec::new();
    for e in std::fs::read_dir(&p).map_err(|e| path_error(e, &p))? {
        let e = e.map_err(|e| path_error(e, &p))?;
        out.push(Value::string(e.file_name().to_string_lossy().into_owned()));
    }
    Ok(Value::list(out))
}

fn remove(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = path_arg(interp, args, "remove")?;
    if Path::new(&p).is_dir() {
        return Err(path_error(
            std::io::Error::from_raw_os_error(libc::EISDIR),
            &p,
        ));
    }
    std::fs::remove_file(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::None)
}

fn rmdir(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = path_arg(interp, args, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::None)
}

fn mkdir(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "mode");
    arity("mkdir", args, 1, 2)?;
    let p = arg_path(interp, &args[0], "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::None)
}

fn makedirs(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "mode");
    let exist_ok = match super::arg_or_kw(args, &mut kw, 2, "exist_ok") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    arity("makedirs", args, 1, 3)?;
    let p = arg_path(interp, &args[0], "makedirs")?;
    if Path::new(&p).exists() {
        if exist_ok && Path::new(&p).is_dir() {
            return Ok(Value::None);
        }
        return Err(path_error(
            std::io::Error::from_raw_os_error(libc::EEXIST),
            &p,
        ));
    }
    std::fs::create_dir_all(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::None)
}

fn rename(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("rename", args, 2, 2)?;
    let a = arg_path(interp, &args[0], "rename")?;
    let b = arg_path(interp, &args[1], "rename")?;
    std::fs::rename(&a, &b).map_err(|e| {
        let exc = path_error(e, &a);
        crate::interp::err::set_os_error_attrs(&exc.0, vec![("filename2", Value::str(&b))]);
        exc
    })?;
    Ok(Value::None)
}

fn getenv(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let default = super::arg_or_kw(args, &mut kw, 1, "default").unwrap_or(Value::None);
    arity("getenv", args, 1, 2)?;
    let k = super::arg_str(interp, &args[0], "str expected, not")?;
    Ok(match std::env::var_os(&k) {
        Some(v) => Value::string(v.to_string_lossy().into_owned()),
        None => default,
    })
}

fn exit_now(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_exit", args, 1, 1)?;
    let code = interp.to_index(&args[0], "_exit")?;
    let _ = crate::output::flush_stdout();
    // SAFETY: ends the process at once, as os._exit does.
    unsafe { libc::_exit(code as i32) }
}

// os.path

fn str_args(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<Vec<String>> {
    args.iter()
        .map(|a| match a {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(type_error(format!(
                "{}() argument must be str, bytes, or os.PathLike object, not '{}'",
                name,
                interp.type_name(other)
            ))),
        })
        .collect()
}

fn join(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(type_error(
            "join() missing 1 required positional argument: 'a'",
        ));
    }
    let parts = str_args(interp, args, "join")?;
    let mut out = parts[0].clone();
    for p in &parts[1..] {
        if p.starts_with('/') {
            out = p.clone();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(p);
        } else {
            out.push('/');
            out.push_str(p);
        }
    }
    Ok(Value::string(out))
}

fn one(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<String> {
    arity(name, args, 1, 1)?;
    Ok(str_args(interp, args, name)?.remove(0))
}

fn exists(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "exists")?;
    Ok(Value::Bool(Path::new(&p).exists()))
}
fn isfile(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "isfile")?;
    Ok(Value::Bool(Path::new(&p).is_file()))
}
fn isdir(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "isdir")?;
    Ok(Value::Bool(Path::new(&p).is_dir()))
}
fn isabs(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

/// posixpath.split: (head, tail) with trailing slashes stripped from head.
fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if !head.is_empty() && trimmed.is_empty() {
        head.to_string()
    } else {
        trimmed.to_string()
    };
    (head, tail.to_string())
}

fn basename(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "basename")?;
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    Ok(Value::str(&p[i..]))
}
fn dirname(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "dirname")?;
    Ok(Value::string(split_path(&p).0))
}
fn split(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "split")?;
    let (h, t) = split_path(&p);
    Ok(Value::tuple(vec![Value::string(h), Value::string(t)]))
}
fn splitext(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "splitext")?;
    let sep = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    if let Some(dot) = p.rfind('.') {
        if dot > sep && p[sep..dot].chars().any(|c| c != '.') {
            return Ok(Value::tuple(vec![
                Value::str(&p[..dot]),
                Value::str(&p[dot..]),
            ]));
        }
    }
    Ok(Value::tuple(vec![Value::string(p), Value::str("")]))
}
fn getsize(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "getsize")?;
    let md = std::fs::metadata(&p).map_err(|e| path_error(e, &p))?;
    Ok(Value::Int(md.len() as i64))
}

/// posixpath.normpath.
pub fn normalize(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && parts.is_empty()) || parts.last() == Some(&"..") {
            parts.push(c);
        } else if !parts.is_empty() {
            parts.pop();
        }
    }
    let s = format!("{}{}", "/".repeat(initial), parts.join("/"));
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

fn normpath(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "normpath")?;
    Ok(Value::string(normalize(&p)))
}

fn abspath(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let p = one(interp, args, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = std::env::current_dir().map_err(crate::builtins::functions::io_error)?;
        format!("{}/{}", cwd.to_string_lossy(), p)
    };
    Ok(Value::string(normalize(&full)))
}
