# str.format with indices, names, attributes, items and specs.
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("a", "b"))
print("{x}-{y}".format(x=1, y=2))
print("{0[1]} {d[k]}".format([5, 6], d={"k": "v"}))
class P:
    def __init__(self):
        self.name = "pt"
print("{0.name} {p.name}".format(P(), p=P()))
print("{:>6}|{:^6}|{:<6}|{:06.2f}".format("r", "c", "l", 3.14159))
print("{!r} {!s} {{}}".format("q", "q"))
print("{0:{1}}|".format("w", 5))
