# Pool: apply, apply_async, map, map_async, imap, imap_unordered, starmap,
# starmap_async, callbacks, error_callback, AsyncResult, close/join/terminate,
# context manager, worker names, initializer, maxtasksperchild.
import multiprocessing as mp
import os
import time


def sq(x):
    return x * x


def add(a, b):
    return a + b


def slow(x):
    time.sleep(x)
    return x


def fail(x):
    if x == 3:
        raise ValueError('bad item %d' % x)
    return x


def whoami(_):
    return mp.current_process().name


def kw(a, b=0, c=0):
    return (a, b, c)


def init(v):
    global INIT
    INIT = v


def get_init(_):
    return INIT


def pid(_):
    time.sleep(0.01)
    return os.getpid()


if __name__ == '__main__':
    pool = mp.Pool(2)
    print(pool.apply(sq, (7,)), pool.apply(kw, (1,), {'c': 3}))
    r = pool.apply_async(add, (2, 3))
    print(r.get(timeout=10), r.ready(), r.successful())
    print(pool.map(sq, range(10)))
    print(pool.map(sq, range(10), chunksize=3))
    print(pool.map(sq, []))
    print(pool.starmap(add, [(1, 2), (3, 4)]))
    print(list(pool.imap(sq, range(8))))
    print(list(pool.imap(sq, range(8), chunksize=3)))
    print(sorted(pool.imap_unordered(sq, range(8))))
    print(sorted(pool.imap_unordered(sq, range(8), 2)))
    print(pool.map_async(sq, range(5)).get())
    print(pool.starmap_async(add, [(1, 1), (2, 2)]).get())
    names = set(pool.map(whoami, range(20), chunksize=1))
    print(names <= {'ForkPoolWorker-1', 'ForkPoolWorker-2'})

    got = []
    errs = []
    rs = [pool.apply_async(sq, (i,), callback=got.append) for i in range(5)]
    for x in rs:
        x.wait()
    print('callbacks', sorted(got))
    m = pool.map_async(sq, range(4), callback=got.append)
    m.wait()
    print('map callback', got[-1])
    e = pool.apply_async(fail, (3,), error_callback=errs.append)
    e.wait()
    print('error_callback', [repr(x) for x in errs], e.successful())
    try:
        e.get()
    except ValueError as ex:
        print('get raises', repr(ex))
    em = pool.map_async(fail, range(6), error_callback=errs.append)
    em.wait()
    print('map error_callback', repr(errs[-1]), em.ready(), em.successful())
    try:
        pool.map(fail, range(6))
    except ValueError as ex:
        print('map raises', repr(ex))
    print('still usable', pool.map(sq, [1, 2, 3]))

    t = pool.apply_async(slow, (0.5,))
    t0 = time.time()
    try:
        t.get(timeout=0.1)
    except mp.TimeoutError as ex:
        print('TimeoutError', type(ex).__module__, time.time() - t0 >= 0.09)
    print('ready before:', t.ready())
    try:
        t.successful()
    except ValueError as ex:
        print('ValueError not ready', str(ex).endswith('not ready'))
    t.wait(0.05)
    print(t.get())
    it = pool.imap(slow, [0.4, 0.0])
    try:
        it.next(timeout=0.05)
    except mp.TimeoutError:
        print('imap next(timeout) TimeoutError')
    print(it.next(), it.next())
    try:
        it.next()
    except StopIteration:
        print('StopIteration')

    pool.close()
    try:
        pool.apply(sq, (1,))
    except ValueError as ex:
        print('ValueError:', ex)
    try:
        pool.map(sq, [1])
    except ValueError as ex:
        print('ValueError:', ex)
    pool.join()
    print('joined')

    p2 = mp.Pool(2)
    try:
        p2.join()
    except ValueError as ex:
        print('ValueError:', ex)
    p2.terminate()
    p2.join()
    try:
        p2.apply_async(sq, (1,))
    except ValueError as ex:
        print('after terminate ValueError:', ex)

    with mp.Pool(processes=2, initializer=init, initargs=('ready',)) as p3:
        print(p3.map(get_init, range(4)))
    try:
        p3.map(sq, [1])
    except ValueError as ex:
        print('after with ValueError:', ex)

    with mp.Pool(2, maxtasksperchild=1) as p4:
        pids = p4.map(pid, range(6), chunksize=1)
        print('maxtasksperchild: distinct workers', len(set(pids)) == 6)
    for bad in (0, -1):
        try:
            mp.Pool(bad)
        except ValueError as ex:
            print('ValueError:', ex)
    try:
        mp.Pool(2, maxtasksperchild=0)
    except ValueError as ex:
        print('ValueError:', ex)
    try:
        mp.Pool(2, initializer=5)
    except TypeError as ex:
        print('TypeError:', ex)
