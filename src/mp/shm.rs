// Shared memory: MAP_SHARED regions, made before a fork and visible to every process
// forked after; a manager's regions can also be mapped later by other processes.

use crate::interp::err::*;
use crate::interp::PyResult;
use std::cell::Cell;

/// Where another process can map a region from: the process that holds it open as an
/// in-memory file, that file's descriptor there, and the region's length. `serial`
/// tells apart regions the process made at different times in the same descriptor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Origin {
    pub pid: i32,
    pub fd: i32,
    pub len: usize,
    pub serial: u64,
}

thread_local! {
    /// Set while a manager makes an object: its regions become attachable.
    static ATTACHABLE: Cell<bool> = const { Cell::new(false) };
    static SERIAL: Cell<u64> = const { Cell::new(0) };
}

/// Runs `f` with new regions made attachable (a manager's objects, which may be sent
/// to processes started before them, as CPython's manager proxies may).
pub fn attachable<T>(f: impl FnOnce() -> T) -> T {
    let before = ATTACHABLE.with(|a| a.replace(true));
    let out = f();
    ATTACHABLE.with(|a| a.set(before));
    out
}

/// One shared mapping, unmapped when this process drops its last handle.
pub struct Region {
    ptr: *mut u8,
    len: usize,
    origin: Option<Origin>,
}

fn map(len: usize, fd: Option<i32>) -> PyResult<*mut u8> {
    use nix::sys::mman::{mmap, mmap_anonymous, MapFlags, ProtFlags};
    use std::os::fd::BorrowedFd;
    let size = std::num::NonZeroUsize::new(len).expect("len is at least 1");
    let prot = ProtFlags::PROT_READ | ProtFlags::PROT_WRITE;
    // SAFETY: a fresh mapping aliases nothing in this process; `fd` is open.
    let ptr = unsafe {
        match fd {
            None => mmap_anonymous(None, size, prot, MapFlags::MAP_SHARED),
            Some(fd) => mmap(
                None,
                size,
                prot,
                MapFlags::MAP_SHARED,
                BorrowedFd::borrow_raw(fd),
                0,
            ),
        }
    }
    .map_err(|_| exc_msg("MemoryError", "cannot allocate shared memory"))?;
    Ok(ptr.as_ptr() as *mut u8)
}

impl Region {
    pub fn new(len: usize) -> PyResult<Region> {
        let len = len.max(1);
        if ATTACHABLE.with(|a| a.get()) {
            return Region::new_attachable(len);
        }
        Ok(Region {
            ptr: map(len, None)?,
            len,
            origin: None,
        })
    }

    /// A region backed by an in-memory file this process keeps open.
    fn new_attachable(len: usize) -> PyResult<Region> {
        let fd = memfd("spindle-shared")?;
        if unsafe { libc::ftruncate(fd, len as libc::off_t) } != 0 {
            let e = std::io::Error::last_os_error();
            unsafe { libc::close(fd) };
            return Err(crate::builtins::functions::io_error(e));
        }
        let ptr = map(len, Some(fd)).inspect_err(|_| unsafe {
            libc::close(fd);
        })?;
        Ok(Region {
            ptr,
            len,
            origin: Some(Origin {
                pid: super::futex::my_pid(),
                fd,
                len,
                serial: SERIAL.with(|s| s.replace(s.get() + 1)),
            }),
        })
    }

    /// Maps a region another process made attachable.
    pub fn attach(origin: Origin) -> PyResult<Region> {
        let fd = open_origin(origin.pid, origin.fd)?;
        let mapped = map(origin.len.max(1), Some(fd));
        unsafe { libc::close(fd) };
        Ok(Region {
            ptr: mapped?,
            len: origin.len.max(1),
            origin: Some(origin),
        })
    }

    pub fn ptr(&self) -> *mut u8 {
        self.ptr
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Where other processes can map this region from, if it is attachable.
    pub fn origin(&self) -> Option<Origin> {
        self.origin
    }
    /// The region's start viewed as a `T` (regions are page-aligned and zeroed).
    pub fn header<T>(&self) -> &T {
        debug_assert!(std::mem::size_of::<T>() <= self.len);
        // SAFETY: page-aligned, zero-initialised, and T is made of atomics.
        unsafe { &*(self.ptr as *const T) }
    }
    pub fn addr(&self) -> usize {
        self.ptr as usize
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        if let Some(p) = std::ptr::NonNull::new(self.ptr as *mut libc::c_void) {
            // SAFETY: this process maps the region once and unmaps it once.
            let _ = unsafe { nix::sys::mman::munmap(p, self.len) };
        }
        // The maker closes its file; forked children leave their copy to their exit.
        if let Some(o) = self.origin {
            if o.pid == super::futex::my_pid() {
                unsafe { libc::close(o.fd) };
            }
        }
    }
}

/// A new in-memory file (kept across exec by no one: close-on-exec).
pub fn memfd(name: &str) -> PyResult<i32> {
    let name = std::ffi::CString::new(name).expect("no NUL in the name");
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(crate::builtins::functions::io_error(
            std::io::Error::last_os_error(),
        ));
    }
    Ok(fd)
}

/// Opens, in this process, the file that process `pid` holds as descriptor `fd`.
pub fn open_origin(pid: i32, fd: i32) -> PyResult<i32> {
    let path = std::ffi::CString::new(format!("/proc/{pid}/fd/{fd}")).expect("no NUL");
    let mine = unsafe { libc::open(path.as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
    if mine < 0 {
        return Err(exc_msg(
            "RuntimeError",
            format!(
                "a manager's object cannot be reached: the process that made it (pid {pid}) \
                 has ended"
            ),
        ));
    }
    Ok(mine)
}
