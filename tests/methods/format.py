# str.format and str.format_map: fields, conversions, nested specs and errors.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        return "¥" + format(self.v, spec or ".2f")


p = Point(3, 4)
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name} is {age}".format(name="张三", age=20))
print("{0.x},{0.y}".format(p), "{p.x}".format(p=p), "{0[1]}".format([10, 20]), "{d[key]}".format(d={"key": "v"}))
print("{0[0][1]}".format([[1, 2]]), "{0[a b]}".format({"a b": 5}), "{0[-1]}".format({"-1": "neg"}))
print("{!r} {!s} {!a}".format("中", p, "中"), "{0!r:>12}".format("hi"), "{!s:>10}".format(p))
print("{{literal}} {}".format(1), "{{{}}}".format(2), "}}{{".format())
print("{:{w}}|".format("ab", w=6), "{:{}{}}|".format(3.14159, ">", 10), "{0:{1}.{2}f}".format(3.14159, 8, 2))
print("{:08.3f} {:+d} {:,} {:x} {:#o} {:b} {:e} {:%}".format(3.14159, 5, 1234567, 255, 8, 5, 12345.678, 0.25))
print("{:<6}|{:^6}|{:>6}|{:*^7}".format("左", "中", "右", "心"))
print("{}".format(Money(3)), "{:.1f}".format(Money(2.25)), "{:>8}".format(True), "{}".format(None))
print("{0}{0}".format("重复"), "{}".format([1, "a"]), "{}".format({"k": (1,)}))
print("{a}-{b}".format_map({"a": 1, "b": 2}), "{x.x}".format_map({"x": p}))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{name} {other}".format_map(Default(name="n")))
attempt("single {", lambda: "{".format(1))
attempt("single }", lambda: "}".format(1))
attempt("manual->auto", lambda: "{0}{}".format(1, 2))
attempt("auto->manual", lambda: "{}{0}".format(1, 2))
attempt("index out", lambda: "{}".format())
attempt("index out 2", lambda: "{2}".format(1, 2))
attempt("missing name", lambda: "{a}".format())
attempt("bad attr", lambda: "{0.x}".format(1))
attempt("bad item", lambda: "{0[1]}".format([]))
attempt("bad conversion", lambda: "{!x}".format(1))
attempt("bad spec", lambda: "{:d}".format("a"))
attempt("unclosed [", lambda: "{0[".format(1))
attempt("unclosed !r", lambda: "{0!r".format(1))
attempt("recursion", lambda: "{0:{1:{2}}}".format(1, 2, 3))
attempt("empty attr", lambda: "{0.}".format(1))
attempt("empty item", lambda: "{a[]}".format(a={}))
attempt("after ]", lambda: "{0[0]x}".format([1]))
attempt("{0]", lambda: "{0]".format(1))
attempt("{0}}", lambda: "{0}}".format(1))
attempt("{0!}", lambda: "{0!}".format(1))
attempt("{0!rr}", lambda: "{0!rr}".format(1))
attempt("{!r:}", lambda: "{!r:}".format(1))
attempt("nested auto", lambda: "{:{}}".format("a"))
attempt("nested switch", lambda: "{0:{}}".format(1, 2))
attempt("format_map positional", lambda: "{0}".format_map({}))
attempt("format_map missing", lambda: "{x}".format_map({}))
attempt("format_map(1)", lambda: "a".format_map(1))
attempt("format_map()", lambda: "a".format_map())
attempt("unexpected {", lambda: "{a{b}".format())
attempt("format(1) spec", lambda: "{:>{}}".format("a", "x"))
attempt("object spec", lambda: "{:>10}".format(p))
