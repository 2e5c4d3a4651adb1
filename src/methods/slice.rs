// Methods of `slice`: indices.

use super::args::*;
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};

pub fn install() {
    def_method(&types().slice, "slice", "indices", indices);
}

/// `s.indices(length)`: the start, stop and step the slice takes in a sequence of
/// `length` items, as indexing resolves it.
fn indices(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = match args.first() {
        Some(Value::Slice(s)) => s.clone(),
        _ => return Err(wrong_receiver(interp, args, "slice", "indices")),
    };
    let len = int_arg(interp, onearg("slice.indices", args, &kw)?)?;
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step, _) = interp.resolve_slice(&s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}
