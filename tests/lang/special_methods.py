# Special methods on user classes.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return self.x != 0 or self.y != 0
    def __lt__(self, other):
        return abs(self) < abs(other)

v = Vec(3, 4)
w = Vec(1, 2)
print(v, repr(v), [v, w], str([v]))
print(v + w, v * 2, 3 * w, -v, abs(v))
print(sum([v, w, Vec(0, 1)]))
print(v == Vec(3, 4), v != Vec(3, 4), v == 5, v is Vec(3, 4))
print(bool(v), bool(Vec(0, 0)), not Vec(0, 0))
print(sorted([v, w, Vec(0, 1)]))
print(len({v, Vec(3, 4), w}))
print(v > w, max(v, w), min([v, w]))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v <= w
except TypeError as e:
    print("TypeError:", e)

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __call__(self, k):
        return self.items[k] * 100

b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[0:2], 2 in b, 7 not in b)
b[0] = 10
del b[1]
print(list(b), b(0), callable(b), callable(5))
print(bool(Bag()), bool(b))

class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return et is KeyError

with Managed("a") as m:
    print("inside", m.name)
with Managed("b"):
    raise KeyError("suppressed")
print("after b")
try:
    with Managed("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", [OnlyRepr()])

class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return self.v + 0.5
print([10, 20, 30][Num(1)], int(Num(7)), float(Num(2)), hex(Num(255)))

class Eq:
    def __eq__(self, other):
        return True
print(Eq() == 1, Eq() != 1, 1 == Eq())

class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "C%d" % self.v
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(5) > Cmp(2))
class Unhashable:
    def __eq__(self, o):
        return False
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
