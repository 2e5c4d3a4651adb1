// Judging one run against its expectation: exit status, stdout under the race rules, named checks, stderr.

use super::case::{split_lines, Exit, Expectation};
use super::checks;
use super::diff;
use super::exec::Outcome;
use super::matcher::{match_output, Mismatch};
use super::pattern::{Bindings, Pattern};
use super::race::RaceSpec;

/// Why a run failed, and the diffs to show.
#[derive(Clone, Debug, Default)]
pub struct Failure {
    pub reasons: Vec<String>,
    /// Unified diffs (expected vs actual, placeholders put back where they fit).
    pub diff: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for r in &self.reasons {
            writeln!(f, "  {}", r)?;
        }
        if !self.diff.is_empty() {
            write!(f, "{}", self.diff)?;
        }
        Ok(())
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}...", s.chars().take(120).collect::<String>())
    } else {
        s.to_string()
    }
}

fn explain(what: &str, m: &Mismatch, pats: &[Pattern], actual: &[String]) -> String {
    if m.gave_up {
        return format!("{}: the race rules allow too many orders to try", what);
    }
    let wanted: Vec<String> = m
        .wanted
        .iter()
        .take(4)
        .map(|&l| format!("line {} `{}`", l + 1, clip(pats[l].text())))
        .collect();
    let more = if m.wanted.len() > 4 { ", ..." } else { "" };
    match actual.get(m.actual_line) {
        None => format!(
            "{} ended after {} lines; expected next: {}{}",
            what,
            actual.len(),
            wanted.join(" or "),
            more
        ),
        Some(line) if wanted.is_empty() => format!(
            "{} line {} `{}` is extra: the expected output has ended",
            what,
            m.actual_line + 1,
            clip(line)
        ),
        Some(line) => format!(
            "{} line {} `{}` is not what may come there; expected {}{}",
            what,
            m.actual_line + 1,
            clip(line),
            wanted.join(" or "),
            more
        ),
    }
}

/// The actual output with numbers shown as the placeholders they match, so a diff shows
/// only real differences. A `<PID:name>` is put back only where its number is the one
/// that name first matched and no other name has it.
pub fn redact(expected: &[Pattern], actual: &str) -> String {
    let mut seen = Bindings::default();
    let mut out = String::new();
    for line in actual.lines() {
        let shown = expected
            .iter()
            .filter(|p| p.has_placeholders())
            .find_map(|p| {
                let mut b = Bindings::default();
                if !p.matches(line, &mut b) {
                    return None;
                }
                let mark = seen.len();
                for (name, value) in b.pairs() {
                    if !seen.bind(name, value) {
                        seen.truncate(mark);
                        return None;
                    }
                }
                Some(p.text().to_string())
            })
            .unwrap_or_else(|| line.to_string());
        out.push_str(&shown);
        out.push('\n');
    }
    if !actual.ends_with('\n') && !out.is_empty() {
        out.pop();
    }
    out
}

/// Whether `stdout` follows the expected lines in an order the race rules allow and
/// passes the named checks. With `prefix`, it may stop early (a run that was killed).
pub fn stdout_fits(exp: &Expectation, stdout: &str, prefix: bool) -> Result<(), String> {
    let actual = split_lines(stdout);
    match match_output(&exp.lines, &exp.race, &actual, prefix) {
        Ok(_) => {
            for check in &exp.race.checks {
                checks::run(check, &actual)?;
            }
            Ok(())
        }
        Err(m) => Err(explain("stdout", &m, &exp.lines, &actual)),
    }
}

/// Checks `out` against `exp`.
pub fn verify(exp: &Expectation, out: &Outcome) -> Result<(), Failure> {
    let mut fail = Failure::default();
    let secs = exp.timeout.as_secs_f64();
    let prefix = exp.exit == Exit::Running;
    match exp.exit {
        Exit::Running if !out.timed_out => fail.reasons.push(format!(
            "the script should still be running after {}s, but it ended ({})",
            secs,
            status_text(out)
        )),
        Exit::Running => {}
        Exit::Code(_) if out.timed_out => fail
            .reasons
            .push(format!("still running after {}s: killed", secs)),
        Exit::Code(want) => {
            if out.code.or(out.signal.map(|s| -s)) != Some(want) {
                fail.reasons.push(format!(
                    "{}, expected exit status {}",
                    status_text(out),
                    want
                ));
            }
        }
    }

    let mut stdout_bad = false;
    if let Err(e) = stdout_fits(exp, &out.stdout, prefix) {
        fail.reasons.push(e);
        stdout_bad = true;
    }
    if !stdout_bad
        && !prefix
        && !out.stdout.is_empty()
        && exp.stdout.ends_with('\n') != out.stdout.ends_with('\n')
    {
        fail.reasons
            .push("stdout: the last line differs in its final newline".into());
        stdout_bad = true;
    }
    if stdout_bad {
        fail.diff.push_str(&diff::unified(
            &exp.stdout,
            &redact(&exp.lines, &out.stdout),
            &format!("{} (expected stdout)", exp.out_path.display()),
            "actual stdout",
        ));
    }

    let err_pats: Vec<Pattern> = exp.stderr.lines().map(Pattern::parse).collect();
    let err_actual = split_lines(&out.stderr);
    if let Err(m) = match_output(&err_pats, &RaceSpec::default(), &err_actual, prefix) {
        fail.reasons
            .push(explain("stderr", &m, &err_pats, &err_actual));
        fail.diff.push_str(&diff::unified(
            &exp.stderr,
            &redact(&err_pats, &out.stderr),
            "expected stderr",
            "actual stderr",
        ));
    }

    if fail.reasons.is_empty() {
        Ok(())
    } else {
        Err(fail)
    }
}

/// "exit status 1" / "killed by signal 9".
pub fn status_text(out: &Outcome) -> String {
    match (out.code, out.signal) {
        (Some(c), _) => format!("exit status {}", c),
        (None, Some(s)) => format!("killed by signal {}", s),
        (None, None) => "no exit status".into(),
    }
}
