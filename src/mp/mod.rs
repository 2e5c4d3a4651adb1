// Process parallelism: processes, the one blocking wait, and the native `_mp` module
// that `stdlib/multiprocessing.py` builds on.

pub mod block;
pub mod codec;
pub mod connection;
pub mod futex;
pub mod process;
pub mod queue;
pub mod sharedctypes;
pub mod shm;
pub mod sync;

use crate::builtins::native;
use crate::intern::intern;
use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::object::Namespace;
use crate::value::{Class, Kwargs, ModuleObj, NativeFn, TypeKind, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    /// Few entries, looked up on every method call: a short list beats hashing the name.
    static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = const { RefCell::new(Vec::new()) };
}

/// The class of a native multiprocessing object, with its methods, made once.
pub fn native_class(
    name: &'static str,
    module: &str,
    methods: &[(&'static str, NativeFn)],
) -> Rc<Class> {
    let found = CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|(n, _)| std::ptr::eq(*n, name) || *n == name)
            .map(|(_, cls)| cls.clone())
    });
    if let Some(c) = found {
        return c;
    }
    let object = crate::interp::types::types().object.clone();
    let cls = crate::interp::types::new_class(
        name,
        name,
        module,
        vec![object],
        Namespace::default(),
        TypeKind::Native,
        true,
    );
    for (m, f) in methods {
        crate::builtins::def_method(&cls, name, m, *f);
    }
    CLASSES.with(|c| c.borrow_mut().push((name, cls.clone())));
    cls
}

/// The receiver of a native method as a `T`.
pub fn this<T: 'static>(args: &[Value]) -> PyResult<&T> {
    match args.first() {
        Some(Value::Object(o)) => o
            .as_any()
            .downcast_ref::<T>()
            .ok_or_else(|| type_error("descriptor requires a different object")),
        _ => Err(type_error("method called without its object")),
    }
}

/// Checks a call of a method that CPython defines in Python (its messages count the
/// receiver): at most `most` positional arguments, and no keyword the caller did not
/// take out of `kw`.
pub fn method_args(
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    least: usize,
    most: usize,
) -> PyResult<()> {
    python_args(name, args.len(), kw, least, most)
}

/// Checks a call of one of the factories (CPython's `BaseContext` methods, whose
/// messages count the context): at most `most` positional arguments, no keyword the
/// caller did not take out of `kw`. A misspelt `maxsize=` must not make a queue
/// without a limit.
pub fn factory_args(name: &str, args: &[Value], kw: &Kwargs, most: usize) -> PyResult<()> {
    if args.len() > most || !kw.is_empty() {
        return python_args(
            &format!("BaseContext.{name}"),
            args.len() + 1,
            kw,
            1,
            most + 1,
        );
    }
    Ok(())
}

/// The checks of a Python-level function given `n` positional arguments.
fn python_args(name: &str, n: usize, kw: &Kwargs, least: usize, most: usize) -> PyResult<()> {
    if n > most {
        return Err(type_error(if least == most {
            let s = if most == 1 { "" } else { "s" };
            format!("{name}() takes {most} positional argument{s} but {n} were given")
        } else {
            format!("{name}() takes from {least} to {most} positional arguments but {n} were given")
        }));
    }
    crate::builtins::functions::reject_unexpected_kw(name, kw)
}

/// A `timeout` argument in seconds (None waits forever).
pub fn timeout_arg(v: &Value) -> PyResult<Option<f64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i as f64)),
        Value::Bool(b) => Ok(Some(*b as i64 as f64)),
        // CPython turns the timeout into an integer count of milliseconds somewhere
        // below, which a NaN cannot be.
        Value::Float(f) if f.is_nan() => Err(value_error("cannot convert float NaN to integer")),
        Value::Float(f) => Ok(Some(*f)),
        _ => Err(type_error("timeout must be a number or None")),
    }
}

/// A timeout of a lock, semaphore, event, condition, barrier or queue put: None waits
/// forever, and Some(NaN) is kept, for `nan_wait` to refuse only a wait that must
/// block.
pub fn sync_timeout(v: &Value) -> PyResult<Option<f64>> {
    match v {
        Value::Float(f) if f.is_nan() => Ok(Some(*f)),
        _ => timeout_arg(v),
    }
}

pub fn is_nan(timeout: Option<f64>) -> bool {
    timeout.is_some_and(f64::is_nan)
}

/// A NaN timeout where the operation must block: CPython's semaphores hand it to the
/// kernel, which refuses it (EINVAL). One that need not wait succeeds.
pub fn nan_wait() -> crate::interp::err::Exc {
    crate::interp::err::os_error("OSError", libc::EINVAL, "Invalid argument")
}

/// Wraps a shared-memory object as a value that other processes can receive.
pub fn shared_value(obj: crate::value::ObjRef) -> Value {
    let v = Value::Object(obj);
    if let (Some(addr), Value::Object(o)) = (shared_addr(&v), &v) {
        codec::register_shared(addr, o);
        if let Some((origin, _)) = attachable_parts(&v) {
            remember_attached(origin, o);
        }
    }
    v
}

/// The shared-memory address identifying `v` across processes.
pub fn shared_addr(v: &Value) -> Option<usize> {
    let o = match v {
        Value::Object(o) => o,
        _ => return None,
    };
    let any = o.as_any();
    if let Some(x) = any.downcast_ref::<sync::Lock>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<sync::Semaphore>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<sync::Event>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<sync::Condition>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<sync::Barrier>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<queue::Queue>() {
        return Some(x.addr());
    }
    if let Some(x) = any.downcast_ref::<sharedctypes::Shared>() {
        return Some(x.addr());
    }
    None
}

/// What a manager's object is made of, beyond its region: enough for a process that
/// did not inherit it to map it (see `shm::Origin`). `V` is how nested objects are
/// held: values here, their wire form in a message.
#[derive(bincode::Encode, bincode::Decode, Debug)]
pub enum Attachable<V> {
    Lock {
        recursive: bool,
    },
    Semaphore {
        bound: Option<u32>,
    },
    Event,
    Condition {
        lock: V,
    },
    Barrier {
        parties: u64,
        action: V,
        timeout: Option<f64>,
    },
    Queue {
        file: i32,
        maxsize: u32,
        kind: queue::Kind,
    },
}

impl<V> Attachable<V> {
    /// The same parts with each nested object converted by `f`.
    pub fn try_map<W, E>(self, mut f: impl FnMut(V) -> Result<W, E>) -> Result<Attachable<W>, E> {
        use Attachable as A;
        Ok(match self {
            A::Lock { recursive } => A::Lock { recursive },
            A::Semaphore { bound } => A::Semaphore { bound },
            A::Event => A::Event,
            A::Condition { lock } => A::Condition { lock: f(lock)? },
            A::Barrier {
                parties,
                action,
                timeout,
            } => A::Barrier {
                parties,
                action: f(action)?,
                timeout,
            },
            A::Queue {
                file,
                maxsize,
                kind,
            } => A::Queue {
                file,
                maxsize,
                kind,
            },
        })
    }
}

/// The origin and parts of `v` if it is a manager's object (attachable).
pub fn attachable_parts(v: &Value) -> Option<(shm::Origin, Attachable<Value>)> {
    let any = match v {
        Value::Object(o) => o.as_any(),
        _ => return None,
    };
    if let Some(x) = any.downcast_ref::<sync::Lock>() {
        let recursive = x.recursive;
        return Some((x.region().origin()?, Attachable::Lock { recursive }));
    }
    if let Some(x) = any.downcast_ref::<sync::Semaphore>() {
        let bound = x.bound();
        return Some((x.region().origin()?, Attachable::Semaphore { bound }));
    }
    if let Some(x) = any.downcast_ref::<sync::Event>() {
        return Some((x.region().origin()?, Attachable::Event));
    }
    if let Some(x) = any.downcast_ref::<sync::Condition>() {
        let lock = x.lock.clone();
        return Some((x.region().origin()?, Attachable::Condition { lock }));
    }
    if let Some(x) = any.downcast_ref::<sync::Barrier>() {
        let (parties, action, timeout) = x.parts();
        return Some((
            x.region().origin()?,
            Attachable::Barrier {
                parties,
                action,
                timeout,
            },
        ));
    }
    if let Some(x) = any.downcast_ref::<queue::Queue>() {
        let (file, maxsize, kind) = x.parts();
        return Some((
            x.region().origin()?,
            Attachable::Queue {
                file,
                maxsize,
                kind,
            },
        ));
    }
    None
}

type WeakObj = std::rc::Weak<Box<dyn NativeObject>>;

thread_local! {
    /// Manager objects mapped here from another process, by origin: receiving one
    /// again gives the same object.
    static ATTACHED: RefCell<HashMap<(i32, u64), WeakObj>> =
        RefCell::new(HashMap::new());
}

/// Records a manager's object under its origin, so that a process inheriting it
/// (forked after) or receiving it again finds this one.
fn remember_attached(origin: shm::Origin, o: &crate::value::ObjRef) {
    ATTACHED.with(|a| {
        let mut a = a.borrow_mut();
        if a.len() >= 64 && a.len().is_power_of_two() {
            a.retain(|_, w| w.strong_count() > 0);
        }
        a.insert((origin.pid, origin.serial), Rc::downgrade(o));
    });
}

/// The manager's object with this origin, mapped into this process if it is not
/// here already (inherited or received before).
pub fn attach(origin: shm::Origin, parts: Attachable<Value>) -> PyResult<Value> {
    let key = (origin.pid, origin.serial);
    if let Some(o) = ATTACHED.with(|a| a.borrow().get(&key).and_then(|w| w.upgrade())) {
        return Ok(Value::Object(o));
    }
    let region = shm::Region::attach(origin)?;
    let v = match parts {
        Attachable::Lock { recursive } => sync::Lock::attached(region, recursive),
        Attachable::Semaphore { bound } => sync::Semaphore::attached(region, bound),
        Attachable::Event => sync::Event::attached(region),
        Attachable::Condition { lock } => sync::Condition::attached(region, lock),
        Attachable::Barrier {
            parties,
            action,
            timeout,
        } => sync::Barrier::attached(region, parties, action, timeout),
        Attachable::Queue {
            file,
            maxsize,
            kind,
        } => queue::attached(region, file, maxsize, kind)?,
    };
    Ok(v)
}

/// `queue.Empty` (module `_queue`) and `queue.Full`, made once.
pub fn queue_exc(name: &str) -> Rc<Class> {
    thread_local! {
        static EMPTY: Rc<Class> = crate::interp::types::new_class("Empty", "Empty", "_queue", vec![crate::interp::types::types().exception.clone()], Namespace::default(), TypeKind::Exception, false);
        static FULL: Rc<Class> = crate::interp::types::new_class("Full", "Full", "queue", vec![crate::interp::types::types().exception.clone()], Namespace::default(), TypeKind::Exception, false);
    }
    if name == "Empty" {
        EMPTY.with(|c| c.clone())
    } else {
        FULL.with(|c| c.clone())
    }
}

/// `_queue`: the errors multiprocessing's queues raise, which `queue` (stdlib/queue.py)
/// gives its users.
pub fn create_queue_module() -> Value {
    let m = Rc::new(ModuleObj::new("_queue", 0));
    m.set(intern("__name__"), Value::str("_queue"));
    m.set(intern("Empty"), Value::Class(queue_exc("Empty")));
    m.set(intern("Full"), Value::Class(queue_exc("Full")));
    Value::Module(m)
}

/// The `threading` module: only what processes share with threads, the barrier's error.
pub fn create_threading_module() -> Value {
    let m = Rc::new(ModuleObj::new("threading", 0));
    m.set(intern("__name__"), Value::str("threading"));
    m.set(
        intern("BrokenBarrierError"),
        Value::Class(broken_barrier_class()),
    );
    Value::Module(m)
}

/// `threading.BrokenBarrierError`, made once.
pub fn broken_barrier_class() -> Rc<Class> {
    thread_local! {
        static C: Rc<Class> = {
            let base = crate::interp::types::types().exc("RuntimeError");
            crate::interp::types::new_class("BrokenBarrierError", "BrokenBarrierError", "threading", vec![base], Namespace::default(), TypeKind::Exception, false)
        };
    }
    C.with(|c| c.clone())
}

/// `_managed(make, *args)`: `make(*args)` with its shared memory attachable, for a
/// manager's locks, queues and events, which processes started before them may
/// receive.
fn managed(interp: &mut Interp, args: &[Value], kw: crate::value::Kwargs) -> PyResult<Value> {
    let (make, rest) = args
        .split_first()
        .ok_or_else(|| type_error("_managed() needs the object's constructor"))?;
    shm::attachable(|| interp.call(make, rest.to_vec(), kw))
}

/// The `_mp` module: primitives in Rust for the dialect's `multiprocessing`.
pub fn create_module(_interp: &mut Interp) -> Value {
    let m = Rc::new(ModuleObj::new("_mp", 0));
    let f: &[(&'static str, crate::value::NativeFn)] = &[
        ("_fork", process::fork),
        ("_waitpid", process::waitpid),
        ("_wait_sentinel", process::wait_sentinel),
        ("_close_fd", process::close_fd),
        ("_kill", process::kill),
        ("_exit_child", process::exit_child),
        ("_print_exception", process::print_exception),
        ("_getpid", process::getpid),
        ("_getppid", process::getppid),
        ("cpu_count", process::cpu_count),
        ("_register_exit", process::register_exit),
        ("_die_of_sigint", process::die_of_sigint),
        ("_sigint_received", process::sigint_received),
        ("_write_stderr", process::write_stderr),
        ("_wait_any", process::wait_any),
        ("_listen", connection::listen),
        ("_accept", connection::accept),
        ("_connect", connection::connect),
        ("_set_pump", process::set_pump),
        ("_monotonic", process::monotonic),
        ("_isatty", process::isatty),
        ("_format_exception", process::format_exception),
        ("_dumps", codec::dumps),
        ("_loads", codec::loads),
        ("_managed", managed),
        ("Lock", sync::new_lock),
        ("RLock", sync::new_rlock),
        ("Semaphore", sync::new_semaphore),
        ("BoundedSemaphore", sync::new_bounded_semaphore),
        ("Event", sync::new_event),
        ("Condition", sync::new_condition),
        ("Barrier", sync::new_barrier),
        ("Value", sharedctypes::new_value),
        ("RawValue", sharedctypes::new_raw_value),
        ("Array", sharedctypes::new_array),
        ("RawArray", sharedctypes::new_raw_array),
        ("Pipe", connection::pipe),
        ("Queue", queue::new_queue),
        ("SimpleQueue", queue::new_simple_queue),
        ("JoinableQueue", queue::new_joinable_queue),
    ];
    for (name, func) in f {
        m.set(intern(name), native(name, *func));
    }
    m.set(intern("__name__"), Value::str("_mp"));
    m.set(
        intern("BrokenBarrierError"),
        Value::Class(broken_barrier_class()),
    );
    codec::set_shared_addr(shared_addr);
    Value::Module(m)
}
