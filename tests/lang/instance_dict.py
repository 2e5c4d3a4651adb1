# obj.__dict__ and vars(obj) are the instance's attributes: writes through them stick.
class P:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.n = 0
p = P(a=1, b=[2])
d = p.__dict__
print(d, vars(p) is d, p.a, p.b)
p.c = 3
print(d)
del p.a
print(d, hasattr(p, 'a'))
d['x'] = 'via dict'
print(p.x)
del d['b']
print(hasattr(p, 'b'), sorted(vars(p)))
for i in range(20):
    setattr(p, 'f%d' % i, i)
print(len(p.__dict__), p.f19)
p.__dict__.clear()
print(vars(p), hasattr(p, 'n'))
import json
q = P(k=1)
print(json.dumps(q.__dict__), dict(q.__dict__), {**q.__dict__})
