# An AttributeError raised by __getattr__ (or a property) reaches the caller with its
# own message; hasattr and getattr with a default still treat it as missing.
class C:
    def __getattr__(self, name):
        raise AttributeError('no key %r in config' % name)
c = C()
try:
    c.x
except AttributeError as e:
    print(e)
print(hasattr(c, 'y'), getattr(c, 'z', 'default'))
class D:
    def __getattr__(self, name):
        if name == 'ok':
            return 1
        raise AttributeError(name)
d = D()
print(d.ok)
try:
    d.nope
except AttributeError as e:
    print(repr(e))
class E:
    @property
    def p(self):
        raise AttributeError('inside property')
try:
    E().p
except AttributeError as e:
    print(e)
print(hasattr(E(), 'p'))


class F:
    @property
    def x(self):
        raise AttributeError('from the property')

    def __getattr__(self, name):
        return 'fallback ' + name


print(F().x)


class G:
    @property
    def x(self):
        raise AttributeError('from the property, no fallback')


try:
    G().x
except AttributeError as e:
    print(e)
