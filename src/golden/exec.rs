// Running one script: its own process group, empty stdin, captured output, a timeout.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit status, or `None` when a signal ended it.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    /// It was still running at the timeout and was killed.
    pub timed_out: bool,
    pub elapsed: Duration,
}

/// How long to wait for the output to close after the main process exits (children
/// it left behind, such as daemons, may hold it open); then they are killed.
const LINGER: Duration = Duration::from_secs(2);

/// Runs `program SCRIPT` in the script's folder, with stdin empty (`/dev/null`) and
/// `NO_COLOR=1`. When `timeout` passes, the whole process group (the script and every
/// process it forked) is killed.
pub fn run(program: &Path, script: &Path, timeout: Duration) -> std::io::Result<Outcome> {
    let dir = script
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = script.file_name().unwrap_or(script.as_os_str());
    let start = Instant::now();
    let mut child = Command::new(program)
        .arg(file)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PYTHONUNBUFFERED", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    let group = child.id() as libc::pid_t;
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let out = reader(Box::new(child.stdout.take().expect("piped stdout")));
    let err = reader(Box::new(child.stderr.take().expect("piped stderr")));
    let kill_group = || unsafe {
        libc::kill(-group, libc::SIGKILL);
    };
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            kill_group();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    // The readers end when every process holding the pipes has gone.
    let linger_end = Instant::now() + LINGER;
    while !(out.is_finished() && err.is_finished()) {
        if Instant::now() >= linger_end {
            kill_group();
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let text = |h: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&h.join().unwrap_or_default()).into_owned()
    };
    use std::os::unix::process::ExitStatusExt;
    Ok(Outcome {
        stdout: text(out),
        stderr: text(err),
        code: status.code(),
        signal: status.signal(),
        timed_out,
        elapsed,
    })
}
