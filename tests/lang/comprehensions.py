# Comprehensions: nested, conditional, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print({x % 3: x for x in range(10)})
print({c for c in "mississippi"} == set("misp"))
print(sorted({c for c in "mississippi"}))
g = (x + 1 for x in range(3))
print(list(g), list(g))
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * k for k in range(3)]
print(f())
class C:
    data = [1, 2, 3]
    total = sum(v for v in data)
    doubled = [v * 2 for v in data]
print(C.total, C.doubled)
print([i if i % 2 else -i for i in range(6)])
print([(a, b) for a, b in zip("abc", [1, 2, 3]) if b != 2])
print(sum(i * i for i in range(10)), max(len(w) for w in ["a", "bcd", "ef"]))
print([c for w in ["ab", "cd"] for c in w])
print(any(n > 3 for n in [1, 5]), all(n > 3 for n in [4, 5]), all([]), any([]))
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print({k: [v for v in range(k)] for k in range(4)})
print([[*range(n)] for n in range(4)])
print([x for x in [3, 1, 2] if x != 1][::-1])
