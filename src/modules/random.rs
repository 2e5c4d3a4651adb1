// The `random` module and `random.Random` objects, on the CPython-exact random_core.

use super::{make_module, set_attr};
use crate::builtins::def_method;
use crate::builtins::functions::{arity, take_kw};
use crate::interp::err::*;
use crate::interp::object::{downcast, NativeObject};
use crate::interp::types::types;
use crate::interp::{Interp, PyResult};
use crate::random_core::{Random, RandomError};
use crate::value::{Class, Kwargs, NativeFn, Value};
use num_bigint::BigInt;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct RandomObj {
    r: RefCell<Random>,
}

impl NativeObject for RandomObj {
    fn class(&self) -> Rc<Class> {
        types().native("Random")
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok("<random.Random object>".into())
    }
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("randint", randint),
    ("randrange", randrange),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("triangular", triangular),
    ("expovariate", expovariate),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
];

pub fn module() -> Value {
    let cls = types().native("Random");
    for (name, f) in METHODS {
        def_method(&cls, "Random", name, *f);
    }
    cls.dict.borrow_mut().insert(
        crate::intern::intern("__new__"),
        crate::builtins::native("Random", new_random),
    );
    let m = make_module("random", &[]);
    let inst = Value::Object(crate::value::new_obj(RandomObj {
        r: RefCell::new(Random::from_os()),
    }));
    for (name, f) in METHODS {
        set_attr(
            &m,
            name,
            Value::Native(Rc::new(crate::value::NativeFunction {
                name,
                func: *f,
                receiver: Some(inst.clone()),
                owner: Some("Random"),
                positional: None,
            })),
        );
    }
    set_attr(&m, "Random", Value::Class(cls));
    Value::Module(m)
}

/// In a new child process: the module's functions draw a fresh sequence, as CPython
/// reseeds them after a fork (else every worker of a pool would draw the same numbers).
/// Random() objects the program made keep their state, as in CPython.
pub fn reseed_after_fork(interp: &Interp) {
    let Some(Value::Module(m)) = interp.modules.get("random") else {
        return;
    };
    if let Some(Value::Native(f)) = m.get(crate::intern::intern("random")) {
        if let Some(Ok(o)) = f.receiver.as_ref().map(me) {
            o.r.borrow_mut().seed_os();
        }
    }
}

fn rerr(e: RandomError) -> Exc {
    exc_msg(e.kind(), e.message().to_string())
}

fn new_random(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("Random", args, 0, 1)?;
    let obj = RandomObj {
        r: RefCell::new(Random::from_os()),
    };
    if let Some(a) = args.first() {
        seed_with(interp, &mut obj.r.borrow_mut(), a)?;
    }
    Ok(Value::Object(crate::value::new_obj(obj)))
}

fn me(v: &Value) -> PyResult<&RandomObj> {
    downcast::<RandomObj>(v).ok_or_else(|| type_error("descriptor requires a 'Random' object"))
}

fn seed_with(interp: &mut Interp, r: &mut Random, a: &Value) -> PyResult<()> {
    match a {
        Value::None => r.seed_os(),
        Value::Int(i) => r.seed_i64(*i),
        Value::Bool(b) => r.seed_i64(*b as i64),
        Value::BigInt(b) => r.seed_int(b),
        Value::Str(s) => r.seed_str(s.as_str()),
        Value::Bytes(b) => r.seed_bytes(b),
        Value::Float(_) | Value::Tuple(_) | Value::FrozenSet(_) => {
            let h = interp.hash(a)?;
            r.seed_hash(h)
        }
        other => {
            return Err(type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. Got {}",
                interp.type_name(other)
            )))
        }
    }
    Ok(())
}

fn seed(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    take_kw(&mut kw, "version");
    let a = take_kw(&mut kw, "a").or_else(|| args.get(1).cloned());
    let o = me(&args[0])?;
    let mut r = o.r.borrow_mut();
    seed_with(interp, &mut r, &a.unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn random(_: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("random", &args[1..], 0, 0)?;
    Ok(Value::Float(me(&args[0])?.r.borrow_mut().random()))
}

fn big(interp: &mut Interp, v: &Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => {
            Ok(crate::format::float_to_int(*f).map_err(value_error)?)
        }
        Value::Float(_) => Err(value_error(format!("non-integer {} for randrange()", what))),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(other)
        ))),
    }
}

fn randrange(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let a = &args[1..];
    let start = take_kw(&mut kw, "start").or_else(|| a.first().cloned());
    let stop = take_kw(&mut kw, "stop").or_else(|| a.get(1).cloned());
    let step = take_kw(&mut kw, "step").or_else(|| a.get(2).cloned());
    let start = match start {
        Some(s) => big(interp, &s, "arg 1")?,
        None => {
            return Err(type_error(
                "Random.randrange() missing 1 required positional argument: 'start'",
            ))
        }
    };
    let stop = match stop {
        None | Some(Value::None) => None,
        Some(s) => Some(big(interp, &s, "stop")?),
    };
    let step = match step {
        None => BigInt::from(1),
        Some(s) => big(interp, &s, "step")?,
    };
    let r =
        o.r.borrow_mut()
            .randrange_big(&start, stop.as_ref(), &step)
            .map_err(rerr)?;
    Ok(Value::from_bigint(r))
}

fn randint(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(type_error(format!(
            "Random.randint() takes 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let o = me(&args[0])?;
    let a = big(interp, &args[1], "arg 1")?;
    let b = big(interp, &args[2], "stop")?;
    let r = o.r.borrow_mut().randint_big(&a, &b).map_err(rerr)?;
    Ok(Value::from_bigint(r))
}

fn choice(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("choice", &args[1..], 1, 1)?;
    let o = me(&args[0])?;
    let seq = &args[1];
    let n = interp.len(seq)?;
    let i = o.r.borrow_mut().choice(n).map_err(rerr)?;
    interp.getitem(seq, &Value::Int(i as i64))
}

fn floats(interp: &mut Interp, v: &Value) -> PyResult<Vec<f64>> {
    let items = interp.collect(v)?;
    items
        .iter()
        .map(|x| crate::builtins::ctors::to_float(interp, x))
        .collect()
}

fn choices(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let population = take_kw(&mut kw, "population")
        .or_else(|| args.get(1).cloned())
        .ok_or_else(|| {
            type_error("choices() missing 1 required positional argument: 'population'")
        })?;
    let weights = take_kw(&mut kw, "weights").or_else(|| args.get(2).cloned());
    let cum = take_kw(&mut kw, "cum_weights");
    let k = match take_kw(&mut kw, "k") {
        Some(v) => interp.to_index(&v, "k")?,
        None => 1,
    };
    let pop = interp.collect(&population)?;
    let w = match weights {
        None | Some(Value::None) => None,
        Some(v) => Some(floats(interp, &v)?),
    };
    let c = match cum {
        None | Some(Value::None) => None,
        Some(v) => Some(floats(interp, &v)?),
    };
    let k = k.max(0) as usize;
    let idx = if w.is_none() && c.is_none() {
        o.r.borrow_mut().choices(pop.len(), k)
    } else {
        o.r.borrow_mut()
            .choices_weighted(pop.len(), w.as_deref(), c.as_deref(), k)
            .map_err(rerr)?
    };
    let mut out = Vec::with_capacity(idx.len());
    for i in idx {
        match pop.get(i) {
            Some(v) => out.push(v.clone()),
            None => return Err(index_error("list index out of range")),
        }
    }
    Ok(Value::list(out))
}

fn shuffle(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("shuffle", &args[1..], 1, 1)?;
    let o = me(&args[0])?;
    match &args[1] {
        Value::List(l) => {
            let mut items = l.borrow().clone();
            o.r.borrow_mut().shuffle(&mut items);
            *l.borrow_mut() = items;
        }
        seq => {
            let mut items = interp.collect(seq)?;
            o.r.borrow_mut().shuffle(&mut items);
            for (i, v) in items.into_iter().enumerate() {
                interp.setitem(seq, Value::Int(i as i64), v)?;
            }
        }
    }
    Ok(Value::None)
}

fn sample(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let pop = args
        .get(1)
        .cloned()
        .or_else(|| take_kw(&mut kw, "population"))
        .ok_or_else(|| {
            type_error("sample() missing 1 required positional argument: 'population'")
        })?;
    let k = take_kw(&mut kw, "k")
        .or_else(|| args.get(2).cloned())
        .ok_or_else(|| type_error("Random.sample() missing 1 required positional argument: 'k'"))?;
    let counts = take_kw(&mut kw, "counts");
    if matches!(pop, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
        return Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let items = interp.collect(&pop)?;
    let k = interp.to_index(&k, "k")?;
    let idx = match counts {
        None | Some(Value::None) => o.r.borrow_mut().sample(items.len(), k).map_err(rerr)?,
        Some(c) => {
            let cs = interp.collect(&c)?;
            let mut counts = Vec::new();
            for x in &cs {
                counts.push(interp.to_index(x, "counts")?);
            }
            o.r.borrow_mut()
                .sample_counts(items.len(), &counts, k)
                .map_err(rerr)?
        }
    };
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn two_floats(
    interp: &mut Interp,
    args: &[Value],
    mut kw: Kwargs,
    names: [&str; 2],
    defaults: [Option<f64>; 2],
) -> PyResult<(f64, f64)> {
    let mut out = [0.0; 2];
    for i in 0..2 {
        let v = take_kw(&mut kw, names[i]).or_else(|| args.get(i + 1).cloned());
        out[i] = match (v, defaults[i]) {
            (Some(v), _) => crate::builtins::ctors::to_float(interp, &v)?,
            (None, Some(d)) => d,
            (None, None) => {
                return Err(type_error(format!(
                    "missing required argument: '{}'",
                    names[i]
                )))
            }
        };
    }
    Ok((out[0], out[1]))
}

fn uniform(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let (a, b) = two_floats(interp, args, kw, ["a", "b"], [None, None])?;
    Ok(Value::Float(o.r.borrow_mut().uniform(a, b)))
}

fn gauss(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let (a, b) = two_floats(interp, args, kw, ["mu", "sigma"], [Some(0.0), Some(1.0)])?;
    Ok(Value::Float(o.r.borrow_mut().gauss(a, b)))
}

fn normalvariate(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let (a, b) = two_floats(interp, args, kw, ["mu", "sigma"], [Some(0.0), Some(1.0)])?;
    Ok(Value::Float(o.r.borrow_mut().normalvariate(a, b)))
}

fn triangular(interp: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    let o = me(&args[0])?;
    let mode = take_kw(&mut kw, "mode").or_else(|| args.get(3).cloned());
    let (a, b) = two_floats(interp, args, kw, ["low", "high"], [Some(0.0), Some(1.0)])?;
    let mode = match mode {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::builtins::ctors::to_float(interp, &v)?),
    };
    Ok(Value::Float(
        o.r.borrow_mut().triangular(a, b, mode).map_err(rerr)?,
    ))
}

fn expovariate(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("expovariate", &args[1..], 1, 1)?;
    let o = me(&args[0])?;
    let l = crate::builtins::ctors::to_float(interp, &args[1])?;
    Ok(Value::Float(o.r.borrow_mut().expovariate(l).map_err(rerr)?))
}

fn getrandbits(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("getrandbits", &args[1..], 1, 1)?;
    let o = me(&args[0])?;
    let k = interp.to_index(&args[1], "k")?;
    // CPython takes the count as a C int.
    if k > i32::MAX as i64 {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    Ok(Value::from_bigint(
        o.r.borrow_mut().getrandbits(k).map_err(rerr)?,
    ))
}

fn randbytes(interp: &mut Interp, args: &[Value], _k: Kwargs) -> PyResult<Value> {
    arity("randbytes", &args[1..], 1, 1)?;
    let o = me(&args[0])?;
    let n = interp.to_index(&args[1], "n")?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    // CPython asks for n * 8 random bits, counted in a C int.
    if n.saturating_mul(8) > i32::MAX as i64 {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    Ok(Value::Bytes(Rc::new(
        o.r.borrow_mut().randbytes(n as usize),
    )))
}
