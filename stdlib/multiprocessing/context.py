# multiprocessing.context: where CPython defines multiprocessing's errors and its
# contexts, so that these classes are found (and sent between processes) by that name.

from multiprocessing import (ProcessError, BufferTooShort, TimeoutError,
                             AuthenticationError, Process, BaseContext, ForkContext,
                             SpawnContext, ForkServerContext, ForkProcess, SpawnProcess,
                             ForkServerProcess)

__all__ = ['ProcessError', 'BufferTooShort', 'TimeoutError', 'AuthenticationError',
           'Process', 'BaseContext', 'ForkContext', 'SpawnContext', 'ForkServerContext',
           'ForkProcess', 'SpawnProcess', 'ForkServerProcess']
