// Real OS processes: fork with a sentinel pipe, waiting with a timeout, exit statuses,
// signals, and leaving a child cleanly. `multiprocessing.Process` (stdlib) is built on
// these primitives.

use super::block::{self, Wait, WaitOn, Woken};
use crate::builtins::functions::{arity, io_error};
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};

/// The pid of the process that created this one (0 in the main process).
static mut ORIGINAL_PARENT: libc::pid_t = 0;

fn int(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(type_error(format!("{} must be an integer", what))),
    }
}

/// `_fork()`: flushes output, forks, and returns `(pid, sentinel)` in the parent and
/// `(0, None)` in the child. The sentinel is a read-only Connection, readable when the
/// child ends.
pub fn fork(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_fork", args, 0, 0)?;
    crate::output::flush_stdout().map_err(io_error)?;
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io_error(std::io::Error::last_os_error()));
    }
    let parent = unsafe { libc::getpid() };
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = std::io::Error::last_os_error();
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        return Err(io_error(e));
    }
    crate::output::set_shared();
    if pid == 0 {
        unsafe {
            libc::close(fds[0]);
            // The write end stays open until this process exits.
            ORIGINAL_PARENT = parent;
            // Never outlive the parent: if it dies, so do we.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if libc::getppid() != parent {
                libc::_exit(1);
            }
        }
        crate::signals::child_signal_setup();
        crate::stdin::forget();
        // As CPython: a child's stdin is /dev/null, so it never reads the terminal.
        unsafe {
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
            if null >= 0 {
                libc::dup2(null, 0);
                libc::close(null);
            }
        }
        super::futex::forget_pid();
        crate::modules::random::reseed_after_fork(interp);
        // The parent's pools are not this process's to pump.
        interp.pump = None;
        interp.watch_fds.clear();
        interp.pumping = false;
        return Ok(Value::tuple(vec![Value::Int(0), Value::None]));
    }
    unsafe { libc::close(fds[1]) };
    super::codec::FORKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::tuple(vec![
        Value::Int(pid as i64),
        super::connection::reader(fds[0]),
    ]))
}

/// Translates a wait status into Python's exitcode (negative for a signal).
fn exitcode(status: i32) -> i64 {
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status) as i64
    } else if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        0
    }
}

/// `_waitpid(pid, block)`: the exit code, or None while the child runs (or when it
/// cannot be known).
pub fn waitpid(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_waitpid", args, 2, 2)?;
    let pid = int(&args[0], "pid")? as libc::pid_t;
    let blocking = matches!(args[1], Value::Bool(true));
    let mut status = 0;
    loop {
        let r =
            unsafe { libc::waitpid(pid, &mut status, if blocking { 0 } else { libc::WNOHANG }) };
        if r == pid {
            return Ok(Value::Int(exitcode(status)));
        }
        if r == 0 {
            return Ok(Value::None);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            // Reaped already by the kernel (SIGCHLD ignored): its code is lost, and
            // it stays unknown, as in CPython.
            Some(libc::ECHILD) => return Ok(Value::None),
            _ => return Err(io_error(e)),
        }
    }
}

/// `_wait_sentinel(fd, timeout, what)`: waits until the child behind `fd` ends;
/// True when it did, False on timeout.
pub fn wait_sentinel(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_wait_sentinel", args, 2, 2)?;
    let fd = int(&args[0], "fd")? as i32;
    let timeout = super::timeout_arg(&args[1])?;
    let r = block::wait(
        interp,
        Wait {
            what: "join",
            on: WaitOn::Readable(fd),
            deadline: block::deadline(timeout),
        },
    )?;
    Ok(Value::Bool(r == Woken::Ready))
}

pub fn close_fd(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_close_fd", args, 1, 1)?;
    let fd = int(&args[0], "fd")? as i32;
    if fd >= 0 {
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

/// `_kill(pid, sig)`.
pub fn kill(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_kill", args, 2, 2)?;
    let pid = int(&args[0], "pid")? as libc::pid_t;
    let sig = int(&args[1], "sig")? as i32;
    if unsafe { libc::kill(pid, sig) } != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::ESRCH) {
            return Err(io_error(e));
        }
    }
    Ok(Value::None)
}

/// `_exit_child(code)`: ends a child process after flushing its output.
pub fn exit_child(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let code = match args.first() {
        Some(Value::Int(i)) => *i as i32,
        // `sys.exit(True)` exits 1, as in CPython.
        Some(Value::Bool(b)) => *b as i32,
        _ => 0,
    };
    let _ = crate::output::flush_stdout();
    unsafe { libc::_exit(code & 0xff) }
}

/// `_print_exception(e)`: writes a traceback to stderr as an uncaught one would.
pub fn print_exception(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_print_exception", args, 1, 1)?;
    if let Some(e) = Exc::from_value(&args[0]) {
        let text = interp.format_exception(&e);
        crate::output::write_stderr(text.as_bytes()).map_err(io_error)?;
    }
    Ok(Value::None)
}

pub fn getpid(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(unsafe { libc::getpid() } as i64))
}

pub fn getppid(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

pub fn cpu_count(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n > 0 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}

/// `_register_exit(f)`: runs `f()` when the program ends (like `atexit`).
pub fn register_exit(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_register_exit", args, 1, 1)?;
    interp.exit_hooks.push(args[0].clone());
    Ok(Value::None)
}

/// `_die_of_sigint()`: a child interrupted by Ctrl-C ends quietly, as killed by SIGINT.
/// `_sigint_received()`: whether Ctrl-C reached this process.
pub fn sigint_received(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(crate::signals::sigint_received()))
}

pub fn die_of_sigint(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    crate::signals::die_of_sigint()
}

/// `_write_stderr(text)`.
pub fn write_stderr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_write_stderr", args, 1, 1)?;
    let s = interp.str(&args[0])?;
    crate::output::write_stderr(s.as_bytes()).map_err(io_error)?;
    Ok(Value::None)
}

/// The builtin `spawn(target, *args, **kwargs)`: a started `multiprocessing.Process`.
pub fn spawn(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let m = interp.import_module_by_name("multiprocessing")?;
    let f = interp.getattr(&m, crate::intern::intern("spawn"))?;
    interp.call(&f, args.to_vec(), kw)
}

/// `_wait_any(fds, timeout)`: waits until one of `fds` is readable; the ready ones.
pub fn wait_any(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_wait_any", args, 2, 2)?;
    let mut fds = Vec::new();
    for v in interp.collect(&args[0])? {
        fds.push(int(&v, "fd")? as i32);
    }
    let timeout = super::timeout_arg(&args[1])?;
    block::wait(
        interp,
        Wait {
            what: "Pool result",
            on: WaitOn::AnyReadable(&fds),
            deadline: block::deadline(timeout),
        },
    )?;
    Ok(Value::list(
        block::readable_now(&fds)
            .into_iter()
            .map(|fd| Value::Int(fd as i64))
            .collect(),
    ))
}

/// `_format_exception(e)`: the traceback text of `e`, for a pool worker to send.
pub fn format_exception(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_format_exception", args, 1, 1)?;
    match Exc::from_value(&args[0]) {
        Some(e) => Ok(Value::string(interp.format_exception(&e))),
        None => Ok(Value::str("")),
    }
}

/// `_set_pump(f, fds)`: during blocking waits, call `f()` when one of `fds` is readable.
pub fn set_pump(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_set_pump", args, 2, 2)?;
    let mut fds = Vec::new();
    for v in interp.collect(&args[1])? {
        fds.push(int(&v, "fd")? as i32);
    }
    interp.pump = if fds.is_empty() {
        None
    } else {
        Some(args[0].clone())
    };
    interp.watch_fds = fds;
    Ok(Value::None)
}

/// `_monotonic()`: seconds on the monotonic clock.
pub fn monotonic(_interp: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `_isatty(fd)`.
pub fn isatty(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("_isatty", args, 1, 1)?;
    let fd = int(&args[0], "fd")? as i32;
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}
