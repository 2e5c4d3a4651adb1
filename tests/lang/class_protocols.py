# Class protocols: super() in classmethods, __getattr__, __setattr__, list/dict subclasses, cooperative __init__.
class Base:
    @classmethod
    def create(cls):
        return cls()
    def __repr__(self):
        return type(self).__name__ + "()"
class Child(Base):
    @classmethod
    def create(cls):
        obj = super().create()
        obj.tag = "child"
        return obj
c = Child.create()
print(c, c.tag)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("x") if False else name == "magic":
            return 42
        raise AttributeError(name)
d = Dyn()
print(d.magic, getattr(d, "other", "dflt"), hasattr(d, "magic"))
class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
g = Guard()
g.a = 1
print(g.a)
class L(list):
    pass
l = L([1, 2])
print(l, len(l), isinstance(l, list))
class D(dict):
    def __missing__(self, k):
        return k * 2
dd = D()
print(dd[4], dd)
class E(Exception):
    def __str__(self):
        return "custom str"
try:
    raise E("ignored")
except E as e:
    print(e, repr(e), e.args)
class Mixin:
    def hello(self):
        return "mixin " + super().hello()
class Root:
    def hello(self):
        return "root"
class Both(Mixin, Root):
    pass
print(Both().hello(), [k.__name__ for k in Both.__mro__])
class Init1:
    def __init__(self):
        print("Init1")
        super().__init__()
class Init2:
    def __init__(self):
        print("Init2")
        super().__init__()
class Init3(Init1, Init2):
    def __init__(self):
        print("Init3")
        super().__init__()
Init3()
class WithCls:
    count = 0
    def inc(self):
        self.count += 1
w = WithCls()
w.inc(); w.inc()
print(w.count, WithCls.count)
print(str(ValueError("a", "b")), repr(ValueError()), str(KeyError("a", "b")))
try:
    raise TypeError
except TypeError as e:
    print(type(e), e.args, str(e) == "")
def gen():
    x = yield
    while True:
        x = yield x * 2
g = gen(); next(g)
print(g.send(3), g.send(5))
print([i for i in range(10)][-3:], list(range(10))[::-4])
t = (1, [2, 3])
try:
    t[1] += [4]
except TypeError as e:
    print(e)
print(t)
print(f"{3.14159:.{2}f}", f"{'x':{'>'}{5}}")
