# What printing multiprocessing's objects shows, as in CPython (addresses masked):
# Event and Barrier with their state, a Connection, arrays of chars as
# SynchronizedString, built-in iterators, and a context's own Process class, which
# names its processes after itself.
import multiprocessing as mp


def masked(obj):
    text = repr(obj)
    parts = text.split('0x')
    out = parts[0]
    for p in parts[1:]:
        i = 0
        while i < len(p) and p[i] in '0123456789abcdef':
            i += 1
        out += 'ADDR' + p[i:]
    return out


def report():
    print('child:', mp.current_process().name)


if __name__ == '__main__':
    e = mp.Event()
    print(masked(e))
    e.set()
    print(masked(e))
    print(masked(mp.Barrier(2)))
    r, w = mp.Pipe()
    print(masked(r))
    print(masked(mp.Array('c', b'hi')), type(mp.Array('c', 2)).__name__)
    print(masked(mp.Array('i', 3)))
    print(masked(iter([1])), masked(map(abs, [])), masked(iter(range(2))))
    ctx = mp.get_context()
    print(masked(ctx), masked(mp.get_context('spawn')))
    print(mp.Process, ctx.Process, mp.get_context('spawn').Process)
    p = ctx.Process(target=report)
    print(type(p).__name__, p.name, isinstance(p, mp.Process))
    p.start()
    p.join()
    q = mp.Process(target=report)
    q.start()
    q.join()
