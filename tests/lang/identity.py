# Identity, is, id(), mutation through aliases, copies.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
b += [3]
print(a, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
print(None is None, type(None) is type(None), True is True)
x = [[0] * 3] * 2
x[0][0] = 1
print(x)
y = [[0] * 3 for _ in range(2)]
y[0][0] = 1
print(y)
def mutate(l):
    l += [99]
def rebind(l):
    l = [0]
m = [1]
mutate(m)
rebind(m)
print(m)
def default_trap(v, acc=[]):
    acc += [v]
    return acc
print(default_trap(1), default_trap(2), default_trap(3, []))
s1 = "hello"
s2 = s1
print(s1 is s2, s1 == "hel" + "lo")
class K:
    pass
k1, k2 = K(), K()
print(k1 is k2, k1 == k2, k1 != k2, k1 == k1)
print(type(k1) is K, K is K, isinstance(k1, K))
d = {"a": [1]}
e = dict(d)
e["a"] += [2]
e["b"] = 0
print(d, e)
l2 = a[:]
l2[0] = "changed"
print(a, l2, a[:] is a, list(a) is a)
print(id(k1) != id(k2), type(id(k1)).__name__)
