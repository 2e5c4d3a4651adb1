// Lazy iterators of the built-in functions: enumerate, zip, map, filter, reversed, iter(f, s).

use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::Value;
use std::cell::Cell;

pub struct Enumerate {
    pub it: Value,
    pub n: Cell<i64>,
}
impl NativeObject for Enumerate {
    crate::iterator_type!("enumerate");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        match interp.next(&self.it)? {
            Some(x) => {
                let i = self.n.get();
                self.n.set(i + 1);
                Ok(Some(Value::tuple(vec![Value::Int(i), x])))
            }
            None => Ok(None),
        }
    }
}

pub struct Zip {
    pub its: Vec<Value>,
    pub strict: bool,
    pub done: Cell<bool>,
}
impl NativeObject for Zip {
    crate::iterator_type!("zip");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.done.get() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.iter().enumerate() {
            match interp.next(it)? {
                Some(x) => out.push(x),
                None => {
                    self.done.set(true);
                    if self.strict {
                        if i > 0 {
                            return Err(value_error(format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                i + 1,
                                if i > 1 { "s" } else { "" },
                                if i > 1 {
                                    format!("-{}", i)
                                } else {
                                    String::new()
                                }
                            )));
                        }
                        for (j, other) in self.its.iter().enumerate().skip(1) {
                            if interp.next(other)?.is_some() {
                                return Err(value_error(format!(
                                    "zip() argument {} is longer than argument{} 1{}",
                                    j + 1,
                                    if j > 1 { "s" } else { "" },
                                    if j > 1 {
                                        format!("-{}", j)
                                    } else {
                                        String::new()
                                    }
                                )));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
}

pub struct Map {
    pub func: Value,
    pub its: Vec<Value>,
}
impl NativeObject for Map {
    crate::iterator_type!("map");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let mut args = Vec::with_capacity(self.its.len());
        for it in &self.its {
            match interp.next(it)? {
                Some(x) => args.push(x),
                None => return Ok(None),
            }
        }
        interp.call(&self.func, args, vec![]).map(Some)
    }
}

pub struct Filter {
    pub func: Value,
    pub it: Value,
}
impl NativeObject for Filter {
    crate::iterator_type!("filter");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        while let Some(x) = interp.next(&self.it)? {
            let keep = if self.func.is_none() {
                interp.truthy(&x)?
            } else {
                let r = interp.call(&self.func, vec![x.clone()], vec![])?;
                interp.truthy(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }
}

pub struct Reversed {
    pub seq: Value,
    pub pos: Cell<usize>,
}
impl NativeObject for Reversed {
    crate::iterator_type!("reversed");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let p = self.pos.get();
        if p == 0 {
            return Ok(None);
        }
        let n = interp.len(&self.seq)?;
        if p > n {
            self.pos.set(0);
            return Ok(None);
        }
        self.pos.set(p - 1);
        interp
            .getitem(&self.seq, &Value::Int(p as i64 - 1))
            .map(Some)
    }
}

pub struct CallIter {
    pub func: Value,
    pub sentinel: Value,
    pub done: Cell<bool>,
}
impl NativeObject for CallIter {
    crate::iterator_type!("callable_iterator");
    fn next(&self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if self.done.get() {
            return Ok(None);
        }
        let v = interp.call(&self.func, vec![], vec![])?;
        if interp.eq(&v, &self.sentinel)? {
            self.done.set(true);
            return Ok(None);
        }
        Ok(Some(v))
    }
}
