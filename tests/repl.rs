// The interactive prompt driven through a pseudo-terminal, as a person would use it.

use expectrl::{Eof, Expect, Session};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// A fresh data directory per test, so history starts empty.
fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spindle-repl-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn start(data: &PathBuf) -> expectrl::session::OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
    cmd.env("HOME", data)
        .env("XDG_DATA_HOME", data.join("share"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd).expect("spawn spindle in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s.expect("Type \"help\"").expect("banner");
    s.expect(">>> ").expect("first prompt");
    s
}

/// Types `line` and presses Enter.
fn type_line(s: &mut expectrl::session::OsSession, line: &str) {
    s.send(line).unwrap();
    s.send("\r").unwrap();
}

fn leave(mut s: expectrl::session::OsSession) {
    s.send("\x04").unwrap(); // Ctrl-D on an empty line
    s.expect(Eof).expect("the prompt ends on Ctrl-D");
}

#[test]
fn a_for_loop_typed_over_several_lines() {
    let mut s = start(&data_dir("for"));
    type_line(&mut s, "total = 0");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "for i in range(4):");
    s.expect("... ").unwrap();
    // The body is indented for us.
    type_line(&mut s, "total += i");
    s.expect("... ").unwrap();
    type_line(&mut s, "print('step', i)");
    s.expect("... ").unwrap();
    type_line(&mut s, ""); // the pre-filled indentation alone ends the block
    s.expect("step 0").unwrap();
    s.expect("step 3").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "total * 10");
    s.expect("60").unwrap();
    s.expect(">>> ").unwrap();
    // `_` holds the last value shown.
    type_line(&mut s, "_ + 1");
    s.expect("61").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn a_class_defined_and_used() {
    let mut s = start(&data_dir("class"));
    type_line(&mut s, "class Counter:");
    s.expect("... ").unwrap();
    type_line(&mut s, "def __init__(self):");
    s.expect("... ").unwrap();
    type_line(&mut s, "self.n = 0");
    s.expect("... ").unwrap();
    // Back to the class body's level: erase the pre-filled indentation.
    s.send("\x15").unwrap(); // Ctrl-U: kill to the start of the line
    s.expect("... ").unwrap(); // the line is redrawn without the indentation
    type_line(&mut s, "    def bump(self):");
    s.expect("... ").unwrap();
    type_line(&mut s, "self.n += 1");
    s.expect("... ").unwrap();
    type_line(&mut s, "return self.n");
    s.expect("... ").unwrap();
    type_line(&mut s, "");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "c = Counter(); c.bump(); c.bump()");
    s.expect("1\r\n2\r\n").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "[c.n, 'x', None]");
    s.expect("[2, 'x', None]").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn an_error_then_a_working_line() {
    let mut s = start(&data_dir("error"));
    type_line(&mut s, "def half(x):");
    s.expect("... ").unwrap();
    type_line(&mut s, "return x / 0");
    s.expect("... ").unwrap();
    type_line(&mut s, "");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "kept = 'still here'");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "half(3)");
    s.expect("Traceback (most recent call last):").unwrap();
    s.expect("File \"<stdin>\", line 2, in half").unwrap();
    s.expect("ZeroDivisionError: division by zero").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "print(undefined_name)");
    s.expect("NameError: name 'undefined_name' is not defined")
        .unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "if True print(1)");
    s.expect("SyntaxError").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "kept + '!'");
    s.expect("'still here!'").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn tab_completes_an_attribute() {
    let mut s = start(&data_dir("tab"));
    type_line(&mut s, "class Settings:");
    s.expect("... ").unwrap();
    type_line(&mut s, "verbosity = 3");
    s.expect("... ").unwrap();
    type_line(&mut s, "");
    s.expect(">>> ").unwrap();
    s.send("Settings.verb\t").unwrap();
    s.expect("osity").expect("the attribute is completed");
    s.send(" * 2\r").unwrap();
    s.expect("6\r\n").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn ctrl_c_cancels_input_and_interrupts_a_running_loop() {
    let mut s = start(&data_dir("ctrlc"));
    s.send("half typed").unwrap();
    s.send("\x03").unwrap();
    s.expect("KeyboardInterrupt").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "n = 0");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "while True:");
    s.expect("... ").unwrap();
    type_line(&mut s, "n += 1");
    s.expect("... ").unwrap();
    type_line(&mut s, "");
    std::thread::sleep(Duration::from_millis(300));
    s.send("\x03").unwrap();
    s.expect("KeyboardInterrupt").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "n > 0");
    s.expect("True").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn exit_ends_the_session_with_its_status() {
    let mut s = start(&data_dir("exit"));
    type_line(&mut s, "exit(4)");
    s.expect(Eof).unwrap();
    let status = s.get_process().wait().unwrap();
    assert_eq!(
        status,
        expectrl::process::unix::WaitStatus::Exited(s.get_process().pid(), 4)
    );
}

#[test]
fn history_is_kept_across_sessions() {
    let data = data_dir("history");
    let mut s = start(&data);
    type_line(&mut s, "remembered = 6 * 7");
    s.expect(">>> ").unwrap();
    leave(s);
    let file = data.join("share").join("spindle").join("history");
    let saved = std::fs::read_to_string(&file).expect("the history file is written");
    assert!(saved.contains("remembered = 6 * 7"), "{}", saved);

    let mut s = start(&data);
    s.send("\x1b[A").unwrap(); // Up: the previous session's line
    s.expect("remembered = 6 * 7").unwrap();
    s.send("\r").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "remembered");
    s.expect("42").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn a_pool_map_of_a_lambda_typed_at_the_prompt() {
    let mut s = start(&data_dir("pool"));
    type_line(&mut s, "import multiprocessing");
    s.expect(">>> ").unwrap();
    // The pool's workers are forked before the lambda is typed: it reaches them
    // with its source.
    type_line(&mut s, "pool = multiprocessing.Pool(2)");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "pool.map(lambda x: x * x, range(6))");
    s.expect("[0, 1, 4, 9, 16, 25]").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "q = multiprocessing.Queue()");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "p = spawn(lambda q: q.put(sum(range(10))), q)");
    s.expect(">>> ").unwrap();
    type_line(&mut s, "q.get(), p.join(), p.exitcode");
    s.expect("(45, None, 0)").unwrap();
    s.expect(">>> ").unwrap();
    type_line(&mut s, "pool.terminate()");
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn ctrl_c_during_a_long_join_returns_to_the_prompt() {
    let mut s = start(&data_dir("join"));
    type_line(&mut s, "import multiprocessing, time");
    s.expect(">>> ").unwrap();
    type_line(
        &mut s,
        "p = multiprocessing.Process(target=time.sleep, args=(60,))",
    );
    s.expect(">>> ").unwrap();
    type_line(&mut s, "p.start(); p.join()");
    std::thread::sleep(Duration::from_millis(500));
    s.send("\x03").unwrap(); // Ctrl-C: the terminal signals the whole process group
    s.expect("KeyboardInterrupt").unwrap();
    s.expect(">>> ").unwrap();
    // The child was stopped by the same Ctrl-C, quietly.
    type_line(&mut s, "p.join(5); p.is_alive(), p.exitcode");
    s.expect("(False, -2)").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}

#[test]
fn a_progress_bar_on_the_terminal() {
    let mut s = start(&data_dir("progress"));
    type_line(&mut s, "import multiprocessing");
    s.expect(">>> ").unwrap();
    type_line(
        &mut s,
        "with multiprocessing.Pool(2) as p: print(len(p.map(abs, range(300), progress=True)))",
    );
    s.expect("300/300").unwrap();
    s.expect("ETA").unwrap();
    s.expect(">>> ").unwrap();
    // An input read as it goes has no total until it ends.
    type_line(
        &mut s,
        "with multiprocessing.Pool(2) as p: print(len(list(p.imap(abs, (x for x in range(300)), progress=True))))",
    );
    s.expect("300/300").unwrap();
    s.expect(">>> ").unwrap();
    leave(s);
}
