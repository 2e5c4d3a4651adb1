//! Signals from outside a running program: Ctrl-C (SIGINT) interrupts `input()` and a
//! comprehension, a handler runs while `input()` waits, an uncaught KeyboardInterrupt
//! ends the process as killed by SIGINT (as CPython's does), and a program started
//! with SIGINT ignored keeps it ignored.

use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn spindle(code: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_spindle"));
    c.args(["-c", code])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Waits for the program's first line of output (it is ready), then sends `sig`.
fn signal_when_ready(child: &mut Child, sig: i32) -> String {
    let out = child.stdout.as_mut().unwrap();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while out.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    std::thread::sleep(Duration::from_millis(200));
    unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    String::from_utf8(line).unwrap()
}

fn rest(mut child: Child) -> (String, String, std::process::ExitStatus) {
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    (out, err, status)
}

#[test]
fn ctrl_c_interrupts_input() {
    let mut child = spindle(
        "try:\n    print('ready', flush=True)\n    input()\n\
         except KeyboardInterrupt:\n    print('interrupted')",
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    // stdin stays open: input() would wait forever.
    let stdin = child.stdin.take();
    assert_eq!(signal_when_ready(&mut child, libc::SIGINT), "ready");
    let (out, _, status) = rest(child);
    drop(stdin);
    assert_eq!(out, "interrupted\n");
    assert!(status.success());
}

#[test]
fn a_handler_runs_while_input_waits() {
    let mut child = spindle(
        "import signal\n\
         got = []\n\
         signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))\n\
         print('ready', flush=True)\n\
         line = input()\n\
         print(line, got)",
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    assert_eq!(signal_when_ready(&mut child, libc::SIGUSR1), "ready");
    std::thread::sleep(Duration::from_millis(200));
    stdin.write_all(b"hello\n").unwrap();
    drop(stdin);
    let (out, _, status) = rest(child);
    assert_eq!(out, "hello [10]\n");
    assert!(status.success());
}

#[test]
fn ctrl_c_interrupts_a_comprehension() {
    let child = spindle(
        "try:\n    print('ready', flush=True)\n    [x for x in range(10**10) if x < 0]\n\
         except KeyboardInterrupt:\n    print('interrupted')",
    )
    .spawn()
    .unwrap();
    let mut child = child;
    assert_eq!(signal_when_ready(&mut child, libc::SIGINT), "ready");
    let (out, _, status) = rest(child);
    assert_eq!(out, "interrupted\n");
    assert!(status.success());
}

#[test]
fn an_uncaught_keyboard_interrupt_ends_the_process_by_sigint() {
    let child = spindle("raise KeyboardInterrupt").spawn().unwrap();
    let (_, err, status) = rest(child);
    assert_eq!(err.lines().last(), Some("KeyboardInterrupt"), "{err}");
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
}

#[test]
fn an_ignored_sigint_stays_ignored() {
    let mut c = spindle(
        "import os, signal\n\
         print(signal.getsignal(signal.SIGINT))\n\
         os.kill(os.getpid(), signal.SIGINT)\n\
         print('survived')",
    );
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_IGN);
            Ok(())
        });
    }
    let (out, _, status) = rest(c.spawn().unwrap());
    assert_eq!(out, "1\nsurvived\n");
    assert!(status.success());
}
