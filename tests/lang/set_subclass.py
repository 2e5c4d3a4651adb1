# A subclass of set is refused at the class statement with a clear TypeError: its
# instances would hold no set (`1 in S()` crashed the interpreter).
#
# Expected output written by hand: CPython supports subclassing set.
try:
    class S(set):
        pass
except TypeError as e:
    print('TypeError:', e)


class F(frozenset):
    pass


f = F([1, 2])
print(1 in f, len(f), sorted(f))
