# What spindle's executor does beyond CPython's: lambdas, closures and functions
# defined after the executor started are sent to its workers (CPython cannot pickle
# them), and ThreadPoolExecutor, which needs threads, says so when used.
#
# Expected output written by hand: CPython's first lambda fails with
# "Can't pickle <function <lambda>>", and its ThreadPoolExecutor runs the calls.
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed


def scaled(k):
    def scale(x):
        return k * x
    return scale


if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        print(ex.submit(lambda x: x + 1, 41).result())
        print(list(ex.map(scaled(3), range(5))))
        print(list(ex.map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6], chunksize=2)))

        def late(x):
            return 'late %d' % x
        print(sorted(f.result() for f in as_completed([ex.submit(late, i) for i in range(3)])))
    try:
        ThreadPoolExecutor(4)
    except NotImplementedError as e:
        print('NotImplementedError:', e)
