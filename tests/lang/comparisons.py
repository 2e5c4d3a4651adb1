# Chained comparisons, mixed types, ordering of containers.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 < 2 < 3 < 4 < 3)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print(1 == 1.0 == True, 2 != 2.0, 1 < 1.5, 3 >= 3.0)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] < [0])
print("abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc")
print((1, 2) == (1, 2), [1, 2] == (1, 2), {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(None == None, None == 0, None is None, 0 == False, "" == False)
print(2 ** 100 > 1e30, 2 ** 100 == 1.2676506002282294e30, 10 ** 30 < 1e30 + 1)
print(float("inf") > 2 ** 1000, -float("inf") < -2 ** 1000)
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print("TypeError:", e)
print(max("a", "b"), min([3, 1], [2, 9]), [3] > [2, 9])
print(1 in [1, 2], 3 not in (1, 2), "a" in "cat", 1 in {1: 0}, [] in [[]])
a = [1, 2]
print(a == [1, 2] == list(a), a is not [1, 2])
print(not 1 == 2, not (1 < 2), (not 1) == 2)
