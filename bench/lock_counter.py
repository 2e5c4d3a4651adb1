# Two processes each doing 100k `with lock: counter.value += 1` (tutorial listing 06's
# pattern with a bigger count).
import multiprocessing as mp

N = 100000


def count(lock, counter):
    for _ in range(N):
        with lock:
            counter.value += 1


if __name__ == '__main__':
    lock = mp.Lock()
    counter = mp.Value('i', 0, lock=False)
    ps = [mp.Process(target=count, args=(lock, counter)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('checksum', counter.value)
