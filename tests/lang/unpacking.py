# Unpacking: tuples, starred, nested, in for loops, in calls and displays.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, (q, *r)] = [0, "xyz"]
print(p, q, r)
for i, (ch, n) in enumerate(zip("ab", [10, 20])):
    print(i, ch, n)
for k, *vs in [(1, 2, 3), (4,)]:
    print(k, vs)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab", 9], (*[1], 2), {*[1, 2], 3})
print({**{"a": 1}, **{"b": 2}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), x=1, **{"y": 2}))
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
d = {}
d["k"], d["j"] = "K", "J"
print(d)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
class O:
    pass
o = O()
o.a, o.b = "A", "B"
print(o.a, o.b)
t = 1,
print(t, type(t).__name__)
i = j = k = 5
print(i, j, k)
m, n = n, m = 1, 2
print(m, n)
a, b = "hi"
print(a, b)
lst = [1, 2, 3, 4, 5]
lst[1:3] = ["x", "y", "z"]
print(lst)
lst[::2] = [0, 0, 0]
print(lst)
del lst[0:2]
print(lst)
