# An exception raised while handling another one.
def cleanup():
    raise OSError("disk gone")

try:
    [1, 2, 3][10]
except IndexError:
    print("handling")
    cleanup()
