# multiprocessing.connection.wait over pipes and sentinels, recv_bytes(maxlength), the
# EOFError of a closed pipe, and the sharedctypes and queues modules.
import multiprocessing as mp
import multiprocessing.queues
from multiprocessing.connection import wait, Connection
from multiprocessing.sharedctypes import Value, Array


def child(w, n):
    w.send(n * n)
    w.close()


if __name__ == '__main__':
    readers, procs = [], []
    for n in range(3):
        r, w = mp.Pipe(duplex=False)
        p = mp.Process(target=child, args=(w, n))
        p.start()
        w.close()
        readers.append(r)
        procs.append(p)
    got = []
    while readers:
        for r in wait(readers):
            try:
                got.append(r.recv())
            except EOFError:
                readers.remove(r)
    print(sorted(got))
    for p in procs:
        p.join()
    print(wait([p.sentinel for p in procs], timeout=0) == [p.sentinel for p in procs])
    r, w = mp.Pipe()
    print(wait([r], timeout=0.05), isinstance(r, Connection))
    print(Value('i', 3).value, Array('d', [1.5])[:], isinstance(mp.Queue(), multiprocessing.queues.Queue))
    a, b = mp.Pipe()
    a.send_bytes(b'0123456789')
    try:
        b.recv_bytes(maxlength=5)
    except OSError as e:
        print('OSError:', e)
    c, d = mp.Pipe()
    c.close()
    try:
        d.recv()
    except EOFError as e:
        print(repr(e))
    import queue
    print(multiprocessing.queues.Empty is queue.Empty)
