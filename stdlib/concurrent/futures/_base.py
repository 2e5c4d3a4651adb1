# concurrent.futures._base: Future, wait, as_completed and the Executor interface.
#
# Without threads, nothing completes a future in the background: a future made by an
# executor is completed when its process reads the pool's answers, which it does
# whenever it waits (result, exception, wait, as_completed, a sleep...). A future
# made by hand is completed only by set_result/set_exception; waiting for one
# nobody completes waits forever, as it would in CPython with no thread to set it.

import collections
import time
import _mp

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'InvalidStateError', 'BrokenExecutor', 'Future', 'Executor',
           'wait', 'as_completed', 'DoneAndNotDoneFutures']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_DESCRIPTION = {PENDING: 'pending', RUNNING: 'running', CANCELLED: 'cancelled',
                CANCELLED_AND_NOTIFIED: 'cancelled', FINISHED: 'finished'}


class Error(Exception):
    '''Base class for all future-related exceptions.'''
    pass


class CancelledError(Error):
    '''The Future was cancelled.'''
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    '''The operation is not allowed in this state.'''
    pass


class BrokenExecutor(RuntimeError):
    '''Raised when an executor has become non-functional after a severe failure.'''
    pass


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')

# Futures are numbered as they complete, so that as_completed yields them in the
# order they completed.
_completions = 0


def _next_completion():
    global _completions
    _completions += 1
    return _completions


class Future:
    '''The result of a call that may not have completed yet.'''

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []
        self._completed = 0
        # The executor whose answers complete this future (None: one made by hand).
        self._executor = None

    def __repr__(self):
        text = '<%s at %#x state=%s' % (type(self).__name__, id(self), _DESCRIPTION[self._state])
        if self._state == FINISHED:
            if self._exception is not None:
                text += ' raised %s' % type(self._exception).__name__
            else:
                text += ' returned %s' % type(self._result).__name__
        return text + '>'

    def cancel(self):
        '''Cancels the call if it has not started; whether it is cancelled.'''
        if self._state in (RUNNING, FINISHED):
            return False
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            return True
        self._state = CANCELLED
        self._completed = _next_completion()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def add_done_callback(self, fn):
        '''Calls fn(future) when the future completes or is cancelled (at once if it
        already has), in this process.'''
        if not self.done():
            self._done_callbacks.append(fn)
            return
        self._call_back(fn)

    def _call_back(self, fn):
        try:
            fn(self)
        except Exception as e:
            # As CPython's logger reports it: the call goes on.
            _mp._write_stderr('exception calling callback for %r\n' % (self,))
            _mp._print_exception(e)

    def _invoke_callbacks(self):
        for fn in self._done_callbacks:
            self._call_back(fn)

    def _wait(self, timeout):
        '''Waits until done or `timeout` seconds have passed.'''
        deadline = _deadline(timeout)
        while not self.done() and _wait_for(deadline):
            pass

    def result(self, timeout=None):
        '''The call's result, waiting at most `timeout` seconds for it; raises what the
        call raised, CancelledError, or TimeoutError.'''
        self._wait(timeout)
        if self.cancelled():
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        '''The exception the call raised (None if it returned), waiting at most
        `timeout` seconds.'''
        self._wait(timeout)
        if self.cancelled():
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()
        return self._exception

    def set_running_or_notify_cancel(self):
        '''For executors: marks the future running, or returns False if it was
        cancelled (its call must then not run).'''
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._exception = exception
        self._state = FINISHED
        self._completed = _next_completion()
        self._invoke_callbacks()

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)


# The executors of this process whose workers may still answer: a wait reads them all,
# since a callback of one may complete a future of another, or one made by hand.
_active = []


def _deadline(timeout):
    return None if timeout is None else time.monotonic() + timeout


def _wait_for(deadline):
    '''Reads the answers of every active executor, waiting until `deadline` at most
    for one; with none active, only lets time pass (nothing else can complete a
    future). False, without waiting, once the deadline has passed.'''
    timeout = None if deadline is None else deadline - time.monotonic()
    if timeout is not None and not timeout > 0:
        return False
    executors = list(_active)
    fds = []
    for ex in executors:
        fds.extend(ex._fds())
    if fds:
        _mp._wait_any(fds, timeout)
        for ex in executors:
            ex._pump()
    elif timeout is None:
        while True:
            time.sleep(3600)
    else:
        time.sleep(timeout)
    return True


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    '''Waits for the futures (at most `timeout` seconds): for the first to complete,
    the first to raise, or all. A (done, not_done) pair of sets.'''
    fs = set(fs)
    deadline = _deadline(timeout)
    while True:
        done = set(f for f in fs if f.done())
        not_done = fs - done
        if not not_done:
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f._exception is not None for f in done):
            break
        if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            raise ValueError('Invalid return condition: %r' % (return_when,))
        if not _wait_for(deadline):
            break
    return DoneAndNotDoneFutures(done, not_done)


def as_completed(fs, timeout=None):
    '''Yields the futures as they complete (those already done first), each once;
    TimeoutError if they have not all completed within `timeout` seconds.'''
    deadline = _deadline(timeout)
    pending = set(fs)
    total = len(pending)
    while pending:
        done = sorted((f for f in pending if f.done()), key=lambda f: f._completed)
        for f in done:
            pending.discard(f)
            yield f
        if not pending:
            return
        if not _wait_for(deadline):
            raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class Executor:
    '''The interface of executors: submit, map, shutdown, and `with`.'''

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        '''An iterator of fn(*args) for the items of `iterables` taken together, in
        order; every call is submitted before this returns.'''
        deadline = _deadline(timeout)
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results(fs, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _results(fs, deadline):
    fs.reverse()
    try:
        while fs:
            if deadline is None:
                yield _result_or_cancel(fs.pop())
            else:
                yield _result_or_cancel(fs.pop(), deadline - time.monotonic())
    finally:
        for f in fs:
            f.cancel()
