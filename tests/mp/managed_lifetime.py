# A manager's objects stay reachable after the process that made them drops its
# reference (stored only in a managed dict or list), and thousands of them need no
# descriptor each, as CPython's manager keeps them in its server.
import multiprocessing as mp


def use(lock):
    with lock:
        return 1


if __name__ == '__main__':
    m = mp.Manager()
    d = m.dict()
    d['ev'] = m.Event()
    d['ev'].set()
    print('event in a dict:', d['ev'].is_set())
    stored = m.list([m.Lock()])
    with stored[0]:
        print('lock in a list: held')
    with mp.Pool(2) as pool:
        locks = [m.Lock() for _ in range(3000)]
        print('used:', sum(pool.map(use, locks)))
        print('made after the pool, dropped at once:', pool.apply(use, (m.RLock(),)))
    m.shutdown()
