# Deep recursion works; the recursion limit raises RecursionError, which can be caught.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)

def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
print(count(0) > 900)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))

def hanoi(n, a, b, c):
    if n == 0:
        return 0
    return hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a)
print(hanoi(10, "A", "B", "C"))

def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(500), odd(501))
print(depth(950))

class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
head = None
for i in range(400):
    head = Node(i, head)
print(head.total())
