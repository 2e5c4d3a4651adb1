// Golden-output tests for the methods of the built-in types: each tests/methods/NAME.py
// must print exactly NAME.out (recorded from CPython 3.11).

use std::path::Path;
use std::process::Command;

#[test]
fn methods_print_what_cpython_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/methods");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/methods exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 7, "only {} programs", programs.len());
    let mut failures = Vec::new();
    for path in &programs {
        let want = std::fs::read_to_string(path.with_extension("out"))
            .expect("golden .out next to each .py");
        let run = Command::new(env!("CARGO_BIN_EXE_spindle"))
            .arg(path)
            .output()
            .expect("spindle runs");
        let got = String::from_utf8_lossy(&run.stdout);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        if got != want || !run.status.success() {
            failures.push(format!(
                "{name} (exit {:?}):\n{}{}",
                run.status.code(),
                spindle::golden::diff::unified(&want, &got, "want (CPython 3.11)", "got (spindle)"),
                String::from_utf8_lossy(&run.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
