# Start and join 200 trivial processes, one after another.
import multiprocessing as mp


def work(v, i):
    v.value += i


if __name__ == '__main__':
    v = mp.Value('i', 0)
    codes = 0
    for i in range(200):
        p = mp.Process(target=work, args=(v, i))
        p.start()
        p.join()
        codes += p.exitcode
    print('checksum', v.value, codes)
