// Every command-line form: what it prints and the exit status it gives.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn spindle(args: &[&str], stdin: &str, dir: Option<&PathBuf>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("run spindle");
    // A program that exits early may close its stdin first.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        status: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A scratch folder holding `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spindle-cli-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

/// Whether this build has a `sys` module (it comes with the standard library work).
fn has_sys() -> bool {
    spindle(&["-c", "import sys"], "", None).status == 0
}

#[test]
fn a_file_runs_and_exits_0() {
    let dir = folder("file", &[("hello.py", "print('hello', 6 * 7)\n")]);
    let r = spindle(&["hello.py"], "", Some(&dir));
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "hello 42\n", "")
    );
}

#[test]
fn a_file_imports_its_neighbour() {
    let dir = folder(
        "import",
        &[
            ("main.py", "import helper\nprint(helper.twice(21))\n"),
            ("helper.py", "def twice(x):\n    return 2 * x\n"),
        ],
    );
    let r = spindle(&["main.py"], "", Some(&dir));
    assert_eq!((r.status, r.stdout.as_str()), (0, "42\n"), "{}", r.stderr);
}

#[test]
fn an_uncaught_exception_exits_1_with_a_traceback() {
    let dir = folder(
        "raise",
        &[(
            "boom.py",
            "print('before')\ndef f():\n    raise ValueError('bad value')\nf()\n",
        )],
    );
    let r = spindle(&["boom.py"], "", Some(&dir));
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "before\n");
    // CPython names the script by its absolute path; the failing line is also drawn
    // with its span underlined, above the last line.
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines[0], "Traceback (most recent call last):",
        "{}",
        r.stderr
    );
    assert!(
        lines[1].starts_with("  File \"/") && lines[1].ends_with("boom.py\", line 4, in <module>"),
        "{}",
        r.stderr
    );
    assert_eq!(lines[2], "    f()");
    assert!(
        lines[3].ends_with("boom.py\", line 3, in f"),
        "{}",
        r.stderr
    );
    assert_eq!(lines[4], "    raise ValueError('bad value')");
    assert!(r.stderr.contains("ValueError raised here"), "{}", r.stderr);
    assert_eq!(lines.last(), Some(&"ValueError: bad value"));
}

#[test]
fn a_syntax_error_exits_1_with_a_report() {
    let dir = folder("syntax", &[("bad.py", "if x\n    pass\n")]);
    let r = spindle(&["bad.py"], "", Some(&dir));
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("SyntaxError"), "{}", r.stderr);
    assert!(r.stderr.contains("bad.py:1:"), "{}", r.stderr);
}

#[test]
fn a_repeated_parameter_is_a_syntax_error() {
    let source = "def area(width, height, width):\n    return width * height\n";
    let dir = folder("duplicate", &[("dup.py", source)]);
    for args in [&["dup.py"][..], &["--check", "dup.py"]] {
        let r = spindle(args, "", Some(&dir));
        assert_eq!(r.status, 1, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("SyntaxError: duplicate argument 'width' in function definition"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("dup.py:1:25"), "{}", r.stderr);
    }
}

#[test]
fn system_exit_gives_its_code() {
    assert_eq!(spindle(&["-c", "exit(3)"], "", None).status, 3);
    assert_eq!(spindle(&["-c", "raise SystemExit(0)"], "", None).status, 0);
    assert_eq!(spindle(&["-c", "raise SystemExit"], "", None).status, 0);
    let r = spindle(&["-c", "raise SystemExit('giving up')"], "", None);
    assert_eq!((r.status, r.stderr.as_str()), (1, "giving up\n"));
    if has_sys() {
        assert_eq!(
            spindle(&["-c", "import sys; sys.exit(7)"], "", None).status,
            7
        );
    }
}

#[test]
fn a_missing_file_exits_2() {
    let r = spindle(&["no_such_file.py"], "", None);
    assert_eq!(r.status, 2);
    assert_eq!(
        r.stderr,
        "spindle: can't open file 'no_such_file.py': [Errno 2] No such file or directory\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = spindle(&["--no-such-option"], "", None);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("unknown option --no-such-option"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("usage: spindle"), "{}", r.stderr);
    let r = spindle(&["-c"], "", None);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("argument expected for the -c option"));
    assert_eq!(spindle(&["--check"], "", None).status, 2);
}

#[test]
fn dash_c_runs_code() {
    let r = spindle(&["-c", "for i in range(3):\n    print(i)"], "", None);
    assert_eq!((r.status, r.stdout.as_str()), (0, "0\n1\n2\n"));
}

#[test]
fn dash_reads_the_program_from_stdin() {
    let r = spindle(&["-"], "x = 5\nprint(x * x)\n", None);
    assert_eq!((r.status, r.stdout.as_str()), (0, "25\n"), "{}", r.stderr);
}

#[test]
fn no_arguments_and_a_pipe_read_the_program_from_stdin() {
    let r = spindle(&[], "print('piped')\n1/0\n", None);
    assert_eq!((r.status, r.stdout.as_str()), (1, "piped\n"));
    assert!(r.stderr.ends_with("ZeroDivisionError: division by zero\n"));
    assert!(
        r.stderr.contains("File \"<stdin>\", line 2"),
        "{}",
        r.stderr
    );
}

#[test]
fn dash_i_runs_the_file_then_the_prompt_with_its_names() {
    let dir = folder(
        "inspect",
        &[(
            "setup.py",
            "answer = 42\ndef double(x):\n    return 2 * x\n",
        )],
    );
    let r = spindle(
        &["-i", "setup.py"],
        "answer\ndouble(answer)\nfor i in range(2):\n    i\n\nNone\nprint(_)\n",
        Some(&dir),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "42\n84\n0\n1\n1\n");
}

#[test]
fn dash_i_reports_errors_and_goes_on() {
    let dir = folder(
        "inspect_err",
        &[("fails.py", "ready = True\nraise KeyError('k')\n")],
    );
    let r = spindle(
        &["-i", "fails.py"],
        "ready\nundefined\nexit(5)\nprint('not reached')\n",
        Some(&dir),
    );
    assert_eq!(r.status, 5);
    assert_eq!(r.stdout, "True\n");
    assert!(r.stderr.contains("KeyError: 'k'"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("NameError: name 'undefined' is not defined"),
        "{}",
        r.stderr
    );
    let r = spindle(&["-i", "missing.py"], "", Some(&dir));
    assert_eq!(r.status, 2);
}

#[test]
fn the_prompt_answers_help_and_a_bare_exit() {
    let r = spindle(&["-i", "/dev/null"], "help\nexit\nquit = 1\nquit\n", None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.contains("interactive prompt"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("Use exit() or Ctrl-D (i.e. EOF) to exit\n1\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn check_accepts_valid_files_and_reports_invalid_ones() {
    let dir = folder(
        "check",
        &[
            ("good.py", "def f(x):\n    return x\n"),
            ("bad.py", "x = (1,\n"),
        ],
    );
    let r = spindle(&["--check", "good.py"], "", Some(&dir));
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "", "")
    );
    let r = spindle(&["--check", "good.py", "bad.py"], "", Some(&dir));
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("bad.py"), "{}", r.stderr);
    assert!(!r.stderr.contains("good.py"), "{}", r.stderr);
}

#[test]
fn version_and_help() {
    let r = spindle(&["--version"], "", None);
    assert_eq!(
        (r.status, r.stdout.clone()),
        (0, format!("spindle {}\n", env!("CARGO_PKG_VERSION")))
    );
    let r = spindle(&["--help"], "", None);
    assert_eq!(r.status, 0);
    for form in [
        "-c CODE",
        "-i FILE",
        "--check FILE",
        "--version",
        "Examples:",
        "spindle -c '",
    ] {
        assert!(r.stdout.contains(form), "help lacks {:?}", form);
    }
}

#[test]
fn sys_argv_is_as_in_python() {
    if !has_sys() {
        eprintln!("skipped: this build has no sys module yet");
        return;
    }
    let dir = folder("argv", &[("args.py", "import sys\nprint(sys.argv)\n")]);
    let r = spindle(&["args.py", "a", "-b", "--c"], "", Some(&dir));
    assert_eq!(r.stdout, "['args.py', 'a', '-b', '--c']\n", "{}", r.stderr);
    let r = spindle(&["-c", "import sys; print(sys.argv)", "x", "y"], "", None);
    assert_eq!(r.stdout, "['-c', 'x', 'y']\n", "{}", r.stderr);
    let r = spindle(&["-", "x"], "import sys; print(sys.argv)\n", None);
    assert_eq!(r.stdout, "['-', 'x']\n", "{}", r.stderr);
    let r = spindle(&[], "import sys; print(sys.argv)\n", None);
    assert_eq!(r.stdout, "['']\n", "{}", r.stderr);
    let r = spindle(&["-i", "args.py", "z"], "", Some(&dir));
    assert_eq!(r.stdout, "['args.py', 'z']\n", "{}", r.stderr);
}

#[test]
fn a_progress_bar_is_drawn_only_on_a_terminal() {
    let script = "import multiprocessing\nwith multiprocessing.Pool(2) as p:\n    print(sum(p.map(abs, range(-50, 50), progress=True)))\n    print(sum(p.imap(abs, range(10), progress=True)))\n";
    let dir = folder("progress", &[("bar.py", script)]);
    let r = spindle(&["bar.py"], "", Some(&dir));
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "2500\n45\n", "")
    );
}

#[test]
fn shared_of_a_list_of_strings_or_a_dict_is_managed() {
    let script = "def add(d, lst, k):\n    d[str(k)] = k * 2\n    lst.append(str(k))\nd = shared({'a': 1})\nlst = shared(['x'])\nps = [spawn(add, d, lst, i) for i in range(3)]\nfor p in ps:\n    p.join()\nprint(sorted(d.items()), sorted(lst), len(lst))\n";
    let dir = folder("shared", &[("s.py", script)]);
    let r = spindle(&["s.py"], "", Some(&dir));
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (
            0,
            "[('0', 0), ('1', 2), ('2', 4), ('a', 1)] ['0', '1', '2', 'x'] 4\n",
            ""
        )
    );
}

/// Expressions nested as deep as the front end accepts, built from `unit` (which
/// holds `X` where the next level goes).
fn nested(unit: &str, levels: usize, inner: &str) -> String {
    let mut e = inner.to_string();
    for _ in 0..levels {
        e = unit.replace('X', &e);
    }
    e
}

#[test]
fn deep_expressions_run_in_the_program_and_in_generators_and_deeper_ones_are_refused() {
    // Each kind of unbounded nesting: prefix operators, not, lambda, the conditional,
    // power (right-associative), a left-associative chain, attribute and call chains.
    let kinds: &[(&str, usize, &str)] = &[
        ("-X", 2900, "1"),
        ("not X", 2900, "1"),
        ("lambda: X", 2900, "1"),
        ("1 if 1 else X", 1400, "1"),
        ("1**X", 1400, "1"),
        ("X+1", 2900, "1"),
        ("X.real", 2900, "(1)"),
        ("X.bit_length()", 500, "(1)"),
        ("(X)", 190, "1"),
        ("[X][0]", 190, "1"),
        ("(1 or 1 and 1 < X)", 190, "1"),
    ];
    for (unit, levels, inner) in kinds {
        let e = nested(unit, *levels, inner);
        // At the bottom of a deep recursion inside a generator, and in the program.
        let program = format!(
            "def f(n):\n    if n == 0:\n        return {e}\n    return f(n - 1)\n\
             def g():\n    yield f(950)\n\
             a = next(g())\nb = {e}\nprint(type(a).__name__, type(b).__name__)\n"
        );
        // And compiled while a generator runs (an import on its own stack).
        let importer = "def g():\n    import deepmod\n    yield deepmod.value\nprint(type(next(g())).__name__)\n";
        let dir = folder(
            "deep",
            &[
                ("deep.py", &program),
                ("deepmod.py", &format!("value = {e}\n")),
                ("importer.py", importer),
            ],
        );
        let r = spindle(&["deep.py"], "", Some(&dir));
        assert_eq!(r.status, 0, "{unit} x {levels}: {}", r.stderr);
        let r = spindle(&["importer.py"], "", Some(&dir));
        assert_eq!(r.status, 0, "{unit} x {levels} imported: {}", r.stderr);
        let too_deep = format!("x = {}\n", nested(unit, levels * 4, inner));
        std::fs::write(dir.join("deeper.py"), too_deep).unwrap();
        let r = spindle(&["deeper.py"], "", Some(&dir));
        assert_eq!(r.status, 1, "{unit} x {}: {}", levels * 4, r.stderr);
        // Brackets around the next level hit CPython's own limit on them first.
        let refusal = if unit.starts_with('(') || unit.starts_with('[') {
            "SyntaxError: too many nested parentheses"
        } else {
            "RecursionError: maximum recursion depth exceeded during compilation"
        };
        assert!(r.stderr.contains(refusal), "{unit}: {}", r.stderr);
    }
    // In an f-string field too, and bracket nesting keeps CPython's limit.
    let r = spindle(
        &["-c", &format!("f'{{{}}}'", nested("not X", 5000, "1"))],
        "",
        None,
    );
    assert!(r.stderr.contains("RecursionError"), "{}", r.stderr);
    let r = spindle(
        &["-c", &format!("f'{{{}}}'", nested("(X)", 5000, "1"))],
        "",
        None,
    );
    assert!(
        r.stderr.contains("too many nested parentheses"),
        "{}",
        r.stderr
    );
}

#[test]
fn long_flat_lines_are_not_mistaken_for_deep_ones() {
    // Thousands of items, each an expression of its own; joined strings; long chains
    // of `and`, `or` and comparisons, which are flat.
    let items: Vec<String> = (0..5000).map(|i| format!("-{i} * 2")).collect();
    let strings = "'ab' ".repeat(5000);
    let ands = vec!["x > 0"; 5000].join(" and ");
    let ors = vec!["x < 0"; 5000].join(" or ");
    let chain = vec!["x"; 5000].join(" <= ");
    let program = format!(
        "xs = [{}]\nprint(len(xs), xs[-1])\ns = ({strings})\nprint(len(s))\n\
         x = 1\nprint({ands}, {ors}, {chain})\n",
        items.join(", ")
    );
    let dir = folder("flat", &[("flat.py", &program)]);
    let r = spindle(&["flat.py"], "", Some(&dir));
    assert_eq!(
        (r.status, r.stdout.as_str(), r.stderr.as_str()),
        (0, "5000 -9998\n10000\nTrue False True\n", "")
    );
}

#[test]
fn dash_i_with_a_pipe_gives_input_the_lines_after_the_program_s() {
    let r = spindle(&["-i"], "x = input()\nhello\nprint('got', x)\n", None);
    assert_eq!(r.stdout, "got hello\n", "{}", r.stderr);
}

#[test]
fn a_child_does_not_read_what_its_parent_read_ahead() {
    let dir = folder(
        "stdin_child",
        &[(
            "main.py",
            "import multiprocessing as mp\n\
             def child():\n\
             \x20   try:\n\
             \x20       print('child', input())\n\
             \x20   except EOFError:\n\
             \x20       print('child EOF')\n\
             if __name__ == '__main__':\n\
             \x20   print(input())\n\
             \x20   p = mp.Process(target=child)\n\
             \x20   p.start()\n\
             \x20   p.join()\n\
             \x20   print(input())\n",
        )],
    );
    let r = spindle(&["main.py"], "one\ntwo\n", Some(&dir));
    assert_eq!(r.stdout, "one\nchild EOF\ntwo\n", "{}", r.stderr);
}

#[test]
fn stdin_reads_take_their_sizes_and_input_keeps_a_carriage_return() {
    let r = spindle(
        &["-c", "import sys\nprint(repr(sys.stdin.read(1)), repr(sys.stdin.readline(3)), repr(sys.stdin.readline(0)), repr(sys.stdin.readline()), repr(input()), repr(sys.stdin.read(2)), repr(sys.stdin.read()))"],
        "abc hello world\na\r\nxyz\n\u{e9}\u{e9}\u{20ac}\n",
        None,
    );
    assert_eq!(
        r.stdout, "'a' 'bc ' '' 'hello world\\n' 'a\\r' 'xy' 'z\\n\u{e9}\u{e9}\u{20ac}\\n'\n",
        "{}",
        r.stderr
    );
}

#[test]
fn a_line_of_many_reads_is_read_whole() {
    // 8 MB in one line: a thousand reads of the pipe make it up.
    let line = "x".repeat(8 << 20) + "\n";
    let r = spindle(&["-c", "print(len(input()))"], &line, None);
    assert_eq!(r.stdout, "8388608\n", "{}", r.stderr);
}
