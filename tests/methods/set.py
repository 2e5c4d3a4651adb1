# set and frozenset methods; results iterate in CPython's order for ints.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.discard(3)
s.remove(2)
print(s, len(s))
print(s.pop(), s.pop(), s, s.pop() if s else None)
s = set(range(10))
print(s.pop(), s.pop(), s)
s.clear()
print(s, len(s))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a.union(b), a.union([7, 8], (9,)), a.union(), a.union("ab") == a | set("ab"))
print(a.intersection(b), a.intersection([1, 2, 99], {2, 1}), a.intersection(), a.intersection(range(3)))
print(a.difference(b), a.difference([1], [2]), a.difference(), b.difference(range(100)))
print(a.symmetric_difference(b), a.symmetric_difference([1, 10]), b.symmetric_difference(a))
print(a.issubset(b), {1}.issubset(a), {1}.issubset([1, 2]), set().issubset(()), a.issubset(range(10)))
print(a.issuperset({1, 2}), a.issuperset([1, 9]), a.isdisjoint(b), a.isdisjoint([7, 8]), a.isdisjoint({9}))
big = {100, 200, 33, 17, 1, 64, 5}
print(big, big.union({8, 16, 32}), big.intersection({64, 33, 1, 999}), big.difference({17}))
print(big.symmetric_difference({1, 2, 3}), big.copy(), big.copy() is big)
c = {1, 2, 3}
c.update([3, 4], {5}, range(6, 8))
print(c)
c.intersection_update({1, 2, 3, 4, 5, 99}, [2, 3, 4, 5])
print(c)
c.difference_update({2}, [5])
print(c)
c.symmetric_difference_update({3, 10})
print(c)
c.update("xy")
print(sorted(c, key=str))
words = set()
for w in "the cat saw the other cat".split():
    words.add(w)
print(sorted(words), len(words))
f = frozenset([3, 1, 2])
print(f, f.union({9}), f.intersection([1]), f.difference({1}), f.symmetric_difference({1, 7}), f.copy() is f)
print(type(f.union()).__name__, type({1}.union(f)).__name__, f.issubset({1, 2, 3, 4}), f.issuperset([1]), f.isdisjoint([5]))
print(set.union({1}, {2}), frozenset.intersection(f, {2, 3}))
attempt("pop empty", lambda: set().pop())
attempt("remove missing", lambda: set().remove(1))
attempt("remove unhashable", lambda: set().remove([]))
attempt("add([])", lambda: set().add([]))
attempt("add()", lambda: set().add())
attempt("discard([])", lambda: set().discard([]))
attempt("update(1)", lambda: set().update(1))
attempt("update([[1]])", lambda: set().update([[1]]))
attempt("union(1)", lambda: set().union(1))
attempt("intersection(1)", lambda: set().intersection(1))
attempt("issubset(1)", lambda: set().issubset(1))
attempt("issuperset()", lambda: set().issuperset())
attempt("difference_update(1)", lambda: set().difference_update(1))
attempt("symmetric_difference()", lambda: set().symmetric_difference())
attempt("frozenset add", lambda: frozenset().add(1))
attempt("set.union()", lambda: set.union())
attempt("pop(1)", lambda: set().pop(1))
attempt("clear(1)", lambda: set().clear(1))
print(set({100, 200, 33, 17, 1, 64, 5}), set([100, 200, 33, 17, 1, 64, 5]), frozenset({100, 200, 33, 17, 1, 64, 5}))
print({1, 2, 3} | {100, 33}, {1, 2, 3, 40, 50} & {40, 3, 99}, {1, 2, 3, 40} - {2}, {1, 2, 3} ^ {3, 64, 65})
x = {1, 2, 3}
x |= {100, 33}
print(x)
x &= {1, 33, 100, 7}
print(x)
x -= {33}
print(x)
x ^= {1, 17, 2}
print(x)
attempt("set | list", lambda: {1} | [2])
try:
    x -= [1]
except TypeError as e:
    print("set -= list", e)
