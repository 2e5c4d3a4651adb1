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
# A queue looks at the timeout only when it blocks: a put with room succeeds, a put
# that must wait is refused as a semaphore's; a blocking get refuses it at once.
q = mp.Queue()
show('get, empty, no block', lambda: q.get(False, nan))
show('put with room', lambda: q.put(1, timeout=nan))
show('put, no block', lambda: q.put(1, False, nan))
show('get with an item', lambda: q.get(True, nan))
full = mp.Queue(1)
full.put(1)
show('put, full', lambda: full.put(2, timeout=nan))
show('put, full, no block', lambda: full.put(2, False, nan))
