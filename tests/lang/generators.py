# Generators: yield, send, yield from with value, return value, StopIteration.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("done")

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received = received + [x]

g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    r = yield from inner()
    print("inner gave", r)
    yield 3
    return "outer-result"

print(list(outer()))

def delegate_send():
    x = yield from echo()
    yield x

g = delegate_send()
print(next(g), g.send(10), g.send(20), g.send(None))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

for v in gen_with_finally():
    print(v)

g = gen_with_finally()
print(next(g))
g.close()
print("closed")

ge = (x * x for x in range(5))
print(sum(ge), sum(ge))

def raising():
    yield 1
    raise ValueError("inside")

try:
    for v in raising():
        print(v)
except ValueError as e:
    print("caught", e)

def stop_value():
    return 5
    yield

try:
    next(stop_value())
except StopIteration as e:
    print("value", e.value, e.args)

def yf_list():
    yield from [1, 2]
    yield from range(3, 5)
    yield from "ab"

print(list(yf_list()))

def thrower():
    try:
        yield 1
    except KeyError as e:
        print("got", repr(e))
        yield 99

g = thrower()
next(g)
print(g.throw(KeyError("k")))
print(type(g).__name__)
