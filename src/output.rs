// The process's standard output and error: buffered writes with one write(2) per
// flush, flushed wherever output order could become visible to another process.
//
// A single process writing to a file or pipe buffers freely; once the process has
// children or is a child (`set_shared`), every print goes out at once as one write, so
// lines from several processes never interleave inside a line. A terminal is always
// written line by line.

use std::cell::RefCell;
use std::io;

struct Out {
    buf: Vec<u8>,
    tty: bool,
    shared: bool,
}

thread_local! {
    static OUT: RefCell<Out> = RefCell::new(Out {
        buf: Vec::with_capacity(1 << 16),
        tty: unsafe { libc::isatty(1) } == 1,
        shared: false,
    });
}

const LIMIT: usize = 1 << 16;

fn write_fd(fd: i32, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

/// Appends one print's text to standard output.
pub fn write_stdout(s: &[u8]) -> io::Result<()> {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.buf.extend_from_slice(s);
        if o.shared || o.buf.len() >= LIMIT || (o.tty && s.contains(&b'\n')) {
            let buf = std::mem::take(&mut o.buf);
            let r = write_fd(1, &buf);
            o.buf = buf;
            o.buf.clear();
            return r;
        }
        Ok(())
    })
}

/// Writes to standard error at once (Python's stderr is unbuffered).
pub fn write_stderr(s: &[u8]) -> io::Result<()> {
    flush_stdout()?;
    write_fd(2, s)
}

pub fn flush_stdout() -> io::Result<()> {
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        if o.buf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut o.buf);
        let r = write_fd(1, &buf);
        o.buf = buf;
        o.buf.clear();
        r
    })
}

/// From now on other processes share our streams: print line by line.
pub fn set_shared() {
    OUT.with(|o| o.borrow_mut().shared = true);
}

/// Drops buffered output without writing it (a forked child must not repeat it).
pub fn discard() {
    OUT.with(|o| o.borrow_mut().buf.clear());
}
