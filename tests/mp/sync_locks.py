# Lock, RLock, Semaphore, BoundedSemaphore across processes, with their errors.
import multiprocessing as mp
import time


def hold(lock, started, secs):
    with lock:
        started.set()
        time.sleep(secs)


def count(lock, v, n):
    for _ in range(n):
        with lock:
            v.value += 1


def sem_worker(sem, active, peak, lock, done):
    with sem:
        with lock:
            active.value += 1
            if active.value > peak.value:
                peak.value = active.value
        time.sleep(0.05)
        with lock:
            active.value -= 1
    done.put(1)


if __name__ == '__main__':
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print('ValueError:', e)
    with lock:
        print('in with')
    print(lock.acquire(block=False))
    lock.release()

    # A lock held by another process: acquire times out, then succeeds after release.
    started = mp.Event()
    p = mp.Process(target=hold, args=(lock, started, 0.4))
    p.start()
    started.wait()
    t0 = time.time()
    print('timeout acquire:', lock.acquire(timeout=0.2), 'elapsed >= 0.2:', time.time() - t0 >= 0.19)
    print('blocking acquire:', lock.acquire())
    lock.release()
    p.join()

    v = mp.Value('i', 0)
    ps = [mp.Process(target=count, args=(lock, v, 2000)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter', v.value)

    r = mp.RLock()
    print(r.acquire(), r.acquire(), r.acquire(timeout=0))
    r.release()
    r.release()
    r.release()
    try:
        r.release()
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__ + ':', e)
    with r:
        with r:
            print('nested with on RLock')
    started = mp.Event()
    p = mp.Process(target=hold, args=(r, started, 0.3))
    p.start()
    started.wait()
    print('RLock held elsewhere:', r.acquire(timeout=0.1))
    try:
        r.release()
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__ + ':', e)
    p.join()
    print('RLock free again:', r.acquire(False))
    r.release()

    s = mp.Semaphore(2)
    print(s.get_value(), s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.05), s.get_value())
    s.release()
    s.release()
    s.release()
    print('semaphore over-release allowed:', s.get_value())
    b = mp.BoundedSemaphore(1)
    print(b.acquire(), b.get_value())
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError:', e)
    try:
        mp.Semaphore(-1)
    except (ValueError, OSError) as e:
        print(type(e).__name__ + ':', e)

    sem = mp.Semaphore(2)
    active = mp.Value('i', 0)
    peak = mp.Value('i', 0)
    done = mp.Queue()
    ps = [mp.Process(target=sem_worker, args=(sem, active, peak, lock, done)) for _ in range(5)]
    for p in ps:
        p.start()
    print(sum(done.get() for _ in range(5)))
    for p in ps:
        p.join()
    print('peak <= 2:', peak.value <= 2, 'active', active.value)
