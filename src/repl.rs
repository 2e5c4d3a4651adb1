// The interactive prompt: read a complete input, run it in `__main__`, show its value.
//
// Each input is compiled against the same `__main__` module, so names persist between
// inputs. Inputs are appended to one source text (as parts named `<stdin>`), and each
// is parsed behind padding of the same length, so its spans point into that text and
// functions defined at the prompt report the right lines in later tracebacks.

use crate::interp::attr::class_of;
use crate::interp::Interp;
use crate::value::{ModuleObj, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter, MatchingBracketHighlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::rc::Rc;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const HELP_TEXT: &str = "\
This is spindle's interactive prompt: type Python statements and see what they do.
  - An expression's value is printed, and `_` holds the last one.
  - A compound statement (if, for, def, class, ...) ends with an empty line.
  - Tab completes keywords, names, and attributes after a dot (`point.x<Tab>`).
  - Up and Down recall earlier lines, also from earlier sessions.
  - Ctrl-C cancels the current input or interrupts a running program.
  - exit(), quit() or Ctrl-D on an empty line leave.
";

/// Where the prompt's history is kept: `$XDG_DATA_HOME/spindle/history`, else
/// `~/.local/share/spindle/history`.
pub fn history_path() -> Option<PathBuf> {
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let base = match nonempty("XDG_DATA_HOME") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(nonempty("HOME")?).join(".local/share"),
    };
    Some(base.join("spindle").join("history"))
}

/// The editor's helper: completion from the live module, bracket matching.
struct ReplHelper {
    main: Rc<ModuleObj>,
    builtins: Rc<ModuleObj>,
    brackets: Option<MatchingBracketHighlighter>,
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(is_ident_char)
}

fn module_lookup(m: &ModuleObj, name: &str) -> Option<Value> {
    let sym = m
        .names
        .borrow()
        .keys()
        .copied()
        .find(|k| k.as_str() == name)?;
    m.get(sym)
}

/// `obj.name` as stored, without running any code (no properties, no `__getattr__`).
fn static_attr(obj: &Value, name: &str) -> Option<Value> {
    let in_class = |cls: &crate::value::Class| {
        cls.mro.borrow().iter().find_map(|c| {
            c.dict
                .borrow()
                .iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v.clone())
        })
    };
    match obj {
        Value::Module(m) => module_lookup(m, name),
        Value::Class(c) => in_class(c),
        Value::Instance(i) => {
            let own = i
                .dict
                .borrow()
                .items()
                .into_iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v);
            own.or_else(|| in_class(&i.class()))
        }
        other => in_class(&class_of(other)),
    }
}

/// The attribute names of `obj`, as `dir()` lists them.
fn attr_names(obj: &Value) -> Vec<(String, Option<Value>)> {
    let mut out: Vec<(String, Option<Value>)> = Vec::new();
    let add_class = |out: &mut Vec<(String, Option<Value>)>, cls: &crate::value::Class| {
        for c in cls.mro.borrow().iter() {
            for (k, v) in c.dict.borrow().iter() {
                out.push((k.as_str().to_string(), Some(v.clone())));
            }
        }
    };
    match obj {
        Value::Module(m) => {
            for (k, v) in m.items() {
                out.push((k.as_str().to_string(), Some(v)));
            }
        }
        Value::Class(c) => add_class(&mut out, c),
        Value::Instance(i) => {
            for (k, v) in i.dict.borrow().items() {
                out.push((k.as_str().to_string(), Some(v)));
            }
            add_class(&mut out, &i.class());
        }
        other => add_class(&mut out, &class_of(other)),
    }
    out
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Function(_) | Value::BoundMethod(_) | Value::Native(_) | Value::Class(_)
    )
}

impl ReplHelper {
    /// Completions for the word ending at the cursor: `(start, candidates)`.
    fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        // In the indentation, Tab indents.
        if before.chars().all(|c| c == ' ' || c == '\t') {
            return (pos, vec![pair("    ".into())]);
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_ident_char(c) || c == '.')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return (pos, Vec::new());
        }
        let (base, prefix, offset) = match word.rfind('.') {
            Some(dot) => (Some(&word[..dot]), &word[dot + 1..], start + dot + 1),
            None => (None, word, start),
        };
        let mut names: Vec<(String, Option<Value>)> = Vec::new();
        match base {
            Some(base) => {
                let mut parts = base.split('.');
                let first = parts.next().unwrap_or("");
                if !base.split('.').all(is_identifier) {
                    return (pos, Vec::new());
                }
                let mut obj = match module_lookup(&self.main, first)
                    .or_else(|| module_lookup(&self.builtins, first))
                {
                    Some(v) => v,
                    None => return (pos, Vec::new()),
                };
                for part in parts {
                    obj = match static_attr(&obj, part) {
                        Some(v) => v,
                        None => return (pos, Vec::new()),
                    };
                }
                names = attr_names(&obj);
            }
            None => {
                names.extend(KEYWORDS.iter().map(|k| (k.to_string(), None)));
                for m in [&self.main, &self.builtins] {
                    for (k, v) in m.items() {
                        names.push((k.as_str().to_string(), Some(v)));
                    }
                }
            }
        }
        // As Python's completer: names with a leading underscore only when asked for.
        let hidden = match prefix {
            "" => Some("_"),
            "_" => Some("__"),
            _ => None,
        };
        let mut out: Vec<String> = names
            .into_iter()
            .filter(|(n, _)| n.starts_with(prefix) && !hidden.is_some_and(|h| n.starts_with(h)))
            .map(|(n, v)| match v {
                Some(v) if is_callable(&v) => format!("{}(", n),
                _ => n,
            })
            .collect();
        out.sort();
        out.dedup();
        (offset, out.into_iter().map(pair).collect())
    }
}

fn pair(s: String) -> Pair {
    Pair {
        display: s.clone(),
        replacement: s,
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.candidates(line, pos))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Validator for ReplHelper {}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        match &self.brackets {
            Some(b) => b.highlight(line, pos),
            None => Cow::Borrowed(line),
        }
    }
    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        match &self.brackets {
            Some(b) => b.highlight_char(line, pos, kind),
            None => false,
        }
    }
}

impl Helper for ReplHelper {}

/// The indentation to pre-fill after `line`: the same, one level deeper after a `:`.
fn next_indent(line: &str) -> String {
    let mut indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = line.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        indent.push_str("    ");
    }
    indent
}

/// What running one input led to.
enum Outcome {
    Continue,
    Exit(i32),
}

/// Compiles and runs one complete input in `module`, printing its values and errors.
fn run_input(interp: &mut Interp, module: &Rc<ModuleObj>, input: &str, color: bool) -> Outcome {
    let source = module.source as usize;
    let base = interp.sources[source].text.len();
    // Parse behind padding so the spans are offsets into the session's text.
    let mut padded = String::with_capacity(base + input.len());
    padded.push_str(&"\n".repeat(base));
    padded.push_str(input);
    let tree = match crate::run::compile(&padded, module) {
        Ok(t) => t,
        Err(mut e) => {
            e.span.start = e.span.start.saturating_sub(base as u32);
            e.span.end = e.span.end.saturating_sub(base as u32);
            crate::run::report_compile_error("<stdin>", input, e, color);
            return Outcome::Continue;
        }
    };
    {
        let src = &mut interp.sources[source];
        let mut text = String::with_capacity(base + input.len());
        text.push_str(&src.text);
        text.push_str(input);
        src.text = text.into();
        src.parts.push(crate::interp::SourcePart {
            start: base,
            path: "<stdin>".into(),
        });
    }
    crate::run::clear_interrupt();
    interp.echo_depth = Some(interp.depth + 1);
    // What came during the last statement (a signal, a generator it dropped) is
    // handled before the next prompt, as between statements.
    let result = interp
        .exec_module(module, tree)
        .and_then(|()| interp.check_signals());
    crate::interp::gen::close_abandoned(interp);
    interp.echo_depth = None;
    interp.handling.clear();
    let outcome = match result {
        Ok(()) => Outcome::Continue,
        Err(e) if e.is("SystemExit") => Outcome::Exit(interp.exit_status(&e)),
        Err(e) => {
            let report = interp.format_uncaught(&e);
            let _ = crate::output::write_stderr(report.as_bytes());
            Outcome::Continue
        }
    };
    let _ = crate::output::flush_stdout();
    outcome
}

/// A line of input that is not a terminal, read through the buffer `input()` reads
/// too, so a program and its data can come down one pipe.
fn piped_line(interp: &mut Interp) -> Result<String, ReadlineError> {
    match crate::stdin::read_line(interp, None) {
        Ok(line) if line.is_empty() => Err(ReadlineError::Eof),
        Ok(mut line) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(line)
        }
        Err(e) if e.is("KeyboardInterrupt") => Err(ReadlineError::Interrupted),
        Err(e) => {
            // A line that is not text (its bytes are consumed): reported, and the
            // session goes on with the next.
            let report = interp.format_uncaught(&e);
            let _ = crate::output::write_stderr(report.as_bytes());
            Ok(String::new())
        }
    }
}

/// The one-line banner and the hint below it.
pub fn banner() -> String {
    format!(
        "spindle {} (a Python 3.11 dialect with processes built in)\n\
         Type \"help\" for help, \"exit()\" or Ctrl-D to leave.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs the prompt on `module` (call it on the interpreter's big stack) until the user
/// leaves; returns the exit status.
pub fn run(interp: &mut Interp, module: &Rc<ModuleObj>, show_banner: bool) -> i32 {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .color_mode(if std::env::var_os("NO_COLOR").is_some() {
            ColorMode::Disabled
        } else {
            ColorMode::Enabled
        })
        .build();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("spindle: cannot start the interactive prompt: {}", e);
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper {
        main: module.clone(),
        builtins: interp.builtins_module.clone(),
        brackets: std::env::var_os("NO_COLOR")
            .is_none()
            .then(MatchingBracketHighlighter::new),
    }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    if show_banner {
        let _ = crate::output::write_stderr(banner().as_bytes());
    }
    let piped = !std::io::stdin().is_terminal();
    let status = 'session: loop {
        let mut input = String::new();
        let mut prefill = String::new();
        // Read lines until the input is complete.
        loop {
            let prompt = if input.is_empty() { ">>> " } else { "... " };
            let read = if piped {
                piped_line(interp)
            } else {
                editor.readline_with_initial(prompt, (&prefill, ""))
            };
            match read {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    input.push_str(&line);
                    input.push('\n');
                    if input.trim().is_empty() {
                        input.clear();
                        continue;
                    }
                    if !crate::syntax::needs_more_input(&input) {
                        break;
                    }
                    prefill = next_indent(&line);
                }
                Err(ReadlineError::Interrupted) => {
                    let _ = crate::output::write_stderr(b"KeyboardInterrupt\n");
                    continue 'session;
                }
                Err(ReadlineError::Eof) => {
                    if input.is_empty() {
                        let _ = crate::output::write_stderr(b"\n");
                        break 'session 0;
                    }
                    break;
                }
                Err(e) => {
                    eprintln!("spindle: cannot read input: {}", e);
                    break 'session 1;
                }
            }
        }
        // The bare words Python's prompt answers itself (unless the user bound them).
        let word = input.trim();
        if matches!(word, "help" | "exit" | "quit") && module_lookup(module, word).is_none() {
            let text = match word {
                "help" => HELP_TEXT.to_string(),
                _ => format!("Use {}() or Ctrl-D (i.e. EOF) to exit\n", word),
            };
            let _ = crate::output::write_stdout(text.as_bytes());
            let _ = crate::output::flush_stdout();
            continue;
        }
        let outcome = run_input(interp, module, &input, color);
        if let Some(path) = &history {
            save_history(&mut editor, path);
        }
        if let Outcome::Exit(status) = outcome {
            break status;
        }
    };
    if let Some(path) = &history {
        save_history(&mut editor, path);
    }
    status
}

fn save_history(editor: &mut Editor<ReplHelper, DefaultHistory>, path: &PathBuf) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = editor.save_history(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper(interp: &Interp, module: &Rc<ModuleObj>) -> ReplHelper {
        ReplHelper {
            main: module.clone(),
            builtins: interp.builtins_module.clone(),
            brackets: None,
        }
    }

    fn complete(h: &ReplHelper, line: &str) -> (usize, Vec<String>) {
        let (start, c) = h.candidates(line, line.len());
        (start, c.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn indentation_follows_the_previous_line() {
        assert_eq!(next_indent("for i in x:"), "    ");
        assert_eq!(next_indent("    print(i)"), "    ");
        assert_eq!(next_indent("    if a:  # note"), "        ");
        assert_eq!(next_indent("x = 1"), "");
    }

    #[test]
    fn completes_keywords_names_and_attributes() {
        let mut interp = Interp::new();
        let module = crate::run::new_main_module(&mut interp, "<stdin>", "");
        let h = helper(&interp, &module);
        let program = "class Point:\n    dimensions = 2\n    def norm(self): pass\n\np = Point()\np.longitude = 3\n";
        assert!(matches!(
            run_input(&mut interp, &module, program, false),
            Outcome::Continue
        ));
        let (start, c) = complete(&h, "whi");
        assert_eq!((start, c), (0, vec!["while".to_string()]));
        assert_eq!(complete(&h, "print(Poi").1, vec!["Point(".to_string()]);
        assert_eq!(complete(&h, "Point.d").1, vec!["dimensions".to_string()]);
        assert_eq!(complete(&h, "x = p.lo"), (6, vec!["longitude".to_string()]));
        assert_eq!(complete(&h, "p.no").1, vec!["norm(".to_string()]);
        assert!(complete(&h, "p.").1.iter().all(|n| !n.starts_with('_')));
        assert!(complete(&h, "p.__").1.contains(&"__init__(".to_string()));
        assert!(complete(&h, "nothing.x").1.is_empty());
        assert_eq!(complete(&h, "    ").1, vec!["    ".to_string()]);
    }
}
