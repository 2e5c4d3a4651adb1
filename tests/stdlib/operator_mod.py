# The operator module: operators as functions, itemgetter, attrgetter and
# methodcaller, and both sent to pool workers.
import operator as op
from functools import reduce
import multiprocessing as mp

class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self

if __name__ == '__main__':
    print(op.add(2, 3), op.sub(5, 1), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
    print(op.neg(3), op.pos(-3), op.abs(-4), op.invert(5), op.inv(0), op.lshift(1, 4), op.rshift(16, 2))
    print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
    print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(3, 2), op.gt(1, 2))
    print(op.concat([1], [2]), op.contains('abc', 'b'), op.countOf([1, 2, 1, True], 1), op.indexOf('abc', 'c'))
    d = {'a': 1}
    op.setitem(d, 'b', 2); op.delitem(d, 'a'); print(d, op.getitem([5, 6], 1), op.index(7))
    print(reduce(op.mul, range(1, 6)), sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
    g = op.itemgetter(0, 2); print(g('xyz'), repr(g), repr(op.itemgetter(1)))
    a = op.attrgetter('x', 'inner.y'); print(a(P(1, 2)), repr(a), op.attrgetter('x')(P(4, 5)))
    m = op.methodcaller('split', ',', maxsplit=1); print(m('a,b,c'), repr(m))
    l = [1]; print(op.iadd(l, [2]) is l, l, op.imul(3, 4), op.isub(5, 2), op.ipow(2, 5))
    print(op.length_hint([1, 2, 3]), op.length_hint(x for x in []), op.call(max, 1, 5))
    try: op.indexOf([1], 2)
    except ValueError as e: print('ValueError', e)
    try: op.concat(1, 2)
    except TypeError as e: print('TypeError', e)
    try: op.attrgetter(1)
    except TypeError as e: print('TypeError', e)
    with mp.Pool(2) as pool:
        print(pool.starmap(op.mul, [(1, 2), (3, 4)]), pool.map(op.itemgetter(1), ['ab', 'cd']))
