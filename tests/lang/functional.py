# lambda, map, filter, sorted with key, reversed, higher-order functions.
square = lambda x: x * x
print(square(7), (lambda a, b=2: a ** b)(3), (lambda *a: a)(1, 2))
print(list(map(square, range(5))), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
words = ["banana", "Apple", "cherry", "date", "Elder"]
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: w.lower() if False else w[-1]))
print(sorted(words, reverse=True), sorted([3, 1, 2], reverse=True))
pairs = [(1, "b"), (3, "a"), (2, "c"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(max(words, key=len), min(words, key=len), max([], default="empty"), max(3, 7, 5))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 3, 4, 1))
def kw(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6), kw(*[1, 2], **{"c": 0, "z": 1}))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
try:
    posonly(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    kw()
except TypeError as e:
    print("TypeError:", e)
try:
    square(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, c=1, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, 2, c=3, zz=1, **{"zz": 2})
except TypeError as e:
    print("TypeError:", e)
print((lambda: "no args")(), square.__name__, kw.__name__)
stable = sorted([(2, "x"), (1, "y"), (2, "a"), (1, "b")], key=lambda t: t[0])
print(stable)
print(sorted([3.5, 1, 2.25, -1]), sorted("hello"), sorted((3, 2, 1)))
print(sum([1, 2, 3], 10), sum([[1], [2]], []), sum(range(101)))
