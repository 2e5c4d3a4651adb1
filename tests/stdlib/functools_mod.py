import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
p = functools.partial(int, base=2)
print(p('101'), p.args, p.keywords)
add3 = functools.partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(n):
    return n * n
for i in [1, 2, 1, 3, 2, 1]:
    sq(i)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@functools.lru_cache
def ident(x):
    return x
print(ident(5), ident.cache_info())
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper
@deco
def hello(name):
    "Say hello."
    return 'hi ' + name
print(hello.__name__, hello.__doc__, hello('bob'), hello.__wrapped__('x'))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) <= V(2))
