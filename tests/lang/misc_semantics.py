# Assorted semantics: keyword-only args, UnboundLocalError, finally with continue/return, escapes, rounding.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items = self._items + [x]
        return self
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items!r})"
s = Stack().push(1).push("two")
print(s, len(s), bool(s))
class Meta(type):
    pass
print(type(Stack).__name__)
class A:
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__)
class B(A):
    pass
print(B.__qualname__, B.__module__)
def f(a, *, b=2):
    return a, b
print(f(1), f(1, b=3))
try:
    f(1, 2)
except TypeError as e:
    print(e)
x = 5
def g():
    print(x)
    x = 3
try:
    g()
except UnboundLocalError as e:
    print(e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
def h():
    for i in range(3):
        try:
            return i
        finally:
            print("leaving", i)
print(h())
print(str(1e16), str(-1.5e-7), 1.0e0, 123e-2)
print("a\tb", 'q\'s', "uni\u00e9", r"raw\n")
print(int.__name__, str.__name__, (1).__class__, "x".__class__.__name__)
print(isinstance(B(), A), B.__bases__, B.__mro__)
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return self.x == o.x
print(P(1) == P(1), P(1) != P(2), P(1) in [P(1)])
try:
    {P(1): 1}
except TypeError as e:
    print(e)
print(divmod(-7, 2), 2**-2, (-8) ** (1/3) if False else 0, 10 // 3.0, 10 % -3.0)
print(sorted({3: 'a', 1: 'b'}.__iter__()) if False else sorted({3: 'a', 1: 'b'}))
print(list(map(lambda p: p[0] * p[1], zip(range(3), range(3, 6)))))
print(max([1, 2, 3], key=lambda v: v % 3), min(["bb", "a", "ccc"], key=len))
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2))
print(chr(0x4e2d) + chr(0x6587), "%s" % "中文", "%5s|" % "中")
print(f"{'abc':.2}", f"{3:>{4}}", f"{[1,2]}", f"{ {'a': 1} }")
print(type(NotImplemented).__name__, bool(NotImplemented) if False else "", None.__class__.__name__)
