# The usual slips with pool arguments (args not a tuple, kwds not a dict, starmap
# items that are not tuples, a chunksize that is not a number): CPython's errors.
import multiprocessing as mp
def g(*a): return a
def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)
if __name__ == '__main__':
    with mp.Pool(1) as pool:
        show('apply int', lambda: pool.apply(g, 5))
        show('apply str', lambda: pool.apply(g, 'ab'))
        show('apply kw list', lambda: pool.apply(g, (), [1]))
        show('starmap ints', lambda: pool.starmap(g, [1, 2]))
        show('map int', lambda: pool.map(g, 5))
        show('chunksize str', lambda: pool.map(g, [1], 'x'))
        show('apply_async int', lambda: pool.apply_async(g, 5).get())
    show('Process args int', lambda: mp.Process(target=g, args=5))
