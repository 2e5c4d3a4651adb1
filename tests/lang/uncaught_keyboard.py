# KeyboardInterrupt that escapes exits like an interrupted CPython.
def loop():
    n = 0
    while True:
        n += 1
        if n == 1000:
            raise KeyboardInterrupt

print("looping")
loop()
