// Parses the files named on the command line and prints their syntax errors.

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        match spindle::syntax::parse_module(&source) {
            Ok(m) => {
                if std::env::var_os("SHOW_AST").is_some() {
                    println!("{:#?}", m.body);
                }
            }
            Err(e) => {
                failed = true;
                eprint!(
                    "{}",
                    spindle::diag::render_syntax_error(&path, &source, &e, false)
                );
            }
        }
    }
    std::process::exit(i32::from(failed));
}
