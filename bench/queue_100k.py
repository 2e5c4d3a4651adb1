# 100k small items through a Queue from a child to the parent.
import multiprocessing as mp

N = 100000


def produce(q):
    for i in range(N):
        q.put(i)


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q,))
    p.start()
    total = 0
    for _ in range(N):
        total += q.get()
    p.join()
    print('checksum', total)
