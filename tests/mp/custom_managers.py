# Custom managers: BaseManager.register with an auto proxy, exposed names, a proxy type
# of one's own and method_to_typeid; proxies passed to a process and to a pool.
import multiprocessing as mp
from multiprocessing.managers import BaseManager, BaseProxy, SyncManager


class MathsClass:
    def __init__(self, start=0):
        self.n = start

    def add(self, x, y):
        self.n += 1
        return x + y

    def mul(self, x, y):
        return x * y

    def count(self):
        return self.n

    def _hidden(self):
        return 'hidden'

    def fail(self):
        raise ValueError('bad input 坏')

    def __repr__(self):
        return 'MathsClass(n=%d)' % self.n


class Counter:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)
        return len(self.items)

    def snapshot(self):
        return list(self.items)

    def child(self):
        c = Counter()
        c.items.append('first')
        return c


def squares(n):
    for i in range(n):
        yield i * i


class GeneratorProxy(BaseProxy):
    _exposed_ = ['__next__']

    def __iter__(self):
        return self

    def __next__(self):
        return self._callmethod('__next__')


class MyManager(BaseManager):
    pass


MyManager.register('Maths', MathsClass)
MyManager.register('Limited', MathsClass, exposed=('add', '_hidden'))
MyManager.register('Squares', squares, proxytype=GeneratorProxy)
MyManager.register('Counter', Counter, method_to_typeid={'child': 'CounterRef'})
MyManager.register('CounterRef', create_method=False)


class Other(BaseManager):
    pass


def work(maths, counter):
    print('in child:', maths.add(10, 20), counter.push('child'))


def task(maths):
    return maths.mul(6, 7)


if __name__ == '__main__':
    print('Maths' in MyManager._registry, 'Maths' in BaseManager._registry,
          hasattr(Other, 'Maths'), hasattr(MyManager, 'Maths'))
    with MyManager() as manager:
        maths = manager.Maths(5)
        print(type(maths).__name__)
        print(maths.add(4, 3), maths.mul(7, 8), maths.count())
        print(str(maths))
        print(maths._getvalue())
        try:
            maths.fail()
        except ValueError as e:
            print('ValueError:', e)
        print(hasattr(maths, '_hidden'), hasattr(maths, 'mul'))

        limited = manager.Limited()
        print(type(limited).__name__, limited.add(1, 2), limited._hidden())
        print(hasattr(limited, 'mul'))

        print(list(manager.Squares(5)))

        counter = manager.Counter()
        print(counter.push('a'), counter.push('b'), counter.snapshot())
        sub = counter.child()
        print(type(sub).__name__, sub.push('x'), sub.snapshot(), counter.snapshot())

        p = mp.Process(target=work, args=(maths, counter))
        p.start()
        p.join()
        print(maths.count(), counter.snapshot())

        with mp.Pool(2) as pool:
            print(pool.map(task, [maths, maths]))
        print(maths.count())
    try:
        Other().Maths()
    except AttributeError as e:
        print('AttributeError:', e)


class WithSync(SyncManager):
    pass


WithSync.register('Maths', MathsClass)

if __name__ == '__main__':
    with WithSync() as m:
        l = m.list([1, 2])
        mm = m.Maths()
        l.append(mm.add(1, 1))
        print(l, mm.count())
