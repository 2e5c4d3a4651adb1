# What cannot cross processes is refused with pickle's words: open files, generators,
# through a pipe and as a pool task's argument; the type repr of a file names _io.
import multiprocessing as mp


def gen():
    yield 1


def size(f):
    return f


if __name__ == '__main__':
    a, b = mp.Pipe()
    f = open(__file__)
    print(type(f))
    for v in [f, gen(), (x for x in [])]:
        try:
            b.send(v)
            print('sent', type(v).__name__)
        except Exception as e:
            print(type(e).__name__, e)
    with mp.Pool(1) as pool:
        try:
            pool.apply(size, (f,))
        except Exception as e:
            print(type(e).__name__, e)
        print(pool.apply(size, (3,)))
