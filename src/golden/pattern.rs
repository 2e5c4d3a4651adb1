// Expected lines with PID placeholders: `<PID>` and `<PID:name>`, matched against real output.

/// One piece of an expected line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// `<PID>` (no name) or `<PID:name>`: a run of ASCII digits.
    Pid(Option<String>),
}

/// An expected line, split into literal text and placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
    text: String,
}

/// The numbers bound to `<PID:name>` placeholders so far, in binding order.
#[derive(Clone, Debug, Default)]
pub struct Bindings {
    pairs: Vec<(String, String)>,
}

impl Bindings {
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Forgets the bindings made after the first `len` (backtracking).
    pub fn truncate(&mut self, len: usize) {
        self.pairs.truncate(len);
    }

    /// The (name, number) pairs, in binding order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Binds `name` to `value`: the same name keeps its number, different names differ.
    pub fn bind(&mut self, name: &str, value: &str) -> bool {
        if let Some(v) = self.get(name) {
            return v == value;
        }
        if self.pairs.iter().any(|(_, v)| v == value) {
            return false;
        }
        self.pairs.push((name.to_string(), value.to_string()));
        true
    }
}

impl Pattern {
    /// Parses one expected line. `<PID>` and `<PID:name>` (name: letters, digits, `_`, `-`)
    /// are placeholders; any other text is literal.
    pub fn parse(line: &str) -> Pattern {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut rest = line;
        while let Some(at) = rest.find("<PID") {
            let after = &rest[at + 4..];
            let placeholder = if let Some(tail) = after.strip_prefix('>') {
                Some((None, tail))
            } else if let Some(named) = after.strip_prefix(':') {
                named.find('>').and_then(|end| {
                    let name = &named[..end];
                    let ok = !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
                    ok.then(|| (Some(name.to_string()), &named[end + 1..]))
                })
            } else {
                None
            };
            match placeholder {
                Some((name, tail)) => {
                    text.push_str(&rest[..at]);
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Pid(name));
                    rest = tail;
                }
                None => {
                    text.push_str(&rest[..at + 4]);
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Pattern {
            pieces,
            text: line.to_string(),
        }
    }

    /// The line as written in the expectation file.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the line has placeholders.
    pub fn has_placeholders(&self) -> bool {
        self.pieces.iter().any(|p| matches!(p, Piece::Pid(_)))
    }

    /// Matches `actual`, extending `binds`; on failure `binds` is left as it was.
    pub fn matches(&self, actual: &str, binds: &mut Bindings) -> bool {
        let mark = binds.len();
        let ok = match_pieces(&self.pieces, actual, binds);
        if !ok {
            binds.truncate(mark);
        }
        ok
    }
}

fn match_pieces(pieces: &[Piece], actual: &str, binds: &mut Bindings) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return actual.is_empty();
    };
    match first {
        Piece::Text(t) => actual
            .strip_prefix(t.as_str())
            .is_some_and(|tail| match_pieces(rest, tail, binds)),
        Piece::Pid(name) => {
            let digits = actual.bytes().take_while(u8::is_ascii_digit).count();
            // Longest run first; shorter ones only matter when literal digits follow.
            for len in (1..=digits).rev() {
                let mark = binds.len();
                let bound = match name {
                    Some(n) => binds.bind(n, &actual[..len]),
                    None => true,
                };
                if bound && match_pieces(rest, &actual[len..], binds) {
                    return true;
                }
                binds.truncate(mark);
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, lines: &[&str]) -> bool {
        let p: Vec<Pattern> = p.lines().map(Pattern::parse).collect();
        let mut b = Bindings::default();
        p.iter().zip(lines).all(|(p, l)| p.matches(l, &mut b))
    }

    #[test]
    fn plain_text_matches_itself_only() {
        assert!(m("hello", &["hello"]));
        assert!(!m("hello", &["hello "]));
    }

    #[test]
    fn pid_matches_digits_only() {
        assert!(m("pid <PID>.", &["pid 123."]));
        assert!(!m("pid <PID>.", &["pid ."]));
        assert!(!m("pid <PID>.", &["pid 12a."]));
    }

    #[test]
    fn named_pids_are_consistent_and_distinct() {
        let exp = "a <PID:x>\nb <PID:y>\nc <PID:x>";
        assert!(m(exp, &["a 10", "b 11", "c 10"]));
        assert!(!m(exp, &["a 10", "b 11", "c 12"]));
        assert!(!m(exp, &["a 10", "b 10", "c 10"]));
    }

    #[test]
    fn digits_after_a_placeholder_backtrack() {
        assert!(m("<PID>7", &["1237"]));
        assert!(!m("<PID>7", &["7"]));
    }

    #[test]
    fn malformed_placeholders_are_literal() {
        assert!(m("<PID:>", &["<PID:>"]));
        assert!(m("<PID", &["<PID"]));
        assert!(m("<PIDX>", &["<PIDX>"]));
    }
}
