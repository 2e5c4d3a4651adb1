# A NameError that ends the program suggests the closest name, as CPython 3.11's
# report does: the function's locals first, then the globals, then the builtins. The
# exception's own text (what a handler prints) has no suggestion.
count = 0


def average(values):
    total = 0
    for v in values:
        total += v
    return totl / len(values)


try:
    print(cuont)
except NameError as e:
    print('caught:', e)
try:
    pirnt('x')
except NameError as e:
    print('caught:', e)
print(average([1, 2, 3]))
