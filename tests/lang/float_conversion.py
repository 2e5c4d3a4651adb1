# float() of objects: __float__ must return a float, __index__ is the fallback; str()
# with an encoding needs bytes.


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
