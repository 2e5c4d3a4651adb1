# Event and Condition across processes: wait with and without timeouts, wait_for,
# notify, notify_all, and waiting without holding the lock.
import multiprocessing as mp
import time


def setter(ev, delay):
    time.sleep(delay)
    ev.set()


def waiter(ev, q):
    q.put(('woke', ev.wait(5)))


def cond_waiter(cond, ready, q, i):
    with cond:
        ready.put(i)
        ok = cond.wait(10)
        q.put(ok)


def pred_waiter(cond, v, q):
    with cond:
        ok = cond.wait_for(lambda: v.value >= 3, 10)
        q.put(('wait_for', ok, v.value))


if __name__ == '__main__':
    ev = mp.Event()
    print(ev.is_set())
    t0 = time.time()
    print('wait timeout:', ev.wait(0.2), 'elapsed >= 0.2:', time.time() - t0 >= 0.19)
    p = mp.Process(target=setter, args=(ev, 0.1))
    p.start()
    print('wait set by child:', ev.wait(), ev.is_set())
    p.join()
    print('wait when set:', ev.wait(0))
    ev.clear()
    print('cleared:', ev.is_set(), ev.wait(0.01))
    q = mp.Queue()
    ws = [mp.Process(target=waiter, args=(ev, q)) for _ in range(3)]
    for w in ws:
        w.start()
    time.sleep(0.1)
    ev.set()
    print(sorted(q.get() for _ in range(3)))
    for w in ws:
        w.join()

    cond = mp.Condition()
    try:
        cond.wait(0.1)
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__ + ':', e)
    try:
        cond.notify()
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__ + ':', e)
    with cond:
        t0 = time.time()
        print('cond wait timeout:', cond.wait(0.2), 'elapsed >= 0.2:', time.time() - t0 >= 0.19)
        print('wait_for true at once:', cond.wait_for(lambda: True))
        print('wait_for timeout:', cond.wait_for(lambda: False, 0.05))
        print('wait_for returns the value:', cond.wait_for(lambda: 42, 0))
    print(cond.acquire(), cond.acquire(False))
    cond.release()
    cond.release()

    ready = mp.Queue()
    ps = [mp.Process(target=cond_waiter, args=(cond, ready, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(ready.get() for _ in range(3)))
    with cond:
        cond.notify()
    print('one notified:', q.get())
    with cond:
        cond.notify(2)
    print('two notified:', [q.get(), q.get()])
    for p in ps:
        p.join()

    ps = [mp.Process(target=cond_waiter, args=(cond, ready, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(ready.get() for _ in range(3)))
    with cond:
        cond.notify_all()
    print('all notified:', [q.get() for _ in range(3)])
    for p in ps:
        p.join()

    v = mp.Value('i', 0)
    p = mp.Process(target=pred_waiter, args=(cond, v, q))
    p.start()
    for i in range(3):
        time.sleep(0.05)
        with cond:
            v.value += 1
            cond.notify_all()
    print(q.get())
    p.join()

    lock = mp.RLock()
    c2 = mp.Condition(lock)
    with lock:
        with c2:
            print('Condition on a given RLock, nested:', c2.wait(0.01))
