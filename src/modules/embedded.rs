// Modules written in the dialect (stdlib/*.py), embedded so the binary is the whole
// install; each is parsed only when first imported.

#[rustfmt::skip]
pub const EMBEDDED: &[(&str, &str)] = &[
    ("multiprocessing", include_str!("../../stdlib/multiprocessing.py")),
    ("multiprocessing.pool", include_str!("../../stdlib/multiprocessing/pool.py")),
    ("multiprocessing.managers", include_str!("../../stdlib/multiprocessing/managers.py")),
    ("multiprocessing.connection", include_str!("../../stdlib/multiprocessing/connection.py")),
    ("multiprocessing.sharedctypes", include_str!("../../stdlib/multiprocessing/sharedctypes.py")),
    ("multiprocessing.queues", include_str!("../../stdlib/multiprocessing/queues.py")),
    ("multiprocessing.context", include_str!("../../stdlib/multiprocessing/context.py")),
    ("array", include_str!("../../stdlib/array.py")),
    ("collections", include_str!("../../stdlib/collections.py")),
    ("concurrent", include_str!("../../stdlib/concurrent/__init__.py")),
    ("concurrent.futures", include_str!("../../stdlib/concurrent/futures/__init__.py")),
    ("concurrent.futures._base", include_str!("../../stdlib/concurrent/futures/_base.py")),
    ("concurrent.futures.process", include_str!("../../stdlib/concurrent/futures/process.py")),
    ("functools", include_str!("../../stdlib/functools.py")),
    ("itertools", include_str!("../../stdlib/itertools.py")),
    ("signal", include_str!("../../stdlib/signal.py")),
    ("operator", include_str!("../../stdlib/operator.py")),
    ("queue", include_str!("../../stdlib/queue.py")),
    ("urllib", include_str!("../../stdlib/urllib/__init__.py")),
    ("urllib.error", include_str!("../../stdlib/urllib/error.py")),
    ("urllib.parse", include_str!("../../stdlib/urllib/parse.py")),
    ("urllib.request", include_str!("../../stdlib/urllib/request.py")),
];
