# What a pool can send: module functions (math.sqrt, math.pow, json.dumps, random.random
# reseeded in every child), a bound method of a shared object made before the pool; and
# what it cannot: a lock made after the pool started, an open file. Those fail the task
# with an error, and the pool goes on working.
import json
import math
import multiprocessing as mp
import random


def use_lock(lk):
    with lk:
        return 1


def draw(_):
    return random.random()


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(math.sqrt, [1, 4, 9]))
        print(pool.apply(math.pow, (2, 3)), pool.starmap(math.pow, [(2, 0.5), (4, 2)]))
        print(pool.map(json.dumps, [[1, 2], {'a': None}]))
        print(pool.map(str.upper, ['a', 'b']), pool.map('<{}>'.format, [1, 2]))
        print(len(set(pool.map(draw, range(8), chunksize=1))))
        lk = mp.Lock()
        try:
            pool.map(use_lock, [lk])
        except RuntimeError as e:
            print('RuntimeError')
        seen = []
        with open(__file__) as f:
            r = pool.apply_async(len, (f,), error_callback=lambda e: seen.append(type(e).__name__))
            try:
                r.get(timeout=10)
            except TypeError:
                print('TypeError', seen)
        print(pool.map(abs, [-1, -2]))
    q = mp.Queue()
    ps = [mp.Process(target=lambda: q.put(random.randint(1, 10 ** 9))) for _ in range(4)]
    for p in ps:
        p.start()
    print('distinct:', len({q.get() for _ in ps}))
    for p in ps:
        p.join()
