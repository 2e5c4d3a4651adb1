# A misspelt keyword or an extra argument to a blocking method (or to send) is a
# TypeError at once, as in CPython, never a wait or a send that ignores it.
import multiprocessing as mp
def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)
if __name__ == '__main__':
    show('event.wait', lambda: mp.Event().wait(timout=0.1))
    c = mp.Condition()
    def cw():
        with c:
            return c.wait(timout=0.1)
    show('cond.wait', cw)
    def cwf():
        with c:
            return c.wait_for(lambda: False, timout=0.1)
    show('cond.wait_for', cwf)
    show('barrier.wait', lambda: mp.Barrier(2).wait(timout=0.1))
    a, b = mp.Pipe()
    show('poll', lambda: a.poll(timout=0.1))
    show('recv', lambda: a.recv(timout=0.1))
    show('recv_bytes', lambda: a.recv_bytes(maxlen=10, x=1))
    show('sem.acquire', lambda: mp.Semaphore(0).acquire(timout=0.1))
    show('rlock.acquire', lambda: mp.RLock().acquire(timout=0.1))
    q = mp.JoinableQueue()
    show('jq.join', lambda: q.join(1))
    show('jq.task_done', lambda: q.task_done(1))
    show('q.put_nowait', lambda: q.put_nowait(1, 2))
    show('q.get_nowait', lambda: mp.Queue().get_nowait(1))
    show('cond.notify', lambda: c.notify(n=1, x=2))
    a.send(obj=[1, 2])
    show('send(obj=)', b.recv)
    show('send()', lambda: a.send())
    show('send(1, 2)', lambda: a.send(1, 2))
    show('send(ob=1)', lambda: a.send(ob=1))
    from multiprocessing.managers import BaseManager
    show('serializer', lambda: BaseManager(serializer='bogus'))
