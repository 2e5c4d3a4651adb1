// The frozen standard library: the trees build.rs parsed from stdlib/, decoded at import.

use crate::syntax::ast::Module;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/frozen_stdlib.rs"));
}

/// The parsed tree of `EMBEDDED[index]`, as the build parsed it (None only if the
/// bytes do not decode, a build defect the tests catch; the caller then parses).
pub fn tree(index: usize) -> Option<Module> {
    let start = index.checked_sub(1).map_or(0, |i| generated::ENDS[i]);
    let bytes = generated::TREES.get(start..*generated::ENDS.get(index)?)?;
    crate::syntax::frozen::thaw(bytes, generated::NAMES).ok()
}

#[cfg(test)]
mod tests {
    use super::super::embedded::EMBEDDED;

    /// Each frozen tree is the tree the parser builds from the embedded source now.
    #[test]
    fn frozen_trees_match_the_sources() {
        for (i, (name, source)) in EMBEDDED.iter().enumerate() {
            let parsed = crate::syntax::parse_module(source).expect("stdlib parses");
            let thawed = format!("{:?}", super::tree(i).expect("frozen tree decodes"));
            let parsed = format!("{parsed:?}");
            if let Some(at) = parsed.bytes().zip(thawed.bytes()).position(|(a, b)| a != b) {
                let around = |s: &str| {
                    s.get(at.saturating_sub(80)..(at + 80).min(s.len()))
                        .map(str::to_string)
                };
                panic!(
                    "frozen tree of {name} differs from its source:\nparsed {:?}\nfrozen {:?}",
                    around(&parsed),
                    around(&thawed)
                );
            }
            assert_eq!(
                parsed.len(),
                thawed.len(),
                "frozen tree of {name} has another length"
            );
        }
    }
}
