# Queue, SimpleQueue, JoinableQueue: blocking and non-blocking get/put, timeouts,
# Empty and Full, qsize/empty/full, task_done/join, close.
import multiprocessing as mp
import queue
import time


def producer(q, n):
    for i in range(n):
        q.put(i)


def consumer(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * item)
        jq.task_done()


def slow_put(q):
    time.sleep(0.3)
    q.put('late')


if __name__ == '__main__':
    q = mp.Queue()
    print(q.empty(), q.qsize())
    q.put(1)
    q.put_nowait('two')
    q.put([3], True, None)
    time.sleep(0.05)
    print(q.empty(), q.qsize(), q.full())
    print(q.get(), q.get_nowait(), q.get(True, 1))
    try:
        q.get_nowait()
    except queue.Empty as e:
        print('Empty', type(e).__module__, repr(e))
    t0 = time.time()
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print('Empty after timeout, elapsed >= 0.2:', time.time() - t0 >= 0.19)
    try:
        q.get(False)
    except queue.Empty:
        print('Empty with block=False')

    b = mp.Queue(2)
    b.put(1)
    b.put(2)
    print('full:', b.full(), b.qsize())
    try:
        b.put_nowait(3)
    except queue.Full as e:
        print('Full', repr(e))
    t0 = time.time()
    try:
        b.put(3, timeout=0.2)
    except queue.Full:
        print('Full after timeout, elapsed >= 0.2:', time.time() - t0 >= 0.19)
    print(b.get(), b.get(), b.empty())

    p = mp.Process(target=producer, args=(q, 1000))
    p.start()
    print('sum', sum(q.get() for _ in range(1000)))
    p.join()

    ps = [mp.Process(target=producer, args=(q, 100)) for _ in range(4)]
    for p in ps:
        p.start()
    got = [q.get() for _ in range(400)]
    for p in ps:
        p.join()
    print('four producers', len(got), sum(got), sorted(set(got)) == list(range(100)))

    p = mp.Process(target=slow_put, args=(q,))
    p.start()
    print('blocking get waits:', q.get())
    p.join()

    sq = mp.SimpleQueue()
    print(sq.empty())
    sq.put(('a', 1))
    print(sq.empty(), sq.get(), sq.empty())
    p = mp.Process(target=producer, args=(sq, 50))
    p.start()
    print(sum(sq.get() for _ in range(50)))
    p.join()
    sq.close()

    jq = mp.JoinableQueue()
    out = mp.Queue()
    cs = [mp.Process(target=consumer, args=(jq, out)) for _ in range(2)]
    for c in cs:
        c.start()
    for i in range(20):
        jq.put(i)
    jq.join()
    print('join returned with all done:', sorted(out.get() for _ in range(20)) == [i * i for i in range(20)])
    jq.put(None)
    jq.put(None)
    jq.join()
    for c in cs:
        c.join()
    print('consumers', [c.exitcode for c in cs])
    try:
        jq.task_done()
    except ValueError as e:
        print('ValueError:', e)

    q.close()
    try:
        q.put(1)
    except (ValueError, OSError) as e:
        print(type(e).__name__ + ':', str(e).startswith('Queue <') and str(e).endswith('> is closed'))
    try:
        q.get()
    except (ValueError, OSError) as e:
        print(type(e).__name__ + ':', str(e).startswith('Queue <') and str(e).endswith('> is closed'))
    q.join_thread()
    q2 = mp.Queue()
    q2.cancel_join_thread()
    print('done')
