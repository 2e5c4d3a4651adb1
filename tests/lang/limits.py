# Inputs at the edges that must end in Python's exceptions, never a crash or a hang:
# generators thrown into before they start, huge format precisions, self-containing
# and very deeply nested containers, allocations larger than memory, NaN and huge
# arguments to sleep, factorial, perm, comb, islice; tee of an endless iterator; a
# deque changed while iterated.
import collections
import itertools
import math
import multiprocessing as mp
import random
import time


def gen():
    yield 1


def attempt(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


g = gen()
attempt('throw before start', lambda: g.throw(ValueError('early')))
attempt('next after', lambda: next(g))
g = gen()
g.close()
attempt('next after close', lambda: next(g))
attempt('f precision', lambda: len(format(1.5, '.1000000f')))
attempt('g precision', lambda: format(0.5, '.100000'))
attempt('e precision', lambda: format(1 / 3, '.70000e')[:20])
attempt('% precision', lambda: len('%.100000f' % 0.25))

x = []
x.append(x)
y = []
y.append(y)
attempt('cyclic ==', lambda: x == y)
attempt('cyclic <', lambda: x < y)
attempt('cyclic in', lambda: x in [y])
attempt('cyclic repr', lambda: repr(x))
d = {}
d['d'] = d
attempt('cyclic dict repr', lambda: repr(d))
a = b = []
for i in range(100000):
    a = [a]
    b = [b]
attempt('deep ==', lambda: a == b)
attempt('deep repr', lambda: len(str(a)))
attempt('shallow ==', lambda: [[[1]]] == [[[1]]])
a = b = None

attempt('list * huge', lambda: len([0] * 2 ** 62))
attempt('bytes(huge)', lambda: len(bytes(2 ** 62)))
attempt('center', lambda: len('a'.center(2 ** 62)))
attempt('zfill', lambda: len('1'.zfill(2 ** 62)))
attempt('list(range)', lambda: len(list(range(2 ** 62))))
attempt('tuple * huge', lambda: len((1,) * 2 ** 61))
attempt('getrandbits', lambda: random.getrandbits(2 ** 45))
attempt('randbytes', lambda: random.randbytes(2 ** 40))
attempt('format width', lambda: format(1, '1111111111111111111'))
attempt('f-string width', lambda: f'{1:>{2 ** 62}}')
attempt('% width', lambda: '%*d' % (2 ** 62, 1))
attempt('product', lambda: next(itertools.product([1], repeat=2 ** 40)))

attempt('sleep nan', lambda: time.sleep(float('nan')))
attempt('sleep inf', lambda: time.sleep(float('inf')))
attempt('factorial', lambda: math.factorial(2 ** 63))
attempt('perm', lambda: math.perm(2 ** 63))
attempt('perm k', lambda: math.perm(10, 2 ** 63))
attempt('comb', lambda: math.comb(2 ** 64, 2 ** 63))
attempt('queue nan', lambda: mp.Queue().get(timeout=float('nan')))
attempt('islice', lambda: next(itertools.islice(itertools.count(), 10 ** 100, None)))
attempt('tee endless', lambda: [next(t) for t in itertools.tee(itertools.count(5), 3)])
attempt('tee', lambda: [list(t) for t in itertools.tee('abc')])
q = collections.deque([1])


def grow():
    for v in q:
        q.append(v)


attempt('deque grows', grow)
print(len(q))
