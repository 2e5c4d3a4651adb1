# Truthiness, and/or returning operands, not, conditional expressions.
values = [0, 1, -1, 0.0, 0.5, "", " ", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, range(0), range(1), 2 ** 100, 2 ** 100 - 2 ** 100]
print([bool(v) for v in values])
print(0 or "default", "x" or "y", 0 and 1, 2 and 3, None or [] or 0, 1 and [] and 5)
print(not [], not [1], not None, not 0.0)
class Falsy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(Falsy()), bool(Sized()), bool(Plain()), Falsy() or "fallback")
n = 0
r = n if n else "zero"
print(r, "yes" if [1] else "no")
count = 0
while count < 3 and True:
    count += 1
print(count)
if "":
    print("no")
elif [None]:
    print("list of None is truthy")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
print(True + 0, True & False, True | False, True ^ True, -True, ~True)
print(str(True), repr(False), int(True), float(False), True == 1, True is True)
print(isinstance(True, int), type(True), bool("False"), bool(0.0), bool(-0.0))
