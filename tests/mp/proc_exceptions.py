# A child's uncaught exception prints "Process Process-N:" and a traceback on stderr;
# the child exits 1 and the parent carries on. sys.exit("msg") prints the message.
import multiprocessing as mp
import sys


def raiser():
    raise ValueError("boom in child")


def exit_msg():
    sys.exit("goodbye from child")


if __name__ == '__main__':
    p = mp.Process(target=exit_msg)
    p.start()
    p.join()
    print('exit_msg exitcode', p.exitcode)
    p = mp.Process(target=raiser)
    p.start()
    p.join()
    print('raiser exitcode', p.exitcode)
    print('parent continues')
