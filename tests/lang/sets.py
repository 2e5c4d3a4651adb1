# sets: printing order of ints and strings-free sets, operators, membership.
print({3, 1, 2}, {10, 5, 100, 1000, 7}, {-1, -2, 0})
print(set(range(20, 0, -3)), {32, 64, 8, 16, 4, 2, 1})
print(set([1, 1, 2, 2, 3]), len({1, 1, 1}))
print({100, 33, 65, 97, 1, 129})
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a == {4, 3, 2, 1})
print(3 in a, 9 in a, 9 not in a)
s = set()
for i in [5, 3, 9, 3, 5, 1, 33, 17]:
    s = s | {i}
print(s, sorted(s))
print({x % 5 for x in range(20)})
print(frozenset({3, 2, 1}), {frozenset({1}): "fs"})
print(set((1, 2)) == frozenset((2, 1)), {1.0, 1, True})
big = set(range(100))
small = {x for x in big if x % 9 == 0}
print(small)
print({-5, 5, -10, 10, 0})
print({2 ** 40, 2 ** 33, 7})
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(set(), set("") == set(), bool(set()), bool({0}))
print({(1, 2), (3, 4)} == {(3, 4), (1, 2)})
d = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17}
print(d)
print(set([40, 30, 20, 10, 0, 50, 60, 70, 80, 90, 100]))
