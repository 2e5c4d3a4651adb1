from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], c.most_common(2), c.most_common(), sorted(c.elements()))
c.update('aaz'); print(c)
c.subtract({'b': 1}); print(c)
c.update({'q': 2}); print(c, len(c))
print(Counter(a=3, b=1) + Counter(a=1), Counter(a=3) - Counter(a=1), Counter())
print(Counter(['x', 'y', 'x']).most_common(1)[0])
d = defaultdict(list)
d['x'] += [1]
d['y']
print(d, d['x'], 'z' in d)
d2 = defaultdict(int)
for w in 'the cat the hat'.split() if False else ['the', 'cat', 'the', 'hat']:
    d2[w] += 1
print(d2)
o = OrderedDict()
o['b'] = 1; o['a'] = 2; o['c'] = 3
print(o)
o.move_to_end('b'); print(o)
print(o.popitem(), o.popitem(last=False), o)
q = deque([1, 2, 3], maxlen=3)
q.append(4); print(q)
q.appendleft(0); print(q)
print(q.pop(), q.popleft(), q, len(q))
q = deque(range(5)); q.rotate(2); print(q); q.rotate(-1); print(q)
q.extend([9, 8]); q.extendleft([7]); print(q, 3 in q, q[0], q[-1])
try:
    deque().pop()
except IndexError as e:
    print(e)
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[1], Point._fields)
print(p._asdict(), p._replace(x=5), p == (1, 2), p == Point(1, 2))
x, y = p
print(x + y, type(p).__name__, len(p), list(p))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0])
print(P3(1, 2), P3(1, 2, 3))
try:
    Point(1)
except TypeError as e:
    print(e)
