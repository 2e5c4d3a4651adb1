# Objects that choose what crosses to another process: __getstate__ and __setstate__,
# as pickle uses them. (A state that is not a dict, without __setstate__, fails with
# the message CPython gives; its type there is pickle's UnpicklingError, here a
# TypeError, so only the message is printed.)
import multiprocessing as mp


class Account:
    '''Leaves its lock behind: a lock made after the child started cannot be sent.'''

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = None

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['lock']
        return state

    def __setstate__(self, state):
        print('  restoring', sorted(state))
        self.__dict__.update(state)
        self.lock = 'fresh lock'


class Point:
    '''Sends itself as a tuple.'''

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __getstate__(self):
        return (self.x, self.y)

    def __setstate__(self, state):
        self.x, self.y = state

    def __repr__(self):
        return 'Point(%d, %d)' % (self.x, self.y)


class Counter:
    '''Only __setstate__: it receives the attributes as a dict.'''

    def __init__(self):
        self.n = 3

    def __setstate__(self, state):
        print('  counter state', state)
        self.n = state['n'] * 10


class Empty:
    '''No attributes: no state, so __setstate__ is not called.'''

    def __setstate__(self, state):
        print('  never printed')


class Nothing:
    '''__getstate__ giving None: nothing to restore.'''

    def __init__(self):
        self.secret = 42

    def __getstate__(self):
        return None


class Plain:
    '''A dict state without __setstate__ becomes the attributes.'''

    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {'a': self.a, 'b': 'added'}


class Broken:
    def __getstate__(self):
        return 12


def show(obj):
    if isinstance(obj, list):
        return obj
    if isinstance(obj, Account):
        return (obj.owner, obj.balance, obj.lock)
    if isinstance(obj, Counter):
        return obj.n
    if isinstance(obj, Nothing):
        return hasattr(obj, 'secret')
    if isinstance(obj, Plain):
        return (obj.a, obj.b)
    if isinstance(obj, Empty):
        return 'an Empty'
    return obj


def child(q):
    q.put(show(q.get()))


if __name__ == '__main__':
    for obj in [Account('ann', 10), Point(1, 2), Counter(), Empty(), Nothing(), Plain()]:
        q = mp.Queue()
        q.put(obj)
        got = q.get()
        print(type(obj).__name__, 'through a queue:', show(got))
        p = mp.Process(target=child, args=(q,))
        p.start()
        q.put(obj)
        p.join()
        print(type(obj).__name__, 'back from a child:', q.get())
    with mp.Pool(1) as pool:
        print('pool:', pool.map(show, [Point(3, 4), Plain()]))
        # Each state is a new dict, dropped once sent: many in one message keep
        # their own values.
        accounts = [Account(str(i), i) for i in range(100)]
        got = pool.map(show, [accounts], chunksize=1)[0]
        print('many:', [a.balance for a in got] == list(range(100)))
    q = mp.Queue()
    try:
        q.put(Broken())
        print(q.get(timeout=2))
    except Exception as e:
        print('received with an error:', e)
