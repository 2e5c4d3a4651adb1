# 5k updates to a Manager().dict() from two processes.
import multiprocessing as mp

N = 2500


def update(d, base):
    for i in range(N):
        d[base + i % 100] = i


if __name__ == '__main__':
    with mp.Manager() as m:
        d = m.dict()
        ps = [mp.Process(target=update, args=(d, k * 1000)) for k in range(2)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print('checksum', len(d), sum(d.values()))
