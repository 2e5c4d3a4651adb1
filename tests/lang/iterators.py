# The iteration protocol: __iter__/__next__, iter(), next() with default, sentinel.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))
for x in Countdown(2):
    print("tick", x)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10

print(list(Seq()))
print(20 in Seq(), 25 in Seq())

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")

print(list(iter(range(3))))
r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], 4 in r, 7 in r)
print(list(range(0)), list(range(5, 2)), range(1, 10, 2))

d = {"a": 1, "b": 2}
it = iter(d)
print(next(it), next(it))

s = "héllo"
print(list(iter(s)))

a, b, *rest = Countdown(5)
print(a, b, rest)

print(list(zip(Countdown(3), "xyz")))
print(list(enumerate(Countdown(2), 1)))

class Box:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for i in self.items:
            yield i * 2

print(list(Box([1, 2, 3])), sorted(Box([3, 1, 2])), max(Box([5, 9, 1])))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__)
