# A NaN timeout: refused with EINVAL (OSError) only where the call must block, as the
# kernel refuses it to CPython's semaphores; a queue's get refuses it at once.
import multiprocessing as mp

nan = float('nan')


def show(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)


lock = mp.Lock()
show('free lock', lambda: lock.acquire(timeout=nan))
show('held lock', lambda: lock.acquire(timeout=nan))
show('held lock, no block', lambda: lock.acquire(False, nan))
rlock = mp.RLock()
show('rlock', lambda: (rlock.acquire(timeout=nan), rlock.acquire(timeout=nan)))
sem = mp.Semaphore(1)
show('semaphore', lambda: (sem.acquire(timeout=nan), sem.acquire(timeout=nan)))
ev = mp.Event()
show('unset event', lambda: ev.wait(nan))
ev.set()
show('set event', lambda: ev.wait(nan))
cond = mp.Condition()
with cond:
    show('condition', lambda: cond.wait(nan))
    show('wait_for, true', lambda: cond.wait_for(lambda: 1, nan))
    show('wait_for, false', lambda: cond.wait_for(lambda: 0, nan))
show('condition, not held', lambda: cond.wait(nan))
show('queue', lambda: mp.Queue().get(timeout=nan))
b = mp.Barrier(2, timeout=nan)
show('barrier', lambda: b.wait())
print('broken', b.broken)
show('barrier of one', lambda: mp.Barrier(1).wait(nan))
