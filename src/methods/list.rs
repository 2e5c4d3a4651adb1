// Methods of `list` (plain lists and instances of list subclasses).

use super::args::*;
use crate::builtins::def_method;
use crate::builtins::functions::{sort_values, take_kw};
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::object::Payload;
use crate::value::{Instance, Kwargs, List, Value};
use std::cell::RefCell;
use std::rc::Rc;

type Native = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;

pub fn install() {
    let t = &types().list;
    let methods: &[(&'static str, Native)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__init__", init),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__len__", len),
        ("__iter__", iter),
    ];
    for (name, f) in methods {
        def_method(t, "list", name, *f);
    }
}

/// Where a list lives: a plain list or a list-subclass instance.
#[derive(Clone)]
pub enum ListRef {
    Plain(List),
    Inst(Rc<Instance>),
}

impl ListRef {
    pub fn of(v: &Value) -> Option<ListRef> {
        match v {
            Value::List(l) => Some(ListRef::Plain(l.clone())),
            Value::Instance(i) if matches!(i.payload, Payload::List(_)) => {
                Some(ListRef::Inst(i.clone()))
            }
            _ => None,
        }
    }
    pub fn cell(&self) -> &RefCell<Vec<Value>> {
        match self {
            ListRef::Plain(l) => l,
            ListRef::Inst(i) => match &i.payload {
                Payload::List(l) => l,
                _ => unreachable!("ListRef::Inst is only built for list payloads"),
            },
        }
    }
    /// A snapshot of the items, safe to hold while calling back into Python.
    pub fn items(&self) -> Vec<Value> {
        self.cell().borrow().clone()
    }
    pub fn len(&self) -> usize {
        self.cell().borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<ListRef> {
    args.first()
        .and_then(ListRef::of)
        .ok_or_else(|| wrong_receiver(interp, args, "list", name))
}

/// Position of the first item equal to `x` in `items[start..end]`.
pub fn position(
    interp: &mut Interp,
    items: &[Value],
    x: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    for (i, y) in items.iter().enumerate().take(end).skip(start) {
        if y.is(x) || interp.eq(y, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The first index in `start..end` of a list whose item equals `x`. The list is read
/// afresh at each step, as CPython reads it: an item's `__eq__` may change it.
pub fn list_position(
    interp: &mut Interp,
    cell: &RefCell<Vec<Value>>,
    x: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < end {
        let Some(y) = cell.borrow().get(i).cloned() else {
            break;
        };
        if y.is(x) || interp.eq(&y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

/// The window of `index(x, start, stop)` for a sequence of `len` items.
pub fn index_window(interp: &mut Interp, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let a = slice_arg(interp, args.get(2), false)?;
    let b = slice_arg(interp, args.get(3), false)?;
    let (start, end) = adjust(a, b, len);
    Ok((start.min(len as i64) as usize, end as usize))
}

pub fn count_of(interp: &mut Interp, items: &[Value], x: &Value) -> PyResult<Value> {
    let mut n = 0;
    for y in items {
        if y.is(x) || interp.eq(y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn append(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "append")?;
    let x = onearg("list.append", args, &kw)?;
    l.cell().borrow_mut().push(x.clone());
    Ok(Value::None)
}

fn extend(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "extend")?;
    let src = onearg("list.extend", args, &kw)?;
    let items = match ListRef::of(src) {
        Some(s) => s.items(),
        None => interp.collect(src)?,
    };
    l.cell().borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "insert")?;
    posonly("insert", "list.insert", args, &kw, 2, 2)?;
    let i = int_arg(interp, &args[1])?;
    let mut v = l.cell().borrow_mut();
    let n = v.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(at as usize, args[2].clone());
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "pop")?;
    posonly("pop", "list.pop", args, &kw, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    let mut v = l.cell().borrow_mut();
    if v.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

fn remove(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "remove")?;
    let x = onearg("list.remove", args, &kw)?;
    match list_position(interp, l.cell(), x, 0, usize::MAX)? {
        Some(i) => {
            let mut v = l.cell().borrow_mut();
            if i < v.len() {
                v.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn index(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "index")?;
    posonly("index", "list.index", args, &kw, 1, 3)?;
    let len = l.cell().borrow().len();
    let (start, mut end) = index_window(interp, args, len)?;
    if args.len() < 4 {
        // No stop: the search runs to the end of the list as it is then.
        end = usize::MAX;
    }
    match list_position(interp, l.cell(), &args[1], start, end)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = interp.repr(&args[1])?;
            Err(value_error(format!("{r} is not in list")))
        }
    }
}

fn count(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "count")?;
    let x = onearg("list.count", args, &kw)?;
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = list_position(interp, l.cell(), x, from, usize::MAX)? {
        n += 1;
        from = i + 1;
    }
    Ok(Value::Int(n))
}

fn sort(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "sort")?;
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let key = take_kw(&mut kw, "key").filter(|k| !k.is_none());
    let reverse = match take_kw(&mut kw, "reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    if let Some((k, _)) = kw.first() {
        return Err(type_error(format!(
            "'{k}' is an invalid keyword argument for sort()"
        )));
    }
    let mut items = std::mem::take(&mut *l.cell().borrow_mut());
    let r = sort_values(interp, &mut items, key, reverse);
    let mut cell = l.cell().borrow_mut();
    let modified = !cell.is_empty();
    *cell = items;
    drop(cell);
    r?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "reverse")?;
    noargs("list.reverse", args, &kw)?;
    l.cell().borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "copy")?;
    noargs("list.copy", args, &kw)?;
    Ok(Value::list(l.items()))
}

fn clear(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "clear")?;
    noargs("list.clear", args, &kw)?;
    let old = std::mem::take(&mut *l.cell().borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `list.__init__`: fills a list-subclass instance from an optional iterable.
fn init(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__init__")?;
    if !kw.is_empty() {
        return Err(type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let items = match args.get(1) {
        Some(v) => interp.collect(v)?,
        None => Vec::new(),
    };
    *l.cell().borrow_mut() = items;
    Ok(Value::None)
}

/// Runs `f` on a plain list holding the receiver's items, then stores them back, so
/// the evaluator's indexing rules apply to list-subclass instances too.
fn on_plain<T>(l: &ListRef, f: impl FnOnce(&Value) -> PyResult<T>) -> PyResult<T> {
    match l {
        ListRef::Plain(p) => f(&Value::List(p.clone())),
        ListRef::Inst(_) => {
            let tmp = Value::list(l.items());
            let r = f(&tmp);
            if let Value::List(t) = &tmp {
                *l.cell().borrow_mut() = t.borrow().clone();
            }
            r
        }
    }
}

fn getitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__getitem__")?;
    let idx = onearg("list.__getitem__", args, &kw)?;
    let tmp = Value::list(l.items());
    interp.getitem(&tmp, idx)
}

fn setitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__setitem__")?;
    posonly("__setitem__", "list.__setitem__", args, &kw, 2, 2)?;
    on_plain(&l, |p| interp.setitem(p, args[1].clone(), args[2].clone()))?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__delitem__")?;
    let idx = onearg("list.__delitem__", args, &kw)?;
    on_plain(&l, |p| interp.delitem(p, idx))?;
    Ok(Value::None)
}

fn contains(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__contains__")?;
    let x = onearg("list.__contains__", args, &kw)?;
    Ok(Value::Bool(
        list_position(interp, l.cell(), x, 0, usize::MAX)?.is_some(),
    ))
}

fn len(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = this(interp, args, "__len__")?;
    noargs("list.__len__", args, &kw)?;
    Ok(Value::Int(l.len() as i64))
}

fn iter(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    this(interp, args, "__iter__")?;
    noargs("list.__iter__", args, &kw)?;
    Ok(Value::Object(crate::value::new_obj(
        crate::interp::iter::SeqIter {
            seq: args[0].clone(),
            pos: std::cell::Cell::new(0),
        },
    )))
}
