// Methods of `dict` (plain dicts and instances of dict subclasses), with the item
// dunders that `super().__setitem__` reaches.

use super::args::*;
use crate::builtins::ctors::dict_fill;
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::iter::{DictIter, DictPart, DictRef, DictView};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Dict, Kwargs, Value};
use std::cell::Cell;
use std::rc::Rc;

type Native = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;

pub fn install() {
    let t = &types().dict;
    let methods: &[(&'static str, Native)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("update", update),
        ("pop", pop),
        ("popitem", popitem),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("copy", copy),
        ("clear", clear),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__len__", len),
        ("__iter__", iter),
        ("__init__", init),
    ];
    for (name, f) in methods {
        def_method(t, "dict", name, *f);
    }
    super::def_classmethod(t, "fromkeys", fromkeys);
}

fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<DictRef> {
    args.first()
        .and_then(DictRef::of)
        .ok_or_else(|| wrong_receiver(interp, args, "dict", name))
}

fn get(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "get")?;
    posonly("get", "dict.get", args, &kw, 1, 2)?;
    let k = interp.hkey(args[1].clone())?;
    let found = interp.dict_get(d.cell(), &k)?;
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "setdefault")?;
    posonly("setdefault", "dict.setdefault", args, &kw, 1, 2)?;
    let k = interp.hkey(args[1].clone())?;
    if let Some(v) = interp.dict_get(d.cell(), &k)? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    interp.dict_set(d.cell(), k, v.clone())?;
    Ok(v)
}

pub fn update(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "update")?;
    let mut tmp = Dict::new();
    dict_fill(interp, &mut tmp, &args[1..], kw, "update")?;
    for (k, v) in tmp.map {
        interp.dict_set(d.cell(), k, v)?;
    }
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "pop")?;
    posonly("pop", "dict.pop", args, &kw, 1, 2)?;
    let k = interp.hkey(args[1].clone())?;
    let removed = interp.dict_pop(d.cell(), &k)?;
    match (removed, args.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(args[1].clone())),
    }
}

fn popitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "popitem")?;
    noargs("dict.popitem", args, &kw)?;
    let last = d.cell().borrow_mut().map.pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.key, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn view(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    part: DictPart,
) -> PyResult<Value> {
    let d = this(interp, args, name)?;
    noargs(&format!("dict.{name}"), args, &kw)?;
    Ok(Value::Object(crate::value::new_obj(DictView {
        dict: d,
        part,
    })))
}

fn keys(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    view(i, a, k, "keys", DictPart::Keys)
}
fn values(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    view(i, a, k, "values", DictPart::Values)
}
fn items(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    view(i, a, k, "items", DictPart::Items)
}

fn copy(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "copy")?;
    noargs("dict.copy", args, &kw)?;
    let c = d.cell().borrow().clone();
    Ok(Value::dict(c))
}

fn clear(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "clear")?;
    noargs("dict.clear", args, &kw)?;
    let old = std::mem::take(&mut *d.cell().borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn fromkeys(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    posonly("fromkeys", "dict.fromkeys", args, &kw, 1, 2)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let keys = interp.collect(&args[1])?;
    let is_plain = match &args[0] {
        Value::Class(c) => Rc::ptr_eq(c, &types().dict),
        _ => true,
    };
    if is_plain {
        let mut d = Dict::new();
        for k in keys {
            let hk = interp.hkey(k)?;
            interp.put_key(&mut d, hk, value.clone())?;
        }
        return Ok(Value::dict(d));
    }
    let obj = interp.call(&args[0], vec![], vec![])?;
    for k in keys {
        interp.setitem(&obj, k, value.clone())?;
    }
    Ok(obj)
}

fn getitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__getitem__")?;
    let key = onearg("dict.__getitem__", args, &kw)?;
    let k = interp.hkey(key.clone())?;
    let found = interp.dict_get(d.cell(), &k)?;
    if let Some(v) = found {
        return Ok(v);
    }
    if let Value::Instance(inst) = &args[0] {
        if let Some(m) = inst.class().lookup(interp.sym.missing) {
            return interp.call(&m, vec![args[0].clone(), key.clone()], vec![]);
        }
    }
    Err(key_error(key.clone()))
}

fn setitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__setitem__")?;
    posonly("__setitem__", "dict.__setitem__", args, &kw, 2, 2)?;
    let k = interp.hkey(args[1].clone())?;
    interp.dict_set(d.cell(), k, args[2].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__delitem__")?;
    let key = onearg("dict.__delitem__", args, &kw)?;
    let k = interp.hkey(key.clone())?;
    let removed = interp.dict_pop(d.cell(), &k)?;
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(key_error(key.clone())),
    }
}

fn contains(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__contains__")?;
    let key = onearg("dict.__contains__", args, &kw)?;
    let k = interp.hkey(key.clone())?;
    let found = interp.dict_has(d.cell(), &k)?;
    Ok(Value::Bool(found))
}

fn len(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__len__")?;
    noargs("dict.__len__", args, &kw)?;
    let n = d.cell().borrow().len();
    Ok(Value::Int(n as i64))
}

fn iter(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__iter__")?;
    noargs("dict.__iter__", args, &kw)?;
    let len = d.cell().borrow().len();
    Ok(Value::Object(crate::value::new_obj(DictIter {
        dict: d,
        part: DictPart::Keys,
        pos: Cell::new(0),
        len,
    })))
}

/// `dict.__init__`: fills a dict-subclass instance from `dict(...)`'s arguments.
fn init(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(interp, args, "__init__")?;
    let mut tmp = Dict::new();
    dict_fill(interp, &mut tmp, &args[1..], kw, "dict")?;
    for (k, v) in tmp.map {
        interp.dict_set(d.cell(), k, v)?;
    }
    Ok(Value::None)
}
