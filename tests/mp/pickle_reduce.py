# Objects that say how to rebuild themselves in another process: __reduce__ and
# __reduce_ex__, as pickle uses them.
import multiprocessing as mp


class Temperature:
    '''Rebuilt by calling the class with its arguments (its __init__ runs again).'''

    def __init__(self, celsius):
        print('  Temperature.__init__', celsius)
        self.celsius = celsius

    def __reduce__(self):
        return (Temperature, (self.celsius,))


def make_point(x, y):
    return Point(x, y)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        # A factory function, then a state that __setstate__ receives.
        return (make_point, (0, 0), {'x': self.x, 'y': self.y})

    def __setstate__(self, state):
        print('  Point.__setstate__', sorted(state.items()))
        self.x, self.y = state['x'], state['y']

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Bag(list):
    '''List items and a dict state, set as pickle sets them.'''

    def __reduce__(self):
        return (Bag, (), {'label': self.label}, iter(list(self)))


class Table(dict):
    def __reduce__(self):
        return (Table, (), None, None, iter(self.items()))


class Versioned:
    '''__reduce_ex__ receives the protocol.'''

    def __reduce_ex__(self, protocol):
        return (Versioned.rebuild, (protocol >= 2,))

    @staticmethod
    def rebuild(new_protocol):
        v = Versioned()
        v.new_protocol = new_protocol
        return v


SINGLETON = None


class Singleton:
    def __reduce__(self):
        return 'SINGLETON'


SINGLETON = Singleton()


class BadReduce:
    def __init__(self, reduced):
        self.reduced = reduced

    def __reduce__(self):
        return self.reduced


class Holder(list):
    '''State and items that refer to the same object as the rest of the message.'''

    def __reduce__(self):
        return (Holder, (), {'first': self[0]}, iter(list(self)))


def roundtrip(obj):
    q = mp.Queue()
    q.put(obj)
    return q.get()


def in_child(q):
    obj = q.get()
    q.put(repr(obj) if isinstance(obj, Point) else type(obj).__name__)


if __name__ == '__main__':
    t = roundtrip(Temperature(21.5))
    print(type(t).__name__, t.celsius)
    print(roundtrip(Point(3, 4)))
    b = Bag([1, 2, 3])
    b.label = 'three'
    got = roundtrip(b)
    print(type(got).__name__, list(got), got.label)
    tab = Table(a=1, b=[2])
    got = roundtrip(tab)
    print(type(got).__name__, sorted(got.items()))
    print(roundtrip(Versioned()).new_protocol)
    print(roundtrip(SINGLETON) is SINGLETON)
    # Shared parts stay shared, as pickle's memo keeps them.
    p = Point(1, 1)
    pair = roundtrip([p, p])
    print(pair[0] is pair[1])
    got = roundtrip([Holder([p, 2]), p])
    print(got[0].first is got[0][0] is got[1], got[0][1])
    q = mp.Queue()
    child = mp.Process(target=in_child, args=(q,))
    child.start()
    q.put(Point(7, 8))
    child.join()
    print('child got', q.get())
    a, b = mp.Pipe()
    for bad in [BadReduce(42), BadReduce((len,)), BadReduce((42, ())), BadReduce((len, 5)),
                BadReduce((dict, (), None, None, iter([1])))]:
        try:
            a.send(bad)
        except Exception as e:
            print(type(e).__name__, e)
