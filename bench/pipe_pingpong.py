# 20k round trips over a Pipe between the parent and a child.
import multiprocessing as mp

N = 20000


def pong(conn):
    while True:
        x = conn.recv()
        if x is None:
            break
        conn.send(x + 1)


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=pong, args=(b,))
    p.start()
    total = 0
    for i in range(N):
        a.send(i)
        total += a.recv()
    a.send(None)
    p.join()
    print('checksum', total)
