# Errors as CPython names and words them: invalid objects given to wait(), a manager's
# failed creation and restart, a message cut short by a killed writer, and the error
# classes multiprocessing.context defines, also when sent between processes.
import multiprocessing as mp
from multiprocessing.connection import wait


def show(what, f):
    try:
        print(what, '->', f())
    except Exception as e:
        print(what, '->', type(e).__name__, e)


def late(x):
    raise mp.TimeoutError('late %d' % x)


def big_sender(c):
    c.send_bytes(b'q' * (32 * 1024 * 1024))


if __name__ == '__main__':
    show('wait([-1])', lambda: wait([-1], timeout=0.1))
    show('wait(["x"])', lambda: wait(['x'], timeout=0.1))
    print(mp.ProcessError, mp.BufferTooShort, mp.TimeoutError, mp.AuthenticationError)
    import multiprocessing.context as context
    print(context.TimeoutError is mp.TimeoutError)
    with mp.Pool(1) as pool:
        try:
            pool.apply(late, (3,))
        except mp.TimeoutError as e:
            print('from the worker:', type(e), e)
    q = mp.Queue()
    q.put(mp.ProcessError('sent'))
    print(repr(q.get(timeout=5)))

    m = mp.Manager()
    try:
        m.list(5)
    except Exception as e:
        print('m.list(5) ->', type(e).__name__)
    ns = m.Namespace(a=1)
    show('namespace missing', lambda: ns.missing)
    m.shutdown()
    show('start after shutdown', m.start)

    a, b = mp.Pipe()
    p = mp.Process(target=big_sender, args=(b,))
    p.start()
    a.poll(10)   # part of the message is there; the writer waits for room
    p.kill()
    p.join()
    b.close()
    show('message cut short', lambda: len(a.recv_bytes()))
