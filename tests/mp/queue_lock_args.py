# Argument errors of queues, locks, semaphores and arrays, as CPython reports them: a
# misspelt keyword or an extra argument is an error (never a wait forever), a closed
# SimpleQueue says its handle is closed.
import multiprocessing as mp
def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)
q = mp.Queue(); q.close()
show('closed Queue.empty', q.empty)
show('closed Queue.qsize', q.qsize)
show('Queue.get(1,2,3)', lambda: mp.Queue().get(1, 2, 3))
show('Queue.put(1,2,3,4)', lambda: mp.Queue().put(1, 2, 3, 4))
show('Queue.get(x=1)', lambda: mp.Queue().get(x=1))
show('Queue.put()', lambda: mp.Queue().put())
s = mp.SimpleQueue(); s.close()
show('closed SimpleQueue.get', s.get)
show('closed SimpleQueue.put', lambda: s.put(1))
show('closed SimpleQueue.empty', s.empty)
show('SimpleQueue.get(timeout=1)', lambda: mp.SimpleQueue().get(timeout=1))
show('SimpleQueue.get(False)', lambda: mp.SimpleQueue().get(False))
show('SimpleQueue.put(1, False)', lambda: mp.SimpleQueue().put(1, False))
show('Lock.acquire(blocking=False)', lambda: mp.Lock().acquire(blocking=False))
show('Lock.acquire(timeout="x")', lambda: mp.Lock().acquire(timeout='x'))
show('Lock.acquire(True, 1, 2)', lambda: mp.Lock().acquire(True, 1, 2))
show('RLock.acquire(blocking=False)', lambda: mp.RLock().acquire(blocking=False))
show('Semaphore.acquire(blocking=False)', lambda: mp.Semaphore().acquire(blocking=False))
show('Queue(maxsize="x")', lambda: mp.Queue(maxsize='x'))
show('Queue(1.5)', lambda: mp.Queue(1.5))
show('Semaphore("a")', lambda: mp.Semaphore('a'))
show('Array("i", -1)', lambda: mp.Array('i', -1))
show('Array("i", 3.0)', lambda: mp.Array('i', 3.0))
