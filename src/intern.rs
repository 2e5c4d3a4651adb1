// Interned identifiers: every name the program mentions becomes a `Symbol(u32)`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

struct Interner {
    map: HashMap<&'static str, Symbol>,
    names: Vec<&'static str>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner { map: HashMap::new(), names: Vec::new() });
}

/// The symbol for `name`, creating it on first use. Names are leaked: a program has
/// finitely many and they live as long as the interpreter.
pub fn intern(name: &str) -> Symbol {
    INTERNER.with(|i| {
        let mut i = i.borrow_mut();
        if let Some(&s) = i.map.get(name) {
            return s;
        }
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        let s = Symbol(i.names.len() as u32);
        i.names.push(leaked);
        i.map.insert(leaked, s);
        s
    })
}

impl Symbol {
    pub fn as_str(self) -> &'static str {
        INTERNER.with(|i| i.borrow().names[self.0 as usize])
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every interned name, in symbol order (what a frozen tree's symbols index).
pub fn names() -> Vec<&'static str> {
    INTERNER.with(|i| i.borrow().names.clone())
}
