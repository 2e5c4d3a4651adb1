# Small-int arithmetic and comparisons on locals: signs, overflow into big ints,
# division by zero, and conditions that are not plain bools.
def arith():
    out = []
    for a in (7, -7, 0, 9223372036854775807, -9223372036854775808):
        for b in (3, -3, 1, -1, 2):
            out.append((a % b, a // b, a + b, a - b, a * b, a & b, a | b, a ^ b))
    return out


for row in arith():
    print(row)


def aug():
    i = 9223372036854775806
    i += 1
    print(i, type(i).__name__)
    i += 1
    print(i, type(i).__name__)
    j = -9223372036854775807
    j -= 1
    j -= 1
    print(j)
    k = 5
    k %= -3
    print(k)
    k = -17
    k //= 5
    print(k)
    m = 3
    m *= 3037000500
    m *= 3037000500
    print(m)
    s = "ab"
    s += "cd"
    print(s)
    x = 1.5
    x += 1
    print(x)


aug()


def div0(a, b):
    try:
        return a % b
    except ZeroDivisionError as e:
        return "mod: " + str(e)


def fdiv0(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        return "floordiv: " + str(e)


print(div0(5, 0), fdiv0(5, 0))


class Truth:
    def __init__(self, v):
        self.v = v
        self.calls = 0

    def __bool__(self):
        self.calls += 1
        return self.v


def conds():
    i = 0
    n = 30
    hits = []
    while i * i <= n:
        if n % i == 0 if i else False:
            hits.append(i)
        if not i < 3 and i != 4 or i == 1:
            hits.append(-i)
        i += 1
    print(hits)
    t = Truth(True)
    f = Truth(False)
    if t or f:
        print("or", t.calls, f.calls)
    if f and t:
        print("unreachable")
    else:
        print("and", t.calls, f.calls)
    if not f:
        print("not", f.calls)
    a = 2
    b = 2.0
    print(a == b, a < 2.5, a * 1.5)
    big = 2**70
    print(a < big, big % 7, -big // 3)


conds()
