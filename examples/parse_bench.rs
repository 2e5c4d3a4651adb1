// Benchmark: parses a generated 10,000-line program several times and reports the time.
// Run with `cargo run --release --example parse_bench [RUNS]`.

use std::fmt::Write;
use std::time::Instant;

// The allocator the spindle binary uses, so the figure is the one a program sees.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A realistic program: functions, classes, loops, comprehensions, f-strings.
fn program(lines: usize) -> String {
    let mut s = String::from("import os\nfrom collections import defaultdict\n\n");
    let mut i = 0;
    while s.lines().count() < lines {
        let _ = write!(
            s,
            r#"
class Worker{i}(Base):
    """A worker that counts things."""
    limit = {i} * 2 + 1

    def __init__(self, name, *args, scale=1.5, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name
        self.items = [x * scale for x in range(self.limit) if x % 3 != 0]
        self.table = {{k: v for k, v in zip(args, kwargs.values())}}

    def run(self, data):
        total = 0
        for index, value in enumerate(data):
            if value is None or not isinstance(value, int):
                continue
            elif value > 100 and index < len(data) - 1:
                total += (value ** 2 - -index) // 3
            else:
                total -= data[index - 1 : index + 1][0] if index else 0
        while total > 1_000_000:
            total >>= 1
        try:
            result = compute(total, lambda a, b=2: a * b, key=lambda t: t[1])
        except (ValueError, KeyError) as err:
            print(f"worker {{self.name!r}} failed: {{err}} after {{total:>10,}} steps")
            raise RuntimeError("bad") from err
        finally:
            self.done = True
        return {{"name": self.name, "total": total, "items": sum(x for x in self.items)}}


def helper_{i}(values, threshold=0.5):
    counts = defaultdict(int)
    with open(os.path.join("data", f"file_{{threshold}}.txt")) as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            counts[word.lower()] += len(rest.split(",")) * 2
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]

"#
        );
        i += 1;
    }
    s
}

fn main() {
    // Small pages, as the spindle binary asks for at its start.
    // SAFETY: prctl with integer arguments only changes this process's settings.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    let src = program(10_000);
    let lines = src.lines().count();
    // Warm up once (interning, lazily built tables).
    if let Err(e) = spindle::syntax::parse_module(&src) {
        eprintln!(
            "{}",
            spindle::diag::render_syntax_error("bench.py", &src, &e, false)
        );
        std::process::exit(1);
    }
    // `parse_bench N` parses N times (an instruction counter needs only one).
    let runs = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..runs {
        let start = Instant::now();
        let module = spindle::syntax::parse_module(&src);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        drop(module);
        best = best.min(ms);
        total += ms;
    }
    let start = Instant::now();
    let layout = spindle::syntax::layout::layout(&src);
    let layout_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(layout);
    println!("layout pass alone: {layout_ms:.1} ms");
    println!(
        "parsed {lines} lines ({} KB) {runs} times: best {best:.1} ms, mean {:.1} ms",
        src.len() / 1024,
        total / runs as f64
    );
}
