// Synchronization across processes: Lock, RLock, Semaphore, BoundedSemaphore, Event,
// Condition and Barrier, each a few words of shared memory with CPython's API.

use super::block::{self, Wait, WaitOn, Woken};
use super::futex::{my_pid, Mutex, Semaphore as Sem};
use super::shm::Region;
use super::{is_nan, nan_wait, native_class, sync_timeout, this};
use crate::builtins::functions::take_kw;
use crate::intern::intern;
use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

/// Lock and RLock: a robust futex mutex.
pub struct Lock {
    region: Region,
    pub recursive: bool,
}

impl Lock {
    pub fn new(recursive: bool) -> PyResult<Lock> {
        Ok(Lock {
            region: Region::new(std::mem::size_of::<Mutex>())?,
            recursive,
        })
    }
    pub fn mutex(&self) -> &Mutex {
        self.region.header()
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// A manager's lock made by another process, mapped here.
    pub fn attached(region: Region, recursive: bool) -> Value {
        super::shared_value(crate::value::new_obj(Lock { region, recursive }))
    }

    pub fn acquire(
        &self,
        interp: &mut Interp,
        deadline: Option<Instant>,
        block: bool,
    ) -> PyResult<bool> {
        let m = self.mutex();
        if self.recursive && m.is_mine() {
            m.count.fetch_add(1, Ordering::Relaxed);
            return Ok(true);
        }
        let ok = if block {
            m.acquire(
                interp,
                if self.recursive {
                    "RLock.acquire"
                } else {
                    "Lock.acquire"
                },
                deadline,
            )?
        } else {
            m.try_acquire()
        };
        if ok && self.recursive {
            m.count.store(1, Ordering::Relaxed);
        }
        Ok(ok)
    }

    pub fn release(&self) -> PyResult<()> {
        let m = self.mutex();
        if self.recursive {
            if !m.is_mine() {
                return Err(exc_msg(
                    "AssertionError",
                    "attempt to release recursive lock not owned by thread",
                ));
            }
            if m.count.fetch_sub(1, Ordering::Relaxed) > 1 {
                return Ok(());
            }
        } else if !m.is_locked() {
            return Err(value_error("semaphore or lock released too many times"));
        }
        m.release();
        Ok(())
    }

    /// Releases completely, returning the recursion depth to restore later.
    fn release_all(&self) -> u32 {
        let m = self.mutex();
        let depth = if self.recursive {
            m.count.swap(0, Ordering::Relaxed)
        } else {
            1
        };
        m.release();
        depth
    }

    fn restore(&self, depth: u32) {
        if self.recursive {
            self.mutex().count.store(depth, Ordering::Relaxed);
        }
    }
}

fn current_process_name(interp: &mut Interp) -> String {
    let m = match interp.modules.get("multiprocessing") {
        Some(m) => m.clone(),
        None => return "MainProcess".into(),
    };
    interp
        .getattr(&m, intern("_current_process"))
        .and_then(|p| interp.getattr(&p, intern("_name")))
        .and_then(|n| interp.str(&n))
        .unwrap_or_else(|_| "MainProcess".into())
}

impl NativeObject for Lock {
    fn class(&self) -> Rc<Class> {
        native_class(
            if self.recursive { "RLock" } else { "Lock" },
            "multiprocessing.synchronize",
            LOCK_METHODS,
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let m = self.mutex();
        let owner = if m.is_mine() {
            current_process_name(interp)
        } else if !m.is_locked() {
            "None".into()
        } else {
            "SomeOtherProcess".into()
        };
        Ok(if self.recursive {
            let count = if m.is_locked() {
                m.count.load(Ordering::Relaxed)
            } else {
                0
            };
            let count = if m.is_locked() && !m.is_mine() {
                "nonzero".to_string()
            } else {
                count.to_string()
            };
            format!("<RLock({}, {})>", owner, count)
        } else {
            format!("<Lock(owner={})>", owner)
        })
    }
}

/// How an `acquire` may wait: without `block`, or with a NaN timeout, it only tries.
struct Acquire {
    block: bool,
    nan: bool,
    deadline: Option<Instant>,
}

impl Acquire {
    fn waits(&self) -> bool {
        self.block && !self.nan
    }

    /// What acquire returns after taking (`got`) or not: a NaN timeout that would
    /// have had to wait is refused.
    fn result(&self, got: bool) -> PyResult<Value> {
        if self.block && self.nan && !got {
            return Err(nan_wait());
        }
        Ok(Value::Bool(got))
    }
}

/// `acquire(block=True, timeout=None)` of CPython's semaphore-based locks (a C method:
/// its messages are C's; threading's `blocking=` is not among its keywords).
fn acquire_args(interp: &Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Acquire> {
    let block = take_kw(&mut kw, "block").or_else(|| args.get(1).cloned());
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(2).cloned());
    crate::builtins::functions::reject_unknown_kw("acquire", &kw)?;
    if args.len() > 3 {
        return Err(type_error(format!(
            "acquire() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let block = !matches!(block, Some(Value::Bool(false)) | Some(Value::Int(0)));
    let timeout = match timeout {
        Some(t @ (Value::None | Value::Int(_) | Value::Float(_) | Value::Bool(_))) => {
            sync_timeout(&t)?
        }
        Some(other) => {
            return Err(type_error(format!(
                "must be real number, not {}",
                interp.type_name(&other)
            )))
        }
        None => None,
    };
    Ok(Acquire {
        block,
        nan: is_nan(timeout),
        deadline: block::deadline(timeout),
    })
}

fn lock_acquire(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l: &Lock = this(args)?;
    let a = acquire_args(interp, args, kw)?;
    let got = l.acquire(interp, a.deadline, a.waits())?;
    a.result(got)
}

/// `SemLock.release()`, a C method without arguments: an extra one must not release.
fn no_release_args(args: &[Value], kw: &Kwargs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error("SemLock.release() takes no keyword arguments"));
    }
    crate::builtins::functions::arity("SemLock.release", args.get(1..).unwrap_or(&[]), 0, 0)
}

fn lock_release(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_release_args(args, &kw)?;
    lock_exit(interp, args, kw)
}

fn lock_enter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let l: &Lock = this(args)?;
    Ok(Value::Bool(l.acquire(interp, None, true)?))
}

/// `__exit__` (given the exception's three parts) and the release behind `release()`.
fn lock_exit(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let l: &Lock = this(args)?;
    l.release()?;
    Ok(Value::None)
}

const LOCK_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("acquire", lock_acquire),
    ("release", lock_release),
    ("__enter__", lock_enter),
    ("__exit__", lock_exit),
];

pub fn new_lock(_interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::factory_args("Lock", args, &kw, 0)?;
    Ok(super::shared_value(crate::value::new_obj(Lock::new(
        false,
    )?)))
}

pub fn new_rlock(_interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::factory_args("RLock", args, &kw, 0)?;
    Ok(super::shared_value(crate::value::new_obj(Lock::new(true)?)))
}

// ---------------------------------------------------------------- Semaphore

pub struct Semaphore {
    region: Region,
    /// Some(max) for a BoundedSemaphore.
    bound: Option<u32>,
}

impl Semaphore {
    fn sem(&self) -> &Sem {
        self.region.header()
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    pub fn bound(&self) -> Option<u32> {
        self.bound
    }
    /// A manager's semaphore made by another process, mapped here.
    pub fn attached(region: Region, bound: Option<u32>) -> Value {
        super::shared_value(crate::value::new_obj(Semaphore { region, bound }))
    }
}

impl NativeObject for Semaphore {
    fn class(&self) -> Rc<Class> {
        native_class(
            if self.bound.is_some() {
                "BoundedSemaphore"
            } else {
                "Semaphore"
            },
            "multiprocessing.synchronize",
            SEM_METHODS,
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let v = self.sem().value.load(Ordering::Relaxed);
        Ok(match self.bound {
            Some(m) => format!("<BoundedSemaphore(value={}, maxvalue={})>", v, m),
            None => format!("<Semaphore(value={})>", v),
        })
    }
}

fn sem_acquire(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s: &Semaphore = this(args)?;
    let a = acquire_args(interp, args, kw)?;
    let got = if a.waits() {
        s.sem().acquire(interp, "Semaphore.acquire", a.deadline)?
    } else {
        s.sem().try_acquire()
    };
    a.result(got)
}

fn sem_release(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_release_args(args, &kw)?;
    sem_exit(interp, args, kw)
}

/// `__exit__` (given the exception's three parts) and the release behind `release()`.
fn sem_exit(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Semaphore = this(args)?;
    let max = s.bound.unwrap_or(SEM_VALUE_MAX);
    if s.sem().value.load(Ordering::SeqCst) >= max {
        return Err(value_error("semaphore or lock released too many times"));
    }
    s.sem().release(1);
    Ok(Value::None)
}

fn sem_enter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Semaphore = this(args)?;
    Ok(Value::Bool(s.sem().acquire(
        interp,
        "Semaphore.acquire",
        None,
    )?))
}

fn sem_get_value(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Semaphore = this(args)?;
    Ok(Value::Int(s.sem().value.load(Ordering::SeqCst) as i64))
}

const SEM_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("acquire", sem_acquire),
    ("release", sem_release),
    ("__enter__", sem_enter),
    ("__exit__", sem_exit),
    ("get_value", sem_get_value),
];

/// The largest value a semaphore holds (POSIX's SEM_VALUE_MAX on Linux, as CPython's).
const SEM_VALUE_MAX: u32 = i32::MAX as u32;

fn make_semaphore(
    interp: &Interp,
    args: &[Value],
    mut kw: Kwargs,
    bounded: bool,
) -> PyResult<Value> {
    let value = take_kw(&mut kw, "value")
        .or_else(|| args.first().cloned())
        .unwrap_or(Value::Int(1));
    let name = if bounded {
        "BoundedSemaphore"
    } else {
        "Semaphore"
    };
    super::factory_args(name, args, &kw, 1)?;
    let value = match value {
        Value::Int(i) if (0..=SEM_VALUE_MAX as i64).contains(&i) => i as u32,
        Value::Bool(b) => b as u32,
        // CPython's sem_open fails with EINVAL for a negative value.
        Value::Int(i) if i < 0 => {
            return Err(os_error("OSError", libc::EINVAL, "Invalid argument"))
        }
        Value::Int(_) | Value::BigInt(_) => {
            return Err(exc_msg(
                "OverflowError",
                "Python int too large to convert to C int",
            ))
        }
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(&other)
            )));
        }
    };
    let s = Semaphore {
        region: Region::new(std::mem::size_of::<Sem>())?,
        bound: bounded.then_some(value),
    };
    s.sem().value.store(value, Ordering::SeqCst);
    Ok(super::shared_value(crate::value::new_obj(s)))
}

pub fn new_semaphore(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    make_semaphore(interp, args, kw, false)
}

pub fn new_bounded_semaphore(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    make_semaphore(interp, args, kw, true)
}

// ---------------------------------------------------------------- Event

pub struct Event {
    region: Region,
}

impl Event {
    fn flag(&self) -> &AtomicU32 {
        self.region.header()
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// A manager's event made by another process, mapped here.
    pub fn attached(region: Region) -> Value {
        super::shared_value(crate::value::new_obj(Event { region }))
    }
}

impl NativeObject for Event {
    fn class(&self) -> Rc<Class> {
        native_class("Event", "multiprocessing.synchronize", EVENT_METHODS)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let state = if self.flag().load(Ordering::SeqCst) != 0 {
            "set"
        } else {
            "unset"
        };
        Ok(format!(
            "<Event at {:#x} {}>",
            self as *const _ as usize, state
        ))
    }
}

fn event_set(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let e: &Event = this(args)?;
    e.flag().store(1, Ordering::SeqCst);
    block::futex_wake(e.flag(), i32::MAX);
    Ok(Value::None)
}

fn event_clear(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let e: &Event = this(args)?;
    e.flag().store(0, Ordering::SeqCst);
    Ok(Value::None)
}

fn event_is_set(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let e: &Event = this(args)?;
    Ok(Value::Bool(e.flag().load(Ordering::SeqCst) != 0))
}

fn event_wait(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let e: &Event = this(args)?;
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(1).cloned());
    super::method_args("Event.wait", args, &kw, 1, 2)?;
    let timeout = match timeout {
        Some(t) => sync_timeout(&t)?,
        None => None,
    };
    let deadline = block::deadline(timeout);
    loop {
        if e.flag().load(Ordering::SeqCst) != 0 {
            return Ok(Value::Bool(true));
        }
        if is_nan(timeout) {
            return Err(nan_wait());
        }
        let r = block::wait(
            interp,
            Wait {
                what: "Event.wait",
                on: WaitOn::Futex {
                    word: e.flag(),
                    expected: 0,
                },
                deadline,
            },
        )?;
        if r == Woken::TimedOut {
            return Ok(Value::Bool(e.flag().load(Ordering::SeqCst) != 0));
        }
    }
}

const EVENT_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("set", event_set),
    ("clear", event_clear),
    ("is_set", event_is_set),
    ("wait", event_wait),
];

pub fn new_event(_interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::factory_args("Event", args, &kw, 0)?;
    Ok(super::shared_value(crate::value::new_obj(Event {
        region: Region::new(4)?,
    })))
}

// ---------------------------------------------------------------- Condition

pub struct Condition {
    region: Region,
    pub lock: Value,
}

impl Condition {
    fn seq(&self) -> &AtomicU32 {
        self.region.header()
    }
    fn lock(&self) -> PyResult<&Lock> {
        this(std::slice::from_ref(&self.lock))
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// A manager's condition made by another process, mapped here.
    pub fn attached(region: Region, lock: Value) -> Value {
        super::shared_value(crate::value::new_obj(Condition { region, lock }))
    }

    /// Waits for a notify until `timeout` (a NaN one is refused: a wait always blocks);
    /// the caller holds the lock. True unless it timed out.
    fn wait(&self, interp: &mut Interp, timeout: Option<f64>) -> PyResult<bool> {
        let lock = self.lock()?;
        if !lock.mutex().is_mine() {
            return Err(exc_msg(
                "AssertionError",
                "must acquire() condition before using wait()",
            ));
        }
        if is_nan(timeout) {
            return Err(nan_wait());
        }
        let deadline = block::deadline(timeout);
        let seen = self.seq().load(Ordering::SeqCst);
        let depth = lock.release_all();
        let r = block::wait(
            interp,
            Wait {
                what: "Condition.wait",
                on: WaitOn::Futex {
                    word: self.seq(),
                    expected: seen,
                },
                deadline,
            },
        );
        // Take the lock back even when interrupted, as `with` expects to release it.
        lock.mutex().acquire(interp, "Condition.wait", None)?;
        lock.restore(depth);
        Ok(r? == Woken::Ready)
    }
}

impl NativeObject for Condition {
    fn class(&self) -> Rc<Class> {
        native_class("Condition", "multiprocessing.synchronize", COND_METHODS)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let l = interp.repr(&self.lock)?;
        Ok(format!("<Condition({}, 0)>", l))
    }
}

fn cond_acquire(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    let a = acquire_args(interp, args, kw)?;
    let got = c.lock()?.acquire(interp, a.deadline, a.waits())?;
    a.result(got)
}

fn cond_release(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    c.lock()?.release()?;
    Ok(Value::None)
}

fn cond_enter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    Ok(Value::Bool(c.lock()?.acquire(interp, None, true)?))
}

fn cond_wait(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(1).cloned());
    super::method_args("Condition.wait", args, &kw, 1, 2)?;
    let timeout = match timeout {
        Some(t) => sync_timeout(&t)?,
        None => None,
    };
    Ok(Value::Bool(c.wait(interp, timeout)?))
}

fn cond_wait_for(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    let pred = take_kw(&mut kw, "predicate")
        .or_else(|| args.get(1).cloned())
        .ok_or_else(|| {
            type_error("wait_for() missing 1 required positional argument: 'predicate'")
        })?;
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(2).cloned());
    super::method_args("Condition.wait_for", args, &kw, 2, 3)?;
    let timeout = match timeout {
        Some(t) => sync_timeout(&t)?,
        None => None,
    };
    let deadline = block::deadline(timeout);
    loop {
        let r = interp.call(&pred, vec![], vec![])?;
        if interp.truthy(&r)? {
            return Ok(r);
        }
        if !is_nan(timeout) && deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(r);
        }
        // What is left of the timeout, as CPython's wait_for passes it on.
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()).as_secs_f64());
        c.wait(interp, if is_nan(timeout) { timeout } else { left })?;
    }
}

fn cond_notify_n(c: &Condition, n: i32) -> PyResult<Value> {
    if !c.lock()?.mutex().is_mine() {
        return Err(exc_msg("AssertionError", "lock is not owned"));
    }
    c.seq().fetch_add(1, Ordering::SeqCst);
    block::futex_wake(c.seq(), n);
    Ok(Value::None)
}

fn cond_notify(_interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Condition = this(args)?;
    let n = take_kw(&mut kw, "n").or_else(|| args.get(1).cloned());
    super::method_args("Condition.notify", args, &kw, 1, 2)?;
    let n = match n {
        Some(Value::Int(n)) => n.clamp(0, i32::MAX as i64) as i32,
        Some(_) => return Err(type_error("n must be an integer")),
        None => 1,
    };
    cond_notify_n(c, n)
}

fn cond_notify_all(_interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::method_args("Condition.notify_all", args, &kw, 1, 1)?;
    let c: &Condition = this(args)?;
    cond_notify_n(c, i32::MAX)
}

const COND_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("acquire", cond_acquire),
    ("release", cond_release),
    ("__enter__", cond_enter),
    ("__exit__", cond_release),
    ("wait", cond_wait),
    ("wait_for", cond_wait_for),
    ("notify", cond_notify),
    ("notify_all", cond_notify_all),
];

pub fn new_condition(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let lock = take_kw(&mut kw, "lock").or_else(|| args.first().cloned());
    super::factory_args("Condition", args, &kw, 1)?;
    let lock = match lock {
        None | Some(Value::None) => new_rlock(interp, &[], vec![])?,
        Some(l) => {
            this::<Lock>(std::slice::from_ref(&l))
                .map_err(|_| type_error("Condition() lock must be a Lock or RLock"))?;
            l
        }
    };
    Ok(super::shared_value(crate::value::new_obj(Condition {
        region: Region::new(4)?,
        lock,
    })))
}

// ---------------------------------------------------------------- Barrier

#[repr(C)]
struct BarrierState {
    mutex: Mutex,
    /// Processes waiting in the current generation.
    count: AtomicU32,
    generation: AtomicU32,
    /// The generation that last passed normally.
    passed: AtomicU32,
    broken: AtomicU32,
    /// Bumped on every change waiters must see (pass, break, reset).
    event: AtomicU32,
}

pub struct Barrier {
    region: Region,
    /// Any count CPython takes: more than the arrivals a u32 counts never all come.
    parties: u64,
    action: Value,
    timeout: Option<f64>,
}

impl Barrier {
    fn st(&self) -> &BarrierState {
        self.region.header()
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// Parties, action and default timeout.
    pub fn parts(&self) -> (u64, Value, Option<f64>) {
        (self.parties, self.action.clone(), self.timeout)
    }
    /// A manager's barrier made by another process, mapped here.
    pub fn attached(region: Region, parties: u64, action: Value, timeout: Option<f64>) -> Value {
        super::shared_value(crate::value::new_obj(Barrier {
            region,
            parties,
            action,
            timeout,
        }))
    }
    fn bump(&self) {
        self.st().event.fetch_add(1, Ordering::SeqCst);
        block::futex_wake(&self.st().event, i32::MAX);
    }
    fn break_locked(&self) {
        self.st().broken.store(1, Ordering::SeqCst);
        self.bump();
    }
}

fn broken_barrier() -> Exc {
    new_exception(super::broken_barrier_class(), vec![])
}

impl NativeObject for Barrier {
    fn class(&self) -> Rc<Class> {
        native_class("Barrier", "multiprocessing.synchronize", BARRIER_METHODS)
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let st = self.st();
        let at = self as *const _ as usize;
        Ok(if st.broken.load(Ordering::SeqCst) != 0 {
            format!("<multiprocessing.synchronize.Barrier at {:#x}: broken>", at)
        } else {
            format!(
                "<multiprocessing.synchronize.Barrier at {:#x}: waiters={}/{}>",
                at,
                st.count.load(Ordering::SeqCst),
                self.parties
            )
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interp,
        name: crate::intern::Symbol,
    ) -> PyResult<Option<Value>> {
        let st = self.st();
        Ok(match name.as_str() {
            "parties" => Some(Value::Int(self.parties as i64)),
            "n_waiting" => Some(Value::Int(if st.broken.load(Ordering::SeqCst) != 0 {
                0
            } else {
                st.count.load(Ordering::SeqCst) as i64
            })),
            "broken" => Some(Value::Bool(st.broken.load(Ordering::SeqCst) != 0)),
            _ => None,
        })
    }
}

fn barrier_wait(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let b: &Barrier = this(args)?;
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(1).cloned());
    super::method_args("Barrier.wait", args, &kw, 1, 2)?;
    let timeout = match timeout {
        Some(Value::None) | None => b.timeout,
        Some(t) => sync_timeout(&t)?,
    };
    let deadline = block::deadline(timeout);
    let st = b.st();
    st.mutex.acquire(interp, "Barrier.wait", None)?;
    if st.broken.load(Ordering::SeqCst) != 0 {
        st.mutex.release();
        return Err(broken_barrier());
    }
    let index = st.count.fetch_add(1, Ordering::SeqCst);
    if index as u64 + 1 == b.parties {
        if !b.action.is_none() {
            if let Err(e) = interp.call(&b.action, vec![], vec![]) {
                st.count.store(0, Ordering::SeqCst);
                b.break_locked();
                st.mutex.release();
                return Err(e);
            }
        }
        let g = st.generation.load(Ordering::SeqCst);
        st.passed.store(g.wrapping_add(1), Ordering::SeqCst);
        st.generation.store(g.wrapping_add(1), Ordering::SeqCst);
        st.count.store(0, Ordering::SeqCst);
        b.bump();
        st.mutex.release();
        return Ok(Value::Int(index as i64));
    }
    if is_nan(timeout) {
        // It must wait for the others: refused, leaving the barrier as it was (in
        // CPython the error passes through the wait without breaking it).
        st.count.fetch_sub(1, Ordering::SeqCst);
        st.mutex.release();
        return Err(nan_wait());
    }
    let gen = st.generation.load(Ordering::SeqCst);
    loop {
        let seen = st.event.load(Ordering::SeqCst);
        st.mutex.release();
        let r = block::wait(
            interp,
            Wait {
                what: "Barrier.wait",
                on: WaitOn::Futex {
                    word: &st.event,
                    expected: seen,
                },
                deadline,
            },
        );
        st.mutex.acquire(interp, "Barrier.wait", None)?;
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                st.count.fetch_sub(1, Ordering::SeqCst);
                b.break_locked();
                st.mutex.release();
                return Err(e);
            }
        };
        if st.generation.load(Ordering::SeqCst) != gen {
            let passed = st.passed.load(Ordering::SeqCst) == gen.wrapping_add(1);
            st.mutex.release();
            return if passed {
                Ok(Value::Int(index as i64))
            } else {
                Err(broken_barrier())
            };
        }
        if st.broken.load(Ordering::SeqCst) != 0 {
            st.count.fetch_sub(1, Ordering::SeqCst);
            st.mutex.release();
            return Err(broken_barrier());
        }
        if r == Woken::TimedOut {
            st.count.fetch_sub(1, Ordering::SeqCst);
            b.break_locked();
            st.mutex.release();
            return Err(broken_barrier());
        }
    }
}

fn barrier_abort(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let b: &Barrier = this(args)?;
    b.st().mutex.acquire(interp, "Barrier.abort", None)?;
    b.break_locked();
    b.st().mutex.release();
    Ok(Value::None)
}

fn barrier_reset(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let b: &Barrier = this(args)?;
    let st = b.st();
    st.mutex.acquire(interp, "Barrier.reset", None)?;
    // Waiters of the old generation see it end without passing: BrokenBarrierError.
    st.generation.fetch_add(1, Ordering::SeqCst);
    st.count.store(0, Ordering::SeqCst);
    st.broken.store(0, Ordering::SeqCst);
    b.bump();
    st.mutex.release();
    Ok(Value::None)
}

const BARRIER_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("wait", barrier_wait),
    ("abort", barrier_abort),
    ("reset", barrier_reset),
];

pub fn new_barrier(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let parties = take_kw(&mut kw, "parties").or_else(|| args.first().cloned());
    let action = take_kw(&mut kw, "action")
        .or_else(|| args.get(1).cloned())
        .unwrap_or(Value::None);
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(2).cloned());
    super::factory_args("Barrier", args, &kw, 3)?;
    let parties = match parties {
        Some(Value::Int(n)) if n >= 1 => n as u64,
        Some(Value::Bool(true)) => 1,
        Some(Value::Int(_) | Value::Bool(false)) => return Err(value_error("parties must be > 0")),
        Some(Value::BigInt(n)) => u64::try_from(&*n)
            .map_err(|_| exc_msg("OverflowError", "Python int too large to convert to C long"))?,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(&other)
            )))
        }
        None => return Err(type_error("Barrier() missing required argument 'parties'")),
    };
    let timeout = match timeout {
        Some(t) => sync_timeout(&t)?,
        None => None,
    };
    Ok(super::shared_value(crate::value::new_obj(Barrier {
        region: Region::new(std::mem::size_of::<BarrierState>())?,
        parties,
        action,
        timeout,
    })))
}

/// The recursion owner check used by `Condition` users and the tests.
pub fn lock_is_mine(v: &Value) -> bool {
    this::<Lock>(std::slice::from_ref(v))
        .map(|l| l.mutex().owner.load(Ordering::Relaxed) == my_pid())
        .unwrap_or(false)
}
