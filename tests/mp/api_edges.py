# The multiprocessing API at its limits, as CPython answers: semaphore values past a C
# int, a barrier of more parties than a u32 counts, float Values set from big ints,
# reversed() of an Array, map with no chunks, list proxy operators and the names a
# proxy may call, and signals to a process that was never started.
import multiprocessing as mp


def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


def square(x):
    return x * x


def nothing():
    pass


if __name__ == '__main__':
    for v in [2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 32 + 5, 2 ** 80, True]:
        show('Semaphore(%r)' % v, lambda: mp.Semaphore(v).get_value())
    s = mp.Semaphore(2 ** 31 - 1)
    show('release past the maximum', s.release)
    b = mp.Barrier(2 ** 32 + 1, timeout=0.2)
    show('parties', lambda: b.parties)
    show('wait', b.wait)
    show('Barrier(True)', lambda: mp.Barrier(True).parties == 1)

    show('Value d big', lambda: mp.Value('d', 2 ** 63).value)
    show('Array d big', lambda: mp.Array('d', [1, 10 ** 20])[:])
    show('Value d huge', lambda: mp.Value('d', 10 ** 400).value)
    show('reversed Array', lambda: list(reversed(mp.Array('i', [1, 2, 3]))))

    with mp.Pool(2) as pool:
        show('chunksize 0', lambda: pool.map(square, range(5), chunksize=0))
        show('chunksize -1', lambda: pool.map(square, range(5), chunksize=-1))
        r = pool.map_async(square, [], callback=lambda res: print('callback', res))
        show('empty map_async', r.get)

    with mp.Manager() as m:
        l = m.list([1, 2])
        show('list * 2', lambda: l * 2)
        show('2 * list', lambda: 2 * l)
        show('reversed list', lambda: list(reversed(l)))
        show('list + [3]', lambda: l + [3])
        l *= 2
        show('after *=', lambda: l)
        try:
            l._callmethod('__class__')
        except Exception as e:
            print('__class__', type(e).__name__)
        show('getvalue', l._getvalue)

    p = mp.Process(target=nothing)
    show('terminate before start', p.terminate)
    show('kill before start', p.kill)
    show('terminate current', mp.current_process().terminate)
