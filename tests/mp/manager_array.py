# A manager's Array holds an array.array in the server: it prints as one, checks its
# items as the typecode says, and its proxy offers what CPython's ArrayProxy offers.
import multiprocessing as mp


def work(a, v):
    a[0] = 10
    a[-1] = a[0] + a[1]
    v.value += 1


if __name__ == '__main__':
    with mp.Manager() as m:
        a = m.Array('i', [1, 2, 3])
        d = m.Array('d', range(3))
        v = m.Value('i', 5)
        print(a, len(a), a[1], a[0:2], d)
        print(str(a), f'{d}', v, v.value)
        p = mp.Process(target=work, args=(a, v))
        p.start()
        p.join()
        print(a[:], v.value, list(a), a[:] == a._getvalue())
        with mp.Pool(2) as pool:
            print(pool.map(len, [a, d]))
        for what, bad in [("a[0] = 'x'", lambda: a.__setitem__(0, 'x')),
                          ('a[0] = 2 ** 40', lambda: a.__setitem__(0, 2 ** 40)),
                          ('a[7]', lambda: a[7]),
                          ('a.append(4)', lambda: a.append(4)),
                          ("m.Array('i', 3)", lambda: m.Array('i', 3)),
                          ("m.Array('z', [1])", lambda: m.Array('z', [1]))]:
            try:
                bad()
            except Exception as e:
                print(what, '->', type(e).__name__)
        print(type(a).__name__, type(a).__module__, repr(a).startswith('<ArrayProxy object, typeid'))
