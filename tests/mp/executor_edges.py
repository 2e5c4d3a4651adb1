# ProcessPoolExecutor's harder cases, as CPython 3.11 handles them: an initializer
# that fails and a worker killed while idle break the executor; SystemExit in a call
# is the future's exception and the executor goes on; a call may start its own
# executor (workers are not daemons); a result that cannot be sent fails its future
# with the pickling error; shutdown from a done-callback; a future made by hand that
# another executor's callback completes; wait's return_when is checked.
import concurrent.futures as cf
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp
import os
import signal
import sys
import time


def sq(x):
    return x * x


def slow(x):
    time.sleep(x)
    return x


def init_bad():
    raise RuntimeError('init fails')


def exits():
    sys.exit(3)


def nested():
    with ProcessPoolExecutor(1) as inner:
        return inner.submit(sq, 7).result(), mp.current_process().daemon


def generator():
    return (x for x in range(3))


def outcome(f):
    try:
        return 'returned %r' % (f.result(),)
    except BaseException as e:
        return 'raised %s %s (cause %s)' % (type(e).__name__, e, type(e.__cause__).__name__)


if __name__ == '__main__':
    ex = ProcessPoolExecutor(2, initializer=init_bad)
    print('initializer fails:', outcome(ex.submit(sq, 3)))
    try:
        ex.submit(sq, 1)
    except cf.process.BrokenProcessPool as e:
        print('then submit:', e)
    ex.shutdown()

    with ProcessPoolExecutor(1) as ex:
        print('SystemExit:', outcome(ex.submit(exits)))
        print('still usable:', outcome(ex.submit(sq, 4)))
        print('nested executor:', outcome(ex.submit(nested)))
        print('unsendable result:', outcome(ex.submit(generator)))
        print('unsendable argument:', outcome(ex.submit(sq, (x for x in range(2)))))
        try:
            cf.wait([ex.submit(slow, 0.2)], return_when='bogus')
        except ValueError as e:
            print('ValueError', e)

    ex = ProcessPoolExecutor(1)
    pid = ex.submit(os.getpid).result()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    try:
        ex.submit(sq, 3)
    except cf.process.BrokenProcessPool as e:
        print('worker killed while idle, then submit:', e)
    ex.shutdown()

    ex = ProcessPoolExecutor(1)
    f = ex.submit(sq, 3)
    f.add_done_callback(lambda fut: ex.shutdown())
    print('shutdown from a callback:', f.result())
    try:
        ex.submit(sq, 1)
    except RuntimeError as e:
        print('RuntimeError', e)

    with ProcessPoolExecutor(1) as ex:
        hand = cf.Future()
        ex.submit(slow, 0.3).add_done_callback(lambda fut: hand.set_result(fut.result() * 2))
        start = time.monotonic()
        print('completed by a callback:', hand.result(timeout=20), time.monotonic() - start < 10)
