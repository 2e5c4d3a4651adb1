// Methods of `bytes`: decode, hex, and the searching, splitting and case methods.

use super::args::*;
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Kwargs, Value};
use std::rc::Rc;

type Native = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;
type Bytes = Rc<Vec<u8>>;
/// The receiver, the needle and the window of a search (None: too small).
type Search = (Bytes, Vec<u8>, Option<(usize, usize)>);

pub fn install() {
    let t = &types().bytes;
    let methods: &[(&'static str, Native)] = &[
        ("decode", decode),
        ("hex", hex),
        ("split", split),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("join", join),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("count", count),
        ("upper", upper),
        ("lower", lower),
    ];
    for (name, f) in methods {
        def_method(t, "bytes", name, *f);
    }
}

fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<Bytes> {
    match args.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(wrong_receiver(interp, args, "bytes", name)),
    }
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(v))
}

fn bytes_arg(interp: &Interp, v: &Value) -> PyResult<Bytes> {
    match v {
        Value::Bytes(b) => Ok(b.clone()),
        other => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(other)
        ))),
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

// ---------------------------------------------------------------- decode

pub fn decode(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "decode")?;
    let a = kwparse("decode", args, kw, &["encoding", "errors"], 0)?;
    let text_arg = |v: &Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(type_error(format!(
                "decode() argument '{what}' must be str, not {}",
                interp.type_name(other)
            ))),
        }
    };
    let enc = text_arg(&a[0], "encoding", "utf-8")?;
    let errors = text_arg(&a[1], "errors", "strict")?;
    let codec = super::str::codec_name(&enc)
        .ok_or_else(|| exc_msg("LookupError", format!("unknown encoding: {enc}")))?;
    match codec {
        "utf-8" => decode_utf8(&b, &errors),
        "latin-1" => Ok(Value::string(b.iter().map(|&c| c as char).collect())),
        _ => {
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 128 {
                    out.push(c as char);
                    continue;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "strict" => {
                        return Err(exc_msg(
                            "UnicodeDecodeError",
                            format!("'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"),
                        ))
                    }
                    other => return Err(unknown_handler(other)),
                }
            }
            Ok(Value::string(out))
        }
    }
}

fn unknown_handler(name: &str) -> Exc {
    exc_msg(
        "LookupError",
        format!("unknown error handler name '{name}'"),
    )
}

fn decode_utf8(b: &[u8], errors: &str) -> PyResult<Value> {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(Value::string(out));
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let bad = e.error_len();
                match errors {
                    "strict" => {
                        let pos = offset + good;
                        let first = rest[good];
                        let msg = match bad {
                            None if rest.len() - good > 1 => format!(
                                "'utf-8' codec can't decode bytes in position {}-{}: unexpected end of data",
                                pos,
                                offset + rest.len() - 1
                            ),
                            None => format!(
                                "'utf-8' codec can't decode byte 0x{first:02x} in position {pos}: unexpected end of data"
                            ),
                            Some(_) => {
                                let why = if (0xc2..=0xf4).contains(&first) {
                                    "invalid continuation byte"
                                } else {
                                    "invalid start byte"
                                };
                                format!("'utf-8' codec can't decode byte 0x{first:02x} in position {pos}: {why}")
                            }
                        };
                        return Err(exc_msg("UnicodeDecodeError", msg));
                    }
                    "replace" => out.push('\u{fffd}'),
                    "ignore" => {}
                    other => return Err(unknown_handler(other)),
                }
                let skip = good + bad.unwrap_or(rest.len() - good);
                offset += skip;
                rest = &rest[skip..];
            }
        }
    }
}

fn hex(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "hex")?;
    let a = kwparse("hex", args, kw, &["sep", "bytes_per_sep"], 0)?;
    let sep = match &a[0] {
        None => None,
        Some(Value::Str(s)) if s.len() == 1 => Some(s.as_str().to_string()),
        Some(Value::Bytes(s)) if s.len() == 1 => Some((s[0] as char).to_string()),
        Some(_) => return Err(value_error("sep must be length 1.")),
    };
    let per = match &a[1] {
        None => 1,
        Some(v) => int_arg(interp, v)?,
    };
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let out = match sep {
        None => digits.concat(),
        Some(sep) => {
            let n = per.unsigned_abs().max(1) as usize;
            let groups: Vec<String> = if per >= 0 {
                // Groups are counted from the right.
                let first = digits.len() % n;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(digits[..first].concat());
                }
                for c in digits[first..].chunks(n) {
                    g.push(c.concat());
                }
                g
            } else {
                digits.chunks(n).map(|c| c.concat()).collect()
            };
            groups.join(&sep)
        }
    };
    Ok(Value::string(out))
}

// ---------------------------------------------------------------- split / strip

fn split(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "split")?;
    let a = kwparse("split", args, kw, &["sep", "maxsplit"], 0)?;
    let max = match &a[1] {
        None => -1,
        Some(v) => int_arg(interp, v)?,
    };
    let mut out: Vec<Value> = Vec::new();
    match &a[0] {
        None | Some(Value::None) => {
            let mut i = 0;
            let n = b.len();
            while i < n {
                while i < n && is_ws(b[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if max >= 0 && out.len() as i64 >= max {
                    out.push(bytes(b[i..].to_vec()));
                    break;
                }
                let start = i;
                while i < n && !is_ws(b[i]) {
                    i += 1;
                }
                out.push(bytes(b[start..i].to_vec()));
            }
        }
        Some(sep) => {
            let sep = bytes_arg(interp, sep)?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut rest: &[u8] = &b;
            loop {
                if max >= 0 && out.len() as i64 >= max {
                    break;
                }
                match find_sub(rest, &sep) {
                    Some(i) => {
                        out.push(bytes(rest[..i].to_vec()));
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(bytes(rest.to_vec()));
        }
    }
    Ok(Value::list(out))
}

fn strip_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let b = this(interp, args, name)?;
    posonly(name, &format!("bytes.{name}"), args, &kw, 0, 1)?;
    let set: Option<Bytes> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(interp, v)?),
    };
    let strip_it = |c: u8| match &set {
        None => is_ws(c),
        Some(s) => s.contains(&c),
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && strip_it(b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip_it(b[end - 1]) {
            end -= 1;
        }
    }
    Ok(bytes(b[start..end].to_vec()))
}

fn strip(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    strip_impl(i, a, k, "strip", true, true)
}
fn lstrip(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    strip_impl(i, a, k, "lstrip", true, false)
}
fn rstrip(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    strip_impl(i, a, k, "rstrip", false, true)
}

// ---------------------------------------------------------------- searching

fn affix_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let b = this(interp, args, name)?;
    oldargs(name, args, &kw, 1, 3)?;
    let subs: Vec<Bytes> = match &args[1] {
        Value::Bytes(p) => vec![p.clone()],
        Value::Tuple(t) => {
            let mut v = Vec::new();
            for x in t.iter() {
                match x {
                    Value::Bytes(p) => v.push(p.clone()),
                    other => {
                        return Err(type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            interp.type_name(other)
                        )))
                    }
                }
            }
            v
        }
        other => {
            return Err(type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                interp.type_name(other)
            )))
        }
    };
    let s = slice_arg(interp, args.get(2), true)?;
    let e = slice_arg(interp, args.get(3), true)?;
    let (start, end) = adjust(s, e, b.len());
    for sub in subs {
        if end - start < sub.len() as i64 {
            continue;
        }
        let region = &b[start as usize..end as usize];
        if (prefix && region.starts_with(&sub)) || (!prefix && region.ends_with(&sub)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    affix_impl(i, a, k, "startswith", true)
}
fn endswith(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    affix_impl(i, a, k, "endswith", false)
}

/// The needle of find/count: bytes or one byte given as an int.
fn needle(interp: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Int(i) if (0..256).contains(i) => Ok(vec![*i as u8]),
        Value::Int(_) => Err(value_error("byte must be in range(0, 256)")),
        other => Err(type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            interp.type_name(other)
        ))),
    }
}

fn search(interp: &mut Interp, args: &[Value], kw: Kwargs, name: &str) -> PyResult<Search> {
    let b = this(interp, args, name)?;
    oldargs(name, args, &kw, 1, 3)?;
    let sub = needle(interp, &args[1])?;
    let s = slice_arg(interp, args.get(2), true)?;
    let e = slice_arg(interp, args.get(3), true)?;
    let (start, end) = adjust(s, e, b.len());
    let w = if end - start < sub.len() as i64 {
        None
    } else {
        Some((start as usize, end as usize))
    };
    Ok((b, sub, w))
}

fn find_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    rev: bool,
    raise: bool,
) -> PyResult<Value> {
    let (b, sub, w) = search(interp, args, kw, name)?;
    let pos = w.and_then(|(s, e)| {
        let r = if rev {
            rfind_sub(&b[s..e], &sub)
        } else {
            find_sub(&b[s..e], &sub)
        };
        r.map(|i| i + s)
    });
    match pos {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn find(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "find", false, false)
}
fn rfind(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "rfind", true, false)
}
fn index(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "index", false, true)
}

fn count(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, w) = search(interp, args, kw, "count")?;
    let n = match w {
        None => 0,
        Some((s, e)) if sub.is_empty() => e - s + 1,
        Some((s, e)) => {
            let mut rest = &b[s..e];
            let mut n = 0;
            while let Some(i) = find_sub(rest, &sub) {
                n += 1;
                rest = &rest[i + sub.len()..];
            }
            n
        }
    };
    Ok(Value::Int(n as i64))
}

fn join(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "join")?;
    let it = onearg("bytes.join", args, &kw)?;
    let items = interp.collect(it).map_err(|e| {
        if e.is("TypeError") {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&b);
        }
        match x {
            Value::Bytes(p) => out.extend_from_slice(p),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    interp.type_name(other)
                )))
            }
        }
    }
    Ok(bytes(out))
}

fn replace(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "replace")?;
    posonly("replace", "bytes.replace", args, &kw, 2, 3)?;
    let old = bytes_arg(interp, &args[1])?;
    let new = bytes_arg(interp, &args[2])?;
    let mut left = match args.get(3) {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            let _ = i;
        }
        if left != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(bytes(out));
    }
    let mut rest: &[u8] = &b;
    while left != 0 {
        match find_sub(rest, &old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(&new);
                rest = &rest[i + old.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(bytes(out))
}

fn upper(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "upper")?;
    noargs("bytes.upper", args, &kw)?;
    Ok(bytes(b.to_ascii_uppercase()))
}

fn lower(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = this(interp, args, "lower")?;
    noargs("bytes.lower", args, &kw)?;
    Ok(bytes(b.to_ascii_lowercase()))
}
