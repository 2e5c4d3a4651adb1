// Process parallelism: processes, the one blocking wait, and the native `_mp` module
// that `stdlib/multiprocessing.py` builds on.

pub mod block;
pub mod process;

use crate::builtins::native;
use crate::intern::intern;
use crate::interp::Interp;
use crate::value::{ModuleObj, Value};
use std::rc::Rc;

/// The `_mp` module: primitives in Rust for the dialect's `multiprocessing`.
pub fn create_module(_interp: &mut Interp) -> Value {
    let m = Rc::new(ModuleObj::new("_mp", 0));
    let f: &[(&'static str, crate::value::NativeFn)] = &[
        ("_fork", process::fork),
        ("_waitpid", process::waitpid),
        ("_wait_sentinel", process::wait_sentinel),
        ("_close_fd", process::close_fd),
        ("_kill", process::kill),
        ("_exit_child", process::exit_child),
        ("_print_exception", process::print_exception),
        ("_getpid", process::getpid),
        ("_getppid", process::getppid),
        ("cpu_count", process::cpu_count),
        ("_register_exit", process::register_exit),
        ("_die_of_sigint", process::die_of_sigint),
        ("_write_stderr", process::write_stderr),
    ];
    for (name, func) in f {
        m.set(intern(name), native(name, *func));
    }
    m.set(intern("__name__"), Value::str("_mp"));
    Value::Module(m)
}
