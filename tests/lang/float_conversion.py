# float() of objects: __float__ must return a float, __index__ is the fallback; str()
# with an encoding or errors decodes bytes; bytes() of a str encodes it; both take
# their parameters by name.


class I:
    def __index__(self):
        return 3


class F:
    def __float__(self):
        return 2.5


class BadF:
    def __float__(self):
        return '2.5'


class IntF:
    def __float__(self):
        return 2


class Neither:
    pass


for make in [lambda: float(I()), lambda: float(F()), lambda: float(BadF()), lambda: float(IntF()),
             lambda: float(Neither()), lambda: str([1], 'ascii'), lambda: str(b'ab', 'ascii'),
             lambda: str(5, encoding='utf-8'), lambda: bytes(F()), lambda: pow(2.0, I())]:
    try:
        print(make())
    except TypeError as e:
        print('TypeError', e)


for f in [lambda: str(b'\xe9', 'latin-1'), lambda: str(b'\xff', 'ascii'), lambda: str(b'\xff', 'utf-8', 'replace'),
          lambda: str(b'abc', errors='strict'), lambda: str(b'\xff', errors='ignore'), lambda: str(b'a', 'nope'),
          lambda: str(b'a', 5), lambda: str(object=b'a', encoding='utf-8'), lambda: str(object=5), lambda: str(),
          lambda: str(b'ab'), lambda: str([1], 'ascii'), lambda: str(5, errors='x'), lambda: str(x=1),
          lambda: str(1, 2, 3, 4), lambda: str(b'a', encoding='utf-8', object=b'b')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for f in [lambda: bytes(source=b'abc'), lambda: bytes(source='a', encoding='utf-8'), lambda: bytes(x=1), lambda: bytes('é', 'latin-1'),
          lambda: bytes('é', 'ascii'), lambda: bytes('é', 'ascii', 'replace'), lambda: bytes('a'), lambda: bytes(b'a', 'utf-8'),
          lambda: bytes(3), lambda: bytes([1, 2]), lambda: bytes(), lambda: bytes(errors='x'), lambda: bytes(b'a', errors='x'),
          lambda: bytes(encoding='utf-8'), lambda: bytes('a', 'utf-8', 'strict', 4), lambda: bytes(5.0)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
