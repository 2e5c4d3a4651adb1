# terminate() -> -15, kill() -> -9, close() and the errors of a closed process.
import multiprocessing as mp
import time


def forever():
    while True:
        time.sleep(0.05)


def nothing():
    pass


if __name__ == '__main__':
    p = mp.Process(target=forever)
    p.start()
    time.sleep(0.1)
    print('alive', p.is_alive(), p.exitcode)
    try:
        p.close()
    except ValueError as e:
        print('ValueError:', e)
    p.terminate()
    p.join()
    print('terminated', p.exitcode, p.is_alive())
    print(repr(p).split(' parent=')[1].split(' ', 1)[1])
    p.terminate()
    print('terminate again is harmless', p.exitcode)

    p = mp.Process(target=forever)
    p.start()
    p.kill()
    p.join()
    print('killed', p.exitcode)
    print(repr(p).split(' parent=')[1].split(' ', 1)[1])
    p.close()
    print(repr(p).split(' parent=')[1].split(' ', 1)[1], 'pid=' in repr(p))
    for what in ('exitcode', 'pid', 'sentinel'):
        try:
            getattr(p, what)
        except ValueError as e:
            print(what, 'ValueError:', e)
    for what in ('is_alive', 'join', 'start', 'terminate', 'kill'):
        try:
            getattr(p, what)()
        except ValueError as e:
            print(what, 'ValueError:', e)
    p.close()
    print('close twice ok')
    print(p.name)

    p = mp.Process(target=nothing)
    try:
        p.sentinel
    except ValueError as e:
        print('sentinel before start ValueError:', e)
    p.close()
    print('closed before start ok')
