# slice.indices(length): start, stop and step resolved as indexing resolves them.
for s in [slice(None), slice(1, 10, 2), slice(-3, None), slice(None, None, -1), slice(5, -20, -2), slice(100, 200)]:
    print(s.indices(10), s.indices(0))
try:
    slice(1).indices(-1)
except ValueError as e:
    print(e)
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    slice(1).indices('x')
except TypeError as e:
    print(e)
print(slice(1, 2).indices(True))
