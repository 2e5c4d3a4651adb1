# OSErrors cross processes with their subclass, errno and filenames.
import multiprocessing as mp
def f(x):
    open('/nonexistent/' + x)
def g(x):
    raise OSError(2, 'custom', x)
if __name__ == '__main__':
    with mp.Pool(1) as p:
        for fn in (f, g):
            try:
                p.apply(fn, ('a',))
            except OSError as e:
                print(type(e).__name__, e.errno, e.filename, e.args, e)
    q = mp.Queue()
    q.put(OSError(13, 'denied', 'file', None, 'other'))
    e = q.get()
    print(type(e).__name__, e.filename, e.filename2, e)
