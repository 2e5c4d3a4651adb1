// Subscripts: indexing and slicing of sequences, mapping lookups, item assignment.

use super::err::*;
use super::iter::DictRef;
use super::{Interp, PyResult};
use crate::value::object::Payload;
use crate::value::{Slice, Value};
use std::rc::Rc;

/// Start, stop, step and length of a slice applied to a sequence of `len` items.
pub fn slice_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: i64,
) -> PyResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lo {
                        x = lo;
                    }
                } else if x > hi {
                    x = hi;
                }
                x
            }
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0, 0, len), adjust(stop, len, 0, len))
    } else {
        (
            adjust(start, len - 1, -1, len - 1),
            adjust(stop, -1, -1, len - 1),
        )
    };
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

impl Interp {
    /// An integer index (`__index__`), for subscripts and counts.
    pub fn to_index(&mut self, v: &Value, what: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer")),
            Value::Instance(_) => {
                if let Some(f) = self.user_method(v, self.sym.index) {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return self.to_index(&r, what);
                }
                Err(type_error(format!(
                    "{} must be integers or slices, not {}",
                    what,
                    self.type_name(v)
                )))
            }
            _ => Err(type_error(format!(
                "{} must be integers or slices, not {}",
                what,
                self.type_name(v)
            ))),
        }
    }

    fn slice_part(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => {
                use num_traits::Signed;
                Ok(Some(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))
            }
            _ => {
                if let Some(f) = self.user_method(v, self.sym.index) {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return self.slice_part(&r);
                }
                Err(type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }

    pub fn resolve_slice(&mut self, s: &Slice, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let a = self.slice_part(&s.start)?;
        let b = self.slice_part(&s.stop)?;
        let c = self.slice_part(&s.step)?;
        slice_indices(a, b, c, len as i64)
    }

    fn seq_index(&mut self, idx: &Value, len: usize, kind: &str) -> PyResult<usize> {
        let i = self.to_index(idx, &format!("{} indices", kind))?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(index_error(format!("{} index out of range", kind)));
        }
        Ok(j as usize)
    }

    /// `obj[idx]`.
    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult<Value> {
        match (obj, idx) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                let n = l.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j >= 0 && j < n {
                    return Ok(l[j as usize].clone());
                }
                return Err(index_error("list index out of range"));
            }
            (Value::Dict(d), _) => {
                let k = self.hkey(idx.clone())?;
                if let Some(v) = self.dict_get(d, &k)? {
                    return Ok(v);
                }
                return Err(key_error(idx.clone()));
            }
            (Value::Tuple(t), Value::Int(i)) => {
                let n = t.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j >= 0 && j < n {
                    return Ok(t[j as usize].clone());
                }
                return Err(index_error("tuple index out of range"));
            }
            _ => {}
        }
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let items = l.borrow().clone();
                    return Ok(Value::list(self.slice_items(&items, s)?));
                }
                let items = l.borrow();
                let n = items.len();
                drop(items);
                let j = self.seq_index(idx, n, "list")?;
                Ok(l.borrow()[j].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = idx {
                    return Ok(Value::tuple(self.slice_items(t, s)?));
                }
                let j = self.seq_index(idx, t.len(), "tuple")?;
                Ok(t[j].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = idx {
                    let (start, _, step, n) = self.resolve_slice(sl, s.len())?;
                    if step == 1 {
                        return Ok(Value::str(s.substring(start as usize, start as usize + n)));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let mut out = String::new();
                    let mut i = start;
                    for _ in 0..n {
                        out.push(chars[i as usize]);
                        i += step;
                    }
                    return Ok(Value::string(out));
                }
                let i = self.to_index(idx, "string indices")?;
                let n = s.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(index_error("string index out of range"));
                }
                let c = s.char_at(j as usize);
                let mut b = [0u8; 4];
                Ok(Value::str(c.encode_utf8(&mut b)))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = idx {
                    let (start, _, step, n) = self.resolve_slice(sl, b.len())?;
                    let mut out = Vec::with_capacity(n);
                    let mut i = start;
                    for _ in 0..n {
                        out.push(b[i as usize]);
                        i += step;
                    }
                    return Ok(Value::Bytes(Rc::new(out)));
                }
                let j = self.seq_index(idx, b.len(), "index")?;
                Ok(Value::Int(b[j] as i64))
            }
            Value::Range(r) => {
                if let Value::Slice(sl) = idx {
                    let (start, _, step, n) = self.resolve_slice(sl, r.len() as usize)?;
                    let new_start = r.get(start);
                    let new_step = r.step * step;
                    return Ok(Value::Range(Rc::new(crate::value::Range {
                        start: new_start,
                        stop: new_start + new_step * n as i64,
                        step: new_step,
                    })));
                }
                let j = self.seq_index(idx, r.len() as usize, "range object")?;
                Ok(Value::Int(r.get(j as i64)))
            }
            Value::Instance(inst) => {
                if let Some(f) = self.user_method(obj, self.sym.getitem) {
                    return self.call(&f, vec![obj.clone(), idx.clone()], vec![]);
                }
                match &inst.payload {
                    Payload::Dict(d) => {
                        let k = self.hkey(idx.clone())?;
                        if let Some(v) = self.dict_get(d, &k)? {
                            return Ok(v);
                        }
                        if let Some(m) = inst.class().lookup(self.sym.missing) {
                            return self.call(&m, vec![obj.clone(), idx.clone()], vec![]);
                        }
                        Err(key_error(idx.clone()))
                    }
                    Payload::List(l) => {
                        let items = l.borrow().clone();
                        if let Value::Slice(s) = idx {
                            return Ok(Value::list(self.slice_items(&items, s)?));
                        }
                        let j = self.seq_index(idx, items.len(), "list")?;
                        Ok(items[j].clone())
                    }
                    _ => Err(type_error(format!(
                        "'{}' object is not subscriptable",
                        inst.class().name
                    ))),
                }
            }
            Value::Object(o) => match o.class().lookup(self.sym.getitem) {
                Some(f) => self.call(&f, vec![obj.clone(), idx.clone()], vec![]),
                None => Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    o.class().name
                ))),
            },
            Value::Class(c) => {
                if let Some(f) = c.lookup(crate::intern::intern("__class_getitem__")) {
                    return self.call(&f, vec![obj.clone(), idx.clone()], vec![]);
                }
                if c.builtin {
                    // `list[int]` in annotations: keep the class.
                    return Ok(obj.clone());
                }
                Err(type_error(format!(
                    "type '{}' is not subscriptable",
                    c.name
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    fn slice_items(&mut self, items: &[Value], s: &Slice) -> PyResult<Vec<Value>> {
        let (start, _, step, n) = self.resolve_slice(s, items.len())?;
        if step == 1 {
            return Ok(items[start as usize..start as usize + n].to_vec());
        }
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(items[i as usize].clone());
            i += step;
        }
        Ok(out)
    }

    /// `obj[idx] = v`.
    pub fn setitem(&mut self, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &idx {
                    let new = self.collect(&v)?;
                    let len = l.borrow().len();
                    return assign_slice(self, &mut l.borrow_mut(), s, new, len);
                }
                let n = l.borrow().len();
                let j = self.seq_index(&idx, n, "list").map_err(|e| {
                    if e.is("IndexError") {
                        index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut()[j] = v;
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.hkey(idx)?;
                self.dict_set(d, k, v)
            }
            Value::Instance(inst) => {
                if let Some(f) = self.user_method(obj, self.sym.setitem) {
                    self.call(&f, vec![obj.clone(), idx, v], vec![])?;
                    return Ok(());
                }
                match &inst.payload {
                    Payload::Dict(d) => {
                        let k = self.hkey(idx)?;
                        self.dict_set(d, k, v)
                    }
                    Payload::List(l) => {
                        let n = l.borrow().len();
                        let j = self.seq_index(&idx, n, "list")?;
                        l.borrow_mut()[j] = v;
                        Ok(())
                    }
                    _ => Err(type_error(format!(
                        "'{}' object does not support item assignment",
                        inst.class().name
                    ))),
                }
            }
            Value::Object(o) => match o.class().lookup(self.sym.setitem) {
                Some(f) => {
                    self.call(&f, vec![obj.clone(), idx, v], vec![])?;
                    Ok(())
                }
                None => Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    o.class().name
                ))),
            },
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[idx]`.
    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> PyResult<()> {
        if let Some(d) = DictRef::of(obj) {
            if self.user_method(obj, self.sym.delitem).is_none() {
                let k = self.hkey(idx.clone())?;
                return match self.dict_pop(d.cell(), &k)? {
                    Some(_) => Ok(()),
                    None => Err(key_error(idx.clone())),
                };
            }
        }
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let len = l.borrow().len();
                    let (start, _, step, n) = self.resolve_slice(s, len)?;
                    let mut doomed: Vec<usize> =
                        (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    doomed.sort_unstable();
                    let mut list = l.borrow_mut();
                    for i in doomed.into_iter().rev() {
                        list.remove(i);
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let j = self.seq_index(idx, n, "list").map_err(|e| {
                    if e.is("IndexError") {
                        index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut().remove(j);
                Ok(())
            }
            Value::Instance(_) | Value::Object(_) => {
                match self.type_of(obj).lookup(self.sym.delitem) {
                    Some(f) => {
                        self.call(&f, vec![obj.clone(), idx.clone()], vec![])?;
                        Ok(())
                    }
                    None => Err(type_error(format!(
                        "'{}' object does not support item deletion",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            ))),
        }
    }
}

fn assign_slice(
    interp: &mut Interp,
    list: &mut Vec<Value>,
    s: &Slice,
    new: Vec<Value>,
    len: usize,
) -> PyResult<()> {
    let (start, stop, step, n) = interp.resolve_slice(s, len)?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as i64)) as usize;
        list.splice(start..stop, new);
        return Ok(());
    }
    if new.len() != n {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            n
        )));
    }
    let mut i = start;
    for v in new {
        list[i as usize] = v;
        i += step;
    }
    Ok(())
}
