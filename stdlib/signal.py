# signal: handlers for the signals a process receives, over the native _signal, with
# the enums of CPython's module (Signals, Handlers, Sigmasks) as named ints.
#
# A handler runs in the process that received the signal, at the evaluator's next
# check (between statements, or in a blocking wait, which then goes on waiting), as
# CPython runs it between bytecodes. It is called as handler(signum, frame); spindle
# has no frame objects, so frame is None.

import sys as _sys
import _signal
from _signal import (NSIG, ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF, ItimerError, alarm,
                     pause, raise_signal, strsignal, setitimer, getitimer, siginterrupt,
                     default_int_handler)

_module = _sys.modules[__name__]


class _IntEnum(int):
    '''A member of one of this module's enums: an int with a name, which prints as
    the int and shows its name in repr (as CPython's IntEnum members).'''
    _members = {}

    def __new__(cls, value):
        member = cls._members.get(value)
        if member is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__name__))
        return member

    def __repr__(self):
        return '<%s.%s: %d>' % (type(self).__name__, self._name_, int(self))

    __str__ = int.__repr__

    def __format__(self, spec):
        return format(int(self), spec)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)


def _define(cls, names):
    '''Makes the members of `cls`, attributes of the class and of this module.'''
    cls._members = {}
    for name, number in names:
        member = cls._members.get(number)
        if member is None:
            member = int.__new__(cls, number)
            member._name_ = name
            cls._members[number] = member
        setattr(cls, name, member)
        setattr(_module, name, member)


class Signals(_IntEnum):
    pass


class Handlers(_IntEnum):
    pass


class Sigmasks(_IntEnum):
    pass


# Linux's numbers; an alias (SIGIOT, SIGPOLL, SIGCLD) names the member defined first.
_define(Signals, [
    ('SIGHUP', 1), ('SIGINT', 2), ('SIGQUIT', 3), ('SIGILL', 4), ('SIGTRAP', 5),
    ('SIGABRT', 6), ('SIGIOT', 6), ('SIGBUS', 7), ('SIGFPE', 8), ('SIGKILL', 9),
    ('SIGUSR1', 10), ('SIGSEGV', 11), ('SIGUSR2', 12), ('SIGPIPE', 13), ('SIGALRM', 14),
    ('SIGTERM', 15), ('SIGSTKFLT', 16), ('SIGCHLD', 17), ('SIGCLD', 17), ('SIGCONT', 18),
    ('SIGSTOP', 19), ('SIGTSTP', 20), ('SIGTTIN', 21), ('SIGTTOU', 22), ('SIGURG', 23),
    ('SIGXCPU', 24), ('SIGXFSZ', 25), ('SIGVTALRM', 26), ('SIGPROF', 27),
    ('SIGWINCH', 28), ('SIGIO', 29), ('SIGPOLL', 29), ('SIGPWR', 30), ('SIGSYS', 31),
    ('SIGRTMIN', 34), ('SIGRTMAX', 64),
])
_define(Handlers, [('SIG_DFL', _signal.SIG_DFL), ('SIG_IGN', _signal.SIG_IGN)])
_define(Sigmasks, [('SIG_BLOCK', _signal.SIG_BLOCK), ('SIG_UNBLOCK', _signal.SIG_UNBLOCK),
                   ('SIG_SETMASK', _signal.SIG_SETMASK)])


def _enum_to_int(value):
    '''A number for the machine when `value` has one, else `value` (a callable).'''
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def _int_to_enum(value, cls):
    '''The member of `cls` for `value`, or `value` (a handler, None, a real-time
    signal's plain number).'''
    try:
        return cls(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    '''Sets the handler of a signal: SIG_DFL, SIG_IGN or a callable taking
    (signum, frame). Returns the previous handler.'''
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    '''The handler of a signal: SIG_DFL, SIG_IGN, a callable, or None when it was
    set outside Python.'''
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


def pthread_sigmask(how, mask):
    '''Blocks (SIG_BLOCK), unblocks (SIG_UNBLOCK) or sets (SIG_SETMASK) signals;
    the previous mask.'''
    return set(_int_to_enum(s, Signals) for s in _signal.pthread_sigmask(how, mask))


def sigpending():
    '''The signals blocked and waiting to be delivered.'''
    return set(_int_to_enum(s, Signals) for s in _signal.sigpending())


def valid_signals():
    '''Every signal number this machine knows.'''
    return set(_int_to_enum(s, Signals) for s in _signal.valid_signals())
