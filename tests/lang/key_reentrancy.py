# Dict and set lookups whose keys' __eq__ reads or changes the table being searched,
# or raises: the lookup sees the change, and the error reaches the caller.


class Key:
    '''A key equal to any other Key, whose __eq__ runs `action` first.'''
    action = None

    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if Key.action is not None:
            Key.action()
        return isinstance(other, Key)

    def __repr__(self):
        return 'Key(%s)' % self.name


def run(title, action, body):
    Key.action = action
    try:
        print(title, body())
    except Exception as e:
        print(title, 'raised', type(e).__name__, e)
    Key.action = None


d = {}


def reset_dict():
    d.clear()
    d[Key('a')] = 1


def dict_case(title, action, body):
    reset_dict()
    run(title, action, body)
    print('  dict now', d)


# Reading the dict from __eq__ sees it whole.
dict_case('len during get', lambda: print('  len', len(d)), lambda: d[Key('b')])
dict_case('iter during set', lambda: print('  keys', list(d)), lambda: d.__setitem__(Key('b'), 2))
dict_case('in during contains', lambda: print('  has 0', 0 in d), lambda: Key('b') in d)

# Changing it: the key compared with is gone, so the search starts again.
dict_case('clear during set', lambda: d.clear(), lambda: d.__setitem__(Key('b'), 2))
dict_case('clear during get', lambda: d.clear(), lambda: d.get(Key('b'), 'missing'))
dict_case('pop during pop', lambda: d.pop(0, None), lambda: d.pop(Key('b')))
dict_case('add during setdefault', lambda: d.setdefault(0, 'zero'), lambda: d.setdefault(Key('b'), 5))


def boom():
    raise ValueError('no comparing today')


dict_case('error in get', boom, lambda: d[Key('b')])
dict_case('error in set', boom, lambda: d.__setitem__(Key('b'), 2))
dict_case('error in del', boom, lambda: d.__delitem__(Key('b')))
dict_case('error in in', boom, lambda: Key('b') in d)
dict_case('error in update', boom, lambda: d.update({Key('b'): 2}))

s = set()


def set_case(title, action, body):
    s.clear()
    s.add(Key('a'))
    run(title, action, body)
    print('  set now', sorted(map(repr, s)))


set_case('len during add', lambda: print('  len', len(s)), lambda: s.add(Key('b')))
set_case('add during add', lambda: s.add(0), lambda: s.add(Key('b')))
set_case('clear during add', lambda: s.clear(), lambda: s.add(Key('b')))
set_case('pop during in', lambda: s.discard(0), lambda: Key('b') in s)
set_case('update during discard', lambda: s.update([0]), lambda: s.discard(Key('b')))
set_case('error in add', boom, lambda: s.add(Key('b')))
set_case('error in remove', boom, lambda: s.remove(Key('b')))
set_case('error in update', boom, lambda: s.update([Key('b')]))
set_case('error in |=', boom, lambda: s.__ior__({Key('b')}))

# The same object is found without asking __eq__, even a NaN.
nan = float('nan')
print({nan: 1}[nan], nan in {nan}, nan in [nan])
k = Key('k')
Key.action = boom
print({k: 'found'}[k], k in {k})
Key.action = None

# A key that compares equal keeps its first object; the value is replaced.
d = {Key('first'): 1}
d[Key('second')] = 2
print(d)
s = {Key('first')}
s.add(Key('second'))
print(s)

# Keys and items views look the key up (its __eq__ may change the dict) rather than
# iterate.
d = {Key('a'): 1, 1: 'one', (2, 3): [4]}
Key.action = lambda: d.clear()
print(Key('b') in d.keys(), d)
d = {Key('a'): 1}
print((Key('b'), 1) in d.items(), d)
Key.action = None
d = {1: 'a', (2, 3): [4]}
print(1 in d.keys(), 2 in d.keys(), (1, 'a') in d.items(), (1, 'b') in d.items())
print(((2, 3), [4]) in d.items(), (1,) in d.items(), 'a' in d.values(), 5 in d.items())
try:
    print(([], 1) in d.items())
except TypeError as e:
    print('TypeError', e)
