// The container protocol methods (`__len__`, `__iter__`, `__contains__`, `__getitem__`)
// of the built-in types that do not define their own, so `hasattr(x, '__len__')` and
// `type(x).__iter__(x)` work as in CPython; each defers to the evaluator's operation.

use crate::builtins::def_method;
use crate::intern::intern;
use crate::interp::err::type_error;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};

fn receiver<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Value> {
    args.first()
        .ok_or_else(|| type_error(format!("descriptor '{}' needs an argument", name)))
}

fn len(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = receiver(args, "__len__")?;
    Ok(Value::Int(interp.len(v)? as i64))
}

fn iter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = receiver(args, "__iter__")?;
    interp.iter(v)
}

fn contains(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = receiver(args, "__contains__")?;
    let item = args
        .get(1)
        .ok_or_else(|| type_error("__contains__ expected 1 argument"))?;
    Ok(Value::Bool(interp.contains(v, item)?))
}

fn getitem(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = receiver(args, "__getitem__")?;
    let i = args
        .get(1)
        .ok_or_else(|| type_error("__getitem__ expected 1 argument"))?;
    interp.getitem(v, i)
}

pub fn install() {
    let t = types();
    let classes = [
        (&t.str_, "str"),
        (&t.list, "list"),
        (&t.tuple, "tuple"),
        (&t.dict, "dict"),
        (&t.set, "set"),
        (&t.frozenset, "frozenset"),
        (&t.range, "range"),
        (&t.bytes, "bytes"),
    ];
    for (cls, owner) in classes {
        let has = |name: &str| cls.dict.borrow().contains_key(&intern(name));
        if !has("__len__") {
            def_method(cls, owner, "__len__", len);
        }
        if !has("__iter__") {
            def_method(cls, owner, "__iter__", iter);
        }
        if !has("__contains__") {
            def_method(cls, owner, "__contains__", contains);
        }
        let indexable = !matches!(owner, "set" | "frozenset");
        if indexable && !has("__getitem__") {
            def_method(cls, owner, "__getitem__", getitem);
        }
    }
}
