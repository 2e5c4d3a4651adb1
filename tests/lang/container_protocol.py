print(hasattr(range(5), '__len__'), hasattr([], '__iter__'), hasattr("", '__contains__'), hasattr({1}, '__getitem__'))
print(list.__len__([1, 2]), str.__contains__("abc", "b"), tuple.__getitem__((1, 2), 1), sorted(set.__iter__({3, 1})))
print(len(range(10)), 3 in range(5), list(iter((1, 2))))
class L(list):
    pass
l = L([1, 2, 3])
print(len(l), bool(L()), list(l), l[1])
