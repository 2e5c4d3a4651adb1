//! Multiprocessing golden tests: every program in tests/mp/ runs under spindle and its
//! output is compared with what CPython 3.11 printed for it (`NAME.out`, committed).
//! `NAME.err` holds lines that must appear in stderr in that order, the last of them
//! being stderr's last line; `NAME.rc` the exit status (0 when absent). Programs run
//! several at a time, each in its own process group, with a time limit.
//!
//! Also here: the process-tree tests of a main process killed by SIGKILL and of a
//! Ctrl-C (SIGINT to the foreground group) while children sleep.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(90);
const PARALLEL: usize = 3;

fn spindle(script: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spindle"));
    c.arg(script.file_name().unwrap())
        .current_dir(script.parent().unwrap())
        .stdin(Stdio::null())
        .process_group(0);
    c
}

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
    timed_out: bool,
    /// Some process of the program's group was still running 5 s after it ended.
    left_behind: bool,
}

/// Runs `cmd` to its end or to `limit`, then kills its whole process group.
fn run_limited(mut cmd: Command, limit: Duration) -> Outcome {
    use std::io::Read;
    let dir = tempdir();
    let (out_path, err_path) = (dir.join("stdout"), dir.join("stderr"));
    cmd.stdout(std::fs::File::create(&out_path).unwrap());
    cmd.stderr(std::fs::File::create(&err_path).unwrap());
    let mut child = cmd.spawn().expect("spindle runs");
    let pgid = child.id() as i32;
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            timed_out = true;
            unsafe { libc::kill(-pgid, libc::SIGKILL) };
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    // Anything of the group still running (a stray child) is ended too.
    let left_behind = !wait_group_gone(pgid, Duration::from_secs(5));
    unsafe { libc::kill(-pgid, libc::SIGKILL) };
    let mut stdout = String::new();
    let mut stderr = String::new();
    std::fs::File::open(&out_path)
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    std::fs::File::open(&err_path)
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    use std::os::unix::process::ExitStatusExt;
    let code = status
        .code()
        .unwrap_or_else(|| -status.signal().unwrap_or(0));
    Outcome {
        stdout,
        stderr,
        code,
        timed_out,
        left_behind,
    }
}

fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "spindle-mp-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Whether any process of group `pgid` exists.
fn group_alive(pgid: i32) -> bool {
    unsafe { libc::kill(-pgid, 0) == 0 }
}

fn wait_group_gone(pgid: i32, limit: Duration) -> bool {
    let start = Instant::now();
    while group_alive(pgid) {
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// Checks stderr against the `.err` lines: each appears, in order; the last is last.
fn check_stderr(stderr: &str, want: &str) -> Result<(), String> {
    let want: Vec<&str> = want.lines().filter(|l| !l.is_empty()).collect();
    let got: Vec<&str> = stderr.lines().collect();
    let mut at = 0;
    for w in &want {
        match got[at..].iter().position(|g| g == w) {
            Some(p) => at += p + 1,
            None => return Err(format!("  stderr lacks (in order): {}\n", w)),
        }
    }
    if let Some(last) = want.last() {
        if got.last() != Some(last) {
            return Err(format!(
                "  stderr's last line is {:?}, want {:?}\n",
                got.last(),
                last
            ));
        }
    }
    Ok(())
}

fn check(script: &Path) -> Result<(), String> {
    let want = std::fs::read_to_string(script.with_extension("out")).unwrap();
    let o = run_limited(spindle(script), LIMIT);
    let mut problems = String::new();
    if o.timed_out {
        problems.push_str(&format!("  still running after {:?}\n", LIMIT));
    }
    if o.left_behind && !o.timed_out {
        problems.push_str("  a process was left behind\n");
    }
    if o.stdout != want {
        problems.push_str(&spindle::golden::diff::unified(
            &want,
            &o.stdout,
            "want",
            "got (spindle)",
        ));
    }
    let want_code: i32 = std::fs::read_to_string(script.with_extension("rc"))
        .map(|s| s.trim().parse().unwrap())
        .unwrap_or(0);
    if o.code != want_code {
        problems.push_str(&format!("  exit status {}, want {}\n", o.code, want_code));
    }
    match std::fs::read_to_string(script.with_extension("err")) {
        Ok(want_err) => {
            if let Err(e) = check_stderr(&o.stderr, &want_err) {
                problems.push_str(&e);
            }
        }
        Err(_) => {
            if !o.stderr.is_empty() {
                problems.push_str("  unexpected stderr\n");
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}:\n{}  stderr:\n{}",
            script.file_name().unwrap().to_string_lossy(),
            problems,
            o.stderr
        ))
    }
}

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mp");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.with_extension("out").exists())
        .collect();
    v.sort();
    v
}

#[test]
fn mp_programs_print_what_cpython_prints() {
    let todo = Arc::new(Mutex::new(programs()));
    let total = todo.lock().unwrap().len();
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..PARALLEL)
        .map(|_| {
            let todo = todo.clone();
            let failures = failures.clone();
            std::thread::spawn(move || loop {
                let next = todo.lock().unwrap().pop();
                let Some(script) = next else { break };
                if let Err(e) = check(&script) {
                    failures.lock().unwrap().push(e);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        total,
        failures.join("\n")
    );
}

fn write_script(name: &str, text: &str) -> PathBuf {
    let dir = tempdir();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Pids of the processes whose parent is `ppid` (from /proc).
fn children_of(ppid: i32) -> Vec<i32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{}/stat", pid)) else {
            continue;
        };
        // pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 1 && fields[0] != "Z" && fields[1].parse() == Ok(ppid) {
            out.push(pid);
        }
    }
    out
}

fn alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{}/stat", pid)) {
        Ok(stat) => {
            let state = stat
                .rsplit_once(')')
                .map(|(_, r)| r.trim_start())
                .unwrap_or("");
            !state.starts_with('Z') && !state.starts_with('X')
        }
        Err(_) => false,
    }
}

/// Waits until `path` holds at least `n` lines.
fn wait_lines(path: &Path, n: usize, limit: Duration) -> String {
    let start = Instant::now();
    loop {
        let s = std::fs::read_to_string(path).unwrap_or_default();
        if s.lines().count() >= n || start.elapsed() > limit {
            return s;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn start_with_children(script: &Path, out: &Path, err: &Path) -> Child {
    spindle(script)
        .stdout(std::fs::File::create(out).unwrap())
        .stderr(std::fs::File::create(err).unwrap())
        .spawn()
        .unwrap()
}

const SLEEPING_CHILDREN: &str = r#"
import multiprocessing as mp
import time

def sleeper(i):
    print('child', i, 'sleeping', flush=True)
    time.sleep(60)

if __name__ == '__main__':
    ps = [mp.Process(target=sleeper, args=(i,)) for i in range(3)]
    for p in ps:
        p.start()
    d = mp.Process(target=sleeper, args=(3,), daemon=True)
    d.start()
    time.sleep(60)
"#;

#[test]
fn children_die_with_a_main_killed_by_sigkill() {
    let script = write_script("sleepers.py", SLEEPING_CHILDREN);
    let dir = script.parent().unwrap().to_path_buf();
    let (out, err) = (dir.join("out"), dir.join("err"));
    let mut main = start_with_children(&script, &out, &err);
    let text = wait_lines(&out, 4, Duration::from_secs(30));
    assert_eq!(text.lines().count(), 4, "children did not start: {}", text);
    let kids = children_of(main.id() as i32);
    assert_eq!(kids.len(), 4, "four children expected: {:?}", kids);
    unsafe { libc::kill(main.id() as i32, libc::SIGKILL) };
    main.wait().unwrap();
    std::thread::sleep(Duration::from_secs(1));
    let left: Vec<i32> = kids.into_iter().filter(|&k| alive(k)).collect();
    unsafe { libc::kill(-(main.id() as i32), libc::SIGKILL) };
    let _ = std::fs::remove_dir_all(&dir);
    assert!(left.is_empty(), "children left a second after: {:?}", left);
}

#[test]
fn ctrl_c_ends_the_whole_tree_quietly() {
    let script = write_script("sleepers.py", SLEEPING_CHILDREN);
    let dir = script.parent().unwrap().to_path_buf();
    let (out, err) = (dir.join("out"), dir.join("err"));
    let mut main = start_with_children(&script, &out, &err);
    let pgid = main.id() as i32;
    let text = wait_lines(&out, 4, Duration::from_secs(30));
    assert_eq!(text.lines().count(), 4, "children did not start: {}", text);
    let kids = children_of(pgid);
    assert_eq!(kids.len(), 4, "four children expected: {:?}", kids);
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground group.
    unsafe { libc::kill(-pgid, libc::SIGINT) };
    let start = Instant::now();
    let status = loop {
        if let Some(s) = main.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > Duration::from_secs(10) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let gone = wait_group_gone(pgid, Duration::from_secs(2));
    unsafe { libc::kill(-pgid, libc::SIGKILL) };
    let stderr = std::fs::read_to_string(&err).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let status = status.expect("main still running 10 s after SIGINT");
    assert!(gone, "processes of the group left behind");
    // The main reports KeyboardInterrupt once, as CPython does; no child reports anything.
    assert_eq!(
        stderr.matches("Traceback").count(),
        1,
        "one traceback (the main's) expected:\n{}",
        stderr
    );
    assert_eq!(
        stderr.lines().last(),
        Some("KeyboardInterrupt"),
        "{}",
        stderr
    );
    assert!(!stderr.contains("Process Process-"), "{}", stderr);
    use std::os::unix::process::ExitStatusExt;
    assert!(
        status.code() == Some(130)
            || status.signal() == Some(libc::SIGINT)
            || status.code() == Some(1),
        "exit status {:?}",
        status
    );
}
