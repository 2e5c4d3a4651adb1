// The one blocking wait of the runtime. Every wait (join, sleep, lock, queue, pipe,
// barrier, ...) comes here, saying what it waits for and until when, so deadlock
// detection, tracing and a deterministic scheduler have one place to plug in.

use crate::interp::{Interp, PyResult};
use std::os::unix::io::RawFd;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Non-blocking looks before a wait on descriptors sleeps: a request/reply partner
/// (a pipe peer, a manager's client or server) usually answers within microseconds,
/// and a kernel sleep and wake-up costs more than that.
const SPIN_POLLS: u32 = 100;

/// A sleep this short means the answer would have come while spinning.
const SHORT_SLEEP: Duration = Duration::from_micros(100);

/// Whether the next wait spins first. Adaptive: a wait that had to sleep long (a pool
/// waiting for tasks that compute for milliseconds) turns spinning off, since every
/// look is CPU time taken from the processes doing the work on a busy machine; a wait
/// that succeeds while spinning, or sleeps only briefly, turns it back on.
static SPINNING: AtomicBool = AtomicBool::new(true);

/// `ppoll` on `ps`, after a few non-blocking looks when answers have been coming fast.
fn poll_fds(ps: &mut [libc::pollfd], tsp: *const libc::timespec) -> libc::c_int {
    // SAFETY: a non-null `tsp` points at the caller's live timespec.
    let just_a_look = !tsp.is_null() && unsafe { (*tsp).tv_sec == 0 && (*tsp).tv_nsec == 0 };
    if !just_a_look && SPINNING.load(Ordering::Relaxed) {
        for _ in 0..SPIN_POLLS {
            let n = unsafe { libc::poll(ps.as_mut_ptr(), ps.len() as libc::nfds_t, 0) };
            if n != 0 {
                return n;
            }
            std::hint::spin_loop();
        }
    }
    let started = Instant::now();
    let n = unsafe {
        libc::ppoll(
            ps.as_mut_ptr(),
            ps.len() as libc::nfds_t,
            tsp,
            std::ptr::null(),
        )
    };
    if !just_a_look && n > 0 {
        SPINNING.store(started.elapsed() < SHORT_SLEEP, Ordering::Relaxed);
    }
    n
}

/// A poll set asking whether each of `fds` is readable.
fn read_set(fds: &[RawFd]) -> Vec<libc::pollfd> {
    fds.iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        })
        .collect()
}

/// Which of `fds` are readable (or closed) right now, without waiting.
pub fn readable_now(fds: &[RawFd]) -> Vec<RawFd> {
    let mut ps = read_set(fds);
    // SAFETY: `ps` is a live array of `ps.len()` pollfds; a zero timeout never blocks.
    unsafe { libc::poll(ps.as_mut_ptr(), ps.len() as libc::nfds_t, 0) };
    ps.iter().filter(|p| p.revents != 0).map(|p| p.fd).collect()
}

/// What a process is waiting on.
pub enum WaitOn<'a> {
    /// Nothing: only the deadline ends the wait (`time.sleep`).
    Sleep,
    /// A file descriptor becoming readable (a child's sentinel, a pipe, a queue).
    Readable(RawFd),
    /// A file descriptor becoming writable (a full pipe).
    Writable(RawFd),
    /// Any of several descriptors becoming readable (a pool's workers).
    AnyReadable(&'a [RawFd]),
    /// A futex word in shared memory changing from `expected`.
    Futex { word: &'a AtomicU32, expected: u32 },
    /// A signal handler having run since the count of handlers run was `since`
    /// (`signal.pause`).
    Signal { since: u64 },
}

/// A request to wait.
pub struct Wait<'a> {
    /// What the script is doing, in its words: "join", "sleep", "Lock.acquire", ...
    pub what: &'static str,
    pub on: WaitOn<'a>,
    /// None waits forever.
    pub deadline: Option<Instant>,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Woken {
    /// The awaited thing may have happened: the caller re-checks its condition.
    Ready,
    TimedOut,
}

/// The deadline `timeout` seconds from now (None or negative-free as Python allows;
/// a NaN that reached here is no time at all, never a wait forever).
pub fn deadline(timeout: Option<f64>) -> Option<Instant> {
    match timeout {
        Some(t) if t.is_nan() => Some(Instant::now()),
        Some(t) if t < 1e9 => Some(Instant::now() + Duration::from_secs_f64(t.max(0.0))),
        _ => None,
    }
}

fn timespec(d: Duration) -> libc::timespec {
    libc::timespec {
        tv_sec: d.as_secs() as libc::time_t,
        tv_nsec: d.subsec_nanos() as libc::c_long,
    }
}

/// Blocks until `w` is satisfied, its deadline passes, or a signal turns into a
/// Python exception (KeyboardInterrupt). Output is flushed first, so what a process
/// printed before it waited is visible before anything it waits for.
pub fn wait(interp: &mut Interp, w: Wait) -> PyResult<Woken> {
    let _ = crate::output::flush_stdout();
    // A wait that is only a look (its deadline already here) does not pump: the pool
    // itself looks at its channels this way while it reads them.
    let just_a_look = w.deadline.is_some_and(|d| d <= std::time::Instant::now());
    if interp.pump.is_some()
        && !interp.pumping
        && !just_a_look
        && !matches!(w.on, WaitOn::AnyReadable(_))
    {
        return wait_pumping(interp, w);
    }
    wait_plain(interp, w)
}

/// A wait while pools have work out: wakes for their answers too, runs the pump
/// (which delivers results and callbacks), and goes on waiting.
fn wait_pumping(interp: &mut Interp, w: Wait) -> PyResult<Woken> {
    const SLICE: Duration = Duration::from_millis(20);
    let mut first = true;
    loop {
        interp.check_signals()?;
        if handler_ran(&w.on) {
            return Ok(Woken::Ready);
        }
        let now = Instant::now();
        if !first && w.deadline.is_some_and(|d| now >= d) {
            return Ok(Woken::TimedOut);
        }
        first = false;
        let slice_end = match w.deadline {
            Some(d) if d < now + SLICE => d,
            _ => now + SLICE,
        };
        // The awaited thing, for at most one slice.
        let part = Wait {
            what: w.what,
            on: copy_on(&w.on),
            deadline: Some(slice_end),
        };
        if wait_plain(interp, part)? == Woken::Ready {
            return Ok(Woken::Ready);
        }
        // Then the pools: anything to deliver?
        if !readable_now(&interp.watch_fds).is_empty() {
            if let Some(p) = interp.pump.clone() {
                interp.pumping = true;
                let r = interp.call(&p, vec![], vec![]);
                interp.pumping = false;
                r?;
            }
        }
        if interp.pump.is_none() {
            return wait_plain(interp, w);
        }
    }
}

/// Whether a wait for a signal's handler is over.
fn handler_ran(on: &WaitOn) -> bool {
    matches!(on, WaitOn::Signal { since } if crate::signals::handled() != *since)
}

fn copy_on<'a>(on: &WaitOn<'a>) -> WaitOn<'a> {
    match on {
        WaitOn::Sleep => WaitOn::Sleep,
        WaitOn::Signal { since } => WaitOn::Signal { since: *since },
        WaitOn::Readable(fd) => WaitOn::Readable(*fd),
        WaitOn::Writable(fd) => WaitOn::Writable(*fd),
        WaitOn::AnyReadable(fds) => WaitOn::AnyReadable(fds),
        WaitOn::Futex { word, expected } => WaitOn::Futex {
            word,
            expected: *expected,
        },
    }
}

fn wait_plain(interp: &mut Interp, w: Wait) -> PyResult<Woken> {
    let mut first = true;
    loop {
        interp.check_signals()?;
        if handler_ran(&w.on) {
            return Ok(Woken::Ready);
        }
        let remaining = match w.deadline {
            Some(d) => {
                let now = Instant::now();
                // A deadline already past still gets one look (poll with timeout 0).
                if now >= d && (!first || matches!(w.on, WaitOn::Sleep)) {
                    return Ok(Woken::TimedOut);
                }
                Some(d.saturating_duration_since(now))
            }
            None => None,
        };
        first = false;
        let ts = remaining.map(timespec);
        let tsp = ts
            .as_ref()
            .map_or(std::ptr::null(), |t| t as *const libc::timespec);
        let r = match &w.on {
            WaitOn::Sleep | WaitOn::Signal { .. } => match ts {
                Some(t) => unsafe { libc::nanosleep(&t, std::ptr::null_mut()) },
                None => unsafe { libc::pause() },
            },
            WaitOn::Readable(fd) | WaitOn::Writable(fd) => {
                let events = if matches!(w.on, WaitOn::Readable(_)) {
                    libc::POLLIN
                } else {
                    libc::POLLOUT
                };
                let mut p = libc::pollfd {
                    fd: *fd,
                    events,
                    revents: 0,
                };
                let n = poll_fds(std::slice::from_mut(&mut p), tsp);
                if n > 0 {
                    return Ok(Woken::Ready);
                }
                n
            }
            WaitOn::AnyReadable(fds) => {
                let mut ps = read_set(fds);
                let n = poll_fds(&mut ps, tsp);
                if n > 0 {
                    return Ok(Woken::Ready);
                }
                n
            }
            WaitOn::Futex { word, expected } => {
                let n = unsafe {
                    libc::syscall(
                        libc::SYS_futex,
                        word.as_ptr(),
                        libc::FUTEX_WAIT,
                        *expected,
                        tsp,
                        std::ptr::null::<u32>(),
                        0,
                    )
                };
                if n == 0 {
                    return Ok(Woken::Ready);
                }
                let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                if e == libc::EAGAIN {
                    return Ok(Woken::Ready);
                }
                -1
            }
        };
        if r == 0 && !matches!(w.on, WaitOn::Sleep) {
            // ppoll timed out: loop to report TimedOut via the deadline check.
            continue;
        }
        if r == 0 {
            // nanosleep completed.
            return Ok(Woken::TimedOut);
        }
        // Interrupted by a signal (EINTR) or a spurious wake: re-check and go on.
    }
}

/// `time.sleep(secs)`.
pub fn sleep(interp: &mut Interp, secs: f64) -> PyResult<()> {
    let w = Wait {
        what: "sleep",
        on: WaitOn::Sleep,
        deadline: deadline(Some(secs)),
    };
    wait(interp, w)?;
    Ok(())
}

/// Wakes up to `n` processes waiting on a futex word.
pub fn futex_wake(word: &AtomicU32, n: i32) {
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAKE,
            n,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            0,
        );
    }
}
