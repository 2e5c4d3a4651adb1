# multiprocessing.pool: a pool of forked worker processes, without helper threads.
#
# Tasks go to the workers through one shared queue; each worker answers on its own
# pipe. The parent reads the answers, runs callbacks and notices dead workers
# whenever it talks to the pool (get, wait, join, iteration, close) -- and, through
# the runtime's pump hook, during any other blocking wait such as time.sleep.
# Functions travel by reference to their definition, so lambdas and closures work.

import multiprocessing
import _mp

__all__ = ['Pool', 'AsyncResult', 'ApplyResult', 'MapResult', 'IMapIterator',
           'TimeoutError', 'RemoteTraceback', 'WorkerLostError']

TimeoutError = multiprocessing.TimeoutError

RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class WorkerLostError(multiprocessing.ProcessError):
    '''A worker died (killed by a signal, os._exit) while it held a task.'''
    pass


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        # The error itself and where it was raised, for an executor, which reports
        # it as CPython's does.
        self._error = exc
        self._tb = _mp._format_exception(exc)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


def _rebuild(exc, tb):
    '''The exception a task raised, with the worker's traceback as its cause.'''
    exc.__cause__ = RemoteTraceback('\n"""\n' + tb + '"""')
    return exc


# A worker keeps the task it runs in shared memory (job and index in one word, so
# that it is never seen half-written): the pool reads it only if the worker dies,
# and no message wakes the pool when a task starts.
_TASK_BITS = 32


def _worker(tasks, out, holding, initializer, initargs, maxtasks):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = tasks.get()
        if task is None:
            break
        job, i, payload = task
        holding[0] = (job << _TASK_BITS) | i
        try:
            # A task this process cannot receive (a lock made after it started)
            # fails alone.
            func, chunk, mode = _mp._loads(payload)
            if mode == 'apply':
                args, kwds = chunk
                result = (True, func(*args, **kwds))
            elif mode == 'star':
                # tuple(): an item that is not iterable is reported as starmap does.
                result = (True, [func(*tuple(args)) for args in chunk])
            else:
                result = (True, [func(x) for x in chunk])
        except Exception as e:
            result = (False, (e, _mp._format_exception(e)))
        try:
            # Encoded apart from the envelope: a result the pool cannot rebuild
            # fails its task alone.
            out.send(('done', job, i, _mp._dumps(result)))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            failed = (False, (wrapped, _mp._format_exception(wrapped)))
            out.send(('done', job, i, _mp._dumps(failed)))
        completed += 1


class _Worker:
    def __init__(self, pool):
        reader, writer = multiprocessing.Pipe(duplex=False)
        self.holding = multiprocessing.RawArray('q', [-1])
        p = multiprocessing.Process(target=_worker, args=(pool._tasks, writer, self.holding,
                                                          pool._initializer, pool._initargs,
                                                          pool._maxtasks))
        p._name = pool._worker_prefix + multiprocessing._join_identity(p._identity)
        p.daemon = pool._daemon_workers
        p.start()
        writer.close()
        self.process = p
        self.reader = reader
        self.last_done = None

    def task_lost(self):
        '''The (job, index) of the task the worker held when it died, if unanswered.'''
        word = self.holding[0]
        if word < 0:
            return None
        task = (word >> _TASK_BITS, word & ((1 << _TASK_BITS) - 1))
        return None if task == self.last_done else task

    def fds(self):
        return [self.reader.fileno(), self.process._sentinel]


_pools = []


def _forget_pools():
    _pools[:] = []


multiprocessing._after_fork.append(_forget_pools)


def _pump_all():
    for pool in list(_pools):
        pool._pump()


class Pool:
    '''A pool of worker processes.'''

    # The start of its workers' names, and whether they are daemons (an executor's
    # pool names them as CPython's do, and they may start processes of their own).
    _worker_prefix = 'ForkPoolWorker-'
    _daemon_workers = True
    # Inside _pump (so inside a callback it runs): the pool must not be closed under it.
    _pumping = False

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        if processes is None:
            processes = multiprocessing.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._owner = _mp._getpid()
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasksperchild
        self._tasks = multiprocessing.SimpleQueue()
        self._state = RUN
        self._ends_queued = False
        self._jobs = {}
        self._next_job = 0
        self._workers = []
        for _ in range(processes):
            self._workers.append(_Worker(self))
        _pools.append(self)
        _mp._set_pump(_pump_all, self._watch_fds())

    def __repr__(self):
        return '<multiprocessing.pool.Pool state=%s pool_size=%d>' % (self._state, self._processes)

    def _watch_fds(self):
        fds = []
        for pool in _pools:
            if pool._jobs:
                for w in pool._workers:
                    fds.extend(w.fds())
        return fds

    def _check_owner(self):
        # A forked child holds a copy of the pool, but its workers answer the
        # creator: tasks it sent would be answered as the creator's jobs (CPython's
        # copy has no handler threads, and its results never come).
        if _mp._getpid() != self._owner:
            raise RuntimeError('a pool can only be used by the process that created it')

    def _check_running(self):
        self._check_owner()
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _new_job(self, result):
        job = self._next_job
        self._next_job += 1
        self._jobs[job] = result
        _mp._set_pump(_pump_all, self._watch_fds())
        return job

    def _task(self, job, i, func, chunk, mode):
        '''The task as a worker receives it, or None when it cannot be sent (then the
        task has failed with the reason, as CPython's get() reports it).'''
        try:
            return (job, i, _mp._dumps((func, chunk, mode)))
        except Exception as e:
            self._deliver(job, i, False, e)
            return None

    def _submit(self, job, i, func, chunk, mode):
        task = self._task(job, i, func, chunk, mode)
        if task is not None:
            self._tasks.put(task)

    def _submit_all(self, job, func, chunks, mode, start=0):
        # All at once: the workers are woken when every task is there.
        tasks = [self._task(job, start + i, func, chunk, mode) for i, chunk in enumerate(chunks)]
        self._tasks._put_many([t for t in tasks if t is not None])

    # -- the parent's side of the conversation --------------------------------

    def _deliver(self, job, i, ok, value):
        cache = self._jobs.get(job)
        if cache is None:
            return
        cache._set(i, ok, value)
        if cache._done:
            self._jobs.pop(job, None)

    def _handle(self, worker, msg):
        job, i = msg[1], msg[2]
        worker.last_done = (job, i)
        try:
            ok, value = _mp._loads(msg[3])
        except Exception as e:
            # Its result cannot be rebuilt here (a __setstate__ that raises...).
            self._deliver(job, i, False, e)
            return
        if not ok:
            value = _rebuild(value[0], value[1])
        self._deliver(job, i, ok, value)

    def _drain(self, w):
        '''Handles every answer waiting in a worker's pipe (until a callback
        terminates the pool).'''
        while self._state != TERMINATE and not w.reader.closed and w.reader.poll():
            try:
                msg = w.reader.recv()
            except EOFError:
                break
            self._handle(w, msg)

    def _pump(self):
        '''Reads every answer available now, and deals with dead workers.'''
        outer = self._pumping
        self._pumping = True
        try:
            for w in list(self._workers):
                self._drain(w)
            for w in list(self._workers):
                if self._state == TERMINATE:
                    break
                if w.process.exitcode is not None:
                    self._worker_ended(w)
        finally:
            self._pumping = outer
        _mp._set_pump(_pump_all, self._watch_fds())

    def _worker_ended(self, w):
        # Answers it sent before it ended are still in its pipe.
        self._drain(w)
        self._workers.remove(w)
        w.reader.close()
        lost = w.task_lost()
        if lost is not None:
            job, i = lost
            err = WorkerLostError('worker %s (pid %d) died with exit code %s while running task %d of job %d'
                                  % (w.process.name, w.process.pid, w.process.exitcode, i, job))
            self._deliver(job, i, False, err)
        if self._state == RUN:
            self._workers.append(_Worker(self))

    def _wait(self, timeout):
        '''Waits for an answer or a worker's end (at most `timeout` seconds).'''
        fds = []
        for w in self._workers:
            fds.extend(w.fds())
        if fds:
            _mp._wait_any(fds, timeout)
        self._pump()

    # -- the API --------------------------------------------------------------

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        job = self._new_job(result)
        # As given: a worker's func(*args, **kwds) reports args that are not a tuple.
        self._submit(job, 0, func, (args, kwds), 'apply')
        return result

    def _chunks(self, iterable, chunksize):
        # Slices of a list, tuple or range are made natively (a range stays a range,
        # which is also the cheapest thing to send).
        if not isinstance(iterable, (list, tuple, range)):
            iterable = list(iterable)
        return [iterable[i:i + chunksize] for i in range(0, len(iterable), chunksize)]

    def _map_async(self, func, iterable, mode, chunksize, callback, error_callback):
        self._check_running()
        if not isinstance(iterable, (list, tuple, range)) and not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._workers) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        chunks = [] if chunksize <= 0 else self._chunks(iterable, chunksize)
        result = MapResult(self, len(chunks), len(iterable), callback, error_callback)
        job = self._new_job(result)
        if not chunks:
            self._jobs.pop(job, None)
        self._submit_all(job, func, chunks, mode)
        return result

    def map(self, func, iterable, chunksize=None, *, progress=False):
        result = self._map_async(func, iterable, 'map', chunksize, None, None)
        if progress:
            result._progress = _Progress(result._length)
        return result.get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, 'map', chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, 'star', chunksize, None, None).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, 'star', chunksize, callback, error_callback)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        it = IMapIterator(self, ordered)
        it._job = self._new_job(it)
        if isinstance(iterable, (list, tuple, range)) or hasattr(iterable, '__len__'):
            chunks = self._chunks(iterable, chunksize)
            it._submitted(len(chunks), len(iterable))
            self._submit_all(it._job, func, chunks, 'map')
        else:
            # Any other iterable is read as the results are taken (it may be endless).
            it._source = (iter(iterable), func, chunksize)
            # One chunk per worker now; more as results are taken.
            it._fill(max(1, len(self._workers)))
        if it._done:
            self._jobs.pop(it._job, None)
        return it

    def imap(self, func, iterable, chunksize=1, *, progress=False):
        return self._imap_result(self._imap(func, iterable, chunksize, True), chunksize, progress)

    def imap_unordered(self, func, iterable, chunksize=1, *, progress=False):
        return self._imap_result(self._imap(func, iterable, chunksize, False), chunksize, progress)

    def _imap_result(self, it, chunksize, progress):
        if progress:
            it._progress = _Progress(None if it._source is not None else it._length)
        if chunksize > 1:
            # As CPython: with chunks, the results come from a generator, which
            # ends at the first error.
            return _items_of(it)
        return it

    def close(self):
        self._check_owner()
        if self._state == RUN:
            self._state = CLOSE
            self._queue_ends()
        self._pump()

    def _queue_ends(self):
        '''After close: tells each worker to end, after the last task. While an imap
        still reads its input, that waits until it is read to its end (as its
        results are taken, or at join), as CPython's task thread reads it first.'''
        if self._state != CLOSE or self._ends_queued:
            return
        for job in self._jobs.values():
            if isinstance(job, IMapIterator) and job._source is not None:
                return
        self._ends_queued = True
        for _ in self._workers:
            self._tasks.put(None)

    def terminate(self):
        self._check_owner()
        self._state = TERMINATE
        for job in self._jobs.values():
            if isinstance(job, IMapIterator):
                # Its input is read no more: let go of it now, so that a generator's
                # finally blocks run (CPython's task thread lets go as the pool ends).
                job._source = None
        for w in self._workers:
            w.process.terminate()
        for w in self._workers:
            w.process.join()
            w.reader.close()
        self._workers = []
        if self in _pools:
            _pools.remove(self)
        _mp._set_pump(_pump_all, self._watch_fds())

    def join(self):
        self._check_owner()
        if self._state == RUN:
            raise ValueError("Pool is still running")
        if self._state == CLOSE:
            for job in list(self._jobs.values()):
                if isinstance(job, IMapIterator):
                    job._fill()
            self._queue_ends()
        while self._workers:
            self._wait(None)
            for w in list(self._workers):
                if w.process.exitcode is not None:
                    self._worker_ended(w)
        if self in _pools:
            _pools.remove(self)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class _Progress:
    '''A progress bar with count, rate and ETA on stderr, drawn only on a terminal;
    count and rate alone while the total is unknown (None: an imap still reading its
    input).'''

    def __init__(self, total):
        self.total = total
        self.done = 0
        self.start = _mp._monotonic()
        self.last = 0.0
        self.shown = _mp._isatty(2)

    def draw(self, done, final=False):
        self.done = done
        now = _mp._monotonic()
        if not self.shown or (not final and now - self.last < 0.1):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        if self.total is None:
            text = '\r%d  %.1f/s' % (done, rate)
            _mp._write_stderr(text + '\n' if final else text)
            return
        width = 30
        filled = width if self.total == 0 else width * done // self.total
        eta = '?' if rate == 0 else '%ds' % int((self.total - done) / rate)
        bar = '[' + '#' * filled + '-' * (width - filled) + ']'
        text = '\r%s %d/%d  %.1f/s  ETA %s' % (bar, done, self.total, rate, eta)
        if final:
            text += '\n'
        _mp._write_stderr(text)


class ApplyResult:
    _progress = None

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._callback = callback
        self._error_callback = error_callback
        self._done = False
        self._success = None
        self._value = None

    def ready(self):
        if not self._done:
            self._pool._pump()
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        deadline = None if timeout is None else _mp._monotonic() + timeout
        while not self._done:
            left = None if deadline is None else deadline - _mp._monotonic()
            if left is not None and not left > 0:  # NaN: no wait, as CPython
                self._pool._pump()
                return
            if self._pool._state == TERMINATE:
                return
            self._pool._wait(left)
            if self._progress is not None:
                self._progress.draw(self._count())
        if self._progress is not None:
            self._progress.draw(self._count(), True)
            self._progress = None

    def _count(self):
        return 1 if self._done else 0

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._done:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, ok, value):
        self._success = ok
        self._value = value
        self._done = True
        if ok and self._callback is not None:
            self._callback(value)
        if not ok and self._error_callback is not None:
            self._error_callback(value)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, nchunks, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._chunks = [None] * nchunks
        self._left = nchunks
        self._length = length
        self._items_done = 0
        self._success = True
        if nchunks == 0:
            # No chunk (an empty input, or chunksize < 1): done at once, with no
            # callback, and a None per item, as CPython's MapResult.
            self._value = [None] * length
            self._done = True

    def _set(self, i, ok, value):
        if self._done:
            return
        if not ok:
            self._success = False
            self._value = value
            self._done = True
            if self._error_callback is not None:
                self._error_callback(value)
            return
        self._chunks[i] = value
        self._items_done += len(value)
        self._left -= 1
        if self._left == 0:
            out = []
            for c in self._chunks:
                out.extend(c)
            self._value = out
            self._done = True
            if self._callback is not None:
                self._callback(out)


    def _count(self):
        return self._items_done


def _raise(error):
    raise error


def _items_of(it):
    for x in it:
        yield x


# How many chunks per worker an imap keeps submitted ahead of the results taken, when
# it reads its input as it goes.
_READ_AHEAD = 4


class IMapIterator:
    _progress = None
    _length = 0

    def __init__(self, pool, ordered):
        self._pool = pool
        self._ordered = ordered
        self._chunks = {}
        self._arrived = []
        self._next_chunk = 0
        self._left = 0
        self._nchunks = 0
        self._items = []
        self._yielded = 0
        self._job = None
        # (iterator, func, chunksize) while the input is still being read.
        self._source = None
        # Chunks whose results were taken.
        self._taken = 0

    def __iter__(self):
        return self

    @property
    def _done(self):
        '''Every chunk is answered and the input is read to its end.'''
        return self._left == 0 and self._source is None

    def _submitted(self, nchunks, nitems):
        self._nchunks += nchunks
        self._left += nchunks
        self._length += nitems

    def _fill(self, most=None):
        '''Reads up to `most` chunks of the input (all of it: None), each submitted
        as soon as it is read. An error reading the input takes the place of the
        chunk it interrupted, whose items are lost, as in CPython.'''
        if self._source is None:
            return
        if self._pool._state == TERMINATE:
            self._source = None
            return
        source, func, chunksize = self._source
        error = None
        read = 0
        while most is None or read < most:
            read += 1
            chunk = []
            try:
                for x in source:
                    chunk.append(x)
                    if len(chunk) == chunksize:
                        break
            except Exception as e:
                error = e
                self._source = None
                break
            if chunk:
                self._submitted(1, len(chunk))
                self._pool._submit(self._job, self._nchunks - 1, func, chunk, 'map')
            if len(chunk) < chunksize:
                self._source = None
                break
        if error is not None:
            # Raised by a worker after the chunks before it, as CPython does.
            self._submitted(1, 0)
            self._pool._submit(self._job, self._nchunks - 1, _raise, ((error,), {}), 'apply')
        if self._source is None:
            # The input's end may be found after the last answer came.
            if self._done:
                self._pool._jobs.pop(self._job, None)
            self._pool._queue_ends()

    def _set(self, i, ok, value):
        self._left -= 1
        if self._ordered:
            self._chunks[i] = (ok, value)
        else:
            self._arrived.append((ok, value))

    def _take(self):
        if self._ordered:
            if self._next_chunk in self._chunks:
                ok, value = self._chunks.pop(self._next_chunk)
                self._next_chunk += 1
                self._taken += 1
                return True, ok, value
        elif self._arrived:
            ok, value = self._arrived.pop(0)
            self._taken += 1
            return True, ok, value
        return False, None, None

    def next(self, timeout=None):
        deadline = None if timeout is None else _mp._monotonic() + timeout
        while not self._items:
            got, ok, value = self._take()
            if not got and self._source is not None:
                # Answers that came while the input was read.
                self._pool._pump()
                got, ok, value = self._take()
            # Reading is paced by the results taken: a slow input delays each step
            # by one chunk at most.
            workers = max(1, len(self._pool._workers))
            if self._nchunks - self._taken < _READ_AHEAD * workers:
                self._fill(1)
            if got:
                if not ok:
                    self._end_progress()
                    raise value
                self._items = list(value)
                continue
            if self._done and self._next_chunk >= self._nchunks or (not self._ordered and self._done and not self._arrived):
                self._end_progress()
                raise StopIteration
            left = None if deadline is None else deadline - _mp._monotonic()
            if left is not None and not left > 0 or self._pool._state == TERMINATE:
                # Results a terminated pool never computed: as ApplyResult.get.
                raise TimeoutError
            self._pool._wait(left)
        self._yielded += 1
        if self._progress is not None:
            if self._source is None:
                self._progress.total = self._length
            self._progress.draw(self._yielded)
        return self._items.pop(0)

    __next__ = next

    def _end_progress(self):
        if self._progress is not None:
            self._progress.draw(self._yielded, True)
            self._progress = None


IMapUnorderedIterator = IMapIterator
