# queue: FIFO, LIFO and priority queues inside one process, and the errors
# multiprocessing's queues raise. Without threads, what fills a queue while its
# process waits is a pool's callback or a signal handler, which run during the wait
# (a child forked with a queue gets its own copy, as in CPython).
from _queue import Empty, Full
from collections import deque
import time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

# How long one look sleeps while waiting: pool callbacks and handlers run inside it.
_SLICE = 0.005


def _wait_until(ready, timeout, error):
    '''Waits until ready() (at most `timeout` seconds; None: forever), else raises.'''
    if timeout is not None:
        if timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        deadline = time.monotonic() + timeout
    while not ready():
        if timeout is None:
            time.sleep(_SLICE)
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise error
        time.sleep(min(left, _SLICE))


class Queue:
    '''A first-in, first-out queue of at most `maxsize` items (0: no limit).'''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1

    def join(self):
        _wait_until(lambda: not self.unfinished_tasks, None, None)

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            if not block:
                raise Full
            _wait_until(lambda: self._qsize() < self.maxsize, timeout, Full())
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if not self._qsize():
            if not block:
                raise Empty
            _wait_until(self._qsize, timeout, Empty())
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    '''Items come out smallest first, from a binary heap kept as heapq keeps it (so
    equal items come out in the same order as in CPython).'''

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)
        _sift_toward_root(self.queue, 0, len(self.queue) - 1)

    def _get(self):
        heap = self.queue
        last = heap.pop()
        if not heap:
            return last
        top = heap[0]
        heap[0] = last
        # Down to a leaf along the smaller children, then back up to its place.
        pos, end = 0, len(heap)
        item = heap[0]
        child = 1
        while child < end:
            if child + 1 < end and not heap[child] < heap[child + 1]:
                child += 1
            heap[pos] = heap[child]
            pos = child
            child = 2 * pos + 1
        heap[pos] = item
        _sift_toward_root(heap, 0, pos)
        return top


def _sift_toward_root(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) // 2
        if not item < heap[parent]:
            break
        heap[pos] = heap[parent]
        pos = parent
    heap[pos] = item


class LifoQueue(Queue):
    '''Items come out last in, first out.'''

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''An unbounded first-in, first-out queue, without task tracking.'''

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)

    def put_nowait(self, item):
        self._queue.append(item)

    def get(self, block=True, timeout=None):
        if not self._queue:
            if not block:
                raise Empty
            _wait_until(lambda: self._queue, timeout, Empty())
        return self._queue.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._queue

    def qsize(self):
        return len(self._queue)
