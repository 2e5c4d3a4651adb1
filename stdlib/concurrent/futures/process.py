# concurrent.futures.process: ProcessPoolExecutor, over multiprocessing's pool.
#
# As CPython's, the executor forks its workers at the first submit, keeps at most one
# call more than it has workers in their queue (the rest wait here, and can still be
# cancelled), and is broken for good when a worker dies abruptly. Its answers are
# read whenever this process waits; calls still pending when the program ends are
# completed first, as CPython's exit handler waits for them.

import collections
import itertools
import multiprocessing
import _mp
from multiprocessing.pool import Pool, RemoteTraceback, MaybeEncodingError, TERMINATE
from concurrent.futures import _base

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

# Calls queued for the workers beyond one each: the others can still be cancelled.
EXTRA_QUEUED_CALLS = 1


class _RemoteTraceback(RemoteTraceback):
    '''The worker's traceback, under the name CPython's executor prints.'''


class BrokenProcessPool(_base.BrokenExecutor):
    '''Raised when a process in a ProcessPoolExecutor terminated abruptly while a
    future was in the running state.'''
    pass


class _ExecutorPool(Pool):
    '''The pool behind an executor: its workers are not daemons (a call may start
    processes), and a worker that ends other than by finishing its quota of calls
    breaks the executor (CPython's replaces none).'''
    _daemon_workers = False

    def __init__(self, executor, prefix, *args):
        self._executor = executor
        self._worker_prefix = prefix
        Pool.__init__(self, *args)

    def _worker_ended(self, w):
        if w.process.exitcode != 0 and self._state != TERMINATE:
            self._drain(w)
            self._executor._break()
            return
        Pool._worker_ended(self, w)


_WORKER_PREFIX = {'fork': 'ForkProcess-', 'spawn': 'SpawnProcess-',
                  'forkserver': 'ForkServerProcess-'}


def _initialize(initializer, initargs):
    try:
        initializer(*initargs)
    except BaseException as e:
        # As CPython's worker logs it; the worker then ends, which breaks the executor.
        _mp._write_stderr('Exception in initializer:\n')
        _mp._print_exception(e)
        raise SystemExit(1)


class _Raised:
    '''What a call raised that is not an Exception (SystemExit, KeyboardInterrupt):
    sent back as an answer, since the worker must live on.'''

    def __init__(self, error, tb):
        self.error = error
        self.tb = tb


def _call(fn, args, kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception:
        raise
    except BaseException as e:
        return _Raised(e, _mp._format_exception(e))


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chunks(iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _flatten(results):
    try:
        for chunk in results:
            yield from chunk
    finally:
        # Closing this closes the calls' iterator, which cancels those not started.
        results.close()


def _forget():
    _base._active[:] = []


def _finish_all():
    '''At exit: the calls still pending are completed first, as CPython's exit
    handler waits for them.'''
    for ex in list(_base._active):
        ex.shutdown(wait=True)


multiprocessing._after_fork.append(_forget)
_mp._register_exit(_finish_all)


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = _mp.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if mp_context is None:
            mp_context = multiprocessing.get_context(
                'spawn' if max_tasks_per_child is not None else None)
        self._mp_context = mp_context
        self._start_method = mp_context.get_start_method(allow_none=False)
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if self._start_method == 'fork':
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self._max_tasks_per_child = max_tasks_per_child
        self._pool = None
        # (future, fn, args, kwargs) not yet given to the workers, oldest first.
        self._waiting = collections.deque()
        self._running = []      # futures given to the workers
        self._shutdown_thread = False
        self._broken = False

    # -- feeding the workers ---------------------------------------------------

    def _start(self):
        if self._pool is None:
            initializer, initargs = None, ()
            if self._initializer is not None:
                initializer, initargs = _initialize, (self._initializer, self._initargs)
            self._pool = _ExecutorPool(self, _WORKER_PREFIX.get(self._start_method, 'ForkProcess-'),
                                       self._max_workers, initializer, initargs,
                                       self._max_tasks_per_child)
            _base._active.append(self)

    def _feed(self):
        while (self._waiting and not self._broken
               and len(self._running) < self._max_workers + EXTRA_QUEUED_CALLS):
            f, fn, args, kwargs = self._waiting.popleft()
            if not f.set_running_or_notify_cancel():
                continue
            self._running.append(f)
            self._pool.apply_async(_call, (fn, args, kwargs),
                                   callback=lambda value, f=f: self._answer(f, True, value),
                                   error_callback=lambda e, f=f: self._answer(f, False, e))

    def _answer(self, f, ok, value):
        if f in self._running:
            self._running.remove(f)
        if ok and isinstance(value, _Raised):
            raised = value
            ok, value = False, raised.error
            value.__cause__ = _RemoteTraceback('\n"""\n' + raised.tb + '"""')
        elif not ok and isinstance(value, MaybeEncodingError):
            tb = value._tb
            value = value._error
            value.__cause__ = _RemoteTraceback('\n"""\n' + tb + '"""')
        elif not ok and isinstance(value.__cause__, RemoteTraceback):
            value.__cause__ = _RemoteTraceback(value.__cause__.tb)
        elif not ok and value.__cause__ is None:
            # The call could not be sent: CPython's feeder attaches where it failed.
            value.__cause__ = _RemoteTraceback('\n"""\n' + _mp._format_exception(value) + '"""')
        if not f.done():
            if ok:
                f.set_result(value)
            else:
                f.set_exception(value)
        self._feed()

    def _break(self):
        '''A worker died abruptly: every call not answered fails, and no more are taken.'''
        self._broken = ('A child process terminated abruptly, the process pool is not '
                        'usable anymore')
        error = BrokenProcessPool('A process in the process pool was terminated abruptly '
                                  'while the future was running or pending.')
        unanswered = self._running + [item[0] for item in self._waiting]
        self._running = []
        self._waiting.clear()
        for f in unanswered:
            if not f.done():
                f.set_exception(error)
        self._end_pool(terminate=True)

    def _end_pool(self, terminate=False):
        pool, self._pool = self._pool, None
        if self in _base._active:
            _base._active.remove(self)
        if pool is None:
            return
        if terminate:
            pool.terminate()
        else:
            pool.close()
            pool.join()

    # -- what futures wait on ----------------------------------------------------

    def _fds(self):
        if self._pool is None:
            return []
        fds = []
        for w in self._pool._workers:
            fds.extend(w.fds())
        return fds

    def _pump(self):
        if self._pool is not None:
            self._pool._pump()

    # -- the API -------------------------------------------------------------------

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        # A worker that died since the last look breaks the executor now.
        self._pump()
        if self._broken:
            raise BrokenProcessPool(self._broken)
        f = _base.Future()
        f._executor = self
        self._waiting.append((f, fn, args, kwargs))
        self._start()
        self._feed()
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if chunksize == 1:
            return _base.Executor.map(self, fn, *iterables, timeout=timeout)
        results = _base.Executor.map(self, _process_chunk, itertools.repeat(fn),
                                     _chunks(iterables, chunksize), timeout=timeout)
        return _flatten(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_thread = True
        if cancel_futures:
            for f, _, _, _ in self._waiting:
                f.cancel()
            self._waiting.clear()
        if self._pool is not None and self._pool._pumping:
            # From a callback, while the pool reads its answers: it is not ended under
            # its reader; its idle workers stay until the program ends.
            return
        if wait or not (self._running or self._waiting):
            while self._running or self._waiting:
                _base._wait_for(None)
            self._end_pool()
