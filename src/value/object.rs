// Classes, instances and modules: the user-visible object model.

use super::{Dict, Value};
use crate::intern::Symbol;
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::hash::BuildHasherDefault;
use std::rc::Rc;

/// A namespace keyed by interned names (class bodies, instance `__dict__`s).
pub type Namespace = IndexMap<Symbol, Value, BuildHasherDefault<SymHasher>>;

/// Symbols are small dense integers: one multiply spreads them well.
#[derive(Default)]
pub struct SymHasher(u64);
impl std::hash::Hasher for SymHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Which built-in type a class is (or derives its instances' layout from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Cell,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    /// Subclasses of BaseException (instances carry an exception payload).
    Exception,
    /// A native object type (iterators, files, locks, ...).
    Native,
    /// A user class.
    User,
}

pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, starting with this class.
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub dict: RefCell<Namespace>,
    /// The nearest built-in ancestor: decides the layout of instances.
    pub base_kind: TypeKind,
    /// This class itself is a built-in type.
    pub builtin: bool,
    /// Bumped when the class or an ancestor changes, to invalidate lookups.
    pub version: Cell<u32>,
}

impl Class {
    /// The attribute `name` found along the MRO.
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(&name) {
            return Some(v.clone());
        }
        let mro = self.mro.borrow();
        for c in mro.iter().skip(1) {
            if let Some(v) = c.dict.borrow().get(&name) {
                return Some(v.clone());
            }
        }
        None
    }
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        if Rc::ptr_eq(self, other) {
            return true;
        }
        self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
}

/// Native state carried by instances of classes derived from built-in types.
pub enum Payload {
    None,
    Exception(RefCell<ExcState>),
    Dict(RefCell<Dict>),
    List(RefCell<Vec<Value>>),
}

/// The parts of an exception object the runtime manages.
#[derive(Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    pub traceback: Vec<TraceEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// Span of the innermost expression that failed in the frame being unwound;
    /// taken when that frame's traceback entry is recorded.
    pub span: Option<crate::syntax::ast::Span>,
    /// The current frame's entry is already recorded (the exception was caught
    /// there and re-raised by a bare `raise`).
    pub frame_recorded: bool,
}

/// One frame of a traceback: where the program was when the exception passed.
#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub source: u32,
    pub span: crate::syntax::ast::Span,
    pub func: Rc<str>,
}

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: RefCell<Namespace>,
    pub payload: Payload,
}

impl Instance {
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
    pub fn exc(&self) -> Option<&RefCell<ExcState>> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }
}

/// A module: its globals are slots, named by `names`.
pub struct ModuleObj {
    pub name: Rc<str>,
    pub names: RefCell<IndexMap<Symbol, u32, BuildHasherDefault<SymHasher>>>,
    pub globals: RefCell<Vec<Value>>,
    pub source: u32,
}

impl ModuleObj {
    pub fn new(name: &str, source: u32) -> ModuleObj {
        ModuleObj {
            name: name.into(),
            names: RefCell::new(Default::default()),
            globals: RefCell::new(Vec::new()),
            source,
        }
    }
    /// The slot for `name`, creating it (unbound) when new.
    pub fn slot(&self, name: Symbol) -> u32 {
        let mut names = self.names.borrow_mut();
        if let Some(&s) = names.get(&name) {
            return s;
        }
        let s = names.len() as u32;
        names.insert(name, s);
        self.globals.borrow_mut().push(Value::Undef);
        s
    }
    pub fn get(&self, name: Symbol) -> Option<Value> {
        let s = *self.names.borrow().get(&name)?;
        match &self.globals.borrow()[s as usize] {
            Value::Undef => None,
            v => Some(v.clone()),
        }
    }
    pub fn set(&self, name: Symbol, v: Value) {
        let s = self.slot(name);
        self.globals.borrow_mut()[s as usize] = v;
    }
    /// Bound names and values in definition order.
    pub fn items(&self) -> Vec<(Symbol, Value)> {
        let g = self.globals.borrow();
        self.names
            .borrow()
            .iter()
            .filter_map(|(k, &s)| match &g[s as usize] {
                Value::Undef => None,
                v => Some((*k, v.clone())),
            })
            .collect()
    }
}
