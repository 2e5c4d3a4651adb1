// Functions: user functions with their closures, bound methods, and native functions.

use super::object::Namespace;
use super::{Kwargs, ModuleObj, Value};
use crate::interp::{Interp, PyResult};
use crate::syntax::ast::FunctionDef;
use std::cell::RefCell;
use std::rc::Rc;

pub type CellRef = Rc<RefCell<Value>>;

pub struct Function {
    pub def: &'static FunctionDef,
    pub module: Rc<ModuleObj>,
    /// Defaults of the trailing positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by position among them.
    pub kwdefaults: Vec<Option<Value>>,
    pub closure: Rc<[CellRef]>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// Attributes set on the function (`__doc__`, `__wrapped__`, user attributes).
    pub dict: RefCell<Namespace>,
}

pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

/// A function implemented in Rust. `args` includes the receiver for methods.
pub type NativeFn = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The receiver of a bound built-in method (`"abc".upper`).
    pub receiver: Option<Value>,
    /// The type a method belongs to, for reprs (`<method 'upper' of 'str' objects>`).
    pub owner: Option<&'static str>,
    /// Set for a function that, as CPython's C function, takes no keyword arguments:
    /// the module its error names it by (`math` for `math.sqrt()`; empty for a bare
    /// name, as `isinstance()`).
    pub positional: Option<&'static str>,
}
