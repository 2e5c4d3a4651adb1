# Process lifecycle: start, join, join(timeout), is_alive, exit codes, names.
import multiprocessing as mp
import os
import sys
import time


def nothing():
    pass


def sleeper(t):
    time.sleep(t)


def raiser():
    raise ValueError("boom in child")


def exit_n(n):
    sys.exit(n)


def exit_none():
    sys.exit()


def hard_exit(n):
    os._exit(n)


if __name__ == '__main__':
    p = mp.Process(target=nothing)
    print(p.name, p.exitcode, p.pid, p.is_alive(), p.daemon)
    p.start()
    print(isinstance(p.pid, int), p.pid == p.ident, isinstance(p.sentinel, int))
    p.join()
    print('after join', p.exitcode, p.is_alive())
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError:', e)

    p2 = mp.Process(target=sleeper, args=(0.3,))
    t0 = time.time()
    p2.start()
    p2.join(timeout=0.05)
    print('join(timeout) returned, alive:', p2.is_alive(), 'exitcode:', p2.exitcode)
    p2.join()
    print('joined:', p2.exitcode, p2.is_alive(), 'elapsed >= 0.25:', time.time() - t0 >= 0.25)
    p2.join()
    print('join again ok', p2.exitcode)

    for target, args in [(exit_n, (3,)), (exit_none, ()), (exit_n, (0,)),
                         (hard_exit, (7,)), (hard_exit, (0,)), (exit_n, (True,))]:
        q = mp.Process(target=target, args=args)
        q.start()
        q.join()
        print(target.__name__, args, '->', q.exitcode)

    q = mp.Process(target=nothing, name='custom')
    print(q.name)
    q.name = 'renamed'
    print(q.name)
    print(mp.Process(target=nothing).name)
    try:
        mp.Process(target=nothing).join()
    except AssertionError as e:
        print('AssertionError:', e)
