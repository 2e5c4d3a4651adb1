import math
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, math.nan)
print(math.pow(2, 10), math.exp(1), math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.hypot(3, 4), math.fabs(-3), math.factorial(30), math.gcd(12, 18), math.lcm(4, 6))
print(math.isqrt(10**20 + 1), math.comb(10, 3), math.perm(5, 2), math.perm(4))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.trunc(-3.7), math.copysign(2, -0.0), math.degrees(math.pi), math.radians(180))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.log(2 ** 1000), math.floor(1e20), math.modf(3.5), math.fmod(7, 3))
for f, a in [(math.sqrt, -1), (math.log, 0), (math.acos, 2)]:
    try:
        f(a)
    except ValueError as e:
        print('ValueError', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError', e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
try:
    math.sqrt('x')
except TypeError as e:
    print(e)
