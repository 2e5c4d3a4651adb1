# concurrent.futures.ProcessPoolExecutor and its futures, as CPython 3.11 runs them:
# submit, map (with chunks and a timeout), as_completed in completion order, wait's
# three conditions, cancelling calls not yet given to a worker, callbacks (one that
# raises), an initializer, a worker killed (BrokenProcessPool), shutdown with
# cancel_futures, and shutdown(wait=False) whose calls still complete before the end.
import concurrent.futures as cf
from concurrent.futures import ProcessPoolExecutor, Future, as_completed, wait
import multiprocessing as mp
import os
import signal
import time


def sq(x):
    return x * x


def slow(x):
    time.sleep(x)
    return x


def name(_):
    return mp.current_process().name


def die(_):
    os.kill(os.getpid(), signal.SIGKILL)


def fail(x):
    raise KeyError(x)


def init(tag):
    global TAG
    TAG = tag


def tagged(x):
    return TAG + str(x)


if __name__ == '__main__':
    print(cf.ALL_COMPLETED, cf.FIRST_EXCEPTION, cf.FIRST_COMPLETED)
    print(cf.TimeoutError is TimeoutError, cf.CancelledError.__mro__[1].__name__)

    # A future by hand.
    f = Future()
    print(f.done(), f.running(), f.cancelled(), repr(f).endswith('state=pending>'))
    print(f.cancel(), f.cancelled(), f.done(), repr(f).endswith('state=cancelled>'))
    try:
        f.result()
    except cf.CancelledError as e:
        print('CancelledError', repr(e))
    f = Future()
    f.set_result(3)
    print(repr(f).endswith('state=finished returned int>'), f.result(), f.exception())
    f = Future()
    f.set_exception(ValueError('x'))
    print(repr(f).endswith('state=finished raised ValueError>'), repr(f.exception()))
    try:
        f.set_result(1)
    except cf.InvalidStateError as e:
        print('InvalidStateError', str(e).startswith('FINISHED: <Future at 0x'))
    f.add_done_callback(lambda fut: print('callback on a done future', fut.done()))
    print(wait([]))

    with ProcessPoolExecutor(max_workers=2) as ex:
        futs = [ex.submit(sq, i) for i in range(5)]
        print([fu.result() for fu in futs])
        print(list(ex.map(sq, range(6))))
        print(list(ex.map(sq, range(10), chunksize=4)))
        print(list(ex.map(pow, [2, 3, 4], [5, 6])))
        fb = ex.submit(fail, 'k')
        try:
            fb.result()
        except KeyError as e:
            print('KeyError', e, type(e.__cause__).__name__)
        print(repr(fb.exception()), repr(fb).endswith('state=finished raised KeyError>'))
        print(ex.submit(sq, 1, 2).exception())
        print(all(n.startswith('ForkProcess-') for n in ex.map(name, range(8))))

    # Completion order, and a timeout.
    with ProcessPoolExecutor(3) as ex:
        fs = [ex.submit(slow, t) for t in (1.2, 0.1, 0.6)]
        print([f.result() for f in as_completed(fs)])
        f = ex.submit(slow, 1.0)
        try:
            f.result(timeout=0.05)
        except cf.TimeoutError as e:
            print('TimeoutError', repr(e))
        done, not_done = wait([f, ex.submit(sq, 2)], return_when=cf.FIRST_COMPLETED)
        print(len(done), len(not_done), f.result())
        try:
            for _ in as_completed([ex.submit(slow, 0.5)], timeout=0.1):
                pass
        except cf.TimeoutError as e:
            print('TimeoutError', e)

    # One worker: the fourth call waits here and can still be cancelled; the first
    # is running.
    with ProcessPoolExecutor(1) as ex:
        fs = [ex.submit(slow, 0.2) for _ in range(4)]
        time.sleep(0.1)
        print(fs[0].running(), fs[0].cancel(), fs[3].cancel(), fs[3].cancelled())
        done, not_done = wait(fs)
        print(len(done), len(not_done), fs[0].result())

    with ProcessPoolExecutor(2) as ex:
        fs = [ex.submit(slow, 0.5), ex.submit(fail, 'k')]
        done, not_done = wait(fs, return_when=cf.FIRST_EXCEPTION)
        print(len(done), len(not_done), repr(fs[1].exception()))

    # Callbacks run in this process; one that raises is reported and the rest run.
    seen = []
    with ProcessPoolExecutor(2) as ex:
        f = ex.submit(sq, 3)
        f.add_done_callback(lambda fut: seen.append(('first', fut.result())))
        f.add_done_callback(lambda fut: 1 / 0)
        f.add_done_callback(lambda fut: seen.append('third'))
    print(seen)
    f.add_done_callback(lambda fut: print('late callback', fut.result()))

    with ProcessPoolExecutor(2, initializer=init, initargs=('t',)) as ex:
        print(list(ex.map(tagged, range(3))))

    with ProcessPoolExecutor(2) as ex:
        ex.submit(sq, 1).result()  # the workers are running: the timeout is the calls'
        it = ex.map(slow, [0.05, 2.0], timeout=0.5)
        print(next(it))
        try:
            next(it)
        except cf.TimeoutError:
            print('map timed out')

    # A worker killed: the executor is broken for good.
    ex = ProcessPoolExecutor(2)
    f = ex.submit(die, 0)
    try:
        f.result()
    except cf.process.BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    try:
        ex.submit(sq, 2)
    except cf.process.BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    ex.shutdown()

    # The first call runs; the last still waits here, and shutdown cancels it.
    ex = ProcessPoolExecutor(1)
    fs = [ex.submit(slow, 0.2) for _ in range(5)]
    time.sleep(0.1)
    print(fs[0].running(), fs[-1].running())
    ex.shutdown(cancel_futures=True)
    print(fs[0].cancelled(), fs[0].result(), fs[-1].cancelled())
    try:
        ex.submit(sq, 1)
    except RuntimeError as e:
        print('RuntimeError', e)
    for bad in (0, -1):
        try:
            ProcessPoolExecutor(bad)
        except ValueError as e:
            print('ValueError', e)
    try:
        ProcessPoolExecutor(1, initializer=5)
    except TypeError as e:
        print('TypeError', e)

    ex = ProcessPoolExecutor(1)
    f = ex.submit(slow, 0.2)
    ex.submit(print, 'printed by the worker after the main program ended')
    ex.shutdown(wait=False)
    print('after shutdown', f.done())
