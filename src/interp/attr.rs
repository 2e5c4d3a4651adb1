// Attribute access: lookup along the MRO, descriptors, instance dicts, modules.

use super::err::*;
use super::types::types;
use super::{Interp, PyResult};
use crate::builtins::types::{bind_class_attr, class_special_attr, DescriptorKind};
use crate::intern::Symbol;
use crate::value::object::{AttrKind, Payload};
use crate::value::{BoundMethod, Class, NativeFunction, TypeKind, Value};
use std::rc::Rc;

impl Interp {
    /// The class of any value.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        class_of(v)
    }
}

/// The class of any value (needs no interpreter: the REPL's completer uses it).
pub fn class_of(v: &Value) -> Rc<Class> {
    let t = types();
    match v {
        Value::Undef | Value::None => t.none.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(_) => t.set.clone(),
        Value::FrozenSet(_) => t.frozenset.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::BoundMethod(_) => t.method.clone(),
        Value::Native(_) => t.builtin_function.clone(),
        Value::Class(_) => t.type_.clone(),
        Value::Instance(i) => i.class(),
        Value::Module(_) => t.module.clone(),
        Value::Cell(_) => t.cell.clone(),
        Value::Object(o) => o.class(),
    }
}

impl Interp {
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name.to_string()
    }

    pub fn getattr(&mut self, obj: &Value, name: Symbol) -> PyResult<Value> {
        match self.lookup_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: Symbol) -> Exc {
        let e = self.no_attribute_error(obj, name);
        let (names_of, own) = match obj {
            Value::Instance(i) => (Value::Class(i.class()), i.dict.borrow().keys()),
            Value::Class(_) | Value::Module(_) => (obj.clone(), Vec::new()),
            _ => (Value::Class(self.type_of(obj)), Vec::new()),
        };
        e.state().suggest = Some(crate::value::object::Suggest::Attribute(
            names_of, own, name,
        ));
        e
    }

    fn no_attribute_error(&self, obj: &Value, name: Symbol) -> Exc {
        match obj {
            Value::Module(m) => {
                attribute_error(format!("module '{}' has no attribute '{}'", m.name, name))
            }
            Value::Class(c) => attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                c.name, name
            )),
            _ => attribute_error(format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            )),
        }
    }

    /// `getattr(obj, name)`, or None when the attribute does not exist (also when a
    /// `__getattr__` says so with an AttributeError).
    pub fn getattr_opt(&mut self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        match self.lookup_attr(obj, name) {
            Err(e) if e.is("AttributeError") => Ok(None),
            r => r,
        }
    }

    /// The attribute, None when it does not exist, or the AttributeError a class's
    /// `__getattr__` raised (its message is the program's, as in CPython).
    fn lookup_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                let kind = cls.attr_kind(name);
                if kind != AttrKind::Data {
                    if let Some(v) = inst.dict.borrow().get(&name) {
                        return Ok(Some(v));
                    }
                }
                if kind != AttrKind::Absent {
                    if let Some(ca) = cls.lookup(name) {
                        match bind_class_attr(self, ca, Some(obj), &cls) {
                            // A property's AttributeError falls back on __getattr__.
                            Err(e) if e.is("AttributeError") => {
                                if cls.lookup(self.sym.getattr).is_none() {
                                    return Err(e);
                                }
                            }
                            r => return r.map(Some),
                        }
                    }
                }
                if let Some(v) = self.instance_special_attr(inst, name)? {
                    return Ok(Some(v));
                }
                if let Some(ga) = cls.lookup(self.sym.getattr) {
                    let r = self.call(&ga, vec![obj.clone(), Value::str(name.as_str())], vec![]);
                    return r.map(Some);
                }
                Ok(None)
            }
            Value::Class(cls) => {
                if let Some(v) = cls.lookup(name) {
                    return bind_class_attr(self, v, None, cls).map(Some);
                }
                class_special_attr(self, cls, name)
            }
            Value::Module(m) => {
                if let Some(v) = m.get(name) {
                    return Ok(Some(v));
                }
                if name == self.sym.dict {
                    let mut d = crate::value::Dict::new();
                    for (k, v) in m.items() {
                        let key = self.hkey(Value::str(k.as_str()))?;
                        d.insert(key, v);
                    }
                    return Ok(Some(Value::dict(d)));
                }
                Ok(None)
            }
            Value::Object(o) => {
                if let Some(v) = o.getattr(self, name)? {
                    return Ok(Some(v));
                }
                let cls = o.class();
                match cls.lookup(name) {
                    Some(v) => bind_class_attr(self, v, Some(obj), &cls).map(Some),
                    None => {
                        if name == self.sym.class {
                            return Ok(Some(Value::Class(cls)));
                        }
                        if o.is_iterator() {
                            return Ok(self.iterator_method(obj, name));
                        }
                        Ok(None)
                    }
                }
            }
            _ => {
                let cls = self.type_of(obj);
                if let Some(v) = cls.lookup(name) {
                    return bind_class_attr(self, v, Some(obj), &cls).map(Some);
                }
                crate::builtins::types::value_special_attr(self, obj, name)
            }
        }
    }

    /// `it.__next__` and `it.__iter__` of a built-in iterator (a generator too), bound.
    fn iterator_method(&self, it: &Value, name: Symbol) -> Option<Value> {
        let (name, func): (&'static str, crate::value::func::NativeFn) = if name == self.sym.next {
            ("__next__", iterator_next)
        } else if name == self.sym.iter {
            ("__iter__", |_, args, kw| {
                no_wrapper_args("__iter__", args, &kw)?;
                Ok(args[0].clone())
            })
        } else {
            return None;
        };
        Some(Value::Native(Rc::new(NativeFunction {
            name,
            func,
            receiver: Some(it.clone()),
            owner: None,
            positional: None,
        })))
    }

    fn instance_special_attr(
        &mut self,
        inst: &Rc<crate::value::Instance>,
        name: Symbol,
    ) -> PyResult<Option<Value>> {
        if name == self.sym.class {
            return Ok(Some(Value::Class(inst.class())));
        }
        if name == self.sym.dict {
            // The live dict: writes through it are the instance's attributes.
            return Ok(Some(Value::Dict(inst.dict.borrow_mut().share())));
        }
        if let Payload::Exception(st) = &inst.payload {
            let st = st.borrow();
            let n = name.as_str();
            return Ok(match n {
                "args" => Some(Value::tuple(st.args.clone())),
                "__cause__" => Some(st.cause.clone().unwrap_or(Value::None)),
                "__context__" => Some(st.context.clone().unwrap_or(Value::None)),
                "__suppress_context__" => Some(Value::Bool(st.suppress_context)),
                "__traceback__" => Some(Value::None),
                // Set when it was made (os_error_attrs); None when it was not parsed.
                "errno" | "strerror" | "filename" | "filename2"
                    if inst.class().is_subclass(&super::types::types().os_error) =>
                {
                    Some(Value::None)
                }
                "name" | "path"
                    if inst
                        .class()
                        .is_subclass(&super::types::types().exc("ImportError")) =>
                {
                    Some(Value::None)
                }
                "value" | "code" => {
                    let cls = inst.class();
                    let t = super::types::types();
                    let first = || st.args.first().cloned().unwrap_or(Value::None);
                    match n {
                        "value" if cls.is_subclass(&t.exc("StopIteration")) => Some(first()),
                        "code" if cls.is_subclass(&t.exc("SystemExit")) => {
                            Some(match st.args.len() {
                                0 => Value::None,
                                1 => first(),
                                _ => Value::tuple(st.args.clone()),
                            })
                        }
                        _ => None,
                    }
                }
                _ => None,
            });
        }
        // An int or float subclass: the value's own attributes (`real`, `imag`...).
        if let Some(v) = inst.held() {
            return crate::builtins::types::value_special_attr(self, v, name);
        }
        Ok(None)
    }

    /// The callee for `obj.name(...)` and the receiver to pass first, avoiding a
    /// bound-method allocation on the common paths.
    pub fn method_for_call(
        &mut self,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<(Value, Option<Value>)> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let Some(ca) = cls.lookup(name) {
                    match &ca {
                        Value::Function(_) | Value::Native(_) => {
                            if let Some(v) = inst.dict.borrow().get(&name) {
                                return Ok((v, None));
                            }
                            return Ok((ca, Some(obj.clone())));
                        }
                        _ => {
                            return Ok((
                                bind_class_attr_or_dict(self, obj, inst, ca, name, &cls)?,
                                None,
                            ))
                        }
                    }
                }
                Ok((self.getattr(obj, name)?, None))
            }
            Value::Module(m) => match m.get(name) {
                Some(v) => Ok((v, None)),
                None => Err(self.no_attribute(obj, name)),
            },
            Value::Class(_) => Ok((self.getattr(obj, name)?, None)),
            Value::Object(o) => {
                if let Some(v) = o.getattr(self, name)? {
                    return Ok((v, None));
                }
                let cls = o.class();
                if let Some(ca @ Value::Native(_)) = cls.lookup(name) {
                    return Ok((ca, Some(obj.clone())));
                }
                Ok((self.getattr(obj, name)?, None))
            }
            _ => {
                let cls = self.type_of(obj);
                if let Some(ca) = cls.lookup(name) {
                    if let Value::Native(_) = ca {
                        return Ok((ca, Some(obj.clone())));
                    }
                    return Ok((bind_class_attr(self, ca, Some(obj), &cls)?, None));
                }
                Ok((self.getattr(obj, name)?, None))
            }
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: Symbol, v: Value) -> PyResult<()> {
        self.setattr_impl(obj, name, v, false)
    }

    /// `object.__setattr__`: the default behaviour, past a user `__setattr__`.
    pub fn setattr_generic(&mut self, obj: &Value, name: Symbol, v: Value) -> PyResult<()> {
        self.setattr_impl(obj, name, v, true)
    }

    fn setattr_impl(&mut self, obj: &Value, name: Symbol, v: Value, generic: bool) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if let (Some(ca), AttrKind::Data) = cls.lookup_kind(name) {
                    return crate::builtins::types::descriptor_set(self, &ca, obj, v, name);
                }
                if let Some(sa) = self.user_method(obj, self.sym.setattr).filter(|_| !generic) {
                    self.call(&sa, vec![obj.clone(), Value::str(name.as_str()), v], vec![])?;
                    return Ok(());
                }
                if name == self.sym.class {
                    if let Value::Class(c) = v {
                        *inst.class.borrow_mut() = c;
                        return Ok(());
                    }
                }
                if let Payload::Exception(st) = &inst.payload {
                    match name.as_str() {
                        "__cause__" => {
                            let mut st = st.borrow_mut();
                            st.cause = if v.is_none() { None } else { Some(v) };
                            st.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            st.borrow_mut().context = if v.is_none() { None } else { Some(v) };
                            return Ok(());
                        }
                        "args" => {
                            st.borrow_mut().args = self.collect(&v)?;
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                inst.dict.borrow_mut().insert(name, v);
                Ok(())
            }
            Value::Class(cls) => {
                if cls.builtin {
                    return Err(type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name, cls.name
                    )));
                }
                cls.dict.borrow_mut().insert(name, v);
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, v);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = s.as_str().into();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = s.as_str().into();
                        }
                    }
                    _ => {}
                }
                f.dict.borrow_mut().insert(name, v);
                Ok(())
            }
            Value::Object(o) => {
                if o.setattr(self, name, &v)? {
                    return Ok(());
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    o.class().name,
                    name
                )))
            }
            _ => {
                let tn = self.type_name(obj);
                if self.type_of(obj).lookup(name).is_some() {
                    return Err(attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        tn, name
                    )));
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    tn, name
                )))
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: Symbol) -> PyResult<()> {
        self.delattr_impl(obj, name, false)
    }

    /// `object.__delattr__`: the default behaviour, past a user `__delattr__`.
    pub fn delattr_generic(&mut self, obj: &Value, name: Symbol) -> PyResult<()> {
        self.delattr_impl(obj, name, true)
    }

    fn delattr_impl(&mut self, obj: &Value, name: Symbol, generic: bool) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let (Some(ca), AttrKind::Data) = inst.class().lookup_kind(name) {
                    return crate::builtins::types::descriptor_delete(self, &ca, obj, name);
                }
                if let Some(da) = self.user_method(obj, self.sym.delattr).filter(|_| !generic) {
                    self.call(&da, vec![obj.clone(), Value::str(name.as_str())], vec![])?;
                    return Ok(());
                }
                match inst.dict.borrow_mut().shift_remove(&name) {
                    Some(_) => Ok(()),
                    None => Err(attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        inst.class().name,
                        name
                    ))),
                }
            }
            Value::Class(cls) => match cls.dict.borrow_mut().shift_remove(&name) {
                Some(_) => Ok(()),
                None => Err(attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    cls.name, name
                ))),
            },
            Value::Module(m) => {
                let s = m.slot(name);
                m.globals.borrow_mut()[s as usize] = Value::Undef;
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().shift_remove(&name);
                Ok(())
            }
            _ => Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            ))),
        }
    }

    /// Binds a native method to a receiver, for first-class use (`f = s.upper`).
    pub fn bind_native(&self, n: &Rc<NativeFunction>, receiver: &Value) -> Value {
        Value::Native(Rc::new(NativeFunction {
            name: n.name,
            func: n.func,
            receiver: Some(receiver.clone()),
            owner: n.owner,
            positional: n.positional,
        }))
    }

    pub fn bound_method(&self, receiver: Value, func: Value) -> Value {
        Value::BoundMethod(Rc::new(BoundMethod { receiver, func }))
    }

    pub fn is_instance_of_kind(&self, v: &Value, k: TypeKind) -> bool {
        self.type_of(v).base_kind == k
    }
}

fn bind_class_attr_or_dict(
    interp: &mut Interp,
    obj: &Value,
    inst: &Rc<crate::value::Instance>,
    ca: Value,
    name: Symbol,
    cls: &Rc<Class>,
) -> PyResult<Value> {
    if crate::builtins::types::descriptor_kind(&ca) != DescriptorKind::Data {
        if let Some(v) = inst.dict.borrow().get(&name) {
            return Ok(v);
        }
    }
    bind_class_attr(interp, ca, Some(obj), cls)
}

/// A slot wrapper's check that it was given nothing beyond its receiver.
pub fn no_wrapper_args(name: &str, args: &[Value], kw: &crate::value::Kwargs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!(
            "wrapper {name}() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(type_error(format!(
            "expected 0 arguments, got {}",
            args.len() - 1
        )));
    }
    Ok(())
}

/// `it.__next__()`: the next item, or StopIteration at the end.
fn iterator_next(interp: &mut Interp, args: &[Value], kw: crate::value::Kwargs) -> PyResult<Value> {
    no_wrapper_args("__next__", args, &kw)?;
    match interp.next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(Value::None)),
    }
}
