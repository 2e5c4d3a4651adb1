# list methods, on plain lists and on instances of a list subclass.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend((7,))
a.extend("中文")
a.extend(range(2))
a.extend({"k": 1})
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
b = [1, 2, 3, 2, 1]
b.remove(2)
print(b, b.index(1), b.index(1, 1), b.index(2, -3), b.index(3, 0, 100), b.count(1), b.count(9))
print([1, 1.0, True].count(1), [[1], [1]].count([1]), ["a", "b"].index("b"))
nan = float("nan")
print([nan].count(nan), [nan].index(nan))
c = [5, 2, 9, 1]
c.sort()
print(c)
c.sort(reverse=True)
print(c)
words = ["banana", "Apple", "cherry", "apple", "香蕉", "苹果"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=None)
print(pairs)
mixed = [3.5, 1, True, 2.25]
mixed.sort()
print(mixed)
c.reverse()
print(c, c.copy(), c.copy() is c)
c.clear()
print(c, len(c))
e = [1, 2]
e.extend(e)
print(e)
attempt("pop empty", lambda: [].pop())
attempt("pop range", lambda: [1].pop(5))
attempt("pop -2", lambda: [1].pop(-2))
attempt("pop('a')", lambda: [1].pop("a"))
attempt("pop(1.0)", lambda: [1].pop(1.0))
attempt("pop(x=1)", lambda: [].pop(x=1))
attempt("remove missing", lambda: [].remove(1))
attempt("index 3", lambda: [1].index(3))
attempt("index 'a'", lambda: [1].index("a"))
attempt("index window", lambda: [1, 2, 3].index(1, 1))
attempt("index()", lambda: [].index())
attempt("index(1,'a')", lambda: [1].index(1, "a"))
attempt("index(1,0,'b')", lambda: [1, 2].index(1, 0, "b"))
attempt("sort(1)", lambda: [].sort(1))
attempt("sort(k=1)", lambda: [].sort(k=1))
attempt("sort mixed", lambda: [1, "a"].sort())
attempt("sort key=1 empty", lambda: [].sort(key=1))
attempt("sort key=1", lambda: [3, 1].sort(key=1))
attempt("insert(1)", lambda: [].insert(1))
attempt("insert('a',1)", lambda: [].insert("a", 1))
attempt("extend(1)", lambda: [].extend(1))
attempt("extend()", lambda: [].extend())
attempt("append()", lambda: [].append())
attempt("append(1,2)", lambda: [].append(1, 2))
attempt("append(x=1)", lambda: [].append(x=1))
attempt("count()", lambda: [].count())
attempt("copy(1)", lambda: [].copy(1))
attempt("reverse(1)", lambda: [].reverse(1))
attempt("clear(1)", lambda: [].clear(1))
attempt("list.append(1,2)", lambda: list.append(1, 2))

# unbound and bound method objects
f = [].append
lst = []
list.append(lst, "x")
add = lst.append
add("y")
print(lst)


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
s.insert(0, 0)
print(s, len(s), s.peek(), s.pop(), s.index(2), s.count(1), s)
s.sort(reverse=True)
s.reverse()
print(s, s.copy(), type(s.copy()).__name__)
s.remove(0)
s.clear()
print(s, len(s))
t = Stack([5, 6, 7])
print(t, t.pop(0), t)


class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)


g = Logged()
g.append(1)
g.append(2)
print(g, sum(g))


class Tens(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 10

    def __setitem__(self, i, v):
        super().__setitem__(i, v if isinstance(i, slice) else v + 1)

    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)


tl = Tens([1, 2, 3])
tl[0] = 5
tl[1:2] = [7, 8]
print(tl[0], tl[1], tl[0:2], list(tl), list(reversed(tl)), 7 in tl, len(tl), list.__len__(tl))
del tl[0]
print(list(tl), list(reversed(Stack([1, 2, 3]))))
