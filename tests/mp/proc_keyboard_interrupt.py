# A KeyboardInterrupt the child raises itself (no Ctrl-C) is reported like any other
# exception, and the exit code is 1, as in CPython.
import multiprocessing as mp


def worker():
    raise KeyboardInterrupt


if __name__ == '__main__':
    p = mp.Process(target=worker)
    p.start()
    p.join()
    print('exitcode', p.exitcode)
