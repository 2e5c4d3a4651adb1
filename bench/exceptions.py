# Raising and catching exceptions, try/finally.
class Oops(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise Oops("bad %d" % i)
    return i


caught = 0
total = 0
for i in range(100000):
    try:
        total += risky(i)
    except Oops as e:
        caught += 1
    finally:
        total += 1
try:
    {}["missing"]
except KeyError:
    caught += 1
print(caught, total)
