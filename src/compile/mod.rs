// Compilation stages between parsing and running: scope resolution.

pub mod resolve;
