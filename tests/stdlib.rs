//! Runs the standard-library programs in tests/stdlib/ and compares their output, byte
//! for byte, with what CPython 3.11 printed (committed beside each program as `.out`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const STDIN: &str = "line one\nline two\n";

fn run(script: &Path) -> (String, String, i32) {
    use std::io::Write;
    let dir = script.parent().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_spindle"))
        .arg(script.file_name().unwrap())
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spindle runs");
    // A program that never reads its input may have exited already.
    let _ = child.stdin.take().unwrap().write_all(STDIN.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.push(root.join("twofile/main.py"));
    v.push(root.join("missing/main.py"));
    v.sort();
    v
}

#[test]
fn stdlib_programs_print_what_cpython_prints() {
    let mut failures = Vec::new();
    let all = programs();
    for script in &all {
        let want = std::fs::read_to_string(script.with_extension("out")).unwrap();
        let (got, err, code) = run(script);
        let name = script.display();
        if got != want {
            failures.push(format!(
                "{}:\n{}stderr:\n{}",
                name,
                spindle::golden::diff::unified(&want, &got, "want (CPython 3.11)", "got (spindle)"),
                err
            ));
            continue;
        }
        let code_file = script.with_extension("code");
        let want_code: i32 = std::fs::read_to_string(&code_file)
            .map(|s| s.trim().parse().unwrap())
            .unwrap_or(0);
        if code != want_code {
            failures.push(format!(
                "{}: exit code {}, want {}\nstderr:\n{}",
                name, code, want_code, err
            ));
        }
        if let Ok(last) = std::fs::read_to_string(script.with_extension("err")) {
            let got_last = err.lines().last().unwrap_or("");
            if got_last != last.trim_end() {
                failures.push(format!(
                    "{}: stderr ends with {:?}, want {:?}",
                    name,
                    got_last,
                    last.trim_end()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
