// The `json` module: dumps/loads (and dump/load on files) with CPython's output and errors.

use super::{make_module, set_attr};
use crate::builtins::functions::{arity, take_kw};
use crate::interp::err::*;
use crate::interp::iter::DictRef;
use crate::interp::types::{new_class, types};
use crate::interp::{Interp, PyResult};
use crate::value::object::Namespace;
use crate::value::{Class, Dict, Kwargs, TypeKind, Value};
use std::rc::Rc;

thread_local! {
    static DECODE_ERROR: Rc<Class> = new_class(
        "JSONDecodeError",
        "JSONDecodeError",
        "json.decoder",
        vec![types().exc("ValueError")],
        Namespace::default(),
        TypeKind::Exception,
        false,
    );
}

pub fn module() -> Value {
    let m = make_module(
        "json",
        &[
            ("dumps", dumps),
            ("loads", loads),
            ("dump", dump),
            ("load", load),
        ],
    );
    set_attr(
        &m,
        "JSONDecodeError",
        Value::Class(DECODE_ERROR.with(|c| c.clone())),
    );
    Value::Module(m)
}

struct Opts {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    default: Option<Value>,
}

fn options(interp: &mut Interp, kw: &mut Kwargs) -> PyResult<Opts> {
    let indent = match take_kw(kw, "indent") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat(n.max(0) as usize)),
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(other) => Some(interp.str(&other)?),
    };
    let (item_sep, key_sep) = match take_kw(kw, "separators") {
        None | Some(Value::None) => (
            if indent.is_some() { "," } else { ", " }.to_string(),
            ": ".to_string(),
        ),
        Some(v) => {
            let parts = interp.collect(&v)?;
            if parts.len() != 2 {
                return Err(value_error("too many values to unpack (expected 2)"));
            }
            (interp.str(&parts[0])?, interp.str(&parts[1])?)
        }
    };
    let sort_keys = match take_kw(kw, "sort_keys") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let ensure_ascii = match take_kw(kw, "ensure_ascii") {
        Some(v) => interp.truthy(&v)?,
        None => true,
    };
    let default = take_kw(kw, "default").filter(|v| !v.is_none());
    take_kw(kw, "skipkeys");
    take_kw(kw, "allow_nan");
    take_kw(kw, "cls");
    take_kw(kw, "check_circular");
    crate::builtins::functions::reject_unexpected_kw("JSONEncoder.__init__", kw)?;
    Ok(Opts {
        indent,
        item_sep,
        key_sep,
        sort_keys,
        ensure_ascii,
        default,
    })
}

fn dumps(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    arity("dumps", args, 1, 1)?;
    let o = options(interp, &mut kw)?;
    let mut out = String::new();
    encode(interp, &o, &args[0], 0, &mut out)?;
    Ok(Value::string(out))
}

fn dump(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    arity("dump", args, 2, 2)?;
    let o = options(interp, &mut kw)?;
    let mut out = String::new();
    encode(interp, &o, &args[0], 0, &mut out)?;
    let w = interp.getattr(&args[1], crate::intern::intern("write"))?;
    interp.call(&w, vec![Value::string(out)], vec![])?;
    Ok(Value::None)
}

fn quote(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The int, float or str an instance of a subclass of one holds.
fn held_value(inst: &crate::value::Instance) -> Option<Value> {
    inst.held()
        .filter(|v| {
            matches!(
                v,
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)
            )
        })
        .cloned()
}

fn float_text(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        crate::format::float_repr(x)
    }
}

fn newline(o: &Opts, level: usize, out: &mut String) {
    if let Some(ind) = &o.indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
}

fn encode(
    interp: &mut Interp,
    o: &Opts,
    v: &Value,
    level: usize,
    out: &mut String,
) -> PyResult<()> {
    if level > 900 {
        return Err(exc_msg(
            "RecursionError",
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.to_string()),
        Value::Float(x) => out.push_str(&float_text(*x)),
        Value::Str(s) => quote(s.as_str(), o.ensure_ascii, out),
        Value::List(_) | Value::Tuple(_) => {
            let items = interp.collect(v)?;
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&o.item_sep);
                }
                newline(o, level + 1, out);
                encode(interp, o, x, level + 1, out)?;
            }
            newline(o, level, out);
            out.push(']');
        }
        _ if DictRef::of(v).is_some() => {
            let d = DictRef::of(v)
                .map(|d| d.cell().borrow().clone())
                .unwrap_or_default();
            if d.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            let mut pairs: Vec<(String, Value)> = Vec::with_capacity(d.len());
            for (k, val) in d.items() {
                let k = match k {
                    Value::Instance(inst) => held_value(inst).unwrap_or_else(|| k.clone()),
                    _ => k.clone(),
                };
                let key = match &k {
                    Value::Str(s) => s.as_str().to_string(),
                    Value::Bool(b) => if *b { "true" } else { "false" }.into(),
                    Value::None => "null".into(),
                    Value::Int(i) => i.to_string(),
                    Value::BigInt(b) => b.to_string(),
                    Value::Float(x) => float_text(*x),
                    other => {
                        return Err(type_error(format!(
                            "keys must be str, int, float, bool or None, not {}",
                            interp.type_name(other)
                        )))
                    }
                };
                pairs.push((key, val.clone()));
            }
            if o.sort_keys {
                pairs.sort_by(|a, b| a.0.cmp(&b.0));
            }
            out.push('{');
            for (i, (k, val)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(&o.item_sep);
                }
                newline(o, level + 1, out);
                quote(k, o.ensure_ascii, out);
                out.push_str(&o.key_sep);
                encode(interp, o, val, level + 1, out)?;
            }
            newline(o, level, out);
            out.push('}');
        }
        // A subclass of int, float or str: the value it holds, as CPython's encoder
        // writes it (an IntEnum member is its number).
        other => {
            if let Some(held) = match other {
                Value::Instance(inst) => held_value(inst),
                _ => None,
            } {
                return encode(interp, o, &held, level, out);
            }
            if let Some(f) = &o.default {
                let r = interp.call(f, vec![other.clone()], vec![])?;
                return encode(interp, o, &r, level, out);
            }
            return Err(type_error(format!(
                "Object of type {} is not JSON serializable",
                interp.type_name(other)
            )));
        }
    }
    Ok(())
}

fn loads(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("loads", args, 1, 1)?;
    let text = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                interp.type_name(other)
            )))
        }
    };
    parse_doc(interp, &text)
}

fn load(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("load", args, 1, 1)?;
    let r = interp.getattr(&args[0], crate::intern::intern("read"))?;
    let s = interp.call(&r, vec![], vec![])?;
    loads(interp, &[s], vec![])
}

struct Parser<'a> {
    s: &'a [char],
    doc: &'a str,
    pos: usize,
}

fn decode_error(doc: &[char], msg: &str, pos: usize) -> Exc {
    let line = doc[..pos].iter().filter(|c| **c == '\n').count() + 1;
    let col = match doc[..pos].iter().rposition(|c| *c == '\n') {
        Some(i) => pos - i,
        None => pos + 1,
    };
    let cls = DECODE_ERROR.with(|c| c.clone());
    new_exception(
        cls,
        vec![Value::string(format!(
            "{}: line {} column {} (char {})",
            msg, line, col, pos
        ))],
    )
}

fn parse_doc(interp: &mut Interp, text: &str) -> PyResult<Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser {
        s: &chars,
        doc: text,
        pos: 0,
    };
    let _ = p.doc;
    p.ws();
    let v = p.value(interp)?;
    p.ws();
    if p.pos != chars.len() {
        return Err(p.err("Extra data", p.pos));
    }
    Ok(v)
}

impl<'a> Parser<'a> {
    fn err(&self, msg: &str, pos: usize) -> Exc {
        decode_error(self.s, msg, pos)
    }
    fn ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], ' ' | '\t' | '\n' | '\r') {
            self.pos += 1;
        }
    }
    fn peek(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }
    fn starts(&self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.s.len() >= self.pos + w.len() && self.s[self.pos..self.pos + w.len()] == w[..]
    }

    fn value(&mut self, interp: &mut Interp) -> PyResult<Value> {
        match self.peek() {
            Some('{') => self.object(interp),
            Some('[') => self.array(interp),
            Some('"') => {
                self.pos += 1;
                Ok(Value::string(self.string()?))
            }
            Some('n') if self.starts("null") => {
                self.pos += 4;
                Ok(Value::None)
            }
            Some('t') if self.starts("true") => {
                self.pos += 4;
                Ok(Value::Bool(true))
            }
            Some('f') if self.starts("false") => {
                self.pos += 5;
                Ok(Value::Bool(false))
            }
            Some('N') if self.starts("NaN") => {
                self.pos += 3;
                Ok(Value::Float(f64::NAN))
            }
            Some('I') if self.starts("Infinity") => {
                self.pos += 8;
                Ok(Value::Float(f64::INFINITY))
            }
            Some('-') if self.starts("-Infinity") => {
                self.pos += 9;
                Ok(Value::Float(f64::NEG_INFINITY))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            _ => Err(self.err("Expecting value", self.pos)),
        }
    }

    fn number(&mut self) -> PyResult<Value> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        match self.peek() {
            Some('0') => self.pos += 1,
            Some(c) if c.is_ascii_digit() => {
                while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
            _ => return Err(self.err("Expecting value", start)),
        }
        let mut is_float = false;
        if self.peek() == Some('.')
            && matches!(self.s.get(self.pos + 1), Some(c) if c.is_ascii_digit())
        {
            is_float = true;
            self.pos += 1;
            while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some('e') | Some('E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+') | Some('-')) {
                self.pos += 1;
            }
            if matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                is_float = true;
                while matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text: String = self.s[start..self.pos].iter().collect();
        if is_float {
            Ok(Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)))
        } else {
            match text.parse::<i64>() {
                Ok(i) => Ok(Value::Int(i)),
                Err(_) => Ok(Value::from_bigint(text.parse().unwrap_or_default())),
            }
        }
    }

    /// A string body; `pos` is just past the opening quote.
    fn string(&mut self) -> PyResult<String> {
        let start = self.pos - 1;
        let mut out = String::new();
        loop {
            let c = match self.peek() {
                None => return Err(self.err("Unterminated string starting at", start)),
                Some(c) => c,
            };
            self.pos += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let e = match self.peek() {
                        None => return Err(self.err("Unterminated string starting at", start)),
                        Some(e) => e,
                    };
                    self.pos += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\x08'),
                        'f' => out.push('\x0c'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let mut u = self.hex4()?;
                            if (0xD800..0xDC00).contains(&u) && self.starts("\\u") {
                                let save = self.pos;
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                                } else {
                                    self.pos = save;
                                }
                            }
                            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.err("Invalid \\escape", self.pos - 2)),
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.err("Invalid control character at", self.pos - 1))
                }
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> PyResult<u32> {
        let end = self.pos + 4;
        if end > self.s.len() || !self.s[self.pos..end].iter().all(|c| c.is_ascii_hexdigit()) {
            return Err(self.err("Invalid \\uXXXX escape", self.pos - 1));
        }
        let h: String = self.s[self.pos..end].iter().collect();
        self.pos = end;
        Ok(u32::from_str_radix(&h, 16).unwrap_or(0xfffd))
    }

    fn object(&mut self, interp: &mut Interp) -> PyResult<Value> {
        self.pos += 1;
        let mut d = Dict::new();
        self.ws();
        if self.peek() == Some('}') {
            self.pos += 1;
            return Ok(Value::dict(d));
        }
        loop {
            if self.peek() != Some('"') {
                return Err(self.err(
                    "Expecting property name enclosed in double quotes",
                    self.pos,
                ));
            }
            self.pos += 1;
            let k = self.string()?;
            self.ws();
            if self.peek() != Some(':') {
                return Err(self.err("Expecting ':' delimiter", self.pos));
            }
            self.pos += 1;
            self.ws();
            let v = self.value(interp)?;
            let hk = interp.hkey(Value::string(k))?;
            d.insert(hk, v);
            self.ws();
            match self.peek() {
                Some(',') => {
                    self.pos += 1;
                    self.ws();
                }
                Some('}') => {
                    self.pos += 1;
                    return Ok(Value::dict(d));
                }
                _ => return Err(self.err("Expecting ',' delimiter", self.pos)),
            }
        }
    }

    fn array(&mut self, interp: &mut Interp) -> PyResult<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(']') {
            self.pos += 1;
            return Ok(Value::list(items));
        }
        loop {
            items.push(self.value(interp)?);
            self.ws();
            match self.peek() {
                Some(',') => {
                    self.pos += 1;
                    self.ws();
                }
                Some(']') => {
                    self.pos += 1;
                    return Ok(Value::list(items));
                }
                _ => return Err(self.err("Expecting ',' delimiter", self.pos)),
            }
        }
    }
}
