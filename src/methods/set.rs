// Methods of `set` and `frozenset`, with CPython's algorithms so results iterate in
// the same order.

use super::args::*;
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::iter::{DictPart, DictView};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::syntax::ast::BinOp;
use crate::value::{HKey, Kwargs, PySet, Value};
use std::cell::RefCell;
use std::rc::Rc;

type Native = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;

pub fn install() {
    let t = types();
    let shared: &[(&'static str, Native)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let mutating: &[(&'static str, Native)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    for (name, f) in shared {
        def_method(&t.set, "set", name, *f);
        def_method(&t.frozenset, "frozenset", name, *f);
    }
    for (name, f) in mutating {
        def_method(&t.set, "set", name, *f);
    }
}

/// The receiver's owner name and a snapshot of its table.
fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<(&'static str, PySet)> {
    match args.first() {
        Some(Value::Set(s)) => Ok(("set", s.borrow().clone())),
        Some(Value::FrozenSet(s)) => Ok(("frozenset", (**s).clone())),
        _ => Err(wrong_receiver(interp, args, "set", name)),
    }
}

fn this_mut(interp: &Interp, args: &[Value], name: &str) -> PyResult<Rc<RefCell<PySet>>> {
    match args.first() {
        Some(Value::Set(s)) => Ok(s.clone()),
        _ => Err(wrong_receiver(interp, args, "set", name)),
    }
}

fn no_kw(qual: &str, kw: &Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{qual}() takes no keyword arguments")))
    }
}

/// A set or frozenset argument's table.
fn as_set(v: &Value) -> Option<PySet> {
    match v {
        Value::Set(s) => Some(s.borrow().clone()),
        Value::FrozenSet(s) => Some((**s).clone()),
        _ => None,
    }
}

/// Hashed items of any iterable.
fn hashed_items(interp: &mut Interp, v: &Value) -> PyResult<Vec<HKey>> {
    let items = interp.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        out.push(interp.hkey(x)?);
    }
    Ok(out)
}

fn merge(dst: &mut PySet, src: &PySet) {
    if src.is_empty() {
        return;
    }
    dst.reserve_merge(src.len());
    for k in src.iter() {
        dst.insert(k.clone());
    }
}

fn copy_of(s: &PySet) -> PySet {
    let mut n = PySet::new();
    merge(&mut n, s);
    n
}

/// `set(other)` as CPython builds it.
fn new_set(interp: &mut Interp, other: &Value) -> PyResult<PySet> {
    if let Some(o) = as_set(other) {
        return Ok(copy_of(&o));
    }
    let mut n = PySet::new();
    for k in hashed_items(interp, other)? {
        n.insert(k);
    }
    Ok(n)
}

/// The elements of `other` as hashed keys (a set's in its slot order).
fn keys_of(interp: &mut Interp, other: &Value) -> PyResult<Vec<HKey>> {
    match other {
        Value::Set(o) => Ok(o.borrow().iter().cloned().collect()),
        Value::FrozenSet(o) => Ok(o.iter().cloned().collect()),
        _ => hashed_items(interp, other),
    }
}

// The helpers below change a set that user code may reach (the `__eq__` of a key
// may read or change it), so each key goes through the interpreter's set_add and
// set_discard; results still being built go in a RefCell to share them.

/// `dst |= other`; a set is merged as CPython's `set_merge` merges it, growing the
/// table once first (which decides the printed order).
fn add_all(interp: &mut Interp, dst: &RefCell<PySet>, other: &Value) -> PyResult<()> {
    let keys = keys_of(interp, other)?;
    if as_set(other).is_some() && !keys.is_empty() {
        dst.borrow_mut().reserve_merge(keys.len());
    }
    for k in keys {
        interp.set_add(dst, k)?;
    }
    Ok(())
}

fn wrap(owner: &str, s: PySet) -> Value {
    if owner == "frozenset" {
        Value::FrozenSet(Rc::new(s))
    } else {
        Value::Set(Rc::new(RefCell::new(s)))
    }
}

fn intersect(interp: &mut Interp, cur: &PySet, other: &Value) -> PyResult<PySet> {
    let mut out = PySet::new();
    if let Some(o) = as_set(other) {
        let (small, big) = if o.len() > cur.len() {
            (cur, &o)
        } else {
            (&o, cur)
        };
        for k in small.iter() {
            if big.contains(k) {
                out.insert(k.clone());
            }
        }
        return Ok(out);
    }
    for k in hashed_items(interp, other)? {
        if cur.contains(&k) {
            out.insert(k);
        }
    }
    Ok(out)
}

fn subtract(interp: &mut Interp, cur: &PySet, other: &Value) -> PyResult<PySet> {
    let other_set = match other {
        Value::Dict(d) => {
            let mut s = PySet::new();
            for k in d.borrow().map.keys() {
                s.insert(k.clone());
            }
            Some(s)
        }
        _ => as_set(other),
    };
    match other_set {
        Some(o) if (cur.len() >> 2) <= o.len() => {
            let mut out = PySet::new();
            for k in cur.iter() {
                if !o.contains(k) {
                    out.insert(k.clone());
                }
            }
            Ok(out)
        }
        _ => {
            let out = RefCell::new(copy_of(cur));
            discard_all(interp, &out, other)?;
            Ok(out.into_inner())
        }
    }
}

/// `dst -= other`.
fn discard_all(interp: &mut Interp, dst: &RefCell<PySet>, other: &Value) -> PyResult<()> {
    for k in keys_of(interp, other)? {
        interp.set_discard(dst, &k)?;
    }
    dst.borrow_mut().shrink_dummies();
    Ok(())
}

/// `dst ^= other`.
fn sym_update(interp: &mut Interp, dst: &RefCell<PySet>, other: &Value) -> PyResult<()> {
    let o = match as_set(other) {
        Some(o) => o,
        None => new_set(interp, other)?,
    };
    for k in o.iter() {
        if !interp.set_discard(dst, k)? {
            interp.set_add(dst, k.clone())?;
        }
    }
    Ok(())
}

fn is_subset(a: &PySet, b: &PySet) -> bool {
    a.len() <= b.len() && a.iter().all(|k| b.contains(k))
}

// ---------------------------------------------------------------- both types

fn copy(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "copy")?;
    noargs(&format!("{owner}.copy"), args, &kw)?;
    if owner == "frozenset" {
        return Ok(args[0].clone());
    }
    Ok(wrap(owner, copy_of(&s)))
}

fn union(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "union")?;
    no_kw(&format!("{owner}.union"), &kw)?;
    let r = RefCell::new(copy_of(&s));
    for o in &args[1..] {
        add_all(interp, &r, o)?;
    }
    Ok(wrap(owner, r.into_inner()))
}

fn intersection(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "intersection")?;
    no_kw(&format!("{owner}.intersection"), &kw)?;
    let mut r = if args.len() == 1 { copy_of(&s) } else { s };
    for o in &args[1..] {
        r = intersect(interp, &r, o)?;
    }
    Ok(wrap(owner, r))
}

fn difference(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "difference")?;
    no_kw(&format!("{owner}.difference"), &kw)?;
    if args.len() == 1 {
        return Ok(wrap(owner, copy_of(&s)));
    }
    let r = RefCell::new(subtract(interp, &s, &args[1])?);
    for o in &args[2..] {
        discard_all(interp, &r, o)?;
    }
    Ok(wrap(owner, r.into_inner()))
}

fn symmetric_difference(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "symmetric_difference")?;
    let other = onearg(&format!("{owner}.symmetric_difference"), args, &kw)?;
    let r = RefCell::new(new_set(interp, other)?);
    sym_update(interp, &r, &wrap("frozenset", s))?;
    Ok(wrap(owner, r.into_inner()))
}

fn issubset(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "issubset")?;
    let other = onearg(&format!("{owner}.issubset"), args, &kw)?;
    let o = match as_set(other) {
        Some(o) => o,
        None => new_set(interp, other)?,
    };
    Ok(Value::Bool(is_subset(&s, &o)))
}

fn issuperset(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "issuperset")?;
    let other = onearg(&format!("{owner}.issuperset"), args, &kw)?;
    if let Some(o) = as_set(other) {
        return Ok(Value::Bool(is_subset(&o, &s)));
    }
    let it = interp.iter(other)?;
    while let Some(x) = interp.next(&it)? {
        let k = interp.hkey(x)?;
        if !s.contains(&k) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "isdisjoint")?;
    let other = onearg(&format!("{owner}.isdisjoint"), args, &kw)?;
    if let Some(o) = as_set(other) {
        let (small, big) = if o.len() > s.len() {
            (&s, &o)
        } else {
            (&o, &s)
        };
        return Ok(Value::Bool(!small.iter().any(|k| big.contains(k))));
    }
    let it = interp.iter(other)?;
    while let Some(x) = interp.next(&it)? {
        let k = interp.hkey(x)?;
        if s.contains(&k) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---------------------------------------------------------------- set only

fn add(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "add")?;
    let x = onearg("set.add", args, &kw)?;
    let k = interp.hkey(x.clone())?;
    interp.set_add(&s, k)?;
    Ok(Value::None)
}

fn discard(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "discard")?;
    let x = onearg("set.discard", args, &kw)?;
    let k = interp.hkey(x.clone())?;
    interp.set_discard(&s, &k)?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "remove")?;
    let x = onearg("set.remove", args, &kw)?;
    let k = interp.hkey(x.clone())?;
    let removed = interp.set_discard(&s, &k)?;
    if removed {
        Ok(Value::None)
    } else {
        Err(key_error(x.clone()))
    }
}

fn pop(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "pop")?;
    noargs("set.pop", args, &kw)?;
    let k = s.borrow_mut().pop();
    match k {
        Some(k) => Ok(k.key),
        None => Err(key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "clear")?;
    noargs("set.clear", args, &kw)?;
    let old = std::mem::take(&mut *s.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn update(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "update")?;
    no_kw("set.update", &kw)?;
    for o in &args[1..] {
        add_all(interp, &s, o)?;
    }
    Ok(Value::None)
}

fn intersection_update(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "intersection_update")?;
    no_kw("set.intersection_update", &kw)?;
    let mut r = s.borrow().clone();
    for o in &args[1..] {
        r = intersect(interp, &r, o)?;
    }
    *s.borrow_mut() = r;
    Ok(Value::None)
}

fn difference_update(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "difference_update")?;
    no_kw("set.difference_update", &kw)?;
    for o in &args[1..] {
        discard_all(interp, &s, o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this_mut(interp, args, "symmetric_difference_update")?;
    let other = onearg("set.symmetric_difference_update", args, &kw)?;
    sym_update(interp, &s, other)?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- operators

/// A keys or items view as a new set (views support the set operators).
fn view_as_set(interp: &mut Interp, v: &Value) -> PyResult<Option<PySet>> {
    match crate::interp::object::downcast::<DictView>(v) {
        Some(view) if view.part != DictPart::Values => new_set(interp, v).map(Some),
        _ => Ok(None),
    }
}

/// `a op b` for `-`, `|`, `&`, `^` on sets, frozensets and keys/items views, with the
/// same algorithms as the methods; None when the operands are not such values.
pub fn operator(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::Sub | BinOp::BitOr | BinOp::BitAnd | BinOp::BitXor
    ) {
        return Ok(None);
    }
    let (owner, x, a_is_view) = if let Some(s) = as_set(a) {
        let owner = if matches!(a, Value::FrozenSet(_)) {
            "frozenset"
        } else {
            "set"
        };
        (owner, s, false)
    } else if let Some(s) = view_as_set(interp, a)? {
        ("set", s, true)
    } else {
        return Ok(None);
    };
    let other = if as_set(b).is_some() {
        b.clone()
    } else if let Some(y) = view_as_set(interp, b)? {
        wrap("set", y)
    } else if a_is_view {
        // A view takes any iterable on the right.
        b.clone()
    } else {
        return Ok(None);
    };
    Ok(Some(wrap(owner, combine(interp, op, x, &other)?)))
}

fn combine(interp: &mut Interp, op: BinOp, x: PySet, other: &Value) -> PyResult<PySet> {
    Ok(match op {
        BinOp::BitOr => {
            let r = RefCell::new(copy_of(&x));
            add_all(interp, &r, other)?;
            r.into_inner()
        }
        BinOp::BitAnd => intersect(interp, &x, other)?,
        BinOp::Sub => subtract(interp, &x, other)?,
        _ => {
            let r = RefCell::new(new_set(interp, other)?);
            sym_update(interp, &r, &wrap("frozenset", x))?;
            r.into_inner()
        }
    })
}

/// `a op= b` on a mutable set: in place, as the `_update` methods.
pub fn inplace(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let s = match a {
        Value::Set(s) if as_set(b).is_some() => s.clone(),
        _ => return Ok(None),
    };
    match op {
        BinOp::BitOr => add_all(interp, &s, b)?,
        BinOp::BitAnd => {
            let cur = s.borrow().clone();
            let r = intersect(interp, &cur, b)?;
            *s.borrow_mut() = r;
        }
        BinOp::Sub => discard_all(interp, &s, b)?,
        BinOp::BitXor => sym_update(interp, &s, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}

/// A keys or items view as a set value, for comparisons (`d.keys() == {...}`).
pub fn view_to_set(interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    Ok(view_as_set(interp, v)?.map(|s| wrap("set", s)))
}
