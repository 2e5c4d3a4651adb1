// Futex-based primitives in shared memory: a robust mutex and a counting semaphore.
//
// Uncontended acquire and release are one atomic instruction each; only a process
// that must wait enters the kernel, through `block::wait`. A mutex records its
// holder's pid so that a holder that died is noticed and its lock taken over.

use super::block::{self, Wait, WaitOn, Woken};
use crate::interp::{Interp, PyResult};
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// How often a waiter checks whether the holder is still alive.
const LIVENESS_CHECK: Duration = Duration::from_millis(200);

/// This process's pid, cached: getpid is a system call, and every lock operation
/// records its holder. `forget_pid` runs in each new child.
static MY_PID: AtomicI32 = AtomicI32::new(0);

#[inline]
pub fn my_pid() -> i32 {
    match MY_PID.load(Ordering::Relaxed) {
        0 => {
            let pid = unsafe { libc::getpid() };
            MY_PID.store(pid, Ordering::Relaxed);
            pid
        }
        pid => pid,
    }
}

/// In a new child: the cached pid is the parent's.
pub fn forget_pid() {
    MY_PID.store(0, Ordering::Relaxed);
}

/// Tries this many times, without sleeping, to take a lock held for a moment.
const SPINS: u32 = 100;

/// True when process `pid` has ended (gone, or a zombie not yet reaped).
pub fn process_dead(pid: i32) -> bool {
    if unsafe { libc::kill(pid, 0) } != 0 {
        return std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
    }
    match std::fs::read_to_string(format!("/proc/{}/stat", pid)) {
        Ok(s) => s
            .rsplit(')')
            .next()
            .map(|rest| rest.trim_start().starts_with('Z'))
            .unwrap_or(false),
        Err(_) => true,
    }
}

/// 0 = free, 1 = held, 2 = held with waiters.
#[repr(C)]
pub struct Mutex {
    pub state: AtomicU32,
    pub owner: AtomicI32,
    /// Recursion depth, for RLock.
    pub count: AtomicU32,
}

impl Mutex {
    #[inline]
    pub fn try_acquire(&self) -> bool {
        if self
            .state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
        {
            self.owner.store(my_pid(), Ordering::Relaxed);
            true
        } else {
            false
        }
    }

    /// Acquires, waiting until `deadline` (None: forever); false on timeout.
    pub fn acquire(
        &self,
        interp: &mut Interp,
        what: &'static str,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        if self.try_acquire() {
            return Ok(true);
        }
        // A holder on another CPU usually lets go within a few hundred nanoseconds.
        for _ in 0..SPINS {
            std::hint::spin_loop();
            if self.state.load(Ordering::Relaxed) == 0 && self.try_acquire() {
                return Ok(true);
            }
        }
        let me = my_pid();
        loop {
            if self.state.swap(2, Ordering::Acquire) == 0 {
                self.owner.store(me, Ordering::Relaxed);
                return Ok(true);
            }
            let slice = Instant::now() + LIVENESS_CHECK;
            let until = match deadline {
                Some(d) if d < slice => d,
                _ => slice,
            };
            let r = block::wait(
                interp,
                Wait {
                    what,
                    on: WaitOn::Futex {
                        word: &self.state,
                        expected: 2,
                    },
                    deadline: Some(until),
                },
            )?;
            if r == Woken::TimedOut {
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return Ok(false);
                }
                let holder = self.owner.load(Ordering::Relaxed);
                if holder != 0
                    && holder != me
                    && process_dead(holder)
                    && self
                        .owner
                        .compare_exchange(holder, me, Ordering::AcqRel, Ordering::Relaxed)
                        .is_ok()
                {
                    self.state.store(2, Ordering::Release);
                    self.count.store(0, Ordering::Relaxed);
                    let msg = format!(
                        "spindle: warning: a lock was held by process {} which ended without releasing it; process {} takes it over\n",
                        holder, me
                    );
                    let _ = crate::output::write_stderr(msg.as_bytes());
                    return Ok(true);
                }
            }
        }
    }

    #[inline]
    pub fn release(&self) {
        self.owner.store(0, Ordering::Relaxed);
        if self.state.swap(0, Ordering::Release) == 2 {
            block::futex_wake(&self.state, 1);
        }
    }

    pub fn is_locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) != 0
    }

    pub fn is_mine(&self) -> bool {
        self.is_locked() && self.owner.load(Ordering::Relaxed) == my_pid()
    }
}

/// A counting semaphore: `value` permits, optionally bounded by `max`.
#[repr(C)]
pub struct Semaphore {
    pub value: AtomicU32,
    pub waiters: AtomicU32,
}

impl Semaphore {
    #[inline]
    pub fn try_acquire(&self) -> bool {
        let mut v = self.value.load(Ordering::Relaxed);
        while v > 0 {
            match self
                .value
                .compare_exchange_weak(v, v - 1, Ordering::Acquire, Ordering::Relaxed)
            {
                Ok(_) => return true,
                Err(cur) => v = cur,
            }
        }
        false
    }

    pub fn acquire(
        &self,
        interp: &mut Interp,
        what: &'static str,
        deadline: Option<Instant>,
    ) -> PyResult<bool> {
        loop {
            if self.try_acquire() {
                return Ok(true);
            }
            self.waiters.fetch_add(1, Ordering::SeqCst);
            let r = if self.value.load(Ordering::SeqCst) == 0 {
                block::wait(
                    interp,
                    Wait {
                        what,
                        on: WaitOn::Futex {
                            word: &self.value,
                            expected: 0,
                        },
                        deadline,
                    },
                )
            } else {
                Ok(Woken::Ready)
            };
            self.waiters.fetch_sub(1, Ordering::SeqCst);
            if r? == Woken::TimedOut {
                return Ok(self.try_acquire());
            }
        }
    }

    pub fn release(&self, n: u32) {
        self.value.fetch_add(n, Ordering::SeqCst);
        if self.waiters.load(Ordering::SeqCst) > 0 {
            block::futex_wake(&self.value, n as i32);
        }
    }
}
