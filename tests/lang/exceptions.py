# Exceptions: hierarchy, tuples, raise from, __cause__/__context__, finally, nested try.
print(issubclass(KeyError, LookupError), issubclass(LookupError, Exception))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(FileNotFoundError, OSError))
print(issubclass(UnboundLocalError, NameError), issubclass(IndentationError, SyntaxError))
print(KeyError.__mro__)

def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [][3]
    if kind == 3:
        return int("abc")
    if kind == 4:
        return undefined_name
    if kind == 5:
        return "a" + 1
    if kind == 6:
        return None.foo
    return "ok"

for k in range(8):
    try:
        print(risky(k))
    except (ZeroDivisionError, KeyError) as e:
        print("arith/key", type(e).__name__, e, repr(e), e.args)
    except LookupError as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__, e)

def order():
    try:
        print("try")
        return "from try"
    finally:
        print("finally")
print(order())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed"
print(swallow())

try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise TypeError("outer") from e
except TypeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise KeyError("second")
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    try:
        raise ValueError("x")
    finally:
        print("finally runs")
except ValueError as e:
    print("outer caught", e)

try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
except KeyError as e:
    print("ctx", repr(e.__context__))

try:
    raise RuntimeError("no ctx") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

class SubError(AppError):
    pass

try:
    raise SubError(42, "custom")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))

class Plain(Exception):
    pass
print(repr(Plain()), repr(Plain(1, 2)), str(Plain(1, 2)), str(Plain("s")))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))

def reraise():
    try:
        raise IndexError("re")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("in handler")
    else:
        print("not here")
    finally:
        print("fin 1")
except Exception:
    print("not here either")

try:
    pass
except Exception:
    print("no")
else:
    print("else runs")
finally:
    print("fin 2")

e = None
try:
    raise ValueError("bound")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

try:
    raise Exception
except Exception as ex:
    print(repr(ex), ex.args)

try:
    assert 1 == 2, "math broke"
except AssertionError as ae:
    print("AssertionError:", ae)

try:
    raise 5
except TypeError as te:
    print("TypeError:", te)

def nested():
    try:
        try:
            raise KeyError("deep")
        except ValueError:
            print("wrong")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer got", e)
        return "done"
print(nested())
print(ZeroDivisionError("x").args, Exception("a", 1).args)
x = ValueError("v")
print(x.__traceback__ is None, x.__cause__, x.__context__)
