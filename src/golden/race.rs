// The `X.race` sidecar: which expected lines may come in another order, may be missing, or get a named check.
//
// Lines of `X.out` are numbered from 1. Blank lines and `#` comments are ignored.
//
//     any UNIT UNIT ...          the units come in any order; a unit is `N` or `N-M` and
//                                keeps its own lines in order (`any 4 5`: lines 4 and 5
//                                may swap; `any 1-5 6-8`: two blocks may swap whole)
//     shuffle N-M                every line of N..M may come anywhere in N..M
//                                (short for `any N N+1 ... M`)
//     interleave CHAIN CHAIN ... the output holds the chains interleaved, each chain in
//                                its own order; a chain is `N`, `N-M`, or a comma list
//                                of those (`interleave 9,11-12 10`)
//     either UNIT UNIT ...       the output holds exactly one of the units, in place: for
//                                a race whose two orders print different text, `X.out`
//                                holds both versions (`either 4-5 6-7`)
//     optional N[-M] ...         these lines may be missing from the output
//     check NAME ARG ...         a named check over the whole output (see `checks.rs`)
//
// The lines named by one `any`, `shuffle`, `interleave` or `either` must together be one
// contiguous range of `X.out`, each line once, and two such rules may not share a line.
// Every line in no rule stays exactly where it is.

use super::checks;

/// How the units of a group may be ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// Whole units in any order.
    Any,
    /// Units (chains) interleaved line by line, each in its own order.
    Interleave,
    /// Exactly one of the units.
    Either,
}

/// One `any` / `shuffle` / `interleave` / `either` rule: 0-based expected line indices per unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub kind: GroupKind,
    pub units: Vec<Vec<usize>>,
    /// The 0-based range the group covers.
    pub first: usize,
    pub last: usize,
}

/// A `check NAME ARG...` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckSpec {
    pub name: String,
    pub args: Vec<String>,
}

/// Everything an `X.race` file says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RaceSpec {
    pub groups: Vec<Group>,
    /// 0-based indices of lines that may be missing.
    pub optional: Vec<usize>,
    pub checks: Vec<CheckSpec>,
}

impl RaceSpec {
    /// Parses the sidecar for an expectation of `line_count` lines.
    pub fn parse(text: &str, line_count: usize) -> Result<RaceSpec, String> {
        let mut spec = RaceSpec::default();
        for (no, raw) in text.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let at = |msg: String| format!("line {}: {}", no + 1, msg);
            let mut words = line.split_whitespace();
            let keyword = words.next().unwrap_or_default();
            let args: Vec<&str> = words.collect();
            match keyword {
                "any" | "interleave" | "either" => {
                    if args.len() < 2 {
                        return Err(at(format!("`{}` needs at least two units", keyword)));
                    }
                    let units = args
                        .iter()
                        .map(|a| parse_chain(a, keyword == "interleave", line_count))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(at)?;
                    let kind = match keyword {
                        "any" => GroupKind::Any,
                        "either" => GroupKind::Either,
                        _ => GroupKind::Interleave,
                    };
                    spec.add_group(kind, units).map_err(at)?;
                }
                "shuffle" => {
                    let [range] = args[..] else {
                        return Err(at("`shuffle` takes one range N-M".into()));
                    };
                    let lines = parse_range(range, line_count).map_err(at)?;
                    if lines.len() < 2 {
                        return Err(at("`shuffle` needs at least two lines".into()));
                    }
                    let units = lines.into_iter().map(|l| vec![l]).collect();
                    spec.add_group(GroupKind::Any, units).map_err(at)?;
                }
                "optional" => {
                    if args.is_empty() {
                        return Err(at("`optional` needs line numbers".into()));
                    }
                    for a in &args {
                        spec.optional
                            .extend(parse_range(a, line_count).map_err(at)?);
                    }
                }
                "check" => {
                    let Some((name, rest)) = args.split_first() else {
                        return Err(at("`check` needs a name".into()));
                    };
                    let check = CheckSpec {
                        name: name.to_string(),
                        args: rest.iter().map(|s| s.to_string()).collect(),
                    };
                    checks::validate(&check).map_err(at)?;
                    spec.checks.push(check);
                }
                other => {
                    return Err(at(format!(
                        "unknown rule `{}` (any, shuffle, interleave, either, optional, check)",
                        other
                    )))
                }
            }
        }
        spec.groups.sort_by_key(|g| g.first);
        Ok(spec)
    }

    fn add_group(&mut self, kind: GroupKind, units: Vec<Vec<usize>>) -> Result<(), String> {
        let mut all: Vec<usize> = units.iter().flatten().copied().collect();
        all.sort_unstable();
        let (first, last) = (all[0], all[all.len() - 1]);
        if all.windows(2).any(|w| w[0] == w[1]) {
            return Err("a line is named twice".into());
        }
        if last - first + 1 != all.len() {
            return Err(format!(
                "the lines must form one range; {}-{} has gaps",
                first + 1,
                last + 1
            ));
        }
        if let Some(g) = self
            .groups
            .iter()
            .find(|g| first <= g.last && g.first <= last)
        {
            return Err(format!(
                "lines {}-{} overlap another rule's lines {}-{}",
                first + 1,
                last + 1,
                g.first + 1,
                g.last + 1
            ));
        }
        self.groups.push(Group {
            kind,
            units,
            first,
            last,
        });
        Ok(())
    }

    /// The group starting at 0-based line `line`, if any.
    pub fn group_at(&self, line: usize) -> Option<&Group> {
        self.groups.iter().find(|g| g.first == line)
    }

    pub fn is_optional(&self, line: usize) -> bool {
        self.optional.contains(&line)
    }
}

fn strip_comment(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_space {
            return &line[..i];
        }
        prev_space = c.is_whitespace();
    }
    line
}

/// `N`, `N-M`, or (in a chain) a comma list of those: 0-based indices in order.
fn parse_chain(text: &str, commas: bool, count: usize) -> Result<Vec<usize>, String> {
    if !commas && text.contains(',') {
        return Err(format!(
            "`{}`: comma lists are for `interleave`; other units are `N` or `N-M`",
            text
        ));
    }
    let mut out = Vec::new();
    for part in text.split(',') {
        out.extend(parse_range(part, count)?);
    }
    if out.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!("`{}`: a chain lists its lines in order", text));
    }
    Ok(out)
}

fn parse_range(text: &str, count: usize) -> Result<Vec<usize>, String> {
    let num = |s: &str| -> Result<usize, String> {
        let n: usize = s
            .parse()
            .map_err(|_| format!("`{}` is not a line number", s))?;
        if n == 0 || n > count {
            return Err(format!("line {} is outside 1-{}", n, count));
        }
        Ok(n - 1)
    };
    match text.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (num(a)?, num(b)?);
            if a > b {
                return Err(format!("`{}`: the range is backwards", text));
            }
            Ok((a..=b).collect())
        }
        None => Ok(vec![num(text)?]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse() {
        let spec = RaceSpec::parse(
            "# comment\nany 1 2  # swap\nshuffle 3-5\ninterleave 6,8 7\noptional 9\neither 10 11-12\n",
            12,
        )
        .unwrap();
        assert_eq!(spec.groups.len(), 4);
        assert_eq!(spec.groups[3].kind, GroupKind::Either);
        assert_eq!(spec.groups[0].units, vec![vec![0], vec![1]]);
        assert_eq!(spec.groups[1].units.len(), 3);
        assert_eq!(spec.groups[2].kind, GroupKind::Interleave);
        assert_eq!(spec.groups[2].units, vec![vec![5, 7], vec![6]]);
        assert_eq!(spec.optional, vec![8]);
    }

    #[test]
    fn bad_rules_are_reported_with_their_line() {
        let err = |t: &str| RaceSpec::parse(t, 6).unwrap_err();
        assert!(err("any 1 3").contains("line 1: the lines must form one range"));
        assert!(err("\nany 1 2\nany 2 3").contains("line 3: lines 2-3 overlap"));
        assert!(err("any 1 7").contains("outside 1-6"));
        assert!(err("swap 1 2").contains("unknown rule `swap`"));
        assert!(err("any 1,2 3").contains("comma lists"));
        assert!(err("interleave 2,1 3").contains("in order"));
        assert!(err("check nosuch").contains("nosuch"));
    }
}
