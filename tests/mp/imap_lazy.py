# imap and imap_unordered over an iterator read as results are taken: an input that
# fails part way gives the results before the failure, and an endless input works.
import itertools
import multiprocessing as mp


def square(x):
    return x * x


def failing(n, at):
    for i in range(n):
        if i == at:
            raise ValueError('input broke at %d' % i)
        yield i


def inverse(x):
    return 10 // x


def consume_all(it):
    '''Takes every result, noting errors: without chunks the iterator goes on.'''
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            return out
        except ZeroDivisionError:
            out.append('ZeroDivisionError')


def consume(it):
    got = []
    try:
        for x in it:
            got.append(x)
    except ValueError as e:
        got.append('ValueError: %s' % e)
    return got


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(consume(pool.imap(square, failing(10, 5))))
        # With chunks of 2 the chunk the failure interrupted is lost, as in CPython.
        print(consume(pool.imap(square, failing(10, 5), chunksize=2)))
        print(consume(pool.imap(square, failing(10, 0))))
        got = consume(pool.imap_unordered(square, failing(6, 3)))
        print(set(got[:-1]) <= {0, 1, 4}, got[-1])
        print(list(pool.imap(square, iter(range(7)), chunksize=3)))
        print(list(pool.imap(square, (x for x in []))))
        print(sorted(pool.imap_unordered(square, iter(range(30)), chunksize=4)))
        it = pool.imap(square, iter(range(100)))
        print(next(it), next(it), it.next(timeout=5))
    # close() and join() finish every task of an imap still reading its input.
    with mp.Manager() as m:
        seen = m.list()
        pool = mp.Pool(2)
        it = pool.imap(seen.append, iter(range(40)))
        print(next(it))
        pool.close()
        pool.join()
        print(len(seen), sorted(seen) == list(range(40)))
    # With chunks, the results come from a generator that ends at the first error.
    with mp.Pool(2) as pool:
        it = pool.imap(inverse, [1, 2, 0, 5, 10, 1], chunksize=2)
        out = []
        while True:
            try:
                out.append(next(it))
            except StopIteration:
                break
            except ZeroDivisionError:
                out.append('ZeroDivisionError')
        print(out)
        it = pool.imap(inverse, iter([1, 2, 0, 5, 10, 1]))
        print(consume_all(it))
    # close() returns while an imap still reads an endless input.
    pool = mp.Pool(2)
    it = pool.imap(square, itertools.count())
    print(next(it), next(it))
    pool.close()
    print('closed')
    pool.terminate()
    # An endless input: results come as they are taken. (CPython's task thread goes
    # on reading it until the pool ends, so that pool takes no other work; spindle
    # reads a few chunks ahead of the results taken.)
    with mp.Pool(2) as pool:
        for r in pool.imap(square, itertools.count()):
            if r > 50:
                print('first square past 50:', r)
                break
