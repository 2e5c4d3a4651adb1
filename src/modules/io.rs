// Files: the built-in `open()` and its file objects (text UTF-8 and binary).

use crate::builtins::def_method;
use crate::builtins::functions::{arity, io_error, take_kw};
use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::{downcast, NativeObject};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::rc::Rc;

enum Handle {
    Read(BufReader<File>),
    Write(BufWriter<File>),
    /// `+` modes: unbuffered both ways.
    Both(File),
    Closed,
}

pub struct FileObj {
    h: RefCell<Handle>,
    name: String,
    mode: String,
    binary: bool,
    closed: Cell<bool>,
}

const TEXT: &str = "TextIOWrapper";
const BIN_R: &str = "BufferedReader";
const BIN_W: &str = "BufferedWriter";

/// Registers `open` and the methods of file objects.
pub fn install(interp: &mut Interp) {
    interp.set_builtin("open", crate::builtins::native("open", open));
    for name in [TEXT, BIN_R, BIN_W] {
        let cls = types().native(name);
        let methods: &[(&'static str, crate::value::NativeFn)] = &[
            ("read", read),
            ("readline", readline),
            ("readlines", readlines),
            ("write", write),
            ("writelines", writelines),
            ("close", close),
            ("flush", flush),
            ("seek", seek),
            ("tell", tell),
            ("readable", readable),
            ("writable", writable),
            ("fileno", fileno),
            ("isatty", isatty),
            ("__enter__", enter),
            ("__exit__", exit),
        ];
        for (n, f) in methods {
            def_method(&cls, name, n, *f);
        }
    }
}

fn open(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let file = super::arg_or_kw(args, &mut kw, 0, "file");
    let mode = super::arg_or_kw(args, &mut kw, 1, "mode");
    let encoding = super::arg_or_kw(args, &mut kw, 3, "encoding");
    take_kw(&mut kw, "errors");
    take_kw(&mut kw, "newline");
    take_kw(&mut kw, "buffering");
    crate::builtins::functions::reject_unknown_kw("open", &kw)?;
    arity("open", args, 1, 8)?;
    let path = match file {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                interp.type_name(&other)
            )))
        }
        None => {
            return Err(type_error(
                "open() missing required argument 'file' (pos 1)",
            ))
        }
    };
    let mode = match mode {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "open() argument 'mode' must be str, not {}",
                interp.type_name(&other)
            )))
        }
    };
    let binary = mode.contains('b');
    if binary && !matches!(encoding, None | Some(Value::None)) {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    let kinds = mode.chars().filter(|c| "rwxa".contains(*c)).count();
    if kinds != 1 || mode.chars().any(|c| !"rwxabt+".contains(c)) || (binary && mode.contains('t'))
    {
        return Err(value_error(format!("invalid mode: '{}'", mode)));
    }
    let plus = mode.contains('+');
    let mut opts = std::fs::OpenOptions::new();
    if mode.contains('r') {
        opts.read(true).write(plus);
    } else if mode.contains('w') {
        opts.write(true).create(true).truncate(true).read(plus);
    } else if mode.contains('a') {
        opts.append(true).create(true).read(plus);
    } else {
        opts.write(true).create_new(true).read(plus);
    }
    let f = opts.open(&path).map_err(|e| super::path_error(e, &path))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(super::path_error(
            std::io::Error::from_raw_os_error(libc::EISDIR),
            &path,
        ));
    }
    let h = if plus {
        Handle::Both(f)
    } else if mode.contains('r') {
        Handle::Read(BufReader::with_capacity(1 << 16, f))
    } else {
        Handle::Write(BufWriter::with_capacity(1 << 16, f))
    };
    Ok(Value::Object(crate::value::new_obj(FileObj {
        h: RefCell::new(h),
        name: path,
        mode,
        binary,
        closed: Cell::new(false),
    })))
}

impl NativeObject for FileObj {
    fn class(&self) -> Rc<Class> {
        types().native(if !self.binary {
            TEXT
        } else if self.mode.contains('r') {
            BIN_R
        } else {
            BIN_W
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        let line = self.read_line()?;
        Ok(if line.is_empty() {
            None
        } else {
            Some(self.wrap(line))
        })
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok(match name.as_str() {
            "name" => Some(Value::str(&self.name)),
            "mode" => Some(Value::str(&self.mode)),
            "closed" => Some(Value::Bool(self.closed.get())),
            "encoding" if !self.binary => Some(Value::str("UTF-8")),
            _ => None,
        })
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let name = interp.repr(&Value::str(&self.name))?;
        Ok(if self.closed.get() || self.binary {
            format!("<_io.{} name={}>", self.class().name, name)
        } else {
            format!(
                "<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>",
                name, self.mode
            )
        })
    }
}

fn closed_error() -> Exc {
    value_error("I/O operation on closed file.")
}

fn unsupported(what: &str) -> Exc {
    exc_msg("OSError", what.to_string())
}

impl FileObj {
    fn wrap(&self, bytes: Vec<u8>) -> Value {
        if self.binary {
            Value::Bytes(Rc::new(bytes))
        } else {
            match String::from_utf8(bytes) {
                Ok(s) => Value::string(s),
                Err(e) => Value::string(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            }
        }
    }

    fn check_utf8(&self, bytes: Vec<u8>) -> PyResult<Value> {
        if self.binary {
            return Ok(Value::Bytes(Rc::new(bytes)));
        }
        match String::from_utf8(bytes) {
            Ok(s) => Ok(Value::string(s)),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let b = e.as_bytes()[pos];
                Err(exc_msg(
                    "UnicodeDecodeError",
                    format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b, pos
                    ),
                ))
            }
        }
    }

    fn read_line(&self) -> PyResult<Vec<u8>> {
        let mut h = self.h.borrow_mut();
        let mut buf = Vec::new();
        match &mut *h {
            Handle::Read(r) => {
                r.read_until(b'\n', &mut buf).map_err(io_error)?;
            }
            Handle::Both(f) => {
                let mut b = [0u8; 1];
                while f.read(&mut b).map_err(io_error)? == 1 {
                    buf.push(b[0]);
                    if b[0] == b'\n' {
                        break;
                    }
                }
            }
            Handle::Write(_) => return Err(unsupported("not readable")),
            Handle::Closed => return Err(closed_error()),
        }
        Ok(buf)
    }

    fn reader(&self) -> PyResult<std::cell::RefMut<'_, Handle>> {
        let h = self.h.borrow_mut();
        match &*h {
            Handle::Closed => Err(closed_error()),
            Handle::Write(_) => Err(unsupported("not readable")),
            _ => Ok(h),
        }
    }
}

fn me(v: &Value) -> PyResult<&FileObj> {
    downcast::<FileObj>(v).ok_or_else(|| type_error("descriptor requires a file object"))
}

fn size_arg(interp: &mut Interp, args: &[Value]) -> PyResult<i64> {
    match args.get(1) {
        None | Some(Value::None) => Ok(-1),
        Some(v) => interp.to_index(v, "size"),
    }
}

fn read_all(h: &mut Handle) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    match h {
        Handle::Read(r) => r.read_to_end(&mut buf).map_err(io_error)?,
        Handle::Both(f) => f.read_to_end(&mut buf).map_err(io_error)?,
        _ => 0,
    };
    Ok(buf)
}

fn read(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "read", args) {
        return r;
    }
    arity("read", &args[1..], 0, 1)?;
    let f = me(&args[0])?;
    let n = size_arg(interp, args)?;
    if f.binary && f.closed.get() {
        return Err(value_error("read of closed file"));
    }
    let mut h = f.reader()?;
    if n < 0 {
        let buf = read_all(&mut h)?;
        drop(h);
        return f.check_utf8(buf);
    }
    let r: &mut dyn Read = match &mut *h {
        Handle::Read(r) => r,
        Handle::Both(x) => x,
        _ => return Err(closed_error()),
    };
    let mut out = Vec::new();
    if f.binary {
        out.resize(n as usize, 0);
        let mut got = 0;
        while got < out.len() {
            let k = r.read(&mut out[got..]).map_err(io_error)?;
            if k == 0 {
                break;
            }
            got += k;
        }
        out.truncate(got);
        return Ok(Value::Bytes(Rc::new(out)));
    }
    // Text: n characters.
    let mut chars = 0;
    let mut b = [0u8; 1];
    while chars < n {
        if r.read(&mut b).map_err(io_error)? == 0 {
            break;
        }
        out.push(b[0]);
        let lead = b[0];
        let extra = if lead >= 0xF0 {
            3
        } else if lead >= 0xE0 {
            2
        } else if lead >= 0xC0 {
            1
        } else {
            0
        };
        for _ in 0..extra {
            if r.read(&mut b).map_err(io_error)? == 0 {
                break;
            }
            out.push(b[0]);
        }
        chars += 1;
    }
    drop(h);
    f.check_utf8(out)
}

fn readline(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "readline", args) {
        return r;
    }
    arity("readline", &args[1..], 0, 1)?;
    let f = me(&args[0])?;
    let _ = size_arg(interp, args)?;
    let line = f.read_line()?;
    f.check_utf8(line)
}

fn readlines(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "readlines", args) {
        return r;
    }
    let f = me(&args[0])?;
    let mut out = Vec::new();
    loop {
        let line = f.read_line()?;
        if line.is_empty() {
            break;
        }
        out.push(f.check_utf8(line)?);
    }
    Ok(Value::list(out))
}

fn write_bytes(f: &FileObj, data: &[u8]) -> PyResult<()> {
    let mut h = f.h.borrow_mut();
    match &mut *h {
        Handle::Write(w) => w.write_all(data).map_err(io_error),
        Handle::Both(x) => x.write_all(data).map_err(io_error),
        Handle::Read(_) => Err(unsupported("not writable")),
        Handle::Closed => Err(closed_error()),
    }
}

fn write(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "write", args) {
        return r;
    }
    arity("write", &args[1..], 1, 1)?;
    let f = me(&args[0])?;
    if f.closed.get() {
        return Err(closed_error());
    }
    match (&args[1], f.binary) {
        (Value::Str(s), false) => {
            write_bytes(f, s.as_str().as_bytes())?;
            Ok(Value::Int(s.len() as i64))
        }
        (Value::Bytes(b), true) => {
            write_bytes(f, b)?;
            Ok(Value::Int(b.len() as i64))
        }
        (other, false) => Err(type_error(format!(
            "write() argument must be str, not {}",
            interp.type_name(other)
        ))),
        (other, true) => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(other)
        ))),
    }
}

fn writelines(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "writelines", args) {
        return r;
    }
    arity("writelines", &args[1..], 1, 1)?;
    for line in interp.collect(&args[1])? {
        write(interp, &[args[0].clone(), line], vec![])?;
    }
    Ok(Value::None)
}

fn close(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "close", args) {
        return r;
    }
    let f = me(&args[0])?;
    let h = std::mem::replace(&mut *f.h.borrow_mut(), Handle::Closed);
    f.closed.set(true);
    if let Handle::Write(mut w) = h {
        w.flush().map_err(io_error)?;
    }
    Ok(Value::None)
}

fn flush(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "flush", args) {
        return r;
    }
    let f = me(&args[0])?;
    match &mut *f.h.borrow_mut() {
        Handle::Write(w) => w.flush().map_err(io_error)?,
        Handle::Closed => return Err(closed_error()),
        _ => {}
    }
    Ok(Value::None)
}

fn seek(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "seek", args) {
        return r;
    }
    arity("seek", &args[1..], 1, 2)?;
    let f = me(&args[0])?;
    let off = interp.to_index(&args[1], "offset")?;
    let whence = match args.get(2) {
        Some(v) => interp.to_index(v, "whence")?,
        None => 0,
    };
    let pos = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return Err(value_error(format!(
                "invalid whence ({}, should be 0, 1 or 2)",
                whence
            )))
        }
    };
    let r = match &mut *f.h.borrow_mut() {
        Handle::Read(r) => r.seek(pos),
        Handle::Write(w) => w.seek(pos),
        Handle::Both(x) => x.seek(pos),
        Handle::Closed => return Err(closed_error()),
    };
    Ok(Value::Int(r.map_err(io_error)? as i64))
}

fn tell(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "tell", args) {
        return r;
    }
    let f = me(&args[0])?;
    let r = match &mut *f.h.borrow_mut() {
        Handle::Read(r) => r.stream_position(),
        Handle::Write(w) => w.stream_position(),
        Handle::Both(x) => x.stream_position(),
        Handle::Closed => return Err(closed_error()),
    };
    Ok(Value::Int(r.map_err(io_error)? as i64))
}

fn readable(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "readable", args) {
        return r;
    }
    let f = me(&args[0])?;
    Ok(Value::Bool(matches!(
        &*f.h.borrow(),
        Handle::Read(_) | Handle::Both(_)
    )))
}

fn writable(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "writable", args) {
        return r;
    }
    let f = me(&args[0])?;
    Ok(Value::Bool(matches!(
        &*f.h.borrow(),
        Handle::Write(_) | Handle::Both(_)
    )))
}

fn fileno(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "fileno", args) {
        return r;
    }
    use std::os::fd::AsRawFd;
    let f = me(&args[0])?;
    let fd = match &*f.h.borrow() {
        Handle::Read(r) => r.get_ref().as_raw_fd(),
        Handle::Write(w) => w.get_ref().as_raw_fd(),
        Handle::Both(x) => x.as_raw_fd(),
        Handle::Closed => return Err(closed_error()),
    };
    Ok(Value::Int(fd as i64))
}

fn enter(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "__enter__", args) {
        return r;
    }
    let f = me(&args[0])?;
    if f.closed.get() {
        return Err(closed_error());
    }
    Ok(args[0].clone())
}

fn exit(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "__exit__", args) {
        return r;
    }
    close(interp, &args[..1], vec![])?;
    Ok(Value::None)
}

/// Flushes a file object when the program drops it without closing.
impl Drop for FileObj {
    fn drop(&mut self) {
        if let Handle::Write(w) = &mut *self.h.borrow_mut() {
            let _ = w.flush();
        }
    }
}

fn isatty(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if let Some(r) = super::sys::stream_call(interp, "isatty", args) {
        return r;
    }
    me(&args[0])?;
    Ok(Value::Bool(false))
}
