# multiprocessing.connection: the Connection type of Pipe(), and waiting on several
# connections and process sentinels at once.

import _mp
import multiprocessing

Pipe = multiprocessing.Pipe
_a, _b = Pipe()
Connection = type(_a)
_a.close()
_b.close()
del _a, _b


def _fd(o):
    if isinstance(o, int):
        if o < 0:
            raise ValueError('Invalid file descriptor: %d' % o)
        return o
    if not hasattr(o, 'fileno'):
        raise ValueError('Invalid file object: %r' % (o,))
    return o.fileno()


def wait(object_list, timeout=None):
    '''The objects of `object_list` (connections, process sentinels, anything with a
    fileno()) that are ready to read or at their end, waiting at most `timeout`
    seconds for one (None: as long as it takes).'''
    ready = [o for o in object_list if isinstance(o, Connection) and o.poll()]
    if ready:
        return ready
    fds = _mp._wait_any([_fd(o) for o in object_list], timeout)
    return [o for o in object_list if _fd(o) in fds]
