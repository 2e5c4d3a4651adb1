// Shared memory: MAP_SHARED regions, made before a fork and visible to every process
// forked after; a manager's regions can also be mapped later by other processes.
//
// A manager's regions are slices of one in-memory file per process (its arena), which
// the process keeps open: any process can map a slice through /proc/<pid>/fd, for as
// long as the maker lives, as a CPython manager keeps its objects while it runs. One
// descriptor serves them all; a slice is not reused (its page stays until exit).

use crate::interp::err::*;
use crate::interp::PyResult;
use std::cell::Cell;

/// Where another process can map a region from: the process that holds its arena
/// open, the arena's descriptor there, and the region's offset and length in it.
/// `serial` numbers the process's regions (the key of a region across processes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Origin {
    pub pid: i32,
    pub fd: i32,
    pub offset: u64,
    pub len: usize,
    pub serial: u64,
}

/// This process's arena: its file and how much of it is handed out.
struct Arena {
    pid: i32,
    fd: i32,
    size: u64,
    serial: u64,
}

thread_local! {
    /// Set while a manager makes an object: its regions become attachable.
    static ATTACHABLE: Cell<bool> = const { Cell::new(false) };
    /// Inherited by a forked child, which then starts its own (`pid` tells).
    static ARENA: std::cell::RefCell<Option<Arena>> = const { std::cell::RefCell::new(None) };
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

fn map(len: usize, fd: Option<i32>, offset: u64) -> PyResult<*mut u8> {
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
                offset as libc::off_t,
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
            ptr: map(len, None, 0)?,
            len,
            origin: None,
        })
    }

    /// A region in this process's arena (made on first use).
    fn new_attachable(len: usize) -> PyResult<Region> {
        let page = 4096;
        let len = len.div_ceil(page) * page;
        let me = super::futex::my_pid();
        let origin = ARENA.with(|a| -> PyResult<Origin> {
            let mut a = a.borrow_mut();
            if a.as_ref().is_none_or(|a| a.pid != me) {
                *a = Some(Arena {
                    pid: me,
                    fd: memfd("spindle-manager")?,
                    size: 0,
                    serial: 0,
                });
            }
            let arena = a.as_mut().expect("made above");
            let offset = arena.size;
            if unsafe { libc::ftruncate(arena.fd, (offset + len as u64) as libc::off_t) } != 0 {
                return Err(crate::builtins::functions::io_error(
                    std::io::Error::last_os_error(),
                ));
            }
            arena.size += len as u64;
            arena.serial += 1;
            Ok(Origin {
                pid: me,
                fd: arena.fd,
                offset,
                len,
                serial: arena.serial,
            })
        })?;
        Ok(Region {
            ptr: map(len, Some(origin.fd), origin.offset)?,
            len,
            origin: Some(origin),
        })
    }

    /// Maps a region another process made attachable.
    pub fn attach(origin: Origin) -> PyResult<Region> {
        let fd = open_origin(origin.pid, origin.fd)?;
        let mapped = map(origin.len.max(1), Some(fd), origin.offset);
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
