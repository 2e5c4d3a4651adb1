// The built-in types and exception classes, created once per process.

use crate::value::object::{ClassDict, Namespace};
use crate::value::{Class, TypeKind};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub base_exception: Rc<Class>,
    pub exception: Rc<Class>,
    /// Every built-in exception class by name.
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// `OSError`, asked for on every exception made (its arguments are parsed).
    pub os_error: Rc<Class>,
    /// Native object types by name (iterators, generator, file, lock, ...).
    pub natives: RefCell<HashMap<&'static str, Rc<Class>>>,
}

/// C3 linearization of a class with the given bases; None when inconsistent.
pub fn c3_mro(cls: &Rc<Class>, bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// A new class object; the MRO is computed here (falls back to a simple order when
/// C3 fails — callers that must report that check `c3_mro` first).
pub fn new_class(
    name: &str,
    qualname: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    mut dict: Namespace,
    kind: TypeKind,
    builtin: bool,
) -> Rc<Class> {
    // A class that defines `__eq__` but not `__hash__` is unhashable (CPython sets its
    // `__hash__` to None rather than inherit an identity hash that `==` contradicts).
    let (eq, hash) = (
        crate::intern::intern("__eq__"),
        crate::intern::intern("__hash__"),
    );
    if !builtin && dict.contains_key(&eq) && !dict.contains_key(&hash) {
        dict.insert(hash, crate::value::Value::None);
    }
    let base_kind = if builtin {
        kind
    } else {
        bases
            .iter()
            .map(|b| b.base_kind)
            .find(|k| *k != TypeKind::Object)
            .unwrap_or(TypeKind::Object)
    };
    let cls = Rc::new(Class {
        name: name.into(),
        qualname: qualname.into(),
        module: module.into(),
        bases: bases.clone(),
        mro: RefCell::new(Vec::new()),
        dict: ClassDict::new(dict),
        base_kind,
        builtin,
        cache: Default::default(),
        cache_epoch: Cell::new(0),
    });
    let mro = c3_mro(&cls, &bases).unwrap_or_else(|| {
        let mut v = vec![cls.clone()];
        for b in &bases {
            for c in b.mro.borrow().iter() {
                if !v.iter().any(|x| Rc::ptr_eq(x, c)) {
                    v.push(c.clone());
                }
            }
        }
        v
    });
    *cls.mro.borrow_mut() = mro;
    cls
}

fn builtin(name: &str, base: &Rc<Class>, kind: TypeKind) -> Rc<Class> {
    new_class(
        name,
        name,
        "builtins",
        vec![base.clone()],
        Namespace::default(),
        kind,
        true,
    )
}

/// The exception hierarchy of CPython 3.11, as (name, parent).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
];

impl Types {
    fn new() -> Types {
        let object = new_class(
            "object",
            "object",
            "builtins",
            vec![],
            Namespace::default(),
            TypeKind::Object,
            true,
        );
        let b = |n: &str, k: TypeKind| builtin(n, &object, k);
        let int = b("int", TypeKind::Int);
        let base_exception = b("BaseException", TypeKind::Exception);
        let exception = builtin("Exception", &base_exception, TypeKind::Exception);
        let mut exceptions = HashMap::new();
        exceptions.insert("BaseException", base_exception.clone());
        exceptions.insert("Exception", exception.clone());
        for (name, parent) in EXCEPTIONS {
            let p = exceptions[parent].clone();
            exceptions.insert(name, builtin(name, &p, TypeKind::Exception));
        }
        Types {
            type_: b("type", TypeKind::Type),
            none: b("NoneType", TypeKind::NoneType),
            not_implemented: b("NotImplementedType", TypeKind::NotImplementedType),
            ellipsis: b("ellipsis", TypeKind::Ellipsis),
            bool_: builtin("bool", &int, TypeKind::Bool),
            float: b("float", TypeKind::Float),
            str_: b("str", TypeKind::Str),
            bytes: b("bytes", TypeKind::Bytes),
            list: b("list", TypeKind::List),
            tuple: b("tuple", TypeKind::Tuple),
            dict: b("dict", TypeKind::Dict),
            set: b("set", TypeKind::Set),
            frozenset: b("frozenset", TypeKind::FrozenSet),
            range: b("range", TypeKind::Range),
            slice: b("slice", TypeKind::Slice),
            function: b("function", TypeKind::Function),
            builtin_function: b("builtin_function_or_method", TypeKind::BuiltinFunction),
            method: b("method", TypeKind::Method),
            module: b("module", TypeKind::Module),
            cell: b("cell", TypeKind::Cell),
            property: b("property", TypeKind::Property),
            staticmethod: b("staticmethod", TypeKind::StaticMethod),
            classmethod: b("classmethod", TypeKind::ClassMethod),
            super_: b("super", TypeKind::Super),
            int,
            object,
            base_exception,
            exception,
            os_error: exceptions["OSError"].clone(),
            exceptions,
            natives: RefCell::new(HashMap::new()),
        }
    }

    /// The class of a native object type, created on first use.
    pub fn native(&self, name: &'static str) -> Rc<Class> {
        if let Some(c) = self.natives.borrow().get(name) {
            return c.clone();
        }
        // The file types live in CPython's `_io` (their repr and pickle's errors say so).
        let module = match name {
            "TextIOWrapper" | "BufferedReader" | "BufferedWriter" => "_io",
            _ => "builtins",
        };
        let c = new_class(
            name,
            name,
            module,
            vec![self.object.clone()],
            Namespace::default(),
            TypeKind::Native,
            true,
        );
        self.natives.borrow_mut().insert(name, c.clone());
        c
    }

    pub fn exc(&self, name: &str) -> Rc<Class> {
        self.exceptions[name].clone()
    }
}

thread_local! {
    static TYPES: Cell<Option<&'static Types>> = const { Cell::new(None) };
}

/// The built-in types of this process.
#[inline]
pub fn types() -> &'static Types {
    TYPES.with(|t| match t.get() {
        Some(t) => t,
        None => {
            let leaked: &'static Types = Box::leak(Box::new(Types::new()));
            t.set(Some(leaked));
            leaked
        }
    })
}
