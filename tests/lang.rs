// The language corpus: every tests/lang/NAME.py runs under spindle and must print
// exactly what CPython 3.11 printed (NAME.out). A program that fails also has NAME.rc
// (the exit status) and, when it writes to stderr, NAME.err (the last stderr line);
// NAME.trace, where present, is CPython's whole stderr without its `^~~~` marker
// lines, which must equal spindle's stderr without its drawn source snippet.
// The expectations were generated once with python3 and are committed; no Python is
// needed to run this test. LANG_ONLY=substring runs only the matching programs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<i32>,
}

/// The shared unified diff: `-` CPython's output, `+` spindle's.
fn diff(want: &str, got: &str) -> String {
    spindle::golden::diff::unified(want, got, "want (CPython 3.11)", "got (spindle)")
}

fn run(path: &Path) -> Result<Outcome, String> {
    // Run from the program's folder so tracebacks name it as CPython did.
    let mut child = Command::new(env!("CARGO_BIN_EXE_spindle"))
        .current_dir(path.parent().expect("a folder"))
        .arg(path.file_name().expect("a file name"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start spindle: {e}"))?;
    // Drain both pipes on their own threads so a chatty program cannot block.
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let code = status.code().or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        status.signal().map(|s| 128 + s)
    });
    Ok(Outcome {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        status: code,
    })
}

fn check(py: &Path) -> Result<(), String> {
    let want_out = std::fs::read(py.with_extension("out")).map_err(|e| format!("no .out: {e}"))?;
    let want_rc: i32 = match std::fs::read_to_string(py.with_extension("rc")) {
        Ok(s) => s.trim().parse().map_err(|e| format!("bad .rc: {e}"))?,
        Err(_) => 0,
    };
    let want_err = std::fs::read_to_string(py.with_extension("err")).ok();
    let got = run(py)?;
    let mut problems = Vec::new();
    if got.stdout != want_out {
        problems.push(format!(
            "stdout differs:\n{}",
            diff(
                &String::from_utf8_lossy(&want_out),
                &String::from_utf8_lossy(&got.stdout)
            )
        ));
    }
    if got.status != Some(want_rc) {
        problems.push(format!("exit status: want {want_rc}, got {:?}", got.status));
    }
    let stderr = String::from_utf8_lossy(&got.stderr);
    match &want_err {
        Some(line) => {
            let last = stderr.lines().last().unwrap_or("");
            if last != line.trim_end_matches('\n') {
                problems.push(format!(
                    "last stderr line: want {:?}, got {:?}",
                    line.trim_end(),
                    last
                ));
            }
        }
        None if !stderr.is_empty() => problems.push("unexpected stderr".to_string()),
        None => {}
    }
    if let Ok(trace) = std::fs::read_to_string(py.with_extension("trace")) {
        let drawn = |l: &&str| {
            let t = l.trim_start_matches(|c: char| c == ' ' || c.is_ascii_digit());
            t.starts_with(['│', '╭', '╰', '─'])
        };
        let mut shown: String = stderr.split_inclusive('\n').filter(|l| !drawn(l)).collect();
        // The trace files name the corpus folder `{DIR}`.
        let dir = py.parent().expect("a folder");
        for d in [dir.canonicalize().ok(), Some(dir.to_path_buf())]
            .into_iter()
            .flatten()
        {
            shown = shown.replace(&format!("{}/", d.display()), "{DIR}/");
        }
        if shown != trace {
            problems.push(format!("traceback differs:\n{}", diff(&trace, &shown)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        if !stderr.is_empty() {
            problems.push(format!("stderr was:\n{stderr}"));
        }
        Err(problems.join("\n"))
    }
}

#[test]
fn corpus_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang");
    let only = std::env::var("LANG_ONLY").ok();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/lang exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("py"))
        .filter(|p| {
            only.as_deref()
                .is_none_or(|o| p.to_string_lossy().contains(o))
        })
        .collect();
    programs.sort();
    if only.is_none() {
        assert!(programs.len() >= 30, "only {} programs", programs.len());
    }
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(py) = programs.get(i) else { break };
                if let Err(msg) = check(py) {
                    let name = py.file_name().unwrap_or_default().to_string_lossy();
                    failures
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((name.to_string(), msg));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    for (name, msg) in &failures {
        eprintln!("==== {name} ====\n{msg}\n");
    }
    let names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython: {}",
        failures.len(),
        programs.len(),
        names.join(", ")
    );
}
