# list.__new__ and dict.__new__ take the class first and make an empty one (its
# __init__ fills it), so a subclass's __new__ can call them, as in CPython.
class L(list): pass
class D(dict): pass
print(repr(L.__new__(L)), repr(list.__new__(L, [1, 2])), type(list.__new__(list)).__name__, repr(D.__new__(D)), repr(dict.__new__(D, a=1)))
print(list([1, 2]), dict(a=1), list(), dict([(1, 2)]), L([3]), D(b=2))
class M(list):
    def __new__(cls, *a):
        self = super().__new__(cls)
        self.tag = 'made'
        return self
m = M([1, 2])
print(m, m.tag, type(m).__name__)
class E(dict):
    def __new__(cls, *a, **k):
        return dict.__new__(cls)
print(E(x=1), type(E()).__name__)
try: list.__new__(int)
except TypeError as e: print('TypeError')
try: list.__new__(5)
except TypeError as e: print(e)
