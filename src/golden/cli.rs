// `spindle test [--bless] [-j N] [--with PROGRAM] [PATH...]`: the golden runner on the command line.

use super::{bless, discover, parallel, Report};
use std::path::PathBuf;

pub const HELP: &str = "usage: spindle test [--bless] [-j N] [--with PROGRAM] [PATH...]

Run every X.py that has an X.out beside it and compare what it prints with X.out.
A PATH that is a folder is searched (with its subfolders) for X.py + X.out pairs; a
PATH that is a file is run as given. The default PATH is the current folder.

Beside X.py:
  X.out      the expected standard output. `<PID>` matches any number; `<PID:name>`
             matches a number that must be the same everywhere the same name is used,
             and differ from the numbers of other names.
  X.race     lines that may come in another order, one rule a line (lines of X.out
             are numbered from 1; `#` starts a comment):
               any 4 5              lines 4 and 5 in either order
               any 1-5 6-8          the two blocks in either order, each kept whole
               shuffle 1-30         lines 1 to 30 in any order
               interleave 9,11-12 10  line 10 anywhere among 9, 11, 12 (kept in order)
               either 4-5 6-7       exactly one of the blocks (a race whose two orders
                                    print different text: X.out holds both versions)
               optional 7           line 7 may be missing
               check semaphore 3 WAIT ACQUIRE RELEASE
                                    per actor (the text before the word) WAIT, ACQUIRE,
                                    RELEASE in that order, never more than 3 holding
             Every other line must be exactly where it is in X.out.
  X.err      the expected standard error, all of it (default: empty)
  X.rc       the expected exit status (default 0; -N for death by signal N), or
             `running`: the script must still be running at its timeout, and what it printed must be a start of X.out
  X.timeout  seconds before the script is killed (default 60)

Scripts run in their own folder with standard input empty, several at once.

Options:
  --bless          write the current output as the expectation of every failing case
                   (X.out, plus X.err and X.rc when they are not empty and 0); then put
                   <PID> placeholders and X.race rules in by hand
  -j, --jobs N     run N scripts at once (default: 4 per CPU)
  --with PROGRAM   run the scripts with PROGRAM instead of this spindle (python3, to
                   check that expectations hold for CPython)
  -h, --help       print this help

Prints a unified diff and the reason for each failure, then `N passed, M failed`.
Exit status: 0 when every case passed, 1 otherwise, 2 for a usage error.
";

/// Runs `spindle test` with the arguments after `test`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut bless_mode = false;
    let mut jobs = std::thread::available_parallelism().map_or(2, |n| n.get()) * 4;
    let mut program: Option<PathBuf> = None;
    let usage = |msg: String| {
        eprintln!(
            "spindle test: {}\n{}",
            msg,
            HELP.lines().next().unwrap_or("")
        );
        2
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{}", HELP);
                return 0;
            }
            "--bless" => bless_mode = true,
            "-j" | "--jobs" => match it.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => jobs = n,
                _ => return usage(format!("{} needs a positive number", arg)),
            },
            "--with" => match it.next() {
                Some(p) => program = Some(PathBuf::from(p)),
                None => return usage("--with needs a program".into()),
            },
            "--" => paths.extend(it.by_ref().map(PathBuf::from)),
            opt if opt.starts_with('-') && opt.len() > 1 => {
                return usage(format!("unknown option {}", opt))
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let program = match program {
        Some(p) => p,
        None => match std::env::current_exe() {
            Ok(p) => p,
            Err(e) => {
                eprintln!("spindle test: cannot find this program: {}", e);
                return 2;
            }
        },
    };
    let cases = match discover(&paths) {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    if cases.is_empty() {
        println!("no X.py with an X.out beside it was found");
        println!("0 passed, 0 failed");
        return 1;
    }
    let (mut passed, mut failed) = (0, 0);
    parallel::run_all(&program, &cases, jobs, |r: &Report| {
        let secs = r.outcome.as_ref().map_or(0.0, |o| o.elapsed.as_secs_f64());
        match &r.verdict {
            Ok(()) => {
                passed += 1;
                println!("ok   {} ({:.1}s)", r.case.name(), secs);
            }
            Err(f) if bless_mode => match bless::bless(r) {
                Ok(note) => {
                    passed += 1;
                    println!("bless {} ({:.1}s): {}", r.case.name(), secs, note);
                }
                Err(e) => {
                    failed += 1;
                    println!("FAIL {} ({:.1}s)\n  {}\n{}", r.case.name(), secs, e, f);
                }
            },
            Err(f) => {
                failed += 1;
                println!("FAIL {} ({:.1}s)\n{}", r.case.name(), secs, f);
            }
        }
    });
    println!("{} passed, {} failed", passed, failed);
    i32::from(failed > 0)
}
