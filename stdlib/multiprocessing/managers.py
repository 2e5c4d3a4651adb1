# multiprocessing.managers: a server process that holds shared objects, and proxies.
#
# The server is one forked process listening on a UNIX socket; every process talks to
# it over its own connection (made on first use, so children forked later connect
# for themselves). Requests and answers are values sent with spindle's codec.
# Locks, events, queues and the like from a manager are the native shared-memory
# objects: they already work across processes without a server round trip.

import array
import multiprocessing
import _mp

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'ListProxy', 'DictProxy',
           'NamespaceProxy', 'ValueProxy', 'ArrayProxy', 'Namespace', 'RemoteError', 'AutoProxy',
           'public_methods', 'all_methods']


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
    return array.array(typecode, sequence)


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
    if name == '__reversed__':
        return list(reversed(obj))
    if name == '#getvalue':
        return obj
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

# What the proxies of the built-in types may ask of their referents (with the
# special requests above: '__iter__' is answered with a list, '#getattr'...).
_LIST_EXPOSED = ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
                 '__mul__', '__reversed__', '__rmul__', '__setitem__', '__imul__',
                 '__iter__', 'append', 'clear', 'copy', 'count', 'extend', 'index',
                 'insert', 'pop', 'remove', 'reverse', 'sort')
_DICT_EXPOSED = ('__contains__', '__delitem__', '__getitem__', '__iter__', '__len__',
                 '__setitem__', 'clear', 'copy', 'get', 'items', 'keys', 'pop',
                 'popitem', 'setdefault', 'update', 'values')
_NAMESPACE_EXPOSED = ('#getattr', '#setattr', '#delattr')
_VALUE_EXPOSED = ('get', 'set')
_ARRAY_EXPOSED = ('__len__', '__getitem__', '__setitem__')


def all_methods(obj):
    '''The names of the methods of `obj`.'''
    return [name for name in dir(obj) if callable(getattr(obj, name))]


def public_methods(obj):
    '''The names of the methods of `obj` that do not start with '_'.'''
    return [name for name in all_methods(obj) if name[0] != '_']


def _serve(listener, address, registry):
    global _serving
    # id -> (referent, the method names its proxies may call, method_to_typeid)
    objects = {}
    next_id = 0
    conns = []
    busy = []       # connections whose request is being answered
    stopping = False

    def create(typeid, args, kwds):
        '''Makes an object of `typeid` (a registered type without a callable keeps
        its one argument) and keeps it: its id and the names its proxy may call.'''
        nonlocal next_id
        make, exposed, method_to_typeid = registry[typeid][:3]
        if make is None:
            if kwds or len(args) != 1:
                raise ValueError('Without callable, must have one non-keyword argument')
            obj = args[0]
        else:
            obj = make(*args, **kwds)
        exposed = public_methods(obj) if exposed is None else list(exposed)
        if method_to_typeid:
            exposed = exposed + list(method_to_typeid)
        # A set to check each call against; the list (dir()'s order) for the proxy.
        objects[next_id] = (obj, set(exposed), method_to_typeid)
        next_id += 1
        return next_id - 1, exposed

    def answer(request):
        nonlocal stopping
        kind = request[0]
        try:
            if kind == 'create':
                try:
                    return ('ok', create(request[1], request[2], request[3]))
                except Exception as e:
                    # As CPython: a failed creation comes back as a RemoteError.
                    raise RemoteError('%s: %s' % (type(e).__name__, e))
            if kind == 'call':
                if request[1] not in objects:
                    raise RemoteError('KeyError: no object with id %r' % (request[1],))
                obj, exposed, method_to_typeid = objects[request[1]]
                name, args, kwds = request[2], request[3], request[4]
                # Its value and str/repr are always answered, as CPython's fallbacks.
                if name not in exposed and name not in ('__str__', '__repr__', '#getvalue'):
                    raise RemoteError('AttributeError: method %r of %r object is not in '
                                      'exposed=%r' % (name, type(obj), exposed))
                result = _special(obj, name, args)
                if result is _NOT_SPECIAL:
                    try:
                        method = getattr(obj, name)
                    except AttributeError as e:
                        raise RemoteError('AttributeError: %s' % (e,))
                    # What the referent's method raises reaches the caller as it is.
                    result = method(*args, **kwds)
                typeid = method_to_typeid.get(name) if method_to_typeid else None
                if typeid is None:
                    return ('ok', result)
                # The result stays here; the caller gets a proxy for it.
                try:
                    return ('proxy', (typeid,) + create(typeid, (result,), {}))
                except Exception as e:
                    raise RemoteError('%s: %s' % (type(e).__name__, e))
            if kind == 'shutdown':
                stopping = True
                return ('ok', None)
            if kind == 'ping':
                return ('ok', None)
            return ('error', RemoteError('unknown request %r' % (kind,)))
        except Exception as e:
            return ('error', e)

    def serve(c):
        try:
            request = c.recv()
        except EOFError:
            conns.remove(c)
            c.close()
            watch()
            return
        except Exception as e:
            # A request the server cannot rebuild (a class it does not know, a
            # __setstate__ that raises) fails alone; the server goes on.
            c.send(('error', RemoteError('cannot receive the request: %s: %s'
                                         % (type(e).__name__, e))))
            return
        # While a referent's method blocks (an Event's wait), the pump answers the
        # other connections, as CPython's thread per connection would.
        busy.append(c)
        try:
            reply = answer(request)
        finally:
            busy.remove(c)
        try:
            c.send(reply)
        except Exception as e:
            c.send(('error', RemoteError('cannot send the result: %s' % (e,))))

    def idle():
        return [listener] + [c.fileno() for c in conns if c not in busy]

    def watch():
        # Every connection: one being answered sends nothing until its answer comes.
        _mp._set_pump(pump, [listener] + [c.fileno() for c in conns])

    def serve_ready(ready):
        if listener in ready:
            c = _mp._accept(listener)
            if c is not None:
                conns.append(c)
                watch()
        for c in list(conns):
            if c in conns and c not in busy and c.fileno() in ready:
                serve(c)

    def pump():
        serve_ready(_mp._wait_any(idle(), 0))

    # A referent's method that uses a proxy of this same manager is answered here,
    # without a round trip to itself.
    _serving = (_mp._getpid(), address, answer)
    watch()
    while not stopping:
        serve_ready(_mp._wait_any(idle(), None))


def _run_server(listener, address, registry, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    _serve(listener, address, registry)


# ---------------------------------------------------------------- the clients

_connections = {}


# (pid, address, answer) of the manager server this process is, if it is one (a
# process it forks inherits this but is another pid).
_serving = None


# The connections of this process waiting for an answer.
_in_flight = set()


def _exchange(conn, request):
    conn.send(request)
    try:
        return conn.recv()
    except (OSError, EOFError):
        raise
    except Exception as e:
        # An answer this process cannot rebuild (a class only the server has).
        raise RemoteError('cannot receive the answer: %s: %s' % (type(e).__name__, e))


def _request(address, request):
    if _serving is not None and _serving[:2] == (_mp._getpid(), address):
        # A copy, as the answer through a connection would be.
        kind, value = _mp._loads(_mp._dumps(_serving[2](request)))
    else:
        key = (address, _mp._getpid())
        if key in _in_flight:
            # A request made while this process waits for the answer to another (by a
            # signal handler, a pool callback or a generator's finally run during the
            # wait) goes on a connection of its own, or the answers would be swapped.
            conn = _mp._connect(address)
            try:
                kind, value = _exchange(conn, request)
            finally:
                conn.close()
        else:
            conn = _connections.get(key)
            if conn is None:
                conn = _mp._connect(address)
                _connections[key] = conn
            _in_flight.add(key)
            try:
                kind, value = _exchange(conn, request)
            finally:
                _in_flight.discard(key)
    if kind == 'error':
        raise value
    if kind == 'proxy':
        typeid, oid, exposed = value
        return _make_proxy(_registries[address][typeid][3], address, oid, typeid, exposed)
    return value


# The registry of each started manager, by address: a proxy made in a child process
# (a method listed in method_to_typeid) finds its proxy type there.
_registries = {}


def _make_proxy(proxytype, address, oid, typeid, exposed):
    if proxytype is AutoProxy:
        return AutoProxy(address, oid, typeid, exposed)
    return proxytype(address, oid, typeid)


class BaseProxy:
    def __init__(self, address, oid, typeid):
        self._address = address
        self._id = oid
        self._typeid = typeid

    def _callmethod(self, methodname, args=(), kwds={}):
        return _request(self._address, ('call', self._id, methodname, tuple(args), dict(kwds)))

    def _getvalue(self):
        '''A copy of the referent.'''
        return self._callmethod('#getvalue')

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"

    def __reduce__(self):
        return (type(self), (self._address, self._id, self._typeid))


# One proxy class per typeid and method list, as CPython makes them.
_auto_types = {}


def AutoProxy(address, oid, typeid, exposed):
    '''A proxy whose methods are the referent's public methods (or `exposed`).'''
    key = (typeid, tuple(exposed))
    cls = _auto_types.get(key)
    if cls is None:
        cls = type('AutoProxy[%s]' % typeid, (_AutoProxyBase,), {})
        for name in exposed:
            setattr(cls, name, _forward(name))
        _auto_types[key] = cls
    proxy = cls(address, oid, typeid)
    proxy._exposed_ = tuple(exposed)
    return proxy


class _AutoProxyBase(BaseProxy):
    def __reduce__(self):
        # Its class is made at run time: the receiver makes (or finds) it again.
        return (AutoProxy, (self._address, self._id, self._typeid, self._exposed_))


def _forward(name):
    if name == '__iter__':
        # The server answers '__iter__' with the items (an iterator stays there).
        def method(self):
            return iter(self._callmethod('__iter__'))
    else:
        def method(self, *args, **kwds):
            return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


class ListProxy(BaseProxy):
    _exposed_ = _LIST_EXPOSED

    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._callmethod('__iter__'))

    def __reversed__(self):
        return iter(self._callmethod('__reversed__'))

    def __add__(self, other):
        return self._callmethod('copy') + other


for _name in ('append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
              'reverse', 'sort', 'copy', 'clear', '__getitem__', '__setitem__',
              '__delitem__', '__len__', '__contains__', '__mul__', '__rmul__'):
    setattr(ListProxy, _name, _forward(_name))


class DictProxy(BaseProxy):
    _exposed_ = _DICT_EXPOSED

    def __iter__(self):
        return iter(self._callmethod('__iter__'))


for _name in ('clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault',
              'update', 'values', '__getitem__', '__setitem__', '__delitem__', '__len__',
              '__contains__'):
    setattr(DictProxy, _name, _forward(_name))


class NamespaceProxy(BaseProxy):
    _exposed_ = _NAMESPACE_EXPOSED

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
    _exposed_ = _VALUE_EXPOSED

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class ArrayProxy(BaseProxy):
    _exposed_ = _ARRAY_EXPOSED


for _name in _ARRAY_EXPOSED:
    setattr(ArrayProxy, _name, _forward(_name))


class BaseManager:
    '''Starts a server process; its methods make objects there and return proxies.'''

    # typeid -> (callable, exposed, method_to_typeid, proxytype), as CPython keeps it.
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if serializer not in ('pickle', 'xmlrpclib'):
            raise KeyError(serializer)
        if address is not None:
            raise NotImplementedError(
                'a manager at a network address (address=%r): spindle\'s managers '
                'serve the processes of one program only' % (address,))
        self._address = None
        self._process = None
        self._state = 'INITIAL'

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        '''Makes `typeid` a type of shared object: `callable(*args)` makes it in the
        server, and (with create_method) `manager.<typeid>(*args)` returns a proxy.'''
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        method_to_typeid = method_to_typeid or getattr(proxytype, '_method_to_typeid_', None)
        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                if type(key) is not str or type(value) is not str:
                    raise TypeError('method_to_typeid maps names to typeids (strings), '
                                    'not %r to %r' % (key, value))
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            def temp(self, *args, **kwds):
                return self._create(typeid, *args, **kwds)
            temp.__name__ = typeid
            setattr(cls, typeid, temp)

    def connect(self):
        raise NotImplementedError("connect(): spindle's managers have no network address; "
                                  "use the manager object (or its proxies) directly")

    def get_server(self):
        raise NotImplementedError("get_server(): spindle's managers have no network "
                                  "address; start() runs the server process")

    def start(self, initializer=None, initargs=()):
        if self._state == 'SHUTDOWN':
            raise multiprocessing.ProcessError("Manager has shut down")
        if self._state != 'INITIAL':
            raise multiprocessing.ProcessError("Already started server")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        listener, address = _mp._listen()
        p = multiprocessing.Process(target=_run_server,
                                    args=(listener, address, self._registry, initializer,
                                          initargs))
        p._name = type(self).__name__ + '-' + multiprocessing._join_identity(p._identity)
        p.daemon = True
        p.start()
        _mp._close_fd(listener)
        self._process = p
        self._address = address
        _registries[address] = self._registry
        self._state = 'STARTED'
        try:
            _request(address, ('ping',))
        except (OSError, EOFError):
            # The server ended before serving (its initializer raised).
            self._state = 'SHUTDOWN'
            p.join()
            raise EOFError

    @property
    def address(self):
        return self._address

    def _create(self, typeid, *args, **kwds):
        if self._state != 'STARTED':
            raise AssertionError('server not yet started')
        if typeid not in self._registry:
            raise KeyError(typeid)
        oid, exposed = _request(self._address, ('create', typeid, args, kwds))
        return _make_proxy(self._registry[typeid][3], self._address, oid, typeid, exposed)

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
        if self._state == 'SHUTDOWN':
            raise multiprocessing.ProcessError("Manager has shut down")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


class SyncManager(BaseManager):
    # Their proxies forward special requests; the methods below make them.
    _registry = {'list': (list, _LIST_EXPOSED, None, ListProxy),
                 'dict': (dict, _DICT_EXPOSED, None, DictProxy),
                 'Namespace': (Namespace, _NAMESPACE_EXPOSED, None, NamespaceProxy),
                 'Value': (Value, _VALUE_EXPOSED, None, ValueProxy),
                 'Array': (Array, _ARRAY_EXPOSED, None, ArrayProxy)}

    def list(self, sequence=()):
        return self._create('list', sequence)

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
