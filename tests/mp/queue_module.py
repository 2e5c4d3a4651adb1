# queue's in-process Queue, LifoQueue, PriorityQueue and SimpleQueue as in CPython,
# filled by pool callbacks while the process waits in get(), and copied (not shared)
# into a child, as CPython's are.
import queue
import multiprocessing as mp
from queue import Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full

q = Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except Empty:
    print('Empty', Empty, queue.Empty is Empty)
try:
    q.get(timeout=0.05)
except queue.Empty as e:
    print('timed out', repr(e))
b = Queue(maxsize=2)
b.put(1); b.put(2)
print(b.full())
try:
    b.put(3, block=False)
except Full:
    print('Full', Full)
try:
    b.put(3, timeout=0.02)
except queue.Full:
    print('full after timeout')
l = LifoQueue()
for x in 'abc':
    l.put(x)
print([l.get() for _ in range(3)])
p = PriorityQueue()
for x in [5, 1, 4, 2, 3, 9, 0, 7]:
    p.put((x, str(x)))
print([p.get() for _ in range(8)])
s = SimpleQueue()
s.put('x'); print(s.qsize(), s.get(), s.empty())
j = Queue()
j.put('task')
j.get(); j.task_done(); j.join()
print('joined', j.unfinished_tasks)
try:
    j.task_done()
except ValueError as e:
    print(e)


def square(x):
    return x * x


if __name__ == '__main__':
    results = Queue()
    with mp.Pool(2) as pool:
        for i in range(4):
            pool.apply_async(square, (i,), callback=results.put)
        got = sorted(results.get(timeout=10) for _ in range(4))
    print('from callbacks:', got)

    def child(q):
        q.put('from child')
        print('child sees', q.qsize())
    shared = Queue()
    c = mp.Process(target=child, args=(shared,))
    c.start(); c.join()
    print('parent sees', shared.qsize())
