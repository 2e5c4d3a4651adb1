# Arguments at the edges: NaN timeouts, a size past the end of a buffer, a sentinel
# waited on after join(), polling a write-only end, and bytes that are not a sent
# value. Each gets CPython's answer, never a hang or a crash.
import multiprocessing as mp
import time
from multiprocessing.connection import wait


def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


def mk1():
    x = 1

    def one():
        return x
    return one


def mk3():
    a, b, c = 1, 2, 3

    def three():
        return a + b + c
    return three


if __name__ == '__main__':
    nan = float('nan')
    a, b = mp.Pipe()
    show('send_bytes size', lambda: a.send_bytes(b'abc', 1, 2 ** 63 - 1))
    show('send_bytes offset', lambda: a.send_bytes(b'abc', 2 ** 63 - 1, 1))
    show('wait nan', lambda: wait([a], timeout=nan))

    p = mp.Process(target=time.sleep, args=(0.3,))
    p.start()
    show('join nan', lambda: p.join(nan))
    p.join()
    c, d = mp.Pipe()   # may reuse a descriptor number a joined child's sentinel had
    show('sentinel after join', lambda: wait([p.sentinel], timeout=5) == [p.sentinel])
    p.close()
    show('sentinel after close', lambda: p.sentinel)

    with mp.Pool(1) as pool:
        r = pool.apply_async(time.sleep, (5,))
        show('get nan', lambda: r.get(timeout=nan))
        it = pool.imap(time.sleep, [5])
        show('next nan', lambda: it.next(nan))
        pool.terminate()

    r, w = mp.Pipe(duplex=False)
    show('poll write end', lambda: w.poll())
    show('recv write end', lambda: w.recv())

    a.send_bytes(b'abc')
    try:
        b.recv()
    except Exception as e:
        print('recv not a value', type(e).__name__)
    a.send_bytes(b'')
    show('recv nothing', lambda: b.recv())

    def forged():
        a.send(mk1())
        e1 = b.recv_bytes()
        a.send(mk3())
        e3 = b.recv_bytes()
        a.send_bytes(e1[:1] + e3[1:10] + e1[10:])
        return b.recv()()
    try:
        forged()
    except Exception:
        print('forged function refused')
