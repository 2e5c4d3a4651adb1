# More containers whose keys' __eq__ reads or changes them, or raises: instance
# attribute dicts, set difference with a dict, lists searched while they change,
# errors from __eq__ in displays and comparisons, and an __eq__ that recurses.
# (An attribute name is looked up in an instance's __dict__ without asking a non-str
# key's __eq__, so how often CPython calls it there is not printed.)
import sys


class Nosy:
    '''A non-str key in an instance's __dict__ whose __eq__ touches the instance.'''

    def __hash__(self):
        return hash('x')

    def __eq__(self, other):
        seen.append(len(obj.__dict__))
        getattr(obj, 'z', None)
        return False


class C:
    def meth(self):
        return 'm'


seen = []
obj = C()
obj.__dict__[Nosy()] = 1
print(getattr(obj, 'x', 'absent'), obj.meth())
obj.x = 5
print(obj.x)
del obj.x
print(hasattr(obj, 'x'))

on = False


class Clearing:
    def __hash__(self):
        return 0

    def __eq__(self, other):
        if on:
            d.clear()
        return False


d = {Clearing(): 1, Clearing(): 2}
on = True
print({1}.difference(d), len(d))
on = False


class Raising:
    def __hash__(self):
        return 0

    def __eq__(self, other):
        raise ValueError('no comparing')


a, b = Raising(), Raising()
for name, f in [('in frozenset', lambda: b in frozenset([a])),
                ('set display', lambda: len({a, b})),
                ('dict display', lambda: len({a: 1, b: 2})),
                ('set comprehension', lambda: len({x for x in (a, b)})),
                ('set()', lambda: len(set([a, b]))),
                ('dict()', lambda: len(dict([(a, 1), (b, 2)]))),
                ('set ==', lambda: {a} == {b}),
                ('set <=', lambda: {a} <= {b}),
                ('dict ==', lambda: {a: 1} == {b: 1})]:
    try:
        print(name, f())
    except ValueError as e:
        print(name, 'ValueError', e)


class Inserting:
    '''Comparing K0 inserts K9 at the front: the search goes on in the live list.'''

    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if self.n == 0 and not any(getattr(x, 'n', None) == 9 for x in lst[:1]):
            lst.insert(0, Inserting(9))
        return isinstance(other, Inserting) and other.n == self.n

    def __repr__(self):
        return 'K%d' % self.n


lst = [Inserting(0), Inserting(1), Inserting(2)]
lst.remove(Inserting(2))
print(lst)
lst = [Inserting(0), Inserting(1), Inserting(2)]
print(lst.index(Inserting(2)), lst.count(Inserting(1)), Inserting(1) in lst)

# An __eq__ that looks itself up again: RecursionError, not a search of every key at
# every depth.
rec = False


class Recursing:
    def __hash__(self):
        return 0

    def __eq__(self, other):
        return rec and Recursing() in F


F = frozenset([Recursing(), Recursing()])
rec = True
try:
    print(Recursing() in F)
except RecursionError:
    print('RecursionError')
