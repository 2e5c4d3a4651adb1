// str(), repr() and format() of every value, as CPython prints them.

use super::err::*;
use super::{Interp, PyResult};
use crate::format::{float_repr, FormatSpec};
use crate::value::object::Payload;
use crate::value::Value;

/// The message of an exception, as `str(e)` gives it.
pub fn exc_message(e: &Exc) -> String {
    let args = e.args();
    if e.is_os_error() {
        if let Some(s) = os_error_message(e) {
            return s;
        }
    }
    match args.len() {
        0 => String::new(),
        1 => match &args[0] {
            Value::Str(s) => s.as_str().to_string(),
            other => match super::current() {
                Some(i) => i.str(other).unwrap_or_default(),
                None => String::new(),
            },
        },
        _ => match super::current() {
            Some(i) => i.repr(&Value::tuple(args)).unwrap_or_default(),
            None => String::new(),
        },
    }
}

/// `[Errno 2] No such file or directory: 'x.txt'` (with ` -> 'y'` for two paths), from
/// the error's attributes as CPython reads them; None when it has no errno and
/// strerror (its args then make the message).
fn os_error_message(e: &Exc) -> Option<String> {
    let i = super::current()?;
    let attr = |name| os_error_attr(&e.0, name);
    let (errno, strerror) = (attr("errno"), attr("strerror"));
    if (errno.is_none() || strerror.is_none()) && attr("filename").is_none() {
        return None;
    }
    let none = Value::None;
    let mut s = format!(
        "[Errno {}] {}",
        i.str(errno.as_ref().unwrap_or(&none)).unwrap_or_default(),
        i.str(strerror.as_ref().unwrap_or(&none))
            .unwrap_or_default()
    );
    if let Some(f) = attr("filename") {
        s.push_str(&format!(": {}", i.repr(&f).unwrap_or_default()));
        if let Some(g) = attr("filename2") {
            s.push_str(&format!(" -> {}", i.repr(&g).unwrap_or_default()));
        }
    }
    Some(s)
}

/// `ascii()`: escapes every non-ASCII character of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

/// What a RecursionError says was happening when printing nested containers.
const REPR_DEPTH: &str = "while getting the repr of an object";

impl Interp {
    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                if let Some(f) = self.user_method(v, self.sym.str_) {
                    return self.call_str_method(&f, v, "__str__");
                }
                if inst.exc().is_some() {
                    let e = Exc(inst.clone());
                    let args = e.args();
                    if args.len() == 1 && e.is("KeyError") {
                        return self.repr(&args[0]);
                    }
                    return Ok(exc_message(&e));
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    fn call_str_method(&mut self, f: &Value, v: &Value, which: &str) -> PyResult<String> {
        match self.call(f, vec![v.clone()], vec![])? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(type_error(format!(
                "{} returned non-string (type {})",
                which,
                self.type_name(&other)
            ))),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Undef => "<undefined>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => crate::format::str_repr(s.as_str()),
            Value::Bytes(b) => crate::format::bytes_repr(b),
            Value::List(l) => {
                let items = l.borrow().clone();
                self.repr_seq(v, "[", &items, "]")?
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    self.repr_seq(v, "(", t, ")")?
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .items()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                self.repr_dict(v, &items)?
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().map(|k| k.key.clone()).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    self.repr_seq(v, "{", &items, "}")?
                }
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|k| k.key.clone()).collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({})", self.repr_seq(v, "{", &items, "}")?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.id()),
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    other => self.repr(other)?,
                };
                let recv = self.repr(&m.receiver)?;
                format!("<bound method {} of {}>", fname, recv)
            }
            Value::Native(n) => match (&n.receiver, n.owner) {
                (Some(r), _) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    n.name,
                    self.type_name(r),
                    r.id()
                ),
                (None, Some(owner)) => format!("<method '{}' of '{}' objects>", n.name, owner),
                (None, None) => format!("<built-in function {}>", n.name),
            },
            Value::Class(c) if c.builtin => match &*c.module {
                "builtins" => format!("<class '{}'>", c.name),
                m => format!("<class '{}.{}'>", m, c.qualname),
            },
            Value::Class(c) => {
                // A user class's `__module__` is read live (a program may set it); one
                // that is not a str is left out, as CPython does.
                match c.dict.borrow().get(&self.sym.module) {
                    Some(Value::Str(m)) => format!("<class '{}.{}'>", m.as_str(), c.qualname),
                    Some(_) => format!("<class '{}'>", c.qualname),
                    None => format!("<class '{}.{}'>", c.module, c.qualname),
                }
            }
            Value::Module(m) => {
                if crate::builtins::is_builtin_module(&m.name) {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    format!("<module '{}'>", m.name)
                }
            }
            Value::Cell(_) => "<cell>".into(),
            Value::Object(o) => {
                let o = o.clone();
                if let Some(f) = o.class().lookup(self.sym.repr) {
                    if !matches!(f, Value::Native(_)) {
                        return self.call_str_method(&f, v, "__repr__");
                    }
                }
                o.repr(self)?
            }
            Value::Instance(inst) => {
                if let Some(f) = self.user_method(v, self.sym.repr) {
                    return self.call_str_method(&f, v, "__repr__");
                }
                match &inst.payload {
                    Payload::Exception(_) => {
                        let args = Exc(inst.clone()).args();
                        let inner = if args.len() == 1 {
                            self.repr(&args[0])?
                        } else {
                            let t = self.repr(&Value::tuple(args.clone()))?;
                            if args.is_empty() {
                                String::new()
                            } else {
                                t[1..t.len() - 1].to_string()
                            }
                        };
                        format!("{}({})", inst.class().name, inner)
                    }
                    Payload::Dict(d) => {
                        let items: Vec<(Value, Value)> = d
                            .borrow()
                            .items()
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        self.repr_dict(v, &items)?
                    }
                    Payload::List(l) => {
                        let items = l.borrow().clone();
                        self.repr_seq(v, "[", &items, "]")?
                    }
                    Payload::Value(held) => self.repr(&held.clone())?,
                    Payload::None => {
                        let c = inst.class();
                        format!("<{}.{} object at {:#x}>", c.module, c.qualname, v.id())
                    }
                }
            }
        })
    }

    fn repr_seq(
        &mut self,
        whole: &Value,
        open: &str,
        items: &[Value],
        close: &str,
    ) -> PyResult<String> {
        self.repr_container(whole, &format!("{open}...{close}"), |i| {
            let mut s = String::from(open);
            for (n, x) in items.iter().enumerate() {
                if n > 0 {
                    s.push_str(", ");
                }
                s.push_str(&i.repr(x)?);
            }
            s.push_str(close);
            Ok(s)
        })
    }

    fn repr_dict(&mut self, whole: &Value, items: &[(Value, Value)]) -> PyResult<String> {
        self.repr_container(whole, "{...}", |i| {
            let mut s = String::from("{");
            for (n, (k, v)) in items.iter().enumerate() {
                if n > 0 {
                    s.push_str(", ");
                }
                s.push_str(&i.repr(k)?);
                s.push_str(": ");
                s.push_str(&i.repr(v)?);
            }
            s.push('}');
            Ok(s)
        })
    }

    /// The repr `body` makes of container `whole`, or `cycle` when `whole` is already
    /// being printed further out; one level deeper for the recursion limit.
    fn repr_container(
        &mut self,
        whole: &Value,
        cycle: &str,
        body: impl FnOnce(&mut Self) -> PyResult<String>,
    ) -> PyResult<String> {
        if self.repr_guard.iter().any(|x| x.is(whole)) {
            return Ok(cycle.to_string());
        }
        self.nested(REPR_DEPTH, |i| {
            i.repr_guard.push(whole.clone());
            let r = body(i);
            i.repr_guard.pop();
            r
        })
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Some(f) = self.user_method(v, self.sym.format) {
            return match self.call(&f, vec![v.clone(), Value::str(spec)], vec![])? {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!(
                    "__format__ must return a str, not {}",
                    self.type_name(&other)
                ))),
            };
        }
        if let Value::Instance(i) = v {
            if let crate::value::Payload::Value(held) = &i.payload {
                return self.format(&held.clone(), spec);
            }
        }
        let tn = self.type_name(v);
        let parse = |spec: &str| -> PyResult<FormatSpec> {
            let spec = FormatSpec::parse_for(spec, &tn).map_err(value_error)?;
            // A field wider than memory is CPython's MemoryError, not an abort.
            check_alloc(spec.width.unwrap_or(0), 4)?;
            Ok(spec)
        };
        match v {
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(i.to_string());
                }
                crate::format::format_i64(*i, &parse(spec)?).map_err(value_error)
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                crate::format::format_i64(*b as i64, &parse(spec)?).map_err(value_error)
            }
            Value::BigInt(b) => crate::format::format_int(b, &parse(spec)?).map_err(value_error),
            Value::Float(x) => {
                if spec.is_empty() {
                    return Ok(float_repr(*x));
                }
                crate::format::format_float(*x, &parse(spec)?).map_err(value_error)
            }
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                crate::format::format_str(s.as_str(), &parse(spec)?).map_err(value_error)
            }
            _ => {
                let s = self.str(v)?;
                if spec.is_empty() {
                    return Ok(s);
                }
                Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    tn
                )))
            }
        }
    }
}
