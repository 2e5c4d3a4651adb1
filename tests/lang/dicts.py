# dicts: insertion order, update semantics, deletion, keys of mixed types.
d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d, list(d), len(d))
d["zebra"] = 10
print(d)
del d["apple"]
d["apple"] = 4
print(d)
print("mango" in d, "kiwi" in d, d["mango"])
try:
    d["kiwi"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["kiwi"]
except KeyError as e:
    print("KeyError:", e, repr(e))
n = {1: "int", 1.0: "float", True: "bool"}
print(n)
print({(1, 2): "t", "s": 1, None: 0, 3: [1]})
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, z=0))
print(dict(zip("abc", range(3))))
sq = {k: k * k for k in range(6) if k % 2 == 0}
print(sq)
print({v: k for k, v in sq.items()} if False else "skip")
m = {}
for w in ["b", "a", "b", "c", "a", "b"]:
    if w in m:
        m[w] += 1
    else:
        m[w] = 1
print(m)
for k in m:
    print(k, m[k])
print(sorted(m), sorted(m, key=lambda k: -m[k]), max(m, key=lambda k: m[k]))
print(d == {"mango": 3, "zebra": 10, "apple": 4}, {1: 2} != {1: 3})
print(list(reversed(list(d))), len({}), bool({}), bool({0: 0}))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
print(list(big)[:10], len(big))
for i in range(0, 1000, 2):
    del big[i]
print(list(big)[:5], len(big))
print({**{"a": 1}, "b": 2, **{"a": 3}})
