# An AttributeError that ends the program suggests the closest attribute of the
# object (its dir()), as CPython 3.11's report does; nothing when no name is close
# (a transposition costs two edits), and never in the exception's own text.
import multiprocessing


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


try:
    multiprocessing.Proces
except AttributeError as e:
    print('caught:', e)
p = Point(3, 4)
try:
    p.nrom()
except AttributeError as e:
    print('caught:', e)
try:
    'text'.uper()
except AttributeError as e:
    print('caught:', e)
print(p.norm())
p.nomr_squared = 1
print(p.norm_squared)
