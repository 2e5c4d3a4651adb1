# A worker killed with SIGKILL in the middle of a map: the call returns with an error
# naming the worker in bounded time, the worker is replaced, and the next map works.
# os._exit in a task is the same case.
#
# Expected output written by hand: CPython's map() waits forever here.
import multiprocessing as mp
import os
import time


def task(x):
    if x == 5:
        os.kill(os.getpid(), 9)
    time.sleep(0.01)
    return x * 2


def exits(x):
    if x == 2:
        os._exit(3)
    return x


quick_pid = mp.Value('i', 0)
slow_started = mp.Event()


def quick_then_slow(x):
    # Task 0 ends only once task 1 runs, so each runs in a worker of its own.
    if x == 0:
        slow_started.wait(10)
        quick_pid.value = os.getpid()
    else:
        slow_started.set()
        time.sleep(1)
    return x


if __name__ == '__main__':
    pool = mp.Pool(2)
    t0 = time.time()
    try:
        pool.map(task, range(20), chunksize=1)
    except Exception as e:
        text = str(e)
        print(type(e).__name__, 'ForkPoolWorker-' in text, 'exit code -9' in text)
    print('bounded time:', time.time() - t0 < 10)
    print(pool.map(task, [1, 2, 3]))
    r = pool.apply_async(exits, (2,))
    try:
        r.get(timeout=10)
    except Exception as e:
        print(type(e).__name__, 'exit code 3' in str(e))
    print(pool.map(exits, [0, 1, 3]))
    # A worker killed while idle, after its tasks were answered, fails nothing: the
    # next map has all its results.
    for w in mp.active_children():
        os.kill(w.pid, 9)
    time.sleep(0.2)
    print(pool.map(exits, [4, 5, 6]))
    # The same while the other worker still runs a task of the same call: the answered
    # task stays answered (its answer has arrived when imap yields it).
    it = pool.imap(quick_then_slow, [0, 1])
    first = next(it)
    os.kill(quick_pid.value, 9)
    print([first, next(it)])
    pool.close()
    pool.join()
    print('closed and joined')
