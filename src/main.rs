// The command line: run a file or `-c` code, check files, print help and version.

use spindle::interp::Interp;
use std::io::{IsTerminal, Read};

const HELP: &str = "usage: spindle [option] ... [-c cmd | file | -] [arg] ...

Run a program written in spindle's Python dialect.

Options:
  -c CODE         run CODE as the program (sys.argv[0] is '-c')
  -               read the program from standard input
  --check FILE... parse and resolve the files only; exit 0 when all are valid
  --version       print the version and exit
  -h, --help      print this help and exit

Examples:
  spindle scripts/tutorial/01_process_subclass.py
  spindle -c 'print(sum(range(10)))'
  spindle --check scripts/tutorial/*.py
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
            let err = spindle::syntax::error::SyntaxError {
                kind: match e.kind {
                    "IndentationError" => spindle::syntax::error::SyntaxErrorKind::Indentation,
                    "TabError" => spindle::syntax::error::SyntaxErrorKind::Tab,
                    _ => spindle::syntax::error::SyntaxErrorKind::Syntax,
                },
                message: e.message,
                span: e.span,
                label: e.label,
            };
            eprint!(
                "{}",
                spindle::diag::render_syntax_error(path, &text, &err, color)
            );
            status = 1;
        }
    }
    status
}

fn run_program(path: &str, text: &str, argv: Vec<String>) -> i32 {
    spindle::run::install_signal_handlers();
    let mut interp = Interp::new();
    interp.argv = argv;
    if path != "<string>" && path != "<stdin>" {
        interp.main_path = Some(path.to_string());
    }
    spindle::run::run_main(&mut interp, path, text, color_stderr())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        None => usage_error("the interactive prompt is not available yet; give a file or -c CODE"),
        Some("-h") | Some("--help") => {
            print!("{}", HELP);
            0
        }
        Some("--version") | Some("-V") => {
            println!("spindle {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("--check") => check_files(&args[1..]),
        Some("-c") => match args.get(1) {
            Some(code) => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[2..].iter().cloned());
                run_program("<string>", code, argv)
            }
            None => usage_error("argument expected for the -c option"),
        },
        Some("-") => {
            let mut text = String::new();
            if std::io::stdin().read_to_string(&mut text).is_err() {
                eprintln!("spindle: can't read the program from standard input");
                std::process::exit(1);
            }
            let argv = args.clone();
            run_program("<stdin>", &text, argv)
        }
        Some(opt) if opt.starts_with('-') && opt.len() > 1 => {
            usage_error(&format!("unknown option {}", opt))
        }
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => run_program(path, &text, args.clone()),
            Err(e) => {
                eprintln!(
                    "spindle: can't open file '{}': [Errno {}] {}",
                    path,
                    e.raw_os_error().unwrap_or(0),
                    e.to_string().split(" (os error").next().unwrap_or("")
                );
                2
            }
        },
    };
    let _ = spindle::output::flush_stdout();
    std::process::exit(status);
}
