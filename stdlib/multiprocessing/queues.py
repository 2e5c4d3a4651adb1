# multiprocessing.queues: the queue types that multiprocessing.Queue and friends make.

import multiprocessing

Queue = type(multiprocessing.Queue())
SimpleQueue = type(multiprocessing.SimpleQueue())
JoinableQueue = type(multiprocessing.JoinableQueue())

from queue import Empty, Full
