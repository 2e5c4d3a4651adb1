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

/// A set or frozenset taken as it is, without copying its table: its keys are read
/// as a snapshot and membership is asked key by key, so that no table is held
/// borrowed while a key's `__eq__` runs (it may change a set).
enum Operand {
    Set(Rc<RefCell<PySet>>),
    Frozen(Rc<PySet>),
    /// A dict's keys, on the right of `-` (CPython asks the dict itself).
    Dict(Rc<RefCell<crate::value::Dict>>),
}

impl Operand {
    fn of(v: &Value) -> Option<Operand> {
        match v {
            Value::Set(s) => Some(Operand::Set(s.clone())),
            Value::FrozenSet(s) => Some(Operand::Frozen(s.clone())),
            _ => None,
        }
    }
    fn len(&self) -> usize {
        match self {
            Operand::Set(s) => s.borrow().len(),
            Operand::Frozen(s) => s.len(),
            Operand::Dict(d) => d.borrow().len(),
        }
    }
    /// The keys in slot order.
    fn keys(&self) -> Vec<HKey> {
        match self {
            Operand::Set(s) => s.borrow().iter().cloned().collect(),
            Operand::Frozen(s) => s.iter().cloned().collect(),
            Operand::Dict(d) => d.borrow().map.keys().cloned().collect(),
        }
    }
    /// A new table laid out as CPython's `set_copy` lays it out (no key is compared).
    fn copy(&self) -> PySet {
        match self {
            Operand::Set(s) => s.borrow().copy(),
            Operand::Frozen(s) => s.copy(),
            Operand::Dict(_) => unreachable!("a dict operand is only asked for membership"),
        }
    }
    fn has(&self, interp: &mut Interp, k: &HKey) -> PyResult<bool> {
        match self {
            Operand::Set(s) => interp.set_has(s, k),
            Operand::Frozen(s) => interp.table_has(&**s, k),
            Operand::Dict(d) => interp.dict_has(d, k),
        }
    }
}

/// The receiver's owner name and the receiver.
fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<(&'static str, Operand)> {
    match args.first() {
        Some(Value::Set(s)) => Ok(("set", Operand::Set(s.clone()))),
        Some(Value::FrozenSet(s)) => Ok(("frozenset", Operand::Frozen(s.clone()))),
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

/// Hashed items of any iterable.
fn hashed_items(interp: &mut Interp, v: &Value) -> PyResult<Vec<HKey>> {
    let items = interp.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        out.push(interp.hkey(x)?);
    }
    Ok(out)
}

/// `set(other)` as CPython builds it.
fn new_set(interp: &mut Interp, other: &Value) -> PyResult<PySet> {
    if let Some(o) = Operand::of(other) {
        return Ok(o.copy());
    }
    let n = RefCell::new(PySet::new());
    for k in hashed_items(interp, other)? {
        interp.set_add(&n, k)?;
    }
    Ok(n.into_inner())
}

/// The elements of `other` as hashed keys (a set's in its slot order).
fn keys_of(interp: &mut Interp, other: &Value) -> PyResult<Vec<HKey>> {
    match Operand::of(other) {
        Some(o) => Ok(o.keys()),
        None => hashed_items(interp, other),
    }
}

// The helpers below change a set that user code may reach (the `__eq__` of a key
// may read or change it), so each key goes through the interpreter's set_add and
// set_discard; results still being built go in a RefCell to share them.

/// `dst |= other`; a set is merged as CPython's `set_merge` merges it, growing the
/// table once first (which decides the printed order).
fn add_all(interp: &mut Interp, dst: &RefCell<PySet>, other: &Value) -> PyResult<()> {
    let keys = keys_of(interp, other)?;
    if Operand::of(other).is_some() && !keys.is_empty() {
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

/// `cur & other`, iterating the smaller set (the right one on a tie), as CPython.
fn intersect(interp: &mut Interp, cur: &Operand, other: &Value) -> PyResult<PySet> {
    let out = RefCell::new(PySet::new());
    if let Some(o) = Operand::of(other) {
        let (small, big) = if o.len() > cur.len() {
            (cur, &o)
        } else {
            (&o, cur)
        };
        for k in small.keys() {
            if big.has(interp, &k)? {
                interp.set_add(&out, k)?;
            }
        }
        return Ok(out.into_inner());
    }
    for k in hashed_items(interp, other)? {
        if cur.has(interp, &k)? {
            interp.set_add(&out, k)?;
        }
    }
    Ok(out.into_inner())
}

/// `cur - other`: a copy with `other` discarded when that is less work, else the
/// keys of `cur` not in `other`, as CPython chooses.
fn subtract(interp: &mut Interp, cur: &Operand, other: &Value) -> PyResult<PySet> {
    let other_set = match other {
        Value::Dict(d) => Some(Operand::Dict(d.clone())),
        _ => Operand::of(other),
    };
    match other_set {
        Some(o) if (cur.len() >> 2) <= o.len() => {
            let out = RefCell::new(PySet::new());
            for k in cur.keys() {
                if !o.has(interp, &k)? {
                    interp.set_add(&out, k)?;
                }
            }
            Ok(out.into_inner())
        }
        _ => {
            let out = RefCell::new(cur.copy());
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
    let keys = match Operand::of(other) {
        Some(o) => o.keys(),
        None => new_set(interp, other)?.iter().cloned().collect(),
    };
    for k in keys {
        if !interp.set_discard(dst, &k)? {
            interp.set_add(dst, k)?;
        }
    }
    Ok(())
}

/// Every key of `a` is in `b`.
fn is_subset(interp: &mut Interp, a: &Operand, b: &Operand) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for k in a.keys() {
        if !b.has(interp, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a <= b` for two sets or frozensets (false if either is not one).
pub fn is_subset_of(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    match (Operand::of(a), Operand::of(b)) {
        (Some(a), Some(b)) => is_subset(interp, &a, &b),
        _ => Ok(false),
    }
}

/// `other` as an operand: itself if a set, else a new set of its items.
fn operand(interp: &mut Interp, other: &Value) -> PyResult<Operand> {
    match Operand::of(other) {
        Some(o) => Ok(o),
        None => Ok(Operand::Frozen(Rc::new(new_set(interp, other)?))),
    }
}

// ---------------------------------------------------------------- both types

fn copy(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "copy")?;
    noargs(&format!("{owner}.copy"), args, &kw)?;
    if owner == "frozenset" {
        return Ok(args[0].clone());
    }
    Ok(wrap(owner, s.copy()))
}

fn union(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "union")?;
    no_kw(&format!("{owner}.union"), &kw)?;
    let r = RefCell::new(s.copy());
    for o in &args[1..] {
        add_all(interp, &r, o)?;
    }
    Ok(wrap(owner, r.into_inner()))
}

fn intersection(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "intersection")?;
    no_kw(&format!("{owner}.intersection"), &kw)?;
    if args.len() == 1 {
        return Ok(wrap(owner, s.copy()));
    }
    let mut r = s;
    for o in &args[1..] {
        r = Operand::Frozen(Rc::new(intersect(interp, &r, o)?));
    }
    let Operand::Frozen(r) = r else {
        unreachable!("at least one intersection")
    };
    Ok(wrap(
        owner,
        Rc::try_unwrap(r).unwrap_or_else(|r| (*r).clone()),
    ))
}

fn difference(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "difference")?;
    no_kw(&format!("{owner}.difference"), &kw)?;
    if args.len() == 1 {
        return Ok(wrap(owner, s.copy()));
    }
    let r = RefCell::new(subtract(interp, &s, &args[1])?);
    for o in &args[2..] {
        discard_all(interp, &r, o)?;
    }
    Ok(wrap(owner, r.into_inner()))
}

fn symmetric_difference(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, _) = this(interp, args, "symmetric_difference")?;
    let other = onearg(&format!("{owner}.symmetric_difference"), args, &kw)?;
    let r = RefCell::new(new_set(interp, other)?);
    sym_update(interp, &r, &args[0])?;
    Ok(wrap(owner, r.into_inner()))
}

fn issubset(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "issubset")?;
    let other = onearg(&format!("{owner}.issubset"), args, &kw)?;
    let o = operand(interp, other)?;
    Ok(Value::Bool(is_subset(interp, &s, &o)?))
}

fn issuperset(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "issuperset")?;
    let other = onearg(&format!("{owner}.issuperset"), args, &kw)?;
    if let Some(o) = Operand::of(other) {
        return Ok(Value::Bool(is_subset(interp, &o, &s)?));
    }
    let it = interp.iter(other)?;
    while let Some(x) = interp.next(&it)? {
        let k = interp.hkey(x)?;
        if !s.has(interp, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (owner, s) = this(interp, args, "isdisjoint")?;
    let other = onearg(&format!("{owner}.isdisjoint"), args, &kw)?;
    if let Some(o) = Operand::of(other) {
        let (small, big) = if o.len() > s.len() {
            (&s, &o)
        } else {
            (&o, &s)
        };
        for k in small.keys() {
            if big.has(interp, &k)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = interp.iter(other)?;
    while let Some(x) = interp.next(&it)? {
        let k = interp.hkey(x)?;
        if s.has(interp, &k)? {
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
    let mut r = Operand::Set(s.clone());
    for o in &args[1..] {
        r = Operand::Frozen(Rc::new(intersect(interp, &r, o)?));
    }
    if let Operand::Frozen(r) = r {
        *s.borrow_mut() = Rc::try_unwrap(r).unwrap_or_else(|r| (*r).clone());
    }
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
    let (owner, x, a_is_view) = if let Some(s) = Operand::of(a) {
        let owner = if matches!(a, Value::FrozenSet(_)) {
            "frozenset"
        } else {
            "set"
        };
        (owner, s, false)
    } else if let Some(s) = view_as_set(interp, a)? {
        ("set", Operand::Frozen(Rc::new(s)), true)
    } else {
        return Ok(None);
    };
    let other = if Operand::of(b).is_some() {
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

fn combine(interp: &mut Interp, op: BinOp, x: Operand, other: &Value) -> PyResult<PySet> {
    Ok(match op {
        BinOp::BitOr => {
            let r = RefCell::new(x.copy());
            add_all(interp, &r, other)?;
            r.into_inner()
        }
        BinOp::BitAnd => intersect(interp, &x, other)?,
        BinOp::Sub => subtract(interp, &x, other)?,
        _ => {
            let r = RefCell::new(new_set(interp, other)?);
            let x = match x {
                Operand::Set(s) => Value::Set(s),
                Operand::Frozen(s) => Value::FrozenSet(s),
                Operand::Dict(d) => Value::Dict(d),
            };
            sym_update(interp, &r, &x)?;
            r.into_inner()
        }
    })
}

/// `a op= b` on a mutable set: in place, as the `_update` methods.
pub fn inplace(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let s = match a {
        Value::Set(s) if Operand::of(b).is_some() => s.clone(),
        _ => return Ok(None),
    };
    match op {
        BinOp::BitOr => add_all(interp, &s, b)?,
        BinOp::BitAnd => {
            let r = intersect(interp, &Operand::Set(s.clone()), b)?;
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
