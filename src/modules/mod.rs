// The import system: built-in modules, embedded dialect modules, and the user's files.

use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::{Frame, Interp, PyResult};
use crate::syntax::ast::Module;
use crate::value::{Kwargs, NativeFn};
use crate::value::{ModuleObj, Value};
use std::rc::Rc;

mod array;
pub mod collections;
mod embedded;
mod frozen;
pub mod io;
pub mod json;
pub mod math;
pub mod os;
pub mod random;
pub mod shutil;
mod signal;
pub mod string;
pub mod sys;
pub mod tempfile;
pub mod time;
pub mod urllib;

use embedded::EMBEDDED;

/// Whether a source path names an embedded standard library module (`<name>`).
pub fn is_library_path(path: &str) -> bool {
    path.strip_prefix('<')
        .and_then(|p| p.strip_suffix('>'))
        .is_some_and(|name| EMBEDDED.iter().any(|(n, _)| *n == name))
}

/// A new built-in module holding the given functions.
pub fn make_module(name: &str, funcs: &[(&'static str, NativeFn)]) -> Rc<ModuleObj> {
    let m = Rc::new(ModuleObj::new(name, 0));
    m.set(crate::intern::intern("__name__"), Value::str(name));
    for (n, f) in funcs {
        m.set(crate::intern::intern(n), crate::builtins::native(n, *f));
    }
    m
}

/// A new built-in module whose functions, as CPython's C functions, take no keyword
/// arguments, except those named in `keywords`. Errors name a function
/// `module.function`, or bare when it is in `bare` (as CPython's older functions).
pub fn make_c_module(
    name: &'static str,
    funcs: &[(&'static str, NativeFn)],
    keywords: &[&str],
    bare: &[&str],
) -> Rc<ModuleObj> {
    let m = make_module(name, &[]);
    for (n, f) in funcs {
        let v = if keywords.contains(n) {
            crate::builtins::native(n, *f)
        } else {
            let module = if bare.contains(n) { "" } else { name };
            crate::builtins::native_positional(n, module, *f)
        };
        m.set(crate::intern::intern(n), v);
    }
    m
}

/// Sets a module attribute by name.
pub fn set_attr(m: &ModuleObj, name: &str, v: Value) {
    m.set(crate::intern::intern(name), v);
}

/// A `str` argument, with CPython's wording for the wrong type.
pub fn arg_str(interp: &Interp, v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!(
            "{} must be str, not {}",
            what,
            interp.type_name(other)
        ))),
    }
}

/// A path argument (str or bytes).
pub fn arg_path(interp: &Interp, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        other => Err(type_error(format!(
            "{}: path should be string, bytes or os.PathLike, not {}",
            fname,
            interp.type_name(other)
        ))),
    }
}

/// An OSError subclass for a failed system call on `path`, printed as CPython's
/// `[Errno 2] No such file or directory: 'x.txt'`.
pub fn path_error(e: std::io::Error, path: &str) -> crate::interp::Exc {
    let exc = crate::builtins::functions::io_error(e);
    exc.0
        .dict
        .borrow_mut()
        .insert(crate::intern::intern("filename"), Value::str(path));
    exc
}

/// Keyword `name` or positional `i`.
pub fn arg_or_kw(args: &[Value], kw: &mut Kwargs, i: usize, name: &str) -> Option<Value> {
    crate::builtins::functions::take_kw(kw, name).or_else(|| args.get(i).cloned())
}

impl Interp {
    /// `import name` (dotted): the module object, loading it on first use.
    pub fn import_module(&mut self, name: &str, _f: &Frame) -> PyResult<Value> {
        self.import_module_by_name(name)
    }

    /// `import name` from Rust code: the module object, loading it on first use.
    pub fn import_module_by_name(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some(m) = self.sys_modules_entry(name) {
            return Ok(m);
        }
        let m = self.import_uncached(name)?;
        self.modules.insert(name.into(), m.clone());
        self.set_sys_modules_entry(name, &m);
        Ok(m)
    }

    /// The `sys.modules` dict, once `sys` is imported.
    fn sys_modules(&self) -> Option<Value> {
        match self.modules.get("sys") {
            Some(Value::Module(m)) => m.get(crate::intern::intern("modules")),
            _ => None,
        }
    }

    fn sys_modules_entry(&mut self, name: &str) -> Option<Value> {
        let d = self.sys_modules()?;
        let k = Value::str(name);
        if self.contains(&d, &k).ok()? {
            self.getitem(&d, &k).ok()
        } else {
            None
        }
    }

    fn set_sys_modules_entry(&mut self, name: &str, m: &Value) {
        if let Some(d) = self.sys_modules() {
            let _ = self.setitem(&d, Value::str(name), m.clone());
        }
    }

    fn import_uncached(&mut self, name: &str) -> PyResult<Value> {
        if let Some((parent, child)) = name.rsplit_once('.') {
            if name != "os.path" {
                let p = self.import_module_by_name(parent)?;
                if let Some(m) = self.modules.get(name) {
                    return Ok(m.clone());
                }
                let m = self.import_module_leaf(name)?;
                // `import a.b` makes `b` an attribute of `a` once it has loaded, as CPython.
                if let Value::Module(pm) = &p {
                    pm.set(crate::intern::intern(child), m.clone());
                }
                return Ok(m);
            }
        }
        self.import_module_leaf(name)
    }

    fn import_module_leaf(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.builtin_module(name)? {
            self.modules.insert(name.into(), m.clone());
            return Ok(m);
        }
        if let Some(i) = EMBEDDED.iter().position(|(n, _)| *n == name) {
            let path = format!("<{}>", name);
            return self.load_module_source(name, &path, EMBEDDED[i].1, frozen::tree(i));
        }
        if let Some(path) = self.find_module_file(name) {
            let text =
                std::fs::read_to_string(&path).map_err(crate::builtins::functions::io_error)?;
            return self.load_module_source(name, &path, &text, None);
        }
        Err(exc_msg(
            "ModuleNotFoundError",
            format!("No module named '{}'", name),
        ))
    }

    fn find_module_file(&self, name: &str) -> Option<String> {
        let rel = name.replace('.', "/");
        let mut dirs: Vec<String> = vec![self.script_dir()];
        if let Some(Value::Module(sys)) = self.modules.get("sys") {
            if let Some(Value::List(l)) = sys.get(crate::intern::intern("path")) {
                for p in l.borrow().iter() {
                    if let Value::Str(s) = p {
                        let d = if s.is_empty() { "." } else { s.as_str() };
                        if !dirs.iter().any(|x| x == d) {
                            dirs.push(d.to_string());
                        }
                    }
                }
            }
        }
        for d in dirs {
            for cand in [
                format!("{}/{}.py", d, rel),
                format!("{}/{}/__init__.py", d, rel),
            ] {
                if std::path::Path::new(&cand).is_file() {
                    return Some(cand);
                }
            }
        }
        None
    }

    /// The folder of the main script (`.` when it has none).
    pub fn script_dir(&self) -> String {
        let dir = self
            .main_path
            .as_ref()
            .and_then(|p| std::path::Path::new(p).parent())
            .map(|d| d.to_string_lossy().to_string())
            .unwrap_or_default();
        if dir.is_empty() {
            ".".into()
        } else {
            dir
        }
    }

    /// Parses (unless `tree` is its parsed form already), resolves and runs a module's
    /// source; caches the module before running it.
    pub fn load_module_source(
        &mut self,
        name: &str,
        path: &str,
        text: &str,
        tree: Option<Module>,
    ) -> PyResult<Value> {
        let source = self.add_source(path, text);
        let module = Rc::new(ModuleObj::new(name, source));
        module.set(self.sym.name, Value::str(name));
        module.set(self.sym.file, Value::str(path));
        let value = Value::Module(module.clone());
        self.modules.insert(name.into(), value.clone());
        self.set_sys_modules_entry(name, &value);
        match self.run_module_text(&module, text, tree) {
            Ok(()) => Ok(value),
            Err(e) => {
                self.modules.remove(name);
                if let Some(d) = self.sys_modules() {
                    let _ = self.delitem(&d, &Value::str(name));
                }
                Err(e)
            }
        }
    }

    /// Names `from m import *` binds: `__all__`, else those without a leading underscore.
    pub fn module_public_names(&mut self, m: &Value) -> PyResult<Vec<(Symbol, Value)>> {
        let module = match m {
            Value::Module(m) => m.clone(),
            _ => return Ok(Vec::new()),
        };
        if let Some(all) = module.get(crate::intern::intern("__all__")) {
            let mut out = Vec::new();
            for n in self.collect(&all)? {
                if let Value::Str(s) = n {
                    let sym = crate::intern::intern(s.as_str());
                    out.push((sym, self.getattr(m, sym)?));
                }
            }
            return Ok(out);
        }
        Ok(module
            .items()
            .into_iter()
            .filter(|(k, _)| !k.as_str().starts_with('_'))
            .collect())
    }

    pub fn module_file(&self, m: &Value) -> String {
        match m {
            Value::Module(m) => match m.get(self.sym.file) {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => "unknown location".into(),
            },
            _ => "unknown location".into(),
        }
    }

    fn builtin_module(&mut self, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "builtins" => Some(Value::Module(self.builtins_module.clone())),
            "_mp" => Some(crate::mp::create_module(self)),
            "_queue" => Some(crate::mp::create_queue_module()),
            "threading" => Some(crate::mp::create_threading_module()),
            "time" => Some(time::module()),
            "os" => Some(os::module(self)),
            "os.path" => {
                let os = self.import_module_by_name("os")?;
                Some(self.getattr(&os, crate::intern::intern("path"))?)
            }
            "sys" => Some(sys::module(self)),
            "math" => Some(math::module()),
            "random" => Some(random::module()),
            "string" => Some(string::module()),
            "json" => Some(json::module()),
            "tempfile" => Some(tempfile::module()),
            "shutil" => Some(shutil::module()),
            "_collections" => Some(collections::module()),
            "_array" => Some(array::module()),
            "_signal" => Some(signal::module()),
            "_urllib" => Some(urllib::module()),
            _ => None,
        })
    }
}
