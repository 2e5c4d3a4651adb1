# A generator dropped while suspended is closed, as CPython closes it when its last
# reference goes: its finally blocks and with exits run before the next statement,
# and one that ignores GeneratorExit is reported on stderr.
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print('closed', tag)

it = g('del')
next(it)
del it
print('after del')

for x in g('break'):
    break
print('after break')

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
del s
print('after stubborn')

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)

def with_cm():
    with CM():
        yield 1
        yield 2

w = with_cm()
next(w)
w = None
print('after with')

def nested():
    inner = g('inner')
    next(inner)
    yield 'outer'

n = nested()
next(n)
del n
print('after nested')
print(sum(x for x in range(10)))
gen = (x for x in range(5))
next(gen)
del gen
print('end')
