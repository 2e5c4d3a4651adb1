// The tutorial's listings under golden-output tests: each runs under spindle and must print what CPython prints.
//
// All listings start together on the first test that needs one, so the suite takes about
// as long as its longest listing; each test then judges its own listing.

use spindle::golden::{self, verify, Case, Expectation, Report};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct Listing {
    test: &'static str,
    script: &'static str,
    /// The folder of the expectation (`X.out` and sidecars).
    expect_dir: &'static str,
    ignored: bool,
}

macro_rules! listings {
    ($( $(#[ignore = $why:literal])? fn $name:ident($script:literal, $dir:expr); )*) => {
        const LISTINGS: &[Listing] = &[$(
            Listing {
                test: stringify!($name),
                script: $script,
                expect_dir: $dir,
                ignored: false $(|| !$why.is_empty())?,
            },
        )*];
        $(
            #[test]
            $(#[ignore = $why])?
            fn $name() {
                check(stringify!($name));
            }
        )*
    };
}

const TUTORIAL: &str = "scripts/tutorial";
/// Expectations of the two listings that wait forever: what they print before.
const HANGS: &str = "tests/tutorial_hangs";

listings! {
    fn listing_01_process_subclass("01_process_subclass", TUTORIAL);
    fn listing_02_process_target("02_process_target", TUTORIAL);
    fn listing_03_daemon("03_daemon", TUTORIAL);
    fn listing_04_queue("04_queue", TUTORIAL);
    fn listing_05_pipe_waits_forever("05_pipe", HANGS);
    fn listing_05_pipe_fixed("05_pipe_fixed", TUTORIAL);
    fn listing_06_shared_value("06_shared_value", TUTORIAL);
    fn listing_07_shared_array("07_shared_array", TUTORIAL);
    fn listing_08_manager("08_manager", TUTORIAL);
    fn listing_09_lock("09_lock", TUTORIAL);
    fn listing_10_rlock("10_rlock", TUTORIAL);
    fn listing_11_semaphore("11_semaphore", TUTORIAL);
    fn listing_12_event("12_event", TUTORIAL);
    fn listing_13_condition_waits_forever("13_condition", HANGS);
    fn listing_13_condition_fixed("13_condition_fixed", TUTORIAL);
    fn listing_14_barrier("14_barrier", TUTORIAL);
    fn listing_15_pool_apply_async("15_pool_apply_async", TUTORIAL);
    fn listing_16_pool_map("16_pool_map", TUTORIAL);
    fn listing_17_pool_imap("17_pool_imap", TUTORIAL);
    fn listing_18_pool_apply("18_pool_apply", TUTORIAL);
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn case(l: &Listing) -> Case {
    let script = root().join(TUTORIAL).join(format!("{}.py", l.script));
    let out = root().join(l.expect_dir).join(format!("{}.out", l.script));
    Case {
        script,
        expect: Expectation::load(&out),
    }
}

/// Every listing that is not ignored, run at once (started by the first test that asks).
fn batch() -> &'static HashMap<&'static str, Report> {
    static BATCH: OnceLock<HashMap<&'static str, Report>> = OnceLock::new();
    BATCH.get_or_init(|| {
        let chosen: Vec<&Listing> = LISTINGS.iter().filter(|l| !l.ignored).collect();
        let cases: Vec<Case> = chosen.iter().map(|l| case(l)).collect();
        let bin = Path::new(env!("CARGO_BIN_EXE_spindle"));
        let reports = golden::parallel::run_all(bin, &cases, cases.len(), |_| {});
        chosen.iter().map(|l| l.test).zip(reports).collect()
    })
}

fn check(test: &str) {
    let listing = LISTINGS.iter().find(|l| l.test == test).expect("listed");
    let report = if listing.ignored {
        // Asked for by name (`--ignored`): run it on its own.
        golden::run_case(Path::new(env!("CARGO_BIN_EXE_spindle")), &case(listing))
    } else {
        batch()[test].clone()
    };
    if let Err(failure) = &report.verdict {
        let mut msg = format!("{} failed:\n{}", report.case.name(), failure);
        if let Ok(out) = &report.outcome {
            if !out.stderr.is_empty() && !failure.diff.contains("actual stderr") {
                msg.push_str(&format!("stderr:\n{}", out.stderr));
            }
        }
        panic!("{}", msg);
    }
}

#[test]
fn every_listing_that_finishes_has_an_expectation_and_the_two_that_hang_have_none() {
    let cases = golden::discover(&[root().join(TUTORIAL)]).unwrap();
    let mut names: Vec<String> = cases
        .iter()
        .map(|c| c.script.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 18, "{:?}", names);
    for c in &cases {
        if let Err(e) = &c.expect {
            panic!("{}: {}", c.name(), e);
        }
    }
    for hang in ["05_pipe", "13_condition"] {
        assert!(!names.iter().any(|n| n == hang));
        Expectation::load(&root().join(HANGS).join(format!("{}.out", hang))).unwrap();
    }
    for l in LISTINGS {
        assert!(root()
            .join(TUTORIAL)
            .join(format!("{}.py", l.script))
            .is_file());
    }
}

/// The expectation a recorded CPython run belongs to: `NN_name.out` or `NN_name.rK.out`.
fn expectation_for(run: &Path) -> Expectation {
    let file = run.file_name().unwrap().to_str().unwrap();
    let stem = file.split('.').next().unwrap();
    let beside = root().join(TUTORIAL).join(format!("{}.out", stem));
    let hang = root().join(HANGS).join(format!("{}.out", stem));
    Expectation::load(if beside.is_file() { &beside } else { &hang }).unwrap()
}

/// Runs where CPython glued two lines together; spindle must never print these.
const GLUED: &[&str] = &["05_pipe.r1.out", "11_semaphore.r3.out"];

#[test]
fn every_order_cpython_printed_fits_the_expectations() {
    let dir = root().join("tests/tutorial_cpython");
    let mut runs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "out"))
        .collect();
    runs.sort();
    assert!(runs.len() >= 40, "{} runs", runs.len());
    let mut problems = Vec::new();
    for run in &runs {
        let exp = expectation_for(run);
        let text = std::fs::read_to_string(run).unwrap();
        let prefix = exp.exit == golden::Exit::Running;
        let name = run.file_name().unwrap().to_str().unwrap();
        let glued = GLUED.contains(&name);
        match verify::stdout_fits(&exp, &text, prefix) {
            Ok(()) if glued => problems.push(format!("{}: glued lines were accepted", name)),
            Err(e) if !glued => problems.push(format!("{}: {}", name, e)),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Orders that are not races must be rejected: one wrong swap per listing with races.
#[test]
fn orders_cpython_cannot_print_are_rejected() {
    let swap = |text: &str, a: usize, b: usize| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.swap(a - 1, b - 1);
        lines.join("\n") + "\n"
    };
    let cpython = |name: &str| {
        std::fs::read_to_string(root().join("tests/tutorial_cpython").join(name)).unwrap()
    };
    let cases: &[(&str, usize, usize)] = &[
        ("01_process_subclass.out", 3, 4), // the 2 s and 3 s ends
        ("03_daemon.out", 1, 7),           // the main's last line before the daemon's
        ("04_queue.out", 3, 4),            // producer lines 0.5 s apart
        ("08_manager.out", 5, 6),          // a dict update inside the list's lock
        ("11_semaphore.out", 14, 15),      // Process-4 gets a slot before Process-2 frees one
        ("14_barrier.out", 6, 7),          // a task goes on before the last one arrives
        ("16_pool_map.out", 4, 5),         // Task-4 starts on Task-3's worker before it ends
        ("17_pool_imap.out", 7, 8),        // a result before its task ends
    ];
    for &(name, a, b) in cases {
        let text = swap(&cpython(name), a, b);
        let exp = expectation_for(Path::new(name));
        assert!(
            verify::stdout_fits(&exp, &text, false).is_err(),
            "{} with lines {} and {} swapped was accepted",
            name,
            a,
            b
        );
    }
    // A PID that changes between a task's start and end lines.
    let text = cpython("15_pool_apply_async.out").replace(
        "任务 Task-3 执行结束，进程ID: 904",
        "任务 Task-3 执行结束，进程ID: 905",
    );
    let exp = expectation_for(Path::new("15_pool_apply_async.out"));
    assert!(verify::stdout_fits(&exp, &text, false).is_err());
}
