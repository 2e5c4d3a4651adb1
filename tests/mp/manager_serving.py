# A manager's server keeps answering: while a referent's method waits (an Event), other
# processes' requests are served; a referent may use a proxy of its own manager. Also
# the errors of the server itself come back as RemoteError, and its state as CPython's.
import multiprocessing as mp
import time
from multiprocessing.managers import BaseManager, ListProxy


class Ev:
    def __init__(self):
        self.e = mp.Event()

    def set(self):
        self.e.set()

    def wait(self, t=None):
        return self.e.wait(t)


class C:
    def call(self, other):
        return other.get()

    def get(self):
        return 'got'

    def __iter__(self):
        return iter([5, 6])


class A:
    def a(self):
        return 'a'

    def mk(self):
        return A()

    def boom(self):
        class MyErr(Exception):
            pass
        raise MyErr('mine')


def bad_init():
    raise ValueError('no start')


class M(BaseManager):
    pass


M.register('Ev', Ev)
M.register('C', C)
M.register('CI', C, exposed=('__iter__',))
M.register('L', list, proxytype=ListProxy)
M.register('Ex', A, exposed=['a', 'nonexist'])
M.register('Bad', A, method_to_typeid={'mk': 'Unknown'})
M.register('Re', A, method_to_typeid={'mk': 'Re'})
M.register('A', A)


def setter(e):
    time.sleep(0.3)
    e.set()


if __name__ == '__main__':
    with M() as m:
        e = m.Ev()
        p = mp.Process(target=setter, args=(e,))
        p.start()
        print('waited for the set:', e.wait(10))
        p.join()
        a, b = m.C(), m.C()
        print(a.call(b), a.call(a))
        print(list(m.CI()))
        l = m.L([1, 2])
        print(l[0], len(l), l * 2)
        for f in (lambda: m.Ex().nonexist(), lambda: m.Bad().mk(), lambda: m.Re().mk(),
                  lambda: m.A().boom()):
            try:
                f()
            except Exception as e:
                print(type(e).__name__)
    n = M()
    try:
        n.start(bad_init)
    except Exception as e:
        print('start:', type(e).__name__)
    n = M()
    try:
        n.L()
    except Exception as e:
        print(type(e).__name__, e)
    n.start()
    try:
        n.start()
    except Exception as e:
        print(type(e).__name__, e)
    n.shutdown()
    try:
        with n:
            print('entered')
    except Exception as e:
        print(type(e).__name__, e)
