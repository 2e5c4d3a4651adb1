# Float repr and arithmetic.
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3)
print(1e20, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001, 0.00001)
print(1.0, 100.0, -0.0, 1.5e300 * 1.5e300, -1e400, 3.14)
print(float("inf"), float("-inf"), float("nan"), float(" 2.5 "), float("1e3"))
print(2.5, 1e22, 1e21, 1.23e-7, 5e-324, 1.7976931348623157e308)
print(repr(0.1), str(0.1), 0.1 + 0.7, 1.1 * 1.1)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(round(1234.5678, -2), round(15, -1), round(25, -1), type(round(2.5)), type(round(2.5, 0)))
print(int(1e10), float(10 ** 16), float(2 ** 53 + 1), 9007199254740993.0)
print(3.0 == 3, 0.1 + 0.2 == 0.3, abs(-2.5), 7.0 // 2, 7.0 % 2.5)
print(1e100, 1.5e-10, 12345.678, 0.000123, 100000000000000000000.0)
print(float(1), 1.0 * 7, 2 ** 0.5, 10 ** -2, 3.0 ** 2)
nan = float("nan")
print(nan == nan, nan != nan, nan is nan, float("inf") > 1e308)
print(divmod(7.5, 2), divmod(-1.0, 3))
print(min(1, 2.0), max(1, 1.0), max(1.0, 1), sum([0.1] * 10))
print(1.0.__class__.__name__, (0.5).is_integer() if False else "skip")
print([1.5, 2.25, -0.125], (1.0,), {1.0: 2.5})
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2))
