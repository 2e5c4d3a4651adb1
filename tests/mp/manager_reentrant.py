# A manager request made while this process waits for the answer to another (here by
# a signal handler that runs during the wait) gets its own answer, not the other's.
#
# Expected output written by hand: CPython's handler reads the pending answer of the
# interrupted request, and the two are swapped ("mismatch").
import multiprocessing as mp, signal, os, time
def pinger(pid, n):
    for _ in range(n):
        os.kill(pid, signal.SIGUSR1)
        time.sleep(0.002)
if __name__ == '__main__':
    m = mp.Manager()
    d = m.dict()
    count = [0]
    def h(s, f):
        count[0] += 1
        d['h'] = count[0]
    signal.signal(signal.SIGUSR1, h)
    p = mp.Process(target=pinger, args=(os.getpid(), 200)); p.start()
    ok = 0
    t = time.monotonic()
    while p.is_alive() or time.monotonic() - t < 0.1:
        d['x'] = ok
        if d['x'] != ok:
            print('mismatch', d['x'], ok); break
        ok += 1
    p.join()
    print('done', d['h'] == count[0], count[0] > 0)
    m.shutdown()
