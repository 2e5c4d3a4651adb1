# Built-in functions.
print(list(enumerate("abc")), list(enumerate(["x"], start=5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(min(3, 1, 2), max([1, 5, 2]), min("hello"), max((1, 2), (1, 3)), min([[2], [1, 9]]))
print(sum([]), sum([1.5, 2.5]), sum(range(10), 5), sum([True, True, False]))
print(any([0, "", 1]), all([1, "a", [0]]), any(x > 2 for x in [1, 2]), all(()))
print(abs(-5), abs(-2.5), abs(3), abs(-0.0), abs(-2 ** 70))
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.675, 2), round(7), round(7.123456, 4))
print(divmod(17, 5), divmod(-17, 5), divmod(17.0, 5), pow(2, 10), pow(2.0, 3), pow(5, 3, 7), pow(-2, 3))
print(int(), int("42"), int(" -7 "), int(3.99), int(-3.99), int("101", 2), int("0o17", 8), int(True))
print(float(), float("3.5"), float(2), float("-inf"), float(" 1e-3 "))
print(chr(65), chr(8364), ord("A"), ord("€"), ord("\n"))
print(hex(255), hex(-1), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance("s", (list, tuple)))
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (dict, list)))
class A:
    x = 1
a = A()
print(hasattr(a, "x"), getattr(a, "x"), getattr(a, "y", None), callable(A), callable(a), callable(len))
setattr(a, "y", 5)
print(a.y, vars(a), "y" in dir(a), "x" in dir(A))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(()).__name__, type(set()).__name__, type(None).__name__, type(True).__name__, type(range(1)).__name__)
it = iter([10, 20])
print(next(it), next(it), next(it, "stop"))
print(len("abc"), len([1, 2]), len({1: 1}), len(range(0, 10, 3)), len(()), len(set("aab")))
print(str(12), str(1.5), str([1]), repr("x"), ascii("é"), bool(), list(), tuple(), dict(), set())
print(list("abc"), tuple([1, 2]), list(range(3)), tuple("ab"), list({1: 2, 3: 4}), set([3, 3]))
print(sorted([5, 2, 8]), list(reversed((1, 2, 3))), hash(5), hash("") == hash(""), hash((1, 2)) == hash((1, 2)))
print(format(3.14159, ".2f"), format(10, "x"), format("hi", "^6"), repr(format(1)))
print(slice(1, 5, 2), [0, 1, 2, 3, 4, 5][slice(1, 5, 2)], "abcdef"[slice(None, None, -1)])
print(type(type(1)), type(object), isinstance(int, type), isinstance(A, type))
print(bytes([65, 66]), bytes("hé", "utf-8"), len(b"abc"), b"a"[0], list(b"hi"))
print(id(a) == id(a), callable(print), callable(lambda: 0), callable(None))
print(min([3, 1, 2], key=lambda v: -v), max("apple", "fig", "banana", key=len))
print(list(map(str, [1, 2])), list(map(int, ["3", "4"])), list(map(abs, [-1, -2])))
print(globals()["A"] is A, "__name__" in globals(), __name__)
def loc():
    q = 1
    return locals()
print(loc())
print(type(object()).__name__)
print(round(-0.5), round(0.4999999999999999), round(1e20), round(123.456, 1), round(-123.456, -1))
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    getattr(a, "zzz")
except AttributeError as e:
    print("AttributeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(undefined)
except NameError as e:
    print("NameError:", e)
print(1, 2, 3, sep=", ", end="!\n")
print("no newline", end="")
print()
print(sep="x")
print("a", "b", sep="")
