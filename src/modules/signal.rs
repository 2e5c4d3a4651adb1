// `_signal`: the machine side of the `signal` module (stdlib/signal.py adds the enums):
// setting and reading handlers, alarms and interval timers, and the signal mask.

use super::make_c_module;
use super::math::integer;
use crate::builtins::functions::{arity, io_error, is_callable};
use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::mp::block::{self, Wait, WaitOn};
use crate::signals::{disposition, set_disposition, Disposition, NSIG};
use crate::value::object::Namespace;
use crate::value::{Class, Kwargs, TypeKind, Value};
use num_traits::ToPrimitive;
use std::rc::Rc;

pub fn module() -> Value {
    let m = make_c_module(
        "_signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("default_int_handler", default_int_handler),
            ("alarm", alarm),
            ("pause", pause),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
            ("setitimer", setitimer),
            ("getitimer", getitimer),
            ("pthread_sigmask", pthread_sigmask),
            ("sigpending", sigpending),
            ("siginterrupt", siginterrupt),
        ],
        &[],
        &[],
    );
    super::set_attr(&m, "ItimerError", Value::Class(itimer_error_class()));
    for (name, v) in [
        ("NSIG", NSIG as i64),
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
    ] {
        super::set_attr(&m, name, Value::Int(v));
    }
    Value::Module(m)
}

/// A C int argument, converted through `__index__` as CPython's argument parser does.
fn c_int(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    integer(interp, v)?
        .to_i32()
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// A signal number, checked against the machine's range.
fn signum(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let sig = c_int(interp, v)?;
    if sig < 1 || sig as usize >= NSIG {
        return Err(value_error("signal number out of range"));
    }
    Ok(sig)
}

/// Whether `handler` is the number `n` (SIG_DFL is 0 and SIG_IGN 1). The module's
/// wrapper has already made an int of anything `int()` takes, as CPython's does (so
/// `False`, `0.0` and `"1"` are handlers too).
fn is_handler_number(handler: &Value, n: i64) -> bool {
    matches!(handler, Value::Int(i) if *i == n)
}

/// `getsignal`'s answer: the Python handler, or what the kernel does (SIG_DFL 0,
/// SIG_IGN 1, Ctrl-C's `default_int_handler`), or None for a handler set outside.
fn current_handler(interp: &mut Interp, sig: i32) -> PyResult<Value> {
    if let Some(h) = interp.signal_handlers[sig as usize].clone() {
        return Ok(h);
    }
    Ok(match disposition(sig) {
        // Rust's runtime catches SIGSEGV and SIGBUS only to report a stack overflow,
        // then dies as the default would.
        Disposition::Default => Value::Int(0),
        Disposition::Other if sig == libc::SIGSEGV || sig == libc::SIGBUS => Value::Int(0),
        Disposition::Ignore => Value::Int(1),
        Disposition::Caught if sig == libc::SIGINT => {
            let m = interp.import_module_by_name("_signal")?;
            interp.getattr(&m, crate::intern::intern("default_int_handler"))?
        }
        _ => Value::None,
    })
}

/// `signal(signalnum, handler)`: sets the handler; the previous one.
fn signal(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("signal", a, 2, 2)?;
    let sig = signum(interp, &a[0])?;
    let handler = &a[1];
    let (d, python) = if is_handler_number(handler, 1) {
        (Disposition::Ignore, None)
    } else if is_handler_number(handler, 0) {
        (Disposition::Default, None)
    } else if is_callable(interp, handler) {
        (Disposition::Caught, Some(handler.clone()))
    } else {
        return Err(type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    let old = current_handler(interp, sig)?;
    set_disposition(sig, d).map_err(io_error)?;
    interp.signal_handlers[sig as usize] = python;
    Ok(old)
}

/// `getsignal(signalnum)`.
fn getsignal(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("getsignal", a, 1, 1)?;
    let sig = signum(interp, &a[0])?;
    current_handler(interp, sig)
}

/// `default_int_handler(signalnum, frame)`: Ctrl-C's handler, KeyboardInterrupt.
fn default_int_handler(_: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(type_error(format!(
            "default_int_handler expected 2 arguments, got {}",
            a.len()
        )));
    }
    Err(crate::signals::keyboard_interrupt())
}

/// `alarm(seconds)`: SIGALRM after `seconds` (0 cancels); the seconds the previous
/// alarm had left.
fn alarm(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("alarm", a, 1, 1)?;
    let secs = c_int(interp, &a[0])?;
    // SAFETY: alarm has no memory preconditions; a negative count wraps as in C.
    Ok(Value::Int(unsafe { libc::alarm(secs as u32) } as i64))
}

/// `pause()`: sleeps until a signal's handler has run.
fn pause(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("pause", a, 0, 0)?;
    let w = Wait {
        what: "signal.pause",
        on: WaitOn::Signal {
            since: crate::signals::handled(),
        },
        deadline: None,
    };
    block::wait(interp, w)?;
    Ok(Value::None)
}

/// `raise_signal(signalnum)`: sends the signal to this process; its handler runs
/// before this returns.
fn raise_signal(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("raise_signal", a, 1, 1)?;
    // Not checked here: the system refuses a number it does not know (EINVAL).
    let sig = c_int(interp, &a[0])?;
    // SAFETY: raise has no memory preconditions.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(io_error(std::io::Error::last_os_error()));
    }
    interp.check_signals()?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`: the system's description, or None.
fn strsignal(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("strsignal", a, 1, 1)?;
    let sig = signum(interp, &a[0])?;
    // SAFETY: strsignal returns null or a NUL-terminated string, read at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Ok(if text.contains("Unknown signal") {
        Value::None
    } else {
        Value::string(text)
    })
}

/// The signal numbers in a set.
fn members(set: &libc::sigset_t) -> Vec<Value> {
    (1..NSIG as i32)
        // SAFETY: `set` is an initialised sigset.
        .filter(|&s| unsafe { libc::sigismember(set, s) } == 1)
        .map(|s| Value::Int(s as i64))
        .collect()
}

/// `valid_signals()`: the numbers this machine accepts, as a list (the module
/// makes it a set of enum members).
fn valid_signals(_: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("valid_signals", a, 0, 0)?;
    // SAFETY: sigfillset initialises the zeroed set.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        set
    };
    Ok(Value::list(members(&set)))
}

/// `pthread_sigmask(how, mask)`: blocks or unblocks signals; the previous mask, as a
/// list of numbers.
fn pthread_sigmask(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("pthread_sigmask", a, 2, 2)?;
    let how = c_int(interp, &a[0])?;
    let items = interp.collect(&a[1])?;
    // SAFETY: the sets are zeroed, then initialised by sigemptyset.
    let (mut set, mut old): (libc::sigset_t, libc::sigset_t) =
        unsafe { (std::mem::zeroed(), std::mem::zeroed()) };
    unsafe { libc::sigemptyset(&mut set) };
    for v in &items {
        let n = integer(interp, v)?;
        let sig = match n.to_i32() {
            Some(sig) if sig >= 1 && (sig as usize) < NSIG => sig,
            _ => {
                return Err(value_error(format!(
                    "signal number {n} out of range [1; {}]",
                    NSIG - 1
                )))
            }
        };
        // SAFETY: `set` is initialised and `sig` in range.
        unsafe { libc::sigaddset(&mut set, sig) };
    }
    // SAFETY: both sets are initialised; this process has one thread.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(io_error(std::io::Error::from_raw_os_error(r)));
    }
    // A signal just unblocked is handled before this returns.
    interp.check_signals()?;
    Ok(Value::list(members(&old)))
}

/// `siginterrupt(signalnum, flag)`: whether the signal interrupts system calls (the
/// default) or lets the kernel restart them (SA_RESTART).
fn siginterrupt(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("siginterrupt", a, 2, 2)?;
    let sig = signum(interp, &a[0])?;
    let interrupt = c_int(interp, &a[1])? != 0;
    // SAFETY: the action is read, its flags changed, and written back as it was.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut sa) != 0 {
            return Err(io_error(std::io::Error::last_os_error()));
        }
        if interrupt {
            sa.sa_flags &= !libc::SA_RESTART;
        } else {
            sa.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
            return Err(io_error(std::io::Error::last_os_error()));
        }
    }
    Ok(Value::None)
}

/// `sigpending()`: the signals blocked and waiting, as a list of numbers.
fn sigpending(_: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("sigpending", a, 0, 0)?;
    // SAFETY: sigpending fills the zeroed set.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        if libc::sigpending(&mut set) != 0 {
            return Err(io_error(std::io::Error::last_os_error()));
        }
        set
    };
    Ok(Value::list(members(&set)))
}

/// A time in seconds as CPython reads one for a timer: nanoseconds, rounded up.
fn nanoseconds(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    if let Value::Float(f) = v {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if !(ns >= i64::MIN as f64 && ns < -(i64::MIN as f64)) {
            return Err(overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i64);
    }
    (integer(interp, v)? * num_bigint::BigInt::from(1_000_000_000))
        .to_i64()
        .ok_or_else(|| overflow_error("timestamp too large to convert to C _PyTime_t"))
}

/// Nanoseconds as a timeval, rounded up to the microsecond.
fn timeval(ns: i64) -> libc::timeval {
    let us = -((-(ns as i128)).div_euclid(1000));
    libc::timeval {
        tv_sec: us.div_euclid(1_000_000) as libc::time_t,
        tv_usec: us.rem_euclid(1_000_000) as libc::suseconds_t,
    }
}

/// `signal.ItimerError` (named `itimer_error`, as CPython's), made once.
pub fn itimer_error_class() -> Rc<Class> {
    thread_local! {
        static C: Rc<Class> = crate::interp::types::new_class(
            "itimer_error",
            "itimer_error",
            "signal",
            vec![crate::interp::types::types().exc("OSError")],
            Namespace::default(),
            TypeKind::Exception,
            false,
        );
    }
    C.with(|c| c.clone())
}

/// The timer functions' error: EINVAL as `ItimerError`.
fn itimer_error(e: std::io::Error) -> Exc {
    let errno = e.raw_os_error().unwrap_or(libc::EINVAL);
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let (args, attrs) = os_error_attrs(vec![Value::Int(errno as i64), Value::string(text)]);
    let e = new_exception(itimer_error_class(), args);
    set_os_error_attrs(&e.0, attrs);
    e
}

fn itimer_tuple(it: &libc::itimerval) -> Value {
    let secs = |tv: &libc::timeval| Value::Float(tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6);
    Value::tuple(vec![secs(&it.it_value), secs(&it.it_interval)])
}

/// `setitimer(which, seconds, interval=0.0)`: the timer's previous (delay, interval).
fn setitimer(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("setitimer", a, 2, 3)?;
    let which = c_int(interp, &a[0])?;
    let secs = nanoseconds(interp, &a[1])?;
    let interval = match a.get(2) {
        Some(v) => nanoseconds(interp, v)?,
        None => 0,
    };
    let new = libc::itimerval {
        it_value: timeval(secs),
        it_interval: timeval(interval),
    };
    // SAFETY: `old` is zeroed and filled by setitimer.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_error(std::io::Error::last_os_error()));
    }
    Ok(itimer_tuple(&old))
}

/// `getitimer(which)`: the timer's (delay, interval).
fn getitimer(interp: &mut Interp, a: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("getitimer", a, 1, 1)?;
    let which = c_int(interp, &a[0])?;
    // SAFETY: `cur` is zeroed and filled by getitimer.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(itimer_error(std::io::Error::last_os_error()));
    }
    Ok(itimer_tuple(&cur))
}
