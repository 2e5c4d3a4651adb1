# Pool(2).map over 100k trivial items.
import multiprocessing as mp


def f(x):
    return x + 1


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        out = pool.map(f, range(100000))
    print('checksum', sum(out), len(out))
