// Test cases: finding `X.py` + `X.out` pairs and reading an expectation with its sidecars.
//
// Beside `X.py`:
//     X.out      the expected standard output (required); `<PID>` / `<PID:name>` placeholders
//     X.race     which lines may come in another order (see `race.rs`); default: none
//     X.err      the expected standard error, all of it, with the same placeholders and in
//                order; default: standard error must be empty
//     X.rc       the expected exit status (default 0; -N for death by signal N), or
//                `running`: the script must still
//                be running at its timeout; it is then killed and its output so far must
//                be the start of an allowed order
//     X.timeout  seconds before the script is killed (default 60)

use super::pattern::Pattern;
use super::race::RaceSpec;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default time a script may run.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// How the script should end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    /// Still running when the timeout ends.
    Running,
}

/// What a script should print, and how it should end.
#[derive(Clone, Debug)]
pub struct Expectation {
    pub out_path: PathBuf,
    /// `X.out` as written.
    pub stdout: String,
    pub lines: Vec<Pattern>,
    pub race: RaceSpec,
    /// `X.err` as written; empty when there is none.
    pub stderr: String,
    pub exit: Exit,
    pub timeout: Duration,
}

/// `X.py` and `ext` -> `X.ext`.
pub fn sidecar(script: &Path, ext: &str) -> PathBuf {
    script.with_extension(ext)
}

fn read_optional(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {}", path.display(), e)),
    }
}

/// Splits output into lines (a final newline ends the last line, it does not add one).
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

impl Expectation {
    /// Reads `X.out` and its sidecars `X.race`, `X.err`, `X.rc`, `X.timeout`.
    pub fn load(out_path: &Path) -> Result<Expectation, String> {
        let stdout = read_optional(out_path)?
            .ok_or_else(|| format!("no expected output {}", out_path.display()))?;
        let lines: Vec<Pattern> = stdout.lines().map(Pattern::parse).collect();
        let race_path = sidecar(out_path, "race");
        let race = match read_optional(&race_path)? {
            Some(text) => RaceSpec::parse(&text, lines.len())
                .map_err(|e| format!("{}: {}", race_path.display(), e))?,
            None => RaceSpec::default(),
        };
        let stderr = read_optional(&sidecar(out_path, "err"))?.unwrap_or_default();
        let rc_path = sidecar(out_path, "rc");
        let exit = match read_optional(&rc_path)? {
            None => Exit::Code(0),
            Some(t) if t.trim() == "running" => Exit::Running,
            Some(t) => Exit::Code(t.trim().parse().map_err(|_| {
                format!(
                    "{}: expected an exit status or `running`, found `{}`",
                    rc_path.display(),
                    t.trim()
                )
            })?),
        };
        let timeout_path = sidecar(out_path, "timeout");
        let timeout = match read_optional(&timeout_path)? {
            None => DEFAULT_TIMEOUT,
            Some(t) => t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| {
                    format!(
                        "{}: expected a number of seconds, found `{}`",
                        timeout_path.display(),
                        t.trim()
                    )
                })?,
        };
        Ok(Expectation {
            out_path: out_path.to_path_buf(),
            stdout,
            lines,
            race,
            stderr,
            exit,
            timeout,
        })
    }
}

/// One script to run, with its expectation (or why there is none usable).
#[derive(Clone, Debug)]
pub struct Case {
    pub script: PathBuf,
    pub expect: Result<Expectation, String>,
}

impl Case {
    /// The script with the expectation beside it.
    pub fn beside(script: &Path) -> Case {
        Case {
            script: script.to_path_buf(),
            expect: Expectation::load(&sidecar(script, "out")),
        }
    }

    /// A short name: the script's path as given.
    pub fn name(&self) -> String {
        self.script.display().to_string()
    }

    /// How long the script may run.
    pub fn timeout(&self) -> Duration {
        self.expect
            .as_ref()
            .map(|e| e.timeout)
            .unwrap_or(DEFAULT_TIMEOUT)
    }
}

/// The cases under `paths`: a directory gives every `X.py` with an `X.out` beside it
/// (searched recursively, in name order, skipping hidden folders and `target`); a file
/// is run as given, with or without an `X.out`.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("cannot open {}: {}", path.display(), e))?;
        if meta.is_dir() {
            walk(path, &mut cases)?;
        } else {
            cases.push(Case::beside(path));
        }
    }
    Ok(cases)
}

fn walk(dir: &Path, cases: &mut Vec<Case>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {}", dir.display(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !name.starts_with('.') && name != "target" {
                walk(&path, cases)?;
            }
        } else if name.ends_with(".py") && sidecar(&path, "out").is_file() {
            cases.push(Case::beside(&path));
        }
    }
    Ok(())
}
