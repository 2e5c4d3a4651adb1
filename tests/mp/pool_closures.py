# Functions CPython cannot send to a pool: lambdas, closures, nested functions, a
# function defined after the pool started. Bound methods and partials work in both.
#
# Expected output written by hand: CPython fails at the first lambda with
# "Can't pickle <function <lambda>>"; this is what spindle must print.
import functools
import multiprocessing as mp


class Scaler:
    def __init__(self, k):
        self.k = k

    def scale(self, x):
        return x * self.k


def power(x, e):
    return x ** e


def make_adder(n):
    def add(x):
        return x + n
    return add


def main():
    with mp.Pool(2) as pool:
        print(pool.map(lambda x: x * x, range(10)))
        offset = 100
        print(pool.map(lambda x: x + offset, [1, 2, 3]))
        print(pool.map(make_adder(5), [1, 2, 3]))

        def nested(x):
            return -x
        print(pool.map(nested, [1, 2]))
        print(pool.map(Scaler(3).scale, [1, 2]))
        print(pool.map(functools.partial(power, e=3), [1, 2, 3]))

        def defined_after_start(x):
            return str(x) * 2
        print(pool.apply(defined_after_start, (4,)))
        print(sorted(pool.imap_unordered(lambda s: s.upper(), ['a', 'b'])))
        print(pool.starmap(lambda a, b: a * b, [(2, 3), (4, 5)]))
        r = pool.apply_async(lambda: 1 / 0)
        try:
            r.get()
        except ZeroDivisionError as e:
            print('ZeroDivisionError:', e)
        print(pool.map(lambda x: x, []))


if __name__ == '__main__':
    main()
