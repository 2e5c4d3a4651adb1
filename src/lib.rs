// spindle: an interpreter for a small dialect of Python with process parallelism built in.

pub mod diag;
pub mod intern;
pub mod syntax;
