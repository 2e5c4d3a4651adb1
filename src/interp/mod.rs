// The evaluator's state: one `Interp` per process, frames, and control flow.

pub mod attr;
pub mod call;
pub mod err;
pub mod eval;
pub mod exec;
pub mod fast;
pub mod gen;
pub mod items;
pub mod iter;
pub mod keys;
pub mod object;
pub mod ops;
pub mod repr;
pub mod suggest;
pub mod types;

pub use err::{Exc, PyResult};

use crate::intern::{intern, Symbol};
use crate::syntax::ast::Span;
use crate::value::func::CellRef;
use crate::value::object::Namespace;
use crate::value::{ModuleObj, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How a block of statements ended.
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// One activation: a function call, a module body, a class body or a comprehension.
pub struct Frame {
    pub locals: Vec<Value>,
    pub closure: Rc<[CellRef]>,
    pub module: Rc<ModuleObj>,
    /// The namespace being filled when this frame runs a class body.
    pub class_ns: Option<Rc<RefCell<Namespace>>>,
    /// The function's name, for tracebacks.
    pub name: Rc<str>,
    /// Span of the statement being executed, for tracebacks.
    pub cur: Span,
    /// Set while the frame runs inside a generator.
    pub gen: Option<gen::GenLink>,
    /// The function whose body this frame runs (None for modules, classes, comprehensions).
    pub code: Option<&'static crate::syntax::ast::FunctionDef>,
}

/// The traceback entry for where `frame` is now.
pub fn object_trace(frame: &Frame) -> crate::value::object::TraceEntry {
    crate::value::object::TraceEntry {
        source: frame.module.source,
        span: frame.cur,
        func: frame.name.clone(),
    }
}

/// A loaded source file: its path and text, for error reports.
pub struct Source {
    pub path: String,
    pub text: Rc<str>,
    /// Inputs appended to the text later (the interactive prompt's), each reported
    /// under its own name with lines counted from its start.
    pub parts: Vec<SourcePart>,
}

/// One input appended to a `Source`: where it starts in the text and its name.
pub struct SourcePart {
    pub start: usize,
    pub path: Rc<str>,
}

impl Source {
    /// The name to report, the 1-based line, and that line's text, for byte `pos`.
    pub fn locate(&self, pos: usize) -> (&str, usize, &str) {
        let (path, start) = match self.parts.iter().rev().find(|p| p.start <= pos) {
            Some(p) => (&*p.path, p.start),
            None => (self.path.as_str(), 0),
        };
        let text = self.text.get(start..).unwrap_or("");
        let (line, _) = crate::diag::line_col(text, pos - start);
        (path, line, text.lines().nth(line - 1).unwrap_or(""))
    }
}

pub struct Interp {
    pub modules: HashMap<Rc<str>, Value>,
    /// Builtins indexed by symbol number (dense: builtin names are interned first).
    pub builtins: Vec<Value>,
    pub builtins_module: Rc<ModuleObj>,
    pub sources: Vec<Source>,
    pub depth: u32,
    pub recursion_limit: u32,
    /// Lowest address the Rust stack may reach before `RecursionError`.
    pub stack_limit: usize,
    /// Exceptions being handled (innermost last), for bare `raise` and `__context__`.
    pub handling: Vec<Exc>,
    pub sym: Syms,
    pub argv: Vec<String>,
    pub main_path: Option<String>,
    /// Coroutine stacks of finished generators, reused by new ones.
    pub stack_pool: Vec<corosensei::stack::DefaultStack>,
    /// Containers being printed, so a self-containing one prints `[...]`.
    pub repr_guard: Vec<Value>,
    /// Callables to run when the program ends (last registered first).
    pub exit_hooks: Vec<Value>,
    /// The program is ending because of Ctrl-C: stop children rather than wait.
    pub interrupted_exit: bool,
    /// Called during blocking waits when one of `watch_fds` is readable (pools
    /// deliver results and run callbacks this way, without threads).
    pub pump: Option<Value>,
    pub watch_fds: Vec<i32>,
    pub pumping: bool,
    /// Set by the interactive prompt: expression statements run by module code at this
    /// depth have their values displayed (Python's `sys.displayhook`).
    pub echo_depth: Option<u32>,
    /// The Python handler of each signal (by number) set with `signal.signal`.
    pub signal_handlers: Vec<Option<Value>>,
}

/// Symbols the evaluator needs by number.
pub struct Syms {
    pub init: Symbol,
    pub new: Symbol,
    pub call: Symbol,
    pub iter: Symbol,
    pub next: Symbol,
    pub len: Symbol,
    pub getitem: Symbol,
    pub setitem: Symbol,
    pub delitem: Symbol,
    pub contains: Symbol,
    pub bool_: Symbol,
    pub str_: Symbol,
    pub repr: Symbol,
    pub hash: Symbol,
    pub eq: Symbol,
    pub ne: Symbol,
    pub lt: Symbol,
    pub le: Symbol,
    pub gt: Symbol,
    pub ge: Symbol,
    pub enter: Symbol,
    pub exit: Symbol,
    pub getattr: Symbol,
    /// `sys.stdout`, which print() reads at every call.
    pub stdout: Symbol,
    pub setattr: Symbol,
    pub delattr: Symbol,
    pub get: Symbol,
    pub set: Symbol,
    pub name: Symbol,
    pub qualname: Symbol,
    pub module: Symbol,
    pub doc: Symbol,
    pub dict: Symbol,
    pub class: Symbol,
    pub super_: Symbol,
    pub globals: Symbol,
    pub locals: Symbol,
    pub self_: Symbol,
    pub args: Symbol,
    pub format: Symbol,
    pub index: Symbol,
    pub neg: Symbol,
    pub pos: Symbol,
    pub invert: Symbol,
    pub abs: Symbol,
    pub int: Symbol,
    pub float: Symbol,
    pub missing: Symbol,
    pub reversed: Symbol,
    pub init_subclass: Symbol,
    pub set_name: Symbol,
    pub reduce: Symbol,
    pub reduce_ex: Symbol,
    pub getstate: Symbol,
    pub setstate: Symbol,
    pub main: Symbol,
    pub builtins: Symbol,
    pub file: Symbol,
    pub code: Symbol,
    pub value: Symbol,
}

impl Syms {
    fn new() -> Syms {
        Syms {
            init: intern("__init__"),
            new: intern("__new__"),
            call: intern("__call__"),
            iter: intern("__iter__"),
            next: intern("__next__"),
            len: intern("__len__"),
            getitem: intern("__getitem__"),
            setitem: intern("__setitem__"),
            delitem: intern("__delitem__"),
            contains: intern("__contains__"),
            bool_: intern("__bool__"),
            str_: intern("__str__"),
            repr: intern("__repr__"),
            hash: intern("__hash__"),
            eq: intern("__eq__"),
            ne: intern("__ne__"),
            lt: intern("__lt__"),
            le: intern("__le__"),
            gt: intern("__gt__"),
            ge: intern("__ge__"),
            enter: intern("__enter__"),
            exit: intern("__exit__"),
            getattr: intern("__getattr__"),
            stdout: intern("stdout"),
            setattr: intern("__setattr__"),
            delattr: intern("__delattr__"),
            get: intern("__get__"),
            set: intern("__set__"),
            name: intern("__name__"),
            qualname: intern("__qualname__"),
            module: intern("__module__"),
            doc: intern("__doc__"),
            dict: intern("__dict__"),
            class: intern("__class__"),
            super_: intern("super"),
            globals: intern("globals"),
            locals: intern("locals"),
            self_: intern("self"),
            args: intern("args"),
            format: intern("__format__"),
            index: intern("__index__"),
            neg: intern("__neg__"),
            pos: intern("__pos__"),
            invert: intern("__invert__"),
            abs: intern("__abs__"),
            int: intern("__int__"),
            float: intern("__float__"),
            missing: intern("__missing__"),
            reversed: intern("__reversed__"),
            init_subclass: intern("__init_subclass__"),
            set_name: intern("__set_name__"),
            reduce: intern("__reduce__"),
            reduce_ex: intern("__reduce_ex__"),
            getstate: intern("__getstate__"),
            setstate: intern("__setstate__"),
            main: intern("__main__"),
            builtins: intern("__builtins__"),
            file: intern("__file__"),
            code: intern("code"),
            value: intern("value"),
        }
    }
}

thread_local! {
    /// The interpreter of this process, for the few places that must call back into
    /// it without a handle (comparing user-defined dict keys).
    static CURRENT: std::cell::Cell<*mut Interp> = const { std::cell::Cell::new(std::ptr::null_mut()) };
}

/// The process's interpreter, if one is running.
pub fn current() -> Option<&'static mut Interp> {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        None
    } else {
        // SAFETY: single-threaded; set by `Interp::install` for the process lifetime.
        Some(unsafe { &mut *p })
    }
}

impl Interp {
    pub fn new() -> Box<Interp> {
        let _ = types::types();
        let builtins_module = Rc::new(ModuleObj::new("builtins", 0));
        let mut interp = Box::new(Interp {
            modules: HashMap::new(),
            builtins: Vec::new(),
            builtins_module,
            sources: Vec::new(),
            depth: 0,
            recursion_limit: 1000,
            stack_limit: 0,
            handling: Vec::new(),
            sym: Syms::new(),
            argv: Vec::new(),
            main_path: None,
            stack_pool: Vec::new(),
            repr_guard: Vec::new(),
            exit_hooks: Vec::new(),
            signal_handlers: vec![None; crate::signals::NSIG],
            interrupted_exit: false,
            pump: None,
            watch_fds: Vec::new(),
            pumping: false,
            echo_depth: None,
        });
        crate::builtins::install(&mut interp);
        let p: *mut Interp = &mut *interp;
        CURRENT.with(|c| c.set(p));
        interp
    }

    /// Registers a source text; returns its id for spans and tracebacks.
    pub fn add_source(&mut self, path: &str, text: &str) -> u32 {
        self.sources.push(Source {
            path: path.to_string(),
            text: text.into(),
            parts: Vec::new(),
        });
        (self.sources.len() - 1) as u32
    }

    pub fn builtin(&self, name: Symbol) -> Option<&Value> {
        match self.builtins.get(name.0 as usize) {
            Some(Value::Undef) | None => None,
            Some(v) => Some(v),
        }
    }

    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let s = intern(name);
        let i = s.0 as usize;
        if self.builtins.len() <= i {
            self.builtins.resize(i + 1, Value::Undef);
        }
        self.builtins[i] = v.clone();
        self.builtins_module.set(s, v);
    }
}
