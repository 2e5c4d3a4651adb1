# A process forked after a pool holds a copy of it: what it submits must never be
# answered as the creator's own jobs (spindle refuses it; CPython's copy never sends).
import multiprocessing as mp
import time


def f(x):
    return x * x


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        def child():
            for submit in (lambda: pool.apply_async(f, (3,)),
                           lambda: pool.map_async(f, [5, 6]),
                           lambda: pool.imap(f, [7])):
                try:
                    submit()
                except RuntimeError:
                    pass
        p = mp.Process(target=child)
        p.start()
        p.join()
        time.sleep(0.3)
        print(pool.apply(f, (4,)), pool.map(f, [1, 2]), list(pool.imap(f, [8])))
