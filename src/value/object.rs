// Classes, instances and modules: the user-visible object model.

use super::{Dict, Value};
use crate::intern::Symbol;
use indexmap::IndexMap;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

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
    pub dict: ClassDict,
    /// The nearest built-in ancestor: decides the layout of instances.
    pub base_kind: TypeKind,
    /// This class itself is a built-in type.
    pub builtin: bool,
    /// Results of `lookup` along the MRO, valid while `cache_epoch` equals the
    /// global class epoch (see `ClassDict`).
    pub cache: RefCell<LookupCache>,
    pub cache_epoch: Cell<u64>,
}

/// Bumped whenever any class dict may be written: every class's lookup cache
/// is then stale. One global counter needs no tracking of subclasses.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

#[inline]
fn class_epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Relaxed)
}

/// Invalidates every class's lookup cache.
pub fn class_mutated() {
    CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// A class's own namespace. Taking it mutably invalidates every lookup cache
/// (before any write can happen through the returned guard).
pub struct ClassDict(RefCell<Namespace>);

impl ClassDict {
    pub fn new(ns: Namespace) -> ClassDict {
        ClassDict(RefCell::new(ns))
    }
    #[inline]
    pub fn borrow(&self) -> Ref<'_, Namespace> {
        self.0.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, Namespace> {
        class_mutated();
        self.0.borrow_mut()
    }
}

/// What a class attribute is, for the instance attribute protocol.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AttrKind {
    /// No class along the MRO defines the name.
    Absent,
    /// Found, and not a data descriptor: the instance dict wins over it.
    Plain,
    /// A data descriptor (has a setter): wins over the instance dict.
    Data,
}

#[derive(Clone)]
pub struct CacheEntry {
    pub value: Option<Value>,
    pub kind: AttrKind,
}

pub type LookupCache = HashMap<Symbol, CacheEntry, BuildHasherDefault<SymHasher>>;

impl Class {
    /// The attribute `name` found along the MRO, uncached.
    fn lookup_slow(&self, name: Symbol) -> Option<Value> {
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

    /// The cache entry for `name`, filling it when missing or stale.
    #[inline]
    fn cached<R>(&self, name: Symbol, f: impl FnOnce(&CacheEntry) -> R) -> R {
        let epoch = class_epoch();
        if self.cache_epoch.get() == epoch {
            if let Some(e) = self.cache.borrow().get(&name) {
                return f(e);
            }
        }
        self.fill(name, epoch, f)
    }

    #[cold]
    #[inline(never)]
    fn fill<R>(&self, name: Symbol, epoch: u64, f: impl FnOnce(&CacheEntry) -> R) -> R {
        let value = self.lookup_slow(name);
        // May look up attributes of other classes (or this one): no borrow held.
        let kind = match &value {
            None => AttrKind::Absent,
            Some(v) => match crate::builtins::types::descriptor_kind(v) {
                crate::builtins::types::DescriptorKind::Data => AttrKind::Data,
                _ => AttrKind::Plain,
            },
        };
        let entry = CacheEntry { value, kind };
        let r = f(&entry);
        // Computing the kind must not have changed any class; if it did, the
        // entry is not kept.
        if class_epoch() == epoch {
            let mut cache = self.cache.borrow_mut();
            if self.cache_epoch.get() != epoch {
                cache.clear();
                self.cache_epoch.set(epoch);
            }
            cache.insert(name, entry);
        }
        r
    }

    /// The attribute `name` found along the MRO.
    #[inline]
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        self.cached(name, |e| e.value.clone())
    }

    /// The attribute `name` found along the MRO, and whether it is a data descriptor.
    #[inline]
    pub fn lookup_kind(&self, name: Symbol) -> (Option<Value>, AttrKind) {
        self.cached(name, |e| (e.value.clone(), e.kind))
    }

    /// `f` of the attribute `name` found along the MRO, without cloning it.
    #[inline]
    pub fn peek<R>(&self, name: Symbol, f: impl FnOnce(Option<&Value>) -> R) -> R {
        self.cached(name, |e| f(e.value.as_ref()))
    }

    /// Only what kind of class attribute `name` is (no clone of the value).
    #[inline]
    pub fn attr_kind(&self, name: Symbol) -> AttrKind {
        self.cached(name, |e| e.kind)
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
    /// The value of an instance of a subclass of int, float, str, bytes, tuple or
    /// frozenset (immutable, so held directly).
    Value(Value),
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
    /// For a NameError or AttributeError the runtime raised: where its report looks
    /// for a close name ("Did you mean: 'count'?").
    pub suggest: Option<Suggest>,
}

/// The names a missing one is compared with, when its traceback is printed.
pub enum Suggest {
    /// Found when the name was missed (the frame it was looked up in is gone by then).
    Found(Rc<str>),
    /// An attribute missing on an object: the names of its class, module or type
    /// (`dir()` of it, read when printing), those of the instance's own attributes,
    /// and the name. Not the object itself: one that keeps the error would make a
    /// cycle, which nothing collects.
    Attribute(super::Value, Vec<Symbol>, Symbol),
}

/// One frame of a traceback: where the program was when the exception passed.
#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub source: u32,
    pub span: crate::syntax::ast::Span,
    pub func: Rc<str>,
}

/// An instance's attributes: a short vector searched linearly while small (most
/// instances have a few attributes), a hash map past that; insertion ordered. Once the
/// program takes `obj.__dict__`, the attributes move into that dict (`Shared`), so that
/// writes through it (`self.__dict__.update(kw)`) are the instance's attributes.
pub enum InstDict {
    Small(Vec<(Symbol, Value)>),
    Large(Namespace),
    Shared(Rc<RefCell<Dict>>),
}

const SMALL_DICT: usize = 8;

impl Default for InstDict {
    fn default() -> InstDict {
        InstDict::Small(Vec::new())
    }
}

// An attribute name is a str: in a shared `__dict__` it is looked up among the keys a
// comparison without user code can tell. A key of another type whose `__eq__` would
// claim equality with a name is not asked (the instance's attributes are borrowed
// while they are searched).

/// The key of attribute `name` in a shared `__dict__`.
fn attr_key(name: Symbol) -> super::HKey {
    let key = Value::str(name.as_str());
    let hash = crate::interp::ops::simple_hash(&key).unwrap_or_default();
    super::HKey { hash, key }
}

impl InstDict {
    #[inline]
    pub fn get(&self, name: &Symbol) -> Option<Value> {
        match self {
            InstDict::Small(v) => v.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
            InstDict::Large(m) => m.get(name).cloned(),
            InstDict::Shared(d) => d.borrow().get_quick(&attr_key(*name), &mut false).cloned(),
        }
    }
    pub fn contains_key(&self, name: &Symbol) -> bool {
        self.get(name).is_some()
    }
    /// Sets `name`, keeping its position when present; the old value.
    pub fn insert(&mut self, name: Symbol, value: Value) -> Option<Value> {
        match self {
            InstDict::Small(v) => {
                if let Some((_, slot)) = v.iter_mut().find(|(k, _)| *k == name) {
                    return Some(std::mem::replace(slot, value));
                }
                if v.len() < SMALL_DICT {
                    if v.capacity() == 0 {
                        v.reserve_exact(4);
                    }
                    v.push((name, value));
                    return None;
                }
                let mut m: Namespace = std::mem::take(v).into_iter().collect();
                m.insert(name, value);
                *self = InstDict::Large(m);
                None
            }
            InstDict::Large(m) => m.insert(name, value),
            InstDict::Shared(d) => {
                let key = attr_key(name);
                let mut d = d.borrow_mut();
                let old = d.get_quick(&key, &mut false).cloned();
                if let Err((key, value)) = d.try_set(key, value) {
                    d.set_at(None, key, value);
                }
                old
            }
        }
    }
    /// Removes `name`, keeping the order of the rest.
    pub fn shift_remove(&mut self, name: &Symbol) -> Option<Value> {
        match self {
            InstDict::Small(v) => {
                let i = v.iter().position(|(k, _)| k == name)?;
                Some(v.remove(i).1)
            }
            InstDict::Large(m) => m.shift_remove(name),
            InstDict::Shared(d) => {
                let mut d = d.borrow_mut();
                let slot = super::dict::KeyTable::probe(&*d, &attr_key(*name), &mut false)?;
                d.remove_at(slot).map(|(_, v)| v)
            }
        }
    }
    pub fn len(&self) -> usize {
        match self {
            InstDict::Small(v) => v.len(),
            InstDict::Large(m) => m.len(),
            InstDict::Shared(d) => d.borrow().len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Names and values in insertion order (a shared dict's keys that are not
    /// strings name no attribute and are left out).
    pub fn items(&self) -> Vec<(Symbol, Value)> {
        match self {
            InstDict::Small(v) => v.clone(),
            InstDict::Large(m) => m.iter().map(|(k, v)| (*k, v.clone())).collect(),
            InstDict::Shared(d) => d
                .borrow()
                .items()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((crate::intern::intern(s.as_str()), v.clone())),
                    _ => None,
                })
                .collect(),
        }
    }
    pub fn keys(&self) -> Vec<Symbol> {
        self.items().into_iter().map(|(k, _)| k).collect()
    }
    /// The dict the attributes live in from now on: `obj.__dict__`.
    pub fn share(&mut self) -> Rc<RefCell<Dict>> {
        if let InstDict::Shared(d) = self {
            return d.clone();
        }
        let mut dict = Dict::with_capacity(self.len());
        for (k, v) in self.items() {
            dict.insert(attr_key(k), v);
        }
        let d = Rc::new(RefCell::new(dict));
        *self = InstDict::Shared(d.clone());
        d
    }
}

impl FromIterator<(Symbol, Value)> for InstDict {
    fn from_iter<I: IntoIterator<Item = (Symbol, Value)>>(it: I) -> InstDict {
        let mut d = InstDict::default();
        for (k, v) in it {
            d.insert(k, v);
        }
        d
    }
}

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: RefCell<InstDict>,
    pub payload: Payload,
}

impl Instance {
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
    /// Whether this is an instance of a subclass of a built-in container or value
    /// type (it holds one).
    pub fn holds_builtin(&self) -> bool {
        matches!(
            self.payload,
            Payload::Dict(_) | Payload::List(_) | Payload::Value(_)
        )
    }
    /// The value an instance of a subclass of int, float, str, tuple... holds.
    pub fn held(&self) -> Option<&super::Value> {
        match &self.payload {
            Payload::Value(v) => Some(v),
            _ => None,
        }
    }
    /// The built-in value a subclass instance holds, as a plain value (a snapshot of
    /// a list or dict).
    pub fn builtin_value(&self) -> Option<super::Value> {
        match &self.payload {
            Payload::Value(v) => Some(v.clone()),
            Payload::List(l) => Some(super::Value::list(l.borrow().clone())),
            Payload::Dict(d) => Some(super::Value::dict(d.borrow().clone())),
            _ => None,
        }
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
