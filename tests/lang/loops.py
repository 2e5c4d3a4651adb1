# Loops: while/for with else, break/continue, nested loops.
for i in range(5):
    if i == 3:
        break
    print(i, end=" ")
else:
    print("no")
print()
for i in range(3):
    pass
else:
    print("for-else ran", i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
else:
    print("not reached")
while False:
    pass
else:
    print("while-else ran")
primes = []
for candidate in range(2, 50):
    for d in range(2, candidate):
        if candidate % d == 0:
            break
    else:
        primes = primes + [candidate]
print(primes)
total = 0
for i in range(1000):
    for j in range(10):
        if j > i:
            break
        total += i * j
print(total)
for ch in "ab":
    for k in (1, 2):
        print(ch, k, end="; ")
print()
items = [1, 2, 3]
for x in items:
    if x == 1:
        items = items + [4]
    print(x, end=" ")
print(items)
i = 0
while True:
    i += 1
    if i >= 5:
        break
print("stopped at", i)
for x in []:
    print("never")
for i, x in enumerate([]):
    pass
print("i still", i)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a == b == c:
                continue
            count += 1
print(count)
for i in range(10, 0, -4):
    print(i, end=",")
print()
for i in range(2 ** 62, 2 ** 62 + 2):
    print(i)
