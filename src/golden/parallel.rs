// Running many cases at once on a few worker threads, reporting each in order as soon as it is known.

use super::{run_case, Case, Report};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `cases` with `program`, `jobs` at a time. `on_report` sees each report in the
/// order of `cases`, as soon as it and every earlier one have finished.
pub fn run_all(
    program: &Path,
    cases: &[Case],
    jobs: usize,
    mut on_report: impl FnMut(&Report),
) -> Vec<Report> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Report)>();
    let mut done: Vec<Option<Report>> = vec![None; cases.len()];
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, cases.len().max(1)) {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                if tx.send((i, run_case(program, case))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut shown = 0;
        for (i, report) in rx {
            done[i] = Some(report);
            while let Some(Some(r)) = done.get(shown) {
                on_report(r);
                shown += 1;
            }
        }
    });
    done.into_iter().flatten().collect()
}
