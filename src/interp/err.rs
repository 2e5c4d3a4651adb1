// Raising Python exceptions from Rust: constructors for the built-in exception types.

use super::types::types;
use crate::value::object::{ExcState, Payload, TraceEntry};
use crate::value::{Class, Instance, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A raised exception: a handle to the exception instance (traceback inside).
#[derive(Clone)]
pub struct Exc(pub Rc<Instance>);

pub type PyResult<T> = Result<T, Exc>;

impl Exc {
    pub fn class(&self) -> Rc<Class> {
        self.0.class()
    }
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn state(&self) -> std::cell::RefMut<'_, ExcState> {
        match &self.0.payload {
            Payload::Exception(s) => s.borrow_mut(),
            _ => unreachable!("exception instances always carry exception state"),
        }
    }
    pub fn args(&self) -> Vec<Value> {
        self.state().args.clone()
    }
    pub fn is(&self, name: &str) -> bool {
        self.class().is_subclass(&types().exc(name))
    }
    pub fn is_os_error(&self) -> bool {
        self.class().is_subclass(&types().os_error)
    }
    pub fn push_trace(&self, entry: TraceEntry) {
        self.state().traceback.push(entry);
    }
    /// Records the traceback entry of `frame`, which the exception is leaving or
    /// was caught in: at the innermost failing expression if one was noted, else
    /// at the frame's current statement.
    #[cold]
    pub fn push_frame(&self, frame: &super::Frame) {
        let mut st = self.state();
        let span = st.span.take();
        if std::mem::take(&mut st.frame_recorded) {
            return;
        }
        let mut entry = super::object_trace(frame);
        if let Some(s) = span {
            entry.span = s;
        }
        st.traceback.push(entry);
    }
    /// Notes `span` as where the exception arose in the current frame, unless a
    /// more inner expression already did.
    #[cold]
    pub fn note_span(&self, span: crate::syntax::ast::Span) {
        let mut st = self.state();
        if st.span.is_none() {
            st.span = Some(span);
        }
    }
    /// Builds an `Exc` from an exception instance value (None if it is not one).
    pub fn from_value(v: &Value) -> Option<Exc> {
        match v {
            Value::Instance(i) if i.exc().is_some() => Some(Exc(i.clone())),
            _ => None,
        }
    }
}

/// A new exception instance of `cls` with the given args.
pub fn new_exception(cls: Rc<Class>, args: Vec<Value>) -> Exc {
    Exc(Rc::new(Instance {
        class: RefCell::new(cls),
        dict: RefCell::new(Default::default()),
        payload: Payload::Exception(RefCell::new(ExcState {
            args,
            ..Default::default()
        })),
    }))
}

/// What `cls(*args)` makes of an OSError's arguments, as CPython: `OSError` itself with
/// an errno becomes its subclass (`OSError(2, 'x')` is a FileNotFoundError). Other
/// exceptions pass through.
pub fn os_error_parts(
    cls: &Rc<Class>,
    args: Vec<Value>,
) -> (Rc<Class>, Vec<Value>, Vec<(&'static str, Value)>) {
    let t = types();
    let os_error = &t.os_error;
    if !cls.is_subclass(os_error) {
        return (cls.clone(), args, vec![]);
    }
    let cls = match args.first() {
        Some(Value::Int(n)) if Rc::ptr_eq(cls, os_error) && (2..=5).contains(&args.len()) => {
            t.exc(crate::builtins::functions::os_error_class(*n))
        }
        _ => cls.clone(),
    };
    let (args, attrs) = os_error_attrs(args);
    (cls, args, attrs)
}

/// OSError's parsing of (errno, strerror, filename, winerror, filename2): the
/// attributes they set, and the args left (errno and strerror alone when a filename
/// is given). Other counts set no attribute.
pub fn os_error_attrs(mut args: Vec<Value>) -> (Vec<Value>, Vec<(&'static str, Value)>) {
    if !(2..=5).contains(&args.len()) {
        return (args, vec![]);
    }
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    let mut attrs = vec![("errno", arg(0)), ("strerror", arg(1))];
    // A filename given as None is no filename (str() leaves it out); filename2 only
    // counts beside a filename.
    if !arg(2).is_none() {
        attrs.push(("filename", arg(2)));
        if !arg(4).is_none() {
            attrs.push(("filename2", arg(4)));
        }
        args.truncate(2);
    }
    (args, attrs)
}

/// Sets the attributes `os_error_attrs` found on an exception instance.
pub fn set_os_error_attrs(e: &Instance, attrs: Vec<(&'static str, Value)>) {
    let mut d = e.dict.borrow_mut();
    for (name, v) in attrs {
        d.insert(crate::intern::intern(name), v);
    }
}

/// An OSError's attribute `name` (errno, strerror, filename, filename2), if it has
/// been given one: its str() shows what it has, as CPython's.
pub fn os_error_attr(e: &Instance, name: &str) -> Option<Value> {
    e.dict.borrow().get(&crate::intern::intern(name))
}

pub fn exc_msg(name: &str, msg: impl Into<String>) -> Exc {
    new_exception(types().exc(name), vec![Value::string(msg.into())])
}

pub fn type_error(msg: impl Into<String>) -> Exc {
    exc_msg("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> Exc {
    exc_msg("ValueError", msg)
}
pub fn index_error(msg: impl Into<String>) -> Exc {
    exc_msg("IndexError", msg)
}
pub fn key_error(key: Value) -> Exc {
    new_exception(types().exc("KeyError"), vec![key])
}
pub fn attribute_error(msg: impl Into<String>) -> Exc {
    exc_msg("AttributeError", msg)
}
pub fn name_error(msg: impl Into<String>) -> Exc {
    exc_msg("NameError", msg)
}
pub fn zero_division(msg: impl Into<String>) -> Exc {
    exc_msg("ZeroDivisionError", msg)
}
pub fn overflow_error(msg: impl Into<String>) -> Exc {
    exc_msg("OverflowError", msg)
}
pub fn runtime_error(msg: impl Into<String>) -> Exc {
    exc_msg("RuntimeError", msg)
}
pub fn os_error(name: &str, errno: i32, msg: impl Into<String>) -> Exc {
    let (args, attrs) = os_error_attrs(vec![Value::Int(errno as i64), Value::string(msg.into())]);
    let e = new_exception(types().exc(name), args);
    set_os_error_attrs(&e.0, attrs);
    e
}
pub fn stop_iteration(value: Value) -> Exc {
    let args = if value.is_none() { vec![] } else { vec![value] };
    new_exception(types().exc("StopIteration"), args)
}

/// Refuses, with CPython's MemoryError, to build something of `count` items of `size`
/// bytes that is larger than this machine's memory and swap (where the kernel would
/// refuse CPython's allocation too; an allocation failure would abort the process, and
/// a reservation the kernel grants lazily would fail only when filled).
pub fn check_alloc(count: usize, size: usize) -> super::PyResult<()> {
    match count.checked_mul(size) {
        Some(b) if b < 1 << 30 || b <= memory_size() => Ok(()),
        _ => Err(exc_msg("MemoryError", "")),
    }
}

/// Physical memory plus swap, in bytes.
fn memory_size() -> usize {
    static SIZE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *SIZE.get_or_init(|| {
        // SAFETY: sysinfo fills the zeroed struct it is given.
        let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
        if unsafe { libc::sysinfo(&mut info) } != 0 {
            return usize::MAX;
        }
        let unit = info.mem_unit.max(1) as usize;
        (info.totalram as usize)
            .saturating_add(info.totalswap as usize)
            .saturating_mul(unit)
    })
}
