# Subclasses of int, str, float, tuple, bytes and frozenset: construction (also through
# __new__), operators, methods, formatting, hashing, and sending them to other processes.
class N(int):
    pass
n = N(5)
print(n + 1, type(n + 1).__name__, n * 2, -n, n == 5, hash(n) == hash(5), repr(n), str(n), type(n).__name__)
print(1 + n, n > 3, 3 < n, abs(N(-2)), int(n), float(n), isinstance(n, int), bool(N(0)), f'{n:>4}|', '%d' % n)
print(list(range(n)), [10, 20, 30, 40, 50, 60][n], 'ab' * N(2), divmod(n, 2), n ** 2, round(n), n.bit_length())
class Cm(int):
    def __new__(cls, v, unit='cm'):
        obj = super().__new__(cls, v * 10)
        obj.unit = unit
        return obj
    def __repr__(self):
        return f'Cm({int(self)}{self.unit})'
c = Cm(3)
print(c, repr(c), c + 1, c.unit, [c])
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hello')
print(s, repr(s), s.shout(), len(s), s[1], s + ' world', 'x' + s, s == 'hello', s.split('l'), f'{s}', f'{s:>7}', list(s)[:2])
print({s: 1}.get('hello'), {'hello': 2}[s], sorted([S('b'), S('a')]), s in ['hello'], 'ell' in s, s.startswith('he'))
class T(tuple):
    def total(self):
        return sum(self)
t = T([1, 2, 3])
print(t, t.total(), len(t), t[0], t + (4,), t == (1, 2, 3), hash(t) == hash((1, 2, 3)), list(t), type(t).__name__)
a, b, c2 = t
print(a, b, c2, max(t), t.count(2), t.index(3))
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return 'Pt(%d, %d)' % self
p = Pt(1, 2)
print(p, p.x, p[1], repr([p]))
class F(float):
    pass
f = F(2.5)
print(f, f * 2, f.is_integer(), round(f), int(f), f > 2)
class Color(str):
    RED = 'red'
print(Color('red') == Color.RED, Color('red').upper())
class B(bytes):
    pass
print(B(b'ab'), len(B(b'ab')), B(b'ab') + b'c')
class FS(frozenset):
    pass
print(sorted(FS([3, 1])), 1 in FS([1]), len(FS([1, 2])))
print(int.__new__(N, 7), type(int.__new__(N, 7)).__name__, str.__new__(S, 'q').shout(), int(), str(int))
