# Shared and cyclic data keep their shape across processes, as pickle keeps it:
# an object graph with back references, one list twice, a list that contains itself,
# through a Queue, a Pipe and a pool's results.
import multiprocessing as mp


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []


def tree():
    root = Node('root')
    for n in ('a', 'b'):
        child = Node(n, root)
        root.children.append(child)
    return root


def make(_):
    row = [0, 0]
    loop = [1]
    loop.append(loop)
    return tree(), [row, row], loop


def check(root, pair, loop):
    print(root.name, [c.name for c in root.children],
          all(c.parent is root for c in root.children))
    pair[0][0] = 1
    print(pair, pair[0] is pair[1], loop[1] is loop, loop)


if __name__ == '__main__':
    q = mp.Queue()
    q.put(make(None))
    check(*q.get())
    a, b = mp.Pipe()
    d = {'name': 'self'}
    d['me'] = d
    a.send(d)
    got = b.recv()
    print(got['me'] is got, got)
    with mp.Pool(2) as pool:
        for result in pool.map(make, range(2)):
            check(*result)
