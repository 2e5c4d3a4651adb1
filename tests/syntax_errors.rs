// Golden reports for learner mistakes: each tests/syntax_errors/NAME.py renders to NAME.err.
// Run with BLESS=1 to rewrite the goldens after checking the new output by hand.

use std::path::Path;

#[test]
fn learner_mistakes_render_as_golden_reports() {
    let dir = Path::new("tests/syntax_errors");
    let bless = std::env::var_os("BLESS").is_some();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/syntax_errors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("py"))
        .collect();
    names.sort();
    assert!(names.len() >= 25, "only {} mistakes", names.len());
    let mut failures = Vec::new();
    for path in names {
        let source = std::fs::read_to_string(&path).expect("readable");
        let shown = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let report = match spindle::syntax::parse_module(&source) {
            Ok(_) => format!("{shown} parsed without error\n"),
            Err(e) => spindle::diag::render_syntax_error(&shown, &source, &e, false),
        };
        let golden = path.with_extension("err");
        if bless {
            std::fs::write(&golden, &report).expect("writable golden");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != report {
            failures.push(format!("{shown}:\n--- want\n{want}--- got\n{report}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
