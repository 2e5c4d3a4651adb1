// The import system: built-in modules, embedded dialect modules, and the user's files.

use crate::intern::Symbol;
use crate::interp::err::*;
use crate::interp::{Frame, Interp, PyResult};
use crate::value::{ModuleObj, Value};
use std::rc::Rc;

/// Modules written in the dialect, embedded in the binary.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "multiprocessing",
        include_str!("../../stdlib/multiprocessing.py"),
    ),
    (
        "multiprocessing.pool",
        include_str!("../../stdlib/multiprocessing/pool.py"),
    ),
];

impl Interp {
    /// `import name` (dotted): the module object, loading it on first use.
    pub fn import_module(&mut self, name: &str, _f: &Frame) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some(m) = self.builtin_module(name)? {
            self.modules.insert(name.into(), m.clone());
            return Ok(m);
        }
        if let Some((_, src)) = EMBEDDED.iter().find(|(n, _)| *n == name) {
            return self.load_module_source(name, &format!("<{}>", name), src);
        }
        if let Some(path) = self.find_module_file(name) {
            let text =
                std::fs::read_to_string(&path).map_err(crate::builtins::functions::io_error)?;
            return self.load_module_source(name, &path, &text);
        }
        Err(exc_msg(
            "ModuleNotFoundError",
            format!("No module named '{}'", name),
        ))
    }

    /// Imports a module from Rust code (no importing frame needed).
    pub fn import_module_by_name(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some(m) = self.builtin_module(name)? {
            self.modules.insert(name.into(), m.clone());
            return Ok(m);
        }
        if let Some((_, src)) = EMBEDDED.iter().find(|(n, _)| *n == name) {
            return self.load_module_source(name, &format!("<{}>", name), src);
        }
        Err(exc_msg(
            "ModuleNotFoundError",
            format!("No module named '{}'", name),
        ))
    }

    fn find_module_file(&self, name: &str) -> Option<String> {
        let rel = name.replace('.', "/");
        let mut dirs: Vec<String> = Vec::new();
        if let Some(p) = &self.main_path {
            let dir = std::path::Path::new(p)
                .parent()
                .map(|d| d.to_string_lossy().to_string())
                .unwrap_or_default();
            dirs.push(if dir.is_empty() { ".".into() } else { dir });
        } else {
            dirs.push(".".into());
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

    /// Parses, resolves and runs a module's source; caches it before running.
    pub fn load_module_source(&mut self, name: &str, path: &str, text: &str) -> PyResult<Value> {
        let source = self.add_source(path, text);
        let module = Rc::new(ModuleObj::new(name, source));
        module.set(self.sym.name, Value::str(name));
        module.set(self.sym.file, Value::str(path));
        let value = Value::Module(module.clone());
        self.modules.insert(name.into(), value.clone());
        // `import a.b` makes `b` an attribute of the package `a`.
        if let Some((parent, child)) = name.rsplit_once('.') {
            if let Some(Value::Module(p)) = self.modules.get(parent) {
                p.set(crate::intern::intern(child), value.clone());
            }
        }
        match self.run_module_text(&module, text) {
            Ok(()) => Ok(value),
            Err(e) => {
                self.modules.remove(name);
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
            "queue" => Some(crate::mp::create_queue_module()),
            _ => None,
        })
    }
}
