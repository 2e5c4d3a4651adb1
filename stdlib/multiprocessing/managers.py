# multiprocessing.managers: a server process that holds shared objects, and proxies.
#
# The server is one forked process listening on a UNIX socket; every process talks to
# it over its own connection (made on first use, so children forked later connect
# for themselves). Requests and answers are values sent with spindle's codec.
# Locks, events, queues and the like from a manager are the native shared-memory
# objects: they already work across processes without a server round trip.

import multiprocessing
import _mp

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'ListProxy', 'DictProxy',
           'NamespaceProxy', 'ValueProxy', 'Namespace', 'RemoteError']


class RemoteError(Exception):
    pass


class Namespace:
    def __init__(self, **kwds):
        for name, value in kwds.items():
            setattr(self, name, value)

    def __repr__(self):
        temp = []
        for name, value in vars(self).items():
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return list(sequence)


# ---------------------------------------------------------------- the server

def _special(obj, name, args):
    '''Operations a proxy forwards that are not plain method calls.'''
    if name == '__repr__':
        return repr(obj)
    if name == '__str__':
        return str(obj)
    if name == '__len__':
        return len(obj)
    if name == '__getitem__':
        return obj[args[0]]
    if name == '__setitem__':
        obj[args[0]] = args[1]
        return None
    if name == '__delitem__':
        del obj[args[0]]
        return None
    if name == '__contains__':
        return args[0] in obj
    if name == '__iter__':
        return list(obj)
    if name == '#getattr':
        return getattr(obj, args[0])
    if name == '#setattr':
        setattr(obj, args[0], args[1])
        return None
    if name == '#delattr':
        delattr(obj, args[0])
        return None
    if name == 'copy' and isinstance(obj, list):
        return list(obj)
    if name in ('keys', 'values', 'items') and isinstance(obj, dict):
        return list(getattr(obj, name)())
    return _NOT_SPECIAL


_NOT_SPECIAL = object()
_registry = {'list': list, 'dict': dict, 'Namespace': Namespace, 'Value': Value,
             'Array': Array}


def _serve(listener):
    objects = {}
    next_id = 0
    conns = []
    while True:
        fds = [listener]
        for c in conns:
            fds.append(c.fileno())
        ready = _mp._wait_any(fds, None)
        if listener in ready:
            c = _mp._accept(listener)
            if c is not None:
                conns.append(c)
        for c in list(conns):
            if c.fileno() not in ready:
                continue
            try:
                request = c.recv()
            except EOFError:
                conns.remove(c)
                c.close()
                continue
            except Exception as e:
                # A request the server cannot rebuild (a class it does not know, a
                # __setstate__ that raises) fails alone; the server goes on.
                c.send(('error', RemoteError('cannot receive the request: %s: %s'
                                             % (type(e).__name__, e))))
                continue
            kind = request[0]
            try:
                if kind == 'create':
                    obj = _registry[request[1]](*request[2], **request[3])
                    objects[next_id] = obj
                    reply = ('ok', next_id)
                    next_id += 1
                elif kind == 'call':
                    obj = objects[request[1]]
                    name, args, kwds = request[2], request[3], request[4]
                    result = _special(obj, name, args)
                    if result is _NOT_SPECIAL:
                        result = getattr(obj, name)(*args, **kwds)
                    reply = ('ok', result)
                elif kind == 'shutdown':
                    c.send(('ok', None))
                    return
                else:
                    reply = ('error', RemoteError('unknown request %r' % (kind,)))
            except Exception as e:
                reply = ('error', e)
            try:
                c.send(reply)
            except Exception as e:
                c.send(('error', RemoteError('cannot send the result: %s' % (e,))))


# ---------------------------------------------------------------- the clients

_connections = {}


def _request(address, request):
    key = (address, _mp._getpid())
    conn = _connections.get(key)
    if conn is None:
        conn = _mp._connect(address)
        _connections[key] = conn
    conn.send(request)
    kind, value = conn.recv()
    if kind == 'error':
        raise value
    return value


class BaseProxy:
    def __init__(self, address, oid, typeid):
        self._address = address
        self._id = oid
        self._typeid = typeid

    def _callmethod(self, methodname, args=(), kwds={}):
        return _request(self._address, ('call', self._id, methodname, tuple(args), dict(kwds)))

    def _getvalue(self):
        return self._callmethod('copy') if self._typeid in ('list', 'dict') else None

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return self._callmethod('__repr__')

    def __reduce__(self):
        return (type(self), (self._address, self._id, self._typeid))


def _forward(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


class ListProxy(BaseProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._callmethod('__iter__'))

    def __add__(self, other):
        return self._callmethod('copy') + other


for _name in ('append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
              'reverse', 'sort', 'copy', 'clear', '__getitem__', '__setitem__',
              '__delitem__', '__len__', '__contains__'):
    setattr(ListProxy, _name, _forward(_name))


class DictProxy(BaseProxy):
    def __iter__(self):
        return iter(self._callmethod('__iter__'))


for _name in ('clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault',
              'update', 'values', '__getitem__', '__setitem__', '__delitem__', '__len__',
              '__contains__'):
    setattr(DictProxy, _name, _forward(_name))


class NamespaceProxy(BaseProxy):
    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return self._callmethod('#getattr', (name,))

    def __setattr__(self, name, value):
        if name.startswith('_'):
            object.__setattr__(self, name, value)
        else:
            self._callmethod('#setattr', (name, value))

    def __delattr__(self, name):
        self._callmethod('#delattr', (name,))

    def __str__(self):
        return self._callmethod('__repr__')


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


_proxies = {'list': ListProxy, 'dict': DictProxy, 'Namespace': NamespaceProxy,
            'Value': ValueProxy, 'Array': ListProxy}


class BaseManager:
    '''Starts a server process; its methods make objects there and return proxies.'''

    def __init__(self):
        self._address = None
        self._process = None
        self._state = 'INITIAL'

    def start(self):
        if self._state != 'INITIAL':
            raise multiprocessing.ProcessError("Manager has already been started")
        listener, address = _mp._listen()
        p = multiprocessing.Process(target=_serve, args=(listener,))
        p._name = type(self).__name__ + '-' + multiprocessing._join_identity(p._identity)
        p.daemon = True
        p.start()
        _mp._close_fd(listener)
        self._process = p
        self._address = address
        self._state = 'STARTED'

    @property
    def address(self):
        return self._address

    def _create(self, typeid, *args, **kwds):
        if self._state != 'STARTED':
            raise multiprocessing.ProcessError("Manager has not been started")
        oid = _request(self._address, ('create', typeid, args, kwds))
        return _proxies[typeid](self._address, oid, typeid)

    def shutdown(self):
        if self._state == 'STARTED':
            try:
                _request(self._address, ('shutdown',))
            except (EOFError, OSError):
                pass
            self._process.join(1.0)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._state = 'SHUTDOWN'

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state == 'INITIAL':
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


class SyncManager(BaseManager):
    def list(self, sequence=()):
        return self._create('list', list(sequence))

    def dict(self, *args, **kwds):
        return self._create('dict', *args, **kwds)

    def Namespace(self, **kwds):
        return self._create('Namespace', **kwds)

    def Value(self, typecode, value, lock=True):
        return self._create('Value', typecode, value)

    def Array(self, typecode, sequence, lock=True):
        return self._create('Array', typecode, sequence)

    # Locks, events and queues live in shared memory rather than in the server; they
    # are made attachable, so that they also reach processes started before them (a
    # pool's workers), as CPython's proxies do.
    def Lock(self):
        return _mp._managed(multiprocessing.Lock)

    def RLock(self):
        return _mp._managed(multiprocessing.RLock)

    def Semaphore(self, value=1):
        return _mp._managed(multiprocessing.Semaphore, value)

    def BoundedSemaphore(self, value=1):
        return _mp._managed(multiprocessing.BoundedSemaphore, value)

    def Event(self):
        return _mp._managed(multiprocessing.Event)

    def Condition(self, lock=None):
        return _mp._managed(multiprocessing.Condition, lock)

    def Barrier(self, parties, action=None, timeout=None):
        return _mp._managed(multiprocessing.Barrier, parties, action, timeout)

    def Queue(self, maxsize=0):
        return _mp._managed(multiprocessing.Queue, maxsize)

    def JoinableQueue(self, maxsize=0):
        return _mp._managed(multiprocessing.JoinableQueue, maxsize)
