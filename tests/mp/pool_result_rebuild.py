# A pool result that cannot be rebuilt in the parent (its __setstate__ raises) fails
# its own task with the reason; waits elsewhere are not disturbed and the pool goes
# on. (CPython's result thread dies there, and its pool hangs; this output was
# checked by hand.)
import multiprocessing as mp
import time


class Fragile:
    def __init__(self, tag):
        self.tag = tag

    def __setstate__(self, state):
        raise KeyError('cannot rebuild ' + state['tag'])


def give(k):
    return Fragile(str(k)) if k < 2 else k


def ident(x):
    return x


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        r = pool.apply_async(give, (1,))
        time.sleep(0.5)
        print('slept; ready:', r.ready())
        try:
            r.get(10)
        except KeyError as e:
            print('get:', type(e).__name__, e)
        try:
            print(pool.map(give, [2, 1, 3]))
        except KeyError as e:
            print('map:', type(e).__name__, e)
        print([pool.apply(ident, (i,)) for i in range(3)])
        print(list(pool.imap(give, [2, 3, 4])))
