// The front end: source text -> layout marks -> pest parse -> AST.

pub mod ast;
