// Shared values and arrays: typed C-like storage in shared memory (Value, Array,
// RawValue, RawArray and the `shared()` builtin), with an optional lock.

use super::shm::Region;
use super::{native_class, this};
use crate::builtins::functions::take_kw;
use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::NativeObject;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Kwargs, Value};
use std::any::Any;
use std::rc::Rc;

/// The element type of a typecode: size and how to read and write it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
    Char,
    WChar,
}

impl Code {
    pub fn parse(tc: &str) -> PyResult<Code> {
        Ok(match tc {
            "b" => Code::I8,
            "B" => Code::U8,
            "h" => Code::I16,
            "H" => Code::U16,
            "i" => Code::I32,
            "I" => Code::U32,
            "l" | "q" => Code::I64,
            "L" | "Q" => Code::U64,
            "f" => Code::F32,
            "d" => Code::F64,
            "c" => Code::Char,
            "u" => Code::WChar,
            _ => return Err(type_error("this type has no size")),
        })
    }
    pub fn size(self) -> usize {
        match self {
            Code::I8 | Code::U8 | Code::Char => 1,
            Code::I16 | Code::U16 => 2,
            Code::I32 | Code::U32 | Code::F32 | Code::WChar => 4,
            Code::I64 | Code::U64 | Code::F64 => 8,
        }
    }
    /// The ctypes name CPython prints (`c_int`, `c_double`, ...).
    pub fn ctype(self) -> &'static str {
        match self {
            Code::I8 => "c_byte",
            Code::U8 => "c_ubyte",
            Code::I16 => "c_short",
            Code::U16 => "c_ushort",
            Code::I32 => "c_int",
            Code::U32 => "c_uint",
            Code::I64 => "c_long",
            Code::U64 => "c_ulong",
            Code::F32 => "c_float",
            Code::F64 => "c_double",
            Code::Char => "c_char",
            Code::WChar => "c_wchar",
        }
    }
    fn is_float(self) -> bool {
        matches!(self, Code::F32 | Code::F64)
    }
}

/// A shared value (len 1, `is_array` false) or array.
pub struct Shared {
    region: Rc<Region>,
    pub code: Code,
    pub len: usize,
    pub is_array: bool,
    /// The lock of a synchronized wrapper (None for Raw*).
    pub lock: Option<Value>,
}

impl Shared {
    pub fn addr(&self) -> usize {
        self.region.addr()
    }

    fn ptr(&self, i: usize) -> *mut u8 {
        // SAFETY: callers check i < len; the region holds len * size bytes.
        unsafe { self.region.ptr().add(i * self.code.size()) }
    }

    pub fn get(&self, i: usize) -> Value {
        let p = self.ptr(i);
        // SAFETY: p is in bounds and aligned to the element size (page-aligned base).
        unsafe {
            match self.code {
                Code::I8 => Value::Int(*(p as *const i8) as i64),
                Code::U8 => Value::Int(*p as i64),
                Code::I16 => Value::Int(*(p as *const i16) as i64),
                Code::U16 => Value::Int(*(p as *const u16) as i64),
                Code::I32 => Value::Int(std::ptr::read_volatile(p as *const i32) as i64),
                Code::U32 => Value::Int(*(p as *const u32) as i64),
                Code::I64 => Value::Int(std::ptr::read_volatile(p as *const i64)),
                Code::U64 => Value::from_bigint(num_bigint::BigInt::from(*(p as *const u64))),
                Code::F32 => Value::Float(*(p as *const f32) as f64),
                Code::F64 => Value::Float(std::ptr::read_volatile(p as *const f64)),
                Code::Char => Value::Bytes(Rc::new(vec![*p])),
                Code::WChar => Value::string(
                    char::from_u32(*(p as *const u32))
                        .unwrap_or('\0')
                        .to_string(),
                ),
            }
        }
    }

    pub fn set(&self, interp: &Interp, i: usize, v: &Value) -> PyResult<()> {
        let p = self.ptr(i);
        let int = |v: &Value| -> PyResult<i64> {
            match v {
                Value::Int(n) => Ok(*n),
                Value::Bool(b) => Ok(*b as i64),
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    Ok((&**b & num_bigint::BigInt::from(u64::MAX))
                        .to_u64()
                        .unwrap_or(0) as i64)
                }
                other => Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(other)
                ))),
            }
        };
        let float = |v: &Value| -> PyResult<f64> {
            match v {
                Value::Float(f) => Ok(*f),
                Value::Int(n) => Ok(*n as f64),
                Value::Bool(b) => Ok(*b as i64 as f64),
                Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b)
                    .filter(|f| f.is_finite())
                    .ok_or_else(|| overflow_error("int too large to convert to float")),
                other => Err(type_error(format!(
                    "must be real number, not {}",
                    interp.type_name(other)
                ))),
            }
        };
        // SAFETY: p is in bounds and aligned for the element type.
        unsafe {
            match self.code {
                Code::I8 | Code::U8 => *p = int(v)? as u8,
                Code::I16 | Code::U16 => *(p as *mut u16) = int(v)? as u16,
                Code::I32 | Code::U32 => std::ptr::write_volatile(p as *mut u32, int(v)? as u32),
                Code::I64 | Code::U64 => std::ptr::write_volatile(p as *mut i64, int(v)?),
                Code::F32 => *(p as *mut f32) = float(v)? as f32,
                Code::F64 => std::ptr::write_volatile(p as *mut f64, float(v)?),
                Code::Char => match v {
                    Value::Bytes(b) if b.len() == 1 => *p = b[0],
                    Value::Int(n) if (0..256).contains(n) => *p = *n as u8,
                    other => {
                        return Err(type_error(format!(
                            "one character bytes, bytearray or integer expected, got {}",
                            interp.type_name(other)
                        )))
                    }
                },
                Code::WChar => match v {
                    Value::Str(s) if s.len() == 1 => *(p as *mut u32) = s.char_at(0) as u32,
                    other => {
                        return Err(type_error(format!(
                            "unicode string expected instead of {} instance",
                            interp.type_name(other)
                        )))
                    }
                },
            }
        }
        Ok(())
    }

    fn index(&self, interp: &mut Interp, idx: &Value) -> PyResult<usize> {
        let i = interp.to_index(idx, "indices")?;
        let j = if i < 0 { i + self.len as i64 } else { i };
        if j < 0 || j >= self.len as i64 {
            return Err(index_error("invalid index"));
        }
        Ok(j as usize)
    }

    fn all(&self) -> Vec<Value> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    fn value_repr(&self, interp: &mut Interp) -> PyResult<String> {
        if self.is_array {
            return Ok(format!(
                "<multiprocessing.sharedctypes.{}_Array_{} object at {:#x}>",
                self.code.ctype(),
                self.len,
                self.addr()
            ));
        }
        let v = self.get(0);
        let inner = match (self.code, &v) {
            (_, Value::Float(f)) if self.code.is_float() => crate::format::float_repr(*f),
            _ => interp.repr(&v)?,
        };
        Ok(format!("{}({})", self.code.ctype(), inner))
    }
}

impl Shared {
    /// The class of a locked array: one of chars is a string (`.value`, `.raw`).
    fn array_wrapper(&self) -> &'static str {
        if self.code.ctype() == "c_char" {
            "SynchronizedString"
        } else {
            "SynchronizedArray"
        }
    }
}

impl NativeObject for Shared {
    fn class(&self) -> Rc<Class> {
        match (self.lock.is_some(), self.is_array) {
            (true, false) => native_class(
                "Synchronized",
                "multiprocessing.sharedctypes",
                SHARED_METHODS,
            ),
            (true, true) => native_class(
                self.array_wrapper(),
                "multiprocessing.sharedctypes",
                SHARED_METHODS,
            ),
            (false, false) => native_class(self.code.ctype(), "ctypes", RAW_METHODS),
            (false, true) => native_class("RawArray", "multiprocessing.sharedctypes", RAW_METHODS),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        // `counter.value` of a scalar: one symbol comparison, no name lookup.
        if name == interp.sym.value && !self.is_array {
            return Ok(Some(self.get(0)));
        }
        Ok(match name.as_str() {
            "value" if !self.is_array => Some(self.get(0)),
            "value" if self.code == Code::Char => {
                let bytes: Vec<u8> = (0..self.len)
                    .map(|i| unsafe { *self.ptr(i) })
                    .take_while(|b| *b != 0)
                    .collect();
                Some(Value::Bytes(Rc::new(bytes)))
            }
            "value" if self.code == Code::WChar => {
                let items: Vec<Value> = self.all();
                let text = wchars(&items);
                Some(Value::string(
                    text.split('\0').next().unwrap_or("").to_string(),
                ))
            }
            "raw" if self.code == Code::Char => {
                let bytes: Vec<u8> = (0..self.len).map(|i| unsafe { *self.ptr(i) }).collect();
                Some(Value::Bytes(Rc::new(bytes)))
            }
            _ => None,
        })
    }
    fn setattr(&self, interp: &mut Interp, name: Symbol, value: &Value) -> PyResult<bool> {
        if name == interp.sym.value && !self.is_array {
            self.set(interp, 0, value)?;
            return Ok(true);
        }
        match name.as_str() {
            "value" if !self.is_array => {
                self.set(interp, 0, value)?;
                Ok(true)
            }
            "value" | "raw" if self.code == Code::Char => {
                let b = match value {
                    Value::Bytes(b) => b.clone(),
                    _ => return Err(type_error("bytes expected")),
                };
                if b.len() > self.len {
                    return Err(value_error("byte string too long"));
                }
                for (i, x) in b.iter().enumerate() {
                    unsafe { *self.ptr(i) = *x };
                }
                if b.len() < self.len && name.as_str() == "value" {
                    unsafe { *self.ptr(b.len()) = 0 };
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let inner = self.value_repr(interp)?;
        Ok(match (&self.lock, self.is_array) {
            (Some(_), false) => format!("<Synchronized wrapper for {}>", inner),
            (Some(_), true) => format!("<{} wrapper for {}>", self.array_wrapper(), inner),
            (None, _) => inner,
        })
    }
}

/// The text of a `c_wchar` array's elements.
fn wchars(items: &[Value]) -> String {
    items
        .iter()
        .map(|v| match v {
            Value::Str(c) => c.as_str().to_string(),
            _ => String::new(),
        })
        .collect()
}

fn with_lock(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    match &s.lock {
        Some(l) => {
            let m = interp.getattr(l, crate::intern::intern(name))?;
            interp.call(&m, args[1..].to_vec(), vec![])
        }
        None => Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            s.code.ctype(),
            name
        ))),
    }
}

fn sh_get_lock(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    s.lock
        .clone()
        .ok_or_else(|| attribute_error("object has no attribute 'get_lock'"))
}

fn sh_get_obj(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    Ok(Value::Object(crate::value::new_obj(Shared {
        region: s.region.clone(),
        code: s.code,
        len: s.len,
        is_array: s.is_array,
        lock: None,
    })))
}

fn sh_acquire(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    with_lock(interp, args, "acquire")
}
fn sh_release(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    with_lock(interp, args, "release")
}
fn sh_enter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    with_lock(interp, &args[..1], "__enter__")
}
fn sh_exit(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    with_lock(interp, &args[..1], "release")
}

fn sh_len(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    if !s.is_array {
        return Err(type_error(format!(
            "object of type '{}' has no len()",
            s.code.ctype()
        )));
    }
    Ok(Value::Int(s.len as i64))
}

fn sh_getitem(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    if let Value::Slice(sl) = &args[1] {
        let (start, _, step, n) = interp.resolve_slice(sl, s.len)?;
        let items: Vec<Value> = (0..n)
            .map(|k| s.get((start + k as i64 * step) as usize))
            .collect();
        if s.code == Code::WChar {
            return Ok(Value::string(wchars(&items)));
        }
        if s.code == Code::Char {
            let bytes: Vec<u8> = items
                .iter()
                .map(|v| if let Value::Bytes(b) = v { b[0] } else { 0 })
                .collect();
            return Ok(Value::Bytes(Rc::new(bytes)));
        }
        return Ok(Value::list(items));
    }
    let i = s.index(interp, &args[1])?;
    Ok(s.get(i))
}

fn sh_setitem(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    if let Value::Slice(sl) = &args[1] {
        let (start, _, step, n) = interp.resolve_slice(sl, s.len)?;
        let items = match &args[2] {
            Value::Bytes(b) if s.code == Code::Char => {
                b.iter().map(|x| Value::Bytes(Rc::new(vec![*x]))).collect()
            }
            other => interp.collect(other)?,
        };
        if items.len() != n {
            return Err(value_error("Can only assign sequence of same size"));
        }
        for (k, v) in items.iter().enumerate() {
            s.set(interp, (start + k as i64 * step) as usize, v)?;
        }
        return Ok(Value::None);
    }
    let i = s.index(interp, &args[1])?;
    s.set(interp, i, &args[2])?;
    Ok(Value::None)
}

fn sh_iter(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let s: &Shared = this(args)?;
    if !s.is_array {
        return Err(type_error(format!(
            "'{}' object is not iterable",
            s.code.ctype()
        )));
    }
    interp.iter(&Value::list(s.all()))
}

const SHARED_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("get_lock", sh_get_lock),
    ("get_obj", sh_get_obj),
    ("acquire", sh_acquire),
    ("release", sh_release),
    ("__enter__", sh_enter),
    ("__exit__", sh_exit),
    ("__len__", sh_len),
    ("__getitem__", sh_getitem),
    ("__setitem__", sh_setitem),
    ("__iter__", sh_iter),
];

/// A raw ctypes object has no lock: only the container protocol.
const RAW_METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("__len__", sh_len),
    ("__getitem__", sh_getitem),
    ("__setitem__", sh_setitem),
    ("__iter__", sh_iter),
];

fn typecode(interp: &Interp, v: &Value) -> PyResult<Code> {
    match v {
        Value::Str(s) => Code::parse(s.as_str()),
        other => Err(type_error(format!(
            "typecode must be a str, not {}",
            interp.type_name(other)
        ))),
    }
}

fn make_lock(interp: &mut Interp, lock: Option<Value>) -> PyResult<Option<Value>> {
    Ok(match lock {
        None | Some(Value::Bool(true)) => Some(super::sync::new_rlock(interp, &[], vec![])?),
        Some(Value::Bool(false)) => None,
        Some(l) => {
            if interp
                .getattr(&l, crate::intern::intern("acquire"))
                .is_err()
            {
                let r = interp.repr(&l)?;
                return Err(attribute_error(format!("{} has no method 'acquire'", r)));
            }
            Some(l)
        }
    })
}

fn new_shared(
    interp: &mut Interp,
    code: Code,
    init: Vec<Value>,
    is_array: bool,
    lock: Option<Value>,
) -> PyResult<Value> {
    let len = init.len();
    let s = Shared {
        region: Rc::new(Region::new(code.size() * len.max(1))?),
        code,
        len,
        is_array,
        lock,
    };
    for (i, v) in init.iter().enumerate() {
        s.set(interp, i, v)?;
    }
    Ok(super::shared_value(crate::value::new_obj(s)))
}

/// The leading arguments of `BaseContext.<what>()` (`names`, by position or keyword),
/// then its `lock` keyword (false for the raw forms, which have none); any other
/// keyword is refused, with CPython's messages.
fn signature(
    what: &str,
    args: &[Value],
    mut kw: Kwargs,
    names: &[&str],
    raw: bool,
) -> PyResult<(Vec<Value>, Option<Value>)> {
    let qual = format!("BaseContext.{what}");
    let mut leading = Vec::with_capacity(names.len());
    let mut missing = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let by_keyword = take_kw(&mut kw, name);
        match (args.get(i).cloned(), by_keyword) {
            (Some(_), Some(_)) => {
                return Err(type_error(format!(
                    "{qual}() got multiple values for argument '{name}'"
                )))
            }
            (Some(v), None) | (None, Some(v)) => leading.push(v),
            (None, None) => missing.push(crate::intern::intern(name)),
        }
    }
    if !missing.is_empty() {
        return Err(crate::interp::call::missing_error(
            &qual,
            "positional",
            &missing,
        ));
    }
    let lock = if raw {
        Some(Value::Bool(false))
    } else {
        take_kw(&mut kw, "lock")
    };
    crate::builtins::functions::reject_unexpected_kw(&qual, &kw)?;
    Ok((leading, lock))
}

/// The zero of an element of type `code`.
fn zero_of(code: Code) -> Value {
    if code.is_float() {
        Value::Float(0.0)
    } else if code == Code::Char {
        Value::Bytes(Rc::new(vec![0]))
    } else if code == Code::WChar {
        Value::str("\0")
    } else {
        Value::Int(0)
    }
}

/// `Value(typecode, value=0, lock=True)` and `RawValue(typecode, value=0)`.
fn value_impl(interp: &mut Interp, args: &[Value], kw: Kwargs, raw: bool) -> PyResult<Value> {
    let what = if raw { "RawValue" } else { "Value" };
    let (leading, lock) = signature(what, args, kw, &["typecode_or_type"], raw)?;
    let code = typecode(interp, &leading[0])?;
    let init = match args.get(1..).unwrap_or_default() {
        [] => zero_of(code),
        [v] => v.clone(),
        // CPython passes the rest on to the ctypes constructor, which says this.
        more => {
            return Err(type_error(format!(
                "__init__ expected at most 1 argument, got {}",
                more.len()
            )))
        }
    };
    let lock = make_lock(interp, lock)?;
    new_shared(interp, code, vec![init], false, lock)
}

pub fn new_value(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    value_impl(interp, args, kw, false)
}
pub fn new_raw_value(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    value_impl(interp, args, kw, true)
}

/// `Array(typecode, size_or_initializer, lock=True)` and `RawArray(...)`.
fn array_impl(interp: &mut Interp, args: &[Value], kw: Kwargs, raw: bool) -> PyResult<Value> {
    let what = if raw { "RawArray" } else { "Array" };
    let names = ["typecode_or_type", "size_or_initializer"];
    let (leading, lock) = signature(what, args, kw, &names, raw)?;
    if args.len() > 2 {
        return Err(type_error(format!(
            "BaseContext.{what}() takes 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let code = typecode(interp, &leading[0])?;
    let init = match &leading[1] {
        Value::Int(n) => {
            if *n < 0 {
                return Err(value_error(format!("Array length must be >= 0, not {n}")));
            }
            check_alloc(*n as usize, 8)?;
            vec![zero_of(code); *n as usize]
        }
        Value::Bytes(b) if code == Code::Char => {
            b.iter().map(|x| Value::Bytes(Rc::new(vec![*x]))).collect()
        }
        other => {
            // CPython sizes the array first: an initializer needs a len().
            interp.len(other)?;
            interp.collect(other)?
        }
    };
    let lock = make_lock(interp, lock)?;
    new_shared(interp, code, init, true, lock)
}

pub fn new_array(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    array_impl(interp, args, kw, false)
}
pub fn new_raw_array(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    array_impl(interp, args, kw, true)
}

/// The `shared(x)` builtin: a synchronized shared value for a number, an array for
/// a list of numbers.
pub fn shared(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    crate::builtins::functions::arity("shared", args, 1, 1)?;
    let lock = make_lock(interp, None)?;
    match &args[0] {
        Value::Int(_) | Value::Bool(_) => {
            new_shared(interp, Code::I64, vec![args[0].clone()], false, lock)
        }
        Value::Float(_) => new_shared(interp, Code::F64, vec![args[0].clone()], false, lock),
        Value::List(l) => {
            let items = l.borrow().clone();
            let code = if items
                .iter()
                .all(|v| matches!(v, Value::Int(_) | Value::Bool(_)))
            {
                Code::I64
            } else if items
                .iter()
                .all(|v| matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)))
            {
                Code::F64
            } else {
                return managed(interp, &args[0]);
            };
            new_shared(interp, code, items, true, lock)
        }
        Value::Dict(_) => managed(interp, &args[0]),
        other => Err(type_error(format!(
            "shared() cannot share a '{}' value",
            interp.type_name(other)
        ))),
    }
}

/// A list or dict that is not just numbers lives in a manager's server process.
fn managed(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    let m = interp.import_module_by_name("multiprocessing")?;
    let f = interp.getattr(&m, crate::intern::intern("_shared_managed"))?;
    interp.call(&f, vec![v.clone()], vec![])
}
