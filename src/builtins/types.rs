// Classes at run time: building user classes, descriptors (property, staticmethod,
// classmethod), super(), and the special attributes of built-in values.

use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::object::{downcast, NativeObject};
use crate::interp::types::{c3_mro, new_class, types};
use crate::interp::{Interp, PyResult};
use crate::value::object::Namespace;
use crate::value::{Class, Dict, Kwargs, TypeKind, Value};
use std::any::Any;
use std::rc::Rc;

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pub struct StaticMethod(pub Value);
pub struct ClassMethod(pub Value);

pub struct Super {
    pub cls: Rc<Class>,
    pub obj: Value,
}

macro_rules! native_type {
    ($t:ty, $name:expr) => {
        impl NativeObject for $t {
            fn class(&self) -> Rc<Class> {
                types().native($name)
            }
            fn as_any(&self) -> &dyn Any {
                self
            }
        }
    };
}

impl NativeObject for Property {
    fn class(&self) -> Rc<Class> {
        types().property.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok(match name.as_str() {
            "fget" => Some(self.fget.clone()),
            "fset" => Some(self.fset.clone()),
            "fdel" => Some(self.fdel.clone()),
            "__doc__" => Some(self.doc.clone()),
            _ => None,
        })
    }
}
impl NativeObject for StaticMethod {
    fn class(&self) -> Rc<Class> {
        types().staticmethod.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok((name.as_str() == "__func__").then(|| self.0.clone()))
    }
}
impl NativeObject for ClassMethod {
    fn class(&self) -> Rc<Class> {
        types().classmethod.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        Ok((name.as_str() == "__func__").then(|| self.0.clone()))
    }
}
impl NativeObject for Super {
    fn class(&self) -> Rc<Class> {
        types().super_.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, interp: &mut Interp, name: Symbol) -> PyResult<Option<Value>> {
        let start = match &self.obj {
            Value::Class(c) if c.is_subclass(&self.cls) => c.clone(),
            other => interp.type_of(other),
        };
        let mro = start.mro.borrow().clone();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &self.cls))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = c.dict.borrow().get(&name).cloned();
            if let Some(v) = found {
                let receiver = match &self.obj {
                    Value::Class(_) => None,
                    o => Some(o),
                };
                return bind_class_attr(interp, v, receiver, &start).map(Some);
            }
        }
        Ok(None)
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<super: <class '{}'>, <{} object>>",
            self.cls.name,
            interp.type_name(&self.obj)
        ))
    }
}

native_type!(DictWrapper, "mappingproxy");
pub struct DictWrapper(pub Dict);

pub fn make_super(cls: Rc<Class>, obj: Value) -> Value {
    Value::Object(crate::value::new_obj(Super { cls, obj }))
}

#[derive(PartialEq, Eq, Clone, Copy)]
pub enum DescriptorKind {
    None,
    /// Has a setter: wins over the instance dict.
    Data,
    NonData,
}

pub fn descriptor_kind(v: &Value) -> DescriptorKind {
    match v {
        Value::Object(o) => {
            if o.as_any().is::<Property>() {
                DescriptorKind::Data
            } else {
                DescriptorKind::NonData
            }
        }
        Value::Instance(i) => {
            let c = i.class();
            let set = crate::intern::intern("__set__");
            if c.lookup(set).is_some() {
                DescriptorKind::Data
            } else {
                DescriptorKind::None
            }
        }
        _ => DescriptorKind::None,
    }
}

/// The function inside a staticmethod or classmethod.
pub fn descriptor_inner(v: &Value) -> Option<Value> {
    if let Some(s) = downcast::<StaticMethod>(v) {
        return Some(s.0.clone());
    }
    downcast::<ClassMethod>(v).map(|c| c.0.clone())
}

/// What `obj.name` (or `cls.name` when `obj` is None) gives for a class attribute.
pub fn bind_class_attr(
    interp: &mut Interp,
    attr: Value,
    obj: Option<&Value>,
    cls: &Rc<Class>,
) -> PyResult<Value> {
    match &attr {
        Value::Function(_) => Ok(match obj {
            Some(o) => interp.bound_method(o.clone(), attr),
            None => attr,
        }),
        Value::Native(n) => Ok(match obj {
            Some(o) if n.receiver.is_none() && n.owner.is_some() => interp.bind_native(n, o),
            _ => attr,
        }),
        Value::Object(o) => {
            if let Some(p) = o.as_any().downcast_ref::<Property>() {
                return match obj {
                    Some(inst) => {
                        if p.fget.is_none() {
                            return Err(attribute_error("property has no getter"));
                        }
                        let g = p.fget.clone();
                        interp.call(&g, vec![inst.clone()], vec![])
                    }
                    None => Ok(attr.clone()),
                };
            }
            if let Some(s) = o.as_any().downcast_ref::<StaticMethod>() {
                return Ok(s.0.clone());
            }
            if let Some(c) = o.as_any().downcast_ref::<ClassMethod>() {
                let owner = match obj {
                    Some(Value::Class(k)) => k.clone(),
                    Some(inst) => interp.type_of(inst),
                    None => cls.clone(),
                };
                return Ok(interp.bound_method(Value::Class(owner), c.0.clone()));
            }
            Ok(attr)
        }
        Value::Instance(i) => {
            let get = interp.sym.get;
            if let Some(g) = i.class().lookup(get) {
                let o = obj.cloned().unwrap_or(Value::None);
                return interp.call(&g, vec![attr.clone(), o, Value::Class(cls.clone())], vec![]);
            }
            Ok(attr)
        }
        _ => Ok(attr),
    }
}

pub fn descriptor_set(
    interp: &mut Interp,
    d: &Value,
    obj: &Value,
    v: Value,
    name: crate::intern::Symbol,
) -> PyResult<()> {
    if let Some(p) = downcast::<Property>(d) {
        if p.fset.is_none() {
            return Err(attribute_error(format!(
                "property '{}' of '{}' object has no setter",
                name,
                interp.type_name(obj)
            )));
        }
        let s = p.fset.clone();
        interp.call(&s, vec![obj.clone(), v], vec![])?;
        return Ok(());
    }
    let set = interp.sym.set;
    let f = interp
        .type_of(d)
        .lookup(set)
        .ok_or_else(|| attribute_error("descriptor has no __set__"))?;
    interp.call(&f, vec![d.clone(), obj.clone(), v], vec![])?;
    Ok(())
}

pub fn descriptor_delete(
    interp: &mut Interp,
    d: &Value,
    obj: &Value,
    name: crate::intern::Symbol,
) -> PyResult<()> {
    if let Some(p) = downcast::<Property>(d) {
        if p.fdel.is_none() {
            return Err(attribute_error(format!(
                "property '{}' of '{}' object has no deleter",
                name,
                interp.type_name(obj)
            )));
        }
        let f = p.fdel.clone();
        interp.call(&f, vec![obj.clone()], vec![])?;
        return Ok(());
    }
    Err(attribute_error("can't delete attribute"))
}

pub fn namespace_to_dict(ns: &Namespace) -> Value {
    let mut d = Dict::new();
    for (k, v) in ns {
        let key = Value::str(k.as_str());
        let h = crate::interp::ops::simple_hash(&key).unwrap_or(0);
        d.insert(crate::value::HKey { hash: h, key }, v.clone());
    }
    Value::dict(d)
}

/// Creates a user class (what `type(name, bases, ns)` does).
pub fn build_class(
    interp: &mut Interp,
    name: &str,
    qualname: &str,
    module: &str,
    bases: Vec<Value>,
    ns: Namespace,
) -> PyResult<Value> {
    let mut base_classes = Vec::new();
    for b in &bases {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            other => {
                return Err(type_error(format!(
                    "bases must be types, not {}",
                    interp.type_name(other)
                )))
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(types().object.clone());
    }
    for b in &base_classes {
        if b.builtin
            && matches!(
                b.base_kind,
                TypeKind::Bool
                    | TypeKind::Range
                    | TypeKind::Slice
                    | TypeKind::Function
                    | TypeKind::Native
            )
        {
            return Err(type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name
            )));
        }
        // Its instances would have no set inside (CPython's can): refused at the class
        // statement rather than failing later in every set operation.
        if b.builtin && b.base_kind == TypeKind::Set {
            return Err(type_error(
                "subclassing 'set' is not supported (hold a set in an attribute instead)",
            ));
        }
    }
    let probe = new_class(
        name,
        qualname,
        module,
        vec![],
        Namespace::default(),
        TypeKind::User,
        false,
    );
    if c3_mro(&probe, &base_classes).is_none() {
        let names: Vec<String> = base_classes.iter().map(|b| b.name.to_string()).collect();
        return Err(type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        )));
    }
    let cls = new_class(
        name,
        qualname,
        module,
        base_classes,
        ns,
        TypeKind::User,
        false,
    );
    // __init_subclass__ and __set_name__ hooks of user code.
    let set_name = interp.sym.set_name;
    let attrs: Vec<(Symbol, Value)> = cls
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    for (k, v) in attrs {
        if let Value::Instance(i) = &v {
            if let Some(f) = i.class().lookup(set_name) {
                interp.call(
                    &f,
                    vec![v.clone(), Value::Class(cls.clone()), Value::str(k.as_str())],
                    vec![],
                )?;
            }
        }
    }
    let isc = interp.sym.init_subclass;
    let parent_hook = cls
        .mro
        .borrow()
        .iter()
        .skip(1)
        .find_map(|c| c.dict.borrow().get(&isc).cloned());
    if let Some(h) = parent_hook {
        let f = descriptor_inner(&h).unwrap_or(h);
        interp.call(&f, vec![Value::Class(cls.clone())], vec![])?;
    }
    Ok(Value::Class(cls))
}

/// Attributes every class has: `__name__`, `__mro__`, `__bases__`, ...
pub fn class_special_attr(
    interp: &mut Interp,
    cls: &Rc<Class>,
    name: Symbol,
) -> PyResult<Option<Value>> {
    Ok(match name.as_str() {
        "__name__" => Some(Value::str(&cls.name)),
        "__qualname__" => Some(Value::str(&cls.qualname)),
        "__module__" => Some(Value::str(&cls.module)),
        "__doc__" => Some(Value::None),
        "__bases__" => Some(Value::tuple(
            cls.bases.iter().map(|b| Value::Class(b.clone())).collect(),
        )),
        "__base__" => Some(
            cls.bases
                .first()
                .map(|b| Value::Class(b.clone()))
                .unwrap_or(Value::None),
        ),
        "__mro__" => Some(Value::tuple(
            cls.mro
                .borrow()
                .iter()
                .map(|b| Value::Class(b.clone()))
                .collect(),
        )),
        "__dict__" => Some(namespace_to_dict(&cls.dict.borrow())),
        "__class__" => Some(Value::Class(types().type_.clone())),
        "__subclasses__" => None,
        _ => {
            let _ = interp;
            None
        }
    })
}

/// Attributes of built-in values that are not methods (`x.real`, `f.__name__`).
pub fn value_special_attr(interp: &mut Interp, v: &Value, name: Symbol) -> PyResult<Option<Value>> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Some(Value::Class(interp.type_of(v))));
    }
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
            "real" | "numerator" => Some(match v {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => v.clone(),
            }),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match n {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Function(f) => match n {
            "__name__" => Some(Value::str(&f.name.borrow())),
            "__qualname__" => Some(Value::str(&f.qualname.borrow())),
            "__module__" => Some(Value::str(&f.module.name)),
            "__doc__" => Some(
                f.dict
                    .borrow()
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| doc_of(f.def)),
            ),
            "__dict__" => Some(namespace_to_dict(&f.dict.borrow())),
            "__defaults__" => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            _ => f.dict.borrow().get(&name).cloned(),
        },
        Value::BoundMethod(m) => match n {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            _ => interp.getattr_opt(&m.func.clone(), name)?,
        },
        Value::Native(f) => match n {
            "__name__" | "__qualname__" => Some(Value::str(f.name)),
            "__self__" => Some(f.receiver.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(Value::str("builtins")),
            _ => None,
        },
        Value::Range(r) => match n {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => None,
        },
        Value::Slice(s) => match n {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        },
        _ => None,
    })
}

/// A function's docstring: its first statement when that is a string literal.
fn doc_of(def: &crate::syntax::ast::FunctionDef) -> Value {
    use crate::syntax::ast::{ExprKind, StmtKind};
    if let Some(s) = def.body.first() {
        if let StmtKind::Expr(e) = &s.kind {
            if let ExprKind::Literal(v @ Value::Str(_)) = &e.kind {
                return v.clone();
            }
        }
    }
    Value::None
}

// ---------------------------------------------------------------- natives

pub fn property_new(_i: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    for (i, a) in args.iter().enumerate().take(4) {
        slots[i] = a.clone();
    }
    for (k, v) in kw {
        match k.as_str() {
            "fget" => slots[0] = v,
            "fset" => slots[1] = v,
            "fdel" => slots[2] = v,
            "doc" => slots[3] = v,
            other => {
                return Err(type_error(format!(
                    "property() got an unexpected keyword argument '{}'",
                    other
                )))
            }
        }
    }
    let [fget, fset, fdel, doc] = slots;
    Ok(Value::Object(crate::value::new_obj(Property {
        fget,
        fset,
        fdel,
        doc,
    })))
}

fn property_with(args: &[Value], which: usize) -> PyResult<Value> {
    let p = downcast::<Property>(&args[0])
        .ok_or_else(|| type_error("descriptor requires a property"))?;
    let f = args.get(1).cloned().unwrap_or(Value::None);
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [fget, fset, fdel] = parts;
    Ok(Value::Object(crate::value::new_obj(Property {
        fget,
        fset,
        fdel,
        doc: p.doc.clone(),
    })))
}

pub fn property_getter(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_with(args, 0)
}
pub fn property_setter(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_with(args, 1)
}
pub fn property_deleter(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_with(args, 2)
}

pub fn staticmethod_new(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let f = args
        .first()
        .cloned()
        .ok_or_else(|| type_error("staticmethod expected 1 argument, got 0"))?;
    Ok(Value::Object(crate::value::new_obj(StaticMethod(f))))
}

pub fn classmethod_new(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let f = args
        .first()
        .cloned()
        .ok_or_else(|| type_error("classmethod expected 1 argument, got 0"))?;
    Ok(Value::Object(crate::value::new_obj(ClassMethod(f))))
}

pub fn super_new(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args {
        [Value::Class(c), obj] => Ok(make_super(c.clone(), obj.clone())),
        [] => Err(runtime_error("super(): no arguments")),
        [other, ..] => Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            interp.type_name(other)
        ))),
    }
}

fn attr_name(args: &[Value], method: &str, n: usize) -> PyResult<crate::intern::Symbol> {
    if args.len() != n {
        return Err(type_error(format!(
            "expected {} arguments, got {}",
            n - 1,
            args.len().saturating_sub(1)
        )));
    }
    match &args[1] {
        Value::Str(s) => Ok(crate::intern::intern(s.as_str())),
        other => Err(type_error(format!(
            "object.{}(): attribute name must be string, not '{}'",
            method,
            crate::interp::current().map_or("object".into(), |i| i.type_name(other).to_string())
        ))),
    }
}

/// `object.__setattr__(obj, name, value)`.
pub fn object_setattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let name = attr_name(args, "__setattr__", 3)?;
    interp.setattr_generic(&args[0], name, args[2].clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`.
pub fn object_delattr(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let name = attr_name(args, "__delattr__", 2)?;
    interp.delattr_generic(&args[0], name)?;
    Ok(Value::None)
}

pub fn object_init(_i: &mut Interp, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn object_new(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(c)) if !c.builtin || Rc::ptr_eq(c, &types().object) => {
            if Rc::ptr_eq(c, &types().object) {
                return Ok(Value::Instance(Rc::new(crate::value::Instance {
                    class: std::cell::RefCell::new(c.clone()),
                    dict: Default::default(),
                    payload: crate::value::Payload::None,
                })));
            }
            let c = c.clone();
            // Allocate without running __init__ (the caller does that).
            let payload = match c.base_kind {
                TypeKind::Exception => crate::value::Payload::Exception(Default::default()),
                TypeKind::Dict => crate::value::Payload::Dict(Default::default()),
                TypeKind::List => crate::value::Payload::List(Default::default()),
                _ => crate::value::Payload::None,
            };
            Ok(Value::Instance(Rc::new(crate::value::Instance {
                class: std::cell::RefCell::new(c),
                dict: Default::default(),
                payload,
            })))
        }
        Some(other) => Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            interp.type_name(other)
        ))),
        None => Err(type_error("object.__new__(): not enough arguments")),
    }
}

pub fn base_exception_init(_i: &mut Interp, args: &[Value], mut kw: Kwargs) -> PyResult<Value> {
    if let Some(e) = args.first().and_then(Exc::from_value) {
        if !kw.is_empty() {
            if !e.is("ImportError") {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    e.class().name
                )));
            }
            // ImportError(msg, name=..., path=...).
            let mut d = e.0.dict.borrow_mut();
            for key in ["name", "path"] {
                if let Some(v) = crate::builtins::functions::take_kw(&mut kw, key) {
                    d.insert(crate::intern::intern(key), v);
                }
            }
            drop(d);
            crate::builtins::functions::reject_unknown_kw(&e.class().name, &kw)?;
        }
        if e.is_os_error() {
            // OSError.__init__ (a subclass's super().__init__): errno, strerror and
            // filenames become attributes.
            let (rest, attrs) = crate::interp::err::os_error_attrs(args[1..].to_vec());
            crate::interp::err::set_os_error_attrs(&e.0, attrs);
            e.state().args = rest;
        } else {
            e.state().args = args[1..].to_vec();
        }
    }
    Ok(Value::None)
}

pub fn base_exception_str(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args.first().and_then(Exc::from_value) {
        Some(e) => {
            let a = e.args();
            Ok(Value::string(match a.len() {
                0 => String::new(),
                1 => interp.str(&a[0])?,
                _ => interp.repr(&Value::tuple(a))?,
            }))
        }
        None => Ok(Value::str("")),
    }
}

pub fn with_traceback(_i: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// `list.__init__(self, iterable=())`, reached by subclasses of list.
pub fn list_init(interp: &mut Interp, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let items = match args.get(1) {
        Some(src) => interp.collect(src)?,
        None => Vec::new(),
    };
    if let Some(Value::Instance(inst)) = args.first() {
        if let crate::value::object::Payload::List(l) = &inst.payload {
            *l.borrow_mut() = items;
        }
    }
    Ok(Value::None)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kw)`, reached by subclasses of dict.
pub fn dict_init(interp: &mut Interp, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut d = crate::value::Dict::new();
    super::ctors::dict_fill(interp, &mut d, &args[1.min(args.len())..], kw, "dict")?;
    if let Some(Value::Instance(inst)) = args.first() {
        if let crate::value::object::Payload::Dict(slot) = &inst.payload {
            for (k, v) in d.map {
                interp.dict_set(slot, k, v)?;
            }
        }
    }
    Ok(Value::None)
}
