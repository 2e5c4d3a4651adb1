# A manager's queues, locks and events made after a pool started still reach its
# workers, as CPython's manager proxies do.
import multiprocessing as mp
import os


def put_square(q, x):
    q.put(x * x)
    return os.getpid() != MAIN


def locked_add(lock, counter, n):
    for _ in range(n):
        with lock:
            counter.value += 1


def wait_then(event, q, x):
    event.wait()
    q.put(x)


def sem_try(sem):
    got = sem.acquire(timeout=0.1)
    return got


def meet(barrier):
    return barrier.wait(timeout=10) in (0, 1)


def wait_for_flag(cond, flag):
    with cond:
        return cond.wait_for(lambda: flag.value == 1, timeout=10)


def twice(q):
    # The same queue received twice in one task is one object.
    return q is q


def joinable(jq, x):
    jq.put(x)


if __name__ == '__main__':
    MAIN = os.getpid()
    with mp.Pool(2) as pool:
        m = mp.Manager()
        q = m.Queue()
        print(pool.starmap(put_square, [(q, x) for x in range(5)]))
        print(sorted(q.get() for _ in range(5)))

        lock = m.Lock()
        counter = m.Value('i', 0)
        pool.starmap(locked_add, [(lock, counter, 200)] * 4)
        print('counter', counter.value)

        ev = m.Event()
        results = [pool.apply_async(wait_then, (ev, q, x)) for x in 'ab']
        print('event set?', ev.is_set())
        ev.set()
        for r in results:
            r.get(timeout=10)
        print(sorted(q.get() for _ in range(2)))

        sem = m.Semaphore(1)
        print(sorted(pool.map(sem_try, [sem, sem])))

        print(pool.apply(twice, (q,)))

        barrier = m.Barrier(2)
        print('barrier', pool.map(meet, [barrier, barrier], chunksize=1))

        cond = m.Condition()
        flag = m.Value('i', 0)
        waiting = pool.apply_async(wait_for_flag, (cond, flag))
        with cond:
            flag.value = 1
            cond.notify_all()
        print('condition', waiting.get(timeout=10))

        jq = m.JoinableQueue()
        pool.starmap(joinable, [(jq, i) for i in range(3)])
        print(sorted(jq.get() for _ in range(3)))
        m.shutdown()
    # A plain multiprocessing.Lock made after the pool started cannot be sent: CPython
    # refuses it too.
    with mp.Pool(1) as pool:
        plain = mp.Lock()
        try:
            pool.apply(sem_try, (plain,))
        except Exception as e:
            print(type(e).__name__, str(e).split(' (')[0])
