# Names: Process-N, Process-N:M for a child's child, subclasses, MainProcess,
# current_process/parent_process/active_children/cpu_count, os.getpid/getppid.
import multiprocessing as mp
import os


def report(q):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put(('name', me.name, me.pid == os.getpid(), parent.name, parent.pid == os.getppid(),
           parent.is_alive() if parent is not None else None))


def nested(q):
    c = mp.Process(target=report, args=(q,))
    c.start()
    c.join()
    c2 = mp.Process(target=report, args=(q,))
    c2.start()
    c2.join()
    q.put(('nested', mp.current_process().name, c.name, c2.name, c.exitcode))


class Worker(mp.Process):
    def run(self):
        print('Worker.run in', self.name, mp.current_process() is self, flush=True)


class WithInit(mp.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print('WithInit.run', self.name, self.n * 2, flush=True)


if __name__ == '__main__':
    main = mp.current_process()
    print(main.name, mp.parent_process(), isinstance(mp.cpu_count(), int), mp.cpu_count() >= 1)
    print(main.pid == os.getpid(), main.daemon, mp.active_children())
    q = mp.Queue()
    p = mp.Process(target=report, args=(q,))
    p.start()
    print('child pid is p.pid:', p.pid != os.getpid())
    p.join()
    print(q.get())
    n = mp.Process(target=nested, args=(q,))
    n.start()
    n.join()
    print(sorted([q.get(), q.get(), q.get()], key=str))
    w = Worker()
    print(w.name)
    w.start()
    w.join()
    w2 = WithInit(21)
    print(w2.name, w2.n)
    w2.start()
    w2.join()
    print(w.exitcode, w2.exitcode)
    a = mp.Process(target=report, args=(q,))
    b = mp.Process(target=report, args=(q,), name='bee')
    a.start()
    b.start()
    kids = mp.active_children()
    print(all(c is a or c is b for c in kids))
    a.join()
    b.join()
    print(mp.active_children())
    print(sorted([q.get()[1], q.get()[1]]))
