// Does the actual output follow the expected lines in one of the orders the race rules allow?

use super::pattern::{Bindings, Pattern};
use super::race::{Group, GroupKind, RaceSpec};

/// Where matching got furthest before failing: the actual line (0-based; `actual.len()`
/// means the output ended) and the expected lines that were wanted there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mismatch {
    pub actual_line: usize,
    /// 0-based expected lines tried at that point; empty when the output should have ended.
    pub wanted: Vec<usize>,
    /// Set when the rules allow too many orders to try them all.
    pub gave_up: bool,
}

/// Matching steps allowed before giving up.
const BUDGET: usize = 2_000_000;

/// Matches `actual` against `expected` under `spec`. With `prefix`, the actual output may
/// stop early (a run that was killed): it must then be the start of an allowed order.
/// On success, returns the `<PID:name>` bindings.
pub fn match_output(
    expected: &[Pattern],
    spec: &RaceSpec,
    actual: &[String],
    prefix: bool,
) -> Result<Bindings, Mismatch> {
    let mut m = Matcher {
        pats: expected,
        spec,
        actual,
        prefix,
        best: Mismatch::default(),
        steps: 0,
    };
    let mut binds = Bindings::default();
    if m.seq(0, 0, &mut binds) {
        Ok(binds)
    } else {
        m.best.gave_up = m.steps > BUDGET;
        m.best.wanted.sort_unstable();
        m.best.wanted.dedup();
        Err(m.best)
    }
}

struct Matcher<'a> {
    pats: &'a [Pattern],
    spec: &'a RaceSpec,
    actual: &'a [String],
    prefix: bool,
    best: Mismatch,
    steps: usize,
}

impl Matcher<'_> {
    fn miss(&mut self, apos: usize, wanted: Option<usize>) {
        if apos > self.best.actual_line {
            self.best = Mismatch {
                actual_line: apos,
                ..Mismatch::default()
            };
        }
        if apos == self.best.actual_line {
            self.best.wanted.extend(wanted);
        }
    }

    /// Tries expected line `line` against actual line `apos`, then `rest`.
    fn consume(
        &mut self,
        line: usize,
        apos: usize,
        binds: &mut Bindings,
        rest: &mut dyn FnMut(&mut Self, usize, &mut Bindings) -> bool,
    ) -> bool {
        let mark = binds.len();
        if apos < self.actual.len() && self.pats[line].matches(&self.actual[apos], binds) {
            if rest(self, apos + 1, binds) {
                return true;
            }
            binds.truncate(mark);
        } else {
            self.miss(apos, Some(line));
        }
        if self.spec.is_optional(line) && rest(self, apos, binds) {
            return true;
        }
        binds.truncate(mark);
        false
    }

    /// Matches expected lines from `line` on against actual lines from `apos` on.
    fn seq(&mut self, line: usize, apos: usize, binds: &mut Bindings) -> bool {
        self.steps += 1;
        if self.steps > BUDGET {
            return false;
        }
        if self.prefix && apos == self.actual.len() {
            return true;
        }
        if line == self.pats.len() {
            if apos == self.actual.len() {
                return true;
            }
            self.miss(apos, None);
            return false;
        }
        if let Some(g) = self.spec.group_at(line) {
            if g.kind == GroupKind::Either {
                // Each alternative on its own: the others count as done.
                return (0..g.units.len()).any(|u| {
                    let mut progress: Vec<usize> = g.units.iter().map(Vec::len).collect();
                    progress[u] = 0;
                    self.group(g, &mut progress, None, apos, binds)
                });
            }
            let mut progress = vec![0; g.units.len()];
            return self.group(g, &mut progress, None, apos, binds);
        }
        self.consume(line, apos, binds, &mut |m, a, b| m.seq(line + 1, a, b))
    }

    /// Inside a group: `progress[u]` lines of unit `u` are matched; `current` is the
    /// `any` unit that has started and must finish before another starts.
    fn group(
        &mut self,
        g: &Group,
        progress: &mut Vec<usize>,
        current: Option<usize>,
        apos: usize,
        binds: &mut Bindings,
    ) -> bool {
        self.steps += 1;
        if self.steps > BUDGET {
            return false;
        }
        if progress.iter().zip(&g.units).all(|(p, u)| *p == u.len()) {
            return self.seq(g.last + 1, apos, binds);
        }
        if self.prefix && apos == self.actual.len() {
            return true;
        }
        let candidates: Vec<usize> = match (g.kind, current) {
            (GroupKind::Any | GroupKind::Either, Some(u)) => vec![u],
            (GroupKind::Any | GroupKind::Either, None) => {
                (0..g.units.len()).filter(|&u| progress[u] == 0).collect()
            }
            (GroupKind::Interleave, _) => (0..g.units.len())
                .filter(|&u| progress[u] < g.units[u].len())
                .collect(),
        };
        // Units whose remaining lines read the same are interchangeable: try one.
        let mut tried: Vec<Vec<&str>> = Vec::new();
        for u in candidates {
            let remaining: Vec<&str> = g.units[u][progress[u]..]
                .iter()
                .map(|&l| self.pats[l].text())
                .collect();
            if tried.contains(&remaining) {
                continue;
            }
            tried.push(remaining);
            let line = g.units[u][progress[u]];
            progress[u] += 1;
            let next =
                (g.kind != GroupKind::Interleave && progress[u] < g.units[u].len()).then_some(u);
            let ok = self.consume(line, apos, binds, &mut |m, a, b| {
                m.group(g, progress, next, a, b)
            });
            progress[u] -= 1;
            if ok {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(expected: &str, race: &str, actual: &str, prefix: bool) -> Result<(), Mismatch> {
        let pats: Vec<Pattern> = expected.lines().map(Pattern::parse).collect();
        let spec = RaceSpec::parse(race, pats.len()).unwrap();
        let actual: Vec<String> = actual.lines().map(String::from).collect();
        match_output(&pats, &spec, &actual, prefix).map(|_| ())
    }

    #[test]
    fn fixed_lines_must_match_in_order() {
        assert!(check("a\nb", "", "a\nb", false).is_ok());
        let e = check("a\nb\nc", "", "a\nc\nb", false).unwrap_err();
        assert_eq!((e.actual_line, e.wanted), (1, vec![1]));
        let e = check("a", "", "a\nextra", false).unwrap_err();
        assert_eq!((e.actual_line, e.wanted), (1, vec![]));
    }

    #[test]
    fn any_swaps_whole_units_only() {
        let exp = "x\n1\n2\n3\nA\nB\ny";
        let race = "any 2-4 5-6";
        assert!(check(exp, race, "x\n1\n2\n3\nA\nB\ny", false).is_ok());
        assert!(check(exp, race, "x\nA\nB\n1\n2\n3\ny", false).is_ok());
        assert!(check(exp, race, "x\n1\nA\n2\n3\nB\ny", false).is_err());
        assert!(check(exp, race, "x\nB\nA\n1\n2\n3\ny", false).is_err());
    }

    #[test]
    fn interleave_keeps_each_chain_in_order() {
        let exp = "a1\nb1\na2\na3\nz";
        let race = "interleave 1,3-4 2";
        for ok in [
            "a1\nb1\na2\na3\nz",
            "b1\na1\na2\na3\nz",
            "a1\na2\na3\nb1\nz",
        ] {
            assert!(check(exp, race, ok, false).is_ok(), "{}", ok);
        }
        assert!(check(exp, race, "a2\na1\nb1\na3\nz", false).is_err());
        assert!(check(exp, race, "a1\nb1\na2\nz\na3", false).is_err());
    }

    #[test]
    fn either_takes_exactly_one_alternative() {
        let exp = "a\nP [1, 2]\nC [2]\nC []\nP [2]\nz";
        let race = "either 2-3 4-5";
        assert!(check(exp, race, "a\nP [1, 2]\nC [2]\nz", false).is_ok());
        assert!(check(exp, race, "a\nC []\nP [2]\nz", false).is_ok());
        assert!(check(exp, race, "a\nP [1, 2]\nC [2]\nC []\nP [2]\nz", false).is_err());
        assert!(check(exp, race, "a\nC [2]\nP [1, 2]\nz", false).is_err());
        assert!(check(exp, race, "a\nz", false).is_err());
    }

    #[test]
    fn optional_lines_may_be_missing() {
        assert!(check("a\nb\nc", "optional 2", "a\nc", false).is_ok());
        assert!(check("a\nb\nc", "optional 2", "a\nb\nc", false).is_ok());
        assert!(check("a\nb\nc", "optional 2", "a\nb\nb\nc", false).is_err());
    }

    #[test]
    fn named_pids_hold_across_reordered_lines() {
        let exp = "start <PID:a>\nstart <PID:b>\nend <PID:a>\nend <PID:b>";
        let race = "any 1 2\nany 3 4";
        assert!(check(exp, race, "start 5\nstart 6\nend 6\nend 5", false).is_ok());
        assert!(check(exp, race, "start 5\nstart 6\nend 6\nend 7", false).is_err());
    }

    #[test]
    fn a_prefix_may_stop_anywhere_in_an_allowed_order() {
        let exp = "a\nb\nc\nd";
        assert!(check(exp, "any 2 3", "a\nc", true).is_ok());
        assert!(check(exp, "any 2 3", "", true).is_ok());
        assert!(check(exp, "any 2 3", "a\nd", true).is_err());
        assert!(check(exp, "", "a\nb\nc\nd\ne", true).is_err());
    }

    #[test]
    fn a_long_shuffle_of_equal_lines_stays_fast() {
        let exp = "x\n".repeat(40) + "end";
        let race = "shuffle 1-40";
        let bad = "x\n".repeat(39) + "y\nend";
        assert!(check(&exp, race, &bad, false).is_err());
    }
}
