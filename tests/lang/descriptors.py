# property, staticmethod, classmethod.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def freezing():
        return 0

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
print(Temperature.freezing(), t.freezing())
u = Temperature.from_f(212)
print(type(u).__name__, u.celsius)

class Sub(Temperature):
    pass
s = Sub.from_f(32)
print(type(s).__name__, s.celsius)

class Shape:
    instances = 0
    def __init__(self):
        Shape.instances += 1
    @classmethod
    def count(cls):
        return cls.__name__ + ":" + str(Shape.instances)
Shape(); Shape()
print(Shape.count())

class P:
    def get_x(self):
        return 42
    x = property(get_x)
print(P().x)
print(type(Temperature.__dict__["celsius"]).__name__)
print(isinstance(Temperature.__dict__["freezing"], staticmethod))
print(isinstance(Temperature.__dict__["from_f"], classmethod))
