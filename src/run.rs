// Running programs: parse, resolve, execute on a large stack, and report what escaped.

use crate::interp::err::*;
use crate::interp::{Flow, Frame, Interp, PyResult};
use crate::syntax::ast::{Module, Span};
use crate::value::{ModuleObj, Value};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Stack for the main program: deep recursion fails with RecursionError, not a crash.
const MAIN_STACK: usize = 256 * 1024 * 1024;

/// Something for the evaluator's next check: a signal, or a deferred error.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks the evaluator's next check to look at signals and deferred errors (the
/// signal handler calls this, so it only stores to an atomic).
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

thread_local! {
    /// An error raised where it could not be returned (a key's `__eq__` run by a
    /// table comparing keys internally): raised at the evaluator's next check.
    static DEFERRED: std::cell::RefCell<Option<Exc>> = const { std::cell::RefCell::new(None) };
}

/// Keeps `e` to be raised at the next check (the first such error wins).
pub fn defer_error(e: Exc) {
    DEFERRED.with(|d| {
        let mut d = d.borrow_mut();
        if d.is_none() {
            *d = Some(e);
        }
    });
    interrupt();
}

/// Whether an error waits to be raised (comparisons stop calling user code then).
pub fn error_deferred() -> bool {
    DEFERRED.with(|d| d.borrow().is_some())
}

/// A syntax or scope error found before running, with where it is.
pub struct CompileError {
    pub kind: &'static str,
    pub message: String,
    pub span: Span,
    pub label: String,
}

impl CompileError {
    /// The error as the syntax error report renders it.
    pub fn into_syntax_error(self) -> crate::syntax::error::SyntaxError {
        use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
        SyntaxError {
            kind: match self.kind {
                "IndentationError" => SyntaxErrorKind::Indentation,
                "TabError" => SyntaxErrorKind::Tab,
                "RecursionError" => SyntaxErrorKind::Recursion,
                _ => SyntaxErrorKind::Syntax,
            },
            message: self.message,
            span: self.span,
            label: self.label,
        }
    }
}

/// Writes the report of a syntax error in `text` (named `path`) to stderr.
pub fn report_compile_error(path: &str, text: &str, e: CompileError, color: bool) {
    let report = crate::diag::render_syntax_error(path, text, &e.into_syntax_error(), color);
    let _ = crate::output::write_stderr(report.as_bytes());
}

/// Forgets a Ctrl-C that arrived while nothing was running (the prompt starts afresh);
/// other signals and dropped generators still wait for the next check.
pub fn clear_interrupt() {
    INTERRUPTED.store(false, Ordering::Relaxed);
    crate::signals::forget_sigint();
    DEFERRED.with(|d| d.borrow_mut().take());
    if crate::signals::any_pending() || crate::interp::gen::abandoned_waiting() {
        interrupt();
    }
}

/// Parses and resolves `text` for `module`; the tree lives as long as the process.
pub fn compile(text: &str, module: &ModuleObj) -> Result<&'static Module, CompileError> {
    // `parse_module` runs on a stack of its own whose bounds the parser knows.
    compile_parsed(crate::syntax::parse_module(text), text, module)
}

/// Resolves `parsed`, the tree of `text`, for `module`.
pub fn compile_parsed(
    parsed: Result<Module, crate::syntax::error::SyntaxError>,
    text: &str,
    module: &ModuleObj,
) -> Result<&'static Module, CompileError> {
    let mut m = parsed.map_err(|e| CompileError {
        kind: e.kind.name(),
        message: e.message.clone(),
        span: e.span,
        label: e.label.clone(),
    })?;
    crate::mp::codec::begin_unit(text);
    let resolved = crate::compile::resolve::resolve_module(&mut m, module);
    crate::mp::codec::end_unit();
    resolved.map_err(|e| CompileError {
        kind: "SyntaxError",
        message: e.message.clone(),
        span: e.span,
        label: e.message,
    })?;
    Ok(Box::leak(Box::new(m)))
}

impl Interp {
    /// Raises a deferred error, or runs the handlers of signals that came (Ctrl-C's
    /// raises KeyboardInterrupt); called in every loop iteration and call, so the
    /// common path is one relaxed load.
    #[inline(always)]
    pub fn check_signals(&mut self) -> PyResult<()> {
        if INTERRUPTED.load(Ordering::Relaxed) {
            return self.take_interrupt();
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn take_interrupt(&mut self) -> PyResult<()> {
        INTERRUPTED.store(false, Ordering::Relaxed);
        if let Some(e) = DEFERRED.with(|d| d.borrow_mut().take()) {
            // A signal (or a generator to close) that came too waits for the next check.
            if crate::signals::any_pending() || crate::interp::gen::abandoned_waiting() {
                interrupt();
            }
            return Err(e);
        }
        crate::interp::gen::close_abandoned(self);
        crate::signals::run_handlers(self)
    }

    /// Compiles and runs module code in `module`'s namespace (`tree`: the text
    /// already parsed, for a frozen module).
    pub fn run_module_text(
        &mut self,
        module: &Rc<ModuleObj>,
        text: &str,
        tree: Option<Module>,
    ) -> PyResult<()> {
        let parsed = match tree {
            Some(t) => Ok(t),
            None => crate::syntax::parse_module(text),
        };
        let tree = match compile_parsed(parsed, text, module) {
            Ok(t) => t,
            Err(e) => {
                let (line, _) = crate::diag::line_col(text, e.span.start as usize);
                let path = match module.get(self.sym.file) {
                    Some(Value::Str(p)) => p.as_str().to_string(),
                    _ => module.name.to_string(),
                };
                let exc = exc_msg(e.kind, format!("{} ({}, line {})", e.message, path, line));
                return Err(exc);
            }
        };
        self.exec_module(module, tree)
    }

    pub fn exec_module(&mut self, module: &Rc<ModuleObj>, tree: &'static Module) -> PyResult<()> {
        let mut frame = Frame {
            locals: Vec::new(),
            closure: Rc::from(Vec::new()),
            module: module.clone(),
            class_ns: None,
            name: "<module>".into(),
            cur: Span::default(),
            gen: None,
            code: None,
        };
        self.depth += 1;
        let r = self.exec_block(&mut frame, &tree.body);
        self.depth -= 1;
        match r {
            Ok(Flow::Normal) | Ok(_) => Ok(()),
            Err(e) => {
                e.push_frame(&frame);
                Err(e)
            }
        }
    }

    /// Runs the registered exit hooks, last first; their errors are reported, not raised.
    pub fn run_exit_hooks(&mut self) {
        while let Some(h) = self.exit_hooks.pop() {
            if let Err(e) = self.call(&h, vec![], vec![]) {
                let text = self.format_exception(&e);
                let _ = crate::output::write_stderr(text.as_bytes());
            }
        }
    }

    /// Python's `sys.displayhook`: prints the repr of an interactive expression's
    /// value (not None) and binds it to `_` in builtins.
    pub fn display_value(&mut self, v: Value) -> PyResult<()> {
        if matches!(v, Value::None) {
            return Ok(());
        }
        self.set_builtin("_", Value::None);
        let mut text = self.repr(&v)?;
        text.push('\n');
        let _ = crate::output::write_stdout(text.as_bytes());
        self.set_builtin("_", v);
        Ok(())
    }

    /// Formats an exception as Python's traceback module does (with chained causes):
    /// a child's or a pool worker's report.
    pub fn format_exception(&mut self, e: &Exc) -> String {
        self.format_chain(e, &mut Vec::new(), false)
    }

    /// Formats an exception that ended the program or an input at the prompt, as the
    /// interpreter itself prints it: also with "Did you mean" for a missed name
    /// (CPython 3.11's traceback module does not offer those).
    pub fn format_uncaught(&mut self, e: &Exc) -> String {
        self.format_chain(e, &mut Vec::new(), true)
    }

    /// One exception of a chain; `seen` stops a cycle (`e.__cause__ = e`), as
    /// CPython's printer does.
    fn format_chain(&mut self, e: &Exc, seen: &mut Vec<i64>, suggest: bool) -> String {
        let mut out = String::new();
        seen.push(e.value().id());
        let (cause, context, suppress) = {
            let st = e.state();
            (st.cause.clone(), st.context.clone(), st.suppress_context)
        };
        let unseen = |v: &Option<Value>| {
            v.as_ref()
                .and_then(Exc::from_value)
                .filter(|c| !seen.contains(&c.value().id()))
        };
        let (cause, context) = (unseen(&cause), unseen(&context));
        if let Some(c) = cause {
            out.push_str(&self.format_chain(&c, seen, suggest));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (false, Some(c)) = (suppress, context) {
            out.push_str(&self.format_chain(&c, seen, suggest));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let trace = e.state().traceback.clone();
        out.push_str(&self.format_trace(&trace));
        out.push_str(&self.exception_line(e));
        if suggest {
            if let Some(s) = self.suggestion(e) {
                out.push_str(&format!(". Did you mean: '{}'?", s));
            }
        }
        out.push('\n');
        out
    }

    /// Like `format_exception`, with the innermost failing source line drawn with
    /// its span underlined just above the last line, which stays `Type: message`.
    pub fn format_exception_with_snippet(&mut self, e: &Exc, color: bool) -> String {
        let text = self.format_uncaught(e);
        // The innermost line of the program's own code: where a library function it
        // called failed, that call is what its author can change.
        let (entry, innermost) = {
            let state = e.state();
            let trace = &state.traceback;
            match trace.iter().position(|t| {
                self.sources
                    .get(t.source as usize)
                    .is_some_and(|s| !crate::modules::is_library_path(&s.path))
            }) {
                Some(i) => (trace.get(i).cloned(), i == 0),
                None => (trace.first().cloned(), true),
            }
        };
        let label = if innermost {
            format!("{} raised here", e.class().name)
        } else {
            format!("{} raised inside this call", e.class().name)
        };
        let snippet = entry.and_then(|t| self.snippet(&t, &label, color));
        match (snippet, text.trim_end_matches('\n').rfind('\n')) {
            (Some(s), Some(cut)) => format!("{}{}{}", &text[..=cut], s, &text[cut + 1..]),
            _ => text,
        }
    }

    /// The source line of `entry` with its span underlined, when that stays
    /// readable: a span on one line of a known source.
    fn snippet(
        &self,
        entry: &crate::value::object::TraceEntry,
        label: &str,
        color: bool,
    ) -> Option<String> {
        let src = self.sources.get(entry.source as usize)?;
        let (start, end) = (entry.span.start as usize, entry.span.end as usize);
        if end <= start || end > src.text.len() || src.text.get(start..end)?.contains('\n') {
            return None;
        }
        let report =
            crate::diag::render_snippet(&src.path, &src.text, entry.span, "", label, color);
        // Keep the drawing; the header repeats what the traceback already says.
        let body: Vec<&str> = report
            .lines()
            .skip_while(|l| !l.contains('─'))
            .map(str::trim_end)
            .collect();
        if body.is_empty() {
            return None;
        }
        Some(body.join("\n") + "\n")
    }

    /// The `Traceback (most recent call last):` block, outermost frame first, with
    /// runs of one repeated line folded as CPython folds them.
    pub fn format_trace(&self, trace: &[crate::value::object::TraceEntry]) -> String {
        const CUTOFF: usize = 3;
        let mut out = String::new();
        if trace.is_empty() {
            return out;
        }
        out.push_str("Traceback (most recent call last):\n");
        let repeated = |out: &mut String, count: usize| {
            if count > CUTOFF {
                let n = count - CUTOFF;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n > 1 { "s" } else { "" }
                ));
            }
        };
        let mut last: Option<(u32, usize, &str)> = None;
        let mut count = 0;
        for t in trace.iter().rev() {
            let (path, line, text) = self.sources[t.source as usize].locate(t.span.start as usize);
            let key = (t.source, line, &*t.func);
            if last != Some(key) {
                repeated(&mut out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                path, line, t.func
            ));
            // CPython has no source lines for `-c` code (`<string>`).
            let text = match path == "<string>" {
                true => None,
                false => Some(text),
            };
            if let Some(text) = text {
                let trimmed = text.trim();
                if !trimmed.is_empty() {
                    out.push_str(&format!("    {}\n", trimmed));
                }
            }
        }
        repeated(&mut out, count);
        out
    }

    /// The last line of a traceback: `KeyError: 'quantity'`.
    pub fn exception_line(&mut self, e: &Exc) -> String {
        let cls = e.class();
        let name = if &*cls.module == "builtins" || &*cls.module == "__main__" {
            cls.qualname.to_string()
        } else {
            format!("{}.{}", cls.module, cls.qualname)
        };
        let msg = self.str(&e.value()).unwrap_or_default();
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// The exit status for an exception that ended the program, printing what
    /// Python prints (nothing for a clean SystemExit).
    pub fn exit_status(&mut self, e: &Exc) -> i32 {
        if e.is("SystemExit") {
            let args = e.args();
            return match args.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(i)) => *i as i32,
                Some(Value::Bool(b)) => *b as i32,
                Some(other) => {
                    let s = self.str(other).unwrap_or_default();
                    let _ = crate::output::write_stderr(format!("{}\n", s).as_bytes());
                    1
                }
            };
        }
        let text = self.format_exception_with_snippet(e, false);
        let _ = crate::output::write_stderr(text.as_bytes());
        // CPython re-raises SIGINT on itself once it has finished; a shell reports
        // that as 128 + 2.
        if e.is("KeyboardInterrupt") {
            crate::signals::end_by_sigint();
            130
        } else {
            1
        }
    }
}

/// Runs `f` on a large stack so deep recursion is caught by the interpreter's
/// own limit instead of overflowing the thread's stack. The stack is made by
/// `stacker`, which tells where it ends: that is the interpreter's stack limit.
pub fn on_big_stack<R: 'static>(
    interp: &mut Interp,
    f: impl FnOnce(&mut Interp) -> R + 'static,
) -> R {
    let saved_limit = interp.stack_limit;
    let r = stacker::grow(MAIN_STACK, || {
        let here = 0u8;
        let sp = &here as *const u8 as usize;
        interp.stack_limit = match stacker::remaining_stack() {
            Some(left) => sp.saturating_sub(left),
            None => sp.saturating_sub(MAIN_STACK - 64 * 1024),
        };
        f(interp)
    });
    interp.stack_limit = saved_limit;
    r
}

/// Lets the interpreter go, with everything the program still holds, on a large stack:
/// a deeply nested structure (a dict inside a dict, 100,000 deep) is freed by
/// recursion, which overflowed the thread's own stack at exit. Open files are flushed
/// as they are freed, so this is not skipped.
pub fn release(interp: Box<Interp>) {
    stacker::grow(MAIN_STACK, move || drop(interp));
}

/// The `__main__` module for a program read from `path` (`<stdin>`, `<string>` or a
/// file), registered in `sys.modules`; its source is `text`.
pub fn new_main_module(interp: &mut Interp, path: &str, text: &str) -> Rc<ModuleObj> {
    // CPython names the main script by its absolute path (`__file__`, tracebacks).
    let absolute = if path.starts_with('<') {
        None
    } else {
        std::path::absolute(path)
            .ok()
            .and_then(|p| p.to_str().map(str::to_string))
    };
    let path = absolute.as_deref().unwrap_or(path);
    let source = interp.add_source(path, text);
    let module = Rc::new(ModuleObj::new("__main__", source));
    module.set(interp.sym.name, Value::str("__main__"));
    if !path.starts_with('<') {
        module.set(interp.sym.file, Value::str(path));
    }
    module.set(
        interp.sym.builtins,
        Value::Module(interp.builtins_module.clone()),
    );
    interp
        .modules
        .insert("__main__".into(), Value::Module(module.clone()));
    module
}

/// Runs a whole program as `__main__`; returns the process exit status.
pub fn run_main(interp: &mut Interp, path: &str, text: &str, color: bool) -> i32 {
    let module = new_main_module(interp, path, text);
    let tree = match compile(text, &module) {
        Ok(t) => t,
        Err(e) => {
            report_compile_error(path, text, e, color);
            return 1;
        }
    };
    let status = on_big_stack(interp, move |interp| {
        // A Ctrl-C or handler that came during the last statement is not lost.
        let ran = interp
            .exec_module(&module, tree)
            .and_then(|()| interp.check_signals());
        let status = match ran {
            Ok(()) => 0,
            Err(e) => {
                interp.interrupted_exit = e.is("KeyboardInterrupt");
                interp.exit_status(&e)
            }
        };
        // Generators the error dropped (or the exit hooks drop) close as CPython's
        // finalization closes them.
        crate::interp::gen::close_abandoned(interp);
        interp.run_exit_hooks();
        let globals = module.items().into_iter().map(|(_, v)| v).collect();
        crate::interp::gen::close_suspended(interp, globals);
        crate::interp::gen::close_abandoned(interp);
        status
    });
    let _ = crate::output::flush_stdout();
    status
}

/// Runs the program in `module` (made by `new_main_module` for `text`) for `spindle -i`:
/// whatever escapes, even `SystemExit`, is reported and the prompt follows.
pub fn run_main_for_inspection(
    interp: &mut Interp,
    module: &Rc<ModuleObj>,
    path: &str,
    text: &str,
    color: bool,
) {
    match compile(text, module) {
        Ok(tree) => {
            if let Err(e) = interp.exec_module(module, tree) {
                let report = interp.format_uncaught(&e);
                let _ = crate::output::write_stderr(report.as_bytes());
            }
        }
        Err(e) => report_compile_error(path, text, e, color),
    }
    let _ = crate::output::flush_stdout();
}
