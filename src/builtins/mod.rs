// The builtins module: functions, type objects and the methods of built-in types.

pub mod ctors;
pub mod functions;
pub mod iters;
pub mod percent;
pub mod types;

use crate::intern::intern;
use crate::interp::types::types as core_types;
use crate::interp::Interp;
use crate::value::{Class, NativeFn, NativeFunction, Value};
use std::rc::Rc;

pub fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunction {
        name,
        func,
        receiver: None,
        owner: None,
        positional: None,
    }))
}

/// A function that takes no keyword arguments, as CPython's C function of that name:
/// a keyword is refused with CPython's message, naming it `module.name` (or bare for
/// an empty module).
pub fn native_positional(name: &'static str, module: &'static str, func: NativeFn) -> Value {
    Value::Native(Rc::new(NativeFunction {
        name,
        func,
        receiver: None,
        owner: None,
        positional: Some(module),
    }))
}

/// Builtins that take no keyword arguments in CPython.
const POSITIONAL: &[&str] = &[
    "repr",
    "ascii",
    "format",
    "isinstance",
    "issubclass",
    "getattr",
    "setattr",
    "delattr",
    "hasattr",
    "iter",
    "next",
    "abs",
    "any",
    "all",
    "reversed",
    "map",
    "filter",
    "callable",
    "id",
    "hash",
    "chr",
    "ord",
    "hex",
    "oct",
    "bin",
    "divmod",
    "input",
    "vars",
    "dir",
    "len",
];

/// Adds a method implemented in Rust to a built-in class.
pub fn def_method(cls: &Rc<Class>, owner: &'static str, name: &'static str, func: NativeFn) {
    cls.dict.borrow_mut().insert(
        intern(name),
        Value::Native(Rc::new(NativeFunction {
            name,
            func,
            receiver: None,
            owner: Some(owner),
            positional: None,
        })),
    );
}

/// Modules implemented in Rust, which print as `(built-in)`.
pub fn is_builtin_module(name: &str) -> bool {
    matches!(
        name,
        "builtins"
            | "sys"
            | "time"
            | "math"
            | "gc"
            | "_thread"
            | "itertools"
            | "marshal"
            | "posix"
            | "errno"
    )
}

pub fn install(interp: &mut Interp) {
    let t = core_types();
    use functions as f;
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", f::print),
        ("len", f::len),
        ("repr", f::repr),
        ("ascii", f::ascii),
        ("format", f::format),
        ("isinstance", f::isinstance),
        ("issubclass", f::issubclass),
        ("getattr", f::getattr),
        ("setattr", f::setattr),
        ("delattr", f::delattr),
        ("hasattr", f::hasattr),
        ("iter", f::iter),
        ("next", f::next),
        ("abs", f::abs),
        ("min", f::min),
        ("max", f::max),
        ("sum", f::sum),
        ("any", f::any),
        ("all", f::all),
        ("sorted", f::sorted),
        ("reversed", f::reversed),
        ("enumerate", f::enumerate),
        ("zip", f::zip),
        ("map", f::map),
        ("filter", f::filter),
        ("callable", f::callable),
        ("id", f::id),
        ("hash", f::hash),
        ("chr", f::chr),
        ("ord", f::ord),
        ("hex", f::hex),
        ("oct", f::oct),
        ("bin", f::bin),
        ("divmod", f::divmod),
        ("pow", f::pow),
        ("round", f::round),
        ("input", f::input),
        ("vars", f::vars),
        ("globals", f::frame_reader),
        ("locals", f::frame_reader),
        ("dir", f::dir),
        ("exit", f::exit),
        ("quit", f::exit),
        ("spawn", crate::mp::process::spawn),
        ("lock", crate::mp::sync::new_lock),
        ("rlock", crate::mp::sync::new_rlock),
        ("semaphore", crate::mp::sync::new_semaphore),
        ("event", crate::mp::sync::new_event),
        ("condition", crate::mp::sync::new_condition),
        ("barrier", crate::mp::sync::new_barrier),
        ("shared", crate::mp::sharedctypes::shared),
    ];
    for (name, func) in funcs {
        let f = if POSITIONAL.contains(name) {
            native_positional(name, "", *func)
        } else {
            native(name, *func)
        };
        interp.set_builtin(name, f);
    }
    let classes: &[(&Rc<Class>, Option<NativeFn>)] = &[
        (&t.int, Some(ctors::int_new)),
        (&t.float, Some(ctors::float_new)),
        (&t.str_, Some(ctors::str_new)),
        (&t.bool_, Some(ctors::bool_new)),
        (&t.list, Some(f::new_list)),
        (&t.tuple, Some(f::new_tuple)),
        (&t.dict, Some(ctors::dict_new)),
        (&t.set, Some(ctors::set_new)),
        (&t.frozenset, Some(ctors::frozenset_new)),
        (&t.bytes, Some(ctors::bytes_new)),
        (&t.type_, Some(ctors::type_new)),
        (&t.range, Some(f::range)),
        (&t.slice, Some(ctors::slice_new)),
        (&t.property, Some(types::property_new)),
        (&t.staticmethod, Some(types::staticmethod_new)),
        (&t.classmethod, Some(types::classmethod_new)),
        (&t.super_, Some(types::super_new)),
        (&t.object, None),
    ];
    let new = intern("__new__");
    for (cls, ctor) in classes {
        // The value types' `__new__` takes the class first, so that a subclass's
        // `__new__` can call it (calling the type itself uses `value_ctor`).
        if ctors::value_ctor(cls.base_kind).is_some() {
            cls.dict
                .borrow_mut()
                .insert(new, native("__new__", ctors::value_type_new));
        } else if Rc::ptr_eq(cls, &t.list) || Rc::ptr_eq(cls, &t.dict) {
            // Calling list or dict builds one (`instantiate_class`); their `__new__`
            // takes the class first and makes an empty one, which `__init__` fills.
            let f = if Rc::ptr_eq(cls, &t.list) {
                ctors::list_dunder_new
            } else {
                ctors::dict_dunder_new
            };
            cls.dict.borrow_mut().insert(new, native("__new__", f));
        } else if let Some(c) = ctor {
            cls.dict.borrow_mut().insert(new, native("__new__", *c));
        }
        interp.set_builtin(&cls.name, Value::Class((*cls).clone()));
    }
    def_method(&t.object, "object", "__init__", types::object_init);
    def_method(&t.object, "object", "__new__", types::object_new);
    def_method(&t.object, "object", "__setattr__", types::object_setattr);
    def_method(&t.list, "list", "__init__", types::list_init);
    def_method(&t.dict, "dict", "__init__", types::dict_init);
    def_method(&t.object, "object", "__delattr__", types::object_delattr);
    def_method(&t.property, "property", "getter", types::property_getter);
    def_method(&t.property, "property", "setter", types::property_setter);
    def_method(&t.property, "property", "deleter", types::property_deleter);
    def_method(
        &t.base_exception,
        "BaseException",
        "__init__",
        types::base_exception_init,
    );
    def_method(
        &t.base_exception,
        "BaseException",
        "__str__",
        types::base_exception_str,
    );
    def_method(
        &t.base_exception,
        "BaseException",
        "with_traceback",
        types::with_traceback,
    );
    for (name, cls) in &t.exceptions {
        interp.set_builtin(name, Value::Class(cls.clone()));
    }
    // Python 2's names, kept by CPython as aliases.
    for alias in ["IOError", "EnvironmentError"] {
        interp.set_builtin(alias, Value::Class(t.exc("OSError")));
    }
    interp.set_builtin("None", Value::None);
    interp.set_builtin("Ellipsis", Value::Ellipsis);
    interp.set_builtin("NotImplemented", Value::NotImplemented);
    interp.set_builtin("__name__", Value::str("builtins"));
    crate::interp::gen::install_methods();
    crate::methods::install();
    crate::modules::io::install(interp);
}
