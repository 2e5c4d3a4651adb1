# A CPU-bound prime count over 8 chunks: Pool(2).map, and the same work serially.
# `pool_primes.py serial` runs the serial version (to compare spindle with itself).
# `pool_primes.py share K` runs the chunks a pool worker gets in the FIFO order (K = 0:
# chunks 0, 2, 4, 6; K = 1: the others): two plain processes running both shares at
# once show the best a 2-process pool could do with this split on this machine, since
# later chunks cost more (the cheaper worker always takes the next one).
import multiprocessing as mp
import sys

LIMIT = 400000
CHUNKS = 8


def count_primes(bounds):
    lo, hi = bounds
    n = 0
    for k in range(lo, hi):
        if k < 2:
            continue
        if k % 2 == 0:
            n += k == 2
            continue
        d = 3
        prime = True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d += 2
        n += prime
    return n


if __name__ == '__main__':
    step = LIMIT // CHUNKS
    chunks = [(i * step, (i + 1) * step) for i in range(CHUNKS)]
    if len(sys.argv) > 1 and sys.argv[1] == 'serial':
        counts = [count_primes(c) for c in chunks]
    elif len(sys.argv) > 2 and sys.argv[1] == 'share':
        counts = [count_primes(c) for c in chunks[int(sys.argv[2])::2]]
    else:
        with mp.Pool(2) as pool:
            counts = pool.map(count_primes, chunks, chunksize=1)
    print('checksum', sum(counts))
