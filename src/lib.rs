// spindle: an interpreter for a small dialect of Python with process parallelism built in.

pub mod builtins;
pub mod compile;
pub mod diag;
pub mod format;
pub mod golden;
pub mod intern;
pub mod interp;
pub mod methods;
pub mod modules;
pub mod mp;
pub mod output;
pub mod random_core;
pub mod repl;
pub mod run;
pub mod signals;
pub mod stdin;
pub mod syntax;
pub mod value;
