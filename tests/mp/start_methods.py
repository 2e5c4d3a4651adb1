# Start methods and contexts: get_context, set_start_method, get_start_method, freeze_support
# (spindle forks for every method); the repr of a closed process.
import multiprocessing as mp


def f(x):
    return x + 1


class Worker(mp.get_context('spawn').Process):
    def run(self):
        print('run in', self.name)


if __name__ == '__main__':
    mp.freeze_support()
    print(mp.get_start_method(allow_none=True))
    print(mp.get_start_method(), mp.get_all_start_methods())
    try:
        mp.set_start_method('spawn')
    except RuntimeError as e:
        print('RuntimeError:', e)
    mp.set_start_method('spawn', force=True)
    print(mp.get_start_method())
    try:
        mp.get_context('thread')
    except ValueError as e:
        print('ValueError:', e)
    ctx = mp.get_context('fork')
    print(type(ctx).__name__, ctx.get_start_method(), type(mp.get_context()).__name__)
    with ctx.Pool(2) as p:
        print(p.map(f, [1, 2]))
    q = ctx.Queue()
    pr = ctx.Process(target=q.put, args=('from a child',))
    pr.start()
    print(q.get())
    pr.join()
    w = Worker(name='w1')
    w.start()
    w.join()
    print(w.exitcode, ctx.cpu_count() == mp.cpu_count(), ctx.Value('i', 3).value)
    try:
        ctx.nothing
    except AttributeError as e:
        print('AttributeError')
    p = mp.Process(target=f, args=(1,), name='t')
    p.start()
    p.join()
    p.close()
    print('pid=' in repr(p), repr(p).split(' parent=')[1].split()[1])
    mp.set_executable('x')
    mp.allow_connection_pickling()
