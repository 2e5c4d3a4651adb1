// Pipe() and Connection: framed messages over a socketpair (duplex) or a pipe,
// non-blocking descriptors whose waits all go through `block::wait`.

use super::block::{self, Wait, WaitOn, Woken};
use super::{codec, native_class, this, timeout_arg};
use crate::builtins::functions::{io_error, take_kw};
use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Connection {
    fd: Cell<i32>,
    readable: bool,
    writable: bool,
    /// Bytes read but not yet returned (a partial or a following message).
    inbuf: RefCell<Vec<u8>>,
    /// Where the first unreturned byte of `inbuf` is (taken frames are dropped lazily).
    inpos: Cell<usize>,
}

fn set_nonblocking(fd: i32) {
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
    }
}

fn closed() -> Exc {
    exc_msg("OSError", "handle is closed")
}

impl Connection {
    fn new(fd: i32, readable: bool, writable: bool) -> Connection {
        set_nonblocking(fd);
        Connection {
            fd: Cell::new(fd),
            readable,
            writable,
            inbuf: RefCell::new(Vec::new()),
            inpos: Cell::new(0),
        }
    }

    fn fd(&self) -> PyResult<i32> {
        match self.fd.get() {
            -1 => Err(closed()),
            fd => Ok(fd),
        }
    }

    /// Writes a whole frame, waiting while the channel is full.
    pub fn send_frame(&self, interp: &mut Interp, payload: &[u8]) -> PyResult<()> {
        let fd = self.fd()?;
        if !self.writable {
            return Err(exc_msg("OSError", "connection is read-only"));
        }
        let mut frame = Vec::with_capacity(payload.len() + 4);
        frame.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        frame.extend_from_slice(payload);
        let _ = crate::output::flush_stdout();
        let mut off = 0;
        while off < frame.len() {
            let n = unsafe {
                libc::write(
                    fd,
                    frame[off..].as_ptr() as *const libc::c_void,
                    frame.len() - off,
                )
            };
            if n >= 0 {
                off += n as usize;
                continue;
            }
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EAGAIN) => {
                    block::wait(
                        interp,
                        Wait {
                            what: "Connection.send",
                            on: WaitOn::Writable(fd),
                            deadline: None,
                        },
                    )?;
                }
                Some(libc::EINTR) => interp.check_signals()?,
                _ => return Err(io_error(e)),
            }
        }
        Ok(())
    }

    /// A complete frame already buffered, if any.
    fn take_frame(&self) -> Option<Vec<u8>> {
        let mut buf = self.inbuf.borrow_mut();
        let pos = self.inpos.get();
        let avail = &buf[pos..];
        if avail.len() < 4 {
            return None;
        }
        let n = u32::from_le_bytes([avail[0], avail[1], avail[2], avail[3]]) as usize;
        if avail.len() < 4 + n {
            return None;
        }
        let frame = avail[4..4 + n].to_vec();
        let pos = pos + 4 + n;
        if pos == buf.len() {
            buf.clear();
            self.inpos.set(0);
        } else {
            self.inpos.set(pos);
        }
        Some(frame)
    }

    /// Reads what is available; Ok(false) at end of file.
    fn fill(&self) -> PyResult<Option<bool>> {
        let fd = self.fd()?;
        // Read straight into the buffer's spare room (no zeroed scratch buffer per read).
        let mut buf = self.inbuf.borrow_mut();
        let pos = self.inpos.replace(0);
        if pos > 0 {
            buf.drain(..pos);
        }
        buf.reserve(1 << 16);
        let len = buf.len();
        let room = buf.capacity() - len;
        // SAFETY: the kernel writes at most `room` bytes into the reserved capacity,
        // and the length grows only by what it wrote.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().add(len) as *mut libc::c_void, room) };
        if n > 0 {
            unsafe { buf.set_len(len + n as usize) };
            return Ok(Some(true));
        }
        drop(buf);
        if n == 0 {
            return Ok(Some(false));
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(None),
            _ => Err(io_error(e)),
        }
    }

    /// Receives one frame; EOFError when every writer has closed.
    pub fn recv_frame(&self, interp: &mut Interp) -> PyResult<Vec<u8>> {
        if !self.readable {
            return Err(exc_msg("OSError", "connection is write-only"));
        }
        loop {
            if let Some(f) = self.take_frame() {
                return Ok(f);
            }
            match self.fill()? {
                Some(true) => {}
                Some(false) => {
                    // The writer ended part way through a message (it was killed).
                    if self.inbuf.borrow().len() > self.inpos.get() {
                        return Err(exc_msg("OSError", "got end of file during message"));
                    }
                    return Err(new_exception(
                        crate::interp::types::types().exc("EOFError"),
                        vec![],
                    ));
                }
                None => {
                    let fd = self.fd()?;
                    block::wait(
                        interp,
                        Wait {
                            what: "Connection.recv",
                            on: WaitOn::Readable(fd),
                            deadline: None,
                        },
                    )?;
                }
            }
        }
    }

    fn poll(&self, interp: &mut Interp, timeout: Option<f64>) -> PyResult<bool> {
        let fd = self.fd()?;
        if !self.readable {
            return Err(exc_msg("OSError", "connection is write-only"));
        }
        if self.take_frame_ready() {
            return Ok(true);
        }
        let r = block::wait(
            interp,
            Wait {
                what: "Connection.poll",
                on: WaitOn::Readable(fd),
                deadline: block::deadline(Some(timeout.unwrap_or(0.0))),
            },
        )?;
        if timeout.is_none() && r == Woken::TimedOut {
            // poll() without a timeout returns at once.
            return Ok(false);
        }
        Ok(r == Woken::Ready)
    }

    fn take_frame_ready(&self) -> bool {
        let buf = self.inbuf.borrow();
        let buf = &buf[self.inpos.get()..];
        buf.len() >= 4
            && buf.len() >= 4 + u32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]) as usize
    }

    fn close(&self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            unsafe { libc::close(fd) };
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.close();
    }
}

impl NativeObject for Connection {
    fn class(&self) -> Rc<Class> {
        native_class("Connection", "multiprocessing.connection", CONN_METHODS)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok(match name.as_str() {
            "closed" => Some(Value::Bool(self.fd.get() == -1)),
            "readable" => Some(Value::Bool(self.readable)),
            "writable" => Some(Value::Bool(self.writable)),
            _ => None,
        })
    }
}

fn c_send(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    let obj = take_kw(&mut kw, "obj").or_else(|| args.get(1).cloned());
    super::method_args("_ConnectionBase.send", args, &kw, 2, 2)?;
    c.fd()?;
    let obj = obj.ok_or_else(|| {
        type_error("_ConnectionBase.send() missing 1 required positional argument: 'obj'")
    })?;
    let bytes = codec::encode(interp, &obj)?;
    c.send_frame(interp, &bytes)?;
    Ok(Value::None)
}

fn c_recv(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    super::method_args("_ConnectionBase.recv", args, &kw, 1, 1)?;
    let frame = c.recv_frame(interp)?;
    codec::decode(interp, &frame)
}

fn c_send_bytes(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    let buf = take_kw(&mut kw, "buf").or_else(|| args.get(1).cloned());
    let offset = take_kw(&mut kw, "offset").or_else(|| args.get(2).cloned());
    let size = take_kw(&mut kw, "size").or_else(|| args.get(3).cloned());
    super::method_args("_ConnectionBase.send_bytes", args, &kw, 2, 4)?;
    match &buf {
        Some(Value::Bytes(b)) => {
            let b = b.clone();
            // `send_bytes(buf, offset=0, size=None)` with CPython's checks.
            let n = b.len() as i64;
            let offset = match &offset {
                Some(v) => interp.to_index(v, "offset")?,
                None => 0,
            };
            if offset < 0 {
                return Err(value_error("offset is negative"));
            }
            if n < offset {
                return Err(value_error("buffer length < offset"));
            }
            let size = match &size {
                Some(Value::None) | None => n - offset,
                Some(v) => interp.to_index(v, "size")?,
            };
            if size < 0 {
                return Err(value_error("size is negative"));
            }
            if size > n - offset {
                return Err(value_error("buffer length < offset + size"));
            }
            if offset == 0 && size == n {
                c.send_frame(interp, &b)?;
            } else {
                c.send_frame(interp, &b[offset as usize..(offset + size) as usize])?;
            }
            Ok(Value::None)
        }
        Some(other) => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(other)
        ))),
        None => Err(type_error(
            "send_bytes() missing 1 required positional argument: 'buf'",
        )),
    }
}

/// `recv_bytes(maxlength=None)`: a message longer than `maxlength` is refused and the
/// connection closed, as in CPython.
fn c_recv_bytes(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    let maxlength = take_kw(&mut kw, "maxlength").or_else(|| args.get(1).cloned());
    super::method_args("_ConnectionBase.recv_bytes", args, &kw, 1, 2)?;
    let maxlength = match maxlength {
        None | Some(Value::None) => None,
        Some(v) => Some(interp.to_index(&v, "maxlength")?),
    };
    if maxlength.is_some_and(|m| m < 0) {
        return Err(value_error("negative maxlength"));
    }
    let frame = c.recv_frame(interp)?;
    if maxlength.is_some_and(|m| frame.len() as i64 > m) {
        c.close();
        return Err(exc_msg("OSError", "bad message length"));
    }
    Ok(Value::Bytes(Rc::new(frame)))
}

fn c_poll(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    let timeout = take_kw(&mut kw, "timeout").or_else(|| args.get(1).cloned());
    super::method_args("_ConnectionBase.poll", args, &kw, 1, 2)?;
    let timeout = match timeout {
        Some(t) => match timeout_arg(&t)? {
            Some(x) => Some(x),
            None => Some(f64::MAX / 4.0),
        },
        None => None,
    };
    Ok(Value::Bool(c.poll(interp, timeout)?))
}

fn c_close(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    c.close();
    Ok(Value::None)
}

fn c_fileno(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let c: &Connection = this(args)?;
    Ok(Value::Int(c.fd()? as i64))
}

fn c_enter(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(args[0].clone())
}

const CONN_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("send", c_send),
    ("recv", c_recv),
    ("send_bytes", c_send_bytes),
    ("recv_bytes", c_recv_bytes),
    ("poll", c_poll),
    ("close", c_close),
    ("fileno", c_fileno),
    ("__enter__", c_enter),
    ("__exit__", c_close),
];

/// `Pipe(duplex=True)`: two connected Connections.
pub fn pipe(_interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let duplex = take_kw(&mut kw, "duplex").or_else(|| args.first().cloned());
    super::factory_args("Pipe", args, &kw, 1)?;
    let duplex = match duplex {
        Some(Value::Bool(b)) => b,
        Some(Value::Int(i)) => i != 0,
        _ => true,
    };
    let mut fds = [0i32; 2];
    let (a, b) = if duplex {
        if unsafe {
            libc::socketpair(
                libc::AF_UNIX,
                libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
                0,
                fds.as_mut_ptr(),
            )
        } != 0
        {
            return Err(io_error(std::io::Error::last_os_error()));
        }
        (
            Connection::new(fds[0], true, true),
            Connection::new(fds[1], true, true),
        )
    } else {
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return Err(io_error(std::io::Error::last_os_error()));
        }
        (
            Connection::new(fds[0], true, false),
            Connection::new(fds[1], false, true),
        )
    };
    Ok(Value::tuple(vec![
        Value::Object(crate::value::new_obj(a)),
        Value::Object(crate::value::new_obj(b)),
    ]))
}

/// The read end of a pipe as a Connection that owns it: a child's sentinel, which
/// stays open (and readable once the child ended) until its Process is closed or freed.
pub fn reader(fd: i32) -> Value {
    Value::Object(crate::value::new_obj(Connection::new(fd, true, false)))
}

/// `_listen()`: a listening UNIX socket in the abstract namespace: `(fd, address)`.
pub fn listen(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "spindle-{}-{}",
        unsafe { libc::getpid() },
        N.fetch_add(1, Ordering::Relaxed)
    );
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io_error(std::io::Error::last_os_error()));
    }
    let (addr, len) = abstract_addr(&name);
    let ok = unsafe {
        libc::bind(
            fd,
            &addr as *const libc::sockaddr_un as *const libc::sockaddr,
            len,
        ) == 0
            && libc::listen(fd, 128) == 0
    };
    if !ok {
        let e = std::io::Error::last_os_error();
        unsafe { libc::close(fd) };
        return Err(io_error(e));
    }
    set_nonblocking(fd);
    Ok(Value::tuple(vec![
        Value::Int(fd as i64),
        Value::string(name),
    ]))
}

fn abstract_addr(name: &str) -> (libc::sockaddr_un, libc::socklen_t) {
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    // A leading NUL puts the name in the abstract namespace: no file to clean up.
    for (i, b) in name.bytes().enumerate().take(100) {
        addr.sun_path[i + 1] = b as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sa_family_t>() + 1 + name.len().min(100);
    (addr, len as libc::socklen_t)
}

/// `_accept(fd)`: the next connection on a listening socket, or None.
pub fn accept(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let fd = match args.first() {
        Some(Value::Int(i)) => *i as i32,
        _ => return Err(type_error("_accept(fd)")),
    };
    let c = unsafe {
        libc::accept4(
            fd,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            libc::SOCK_CLOEXEC,
        )
    };
    if c < 0 {
        return Ok(Value::None);
    }
    Ok(Value::Object(crate::value::new_obj(Connection::new(
        c, true, true,
    ))))
}

/// `_connect(address)`: a Connection to a `_listen` socket.
pub fn connect(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(type_error("_connect(address)")),
    };
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io_error(std::io::Error::last_os_error()));
    }
    let (addr, len) = abstract_addr(&name);
    if unsafe {
        libc::connect(
            fd,
            &addr as *const libc::sockaddr_un as *const libc::sockaddr,
            len,
        )
    } != 0
    {
        let e = std::io::Error::last_os_error();
        unsafe { libc::close(fd) };
        let _ = interp;
        return Err(exc_msg(
            "ConnectionRefusedError",
            format!(
                "[Errno {}] {}",
                e.raw_os_error().unwrap_or(0),
                "Connection refused"
            ),
        ));
    }
    Ok(Value::Object(crate::value::new_obj(Connection::new(
        fd, true, true,
    ))))
}
