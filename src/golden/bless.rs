// `spindle test --bless`: the current output becomes the expectation.

use super::case::sidecar;
use super::Report;
use std::path::Path;

fn write_or_remove(path: &Path, text: Option<&str>) -> std::io::Result<()> {
    match text {
        Some(t) => std::fs::write(path, t),
        None => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

/// Writes `X.out` from the run's stdout, `X.err` when stderr is not empty and `X.rc`
/// when the status is not 0 (`running` when it was killed at its timeout), removing
/// an `X.err` or `X.rc` the new expectation no longer needs. `X.race` and `X.timeout`
/// are left alone. Returns what it wrote, for the report.
pub fn bless(report: &Report) -> Result<String, String> {
    let out = report.outcome.as_ref().map_err(|e| e.clone())?;
    let script = &report.case.script;
    let io = |e: std::io::Error| {
        format!(
            "cannot write the expectation of {}: {}",
            script.display(),
            e
        )
    };
    write_or_remove(&sidecar(script, "out"), Some(&out.stdout)).map_err(io)?;
    let err = (!out.stderr.is_empty()).then_some(out.stderr.as_str());
    write_or_remove(&sidecar(script, "err"), err).map_err(io)?;
    let rc = if out.timed_out {
        Some("running\n".to_string())
    } else {
        match (out.code, out.signal) {
            (Some(0), _) => None,
            (Some(c), _) => Some(format!("{}\n", c)),
            (None, Some(s)) => Some(format!("{}\n", -s)),
            (None, None) => None,
        }
    };
    write_or_remove(&sidecar(script, "rc"), rc.as_deref()).map_err(io)?;
    let mut wrote = vec!["out"];
    if err.is_some() {
        wrote.push("err");
    }
    if rc.is_some() {
        wrote.push("rc");
    }
    let mut note = format!("wrote {}", wrote.join(", "));
    if sidecar(script, "race").is_file() {
        note.push_str("; kept its .race: check the line numbers still fit");
    }
    Ok(note)
}
