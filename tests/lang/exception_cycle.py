# An exception that is its own cause: the traceback is printed once, never looped.
try:
    try:
        raise KeyError("a")
    except KeyError as k:
        e = ValueError("b")
        k.__context__ = e
        raise e
except ValueError as v:
    print(type(v.__context__).__name__, v.__context__.__context__ is v)
e = ValueError("self")
e.__cause__ = e
raise e
