# concurrent.futures: futures and the process pool executor (concurrent.futures.process).
#
# ThreadPoolExecutor needs threads, which spindle does not have: the name exists so that
# a program importing both executors runs its process part, and using it says why.

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                      CancelledError, TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait, as_completed)
from concurrent.futures.process import ProcessPoolExecutor

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ProcessPoolExecutor', 'ThreadPoolExecutor')


class ThreadPoolExecutor(Executor):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('ThreadPoolExecutor needs threads, which spindle does not '
                                  'have; ProcessPoolExecutor has the same interface')
