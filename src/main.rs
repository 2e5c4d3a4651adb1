// The command line: run a file or `-c` code, check files, print help and version.

use spindle::interp::Interp;
use std::io::{IsTerminal, Read};

const HELP: &str = "usage: spindle [option] ... [-c cmd | -i file | file | -] [arg] ...

Run a program written in spindle's Python dialect, or type one at the prompt.

Arguments:
  (none)          the interactive prompt when standard input is a terminal,
                  else read the program from standard input
  FILE [ARG...]   run FILE; sys.argv is [FILE, ARG...]
  -               read the program from standard input (sys.argv[0] is '-')

Options:
  -c CODE [ARG...]  run CODE as the program (sys.argv[0] is '-c')
  -i FILE [ARG...]  run FILE, then the interactive prompt with its globals
  --check FILE...   parse and resolve the files only; exit 0 when all are valid
  test [PATH...]    run each X.py that has an X.out beside it and compare its
                    output (`spindle test --help` for the expectation files)
  --version         print the version and exit
  -h, --help        print this help and exit

Exit status: 0, 1 after an uncaught exception or a syntax error, 2 for a usage
error or a file that cannot be opened, or the code given to sys.exit().

Examples:
  spindle                                          # the interactive prompt
  spindle scripts/tutorial/01_process_subclass.py
  spindle -c 'print(sum(range(10)))'
  spindle -i script.py                             # inspect after running
  echo 'print(6 * 7)' | spindle -
  spindle --check scripts/tutorial/*.py
  spindle test scripts/tutorial                    # the tutorial's golden tests
";

fn color_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("spindle: {}\n{}", msg, HELP.lines().next().unwrap_or(""));
    2
}

fn check_files(files: &[String]) -> i32 {
    if files.is_empty() {
        return usage_error("--check needs at least one file");
    }
    let color = color_stderr();
    let mut status = 0;
    for path in files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("spindle: can't open file '{}': {}", path, e);
                status = 1;
                continue;
            }
        };
        let module = spindle::value::ModuleObj::new("__main__", 0);
        if let Err(e) = spindle::run::compile(&text, &module) {
            spindle::run::report_compile_error(path, &text, e, color);
            status = 1;
        }
    }
    status
}

fn run_program(path: &str, text: &str, argv: Vec<String>) -> i32 {
    spindle::signals::install_signal_handlers();
    let mut interp = Interp::new();
    interp.argv = argv;
    if !path.starts_with('<') {
        interp.main_path = Some(path.to_string());
    }
    let status = spindle::run::run_main(&mut interp, path, text, color_stderr());
    spindle::run::release(interp);
    status
}

/// The interactive prompt; with a file (`-i FILE`), runs it first and keeps its globals.
fn interactive(file: Option<(&str, String)>, argv: Vec<String>) -> i32 {
    spindle::signals::install_signal_handlers();
    let mut interp = Interp::new();
    interp.argv = argv;
    let (path, text) = match &file {
        Some((path, text)) => (path.to_string(), text.clone()),
        None => ("<stdin>".to_string(), String::new()),
    };
    if file.is_some() {
        interp.main_path = Some(path.clone());
    }
    let module = spindle::run::new_main_module(&mut interp, &path, &text);
    let color = color_stderr();
    let show_banner = file.is_none();
    let status = spindle::run::on_big_stack(&mut interp, move |interp| {
        if !show_banner {
            spindle::run::run_main_for_inspection(interp, &module, &path, &text, color);
        }
        spindle::repl::run(interp, &module, show_banner)
    });
    spindle::run::release(interp);
    status
}

fn read_file(path: &str) -> Result<String, i32> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!(
            "spindle: can't open file '{}': [Errno {}] {}",
            path,
            e.raw_os_error().unwrap_or(0),
            e.to_string().split(" (os error").next().unwrap_or("")
        );
        2
    })
}

fn read_stdin() -> Result<String, i32> {
    let mut text = String::new();
    match std::io::stdin().read_to_string(&mut text) {
        Ok(_) => Ok(text),
        Err(e) => {
            eprintln!("spindle: can't read the program from standard input: {}", e);
            Err(2)
        }
    }
}

/// No transparent huge pages: the allocator asks for them on its arenas, and a fresh
/// one is a 2 MB page cleared at its first touch, in every forked process too (a pool
/// worker pays several before running its first task); small pages are cleared as
/// they are used. Runs as a constructor, before the runtime's first allocation, and
/// is inherited by forked children.
extern "C" fn no_huge_pages() {
    // SAFETY: prctl with integer arguments only changes this process's settings.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[used]
#[link_section = ".init_array"]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        None if std::io::stdin().is_terminal() => interactive(None, vec![String::new()]),
        None => match read_stdin() {
            Ok(text) => run_program("<stdin>", &text, vec![String::new()]),
            Err(status) => status,
        },
        Some("-h") | Some("--help") => {
            print!("{}", HELP);
            0
        }
        Some("--version") | Some("-V") => {
            println!("spindle {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("--check") => check_files(&args[1..]),
        Some("test") => spindle::golden::cli::main(&args[1..]),
        Some("-c") => match args.get(1) {
            Some(code) => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[2..].iter().cloned());
                run_program("<string>", code, argv)
            }
            None => usage_error("argument expected for the -c option"),
        },
        Some("-i") => match args.get(1) {
            Some(path) => match read_file(path) {
                Ok(text) => interactive(Some((path, text)), args[1..].to_vec()),
                Err(status) => status,
            },
            None => interactive(None, vec![String::new()]),
        },
        Some("-") => match read_stdin() {
            Ok(text) => run_program("<stdin>", &text, args.clone()),
            Err(status) => status,
        },
        Some(opt) if opt.starts_with('-') && opt.len() > 1 => {
            usage_error(&format!("unknown option {}", opt))
        }
        Some(path) => match read_file(path) {
            Ok(text) => run_program(path, &text, args.clone()),
            Err(status) => status,
        },
    };
    let _ = spindle::output::flush_stdout();
    if spindle::signals::ends_by_sigint() {
        spindle::signals::die_of_sigint();
    }
    std::process::exit(status);
}

// Python programs allocate many small objects; mimalloc is much faster at that than
// the system allocator (and is safe across fork in a process without threads).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
