// A unified diff of two texts, line by line, with three lines of context.

/// One line of an edit script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Same(usize, usize),
    Del(usize),
    Add(usize),
}

/// The edit script from `a` to `b` by longest common subsequence.
fn edits(a: &[&str], b: &[&str]) -> Vec<Op> {
    // Trim the common ends so the table stays small.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op> = (0..head).map(|i| Op::Same(i, i)).collect();
    if am.len() * bm.len() > 4_000_000 {
        // Too big for the table: everything in the middle differs.
        ops.extend((0..am.len()).map(|i| Op::Del(head + i)));
        ops.extend((0..bm.len()).map(|j| Op::Add(head + j)));
    } else {
        let (n, m) = (am.len(), bm.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push(Op::Same(head + i, head + j));
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push(Op::Del(head + i));
                i += 1;
            } else {
                ops.push(Op::Add(head + j));
                j += 1;
            }
        }
    }
    let (sa, sb) = (a.len() - tail, b.len() - tail);
    ops.extend((0..tail).map(|k| Op::Same(sa + k, sb + k)));
    ops
}

/// A unified diff from `expected` to `actual` (empty when they are equal).
pub fn unified(expected: &str, actual: &str, from: &str, to: &str) -> String {
    if expected == actual {
        return String::new();
    }
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let ops = edits(&a, &b);
    let mut out = format!("--- {}\n+++ {}\n", from, to);
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..ops.len())
        .filter(|&k| !matches!(ops[k], Op::Same(..)))
        .collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 2 * CONTEXT + 1 {
            end = changed[k];
            k += 1;
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let a_start = hunk.iter().find_map(|op| match op {
            Op::Same(i, _) | Op::Del(i) => Some(*i),
            Op::Add(_) => None,
        });
        let b_start = hunk.iter().find_map(|op| match op {
            Op::Same(_, j) | Op::Add(j) => Some(*j),
            Op::Del(_) => None,
        });
        let a_len = hunk.iter().filter(|op| !matches!(op, Op::Add(_))).count();
        let b_len = hunk.iter().filter(|op| !matches!(op, Op::Del(_))).count();
        let pos = |s: Option<usize>, len: usize| match (s, len) {
            (_, 0) => format!("{},0", s.unwrap_or(0)),
            (Some(s), 1) => format!("{}", s + 1),
            (s, len) => format!("{},{}", s.unwrap_or(0) + 1, len),
        };
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            pos(a_start, a_len),
            pos(b_start, b_len)
        ));
        for op in hunk {
            match *op {
                Op::Same(i, _) => out.push_str(&format!(" {}\n", a[i])),
                Op::Del(i) => out.push_str(&format!("-{}\n", a[i])),
                Op::Add(j) => out.push_str(&format!("+{}\n", b[j])),
            }
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n')
        && !expected.is_empty()
        && !actual.is_empty()
    {
        let which = if actual.ends_with('\n') {
            "expected"
        } else {
            "actual"
        };
        out.push_str(&format!("\\ No newline at end of the {} output\n", which));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_line() {
        let d = unified("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n", "expected", "actual");
        assert_eq!(
            d,
            "--- expected\n+++ actual\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+X\n d\n e\n"
        );
    }

    #[test]
    fn distant_changes_make_two_hunks() {
        let a: String = (0..20).map(|i| format!("{}\n", i)).collect();
        let b = a.replace("2\n", "two\n").replace("17\n", "seventeen\n");
        let d = unified(&a, &b, "e", "a");
        assert_eq!(d.matches("@@ -").count(), 2, "{}", d);
    }

    #[test]
    fn added_and_missing_lines() {
        let d = unified("a\n", "a\nb\n", "e", "a");
        assert!(d.contains("@@ -1 +1,2 @@\n a\n+b\n"), "{}", d);
        let d = unified("a\nb\n", "", "e", "a");
        assert!(d.contains("@@ -1,2 +0,0 @@\n-a\n-b\n"), "{}", d);
    }
}
