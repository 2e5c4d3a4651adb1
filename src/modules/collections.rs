// `_collections`: the helpers in Rust behind stdlib/collections.py (fast counting, reprs).

use super::make_module;
use crate::builtins::functions::arity;
use crate::interp::err::*;
use crate::interp::iter::DictRef;
use crate::interp::{Interp, PyResult};
use crate::syntax::ast::BinOp;
use crate::value::{Kwargs, Value};

pub fn module() -> Value {
    Value::Module(make_module(
        "_collections",
        &[
            ("_count_elements", count_elements),
            ("_dict_repr", dict_repr),
            ("_dict_items", dict_items),
            ("_split_names", split_names),
            ("_join", join),
        ],
    ))
}

/// `_count_elements(mapping, iterable)`: mapping[x] += 1 for every x, as CPython's C helper.
fn count_elements(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_count_elements", args, 2, 2)?;
    let d = DictRef::of(&args[0]).ok_or_else(|| type_error("_count_elements needs a dict"))?;
    let it = interp.iter(&args[1])?;
    let one = Value::Int(1);
    while let Some(x) = interp.next(&it)? {
        let k = interp.hkey(x)?;
        let cur = interp.dict_get(d.cell(), &k)?;
        let new = match cur {
            None => one.clone(),
            Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
            Some(v) => interp.binop(BinOp::Add, &v, &one)?,
        };
        interp.dict_set(d.cell(), k, new)?;
    }
    Ok(Value::None)
}

/// The plain-dict repr of a dict or dict subclass's contents.
fn dict_repr(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_dict_repr", args, 1, 1)?;
    let d = DictRef::of(&args[0]).ok_or_else(|| type_error("_dict_repr needs a dict"))?;
    let copy = d.cell().borrow().clone();
    Ok(Value::string(interp.repr(&Value::dict(copy))?))
}

/// The (key, value) pairs of a dict or dict subclass, as a list.
fn dict_items(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_dict_items", args, 1, 1)?;
    let d = DictRef::of(&args[0]).ok_or_else(|| type_error("_dict_items needs a dict"))?;
    let items = d
        .cell()
        .borrow()
        .items()
        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(Value::list(items))
}

/// Field names of namedtuple given as one string: split on commas and whitespace.
fn split_names(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_split_names", args, 1, 1)?;
    let s = super::arg_str(interp, &args[0], "names")?;
    Ok(Value::list(
        s.replace(',', " ")
            .split_whitespace()
            .map(Value::str)
            .collect(),
    ))
}

/// `sep.join(strs)`, for the dialect modules.
fn join(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("_join", args, 2, 2)?;
    let sep = super::arg_str(interp, &args[0], "sep")?;
    let items = interp.collect(&args[1])?;
    let mut parts = Vec::with_capacity(items.len());
    for x in &items {
        parts.push(super::arg_str(interp, x, "sequence item")?);
    }
    Ok(Value::string(parts.join(&sep)))
}
