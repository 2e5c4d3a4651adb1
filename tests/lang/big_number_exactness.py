# Ints of any size against floats, exactly as CPython: comparisons past 2**127 (they
# saturated), int / int correctly rounded (it was off by one unit in the last place
# for numerators above 2**53), round(int, -n) past 2**63 (it wrapped, or refused big
# ints), and repr of a float exactly halfway between two shortest candidates (the
# even one, as CPython's dtoa picks).
import random

print(10**40 < 1e50, 2**200 == 2.0**200, 2**127 + 1 > 2.0**127, 2**127 - 1 < 2.0**127)
print(max(10**40, 1e50), sorted([1e50, 10**40, 1e45]), {2**200: 1}.get(2.0**200))
print(2**1024 > 1e308, -(2**1024) < -1e308, 10**400 > float('inf'), 10**400 < float('nan'))

for a, b in [(999999999999999998, 7), (1, 2**1100), (3, 2**1075), (2**1024, 2),
             (-(2**1030), 2**7), (10**400, 10**399), (1, 3 * 2**1074), (2**1023 * 3, 2),
             (0, -5), (2**53 + 1, 1), (2**53 + 3, 1), (2**1100, 3)]:
    try:
        print(repr(a / b))
    except OverflowError as e:
        print('OverflowError:', e)

random.seed(7)
quotients = []
for i in range(300):
    a = random.randrange(-10**random.randint(1, 40), 10**random.randint(1, 40))
    b = random.randrange(1, 10**random.randint(1, 40)) * random.choice([1, -1])
    quotients.append(repr(a / b))
print(' '.join(quotients))

print(1392901803008524.25, 16828226543660.5625, 1153467910690838.25, 2.5, 9007199254740993.0)
ties = [random.randrange(2**50, 2**60) + random.choice([0.25, 0.75, 0.125, 0.375]) for i in range(200)]
print(' '.join(repr(t) for t in ties))

for x in [9000000000000000000, 9223372036854775807, -9223372036854775808, 2**63,
          2**200 + 5 * 10**20, 5, 15, 25, -25, True, 10**40 + 5 * 10**39]:
    print([round(x, n) for n in (-1, -2, -19, -20, -40, -41, 0, 3)], type(round(x, -1)).__name__)
print(round(7, -400), round(-7, -1000))
