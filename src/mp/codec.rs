// Values between processes: the one place that knows the wire format (bincode 2).
//
// Processes share an ancestry: each is a fork of the main program, so a class, a
// function definition or a shared-memory object that existed before the fork lives at
// the same address in both. Such things travel as references (checked against a
// registry on arrival); data travels by value.

use crate::intern::intern;
use crate::interp::err::*;
use crate::interp::object::downcast;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::syntax::ast::FunctionDef;
use crate::value::object::{Namespace, Payload};
use crate::value::{Dict, Function, HKey, Instance, Kwargs, PySet, Value};
use bincode::{Decode, Encode};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

#[derive(Encode, Decode, Debug)]
enum Wire {
    None,
    Ellipsis,
    NotImplemented,
    Bool(bool),
    Int(i64),
    /// Big integers as signed little-endian bytes.
    Big(Vec<u8>),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<Wire>),
    Tuple(Vec<Wire>),
    Dict(Vec<(Wire, Wire)>),
    Set(Vec<Wire>),
    FrozenSet(Vec<Wire>),
    Range(i64, i64, i64),
    Slice(Box<Wire>, Box<Wire>, Box<Wire>),
    Class(Box<ClassRef>),
    Module(String),
    Instance(Box<WireInstance>),
    Function(Box<WireFunction>),
    BoundMethod(Box<Wire>, Box<Wire>),
    /// A built-in function or method, by name (and receiver for methods).
    Native(String, Option<Box<Wire>>),
    /// An object in shared memory (lock, queue, shared value...) by its address (every
    /// process maps it there), who made it (pid and serial: another object may be
    /// mapped at that address in the receiver), and its type's name for the error
    /// where it is not mapped.
    Shared(u64, SharedMaker, String),
    /// A manager's lock, queue... that a process forked before it can still map.
    Attach(Box<WireAttach>),
    /// An object its class's `__reduce__` describes: made by calling `make(*args)`,
    /// then given its state and items, as pickle does.
    Reduce(Box<WireReduce>),
    /// The attribute `name` of module `module` (a `__reduce__` that gives a name).
    Global(String, String),
    /// A list or tuple of small ints, without a tree node per item.
    IntList(Vec<i64>),
    IntTuple(Vec<i64>),
    /// A list of strings, without a tree node per item.
    StrList(Vec<String>),
    /// The list, dict, set or instance met `n`-th earlier in this value: shared and
    /// cyclic data arrive shared and cyclic, as pickle's memo does it.
    Ref(u32),
}

#[derive(Encode, Decode, Debug)]
struct WireInstance {
    class: ClassRef,
    dict: Vec<(String, Wire)>,
    payload: WirePayload,
    /// What the class's `__getstate__` gave (then `dict` is empty), as pickle sends it.
    state: Option<Box<Wire>>,
}

#[derive(Encode, Decode, Debug)]
struct WireReduce {
    make: Wire,
    args: Wire,
    state: Wire,
    list_items: Option<Vec<Wire>>,
    dict_items: Option<Vec<(Wire, Wire)>>,
    state_setter: Wire,
}

#[derive(Encode, Decode, Debug)]
struct WireAttach {
    /// Where the region is (see `shm::Origin`).
    pid: i32,
    fd: i32,
    offset: u64,
    len: u64,
    serial: u64,
    parts: super::Attachable<Wire>,
}

#[derive(Encode, Decode, Debug)]
struct WireFunction {
    def: u64,
    /// The compiled text holding the definition, and its span, when a receiver
    /// may have been forked before it was compiled.
    origin: Option<(String, u32, u32)>,
    module: String,
    name: String,
    qualname: String,
    defaults: Vec<Wire>,
    kwdefaults: Vec<Option<Wire>>,
    closure: Vec<Wire>,
    dict: Vec<(String, Wire)>,
}

#[derive(Encode, Decode, Debug)]
#[allow(clippy::large_enum_variant)]
enum WirePayload {
    None,
    Exception {
        args: Vec<Wire>,
        cause: Option<Wire>,
        context: Option<Wire>,
    },
    Dict(Vec<(Wire, Wire)>),
    List(Vec<Wire>),
    Value(Wire),
}

#[derive(Encode, Decode, Debug)]
struct ClassRef {
    module: String,
    qualname: String,
}

const MAX_DEPTH: usize = 200;

thread_local! {
    /// Function definitions this process knows (every def and lambda it compiled).
    static DEFS: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
    /// Shared-memory objects by address, for references that cross processes.
    static SHARED: RefCell<std::collections::HashMap<usize, SharedEntry>> = RefCell::new(Default::default());
    /// The serial of the next shared object this process makes.
    static SHARED_SERIAL: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Who made a shared object: the same in every process that inherited it.
#[derive(Encode, Decode, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedMaker {
    pid: u32,
    serial: u64,
}

struct SharedEntry {
    obj: std::rc::Weak<Box<dyn crate::interp::object::NativeObject>>,
    maker: SharedMaker,
}

/// Records a definition as one that may arrive from another process.
pub fn register_def(def: *const FunctionDef, span: crate::syntax::ast::Span) {
    DEFS.with(|d| d.borrow_mut().insert(def as usize));
    if let Some(u) = CURRENT_UNIT.with(|c| c.get()) {
        let key = UNITS.with(|units| units.borrow()[u].key);
        ORIGINS.with(|o| {
            o.borrow_mut()
                .insert(def as usize, (u, span.start, span.end))
        });
        BY_ORIGIN.with(|o| {
            o.borrow_mut()
                .insert((key, span.start, span.end), def as usize)
        });
    }
}

/// A compiled text, kept so that its functions can be rebuilt by a process that was
/// forked before it was compiled (a lambda typed at the prompt after a pool started).
struct Unit {
    text: Rc<str>,
    key: u64,
    /// Forks this process had made when the text was compiled.
    forks_at_compile: u64,
}

thread_local! {
    static UNITS: RefCell<Vec<Unit>> = const { RefCell::new(Vec::new()) };
    static CURRENT_UNIT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    static ORIGINS: RefCell<std::collections::HashMap<usize, (usize, u32, u32)>> = RefCell::new(Default::default());
    static BY_ORIGIN: RefCell<std::collections::HashMap<(u64, u32, u32), usize>> = RefCell::new(Default::default());
}

/// Forks made by this process (children forked before a compile lack its code).
pub static FORKS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn text_key(text: &str) -> u64 {
    crate::value::str::hash_bytes(text.as_bytes()) as u64 ^ (text.len() as u64).rotate_left(32)
}

/// Marks the start of compiling `text`: definitions resolved until `end_unit` belong to it.
pub fn begin_unit(text: &str) {
    let forks = FORKS.load(std::sync::atomic::Ordering::Relaxed);
    let idx = UNITS.with(|u| {
        let mut u = u.borrow_mut();
        // Texts compiled before any fork are in every process: keep no copy.
        let key = text_key(text);
        let text: Rc<str> = if forks > 0 { text.into() } else { "".into() };
        u.push(Unit {
            key,
            text,
            forks_at_compile: forks,
        });
        u.len() - 1
    });
    CURRENT_UNIT.with(|c| c.set(Some(idx)));
}

pub fn end_unit() {
    CURRENT_UNIT.with(|c| c.set(None));
}

/// The source a receiver needs to rebuild `def`, when it may lack it.
fn origin_of(def: *const FunctionDef) -> Option<(String, u32, u32)> {
    let (u, start, end) = ORIGINS.with(|o| o.borrow().get(&(def as usize)).copied())?;
    UNITS.with(|units| {
        let units = units.borrow();
        let unit = &units[u];
        (unit.forks_at_compile > 0).then(|| (unit.text.to_string(), start, end))
    })
}

/// Finds (compiling `text` in `module` if needed) the definition at `start..end`.
fn def_from_origin(
    interp: &mut Interp,
    module: &Rc<crate::value::ModuleObj>,
    text: &str,
    start: u32,
    end: u32,
) -> Option<usize> {
    let key = (text_key(text), start, end);
    if let Some(d) = BY_ORIGIN.with(|o| o.borrow().get(&key).copied()) {
        return Some(d);
    }
    let _ = interp;
    crate::run::compile(text, module).ok()?;
    BY_ORIGIN.with(|o| o.borrow().get(&key).copied())
}

/// Records a shared object so that it can be sent by reference.
/// The registry holds it weakly: an object nobody uses any more is freed (and its
/// shared memory unmapped) as usual.
pub fn register_shared(addr: usize, obj: &crate::value::ObjRef) {
    let serial = SHARED_SERIAL.with(|c| c.replace(c.get() + 1));
    let maker = SharedMaker {
        pid: super::futex::my_pid() as u32,
        serial,
    };
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() >= 64 && s.len().is_power_of_two() {
            s.retain(|_, e| e.obj.strong_count() > 0);
        }
        let obj = Rc::downgrade(obj);
        s.insert(addr, SharedEntry { obj, maker });
    });
}

/// Who made the shared object `obj`, mapped at `addr` (None if it is not registered).
fn shared_maker(addr: usize, obj: &crate::value::ObjRef) -> Option<SharedMaker> {
    SHARED.with(|s| {
        s.borrow()
            .get(&addr)
            .filter(|e| std::ptr::addr_eq(e.obj.as_ptr(), Rc::as_ptr(obj)))
            .map(|e| e.maker)
    })
}

/// The object at `addr` in this process, if it is the one `maker` made.
fn shared_at(addr: usize, maker: SharedMaker) -> Option<crate::value::ObjRef> {
    SHARED.with(|s| {
        s.borrow()
            .get(&addr)
            .filter(|e| e.maker == maker)
            .and_then(|e| e.obj.upgrade())
    })
}

/// The address of a shared object value (if it is one).
pub type SharedAddr = fn(&Value) -> Option<usize>;
thread_local! {
    static SHARED_ADDR: std::cell::Cell<Option<SharedAddr>> = const { std::cell::Cell::new(None) };
}
pub fn set_shared_addr(f: SharedAddr) {
    SHARED_ADDR.with(|s| s.set(Some(f)));
}

/// pickle's TypeError for a value that cannot cross processes (a built-in type from
/// another module is named with it, as CPython's `_io.TextIOWrapper`).
fn cant_send(interp: &Interp, v: &Value, why: &str) -> Exc {
    let cls = interp.type_of(v);
    let name = match &*cls.module {
        m if m.starts_with('_') && cls.builtin => format!("{m}.{}", cls.name),
        _ => cls.name.to_string(),
    };
    exc_msg("TypeError", format!("cannot pickle '{name}' object{why}"))
}

fn class_ref(c: &crate::value::Class) -> ClassRef {
    ClassRef {
        module: c.module.to_string(),
        qualname: c.qualname.to_string(),
    }
}

thread_local! {
    /// While encoding: the mutable containers written so far, by address, numbered in
    /// the order they were met (the decoder numbers what it makes in the same order).
    /// Each is held until the encoding ends, as pickle's memo holds them: a state a
    /// `__getstate__` made and dropped must not free its address for the next one.
    static SENT: RefCell<std::collections::HashMap<usize, (u32, Value)>> = RefCell::new(Default::default());
    /// While decoding: the containers made so far, in that order.
    static MADE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// A reference to `v` if it was written before; else numbers it as the next one.
fn sent_before(v: &Value) -> Option<Wire> {
    SENT.with(|s| {
        let mut s = s.borrow_mut();
        let n = s.len() as u32;
        match s.entry(v.id() as usize) {
            std::collections::hash_map::Entry::Occupied(e) => Some(Wire::Ref(e.get().0)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((n, v.clone()));
                None
            }
        }
    })
}

/// pickle's error classes (module `_pickle`), made once each.
fn pickle_error_class(name: &'static str) -> Rc<crate::value::Class> {
    thread_local! {
        static CLASSES: RefCell<Vec<Rc<crate::value::Class>>> = const { RefCell::new(Vec::new()) };
    }
    CLASSES.with(|c| {
        if let Some(cls) = c.borrow().iter().find(|cls| &*cls.name == name) {
            return cls.clone();
        }
        let cls = crate::interp::types::new_class(
            name,
            name,
            "_pickle",
            vec![types().exception.clone()],
            Namespace::default(),
            crate::value::TypeKind::Exception,
            false,
        );
        c.borrow_mut().push(cls.clone());
        cls
    })
}

/// pickle's `PicklingError`: a value that cannot be sent.
fn pickling_error(msg: String) -> Exc {
    new_exception(
        pickle_error_class("PicklingError"),
        vec![Value::string(msg)],
    )
}

/// pickle's `UnpicklingError`: bytes that are not a value sent by spindle.
fn unpickling_error(msg: impl Into<String>) -> Exc {
    new_exception(
        pickle_error_class("UnpicklingError"),
        vec![Value::string(msg.into())],
    )
}

/// The class's own `__reduce_ex__` (called with protocol 4, as multiprocessing's
/// pickler uses) or `__reduce__`, if it defines one.
fn reducer(interp: &Interp, inst: &Instance) -> Option<(Value, Vec<Value>)> {
    let cls = inst.class();
    if let Some(m) = cls.lookup(interp.sym.reduce_ex) {
        return Some((m, vec![Value::Int(4)]));
    }
    cls.lookup(interp.sym.reduce).map(|m| (m, vec![]))
}

/// The wire form of what `__reduce__` gave for `v`, checked as pickle checks it.
fn reduce_wire(interp: &mut Interp, v: &Value, reduced: Value, d: usize) -> PyResult<Wire> {
    if let Value::Str(name) = &reduced {
        let module = match v {
            Value::Instance(inst) => inst.class().module.to_string(),
            _ => "__main__".to_string(),
        };
        return Ok(Wire::Global(module, name.as_str().to_string()));
    }
    let Value::Tuple(parts) = &reduced else {
        return Err(pickling_error(
            "__reduce__ must return a string or tuple".to_string(),
        ));
    };
    if !(2..=6).contains(&parts.len()) {
        return Err(pickling_error(
            "tuple returned by __reduce__ must contain 2 through 6 elements".to_string(),
        ));
    }
    let part = |i: usize| parts.get(i).cloned().unwrap_or(Value::None);
    let make = part(0);
    let is_callable =
        crate::builtins::functions::callable(interp, std::slice::from_ref(&make), vec![])?;
    if !interp.truthy(&is_callable)? {
        return Err(pickling_error(
            "first item of the tuple returned by __reduce__ must be callable".to_string(),
        ));
    }
    let args = part(1);
    if !matches!(args, Value::Tuple(_)) {
        return Err(pickling_error(
            "second item of the tuple returned by __reduce__ must be a tuple".to_string(),
        ));
    }
    // Encoded in the order the receiver decodes them, so that references between
    // them (the memo's numbers) agree.
    let make = to_wire(interp, &make, d)?;
    let args = to_wire(interp, &args, d)?;
    let state = to_wire(interp, &part(2), d)?;
    let state_setter = to_wire(interp, &part(5), d)?;
    let list_items = match part(3) {
        Value::None => None,
        it => {
            let items = interp.collect(&it)?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(to_wire(interp, x, d)?);
            }
            Some(out)
        }
    };
    let dict_items = match part(4) {
        Value::None => None,
        it => {
            let mut out = Vec::new();
            for pair in interp.collect(&it)? {
                match &pair {
                    Value::Tuple(kv) if kv.len() == 2 => {
                        out.push((to_wire(interp, &kv[0], d)?, to_wire(interp, &kv[1], d)?))
                    }
                    _ => return Err(type_error("dict items iterator must return 2-tuples")),
                }
            }
            Some(out)
        }
    };
    Ok(Wire::Reduce(Box::new(WireReduce {
        make,
        args,
        state,
        list_items,
        dict_items,
        state_setter,
    })))
}

/// Gives a received instance its state as pickle's BUILD step does: through the
/// class's `__setstate__`, or else into its attributes (a None state is no state).
fn set_state(
    interp: &mut Interp,
    value: &Value,
    inst: &Instance,
    setstate: Option<Value>,
    state: Value,
) -> PyResult<()> {
    if matches!(state, Value::None) {
        return Ok(());
    }
    if let Some(setstate) = setstate {
        interp.call(&setstate, vec![value.clone(), state], vec![])?;
        return Ok(());
    }
    let Value::Dict(d) = &state else {
        return Err(type_error("state is not a dictionary"));
    };
    let items: Vec<(Value, Value)> = d
        .borrow()
        .items()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, x) in items {
        match k {
            Value::Str(name) => {
                inst.dict.borrow_mut().insert(intern(name.as_str()), x);
            }
            other => {
                return Err(type_error(format!(
                    "attribute name must be string, not '{}'",
                    interp.type_name(&other)
                )))
            }
        }
    }
    Ok(())
}

/// Numbers a container the decoder has just made (before its contents, which may
/// refer back to it); returns its number.
fn made(v: &Value) -> usize {
    MADE.with(|m| {
        let mut m = m.borrow_mut();
        m.push(v.clone());
        m.len() - 1
    })
}

fn to_wire(interp: &mut Interp, v: &Value, depth: usize) -> PyResult<Wire> {
    if let Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_) = v {
        if let Some(r) = sent_before(v) {
            return Ok(r);
        }
    }
    if depth > MAX_DEPTH {
        return Err(exc_msg(
            "RecursionError",
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    let d = depth + 1;
    let many = |interp: &mut Interp, items: &[Value]| -> PyResult<Vec<Wire>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(to_wire(interp, x, d)?);
        }
        Ok(out)
    };
    Ok(match v {
        Value::None | Value::Undef => Wire::None,
        Value::Ellipsis => Wire::Ellipsis,
        Value::NotImplemented => Wire::NotImplemented,
        Value::Bool(b) => Wire::Bool(*b),
        Value::Int(i) => Wire::Int(*i),
        Value::BigInt(b) => Wire::Big(b.to_signed_bytes_le()),
        Value::Float(f) => Wire::Float(*f),
        Value::Str(s) => Wire::Str(s.as_str().to_string()),
        Value::Bytes(b) => Wire::Bytes((**b).clone()),
        Value::List(l) => {
            // Encoding runs no user code, so nothing can change the list meanwhile.
            let items = l.borrow();
            if let Some(ints) = all_ints(&items) {
                Wire::IntList(ints)
            } else if let Some(strs) = all_strs(&items) {
                Wire::StrList(strs)
            } else {
                Wire::List(many(interp, &items)?)
            }
        }
        Value::Tuple(t) => match all_ints(t) {
            Some(ints) => Wire::IntTuple(ints),
            None => Wire::Tuple(many(interp, t)?),
        },
        Value::Dict(dv) => {
            let items: Vec<(Value, Value)> = dv
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            Wire::Dict(pairs(interp, &items, d)?)
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().map(|k| k.key.clone()).collect();
            Wire::Set(many(interp, &items)?)
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.iter().map(|k| k.key.clone()).collect();
            Wire::FrozenSet(many(interp, &items)?)
        }
        Value::Range(r) => Wire::Range(r.start, r.stop, r.step),
        Value::Slice(s) => Wire::Slice(
            Box::new(to_wire(interp, &s.start, d)?),
            Box::new(to_wire(interp, &s.stop, d)?),
            Box::new(to_wire(interp, &s.step, d)?),
        ),
        Value::Class(c) => Wire::Class(Box::new(class_ref(c))),
        Value::Module(m) => Wire::Module(m.name.to_string()),
        Value::Instance(inst) => {
            if let Some((method, extra)) = reducer(interp, inst) {
                let mut args = vec![v.clone()];
                args.extend(extra);
                let reduced = interp.call(&method, args, vec![])?;
                return reduce_wire(interp, v, reduced, d);
            }
            let cls = inst.class();
            // The payload before the attributes: the order the decoder makes them in.
            let payload = match &inst.payload {
                Payload::None => WirePayload::None,
                Payload::Exception(st) => {
                    let (args, cause, context) = {
                        let st = st.borrow();
                        (st.args.clone(), st.cause.clone(), st.context.clone())
                    };
                    WirePayload::Exception {
                        args: many(interp, &args)?,
                        cause: match cause {
                            Some(c) => Some(to_wire(interp, &c, d)?),
                            None => None,
                        },
                        context: match context {
                            Some(c) => Some(to_wire(interp, &c, d)?),
                            None => None,
                        },
                    }
                }
                Payload::Dict(dv) => {
                    let items: Vec<(Value, Value)> = dv
                        .borrow()
                        .items()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    WirePayload::Dict(pairs(interp, &items, d)?)
                }
                Payload::List(l) => {
                    let items = l.borrow().clone();
                    WirePayload::List(many(interp, &items)?)
                }
                Payload::Value(v) => WirePayload::Value(to_wire(interp, v, d)?),
            };
            let mut dict = Vec::new();
            let state = match cls.lookup(interp.sym.getstate) {
                Some(getstate) => {
                    let state = interp.call(&getstate, vec![v.clone()], vec![])?;
                    Some(Box::new(to_wire(interp, &state, d)?))
                }
                None => {
                    for (k, x) in inst.dict.borrow().items() {
                        dict.push((k.as_str().to_string(), to_wire(interp, &x, d)?));
                    }
                    None
                }
            };
            Wire::Instance(Box::new(WireInstance {
                class: class_ref(&cls),
                dict,
                payload,
                state,
            }))
        }
        Value::Function(f) => {
            let closure: Vec<Value> = f.closure.iter().map(|c| c.borrow().clone()).collect();
            let attrs: Vec<(crate::intern::Symbol, Value)> = f
                .dict
                .borrow()
                .iter()
                .map(|(k, v)| (*k, v.clone()))
                .collect();
            let mut dict = Vec::new();
            for (k, x) in attrs {
                dict.push((k.as_str().to_string(), to_wire(interp, &x, d)?));
            }
            let mut kwdefaults = Vec::new();
            for k in &f.kwdefaults {
                kwdefaults.push(match k {
                    Some(x) => Some(to_wire(interp, x, d)?),
                    None => None,
                });
            }
            Wire::Function(Box::new(WireFunction {
                def: f.def as *const FunctionDef as u64,
                origin: origin_of(f.def as *const FunctionDef),
                module: f.module.name.to_string(),
                name: f.name.borrow().to_string(),
                qualname: f.qualname.borrow().to_string(),
                defaults: many(interp, &f.defaults)?,
                kwdefaults,
                closure: many(interp, &closure)?,
                dict,
            }))
        }
        Value::BoundMethod(m) => Wire::BoundMethod(
            Box::new(to_wire(interp, &m.receiver, d)?),
            Box::new(to_wire(interp, &m.func, d)?),
        ),
        Value::Native(n) => {
            // A module's function (`math.sqrt`, or `random.random`, bound to the
            // module's hidden generator) travels as where to find it.
            if let Some(home) = module_of(interp, v, n.name) {
                return Ok(Wire::Native(format!("{home}:{}", n.name), None));
            }
            let recv = match &n.receiver {
                Some(r) => Some(Box::new(to_wire(interp, r, d)?)),
                None => None,
            };
            let name = match n.owner {
                Some(o) => format!("{}.{}", o, n.name),
                None => n.name.to_string(),
            };
            Wire::Native(name, recv)
        }
        Value::Object(_) => {
            if let Some((origin, parts)) = super::attachable_parts(v) {
                let parts = parts.try_map(|x| to_wire(interp, &x, d))?;
                return Ok(Wire::Attach(Box::new(WireAttach {
                    pid: origin.pid,
                    fd: origin.fd,
                    offset: origin.offset,
                    len: origin.len as u64,
                    serial: origin.serial,
                    parts,
                })));
            }
            let addr = SHARED_ADDR.with(|s| s.get()).and_then(|f| f(v));
            let maker = match (addr, v) {
                (Some(a), Value::Object(o)) => shared_maker(a, o),
                _ => None,
            };
            match (addr, maker) {
                (Some(a), Some(m)) => Wire::Shared(a as u64, m, interp.type_name(v)),
                _ => return Err(cant_send(interp, v, "")),
            }
        }
        Value::Cell(_) => return Err(cant_send(interp, v, "")),
    })
}

/// The items as machine ints, when every one is a small int (and there are some).
fn all_ints(items: &[Value]) -> Option<Vec<i64>> {
    if items.len() < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match x {
            Value::Int(i) => out.push(*i),
            _ => return None,
        }
    }
    Some(out)
}

/// The items as strings, when every one is a str (and there are some).
fn all_strs(items: &[Value]) -> Option<Vec<String>> {
    if items.len() < 2 || !matches!(items[0], Value::Str(_)) {
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match x {
            Value::Str(s) => out.push(s.as_str().to_string()),
            _ => return None,
        }
    }
    Some(out)
}

fn pairs(interp: &mut Interp, items: &[(Value, Value)], d: usize) -> PyResult<Vec<(Wire, Wire)>> {
    let mut out = Vec::with_capacity(items.len());
    for (k, v) in items {
        out.push((to_wire(interp, k, d)?, to_wire(interp, v, d)?));
    }
    Ok(out)
}

fn find_class(interp: &mut Interp, r: &ClassRef) -> PyResult<Value> {
    if r.module == "builtins" {
        if let Some(c) = types().exceptions.get(r.qualname.as_str()) {
            return Ok(Value::Class(c.clone()));
        }
        if let Some(v) = interp.builtin(intern(&r.qualname)) {
            return Ok(v.clone());
        }
    }
    let mut obj = match interp.modules.get(r.module.as_str()) {
        Some(m) => m.clone(),
        None => interp.import_module_by_name(&r.module)?,
    };
    for part in r.qualname.split('.') {
        obj = interp.getattr(&obj, intern(part)).map_err(|_| {
            exc_msg(
                "AttributeError",
                format!(
                    "Can't get attribute '{}' on <module '{}'>",
                    r.qualname, r.module
                ),
            )
        })?;
    }
    Ok(obj)
}

fn from_wire(interp: &mut Interp, w: Wire) -> PyResult<Value> {
    let many = |interp: &mut Interp, items: Vec<Wire>| -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(from_wire(interp, x)?);
        }
        Ok(out)
    };
    Ok(match w {
        Wire::None => Value::None,
        Wire::Ellipsis => Value::Ellipsis,
        Wire::NotImplemented => Value::NotImplemented,
        Wire::Bool(b) => Value::Bool(b),
        Wire::Int(i) => Value::Int(i),
        Wire::Big(b) => Value::from_bigint(num_bigint::BigInt::from_signed_bytes_le(&b)),
        Wire::Float(f) => Value::Float(f),
        Wire::Str(s) => Value::string(s),
        Wire::Bytes(b) => Value::Bytes(Rc::new(b)),
        Wire::Ref(n) => MADE
            .with(|m| m.borrow().get(n as usize).cloned())
            .ok_or_else(|| unpickling_error("a reference to nothing"))?,
        Wire::List(items) => {
            let list = Value::list(Vec::new());
            made(&list);
            let items = many(interp, items)?;
            if let Value::List(l) = &list {
                *l.borrow_mut() = items;
            }
            list
        }
        Wire::IntList(items) => {
            let list = Value::list(items.into_iter().map(Value::Int).collect());
            made(&list);
            list
        }
        Wire::IntTuple(items) => Value::tuple(items.into_iter().map(Value::Int).collect()),
        Wire::StrList(items) => {
            let list = Value::list(items.into_iter().map(Value::string).collect());
            made(&list);
            list
        }
        Wire::Tuple(items) => Value::tuple(many(interp, items)?),
        Wire::Dict(items) => {
            let dict = Value::dict(Dict::new());
            made(&dict);
            let filled = dict_from(interp, items)?;
            if let Value::Dict(d) = &dict {
                *d.borrow_mut() = filled;
            }
            dict
        }
        Wire::Set(items) => {
            let set = Value::Set(Rc::new(RefCell::new(crate::value::PySet::new())));
            made(&set);
            let filled = set_from(interp, items)?;
            if let Value::Set(s) = &set {
                *s.borrow_mut() = filled;
            }
            set
        }
        Wire::FrozenSet(items) => Value::FrozenSet(Rc::new(set_from(interp, items)?)),
        Wire::Range(a, b, c) => Value::Range(Rc::new(crate::value::Range {
            start: a,
            stop: b,
            step: c,
        })),
        Wire::Slice(a, b, c) => Value::Slice(Rc::new(crate::value::Slice {
            start: from_wire(interp, *a)?,
            stop: from_wire(interp, *b)?,
            step: from_wire(interp, *c)?,
        })),
        Wire::Class(r) => find_class(interp, &r)?,
        Wire::Module(name) => interp.import_module_by_name(&name)?,
        Wire::Global(module, name) => {
            let m = interp.import_module_by_name(&module)?;
            interp.getattr(&m, intern(&name))?
        }
        Wire::Reduce(r) => {
            let WireReduce {
                make,
                args,
                state,
                list_items,
                dict_items,
                state_setter,
            } = *r;
            // Numbered before its parts, as the sender numbered it.
            let slot = made(&Value::None);
            let make = from_wire(interp, make)?;
            let args = match from_wire(interp, args)? {
                Value::Tuple(t) => t.to_vec(),
                _ => return Err(type_error("__reduce__ arguments must be a tuple")),
            };
            let value = interp.call(&make, args, vec![])?;
            MADE.with(|m| m.borrow_mut()[slot] = value.clone());
            let state = from_wire(interp, state)?;
            let state_setter = from_wire(interp, state_setter)?;
            if !matches!(state, Value::None) {
                if !matches!(state_setter, Value::None) {
                    interp.call(&state_setter, vec![value.clone(), state], vec![])?;
                } else if let Value::Instance(inst) = &value {
                    let setstate = inst.class().lookup(interp.sym.setstate);
                    set_state(interp, &value, inst, setstate, state)?;
                } else {
                    let setstate = interp.getattr(&value, interp.sym.setstate)?;
                    interp.call(&setstate, vec![state], vec![])?;
                }
            }
            for x in list_items.unwrap_or_default() {
                let x = from_wire(interp, x)?;
                let append = interp.getattr(&value, intern("append"))?;
                interp.call(&append, vec![x], vec![])?;
            }
            for (k, x) in dict_items.unwrap_or_default() {
                let (k, x) = (from_wire(interp, k)?, from_wire(interp, x)?);
                interp.setitem(&value, k, x)?;
            }
            value
        }
        Wire::Instance(inst) => {
            let WireInstance {
                class,
                dict,
                payload,
                state,
            } = *inst;
            let cls = match find_class(interp, &class)? {
                Value::Class(c) => c,
                _ => return Err(type_error(format!("'{}' is not a class", class.qualname))),
            };
            // Numbered before its contents, which may refer back to it; a held value
            // (an int or str subclass) is decoded first, since it cannot change later.
            let slot = made(&Value::None);
            let (payload, contents) = match payload {
                WirePayload::Value(v) => (Payload::Value(from_wire(interp, v)?), None),
                WirePayload::None => (Payload::None, None),
                WirePayload::Exception { .. } => {
                    (Payload::Exception(Default::default()), Some(payload))
                }
                WirePayload::Dict(_) => (Payload::Dict(Default::default()), Some(payload)),
                WirePayload::List(_) => (Payload::List(Default::default()), Some(payload)),
            };
            let inst = Rc::new(Instance {
                class: RefCell::new(cls),
                dict: RefCell::new(Default::default()),
                payload,
            });
            let value = Value::Instance(inst.clone());
            MADE.with(|m| m.borrow_mut()[slot] = value.clone());
            match (contents, &inst.payload) {
                (
                    Some(WirePayload::Exception {
                        args,
                        cause,
                        context,
                    }),
                    Payload::Exception(st),
                ) => {
                    let args = many(interp, args)?;
                    let cause = cause.map(|c| from_wire(interp, c)).transpose()?;
                    let context = context.map(|c| from_wire(interp, c)).transpose()?;
                    let mut st = st.borrow_mut();
                    st.args = args;
                    st.cause = cause;
                    st.context = context;
                }
                (Some(WirePayload::Dict(items)), Payload::Dict(d)) => {
                    let filled = dict_from(interp, items)?;
                    *d.borrow_mut() = filled;
                }
                (Some(WirePayload::List(items)), Payload::List(l)) => {
                    let filled = many(interp, items)?;
                    *l.borrow_mut() = filled;
                }
                _ => {}
            }
            let setstate = inst.class().lookup(interp.sym.setstate);
            let state = match state {
                Some(w) => from_wire(interp, *w)?,
                None if setstate.is_none() => {
                    for (k, x) in dict {
                        let x = from_wire(interp, x)?;
                        inst.dict.borrow_mut().insert(intern(&k), x);
                    }
                    return Ok(value);
                }
                // Without `__getstate__`, pickle's state is the attributes, if any.
                None if dict.is_empty() => Value::None,
                None => {
                    let mut d = crate::value::Dict::with_capacity(dict.len());
                    for (k, x) in dict {
                        let k = interp.hkey(Value::str(&k))?;
                        let x = from_wire(interp, x)?;
                        d.insert(k, x);
                    }
                    Value::dict(d)
                }
            };
            set_state(interp, &value, &inst, setstate, state)?;
            value
        }
        Wire::Function(func) => {
            let WireFunction {
                def,
                origin,
                module,
                name,
                qualname,
                defaults,
                kwdefaults,
                closure,
                dict,
            } = *func;
            let m = match interp.modules.get(module.as_str()) {
                Some(Value::Module(m)) => m.clone(),
                _ => match interp.import_module_by_name(&module)? {
                    Value::Module(m) => m,
                    _ => return Err(type_error("module expected")),
                },
            };
            let known = DEFS.with(|d| d.borrow().contains(&(def as usize)));
            let def = if known {
                def as usize
            } else {
                let found = origin
                    .and_then(|(text, start, end)| def_from_origin(interp, &m, &text, start, end));
                match found {
                    Some(d) => d,
                    None => {
                        return Err(exc_msg(
                            "AttributeError",
                            format!(
                            "Can't get function '{}': it was defined after this process started",
                            qualname
                        ),
                        ))
                    }
                }
            };
            // SAFETY: the address is in this process's registry of leaked definitions.
            let def: &'static FunctionDef = unsafe { &*(def as *const FunctionDef) };
            // Bytes forged from two functions' encodings must not reach the evaluator.
            let params = &def.params;
            if closure.len() != def.scope.freevars.len()
                || kwdefaults.len() != params.kwonly.len()
                || defaults.len() > params.posonly.len() + params.args.len()
            {
                return Err(unpickling_error(format!(
                    "the parts of function '{qualname}' do not fit its definition"
                )));
            }
            let mut kwd = Vec::new();
            for k in kwdefaults {
                kwd.push(match k {
                    Some(x) => Some(from_wire(interp, x)?),
                    None => None,
                });
            }
            let cells: Vec<crate::value::func::CellRef> = many(interp, closure)?
                .into_iter()
                .map(|v| Rc::new(RefCell::new(v)))
                .collect();
            let mut ns = Namespace::default();
            for (k, x) in dict {
                ns.insert(intern(&k), from_wire(interp, x)?);
            }
            Value::Function(Rc::new(Function {
                def,
                module: m,
                defaults: many(interp, defaults)?,
                kwdefaults: kwd,
                closure: cells.into(),
                name: RefCell::new(name.into()),
                qualname: RefCell::new(qualname.into()),
                dict: RefCell::new(ns),
            }))
        }
        Wire::BoundMethod(r, f) => {
            let r = from_wire(interp, *r)?;
            let f = from_wire(interp, *f)?;
            interp.bound_method(r, f)
        }
        Wire::Native(name, recv) => {
            if let Some((module, attr)) = name.split_once(':') {
                let m = interp.import_module_by_name(module)?;
                return interp.getattr(&m, intern(attr));
            }
            // A bound method: the receiver's own method of that name.
            let recv = match (recv, name.split_once('.')) {
                (Some(r), Some((_, meth))) => {
                    let r = from_wire(interp, *r)?;
                    return interp.getattr(&r, intern(meth));
                }
                (recv, _) => recv,
            };
            let f = match name.split_once('.') {
                Some((owner, meth)) => {
                    let cls = find_class(
                        interp,
                        &ClassRef {
                            module: "builtins".into(),
                            qualname: owner.into(),
                        },
                    )?;
                    interp.getattr(&cls, intern(meth))?
                }
                None => interp.builtin(intern(&name)).cloned().ok_or_else(|| {
                    exc_msg("AttributeError", format!("no built-in function '{}'", name))
                })?,
            };
            match (recv, &f) {
                (Some(r), Value::Native(n)) => {
                    let r = from_wire(interp, *r)?;
                    interp.bind_native(n, &r)
                }
                _ => f,
            }
        }
        Wire::Attach(a) => {
            let WireAttach {
                pid,
                fd,
                offset,
                len,
                serial,
                parts,
            } = *a;
            let parts = parts.try_map(|w| from_wire(interp, w))?;
            let origin = super::shm::Origin {
                pid,
                fd,
                offset,
                len: len as usize,
                serial,
            };
            super::attach(origin, parts)?
        }
        // Mapped only in processes forked after it was made, as CPython allows such
        // objects to reach a process only by inheritance.
        Wire::Shared(addr, maker, type_name) => shared_at(addr as usize, maker)
            .map(Value::Object)
            .ok_or_else(|| {
                exc_msg(
                    "RuntimeError",
                    format!(
                        "{type_name} objects should only be shared between processes through \
                         inheritance (this one was made after the receiving process started)"
                    ),
                )
            })?,
    })
}

/// The module (other than builtins) that holds built-in function `v` as its
/// attribute `name`, if any.
fn module_of(interp: &Interp, v: &Value, name: &str) -> Option<String> {
    let sym = intern(name);
    if interp.builtin(sym).is_some_and(|b| b.is(v)) {
        return None;
    }
    interp.modules.iter().find_map(|(home, m)| match m {
        Value::Module(m) if m.get(sym).is_some_and(|a| a.is(v)) => Some(home.to_string()),
        _ => None,
    })
}

fn dict_from(interp: &mut Interp, items: Vec<(Wire, Wire)>) -> PyResult<Dict> {
    let mut d = Dict::with_capacity(items.len());
    for (k, v) in items {
        let k = from_wire(interp, k)?;
        let v = from_wire(interp, v)?;
        let k: HKey = interp.hkey(k)?;
        d.insert(k, v);
    }
    Ok(d)
}

fn set_from(interp: &mut Interp, items: Vec<Wire>) -> PyResult<PySet> {
    let mut s = PySet::new();
    for x in items {
        let v = from_wire(interp, x)?;
        let k = interp.hkey(v)?;
        s.insert(k);
    }
    Ok(s)
}

/// Encodes a value for another process.
pub fn encode(interp: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    let outer = SENT.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let w = to_wire(interp, v, 0);
    SENT.with(|s| *s.borrow_mut() = outer);
    let w = w?;
    bincode::encode_to_vec(&w, bincode::config::standard())
        .map_err(|e| exc_msg("ValueError", format!("cannot encode value: {}", e)))
}

/// Decodes a value sent by another process.
pub fn decode(interp: &mut Interp, bytes: &[u8]) -> PyResult<Value> {
    if bytes.is_empty() {
        return Err(exc_msg("EOFError", "Ran out of input"));
    }
    let (w, _): (Wire, usize) = bincode::decode_from_slice(
        bytes,
        bincode::config::standard().with_limit::<{ 1 << 31 }>(),
    )
    .map_err(|_| unpickling_error("these bytes are not a value sent by spindle"))?;
    let outer = MADE.with(|m| std::mem::take(&mut *m.borrow_mut()));
    let v = from_wire(interp, w);
    MADE.with(|m| *m.borrow_mut() = outer);
    v
}

/// `_mp._dumps(obj)`: the bytes another process turns back into `obj` (a pool encodes
/// each task itself, so that a task that cannot be sent or received fails alone).
pub fn dumps(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    crate::builtins::functions::arity("_dumps", args, 1, 1)?;
    Ok(Value::Bytes(Rc::new(encode(interp, &args[0])?)))
}

/// `_mp._loads(data)`: the object `_dumps` encoded.
pub fn loads(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args {
        [Value::Bytes(b)] => decode(interp, b),
        _ => Err(type_error("_loads() takes one bytes argument")),
    }
}

/// For native shared objects: is `v` a T?
pub fn is<T: 'static>(v: &Value) -> bool {
    downcast::<T>(v).is_some()
}
