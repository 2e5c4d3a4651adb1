// The object model: `Value`, a 16-byte handle to every Python object.

pub mod dict;
pub mod func;
pub mod object;
pub mod set;
pub mod str;

use crate::intern::Symbol;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

pub use dict::{Dict, HKey};
pub use func::{BoundMethod, Function, NativeFn, NativeFunction};
pub use object::{Class, Instance, ModuleObj, Payload, TypeKind};
pub use set::PySet;
pub use str::PyStr;

pub type List = Rc<RefCell<Vec<Value>>>;

/// A handle to an object implemented in Rust. Boxed so the handle is one thin
/// pointer: a fat `Rc<dyn _>` would make every `Value` 24 bytes instead of 16.
pub type ObjRef = Rc<Box<dyn crate::interp::object::NativeObject>>;

/// Wraps a Rust object as a `Value::Object` handle.
pub fn new_obj<T: crate::interp::object::NativeObject>(x: T) -> ObjRef {
    Rc::new(Box::new(x))
}

/// A Python value. Small scalars are inline; everything else is a reference-counted
/// handle, so copies are cheap and pages stay shared across `fork` until written.
///
/// The tag is a full word so every payload sits at offset 8 (a `bool` would otherwise
/// sit at offset 1): values and results then move as two whole words, which keeps
/// the processor's store-to-load forwarding working when they pass through memory.
/// Unused tag values still give `PyResult<Value>` its niche (16 bytes).
#[derive(Clone)]
#[repr(u64)]
pub enum Value {
    /// An unbound variable (never visible to programs).
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    List(List),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<PySet>>),
    FrozenSet(Rc<PySet>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    BoundMethod(Rc<BoundMethod>),
    Native(Rc<NativeFunction>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<ModuleObj>),
    /// A closure cell; lives only in frame slots.
    Cell(Rc<RefCell<Value>>),
    /// Iterators and other objects implemented in Rust.
    Object(ObjRef),
}

#[derive(Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(v))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None)
            | (Undef, Undef)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; all inline ints compare by value here.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => {
                Rc::ptr_eq(a, b) || (a.len_bytes() <= 1 && a.as_str() == b.as_str())
            }
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Object(a), Object(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            _ => false,
        }
    }

    /// A stable address for `id()` and default hashes.
    pub fn id(&self) -> i64 {
        use Value::*;
        let p: usize = match self {
            Undef => 1,
            None => 0x9d_0000,
            NotImplemented => 0x9d_0010,
            Ellipsis => 0x9d_0020,
            Bool(b) => 0x9d_0030 + *b as usize * 16,
            Int(i) => return 0x1000_0000 + (*i).wrapping_mul(32),
            Float(f) => return f.to_bits() as i64 >> 1,
            BigInt(a) => Rc::as_ptr(a) as usize,
            Str(a) => Rc::as_ptr(a) as usize,
            Bytes(a) => Rc::as_ptr(a) as usize,
            List(a) => Rc::as_ptr(a) as usize,
            Tuple(a) => Rc::as_ptr(a) as usize,
            Dict(a) => Rc::as_ptr(a) as usize,
            Set(a) => Rc::as_ptr(a) as usize,
            FrozenSet(a) => Rc::as_ptr(a) as usize,
            Range(a) => Rc::as_ptr(a) as usize,
            Slice(a) => Rc::as_ptr(a) as usize,
            Function(a) => Rc::as_ptr(a) as usize,
            BoundMethod(a) => Rc::as_ptr(a) as usize,
            Native(a) => Rc::as_ptr(a) as usize,
            Class(a) => Rc::as_ptr(a) as usize,
            Instance(a) => Rc::as_ptr(a) as usize,
            Module(a) => Rc::as_ptr(a) as usize,
            Cell(a) => Rc::as_ptr(a) as usize,
            Object(a) => Rc::as_ptr(a) as *const u8 as usize,
        };
        p as i64
    }
}

/// A name in a keyword argument list.
pub type Kwargs = Vec<(Symbol, Value)>;

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::Float(x) => write!(f, "{}", crate::format::float_repr(*x)),
            Value::BigInt(b) => write!(f, "{}", b),
            Value::Str(s) => write!(f, "{}", crate::format::str_repr(s.as_str())),
            Value::Bytes(b) => write!(f, "{}", crate::format::bytes_repr(b)),
            Value::Ellipsis => write!(f, "Ellipsis"),
            other => write!(f, "<value at {:#x}>", other.id()),
        }
    }
}

// Values and results stay two words.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<crate::interp::PyResult<Value>>() == 16);
