# Appends, indexing, slicing, sorting and comprehensions.
xs = []
for i in range(300000):
    xs.append((i * 7919) % 100003)
ys = sorted(xs)
zs = [x * 2 for x in ys if x % 3 == 0]
total = 0
for i in range(0, len(zs), 3):
    total += zs[i]
print(len(zs), total, ys[:3], max(xs))
