import functools
# The operator methods of the built-in types as attributes: results, NotImplemented
# for operands of another type, the descriptor checks; then the same methods reached
# through super() and through subclasses of list and dict.
tests = [
    ('(1).__add__(1.5)', lambda: (1).__add__(1.5)),
    ('(1.5).__add__(1)', lambda: (1.5).__add__(1)),
    ('(1).__eq__(1.0)', lambda: (1).__eq__(1.0)),
    ('(1.0).__eq__(1)', lambda: (1.0).__eq__(1)),
    ("'a'.__rmod__('x%s')", lambda: 'a'.__rmod__('x%s')),
    ("'a%s'.__mod__(3)", lambda: 'a%s'.__mod__(3)),
    ('[1].__add__((2,))', lambda: [1].__add__((2,))),
    ('[1].__iadd__((2,))', lambda: [1].__iadd__((2,))),
    ('(1,).__mul__(2.0)', lambda: (1,).__mul__(2.0)),
    ("'a'.__add__(1)", lambda: 'a'.__add__(1)),
    ('(1,).__add__([2])', lambda: (1,).__add__([2])),
    ("b'a'.__add__('x')", lambda: b'a'.__add__('x')),
    ("'a'.__mul__('b')", lambda: 'a'.__mul__('b')),
    ("[1].__mul__('b')", lambda: [1].__mul__('b')),
    ('[1].__rmul__(2)', lambda: [1].__rmul__(2)),
    ('True.__and__(1)', lambda: True.__and__(1)),
    ('True.__and__(True)', lambda: True.__and__(True)),
    ('(3).__round__()', lambda: (3).__round__()),
    ('(3.7).__round__()', lambda: (3.7).__round__()),
    ('(3.75).__round__(1)', lambda: (3.75).__round__(1)),
    ('(2).__pow__(-1)', lambda: (2).__pow__(-1)),
    ('(7).__divmod__(2)', lambda: (7).__divmod__(2)),
    ('(7).__rdivmod__(2)', lambda: (7).__rdivmod__(2)),
    ('(5).__rsub__(1)', lambda: (5).__rsub__(1)),
    ('object().__eq__(1)', lambda: object().__eq__(1)),
    ('object.__ne__(1, 1)', lambda: object.__ne__(1, 1)),
    ('object().__lt__(1)', lambda: object().__lt__(1)),
    ('{1}.__le__({1, 2})', lambda: {1}.__le__({1, 2})),
    ('{1}.__or__([2])', lambda: {1}.__or__([2])),
    ("{'a': 1}.__or__({'b': 2})", lambda: {'a': 1}.__or__({'b': 2})),
    ("{'a': 1}.__lt__({})", lambda: {'a': 1}.__lt__({})),
    ('range(3).__eq__(range(3))', lambda: range(3).__eq__(range(3))),
    ('None.__eq__(None)', lambda: None.__eq__(None)),
    ('None.__bool__()', lambda: None.__bool__()),
    ('(0.0).__bool__()', lambda: (0.0).__bool__()),
    ('(2.5).__trunc__()', lambda: (2.5).__trunc__()),
    ('(2.5).__floor__()', lambda: (2.5).__floor__()),
    ('(-2.5).__ceil__()', lambda: (-2.5).__ceil__()),
    ('(3).__index__()', lambda: (3).__index__()),
    ('(1).__float__()', lambda: (1).__float__()),
    ('(2.9).__int__()', lambda: (2.9).__int__()),
    ("b'a'.__add__(b'b')", lambda: b'a'.__add__(b'b')),
    ('(5).__invert__()', lambda: (5).__invert__()),
    ('float.__add__(1, 2)', lambda: float.__add__(1, 2)),
    ("int.__add__('a', 2)", lambda: int.__add__('a', 2)),
    ('int.__add__()', lambda: int.__add__()),
    ('(1).__add__()', lambda: (1).__add__()),
    ('(1).__add__(1, 2)', lambda: (1).__add__(1, 2)),
    ('object.__repr__()', lambda: object.__repr__()),
    ('{1}.__ior__([2])', lambda: {1}.__ior__([2])),
    ('{1}.__ior__({2})', lambda: {1}.__ior__({2})),
    ('{1}.__isub__({1})', lambda: {1}.__isub__({1})),
    ("{'a':1}.__ior__([('b', 2)])", lambda: {'a':1}.__ior__([('b', 2)])),
    ('(2).__pow__(3, 5)', lambda: (2).__pow__(3, 5)),
    ('(2).__rpow__(3)', lambda: (2).__rpow__(3)),
    ('(1).__lt__(2.0)', lambda: (1).__lt__(2.0)),
    ('(1.0).__lt__(2)', lambda: (1.0).__lt__(2)),
    ("'a'.__lt__('b')", lambda: 'a'.__lt__('b')),
    ("'a'.__lt__(1)", lambda: 'a'.__lt__(1)),
    ('[1].__eq__((1,))', lambda: [1].__eq__((1,))),
    ('[1].__lt__([2])', lambda: [1].__lt__([2])),
    ('(1).__truediv__(0)', lambda: (1).__truediv__(0)),
    ("'ab'.__hash__() == hash('ab')", lambda: 'ab'.__hash__() == hash('ab')),
    ('(1).__repr__()', lambda: (1).__repr__()),
    ("'a'.__repr__()", lambda: 'a'.__repr__()),
    ("'a'.__str__()", lambda: 'a'.__str__()),
    ('(1.5).__str__()', lambda: (1.5).__str__()),
    ('[1].__repr__()', lambda: [1].__repr__()),
    ('{1: 2}.__repr__()', lambda: {1: 2}.__repr__()),
    ('(5).__neg__()', lambda: (5).__neg__()),
    ('(5).__pos__()', lambda: (5).__pos__()),
    ('(-5).__abs__()', lambda: (-5).__abs__()),
    ('(-5.5).__abs__()', lambda: (-5.5).__abs__()),
    ('int.__neg__(3)', lambda: int.__neg__(3)),
    ('True.__neg__()', lambda: True.__neg__()),
    ('True.__repr__()', lambda: True.__repr__()),
    ('True.__or__(False)', lambda: True.__or__(False)),
    ('True.__xor__(2)', lambda: True.__xor__(2)),
    ('(1).__ne__(1)', lambda: (1).__ne__(1)),
    ("(1).__ne__('a')", lambda: (1).__ne__('a')),
    ('None.__ne__(1)', lambda: None.__ne__(1)),
    ('(1).__bool__()', lambda: (1).__bool__()),
    ('frozenset({1}).__or__({2})', lambda: frozenset({1}).__or__({2})),
    ('{1}.__rsub__({1, 2})', lambda: {1}.__rsub__({1, 2})),
    ('{1}.__and__(1)', lambda: {1}.__and__(1)),
    ('(10).__lshift__(2)', lambda: (10).__lshift__(2)),
    ('(10).__rlshift__(2)', lambda: (10).__rlshift__(2)),
    ('(2.0).__mod__(0.5)', lambda: (2.0).__mod__(0.5)),
    ('(2.0).__rfloordiv__(7)', lambda: (2.0).__rfloordiv__(7)),
    ('list([3, 4].__reversed__())', lambda: list([3, 4].__reversed__())),
]
for text, f in tests:
    try:
        print(text, '->', f())
    except Exception as e:
        print(text, '->', type(e).__name__, e)


# Through super() and subclasses.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
    def __hash__(self):
        return hash(self.x)
class Q(P):
    def __repr__(self):
        return 'Q' + super().__repr__()[:10]
    def __str__(self):
        return 'str ' + super().__str__()[:3]
    def __eq__(self, o):
        return super().__eq__(o)
    def __hash__(self):
        return super().__hash__()
q = Q(1)
print(repr(q), str(q), q == Q(1), hash(q) == hash(1))
print(object.__eq__(q, q), object.__str__(q)[:5])

class A:
    def __eq__(self, o):
        return True
try:
    hash(A())
except TypeError as e:
    print('TypeError:', e)
print(A.__hash__)
class B(A):
    def __hash__(self):
        return 7
print(hash(B()))
class C:
    pass
c = C()
print(hash(c) == hash(c), C() == C(), C() != C(), C.__eq__ is object.__eq__)
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __eq__(self, o):
        return self.v == o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)])[0].v)
class L(list):
    pass
try:
    hash(L())
except TypeError as e:
    print('TypeError:', e)
print(list.__hash__, dict.__hash__, set.__hash__, [].__hash__)
class M(list):
    def __add__(self, o):
        return M(super().__add__(o))
    def __iadd__(self, o):
        r = super().__iadd__(o)
        return r
m = M([1]) + [2]
print(type(m).__name__, m)
m += [3]
print(type(m).__name__, m)
class DD(dict):
    def __repr__(self):
        return 'DD' + super().__repr__()
print(repr(DD(a=1)), DD(a=1) == {'a': 1}, DD(a=1) | {'b': 2})
print(dir(1)[:5], 'x'.__eq__('x'), int.__add__(1, 2), (2).__mul__(3))
print(sorted([3, -1, 2], key=abs), list(map(int.__neg__, [1, 2])), list(map(str.__len__, ['ab', 'c'])))
class E(Exception):
    def __str__(self):
        return 'E:' + super().__str__()
print(str(E('x')), repr(E('y')))

class L(list):
    pass
l = L([1, 2])
print(l + [3], type(l + [3]).__name__, l * 2, 2 * l, l == [1, 2], [1, 2] == l, l < [3], repr(l))
l += [4]
print(type(l).__name__, l)
l *= 2
print(type(l).__name__, l)
class D(dict):
    pass
d = D(a=1)
print(d | {'b': 2}, {'z': 0} | d, d == {'a': 1}, type(d | {}).__name__)
d |= {'c': 3}
print(type(d).__name__, d)
print([1] + l, (1, 2) + (3,), {1, 2} - {1})
x = [1]
x += (2, 3)
print(x)
class P:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return P(self.v + (o.v if isinstance(o, P) else o))
    def __radd__(self, o):
        return P(o + self.v)
    def __repr__(self):
        return f'P({self.v})'
print(P(1) + P(2), 1 + P(2), P(1) + 5, sum([P(1), P(2)], P(0)))
print(P(1) == P(1), P(1) != P(1))
