// The `shutil` module: removing trees and copying files.

use super::{arg_path, make_module, path_error};
use crate::builtins::functions::{arity, take_kw};
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};
use std::path::Path;

pub fn module() -> Value {
    Value::Module(make_module(
        "shutil",
        &[
            ("rmtree", rmtree),
            ("copy", copy),
            ("copyfile", copyfile),
            ("move", move_),
        ],
    ))
}

fn rmtree(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let ignore = match super::arg_or_kw(args, &mut kw, 1, "ignore_errors") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    arity("rmtree", args, 1, 3)?;
    let p = arg_path(interp, &args[0], "rmtree")?;
    if let Err(e) = std::fs::remove_dir_all(&p) {
        if !ignore {
            return Err(path_error(e, &p));
        }
    }
    Ok(Value::None)
}

fn two_paths(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<(String, String)> {
    arity(name, args, 2, 2)?;
    Ok((
        arg_path(interp, &args[0], name)?,
        arg_path(interp, &args[1], name)?,
    ))
}

fn copyfile(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "follow_symlinks");
    let (a, b) = two_paths(interp, args, "copyfile")?;
    std::fs::copy(&a, &b).map_err(|e| path_error(e, &a))?;
    Ok(Value::string(b))
}

/// Where `src` goes when the destination is `dst`: inside it, under the same name,
/// when `dst` is a directory (as `copy` and `move` do).
fn into_dir(src: &str, dst: String) -> String {
    if !Path::new(&dst).is_dir() {
        return dst;
    }
    let name = Path::new(src)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}/{}", dst.trim_end_matches('/'), name)
}

fn copy(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "follow_symlinks");
    let (a, b) = two_paths(interp, args, "copy")?;
    let b = into_dir(&a, b);
    std::fs::copy(&a, &b).map_err(|e| path_error(e, &a))?;
    Ok(Value::string(b))
}

fn move_(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    let (a, b) = two_paths(interp, args, "move")?;
    let b = into_dir(&a, b);
    if std::fs::rename(&a, &b).is_err() {
        std::fs::copy(&a, &b).map_err(|e| path_error(e, &a))?;
        std::fs::remove_file(&a).map_err(|e| path_error(e, &a))?;
    }
    Ok(Value::string(b))
}
