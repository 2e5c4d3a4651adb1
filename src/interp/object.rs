// Objects implemented in Rust (iterators, generators, files, locks, ...): one trait.

use super::{Interp, PyResult};
use crate::intern::Symbol;
use crate::value::{Class, Value};
use std::any::Any;
use std::rc::Rc;

pub trait NativeObject: Any {
    /// The object's class (a built-in native type).
    fn class(&self) -> Rc<Class>;
    fn as_any(&self) -> &dyn Any;
    /// The next item when the object is an iterator; `None` when exhausted.
    fn next(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        Err(super::err::type_error(format!(
            "'{}' object is not an iterator",
            self.class().name
        )))
    }
    fn is_iterator(&self) -> bool {
        false
    }
    /// An attribute that is not a method of the class (`name`, `pid`, ...).
    fn getattr(&self, _interp: &mut Interp, _name: Symbol) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn setattr(&self, _interp: &mut Interp, _name: Symbol, _value: &Value) -> PyResult<bool> {
        Ok(false)
    }
    /// As `object.__repr__`: the class (with its module, outside builtins) and where
    /// the object lives.
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let cls = self.class();
        let at = self as *const Self as *const () as usize;
        Ok(if cls.module.is_empty() || &*cls.module == "builtins" {
            format!("<{} object at {:#x}>", cls.qualname, at)
        } else {
            format!("<{}.{} object at {:#x}>", cls.module, cls.qualname, at)
        })
    }
}

/// Downcasts a value to a native object of type `T`.
pub fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// The three methods every native iterator with a fixed class name has in common.
#[macro_export]
macro_rules! iterator_type {
    ($name:expr) => {
        fn class(&self) -> std::rc::Rc<$crate::value::Class> {
            $crate::interp::types::types().native($name)
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
        fn is_iterator(&self) -> bool {
            true
        }
    };
}
