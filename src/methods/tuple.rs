// Methods of `tuple`: index and count.

use super::args::*;
use super::list::{count_of, index_window, position};
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};
use std::rc::Rc;

pub fn install() {
    let t = &types().tuple;
    def_method(t, "tuple", "index", index);
    def_method(t, "tuple", "count", count);
}

fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<Rc<Vec<Value>>> {
    match args.first() {
        Some(Value::Tuple(t)) => Ok(t.clone()),
        _ => Err(wrong_receiver(interp, args, "tuple", name)),
    }
}

fn index(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let t = this(interp, args, "index")?;
    posonly("index", "tuple.index", args, &kw, 1, 3)?;
    let (start, end) = index_window(interp, args, t.len())?;
    match position(interp, &t, &args[1], start, end)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn count(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let t = this(interp, args, "count")?;
    let x = onearg("tuple.count", args, &kw)?;
    count_of(interp, &t, x)
}
