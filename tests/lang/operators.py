# Operators on built-in types: sequences, strings, in-place forms, precedence.
print([1, 2] + [3], [0] * 3, 3 * "ab", (1,) + (2,), "a" + "b" * 2)
print(2 + 3 * 4 ** 2 // 5 - 1, (2 + 3) * 4, -3 ** 2, not 1 + 1 == 2)
print(7 & 3 | 8, 1 << 2 + 1, 10 - 2 - 3, 2 ** -1, 100 // 7 % 4)
s = "abcdefgh"
print(s[1], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:-1], s[6:2:-1], s[:100])
l = list(range(10))
print(l[2:8:3], l[-2:], l[::-3], l[3:3], l[8:2], l[-100:2])
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 3
x |= 1
x ^= 2
x &= 0xFF
x >>= 1
print(x)
f = 1.5
f += 1
f /= 2
print(f)
st = "a"
st += "b"
st *= 3
print(st)
lst = [1]
lst *= 3
lst += (4, 5)
print(lst)
print("ab" in "cabd", "" in "x", [1] * 0, -[1, 2][0])
try:
    [1] + (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    -"a"
except TypeError as e:
    print("TypeError:", e)
try:
    {} + {}
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    (1,)[2]
except IndexError as e:
    print("IndexError:", e)
try:
    [1]["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    5[0]
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "1"
except TypeError as e:
    print("TypeError:", e)
try:
    "1" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(True and 3 or 4, None or 0 or "z", 0 if 0 else 1 if 1 else 2)
w = 3
print((w := w + 1), w)
print([y := 5, y ** 2])
