// Signals: the one C handler, which only marks a signal pending for the evaluator's
// next check, and the running of the Python handlers of pending signals at that
// check (as CPython runs them between bytecodes), Ctrl-C's KeyboardInterrupt among them.

use crate::interp::err::*;
use crate::interp::{Interp, PyResult};
use crate::value::Value;
use std::sync::atomic::{AtomicBool, Ordering};

/// One more than the highest signal number (Linux's real-time signals end at 64).
pub const NSIG: usize = 65;

/// Signals caught and not yet handled, by number.
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];

/// This process has received SIGINT (Ctrl-C) at some point: a KeyboardInterrupt then
/// ends a child quietly, while one a program raises itself is reported.
static SIGINT_RECEIVED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(p) = PENDING.get(sig as usize) {
        p.store(true, Ordering::Relaxed);
    }
    if sig == libc::SIGINT {
        SIGINT_RECEIVED.store(true, Ordering::Relaxed);
    }
    crate::run::interrupt();
}

/// The program ended with an uncaught KeyboardInterrupt: the process ends as killed
/// by SIGINT, as CPython's does (a shell shows 130, a parent sees -SIGINT).
static DIES_OF_SIGINT: AtomicBool = AtomicBool::new(false);

pub fn end_by_sigint() {
    DIES_OF_SIGINT.store(true, Ordering::Relaxed);
}

pub fn ends_by_sigint() -> bool {
    DIES_OF_SIGINT.load(Ordering::Relaxed)
}

/// Ends this process as killed by SIGINT (stdout flushed first).
pub fn die_of_sigint() -> ! {
    let _ = crate::output::flush_stdout();
    // SAFETY: restoring the default action and raising have no memory preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
        libc::_exit(130)
    }
}

/// Whether this process has received SIGINT.
pub fn sigint_received() -> bool {
    SIGINT_RECEIVED.load(Ordering::Relaxed)
}

/// What the kernel does with a signal now.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    /// Marked pending for the evaluator (spindle's own handler).
    Caught,
    /// A handler spindle did not install.
    Other,
}

fn sigaction(sig: i32, handler: libc::sighandler_t) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction is valid; the handler only stores to atomics. No
    // SA_RESTART: a blocking wait returns at once so the Python handler runs (PEP 475
    // then resumes the wait), and the runtime's own reads retry on EINTR.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        libc::sigemptyset(&mut sa.sa_mask);
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Sets what the kernel does with `sig`.
pub fn set_disposition(sig: i32, d: Disposition) -> std::io::Result<()> {
    sigaction(
        sig,
        match d {
            Disposition::Default | Disposition::Other => libc::SIG_DFL,
            Disposition::Ignore => libc::SIG_IGN,
            Disposition::Caught => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        },
    )
}

/// What the kernel does with `sig` now.
pub fn disposition(sig: i32) -> Disposition {
    // SAFETY: sigaction with a null new action only reads the current one.
    let current = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return Disposition::Other;
        }
        old.sa_sigaction
    };
    match current {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t => {
            Disposition::Caught
        }
        _ => Disposition::Other,
    }
}

/// At startup, as CPython: Ctrl-C becomes KeyboardInterrupt (unless SIGINT came
/// ignored, as under `nohup` or `cmd &`); a write to a closed pipe is an error
/// (BrokenPipeError), and a file over its size limit too (OSError EFBIG), not death.
pub fn install_signal_handlers() {
    if disposition(libc::SIGINT) == Disposition::Default {
        let _ = set_disposition(libc::SIGINT, Disposition::Caught);
    }
    let _ = set_disposition(libc::SIGPIPE, Disposition::Ignore);
    let _ = set_disposition(libc::SIGXFSZ, Disposition::Ignore);
}

/// In a new child: forget signals that reached the parent before the fork (its
/// handlers stay, as in CPython).
pub fn child_signal_setup() {
    clear_pending();
    SIGINT_RECEIVED.store(false, Ordering::Relaxed);
}

/// Forgets every pending signal.
pub fn clear_pending() {
    for p in &PENDING {
        p.store(false, Ordering::Relaxed);
    }
}

/// Forgets a Ctrl-C not yet handled (the prompt's own).
pub fn forget_sigint() {
    PENDING[libc::SIGINT as usize].store(false, Ordering::Relaxed);
}

/// Whether a signal waits to be handled.
pub fn any_pending() -> bool {
    PENDING.iter().any(|p| p.load(Ordering::Relaxed))
}

thread_local! {
    /// How many Python handlers have run: `signal.pause` waits for it to change.
    static HANDLED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The count of Python handlers run so far.
pub fn handled() -> u64 {
    HANDLED.with(|h| h.get())
}

/// Runs the handlers of the pending signals, lowest number first. A signal caught
/// with no Python handler is SIGINT before any was set: KeyboardInterrupt. When a
/// handler raises, the signals still pending wait for the next check.
pub fn run_handlers(interp: &mut Interp) -> PyResult<()> {
    for (sig, pending) in PENDING.iter().enumerate().skip(1) {
        if !pending.swap(false, Ordering::Relaxed) {
            continue;
        }
        let handler = interp.signal_handlers.get(sig).cloned().flatten();
        let r = match handler {
            Some(h) => {
                HANDLED.with(|n| n.set(n.get() + 1));
                interp
                    .call(&h, vec![Value::Int(sig as i64), Value::None], vec![])
                    .map(drop)
            }
            // Unless an earlier handler has since ignored it.
            None if sig == libc::SIGINT as usize
                && disposition(libc::SIGINT) == Disposition::Caught =>
            {
                Err(keyboard_interrupt())
            }
            None => Ok(()),
        };
        if let Err(e) = r {
            if any_pending() {
                crate::run::interrupt();
            }
            return Err(e);
        }
    }
    Ok(())
}

pub fn keyboard_interrupt() -> Exc {
    new_exception(
        crate::interp::types::types().exc("KeyboardInterrupt"),
        vec![],
    )
}
