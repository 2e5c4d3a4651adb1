// Constructors of the built-in types: int(), float(), str(), bool(), dict(), set(), type(), ...

use super::functions::{arity, no_kwargs, take_kw};
use crate::intern::intern;
use crate::interp::err::*;
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::value::{Class, Dict, Kwargs, NativeFn, PySet, TypeKind, Value};
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

/// The constructor of a built-in value type whose subclasses hold their value
/// (`Payload::Value`): `int(...)` for `TypeKind::Int`, and so on.
pub fn value_ctor(kind: TypeKind) -> Option<NativeFn> {
    Some(match kind {
        TypeKind::Int => int_new,
        TypeKind::Float => float_new,
        TypeKind::Str => str_new,
        TypeKind::Bytes => bytes_new,
        TypeKind::Tuple => super::functions::new_tuple,
        TypeKind::FrozenSet => frozenset_new,
        _ => return None,
    })
}

/// `int.__new__(cls, ...)` and its kin: the value, wrapped in an instance of `cls`
/// when `cls` is a subclass (`super().__new__(cls, x)` in a user `__new__`).
pub fn value_type_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "__new__(X): X is not a type object ({})",
                interp.type_name(other)
            )))
        }
        None => return Err(type_error("__new__(): not enough arguments")),
    };
    let Some(ctor) = value_ctor(cls.base_kind) else {
        return Err(type_error(format!(
            "__new__({}): {} is not a subtype of a built-in value type",
            cls.name, cls.name
        )));
    };
    let value = ctor(interp, &args[1..], kw)?;
    if cls.builtin {
        return Ok(value);
    }
    Ok(Value::Instance(Rc::new(crate::value::Instance {
        class: RefCell::new(cls),
        dict: RefCell::new(Default::default()),
        payload: crate::value::Payload::Value(value),
    })))
}

pub fn int_new(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let base_kw = take_kw(&mut kw, "base");
    super::functions::reject_unknown_kw("int", &kw)?;
    arity("int", args, 0, 2)?;
    let base = args.get(1).cloned().or(base_kw);
    let x = match args.first() {
        Some(x) => x,
        None => return Ok(Value::Int(0)),
    };
    if let Some(b) = base {
        let b = match b {
            Value::Int(i) => i,
            _ => {
                return Err(type_error(
                    "'str' object cannot be interpreted as an integer",
                ))
            }
        };
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match x {
            Value::Str(s) => crate::format::parse_int(s.as_str(), b as u32)
                .map(Value::from_bigint)
                .map_err(value_error),
            _ => Err(type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => crate::format::float_to_int(*f)
            .map(Value::from_bigint)
            .map_err(|m| {
                if m.contains("NaN") {
                    value_error(m)
                } else {
                    overflow_error(m)
                }
            }),
        Value::Str(s) => crate::format::parse_int(s.as_str(), 10)
            .map(Value::from_bigint)
            .map_err(value_error),
        Value::Bytes(b) => {
            let s = String::from_utf8_lossy(b).to_string();
            crate::format::parse_int(&s, 10)
                .map(Value::from_bigint)
                .map_err(value_error)
        }
        other => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = interp.user_method(other, intern(name)) {
                    return interp.call(&f, vec![other.clone()], vec![]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                interp.type_name(other)
            )))
        }
    }
}

pub fn float_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("float", &kw)?;
    arity("float", args, 0, 1)?;
    Ok(Value::Float(match args.first() {
        None => 0.0,
        Some(v) => to_float(interp, v)?,
    }))
}

/// A number as a float, for float() and math functions.
pub fn to_float(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    Ok(match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::BigInt(b) => crate::interp::ops::big_to_f64(b)?,
        Value::Str(s) => crate::format::parse_float(s.as_str()).map_err(value_error)?,
        other => {
            if let Some(f) = interp.user_method(other, interp.sym.float) {
                return match interp.call(&f, vec![other.clone()], vec![])? {
                    Value::Float(f) => Ok(f),
                    r => Err(type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        interp.type_name(other),
                        interp.type_name(&r)
                    ))),
                };
            }
            // As CPython since 3.8: an object with only `__index__` is its index.
            if interp.user_method(other, interp.sym.index).is_some() {
                let n = crate::modules::math::integer(interp, other)?;
                return to_float(interp, &Value::from_bigint(n));
            }
            return Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                interp.type_name(other)
            )));
        }
    })
}

pub fn str_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    // str(x), the common call, binds nothing.
    if kw.is_empty() && args.len() == 1 {
        return match &args[0] {
            s @ Value::Str(_) => Ok(s.clone()),
            v => Ok(Value::string(interp.str(v)?)),
        };
    }
    let a = super::functions::clinic_args("str", args, kw, &["object", "encoding", "errors"], 0)?;
    let (object, encoding, errors) = (a[0].clone(), a[1].clone(), a[2].clone());
    for (what, v) in [("encoding", &encoding), ("errors", &errors)] {
        if let Some(v) = v.as_ref().filter(|v| !matches!(v, Value::Str(_))) {
            return Err(type_error(format!(
                "str() argument '{what}' must be str, not {}",
                interp.type_name(v)
            )));
        }
    }
    let decoding = encoding.is_some() || errors.is_some();
    match object {
        None => Ok(Value::str("")),
        // With an encoding or errors, it decodes bytes, as bytes.decode does.
        Some(b @ Value::Bytes(_)) if decoding => {
            let enc = encoding.unwrap_or_else(|| Value::str("utf-8"));
            let errs = errors.unwrap_or_else(|| Value::str("strict"));
            crate::methods::bytes::decode(interp, &[b, enc, errs], vec![])
        }
        Some(v) if decoding => Err(type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            interp.type_name(&v)
        ))),
        Some(s @ Value::Str(_)) => Ok(s),
        Some(v) => Ok(Value::string(interp.str(&v)?)),
    }
}

pub fn bool_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("bool", &kw)?;
    arity("bool", args, 0, 1)?;
    Ok(Value::Bool(match args.first() {
        Some(v) => interp.truthy(v)?,
        None => false,
    }))
}

/// Fills a dict from `dict(mapping_or_pairs, **kw)` arguments.
pub fn dict_fill(
    interp: &mut Interp,
    d: &mut Dict,
    args: &[Value],
    kw: Kwargs,
    name: &str,
) -> PyResult<()> {
    if args.len() > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            args.len()
        )));
    }
    if let Some(src) = args.first() {
        let is_mapping =
            matches!(src, Value::Dict(_)) || interp.getattr_opt(src, intern("keys"))?.is_some();
        if is_mapping {
            for (k, v) in interp.mapping_items(src)? {
                let k = interp.hkey(k)?;
                interp.put_key(d, k, v)?;
            }
        } else {
            let it = interp.iter(src)?;
            let mut i = 0;
            while let Some(pair) = interp.next(&it)? {
                let kv = interp.collect(&pair).map_err(|_| {
                    type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    ))
                })?;
                if kv.len() != 2 {
                    return Err(value_error(format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        kv.len()
                    )));
                }
                let mut kv = kv.into_iter();
                let k = kv.next().unwrap_or(Value::None);
                let v = kv.next().unwrap_or(Value::None);
                let k = interp.hkey(k)?;
                interp.put_key(d, k, v)?;
                i += 1;
            }
        }
    }
    for (k, v) in kw {
        let key = interp.hkey(Value::str(k.as_str()))?;
        d.insert(key, v);
    }
    Ok(())
}

/// `list.__new__(cls, ...)`: an empty list of `cls` (the arguments are `__init__`'s).
pub fn list_dunder_new(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    container_new(interp, args, &crate::interp::types::types().list)
}

/// `dict.__new__(cls, ...)`: an empty dict of `cls` (the arguments are `__init__`'s).
pub fn dict_dunder_new(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    container_new(interp, args, &crate::interp::types::types().dict)
}

fn container_new(interp: &mut Interp, args: &[Value], base: &Rc<Class>) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(c)) if Rc::ptr_eq(c, base) => Ok(if base.base_kind == TypeKind::List {
            Value::list(vec![])
        } else {
            Value::dict(Dict::new())
        }),
        Some(Value::Class(c)) if !c.builtin && c.is_subclass(base) => {
            super::types::object_new(interp, &args[..1], vec![])
        }
        Some(Value::Class(c)) => Err(type_error(format!(
            "{b}.__new__({c}): {c} is not a subtype of {b}",
            b = base.name,
            c = c.name
        ))),
        Some(other) => Err(type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            base.name,
            interp.type_name(other)
        ))),
        None => Err(type_error(format!(
            "{}.__new__(): not enough arguments",
            base.name
        ))),
    }
}

pub fn dict_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut d = Dict::new();
    dict_fill(interp, &mut d, args, kw, "dict")?;
    Ok(Value::dict(d))
}

pub fn set_from(interp: &mut Interp, args: &[Value], name: &str) -> PyResult<PySet> {
    arity(name, args, 0, 1)?;
    let mut s = PySet::new();
    match args.first() {
        Some(Value::Set(other)) => {
            s.merge(&other.borrow());
            return Ok(s);
        }
        Some(Value::FrozenSet(other)) => {
            s.merge(other);
            return Ok(s);
        }
        Some(Value::Dict(d)) => {
            // The dict's keys with the hashes it keeps, as CPython reuses them.
            let keys: Vec<crate::value::HKey> = d.borrow().map.keys().cloned().collect();
            s.reserve_for_dict(keys.len());
            for k in keys {
                interp.add_key(&mut s, k)?;
            }
            return Ok(s);
        }
        _ => {}
    }
    if let Some(src) = args.first() {
        let it = interp.iter(src)?;
        while let Some(x) = interp.next(&it)? {
            let k = interp.hkey(x)?;
            interp.add_key(&mut s, k)?;
        }
    }
    Ok(s)
}

pub fn set_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("set", &kw)?;
    Ok(Value::Set(Rc::new(RefCell::new(set_from(
        interp, args, "set",
    )?))))
}

pub fn frozenset_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kwargs("frozenset", &kw)?;
    if let Some(f @ Value::FrozenSet(_)) = args.first() {
        return Ok(f.clone());
    }
    Ok(Value::FrozenSet(Rc::new(set_from(
        interp,
        args,
        "frozenset",
    )?)))
}

pub fn bytes_new(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = super::functions::clinic_args("bytes", args, kw, &["source", "encoding", "errors"], 0)?;
    let (source, enc, errors) = (a[0].clone(), a[1].clone(), a[2].clone());
    if let Some(s @ Value::Str(_)) = source {
        // With its encoding, as str.encode does it.
        let Some(enc) = enc else {
            return Err(type_error("string argument without an encoding"));
        };
        let errs = errors.unwrap_or_else(|| Value::str("strict"));
        return crate::methods::str::encode(interp, &[s, enc, errs], vec![]);
    }
    if enc.is_some() || errors.is_some() {
        return Err(type_error(if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        }));
    }
    let Some(source) = source else {
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    };
    if let Some(f) = interp.user_method(&source, crate::intern::intern("__bytes__")) {
        return match interp.call(&f, vec![source.clone()], vec![])? {
            b @ Value::Bytes(_) => Ok(b),
            r => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                interp.type_name(&r)
            ))),
        };
    }
    Ok(Value::Bytes(Rc::new(match &source {
        Value::Int(n) => {
            if *n < 0 {
                return Err(value_error("negative count"));
            }
            check_alloc(*n as usize, 1)?;
            vec![0u8; *n as usize]
        }
        Value::Bytes(b) => (**b).clone(),
        other => {
            // What cannot be iterated cannot be converted; an error while iterating
            // is the iterator's own.
            let it = interp.iter(other).map_err(|e| {
                if e.is("TypeError") {
                    type_error(format!(
                        "cannot convert '{}' object to bytes",
                        interp.type_name(other)
                    ))
                } else {
                    e
                }
            })?;
            let items = interp.collect(&it)?;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                match x {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) => return Err(value_error("bytes must be in range(0, 256)")),
                    o => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            interp.type_name(&o)
                        )))
                    }
                }
            }
            out
        }
    })))
}

pub fn type_new(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args.len() {
        1 => Ok(Value::Class(interp.type_of(&args[0]))),
        3 => {
            let name = match &args[0] {
                Value::Str(s) => s.as_str().to_string(),
                _ => return Err(type_error("type.__new__() argument 1 must be str")),
            };
            let bases = interp.collect(&args[1])?;
            let mut ns = crate::value::object::Namespace::default();
            for (k, v) in interp.mapping_items(&args[2])? {
                if let Value::Str(s) = k {
                    ns.insert(intern(s.as_str()), v);
                }
            }
            super::types::build_class(interp, &name, &name, "__main__", bases, ns)
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

pub fn object_ctor(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(type_error("object() takes no arguments"));
    }
    let obj = types().object.clone();
    Ok(Value::Instance(Rc::new(crate::value::Instance {
        class: RefCell::new(obj),
        dict: Default::default(),
        payload: crate::value::Payload::None,
    })))
}

pub fn slice_new(_interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    arity("slice", args, 1, 3)?;
    let (start, stop, step) = match args.len() {
        1 => (Value::None, args[0].clone(), Value::None),
        2 => (args[0].clone(), args[1].clone(), Value::None),
        _ => (args[0].clone(), args[1].clone(), args[2].clone()),
    };
    Ok(Value::Slice(Rc::new(crate::value::Slice {
        start,
        stop,
        step,
    })))
}

pub fn big(v: i64) -> BigInt {
    BigInt::from(v)
}
