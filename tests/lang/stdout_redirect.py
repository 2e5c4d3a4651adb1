# print() writes to whatever sys.stdout is now (a program's own writer, a file), and
# to a file= target piece by piece, each argument, separator and end in its own
# write(), as CPython does.
import os
import sys
import tempfile


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append('<flush>')


cap = Capture()
print('a', 1, [2], sep='-', file=cap, flush=True)
saved = sys.stdout
sys.stdout = cap
print('hidden', 42)
print()
sys.stdout = saved
print(cap.parts)
sys.stdout = sys.__stdout__
print('back')
path = os.path.join(tempfile.mkdtemp(), 'log.txt')
with open(path, 'w') as f:
    sys.stdout = f
    print('logged', 7)
    sys.stdout = sys.__stdout__
with open(path) as f:
    print(f.read(), end='')
sys.stdout = None
print('nowhere')
sys.stdout = sys.__stdout__
print('after None')
