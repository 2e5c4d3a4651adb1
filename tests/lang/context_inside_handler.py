# An exception raised and caught inside an except block has the handled one as its
# __context__, as CPython sets it when it is raised.
try:
    raise KeyError(1)
except KeyError:
    try:
        raise ValueError(2)
    except ValueError as e:
        print(repr(e.__context__))
    try:
        1 / 0
    except ZeroDivisionError as e:
        print(repr(e.__context__))
try:
    raise KeyError(3)
except KeyError as outer:
    try:
        raise outer
    except KeyError as same:
        print(same is outer, repr(same.__context__))
def f():
    try:
        raise TypeError('t')
    except TypeError:
        pass
try:
    raise OSError('o')
except OSError:
    try:
        f()
    except Exception:
        pass
    try:
        raise RuntimeError('r')
    except RuntimeError as e:
        print(repr(e.__context__))
e = ValueError('pre')
try:
    raise e
except ValueError as x:
    print(repr(x.__context__))
