// Random and truncated variants of the tutorial listings: the parser never panics and
// every parse finishes quickly (no pathological backtracking).

use std::time::{Duration, Instant};

/// A small deterministic pseudo-random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn listings() -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("scripts/tutorial").expect("scripts/tutorial exists") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) == Some("py") {
            out.push(std::fs::read_to_string(path).expect("readable"));
        }
    }
    out
}

fn check(src: &str) {
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| {
        let _ = spindle::syntax::parse_module(src);
        let _ = spindle::syntax::needs_more_input(src);
    });
    assert!(result.is_ok(), "parser panicked on:\n{src}");
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "parse took {took:?} on:\n{src}"
    );
}

/// Cuts at a char boundary at or before `i`.
fn cut(s: &str, mut i: usize) -> &str {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

#[test]
fn truncated_listings_never_panic() {
    for src in listings() {
        for i in (0..src.len()).step_by(7) {
            check(cut(&src, i));
        }
    }
}

#[test]
fn mutated_listings_never_panic() {
    const NOISE: &[&str] = &[
        "(", ")", "[", "]", "{", "}", "'", "\"", "\"\"\"", ":", "\t", "\\", "=", ",", "\n", "    ",
        "f'{", "*", "lambda", "if",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for src in listings() {
        for _ in 0..60 {
            let mut s = src.clone();
            for _ in 0..1 + rng.below(4) {
                let mut at = rng.below(s.len());
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                match rng.below(4) {
                    0 => {
                        let mut end = at + 1;
                        while end < s.len() && !s.is_char_boundary(end) {
                            end += 1;
                        }
                        s.replace_range(at..end.min(s.len()), "");
                    }
                    1 => {
                        let ch: String = s[at..].chars().take(1).collect();
                        s.insert_str(at, &ch);
                    }
                    2 => {
                        let lines: Vec<&str> = s.lines().collect();
                        let k = rng.below(lines.len());
                        let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                        if rng.below(2) == 0 {
                            v.remove(k.min(v.len().saturating_sub(1)));
                        } else if let Some(l) = lines.get(k) {
                            v.insert(k, l.to_string());
                        }
                        s = v.join("\n");
                    }
                    _ => s.insert_str(at, NOISE[rng.below(NOISE.len())]),
                }
                if s.is_empty() {
                    break;
                }
            }
            check(&s);
        }
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    check(&format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199)));
    check(&format!("x = {}1{}\n", "(".repeat(250), ")".repeat(250)));
    check(
        &(0..120)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>(),
    );
    check(&format!("x = {}\n", "[".repeat(5000)));
    check(&format!("x = {}1\n", "-".repeat(300)));
}
