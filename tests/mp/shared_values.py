# Value, Array, RawValue, RawArray: every typecode, indexing, slices, errors, locks.
import multiprocessing as mp


def bump(v, a):
    with v.get_lock():
        v.value += 10
    for i in range(len(a)):
        a[i] = a[i] * 2


if __name__ == '__main__':
    for code, val in [('b', -5), ('B', 250), ('h', -300), ('H', 60000), ('i', -70000),
                      ('I', 4000000000), ('l', -2 ** 40), ('L', 2 ** 63), ('q', -2 ** 62),
                      ('Q', 2 ** 64 - 1), ('f', 1.5), ('d', 2.25), ('c', b'x'), ('u', 'z')]:
        v = mp.Value(code, val)
        r = mp.RawValue(code, val)
        print(code, v.value, r.value, type(v.value).__name__)
    print(mp.Value('i').value, mp.Value('d').value, mp.Value('c').value, repr(mp.Value('u').value))
    v = mp.Value('b', 127)
    v.value += 1
    print('b wraps:', v.value)
    v = mp.Value('B', 0)
    v.value -= 1
    print('B wraps:', v.value)
    f = mp.Value('f', 0.1)
    print('float32:', f.value)
    i = mp.Value('i', 7)
    try:
        i.value = 'x'
    except TypeError as e:
        print('TypeError:', e)
    try:
        i.value = 1.5
    except TypeError as e:
        print('TypeError:', e)
    try:
        mp.Value('z', 1)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

    a = mp.Array('i', [1, 2, 3, 4, 5])
    print(len(a), a[0], a[-1], a[1:3], a[:], a[::2], list(a), sum(a))
    a[1:3] = [20, 30]
    print(a[:])
    a[-1] = 50
    print(a[:])
    try:
        a[5]
    except IndexError as e:
        print('IndexError:', e)
    try:
        a[-6] = 1
    except IndexError as e:
        print('IndexError:', e)
    try:
        a[0:2] = [1, 2, 3]
    except ValueError as e:
        print('ValueError:', e)
    z = mp.Array('d', 3)
    print(z[:])
    c = mp.Array('c', b'hello')
    print(c.value, c.raw, c[:], c[0])
    c.value = b'hi'
    print(c.value, c.raw)
    u = mp.Array('u', 'abc')
    print(u[:], u.value if hasattr(u, 'value') else u[:])
    ra = mp.RawArray('i', 4)
    print(ra[:], len(ra))
    rb = mp.RawArray('d', [0.5, 1.5])
    print(rb[:])
    print(type(a.get_lock()).__name__ in ('RLock', 'Lock'), a.get_obj()[:] if hasattr(a.get_obj(), '__getitem__') else None)
    nl = mp.Value('i', 3, lock=False)
    print(nl.value, hasattr(nl, 'get_lock'))
    lk = mp.Lock()
    wl = mp.Value('i', 0, lock=lk)
    print(wl.get_lock() is lk)
    try:
        mp.Value('i', 0, lock=5)
    except AttributeError as e:
        print('AttributeError:', e)

    v = mp.Value('i', 5)
    arr = mp.Array('d', [1.0, 2.0, 3.0])
    p = mp.Process(target=bump, args=(v, arr))
    p.start()
    p.join()
    print(v.value, arr[:])
    with v:
        print('Value as a context manager holds its lock')

    # Arguments by keyword, missing, extra or unknown: CPython's messages.
    calls = [lambda: mp.RawValue(), lambda: mp.RawArray(), lambda: mp.Value(), lambda: mp.Array(),
             lambda: mp.Array('i'), lambda: mp.RawArray('i'), lambda: mp.Value('i', 1, 2),
             lambda: mp.RawValue('i', 1, 2), lambda: mp.Array('i', 3, 4),
             lambda: mp.RawArray('i', 3, 4), lambda: mp.Value('i', 1, foo=2),
             lambda: mp.RawValue('i', 1, lock=True), lambda: mp.Array('i', 3, foo=1),
             lambda: mp.RawArray('i', 3, lock=False), lambda: mp.Value('i', typecode_or_type='i'),
             lambda: mp.Value(typecode_or_type='d').value,
             lambda: mp.Array(typecode_or_type='i', size_or_initializer=[1, 2])[:],
             lambda: mp.RawArray('i', size_or_initializer=3)[:],
             lambda: mp.RawValue(typecode_or_type='i').value]
    for call in calls:
        try:
            print(call())
        except TypeError as e:
            print('TypeError:', e)
