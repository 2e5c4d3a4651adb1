// Calling: dispatch on the callee, binding arguments to parameters, running frames.

use super::err::*;
use super::{Flow, Frame, Interp, PyResult};
use crate::intern::Symbol;
use crate::syntax::ast::{NameRes, Params};
use crate::value::object::{ExcState, Payload};
use crate::value::{Class, Dict, Function, Instance, Kwargs, TypeKind, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// How much Rust stack one more Python call may need before we refuse it: room for the
/// deepest expression the front end accepts (a few thousand nested levels, twice that
/// with an f-string field inside) besides the call itself, since evaluating an
/// expression does not check the stack.
const STACK_RED_ZONE: usize = 6 * 1024 * 1024;

#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    &marker as *const u8 as usize
}

/// A method of a built-in value type called on an instance of a subclass of that type
/// (`S("ab").upper()` for `class S(str)`) works on the value the instance holds.
#[inline]
fn held_value(n: &crate::value::NativeFunction, receiver: &Value) -> Option<Value> {
    let Value::Instance(i) = receiver else {
        return None;
    };
    let v = i.held()?;
    let owner = n.owner?;
    (&*crate::interp::attr::class_of(v).name == owner).then(|| v.clone())
}

impl Interp {
    /// Whether the stack is down to its red zone (where calls and recursion over
    /// nested data stop with a RecursionError).
    #[inline]
    pub fn stack_is_low(&self) -> bool {
        stack_pointer() < self.stack_limit + STACK_RED_ZONE
    }

    /// Runs `f` one level deeper into nested data (a list inside a list being compared
    /// or printed), counted with the calls against the recursion limit as CPython
    /// counts them: `while` says what was being done, for the RecursionError.
    pub fn nested<T>(
        &mut self,
        while_: &str,
        f: impl FnOnce(&mut Self) -> PyResult<T>,
    ) -> PyResult<T> {
        if self.depth >= self.recursion_limit || self.stack_is_low() {
            return Err(exc_msg(
                "RecursionError",
                format!("maximum recursion depth exceeded {while_}"),
            ));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    pub fn call(&mut self, callee: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        match callee {
            Value::Function(func) => self.call_function(func, args, kwargs),
            Value::Native(n) if !kwargs.is_empty() && n.positional.is_some() => {
                let module = n.positional.unwrap_or_default();
                let dot = if module.is_empty() { "" } else { "." };
                Err(type_error(format!(
                    "{module}{dot}{}() takes no keyword arguments",
                    n.name
                )))
            }
            // A built-in that calls back into the interpreter (a `__contains__` that
            // finds itself again) recurses without a Python frame: the stack is
            // checked here too.
            Value::Native(_) if self.stack_is_low() => Err(exc_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            )),
            Value::Native(n) => match &n.receiver {
                Some(r) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(held_value(n, r).unwrap_or_else(|| r.clone()));
                    a.extend(args);
                    (n.func)(self, &a, kwargs)
                }
                None => match args.first().and_then(|r| held_value(n, r)) {
                    Some(v) => {
                        let mut a = args;
                        a[0] = v;
                        (n.func)(self, &a, kwargs)
                    }
                    None => (n.func)(self, &args, kwargs),
                },
            },
            Value::BoundMethod(m) => {
                let mut a =
                    Vec::with_capacity(super::eval::frame_capacity(&m.func, args.len() + 1));
                a.push(m.receiver.clone());
                a.extend(args);
                self.call(&m.func.clone(), a, kwargs)
            }
            Value::Class(cls) => self.instantiate(cls, args, kwargs),
            Value::Instance(inst) => match inst.class().lookup(self.sym.call) {
                Some(f) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(callee.clone());
                    a.extend(args);
                    self.call(&f, a, kwargs)
                }
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    inst.class().name
                ))),
            },
            Value::Object(o) => match o.class().lookup(self.sym.call) {
                Some(f) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(callee.clone());
                    a.extend(args);
                    self.call(&f, a, kwargs)
                }
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    o.class().name
                ))),
            },
            other => Err(type_error(format!(
                "'{}' object is not callable",
                self.type_name(other)
            ))),
        }
    }

    /// Calls a user function: binds arguments, then runs the body (or makes a generator).
    pub fn call_function(
        &mut self,
        func: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        let def = func.def;
        let scope = &def.scope;
        let p = &def.params;
        let npos = p.posonly.len() + p.args.len();
        let simple = p.vararg.is_none() && p.kwarg.is_none() && p.kwonly.is_empty();
        let mut locals = args;
        if simple
            && kwargs.is_empty()
            && locals.len() <= npos
            && locals.len() + func.defaults.len() >= npos
        {
            let given = locals.len();
            if given < npos {
                let first_default = npos - func.defaults.len();
                locals.extend(func.defaults[given - first_default..].iter().cloned());
            }
            locals.resize(scope.nlocals as usize, Value::Undef);
        } else {
            locals = self.bind_args(func, locals, kwargs)?;
        }
        for &c in &scope.cells {
            let old = std::mem::replace(&mut locals[c as usize], Value::Undef);
            locals[c as usize] = Value::Cell(Rc::new(RefCell::new(old)));
        }
        let frame = Frame {
            locals,
            closure: func.closure.clone(),
            module: func.module.clone(),
            class_ns: None,
            name: func.name.borrow().clone(),
            cur: def.span,
            gen: None,
            code: Some(def),
        };
        if scope.is_generator {
            return self.make_generator_from(frame, func);
        }
        self.run_frame(frame, &def.body)
    }

    /// Runs a function body in `frame`, with recursion and stack checks.
    pub fn run_frame(
        &mut self,
        mut frame: Frame,
        body: &'static [crate::syntax::ast::Stmt],
    ) -> PyResult<Value> {
        if self.depth >= self.recursion_limit || stack_pointer() < self.stack_limit + STACK_RED_ZONE
        {
            return Err(exc_msg(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        // (Signals are checked before each statement of the body.)
        self.depth += 1;
        let r = self.exec_block(&mut frame, body);
        self.depth -= 1;
        match r {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(e) => {
                e.push_frame(&frame);
                Err(e)
            }
        }
    }

    fn bind_args(
        &mut self,
        func: &Function,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Vec<Value>> {
        let def = func.def;
        let p: &Params = &def.params;
        let qual = func.qualname.borrow().clone();
        let nposonly = p.posonly.len();
        let npos = nposonly + p.args.len();
        let nkw = p.kwonly.len();
        let mut slots = vec![Value::Undef; def.scope.nlocals as usize];
        let vararg_slot = npos + nkw;
        let kwarg_slot = vararg_slot + p.vararg.is_some() as usize;
        let given = args.len();
        let mut args = args;
        if given > npos {
            if p.vararg.is_some() {
                let extra = args.split_off(npos);
                slots[vararg_slot] = Value::tuple(extra);
            } else {
                let ndef = func.defaults.len();
                let takes = if ndef > 0 {
                    format!("from {} to {} positional arguments", npos - ndef, npos)
                } else if npos == 1 {
                    "1 positional argument".to_string()
                } else {
                    format!("{} positional arguments", npos)
                };
                let nkw_given = kwargs
                    .iter()
                    .filter(|(k, _)| p.kwonly.iter().any(|q| q.name.id == *k))
                    .count();
                let given_text = if nkw_given > 0 {
                    format!(
                        "{} positional argument{} (and {} keyword-only argument{}) were given",
                        given,
                        if given == 1 { "" } else { "s" },
                        nkw_given,
                        if nkw_given == 1 { "" } else { "s" }
                    )
                } else if given == 1 {
                    "1 was given".to_string()
                } else {
                    format!("{} were given", given)
                };
                return Err(type_error(format!(
                    "{}() takes {} but {}",
                    qual, takes, given_text
                )));
            }
        } else if p.vararg.is_some() {
            slots[vararg_slot] = Value::tuple(vec![]);
        }
        for (i, a) in args.into_iter().enumerate() {
            slots[i] = a;
        }
        let mut extra_kw = if p.kwarg.is_some() {
            Some(Dict::new())
        } else {
            None
        };
        let mut posonly_as_kw: Vec<Symbol> = Vec::new();
        for (k, v) in kwargs {
            let idx = p
                .args
                .iter()
                .position(|q| q.name.id == k)
                .map(|i| i + nposonly)
                .or_else(|| {
                    p.kwonly
                        .iter()
                        .position(|q| q.name.id == k)
                        .map(|i| i + npos)
                });
            match idx {
                Some(i) => {
                    if !matches!(slots[i], Value::Undef) {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qual, k
                        )));
                    }
                    slots[i] = v;
                }
                None => match &mut extra_kw {
                    Some(d) => {
                        let key = self.hkey(Value::str(k.as_str()))?;
                        d.insert(key, v);
                    }
                    None => {
                        if p.posonly.iter().any(|q| q.name.id == k) {
                            posonly_as_kw.push(k);
                            continue;
                        }
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qual, k
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<String> = posonly_as_kw
                .iter()
                .map(|s| s.as_str().to_string())
                .collect();
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qual,
                names.join(", ")
            )));
        }
        if let Some(d) = extra_kw {
            slots[kwarg_slot] = Value::dict(d);
        }
        let first_default = npos - func.defaults.len();
        let mut missing = Vec::new();
        #[allow(clippy::needless_range_loop)]
        for i in 0..npos {
            if matches!(slots[i], Value::Undef) {
                if i >= first_default {
                    slots[i] = func.defaults[i - first_default].clone();
                } else {
                    let name = if i < nposonly {
                        p.posonly[i].name.id
                    } else {
                        p.args[i - nposonly].name.id
                    };
                    missing.push(name);
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&qual, "positional", &missing));
        }
        let mut missing = Vec::new();
        for (j, q) in p.kwonly.iter().enumerate() {
            if matches!(slots[npos + j], Value::Undef) {
                match &func.kwdefaults[j] {
                    Some(d) => slots[npos + j] = d.clone(),
                    None => missing.push(q.name.id),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(&qual, "keyword-only", &missing));
        }
        Ok(slots)
    }

    /// Calls `cls(*args, **kwargs)`.
    #[inline]
    pub fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        if cls.base_kind == TypeKind::Exception {
            return self.instantiate_exception(cls, args, kwargs);
        }
        self.instantiate_class(cls, args, kwargs, false)
    }

    /// `cls(...)` for an exception class: an OSError's arguments are parsed, unless its
    /// class has its own __init__ or __new__ (CPython then leaves that to
    /// OSError.__init__, which it may not call).
    #[inline(never)]
    fn instantiate_exception(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        match self.os_error_parsed_here(cls) {
            Some(true) => {
                if !kwargs.is_empty() {
                    return Err(type_error(format!(
                        "{}() takes no keyword arguments",
                        cls.name
                    )));
                }
                let (os_class, os_args, attrs) = os_error_parts(cls, args);
                let obj = self.instantiate_class(&os_class, os_args, kwargs, false)?;
                if let Value::Instance(i) = &obj {
                    set_os_error_attrs(i, attrs);
                }
                Ok(obj)
            }
            own_init => self.instantiate_class(cls, args, kwargs, own_init == Some(false)),
        }
    }

    /// For an OSError class, whether `cls(...)` parses its arguments (Some(false): its
    /// own __init__ or __new__ does instead, and it starts with empty args); None for
    /// any other class.
    fn os_error_parsed_here(&self, cls: &Rc<Class>) -> Option<bool> {
        if cls.base_kind != TypeKind::Exception
            || !cls.is_subclass(&crate::interp::types::types().os_error)
        {
            return None;
        }
        let own = |name| !matches!(cls.lookup(name), Some(Value::Native(_)) | None);
        Some(!own(self.sym.init) && !own(self.sym.new))
    }

    /// `cls(*args, **kwargs)` once an exception's arguments are settled; an exception
    /// made `without_args` starts with none (its own __init__ sets them).
    #[inline]
    fn instantiate_class(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
        without_args: bool,
    ) -> PyResult<Value> {
        if cls.builtin {
            if Rc::ptr_eq(cls, &crate::interp::types::types().object) {
                return crate::builtins::ctors::object_ctor(self, &args, kwargs);
            }
            if let Some(ctor) = crate::builtins::ctors::value_ctor(cls.base_kind) {
                return ctor(self, &args, kwargs);
            }
            let t = crate::interp::types::types();
            if Rc::ptr_eq(cls, &t.list) {
                return crate::builtins::functions::new_list(self, &args, kwargs);
            }
            if Rc::ptr_eq(cls, &t.dict) {
                return crate::builtins::ctors::dict_new(self, &args, kwargs);
            }
            if let Some(ctor) = cls.dict.borrow().get(&self.sym.new).cloned() {
                return self.call(&ctor, args, kwargs);
            }
            if cls.base_kind == TypeKind::Exception {
                if kwargs.is_empty() {
                    return Ok(new_exception(cls.clone(), args).value());
                }
                // Its __init__ refuses them, or takes ImportError's name= and path=.
                let e = new_exception(cls.clone(), vec![]).value();
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(e.clone());
                a.extend(args);
                crate::builtins::types::base_exception_init(self, &a, kwargs)?;
                return Ok(e);
            }
            return Err(type_error(format!(
                "cannot create '{}' instances",
                cls.name
            )));
        }
        // A user-defined __new__.
        let user_new = cls.peek(self.sym.new, |v| match v {
            Some(Value::Native(_)) | None => None,
            Some(new) => Some(new.clone()),
        });
        if let Some(new) = user_new {
            let new = match new {
                Value::Instance(_) | Value::Object(_) => self.unwrap_staticmethod(&new),
                other => other,
            };
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(Value::Class(cls.clone()));
            a.extend(args.iter().cloned());
            let obj = self.call(&new, a, kwargs.clone())?;
            let is_inst = match &obj {
                Value::Instance(i) => i.class().is_subclass(cls),
                _ => false,
            };
            if is_inst {
                self.run_init(cls, &obj, args, kwargs)?;
            }
            return Ok(obj);
        }
        let payload = match cls.base_kind {
            TypeKind::Exception => Payload::Exception(RefCell::new(ExcState {
                args: if without_args { vec![] } else { args.clone() },
                ..Default::default()
            })),
            TypeKind::Dict => Payload::Dict(RefCell::new(Dict::new())),
            TypeKind::List => Payload::List(RefCell::new(Vec::new())),
            kind => match crate::builtins::ctors::value_ctor(kind) {
                Some(ctor) => Payload::Value(ctor(self, &args, kwargs.clone())?),
                None => Payload::None,
            },
        };
        let obj = Value::Instance(Rc::new(Instance {
            class: RefCell::new(cls.clone()),
            dict: RefCell::new(Default::default()),
            payload,
        }));
        self.run_init(cls, &obj, args, kwargs)?;
        Ok(obj)
    }

    fn run_init(
        &mut self,
        cls: &Rc<Class>,
        obj: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<()> {
        match cls.lookup(self.sym.init) {
            Some(init @ Value::Function(_)) => {
                let cap = super::eval::frame_capacity(&init, args.len() + 1);
                // The caller usually left room for the instance and the locals.
                let mut a = args;
                a.reserve(cap - a.len());
                a.insert(0, obj.clone());
                let r = self.call(&init, a, kwargs)?;
                if !r.is_none() {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
                Ok(())
            }
            Some(init) if !is_object_init(&init) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj.clone());
                a.extend(args);
                self.call(&init, a, kwargs)?;
                Ok(())
            }
            _ => {
                let has_new = cls
                    .lookup(self.sym.new)
                    .is_some_and(|n| !matches!(n, Value::Native(_)));
                if (!args.is_empty() || !kwargs.is_empty())
                    && !has_new
                    && cls.base_kind == TypeKind::Object
                {
                    return Err(type_error(format!("{}() takes no arguments", cls.name)));
                }
                Ok(())
            }
        }
    }

    fn unwrap_staticmethod(&self, v: &Value) -> Value {
        crate::builtins::types::descriptor_inner(v).unwrap_or_else(|| v.clone())
    }

    /// `super()` without arguments: the class from `__class__`, the first argument.
    pub fn zero_arg_super(&mut self, f: &Frame) -> PyResult<Option<Value>> {
        let def = match f.code {
            Some(d) => d,
            None => return Err(runtime_error("super(): no arguments")),
        };
        let idx = match def.scope.class_cell {
            Some(i) => i,
            None => return Err(runtime_error("super(): __class__ cell not found")),
        };
        let cls = f.closure[idx as usize].borrow().clone();
        let first = match def.params.posonly.first().or(def.params.args.first()) {
            Some(p) => match p.name.res {
                NameRes::Local(i) => f.locals[i as usize].clone(),
                NameRes::Cell(i) => match &f.locals[i as usize] {
                    Value::Cell(c) => c.borrow().clone(),
                    v => v.clone(),
                },
                _ => Value::Undef,
            },
            None => return Err(runtime_error("super(): no arguments")),
        };
        if let Value::Undef = first {
            return Err(runtime_error("super(): arg[0] deleted"));
        }
        match cls {
            Value::Class(c) => Ok(Some(crate::builtins::types::make_super(c, first))),
            _ => Err(runtime_error("super(): empty __class__ cell")),
        }
    }
}

fn is_object_init(v: &Value) -> bool {
    match v {
        Value::Native(n) => n.name == "__init__" && n.owner == Some("object"),
        _ => false,
    }
}

/// CPython's `f() missing N required <kind> argument(s): ...`.
pub fn missing_error(qual: &str, kind: &str, names: &[Symbol]) -> Exc {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        qual,
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        list
    ))
}
