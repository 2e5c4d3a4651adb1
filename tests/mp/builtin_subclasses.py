# Instances of str and int subclasses through a Queue and a Pool keep their class.
import multiprocessing as mp

class S(str):
    def shout(self):
        return self.upper() + '!'

class N(int):
    pass

def work(x):
    return type(x).__name__, x * 2

if __name__ == '__main__':
    q = mp.Queue()
    q.put(S('hi'))
    q.put(N(4))
    a, b = q.get(), q.get()
    print(type(a).__name__, a.shout(), type(b).__name__, b + 1)
    with mp.Pool(2) as pool:
        print(pool.map(work, [N(1), S('ab')]))
