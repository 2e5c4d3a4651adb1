// The golden-output runner: scripts checked against expected output, with PID placeholders and exact race rules.
//
// Shared by `spindle test` and the cargo tests. A case is `X.py` with `X.out` beside it
// (and optional `X.race`, `X.err`, `X.rc`, `X.timeout`: see `case.rs` and `race.rs`).

pub mod bless;
pub mod case;
pub mod checks;
pub mod cli;
pub mod diff;
pub mod exec;
pub mod matcher;
pub mod parallel;
pub mod pattern;
pub mod race;
pub mod verify;

pub use case::{discover, Case, Exit, Expectation};
pub use exec::Outcome;
pub use verify::Failure;

use std::path::Path;

/// One case after its run.
#[derive(Clone, Debug)]
pub struct Report {
    pub case: Case,
    /// The run, or why the script could not be started.
    pub outcome: Result<Outcome, String>,
    pub verdict: Result<(), Failure>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.verdict.is_ok()
    }
}

/// Runs one case with `program` and judges it.
pub fn run_case(program: &Path, case: &Case) -> Report {
    let outcome = exec::run(program, &case.script, case.timeout())
        .map_err(|e| format!("cannot run {}: {}", program.display(), e));
    let verdict = match (&case.expect, &outcome) {
        (Err(e), _) | (_, Err(e)) => Err(Failure {
            reasons: vec![e.clone()],
            diff: String::new(),
        }),
        (Ok(exp), Ok(out)) => verify::verify(exp, out),
    };
    Report {
        case: case.clone(),
        outcome,
        verdict,
    }
}
