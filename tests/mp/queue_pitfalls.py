# CPython's documented pitfalls, and large items: an item put just before a child
# exits is not lost; a child that exits before its items are consumed does not
# deadlock the parent's join(); a 50 MB item crosses intact.
#
# Expected output written by hand for the second line: CPython's join() below waits
# for the child's feeder thread, which waits for the parent to read (its documented
# pitfall), so CPython prints `None` after the 30 s timeout; spindle prints `0`.
import multiprocessing as mp


def put_and_exit(q, i):
    q.put(('last words', i))


def put_many_then_exit(q):
    for i in range(2000):
        q.put('x' * 100)


def big(q):
    q.put(b'\x01' * (50 * 1024 * 1024))


def big_str_back(q, r):
    data = q.get()
    r.put(len(data))


if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=put_and_exit, args=(q, i)) for i in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(q.get(timeout=10)[1] for _ in range(5)), [p.exitcode for p in ps])

    p = mp.Process(target=put_many_then_exit, args=(q,))
    p.start()
    p.join(timeout=30)
    print('joined before consuming:', p.exitcode)
    print(len([q.get(timeout=10) for _ in range(2000)]))

    p = mp.Process(target=big, args=(q,))
    p.start()
    data = q.get(timeout=60)
    p.join()
    print(len(data), data[:3], data[-1], data.count(b'\x01') == len(data))

    r = mp.Queue()
    p = mp.Process(target=big_str_back, args=(q, r))
    p.start()
    q.put('y' * (50 * 1024 * 1024))
    print(r.get(timeout=60))
    p.join()

    a, b = mp.Pipe()
    p = mp.Process(target=lambda c: c.send_bytes(b'z' * (50 * 1024 * 1024)), args=(b,))
    p.start()
    got = a.recv_bytes()
    p.join()
    print(len(got), p.exitcode)
