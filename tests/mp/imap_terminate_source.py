# A pool terminated while an imap still reads its input lets go of the input, so a
# generator's finally block runs right after terminate().
#
# Expected output written by hand: CPython's task thread reads the whole input at
# once, so it prints "source closed" before the first result.
import multiprocessing as mp


def source():
    try:
        for i in range(1000):
            yield i
    finally:
        print('source closed')


def square(x):
    return x * x


if __name__ == '__main__':
    pool = mp.Pool(2)
    it = pool.imap(square, source())
    print(next(it), next(it))
    pool.terminate()
    print('terminated')
    pool.join()
    print('joined')
