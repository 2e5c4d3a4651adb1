# str and repr of nested containers, quotes and escapes.
print([1, "two", 3.0, None, True, (4,), [], {}, set()])
print(("a",), (), (1, 2), [(1, "x"), {"k": [1, {2}]}])
print({"a": 1, 2: "b", (1, 2): [3], None: None, 1.5: -0.0})
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\nbs\\"))
print(["it's", 'q"q', "\x00\x7f\u00e9", "\r"])
print(str("it's"), "back\\slash")
print(repr(""), repr("a" * 3), [""], ("",))
print({1, 2, 3}, {"only"}, frozenset([1]), frozenset(), set())
print(range(5), range(1, 5), range(1, 5, 2), slice(1, 2), slice(None, 5, None))
print(b"bytes", b"it's", b'\x00\xff', bytes(3), [b"x"])
print(repr(1), repr(1.0), repr(True), repr(None), repr([None]))
a = [1, 2]
a = a + [a]
b = [1]
b[0] = b
print(b)
d = {}
d["self"] = d
print(d)
print(str([1, [2, [3, [4, [5]]]]]))
print({"nested": {"deeper": {"deepest": ("t", ["l"])}}})
print(print)
print(type(1), type("s"), type([]), type(None), type(print), type(len))
print(len, abs)
def func():
    pass
print(func.__name__, str(func)[:14])
print([print][0] is print)
print(type(type), object, int, str, list, dict, tuple, set, bool, float, Exception, KeyError)
print(repr("中文"), ["中文", "日本"], "\u4e2d")
print(repr("\x1b[0m"), repr("\u200b"), repr("\U0001F600"))
print(NotImplemented, Ellipsis, ...)
