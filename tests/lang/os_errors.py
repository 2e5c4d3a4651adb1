# OSError as CPython builds it: an errno picks the subclass, filenames become attributes
# (args keep errno and strerror), str() shows them; a subclass with its own __init__
# gets its arguments as given.
for args in [(2, 'nf'), (2, 'nf', 'file.txt'), (13, 'denied'), (17, 'exists'), (1,), ('x',), (), (32, 'pipe'), (11, 'again'), (4, 'intr'), (110, 't/o')]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, str(e))
try:
    open('/nonexistent/x')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename, e.args, e)
e = FileNotFoundError(2, 'gone', 'f')
print(e.errno, e.args, e)
print(isinstance(OSError(2, 'x'), FileNotFoundError), IOError is OSError, EnvironmentError is OSError)
class MyErr(OSError):
    pass
e = MyErr(2, 'mine', 'f')
print(type(e).__name__, e.args, e.filename, e)
e = OSError(2, 'a', None)
print(type(e).__name__, e.args, e.filename, e)
e = OSError(2, 'a', 'x', None, 'y')
print(type(e).__name__, e.args, e.filename, e.filename2, e)
e = OSError(2, 'a', 'x', None, 'y', 6)
print(type(e).__name__, e.args, e.filename, e)
e = OSError('2', 'a', 'f')
print(type(e).__name__, e.args, e.errno, e.filename, e)
try:
    raise FileNotFoundError(2, 'x', 'p')
except OSError as err:
    print(repr(err), err.filename)
import os
try:
    os.remove('/nonexistent/zz')
except OSError as err:
    print(repr(err), err.filename, err.args)
e.filename = 'changed'
print(e)


class Own(OSError):
    def __init__(self, url, code, msg):
        self.args = (url, code, msg)


e = Own('u', 2, 'm')
print(type(e).__name__, e.args, e.filename, e.errno)
