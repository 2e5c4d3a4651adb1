# User decorators: plain, with arguments, stacked, class decorators.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs) + "!"
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("ann"))

calls = []
def trace(fn):
    def wrapper(*args):
        global calls
        calls = calls + [fn.__name__]
        return fn(*args)
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            r = None
            for _ in range(n):
                r = fn(*a)
            return r
        return wrapper
    return deco

counter = 0
@repeat(3)
@trace
def bump():
    global counter
    counter += 1
    return counter

print(bump(), calls)

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))

def register(cls):
    cls.registered = True
    return cls

@register
class Thing:
    pass

print(Thing.registered)

def with_kwargs(prefix="<", suffix=">"):
    def deco(fn):
        def w(x):
            return prefix + fn(x) + suffix
        return w
    return deco

@with_kwargs(suffix="]")
def ident(x):
    return x

print(ident("a"))
print(ident.__name__)
