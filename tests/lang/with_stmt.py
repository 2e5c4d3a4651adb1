# with statements: nesting, multiple managers, suppression, exceptions in __enter__.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper() if False else self.name + "!"
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is not None)
        return self.suppress

with CM("one") as a, CM("two") as b:
    print(a, b)

with CM("outer"):
    with CM("inner", suppress=True):
        raise RuntimeError("gone")
    print("after inner")

def f():
    with CM("ret"):
        return "returned"
print(f())

for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)

class BadEnter:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        print("never")
except ValueError as e:
    print("caught", e)

try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.seen = (t.__name__, str(v))
        return True
r = Recorder()
with r:
    {}["k"]
print(r.seen)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except KeyError as e:
    print(repr(e), repr(e.__context__))
