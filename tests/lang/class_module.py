# A class body that sets __module__ names the class's home: its repr and the name
# errors of its instances use it.
class A:
    __module__ = 'pkg.mod'


print(A, A.__module__, A.__qualname__)


class E(Exception):
    __module__ = 'pkg.errors'


print(E, repr(E('x')))


class B:
    pass


print(B.__module__)


class F:
    print(__module__, __qualname__)
    __qualname__ = 'Renamed'


print(repr(F), F.__name__)
B.__module__ = 'changed'
print(repr(B))


class N:
    __module__ = 42


print(repr(N))
