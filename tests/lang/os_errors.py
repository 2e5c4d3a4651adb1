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


# str() from the attributes; keywords refused; an own __init__ starts from empty args.
def t3(f):
    try:
        r = f()
        print('ok', repr(r), str(r) if isinstance(r, BaseException) else '')
    except Exception as e:
        print(type(e).__name__, e)
try:
    os.rename('/nonexistent/a', '/nonexistent/b')
except OSError as e:
    print(str(e), e.args, e.filename, e.filename2)
e = OSError(); e.errno = 3; e.strerror = 'zz'; print(repr(str(e)))
e = OSError(2, 'x', 'f'); e.errno = 5; e.strerror = 'y'; print(str(e))
e = OSError(2, 'x', 'f'); e.args = (5, 'z'); print(str(e))
e = OSError(2, 'x', 'f'); e.filename = None; print(str(e))
class F(OSError):
    def __init__(self, *a):
        pass
f = F(2, 'x', 'f'); print(f.args, repr(str(f)), repr(f), f.errno)
class G(OSError):
    def __init__(self, *a):
        super().__init__(*a)
        self.args = ('over',)
g = G(2, 'x', 'f'); print(g.args, str(g), g.filename)
t3(lambda: Exception(a=1))
t3(lambda: ValueError('x', a=1))
t3(lambda: OSError(errno=2))
t3(lambda: OSError(2, 'x', filename='f'))
class E(Exception):
    pass
t3(lambda: E(a=1))
t3(lambda: ImportError('x', bogus=1))
t3(lambda: ImportError('x', name='m', path='p').name)
t3(lambda: OSError(2, 'x', None, None, 'f2').filename2)
t3(lambda: OSError(None, None))
t3(lambda: OSError(1))
