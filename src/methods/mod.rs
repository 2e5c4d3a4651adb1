// Methods of the built-in types, one file per type family.

pub mod args;
pub mod bytes;
pub mod dict;
pub mod dunders;
pub mod list;
pub mod num;
pub mod protocol;
pub mod set;
pub mod slice;
pub mod str;
pub mod tuple;

use crate::builtins::native;
use crate::builtins::types::{ClassMethod, StaticMethod};
use crate::intern::intern;
use crate::value::{Class, NativeFn, Value};
use std::rc::Rc;

pub fn install() {
    str::install();
    list::install();
    dict::install();
    set::install();
    slice::install();
    tuple::install();
    bytes::install();
    num::install();
    protocol::install();
    dunders::install();
}

/// Adds a static method implemented in Rust (`str.maketrans`).
pub fn def_static(cls: &Rc<Class>, name: &'static str, func: NativeFn) {
    let f = Value::Object(crate::value::new_obj(StaticMethod(native(name, func))));
    cls.dict.borrow_mut().insert(intern(name), f);
}

/// Adds a class method implemented in Rust (`dict.fromkeys`): the class comes first.
pub fn def_classmethod(cls: &Rc<Class>, name: &'static str, func: NativeFn) {
    let f = Value::Object(crate::value::new_obj(ClassMethod(native(name, func))));
    cls.dict.borrow_mut().insert(intern(name), f);
}
