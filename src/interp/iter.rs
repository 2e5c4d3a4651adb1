// The iteration protocol: `iter()`, `next()`, and the iterators of built-in types.

use super::err::*;
use super::object::NativeObject;
use super::types::types;
use super::{Interp, PyResult};
use crate::intern::Symbol;
use crate::value::object::Payload;
use crate::value::{Class, Dict, Value};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Iterator over an indexable built-in sequence.
pub struct SeqIter {
    pub seq: Value,
    pub pos: Cell<usize>,
}

impl NativeObject for SeqIter {
    fn class(&self) -> Rc<Class> {
        types().native(match &self.seq {
            Value::List(_) => "list_iterator",
            Value::Tuple(_) => "tuple_iterator",
            Value::Str(_) => "str_ascii_iterator",
            Value::Bytes(_) => "bytes_iterator",
            _ => "iterator",
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let i = self.pos.get();
        let r = match &self.seq {
            Value::List(l) => l.borrow().get(i).cloned(),
            Value::Tuple(t) => t.get(i).cloned(),
            Value::Str(s) => {
                // Walk by byte offset: `pos` counts bytes for strings.
                let st = s.as_str();
                match st[i..].chars().next() {
                    Some(c) => {
                        self.pos.set(i + c.len_utf8());
                        let mut b = [0u8; 4];
                        return Ok(Some(interp.char_value(c.encode_utf8(&mut b))));
                    }
                    None => None,
                }
            }
            Value::Bytes(b) => b.get(i).map(|x| Value::Int(*x as i64)),
            Value::Instance(inst) => match &inst.payload {
                Payload::List(l) => l.borrow().get(i).cloned(),
                _ => None,
            },
            _ => None,
        };
        if r.is_some() {
            self.pos.set(i + 1);
        }
        Ok(r)
    }
}

pub struct RangeIter {
    pub next: Cell<i64>,
    pub stop: i64,
    pub step: i64,
}

impl NativeObject for RangeIter {
    crate::iterator_type!("range_iterator");
    fn next(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        let i = self.next.get();
        if (self.step > 0 && i < self.stop) || (self.step < 0 && i > self.stop) {
            self.next.set(i + self.step);
            Ok(Some(Value::Int(i)))
        } else {
            Ok(None)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// Where a dict lives: a plain dict or a dict-subclass instance.
#[derive(Clone)]
pub enum DictRef {
    Plain(Rc<RefCell<Dict>>),
    Inst(Rc<crate::value::Instance>),
}

impl DictRef {
    pub fn of(v: &Value) -> Option<DictRef> {
        match v {
            Value::Dict(d) => Some(DictRef::Plain(d.clone())),
            Value::Instance(i) if matches!(i.payload, Payload::Dict(_)) => {
                Some(DictRef::Inst(i.clone()))
            }
            _ => None,
        }
    }
    pub fn cell(&self) -> &RefCell<Dict> {
        match self {
            DictRef::Plain(d) => d,
            DictRef::Inst(i) => match &i.payload {
                Payload::Dict(d) => d,
                _ => unreachable!("DictRef::Inst is only built for dict payloads"),
            },
        }
    }
}

pub struct DictIter {
    pub dict: DictRef,
    pub part: DictPart,
    pub pos: Cell<usize>,
    pub len: usize,
}

impl NativeObject for DictIter {
    fn class(&self) -> Rc<Class> {
        types().native(match self.part {
            DictPart::Keys => "dict_keyiterator",
            DictPart::Values => "dict_valueiterator",
            DictPart::Items => "dict_itemiterator",
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        let d = self.dict.cell().borrow();
        if d.len() != self.len {
            return Err(runtime_error("dictionary changed size during iteration"));
        }
        let i = self.pos.get();
        match d.map.get_index(i) {
            Some((k, v)) => {
                self.pos.set(i + 1);
                Ok(Some(match self.part {
                    DictPart::Keys => k.key.clone(),
                    DictPart::Values => v.clone(),
                    DictPart::Items => Value::tuple(vec![k.key.clone(), v.clone()]),
                }))
            }
            None => Ok(None),
        }
    }
}

/// `dict.keys()`, `.values()`, `.items()`: live views.
pub struct DictView {
    pub dict: DictRef,
    pub part: DictPart,
}

impl NativeObject for DictView {
    fn class(&self) -> Rc<Class> {
        types().native(match self.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            DictPart::Items => "dict_items",
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let items = interp.collect(&Value::Object(crate::value::new_obj(DictView {
            dict: self.dict.clone(),
            part: self.part,
        })))?;
        let mut s = format!("{}([", self.class().name);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&interp.repr(x)?);
        }
        s.push_str("])");
        Ok(s)
    }
}

pub struct SetIter {
    pub set: Value,
    pub pos: Cell<usize>,
    pub len: usize,
}

impl NativeObject for SetIter {
    crate::iterator_type!("set_iterator");
    fn next(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        let step = |s: &crate::value::PySet| -> PyResult<Option<Value>> {
            if s.len() != self.len {
                return Err(runtime_error("Set changed size during iteration"));
            }
            match s.next_from(self.pos.get()) {
                Some((k, next)) => {
                    self.pos.set(next);
                    Ok(Some(k.key.clone()))
                }
                None => Ok(None),
            }
        };
        match &self.set {
            Value::Set(s) => step(&s.borrow()),
            Value::FrozenSet(s) => step(s),
            _ => Ok(None),
        }
    }
}

/// Iterator over an object with `__getitem__` but no `__iter__`.
pub struct GetItemIter {
    pub obj: Value,
    pub pos: Cell<i64>,
}

impl NativeObject for GetItemIter {
    crate::iterator_type!("iterator");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let i = self.pos.get();
        match interp.getitem(&self.obj, &Value::Int(i)) {
            Ok(v) => {
                self.pos.set(i + 1);
                Ok(Some(v))
            }
            Err(e) if e.is("IndexError") || e.is("StopIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Interp {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let obj: crate::value::ObjRef = match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                crate::value::new_obj(SeqIter {
                    seq: v.clone(),
                    pos: Cell::new(0),
                })
            }
            Value::Range(r) => crate::value::new_obj(RangeIter {
                next: Cell::new(r.start),
                stop: r.stop,
                step: r.step,
            }),
            Value::Dict(d) => crate::value::new_obj(DictIter {
                len: d.borrow().len(),
                dict: DictRef::Plain(d.clone()),
                part: DictPart::Keys,
                pos: Cell::new(0),
            }),
            Value::Set(s) => crate::value::new_obj(SetIter {
                len: s.borrow().len(),
                set: v.clone(),
                pos: Cell::new(0),
            }),
            Value::FrozenSet(s) => crate::value::new_obj(SetIter {
                len: s.len(),
                set: v.clone(),
                pos: Cell::new(0),
            }),
            Value::Object(o) => {
                if o.is_iterator() {
                    return Ok(v.clone());
                }
                if let Some(view) = o.as_any().downcast_ref::<DictView>() {
                    return Ok(Value::Object(crate::value::new_obj(DictIter {
                        len: view.dict.cell().borrow().len(),
                        dict: view.dict.clone(),
                        part: view.part,
                        pos: Cell::new(0),
                    })));
                }
                let cls = o.class();
                if let Some(f) = cls.lookup(self.sym.iter) {
                    return self.call(&f, vec![v.clone()], vec![]);
                }
                return Err(self.not_iterable(v));
            }
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(f) = self.user_method(v, self.sym.iter) {
                    let it = self.call(&f, vec![v.clone()], vec![])?;
                    if !self.is_iterator(&it) {
                        return Err(type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                match &inst.payload {
                    Payload::Dict(d) => {
                        return Ok(Value::Object(crate::value::new_obj(DictIter {
                            len: d.borrow().len(),
                            dict: DictRef::Inst(inst.clone()),
                            part: DictPart::Keys,
                            pos: Cell::new(0),
                        })))
                    }
                    Payload::List(_) => {
                        return Ok(Value::Object(crate::value::new_obj(SeqIter {
                            seq: v.clone(),
                            pos: Cell::new(0),
                        })))
                    }
                    _ => {}
                }
                if cls.lookup(self.sym.getitem).is_some() {
                    return Ok(Value::Object(crate::value::new_obj(GetItemIter {
                        obj: v.clone(),
                        pos: Cell::new(0),
                    })));
                }
                return Err(self.not_iterable(v));
            }
            _ => return Err(self.not_iterable(v)),
        };
        Ok(Value::Object(obj))
    }

    fn not_iterable(&self, v: &Value) -> Exc {
        type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Object(o) => o.is_iterator() || o.class().lookup(self.sym.next).is_some(),
            Value::Instance(i) => i.class().lookup(self.sym.next).is_some(),
            _ => false,
        }
    }

    /// `next(it)`; None when the iterator is exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Object(o) => {
                if o.is_iterator() {
                    return o.next(self);
                }
                self.next_by_method(it)
            }
            _ => self.next_by_method(it),
        }
    }

    fn next_by_method(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let f = match self.type_of(it).lookup(self.sym.next) {
            Some(f) => f,
            None => {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )))
            }
        };
        match self.call(&f, vec![it.clone()], vec![]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("StopIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok((**t).clone()),
            Value::Range(r) => {
                check_alloc(r.len() as usize, std::mem::size_of::<Value>())?;
                Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect())
            }
            Value::Dict(d) => Ok(d.borrow().keys().cloned().collect()),
            _ => {
                let it = self.iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Bytes(b) => b.len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(inst) => {
                if let Some(f) = self.user_method(v, self.sym.len) {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(value_error("__len__() should return >= 0")),
                        Value::Bool(b) => Ok(b as usize),
                        other => Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&other)
                        ))),
                    };
                }
                match &inst.payload {
                    Payload::Dict(d) => d.borrow().len(),
                    Payload::List(l) => l.borrow().len(),
                    _ => {
                        return Err(type_error(format!(
                            "object of type '{}' has no len()",
                            inst.class().name
                        )))
                    }
                }
            }
            Value::Object(o) => {
                if let Some(view) = o.as_any().downcast_ref::<DictView>() {
                    return Ok(view.dict.cell().borrow().len());
                }
                if let Some(f) = o.class().lookup(self.sym.len) {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Int(i) => Ok(i.max(0) as usize),
                        _ => Err(type_error("'__len__' returned a non-integer")),
                    };
                }
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    o.class().name
                )));
            }
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        })
    }

    /// A one-character string value, shared for ASCII.
    pub fn char_value(&mut self, s: &str) -> Value {
        Value::str(s)
    }

    pub fn sym_of(&self, name: &str) -> Symbol {
        crate::intern::intern(name)
    }
}
