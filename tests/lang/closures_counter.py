# Closures as objects: bank account, accumulators, function attributes.
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError("insufficient funds")
        balance -= amount
        return balance
    def get():
        return balance
    return deposit, withdraw, get

dep, wd, get = make_account(100)
dep(50)
wd(30)
print(get())
try:
    wd(1000)
except ValueError as e:
    print(e)

def accumulator():
    total = []
    def add(x):
        total[len(total):] = [x]
        return sum(total)
    return add

acc = accumulator()
print(acc(1), acc(2), acc(10))

def f():
    pass
f.calls = 3
print(f.calls, f.__name__, f.__qualname__)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)

class C:
    def m(self):
        def local():
            pass
        return local
print(C.m.__qualname__, C().m().__qualname__)

def power_factory():
    return [lambda x, e=e: x ** e for e in range(4)]
print([p(2) for p in power_factory()])

x = 0
def modify_global_in_nested():
    def inner():
        global x
        x = 42
    inner()
modify_global_in_nested()
print(x)
