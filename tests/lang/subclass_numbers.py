# Instances of int, float and str subclasses behave as the values they hold where
# their class adds nothing: comparisons with other numbers (also as dict keys),
# real/imag/numerator/denominator, json, arithmetic, round with ndigits.
import json
class I(int): pass
class F(float): pass
class S(str): pass
a = I(2)
print(a == 2.0, a < 2.5, a > 1.5, 2.0 == a, 2.5 > a, {2.0: 'x'}.get(a), {a: 'y'}.get(2.0))
print(a.real, a.imag, a.numerator, a.denominator, (5).real, True.numerator)
print(json.dumps([a, F(1.5), S('s'), {a: 1}]))
print(a + 0.5, 0.5 + a, a * 1.5, a / 4, a ** 0.5 > 1, divmod(a, 0.75))
print(F(1.5) == 1.5, F(1.5) < 2, {1.5: 1}.get(F(1.5)), F(2.0) == I(2), hash(F(2.0)) == hash(2))
print(a.bit_length(), a.to_bytes(2, 'big'), a.conjugate(), (2.5).is_integer(), F(2.0).is_integer())
print(max(I(3), 2.5), min(a, 1.5), sorted([I(3), 1.5, F(2.5), 2]))
print(round(I(7), -1), abs(I(-3)), -I(3), +I(3), ~I(3), I(3) << 1, float(I(3)), int(F(2.7)))
class R:
    def __round__(self, n=None):
        return ("r", n)
print(round(R()), round(R(), 2), round(R(), None))
