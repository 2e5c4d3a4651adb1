# Classes, instances, attribute access and method calls.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


acc = Vec(0, 0)
c = Counter()
for i in range(150000):
    v = Vec(i, i + 1)
    acc = acc.add(v)
    c.bump(v.dot(v) % 7)
print(acc.x, acc.y, c.n)
