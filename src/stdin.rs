// Standard input for `input()` and `sys.stdin`: its own buffer, filled by reads that
// first wait in `mp::block::wait`, so that Ctrl-C, signal handlers and pools' callbacks
// run while a program waits for a line.

use crate::interp::{Interp, PyResult};
use crate::mp::block::{self, Wait, WaitOn};
use crate::value::Value;
use std::cell::RefCell;

thread_local! {
    /// Bytes read from fd 0 and not yet handed out.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// In a new child, whose stdin is /dev/null: what the parent had read ahead is not its.
pub fn forget() {
    BUFFER.with(|b| b.borrow_mut().clear());
}

/// Reads more of fd 0 into the buffer, waiting for it; false at end of input.
fn fill(interp: &mut Interp) -> PyResult<bool> {
    let mut chunk = [0u8; 8192];
    loop {
        block::wait(
            interp,
            Wait {
                what: "input",
                on: WaitOn::Readable(0),
                deadline: None,
            },
        )?;
        // SAFETY: `chunk` is a writable buffer of its length.
        let n = unsafe { libc::read(0, chunk.as_mut_ptr().cast(), chunk.len()) };
        if n > 0 {
            BUFFER.with(|b| b.borrow_mut().extend_from_slice(&chunk[..n as usize]));
            return Ok(true);
        }
        if n == 0 {
            return Ok(false);
        }
        let e = std::io::Error::last_os_error();
        if !matches!(e.raw_os_error(), Some(libc::EINTR) | Some(libc::EAGAIN)) {
            return Err(crate::builtins::functions::io_error(e));
        }
    }
}

/// The buffer's first `n` bytes as text (strict UTF-8, as CPython's stdin decodes).
fn take(interp: &mut Interp, n: usize) -> PyResult<String> {
    let bytes: Vec<u8> = BUFFER.with(|b| b.borrow_mut().drain(..n).collect());
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let b = Value::Bytes(std::rc::Rc::new(e.into_bytes()));
            let s = crate::methods::bytes::decode(interp, &[b], vec![])?;
            Ok(interp.str(&s)?.to_string())
        }
    }
}

/// Where the buffer's first `n` characters end, once it holds them all (the last one
/// complete).
fn chars_end(n: usize) -> Option<usize> {
    BUFFER.with(|b| {
        let b = b.borrow();
        // A character starts at every byte that is not a UTF-8 continuation byte.
        let mut seen = 0;
        let mut last = 0;
        for (i, &c) in b.iter().enumerate() {
            if c & 0xC0 != 0x80 {
                if seen == n {
                    return Some(i);
                }
                seen += 1;
                last = i;
            }
        }
        let width = match b.get(last) {
            Some(&c) if c >= 0xF0 => 4,
            Some(&c) if c >= 0xE0 => 3,
            Some(&c) if c >= 0xC0 => 2,
            _ => 1,
        };
        (seen == n && b.len() >= last + width).then_some(b.len())
    })
}

/// Up to `limit` characters (all there is when None), ending after a newline when
/// `line`; empty at end of input.
fn read_upto(interp: &mut Interp, limit: Option<usize>, line: bool) -> PyResult<String> {
    if limit == Some(0) {
        return Ok(String::new());
    }
    // Where the search for a newline goes on: a long line is scanned once.
    let mut searched = 0;
    loop {
        let (newline, len) = BUFFER.with(|b| {
            let b = b.borrow();
            let at = if line {
                b[searched..].iter().position(|&c| c == b'\n')
            } else {
                None
            };
            (at.map(|i| searched + i + 1), b.len())
        });
        let within = limit.and_then(chars_end);
        // Enough: a whole line, or `limit` characters.
        if newline.is_some() || within.is_some() {
            let end = newline.unwrap_or(len).min(within.unwrap_or(len));
            return take(interp, end);
        }
        searched = len;
        if !fill(interp)? {
            return take(interp, len);
        }
    }
}

/// The next line, with its newline (at most `limit` characters of it); empty at end
/// of input.
pub fn read_line(interp: &mut Interp, limit: Option<usize>) -> PyResult<String> {
    read_upto(interp, limit, true)
}

/// The next `limit` characters, or everything left up to the end of input.
pub fn read(interp: &mut Interp, limit: Option<usize>) -> PyResult<String> {
    read_upto(interp, limit, false)
}
