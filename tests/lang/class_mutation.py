# Class attributes changed after instances exist: every lookup sees the new state.
class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"

    def size(self):
        return 1


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self):
        self.own = 1


a = Leaf()
b = Base()
print(a.kind, a.greet(), a.size(), b.kind)

# A class attribute rebound on the base, then on a subclass (which then shadows it).
Base.kind = "changed"
print(a.kind, b.kind, Leaf.kind)
Mid.kind = "mid"
print(a.kind, b.kind, Leaf.kind, Base.kind)
del Mid.kind
print(a.kind, Leaf.kind)

# A method added after instances exist.
def extra(self):
    return "extra on " + type(self).__name__

Base.extra = extra
print(a.extra(), b.extra())
m = a.extra
print(m())

# Monkeypatching a method on a base class: instances of subclasses see it, and a
# bound method taken before keeps the old function.
old = a.greet
Base.greet = lambda self: "patched greet"
print(a.greet(), b.greet(), old())
Mid.greet = lambda self: "mid greet"
print(a.greet(), b.greet())
del Mid.greet
print(a.greet())

# Instance attributes shadow non-data class attributes, in both orders.
a.kind = "instance"
print(a.kind, Leaf.kind)
Base.kind = "again"
print(a.kind, Leaf.kind)
del a.kind
print(a.kind)

# A property added to the class after the instance stored a same-named value:
# the data descriptor now wins; removing it brings the instance value back.

a.val = 5
print(a.val)
Base.val = property(lambda self: "prop " + str(self.own))
print(a.val)
del Base.val
print(a.val)

# A plain class attribute replaced by a property, and setting through it.
class Box:
    data = 0

x = Box()
print(x.data)
def get_data(self):
    return self._d * 10
def set_data(self, v):
    self._d = v
Box.data = property(get_data, set_data)
x.data = 4
print(x.data, x._d, "data" in x.__dict__)

# A descriptor class gaining __set__ after use becomes a data descriptor.
class Desc:
    def __get__(self, obj, owner):
        return "desc get"

class Holder:
    d = Desc()

h = Holder()
h.d = "inst"
print(h.d)
Desc.__set__ = lambda self, obj, v: None
print(h.d)
del Desc.__set__
print(h.d)

# __init__ replaced after instances were made.
class P:
    def __init__(self):
        self.v = 1

print(P().v)
def new_init(self):
    self.v = 2
P.__init__ = new_init
print(P().v)

# Changing __class__ of an instance.
class Q:
    def who(self):
        return "Q"

class R:
    def who(self):
        return "R"

q = Q()
print(q.who())
q.__class__ = R
print(q.who())

# A class counter bumped in __init__ (a class written on every instance).
class Counted:
    count = 0

    def __init__(self):
        Counted.count += 1
        self.n = Counted.count

objs = [Counted() for _ in range(5)]
print([o.n for o in objs], Counted.count)

# setattr/getattr builtins on classes.
setattr(Leaf, "late", 42)
print(getattr(a, "late"), hasattr(b, "late"))
delattr(Leaf, "late")
print(hasattr(a, "late"))
