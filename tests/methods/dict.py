# dict methods, views, fromkeys, and the item dunders reached through super().


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d.setdefault("n"), d)
d.update({"d": 4})
d.update([("e", 5), ["f", 6]])
d.update(g=7, a=-1)
d.update({"h": 8}, i=9)
d.update()
d.update(zip("xy", (10, 11)))
print(d)
print(d.pop("x"), d.pop("missing", "default"), d.pop("y", None), d)
print(d.popitem(), d.popitem(), d)
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(list(k), list(v), list(it), len(k), "a" in k, 1 in v, ("b", 2) in it)
d["new"] = "live"
print(k, len(v), list(it)[-1])
for key, value in d.items():
    print(key, "=", value, end="; ")
print()
e = d.copy()
e["only-e"] = 1
print("only-e" in d, "only-e" in e, e is d)
e.clear()
print(e, len(e), d != e)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []), {}.fromkeys((1, 2), "v"))
counts = {}
for ch in "统计 字符 统计":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(sorted({"b": 1, "a": 2}.items()), max({"x": 3, "y": 9}.items(), key=lambda kv: kv[1]))
attempt("pop missing", lambda: {}.pop(1))
attempt("pop()", lambda: {}.pop())
attempt("popitem empty", lambda: {}.popitem())
attempt("get()", lambda: {}.get())
attempt("get([])", lambda: {}.get([]))
attempt("get kw", lambda: {}.get("a", default=1))
attempt("update(1)", lambda: {}.update(1))
attempt("update([1])", lambda: {}.update([1]))
attempt("update([(1,2,3)])", lambda: {}.update([(1, 2, 3)]))
attempt("update({}, {})", lambda: {}.update({}, {}))
attempt("setdefault()", lambda: {}.setdefault())
attempt("setdefault([])", lambda: {}.setdefault([]))
attempt("fromkeys()", lambda: {}.fromkeys())
attempt("fromkeys(1)", lambda: dict.fromkeys(1))
attempt("fromkeys 3 args", lambda: dict.fromkeys([1], 2, 3))
attempt("keys(1)", lambda: {}.keys(1))
attempt("items(1)", lambda: {}.items(1))
attempt("dict.get([], 1)", lambda: dict.get([], 1))
attempt("KeyError", lambda: {"a": 1}["b"])


class Recorder(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)

    def __contains__(self, key):
        print("contains", key)
        return super().__contains__(key)


r = Recorder()
r["x"] = 1
r["y"] = 2
print(r["x"], "x" in r, "z" in r, len(r), list(r), r.get("y"))
del r["x"]
print(r, r.keys(), r.items(), r.copy(), type(r.copy()).__name__)
attempt("missing get", lambda: r["nope"])
r.update(a=1)
print(r.pop("a"), r.setdefault("b", 5), r.popitem(), r)
r.clear()
print(r, len(r), bool(r))


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for w in "a b a c a".split():
    c[w] += 1
print(c, c["zzz"], c.get("zzz"), dict.__getitem__(c, "q"))


class Config(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loaded = True


cfg = Config({"debug": True}, level=3)
print(cfg, cfg.loaded, len(cfg), cfg["level"])
print(Counter.fromkeys("ab", 1), type(Counter.fromkeys("ab")).__name__)
print(Counter(x=1), Counter([("y", 2)]))
print(dict.__len__({1: 2}), dict.__contains__({1: 2}, 1), list(dict.__iter__({3: 4})))

# views as sets
v1 = {"a": 1, "b": 2, "c": 3}
v2 = {"b": 20, "c": 30, "d": 40}
print(sorted(v1.keys() & v2.keys()), sorted(v1.keys() - v2.keys()), sorted(v1.keys() | v2.keys()), sorted(v1.keys() ^ v2.keys()))
print(sorted(v1.keys() & {"a", "z"}), sorted(v1.keys() - ["a"]), sorted(v1.items() & {("a", 1), ("b", 0)}))
print(v1.keys() == {"a", "b", "c"}, v1.keys() != {"a"}, v1.items() == {("a", 1), ("b", 2), ("c", 3)}, v1.keys() <= {"a", "b", "c", "d"})
print(list(reversed(v1)), list(reversed(v1.keys())), list(reversed(v1.values())), list(reversed(v1.items())))
