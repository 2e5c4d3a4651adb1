# Barrier across processes: wait indices, action, parties, n_waiting, broken,
# timeout, abort, reset and BrokenBarrierError.
import multiprocessing as mp
import threading
import time


def party(b, q):
    try:
        q.put(('index', b.wait()))
    except threading.BrokenBarrierError:
        q.put(('broken', None))


def action():
    print('action ran once', flush=True)


if __name__ == '__main__':
    print(mp.Barrier is not None, threading.BrokenBarrierError.__mro__[1].__name__)
    b = mp.Barrier(3, action=action)
    print(b.parties, b.n_waiting, b.broken)
    q = mp.Queue()
    ps = [mp.Process(target=party, args=(b, q)) for _ in range(2)]
    for p in ps:
        p.start()
    time.sleep(0.1)
    mine = b.wait()
    others = [q.get()[1] for _ in range(2)]
    print('indices', sorted(others + [mine]))
    for p in ps:
        p.join()
    print('reusable:', b.n_waiting, b.broken)

    b2 = mp.Barrier(2, timeout=0.2)
    t0 = time.time()
    try:
        b2.wait()
    except threading.BrokenBarrierError as e:
        print('BrokenBarrierError after timeout, elapsed >= 0.2:', time.time() - t0 >= 0.19, repr(e))
    print('broken:', b2.broken)
    try:
        b2.wait()
    except threading.BrokenBarrierError:
        print('still broken')
    b2.reset()
    print('after reset broken:', b2.broken)
    p = mp.Process(target=party, args=(b2, q))
    p.start()
    print('two parties:', sorted([b2.wait(), q.get()[1]]))
    p.join()

    b3 = mp.Barrier(3)
    ps = [mp.Process(target=party, args=(b3, q)) for _ in range(2)]
    for p in ps:
        p.start()
    while b3.n_waiting < 2:
        time.sleep(0.01)
    print('n_waiting', b3.n_waiting)
    b3.abort()
    print(sorted(q.get() for _ in range(2)), b3.broken)
    for p in ps:
        p.join()
    try:
        b3.wait(0.1)
    except threading.BrokenBarrierError:
        print('wait on aborted barrier raises')

    b4 = mp.Barrier(2)
    t0 = time.time()
    try:
        b4.wait(timeout=0.1)
    except threading.BrokenBarrierError:
        print('per-call timeout breaks it:', b4.broken, time.time() - t0 >= 0.09)
