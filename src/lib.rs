// spindle: an interpreter for a small dialect of Python with process parallelism built in.

pub mod diag;
pub mod format;
pub mod intern;
pub mod random_core;
pub mod syntax;
