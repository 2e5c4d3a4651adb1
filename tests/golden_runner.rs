// `spindle test` from the outside: passing and failing cases, readable diffs, PID placeholders, --bless, scripts that must keep running.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    status: i32,
    stdout: String,
}

fn spindle_test(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_spindle"))
        .arg("test")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run spindle test");
    Run {
        status: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// A scratch folder holding `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spindle-golden-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A child prints its PID twice, the parent prints the child's PID once.
const PIDS: &str = "import multiprocessing

def show(tag):
    me = multiprocessing.current_process().pid
    print(f'{tag} {me}')
    print(f'{tag} again {me}')

p = multiprocessing.Process(target=show, args=('child',))
p.start()
p.join()
print(f'parent saw {p.pid}')
print('done')
";

const PIDS_OUT: &str = "child <PID:c>\nchild again <PID:c>\nparent saw <PID:c>\ndone\n";

#[test]
fn a_matching_script_passes() {
    let dir = folder("pass", &[("pids.py", PIDS), ("pids.out", PIDS_OUT)]);
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(r.stdout.contains("ok   "), "{}", r.stdout);
    assert!(r.stdout.ends_with("1 passed, 0 failed\n"), "{}", r.stdout);
}

#[test]
fn a_broken_expected_line_fails_with_a_readable_diff() {
    let broken = PIDS_OUT.replace("done", "finished");
    let dir = folder("broken", &[("pids.py", PIDS), ("pids.out", &broken)]);
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    let out = &r.stdout;
    assert!(out.contains("FAIL "), "{}", out);
    assert!(
        out.contains("stdout line 4 `done` is not what may come there; expected line 4 `finished`"),
        "{}",
        out
    );
    // The diff shows the one changed line; the PIDs that did match read as placeholders.
    assert!(out.contains("+++ actual stdout\n@@ -1,4 +1,4 @@\n child <PID:c>\n child again <PID:c>\n parent saw <PID:c>\n-finished\n+done\n"), "{}", out);
    assert!(out.ends_with("0 passed, 1 failed\n"), "{}", out);
}

#[test]
fn the_same_pid_name_must_be_the_same_number() {
    let two = PIDS_OUT.replace("parent saw <PID:c>", "parent saw <PID:p>");
    let dir = folder("pidnames", &[("pids.py", PIDS), ("pids.out", &two)]);
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(r.stdout.contains("stdout line 3"), "{}", r.stdout);
}

#[test]
fn lines_may_swap_only_where_the_race_file_says() {
    let script = "print('a')\nprint('b')\nprint('c')\n";
    let dir = folder(
        "race",
        &[
            ("ok.py", script),
            ("ok.out", "b\na\nc\n"),
            ("ok.race", "# a and b race\nany 1 2\n"),
            ("bad.py", script),
            ("bad.out", "a\nc\nb\n"),
            ("bad.race", "any 1 2\n"),
        ],
    );
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("FAIL ") && r.stdout.contains("bad.py"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("1 passed, 1 failed\n"), "{}", r.stdout);
}

#[test]
fn a_bad_race_file_is_reported() {
    let dir = folder(
        "badrace",
        &[
            ("x.py", "print(1)\n"),
            ("x.out", "1\n"),
            ("x.race", "any 1 2\n"),
        ],
    );
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("x.race: line 1: line 2 is outside 1-1"),
        "{}",
        r.stdout
    );
}

#[test]
fn exit_status_and_stderr_are_checked() {
    let script = "print('before')\nraise ValueError('boom')\n";
    let dir = folder("status", &[("x.py", script), ("x.out", "before\n")]);
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("exit status 1, expected exit status 0"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("+ValueError: boom"), "{}", r.stdout);
}

#[test]
fn bless_writes_the_expectation_then_it_passes() {
    let script = "print('out')\nraise ValueError('boom')\n";
    let dir = folder("bless", &[("x.py", script)]);
    let file = dir.join("x.py");
    let r = spindle_test(&[arg(&file)]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("no expected output"), "{}", r.stdout);
    let r = spindle_test(&["--bless", arg(&file)]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(r.stdout.contains("wrote out, err, rc"), "{}", r.stdout);
    assert_eq!(std::fs::read_to_string(dir.join("x.out")).unwrap(), "out\n");
    assert_eq!(std::fs::read_to_string(dir.join("x.rc")).unwrap(), "1\n");
    assert!(std::fs::read_to_string(dir.join("x.err"))
        .unwrap()
        .ends_with("ValueError: boom\n"));
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(r.stdout.ends_with("1 passed, 0 failed\n"));
}

/// Prints a line, then waits forever in a child and in the parent.
const WAITS: &str = "import multiprocessing
e = multiprocessing.Event()
p = multiprocessing.Process(target=e.wait)
p.start()
print('waiting')
e.wait()
";

#[test]
fn a_script_that_must_keep_running_is_killed_at_its_timeout() {
    let dir = folder(
        "running",
        &[
            ("w.py", WAITS),
            ("w.out", "waiting\nnever printed\n"),
            ("w.rc", "running\n"),
            ("w.timeout", "1\n"),
        ],
    );
    let start = std::time::Instant::now();
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(start.elapsed().as_secs() < 10);
    // Without `running`, the same script fails at its timeout.
    std::fs::remove_file(dir.join("w.rc")).unwrap();
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("still running after 1s: killed"),
        "{}",
        r.stdout
    );
}

#[test]
fn no_cases_is_a_failure() {
    let dir = folder("empty", &[("x.py", "print(1)\n")]);
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.ends_with("0 passed, 0 failed\n"), "{}", r.stdout);
}

#[test]
fn a_broken_line_in_a_listing_copy_fails_with_a_readable_diff() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/tutorial");
    let script = std::fs::read_to_string(root.join("09_lock.py")).unwrap();
    let dir = folder(
        "listing",
        &[("09_lock.py", &script), ("09_lock.out", "最终结果: 1\n")],
    );
    let r = spindle_test(&[arg(&dir)]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("-最终结果: 1\n+最终结果: 0\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("0 passed, 1 failed\n"), "{}", r.stdout);
}

#[test]
fn help_describes_the_expectation_files() {
    let r = spindle_test(&["--help"]);
    assert_eq!(r.status, 0);
    for word in [
        "X.out",
        "X.race",
        "X.err",
        "X.rc",
        "X.timeout",
        "--bless",
        "<PID:name>",
    ] {
        assert!(
            r.stdout.contains(word),
            "{} missing from:\n{}",
            word,
            r.stdout
        );
    }
    let r = spindle_test(&["--no-such-option"]);
    assert_eq!(r.status, 2);
}
