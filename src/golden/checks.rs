// Named checks an `X.race` file can request with `check NAME ARG...`, run over the whole output.
//
//     check semaphore LIMIT WAIT ACQUIRE RELEASE
//         Lines ending in ` WAIT`, ` ACQUIRE` or ` RELEASE` are events of the actor
//         named by the text before that word. Each actor must print WAIT, then ACQUIRE,
//         then RELEASE, once each; replaying the output in order, never more than LIMIT
//         actors hold the semaphore (between their ACQUIRE and RELEASE lines). Other
//         lines are left to the ordering rules.

use super::race::CheckSpec;

/// The names `check` accepts.
pub const NAMES: &[&str] = &["semaphore"];

/// Rejects an unknown check or wrong arguments when the sidecar is read.
pub fn validate(check: &CheckSpec) -> Result<(), String> {
    match check.name.as_str() {
        "semaphore" => semaphore_args(&check.args).map(|_| ()),
        other => Err(format!(
            "unknown check `{}` (known: {})",
            other,
            NAMES.join(", ")
        )),
    }
}

/// Runs one check over the actual output lines.
pub fn run(check: &CheckSpec, lines: &[String]) -> Result<(), String> {
    match check.name.as_str() {
        "semaphore" => {
            let (limit, words) = semaphore_args(&check.args)?;
            semaphore(limit, words, lines)
        }
        other => Err(format!("unknown check `{}`", other)),
    }
}

fn semaphore_args(args: &[String]) -> Result<(usize, [&str; 3]), String> {
    let usage = "`check semaphore LIMIT WAIT ACQUIRE RELEASE`";
    let [limit, wait, acquire, release] = args else {
        return Err(format!("{} takes four arguments", usage));
    };
    let limit: usize = limit
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{}: LIMIT must be a positive number", usage))?;
    Ok((limit, [wait.as_str(), acquire.as_str(), release.as_str()]))
}

fn semaphore(limit: usize, words: [&str; 3], lines: &[String]) -> Result<(), String> {
    // Per actor: how many of its three events (wait, acquire, release) came so far.
    let mut actors: Vec<(String, usize)> = Vec::new();
    let mut holding = 0usize;
    for (no, line) in lines.iter().enumerate() {
        let Some((actor, phase)) = words.iter().enumerate().find_map(|(phase, w)| {
            let actor = line.strip_suffix(w)?.strip_suffix(' ')?;
            Some((actor, phase))
        }) else {
            continue;
        };
        let at = format!("semaphore check, output line {} `{}`", no + 1, line);
        let seen = match actors.iter_mut().find(|(a, _)| a == actor) {
            Some((_, seen)) => seen,
            None => {
                actors.push((actor.to_string(), 0));
                &mut actors.last_mut().unwrap().1
            }
        };
        if *seen != phase {
            let expected = words.get(*seen).copied().unwrap_or("nothing more");
            return Err(format!(
                "{}: {} should print `{}` next",
                at, actor, expected
            ));
        }
        *seen += 1;
        match phase {
            1 => {
                holding += 1;
                if holding > limit {
                    return Err(format!(
                        "{}: {} actors would hold the semaphore at once (limit {})",
                        at, holding, limit
                    ));
                }
            }
            2 => holding -= 1,
            _ => {}
        }
    }
    if let Some((actor, seen)) = actors.iter().find(|(_, seen)| *seen < 3) {
        return Err(format!(
            "semaphore check: {} never printed `{}`",
            actor, words[*seen]
        ));
    }
    if actors.is_empty() {
        return Err("semaphore check: no line names a semaphore event".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(out: &str) -> Result<(), String> {
        let spec = CheckSpec {
            name: "semaphore".into(),
            args: ["2", "wait", "get", "put"].map(String::from).to_vec(),
        };
        validate(&spec)?;
        let lines: Vec<String> = out.lines().map(String::from).collect();
        run(&spec, &lines)
    }

    #[test]
    fn a_good_run_passes() {
        check("a wait\nb wait\nc wait\na get\nb get\na put\nc get\nb put\nc put\ndone").unwrap();
    }

    #[test]
    fn too_many_holders_fail() {
        let e =
            check("a wait\nb wait\nc wait\na get\nb get\nc get\na put\nb put\nc put").unwrap_err();
        assert!(e.contains("3 actors would hold"), "{}", e);
    }

    #[test]
    fn events_out_of_order_fail() {
        let e = check("a wait\na put\na get").unwrap_err();
        assert!(e.contains("a should print `get` next"), "{}", e);
        let e = check("a wait\na get").unwrap_err();
        assert!(e.contains("never printed `put`"), "{}", e);
    }

    #[test]
    fn bad_arguments_are_rejected() {
        let spec = CheckSpec {
            name: "semaphore".into(),
            args: vec!["0".into()],
        };
        assert!(validate(&spec).is_err());
    }
}
