# multiprocessing: CPython's process API (fork start method) on spindle's primitives.
#
# A Process is a real forked OS process. `_mp` gives fork with a sentinel pipe per
# child, waitpid, signals and the runtime's one blocking wait; everything CPython
# does in helper threads happens here at the points where the program already waits.

import _mp

__all__ = ['Process', 'current_process', 'parent_process', 'active_children',
           'cpu_count', 'ProcessError', 'BufferTooShort', 'TimeoutError',
           'AuthenticationError', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore',
           'Event', 'Condition', 'Barrier', 'Value', 'Array', 'RawValue', 'RawArray',
           'Pipe', 'Queue', 'SimpleQueue', 'JoinableQueue', 'get_context',
           'get_start_method', 'set_start_method', 'get_all_start_methods', 'freeze_support',
           'set_executable', 'set_forkserver_preload', 'allow_connection_pickling', 'Pool',
           'Manager']

# Synchronization, shared memory and channels are native (shared memory + futexes).
Lock = _mp.Lock
RLock = _mp.RLock
Semaphore = _mp.Semaphore
BoundedSemaphore = _mp.BoundedSemaphore
Event = _mp.Event
Condition = _mp.Condition
Barrier = _mp.Barrier
Value = _mp.Value
Array = _mp.Array
RawValue = _mp.RawValue
RawArray = _mp.RawArray
Pipe = _mp.Pipe
Queue = _mp.Queue
SimpleQueue = _mp.SimpleQueue
JoinableQueue = _mp.JoinableQueue


class ProcessError(Exception):
    __module__ = 'multiprocessing.context'


class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'


class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'


class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'


# A process's repr names the signal that ended it, as CPython (Linux numbering).
_exitcode_to_name = {}
for _signum, _name in enumerate(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP',
                                 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1',
                                 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM',
                                 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP',
                                 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ',
                                 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGPOLL', 'SIGPWR',
                                 'SIGSYS']):
    _exitcode_to_name[-(_signum + 1)] = '-' + _name
_exitcode_to_name[-34] = '-SIGRTMIN'
_exitcode_to_name[-64] = '-SIGRTMAX'


def _join_identity(identity):
    text = ''
    for i in identity:
        if text:
            text += ':'
        text += str(i)
    return text


class BaseProcess:
    '''A process that runs `target(*args, **kwargs)`, or its own `run()`.'''
    __module__ = 'multiprocessing.process'

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._identity = _current_process._identity + (_counter[0],)
        self._parent_pid = _mp._getpid()
        self._parent_name = _current_process._name
        self._pid = None
        self._sentinel = None
        self._exitcode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        if name is None:
            name = type(self).__name__ + '-' + _join_identity(self._identity)
        self._name = name
        self._daemonic = False
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        '''Runs the target; subclasses override this.'''
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        '''Starts the process: forks, and the child calls run().'''
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert self._parent_pid == _mp._getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._daemonic, \
            'daemonic processes are not allowed to have children'
        _cleanup()
        pid, sentinel = _mp._fork()
        if pid == 0:
            _mp._exit_child(self._bootstrap())
        self._pid = pid
        # Open until close() or until this object is freed, as CPython's: a wait on
        # it after join() sees the ended child, not a reused descriptor.
        self._sentinel_conn = sentinel
        self._sentinel = sentinel.fileno()
        _children[len(_children):] = [self]

    def _bootstrap(self):
        global _current_process, _parent_process
        _children[:] = []
        _counter[0] = 0
        for hook in _after_fork:
            hook()
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _current_process = self
        exitcode = 1
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _mp._write_stderr(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            # Ctrl-C ends the whole tree quietly; a KeyboardInterrupt the program
            # raises itself is reported like any exception, as in CPython.
            if isinstance(e, KeyboardInterrupt) and _mp._sigint_received():
                _mp._die_of_sigint()
            exitcode = 1
            _mp._write_stderr('Process ' + self._name + ':\n')
            _mp._print_exception(e)
        return exitcode

    def _reap(self, block):
        code = _mp._waitpid(self._pid, block)
        if code is not None:
            self._exitcode = code
            _children[:] = [c for c in _children if c is not self]

    def join(self, timeout=None):
        '''Waits until the process ends, or `timeout` seconds pass.'''
        self._check_closed()
        assert self._parent_pid == _mp._getpid(), 'can only join a child process'
        assert self._pid is not None, 'can only join a started process'
        if self._exitcode is None:
            if _mp._wait_sentinel(self._sentinel, timeout):
                self._reap(True)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _mp._getpid(), 'can only test a child process'
        if self._pid is None:
            return False
        if self._exitcode is None:
            self._reap(False)
        return self._exitcode is None

    def terminate(self):
        '''Sends SIGTERM.'''
        self._signal(15, 'terminate')

    def kill(self):
        '''Sends SIGKILL.'''
        self._signal(9, 'kill')

    def _signal(self, signum, method):
        self._check_closed()
        if self._pid is None or self is _current_process:
            # What CPython says: a process not started (or this one) has no popen.
            raise AttributeError("'NoneType' object has no attribute %r" % method)
        if self._exitcode is None:
            _mp._kill(self._pid, signum)

    def close(self):
        if self._pid is not None and not self._closed:
            if self._exitcode is None:
                self._reap(False)
            if self._exitcode is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            _children[:] = [c for c in _children if c is not self]
            self._sentinel_conn.close()
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, 'process has already started'
        self._daemonic = daemonic  # kept as given, as CPython keeps it

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None or self is _current_process:
            return None
        if self._exitcode is None:
            self._reap(False)
        return self._exitcode

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _mp._getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._sentinel is None:
            raise ValueError("process not started")
        return self._sentinel

    @property
    def authkey(self):
        return b''

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _mp._getpid():
            status = 'unknown'
        elif self._pid is None:
            status = 'initial'
        else:
            exitcode = self.exitcode
            status = 'stopped' if exitcode is not None else 'started'
        info = type(self).__name__ + ' name=' + repr(self._name)
        if self._pid is not None and not self._closed:
            info += ' pid=' + str(self._pid)
        info += ' parent=' + str(self._parent_pid) + ' ' + status
        if exitcode is not None:
            if exitcode in _exitcode_to_name:
                exitcode = _exitcode_to_name[exitcode]
            info += ' exitcode=' + str(exitcode)
        if self._daemonic:
            info += ' daemon'
        return '<' + info + '>'


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._pid = None
        self._sentinel = None
        self._exitcode = None
        self._closed = False
        self._daemonic = False
        self._target = None

    def _check_closed(self):
        pass


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._sentinel = None
        self._exitcode = None
        self._closed = False
        self._daemonic = False
        self._target = None

    def is_alive(self):
        return _mp._getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident


# Functions a new child runs first to forget its parent's state (pools, ...).
_after_fork = []

_current_process = _MainProcess()
_parent_process = None
_children = []
_counter = [0]


def current_process():
    '''The Process object of the calling process.'''
    return _current_process


def parent_process():
    '''The parent's Process object (None in the main process).'''
    return _parent_process


def _cleanup():
    for p in list(_children):
        p._reap(False)


def active_children():
    '''The children still running (finished ones are reaped).'''
    _cleanup()
    return list(_children)


def cpu_count():
    n = _mp.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def _exit_function():
    # As CPython at exit: daemonic children are terminated, the others joined.
    for p in active_children():
        if p._daemonic:
            p.terminate()
    for p in active_children():
        p.join()


_mp._register_exit(_exit_function)


def spawn(target, *args, **kwargs):
    '''Starts `target(*args, **kwargs)` in a new process and returns it.'''
    p = Process(target=target, args=args, kwargs=kwargs)
    p.start()
    return p


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    '''A pool of worker processes (see multiprocessing.pool.Pool).'''
    from multiprocessing.pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def Manager():
    '''A started SyncManager: shared list, dict, Namespace, Value... in a server process.'''
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


_default_manager = None


def _shared_managed(value):
    '''`shared(x)` for a list or dict that is not just numbers: a managed proxy.'''
    global _default_manager
    if _default_manager is None:
        _default_manager = Manager()
    if isinstance(value, dict):
        return _default_manager.dict(value)
    return _default_manager.list(value)


# -- start methods and contexts -----------------------------------------------
# Every spindle process is created with fork. 'spawn' and 'forkserver' are accepted
# (programs written for other systems ask for them) and fork as well.

_start_method = [None]


class BaseContext:
    '''What `get_context()` returns: the module's API under one start method.'''
    __module__ = 'multiprocessing.context'
    _name = None

    def get_start_method(self, allow_none=False):
        return self._name

    def __getattr__(self, name):
        if name.startswith('_') or name not in _CONTEXT_API:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return _module_attr(name)


class Process(BaseProcess):
    __module__ = 'multiprocessing.context'


# A context's Process class names its processes after itself (ForkProcess-1); as in
# CPython, these and multiprocessing.Process are siblings, not subclasses.
class ForkProcess(BaseProcess):
    __module__ = 'multiprocessing.context'


class SpawnProcess(BaseProcess):
    __module__ = 'multiprocessing.context'


class ForkServerProcess(BaseProcess):
    __module__ = 'multiprocessing.context'


class ForkContext(BaseContext):
    __module__ = 'multiprocessing.context'
    _name = 'fork'
    Process = ForkProcess


class SpawnContext(BaseContext):
    __module__ = 'multiprocessing.context'
    _name = 'spawn'
    Process = SpawnProcess


class ForkServerContext(BaseContext):
    __module__ = 'multiprocessing.context'
    _name = 'forkserver'
    Process = ForkServerProcess


_contexts = {'fork': ForkContext(), 'spawn': SpawnContext(), 'forkserver': ForkServerContext()}
_CONTEXT_API = set(__all__) | {'Pool', 'Manager', 'get_context', 'set_start_method',
                               'get_all_start_methods', 'freeze_support', 'set_executable',
                               'allow_connection_pickling', 'set_forkserver_preload'}


def _module_attr(name):
    import multiprocessing
    return getattr(multiprocessing, name)


def get_start_method(allow_none=False):
    if _start_method[0] is None:
        if allow_none:
            return None
        _start_method[0] = 'fork'
    return _start_method[0]


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _start_method[0] = None
        return
    if method not in _contexts:
        raise ValueError('cannot find context for %r' % (method,))
    _start_method[0] = method


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _contexts:
        raise ValueError('cannot find context for %r' % (method,))
    return _contexts[method]


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


def freeze_support():
    '''Only frozen Windows programs need this; elsewhere it does nothing, as in CPython.'''


def set_executable(executable):
    '''Forked processes run this interpreter; nothing to set.'''


def set_forkserver_preload(module_names):
    '''There is no fork server; nothing to preload.'''


def allow_connection_pickling():
    '''Connections can always be sent; nothing to allow.'''
