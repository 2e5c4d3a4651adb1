# tuple methods: index and count.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


t = (1, 2, 3, 2, 1, "二", (4, 5))
print(t.index(2), t.index(2, 2), t.index(1, -3), t.index("二"), t.index((4, 5)), t.index(3, 0, 3))
print(t.count(1), t.count(2), t.count(7), (1, 1.0, True).count(1), ().count(0))
attempt("index missing", lambda: (1,).index(2))
attempt("index window", lambda: (1, 2).index(1, 1))
attempt("index()", lambda: ().index())
attempt("index(1,'x')", lambda: (1,).index(1, "x"))
attempt("count()", lambda: ().count())
attempt("count(1,2)", lambda: ().count(1, 2))
print(tuple.count((1, 1), 1), tuple.index(("a",), "a"))
