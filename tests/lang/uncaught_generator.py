# An exception from inside a generator shows the generator frame.
def numbers():
    yield 1
    yield 2
    yield int("three")

for v in numbers():
    print(v)
