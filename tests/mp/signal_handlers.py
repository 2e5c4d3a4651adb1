# Signals between processes: a child's SIGTERM handler ends it cleanly, a handler runs
# during a sleep or a queue get that then goes on, a pool initializer ignores SIGINT,
# and a death by signal shows in exitcode.
import multiprocessing as mp, signal, os, time, sys

def graceful(q):
    def on_term(signum, frame):
        q.put('worker got %s' % signal.Signals(signum).name)
        sys.exit(0)
    signal.signal(signal.SIGTERM, on_term)
    q.put('ready')
    while True:
        time.sleep(0.05)

def sleeper(q):
    def on_usr1(signum, frame):
        q.put('usr1 during sleep')
    signal.signal(signal.SIGUSR1, on_usr1)
    q.put('ready')
    t = time.monotonic()
    time.sleep(2)
    q.put('slept the whole time: %s' % (time.monotonic() - t >= 1.99))

def blocked_get(q, inbox):
    signal.signal(signal.SIGUSR1, lambda s, f: q.put('usr1 during get'))
    q.put('ready')
    q.put('got ' + inbox.get())

def init_ignore():
    signal.signal(signal.SIGINT, signal.SIG_IGN)

def square(x):
    os.kill(os.getpid(), signal.SIGINT)
    return x * x

if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=graceful, args=(q,))
    p.start()
    print(q.get())
    p.terminate()
    p.join()
    print(q.get(), p.exitcode)

    p = mp.Process(target=sleeper, args=(q,))
    p.start()
    print(q.get())
    time.sleep(0.05)
    os.kill(p.pid, signal.SIGUSR1)
    print(q.get())
    print(q.get())
    p.join()

    inbox = mp.Queue()
    p = mp.Process(target=blocked_get, args=(q, inbox))
    p.start()
    print(q.get())
    time.sleep(0.05)
    os.kill(p.pid, signal.SIGUSR1)
    print(q.get())
    inbox.put('hello')
    print(q.get())
    p.join()

    with mp.Pool(2, initializer=init_ignore) as pool:
        print(pool.map(square, range(5)))

    p = mp.Process(target=time.sleep, args=(5,))
    p.start()
    os.kill(p.pid, signal.SIGUSR2)
    p.join()
    print('exitcode', p.exitcode, signal.Signals(-p.exitcode).name)
    q.put(signal.SIGTERM)
    print(repr(q.get()))
