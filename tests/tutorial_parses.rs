// Every tutorial listing (and the two fixed ones) parses.

#[test]
fn every_tutorial_listing_parses() {
    let mut count = 0;
    for entry in std::fs::read_dir("scripts/tutorial").expect("scripts/tutorial exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable listing");
        if let Err(e) = spindle::syntax::parse_module(&source) {
            let name = path.display().to_string();
            panic!(
                "{}",
                spindle::diag::render_syntax_error(&name, &source, &e, false)
            );
        }
        count += 1;
    }
    // The 18 listings and the fixed 05 and 13.
    assert_eq!(count, 20);
}
