# Pipe: send/recv of many kinds of values, poll, send_bytes/recv_bytes, EOFError,
# OSError on a closed handle, one-way pipes.
import multiprocessing as mp
import time


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def echo(conn, other):
    other.close()
    while True:
        try:
            x = conn.recv()
        except EOFError:
            break
        conn.send(x)
    conn.close()


def slow_sender(conn):
    time.sleep(0.3)
    conn.send('late')
    conn.send_bytes(b'raw bytes')
    conn.send_bytes(b'0123456789', 2, 5)
    conn.close()


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b, a))
    p.start()
    b.close()
    values = [None, True, 1, -2 ** 70, 1.5, 'text', b'bytes', (1, 2), [1, [2, 3]],
              {'a': 1, 2: 'b'}, {1, 2, 3}, frozenset([4]), Point(1, 2), ValueError('bad'),
              range(3), '', [], {}]
    for v in values:
        a.send(v)
        got = a.recv()
        print(type(got).__name__, repr(got) if not isinstance(got, Exception) else (type(got).__name__, got.args))
    print('poll on empty:', a.poll(), a.poll(0.05))
    a.send('x')
    print('poll after echo:', a.poll(5), a.recv())
    a.close()
    p.join()
    print('echo exitcode', p.exitcode, 'closed', a.closed)
    for what in ('send', 'recv', 'poll', 'fileno'):
        try:
            f = getattr(a, what)
            f('x') if what == 'send' else f()
        except OSError as e:
            print(what, 'OSError:', e)
    a.close()
    print('close twice ok')

    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=slow_sender, args=(w,))
    p.start()
    w.close()
    t0 = time.time()
    print('poll timeout:', r.poll(0.1), 'elapsed >= 0.1:', time.time() - t0 >= 0.09)
    print(r.recv(), r.recv_bytes(), r.recv_bytes())
    try:
        r.recv()
    except EOFError:
        print('EOFError once the writer is gone')
    print('poll at EOF is True:', r.poll())
    p.join()
    try:
        w.send(1)
    except OSError as e:
        print('OSError:', e)
    try:
        r.send(1)
    except OSError as e:
        print('one-way OSError:', e)
    with mp.Pipe()[0] as c:
        print('context manager', c.closed)
    print('after with', c.closed)
    x, y = mp.Pipe()
    x.send_bytes(b'')
    print(repr(y.recv_bytes()))
    try:
        x.send(lambda: 1) if False else x.send_bytes('not bytes')
    except TypeError as e:
        print('TypeError')
    p = mp.Process(target=x.send, args=(list(range(100000)),))
    p.start()
    print(sum(y.recv()))
    p.join()
