# A generator suspended in a frame that an uncaught error unwinds is closed before the
# process ends (its finally runs, after the traceback, as in CPython's finalization).
def g():
    try:
        yield 1
    finally:
        print("fin")
def h():
    x = g(); next(x)
    1/0
h()
