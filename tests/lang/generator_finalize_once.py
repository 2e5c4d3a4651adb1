# A dropped generator is finalized once, as in CPython: one that keeps yielding after
# GeneratorExit is reported and dropped (it was closed again and again, forever), one
# that catches GeneratorExit and yields in a try/finally is not closed a second time;
# and a generator still suspended in a global when the program ends is closed then.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")


w = stubborn()
next(w)
del w
print("after stubborn")


def once():
    try:
        yield 1
    except GeneratorExit:
        print("caught once")
    try:
        yield 2
    finally:
        print("second finally")


o = once()
next(o)
del o
print("after once")


def last():
    try:
        yield 1
    finally:
        print("closed at the end")


kept = last()
next(kept)
print("end of the program")
