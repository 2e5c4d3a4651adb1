# Manager: list, dict, Namespace and Value proxies; += / len / in / iteration /
# indexing / copy(); proxies passed to Process and to pool tasks; str() of proxies.
import multiprocessing as mp


def child_list(l, d, ns, v):
    l.append('from child')
    l[0] = 'changed'
    d['child'] = len(l)
    ns.x = ns.x + 1
    v.value = v.value * 2


def pool_task(args):
    d, i = args
    d[i] = i * i
    return i


def fail_to_rebuild():
    raise ValueError('cannot rebuild')


class Unbuildable:
    def __reduce__(self):
        return (fail_to_rebuild, ())


if __name__ == '__main__':
    with mp.Manager() as m:
        l = m.list([1, 2, 3])
        print(str(l), f'{l}', len(l), 2 in l, 9 in l, l[0], l[-1], l[0:2])
        l += [4, 5]
        print(l, list(l), [x * 2 for x in l], l[:], type(l[:]).__name__)
        l.append(6)
        l.extend([7])
        l.insert(0, 0)
        print(l, l.pop(), l.pop(0), l.index(3), l.count(1))
        l.remove(4)
        l.reverse()
        print(l)
        l.sort()
        print(l)
        del l[0]
        print(l, l == [2, 3, 5, 6], l + [9])
        try:
            l[100]
        except IndexError as e:
            print('IndexError:', e)

        d = m.dict({'a': 1})
        d['b'] = 2
        d.update(c=3)
        print(str(d), len(d), 'a' in d, 'z' in d, d['a'], d.get('z', 'none'))
        print(sorted(d.keys()), sorted(d.values()), sorted(d.items()), sorted(d))
        print(d.copy(), type(d.copy()).__name__, d.pop('c'), d.setdefault('e', 5))
        del d['e']
        print(d)
        try:
            d['missing']
        except KeyError as e:
            print('KeyError:', e)

        ns = m.Namespace(x=1, name='n')
        print(ns.x, ns.name)
        ns.y = [1, 2]
        print(ns.y)
        try:
            ns.nothing
        except AttributeError as e:
            print('AttributeError')

        v = m.Value('i', 21)
        print(v.value)
        p = mp.Process(target=child_list, args=(l, d, ns, v))
        p.start()
        p.join()
        print(l, d, ns.x, v.value)

        out = m.dict()
        with mp.Pool(2) as pool:
            done = pool.map(pool_task, [(out, i) for i in range(6)])
        print(done, sorted(out.items()))
        l2 = m.list()
        print(l2, len(l2), bool(len(l2)))
        # A request the server cannot rebuild fails alone; the server goes on.
        try:
            l2.append(Unbuildable())
        except Exception as e:
            print(type(e).__name__)
        l2.append(1)
        print(l2)
    print('manager shut down')
