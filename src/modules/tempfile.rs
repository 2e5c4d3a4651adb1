// The `tempfile` module: temporary directories and files with unique names.

use super::{arg_or_kw, arg_str, make_module, path_error};
use crate::builtins::functions::take_kw;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};

pub fn module() -> Value {
    Value::Module(make_module(
        "tempfile",
        &[
            ("gettempdir", gettempdir),
            ("mkdtemp", mkdtemp),
            ("mkstemp", mkstemp),
            ("NamedTemporaryFile", named_temporary_file),
        ],
    ))
}

fn tempdir() -> String {
    for var in ["TMPDIR", "TEMP", "TMP"] {
        if let Ok(d) = std::env::var(var) {
            if std::path::Path::new(&d).is_dir() {
                return d.trim_end_matches('/').to_string();
            }
        }
    }
    "/tmp".into()
}

fn gettempdir(_: &mut Interp, _a: &[Value], _k: Kwargs) -> PyResult<Value> {
    Ok(Value::string(tempdir()))
}

/// Eight random characters from CPython's alphabet for temporary names.
fn random_name() -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789_";
    let mut r = crate::random_core::Random::from_os();
    (0..8)
        .map(|_| CHARS[r.randbelow(CHARS.len() as u64) as usize] as char)
        .collect()
}

/// suffix, prefix and dir arguments.
fn name_parts(
    interp: &mut Interp,
    args: &[Value],
    kw: &mut Kwargs,
    prefix_default: &str,
) -> PyResult<(String, String, String)> {
    let opt = |interp: &mut Interp, v: Option<Value>, d: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(d.to_string()),
            Some(v) => arg_str(interp, &v, "argument"),
        }
    };
    let suffix = arg_or_kw(args, kw, 0, "suffix");
    let prefix = arg_or_kw(args, kw, 1, "prefix");
    let dir = arg_or_kw(args, kw, 2, "dir");
    Ok((
        opt(interp, suffix, "")?,
        opt(interp, prefix, prefix_default)?,
        opt(interp, dir, &tempdir())?,
    ))
}

fn mkdtemp(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let (suffix, prefix, dir) = name_parts(interp, args, &mut kw, "tmp")?;
    loop {
        let p = format!("{}/{}{}{}", dir, prefix, random_name(), suffix);
        match std::fs::create_dir(&p) {
            Ok(()) => {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o700));
                let abs = std::fs::canonicalize(&p)
                    .map(|x| x.to_string_lossy().into_owned())
                    .unwrap_or(p);
                return Ok(Value::string(abs));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(path_error(e, &p)),
        }
    }
}

fn new_file(dir: &str, prefix: &str, suffix: &str) -> PyResult<(std::fs::File, String)> {
    loop {
        let p = format!("{}/{}{}{}", dir, prefix, random_name(), suffix);
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&p)
        {
            Ok(f) => return Ok((f, p)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(path_error(e, &p)),
        }
    }
}

fn mkstemp(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "text");
    let (suffix, prefix, dir) = name_parts(interp, args, &mut kw, "tmp")?;
    let (f, p) = new_file(&dir, &prefix, &suffix)?;
    use std::os::fd::IntoRawFd;
    let fd = f.into_raw_fd();
    Ok(Value::tuple(vec![Value::Int(fd as i64), Value::string(p)]))
}

fn named_temporary_file(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let mode = take_kw(&mut kw, "mode").unwrap_or_else(|| Value::str("w+b"));
    take_kw(&mut kw, "delete");
    let encoding = take_kw(&mut kw, "encoding");
    let (suffix, prefix, dir) = name_parts(interp, &[], &mut kw, "tmp")?;
    let _ = args;
    let (_f, p) = new_file(&dir, &prefix, &suffix)?;
    let open = interp
        .builtin(crate::intern::intern("open"))
        .cloned()
        .unwrap_or(Value::None);
    let mut a = vec![Value::string(p), mode];
    if let Some(e) = encoding {
        a.push(Value::Int(-1));
        a.push(e);
    }
    interp.call(&open, a, vec![])
}
