// "Did you mean: 'count'?": the name closest to a missing one, chosen as CPython 3.11
// chooses it (a weighted edit distance over UTF-8 bytes, at most a third changed).

use super::err::Exc;
use super::{Frame, Interp};
use crate::intern::Symbol;
use crate::value::object::Suggest;
use crate::value::Value;
use std::rc::Rc;

/// Past this many candidates, or this many bytes in a name, nothing is suggested.
const MAX_CANDIDATES: usize = 750;
const MAX_LEN: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance from `a` to `b`, or `max_cost + 1` once it must exceed it.
fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..i + 1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (i, &c) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, c);
            diagonal = row[i];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (the first of equals), if close enough.
fn closest<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &c in candidates {
        if c == name {
            continue;
        }
        let mut max_distance = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max_distance);
        if d <= max_distance && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

impl Interp {
    /// Notes on a NameError for `name`, missed in `frame`, the name to suggest: from
    /// the function's locals, else the module's globals, else the builtins.
    pub fn suggest_name(&self, e: Exc, frame: &Frame, name: Symbol) -> Exc {
        let name = name.as_str();
        let locals: Vec<&str> = frame
            .code
            .map(|def| def.scope.local_names.iter().map(|s| s.as_str()).collect())
            .unwrap_or_default();
        let globals: Vec<&str> = frame
            .module
            .items()
            .into_iter()
            .map(|(k, _)| k.as_str())
            .collect();
        let builtins: Vec<&str> = (0..self.builtins.len() as u32)
            .map(Symbol)
            .filter(|s| self.builtin(*s).is_some())
            .map(|s| s.as_str())
            .collect();
        let found = closest(&locals, name)
            .or_else(|| closest(&globals, name))
            .or_else(|| closest(&builtins, name));
        if let Some(s) = found {
            e.state().suggest = Some(Suggest::Found(Rc::from(s)));
        }
        e
    }

    /// The suggestion a traceback ends with, for a NameError or AttributeError
    /// (exactly those, as CPython) that the runtime raised.
    pub fn suggestion(&mut self, e: &Exc) -> Option<String> {
        let cls = e.class();
        if !cls.builtin || !matches!(&*cls.name, "NameError" | "AttributeError") {
            return None;
        }
        let (names_of, own, name) = match &e.state().suggest {
            None => return None,
            Some(Suggest::Found(s)) => return Some(s.to_string()),
            Some(Suggest::Attribute(of, own, name)) => (of.clone(), own.clone(), *name),
        };
        let names = crate::builtins::functions::dir(self, &[names_of], Vec::new()).ok()?;
        let mut names: Vec<String> = match names {
            Value::List(l) => l
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
                .collect(),
            _ => return None,
        };
        // As dir() of the instance: its own attributes among its class's, sorted.
        names.extend(own.iter().map(|s| s.as_str().to_string()));
        names.sort();
        names.dedup();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        closest(&names, name.as_str()).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn as_cpython_suggests() {
        assert_eq!(closest(&["count", "print"], "cuont"), Some("count"));
        assert_eq!(closest(&["Process", "Pool"], "Proces"), Some("Process"));
        assert_eq!(closest(&["close", "join"], "_closed"), Some("close"));
        assert_eq!(closest(&["abs", "all"], "xyz"), None);
        // Case differences cost half an edit.
        assert_eq!(closest(&["Value", "values"], "value"), Some("Value"));
        assert_eq!(closest(&["x"], "x"), None);
    }
}
