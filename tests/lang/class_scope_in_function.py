# A class defined inside a function: the names its body binds live in the class (they
# were written to the function's variable of the same name), while its methods and
# comprehensions see the function's variables, not the class body's.
def make():
    y = 'outer'

    class D:
        y = 'class'
        z = [y for _ in range(1)]
        w = y

        def m(self):
            return y

    return D().m(), D.y, D.z, D.w, y


print(make())


def counter():
    count = 0

    class Box:
        count = 10

        def bump(self):
            nonlocal count
            count += 1
            return count

    b = Box()
    b.bump()
    return b.bump(), Box.count, count


print(counter())


def reads_outer():
    x = 1

    class C:
        v = x + 1

        def get(self):
            return x

    return C.v, C().get()


print(reads_outer())


def shadowed():
    x = 1

    class C:
        print(x)
        x = 2
        print(x)

    return C.x


try:
    shadowed()
except NameError as e:
    print('NameError:', e)


def nonlocal_in_body():
    x = 'func'

    class C:
        nonlocal x
        x = 'set'

    return x, 'x' in C.__dict__


print(nonlocal_in_body())
