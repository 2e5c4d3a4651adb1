// Methods of `str`: searching, splitting, case, padding, predicates, format, translate.

use super::args::*;
use crate::builtins::def_method;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Dict, Kwargs, PyStr, Value};
use std::rc::Rc;

type Native = fn(&mut Interp, &[Value], Kwargs) -> PyResult<Value>;

pub fn install() {
    let t = &types().str_;
    let methods: &[(&'static str, Native)] = &[
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("expandtabs", expandtabs),
        ("format", format),
        ("format_map", format_map),
        ("encode", encode),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
    ];
    for (name, f) in methods {
        def_method(t, "str", name, *f);
    }
    super::def_static(t, "maketrans", maketrans);
}

/// The receiver of a str method.
fn this(interp: &Interp, args: &[Value], name: &str) -> PyResult<Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(wrong_receiver(interp, args, "str", name)),
    }
}

fn ret(s: String) -> PyResult<Value> {
    Ok(Value::string(s))
}

/// A `str` argument, or the TypeError `{prefix}must be str, not int`.
fn str_arg(interp: &Interp, v: &Value, prefix: &str) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "{prefix}must be str, not {}",
            interp.type_name(other)
        ))),
    }
}

pub fn is_space(c: char) -> bool {
    crate::format::is_py_space(c)
}

// ---------------------------------------------------------------- strip

fn strip_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    posonly(name, &format!("str.{name}"), args, &kw, 0, 1)?;
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str().chars().collect()),
        Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
    };
    let pred = |c: char| match &chars {
        None => is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut r: &str = s.as_str();
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::str(r))
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

// ---------------------------------------------------------------- split

fn split_args(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
) -> PyResult<(Option<Rc<PyStr>>, i64)> {
    let a = kwparse(name, args, kw, &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s.clone())
        }
        Some(other) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                interp.type_name(other)
            )))
        }
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => int_arg(interp, v)?,
    };
    Ok((sep, max))
}

/// Splits on runs of whitespace, from the left, at most `max` times (negative: no limit).
pub fn split_whitespace(s: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 >= max {
            out.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `s.split()` as a list, built without an intermediate vector of slices (large
/// texts split into millions of words); ASCII text is scanned by bytes.
fn split_whitespace_values(s: &str, ascii: bool) -> Value {
    let mut out = Vec::new();
    if ascii {
        // Python's whitespace among ASCII: \t \n \x0b \x0c \r, \x1c-\x1f and space.
        let space = |b: &u8| matches!(*b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if space(&bytes[i]) {
                i += 1;
                continue;
            }
            let len = bytes[i..].iter().position(space).unwrap_or(bytes.len() - i);
            out.push(Value::str(&s[i..i + len]));
            i += len;
        }
        return Value::list(out);
    }
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(Value::str(&rest[..end]));
        rest = rest[end..].trim_start_matches(is_space);
    }
    Value::list(out)
}

fn rsplit_whitespace(s: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 >= max {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let c = rest[i..].chars().next().map_or(1, |c| c.len_utf8());
                out.push(&rest[i + c..]);
                rest = rest[..i].trim_end_matches(is_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn strs(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "split")?;
    let (sep, max) = split_args(interp, args, kw, "split")?;
    Ok(strs(match sep {
        None if max < 0 => return Ok(split_whitespace_values(s.as_str(), s.is_ascii())),
        None => split_whitespace(s.as_str(), max),
        Some(sep) if max < 0 => s.as_str().split(sep.as_str()).collect(),
        Some(sep) => s.as_str().splitn(max as usize + 1, sep.as_str()).collect(),
    }))
}

fn rsplit(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "rsplit")?;
    let (sep, max) = split_args(interp, args, kw, "rsplit")?;
    Ok(strs(match sep {
        None => rsplit_whitespace(s.as_str(), max),
        Some(sep) if max < 0 => s.as_str().split(sep.as_str()).collect(),
        Some(sep) => {
            let mut v: Vec<&str> = s.as_str().rsplitn(max as usize + 1, sep.as_str()).collect();
            v.reverse();
            v
        }
    }))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "splitlines")?;
    let a = kwparse("splitlines", args, kw, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(&text[start..if keep { end } else { i }]));
            start = end;
        }
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn join(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "join")?;
    let it = onearg("str.join", args, &kw)?;
    let items = match it {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => (**t).clone(),
        other => {
            let iter = interp.iter(other).map_err(|e| {
                if e.is("TypeError") {
                    type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut v = Vec::new();
            while let Some(x) = interp.next(&iter)? {
                v.push(x);
            }
            v
        }
    };
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s.as_str());
        }
        match x {
            Value::Str(p) => out.push_str(p.as_str()),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    interp.type_name(other)
                )))
            }
        }
    }
    ret(out)
}

fn replace(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "replace")?;
    posonly("replace", "str.replace", args, &kw, 2, 3)?;
    let old = str_arg(interp, &args[1], "replace() argument 1 ")?;
    let new = str_arg(interp, &args[2], "replace() argument 2 ")?;
    let count = match args.get(3) {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    ret(if count < 0 {
        s.as_str().replace(old.as_str(), new.as_str())
    } else {
        s.as_str()
            .replacen(old.as_str(), new.as_str(), count as usize)
    })
}

// ---------------------------------------------------------------- searching

/// The sub-string argument and the code-point window `[start, end)` of find & co.
/// None when the window is too small to hold `sub`.
fn window(
    interp: &mut Interp,
    s: &PyStr,
    args: &[Value],
    sub_len: usize,
) -> PyResult<Option<(usize, usize)>> {
    let a = slice_arg(interp, args.get(2), true)?;
    let b = slice_arg(interp, args.get(3), true)?;
    let (start, end) = adjust(a, b, s.len());
    if end - start < sub_len as i64 {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

#[derive(Clone, Copy, PartialEq)]
enum Find {
    First,
    Last,
    Index,
    RIndex,
}

fn find_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    how: Find,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    oldargs(name, args, &kw, 1, 3)?;
    let sub = str_arg(interp, &args[1], "")?;
    let found = match window(interp, &s, args, sub.len())? {
        None => None,
        Some((start, end)) => {
            let region = s.substring(start, end);
            let pos = if matches!(how, Find::First | Find::Index) {
                region.find(sub.as_str())
            } else {
                region.rfind(sub.as_str())
            };
            pos.map(|b| start + PyStr::new(region).char_index(b))
        }
    };
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if matches!(how, Find::Index | Find::RIndex) => {
            Err(value_error("substring not found"))
        }
        None => Ok(Value::Int(-1)),
    }
}

fn find(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "find", Find::First)
}
fn rfind(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "rfind", Find::Last)
}
fn index(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "index", Find::Index)
}
fn rindex(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    find_impl(i, a, k, "rindex", Find::RIndex)
}

fn count(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "count")?;
    oldargs("count", args, &kw, 1, 3)?;
    let sub = str_arg(interp, &args[1], "")?;
    let n = match window(interp, &s, args, sub.len())? {
        None => 0,
        Some((start, end)) if sub.is_empty() => end - start + 1,
        Some((start, end)) => s.substring(start, end).matches(sub.as_str()).count(),
    };
    Ok(Value::Int(n as i64))
}

fn affix_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    oldargs(name, args, &kw, 1, 3)?;
    let subs: Vec<Value> = match &args[1] {
        Value::Str(_) => vec![args[1].clone()],
        Value::Tuple(t) => t.to_vec(),
        other => {
            return Err(type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                interp.type_name(other)
            )))
        }
    };
    let a = slice_arg(interp, args.get(2), true)?;
    let b = slice_arg(interp, args.get(3), true)?;
    let (start, end) = adjust(a, b, s.len());
    for sub in subs {
        let sub = match sub {
            Value::Str(p) => p,
            other => {
                return Err(type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    interp.type_name(&other)
                )))
            }
        };
        if end - start < sub.len() as i64 {
            continue;
        }
        let region = s.substring(start as usize, end as usize);
        let hit = if prefix {
            region.starts_with(sub.as_str())
        } else {
            region.ends_with(sub.as_str())
        };
        if hit {
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

fn partition_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    let sep = onearg(&format!("str.{name}"), args, &kw)?;
    let sep = str_arg(interp, sep, "")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let text = s.as_str();
    let pos = if right {
        text.rfind(sep.as_str())
    } else {
        text.find(sep.as_str())
    };
    let parts = match pos {
        Some(i) => [&text[..i], sep.as_str(), &text[i + sep.len_bytes()..]],
        None if right => ["", "", text],
        None => [text, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    partition_impl(i, a, k, "partition", false)
}
fn rpartition(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    partition_impl(i, a, k, "rpartition", true)
}

fn removeprefix(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "removeprefix")?;
    let p = onearg("str.removeprefix", args, &kw)?;
    let p = str_arg(interp, p, "removeprefix() argument ")?;
    Ok(match s.as_str().strip_prefix(p.as_str()) {
        Some(r) => Value::str(r),
        None => Value::Str(s),
    })
}

fn removesuffix(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "removesuffix")?;
    let p = onearg("str.removesuffix", args, &kw)?;
    let p = str_arg(interp, p, "removesuffix() argument ")?;
    Ok(match s.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.is_empty() => Value::str(r),
        _ => Value::Str(s),
    })
}

// ---------------------------------------------------------------- case

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || title_of(c).is_some()
}

/// The titlecase form of the Latin digraphs, whose title case is not their upper case.
fn title_of(c: char) -> Option<char> {
    Some(match c {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        _ => return None,
    })
}

fn push_title(out: &mut String, c: char) {
    match title_of(c) {
        Some(t) => out.push(t),
        None => out.extend(c.to_uppercase()),
    }
}

fn case_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    noargs(&format!("str.{name}"), args, &kw)?;
    ret(f(s.as_str()))
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn capitalize_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    if let Some(c) = it.next() {
        push_title(&mut out, c);
    }
    for c in it {
        out.extend(c.to_lowercase());
    }
    out
}

fn swap_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn fold_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn upper(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "upper", |s| s.to_uppercase())
}
fn lower(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "lower", |s| s.to_lowercase())
}
fn title(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "title", title_case)
}
fn capitalize(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "capitalize", capitalize_case)
}
fn swapcase(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "swapcase", swap_case)
}
fn casefold(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    case_impl(i, a, k, "casefold", fold_case)
}

// ---------------------------------------------------------------- padding

fn fill_arg(interp: &Interp, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) if s.len() == 1 => Ok(s.char_at(0)),
        Some(Value::Str(_)) => Err(type_error(
            "The fill character must be exactly one character long",
        )),
        Some(other) => Err(type_error(format!(
            "The fill character must be a unicode character, not {}",
            interp.type_name(other)
        ))),
    }
}

fn pad_impl(interp: &mut Interp, args: &[Value], kw: Kwargs, name: &str) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    posonly(name, &format!("str.{name}"), args, &kw, 1, 2)?;
    let width = int_arg(interp, &args[1])?;
    let fill = fill_arg(interp, args.get(2))?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    check_alloc(width as usize, 1)?;
    let marg = width - len;
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, (marg - left) as usize));
    ret(out)
}

fn center(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pad_impl(i, a, k, "center")
}
fn ljust(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pad_impl(i, a, k, "ljust")
}
fn rjust(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pad_impl(i, a, k, "rjust")
}

fn zfill(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "zfill")?;
    let w = onearg("str.zfill", args, &kw)?;
    let width = int_arg(interp, w)?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    check_alloc(width as usize, 1)?;
    let text = s.as_str();
    let (sign, rest) = match text.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &text[1..]),
        _ => (None, text),
    };
    let mut out = String::new();
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', (width - len) as usize));
    out.push_str(rest);
    ret(out)
}

fn expandtabs(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "expandtabs")?;
    let a = kwparse("expandtabs", args, kw, &["tabsize"], 0)?;
    let tab = match &a[0] {
        Some(v) => int_arg(interp, v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    check_alloc(out.len().saturating_add(n as usize), 1)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(out)
}

// ---------------------------------------------------------------- predicates

const CJK_NUMERALS: &str =
    "〇一二三四五六七八九十百千万亿兆零壹贰叁肆伍陆柒捌玖拾佰仟萬億廿卅貳參陸";

pub fn is_decimal(c: char) -> bool {
    crate::format::decimal_value(c).is_some()
}

pub fn is_digit(c: char) -> bool {
    if is_decimal(c) {
        return true;
    }
    let u = c as u32;
    matches!(u, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468
        | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF
        | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x1369..=0x1371)
}

pub fn is_numeric(c: char) -> bool {
    c.is_numeric() || CJK_NUMERALS.contains(c)
}

pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

fn pred_impl(
    interp: &mut Interp,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: fn(&str) -> bool,
) -> PyResult<Value> {
    let s = this(interp, args, name)?;
    noargs(&format!("str.{name}"), args, &kw)?;
    Ok(Value::Bool(f(s.as_str())))
}

fn all_of(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn is_upper_str(s: &str) -> bool {
    s.chars().any(is_cased) && !s.chars().any(|c| c.is_lowercase())
}

fn is_lower_str(s: &str) -> bool {
    s.chars().any(is_cased) && !s.chars().any(|c| c.is_uppercase())
}

fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || is_alpha(c) || c.is_alphabetic() => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_alphanumeric() || is_decimal(c))
}

fn isdigit(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isdigit", |s| all_of(s, is_digit))
}
fn isdecimal(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isdecimal", |s| all_of(s, is_decimal))
}
fn isnumeric(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isnumeric", |s| all_of(s, is_numeric))
}
fn isalpha(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isalpha", |s| all_of(s, is_alpha))
}
fn isalnum(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isalnum", |s| {
        all_of(s, |c| is_alpha(c) || is_numeric(c) || is_digit(c))
    })
}
fn isspace(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isspace", |s| all_of(s, is_space))
}
fn isupper(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isupper", is_upper_str)
}
fn islower(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "islower", is_lower_str)
}
fn istitle(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "istitle", is_title_str)
}
fn isidentifier(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isidentifier", is_identifier)
}
fn isascii(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isascii", |s| s.is_ascii())
}
fn isprintable(i: &mut Interp, a: &[Value], k: Kwargs) -> PyResult<Value> {
    pred_impl(i, a, k, "isprintable", |s| {
        s.chars().all(crate::format::is_printable)
    })
}

// ---------------------------------------------------------------- encode

/// The canonical name of a supported codec, or None.
pub fn codec_name(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" | "latin" => {
            "latin-1"
        }
        _ => return None,
    })
}

pub fn encode(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "encode")?;
    let a = kwparse("encode", args, kw, &["encoding", "errors"], 0)?;
    let enc = match &a[0] {
        None => "utf-8".to_string(),
        Some(Value::Str(e)) => e.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "encode() argument 'encoding' must be str, not {}",
                interp.type_name(other)
            )))
        }
    };
    let errors = match &a[1] {
        None => "strict".to_string(),
        Some(Value::Str(e)) => e.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "encode() argument 'errors' must be str, not {}",
                interp.type_name(other)
            )))
        }
    };
    let codec = codec_name(&enc)
        .ok_or_else(|| exc_msg("LookupError", format!("unknown encoding: {enc}")))?;
    if codec == "utf-8" {
        return Ok(Value::Bytes(Rc::new(s.as_str().as_bytes().to_vec())));
    }
    let limit: u32 = if codec == "ascii" { 128 } else { 256 };
    let mut out = Vec::with_capacity(s.len_bytes());
    for (pos, c) in s.as_str().chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                return Err(exc_msg(
                    "UnicodeEncodeError",
                    format!(
                    "'{}' codec can't encode character {} in position {}: ordinal not in range({})",
                    if codec == "ascii" { "ascii" } else { "latin-1" },
                    char_escape(c),
                    pos,
                    limit
                ),
                ))
            }
        }
    }
    Ok(Value::Bytes(Rc::new(out)))
}

fn char_escape(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("'\\x{:02x}'", u)
    } else if u < 0x10000 {
        format!("'\\u{:04x}'", u)
    } else {
        format!("'\\U{:08x}'", u)
    }
}

// ---------------------------------------------------------------- translate

fn maketrans(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("maketrans() takes no keyword arguments"));
    }
    let n = args.len();
    if !(1..=3).contains(&n) {
        return Err(type_error(if n == 0 {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {n}")
        }));
    }
    let mut d = Dict::new();
    if n == 1 {
        let items = match &args[0] {
            Value::Dict(src) => src
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>(),
            _ => {
                return Err(type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ))
            }
        };
        for (k, v) in items {
            let key = match &k {
                Value::Str(s) if s.len() == 1 => Value::Int(s.char_at(0) as i64),
                Value::Str(_) => {
                    return Err(value_error(
                        "string keys in translate table must be of length 1",
                    ))
                }
                Value::Int(_) => k.clone(),
                _ => {
                    return Err(type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            let hk = interp.hkey(key)?;
            d.insert(hk, v);
        }
        return Ok(Value::dict(d));
    }
    let x = str_arg(interp, &args[0], "maketrans() argument 1 ")?;
    let y = str_arg(interp, &args[1], "maketrans() argument 2 ")?;
    if x.len() != y.len() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        let hk = interp.hkey(Value::Int(a as i64))?;
        d.insert(hk, Value::Int(b as i64));
    }
    if let Some(z) = args.get(2) {
        let z = str_arg(interp, z, "maketrans() argument 3 ")?;
        for c in z.as_str().chars() {
            let hk = interp.hkey(Value::Int(c as i64))?;
            d.insert(hk, Value::None);
        }
    }
    Ok(Value::dict(d))
}

fn translate(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "translate")?;
    let table = onearg("str.translate", args, &kw)?.clone();
    let mut out = String::with_capacity(s.len_bytes());
    for c in s.as_str().chars() {
        match interp.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is("LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    ret(out)
}

// ---------------------------------------------------------------- format

fn format(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "format")?;
    let positional = &args[1..];
    let mut d = Dict::new();
    for (k, v) in kw {
        let hk = interp.hkey(Value::str(k.as_str()))?;
        d.insert(hk, v);
    }
    let kwargs = Value::dict(d);
    let mut auto = AutoNumber::Init;
    ret(build(
        interp,
        s.as_str(),
        Some(positional),
        &kwargs,
        2,
        &mut auto,
    )?)
}

fn format_map(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = this(interp, args, "format_map")?;
    let mapping = onearg("str.format_map", args, &kw)?.clone();
    let mut auto = AutoNumber::Init;
    ret(build(interp, s.as_str(), None, &mapping, 2, &mut auto)?)
}

#[derive(Clone, Copy, PartialEq)]
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

/// Expands the replacement fields of `text` (str.format's mini-language).
fn build(
    interp: &mut Interp,
    text: &str,
    args: Option<&[Value]>,
    kwargs: &Value,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c == '}' {
            if i < chars.len() && chars[i] == '}' {
                out.push('}');
                i += 1;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            continue;
        }
        if i >= chars.len() {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if chars[i] == '{' {
            out.push('{');
            i += 1;
            continue;
        }
        // A replacement field: name, then `!conv`, then `:spec`.
        let name_start = i;
        let mut term = '\0';
        while i < chars.len() {
            let ch = chars[i];
            i += 1;
            match ch {
                '{' => return Err(value_error("unexpected '{' in field name")),
                '[' => {
                    while i < chars.len() && chars[i] != ']' {
                        i += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => {
                    term = ch;
                    break;
                }
                _ => continue,
            }
        }
        let name: String = chars[name_start..i.saturating_sub(1).max(name_start)]
            .iter()
            .collect();
        let name = if term == '\0' {
            chars[name_start..].iter().collect()
        } else {
            name
        };
        let mut conversion = None;
        let mut spec = String::new();
        let mut nested = false;
        if term == '!' || term == ':' {
            let mut to_spec = term == ':';
            if term == '!' {
                if i >= chars.len() {
                    return Err(value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                conversion = Some(chars[i]);
                i += 1;
                if i < chars.len() {
                    let ch = chars[i];
                    i += 1;
                    if ch == ':' {
                        to_spec = true;
                    } else if ch != '}' {
                        return Err(value_error("expected ':' after conversion specifier"));
                    }
                } else {
                    to_spec = true;
                }
            }
            if to_spec {
                let mut count = 1;
                let start = i;
                let mut closed = false;
                while i < chars.len() {
                    let ch = chars[i];
                    i += 1;
                    if ch == '{' {
                        nested = true;
                        count += 1;
                    } else if ch == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = chars[start..i - 1].iter().collect();
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(value_error("unmatched '{' in format spec"));
                }
            }
        } else if term != '}' {
            return Err(value_error("expected '}' before end of string"));
        }
        let mut obj = field_value(interp, &name, args, kwargs, auto)?;
        if let Some(conv) = conversion {
            obj = Value::string(match conv {
                'r' => interp.repr(&obj)?,
                's' => interp.str(&obj)?,
                'a' => crate::interp::repr::ascii_escape(&interp.repr(&obj)?),
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(value_error(format!("Unknown conversion specifier {c}")))
                }
                c => {
                    return Err(value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        c as u32
                    )))
                }
            });
        }
        if nested {
            spec = build(interp, &spec, args, kwargs, depth - 1, auto)?;
        }
        out.push_str(&interp.format(&obj, &spec)?);
    }
    Ok(out)
}

/// An all-digit (Unicode decimal) field part as an index.
fn field_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let d = match crate::format::decimal_value(c) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn field_value(
    interp: &mut Interp,
    name: &str,
    args: Option<&[Value]>,
    kwargs: &Value,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let chars: Vec<char> = name.chars().collect();
    let mut i = chars
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(chars.len());
    let first: String = chars[..i].iter().collect();
    let mut index = field_index(&first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if *auto == AutoNumber::Init {
            *auto = if empty {
                AutoNumber::Auto(0)
            } else {
                AutoNumber::Manual
            };
        }
        match (*auto, empty) {
            (AutoNumber::Manual, true) => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ))
            }
            (AutoNumber::Auto(_), false) => {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ))
            }
            (AutoNumber::Auto(n), true) => {
                index = Some(n);
                *auto = AutoNumber::Auto(n + 1);
            }
            _ => {}
        }
    }
    let mut obj = match index {
        None => {
            let key = Value::string(first);
            interp.getitem(kwargs, &key)?
        }
        Some(n) => match args {
            None => return Err(value_error("Format string contains positional fields")),
            Some(a) => match a.get(n) {
                Some(v) => v.clone(),
                None => {
                    return Err(index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            },
        },
    };
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let start = i;
        let part: String;
        let is_attr = match c {
            '.' => {
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    i += 1;
                }
                part = chars[start..i].iter().collect();
                true
            }
            '[' => {
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                part = chars[start..i].iter().collect();
                i += 1;
                false
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        if part.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        obj = if is_attr {
            interp.getattr(&obj, crate::intern::intern(&part))?
        } else {
            match field_index(&part)? {
                Some(n) => interp.getitem(&obj, &Value::Int(n as i64))?,
                None => interp.getitem(&obj, &Value::string(part))?,
            }
        };
    }
    Ok(obj)
}
