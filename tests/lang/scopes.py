# Scopes: locals, globals, closures, global and nonlocal.
x = 10

def read_global():
    return x

def write_global():
    global x
    x = x + 5

print(read_global())
write_global()
print(x)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())

def make_adders():
    adders = []
    for i in range(3):
        adders = adders + [lambda y, i=i: y + i]
    return adders

print([f(10) for f in make_adders()])

def late_binding():
    fs = []
    for i in range(3):
        fs = fs + [lambda: i]
    return [f() for f in fs]

print(late_binding())

def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a
            a += b
            return a
        return inner
    f = middle()
    f()
    f()
    return a

print(outer())

def shadow():
    x = "local"
    return x

print(shadow(), x)

def unbound():
    try:
        print(y)
    except NameError as e:
        print("NameError:", e)
    try:
        z = z + 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

unbound()

def cell_after_loop():
    total = 0
    def add(k):
        nonlocal total
        total += k
    for k in range(5):
        add(k)
    return total

print(cell_after_loop())

class K:
    v = 1
    w = [v * i for i in range(3)] if False else v + 1
    def get(self):
        return x

print(K.v, K.w, K().get())

def gen_counter():
    count = 0
    def bump():
        nonlocal count
        count = count + 1
        return count
    bump()
    bump()
    return count, bump.__name__

print(gen_counter())
