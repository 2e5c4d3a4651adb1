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
