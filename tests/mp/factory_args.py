# A misspelt keyword or an extra argument to a factory (Queue(maxsze=1), Pipe(duplx=False))
# is a TypeError, as in CPython, never a queue without its limit or a duplex pipe.
import multiprocessing as mp
def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)
a, b = mp.Pipe()
a.send_bytes(b'abcdef', offset=2, size=3)
print(b.recv_bytes())
a.send_bytes(buf=b'xy')
print(b.recv_bytes())
show('send_bytes ofset', lambda: a.send_bytes(b'x', ofset=0))
show('send_bytes 5 args', lambda: a.send_bytes(b'x', 0, 1, 2))
show('Queue(maxsze=1)', lambda: mp.Queue(maxsze=1))
show('Queue(1, 2)', lambda: mp.Queue(1, 2))
show('SimpleQueue(1)', lambda: mp.SimpleQueue(1))
show('JoinableQueue(maxsze=1)', lambda: mp.JoinableQueue(maxsze=1))
show('Pipe(duplx=False)', lambda: mp.Pipe(duplx=False))
show('Pipe(True, 1)', lambda: mp.Pipe(True, 1))
show('Semaphore(valu=1)', lambda: mp.Semaphore(valu=1))
show('BoundedSemaphore(1, 2)', lambda: mp.BoundedSemaphore(1, 2))
show('Barrier(2, actoin=None)', lambda: mp.Barrier(2, actoin=None))
show('Condition(lck=None)', lambda: mp.Condition(lck=None))
show('Lock(1)', lambda: mp.Lock(1))
show('RLock(x=1)', lambda: mp.RLock(x=1))
show('Event(1)', lambda: mp.Event(1))
