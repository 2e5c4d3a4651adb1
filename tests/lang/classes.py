# Classes: attributes, inheritance, multiple inheritance, MRO, super().
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " says " + self.speak()

class Dog(Animal):
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

p = Puppy("Rex")
print(p.describe())
print(Puppy.kind, p.kind, isinstance(p, Animal), issubclass(Puppy, Dog))
print(Puppy.__name__, Puppy.__mro__)
print(type(p).__name__, type(p) is Puppy)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who())
print(D.__mro__)
print([k.__name__ for k in D.__mro__])

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])

try:
    class Bad(X, K1): pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, a):
        self.a = a
class Mid(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__(1, 2)
        self.c = 3
l = Leaf()
print(l.a, l.b, l.c)
print(l.__dict__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a, b, c = Counter(), Counter(), Counter()
print(Counter.count, a.id, b.id, c.id)

print(Animal.speak(p))
m = p.describe
print(m())
print(hasattr(p, "name"), hasattr(p, "nope"), getattr(p, "nope", "default"))
setattr(p, "age", 3)
print(p.age)
delattr(p, "age")
print(hasattr(p, "age"))
try:
    p.age
except AttributeError as e:
    print("AttributeError:", e)

class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__, Empty.__bases__)
print(isinstance(3, object), isinstance(Empty, type), type(Empty))
print(repr(Empty)[:15])
