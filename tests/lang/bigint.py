# Integers: big numbers, factorial, mixing with floats, floor div and mod signs.
print(2 ** 100)
print(-2 ** 63, 2 ** 63, 2 ** 64 - 1)
f = 1
for i in range(1, 31):
    f *= i
print(f)
f = 1
for i in range(1, 101):
    f = f * i
print(f)
print(len(str(f)))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 9223372036854775807)
print(3037000500 * 3037000500)
print((2 ** 100) // 3, (2 ** 100) % 7, -(2 ** 100) // 3, -(2 ** 100) % 7)
print(2 ** 100 // 2 ** 98, 2 ** 100 - 2 ** 100, type(2 ** 100 - 2 ** 100))
print(abs(-2 ** 70), -(-2 ** 70))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 < 2 ** 101, 2 ** 64 > 1.5)
print(int(2.0 ** 70), float(2 ** 70), 2 ** 70 / 2 ** 69)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2))
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 / 5, 2 ** -1, 2 ** 0.5)
print(True + True, True * 3, 5 - True, 1 == 1.0, hash(1) == hash(1.0))
print(0xff, 0o17, 0b1011, 1_000_000, 0x_ff)
print(255 & 15, 255 | 256, 5 ^ 3, ~5, 1 << 70, (1 << 70) >> 68, -16 >> 2)
print(10 ** 20, 10 ** 20 // 10 ** 19)
print(int("123456789012345678901234567890") + 1)
print(pow(2, 100, 1000), pow(3, 200), pow(2, -2))
print(-5 // 1, 5 // -1, 0 // 3, -0.0, 0.0 == -0.0)
print((-2) ** 3, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2)
print(int(-3.9), int(3.9), round(-3.5), round(4.5), round(5.5))
print(12345678901234567890 % 1000, 12345678901234567890 // 1000)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2 ** 10000 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
print(1 / 3, 2 / 3, 10 / 3)
print(bin(2 ** 65), hex(-2 ** 65), oct(2 ** 65))
print(int("-0"), int(" 42 "), int("1_000"), int("ff", 16), int("0x1f", 0), int("z", 36))
