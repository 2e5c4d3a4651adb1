# The array module: typecodes and their C ranges, initializers, sequence operations,
# comparisons, bytes, and CPython's errors.
from array import array
import array as arraymod


def t(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


print(arraymod.typecodes, arraymod.ArrayType is array, array.__module__)
for tc, big in [('b', 128), ('B', 256), ('h', 1 << 15), ('H', 1 << 16), ('i', 1 << 31),
                ('I', 1 << 32), ('l', 1 << 63), ('L', 1 << 64), ('q', 1 << 63),
                ('Q', 1 << 64)]:
    low = -big - 1 if tc.islower() else -1
    t(lambda: array(tc, [big]))
    t(lambda: array(tc, [low]))
    t(lambda: array(tc, [big - 1, low + 1]))
    t(lambda: array(tc, [1.5]))
    t(lambda: array(tc, ['a']))
    print(tc, array(tc).itemsize, len(array(tc, [1, 2]).tobytes()))


class Idx:
    def __index__(self):
        return 7


t(lambda: array('i', [Idx(), True]))
t(lambda: array('f', [0.1, 1e40, 2]))
t(lambda: array('d', [0.1, 1, True]))
t(lambda: array('d', ['x']))
t(lambda: array('u', 'héllo, 世界'))
t(lambda: array('u', ['a', 'b']))
t(lambda: array('u', [1]))
t(lambda: array('u', ['ab']))
t(lambda: array('x'))
t(lambda: array(1))
t(lambda: array('ii'))
t(lambda: array())
t(lambda: array('i', [], 3))
t(lambda: array('i', initializer=[1]))
t(lambda: array('i', 5))
t(lambda: array('i', b'\x01\x00\x00\x00\xff\xff\xff\xff'))
t(lambda: array('i', 'abc'))
t(lambda: array('u', b'ab'))
t(lambda: array('i', array('d', [1.0])))
t(lambda: array('d', array('i', [1])))
t(lambda: array('i', array('u', 'ab')))
t(lambda: array('i', range(3)))
t(lambda: array('i', (x * x for x in range(4))))
t(lambda: array('i'))
t(lambda: array('i', None))

a = array('i', [1, 2, 3])
t(lambda: a[1:])
t(lambda: a[::-1])
t(lambda: a[-1])
t(lambda: a[5])
t(lambda: a['x'])
t(lambda: a[Idx()])
t(lambda: a + array('i', [4]))
t(lambda: a + array('d', [4]))
t(lambda: a + [4])
t(lambda: a * 2)
t(lambda: 2 * a)
t(lambda: a * -1)
t(lambda: a * 'x')
t(lambda: a == array('i', [1, 2, 3]))
t(lambda: a == array('d', [1, 2, 3]))
t(lambda: a == [1, 2, 3])
t(lambda: a != array('i', [1, 2]))
t(lambda: a < array('i', [1, 3]))
t(lambda: array('i', [1, 2]) < array('i', [1, 2, 0]))
t(lambda: array('i', [1, 2]) >= array('d', [1.0, 2.0]))
t(lambda: array('d', [float('nan')]) == array('d', [float('nan')]))
t(lambda: a.tolist())
t(lambda: a.index(2))
t(lambda: a.index(2, 2))
t(lambda: a.index('x'))
t(lambda: a.count(2))
t(lambda: (2 in a, 'x' in a, len(a), bool(array('i'))))
t(lambda: list(reversed(a)))
t(lambda: [x * 10 for x in a])
t(lambda: (max(a), sum(array('d', [1, 5, 2])), sorted(array('i', [3, 1]))))

a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
a.insert(0, 0)
a.insert(100, 9)
a.insert(-100, -1)
print(a)
t(lambda: a.extend(array('d', [1.0])))
t(lambda: a.extend(5))
t(lambda: a.extend([10, 'x', 11]))
print(a)
t(lambda: a.pop())
t(lambda: a.pop(0))
t(lambda: a.pop(99))
t(lambda: array('i').pop())
a.remove(3)
t(lambda: a.remove(99))
a.reverse()
print(a)
a[0] = 70
a[1:3] = array('i', [8, 9, 10])
print(a)
t(lambda: a.__setitem__(0, 2 ** 40))
t(lambda: a.__setitem__(99, 1))
t(lambda: a.__setitem__(slice(0, 1), [1]))
t(lambda: a.__setitem__(slice(0, 1), array('d', [1.0])))
t(lambda: a.__setitem__(slice(0, 5, 2), array('i', [1])))
a[::3] = array('i', [0] * len(range(0, len(a), 3)))
print(a)
del a[0]
del a[::2]
del a[100:]
print(a)
t(lambda: a.__delitem__(99))
a += array('i', [1])
print(a)
t(lambda: a.__iadd__([1]))
t(lambda: a.__iadd__(array('d')))
a *= 2
print(a)

print(a.typecode, a.itemsize, a.tobytes()[:8])
b = array('i')
b.frombytes(b'\x02\x00\x00\x00')
b.fromlist([3, 4])
print(b)
t(lambda: b.frombytes(b'\x01'))
t(lambda: b.frombytes('x'))
t(lambda: b.fromlist((1,)))
t(lambda: b.fromlist([1, 'x']))
print(b)
b.byteswap()
print(b)
b.byteswap()
print(b, b.buffer_info()[1])
c = array('u', 'ab')
c.fromunicode('cd')
print(c, c.tounicode(), c.tobytes()[:4])
t(lambda: array('i').tounicode())
t(lambda: array('i').fromunicode('x'))
t(lambda: array('u').fromunicode(5))
print(repr(array('d', [1.0, 2.5])), str(array('u')), array('f', [1.5, float('inf'), -0.0]))
print(array('d', array('d', [0.5]).tobytes()), array('Q', array('Q', [2 ** 64 - 1]).tobytes()))
print(type(a).__name__, isinstance(a, array), a.__copy__() == a, a.__copy__() is a)

# Iteration is live; items compare by value (a NaN is never found); an empty array
# deletes an extended slice; subclasses keep their name; bytes() gives machine bytes.
a = array('i', [1, 2, 3])
seen = []
for x in a:
    seen.append(x)
    if x == 1:
        a.append(4)
print(seen, list(reversed(array('i', [1, 2]))))
nan = float('nan')
d = array('d', [nan, 1.0])
t(lambda: (nan in d, d.count(nan), d.index(1.0)))
t(lambda: d.remove(nan))
e = array('i', range(6))
e[::2] = array('i')
print(e)


class Sub(array):
    pass


class S(str):
    pass


print(Sub('i', [1]), array('u', [S('a')]), bytes(array('i', [1])), bytes(array('b', [-1])))
f = array('b')
f.frombytes(array('B', [1, 255]))
print(f)
for tc, v in [('b', 32768), ('b', 2 ** 70), ('B', -2 ** 70), ('H', 2 ** 31), ('H', -2 ** 31 - 1),
              ('I', 2 ** 64), ('I', -2 ** 70), ('Q', -1), ('L', 2 ** 64)]:
    t(lambda: array(tc, [v]))


class OnlyInt:
    def __int__(self):
        return 7


class BadFloat:
    def __float__(self):
        return '2.5'


t(lambda: array('d', [Idx()]))
t(lambda: array('d', [OnlyInt()]))
t(lambda: array('d', [BadFloat()]))
with open('array_mod.bin', 'wb') as out:
    array('h', [1, -2, 3]).tofile(out)
g = array('h')
with open('array_mod.bin', 'rb') as inp:
    g.fromfile(inp, 2)
    t(lambda: g.fromfile(inp, 5))
print(g)
import os
os.remove('array_mod.bin')
