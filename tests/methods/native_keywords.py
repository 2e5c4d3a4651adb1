# Functions CPython writes in C refuse keyword arguments (a misspelt keyword must not
# be ignored); pow takes its parameters by name as CPython's argument clinic binds them.
import math, time
tests = [lambda: sorted([3, 1], reversed=True), lambda: math.sqrt(x=4), lambda: math.log(x=4),
         lambda: math.isclose(1, 1, rel_tol=0.1), lambda: math.isclose(1, 1, tol=0.1),
         lambda: math.prod([2, 3], start=2), lambda: time.sleep(secs=0), lambda: time.time(x=1),
         lambda: time.localtime(x=1), lambda: time.strftime('%Y', x=1), lambda: time.monotonic(a=1),
         lambda: max([1], keys=abs), lambda: isinstance(1, int, x=2), lambda: len([], x=1),
         lambda: repr(obj=1), lambda: getattr(1, 'real', default=2), lambda: iter([], x=1),
         lambda: next(iter([1]), default=2), lambda: divmod(7, b=2), lambda: hash(x=1),
         lambda: map(abs, [1], x=2), lambda: filter(None, [], x=1), lambda: dir(x=1),
         lambda: pow(base=2, exp=3), lambda: round(2.5, ndigits=0), lambda: print(1, sep='', end='|\n'),
         lambda: math.factorial(5), lambda: math.factorial(5, x=1), lambda: math.floor(2.5),
         lambda: str(1).join([], x=1)]
for t in tests:
    try:
        print('accepted', t())
    except TypeError as e:
        print('TypeError', e)
for c in [lambda: pow(2, base=3), lambda: pow(2, mod=3), lambda: pow(base=2), lambda: pow(2, 3, mod=5),
          lambda: pow(2, 3, x=5), lambda: pow(exp=3, base=2), lambda: pow(2, 3, base=1),
          lambda: pow(2, 3, 4, base=1), lambda: pow(2, base=3, exp=1), lambda: pow(mod=5, exp=3, base=2),
          lambda: pow(2, exp=3, mod=None), lambda: pow(2, 3, mod=0), lambda: pow(base=2, mod=3)]:
    try: print(c())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)

for a in [(3, -1, 7), (2, -1, 7), (2, -3, 7), (-3, -1, 7), (3, -1, -7), (2, -1, 4), (0, -1, 5), (3, -2, 1), (5, -1, 12)]:
    try:
        print(a, pow(*a))
    except ValueError as e:
        print(a, 'ValueError', e)
print(ImportError('x').name, ImportError('x').path)
