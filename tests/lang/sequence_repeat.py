# seq * n: counts from __index__, huge counts refused (or nothing to repeat), in place too.
class I:
    def __index__(self): return 2
class R:
    def __index__(self): return 3
    def __rmul__(self, other): return 'rmul'
class J:
    def __index__(self): return 'x'
print([1] * I(), I() * (1,), 'a' * I(), b'x' * I(), [1] * R(), R() * [1] if False else '')
print(len([] * 2 ** 40), len('' * 2 ** 40), len(() * 2 ** 62), [] * True, [1] * -3)
a = []
a *= 2 ** 62
b = [1, 2]
b *= I()
c = [1]
c *= False
print(a, b, c)
for f in [lambda: [] * 2 ** 100, lambda: [1] * (-2 ** 100), lambda: [1] * J(), lambda: [1] * 2.0,
          lambda: [1] * (2 ** 62), lambda: 'ab' * (2 ** 62)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = [1]
try:
    d *= 2 ** 100
except Exception as e:
    print(type(e).__name__, e)
try:
    d *= 'x'
except Exception as e:
    print(type(e).__name__, e)
for f in [lambda: b'ab' * 2 ** 62, lambda: (1, 2) * 2 ** 62, lambda: 'ab' * (2 ** 62 - 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


# Subclasses, counts from __index__, and __mul__/__rmul__ called directly.
class I2:
    def __index__(self):
        return 2
class LS(list):
    pass
class SS(str):
    pass
class TS(tuple):
    pass
for f in [lambda: LS([1]) * I2(), lambda: SS('a') * I2(), lambda: TS((1,)) * I2(), lambda: [1].__mul__(I2()),
          lambda: b'x'.__mul__(I2()), lambda: 'a'.__rmul__(I2()), lambda: I2() * LS([3]),
          lambda: [1].__mul__(2.0), lambda: 'a'.__rmul__(2.0)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
l = LS([1, 2])
l *= I2()
print(l, type(l).__name__)
l *= 0
print(l)
