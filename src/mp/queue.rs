// Queue, SimpleQueue and JoinableQueue across processes, without a feeder thread.
//
// Items live in an in-memory file shared by every process forked after the queue was
// made; a header in shared memory holds the read and write offsets, the item count
// (a futex word both getters and bounded putters wait on) and a robust mutex. A put
// never waits for a reader, so a process can exit with items still queued and
// nothing is lost.

use super::block::{self, Wait, WaitOn, Woken};
use super::futex::Mutex;
use super::shm::Region;
use super::{codec, native_class, this};
use crate::builtins::functions::{io_error, take_kw};
use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

#[repr(C)]
struct Header {
    mutex: Mutex,
    count: AtomicU32,
    unfinished: AtomicU32,
    head: AtomicU64,
    tail: AtomicU64,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, bincode::Encode, bincode::Decode)]
pub enum Kind {
    Queue,
    Simple,
    Joinable,
}

pub struct Queue {
    region: Region,
    file: i32,
    /// The items file's descriptor in the process that made the queue (for a
    /// manager's queue, which another process may open from there).
    origin_file: i32,
    maxsize: u32,
    kind: Kind,
    closed: Cell<bool>,
}

fn empty_exc() -> Exc {
    new_exception(super::queue_exc("Empty"), vec![])
}
fn full_exc() -> Exc {
    new_exception(super::queue_exc("Full"), vec![])
}

impl Queue {
    fn h(&self) -> &Header {
        self.region.header()
    }
    pub fn addr(&self) -> usize {
        self.region.addr()
    }
    pub fn region(&self) -> &Region {
        &self.region
    }
    /// The items file's descriptor where the queue was made, its size and kind.
    pub fn parts(&self) -> (i32, u32, Kind) {
        (self.origin_file, self.maxsize, self.kind)
    }

    fn check_closed(&self, interp: &mut Interp, me: &Value) -> PyResult<()> {
        if self.closed.get() {
            if self.kind == Kind::Simple {
                // CPython's SimpleQueue uses its closed pipe, which says so.
                return Err(exc_msg("OSError", "handle is closed"));
            }
            let r = interp.repr(me)?;
            return Err(value_error(format!("Queue {} is closed", r)));
        }
        Ok(())
    }

    /// The class that defines `method` in CPython, for argument errors.
    fn owner(&self, method: &str) -> &'static str {
        match (self.kind, method) {
            (Kind::Simple, _) => "SimpleQueue",
            (Kind::Joinable, "put") => "JoinableQueue",
            _ => "Queue",
        }
    }

    fn pwrite_all(&self, data: &[u8], mut off: u64) -> PyResult<()> {
        let mut done = 0;
        while done < data.len() {
            let n = unsafe {
                libc::pwrite(
                    self.file,
                    data[done..].as_ptr() as *const libc::c_void,
                    data.len() - done,
                    off as libc::off_t,
                )
            };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(io_error(e));
            }
            done += n as usize;
            off += n as u64;
        }
        Ok(())
    }

    fn pread_exact(&self, buf: &mut [u8], mut off: u64) -> PyResult<()> {
        let mut done = 0;
        while done < buf.len() {
            let n = unsafe {
                libc::pread(
                    self.file,
                    buf[done..].as_mut_ptr() as *mut libc::c_void,
                    buf.len() - done,
                    off as libc::off_t,
                )
            };
            if n <= 0 {
                let e = std::io::Error::last_os_error();
                if n < 0 && e.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(exc_msg("OSError", "queue storage is damaged"));
            }
            done += n as usize;
            off += n as u64;
        }
        Ok(())
    }

    pub fn put(
        &self,
        interp: &mut Interp,
        payload: &[u8],
        block: bool,
        deadline: Option<std::time::Instant>,
    ) -> PyResult<()> {
        let h = self.h();
        loop {
            let c = h.count.load(Ordering::SeqCst);
            if self.maxsize == 0 || c < self.maxsize {
                break;
            }
            if !block {
                return Err(full_exc());
            }
            let r = block::wait(
                interp,
                Wait {
                    what: "Queue.put",
                    on: WaitOn::Futex {
                        word: &h.count,
                        expected: c,
                    },
                    deadline,
                },
            )?;
            if r == Woken::TimedOut && h.count.load(Ordering::SeqCst) >= self.maxsize {
                return Err(full_exc());
            }
        }
        self.append(interp, &[payload])
    }

    /// Puts every payload of `payloads` in order, holding the lock once and waking the
    /// readers once, when all are there (a pool submitting a map's tasks: the first
    /// woken worker may take the submitter's processor, and then the others must
    /// already find their tasks). Only for queues without a size limit.
    pub fn put_many(&self, interp: &mut Interp, payloads: &[Vec<u8>]) -> PyResult<()> {
        if self.maxsize != 0 {
            for p in payloads {
                self.put(interp, p, true, None)?;
            }
            return Ok(());
        }
        let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
        self.append(interp, &refs)
    }

    /// Writes `payloads` as frames at the tail, then wakes every waiter.
    fn append(&self, interp: &mut Interp, payloads: &[&[u8]]) -> PyResult<()> {
        if payloads.is_empty() {
            return Ok(());
        }
        let h = self.h();
        let size: usize = payloads.iter().map(|p| p.len() + 4).sum();
        let mut frames = Vec::with_capacity(size);
        for p in payloads {
            frames.extend_from_slice(&(p.len() as u32).to_le_bytes());
            frames.extend_from_slice(p);
        }
        let n = payloads.len() as u32;
        h.mutex.acquire(interp, "Queue.put", None)?;
        let tail = h.tail.load(Ordering::SeqCst);
        let r = self.pwrite_all(&frames, tail);
        if r.is_ok() {
            h.tail.store(tail + frames.len() as u64, Ordering::SeqCst);
            if self.kind == Kind::Joinable {
                h.unfinished.fetch_add(n, Ordering::SeqCst);
            }
            h.count.fetch_add(n, Ordering::SeqCst);
        }
        h.mutex.release();
        r?;
        block::futex_wake(&h.count, i32::MAX);
        Ok(())
    }

    pub fn get(
        &self,
        interp: &mut Interp,
        block: bool,
        deadline: Option<std::time::Instant>,
    ) -> PyResult<Vec<u8>> {
        let h = self.h();
        loop {
            if h.count.load(Ordering::SeqCst) > 0 {
                h.mutex.acquire(interp, "Queue.get", None)?;
                if h.count.load(Ordering::SeqCst) > 0 {
                    let head = h.head.load(Ordering::SeqCst);
                    let mut len = [0u8; 4];
                    let r = self.pread_exact(&mut len, head).and_then(|_| {
                        let n = u32::from_le_bytes(len) as usize;
                        let mut buf = vec![0u8; n];
                        self.pread_exact(&mut buf, head + 4).map(|_| buf)
                    });
                    if let Ok(buf) = &r {
                        let left = h.count.fetch_sub(1, Ordering::SeqCst) - 1;
                        if left == 0 {
                            // Drained: start the file over so it does not grow forever.
                            h.head.store(0, Ordering::SeqCst);
                            h.tail.store(0, Ordering::SeqCst);
                            unsafe { libc::ftruncate(self.file, 0) };
                        } else {
                            h.head.store(head + 4 + buf.len() as u64, Ordering::SeqCst);
                        }
                    }
                    h.mutex.release();
                    if self.maxsize > 0 {
                        block::futex_wake(&h.count, i32::MAX);
                    }
                    return r;
                }
                h.mutex.release();
            }
            if !block {
                return Err(empty_exc());
            }
            let r = block::wait(
                interp,
                Wait {
                    what: "Queue.get",
                    on: WaitOn::Futex {
                        word: &h.count,
                        expected: 0,
                    },
                    deadline,
                },
            )?;
            if r == Woken::TimedOut && h.count.load(Ordering::SeqCst) == 0 {
                return Err(empty_exc());
            }
        }
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        // A manager's queue keeps its items file open in the process that made it,
        // as its region stays in the arena: a process may still receive the queue.
        let made_here = self
            .region
            .origin()
            .is_some_and(|o| o.pid == super::futex::my_pid());
        if !(made_here && self.file == self.origin_file) {
            unsafe { libc::close(self.file) };
        }
    }
}

impl NativeObject for Queue {
    fn class(&self) -> Rc<Class> {
        match self.kind {
            Kind::Queue => native_class("Queue", "multiprocessing.queues", QUEUE_METHODS),
            Kind::Simple => native_class("SimpleQueue", "multiprocessing.queues", QUEUE_METHODS),
            Kind::Joinable => {
                native_class("JoinableQueue", "multiprocessing.queues", QUEUE_METHODS)
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<{}.{} object at {:#x}>",
            "multiprocessing.queues",
            self.class().name,
            self.addr()
        ))
    }
}

/// `put`/`get` arguments after the receiver and `first - 1` others: (block, deadline).
/// A SimpleQueue takes neither; a misspelt keyword is an error, not a wait forever.
fn block_args(
    q: &Queue,
    method: &str,
    args: &[Value],
    first: usize,
    kw: &mut Kwargs,
) -> PyResult<(bool, Option<std::time::Instant>, bool)> {
    let most = if q.kind == Kind::Simple {
        first
    } else {
        first + 2
    };
    let (block, timeout) = if q.kind == Kind::Simple {
        (None, None)
    } else {
        (
            take_kw(kw, "block").or_else(|| args.get(first).cloned()),
            take_kw(kw, "timeout").or_else(|| args.get(first + 1).cloned()),
        )
    };
    if args.len() > most || !kw.is_empty() {
        let name = format!("{}.{}", q.owner(method), method);
        super::method_args(&name, args, kw, first, most)?;
    }
    let block = !matches!(block, Some(Value::Bool(false)) | Some(Value::Int(0)));
    // A negative timeout is no wait at all, as in CPython's multiprocessing queues; a
    // call that does not block never looks at it.
    let timeout = match timeout {
        Some(t) if block => super::sync_timeout(&t)?,
        _ => None,
    };
    Ok((block, block::deadline(timeout), super::is_nan(timeout)))
}

fn q_put(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    q.check_closed(interp, &args[0])?;
    let obj = take_kw(&mut kw, "obj")
        .or_else(|| args.get(1).cloned())
        .ok_or_else(|| {
            type_error(format!(
                "{}.put() missing 1 required positional argument: 'obj'",
                q.owner("put")
            ))
        })?;
    let (block, deadline, nan) = block_args(q, "put", args, 2, &mut kw)?;
    let bytes = codec::encode(interp, &obj)?;
    if nan {
        // As CPython's semaphore: a NaN timeout only fails where the put must wait.
        return match q.put(interp, &bytes, false, None) {
            Err(e) if Rc::ptr_eq(&e.class(), &super::queue_exc("Full")) => Err(super::nan_wait()),
            r => r.map(|_| Value::None),
        };
    }
    q.put(interp, &bytes, block, deadline)?;
    Ok(Value::None)
}

/// `_put_many(items)`: puts the items of an iterable together (see `Queue::put_many`).
fn q_put_many(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    q.check_closed(interp, &args[0])?;
    let items = args
        .get(1)
        .ok_or_else(|| type_error("_put_many() missing 1 required positional argument: 'items'"))?;
    let items = interp.collect(items)?;
    let payloads = items
        .iter()
        .map(|x| codec::encode(interp, x))
        .collect::<PyResult<Vec<_>>>()?;
    q.put_many(interp, &payloads)?;
    Ok(Value::None)
}

fn q_put_nowait(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    super::method_args("Queue.put_nowait", args, &kw, 2, 2)?;
    q.check_closed(interp, &args[0])?;
    let obj = args
        .get(1)
        .ok_or_else(|| type_error("put_nowait() missing 1 required positional argument: 'obj'"))?;
    let bytes = codec::encode(interp, obj)?;
    q.put(interp, &bytes, false, None)?;
    Ok(Value::None)
}

fn q_get(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    q.check_closed(interp, &args[0])?;
    let (block, deadline, nan) = block_args(q, "get", args, 1, &mut kw)?;
    if nan {
        // CPython turns a blocking get's timeout into milliseconds first.
        return Err(value_error("cannot convert float NaN to integer"));
    }
    let bytes = q.get(interp, block, deadline)?;
    codec::decode(interp, &bytes)
}

fn q_get_nowait(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    super::method_args("Queue.get_nowait", args, &kw, 1, 1)?;
    q.check_closed(interp, &args[0])?;
    let bytes = q.get(interp, false, None)?;
    codec::decode(interp, &bytes)
}

fn q_qsize(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    Ok(Value::Int(q.h().count.load(Ordering::SeqCst) as i64))
}

fn q_empty(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    if q.kind == Kind::Simple {
        q.check_closed(interp, &args[0])?;
    }
    Ok(Value::Bool(q.h().count.load(Ordering::SeqCst) == 0))
}

fn q_full(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    Ok(Value::Bool(
        q.maxsize > 0 && q.h().count.load(Ordering::SeqCst) >= q.maxsize,
    ))
}

fn q_close(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let q: &Queue = this(args)?;
    q.closed.set(true);
    Ok(Value::None)
}

fn q_noop(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

fn q_task_done(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::method_args("JoinableQueue.task_done", args, &kw, 1, 1)?;
    let q: &Queue = this(args)?;
    if q.kind != Kind::Joinable {
        return Err(attribute_error(format!(
            "'{}' object has no attribute 'task_done'",
            q.class().name
        )));
    }
    let h = q.h();
    h.mutex.acquire(interp, "JoinableQueue.task_done", None)?;
    let u = h.unfinished.load(Ordering::SeqCst);
    if u == 0 {
        h.mutex.release();
        return Err(value_error("task_done() called too many times"));
    }
    h.unfinished.store(u - 1, Ordering::SeqCst);
    h.mutex.release();
    if u == 1 {
        block::futex_wake(&h.unfinished, i32::MAX);
    }
    Ok(Value::None)
}

fn q_join(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::method_args("JoinableQueue.join", args, &kw, 1, 1)?;
    let q: &Queue = this(args)?;
    if q.kind != Kind::Joinable {
        return Err(attribute_error(format!(
            "'{}' object has no attribute 'join'",
            q.class().name
        )));
    }
    let h = q.h();
    loop {
        let u = h.unfinished.load(Ordering::SeqCst);
        if u == 0 {
            return Ok(Value::None);
        }
        block::wait(
            interp,
            Wait {
                what: "JoinableQueue.join",
                on: WaitOn::Futex {
                    word: &h.unfinished,
                    expected: u,
                },
                deadline: None,
            },
        )?;
    }
}

const QUEUE_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("put", q_put),
    ("put_nowait", q_put_nowait),
    ("_put_many", q_put_many),
    ("get", q_get),
    ("get_nowait", q_get_nowait),
    ("qsize", q_qsize),
    ("empty", q_empty),
    ("full", q_full),
    ("close", q_close),
    ("join_thread", q_noop),
    ("cancel_join_thread", q_noop),
    ("task_done", q_task_done),
    ("join", q_join),
];

fn make(interp: &Interp, args: &[Value], mut kw: Kwargs, kind: Kind) -> PyResult<Value> {
    let maxsize = take_kw(&mut kw, "maxsize").or_else(|| args.first().cloned());
    let name = match kind {
        Kind::Queue => "Queue",
        Kind::Simple => "SimpleQueue",
        Kind::Joinable => "JoinableQueue",
    };
    super::factory_args(name, args, &kw, if kind == Kind::Simple { 0 } else { 1 })?;
    // As CPython: `maxsize <= 0` means no limit, and a positive one sizes a semaphore.
    let maxsize = match maxsize {
        Some(Value::Int(n)) if n > i32::MAX as i64 => {
            return Err(exc_msg(
                "OverflowError",
                "Python int too large to convert to C int",
            ))
        }
        Some(Value::Int(n)) if n > 0 => n as u32,
        Some(Value::Bool(b)) => b as u32,
        Some(Value::Int(_)) | None => 0,
        Some(Value::BigInt(n)) if n.sign() == num_bigint::Sign::Minus => 0,
        Some(Value::BigInt(_)) => {
            return Err(exc_msg(
                "OverflowError",
                "Python int too large to convert to C int",
            ))
        }
        Some(Value::Float(f)) if f <= 0.0 => 0,
        Some(Value::Float(_)) => {
            return Err(type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        Some(other) => {
            return Err(type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                interp.type_name(&other)
            )))
        }
    };
    let file = super::shm::memfd("spindle-queue")?;
    let region = Region::new(std::mem::size_of::<Header>()).inspect_err(|_| unsafe {
        libc::close(file);
    })?;
    let q = Queue {
        region,
        file,
        origin_file: file,
        maxsize,
        kind,
        closed: Cell::new(false),
    };
    Ok(super::shared_value(crate::value::new_obj(q)))
}

/// A manager's queue made by another process, mapped here.
pub fn attached(region: Region, origin_file: i32, maxsize: u32, kind: Kind) -> PyResult<Value> {
    let pid = region.origin().map_or(0, |o| o.pid);
    let file = super::shm::open_origin(pid, origin_file)?;
    let q = Queue {
        region,
        file,
        origin_file,
        maxsize,
        kind,
        closed: Cell::new(false),
    };
    Ok(super::shared_value(crate::value::new_obj(q)))
}

pub fn new_queue(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    make(interp, args, kw, Kind::Queue)
}
pub fn new_simple_queue(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    make(interp, args, kw, Kind::Simple)
}
pub fn new_joinable_queue(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    make(interp, args, kw, Kind::Joinable)
}
