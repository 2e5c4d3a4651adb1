# f-strings and format() with the format-spec mini-language.
name = "Ada"
n = 1234567.891
i = 255
print(f"{name}|{name!r}|{name:>8}|{name:<8}|{name:^9}|{name:*^9}")
print(f"{i:d}|{i:5d}|{i:<5d}|{i:05d}|{i:+d}|{-i:+d}|{i: d}")
print(f"{i:x}|{i:X}|{i:#x}|{i:o}|{i:#o}|{i:b}|{i:#b}|{i:08b}|{i:c}")
print(f"{n:.2f}|{n:,.2f}|{n:_.1f}|{n:e}|{n:.3E}|{n:g}|{n:.3g}|{n:%}|{0.25:.1%}")
print(f"{1234567:,}|{1234567:_}|{-1234567:,d}|{12:,}")
print(f"{3.14159:10.3f}|{3.14159:<10.2f}|{-3.5:010.2f}|{3.0:g}|{1e-7:g}|{1e16:g}")
print(f"{'x'!s:3}|{[1, 'a']!r}|{len(name) * 2}|{'nested ' + name}")
width, prec = 10, 3
print(f"{n:{width}.{prec}f}|{name:>{width}}")
print(f"{{braces}} {i}{{}}")
x = 7
print(f"{x=}, {x * 2 = }, {name=!s}")
print(format(42), format(42, "b"), format(3.5, ".3f"), format("s", ">4"), format(True))
print(format(1e300 * 10), format(0.1, ".20f"), format(2 ** 70, ","))
print(f"{True}|{None}|{True:d}|{False:>6}")
print(f"{12.5:=+10.2f}|{-12:=8d}|{42:=^10}")
print(f"{'Chinese 中文':>12}|{'中':*^5}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.0:.1f} {1e22:.0f}")
print(f"{123.456:.0e} {0.000123:.2e} {float('inf'):f} {float('nan'):>5}")
print("%s and %r" % ("str", "str"), "%d%%" % 50, "%5.2f|%-5d|%05d" % (3.14159, 7, 42))
print("%x %X %o %e %g %c %c" % (255, 255, 8, 12345.678, 0.00001, 65, "z"))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "%s" % (1,), "%s" % [1, 2], "%+d % d" % (5, 5))
print("%10s|%-10s|%.2s" % ("hi", "hi", "hello"), "%i" % 3.9, "%r" % 1.0)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    f"{'a':d}"
except ValueError as e:
    print("ValueError:", e)
