# Deeply nested dicts, lists and tuples still alive when the program ends are freed
# without overflowing the stack (a 100,000-deep dict aborted at exit). No function or
# class here: one would keep the module's globals alive past the end.
d = None
for i in range(200000):
    d = {'v': i, 'k': d}
l = None
for i in range(200000):
    l = [i, l]
t = None
for i in range(200000):
    t = (i, t)
depth = 0
x = d
while x is not None:
    depth += 1
    x = x['k']
print('built', depth)
