# __next__ and __iter__ of built-in iterators and generators, called directly.
it = iter([1, 2])
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration as e:
    print('stop', repr(e), e.args)
def g():
    yield 'a'
    return 5
x = g()
print(x.__iter__() is x, x.__next__())
try:
    x.__next__()
except StopIteration as e:
    print('stop', e.value)
f = iter(range(3)).__next__
print(f(), f(), hasattr(iter('ab'), '__next__'), hasattr([], '__next__'))
print(iter({1: 2}).__next__(), list(map(str, [1])).__iter__().__next__() if False else 'ok')
for call in (lambda: iter([1]).__next__(1), lambda: iter([1]).__next__(a=1),
             lambda: iter([1]).__iter__(1), lambda: g().__next__(2)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
