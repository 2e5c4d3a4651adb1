# Daemon rules: settable only before start, daemonic processes have no children,
# daemonic children are terminated at exit and the others joined.
import multiprocessing as mp
import time


def nothing():
    pass


def try_child(q):
    try:
        c = mp.Process(target=nothing)
        c.start()
        q.put('started')
    except AssertionError as e:
        q.put('AssertionError: ' + str(e))


def forever():
    while True:
        time.sleep(0.05)


def late_printer():
    time.sleep(0.3)
    print('non-daemon child finished after the main program', flush=True)


if __name__ == '__main__':
    p = mp.Process(target=nothing, daemon=True)
    print(p.daemon)
    p.daemon = False
    print(p.daemon)
    # The flag is kept as given; only its truth counts.
    q = mp.Process(target=nothing, daemon='yes')
    print(q.daemon, 'daemon' in repr(q))
    q.daemon = 0
    print(q.daemon, 'daemon' in repr(q))
    p.start()
    try:
        p.daemon = True
    except AssertionError as e:
        print('AssertionError:', e)
    p.join()
    q = mp.Queue()
    d = mp.Process(target=try_child, args=(q,))
    d.daemon = True
    d.start()
    print(q.get())
    d.join()
    print('daemon exitcode', d.exitcode)
    nd = mp.Process(target=try_child, args=(q,))
    nd.start()
    print(q.get())
    nd.join()
    forever_daemon = mp.Process(target=forever, daemon=True)
    forever_daemon.start()
    late = mp.Process(target=late_printer)
    late.start()
    print('main program ends', flush=True)
