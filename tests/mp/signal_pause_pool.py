# signal.pause() while a pool has work out: it returns once the alarm's handler has
# run, not when the pool's answers are looked at.
import multiprocessing as mp, signal, time
def slow(x): time.sleep(2); return x
if __name__ == '__main__':
    signal.signal(signal.SIGALRM, lambda s, f: print('alarm'))
    with mp.Pool(1) as pool:
        r = pool.apply_async(slow, (1,)); signal.alarm(1); t = time.monotonic()
        signal.pause(); print('pause waited for the alarm:', time.monotonic() - t >= 0.9)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    signal.pause(); print('plain pause')
