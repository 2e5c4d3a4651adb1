// Shared memory: anonymous MAP_SHARED regions, made before a fork and visible to
// every process forked after.

use crate::interp::err::*;
use crate::interp::PyResult;

/// One shared mapping, unmapped when this process drops its last handle.
pub struct Region {
    ptr: *mut u8,
    len: usize,
}

impl Region {
    pub fn new(len: usize) -> PyResult<Region> {
        use nix::sys::mman::{mmap_anonymous, MapFlags, ProtFlags};
        let len = len.max(1);
        // SAFETY: a fresh anonymous mapping aliases nothing.
        let ptr = unsafe {
            mmap_anonymous(
                None,
                std::num::NonZeroUsize::new(len).expect("len is at least 1"),
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
            )
        }
        .map_err(|_| exc_msg("MemoryError", "cannot allocate shared memory"))?;
        Ok(Region {
            ptr: ptr.as_ptr() as *mut u8,
            len,
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
