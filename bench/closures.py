# Closures, lambdas and higher-order calls.
def make_adder(n):
    def add(x):
        return x + n
    return add


adders = [make_adder(i) for i in range(10)]
total = 0
for i in range(60000):
    f = adders[i % 10]
    total += f(i)
squares = list(map(lambda x: x * x, range(100000)))
evens = list(filter(lambda x: x % 2 == 0, squares))
print(total, len(evens), sum(evens) % 1000003, sorted(range(50000), key=lambda x: -x)[0])
